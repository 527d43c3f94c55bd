#!/bin/sh
# The camat's weekly page (aduan-export --report html) over a week with
# something in every chart.  Writes $1; prints the patterns that the
# rendered page must show, one per line.
set -e
aduan init --preset bontang-utara 2>/dev/null
cat >week.csv <<'X'
received_at,kelurahan,category,agency,body
2024-11-18T09:00,Lok Tuan,jalan,PUPR,jalan berlubang
2024-11-25T08:00,Lok Tuan,jalan,PUPR,jalan rusak lagi
2024-11-25T10:00,Api-Api,sampah,DLH,sampah menumpuk
2024-11-26T09:00,Api-Api,sampah,,sampah belum diangkut
2024-11-27T11:00,Guntung,drainase,PUPR,got mampet
2024-11-28T07:30,Guntung,drainase,,banjir
2024-11-29T16:00,Bontang Baru,lampu,PLN,lampu jalan mati
2024-11-30T20:00,Gunung Elai,air,PDAM,air mati
X
aduan-add -q --from csv week.csv >/dev/null
aduan-close --note selesai 2 3 >/dev/null 2>&1
aduan-export --report html --week 2024-W48 -o "$1"
echo '<svg'
echo 'Api-Api'
echo '</table>'
