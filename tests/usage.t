#!/bin/sh
# Usage and exit-status cases, one a row of tests/usage.tab: the command's
# exit status, and a line its output must hold.
. "${0%/*}/lib.sh"
preset
aduan-add -k Guntung "Jalan rusak di gang 1" >/dev/null 2>&1

n=0
while IFS='	' read -r status input expect cmd what; do
	n=$((n + 1))
	case $status in '' | '#'*) continue ;; esac
	eval "set -- $cmd"
	if [ "$input" = - ]; then
		"$@" </dev/null >out 2>err
	else
		printf '%b' "$input" | "$@" >out 2>err
	fi
	is "$?" "$status" "usage.tab:$n $what: $cmd"
	case $expect in
	out:*) like out "${expect#out:}" "usage.tab:$n   and stdout says so" ;;
	err:*) like err "${expect#err:}" "usage.tab:$n   and stderr says so" ;;
	esac
done <"$ADUAN_BUILD/tests/usage.tab"
done_testing
