/* cli_open.c - a command's folders opened as its row says (see
 * cli_open.h): the only place the command line opens an inspection. */
#include "config.h"

#include <stdio.h>

#include "cli/cli_open.h"
#include "base/buf.h"
#include "base/paths.h"
#include "base/text.h"
#include "team/join.h"

/* Print the first error of P on one line, with a count of the rest. */
static void
print_first_error(const struct problems *p)
{
	size_t more = p->nerrors - 1;

	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].level != PROBLEM_ERROR)
			continue;
		if (more)
			text_say(stderr, "yjinspect: %s (and %zu more: see 'yjinspect check')",
			    p->v[i].msg, more);
		else
			text_say(stderr, "yjinspect: %s", p->v[i].msg);
		return;
	}
}

/* CLI_FOLDERS: the inspection in DIRS[0..N-1] (several: as one, join.h;
 * CACHED: unchanged case files from each folder's cache, cache.h) for a
 * command that refuses one with errors: the first is printed on one line
 * and -1 returned. Several folders: the join's warnings are printed. */
static int
open_usable(struct inspection *in, const char *const *dirs, size_t n, int cached)
{
	struct problems p = PROBLEMS_INIT;

	if (join_open(in, dirs, n, paths_forms_dir(), cached, &p) < 0 || p.nerrors) {
		if (n == 1)
			print_first_error(&p);
		else	/* 'check' takes one folder: every error of the join here */
			for (size_t i = 0; i < p.n; i++)
				if (p.v[i].level == PROBLEM_ERROR)
					text_say(stderr, "yjinspect: %s", p.v[i].msg);
		if (p.nerrors && in->path)
			insp_close(in);
		problems_free(&p);
		return -1;
	}
	for (size_t i = 0; n > 1 && i < p.n; i++)
		text_say(stderr, "yjinspect: warning: %s", p.v[i].msg);
	problems_free(&p);
	for (size_t i = 0; i < n; i++) {	/* case files describe children */
		struct err e;

		if (insp_private_check(dirs[i], NULL, &e))
			text_say(stderr, "yjinspect: warning: %s", e.msg);
	}
	return 0;
}

/* CLI_FOLDER: DIR for a command that changes or reads one thing in it:
 * case files that cannot be read are left out, as the terminal UI leaves
 * them; any other error refuses the folder, the first (not of a file left
 * out) printed on one line. */
static int
open_for_change(struct inspection *in, const char *dir)
{
	struct buf why = BUF_INIT;
	struct err e;

	if (insp_open_usable(in, dir, paths_forms_dir(), &why) < 0) {
		fprintf(stderr, "yjinspect: %s\n", buf_str(&why));
		buf_free(&why);
		return -1;
	}
	if (insp_private_check(dir, NULL, &e))	/* case files describe children */
		fprintf(stderr, "yjinspect: warning: %s\n", e.msg);
	return 0;
}

int
cli_open(struct cli_args *a, unsigned needs, struct inspection *in, struct inspection **inp)
{
	*inp = NULL;
	if (needs & CLI_FOLDER) {
		if (open_for_change(in, a->dirs[0]) < 0)
			return -1;
	} else if (needs & CLI_FOLDERS) {
		if (open_usable(in, a->dirs, a->ndirs, (needs & CLI_CACHE) && !a->no_cache) < 0)
			return -1;
	} else if (needs & CLI_PROBLEMS) {
		if (join_open(in, a->dirs, a->ndirs, paths_forms_dir(), 0, &a->problems) < 0)
			return 0;
	} else
		return 0;
	*inp = in;
	return 0;
}
