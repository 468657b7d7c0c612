/* test_merge.c - the three-way merge of a case file key by key (merge.h):
 * one side's change taken, the same change once, conflicts left out of
 * their section and kept in [conflicts.SECTION] with both values and
 * stamps, notes joined, stamps following their answers, conflicts kept
 * from before settled or kept, hostile values and names, and the order of
 * the keys. Every merged text must itself load. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/conflict.h"
#include "store/ini.h"
#include "store/iniw.h"
#include "store/merge.h"
#include "testutil.h"
#include "base/xalloc.h"

#define ANN_0 "2026-12-03T10:00:00Z Ann Lee"
#define ANN_1 "2026-12-03T10:01:02Z Ann Lee"
#define BO_1 "2026-12-03T10:04:00Z Bo Sharma"
#define BO_2 "2026-12-03T10:05:00Z Bo Sharma"

#define CONFLICT_COMMENT "; keys the two copies of a merge changed differently: " \
	"neither counts until the key is given a value again\n"

/* A case file as yjinspect writes it (iniw's layout exactly, so that a
 * merge that takes one side whole gives that side's text back). */
static const char BASE[] =
	"[case]\n"
	"format = 1\n"
	"framework = yj-2019\n"
	"reference = \"C1\"\n"
	"inspector = \"Ann Lee\"\n"
	"\n"
	"[facts]\n"
	"gender = female\n"
	"rosh = medium\n"
	"\n"
	"[answers]\n"
	"2.1.1 = yes\n"
	"2.1.2 = no\n"
	"\n"
	"[notes]\n"
	"2.1.1 = \"first note\"\n"
	"\n"
	"[answered]\n"
	"2.1.1 = \"" ANN_0 "\"\n"
	"2.1.2 = \"" ANN_0 "\"\n";

/* One merge's result, loaded back */
struct mres {
	int rc;
	struct buf out;
	struct merge_stats st;
	struct conflicts kept;
	struct err e;
	struct ini ini;
	int loaded;
};

static unsigned merge_seq;

/* Merge B, O and T, which must give WANT; a result (WANT >= 0) must load
 * with ini_load, keep WANT conflicts and count them in its stats. */
static void
merged(void **state, const char *b, const char *o, const char *t, int want, struct mres *r)
{
	const char *dir = *state;

	memset(r, 0, sizeof *r);
	r->e.msg[0] = '\0';
	r->rc = merge_texts(b, o, t, &r->out, &r->st, &r->kept, &r->e);
	if (r->rc < 0 && want >= 0)
		fail_msg("merge failed: %s", r->e.msg);
	assert_int_equal(r->rc, want);
	if (r->rc < 0) {
		assert_true(r->e.msg[0] != '\0');
		return;
	}
	assert_int_equal(r->kept.n, (size_t)want);
	assert_int_equal(r->st.conflicts, (size_t)want);

	char *name = xasprintf("merged-%u.ini", ++merge_seq);
	char *path = xasprintf("%s/%s", dir, name);
	struct err e;

	tu_write(dir, name, buf_str(&r->out));
	if (ini_load(&r->ini, path, &e) < 0)
		fail_msg("the merged text does not load: %s\n%s", e.msg, buf_str(&r->out));
	r->loaded = 1;
	free(path);
	free(name);
}

static void
mres_free(struct mres *r)
{
	if (r->loaded)
		ini_free(&r->ini);
	buf_free(&r->out);
	conflicts_free(&r->kept);
}

static const char *
text(const struct mres *r)
{
	return buf_str(&r->out);
}

/* SEC KEY of the loaded result is WANT (unescaped, joined), or absent
 * (WANT NULL) */
static void
has(const struct mres *r, const char *sec, const char *key, const char *want)
{
	char *v = NULL;
	struct err e;

	if (ini_get_text(&r->ini, sec, key, &v, &e) < 0)
		fail_msg("%s", e.msg);
	if (want == NULL && v != NULL)
		fail_msg("[%s] %s is '%s', expected absent", sec, key, v);
	if (want != NULL && v == NULL)
		fail_msg("[%s] %s is absent, expected '%s'", sec, key, want);
	if (want != NULL)
		assert_string_equal(v, want);
	free(v);
}

/* The conflict on SEC KEY that R kept, its four sides as given (NULL:
 * none) */
static void
kept_is(const struct mres *r, const char *sec, const char *key, const char *ours,
	const char *ours_by, const char *theirs, const char *theirs_by)
{
	const struct conflict *c = conflict_find(&r->kept, sec, key);

	if (c == NULL)
		fail_msg("no conflict kept on [%s] %s", sec, key);
	tu_same_string(c->ours, ours);
	tu_same_string(c->ours_by, ours_by);
	tu_same_string(c->theirs, theirs);
	tu_same_string(c->theirs_by, theirs_by);
}

/* TEXT with FROM replaced by TO, then FROM2 by TO2 (NULL: only one) */
static char *
edit2(const char *text, const char *from, const char *to, const char *from2, const char *to2)
{
	char *a = tu_replace(text, from, to), *b;

	if (from2 == NULL)
		return a;
	b = tu_replace(a, from2, to2);
	free(a);
	return b;
}

/* Run merge_texts in a child: how it ended. 0: returned -1 with a
 * message; 1: returned a result; -1: did not return (an abort) */
static int
merge_in_child(const char *b, const char *o, const char *t)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct buf out = BUF_INIT;
		struct err e;
		int rc;

		e.msg[0] = '\0';
		rc = merge_texts(b, o, t, &out, NULL, NULL, &e);
		_exit(rc < 0 ? (e.msg[0] ? 10 : 11) : 20);
	}
	assert_true(waitpid(pid, &status, 0) == pid);
	if (!WIFEXITED(status))
		return -1;
	assert_true(WEXITSTATUS(status) == 10 || WEXITSTATUS(status) == 20);
	return WEXITSTATUS(status) == 10 ? 0 : 1;
}

/* ---- one side's change */

static void
test_changed_on_theirs(void **state)
{
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_1 "\"");
	struct mres r;

	merged(state, BASE, BASE, t, 0, &r);
	assert_string_equal(text(&r), t);
	has(&r, "answers", "2.1.1", "no");
	has(&r, "answered", "2.1.1", BO_1);
	assert_int_equal(r.st.from_theirs, 2);	/* the answer and its stamp */
	assert_int_equal(r.st.notes_joined, 0);
	mres_free(&r);
	free(t);
}

static void
test_changed_on_ours(void **state)
{
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	struct mres r;

	merged(state, BASE, o, BASE, 0, &r);
	assert_string_equal(text(&r), o);
	has(&r, "answers", "2.1.1", "no");
	has(&r, "answered", "2.1.1", ANN_1);
	assert_int_equal(r.st.from_theirs, 0);
	mres_free(&r);
	free(o);
}

static void
test_added_on_one_side(void **state)
{
	char *t = edit2(BASE, "2.1.2 = no\n", "2.1.2 = no\n2.1.3 = na\n",
	    "2.1.2 = \"" ANN_0 "\"\n", "2.1.2 = \"" ANN_0 "\"\n2.1.3 = \"" BO_1 "\"\n");
	char *o = tu_replace(BASE, "[notes]\n", "[notes]\n2.1.2 = \"ours' new note\"\n");
	struct mres r;

	/* theirs added an answer (and its stamp), ours a note */
	merged(state, BASE, o, t, 0, &r);
	has(&r, "answers", "2.1.3", "na");
	has(&r, "answered", "2.1.3", BO_1);
	has(&r, "notes", "2.1.2", "ours' new note");
	has(&r, "notes", "2.1.1", "first note");
	assert_non_null(strstr(text(&r), "2.1.2 = no\n2.1.3 = na\n"));
	assert_int_equal(r.st.from_theirs, 2);
	mres_free(&r);

	/* and the other way round: ours' addition kept, theirs' unchanged */
	merged(state, BASE, t, BASE, 0, &r);
	assert_string_equal(text(&r), t);
	mres_free(&r);
	free(t);
	free(o);
}

static void
test_deleted_on_one_side(void **state)
{
	char *t = edit2(BASE, "2.1.2 = no\n", "", "2.1.2 = \"" ANN_0 "\"\n", "");
	char *o = tu_replace(BASE, "2.1.1 = \"first note\"\n", "");
	struct mres r;

	merged(state, BASE, BASE, t, 0, &r);
	assert_string_equal(text(&r), t);
	has(&r, "answers", "2.1.2", NULL);
	has(&r, "answered", "2.1.2", NULL);
	has(&r, "answers", "2.1.1", "yes");
	mres_free(&r);

	/* ours deleted a note, theirs left it */
	merged(state, BASE, o, BASE, 0, &r);
	assert_string_equal(text(&r), o);
	has(&r, "notes", "2.1.1", NULL);
	mres_free(&r);

	/* both: each side's deletion */
	merged(state, BASE, o, t, 0, &r);
	has(&r, "notes", "2.1.1", NULL);
	has(&r, "answers", "2.1.2", NULL);
	has(&r, "answered", "2.1.2", NULL);
	mres_free(&r);
	free(t);
	free(o);
}

static void
test_same_change_both_sides(void **state)
{
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = na\n",
	    "rosh = medium\n", "rosh = high\n");
	struct mres r;

	merged(state, BASE, o, o, 0, &r);
	assert_string_equal(text(&r), o);
	assert_int_equal(r.st.from_theirs, 0);
	assert_int_equal(r.st.notes_joined, 0);
	mres_free(&r);
	free(o);
}

/* ---- conflicts */

static void
test_answer_conflict(void **state)
{
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = na\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_1 "\"");
	const char *want =
	    "[case]\n"
	    "format = 1\n"
	    "framework = yj-2019\n"
	    "reference = \"C1\"\n"
	    "inspector = \"Ann Lee\"\n"
	    "\n"
	    "[facts]\n"
	    "gender = female\n"
	    "rosh = medium\n"
	    "\n"
	    "[answers]\n"
	    "2.1.2 = no\n"
	    "\n"
	    "[notes]\n"
	    "2.1.1 = \"first note\"\n"
	    "\n"
	    "[answered]\n"
	    "2.1.2 = \"" ANN_0 "\"\n"
	    "\n"
	    "[conflicts.answers]\n"
	    CONFLICT_COMMENT
	    "2.1.1.ours = \"no\"\n"
	    "2.1.1.ours_by = \"" ANN_1 "\"\n"
	    "2.1.1.theirs = \"na\"\n"
	    "2.1.1.theirs_by = \"" BO_1 "\"\n";
	struct mres r;

	merged(state, BASE, o, t, 1, &r);
	assert_string_equal(text(&r), want);
	has(&r, "answers", "2.1.1", NULL);
	has(&r, "answered", "2.1.1", NULL);
	has(&r, "conflicts.answers", "2.1.1.ours", "no");
	has(&r, "conflicts.answers", "2.1.1.ours_by", ANN_1);
	has(&r, "conflicts.answers", "2.1.1.theirs", "na");
	has(&r, "conflicts.answers", "2.1.1.theirs_by", BO_1);
	kept_is(&r, "answers", "2.1.1", "no", ANN_1, "na", BO_1);
	assert_int_equal(r.kept.n, 1);
	mres_free(&r);
	free(o);
	free(t);
}

static void
test_added_both_sides(void **state)
{
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	char *t = tu_replace(BASE, "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_1 "\"");
	const char *bases[] = { NULL, "" };
	struct mres r;

	for (size_t i = 0; i < 2; i++) {
		/* the same file added on both sides: one copy */
		merged(state, bases[i], BASE, BASE, 0, &r);
		assert_string_equal(text(&r), BASE);
		mres_free(&r);

		/* added differently: the answer in conflict, the rest once */
		merged(state, bases[i], o, t, 1, &r);
		has(&r, "answers", "2.1.1", NULL);
		has(&r, "answered", "2.1.1", NULL);
		has(&r, "answers", "2.1.2", "no");
		has(&r, "case", "reference", "C1");
		kept_is(&r, "answers", "2.1.1", "no", ANN_1, "yes", BO_1);
		mres_free(&r);
	}
	free(o);
	free(t);
}

static void
test_deleted_and_changed(void **state)
{
	char *o = edit2(BASE, "2.1.2 = no\n", "", "2.1.2 = \"" ANN_0 "\"\n", "");
	char *t = edit2(BASE, "2.1.2 = no\n", "2.1.2 = yes\n",
	    "2.1.2 = \"" ANN_0 "\"", "2.1.2 = \"" BO_1 "\"");
	struct mres r;

	merged(state, BASE, o, t, 1, &r);
	has(&r, "answers", "2.1.2", NULL);
	has(&r, "answered", "2.1.2", NULL);
	kept_is(&r, "answers", "2.1.2", NULL, NULL, "yes", BO_1);
	assert_null(strstr(text(&r), "2.1.2.ours"));
	assert_non_null(strstr(text(&r), "\n[conflicts.answers]\n" CONFLICT_COMMENT
	    "2.1.2.theirs = \"yes\"\n2.1.2.theirs_by = \"" BO_1 "\"\n"));
	mres_free(&r);

	/* and the other way round */
	merged(state, BASE, t, o, 1, &r);
	has(&r, "answers", "2.1.2", NULL);
	kept_is(&r, "answers", "2.1.2", "yes", BO_1, NULL, NULL);
	assert_null(strstr(text(&r), "2.1.2.theirs"));
	mres_free(&r);
	free(o);
	free(t);
}

static void
test_facts_and_case_conflicts(void **state)
{
	char *o = edit2(BASE, "rosh = medium\n", "rosh = high\n",
	    "inspector = \"Ann Lee\"\n", "inspector = \"Ann Lee-Smith\"\n");
	char *t = edit2(BASE, "rosh = medium\n", "rosh = low\n",
	    "inspector = \"Ann Lee\"\n", "inspector = \"Bo Sharma\"\n");
	struct mres r;

	merged(state, BASE, o, t, 2, &r);
	has(&r, "facts", "rosh", NULL);
	has(&r, "facts", "gender", "female");
	has(&r, "case", "inspector", NULL);
	has(&r, "case", "reference", "C1");
	has(&r, "conflicts.facts", "rosh.ours", "high");
	has(&r, "conflicts.facts", "rosh.theirs", "low");
	has(&r, "conflicts.facts", "rosh.ours_by", NULL);
	has(&r, "conflicts.case", "inspector.ours", "Ann Lee-Smith");
	has(&r, "conflicts.case", "inspector.theirs", "Bo Sharma");
	has(&r, "conflicts.answers", "rosh.ours", NULL);
	kept_is(&r, "facts", "rosh", "high", NULL, "low", NULL);
	kept_is(&r, "case", "inspector", "Ann Lee-Smith", NULL, "Bo Sharma", NULL);
	assert_null(ini_section(&r.ini, "conflicts.answers"));
	mres_free(&r);
	free(o);
	free(t);
}

/* ---- notes */

static void
test_notes_both_changed(void **state)
{
	char *o = tu_replace(BASE, "\"first note\"", "\"first note, ours\"");
	char *t = tu_replace(BASE, "\"first note\"", "\"first note, theirs\"");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	assert_int_equal(r.st.notes_joined, 1);

	char *v = NULL;
	struct err e;

	if (ini_get_text(&r.ini, "notes", "2.1.1", &v, &e) < 0)
		fail_msg("%s", e.msg);
	assert_non_null(v);
	const char *po = strstr(v, "first note, ours"), *pt = strstr(v, "first note, theirs");
	assert_non_null(po);
	assert_non_null(pt);
	assert_true(po == v);		/* ours first */
	assert_true(pt > po);
	assert_non_null(strstr(v, "merge"));	/* and a line saying a merge joined them */
	assert_null(conflict_find(&r.kept, "notes", "2.1.1"));
	assert_null(ini_section(&r.ini, "conflicts.notes"));
	free(v);
	mres_free(&r);
	free(o);
	free(t);
}

static void
test_note_removed_and_changed(void **state)
{
	char *o = tu_replace(BASE, "2.1.1 = \"first note\"\n", "");
	char *t = tu_replace(BASE, "\"first note\"", "\"first note, theirs\"");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	has(&r, "notes", "2.1.1", "first note, theirs");
	assert_int_equal(r.st.notes_joined, 0);
	mres_free(&r);

	merged(state, BASE, t, o, 0, &r);
	has(&r, "notes", "2.1.1", "first note, theirs");
	assert_string_equal(text(&r), t);
	mres_free(&r);
	free(o);
	free(t);
}

/* ---- stamps */

static void
test_stamps_same_answer(void **state)
{
	/* both answered 2.1.1 no, at different times: the later stamp */
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_1 "\"");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	has(&r, "answers", "2.1.1", "no");
	has(&r, "answered", "2.1.1", BO_1);
	assert_string_equal(text(&r), t);
	mres_free(&r);

	merged(state, BASE, t, o, 0, &r);
	has(&r, "answered", "2.1.1", BO_1);
	mres_free(&r);
	free(o);
	free(t);
}

static void
test_stamps_follow_answer(void **state)
{
	/* ours changed the answer (earlier); theirs gave the old answer again
	 * (later): ours' answer and ours' stamp */
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	char *t = tu_replace(BASE, "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_2 "\"");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	has(&r, "answers", "2.1.1", "no");
	has(&r, "answered", "2.1.1", ANN_1);
	assert_string_equal(text(&r), o);
	assert_int_equal(r.st.from_theirs, 0);
	mres_free(&r);

	/* the sides swapped: the answer and stamp came from theirs */
	merged(state, BASE, t, o, 0, &r);
	has(&r, "answers", "2.1.1", "no");
	has(&r, "answered", "2.1.1", ANN_1);
	assert_int_equal(r.st.from_theirs, 2);
	mres_free(&r);
	free(o);
	free(t);
}

/* ---- conflicts kept from before */

/* BASE merged into a file with a conflict on 2.1.1: its text (free it) */
static char *
conflicted(void **state)
{
	char *o = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" ANN_1 "\"");
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = na\n",
	    "2.1.1 = \"" ANN_0 "\"", "2.1.1 = \"" BO_1 "\"");
	struct mres r;
	char *c;

	merged(state, BASE, o, t, 1, &r);
	c = buf_take(&r.out);
	mres_free(&r);
	free(o);
	free(t);
	return c;
}

/* C with the conflict settled: 2.1.1 answered, the conflict dropped */
static char *
settled(const char *c)
{
	char *s = edit2(c, "[answers]\n2.1.2 = no\n", "[answers]\n2.1.1 = yes\n2.1.2 = no\n",
	    "[answered]\n", "[answered]\n2.1.1 = \"" BO_2 "\"\n");
	char *cut = strstr(s, "\n[conflicts.answers]\n");

	assert_non_null(cut);
	cut[0] = '\0';
	return s;
}

static void
test_conflict_settled(void **state)
{
	char *c = conflicted(state), *s = settled(c);
	struct mres r;

	/* theirs settled it */
	merged(state, c, c, s, 0, &r);
	has(&r, "answers", "2.1.1", "yes");
	has(&r, "answered", "2.1.1", BO_2);
	assert_null(ini_section(&r.ini, "conflicts.answers"));
	assert_null(strstr(text(&r), "conflicts"));
	mres_free(&r);

	/* ours settled it */
	merged(state, c, s, c, 0, &r);
	has(&r, "answers", "2.1.1", "yes");
	has(&r, "answered", "2.1.1", BO_2);
	assert_null(strstr(text(&r), "conflicts"));
	assert_string_equal(text(&r), s);
	mres_free(&r);
	free(c);
	free(s);
}

static void
test_conflict_kept(void **state)
{
	char *c = conflicted(state);
	char *t = tu_replace(c, "\"first note\"", "\"first note, theirs\"");
	struct mres r;

	/* an unchanged side, the other changed something else */
	merged(state, c, c, t, 1, &r);
	has(&r, "answers", "2.1.1", NULL);
	has(&r, "notes", "2.1.1", "first note, theirs");
	kept_is(&r, "answers", "2.1.1", "no", ANN_1, "na", BO_1);
	has(&r, "conflicts.answers", "2.1.1.ours", "no");
	has(&r, "conflicts.answers", "2.1.1.theirs_by", BO_1);
	assert_string_equal(text(&r), t);
	mres_free(&r);

	merged(state, c, t, c, 1, &r);
	kept_is(&r, "answers", "2.1.1", "no", ANN_1, "na", BO_1);
	assert_string_equal(text(&r), t);
	mres_free(&r);

	/* both unchanged */
	merged(state, c, c, c, 1, &r);
	assert_string_equal(text(&r), c);
	mres_free(&r);
	free(c);
	free(t);
}

/* ---- hostile values and names */

static void
test_escapes_survive(void **state)
{
	const char *raw = "\"line one\\nline two \\x22quoted\\x22 back\\\\slash; #not a comment\"";
	const char *value = "line one\nline two \"quoted\" back\\slash; #not a comment";
	char *line = xasprintf("2.1.1 = %s\n", raw);
	char *t = tu_replace(BASE, "2.1.1 = \"first note\"\n", line);
	char *o = tu_replace(BASE, "rosh = medium\n", "rosh = high\n");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	has(&r, "notes", "2.1.1", value);
	has(&r, "facts", "rosh", "high");
	assert_non_null(strstr(text(&r), line));
	mres_free(&r);

	/* changed on ours: kept as ours spelled it */
	merged(state, BASE, t, o, 0, &r);
	has(&r, "notes", "2.1.1", value);
	assert_non_null(strstr(text(&r), line));
	mres_free(&r);

	/* as the base, changed nowhere */
	merged(state, t, t, t, 0, &r);
	assert_string_equal(text(&r), t);
	mres_free(&r);
	free(line);
	free(t);
	free(o);
}

static void
test_long_value_survives(void **state)
{
	struct buf v = BUF_INIT;
	struct iniw w;

	for (int i = 0; v.len < 2400; i++)
		buf_printf(&v, "part %d: \"quoted\"\\ and a line\n\xc3\xa9 ", i);

	iniw_init(&w);
	iniw_section(&w, "notes");
	iniw_str(&w, "2.1.1", buf_str(&v));
	const char *lines = strstr(iniw_text(&w), "2.1.1 = ");
	assert_non_null(lines);
	assert_non_null(strstr(lines, "\n2.1.1~2 = \""));
	assert_non_null(strstr(lines, "\n2.1.1~3 = \""));

	char *t = tu_replace(BASE, "2.1.1 = \"first note\"\n", lines);
	char *o = tu_replace(BASE, "rosh = medium\n", "rosh = high\n");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);
	has(&r, "notes", "2.1.1", buf_str(&v));
	assert_non_null(strstr(text(&r), lines));
	mres_free(&r);

	merged(state, BASE, t, o, 0, &r);
	has(&r, "notes", "2.1.1", buf_str(&v));
	assert_non_null(strstr(text(&r), lines));
	mres_free(&r);

	/* the long note as the base, the other side shortening it */
	merged(state, t, o, t, 0, &r);
	has(&r, "notes", "2.1.1", "first note");
	has(&r, "facts", "rosh", "high");
	assert_null(strstr(text(&r), "2.1.1~2"));
	mres_free(&r);
	free(t);
	free(o);
	iniw_free(&w);
	buf_free(&v);
}

static void
test_bad_escape(void **state)
{
	char *bad = tu_replace(BASE, "\"first note\"", "\"bad \\q escape\"");
	struct mres r;

	merged(state, BASE, bad, BASE, -1, &r);
	assert_non_null(strstr(r.e.msg, "ours"));
	mres_free(&r);

	merged(state, BASE, BASE, bad, -1, &r);
	assert_non_null(strstr(r.e.msg, "theirs"));
	mres_free(&r);

	merged(state, bad, BASE, BASE, -1, &r);
	assert_non_null(strstr(r.e.msg, "base"));
	mres_free(&r);
	free(bad);
}

static void
test_unwritable_key(void **state)
{
	char *bad = tu_replace(BASE, "2.1.2 = no\n", "2.1.2 = no\nmy key = yes\n");
	struct mres r;

	assert_int_equal(merge_in_child(BASE, bad, BASE), 0);
	assert_int_equal(merge_in_child(BASE, BASE, bad), 0);
	assert_int_equal(merge_in_child(BASE, bad, bad), 0);

	merged(state, BASE, bad, BASE, -1, &r);
	assert_non_null(strstr(r.e.msg, "my key"));
	mres_free(&r);
	free(bad);
}

/* A section name iniw would refuse (and abort on: '=', '#', '"', '~', ...)
 * that ini_load reads: the merge returns -1 with a message, never aborts. */
static void
test_unwritable_section(void **state)
{
	const char *names[] = { "[my~notes]\n", "[a=b]\n", "[a#b]\n", "[a\"b]\n" };
	const char *dir = *state;
	struct buf aborted = BUF_INIT;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *bad = xasprintf("%s%sx = 1\n", BASE, names[i]);
		char *path = xasprintf("%s/section-%zu.ini", dir, i);
		char *name = xasprintf("section-%zu.ini", i);
		struct ini ini;
		struct err e;

		/* a file as yjinspect reads it */
		tu_write(dir, name, bad);
		if (ini_load(&ini, path, &e) == 0) {
			ini_free(&ini);
			if (merge_in_child(BASE, bad, BASE) < 0)
				buf_printf(&aborted, " %.*s", (int)strlen(names[i]) - 1, names[i]);
		}
		free(bad);
		free(path);
		free(name);
	}
	if (aborted.len)
		fail_msg("merging a file with a section of these names aborted:%s", buf_str(&aborted));
	buf_free(&aborted);
}

/* A conflict is kept as [conflicts.SECTION] KEY.ours, KEY.theirs_by, ...
 * (up to 10 bytes more than KEY, 10 more than SECTION): on a key whose
 * name leaves no room, the merge returns -1 with a message, never aborts. */
static void
test_long_key_conflict(void **state)
{
	char key[61];
	memset(key, 'k', 60);
	key[60] = '\0';

	char *o = xasprintf("%s[extra]\n%s = \"ours\"\n", BASE, key);
	char *t = xasprintf("%s[extra]\n%s = \"theirs\"\n", BASE, key);
	char *b = xasprintf("%s[extra]\n%s = \"base\"\n", BASE, key);

	const char *dir = *state;
	char *path = xasprintf("%s/long-key.ini", dir);
	struct ini ini;
	struct err e;

	/* a file as yjinspect reads it */
	tu_write(dir, "long-key.ini", o);
	if (ini_load(&ini, path, &e) < 0)
		fail_msg("%s", e.msg);
	ini_free(&ini);
	free(path);
	assert_true(merge_in_child(b, o, t) >= 0);
	free(o);
	free(t);
	free(b);
}

/* ---- order */

static void
test_order(void **state)
{
	/* ours: 2.1.2 before 2.1.1, a new 2.1.4 at the end; theirs: 2.1.3 after
	 * 2.1.1, and a new section after [facts] */
	const char *o =
	    "[case]\n"
	    "format = 1\n"
	    "framework = yj-2019\n"
	    "reference = \"C1\"\n"
	    "inspector = \"Ann Lee\"\n"
	    "\n"
	    "[facts]\n"
	    "gender = female\n"
	    "rosh = medium\n"
	    "\n"
	    "[answers]\n"
	    "2.1.2 = no\n"
	    "2.1.1 = yes\n"
	    "2.1.4 = no\n"
	    "\n"
	    "[notes]\n"
	    "2.1.1 = \"first note\"\n"
	    "\n"
	    "[answered]\n"
	    "2.1.1 = \"" ANN_0 "\"\n"
	    "2.1.2 = \"" ANN_0 "\"\n"
	    "2.1.4 = \"" ANN_1 "\"\n";
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = yes\n2.1.3 = na\n",
	    "rosh = medium\n", "rosh = medium\n\n[extra]\nx = 1\n");
	struct mres r;

	merged(state, BASE, o, t, 0, &r);

	const struct ini_section *s = ini_section(&r.ini, "answers");
	assert_non_null(s);
	assert_int_equal(s->nkeys, 4);
	assert_string_equal(s->keys[0].name, "2.1.2");
	assert_string_equal(s->keys[1].name, "2.1.1");
	assert_string_equal(s->keys[2].name, "2.1.3");
	assert_string_equal(s->keys[3].name, "2.1.4");

	assert_int_equal(r.ini.nsecs, 6);
	assert_string_equal(r.ini.secs[0].name, "case");
	assert_string_equal(r.ini.secs[1].name, "facts");
	assert_string_equal(r.ini.secs[2].name, "extra");
	assert_string_equal(r.ini.secs[3].name, "answers");
	has(&r, "answers", "2.1.3", "na");
	has(&r, "answers", "2.1.4", "no");
	has(&r, "extra", "x", "1");
	mres_free(&r);
	free(t);
}

static size_t
count_of(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* A person's comments come through a merge: ours' where they stood,
 * those theirs added too, once each; one ours removed stays removed */
static void
test_comments_survive(void **state)
{
	char *b = edit2(BASE, "[notes]\n", "; old remark\n[notes]\n", NULL, NULL);
	char *o = edit2(BASE, "2.1.2 = no\n", "# ours: see paper file\n2.1.2 = no\n",
	    NULL, NULL);
	char *t1 = edit2(b, "2.1.1 = yes\n", "2.1.1 = no\n", NULL, NULL);
	char *t = xasprintf("%s; theirs: at the end\n", t1);
	struct mres r;

	merged(state, b, o, t, 0, &r);
	has(&r, "answers", "2.1.1", "no");
	assert_non_null(strstr(text(&r), "\n# ours: see paper file\n2.1.2 = no\n"));
	assert_non_null(strstr(text(&r), "\"\n; theirs: at the end\n"));
	assert_null(strstr(text(&r), "old remark"));
	assert_int_equal(count_of(text(&r), "ours: see paper file"), 1);
	mres_free(&r);
	/* both sides with the same comment: once */
	merged(state, BASE, o, o, 0, &r);
	assert_int_equal(count_of(text(&r), "ours: see paper file"), 1);
	mres_free(&r);
	free(b);
	free(o);
	free(t1);
	free(t);
}

/* A comment after a value on its line ("2.1.2 = no ; checked", which
 * iniparser reads as "no") is no part of the value: the merged file loads,
 * the value is "no", and the comment stands on a line of its own */
static void
test_inline_comment(void **state)
{
	char *o = edit2(BASE, "2.1.2 = no\n", "2.1.2 = no ; checked with the case manager\n",
	    NULL, NULL);
	char *t = edit2(BASE, "2.1.1 = yes\n", "2.1.1 = no\n", NULL, NULL);
	struct mres r;

	merged(state, BASE, o, t, 0, &r);	/* (merged() loads the result) */
	has(&r, "answers", "2.1.2", "no");
	has(&r, "answers", "2.1.1", "no");
	assert_int_equal(count_of(text(&r), "checked with the case manager"), 1);
	assert_null(strstr(text(&r), "\"no ; checked"));
	mres_free(&r);
	free(o);
	free(t);
}

/* A comment above the first section, with a tab in it, stays one line
 * through merge after merge (one more was added at each) */
static void
test_top_comment_once(void **state)
{
	char *o = xasprintf("; checked\twith Ann\n%s", BASE), *t = NULL;
	struct mres r;

	for (int round = 0; round < 4; round++) {
		free(t);
		t = edit2(BASE, "2.1.1 = yes\n", round % 2 ? "2.1.1 = no\n" : "2.1.1 = yes\n",
		    NULL, NULL);
		merged(state, BASE, o, t, 0, &r);
		free(o);
		o = xstrdup(text(&r));
		mres_free(&r);
	}
	assert_int_equal(count_of(o, "with Ann"), 1);
	assert_int_equal(count_of(o, "written by yjinspect"), strstr(BASE, "written by yjinspect") ? 1 : 0);
	free(o);
	free(t);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, tu_setup_dir, tu_teardown_dir)
	const struct CMUnitTest tests[] = {
		T(test_changed_on_theirs), T(test_changed_on_ours), T(test_added_on_one_side),
		T(test_deleted_on_one_side), T(test_same_change_both_sides),
		T(test_answer_conflict), T(test_added_both_sides), T(test_deleted_and_changed),
		T(test_facts_and_case_conflicts), T(test_notes_both_changed),
		T(test_note_removed_and_changed), T(test_stamps_same_answer),
		T(test_stamps_follow_answer), T(test_conflict_settled), T(test_conflict_kept),
		T(test_escapes_survive), T(test_long_value_survives), T(test_bad_escape),
		T(test_unwritable_key), T(test_unwritable_section), T(test_long_key_conflict),
		T(test_order), T(test_comments_survive), T(test_inline_comment),
		T(test_top_comment_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
