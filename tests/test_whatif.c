/* test_whatif.c - what would change a rating: a band edge one and two
 * case judgements away, a sub-sample of one case, a key question with no
 * relevant cases, a standard with two low key questions (up needs both),
 * the overall one point from a band, one-case agreeing with rate's
 * REASON_ONE_CASE, a decided standard moved from its decided band (the
 * panel's to move), and each discretion reason's figures on the South
 * Tyneside fixture. Inspections are built as test_rate.c builds them. */
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
#include "model/whatif.h"
#include "base/xalloc.h"

/* The framework: tu_rate_forms (testutil.h), rounding half-up */

struct fx {
	char *dir;
	struct inspection in;
	struct rate r;
	struct whatif w;
	int rated;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	struct err e;

	fx->dir = tu_tmpdir();
	char *forms = tu_rate_forms("half-up");

	tu_write(fx->dir, "t.ini", forms);
	free(forms);
	if (form_load_id(&fx->in.form, fx->dir, "t", &e) < 0)
		fail_msg("%s", e.msg);
	fx->in.judgements = xmalloc(fx->in.form.nstds * sizeof(int));
	for (size_t i = 0; i < fx->in.form.nstds; i++)
		fx->in.judgements[i] = JUDGE_UNSET;
	*state = fx;
	return 0;
}

static void
unrate(struct fx *fx)
{
	if (fx->rated) {
		whatif_free(&fx->w);
		rate_free(&fx->r);
		fx->rated = 0;
	}
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	unrate(fx);
	tu_rmtree(fx->dir);
	free(fx->dir);
	insp_close(&fx->in);
	free(fx);
	return 0;
}

/* N court cases "cK" answering key question KQ with A (flag set as FLAG). */
static void
add(struct fx *fx, const char *kq, enum answer a, int n, int flag)
{
	const struct form *f = &fx->in.form;
	int q = form_kq_index(f, kq), ct = form_fact_index(f, "case_type");

	assert_true(q >= 0);
	for (int i = 0; i < n; i++) {
		struct case_file *c;
		char *path = xasprintf("%s/cases/c%zu.ini", fx->dir, fx->in.ncases);

		fx->in.cases = xrealloc(fx->in.cases, (fx->in.ncases + 1) * sizeof *fx->in.cases);
		c = &fx->in.cases[fx->in.ncases];
		case_init(c, f, path);
		free(path);
		c->reference = xasprintf("c%zu", fx->in.ncases++);
		c->facts[ct] = form_choice_index(&f->facts[ct], "court");
		c->facts[form_fact_index(f, "flag")] = flag;
		c->kq_answer[q] = (unsigned char)a;
	}
}

static const struct whatif_std *
rate(struct fx *fx)
{
	unrate(fx);
	rate_compute(&fx->r, &fx->in);
	whatif_compute(&fx->w, &fx->in, &fx->r);
	fx->rated = 1;
	return &fx->w.std[form_std_index(&fx->in.form, "2.1")];
}

static int
band(const struct fx *fx, const char *id)
{
	return form_band_index(&fx->in.form, id);
}

static int
kqi(const struct fx *fx, const char *id)
{
	return form_kq_index(&fx->in.form, id);
}

/* The move's text contains each of the strings after it. */
static void
says(struct fx *fx, size_t s, int up, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	whatif_move_text(&fx->in, &fx->w, s, up, &b);
	va_start(ap, up);
	tu_says(buf_str(&b), ap);
	va_end(ap);
	buf_free(&b);
}

/* 12 of 20 is 60%, 13 of 20 65% (Good): Good is one 'No' judged 'Yes'
 * away, and any of the 8 'No' cases could be it. Down: 10 of 20 is 50%,
 * still in the band; 9 of 20 (45%) is three judgements. */
static void
test_edge_one_case(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);
	add(fx, "2.1.1", ANSWER_NO, 8, 0);
	ws = rate(fx);
	assert_int_equal(ws->from, band(fx, "requires-improvement"));
	assert_true(ws->up.possible);
	assert_int_equal(ws->up.changes, 1);
	assert_int_equal(ws->up.band, band(fx, "good"));
	assert_int_equal(ws->up.nkqs, 1);
	assert_int_equal(ws->up.kqs[0].kq, kqi(fx, "2.1.1"));
	assert_int_equal(ws->up.kqs[0].percent, 65);
	assert_int_equal(ws->up.kqs[0].ncases, 8);
	assert_int_equal(ws->up.kqs[0].cases[0], 12);	/* the first 'No' case */
	assert_true(ws->down.possible);
	assert_int_equal(ws->down.changes, 3);		/* 9 of 20 = 45% */
	assert_int_equal(ws->down.band, band(fx, "inadequate"));
	assert_int_equal(ws->down.kqs[0].ncases, 12);
	assert_int_equal(ws->down.kqs[0].percent, 45);
	says(fx, (size_t)form_std_index(&fx->in.form, "2.1"), 1, "Up to Good, 1 judgement: "
	    "2.1.1, 1 of its 8 'No' cases judged 'Yes' gives 65%: c12, c13", NULL);
	says(fx, (size_t)form_std_index(&fx->in.form, "2.1"), 0, "Down to Inadequate, 3 "
	    "judgements: 2.1.1, 3 of its 12 'Yes' cases judged 'No' gives 45%: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 2 more", NULL);
}

/* 11 of 20 is 55%: Good (65%) is two judgements away. */
static void
test_edge_two_cases(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws;

	add(fx, "2.1.1", ANSWER_YES, 11, 0);
	add(fx, "2.1.1", ANSWER_NO, 9, 0);
	ws = rate(fx);
	assert_int_equal(ws->up.changes, 2);
	assert_int_equal(ws->up.band, band(fx, "good"));
	assert_int_equal(ws->up.kqs[0].percent, 65);
	assert_int_equal(ws->down.changes, 2);		/* 9 of 20 = 45% */
	assert_int_equal(fx->r.std[form_std_index(&fx->in.form, "2.1")].reasons & REASON_ONE_CASE, 0);
	assert_null(ws->one_case);
}

/* A sub-sample of one case: one judgement takes 100% to 0%, the standard
 * from Outstanding to Inadequate (more than one band: the move says where
 * it lands). Outstanding cannot go up. */
static void
test_subsample_of_one(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws;

	add(fx, "2.1.1", ANSWER_YES, 10, 0);
	add(fx, "2.1.2", ANSWER_YES, 1, 1);
	ws = rate(fx);
	assert_int_equal(ws->from, band(fx, "outstanding"));
	assert_false(ws->up.possible);
	assert_string_equal(ws->up.why_not, "it is the top band");
	says(fx, (size_t)form_std_index(&fx->in.form, "2.1"), 1, "Up: not possible (it is the top band)", NULL);
	assert_true(ws->down.possible);
	assert_int_equal(ws->down.changes, 1);
	assert_int_equal(ws->down.nkqs, 1);		/* 2.1.1 needs 3 */
	assert_int_equal(ws->down.kqs[0].kq, kqi(fx, "2.1.2"));
	assert_int_equal(ws->down.kqs[0].percent, 0);
	assert_int_equal(ws->down.band, band(fx, "inadequate"));
	assert_int_equal(ws->down.kqs[0].ncases, 1);
	assert_int_equal(ws->down.kqs[0].cases[0], 10);
	assert_non_null(ws->small);
	assert_string_equal(ws->small, "rests on 1 case: 2.1.2 (1 of 1); a sample of 5 or fewer");
}

/* A key question with no relevant cases stays out: up needs only 2.1.1;
 * a standard with none at all cannot move either way. */
static void
test_kq_without_relevant_cases(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws, *w22;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);		/* flag no: 2.1.2 not relevant */
	add(fx, "2.1.1", ANSWER_NO, 8, 0);
	ws = rate(fx);
	assert_int_equal(fx->r.kq[kqi(fx, "2.1.2")].relevant, 0);
	assert_int_equal(ws->up.nkqs, 1);
	assert_int_equal(ws->up.kqs[0].kq, kqi(fx, "2.1.1"));
	assert_int_equal(ws->down.nkqs, 1);
	w22 = &fx->w.std[form_std_index(&fx->in.form, "2.2")];
	assert_true(w22->case_rated);
	assert_false(w22->up.possible);
	assert_false(w22->down.possible);
	assert_string_equal(w22->up.why_not, "no key question has relevant cases");
	says(fx, (size_t)form_std_index(&fx->in.form, "2.2"), 0,
	    "Down: not possible (no key question has relevant cases)", NULL);
	assert_false(fx->w.std[form_std_index(&fx->in.form, "1.1")].case_rated);
}

/* Two key questions below Good: up needs both raised (1 + 2 judgements);
 * down needs only the cheaper one lowered. */
static void
test_two_low_kqs(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);
	add(fx, "2.1.1", ANSWER_NO, 8, 0);		/* 60% */
	add(fx, "2.1.2", ANSWER_YES, 11, 1);
	add(fx, "2.1.2", ANSWER_NO, 9, 1);		/* 55% */
	ws = rate(fx);
	assert_int_equal(ws->from, band(fx, "requires-improvement"));
	assert_int_equal(ws->up.nkqs, 2);
	assert_int_equal(ws->up.changes, 3);
	assert_int_equal(ws->up.kqs[0].changes, 1);
	assert_int_equal(ws->up.kqs[1].changes, 2);
	assert_int_equal(ws->up.band, band(fx, "good"));
	says(fx, (size_t)form_std_index(&fx->in.form, "2.1"), 1, "Up to Good, 3 judgements: 2.1.1, 1 of its 8",
	    "; and 2.1.2, 2 of its 9 'No' cases judged 'Yes' gives 65%", NULL);
	assert_int_equal(ws->down.changes, 2);		/* 2.1.2: 9 of 20 */
	assert_int_equal(ws->down.nkqs, 1);
	assert_int_equal(ws->down.kqs[0].kq, kqi(fx, "2.1.2"));
}

/* 1.1 judged Good (2) and 2.1 Requires improvement (1): 3, one point from
 * Good at 4; either standard one band up gives it. Down to Inadequate
 * (below 2) is 2 points: both one band down. */
static void
test_overall_one_point(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	struct buf b = BUF_INIT;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);
	add(fx, "2.1.1", ANSWER_NO, 8, 0);
	fx->in.judgements[form_std_index(f, "1.1")] = band(fx, "good");
	rate(fx);
	assert_int_equal(fx->r.score, 3);
	assert_true(fx->w.up.possible);
	assert_string_equal(f->overall[fx->w.up.band].rating, "Good");
	assert_int_equal(fx->w.up.boundary, 4);
	assert_int_equal(fx->w.up.points, 1);
	assert_int_equal(fx->w.up.fewest, 1);
	assert_int_equal(fx->w.up.nsteps, 2);
	assert_int_equal(fx->w.up.steps[0].std, form_std_index(f, "2.1"));
	assert_int_equal(fx->w.up.steps[0].changes, 1);
	assert_int_equal(fx->w.up.steps[1].std, form_std_index(f, "1.1"));
	assert_int_equal(fx->w.up.steps[1].changes, WHATIF_JUDGEMENT);
	whatif_overall_text(&fx->in, &fx->w, 1, &b);
	assert_string_equal(buf_str(&b), "Up to Good at 4: 1 point more: any one of these one "
	    "band up: 2.1 (1 judgement), 1.1 (a judgement)");
	assert_true(fx->w.down.possible);
	assert_int_equal(fx->w.down.points, 2);
	assert_int_equal(fx->w.down.fewest, 2);
	buf_reset(&b);
	whatif_overall_text(&fx->in, &fx->w, 0, &b);
	assert_string_equal(buf_str(&b), "Down to Inadequate below 2: 2 points fewer: at least 2 "
	    "standards one band down, of: 2.1 (3 judgements), 1.1 (a judgement)");
	buf_free(&b);

	/* the overall waits for every counted standard: not possible */
	fx->in.judgements[form_std_index(f, "1.1")] = JUDGE_UNSET;
	rate(fx);
	assert_false(fx->w.up.possible);
	assert_string_equal(fx->w.up.why_not, "not every counted standard is rated yet");
}

/* REASON_ONE_CASE (rate's) holds exactly when a move up or down is one
 * judgement: over every tally of two key questions of up to 6 cases. */
static void
test_one_case_agrees_with_rate(void **state)
{
	struct fx *fx = *state;

	for (int n1 = 1; n1 <= 6; n1++)
		for (int y1 = 0; y1 <= n1; y1++)
			for (int n2 = 0; n2 <= 6; n2 += 3)
				for (int y2 = 0; y2 <= n2; y2++) {
					const struct whatif_std *ws;
					unsigned reasons;
					int one;

					unrate(fx);
					for (size_t i = 0; i < fx->in.ncases; i++)
						case_free(&fx->in.cases[i], &fx->in.form);
					fx->in.ncases = 0;
					add(fx, "2.1.1", ANSWER_YES, y1, 0);
					add(fx, "2.1.1", ANSWER_NO, n1 - y1, 0);
					add(fx, "2.1.2", ANSWER_YES, y2, 1);
					add(fx, "2.1.2", ANSWER_NO, n2 - y2, 1);
					ws = rate(fx);
					reasons = fx->r.std[form_std_index(&fx->in.form, "2.1")].reasons;
					one = (ws->up.possible && ws->up.changes == 1) ||
					    (ws->down.possible && ws->down.changes == 1);
					assert_int_equal(!!(reasons & REASON_ONE_CASE), one);
					assert_int_equal(ws->one_case != NULL, one);
					assert_int_equal(ws->near != NULL, !!(reasons & REASON_NEAR_BOUNDARY));
					assert_int_equal(ws->small != NULL, !!(reasons & REASON_SMALL_SAMPLE));
				}
}

/* A panel decision moves 2.1 from Requires improvement (12 of 20, one
 * judgement from Good) to Good: what would change it starts from Good, the
 * panel's to move; "Up to Good, 1 judgement" is no longer offered. Its
 * reasons stay the evidence's. */
static void
test_decided(void **state)
{
	struct fx *fx = *state;
	const struct whatif_std *ws;
	size_t s = (size_t)form_std_index(&fx->in.form, "2.1");
	struct buf b = BUF_INIT;

	add(fx, "2.1.1", ANSWER_YES, 12, 0);
	add(fx, "2.1.1", ANSWER_NO, 8, 0);
	fx->in.decisions = xcalloc(1, sizeof *fx->in.decisions);
	fx->in.decisions[0] = (struct insp_decision){ .std = s, .kq = xstrdup("2.1.1"),
	    .from = band(fx, "requires-improvement"), .to = band(fx, "good"),
	    .why = xstrdup("the plans seen were sound") };
	fx->in.ndecisions = 1;
	ws = rate(fx);
	assert_int_equal(fx->r.std[s].rating, band(fx, "good"));
	assert_true(ws->decided);
	assert_int_equal(ws->from, band(fx, "good"));
	assert_int_equal(ws->computed, band(fx, "requires-improvement"));
	assert_true(ws->up.possible && ws->up.panel && !ws->up.withdraw);
	assert_int_equal(ws->up.band, band(fx, "outstanding"));
	says(fx, s, 1, "Up to Outstanding: a new panel decision", NULL);
	assert_true(ws->down.possible && ws->down.panel && ws->down.withdraw);
	assert_int_equal(ws->down.band, band(fx, "requires-improvement"));
	says(fx, s, 0, "Down to Requires improvement: the panel's decision withdrawn", NULL);
	whatif_move_text(&fx->in, &fx->w, s, 1, &b);
	assert_null(strstr(buf_str(&b), "Up to Good"));
	buf_reset(&b);
	whatif_moves_brief(&fx->in, &fx->w, s, &b);
	assert_string_equal(buf_str(&b), "Up to Outstanding: a new decision; down to Requires "
	    "improvement: withdraw the decision");
	buf_free(&b);
	assert_non_null(ws->near);	/* 60%: the evidence's reason, as before */
}

/* ---- the South Tyneside fixture: its published figures (expected.tsv)
 * are 2.2.2 3 of 5, 2.4.3 2 of 4, 3.2.2 and 3.2.3 0 of 4, score 14/36 */

static void
test_demo_reasons(void **state)
{
	char *dir = xasprintf("%s/south-tyneside-2020", tu_env("YJINSPECT_FIXTURES"));
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct rate r;
	struct whatif w;
	const struct whatif_std *ws;
	struct buf b = BUF_INIT;

	(void)state;
	if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
		fail_msg("%s: %s", dir, p.n ? p.v[0].msg : "cannot open");
	rate_compute(&r, &in);
	whatif_compute(&w, &in, &r);

	ws = &w.std[form_std_index(&in.form, "2.2")];
	assert_string_equal(ws->near, "2.2.2: 60% (3 of 5) is 5 points below 65% (Good); one of "
	    "its 2 No cases judged Yes gives 80%, and the standard Good: ST-C03, ST-C04");
	assert_string_equal(ws->one_case, "one case judged differently changes it: 2.2.2 judged "
	    "Yes in one of ST-C03, ST-C04 gives Good; 2.2.2 judged No in one of ST-C01, ST-C02, "
	    "ST-C05 gives Inadequate");
	assert_string_equal(ws->small, "rests on 5 cases: 2.2.2 (3 of 5); a sample of 5 or fewer");

	ws = &w.std[form_std_index(&in.form, "2.1")];	/* 83%: above 80 */
	assert_string_equal(ws->near, "2.1.1: 83% (5 of 6) is 3 points above 80% (Outstanding); "
	    "one of its 5 Yes cases judged No gives 67%, and the standard Good: ST-C01, ST-C02, "
	    "ST-C03, ST-C04, ST-C06");
	assert_null(ws->small);

	ws = &w.std[form_std_index(&in.form, "2.4")];	/* 50%: at the boundary */
	assert_string_equal(ws->near, "2.4.3: 50% (2 of 4) is at 50% (Requires improvement); one "
	    "of its 2 Yes cases judged No gives 25%, and the standard Inadequate: ST-C02, ST-C03");
	assert_string_equal(ws->small, "rests on 4 to 5 cases: 2.4.2 (3 of 5), 2.4.3 (2 of 4); a "
	    "sample of 5 or fewer");
	assert_int_equal(ws->up.changes, 2);		/* 2.4.2 and 2.4.3, one each */
	assert_int_equal(ws->up.nkqs, 2);

	ws = &w.std[form_std_index(&in.form, "3.2")];	/* Inadequate, 0% twice */
	assert_null(ws->near);
	assert_null(ws->one_case);
	assert_string_equal(ws->small, "rests on 4 cases: 3.2.2 (0 of 4), 3.2.3 (0 of 4); a "
	    "sample of 5 or fewer");
	assert_false(ws->down.possible);
	assert_int_equal(ws->up.changes, 4);

	ws = &w.std[form_std_index(&in.form, "3.4")];	/* 3.4.2 has no relevant cases */
	assert_int_equal(ws->up.nkqs, 1);
	assert_int_equal(ws->up.kqs[0].kq, form_kq_index(&in.form, "3.4.1"));

	assert_int_equal(r.score, 14);
	assert_int_equal(w.up.points, 5);
	assert_int_equal(w.up.boundary, 19);
	assert_int_equal(w.up.fewest, 5);
	assert_int_equal(w.down.points, 8);
	assert_int_equal(w.down.fewest, 8);
	whatif_overall_text(&in, &w, 1, &b);
	assert_true(strncmp(buf_str(&b), "Up to Good at 19: 5 points more: at least 5 standards "
	    "one band up, of: 2.2 (1 judgement), 2.3 (1 judgement), 3.4 (1 judgement), 2.4 (2 "
	    "judgements)", 123) == 0);
	buf_free(&b);
	whatif_free(&w);
	rate_free(&r);
	insp_close(&in);
	problems_free(&p);
	free(dir);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_edge_one_case), T(test_edge_two_cases), T(test_subsample_of_one),
		T(test_kq_without_relevant_cases), T(test_two_low_kqs),
		T(test_overall_one_point), T(test_one_case_agrees_with_rate), T(test_decided),
		cmocka_unit_test(test_demo_reasons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
