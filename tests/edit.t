#!/bin/sh
# aduan-edit: every field a person enters can be corrected, with history
# and undo; intake's checks and words; due dates; dry runs; closed ones.
. "${0%/*}/lib.sh"

preset
add1() {
	aduan-add -c walk-in -n Budi -p 0812-3456-7890 -k "Lok Tuan" -r 5 -L "depan SD 004" \
		--category jalan --at 2024-11-25T09:00 "Jalan berlubang" 2>/dev/null
}
is "$(add1)" 1 "a complaint to correct"
val() {	# val FIELD: the stored value of complaint 1 (TSV)
	aduan-list --format tsv -f "$1" 1
}

# One row per editable field: option|value typed|field|stored value after|before
while IFS='|' read -r opt arg field want before; do
	run aduan-edit --"$opt" "$arg" 1
	is "$rc.$(cat out)" "0.1" "--$opt: exit 0, the id on stdout"
	is "$(val "$field")" "$want" "--$opt \"$arg\": $field becomes \"$want\""
	aduan-list -l 1 >long
	like long "^  .* edit +tester +$field: .* -> " "--$opt: an edit event in the history"
	run aduan undo
	is "$rc" 0 "--$opt: aduan undo"
	is "$(val "$field")" "$before" "--$opt: undo puts back \"$before\""
done <<'ROWS'
kelurahan|guntung|kelurahan|Guntung|Lok Tuan
rt|rt.7|rt|007|005
location|Gang Mawar no. 3|location|Gang Mawar no. 3|depan SD 004
category|drainase|category|drainase|jalan
priority|darurat|priority|urgent|normal
channel|telpon|channel|phone|walk-in
source|Posko RT 05|source|Posko RT 05|
name|Sari Dewi|reporter_name|Sari Dewi|Budi
phone|+62 811 555 1234|reporter_phone|+628115551234|+6281234567890
anonymous|ya|anonymous|1|0
confidential|yes|confidential|1|0
received|2024-11-26T10:00|received_at|2024-11-26T02:00:00Z|2024-11-25T01:00:00Z
body|Jalan berlubang besar di depan SD 004|body|Jalan berlubang besar di depan SD 004|Jalan berlubang
location||location||depan SD 004
name||reporter_name||Budi
ROWS

# coordinates: --lat with --lon, or a maps link
run aduan-edit --lat 0.1312 --lon 117.4981 1
is "$rc $(val lat,lon)" "$(printf '0 0.1312\t117.4981')" "--lat and --lon together"
aduan undo >/dev/null 2>&1
is "$(val lat,lon)" "$(printf '\t')" "undo clears them again"
run aduan-edit --at-maps "https://maps.google.com/?q=0.1312,117.4981" 1
is "$rc $(val lat,lon)" "$(printf '0 0.1312\t117.4981')" "--at-maps takes the coordinates of a maps link"
aduan undo >/dev/null 2>&1
run aduan-edit --lat 0.1 1
is "$rc" 2 "--lat alone is a usage error"
like err 'go together' "saying why"
run aduan-edit --at-maps "https://example.com/x" 1
is "$rc" 2 "--at-maps without coordinates is a usage error"

# intake's checks, before anything is written
nedits=$(events 1 | grep -c '^edit ')
for bad in "--kelurahan Bontang-Lestari" "--rt abc" "--phone 12" "--priority sangat" \
	"--channel merpati" "--anonymous mungkin" "--received 2024-13-01" "--priority ''" "--body ''"; do
	eval "run aduan-edit $bad 1"
	is "$rc" 2 "aduan-edit $bad: a usage error"
done
like err 'cannot be made empty' "an empty body is refused"
run aduan-edit --kelurahan Atlantis 1
like err "unknown kelurahan \"Atlantis\"" "the message names the value"
is "$(events 1 | grep -c '^edit ')" "$nedits" "nothing was written by the refusals"
run aduan-edit 1
is "$rc" 2 "no field: a usage error"
run aduan-edit --rt 3
is "$rc" 2 "no id: a usage error"

# a body correction keeps the original text in the history
aduan-edit --body "Jalan berlubang dalam" --note "salah dengar" 1 >/dev/null
aduan-list -l 1 >long
like long 'body: Jalan berlubang -> Jalan berlubang dalam  "salah dengar"' \
	"the history keeps the old text, the new one and the note"
aduan-list --search dalam -q >found
is "$(cat found)" 1 "search finds the corrected text"
aduan undo >/dev/null 2>&1
run aduan-list --search dalam -q
is "$rc" 1 "and not after undo"

# the due date follows the priority and the received time
due0=$(val due_at)
run aduan-edit --dry-run --priority urgent 1
is "$rc" 0 "--dry-run exits 0"
like out '^1  priority: normal -> urgent$' "--dry-run shows the change"
like out '^1  due_at: 2024-12-02 23:59 -> 2024-11-26 23:59$' "and the due date that follows"
is "$(val priority,due_at)" "$(printf 'normal\t%s' "$due0")" "--dry-run changes nothing"
aduan-edit --priority urgent 1 >/dev/null
is "$(val due_at)" "2024-11-26T15:59:59Z" "a new priority moves the due date"
aduan-edit --received 2024-11-27T08:00 1 >/dev/null
is "$(val due_at)" "2024-11-28T15:59:59Z" "so does a new received time"
aduan undo >/dev/null 2>&1; aduan undo >/dev/null 2>&1
is "$(val priority,due_at)" "$(printf 'normal\t%s' "$due0")" "undo puts the due date back"

# a time as a person says it: "kemarin 16.00" (an option), never in a record's field
run aduan-edit --received "kemarin 16.00" 1
is "$rc|$(val received_at)" "0|$(TZ=UTC0 date -d "$(date -d yesterday +%Y-%m-%d) 08:00" +%Y-%m-%dT%H:%M:%SZ)" \
	"--received \"kemarin 16.00\": yesterday at 16.00 WITA"
aduan undo >/dev/null 2>&1
printf 'received_at,kelurahan,body\n08.30,Guntung,jam saja\nSenin,Guntung,hari saja\n' >jam.csv
run aduan-add --from csv jam.csv
is "$rc" 65 "a record whose received_at is a time or a day's name alone is rejected"
like err '^aduan-add: jam\.csv:2: bad time in received_at: "08\.30"' "a time alone: no date"
like err '^aduan-add: jam\.csv:3: bad time in received_at: "Senin"' "a day's name alone: no date"

# nothing to change: no event
events 1 >before
aduan-edit --kelurahan "Lok Tuan" 1 >out
is "$(cat out)$(events 1 | cmp -s before - && echo same)" "same" \
	"a value that is already there changes nothing"

# closed complaints can be edited, and the history says so
aduan-close 1 >/dev/null 2>&1
run aduan-edit --rt 6 1
is "$rc" 0 "a closed complaint can be corrected"
like err 'closed' "with a word on stderr"
aduan-list -l 1 >long
like long 'rt: 005 -> 006 \(while closed\)' "the history says it was closed"
is "$(val status,due_at)" "$(printf 'closed\t%s' "$due0")" "it stays closed with its due date"

# ids from stdin, a missing one, the front door
is "$(add1)" 2 "a second complaint"
run sh -c 'printf "1\n2\n99\n" | aduan edit --category jembatan -'
is "$rc" 1 "a missing id: exit 1 (aduan edit runs aduan-edit)"
like err 'no such complaint: 99' "naming it"
is "$(aduan-list --format tsv -f category 1 2 | tr '\n' ' ')" "jembatan jembatan " "the others were corrected"

# Indonesian
run env LANG=id_ID.UTF-8 LC_ALL= aduan-edit --kelurahan Atlantis 1
like err 'kelurahan "Atlantis" tidak dikenal|tidak dikenal' "messages in Indonesian"

done_testing
