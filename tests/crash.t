#!/bin/sh
# Crashes: a large import killed with SIGKILL at random moments leaves an
# intact database holding none or all of that run's records; running the
# import again completes the set without duplicates.
. "${0%/*}/lib.sh"
# N records an import: enough that a kill lands mid-run.  The kill's moment
# is drawn from the time one import takes, so a slower build (the
# sanitizers') keeps the same odds with a smaller N.
N=${ADUAN_CRASH_N:-20000}
KILLS=${ADUAN_CRASH_KILLS:-15}	# per input format

awk -v n=$N 'BEGIN {
	print "source_key,received_at,kelurahan,body"
	for (i = 1; i <= n; i++)
		printf "crash-%d,2024-11-%02dT%02d:%02d,Guntung,\"Jalan rusak nomor %d, mohon diperbaiki\"\n",
		    i, 1 + i % 28, i % 24, i % 60, i
}' >big.csv
awk -v n=$N 'BEGIN {
	for (i = 1; i <= n; i++)
		printf "%02d/11/24 %02d.%02d - Warga %d: lapor sampah menumpuk nomor %d\n",
		    1 + int(i / 720) % 28, int(i / 60) % 12, i % 60, i, i
}' >"WhatsApp Chat with Crash.txt"

aduan init --preset bontang-utara 2>/dev/null
cp "$ADUAN_DB" fresh.db

random_ms() {	# a random number of milliseconds below $1
	echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1 ))
}

# import KIND: the command under test
import() {
	case $1 in
	csv) aduan-add -q --from csv big.csv ;;
	wa) aduan-add -q --from whatsapp --all --join 0 "WhatsApp Chat with Crash.txt" ;;
	esac
}

for kind in csv wa; do
	# the time of a whole import: the shorter of two, so that a moment
	# of load on the machine does not set the kills after the end
	ms=
	for try in 1 2; do
		rm -f "$ADUAN_DB" "$ADUAN_DB-wal" "$ADUAN_DB-shm"; cp fresh.db "$ADUAN_DB"
		start=$(date +%s%N)
		import $kind >/dev/null 2>&1
		t=$(( ($(date +%s%N) - start) / 1000000 ))
		[ -n "$ms" ] && [ "$ms" -le "$t" ] || ms=$t
	done
	full=$(count)
	is "$full" "$N" "$kind: a full import holds $N records (took ${ms} ms)"
	killed=0 none=0 all=0 bad=0
	i=0
	while [ $i -lt "$KILLS" ]; do
		rm -f "$ADUAN_DB" "$ADUAN_DB-wal" "$ADUAN_DB-shm"; cp fresh.db "$ADUAN_DB"
		# the program itself in the background, so that the kill reaches it
		case $kind in
		csv) aduan-add -q --from csv big.csv >/dev/null 2>&1 & ;;
		wa) aduan-add -q --from whatsapp --all --join 0 "WhatsApp Chat with Crash.txt" >/dev/null 2>&1 & ;;
		esac
		pid=$!
		delay=$(random_ms $((ms + ms / 5 + 1)))
		sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
		# a run that ended before its kill: the machine is faster now,
		# so the next kills come sooner
		kill -9 $pid 2>/dev/null && killed=$((killed + 1)) || ms=$((ms * 3 / 4))
		wait $pid 2>/dev/null
		kill -0 $pid 2>/dev/null && { echo "# aduan-add $pid outlived its kill"; bad=$((bad + 1)); }
		# what a kill leaves on disk (integrity, history, the index): SQL
		n=$(sql 'select count(*) from complaint')
		[ "$(sql 'pragma integrity_check')" = ok ] || bad=$((bad + 1))
		case $n in
		0) none=$((none + 1)) ;;
		$N) all=$((all + 1)) ;;
		*) bad=$((bad + 1)); echo "# $kind: $n records after a kill" ;;
		esac
		[ "$(sql "select count(*) from event where action = 'create'")" = "$n" ] || bad=$((bad + 1))
		import $kind >/dev/null 2>&1
		[ "$(sql 'select count(*) from complaint')" = $N ] || bad=$((bad + 1))
		[ "$(sql 'select count(distinct source_key) from complaint')" = $N ] || bad=$((bad + 1))
		[ "$(sql "select count(*) from complaint_fts where complaint_fts match 'nomor'")" = $N ] ||
			bad=$((bad + 1))
		i=$((i + 1))
	done
	echo "# $kind: $KILLS runs, $killed killed mid-run; afterwards $none held none, $all held all"
	is "$bad" 0 "$kind: after every kill the database is intact and holds none or all; a re-run completes it"
	ok $([ "$killed" -ge $((KILLS / 2)) ] && echo 0 || echo 1) "$kind: most runs were killed while working ($killed of $KILLS)"
	total=$((${total:-0} + killed))
done
ok $([ "$total" -ge 20 ] && echo 0 || echo 1) "at least 20 imports were killed mid-run ($total)"
done_testing
