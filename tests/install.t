#!/bin/sh
# install: 'make install PREFIX=/usr DESTDIR=…' puts every program, manual
# page, data file, message catalog and completion file in place with sane
# modes, nothing else; the installed programs run and find their data;
# 'make uninstall' with the same variables leaves no file behind.
. "${0%/*}/lib.sh"

B=$ADUAN_BUILD
S=$T/stage
unset MAKEFLAGS MFLAGS MAKELEVEL
mk() {	# mk TARGET: make TARGET in the build for the staging folder
	make -C "$B" -s "$1" PREFIX=/usr DESTDIR="$S" >"$T/out" 2>"$T/err"
	rc=$?
}

# The build must be complete: install depends on all, and this test must
# not build anything in it.
if ! make -C "$B" -q all >/dev/null 2>&1; then
	echo "1..0 # SKIP the build is not up to date (run make first)"
	exit 0
fi
if [ ! -d "$B/completion" ]; then
	echo "1..0 # SKIP no completion/ in this build tree: it is not the whole source"
	exit 0
fi

mk install
is "$rc" 0 "make install PREFIX=/usr DESTDIR=stage"
[ ! -s "$T/err" ]
ok $? "quietly"
[ "$rc" -eq 0 ] || { sed 's/^/#   /' "$T/err"; echo "Bail out! make install failed"; exit 1; }

# What must be there, and with which mode, from the build tree itself.
progs=$(cd "$B/cmd" && ls aduan*.c | sed 's/\.c$//')
: >"$T/want"
for p in $progs; do
	echo "usr/bin/$p 755"
	if [ "$p" = aduan ]; then
		echo "usr/share/bash-completion/completions/aduan 644"
	else
		echo "usr/share/bash-completion/completions/$p"	# a link
	fi
done >>"$T/want"
for f in "$B"/man/*.1; do echo "usr/share/man/man1/${f##*/} 644"; done >>"$T/want"
for f in "$B"/man/*.5; do echo "usr/share/man/man5/${f##*/} 644"; done >>"$T/want"
for f in "$B"/man/*.7; do echo "usr/share/man/man7/${f##*/} 644"; done >>"$T/want"
for f in "$B"/data/*.tsv "$B"/data/*.csv; do echo "usr/share/aduan/${f##*/} 644"; done >>"$T/want"
for f in "$B"/data/templates/*.txt; do echo "usr/share/aduan/templates/${f##*/} 644"; done >>"$T/want"
for f in "$B"/locale/*/LC_MESSAGES/aduan.mo; do
	[ -f "$f" ] && echo "usr/share/locale/${f#"$B"/locale/} 644"
done >>"$T/want"
echo "usr/share/zsh/site-functions/_aduan 644" >>"$T/want"

mode() {	# mode FILE: its permission bits in octal, from ls
	ls -ln "$1" | awk '{
		m = 0; s = substr($1, 2, 9)
		for (i = 1; i <= 9; i++) { m *= 2; if (substr(s, i, 1) != "-") m++ }
		printf "%o\n", m }'
}

# Everything installed is wanted and everything wanted is installed.
(cd "$S" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort) >"$T/got"
cut -d' ' -f1 "$T/want" | sort >"$T/want.names"
if cmp -s "$T/want.names" "$T/got"; then
	ok 0 "exactly the expected $(wc -l <"$T/got" | tr -d ' ') files are installed"
else
	ok 1 "exactly the expected files are installed"
	diff "$T/want.names" "$T/got" | sed 's/^/#   /'
fi

bad=
while read -r f m; do
	[ -n "$m" ] || continue
	[ -f "$S/$f" ] && [ ! -L "$S/$f" ] || { bad="$bad $f(missing)"; continue; }
	got=$(mode "$S/$f")
	[ "$got" = "$m" ] || bad="$bad $f($got)"
done <"$T/want"
is "$bad" "" "programs are 755, everything else 644"

bad=
for p in $progs; do
	cmp -s "$S/usr/bin/$p" "$B/$p" || bad="$bad $p"
done
is "$bad" "" "the programs are those of the build"
bad=
for f in "$B"/man/*.1 "$B"/man/*.5 "$B"/man/*.7 "$B"/data/*.tsv "$B"/data/*.csv \
    "$B"/data/templates/*.txt; do
	case $f in
	*.1) d=man/man1 ;; *.5) d=man/man5 ;; *.7) d=man/man7 ;; *.txt) d=aduan/templates ;; *) d=aduan ;;
	esac
	cmp -s "$f" "$S/usr/share/$d/${f##*/}" || bad="$bad ${f##*/}"
done
is "$bad" "" "manual pages and data files are those of the source"

bad=
for p in $progs; do
	c=$S/usr/share/bash-completion/completions/$p
	cmp -s "$c" "$B/completion/aduan.bash" || bad="$bad $p"
	if [ "$p" != aduan ]; then
		[ -L "$c" ] && [ "$(ls -l "$c" | sed 's/.* -> //')" = aduan ] || bad="$bad $p(not a link to aduan)"
	fi
done
is "$bad" "" "the bash completion is installed under every program's name"
cmp -s "$S/usr/share/zsh/site-functions/_aduan" "$B/completion/_aduan"
ok $? "the zsh completion is installed"

# The installed programs run.
run "$S/usr/bin/aduan" --version
is "$rc" 0 "the installed aduan runs"
run "$S/usr/bin/aduan-list" --help
like "$T/out" '^usage: aduan-list' "the installed aduan-list runs"

# Finding the data: aduan looks in $ADUAN_DATADIR, else in data/ beside the
# program (the build tree), else in the DATADIR it was compiled with.  The
# staged program has no data/ beside it, so without ADUAN_DATADIR it must
# name a fixed folder; once installed for real that is /usr/share/aduan
# only when it was built with PREFIX=/usr, as debian/rules does.
ADUAN_DATADIR=
run "$S/usr/bin/aduan" init --preset no-such-preset
is "$rc" 2 "an unknown preset is a usage error"
dir=$(sed -n 's/.*no preset "no-such-preset" in \(.*\)$/\1/p' "$T/err")
case $dir in
/*/share/aduan) ok 0 "without ADUAN_DATADIR it looks in its compiled DATADIR ($dir)" ;;
*) ok 1 "without ADUAN_DATADIR it looks in its compiled DATADIR"; sed 's/^/#   /' "$T/err" ;;
esac
case $dir in
"$T"*|*stage*) ok 1 "not in the staging folder ($dir)" ;;
*) ok 0 "not in the staging folder" ;;
esac
if [ "$dir" = /usr/share/aduan ]; then
	ok 0 "built with PREFIX=/usr: the staged data is where it will look"
else
	skip "built for $dir, not /usr/share/aduan: build and install with the same PREFIX"
fi
# With ADUAN_DATADIR on the staged data, the installed data set is complete.
ADUAN_DATADIR=$S/usr/share/aduan
run "$S/usr/bin/aduan" init --preset bontang-utara
is "$rc" 0 "the staged aduan loads the preset from the staged data"
like "$T/err" 'kelurahan: 6 added' "six kelurahan"
is "$("$S/usr/bin/aduan" agency list | sed 1d | wc -l)" \
	"$(grep -vc '^\(#\|code\|$\)' "$B/data/bontang-utara.agency.tsv")" "every agency of the data file"
run "$S/usr/bin/aduan-add" -k "Lok Tuan" "Jalan berlubang di depan SD 004"
is "$(cat "$T/out")" 1 "the staged aduan-add records a complaint"
run "$S/usr/bin/aduan-list" -q --kelurahan loktuan
is "$(cat "$T/out")" 1 "and the staged aduan-list finds it"

# Again, over itself (an upgrade).
mk install
is "$rc" 0 "make install again over an installed copy"
(cd "$S" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort) >"$T/got2"
cmp -s "$T/got" "$T/got2"
ok $? "installs the same files"

mk uninstall
is "$rc" 0 "make uninstall PREFIX=/usr DESTDIR=stage"
is "$(cd "$S" && find . ! -type d)" "" "leaves no file behind"
for d in usr/share/aduan usr/share/bash-completion usr/share/zsh; do
	[ ! -e "$S/$d" ]
	ok $? "removes $d"
done
echo "# folders left (those of the prefix):" $(cd "$S" && find . -type d | sort)
mk uninstall
is "$rc" 0 "make uninstall again is harmless"

done_testing
