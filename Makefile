# aduan - complaint handling for a kecamatan, from the shell.

PREFIX   = /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/aduan
MANDIR   = $(PREFIX)/share/man
DESTDIR  =

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wno-unused-parameter
SQLITE_CFLAGS != pkg-config --cflags sqlite3 2>/dev/null || true
SQLITE_LIBS   != pkg-config --libs sqlite3 2>/dev/null || echo -lsqlite3
CSV_LIBS = -lcsv
ALL_CFLAGS = $(CFLAGS) $(WARN) -std=c11 -D_GNU_SOURCE -Ilib $(SQLITE_CFLAGS) \
	-DADUAN_DATADIR='"$(DATADIR)"'
LIBS     = $(SQLITE_LIBS) $(CSV_LIBS) -lm

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:.c=.o)
CMD_SRC  = $(wildcard cmd/aduan*.c)
PROGS    = $(CMD_SRC:cmd/%.c=%)
UNIT_SRC = $(wildcard tests/unit/t-*.c)
UNITS    = $(UNIT_SRC:.c=)
MAN1     = $(wildcard man/*.1)
MAN7     = $(wildcard man/*.7)
DATA     = $(wildcard data/*.tsv data/*.csv)

all: $(PROGS)

lib/%.o: lib/%.c lib/aduan.h $(wildcard lib/*.h)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

libaduan.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

cmd/cli.o: cmd/cli.c cmd/cli.h lib/aduan.h lib/query.h
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
	@echo "Complaints per kelurahan:"
	@ADUAN_DB=demo/aduan.db ./aduan-list --format tsv -f kelurahan | sort | uniq -c
	@echo
	@echo "The database is demo/aduan.db; try: ADUAN_DB=demo/aduan.db ./aduan-list -l 1"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer,
# built in its own folder so that it never mixes with the normal build.
check-asan:
	rm -rf build-asan && mkdir -p build-asan
	tar cf - Makefile cmd lib tests data man | (cd build-asan && tar xf -)
	$(MAKE) -C build-asan check \
	    CFLAGS='-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
	    LDFLAGS='-fsanitize=address,undefined'

lint-man:
	mandoc -T lint -W warning $(MAN1) $(MAN7)

# Install what the build and the tests need (Debian and Ubuntu).
DEPS_PKGS = build-essential pkg-config libsqlite3-dev libcsv-dev sqlite3 mandoc perl gettext
deps:
	@sh tests/deps.sh $(DEPS_PKGS)

deps-check:
	@sh tests/deps.sh --check $(DEPS_PKGS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	cp $(PROGS) $(DESTDIR)$(BINDIR)/
	cp $(DATA) $(DESTDIR)$(DATADIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for f in $(DATA); do rm -f $(DESTDIR)$(DATADIR)/$${f#data/}; done
	-rmdir $(DESTDIR)$(DATADIR)
	for f in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	for f in $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/man7/$${f#man/}; done

clean:
	rm -rf $(PROGS) $(UNITS) libaduan.a lib/*.o cmd/*.o build-asan demo

.PHONY: all demo check check-asan lint-man deps deps-check install uninstall clean
