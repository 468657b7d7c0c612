/* stamp.h - who gave an answer and when, in eight bytes.
 *
 * A case file's [answered] section holds, for each answer, a stamp
 * "TIME NAME": "2020-10-19T09:05:53Z Daniel Okafor". Held as text they
 * were most of a loaded inspection's memory (a 10,000-case folder: 30 of
 * its 55 MB, in a pointer and a small allocation each). Held here, a
 * stamp is the time in seconds and the name's number in one table of the
 * names seen (each name kept once, for the whole process): its text is
 * made again byte for byte when it is written or shown. A stamp in any
 * other form (a file edited by hand) is kept whole in the same table.
 *
 * The table only grows; it is shared by every thread (a lock inside), so
 * cases can be loaded in several threads at once. */
#ifndef YJ_STAMP_H
#define YJ_STAMP_H

#include <stdint.h>

struct stamp {
	uint32_t when;	/* seconds since 2000-01-01T00:00:00Z, or STAMP_WHOLE */
	uint32_t who;	/* the name's number in the table, from 1; 0: no stamp */
};

#define STAMP_WHOLE UINT32_MAX	/* WHO numbers the stamp's whole text */

/* S made the stamp TEXT (NULL: no stamp). */
void stamp_set(struct stamp *s, const char *text);

/* The text of S (free it), or NULL when S is no stamp. */
char *stamp_text(const struct stamp *s);

/* Is there a stamp in S? */
static inline int
stamp_is(const struct stamp *s)
{
	return s->who != 0;
}

/* Is S the stamp TEXT (both none counts)? */
int stamp_same(const struct stamp *s, const char *text);

#endif
