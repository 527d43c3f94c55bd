/* util.c - errors, memory, buffers, text helpers. */
#include <ctype.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aduan.h"
#include "util.h"

const char aduan_digits2[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static char errbuf[1024] = "no error";

const char *
aduan_errmsg(void)
{
	return errbuf;
}

int
aduan_fail(int rc, const char *fmt, ...)
{
	char tmp[sizeof(errbuf)];
	va_list ap;

	/* formatted aside first: the arguments may include aduan_errmsg() */
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), _(fmt), ap);
	va_end(ap);
	memcpy(errbuf, tmp, sizeof(errbuf));
	return rc;
}

void *
aduan_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
aduan_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		abort();
	return p;
}

void *
aduan_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			abort();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		abort();
	*cap = n;
	return aduan_xrealloc(p, n * size);
}

int
aduan_row_named(const void *table, size_t n, size_t size, const char *name, size_t len)
{
	const char *row = table, *s;
	size_t i;

	for (i = 0; i < n; i++, row += size)
		if ((s = *(const char *const *)row) != NULL && strncmp(s, name, len) == 0 &&
		    s[len] == '\0')
			return (int)i;
	return -1;
}

void
aduan_free_each(void *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] != NULL)	/* often: the unused places of a table */
			free(v[i]);
}

char *
aduan_xstrndup(const char *s, size_t n)
{
	char *p = aduan_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
aduan_xstrdup(const char *s)
{
	return aduan_xstrndup(s, strlen(s));
}

void
aduan_buf_grow(struct aduan_buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 64;

	while (cap < b->len + n + 1)
		cap *= 2;
	b->s = aduan_xrealloc(b->s, cap);
	b->cap = cap;
}

/* Whether fmt is text and "%s" only, as most formats here are. */
static int
strings_only(const char *fmt)
{
	for (; *fmt != '\0'; fmt++)
		if (*fmt == '%' && *++fmt != 's')
			return 0;
	return 1;
}

void
aduan_buf_printf(struct aduan_buf *b, const char *fmt, ...)
{
	va_list ap;
	const char *p, *s;
	int n;

	if (strings_only(fmt)) {
		/* the text and the strings added as they are, with no printf
		 * (a JSON line's keys were most of its writing); a NULL string
		 * as glibc's printf writes it */
		aduan_buf_add(b, "", 0);
		va_start(ap, fmt);
		while (*fmt != '\0') {
			if (*fmt == '%') {
				s = va_arg(ap, const char *);
				aduan_buf_adds(b, s != NULL ? s : "(null)");
				fmt += 2;
				continue;
			}
			for (p = fmt; *p != '\0' && *p != '%'; p++)
				;
			aduan_buf_add(b, fmt, (size_t)(p - fmt));
			fmt = p;
		}
		va_end(ap);
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	aduan_buf_add(b, "", 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = b->len + (size_t)n + 1;
		b->s = aduan_xrealloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}


void
aduan_buf_add_xml(struct aduan_buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': aduan_buf_adds(b, "&amp;"); break;
		case '<': aduan_buf_adds(b, "&lt;"); break;
		case '>': aduan_buf_adds(b, "&gt;"); break;
		case '"': aduan_buf_adds(b, "&quot;"); break;
		case '\'': aduan_buf_adds(b, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
				aduan_buf_addc(b, ' ');
			else
				aduan_buf_addc(b, *s);
		}
	}
}

void
aduan_buf_add_xml_in(struct aduan_buf *b, const char *open, const char *s, const char *close)
{
	aduan_buf_adds(b, open);
	aduan_buf_add_xml(b, s);
	aduan_buf_adds(b, close);
}

void
aduan_buf_release(struct aduan_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Length of the UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len, i;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

size_t
aduan_utf8_valid_from(const char *s, size_t n, size_t i)
{
	size_t k;
	uint64_t w;

	/* sequence by sequence, and ASCII again 32 and 8 bytes at a time */
	for (;;) {
		while (n - i >= 32 && aduan_ascii32(s + i))
			i += 32;
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		while (i < n && (unsigned char)s[i] < 0x80)
			i++;
		if (i == n || (k = utf8_seq((const unsigned char *)s + i, n - i)) == 0)
			return i;
		i += k;
	}
}

/* The length of the run at s (of n bytes) of printable ASCII but '"' and
 * '\\', which JSON writes as they are: with SSE2 16 bytes at a time. */
static size_t
plain_run(const char *s, size_t n)
{
	size_t k = 0;
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), del = _mm_set1_epi8(0x7f),
	    quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	__m128i v, stop;
	unsigned m;

	for (; k + 16 <= n; k += 16) {
		v = _mm_loadu_si128((const __m128i *)(s + k));
		/* below ' ' as signed bytes: the controls and every byte from
		 * 0x80 up */
		stop = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, sp), _mm_cmpeq_epi8(v, del)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)));
		if ((m = (unsigned)_mm_movemask_epi8(stop)) != 0)
			return k + (size_t)__builtin_ctz(m);
	}
#endif
	for (; k < n && (unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x7f && s[k] != '"' &&
	    s[k] != '\\'; k++)
		;
	return k;
}

void
aduan_json_quote(struct aduan_buf *b, const char *s, size_t n)
{
	size_t i = 0, k;

	aduan_buf_addc(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		/* printable ASCII but the two that are escaped, as most text is:
		 * the run of it added at once */
		if ((k = plain_run(s + i, n - i)) > 0) {
			aduan_buf_add(b, s + i, k);
			i += k;
		} else if (c == '"' || c == '\\') {
			aduan_buf_addc(b, '\\');
			aduan_buf_addc(b, c);
			i++;
		} else if (c == '\n') {
			aduan_buf_adds(b, "\\n");
			i++;
		} else if (c == '\t') {
			aduan_buf_adds(b, "\\t");
			i++;
		} else if (c == '\r') {
			aduan_buf_adds(b, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			aduan_buf_printf(b, "\\u%04x", c);
			i++;
		} else if ((k = utf8_seq((const unsigned char *)s + i, n - i)) == 0) {
			aduan_buf_adds(b, "\\ufffd");
			i++;
		} else if (k == 2 && c == 0xc2 && (unsigned char)s[i + 1] <= 0x9f) {
			/* C1 controls (U+009B is CSI) escaped: still the same JSON string */
			aduan_buf_printf(b, "\\u%04x", (unsigned char)s[i + 1]);
			i += 2;
		} else {
			aduan_buf_add(b, s + i, k);
			i += k;
		}
	}
	aduan_buf_addc(b, '"');
}

char *
aduan_fold(const char *s)
{
	char *out = aduan_xmalloc(strlen(s) + 1), *p = out;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '-' || c == '.' || c == '_' || c == '\t')
			continue;
		*p++ = (char)tolower(c);
	}
	*p = '\0';
	return out;
}

const char *
aduan_actor(const char *by)
{
	const char *s;
	struct passwd *pw;

	if (by != NULL && *by != '\0')
		return by;
	if ((s = getenv("ADUAN_USER")) != NULL && *s != '\0')
		return s;
	if ((pw = getpwuid(geteuid())) != NULL)
		return pw->pw_name;
	if ((s = getenv("USER")) != NULL && *s != '\0')
		return s;
	return "unknown";
}

/* Whether p[0..n) is the start of a multi-byte UTF-8 sequence cut short
 * (the rest may come with the next chunk of a stream). */
static int
utf8_cut(const unsigned char *p, size_t n)
{
	size_t len = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2, i;

	if (p[0] < 0xc2 || p[0] > 0xf4 || n >= len)
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

size_t
aduan_visible_n(struct aduan_buf *b, const char *s, size_t n, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run;
	int len;

	while (i < n) {
		/* the common case: printable ASCII, copied in runs */
		for (run = i; run < n && p[run] >= 0x20 && p[run] < 0x7f; run++)
			;
		aduan_buf_add(b, s + i, run - i);
		if ((i = run) == n)
			break;
		if (p[i] == '\n' || p[i] == '\t') {
			if (flags & AV_ONELINE)
				aduan_buf_adds(b, p[i] == '\n' ? "\\n" : "\\t");
			else
				aduan_buf_addc(b, p[i]);
			i++;
		} else if (p[i] == '\r' && i + 1 == n && (flags & AV_PARTIAL)) {
			break;
		} else if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n' &&
		    !(flags & AV_ONELINE)) {
			aduan_buf_add(b, "\r\n", 2);
			i += 2;
		} else if (p[i] < 0x80) {
			aduan_buf_printf(b, "\\x%02x", p[i]);
			i++;
		} else if ((len = (int)utf8_seq(p + i, n - i)) == 0 && (flags & AV_PARTIAL) &&
		    utf8_cut(p + i, n - i)) {
			break;
		} else if (len == 0) {
			aduan_buf_printf(b, "\\x%02x", p[i]);
			i++;
		} else if (len == 2 && p[i] == 0xc2 && p[i + 1] <= 0x9f) {
			aduan_buf_printf(b, "\\u%04x", p[i + 1]);
			i += 2;
		} else if (len == 3 && p[i] == 0xe2 && ((p[i + 1] == 0x80 && p[i + 2] >= 0xaa &&
		    p[i + 2] <= 0xae) || (p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9))) {
			aduan_buf_printf(b, "\\u%04x", 0x2000 | (p[i + 1] & 0x3f) << 6 | (p[i + 2] & 0x3f));
			i += 3;
		} else {
			aduan_buf_add(b, s + i, (size_t)len);
			i += (size_t)len;
		}
	}
	if (b->s == NULL)
		aduan_buf_add(b, "", 0);
	return i;
}

void
aduan_visible(struct aduan_buf *b, const char *s, int oneline)
{
	aduan_visible_n(b, s, strlen(s), oneline ? AV_ONELINE : 0);
}

void
aduan_tsv_escape(struct aduan_buf *b, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\t\n\r\\");

		aduan_buf_add(b, s, n);
		s += n;
		switch (*s) {
		case '\0': return;
		case '\t': aduan_buf_adds(b, "\\t"); break;
		case '\n': aduan_buf_adds(b, "\\n"); break;
		case '\r': aduan_buf_adds(b, "\\r"); break;
		default: aduan_buf_adds(b, "\\\\"); break;
		}
		s++;
	}
}

int
aduan_tsv_unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		switch (*++s) {
		case 't': *w++ = '\t'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case '\\': *w++ = '\\'; break;
		default:
			*w = '\0';
			return -1;
		}
	}
	*w = '\0';
	return 0;
}

void
aduan_i18n_init(void)
{
	const char *s = getenv("ADUAN_LOCALEDIR");
	char exe[4096], *slash;
	ssize_t n;

	if (s == NULL || *s == '\0') {
		s = ADUAN_LOCALEDIR;
		/* run from the build tree: the catalogs sit beside the program */
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 32);
		if (n > 0) {
			exe[n] = '\0';
			if ((slash = strrchr(exe, '/')) != NULL) {
				strcpy(slash + 1, "locale");
				if (access(exe, R_OK) == 0)
					s = exe;
			}
		}
	}
	bindtextdomain(ADUAN_TEXTDOMAIN, s);
	bind_textdomain_codeset(ADUAN_TEXTDOMAIN, "UTF-8");
}

const char *
aduan_label(const char *ctx, const char *value)
{
	static char key[128];
	const char *t;

	if (snprintf(key, sizeof(key), "%s\004%s", ctx, value) >= (int)sizeof(key))
		return value;
	t = dgettext(ADUAN_TEXTDOMAIN, key);
	return t == key ? value : t;
}

int
aduan_id_parse(const char *s, size_t n, int64_t *id)
{
	int64_t v = 0;
	size_t i;

	if (n > 0 && s[0] == '#')
		s++, n--;
	if (n == 0 || n > 18)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v <= 0)
		return -1;
	*id = v;
	return 0;
}
