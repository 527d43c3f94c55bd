#!/bin/sh
# Spreadsheets in and out: Indonesian CSV (semicolons, headers, dates),
# .xlsx workbooks read (sheets, shared strings, date serials, 1904) and
# written (types kept), every problem of a row at once.
. "${0%/*}/lib.sh"
preset

# all: every field of every complaint as JSON Lines
all() {
	aduan-list --format jsonl -f id,received_at,channel,reporter_name,reporter_phone,kelurahan,rt,location,category,body "$@"
}

# ---- a kelurahan office's CSV: Excel in an Indonesian locale ----------------
printf '\357\273\277No;Nama Pelapor;No. HP/WA;Kel.;RT;Alamat;Isi Aduan;Tanggal;Kategori\r\n' >kel.csv
printf '1;Budi Santoso;0812-3456-7890;Lok Tuan;5;Jl. Pelabuhan;"Jalan berlubang; bahaya";27/11/2025 10:00;jalan\r\n' >>kel.csv
printf '2;Sitti Hasnah;+62 811 555 1234;loktuan;RT 07;Gg. Mawar;Lampu jalan mati;27-11-2025 10.00;lampu\r\n' >>kel.csv
printf '3;Ani;;Api-Api;;;Sampah menumpuk;27 Nov 2025;sampah\r\n' >>kel.csv
printf '4;Wahyu;081355554444;Guntung;3;;Banjir setinggi lutut;27 November 2025 pukul 21.46;banjir\r\n' >>kel.csv
run aduan-add --from csv kel.csv
is "$rc" 0 "a semicolon CSV with Indonesian headers imports"
is "$(all)" '{"id":1,"received_at":"2025-11-27T02:00:00Z","channel":"other","reporter_name":"Budi Santoso","reporter_phone":"+6281234567890","kelurahan":"Lok Tuan","rt":"005","location":"Jl. Pelabuhan","category":"jalan","body":"Jalan berlubang; bahaya"}
{"id":2,"received_at":"2025-11-27T02:00:00Z","channel":"other","reporter_name":"Sitti Hasnah","reporter_phone":"+628115551234","kelurahan":"Lok Tuan","rt":"007","location":"Gg. Mawar","category":"lampu","body":"Lampu jalan mati"}
{"id":3,"received_at":"2025-11-26T16:00:00Z","channel":"other","reporter_name":"Ani","reporter_phone":null,"kelurahan":"Api-Api","rt":null,"location":null,"category":"sampah","body":"Sampah menumpuk"}
{"id":4,"received_at":"2025-11-27T13:46:00Z","channel":"other","reporter_name":"Wahyu","reporter_phone":"+6281355554444","kelurahan":"Guntung","rt":"003","location":null,"category":"banjir","body":"Banjir setinggi lutut"}' \
	"every record right: names, E.164 phones, kelurahan aliases, RT, local dates in four forms"

# a date and a time of day in two columns; tab-separated CSV is detected
printf 'Tanggal\tJam\tKeluhan\n28/11/2025\t08.15\tair PDAM mati\n' >tab.csv
run aduan-add -q --from csv tab.csv
is "$(all 5 | grep -o '"received_at":"[^"]*"')" '"received_at":"2025-11-28T00:15:00Z"' \
	"Tanggal and Jam make one time; a tab-separated file is read as such"
printf 'body|rt\nx|5\n' >pipe.csv
run aduan-add -q --dry-run --from csv --delimiter '|' pipe.csv
is "$rc" 0 "--delimiter names another separator"
run aduan-add --from csv --delimiter ':' pipe.csv
is "$rc" 2 "--delimiter takes , ; | or tab only"

# ---- headers ------------------------------------------------------------------
printf 'Nama;Uraian Singkat;Foto Kejadian;Status Tindak Lanjut\nBudi;x;a.jpg;baru\n' >unk.csv
run aduan-add --from csv unk.csv
is "$rc" 65 "unknown columns are bad input"
like err '^aduan-add: unk.csv:1: unknown columns "Uraian Singkat", "Foto Kejadian", "Status Tindak Lanjut" \(known: id, uid, source_key, received_at,' \
	"every unknown column is named at once, with the known ones"
like err "Isi Aduan, Tanggal, Jam, Kategori; or name them with --map 'HEADER=FIELD'\\)" "and the way out"
run aduan-add -q --from csv --map 'Uraian Singkat=body,foto kejadian=attachments,STATUS TINDAK LANJUT=-' unk.csv
is "$rc" 0 "--map names the columns no table knows, - leaves one out"
is "$(aduan-list --format jsonl -f body,attachments,status 6)" '{"body":"x","attachments":"a.jpg","status":"open"}' \
	"mapped by folded header"
run aduan-add --from csv --map 'Uraian Singkat=isi' unk.csv
like err 'map names no field for column "Uraian Singkat"' "--map to no field is an error"
import_rows <<'ROWS'
twice.csv	csv	Isi Aduan;Keluhan\nx;y\n	-	twice.csv:1: columns "Isi Aduan" and "Keluhan" both give body	two columns for one field
jam.csv	csv	Jam;Keluhan\n10.00;x\n	-	column "Jam" gives a time of day but no column gives its date	a time without a date
ROWS

# ---- every problem of a row at once ----------------------------------------------
printf 'Nama;No HP;Kelurahan;RT;Isi Aduan;Tanggal\nSitti;08123;Lok Tuwan;x;Sampah;31/11/2025\nAni;;;;ok;\n' >bad.csv
run aduan-add --from csv --rejects rej.csv bad.csv
is "$rc" 65 "a bad row rejects its record"
is "$(grep -c '^aduan-add: bad.csv:2: column' err)" 4 "four problems of line 2, four lines"
like err '^aduan-add: bad.csv:2: column "No HP": bad phone number: "08123"$' "the phone, by its column"
like err '^aduan-add: bad.csv:2: column "Kelurahan": unknown kelurahan "Lok Tuwan"' "the kelurahan"
like err '^aduan-add: bad.csv:2: column "RT": bad rt: "x"' "the RT"
like err '^aduan-add: bad.csv:2: column "Tanggal": bad time in received_at: "31/11/2025" \(for example 2026-11-27 10:00, 27/11/2026 10.00 or 27 November 2026 pukul 10.00\)$' \
	"the date, with forms that work"
is "$(cat rej.csv)" 'Nama;No HP;Kelurahan;RT;Isi Aduan;Tanggal
Sitti;08123;Lok Tuwan;x;Sampah;31/11/2025' "the rejects file keeps the semicolons"

# an export for an Indonesian-locale spreadsheet reads back as it is
aduan-export --personal --semicolon >sc.csv
like sc.csv '^1;[^;]*;;2025-11-27T02:00:00Z;' "--semicolon: records with semicolons"
like sc.csv ';"Jalan berlubang; bahaya";' "a cell with a semicolon is quoted"
mkdir -p sc && ADUAN_DB=sc/aduan.db aduan init --preset bontang-utara 2>/dev/null
ADUAN_DB=sc/aduan.db aduan-add -q --from csv sc.csv >/dev/null
is "$(ADUAN_DB=sc/aduan.db aduan-list --format jsonl)" "$(aduan-list --format jsonl)" \
	"and reads back with every field equal (the separator detected)"

# ---- .xlsx written by aduan-export ---------------------------------------------------
run aduan-export --format xlsx --personal -o all.xlsx
is "$rc" 0 "--format xlsx -o FILE writes a workbook"
is "$(ls -l all.xlsx | cut -c1-10)" "-rw-------" "with personal data, owner-only"
unzip -p all.xlsx xl/worksheets/sheet1.xml >sheet.xml
like sheet.xml '<c r="I2" s="[0-9]+" t="inlineStr"><is><t>\+6281234567890</t>' "a phone number is a text cell"
like sheet.xml '<c r="M2" s="[0-9]+" t="inlineStr"><is><t>005</t>' "RT 005 is text, zeros kept"
like sheet.xml '<c r="D2" s="[0-9]+"><v>45988\.41666' "received_at is a date serial, in local time (10:00 WITA)"
like sheet.xml '<c r="A2"><v>1</v>' "the id is a number"
like sheet.xml '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' "the header row is frozen"
like sheet.xml '<autoFilter ref="A1:Z8"/>' "with an autofilter over the table"
unzip -p all.xlsx xl/styles.xml >styles.xml
like styles.xml 'formatCode="yyyy-mm-dd hh:mm"' "dates show as dates"
mkdir -p other && ADUAN_DB=other/aduan.db aduan init --preset bontang-utara 2>/dev/null
ADUAN_DB=other/aduan.db aduan-add -q --from xlsx all.xlsx >/dev/null
is "$(ADUAN_DB=other/aduan.db aduan-list --format jsonl)" "$(aduan-list --format jsonl)" \
	"read back by aduan-add: every field of every complaint equal"
ADUAN_DB=other/aduan.db run aduan-add --from csv all.xlsx
is "$(cat err)" "aduan-add: 7 read, 0 added, 7 already present, 0 rejected" \
	"a workbook given as CSV is detected; nothing twice"
cat all.xlsx | ADUAN_DB=other/aduan.db run aduan-add -q --from xlsx -
is "$rc" 0 "a workbook from a pipe"

run aduan-export --format xlsx -o masked.xlsx
unzip -p masked.xlsx xl/worksheets/sheet1.xml >masked.xml
unlike masked.xml 'Budi Santoso|6281234567890' "without --personal names and phones stay out"
like masked.xml '<t>B\.S\.</t>' "initials instead"
is "$(ls -l masked.xlsx | cut -c1-10)" "-rw-r--r--" "a masked export takes the umask"
run aduan-export --format xlsx
is "$rc" 2 "a workbook needs -o"
run aduan-export --summary --since 2025-11-27 --until 2025-11-29 --by kelurahan --format xlsx -o sum.xlsx
is "$rc" 0 "--summary --format xlsx"
unzip -p sum.xlsx xl/worksheets/sheet1.xml >sum.xml
like sum.xml '<c r="A2" s="[0-9]+"><v>45988</v></c>' "period_start is a date"
like sum.xml '<c r="C2" s="[0-9]+" t="inlineStr"><is><t>Api-Api</t>' "groups are text"
like sum.xml '<c r="D2"><v>1</v></c>' "counts are numbers"

# ---- a workbook as other programs write it ---------------------------------------------
# two sheets, shared strings with rich runs and a phonetic run, the 1904
# date system, a custom and a built-in date format, a boolean, a number
# where a phone number lost its 0, an inline string, an empty column
mkdir -p wb/_rels wb/xl/_rels wb/xl/worksheets
cat >wb/'[Content_Types].xml' <<'X'
<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
X
cat >wb/xl/workbook.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:workbookPr date1904="1"/><x:sheets><x:sheet name="Rekap" sheetId="1" r:id="rId7"/><x:sheet name="Aduan Masuk" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>
X
cat >wb/xl/_rels/workbook.xml.rels <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId8" Type="ws" Target="worksheets/data.xml"/><Relationship Id="rId7" Type="ws" Target="/xl/worksheets/rekap.xml"/></Relationships>
X
cat >wb/xl/styles.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-421]dd/mm/yyyy\ hh:mm;@"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs></styleSheet>
X
cat >wb/xl/sharedStrings.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>Nama</t></si><si><t>Isi Aduan</t></si><si><t>Tanggal</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Jalan </t></r><r><t>rusak &amp; licin</t></r><rPh><t>X</t></rPh></si>
<si><t>Budi</t></si><si><t>No HP</t></si></sst>
X
cat >wb/xl/worksheets/rekap.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Jumlah</t></is></c></row></sheetData></worksheet>
X
cat >wb/xl/worksheets/data.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="F2" t="inlineStr"><is><t>Anonim</t></is></c></row>
<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>81234567890</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" s="1"><v>44526.416666666664</v></c><c r="F3" t="b"><v>1</v></c></row>
<row r="4"/>
<row r="5"><c r="A5" t="inlineStr"><is><t>Ani</t></is></c><c r="C5" t="str"><f>A1</f><v>Lampu mati</v></c><c r="D5" s="2"><v>44527</v></c></row>
<row r="6"><c r="A6" t="inlineStr"><is><t>Wahyu</t></is></c><c r="C6" t="inlineStr"><is><t>Got mampet</t></is></c><c r="D6" s="1"><v>44527.90694444445</v></c><c r="E6"><v>7</v></c></row>
</sheetData></worksheet>
X
(cd wb && zip -q -r ../lain.xlsx '[Content_Types].xml' xl)
run aduan-add --from xlsx lain.xlsx
is "$rc" 65 "the first sheet is read by default"
like err '^aduan-add: lain.xlsx:Rekap:1: unknown column "Jumlah"' "and its unknown column named with the sheet"
run aduan-add --from xlsx --sheet 'Tidak Ada' lain.xlsx
like err 'lain.xlsx: no sheet "Tidak Ada" \(sheets: 1 "Rekap", 2 "Aduan Masuk"\)' "an unknown sheet lists the sheets"
is "$rc" 65 "and is bad input"
run aduan-add --from xlsx --sheet 2 --rejects rej2.csv lain.xlsx
is "$rc" 65 "--sheet 2: the second sheet"
like err '^aduan-add: lain.xlsx:Aduan Masuk!E6: a value in a column without a header$' \
	"a value beyond the header is not dropped: its row is rejected, naming the cell"
is "$(tr -d '\r' <rej2.csv)" 'Nama,No HP,Isi Aduan,Tanggal,,Anonim
Wahyu,,Got mampet,2025-11-28T21:46:00,7' "rejects from a workbook are CSV with the sheet's row"
aduan-list --format jsonl -f reporter_name,reporter_phone,body,received_at,anonymous 8 9 >got
is "$(cat got)" '{"reporter_name":"Budi","reporter_phone":"+6281234567890","body":"Jalan rusak & licin","received_at":"2025-11-27T02:00:00Z","anonymous":true}
{"reporter_name":"Ani","reporter_phone":null,"body":"Lampu mati","received_at":"2025-11-27T16:00:00Z","anonymous":false}' \
	"shared strings with runs (no phonetic text), 1904 dates, a number phone, a boolean, a formula's value"
run aduan-add --from xlsx --sheet 'aduan masuk' --dry-run lain.xlsx
is "$rc" 65 "--sheet NAME without regard to case"
printf 'not a workbook' >fake.xlsx
run aduan-add --from xlsx fake.xlsx
is "$rc" 65 "a file that is no workbook is bad input"
like err 'fake.xlsx: not an .xlsx workbook' "said so"
run aduan-add --from jsonl --sheet 1 fake.xlsx
is "$rc" 2 "--sheet is for tables"

done_testing
