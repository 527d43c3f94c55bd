#!/bin/sh
# Terminal safety: text that holds escape sequences (an OSC 52 clipboard
# write, a screen clear, the 8-bit CSI U+009B) is stored and exported
# byte for byte, and never reaches a terminal raw from any view.  Each
# view runs under script(1), which gives it a real terminal and records
# every byte written to it.
. "${0%/*}/lib.sh"
preset
if ! command -v script >/dev/null 2>&1 || ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	skip "script(1) cannot give a terminal here"
	done_testing
	exit 0
fi
ESC=$(printf '\033')
CSI8=$(printf '\302\233')
H="A${ESC}]52;c;aGFjaw==$(printf '\007')B${ESC}[2JC${CSI8}2JD"
export H

# raw FILE: the file holds a raw ESC, BEL or 8-bit CSI (as a byte or as U+009B)
raw() {
	LC_ALL=C grep -q "$(printf '[\033\007\233]')" "$1"
}
# onterm COMMAND: run it with stdout and stderr on a terminal; what the
# terminal received lands in tty.out
onterm() {
	printf '%s\n' "$1" >view.sh
	script -qec "sh ./view.sh" /dev/null </dev/null >tty.out 2>&1
}

onterm 'printf "%s\n" "$H"'
raw tty.out
ok $? "the check sees a raw escape when one is there"

# hostile text everywhere a person or a file can put it
aduan kelurahan add "Kel$H" --code "C$H" --alias "Al$H" 2>/dev/null
aduan agency add "X$H" "Dinas $H" --contact "kontak $H" 2>/dev/null
aduan agency set PUPR --officer "Pak $H" --address "Jl. $H" 2>/dev/null
aduan holiday add 2030-01-02 "Libur $H" 2>/dev/null
aduan rule add "jalan$H" PUPR --set-category "kat$H" 2>/dev/null
aduan config office.name "Kantor $H" 2>/dev/null
id=$(aduan-add --by "petugas$H" -n "Nama $H" -p 0812-0000-0999 -L "Jl. $H" --category "kat$H" \
	-k Guntung "jalan rusak $H" 2>/dev/null)
aduan-route --by "petugas$H" --note "catatan $H" --to PUPR "$id" >/dev/null 2>&1
aduan-close --by "petugas$H" --note "selesai $H" "$id" >/dev/null 2>&1
aduan-add --by "petugas$H" -p 0812-0000-0999 -k Guntung "jalan rusak lagi $H" >/dev/null 2>&1
printf 'body,kelurahan\n"teks %s",Guntung\n' "$H" >h.csv
printf 'body,%s\nx,y\n' "$H" >header.csv
printf '28/11/24 14.05 - Warga %s: lapor jalan rusak %s\n' "$H" "$H" >chat.txt
printf '1\n%s\n' "$H" >ids.txt
aduan-add --from whatsapp --group "G$H" chat.txt >/dev/null 2>&1
aduan group add "Grup $H" --kelurahan Guntung >/dev/null 2>&1

is "$(aduan-list --format csv -f body "$id" | sed -n 2p | tr -d '\r')" "jalan rusak $H" \
	"piped to a file, CSV keeps the text byte for byte"
for json in "aduan-list --format jsonl -f body $id" "aduan-export --format jsonl --personal" \
	"aduan-export --format open311" "aduan-export --subject 0812-0000-0999"; do
	$json >j.out 2>/dev/null
	like j.out '\\u001b\]52;c;.*\\u009b2JD' \
		"$json: ESC and U+009B as \\u escapes (the same JSON string)"
	! raw j.out
	ok $? "$json: none raw in a file"
done

# every view: NUMBER DESCRIPTION<TAB>COMMAND
while IFS='	' read -r what cmd; do
	onterm "$cmd"
	if raw tty.out; then
		ok 1 "$what: no raw escape reaches the terminal"
		od -c tty.out | sed 's/^/#   /' | head -n 8
	elif ! [ -s tty.out ]; then
		ok 1 "$what: shows something"
	else
		ok 0 "$what: no raw escape reaches the terminal"
	fi
done <<'VIEWS'
01 aduan-list table	aduan-list
02 aduan-list tsv	aduan-list --format tsv --header
03 aduan-list csv	aduan-list --format csv
04 aduan-list jsonl	aduan-list --format jsonl
05 aduan-list -l (actors, notes)	aduan-list -l 1
06 aduan-list --search	aduan-list --search "rusak" -f id,body
07 aduan-export csv	aduan-export --format csv --personal
08 aduan-export tsv	aduan-export --format tsv --personal
09 aduan-export jsonl	aduan-export --format jsonl --personal
10 aduan-export open311	aduan-export --format open311
11 aduan-export summary	aduan-export --summary --since 2020-01-01 --until 2040-01-01 --by category,agency
12 aduan-export --subject	aduan-export --subject 0812-0000-0999
13 aduan-add --dry-run jsonl	aduan-add --from csv --dry-run --format jsonl h.csv
14 aduan-add --messages	aduan-add --from whatsapp --group "G$H" --dry-run --messages chat.txt
15 aduan-add header message	aduan-add --from csv header.csv
16 aduan-add bad value message	aduan-add -k "$H" x
17 aduan-route --auto --explain	aduan-route --auto --explain --dry-run
18 aduan-route bad agency message	aduan-route --to "$H" 1
19 aduan undo --list	aduan undo --list
20 aduan kelurahan list	aduan kelurahan list
21 aduan agency list	aduan agency list
22 aduan holiday list	aduan holiday list
23 aduan rule list	aduan rule list
24 aduan rule test	aduan rule test "jalan$H rusak"
25 aduan config	aduan config
26 aduan config KEY	aduan config office.name
27 id list message	aduan-list - <ids.txt
28 unknown option message	aduan-list "--$H"
29 database path message	aduan-list --db "$T/$H/a.db"
30 aduan-edit	aduan-edit --dry-run --location "Gang $H" 1
31 aduan-route --message	aduan-route --message --personal 1
32 aduan-route --letter	aduan-route --letter --personal 1
33 aduan-route --suggest	aduan-route --suggest 1
34 aduan reply	aduan reply 1
35 aduan template list	aduan template list
36 aduan-list --messages	aduan-list --messages
37 aduan-list --messages jsonl	aduan-list --messages --format jsonl
38 aduan group list	aduan group list
39 aduan undo	aduan undo --by "petugas$H"
VIEWS
done_testing
