#!/bin/sh
# Routing accuracy on the labelled complaints of tests/routing/: floor
# figures for the rules alone and for rules + learning (bench/route-accuracy
# prints the whole table).
. "${0%/*}/lib.sh"

SETS="$ADUAN_BUILD/tests/routing"
preset
n=$(grep -v '^#' "$SETS/set.tsv" | tail -n +2 | wc -l)
[ "$n" -ge 200 ]
ok $? "at least 200 labelled complaints ($n)"
missing=$(aduan agency list | sed 1d | cut -f 1 | while read -r a; do
	grep -q "^$a	" "$SETS/set.tsv" || printf '%s ' "$a"
done)
is "$missing" "" "every agency of the preset has labelled complaints"

# figure FILE LABEL: the percentage on the line that starts with LABEL, times 10
figure() {
	awk -v l="$2" 'index($0, l) == 1 { sub(/%$/, "", $NF); print int($NF * 10 + 0.5) }' "$1"
}

"$ADUAN_BUILD/bench/route-accuracy" "$SETS/set.tsv" >tuned 2>err
is "$?" 0 "the benchmark runs on the tuning set"
r=$(figure tuned "rules alone:") l=$(figure tuned "rules + learning")
[ "${r:-0}" -ge 950 ]; ok $? "tuning set: rules alone at least 95% ($r per mille)"
[ "${l:-0}" -ge 950 ]; ok $? "tuning set: rules + learning at least 95% ($l per mille)"
low=$(awk 'NF == 5 && $1 ~ /^[A-Z]/ && $5 != "-" { sub(/%$/, "", $5); if ($5 + 0 < 70) print $1 }' tuned)
is "$low" "" "tuning set: no agency below 70% with learning"

"$ADUAN_BUILD/bench/route-accuracy" "$SETS/heldout.tsv" >held 2>err
r=$(figure held "rules alone:") l=$(figure held "rules + learning")
[ "${r:-0}" -ge 850 ]; ok $? "held-out set: rules alone at least 85% ($r per mille)"
[ "${l:-0}" -ge 880 ]; ok $? "held-out set: rules + learning at least 88% ($l per mille)"
sed 's/^/# /' held | head -n 3
done_testing
