#!/bin/sh
# Indonesian words on the way in: every word of the catalogue that the
# programs print for a status, resolution, priority, channel or field is
# taken back as input where such a value is asked for; and times in words.
. "${0%/*}/lib.sh"

PO="$ADUAN_BUILD/po/id.po"
# in_id CMD...: CMD as an Indonesian user runs it
in_id() {
	(
		unset LC_ALL LC_MESSAGES LANGUAGE ADUAN_LOCALEDIR
		LANG=id_ID.UTF-8
		export LANG
		"$@"
	)
}

# like_s TEXT REGEX DESCRIPTION: like, for a string
like_s() {
	printf '%s\n' "$1" >like_s.txt
	like like_s.txt "$2" "$3"
}

# The catalogue's data words: "CONTEXT<TAB>msgid<TAB>msgstr", one a line.
awk '
	/^msgctxt / { ctx = $0; sub(/^msgctxt "/, "", ctx); sub(/"$/, "", ctx); next }
	/^msgid / && ctx != "" { id = $0; sub(/^msgid "/, "", id); sub(/"$/, "", id); next }
	/^msgstr / && ctx != "" { s = $0; sub(/^msgstr "/, "", s); sub(/"$/, "", s)
		printf "%s\t%s\t%s\n", ctx, id, s; ctx = ""; next }
	/^$/ { ctx = "" }
' "$PO" >words.tsv
for c in status priority channel resolution field; do
	grep -q "^$c	" words.tsv
	ok $? "the catalogue has words for $c"
done

preset
aduan-add -c wa -k Guntung "Jalan rusak" >/dev/null 2>&1
aduan-add -c phone --priority urgent -k "Lok Tuan" "Banjir" >/dev/null 2>&1
aduan-route --to PUPR 2 >/dev/null 2>&1

# each word under LANG=C (a cron job) and under LANG=id_ID.UTF-8
for lang in C id; do
	if [ $lang = C ]; then pre=; else pre=in_id; fi
	while IFS='	' read -r ctx id word; do
		case $ctx in
		status)
			want=$(aduan-list -q --status "$id" | tr '\n' ' ')
			got=$($pre aduan-list -q --status "$word" 2>&1 | tr '\n' ' ')
			is "$got" "$want" "$lang: --status \"$word\" is --status $id" ;;
		priority)
			got=$($pre aduan-add --dry-run --format jsonl --priority "$word" x 2>&1)
			like_s "$got" "\"priority\":\"$id\"" "$lang: aduan-add --priority \"$word\" is $id"
			want=$(aduan-list -q --priority "$id" | tr '\n' ' ')
			got=$($pre aduan-list -q --priority "$word" 2>&1 | tr '\n' ' ')
			is "$got" "$want" "$lang: aduan-list --priority \"$word\"" ;;
		channel)
			got=$($pre aduan-add --dry-run --format jsonl -c "$word" x 2>&1)
			like_s "$got" "\"channel\":\"$id\"" "$lang: aduan-add -c \"$word\" is $id"
			$pre aduan-edit --dry-run --channel "$word" 1 >/dev/null 2>&1
			is "$?" 0 "$lang: aduan-edit --channel \"$word\" is taken" ;;
		resolution)
			n=$(aduan-add x 2>/dev/null)
			$pre aduan-close --resolution "$word" --duplicate-of 1 "$n" >/dev/null 2>&1 ||
				$pre aduan-close --resolution "$word" "$n" >/dev/null 2>&1
			is "$(aduan-list --format tsv -f resolution "$n")" "$id" \
				"$lang: aduan-close --resolution \"$word\" is $id" ;;
		field)
			[ $lang = id ] || continue
			[ "$id" = count ] && continue	# a column of --count-by, not a field
			want=$(aduan-list --format tsv -f "$id" 1 2)
			got=$($pre aduan-list --format tsv -f "id,$word" 1 2 2>&1 | cut -f 2-)
			is "$got" "$want" "$lang: -f \"$word\" is -f $id" ;;
		esac
	done <words.tsv
done

# common spellings beside the catalogue's own words
while read -r opt word want; do
	got=$(aduan-add --dry-run --format jsonl "$opt" "$word" x 2>&1)
	like_s "$got" "$want" "aduan-add $opt \"$word\""
done <<'ROWS'
-c telpon "channel":"phone"
-c telp "channel":"phone"
-c WA "channel":"whatsapp"
-c surel "channel":"email"
--priority darurat "priority":"urgent"
ROWS
run aduan-add --dry-run -c "datang langsung" --format jsonl x
like out '"channel":"walk-in"' "aduan-add -c \"datang langsung\""
n=$(aduan-add x 2>/dev/null)
aduan-close --resolution selesai "$n" >/dev/null 2>&1
is "$(aduan-list --format tsv -f resolution "$n")" resolved "--resolution selesai is resolved"
n=$(aduan-add x 2>/dev/null)
aduan-close --resolution ganda --duplicate-of 1 "$n" >/dev/null 2>&1
is "$(aduan-list --format tsv -f resolution,duplicate_of "$n")" "$(printf 'duplicate\t1')" \
	"--resolution ganda is duplicate"
run aduan-list --status ditunda
is "$rc" 2 "an unknown word is still a usage error"
like err 'unknown status "ditunda"' "naming it"

# times in words, both ways in
for w in "hari ini" kemarin "minggu ini" "minggu lalu" "bulan ini" "bulan lalu" sekarang -7d \
	27/11/2024 "27 Nov 2024" "27 November 2024 14.05" "17 Agustus 2024"; do
	run aduan-list -q --since "$w" --until "$w"
	case $rc in 0|1) ok 0 "--since/--until \"$w\"" ;; *) ok 1 "--since/--until \"$w\""; cat err ;; esac
done
n=$(aduan-add --at "27/11/2024 14.05" x 2>/dev/null)
is "$(aduan-list --format tsv -f received_at "$n")" "2024-11-27T06:05:00Z" "aduan-add --at \"27/11/2024 14.05\""
n=$(aduan-add --at "kemarin" x 2>/dev/null)
is "$(aduan-list -q --since kemarin --until kemarin "$n")" "$n" "aduan-add --at kemarin, found --since kemarin"
aduan-edit --received "27 Nov 2024" "$n" >/dev/null
is "$(aduan-list --format tsv -f received_at "$n")" "2024-11-26T16:00:00Z" "aduan-edit --received \"27 Nov 2024\""

done_testing
