#!/bin/sh
# aduan-close: resolutions, duplicates without cycles, reopening.
. "${0%/*}/lib.sh"

preset
for i in 1 2 3 4 5 6; do aduan-add -k Guntung "Keluhan nomor $i" >/dev/null 2>&1; done
aduan-route --to PUPR 5 >/dev/null 2>&1

run aduan-close 1
is "$rc" 0 "close"
is "$(cat out)" 1 "prints the id"
is "$(sql "select status||' '||resolution||' '||(closed_at is not null) from complaint where id=1")" "closed resolved 1" "default resolution: resolved, closed_at set"
is "$(sql "select action||' '||old_status||'>'||new_status||' '||note from event where complaint=1 order by id desc limit 1")" \
	"close open>closed resolved" "a close event"
run aduan-close --resolution rejected --note "bukan wilayah Bontang Utara" 2
is "$(sql "select resolution from complaint where id=2")" rejected "--resolution rejected"
is "$(sql "select note from event where complaint=2 order by id desc limit 1")" "rejected: bukan wilayah Bontang Utara" "the note, after the resolution"
run aduan-close --resolution solved 3
is "$rc" 2 "an unknown resolution is a usage error"
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
is "$(sql "select resolution||' '||duplicate_of from complaint where id=4")" "duplicate 6" "resolution duplicate, duplicate_of set"
is "$(sql "select note from event where complaint=4 order by id desc limit 1")" "duplicate of 6" "the event says of which"
run aduan-close --duplicate-of 4 6
is "$rc" 1 "a cycle is refused"
like err 'complaint 6 cannot be a duplicate of 4' "and explained"
is "$(sql "select status from complaint where id=6")" open "6 stays open"
run aduan-close --duplicate-of 6 6
is "$rc" 1 "a complaint is not its own duplicate"
run aduan-close --duplicate-of 99 6
is "$rc" 1 "--duplicate-of must name an existing complaint"
like err 'no such complaint: 99' "naming it"
run aduan-close --resolution duplicate 6
is "$rc" 2 "duplicate without --duplicate-of is a usage error"
run aduan-close --resolution rejected --duplicate-of 4 6
is "$rc" 2 "--duplicate-of with another resolution is a usage error"
run aduan-close
is "$rc" 2 "no ids is a usage error"

run aduan-close --reopen 4
is "$rc" 0 "--reopen"
is "$(sql "select status||' '||coalesce(resolution,'-')||' '||coalesce(duplicate_of,'-')||' '||coalesce(closed_at,'-') from complaint where id=4")" \
	"open - - -" "back to open, resolution cleared"
aduan-close 5 >/dev/null 2>&1
run aduan-close --reopen --note "warga lapor lagi" 5
is "$(sql "select status||' '||agency from complaint where id=5")" "routed PUPR" "routed again when it had an agency"
is "$(sql "select action||' '||note from event where complaint=5 order by id desc limit 1")" "reopen warga lapor lagi" "a reopen event with the note"
run aduan-close --reopen 6
is "$rc" 1 "reopening an open complaint exits 1"
like err 'complaint 6 is not closed' "and says so"
run aduan-close --reopen --resolution rejected 6
is "$rc" 2 "--reopen takes no resolution"

run sh -c 'aduan-list -q --status open | aduan-close --resolution withdrawn -'
is "$rc" 0 "ids from stdin"
is "$(sql "select count(*) from complaint where resolution='withdrawn'")" 2 "the batch is closed"
done_testing
