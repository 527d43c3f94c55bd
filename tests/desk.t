#!/bin/sh
# Nothing lost at the desk: output files replaced whole or not at all,
# tracking numbers never given twice, ids read the same everywhere.
. "${0%/*}/lib.sh"
preset
nodot() { ls -a | grep -c "^\.$1\." ; }	# temporary files left beside $1

# ---- output files ------------------------------------------------------------
printf 'body,kelurahan\nsatu,Gotham\ndua,Guntung\n' >perlu-diperbaiki.csv
cp perlu-diperbaiki.csv before.csv
n=$(count)
run aduan-add --from csv --rejects perlu-diperbaiki.csv perlu-diperbaiki.csv
is "$rc" 2 "10.1 --rejects naming the input: a usage error"
like err 'cannot write perlu-diperbaiki.csv over the input perlu-diperbaiki.csv' "10.1 saying why"
cmp -s perlu-diperbaiki.csv before.csv
ok $? "10.1 the input is untouched"
is "$(count)" "$n" "10.1 and nothing was added"
run sh -c 'aduan-add --from csv --rejects perlu-diperbaiki.csv - <perlu-diperbaiki.csv'
is "$rc" 2 "10.1 the same file as stdin is refused too"
ln -s perlu-diperbaiki.csv link.csv
run aduan-add --from csv --rejects link.csv perlu-diperbaiki.csv
is "$rc" 2 "10.1 and through a symbolic link"

echo 'the old rejects' >old.csv
printf 'body,kelurahan\nbaik,Guntung\n' >good.csv
run aduan-add --dry-run --from csv --rejects old.csv good.csv
is "$rc" 0 "10.1 a dry run with nothing rejected"
is "$(cat old.csv)" "the old rejects" "10.1 leaves an existing --rejects file alone"
run aduan-add --dry-run --from csv --rejects old.csv before.csv
is "$rc" 65 "10.1 a dry run that rejects"
is "$(cat old.csv)" "the old rejects" "10.1 writes nothing either"
run aduan-add --from csv --rejects old.csv good.csv
is "$(cat old.csv)" "the old rejects" "10.1 a real import rejecting nothing leaves it alone"
: >empty.csv
run aduan-add --from csv --rejects old.csv empty.csv
is "$rc" 65 "10.1 an unreadable input"
is "$(cat old.csv)" "the old rejects" "10.1 leaves it alone"
run aduan-add --from csv --rejects old.csv before.csv
is "$rc" 65 "10.1 a real import that rejects"
is "$(cat old.csv)" "$(printf 'body,kelurahan\nsatu,Gotham')" "10.1 replaces it with the rejected records"
is "$(nodot old.csv)" 0 "10.1 no temporary file is left"
run aduan-add --from csv --strict --rejects strict.csv before.csv
is "$rc" 65 "10.1 --strict rejects all"
is "$(head -n 1 strict.csv)" "body,kelurahan" "10.1 and still writes the rejects"

# 11.5: personal data is owner-only whatever the umask and the old mode
umask 022
printf 'body,confidential,reporter_name\nrahasia,1,Siti\n' >conf.csv
printf 'body,kelurahan,confidential\nrahasia,Gotham,1\n' >confrej.csv
run aduan-add --from csv --rejects confrej.rej confrej.csv
is "$(stat -c %a confrej.rej)" 600 "11.5 a --rejects file under umask 022 is 0600"
: >personal.csv && chmod 644 personal.csv
run aduan-export --personal -o personal.csv
is "$rc" 0 "11.5 --personal -o onto a 0644 file"
is "$(stat -c %a personal.csv)" 600 "11.5 leaves it 0600"
aduan-add -q -p 081234567890 "lampu mati" >/dev/null 2>&1
: >subject.jsonl && chmod 644 subject.jsonl
run aduan-export --subject 081234567890 -o subject.jsonl
is "$(stat -c %a subject.jsonl)" 600 "11.5 --subject -o onto a 0644 file is 0600"
: >summary.csv && chmod 644 summary.csv
run aduan-export --summary -o summary.csv
is "$(stat -c %a summary.csv)" 644 "11.5 a summary (no personal data) keeps the file's mode"

# 11.6: devices, FIFOs and /dev/stdout are written into, not replaced
if [ "$(id -u)" = 0 ] && mknod full c 1 7 2>/dev/null; then
	dev=full	# the same device as /dev/full, in our own folder
else
	dev=/dev/full
fi
run aduan-export --personal -o "$dev"
is "$rc" 74 "11.6 -o onto a full device: exit 74"
like err "cannot write $dev: No space left on device" "11.6 saying so"
test -c "$dev"
ok $? "11.6 the device is still a device"
mkfifo fifo
# the reader waits as long as the export may take to start (under valgrind
# on a busy machine, longer than any short timeout); a failed export or a
# replaced FIFO would leave it waiting, so it is stopped then
timeout 600 cat fifo >from-fifo &
reader=$!
run aduan-export --personal -o fifo
{ [ "$rc" = 0 ] && [ -p fifo ]; } || kill "$reader" 2>/dev/null
wait "$reader"
is "$rc" 0 "11.6 -o onto a FIFO"
test -p fifo
ok $? "11.6 the FIFO is still a FIFO"
like from-fifo '^id,uid,' "11.6 and the reader got the export"
# As root a regression would replace /dev/stdout itself: put it back.
stdout_kept() {
	[ -L /dev/stdout ] && return 0
	[ "$(id -u)" = 0 ] && rm -f /dev/stdout && ln -s /proc/self/fd/1 /dev/stdout
	return 1
}
run sh -c 'aduan-export --personal -o /dev/stdout | cat'
stdout_kept
ok $? "11.6 -o /dev/stdout leaves /dev/stdout alone"
is "$rc" 0 "11.6 -o /dev/stdout into a pipe"
like out '^id,uid,' "11.6 writes the export there"
run aduan-export -o /dev/stdout
stdout_kept
like out '^id,uid,' "11.6 -o /dev/stdout into a file"
run aduan-export -o "$ADUAN_DB"
is "$rc" 2 "-o naming the database is refused"

# 11.11: the new ids are printed before the commit
printf 'body,kelurahan\nsatu,Guntung\ndua,Guntung\n' >two.csv
n=$(count)
aduan-add --from csv two.csv >/dev/full 2>err
is "$?" 74 "11.11 ids to a full disk: exit 74"
like err 'cannot write the new ids: .*nothing added' "11.11 saying nothing was added"
is "$(count)" "$n" "11.11 nothing was added"
run aduan-add --from csv two.csv
is "$(count)" "$((n + 2))" "11.11 the retry adds each record once"
aduan-add "satu saja" >/dev/full 2>err
is "$?" 74 "11.11 one complaint, its id to a full disk: exit 74"
is "$(count)" "$((n + 2))" "11.11 not added"

# ---- tracking numbers ----------------------------------------------------------
a=$(aduan-add -k Guntung "jalan rusak" 2>/dev/null)
aduan undo 2>/dev/null
b=$(aduan-add -k Guntung "lampu mati" 2>/dev/null)
ok $([ "$b" -gt "$a" ] && echo 0 || echo 1) "10.2 after undo the next id is new ($a then $b)"
c=$(aduan-add -k Guntung "sampah" 2>/dev/null)
aduan undo 2>/dev/null
sqlite3 "$ADUAN_DB" VACUUM	# what no program does to the file: SQL
d=$(aduan-add -k Guntung "sampah lagi" 2>/dev/null)
ok $([ "$d" -gt "$c" ] && echo 0 || echo 1) "10.2 after undo and VACUUM too ($c then $d)"
run aduan-list "$a"
is "$rc" 1 "10.2 the undone number shows nothing"

# 11.3: ids outside what every program accepts are refused
printf '{"body":"x","id":9223372036854775807}\n{"body":"y","id":"#%s"}\n' "$((d + 10))" >ids.jsonl
run aduan-add --from jsonl ids.jsonl
is "$rc" 65 "11.3 an id beyond 18 digits rejects its record"
like err 'ids.jsonl:1: .*bad id: "9223372036854775807" \(a number from 1 to 999999999999999999\)' \
	"11.3 saying what an id is"
is "$(cat out)" "$((d + 10))" "11.3 a free id above the mark is kept (written #N)"
e=$(aduan-add "berikutnya" 2>/dev/null)
is "$e" "$((d + 11))" "11.3 numbering goes on from there"
printf '{"body":"z","id":%s}\n' "$a" >low.jsonl
run aduan-add --from jsonl low.jsonl
is "$(cat out)" "$((e + 1))" "11.3 an imported id given before (undone) is renumbered"
printf '{"body":"z","duplicate_of":99999999999999999999}\n' >dup.jsonl
run aduan-add --from jsonl dup.jsonl
like err 'bad duplicate_of' "11.3 duplicate_of is read the same way"
run aduan-list -q "#$e"
is "$(cat out)" "$e" "11.3 #N is an id for aduan-list"
run aduan-close --resolution duplicate --duplicate-of "#$e" "#$((e + 1))"
is "$rc" 0 "11.3 and for aduan-close --duplicate-of"

# a database made by the previous schema is brought up to date
# the schema's own test: the old database is made, and its upgrade checked, with SQL
sqlite3 old.db <"$FIX/schema-2.sql"
run aduan-list --db old.db -q
is "$(tr '\n' ' ' <out)" "1 2 3 " "schema 2: its complaints keep their ids"
is "$(sqlite3 old.db 'pragma user_version')" "$(sql 'pragma user_version')" "schema 2: migrated to the version of a new database"
is "$(sqlite3 old.db 'pragma foreign_key_check')" "" "schema 2: every reference holds"
q="select type || ' ' || name from sqlite_master where tbl_name = 'complaint' order by 1"
is "$(sqlite3 old.db "$q")" "$(sql "$q")" "schema 2: the same indexes and triggers as a new database"
q="select sql from sqlite_master where name in ('complaint', 'event', 'message') order by name"
is "$(sqlite3 old.db "$q")" "$(sql "$q")" "schema 2: the same table definitions as a new database"
# a list of values in a CHECK's IN (...) made SQLite build a table at every insert
for t in "complaint(uid, received_at, created_at, channel, body) values ('u', 'r', 'c', 'sms', 'b')" \
    "event(complaint, at, actor, action, invocation) values (1, 'a', 'b', 'note', 1)" \
    "message(source_key, source, received_at, body, kind, decision, reason, invocation)
    values ('k', 's', 'r', 'b', 'text', 'staff', 'r', 1)"; do
	is "$(sqlite3 old.db "explain insert into $t" | grep -c OpenEphemeral)" 0 \
	    "schema 2: no temporary table to insert into ${t%%(*}"
done
sqlite3 old.db "insert into complaint(uid, received_at, created_at, channel, body)
    values ('u', 'r', 'c', 'fax', 'b')" 2>err
like err 'CHECK constraint failed: channel = .whatsapp.' "schema 2: the channels are still checked"
sqlite3 old.db "insert into message(source_key, source, received_at, body, kind, decision,
    reason, invocation) values ('k', 's', 'r', 'b', 'text', 'maybe', 'r', 1)" 2>err
like err 'CHECK constraint failed: decision = ' "schema 2: and the decisions of messages"
is "$(for i in 1 2 3; do aduan-list --db old.db -l "$i" | sed '1,/^history:$/d'; done | wc -l)" 5 \
	"schema 2: the history is all there"
is "$(aduan-list --db old.db -f duplicate_of 3)" 1 "schema 2: duplicate_of kept"
run aduan-list --db old.db -q --search rusak
is "$(cat out)" 1 "schema 2: search finds what it found"
f=$(aduan-add --db old.db -k Guntung "baru" 2>/dev/null)
is "$f" 4 "schema 2: the next id follows"
aduan undo --db old.db 2>/dev/null
is "$(aduan-add --db old.db -k Guntung "baru lagi" 2>/dev/null)" 5 "schema 2: and is not given again after undo"
sqlite3 old.db "insert into complaint_fts(complaint_fts) values('integrity-check')"
ok $? "schema 2: the search index matches the table"

# ---- admin verbs take only their own options (10.5) ----------------------------
aduan holiday add 2025-01-01 "Tahun Baru" 2>/dev/null
run aduan holiday rm 2025-01-01 --dry-run
is "$rc" 2 "10.5 aduan holiday rm --dry-run: a usage error"
like err "aduan holiday rm: unrecognized option '--dry-run'" "10.5 naming the foreign option"
like err '^usage: aduan holiday rm ' "10.5 with that command's own usage"
is "$(grep -c '^ *aduan holiday add' err)" 0 "10.5 and no other's"
is "$(aduan holiday list | grep -c 2025-01-01)" 1 "10.5 the holiday is still there"
agencies=$(aduan agency list | wc -l)
# each row: the foreign option | the command line that gives it
while IFS='|' read -r opt v; do
	run aduan $v
	is "$rc" 2 "10.5 aduan $v: a usage error"
	like err "unrecognized option '$opt'" "10.5 aduan $v: naming $opt"
done <<'ROWS'
--older-than|init --older-than 1
--preset|config --preset x
--list|agency list --list
--sla|agency list --sla 3
--by|agency list --by siti
--sla|agency --sla 3
--whatsapp|agency add KEC2 Kecamatan --whatsapp 08123
--sla|agency set PUPR --sla 3
--contact|agency rm DLH --contact x
--sla|kelurahan --sla 3
--code|kelurahan list --code 9
--sla|kelurahan add Baru --sla 2
--dry-run|rule list --dry-run
--category|rule rm 1 --category x
--weight|rule test --weight 2 jalan
--at|rule load rules.tsv --at 1
--by|rule test --by siti jalan
--category|holiday add 2025-01-02 Libur --category x
--dry-run|holiday load h.tsv --dry-run
--unset|template list --unset
--by|template show ack --by siti
--unset|template edit ack --unset
--kelurahan|group list --kelurahan Guntung
--rt|group rm RT1 --rt 1
--preset|undo --preset x
--code|purge --older-than 5 --code x
--unset|reply --unset 1
ROWS
is "$(aduan agency list | wc -l)" "$agencies" "10.5 none of them changed the agencies"
run aduan reply
is "$rc" 2 "10.5 aduan reply without ids: a usage error"
like err 'which complaints\? name their ids' "10.5 saying what it needs"
run aduan agency foo
is "$rc" 2 "10.5 an unknown sub-command is a usage error"
like err 'agency: one of list, add, set, rm, not "foo"' "10.5 naming the ones there are"

# --help: each verb its own lines, each sub-command its own line, and the
# options of each as in the SYNOPSIS of aduan(1)
man_options() {	# man_options VERB [SUB]: the options of its SYNOPSIS lines
	awk -v cmd="$*" '
	/^\.Sh / { syn = ($2 == "SYNOPSIS"); next }
	!syn { next }
	/^\.Nm/ { on = 0; next }
	/^\.Cm / { c = $0; sub(/^\.Cm /, "", c); sub(/ Fl .*/, "", c)
		if (c == cmd || index(c, cmd " ") == 1) on = 1 }
	on {
		sub(/^\./, "")
		n = split($0, w, /[ \t]+/)
		for (i = 1; i <= n; i++)
			if (w[i] == "Fl" && w[i + 1] ~ /^-/)
				print "-" w[i + 1]
	}' "$ADUAN_BUILD/man/aduan.1" | sort -u
}
help_options() {
	grep -oE '(^|[][ |])--?[A-Za-z0-9][-A-Za-z0-9]*' "$1" | sed 's/^[][ |]//' | sort -u
}
for v in init config agency kelurahan rule holiday undo purge group template reply; do
	run aduan $v --help
	is "$rc" 0 "10.5 aduan $v --help"
	like out "^usage: aduan $v( |\$)" "10.5 aduan $v --help shows that verb's usage"
	is "$(grep -Ev "^(usage: |       )aduan $v( |\$)|^        " out | wc -l)" 0 "10.5 and no other verb's"
	is "$(help_options out | tr '\n' ' ')" "$(man_options $v | tr '\n' ' ')" \
		"10.5 aduan $v --help: the options of its SYNOPSIS"
done
for c in "agency list" "agency add" "agency set" "agency rm" "kelurahan list" "kelurahan add" \
    "rule list" "rule add" "rule rm" "rule test" "rule load" "holiday list" "holiday add" \
    "holiday rm" "holiday load" "template list" "template show" "template set" "template edit" \
    "group list" "group add" "group rm"; do
	run aduan $c --help
	is "$rc:$(head -n 1 out | cut -d' ' -f1-4)" "0:usage: aduan $c" "10.5 aduan $c --help"
	is "$(grep -Evc "^(usage: |       )aduan $c |^        " out)" 0 "10.5 aduan $c --help: its lines alone"
	is "$(help_options out | tr '\n' ' ')" "$(man_options $c | tr '\n' ' ')" \
		"10.5 aduan $c --help: the options of its SYNOPSIS"
done
is "$(aduan help rule)" "$(aduan rule --help)" "10.5 aduan help rule is aduan rule --help"

# ---- aduan init --preset again merges; --replace replaces (10.6) ---------------
refdata() { for v in kelurahan agency rule holiday; do aduan $v list; done; }
aduan rule add "pohon keramat" DLH 2>/dev/null
aduan agency add KECAMATAN "Kantor Kecamatan" 2>/dev/null
aduan agency set PUPR --email pupr@bontangkota.go.id 2>/dev/null
aduan kelurahan add Guntung --alias "Gtg" 2>/dev/null
rules=$(aduan rule list | wc -l)
refdata >ref.office
run aduan init --preset bontang-utara
is "$rc" 0 "10.6 aduan init --preset bontang-utara again"
like err 'routing rules: 0 added, [0-9]+ updated' "10.6 says what it changed"
is "$(aduan rule list | grep -c 'pohon keramat')" 1 "10.6 the office's own rule is kept"
is "$(aduan agency list | cut -f1 | grep -c '^KECAMATAN$')" 1 "10.6 the office's own agency is kept"
is "$(aduan rule list | wc -l)" "$rules" "10.6 no rule doubled"
refdata >ref.merged
run aduan init --replace
is "$rc" 2 "10.6 --replace goes with --preset"
run aduan init --preset bontang-utara --replace
is "$rc" 0 "10.6 --replace"
is "$(aduan rule list | grep -c 'pohon keramat')" 0 "10.6 replaces the rules with the preset's"
is "$(aduan undo --list | grep -c 'aduan init --preset bontang-utara --replace')" 1 \
	"10.6 one invocation in the history"
aduan undo --list >list
like list '	kelurahan 6, agency [0-9]+, rule [0-9]+, holiday [0-9]+		aduan init --preset bontang-utara --replace$' \
	"10.6 aduan undo --list says what the load changed"
run aduan undo
is "$rc" 0 "10.6 aduan undo after --replace"
like err 'undid #[0-9]+ by tester .*\(aduan init --preset bontang-utara --replace\): the reference data is as it was before' \
	"10.6 says what it undid"
refdata >ref.now
cmp -s ref.now ref.merged
ok $? "10.6 the reference data is back as it was before --replace"
run aduan undo
is "$rc" 0 "10.6 aduan undo again: the merge"
refdata >ref.now
cmp -s ref.now ref.office
ok $? "10.6 the office's reference data is back as it was before the merge"
is "$(aduan undo --list | grep -c '	#[0-9]*	aduan init --preset')" 2 "10.6 both loads are marked undone"

# a kelurahan the preset renames takes its complaints back to the old name
export ADUAN_DB="$T/rename.db"
aduan init 2>/dev/null
aduan kelurahan add Loktuan --code 9 2>/dev/null
id=$(aduan-add -k Loktuan "jalan rusak" 2>/dev/null)
aduan init --preset bontang-utara 2>/dev/null
is "$(aduan-list -f kelurahan "$id")" "Lok Tuan" "10.6 the preset renames Loktuan, complaints and all"
run aduan undo
is "$rc" 0 "10.6 undo of that load"
is "$(aduan-list -f kelurahan "$id")" "Loktuan" "10.6 the complaint is in Loktuan again"
is "$(aduan kelurahan list | tail -n +2)" "$(printf 'Loktuan\t9\t')" "10.6 the one kelurahan, as it was"
is "$(aduan agency list | wc -l)" 1 "10.6 no agency left"

# refused while something made since depends on what the load added
export ADUAN_DB="$T/refuse.db"
aduan init 2>/dev/null
aduan init --preset bontang-utara 2>/dev/null
refdata >ref.loaded
id=$(ADUAN_USER=siti aduan-add -k Guntung "jalan rusak" 2>/dev/null)
run aduan undo
is "$rc" 65 "10.6 a complaint in a kelurahan the load added: undo refused"
like err "complaint $id is in kelurahan Guntung, which #[0-9]+ added; undo refused" "10.6 saying which"
ADUAN_USER=siti aduan undo 2>/dev/null
id=$(ADUAN_USER=siti aduan-add "lampu mati" 2>/dev/null)
ADUAN_USER=siti aduan-route --to PLN "$id" >/dev/null 2>&1
run aduan undo
like err "complaint $id was forwarded to PLN, which #[0-9]+ added; undo refused" \
	"10.6 a complaint forwarded to an agency the load added"
ADUAN_USER=siti aduan undo 2>/dev/null
ADUAN_USER=siti aduan undo 2>/dev/null
aduan group add "RT 5 Guntung" --kelurahan Guntung 2>/dev/null
run aduan undo
like err "WhatsApp group RT 5 Guntung is mapped to kelurahan Guntung, which #[0-9]+ added" \
	"10.6 a WhatsApp group mapped to a kelurahan the load added"
aduan group rm "RT 5 Guntung" 2>/dev/null
aduan agency set PUPR --email pupr@bontangkota.go.id 2>/dev/null
run aduan undo
is "$rc" 65 "10.6 the reference data changed after the load: undo refused"
like err 'the agency table changed after #[0-9]+; undo refused' "10.6 saying which table"
refdata >ref.now
aduan agency set PUPR --email '' 2>/dev/null
refdata >ref.now
cmp -s ref.now ref.loaded
ok $? "10.6 the refusals changed nothing"
run aduan undo
is "$rc" 0 "10.6 with the change taken back by hand, undo goes"
is "$(refdata | grep -vc -e '^name	code	aliases$' -e '^code	name' -e '^position	' -e '^day	name$')" 0 \
	"10.6 and leaves the tables as empty as before the load"
done_testing
