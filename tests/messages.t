#!/bin/sh
# The message archive: every message of every import kept with its
# decision; taking a left message, leaving a complaint; groups and places.
. "${0%/*}/lib.sh"
preset
API="$FIX/whatsapp/WhatsApp Chat with RT 05 Api-Api.txt"

# nothing left behind: every message is a complaint, joined, staff, a
# system line, or listed by --left
aduan-add --dry-run --messages --from whatsapp "$API" >dry 2>/dev/null
run aduan-add --from whatsapp "$API"
is "$rc" 0 "an import"
aduan-list --messages >all
is "$(wc -l <all | tr -d ' ')" "$(wc -l <dry | tr -d ' ')" "the archive holds every message of the file"
sed 's/.*"source_key":"\([^"]*\)".*/\1/' dry | sort >keys.dry
cut -f3 all | sort >keys.all
is "$(cat keys.all)" "$(cat keys.dry)" "by the keys the dry run showed"
aduan-list --messages --left >left
is "$(cut -f8 all | grep -cv -e complaint -e joined -e staff -e system)" "$(wc -l <left | tr -d ' ')" \
	"what no complaint took is listed by --left"
is "$(cut -f8 left | sort -u)" "filtered" "and only that"
is "$(awk -F'\t' '$8 == "complaint" && $2 == ""' all | wc -l | tr -d ' ')" 0 \
	"every message taken names its complaint"
is "$(aduan-list -q | wc -l | tr -d ' ')" "$(awk -F'\t' '$8 == "complaint"' all | wc -l | tr -d ' ')" \
	"one complaint per message decided 'complaint'"
like all '	filtered	thanks "kasih"	Waalaikumsalam' "a thank-you is left, with its reason"
run aduan-list --messages --left --search FOTONYA
is "$(cut -f10 out)" 'IMG-20241114-WA0003.jpg (file terlampir)\nIni fotonya pak, tiangnya yang dekat musholla' \
	"--search finds text in any case"
run aduan-list --messages --group 'rt 05 api api' --since 2024-11-28
is "$(wc -l <out | tr -d ' ')" 3 "--group (any case and spacing) and --since"
run aduan-list --messages --group nowhere
is "$rc" 1 "nothing matched: 1"
run aduan-list --messages --left --taken
is "$rc" 2 "--left and --taken together: usage error"
run aduan-list --left
is "$rc" 2 "--left without --messages: usage error"

# a person takes a left message, by archive id or key, or from stdin
photo=$(grep -F 'Ini fotonya' left | cut -f1)
run aduan-add --take "$photo"
is "$rc" 0 "--take ID"
new=$(cat out)
is "$(aduan-list --format tsv -f body,source,kelurahan,rt "$new")" \
	'IMG-20241114-WA0003.jpg (file terlampir)\nIni fotonya pak, tiangnya yang dekat musholla	RT 05 Api-Api	Api-Api	005' \
	"the complaint has the message's text, group and the group's place"
like "$(aduan-list --messages --taken >t; echo t)" "^$photo	$new	.*	taken	" "the message is now taken"
run aduan-add --take "$photo"
is "$rc" 1 "taking it twice: 1"
like err "already in complaint $new" "saying which"
thanks=$(grep -F 'Waalaikumsalam' left | cut -f3)
aduan-list --messages --left --search waalaikumsalam | aduan-add --take - >out 2>err
is "$?" 0 "--take - reads archive ids from aduan-list"
thanks_id=$(cat out)
run aduan-add --take 'wa:no such key'
is "$rc" 1 "an unknown message: 1"

# re-importing never changes what a person decided
before=$(aduan-list --messages | cut -f1,2,8 | sort)
run aduan-add --from whatsapp "$API"
is "$rc" 0 "the same export again"
is "$(cat out)" "" "adds nothing"
is "$(aduan-list --messages | cut -f1,2,8 | sort)" "$before" "every decision as it was"

# a person finds a complaint is none: it leaves the lists, stays in the archive
sum() { aduan-export --summary --since 2024-01-01 --until 2025-01-01 "$@" | tr -d '\r' | tail -n 1; }
received=$(sum | cut -d, -f3)
is "$(sum | cut -d, -f13)" 0 "the summary's not_complaint: none yet"
run aduan-close --not-complaint "$thanks_id"
is "$rc" 0 "--not-complaint"
is "$(sum | cut -d, -f3,13)" "$((received - 1)),1" \
	"the summary counts it apart: not received, one not_complaint"
is "$(sum --by kelurahan | cut -d, -f4,14)" "$((received - 1)),1" "and so does its total by kelurahan"
aduan-export --report html --since 2024-01-01 --until 2025-01-01 -o r.html
is "$(xmllint --xpath 'string(//*[@id="card-not_complaint"]/@data-v)' r.html)" 1 \
	"the report shows it in a card of its own"
is "$(aduan-list -q | grep -cx "$thanks_id")" 0 "it leaves the complaint list"
is "$(aduan-list -q "$thanks_id")" "$thanks_id" "named by id it is still there"
like "$(aduan-list --messages --search waalaikumsalam >t; echo t)" "	not-complaint	" "the archive says not-complaint"
run aduan-add --from whatsapp "$API"
is "$(aduan-list -q | grep -cx "$thanks_id")" 0 "re-importing does not bring it back"
run aduan-close --not-complaint 99
is "$rc" 1 "no such complaint: 1"
one=$(aduan-add -q "Lampu jalan mati")
run aduan-close --not-complaint "$one"
is "$rc" 1 "a complaint from no WhatsApp message: 1"
like err 'came from no WhatsApp message' "saying so"

# both are undoable
run aduan undo
is "$rc" 0 "undo the single add"
run aduan undo
is "$rc" 0 "undo --not-complaint"
is "$(aduan-list -q | grep -cx "$thanks_id")" 1 "the complaint is back on the list"
like "$(aduan-list --messages --search waalaikumsalam >t; echo t)" "	taken	" "the message is taken again"
run aduan undo
is "$rc" 0 "undo the take from stdin"
is "$(aduan-list --messages --left --search waalaikumsalam | cut -f1,2,8)" "$(grep -F Waalaikumsalam left | cut -f1,2,8)" \
	"the message is left again"

# personal data: the data subject's access request, and retention
run aduan-export --subject 0812-5501-2233
is "$rc" 0 "--subject"
like out '^\{"message":[0-9]+,"source_key":"wa2:RT 05 Api-Api\|2024-11-15T07:45\|\+6281255012233' \
	"the access request includes the archived messages of that number"
is "$(grep -c '"message":' out)" 2 "both of them"
left_before=$(aduan-list --messages --left | wc -l | tr -d ' ')
run aduan purge --older-than 1 --dry-run
none=$(aduan-list --messages | awk -F'\t' '$2 == ""' | wc -l | tr -d ' ')
like err "^aduan: $none archived message\(s\) would be anonymised" \
	"purge --dry-run counts the messages of no complaint"
run aduan purge --older-than 1
is "$rc" 0 "purge"
is "$(aduan-list --messages --left | cut -f6,10 | sort -u)" "	(purged)" "left messages lose author and text"
is "$(aduan-list --messages --left | cut -f3 | grep -vc '^purged:')" 0 "and their keys, which name the author"
like "$(aduan-list --messages --taken >t; echo t)" 'Siti Aminah' "messages of open complaints stay"
run aduan-add --from whatsapp "$API"
is "$(cat out)" "" "re-importing after the purge adds nothing"
is "$(aduan-list --messages --left | wc -l | tr -d ' ')" "$left_before" "and brings no message back"

# groups mapped to a place
run aduan group add "Warga Gang Mawar" --kelurahan loktuan --rt 7
is "$rc" 0 "group add"
run aduan group list
is "$(cat out)" "Warga Gang Mawar	Lok Tuan	007" "group list"
run aduan group add X --kelurahan Nowhere
is "$rc" 2 "an unknown kelurahan: usage error"
run aduan group add X
is "$rc" 2 "group add without --kelurahan: usage error"
run aduan group list --rt 5
is "$rc" 2 "--rt goes with group add only"
printf '14/11/24 09.15 - Ani: Pak, got depan rumah mampet, air meluap ke jalan\n14/11/24 10.15 - Budi: Lampu jalan di RT 3 Guntung mati\n' >"WhatsApp Chat with Warga Gang Mawar.txt"
run aduan-add --from whatsapp --dry-run --messages "WhatsApp Chat with Warga Gang Mawar.txt"
like out '"Ani".*"decision":"complaint".*"kelurahan":"Lok Tuan","rt":"007","place_from":"group"' \
	"a mapped group gives its place"
like out '"Budi".*"kelurahan":"Guntung","rt":"003","place_from":"text"' "the text's place comes first"
run aduan-add --from whatsapp --dry-run --messages -k guntung "WhatsApp Chat with Warga Gang Mawar.txt"
like out '"Ani".*"kelurahan":"guntung","rt":null,"place_from":"option"' \
	"-k comes first; the group's RT goes only with the group's kelurahan"
run aduan group rm "warga gang mawar"
is "$rc" 0 "group rm (any case)"
run aduan group rm "warga gang mawar"
is "$rc" 1 "no such group: 1"

# the same text reading fills single complaints and records
run aduan-add -q "Jalan berlubang di rt.05 Loktuan, sudah 2 minggu"
is "$(aduan-list --format tsv -f kelurahan,rt "$(cat out)")" "Lok Tuan	005" "a single complaint without -k/-r"
run aduan-add -q -k Guntung "Jalan berlubang di RT 5 Loktuan"
is "$(aduan-list --format tsv -f kelurahan,rt "$(cat out)")" "Guntung	005" "-k wins over the text"
printf 'body,kelurahan\nSampah numpuk di Gn Elai RT 012,\nBanjir,Api-Api\n' >in.csv
run aduan-add -q --from csv in.csv
is "$(for i in $(cat out); do aduan-list --format tsv -f kelurahan,rt "$i"; done)" "Gunung Elai	012
Api-Api	" "CSV records: empty places from the text"

# a rejected message is not archived: every import reports it again
printf '14/11/24 09.15 - Ani: lapor jalan rusak \377\376 parah\n' >"WhatsApp Chat with Rusak.txt"
run aduan-add --from whatsapp "WhatsApp Chat with Rusak.txt"
is "$rc" 65 "a message that cannot be stored is rejected"
run aduan-add --from whatsapp "WhatsApp Chat with Rusak.txt"
is "$rc" 65 "and rejected again on the next import"
is "$(aduan-list --messages --group rusak | wc -l | tr -d ' ')" 0 "it is not in the archive"

# a question about an earlier report joins the reporter's open complaint
printf '14/11/24 09.15 - Ani: Lampu jalan di gang Mawar mati sejak kemarin\n15/11/24 10.00 - Ani: Pak, laporan saya kemarin soal lampu belum ada tindak lanjut?\n' >"WhatsApp Chat with Mawar.txt"
run aduan-add --from whatsapp "WhatsApp Chat with Mawar.txt"
is "$(wc -l <out | tr -d ' ')" 1 "one complaint, not two"
first=$(cat out)
is "$(aduan-list --messages --group mawar | cut -f2,8 | sort -u)" "$first	complaint
$first	joined" "the question is joined to it"
like "$(aduan-list -l "$first" >l; echo l)" 'laporan saya kemarin soal lampu belum ada tindak lanjut' \
	"and its text is a note in the history"

# why, in Indonesian
printf '14/11/24 09.15 - Ani: Dihimbau kepada warga agar tidak membuang sampah ke parit\n' >"WhatsApp Chat with Tes.txt"
LANG=id_ID.UTF-8 LC_ALL= LANGUAGE= aduan-add --from whatsapp --dry-run --messages "WhatsApp Chat with Tes.txt" >out 2>err
like out '"decision":"filtered","why":"pengumuman \\"himbau\\"' "the reason is Indonesian under LANG=id_ID.UTF-8"
# a town elsewhere is news, unless it is the office's own (office.city, office.parent)
printf '14/11/24 09.15 - Ani: Di Samarinda banjir lagi katanya\n' >"WhatsApp Chat with Kota.txt"
run aduan-add --from whatsapp --dry-run --messages "WhatsApp Chat with Kota.txt"
like out '"decision":"filtered","why":"elsewhere: \\"samarinda\\"' "a flood in another town is news"
run aduan config office.city Samarinda
run aduan-add --from whatsapp --dry-run --messages "WhatsApp Chat with Kota.txt"
like out '"decision":"complaint","why":"problem \\"banjir\\"' "in the office's own town, a complaint"
run aduan config office.city ""
run aduan config office.parent "Pemerintah Kota Samarinda"
run aduan-add --from whatsapp --dry-run --messages "WhatsApp Chat with Kota.txt"
like out '"decision":"complaint"' "and so when the parent government names it"
run aduan config office.parent ""
done_testing
