#!/bin/sh
# The covering letter printed by headless Chromium: one A4 page per
# complaint, or with --list one per agency.  (render.t shows it on screen
# through tests/browser/pages/letter.sh.)  Run by 'make check-browser'.
. "${0%/*}/browser.sh"

# pdf HTML PDF: Chromium prints the page
pdf() {
	headless "$T/profile" --no-pdf-header-footer --print-to-pdf="$T/$2" "file://$T/$1" >chrome.log 2>&1
}

preset
aduan config office.name "Kecamatan Bontang Utara" >/dev/null
for t in "Jalan berlubang di depan SD 004" "Jembatan ulin di RT 07 patah" "Air PDAM mati"; do
	aduan-add -q -k "Lok Tuan" "$t" >/dev/null 2>&1
done
aduan-route --to PUPR 1 2 >/dev/null 2>&1 && aduan-route --to PDAM 3 >/dev/null 2>&1

run aduan-route --letter 1 2 3 -o surat.html
is "$rc" 0 "a letter for three complaints"
pdf surat.html surat.pdf
ok $? "Chromium prints it"
is "$(grep -a -o '/Count [0-9]*' surat.pdf | head -n 1)" "/Count 3" "three pages: one per complaint"

run aduan-route --letter --list 1 2 3 -o daftar.html
pdf daftar.html daftar.pdf
ok $? "Chromium prints the list"
is "$(grep -a -o '/Count [0-9]*' daftar.pdf | head -n 1)" "/Count 2" "two pages: one per agency"

if [ -n "${BROWSER_OUT:-}" ]; then
	mkdir -p "$BROWSER_OUT" && cp surat.pdf daftar.pdf "$BROWSER_OUT"/ &&
		echo "# kept in $BROWSER_OUT: surat.pdf daftar.pdf"
fi
done_testing
