/* test_form.c - forms files: the two bundled editions load and hold what
 * the reports publish; a bad forms file is refused with an error that names
 * the file, the line, the section and the problem. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/form.h"
#include "testutil.h"
#include "base/xalloc.h"

static const char good[] =
"[framework]\n"
"id = t\n"
"title = \"test\"\n"
"[fact.case_type]\nlabel = \"Case type\"\ntype = choice\nchoices = \"court oocd\"\n"
"choice.court = \"Court\"\nchoice.oocd = \"Out of court\"\n"
"[fact.flag]\nlabel = \"Flag\"\ntype = bool\n"
"[band.low]\nlabel = \"Minority\"\nrating = \"Inadequate\"\nmin = 0\nscore = 0\n"
"[band.high]\nlabel = \"Most\"\nrating = \"Good\"\nmin = 50\nscore = 1\n"
"[overall.low]\nrating = \"Inadequate\"\nmin = 0\n"
"[domain.2]\nname = \"Court\"\n"
"[standard.2.1]\ndomain = 2\nname = \"Assessment\"\nrating = cases\napplies = \"case_type == court\"\n"
"[kq.2.1.1]\nstandard = 2.1\ntext = \"Q?\"\nrelevant = \"flag and case_type in (court, oocd)\"\n"
"[prompt.2.1.1.1]\nkq = 2.1.1\ntext = \"P?\"\nna = yes\n";

/* Replace the first FROM in GOOD by TO, load it as t.ini, expect failure
 * with every NEEDLE (NULL-terminated) in the message. */
static void
refused(const char *dir, const char *from, const char *to, ...)
{
	struct form f;
	struct err e;
	char *text = tu_replace(good, from, to), *path;
	va_list ap;

	tu_write(dir, "t.ini", text);
	path = xasprintf("%s/t.ini", dir);
	if (form_load(&f, path, &e) == 0)
		fail_msg("loaded a bad forms file:\n%s", text);
	va_start(ap, to);
	tu_says(e.msg, ap);
	va_end(ap);
	/* every message names the file */
	assert_non_null(strstr(e.msg, path));
	free(text);
	free(path);
}

static void
test_good_loads(void **state)
{
	const char *dir = *state;
	struct form f;
	struct err e;

	tu_write(dir, "t.ini", good);
	if (form_load_id(&f, dir, "t", &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(f.nfacts, 2);
	assert_int_equal(f.nstds, 1);
	assert_int_equal(f.nkqs, 1);
	assert_int_equal(f.nprompts, 1);
	assert_true(f.prompts[0].na);
	assert_int_equal(f.max_score, 1);
	form_free(&f);
}

static void
test_unknown_framework(void **state)
{
	const char *dir = *state;
	struct form f;
	struct err e;

	tu_write(dir, "t.ini", good);
	assert_int_equal(form_load_id(&f, dir, "yj-2031", &e), -1);
	assert_non_null(strstr(e.msg, "unknown framework 'yj-2031'"));
	assert_non_null(strstr(e.msg, "has: t"));
	assert_int_equal(form_load_id(&f, dir, "../etc/passwd", &e), -1);
}

/* choice.X.when: a condition on the facts above; X must be a choice */
static void test_choice_when_bad_fact(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n",
	    "choice.oocd = \"Out of court\"\nchoice.oocd.when = \"tier == 3\"\n",
	    "[fact.case_type]", "choice.oocd.when", "bad condition", NULL);
}
static void test_choice_when_not_a_choice(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n",
	    "choice.oocd = \"Out of court\"\nchoice.crown.when = \"case_type == court\"\n",
	    "[fact.case_type]", "'crown' is not in choices", NULL);
}
static void test_choice_when_bad_key(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n",
	    "choice.oocd = \"Out of court\"\nchoice.oocd.whenever = \"case_type == court\"\n",
	    "choice.oocd.whenever", "unknown key", NULL);
}

static void test_choice_when_on_itself(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n",
	    "choice.oocd = \"Out of court\"\nchoice.oocd.when = \"case_type == court\"\n",
	    "choice.oocd.when", "not on case_type itself", NULL);
}

/* a fact's short label and the condition it is asked on */
static void test_fact_short_too_long(void **s) {
	refused(*s, "label = \"Flag\"\n", "label = \"Flag\"\nshort = \"A label far too long\"\n",
	    "[fact.flag]", "short", "longer than 16", NULL);
}
static void test_fact_asked_on_itself(void **s) {
	refused(*s, "label = \"Flag\"\n", "label = \"Flag\"\nasked = \"flag\"\n",
	    "[fact.flag]", "asked", "flag", NULL);
}
static void test_fact_asked_on_later_fact(void **s) {
	refused(*s, "label = \"Case type\"\n", "label = \"Case type\"\nasked = \"flag\"\n",
	    "[fact.case_type]", "asked", "flag", NULL);
}
static void test_std_short_too_long(void **s) {
	refused(*s, "name = \"Assessment\"", "name = \"Assessment\"\nshort = \"Assessment of it\"",
	    "[standard.2.1]", "short", "longer than 12", NULL);
}
static void
test_fact_short_and_asked_load(void **state)
{
	struct form f;
	struct err e;
	char *text = tu_replace(good, "label = \"Flag\"\n",
	    "label = \"Flag\"\nshort = \"Fl\"\nasked = \"case_type == court\"\n"), *path;

	tu_write(*state, "t.ini", text);
	path = xasprintf("%s/t.ini", (char *)*state);
	if (form_load(&f, path, &e) < 0)
		fail_msg("%s", e.msg);
	assert_string_equal(f.facts[1].short_label, "Fl");
	assert_non_null(f.facts[1].asked);
	assert_string_equal(f.facts[1].asked_src, "case_type == court");
	form_free(&f);
	free(text);
	free(path);
}

static void test_unknown_key(void **s) {
	refused(*s, "name = \"Assessment\"", "name = \"Assessment\"\ncolour = red",
	    "t.ini:", "[standard.2.1]", "colour", "unknown key", NULL);
}
static void test_unknown_section(void **s) {
	refused(*s, "[domain.2]", "[widget.1]\nx = 1\n[domain.2]", "[widget.1]", "unknown section", NULL);
}
static void test_duplicate_section(void **s) {
	refused(*s, "[domain.2]\nname = \"Court\"\n",
	    "[domain.2]\nname = \"Court\"\n[domain.2]\nname = \"Again\"\n", "duplicate", "domain.2", NULL);
}
static void test_duplicate_key(void **s) {
	refused(*s, "text = \"Q?\"", "text = \"Q?\"\ntext = \"Again?\"", "duplicate", "text", NULL);
}
static void test_duplicate_id_kq_prompt(void **s) {
	refused(*s, "[prompt.2.1.1.1]", "[prompt.2.1.1]", "duplicate id '2.1.1'", NULL);
}
static void test_bad_condition_syntax(void **s) {
	refused(*s, "relevant = \"flag and case_type in (court, oocd)\"",
	    "relevant = \"flag and (case_type == court\"", "[kq.2.1.1]", "relevant",
	    "bad condition", "expected ')'", NULL);
}
static void test_bad_condition_fact(void **s) {
	refused(*s, "relevant = \"flag and case_type in (court, oocd)\"",
	    "relevant = \"flags\"", "unknown fact 'flags'", NULL);
}
static void test_bad_condition_value(void **s) {
	refused(*s, "applies = \"case_type == court\"", "applies = \"case_type == crown\"",
	    "[standard.2.1]", "applies", "'crown' is not a value", NULL);
}
static void test_bad_condition_bool_use(void **s) {
	refused(*s, "applies = \"case_type == court\"", "applies = \"case_type\"",
	    "is not yes/no", NULL);
}
static void test_dangling_standard(void **s) {
	refused(*s, "standard = 2.1", "standard = 2.9", "[kq.2.1.1]", "no [standard.2.9]", NULL);
}
static void test_dangling_kq(void **s) {
	refused(*s, "kq = 2.1.1", "kq = 2.1.7", "[prompt.2.1.1.1]", "no [kq.2.1.7]", NULL);
}
static void test_dangling_domain(void **s) {
	refused(*s, "domain = 2", "domain = 5", "no [domain.5]", NULL);
}
static void test_bad_rating_kind(void **s) {
	refused(*s, "rating = cases", "rating = vibes", "'vibes' is not cases or judgement", NULL);
}
static void test_bad_band_order(void **s) {
	refused(*s, "min = 50", "min = 0", "[band.high]", "lowest first", NULL);
}
static void test_bad_number(void **s) {
	refused(*s, "min = 50", "min = 5O", "'5O' is not a whole number", NULL);
}
static void test_bad_bool(void **s) {
	refused(*s, "na = yes", "na = maybe", "'maybe' is not yes or no", NULL);
}
static void test_id_mismatch(void **s) {
	refused(*s, "id = t", "id = other", "does not match the file name", NULL);
}
static void test_missing_text(void **s) {
	refused(*s, "text = \"Q?\"\n", "", "[kq.2.1.1]", "missing 'text'", NULL);
}
static void test_choice_label_missing(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n", "", "missing 'choice.oocd'", NULL);
}
static void test_choice_label_stray(void **s) {
	refused(*s, "choice.oocd = \"Out of court\"\n",
	    "choice.oocd = \"Out of court\"\nchoice.youth = \"Y\"\n", "'youth' is not in choices", NULL);
}
static void test_bad_type(void **s) {
	refused(*s, "type = bool", "type = number", "'number' is not choice, bool or text", NULL);
}
static void test_long_line(void **s) {
	char *long_text = xmalloc(1200);

	memset(long_text, 'a', 1100);
	long_text[1100] = '\0';
	{
		char *to = xasprintf("text = \"%s\"", long_text);

		refused(*s, "text = \"Q?\"", to, "t.ini:", "line", NULL);
		free(to);
	}
	free(long_text);
}
static void test_no_case_kqs(void **s) {
	refused(*s, "[kq.2.1.1]\nstandard = 2.1\ntext = \"Q?\"\nrelevant = \"flag and case_type in (court, oocd)\"\n"
	    "[prompt.2.1.1.1]\nkq = 2.1.1\ntext = \"P?\"\nna = yes\n", "",
	    "[standard.2.1]", "needs key questions", NULL);
}

/* The bundled editions: the structure the reports publish. */
static void
test_bundled_2019(void **state)
{
	char *path = tu_forms_path("yj-2019.ini");
	struct form f;
	struct err e;
	int cases = 0;

	(void)state;
	if (form_load(&f, path, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(f.nstds, 12);
	assert_int_equal(f.ncounted, 12);
	assert_int_equal(f.max_score, 36);
	for (size_t i = 0; i < f.nstds; i++)
		cases += f.stds[i].rating == RATING_CASES;
	assert_int_equal(cases, 8);	/* 2.1-2.4, 3.1-3.4 (Joint working) */
	assert_int_equal(f.stds[form_std_index(&f, "3.4")].nkqs, 2);
	assert_string_equal(f.kqs[form_kq_index(&f, "3.4.2")].relevant_src, "disposal == ycc");
	assert_int_equal(f.stds[form_std_index(&f, "1.2")].nkqs, 4);	/* 1.2.1-1.2.4 */
	assert_int_equal(f.nprompts, 93);
	assert_string_equal(f.overall[form_overall_for(&f, 14)].rating, "Requires improvement");
	assert_string_equal(f.overall[form_overall_for(&f, 18)].rating, "Requires improvement");
	assert_string_equal(f.overall[form_overall_for(&f, 19)].rating, "Good");
	assert_string_equal(f.overall[form_overall_for(&f, 31)].rating, "Outstanding");
	assert_string_equal(f.overall[form_overall_for(&f, 6)].rating, "Inadequate");
	form_free(&f);
	free(path);
}

static void
test_bundled_2021(void **state)
{
	char *path = tu_forms_path("yj-2021.ini");
	struct form f;
	struct err e;
	int s34, s41;

	(void)state;
	if (form_load(&f, path, &e) < 0)
		fail_msg("%s", e.msg);
	s34 = form_std_index(&f, "3.4");
	s41 = form_std_index(&f, "4.1");
	assert_true(s34 >= 0 && s41 >= 0);
	assert_int_equal(f.stds[s34].rating, RATING_JUDGEMENT);
	assert_true(f.stds[s34].counted);
	assert_int_equal(f.stds[s41].rating, RATING_JUDGEMENT);
	assert_false(f.stds[s41].counted);
	assert_int_equal(f.ncounted, 12);
	assert_int_equal(f.max_score, 36);
	assert_true(form_choice_index(&f.facts[form_fact_index(&f, "case_type")], "resettlement") >= 0);
	form_free(&f);
	free(path);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, tu_setup_dir, tu_teardown_dir)
	const struct CMUnitTest tests[] = {
		T(test_good_loads), T(test_unknown_framework), T(test_unknown_key),
		T(test_unknown_section), T(test_duplicate_section), T(test_duplicate_key),
		T(test_duplicate_id_kq_prompt), T(test_bad_condition_syntax),
		T(test_bad_condition_fact), T(test_bad_condition_value),
		T(test_bad_condition_bool_use), T(test_dangling_standard), T(test_dangling_kq),
		T(test_dangling_domain), T(test_bad_rating_kind), T(test_bad_band_order),
		T(test_bad_number), T(test_bad_bool), T(test_id_mismatch), T(test_missing_text),
		T(test_choice_label_missing), T(test_choice_label_stray), T(test_bad_type),
		T(test_long_line), T(test_no_case_kqs), T(test_choice_when_bad_fact),
		T(test_choice_when_not_a_choice), T(test_choice_when_bad_key),
		T(test_choice_when_on_itself), T(test_fact_short_too_long),
		T(test_fact_asked_on_itself), T(test_fact_asked_on_later_fact),
		T(test_std_short_too_long), T(test_fact_short_and_asked_load),
		cmocka_unit_test(test_bundled_2019), cmocka_unit_test(test_bundled_2021),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
