#!/bin/sh
# Data-subject tools (UU PDP): access to what is held about a reporter,
# and anonymising closed complaints past the retention period.
. "${0%/*}/lib.sh"
preset
API="$FIX/whatsapp/WhatsApp Chat with RT 05 Api-Api.txt"
aduan-add -q --from csv "$ADUAN_BUILD/data/sample-complaints.csv" >/dev/null 2>&1
aduan-add -q --from whatsapp "$API" >/dev/null 2>&1
aduan-route --to PUPR 1 >/dev/null 2>&1
aduan-route --note "sudah dicek petugas, Pak Hasrul dihubungi" 1 >/dev/null 2>&1

# --- access request -----------------------------------------------------------
run aduan-export --subject 0812-0000-0101
is "$rc" 0 "--subject exits 0"
is "$(wc -l <out | tr -d ' ')" "$(count --reporter 0812-0000-0101)" \
	"one JSON line per complaint of that reporter"
like out '^\{"id":1,.*"reporter_name":"Hasrul Baso","reporter_phone":"\+6281200000101"' \
	"unmasked: it is the reporter's own data"
like out '"history":\[\{"at":"[^"]+","actor":"tester","action":"create"' "with the whole history"
like out '"action":"note",.*"note":"sudah dicek petugas' "notes included"
python3 -c 'import json, sys
for l in sys.stdin: json.loads(l)' <out
ok $? "every line is valid JSON"
is "$(allevents | grep -Ec '	export +tester  ".*access request')" \
	"$(wc -l <out | tr -d ' ')" "each complaint given out is recorded as an export event"
run aduan-export --subject "+62 899 0000 0000"
is "$rc" 1 "nobody by that number: exit 1"
like err 'no complaint from \+628990000000' "saying so"
run aduan-export --subject 0812-0000-0101 -o akses.jsonl
is "$(stat -c %a akses.jsonl)" 600 "-o writes an owner-only file"
is "$(wc -l <akses.jsonl | tr -d ' ')" "$(count --reporter 0812-0000-0101)" "with the same lines"

# --- purge -----------------------------------------------------------------------
aduan-close 2 3 4 >/dev/null 2>&1
# closed years ago, which no program writes: SQL (here and before the second purge)
sql "update complaint set closed_at='2020-06-01T00:00:00Z' where id in (2, 3)"
wa=$(aduan-list --channel whatsapp --format tsv -f id,source | awk -F '\t' '$2 == "RT 05 Api-Api" { print $1; exit }')
aduan-close "$wa" >/dev/null 2>&1
sql "update complaint set closed_at='2020-06-01T00:00:00Z' where id=$wa"
summary() { aduan-export --summary --since 2024-11-01 --until 2024-12-31 --by kelurahan,category,channel; }
before=$(summary)
n=$(count)
cp "$ADUAN_DB" before.db

run aduan purge --older-than 3 --dry-run
is "$(cat out | tr '\n' ' ')" "2 3 $wa " "--dry-run lists what would be anonymised"
like err '3 closed complaint\(s\) would be anonymised' "and counts them"
is "$(aduan-list -f body | grep -cx '(purged)')" 0 "--dry-run changes nothing"

run aduan purge --older-than 3
is "$rc" 0 "purge --older-than 3"
is "$(cat out | tr '\n' ' ')" "2 3 $wa " "prints the ids it anonymised"
is "$(aduan-list -f reporter_name,reporter_phone,body,location,source,attachments 2 3 "$wa" |
	grep -cx "$(printf '\t\t(purged)\t\t\t')")" 3 \
	"identity, text, place and source are gone"
is "$(aduan-list -f body 4 | grep -cvx '(purged)')" 1 "a complaint closed recently stays"
is "$(aduan-list -f body 1 | grep -cvx '(purged)')" 1 "an open one stays"
is "$({ events 2; events 3; } | grep -Ec '^purge +tester ')" 2 "each is recorded as a purge event"
is "$({ events 2; events 3; events "$wa"; } | grep -v '^purge ' | grep -c '"')" 0 "history notes are cleared"
is "$(count)" "$n" "no complaint is deleted"
is "$(summary)" "$before" "the summary's figures are the same as before"
run aduan-list -q --search Atletik
unlike out "^2\$" "the search index forgets the text"
is "$(get "$wa" source_key | grep -c '^purged:')" 1 "a WhatsApp source key is kept only as a hash"
run aduan-add --from whatsapp "$API"
is "$(count)" "$n" "re-importing the export does not bring the purged complaint back"
run aduan purge --older-than 3
is "$(cat out)" "" "purging again finds nothing new"

# --- confidential means confidential in every export for others -----------------
conf=$(aduan-add --confidential -n "Wulan Sari" -p 0813-2222-0777 -k "Lok Tuan" -r 7 \
	-L "rumah kuning ujung gang" --category kdrt "suami memukul" 2>/dev/null)
anon=$(aduan-add --anonymous -n "Yusuf" -p 0813-2222-0888 -k Guntung -L "pasar" "pungli" 2>/dev/null)
aduan-edit --lat 0.1325 --lon 117.4791 "$conf" >/dev/null 2>&1
aduan-edit --lat 0.125 --lon 117.5 "$anon" >/dev/null 2>&1
for fmt in csv tsv jsonl open311; do
	aduan-export --format $fmt "$conf" "$anon" >masked.$fmt 2>/dev/null
	# the phones as written and in E.164: not any four digits, which a uid may hold
	unlike masked.$fmt 'Wulan|Yusuf|0813.?2222|2222.?0777|2222.?0888|81322220|kuning|Lok Tuan|kdrt|memukul|pungli|0\.1325|117\.4791' \
		"$fmt: a confidential complaint shows no identity, place, position, category or text; an anonymous one no identity or text"
done
like masked.csv "^$anon,.*,Guntung,,pasar,0\.125,117\.5,,\(withheld\)," "an anonymous one keeps its place"
aduan-export --format csv --personal "$conf" >personal.csv 2>/dev/null
like personal.csv 'Wulan Sari.*Lok Tuan,007,rumah kuning ujung gang,.*kdrt,suami memukul' "--personal shows it all"
while IFS='|' read -r args want; do
	run aduan-export $args
	is "$rc" 2 "aduan-export $args: refused (2)"
	like err "$want" "aduan-export $args: saying why"
	is "$(wc -c <out | tr -d ' ')" 0 "aduan-export $args: and nothing written"
done <<'ROWS'
--reporter 0813-2222-0777|--search and --reporter look into personal data: only with --personal
--search memukul|--search and --reporter look into personal data: only with --personal
--format jsonl --search memukul|--search and --reporter look into personal data: only with --personal
--summary --search memukul|--search and --reporter look into personal data: not in a summary
--summary --reporter 0813-2222-0777|--search and --reporter look into personal data: not in a summary
ROWS
run aduan-export --personal --format csv --reporter 0813-2222-0777
is "$(grep -c 'Wulan Sari' out)" 1 "with --personal, --reporter finds the reporter"
run aduan-export --format csv "$conf" "$(aduan-list -f id,reporter_phone,anonymous,confidential |
	awk -F '\t' '$2 != "" && $3 == 0 && $4 == 0 { print $1; exit }')"
like out ',\+\*{10}[0-9]{3},' "a masked phone shows only its last 3 digits"

# --- the command lines kept for undo hold no personal data ----------------------
NAME="Sutarmiji Wiraprana"
cid=$(aduan-add --confidential -qn "$NAME" --phone=0812-7777-0431 -L "Gang Kenari Tujuh" \
	-k Guntung -- "tetangga menimbun zulkarnaenbarang di gudang" 2>/dev/null)
aduan-route --to PUPR --note "Pak $NAME sudah ditelepon" "$cid" >/dev/null 2>&1
aduan-list --search zulkarnaenbarang --reporter 0812-7777-0431 >/dev/null 2>&1
other=$(aduan-add -k Guntung "lampu jalan padam" 2>/dev/null)
aduan-route --note "tetangga dari $NAME (+6281277770431) ikut melapor" "$other" >/dev/null 2>&1
aduan-edit --body "lampu jalan padam sejak Senin, kata Halimatussadiah" --phone 0812-7777-0555 \
	"$other" >/dev/null 2>&1
run aduan undo --list
like out "aduan-edit --body \*\*\* --phone \*\*\* $other\$" "undo --list: an edit without the new text and phone"
unlike out "Halimatussadiah|0555" "nothing of the edit's values"
like out "aduan-add --confidential -qn \*\*\* --phone=\*\*\* -L \*\*\* -k Guntung -- \*\*\*\$" \
	"undo --list: the add with its name, phone, place and text left out"
like out "aduan-route --to PUPR --note \*\*\* $cid\$" "undo --list: a note left out, the route kept"
unlike out "Sutarmiji|7777|0431|Kenari|zulkarnaen|ditelepon" "undo --list shows nothing personal"
aduan-add -p 0812-7777-0999 "salah catat" >/dev/null 2>&1
run aduan undo
like err 'undid #[0-9]+ by tester .*\(aduan-add -p \*\*\* \*\*\*\)' "undo's message: the command without phone and text"

# --- purge forgets: not a byte of the reporter is left in the file ---------------
forgotten() {	# the words of the purged complaint found in the database files
	for w in Sutarmiji Wiraprana 6281277770431 081277770431 zulkarnaenbarang Kenari ditelepon; do
		cat "$@" 2>/dev/null | LC_ALL=C grep -aiq "$w" && echo "$w"
	done
}
sqlite3 "$ADUAN_DB" 'pragma wal_checkpoint(passive)' >/dev/null	# the subject is the file on disk: SQL
is "$(forgotten "$ADUAN_DB" "$ADUAN_DB-wal" | tr '\n' ' ')" \
	"Sutarmiji Wiraprana 6281277770431 zulkarnaenbarang Kenari ditelepon " \
	"before the purge the file holds them (the check can see)"
aduan-close "$cid" >/dev/null 2>&1
sql "update complaint set closed_at='2020-06-01T00:00:00Z' where id=$cid"
run aduan purge --older-than 3
is "$(cat out)" "$cid" "the confidential complaint is purged"
is "$(forgotten "$ADUAN_DB" "$ADUAN_DB-wal" | tr '\n' ' ')" "" \
	"after it, no name, phone or word of it in the database file or its log"
is "$(events "$other" | grep -c '  "tetangga dari (purged) ((purged)) ikut melapor"$')" 1 \
	"a note on another complaint that named the reporter keeps its words, not the name"
run aduan-list -q --search zulkarnaenbarang
is "$rc" 1 "the search finds nothing of it"
is "$(sql 'pragma integrity_check')" ok "the database is intact"	# on disk: SQL
is "$(aduan-list -q --search padam | grep -cx "$other")" 1 \
	"the search index still knows the others"

# --- the record of a personal export outlives the undo of the add ----------------
aid=$(aduan-add -n "Rina Amalia" -p 0812-5555-0101 -k Guntung "minta salinan data" 2>/dev/null)
aduan-export --personal --format jsonl "$aid" >/dev/null 2>&1
run aduan undo
is "$rc" 0 "undo of an add that was exported with --personal"
is "$(aduan-list -q "$aid" 2>/dev/null)" "" "the complaint is gone"
# no program shows the record of a personal export once its complaint is gone: SQL
is "$(sql "select count(*) from export_audit where complaint=$aid and actor='tester'")" 1 \
	"the record that its personal data was given out stays"
done_testing
