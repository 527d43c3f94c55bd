#!/bin/sh
# aduan-add --from whatsapp: intake, joining, staff, idempotence, triage.
. "${0%/*}/lib.sh"
preset
W="$FIX/whatsapp"
API="$W/WhatsApp Chat with RT 05 Api-Api.txt"

run aduan-add --from whatsapp -k api-api -r 5 "$API"
is "$rc" 0 "an Android Indonesian group export imports"
is "$(count)" 3 "three complaints (the RT head's thanks is none)"
like err 'RT 05 Api-Api.txt: 19 messages read, 3 complaints added, 0 already present, 0 rejected; skipped: 9 system, 0 staff, 6 not matching the intake filter' \
	"the summary on stderr counts messages by what became of them"
like err 'dates read day first: 14/11/24 on line 1' "and says how dates were read"
is "$(get 1 channel,source,reporter_name,kelurahan,rt,received_at)" \
	"whatsapp|RT 05 Api-Api|Siti Aminah|Api-Api|005|2024-11-14T01:15:00Z" \
	"channel, group from the file name, author, -k/-r, local WITA time stored as UTC"
is "$(aduan-list -f source_key,reporter_phone,reporter_name | awk -F '\t' 'index($1, "2024-11-15T07:45") { print $2 "|" $3 }')" \
	"+6281255012233|" "a phone-number author becomes the reporter's phone"
is "$(aduan-list -f source_key,body | awk -F '\t' 'index($1, "2024-11-15T07:45") { print $2 }' | tsv_plain)" \
	"Pak, got di depan rumah no 12 mampet, air meluap kalau hujan.
28/11/24 14.00 tadi siang juga begitu
Mohon dibantu." "a multi-line message keeps its lines, even one that starts with a date"

run aduan-add --from whatsapp -k api-api -r 5 "$API"
is "$rc" 0 "the same file again"
is "$(cat out)" "" "adds nothing"
like err '0 complaints added, 3 already present' "all three are already present"
is "$(count)" 3 "still three"

# staff never file complaints; a staff reply does not break a citizen's run
rm -f "$ADUAN_DB"; preset
aduan config intake.staff "Rahmat Hidayat, 0813-0000-9999"
run aduan-add --from whatsapp "$API"
is "$(count)" 3 "with the RT head as staff: three complaints"
is "$(aduan-list -f reporter_name | grep -c '^Rahmat Hidayat$')" 0 "none from staff"
is "$(get 1 body,attachments,lat,lon | sed 's/|\([^|]*\)$/,\1/')" \
	"Assalamualaikum pak RT, mau lapor lampu jalan di gang Mawar mati sudah 3 hari
Ini fotonya pak, tiangnya yang dekat musholla|IMG-20241114-WA0003.jpg|0.1358,117.4921" \
	"the photo and location sent minutes later join the complaint"
like err '3 staff' "staff messages are counted"

run aduan-add --dry-run --messages --from whatsapp "$API"
is "$rc" 0 "--dry-run --messages"
is "$(wc -l <out | tr -d ' ')" 19 "one line per message"
is "$(sed -n 7p out)" '{"at":"2024-11-14T09:15","author":"Siti Aminah","body":"Assalamualaikum pak RT, mau lapor lampu jalan di gang Mawar mati sudah 3 hari","kind":"text","source_key":"wa2:RT 05 Api-Api|2024-11-14T09:15|Siti Aminah|23386f8063e061b3","decision":"present","why":"problem \"mati\"; request \"lapor\"","kelurahan":"Api-Api","rt":"005","place_from":"group name"}' \
	"each message as JSON with at, author, body, kind, source_key, decision, why and place"
like out '"author":null,.*"kind":"system".*"decision":"system"' "system lines have no author"
like out '"author":"Rahmat Hidayat".*"decision":"staff"' "staff decision"
like out '"kind":"media".*"decision":"present"' "media messages"
like out '"kind":"location"' "location messages"

# --all, --match, --join
rm -f "$ADUAN_DB"; preset
run aduan-add --from whatsapp --all "$API"
is "$(count)" 7 "--all takes every citizen run (a deleted message alone is none)"
rm -f "$ADUAN_DB"; preset
run aduan-add --from whatsapp --match 'got|selokan' "$API"
is "$(count)" 1 "--match narrows the intake filter"
rm -f "$ADUAN_DB"; preset
aduan config intake.staff "Rahmat Hidayat"
run aduan-add --from whatsapp --all --join 0 "$API"
is "$(count)" 7 "--join 0: every message on its own"
rm -f "$ADUAN_DB"; preset
aduan config intake.join_minutes 0
run aduan-add --from whatsapp --all "$API"
is "$(count)" 9 "the join window is a setting"
aduan config --unset intake.join_minutes
run aduan-add --from whatsapp --join x "$API"
is "$rc" 2 "a bad --join is a usage error"
run aduan-add --from whatsapp --match '(' "$API"
is "$rc" 2 "a bad --match is a usage error"

# next week's longer export adds only what is new
rm -f "$ADUAN_DB"; preset
head -n 13 "$API" >"$T/WhatsApp Chat with RT 05 Api-Api.txt"
run aduan-add --from whatsapp "$T/WhatsApp Chat with RT 05 Api-Api.txt"
first=$(count)
run aduan-add --from whatsapp "$API"
is "$(count)" 3 "the longer export completes the set"
is "$(wc -l <out | tr -d ' ')" "$((3 - first))" "adding only the new complaints"

# group names, stdin and the iOS route
run aduan-add --from whatsapp "$FIX/whatsapp/WhatsApp Chat - Forum Warga Bontang Kuala.txt" --dry-run
like err 'Forum Warga Bontang Kuala.txt: [0-9]+ messages read' "'WhatsApp Chat - X.txt' names the group"
cp "$API" _chat.txt
run aduan-add --from whatsapp _chat.txt
is "$rc" 2 "_chat.txt without --group is a usage error"
like err 'name it with --group' "saying what to do"
run sh -c 'cat _chat.txt | aduan-add --from whatsapp -'
is "$rc" 2 "stdin without --group is a usage error"
rm -f "$ADUAN_DB"; preset
( cd "$T" && zip -q export.zip _chat.txt ) 2>/dev/null || skip=1
if [ -z "${skip:-}" ]; then
	unzip -p export.zip _chat.txt | aduan-add --from whatsapp --group "RT 05 Api-Api" - >out 2>err
	rc=$?
else
	aduan-add --from whatsapp --group "RT 05 Api-Api" - <_chat.txt >out 2>err
	rc=$?
fi
is "$rc" 0 "the iOS route: an export from stdin with --group"
run aduan-add --from whatsapp "$API"
is "$(cat out)" "" "keys from stdin and from the file agree: nothing new"

# iOS Indonesian, CRLF, marks, ~ names, seconds
rm -f "$ADUAN_DB"; preset
for f in "$W"/*.txt; do
	aduan-add --from whatsapp --all "$f" >/dev/null 2>"$T/e" || { cat "$T/e"; echo "# failed on $f"; }
done
is "$(aduan-list -f received_at | grep -cvE '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$')" 0 \
	"every fixture rendering imports with well-formed times"
is "$(aduan-list -f reporter_name | grep -c "^~\\|$(printf '\342\200\216')")" 0 \
	"no author keeps a ~ or a direction mark"

# --tz and --date-order
rm -f "$ADUAN_DB"; preset
run aduan-add --from whatsapp --tz Asia/Jakarta "$API"
is "$(get 1 received_at)" "2024-11-14T02:15:00Z" "--tz names the zone of the export's times"
run aduan-add --from whatsapp --tz Mars/Olympus "$API"
is "$rc" 2 "an unknown zone is a usage error"
printf '01/02/24 10.00 - Ani: lapor jalan rusak\n01/03/24 10.00 - Ani: lapor lagi jalan rusak\n' >"$T/WhatsApp Chat with Tes.txt"
run aduan-add --from whatsapp --dry-run --format jsonl "$T/WhatsApp Chat with Tes.txt"
like err 'dates read month first' "dates that advance in the second field are read month first"
like out '"received_at":"2024-01-02T02:00:00Z"' "so 01/02/24 is 2 January"
run aduan-add --from whatsapp --dry-run --format jsonl --date-order dmy "$T/WhatsApp Chat with Tes.txt"
like out '"received_at":"2024-02-01T02:00:00Z"' "--date-order dmy overrides it"
like err 'day first, set by option' "and says so"
run aduan-add --from whatsapp --date-order xyz "$API"
is "$rc" 2 "a bad --date-order is a usage error"

# rejects: an invalid message goes to the rejects file as an export that re-feeds
rm -f "$ADUAN_DB"; preset
printf '14/11/24 09.15 - Ani: lapor jalan rusak \377\376 parah\n14/11/24 10.00 - Budi: mohon lampu mati diperbaiki\n' >"$T/WhatsApp Chat with Rusak.txt"
run aduan-add --from whatsapp --rejects rej.txt "$T/WhatsApp Chat with Rusak.txt"
is "$rc" 65 "a message that is not valid UTF-8 is rejected (65)"
like err 'WhatsApp Chat with Rusak.txt:1: body is not valid UTF-8' "naming file and line"
is "$(count)" 1 "the good one is added"
like rej.txt '^\[14/11/2024 09\.15\] Ani: lapor jalan rusak' "the rejects file is an export"
sed -i 's/\xff\xfe //' rej.txt
run aduan-add --from whatsapp --group Rusak rej.txt
is "$rc" 0 "fixed, it re-feeds"
is "$(count)" 2 "and adds the complaint"

run aduan-add --from whatsapp --messages "$API"
is "$rc" 2 "--messages needs --dry-run"
printf 'no chat here\n' >"$T/WhatsApp Chat with Kosong.txt"
run aduan-add --from whatsapp "$T/WhatsApp Chat with Kosong.txt"
is "$rc" 65 "a file without messages is bad input"
like err 'no WhatsApp messages found' "and says so"

# the files people have: an iPhone zip, UTF-16 (both byte orders), unsupported renderings named
rm -f "$ADUAN_DB"; preset
mkdir -p "$T/z" && printf '[28/11/24 14.05.33] Budi: Lampu jalan mati, mohon diperbaiki\r\n[28/11/24 14.06.00] Ani: ok\r\n' >"$T/z/_chat.txt"
(cd "$T/z" && zip -q "../WhatsApp Chat - RT 07.zip" _chat.txt)
run aduan-add --from whatsapp "$T/WhatsApp Chat - RT 07.zip"
is "$rc" 0 "an iPhone zip is read directly"
is "$(aduan-list -f source,body | tsv_plain)" "RT 07|Lampu jalan mati, mohon diperbaiki" \
	"its _chat.txt, the group from the zip's name"
run aduan-add --from whatsapp --group "RT 07" - <"$T/WhatsApp Chat - RT 07.zip"
is "$rc" 0 "a zip on standard input too"
like err '1 already present' "the same messages"
printf 'PK\003\004 not a zip at all\n' >"$T/broken.zip"
run aduan-add --from whatsapp --group G "$T/broken.zip"
is "$rc" 65 "a file that only starts like a zip archive is bad input"
like err 'broken.zip' "named in the message"
printf '\377\376' >"$T/le.txt"; iconv -f UTF-8 -t UTF-16LE "$T/z/_chat.txt" >>"$T/le.txt"
printf '\376\377' >"$T/be.txt"; iconv -f UTF-8 -t UTF-16BE "$T/z/_chat.txt" >>"$T/be.txt"
for f in le be; do
	run aduan-add --from whatsapp --group "RT 07" --dry-run --messages "$T/$f.txt"
	is "$rc" 0 "UTF-16 $f with a BOM is read"
	like out '"at":"2024-11-28T14:05:33","author":"Budi","body":"Lampu jalan mati, mohon diperbaiki","kind":"text"' \
		"UTF-16 $f: the message as in UTF-8"
	like err '1 already present' "UTF-16 $f: the same key as the UTF-8 file"
done
printf '[3/18/2565 BE, 14:56:00] Budi: halo\n' >"$T/be-year.txt"
printf '[14:56:01, 3/18/22] Budi: halo\n' >"$T/time-first.txt"
for f in be-year:'years of the Buddhist era' time-first:'times written before the date'; do
	run aduan-add --from whatsapp --group G "$T/${f%%:*}.txt"
	is "$rc" 65 "${f%%:*}: not read, bad input"
	like err "${f%%:*}.txt:1: no WhatsApp messages found: ${f#*:} are not supported" "${f%%:*}: the rendering is named"
done

# one chat, two phones: the iPhone export of a group adds nothing after the Android one
rm -f "$ADUAN_DB"; preset
printf '%s\n' '14/11/24 09.15 - ~ Rina Lestari: Lapor pak, lampu jalan di gang Mawar mati' \
	'14/11/24 09.16 - ~ Rina Lestari: IMG-20241114-WA0003.jpg (file terlampir)' 'Ini fotonya pak' \
	'14/11/24 09.20 - +62 812-5501-2233: Mohon got depan rumah dibersihkan' \
	'14/11/24 09.21 - +62 812-5501-2233: Mohon got depan rumah dibersihkan' \
	'14/11/24 09.30 - Budi: lokasi: https://maps.google.com/?q=0.135812,117.492104' \
	'14/11/24 10.02 - Budi: Pesan ini telah dihapus' >"$T/WhatsApp Chat with RT 09.txt"
LRM=$(printf '\342\200\216')
printf '%s\r\n' "[14/11/24 09.15.12] ~${LRM} Rina Lestari: Lapor pak, lampu jalan di gang Mawar mati " \
	"${LRM}[14/11/24 09.16.40] ~${LRM} Rina Lestari: ${LRM}<attached: 00000003-PHOTO-2024-11-14-09-16-40.jpg>" 'Ini fotonya pak' \
	"[14/11/24 09.20.05] $(printf '\342\200\252')+62 812-5501-2233$(printf '\342\200\254'): Mohon got depan rumah dibersihkan" \
	"[14/11/24 09.21.59] +62 812-5501-2233: Mohon got depan rumah dibersihkan" \
	"${LRM}[14/11/24 09.30.30] Budi: ${LRM}Lokasi: https://maps.google.com/?q=0.135812,117.492104" \
	"[14/11/24 10.02.11] Budi: ${LRM}Pesan ini dihapus." >"$T/ios.txt"
run aduan-add --from whatsapp --all --join 0 "$T/WhatsApp Chat with RT 09.txt"
is "$rc" 0 "the Android export of a group"
like err '6 messages read, 5 complaints added' "adds its five complaints"
run aduan-add --from whatsapp --all --join 0 --group "RT 09" --dry-run --messages "$T/ios.txt"
is "$(grep -c '"decision":"present"' out)" 5 "the iPhone export of the same group: every message already present"
run aduan-add --from whatsapp --all --join 0 --group "RT 09" "$T/ios.txt"
like err '6 messages read, 0 complaints added, 5 already present' "and it adds nothing"
run aduan-add --from whatsapp --all --join 0 "$T/WhatsApp Chat with RT 09.txt"
like err '0 complaints added, 5 already present' "nor does the Android one again"

# a database holding the first round's keys ("wa:" and the body as exported) keeps working
rm -f "$ADUAN_DB"; preset
fnv() { perl -e 'use integer; my $h=-3750763034362895579; for (unpack("C*", $ARGV[0])) { $h ^= $_; $h *= 1099511628211; } no integer; printf "%016x", $h' "$1"; }
printf '{"received_at":"2024-11-14T09:20","channel":"whatsapp","source":"RT 09","reporter_phone":"+6281255012233","body":"Mohon got depan rumah dibersihkan","source_key":"wa:RT 09|2024-11-14T09:20|+62 812-5501-2233|%s"}\n' \
	"$(fnv 'Mohon got depan rumah dibersihkan')" >old.jsonl
run aduan-add --from jsonl old.jsonl
is "$rc" 0 "a complaint imported with a first-round key"
run aduan-add --from whatsapp --all --join 0 "$T/WhatsApp Chat with RT 09.txt"
like err '6 messages read, 4 complaints added, 1 already present' "is found again by that key"
is "$(aduan-list -f body | grep -cx 'Mohon got depan rumah dibersihkan')" 2 \
	"the identical message a minute later is still its own complaint"
# a message's key hashes its plain form (FNV-1a): without invisible marks,
# a tab read as a space, no spaces at line ends; a photo as its kind and
# caption; identical messages of one minute numbered
rm -f "$ADUAN_DB"; preset
printf '%s\n' '14/11/24 09.15 - Siti Aminah: lampu mati di gang Mawar  ' \
	'14/11/24 09.15 - Siti Aminah: lampu mati di gang Mawar' \
	"14/11/24 09.15 - Siti Aminah: $(printf '\342\200\216lampu mati\tdi gang \342\200\216Mawar \342\200\216')" \
	"14/11/24 09.16 - Budi: baris satu $(printf '\t')" "baris dua$(printf '\357\273\277')  " \
	'14/11/24 09.16 - Budi: IMG-20241114-WA0003.jpg (file terlampir)' 'fotonya  ' \
	'14/11/24 09.16 - Budi: media' 'fotonya ' \
	"14/11/24 09.17 - +62 812-5501-2233: got mampet $(printf '\342\200\246') sudah lama" >keys.txt
run aduan-add --from whatsapp --all --join 0 --group "RT 07" --dry-run --messages keys.txt
is "$(sed 's/.*"source_key":"\([^"]*\)".*/\1/' out | tr '\n' ' ')" \
	"wa2:RT 07|2024-11-14T09:15|Siti Aminah|$(fnv 'lampu mati di gang Mawar') \
wa2:RT 07|2024-11-14T09:15|Siti Aminah|$(fnv 'lampu mati di gang Mawar')#1 \
wa2:RT 07|2024-11-14T09:15|Siti Aminah|$(fnv 'lampu mati di gang Mawar')#2 \
wa2:RT 07|2024-11-14T09:16|Budi|$(fnv 'baris satu
baris dua') \
wa2:RT 07|2024-11-14T09:16|Budi|$(fnv 'media
fotonya') \
wa2:RT 07|2024-11-14T09:16|Budi|$(fnv 'media
fotonya')#1 \
wa2:RT 07|2024-11-14T09:17|+6281255012233|$(fnv "got mampet $(printf '\342\200\246') sudah lama") " \
	"keys hash the plain form and number identical messages of a minute"

# --- the place a text states: counts, lists, routes and the preset's "BK" -----------
printf '%s\n' \
	'28/11/24 08.00 - Warga1: BK rt 5 pak, titian ke rumah ujung udh miring' \
	'28/11/24 08.10 - Warga2: sudah sy sampaikan ke pak RT 2 minggu lalu soal pohon nyaris roboh' \
	'28/11/24 08.20 - Warga3: jembatan penghubung RT 8 dan RT 9 putus dihantam banjir' \
	'28/11/24 08.30 - Warga4: angkot jurusan Loktuan ga masuk terminal lagi, anak sekolah jalan kaki' \
	'28/11/24 08.40 - Warga5: RT 10 hari ini air mati total dari pagi, mohon dicek' >places.txt
run aduan-add --from whatsapp --group G --dry-run --messages places.txt
is "$(sed 's/.*"kelurahan":\([^,]*\),"rt":\([^,]*\),.*/\1 \2/' out | tr '\n' '|')" \
	'"Bontang Kuala" "005"|null null|null null|null null|null "010"|' \
	"places: BK and its RT; no RT where the number counts weeks or two RTs are named; no route; RT 10 today"
done_testing
