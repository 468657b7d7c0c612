/* conflict.c - keys two copies changed differently (see conflict.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "store/conflict.h"
#include "base/xalloc.h"

static const char *const sides[] = { "ours", "ours_by", "theirs", "theirs_by" };
#define NSIDES (sizeof sides / sizeof sides[0])

const char *
conflict_section_of(const char *name)
{
	size_t n = strlen(CONFLICT_PREFIX);

	return strncmp(name, CONFLICT_PREFIX, n) == 0 && name[n] ? name + n : NULL;
}

static char **
side_slot(struct conflict *c, size_t side)
{
	char **slots[NSIDES] = { &c->ours, &c->ours_by, &c->theirs, &c->theirs_by };

	return slots[side];
}

static struct conflict *
find(const struct conflicts *cs, const char *section, const char *key)
{
	for (size_t i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i].section, section) == 0 && strcmp(cs->v[i].key, key) == 0)
			return &cs->v[i];
	return NULL;
}

static struct conflict *
find_or_add(struct conflicts *cs, const char *section, const char *key)
{
	struct conflict *c = find(cs, section, key);

	if (c)
		return c;
	cs->v = xrealloc(cs->v, (cs->n + 1) * sizeof *cs->v);
	c = &cs->v[cs->n++];
	memset(c, 0, sizeof *c);
	c->section = xstrdup(section);
	c->key = xstrdup(key);
	return c;
}

/* KEYSIDE's side ("2.1.1.ours": ours), or NSIDES */
static size_t
side_of(const char *keyside)
{
	const char *dot = strrchr(keyside, '.');

	for (size_t j = 0; dot && dot > keyside && j < NSIDES; j++)
		if (strcmp(dot + 1, sides[j]) == 0)
			return j;
	return NSIDES;
}

int
conflict_set(struct conflicts *cs, const char *section, const char *keyside, const char *value)
{
	size_t side = side_of(keyside);
	char *key, **slot;

	if (side == NSIDES)
		return -1;
	key = xstrndup(keyside, (size_t)(strrchr(keyside, '.') - keyside));
	slot = side_slot(find_or_add(cs, section, key), side);
	free(*slot);
	*slot = xstrdup(value);
	free(key);
	return 0;
}

void
conflict_read(struct conflicts *cs, struct iniread *r, const struct ini_section *s)
{
	const char *section = conflict_section_of(s->name);

	for (size_t i = 0; section && i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		char *v;

		if (side_of(k) == NSIDES) {
			iniread_err(r, s->name, k, "not KEY.ours, KEY.theirs, KEY.ours_by or "
			    "KEY.theirs_by (a conflict kept by a merge)");
			continue;
		}
		if ((v = iniread_key_text(r, s, &s->keys[i])) == NULL)
			continue;
		conflict_set(cs, section, k, v);
		free(v);
	}
}

void
conflict_add(struct conflicts *cs, const char *section, const char *key,
	     const char *ours, const char *ours_by, const char *theirs, const char *theirs_by)
{
	struct conflict *c = find_or_add(cs, section, key);
	const char *vals[NSIDES] = { ours, ours_by, theirs, theirs_by };

	for (size_t j = 0; j < NSIDES; j++) {
		char **slot = side_slot(c, j);

		free(*slot);
		*slot = vals[j] ? xstrdup(vals[j]) : NULL;
	}
}

const struct conflict *
conflict_find(const struct conflicts *cs, const char *section, const char *key)
{
	return find(cs, section, key);
}

static void
one_free(struct conflict *c)
{
	free(c->section);
	free(c->key);
	for (size_t j = 0; j < NSIDES; j++)
		free(*side_slot(c, j));
}

void
conflict_remove(struct conflicts *cs, size_t i)
{
	one_free(&cs->v[i]);
	memmove(&cs->v[i], &cs->v[i + 1], (cs->n - i - 1) * sizeof *cs->v);
	cs->n--;
}

void
conflict_write(struct iniw *w, const struct conflicts *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		size_t first = 0;

		while (strcmp(cs->v[first].section, cs->v[i].section) != 0)
			first++;
		if (first < i)
			continue;	/* its section is written already */
		char *sec = xasprintf("%s%s", CONFLICT_PREFIX, cs->v[i].section);
		iniw_section(w, sec);
		if (i == 0)
			iniw_comment(w, CONFLICT_NOTE);
		free(sec);
		for (size_t j = i; j < cs->n; j++) {
			if (strcmp(cs->v[j].section, cs->v[i].section) != 0)
				continue;
			for (size_t k = 0; k < NSIDES; k++) {
				const char *v = *side_slot(&cs->v[j], k);
				char *name;

				if (v == NULL)
					continue;
				name = xasprintf("%s.%s", cs->v[j].key, sides[k]);
				iniw_str(w, name, v);
				free(name);
			}
		}
	}
}

/* conflict_side onto OUT */
static void
side_add(struct buf *out, const char *value, const char *by)
{
	const char *sp = by ? strchr(by, ' ') : NULL;

	if (value == NULL)
		buf_adds(out, "(none)");
	else if (sp && sp - by >= 16)	/* "TIME WHO": the who, then the minute */
		buf_printf(out, "%s (%s, %.10s %.5s)", value, sp + 1, by, by + 11);
	else
		buf_adds(out, value);
}

void
conflict_side(const char *value, const char *by, char *buf, size_t size)
{
	struct buf b = BUF_INIT;

	side_add(&b, value, by);
	text_copy(buf, size, buf_str(&b));
	buf_free(&b);
}

void
conflict_describe(const struct conflict *c, char *buf, size_t size)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "ours ");
	side_add(&b, c->ours, c->ours_by);
	buf_adds(&b, ", theirs ");
	side_add(&b, c->theirs, c->theirs_by);
	text_copy(buf, size, buf_str(&b));
	buf_free(&b);
}

void
conflicts_free(struct conflicts *cs)
{
	for (size_t i = 0; i < cs->n; i++)
		one_free(&cs->v[i]);
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}
