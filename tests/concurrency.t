#!/bin/sh
# Concurrency: eight writers adding 500 complaints each while others
# route, close and run the weekly summary in a loop.  Nothing is lost,
# nobody fails with "database is locked", the database stays intact.
. "${0%/*}/lib.sh"
preset

writer() {	# writer N: 100 single adds and 40 batches of 10
	w=$1 i=0 fails=0
	while [ $i -lt 40 ]; do
		{
			echo 'source_key,body,kelurahan'
			j=0
			while [ $j -lt 10 ]; do
				echo "w$w-b$i-$j,Jalan rusak nomor $j dari penulis $w,Guntung"
				j=$((j + 1))
			done
		} >"$T/batch.$w"
		aduan-add -q --from csv "$T/batch.$w" >/dev/null 2>>"$T/err.w$w" || fails=$((fails + 1))
		i=$((i + 1))
	done
	i=0
	while [ $i -lt 100 ]; do
		aduan-add -q -k Api-Api "Sampah menumpuk laporan $i dari penulis $w" >/dev/null 2>>"$T/err.w$w" ||
			fails=$((fails + 1))
		i=$((i + 1))
	done
	echo "$fails" >"$T/fails.w$w"
}

loop() {	# loop NAME CMD: run CMD until the writers are done
	name=$1; shift
	runs=0 fails=0
	while [ ! -e "$T/done" ]; do
		sh -c "$*" >/dev/null 2>>"$T/err.$name"
		rc=$?
		[ $rc -gt 1 ] && fails=$((fails + 1))
		runs=$((runs + 1))
	done
	echo "$runs $fails" >"$T/fails.$name"
}

loop route 'aduan-list -q --status open | head -n 5 | aduan-route --to PUPR -' &
loop close 'aduan-list -q --status routed | head -n 3 | aduan-close -' &
if [ -x "$ADUAN_BUILD/aduan-export" ]; then
	loop export 'aduan-export --summary --by kelurahan' &
fi
pids=
for w in 1 2 3 4 5 6 7 8; do
	writer $w &
	pids="$pids $!"
done
wait $pids
touch "$T/done"
wait

is "$(count)" 4000 "8 writers x 500: exactly 4000 complaints"
is "$(cat "$T"/fails.w* | awk '{s += $1} END {print s}')" 0 "no writer failed"
# Integrity across 4000 histories at once, which only SQL sees in one look:
is "$(sql "select count(*) from event where action = 'create'")" 4000 "every complaint has its create event"
is "$(sql "select count(*) from complaint c where status <> 'open' and not exists
	(select 1 from event e where e.complaint = c.id and e.action = 'route')")" 0 \
	"every routed or closed complaint has its route event"
is "$(sql "select count(*) from complaint c where status = 'closed' and not exists
	(select 1 from event e where e.complaint = c.id and e.action = 'close')")" 0 \
	"every closed complaint has its close event"
is "$(sql "select count(*) from event e where not exists (select 1 from invocation i where i.id = e.invocation)")" 0 \
	"every event belongs to an invocation"
r=$(cut -d' ' -f1 "$T/fails.route"); c=$(cut -d' ' -f1 "$T/fails.close")
ok $([ "$r" -gt 0 ] && [ "$c" -gt 0 ] && echo 0 || echo 1) "routers and closers ran meanwhile ($r and $c runs)"
ok "$([ "$(count --status closed)" -gt 0 ] && echo 0 || echo 1)" "and changed complaints"
is "$(cat "$T"/fails.* | awk 'NF == 2 {s += $2} END {print s + 0}')" 0 "no router, closer or exporter failed"
cat "$T"/err.* >"$T/allerr" 2>/dev/null
unlike "$T/allerr" 'locked|busy' "nobody saw 'database is locked' or busy"
is "$(sql 'pragma integrity_check')" ok "integrity_check is ok"	# on disk: SQL

# Busy past the timeout: 75, with a message saying so
# a lock held past the timeout, which no program does: SQL
(echo 'BEGIN IMMEDIATE; DELETE FROM setting WHERE key = "none";'; sleep 2; echo 'COMMIT;') | sqlite3 "$ADUAN_DB" &
sleep 0.5
ADUAN_BUSY_TIMEOUT=100 aduan-route --to DLH 1 >/dev/null 2>"$T/busy"
is "$?" 75 "a writer busy past ADUAN_BUSY_TIMEOUT exits 75"
like "$T/busy" 'is busy \(another aduan program is writing\); try again later' "saying so"
wait
done_testing
