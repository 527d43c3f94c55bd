#!/bin/sh
# The shape of the source: no SQLite call in cmd/ (SQL lives in lib/), no
# function over 80 lines in lib/ and cmd/, no circle of calls among the
# files of lib/, and each file of lib/ on its rung of lib/README.md,
# calling only files on lower rungs.  tests/structure.py says how each
# is counted.  The
# offenders of an earlier day are listed in tests/structure-known, one a
# line; the test fails on an offender not listed there, and on a line
# there that is no longer an offender (delete it with the fix).
SRC=$(cd "${0%/*}/.." && pwd) || exit 1
. "${0%/*}/lib.sh"

if ! command -v python3 >/dev/null 2>&1 || ! command -v nm >/dev/null 2>&1; then
	skip "python3 and nm are needed"
	done_testing
	exit 0
fi

python3 "$SRC/tests/structure.py" "$SRC" "$ADUAN_BUILD" >now 2>details
ok $? "the structure of the source is read"
sed 's/^/# /' details

known="$SRC/tests/structure-known"
[ -f "$known" ] || : >known-none
[ -f "$known" ] || known=known-none
grep -v '^[[:space:]]*$' "$known" | LC_ALL=C sort >was
LC_ALL=C sort now >now.sorted

LC_ALL=C comm -23 now.sorted was >new
LC_ALL=C comm -13 now.sorted was >stale
[ ! -s new ]
ok $? "no new offender (sql, long function, circle of calls, rung of lib/README.md)"
sed 's/^/#   new: /' new
[ ! -s stale ]
ok $? "every line of tests/structure-known is still an offender (delete the fixed ones)"
sed 's/^/#   stale: /' stale
LC_ALL=C sort -u was | cmp -s - was
ok $? "tests/structure-known lists each offender once"

done_testing
