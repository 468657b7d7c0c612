/* rate.c - the rating engine (see rate.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "model/rate.h"
#include "base/xalloc.h"

static void
tally_finish(struct rate_tally *t, const struct form *f)
{
	t->percent = form_percent(f, t->yes, t->relevant);
	t->band = t->percent == RATE_NONE ? RATE_NONE : form_band_for(f, t->percent);
}

/* The lowest band over a standard's key questions, given their tallies;
 * RATE_NONE when none has relevant cases. *LOWEST gets the key question
 * with the lowest percentage (the first, on a tie). */
static int
lowest_band(const struct form *f, const struct form_std *st,
    const struct rate_tally *kq, int *lowest)
{
	int band = RATE_NONE, pct = 101;

	*lowest = RATE_NONE;
	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &kq[st->kqs[i]];

		if (t->band == RATE_NONE)
			continue;
		if (band == RATE_NONE || t->band < band)
			band = t->band;
		if (t->percent < pct) {
			pct = t->percent;
			*lowest = (int)st->kqs[i];
		}
	}
	(void)f;
	return band;
}

/* The lowest band over standard ST's key questions with relevant cases,
 * given the tallies KQ, with 'Yes' counts replaced by YES[i] >= 0 (indexed
 * like ST's key questions; YES may be NULL) and key question Q's by QYES
 * (Q -1: none); RATE_NONE when none has relevant cases. */
static int
band_over(const struct form *f, const struct form_std *st, const struct rate_tally *kq,
    const int *yes, int q, int qyes)
{
	int band = RATE_NONE;

	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &kq[st->kqs[i]];
		int y = yes && yes[i] >= 0 ? yes[i] : t->yes, b;

		if ((int)st->kqs[i] == q)
			y = qyes;
		if (t->relevant == 0)
			continue;
		b = form_band_for(f, form_percent(f, y, t->relevant));
		if (band == RATE_NONE || b < band)
			band = b;
	}
	return band;
}

/* Would one case judged differently on any key question change the rating? */
static int
one_case_changes(const struct form *f, const struct form_std *st, const struct rate_tally *kq,
    int rating)
{
	for (size_t i = 0; i < st->nkqs; i++) {
		const struct rate_tally *t = &kq[st->kqs[i]];

		if (t->relevant == 0)
			continue;
		for (int d = -1; d <= 1; d += 2) {
			if (t->yes + d < 0 || t->yes + d > t->relevant)
				continue;
			if (band_over(f, st, kq, NULL, (int)st->kqs[i], t->yes + d) != rating)
				return 1;
		}
	}
	return 0;
}

int
rate_near_boundary(const struct form *f, int percent)
{
	int near = RATE_NONE;

	if (percent < 0)
		return RATE_NONE;
	for (size_t b = 1; b < f->nbands; b++)
		if (near == RATE_NONE ||
		    abs(percent - f->bands[b].min) < abs(percent - f->bands[near].min))
			near = (int)b;
	if (near != RATE_NONE && abs(percent - f->bands[near].min) > f->disc_margin)
		near = RATE_NONE;
	return near;
}

int
rate_small_sample(const struct form *f, const struct rate_tally *t, int rating)
{
	return t->relevant > 0 && t->band == rating && t->relevant <= f->disc_sample;
}

int
rate_std_band_with(const struct form *f, const struct rate *r, size_t s, const int *yes)
{
	return band_over(f, &f->stds[s], r->kq, yes, -1, 0);
}

static unsigned
discretion(const struct form *f, const struct form_std *st, const struct rate_tally *kq,
    struct rate_std *rs)
{
	unsigned reasons = 0;

	if (rs->lowest_kq == RATE_NONE)
		return 0;
	if (rate_near_boundary(f, kq[rs->lowest_kq].percent) != RATE_NONE)
		reasons |= REASON_NEAR_BOUNDARY;
	if (one_case_changes(f, st, kq, rs->computed))
		reasons |= REASON_ONE_CASE;
	/* the (sub-)samples the rating rests on: the key questions in its band */
	for (size_t i = 0; i < st->nkqs; i++)
		if (rate_small_sample(f, &kq[st->kqs[i]], rs->computed))
			reasons |= REASON_SMALL_SAMPLE;
	return reasons;
}

/* A case's contribution to the tallies, one byte per standard, key
 * question and prompt (CONTRIB_* below), with its unanswered count and
 * whether its facts leave any relevance unknown. rate_update takes a case's
 * old row off the tallies and puts its new one on. */
enum { C_NONE = 0, C_NO = 1, C_YES = 2, C_OPEN = 3 };	/* relevant, and answered no/yes, or not */
#define C_APPLIES 4					/* a standard: it covers the case */

static size_t
row_len(const struct form *f)
{
	return f->nstds + f->nkqs + f->nprompts;
}

static unsigned char
code(enum answer a)
{
	return a == ANSWER_YES ? C_YES : a == ANSWER_NO ? C_NO : a == ANSWER_NONE ? C_OPEN : C_NONE;
}

/* ROW (row_len bytes) for case C; *UNANSWERED, *UNDETERMINED as in struct rate */
static void
case_row(const struct form *f, const struct case_file *c, unsigned char *row,
    int *unanswered, int *undetermined)
{
	unsigned char *srow = row, *krow = row + f->nstds, *prow = krow + f->nkqs;

	memset(row, 0, row_len(f));
	*unanswered = *undetermined = 0;
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		enum cond_value applies;

		if (st->rating != RATING_CASES)
			continue;
		applies = case_std_applies(c, f, s);
		if (applies == COND_UNKNOWN)
			*undetermined = 1;
		if (applies != COND_TRUE)
			continue;
		srow[s] = C_APPLIES;
		for (size_t i = 0; i < st->nkqs; i++) {
			size_t q = st->kqs[i];
			const struct form_kq *kq = &f->kqs[q];
			enum cond_value rel = cond_eval(kq->relevant, c->facts);

			if (rel == COND_UNKNOWN)
				*undetermined = 1;
			if (rel != COND_TRUE)
				continue;
			/* N/A is not an answer a key question takes: counted as none */
			krow[q] = code((enum answer)c->kq_answer[q]);
			*unanswered += c->kq_answer[q] == ANSWER_NONE;
			for (size_t j = 0; j < kq->nprompts; j++) {
				size_t p = kq->prompts[j];
				enum cond_value prel = cond_eval(f->prompts[p].relevant, c->facts);

				if (prel == COND_UNKNOWN)
					*undetermined = 1;
				if (prel == COND_TRUE) {
					prow[p] = code((enum answer)c->prompt_answer[p]);
					*unanswered += c->prompt_answer[p] == ANSWER_NONE;
				}
			}
		}
	}
}

static void
tally_apply(struct rate_tally *t, unsigned char v, int sign)
{
	if (v == C_YES || v == C_NO) {
		t->relevant += sign;
		t->yes += sign * (v == C_YES);
	}
}

/* Add (SIGN 1) or take off (SIGN -1) a case's row. */
static void
apply_row(struct rate *r, const struct form *f, const unsigned char *row, int unanswered,
    int undetermined, int sign)
{
	const unsigned char *krow = row + f->nstds, *prow = krow + f->nkqs;

	for (size_t s = 0; s < f->nstds; s++)
		r->std[s].sample += sign * (row[s] == C_APPLIES);
	for (size_t q = 0; q < f->nkqs; q++)
		tally_apply(&r->kq[q], krow[q], sign);
	for (size_t p = 0; p < f->nprompts; p++)
		tally_apply(&r->prompt[p], prow[p], sign);
	r->unanswered += sign * unanswered;
	r->cases_unanswered += sign * (unanswered > 0);
	r->cases_undetermined += sign * (undetermined != 0);
}

/* Everything that follows from the tallies: percentages and bands, the
 * standards' ratings, discretion, decisions, the score and the overall. */
static void
derive(struct rate *r, const struct inspection *in)
{
	const struct form *f = &in->form;

	for (size_t q = 0; q < f->nkqs; q++)
		tally_finish(&r->kq[q], f);
	for (size_t p = 0; p < f->nprompts; p++)
		tally_finish(&r->prompt[p], f);

	r->max = f->max_score;
	r->overall = RATE_NONE;
	r->score = r->rated = r->counted = 0;
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		struct rate_std *rs = &r->std[s];

		rs->lowest_kq = RATE_NONE;
		rs->reasons = 0;
		rs->decision = rs->stale = NULL;
		if (st->rating == RATING_JUDGEMENT) {
			int j = in->judgements[s];

			rs->computed = j == JUDGE_UNSET ? RATE_PENDING :
			    j == JUDGE_NOT_RATED ? RATE_NOT_RATED : j;
		} else {
			rs->computed = lowest_band(f, st, r->kq, &rs->lowest_kq);
			rs->reasons = discretion(f, st, r->kq, rs);
		}
		rs->rating = rs->computed;
		for (size_t d = 0; d < in->ndecisions; d++) {
			const struct insp_decision *dec = &in->decisions[d];

			if (dec->std != s)
				continue;
			if (dec->from != rs->computed)
				rs->stale = dec;
			/* a decision moves a rating the evidence gives; it never
			 * makes one where the evidence gives none */
			if (rs->computed >= 0) {
				rs->decision = dec;
				rs->rating = dec->to;
			}
		}
		rs->score = rs->rating >= 0 ? f->bands[rs->rating].score : RATE_NONE;
		if (st->counted) {
			r->counted++;
			if (rs->score != RATE_NONE) {
				r->rated++;
				r->score += rs->score;
			}
		}
	}
	if (r->counted > 0 && r->rated == r->counted)
		r->overall = form_overall_for(f, r->score);
}

void
rate_compute(struct rate *r, const struct inspection *in)
{
	const struct form *f = &in->form;
	size_t len = row_len(f);

	memset(r, 0, sizeof *r);
	r->kq = xcalloc(f->nkqs ? f->nkqs : 1, sizeof *r->kq);
	r->prompt = xcalloc(f->nprompts ? f->nprompts : 1, sizeof *r->prompt);
	r->std = xcalloc(f->nstds ? f->nstds : 1, sizeof *r->std);
	r->ncases = in->ncases;
	r->rows = xcalloc(in->ncases ? in->ncases * len : 1, 1);
	r->row_unanswered = xcalloc(in->ncases ? in->ncases : 1, sizeof *r->row_unanswered);
	r->row_undetermined = xcalloc(in->ncases ? in->ncases : 1, 1);
	for (size_t ci = 0; ci < in->ncases; ci++) {
		int unanswered, undetermined;

		case_row(f, &in->cases[ci], r->rows + ci * len, &unanswered, &undetermined);
		r->row_unanswered[ci] = unanswered;
		r->row_undetermined[ci] = (unsigned char)undetermined;
		apply_row(r, f, r->rows + ci * len, unanswered, undetermined, 1);
	}
	derive(r, in);
}

void
rate_update(struct rate *r, const struct inspection *in, size_t ci)
{
	const struct form *f = &in->form;
	size_t len = row_len(f);
	unsigned char *row;
	int unanswered, undetermined;

	if (r->rows == NULL || r->ncases != in->ncases || ci >= in->ncases) {
		rate_free(r);	/* cases came or went: all of it */
		rate_compute(r, in);
		return;
	}
	row = r->rows + ci * len;
	apply_row(r, f, row, r->row_unanswered[ci], r->row_undetermined[ci], -1);
	case_row(f, &in->cases[ci], row, &unanswered, &undetermined);
	r->row_unanswered[ci] = unanswered;
	r->row_undetermined[ci] = (unsigned char)undetermined;
	apply_row(r, f, row, unanswered, undetermined, 1);
	derive(r, in);
}

void
rate_free(struct rate *r)
{
	free(r->kq);
	free(r->prompt);
	free(r->std);
	free(r->rows);
	free(r->row_unanswered);
	free(r->row_undetermined);
	memset(r, 0, sizeof *r);
}

enum answer
rate_case_answer(const struct rate *r, const struct form *f, size_t ci, size_t q)
{
	unsigned char v;

	if (r->rows == NULL || ci >= r->ncases || q >= f->nkqs)
		return ANSWER_NONE;
	v = r->rows[ci * row_len(f) + f->nstds + q];
	return v == C_YES ? ANSWER_YES : v == C_NO ? ANSWER_NO : ANSWER_NONE;
}

const char *
rate_label(const struct form *f, int rating)
{
	if (rating >= 0 && (size_t)rating < f->nbands)
		return f->bands[rating].rating;
	if (rating == RATE_PENDING)
		return "Not yet judged";
	return "Not rated";
}

void
rate_reasons_text(const struct form *f, const struct rate *r, size_t std, char *buf,
    size_t size)
{
	const struct rate_std *rs = &r->std[std];
	struct buf b = { 0 };

	if (rs->reasons & REASON_NEAR_BOUNDARY && rs->lowest_kq != RATE_NONE) {
		const struct rate_tally *t = &r->kq[rs->lowest_kq];
		int near = rate_near_boundary(f, t->percent);

		buf_printf(&b, "%s %d%% is within %d points of %d%%",
		    f->kqs[rs->lowest_kq].id, t->percent, f->disc_margin,
		    near != RATE_NONE ? f->bands[near].min : f->bands[1].min);
	}
	if (rs->reasons & REASON_ONE_CASE)
		buf_printf(&b, "%sone case judged differently would change the rating",
		    b.len ? "; " : "");
	if (rs->reasons & REASON_SMALL_SAMPLE)
		buf_printf(&b, "%sthe rating rests on %d cases or fewer", b.len ? "; " : "",
		    f->disc_sample);
	text_copy(buf, size, buf_str(&b));	/* cut, if it must be, with a mark */
	buf_free(&b);
}
