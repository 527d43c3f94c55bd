#!/bin/sh
# aduan: the front door and its admin verbs.
. "${0%/*}/lib.sh"

run aduan help
is "$rc" 0 "aduan help"
like out 'aduan add +record a complaint' "lists the commands"
run aduan help add
like out '^usage: aduan-add' "aduan help add shows aduan-add's usage"
run aduan --version
like out '^aduan [0-9]' "--version"

run aduan init
is "$rc" 0 "init without a preset creates an empty database"
like err "database ready: $T/aduan.db" "and names it"
is "$(aduan kelurahan list | sed 1d | wc -l)" 0 "with no kelurahan"
run aduan init --preset bontang-utara
is "$rc" 0 "init --preset bontang-utara"
like err 'kelurahan: 6 added' "six kelurahan"
is "$(aduan kelurahan list | sed 1d | cut -f 2 | sort | paste -s -d ' ')" \
	"64.74.01.1001 64.74.01.1002 64.74.01.1003 64.74.01.1004 64.74.01.1005 64.74.01.1006" \
	"with their official codes"
is "$(aduan kelurahan list | awk -F '\t' '$3 ~ /(^|,)Lhok Tuan(,|$)/ { print $1 }')" "Lok Tuan" "Lhok Tuan is an alias of Lok Tuan"
for a in PUPR DLH DISHUB DINKES DINSOSPM DISDUKCAPIL SATPOLPP BPBD DAMKAR PDAM PLN POLRES; do
	is "$(aduan agency list | cut -f 1 | grep -cx "$a")" 1 "agency $a"
done
run aduan init --preset bontang-utara
is "$rc" 0 "init again is harmless"
is "$(aduan kelurahan list | sed 1d | wc -l)" 6 "and duplicates nothing"

run aduan add -k loktuan "Lewat pintu depan"
is "$(cat out)" 1 "aduan add runs aduan-add"
is "$(get 1 kelurahan)" "Lok Tuan" "with its options"
run aduan list -q
is "$(cat out)" 1 "aduan list runs aduan-list"

run aduan config
like out '^sla.normal	5$' "config lists settings with defaults"
run aduan config sla.normal 3
is "$rc" 0 "config KEY VALUE"
is "$(aduan config sla.normal)" 3 "config KEY shows it"
aduan config >config
like config '^sla.normal	3$' "stored: the list of settings shows it"
run aduan config --unset sla.normal
is "$(aduan config sla.normal)" 5 "--unset returns to the default"

run aduan agency add KOMINFO "Dinas Komunikasi dan Informatika" --sla 4
is "$rc" 0 "agency add"
is "$(aduan agency list | awk -F '\t' '$1 == "KOMINFO" { print $2 "|" $3 }')" "Dinas Komunikasi dan Informatika|4" "stored"
run aduan agency list
like out '^KOMINFO	Dinas Komunikasi dan Informatika	4		' "agency list shows it"
aduan rule add 'internet mati' KOMINFO >/dev/null 2>&1
run aduan agency rm KOMINFO
is "$rc" 65 "an agency with routing rules is not removed"
like err 'agency KOMINFO is named by 1 routing rule' "and the message says why"
aduan rule rm "$(aduan rule list | awk -F'\t' '$4 == "KOMINFO" {print $1}')" >/dev/null 2>&1
run aduan agency rm KOMINFO
is "$rc" 0 "agency rm"
is "$(aduan agency list | cut -f 1 | grep -cx KOMINFO)" 0 "removed"
run aduan agency rm KOMINFO
is "$rc" 1 "removing a missing agency exits 1"
aduan-route --to PUPR 1 >/dev/null 2>&1
run aduan agency rm PUPR
is "$rc" 65 "an agency in use is not removed"
like err 'agency PUPR has 1 complaint' "and says why"

run aduan kelurahan add "Belimbing" --code 64.74.02.1001 --alias "Blimbing, Belimbeng"
is "$rc" 0 "kelurahan add with aliases"
run aduan-add -k blimbing "Tes alias baru"
is "$(get "$(cat out)" kelurahan)" Belimbing "the new alias is used by intake"
run aduan kelurahan list
like out '^Belimbing	64.74.02.1001	' "kelurahan list shows it"
is "$(aduan undo --list | cut -f 6 | grep -c '^aduan kelurahan add Belimbing')" 1 "admin changes are recorded as invocations"
done_testing
