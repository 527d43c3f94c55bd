#!/bin/sh
# aduan-add --from whatsapp: the strings of the messages read ahead, kept
# one after another while their groups are decided, are each message's
# own, whether they fit where the others are or go to a buffer of their
# own (a message longer than all of that room, or many long ones at once).
. "${0%/*}/lib.sh"
preset

# 20,000 messages a minute apart, five authors in turn: most of them short,
# every 13th some 2,500 bytes, every 1,999th some 320,000 (more than all the
# room the others share)
awk 'BEGIN {
	for (j = 0; j < 1000; j++)
		many = many " kata" j
	for (i = 0; i < 20000; i++) {
		b = "pesan " i
		if (i % 1999 == 0)
			for (j = 0; j < 40; j++)
				b = b many
		else
			for (j = 0; j < (i % 13 == 0 ? 300 : 2 + i % 17); j++)
				b = b " kata" (i + j) % 1000
		d = int(i / 1440); h = int(i % 1440 / 60); m = i % 60
		printf "%02d/01/19 %02d.%02d - Warga %d: %s\n", d + 1, h, m, i % 5, b
		print b > "bodies"
	}
}' > chat.txt
run aduan-add --dry-run --messages --from whatsapp --group "RT 07" chat.txt
is "$rc" 0 "the chat is read"
sed 's/.*"body":"\([^"]*\)".*/\1/' out > shown
is "$(wc -l < shown | tr -d ' ')" 20000 "every message is shown"
ok "$(cmp -s bodies shown; echo $?)" "each with its own body, as written"
done_testing
