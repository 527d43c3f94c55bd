#!/bin/sh
# make check-office: a workbook written by LibreOffice (soffice --headless
# --convert-to xlsx of a CSV) imports with every record right.
# LibreOffice stores what it recognises as it would for a person: dates as
# date serials, numbers as numbers (a phone number loses its leading 0),
# the rest as shared strings.
. "${0%/*}/lib.sh"

SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
	echo "1..0 # skip no LibreOffice (make check-office installs it)"
	exit 0
fi
preset

cat >kiriman.csv <<'X'
Nama Pelapor,No HP,Kelurahan,RT,Alamat,Isi Aduan,Tanggal,Kategori
Budi Santoso,081234567890,Lok Tuan,5,Jl. Pelabuhan,"Jalan berlubang, bahaya",2025-11-27 10:00,jalan
Sitti Hasnah,+62 811 555 1234,Api-Api,007,Gg. Mawar,Lampu jalan mati,2025-11-27 21:46,lampu
Ani,,Guntung,,,Sampah menumpuk,2025-11-28,sampah
X
profile=$(mktemp -d "$T/lo.XXXXXX")
timeout 300 "$SOFFICE" -env:UserInstallation="file://$profile" --headless \
	--infilter=CSV:44,34,76,1 --convert-to xlsx --outdir "$T" kiriman.csv >lo.log 2>&1
ok $? "LibreOffice converts the CSV to .xlsx"
[ -s kiriman.xlsx ]
ok $? "and writes kiriman.xlsx"
unzip -p kiriman.xlsx xl/worksheets/sheet1.xml >sheet.xml
like sheet.xml '<c r="G2" s="[0-9]+" t="n"><v>45988.41666' "(a date cell, as a date serial)"
like sheet.xml '<c r="B2" s="[0-9]+" t="n"><v>81234567890</v>' "(the phone number became a number)"

run aduan-add --from xlsx kiriman.xlsx
is "$rc" 0 "the workbook imports"
is "$(aduan-list --format jsonl -f reporter_name,reporter_phone,kelurahan,rt,location,body,received_at,category)" \
'{"reporter_name":"Budi Santoso","reporter_phone":"+6281234567890","kelurahan":"Lok Tuan","rt":"005","location":"Jl. Pelabuhan","body":"Jalan berlubang, bahaya","received_at":"2025-11-27T02:00:00Z","category":"jalan"}
{"reporter_name":"Sitti Hasnah","reporter_phone":"+628115551234","kelurahan":"Api-Api","rt":"007","location":"Gg. Mawar","body":"Lampu jalan mati","received_at":"2025-11-27T13:46:00Z","category":"lampu"}
{"reporter_name":"Ani","reporter_phone":null,"kelurahan":"Guntung","rt":null,"location":null,"body":"Sampah menumpuk","received_at":"2025-11-27T16:00:00Z","category":"sampah"}' \
	"every record right: the dates local, the phone with its 0 back, RT 5 and 007"
rm -rf "$profile"
done_testing
