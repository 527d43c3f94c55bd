/*
 * aduan-route - forward complaints to an agency, by hand (--to) or by
 * the routing rules and what the office taught (--auto), suggest an
 * agency (--suggest), and record follow-up notes (--note); send the
 * agency the complaint itself (--message, --link, --mail, --letter).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "aduan.h"
#include "db.h"
#include "forward.h"
#include "learn.h"
#include "letter.h"
#include "lifecycle.h"
#include "outfile.h"
#include "refdata.h"
#include "route.h"
#include "template.h"
#include "util.h"

static void
usage(FILE *fp)
{
	fputs(_("usage: aduan-route [--db FILE] [--by NAME] --to AGENCY [--note TEXT] [--at TIME]\n"
	    "                   ID ...\n"
	    "       aduan-route [--db FILE] [--by NAME] [--to AGENCY] [--note TEXT]\n"
	    "                   --message | --link | --mail [--personal] [--lang id|en] ID ...\n"
	    "       aduan-route [--db FILE] [--by NAME] [--to AGENCY] [--note TEXT]\n"
	    "                   --letter [--list] [-o FILE] [--personal] [--lang id|en] ID ...\n"
	    "       aduan-route [--db FILE] [--by NAME] --auto [--explain] [--dry-run]\n"
	    "                   [--note TEXT] [--at TIME] [ID ...]\n"
	    "       aduan-route [--db FILE] --suggest [ID ...]\n"
	    "       aduan-route [--db FILE] [--by NAME] --note TEXT [--at TIME] ID ...\n"), fp);
}

enum {
	OPT_TO = OPT_FIRST_LOCAL, OPT_AUTO, OPT_EXPLAIN, OPT_DRY_RUN, OPT_NOTE, OPT_MESSAGE,
	OPT_LINK, OPT_MAIL, OPT_LETTER, OPT_LIST, OPT_PERSONAL, OPT_LANG, OPT_SUGGEST, OPT_AT
};

static const struct option longopts[] = {
	CLI_COMMON_OPTIONS,
	{"to", required_argument, NULL, OPT_TO},
	{"auto", no_argument, NULL, OPT_AUTO},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"dry-run", no_argument, NULL, OPT_DRY_RUN},
	{"note", required_argument, NULL, OPT_NOTE},
	{"message", no_argument, NULL, OPT_MESSAGE},
	{"link", no_argument, NULL, OPT_LINK},
	{"mail", no_argument, NULL, OPT_MAIL},
	{"letter", no_argument, NULL, OPT_LETTER},
	{"list", no_argument, NULL, OPT_LIST},
	{"output", required_argument, NULL, 'o'},
	{"personal", no_argument, NULL, OPT_PERSONAL},
	{"lang", required_argument, NULL, OPT_LANG},
	{"suggest", no_argument, NULL, OPT_SUGGEST},
	{"at", required_argument, NULL, OPT_AT},
	{NULL, 0, NULL, 0}
};

/* How the complaint itself goes to the agency. */
enum how { HOW_NONE, HOW_MESSAGE, HOW_LINK, HOW_MAIL, HOW_LETTER };
static const char *const how_names[] = {"", "--message", "--link", "--mail", "--letter"};

struct fwd {
	struct aduan_db *db;
	enum how how;
	int personal;
	const char *lang;
	char *office;			/* office.name, the sender of mail */
	struct aduan_buf out;		/* printed after the commit */
	struct {			/* --link: one text per agency */
		char *agency, *phone;
		struct aduan_buf text;
	} *links;
	size_t nlinks;
	int64_t *letter;		/* --letter: the ids, in order */
	size_t nletter;
	long failed;			/* mail that could not be sent */
};

/* Text for complaint id from template name, for the agency. */
static int
render(struct fwd *x, const char *name, int64_t id, struct aduan_buf *b)
{
	struct aduan_render how = {AUD_AGENCY, x->personal, x->lang, NULL};

	return aduan_render(x->db, name, id, &how, b);
}

static int
forward_message(struct fwd *x, int64_t id, const char *agency)
{
	int rc;

	if (x->out.len > 0)
		aduan_buf_adds(&x->out, "\n----------\n\n");
	if ((rc = render(x, "forward", id, &x->out)) != 0)
		return rc;
	return aduan_forward_record(x->db, id, agency, "message", agency, x->personal);
}

static int
forward_link(struct fwd *x, int64_t id, const struct aduan_agency *a)
{
	size_t i;
	int rc;

	for (i = 0; i < x->nlinks; i++)
		if (strcmp(x->links[i].agency, a->code) == 0)
			break;
	if (i == x->nlinks) {
		x->links = aduan_xrealloc(x->links, sizeof(*x->links) * (x->nlinks + 1));
		x->links[i].agency = aduan_xstrdup(a->code);
		x->links[i].phone = a->f[AG_WHATSAPP] ? aduan_xstrdup(a->f[AG_WHATSAPP]) : NULL;
		memset(&x->links[i].text, 0, sizeof(x->links[i].text));
		x->nlinks++;
		if (a->f[AG_WHATSAPP] == NULL)
			cli_warn("agency %s has no WhatsApp number: the link asks whom to send it to "
			    "('aduan agency set %s --whatsapp NUMBER')", a->code, a->code);
	} else
		aduan_buf_adds(&x->links[i].text, "\n----------\n\n");
	if ((rc = render(x, "forward", id, &x->links[i].text)) != 0)
		return rc;
	return aduan_forward_record(x->db, id, a->code, "WhatsApp link",
	    a->f[AG_WHATSAPP] ? a->f[AG_WHATSAPP] : "a contact chosen in WhatsApp", x->personal);
}

static int
forward_mail(struct fwd *x, int64_t id, const struct aduan_agency *a)
{
	struct aduan_buf subject = {0}, body = {0}, msg = {0};
	struct aduan_mail m = {0};
	char *from;
	int rc;

	if (a->f[AG_EMAIL] == NULL)
		return aduan_fail(ADUAN_NOMATCH, "agency %s has no email address; complaint %lld "
		    "not mailed ('aduan agency set %s --email ADDRESS')", a->code, (long long)id,
		    a->code);
	from = aduan_xstrdup(aduan_config(x->db, "office.email"));
	if ((rc = render(x, "forward-subject", id, &subject)) != 0 ||
	    (rc = render(x, "forward", id, &body)) != 0)
		goto out;
	subject.s[strcspn(subject.s, "\n")] = '\0';
	m.from_name = x->office;
	m.from = from;
	m.to_name = a->name;
	m.to = a->f[AG_EMAIL];
	m.subject = subject.s;
	m.body = body.s;
	m.id = id;
	m.date = time(NULL);
	aduan_mail_format(&msg, &m);
	if ((rc = aduan_mail_send(x->db, msg.s)) != 0) {
		cli_warn("complaint %lld: %s", (long long)id, aduan_errmsg());
		x->failed++;
		rc = 0;
		goto out;
	}
	rc = aduan_forward_record(x->db, id, a->code, "mail", a->f[AG_EMAIL], x->personal);
	if (rc == 0)
		aduan_buf_printf(&x->out, "%lld\n", (long long)id);
out:
	aduan_buf_release(&subject);
	aduan_buf_release(&body);
	aduan_buf_release(&msg);
	free(from);
	return rc;
}

/* Send complaint id to its agency the way asked; ADUAN_NOMATCH skips it. */
static int
forward(struct fwd *x, int64_t id)
{
	struct aduan_agency a;
	char *code;
	int rc;

	if ((rc = aduan_forward_check(x->db, id, &code)) != 0)
		return rc;
	rc = aduan_agency_get(x->db, code, &a);
	free(code);
	if (rc != 0)
		return rc;
	switch (x->how) {
	case HOW_MESSAGE: rc = forward_message(x, id, a.code); break;
	case HOW_LINK: rc = forward_link(x, id, &a); break;
	case HOW_MAIL: rc = forward_mail(x, id, &a); break;
	default:
		x->letter = aduan_xrealloc(x->letter, sizeof(*x->letter) * (x->nletter + 1));
		x->letter[x->nletter++] = id;
		break;
	}
	aduan_agency_release(&a);
	return rc;
}

/* After the loop: the letter, written whole or not at all. */
static int
forward_finish(struct fwd *x, const char *outpath, int list)
{
	struct aduan_outfile of;
	size_t i;
	int rc;

	for (i = 0; i < x->nlinks; i++) {
		struct aduan_buf *t = &x->links[i].text;

		while (t->len > 0 && t->s[t->len - 1] == '\n')
			t->s[--t->len] = '\0';
		aduan_walink(&x->out, x->links[i].phone, t->s);
		aduan_buf_addc(&x->out, '\n');
	}
	if (x->how != HOW_LETTER || x->nletter == 0)
		return 0;
	if (outpath == NULL)
		return aduan_letter_write(x->db, x->letter, x->nletter, list, x->personal, x->lang,
		    stdout);
	if ((rc = aduan_outfile_open(&of, outpath, x->personal)) != 0)
		return rc;
	rc = aduan_letter_write(x->db, x->letter, x->nletter, list, x->personal, x->lang, of.fp);
	if (rc == 0)
		rc = aduan_outfile_commit(&of);
	aduan_outfile_abort(&of);
	return rc;
}

static void
fwd_release(struct fwd *x)
{
	size_t i;

	for (i = 0; i < x->nlinks; i++) {
		free(x->links[i].agency);
		free(x->links[i].phone);
		aduan_buf_release(&x->links[i].text);
	}
	free(x->links);
	free(x->letter);
	free(x->office);
	aduan_buf_release(&x->out);
}

/* Every open complaint that has no agency yet. */
static void
open_ids(struct aduan_db *db, struct cli_idlist *l)
{
	int rc;

	if ((rc = aduan_open_unrouted(db, cli_idlist_add, l)) != 0)
		cli_fail(rc);
}

/* --suggest: id, agency, confidence, the ids it learned from. */
static int
suggest(struct aduan_db *db, const struct cli_idlist *ids)
{
	struct aduan_suggest sug;
	char cf[32];
	size_t i;
	int j, rc, status = 0;

	for (i = 0; i < ids->n; i++) {
		if ((rc = aduan_suggest_id(db, ids->v[i], &sug)) == ADUAN_NOMATCH) {
			cli_warn("%s", aduan_errmsg());
			status = ADUAN_NOMATCH;
			continue;
		} else if (rc != 0)
			cli_fail(rc);
		if (sug.agency == NULL) {
			cli_warn("complaint %lld: nothing like it was routed by hand yet",
			    (long long)ids->v[i]);
			status = ADUAN_NOMATCH;
			continue;
		}
		printf("%lld\t%s\t%s\t", (long long)ids->v[i], sug.agency,
		    aduan_decimal(sug.confidence, 2, cf));
		for (j = 0; j < sug.nfrom; j++)
			printf("%s%lld", j ? "," : "", (long long)sug.from[j]);
		putchar('\n');
		aduan_suggest_release(&sug);
	}
	return status;
}

/* ---- the command line ----------------------------------------------------- */

struct route {
	struct cli_common common;
	const char *to, *note, *outpath;
	time_t at;			/* --at: when it was done (0: now) */
	int autoroute, explain, dry_run, list, suggesting;
	struct fwd x;			/* --message, --link, --mail, --letter */
	struct cli_idlist ids;
	struct aduan_db *db;
	struct aduan_rules rules;	/* --auto */
	char *agency;			/* --to, as the database spells it */
	long done, skipped, unmatched;
};

/* The options into r; *argcp and *argvp left with the operands. */
static void
parse_options(struct route *r, int *argcp, char ***argvp)
{
	struct fwd *x = &r->x;
	int ch;

	while ((ch = cli_getopt_long(argcp, argvp, "o:", longopts, 0)) != -1) {
		switch (ch) {
		case OPT_MESSAGE: case OPT_LINK: case OPT_MAIL: case OPT_LETTER:
			if (x->how != HOW_NONE && x->how != (enum how)(ch - OPT_MESSAGE + HOW_MESSAGE))
				cli_usage_error(usage, "%s and %s do not go together", how_names[x->how],
				    how_names[ch - OPT_MESSAGE + HOW_MESSAGE]);
			x->how = (enum how)(ch - OPT_MESSAGE + HOW_MESSAGE);
			break;
		case OPT_LIST: r->list = 1; break;
		case 'o': r->outpath = optarg; break;
		case OPT_PERSONAL: x->personal = 1; break;
		case OPT_LANG: x->lang = optarg; break;
		case OPT_TO: r->to = optarg; break;
		case OPT_AUTO: r->autoroute = 1; break;
		case OPT_EXPLAIN: r->explain = 1; break;
		case OPT_DRY_RUN: r->dry_run = 1; break;
		case OPT_SUGGEST: r->suggesting = 1; break;
		case OPT_NOTE: r->note = cli_note(optarg, usage); break;
		case OPT_AT: r->at = cli_done_at(optarg, usage); break;
		default: cli_common_option(ch, optarg, &r->common, "aduan-route", usage);
		}
	}
}

/* What goes together when routing, noting or forwarding (not --suggest). */
static void
check_options(const struct route *r, int argc)
{
	enum how how = r->x.how;

	if (r->to == NULL && !r->autoroute && r->note == NULL && how == HOW_NONE)
		cli_usage_error(usage, "say what to do: --to AGENCY, --auto, --suggest, --note TEXT, "
		    "--message, --link, --mail or --letter");
	if (r->autoroute && how != HOW_NONE)
		cli_usage_error(usage, "%s goes with --to or alone, not with --auto", how_names[how]);
	if ((r->list || r->outpath != NULL) && how != HOW_LETTER)
		cli_usage_error(usage, "--list and -o go with --letter");
	if ((r->x.personal || r->x.lang != NULL) && how == HOW_NONE)
		cli_usage_error(usage, "--personal and --lang go with --message, --link, --mail "
		    "or --letter");
	if ((r->explain || r->dry_run) && !r->autoroute)
		cli_usage_error(usage, "--explain and --dry-run go with --auto");
	if (r->at != 0 && how != HOW_NONE)
		cli_usage_error(usage, "--at is for recording what was done earlier; %s sends "
		    "the complaint now",
		    how_names[how]);
	if (r->at != 0 && r->dry_run)
		cli_usage_error(usage, "--at does not go with --dry-run: nothing is recorded");
	if (!r->autoroute && argc == 0)
		cli_usage_error(usage, "which complaints? name their ids, or - to read them from stdin");
}

/* --suggest: it changes nothing. */
static int
run_suggest(struct route *r, int argc, char *argv[])
{
	int rc;

	if (r->to != NULL || r->autoroute || r->note != NULL || r->explain || r->dry_run ||
	    r->x.how != HOW_NONE || r->at != 0)
		cli_usage_error(usage, "--suggest goes alone: it changes nothing");
	cli_ids(argc, argv, usage, cli_idlist_add, &r->ids);
	r->db = cli_open(r->common.db, ADUAN_RDONLY);
	if (argc == 0)
		open_ids(r->db, &r->ids);
	rc = suggest(r->db, &r->ids);
	free(r->ids.v);
	aduan_db_close(r->db);
	return cli_finish(rc);
}

/* What the work needs from the database: the agency, the language, the
 * sender of mail, the rules. */
static void
prepare(struct route *r)
{
	struct aduan_db *db = r->db;
	int rc;

	if (r->to != NULL && aduan_agency_resolve(db, r->to, &r->agency) != 0)
		cli_usage_error(usage, "--to: %s", aduan_errmsg());
	r->x.db = db;
	if (r->x.how != HOW_NONE && aduan_template_lang(db, r->x.lang, &r->x.lang) != 0)
		cli_usage_error(usage, "--lang: %s", aduan_errmsg());
	if (r->x.how == HOW_MAIL) {
		const char *from = aduan_config(db, "office.email");

		if (from == NULL || *from == '\0')
			cli_die(ADUAN_USAGE, "--mail: the office has no sender address "
			    "(aduan config office.email ADDRESS)");
		if (aduan_email_check(from) != 0)
			cli_die(ADUAN_USAGE, "office.email: %s", aduan_errmsg());
		r->x.office = aduan_xstrdup(aduan_config(db, "office.name"));
	}
	if (r->autoroute) {
		if ((rc = aduan_rules_get(db, &r->rules)) != 0)
			cli_fail(rc);
		if (r->rules.n == 0)
			cli_die(ADUAN_NOMATCH, "there are no routing rules "
			    "(aduan rule load FILE, or aduan init --preset bontang-utara)");
	}
}

/* ---- the work, one complaint at a time -------------------------------------- */

/* --auto: by the rules (and with --explain or --dry-run, why). */
static int
route_auto(struct route *r, int64_t id)
{
	struct aduan_auto a;
	struct aduan_buf why = {0};
	int rc = aduan_route_auto(r->db, id, &r->rules, r->note, r->dry_run, &a);

	if (rc == 0 && a.agency == NULL) {
		cli_warn("complaint %lld: no rule matches; it stays open", (long long)id);
		r->unmatched++;
	} else if (rc == 0 && (r->explain || r->dry_run)) {
		r->done++;
		aduan_auto_explain(&a, &why);
		printf("%lld\t%s\t%s", (long long)id, a.agency, why.s);
		if (a.category != NULL)
			printf("\tcategory=%s", a.category);
		if (a.priority != NULL)
			printf("\tpriority=%s", a.priority);
		putchar('\n');
	} else if (rc == 0) {
		r->done++;
		printf("%lld\n", (long long)id);
	}
	aduan_buf_release(&why);
	aduan_auto_release(&a);
	return rc;
}

/* --to AGENCY, and maybe the complaint sent there. */
static int
route_to(struct route *r, int64_t id)
{
	int changed = 1, rc;

	if ((rc = aduan_route_to(r->db, id, r->agency, r->note, &changed)) == 0) {
		r->done++;
		if (changed && r->x.how == HOW_NONE)
			printf("%lld\n", (long long)id);
		else if (!changed)
			cli_warn("complaint %lld is already routed to %s", (long long)id, r->agency);
	}
	if (rc == 0 && r->x.how != HOW_NONE)
		rc = forward(&r->x, id);
	return rc;
}

static int
route_one(struct route *r, int64_t id)
{
	int rc;

	if (r->autoroute)
		return route_auto(r, id);
	if (r->agency != NULL)
		return route_to(r, id);
	if (r->x.how != HOW_NONE) {	/* sent where it is, with the note */
		if ((rc = r->note == NULL ? 0 : aduan_note_add(r->db, id, r->note)) == 0 &&
		    (rc = forward(&r->x, id)) == 0)
			r->done++;
		return rc;
	}
	if ((rc = aduan_note_add(r->db, id, r->note)) == 0) {
		r->done++;
		printf("%lld\n", (long long)id);
	}
	return rc;
}

/* --auto over more than one complaint: what became of them. */
static void
say_totals(const struct route *r)
{
	if (r->dry_run && r->skipped)
		cli_warn("%ld would be routed, %ld left open, some skipped", r->done, r->unmatched);
	else if (r->dry_run)
		cli_warn("%ld would be routed, %ld left open", r->done, r->unmatched);
	else if (r->skipped)
		cli_warn("%ld routed, %ld left open, some skipped", r->done, r->unmatched);
	else
		cli_warn("%ld routed, %ld left open", r->done, r->unmatched);
}

int
main(int argc, char *argv[])
{
	struct route r = {0};
	size_t i;
	int rc;

	cli_init(argc, argv);
	parse_options(&r, &argc, &argv);
	if (r.to != NULL && r.autoroute)
		cli_usage_error(usage, "--to and --auto do not go together");
	if (r.suggesting)
		return run_suggest(&r, argc, argv);
	check_options(&r, argc);
	cli_ids(argc, argv, usage, cli_idlist_add, &r.ids);

	r.db = cli_open(r.common.db, r.dry_run ? ADUAN_RDONLY : ADUAN_RDWR);
	prepare(&r);
	if (!r.dry_run)
		cli_begin(r.db, r.common.by);
	if (r.at != 0)
		aduan_db_at(r.db, r.at);
	if (r.autoroute && argc == 0)
		open_ids(r.db, &r.ids);
	for (i = 0; i < r.ids.n; i++)
		cli_outcome(r.db, route_one(&r, r.ids.v[i]), 0, &r.skipped);
	if (r.x.how != HOW_NONE && (rc = forward_finish(&r.x, r.outpath, r.list)) != 0)
		cli_abort(r.db, rc);
	if (!r.dry_run)
		cli_commit(r.db);
	fwrite(r.x.out.s ? r.x.out.s : "", 1, r.x.out.len, stdout);
	fwd_release(&r.x);
	if (r.autoroute && (r.ids.n > 1 || argc == 0))
		say_totals(&r);
	aduan_rules_release(&r.rules);
	free(r.agency);
	free(r.ids.v);
	aduan_db_close(r.db);
	return cli_finish(r.x.failed ? ADUAN_IOERR : r.skipped || r.unmatched ? ADUAN_NOMATCH : 0);
}
