/* merge.h - the three-way merge of one yjinspect INI file (a case file,
 * inspection.ini) key by key, not line by line: git's merge driver
 * (yjinspect merge-file BASE OURS THEIRS). No curses.
 *
 * For every key of every section, with B, O and T its value in the base
 * (the copy both sides started from), ours and theirs (absent counts as a
 * value: "none"):
 *   - O and T the same: that value (one copy);
 *   - only one side changed it (O = B, or T = B): that side's value;
 *   - both changed it differently: in [notes], [findings.STD] and [evidence] both
 *     texts are kept, ours, then a line saying a merge joined them, then
 *     theirs (a text removed on one side and changed on the other keeps the
 *     changed one); a panel decision [decision.STD] is one whole: a
 *     conflict on any of its keys makes all of both sides' keys conflicts
 *     and leaves the section out; in
 *     [answered] (an answer's stamp) the stamp of the side whose answer was
 *     taken, else the later one; anything else is a conflict (conflict.h):
 *     the key is left out of its section and both values, with both
 *     answers' stamps, go to [conflicts.SECTION].
 * Sections and keys keep ours' order; theirs' new ones come after the key
 * they follow in theirs. A person's comments come through as a save keeps
 * them (inikeep.h): ours', then those theirs added (not in the base); one
 * that ours removed and theirs still has stays removed. A value keeps its spelling (quoted or a word), so
 * that the next save of the merged file changes no line it did not change.
 */
#ifndef YJ_MERGE_H
#define YJ_MERGE_H

#include <stddef.h>

#include "base/buf.h"
#include "store/conflict.h"
#include "base/err.h"

struct merge_stats {
	size_t from_theirs;	/* keys whose value came from theirs */
	size_t notes_joined;	/* notes both sides changed, kept both */
	size_t conflicts;	/* keys in conflict */
};

/* Merge the texts BASE (NULL or "": none, e.g. a file both sides added),
 * OURS and THEIRS (each a file as yjinspect reads it: ini_load first) into
 * OUT (appended to); KEPT (if not NULL, empty) gets every conflict the
 * result keeps, its own and any kept from before. Returns their number,
 * or -1 with E set
 * when a text holds what cannot be merged (a bad escape, a name the writer
 * cannot write): OUT is then unspecified. */
int merge_texts(const char *base, const char *ours, const char *theirs,
		struct buf *out, struct merge_stats *st, struct conflicts *kept,
		struct err *e);

#endif
