/*
 * json.c - one flat JSON object (a JSON Lines line), RFC 8259.
 *
 * aduan_json_object() accepts exactly one object whose member values are
 * strings, numbers, true, false or null, surrounded by optional JSON
 * whitespace (space, tab, LF, CR).  It rejects, with a message naming
 * the byte position (1-based, counted in the input):
 *
 *  - empty input, anything but an object at the top, trailing bytes;
 *  - nested arrays and objects ("nested value for key \"x\" is not
 *    supported");
 *  - duplicate keys (compared after decoding, so "a" and "\u0061" are
 *    the same key);
 *  - bad escapes, lone or misordered UTF-16 surrogates, raw control
 *    characters (U+0000..U+001F) and invalid UTF-8 inside strings;
 *  - \u0000: keys and values are handed on as C strings, and a NUL in
 *    the middle would silently cut the text short, so it is an error;
 *  - numbers outside the RFC 8259 grammar (01, 1., .5, +1, -, 1e).
 *
 * A BOM is not skipped here: that is the reader's business, for the
 * first line of a file only.
 *
 * Nothing reaches the callback unless the whole object is valid: the
 * members are decoded into one buffer first, then handed over in input
 * order.  Keys and values are NUL-terminated; a number is passed as its
 * text, true and false as "true" and "false", null as NULL.  When the
 * callback returns nonzero, aduan_json_object() stops and returns -1,
 * leaving the callback's own aduan_fail() message in place.
 */
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "json.h"
#include "util.h"

struct member {
	size_t koff, klen, voff, vlen;	/* offsets into the decode buffer */
	size_t kpos;			/* byte position of the key (1-based) */
	enum aduan_json_type type;
	const char *key;		/* set once the buffer no longer moves */
};

struct parser {
	const unsigned char *s;
	size_t n, i;
	struct aduan_buf out;		/* decoded keys and values, NUL after each */
	struct member *m;
	size_t nm, cap;
};

static int
ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_ws(struct parser *p)
{
	while (p->i < p->n && ws(p->s[p->i]))
		p->i++;
}

/* Describe the byte at p->i for a message. */
static const char *
what(struct parser *p, char tmp[16])
{
	unsigned c;

	if (p->i >= p->n)
		return "end of input";
	c = p->s[p->i];
	if (c > 0x20 && c < 0x7f)
		snprintf(tmp, 16, "'%c'", (char)c);
	else
		snprintf(tmp, 16, "byte 0x%02x", c);
	return tmp;
}

static int
unexpected(struct parser *p, const char *expected)
{
	char tmp[16];

	aduan_fail(-1, "expected %s, found %s at byte %zu", expected, what(p, tmp), p->i + 1);
	return -1;
}

/* Four hex digits at p->s + i, or -1. */
static long
hex4(const struct parser *p, size_t i)
{
	long v = 0;
	size_t k;

	if (p->n - i < 4)
		return -1;
	for (k = 0; k < 4; k++) {
		int c = p->s[i + k], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v << 4 | d;
	}
	return v;
}

static void
add_utf8(struct aduan_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	aduan_buf_add(b, u, n);
}

/* The \uXXXX escape at p->i (pointing at the backslash), one or two of them. */
static int
unicode_escape(struct parser *p)
{
	size_t at = p->i;
	long hi, lo;

	if ((hi = hex4(p, p->i + 2)) < 0) {
		aduan_fail(-1, "bad \\u escape at byte %zu: four hex digits wanted", at + 1);
		return -1;
	}
	p->i += 6;
	if (hi >= 0xdc00 && hi <= 0xdfff) {
		aduan_fail(-1, "lone surrogate \\u%04lx at byte %zu", hi, at + 1);
		return -1;
	}
	if (hi >= 0xd800 && hi <= 0xdbff) {
		if (p->n - p->i < 6 || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u' ||
		    (lo = hex4(p, p->i + 2)) < 0xdc00 || lo > 0xdfff) {
			aduan_fail(-1, "lone surrogate \\u%04lx at byte %zu", hi, at + 1);
			return -1;
		}
		p->i += 6;
		add_utf8(&p->out, 0x10000 + ((unsigned long)(hi - 0xd800) << 10) +
		    (unsigned long)(lo - 0xdc00));
		return 0;
	}
	if (hi == 0) {
		aduan_fail(-1, "\\u0000 at byte %zu is not supported", at + 1);
		return -1;
	}
	add_utf8(&p->out, (unsigned long)hi);
	return 0;
}

/* Length of the UTF-8 sequence that byte c starts, 0 if it cannot start one. */
static size_t
utf8_len(unsigned c)
{
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/* A string at p->i (the opening quote), decoded onto p->out with a NUL. */
static int
string(struct parser *p, size_t *off, size_t *len)
{
	size_t run;

	*off = p->out.len;
	p->i++;
	for (;;) {
		unsigned c;

		/* Copy plain ASCII in one go. */
		run = p->i;
		while (p->i < p->n && (c = p->s[p->i]) >= 0x20 && c < 0x80 && c != '"' && c != '\\')
			p->i++;
		aduan_buf_add(&p->out, (const char *)p->s + run, p->i - run);
		if (p->i >= p->n) {
			aduan_fail(-1, "unterminated string at byte %zu", p->i + 1);
			return -1;
		}
		c = p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20) {
			aduan_fail(-1, "control character 0x%02x in string at byte %zu", c, p->i + 1);
			return -1;
		}
		if (c >= 0x80) {
			size_t k = utf8_len(c);

			if (k == 0 || k > p->n - p->i ||
			    aduan_utf8_valid((const char *)p->s + p->i, k) != k) {
				aduan_fail(-1, "invalid UTF-8 at byte %zu", p->i + 1);
				return -1;
			}
			aduan_buf_add(&p->out, (const char *)p->s + p->i, k);
			p->i += k;
			continue;
		}
		/* A backslash. */
		if (p->i + 1 >= p->n) {
			aduan_fail(-1, "unterminated string at byte %zu", p->i + 2);
			return -1;
		}
		switch (p->s[p->i + 1]) {
		case '"': aduan_buf_addc(&p->out, '"'); break;
		case '\\': aduan_buf_addc(&p->out, '\\'); break;
		case '/': aduan_buf_addc(&p->out, '/'); break;
		case 'b': aduan_buf_addc(&p->out, '\b'); break;
		case 'f': aduan_buf_addc(&p->out, '\f'); break;
		case 'n': aduan_buf_addc(&p->out, '\n'); break;
		case 'r': aduan_buf_addc(&p->out, '\r'); break;
		case 't': aduan_buf_addc(&p->out, '\t'); break;
		case 'u':
			if (unicode_escape(p) < 0)
				return -1;
			continue;
		default:
			c = p->s[p->i + 1];
			if (c > 0x20 && c < 0x7f)
				aduan_fail(-1, "bad escape \\%c at byte %zu", (char)c, p->i + 1);
			else
				aduan_fail(-1, "bad escape \\ followed by byte 0x%02x at byte %zu",
				    c, p->i + 1);
			return -1;
		}
		p->i += 2;
	}
	*len = p->out.len - *off;
	aduan_buf_addc(&p->out, '\0');
	return 0;
}

static int
digit(struct parser *p)
{
	return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

/* A number at p->i: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
number(struct parser *p, size_t *off, size_t *len)
{
	size_t start = p->i;

	if (p->s[p->i] == '-')
		p->i++;
	if (!digit(p))
		goto bad;
	if (p->s[p->i] == '0') {
		p->i++;
		if (digit(p))
			goto bad;
	} else
		while (digit(p))
			p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!digit(p))
			goto bad;
		while (digit(p))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!digit(p))
			goto bad;
		while (digit(p))
			p->i++;
	}
	*off = p->out.len;
	*len = p->i - start;
	aduan_buf_add(&p->out, (const char *)p->s + start, *len);
	aduan_buf_addc(&p->out, '\0');
	return 0;
bad:
	aduan_fail(-1, "bad number at byte %zu", start + 1);
	return -1;
}

static int
literal(struct parser *p, const char *word, size_t *off, size_t *len)
{
	size_t k = strlen(word);

	if (p->n - p->i < k || memcmp(p->s + p->i, word, k) != 0)
		return unexpected(p, "a value");
	p->i += k;
	*off = p->out.len;
	*len = k;
	aduan_buf_add(&p->out, word, k);
	aduan_buf_addc(&p->out, '\0');
	return 0;
}

/* The key of member m, quoted and cut short, for a message. */
static const char *
quoted_key(struct parser *p, const struct member *m, struct aduan_buf *b)
{
	size_t n = m->klen > 60 ? 60 : m->klen;

	aduan_buf_reset(b);
	aduan_json_quote(b, p->out.s + m->koff, n);
	if (n < m->klen)
		aduan_buf_adds(b, "...");
	return b->s;
}

static int
value(struct parser *p, struct member *m)
{
	struct aduan_buf kb = { 0 };

	if (p->i >= p->n)
		return unexpected(p, "a value");
	switch (p->s[p->i]) {
	case '"':
		m->type = AJ_STRING;
		return string(p, &m->voff, &m->vlen);
	case 't':
		m->type = AJ_TRUE;
		return literal(p, "true", &m->voff, &m->vlen);
	case 'f':
		m->type = AJ_FALSE;
		return literal(p, "false", &m->voff, &m->vlen);
	case 'n':
		m->type = AJ_NULL;
		return literal(p, "null", &m->voff, &m->vlen);
	case '[':
	case '{':
		aduan_fail(-1, "nested value for key %s is not supported", quoted_key(p, m, &kb));
		aduan_buf_release(&kb);
		return -1;
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9')) {
			m->type = AJ_NUMBER;
			return number(p, &m->voff, &m->vlen);
		}
		return unexpected(p, "a value");
	}
}

static int
bykey(const void *a, const void *b)
{
	const struct member *x = *(const struct member *const *)a;
	const struct member *y = *(const struct member *const *)b;
	size_t n = x->klen < y->klen ? x->klen : y->klen;
	int d = memcmp(x->key, y->key, n);

	if (d != 0)
		return d;
	if (x->klen != y->klen)
		return x->klen < y->klen ? -1 : 1;
	return x->kpos < y->kpos ? -1 : x->kpos > y->kpos;
}

/* Reject a key that occurs twice, naming its first repetition. */
static int
no_duplicates(struct parser *p)
{
	struct member **v, *dup = NULL;
	struct aduan_buf kb = { 0 };
	size_t k;

	if (p->nm < 2)
		return 0;
	v = aduan_xmalloc(p->nm * sizeof(*v));
	for (k = 0; k < p->nm; k++)
		v[k] = &p->m[k];
	qsort(v, p->nm, sizeof(*v), bykey);
	for (k = 1; k < p->nm; k++)
		if (v[k]->klen == v[k - 1]->klen &&
		    memcmp(v[k]->key, v[k - 1]->key, v[k]->klen) == 0 &&
		    (dup == NULL || v[k]->kpos < dup->kpos))
			dup = v[k];
	free(v);
	if (dup == NULL)
		return 0;
	aduan_fail(-1, "duplicate key %s at byte %zu", quoted_key(p, dup, &kb), dup->kpos);
	aduan_buf_release(&kb);
	return -1;
}

static int
object(struct parser *p)
{
	struct member *m;

	skip_ws(p);
	if (p->i >= p->n) {
		aduan_fail(-1, "empty input");
		return -1;
	}
	if (p->s[p->i] != '{')
		return unexpected(p, "'{'");
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		goto end;
	}
	for (;;) {
		if (p->i >= p->n || p->s[p->i] != '"')
			return unexpected(p, "a key string");
		p->m = aduan_grow(p->m, &p->cap, p->nm + 1, sizeof(*p->m));
		m = &p->m[p->nm++];
		memset(m, 0, sizeof(*m));
		m->kpos = p->i + 1;
		if (string(p, &m->koff, &m->klen) < 0)
			return -1;
		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != ':')
			return unexpected(p, "':'");
		p->i++;
		skip_ws(p);
		if (value(p, m) < 0)
			return -1;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			skip_ws(p);
			continue;
		}
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			break;
		}
		return unexpected(p, "',' or '}'");
	}
end:
	skip_ws(p);
	if (p->i < p->n) {
		char tmp[16];

		aduan_fail(-1, "trailing %s after the object at byte %zu", what(p, tmp), p->i + 1);
		return -1;
	}
	return 0;
}

int
aduan_json_object(const char *s, size_t n,
    int (*fn)(const char *key, size_t klen, enum aduan_json_type t,
	const char *val, size_t vlen, void *arg), void *arg)
{
	struct parser p = { 0 };
	int rc = -1;
	size_t k;

	p.s = (const unsigned char *)(s != NULL ? s : "");
	p.n = s != NULL ? n : 0;
	aduan_buf_add(&p.out, "", 0);
	if (object(&p) < 0)
		goto out;
	for (k = 0; k < p.nm; k++)
		p.m[k].key = p.out.s + p.m[k].koff;
	if (no_duplicates(&p) < 0)
		goto out;
	for (k = 0; k < p.nm; k++) {
		const struct member *m = &p.m[k];

		if (fn(m->key, m->klen, m->type, m->type == AJ_NULL ? NULL : p.out.s + m->voff,
		    m->type == AJ_NULL ? 0 : m->vlen, arg) != 0)
			goto out;
	}
	rc = 0;
out:
	aduan_buf_release(&p.out);
	free(p.m);
	return rc;
}
