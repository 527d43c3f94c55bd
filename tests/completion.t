#!/bin/sh
# completion: bash completion offers the options of each program, the
# verbs of aduan, and live values from the database; the zsh one parses.
. "${0%/*}/lib.sh"

BASHCOMP="$ADUAN_BUILD/completion/aduan.bash"
ZSHCOMP="$ADUAN_BUILD/completion/_aduan"
# a build tree copied without completion/ (check-asan) has nothing to test
if [ ! -f "$BASHCOMP" ] || [ ! -f "$ZSHCOMP" ]; then
	echo "1..0 # SKIP no completion/ in this build tree"
	exit 0
fi

# comp WORD...: what bash completes for the last WORD (possibly empty) of
# the command line WORD..., one candidate a line in $T/out, sorted, through
# the function that 'complete' registered for the program.
comp() {
	bash -c '
		. "$1" || exit 1
		shift
		spec=$(complete -p "${1##*/}" 2>/dev/null) || { echo "not registered: $1" >&2; exit 1; }
		fn=${spec#*-F } fn=${fn%% *}
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
		COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		"$fn" "${1##*/}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' comp "$BASHCOMP" "$@" >"$T/out.raw" 2>"$T/err"
	rc=$?
	sort "$T/out.raw" >"$T/out"
	got=$(tr '\n' ' ' <"$T/out" | sed 's/ $//')
}

run bash -n "$BASHCOMP"
is "$rc" 0 "aduan.bash is valid bash"

# options SOURCE: the options a program's source declares: the long ones
# of its getopt_long table, with those of the cli.h macros it uses, and
# the short ones of its option string.
options() {
	sed -n 's/^[[:space:]]*{"\([a-z0-9-]*\)", [a-z]*_argument,.*/--\1/p' "$1"
	for m in $(grep -o 'CLI_[A-Z_]*OPTIONS' "$1" | sort -u); do
		sed -n "/#define $m/,/[^\\]\$/p" "$ADUAN_BUILD/cmd/cli.h" |
			sed -n 's/^[[:space:]]*{"\([a-z0-9-]*\)", [a-z]*_argument,.*/--\1/p'
	done
	sed -n 's/.*getopt_long([^"]*"\([^"]*\)".*/\1/p' "$1" | head -n 1 |
		tr -d ':' | fold -w 1 | sed -n 's/^./-&/p'
	# aduan-edit's field options come from the library's table
	case $1 in */aduan-edit.c)
		sed -n 's/.*EDIT("\([a-z]*\)").*/--\1/p' "$ADUAN_BUILD/lib/field.c" ;;
	esac
}

# same DESCRIPTION: $T/want and $T/got hold the same lines
same() {
	sort -u "$T/want" >"$T/want.s"
	sort -u "$T/got" >"$T/got.s"
	if cmp -s "$T/want.s" "$T/got.s"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		diff "$T/want.s" "$T/got.s" | sed 's/^/#   /'
	fi
}

# Every program is registered, and offers exactly the options its source
# declares: a new option fails here until the completions know it.
for p in aduan-add aduan-list aduan-route aduan-close aduan-edit aduan-export; do
	options "$ADUAN_BUILD/cmd/$p.c" >"$T/want"
	comp "$p" -
	cp "$T/out" "$T/got"
	same "$p offers the options of $p.c"
done
# aduan: the verbs of its table of commands and the programs it runs, and
# the options of all the verbs together
sed -n 's/^[[:space:]]*{"\([a-z]*\)", \(NULL\|"[a-z]*"\), cmd_[a-z_]*,.*/\1/p' \
	"$ADUAN_BUILD/cmd/aduan.c" >"$T/want"
sed -n 's/.*programs\[\] = {\(.*\)NULL.*/\1/p' "$ADUAN_BUILD/cmd/aduan.c" |
	tr -s '", ' '\n\n\n' | grep . >>"$T/want"
echo help >>"$T/want"
comp aduan ''
cp "$T/out" "$T/got"
same "aduan offers the verbs of aduan.c"
options "$ADUAN_BUILD/cmd/aduan.c" >"$T/want"
: >"$T/got"
for v in $(cat "$T/out"); do
	comp aduan "$v" -
	case $v in add|list|route|close|edit|export|help) ;; *) cat "$T/out" >>"$T/got" ;; esac
done
echo --version >>"$T/got"
same "aduan's verbs together offer the options of aduan.c"

comp aduan-list --sta
is "$got" "--status" "aduan-list --sta completes to --status"
comp aduan-add --fr
is "$got" "--from" "aduan-add --fr completes to --from"
comp aduan-export --su
is "$got" "--subject --summary" "aduan-export --su offers --subject and --summary"
comp aduan-close --re
is "$got" "--reopen --resolution" "aduan-close --re offers --reopen and --resolution"
comp aduan --
is "$got" "--help --version" "aduan -- offers --help and --version"

comp aduan ag
is "$got" "agency" "aduan ag completes to agency"
comp aduan agency ''
is "$got" "add list rm set" "aduan agency offers list, add, rm, set"
comp aduan rule ''
is "$got" "add list load rm test" "aduan rule offers its sub-verbs"
comp aduan holiday ''
is "$got" "add list load rm" "aduan holiday offers its sub-verbs"
comp aduan template ''
is "$got" "edit list set show" "aduan template offers its sub-verbs"
comp aduan-route --l
is "$got" "--lang --letter --link --list" "aduan-route --l offers the ways to forward"
comp aduan-route --lang ''
is "$got" "en id" "the template languages after --lang"
comp aduan help ro
is "$got" "route" "aduan help ro completes to route"
comp aduan list --ove
is "$got" "--overdue" "aduan list takes the options of aduan-list"

# Fixed values.
comp aduan-list --status ''
is "$got" "closed open routed" "statuses after --status"
comp aduan export --status r
is "$got" "routed" "aduan export --status r"
comp aduan-add -c w
is "$got" "walk-in web whatsapp" "channels after -c"
comp aduan-add --channel ''
is "$(wc -l <"$T/out" | tr -d ' ')" 10 "ten channels after --channel"
comp aduan-list --priority ''
is "$got" "low normal urgent" "priorities after --priority"
comp aduan-close --resolution ''
is "$got" "duplicate rejected resolved withdrawn" "resolutions after --resolution"
comp aduan-list --format ''
is "$got" "csv jsonl table tsv" "aduan-list formats"
comp aduan-export --format ''
is "$got" "csv jsonl open311 tsv xlsx" "aduan-export formats"
comp aduan-add --from ''
is "$got" "csv jsonl tsv whatsapp xlsx" "--from formats"
comp aduan-add --date-order m
is "$got" "mdy" "--date-order"
comp aduan-export --by kelurahan,c
is "$got" "kelurahan,category kelurahan,channel" "--by completes the last key of a list"
comp aduan-edit --anonymous ''
is "$got" "no yes" "aduan-edit --anonymous yes or no"
comp aduan edit --pr
is "$got" "--priority" "aduan edit takes the options of aduan-edit"
comp aduan-list -f id,received_at,kel
is "$got" "id,received_at,kelurahan" "-f completes field names"

# Files.
mkdir "$T/in" && : >"$T/in/minggu-48.csv" && : >"$T/in/minggu-49.csv"
comp aduan-add --from csv in/ming
is "$got" "in/minggu-48.csv in/minggu-49.csv" "file operands after --from csv"
comp aduan-add --rejects in/minggu-4
is "$got" "in/minggu-48.csv in/minggu-49.csv" "files after --rejects"
comp aduan-export -o in/minggu-49
is "$got" "in/minggu-49.csv" "files after -o"
comp aduan-add in/ming
is "$got" "" "no files for the text of one complaint"

# Live values need a database; with none there are none, and no noise.
ADUAN_DB="$T/none.db" comp aduan-route --to ''
is "$got" "" "no agency codes without a database"
is "$(cat "$T/err")" "" "and nothing on stderr"
[ ! -e "$T/none.db" ]
ok $? "completing does not create the database"

preset
comp aduan-route --to ''
is "$got" "$(aduan agency list | sed 1d | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')" \
	"agency codes after --to, as 'aduan agency list' has them"
like "$T/out" '^PUPR$' "PUPR among them"
comp aduan-list --agency P
is "$got" "PDAM PLN POLRES PUPR" "aduan-list --agency P"
comp aduan list --agency=PU
is "$got" "--agency=PUPR" "aduan list --agency=PU as one word"
comp aduan-list --agency = D
is "$got" "DAMKAR DINKES DINSOSPM DISDIKBUD DISDUKCAPIL DISHUB DISKOMINFO DISNAKER DISPERKIMTAN DKP3 DKUMPP DLH" \
	"--agency=D split at = by bash"
comp aduan agency rm SAT
is "$got" "SATPOLPP" "aduan agency rm completes a code"
comp aduan rule add 'jalan|aspal' PU
is "$got" "PUPR" "aduan rule add PATTERN completes the agency"

comp aduan-add -k Lok
is "$got" 'Lok\ Tuan' "kelurahan names with a space come quoted"
comp aduan-list --kelurahan Bon
is "$got" 'Bontang\ Baru Bontang\ Kuala' "two of them"
comp aduan-list --kelurahan '"Gunung'
is "$got" '"Gunung Elai"' "inside an opened double quote"
comp aduan-list --kelurahan "'Gunung"
is "$got" "'Gunung Elai'" "inside an opened single quote"
comp aduan-list --kelurahan 'Gunung\ E'
is "$got" 'Gunung\ Elai' "after a backslashed space"
comp aduan-export --kelurahan A
is "$got" 'Api-Api' "aduan-export --kelurahan"
comp aduan kelurahan add Gun
is "$got" 'Guntung Gunung\ Elai' "aduan kelurahan add offers existing names"

comp aduan config sla.
is "$got" "sla.low sla.normal sla.urgent" "setting keys from aduan config"
comp aduan config --unset intake.j
is "$got" "intake.join_minutes" "after --unset too"
comp aduan-list --category lalu
is "$got" 'lalu\ lintas' "categories of the routing rules"
comp aduan rule rm 7
like "$T/out" "^$(aduan rule list | tail -n 1 | cut -f1)\$" "rule positions after rule rm"
comp aduan holiday rm "$(aduan holiday list | sed -n 2p | cut -f1)"
is "$(wc -l <"$T/out" | tr -d ' ')" 1 "holiday days after holiday rm"
comp aduan init --preset bon
is "$got" "bontang-utara" "presets in the data folder"

# --db given earlier on the line is the database asked.
aduan init --db "$T/other.db" 2>/dev/null &&
	aduan agency add --db "$T/other.db" PUPR2 "Dinas lain" 2>/dev/null
comp aduan-route --db "$T/other.db" --to ''
is "$got" "PUPR2" "--db FILE earlier on the line is respected"
comp aduan-route --db="$T/other.db" --to PU
is "$got" "PUPR2" "and --db=FILE"
comp aduan route --db = "$T/other.db" --to PU
is "$got" "PUPR2" "and --db=FILE split at = by bash"
comp aduan agency --db "$T/other.db" rm ''
is "$got" "PUPR2" "for the admin verbs too"

# Values from the database are text, never code.
aduan kelurahan add 'Kam$(touch pwned)pung "x"' 2>/dev/null
comp aduan-add -k Kam
is "$got" 'Kam\$\(touch\ pwned\)pung\ \"x\"' "a hostile name is quoted"
comp aduan-add -k '"Kam'
is "$got" '"Kam\$(touch pwned)pung \"x\""' "also inside double quotes"
[ ! -e "$T/pwned" ]
ok $? "and never run"

# The program's own folder is asked first when it is named with a path.
mkdir "$T/bin" && cat >"$T/bin/aduan" <<'EOF'
#!/bin/sh
printf 'code\tname\nFROMBIN\tx\n'
EOF
chmod +x "$T/bin/aduan"
comp "$T/bin/aduan-list" --agency ''
is "$got" "FROMBIN" "a program named with a path asks the aduan beside it"

# zsh
run bash -c 'head -n 1 "$1"' sh "$ZSHCOMP"
is "$(cat "$T/out")" "#compdef aduan aduan-add aduan-list aduan-route aduan-close aduan-edit aduan-export" \
	"_aduan is a compdef for every program"
if command -v zsh >/dev/null 2>&1; then
	run zsh -n "$ZSHCOMP"
	is "$rc" 0 "_aduan parses (zsh -n)"
	# each program's function in _aduan knows the options bash offers
	for p in aduan-add aduan-list aduan-route aduan-close aduan-edit aduan-export; do
		sed -n "/^_$p() {/,/^}/p" "$ZSHCOMP" >"$T/zfn"
		grep -q _aduan_filter_specs "$T/zfn" &&
			sed -n '/^_aduan_filter_specs() {/,/^}/p' "$ZSHCOMP" >>"$T/zfn"
		comp "$p" -
		miss=
		for o in $(cat "$T/out"); do
			grep -Eq -- "[^a-z0-9-]$o(=|\\+)?[[},]" "$T/zfn" || miss="$miss $o"
		done
		is "$miss" "" "_aduan knows the options of $p"
	done
else
	skip "zsh is not installed: _aduan not parsed"
fi

done_testing
