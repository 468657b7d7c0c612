/* cli_open.h - the command line's one place that opens an inspection for
 * a command: each command's row in the table (cli.c) says what it needs,
 * its arguments name the folders, and the dispatcher opens them here and
 * reports the errors one way. Private to the command line. */
#ifndef YJ_CLI_OPEN_H
#define YJ_CLI_OPEN_H

#include <stddef.h>

#include "base/problems.h"
#include "model/insp.h"

/* What a command's row says it needs opened before it runs (none of
 * them: no folder, the command reads what it is given itself) */
enum cli_needs {
	/* DIRS[0] alone, to change or read one thing in it: a case file
	 * that cannot be read is left out (insp.h), as the terminal UI leaves
	 * it, and the command goes on with the rest, unless what it changes
	 * needs that case (find_case); any other error refuses the folder,
	 * the first printed on one line */
	CLI_FOLDER = 1 << 0,
	/* DIRS[0..NDIRS-1] read as one (join.h), refused on any error: one
	 * folder's first error printed on one line, several folders' every
	 * error; several folders: the join's warnings printed too */
	CLI_FOLDERS = 1 << 1,
	/* with CLI_FOLDERS: case files unchanged since each folder's cache
	 * was made taken from it (cache.h), unless the command's arguments
	 * said no_cache */
	CLI_CACHE = 1 << 2,
	/* DIRS[0..NDIRS-1] read as one, never refused: every problem is
	 * gathered in the arguments' PROBLEMS for the command to report, and
	 * IN is NULL when the first folder cannot be opened at all */
	CLI_PROBLEMS = 1 << 3,
};

/* A command's words and what its argument check found in them */
struct cli_args {
	int argc;			/* the command's words, argv[0] its name */
	char **argv;
	const char *const *dirs;	/* the folders its words name (its check's) */
	size_t ndirs;
	int no_cache;			/* --no-cache given: every case file read */
	struct problems problems;	/* CLI_PROBLEMS: every problem of the folders */
	void *opts;			/* the command's own options (its row's size, zeroed) */
};

/* Open A's folders into IN as NEEDS says (above), errors and warnings
 * printed "yjinspect: ..." on stderr. Returns 0 with *INP set to IN when
 * opened, or to NULL when NEEDS is 0 or, with CLI_PROBLEMS, the first
 * folder cannot be opened at all (its problems in A's); -1 when the
 * folder is refused (IN then holds nothing, *INP NULL). A folder opened
 * that others can read is warned of (case files describe children).
 * The caller closes *INP (insp_close) when it is not NULL. */
int cli_open(struct cli_args *a, unsigned needs, struct inspection *in,
	     struct inspection **inp);

#endif
