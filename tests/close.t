#!/bin/sh
# aduan-close: resolutions, duplicates without cycles, reopening.
. "${0%/*}/lib.sh"

preset
for i in 1 2 3 4 5 6; do aduan-add -k Guntung "Keluhan nomor $i" >/dev/null 2>&1; done
aduan-route --to PUPR 5 >/dev/null 2>&1

run aduan-close 1
is "$rc" 0 "close"
is "$(cat out)" 1 "prints the id"
is "$(get 1 status,resolution,closed_at | sed -E 's/[|][0-9]{4}-[0-9T:Z-]+$/|set/')" "closed|resolved|set" "default resolution: resolved, closed_at set"
is "$(events 1 | tail -n 1)" 'close   tester  open -> closed  "resolved"' "a close event"
run aduan-close --resolution rejected --note "bukan wilayah Bontang Utara" 2
is "$(get 2 resolution)" rejected "--resolution rejected"
is "$(events 2 | tail -n 1)" 'close   tester  open -> closed  "rejected: bukan wilayah Bontang Utara"' "the note, after the resolution"
run aduan-close 1
is "$rc" 1 "closing a closed complaint exits 1"
like err 'complaint 1 is already closed' "and says so"
run aduan-close 1 3 77
is "$rc" 1 "skipped ids exit 1"
is "$(cat out)" 3 "the others are closed"
like err '^aduan-close: no such complaint: 77$' "an unknown id is named"
run aduan-route --to DLH 3
is "$rc" 1 "a closed complaint cannot be routed"

run aduan-close --duplicate-of 6 4
is "$rc" 0 "--duplicate-of"
is "$(get 4 resolution,duplicate_of)" "duplicate|6" "resolution duplicate, duplicate_of set"
is "$(events 4 | tail -n 1)" 'close   tester  open -> closed  "duplicate of 6"' "the event says of which"
run aduan-close --duplicate-of 4 6
is "$rc" 1 "a cycle is refused"
like err 'complaint 6 cannot be a duplicate of 4' "and explained"
is "$(get 6 status)" open "6 stays open"
run aduan-close --duplicate-of 6 6
is "$rc" 1 "a complaint is not its own duplicate"
run aduan-close --duplicate-of 99 6
is "$rc" 1 "--duplicate-of must name an existing complaint"
like err 'no such complaint: 99' "naming it"

run aduan-close --reopen 4
is "$rc" 0 "--reopen"
is "$(get 4 status,resolution,duplicate_of,closed_at)" \
	"open|||" "back to open, resolution cleared"
aduan-close 5 >/dev/null 2>&1
run aduan-close --reopen --note "warga lapor lagi" 5
is "$(get 5 status,agency)" "routed|PUPR" "routed again when it had an agency"
is "$(events 5 | tail -n 1)" 'reopen  tester  closed -> routed  "warga lapor lagi"' "a reopen event with the note"
run aduan-close --reopen 6
is "$rc" 1 "reopening an open complaint exits 1"
like err 'complaint 6 is not closed' "and says so"

run sh -c 'aduan-list -q --status open | aduan-close --resolution withdrawn -'
is "$rc" 0 "ids from stdin"
is "$(aduan-list -f resolution | grep -cx withdrawn)" 2 "the batch is closed"

# --- --at: what was done before, recorded now -------------------------------------
a=$(aduan-add -k Guntung --at "2024-11-25 08:00" "lampu jalan mati" 2>/dev/null)
b=$(aduan-add -k Guntung --at "2024-11-27 08:00" "got mampet" 2>/dev/null)
run aduan-close --at "2024-11-26 16:30" --note "sudah diganti" "$a" "$b"
is "$rc" 1 "--at before one complaint was received: exit 1"
like err "^aduan-close: complaint $b was received at 2024-11-27 08:00, after the time given with --at\$" \
	"that complaint named, with when it was received"
is "$(get "$a" status,closed_at) $(get "$b" status)" "closed|2024-11-26T08:30:00Z open" \
	"the other closed at that time (WITA), the late one left open"
is "$(events "$a" | tail -n 1)" 'close   tester  open -> closed  "resolved: sudah diganti"' "a close event"
is "$(aduan-list -l "$a" | sed -n 's/^  \([0-9-]* [0-9:]*\)  close .*/\1/p')" "2024-11-26 16:30" \
	"kept at that time in the history"
is "$(aduan undo --list | awk -F '\t' 'NR == 2 { print substr($2, 1, 10) }')" "$(date +%Y-%m-%d)" \
	"the invocation keeps when the command ran"
run aduan-close --reopen --at "2024-11-26 12:00" "$a"
is "$rc" 1 "--reopen before it was closed: exit 1"
like err "complaint $a was closed at 2024-11-26 16:30, after the time given with --at" "saying when it was closed"
is "$(get "$a" status)" closed "and it stays closed"
run aduan-close --reopen --at "2024-11-29 09:00" "$a"
is "$rc|$(get "$a" status,closed_at)" "0|open|" "--reopen at a later time"
run aduan-close --at "2999-01-01 00:00" "$b"
is "$rc" 2 "a time later than now is a usage error"
like err '--at: 2999-01-01 00:00 is in the future' "saying so"
run aduan-close --at "pagi tadi kira-kira" "$b"
is "$rc" 2 "a time aduan cannot read is a usage error"
c=$(aduan-add -k Guntung --at "2024-11-20 08:00" "pohon tumbang" 2>/dev/null)
run aduan-close --at "kemarin 16.00" "$c"
is "$rc|$(get "$c" closed_at)" "0|$(TZ=UTC0 date -d "$(date -d yesterday +%Y-%m-%d) 08:00" +%Y-%m-%dT%H:%M:%SZ)" \
	"--at \"kemarin 16.00\": yesterday at 16.00 WITA"
done_testing
