/* fuzz_insp.c - inspection.ini (insp_open) on any bytes.
 *
 * The input is written as the inspection.ini of a folder with an empty
 * cases/ and opened with the forms folder's frameworks. On success the
 * inspection must be consistent with its framework (every judgement a band
 * or not-rated of a judgement-rated standard, every decision's standard,
 * bands and key question real, every decision's reason given), the
 * ratings and the whole-inspection checks must run over it, and when it
 * opened without errors, saving it and opening it again must give back
 * every field, judgement, decision and finding. On failure every error
 * must name the file and the inspection must hold nothing.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "model/insp.h"
#include "model/rate.h"

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void
check_insp(const struct inspection *in)
{
	const struct form *f = &in->form;
	struct problems p = PROBLEMS_INIT;
	struct rate r;

	FUZZ_CHECK(in->framework && f->id && strcmp(in->framework, f->id) == 0);
	FUZZ_CHECK(in->ncases == 0 && in->nleft_out == 0);
	for (size_t s = 0; s < f->nstds; s++) {
		int j = in->judgements[s];

		FUZZ_CHECK(j == JUDGE_UNSET || j == JUDGE_NOT_RATED ||
		    (j >= 0 && (size_t)j < f->nbands));
		FUZZ_CHECK(j == JUDGE_UNSET || f->stds[s].rating == RATING_JUDGEMENT);
	}
	for (size_t i = 0; i < in->ndecisions; i++) {
		const struct insp_decision *d = &in->decisions[i];

		FUZZ_CHECK(d->std < f->nstds && f->stds[d->std].rating == RATING_CASES);
		FUZZ_CHECK(d->from >= 0 && (size_t)d->from < f->nbands);
		FUZZ_CHECK(d->to >= 0 && (size_t)d->to < f->nbands);
		FUZZ_CHECK(d->why && d->why[strspn(d->why, " \t\n")] != '\0');
		if (d->kq) {
			int q = form_kq_index(f, d->kq);

			FUZZ_CHECK(q >= 0 && f->kqs[q].std == d->std);
		}
	}
	rate_compute(&r, in);
	FUZZ_CHECK(r.score >= 0 && r.score <= r.max && r.max == f->max_score);
	rate_free(&r);
	insp_check(in, &p);
	FUZZ_CHECK(p.nerrors == 0);
	problems_free(&p);
}

static void
check_same(const struct inspection *a, const struct inspection *b)
{
	const struct form *f = &a->form;

	FUZZ_CHECK(same_str(a->framework, b->framework));
	FUZZ_CHECK(same_str(a->service, b->service));
	FUZZ_CHECK(same_str(a->lead, b->lead));
	FUZZ_CHECK(same_str(a->fieldwork_start, b->fieldwork_start));
	FUZZ_CHECK(same_str(a->fieldwork_end, b->fieldwork_end));
	FUZZ_CHECK(same_str(a->created, b->created));
	FUZZ_CHECK(f->nstds == b->form.nstds);
	for (size_t s = 0; s < f->nstds; s++) {
		FUZZ_CHECK(a->judgements[s] == b->judgements[s]);
		FUZZ_CHECK(same_str(a->strengths[s], b->strengths[s]));
		FUZZ_CHECK(same_str(a->improvements[s], b->improvements[s]));
	}
	FUZZ_CHECK(a->ndecisions == b->ndecisions);
	for (size_t i = 0; i < a->ndecisions; i++) {
		const struct insp_decision *x = &a->decisions[i], *y = &b->decisions[i];

		FUZZ_CHECK(x->std == y->std && x->from == y->from && x->to == y->to);
		FUZZ_CHECK(same_str(x->kq, y->kq) && same_str(x->why, y->why));
		FUZZ_CHECK(same_str(x->by, y->by) && same_str(x->at, y->at));
	}
}

static void
check_errors(const struct problems *p, const char *path)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].level == PROBLEM_ERROR && strstr(p->v[i].msg, path) == NULL)
			fuzz_fail("an insp_open error does not name %s: \"%s\"", path, p->v[i].msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct inspection empty;
	struct problems p = PROBLEMS_INIT;
	struct inspection in, again;
	char dir[4096];
	const char *path;
	struct err e;

	path = fuzz_write("insp/inspection.ini", data, size);
	snprintf(dir, sizeof dir, "%s/insp", fuzz_dir());
	if (insp_open(&in, dir, fuzz_forms_dir(), &p) < 0) {
		fuzz_note("inspection: refused: %s", p.n ? p.v[0].msg : "");
		FUZZ_CHECK(p.nerrors > 0);
		check_errors(&p, path);
		FUZZ_CHECK(memcmp(&in, &empty, sizeof in) == 0);
		problems_free(&p);
		return 0;
	}
	fuzz_note("inspection: opened, %zu errors, %zu decisions", p.nerrors, in.ndecisions);
	check_errors(&p, path);
	check_insp(&in);
	if (p.nerrors == 0) {
		/* saved and opened again, it is the same inspection */
		if (insp_save(&in, &e) < 0)
			fuzz_fail("an inspection that opened cannot be saved: %s", e.msg);
		if (insp_open(&again, dir, fuzz_forms_dir(), &p) < 0)
			fuzz_fail("a saved inspection cannot be opened again: %s",
			    p.n ? p.v[p.n - 1].msg : "");
		FUZZ_CHECK(p.nerrors == 0);
		check_same(&in, &again);
		insp_close(&again);
	}
	problems_free(&p);
	insp_close(&in);
	return 0;
}
