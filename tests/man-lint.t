#!/bin/sh
# The manual: mandoc finds nothing to warn about, every page has its
# sections, and each program's --help lists the same options as the
# SYNOPSIS of its page.

. "${0%/*}/lib.sh"
MAN="$ADUAN_BUILD/man"

pages=$(ls "$MAN"/*.[1-9] 2>/dev/null)
[ -n "$pages" ]
ok $? "there are man pages in man/"

# ---- mandoc -T lint -W warning is silent ------------------------------------------
if command -v mandoc >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	mandoc -T lint -W warning $pages >"$T/lint" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && [ ! -s "$T/lint" ]
	ok $? "mandoc -T lint -W warning man/* is clean"
	sed 's/^/#   /' "$T/lint" | head -n 30
else
	skip "mandoc is not installed"
fi

# ---- the sections every page has -----------------------------------------------------------
for page in $pages; do
	name=${page##*/}
	want="NAME DESCRIPTION ENVIRONMENT FILES EXIT_STATUS EXAMPLES SEE_ALSO"
	case $name in
	*.1) want="NAME SYNOPSIS ${want#NAME }" ;;
	esac
	have=$(sed -n 's/^\.Sh //p' "$page" | tr ' ' '_' | tr '\n' ' ')
	missing=
	for s in $want; do
		case " $have" in
		*" $s "*) ;;
		*) missing="$missing $(echo "$s" | tr '_' ' ')," ;;
		esac
	done
	[ -z "$missing" ]
	ok $? "$name has the sections $(echo "$want" | tr '_' ' ')"
	[ -z "$missing" ] || echo "#   missing:${missing%,}"
done

# ---- --help and SYNOPSIS list the same options -------------------------------------------
# Options in usage text: "-c", "--db", ... where they start a word or follow
# "[" or "|" (so the "-add" of "aduan-add" and a lone "-" do not count).
help_options() {
	grep -oE '(^|[][ |])--?[A-Za-z0-9][-A-Za-z0-9]*' | sed 's/^[][ |]//' | sort -u
}

# Options in an mdoc SYNOPSIS: the arguments of each Fl macro, up to the
# next macro or delimiter ("Fl -db" is --db, "Fl c" is -c, "Fl" alone is -).
synopsis_options() {
	awk '
	/^\.Sh / { syn = ($2 == "SYNOPSIS"); next }
	!syn || !/^\./ { next }
	{
		sub(/^\./, "")
		n = split($0, w, /[ \t]+/)
		for (i = 1; i <= n; i++) {
			if (w[i] != "Fl")
				continue
			for (j = i + 1; j <= n; j++) {
				if (w[j] !~ /^[-A-Za-z0-9]/ || w[j] ~ /^[A-Z][a-z][a-z]?$/)
					break
				print "-" w[j]
			}
		}
	}' "$1" | sort -u
}

for page in "$MAN"/*.1; do
	[ -f "$page" ] || continue
	prog=${page##*/}
	prog=${prog%.1}
	if [ ! -x "$ADUAN_BUILD/$prog" ]; then
		skip "$prog: --help against its SYNOPSIS ($prog is not built yet)"
		continue
	fi
	"$ADUAN_BUILD/$prog" --help >"$T/help" 2>"$T/help.err"
	rc=$?
	[ "$rc" -eq 0 ] && [ -s "$T/help" ] && [ ! -s "$T/help.err" ]
	ok $? "$prog --help prints the usage on stdout and exits 0 (exit $rc)"

	help_options <"$T/help" >"$T/opts.help"
	synopsis_options "$page" >"$T/opts.man"
	[ -s "$T/opts.man" ] || [ ! -s "$T/opts.help" ]
	ok $? "$prog: options found in the SYNOPSIS of ${page##*/}"
	if cmp -s "$T/opts.help" "$T/opts.man"; then
		ok 0 "$prog: --help and ${page##*/} SYNOPSIS list the same options ($(wc -l <"$T/opts.help" | tr -d ' '))"
	else
		ok 1 "$prog: --help and ${page##*/} SYNOPSIS list the same options"
		only_help=$(comm -23 "$T/opts.help" "$T/opts.man" | tr '\n' ' ')
		only_man=$(comm -13 "$T/opts.help" "$T/opts.man" | tr '\n' ' ')
		[ -z "$only_help" ] || echo "#   only in --help: $only_help"
		[ -z "$only_man" ] || echo "#   only in the SYNOPSIS: $only_man"
	fi
done

done_testing
