/* tui_sync.c - the screen follows the folder: when another program changes
 * it (another inspector's yjinspect on a shared folder adding cases and
 * answers, `yjinspect decide` or `judge` recording a panel decision), the
 * inspection is read again and the panel shows what the folder now holds.
 *
 * What is watched: inspection.ini and the cases folder itself (every save
 * of a case file renames a new file into it, so its change time moves).
 * After each of this program's own keys the stamps are taken again
 * (tui_sync_mark), so only changes made by others between keys count.
 * A change made by another program in the same instant as one of ours is
 * seen at its next change; each change still reads the case again first
 * (edit.h), so nothing is overwritten either way.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "paths.h"
#include "tui.h"
#include "xalloc.h"

static void
stamp_of(const char *path, struct tui_stamp *s)
{
	struct stat st;

	memset(s, 0, sizeof *s);
	if (stat(path, &st) == 0) {
		s->dev = (unsigned long long)st.st_dev;
		s->ino = (unsigned long long)st.st_ino;
		s->size = (unsigned long long)st.st_size;
		s->sec = (long long)st.st_mtim.tv_sec;
		s->nsec = (long long)st.st_mtim.tv_nsec;
		s->csec = (long long)st.st_ctim.tv_sec;
		s->cnsec = (long long)st.st_ctim.tv_nsec;
	}
}

static void
stamps(const struct tui *t, struct tui_stamp *insp, struct tui_stamp *cases)
{
	char *cdir = xasprintf("%s/cases", t->in.dir);

	stamp_of(t->in.path, insp);
	stamp_of(cdir, cases);
	free(cdir);
}

void
tui_sync_mark(struct tui *t)
{
	stamps(t, &t->seen_insp, &t->seen_cases);
}

/* Read the inspection again, keeping the case and item on screen. */
static void
reread(struct tui *t)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	char *name = t->in.ncases ? xstrdup(t->in.cases[t->ci].name) : NULL;
	char *item = t->item >= 0 ? xstrdup(t->walk.items[t->item].id) : NULL;
	int ci;

	if (insp_open(&in, t->in.dir, paths_forms_dir(), &p) < 0 || p.nerrors > in.left_out_errors) {
		/* as it was: the next change may put it right (the message
		 * names the problem; the folder is not written to) */
		for (size_t i = 0; i < p.n; i++)
			if (p.v[i].level == PROBLEM_ERROR) {
				tui_message(t, 1, "The folder was changed and cannot be read again "
				    "(showing it as it was): %s", p.v[i].msg);
				break;
			}
		if (in.path)
			insp_close(&in);
		problems_free(&p);
		free(name);
		free(item);
		return;
	}
	problems_free(&p);
	insp_close(&t->in);
	t->in = in;
	walk_free(&t->walk);
	walk_init(&t->walk, &t->in.form);
	tui_recompute(t);
	ci = name ? edit_case_index(&t->in, name) : -1;
	if (ci >= 0) {
		t->ci = (size_t)ci;
		if (t->screen == SCREEN_LIST)
			t->list_sel = ci;
		t->item = item ? walk_find(&t->walk, item) : -1;
		if (t->screen == SCREEN_WALK || t->screen == SCREEN_JUMP ||
		    (t->screen == SCREEN_HELP && t->back == SCREEN_WALK))
			tui_walk_settle(t);
	} else {	/* the case on screen is gone: back to the list */
		t->ci = 0;
		t->item = -1;
		if (t->screen != SCREEN_LIST) {
			t->screen = SCREEN_LIST;
			tui_message(t, 1, "The case %s is no longer in the folder.", name ? name : "");
		}
	}
	t->syncs++;
	free(name);
	free(item);
}

int
tui_sync_changed(const struct tui *t)
{
	struct tui_stamp insp, cases;

	stamps(t, &insp, &cases);
	return memcmp(&insp, &t->seen_insp, sizeof insp) != 0 ||
	    memcmp(&cases, &t->seen_cases, sizeof cases) != 0;
}

int
tui_sync(struct tui *t)
{
	/* not under an open editor: it holds a case by index, and text typed
	 * (the change stays pending until it closes) */
	if (t->screen == SCREEN_NOTES || t->screen == SCREEN_FACTS || t->adding)
		return 0;
	if (!tui_sync_changed(t))
		return 0;
	reread(t);
	tui_sync_mark(t);
	return 1;
}
