#!/bin/sh
# The covering letter (aduan-route --letter) for two complaints of two
# agencies.  Writes $1; prints the patterns the rendered page must show.
# tests/browser/letter.t also counts its printed pages.
set -e
aduan init --preset bontang-utara 2>/dev/null
aduan config office.name "Kecamatan Bontang Utara" >/dev/null
aduan config office.parent "Pemerintah Kota Bontang" >/dev/null
aduan config office.city Bontang >/dev/null
aduan config office.head "Nama Camat" >/dev/null
aduan-add -q -c walk-in -n "Budi Santoso" -k "Lok Tuan" -r 5 -L "depan SD 004" \
	"Jalan berlubang di depan SD 004, sudah dua minggu." >/dev/null 2>&1
aduan-add -q -c whatsapp --source "RT 03 Guntung" -k Guntung --urgent \
	"Air PDAM mati sejak tiga hari yang lalu" >/dev/null 2>&1
aduan-route --to PUPR 1 >/dev/null 2>&1
aduan-route --to PDAM 2 >/dev/null 2>&1
aduan-route --letter 1 2 -o "$1"
echo 'class="kop"'
echo 'Kecamatan Bontang Utara'
echo 'Penerusan aduan masyarakat No\. 1'
echo 'Penerusan aduan masyarakat No\. 2'
echo 'Bontang, [0-9]+ (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)'
echo 'Nama Camat'
