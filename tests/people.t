#!/bin/sh
# Finding people: --reporter takes a phone number or a name (part of one,
# any case, without accents); --search finds a reporter's name too.
. "${0%/*}/lib.sh"

preset
cat >people.csv <<'CSV'
channel,reporter_name,reporter_phone,kelurahan,body
wa,Ibu Sári Dewi,0812-1111-0001,Guntung,Lampu jalan mati di Gang Mawar
phone,Pak Ahmad Sarip,0813-2222-0002,Lok Tuan,Roti dari warung Sari basi
walk-in,SITI MAHMUDAH,,Api-Api,Bantuan PKH belum cair
wa,,0812-1111-0001,Guntung,Lampu jalan masih mati
CSV
aduan-add -q --from csv people.csv 2>/dev/null >/dev/null
is "$(aduan-list -q | tr '\n' ' ')" "1 2 3 4 " "four complaints"

# option|value|ids found (space-separated; empty: none, exit 1)
while IFS='|' read -r opt val want; do
	run aduan-list -q "$opt" "$val"
	is "$(tr '\n' ' ' <out | sed 's/ $//')" "$want" "aduan-list $opt \"$val\": ${want:-nothing}"
	if [ -n "$want" ]; then is "$rc" 0 "  exit 0"; else is "$rc" 1 "  exit 1"; fi
done <<'ROWS'
--reporter|+62 812 1111 0001|1 4
--reporter|0813-2222-0002|2
--reporter|sari|1 2
--reporter|SARI DEWI|1
--reporter|sári dewi|1
--reporter|ibu   sari|1
--reporter|ibu-sari|1
--reporter|sarip|2
--reporter|siti mahmudah|3
--reporter|mahmud|3
--reporter|budi|
--search|sari|1 2
--search|Dewi|1
--search|Mahmudah|3
--search|lampu|1 4
--search|PKH|3
--search|Joko|
ROWS

run aduan-list --reporter "!!"
is "$rc" 2 "--reporter with neither a phone nor a name: usage error"
like err 'a phone number or a name' "saying what it takes"
is "$(aduan-export --format csv --personal --reporter siti | tail -n +2 | cut -d, -f1 | tr -d '\r')" 3 \
	"aduan-export takes a name too"
run aduan-export --format csv --reporter siti
is "$rc" 2 "a masked export refuses a reporter's name as it refuses a phone"
run aduan-export --summary --reporter siti
is "$rc" 2 "so does a summary"

done_testing
