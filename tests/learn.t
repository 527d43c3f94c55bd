#!/bin/sh
# aduan-route --suggest and --auto learning from the routes people made.
. "${0%/*}/lib.sh"

preset
cat >c.tsv <<'X'
body
Sampah menumpuk di TPS gang Durian sudah seminggu
sampah di tps durian belum diangkut juga, bau
Ada keluhan soal antrian panjang di loket pembayaran
antrian loket pembayaran lama sekali hari ini
Kolam retensi di belakang perumahan penuh eceng gondok
kolam retensi penuh eceng gondok lagi, nyamuk banyak
X
aduan-add -q --from tsv c.tsv >/dev/null 2>&1
is "$(aduan-list -q | wc -l | tr -d ' ')" 6 "six complaints"

run aduan-route --suggest 2
is "$rc" 1 "--suggest with nothing taught exits 1"
like err '^aduan-route: complaint 2: nothing like it was routed by hand yet$' "and says why"
is "$(cat out)" "" "printing nothing"
run aduan-route --auto --dry-run 3
is "$rc" 1 "--auto on day one: rules alone; no rule matches here"

run aduan-route --to DLH 1
run aduan-route --suggest 2
is "$rc" 0 "after one route by hand, a suggestion"
is "$(cat out)" "2	DLH	0.50	1" "id, agency, confidence, the complaint it learned from"
run aduan-route --suggest 99
is "$rc" 1 "an unknown id"
like err 'no such complaint: 99' "is reported"

# a correction ("bukan wewenang") teaches the new agency
run aduan-route --to DISHUB 3
run aduan-route --to KECAMATAN --note "bukan wewenang Dishub" 3
is "$(aduan-route --suggest 4 | cut -f2,4)" "KECAMATAN	3" "a re-route teaches its agency, not the first"
# how a route teaches is kept in the learning table, which no program shows: SQL
is "$(sql "select how from route_learn where complaint = 3")" correction "and counts as a correction"

# --auto: the rules first; the learning when no rule is sure
run aduan-route --auto --dry-run 4
is "$rc" 1 "a suggestion below route.learned_min is not taken"
aduan config route.learned_min 0.5 2>/dev/null
run aduan-route --auto --explain 4
is "$rc" 0 "at route.learned_min 0.5 it is"
is "$(cat out)" "4	KECAMATAN	no rule matches; like complaints the office routed to KECAMATAN: 3 (confidence 0.50)" \
	"--explain names the complaints behind it"
is "$(events 4 | grep '^route ' | sed 's/.*  //')" '"learned from 3"' "the history says so"
run aduan-route --suggest 3
is "$rc" 1 "a route by --auto teaches nothing (3 finds no neighbour in 4)"
run env LANG=id_ID.UTF-8 LC_ALL= LANGUAGE= aduan-route --suggest --explain 4
is "$rc" 2 "--suggest goes alone"
run aduan-route --auto --explain 2
like out '^2	DLH	rule [0-9]+ "sampah' "a sure rule wins without asking the learning"

# confirming the route --auto made teaches too
run aduan-route --to DLH 2
is "$(sql "select how from route_learn where complaint = 2")" confirmed "--to the agency it has: confirmed"	# as above
run aduan-route --suggest 2
is "$(cut -f2,4 out)" "DLH	1" "a complaint is never its own neighbour"

# teaching ends when the text changes or the route is undone
run aduan-route --to DLH 5
aduan-edit --body diganti 5 >/dev/null 2>&1
# the stem index, which no program shows: SQL
is "$(sql "select count(*) from complaint_stem where rowid = 5")" 0 "editing the text takes it out of the index"
run aduan-route --suggest 6
is "$rc" 1 "so it no longer teaches"
run aduan-route --to DINKES 6
aduan undo >/dev/null 2>&1
run aduan-route --suggest 5
is "$rc" 1 "an undone route teaches nothing"

# Indonesian
aduan config route.learned_min 0.1 2>/dev/null
a=$(aduan-add "antrian loket pembayaran lama sekali hari ini" 2>/dev/null)
run env LANG=id_ID.UTF-8 LC_ALL= LANGUAGE= aduan-route --auto --dry-run "$a"
like out "^$a"'	KECAMATAN	tidak ada aturan yang cocok; mirip aduan yang diteruskan kantor ke KECAMATAN: 3 \(keyakinan 0.50\)$' \
	"--explain in Indonesian"
run aduan config route.learned_min 2
is "$rc" 2 "route.learned_min is a number from 0 to 1"

# retention: a purged complaint's words leave the index too
# closed years ago, which no program writes, and the index's own tables after a purge: SQL
sql "update complaint set status = 'closed', closed_at = '2020-01-01T00:00:00Z', resolution = 'resolved' where id = 1"
is "$(sql "select count(*) from complaint_stem where stems like '%duri%'")" 2 "the stems of taught complaints are kept"
aduan purge --older-than 1 >/dev/null 2>&1
is "$(sql "select count(*) from complaint_stem where rowid = 1")" 0 "until the complaint is purged"
is "$(sql "select count(*) from complaint_stem where complaint_stem match 'duri'")" 1 "and the index is rebuilt without it"
is "$(sql "select count(*) from complaint_stem_data where instr(block, cast('umpuk' as blob)) > 0")" 0 \
	"its words gone from the index's blocks"
done_testing
