#!/bin/sh
# The cron and systemd examples (examples/) run as cron and systemd run
# them: with an environment of their own (env -i) and cron's PATH, against
# programs installed under /usr/local (here: under a DESTDIR).
. "${0%/*}/lib.sh"
EX="$ADUAN_BUILD/examples"
preset
aduan-add -q -k Guntung --at -7d "jalan rusak" >/dev/null 2>&1
inst="$T/inst"
make -s -C "$ADUAN_BUILD" install DESTDIR="$inst" PREFIX=/usr/local >/dev/null 2>&1
ok $? "installed under $inst/usr/local"

# The crontab line: its variable lines (PATH=, CRON_TZ=) and its command,
# with % written \% as cron wants; /usr/local stands for $inst/usr/local.
cron_path=$(sed -n 's/^PATH=//p' "$EX/aduan-laporan.cron")
ok $([ -n "$cron_path" ] && echo 0 || echo 1) "10.10 the crontab sets PATH (cron's own is /usr/bin:/bin)"
job=$(grep -E '^[0-9*]' "$EX/aduan-laporan.cron" | cut -d' ' -f6- | sed 's/\\%/%/g')
mkdir -p "$T/home/laporan"
run env -i HOME="$T/home" LOGNAME=tester SHELL=/bin/sh ADUAN_DB="$ADUAN_DB" \
	PATH="$(echo "${cron_path:-/usr/bin:/bin}" | sed "s|/usr/local|$inst/usr/local|g")" \
	/bin/sh -c "$job"
is "$rc" 0 "10.10 the cron job runs under env -i with the crontab's PATH"
want="$T/home/laporan/laporan-$(TZ=Asia/Makassar date -d '7 days ago' +%G-W%V).csv"
like "$want" 'Guntung,1,' "10.10 and writes last week's report"

# The systemd service: its Environment= lines and ExecStart, %% and $$
# unescaped, /var/lib/aduan and /usr/local under the test's folder.
unit="$EX/aduan-laporan.service"
exec_line=$(sed -n 's/^ExecStart=//p' "$unit" | sed 's/%%/%/g; s/\$\$/$/g' |
	sed "s|/var/lib/aduan|$T/var|g; s|/usr/local|$inst/usr/local|g")
envs=$(sed -n 's/^Environment=//p' "$unit" | grep -v '^ADUAN_DB=' |
	sed "s|/usr/local|$inst/usr/local|g")
mkdir -p "$T/var/laporan"
# shellcheck disable=SC2086
run env -i $envs ADUAN_DB="$ADUAN_DB" /bin/sh -c "$exec_line"
is "$rc" 0 "10.10 the systemd service runs under env -i with its Environment="
like "$T/var/laporan/laporan-$(TZ=Asia/Makassar date -d '7 days ago' +%G-W%V).csv" 'Guntung,1,' \
	"10.10 and writes last week's report"
done_testing
