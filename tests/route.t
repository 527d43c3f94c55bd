#!/bin/sh
# aduan-route: by hand, by rules, notes; aduan rule; routing accuracy.
. "${0%/*}/lib.sh"

preset
cat >c.csv <<'X'
received_at,kelurahan,category,body,priority
2024-11-18T08:00,Api-Api,,Jalan berlubang di Gang Atletik,normal
2024-11-18T09:00,Api-Api,,Sampah menumpuk di TPS,normal
2024-11-19T10:00,Lok Tuan,,Lampu jalan mati di depan masjid,normal
2024-11-20T11:00,Guntung,,Terima kasih atas pelayanannya,low
2024-11-21T12:00,Guntung,,Kebakaran rumah di gang Sepakat,normal
X
aduan-add -q --from csv c.csv >/dev/null 2>&1
is "$(count)" 5 "five complaints to work on"

# ---- by hand -----------------------------------------------------------
run aduan-route --to pupr 1
is "$rc" 0 "--to routes"
is "$(cat out)" 1 "and prints the id"
is "$(get 1 status,agency)" "routed|PUPR" "status routed, agency by code in any case"
is "$(get 1 due_at)" "2024-12-02T15:59:59Z" "due date from the agency's SLA (PUPR 10 working days)"
is "$(events 1 | tail -n 1)" "route   tester  open -> routed  to PUPR" "a route event with the actor"

run aduan-route --to DLH --note "bukan wewenang PUPR" --by siti 1
is "$rc" 0 "re-routing"
is "$(events 1 | tail -n 1)" \
	'route   siti  PUPR -> DLH  "bukan wewenang PUPR"' "records where it came from, why and who"
is "$(get 1 due_at)" "2024-11-21T15:59:59Z" "and the new agency's due date (DLH 3 days)"
run aduan-route --to DLH 1
is "$rc" 0 "routing to the same agency again is harmless"
like err 'already routed to DLH' "and says so"
is "$(events 1 | wc -l | tr -d ' ')" 3 "without an event"

run aduan-route --to ATLANTIS 2
is "$rc" 2 "an unknown agency is a usage error"
like err 'unknown agency "ATLANTIS" \(one of: BPBD, .*DAMKAR, .*PUPR' "naming the known ones"
like err '^usage: aduan-route' "with the usage"

aduan-close 4 >/dev/null 2>&1
run aduan-route --to PUPR 2 99 4
is "$rc" 1 "skipped ids exit 1"
is "$(cat out)" 2 "the others are routed"
like err '^aduan-route: no such complaint: 99$' "an unknown id is reported"
like err '^aduan-route: complaint 4 is closed' "a closed complaint cannot be routed"
is "$(get 4 status)" closed "and stays closed"

run sh -c 'aduan-list -q --kelurahan Api-Api | aduan-route --to DISHUB --note "lampu" -'
is "$rc" 0 "ids from stdin with -"
is "$(aduan-list --kelurahan Api-Api -f agency | paste -s -d ,)" "DISHUB,DISHUB" "the batch is routed"
is "$(aduan undo --list | sed -n 2p | cut -f 4)" "route 2" "in one invocation"

run aduan-route --note "sudah ditinjau ke lokasi" 2
is "$rc" 0 "--note alone"
is "$(events 2 | tail -n 1)" 'note    tester  "sudah ditinjau ke lokasi"' "records a note"
is "$(get 2 status,agency)" "routed|DISHUB" "without changing the route"

# ---- by rules ------------------------------------------------------------
rm -f "$ADUAN_DB"	# the same five again, none routed, 4 closed
preset
aduan-add -q --from csv c.csv >/dev/null 2>&1
aduan-close 4 >/dev/null 2>&1
run aduan-route --auto --dry-run
is "$rc" 0 "--dry-run"
like out '^1	PUPR	rule [0-9]+ "jalan berlubang" scores [0-9]+\.[0-9]	' "shows what would happen: the rule, the words, the score"
like out '^3	DISHUB	rule [0-9]+ "lampu jalan" scores [0-9.]+; next: PLN ' "street lights beat roads and electricity, named as runner-up"
like out '^5	DAMKAR	rule 1 "kebakaran" scores [0-9.]+[^	]*	category=kebakaran	priority=urgent$' "fills the category and raises the priority"
is "$(count --status routed)" 0 "and writes nothing"

aduan-close --reopen 4 >/dev/null 2>&1
run aduan-route --auto
is "$rc" 1 "--auto exits 1 when a complaint is left open"
is "$(cat out | tr '\n' ' ')" "1 2 3 5 " "prints the routed ids"
like err 'complaint 4: no rule matches; it stays open' "lists the unmatched on stderr"
like err '4 routed, 1 left open' "and sums up"
is "$(get 4 status)" open "the unmatched stays open"
is "$(get 5 agency,category,priority)" "DAMKAR|kebakaran|urgent" "the rule's category and priority"
is "$(events 5 | grep '^route ' | sed 's/.*  //')" '"rule 1: kebakaran"' "the event names the rule"
is "$(get 5 due_at)" "2024-11-22T15:59:59Z" "urgent: DAMKAR's one working day"
run aduan-route --auto 1
is "$rc" 1 "--auto on a routed complaint skips it"
like err 'complaint 1 is already routed to PUPR' "and says why"
run aduan-route --auto --explain 4
is "$rc" 1 "--explain on an unmatched one"
is "$(cat out)" "" "prints nothing for it"

# ---- rules: order, words, management ---------------------------------------
ADUAN_DB=$T/r.db; export ADUAN_DB
preset
run aduan rule load /dev/null
is "$rc" 0 "rule load replaces the rules"
is "$(aduan rule list | sed 1d | wc -l)" 0 "an empty file leaves none"
run aduan rule add 'jalan' PUPR
run aduan rule add 'sampah|tps' dlh --set-category sampah
run aduan rule add 'lampu jalan' DISHUB --at 1
is "$rc" 0 "rule add --at"
run aduan rule list
is "$(cut -f1,2,4 out | tr '\t\n' ' /')" "position pattern agency/1 lampu jalan DISHUB/2 jalan PUPR/3 sampah|tps DLH/" "rule list in order"
run aduan rule test "Lampu jalan mati"
is "$(cut -f1,2 out)" "rule 1	DISHUB
rule 2	PUPR" "the phrase outscores the word; the runner-up follows"
is "$(cut -f3 out | tr '\n' ' ')" "2.0 1.0 " "with their scores"
run aduan rule rm 1
run aduan rule test "Lampu jalan mati"
is "$(cut -f1,2 out)" "rule 1	PUPR" "after rm, the next one (renumbered)"
t() { aduan rule test "$1" 2>/dev/null | head -n 1 | cut -f2; }
is "$(t 'JALAN rusak')" PUPR "case is folded"
is "$(t 'jalan-jalan di RT 5 rusak semua')" PUPR "jalan-jalan (plural) is the word jalan"
is "$(t 'jalannya rusak')" PUPR "an enclitic (-nya) is allowed"
is "$(t 'jalanan licin')" PUPR "words match by their stems: jalanan is jalan"
is "$(t 'sampahnya menumpuk')" DLH "sampahnya is sampah"
is "$(t 'persampahan kota')" DLH "persampahan is sampah"
is "$(t 'tidak ada yg cocok')" "" "and an unrelated text matches nothing"
aduan rule add 'gorong*' PUPR >/dev/null 2>&1
is "$(t 'gorong-gorong ambruk')" PUPR "a * matches any ending"
aduan rule add '' DINKES --category kesehatan >/dev/null 2>&1
is "$(aduan rule test --category Kesehatan 'antrian lama' | cut -f2)" DINKES "a rule on the category alone (folded)"
aduan rule add 'kebakaran' DAMKAR >/dev/null 2>&1
aduan rule add 'sapi' SATPOLPP --weight 2 >/dev/null 2>&1
aduan rule add 'pohon tumbang' BPBD --weight 2 >/dev/null 2>&1
aduan rule add 'mati lampu' PLN >/dev/null 2>&1
is "$(t 'rumah kebakar')" DAMKAR "kebakar is kebakaran"
is "$(t 'Api-Api banjir')" "" "the kelurahan Api-Api is not a fire"
is "$(t 'sapi2 di jalan')" SATPOLPP "sapi2 is sapi; weight 2 beats jalan"
is "$(aduan rule test 'sapi2 di jalan' | cut -f2,3 | tr '\t\n' ' /')" "SATPOLPP 2.0/PUPR 1.0/" "score times weight"
is "$(t 'pohon besar tumbang')" BPBD "a word between the words of a phrase"
is "$(aduan rule test 'pohon besar tumbang' | head -n 1 | cut -f3)" 3.5 "costs a quarter"
is "$(aduan rule test 'tumbang pohonnya' | head -n 1 | cut -f3)" 3.0 "another order costs a half"
is "$(aduan rule test 'pohon di sini dan di sana tumbang' | head -n 1 | cut -f2)" "" "more than two words apart is no phrase"
is "$(aduan rule test 'lampu mati' | cut -f2 | tr '\n' ' ')" "PLN " "mati lampu matches lampu mati, in another order"
aduan rule add 'listrik|padam' PLN >/dev/null 2>&1
aduan rule add 'lampu' DISHUB --weight 1.5 >/dev/null 2>&1
run aduan rule test 'lampu padam listrik'
is "$(cut -f2,3 out | tr '\t\n' ' /')" "PLN 1.5/DISHUB 1.5/" "one candidate per agency; half for another alternative of the rule; a tie goes to the earlier rule"
like err 'close call between PLN and DISHUB' "a near tie is reported"
run aduan rule rm 99
is "$rc" 1 "removing a missing rule exits 1"
aduan rule list >rules.tsv
aduan rule load rules.tsv 2>/dev/null
run aduan rule list
is "$(cat out)" "$(cat rules.tsv)" "rule list output loads back unchanged"
printf 'pattern\tcategory\tagency\tset_category\tset_priority\nok\t\tPUPR\t\t\nbad\t\tNOWHERE\t\t\n' >bad.tsv
run aduan rule load bad.tsv
is "$rc" 65 "a bad rule file is rejected"
like err 'bad.tsv:3: unknown agency "NOWHERE"' "naming file and line"
is "$(aduan rule list | wc -l)" "$(wc -l <rules.tsv)" "and the old rules stay"
run aduan rule test "tidak ada yang cocok"
is "$rc" 1 "rule test without a match exits 1"

# ---- the preset's accuracy -----------------------------------------------
ADUAN_DB=$T/p.db; export ADUAN_DB
preset
aduan rule list | sed 1d >rules.preset
ok "$([ "$(wc -l <rules.preset)" -ge 60 ] && echo 0 || echo 1)" "the preset has at least 60 rules"
is "$(cut -f 4 rules.preset | sort -u | wc -l)" "$(aduan agency list | sed 1d | wc -l)" "every agency of the preset has rules"
total=0 right=0
grep -v '^#' "$FIX/routing.tsv" | tail -n +2 >cases
while IFS= read -r line; do
	want=${line%%	*}; rest=${line#*	}; cat=${rest%%	*}; body=${rest#*	}
	got=$(aduan rule test ${cat:+--category "$cat"} -- "$body" 2>/dev/null | head -n 1 | cut -f2)
	total=$((total + 1))
	if [ "$got" = "$want" ]; then right=$((right + 1)); else echo "# miss: want $want, got ${got:-nothing}: $body"; fi
done <cases
echo "# routing accuracy: $right/$total"
[ "$total" -ge 100 ]
ok $? "at least 100 test complaints ($total)"
[ $((right * 100)) -ge $((total * 90)) ]
ok $? "at least 90% routed to the right agency ($right/$total)"

# ---- --at: routed earlier, recorded now -----------------------------------------
a=$(aduan-add -k Guntung --at "2024-11-25 08:00" "jalan berlubang di depan SD" 2>/dev/null)
b=$(aduan-add -k Guntung --at "2024-11-25 11:00" "lampu jalan mati" 2>/dev/null)
c=$(aduan-add -k Guntung --at "2024-11-25 08:30" "sampah menumpuk di TPS" 2>/dev/null)
run aduan-route --to PUPR --at "2024-11-25 10:30" --note "lewat telepon" "$a" "$b"
is "$rc" 1 "--at before one complaint was received: exit 1"
like err "complaint $b was received at 2024-11-25 11:00, after the time given with --at" "naming it"
is "$(get "$a" status,agency) $(get "$b" status)" "routed|PUPR open" "the other routed"
is "$(aduan-list -l "$a" | sed -n 's/^  \([0-9-]* [0-9:]*\)  route .*/\1/p')" "2024-11-25 10:30" \
	"the route kept at that time"
run aduan-route --note "PUPR janji survei" --at "2024-11-25 13:00" "$a"
is "$(aduan-list -l "$a" | sed -n 's/^  \([0-9-]* [0-9:]*\)  note .*"PUPR janji survei"$/\1/p')" \
	"2024-11-25 13:00" "a note at that time"
run aduan-route --auto --at "2024-11-25 09:00" "$c"
is "$rc|$(get "$c" agency)" "0|DLH" "--auto --at routes by the rules"
is "$(aduan-list -l "$c" | sed -n 's/^  \([0-9-]* [0-9:]*\)  route .*/\1/p')" "2024-11-25 09:00" \
	"at that time"
is "$(aduan-export --summary --since 2024-11-25 --until 2024-11-25 --by kelurahan | sed -n 2p |
	cut -d, -f3,5,9,10)" "Guntung,2,1.5,2.3" \
	"the summary counts the first action from those times (0.5 h and 2.5 h)"
for how in --message --link --mail --letter; do
	run aduan-route --to PUPR $how --at "2024-11-25 10:30" "$b"
	is "$rc" 2 "--at with $how: a usage error (a forward is sent now)"
done
run aduan-route --auto --dry-run --at yesterday
is "$rc" 2 "--at with --dry-run: a usage error"
run aduan-route --suggest --at yesterday "$b"
is "$rc" 2 "--at with --suggest: a usage error"
run aduan-route --to PUPR --at "2999-01-01" "$b"
is "$rc|$(get "$b" status)" "2|open" "a time later than now: a usage error, nothing routed"
done_testing
