#!/bin/sh
# SLA: due dates in working days, weekends, holidays, precedence; holidays;
# --overdue and -l.
. "${0%/*}/lib.sh"

preset
add() { aduan-add --at "$1" ${2:+$2} "Keluhan $1" 2>/dev/null; }
due() { get "$1" due_at; }

# KECAMATAN has no sla_days of its own: the priority's setting counts.
id=$(add 2024-11-18T09:00)		# Monday
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-25T15:59:59Z" "normal: 5 working days, end of the day in local time (WITA)"
id=$(add 2024-11-22T14:00 --urgent)	# Friday
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-25T15:59:59Z" "urgent on a Friday: due Monday, over the weekend"
id=$(add 2024-11-23T10:00 --urgent)	# Saturday
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-25T15:59:59Z" "received on a Saturday: the next working day"
id=$(add 2024-11-24T23:30)		# Sunday night, local
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-29T15:59:59Z" "the local day counts, not the UTC one"

# holidays
run aduan holiday add 2024-11-27 "Pilkada serentak"
is "$rc" 0 "holiday add"
id=$(add 2024-11-25T08:00)		# Monday
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-12-03T15:59:59Z" "a holiday is not a working day"
id=$(add 2025-03-21T10:00)		# Friday before Nyepi and Idulfitri 2025
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2025-04-08T15:59:59Z" "the preset's national holidays and cuti bersama count (Lebaran 2025)"
id=$(add 2025-08-15T10:00 --urgent)	# Friday; 17 Aug Sunday, 18 Aug cuti bersama
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2025-08-19T15:59:59Z" "cuti bersama 18 August 2025 (SKB of 7 August 2025)"

# precedence: agency over priority, but urgent never longer than sla.urgent
id=$(add 2024-11-18T09:00)
aduan-route --to DLH "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-21T15:59:59Z" "the agency's sla_days wins over the priority (DLH 3)"
id=$(add 2024-11-18T09:00 --urgent)
aduan-route --to PUPR "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-19T15:59:59Z" "urgent: at most sla.urgent, even at PUPR (10)"
aduan config sla.normal 2 2>/dev/null
id=$(add 2024-11-18T09:00)
aduan-route --to KECAMATAN "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-20T15:59:59Z" "the setting sla.normal is used"
aduan config sla.urgent 3 2>/dev/null
id=$(add 2024-11-18T09:00 --urgent)
aduan-route --to DLH "$id" >/dev/null 2>&1
is "$(due "$id")" "2024-11-21T15:59:59Z" "sla.urgent 3 and DLH 3"

# the holiday table
run aduan holiday list
like out '^day	name$' "holiday list has a header"
like out '^2025-03-31	Idulfitri 1446 Hijriah$' "the preset's holidays"
like out '^2026-03-20	Cuti bersama Idulfitri 1447 Hijriah$' "and 2026"
is "$(grep -c '^2025-' out)" 28 "2025: 17 national days and 11 cuti bersama"
is "$(grep -c '^2026-' out)" 25 "2026: 17 national days and 8 cuti bersama"
run aduan holiday rm 2024-11-27
is "$rc" 0 "holiday rm"
run aduan holiday rm 2024-11-27
is "$rc" 1 "removing a missing holiday exits 1"
printf 'day\tname\n2024-12-31\tLibur daerah\n' >h.tsv
run aduan holiday load h.tsv
is "$rc" 0 "holiday load"
is "$(aduan holiday list | awk -F '\t' '$1 == "2024-12-31" { print $2 }')" "Libur daerah" "adds the file's days"
printf 'day\tname\n31-12-2024\tSalah\n' >bad.tsv
run aduan holiday load bad.tsv
is "$rc" 65 "a bad holiday file is rejected"
like err 'bad.tsv:2: bad date' "naming the line"
run aduan holiday load missing.tsv
is "$rc" 74 "a missing file is an I/O error"

# overdue and -l
ADUAN_DB=$T/o.db; export ADUAN_DB
preset
aduan-add --at 2024-11-18T09:00 "Jalan rusak lama" >/dev/null 2>&1
aduan-add "Jalan rusak baru" >/dev/null 2>&1
aduan-route --to PUPR 1 2 >/dev/null 2>&1
is "$(aduan-list -q --overdue)" 1 "--overdue lists what is past due"
run aduan-list -l 1
like out '^due_at +2024-12-02 23:59$' "-l shows the due date in local time"
like out '^late +[0-9]+ working days? past due$' "and how late"
aduan-close 1 >/dev/null 2>&1
is "$(aduan-list -q --overdue)" "" "a closed complaint is not overdue"
done_testing
