#!/bin/sh
# aduan undo: reverting the last invocation, refusals, --list.
. "${0%/*}/lib.sh"

run aduan undo
is "$rc" 1 "nothing to undo exits 1"
like err 'nothing to undo' "and says so"
preset

aduan-add -k Guntung "Jalan rusak di gang 1" >/dev/null 2>&1
aduan-add -k Guntung "Sampah menumpuk" >/dev/null 2>&1
before=$(aduan-list -f status,agency,due_at)
aduan-route --to PUPR 1 2 >/dev/null 2>&1
run aduan undo
is "$rc" 0 "undo a route"
like err 'undid #[0-9]+ by tester .*aduan-route --to PUPR 1 2.*2 restored' "says what it undid"
is "$(aduan-list -f status,agency,due_at)" \
	"$before" "status, agency and due date restored"
is "$(allevents | grep -c '	undo ')" 2 "recorded as history"
inv=$(aduan undo --list | awk -F '\t' '$6 == "aduan-route --to PUPR 1 2" { print $1 }')
is "$(events 1 | grep '^undo ')" "undo    tester  routed -> open  \"undo of #$inv\"" "naming the invocation"
# the history line does not show an agency taken away (PUPR to none): SQL
is "$(sql "select old_agency||'>'||coalesce(new_agency,'-') from event where action='undo' and complaint=1")" \
	"PUPR>-" "the undo event holds the agency taken away"
is "$(allevents | grep -c '	route ')" 2 "the route events stay (history is append-only)"
is "$(aduan undo --list | awk -F '\t' '$6 ~ /^aduan-route/ { print $5 }' | grep -c '^#[0-9]')" 1 "the invocation is marked undone"

aduan-route --to DLH 2 >/dev/null 2>&1
aduan-close 2 >/dev/null 2>&1
run aduan undo
is "$(get 2 status,resolution,agency)" "routed||DLH" "undo a close"
run aduan undo
is "$(get 2 status,agency)" "open|" "undo again goes further back"
run aduan undo
is "$rc" 0 "undo an add"
is "$(count)" 1 "the added complaint is removed"
like err '0 restored, 1 removed' "and counted"

aduan-route --to PUPR 1 >/dev/null 2>&1
aduan-route --note "ditinjau" --by siti 1 >/dev/null 2>&1
aduan-add -k Guntung "Lampu jalan mati" >/dev/null 2>&1
run aduan undo
is "$(count)" 1 "the actor's latest invocation goes first"
run aduan undo
is "$rc" 65 "undo is refused when the complaint changed since"
like err "complaint 1 has changed since: note by siti at .*aduan-route --note \*\*\* --by siti 1.*undo that first" \
	"naming the later change"
is "$(get 1 status,agency)" "routed|PUPR" "and nothing changes"
run aduan undo --by siti
is "$rc" 0 "each actor undoes their own (--by)"
is "$(events 1 | grep -c '^note ')" 1 "undo of a note keeps the note (append-only)"
inv=$(aduan undo --list | awk -F '\t' '$6 == "aduan-route --note *** --by siti 1" { print $1 }')
is "$(events 1 | grep '^undo ' | tail -n 1)" \
	"undo    siti  \"undo of #$inv\"" "and records the undo"
run aduan undo
is "$rc" 0 "then the route can be undone"
is "$(get 1 status)" open "back to open"

# a complaint others point to as their original stays
ADUAN_DB=$T/d.db; export ADUAN_DB
preset
aduan-add "Asli" >/dev/null 2>&1
aduan-add --by budi "Sama" >/dev/null 2>&1
aduan-close --by budi --duplicate-of 1 2 >/dev/null 2>&1
run aduan undo
is "$rc" 65 "undo of an add is refused when another complaint names it as original"
like err 'complaint 1 is named as the original of complaint 2' "and says so"
is "$(count)" 2 "both stay"

run aduan undo --list
is "$rc" 0 "--list"
like out '^invocation	at	actor	changes	undone_by	command$' "has a header"
like out '	tester	create 1		aduan-add \*\*\*$' "shows actor, changes and command, its text left out"
done_testing
