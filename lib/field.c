/*
 * field.c - the complaint described once: its fields (column, type,
 * allowed words, flags, privacy, aduan-edit's option), the words of the
 * data with the synonyms an operator types, and the status transitions.
 * Everything that names the fields takes them from here.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aduan.h"
#include "field.h"
#include "internal.h"
#include "util.h"

/* The allowed words of a field (its CHECK in the schema), each marked
 * for the catalogue under the field's name: tables show them translated. */
const char *const aduan_channels[] = {
	C_("channel", "whatsapp"), C_("channel", "facebook"), C_("channel", "instagram"),
	C_("channel", "walk-in"), C_("channel", "phone"), C_("channel", "sms"),
	C_("channel", "email"), C_("channel", "letter"), C_("channel", "web"),
	C_("channel", "other"), NULL
};
const char *const aduan_priorities[] = {
	C_("priority", "urgent"), C_("priority", "normal"), C_("priority", "low"), NULL
};
const char *const aduan_statuses[] = {
	[AS_OPEN] = C_("status", "open"), [AS_ROUTED] = C_("status", "routed"),
	[AS_CLOSED] = C_("status", "closed"), [AS_NSTATUS] = NULL
};
const char *const aduan_resolutions[] = {
	C_("resolution", "resolved"), C_("resolution", "rejected"),
	C_("resolution", "duplicate"), C_("resolution", "withdrawn"), NULL
};

/* Short names for the table below. */
#define REQ	AFF_REQUIRED
#define ENTERED	AFF_ENTERED
#define TIME	AFF_TIME
#define LONG	AFF_LONG
#define DUE	AFF_DUE
#define PRIOR	AFF_PRIOR
#define EDIT(option) option	/* aduan-edit --option */

/*
 * The complaint, field by field (struct aduan_field in aduan.h): column,
 * CSV header and JSON key (marked for the catalogue: the header a table
 * shows), type, allowed words and the default one; flags, privacy in
 * files for others, aduan-edit's option, worksheet column width.
 */
const struct aduan_field aduan_fields[ADUAN_NFIELDS] = {
	[AF_ID] = {C_("field", "id"), AT_INT, NULL, NULL,
	    0, APV_PUBLIC, NULL, 7},
	[AF_UID] = {C_("field", "uid"), AT_TEXT, NULL, NULL,
	    REQ, APV_PUBLIC, NULL, 12},
	[AF_SOURCE_KEY] = {C_("field", "source_key"), AT_TEXT, NULL, NULL,
	    LONG, APV_KEY, NULL, 14},
	[AF_RECEIVED_AT] = {C_("field", "received_at"), AT_TEXT, NULL, NULL,
	    REQ | ENTERED | TIME | DUE, APV_PUBLIC, EDIT("received"), 17},
	[AF_CREATED_AT] = {C_("field", "created_at"), AT_TEXT, NULL, NULL,
	    REQ | TIME, APV_PUBLIC, NULL, 17},
	[AF_CHANNEL] = {C_("field", "channel"), AT_TEXT, aduan_channels, "other",
	    REQ | ENTERED, APV_PUBLIC, EDIT("channel"), 11},
	[AF_SOURCE] = {C_("field", "source"), AT_TEXT, NULL, NULL,
	    ENTERED, APV_IDENTITY, EDIT("source"), 16},
	[AF_REPORTER_NAME] = {C_("field", "reporter_name"), AT_TEXT, NULL, NULL,
	    ENTERED, APV_MASKED, EDIT("name"), 18},
	[AF_REPORTER_PHONE] = {C_("field", "reporter_phone"), AT_TEXT, NULL, NULL,
	    ENTERED, APV_MASKED, EDIT("phone"), 16},
	[AF_ANONYMOUS] = {C_("field", "anonymous"), AT_BOOL, NULL, NULL,
	    REQ | ENTERED, APV_PUBLIC, EDIT("anonymous"), 6},
	[AF_CONFIDENTIAL] = {C_("field", "confidential"), AT_BOOL, NULL, NULL,
	    REQ | ENTERED, APV_PUBLIC, EDIT("confidential"), 6},
	[AF_KELURAHAN] = {C_("field", "kelurahan"), AT_TEXT, NULL, NULL,
	    ENTERED, APV_PLACE, EDIT("kelurahan"), 15},
	[AF_RT] = {C_("field", "rt"), AT_TEXT, NULL, NULL,
	    ENTERED, APV_PLACE, EDIT("rt"), 6},
	[AF_LOCATION] = {C_("field", "location"), AT_TEXT, NULL, NULL,
	    ENTERED | LONG, APV_SPOT, EDIT("location"), 24},
	[AF_LAT] = {C_("field", "lat"), AT_REAL, NULL, NULL,
	    ENTERED, APV_SPOT, EDIT("lat"), 10},
	[AF_LON] = {C_("field", "lon"), AT_REAL, NULL, NULL,
	    ENTERED, APV_SPOT, EDIT("lon"), 10},
	[AF_CATEGORY] = {C_("field", "category"), AT_TEXT, NULL, NULL,
	    ENTERED | PRIOR, APV_PLACE, EDIT("category"), 14},
	[AF_BODY] = {C_("field", "body"), AT_TEXT, NULL, NULL,
	    REQ | ENTERED | LONG, APV_IDENTITY, EDIT("body"), 60},
	[AF_ATTACHMENTS] = {C_("field", "attachments"), AT_TEXT, NULL, NULL,
	    ENTERED | LONG, APV_IDENTITY, NULL, 20},
	[AF_PRIORITY] = {C_("field", "priority"), AT_TEXT, aduan_priorities, "normal",
	    REQ | ENTERED | DUE | PRIOR, APV_PUBLIC, EDIT("priority"), 9},
	[AF_STATUS] = {C_("field", "status"), AT_TEXT, aduan_statuses, NULL,
	    REQ | PRIOR, APV_PUBLIC, NULL, 9},
	[AF_AGENCY] = {C_("field", "agency"), AT_TEXT, NULL, NULL,
	    PRIOR, APV_PUBLIC, NULL, 12},
	[AF_DUE_AT] = {C_("field", "due_at"), AT_TEXT, NULL, NULL,
	    TIME | PRIOR, APV_PUBLIC, NULL, 17},
	[AF_CLOSED_AT] = {C_("field", "closed_at"), AT_TEXT, NULL, NULL,
	    TIME | PRIOR, APV_PUBLIC, NULL, 17},
	[AF_RESOLUTION] = {C_("field", "resolution"), AT_TEXT, aduan_resolutions, NULL,
	    PRIOR, APV_PUBLIC, NULL, 12},
	[AF_DUPLICATE_OF] = {C_("field", "duplicate_of"), AT_INT, NULL, NULL,
	    PRIOR, APV_PUBLIC, NULL, 8},
};
#undef REQ
#undef ENTERED
#undef TIME
#undef LONG
#undef DUE
#undef PRIOR
#undef EDIT

int
aduan_status_is(const char *s, enum aduan_status st)
{
	return s != NULL && strcmp(s, aduan_statuses[st]) == 0;
}

/*
 * Words an operator types for a channel, priority, status or resolution,
 * and what they mean: the Indonesian words the programs print (po/id.po;
 * tests/words.t holds this table to the catalogue) and common spellings.
 * Compared folded: case, spaces, dashes and dots do not count.
 */
static const char *const synonyms[][2] = {
	{"wa", "whatsapp"}, {"fb", "facebook"}, {"ig", "instagram"},
	{"walkin", "walk-in"}, {"datang", "walk-in"}, {"datang langsung", "walk-in"},
	{"langsung", "walk-in"}, {"tatap muka", "walk-in"},
	{"telepon", "phone"}, {"telpon", "phone"}, {"telp", "phone"}, {"tel", "phone"},
	{"telefon", "phone"}, {"surat", "letter"}, {"e-mail", "email"}, {"surel", "email"},
	{"pesan singkat", "sms"}, {"website", "web"}, {"situs", "web"}, {"lainnya", "other"},
	{"lain", "other"},
	{"mendesak", "urgent"}, {"darurat", "urgent"}, {"segera", "urgent"},
	{"penting", "urgent"}, {"biasa", "normal"}, {"sedang", "normal"},
	{"rendah", "low"},
	{"terbuka", "open"}, {"baru", "open"}, {"diteruskan", "routed"},
	{"diteruskan ke instansi", "routed"}, {"ditutup", "closed"}, {"tutup", "closed"},
	{"selesai", "resolved"}, {"tuntas", "resolved"}, {"ditolak", "rejected"},
	{"tolak", "rejected"}, {"ganda", "duplicate"}, {"duplikat", "duplicate"},
	{"dicabut", "withdrawn"}, {"cabut", "withdrawn"},
};

/*
 * The status transitions: for each action, the status it leaves a
 * complaint in, without an agency and with one (AS_NSTATUS: as it was);
 * and for each status it may not be taken from, why (a format of the id
 * and the agency).
 */
static const struct {
	int to[2];
	const char *refused[AS_NSTATUS];
} transitions[AA_NACTIONS] = {
	[AA_ROUTE] = {{AS_ROUTED, AS_ROUTED}, {[AS_CLOSED] =
	    N_("complaint %1$lld is closed (reopen it first: aduan-close --reopen %1$lld)")}},
	[AA_ROUTE_AUTO] = {{AS_ROUTED, AS_ROUTED}, {[AS_CLOSED] = N_("complaint %lld is closed"),
	    [AS_ROUTED] =
	    N_("complaint %1$lld is already routed to %2$s (use --to to route it again)")}},
	[AA_CLOSE] = {{AS_CLOSED, AS_CLOSED}, {[AS_CLOSED] = N_("complaint %lld is already closed")}},
	[AA_REOPEN] = {{AS_OPEN, AS_ROUTED}, {[AS_OPEN] = N_("complaint %lld is not closed"),
	    [AS_ROUTED] = N_("complaint %lld is not closed")}},
	[AA_NOTE] = {{AS_NSTATUS, AS_NSTATUS}, {NULL}},
};

int
aduan_transition(enum aduan_action a, int64_t id, const char *status, const char *agency,
    const char **to)
{
	int from = status ? aduan_word_index(aduan_statuses, status) : -1, k;

	/* the schema admits no other status; one would be left as it is */
	if (from >= 0 && transitions[a].refused[from] != NULL)
		return aduan_fail(ADUAN_NOMATCH, transitions[a].refused[from], (long long)id,
		    agency ? agency : "?");
	k = transitions[a].to[agency != NULL];
	*to = k == AS_NSTATUS ? status : aduan_statuses[k];
	return 0;
}

int
aduan_field_lookup(const char *name, size_t len)
{
	return aduan_row_named(aduan_fields, ADUAN_NFIELDS, sizeof(aduan_fields[0]), name, len);
}

int
aduan_word_index(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcasecmp(list[i], s) == 0)
			return i;
	return -1;
}

/* The catalogue context of a word list (its field's name), or "". */
static const char *
list_context(const char *const *list)
{
	int i;

	for (i = 0; i < ADUAN_NFIELDS; i++)
		if (aduan_fields[i].words == list)
			return aduan_fields[i].name;
	return "";
}

static int
folded_eq(const char *a, const char *folded)
{
	char *f = aduan_fold(a);
	int eq = strcmp(f, folded) == 0;

	free(f);
	return eq;
}

const char *
aduan_word_canon(const char *const *list, const char *s)
{
	const char *w = NULL;
	char *fs;
	size_t i;
	int k;

	if ((k = aduan_word_index(list, s)) >= 0)
		return list[k];
	fs = aduan_fold(s);
	/* the word itself, or as this reader's language shows it */
	for (k = 0; list[k] != NULL && w == NULL; k++)
		if (folded_eq(list[k], fs) || folded_eq(aduan_label(list_context(list), list[k]), fs))
			w = list[k];
	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]) && w == NULL; i++)
		if (folded_eq(synonyms[i][0], fs) && (k = aduan_word_index(list, synonyms[i][1])) >= 0)
			w = list[k];
	free(fs);
	return w;
}

int
aduan_format_index(const char *const *names, const char *s)
{
	int i = aduan_word_index(names, s);

	return i == -1 && strcmp(s, "json") == 0 ? aduan_word_index(names, "jsonl") : i;
}

void
aduan_field_bind(sqlite3_stmt *st, int col, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, col);
	else if (aduan_fields[i].type == AT_INT || aduan_fields[i].type == AT_BOOL)
		sqlite3_bind_int64(st, col, strtoll(s, NULL, 10));
	else if (aduan_fields[i].type == AT_REAL)
		sqlite3_bind_double(st, col, strtod(s, NULL));
	else
		sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
}
