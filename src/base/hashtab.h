/* hashtab.h - the one hash table: names (strings) to a size_t index, for
 * looking a name up in the caller's own array without a walk over it.
 *
 * Open addressing with linear probing over the FNV-1a of hash.h; the table
 * is at most half full. It owns its slots only: every key given to
 * hashtab_put is borrowed, and must stay at its address, unchanged, until
 * the table is cleared or freed (it is usually the name in the caller's
 * array, at the index it is put with). There is no removal: a caller that
 * removes or moves entries clears the table and puts them again.
 * Allocation failure aborts (xalloc.h).
 */
#ifndef YJ_HASHTAB_H
#define YJ_HASHTAB_H

#include <stddef.h>
#include <stdint.h>

struct hashtab_slot {
	const char *key;	/* NULL: empty */
	size_t index;
	uint32_t hash;
};

struct hashtab {
	struct hashtab_slot *slot;
	size_t nslot;		/* a power of two, at least twice n (0: none yet) */
	size_t n;		/* keys in it */
	int nocase;		/* keys compared as strcasecmp does */
};

#define HASHTAB_INIT { NULL, 0, 0, 0 }
#define HASHTAB_INIT_NOCASE { NULL, 0, 0, 1 }

/* hashtab_get's answer for a key not in the table */
#define HASHTAB_NONE SIZE_MAX

/* The index KEY was put with, or HASHTAB_NONE */
size_t hashtab_get(const struct hashtab *t, const char *key);

/* KEY (borrowed, see above) to INDEX; a key already there has its index
 * replaced (and the table keeps the key it had). */
void hashtab_put(struct hashtab *t, const char *key, size_t index);

/* Room for N keys without growing again (for a caller that knows) */
void hashtab_reserve(struct hashtab *t, size_t n);

/* Empty, keeping its memory (and whether it ignores case) */
void hashtab_clear(struct hashtab *t);

/* Its memory released; empty and usable again */
void hashtab_free(struct hashtab *t);

#endif
