/* stamp.h - who gave an answer and when, in six bytes.
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

#include <stddef.h>
#include <stdint.h>

/* six bytes: WHO in part[2], 0 for no stamp; the seconds since
 * 2000-01-01T00:00:00Z in part[0] (low half) and part[1]. A stamp in any
 * other form, or one whose name's number is past what WHO holds, has
 * STAMP_WHOLE in part[2] and the number of its whole text in part[0..1]. */
struct stamp {
	uint16_t part[3];
};

#define STAMP_WHOLE UINT16_MAX

/* S made the stamp TEXT (NULL: no stamp). */
void stamp_set(struct stamp *s, const char *text);

/* The text of S (free it), or NULL when S is no stamp. */
char *stamp_text(const struct stamp *s);

#define STAMP_TIME_LEN 20	/* "2020-10-19T09:05:53Z" */

/* Now (UTC) as "YYYY-MM-DDTHH:MM:SSZ", or with MS as
 * "YYYY-MM-DDTHH:MM:SS.mmmZ", into BUF (SIZE bytes: at least
 * STAMP_TIME_LEN + 1, or + 5 with MS; else "" and 0); its length. By hand,
 * not strftime (which looks at the time zone file at every call). */
size_t stamp_now(char *buf, size_t size, int ms);

/* The text of S into BUF (SIZE bytes, NUL-terminated) when it fits; the
 * text's length returned either way, as snprintf does (0: no stamp).
 * No allocation: for writing a case's hundred stamps at every save. */
size_t stamp_format(const struct stamp *s, char *buf, size_t size);

/* Is there a stamp in S? Is it one kept whole? */
static inline int
stamp_is(const struct stamp *s)
{
	return s->part[2] != 0;
}

static inline int
stamp_whole(const struct stamp *s)
{
	return s->part[2] == STAMP_WHOLE;
}

/* The number of the name in S (or of its whole text) */
static inline uint32_t
stamp_number(const struct stamp *s)
{
	return stamp_whole(s) ? (uint32_t)s->part[0] | (uint32_t)s->part[1] << 16 : s->part[2];
}

/* S's parts, for keeping it elsewhere: *NAME the name (or the whole
 * text, when stamp_whole), good as long as the process; the seconds
 * returned (0 for a whole stamp). S must be a stamp. */
uint32_t stamp_parts(const struct stamp *s, const char **name);

/* S made from parts that stamp_parts gave: SECONDS and NAME, or WHOLE and
 * the whole text in NAME. */
void stamp_make(struct stamp *s, uint32_t seconds, const char *name, int whole);

/* Is S the stamp TEXT (both none counts)? */
int stamp_same(const struct stamp *s, const char *text);

#endif
