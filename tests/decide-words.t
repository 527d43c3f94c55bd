#!/bin/sh
# The forms the intake rules compare words with: lib/decide.c runs no rule
# from a word with no class, no number and none of the forms in its list
# compared[], so every is(form, "word") of the rules must name a form of
# that list, or the rule would never start from that word.
SRC=$(cd "${0%/*}/.." && pwd) || exit 1
. "${0%/*}/lib.sh"

C="$SRC/lib/decide.c"
# (comments and the macro itself left out)
grep -Ev '^#define is\(|^[[:space:]]*(/\*|\*)' "$C" >rules.c
# every is( ... ) compares with a literal written on the same line
grep -o '\bis(' rules.c | wc -l >calls
grep -o '\bis([^;"]*, *"[^"]*")' rules.c | tee found | wc -l >literals
is "$(cat literals)" "$(cat calls)" "each is() of the rules names its word on its own line"
sed 's/.*"\([^"]*\)")$/\1/' found | LC_ALL=C sort -u >used
sed -n '/^static const char compared\[\] =/,/";$/p' "$C" | sed -n 's/^[[:space:]]*"\(.*\)";*$/\1/p' |
	tr ' ' '\n' | grep -v '^$' | LC_ALL=C sort -u >listed
[ -s used ] && [ -s listed ]
ok $? "the rules' words and the list compared[] are read"
LC_ALL=C comm -23 used listed >missing
[ ! -s missing ]
ok $? "every word a rule compares a form with is in compared[]"
sed 's/^/#   missing: /' missing
# is() reads the flag of the token whose form it is given: every first
# argument is a token's form, or the parameter form of a function that is
# only ever given a token's form
sed 's/^.*\bis(\(.*\), *"[^"]*")$/\1/' found | grep -Ev '^(t|d->tok)\[[^]]*\]\.form$|^form$' >strange
[ ! -s strange ]
ok $? "is() is given a token's form"
sed 's/^/#   not a token'"'"'s form: /' strange
awk '/^[a-z_]+\(/ { fn = $0; sub(/\(.*/, "", fn) } /(^|[^a-z_])is\(form,/ { print fn }' rules.c |
	sort -u >takers
: >given
while read -r fn; do
	grep -o "\b$fn([^()]*\(([^()]*)[^()]*\)*)" rules.c | grep -v "^$fn(const char \*form)$" |
		grep -Ev "^$fn\((t|d->tok)\[[^]]*\]\.form\)$" >>given
done <takers
[ -s takers ] && [ ! -s given ]
ok $? "a function comparing its form with is() is given only tokens' forms"
sed 's/^/#   given: /' given
LC_ALL=C comm -13 used listed >unused
[ ! -s unused ]
ok $? "every word of compared[] is compared with by a rule"
sed 's/^/#   unused: /' unused
# the forms that start a rule function (starts[]) are forms the rules compare with
sed -n '/^} starts\[\] = {/,/^};/p' "$C" | grep -o '"[^"]*"' | tr -d '"' | tr ' ' '\n' |
	grep -v '^$' | LC_ALL=C sort -u >starting
LC_ALL=C comm -23 starting listed >stray
[ -s starting ] && [ ! -s stray ]
ok $? "every form of starts[] is in compared[]"
sed 's/^/#   not compared: /' stray

done_testing
