/* merge.c - three-way merge of a yjinspect INI file key by key (merge.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/conflict.h"
#include "store/esc.h"
#include "store/inikeep.h"
#include "store/iniw.h"
#include "store/merge.h"
#include "base/xalloc.h"

/* A value as spelled: a word (raw) or a quoted text (decoded) */
struct val {
	int quoted;
	char *text;
};

struct key {
	char *name;		/* lower-cased */
	struct buf raw;		/* KEY's value, then KEY~2's, ... */
	struct val v;
	int set;		/* (a result: the key is written) */
};

struct sec {
	char *name;
	struct key *keys;
	size_t n;
};

struct file {
	struct sec *secs;
	size_t n;
	char *comment;		/* the lines before the first section (ours') */
};

static char *
trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static char *
lower(char *s)
{
	for (char *t = s; *t; t++)
		*t = (char)tolower((unsigned char)*t);
	return s;
}

static struct sec *
sec_find(const struct file *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->secs[i].name, name) == 0)
			return &f->secs[i];
	return NULL;
}

static struct sec *
sec_add(struct file *f, const char *name, size_t at)
{
	f->secs = xrealloc(f->secs, (f->n + 1) * sizeof *f->secs);
	memmove(&f->secs[at + 1], &f->secs[at], (f->n - at) * sizeof *f->secs);
	f->n++;
	memset(&f->secs[at], 0, sizeof *f->secs);
	f->secs[at].name = xstrdup(name);
	return &f->secs[at];
}

static struct key *
key_find(const struct sec *s, const char *name)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (strcmp(s->keys[i].name, name) == 0)
			return &s->keys[i];
	return NULL;
}

static struct key *
key_add(struct sec *s, const char *name, size_t at)
{
	s->keys = xrealloc(s->keys, (s->n + 1) * sizeof *s->keys);
	memmove(&s->keys[at + 1], &s->keys[at], (s->n - at) * sizeof *s->keys);
	s->n++;
	memset(&s->keys[at], 0, sizeof *s->keys);
	s->keys[at].name = xstrdup(name);
	return &s->keys[at];
}

/* "KEY~N" (N >= 2): the length of KEY, else 0 */
static size_t
continuation(const char *k)
{
	const char *t = strrchr(k, '~');

	if (t == NULL || t == k || t[1] == '\0')
		return 0;
	for (const char *d = t + 1; *d; d++)
		if (!isdigit((unsigned char)*d))
			return 0;
	return (size_t)(t - k);
}

/* How much of the text after a key line's '=' is its value, as iniparser
 * reads it: up to a quoted value's closing quote, or an unquoted value's
 * first ';' or '#' (what follows is a comment, not the value) */
static size_t
value_len(const char *v)
{
	const char *s = v;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '"') {
		const char *q = strchr(s + 1, '"');

		return q ? (size_t)(q + 1 - v) : strlen(v);
	}
	return strcspn(v, ";#");
}

/* The value the raw pieces of K stand for */
static int
decode(struct key *k, struct err *e)
{
	const char *r = buf_str(&k->raw);
	struct buf text = BUF_INIT;

	k->v.quoted = r[0] == '"';
	if (!k->v.quoted) {
		k->v.text = xstrdup(r);
		return 0;
	}
	/* each piece is "..." on a line of its own (joined with \n here) */
	struct buf joined = BUF_INIT;
	for (const char *p = r; *p;) {
		const char *nl = strchr(p, '\n'), *end = nl ? nl : p + strlen(p);

		if (end - p >= 2 && p[0] == '"' && end[-1] == '"')
			buf_add(&joined, p + 1, (size_t)(end - p - 2));
		else
			buf_add(&joined, p, (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	int rc = esc_decode(&text, buf_str(&joined), e);
	buf_free(&joined);
	if (rc < 0) {
		err_prefix(e, k->name);
		buf_free(&text);
		return -1;
	}
	k->v.text = xstrdup(buf_str(&text));
	buf_free(&text);
	return 0;
}

static void
file_free(struct file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		for (size_t j = 0; j < f->secs[i].n; j++) {
			free(f->secs[i].keys[j].name);
			buf_free(&f->secs[i].keys[j].raw);
			free(f->secs[i].keys[j].v.text);
		}
		free(f->secs[i].keys);
		free(f->secs[i].name);
	}
	free(f->secs);
	free(f->comment);
	memset(f, 0, sizeof *f);
}

static int
parse(const char *text, struct file *f, struct err *e)
{
	struct sec *s = NULL;
	struct buf comment = BUF_INIT;

	memset(f, 0, sizeof *f);
	for (const char *l = text ? text : ""; *l;) {
		const char *nl = strchr(l, '\n'), *end = nl ? nl : l + strlen(l), *eq;
		char *line = trim(l, (size_t)(end - l));
		size_t n = strlen(line);

		l = nl ? nl + 1 : end;
		if (n && (line[0] == ';' || line[0] == '#')) {
			if (s == NULL)
				buf_printf(&comment, "%s%s", comment.len ? "\n" : "", line + 1 +
				    (line[1] == ' '));
		} else if (n >= 2 && line[0] == '[' && line[n - 1] == ']') {
			char *name = lower(trim(line + 1, n - 2));

			if ((s = sec_find(f, name)) == NULL)
				s = sec_add(f, name, f->n);
			free(name);
		} else if (n && s && (eq = strchr(line, '=')) != NULL) {
			char *k = lower(trim(line, (size_t)(eq - line)));
			char *v = trim(eq + 1, value_len(eq + 1));
			size_t base = continuation(k);
			struct key *key;

			if (base) {
				k[base] = '\0';
				if ((key = key_find(s, k)) != NULL)
					buf_printf(&key->raw, "\n%s", v);
			} else {
				if ((key = key_find(s, k)) == NULL)
					key = key_add(s, k, s->n);
				buf_reset(&key->raw);
				buf_adds(&key->raw, v);
			}
			free(k);
			free(v);
		}
		free(line);
	}
	f->comment = comment.len ? buf_take(&comment) : NULL;
	buf_free(&comment);
	for (size_t i = 0; i < f->n; i++)
		for (size_t j = 0; j < f->secs[i].n; j++)
			if (decode(&f->secs[i].keys[j], e) < 0) {
				file_free(f);
				return -1;
			}
	return 0;
}

static int
same(const struct key *a, const struct key *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	/* a word and the same text quoted read alike ("yes" and yes): no
	 * change (an older writer, a hand edit, a date written either way) */
	return strcmp(a->v.text, b->v.text) == 0;
}

/* Is NAME one iniw writes as a key or section name (iniw.h), with room
 * for MORE bytes added to it? */
static int
writable(const char *name, size_t more)
{
	size_t n = strlen(name);

	if (n == 0 || n + more > 64)
		return 0;
	for (const char *p = name; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("=;#\"'\\[]~:", *p))
			return 0;
	return 1;
}

/* The result's section NAME, made after section AFTER of the result */
static struct sec *
out_section(struct file *out, const char *name, const char *after)
{
	struct sec *s = sec_find(out, name), *a;

	if (s)
		return s;
	a = after && *after ? sec_find(out, after) : NULL;	/* "": first; NULL: last */
	return sec_add(out, name, a ? (size_t)(a - out->secs) + 1 : after && !*after ? 0 : out->n);
}

static void
set_value(struct sec *s, const char *name, const char *after, const struct val *v)
{
	struct key *k = key_find(s, name), *a;

	if (k == NULL) {	/* AFTER "": first; NULL: last */
		a = after && *after ? key_find(s, after) : NULL;
		k = key_add(s, name, a ? (size_t)(a - s->keys) + 1 : after && !*after ? 0 : s->n);
	}
	free(k->v.text);
	k->v.quoted = v->quoted;
	k->v.text = xstrdup(v->text);
	k->set = 1;
}

enum took { TOOK_SAME, TOOK_OURS, TOOK_THEIRS, TOOK_CONFLICT };

struct merger {
	struct file b, o, t, out;
	struct conflicts cs;
	struct merge_stats st;
	struct err *e;
	int failed;		/* a conflict that cannot be written (E says) */
};

/* The side whose [answers] KEY was taken */
static enum took
answer_took(const struct merger *m, const char *key)
{
	const struct key *b = key_find(sec_find(&m->b, "answers"), key);
	const struct key *o = key_find(sec_find(&m->o, "answers"), key);
	const struct key *t = key_find(sec_find(&m->t, "answers"), key);

	if (same(o, t))
		return TOOK_SAME;
	if (same(b, o))
		return TOOK_THEIRS;
	if (same(b, t))
		return TOOK_OURS;
	return TOOK_CONFLICT;
}

static const char *
text_of(const struct key *k)
{
	return k ? k->v.text : NULL;
}

/* Are SEC's texts joined when both sides changed them (a case's notes,
 * a standard's findings), rather than a conflict? */
static int
joins(const char *sec)
{
	return strcmp(sec, "notes") == 0 || strncmp(sec, "findings.", 9) == 0 ||
	    strcmp(sec, "evidence") == 0;
}

/* A panel decision (inspection.ini [decision.STD]) is one whole: when any
 * of its keys is in conflict, all of both sides' keys are, and the
 * section is left out (no decision applies until the panel decides again) */
static void
whole_decisions(struct merger *m)
{
	for (size_t i = 0; i < m->out.n; i++) {
		struct sec *s = &m->out.secs[i];
		const struct sec *o = sec_find(&m->o, s->name), *t = sec_find(&m->t, s->name);
		int any = 0;

		if (strncmp(s->name, "decision.", 9) != 0)
			continue;
		for (size_t j = 0; j < m->cs.n; j++)
			any |= strcmp(m->cs.v[j].section, s->name) == 0;
		if (!any)
			continue;
		for (size_t j = 0; j < s->n; j++)
			s->keys[j].set = 0;
		for (size_t j = 0; o && j < o->n; j++)
			conflict_add(&m->cs, s->name, o->keys[j].name, o->keys[j].v.text, NULL,
			    text_of(key_find(t, o->keys[j].name)), NULL);
		for (size_t j = 0; t && j < t->n; j++)
			if (!key_find(o, t->keys[j].name))
				conflict_add(&m->cs, s->name, t->keys[j].name, NULL, NULL,
				    t->keys[j].v.text, NULL);
	}
}

/* Merge key NAME of section SEC (AFTER: the key before it in the result) */
static void
merge_key(struct merger *m, const char *sec, const char *after_sec, const char *name,
	  const char *after)
{
	const struct key *b = key_find(sec_find(&m->b, sec), name);
	const struct key *o = key_find(sec_find(&m->o, sec), name);
	const struct key *t = key_find(sec_find(&m->t, sec), name);
	const struct key *take;
	struct val joined;

	if (same(o, t))
		take = o;
	else if (same(b, o))
		take = t, m->st.from_theirs++;
	else if (same(b, t))
		take = o;
	else if (joins(sec) && (o == NULL || t == NULL))
		take = o ? o : t;	/* removed on one side, changed on the other */
	else if (joins(sec)) {
		joined.quoted = 1;
		joined.text = xasprintf("%s\n\n[joined by a merge: another copy had the "
		    "text below]\n%s", o->v.text, t->v.text);
		set_value(out_section(&m->out, sec, after_sec), name, after, &joined);
		free(joined.text);
		m->st.notes_joined++;
		return;
	} else if (strcmp(sec, "answered") == 0) {
		enum took a = answer_took(m, name);

		if (a == TOOK_CONFLICT)
			return;	/* the stamps go with the answers' conflict */
		take = a == TOOK_OURS ? o : a == TOOK_THEIRS ? t :
		    o == NULL ? t : t == NULL ? o : strcmp(o->v.text, t->v.text) >= 0 ? o : t;
		if (take == t)
			m->st.from_theirs++;
	} else if (conflict_section_of(sec))
		take = o ? o : t;	/* a conflict kept from before: still one */
	else {
		const struct sec *ao = sec_find(&m->o, "answered"), *at = sec_find(&m->t, "answered");
		int answer = strcmp(sec, "answers") == 0;

		/* kept as [conflicts.SEC] KEY.theirs_by: names that long must fit */
		if (!writable(name, strlen(".theirs_by")) ||
		    !writable(sec, strlen(CONFLICT_PREFIX))) {
			if (!m->failed)
				err_set(m->e, "[%s] %s: changed differently on both sides, and its name "
				    "is too long to keep the conflict in the file", sec, name);
			m->failed = 1;
			return;
		}
		conflict_add(&m->cs, sec, name, text_of(o), answer ? text_of(key_find(ao, name)) : NULL,
		    text_of(t), answer ? text_of(key_find(at, name)) : NULL);
		out_section(&m->out, sec, after_sec);
		return;
	}
	if (take)
		set_value(out_section(&m->out, sec, after_sec), name, after, &take->v);
	else
		out_section(&m->out, sec, after_sec);
}

/* Every key of section SEC, in ours' order, theirs' new ones after the key
 * they follow in theirs */
static void
merge_section(struct merger *m, const char *sec, const char *after_sec)
{
	const struct sec *o = sec_find(&m->o, sec), *t = sec_find(&m->t, sec);

	out_section(&m->out, sec, after_sec);	/* (kept when empty, as written) */
	for (size_t i = 0; o && i < o->n; i++)
		merge_key(m, sec, after_sec, o->keys[i].name, NULL);
	for (size_t i = 0; t && i < t->n; i++) {
		if (!key_find(o, t->keys[i].name)) {
			/* after the last key before it in theirs that the result has */
			const struct sec *r = sec_find(&m->out, sec);
			const char *after = NULL;

			for (size_t j = i; j-- > 0;)
				if (key_find(r, t->keys[j].name)) {
					after = t->keys[j].name;
					break;
				}
			merge_key(m, sec, after_sec, t->keys[i].name, after ? after : "");
		}
	}
}

/* The conflicts the result keeps: those kept from before (merged like any
 * key) less those whose key has a value now, then this merge's own */
static void
gather_conflicts(const struct merger *m, struct conflicts *all)
{
	for (size_t i = 0; i < m->out.n; i++) {
		const struct sec *s = &m->out.secs[i];
		const char *of = conflict_section_of(s->name);

		for (size_t j = 0; of && j < s->n; j++)
			if (s->keys[j].set)
				conflict_set(all, of, s->keys[j].name, s->keys[j].v.text);
	}
	for (size_t i = all->n; i-- > 0;) {
		const struct key *k = key_find(sec_find(&m->out, all->v[i].section), all->v[i].key);

		if (k && k->set)
			conflict_remove(all, i);
	}
	for (size_t i = 0; i < m->cs.n; i++) {
		const struct conflict *c = &m->cs.v[i];

		conflict_add(all, c->section, c->key, c->ours, c->ours_by, c->theirs, c->theirs_by);
	}
}

static void
write_out(const struct merger *m, const struct conflicts *all, struct buf *out)
{
	struct iniw w;

	/* (ours' lines before the first section are put back with the other
	 * comments, by keep_comments: written here too, cleaned as a
	 * comment the writer makes, they were not the same line there, and
	 * one was added at every merge) */
	iniw_init(&w);
	for (size_t i = 0; i < m->out.n; i++) {
		const struct sec *s = &m->out.secs[i];

		int any = 0;

		for (size_t j = 0; j < s->n; j++)
			any |= s->keys[j].set;
		if (conflict_section_of(s->name) || (!any && strncmp(s->name, "decision.", 9) == 0))
			continue;	/* (a decision left out whole) */
		iniw_section(&w, s->name);
		for (size_t j = 0; j < s->n; j++) {
			const struct key *k = &s->keys[j];

			if (!k->set)
				continue;
			if (k->v.quoted)
				iniw_str(&w, k->name, k->v.text);
			else
				iniw_raw(&w, k->name, k->v.text);
		}
	}
	conflict_write(&w, all);
	buf_adds(out, iniw_text(&w));
	iniw_free(&w);
}

/* MERGED onto OUT with the comments of ours put back, and those theirs
 * added (not in BASE): a person's comments, as a save keeps them
 * (inikeep.h) */
static void
keep_comments(const char *base, const char *ours, const char *theirs, const struct buf *merged,
    struct buf *out)
{
	char *skip = xasprintf(CONFLICT_NOTE_LINE "\n%s", base ? base : "");
	char *o, *t;
	size_t len;

	o = inikeep(ours, buf_str(merged), CONFLICT_NOTE_LINE "\n", &len);
	t = inikeep(theirs, o ? o : buf_str(merged), skip, &len);
	buf_adds(out, t ? t : o ? o : buf_str(merged));
	free(t);
	free(o);
	free(skip);
}

static int
check_names(const struct file *f, struct err *e)
{
	for (size_t i = 0; i < f->n; i++) {
		if (!writable(f->secs[i].name, 0))
			return err_set(e, "section [%s]: a name yjinspect does not write", f->secs[i].name);
		for (size_t j = 0; j < f->secs[i].n; j++)
			if (!writable(f->secs[i].keys[j].name, 0))
				return err_set(e, "[%s] %s: a key name yjinspect does not write",
				    f->secs[i].name, f->secs[i].keys[j].name);
	}
	return 0;
}

/* Merge the sections of F (ours or theirs, THEIRS set: those of theirs
 * that ours has not) that are conflict sections or, not CONFLICTS_PASS,
 * the others but [answered] */
static void
sections_of(struct merger *m, const struct file *f, int theirs, int conflicts_pass)
{
	for (size_t i = 0; i < f->n; i++) {
		const char *name = f->secs[i].name;

		if ((conflict_section_of(name) != NULL) != conflicts_pass ||
		    (!conflicts_pass && strcmp(name, "answered") == 0) ||
		    (theirs && sec_find(&m->o, name)))
			continue;
		merge_section(m, name, i ? f->secs[i - 1].name : theirs ? "" : NULL);
	}
}

int
merge_texts(const char *base, const char *ours, const char *theirs, struct buf *out,
	    struct merge_stats *st, struct conflicts *kept, struct err *e)
{
	struct merger m;
	int rc = -1;

	memset(&m, 0, sizeof m);
	m.e = e;
	if (parse(base, &m.b, e) < 0) {
		err_prefix(e, "base");
		return -1;
	}
	if (parse(ours, &m.o, e) < 0) {
		err_prefix(e, "ours");
		goto out;
	}
	if (parse(theirs, &m.t, e) < 0) {
		err_prefix(e, "theirs");
		goto out;
	}
	if (check_names(&m.o, e) < 0 || check_names(&m.t, e) < 0)
		goto out;
	/* the answers before their stamps; conflicts kept from before last,
	 * less those settled now */
	sections_of(&m, &m.o, 0, 0);
	sections_of(&m, &m.t, 1, 0);
	if (sec_find(&m.o, "answered") || sec_find(&m.t, "answered"))
		merge_section(&m, "answered", "notes");
	if (m.failed)
		goto out;
	whole_decisions(&m);
	sections_of(&m, &m.o, 0, 1);
	sections_of(&m, &m.t, 1, 1);
	struct conflicts all = { 0 };
	struct buf text = BUF_INIT;
	gather_conflicts(&m, &all);
	write_out(&m, &all, &text);
	keep_comments(base, ours, theirs, &text, out);
	buf_free(&text);
	rc = (int)all.n;
	if (kept)
		*kept = all;
	else
		conflicts_free(&all);
	if (st) {
		*st = m.st;
		st->conflicts = (size_t)rc;
	}
out:
	file_free(&m.b);
	file_free(&m.o);
	file_free(&m.t);
	file_free(&m.out);
	conflicts_free(&m.cs);
	return rc;
}
