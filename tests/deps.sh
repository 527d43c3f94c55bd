#!/bin/sh
# deps.sh - install (or, with --check, only look for) what aduan needs to
# build and test: Debian and Ubuntu package names.
#   sh tests/deps.sh [--check] PACKAGE ...
check=0
if [ "$1" = --check ]; then
	check=1
	shift
fi
missing=
for p in "$@"; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; make sure you have:$missing" >&2
	exit 0
fi
if [ "$check" = 1 ]; then
	echo "deps: missing packages:$missing" >&2
	echo "deps: run 'make deps' (as root) to install them" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing" >&2
	echo "deps: run as root:  apt-get install$missing" >&2
	echo "deps: or:           sudo make deps" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 ||
	{ apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing; }
