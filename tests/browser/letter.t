#!/bin/sh
# The covering letter in a real browser: headless Chromium prints it to
# PDF (A4 pages, one per complaint) and takes a screenshot.  Run by 'make
# check-browser', not 'make check'.  BROWSER_OUT=DIR keeps the PDF and the
# PNG there to look at.
. "${0%/*}/../lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
if [ -z "$CHROMIUM" ]; then
	echo "1..0 # SKIP no chromium (make deps-browser installs it)"
	exit 0
fi
# chrome_run ARG...: headless, without a profile of the user's
chrome_run() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$T/chrome" "$@" >chrome.log 2>&1
}

preset
aduan config office.name "Kecamatan Bontang Utara" >/dev/null
aduan config office.parent "Pemerintah Kota Bontang" >/dev/null
aduan config office.address "Jl. Contoh No. 1, Bontang" >/dev/null
aduan config office.city Bontang >/dev/null
aduan config office.head "Nama Camat" >/dev/null
aduan-add -q -c walk-in -n "Budi Santoso" -k "Lok Tuan" -r 5 -L "depan SD 004" \
	"Jalan berlubang di depan SD 004 🚧, sudah dua minggu.
Mohon segera diperbaiki sebelum musim hujan." >/dev/null 2>&1
aduan-add -q -c whatsapp --source "RT 03 Guntung" -k Guntung --urgent \
	"Air PDAM mati sejak tiga hari yang lalu" >/dev/null 2>&1
aduan-route --to PUPR 1 >/dev/null 2>&1 && aduan-route --to PDAM 2 >/dev/null 2>&1

run aduan-route --letter 1 2 -o surat.html
is "$rc" 0 "a letter for two complaints"

chrome_run --no-pdf-header-footer --print-to-pdf="$T/surat.pdf" "file://$T/surat.html"
ok $? "Chromium prints it to PDF"
[ -s surat.pdf ]
ok $? "the PDF is there"
is "$(grep -a -o '/Count [0-9]*' surat.pdf | head -n 1)" "/Count 2" "two pages: one per complaint"
# A4 is 595.28 x 841.89 points; browsers round to their own units
sizes=$(grep -a -o '/MediaBox \[[^]]*\]' surat.pdf | awk '{
	w = $4; h = $5; sub(/\]/, "", h)
	print (w > 593 && w < 597 && h > 840 && h < 844) ? "A4" : "not A4: " w "x" h }' | sort -u)
is "$sizes" A4 "every page is A4"

chrome_run --hide-scrollbars --window-size=900,1400 --screenshot="$T/surat.png" "file://$T/surat.html"
ok $? "Chromium takes a screenshot"
# the PNG header: signature, then IHDR width and height (big-endian)
dims=$(od -An -tu1 -j16 -N8 surat.png 2>/dev/null | awk '{
	printf "%dx%d\n", $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
is "$dims" 900x1400 "a 900x1400 PNG"
[ "$(wc -c <surat.png)" -gt 20000 ]
ok $? "with something drawn on it (not a blank page)"

if [ -n "${BROWSER_OUT:-}" ]; then
	mkdir -p "$BROWSER_OUT" && cp surat.html surat.pdf surat.png "$BROWSER_OUT"/ &&
		echo "# kept in $BROWSER_OUT: surat.html surat.pdf surat.png"
fi
done_testing
