/* tui_panel.c - the live ratings panel: the score and overall rating, the
 * current standard's key questions (yes/relevant, %, band, bar), and every
 * standard's rating, with discretion candidates and panel decisions marked.
 * Everything comes from struct rate (recomputed on every change). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "tui.h"

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
	int cur = t->item >= 0 && t->walk.items[t->item].kq == q &&
	    t->screen != SCREEN_LIST;

	if (k->percent < 0)
		snprintf(pct, sizeof pct, "%s", t->utf8 ? "\xe2\x80\x93" : "-");
	else
		snprintf(pct, sizeof pct, "%d%%", k->percent);
	snprintf(line, sizeof line, "%s%-7s %d/%d %5s %s", cur ? (t->utf8 ? "\xe2\x96\xb8" : ">") : " ",
	    f->kqs[q].id, k->yes, k->relevant, pct, tui_band_symbol(t, k->band));
	text_row(p, cur ? A_BOLD : A_NORMAL, line);
	if (visible(p)) {
		int bw = p->w - 2 > 10 ? 10 : p->w - 2;

		tui_bar(t, ypos(p), p->x + 2, bw, k->percent, k->band);
		attron(tui_band_attr(t, k->band));
		tui_put(ypos(p), p->x + 3 + bw, p->w - 3 - bw,
		    k->band >= 0 ? f->bands[k->band].label : "no relevant cases");
		attroff(tui_band_attr(t, k->band));
	}
	p->row++;
}

static void
std_row(struct prow *p, size_t s)
{
	struct tui *t = p->t;
	const struct form *f = &t->in.form;
	const struct rate_std *rs = &t->rate.std[s];
	const char *rating = short_rating(f, rs->rating);
	const char *mark = rs->decision ? (t->utf8 ? "\xe2\x80\xa0" : "d") :
	    (rs->reasons && rs->rating >= 0) ? (t->utf8 ? "\xe2\x97\x86" : "~") : " ";
	int cur = t->item >= 0 && t->walk.items[t->item].std == s && t->screen != SCREEN_LIST;
	int rw = 11, namew = p->w - 4 - 1 - 2 - rw - 2;
	char name[256];

	if (visible(p)) {
		int y = ypos(p);

		snprintf(name, sizeof name, "%s%s", f->stds[s].id, f->stds[s].counted ? "" :
		    t->utf8 ? "\xc2\xb9" : "'");
		attron(cur ? A_BOLD : A_NORMAL);
		tui_put(y, p->x, 4, name);
		tui_put(y, p->x + 4, namew, f->stds[s].name);
		attroff(cur ? A_BOLD : A_NORMAL);
		attron(tui_band_attr(t, rs->rating));
		tui_put(y, p->x + p->w - rw - 4, 2, tui_band_symbol(t, rs->rating));
		tui_put(y, p->x + p->w - rw - 2, rw, rating);
		attroff(tui_band_attr(t, rs->rating));
		tui_put(y, p->x + p->w - 1, 1, mark);
	}
	p->row++;
}

void
tui_panel_draw(struct tui *t)
{
	const struct form *f = &t->in.form;
	struct prow p = { t, t->panel.y, t->panel.h, t->panel_top, 0, t->panel.x, t->panel.w };
	char line[256];
	int cur_std = t->item >= 0 ? (int)t->walk.items[t->item].std : -1;
	int total;

	if (t->panel.w <= 0 || t->panel.h <= 0)
		return;
	if (t->side_by_side)
		tui_vline(t, t->panel.y, t->panel.x - 1, t->panel.h);
	else
		tui_hline(t, t->panel.y - 1, t->panel.x, t->panel.w);

	snprintf(line, sizeof line, "Score %d/%d", t->rate.score, t->rate.max);
	if (t->rate.rated < t->rate.counted)
		snprintf(line + strlen(line), sizeof line - strlen(line), " (%d of %d rated)",
		    t->rate.rated, t->rate.counted);
	text_row(&p, A_BOLD, line);
	snprintf(line, sizeof line, "%s %s", tui_band_symbol(t, t->rate.overall),
	    t->rate.overall >= 0 ? f->overall[t->rate.overall].rating : "Not rated yet");
	text_row(&p, tui_band_attr(t, t->rate.overall) | A_BOLD, line);
	rule(&p);

	if (cur_std >= 0) {
		const struct form_std *st = &f->stds[cur_std];

		snprintf(line, sizeof line, "%s %s: %d case%s", st->id, st->name,
		    t->rate.std[cur_std].sample, t->rate.std[cur_std].sample == 1 ? "" : "s");
		text_row(&p, A_UNDERLINE, line);
		for (size_t i = 0; i < st->nkqs; i++)
			kq_rows(&p, st->kqs[i]);
		rule(&p);
	}
	for (size_t d = 0; d < f->ndomains; d++)
		for (size_t s = 0; s < f->nstds; s++)
			if (f->stds[s].domain == d)
				std_row(&p, s);
	rule(&p);
	snprintf(line, sizeof line, "%s discretion candidate", t->utf8 ? "\xe2\x97\x86" : "~");
	text_row(&p, tui_attr(t, TA_DIM), line);
	snprintf(line, sizeof line, "%s panel decision  %s not counted",
	    t->utf8 ? "\xe2\x80\xa0" : "d", t->utf8 ? "\xc2\xb9" : "'");
	text_row(&p, tui_attr(t, TA_DIM), line);
	total = p.row;
	/* keep the scroll inside the content */
	if (t->panel_top > total - t->panel.h)
		t->panel_top = total - t->panel.h > 0 ? total - t->panel.h : 0;
	if (t->panel_focus && t->panel.h > 0)
		mvchgat(t->panel.y, t->panel.x, t->panel.w, A_REVERSE, 0, NULL);
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
