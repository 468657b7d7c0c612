/* whatif.c - what would change a rating (see whatif.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/whatif.h"
#include "base/xalloc.h"

const char *
whatif_case_name(const struct case_file *c)
{
	return c->reference && c->reference[0] ? c->reference : c->name ? c->name : "?";
}

/* The fewest 'No' judged 'Yes' that bring YES of RELEVANT to MIN % or
 * more; -1 when even all of them do not. */
static int
up_cost(const struct form *f, int yes, int relevant, int min)
{
	for (int k = 0; yes + k <= relevant; k++)
		if (form_percent(f, yes + k, relevant) >= min)
			return k;
	return -1;
}

/* The fewest 'Yes' judged 'No' that bring YES of RELEVANT below MIN %;
 * -1 when even all of them do not. */
static int
down_cost(const struct form *f, int yes, int relevant, int min)
{
	for (int k = 0; k <= yes; k++)
		if (form_percent(f, yes - k, relevant) < min)
			return k;
	return -1;
}

/* The cases counted with answer A on key question Q. */
static void
candidates(struct whatif_kq *wk, const struct inspection *in, const struct rate *r,
    enum answer a)
{
	size_t n = 0;

	for (size_t ci = 0; ci < in->ncases; ci++)	/* counted first: held at their size */
		n += rate_case_answer(r, &in->form, ci, wk->kq) == a;
	wk->cases = xcalloc(n ? n : 1, sizeof *wk->cases);
	wk->ncases = 0;
	for (size_t ci = 0; ci < in->ncases && wk->ncases < n; ci++)
		if (rate_case_answer(r, &in->form, ci, wk->kq) == a)
			wk->cases[wk->ncases++] = ci;
}

static void
move_up(struct whatif_move *m, const struct inspection *in, const struct rate *r, size_t s,
    int from)
{
	const struct form *f = &in->form;
	const struct form_std *st = &f->stds[s];
	int *yes = xmalloc((st->nkqs ? st->nkqs : 1) * sizeof *yes);
	int min;

	if (from + 1 >= (int)f->nbands) {
		m->why_not = "it is the top band";
		free(yes);
		return;
	}
	min = f->bands[from + 1].min;
	m->kqs = xcalloc(st->nkqs ? st->nkqs : 1, sizeof *m->kqs);
	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &r->kq[st->kqs[i]];
		int k;

		yes[i] = -1;
		if (t->relevant == 0 || t->band > from)
			continue;
		k = up_cost(f, t->yes, t->relevant, min);
		if (k < 0) {
			m->why_not = "no number of changes reaches the next band";
			m->changes = 0;
			free(yes);
			return;	/* whatif_free frees m->kqs */
		}
		yes[i] = t->yes + k;
		m->kqs[m->nkqs].kq = st->kqs[i];
		m->kqs[m->nkqs].changes = k;
		m->kqs[m->nkqs].percent = form_percent(f, yes[i], t->relevant);
		candidates(&m->kqs[m->nkqs], in, r, ANSWER_NO);
		m->nkqs++;
		m->changes += k;
	}
	m->band = rate_std_band_with(f, r, s, yes);
	for (size_t j = 0; j < m->nkqs; j++)
		m->kqs[j].band = m->band;
	m->possible = m->nkqs > 0;
	free(yes);
}

static void
move_down(struct whatif_move *m, const struct inspection *in, const struct rate *r, size_t s,
    int from)
{
	const struct form *f = &in->form;
	const struct form_std *st = &f->stds[s];
	int *yes, *cost, best = -1;

	if (from <= 0) {
		m->why_not = "it is the bottom band";
		return;
	}
	yes = xmalloc((st->nkqs ? st->nkqs : 1) * sizeof *yes);
	cost = xmalloc((st->nkqs ? st->nkqs : 1) * sizeof *cost);
	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &r->kq[st->kqs[i]];

		yes[i] = -1;
		cost[i] = t->relevant ? down_cost(f, t->yes, t->relevant, f->bands[from].min) : -1;
		if (cost[i] > 0 && (best < 0 || cost[i] < best))
			best = cost[i];
	}
	m->kqs = xcalloc(st->nkqs ? st->nkqs : 1, sizeof *m->kqs);
	for (size_t i = 0; best > 0 && i < st->nkqs; i++) {
		const struct rate_tally *t = &r->kq[st->kqs[i]];
		struct whatif_kq *wk = &m->kqs[m->nkqs];

		if (cost[i] != best)
			continue;
		yes[i] = t->yes - best;
		wk->kq = st->kqs[i];
		wk->changes = best;
		wk->percent = form_percent(f, yes[i], t->relevant);
		wk->band = rate_std_band_with(f, r, s, yes);
		yes[i] = -1;
		candidates(wk, in, r, ANSWER_YES);
		if (m->nkqs == 0 || wk->band > m->band)
			m->band = wk->band;
		m->nkqs++;
	}
	if (best > 0) {
		m->possible = 1;
		m->changes = best;
	} else
		m->why_not = "no number of changes takes it below its band";
	free(yes);
	free(cost);
}

/* ---- the reasons in figures */

/* NAMES of the cases of WK onto OUT: "ST-C02, ST-C05". */
static void
names(struct buf *out, const struct inspection *in, const struct whatif_kq *wk)
{
	size_t n = wk->ncases < WHATIF_NAMES ? wk->ncases : WHATIF_NAMES;

	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%s", i ? ", " : "", whatif_case_name(&in->cases[wk->cases[i]]));
	if (wk->ncases > n)
		buf_printf(out, " and %zu more", wk->ncases - n);
}

/* The cases of key question Q counted with answer A, as a whatif_kq. */
static void
names_of(struct buf *out, const struct inspection *in, const struct rate *r, size_t q,
    enum answer a)
{
	struct whatif_kq wk = { 0 };

	wk.kq = q;
	candidates(&wk, in, r, a);
	names(out, in, &wk);
	free(wk.cases);
}

static char *
reason_near(const struct inspection *in, const struct rate *r, size_t s)
{
	const struct form *f = &in->form;
	const struct form_std *st = &f->stds[s];
	size_t q = (size_t)r->std[s].lowest_kq;
	const struct rate_tally *t = &r->kq[q];
	int b = rate_near_boundary(f, t->percent), min, d, *yes, up, after;
	struct buf out = BUF_INIT;

	if (b == RATE_NONE)
		b = 1;	/* cannot be: the reason is set by the same rule */
	min = f->bands[b].min;
	d = t->percent - min;
	buf_printf(&out, "%s: %d%% (%d of %d) ", f->kqs[q].id, t->percent, t->yes, t->relevant);
	if (d < 0)
		buf_printf(&out, "is %d point%s below", -d, d == -1 ? "" : "s");
	else if (d > 0)
		buf_printf(&out, "is %d point%s above", d, d == 1 ? "" : "s");
	else
		buf_adds(&out, "is at");
	buf_printf(&out, " %d%% (%s)", min, f->bands[b].rating);
	/* one case toward the boundary, and across it if it is at it */
	up = d < 0;
	if (up ? t->yes < t->relevant : t->yes > 0) {
		yes = xmalloc(st->nkqs * sizeof *yes);
		for (size_t i = 0; i < st->nkqs; i++)
			yes[i] = st->kqs[i] == q ? t->yes + (up ? 1 : -1) : -1;
		after = rate_std_band_with(f, r, s, yes);
		buf_printf(&out, "; one of its %d %s cases judged %s gives %d%%, and the standard %s%s: ",
		    up ? t->relevant - t->yes : t->yes, up ? "No" : "Yes", up ? "Yes" : "No",
		    form_percent(f, t->yes + (up ? 1 : -1), t->relevant),
		    after == r->std[s].computed ? "still " : "", rate_label(f, after));
		names_of(&out, in, r, q, up ? ANSWER_NO : ANSWER_YES);
		free(yes);
	}
	return buf_take(&out);
}

static char *
reason_one_case(const struct inspection *in, const struct whatif_std *ws)
{
	const struct form *f = &in->form;
	struct buf out = BUF_INIT;
	int n = 0;

	buf_adds(&out, "one case judged differently changes it: ");
	if (ws->up.possible && ws->up.changes == 1) {
		const struct whatif_kq *wk = &ws->up.kqs[0];

		buf_printf(&out, "%s judged Yes in one of ", f->kqs[wk->kq].id);
		names(&out, in, wk);
		buf_printf(&out, " gives %s", rate_label(f, wk->band));
		n++;
	}
	for (size_t i = 0; ws->down.possible && ws->down.changes == 1 && i < ws->down.nkqs; i++) {
		const struct whatif_kq *wk = &ws->down.kqs[i];

		buf_printf(&out, "%s%s judged No in one of ", n ? "; " : "", f->kqs[wk->kq].id);
		names(&out, in, wk);
		buf_printf(&out, " gives %s", rate_label(f, wk->band));
		n++;
	}
	return buf_take(&out);
}

static char *
reason_small(const struct inspection *in, const struct rate *r, size_t s)
{
	const struct form *f = &in->form;
	const struct form_std *st = &f->stds[s];
	int lo = -1, hi = -1, n = 0;
	struct buf list = BUF_INIT, out = BUF_INIT;

	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &r->kq[st->kqs[i]];

		if (!rate_small_sample(f, t, r->std[s].computed))
			continue;
		if (lo < 0 || t->relevant < lo)
			lo = t->relevant;
		if (t->relevant > hi)
			hi = t->relevant;
		buf_printf(&list, "%s%s (%d of %d)", n++ ? ", " : "", f->kqs[st->kqs[i]].id,
		    t->yes, t->relevant);
	}
	if (lo == hi)
		buf_printf(&out, "rests on %d case%s: ", lo, lo == 1 ? "" : "s");
	else
		buf_printf(&out, "rests on %d to %d cases: ", lo, hi);
	buf_printf(&out, "%s; a sample of %d or fewer", buf_str(&list), f->disc_sample);
	buf_free(&list);
	return buf_take(&out);
}

static void
reasons(struct whatif_std *ws, const struct inspection *in, const struct rate *r, size_t s)
{
	const struct rate_std *rs = &r->std[s];

	if (rs->computed < 0 || rs->reasons == 0)
		return;
	if (rs->reasons & REASON_NEAR_BOUNDARY && rs->lowest_kq != RATE_NONE)
		ws->near = reason_near(in, r, s);
	if (rs->reasons & REASON_ONE_CASE)
		ws->one_case = reason_one_case(in, ws);
	if (rs->reasons & REASON_SMALL_SAMPLE)
		ws->small = reason_small(in, r, s);
}

/* ---- a decided standard: the panel's moves, from the band decided */

static void move_free(struct whatif_move *m);

static void
panel_move(struct whatif_move *m, const struct whatif_std *ws, const struct form *f, int up)
{
	int to = ws->from + (up ? 1 : -1);

	memset(m, 0, sizeof *m);
	if (to < 0 || to >= (int)f->nbands) {
		m->why_not = up ? "it is the top band" : "it is the bottom band";
		return;
	}
	m->possible = m->panel = 1;
	m->band = to;
	m->changes = WHATIF_JUDGEMENT;
	m->withdraw = ws->computed == to;
}

/* WS, whose moves were worked out on the evidence, decided to band TO */
static void
decided(struct whatif_std *ws, const struct form *f, int to)
{
	move_free(&ws->up);
	move_free(&ws->down);
	ws->decided = 1;
	ws->from = to;
	panel_move(&ws->up, ws, f, 1);
	panel_move(&ws->down, ws, f, 0);
}

/* ---- the overall */

static int
step_order(const void *a, const void *b)
{
	const struct whatif_step *x = a, *y = b;
	unsigned cx = (unsigned)x->changes, cy = (unsigned)y->changes;	/* -1: last */

	if (cx != cy)
		return cx < cy ? -1 : 1;
	return x->std < y->std ? -1 : x->std > y->std;
}

static int
gain_order(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x < y) - (x > y);
}

static void
overall(struct whatif_overall *o, const struct whatif *w, const struct inspection *in,
    const struct rate *r, int up)
{
	const struct form *f = &in->form;
	int *gains, sum = 0;

	if (r->overall < 0) {
		o->why_not = "not every counted standard is rated yet";
		return;
	}
	if (up ? r->overall + 1 >= (int)f->noverall : r->overall == 0) {
		o->why_not = up ? "it is the top band" : "it is the bottom band";
		return;
	}
	o->possible = 1;
	o->band = r->overall + (up ? 1 : -1);
	o->boundary = f->overall[up ? o->band : r->overall].min;
	o->points = up ? o->boundary - r->score : r->score - o->boundary + 1;
	o->steps = xcalloc(f->nstds ? f->nstds : 1, sizeof *o->steps);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct rate_std *rs = &r->std[s];
		const struct whatif_std *ws = &w->std[s];
		const struct whatif_move *m = up ? &ws->up : &ws->down;
		int to, changes;

		if (!f->stds[s].counted || rs->rating < 0)
			continue;
		if (ws->case_rated && rs->decision == NULL) {
			if (!m->possible)
				continue;
			to = m->band;
			changes = m->changes;
		} else {
			to = rs->rating + (up ? 1 : -1);
			if (to < 0 || to >= (int)f->nbands)
				continue;
			changes = WHATIF_JUDGEMENT;
		}
		o->steps[o->nsteps].std = s;
		o->steps[o->nsteps].gain = up ? f->bands[to].score - rs->score :
		    rs->score - f->bands[to].score;
		o->steps[o->nsteps].changes = changes;
		o->steps[o->nsteps].decided = rs->decision != NULL;
		if (o->steps[o->nsteps].gain > 0)
			o->nsteps++;
	}
	qsort(o->steps, o->nsteps, sizeof *o->steps, step_order);
	gains = xmalloc((o->nsteps ? o->nsteps : 1) * sizeof *gains);
	for (size_t i = 0; i < o->nsteps; i++)
		gains[i] = o->steps[i].gain;
	qsort(gains, o->nsteps, sizeof *gains, gain_order);
	for (size_t i = 0; i < o->nsteps && sum < o->points; i++) {
		sum += gains[i];
		o->fewest = (int)i + 1;
	}
	if (sum < o->points)
		o->fewest = 0;
	free(gains);
}

void
whatif_compute(struct whatif *w, const struct inspection *in, const struct rate *r)
{
	const struct form *f = &in->form;

	memset(w, 0, sizeof *w);
	w->std = xcalloc(f->nstds ? f->nstds : 1, sizeof *w->std);
	w->nstd = f->nstds;
	for (size_t s = 0; s < f->nstds; s++) {
		struct whatif_std *ws = &w->std[s];

		if (f->stds[s].rating != RATING_CASES)
			continue;
		ws->case_rated = 1;
		ws->from = ws->computed = r->std[s].computed;
		if (ws->from < 0) {
			ws->up.why_not = ws->down.why_not = "no key question has relevant cases";
			continue;
		}
		move_up(&ws->up, in, r, s, ws->from);
		move_down(&ws->down, in, r, s, ws->from);
		reasons(ws, in, r, s);	/* the evidence's, decided or not */
		if (r->std[s].decision)
			decided(ws, f, r->std[s].rating);
	}
	overall(&w->up, w, in, r, 1);
	overall(&w->down, w, in, r, 0);
}

static void
move_free(struct whatif_move *m)
{
	for (size_t i = 0; m->kqs && i < m->nkqs; i++)
		free(m->kqs[i].cases);
	free(m->kqs);
}

void
whatif_free(struct whatif *w)
{
	for (size_t s = 0; w->std && s < w->nstd; s++) {
		struct whatif_std *ws = &w->std[s];

		move_free(&ws->up);
		move_free(&ws->down);
		free(ws->near);
		free(ws->one_case);
		free(ws->small);
	}
	free(w->std);
	free(w->up.steps);
	free(w->down.steps);
	memset(w, 0, sizeof *w);
}

/* ---- in words */

static const char *
plural(int n)
{
	return n == 1 ? "" : "s";
}

void
whatif_move_text(const struct inspection *in, const struct whatif *w, size_t s, int up,
    struct buf *out)
{
	const struct form *f = &in->form;
	const struct whatif_move *m = up ? &w->std[s].up : &w->std[s].down;

	if (!m->possible) {
		buf_printf(out, "%s: not possible (%s)", up ? "Up" : "Down",
		    m->why_not ? m->why_not : "not a case-rated standard");
		return;
	}
	if (m->panel) {
		if (m->withdraw)
			buf_printf(out, "%s to %s: the panel's decision withdrawn (the evidence "
			    "gives %s)", up ? "Up" : "Down", rate_label(f, m->band),
			    rate_label(f, m->band));
		else
			buf_printf(out, "%s to %s: a new panel decision (no case judgement moves "
			    "a decided rating)", up ? "Up" : "Down", rate_label(f, m->band));
		return;
	}
	buf_printf(out, "%s to %s, %d judgement%s%s: ", up ? "Up" : "Down", rate_label(f, m->band),
	    m->changes, plural(m->changes), !up && m->nkqs > 1 ? " on any one of" : "");
	for (size_t i = 0; i < m->nkqs; i++) {
		const struct whatif_kq *wk = &m->kqs[i];
		int have = (int)wk->ncases;

		if (i)
			buf_adds(out, up ? "; and " : "; or ");
		buf_printf(out, "%s, %d of its %d %s cases judged %s gives %d%%", f->kqs[wk->kq].id,
		    wk->changes, have, up ? "'No'" : "'Yes'", up ? "'Yes'" : "'No'", wk->percent);
		if (!up && wk->band != m->band)
			buf_printf(out, " (and the standard %s)", rate_label(f, wk->band));
		buf_adds(out, ": ");
		names(out, in, wk);
	}
}

void
whatif_moves_brief(const struct inspection *in, const struct whatif *w, size_t s,
    struct buf *out)
{
	const struct form *f = &in->form;

	if (!w->std[s].case_rated)
		return;
	for (int up = 1; up >= 0; up--) {
		const struct whatif_move *m = up ? &w->std[s].up : &w->std[s].down;
		const char *dir = up ? "Up" : "; down";

		if (!m->possible)
			buf_printf(out, "%s: not possible (%s)", dir, m->why_not);
		else if (m->panel)
			buf_printf(out, "%s to %s: %s", dir, rate_label(f, m->band),
			    m->withdraw ? "withdraw the decision" : "a new decision");
		else
			buf_printf(out, "%s to %s: %d%s", dir, rate_label(f, m->band), m->changes,
			    up ? (m->changes == 1 ? " judgement" : " judgements") : "");
	}
}

static void
step_text(struct buf *out, const struct form *f, const struct whatif_step *st)
{
	buf_printf(out, "%s (", f->stds[st->std].id);
	if (st->changes != WHATIF_JUDGEMENT)
		buf_printf(out, "%d judgement%s", st->changes, plural(st->changes));
	else
		buf_adds(out, st->decided ? "the panel's decision" : "a judgement");
	if (st->gain != 1)
		buf_printf(out, ", %d points", st->gain);
	buf_adds(out, ")");
}

void
whatif_overall_text(const struct inspection *in, const struct whatif *w, int up,
    struct buf *out)
{
	const struct form *f = &in->form;
	const struct whatif_overall *o = up ? &w->up : &w->down;
	const struct whatif_step *st;
	int n = 0;

	if (!o->possible) {
		buf_printf(out, "%s: not possible (%s)", up ? "Up" : "Down", o->why_not);
		return;
	}
	buf_printf(out, "%s to %s %s %d: %d point%s %s", up ? "Up" : "Down",
	    f->overall[o->band].rating, up ? "at" : "below", o->boundary, o->points,
	    plural(o->points), up ? "more" : "fewer");
	if (o->fewest == 1)
		buf_printf(out, ": any one of these one band %s: ", up ? "up" : "down");
	else if (o->fewest > 1)
		buf_printf(out, ": at least %d standards one band %s, of: ", o->fewest,
		    up ? "up" : "down");
	else
		buf_printf(out, ": more than every standard one band %s gives%s", up ? "up" : "down",
		    o->nsteps ? " (" : "");
	for (size_t i = 0; i < o->nsteps; i++) {
		st = &o->steps[i];
		if (o->fewest == 1 && st->gain < o->points)
			continue;
		buf_adds(out, n++ ? ", " : "");
		step_text(out, f, st);
	}
	if (o->fewest == 0 && o->nsteps)
		buf_adds(out, ")");
}
