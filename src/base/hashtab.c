/* hashtab.c - the one hash table (see hashtab.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/hash.h"
#include "base/hashtab.h"
#include "base/xalloc.h"

static uint32_t
key_hash(const struct hashtab *t, const char *key)
{
	return t->nocase ? hash_str_nocase(key) : hash_str(key);
}

static int
key_same(const struct hashtab *t, const char *a, const char *b)
{
	return (t->nocase ? strcasecmp(a, b) : strcmp(a, b)) == 0;
}

/* KEY's slot (hash H) in T, or the empty slot where it would go; T has
 * slots */
static struct hashtab_slot *
slot_of(const struct hashtab *t, const char *key, uint32_t h)
{
	size_t mask = t->nslot - 1;

	for (size_t at = h & mask;; at = (at + 1) & mask) {
		struct hashtab_slot *s = &t->slot[at];

		if (s->key == NULL || (s->hash == h && key_same(t, s->key, key)))
			return s;
	}
}

static void
grow(struct hashtab *t, size_t need)
{
	struct hashtab_slot *old = t->slot;
	size_t nold = t->nslot, nslot = t->nslot ? t->nslot : 16;

	while (nslot < need * 2)
		nslot *= 2;
	if (nslot == t->nslot)
		return;
	t->slot = xcalloc(nslot, sizeof *t->slot);
	t->nslot = nslot;
	for (size_t i = 0; i < nold; i++)
		if (old[i].key != NULL)
			*slot_of(t, old[i].key, old[i].hash) = old[i];
	free(old);
}

size_t
hashtab_get(const struct hashtab *t, const char *key)
{
	const struct hashtab_slot *s;

	if (t->nslot == 0)
		return HASHTAB_NONE;
	s = slot_of(t, key, key_hash(t, key));
	return s->key ? s->index : HASHTAB_NONE;
}

void
hashtab_put(struct hashtab *t, const char *key, size_t index)
{
	uint32_t h = key_hash(t, key);
	struct hashtab_slot *s;

	grow(t, t->n + 1);
	s = slot_of(t, key, h);
	if (s->key == NULL) {
		s->key = key;
		s->hash = h;
		t->n++;
	}
	s->index = index;
}

void
hashtab_reserve(struct hashtab *t, size_t n)
{
	grow(t, n);
}

void
hashtab_clear(struct hashtab *t)
{
	if (t->nslot)
		memset(t->slot, 0, t->nslot * sizeof *t->slot);
	t->n = 0;
}

void
hashtab_free(struct hashtab *t)
{
	free(t->slot);
	t->slot = NULL;
	t->nslot = 0;
	t->n = 0;
}
