#!/bin/sh
# aduan-export --report html: one self-contained page whose figures are
# the summary's, valid XML with its SVG charts, masked, in the reader's
# language.
. "${0%/*}/lib.sh"
preset

# 2024-W48 (Monday 25 November to Sunday 1 December 2024, WITA)
cat >w.csv <<'X'
received_at,kelurahan,category,reporter_name,reporter_phone,confidential,body
2024-11-20T10:00,Lok Tuan,jalan,Budi Santoso,081234567890,0,satu: the week before and overdue
2024-11-25T08:00,Lok Tuan,jalan,Sitti Hasnah,081311112222,0,dua: closed after 48 hours
2024-11-26T09:00,Api-Api,sampah,,,0,tiga
2024-11-28T00:30,Api-Api,sampah,Rahasia Orang,081399998888,1,empat: confidential and overdue
2024-11-30T20:00,Guntung,drainase,,,0,lima
2024-12-01T23:59,Guntung,drainase,,,0,enam
2024-11-27T10:00,Guntung,drainase,,,0,tujuh: a duplicate of enam
X
aduan-add -q --from csv w.csv >/dev/null 2>&1
# a history in the past (routed and closed days ago), which no program writes: SQL
sql "insert into invocation(at, actor, command) values ('2024-11-20T00:00:00Z', 'tester', 'test');
insert into event(complaint, at, actor, action, invocation) values
  (1, '2024-11-25T04:00:00Z', 'tester', 'route', (select max(id) from invocation)),
  (2, '2024-11-25T02:00:00Z', 'tester', 'route', (select max(id) from invocation));
update complaint set due_at='2024-11-26T16:00:00Z', agency='PUPR', status='routed' where id=1;
update complaint set status='closed', agency='PUPR', closed_at='2024-11-27T00:00:00Z', resolution='resolved' where id=2;
update complaint set due_at='2024-11-29T00:00:00Z' where id=4;
update complaint set status='closed', closed_at='2024-11-27T03:00:00Z', resolution='duplicate', duplicate_of=6 where id=7"

run aduan-export --report html --week 2024-W48 -o laporan.html
is "$rc" 0 "--report html -o FILE exits 0"
is "$(cat out err)" "" "and says nothing"

# ---- one valid, self-contained page ------------------------------------------
xmllint --noout laporan.html 2>xml.err
ok $? "the page is well-formed XML (xmllint), SVG included"
x() { xmllint --xpath "$1" laporan.html 2>/dev/null; }
is "$(x 'count(//*[local-name()="svg" and namespace-uri()="http://www.w3.org/2000/svg"])')" 4 \
	"four SVG charts in the SVG namespace: per day, per kelurahan, per agency, 12 weeks"
is "$(x 'count(//*[local-name()="svg"]//*[namespace-uri()!="http://www.w3.org/2000/svg"])')" 0 \
	"and nothing but SVG inside them"
is "$(x 'count(//*[local-name()="svg"]/*[local-name()="title"])')" 4 "each with a title"
unlike laporan.html '<script|<link|<img|<iframe|@import|url\((https?:|//)|src=' "no script, no external file"
like laporan.html '@page\{size:A4' "prints on A4"
is "$(x 'count(//*[local-name()="pattern"])')" 5 "bars told apart by patterns as well as colours"

# ---- the figures are the summary's -------------------------------------------------
aduan-export --summary --week 2024-W48 | tr -d '\r' | sed -n 2p >total.csv
IFS=, read -r ps pe received routed closed open_end overdue_end fm fp cm cp on_time <total.csv
for c in received routed closed open_end overdue_end; do
	eval want=\$$c
	is "$(x "string(//div[@id='card-$c']/@data-v)")" "$want" "the period's $c: $want, as in --summary"
done
is "$received" 5 "(the duplicate is not counted as received)"
week_received=$received
nbsp=$(printf '\302\240')
aduan-export --summary --week 2024-W48 --by kelurahan | tr -d '\r' | sed 1d >kel.csv
n=0
while IFS=, read -r ps pe key received routed closed open_end overdue_end rest; do
	got=$(x "concat(//section[@id='kelurahan']//tr[@data-key='$key']/td[@data-col='received']/@data-v, ',',
		//section[@id='kelurahan']//tr[@data-key='$key']/td[@data-col='closed']/@data-v, ',',
		//section[@id='kelurahan']//tr[@data-key='$key']/td[@data-col='open_end']/@data-v, ',',
		//section[@id='kelurahan']//tr[@data-key='$key']/td[@data-col='overdue_end']/@data-v)")
	is "$got" "$received,$closed,$open_end,$overdue_end" "kelurahan $key: received, closed, open, overdue as in --summary"
	n=$((n + 1))
done <kel.csv
is "$n" 4 "three kelurahan and the total"
aduan-export --summary --week 2024-W48 --by agency | tr -d '\r' | sed 1d >agency.csv
while IFS=, read -r ps pe key received routed closed open_end overdue_end fm fp cm cp on_time; do
	got=$(x "concat(//section[@id='agency']//tr[@data-key='$key']/td[@data-col='routed']/@data-v, ',',
		//section[@id='agency']//tr[@data-key='$key']/td[@data-col='closed']/@data-v, ',',
		//section[@id='agency']//tr[@data-key='$key']/td[@data-col='open_end']/@data-v)")
	is "$got" "$routed,$closed,$open_end" "agency $key: forwarded, closed, open as in --summary"
done <agency.csv
is "$(x "normalize-space(//section[@id='agency']//tr[@data-key='(total)']/td[@data-col='overdue_end_pct'])")" \
	"40$nbsp%" "overdue in percent: 2 of 5 still open"
is "$(x "normalize-space(//section[@id='agency']//tr[@data-key='PUPR']/td[@data-col='closed_on_time_pct'])")" \
	"100$nbsp%" "closed within the SLA in percent"

# per day: the seven days' received add up to the week's, as --summary per day says
sum=0
for d in 25 26 27 28 29 30; do
	v=$(aduan-export --summary --since 2024-11-$d --until 2024-11-$d | tr -d '\r' | sed -n 2p | cut -d, -f3)
	sum=$((sum + v))
done
v=$(aduan-export --summary --since 2024-12-01 --until 2024-12-01 | tr -d '\r' | sed -n 2p | cut -d, -f3)
is "$((sum + v))" "$week_received" "(the days' received add up to the week's)"
like laporan.html '>Wed 27/11<' "a bar per day, named by weekday and date"
like laporan.html '>W37<.*>W48<' "the trend runs twelve weeks to W48"

# ---- overdue complaints, masked ---------------------------------------------------------
is "$(x "count(//section[@id='overdue']//tr[@data-key])")" 2 "two overdue complaints listed"
is "$(x "normalize-space(//section[@id='overdue']//tr[@data-key='1']/td[7])")" "5 days" \
	"late by days and hours, for people"
like laporan.html '<tr data-key="4"><td>4</td><td>28/11/2024 00:30</td><td>\(confidential\)</td>' \
	"a confidential complaint shows no place"
unlike laporan.html 'Budi|Sitti|Rahasia|0812|0813|satu:|empat:' "no name, phone or text anywhere"
like laporan.html '>1 day<' "durations in days and hours (median time to closing: 48 h)"

# ---- in Indonesian -------------------------------------------------------------------------
(unset LC_ALL LANGUAGE; LANG=id_ID.UTF-8 aduan-export --report html --week 2024-W48 -o id.html)
is "$?" 0 "the same page in Indonesian"
like id.html '<html lang="id">' "marked as Indonesian"
like id.html 'Senin, 25 November 2024 – Minggu, 1 Desember 2024' "dates in Indonesian"
like id.html '>Rab 27/11<' "day names on the chart too"
like id.html ">40$nbsp%<" "percentages"
like id.html '>1 hari<' "durations in days (hari) and hours (jam)"
xmllint --noout id.html
ok $? "still well-formed"
aduan-export --summary --since 2024-11-25 --until 2024-12-01 >/dev/null
run aduan-export --report pdf
is "$rc" 2 "--report takes html only"
run aduan-export --report html --format csv
is "$rc" 2 "--report takes no --format"
run aduan-export --report html --week 2024-W48
is "$rc" 0 "without -o the page goes to standard output"
like out '</html>' "whole"

done_testing
