/* conflict.h - keys that two copies of a file changed differently since
 * they parted (a git merge, yjinspect merge-file), kept in the file until
 * an inspector settles them. No curses.
 *
 * A conflicted key is taken out of its section, so that nothing counts it
 * either way, and both values are kept in a section of their own named
 * for it (yjinspect-inspection(5)):
 *
 *   [conflicts.answers]
 *   2.1.1.ours = "no"
 *   2.1.1.ours_by = "2026-12-03T10:01:02Z Ann Lee"
 *   2.1.1.theirs = "yes"
 *   2.1.1.theirs_by = "2026-12-03T10:04:00Z Bo Sharma"
 *
 * ours is the copy the merge was made in, theirs the one merged into it;
 * a side with no .ours/.theirs key had no value (it removed it); _by is
 * the stamp ("TIME WHO") of an answer, where there was one. A conflict is
 * settled by giving the key a value again (answering the question): a
 * conflict whose key has a value is settled, and the next save leaves it
 * out.
 */
#ifndef YJ_CONFLICT_H
#define YJ_CONFLICT_H

#include <stddef.h>

#include "store/iniread.h"
#include "store/iniw.h"

#define CONFLICT_PREFIX "conflicts."
/* The comment conflict_write puts in the first conflicts section, and the
 * line it makes (the writer's own, never a person's: inikeep.h) */
#define CONFLICT_NOTE "keys the two copies of a merge changed differently: " \
	"neither counts until the key is given a value again"
#define CONFLICT_NOTE_LINE "; " CONFLICT_NOTE

struct conflict {
	char *section;		/* the key's own section: "answers" */
	char *key;		/* "2.1.1" */
	char *ours, *theirs;	/* the two values (text), NULL: none */
	char *ours_by, *theirs_by;	/* the stamps, or NULL */
};

struct conflicts {
	struct conflict *v;
	size_t n;
};

/* Is NAME a conflicts section ("conflicts.answers")? Its own section's
 * name, or NULL. */
const char *conflict_section_of(const char *name);

/* Read section S (a conflicts section) into CS; problems (a key that is
 * not KEY.ours, KEY.theirs, KEY.ours_by or KEY.theirs_by, a bad value)
 * go to R as errors. */
void conflict_read(struct conflicts *cs, struct iniread *r, const struct ini_section *s);

/* Set one side of a conflict from its key in a conflicts section of
 * SECTION: KEYSIDE "2.1.1.ours" sets the ours of 2.1.1 to VALUE (copied).
 * -1 when KEYSIDE is not KEY.ours, KEY.theirs, KEY.ours_by or KEY.theirs_by. */
int conflict_set(struct conflicts *cs, const char *section, const char *keyside,
		 const char *value);

/* Add a conflict (the strings are copied; any may be NULL but SECTION
 * and KEY). One already there for the same key is replaced. */
void conflict_add(struct conflicts *cs, const char *section, const char *key,
		  const char *ours, const char *ours_by, const char *theirs,
		  const char *theirs_by);

/* The conflict on SECTION KEY, or NULL. */
const struct conflict *conflict_find(const struct conflicts *cs, const char *section,
				     const char *key);

/* Drop conflict I (its key has a value again). */
void conflict_remove(struct conflicts *cs, size_t i);

/* Write every conflict of CS, each section of them once, with a comment
 * saying what they are. */
void conflict_write(struct iniw *w, const struct conflicts *cs);

/* "ours 'no' (Ann Lee, 2026-12-03 10:01), theirs 'yes' (Bo Sharma, ...)"
 * into BUF (SIZE bytes; cut to fit with text_copy's mark). */
void conflict_describe(const struct conflict *c, char *buf, size_t size);
/* One side of it: "no (Ann Lee, 2026-12-03 10:01)"; "(none)" for none
 * (cut to fit as conflict_describe). */
void conflict_side(const char *value, const char *by, char *buf, size_t size);

void conflicts_free(struct conflicts *cs);

#endif
