/* tui_panel.c - the live ratings panel: the score and overall rating, the
 * current standard's key questions (yes/relevant, %, band, bar), and every
 * standard's rating, with discretion candidates and panel decisions marked.
 * Everything comes from struct rate (recomputed on every change). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tui/tui.h"

static const char *
short_rating(const struct form *f, int rating)
{
	static const char *const names[] = { "Inadequate", "Req. impr.", "Good", "Outstanding" };

	if (rating == RATE_PENDING)
		return "Not judged";
	if (rating < 0)
		return "Not rated";
	if (f->nbands == 4)
		return names[rating];
	return f->bands[rating].rating;
}

/* Whether key question Q is the one being walked. */
static int
kq_current(const struct tui *t, size_t q)
{
	return t->item >= 0 && t->walk.items[t->item].kq == q && t->screen != SCREEN_LIST;
}

/* "83%", or a dash when no case is relevant. */
static void
kq_percent(const struct tui *t, const struct rate_tally *k, char *buf, size_t size)
{
	if (k->percent < 0)
		snprintf(buf, size, "%s", tui_sym(t, SYM_NO_FIGURE));
	else
		snprintf(buf, size, "%d%%", k->percent);
}

static const char *
kq_band_label(const struct form *f, const struct rate_tally *k)
{
	return k->band >= 0 ? f->bands[k->band].label : "no relevant cases";
}

/* The mark after a standard's rating: ! the evidence moved since the
 * decision, † decision, ◆ candidate, or none (symbol.h: the same marks as
 * the ratings page's). */
static const char *
std_mark(const struct tui *t, const struct rate_std *rs)
{
	if (rs->stale)
		return tui_sym(t, SYM_STALE);
	if (rs->decision)
		return tui_sym(t, SYM_DECIDED);
	if (rs->reasons && rs->rating >= 0)
		return tui_sym(t, SYM_CANDIDATE);
	return "";
}

/* The panel's rows are laid out in a virtual list and scrolled. */
struct prow {
	struct tui *t;
	int y0, h, top, row;	/* screen top, height, scroll, next virtual row */
	int x, w;
};

static int
visible(struct prow *p)
{
	int r = p->row - p->top;

	return r >= 0 && r < p->h;
}

static int
ypos(const struct prow *p)
{
	return p->y0 + p->row - p->top;
}

static void
text_row(struct prow *p, int attr, const char *s)
{
	if (visible(p)) {
		attron(attr);
		tui_put(ypos(p), p->x, p->w, s);
		attroff(attr);
	}
	p->row++;
}

static void
rule(struct prow *p)
{
	if (visible(p))
		tui_hline(p->t, ypos(p), p->x, p->w);
	p->row++;
}

/* "2.1.1  5/6  83% ★" then a bar with the band label. */
static void
kq_rows(struct prow *p, size_t q)
{
	struct tui *t = p->t;
	const struct form *f = &t->in.form;
	const struct rate_tally *k = &t->rate.kq[q];
	char line[128], pct[16];
	int cur = kq_current(t, q);

	kq_percent(t, k, pct, sizeof pct);
	snprintf(line, sizeof line, "%s%-7s %d/%d %5s %s", cur ? tui_sym(t, SYM_CURRENT) : " ",
	    f->kqs[q].id, k->yes, k->relevant, pct, tui_band_symbol(t, k->band));
	text_row(p, cur ? A_BOLD : A_NORMAL, line);
	if (visible(p)) {
		int bw = p->w - 2 > 10 ? 10 : p->w - 2;

		tui_bar(t, ypos(p), p->x + 2, bw, k->percent, k->band);
		attron(tui_band_attr(t, k->band));
		tui_put(ypos(p), p->x + 3 + bw, p->w - 3 - bw, kq_band_label(f, k));
		attroff(tui_band_attr(t, k->band));
	}
	p->row++;
}

/* One line: "▸2.1.1  5/6  83% ★ Large majority" (the label where it fits whole). */
static void
kq_row_compact(struct prow *p, size_t q)
{
	struct tui *t = p->t;
	const struct form *f = &t->in.form;
	const struct rate_tally *k = &t->rate.kq[q];
	char line[256], pct[16];
	int cur = kq_current(t, q);

	kq_percent(t, k, pct, sizeof pct);
	snprintf(line, sizeof line, "%s%-6s %2d/%-2d %4s", cur ? tui_sym(t, SYM_CURRENT) : " ",
	    f->kqs[q].id, k->yes, k->relevant, pct);
	if (visible(p)) {
		int y = ypos(p), used;

		attron(cur ? A_BOLD : A_NORMAL);
		used = tui_put(y, p->x, p->w, line);
		attroff(cur ? A_BOLD : A_NORMAL);
		attron(tui_band_attr(t, k->band));
		used += tui_put(y, p->x + used + 1, p->w - used - 1, tui_band_symbol(t, k->band)) + 1;
		/* the label whole or not at all (the symbol says the band) */
		if (tui_width(kq_band_label(f, k)) <= p->w - used - 1)
			tui_put(y, p->x + used + 1, p->w - used - 1, kq_band_label(f, k));
		attroff(tui_band_attr(t, k->band));
	}
	p->row++;
}

/* Why standard S is a discretion candidate, in a word or two: "near 65%",
 * "one case", "≤5 cases"; "" when it is not one. */
static void
reason_word(const struct tui *t, size_t s, char *buf, size_t size)
{
	const struct form *f = &t->in.form;
	const struct rate_std *rs = &t->rate.std[s];

	buf[0] = '\0';
	if (!rs->reasons || rs->rating < 0 || rs->decision || rs->stale)
		return;
	if ((rs->reasons & REASON_NEAR_BOUNDARY) && rs->lowest_kq >= 0 && f->nbands > 1) {
		int pc = t->rate.kq[rs->lowest_kq].percent, near = f->bands[1].min;

		for (size_t b = 1; b < f->nbands; b++)
			if (abs(pc - f->bands[b].min) < abs(pc - near))
				near = f->bands[b].min;
		snprintf(buf, size, "near %d%%", near);
	} else if (rs->reasons & REASON_ONE_CASE)
		snprintf(buf, size, "one case");
	else
		snprintf(buf, size, "%s%d cases", tui_sym(t, SYM_AT_MOST), f->disc_sample);
}

static void
std_row(struct prow *p, size_t s)
{
	struct tui *t = p->t;
	const struct form *f = &t->in.form;
	const struct form_std *st = &f->stds[s];
	const struct rate_std *rs = &t->rate.std[s];
	const char *rating = short_rating(f, rs->rating);
	const char *mark = std_mark(t, rs);
	int cur = t->item >= 0 && t->walk.items[t->item].std == s && t->screen != SCREEN_LIST;
	/* "2.1  NAME  word ★ Outstanding ◆": at 80 columns the band symbol
	 * gives way so that a short name reads whole (the rating says it) */
	int rw = 11, sym = p->w >= 36 ? 2 : 0, namew = p->w - 5 - sym - rw - 3;
	const char *name = st->name;
	char id[32], word[32];

	if (!visible(p)) {
		p->row++;
		return;
	}
	if (tui_width(name) > namew && st->short_name)
		name = st->short_name;
	snprintf(id, sizeof id, "%s%s", st->id, st->counted ? "" : tui_sym(t, SYM_UNCOUNTED));
	reason_word(t, s, word, sizeof word);
	{
		int y = ypos(p), used;

		attron(cur ? A_BOLD : A_NORMAL);
		tui_put(y, p->x, 4, id);
		used = tui_put(y, p->x + 5, namew, name);
		attroff(cur ? A_BOLD : A_NORMAL);
		/* the discretion reason beside the name, where room allows */
		if (word[0] && used + 1 + tui_width(word) <= namew) {
			attron(tui_attr(t, TA_DIM));
			tui_put(y, p->x + 5 + namew - tui_width(word), tui_width(word), word);
			attroff(tui_attr(t, TA_DIM));
		}
		attron(tui_band_attr(t, rs->rating));
		if (sym)
			tui_put(y, p->x + p->w - rw - 4, 2, tui_band_symbol(t, rs->rating));
		tui_put(y, p->x + p->w - rw - 2, rw, rating);
		attroff(tui_band_attr(t, rs->rating));
		tui_put(y, p->x + p->w - 1, 1, mark);
	}
	p->row++;
}

/* A legend row: mark A and what it means, and B's (SYM_COUNT: none), from
 * the table of marks */
static void
legend_row(struct prow *p, enum symbol a, enum symbol b)
{
	char line[128];

	snprintf(line, sizeof line, "%s %s%s%s%s%s", tui_sym(p->t, a), symbol_meaning(a),
	    b < SYM_COUNT ? "  " : "", b < SYM_COUNT ? tui_sym(p->t, b) : "",
	    b < SYM_COUNT ? " " : "", b < SYM_COUNT ? symbol_meaning(b) : "");
	text_row(p, tui_attr(p->t, TA_DIM), line);
}

/* When case files cannot be read, the figures leave them out: say so,
 * under the score. */
static void
left_out_row(struct prow *p)
{
	char line[80];
	size_t n = p->t->in.nleft_out;

	if (n == 0)
		return;
	snprintf(line, sizeof line, "Left out: %zu case file%s", n, n == 1 ? "" : "s");
	text_row(p, tui_attr(p->t, TA_ERROR) | A_BOLD, line);
}

/* Below the walk (a narrow terminal): the score and the current standard's
 * key questions on the left, every standard's rating in a grid on the right. */
static void
draw_below(struct tui *t, int cur_std)
{
	const struct form *f = &t->in.form;
	int lw = t->panel.w / 2 - 1, rx = t->panel.x + lw + 2, rw = t->panel.w - lw - 2;
	struct prow p = { t, t->panel.y, t->panel.h, 0, 0, t->panel.x, lw };
	char line[256];
	int cellw, cols, rows, n = 0;

	tui_vline(t, t->panel.y, t->panel.x + lw, t->panel.h);
	snprintf(line, sizeof line, "Score %d/%d %s %s", t->rate.score, t->rate.max,
	    tui_band_symbol(t, t->rate.overall),
	    t->rate.overall >= 0 ? f->overall[t->rate.overall].rating : "(not yet)");
	text_row(&p, A_BOLD, line);
	left_out_row(&p);
	if (cur_std >= 0) {
		const struct form_std *st = &f->stds[cur_std];

		snprintf(line, sizeof line, "%s %s: %d case%s", st->id, st->name,
		    t->rate.std[cur_std].sample, t->rate.std[cur_std].sample == 1 ? "" : "s");
		text_row(&p, A_UNDERLINE, line);
		for (size_t i = 0; i < st->nkqs; i++)
			kq_row_compact(&p, st->kqs[i]);
	}
	/* the grid: "2.1 ★ Outstanding ◆" cells, or "2.1 ★◆" when narrow */
	rows = t->panel.h;
	cellw = 19;
	cols = rw / cellw;
	if (cols * rows < (int)f->nstds) {
		cellw = 8;
		cols = rw / cellw;
	}
	for (size_t s = 0; s < f->nstds && cols > 0; s++, n++) {
		const struct rate_std *rs = &t->rate.std[s];
		int y = t->panel.y + n % rows, x = rx + (n / rows) * cellw;
		const char *mark = std_mark(t, rs);

		if (n / rows >= cols)
			break;
		attron((int)s == cur_std ? A_BOLD : A_NORMAL);
		tui_put(y, x, 4, f->stds[s].id);
		attroff((int)s == cur_std ? A_BOLD : A_NORMAL);
		attron(tui_band_attr(t, rs->rating));
		tui_put(y, x + 4, 2, tui_band_symbol(t, rs->rating));
		if (cellw > 8)
			tui_put(y, x + 6, cellw - 8, short_rating(f, rs->rating));
		attroff(tui_band_attr(t, rs->rating));
		tui_put(y, x + cellw - 2, 1, mark);
	}
}

void
tui_panel_draw(struct tui *t)
{
	const struct form *f = &t->in.form;
	struct prow p = { t, t->panel.y, t->panel.h, t->panel_top, 0, t->panel.x, t->panel.w };
	char line[256];
	int cur_std = t->item >= 0 && t->screen != SCREEN_LIST ?
	    (int)t->walk.items[t->item].std : -1;
	int nkq = cur_std >= 0 ? (int)f->stds[cur_std].nkqs : 0;
	int bars, legend, rules, total;

	if (t->panel.w <= 0 || t->panel.h <= 0)
		return;
	if (!t->side_by_side) {
		tui_hline(t, t->panel.y - 1, t->panel.x, t->panel.w);
		draw_below(t, cur_std);
		return;
	}
	tui_vline(t, t->panel.y, t->panel.x - 1, t->panel.h);
	/* what fits: bars under the key questions, the legend, the rules go
	 * first, so that every standard's rating stays in view */
	bars = legend = rules = 1;
	for (int pass = 0; pass < 3; pass++) {
		total = 2 + (t->in.nleft_out > 0) + (cur_std >= 0 ? 1 + nkq * (bars ? 2 : 1) + !bars : 0) + (int)f->nstds +
		    (legend ? 3 : 0) + (rules ? 2 + (cur_std >= 0) : 0);
		if (total <= t->panel.h)
			break;
		if (pass == 0)
			legend = 0;
		else if (pass == 1)
			bars = 0;
		else
			rules = 0;
	}

	snprintf(line, sizeof line, "Score %d/%d", t->rate.score, t->rate.max);
	if (t->rate.rated < t->rate.counted)
		snprintf(line + strlen(line), sizeof line - strlen(line), " (%d of %d rated)",
		    t->rate.rated, t->rate.counted);
	text_row(&p, A_BOLD, line);
	snprintf(line, sizeof line, "%s %s", tui_band_symbol(t, t->rate.overall),
	    t->rate.overall >= 0 ? f->overall[t->rate.overall].rating : "Not rated yet");
	text_row(&p, tui_band_attr(t, t->rate.overall) | A_BOLD, line);
	left_out_row(&p);
	if (rules)
		rule(&p);

	if (cur_std >= 0) {
		const struct form_std *st = &f->stds[cur_std];

		snprintf(line, sizeof line, "%s %s: %d case%s", st->id, st->name,
		    t->rate.std[cur_std].sample, t->rate.std[cur_std].sample == 1 ? "" : "s");
		text_row(&p, A_UNDERLINE, line);
		/* short of room, only the current key question keeps its bar
		 * and whole band label; the others take one line each */
		for (size_t i = 0; i < st->nkqs; i++) {
			if (bars || kq_current(t, st->kqs[i]))
				kq_rows(&p, st->kqs[i]);
			else
				kq_row_compact(&p, st->kqs[i]);
		}
		if (rules)
			rule(&p);
	}
	for (size_t d = 0; d < f->ndomains; d++)
		for (size_t s = 0; s < f->nstds; s++)
			if (f->stds[s].domain == d)
				std_row(&p, s);
	if (legend) {
		rule(&p);
		legend_row(&p, SYM_CANDIDATE, SYM_COUNT);
		legend_row(&p, SYM_DECIDED, SYM_UNCOUNTED);
		legend_row(&p, SYM_STALE, SYM_COUNT);
	}
	total = p.row;
	/* keep the scroll inside the content */
	if (t->panel_top > total - t->panel.h)
		t->panel_top = total - t->panel.h > 0 ? total - t->panel.h : 0;
	if (t->panel_focus && t->panel.h > 0) {
		mvchgat(t->panel.y, t->panel.x, t->panel.w, A_REVERSE, 0, NULL);
		t->cury = t->panel.y;	/* the panel has the keys: the cursor too */
		t->curx = t->panel.x;
	}
}

int
tui_panel_key(struct tui *t, enum tui_action a)
{
	switch (a) {
	case ACT_SCROLL_UP:
		if (t->panel_top > 0)
			t->panel_top--;
		return 1;
	case ACT_SCROLL_DOWN:
		t->panel_top++;
		return 1;
	case ACT_FOCUS:
		t->panel_focus = 0;
		return 1;
	default:
		return 0;
	}
}
