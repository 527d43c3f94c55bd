#!/bin/sh
# Hostile input: each case gets a clear message (file and line where there
# is one), the documented exit status, and no record lost or half-written.
#
# Decision on invalid UTF-8: a record whose text is not valid UTF-8 is
# rejected (exit 65, FILE:LINE: FIELD is not valid UTF-8 (byte N)) and
# goes to --rejects as it came; nothing is stored with replacement marks.
. "${0%/*}/lib.sh"
preset
chmod 755 "$T"	# so that the cases run as another user can reach their files

# as_nobody CMD...: run without root's power over file modes.  The build
# may sit where another user cannot reach it (a clone in root's 0700 home):
# the programs are copied into the test's own folder for that user.
if [ "$(id -u)" = 0 ]; then
	mkdir -p "$T/nobody-bin"
	for p in "$ADUAN_BUILD"/aduan "$ADUAN_BUILD"/aduan-*; do
		case $p in *.c|*.o) continue ;; esac
		[ -x "$p" ] && [ -f "$p" ] && cp "$p" "$T/nobody-bin/"
	done
	cp -R "$ADUAN_BUILD/locale" "$T/nobody-locale" 2>/dev/null
	chmod -R a+rX "$T/nobody-bin" "$T/nobody-locale" 2>/dev/null
fi
as_nobody() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			env HOME=/ PATH="$T/nobody-bin:/usr/bin:/bin" ADUAN_LOCALEDIR="$T/nobody-locale" "$@"
	else
		"$@"
	fi
}

n=$(count)
printf 'body,kelurahan\nbaik,Guntung\n"rusak \377\376 teks",Guntung\n' >utf8.csv
run aduan-add --from csv --rejects rej.csv utf8.csv
is "$rc" 65 "01 invalid UTF-8: the record is rejected (65)"
like err '^aduan-add: utf8.csv:3: body is not valid UTF-8 \(byte 7\)$' "01 with file, line, field and byte"
is "$(count)" "$((n + 1))" "01 the good record is kept"
sed 2d utf8.csv >want.csv
cmp -s rej.csv want.csv
ok $? "01 the rejects file holds the header and the bad record byte for byte"

import_rows <<'ROWS'
nul.csv	csv	body,kelurahan\nsatu\0000dua,Guntung\nbaik,Guntung\n	65	nul.csv:2: NUL byte in record	02 a NUL byte in CSV rejects its record, naming the line
nul.jsonl	jsonl	{"body":"a\\u0000b"}\n	65	-	03 a \u0000 escape in JSON Lines is rejected
nul.tsv	tsv	body\tkelurahan\nsatu\0000dua\tGuntung\n	65	-	04 a NUL byte in TSV rejects its record
ROWS

n=$(count)
head -c 10485760 /dev/zero | tr '\0' 'a' >big.txt
{ echo 'body,kelurahan'; printf '"'; cat big.txt; echo '",Guntung'; echo 'kecil,Guntung'; } >big.csv
run aduan-add --from csv big.csv
is "$rc" 65 "05 a 10 MB field is rejected"
like err 'big.csv:2: body is too long \(10485760 bytes\)' "05 saying how long"
is "$(count)" "$((n + 1))" "05 the next record still arrives"
{ echo '{"body":"'; } >/dev/null
{ printf 'source_key,body\nk,'; cat big.txt; echo; } >bigline.csv
run aduan-add --from csv bigline.csv
is "$rc" 65 "06 a 10 MB unquoted line is rejected too"

printf 'body,kelurahan\rsatu,Guntung\rdua,Guntung\r' >cr.csv
run aduan-add --from csv cr.csv
is "$(wc -l <out | tr -d ' ')" 2 "07 lone CR line ends: two records"
import_rows <<'ROWS'
open.csv	csv	body,kelurahan\nsatu,Guntung\n"dua,Guntung\n	65	open.csv:3: unterminated quoted field	08 an unterminated quote is bad input, naming the line
col.csv	csv	bodi,kelurahan\nx,Guntung\n	65	col.csv:1: unknown column "bodi"	09 a misspelt column is named
empty.csv	csv	body,kelurahan\n,Guntung\n	-	empty.csv:2: empty body	10 an empty required field
esc.csv	csv	bo\0033[31mdy,kelurahan\nx,Guntung\n	-	esc.csv:1: unknown column "bo\\x1b\[31mdy"	09 a header with an escape sequence is named with it made visible
ROWS
! LC_ALL=C grep -q "$(printf '\033')" err
ok $? "09 and no raw escape reaches stderr"
printf 'body,kelurahan,agency,channel,priority\nx,Gotham,,,\nx,,NASA,,\nx,,,telegram,\nx,,,,sangat\n' >ref.csv
run aduan-add --from csv ref.csv
like err 'ref.csv:2: unknown kelurahan "Gotham"' "11 unknown kelurahan"
like err 'ref.csv:3: unknown agency "NASA"' "12 unknown agency"
like err 'ref.csv:4: unknown channel "telegram"' "13 unknown channel"
like err 'ref.csv:5: unknown priority "sangat"' "14 unknown priority"
printf 'body,received_at\nx,2024-02-30\nx,2024-11-28T25:00\nx,3024-01-01\nx,1969-12-31\n' >dates.csv
run aduan-add --from csv dates.csv
like err 'dates.csv:2: bad time in received_at: "2024-02-30"' "15 an impossible date"
like err 'dates.csv:3: bad time' "16 an impossible hour"
like err 'dates.csv:4: received_at is in the future' "17 a far-future date"
like err 'dates.csv:5: bad time' "18 a date before 1970"

n=$(count)
run aduan-add "'); DROP TABLE complaint; --"
is "$(get "$(cat out)" body)" "'); DROP TABLE complaint; --" "19 text that looks like SQL is stored as text"
is "$(count)" "$((n + 1))" "19 and the table is still there"
run aduan-list --search "'); DROP TABLE complaint; --" -q
is "$(count)" "$((n + 1))" "20 also as a search"
run aduan-list --kelurahan "x' OR '1'='1"
is "$rc" 2 "21 an injected filter value is just an unknown kelurahan"

run aduan-add -n "$(head -c 300 big.txt)" "nama panjang"
is "$rc" 65 "22 an extremely long name is rejected"
like err 'reporter_name is too long \(300 bytes\)' "22 saying so"
run aduan-add -p 0812345678901234567890 "x"
is "$rc" 65 "23 a 22-digit phone number is rejected"
run aduan-add -r 99999 "x"
is "$rc" 65 "24 an impossible RT"
printf 'body,lat,lon\nx,91,10\nx,1,\n' >geo.csv
run aduan-add --from csv geo.csv
like err 'geo.csv:2: bad lat: "91"' "25 a latitude out of range"
like err 'geo.csv:3: lat and lon go together' "26 half a position"
printf '{"body":"x","location":{"a":{"b":[1,2]}}}\n' >deep.jsonl
run aduan-add --from jsonl deep.jsonl
like err 'deep.jsonl:1: nested value for key "location" is not supported' "27 nested JSON"
head -c 20000 /dev/urandom >garbage.bin
run aduan-add --from csv garbage.bin
ok $([ "$rc" = 65 ] && echo 0 || echo 1) "28 random bytes as CSV: bad input, no crash"
run aduan-add --from whatsapp --group X garbage.bin
ok $([ "$rc" = 65 ] && echo 0 || echo 1) "29 random bytes as a WhatsApp export: bad input, no crash"
run sh -c 'printf "1\nDROP\n" | aduan-list -q -'
is "$rc" 65 "30 garbage in an id list"
like err 'stdin:2: not a complaint id: DROP' "30 named with its line"
run aduan-list 99999999999999999999999
is "$rc" 2 "31 an id too large for any complaint is a usage error"

# the database file itself
# (read-only to its owner too: the suite may run as the owner, not as root)
mkdir ro && aduan init --db ro/a.db 2>/dev/null && chmod 444 ro/a.db && chmod 555 ro
run as_nobody aduan-add --db ro/a.db "x"
is "$rc" 74 "32 a read-only database: I/O error"
like err "cannot write database ro/a.db: permission denied \\(you may read it; ask its owner for write access" \
	"32 10.8 saying permission denied, the path and what to do"
run as_nobody env LANG=id_ID.UTF-8 LC_ALL= LANGUAGE= aduan-add --db ro/a.db "x"
like err 'izin ditolak' "10.8 in Indonesian too"
run as_nobody aduan-list --db ro/a.db
is "$rc" 1 "10.8 listing needs no write: a read-only database is read (nothing matched)"
is "$(cat err)" "" "10.8 without a word of complaint"
run as_nobody aduan-export --summary --db ro/a.db
is "$rc" 0 "10.8 a summary from a read-only database"
ls ro >ro.files
is "$(tr '\n' ' ' <ro.files)" "a.db " "10.8 reading left no file behind"
chmod 755 ro	# (so that the test's folder can be removed)
run aduan-list --db "$T/no/such/folder/a.db"
is "$rc" 74 "33 a database in a missing folder (reader)"
like err "no database at $T/no/such/folder/a.db" "33 naming the path"
mkdir locked && chmod 555 locked
run as_nobody aduan init --db "$T/locked/sub/a.db"
is "$rc" 74 "34 a database in an unwritable folder"
like err "cannot create folder $T/locked/sub" "34 naming the folder"
cp "$ADUAN_DB" corrupt.db
dd if=/dev/urandom of=corrupt.db bs=1024 seek=8 count=120 conv=notrunc 2>/dev/null
run aduan-list --db corrupt.db
ok $([ "$rc" = 74 ] && echo 0 || echo 1) "35 a corrupt database is an I/O error"
like err 'damaged|malformed' "35 saying it is damaged"
mkdir dir.db
run aduan-list --db dir.db
is "$rc" 74 "36 a folder where the database should be"

if mkdir -p small && { mount -t tmpfs -o size=512k tmpfs small 2>/dev/null || false; }; then
	aduan init --db small/a.db --preset bontang-utara 2>/dev/null
	before=$(count --db small/a.db)
	{ echo 'body,kelurahan'; i=0; while [ $i -lt 400 ]; do printf '"%s",Guntung\n' "$(head -c 3000 big.txt)"; i=$((i + 1)); done; } >fill.csv
	run aduan-add --db small/a.db -q --from csv fill.csv
	is "$rc" 74 "37 a full disk is an I/O error"
	like err 'full' "37 saying the disk is full"
	is "$(count --db small/a.db)" "$before" "37 and nothing of the import is kept"
	is "$(sqlite3 small/a.db 'pragma integrity_check')" ok "37 the database is intact"	# on disk: SQL
	umount small
else
	skip "37 a full disk: cannot mount a small filesystem here (needs root)"
fi

if [ -n "${ADUAN_VALGRIND:-}" ]; then
	skip "38 stdout closed: under valgrind its log file takes the closed descriptor"
else
	run sh -c 'aduan-list >&-'
	is "$rc" 74 "38 stdout closed: exit 74"
fi
aduan-list >/dev/full 2>err
is "$?" 74 "39 stdout full: exit 74"
ADUAN_BUSY_TIMEOUT=soon aduan-list -q >/dev/null 2>&1
is "$?" 0 "40 a nonsense ADUAN_BUSY_TIMEOUT falls back to the default"
is "$(sql 'pragma integrity_check')" ok "the test database is intact after all this"	# on disk: SQL
done_testing
