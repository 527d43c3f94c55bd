#!/bin/sh
# aduan-add --from whatsapp on long chats: groups are decided while the
# file is read on, and still come out, are counted and are stored in the
# order of the file, whatever their sizes.
. "${0%/*}/lib.sh"
preset
aduan config intake.staff "Admin Kecamatan"

# 6,000 messages: two residents and the office in turn, a system line now
# and then, complaints and chatter mixed; most of them a group of their own
# (some 4,000 groups: several times the groups read ahead at once)
awk 'BEGIN {
	for (i = 0; i < 6000; i++) {
		d = 1 + int(i / 1440); h = int((i % 1440) / 60); m = i % 60
		t = sprintf("%02d/03/25 %02d.%02d - ", d, h, m)
		if (i % 11 == 5)
			print t "Warga " i " bergabung menggunakan tautan undangan grup ini"
		else if (i % 7 == 3)
			print t "Admin Kecamatan: Baik, sudah kami teruskan ke dinas terkait (" i ")"
		else if (i % 3 == 0)
			print t "Siti Aminah: Lampu jalan di gang " i " mati sudah 3 hari, mohon diperbaiki"
		else if (i % 3 == 1)
			print t "Budi Santoso: terima kasih infonya " i
		else
			print t "Siti Aminah: sama di gang sebelah " i " juga gelap"
	}
}' >chat.txt
awk '{ sub(/^[^-]*- /, ""); print }' chat.txt >want
run aduan-add --dry-run --messages --group "RT 05" --from whatsapp chat.txt
is "$rc" 0 "a dry run of 6,000 messages"
sed 's/.*"author":\(null\|"\([^"]*\)"\),"body":"\([^"]*\)".*/\2|\3/' out |
	sed 's/^|//; s/|/: /' >got
is "$(cat got)" "$(cat want)" "every message shown once, in the order of the file"
like err '6000 messages read' "all of them read"
like err "$(grep -c 'bergabung' chat.txt) system, $(grep -c 'Admin Kecamatan:' chat.txt) staff" \
	"system lines and staff replies counted"
dry=$(sed -n 's/.*read, \([0-9]*\) complaints to add.*/\1/p' err)
ok "$([ "${dry:-0}" -gt 300 ]; echo $?)" "hundreds of complaints found ($dry)"
run aduan-add --group "RT 05" --from whatsapp chat.txt
is "$rc" 0 "the import"
like err "6000 messages read, $dry complaints added" "adds what the dry run said"
is "$(count)" "$dry" "and holds them"
is "$(sql "SELECT group_concat(d, '') FROM (SELECT id - lag(id, 1, 0) OVER (ORDER BY received_at, id) = 1 AS d FROM complaint)" | tr -d 1)" "" \
	"complaint ids follow the order of the messages"
is "$(aduan-list --messages | wc -l | tr -d ' ')" 6000 "the archive holds every message"

# large messages: more than the groups read ahead may hold at once
awk 'BEGIN {
	s = "jalan rusak"; while (length(s) < 30000) s = s " jalan rusak parah"
	for (i = 0; i < 300; i++)
		printf "02/04/25 %02d.%02d - Warga %d: %d %s\n", int(i / 60), i % 60, i % 2, i, s
}' >big.txt
run aduan-add --dry-run --messages --all --group "RT 06" --from whatsapp big.txt
is "$rc" 0 "a dry run of 300 messages of 30 KB"
is "$(sed 's/.*"body":"\([0-9]*\) .*/\1/' out | tr '\n' ' ')" "$(seq 0 299 | tr '\n' ' ')" \
	"shown in order"
like err '300 messages read, 300 complaints to add' "each a complaint"
done_testing
