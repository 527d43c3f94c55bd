#!/bin/sh
# aduan-list: filters, formats, -q/-0/-l, terminal safety, exit statuses.
. "${0%/*}/lib.sh"

run aduan-list --db "$T/missing.db"
is "$rc" 74 "a reader on a missing database fails with 74"
like err "no database at $T/missing.db \\(create it with 'aduan init'" "naming the path and aduan init"
[ ! -e "$T/missing.db" ]
ok $? "and does not create it"

preset
cat >c.csv <<'X'
received_at,channel,reporter_name,reporter_phone,kelurahan,rt,category,body,priority,location
2024-11-25T08:00,whatsapp,Budi,0812-0000-0001,Lok Tuan,5,jalan,Jalan berlubang dekat pasar,normal,Jl. Pelabuhan
2024-11-26T09:30,phone,Ani,0812-0000-0002,Api-Api,12,sampah,"Sampah menumpuk, bau sekali",urgent,Gang Atletik
2024-11-27T23:30,facebook,Candra,0812-0000-0001,Lok Tuan,5,penerangan,Lampu jalan mati,low,
2024-11-28T00:30,walk-in,"Dewi ""Ayu""",,Guntung,3,jalan,"Jalan licin
tolong",normal,
X
aduan-add -q --from csv c.csv >/dev/null 2>&1
aduan-route --to PUPR 1 >/dev/null 2>&1

run aduan-list
is "$rc" 0 "something matched: exit 0"
is "$(cut -f1 out | tr '\n' ' ')" "1 2 3 4 " "not a terminal: TSV, all complaints, by id"
is "$(head -n 1 out | awk -F'\t' '{print NF}')" 26 "TSV carries every field"
is "$(sed -n 4p out | cut -f18)" 'Jalan licin\ntolong' "TSV escapes the newline"

ids() { aduan-list -q "$@" | tr '\n' ' '; }
is "$(ids --status open)" "2 3 4 " "--status"
is "$(ids --status open,routed --priority urgent)" "2 " "lists with commas, filters combine with AND"
is "$(ids --kelurahan loktuan)" "1 3 " "--kelurahan folds aliases"
is "$(ids --kelurahan 'Api-Api,Guntung')" "2 4 " "--kelurahan list"
is "$(ids --rt 'RT 05')" "1 3 " "--rt normalises"
is "$(ids --channel phone)" "2 " "--channel"
is "$(ids --category jalan)" "1 4 " "--category"
is "$(ids --agency pupr)" "1 " "--agency ignores case"
is "$(ids --since 2024-11-26 --until 2024-11-27)" "2 3 " "--since/--until are whole local days"
is "$(ids --since 2024-11-28)" "4 " "local midnight, not UTC midnight"
is "$(ids --since 2024-W48 --until 2024-W48)" "1 2 3 4 " "ISO weeks"
is "$(ids --since 2024-11-26T09:30 --until 2024-11-26T09:30)" "2 " "a minute"
aduan-close 4 >/dev/null 2>&1
aduan-add -k Guntung "Baru diterima hari ini" >/dev/null 2>&1
is "$(ids --overdue)" "1 2 3 " "--overdue: past due (not 5, received now) and not closed (not 4)"
aduan undo >/dev/null 2>&1; aduan undo >/dev/null 2>&1
is "$(ids)" "1 2 3 4 " "(5 undone, 4 open again)"
is "$(ids --search 'bau')" "2 " "--search uses the full-text index"
is "$(ids --search 'jalan')" "1 3 4 " "--search"
is "$(ids --search 'jal*')" "1 3 4 " "--search prefix"
is "$(ids --search 'Pelabuhan')" "1 " "--search covers the location"
is "$(ids --search '"OR AND (')" "" "--search treats syntax as text"
is "$(ids --reporter '+62 812 0000 0001')" "1 3 " "--reporter normalises the phone"
is "$(ids 3 1)" "1 3 " "ids as operands"
is "$(printf '2\tfoo\n\n4\n' | aduan-list -q -)" "2
4" "ids from stdin with -"
is "$(aduan-list -q --status open - <<X
1
2
X
)" "2" "ids and filters combine"

run aduan-list --status closed
is "$rc" 1 "nothing matched: exit 1"
is "$(cat out)" "" "and prints nothing"
run aduan-list -q 1 99
is "$rc" 0 "one found of two: exit 0"
like err 'no such complaint: 99' "the missing one is named"

is "$(aduan-list -f id,kelurahan,rt --header 1)" "id	kelurahan	rt
1	Lok Tuan	005" "-f picks fields, --header names them"
is "$(aduan-list --format csv -f id,reporter_name,body 4 | tr -d "\r")" 'id,reporter_name,body
4,"Dewi ""Ayu""","Jalan licin
tolong"' "CSV: header, quotes doubled, newlines inside quotes"
aduan-list --format csv -f id 1 | od -c | grep -q '\\r  \\n'
ok $? "CSV lines end in CRLF (RFC 4180)"
is "$(aduan-list --format jsonl -f id,anonymous,body,lat,agency 2)" \
	'{"id":2,"anonymous":false,"body":"Sampah menumpuk, bau sekali","lat":null,"agency":null}' \
	"JSON Lines: numbers, booleans, nulls"
is "$(aduan-list -q -0 --kelurahan 'Lok Tuan' | od -An -c | tr -s ' ')" " 1 \\0 3 \\0" "-q -0 NUL-terminates"

run aduan-list -l 1
is "$rc" 0 "-l"
like out '^body +Jalan berlubang dekat pasar$' "-l shows every field"
like out '^received_at +2024-11-25 08:00$' "-l shows local times"
like out '^late +[0-9]+ working days? past due$' "-l says how late an overdue complaint is"
like out '^history:$' "-l shows the history"
like out 'create  tester' "with the create event and actor"

aduan-edit --body "$(printf 'tagihan \033[31mMERAH\033[0m \342\200\256kiri')" 3 >/dev/null
aduan-list -f body 3 >raw.txt
grep -q "$(printf '\033')" raw.txt
ok $? "to a pipe the text is passed through byte for byte"
script -qec "aduan-list --format tsv -f id,body 3" /dev/null >tty.txt 2>&1
grep -q "$(printf '\033')" tty.txt
ok $((! $?)) "to a terminal no escape byte gets through"
like tty.txt 'tagihan \\x1b\[31mMERAH\\x1b\[0m \\u202ekiri' "control characters and bidi overrides are made visible"
script -qec "aduan-list 3" /dev/null >tty2.txt 2>&1
like tty2.txt '^id +received_at +status' "a terminal gets a table by default"
like tty2.txt '\\x1b' "the table shows escapes visibly too"

aduan-list >/dev/full 2>err
is "$?" 74 "a full stdout exits 74"
like err 'cannot write output' "and says so"

done_testing
