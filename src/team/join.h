/* join.h - several folders of one inspection (the team's laptops, each
 * with its own cases) read as one, for figures and exports.
 *
 * The first folder is the lead's: its inspection.ini gives the service,
 * dates, judgements, decisions and findings. Another folder's cases are
 * added; its judgements, decisions and findings are taken where the first
 * has none, and any that differ from the first's are errors, as are a
 * different framework and a case reference in two folders: figures from
 * such a join would silently choose one side.
 */
#ifndef YJ_JOIN_H
#define YJ_JOIN_H

#include "model/insp.h"

/* Open DIRS[0..N-1] into IN as insp_open opens one (N >= 1); CACHED: each
 * folder as insp_open_cached opens it, its unchanged case files taken from
 * its cache (cache.h). Problems of every folder go to P, with those of the
 * join. Returns -1 when the first folder cannot be opened (IN then holds
 * nothing), 0 otherwise: P's errors say whether IN can be used. */
int join_open(struct inspection *in, const char *const *dirs, size_t n,
	      const char *forms_dir, int cached, struct problems *p);

#endif
