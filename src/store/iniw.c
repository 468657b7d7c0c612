/* iniw.c - the INI writer (see iniw.h).
 *
 * Everything iniw writes must load again through ini.h: a file that cannot
 * be read back is as bad as a lost one, because save_file puts it in place
 * of the last good version. So iniw writes only lines that ini_load accepts:
 *   - every line is under 1,000 bytes (values split over KEY~N, comments
 *     over several "; " lines);
 *   - a section or key name is lower-cased (iniparser would do so on reading)
 *     and must be a plain name; a key comes after a section; a section or
 *     a key in one section is never written twice.
 * Breaking one of these is a bug in the caller, not a condition to handle:
 * iniw prints what went wrong and aborts, before anything is saved.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/esc.h"
#include "base/hash.h"
#include "store/iniw.h"
#include "base/text.h"
#include "base/xalloc.h"

/* Longest section or key name; with INIW_CHUNK this keeps every line well
 * under ini.h's limit of 1,000 bytes. */
#define INIW_NAME_MAX 64
/* Longest comment line, "; " included. */
#define INIW_COMMENT_MAX 900

static void iniw_bug(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

static void
iniw_bug(const char *fmt, ...)
{
	va_list ap;

	fputs("yjinspect: bug: INI writer: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void
iniw_init(struct iniw *w)
{
	w->text.data = NULL;
	w->text.len = w->text.cap = 0;
	buf_add(&w->text, "", 0);
	w->sec = -1;
	w->keys = NULL;
	w->nkeys = w->capkeys = 0;
}

void
iniw_free(struct iniw *w)
{
	buf_free(&w->text);
	free(w->keys);
	w->keys = NULL;
	w->nkeys = w->capkeys = 0;
}

/*
 * Check NAME and return it lower-cased, in LC. Names are printable ASCII
 * without the characters that mean something to iniparser or to yjinspect:
 * '=' ends a key, ';' and '#' start comments, quotes and '\' are value
 * syntax, '[' and ']' make sections, '~' marks continuation keys and ':'
 * joins section and key inside iniparser.
 */
static char *
iniw_name(const char *name, const char *what, char lc[INIW_NAME_MAX + 1])
{
	size_t i, len = strlen(name);

	if (len == 0)
		iniw_bug("empty %s name", what);
	if (len > INIW_NAME_MAX)
		iniw_bug("%s name '%.*s...' is longer than %d bytes", what,
		    INIW_NAME_MAX, name, INIW_NAME_MAX);
	for (i = 0; i <= len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (i < len && (c <= 0x20 || c >= 0x7f || c == '=' || c == ';' || c == '#' ||
		    c == '"' || c == '\'' || c == '\\' || c == '[' || c == ']' || c == '~' ||
		    c == ':'))
			iniw_bug("%s name '%s' has a character that is not "
			    "allowed (byte 0x%02x)", what, name, c);
		lc[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return lc;
}

/* Is there a line in TEXT[FROM..] that starts with PREFIX (or, when EXACT,
 * that is PREFIX)? */
static int
iniw_has_line(const struct iniw *w, size_t from, const char *prefix, int exact)
{
	const char *t = buf_str(&w->text), *end = t + w->text.len, *p, *nl;
	size_t plen = strlen(prefix), len;

	for (p = t + from; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if ((exact ? len == plen : len >= plen) && *p == *prefix &&
		    memcmp(p, prefix, plen) == 0)
			return 1;
	}
	return 0;
}

void
iniw_comment(struct iniw *w, const char *text)
{
	const char *p = text, *nl;
	size_t len, cut, i, start;
	unsigned char c;

	do {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		/* long lines go over several comment lines */
		do {
			cut = len;
			if (cut > INIW_COMMENT_MAX - 2)	/* not inside a UTF-8 character */
				cut = text_cut(p, INIW_COMMENT_MAX - 2);
			start = w->text.len;
			buf_add(&w->text, cut ? "; " : ";", cut ? 2 : 1);
			buf_add(&w->text, p, cut);
			/* no control bytes, and no trailing '\': iniparser
			 * would join the next line to the comment */
			for (i = start; i < w->text.len; i++) {
				c = (unsigned char)w->text.data[i];
				if (c < 0x20 || c == 0x7f)
					w->text.data[i] = ' ';
			}
			while (w->text.len > start + 1 &&
			    w->text.data[w->text.len - 1] == ' ')
				w->text.data[--w->text.len] = '\0';
			if (w->text.data[w->text.len - 1] == '\\')
				buf_adds(&w->text, " ;");
			buf_addc(&w->text, '\n');
			p += cut;
			len -= cut;
		} while (len > 0);
		p = nl != NULL ? nl + 1 : p;
	} while (nl != NULL && *p != '\0');
}

void
iniw_section(struct iniw *w, const char *name)
{
	char lc[INIW_NAME_MAX + 1];
	char *line = xasprintf("[%s]", iniw_name(name, "section", lc));

	if (iniw_has_line(w, 0, line, 1))
		iniw_bug("section %s written twice", line);
	if (w->text.len > 0)
		buf_addc(&w->text, '\n');
	w->sec = (long)w->text.len;
	w->nkeys = 0;
	if (w->keys)
		memset(w->keys, 0, w->capkeys * sizeof *w->keys);
	buf_adds(&w->text, line);
	buf_addc(&w->text, '\n');
	free(line);
}

/* Put hash H in W's table of the section's key hashes (0 stands for 1:
 * 0 marks a free slot) */
static void
iniw_keys_put(struct iniw *w, unsigned h)
{
	size_t at = h & (w->capkeys - 1);

	while (w->keys[at])
		at = (at + 1) & (w->capkeys - 1);
	w->keys[at] = h;
}

/* Check KEY for a new key=value line in the current section; returns it
 * lower-cased, in LC. */
static const char *
iniw_newkey(struct iniw *w, const char *key, char lc[INIW_NAME_MAX + 1])
{
	unsigned h;

	iniw_name(key, "key", lc);
	if (w->sec < 0)
		iniw_bug("key '%s' written before any section", lc);
	h = hash_str(lc);
	h = h ? h : 1;
	/* the section's lines looked at only for a key of the same hash */
	for (size_t at = h & (w->capkeys - 1); w->capkeys && w->keys[at];
	    at = (at + 1) & (w->capkeys - 1))
		if (w->keys[at] == h) {
			char *prefix = xasprintf("%s = ", lc);

			if (iniw_has_line(w, (size_t)w->sec, prefix, 0))
				iniw_bug("key '%s' written twice in one section", lc);
			free(prefix);
			break;
		}
	if ((w->nkeys + 1) * 2 > w->capkeys) {	/* at most half full */
		unsigned *old = w->keys;
		size_t n = w->capkeys;

		w->capkeys = n ? n * 2 : 64;
		w->keys = xcalloc(w->capkeys, sizeof *w->keys);
		for (size_t i = 0; i < n; i++)
			if (old[i])
				iniw_keys_put(w, old[i]);
		free(old);
	}
	iniw_keys_put(w, h);
	w->nkeys++;
	return lc;
}

static void
iniw_quoted(struct iniw *w, const char *lc, const char *value)
{
	struct buf esc = BUF_INIT;
	const char *rest;
	size_t cut, plain = 0;
	unsigned long n = 1;

	/* most values (a stamp, a reference) need no escape and fit one line
	 * (esc_plain is false at the NUL) */
	while (plain <= INIW_CHUNK && esc_plain((unsigned char)value[plain]))
		plain++;
	if (value[plain] == '\0' && plain <= INIW_CHUNK) {
		buf_adds(&w->text, lc);
		buf_add(&w->text, " = \"", 4);
		buf_add(&w->text, value, plain);
		buf_add(&w->text, "\"\n", 2);
		return;
	}
	esc_encode(&esc, value);
	rest = buf_str(&esc);
	do {
		cut = esc_split_point(rest, INIW_CHUNK);
		if (n == 1) {
			buf_adds(&w->text, lc);
			buf_add(&w->text, " = \"", 4);
		} else
			buf_printf(&w->text, "%s~%lu = \"", lc, n);
		buf_add(&w->text, rest, cut);
		buf_add(&w->text, "\"\n", 2);
		rest += cut;
		n++;
	} while (*rest != '\0');
	buf_free(&esc);
}

void
iniw_str(struct iniw *w, const char *key, const char *value)
{
	char lc[INIW_NAME_MAX + 1];

	iniw_quoted(w, iniw_newkey(w, key, lc), value);
}

/* A word that needs no quotes: [A-Za-z0-9_.:+-]+, short enough for one
 * line. */
static int
iniw_is_word(const char *value)
{
	size_t n = 0;

	for (;; n++) {
		unsigned char c = (unsigned char)value[n];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '.' || c == ':' || c == '+' || c == '-'))
			break;
	}
	return n > 0 && value[n] == '\0' && n <= INIW_CHUNK;
}

void
iniw_raw(struct iniw *w, const char *key, const char *value)
{
	char lc[INIW_NAME_MAX + 1];

	iniw_newkey(w, key, lc);
	if (iniw_is_word(value)) {
		buf_adds(&w->text, lc);
		buf_add(&w->text, " = ", 3);
		buf_adds(&w->text, value);
		buf_addc(&w->text, '\n');
	} else {
		iniw_quoted(w, lc, value);
	}
}

void
iniw_int(struct iniw *w, const char *key, long value)
{
	char lc[INIW_NAME_MAX + 1];

	buf_printf(&w->text, "%s = %ld\n", iniw_newkey(w, key, lc), value);
}

const char *
iniw_text(const struct iniw *w)
{
	return buf_str(&w->text);
}

size_t
iniw_len(const struct iniw *w)
{
	return w->text.len;
}
