#!/bin/sh
# The manual's EXAMPLES are real: run every example block of every page.
#
# In the EXAMPLES section of man/*.[17], each block
#	.Bd -literal -offset indent
#	...
#	.Ed
# is one example, run with "sh -e" in a folder of its own against a fresh
# database (the bontang-utara preset loaded, data/sample-complaints.csv
# imported), with the input files the examples name (complaints.csv, the
# WhatsApp exports, export.zip ...) beside it.  It must exit 0, unless a
# roff comment just before the block says otherwise:
#	.\" example: exit 65	the example is documented to exit 65
#	.\" example: not run	shown, not run (crontab lines, root-only setup)
# A block that uses aduan-route, aduan-close or aduan-export is skipped
# while that program is not built.

. "${0%/*}/lib.sh"
MAN="$ADUAN_BUILD/man"

# ---- the input files the examples name -------------------------------------
IN="$T/inputs"
mkdir -p "$IN"

cat >"$IN/complaints.csv" <<'EOF'
received_at,channel,source,reporter_name,reporter_phone,kelurahan,rt,location,category,body,priority
2024-11-29T08:10,wa,WA RT 03 Guntung,Budi Santoso,0812-0000-0190,Guntung,3,Gang Mawar,jalan,"Jalan di Gang Mawar berlubang, mohon ditambal",normal
2024-11-29T09:00,fb,Facebook Kecamatan Bontang Utara,Rina,,Btg Kuala,7,Jembatan ulin RT 07,jembatan,"Papan jembatan ulin patah, bahaya untuk anak sekolah",urgent
2024-11-29T10:30,telepon,Telepon Kantor Kecamatan,Ahmad,+62 813 0000 0191,api2,05,,air,"PDAM mati sejak pagi
sudah dua hari",normal
EOF

# two good records and one with a kelurahan of another kecamatan
cat >"$IN/kiriman-kelurahan.csv" <<'EOF'
received_at,channel,reporter_name,kelurahan,rt,category,body
2024-11-28T08:00,walk-in,Wahyu,Lok Tuan,8,sampah,Sampah di TPS Jl. Pelabuhan belum diangkut
2024-11-28T09:00,walk-in,Yuni,Bontang Lestari,2,jalan,Jalan rusak di depan pasar
2024-11-28T10:00,phone,Hasan,Guntung,4,penerangan,Lampu jalan di Gang Melati mati
EOF

# a kelurahan's spreadsheet saved in an Indonesian locale
printf 'No;Nama Pelapor;No HP;Kelurahan;RT;Uraian Singkat;Tanggal\r\n1;Rahmat;0812-0000-0195;Guntung;4;Saluran air tersumbat di Gang Melati;28/11/2024 08.30\r\n2;Siti;;Lok Tuan;8;Lampu jalan mati;28 November 2024 pukul 19.00\r\n' >"$IN/laporan-kelurahan.csv"

# Android, Indonesian, day first
cat >"$IN/WhatsApp Chat with RT 05 Api-Api.txt" <<'EOF'
28/11/24 08.00 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk untuk info selengkapnya.
28/11/24 08.01 - Rahmat Hidayat menambahkan Siti Aminah
28/11/24 09.15 - Siti Aminah: Assalamualaikum pak RT, mau lapor lampu jalan di Gang Mawar mati sudah 3 hari
28/11/24 09.16 - Siti Aminah: IMG-20241128-WA0003.jpg (file terlampir)
Ini fotonya pak
28/11/24 09.17 - Rahmat Hidayat: Baik bu, nanti saya teruskan ke kelurahan
28/11/24 10.02 - +62 812-0000-0177: Got di depan rumah no 12 mampet, mohon dibersihkan
EOF

# Android, English phone, month first, 12-hour clock
cat >"$IN/WhatsApp Chat with Warga Gunung Elai.txt" <<'EOF'
11/28/24, 7:58 AM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.
11/28/24, 8:10 AM - Wati: Banjir lagi di Gang Semayang, air masuk rumah
11/28/24, 8:12 AM - Wati: <Media omitted>
11/28/24, 9:30 PM - Andi: genangan di depan SD belum surut
11/28/24, 9:45 PM - Andi: terima kasih pak
EOF

# iOS: the chat comes as _chat.txt in a zip file
cat >"$IN/_chat.txt" <<'EOF'
[28/11/24 08.10.05] RT 05 Api-Api: Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.
[28/11/24 08.10.31] ~ Wati: Selamat pagi, ijin lapor pak. Jembatan ulin di RT 05 papannya patah, bahaya untuk anak sekolah
[28/11/24 08.15.00] +62 813-0000-0178: Betul pak, mohon segera diperbaiki
EOF
if command -v zip >/dev/null 2>&1; then
	(cd "$IN" && zip -q export.zip _chat.txt)
elif command -v python3 >/dev/null 2>&1; then
	(cd "$IN" && python3 -m zipfile -c export.zip _chat.txt)
fi
rm -f "$IN/_chat.txt"

# ---- a fresh database -----------------------------------------------------------
# fresh_db DIR: the preset and the sample complaints in DIR/aduan.db
fresh_db() {
	ADUAN_DB="$1/aduan.db" aduan init --preset bontang-utara 2>/dev/null &&
	    ADUAN_DB="$1/aduan.db" aduan-add -q --from csv \
		"$ADUAN_BUILD/data/sample-complaints.csv" >/dev/null 2>&1
}

# ---- extract the examples ----------------------------------------------------------
# For each block: EX/N.sh (the commands, roff escapes undone) and one
# manifest line "N<TAB>page<TAB>line<TAB>expected-status-or-norun".
EX="$T/examples"
mkdir -p "$EX"
: >"$EX/manifest"
n=0
for page in "$MAN"/*.[1-9]; do
	[ -f "$page" ] || continue
	n=$(awk -v dir="$EX" -v page="${page##*/}" -v n="$n" '
	/^\.Sh / { inex = ($0 ~ /^\.Sh EXAMPLES[ \t]*$/); next }
	!inex { next }
	/^\.\\" example: exit [0-9]+/ { want = $4; next }
	/^\.\\" example: not run/ { want = "norun"; next }
	/^\.Bd -literal -offset indent/ {
		n++
		file = dir "/" n ".sh"
		printf "" > file
		inblock = 1
		printf "%d\t%s\t%d\t%s\n", n, page, NR, (want == "" ? 0 : want) >> (dir "/manifest")
		want = ""
		next
	}
	/^\.Ed/ { if (inblock) close(file); inblock = 0; next }
	inblock {
		line = $0
		gsub(/\\&/, "", line)
		gsub(/\\\(aq/, "\047", line)
		gsub(/\\-/, "-", line)
		gsub(/\\e/, "\\", line)
		print line > file
		next
	}
	/^\.(Pp|Sh|Ss)/ { want = "" }
	END { print n }
	' "$page")
done

# every page has examples, so that a broken extraction cannot pass unseen
for page in "$MAN"/*.[1-9]; do
	[ -f "$page" ] || continue
	cnt=$(awk -F '\t' -v p="${page##*/}" '$2 == p' "$EX/manifest" | wc -l)
	[ "$cnt" -gt 0 ]
	ok $? "${page##*/} has examples ($cnt)"
done

# ---- run them ------------------------------------------------------------------------
tab=$(printf '\t')
while IFS="$tab" read -r i page line want; do
	script="$EX/$i.sh"
	first=$(sed -n '1{s/[[:space:]]*\\$//;s/#/\\#/g;p;}' "$script")
	what="$page:$line: $first"
	if [ "$want" = norun ]; then
		skip "$what (not run: shown only)"
		continue
	fi
	missing=
	for prog in aduan-route aduan-close aduan-export; do
		verb=${prog#aduan-}
		if grep -Eq "(^|[^-[:alnum:]])($prog|aduan $verb)([^-[:alnum:]]|\$)" "$script" &&
		    [ ! -x "$ADUAN_BUILD/$prog" ]; then
			missing="$prog is not built yet"
		fi
	done
	if [ -z "$missing" ] && grep -q 'unzip' "$script"; then
		if ! command -v unzip >/dev/null 2>&1; then
			missing="unzip is not installed"
		elif [ ! -f "$IN/export.zip" ]; then
			missing="no zip or python3 to make export.zip"
		fi
	fi
	if [ -n "$missing" ]; then
		skip "$what ($missing)"
		continue
	fi

	dir="$T/run-$i"
	mkdir -p "$dir"
	cp "$IN"/* "$dir"/
	if ! fresh_db "$dir"; then
		ok 1 "$what: setting up its database"
		continue
	fi
	(cd "$dir" && ADUAN_DB="$dir/aduan.db" sh -e "$script") \
	    </dev/null >"$dir/stdout" 2>"$dir/stderr"
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		tap_n=$((tap_n + 1))
		echo "ok $tap_n - $what (exit $rc)"
	else
		tap_n=$((tap_n + 1))
		echo "not ok $tap_n - $what (exit $rc, want $want)"
		tap_fail=$((tap_fail + 1))
		{
			echo "example:"
			sed 's/^/  | /' "$script"
			echo "stderr:"
			sed 's/^/  | /' "$dir/stderr" | head -n 20
		} | sed 's/^/# /'
	fi
done <"$EX/manifest"

done_testing
