/* gather.h - folders of one inspection gathered into one, without git
 * (yjinspect merge DEST SRC...): a team's folders brought together on a
 * USB stick or a shared drive. No curses.
 *
 * Only DEST is written; each SRC is only read. DEST, when it has no
 * inspection.ini yet, is made from the first SRC's. A SRC of another
 * framework or another inspection (its service or fieldwork dates differ
 * from DEST's) is refused whole, with a message naming both. Then, file by
 * file (inspection.ini, each cases/NAME.ini and its journal):
 *   - a file DEST does not have is taken, with its journal;
 *   - a file DEST has the same: nothing;
 *   - a file that differs: the two merged key by key (merge.h, with no
 *     base: a key the two give differently is a conflict kept in the file,
 *     counted neither way until given again), and the journal gets the
 *     lines of SRC's that it does not have.
 * Each save is atomic (save.h).
 */
#ifndef YJ_GATHER_H
#define YJ_GATHER_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

struct gather_stats {
	size_t taken;		/* files DEST did not have */
	size_t same;		/* files DEST had alike */
	size_t merged;		/* files merged into DEST's */
	size_t conflicts;	/* keys in conflict in them */
};

/* Gather SRC into DEST (frameworks in FORMS_DIR). A line for each file
 * taken or merged and each conflict goes to LOG ("took cases/ST-C01.ini
 * from SRC", "conflict: cases/ST-C02.ini [answers] 2.1.1: ours yes (...),
 * theirs no (...)"), each through text_clean (text.h): nothing in it raw
 * from a file. Returns 0, or -1 with E set when SRC is refused or a
 * file cannot be read or saved (files gathered before stay gathered). */
int gather(const char *dest, const char *src, const char *forms_dir, struct buf *log,
	   struct gather_stats *st, struct err *e);

#endif
