/*
 * intake.c - WhatsApp chat exports to complaints (see intake.h).
 *
 * Messages stream from the parser.  Consecutive messages by one author
 * within the join window form a group; a group becomes one complaint
 * when it is a citizen's (not staff, not a system line) and passes the
 * intake filter (or --all), and --match when given.  A second thread
 * decides the groups while the main thread reads on (struct group; in a
 * dry run, while that thread is far behind, the main thread decides some
 * itself): only
 * the groups read ahead are held in memory, at most RING of them and
 * HELD_MAX bytes of their messages, and a group is capped, so that
 * memory stays bounded whatever the input.
 */
#include <ctype.h>
#include <pthread.h>
#include <regex.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "calendar.h"
#include "complaint.h"
#include "db.h"
#include "decide.h"
#include "intake.h"
#include "internal.h"
#include "lifecycle.h"
#include "phone.h"
#include "place.h"
#include "privacy.h"
#include "refdata.h"
#include "timeutil.h"
#include "util.h"
#include "whatsapp.h"

#define GROUP_MAX	64	/* messages joined into one complaint at most */
#define SAME_AT_MAX	64	/* identical messages in one minute told apart */
#define ARCHIVE_BATCH	32	/* messages written to the archive at once */
#define REPORTERS	1024	/* reporters whose open complaint is remembered */
#define GONE_BITS	65536	/* reporters forgotten by the cache, hashed */
#define AUTHORS		1024	/* pairs of authors remembered (a group has 1,024 members at most) */
#define RING		1024	/* groups read ahead of those finished */
#define WAKE		512	/* groups waiting before the deciding thread is woken */
#define LATER		768	/* groups behind at which it leaves places to the main thread */
#define EARLY		768	/* groups behind at which the main thread decides them itself */
#define HELD_MAX	(4 << 20)	/* bytes of messages read ahead at most */

enum decision { D_COMPLAINT, D_JOINED, D_STAFF, D_FILTERED, D_SYSTEM, D_PRESENT };
static const char *const decision_names[] = {
	"complaint", "joined", "staff", "filtered", "system", "present"
};
static const char *const kind_names[] = {"text", "media", "deleted", "location", "system"};

/* One message kept while its group is open.  Its strings are one after
 * another in x->kept, after the last message's, or (when the groups on
 * the way hold too much of it) in store, which the slot keeps from
 * message to message: keeping a message allocates nothing once the
 * import is under way (a million messages, each with five strings),
 * and its strings are on few lines, next to those the last message
 * wrote.  Three cache lines, the fields read together on one: a slot
 * was last used a thousand groups before, and each line it touches is
 * one the processor waits for. */
struct msg {
	/* what the deciding thread reads of it (decider_thread asks for it
	 * ahead), and what the next message of the group compares with
	 * (take_message) */
	_Alignas(64) const char *body;	/* as exported */
	const char *text;	/* the sender's words (caption for media): in body, or a copy */
	const char *attachment;	/* a file it names that came with it (or may have) */
	const char *author;
	size_t text_len;	/* (gather reads it with text) */
	unsigned long long author_hash;	/* struct author's hash of it: one name, one hash */
	time_t wall;		/* the wall-clock time read as UTC: for differences */
	unsigned char kind;	/* enum aduan_wa_kind */
	unsigned char has_location;	/* its latitude and longitude after the body (keep) */
	unsigned char passive;	/* staff or system (enum decision): shown in order, not part of the complaint */
	unsigned char nul;	/* a NUL byte in its body: its group is rejected */
	unsigned char plain;	/* text whose body is its own plain form (key_plain) */
	unsigned char hash_known;
	unsigned char nth;	/* "#nth" after the hash when above 0 (below SAME_AT_MAX) */
	unsigned char give;	/* its store or key holds more than msg_release keeps */
	/* what finishing it reads (finish_group), and the lengths */
	struct aduan_buf store;	/* len: the bytes of its strings, wherever they are */
	struct aduan_buf key;	/* len 0 until written (the bytes an older key's) */
	size_t body_len, author_len;
	/* what its key and complaint are made of, read only for those */
	long line;
	/* its key, "wa2:group|minute|author|hash", written when first asked
	 * for (msg_key): a dry run shows or looks up few of them; the hash
	 * too is taken then, unless hash_known */
	unsigned long long hash;
	const char *legacy;	/* the first round's key, or NULL */
	char at[20];
	char phone[17];		/* the author as a phone number ("": not one) */
};
_Static_assert(SAME_AT_MAX < 256, "a message's nth fits in a byte");

/* A slot's buffers larger than this are given back when it is done with
 * (the first two messages of a group; the further ones always): the ring
 * of groups keeps little whatever came through it. */
#define STORE_KEPT 1024

/* Bytes for the strings of the messages on the way, one message's after
 * the last one's (x->kept): a few times what a ring of groups holds
 * while the deciding thread keeps up; what does not fit goes to the
 * slot's own store. */
#define KEPT_BYTES (256 << 10)

struct same_time {
	char at[20];
	unsigned long long hash[SAME_AT_MAX];
	int n;
};

/*
 * The messages of one minute, for telling identical ones apart: each
 * one's author's hash, and the hash of its plain form.  That hash is
 * taken only once another message of the same author comes in the
 * minute (one in thirty); until then waiting[i] is the slot that keeps
 * the message (a text that is its own plain form, hashed from there),
 * and the hash is taken before the slot is given up (finish_group).
 */
struct same_minute {
	char at[20];
	int n;
	unsigned long long author[SAME_AT_MAX], hash[SAME_AT_MAX];
	struct msg *waiting[SAME_AT_MAX];
};

/* Where a complaint's place came from, for --messages. */
struct place {
	const char *kel, *kel_from;
	int kel_known;		/* kel is a name of the kelurahan table, as loaded */
	char rt[8];
	const char *rt_from;
};

/*
 * A group of messages: the citizen's run (and the staff and system lines
 * within it), or one staff or system line outside any (lone).  While the
 * main thread reads on, a second thread decides the groups read before
 * (decide_group: their words, the keywords, --match, the place); the
 * main thread then finishes them in order (finish_group: the database,
 * the complaint, the archive, --messages).  RING groups at most are on
 * the way, so memory stays bounded.
 *
 * What either thread reads or writes of every group is on its first
 * cache line; the rest only for some (a complaint's place, the texts of
 * several messages joined, attachments), and the reason, written only
 * where it is shown or archived, apart (x->why).
 */
struct group {
	_Alignas(64) struct msg *slot;	/* its first message; MSG(gr, i) the others */
	int n;
	int passive;		/* how many of them a staff's or the system's */
	size_t held;		/* the bytes its messages hold (room) */
	/* x->kept_head after its last message (whether or not that went
	 * there), which finish_group makes x->kept_tail */
	size_t kept_end;
	/* what it says, decided on: its one message's own text, read where
	 * it is, or body */
	const char *words;
	size_t words_len;
	unsigned char lone;
	unsigned char early;	/* decided by the main thread (flush), not the deciding one */
	/* the verdict (decide_group) */
	unsigned char wanted, followup;
	unsigned char place_later;	/* the place left to the main thread */
	unsigned char joined;	/* body holds texts joined (else it is not read) */
	unsigned char attached;	/* att holds its attachments (else it is not read) */
	unsigned char any_text, media;
	unsigned char nul;	/* a NUL byte in a text of it: rejected, never decided */
	/* what became of it (conclude) */
	unsigned char present, seen;
	struct place pl;	/* written when it is read */
	struct aduan_buf body, att;
	int64_t id;		/* the complaint it made or joined */
};
_Static_assert(offsetof(struct group, pl) <= 64, "what is read of every group is one line");

/* The messages of the groups on the way are kept with the first of each
 * group side by side, then the second of each, and so on (a group seldom
 * has more than two): memory the ring's unused slots take is never
 * touched. */
#define MSG(gr, i)	(&(gr)->slot[(size_t)(i) * RING])

struct intake {
	struct aduan_db *db;
	struct aduan_intake_opts *o;
	const char *group;
	size_t group_len;
	char **keywords;
	int nkeywords;
	size_t *kw_len;
	unsigned char kw_first[256];
	char kw_starts[2 * 256 + 1];	/* the bytes a keyword may start with, both cases */
	char **staff_names, **staff_phones;
	int nstaff_names, nstaff_phones;
	regex_t match;
	int has_match;
	long join_seconds;
	/* the groups on the way (struct group): cur is being read; of the
	 * groups read (queued), the thread has decided the first decided,
	 * and the first finished are done */
	struct group *ring, *cur;
	struct aduan_buf *why;	/* each group's reason (ring[i]'s why[i]) */
	struct msg *slots;	/* RING x GROUP_MAX (MSG), on cache lines' starts */
	void *slots_mem;	/* the memory they are in */
	size_t held;		/* the bytes the groups read and not finished hold */
	int deepest;		/* the most messages a group closed with: slots past it never held one */
	/* each counter written by one thread on a cache line of its own, and
	 * read by the other only when what it saw last is used up (seen) */
	_Alignas(64) atomic_ulong queued;	/* written by the main thread */
	_Alignas(64) atomic_ulong decided;	/* written by the deciding one */
	_Alignas(64) unsigned long finished;
	unsigned long decided_seen;	/* (the main thread's) */
	pthread_t thread;
	int threaded;
	/* sleeping: the thread (idle) for work, the main one for want groups
	 * decided (0: it does not); the counters are read without the lock */
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	atomic_int idle, stop;
	atomic_ulong want;
	/* the message's key while it is read: its parts, and the first round's */
	int key_nth;
	int key_plain;		/* its body is its own plain form, a text's */
	time_t key_wall;	/* wall() of it */
	/* what is known of the authors (a cache of pairs, the one used last
	 * first: a group's few hundred authors write again and again), each
	 * on a cache line of its own: the one asked for is one line read */
	struct author {
		_Alignas(64) unsigned long long hash;	/* word_hash of the author as keyed */
		unsigned char used;	/* 0: an empty slot */
		unsigned char len;
		unsigned char staff;	/* 0 not yet asked, 1 no, 2 yes */
		char name[36];	/* as exported */
		char phone[17];	/* normalised; "": no phone number */
	} authors[AUTHORS][2], long_author;	/* (one too long to keep) */
	struct author *author;	/* the message's */
	/* the strings of the messages on the way, in the order they came, so
	 * that the lines a message's strings are on are few and next to the
	 * last message's (keep): [kept_tail, kept_head), or once it wrapped
	 * round (kept_lap), [kept_tail, kept_top) and [0, kept_head) */
	char *kept;
	size_t kept_head, kept_tail, kept_top;
	int kept_lap;
	size_t key_alen;	/* the length of its author */
	struct aduan_buf legacy_key;
	struct aduan_buf plain;	/* a message's plain form, when it is not its body */
	/* telling identical messages of one minute apart */
	struct same_minute same;
	struct same_time same_legacy;
	int same_wait;		/* the message's place in same while it waits for its slot */
	int legacy;		/* the database holds first-round keys of this group */
	int none_present;	/* the database held no key of this group */
	int keys_unique;	/* no two messages read so far share a key */
	int (*fn)(struct aduan_complaint *, long, const char *, size_t, int64_t *, void *);
	void *arg;
	struct aduan_decider *decider;
	/* the main thread's own, for the groups it decides while the
	 * deciding thread is far behind (flush): made when first needed */
	struct aduan_decider *spare;
	int waited;		/* the main thread has waited for room in the ring */
	char *home[2];		/* the office's towns (settings office.city, office.parent) */
	int explain;		/* the reasons are shown (--messages) or archived */
	/* the reasons' words, looked up in the catalogue once */
	const char *why_deleted, *why_all, *why_keyword, *why_match, *why_nul;
	struct aduan_places *places;
	/* the group's place: its mapping or what its name says */
	char *group_kel;
	int group_kel_known;	/* read from the group's name, not its mapping */
	char group_rt[8];
	const char *group_from;
	int has_purged;		/* the archive holds purged messages */
	char latest[21];	/* the group's latest archived message ("": none) */
	char newest[21];	/* the latest message archived by this import */
	/* the zone's offset within one hour of the export, and over the
	 * span it holds for */
	time_t offset_hour, offset;
	int have_offset;
	struct aduan_hour_cache zone_hours;
	/* the day number of the last date asked for (messages come a day
	 * after another): its year, month and day in one, -1 none */
	long day_ymd, day;
	/* messages waiting for the archive; their strings in arena */
	struct pending {
		size_t key, author, body, why, attachment;	/* offsets; (size_t)-1: none */
		char at[21];
		const char *kind, *decision;
		int64_t complaint;
	} pend[ARCHIVE_BATCH];
	int npend;
	struct aduan_buf arena;
	sqlite3_stmt *batch;	/* ARCHIVE_BATCH rows at once */
	struct aduan_buf raw;	/* a group rendered again (render), kept between groups */
	struct aduan_complaint c;	/* a group's complaint; its strings kept */
	/* reporters' latest open complaints, known from the database or
	 * made by this import (a direct-mapped cache: memory stays bounded) */
	struct reporter {
		char key[48];	/* "p" phone or "n" name; "": an empty slot */
		int64_t id;
	} reporters[REPORTERS];
	int64_t start_max;	/* the largest complaint id before this import */
	/* reporters of complaints this import added that left the cache: a
	 * set of hashes, so that only they are looked for among those rows */
	unsigned char gone[GONE_BITS / 8];
};

void
aduan_intake_opts_init(struct aduan_intake_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->join = -1;
}

int
aduan_intake_date_order(const char *s)
{
	if (strcmp(s, "dmy") == 0)
		return AWA_DMY;
	if (strcmp(s, "mdy") == 0)
		return AWA_MDY;
	if (strcmp(s, "ymd") == 0)
		return AWA_YMD;
	return -1;
}

/* Split a comma-separated setting into trimmed, non-empty words. */
static int
split(const char *s, char ***out)
{
	char **v = NULL, *copy = aduan_xstrdup(s ? s : ""), *p, *e;
	int n = 0;

	for (p = copy; p != NULL; p = e ? e + 1 : NULL) {
		size_t len;

		if ((e = strchr(p, ',')) != NULL)
			*e = '\0';
		p += strspn(p, " \t");
		len = strlen(p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			p[--len] = '\0';
		if (len == 0)
			continue;
		v = aduan_xrealloc(v, sizeof(*v) * (size_t)(n + 1));
		v[n++] = aduan_xstrdup(p);
	}
	free(copy);
	*out = v;
	return n;
}

static void
free_words(char **v, int n)
{
	while (n-- > 0)
		free(v[n]);
	free(v);
}

static unsigned long long
fnv1a(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long long h = 0xcbf29ce484222325ULL;

	/* eight bytes a turn: the same steps, an eighth of the loop's own */
	for (; n >= 8; n -= 8, u += 8) {
		h = (h ^ u[0]) * 0x100000001b3ULL;
		h = (h ^ u[1]) * 0x100000001b3ULL;
		h = (h ^ u[2]) * 0x100000001b3ULL;
		h = (h ^ u[3]) * 0x100000001b3ULL;
		h = (h ^ u[4]) * 0x100000001b3ULL;
		h = (h ^ u[5]) * 0x100000001b3ULL;
		h = (h ^ u[6]) * 0x100000001b3ULL;
		h = (h ^ u[7]) * 0x100000001b3ULL;
	}
	while (n-- > 0)
		h = (h ^ *u++) * 0x100000001b3ULL;
	return h;
}

static int
word_byte(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    c >= 0x80;
}

/* Which bytes (lower case) start a keyword; and the same bytes in both
 * cases as a string, for strcspn. */
static void
keyword_index(struct intake *x)
{
	int i, c, n = 0;

	memset(x->kw_first, 0, sizeof(x->kw_first));
	for (i = 0; i < x->nkeywords; i++) {
		char *k = x->keywords[i];

		for (c = 0; k[c] != '\0'; c++)
			k[c] = (char)aduan_lower_ascii((unsigned char)k[c]);
		x->kw_len[i] = strlen(k);
		c = (unsigned char)k[0];
		x->kw_first[c] = 1;
	}
	for (c = 1; c < 256; c++)
		if (x->kw_first[aduan_lower_ascii(c)])
			x->kw_starts[n++] = (char)c;
	x->kw_starts[n] = '\0';
}

/* Where in s[p..n) the next byte is that begins some keyword (n: none). */
static size_t
keyword_start(const struct intake *x, const char *s, size_t p, size_t n)
{
	const char *q;

	if (x->kw_starts[0] == '\0' || x->kw_starts[1] != '\0')	/* none, or several */
		return p + strcspn(s + p, x->kw_starts);
	/* one byte, as "#aduan" begins: memchr, which reads twice as much
	 * at a step as strcspn */
	q = memchr(s + p, x->kw_starts[0], n - p);
	return q != NULL ? (size_t)(q - s) : n;
}

/*
 * Does s hold a keyword at the start of a word?  "rusak" is found in
 * "Jalan RUSAKnya parah" but not in "kerusakan"; "#aduan" as written.
 * One pass over s (a string of n bytes): only word starts whose first
 * byte begins some keyword are compared, ASCII letters folded;
 * keyword_start leaps to each such byte (the default keyword "#aduan" is
 * seldom written, and a byte-by-byte look was a fortieth of a dry run).
 */
static const char *
has_keyword(const struct intake *x, const char *s, size_t n)
{
	size_t p, j;
	int i;

	for (p = keyword_start(x, s, 0, n); p < n; p = keyword_start(x, s, p + 1, n)) {
		int c = aduan_lower_ascii((unsigned char)s[p]);

		if (p > 0 && word_byte((unsigned char)s[p - 1]))
			continue;
		for (i = 0; i < x->nkeywords; i++) {
			const char *k = x->keywords[i];

			if ((unsigned char)k[0] != c || x->kw_len[i] > n - p)
				continue;
			for (j = 1; j < x->kw_len[i] &&
			    aduan_lower_ascii((unsigned char)s[p + j]) == (unsigned char)k[j]; j++)
				;
			if (j == x->kw_len[i])
				return k;
		}
	}
	return NULL;
}

/* Could the author be a phone number?  (Saves a failing normalisation,
 * which formats an error message, for every name.) */
static int
looks_like_phone(const char *s)
{
	return *s == '+' || (*s >= '0' && *s <= '9');
}

/* Is the author one of the staff (setting intake.staff, whose names are
 * folded when read)?  Asked once an author. */
static int
is_staff(struct intake *x, struct author *a, const char *author)
{
	char *folded;
	int i, yes = 0;

	if (x->nstaff_names == 0 && x->nstaff_phones == 0)
		return 0;
	if (a->staff != 0)
		return a->staff == 2;
	if (a->phone[0] != '\0') {
		for (i = 0; i < x->nstaff_phones && !yes; i++)
			yes = strcmp(a->phone, x->staff_phones[i]) == 0;
	} else {
		folded = aduan_fold(author);
		for (i = 0; i < x->nstaff_names && !yes; i++)
			yes = strcmp(x->staff_names[i], folded) == 0;
		free(folded);
	}
	a->staff = yes ? 2 : 1;
	return yes;
}

/* What msg_release keeps of the buffers of slot m: those of a group's
 * first two messages, up to STORE_KEPT bytes. */
static size_t
slot_keeps(const struct intake *x, const struct msg *m)
{
	return (size_t)(m - x->slots) / RING < 2 ? STORE_KEPT : 0;
}

/* The slot m done with (keep fills it anew); its buffers kept for the
 * next message unless larger than slot_keeps (give says so, so that the
 * line they are on is not read for nothing). */
static void
msg_release(const struct intake *x, struct msg *m)
{
	if (!m->give)
		return;
	if (m->store.cap > slot_keeps(x, m))
		aduan_buf_release(&m->store);
	if (m->key.cap > slot_keeps(x, m))
		aduan_buf_release(&m->key);
	m->give = 0;
}

static inline void build_key(struct aduan_buf *b, const char *prefix, const struct intake *x,
    const char *at, size_t atlen, const char *author, size_t alen, unsigned long long h,
    int nth);

static unsigned long long key_fnv(struct intake *x, enum aduan_wa_kind kind,
    const char *body, size_t body_len, const char *text, size_t text_len);
static void same_settle(struct same_minute *st, int i);

/* The key of message m (see message_key), written the first time. */
static const char *
msg_key(struct intake *x, struct msg *m)
{
	const char *author = m->phone[0] != '\0' ? m->phone : m->author ? m->author : "";
	size_t alen = m->phone[0] != '\0' ? strlen(m->phone) : m->author_len;

	if (!m->hash_known) {
		/* a text that is its own plain form is hashed as it is */
		m->hash = m->plain ? fnv1a(m->body, m->body_len) :
		    key_fnv(x, m->kind, m->body, m->body_len, m->text, m->text_len);
		m->hash_known = 1;
	}
	if (m->key.len == 0) {
		build_key(&m->key, "wa2:", x, m->at, 16, author, alen, m->hash, m->nth);
		m->give |= m->key.cap > slot_keeps(x, m);
	}
	return m->key.s;
}

static void
json_or_null(struct aduan_buf *b, const char *s)
{
	if (s != NULL && *s != '\0')
		aduan_json_quote(b, s, strlen(s));
	else
		aduan_buf_adds(b, "null");
}

static void
print_message(struct intake *x, struct msg *m, enum decision d, const char *why,
    const struct place *pl)
{
	struct aduan_buf b = {0};

	if (x->o->messages_out == NULL)
		return;
	aduan_buf_adds(&b, "{\"at\":");
	aduan_json_quote(&b, m->at, strlen(m->at));
	aduan_buf_adds(&b, ",\"author\":");
	if (m->author != NULL)
		aduan_json_quote(&b, m->author, strlen(m->author));
	else
		aduan_buf_adds(&b, "null");
	aduan_buf_adds(&b, ",\"body\":");
	aduan_json_quote(&b, m->body, m->body_len);	/* a NUL as \u0000 */
	aduan_buf_printf(&b, ",\"kind\":\"%s\",\"source_key\":", kind_names[m->kind]);
	msg_key(x, m);
	aduan_json_quote(&b, m->key.s, m->key.len);
	aduan_buf_printf(&b, ",\"decision\":\"%s\",\"why\":", decision_names[d]);
	json_or_null(&b, why);
	if (pl != NULL) {
		aduan_buf_adds(&b, ",\"kelurahan\":");
		json_or_null(&b, pl->kel);
		aduan_buf_adds(&b, ",\"rt\":");
		json_or_null(&b, pl->rt);
		aduan_buf_adds(&b, ",\"place_from\":");
		if (pl->kel_from == NULL && pl->rt_from == NULL)
			aduan_buf_adds(&b, "null");
		else if (pl->kel_from == NULL || pl->rt_from == NULL ||
		    strcmp(pl->kel_from, pl->rt_from) == 0)
			json_or_null(&b, pl->kel_from ? pl->kel_from : pl->rt_from);
		else {
			struct aduan_buf from = {0};

			aduan_buf_printf(&from, "%s, %s", pl->kel_from, pl->rt_from);
			json_or_null(&b, from.s);
			aduan_buf_release(&from);
		}
	}
	aduan_buf_adds(&b, "}\n");
	fwrite(b.s, 1, b.len, x->o->messages_out);
	aduan_buf_release(&b);
}

/* The messages of a group, rendered again as an export (for --rejects). */
static void
render(const struct group *gr, struct aduan_buf *raw)
{
	int i;

	for (i = 0; i < gr->n; i++) {
		const struct msg *m = MSG(gr, i);

		if (m->passive)
			continue;
		/* "[dd/mm/yyyy hh.mm.ss] Author: body": a shape the parser reads,
		 * day first and with a four-digit year so that it is never ambiguous */
		aduan_buf_addc(raw, '[');
		aduan_buf_add(raw, m->at + 8, 2);
		aduan_buf_addc(raw, '/');
		aduan_buf_add(raw, m->at + 5, 2);
		aduan_buf_addc(raw, '/');
		aduan_buf_add(raw, m->at, 4);
		aduan_buf_addc(raw, ' ');
		aduan_buf_add(raw, m->at + 11, 2);
		aduan_buf_addc(raw, '.');
		aduan_buf_add(raw, m->at + 14, 2);
		if (m->at[16]) {
			aduan_buf_addc(raw, '.');
			aduan_buf_add(raw, m->at + 17, 2);
		}
		aduan_buf_adds(raw, "] ");
		aduan_buf_adds(raw, m->author);
		aduan_buf_adds(raw, ": ");
		aduan_buf_add(raw, m->body, m->body_len);	/* NUL bytes too */
		aduan_buf_addc(raw, '\n');
	}
}

static const char *const archive_decision[] = {
	"complaint", "joined", "staff", "filtered", "system", NULL
};

static time_t local_time(struct intake *x, const struct msg *m);

/* The stored time of message m. */
static const char *
utc(struct intake *x, const struct msg *m, char stamp[21])
{
	return aduan_time_utc(local_time(x, m), stamp);
}

static int archived(struct intake *x, struct msg *m, int *yes);

#define ARCHIVE_COLS "source_key, source, received_at, author, body, kind, decision, reason, " \
	"complaint, invocation, attachment"
#define ARCHIVE_ROW "(?,?,?,?,?,?,?,?,?,?,?)"
#define ARCHIVE_NCOLS 11

/* Write the messages waiting for the archive: ARCHIVE_BATCH rows in one
 * statement, the rest one by one (one statement per message would cost
 * more than the rows themselves). */
static int
archive_flush(struct intake *x)
{
	sqlite3_stmt *st;
	const char *a = x->arena.s;
	int i = 0, rc = 0, k, rows;

	while (rc == 0 && i < x->npend) {
		rows = x->npend - i >= ARCHIVE_BATCH ? ARCHIVE_BATCH : 1;
		if (rows == ARCHIVE_BATCH) {
			if (x->batch == NULL) {
				struct aduan_buf sql = {0};

				aduan_buf_adds(&sql, "INSERT INTO message(" ARCHIVE_COLS ") VALUES ");
				for (k = 0; k < ARCHIVE_BATCH; k++)
					aduan_buf_adds(&sql, k ? "," ARCHIVE_ROW : ARCHIVE_ROW);
				aduan_buf_adds(&sql, " ON CONFLICT(source_key) DO NOTHING");
				if (sqlite3_prepare_v3(aduan_db_sqlite(x->db), sql.s, -1,
				    SQLITE_PREPARE_PERSISTENT, &x->batch, NULL) != SQLITE_OK)
					x->batch = NULL;
				aduan_buf_release(&sql);
				if (x->batch == NULL)
					return aduan_db_fail(x->db, "keeping messages");
			}
			st = x->batch;
		} else if ((st = aduan_db_stmt(x->db, "INSERT INTO message(" ARCHIVE_COLS ") "
		    "VALUES " ARCHIVE_ROW " ON CONFLICT(source_key) DO NOTHING")) == NULL)
			return aduan_db_fail(x->db, "keeping a message");
		for (k = 0; k < rows; k++) {
			const struct pending *p = &x->pend[i + k];
			int c = k * ARCHIVE_NCOLS;

			sqlite3_bind_text(st, c + 1, a + p->key, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, c + 2, x->group, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, c + 3, p->at, -1, SQLITE_STATIC);
			if (p->author != (size_t)-1)
				sqlite3_bind_text(st, c + 4, a + p->author, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, c + 4);
			sqlite3_bind_text(st, c + 5, a + p->body, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, c + 6, p->kind, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, c + 7, p->decision, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, c + 8, a + p->why, -1, SQLITE_STATIC);
			if (p->complaint > 0)
				sqlite3_bind_int64(st, c + 9, p->complaint);
			else
				sqlite3_bind_null(st, c + 9);
			sqlite3_bind_int64(st, c + 10, aduan_db_invocation(x->db));
			if (p->attachment != (size_t)-1)
				sqlite3_bind_text(st, c + 11, a + p->attachment, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(st, c + 11);
		}
		rc = aduan_db_step(x->db, st, "keeping messages");
		if (st == x->batch)
			sqlite3_clear_bindings(st);
		i += rows;
	}
	x->npend = 0;
	aduan_buf_reset(&x->arena);
	return rc;
}

static size_t
stash(struct intake *x, const char *s)
{
	size_t at = x->arena.len;

	aduan_buf_add(&x->arena, s, strlen(s) + 1);
	return at;
}

/* Keep a message in the archive; one already there stays as it was. */
static int
archive(struct intake *x, struct msg *m, enum decision d, const char *why,
    int64_t complaint)
{
	struct pending *p;
	int seen, rc;

	if (x->o->dry_run || archive_decision[d] == NULL)
		return 0;
	/* a purged message is known only by the hash of its key */
	if (x->has_purged && ((rc = archived(x, m, &seen)) != 0 || seen))
		return rc;
	p = &x->pend[x->npend++];
	p->key = stash(x, msg_key(x, m));
	p->author = m->author != NULL ? stash(x, m->author) : (size_t)-1;
	p->body = stash(x, m->body);
	p->why = stash(x, why);
	p->attachment = m->attachment != NULL ? stash(x, m->attachment) : (size_t)-1;
	utc(x, m, p->at);
	if (strcmp(p->at, x->newest) > 0)
		memcpy(x->newest, p->at, sizeof(p->at));
	p->kind = kind_names[m->kind];
	p->decision = archive_decision[d];
	p->complaint = complaint;
	return x->npend == ARCHIVE_BATCH ? archive_flush(x) : 0;
}

/* Whether message m was archived by an earlier import. */
static int
archived(struct intake *x, struct msg *m, int *yes)
{
	sqlite3_stmt *st;
	const char *key;
	char *purged, *lpurged, stamp[21];
	int rc;

	*yes = 0;
	/* later than every message of the group in the archive: new */
	if (x->latest[0] == '\0' || strcmp(utc(x, m, stamp), x->latest) > 0)
		return 0;
	key = msg_key(x, m);
	/* a purged message is found by the hash of its key; one archived in
	 * the first round by its key of then */
	if ((st = aduan_db_stmt(x->db,
	    "SELECT 1 FROM message WHERE source_key IN (?1, ?2, ?3, ?4)")) == NULL)
		return aduan_db_fail(x->db, "looking up a message");
	purged = x->has_purged ? aduan_source_key_purged(key) : NULL;
	lpurged = x->has_purged && m->legacy != NULL ? aduan_source_key_purged(m->legacy) : NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, purged, -1, SQLITE_STATIC);	/* NULL: binds NULL */
	sqlite3_bind_text(st, 3, m->legacy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, lpurged, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	free(purged);
	free(lpurged);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		*yes = 1;
	else if (rc != SQLITE_DONE)
		return aduan_db_fail(x->db, "looking up a message");
	return 0;
}

/* What the archive holds of the group: whether purged messages (whose
 * keys are hashes), and the time of the latest message. */
static int
archive_state(struct intake *x)
{
	sqlite3_stmt *st;
	int rc;

	st = aduan_db_stmt(x->db, "SELECT EXISTS (SELECT 1 FROM message WHERE source_key >= "
	    "'purged:' AND source_key < 'purged;'), (SELECT latest FROM message_source "
	    "WHERE source = ?1)");
	if (st == NULL)
		return aduan_db_fail(x->db, "looking up the archive");
	sqlite3_bind_text(st, 1, x->group, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x->has_purged = sqlite3_column_int(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(x->latest, sizeof(x->latest), "%s", sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(x->db, "looking up the archive");
}

/* After the import: the group's latest archived message. */
static int
archive_done(struct intake *x)
{
	sqlite3_stmt *st;
	int rc;

	if (x->o->dry_run)
		return 0;
	if ((rc = archive_flush(x)) != 0 || x->newest[0] == '\0')
		return rc;
	st = aduan_db_stmt(x->db, "INSERT INTO message_source(source, latest) VALUES (?1, ?2) "
	    "ON CONFLICT(source) DO UPDATE SET latest = max(latest, excluded.latest)");
	if (st == NULL)
		return aduan_db_fail(x->db, "keeping the group's latest message");
	sqlite3_bind_text(st, 1, x->group, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, x->newest, -1, SQLITE_STATIC);
	return aduan_db_step(x->db, st, "keeping the group's latest message");
}

static const char *
passive_why(enum decision d)
{
	return d == D_STAFF ? _("staff (setting intake.staff)") : _("a line of WhatsApp's own");
}

/* The place of a complaint: options, then its text, then the group. */
static void
place_of(struct intake *x, const char *body, size_t len, struct place *pl)
{
	const char *kel;
	char rt[8];

	memset(pl, 0, sizeof(*pl));
	if (x->o->kelurahan != NULL) {
		pl->kel = x->o->kelurahan;
		pl->kel_from = "option";
	}
	if (x->o->rt != NULL) {
		snprintf(pl->rt, sizeof(pl->rt), "%s", x->o->rt);
		pl->rt_from = "option";
	}
	if (pl->kel == NULL || pl->rt[0] == '\0') {
		aduan_place_read(x->places, body, len, &kel, rt);
		if (pl->kel == NULL && kel != NULL) {
			pl->kel = kel;
			pl->kel_from = "text";
			pl->kel_known = 1;
		}
		if (pl->rt[0] == '\0' && rt[0] != '\0') {
			memcpy(pl->rt, rt, sizeof(rt));
			pl->rt_from = "text";
		}
	}
	/* the group's RT belongs to the group's kelurahan only */
	if (pl->kel == NULL && x->group_kel != NULL) {
		pl->kel = x->group_kel;
		pl->kel_from = x->group_from;
		pl->kel_known = x->group_kel_known;
	}
	if (pl->rt[0] == '\0' && x->group_rt[0] != '\0' &&
	    (x->group_kel == NULL || pl->kel == x->group_kel)) {
		memcpy(pl->rt, x->group_rt, sizeof(pl->rt));
		pl->rt_from = x->group_from;
	}
}

/* Does body (len bytes) carry an office keyword (setting intake.keywords)? */
static const char *
office_keyword(struct intake *x, const char *body, size_t len)
{
	return has_keyword(x, body, len);
}

/* The slot of the reporter phone (or, phone NULL, name) in the cache,
 * its key written into key; NULL when the key is too long to keep. */
static struct reporter *
reporter_slot(struct intake *x, const char *phone, const char *name, char key[48])
{
	const char *v = phone != NULL ? phone : name;
	size_t n = strlen(v);

	if (n + 2 > 48)
		return NULL;
	key[0] = phone != NULL ? 'p' : 'n';
	memcpy(key + 1, v, n + 1);
	return &x->reporters[fnv1a(key, n + 1) & (REPORTERS - 1)];
}

/* Keep id as the open complaint of the reporter key in slot r; a
 * reporter of this import's complaints that it pushes out is noted. */
static void
reporter_put(struct intake *x, struct reporter *r, const char key[48], int64_t id)
{
	if (r->key[0] != '\0' && strcmp(r->key, key) != 0 && r->id > x->start_max) {
		unsigned long long h = fnv1a(r->key, strlen(r->key)) & (GONE_BITS - 1);

		x->gone[h / 8] |= (unsigned char)(1u << (h % 8));
	}
	memcpy(r->key, key, 48);
	r->id = id;
}

/* Did the reporter key have a complaint of this import that the cache forgot? */
static int
reporter_gone(const struct intake *x, const char *key)
{
	unsigned long long h = fnv1a(key, strlen(key)) & (GONE_BITS - 1);

	return (x->gone[h / 8] >> (h % 8)) & 1;
}

/* A complaint this import added: the newest of its reporter's. */
static void
reporter_added(struct intake *x, const struct aduan_complaint *c, int64_t id)
{
	struct reporter *r;
	char key[48];
	int k;

	for (k = 0; k < 2; k++) {
		const char *v = c->v[k == 0 ? AF_REPORTER_PHONE : AF_REPORTER_NAME];

		if (v != NULL && (r = reporter_slot(x, k == 0 ? v : NULL, v, key)) != NULL)
			reporter_put(x, r, key, id);
	}
}

/* The reporter's latest complaint that is not closed (0: none): asked of
 * the database once a reporter, then remembered (the import holds the
 * database, and what it adds is open and newer).  What this import added
 * is in the cache, unless pushed out: the database is asked only about
 * the complaints before it, then. */
static int
open_complaint(struct intake *x, const struct aduan_complaint *c, int64_t *id)
{
	const char *phone = c->v[AF_REPORTER_PHONE], *name = c->v[AF_REPORTER_NAME];
	struct reporter *r = NULL;
	sqlite3_stmt *st;
	char key[48];
	int rc;

	*id = 0;
	if ((phone == NULL) != (name == NULL) &&
	    (r = reporter_slot(x, phone, name, key)) != NULL && strcmp(r->key, key) == 0) {
		*id = r->id;
		return 0;
	}
	st = aduan_db_stmt(x->db, "SELECT max(id) FROM complaint WHERE id <= ?3 AND "
	    "status <> 'closed' AND ((?1 IS NOT NULL AND reporter_phone = ?1) OR "
	    "(?2 IS NOT NULL AND reporter_name = ?2))");
	if (st == NULL)
		return aduan_db_fail(x->db, "looking up the reporter's complaints");
	sqlite3_bind_int64(st, 3, r != NULL && !reporter_gone(x, key) ? x->start_max : INT64_MAX);
	if (phone != NULL)
		sqlite3_bind_text(st, 1, phone, -1, SQLITE_STATIC);
	if (name != NULL)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return aduan_db_fail(x->db, "looking up the reporter's complaints");
	if (r != NULL)
		reporter_put(x, r, key, *id);
	return 0;
}

/* The sender's words of the group (or, photos alone, their placeholder
 * lines) and its attachments; decided on its words by d, into v. */
static void
gather(struct intake *x, struct aduan_decider *d, struct group *gr, struct aduan_verdict *v)
{
	const char *first = NULL;	/* the first text among its messages */
	size_t first_len = 0;
	int i;

	for (i = 0; i < gr->n; i++) {
		const struct msg *m = MSG(gr, i);

		if (m->passive)
			continue;
		gr->nul |= m->nul;
		if (m->kind == AWA_DELETED)
			continue;
		if (m->attachment != NULL || m->has_location || m->kind == AWA_MEDIA)
			gr->media = 1;
		if (*m->text != '\0') {
			if (first == NULL) {	/* alone, it is not copied (words) */
				first = m->text;
				first_len = m->text_len;
			} else {
				if (!gr->joined) {	/* (its bytes of before not read) */
					gr->body.len = 0;
					aduan_buf_add(&gr->body, first, first_len);
					gr->joined = 1;
				}
				aduan_buf_addc(&gr->body, '\n');
				aduan_buf_add(&gr->body, m->text, m->text_len);
			}
			gr->any_text = 1;
		}
		if (m->attachment != NULL) {
			if (!gr->attached) {
				gr->att.len = 0;
				gr->attached = 1;
			} else if (gr->att.len > 0)
				aduan_buf_adds(&gr->att, ", ");
			aduan_buf_adds(&gr->att, m->attachment);
		}
	}
	gr->words = gr->joined ? gr->body.s : first != NULL ? first : "";
	gr->words_len = gr->joined ? gr->body.len : first_len;
	/* the decision reads the sender's words only; --all takes every
	 * message whatever it would say, and a NUL byte is rejected (want)
	 * whatever the words before it would say */
	if (!x->o->all && !gr->nul)
		aduan_decide(d, gr->words, gr->words_len, gr->media, v);
	else
		v->take = v->followup = 0;
	if (!gr->any_text) {	/* photos alone: their placeholder lines say what came */
		gr->body.len = 0;
		for (i = 0; i < gr->n; i++)
			if (MSG(gr, i)->kind != AWA_DELETED && !MSG(gr, i)->passive) {
				if (gr->body.len > 0)
					aduan_buf_addc(&gr->body, '\n');
				aduan_buf_adds(&gr->body, MSG(gr, i)->body);
			}
		gr->joined = gr->body.len > 0;
		gr->words = gr->joined ? gr->body.s : "";
		gr->words_len = gr->body.len;
	}
}

/* Whether the group is taken, and why (into reason): --all, an office
 * keyword, the decision v; then --match. */
static void
want(struct intake *x, struct group *gr, const struct aduan_verdict *v,
    struct aduan_buf *reason)
{
	const char *kw;

	const char *why;

	if (gr->nul) {	/* handed on to be rejected (hand_on), its line named */
		gr->wanted = 1;
		why = x->why_nul;
	} else if (gr->words_len == 0)
		why = x->why_deleted;
	else if (x->o->all) {
		gr->wanted = 1;
		why = x->why_all;
	} else if (v->take && !x->explain) {
		gr->wanted = 1;	/* a keyword would only be the reason, not shown */
		why = NULL;
	} else if (gr->any_text && (kw = office_keyword(x, gr->words, gr->words_len)) != NULL) {
		gr->wanted = 1;
		why = NULL;
		if (x->explain)
			aduan_buf_printf(reason, x->why_keyword, kw);
	} else {
		gr->wanted = (unsigned char)v->take;
		why = v->why;
	}
	if (gr->wanted && !gr->nul && x->has_match && regexec(&x->match, gr->words, 0, NULL, 0) != 0) {
		gr->wanted = 0;
		aduan_buf_reset(reason);
		why = x->why_match;
	}
	/* the reason is written only where it is shown or archived */
	if (why != NULL && x->explain)
		aduan_buf_adds(reason, why);
}

/* The complaint the group makes, from its first message. */
static void
fill(struct intake *x, struct group *gr, struct aduan_complaint *c)
{
	struct msg *m = MSG(gr, 0);
	char val[32];
	double lat, lon;
	int i;

	/* (the lengths known where they are: a strlen each was a fortieth
	 * of a complaint's work) */
	msg_key(x, m);
	aduan_complaint_set(c, AF_SOURCE_KEY, m->key.s, m->key.len);
	aduan_complaint_set_time(c, AF_RECEIVED_AT, local_time(x, m));
	aduan_complaint_set(c, AF_CHANNEL, "whatsapp", strlen("whatsapp"));
	aduan_complaint_set(c, AF_SOURCE, x->group, x->group_len);
	if (m->phone[0] != '\0')	/* the author is a phone number (message_key) */
		aduan_complaint_sets(c, AF_REPORTER_PHONE, m->phone);
	else
		aduan_complaint_set(c, AF_REPORTER_NAME, m->author, m->author_len);
	aduan_complaint_set(c, AF_BODY, gr->words, gr->words_len);
	if (gr->attached && gr->att.len > 0)
		aduan_complaint_set(c, AF_ATTACHMENTS, gr->att.s, gr->att.len);
	if (gr->pl.kel != NULL) {
		aduan_complaint_sets(c, AF_KELURAHAN, gr->pl.kel);
		/* read from the places loaded with the import: checked there */
		c->kelurahan_known = gr->pl.kel_known && gr->pl.kel[0] != '\0' &&
		    !isspace((unsigned char)gr->pl.kel[0]) &&
		    !isspace((unsigned char)gr->pl.kel[strlen(gr->pl.kel) - 1]);
	}
	if (gr->pl.rt[0] != '\0')
		aduan_complaint_sets(c, AF_RT, gr->pl.rt);
	for (i = gr->n - 1; i >= 0; i--)
		if (MSG(gr, i)->has_location) {
			m = MSG(gr, i);	/* its place after its body (keep) */
			memcpy(&lat, m->body + m->body_len + 1, sizeof(lat));
			memcpy(&lon, m->body + m->body_len + 1 + sizeof(lat), sizeof(lon));
			snprintf(val, sizeof(val), "%.15g", lat);
			aduan_complaint_sets(c, AF_LAT, val);
			snprintf(val, sizeof(val), "%.15g", lon);
			aduan_complaint_sets(c, AF_LON, val);
			break;
		}
}

/* Is the complaint in the database already, under its key or the first round's? */
static int
present(struct intake *x, const struct group *gr, struct aduan_complaint *c, int *yes)
{
	const char *legacy = MSG(gr, 0)->legacy;
	int rc;

	if (*yes)
		return 0;
	/* none of the group's keys was in the database, and the import
	 * added none twice */
	if (x->none_present && (x->o->dry_run || x->keys_unique)) {
		c->looked_up = 1;
		return 0;
	}
	if ((rc = aduan_complaint_present(x->db, c, yes)) != 0 || *yes || legacy == NULL)
		goto out;
	/* imported by the first round */
	aduan_complaint_sets(c, AF_SOURCE_KEY, legacy);
	rc = aduan_complaint_present(x->db, c, yes);
	aduan_complaint_set(c, AF_SOURCE_KEY, MSG(gr, 0)->key.s, MSG(gr, 0)->key.len);
out:
	/* the insert, right after, need not look again */
	c->looked_up = rc == 0 && !*yes;
	return rc;
}

/* Hand the new complaint on (fn adds it, or rejects it). */
static int
hand_on(struct intake *x, struct group *gr, struct aduan_complaint *c)
{
	struct aduan_buf *raw = &x->raw;
	int i, rc;

	aduan_buf_reset(raw);
	if (x->o->raw)	/* rendered for a rejects file only: a tenth of a dry run's work */
		render(gr, raw);
	if (gr->nul) {	/* the complaint is rejected at its first line, the NUL's named */
		for (i = 0; MSG(gr, i)->passive || !MSG(gr, i)->nul; i++)
			;
		if (i == 0)
			aduan_fail(ADUAN_DATAERR, "NUL byte in message");
		else
			aduan_fail(ADUAN_DATAERR, "NUL byte in the message of line %ld",
			    MSG(gr, i)->line);
	}
	gr->id = 0;
	rc = x->fn(gr->nul ? NULL : c, MSG(gr, 0)->line, raw->s, raw->len, &gr->id, x->arg);
	if (rc != 0)
		return rc;
	if (gr->id > 0)
		reporter_added(x, c, gr->id);
	/* rejected (reported, and in --rejects): not archived, so that
	 * every import reports it again until it is fixed */
	if (gr->id == 0 && !x->o->dry_run)
		gr->seen = 1;
	return 0;
}

/* Each message of the group shown (--messages), counted and archived. */
static int
tell(struct intake *x, struct group *gr, enum decision first, enum decision rest)
{
	int i, rc;

	for (i = 0; i < gr->n; i++) {
		struct msg *m = MSG(gr, i);
		enum decision d;
		const char *why;

		if (!m->passive && !gr->wanted)
			x->o->n_filtered++;
		else if (!m->passive && !gr->present && i > 0)
			x->o->n_joined++;
		d = m->passive ? (enum decision)m->passive : i == 0 ? first : rest;
		why = m->passive ? passive_why(d) : x->why[gr - x->ring].s;
		print_message(x, m, d, why, m->passive || i > 0 ? NULL : &gr->pl);
		if (!gr->seen && (rc = archive(x, m, d, why,
		    d == D_COMPLAINT || d == D_JOINED ? gr->id : 0)) != 0)
			return rc;
	}
	return 0;
}

/* The same, inline; a dry run without --messages, or a group archived
 * before, only counts: the citizen's messages from the group's count. */
static inline __attribute__((always_inline)) int
record(struct intake *x, struct group *gr, enum decision first, enum decision rest)
{
	int citizen = gr->n - gr->passive;

	if (x->o->messages_out != NULL || (!x->o->dry_run && !gr->seen))
		return tell(x, gr, first, rest);
	if (!gr->wanted)
		x->o->n_filtered += citizen;
	else if (!gr->present)
		x->o->n_joined += citizen - !MSG(gr, 0)->passive;
	return 0;
}

/* The bytes of the group's words that places are read in: those before
 * a NUL byte, where there is one (the group is rejected, and shows its
 * place only under --messages). */
static inline size_t
words_read(const struct group *gr)
{
	return gr->nul ? strlen(gr->words) : gr->words_len;
}

/* What the group says (the deciding thread's part): its words decided
 * by d, whether it is taken, its place.  It reads the group and the
 * import's settings, and writes the group's verdict only.  A verdict
 * depends on the group alone (a decider's memory of texts and words
 * only saves work), so either thread's decider gives the same. */
static void
decide_group(struct intake *x, struct aduan_decider *d, struct group *gr, int behind)
{
	struct aduan_verdict v;

	/* the verdict's flags, on the line read anyway; the lines of the
	 * rest written only when they are used (gather, place_of, hand_on) */
	gr->wanted = gr->followup = gr->place_later = gr->joined = gr->attached = 0;
	gr->any_text = gr->media = gr->nul = gr->present = gr->seen = 0;
	if (x->explain)
		aduan_buf_reset(&x->why[gr - x->ring]);
	if (gr->lone)
		return;
	gather(x, d, gr, &v);
	want(x, gr, &v, &x->why[gr - x->ring]);
	gr->followup = (unsigned char)v.followup;	/* (0 where not decided) */
	/* the place goes into a complaint, and is shown by --messages; when
	 * this thread is the slower, the main thread reads it (conclude) */
	if (gr->wanted || x->o->messages_out != NULL) {
		if (behind)
			gr->place_later = 1;
		else
			place_of(x, gr->words, words_read(gr), &gr->pl);
	}
}

/* The group decided: looked up, handed on as a complaint or joined to an
 * earlier one, and recorded. */
static int
conclude(struct intake *x, struct group *gr)
{
	struct aduan_buf *why = &x->why[gr - x->ring];
	struct aduan_complaint *c = &x->c;
	enum decision first, rest;
	int64_t earlier = 0;
	int seen, rc;

	if (gr->lone)	/* a staff or system line alone: shown and archived */
		return record(x, gr, D_SYSTEM, D_SYSTEM);
	if (gr->place_later)
		place_of(x, gr->words, words_read(gr), &gr->pl);
	if ((rc = archived(x, MSG(gr, 0), &seen)) != 0)
		return rc;
	gr->seen = (unsigned char)seen;
	if (gr->wanted) {
		fill(x, gr, c);
		if ((rc = present(x, gr, c, &seen)) != 0)
			return rc;
	}
	gr->present = (unsigned char)seen;
	first = !gr->wanted ? D_FILTERED : gr->present ? D_PRESENT : D_COMPLAINT;
	rest = !gr->wanted ? D_FILTERED : gr->present ? D_PRESENT : D_JOINED;
	/* a question about an earlier report joins the reporter's open
	 * complaint, as a note, rather than starting another */
	if (gr->wanted && !gr->present && gr->followup && !x->o->all &&
	    (rc = open_complaint(x, c, &earlier)) != 0)
		return rc;
	if (earlier > 0) {
		first = rest = D_JOINED;
		gr->id = earlier;
		aduan_buf_reset(why);
		aduan_buf_printf(why, _("asks after complaint %lld"), (long long)earlier);
		if (!x->o->dry_run && (rc = aduan_note_add(x->db, earlier, gr->words)) != 0)
			return rc;
		x->o->n_joined++;
	} else if (gr->wanted && !gr->present) {
		if ((rc = hand_on(x, gr, c)) != 0)
			return rc;
	} else if (gr->wanted)
		x->o->n_present++;
	return record(x, gr, first, rest);
}

/* Conclude the group, and make its place free for another. */
static int
finish_group(struct intake *x, struct group *gr)
{
	size_t end, at = (size_t)(gr - x->ring);
	int i, rc = conclude(x, gr);

	if (gr->wanted)	/* else nothing was set */
		aduan_complaint_clear(&x->c);
	/* a message of this minute waiting for its hash gets it while its
	 * slot still keeps it: looked for among the minute's few (a slot
	 * is of the group at its place in the ring), not in each slot */
	for (i = 0; i < x->same.n; i++)
		if (x->same.waiting[i] != NULL &&
		    (size_t)(x->same.waiting[i] - x->slots) % RING == at)
			same_settle(&x->same, i);
	for (i = 0; i < gr->n; i++)
		msg_release(x, MSG(gr, i));
	if (gr->joined && gr->body.cap > STORE_KEPT)
		aduan_buf_release(&gr->body);
	if (gr->attached && gr->att.cap > STORE_KEPT)
		aduan_buf_release(&gr->att);
	/* its strings freed: the oldest in x->kept, up to its last one's end */
	end = gr->kept_end;
	if (x->kept_lap && end < x->kept_tail)
		x->kept_lap = 0;	/* those before the round all freed */
	x->kept_tail = end;
	x->held -= gr->held;
	gr->held = 0;
	gr->n = 0;
	gr->passive = 0;
	gr->lone = 0;
	return rc;
}

/* A decider like the import's (its reasons written or not, the office's
 * towns its own), or NULL. */
static struct aduan_decider *
decider_for(struct intake *x)
{
	struct aduan_decider *d = aduan_decider_new();
	int i;

	if (d == NULL)
		return NULL;
	aduan_decider_explain(d, x->explain);
	for (i = 0; i < 2; i++)
		aduan_decider_home(d, x->home[i]);
	return d;
}

/*
 * How far behind the reading the deciding thread may be before it leaves
 * the groups' places to the main thread: when it is the slower of the
 * two, so that neither waits long for the other.  A place is read alike
 * on either thread.
 */
static unsigned long place_later = LATER;

void
aduan_intake_place_later(long behind)
{
	place_later = behind >= 0 ? (unsigned long)behind : LATER;
}

/*
 * How far behind the deciding thread may be before the main thread
 * decides the groups it closes itself, with a decider of its own: so
 * that it works on instead of waiting for room in the ring.  Only in a
 * dry run, once it has waited: an import's main thread, which writes
 * the database, is the slower by far (when it waits, the other thread
 * was kept from running), and a small file never makes that decider.
 */
static unsigned long decide_early = EARLY;
static int early_unwaited;	/* (for tests: without having waited) */

void
aduan_intake_early(long behind)
{
	decide_early = behind >= 0 ? (unsigned long)behind : EARLY;
	early_unwaited = behind >= 0;
}

/* The deciding thread: the groups read, in order, until told to stop.
 * It sleeps only under the lock, having said so (idle) and looked again;
 * the main thread wakes it under the lock, so no wake-up is lost. */
static void *
decider_thread(void *arg)
{
	struct intake *x = arg;
	unsigned long i = 0, want, told = 0, queued = 0;

	while (!atomic_load(&x->stop)) {
		if (i == queued && i == (queued = atomic_load(&x->queued))) {
			pthread_mutex_lock(&x->lock);
			atomic_store(&x->idle, 1);
			while (i == atomic_load(&x->queued) && !atomic_load(&x->stop))
				pthread_cond_wait(&x->work, &x->lock);
			atomic_store(&x->idle, 0);
			pthread_mutex_unlock(&x->lock);
			continue;
		}
		/* the next groups' first messages, written on the other
		 * processor, asked for ahead: the message two groups on, the
		 * text of the one after this (the message asked for before) */
		if (i + 2 < queued)
			__builtin_prefetch(x->ring[(i + 2) % RING].slot);
		if (i + 1 < queued) {
			const char *t = x->ring[(i + 1) % RING].slot->text;

			__builtin_prefetch(t);
			__builtin_prefetch(t + 64);
		}
		/* (how far behind, as last seen: close enough); a group the
		 * main thread decided is passed */
		if (!x->ring[i % RING].early)
			decide_group(x, x->decider, &x->ring[i % RING], queued - i >= place_later);
		atomic_store(&x->decided, ++i);
		/* (the main thread says what it waits for before it looks at
		 * decided, this thread the other way round: one of them sees
		 * the other) */
		want = atomic_load(&x->want);
		if (want != 0 && i >= want && want != told) {
			told = want;	/* (once a wait: each waits for more than the last) */
			pthread_mutex_lock(&x->lock);
			pthread_cond_signal(&x->done);
			pthread_mutex_unlock(&x->lock);
		}
	}
	return NULL;
}

/* Finish the groups decided, in order.  While the ring is full (or, all,
 * until every group read is finished), wait for the deciding thread: for
 * half the groups on the way at once, not for each (a wake-up costs more
 * than deciding a group). */
static int
catch_up(struct intake *x, int all)
{
	unsigned long ready, queued = atomic_load(&x->queued), want;
	int rc;

	for (;;) {
		if ((ready = x->decided_seen) == x->finished &&
		    (ready = x->decided_seen = atomic_load(&x->decided)) == x->finished) {
			if (x->finished == queued ||
			    (!all && queued - x->finished < RING && x->held <= HELD_MAX))
				return 0;
			want = all ? queued : x->finished + (queued - x->finished + 1) / 2;
			x->waited |= !all;
			pthread_mutex_lock(&x->lock);
			atomic_store(&x->want, want);
			if (atomic_load(&x->idle))
				pthread_cond_signal(&x->work);
			while (atomic_load(&x->decided) < want)
				pthread_cond_wait(&x->done, &x->lock);
			atomic_store(&x->want, 0);
			pthread_mutex_unlock(&x->lock);
			continue;
		}
		while (x->finished < ready)
			if ((rc = finish_group(x, &x->ring[x->finished++ % RING])) != 0)
				return rc;
	}
}

/* Close the current group: hand it to the deciding thread (without one,
 * decide it here), and finish what is decided. */
static int
flush(struct intake *x)
{
	unsigned long queued;
	int rc;

	if (x->cur->n == 0)
		return 0;
	if (x->cur->n > x->deepest)
		x->deepest = x->cur->n;
	x->held += x->cur->held;	/* (counted by room) */
	if (!x->threaded) {
		decide_group(x, x->decider, x->cur, 0);
		return finish_group(x, x->cur);
	}
	queued = atomic_load(&x->queued) + 1;
	/* the deciding thread far behind (as last seen: it is at least
	 * there), and slower: this group decided here, before the other
	 * thread sees it */
	x->cur->early = queued - 1 - x->decided_seen >= decide_early &&
	    ((x->waited && x->o->dry_run) || early_unwaited) &&
	    (x->spare != NULL || (x->spare = decider_for(x)) != NULL);
	if (x->cur->early)
		decide_group(x, x->spare, x->cur, 0);
	atomic_store(&x->queued, queued);
	/* woken for a batch: a wake-up per group cost more than deciding it */
	if (atomic_load(&x->idle) && queued - atomic_load(&x->decided) >= WAKE) {
		pthread_mutex_lock(&x->lock);
		pthread_cond_signal(&x->work);
		pthread_mutex_unlock(&x->lock);
	}
	rc = catch_up(x, 0);
	x->cur = &x->ring[queued % RING];
	return rc;
}

/* The ring of groups, and the deciding thread when one can be started
 * (else every group is decided as it closes). */
static void
ring_open(struct intake *x)
{
	int i;

	/* (as aduan_xmalloc: nothing to roll back yet) */
	if ((x->why = calloc(RING, sizeof(*x->why))) == NULL ||
	    (x->slots_mem = calloc(RING * sizeof(*x->ring) +
	    (size_t)RING * GROUP_MAX * sizeof(*x->slots) + 64, 1)) == NULL)
		abort();
	/* the groups, then the slots, on cache lines' starts (calloc: the
	 * pages of slots never used are never touched) */
	x->ring = (struct group *)(void *)((char *)x->slots_mem +
	    (64 - (uintptr_t)x->slots_mem % 64) % 64);
	x->slots = (struct msg *)(void *)(x->ring + RING);
	for (i = 0; i < RING; i++)
		x->ring[i].slot = &x->slots[i];
	x->cur = &x->ring[0];
	x->lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	x->work = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	x->done = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
	x->threaded = pthread_create(&x->thread, NULL, decider_thread, x) == 0;
}

static void
ring_release(struct intake *x)
{
	int i, j;

	if (x->threaded) {
		pthread_mutex_lock(&x->lock);
		atomic_store(&x->stop, 1);
		pthread_cond_signal(&x->work);
		pthread_mutex_unlock(&x->lock);
		pthread_join(x->thread, NULL);
		pthread_cond_destroy(&x->work);
		pthread_cond_destroy(&x->done);
		pthread_mutex_destroy(&x->lock);
		x->threaded = 0;
	}
	/* only the slots that held a message: the rest of their pages were
	 * never touched, and reading them would map each one (a group closes
	 * in flush, all but the current one) */
	if (x->cur != NULL && x->cur->n > x->deepest)
		x->deepest = x->cur->n;
	for (i = 0; x->ring != NULL && i < RING; i++) {
		struct group *gr = &x->ring[i];

		for (j = 0; j < x->deepest; j++)
			ADUAN_FREE_EACH(MSG(gr, j)->store.s, MSG(gr, j)->key.s);
		ADUAN_FREE_EACH(gr->body.s, gr->att.s, x->why[i].s);
	}
	ADUAN_FREE_EACH(x->why, x->slots_mem);
	x->ring = NULL;
}

/*
 * Refuse what makes a regular expression slow whatever the matcher does
 * with it: back-references (exponential in the text's length) and
 * repetition counts that multiply into a huge automaton ("a{30000}" took
 * minutes to compile).  Bracket expressions are skipped.  0 or -1 with
 * the reason.
 */
static int
regex_unbounded(const char *re)
{
	double product = 1;
	const char *p;

	for (p = re; *p != '\0'; p++) {
		if (*p == '\\' && p[1] >= '1' && p[1] <= '9')
			return aduan_fail(ADUAN_USAGE, "--match: back-references such as \\%c are "
			    "not supported (they can take hours on a long message)", p[1]);
		if (*p == '\\' && p[1] != '\0') {
			p++;
		} else if (*p == '[') {
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p != '\0' && *p != ']')
				p++;
			if (*p == '\0')
				break;
		} else if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
			char *end;
			double n = strtod(p + 1, &end);

			if (*end == ',' && end[1] >= '0' && end[1] <= '9')
				n = strtod(end + 1, &end);
			else if (*end == ',' && n < 1)
				n = 1;
			product *= n > 1 ? n : 1;
			if (product > 1000)
				return aduan_fail(ADUAN_USAGE, "--match: repetition counts above 1000, "
				    "alone or multiplied, are not supported (\"%s\")", re);
		}
	}
	return 0;
}

/* aduan_day_from_civil, remembered for the last date asked for. */
static long
day_of(struct intake *x, int y, int mo, int d)
{
	long ymd = ((long)y * 16 + mo) * 32 + d;

	if (ymd != x->day_ymd) {
		x->day = aduan_day_from_civil(y, mo, d);
		x->day_ymd = ymd;
	}
	return x->day;
}

/* The wall-clock time read as UTC: for differences. */
static time_t
wall(struct intake *x, const struct aduan_wa_msg *m)
{
	return (time_t)day_of(x, m->year, m->month, m->day) * 86400 +
	    m->hour * 3600 + m->min * 60 + m->sec;
}

/*
 * The local wall-clock time at (the "at" of a kept message) as a time_t:
 * the zone's offset reused within an hour, and (aduan_time_local_hour)
 * over a day or so.
 */
static int
two_digits(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

/* at is "YYYY-MM-DDTHH:MM" and maybe ":SS", digits where digits stand
 * (the parser writes it so): read by hand, atoi was a twentieth of an
 * import of every message. */
static time_t
local_time(struct intake *x, const struct msg *m)
{
	int y = two_digits(m->at) * 100 + two_digits(m->at + 2), mo = two_digits(m->at + 5),
	    d = two_digits(m->at + 8), h = two_digits(m->at + 11);
	time_t hour = (time_t)day_of(x, y, mo, d) * 86400 + h * 3600;

	if (!x->have_offset || hour != x->offset_hour) {
		x->offset = aduan_time_local_hour(&x->zone_hours, y, mo, d, h, hour) - hour;
		x->offset_hour = hour;
		x->have_offset = 1;
	}
	return hour + x->offset + two_digits(m->at + 14) * 60 +
	    (m->at[16] ? two_digits(m->at + 17) : 0);
}

/* Whether the minutes at a and b ("YYYY-MM-DDTHH:MM", 16 bytes of 20) agree. */
static int
same_minute(const char *a, const char *b)
{
	unsigned long long a0, a1, b0, b1;

	memcpy(&a0, a, 8);
	memcpy(&a1, a + 8, 8);
	memcpy(&b0, b, 8);
	memcpy(&b1, b + 8, 8);
	return a0 == b0 && a1 == b1;
}

/* Whether the minute at a comes before the one at b (as memcmp orders
 * their 16 bytes): their words compared as numbers with the first byte
 * highest, with no call. */
static int
earlier_minute(const char *a, const char *b)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	unsigned long long a0, b0;

	memcpy(&a0, a, 8);
	memcpy(&b0, b, 8);
	if (a0 == b0) {
		memcpy(&a0, a + 8, 8);
		memcpy(&b0, b + 8, 8);
	}
	return __builtin_bswap64(a0) < __builtin_bswap64(b0);
#else
	return memcmp(a, b, 16) < 0;
#endif
}

/* Which of the identical messages (same hash) of one time this one is: 0, 1, ... */
static int
nth_same(struct same_time *st, const char *at, size_t atlen, unsigned long long h)
{
	int i, nth = 0;

	/* (at holds no NUL: the same string when the bytes and the end agree) */
	if (atlen == 16 ? !same_minute(st->at, at) || st->at[16] != '\0' :
	    memcmp(st->at, at, atlen) != 0 || st->at[atlen] != '\0') {
		if (atlen == 16)	/* (a copy of known length: no call) */
			memcpy(st->at, at, 16);
		else
			memcpy(st->at, at, atlen);
		st->at[atlen] = '\0';
		st->n = 0;
	}
	for (i = 0; i < st->n; i++)
		if (st->hash[i] == h)
			nth++;
	if (st->n < SAME_AT_MAX)
		st->hash[st->n++] = h;
	return nth;
}

#define ONES	0x0101010101010101ULL
#define HIGHS	0x8080808080808080ULL

/* Whether any byte of w is a tab, a line end or below, or may start an
 * invisible mark (0xe2, 0xef). */
static int
special8(unsigned long long w)
{
	unsigned long long e2 = w ^ (ONES * 0xe2), ef = w ^ (ONES * 0xef);

	/* first whether any byte is below 0x0b or above 0x7f at all */
	if ((((w - ONES * 0x0b) | w) & HIGHS) == 0)
		return 0;
	return ((((w - ONES * 0x0b) & ~w) | ((e2 - ONES) & ~e2) | ((ef - ONES) & ~ef)) &
	    HIGHS) != 0;
}

static int
special(unsigned char c)
{
	return c < 0x0b || c == 0xe2 || c == 0xef;
}

/*
 * s without invisible marks and without spaces at line ends (a tab read
 * as a space), appended to b: what a message's key hashes.
 */
static void
plain(struct aduan_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run, start = b->len;
	unsigned long long w;

	while (i < n) {
		/* most bytes are none of those below: copied in runs */
		for (run = i; run + 8 <= n && (memcpy(&w, s + run, 8), !special8(w)); run += 8)
			;
		while (run < n && !special(u[run]))
			run++;
		aduan_buf_add(b, s + i, run - i);
		if ((i = run) == n)
			break;
		if (u[i] == 0xe2 && i + 2 < n && ((u[i + 1] == 0x80 && (u[i + 2] == 0x8e ||
		    u[i + 2] == 0x8f || (u[i + 2] >= 0xaa && u[i + 2] <= 0xae))) ||
		    (u[i + 1] == 0x81 && u[i + 2] >= 0xa6 && u[i + 2] <= 0xa9))) {
			i += 3;
			continue;
		}
		if (u[i] == 0xef && i + 2 < n && u[i + 1] == 0xbb && u[i + 2] == 0xbf) {
			i += 3;
			continue;
		}
		/* spaces before a line end are dropped (marks between them too) */
		if (u[i] == '\n')
			while (b->len > start && b->s[b->len - 1] == ' ')
				b->len--;
		aduan_buf_addc(b, u[i] == '\t' ? ' ' : u[i]);
		i++;
	}
	while (b->len > start && b->s[b->len - 1] == ' ')
		b->len--;
	if (b->s != NULL)
		b->s[b->len] = '\0';
}

/* A step of a hash eight bytes at a time, for telling equal strings apart
 * in memory only (never stored: keys hold FNV-1a). */
static unsigned long long
mix8(unsigned long long h, unsigned long long w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* The bytes s[i..n), fewer than eight, as a word: the first lowest,
 * zeros above.  From a string of eight bytes or more, the last eight
 * read at once and the ones before i shifted out; else a byte at a time
 * (memcpy of a length not known before was a call). */
static unsigned long long
tail_word(const char *s, size_t i, size_t n)
{
	unsigned long long w = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n >= 8) {
		if (i == n)
			return 0;
		memcpy(&w, s + n - 8, 8);
		return w >> 8 * (8 - (n - i));
	}
#endif
	while (n > i)
		w = w << 8 | (unsigned char)s[--n];
	return w;
}

static unsigned long long
mix_tail(unsigned long long h, unsigned long long w)
{
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static unsigned long long
word_hash(const char *s, size_t n)
{
	unsigned long long h = 0x9e3779b97f4a7c15ULL ^ n, w;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix8(h, w);
	}
	return mix_tail(h, tail_word(s, i, n));
}

#ifdef __SSE2__
/* special8 of 16 bytes at once. */
static inline int
special16(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x0a)), v);

	return _mm_movemask_epi8(_mm_or_si128(low,
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xef))))) != 0;
}
#endif

/* Whether s is its own plain form: no tab, line end, control byte or byte
 * that may start an invisible mark, no space at its end (nothing plain
 * would change).  Its hash is taken only when it is needed. */
static int
plain_form(const char *s, size_t n)
{
	unsigned long long w, v;
	size_t i = 0;

	if (n == 0)
		return 1;
	if (s[n - 1] == ' ' || s[n - 1] == '\t')
		return 0;
#ifdef __SSE2__
	/* 16 bytes at a time, the last 16 (overlapping those before) last */
	if (n >= 16) {
		for (; i + 16 < n; i += 16)
			if (special16(s + i))
				return 0;
		return !special16(s + n - 16);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (special8(w))
			return 0;
	}
	if (i == n)
		return 1;
	if (n >= 8) {	/* the last eight, overlapping those before */
		memcpy(&v, s + n - 8, 8);
		return !special8(v);
	}
	/* fewer than eight: spaces above them */
	return !special8(tail_word(s, 0, n) | (ONES * ' ') << 8 * n);
}

/* The hash of the message waiting at place i of its minute, taken from
 * the slot that keeps it. */
static void
same_settle(struct same_minute *st, int i)
{
	const struct msg *k = st->waiting[i];

	st->hash[i] = word_hash(k->body, k->body_len);
	st->waiting[i] = NULL;
}

/*
 * Which of the identical messages (one author's, one plain form) of its
 * minute message m is: 0, 1, ...  a is its author's hash, h the hash of
 * its plain form when known (else m is a text that is its own plain
 * form, hashed only when another of a's messages came in the minute).
 */
static int
nth_same_minute(struct intake *x, const struct aduan_wa_msg *m, unsigned long long a,
    unsigned long long h, int known)
{
	struct same_minute *st = &x->same;
	int i, nth = 0;

	if (!same_minute(st->at, m->at)) {
		memcpy(st->at, m->at, 16);
		st->n = 0;
	}
	for (i = 0; i < st->n; i++)
		if (st->author[i] == a) {
			if (!known) {
				h = word_hash(m->body, m->body_len);
				known = 1;
			}
			if (st->waiting[i] != NULL)
				same_settle(st, i);
			if (st->hash[i] == h)
				nth++;
		}
	x->same_wait = SAME_AT_MAX;
	if (st->n < SAME_AT_MAX) {
		st->author[st->n] = a;
		st->hash[st->n] = h;
		st->waiting[st->n] = NULL;	/* keep puts its slot here */
		if (!known)
			x->same_wait = st->n;
		st->n++;
	}
	return nth;
}

/*
 * What a message's key hashes, in plain form: for text the body, for a
 * photo, a deleted message or a location its kind, a line end and its
 * caption.  Points *s at it (the body itself when it is plain, else b).
 */
static size_t
key_plain(struct aduan_buf *b, enum aduan_wa_kind kind, const char *body, size_t body_len,
    const char *text, size_t text_len, const char **s)
{
	aduan_buf_reset(b);
	if (kind == AWA_TEXT || kind == AWA_SYSTEM) {
		if (plain_form(body, body_len)) {
			*s = body;
			return body_len;
		}
		plain(b, body, body_len);
	} else {
		aduan_buf_adds(b, kind_names[kind]);
		aduan_buf_addc(b, '\n');
		plain(b, text, text_len);
	}
	*s = b->s != NULL ? b->s : "";
	return b->len;
}

/* The FNV-1a of a message's plain form: the hash its key holds. */
static unsigned long long
key_fnv(struct intake *x, enum aduan_wa_kind kind, const char *body, size_t body_len,
    const char *text, size_t text_len)
{
	const char *s;
	size_t n = key_plain(&x->plain, kind, body, body_len, text, text_len, &s);

	return fnv1a(s, n);
}

/* Each byte's two hex digits, for the hash of a key. */
static const char hex_pairs[] =
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	"202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
	"404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
	"606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
	"808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
	"c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
	"e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

/* "PREFIXgroup|at|author|hash" (the import's group) and "#nth" after the first
 * (inline: the prefix's and the time's lengths known where it is called,
 * their copies are no calls) */
static inline void
build_key(struct aduan_buf *b, const char *prefix, const struct intake *x, const char *at,
    size_t atlen, const char *author, size_t alen, unsigned long long h, int nth)
{
	const char *group = x->group;
	size_t plen = strlen(prefix), glen = x->group_len;
	size_t n = plen + glen + 1 + atlen + 1 + alen + 1 + 16;
	char *p;
	int i;

	/* written in place: room made once */
	if (b->len + n + 1 > b->cap)
		aduan_buf_grow(b, n);
	p = b->s + b->len;
	memcpy(p, prefix, plen);
	p += plen;
	aduan_move(p, group, glen);	/* (short: inline, no call) */
	p += glen;
	*p++ = '|';
	memcpy(p, at, atlen);
	p += atlen;
	*p++ = '|';
	aduan_move(p, author, alen);
	p += alen;
	*p++ = '|';
	for (i = 14; i >= 0; i -= 2, h >>= 8)	/* a byte at a time, lowest last */
		memcpy(p + i, hex_pairs + 2 * (h & 255), 2);
	b->len += n;
	b->s[b->len] = '\0';
	if (nth > 0)
		aduan_buf_printf(b, "#%d", nth);
}

/* What is known of the author (alen bytes): its phone number when it is
 * one (aduan_phone_normalize), and the hash of it as keyed; worked out
 * once an author, unless too long to keep. */
static struct author *
author_of(struct intake *x, const char *author, size_t alen)
{
	unsigned long long h = word_hash(author, alen);
	struct author *a = x->authors[h & (AUTHORS - 1)], last;

	if (alen >= sizeof(a->name))
		a = &x->long_author;	/* worked out anew each time */
	else if (a[0].used && a[0].len == alen && aduan_same_bytes(a[0].name, author, alen))
		return a;
	else if (a[1].used && a[1].len == alen && aduan_same_bytes(a[1].name, author, alen)) {
		last = a[0];	/* the pair's other, used last */
		a[0] = a[1];
		a[1] = last;
		return a;
	} else {
		a[1] = a[0];	/* the one used longer ago forgotten */
		memcpy(a->name, author, alen + 1);
		a->used = 1;
	}
	a->len = (unsigned char)alen;
	a->staff = 0;
	a->phone[0] = '\0';
	if (looks_like_phone(author) && aduan_phone_normalize(author, a->phone) != 0)
		a->phone[0] = '\0';
	a->hash = a->phone[0] != '\0' ? word_hash(a->phone, strlen(a->phone)) : h;
	return a;
}

/*
 * The stable key of a message, the same whichever phone exported the chat:
 * group, the minute (Android writes no seconds), the author (a phone
 * number in one form), and a hash of what was said: for text the words
 * without invisible marks and line-end spaces; for a photo, a deleted
 * message or a location its kind and caption (each phone writes its own
 * placeholder).  "#N" tells identical messages of one minute apart.
 * Its parts into x->key_nth, x->author (msg_key writes it when it is
 * needed); into x->legacy_key the key of the first round ("wa:", the
 * time as exported, the hash of the body as written), when the database
 * may hold such keys (else it is left empty).
 */
static void
message_key(struct intake *x, const struct aduan_wa_msg *m)
{
	const char *author = m->author ? m->author : "", *s;
	unsigned long long h = 0, body;
	size_t alen = m->author_len, n;
	int nth;

	x->author = author_of(x, author, alen);
	x->key_alen = alen;
	x->key_wall = wall(x, m);
	/* identical messages are told apart by a quicker hash of the same
	 * plain form, of a text that is its own only when it is needed; the
	 * FNV-1a the key holds is taken when it is written */
	x->key_plain = (m->kind == AWA_TEXT || m->kind == AWA_SYSTEM) &&
	    plain_form(m->body, m->body_len);
	if (!x->key_plain) {
		n = key_plain(&x->plain, m->kind, m->body, m->body_len, m->text, m->text_len, &s);
		h = word_hash(s, n);
	}
	/* keys are unique while minutes only advance and no minute holds
	 * more messages than are told apart */
	if (!same_minute(x->same.at, m->at) && x->same.at[0] != '\0' &&
	    earlier_minute(m->at, x->same.at))
		x->keys_unique = 0;
	nth = nth_same_minute(x, m, x->author->hash, h, !x->key_plain);
	if (x->same.n == SAME_AT_MAX)
		x->keys_unique = 0;
	x->key_nth = nth;
	aduan_buf_reset(&x->legacy_key);
	if (x->legacy) {
		body = fnv1a(m->body, m->body_len);
		nth = nth_same(&x->same_legacy, m->at, strlen(m->at),
		    body ^ fnv1a(author, alen) * 31);
		build_key(&x->legacy_key, "wa:", x, m->at, strlen(m->at), author, alen, body, nth);
	}
}

#define NONE ((size_t)-1)

/* Room for n bytes of a message's strings in x->kept, after the last
 * message's (or, past its end, at its start again once the groups there
 * are finished): where, or NONE when the groups on the way hold too much. */
static size_t
kept_take(struct intake *x, size_t n)
{
	size_t at;

	if (x->kept == NULL)
		x->kept = aduan_xmalloc(KEPT_BYTES);
	/* round to the start when past the end, or when all before are
	 * freed (the fewer lines in use, the more of them in the cache) */
	if (!x->kept_lap && (x->kept_head + n > KEPT_BYTES || x->kept_head == x->kept_tail) &&
	    n < x->kept_tail) {
		x->kept_top = x->kept_head;
		x->kept_head = 0;
		x->kept_lap = 1;
	}
	/* (round again, the strings stop a byte short of the oldest: their
	 * ends, then below kept_tail, tell the two laps apart) */
	if (x->kept_lap ? x->kept_head + n >= x->kept_tail : x->kept_head + n > KEPT_BYTES)
		return NONE;
	at = x->kept_head;
	x->kept_head += n;
	return at;
}

/* Where slot k's n bytes of strings go: in x->kept, else its store. */
static char *
room(struct intake *x, struct msg *k, size_t n)
{
	struct aduan_buf *b = &k->store;
	struct group *gr = &x->ring[(size_t)(k - x->slots) % RING];
	size_t at = kept_take(x, n);
	char *p;

	if (at != NONE) {
		p = x->kept + at;
		if (b->cap > 0)	/* (its own store not needed while x->kept has room) */
			aduan_buf_release(b);
	} else {
		b->len = 0;
		if (n + 1 > b->cap)
			aduan_buf_grow(b, n);
		k->give |= b->cap > slot_keeps(x, k);
		p = b->s;
	}
	b->len = n;	/* the bytes it holds, in either */
	gr->held += n;
	gr->kept_end = x->kept_head;
	return p;
}

/* s[0..n) and a NUL at p + *at, *at moved past them: where they are. */
static size_t
put(char *p, size_t *at, const char *s, size_t n)
{
	size_t here = *at;

	memcpy(p + here, s, n);
	p[here + n] = '\0';
	*at = here + n + 1;
	return here;
}

/* Message m kept in slot k, with its key's parts and x->legacy_key.  Every
 * field is set (the slot's buffers kept): the slot is not cleared first. */
static void
keep(struct intake *x, struct msg *k, const struct aduan_wa_msg *m)
{
	const struct author *a = x->author;
	size_t author = NONE, body, text = NONE, att = NONE, legacy = NONE;
	size_t att_len = 0, n, at;
	int own_text;
	char *p;

	/* (the key's length only: it is written anew when first asked for,
	 * and the bytes of a buffer last used a thousand groups ago are not
	 * touched here) */
	k->key.len = 0;
	k->nth = x->key_nth;
	if (x->same_wait < SAME_AT_MAX)
		x->same.waiting[x->same_wait] = k;
	x->same_wait = SAME_AT_MAX;
	k->author_hash = a->hash;
	memcpy(k->phone, a->phone, sizeof(k->phone));
	k->line = m->line;
	memcpy(k->at, m->at, sizeof(k->at));
	k->wall = x->key_wall;
	k->author_len = x->key_alen;
	/* NUL bytes inside a message cannot be stored: its group is
	 * rejected, kept whole for --messages and the rejects file; a body
	 * that is its own plain form holds none */
	k->nul = !x->key_plain && memchr(m->body, '\0', m->body_len) != NULL;
	k->body_len = m->body_len;
	k->text_len = m->text_len;
	/* the text is the body or its end: no copy of its own */
	own_text = m->text < m->body || m->text > m->body + m->body_len;
	/* a file named but missing from the zip archive read stays in the
	 * body's placeholder line only */
	if (m->attachment && m->attached != 0)
		att_len = strlen(m->attachment);
	/* its strings, each with its NUL, and a place on a map: after the
	 * last message's in x->kept, else in the slot's own store */
	n = (m->author != NULL ? x->key_alen + 1 : 0) + k->body_len + 1 +
	    (m->has_location ? sizeof(m->lat) + sizeof(m->lon) : 0) +
	    (own_text ? k->text_len + 1 : 0) + (att_len > 0 ? att_len + 1 : 0) +
	    (x->legacy_key.len > 0 ? x->legacy_key.len + 1 : 0);
	p = room(x, k, n);
	at = 0;
	if (m->author != NULL)
		author = put(p, &at, m->author, x->key_alen);
	body = put(p, &at, m->body, k->body_len);
	/* a place on a map, seldom sent, right after the body's NUL (where
	 * fill reads it): no room in every slot */
	if (m->has_location) {
		memcpy(p + at, &m->lat, sizeof(m->lat));
		memcpy(p + at + sizeof(m->lat), &m->lon, sizeof(m->lon));
		at += sizeof(m->lat) + sizeof(m->lon);
	}
	if (own_text)
		text = put(p, &at, m->text, k->text_len);
	/* what the key hashes is kept whole: its hash is taken when the key
	 * is written */
	k->plain = x->key_plain;
	k->hash = 0;
	k->hash_known = 0;
	if (att_len > 0)
		att = put(p, &at, m->attachment, att_len);
	if (x->legacy_key.len > 0)
		legacy = put(p, &at, x->legacy_key.s, x->legacy_key.len);
	k->author = author != NONE ? p + author : NULL;
	k->body = p + body;
	k->text = text != NONE ? p + text : k->body + (m->text - m->body);
	k->attachment = att != NONE ? p + att : NULL;
	k->legacy = legacy != NONE ? p + legacy : NULL;
	k->kind = m->kind;
	k->has_location = m->has_location != 0;
	k->passive = 0;
}

static int
take_message(struct intake *x, const struct aduan_wa_msg *m)
{
	struct group *gr = x->cur;
	int rc;

	message_key(x, m);
	x->o->n_messages++;
	if (m->unknown) {
		x->o->n_unknown++;
		if (x->o->on_unknown != NULL)
			x->o->on_unknown(x->o, m->line);
	}
	if (m->kind == AWA_SYSTEM || m->author == NULL || is_staff(x, x->author, m->author)) {
		int staff = m->kind != AWA_SYSTEM && m->author != NULL;

		if (staff)
			x->o->n_staff++;
		else
			x->o->n_system++;
		/* A staff reply or a system line between a citizen's messages
		 * does not end the citizen's run: it is kept in order and shown
		 * with its own decision. */
		if (gr->n > 0 && gr->n < GROUP_MAX) {
			keep(x, MSG(gr, gr->n), m);
			MSG(gr, gr->n)->passive = staff ? D_STAFF : D_SYSTEM;
			gr->n++;
			gr->passive++;
			return 0;
		}
		/* alone: a group of its own, so that it is shown in its turn */
		if ((rc = flush(x)) != 0)
			return rc;
		gr = x->cur;
		keep(x, MSG(gr, 0), m);
		MSG(gr, 0)->passive = staff ? D_STAFF : D_SYSTEM;
		gr->n = 1;
		gr->passive = 1;
		gr->lone = 1;
		return flush(x);
	}
	if (gr->n > 0) {
		const struct msg *last;
		time_t t = x->key_wall;
		int i = gr->n - 1;

		while (i > 0 && MSG(gr, i)->passive)	/* the citizen's last word */
			i--;
		last = MSG(gr, i);
		/* (another hash: another author, without a call) */
		if (gr->n == GROUP_MAX || last->author_hash != x->author->hash ||
		    strcmp(last->author, m->author) != 0 ||
		    t < last->wall || t - last->wall > x->join_seconds) {
			if ((rc = flush(x)) != 0)
				return rc;
			gr = x->cur;
		}
	}
	keep(x, MSG(gr, gr->n), m);
	gr->n++;
	return 0;
}

/* Does the database hold keys of the first round ("wa:GROUP|...") for this group? */
static int
legacy_keys(struct intake *x)
{
	struct aduan_buf lo = {0}, hi = {0};
	int rc;

	aduan_buf_printf(&lo, "wa:%s|", x->group);
	aduan_buf_printf(&hi, "wa:%s}", x->group);
	rc = aduan_complaint_key_between(x->db, lo.s, hi.s, &x->legacy);
	if (rc == 0 && !x->legacy) {	/* or the archive of messages does */
		sqlite3_stmt *st = aduan_db_stmt(x->db, "SELECT 1 FROM message "
		    "WHERE source_key >= ?1 AND source_key < ?2 LIMIT 1");

		if (st == NULL)
			rc = aduan_db_fail(x->db, "looking up source keys");
		else {
			sqlite3_bind_text(st, 1, lo.s, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, hi.s, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_reset(st);
			x->legacy = rc == SQLITE_ROW;
			rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
			    aduan_db_fail(x->db, "looking up source keys");
		}
	}
	aduan_buf_release(&lo);
	aduan_buf_release(&hi);
	return rc;
}

/* The largest complaint id before the import. */
static int
start_max(struct intake *x)
{
	sqlite3_stmt *st = aduan_db_stmt(x->db, "SELECT coalesce(max(id), 0) FROM complaint");
	int rc;

	if (st == NULL)
		return aduan_db_fail(x->db, "looking up the last complaint");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		x->start_max = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : aduan_db_fail(x->db, "looking up the last complaint");
}

/*
 * When the database holds no key of this group (and no purged key, which
 * hides its group), no complaint of the export can be present: on a dry
 * run, which changes nothing, and on an import as long as the keys it
 * adds are all different; nothing needs looking up message by message.
 */
static int
keys_absent(struct intake *x)
{
	struct aduan_buf lo = {0}, hi = {0};
	int rc, any = 1, purged = 1;

	x->keys_unique = 1;
	if ((rc = start_max(x)) != 0 || x->legacy)
		return rc;
	aduan_buf_printf(&lo, "wa2:%s|", x->group);
	aduan_buf_printf(&hi, "wa2:%s}", x->group);
	rc = aduan_complaint_key_between(x->db, lo.s, hi.s, &any);
	if (rc == 0)
		rc = aduan_complaint_key_between(x->db, "purged:", "purged;", &purged);
	x->none_present = rc == 0 && !any && !purged;
	aduan_buf_release(&lo);
	aduan_buf_release(&hi);
	return rc;
}

/*
 * --match: the user's pattern, refused when it could run unbounded, and
 * searched as one match from the start, "^.*(PATTERN)": glibc then walks
 * the text once with sets of states, where a search that tries every
 * start again is quadratic ("(a|aa)*c" on 30 KB took seconds).  The
 * pattern is compiled alone first, so its parentheses balance and the
 * group holds it whole.
 */
static int
compile_match(struct intake *x, const char *match)
{
	struct aduan_buf re = {0};
	int rc;

	if (regex_unbounded(match) != 0)
		return ADUAN_USAGE;
	if (regcomp(&x->match, match, REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0)
		return aduan_fail(ADUAN_USAGE, "--match: bad regular expression \"%s\"", match);
	regfree(&x->match);
	aduan_buf_printf(&re, "^.*(%s)", match);
	rc = regcomp(&x->match, re.s, REG_EXTENDED | REG_ICASE | REG_NOSUB);
	aduan_buf_release(&re);
	if (rc != 0)
		return aduan_fail(ADUAN_USAGE, "--match: bad regular expression \"%s\"", match);
	x->has_match = 1;
	return 0;
}

/* The settings the intake reads: keywords, staff, the join window. */
static void
settings(struct intake *x)
{
	char **staff;
	int nstaff, i;
	long join = x->o->join;

	x->nkeywords = split(aduan_config(x->db, "intake.keywords"), &x->keywords);
	x->kw_len = aduan_xmalloc(sizeof(size_t) * (size_t)(x->nkeywords + 1));
	keyword_index(x);
	nstaff = split(aduan_config(x->db, "intake.staff"), &staff);
	for (i = 0; i < nstaff; i++) {
		char phone[17];

		if (aduan_phone_normalize(staff[i], phone) == 0) {
			x->staff_phones = aduan_xrealloc(x->staff_phones,
			    sizeof(char *) * (size_t)(x->nstaff_phones + 1));
			x->staff_phones[x->nstaff_phones++] = aduan_xstrdup(phone);
		} else {
			x->staff_names = aduan_xrealloc(x->staff_names,
			    sizeof(char *) * (size_t)(x->nstaff_names + 1));
			x->staff_names[x->nstaff_names++] = aduan_fold(staff[i]);	/* is_staff */
		}
	}
	free_words(staff, nstaff);
	/* a town the office's letters name is its own, not elsewhere */
	for (i = 0; i < 2; i++) {
		const char *home = aduan_config(x->db, i == 0 ? "office.city" : "office.parent");

		x->home[i] = home != NULL ? aduan_xstrdup(home) : NULL;
		aduan_decider_home(x->decider, x->home[i]);
	}
	if (join < 0)
		join = atol(aduan_config(x->db, "intake.join_minutes"));
	x->join_seconds = join * 60;
	if (join == 0)
		x->join_seconds = -1;	/* never join */
}

/* --tz: the export's times are wall-clock times in that zone; the zone
 * in force before is kept in *saved (had set) for zone_restore. */
static int
zone_set(const char *tz, char **saved, int *had)
{
	const char *old = getenv("TZ");
	char *zone;

	*saved = old ? aduan_xstrdup(old) : NULL;
	*had = 1;
	if ((zone = aduan_tz_lookup(tz)) == NULL)
		return ADUAN_USAGE;
	setenv("TZ", zone, 1);
	free(zone);
	tzset();
	return 0;
}

static void
zone_restore(char *saved)
{
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

/* The group, its place, what the archive holds, --match: 0 or a code. */
static int
intake_open(struct intake *x)
{
	const char *kel;
	int rc;

	if ((x->decider = aduan_decider_new()) == NULL)
		return ADUAN_IOERR;
	/* the reason is shown (--messages) or archived, or else not written */
	x->explain = x->o->messages_out != NULL || !x->o->dry_run;
	aduan_decider_explain(x->decider, x->explain);
	x->why_deleted = _("deleted");
	x->why_all = _("every message taken (--all)");
	x->why_keyword = _("office keyword \"%s\"");
	x->why_match = _("not matching --match");
	x->why_nul = _("a NUL byte in it");
	if ((rc = aduan_places_load(x->db, &x->places)) != 0 ||
	    (rc = aduan_group_place(x->db, x->places, x->group, &kel, x->group_rt,
	    &x->group_from)) < 0)
		return rc < 0 ? -rc : rc;
	if (kel != NULL)
		x->group_kel = aduan_xstrdup(kel);
	x->group_kel_known = kel != NULL && strcmp(x->group_from, "group name") == 0;
	if ((rc = archive_state(x)) != 0)
		return rc;
	if (x->o->match != NULL && (rc = compile_match(x, x->o->match)) != 0)
		return rc;
	settings(x);
	ring_open(x);
	return 0;
}

static void
intake_release(struct intake *x)
{
	ring_release(x);
	aduan_buf_release(&x->legacy_key);
	aduan_buf_release(&x->plain);
	aduan_complaint_release(&x->c);
	if (x->has_match)
		regfree(&x->match);
	free_words(x->keywords, x->nkeywords);
	free(x->kw_len);
	free_words(x->staff_names, x->nstaff_names);
	free_words(x->staff_phones, x->nstaff_phones);
	aduan_decider_free(x->decider);
	aduan_decider_free(x->spare);
	ADUAN_FREE_EACH(x->home[0], x->home[1]);
	aduan_places_free(x->places);
	free(x->group_kel);
	aduan_buf_release(&x->arena);
	free(x->kept);
	aduan_buf_release(&x->raw);
	sqlite3_finalize(x->batch);
}

/* Why the dates are read as they are, for the summary. */
static void
order_reason(struct aduan_wa *w, struct aduan_intake_opts *o)
{
	if (o->date_order == 0)
		snprintf(o->order_reason, sizeof(o->order_reason), "%s", aduan_wa_order_reason(w));
	else
		snprintf(o->order_reason, sizeof(o->order_reason),
		    aduan_wa_date_order(w) == AWA_MDY ? _("month first, %s") :
		    aduan_wa_date_order(w) == AWA_YMD ? _("year first, %s") : _("day first, %s"),
		    aduan_wa_order_reason(w));
}

int
aduan_intake_whatsapp(struct aduan_db *db, FILE *in, struct aduan_intake_opts *o,
    int (*fn)(struct aduan_complaint *c, long line, const char *raw, size_t rawlen,
	int64_t *id, void *arg), void *arg)
{
	struct intake x;
	struct aduan_wa *w = NULL;
	struct aduan_wa_msg m;
	char *group = NULL, *saved_tz = NULL;
	int rc, had_tz = 0;

	memset(&x, 0, sizeof(x));
	x.day_ymd = -1;
	x.db = db;
	x.o = o;
	x.fn = fn;
	x.arg = arg;
	if (o->group != NULL)
		group = aduan_xstrdup(o->group);
	else if (strcmp(o->path, "-") == 0 ||
	    (group = aduan_wa_group_from_filename(o->path)) == NULL)
		return aduan_fail(ADUAN_USAGE,
		    "%s: the file name does not say which group this is; name it with --group",
		    o->name);
	x.group = group;
	x.group_len = strlen(group);
	if ((rc = intake_open(&x)) != 0 ||
	    (o->tz != NULL && (rc = zone_set(o->tz, &saved_tz, &had_tz)) != 0) ||
	    (rc = aduan_wa_open(&w, in, o->name, o->date_order)) != 0)
		goto out;
	aduan_wa_set_group(w, group);
	if ((rc = legacy_keys(&x)) != 0 || (rc = keys_absent(&x)) != 0)
		goto out;
	order_reason(w, o);
	while ((rc = aduan_wa_next(w, &m)) == 1)
		if ((rc = take_message(&x, &m)) != 0)
			goto out;
	if (rc == 0)
		rc = flush(&x);
	if (rc == 0 && x.threaded)
		rc = catch_up(&x, 1);
	if (rc == 0)
		rc = archive_done(&x);
out:
	/* the deciding thread is stopped first: it reads the environment
	 * (gettext), which zone_restore changes */
	intake_release(&x);
	if (had_tz)
		zone_restore(saved_tz);
	if (w != NULL)
		aduan_wa_close(w);
	free(group);
	return rc;
}

void
aduan_intake_summary(const struct aduan_intake_opts *o, FILE *out, const char *prog,
    long added, long present, long rejected, int dry_run)
{
	fprintf(out, _("%s: %s: dates read %s\n"), prog, o->name, o->order_reason);
	fprintf(out, dry_run ?
	    _("%s: %s: %ld messages read, %ld complaints to add, %ld already present, "
	    "%ld rejected; skipped: %ld system, %ld staff, %ld not matching the intake filter, "
	    "%ld joined into a complaint\n") :
	    _("%s: %s: %ld messages read, %ld complaints added, %ld already present, "
	    "%ld rejected; skipped: %ld system, %ld staff, %ld not matching the intake filter, "
	    "%ld joined into a complaint\n"), prog, o->name, o->n_messages, added,
	    present + o->n_present, rejected, o->n_system, o->n_staff, o->n_filtered, o->n_joined);
	if (o->n_unknown > 0)
		fprintf(out, _("%s: %s: %ld unknown WhatsApp lines counted as system lines "
		    "(--verbose names their lines)\n"), prog, o->name, o->n_unknown);
}
