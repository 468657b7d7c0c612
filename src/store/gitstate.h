/* gitstate.h - what git has left unfinished in an inspection folder, read
 * from git's own files (no git program is run; no curses).
 *
 * A team's folder is a git repository (yjinspect(1), WORKING AS A TEAM).
 * When git merges a colleague's work and its merge driver for a file does
 * not run (not found, or it failed), git leaves our side of the file in
 * place, with no mark in it, and lists the file in its index as unmerged
 * (stages 1-3 instead of 0): read as it is, the file would count the
 * colleague's answers as never given. gitstate reads the index so that
 * every reader of the folder can leave such a file out, say so, and name
 * the command that finishes the merge.
 */
#ifndef YJ_GITSTATE_H
#define YJ_GITSTATE_H

#include <stddef.h>

#include "base/err.h"

struct gitstate {
	int repo;		/* DIR is in a git work tree (a .git found) */
	int merging;		/* git's MERGE_HEAD is there: a merge not finished
				 * (only where DIR is the repository's top) */
	/* the files under DIR that git's index holds unmerged, as paths
	 * relative to DIR ("cases/ST-C01.ini"), sorted, each once; owned */
	char **unmerged;
	size_t nunmerged;
};

/* Read the git state of the folder DIR: its repository is the first of
 * DIR, its parent, ... that holds a .git (a folder, or a file naming one
 * as "gitdir: PATH"). Returns 0 (GS filled; GS->repo 0 when there is
 * none), or -1 with E naming the file and what is wrong with it (an index
 * that is cut short or not git's): GS then holds nothing. Index versions
 * 2, 3 and 4 are read; an index in another format is refused. */
int gitstate_read(const char *dir, struct gitstate *gs, struct err *e);
void gitstate_free(struct gitstate *gs);

/* Is PATH (relative to the folder) one GS lists as unmerged? */
int gitstate_unmerged(const struct gitstate *gs, const char *path);

#endif
