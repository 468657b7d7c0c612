/* test_edit.c - the core under the terminal UI: the walk's order and
 * relevance reasons, every edit saved at once and undoable, a failed save
 * leaving memory as the disk is, new cases, and the inspector's place. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/decide.h"
#include "model/edit.h"
#include "store/place.h"
#include "testutil.h"
#include "model/walk.h"
#include "base/xalloc.h"

struct fx {
	char *dir;
	struct inspection in;
	struct walk w;
	struct edit_undo u;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	struct problems p = PROBLEMS_INIT;
	struct err e;
	size_t ci;

	fx->dir = tu_tmpdir();
	if (insp_create(fx->dir, tu_env("YJINSPECT_FORMS"), "yj-2019", "Test YJS", NULL, NULL, NULL, &e) < 0)
		fail_msg("%s", e.msg);
	if (insp_open(&fx->in, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	problems_free(&p);
	walk_init(&fx->w, &fx->in.form);
	if (edit_add_case(&fx->in, "C1", "Ann Inspector", &ci, &e) < 0)
		fail_msg("%s", e.msg);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	edit_undo_free(&fx->u);
	walk_free(&fx->w);
	insp_close(&fx->in);
	tu_rmtree(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}

static int
item(struct fx *fx, const char *id)
{
	int i = walk_find(&fx->w, id);

	assert_true(i >= 0);
	return i;
}

static void
fact(struct fx *fx, const char *name, const char *value)
{
	const struct form *f = &fx->in.form;
	int fi = form_fact_index(f, name);
	struct err e;

	assert_true(fi >= 0);
	if (edit_fact(&fx->in, 0, (size_t)fi, form_choice_index(&f->facts[fi], value), NULL,
	    &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
}

/* The case as it is on disk now. */
static void
reload(struct fx *fx, struct case_file *c)
{
	struct problems p = PROBLEMS_INIT;

	if (case_load(c, &fx->in.form, fx->in.cases[0].path, &p) < 0)
		fail_msg("%s", p.v[0].msg);
}

/* Open the fixture's folder again, as another yjinspect would. */
static void
open_other(struct fx *fx, struct inspection *other)
{
	struct problems p = PROBLEMS_INIT;

	if (insp_open(other, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	problems_free(&p);
}

static void
test_walk_order(void **state)
{
	struct fx *fx = *state;

	/* a key question's prompts first, then its judgement; then the next */
	assert_int_equal(item(fx, "2.1.1.1"), 0);
	assert_int_equal(item(fx, "2.1.1.7"), 6);
	assert_int_equal(item(fx, "2.1.1"), 7);
	assert_int_equal(item(fx, "2.1.2.1"), 8);
	assert_int_equal(fx->w.items[item(fx, "2.1.1")].kind, WALK_KQ);
	/* judgement-rated standards are not walked */
	assert_int_equal(walk_find(&fx->w, "1.1.1"), -1);
	assert_int_equal(fx->w.nitems, fx->in.form.nprompts + 23);
}

static void
test_walk_relevance(void **state)
{
	struct fx *fx = *state;
	struct case_file *c = &fx->in.cases[0];
	char why[512];

	/* no facts yet: nothing applies, and the reason says what to record */
	assert_int_equal(walk_first(&fx->w, c), -1);
	walk_reason(&fx->w, c, (size_t)item(fx, "2.1.1"), why, sizeof why);
	assert_non_null(strstr(why, "relevance unknown: record Case type"));

	fact(fx, "case_type", "court");
	fact(fx, "child_safety", "no");
	fact(fx, "others_safety", "yes");
	assert_int_equal(walk_first(&fx->w, c), item(fx, "2.1.1.1"));
	/* 2.2.2 (keeping the child safe) is skipped, with its reason */
	assert_int_equal(walk_step(&fx->w, c, (size_t)item(fx, "2.2.1"), 1), item(fx, "2.2.3.1"));
	assert_int_equal(walk_step(&fx->w, c, (size_t)item(fx, "2.2.3.1"), -1), item(fx, "2.2.1"));
	walk_reason(&fx->w, c, (size_t)item(fx, "2.2.2"), why, sizeof why);
	assert_string_equal(why, "not relevant: only in cases with factors related to keeping "
	    "the child safe (this case: Factors related to keeping the child safe: No)");
	walk_reason(&fx->w, c, (size_t)item(fx, "3.1.1"), why, sizeof why);
	assert_non_null(strstr(why, "3.1 Assessment covers other cases (this case: Case type: Court"));
	walk_reason(&fx->w, c, (size_t)item(fx, "2.1.1"), why, sizeof why);
	assert_string_equal(why, "");
	{	/* longer than the caller's array: cut where the reader sees it */
		char small[24];

		walk_reason(&fx->w, c, (size_t)item(fx, "2.2.2"), small, sizeof small);
		assert_string_equal(small, "not relevant: only i...");
	}
}

static void
test_answer_saved_and_undone(void **state)
{
	struct fx *fx = *state;
	struct case_file d;
	struct err e;
	size_t ci;
	int it;

	fact(fx, "case_type", "court");
	if (edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1.4"), ANSWER_NA, "Ann",
	    &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
	if (edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1"), ANSWER_YES, "Ann",
	    &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
	reload(fx, &d);
	assert_int_equal(d.kq_answer[form_kq_index(&fx->in.form, "2.1.1")], ANSWER_YES);
	assert_int_equal(d.prompt_answer[form_prompt_index(&fx->in.form, "2.1.1.4")], ANSWER_NA);
	assert_true(stamp_is(case_stamp(&d, &fx->in.form, 0,
	    (size_t)form_kq_index(&fx->in.form, "2.1.1"))));
	{
		char *s = stamp_text(case_stamp(&d, &fx->in.form, 0,
		    (size_t)form_kq_index(&fx->in.form, "2.1.1")));

		assert_non_null(strstr(s, " Ann"));
		free(s);
	}
	case_free(&d, &fx->in.form);

	/* N/A is not an answer to a key question, nor to most prompts */
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1"), ANSWER_NA,
	    "Ann", &fx->u, &e), -1);
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1.1"),
	    ANSWER_NA, "Ann", &fx->u, &e), -1);

	/* undo takes back the last change, on disk too */
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(it, item(fx, "2.1.1"));
	reload(fx, &d);
	assert_int_equal(d.kq_answer[form_kq_index(&fx->in.form, "2.1.1")], ANSWER_NONE);
	assert_false(stamp_is(case_stamp(&d, &fx->in.form, 0,
	    (size_t)form_kq_index(&fx->in.form, "2.1.1"))));
	assert_int_equal(d.prompt_answer[form_prompt_index(&fx->in.form, "2.1.1.4")], ANSWER_NA);
	case_free(&d, &fx->in.form);
	/* and the one before, and the fact before that; then nothing */
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(fx->in.cases[0].facts[form_fact_index(&fx->in.form, "case_type")],
	    COND_UNSET);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 0);	/* nothing left */
}

/* A change joined to the one before goes back with it, in one undo: a
 * fact the others decided is not a step of its own. */
static void
test_undo_joined(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	int ct = form_fact_index(f, "case_type"), dp = form_fact_index(f, "disposal");
	struct case_file d;
	struct err e;
	size_t ci;
	int it;

	fact(fx, "child_safety", "yes");
	edit_undo_join(&fx->u);	/* nothing before it in the case: stays alone... */
	fact(fx, "disposal", "yro");
	fact(fx, "case_type", "court");
	edit_undo_join(&fx->u);
	assert_int_equal(fx->u.n, 3);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(fx->u.n, 1);
	reload(fx, &d);
	assert_int_equal(d.facts[ct], COND_UNSET);
	assert_int_equal(d.facts[dp], COND_UNSET);
	assert_int_equal(d.facts[form_fact_index(f, "child_safety")], 1);
	case_free(&d, &fx->in.form);
	/* ...as the first change was: the next undo is its own */
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(fx->in.cases[0].facts[form_fact_index(f, "child_safety")], COND_UNSET);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 0);
}

/* A fact the other facts decide is recorded with the fact that decided
 * it (the case type from the disposal), as every way of answering does,
 * and one undo takes back both; a fact that leaves a choice open decides
 * nothing. */
static void
test_derive_facts(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	int ct = form_fact_index(f, "case_type"), dp = form_fact_index(f, "disposal");
	struct buf said = { 0 };
	struct case_file d;
	struct err e;
	size_t ci;
	int it;

	/* nothing recorded rules a choice out */
	assert_int_equal(edit_derive_facts(&fx->in, 0, &fx->u, &said, &e), 0);
	assert_string_equal(buf_str(&said), "");
	fact(fx, "disposal", "yro");
	assert_int_equal(edit_derive_facts(&fx->in, 0, &fx->u, &said, &e), 1);
	assert_string_equal(buf_str(&said), "Case type: Court disposal");
	assert_int_equal(fx->u.n, 2);
	assert_int_equal(fx->u.v[1].with_prev, 1);
	reload(fx, &d);
	assert_int_equal(d.facts[ct], form_choice_index(&f->facts[ct], "court"));
	assert_int_equal(d.facts[dp], form_choice_index(&f->facts[dp], "yro"));
	case_free(&d, &fx->in.form);
	/* decided once: nothing more to record */
	buf_reset(&said);
	assert_int_equal(edit_derive_facts(&fx->in, 0, NULL, &said, &e), 0);
	assert_int_equal(fx->u.n, 2);
	/* one undo takes back the disposal and the case type */
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_int_equal(fx->u.n, 0);
	reload(fx, &d);
	assert_int_equal(d.facts[ct], COND_UNSET);
	assert_int_equal(d.facts[dp], COND_UNSET);
	case_free(&d, &fx->in.form);
	/* a case type recorded is not changed; SAID may be NULL */
	fact(fx, "case_type", "oocd");
	fact(fx, "disposal", "triage");
	assert_int_equal(edit_derive_facts(&fx->in, 0, &fx->u, NULL, &e), 0);
	assert_int_equal(fx->in.cases[0].facts[ct], form_choice_index(&f->facts[ct], "oocd"));
	buf_free(&said);
}

/* A save that fails leaves memory as the disk is, and says why. */
static void
test_failed_save_changes_nothing(void **state)
{
	struct fx *fx = *state;
	char *cases = xasprintf("%s/cases", fx->dir), *moved = xasprintf("%s/gone", fx->dir);
	struct err e;
	size_t q = (size_t)form_kq_index(&fx->in.form, "2.1.1");

	fact(fx, "case_type", "court");
	assert_int_equal(rename(cases, moved), 0);	/* the folder vanishes */
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1"), ANSWER_YES,
	    "Ann", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "C1.ini"));
	assert_int_equal(fx->in.cases[0].kq_answer[q], ANSWER_NONE);
	assert_false(stamp_is(case_stamp(&fx->in.cases[0], &fx->in.form, 0, (size_t)q)));
	assert_int_equal(edit_note(&fx->in, 0, q, "a note", &fx->u, &e), -1);
	assert_null(fx->in.cases[0].notes[q]);
	assert_int_equal(edit_field(&fx->in, 0, FIELD_INSPECTOR, "Bo", &fx->u, &e), -1);
	assert_string_equal(fx->in.cases[0].inspector, "Ann Inspector");
	assert_int_equal(fx->u.n, 1);	/* only the fact that was saved */
	assert_int_equal(rename(moved, cases), 0);
	free(cases);
	free(moved);
}

static void
test_notes_and_fields(void **state)
{
	struct fx *fx = *state;
	size_t q = (size_t)form_kq_index(&fx->in.form, "2.1.1"), ci;
	struct case_file d;
	struct err e;
	int it;
	const char *note = "Line one; # not a comment\n\"quoted\" \\ and \x1b]0;x\x07";

	assert_int_equal(edit_note(&fx->in, 0, q, note, &fx->u, &e), 0);
	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "C1-renamed", &fx->u, &e), 0);
	reload(fx, &d);
	assert_string_equal(d.notes[q], note);
	assert_string_equal(d.reference, "C1-renamed");
	case_free(&d, &fx->in.form);
	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "needs a reference"));
	/* an empty note is no note */
	assert_int_equal(edit_note(&fx->in, 0, q, "", &fx->u, &e), 0);
	assert_null(fx->in.cases[0].notes[q]);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_string_equal(fx->in.cases[0].notes[q], note);
}

static void
test_add_cases(void **state)
{
	struct fx *fx = *state;
	struct err e;
	size_t ci;

	assert_int_equal(edit_add_case(&fx->in, "C1", "X", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "another case has the reference 'C1'"));
	assert_int_equal(edit_add_case(&fx->in, "", "X", &ci, &e), -1);
	/* at most 40 characters (not bytes) */
	assert_int_equal(edit_add_case(&fx->in, "0123456789012345678901234567890123456789X",
	    "X", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "a reference is at most 40 characters (this one has 41)"));
	assert_int_equal(edit_add_case(&fx->in, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "0123456789012345678901234567890",
	    "X", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "(this one has 41)"));
	assert_int_equal(edit_add_case(&fx->in, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "012345678901234567890123456789",
	    "X", &ci, &e), 0);
	assert_int_equal(edit_field(&fx->in, ci, FIELD_REFERENCE,
	    "0123456789012345678901234567890123456789X", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "at most 40 characters"));
	/* the file name is made safe; the reference is kept as typed */
	assert_int_equal(edit_add_case(&fx->in, "../A b/ç", "X", &ci, &e), 0);
	assert_string_equal(fx->in.cases[ci].name, "___A_b___.ini");	/* ç is two bytes */
	assert_string_equal(fx->in.cases[ci].reference, "../A b/ç");
	/* cases stay sorted by file name */
	assert_int_equal(edit_add_case(&fx->in, "B0", "X", &ci, &e), 0);
	assert_string_equal(fx->in.cases[0].name, "B0.ini");
	assert_string_equal(fx->in.cases[1].name, "C1.ini");
	assert_string_equal(fx->in.cases[2].name, "___A_b___.ini");
	assert_int_equal(edit_case_index(&fx->in, "C1.ini"), 1);
	/* and are on disk at once */
	{
		char *path = xasprintf("%s/cases/B0.ini", fx->dir);

		assert_int_equal(access(path, F_OK), 0);
		free(path);
	}
	/* a file of that name that is not one of the cases read (one that
	 * cannot be read, one made meanwhile) is never written over */
	tu_write(fx->dir, "cases/D7.ini", "not a case\n");
	tu_write(fx->dir, "cases/D7-2.ini", "nor this\n");
	assert_int_equal(edit_add_case(&fx->in, "D7", "X", &ci, &e), 0);
	assert_string_equal(fx->in.cases[ci].name, "D7-3.ini");
	{
		char *path = xasprintf("%s/cases/D7.ini", fx->dir), *text = tu_read(path, NULL);

		assert_string_equal(text, "not a case\n");
		free(text);
		free(path);
	}
}

/* A case file that cannot be read may be the case being added: put right,
 * it would be one case in two files. Adding is refused, naming it. */
static void
test_add_case_left_out(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct err e;
	size_t ci;

	tu_write(fx->dir, "cases/E5.ini", "[case]\nreference = \"E5\"\ngarbage\n");
	tu_write(fx->dir, "cases/zz.ini", "[case]\nreference = \"Other ref\"\n[bogus]\n");
	tu_write(fx->dir, "cases/F1-2.ini", "[case]\nformat = 99\n");
	if (insp_open(&in, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	assert_int_equal(in.nleft_out, 3);
	assert_int_equal(edit_add_case(&in, "E5", "X", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "cases/E5.ini cannot be read and may be this case"));
	assert_int_equal(edit_add_case(&in, "Other ref", "X", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "cases/zz.ini cannot be read"));
	assert_int_equal(edit_add_case(&in, "F1", "X", &ci, &e), -1);	/* F1-2.ini */
	assert_non_null(strstr(e.msg, "cases/F1-2.ini cannot be read"));
	/* not a prefix of another name, nor a reference that only begins so */
	assert_int_equal(edit_add_case(&in, "E", "X", &ci, &e), 0);
	assert_int_equal(edit_add_case(&in, "Other", "X", &ci, &e), 0);
	insp_close(&in);
	problems_free(&p);
}

/* A panel decision moves the rating every case gives: while a case file
 * cannot be read (left out) it is refused, naming the file, and nothing is
 * recorded; a judgement rests on no case and is taken. */
static void
test_decide_left_out(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	char *path = xasprintf("%s/inspection.ini", fx->dir), *before, *after;
	struct err e;
	int s = form_std_index(&fx->in.form, "2.1");

	tu_write(fx->dir, "cases/bad.ini", "[case]\nreference = \"B1\"\ngarbage\n");
	if (insp_open(&in, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	assert_int_equal(in.nleft_out, 1);
	assert_int_equal(p.nerrors, in.left_out_errors);
	assert_true(s >= 0);
	before = tu_read(path, NULL);
	assert_int_equal(edit_decide(&in, (size_t)s, 2, NULL, "Small sub-samples", "Chair",
	    &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "2.1 cannot be decided while a case file is left out"));
	assert_non_null(strstr(e.msg, "cases/bad.ini:"));
	assert_int_equal(in.ndecisions, 0);
	assert_int_equal(fx->u.n, 0);
	after = tu_read(path, NULL);
	assert_string_equal(before, after);
	free(after);
	assert_int_equal(decide_judge(&in, (size_t)form_std_index(&in.form, "1.1"), 2, &e), 0);
	insp_close(&in);
	problems_free(&p);
	free(before);
	free(path);
}

/* Two programs on one inspection (another yjinspect, or a stale one left
 * behind by a dropped connection): neither overwrites the other's answers. */
static void
test_two_instances(void **state)
{
	struct fx *fx = *state;
	struct inspection other;
	struct edit_undo ou = { NULL, 0, 0 };
	struct case_file d;
	struct err e;
	size_t q = (size_t)form_kq_index(&fx->in.form, "2.1.1");

	fact(fx, "case_type", "court");
	open_other(fx, &other);
	/* this one answers; the other, which read the case before, answers too */
	if (edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1.1"), ANSWER_YES, "A",
	    &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
	if (edit_answer(&other, &fx->w, 0, (size_t)item(fx, "2.1.1.2"), ANSWER_NO, "B",
	    &ou, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(ou.reloads, 1);	/* it read the case again first */
	/* and this one, now stale, saves a note */
	if (edit_note(&fx->in, 0, q, "written later", &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(fx->u.reloads, 1);
	reload(fx, &d);
	assert_int_equal(d.prompt_answer[form_prompt_index(&fx->in.form, "2.1.1.1")], ANSWER_YES);
	assert_int_equal(d.prompt_answer[form_prompt_index(&fx->in.form, "2.1.1.2")], ANSWER_NO);
	assert_string_equal(d.notes[q], "written later");
	case_free(&d, &fx->in.form);
	edit_undo_free(&ou);
	insp_close(&other);
}

/* Undo takes back only what is still as this program left it: another
 * yjinspect's later change of the same answer, fact or note stays. */
static void
test_undo_after_another_changed_it(void **state)
{
	struct fx *fx = *state;
	struct inspection other;
	struct edit_undo ou = { NULL, 0, 0 };
	struct case_file d;
	struct err e;
	size_t ci;
	int it;
	size_t i1 = (size_t)item(fx, "2.1.1.1"), i2 = (size_t)item(fx, "2.1.1.2");
	int p1 = form_prompt_index(&fx->in.form, "2.1.1.1"), p2 = form_prompt_index(&fx->in.form, "2.1.1.2");

	fact(fx, "case_type", "court");
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, i1, ANSWER_NO, "Ann", &fx->u, &e), 0);
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, i2, ANSWER_NO, "Ann", &fx->u, &e), 0);
	open_other(fx, &other);
	/* Bob answers 2.1.1.2 again: Ann's undo of it must not take his back */
	assert_int_equal(edit_answer(&other, &fx->w, 0, i2, ANSWER_YES, "Bob", &ou, &e), 0);
	assert_int_equal(fx->u.n, 3);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), -1);
	assert_non_null(strstr(e.msg, "2.1.1.2 of C1.ini was changed again since"));
	assert_int_equal(fx->u.n, 2);	/* no longer undoable */
	reload(fx, &d);
	assert_int_equal(d.prompt_answer[p2], ANSWER_YES);
	{
		char *s = stamp_text(case_stamp(&d, &fx->in.form, 1, (size_t)p2));

		assert_non_null(strstr(s, "Bob"));
		free(s);
	}
	case_free(&d, &fx->in.form);
	/* the change before it, still as Ann left it, is undone */
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	reload(fx, &d);
	assert_int_equal(d.prompt_answer[p1], ANSWER_NONE);
	assert_int_equal(d.prompt_answer[p2], ANSWER_YES);
	case_free(&d, &fx->in.form);
	edit_undo_free(&ou);
	insp_close(&other);
}

/* Two programs answering one case at the same instants, each its own
 * questions: every answer of both is in the file at the end (each change
 * holds the case's lock from reading it again to saving it). And two
 * adding the same cases at once: each case once. */
static void
test_two_at_once(void **state)
{
	struct fx *fx = *state;
	struct problems p = PROBLEMS_INIT;
	struct case_file d;
	struct err e;
	size_t n = 0;
	pid_t pid;
	int status, parent_bad = 0;

	fact(fx, "case_type", "court");
	fact(fx, "child_safety", "yes");
	fact(fx, "others_safety", "yes");
	pid = fork();
	assert_true(pid >= 0);
	{
		/* each process its own inspection, as two yjinspects have */
		struct inspection in;
		struct walk w;
		int me = pid == 0, bad = 0;
		size_t ci;
		char ref[32];

		if (insp_open(&in, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0) {
			if (me)
				_exit(2);
			waitpid(pid, &status, 0);	/* (the child reaped first) */
			fail_msg("%s", p.v[0].msg);
		}
		walk_init(&w, &in.form);
		for (size_t i = 0; i < w.nitems; i++) {
			if ((int)(i % 2) != me || walk_relevant(&w, &in.cases[0], i) != COND_TRUE)
				continue;
			if (edit_answer(&in, &w, 0, i, ANSWER_YES, me ? "child" : "parent", NULL,
			    &e) < 0)
				bad = 1;
			if (i % 8 < 2) {	/* and the same cases added by both */
				snprintf(ref, sizeof ref, "T%zu", i / 8);
				edit_add_case(&in, ref, "X", &ci, &e);	/* one of the two is refused */
			}
		}
		walk_free(&w);
		insp_close(&in);
		problems_free(&p);
		if (me)
			_exit(bad);
		parent_bad = bad;
	}
	/* the child reaped first, whatever happened here */
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(parent_bad, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	reload(fx, &d);
	for (size_t i = 0; i < fx->w.nitems; i++)
		if (walk_relevant(&fx->w, &d, i) == COND_TRUE) {
			if (walk_answer(&fx->w, &d, i) != ANSWER_YES)
				fail_msg("%s: the answer given by the %s was lost", fx->w.items[i].id,
				    i % 2 ? "child" : "parent");
			n++;
		}
	assert_true(n > 40);
	case_free(&d, &fx->in.form);
	{	/* each added case once: the inspection opens without an error */
		struct inspection in;

		assert_int_equal(insp_open(&in, fx->dir, tu_env("YJINSPECT_FORMS"), &p), 0);
		if (p.nerrors)
			fail_msg("%s", p.v[0].msg);
		assert_true(in.ncases > 4);
		insp_close(&in);
		problems_free(&p);
	}
}

/* A reference changed to one another yjinspect has just given a case (its
 * list not read again yet): refused, as adding would be. */
static void
test_reference_taken_elsewhere(void **state)
{
	struct fx *fx = *state;
	struct inspection other;
	struct err e;
	size_t ci;

	open_other(fx, &other);
	assert_int_equal(edit_add_case(&other, "NEW1", "Bob", &ci, &e), 0);
	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "NEW1", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "cases/NEW1.ini has the reference 'NEW1'"));
	/* and one given to a case this one has read, changed there since */
	assert_int_equal(edit_field(&other, (size_t)edit_case_index(&other, "NEW1.ini"),
	    FIELD_REFERENCE, "NEW2", NULL, &e), 0);
	assert_int_equal(edit_field(&fx->in, (size_t)edit_case_index(&fx->in, "C1.ini"),
	    FIELD_REFERENCE, "NEW2", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "has the reference 'NEW2'"));
	assert_int_equal(edit_field(&fx->in, (size_t)edit_case_index(&fx->in, "C1.ini"),
	    FIELD_REFERENCE, "NEW1", &fx->u, &e), 0);	/* free again */
	insp_close(&other);
}

/* Undo puts a reference back as it was, even one longer than a new one
 * may be; one that another case has taken since cannot come back. */
static void
test_undo_reference(void **state)
{
	struct fx *fx = *state;
	struct err e;
	size_t ci;
	int it;
	const char *longref = "C1-a-reference-from-before-the-limit-of-40";

	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "SHORT", &fx->u, &e), 0);
	free(fx->u.v[fx->u.n - 1].old_text);	/* as if it had been long */
	fx->u.v[fx->u.n - 1].old_text = xstrdup(longref);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_string_equal(fx->in.cases[0].reference, longref);
	/* C1 again; then another case takes "C1"; undo cannot bring it back */
	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "C1", &fx->u, &e), 0);
	assert_int_equal(edit_field(&fx->in, 0, FIELD_REFERENCE, "C1b", &fx->u, &e), 0);
	assert_int_equal(edit_add_case(&fx->in, "C1", "X", &ci, &e), 0);
	{
		size_t n = fx->u.n;

		assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), -1);
		assert_non_null(strstr(e.msg, "the reference 'C1' of C1.ini is another case's now"));
		assert_int_equal(fx->u.n, n - 1);	/* dropped, not stuck on top */
	}
	assert_string_equal(fx->in.cases[edit_case_index(&fx->in, "C1.ini")].reference, "C1b");
}

/* Two notes on one key question saved at once: neither is lost. */
static void
test_note_edited_in_two_places(void **state)
{
	struct fx *fx = *state;
	struct inspection other;
	struct err e;
	size_t q = (size_t)form_kq_index(&fx->in.form, "2.1.1");
	int both;

	open_other(fx, &other);
	/* no one else changed it: saved as it is */
	assert_int_equal(edit_note_from(&fx->in, 0, q, NULL, "first", "Ann", &both, &fx->u, &e), 0);
	assert_int_equal(both, 0);
	assert_string_equal(fx->in.cases[0].notes[q], "first");
	/* Bob, who opened it on "first", saves; then Ann, who did too */
	assert_int_equal(edit_note_from(&other, 0, q, "first", "Bob's", "Bob", &both, NULL, &e), 0);
	assert_int_equal(both, 0);
	assert_int_equal(edit_note_from(&fx->in, 0, q, "first", "Ann's", "Ann", &both, &fx->u, &e), 0);
	assert_int_equal(both, EDIT_NOTE_BOTH_KEPT);
	{
		const char *n = fx->in.cases[0].notes[q], *bob = strstr(n, "Bob's"),
		    *ann = strstr(n, "Ann's"), *line = strstr(n, "written while another yjinspect");

		assert_true(n == bob && line > bob && ann > line);
	}
	/* Ann clears a note Bob has written meanwhile: his stays */
	assert_int_equal(edit_note_from(&other, 0, q, NULL, "Bob again", "Bob", &both, NULL, &e), 0);
	assert_int_equal(both, EDIT_NOTE_BOTH_KEPT);	/* (his over Ann's joined one) */
	assert_int_equal(edit_note_from(&fx->in, 0, q, "stale", NULL, "Ann", &both, &fx->u, &e), 0);
	assert_int_equal(both, EDIT_NOTE_THEIRS_KEPT);
	assert_non_null(strstr(fx->in.cases[0].notes[q], "Bob again"));
	/* opened and closed with nothing typed: nothing saved, theirs as it is */
	assert_int_equal(edit_note(&other, 0, q, "Bob's latest", NULL, &e), 0);
	assert_int_equal(edit_note_from(&fx->in, 0, q, "stale", "stale", "Ann", &both, &fx->u, &e), 0);
	assert_int_equal(both, EDIT_NOTE_SAVED);
	{
		struct case_file d;

		reload(fx, &d);
		assert_string_equal(d.notes[q], "Bob's latest");
		case_free(&d, &fx->in.form);
	}
	/* theirs removed while ours was written: ours is the note, and no
	 * "(null)" is written for theirs */
	assert_int_equal(edit_note(&other, 0, q, NULL, NULL, &e), 0);
	assert_int_equal(edit_note_from(&fx->in, 0, q, "Bob's latest", "Ann's own", "Ann", &both,
	    &fx->u, &e), 0);
	assert_int_equal(both, EDIT_NOTE_REMOVED_THERE);
	assert_string_equal(fx->in.cases[0].notes[q], "Ann's own");
	insp_close(&other);
}

/* Another yjinspect adds a case; this one, not knowing, adds the same:
 * refused, not one case in two files. */
static void
test_add_case_added_elsewhere(void **state)
{
	struct fx *fx = *state;
	struct inspection other;
	struct err e;
	size_t ci;

	open_other(fx, &other);
	assert_int_equal(edit_add_case(&other, "Z9", "Bob", &ci, &e), 0);
	assert_int_equal(edit_add_case(&fx->in, "Z9", "Ann", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "cases/Z9.ini has the reference 'Z9': added since"));
	/* by its reference line, whatever the file is called */
	assert_int_equal(edit_field(&other, (size_t)edit_case_index(&other, "Z9.ini"),
	    FIELD_REFERENCE, "Y 8", NULL, &e), 0);
	assert_int_equal(edit_add_case(&fx->in, "Y 8", "Ann", &ci, &e), -1);
	assert_non_null(strstr(e.msg, "cases/Z9.ini has the reference 'Y 8'"));
	assert_int_equal(edit_add_case(&fx->in, "Z9", "Ann", &ci, &e), 0);	/* free again */
	insp_close(&other);
}

/* An answer can only go to a question that applies to the case. */
static void
test_answer_only_where_relevant(void **state)
{
	struct fx *fx = *state;
	struct err e;

	fact(fx, "case_type", "oocd");
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1.1"),
	    ANSWER_YES, "A", &fx->u, &e), -1);
	assert_non_null(strstr(e.msg, "does not apply to this case"));
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "3.1.1.1"),
	    ANSWER_YES, "A", &fx->u, &e), 0);
	/* clearing is always allowed */
	assert_int_equal(edit_answer(&fx->in, &fx->w, 0, (size_t)item(fx, "2.1.1.1"),
	    ANSWER_NONE, "A", &fx->u, &e), 0);
}

static void
test_place(void **state)
{
	struct fx *fx = *state;
	struct place p = { (char *)(uintptr_t)"walk", (char *)(uintptr_t)"C1.ini",
	    (char *)(uintptr_t)"2.2.3.1" }, q;
	struct err e;

	assert_int_equal(place_load(fx->dir, "Ann", &q), -1);
	assert_int_equal(place_save(fx->dir, "Ann", &p, &e), 0);
	assert_int_equal(place_load(fx->dir, "Ann", &q), 0);
	assert_string_equal(q.screen, "walk");
	assert_string_equal(q.case_name, "C1.ini");
	assert_string_equal(q.item, "2.2.3.1");
	place_free(&q);
	/* each inspector has their own place */
	assert_int_equal(place_load(fx->dir, "Bob", &q), -1);
	p.item = (char *)(uintptr_t)"2.1.1";
	assert_int_equal(place_save(fx->dir, "Zo\xc3\xab \xc3\x81vila/..", &p, &e), 0);
	assert_int_equal(place_load(fx->dir, "Zo\xc3\xab \xc3\x81vila/..", &q), 0);
	assert_string_equal(q.item, "2.1.1");
	place_free(&q);
	assert_int_equal(place_load(fx->dir, "Ann", &q), 0);
	assert_string_equal(q.item, "2.2.3.1");
	place_free(&q);
	{	/* in the inspection folder, named safely, with a hash of the name */
		/* FNV-1a of the name's bytes */
		char *path = xasprintf("%s/.yjinspect-place-Zo_____vila___-75e354eb", fx->dir);

		assert_int_equal(access(path, F_OK), 0);
		free(path);
	}
	/* a name made alike (é for ë) is another inspector */
	assert_int_equal(place_load(fx->dir, "Zo\xc3\xa9 \xc3\x81vila/..", &q), -1);
	{	/* written over in place: a shorter place leaves nothing of the longer */
		char *path = xasprintf("%s/.yjinspect-place-Ann", fx->dir), *text;
		size_t len;

		p.item = (char *)(uintptr_t)"2.1.1.10";
		assert_int_equal(place_save(fx->dir, "Ann", &p, &e), 0);
		p.item = NULL;
		p.case_name = NULL;
		assert_int_equal(place_save(fx->dir, "Ann", &p, &e), 0);
		text = tu_read(path, &len);
		assert_null(strstr(text, "item"));
		assert_null(strstr(text, "\n\n\n"));
		assert_int_equal(text[len - 1], '\n');
		free(text);
		assert_int_equal(place_load(fx->dir, "Ann", &q), 0);
		assert_string_equal(q.screen, "walk");
		assert_null(q.case_name);
		assert_null(q.item);
		place_free(&q);
		/* what a kill before the cut leaves (the text, then blank
		 * lines to the old length) is a whole place too */
		tu_write(fx->dir, ".yjinspect-place-Ann",
		    "[place]\nscreen = \"list\"\n\n\n\n\n\n\n");
		assert_int_equal(place_load(fx->dir, "Ann", &q), 0);
		assert_string_equal(q.screen, "list");
		place_free(&q);
		free(path);
	}
}

/* The panel's findings are undoable changes (issue 23): u takes back the
 * strengths written after a decision before the decision; text that is
 * there already is no change; one changed since (read in from another
 * yjinspect) is not taken back. */
static void
test_findings_undone(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	size_t s = (size_t)form_std_index(f, "2.1"), kq = (size_t)form_kq_index(f, "1.1.1"), ci;
	struct err e;
	int it;

	assert_int_equal(edit_findings(&fx->in, FINDINGS_STRENGTHS, s, "Good links", &fx->u, &e), 0);
	assert_int_equal(fx->u.n, 1);
	assert_int_equal(fx->u.v[0].kind, EDIT_FINDINGS);
	/* the same again, or blank for none: nothing saved, nothing to undo */
	assert_int_equal(edit_findings(&fx->in, FINDINGS_STRENGTHS, s, "Good links", &fx->u, &e), 1);
	assert_int_equal(edit_findings(&fx->in, FINDINGS_IMPROVEMENTS, s, " \n", &fx->u, &e), 1);
	assert_int_equal(fx->u.n, 1);
	assert_int_equal(edit_findings(&fx->in, FINDINGS_IMPROVEMENTS, s, "Plans", &fx->u, &e), 0);
	assert_int_equal(edit_findings(&fx->in, FINDINGS_EVIDENCE, kq, "Minutes", &fx->u, &e), 0);
	assert_int_equal(edit_findings(&fx->in, FINDINGS_STRENGTHS, s, "Better links", &fx->u, &e),
	    0);
	/* the last first, each named */
	{
		struct buf b = BUF_INIT;

		edit_findings_text(&fx->in, &fx->u.v[fx->u.n - 1], &b);
		assert_string_equal(buf_str(&b), "the strengths of 2.1");
		buf_reset(&b);
		edit_findings_text(&fx->in, &fx->u.v[fx->u.n - 2], &b);
		assert_string_equal(buf_str(&b), "the evidence on 1.1.1");
		buf_free(&b);
	}
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_string_equal(fx->in.strengths[s], "Good links");
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_null(fx->in.evidence[kq]);
	/* changed since (as read in from another yjinspect): it stays */
	assert_int_equal(decide_findings(&fx->in, s, 1, "Theirs", &e), 0);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), -1);
	assert_non_null(strstr(e.msg, "the areas for improvement of 2.1 was changed again since"));
	assert_string_equal(fx->in.improvements[s], "Theirs");
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 1);
	assert_null(fx->in.strengths[s]);
	assert_int_equal(edit_undo(&fx->in, &fx->w, &fx->u, &ci, &it, &e), 0);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_walk_order), T(test_walk_relevance), T(test_answer_saved_and_undone),
		T(test_failed_save_changes_nothing), T(test_notes_and_fields), T(test_add_cases), T(test_add_case_left_out),
		T(test_decide_left_out),
		T(test_place), T(test_two_instances), T(test_answer_only_where_relevant),
		T(test_undo_after_another_changed_it), T(test_note_edited_in_two_places),
		T(test_add_case_added_elsewhere), T(test_undo_reference), T(test_two_at_once),
		T(test_reference_taken_elsewhere), T(test_undo_joined),
		T(test_derive_facts), T(test_findings_undone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
