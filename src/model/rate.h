/* rate.h - the rating engine: from an inspection's cases, judgements and
 * panel decisions to key-question tallies, bands, standard ratings,
 * professional discretion candidates and the overall rating.
 *
 * It follows HM Inspectorate of Probation's published rules:
 *  - a key question's relevant cases are those where it applies (by the
 *    case's facts) and it has been answered yes or no; its percentage is
 *    yes / relevant as a whole number (the form's rounding rule), banded by
 *    the form's bands; no relevant cases: no percentage, no band, and it is
 *    left out of the rating;
 *  - a case-rated standard takes the lowest band of its key questions, or is
 *    not rated when none has relevant cases; a judgement-rated standard takes
 *    the recorded judgement; a panel decision replaces the computed rating;
 *  - each rated, counted standard scores its band's score; the overall
 *    score is their sum, banded by the form's overall bands.
 * No I/O and no curses: it only reads the inspection.
 */
#ifndef YJ_RATE_H
#define YJ_RATE_H

#include <stddef.h>

#include "model/insp.h"

#define RATE_NONE (-1)		/* no percentage / band; a case-rated standard
				 * with no relevant cases: "Not rated" */
#define RATE_NOT_RATED (-2)	/* a judgement recorded as "not rated" */
#define RATE_PENDING (-3)	/* a judgement-rated standard not judged yet */

struct rate_tally {
	int relevant;		/* cases answered yes or no where it applies */
	int yes;
	int percent;		/* RATE_NONE when relevant is 0 */
	int band;		/* band index, RATE_NONE when relevant is 0 */
};

/* Why a standard's rating is a professional discretion candidate. */
enum rate_reason {
	REASON_NEAR_BOUNDARY = 1 << 0,	/* lowest % within the margin of a boundary */
	REASON_ONE_CASE = 1 << 1,	/* one differing judgement would change it */
	REASON_SMALL_SAMPLE = 1 << 2	/* it rests on a (sub-)sample of N or fewer */
};

struct rate_std {
	int sample;		/* cases the standard covers (case-rated) */
	int computed;		/* from the evidence: band, RATE_NONE, RATE_NOT_RATED */
	int rating;		/* after any panel decision */
	int score;		/* RATE_NONE when not rated */
	int lowest_kq;		/* index into form.kqs of the key question that
				 * sets the rating (lowest %), or RATE_NONE */
	unsigned reasons;	/* enum rate_reason bits (case-rated, rated) */
	const struct insp_decision *decision;	/* applied, or NULL */
	const struct insp_decision *stale;	/* a decision whose 'from' is not what
					 * the evidence now gives: not applied
					 * when the evidence gives no rating */
};

struct rate {
	struct rate_tally *kq;		/* [nkqs] */
	struct rate_tally *prompt;	/* [nprompts] */
	struct rate_std *std;		/* [nstds] */
	int score;			/* over counted, rated standards */
	int max;			/* form.max_score */
	int rated;			/* counted standards with a rating */
	int counted;			/* counted standards */
	int overall;			/* overall band; RATE_NONE until every
					 * counted standard is rated */
	/* how complete the evidence is */
	int unanswered;			/* relevant questions not answered */
	int cases_unanswered;		/* cases with any of them */
	int cases_undetermined;		/* cases whose facts do not yet say which
					 * questions apply */
	/* each case's contribution, for rate_update (private) */
	size_t ncases;
	unsigned char *rows;
	int *row_unanswered;
	unsigned char *row_undetermined;
};

/* Compute everything for IN into R (free with rate_free). */
void rate_compute(struct rate *r, const struct inspection *in);
/* Case CI of IN changed (its answers or facts, or it was read again): R,
 * computed for IN, is brought up to date by taking that case's old
 * contribution off the tallies and putting its new one on, so the cost
 * does not grow with the number of cases. The result is exactly what
 * rate_compute would give (a test holds it to that). Cases added or
 * removed since: R is computed again in full. */
void rate_update(struct rate *r, const struct inspection *in, size_t ci);
void rate_free(struct rate *r);

/* The rules behind the discretion reasons, for whoever explains them in
 * figures (whatif.h): the same functions rate_compute uses, so that an
 * explanation never disagrees with the mark. */

/* The band whose boundary (its min, bands 1 and up) is nearest PERCENT,
 * the lower on a tie, when it is within the form's discretion margin of
 * it; RATE_NONE when no boundary is (or PERCENT is RATE_NONE). The rule
 * of REASON_NEAR_BOUNDARY, applied to the standard's lowest key question. */
int rate_near_boundary(const struct form *f, int percent);
/* Whether key question tally T makes a standard computed as RATING rest
 * on a small sample: T is in RATING's band with relevant cases, no more
 * than the form's discretion sample. The rule of REASON_SMALL_SAMPLE. */
int rate_small_sample(const struct form *f, const struct rate_tally *t, int rating);
/* The band case-rated standard S would compute from the evidence if its
 * i-th key question (f->stds[S].kqs[i]) had YES[i] 'Yes' of its relevant
 * cases, where YES[i] >= 0 (0 <= YES[i] <= relevant), and its tally in R
 * otherwise (YES may be NULL: R's tallies). The lowest band over the key
 * questions with relevant cases, RATE_NONE when none has; panel decisions
 * do not enter. REASON_ONE_CASE is this with one 'Yes' more or fewer. */
int rate_std_band_with(const struct form *f, const struct rate *r, size_t s, const int *yes);
/* How case CI's answer to key question Q entered R's tally of Q:
 * ANSWER_YES or ANSWER_NO when the case is one of Q's relevant cases,
 * ANSWER_NONE when it is not counted (not relevant, unanswered, held in a
 * conflict, or CI is not a case R was computed for). */
enum answer rate_case_answer(const struct rate *r, const struct form *f, size_t ci, size_t q);

/* The rating label of a standard rating value ("Good", "Not rated",
 * "Not yet judged"). */
const char *rate_label(const struct form *f, int rating);

/* Describe REASONS in words into BUF, e.g. "62% is within 5 points of 65;
 * rests on 5 cases or fewer"; cut to SIZE, if it must be, ending with an
 * ellipsis (text_copy). */
void rate_reasons_text(const struct form *f, const struct rate *r, size_t std,
		       char *buf, size_t size);

#endif
