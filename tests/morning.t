#!/bin/sh
# The morning lists: the overdue table with due dates and working days
# late, counts per agency for the calls, history and Open311 notes in the
# reader's language with the machine words kept in JSON Lines.
. "${0%/*}/lib.sh"

in_id() {
	(
		unset LC_ALL LC_MESSAGES LANGUAGE ADUAN_LOCALEDIR
		LANG=id_ID.UTF-8
		export LANG
		"$@"
	)
}

preset
# received on Monday 2024-11-18, 2024-11-20 and 2024-11-25: long past due
aduan-add -k Guntung --at 2024-11-18T09:00 "Jalan berlubang" >/dev/null 2>&1
aduan-add -k Guntung --at 2024-11-20T09:00 "Sampah menumpuk" >/dev/null 2>&1
aduan-add -k "Lok Tuan" --at 2024-11-25T09:00 "Got mampet" >/dev/null 2>&1
aduan-add "Baru saja" >/dev/null 2>&1
aduan-route --to PUPR 1 3 >/dev/null 2>&1
aduan-route --to DLH 2 >/dev/null 2>&1
aduan-close 3 >/dev/null 2>&1

# the table a clerk sees on a terminal
script -qec "aduan-list --overdue" /dev/null >table.txt 2>&1
like table.txt '^id +received_at +due_at +late +priority +kelurahan +agency +body' \
	"the overdue table shows the due date and the days late"
like table.txt '^1 +2024-11-18 09:00 +2024-12-02 23:59 +[0-9]+ +normal' "with the due date in local time"
unlike table.txt '^3 ' "a closed complaint is not overdue"

# working days late, against the holiday table
late1=$(aduan-list --overdue -f late 1)
late2=$(aduan-list --overdue -f late 2)
[ "$late1" -gt 0 ] && [ "$late2" -gt "$late1" ] 2>/dev/null
ok $? "-f late: working days, more for the older one ($late1, $late2)"
today=$(date +%Y-%m-%d)
if aduan holiday list 2>/dev/null | grep -q "^$today"; then
	skip "today is a holiday already"
else
	aduan holiday add "$today" "Hari uji" >/dev/null 2>&1
	case $(date +%u) in
	6|7) want=$late1 ;;	# a weekend day is no working day anyway
	*) want=$((late1 - 1)) ;;
	esac
	[ "$want" -lt 1 ] && want=1
	is "$(aduan-list --overdue -f late 1)" "$want" "a holiday today is not a working day late"
fi
is "$(aduan-list -f late 4)" "" "not past due: no days late"
is "$(aduan-list --format jsonl -f id,late 1 | sed 's/[0-9][0-9]*}/N}/')" '{"id":1,"late":N}' \
	"late is a number in JSON Lines"

# the calls to make
run aduan-list --overdue --count-by agency
is "$rc" 0 "--count-by exits 0"
is "$(cat out)" "$(printf 'DLH\t1\nPUPR\t1')" "how many each agency has past due"
run aduan-list --count-by agency --header
is "$(cat out)" "$(printf 'agency\tcount\nPUPR\t2\nDLH\t1\n\t1')" "all complaints, the most first, none last"
is "$(aduan-list --count-by status --format jsonl | head -n 1)" '{"status":"routed","count":2}' \
	"JSON Lines keep the machine words"
is "$(aduan-list --count-by kelurahan --format csv | tr -d '\r' | head -n 2 | tr '\n' ' ')" \
	"kelurahan,count Guntung,2 " "CSV"
script -qec "env LANG=id_ID.UTF-8 LC_ALL= LANGUAGE= aduan-list --overdue --count-by instansi" /dev/null >calls.txt 2>&1
like calls.txt '^instansi +jumlah' "in Indonesian, by the label a table shows"
run aduan-list --count-by body
is "$rc" 2 "--count-by body is a usage error"
like err 'cannot count by body' "saying what can be counted"
run aduan-list --count-by agency --status closed --agency DLH
is "$rc" 1 "nothing to count: exit 1"
run aduan-list -q --count-by agency
is "$rc" 2 "-q and --count-by do not go together"

# history in the reader's language; the machine words in JSON Lines
in_id aduan-list -l 3 >hist.txt 2>&1
like hist.txt 'dicatat +tester +terbuka' "history: the create event in Indonesian"
like hist.txt 'diteruskan +tester +terbuka -> diteruskan +ke PUPR' "the route in Indonesian"
like hist.txt 'ditutup +tester +diteruskan -> ditutup' "the close in Indonesian"
aduan-list -l 3 >hist-c.txt
like hist-c.txt 'route +tester +open -> routed +to PUPR' "and in English under LANG=C"

in_id aduan-export --format open311 2>/dev/null >o311.json
like o311.json '"status":"open","status_notes":"diteruskan ke ' "Open311 notes in the reader's language"
like o311.json '"status":"closed","status_notes":"tuntas"' "the resolution too; status keeps its machine word"
aduan-export --format open311 2>/dev/null >o311-c.json
like o311-c.json '"status_notes":"resolved"' "English under LANG=C"

done_testing
