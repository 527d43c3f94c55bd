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

# comp_rows: one completion a row of stdin, tab-separated: the words of
# the command line (as the shell reads them), what bash offers for the last
# one ("-" for nothing), and what the row shows.
comp_rows() {
	while IFS='	' read -r words want what; do
		eval "set -- $words"
		comp "$@" </dev/null
		[ "$want" = - ] && want=
		is "$got" "$want" "$what"
	done
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

comp_rows <<'ROWS'
aduan-list --sta	--status	aduan-list --sta completes to --status
aduan-add --fr	--from	aduan-add --fr completes to --from
aduan-export --su	--subject --summary	aduan-export --su offers --subject and --summary
aduan-close --re	--reopen --resolution	aduan-close --re offers --reopen and --resolution
aduan --	--help --version	aduan -- offers --help and --version
ROWS

comp_rows <<'ROWS'
aduan ag	agency	aduan ag completes to agency
aduan agency ''	add list rm set	aduan agency offers list, add, rm, set
aduan rule ''	add list load rm test	aduan rule offers its sub-verbs
aduan holiday ''	add list load rm	aduan holiday offers its sub-verbs
aduan template ''	edit list set show	aduan template offers its sub-verbs
aduan-route --l	--lang --letter --link --list	aduan-route --l offers the ways to forward
aduan-route --lang ''	en id	the template languages after --lang
aduan help ro	route	aduan help ro completes to route
aduan list --ove	--overdue	aduan list takes the options of aduan-list
ROWS

# Fixed values.
comp_rows <<'ROWS'
aduan-list --status ''	closed open routed	statuses after --status
aduan export --status r	routed	aduan export --status r
aduan-add -c w	walk-in web whatsapp	channels after -c
ROWS
comp aduan-add --channel ''
is "$(wc -l <"$T/out" | tr -d ' ')" 10 "ten channels after --channel"
comp_rows <<'ROWS'
aduan-list --priority ''	low normal urgent	priorities after --priority
aduan-close --resolution ''	duplicate rejected resolved withdrawn	resolutions after --resolution
aduan-list --format ''	csv jsonl table tsv	aduan-list formats
aduan-export --format ''	csv jsonl open311 tsv xlsx	aduan-export formats
aduan-add --from ''	csv jsonl tsv whatsapp xlsx	--from formats
aduan-add --date-order m	mdy	--date-order
aduan-export --by kelurahan,c	kelurahan,category kelurahan,channel	--by completes the last key of a list
aduan-edit --anonymous ''	no yes	aduan-edit --anonymous yes or no
aduan edit --pr	--priority	aduan edit takes the options of aduan-edit
aduan-list -f id,received_at,kel	id,received_at,kelurahan	-f completes field names
ROWS

# Files.
mkdir "$T/in" && : >"$T/in/minggu-48.csv" && : >"$T/in/minggu-49.csv"
comp_rows <<'ROWS'
aduan-add --from csv in/ming	in/minggu-48.csv in/minggu-49.csv	file operands after --from csv
aduan-add --rejects in/minggu-4	in/minggu-48.csv in/minggu-49.csv	files after --rejects
aduan-export -o in/minggu-49	in/minggu-49.csv	files after -o
aduan-add in/ming	-	no files for the text of one complaint
ROWS

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
comp_rows <<'ROWS'
aduan-list --agency P	PDAM PLN POLRES PUPR	aduan-list --agency P
aduan list --agency=PU	--agency=PUPR	aduan list --agency=PU as one word
ROWS
comp aduan-list --agency = D
is "$got" "DAMKAR DINKES DINSOSPM DISDIKBUD DISDUKCAPIL DISHUB DISKOMINFO DISNAKER DISPERKIMTAN DKP3 DKUMPP DLH" \
	"--agency=D split at = by bash"
comp_rows <<'ROWS'
aduan agency rm SAT	SATPOLPP	aduan agency rm completes a code
aduan rule add 'jalan|aspal' PU	PUPR	aduan rule add PATTERN completes the agency
ROWS

comp_rows <<'ROWS'
aduan-add -k Lok	Lok\ Tuan	kelurahan names with a space come quoted
aduan-list --kelurahan Bon	Bontang\ Baru Bontang\ Kuala	two of them
aduan-list --kelurahan '"Gunung'	"Gunung Elai"	inside an opened double quote
aduan-list --kelurahan "'Gunung"	'Gunung Elai'	inside an opened single quote
aduan-list --kelurahan 'Gunung\ E'	Gunung\ Elai	after a backslashed space
aduan-export --kelurahan A	Api-Api	aduan-export --kelurahan
aduan kelurahan add Gun	Guntung Gunung\ Elai	aduan kelurahan add offers existing names
ROWS

comp_rows <<'ROWS'
aduan config sla.	sla.low sla.normal sla.urgent	setting keys from aduan config
aduan config --unset intake.j	intake.join_minutes	after --unset too
aduan-list --category lalu	lalu\ lintas	categories of the routing rules
ROWS
comp aduan rule rm 7
like "$T/out" "^$(aduan rule list | tail -n 1 | cut -f1)\$" "rule positions after rule rm"
comp aduan holiday rm "$(aduan holiday list | sed -n 2p | cut -f1)"
is "$(wc -l <"$T/out" | tr -d ' ')" 1 "holiday days after holiday rm"
comp aduan init --preset bon
is "$got" "bontang-utara" "presets in the data folder"

# --db given earlier on the line is the database asked.
aduan init --db "$T/other.db" 2>/dev/null &&
	aduan agency add --db "$T/other.db" PUPR2 "Dinas lain" 2>/dev/null
comp_rows <<'ROWS'
aduan-route --db "$T/other.db" --to ''	PUPR2	--db FILE earlier on the line is respected
aduan-route --db="$T/other.db" --to PU	PUPR2	and --db=FILE
aduan route --db = "$T/other.db" --to PU	PUPR2	and --db=FILE split at = by bash
aduan agency --db "$T/other.db" rm ''	PUPR2	for the admin verbs too
ROWS

# Values from the database are text, never code.
aduan kelurahan add 'Kam$(touch pwned)pung "x"' 2>/dev/null
comp_rows <<'ROWS'
aduan-add -k Kam	Kam\$\(touch\ pwned\)pung\ \"x\"	a hostile name is quoted
aduan-add -k '"Kam'	"Kam\$(touch pwned)pung \"x\""	also inside double quotes
ROWS
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
