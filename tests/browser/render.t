#!/bin/sh
# make check-browser: every page of tests/browser/pages/ rendered by
# headless Chromium.  A page fails when Chromium cannot load it, when its
# DOM lacks what its script says it must show, or when the screenshot is
# blank (one colour, or almost nothing but the background).
#
# To add a page: a script tests/browser/pages/NAME.sh that, in a folder of
# its own with a fresh $ADUAN_DB, writes the page to the file "$1" and
# prints the extended regular expressions its rendered DOM must match.
# BROWSER_OUT=DIR keeps each page, its screenshot and its PDF there.
. "${0%/*}/browser.sh"

# render HTML PNG DOM: a screenshot and the DOM after loading, from a
# fresh profile
render() {
	prof=$(mktemp -d "$T/profile.XXXXXX")
	headless "$prof" --window-size=1000,1600 --screenshot="$2" "file://$1" >"$T/chromium.log" 2>&1 &&
	    headless "$prof" --window-size=1000,1600 --dump-dom "file://$1" >"$3" 2>>"$T/chromium.log"
	status=$?
	rm -rf "$prof"
	return $status
}

# picture PNG: "WIDTH HEIGHT COLOURS INK" (INK: per mille of pixels that
# are not the background colour), decoded here with zlib alone
picture() {
	python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ctype] * depth // 8
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), w * bpp
prev, rows, i = bytearray(stride), [], 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
count = {}
for r in rows[::4]:
    for x in range(0, stride, bpp * 4):
        px = r[x:x + bpp]
        count[px] = count.get(px, 0) + 1
total = sum(count.values())
print(w, h, len(count), 1000 * (total - max(count.values())) // total)
PY
}

for page in "$ADUAN_BUILD"/tests/browser/pages/*.sh; do
	name=${page##*/}
	name=${name%.sh}
	dir="$T/$name"
	mkdir -p "$dir"
	(cd "$dir" && ADUAN_DB="$dir/aduan.db" sh -e "$page" "$dir/$name.html" >"$dir/expect")
	ok $? "$name: the page is made"
	render "$dir/$name.html" "$dir/$name.png" "$dir/dom.html"
	ok $? "$name: Chromium renders it"
	[ $? -eq 0 ] || sed 's/^/#   /' "$T/chromium.log" | tail -n 5
	while IFS= read -r want; do
		like "$dir/dom.html" "$want" "$name: the rendered page shows $want"
	done <"$dir/expect"
	set -- $(picture "$dir/$name.png")
	is "$1x$2" "1000x1600" "$name: a screenshot of the whole window"
	[ "${3:-0}" -gt 8 ]
	ok $? "$name: not one colour (${3:-0} colours)"
	[ "${4:-0}" -ge 20 ]
	ok $? "$name: not blank (${4:-0} per mille of the window is not background)"
	# printed: A4 pages (595.28 x 841.89 points, as browsers round them)
	prof=$(mktemp -d "$T/profile.XXXXXX")
	timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$prof" --no-pdf-header-footer --print-to-pdf="$dir/$name.pdf" \
	    "file://$dir/$name.html" >>"$T/chromium.log" 2>&1
	rm -rf "$prof"
	sizes=$(grep -a -o '/MediaBox \[[^]]*\]' "$dir/$name.pdf" 2>/dev/null | awk '{
		w = $4; h = $5; sub(/\]/, "", h)
		print (w > 593 && w < 597 && h > 840 && h < 844) ? "A4" : "not A4: " w "x" h }' | sort -u)
	is "$sizes" A4 "$name: printed, every page is A4"
	if [ -n "${BROWSER_OUT:-}" ]; then
		mkdir -p "$BROWSER_OUT" && cp "$dir/$name.html" "$dir/$name.png" "$dir/$name.pdf" \
		    "$BROWSER_OUT"/ && echo "# kept in $BROWSER_OUT: $name.html $name.png $name.pdf"
	fi
done

done_testing
