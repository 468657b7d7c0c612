/* test_case.c - case files: a full round trip of facts, answers, hostile
 * notes and stamps through save and load; every kind of bad value refused
 * with the file, section and key named; relevance from facts; warnings;
 * which prompts allow N/A. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "model/case.h"
#include "testutil.h"
#include "base/xalloc.h"

struct fx {
	char *dir;
	struct form f;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	char *path = tu_forms_path("yj-2019.ini");
	struct err e;

	if (form_load(&fx->f, path, &e) < 0)
		fail_msg("%s", e.msg);
	free(path);
	fx->dir = tu_tmpdir();
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	tu_rmtree(fx->dir);
	free(fx->dir);
	form_free(&fx->f);
	free(fx);
	return 0;
}

static void
set_fact(struct fx *fx, struct case_file *c, const char *fact, const char *value)
{
	int fi = form_fact_index(&fx->f, fact);

	assert_true(fi >= 0);
	c->facts[fi] = form_choice_index(&fx->f.facts[fi], value);
	assert_true(c->facts[fi] >= 0);
}

static int
kq(struct fx *fx, const char *id)
{
	int q = form_kq_index(&fx->f, id);

	assert_true(q >= 0);
	return q;
}

static int
pr(struct fx *fx, const char *id)
{
	int p = form_prompt_index(&fx->f, id);

	assert_true(p >= 0);
	return p;
}

static void
test_round_trip(void **state)
{
	struct fx *fx = *state;
	char *path = xasprintf("%s/c1.ini", fx->dir);
	struct problems p = PROBLEMS_INIT;
	struct case_file c, d;
	struct err e;
	struct stat st;
	char hostile[12000];
	size_t n = 0;

	/* every byte but NUL, then UTF-8, quotes, escapes, ini syntax */
	for (int b = 1; b < 256; b++)
		hostile[n++] = (char)b;
	n += (size_t)snprintf(hostile + n, sizeof hostile - n,
	    "\n; not a comment\n# nor this\n[answers]\n2.1.1 = no\n\"quoted\" \\x22 \\\\ \\n "
	    "Ré’sumé — “child” = %s;#", "value");
	while (n < sizeof hostile - 100)
		hostile[n] = (char)('a' + n % 26), n++;
	hostile[n++] = '\\';
	hostile[n] = '\0';

	case_init(&c, &fx->f, path);
	c.reference = xstrdup("ST-C01 \"the\" ; # = ref");
	c.inspector = xstrdup("Siobhan O’Neill\tand \\ co");
	c.created = xstrdup("2020-10-19T09:00:00Z");
	set_fact(fx, &c, "case_type", "court");
	set_fact(fx, &c, "disposal", "yro");
	set_fact(fx, &c, "child_safety", "yes");
	set_fact(fx, &c, "others_safety", "no");
	c.kq_answer[kq(fx, "2.1.1")] = ANSWER_YES;
	c.kq_answer[kq(fx, "2.2.2")] = ANSWER_NO;
	c.prompt_answer[pr(fx, "2.1.1.4")] = ANSWER_NA;
	c.prompt_answer[pr(fx, "2.1.1.1")] = ANSWER_NO;
	c.notes[kq(fx, "2.1.1")] = xstrdup(hostile);
	c.notes[kq(fx, "2.2.2")] = xstrdup("");
	stamp_set(case_stamp(&c, &fx->f, 0, (size_t)kq(fx, "2.1.1")),
	    "2020-10-19T09:10:00Z Siobhan O’Neill");
	stamp_set(case_stamp(&c, &fx->f, 1, (size_t)pr(fx, "2.1.1.4")), "2020-10-19T09:09:00Z A");
	/* a stamp edited by hand into another form is kept as it is */
	stamp_set(case_stamp(&c, &fx->f, 1, (size_t)pr(fx, "2.1.1.1")), "2020-02-30T09:09:00Z odd");
	stamp_set(case_stamp(&c, &fx->f, 0, (size_t)kq(fx, "2.2.2")), "yesterday, Bo");
	if (case_save(&c, &fx->f, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	if (case_load(&d, &fx->f, path, &p) < 0)
		fail_msg("%s", p.v[0].msg);
	assert_string_equal(d.reference, c.reference);
	assert_string_equal(d.inspector, c.inspector);
	assert_string_equal(d.created, c.created);
	assert_memory_equal(d.facts, c.facts, fx->f.nfacts * sizeof *c.facts);
	assert_memory_equal(d.kq_answer, c.kq_answer, fx->f.nkqs);
	assert_memory_equal(d.prompt_answer, c.prompt_answer, fx->f.nprompts);
	assert_int_equal(strlen(d.notes[kq(fx, "2.1.1")]), strlen(hostile));
	assert_memory_equal(d.notes[kq(fx, "2.1.1")], hostile, strlen(hostile));
	assert_null(d.notes[kq(fx, "2.2.2")]);	/* an empty note is no note */
	{
		char *s1 = stamp_text(case_stamp(&d, &fx->f, 0, (size_t)kq(fx, "2.1.1")));
		char *s2 = stamp_text(case_stamp(&d, &fx->f, 1, (size_t)pr(fx, "2.1.1.4")));
		char *s3 = stamp_text(case_stamp(&d, &fx->f, 1, (size_t)pr(fx, "2.1.1.1")));
		char *s4 = stamp_text(case_stamp(&d, &fx->f, 0, (size_t)kq(fx, "2.2.2")));

		assert_string_equal(s1, "2020-10-19T09:10:00Z Siobhan O’Neill");
		assert_string_equal(s2, "2020-10-19T09:09:00Z A");
		assert_string_equal(s3, "2020-02-30T09:09:00Z odd");
		assert_string_equal(s4, "yesterday, Bo");
		assert_null(stamp_text(case_stamp(&d, &fx->f, 0, (size_t)kq(fx, "2.2.1"))));
		free(s1);
		free(s2);
		free(s3);
		free(s4);
	}
	assert_int_equal(p.n, 0);

	/* saving what was loaded writes the same bytes */
	{
		char *first = tu_read(path, NULL), *second;

		if (case_save(&d, &fx->f, &e) < 0)
			fail_msg("%s", e.msg);
		second = tu_read(path, NULL);
		assert_string_equal(first, second);
		free(first);
		free(second);
	}
	case_free(&c, &fx->f);
	case_free(&d, &fx->f);
	free(path);
}

static const char base[] =
"[case]\nformat = 1\nframework = yj-2019\nreference = \"X1\"\n"
"[facts]\ncase_type = court\nchild_safety = yes\n"
"[answers]\n2.1.1 = yes\n2.1.1.4 = na\n"
"[notes]\n2.1.1 = \"fine\"\n";

/* Replace FROM by TO in BASE; loading must fail with each NEEDLE. */
static void
refused(struct fx *fx, const char *from, const char *to, ...)
{
	struct problems p = PROBLEMS_INIT;
	struct case_file c;
	char *text = tu_replace(base, from, to), *path, *before, *after;
	va_list ap;

	tu_write(fx->dir, "bad.ini", text);
	path = xasprintf("%s/bad.ini", fx->dir);
	before = tu_read(path, NULL);
	if (case_load(&c, &fx->f, path, &p) == 0)
		fail_msg("loaded a bad case file:\n%s", text);
	assert_true(p.nerrors >= 1);
	va_start(ap, to);
	tu_says(p.v[0].msg, ap);
	va_end(ap);
	assert_non_null(strstr(p.v[0].msg, path));
	after = tu_read(path, NULL);
	assert_string_equal(before, after);	/* nothing written */
	problems_free(&p);
	free(before);
	free(after);
	free(text);
	free(path);
}

static void
test_base_loads(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct case_file c;
	char *path;

	tu_write(fx->dir, "ok.ini", base);
	path = xasprintf("%s/ok.ini", fx->dir);
	assert_int_equal(case_load(&c, &fx->f, path, &p), 0);
	assert_int_equal(c.kq_answer[kq(fx, "2.1.1")], ANSWER_YES);
	case_free(&c, &fx->f);
	/* a hand edit's capitals are read as the words they are */
	{
		char *text = tu_replace(base, "2.1.1 = yes", "2.1.1 = No");

		tu_write(fx->dir, "ok.ini", text);
		free(text);
	}
	assert_int_equal(case_load(&c, &fx->f, path, &p), 0);
	assert_int_equal(c.kq_answer[kq(fx, "2.1.1")], ANSWER_NO);
	case_free(&c, &fx->f);
	free(path);
}

static void t_bad_answer(void **s) {
	refused(*s, "2.1.1 = yes", "2.1.1 = maybe", "[answers] 2.1.1", "'maybe' is not yes or no", NULL);
}
static void t_bad_prompt_answer(void **s) {
	refused(*s, "2.1.1.4 = na", "2.1.1.4 = Y", "[answers] 2.1.1.4", "'Y' is not yes, no or na", NULL);
}
static void t_kq_na(void **s) {
	refused(*s, "2.1.1 = yes", "2.1.1 = na", "[answers] 2.1.1", "not na", NULL);
}
static void t_prompt_na_not_allowed(void **s) {
	refused(*s, "2.1.1.4 = na", "2.1.1.1 = na", "[answers] 2.1.1.1", "cannot be answered na", NULL);
}
static void t_unknown_question(void **s) {
	refused(*s, "2.1.1 = yes", "9.9.9 = yes", "[answers] 9.9.9", "unknown question", NULL);
}
static void t_judgement_question(void **s) {
	refused(*s, "2.1.1 = yes", "1.1.1 = yes", "[answers] 1.1.1", "judgement-rated", NULL);
}
static void t_other_edition(void **s) {
	refused(*s, "framework = yj-2019", "framework = yj-2021", "[case] framework",
	    "a case of framework 'yj-2021'", NULL);
}
static void t_bad_fact_value(void **s) {
	refused(*s, "case_type = court", "case_type = crown", "[facts] case_type",
	    "'crown' is not one of: court, oocd", NULL);
}
static void t_unknown_fact(void **s) {
	refused(*s, "child_safety = yes", "child_safe = yes", "[facts] child_safe", "unknown fact", NULL);
}
static void t_unknown_section(void **s) {
	refused(*s, "[notes]", "[extras]\nx = 1\n[notes]", "[extras]", "unknown section", NULL);
}
static void t_unknown_case_key(void **s) {
	refused(*s, "reference = \"X1\"", "reference = \"X1\"\ncolour = red", "[case] colour", "unknown key", NULL);
}
static void t_note_unknown_kq(void **s) {
	refused(*s, "2.1.1 = \"fine\"", "2.1.9 = \"fine\"", "[notes] 2.1.9", "unknown key question", NULL);
}
static void t_future_format(void **s) {
	refused(*s, "format = 1", "format = 2", "[case] format", "is not one this version reads", NULL);
}
static void t_bad_escape(void **s) {
	refused(*s, "\"fine\"", "\"bad \\q escape\"", "[notes] 2.1.1", NULL);
}
static void t_duplicate_answer(void **s) {
	refused(*s, "2.1.1 = yes", "2.1.1 = yes\n2.1.1 = no", "duplicate", "2.1.1", NULL);
}
static void t_garbage_line(void **s) {
	refused(*s, "[notes]", "this is not ini\n[notes]", "bad.ini:", NULL);
}
static void t_not_a_case(void **s) {
	refused(*s, "[case]\nformat = 1\nframework = yj-2019\nreference = \"X1\"\n", "", "no [case] section", NULL);
}

static void
test_missing_and_directory(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct case_file c;
	char *path = xasprintf("%s/none.ini", fx->dir);

	assert_int_equal(case_load(&c, &fx->f, path, &p), -1);
	assert_non_null(strstr(p.v[0].msg, "none.ini"));
	assert_int_equal(case_load(&c, &fx->f, fx->dir, &p), -1);
	assert_non_null(strstr(p.v[1].msg, "directory"));
	problems_free(&p);
	free(path);
}

static int has(const struct problems *p, const char *needle);

static void
test_relevance(void **state)
{
	struct fx *fx = *state;
	struct case_file c;

	case_init(&c, &fx->f, "x.ini");
	/* nothing recorded: court standards' relevance is unknown */
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "2.1.1")), COND_UNKNOWN);
	set_fact(fx, &c, "case_type", "court");
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "2.1.1")), COND_TRUE);
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "3.1.1")), COND_FALSE);
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "2.2.2")), COND_UNKNOWN);
	set_fact(fx, &c, "child_safety", "no");
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "2.2.2")), COND_FALSE);
	assert_int_equal(case_prompt_relevant(&c, &fx->f, pr(fx, "2.2.2.1")), COND_FALSE);
	set_fact(fx, &c, "child_safety", "yes");
	assert_int_equal(case_prompt_relevant(&c, &fx->f, pr(fx, "2.2.2.1")), COND_TRUE);
	/* 3.4.2 only in youth conditional caution cases */
	set_fact(fx, &c, "case_type", "oocd");
	set_fact(fx, &c, "disposal", "youth-caution");
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "3.4.2")), COND_FALSE);
	set_fact(fx, &c, "disposal", "ycc");
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "3.4.2")), COND_TRUE);
	/* judgement-rated questions are never answered case by case */
	assert_int_equal(case_kq_relevant(&c, &fx->f, kq(fx, "1.1.1")), COND_FALSE);
	/* which disposals go with the case type (choice.X.when) */
	{
		size_t d = (size_t)form_fact_index(&fx->f, "disposal");
		const struct form_fact *fa = &fx->f.facts[d];
		struct problems p = PROBLEMS_INIT;

		assert_int_equal(case_choice_allowed(&c, &fx->f, d, form_choice_index(fa, "ycc")),
		    COND_TRUE);	/* oocd */
		assert_int_equal(case_choice_allowed(&c, &fx->f, d, form_choice_index(fa, "yro")),
		    COND_FALSE);
		set_fact(fx, &c, "disposal", "yro");	/* recorded all the same */
		case_check(&c, &fx->f, &p);
		assert_true(has(&p, "[facts] disposal: 'yro' is a choice only when case_type == court"));
		problems_free(&p);
		c.facts[form_fact_index(&fx->f, "case_type")] = COND_UNSET;
		assert_int_equal(case_choice_allowed(&c, &fx->f, d, form_choice_index(fa, "yro")),
		    COND_UNKNOWN);
	}
	case_free(&c, &fx->f);
}

static int
has(const struct problems *p, const char *needle)
{
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->v[i].msg, needle))
			return 1;
	return 0;
}

static void
test_check_warnings(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct case_file c;
	int answered, total;

	case_init(&c, &fx->f, "w.ini");
	set_fact(fx, &c, "case_type", "court");
	set_fact(fx, &c, "child_safety", "no");
	c.kq_answer[kq(fx, "2.2.2")] = ANSWER_YES;	/* not relevant: child_safety no */
	c.kq_answer[kq(fx, "2.1.1")] = ANSWER_YES;
	case_check(&c, &fx->f, &p);
	assert_int_equal(p.nerrors, 0);
	assert_true(has(&p, "w.ini: [answers] 2.2.2: answered, but not relevant"));
	assert_true(has(&p, "[facts] others_safety: not recorded"));
	assert_true(has(&p, "relevant questions not answered yet (the first: 2.1.1.1)"));
	case_progress(&c, &fx->f, &answered, &total);
	assert_int_equal(answered, 1);
	assert_true(total > 20);
	problems_free(&p);
	case_free(&c, &fx->f);
}

/* The prompts that allow N/A, decided as yjinspect-forms(5) N/A FLAGS
 * says: the conditional wording, South Tyneside 2020's prompt counts
 * (2.1.1.6) and another published report's (2.1.3.1, 3.1.3.1, 3.4.1.5). */
static const char *const na_prompts[] = {
	"2.1.1.4", "2.1.1.6", "2.1.2.2", "2.1.2.3", "2.1.3.1", "2.1.3.2",
	"2.2.1.5", "2.2.2.2", "2.2.3.2", "2.3.1.7", "2.3.2.2", "2.3.3.2",
	"2.3.3.3", "2.4.2.2", "2.4.2.3", "2.4.3.2", "2.4.3.4", "3.1.1.4",
	"3.1.1.6", "3.1.2.2", "3.1.3.1", "3.2.1.6", "3.2.2.2", "3.2.3.2",
	"3.2.3.3", "3.3.2.2", "3.3.3.1", "3.4.1.1", "3.4.1.3", "3.4.1.5",
	"3.4.1.6", "3.4.2.1", NULL
};

static int
na_listed(const char *id)
{
	for (size_t i = 0; na_prompts[i]; i++)
		if (strcmp(na_prompts[i], id) == 0)
			return 1;
	return 0;
}

/* exactly the listed prompts allow na, in both editions (yj-2021 has no
 * case-rated 3.4); the three a further published report needs load */
static void
test_na_flags(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct case_file c;
	struct form f21;
	struct err e;
	char *path, *text;
	size_t n21 = 0;

	for (size_t i = 0; i < fx->f.nprompts; i++)
		if (fx->f.prompts[i].na != na_listed(fx->f.prompts[i].id))
			fail_msg("yj-2019 prompt %s: na = %s, expected %s", fx->f.prompts[i].id,
			    fx->f.prompts[i].na ? "yes" : "no", na_listed(fx->f.prompts[i].id) ? "yes" : "no");
	path = tu_forms_path("yj-2021.ini");
	if (form_load(&f21, path, &e) < 0)
		fail_msg("%s", e.msg);
	free(path);
	for (size_t i = 0; i < f21.nprompts; i++) {
		if (f21.prompts[i].na != na_listed(f21.prompts[i].id))
			fail_msg("yj-2021 prompt %s: na = %s, expected %s", f21.prompts[i].id,
			    f21.prompts[i].na ? "yes" : "no", na_listed(f21.prompts[i].id) ? "yes" : "no");
		n21 += f21.prompts[i].na;
	}
	assert_int_equal(n21, 27);
	form_free(&f21);

	text = tu_replace(base, "2.1.1.4 = na", "2.1.1.4 = na\n2.1.3.1 = na");
	tu_write(fx->dir, "court.ini", text);
	free(text);
	path = xasprintf("%s/court.ini", fx->dir);
	assert_int_equal(case_load(&c, &fx->f, path, &p), 0);
	assert_int_equal(c.prompt_answer[pr(fx, "2.1.3.1")], ANSWER_NA);
	case_free(&c, &fx->f);
	free(path);

	tu_write(fx->dir, "oocd.ini", "[case]\nformat = 1\nframework = yj-2019\n"
	    "reference = \"X2\"\n[facts]\ncase_type = oocd\n"
	    "[answers]\n3.1.3.1 = na\n3.4.1.5 = na\n3.4.1.4 = no\n");
	path = xasprintf("%s/oocd.ini", fx->dir);
	assert_int_equal(case_load(&c, &fx->f, path, &p), 0);
	assert_int_equal(c.prompt_answer[pr(fx, "3.1.3.1")], ANSWER_NA);
	assert_int_equal(c.prompt_answer[pr(fx, "3.4.1.5")], ANSWER_NA);
	assert_int_equal(c.prompt_answer[pr(fx, "3.4.1.4")], ANSWER_NO);
	assert_int_equal(p.nerrors, 0);
	case_free(&c, &fx->f);
	free(path);
	problems_free(&p);
}

/* ---- a person's comments, kept through saves ---- */

static size_t
count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *t = text; (t = strstr(t, needle)) != NULL; t++)
		n++;
	return n;
}

/* C saved, loaded again from its file and returned: as another program
 * would find it */
static char *
saved_text(struct fx *fx, struct case_file *c)
{
	struct err e;
	char *text;

	if (case_save(c, &fx->f, &e) < 0)
		fail_msg("%s", e.msg);
	text = tu_read(c->path, NULL);
	assert_non_null(text);
	return text;
}

/* A case file edited by hand, comments added by a section, by keys, after
 * a value and at the end: a save keeps each where it stood, once, through
 * every save after it (in this process and in another), with the key it
 * stood by gone too; the writer's own first line is never doubled. */
static void
test_comments_kept(void **state)
{
	struct fx *fx = *state;
	char *path = xasprintf("%s/c1.ini", fx->dir), *text, *edited, *t2, *again;
	struct problems p = PROBLEMS_INIT;
	struct case_file c, d;
	struct err e;

	case_init(&c, &fx->f, path);
	c.reference = xstrdup("C1");
	c.kq_answer[kq(fx, "2.1.1")] = ANSWER_YES;
	c.kq_answer[kq(fx, "2.1.2")] = ANSWER_NO;
	assert_int_equal(case_create(&c, &fx->f, &e), 0);
	case_free(&c, &fx->f);
	text = tu_read(path, NULL);
	edited = tu_replace(text, "\n[answers]\n", "\n; before the answers\n[answers]\n");
	free(text);
	text = tu_replace(edited, "2.1.1 = yes\n", "# the 2.1.1 note\n2.1.1 = yes\n");
	free(edited);
	edited = tu_replace(text, "2.1.2 = no\n", "  ; why 2.1.2\n\n2.1.2 = no ; checked\n");
	free(text);
	text = xasprintf("%s; see paper file\n", edited);
	free(edited);
	tu_write(fx->dir, "c1.ini", text);
	free(text);

	assert_int_equal(case_load(&d, &fx->f, path, &p), 0);
	d.kq_answer[kq(fx, "2.1.1")] = ANSWER_NONE;	/* the key a comment stood by */
	d.kq_answer[kq(fx, "2.2.1")] = ANSWER_YES;
	text = saved_text(fx, &d);
	assert_non_null(strstr(text, "\n\n; before the answers\n[answers]\n"));
	assert_non_null(strstr(text, "; why 2.1.2\n; checked\n2.1.2 = no\n"));
	/* 2.1.1 gone: its comment stays in [answers], at its end */
	assert_null(strstr(text, "2.1.1 = yes"));
	assert_non_null(strstr(text, "\n2.2.1 = yes\n# the 2.1.1 note\n\n[notes]\n"));
	assert_true(strlen(text) > 17);
	assert_string_equal(text + strlen(text) - 17, "; see paper file\n");
	assert_int_equal(count(text, "; yjinspect case file"), 1);
	assert_int_equal(count(text, "; before the answers"), 1);
	assert_int_equal(count(text, "# the 2.1.1 note"), 1);
	assert_int_equal(count(text, "checked"), 1);
	assert_int_equal(count(text, "paper file"), 1);

	/* saved again in this process (its own text kept), and after a load
	 * (the file read): not one line more */
	t2 = saved_text(fx, &d);
	assert_string_equal(t2, text);
	free(t2);
	case_free(&d, &fx->f);
	assert_int_equal(case_load(&d, &fx->f, path, &p), 0);
	d.kq_answer[kq(fx, "2.1.2")] = ANSWER_YES;
	t2 = saved_text(fx, &d);
	d.kq_answer[kq(fx, "2.1.2")] = ANSWER_NO;
	again = saved_text(fx, &d);
	assert_string_equal(again, text);
	assert_int_equal(p.nerrors, 0);
	free(t2);
	free(again);
	free(text);
	case_free(&d, &fx->f);
	problems_free(&p);
	free(path);
}

/* A comment in a conflicts section that a save leaves out (its conflict
 * settled) goes to the end of the file; the writer's own comment there
 * goes with the section. */
static void
test_comments_section_gone(void **state)
{
	struct fx *fx = *state;
	char *path = xasprintf("%s/c2.ini", fx->dir), *text;
	struct problems p = PROBLEMS_INIT;
	struct case_file c;

	tu_write(fx->dir, "c2.ini", "[case]\nformat = 1\nframework = yj-2019\n"
	    "[answers]\n2.1.1 = yes\n\n[conflicts.answers]\n"
	    "; keys the two copies of a merge changed differently: neither counts "
	    "until the key is given a value again\n"
	    "; asked Ann: she meant no\n"
	    "2.1.2.ours = \"yes\"\n2.1.2.theirs = \"no\"\n");
	assert_int_equal(case_load(&c, &fx->f, path, &p), 0);
	assert_int_equal(c.conflicts.n, 1);
	c.kq_answer[kq(fx, "2.1.2")] = ANSWER_NO;
	text = saved_text(fx, &c);
	assert_null(strstr(text, "[conflicts."));
	assert_null(strstr(text, "keys the two copies"));
	assert_true(strlen(text) > 26);
	assert_string_equal(text + strlen(text) - 26, "; asked Ann: she meant no\n");
	free(text);
	case_free(&c, &fx->f);
	problems_free(&p);
	free(path);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_round_trip), T(test_base_loads), T(t_bad_answer), T(t_bad_prompt_answer),
		T(t_kq_na), T(t_prompt_na_not_allowed), T(t_unknown_question),
		T(t_judgement_question), T(t_other_edition), T(t_bad_fact_value),
		T(t_unknown_fact), T(t_unknown_section), T(t_unknown_case_key),
		T(t_note_unknown_kq), T(t_future_format), T(t_bad_escape),
		T(t_duplicate_answer), T(t_garbage_line), T(t_not_a_case),
		T(test_missing_and_directory), T(test_relevance), T(test_check_warnings),
		T(test_na_flags), T(test_comments_kept), T(test_comments_section_gone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
