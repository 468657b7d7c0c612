/* tui_sync.c - the screen follows the folder: when another program changes
 * it (another inspector's yjinspect on a shared folder adding cases and
 * answers, `yjinspect decide` or `judge` recording a panel decision), the
 * inspection is read again and the panel shows what the folder now holds.
 *
 * What is watched: inspection.ini, the cases folder itself (every save of
 * a case file renames a new file into it, so its change time moves) and
 * the case on screen (changed where it is, by an editor), and that case
 * still when a change made it unreadable (an editor's write caught half
 * done: it is read again when the write is finished). Another case
 * changed where it is shows with the next change of the folder.
 * After each of this program's own keys that saved something the stamps
 * are taken again (tui_sync_mark), so only changes made by others count;
 * after any other key only the case on screen's (it may be another now).
 * A change made by another program in the same instant as one of ours is
 * seen at its next change; each change still reads the case again first
 * (edit.h), so nothing is overwritten either way.
 *
 * A folder's times move in the file system's clock ticks (a few ms): two
 * renames into it in one tick leave the same stamp, so a stamp taken
 * between them would hide the second (another program writing a file and
 * renaming it into place). While the stamp taken on seeing another
 * program's change is that recent, the folder's names are compared as
 * well (one readdir), as git treats a "racily clean" index entry.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/paths.h"
#include "tui/tui.h"
#include "base/xalloc.h"

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

/* inspection.ini, the cases folder, and the case on screen (a file changed
 * where it is, by an editor or '>>', does not change its folder) */
static void
stamps(const struct tui *t, struct tui_stamp *insp, struct tui_stamp *cases,
    struct tui_stamp *current)
{
	char *cdir = xasprintf("%s/cases", t->in.dir);

	stamp_of(t->in.path, insp);
	stamp_of(cdir, cases);
	if (t->in.ncases > 0)
		stamp_of(t->in.cases[t->ci].path, current);
	else
		memset(current, 0, sizeof *current);
	free(cdir);
}

/* Longer than any file system's clock tick */
#define RACY_NS 100000000LL

/* Now, as the file system's times count (ns since the epoch) */
static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Is stamp S of a change so recent that another in its tick may not show? */
static int
racy(const struct tui_stamp *s)
{
	long long m = s->sec * 1000000000LL + s->nsec, c = s->csec * 1000000000LL + s->cnsec;

	return now_ns() - (m > c ? m : c) < RACY_NS;
}

/* The names and inodes in folder DIR, whatever their order: a sum of
 * each entry's FNV-1a hash */
static unsigned long long
names_of(const char *dir)
{
	unsigned long long sum = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		unsigned long long h = 1469598103934665603ULL;

		for (const unsigned char *p = (const unsigned char *)de->d_name; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ (unsigned long long)de->d_ino) * 1099511628211ULL;
		sum += h;
	}
	closedir(d);
	return sum;
}

static unsigned long long
case_names(const struct tui *t)
{
	char *cdir = xasprintf("%s/cases", t->in.dir);
	unsigned long long n = names_of(cdir);

	free(cdir);
	return n;
}

/* The stamps as they are now; NAMES: and the cases folder's names while
 * its stamp is racy (after another program's change: this program's own
 * saves need no such care, and a readdir of a large folder after each
 * answer would cost more than the answer) */
static void
mark(struct tui *t, int names)
{
	stamps(t, &t->seen_insp, &t->seen_cases, &t->seen_current);
	if (t->lost_path)
		stamp_of(t->lost_path, &t->seen_lost);
	t->cases_racy = names && racy(&t->seen_cases);
	if (t->cases_racy)
		t->cases_names = case_names(t);
}

void
tui_sync_mark(struct tui *t)
{
	mark(t, 0);
}

/* The name of the case list's selected row (a case or a file left out). */
static char *
selected_name(const struct tui *t)
{
	size_t sel = t->list_sel < 0 ? 0 : (size_t)t->list_sel;

	if (sel < t->in.ncases)
		return xstrdup(t->in.cases[sel].name);
	if (sel - t->in.ncases < t->in.nleft_out)
		return xstrdup(t->in.left_out[sel - t->in.ncases].name);
	return NULL;
}

static int
row_of(const struct inspection *in, const char *name)
{
	int ci = edit_case_index(in, name);

	for (size_t i = 0; ci < 0 && i < in->nleft_out; i++)
		if (strcmp(in->left_out[i].name, name) == 0)
			ci = (int)(in->ncases + i);
	return ci;
}

/* The framework as the undo list and the walk know it is still the one
 * read (the same id and numbers of everything its indexes count). */
static int
same_form(const struct form *a, const struct form *b)
{
	return strcmp(a->id, b->id) == 0 && a->nstds == b->nstds && a->nkqs == b->nkqs &&
	    a->nprompts == b->nprompts && a->nfacts == b->nfacts;
}

/* Read the inspection again, keeping the case, item and list row on
 * screen; returns what the loop must do (TUI_SYNC_*). */
static int
reread(struct tui *t)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	char *name = t->in.ncases ? xstrdup(t->in.cases[t->ci].name) : NULL;
	char *item = t->item >= 0 ? xstrdup(t->walk.items[t->item].id) : NULL;
	char *row = selected_name(t);
	int form_changed, ci, changed_here = 0, found = TUI_SYNC_READ;
	int on_case = t->screen == SCREEN_WALK || t->screen == SCREEN_JUMP ||
	    (t->screen == SCREEN_HELP && tui_under(t) == SCREEN_WALK);

	if (insp_open_cached(&in, t->in.dir, paths_forms_dir(), &p) < 0 || p.nerrors > in.left_out_errors) {
		/* as it was: the next change may put it right (the message
		 * names the problem; the folder is not written to) */
		for (size_t i = 0; i < p.n; i++)
			if (p.v[i].level == PROBLEM_ERROR) {
				tui_message(t, 1, "The folder was changed and cannot be read again "
				    "(showing it as it was): %s", p.v[i].msg);
				t->msg_sync = 1;	/* cleared when it can be read again */
				break;
			}
		if (in.path)
			insp_close(&in);
		problems_free(&p);
		free(name);
		free(item);
		free(row);
		return found;
	}
	problems_free(&p);
	if (t->msg_sync) {	/* the folder can be read again: no longer so */
		buf_reset(&t->msg);
		t->msg_sync = 0;
	}
	if (name != NULL && (ci = edit_case_index(&in, name)) >= 0 &&
	    memcmp(&in.cases[ci].disk, &t->in.cases[t->ci].disk, sizeof in.cases[ci].disk) != 0)
		changed_here = 1;	/* the case on screen was changed elsewhere */
	if (!same_form(&t->in.form, &in.form) && t->undo.n > 0) {
		/* its entries count items and facts of the framework as it was */
		edit_undo_free(&t->undo);
		tui_message(t, 1, "The framework file changed: what was done before cannot "
		    "be undone now.");
	}
	form_changed = !same_form(&t->in.form, &in.form);
	insp_close(&t->in);
	t->in = in;
	if (form_changed)	/* screens' state counts the framework as it was */
		found |= TUI_SYNC_FORM;
	walk_free(&t->walk);
	walk_init(&t->walk, &t->in.form);
	tui_recompute(t);

	/* the list's row, by name (else the same place, held in range when
	 * drawn) */
	if (row != NULL && (ci = row_of(&t->in, row)) >= 0)
		t->list_sel = ci;
	/* a case lost from the screen that can be read again */
	if (t->lost_path) {
		const char *base = strrchr(t->lost_path, '/');
		int back = edit_case_index(&t->in, base ? base + 1 : t->lost_path);

		if (back >= 0) {
			/* a moment's half-written file: back where the inspector was,
			 * unless a key has been pressed since */
			int restore = t->lost_item && t->screen == SCREEN_LIST;

			tui_message(t, 0, "%s can be read again.", base ? base + 1 : t->lost_path);
			if (restore) {
				t->ci = (size_t)back;
				t->item = walk_find(&t->walk, t->lost_item);
				found |= TUI_SYNC_BACK;	/* the walk, in the list's place */
				tui_case_settle(t);
			}
			free(t->lost_path);
			t->lost_path = NULL;
			free(t->lost_item);
			t->lost_item = NULL;
			if (restore) {
				free(name);
				free(item);
				free(row);
				return found;
			}
		}
	}
	ci = name ? edit_case_index(&t->in, name) : -1;
	if (ci >= 0) {
		t->ci = (size_t)ci;
		t->item = item ? walk_find(&t->walk, item) : -1;
		if (on_case)
			tui_case_settle(t);
		if (on_case && changed_here) {	/* say so: what is on screen moved */
			const char *now = t->item >= 0 ? t->walk.items[t->item].id : NULL;
			const char *ref = t->in.cases[ci].reference ? t->in.cases[ci].reference : name;

			if (now && item && strcmp(now, item) != 0)
				tui_message(t, 1, "%s was changed in another yjinspect: %s no longer "
				    "applies, now at %s.", ref, item, now);
			else
				tui_message(t, 0, "%s was changed in another yjinspect: shown as it "
				    "is now.", ref);
		}
	} else {
		t->ci = 0;
		t->item = -1;
		if (on_case) {	/* the case on screen is gone: back to the list */
			found |= TUI_SYNC_GONE;
			tui_message(t, 1, "The case %s is no longer in the folder, or cannot be "
			    "read now (see the end of the case list).", name ? name : "");
		}
		if (name && on_case) {	/* watched still: an editor's write may be half done */
			free(t->lost_path);
			t->lost_path = xasprintf("%s/cases/%s", t->in.dir, name);
			free(t->lost_item);
			t->lost_item = item ? xstrdup(item) : NULL;
		}
	}
	free(name);
	free(item);
	free(row);
	return found;
}

void
tui_sync_mark_case(struct tui *t)
{
	if (t->in.ncases > 0)
		stamp_of(t->in.cases[t->ci].path, &t->seen_current);
	else
		memset(&t->seen_current, 0, sizeof t->seen_current);
}

int
tui_sync_changed(struct tui *t)
{
	struct tui_stamp insp, cases, current;

	stamps(t, &insp, &cases, &current);
	if (t->lost_path) {
		struct tui_stamp lost;

		stamp_of(t->lost_path, &lost);
		if (memcmp(&lost, &t->seen_lost, sizeof lost) != 0)
			return 1;
	}
	if (memcmp(&insp, &t->seen_insp, sizeof insp) != 0 ||
	    memcmp(&cases, &t->seen_cases, sizeof cases) != 0 ||
	    memcmp(&current, &t->seen_current, sizeof current) != 0)
		return 1;
	if (t->cases_racy) {
		/* the stamp may hide a rename in its tick: the names say */
		int past = !racy(&t->seen_cases);	/* before the names are read */

		if (case_names(t) != t->cases_names)
			return 1;
		if (past)
			t->cases_racy = 0;	/* any later rename moves the stamp */
	}
	return 0;
}

int
tui_sync(struct tui *t)
{
	int found;

	/* not under an open editor: it holds a case by index, and text typed
	 * (the change stays pending until it closes) */
	if (t->screen == SCREEN_NOTES || t->screen == SCREEN_FACTS || t->adding)
		return 0;
	if (!tui_sync_changed(t))
		return 0;
	/* the stamps before the reading: a change made while it reads is
	 * news at the next look, not taken as read */
	mark(t, 1);
	found = reread(t);
	tui_sync_mark_case(t);	/* (the case on screen may be another now) */
	if (t->lost_path)
		stamp_of(t->lost_path, &t->seen_lost);
	return found;
}
