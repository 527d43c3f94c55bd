#!/bin/sh
# Indonesian messages: po/id.po covers every message of the sources, the
# build tree speaks Indonesian under LANG=id_ID.UTF-8, machine formats keep
# their English keys, and LANG=C stays English.
. "${0%/*}/lib.sh"

PO="$ADUAN_BUILD/po/id.po"
MO="$ADUAN_BUILD/locale/id/LC_MESSAGES/aduan.mo"
# the catalogue beside the programs, not one named from outside
unset ADUAN_LOCALEDIR

if [ ! -f "$MO" ]; then
	echo "Bail out! $MO is missing: run 'make' (it compiles po/*.po into locale/)"
	exit 1
fi

# in_id CMD...: CMD as an Indonesian user runs it (no LC_ALL, no LANGUAGE)
in_id() {
	(
		unset LC_ALL LC_MESSAGES LANGUAGE
		LANG=id_ID.UTF-8
		export LANG
		"$@"
	)
}
# in_c CMD...: CMD under the plain C locale
in_c() {
	(
		unset LC_ALL LC_MESSAGES LANGUAGE
		LANG=C
		export LANG
		"$@"
	)
}

# 1. The template, made afresh from the sources as 'make pot' makes it,
#    has no message that id.po lacks.
if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
	flags=$(awk '
		/^XGETTEXT_FLAGS[ \t]*=/ { on = 1; sub(/^XGETTEXT_FLAGS[ \t]*=/, "") }
		on { more = sub(/\\$/, ""); printf "%s ", $0; if (!more) exit }
	' "$ADUAN_BUILD/Makefile")
	[ -n "$flags" ]
	ok $? "the Makefile names XGETTEXT_FLAGS"
	srcs=$(cd "$ADUAN_BUILD" && ls lib/*.c cmd/aduan*.c cmd/cli.c | LC_ALL=C sort -u)
	set -f
	# shellcheck disable=SC2086
	(cd "$ADUAN_BUILD" && xgettext $flags -o "$T/new.pot" $srcs) >xgettext.out 2>&1
	ok $? "xgettext regenerates the template from the sources"
	set +f
	msgcmp "$PO" "$T/new.pot" >msgcmp.out 2>&1
	[ "$?" -eq 0 ] && [ ! -s msgcmp.out ]
	ok $? "every message of the sources has its Indonesian translation (msgcmp is silent)"
	sed 's/^/#   | /' msgcmp.out | head -n 20
else
	skip "xgettext or msgcmp not installed (package gettext)"
	skip "xgettext or msgcmp not installed (package gettext)"
	skip "xgettext or msgcmp not installed (package gettext)"
fi

# 2. A complete, checked catalogue: nothing fuzzy, nothing untranslated.
if command -v msgfmt >/dev/null 2>&1; then
	msgfmt -c --statistics -o "$T/id.mo" "$PO" >stats.txt 2>&1
	is "$?" 0 "msgfmt -c accepts po/id.po"
	like stats.txt '^[0-9]+ translated messages\.$' "msgfmt --statistics: all translated"
	unlike stats.txt 'fuzzy|untranslated' "no fuzzy or untranslated message"
	cmp -s "$T/id.mo" "$MO"
	ok $? "the built catalogue matches po/id.po (else run make)"
else
	skip "msgfmt not installed (package gettext)"
	skip "msgfmt not installed (package gettext)"
	skip "msgfmt not installed (package gettext)"
	skip "msgfmt not installed (package gettext)"
fi

# 3. Usage in Indonesian.
run in_id aduan-add --bogus
is "$rc" 2 "LANG=id_ID.UTF-8 aduan-add --bogus: a usage error, exit 2"
like err '^cara pakai: aduan-add \[-q\] \[--db BERKAS\]' "the usage is in Indonesian"
like err '^ +\[--rejects BERKAS\] \[--strict\]' "options stay as they are"
run in_id aduan help
is "$rc" 0 "aduan help"
like out 'aduan route +teruskan aduan ke instansi' "the overview is in Indonesian"

# 4. Errors from the library in Indonesian.
preset
run in_id aduan-add -k Nowhere "Jalan berlubang"
is "$rc" 65 "an unknown kelurahan is a data error"
like err "^aduan-add: kelurahan \"Nowhere\" tidak dikenal \(lihat 'aduan kelurahan list'\)$" \
	"and says so in Indonesian"
run in_id aduan-list --db "$T/none.db"
is "$rc" 74 "a missing database"
like err '^aduan-list: tidak ada basis data di .*none\.db' "is reported in Indonesian"

# 5. A table for people is Indonesian; TSV, CSV and JSON Lines keep their keys.
aduan-add -q -k Api-Api -c walk-in --urgent "Jalan berlubang depan SD" >/dev/null 2>&1 &&
aduan-add -q -k "Lok Tuan" -c phone "Lampu jalan mati" >/dev/null 2>&1 &&
aduan-route --to PUPR 1 >/dev/null 2>&1
ok $? "two complaints, one routed"
if command -v script >/dev/null 2>&1; then
	in_id script -qec "aduan-list" /dev/null >tty.txt 2>&1
	like tty.txt '^nomor +diterima +status +prioritas +kelurahan +instansi +isi aduan' \
		"a terminal table has Indonesian column headers"
	like tty.txt '^1 .* diteruskan +mendesak +Api-Api +PUPR +Jalan berlubang' \
		"and Indonesian status and priority"
	like tty.txt '^2 .* terbuka +biasa +Lok Tuan' "open is 'terbuka', normal is 'biasa'"
	in_id script -qec "aduan-list --format tsv --header -f id,status,priority,channel" \
		/dev/null >tty-tsv.txt 2>&1
	like tty-tsv.txt "^id	status	priority	channel" "TSV on a terminal keeps the English header"
	like tty-tsv.txt "^2	open	normal	phone" "and the English values"
else
	skip "script not installed"
	skip "script not installed"
	skip "script not installed"
	skip "script not installed"
	skip "script not installed"
fi
run in_id aduan-list --format tsv -f id,status,priority
is "$(cat out)" "$(printf '1\trouted\turgent\n2\topen\tnormal')" "TSV keeps status open/routed"
run in_id aduan-list --format jsonl -f id,status 2
is "$(cat out)" '{"id":2,"status":"open"}' 'JSON Lines keeps "status":"open"'
run in_id aduan-list --format csv -f id,status 2
is "$(tr -d '\r' <out | tr '\n' ' ')" "id,status 2,open " "CSV keeps its header and values"

# 6. LANG=C stays English.
run in_c aduan-add --bogus
is "$rc" 2 "LANG=C aduan-add --bogus exits 2"
like err '^usage: aduan-add \[-q\] \[--db FILE\]' "with the English usage"
unlike err 'cara pakai' "and no Indonesian"
run in_c aduan-add -k Nowhere "Jalan berlubang"
like err "^aduan-add: unknown kelurahan \"Nowhere\"" "a library error in English"
if command -v script >/dev/null 2>&1; then
	in_c script -qec "aduan-list" /dev/null >tty-c.txt 2>&1
	like tty-c.txt '^id +received_at +status +priority' "an English table header"
	like tty-c.txt '^2 .* open +normal +Lok Tuan' "and English values"
else
	skip "script not installed"
	skip "script not installed"
fi
done_testing
