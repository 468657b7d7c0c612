/* tui_log.c - the meeting's log (see tui.h): every change to the folder
 * since the panel meeting began (panel mode entered: a meeting begun
 * earlier the same day, UTC, is resumed), newest first, each with its time, who made it,
 * the case and answer (old -> new) and every rating, key question and
 * score it moved, and each panel decision made since with its rationale.
 * It is worked out from the journals (meeting.h) whenever the ratings
 * move (t->rate_gen: this program's own changes, and another program's
 * once the folder watch has read them, tui_sync.c), so a change stays on
 * the page for as long as the meeting lasts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/stamp.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "model/meeting.h"
#include "store/place.h"
#include "tui/tui.h"

/* The page's own state */
struct tui_log {
	char *since;		/* when the meeting began (NULL: none known) */
	int started;		/* panel mode entered in this session */
	int looked;		/* the kept meeting looked for (outside panel mode) */
	int resumed;		/* SINCE kept from earlier the same day */
	int have;		/* M is worked out for GEN */
	unsigned gen;
	struct meeting m;
	struct buf *rows;	/* the page's rows as last laid out, for WIDTH */
	int *bold;		/* [nrows]: an entry's first row */
	int nrows, width;
	int top;		/* the first row shown */
};

static void
rows_free(struct tui_log *g)
{
	for (int i = 0; i < g->nrows; i++)
		buf_free(&g->rows[i]);
	free(g->rows);
	free(g->bold);
	g->rows = NULL;
	g->bold = NULL;
	g->nrows = 0;
}

static void
log_free(void *st)
{
	struct tui_log *g = st;

	rows_free(g);
	if (g->have)
		meeting_free(&g->m);
	free(g->since);
	memset(g, 0, sizeof *g);
}

void
tui_meeting_start(struct tui *t)
{
	struct tui_log *g = t->state[SCREEN_LOG];
	char now[STAMP_TIME_LEN + 8];
	char *kept;
	struct err e;

	if (g->started)
		return;
	g->started = 1;
	g->looked = 1;
	stamp_now(now, sizeof now, 1);
	kept = place_panel_load(t->in.dir, t->who);
	free(g->since);
	/* begun earlier today (UTC; a relaunch, a lid closed): resumed */
	g->resumed = kept && strlen(kept) >= 10 && strncmp(kept, now, 10) == 0;
	if (g->resumed)
		g->since = kept;
	else {
		free(kept);
		g->since = xstrdup(now);
		(void)place_panel_save(t->in.dir, t->who, now, &e);
	}
	if (g->have)
		meeting_free(&g->m);
	g->have = 0;
	g->width = 0;
}

/* Outside panel mode: the meeting kept for this inspector, if any */
static void
look(const struct tui *t, struct tui_log *g)
{
	if (g->looked || g->since)
		return;
	g->looked = 1;
	g->since = place_panel_load(t->in.dir, t->who);
}

static void
row_add(struct tui_log *g, int bold, const char *text)
{
	g->rows = xrealloc(g->rows, (size_t)(g->nrows + 1) * sizeof *g->rows);
	g->bold = xrealloc(g->bold, (size_t)(g->nrows + 1) * sizeof *g->bold);
	memset(&g->rows[g->nrows], 0, sizeof g->rows[g->nrows]);
	text_clean(&g->rows[g->nrows], text, 0);
	g->bold[g->nrows++] = bold;
}

/* TEXT wrapped in W columns, each row after the first indented by INDENT */
static void
rows_wrapped(struct tui_log *g, int bold, const char *text, int w, int indent)
{
	char **lines = text_wrap(text, (size_t)(w - indent > 20 ? w - indent : 20));

	for (size_t i = 0; lines[i]; i++) {
		char *row = xasprintf("%*s%s", i || !bold ? indent : 0, "", lines[i]);

		row_add(g, bold && i == 0, row);
		free(row);
	}
	text_lines_free(lines);
}

/* "HH:MM:SS" of an ISO time */
static void
clock_of(const char *iso, char out[9])
{
	snprintf(out, 9, "%s", strlen(iso) >= 19 ? iso + 11 : iso);
}

/* When the meeting began, for its heading: "HH:MM:SS", the date first
 * when it is not today's (UTC) */
static void
since_text(const char *since, struct buf *b)
{
	char now[STAMP_TIME_LEN + 8], at[9];

	stamp_now(now, sizeof now, 1);
	clock_of(since, at);
	if (strlen(since) >= 10 && strncmp(since, now, 10) != 0)
		buf_printf(b, "%.10s ", since);
	buf_adds(b, at);
}

/* The page's rows, newest entry first, for W columns */
static void
lay_out(struct tui *t, struct tui_log *g, int w)
{
	const struct form *f = &t->in.form;
	const char *arrow = t->utf8 ? " \xe2\x86\x92 " : " -> ";
	struct buf b = BUF_INIT;

	rows_free(g);
	g->width = w;
	if (g->since == NULL) {
		rows_wrapped(g, 0, "No panel meeting is recorded here. P starts one (panel mode): "
		    "from then every change to the folder, here or in another yjinspect, and "
		    "every panel decision is listed here with what it moved.", w, 0);
		return;
	}
	if (g->m.n == 0) {
		buf_adds(&b, "No change to the folder since the panel meeting began at ");
		since_text(g->since, &b);
		buf_adds(&b, " UTC. Every answer given from now on, here or in another yjinspect, "
		    "is listed here with what it moved.");
		rows_wrapped(g, 0, buf_str(&b), w, 0);
		buf_free(&b);
		return;
	}
	for (size_t k = g->m.n; k-- > 0;) {
		const struct meeting_entry *x = &g->m.v[k];
		char at[9];

		clock_of(x->time, at);
		buf_reset(&b);
		if (x->decision == MEETING_WITHDRAWN) {
			buf_printf(&b, "%s %s, decision on %s withdrawn (it was %s%s%s)", at, x->who,
			    f->stds[x->std].id, rate_label(f, x->from), arrow, rate_label(f, x->to));
			rows_wrapped(g, 1, buf_str(&b), w, 10);
		} else if (x->decision) {
			buf_printf(&b, "%s %s, decision on %s: %s%s%s", at, x->who, f->stds[x->std].id,
			    rate_label(f, x->from), arrow, rate_label(f, x->to));
			if (x->decision == MEETING_REPLACED)
				buf_printf(&b, " (replacing the decision to %s)",
				    rate_label(f, x->was_to));
			rows_wrapped(g, 1, buf_str(&b), w, 10);
			buf_reset(&b);
			buf_printf(&b, "why: %s", x->why ? x->why : "(none given)");
			rows_wrapped(g, 0, buf_str(&b), w, 10);
		} else {
			buf_printf(&b, "%s %s, %s: ", at, x->who, x->ref);
			for (size_t i = 0; i < x->nchanges; i++) {
				if (i)
					buf_adds(&b, ", ");
				meeting_change_text(&b, &x->changes[i], arrow);
			}
			rows_wrapped(g, 1, buf_str(&b), w, 10);
		}
		buf_reset(&b);
		buf_adds(&b, "moved ");
		if (x->nmoves == 0)
			buf_adds(&b, "nothing");
		for (size_t i = 0; i < x->nmoves; i++) {
			if (i)
				buf_adds(&b, ", ");
			meeting_move_text(&b, f, &x->moves[i], arrow);
		}
		rows_wrapped(g, 0, buf_str(&b), w, 10);
	}
	buf_free(&b);
}

/* The log worked out again when the ratings have moved (the title is
 * drawn first, so it may be there) */
static void
update(const struct tui *t, struct tui_log *g)
{
	look(t, g);
	if (g->since == NULL || (g->have && g->gen == t->rate_gen))
		return;
	if (g->have)
		meeting_free(&g->m);
	meeting_compute(&g->m, &t->in, g->since);
	g->have = 1;
	g->gen = t->rate_gen;
	g->width = 0;	/* laid out again */
}

static void
log_draw(struct tui *t, void *st)
{
	struct tui_log *g = st;
	int h = t->rows - 2, w = t->cols - 2;

	update(t, g);
	if (g->width != w)
		lay_out(t, g, w);
	if (g->top > g->nrows - h)
		g->top = g->nrows - h;
	if (g->top < 0)
		g->top = 0;
	for (int i = 0; i < h && g->top + i < g->nrows; i++) {
		int r = g->top + i;

		/* the cursor on the focused entry: the first whose heading
		 * shows (else the top row), for screen readers */
		if (g->bold[r] || i == h - 1 || g->top + i == g->nrows - 1)
			tui_focus(t, 1 + (g->bold[r] ? i : 0), 1);
		if (g->bold[r])
			attron(A_BOLD);
		tui_put_cut(1 + i, 1, w, buf_str(&g->rows[r]));
		if (g->bold[r])
			attroff(A_BOLD);
	}
}

static void
log_title(const struct tui *t, void *st, struct buf *line)
{
	struct tui_log *g = st;
	size_t changes;

	update(t, g);
	if (g->since == NULL) {
		buf_adds(line, " Meeting log \xc2\xb7 no meeting");
		return;
	}
	changes = g->have ? g->m.n - g->m.ndecisions : 0;
	buf_adds(line, " Meeting log \xc2\xb7 since ");
	since_text(g->since, line);
	buf_printf(line, " UTC%s \xc2\xb7 %zu change%s, %zu decision%s",
	    g->resumed ? " (resumed)" : "", changes, changes == 1 ? "" : "s", g->have ? g->m.ndecisions : 0,
	    g->have && g->m.ndecisions == 1 ? "" : "s");
}

static int
log_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_log *g = st;

	(void)arg;
	if (t->screen == SCREEN_LOG)
		return 0;
	if (!g->started) {	/* the meeting kept may have moved on: read again */
		free(g->since);
		g->since = NULL;
		g->looked = 0;
		if (g->have)
			meeting_free(&g->m);
		g->have = 0;
		g->width = 0;
	}
	g->top = 0;	/* the newest first */
	return 1;
}

static int
log_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_log *g = st;
	int page = t->rows - 3 > 1 ? t->rows - 3 : 1;

	switch (a) {
	case ACT_SCROLL_UP:
		g->top--;	/* (held in range when drawn) */
		return 1;
	case ACT_SCROLL_DOWN:
		g->top++;
		return 1;
	case ACT_PAGE_UP:
		g->top -= page;
		return 1;
	case ACT_PAGE_DOWN:
		g->top += page;
		return 1;
	case ACT_CLOSE:
		go->kind = GO_POP;
		return 1;
	default:
		return 0;
	}
}

static void
log_reread(struct tui *t, void *st)
{
	struct tui_log *g = st;

	(void)t;
	if (g->have)	/* the framework is another: its indexes with it */
		meeting_free(&g->m);
	g->have = 0;
	g->width = 0;
}

static const char *
log_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "newest first  j/k scroll  PgUp/PgDn page  Esc back  ? help";
}

const struct tui_screen_ops tui_log_screen = {
	.name = "log", .context = CTX_LOG, .state_size = sizeof(struct tui_log),
	.hint = log_hint, .title = log_title, .open = log_open, .draw = log_draw,
	.key = log_key, .reread = log_reread, .free = log_free,
};
