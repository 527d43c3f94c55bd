#!/bin/sh
# What an import looks up in the database, and what it knows without
# asking: the reporter's open complaint, complaints already present.
. "${0%/*}/lib.sh"
preset

# A question about an earlier report joins the reporter's newest open
# complaint, whether that complaint is in the database already or was
# added a moment before by the same import.

# Ani asks before she has any complaint, then reports, then asks again;
# Budi (a phone number) reports, and asks in the next import
cat >"WhatsApp Chat with Mawar.txt" <<'CHAT'
13/11/24 08.00 - Ani: Pak, laporan saya soal got kapan ditindaklanjuti ya?
14/11/24 09.15 - Ani: Lampu jalan di gang Mawar mati sejak kemarin
14/11/24 09.30 - +62 812-5501-2233: Sampah di depan pos ronda numpuk sudah seminggu
15/11/24 10.00 - Ani: Pak, laporan saya kemarin soal lampu belum ada tindak lanjut?
16/11/24 08.00 - Ani: Air PDAM di gang Mawar tidak mengalir sejak pagi
16/11/24 11.00 - Ani: Laporan saya tadi pagi soal air belum ada kabar?
CHAT
run aduan-add --from whatsapp "WhatsApp Chat with Mawar.txt"
is "$rc" 0 "the import"
is "$(wc -l <out | tr -d ' ')" 4 "four complaints: the first question, lamp, rubbish, water"
set -- $(cat out)
first=$1 lamp=$2 water=$4
is "$(aduan-list --messages --group mawar | cut -f2,8 | sort -u | tr '\n' ' ')" \
	"$first	complaint $2	complaint $lamp	joined $3	complaint $water	complaint $water	joined " \
	"each question joins the complaint made before it, in the same import"

cat >>"WhatsApp Chat with Mawar.txt" <<'CHAT'
18/11/24 07.00 - +62 812-5501-2233: Laporan sampah saya kemarin kapan diangkut? belum ada kabar
CHAT
run aduan-add --from whatsapp "WhatsApp Chat with Mawar.txt"
is "$(wc -l <out | tr -d ' ')" 0 "the next import adds nothing"
like "$(aduan-list -l "$3" >l; echo l)" 'Laporan sampah saya kemarin kapan diangkut' \
	"a question in the next import joins the complaint in the database"
aduan-close --note selesai "$3" >/dev/null 2>&1
printf '20/11/24 07.00 - +62 812-5501-2233: Laporan sampah saya kemarin kapan diangkut lagi? belum ada kabar\n' \
	>>"WhatsApp Chat with Mawar.txt"
run aduan-add --from whatsapp "WhatsApp Chat with Mawar.txt"
is "$(wc -l <out | tr -d ' ')" 1 "once that complaint is closed, the question is a complaint of its own"

# more reporters than the import remembers: each question still joins the
# complaint its reporter made earlier in the same import
awk 'BEGIN {
	for (i = 0; i < 3000; i++)
		printf "14/11/24 %02d.%02d - Warga %d: Lampu jalan di gang %d mati sejak kemarin\n",
		    8 + int(i / 600), int(i / 10) % 60, i, i
	for (i = 0; i < 3000; i++)
		printf "15/11/24 %02d.%02d - Warga %d: Pak, laporan saya kemarin soal lampu belum ada tindak lanjut?\n",
		    8 + int(i / 600), int(i / 10) % 60, i
}' >"WhatsApp Chat with Banyak.txt"
run aduan-add -q --from whatsapp "WhatsApp Chat with Banyak.txt"
is "$(wc -l <out | tr -d ' ')" 3000 "3000 reporters, 3000 complaints"
is "$(aduan-list --messages --group banyak | cut -f8 | sort | uniq -c | awk '{ printf "%s %s;", $1, $2 }')" \
	"3000 complaint;3000 joined;" "and each question joined to its reporter's"

# the same message twice, with another between them in time order broken
# (an export pasted together): the second is already present
cat >"WhatsApp Chat with Kenanga.txt" <<'CHAT'
14/11/24 09.15 - Ani: Lampu jalan di gang Kenanga mati sejak kemarin
14/11/24 09.20 - Budi: Jalan rusak di depan SD 004 parah
14/11/24 09.15 - Ani: Lampu jalan di gang Kenanga mati sejak kemarin
14/11/24 09.16 - Ani: Tolong segera diperbaiki
CHAT
run aduan-add --from whatsapp "WhatsApp Chat with Kenanga.txt"
is "$rc" 0 "an export with its times out of order"
is "$(wc -l <out | tr -d ' ')" 2 "two complaints"
like err '2 complaints added, 1 already present.* 0 joined into a complaint' \
	"the repeated message is already present, and so is what joins it"
is "$(aduan-list --messages --group kenanga | wc -l | tr -d ' ')" 2 "two messages in the archive"
done_testing
