/* tui_team.c - sync with the team from the terminal UI (see tui.h): the
 * engine (sync.h) run as the inspector on screen, the folder read again,
 * and its report on a screen of its own: what went out, what came in from
 * whom, and each conflict standing, one a row; Enter opens a conflict's
 * case at its question, where the walk shows both sides and answering
 * settles it. The report is kept as the sync made it; a conflict settled
 * since is marked so as it is drawn. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "team/sync.h"
#include "tui/tui.h"

/* The report screen's own state */
struct tui_team {
	int have;		/* a sync has run: REP is its report */
	struct sync_report rep;
	size_t sel;		/* the conflict selected */
	int top;		/* the first row shown */
};

static void
team_free(void *st)
{
	struct tui_team *m = st;

	if (m->have)
		sync_report_free(&m->rep);
	memset(m, 0, sizeof *m);
}

/* Strip "sync: DIR: " from an engine message: the folder is on screen */
static const char *
brief(const struct tui *t, const char *msg)
{
	size_t n = strlen(t->in.dir);

	if (strncmp(msg, "sync: ", 6) == 0)
		msg += 6;
	if (strncmp(msg, t->in.dir, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		msg += n + 2;
	return msg;
}

int
tui_team_sync(struct tui *t, void *st)
{
	struct tui_team *m = st;
	struct sync_report rep;

	sync_run(t->in.dir, NULL, t->who, 1, &rep);
	buf_reset(&t->msg);
	if (rep.status == SYNC_NOT_SHARED) {
		/* (DIR, not the folder's path: a long path would push the
		 * second command off the status lines) */
		tui_message(t, 1, "Not synced: this folder is not shared with a team (no git "
		    "repository of its own). The lead shares it: yjinspect team init DIR --share "
		    "URL; each inspector joins: yjinspect team join URL DIR.");
		sync_report_free(&rep);
		return 0;
	}
	if (rep.status == SYNC_NO_GIT) {
		tui_message(t, 1, "Not synced: git cannot be run; sync needs it installed.");
		sync_report_free(&rep);
		return 0;
	}
	team_free(m);	/* the last report, if any: this one from its top */
	m->have = 1;
	m->rep = rep;
	return 1;
}

static void
team_title(const struct tui *t, void *st, struct buf *line)
{
	const struct tui_team *m = st;
	const struct sync_report *r = m->have ? &m->rep : NULL;

	(void)t;

	if (r == NULL)
		buf_printf(line, " Sync");
	else if (r->status == SYNC_SYNCED)
		buf_printf(line, " Synced %s %s", r->by_bundle ? "through the bundle" : "with",
		    r->where ? r->where : "the team's repository");
	else if (r->status == SYNC_OUT_OF_REACH)
		buf_printf(line, " Not synced: the team's repository cannot be reached; your "
		    "work stays committed here and goes at the next sync");
	else
		buf_printf(line, " Not synced: %s", r->nmsgs ? brief(t, r->msgs[0]) :
		    "it failed");
}

/* Is report conflict K settled since (its key has a value again)? */
static int
settled(const struct tui *t, const struct sync_conflict *k)
{
	const struct conflicts *cs = NULL;

	if (k->is_case) {
		int ci = edit_case_index(&t->in, k->file);

		if (ci < 0)
			return 0;
		cs = &t->in.cases[ci].conflicts;
	} else
		cs = &t->in.conflicts;
	return conflict_find(cs, k->section, k->key) == NULL;
}

/* The report's rows, from row 0: drawn (DRAW) from screen row Y0 for H
 * rows after M->top; returns the number of rows and sets *SELROW to
 * the selected conflict's row */
static int
rows(struct tui *t, struct tui_team *m, int draw, int y0, int h, int *selrow)
{
	const struct sync_report *r = &m->rep;
	char line[1024];
	int n = 0, w = t->cols - 2;

#define ROW(attr, ...) do { \
		snprintf(line, sizeof line, __VA_ARGS__); \
		if (draw && n >= m->top && n < m->top + h) { \
			attron(attr); \
			tui_fill(y0 + n - m->top, 0, t->cols); \
			tui_put_cut(y0 + n - m->top, 1, w, line); \
			attroff(attr); \
		} \
		n++; \
	} while (0)

	*selrow = -1;
	if (r->nsent)
		ROW(A_NORMAL, "%s: %zu file%s changed by %s: %s.", r->status == SYNC_SYNCED ?
		    "Went out" : "Kept here, goes at the next sync", r->nsent,
		    r->nsent == 1 ? "" : "s", r->who, r->sent);
	else if (r->status == SYNC_SYNCED || r->status == SYNC_OUT_OF_REACH)
		ROW(A_NORMAL, "Went out: nothing new from here.");
	if (r->ncame == 0 && r->nalso == 0 && r->status == SYNC_SYNCED)
		ROW(A_NORMAL, "Came in: nothing new.");
	for (size_t i = 0; i < r->ncame; i++)
		ROW(A_NORMAL, "Came in from %s: %zu answer%s in %zu case%s (%s).", r->came[i].who,
		    r->came[i].answers, r->came[i].answers == 1 ? "" : "s", r->came[i].ncases,
		    r->came[i].ncases == 1 ? "" : "s", r->came[i].cases);
	if (r->nalso)
		ROW(A_NORMAL, "Came in too: other changes to %s.", r->also);
	for (size_t i = 0; i < r->nmsgs; i++)
		ROW(tui_attr(t, TA_ERROR), "%s", brief(t, r->msgs[i]));
	if (r->status != SYNC_SYNCED && r->status != SYNC_OUT_OF_REACH)
		return n;
	ROW(A_NORMAL, "%s", "");
	if (r->nconflicts == 0)
		ROW(A_BOLD, "Conflicts to settle: none.");
	else
		ROW(A_BOLD, "Conflicts to settle: %zu (Enter opens its question; answering settles "
		    "it)", r->nconflicts);
	for (size_t i = 0; i < r->nconflicts; i++) {
		const struct sync_conflict *k = &r->conflicts[i];
		const char *name = k->file;
		char ref[256];

		if (k->is_case) {	/* a case by its reference, as the inspector knows it */
			int ci = edit_case_index(&t->in, k->file);

			if (ci >= 0 && t->in.cases[ci].reference)
				name = t->in.cases[ci].reference;
		}
		snprintf(ref, sizeof ref, "%s", name);
		if (i == m->sel)
			*selrow = n;
		ROW(i == m->sel ? (int)A_REVERSE : A_NORMAL, "%s [%s] %s: %s%s", ref, k->section,
		    k->key, settled(t, k) ? "settled since. Was: " : "", k->describe);
	}
#undef ROW
	return n;
}

static void
team_draw(struct tui *t, void *st)
{
	struct tui_team *m = st;
	int h = t->rows - 2, total, sel;

	if (!m->have)	/* (never on top before a sync) */
		return;
	total = rows(t, m, 0, 1, h, &sel);
	/* the selected conflict in sight; the view held in range */
	if (sel >= 0 && sel < m->top)
		m->top = sel;
	if (sel >= 0 && sel >= m->top + h)
		m->top = sel - h + 1;
	if (m->top > total - h)
		m->top = total - h;
	if (m->top < 0)
		m->top = 0;
	rows(t, m, 1, 1, h, &sel);
	/* the cursor on the selected conflict, else on the report's top */
	tui_focus(t, sel >= 0 ? 1 + sel - m->top : 1, 1);
}

/* Open conflict K: its case at its question, over the report */
static void
open_conflict(struct tui *t, const struct sync_conflict *k, struct tui_go *go)
{
	int ci, item = -1;

	if (!k->is_case) {
		tui_message(t, 0, "inspection.ini [%s] %s is the panel's: settle it on the ratings "
		    "page (r), deciding it again.", k->section, k->key);
		return;
	}
	ci = edit_case_index(&t->in, k->file);
	if (ci < 0) {
		tui_message(t, 1, "%s is no longer in the folder, or cannot be read now (see the end "
		    "of the case list).", k->file);
		return;
	}
	if (strcmp(k->section, "answers") == 0)
		item = walk_find(&t->walk, k->key);
	/* over the report: Esc comes back here */
	*go = (struct tui_go){ .kind = GO_CASE, .n = (size_t)ci, .to = item };
}

static int
team_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_team *m = st;

	if (!m->have)
		return 0;
	switch (a) {
	case ACT_UP:
		if (m->rep.nconflicts == 0)
			m->top--;
		else if (m->sel > 0)
			m->sel--;
		return 1;
	case ACT_DOWN:
		if (m->rep.nconflicts == 0)
			m->top++;	/* (held in range when drawn) */
		else if (m->sel + 1 < m->rep.nconflicts)
			m->sel++;
		return 1;
	case ACT_SETTLE:
		if (m->sel < m->rep.nconflicts)
			open_conflict(t, &m->rep.conflicts[m->sel], go);
		return 1;
	case ACT_CLOSE:
		go->kind = GO_POP;
		return 1;
	default:
		return 0;
	}
}

static const char *
team_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "Enter open the conflict's question  j/k move  = sync again  Esc back";
}

const struct tui_screen_ops tui_team_screen = {
	.name = "sync", .context = CTX_SYNC, .state_size = sizeof(struct tui_team),
	.hint = team_hint, .title = team_title, .draw = team_draw, .key = team_key,
	.free = team_free,
};
