#!/bin/sh
# Forward and answer: agency contacts, aduan-route --message|--link|--mail|
# --letter, aduan reply, aduan-list --public, aduan template; privacy of
# every template.
. "${0%/*}/lib.sh"

preset
aduan config office.name "Kecamatan Bontang Utara" &&
aduan config office.email kecamatan@example.go.id &&
aduan config office.parent "Pemerintah Kota Bontang" &&
aduan config office.city Bontang &&
aduan config office.head "Andi Kurniawan" || { echo "Bail out! aduan config failed"; exit 1; }

body='Jalan berlubang di depan SD 004 🚧 sudah 2 minggu,
tolong segera diperbaiki & dicek <b>'
aduan-add -q -c whatsapp --source "RT 05 Api-Api" -n "Budi Santoso" -p 0812-3456-7890 \
	-k "Lok Tuan" -r 5 -L "depan SD 004" --at 2024-11-28T14:05 "$body" >/dev/null 2>&1
aduan-add -q -c whatsapp --source "RT 05 Api-Api" -n "Rahasia Anonim" -p 0813-1111-2222 \
	--anonymous -k Guntung --at 2024-11-28T15:00 "Pungli di kantor, saya takut" >/dev/null 2>&1
aduan-add -q -c walk-in -n "Rahasia Tertutup" -p 0813-3333-4444 --confidential \
	-k Guntung --at 2024-11-28T16:00 "Sampah dibakar tetangga, jangan sebut nama saya" >/dev/null 2>&1
is "$(aduan-list -q | tr '\n' ' ')" "1 2 3 " "three complaints: named, anonymous, confidential"

# ---- agency contacts ---------------------------------------------------
run aduan agency set pupr --whatsapp 0811-5000-123 --email pupr@example.go.id \
	--address "Jl. Bessai Berinta, Bontang" --officer "Ir. Contoh" --title "Kepala Dinas PUPR"
is "$rc" 0 "agency set takes the contacts"
is "$(cat out)" "" "and prints nothing"
run aduan agency list
like out '^PUPR	.*	\+628115000123	pupr@example.go.id	Jl. Bessai Berinta, Bontang	Ir. Contoh	Kepala Dinas PUPR$' \
	"agency list shows them, the number in E.164"
while IFS='|' read -r args want what; do
	run aduan agency set $args
	is "$rc" "$want" "agency set $what"
done <<'X'
PUPR --email a@b.c>,x@y.z|2|refuses an email that is more than one address
PUPR --email nobody|2|refuses a non-address
PUPR --whatsapp halo|2|refuses a non-number
ATLANTIS --email a@example.go.id|1|of an unknown agency exits 1
PUPR|2|with nothing to set is a usage error
X
run aduan agency set PUPR --address "$(printf 'a\nb')"
is "$rc" 2 "agency set refuses a line break (it would end a mail header)"
is "$(aduan agency list | awk -F '\t' '$1 == "PUPR" { print $6 }')" pupr@example.go.id "the refused changes left it as it was"
run aduan agency set DLH --email dlh@example.go.id
is "$rc" 0 "another agency gets an email"

# a preset's agency file may carry the contacts as columns
mkdir -p pre
printf 'code\tname\tsla_days\tcontact\twhatsapp\temail\taddress\tofficer\ttitle\n' >pre/x.agency.tsv
printf 'XA\tDinas X\t3\t\t0811-2222-3333\tx@example.go.id\tJl. X\tIbu X\tKepala Dinas X\n' >>pre/x.agency.tsv
ADUAN_DATADIR="$T/pre" run aduan init --db x.db --preset x
is "$rc" 0 "a preset with contact columns loads"
is "$(aduan agency list --db x.db | sed 1d | cut -f 5,6,9 | tr '\t' ' ')" \
	"+6281122223333 x@example.go.id Kepala Dinas X" "with the contacts"
printf 'XB\tDinas Y\t3\t\t\tnot-an-address\t\t\t\n' >>pre/x.agency.tsv
ADUAN_DATADIR="$T/pre" run aduan init --db y.db --preset x
is "$rc" 65 "a bad contact in a preset is bad data (65)"
like err 'agency file:3: "not-an-address" is not an email address' "naming the line"

# ---- --message -----------------------------------------------------------
run aduan-route --to PUPR --message 1
is "$rc" 0 "--to PUPR --message routes and prints"
like out '^No\. aduan: 1$' "the tracking number"
like out '^Diterima: 28 November 2024, 14\.05 WITA lewat WhatsApp RT 05 Api-Api$' "when and how, in Indonesian"
like out '^Kelurahan: Lok Tuan RT 005$' "kelurahan and RT"
like out '🚧 sudah 2 minggu,$' "the text, emoji and all"
like out '^Pelapor: B\.S\. \+\*{10}890$' "the reporter masked by default"
unlike out 'Budi|3456.?7890' "not the name or the phone"
like out '^Mohon ditindaklanjuti paling lambat 12 Desember 2024' "the due date in Indonesian words"
unlike out '^Lampiran' "a line whose placeholders are all empty is left out"
is "$(get 1 status,agency)" "routed|PUPR" "and the complaint is routed"
is "$(events 1 | tail -n 1)" \
	"forward tester  to PUPR  \"message to PUPR; reporter's identity withheld\"" "a forward event says what, to whom, how"

run aduan-route --message --personal 1
like out '^Pelapor: Budi Santoso \+6281234567890$' "--personal shows the reporter"
is "$(events 1 | tail -n 1)" \
	"forward tester  to PUPR  \"message to PUPR; with the reporter's identity (--personal)\"" "and is recorded"
run aduan-route --message 2
is "$rc" 1 "a complaint with no agency is skipped"
like err 'complaint 2 has no agency yet' "saying how to route it"
run aduan-route --message --link 1
is "$rc" 2 "--message and --link do not go together"
run aduan-route --personal --note x 1
is "$rc" 2 "--personal goes with a way of forwarding"
run aduan-route --message --lang fr 1
is "$rc" 2 "an unknown template language is a usage error"

run aduan-route --message --lang en 1
like out '^Received: 28 November 2024, 14:05 WITA by WhatsApp RT 05 Api-Api$' "English on request"

# ---- --link: wa.me with the text intact ------------------------------------
# decode: the link's text parameter, percent-decoded, byte for byte
decode() {
	sed -n 's/^https:\/\/wa\.me\/[0-9]*?text=//p' "$1" | perl -pe 's/%([0-9A-F]{2})/chr(hex($1))/ge'
}
run aduan-route --link 1
is "$rc" 0 "--link"
like out '^https://wa\.me/628115000123\?text=[A-Za-z0-9%._~-]+$' "a wa.me link to the agency's number, nothing unencoded"
aduan-route --message 1 >msg 2>/dev/null
decode out >decoded
if cmp -s msg decoded; then ok 0 "the link's text decodes to the message: Indonesian, emoji, line breaks"
else ok 1 "the link's text decodes to the message"; diff msg decoded | sed 's/^/#   /' | head; fi
like out '%F0%9F%9A%A7' "the emoji is percent-encoded UTF-8"
like out '%0A' "line breaks are %0A"

aduan-route --to PUPR 3 >/dev/null 2>&1
run aduan-route --link 1 3
is "$(wc -l <out | tr -d ' ')" 1 "a batch to one agency is one link"
decode out >decoded
like decoded '^No\. aduan: 1$' "with the first complaint"
like decoded '^No\. aduan: 3$' "and the second"
run aduan-route --to DISHUB --link 2
like out '^https://wa\.me/\?text=' "an agency without a number gets a link that asks whom to send it to"
like err 'DISHUB has no WhatsApp number' "with a warning"

# ---- --mail through a stand-in sendmail ---------------------------------
cat >sendmail <<'X'
#!/bin/sh
printf '%s\n' "$@" >"${0%/*}/sendmail.argv"
cat >"${0%/*}/sendmail.in"
X
chmod +x sendmail
ADUAN_SENDMAIL="$T/sendmail -t -i" run aduan-route --mail 1
is "$rc" 0 "--mail"
is "$(cat out)" 1 "prints the ids mailed"
is "$(tr '\n' ' ' <sendmail.argv)" "-t -i " "the mail command runs with its arguments"
like sendmail.in '^To: "Dinas Pekerjaan Umum dan Penataan Ruang Kota Bontang" <pupr@example.go.id>$' "To: the agency"
like sendmail.in '^From: "Kecamatan Bontang Utara" <kecamatan@example.go.id>$' "From: the office"
like sendmail.in '^Subject: =\?UTF-8\?B\?' "the subject encoded (RFC 2047)"
unlike sendmail.in '🚧' "no raw UTF-8 in the message (quoted-printable body)"
awk 'length > 998 || (body && length > 76) { bad = 1 } /^$/ { body = 1 } END { exit bad }' sendmail.in
ok $? "no header line past 998 characters, no body line past 76"
if command -v python3 >/dev/null 2>&1; then
	python3 - "$T/sendmail.in" >parsed <<'PY'
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
print("subject:", m["subject"])
print("to:", m["to"].addresses[0].addr_spec)
print("charset:", m.get_content_charset())
print("defects:", len(m.defects))
sys.stdout.write(m.get_content())
PY
	like parsed '^subject: Penerusan aduan No\. 1: Jalan berlubang di depan SD 004 🚧 sudah 2 minggu, tolong segera' \
		"python's email module decodes the subject"
	like parsed '^to: pupr@example\.go\.id$' "and the address"
	like parsed '^charset: utf-8$' "the body is UTF-8"
	like parsed '^defects: 0$' "without defects"
	like parsed '^tolong segera diperbaiki & dicek <b>$' "and the body decodes to the text"
	like parsed '^Mohon ditindaklanjuti paling lambat 12 Desember 2024, dan kabari kami dengan menyebut No\. aduan 1\.$' \
		"a line longer than 76 comes back whole (soft line breaks)"
else
	skip "python3 is not installed"
fi
is "$(events 1 | grep '^forward ' | tail -n 1)" \
	"forward tester  to PUPR  \"mail to pupr@example.go.id; reporter's identity withheld\"" "the mail is a forward event"

# a setting cannot add a header: the office's name with a line break in it
aduan config office.name "$(printf 'Kantor\nBcc: someone@example.com')" >/dev/null
ADUAN_SENDMAIL="$T/sendmail" run aduan-route --mail 1
is "$rc" 0 "a name with a line break is mailed"
sed '/^$/q' sendmail.in >headers
unlike headers '^Bcc:' "as one encoded word, not a header of its own"
like headers '^From: =\?UTF-8\?B\?' "the name is encoded"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import email,sys; m=email.message_from_bytes(open(sys.argv[1],"rb").read()); print(len(m.get_all("Bcc") or []))' \
		"$T/sendmail.in" >bcc
	is "$(cat bcc)" 0 "python's email module sees no Bcc"
else
	skip "python3 is not installed"
fi
aduan config office.name "Kecamatan Bontang Utara" >/dev/null

cat >failing <<'X'
#!/bin/sh
cat >/dev/null; exit 3
X
chmod +x failing
n=$(allevents | grep -c '	forward ')
ADUAN_SENDMAIL="$T/failing" run aduan-route --mail 1
is "$rc" 74 "a failing mail command exits 74"
like err 'complaint 1: .*failing failed \(status 3\); the mail was not sent' "and says so"
is "$(allevents | grep -c '	forward ')" "$n" "and no forward is recorded"
aduan config mail.command "$T/sendmail" >/dev/null
rm -f sendmail.in
run aduan-route --mail 3
is "$rc" 0 "the mail command from the setting"
like sendmail.in '^X-Aduan-Complaint: 3$' "is used when ADUAN_SENDMAIL is not set"
aduan-route --to DISHUB 1 >/dev/null 2>&1
run aduan-route --mail 1
is "$rc" 1 "an agency without an email is skipped"
like err 'DISHUB has no email address' "naming how to give it one"
aduan-route --to PUPR 1 >/dev/null 2>&1

# ---- batch from stdin ----------------------------------------------------
run sh -c 'aduan-list -q --status routed --agency PUPR | aduan-route --message -'
is "$rc" 0 "aduan-list -q | aduan-route --message - works as a batch"
is "$(grep -c '^No\. aduan:' out)" 2 "one text per complaint"

# ---- the letter ------------------------------------------------------------
run aduan-route --letter 1 3 -o surat.html
is "$rc" 0 "--letter -o"
xmllint --noout surat.html 2>xmlerr
ok $? "the letter is well-formed (xmllint)"
is "$(xmllint --xpath 'count(//section[@class="page"])' surat.html)" 2 "one page per complaint"
is "$(xmllint --xpath 'count(//script)' surat.html)" 0 "no script"
like surat.html '@page \{ size: A4' "A4 when printed"
is "$(xmllint --xpath 'string(//section[1]//div[@class="parent"])' surat.html)" "Pemerintah Kota Bontang" "the letterhead from the settings"
like surat.html '<p class="date">Bontang, [0-9]+ (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20[0-9]{2}</p>' \
	"the date in Indonesian"
like surat.html 'dicek &lt;b&gt;' "the complaint's text is escaped"
is "$(xmllint --xpath 'string(//section[1]//div[@class="name"])' surat.html)" "Andi Kurniawan" "signed by the head of the office"
run aduan-route --letter --list 1 3 -o daftar.html
xmllint --noout daftar.html
ok $? "the list letter is well-formed"
is "$(xmllint --xpath 'count(//section)' daftar.html)" 1 "one page for one agency"
is "$(xmllint --xpath 'count(//table[@class="list"]/tbody/tr)' daftar.html)" 2 "listing both complaints"
echo old >keep.html
run aduan-route --letter 1 99 -o keep.html
is "$rc" 1 "a complaint that cannot be forwarded is skipped"
like err 'no such complaint: 99' "and named"
is "$(xmllint --xpath 'count(//section)' keep.html)" 1 "the letter has the others"
echo old >keep.html
run aduan-route --letter 99 -o keep.html
is "$(cat keep.html)" old "with none to forward, the file is left as it was"
n=$(allevents | grep -c '	forward ')
run aduan-route --letter 1 -o "$T/no/such/folder/surat.html"
is "$rc" 74 "a letter that cannot be written exits 74"
is "$(allevents | grep -c '	forward ')" "$n" \
	"and records no forward"

# ---- replies ---------------------------------------------------------------
run aduan reply 1
is "$rc" 0 "aduan reply"
like out '^Aduan No\. 1 sudah kami teruskan kepada Dinas Pekerjaan Umum' "the state: forwarded, to whom"
like out '^WhatsApp to the reporter: https://wa\.me/6281234567890\?text=' "a link to the reporter"
like out '^For the group RT 05 Api-Api:$' "a version for the group"
like out '^Menanggapi laporan "Jalan berlubang di depan SD 004 🚧 sudah 2 minggu, tolong segera…":$' \
	"quoting the first words"
like out '^WhatsApp to the group: https://wa\.me/\?text=' "with a link that asks which group"
is "$(events 1 | tail -n 1 | cut -d ' ' -f 1)" reply "a reply event"
aduan-close --note "lubang sudah ditambal" 1 >/dev/null 2>&1
run aduan reply 1
like out '^Aduan No\. 1 sudah selesai ditangani pada' "closed: the resolution"
like out '^Keterangan: lubang sudah ditambal$' "and the note"
run aduan reply 2
unlike out 'wa\.me/62' "no link to an anonymous reporter"
run aduan reply 3
unlike out '^For the group' "no group version of a confidential complaint"
run aduan reply 99
is "$rc" 1 "no such complaint exits 1"

run aduan-list --public 1
is "$rc" 0 "aduan-list --public"
like out '^Status: selesai$' "the status in words"
unlike out 'Budi|3456.?7890|berlubang' "no reporter and no text"
run aduan-list --public 3
unlike out 'Kelurahan|Guntung|Sampah' "a confidential complaint's public status shows no place or text"
run aduan-list --public --status open 1
is "$rc" 2 "--public takes no filters"

# ---- templates ---------------------------------------------------------------
run aduan template list
is "$(sed 1d out | cut -f1 | tr '\n' ' ')" \
	"forward forward-subject letter letter-list reply-open reply-routed reply-resolved reply-rejected reply-duplicate reply-withdrawn reply-group public " \
	"template list names every template"
is "$(cut -f3 out | sed 1d | sort -u)" preset "all shipped"
printf 'Aduan {id} ke {agency}: {text}\n' >mine.txt
run aduan template set forward mine.txt
is "$rc" 0 "template set"
run aduan template list
like out '^forward	id	office	' "the office's own"
run aduan-route --message 3
is "$(cat out)" "Aduan 3 ke PUPR: Sampah dibakar tetangga, jangan sebut nama saya" "is used"
printf 'Halo {id}\nNama: {nama}\n' >bad.txt
run aduan template set forward bad.txt
is "$rc" 2 "an unknown placeholder is refused"
like err 'line 2: unknown placeholder \{nama\}' "naming it and its line"
printf 'Halo {id\n}\n' >bad.txt
run aduan template set forward bad.txt
like err 'line 1: unknown placeholder \{id ' "a brace left open on its line is refused too"
run aduan template set --unset forward
run aduan template list
like out '^forward	id	preset	' "--unset goes back to the shipped one"
EDITOR="sed -i s/Terima/Matur/" run aduan template edit reply-open
is "$rc" 0 "template edit runs the editor"
aduan template show reply-open >show
like show '^Matur kasih' "and keeps the change"
aduan config template.lang en >/dev/null
run aduan template show reply-open
like out '^Thank you' "template.lang en: English templates"
aduan config --unset template.lang >/dev/null

# ---- no template leaks a hidden identity ---------------------------------
# Every template, shipped and one that names every placeholder, rendered
# through every command for the anonymous (2) and the confidential (3).
all=$(sed -n 's/^[[:space:]]*\[PH_[A-Z_]*\] = {"\([a-z_]*\)".*/{\1}/p' "$ADUAN_BUILD/lib/template.c" | tr '\n' ' ')
[ -n "$all" ] || all='{reporter} {phone}'
aduan-route --to PUPR 2 >/dev/null 2>&1
render_all() {	# everything every template gives for complaints 2 and 3
	ADUAN_SENDMAIL="$T/sendmail" aduan-route --message --personal 2 3
	aduan-route --link --personal 2 3 | decode /dev/stdin
	for i in 2 3; do
		rm -f sendmail.in
		ADUAN_SENDMAIL="$T/sendmail" aduan-route --mail --personal $i >/dev/null
		cat sendmail.in
	done
	aduan-route --letter --personal 2 3
	aduan-route --letter --list --personal 2 3
	aduan reply 2 3 | perl -pe 's/%([0-9A-F]{2})/chr(hex($1))/ge; s{wa\.me/\d+}{wa.me/N}'
	aduan-list --public 2 3
}
for lang in id en; do
	render_all >"shipped.$lang" 2>/dev/null
	for t in $(aduan template list | sed 1d | cut -f1); do
		echo "$t: $all" | aduan template set --lang $lang "$t" - || echo "cannot set $t"
	done
	aduan config template.lang $lang >/dev/null
	render_all >"every.$lang" 2>/dev/null
	aduan-close 3 >/dev/null 2>&1; aduan-close --resolution rejected 2 >/dev/null 2>&1
	render_all >>"every.$lang" 2>/dev/null
	aduan-close --reopen 2 3 >/dev/null 2>&1
done
# the phones as written, in E.164 and by their first digits: not any four digits, which a uid or a time may hold
for f in shipped.id shipped.en every.id every.en; do
	like $f 'No\.|no\.|reply|forward' "$f: something was rendered"
	unlike $f 'Rahasia|Anonim|Tertutup|1111.?2222|3333.?4444|0813.?1111|0813.?3333|81311|81333|R\.A\.|R\.T\.' "$f: no name or phone of the anonymous and the confidential"
done
like every.id 'Pungli di kantor' "the text still reaches the agency"

# ---- the manual names every template and placeholder ---------------------------
page="$ADUAN_BUILD/man/aduan-template.5"
missing=
for p in $all; do grep -q "^\.It Li $p\$" "$page" || missing="$missing $p"; done
for t in $(aduan template list | sed 1d | cut -f1); do grep -q "^\.It Cm $t\$" "$page" || missing="$missing $t"; done
is "$missing" "" "aduan-template(5) documents every template and placeholder"

# ---- history shape -----------------------------------------------------------
allevents >all
is "$(grep '	forward ' all | grep -vc '^[0-9]*	forward [^ ]*  to [A-Z]')" 0 \
	"every forward names the agency"
aduan-add -q -k Guntung "Got mampet di Gang Mawar" >undo.id 2>/dev/null
u=$(cat undo.id)
aduan-route --to DLH "$u" >/dev/null 2>&1
aduan-route --message "$u" >/dev/null 2>&1
aduan reply "$u" >/dev/null 2>&1
run aduan undo
is "$rc" 0 "undo after a forward and a reply undoes the route before them"
is "$(get "$u" status,agency)" "open|" "the route is undone"
is "$(events "$u" | cut -d ' ' -f 1 | paste -s -d ' ')" \
	"create route forward reply undo" "what was sent and answered stays in the history"
done_testing
