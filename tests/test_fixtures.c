/* test_fixtures.c - the three published inspections, case by case.
 *
 * Each fixture folder (tests/fixtures/NAME) holds the case files of an
 * inspection whose published tables are in NAME/expected.tsv (transcribed
 * from the report by make-fixtures.py, with report line numbers). The
 * folder is opened and rated by the core exactly as `yjinspect summary`
 * does, and every published figure must come out: each key question's
 * relevant cases, 'Yes' and whole percentage, each prompt's counts (South
 * Tyneside), each standard's rating, the overall score and rating; and
 * every prompt published with fewer relevant cases than its key question
 * (N/A was answered) must allow na in the forms.
 */
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

static int
field_int(const char *s, int *out)
{
	char *end;

	if (strcmp(s, "-") == 0)
		return 0;
	*out = (int)strtol(s, &end, 10);
	return *end == '\0';
}

static int
check_row(const struct inspection *in, const struct rate *r, char **fld, int nf,
    int lineno, int *na_implied)
{
	const struct form *f = &in->form;
	int want, bad = 0;

#define MISMATCH(what, got, exp) do { \
	print_error("line %d: %s %s: %s is %d, published %d\n", lineno, fld[0], fld[1], \
	    what, got, exp); bad++; } while (0)

	if (strcmp(fld[0], "overall") == 0 && nf == 4) {
		if (field_int(fld[1], &want) && want != r->score)
			MISMATCH("score", r->score, want);
		if (field_int(fld[2], &want) && want != r->max)
			MISMATCH("max", r->max, want);
		if (r->overall < 0 || strcmp(f->overall[r->overall].rating, fld[3]) != 0) {
			print_error("line %d: overall rating is %s, published %s\n", lineno,
			    r->overall < 0 ? "none" : f->overall[r->overall].rating, fld[3]);
			bad++;
		}
	} else if (strcmp(fld[0], "standard") == 0 && nf == 3) {
		int s = form_std_index(f, fld[1]);

		assert_true(s >= 0);
		if (strcmp(rate_label(f, r->std[s].rating), fld[2]) != 0) {
			print_error("line %d: standard %s is %s, published %s\n", lineno, fld[1],
			    rate_label(f, r->std[s].rating), fld[2]);
			bad++;
		}
	} else if (strcmp(fld[0], "kq") == 0 && nf == 5) {
		int q = form_kq_index(f, fld[1]);
		const struct rate_tally *t;

		assert_true(q >= 0);
		t = &r->kq[q];
		if (field_int(fld[2], &want) && want != t->relevant)
			MISMATCH("relevant", t->relevant, want);
		if (field_int(fld[3], &want) && want != t->yes)
			MISMATCH("yes", t->yes, want);
		if (strcmp(fld[4], "-") == 0) {
			if (t->percent != RATE_NONE)
				MISMATCH("percent (published: none)", t->percent, -1);
		} else if (field_int(fld[4], &want) && want != t->percent)
			MISMATCH("percent", t->percent, want);
	} else if (strcmp(fld[0], "prompt") == 0 && nf == 4) {
		int p = form_prompt_index(f, fld[1]);

		assert_true(p >= 0);
		if (field_int(fld[2], &want) && want != r->prompt[p].relevant)
			MISMATCH("relevant", r->prompt[p].relevant, want);
		if (field_int(fld[3], &want) && want != r->prompt[p].yes)
			MISMATCH("yes", r->prompt[p].yes, want);
		/* fewer relevant cases than its key question: N/A was answered in
		 * the inspection, so the forms must allow it (prompts have no
		 * relevance condition of their own in these editions) */
		if (field_int(fld[2], &want) && want < r->kq[f->prompts[p].kq].relevant) {
			(*na_implied)++;
			if (!f->prompts[p].na || f->prompts[p].relevant != NULL) {
				print_error("line %d: prompt %s: published %d relevant of key question "
				    "%s's %d, but its forms entry does not allow na\n", lineno, fld[1],
				    want, f->kqs[f->prompts[p].kq].id, r->kq[f->prompts[p].kq].relevant);
				bad++;
			}
		}
	} else {
		fail_msg("expected.tsv line %d: unknown row '%s' with %d fields", lineno, fld[0], nf);
	}
	return bad;
}

/* NA_IMPLIED: how many published prompts have fewer relevant cases than
 * their key question (each must allow na) */
static void
check_fixture(const char *name, int want_rows, int want_na_implied)
{
	char *dir = xasprintf("%s/%s", tu_env("YJINSPECT_FIXTURES"), name);
	char *path = xasprintf("%s/expected.tsv", dir);
	char *text = tu_read(path, NULL);
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct rate r;
	int lineno = 0, rows = 0, bad = 0, na_implied = 0;

	assert_non_null(text);
	if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
		fail_msg("%s: %s", dir, p.n ? p.v[0].msg : "cannot open");
	insp_check(&in, &p);
	for (size_t i = 0; i < p.n; i++) {
		/* the source tree's modes are git's (0755, 0644): that warning
		 * is right, and no other problem may be there */
		if (strstr(p.v[i].msg, ": group or others can ") != NULL)
			continue;
		print_error("problem: %s\n", p.v[i].msg);
		bad++;
	}
	assert_int_equal(bad, 0);	/* complete: every relevant question answered */
	rate_compute(&r, &in);

	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *fld[8] = { NULL }, *save = NULL;
		int nf = 0;

		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		/* strtok_r on tabs: fields are never empty */
		for (char *t = strtok_r(line, "\t", &save); t && nf < 8; t = strtok_r(NULL, "\t", &save))
			fld[nf++] = t;
		assert_true(nf >= 1);
		bad += check_row(&in, &r, fld, nf, lineno, &na_implied);
		rows++;
	}
	assert_int_equal(bad, 0);
	assert_int_equal(rows, want_rows);
	assert_int_equal(na_implied, want_na_implied);
	rate_free(&r);
	insp_close(&in);
	problems_free(&p);
	free(text);
	free(path);
	free(dir);
}

/* every key question and prompt: 1 overall + 12 standards + 23 kqs + 93
 * prompts, 13 of which have fewer relevant cases than their key question */
static void
test_south_tyneside_2020(void **state)
{
	(void)state;
	check_fixture("south-tyneside-2020", 1 + 12 + 23 + 93, 13);
}

/* key-question percentages: 1 + 13 standards + 21 kqs */
static void
test_northumberland_2023(void **state)
{
	(void)state;
	check_fixture("northumberland-2023", 1 + 13 + 21, 0);
}

/* key-question percentages: 1 + 12 + 23 */
static void
test_south_tees_2019(void **state)
{
	(void)state;
	check_fixture("south-tees-2019", 1 + 12 + 23, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_south_tyneside_2020),
		cmocka_unit_test(test_northumberland_2023),
		cmocka_unit_test(test_south_tees_2019),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
