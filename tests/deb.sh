#!/bin/sh
# deb.sh - build the Debian package from this tree, check it with lintian,
# install it, use it, remove and purge it, and check that nothing of it is
# left.  Not part of 'make check': it needs root, installs the packaging
# tools when they are missing, and installs and removes aduan on this
# machine (it refuses when aduan is installed already).
#
#   sh tests/deb.sh [WORKDIR]
#
# The tree is copied to WORKDIR/aduan-VERSION (default: a new temporary
# folder) so that the build products stay out of it; the .deb, the
# .buildinfo, .changes and the lintian report stay in WORKDIR.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
say() { printf 'deb.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root: it installs and removes the package"
! dpkg-query -W -f='${Status}' aduan 2>/dev/null | grep -q 'install ok' ||
	die "aduan is installed already; remove it first (dpkg -r aduan)"

# the build tools and the Build-Depends
sh "$src/tests/deps.sh" build-essential debhelper devscripts fakeroot lintian \
	gettext libcsv-dev libsqlite3-dev libstemmer-dev pkg-config mandoc perl sqlite3 \
	libzip-dev libexpat1-dev libxlsxwriter-dev libxml2-utils zip unzip ||
	die "cannot install the build tools"

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/aduan-deb.XXXXXX")}
tree=$work/aduan-$version
rm -rf "$tree"
mkdir -p "$tree"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$src" ls-files -co --exclude-standard | tar -C "$src" -cf - -T - | tar -C "$tree" -xf -
else
	tar -C "$src" -cf - . | tar -C "$tree" -xf -
	make -C "$tree" -s clean
fi

say "building in $tree"
(cd "$tree" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 ||
	{ tail -n 40 "$work/build.log" >&2; die "dpkg-buildpackage failed (log: $work/build.log)"; }
deb=$(ls "$work"/aduan_"$version"_*.deb)
say "built $deb"

say "lintian"
lintian --info --display-info --fail-on error "$deb" | tee "$work/lintian.log" >&2 ||
	die "lintian found errors"

dpkg -i "$deb" >/dev/null
dpkg -L aduan | while read -r f; do [ -d "$f" ] || echo "$f"; done >"$work/files"
say "installed $(wc -l <"$work/files") files"

# use it as an operator would: the installed programs and data, no help
home=$(mktemp -d "${TMPDIR:-/tmp}/aduan-deb-home.XXXXXX")
trap 'rm -rf "$home"' EXIT
(
	unset ADUAN_DATADIR
	export HOME="$home" ADUAN_DB="$home/aduan.db" TZ=Asia/Makassar PATH=/usr/bin:/bin
	cd "$home"
	[ "$(command -v aduan)" = /usr/bin/aduan ] || exit 1
	aduan init --preset bontang-utara
	id=$(aduan-add -c wa -n Budi -p 0812-3456-7890 -k "Lok Tuan" -r 5 "Jalan berlubang di depan SD 004")
	[ "$id" = 1 ]
	[ "$(aduan-list -q --kelurahan loktuan)" = 1 ]
	aduan-route --to PUPR 1
	aduan-export --summary --by kelurahan | grep -q '^Lok Tuan,'
	aduan-list --format table
	# the completion bash-completion would load for aduan-list
	bash -c '. /usr/share/bash-completion/completions/aduan-list &&
		COMP_WORDS=(aduan-list --agency PU) COMP_CWORD=2 && _aduan &&
		[ "${COMPREPLY[*]}" = PUPR ]'
	man -w aduan-export >/dev/null && man -w 7 aduan >/dev/null
) || die "the installed package does not work"
say "the installed programs work"

dpkg -r aduan >/dev/null
left=$(while read -r f; do
	if [ -e "$f" ] || [ -L "$f" ]; then echo "$f"; fi
done <"$work/files")
[ -z "$left" ] || die "left after dpkg -r: $left"
# no conffiles: remove leaves nothing to purge, but purge anyway if it does
case $(dpkg-query -W -f='${Status}' aduan 2>/dev/null || :) in
*config-files) dpkg -P aduan >/dev/null ;;
esac
status=$(dpkg-query -W -f='${Status}' aduan 2>/dev/null || :)
case $status in
''|*not-installed) ;;
*) die "dpkg still knows aduan after purge: $status" ;;
esac
[ ! -e /usr/share/aduan ] && [ ! -e /usr/share/doc/aduan ] || die "package folders left after purge"
say "removed and purged: nothing left"
say "ok: $deb"
