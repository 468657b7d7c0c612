/* tui_help.c - the help screen, generated from the key table that the
 * program dispatches on (tui_keys.c), and the standard picker. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "tui.h"

/* One help row per (context, action), keys joined. Returns the rows. */
static int
help_rows(struct tui *t, int draw)
{
	int row = 0, y0 = 1, h = t->rows - 2;

	for (int ctx = CTX_ALL; ctx <= CTX_HELP; ctx++) {
		int header = 0;

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
				if (draw && row - t->help_top >= 0 && row - t->help_top < h) {
					attron(A_BOLD | A_UNDERLINE);
					tui_put(y0 + row - t->help_top, 1, t->cols - 2,
					    tui_context_name((enum tui_context)ctx));
					attroff(A_BOLD | A_UNDERLINE);
				}
				row++;
				header = 1;
			}
			if (draw && row - t->help_top >= 0 && row - t->help_top < h) {
				attron(A_BOLD);
				tui_put(y0 + row - t->help_top, 3, 22, keys);
				attroff(A_BOLD);
				tui_put(y0 + row - t->help_top, 26, t->cols - 27,
				    tui_action_desc((enum tui_action)a));
			}
			row++;
		}
		row++;
	}
	return row;
}

void
tui_help_draw(struct tui *t)
{
	int total = help_rows(t, 0);

	if (t->help_top > total - (t->rows - 2))
		t->help_top = total - (t->rows - 2) > 0 ? total - (t->rows - 2) : 0;
	help_rows(t, 1);
}

int
tui_help_key(struct tui *t, enum tui_action a)
{
	switch (a) {
	case ACT_SCROLL_UP:
		t->help_top -= t->help_top > 0;
		return 1;
	case ACT_SCROLL_DOWN:
		t->help_top++;
		return 1;
	case ACT_BACK:
		t->screen = t->back;
		return 1;
	default:
		return 0;
	}
}

/* ---- the standard picker ---- */

void
tui_jump_draw(struct tui *t)
{
	const struct form *f = &t->in.form;
	struct tui_rect r = t->main;
	int row = 0;

	attron(A_BOLD);
	tui_put(r.y, r.x, r.w, "Jump to a standard (Enter), Esc to stay");
	attroff(A_BOLD);
	for (size_t s = 0; s < f->nstds && row < r.h - 2; s++) {
		char line[300];
		const struct rate_std *rs = &t->rate.std[s];
		int sel = (int)s == t->jump_sel;

		if (f->stds[s].rating != RATING_CASES)
			continue;
		snprintf(line, sizeof line, "%-5s %s", f->stds[s].id, f->stds[s].name);
		if (sel)
			attron(A_REVERSE);
		tui_fill(r.y + 2 + row, r.x, r.w);
		tui_put(r.y + 2 + row, r.x, r.w - 16, line);
		tui_put(r.y + 2 + row, r.x + r.w - 15, 2, tui_band_symbol(t, rs->rating));
		tui_put(r.y + 2 + row, r.x + r.w - 13, 13, rate_label(f, rs->rating));
		if (sel)
			attroff(A_REVERSE);
		row++;
	}
}

int
tui_jump_key(struct tui *t, enum tui_action a)
{
	const struct form *f = &t->in.form;
	int s = t->jump_sel;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
		for (int k = s + (a == ACT_DOWN ? 1 : -1); k >= 0 && (size_t)k < f->nstds;
		    k += a == ACT_DOWN ? 1 : -1)
			if (f->stds[k].rating == RATING_CASES) {
				t->jump_sel = k;
				break;
			}
		return 1;
	case ACT_DONE: {
		const struct case_file *c = &t->in.cases[t->ci];
		int first = walk_first_of_std(&t->walk, (size_t)s);

		t->screen = SCREEN_WALK;
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
	case ACT_BACK:
		t->screen = SCREEN_WALK;
		return 1;
	default:
		return 0;
	}
}
