# aduan - complaint handling for a kecamatan, from the shell.

PREFIX   = /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/aduan
MANDIR   = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
DESTDIR  =

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wno-unused-parameter
SQLITE_CFLAGS != pkg-config --cflags sqlite3 2>/dev/null || true
SQLITE_LIBS   != pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3
CSV_LIBS = -lcsv
# spreadsheets: .xlsx read with libzip and expat, written with libxlsxwriter
SHEET_CFLAGS != pkg-config --cflags libzip expat xlsxwriter 2>/dev/null || true
SHEET_LIBS   != pkg-config --libs libzip expat xlsxwriter 2>/dev/null || echo -lzip -lexpat -lxlsxwriter -lz
ALL_CFLAGS = $(CFLAGS) $(WARN) -std=c11 -D_GNU_SOURCE -pthread -Ilib $(SQLITE_CFLAGS) $(SHEET_CFLAGS) \
	-DADUAN_DATADIR='"$(DATADIR)"' -DADUAN_LOCALEDIR='"$(LOCALEDIR)"'
STEMMER_LIBS = -lstemmer
LIBS     = $(SQLITE_LIBS) $(CSV_LIBS) $(STEMMER_LIBS) $(SHEET_LIBS) -lm

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:.c=.o)
CMD_SRC  = $(wildcard cmd/aduan*.c)
PROGS    = $(CMD_SRC:cmd/%.c=%)
UNIT_SRC = $(wildcard tests/unit/t-*.c)
UNITS    = $(UNIT_SRC:.c=)
MAN1     = $(wildcard man/*.1)
MAN5     = $(wildcard man/*.5)
MAN7     = $(wildcard man/*.7)
DATA     = $(wildcard data/*.tsv data/*.csv)
TEMPLATES = $(wildcard data/templates/*.txt)

PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=locale/%/LC_MESSAGES/aduan.mo)

all: $(PROGS) $(MO)

# Message catalogs: po/aduan.pot from the sources ('make pot'), each
# po/LANG.po compiled beside the programs so that the build tree speaks it.
XGETTEXT_FLAGS = --from-code=UTF-8 --add-comments=TRANSLATORS: --no-wrap \
	-k_ -kN_ -kC_:1c,2 -kdngettext:2,3 -kaduan_fail:2 -kcli_die:2 -kcli_warn:1 -kcli_usage_error:2 \
	--flag=aduan_fail:2:c-format --flag=cli_die:2:c-format --flag=cli_warn:1:c-format \
	--flag=cli_usage_error:2:c-format --package-name=aduan --package-version=0.1.0

pot: po/aduan.pot
po/aduan.pot: $(LIB_SRC) $(CMD_SRC) cmd/cli.c
	mkdir -p po
	xgettext $(XGETTEXT_FLAGS) -o $@ $(sort $(LIB_SRC) $(CMD_SRC) cmd/cli.c)

locale/%/LC_MESSAGES/aduan.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

lib/%.o: lib/%.c lib/aduan.h $(wildcard lib/*.h)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

libaduan.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

cmd/cli.o: cmd/cli.c cmd/cli.h $(wildcard lib/*.h)
	$(CC) $(ALL_CFLAGS) -c -o $@ cmd/cli.c

$(PROGS): %: cmd/%.c cmd/cli.o libaduan.a cmd/cli.h $(wildcard lib/*.h)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ cmd/$@.c cmd/cli.o libaduan.a $(LIBS)

$(UNITS): %: %.c libaduan.a tests/unit/tap.h $(wildcard lib/*.h)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< libaduan.a $(LIBS)

check: deps all $(UNITS)
	ADUAN_BUILD=$(CURDIR) prove $(PROVEFLAGS) $(UNITS) tests/*.t

# The main job on the embedded default: a fresh database in demo/ with
# the Bontang Utara preset and the sample complaints, listed and summed up.
demo: deps all
	rm -rf demo && mkdir -m 700 demo
	ADUAN_DB=demo/aduan.db ADUAN_DATADIR=data ./aduan init --preset bontang-utara
	ADUAN_DB=demo/aduan.db ./aduan-add -q --from csv data/sample-complaints.csv >/dev/null
	ADUAN_DB=demo/aduan.db COLUMNS=$${COLUMNS:-110} ./aduan-list --format table
	@echo
	@echo "Summary per kelurahan, 18 to 29 November 2024 (CSV, as the weekly cron job writes it):"
	@ADUAN_DB=demo/aduan.db ./aduan-export --summary --by kelurahan --since 2024-11-18 --until 2024-11-29
	@echo
	@echo "The database is demo/aduan.db; try: ADUAN_DB=demo/aduan.db ./aduan-list -l 1"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# built in its own folder so that it never mixes with the normal build
# (sources only: objects of the normal build would be linked uninstrumented).
# The crash test imports a quarter of its usual size there: each import is
# about four times slower, and its kills are timed to the import.
check-asan:
	rm -rf build-asan && mkdir -p build-asan
	tar cf - --exclude='*.o' --exclude='*.a' \
	    --exclude=bench/out Makefile cmd lib tests data man po completion bench examples | (cd build-asan && tar xf -)
	ADUAN_CRASH_N=5000 $(MAKE) -C build-asan check \
	    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	    LDFLAGS='-fsanitize=address,undefined'

# The tests of the WhatsApp parser and intake, the parts with a second
# thread, under ThreadSanitizer, built in its own folder as above.
TSAN_TESTS = tests/unit/t-whatsapp tests/unit/t-intake-place tests/whatsapp.t \
	tests/intake-order.t tests/messages.t tests/wa-attachments.t
check-tsan: deps
	rm -rf build-tsan && mkdir -p build-tsan
	tar cf - --exclude='*.o' --exclude='*.a' \
	    --exclude=bench/out Makefile cmd lib tests data man po completion bench examples | (cd build-tsan && tar xf -)
	$(MAKE) -C build-tsan all tests/unit/t-whatsapp tests/unit/t-intake-place \
	    CFLAGS='-O1 -g -fsanitize=thread' LDFLAGS='-fsanitize=thread'
	cd build-tsan && TSAN_OPTIONS='halt_on_error=1 exitcode=66' ADUAN_BUILD=$$PWD \
	    prove $(PROVEFLAGS) $(TSAN_TESTS)

# Fuzzing (clang's libFuzzer with ASan/UBSan): 'make fuzz' runs each target
# for FUZZ_TIME seconds from the seed corpus in fuzz/corpus/; new inputs go
# to fuzz/work/ and findings to fuzz/findings/.  'make fuzz-smoke' is the
# short run CI does.
FUZZ_TARGETS = csv tsv jsonl json args whatsapp xlsx
FUZZ_TIME = 600
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_BINS = $(FUZZ_TARGETS:%=fuzz/bin/fuzz-%)
FUZZ_DEPS_PKGS = clang libclang-rt-dev

FUZZ_OBJ = $(LIB_SRC:lib/%.c=fuzz/bin/%.o)

fuzz/bin/%.o: lib/%.c $(wildcard lib/*.h)
	@mkdir -p fuzz/bin
	$(FUZZ_CC) $(FUZZ_CFLAGS:fuzzer,%=fuzzer-no-link,%) -std=c11 -D_GNU_SOURCE -Ilib \
	    $(SQLITE_CFLAGS) $(SHEET_CFLAGS) -DADUAN_DATADIR='"$(DATADIR)"' -DADUAN_LOCALEDIR='"$(LOCALEDIR)"' \
	    -c -o $@ $<

fuzz/bin/libaduan.a: $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_OBJ)

fuzz/bin/fuzz-%: fuzz/fuzz-%.c fuzz/fuzz-reader.h fuzz/bin/libaduan.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -std=c11 -D_GNU_SOURCE -Ilib $(SQLITE_CFLAGS) \
	    -o $@ $< fuzz/bin/libaduan.a $(LIBS)

fuzz: deps-fuzz $(FUZZ_BINS)
	for t in $(FUZZ_TARGETS); do \
	    mkdir -p fuzz/work/$$t fuzz/findings/$$t && \
	    fuzz/bin/fuzz-$$t -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	        -artifact_prefix=fuzz/findings/$$t/ fuzz/work/$$t fuzz/corpus/$$t || exit 1; \
	done

fuzz-smoke:
	$(MAKE) fuzz FUZZ_TIME=15

deps-fuzz:
	@sh tests/deps.sh $(FUZZ_DEPS_PKGS)

# The suite with every program run under valgrind (memcheck): no error,
# no definite leak.  The C unit tests run under it too.  The concurrency
# and crash tests time thousands of runs against each other, which
# valgrind's slowness turns into a different test: they run under ASan.
VALGRIND_TESTS = $(filter-out tests/concurrency.t tests/crash.t,$(wildcard tests/*.t))
check-valgrind: all $(UNITS)
	for u in $(UNITS); do \
	    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	        $$u >/dev/null || { echo "valgrind: $$u failed"; exit 1; }; \
	done
	ADUAN_BUILD=$(CURDIR) ADUAN_VALGRIND=1 prove $(PROVEFLAGS) $(VALGRIND_TESTS)

# Pages as a real browser shows and prints them: every tests/browser/*.t
# runs headless Chromium on what aduan writes (PDF pages, screenshots).
# Not part of 'make check': Chromium is big.  BROWSER_OUT=DIR keeps the
# PDFs and screenshots there.
BROWSER_DEPS_PKGS = chromium python3
check-browser: deps-browser all
	ADUAN_BUILD=$(CURDIR) prove $(PROVEFLAGS) tests/browser/*.t

deps-browser:
	@sh tests/deps.sh $(BROWSER_DEPS_PKGS)

# Workbooks that LibreOffice writes, read back.  Not part of 'make check':
# LibreOffice is big.
OFFICE_DEPS_PKGS = libreoffice-calc-nogui
check-office: all
	@sh tests/deps.sh $(OFFICE_DEPS_PKGS)
	ADUAN_BUILD=$(CURDIR) prove $(PROVEFLAGS) tests/office.sh

lint-man:
	mandoc -T lint -W warning $(MAN1) $(MAN5) $(MAN7)

# Install what the build and the tests need (Debian and Ubuntu).
DEPS_PKGS = build-essential pkg-config libsqlite3-dev libcsv-dev libstemmer-dev sqlite3 mandoc perl gettext \
	libzip-dev libexpat1-dev libxlsxwriter-dev libxml2-utils zip unzip python3
deps:
	@sh tests/deps.sh $(DEPS_PKGS)

deps-check:
	@sh tests/deps.sh --check $(DEPS_PKGS)

# Shell completion: bash-completion loads completions/NAME the first time
# NAME is completed, so each program's name is a link to the one file;
# zsh finds _aduan in its fpath (Debian's zsh: share/zsh/vendor-completions).
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)/
	install -m 644 $(DATA) $(DESTDIR)$(DATADIR)/
	mkdir -p $(DESTDIR)$(DATADIR)/templates
	install -m 644 $(TEMPLATES) $(DESTDIR)$(DATADIR)/templates/
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	install -m 644 completion/aduan.bash $(DESTDIR)$(BASHCOMPDIR)/aduan
	for p in $(PROGS); do \
	    [ $$p = aduan ] || ln -sf aduan $(DESTDIR)$(BASHCOMPDIR)/$$p || exit 1; \
	done
	install -m 644 completion/_aduan $(DESTDIR)$(ZSHCOMPDIR)/_aduan
	for m in $(MO); do \
	    l=$${m#locale/}; mkdir -p $(DESTDIR)$(LOCALEDIR)/$${l%/*} && \
	    install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l || exit 1; \
	done

# Removes what install put there, then the folders that only aduan's files
# were in, when they are left empty; bin, man1, man5 and man7 belong to PREFIX.
uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(BASHCOMPDIR)/$$p; done
	for f in $(DATA) $(TEMPLATES); do rm -f $(DESTDIR)$(DATADIR)/$${f#data/}; done
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	for f in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$${f#man/}; done
	for f in $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${f#man/}; done
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_aduan
	for m in $(MO); do rm -f $(DESTDIR)$(LOCALEDIR)/$${m#locale/}; done
	for d in $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(dir $(BASHCOMPDIR)) \
	    $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(dir $(ZSHCOMPDIR)) \
	    $(MO:locale/%/aduan.mo=$(DESTDIR)$(LOCALEDIR)/%) \
	    $(MO:locale/%/LC_MESSAGES/aduan.mo=$(DESTDIR)$(LOCALEDIR)/%); do \
	    [ ! -d $$d ] || rmdir $$d 2>/dev/null || :; \
	done

clean:
	rm -rf $(PROGS) $(UNITS) libaduan.a lib/*.o cmd/*.o build-asan build-tsan demo fuzz/bin locale

.PHONY: all pot demo check check-browser deps-browser check-office check-valgrind fuzz fuzz-smoke deps-fuzz check-asan check-tsan lint-man deps deps-check install uninstall clean
