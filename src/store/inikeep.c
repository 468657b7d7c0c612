/* inikeep.c - a person's comments kept through a save (see inikeep.h).
 *
 * One walk down OLD cuts its comment lines into blocks, each with what it
 * stood by; one walk down NEW finds which of those are still there; a
 * third copies NEW, putting each block in at its place. OLD's text is
 * the file's as the saver has it already (case.c keeps its last save's),
 * so nothing is read from disk here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "store/inikeep.h"
#include "base/text.h"
#include "base/xalloc.h"

enum kind { KIND_BLANK, KIND_COMMENT, KIND_SECTION, KIND_KEY, KIND_OTHER };

/* Where a block goes in NEW */
enum place {
	AT_KEY,		/* before the line of key KEY in section SEC */
	AT_HEADER,	/* before the [SEC] line */
	AT_END,		/* after the last line of section SEC */
	AT_EOF		/* at the end of the file */
};

struct block {
	struct buf text;	/* its comment lines, each with its '\n' */
	char *sec, *key;	/* lower-cased; NULL where PLACE needs none */
	enum place place;
	int sec_found, key_found;	/* in NEW */
};

struct blocks {
	struct block *v;
	size_t n, cap;
};

/* A line of a text, and what it is */
struct line {
	const char *p;		/* its first byte */
	size_t len;		/* without its '\n' */
	size_t full;		/* with it */
	enum kind kind;
	const char *t;		/* the line less the white space around it */
	size_t tlen;
	const char *name;	/* a section's name, or a key's (KEY~N: KEY) */
	size_t nlen;
	int cont;		/* a KEY~N line */
};

/* The white space ini.c's scan skips (a line's '\n' is not in it) */
static int
blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static const char *
trim(const char *s, size_t *len)
{
	while (*len && blank((unsigned char)*s))
		s++, (*len)--;
	while (*len && blank((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

/* KEY~N's length as KEY (N digits), else LEN */
static size_t
base_key(const char *k, size_t len)
{
	size_t i = len;

	while (i > 0 && k[i - 1] >= '0' && k[i - 1] <= '9')
		i--;
	return i > 1 && i < len && k[i - 1] == '~' ? i - 1 : len;
}

/* The next line of the text at *AT into L: 1; 0 at its end */
static int
next_line(const char **at, struct line *l)
{
	const char *s = *at, *nl, *eq;

	if (s == NULL || *s == '\0')
		return 0;
	nl = strchr(s, '\n');
	l->p = s;
	l->len = nl ? (size_t)(nl - s) : strlen(s);
	l->full = l->len + (nl != NULL);
	*at = s + l->full;
	l->tlen = l->len;
	l->t = trim(s, &l->tlen);
	l->name = NULL;
	l->nlen = 0;
	l->cont = 0;
	if (l->tlen == 0)
		l->kind = KIND_BLANK;
	else if (*l->t == ';' || *l->t == '#')
		l->kind = KIND_COMMENT;
	else if (l->tlen >= 2 && *l->t == '[' && l->t[l->tlen - 1] == ']') {
		l->kind = KIND_SECTION;
		l->nlen = l->tlen - 2;
		l->name = trim(l->t + 1, &l->nlen);
	} else if ((eq = memchr(l->t, '=', l->tlen)) != NULL && eq > l->t) {
		l->kind = KIND_KEY;
		l->nlen = (size_t)(eq - l->t);
		l->name = trim(l->t, &l->nlen);
		l->cont = base_key(l->name, l->nlen) != l->nlen;
		l->nlen = base_key(l->name, l->nlen);
	} else
		l->kind = KIND_OTHER;
	return 1;
}

/* Is NAME (lower-case) the name P[0..N)? */
static int
same_name(const char *name, const char *p, size_t n)
{
	return name != NULL && strlen(name) == n && strncasecmp(name, p, n) == 0;
}

static char *
lower_dup(const char *p, size_t n)
{
	char *s = xstrndup(p, n);

	for (char *t = s; *t; t++)
		if (*t >= 'A' && *t <= 'Z')
			*t = (char)(*t - 'A' + 'a');
	return s;
}

/* A comment's words: less its ';' or '#' and the white space around */
static const char *
words(const char *t, size_t *len)
{
	if (*len && (*t == ';' || *t == '#'))
		t++, (*len)--;
	return trim(t, len);
}

/* The comments NEW and SKIP hold, as their words */
struct own {
	const char **p;
	size_t *len;
	size_t n, cap;
};

static void
own_add(struct own *o, const char *text)
{
	struct line l;

	for (const char *at = text; next_line(&at, &l);) {
		size_t n = l.tlen;
		const char *w;

		if (l.kind != KIND_COMMENT)
			continue;
		w = words(l.t, &n);
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 8;
			o->p = xrealloc(o->p, o->cap * sizeof *o->p);
			o->len = xrealloc(o->len, o->cap * sizeof *o->len);
		}
		o->p[o->n] = w;
		o->len[o->n++] = n;
	}
}

static int
own_has(const struct own *o, const char *t, size_t len)
{
	const char *w = words(t, &len);

	for (size_t i = 0; i < o->n; i++)
		if (o->len[i] == len && memcmp(o->p[i], w, len) == 0)
			return 1;
	return 0;
}

/* Comment T[0..LEN) (starting with its ';' or '#') onto B as lines ini.h
 * reads back as comments */
static void
put_comment(struct buf *b, const char *t, size_t len)
{
	char mark = *t;
	int first = 1;

	while (first || len > 0) {
		size_t cut = len, start = b->len;

		if (!first) {	/* a long line goes on in a comment line of its own */
			buf_addc(b, mark);
			buf_addc(b, ' ');
		}
		if (cut > INIKEEP_LINE_MAX - (first ? 0 : 2)) {
			/* not inside a UTF-8 character */
			cut = text_cut(t, INIKEEP_LINE_MAX - (first ? 0 : 2));
		}
		buf_add(b, t, cut);
		for (size_t i = start; i < b->len; i++) {
			unsigned char c = (unsigned char)b->data[i];

			if ((c < 0x20 && c != '\t') || c == 0x7f)
				b->data[i] = ' ';
		}
		while (b->len > start + 1 && blank((unsigned char)b->data[b->len - 1]))
			b->data[--b->len] = '\0';
		if (b->data[b->len - 1] == '\\')	/* ini.h refuses it: it joins lines */
			buf_adds(b, " ;");
		buf_addc(b, '\n');
		t += cut;
		len -= cut;
		first = 0;
	}
}

/* The comment after a key line's value (from its ';' or '#'), or NULL:
 * after a quoted value's closing quote, or in an unquoted value, where
 * iniparser ends the value */
static const char *
after_value(const struct line *l, size_t *clen)
{
	const char *v = (const char *)memchr(l->t, '=', l->tlen) + 1, *end = l->t + l->tlen, *c;

	while (v < end && blank((unsigned char)*v))
		v++;
	if (v < end && (*v == '"' || *v == '\'')) {
		const char *q = memchr(v + 1, *v, (size_t)(end - v - 1));

		if (q == NULL)
			return NULL;
		for (c = q + 1; c < end && blank((unsigned char)*c); c++)
			;
		if (c == end || (*c != ';' && *c != '#'))
			return NULL;
	} else {
		for (c = v; c < end && *c != ';' && *c != '#'; c++)
			;
		if (c == end)
			return NULL;
	}
	*clen = (size_t)(end - c);
	return c;
}

/* A block of the comments in HELD then PENDING (both emptied; PENDING may
 * be NULL), to go at PLACE */
static void
block_add(struct blocks *bs, struct buf *held, struct buf *pending, enum place place,
    const char *sec, const char *key, size_t klen)
{
	struct buf none = BUF_INIT;
	struct block *b;

	if (pending == NULL)
		pending = &none;
	if (held->len == 0 && pending->len == 0)
		return;
	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 8;
		bs->v = xrealloc(bs->v, bs->cap * sizeof *bs->v);
	}
	b = &bs->v[bs->n++];
	memset(b, 0, sizeof *b);
	buf_add(&b->text, held->data, held->len);
	buf_add(&b->text, pending->data, pending->len);
	buf_reset(held);
	buf_reset(pending);
	b->place = place;
	b->sec = sec ? xstrdup(sec) : NULL;
	b->key = key ? lower_dup(key, klen) : NULL;
}

/* OLD's comments cut into blocks (those OWN holds left out) */
static void
old_blocks(const char *old, const struct own *own, struct blocks *bs)
{
	struct buf held = BUF_INIT, pending = BUF_INIT;
	struct line l;
	char *sec = NULL;
	int joined = 0;	/* the line goes on from the one before ('\') */

	for (const char *at = old; next_line(&at, &l);) {
		int was_joined = joined;
		const char *c;
		size_t clen;

		joined = l.kind != KIND_COMMENT && l.tlen && l.t[l.tlen - 1] == '\\';
		if (was_joined)
			continue;
		switch (l.kind) {
		case KIND_BLANK:
			buf_add(&held, pending.data, pending.len);
			buf_reset(&pending);
			break;
		case KIND_COMMENT:
			if (!own_has(own, l.t, l.tlen))
				put_comment(&pending, l.t, l.tlen);
			break;
		case KIND_SECTION:
			if (sec != NULL)	/* a blank line, then the next section */
				block_add(bs, &held, NULL, AT_END, sec, NULL, 0);
			free(sec);
			sec = lower_dup(l.name, l.nlen);
			block_add(bs, &held, &pending, AT_HEADER, sec, NULL, 0);
			break;
		case KIND_KEY:
			if (sec == NULL)
				break;
			if (!joined && (c = after_value(&l, &clen)) != NULL &&
			    !own_has(own, c, clen))
				put_comment(&pending, c, clen);
			block_add(bs, &held, &pending, AT_KEY, sec, l.name, l.nlen);
			break;
		case KIND_OTHER:
			break;
		}
	}
	block_add(bs, &held, &pending, AT_EOF, NULL, NULL, 0);
	free(sec);
	buf_free(&held);
	buf_free(&pending);
}

/* Which blocks' sections and keys NEW has; those it has not go to the end
 * of their section, or of the file */
static void
resolve(struct blocks *bs, const char *new)
{
	struct line l;
	const char *sec = NULL;
	size_t slen = 0;

	for (const char *at = new; next_line(&at, &l);) {
		if (l.kind == KIND_SECTION) {
			sec = l.name;
			slen = l.nlen;
		}
		for (size_t i = 0; i < bs->n; i++) {
			struct block *b = &bs->v[i];

			if (l.kind == KIND_SECTION && same_name(b->sec, l.name, l.nlen))
				b->sec_found = 1;
			else if (l.kind == KIND_KEY && b->key && same_name(b->sec, sec, slen) &&
			    same_name(b->key, l.name, l.nlen))
				b->key_found = 1;
		}
	}
	for (size_t i = 0; i < bs->n; i++) {
		struct block *b = &bs->v[i];

		if (b->place == AT_KEY && !b->key_found)
			b->place = AT_END;
		if (b->place != AT_EOF && !b->sec_found)
			b->place = AT_EOF;
	}
}

/* The blocks to go at PLACE (in section SEC, before key KEY) onto OUT */
static void
put_blocks(struct buf *out, const struct blocks *bs, enum place place, const char *sec,
    size_t slen, const char *key, size_t klen)
{
	for (size_t i = 0; i < bs->n; i++) {
		const struct block *b = &bs->v[i];

		if (b->place != place || (place != AT_EOF && !same_name(b->sec, sec, slen)) ||
		    (place == AT_KEY && !same_name(b->key, key, klen)))
			continue;
		if (out->len && out->data[out->len - 1] != '\n')
			buf_addc(out, '\n');
		buf_add(out, b->text.data, b->text.len);
	}
}

/* NEW onto OUT with the blocks put in */
static void
put_new(struct buf *out, const struct blocks *bs, const char *new)
{
	struct line l;
	const char *sec = NULL, *blanks = NULL;
	size_t slen = 0;

	for (const char *at = new; next_line(&at, &l);) {
		if (l.kind == KIND_BLANK) {
			if (blanks == NULL)
				blanks = l.p;
			continue;
		}
		if (l.kind == KIND_SECTION && sec != NULL)
			put_blocks(out, bs, AT_END, sec, slen, NULL, 0);
		if (blanks != NULL)
			buf_add(out, blanks, (size_t)(l.p - blanks));
		blanks = NULL;
		if (l.kind == KIND_SECTION) {
			sec = l.name;
			slen = l.nlen;
			put_blocks(out, bs, AT_HEADER, sec, slen, NULL, 0);
		} else if (l.kind == KIND_KEY && !l.cont && sec != NULL) {
			put_blocks(out, bs, AT_KEY, sec, slen, l.name, l.nlen);
		}
		buf_add(out, l.p, l.full);
	}
	if (sec != NULL)
		put_blocks(out, bs, AT_END, sec, slen, NULL, 0);
	if (blanks != NULL)
		buf_adds(out, blanks);
	put_blocks(out, bs, AT_EOF, NULL, 0, NULL, 0);
}

char *
inikeep(const char *old, const char *new, const char *skip, size_t *len)
{
	struct own own = { 0 };
	struct blocks bs = { 0 };
	struct buf out = BUF_INIT;

	if (old == NULL || (strchr(old, ';') == NULL && strchr(old, '#') == NULL))
		return NULL;
	own_add(&own, new);
	if (skip)
		own_add(&own, skip);
	old_blocks(old, &own, &bs);
	free(own.p);
	free(own.len);
	if (bs.n == 0) {
		free(bs.v);
		return NULL;
	}
	resolve(&bs, new);
	put_new(&out, &bs, new);
	for (size_t i = 0; i < bs.n; i++) {
		buf_free(&bs.v[i].text);
		free(bs.v[i].sec);
		free(bs.v[i].key);
	}
	free(bs.v);
	*len = out.len;
	return buf_take(&out);
}
