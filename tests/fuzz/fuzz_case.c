/* fuzz_case.c - the case loader (case_load) on any bytes.
 *
 * The input is written to a case file and loaded against each framework
 * in the forms folder (yj-2019 and yj-2021: a case names its own). On
 * success the case must be consistent with its framework (every fact a
 * choice it has, every answer one the question allows), the checks that
 * use it must run (case_check, case_progress), and saving it and loading
 * it again must give back every fact, answer, note and stamp: no answer
 * is lost on the way through the writer. On failure every error must name
 * the file and the case must hold nothing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/case.h"
#include "model/form.h"
#include "fuzz.h"


static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void
check_case(const struct case_file *c, const struct form *f, const char *path)
{
	int answered, total;

	FUZZ_CHECK(c->path && strcmp(c->path, path) == 0);
	FUZZ_CHECK(c->name >= c->path && c->name < c->path + strlen(c->path));
	FUZZ_CHECK(strchr(c->name, '/') == NULL);
	FUZZ_CHECK(c->disk.known);
	FUZZ_CHECK(c->lock_depth == 0);
	for (size_t i = 0; i < f->nfacts; i++) {
		const struct form_fact *fa = &f->facts[i];

		if (fa->type == FACT_TEXT)
			FUZZ_CHECK(c->facts[i] == COND_UNSET);
		else
			FUZZ_CHECK(c->fact_text[i] == NULL && (c->facts[i] == COND_UNSET ||
			    (c->facts[i] >= 0 && (size_t)c->facts[i] < fa->nchoices)));
	}
	for (size_t q = 0; q < f->nkqs; q++) {
		FUZZ_CHECK(c->kq_answer[q] <= ANSWER_NO);
		FUZZ_CHECK(c->kq_answer[q] == ANSWER_NONE ||
		    f->stds[f->kqs[q].std].rating == RATING_CASES);
		FUZZ_CHECK(c->notes[q] == NULL || c->notes[q][0] != '\0');
	}
	for (size_t i = 0; i < f->nprompts; i++) {
		FUZZ_CHECK(c->prompt_answer[i] <= ANSWER_NA);
		FUZZ_CHECK(c->prompt_answer[i] != ANSWER_NA || f->prompts[i].na);
	}
	case_progress(c, f, &answered, &total);
	FUZZ_CHECK(answered >= 0 && answered <= total);
	for (size_t s = 0; s < f->nstds; s++)
		FUZZ_CHECK(case_std_applies(c, f, s) <= COND_UNKNOWN);
}

/* A and B hold the same facts, answers, notes and stamps. */
static void
check_same(const struct case_file *a, const struct case_file *b, const struct form *f)
{
	FUZZ_CHECK(same_str(a->reference, b->reference));
	FUZZ_CHECK(same_str(a->inspector, b->inspector));
	FUZZ_CHECK(same_str(a->created, b->created));
	for (size_t i = 0; i < f->nfacts; i++) {
		FUZZ_CHECK(a->facts[i] == b->facts[i]);
		FUZZ_CHECK(same_str(a->fact_text[i], b->fact_text[i]));
	}
	for (size_t q = 0; q < f->nkqs; q++) {
		FUZZ_CHECK(a->kq_answer[q] == b->kq_answer[q]);
		FUZZ_CHECK(same_str(a->notes[q], b->notes[q]));
	}
	for (size_t i = 0; i < f->nprompts; i++)
		FUZZ_CHECK(a->prompt_answer[i] == b->prompt_answer[i]);
	for (size_t i = 0; i < f->nkqs + f->nprompts; i++) {
		/* the same text, made again from each */
		char *x = stamp_text(&a->stamps[i]), *y = stamp_text(&b->stamps[i]);
		int same = same_str(x, y);

		free(x);
		free(y);
		FUZZ_CHECK(same);
	}
}

static void
one(const struct form *f, const char *path)
{
	struct problems p = PROBLEMS_INIT;
	struct case_file c, again;
	struct err e;

	if (case_load(&c, f, path, &p) < 0) {
		fuzz_note("case (%s): refused: %s", f->id, p.n ? p.v[0].msg : "");
		FUZZ_CHECK(c.path == NULL);
		FUZZ_CHECK(p.nerrors > 0);
		for (size_t i = 0; i < p.n; i++)
			if (strstr(p.v[i].msg, path) == NULL)
				fuzz_fail("a case_load error does not name %s: \"%s\"", path, p.v[i].msg);
		problems_free(&p);
		return;
	}
	fuzz_note("case (%s): loaded", f->id);
	FUZZ_CHECK(p.nerrors == 0);
	check_case(&c, f, path);
	case_check(&c, f, &p);
	FUZZ_CHECK(p.nerrors == 0);
	problems_free(&p);

	/* saved and read back, it is the same case */
	if (case_save(&c, f, &e) < 0)
		fuzz_fail("a case that loaded cannot be saved: %s", e.msg);
	if (case_load(&again, f, path, &p) < 0)
		fuzz_fail("a case that loaded and was saved cannot be loaded again: %s",
		    p.n ? p.v[0].msg : "");
	check_same(&c, &again, f);
	problems_free(&p);
	case_free(&again, f);
	case_free(&c, f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nforms;
	const struct form *forms = fuzz_forms(&nforms);

	for (size_t i = 0; i < nforms; i++)
		one(&forms[i], fuzz_write("case.ini", data, size));
	return 0;
}
