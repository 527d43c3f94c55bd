# lib.sh - shared setup for the TAP tests in tests/*.t (POSIX sh).
#
# Each test script sources this file and gets: the programs of this build
# first in PATH, its own temporary folder (removed at exit) as $T and as
# the working folder, a fresh $ADUAN_DB inside it (made by aduan init), Asia/Makassar time,
# English messages, and TAP helpers.

ADUAN_BUILD=${ADUAN_BUILD:-$(cd "$(dirname "$0")/.." && pwd)}
PATH="$ADUAN_BUILD:$PATH"
T=$(mktemp -d "${TMPDIR:-/tmp}/aduan-test.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM
ADUAN_DB="$T/aduan.db"
ADUAN_DATADIR="$ADUAN_BUILD/data"
ADUAN_USER=tester
TZ=Asia/Makassar
LC_ALL=C.UTF-8
LANGUAGE=
HOME="$T/home"
export PATH ADUAN_DB ADUAN_DATADIR ADUAN_USER TZ LC_ALL LANGUAGE HOME
unset ADUAN_BUSY_TIMEOUT XDG_DATA_HOME COLUMNS
FIX="$ADUAN_BUILD/tests/fixtures"
# Under 'make check-asan' every sanitizer report lands here and fails the test.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$T/sanitizer"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:log_path=$T/sanitizer"
export ASAN_OPTIONS UBSAN_OPTIONS
# Under 'make check-valgrind' each program runs in valgrind; any report
# (an error or a definite leak) lands in $T/valgrind.* and fails the test.
if [ -n "${ADUAN_VALGRIND:-}" ]; then
	mkdir -p "$T/vg" "$T/vglog" && chmod 1777 "$T/vglog"	# cases run as another user log too
	for p in "$ADUAN_BUILD"/aduan "$ADUAN_BUILD"/aduan-*; do
		case $p in *.c|*.o) continue ;; esac
		[ -x "$p" ] || continue
		cat >"$T/vg/${p##*/}" <<VG
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \\
	--show-leak-kinds=definite --log-file="$T/vglog/valgrind.%p" "$p" "\$@"
VG
		chmod +x "$T/vg/${p##*/}"
	done
	PATH="$T/vg:$PATH"
fi
cd "$T" || exit 1
# Only 'aduan init' makes a database: every test starts with an empty one.
aduan init >/dev/null 2>&1 || { echo "Bail out! aduan init failed"; exit 1; }

tap_n=0
tap_fail=0

ok() {	# ok CONDITION-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_fail=$((tap_fail + 1))
	fi
}

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc
run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2" | sed '3,$s/^/#         /'
	fi
}

# like FILE REGEX DESCRIPTION: the file has a line matching the extended regex
like() {
	if grep -Eq -- "$2" "$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		echo "#   no line of $(basename "$1") matches: $2"
		sed 's/^/#   | /' "$1" | head -n 10
	fi
}

unlike() {
	if grep -Eq -- "$2" "$1"; then
		ok 1 "$3"
		grep -E -- "$2" "$1" | sed 's/^/#   | /' | head -n 5
	else
		ok 0 "$3"
	fi
}

# sql QUERY: one value from the test database.  Only for what no program
# shows: the schema's own tests and what is stored on disk; every other
# test reads state through the programs (get, events, count below).
sql() {
	sqlite3 "$ADUAN_DB" "$1"
}

# get ID FIELD,...: those fields of complaint ID as aduan-list prints them,
# '|' between them, TSV's escapes undone (nothing for a missing complaint).
get() {
	aduan-list --format tsv -f "$2" "$1" | tsv_plain
}

# getkey SOURCE_KEY FIELD,...: the same for the complaint with that source_key.
getkey() {
	aduan-list --format tsv -f source_key,"$2" |
		awk -F '\t' -v k="$1" '$1 == k { sub(/^[^\t]*\t/, ""); print }' | tsv_plain
}

tsv_plain() {	# TSV lines to '|'-joined plain text
	sed 's/\t/|/g; s/\\\\/\x01/g; s/\\n/\n/g; s/\\t/\t/g; s/\\r/\r/g; s/\x01/\\/g'
}

# events ID: the history of complaint ID as aduan-list -l shows it, one
# event a line without its time: "action  actor  old -> new  to AGENCY  "note"".
events() {
	aduan-list -l "$1" | sed -n '/^history:$/,$p' | sed '1d; s/^  [0-9-]* [0-9:]*  //'
}

# allevents: the history of every complaint, each line "ID<tab>" and the event as events prints it.
allevents() {
	for i in $(aduan-list -q); do events "$i" | sed "s/^/$i	/"; done
}

# count [ARG...]: how many complaints aduan-list ARG... finds ("error" when it fails).
count() {
	aduan-list -q "$@" >"$T/count.out" 2>"$T/count.err"
	case $? in
	0|1) wc -l <"$T/count.out" | tr -d ' ' ;;
	*) echo "error: $(head -n 1 "$T/count.err")" ;;
	esac
}

# import_rows: one import a row of stdin, fields separated by tabs ("-" for none):
#   FILE FORMAT CONTENT STATUS PATTERN WHAT
# writes CONTENT (printf %b: \n, \t, \0NNN) to FILE, runs aduan-add --from
# FORMAT FILE, and wants the exit STATUS and a line of stderr matching PATTERN.
import_rows() {
	while IFS='	' read -r f fmt content st pat what; do
		case $f in '' | '#'*) continue ;; esac
		[ "$content" = - ] && content=
		printf '%b' "$content" >"$f"
		run aduan-add --from "$fmt" "$f" </dev/null
		[ "$st" = - ] || is "$rc" "$st" "$what: exit $st"
		[ "$pat" = - ] || like "$T/err" "$pat" "$what: stderr says so"
	done
}

# preset: a database with the Bontang Utara reference data
preset() {
	aduan init --preset bontang-utara 2>/dev/null || { echo "Bail out! aduan init failed"; exit 1; }
}

skip() {	# skip REASON
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # skip $1"
}

done_testing() {
	for f in "$T"/vglog/valgrind.*; do
		[ -s "$f" ] || continue
		ok 1 "no valgrind reports"
		sed 's/^/#   /' "$f" | head -n 60
		break
	done
	if ls "$T"/sanitizer.* >/dev/null 2>&1; then
		ok 1 "no sanitizer reports"
		cat "$T"/sanitizer.* | sed 's/^/#   /' | head -n 60
	fi
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}
