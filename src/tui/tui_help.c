/* tui_help.c - the help screen, generated from the key table that the
 * program dispatches on (tui_keys.c): the keys of the screen it was opened
 * from first, then those of every screen, then the rest; and the standard
 * picker. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/buf.h"
#include "base/text.h"
#include "tui/tui.h"
#include "base/xalloc.h"

/* The help's own state */
struct tui_help {
	int top;	/* its scroll */
	enum tui_context here;	/* the keys of the screen it was opened from */
};

/* The picker's */
struct tui_jump {
	int sel;	/* the standard selected */
};

static int
help_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_help *h = st;

	(void)t;
	h->top = 0;
	h->here = arg->n < CTX_COUNT ? (enum tui_context)arg->n : CTX_ALL;
	return 1;
}

static int
jump_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_jump *j = st;

	(void)t;
	j->sel = (int)arg->n;
	return 1;
}

/* DESC wrapped in W columns from screen row Y0 + ROW, rows 0..H-1 only. */
static void
help_desc(struct tui *t, int y0, int row, int h, int w, const char *desc)
{
	struct buf b = BUF_INIT;
	char **lines;

	(void)t;
	text_clean(&b, desc, 0);
	lines = text_wrap(buf_str(&b), (size_t)w);
	for (int i = 0; lines[i]; i++)
		if (row + i >= 0 && row + i < h)
			tui_put(y0 + row + i, 26, w, lines[i]);
	text_lines_free(lines);
	buf_free(&b);
}

/* A line of the help's own at ROW, from column 2 (not a context heading) */
static void
help_note(struct tui *t, const struct tui_help *hs, int draw, int row, const char *s)
{
	int y = row - hs->top;

	if (draw && y >= 0 && y < t->rows - 2) {
		attron(A_BOLD);
		tui_put(1 + y, 2, t->cols - 3, s);
		attroff(A_BOLD);
	}
}

/* The contexts in the order the help shows them: the screen's own first,
 * then the keys of most screens (unless typing there takes them), then
 * the rest in the table's order */
static int
help_order(const struct tui_help *hs, enum tui_context *order)
{
	int n = 0;
	int typing = hs->here == CTX_NOTES || hs->here == CTX_HELP || hs->here == CTX_TEXT ||
	    hs->here == CTX_ADD || hs->here == CTX_NAME;

	order[n++] = hs->here;
	if (!typing && hs->here != CTX_ALL)
		order[n++] = CTX_ALL;
	for (int ctx = CTX_ALL; ctx < CTX_COUNT; ctx++) {
		int seen = 0;

		for (int i = 0; i < n; i++)
			seen |= order[i] == (enum tui_context)ctx;
		if (!seen)
			order[n++] = (enum tui_context)ctx;
	}
	return n;
}

/* One help row per (context, action), keys joined. Returns the rows. */
static int
help_rows(struct tui *t, const struct tui_help *hs, int draw)
{
	int row = 0, y0 = 1, h = t->rows - 2;
	enum tui_context order[CTX_COUNT];
	int nctx = help_order(hs, order);
	struct buf note = BUF_INIT;

	buf_printf(&note, "Keys of this screen (the %s) first, then the others.",
	    tui_context_name(hs->here));
	help_note(t, hs, draw, row, buf_str(&note));
	buf_free(&note);
	row += 2;
	for (int oi = 0; oi < nctx; oi++) {
		int ctx = (int)order[oi];
		int header = 0;

		if (oi == 1 + (order[1] == CTX_ALL && order[0] != CTX_ALL)) {
			help_note(t, hs, draw, row, "Other screens:");
			row += 2;
		}

		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			char keys[128] = "";

			for (size_t i = 0; i < tui_nbindings; i++) {
				const struct tui_binding *b = &tui_bindings[i];
				char *at;

				if ((int)b->ctx != ctx || (int)b->act != a)
					continue;
				at = strstr(keys, b->name);
				if (at && (at[strlen(b->name)] == ',' || at[strlen(b->name)] == '\0'))
					continue;
				snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%s",
				    keys[0] ? ", " : "", b->name);
			}
			if (!keys[0])
				continue;
			if (!header) {
				if (draw && row - hs->top >= 0 && row - hs->top < h) {
					attron(A_BOLD | A_UNDERLINE);
					tui_put(y0 + row - hs->top, 1, t->cols - 2,
					    tui_context_name((enum tui_context)ctx));
					attroff(A_BOLD | A_UNDERLINE);
				}
				row++;
				header = 1;
			}
			{
				/* the description wrapped in its column, never cut */
				int dw = t->cols - 27 > 10 ? t->cols - 27 : 10;
				int n = tui_wrap(0, 0, dw, 0, tui_action_desc((enum tui_action)a));

				for (int k = 0; k < n; k++) {
					int y = row + k - hs->top;

					if (!draw || y < 0 || y >= h)
						continue;
					if (k == 0) {
						attron(A_BOLD);
						tui_put(y0 + y, 3, 22, keys);
						attroff(A_BOLD);
					}
				}
				if (draw)
					help_desc(t, y0, row - hs->top, h, dw,
					    tui_action_desc((enum tui_action)a));
				row += n;
			}
		}
		row++;
	}
	return row;
}

static void
help_draw(struct tui *t, void *st)
{
	struct tui_help *hs = st;
	int total = help_rows(t, hs, 0);

	if (hs->top > total - (t->rows - 2))
		hs->top = total - (t->rows - 2) > 0 ? total - (t->rows - 2) : 0;
	help_rows(t, hs, 1);
	tui_focus(t, 1, 1);	/* on what is read first */
}

static int
help_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_help *hs = st;

	switch (a) {
	case ACT_SCROLL_UP:
		hs->top -= hs->top > 0;
		return 1;
	case ACT_SCROLL_DOWN:
		hs->top++;
		return 1;
	case ACT_PAGE_UP:
		hs->top -= t->rows - 3;
		if (hs->top < 0)
			hs->top = 0;
		return 1;
	case ACT_PAGE_DOWN:
		hs->top += t->rows - 3;
		return 1;
	case ACT_CLOSE:
		go->kind = GO_POP;
		go->settle = 1;	/* back on the walk: its item, if it still applies */
		return 1;
	default:
		return 0;
	}
}

/* ---- the standard picker ---- */

static void
jump_draw(struct tui *t, void *st)
{
	const struct tui_jump *j = st;
	const struct form *f = &t->in.form;
	struct tui_rect r = t->main;
	int row = 0;

	int idx = 0, sel_idx = 0, top, namew = 0, labw = 0;

	/* the names and the band words whole where the width allows, the
	 * band's symbol between; narrower, the names give way first, down to
	 * 13 columns of band word */
	for (size_t s = 0; s < f->nstds; s++) {
		int n = (int)strlen(f->stds[s].id);

		n = (n > 5 ? n : 5) + 1 + (int)strlen(f->stds[s].name);	/* "%-5s %s" */
		namew = n > namew ? n : namew;
	}
	for (size_t b = 0; b < f->nbands; b++)
		if ((int)strlen(f->bands[b].rating) > labw)
			labw = (int)strlen(f->bands[b].rating);
	labw = labw < 13 ? 13 : labw;
	if (namew + 4 + labw > r.w) {
		labw = r.w - 4 - namew < 13 ? 13 : r.w - 4 - namew;
		namew = r.w - 4 - labw;
	}
	attron(A_BOLD);
	tui_put(r.y, r.x, r.w, "Jump to a standard (Enter), Esc to stay");
	attroff(A_BOLD);
	/* scrolled so the selection shows */
	for (size_t s = 0; s < f->nstds; s++)
		if (f->stds[s].rating == RATING_CASES) {
			if ((int)s == j->sel)
				sel_idx = idx;
			idx++;
		}
	top = sel_idx - (r.h - 3) + 1 > 0 ? sel_idx - (r.h - 3) + 1 : 0;
	idx = 0;
	for (size_t s = 0; s < f->nstds && row < r.h - 2; s++) {
		char line[300];
		const struct rate_std *rs = &t->rate.std[s];
		int sel = (int)s == j->sel;

		if (f->stds[s].rating != RATING_CASES)
			continue;
		if (idx++ < top)
			continue;
		snprintf(line, sizeof line, "%-5s %s", f->stds[s].id, f->stds[s].name);
		if (sel)
			attron(A_REVERSE);
		tui_fill(r.y + 2 + row, r.x, r.w);
		tui_put(r.y + 2 + row, r.x, namew, line);
		tui_put(r.y + 2 + row, r.x + namew + 1, 2, tui_band_symbol(t, rs->rating));
		tui_put(r.y + 2 + row, r.x + namew + 3, labw, rate_label(f, rs->rating));
		if (sel) {
			attroff(A_REVERSE);
			tui_focus(t, r.y + 2 + row, r.x);
		}
		row++;
	}
}

static int
jump_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_jump *j = st;
	const struct form *f = &t->in.form;
	int s = j->sel;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		for (int k = s + (a == ACT_DOWN ? 1 : -1); k >= 0 && (size_t)k < f->nstds;
		    k += a == ACT_DOWN ? 1 : -1)
			if (f->stds[k].rating == RATING_CASES) {
				j->sel = k;
				break;
			}
		return 1;
	case ACT_PICK: {
		const struct case_file *c = &t->in.cases[t->ci];
		int first = walk_first_of_std(&t->walk, (size_t)s);

		go->kind = GO_POP;
		if (first < 0)
			return 1;
		if (walk_relevant(&t->walk, c, (size_t)first) != COND_TRUE) {
			int n = walk_step(&t->walk, c, (size_t)first, 1);

			if (n < 0 || t->walk.items[n].std != (size_t)s) {
				tui_message(t, 0, "No question of %s applies to this case.",
				    f->stds[s].id);
				return 1;
			}
			first = n;
		}
		t->item = first;
		return 1;
	}
	case ACT_CLOSE:
		go->kind = GO_POP;
		return 1;
	default:
		return 0;
	}
}

static void
help_title(const struct tui *t, void *st, struct buf *line)
{
	const struct tui_help *hs = st;

	buf_printf(line, " yjinspect keys (Esc, q or ? to close) %s the %s first",
	    tui_sym(t, SYM_SEP), tui_context_name(hs->here));
}

static const char *
help_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "j/k scroll  PgDn/PgUp a page  Esc, q or ? back";
}

static const char *
jump_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "Enter go to the standard  j/k move  Esc back  ? help";
}

const struct tui_screen_ops tui_help_screen = {
	.name = "help", .context = CTX_HELP, .state_size = sizeof(struct tui_help),
	.hint = help_hint, .title = help_title, .open = help_open, .draw = help_draw,
	.key = help_key,
};

const struct tui_screen_ops tui_jump_screen = {
	.name = "jump", .context = CTX_JUMP, .panel = 1, .state_size = sizeof(struct tui_jump),
	.hint = jump_hint, .open = jump_open, .draw = jump_draw, .key = jump_key,
};
