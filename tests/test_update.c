/* test_update.c - rate_update against rate_compute: after every one of
 * thousands of random edits to the published fixtures (answers of key
 * questions and prompts set, changed and cleared, N/A where allowed, facts
 * set and cleared, decisions added), updating the ratings for the one case
 * that changed gives exactly what computing them all again gives: every
 * tally, percentage and band, every standard's sample, rating, reasons,
 * decision and score, the overall and the completeness counts. */
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

static void
same_tally(const struct rate_tally *a, const struct rate_tally *b, const char *what,
    const char *id, int step)
{
	if (a->relevant != b->relevant || a->yes != b->yes || a->percent != b->percent ||
	    a->band != b->band)
		fail_msg("step %d: %s %s: updated %d/%d %d%% band %d, computed %d/%d %d%% band %d",
		    step, what, id, a->yes, a->relevant, a->percent, a->band, b->yes, b->relevant,
		    b->percent, b->band);
}

static void
same_rate(const struct form *f, const struct rate *u, const struct rate *c, int step)
{
	for (size_t q = 0; q < f->nkqs; q++)
		same_tally(&u->kq[q], &c->kq[q], "key question", f->kqs[q].id, step);
	for (size_t p = 0; p < f->nprompts; p++)
		same_tally(&u->prompt[p], &c->prompt[p], "prompt", f->prompts[p].id, step);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct rate_std *a = &u->std[s], *b = &c->std[s];

		if (a->sample != b->sample || a->computed != b->computed || a->rating != b->rating ||
		    a->score != b->score || a->lowest_kq != b->lowest_kq ||
		    a->reasons != b->reasons || a->decision != b->decision || a->stale != b->stale)
			fail_msg("step %d: standard %s: updated sample %d rating %d (%d) score %d "
			    "reasons %u, computed sample %d rating %d (%d) score %d reasons %u", step,
			    f->stds[s].id, a->sample, a->rating, a->computed, a->score, a->reasons,
			    b->sample, b->rating, b->computed, b->score, b->reasons);
	}
	if (u->score != c->score || u->max != c->max || u->rated != c->rated ||
	    u->counted != c->counted || u->overall != c->overall ||
	    u->unanswered != c->unanswered || u->cases_unanswered != c->cases_unanswered ||
	    u->cases_undetermined != c->cases_undetermined)
		fail_msg("step %d: updated score %d/%d overall %d unanswered %d (%d cases) "
		    "undetermined %d; computed %d/%d overall %d unanswered %d (%d cases) "
		    "undetermined %d", step, u->score, u->max, u->overall, u->unanswered,
		    u->cases_unanswered, u->cases_undetermined, c->score, c->max, c->overall,
		    c->unanswered, c->cases_unanswered, c->cases_undetermined);
}

/* One random edit of case CI, in memory (as an edit leaves it). */
static void
edit(struct inspection *in, size_t ci)
{
	const struct form *f = &in->form;
	struct case_file *c = &in->cases[ci];
	int what = rand() % 10;

	if (what < 4) {			/* a key question: none, yes, no */
		c->kq_answer[(size_t)rand() % f->nkqs] = (unsigned char)(rand() % 3);
	} else if (what < 8) {		/* a prompt: none, yes, no, N/A where allowed */
		size_t p = (size_t)rand() % f->nprompts;
		int a = rand() % 4;

		if (a == ANSWER_NA && !f->prompts[p].na)
			a = ANSWER_NO;
		c->prompt_answer[p] = (unsigned char)a;
	} else {			/* a fact: any choice, or not recorded */
		size_t fi = (size_t)rand() % f->nfacts;

		if (f->facts[fi].type == FACT_TEXT)
			return;
		c->facts[fi] = rand() % 5 == 0 ? COND_UNSET :
		    rand() % (int)f->facts[fi].nchoices;
	}
}

static void
check_fixture(const char *name, int steps)
{
	char *dir = xasprintf("%s/%s", tu_env("YJINSPECT_FIXTURES"), name);
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct rate r, fresh;

	if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
		fail_msg("%s: %s", dir, p.n ? p.v[0].msg : "cannot open");
	problems_free(&p);
	srand(20261203);
	rate_compute(&r, &in);
	for (int step = 0; step < steps; step++) {
		size_t ci = (size_t)rand() % in.ncases;

		/* now and then a panel decision on a case-rated standard, which
		 * the edits then make stale or not */
		if (step == steps / 3) {
			for (size_t s = 0; s < in.form.nstds; s++)
				if (in.form.stds[s].rating == RATING_CASES) {
					struct insp_decision d = { s, NULL, 1, 2, xstrdup("test"),
					    NULL, NULL };

					in.decisions = xrealloc(in.decisions,
					    (in.ndecisions + 1) * sizeof *in.decisions);
					in.decisions[in.ndecisions++] = d;
					break;
				}
			rate_free(&r);	/* a decision is not a case: computed again */
			rate_compute(&r, &in);
		}
		edit(&in, ci);
		rate_update(&r, &in, ci);
		rate_compute(&fresh, &in);
		same_rate(&in.form, &r, &fresh, step);
		rate_free(&fresh);
	}
	rate_free(&r);
	insp_close(&in);
	free(dir);
}

static void
test_south_tyneside(void **state)
{
	(void)state;
	check_fixture("south-tyneside-2020", 3000);
}

static void
test_northumberland(void **state)
{
	(void)state;
	check_fixture("northumberland-2023", 2000);
}

/* cases added since the ratings were computed: computed again in full */
static void
test_cases_added(void **state)
{
	char *dir = xasprintf("%s/south-tyneside-2020", tu_env("YJINSPECT_FIXTURES"));
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct rate r, fresh;
	size_t n;

	(void)state;
	if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
		fail_msg("%s", dir);
	problems_free(&p);
	rate_compute(&r, &in);
	n = in.ncases;
	in.ncases = n - 3;	/* as if three were not read yet */
	rate_update(&r, &in, 0);
	rate_compute(&fresh, &in);
	same_rate(&in.form, &r, &fresh, -1);
	rate_free(&fresh);
	in.ncases = n;
	rate_update(&r, &in, n - 1);
	rate_compute(&fresh, &in);
	same_rate(&in.form, &r, &fresh, -2);
	rate_free(&fresh);
	rate_free(&r);
	insp_close(&in);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_south_tyneside),
		cmocka_unit_test(test_northumberland),
		cmocka_unit_test(test_cases_added),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
