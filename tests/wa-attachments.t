#!/bin/sh
# WhatsApp attachments in a zip archive: the files a chat names and the
# archive holds are recorded with the message and its complaint; a file
# named but missing from the archive stays in the message's text only.
. "${0%/*}/lib.sh"
command -v zip >/dev/null 2>&1 || { echo "1..0 # SKIP zip is not installed"; exit 0; }
preset
LRM=$(printf '\342\200\216')

# an iPhone export: _chat.txt and the photos it names, one of them left out
mkdir ip && cd ip || exit 1
printf '%s\r\n' \
	"[05/01/24 10.10.00] Budi: Lampu jalan di gang kami mati, mohon diperbaiki" \
	"[05/01/24 10.11.12] Budi: ${LRM}<attached: 00000012-PHOTO-2024-01-05-10-11-12.jpg>" \
	"[05/01/24 11.00.00] Sari: Jalan berlubang besar depan sekolah, tolong ditambal" \
	"[05/01/24 11.00.30] Sari: ${LRM}<attached: 00000013-PHOTO-2024-01-05-11-00-30.jpg>" \
	"[05/01/24 12.00.00] Udin: <Anhang: 00000014-PHOTO-2024-01-05-12-00-00.jpg>" \
	"[05/01/24 12.00.20] Udin: Banjir lagi di gang kami, air masuk rumah" >_chat.txt
echo photo >00000012-PHOTO-2024-01-05-10-11-12.jpg
echo photo >00000014-PHOTO-2024-01-05-12-00-00.jpg
echo sticker >00000015-STICKER.webp
zip -q "../WhatsApp Chat - RT 05.zip" _chat.txt 00000012-PHOTO-2024-01-05-10-11-12.jpg \
	00000014-PHOTO-2024-01-05-12-00-00.jpg 00000015-STICKER.webp
cd "$T" || exit 1

run aduan-add --from whatsapp "WhatsApp Chat - RT 05.zip"
is "$rc" 0 "the iPhone zip is imported"
is "$(aduan-list -f reporter_name,attachments | tsv_plain | sort)" \
"Budi|00000012-PHOTO-2024-01-05-10-11-12.jpg
Sari|
Udin|00000014-PHOTO-2024-01-05-12-00-00.jpg" \
	"a photo the archive holds is the complaint's attachment; one it lacks is not"
aduan-list --messages >m
is "$(awk -F'\t' '{print $6 "|" $11}' m)" \
"Budi|
Budi|00000012-PHOTO-2024-01-05-10-11-12.jpg
Sari|
Sari|
Udin|00000014-PHOTO-2024-01-05-12-00-00.jpg
Udin|" "aduan-list --messages shows each message's attachment (German <Anhang: ...> too)"
like m '	<attached: 00000013-PHOTO-2024-01-05-11-00-30.jpg>	' \
	"the missing photo's name stays in its message's text"
is "$(aduan-list --messages --header | head -n 1 | cut -f11)" attachment "the header names the column"
run aduan-list --messages --format jsonl --search 00000012
like out '"attachment":"00000012-PHOTO-2024-01-05-10-11-12.jpg"\}$' "and JSON Lines has it"
id=$(aduan-list -q --search lampu)
run aduan-list --format jsonl "$id"
like out '"attachments":"00000012-PHOTO-2024-01-05-10-11-12.jpg"' "so has the complaint's JSON"

# an Android export shared as a zip: the .txt and the files beside it
mkdir an && cd an || exit 1
printf '%s\n' \
	"05/01/24 14.00 - Rina: IMG-20240105-WA0003.jpg (file attached)" \
	"Sampah di TPS sudah numpuk 4 hari, tolong diangkut" \
	"05/01/24 14.05 - Rina: IMG-20240105-WA0004.jpg (file terlampir)" \
	"05/01/24 16.00 - Andi: IMG-20240105-WA0005.jpg (file attached)" \
	"Foto kerja bakti tadi pagi, terima kasih warga yang sudah hadir" >"WhatsApp Chat with RT 06.txt"
echo photo >IMG-20240105-WA0003.jpg
echo photo >IMG-20240105-WA0005.jpg
zip -q "../WhatsApp Chat with RT 06.zip" "WhatsApp Chat with RT 06.txt" IMG-20240105-WA0003.jpg \
	IMG-20240105-WA0005.jpg
cd "$T" || exit 1
run aduan-add --from whatsapp "WhatsApp Chat with RT 06.zip"
is "$rc" 0 "the Android zip is imported"
is "$(aduan-list -f source,attachments --search TPS | tsv_plain)" "RT 06|IMG-20240105-WA0003.jpg" \
	"the photo it holds is the attachment, the one it lacks is not"
is "$(aduan-list --messages --group 'RT 06' | cut -f11 | tr '\n' '|')" \
	"IMG-20240105-WA0003.jpg||IMG-20240105-WA0005.jpg|" "and the archive says so message by message"

# a .txt alone cannot show which files came: the names are kept as written
cp "an/WhatsApp Chat with RT 06.txt" "WhatsApp Chat with RT 08.txt"
run aduan-add --from whatsapp "WhatsApp Chat with RT 08.txt"
is "$(aduan-list -f attachments --search TPS --format tsv | tsv_plain | sort | tail -n 1)" \
	"IMG-20240105-WA0003.jpg, IMG-20240105-WA0004.jpg" "from a .txt every named file is recorded"

# purging the archive removes the names with the text
is "$(aduan-list --messages --left --group 'RT 06' | cut -f11)" IMG-20240105-WA0005.jpg "a message left has its attachment"
run aduan purge --older-than 1
is "$rc" 0 "aduan purge"
is "$(aduan-list --messages --group 'RT 06' | cut -f10,11 | tail -n 1)" "(purged)	" \
	"the name goes with the text"
done_testing
