/* test_rate.c - the rating engine: band edges, rounding, empty sub-samples,
 * not-rated and uncounted standards, each discretion reason, panel
 * decisions, the overall score. Inspections are built through the public
 * API (a small forms file, cases made with case_init) and rated. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/insp.h"
#include "model/rate.h"
#include "testutil.h"
#include "base/xalloc.h"

/* The framework: tu_rate_forms (testutil.h), its rounding rule per test */

struct fx {
	char *dir;
	struct inspection in;
};

static void
fx_open(struct fx *fx, const char *rounding)
{
	char *text = tu_rate_forms(rounding);
	struct err e;

	fx->dir = tu_tmpdir();
	tu_write(fx->dir, "t.ini", text);
	free(text);
	memset(&fx->in, 0, sizeof fx->in);
	if (form_load_id(&fx->in.form, fx->dir, "t", &e) < 0)
		fail_msg("%s", e.msg);
	fx->in.judgements = xmalloc(fx->in.form.nstds * sizeof(int));
	for (size_t i = 0; i < fx->in.form.nstds; i++)
		fx->in.judgements[i] = JUDGE_UNSET;
}

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);

	fx_open(fx, "half-up");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	tu_rmtree(fx->dir);
	free(fx->dir);
	insp_close(&fx->in);
	free(fx);
	return 0;
}

/* Add N court cases answering key question KQ with A (flag set as FLAG). */
static void
add(struct fx *fx, const char *kq, enum answer a, int n, int flag)
{
	const struct form *f = &fx->in.form;
	int q = form_kq_index(f, kq);

	assert_true(q >= 0);
	for (int i = 0; i < n; i++) {
		struct case_file *c;
		char *path = xasprintf("%s/cases/c%zu.ini", fx->dir, fx->in.ncases);

		fx->in.cases = xrealloc(fx->in.cases, (fx->in.ncases + 1) * sizeof *fx->in.cases);
		c = &fx->in.cases[fx->in.ncases++];
		case_init(c, f, path);
		free(path);
		c->facts[form_fact_index(f, "case_type")] = form_choice_index(
		    &f->facts[form_fact_index(f, "case_type")], "court");
		c->facts[form_fact_index(f, "flag")] = flag;
		c->kq_answer[q] = (unsigned char)a;
	}
}

static const struct rate_tally *
kq(const struct rate *r, const struct fx *fx, const char *id)
{
	return &r->kq[form_kq_index(&fx->in.form, id)];
}

static const struct rate_std *
std(const struct rate *r, const struct fx *fx, const char *id)
{
	return &r->std[form_std_index(&fx->in.form, id)];
}

static int
band(const struct fx *fx, const char *id)
{
	return form_band_index(&fx->in.form, id);
}

/* yes of 100: the whole percentage is exact; check the band. */
static void
check_edge(void **state, int yes, const char *want)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, yes, 0);
	add(fx, "2.1.1", ANSWER_NO, 100 - yes, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(kq(&r, fx, "2.1.1")->relevant, 100);
	assert_int_equal(kq(&r, fx, "2.1.1")->percent, yes);
	assert_string_equal(fx->in.form.bands[kq(&r, fx, "2.1.1")->band].id, want);
	assert_string_equal(rate_label(&fx->in.form, std(&r, fx, "2.1")->rating),
	    fx->in.form.bands[band(fx, want)].rating);
	rate_free(&r);
}

static void test_edge_49(void **s) { check_edge(s, 49, "inadequate"); }
static void test_edge_50(void **s) { check_edge(s, 50, "requires-improvement"); }
static void test_edge_64(void **s) { check_edge(s, 64, "requires-improvement"); }
static void test_edge_65(void **s) { check_edge(s, 65, "good"); }
static void test_edge_79(void **s) { check_edge(s, 79, "good"); }
static void test_edge_80(void **s) { check_edge(s, 80, "outstanding"); }
static void test_edge_0(void **s) { check_edge(s, 0, "inadequate"); }
static void test_edge_100(void **s) { check_edge(s, 100, "outstanding"); }

/* 129 of 200 is 64.5%: shown 65% and banded Good under half-up, 64% and
 * Requires improvement under down; 21/24 = 87.5% shows 88%. */
static void
test_rounding_half_up(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;

	assert_int_equal(form_percent(f, 129, 200), 65);
	assert_int_equal(form_percent(f, 21, 24), 88);
	assert_int_equal(form_percent(f, 2, 3), 67);
	assert_int_equal(form_percent(f, 1, 3), 33);
	assert_int_equal(form_percent(f, 5, 6), 83);
	assert_int_equal(form_percent(f, 0, 0), -1);
	assert_int_equal(form_band_for(f, form_percent(f, 129, 200)), band(fx, "good"));
	assert_int_equal(form_band_for(f, form_percent(f, 1289, 2000)), band(fx, "requires-improvement"));
}

static void
test_rounding_down(void **state)
{
	struct fx fx;

	(void)state;
	fx_open(&fx, "down");
	assert_int_equal(form_percent(&fx.in.form, 129, 200), 64);
	assert_int_equal(form_percent(&fx.in.form, 21, 24), 87);
	assert_int_equal(form_band_for(&fx.in.form, form_percent(&fx.in.form, 129, 200)),
	    band(&fx, "requires-improvement"));
	tu_rmtree(fx.dir);
	free(fx.dir);
	insp_close(&fx.in);
}

/* A key question whose sub-sample is empty has no percentage and does not
 * pull the standard down (never 0%). */
static void
test_empty_subsample(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 4, 0);	/* flag no: 2.1.2 not relevant */
	add(fx, "2.1.1", ANSWER_NO, 1, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(kq(&r, fx, "2.1.2")->relevant, 0);
	assert_int_equal(kq(&r, fx, "2.1.2")->percent, RATE_NONE);
	assert_int_equal(kq(&r, fx, "2.1.2")->band, RATE_NONE);
	assert_int_equal(std(&r, fx, "2.1")->rating, band(fx, "outstanding"));
	assert_int_equal(std(&r, fx, "2.1")->lowest_kq, form_kq_index(&fx->in.form, "2.1.1"));
	rate_free(&r);
}

/* An answer to a question the case's facts make irrelevant is not counted. */
static void
test_irrelevant_answer_not_counted(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.2", ANSWER_NO, 3, 0);	/* flag no: not relevant */
	add(fx, "2.1.2", ANSWER_YES, 2, 1);
	rate_compute(&r, &fx->in);
	assert_int_equal(kq(&r, fx, "2.1.2")->relevant, 2);
	assert_int_equal(kq(&r, fx, "2.1.2")->yes, 2);
	assert_int_equal(std(&r, fx, "2.1")->sample, 5);
	rate_free(&r);
}

/* No relevant cases at all: not rated, no score; a not-counted standard
 * never enters the score; judgement standards take the judgement. */
static void
test_not_rated_and_uncounted(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->rating, RATE_NONE);
	assert_string_equal(rate_label(&fx->in.form, std(&r, fx, "2.1")->rating), "Not rated");
	assert_int_equal(std(&r, fx, "2.1")->score, RATE_NONE);
	assert_int_equal(r.rated, 0);
	assert_int_equal(r.counted, 2);	/* 1.1 and 2.1; 2.2 is not counted */
	assert_int_equal(r.max, 6);
	assert_int_equal(r.overall, RATE_NONE);
	rate_free(&r);

	add(fx, "2.2.1", ANSWER_YES, 5, 0);	/* uncounted standard: Outstanding */
	add(fx, "2.1.1", ANSWER_NO, 5, 0);	/* counted: Inadequate, 0 */
	fx->in.judgements[form_std_index(&fx->in.form, "1.1")] = band(fx, "good");
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.2")->rating, band(fx, "outstanding"));
	assert_int_equal(std(&r, fx, "1.1")->rating, band(fx, "good"));
	assert_int_equal(r.score, 2);	/* 2 (judged Good) + 0, not + 3 */
	assert_int_equal(r.rated, 2);
	assert_string_equal(fx->in.form.overall[r.overall].rating, "Requires improvement");
	rate_free(&r);

	/* a standard recorded as not rated: the overall rating waits */
	fx->in.judgements[form_std_index(&fx->in.form, "1.1")] = JUDGE_NOT_RATED;
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "1.1")->rating, RATE_NOT_RATED);
	assert_string_equal(rate_label(&fx->in.form, RATE_NOT_RATED), "Not rated");
	assert_int_equal(r.score, 0);
	assert_int_equal(r.rated, 1);
	assert_int_equal(r.overall, RATE_NONE);
	rate_free(&r);
}

/* No overall band from a partial score: 2.1 alone Outstanding (3 of a
 * possible 6) would band Good; with 1.1 not judged yet there is none. */
static void
test_no_overall_from_partial_score(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 10, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "1.1")->rating, RATE_PENDING);
	assert_string_equal(rate_label(&fx->in.form, RATE_PENDING), "Not yet judged");
	assert_int_equal(r.score, 3);
	assert_int_equal(r.rated, 1);
	assert_int_equal(r.overall, RATE_NONE);
	rate_free(&r);
	fx->in.judgements[form_std_index(&fx->in.form, "1.1")] = band(fx, "inadequate");
	rate_compute(&r, &fx->in);
	assert_int_equal(r.rated, 2);
	assert_string_equal(fx->in.form.overall[r.overall].rating, "Requires improvement");
	rate_free(&r);
}

/* Unanswered relevant questions and cases whose facts do not decide
 * relevance are counted, so the summary can say the figures are partial. */
static void
test_completeness(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 2, 1);	/* 2.1.2 and 2.2.1 unanswered in each */
	add(fx, "2.1.1", ANSWER_YES, 1, 0);	/* 2.2.1 unanswered */
	add(fx, "2.1.1", ANSWER_YES, 1, COND_UNSET);	/* flag unknown */
	rate_compute(&r, &fx->in);
	/* 2 x (prompt 2.1.1.1, 2.1.2, 2.2.1) + (2.1.1.1, 2.2.1) + (2.1.1.1, 2.2.1) */
	assert_int_equal(r.unanswered, 10);
	assert_int_equal(r.cases_unanswered, 4);
	assert_int_equal(r.cases_undetermined, 1);
	rate_free(&r);
	(void)f;
}

/* A decision never gives a rating where the evidence gives none. */
static void
test_decision_on_unrated_standard(void **state)
{
	struct fx *fx = *state;
	struct insp_decision d = { 0 };
	struct rate r;

	fx->in.judgements[form_std_index(&fx->in.form, "1.1")] = band(fx, "good");
	d.std = (size_t)form_std_index(&fx->in.form, "2.1");
	d.from = band(fx, "inadequate");
	d.to = band(fx, "good");
	d.why = xstrdup("no evidence left");
	fx->in.decisions = xmalloc(sizeof d);
	fx->in.decisions[0] = d;
	fx->in.ndecisions = 1;
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->rating, RATE_NONE);
	assert_null(std(&r, fx, "2.1")->decision);
	assert_non_null(std(&r, fx, "2.1")->stale);
	assert_int_equal(r.score, 2);	/* 1.1 only */
	assert_int_equal(r.rated, 1);
	rate_free(&r);
}

/* The standard takes the lowest band of its key questions. */
static void
test_lowest_band(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 9, 1);
	add(fx, "2.1.1", ANSWER_NO, 1, 1);	/* 90% */
	add(fx, "2.1.2", ANSWER_YES, 6, 1);
	add(fx, "2.1.2", ANSWER_NO, 4, 1);	/* 60% */
	rate_compute(&r, &fx->in);
	assert_int_equal(kq(&r, fx, "2.1.1")->percent, 90);
	assert_int_equal(kq(&r, fx, "2.1.2")->percent, 60);
	assert_int_equal(std(&r, fx, "2.1")->rating, band(fx, "requires-improvement"));
	assert_int_equal(std(&r, fx, "2.1")->lowest_kq, form_kq_index(&fx->in.form, "2.1.2"));
	rate_free(&r);
}

/* 100 cases, 70% and 100%: lowest 70 is 5 from 65 -> near boundary only. */
static void
test_reason_near_boundary(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 70, 0);
	add(fx, "2.1.1", ANSWER_NO, 30, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->reasons, REASON_NEAR_BOUNDARY);
	rate_free(&r);
}

/* 71%: 6 points from 65 and 9 from 80: not near; 100 cases: no other reason. */
static void
test_no_reason(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 71, 0);
	add(fx, "2.1.1", ANSWER_NO, 29, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->reasons, 0);
	rate_free(&r);
}

/* 13 of 20 = 65%: one 'Yes' fewer is 60% (Requires improvement). Also near. */
static void
test_reason_one_case(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 13, 0);
	add(fx, "2.1.1", ANSWER_NO, 7, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(kq(&r, fx, "2.1.1")->percent, 65);
	assert_int_equal(std(&r, fx, "2.1")->reasons, REASON_NEAR_BOUNDARY | REASON_ONE_CASE);
	rate_free(&r);
}

/* One case judged differently on a key question that is NOT the lowest can
 * change the rating too: 2.1.1 is lowest at 86/100 (6 points from 80, one
 * 'No' more is 85%: still Outstanding), but 2.1.2 at 7/8 = 88% drops to
 * 6/8 = 75% (Good) with one 'No' more. */
static void
test_reason_one_case_other_kq(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 86, 0);
	add(fx, "2.1.1", ANSWER_NO, 14, 0);
	add(fx, "2.1.2", ANSWER_YES, 7, 1);
	add(fx, "2.1.2", ANSWER_NO, 1, 1);
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->rating, band(fx, "outstanding"));
	assert_int_equal(std(&r, fx, "2.1")->lowest_kq, form_kq_index(&fx->in.form, "2.1.1"));
	assert_int_equal(std(&r, fx, "2.1")->reasons, REASON_ONE_CASE);
	rate_free(&r);
}

/* Rests on five cases or fewer: 5 of 5 = 100%, far from any boundary, and
 * one 'No' gives 80%, still Outstanding: small sample is the only reason. */
static void
test_reason_small_sample(void **state)
{
	struct fx *fx = *state;
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 5, 0);
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->reasons, REASON_SMALL_SAMPLE);
	rate_free(&r);
	add(fx, "2.1.1", ANSWER_YES, 1, 0);	/* 6 of 6: one 'No' is 83%: no reason */
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->reasons, 0);
	rate_free(&r);
}

/* A panel decision replaces the computed rating, in the score too, and
 * keeps what the evidence said. */
static void
test_decision_applied(void **state)
{
	struct fx *fx = *state;
	struct insp_decision d = { 0 };
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);
	add(fx, "2.1.1", ANSWER_NO, 8, 0);	/* 60%: Requires improvement */
	fx->in.judgements[form_std_index(&fx->in.form, "1.1")] = band(fx, "good");
	d.std = (size_t)form_std_index(&fx->in.form, "2.1");
	d.kq = xstrdup("2.1.1");
	d.from = band(fx, "requires-improvement");
	d.to = band(fx, "good");
	d.why = xstrdup("the panel weighed the other key questions");
	fx->in.decisions = xmalloc(sizeof d);
	fx->in.decisions[0] = d;
	fx->in.ndecisions = 1;
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->computed, band(fx, "requires-improvement"));
	assert_int_equal(std(&r, fx, "2.1")->rating, band(fx, "good"));
	assert_non_null(std(&r, fx, "2.1")->decision);
	assert_null(std(&r, fx, "2.1")->stale);
	assert_int_equal(r.score, 4);
	rate_free(&r);

	/* the evidence moves on: the decision is kept, marked stale */
	add(fx, "2.1.1", ANSWER_YES, 20, 0);	/* 32/40 = 80% */
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->computed, band(fx, "outstanding"));
	assert_int_equal(std(&r, fx, "2.1")->rating, band(fx, "good"));
	assert_non_null(std(&r, fx, "2.1")->stale);
	rate_free(&r);
}

/* Prompt tallies: N/A is not relevant; prompts are counted on their own. */
static void
test_prompt_tally(void **state)
{
	struct fx *fx = *state;
	int p = form_prompt_index(&fx->in.form, "2.1.1.1");
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 4, 0);
	fx->in.cases[0].prompt_answer[p] = ANSWER_NA;
	fx->in.cases[1].prompt_answer[p] = ANSWER_YES;
	fx->in.cases[2].prompt_answer[p] = ANSWER_NO;
	rate_compute(&r, &fx->in);
	assert_int_equal(r.prompt[p].relevant, 2);
	assert_int_equal(r.prompt[p].yes, 1);
	assert_int_equal(r.prompt[p].percent, 50);
	assert_int_equal(kq(&r, fx, "2.1.1")->relevant, 4);
	rate_free(&r);
}

/* Out-of-court cases do not enter a court standard's sample. */
static void
test_applies(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	int ct = form_fact_index(f, "case_type");
	struct rate r;

	add(fx, "2.1.1", ANSWER_YES, 3, 0);
	fx->in.cases[0].facts[ct] = form_choice_index(&f->facts[ct], "oocd");
	fx->in.cases[1].facts[ct] = COND_UNSET;	/* not recorded: not counted */
	rate_compute(&r, &fx->in);
	assert_int_equal(std(&r, fx, "2.1")->sample, 1);
	assert_int_equal(kq(&r, fx, "2.1.1")->relevant, 1);
	rate_free(&r);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_edge_0), T(test_edge_49), T(test_edge_50), T(test_edge_64),
		T(test_edge_65), T(test_edge_79), T(test_edge_80), T(test_edge_100),
		T(test_rounding_half_up), T(test_rounding_down),
		T(test_empty_subsample), T(test_irrelevant_answer_not_counted),
		T(test_not_rated_and_uncounted), T(test_lowest_band),
		T(test_reason_near_boundary), T(test_no_reason), T(test_reason_one_case),
		T(test_reason_one_case_other_kq), T(test_reason_small_sample),
		T(test_decision_applied), T(test_prompt_tally), T(test_applies),
		T(test_no_overall_from_partial_score), T(test_completeness),
		T(test_decision_on_unrated_standard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
