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
is "$(wc -l <out | tr -d ' ')" "$(sql "select count(*) from complaint where reporter_phone='+6281200000101'")" \
	"one JSON line per complaint of that reporter"
like out '^\{"id":1,.*"reporter_name":"Hasrul Baso","reporter_phone":"\+6281200000101"' \
	"unmasked: it is the reporter's own data"
like out '"history":\[\{"at":"[^"]+","actor":"tester","action":"create"' "with the whole history"
like out '"action":"note",.*"note":"sudah dicek petugas' "notes included"
sqlite3 "$ADUAN_DB" "select json_valid(1)" >/dev/null
while read -r line; do
	[ "$(sqlite3 "$ADUAN_DB" "select json_valid('$(printf '%s' "$line" | sed "s/'/''/g")')")" = 1 ] || echo bad
done <out >valid
is "$(cat valid)" "" "every line is valid JSON"
is "$(sql "select count(*) from event where action='export' and actor='tester' and note like '%access request%'")" \
	"$(wc -l <out | tr -d ' ')" "each complaint given out is recorded as an export event"
run aduan-export --subject "+62 899 0000 0000"
is "$rc" 1 "nobody by that number: exit 1"
like err 'no complaint from \+628990000000' "saying so"
run aduan-export --subject 0812-0000-0101 -o akses.jsonl
is "$(stat -c %a akses.jsonl)" 600 "-o writes an owner-only file"
is "$(wc -l <akses.jsonl | tr -d ' ')" "$(sql "select count(*) from complaint where reporter_phone='+6281200000101'")" "with the same lines"
run aduan-export --subject 0812 --format csv
is "$rc" 2 "--subject goes alone"
run aduan-export --subject abc
is "$rc" 2 "--subject needs a phone number"

# --- purge -----------------------------------------------------------------------
aduan-close 2 3 4 >/dev/null 2>&1
sql "update complaint set closed_at='2020-06-01T00:00:00Z' where id in (2, 3)"
wa=$(sql "select id from complaint where channel='whatsapp' and source='RT 05 Api-Api' order by id limit 1")
aduan-close "$wa" >/dev/null 2>&1
sql "update complaint set closed_at='2020-06-01T00:00:00Z' where id=$wa"
summary() { aduan-export --summary --since 2024-11-01 --until 2024-12-31 --by kelurahan,category,channel; }
before=$(summary)
n=$(sql 'select count(*) from complaint')
cp "$ADUAN_DB" before.db

run aduan purge --older-than 3 --dry-run
is "$(cat out | tr '\n' ' ')" "2 3 $wa " "--dry-run lists what would be anonymised"
like err '3 closed complaint\(s\) would be anonymised' "and counts them"
is "$(sql "select count(*) from complaint where body='(purged)'")" 0 "--dry-run changes nothing"

run aduan purge --older-than 3
is "$rc" 0 "purge --older-than 3"
is "$(cat out | tr '\n' ' ')" "2 3 $wa " "prints the ids it anonymised"
is "$(sql "select count(*) from complaint where id in (2,3,$wa) and reporter_name is null and reporter_phone is null and body='(purged)' and location is null and source is null and attachments is null")" 3 \
	"identity, text, place and source are gone"
is "$(sql "select count(*) from complaint where id=4 and body <> '(purged)'")" 1 "a complaint closed recently stays"
is "$(sql "select count(*) from complaint where id=1 and body <> '(purged)'")" 1 "an open one stays"
is "$(sql "select count(*) from event where complaint in (2,3) and action='purge' and actor='tester'")" 2 "each is recorded as a purge event"
is "$(sql "select count(*) from event where complaint in (2,3,$wa) and note is not null and action <> 'purge'")" 0 "history notes are cleared"
is "$(sql 'select count(*) from complaint')" "$n" "no complaint is deleted"
is "$(summary)" "$before" "the summary's figures are the same as before"
run aduan-list -q --search Atletik
unlike out "^2\$" "the search index forgets the text"
is "$(sql "select count(*) from complaint where id=$wa and source_key like 'purged:%'")" 1 "a WhatsApp source key is kept only as a hash"
run aduan-add --from whatsapp "$API"
is "$(sql 'select count(*) from complaint')" "$n" "re-importing the export does not bring the purged complaint back"
run aduan purge --older-than 3
is "$(cat out)" "" "purging again finds nothing new"
run aduan purge
is "$rc" 2 "purge needs --older-than"
run aduan purge --older-than 0
is "$rc" 2 "a retention of zero years is a usage error"
done_testing
