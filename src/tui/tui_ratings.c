/* tui_ratings.c - the ratings panel meeting on screen: the ratings page
 * (every standard, its rating and score, the score and overall rating, how
 * complete the evidence is), and drill-down from a standard to its key
 * questions (the report's table, prompts on demand), from a key question to
 * the cases behind it, and from a case to the walk. Decisions on a
 * case-rated standard are recorded and withdrawn here (decide.h), the
 * rationale in the note editor. Everything comes from struct rate; rows
 * whose rating changed (another inspector's answer, a decision) are
 * highlighted for a few seconds. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "model/decide.h"
#include "out/report.h"
#include "tui/tui.h"
#include "model/whatif.h"
#include "base/xalloc.h"

#define FADE_SECONDS 5

/* The ratings pages' own state, one for the three: the page, the standard open,
 * the key question whose cases are open, and what the next key means. */
struct tui_ratings {
	int sel, top;		/* the page: the standard selected, scroll */
	size_t std;		/* the standard open */
	int std_sel, std_top;	/* its key question selected (index in the
				 * standard), scroll */
	int prompts;		/* that key question's prompts shown */
	size_t kq;		/* the key question whose cases are open */
	int kqc_sel, kqc_top;	/* the case selected (index in.cases), scroll */
	int kqc_filter;		/* 0 all, 1 Yes only, 2 No only */
	int loose[3];		/* each page (enum page_of) scrolled by a page key,
				 * its selection let out of sight; a key that
				 * moves the selection brings it back */
	int pick;		/* the next key picks a decision's band */
	int withdraw;		/* the next key confirms a withdrawal */
	struct whatif *whatif;	/* what would change the ratings, for the
				 * ratings as they were at WHATIF_GEN (NULL:
				 * not worked out) */
	unsigned whatif_gen;	/* t->rate_gen then (tui_recompute moves it) */
	int *seen;		/* [nstds] each standard's rating as last drawn */
	time_t *changed;	/* [nstds] when it last changed (0: not lately) */
};

/* The three pages, as their state is kept */
enum page_of { PG_RATINGS, PG_STANDARD, PG_CASES };

static enum page_of
page_of(const struct tui *t)
{
	return t->screen == SCREEN_RATINGS ? PG_RATINGS : t->screen == SCREEN_STANDARD ?
	    PG_STANDARD : PG_CASES;
}

static void
ratings_reread(struct tui *t, void *st)
{
	struct tui_ratings *r = st;

	/* its state counts the standards as they were */
	free(r->seen);
	free(r->changed);
	r->seen = NULL;
	r->changed = NULL;
	if (r->std >= t->in.form.nstds || r->kq >= t->in.form.nkqs)
		r->std = r->kq = 0;
	if (r->sel >= (int)t->in.form.nstds)
		r->sel = 0;
}

static void
whatif_drop(struct tui_ratings *r)
{
	if (r->whatif) {
		whatif_free(r->whatif);
		free(r->whatif);
		r->whatif = NULL;
	}
}

static void
ratings_free(void *st)
{
	struct tui_ratings *r = st;

	whatif_drop(r);
	free(r->seen);
	free(r->changed);
}

/* ---- what is shown: a list of rows, one selectable per item ---- */

struct row {
	char *text;
	int attr;
	int item;	/* the item it shows (a standard, key question, case), or -1 */
	int band;	/* a band symbol to draw at column SYMX, or RATE_NONE */
	int symx;
};

struct rows {
	struct row *v;
	size_t n;
};

static void
add(struct rows *l, int attr, int item, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
add(struct rows *l, int attr, int item, const char *fmt, ...)
{
	va_list ap;
	char buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n].text = xstrdup(buf);
	l->v[l->n].attr = attr;
	l->v[l->n].item = item;
	l->v[l->n].band = RATE_NONE;
	l->v[l->n].symx = 0;
	l->n++;
}

/* Wrapped text, W columns, indented by IND */
static void
add_wrapped(struct rows *l, int attr, int ind, int w, const char *s)
{
	char line[2048];
	const char *p = s;

	while (*p) {
		int width = 0;
		const char *q = p, *cut = NULL;

		while (*q && *q != '\n' && width < w - ind) {
			if (*q == ' ')
				cut = q;
			q++;
			while ((*q & 0xc0) == 0x80)
				q++;
			width++;
		}
		if (*q && *q != '\n' && cut && cut > p)
			q = cut;
		snprintf(line, sizeof line, "%*s%.*s", ind, "", (int)(q - p), p);
		add(l, attr, -1, "%s", line);
		p = q;
		while (*p == ' ' || *p == '\n')
			p++;
	}
}

static void
rows_free(struct rows *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static struct tui_rect
area(const struct tui *t)
{
	struct tui_rect r = { 1, 0, t->rows - 2, t->cols };

	return r;
}

/* Draw L in R, the row of item SEL selected (reverse), scrolled by *TOP:
 * FOLLOW nonzero, so that the selected row shows; else as *TOP is (a page
 * key scrolled it), kept within the rows. When rows are left below, the
 * last line says how many and how to see them */
static void
draw_rows(struct tui *t, const struct rows *l, struct tui_rect r, int sel, int *top, int follow)
{
	int cur = -1, n = (int)l->n, h, last;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].item == sel && sel >= 0) {
			cur = (int)i;
			break;
		}
	if (r.h <= 0)
		return;
	/* the rows shown: all of them when they fit; else R.H - 1 and the
	 * mark, down to the last R.H (with nothing below, no mark) */
	last = n > r.h ? n - r.h : 0;
	if (follow && cur >= 0 && cur < *top)
		*top = cur > 2 ? cur - 2 : 0;
	if (follow && cur >= 0 && cur >= *top + (r.h > 1 ? r.h - 1 : 1))
		*top = cur - r.h + 3 < 0 ? 0 : cur - r.h + 3;
	if (*top > last)
		*top = last;
	if (*top < 0)
		*top = 0;
	h = *top < last && r.h > 1 ? r.h - 1 : r.h;
	for (int i = 0; i < h && *top + i < n; i++) {
		const struct row *v = &l->v[*top + i];
		int at = v->attr | (*top + i == cur ? (int)A_REVERSE : 0);

		attron(at);
		tui_fill(r.y + i, r.x, r.w);
		tui_put_cut(r.y + i, r.x, r.w, v->text);
		attroff(at);
		if (*top + i == cur)
			tui_focus(t, r.y + i, r.x);
		if (v->band >= 0 && v->symx < r.w) {
			int ba = tui_band_attr(t, v->band) | (*top + i == cur ? (int)A_REVERSE : 0);

			attron(ba);
			tui_put(r.y + i, r.x + v->symx, 2, tui_band_symbol(t, v->band));
			attroff(ba);
		}
	}
	if (h < r.h) {	/* the rest, below */
		char more[64];
		int left = n - *top - h;

		snprintf(more, sizeof more, "%s %d more row%s: PgDn", tui_sym(t, SYM_CUT), left,
		    left == 1 ? "" : "s");
		attron(tui_attr(t, TA_DIM));
		tui_fill(r.y + h, r.x, r.w);
		tui_put_cut(r.y + h, r.x, r.w, more);
		attroff(tui_attr(t, TA_DIM));
	}
}

/* ---- the ratings page ---- */

/* The mark after a standard's rating, as the side panel's (symbol.h) */
static const char *
mark(const struct tui *t, const struct rate_std *rs)
{
	static char m[16];
	enum symbol s = rs->stale ? SYM_STALE : rs->decision ? SYM_DECIDED :
	    rs->reasons && rs->rating >= 0 ? SYM_CANDIDATE : SYM_COUNT;

	snprintf(m, sizeof m, "%s%s", s < SYM_COUNT ? " " : "", tui_sym(t, s));
	return m;
}

/* A standard whose rating changed since it was last drawn: remembered, to
 * be highlighted for FADE_SECONDS */
static int
changed_now(struct tui *t, struct tui_ratings *r, size_t s)
{
	time_t now = time(NULL);
	int rating = t->rate.std[s].rating;

	if (r->seen == NULL) {
		r->seen = xmalloc(t->in.form.nstds * sizeof *r->seen);
		r->changed = xcalloc(t->in.form.nstds, sizeof *r->changed);
		for (size_t i = 0; i < t->in.form.nstds; i++)
			r->seen[i] = t->rate.std[i].rating;
	}
	if (r->seen[s] != rating) {
		r->seen[s] = rating;
		r->changed[s] = now;
	}
	return r->changed[s] && now - r->changed[s] < FADE_SECONDS;
}

static int
ratings_tick(struct tui *t, void *st)
{
	struct tui_ratings *r = st;
	time_t now = time(NULL);
	int any = 0;

	if (r->changed == NULL)
		return 0;
	for (size_t s = 0; s < t->in.form.nstds; s++)
		if (r->changed[s] && now - r->changed[s] <= FADE_SECONDS) {
			any = 1;
			if (now - r->changed[s] == FADE_SECONDS)
				r->changed[s] = 0;	/* the last redraw of its highlight */
		}
	return any;
}

static void
overall_text(const struct tui *t, char *buf, size_t size)
{
	const struct form *f = &t->in.form;

	if (t->rate.overall >= 0)
		snprintf(buf, size, "%s", f->overall[t->rate.overall].rating);
	else
		snprintf(buf, size, "not yet: %d of %d standards rated", t->rate.rated,
		    t->rate.counted);
}

/* The page takes every standard's reasons beside and under its row from
 * this width on (a projector); narrower, the selected one's under the page */
#define WIDE_ALL 140

static const struct whatif *whatif_now(struct tui *t, struct tui_ratings *r);

/* Standard S's lowest key question in figures: "3.2.2 0/4 0% Inadequate"
 * (a judged standard: who judges it), into BUF */
static void
lowest_text(const struct tui *t, size_t s, char *buf, size_t size)
{
	const struct form *f = &t->in.form;
	const struct rate_std *rs = &t->rate.std[s];

	buf[0] = '\0';
	if (f->stds[s].rating == RATING_JUDGEMENT)
		snprintf(buf, size, "judged by the lead inspector");
	else if (rs->lowest_kq >= 0) {
		const struct rate_tally *k = &t->rate.kq[rs->lowest_kq];

		snprintf(buf, size, "%s %d/%d %d%% %s", f->kqs[rs->lowest_kq].id, k->yes,
		    k->relevant, k->percent, k->band >= 0 ? f->bands[k->band].rating : "");
	}
}

/* Standard S's row: its columns beside it (the lowest key question, LOW
 * columns; what would move it, wrapped in the rest) and its reasons under
 * it, each from column 8; CUT: each reason on one line, cut where it
 * does not fit (the screen is full) */
static void
wide_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w, const char *row,
    int rowx, int low, size_t s, int cut, int attr)
{
	const struct form *f = &t->in.form;
	const struct rate_std *rs = &t->rate.std[s];
	const struct whatif *wi = whatif_now(t, pg);
	const struct whatif_std *ws = &wi->std[s];
	struct rows mv = { NULL, 0 };
	struct buf b = BUF_INIT;
	char lo[128], why[2048];
	int mx = rowx + 2 + low + 2;	/* the moves' column */
	const char *dia = tui_sym(t, SYM_CANDIDATE);	/* as the legend says */

	lowest_text(t, s, lo, sizeof lo);
	if (ws->case_rated)
		whatif_moves_brief(&t->in, wi, s, &b);
	else if (f->stds[s].rating == RATING_JUDGEMENT)
		buf_adds(&b, "Up or down: the lead inspector's judgement (key d)");
	add_wrapped(&mv, 0, 0, w - mx > 20 ? w - mx : 20, buf_str(&b));
	add(l, attr, (int)s, "%-*s  %-*s  %s", rowx, row, low, lo, mv.n ? mv.v[0].text : "");
	for (size_t i = 1; i < mv.n; i++)
		add(l, 0, -1, "%*s%s", mx, "", mv.v[i].text);
	rows_free(&mv);
	/* the reasons: the panel's decision, then the evidence's in figures */
	for (int k = 0; k < 3; k++) {
		buf_reset(&b);
		if (k == 0) {
			report_decision_text(f, rs, why, sizeof why);
			buf_adds(&b, why);
		} else if ((k == 1 ? ws->near : ws->small) != NULL)
			buf_printf(&b, "%s %s", dia, k == 1 ? ws->near : ws->small);
		if (b.len == 0)
			continue;
		if (cut)
			add(l, 0, -1, "%8s%s", "", buf_str(&b));
		else
			add_wrapped(l, 0, 8, w, buf_str(&b));
	}
	buf_free(&b);
}

static void
page_rows_cut(struct tui *t, struct tui_ratings *pg, struct rows *l, int w, int cut)
{
	const struct form *f = &t->in.form;
	const struct rate *r = &t->rate;
	char line[1024], over[256];
	int wide = w >= 110, all = w >= WIDE_ALL, namew = 12, low = 0, rowx;
	struct buf mix = BUF_INIT;

	overall_text(t, over, sizeof over);
	add(l, A_BOLD, -1, "Score %d/%d %s Overall rating: %s", r->score, r->max,
	    tui_sym(t, SYM_SEP), over);
	report_case_mix(&t->in, &mix);
	report_completeness(r, line, sizeof line);
	add(l, tui_attr(t, TA_DIM), -1, "Cases: %s %s %s", buf_str(&mix), tui_sym(t, SYM_SEP),
	    line[0] ? "incomplete" : "every relevant question answered");
	buf_free(&mix);
	if (line[0])
		add_wrapped(l, tui_attr(t, TA_DIM), 2, w, line);
	report_conflicts(&t->in, line, sizeof line);
	if (line[0])
		add_wrapped(l, tui_attr(t, TA_ERROR), 2, w, line);
	/* the marks' legend at the top, in sight with the first standards */
	add(l, tui_attr(t, TA_DIM), -1, "%s %s  %s %s  %s %s", tui_sym(t, SYM_CANDIDATE),
	    symbol_meaning(SYM_CANDIDATE), tui_sym(t, SYM_DECIDED), symbol_meaning(SYM_DECIDED),
	    tui_sym(t, SYM_STALE), symbol_meaning(SYM_STALE));
	/* the names as wide as the longest, within what the width leaves after
	 * id, rating, mark and score (40 columns; 72 with the figures); the
	 * room beyond goes to the figures, not space */
	for (size_t s = 0; s < f->nstds; s++) {
		int n = (int)strlen(f->stds[s].name);

		namew = n > namew ? n : namew;
		lowest_text(t, s, line, sizeof line);
		low = (int)strlen(line) > low ? (int)strlen(line) : low;
	}
	if (namew > w - (wide ? 72 : 40))
		namew = w - (wide ? 72 : 40);
	if (namew < 12)
		namew = 12;
	if (namew > 40)
		namew = 40;
	rowx = 2 + 6 + namew + 3 + 22 + 2 + 1 + 3;
	if (all) {
		snprintf(line, sizeof line, "  %-*s%-23s%s  %-*s  %s", 6 + namew + 3, "Standard",
		    "Rating", "Score", low, "Lowest key question", "What would move it");
		add(l, 0, -1, "%s", "");
		add(l, A_BOLD, -1, "%s", line);
	}
	for (size_t d = 0; d < f->ndomains; d++) {
		int headx = 2 + 6 + namew + 3;	/* the rating's column */

		if (!all || d > 0)	/* (the column heads are above the first) */
			add(l, 0, -1, "%s", "");
		/* narrower, the heads of the rating and score on the first
		 * domain's line, where its name leaves room (a row of their
		 * own would take the legend's place on 24 rows) */
		if (!all && d == 0 && (int)strlen(f->domains[d].id) + 2 +
		    (int)strlen(f->domains[d].name) < headx - 1) {
			snprintf(line, sizeof line, "%s. %s", f->domains[d].id, f->domains[d].name);
			add(l, A_BOLD, -1, "%-*s%-23sScore", headx, line, "Rating");
		} else
			add(l, A_BOLD, -1, "%s. %s", f->domains[d].id, f->domains[d].name);
		for (size_t s = 0; s < f->nstds; s++) {
			const struct rate_std *rs = &r->std[s];
			char score[16], extra[256] = "";
			int attr;

			if (f->stds[s].domain != d)
				continue;
			snprintf(score, sizeof score, "%s", rs->score >= 0 ? "" : "-");
			if (rs->score >= 0)
				snprintf(score, sizeof score, "%d", rs->score);
			if (wide && !all) {
				char lo[128];

				lowest_text(t, s, lo, sizeof lo);
				if (lo[0])
					snprintf(extra, sizeof extra, "  %s%s", f->stds[s].rating ==
					    RATING_CASES ? "lowest " : "", lo);
			}
			snprintf(line, sizeof line, "  %-5s %-*.*s   %-22s%-2s %3s%s%s", f->stds[s].id,
			    namew, namew, f->stds[s].name, rate_label(f, rs->rating), mark(t, rs),
			    score, extra, f->stds[s].counted ? "" : " (not counted)");
			attr = changed_now(t, pg, s) ? (int)(A_BOLD | A_UNDERLINE) : 0;
			if (all)
				wide_rows(t, pg, l, w, line, rowx, low, s, cut, attr);
			else
				add(l, attr, (int)s, "%s", line);
			for (size_t i = l->n; i-- > 0;)
				if (l->v[i].item == (int)s) {
					l->v[i].band = rs->rating >= 0 ? rs->rating : RATE_NONE;
					l->v[i].symx = 2 + 6 + namew + 1;
					break;
				}
		}
	}
}

/* The page, its reasons wrapped; at WIDE_ALL, when that is more than the
 * screen holds, each reason on a line of its own */
static void
page_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w)
{
	page_rows_cut(t, pg, l, w, 0);
	if (w >= WIDE_ALL && (int)l->n > area(t).h) {
		rows_free(l);
		page_rows_cut(t, pg, l, w, 1);
	}
}

/* What would change the ratings as they are: worked out once after each
 * change, not at every redraw and key */
static const struct whatif *
whatif_now(struct tui *t, struct tui_ratings *r)
{
	if (r->whatif && r->whatif_gen != t->rate_gen)
		whatif_drop(r);	/* the ratings changed since */
	if (r->whatif == NULL) {
		r->whatif_gen = t->rate_gen;
		r->whatif = xmalloc(sizeof *r->whatif);
		whatif_compute(r->whatif, &t->in, &t->rate);
	}
	return r->whatif;
}

/* Standard S's discretion reasons in figures and what would move it up or
 * down a band, wrapped in W columns from column IND */
static void
whatif_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w, int ind, size_t s)
{
	const struct whatif *wi = whatif_now(t, pg);
	struct buf b = BUF_INIT;
	const struct whatif_std *ws;

	ws = &wi->std[s];
	if (ws->case_rated) {
		const char *dia = tui_sym(t, SYM_CANDIDATE);

		if (ws->near) {
			buf_printf(&b, "%s %s", dia, ws->near);
			add_wrapped(l, 0, ind, w, buf_str(&b));
			buf_reset(&b);
		}
		if (ws->small) {
			buf_printf(&b, "%s %s", dia, ws->small);
			add_wrapped(l, 0, ind, w, buf_str(&b));
			buf_reset(&b);
		}
		add(l, A_BOLD, -1, "%*sWhat would change it:", ind, "");
		whatif_move_text(&t->in, wi, s, 1, &b);
		add_wrapped(l, 0, ind + 2, w, buf_str(&b));
		buf_reset(&b);
		whatif_move_text(&t->in, wi, s, 0, &b);
		add_wrapped(l, 0, ind + 2, w, buf_str(&b));
	}
	buf_free(&b);
}

/* Standard S's strengths and areas for improvement, as recorded */
static void
findings_rows(struct tui *t, struct rows *l, int w, size_t s)
{
	const char *lists[2] = { t->in.strengths[s], t->in.improvements[s] };
	static const char *const heads[2] = { "Strengths (S to edit):",
	    "Areas for improvement (I to edit):" };

	for (int k = 0; k < 2; k++) {
		add(l, 0, -1, "%s", "");
		add(l, A_BOLD, -1, "%s", heads[k]);
		if (lists[k] == NULL) {
			add(l, tui_attr(t, TA_DIM), -1, "  (none recorded)");
			continue;
		}
		for (const char *p = lists[k]; *p;) {
			size_t n = strcspn(p, "\n");
			char *point = xstrndup(p, n);
			char *line = xasprintf("- %s", point);

			add_wrapped(l, 0, 2, w, line);
			free(line);
			free(point);
			p += n;
			if (*p)
				p++;
		}
	}
}

/* The overall's points to the next band up and down */
static void
overall_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w)
{
	const struct whatif *wi = whatif_now(t, pg);
	struct buf b = BUF_INIT;

	add(l, A_BOLD, -1, "What would change the overall rating:");
	whatif_overall_text(&t->in, wi, 1, &b);
	add_wrapped(l, 0, 2, w, buf_str(&b));
	buf_reset(&b);
	whatif_overall_text(&t->in, wi, 0, &b);
	add_wrapped(l, 0, 2, w, buf_str(&b));
	buf_free(&b);
}

/* The selected standard's reasons and decision, under the page when there
 * is room */
static void
detail_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w, size_t s)
{
	const struct form *f = &t->in.form;
	const struct rate_std *rs = &t->rate.std[s];
	char buf[2048];

	add(l, A_BOLD, -1, "%s %s: %s", f->stds[s].id, f->stds[s].name, rate_label(f, rs->rating));
	report_decision_text(f, rs, buf, sizeof buf);
	if (buf[0])
		add_wrapped(l, 0, 2, w, buf);
	whatif_rows(t, pg, l, w, 2, s);
	add(l, 0, -1, "%s", "");
	overall_rows(t, pg, l, w);
}

/* The page and under it the selected standard's detail (or the overall's,
 * when the page has every standard's reasons), one list of rows */
static void
page_all_rows(struct tui *t, struct tui_ratings *pg, struct rows *l, int w)
{
	page_rows(t, pg, l, w);
	add(l, 0, -1, "%s", "");
	if (w >= WIDE_ALL)	/* every standard's reasons are on the page */
		overall_rows(t, pg, l, w);
	else
		detail_rows(t, pg, l, w, (size_t)pg->sel);
}

static void
page_draw(struct tui *t, struct tui_ratings *pg)
{
	struct rows l = { NULL, 0 };

	if (pg->sel < 0 || (size_t)pg->sel >= t->in.form.nstds)
		pg->sel = 0;
	page_all_rows(t, pg, &l, area(t).w);
	draw_rows(t, &l, area(t), pg->sel, &pg->top, !pg->loose[PG_RATINGS]);
	rows_free(&l);
}

/* ---- a standard: its key questions, as the report's table ---- */

static void
std_rows(struct tui *t, struct tui_ratings *r, struct rows *l, int w)
{
	const struct form *f = &t->in.form;
	const struct form_std *st = &f->stds[r->std];
	const struct rate_std *rs = &t->rate.std[r->std];
	char line[2048], pct[16];
	int textw, longest = 0, bandw = (int)strlen("no relevant cases");

	/* the band word whole, "(lowest)" too: the question's text takes what
	 * is left after them, the id and the figures (29 columns), and no more
	 * than it needs; on a narrow screen, where that leaves the question
	 * too little, the band word gives way (46 columns for the rest) */
	for (size_t i = 0; i < f->nbands; i++)
		if ((int)strlen(f->bands[i].label) > bandw)
			bandw = (int)strlen(f->bands[i].label);
	for (size_t i = 0; i < st->nkqs; i++)
		if ((int)strlen(f->kqs[st->kqs[i]].text) > longest)
			longest = (int)strlen(f->kqs[st->kqs[i]].text);
	textw = w - 29 - bandw - 10;
	if (textw < 30)
		textw = w - 46;
	if (textw > longest)
		textw = longest;
	if (textw < 16)
		textw = 16;
	add(l, A_BOLD, -1, "%s %s: %s%s", st->id, st->name, rate_label(f, rs->rating), mark(t, rs));
	if (st->statement)
		add_wrapped(l, tui_attr(t, TA_DIM), 0, w, st->statement);
	if (st->rating != RATING_CASES) {
		add(l, 0, -1, "%s", "");
		add_wrapped(l, 0, 0, w, "Judged by the lead inspector, not case by case: d records "
		    "the judgement, e the evidence on the key question selected.");
		for (size_t i = 0; i < st->nkqs; i++) {
			size_t q = st->kqs[i];
			const char *ev = t->in.evidence ? t->in.evidence[q] : NULL;

			add(l, 0, (int)i, "%-7s %s", f->kqs[q].id, f->kqs[q].text);
			if (ev)
				add_wrapped(l, 0, 8, w, ev);
			else
				add(l, tui_attr(t, TA_DIM), -1, "        (no evidence noted: e)");
		}
		findings_rows(t, l, w, r->std);
		return;
	}
	add(l, 0, -1, "%s", "");
	snprintf(line, sizeof line, "Of the %d %s", rs->sample, st->sample ? st->sample : "cases");
	add(l, A_BOLD, -1, "%-*.*s %8s %5s %4s  %s", textw + 8, textw + 8, line, "Relevant", "'Yes'",
	    "%", "Band");
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t q = st->kqs[i];
		const struct rate_tally *k = &t->rate.kq[q];

		snprintf(pct, sizeof pct, k->percent >= 0 ? "%d%%" : "-", k->percent);
		snprintf(line, sizeof line, "%-7s %-*.*s %8d %5d %4s  %s%s", f->kqs[q].id, textw, textw,
		    f->kqs[q].text, k->relevant, k->yes, pct,
		    k->band >= 0 ? f->bands[k->band].label : "no relevant cases",
		    rs->lowest_kq == (int)q ? "  (lowest)" : "");
		add(l, 0, (int)i, "%s", line);
		if (rs->decision && rs->decision->kq && strcmp(rs->decision->kq, f->kqs[q].id) == 0)
			add(l, A_BOLD, -1, "        *Professional discretion applied");
		if (form_kq_sub_sample(f, q) && f->kqs[q].sample)
			add(l, tui_attr(t, TA_DIM), -1, "        (%s)", f->kqs[q].sample);
		if (r->prompts && r->std_sel == (int)i)
			for (size_t j = 0; j < f->kqs[q].nprompts; j++) {
				size_t p = f->kqs[q].prompts[j];
				const struct rate_tally *pt = &t->rate.prompt[p];

				snprintf(pct, sizeof pct, pt->percent >= 0 ? "%d%%" : "-", pt->percent);
				snprintf(line, sizeof line, "        \xc2\xb7 %-*.*s %6d %5d %4s", textw - 2,
				    textw - 2, f->prompts[p].text, pt->relevant, pt->yes, pct);
				add(l, tui_attr(t, TA_DIM), -1, "%s", line);
			}
	}
	add(l, 0, -1, "%s", "");
	report_decision_text(f, rs, line, sizeof line);
	if (line[0])
		add_wrapped(l, 0, 0, w, line);
	whatif_rows(t, r, l, w, 0, r->std);
	findings_rows(t, l, w, r->std);
}

static void
std_draw(struct tui *t, struct tui_ratings *r)
{
	struct rows l = { NULL, 0 };
	const struct form_std *st = &t->in.form.stds[r->std];

	if (r->std_sel < 0 || (size_t)r->std_sel >= st->nkqs)
		r->std_sel = 0;
	std_rows(t, r, &l, area(t).w);
	draw_rows(t, &l, area(t), r->std_sel, &r->std_top, !r->loose[PG_STANDARD]);
	rows_free(&l);
}

/* ---- the cases behind a key question ---- */

static const char *
word(enum answer a)
{
	return a == ANSWER_YES ? "Yes" : a == ANSWER_NO ? "No" : a == ANSWER_NA ? "N/A" : "-";
}

/* Flags a panel would look twice at: judged Yes with most relevant
 * prompts No, or No with every one Yes */
static const char *
flag(const struct tui *t, const struct case_file *c, size_t q)
{
	const struct form *f = &t->in.form;
	int yes = 0, no = 0;

	for (size_t j = 0; j < f->kqs[q].nprompts; j++) {
		size_t p = f->kqs[q].prompts[j];

		if (case_prompt_relevant(c, f, p) != COND_TRUE)
			continue;
		yes += c->prompt_answer[p] == ANSWER_YES;
		no += c->prompt_answer[p] == ANSWER_NO;
	}
	if (c->kq_answer[q] == ANSWER_YES && no > yes)
		return "  (check: Yes, most prompts No)";
	if (c->kq_answer[q] == ANSWER_NO && yes > 0 && no == 0)
		return "  (check: No, every prompt Yes)";
	return "";
}

static void
cases_rows(struct tui *t, struct tui_ratings *r, struct rows *l, int w)
{
	const struct form *f = &t->in.form;
	size_t q = r->kq;
	const struct rate_tally *k = &t->rate.kq[q];
	static const char *const filters[] = { "all", "Yes only", "No only" };
	char line[2048], pct[16], legend[128];
	int shown = 0, out = 0, uncovered = 0;

	snprintf(pct, sizeof pct, k->percent >= 0 ? "%d%%" : "-", k->percent);
	add(l, A_BOLD, -1, "%s %s", f->kqs[q].id, f->kqs[q].text);
	add(l, 0, -1, "%d of %d relevant cases Yes (%s) %s showing %s (y, n, a)", k->yes,
	    k->relevant, pct, tui_sym(t, SYM_SEP), filters[r->kqc_filter]);
	symbol_prompts_legend(t->utf8, legend, sizeof legend);
	add(l, tui_attr(t, TA_DIM), -1, "Prompts: %s", legend);
	add(l, A_BOLD, -1, "%-14s %-18s %-5s %-14s %s", "Case", "Inspector", "Judged", "Prompts",
	    "Note");
	for (size_t i = 0; i < t->in.ncases; i++) {
		const struct case_file *c = &t->in.cases[i];
		enum answer a = rate_case_answer(&t->rate, f, i, q);	/* as counted */
		char prompts[64] = "", note[512] = "";

		if (case_kq_relevant(c, f, q) != COND_TRUE)
			continue;
		if ((r->kqc_filter == 1 && a != ANSWER_YES) || (r->kqc_filter == 2 && a != ANSWER_NO))
			continue;
		for (size_t j = 0; j < f->kqs[q].nprompts && strlen(prompts) + 3 < sizeof prompts; j++) {
			size_t p = f->kqs[q].prompts[j];
			enum answer pa = (enum answer)c->prompt_answer[p];

			snprintf(prompts + strlen(prompts), sizeof prompts - strlen(prompts), "%s",
			    tui_sym(t, case_prompt_relevant(c, f, p) != COND_TRUE ? SYM_PROMPT_OFF :
			    pa == ANSWER_YES ? SYM_PROMPT_YES : pa == ANSWER_NO ? SYM_PROMPT_NO :
			    pa == ANSWER_NA ? SYM_PROMPT_NA : SYM_PROMPT_UNANSWERED));
		}
		if (c->notes[q]) {
			size_t n = strcspn(c->notes[q], "\n");

			snprintf(note, sizeof note, "%.*s", (int)(n < 200 ? n : 200), c->notes[q]);
		}
		snprintf(line, sizeof line, "%-14.14s %-18.18s %-5s  %-14.14s %s%s",
		    c->reference ? c->reference : c->name, c->inspector ? c->inspector : "",
		    case_conflict(c, "answers", f->kqs[q].id) ? tui_sym(t, SYM_CONFLICT) : word(a),
		    prompts, note,
		    flag(t, c, q));
		add(l, 0, (int)i, "%s", line);
		shown++;
	}
	if (shown == 0)
		add(l, tui_attr(t, TA_DIM), -1, "(no case %s)", r->kqc_filter ? "with that judgement" :
		    "where it applies");
	for (size_t i = 0; i < t->in.ncases; i++) {
		const struct case_file *c = &t->in.cases[i];
		int item = walk_find(&t->walk, f->kqs[q].id);
		char why[512];

		const char *fact;

		if (case_kq_relevant(c, f, q) == COND_TRUE || item < 0)
			continue;
		if (case_std_applies(c, f, f->kqs[q].std) != COND_TRUE) {
			uncovered++;	/* another standard's cases: counted, not listed */
			continue;
		}
		if (out++ == 0) {
			add(l, 0, -1, "%s", "");
			add(l, A_BOLD, -1, "Where it does not apply (the fact that rules it out)");
		}
		walk_reason(&t->walk, c, (size_t)item, why, sizeof why);
		/* the case's own fact, where the reason names it */
		fact = strstr(why, "(this case: ");
		snprintf(line, sizeof line, "%-14.14s %.*s", c->reference ? c->reference : c->name,
		    fact ? (int)strcspn(fact + 12, ")") : (int)strlen(why), fact ? fact + 12 : why);
		add(l, tui_attr(t, TA_DIM), (int)i, "%s", line);
	}
	if (uncovered)
		add(l, tui_attr(t, TA_DIM), -1, "(%d case%s that %s does not cover)", uncovered,
		    uncovered == 1 ? "" : "s", f->stds[f->kqs[q].std].id);
	(void)w;
}

static void
cases_draw(struct tui *t, struct tui_ratings *r)
{
	struct rows l = { NULL, 0 };

	cases_rows(t, r, &l, area(t).w);
	/* the selection: a case shown, else the first */
	{
		int ok = 0, first = -1;

		for (size_t i = 0; i < l.n; i++) {
			if (l.v[i].item >= 0 && first < 0)
				first = l.v[i].item;
			ok |= l.v[i].item == r->kqc_sel && r->kqc_sel >= 0;
		}
		if (!ok)
			r->kqc_sel = first;
	}
	draw_rows(t, &l, area(t), r->kqc_sel, &r->kqc_top, !r->loose[PG_CASES]);
	rows_free(&l);
}

/* ---- keys ---- */

/* The next (DIR 1) or previous (-1) selectable item of ROWS after SEL */
static int
step(struct tui *t, struct tui_ratings *r, int dir)
{
	struct rows l = { NULL, 0 };
	int at = -1, next;

	if (t->screen == SCREEN_RATINGS)
		page_all_rows(t, r, &l, area(t).w);
	else if (t->screen == SCREEN_STANDARD)
		std_rows(t, r, &l, area(t).w);
	else
		cases_rows(t, r, &l, area(t).w);
	int sel = t->screen == SCREEN_RATINGS ? r->sel : t->screen == SCREEN_STANDARD ?
	    r->std_sel : r->kqc_sel;

	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].item == sel && sel >= 0)
			at = (int)i;
	next = sel;
	for (int i = at + dir; at >= 0 && i >= 0 && i < (int)l.n; i += dir)
		if (l.v[i].item >= 0) {
			next = l.v[i].item;
			break;
		}
	rows_free(&l);
	return next;
}

/* The page's scroll (the first row shown) */
static int *
top_of(const struct tui *t, struct tui_ratings *r)
{
	return t->screen == SCREEN_RATINGS ? &r->top : t->screen == SCREEN_STANDARD ?
	    &r->std_top : &r->kqc_top;
}

/* The standard the keys act on: the page's selection, or the one open */
static size_t
std_here(const struct tui *t, const struct tui_ratings *r)
{
	return t->screen == SCREEN_RATINGS ? (size_t)r->sel : r->std;
}

static void
start_decision(struct tui *t, struct tui_ratings *r)
{
	const struct form *f = &t->in.form;
	size_t s = std_here(t, r);
	struct buf b = BUF_INIT;

	if (f->stds[s].rating != RATING_CASES) {	/* the lead inspector's judgement */
		for (size_t i = 0; i < f->nbands; i++)
			buf_printf(&b, "%s%zu %s", i ? ", " : "", i + 1, f->bands[i].rating);
		tui_message(t, 0, "Judge %s (now %s): %s, 0 not rated, - none (Esc: no change)",
		    f->stds[s].id, rate_label(f, t->rate.std[s].rating), buf_str(&b));
		buf_free(&b);
		r->pick = 2;
		return;
	}
	if (t->rate.std[s].computed < 0) {
		tui_message(t, 1, "The evidence gives %s no rating yet: there is nothing for the "
		    "panel to move.", f->stds[s].id);
		return;
	}
	for (size_t i = 0; i < f->nbands; i++)
		buf_printf(&b, "%s%zu %s", i ? ", " : "", i + 1, f->bands[i].rating);
	tui_message(t, 0, "Move %s from %s to: %s (Esc: no decision)", f->stds[s].id,
	    f->bands[t->rate.std[s].computed].rating, buf_str(&b));
	buf_free(&b);
	r->pick = 1;
}

static int
ratings_input(struct tui *t, void *st, int is_code, int ch, struct tui_go *go)
{
	struct tui_ratings *r = st;
	const struct form *f = &t->in.form;
	size_t s = std_here(t, r);

	if (r->pick == 2) {	/* a judgement */
		struct err e;
		char note[256];
		int v = !is_code && ch >= '1' && ch < '1' + (int)f->nbands ? ch - '1' :
		    !is_code && ch == '0' ? JUDGE_NOT_RATED : !is_code && ch == '-' ? JUDGE_UNSET : -99;

		r->pick = 0;
		if (v == -99)
			tui_message(t, 0, "No change.");
		else if (decide_judge(&t->in, s, v, &e) < 0)
			tui_message(t, 1, "NOT SAVED: %s", e.msg);
		else {
			tui_recompute(t);
			tui_message(t, 0, "%s judged: %s. Score %d/%d.%s", f->stds[s].id,
			    rate_label(f, t->rate.std[s].rating), t->rate.score, t->rate.max,
			    insp_merge_note(&t->in, note, sizeof note));
		}
		return 1;
	}
	if (r->pick) {
		r->pick = 0;
		if (!is_code && ch - '1' == t->rate.std[s].computed) {
			/* (decide_record refuses it too) */
			tui_message(t, 1, "The evidence gives %s %s already: a decision moves it to "
			    "another band. No decision made.", f->stds[s].id,
			    f->bands[ch - '1'].rating);
		} else if (!is_code && ch >= '1' && ch < '1' + (int)f->nbands) {
			const char *kq = t->screen == SCREEN_STANDARD ?
			    f->kqs[f->stds[s].kqs[r->std_sel]].id : t->rate.std[s].lowest_kq >= 0 ?
			    f->kqs[t->rate.std[s].lowest_kq].id : NULL;
			const struct insp_decision *d = decide_find(&t->in, s);

			*go = (struct tui_go){ .kind = GO_RATIONALE, .n = s, .to = ch - '1',
			    .kq = kq, .text = d && d->why ? d->why : "" };
		} else
			tui_message(t, 0, "No decision made.");
		return 1;
	}
	if (r->withdraw) {
		struct err e;
		char note[256];

		r->withdraw = 0;
		if (!is_code && (ch == 'y' || ch == 'Y')) {
			if (edit_withdraw(&t->in, s, &t->undo, &e) < 0)
				tui_message(t, 1, "NOT WITHDRAWN: %s", e.msg);
			else {
				tui_recompute(t);
				tui_message(t, 0, "The panel decision on %s is withdrawn: %s is %s "
				    "again.%s", f->stds[s].id, f->stds[s].id,
				    rate_label(f, t->rate.std[s].rating),
				    insp_merge_note(&t->in, note, sizeof note));
			}
		} else
			tui_message(t, 0, "The decision stays.");
		return 1;
	}
	return 0;
}

static int
ratings_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_ratings *r = st;
	const struct form *f = &t->in.form;

	switch (a) {
	case ACT_UP:
	case ACT_DOWN: {
		int n = step(t, r, a == ACT_DOWN ? 1 : -1);
		int *sel = t->screen == SCREEN_RATINGS ? &r->sel : t->screen == SCREEN_STANDARD ?
		    &r->std_sel : &r->kqc_sel;

		if (n == *sel) {	/* none further: the rows beyond come a line on */
			*top_of(t, r) += a == ACT_DOWN ? 1 : -1;
			r->loose[page_of(t)] = 1;
		} else {
			*sel = n;
			r->loose[page_of(t)] = 0;
		}
		return 1;
	}
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP: {
		int h = area(t).h - 2;	/* (a line of the last page kept in sight) */

		*top_of(t, r) += (a == ACT_PAGE_DOWN ? 1 : -1) * (h > 1 ? h : 1);
		r->loose[page_of(t)] = 1;
		return 1;
	}
	case ACT_DRILL:
		if (t->screen == SCREEN_RATINGS) {
			r->std = (size_t)r->sel;
			r->std_sel = 0;	/* at the key question that sets the rating */
			for (size_t i = 0; i < f->stds[r->std].nkqs; i++)
				if ((int)f->stds[r->std].kqs[i] == t->rate.std[r->std].lowest_kq)
					r->std_sel = (int)i;
			r->std_top = 0;
			r->loose[PG_STANDARD] = 0;
			r->prompts = 0;
			go->kind = GO_PUSH;
			go->screen = SCREEN_STANDARD;
		} else if (t->screen == SCREEN_STANDARD) {
			if (f->stds[r->std].rating != RATING_CASES) {
				tui_message(t, 0, "Enter does nothing here: %s is judged by the lead "
				    "inspector, not rated from cases (e edits the evidence).",
				    f->stds[r->std].id);
				return 1;
			}
			r->kq = f->stds[r->std].kqs[r->std_sel];
			r->kqc_sel = -1;
			r->kqc_top = 0;
			r->loose[PG_CASES] = 0;
			r->kqc_filter = 0;
			go->kind = GO_PUSH;
			go->screen = SCREEN_KQCASES;
		} else if (r->kqc_sel >= 0) {
			/* the case, in the walk at this key question; back comes here */
			int item = walk_find(&t->walk, f->kqs[r->kq].id);

			*go = (struct tui_go){ .kind = GO_CASE, .n = (size_t)r->kqc_sel, .to = item };
		}
		return 1;
	case ACT_CLOSE:
		go->kind = GO_POP;
		go->settle = 1;	/* back on the walk: its item, if it still applies */
		return 1;
	case ACT_PROMPTS:
		if (t->screen == SCREEN_STANDARD)
			r->prompts = !r->prompts;
		else
			tui_message(t, 0, "p does nothing here: prompts are listed on the "
			    "standard's page%s.", t->screen == SCREEN_KQCASES ?
			    " (Esc); here the Prompts column gives each case's answers (legend above)" :
			    " (Enter opens it)");
		return 1;
	case ACT_FILTER_YES:
	case ACT_FILTER_NO:
	case ACT_FILTER_ALL:
		if (t->screen == SCREEN_KQCASES)
			r->kqc_filter = a == ACT_FILTER_YES ? 1 : a == ACT_FILTER_NO ? 2 : 0;
		else
			tui_message(t, 0, "%s does nothing here: it picks which cases show behind "
			    "a key question (Enter on %s).", tui_action_key(CTX_RATINGS, a),
			    t->screen == SCREEN_STANDARD ? "a key question" : "a standard, then on "
			    "a key question");
		return 1;
	case ACT_DECIDE:
		if (t->screen != SCREEN_KQCASES)
			start_decision(t, r);
		else
			tui_message(t, 0, "d does nothing here: a decision is made on the standard "
			    "(Esc back to it).");
		return 1;
	case ACT_EVIDENCE:
		if (t->screen != SCREEN_STANDARD || f->stds[r->std].rating != RATING_JUDGEMENT) {
			tui_message(t, 0, "e does nothing here: evidence is for judged key "
			    "questions%s%s%s.", t->screen == SCREEN_STANDARD ? "; " : "",
			    t->screen == SCREEN_STANDARD ? f->stds[r->std].id : "",
			    t->screen == SCREEN_STANDARD ? " is rated from its cases" :
			    " (on the standard of one the lead inspector judges)");
			return 1;
		}
		*go = (struct tui_go){ .kind = GO_FINDINGS, .n = f->stds[r->std].kqs[r->std_sel],
		    .to = 2 };
		return 1;
	case ACT_STRENGTHS:
	case ACT_IMPROVEMENTS:
		if (t->screen == SCREEN_KQCASES) {
			tui_message(t, 0, "%s does nothing here: the findings are the standard's "
			    "(Esc back to it).", tui_action_key(CTX_RATINGS, a));
			return 1;
		}
		*go = (struct tui_go){ .kind = GO_FINDINGS, .n = std_here(t, r),
		    .to = a == ACT_IMPROVEMENTS };
		return 1;
	case ACT_WITHDRAW: {
		size_t s = std_here(t, r);
		const struct insp_decision *d = decide_find(&t->in, s);

		if (t->screen == SCREEN_KQCASES) {
			tui_message(t, 0, "D does nothing here: a decision is withdrawn on the "
			    "standard (Esc back to it).");
			return 1;
		}
		if (d == NULL) {
			tui_message(t, 0, "There is no panel decision on %s.", f->stds[s].id);
			return 1;
		}
		tui_message(t, 0, "Withdraw the panel decision on %s (%s to %s)? y withdraws it, "
		    "any other key keeps it.", f->stds[s].id, f->bands[d->from].rating,
		    f->bands[d->to].rating);
		r->withdraw = 1;
		return 1;
	}
	case ACT_LOG:	/* the meeting's log (tui_log.c), over this page */
		go->kind = GO_PUSH;
		go->screen = SCREEN_LOG;
		return 1;
	default:
		return 0;
	}
}

static void
ratings_draw(struct tui *t, void *st)
{
	if (t->screen == SCREEN_RATINGS)
		page_draw(t, st);
	else if (t->screen == SCREEN_STANDARD)
		std_draw(t, st);
	else
		cases_draw(t, st);
}

static void
ratings_title(const struct tui *t, void *st, struct buf *line)
{
	const struct tui_ratings *r = st;
	const struct form *f = &t->in.form;

	if (t->screen == SCREEN_RATINGS)
		buf_printf(line, " Ratings %s %s", tui_sym(t, SYM_SEP),
		    t->in.service ? t->in.service : f->id);
	else if (t->screen == SCREEN_STANDARD)
		buf_printf(line, " Ratings > %s %s", f->stds[r->std].id, f->stds[r->std].name);
	else
		buf_printf(line, " Ratings > %s > %s: the cases", f->stds[f->kqs[r->kq].std].id,
		    f->kqs[r->kq].id);
}

/* From anywhere but the facts form (the loop closes it first): on top,
 * unless a page is already */
static int
ratings_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_ratings *r = st;

	(void)arg;
	if (t->screen == SCREEN_RATINGS || t->screen == SCREEN_STANDARD ||
	    t->screen == SCREEN_KQCASES)
		return 0;
	/* at the standard being walked, if any */
	if (t->screen == SCREEN_WALK && t->item >= 0)
		r->sel = (int)t->walk.items[t->item].std;
	return 1;
}

static const char *
ratings_hint(const struct tui *t, void *st)
{
	const struct tui_ratings *r = st;

	if (t->screen == SCREEN_STANDARD && t->in.form.stds[r->std].rating != RATING_CASES)
		return "e evidence  d judge  S strengths  I improvements  Esc back  ? help";
	if (t->screen == SCREEN_RATINGS)	/* q quits only where it is the top */
		return t->panel_mode ?
		    "Enter standard  j/k move  d decide  D withdraw  L log  ? help  q quit" :
		    "Enter standard  j/k move  d decide  D withdraw  L log  Esc back  ? help";
	return t->screen == SCREEN_STANDARD ?
	    "Enter its cases  p prompts  d decide  D withdraw  Esc back  ? help" :
	    "Enter open the case  y/n/a filter  j/k move  Esc back  ? help";
}

/* The three pages: one state (the first's), the same ops */
const struct tui_screen_ops tui_ratings_screen = {
	.name = "ratings", .context = CTX_RATINGS, .state_size = sizeof(struct tui_ratings),
	.hint = ratings_hint, .title = ratings_title, .open = ratings_open,
	.draw = ratings_draw, .key = ratings_key, .input = ratings_input,
	.reread = ratings_reread, .tick = ratings_tick, .free = ratings_free,
};

const struct tui_screen_ops tui_standard_screen = {
	.name = "standard", .context = CTX_RATINGS, .shares = &tui_ratings_screen,
	.hint = ratings_hint, .title = ratings_title, .draw = ratings_draw,
	.key = ratings_key, .input = ratings_input,
};

const struct tui_screen_ops tui_kqcases_screen = {
	.name = "kqcases", .context = CTX_RATINGS, .shares = &tui_ratings_screen,
	.hint = ratings_hint, .title = ratings_title, .draw = ratings_draw,
	.key = ratings_key, .input = ratings_input,
};
