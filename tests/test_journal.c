/* test_journal.c - each case's history: every save journaled before the
 * file is replaced, a replay that equals the file, a file changed some
 * other way caught up with, torn and damaged lines, a save cut off after
 * its journal entry, journals merged as git's union merge would, and a
 * case restored as it was. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "model/edit.h"
#include "store/journal.h"
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
	if (insp_create(fx->dir, tu_env("YJINSPECT_FORMS"), "yj-2019", "Test YJS", NULL, NULL,
	    NULL, &e) < 0)
		fail_msg("%s", e.msg);
	if (insp_open(&fx->in, fx->dir, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	problems_free(&p);
	walk_init(&fx->w, &fx->in.form);
	if (edit_add_case(&fx->in, "C1", "Ann", &ci, &e) < 0)
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

static void
answer(struct fx *fx, const char *id, enum answer a)
{
	struct err e;
	int i = walk_find(&fx->w, id);

	assert_true(i >= 0);
	if (edit_answer(&fx->in, &fx->w, 0, (size_t)i, a, "Ann", &fx->u, &e) < 0)
		fail_msg("%s", e.msg);
}

/* The journal's replay (up to AT) and the case file hold the same keys */
static int
replay_is_file(const char *case_path, const char *at, int skip_last)
{
	struct journal j;
	struct journal_kv a, b;
	struct err e;
	char *text, *file = tu_read(case_path, NULL);
	int same;

	if (journal_read(case_path, &j, &e) < 0)
		fail_msg("%s", e.msg);
	text = journal_text(&j, at, skip_last);
	journal_kv_parse(text, &a);
	journal_kv_parse(file, &b);
	same = a.n == b.n;
	for (size_t i = 0; same && i < a.n; i++)
		same = strcmp(a.key[i], b.key[i]) == 0 && strcmp(a.val[i], b.val[i]) == 0;
	if (!same)
		print_error("journal:\n%s\nfile:\n%s\n", text, file);
	journal_kv_free(&a);
	journal_kv_free(&b);
	journal_free(&j);
	free(text);
	free(file);
	return same;
}

/* The warnings check gives for the case (its journal) */
static size_t
warnings(struct fx *fx, const char *needle)
{
	struct problems p = PROBLEMS_INIT;
	size_t n = 0;

	journal_check(fx->in.cases[0].path, &p);
	for (size_t i = 0; i < p.n; i++) {
		if (needle == NULL || strstr(p.v[i].msg, needle) != NULL)
			n++;
		print_message("check: %s\n", p.v[i].msg);
	}
	problems_free(&p);
	return n;
}

static char *
journal_of(struct fx *fx)
{
	char *jp = journal_path(fx->in.cases[0].path), *t = tu_read(jp, NULL);

	free(jp);
	assert_non_null(t);
	return t;
}

/* Every save is in the journal, before the file: the replay is the file. */
static void
test_every_save_journaled(void **state)
{
	struct fx *fx = *state;
	struct journal j;
	struct err e;
	char *jp = journal_path(fx->in.cases[0].path);

	assert_non_null(strstr(jp, "/cases/C1.journal"));	/* beside C1.ini */
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));	/* the new case */
	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	answer(fx, "2.1.1.1", ANSWER_NO);
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));
	if (journal_read(fx->in.cases[0].path, &j, &e) < 0)
		fail_msg("%s", e.msg);
	/* the last change: answers.2.1.1.1 yes -> no, by the inspector */
	{
		int found = 0;

		for (size_t i = 0; i < j.n; i++)
			if (strcmp(j.v[i].key, "answers.2.1.1.1") == 0 && j.v[i].old &&
			    strcmp(j.v[i].old, "yes") == 0 && j.v[i].new && strcmp(j.v[i].new, "no") == 0)
				found = 1;
		assert_true(found);
	}
	assert_int_equal(j.bad, 0);
	assert_int_equal(j.torn, 0);
	journal_free(&j);
	assert_int_equal(warnings(fx, NULL), 0);
	free(jp);
}

/* A file changed by hand: check says where; the next save catches the
 * journal up ("(file)") before its own change, and they agree again. */
static void
test_changed_outside(void **state)
{
	struct fx *fx = *state;
	char *text, *edited, *j;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	text = tu_read(fx->in.cases[0].path, NULL);
	edited = tu_replace(text, "2.1.1.1 = yes", "2.1.1.1 = no");
	tu_write(fx->dir, "cases/C1.ini", edited);
	assert_int_equal(warnings(fx, "disagree at answers.2.1.1.1 (file: no, journal: yes)"), 1);
	answer(fx, "2.1.1.2", ANSWER_YES);	/* reads the case again first (edit.h) */
	assert_int_equal(warnings(fx, NULL), 0);
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));
	j = journal_of(fx);
	assert_non_null(strstr(j, "\t(file)\tanswers.2.1.1.1\t=yes\t=no\t"));
	free(j);
	free(text);
	free(edited);
}

/* A case saved before journals existed: its first save records the whole
 * file as it was ("(base)"), so every state since can be rebuilt. */
static void
test_base(void **state)
{
	struct fx *fx = *state;
	char *jp = journal_path(fx->in.cases[0].path), *j;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	unlink(jp);
	answer(fx, "2.1.1.2", ANSWER_NO);
	j = journal_of(fx);
	assert_non_null(strstr(j, "\t(base)\tanswers.2.1.1.1\t-\t=yes\t"));
	assert_non_null(strstr(j, "\tanswers.2.1.1.2\t-\t=no\t"));
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));
	free(j);
	free(jp);
}

/* A last line cut short (killed mid-append) is ignored, said by
 * history, not a problem for check, and cut off before the next append;
 * a damaged line elsewhere is a warning naming its line. */
static void
test_torn_and_damaged(void **state)
{
	struct fx *fx = *state;
	char *jp = journal_path(fx->in.cases[0].path), *j, *bad;
	struct journal jr;
	struct err e;
	FILE *fp;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	fp = fopen(jp, "a");
	assert_non_null(fp);
	fputs("9\t2026-01-01T00:00:00.000Z\tX\tanswers.2.1.1.3\t-\t=y", fp);
	fclose(fp);
	if (journal_read(fx->in.cases[0].path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.torn, 1);
	assert_int_equal(jr.bad, 0);
	journal_free(&jr);
	assert_int_equal(warnings(fx, NULL), 0);
	answer(fx, "2.1.1.2", ANSWER_YES);
	if (journal_read(fx->in.cases[0].path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.torn, 0);
	assert_int_equal(jr.bad, 0);
	journal_free(&jr);
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));

	/* one byte of an old line changed: its CRC fails */
	j = journal_of(fx);
	bad = tu_replace(j, "answers.2.1.1.1\t-\t=yes", "answers.2.1.1.1\t-\t=yeS");
	tu_write(fx->dir, "cases/C1.journal", bad);
	assert_int_equal(warnings(fx, "1 line failed its check (a CRC, or a key not SECTION.KEY) and is ignored"), 1);
	free(j);
	free(bad);
	free(jp);
}

/* Killed after the journal entry, before the file's rename: the change is
 * not in the file, and that is no disagreement (nor is it replayed as
 * given by the next save's catch-up: the file wins). */
static void
test_save_cut_off(void **state)
{
	struct fx *fx = *state;
	char *text, *next;
	struct err e;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	text = tu_read(fx->in.cases[0].path, NULL);
	next = tu_replace(text, "2.1.1.1 = yes", "2.1.1.1 = no");
	if (journal_record(fx->in.cases[0].path, text, next, "Ann", &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(warnings(fx, NULL), 0);
	assert_false(replay_is_file(fx->in.cases[0].path, NULL, 0));
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 1));
	answer(fx, "2.1.1.2", ANSWER_YES);
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));
	assert_int_equal(fx->in.cases[0].prompt_answer[form_prompt_index(&fx->in.form,
	    "2.1.1.1")], ANSWER_YES);
	free(text);
	free(next);
}

/* Two laptops' journals merged line by line (git's union merge: ours,
 * then theirs): read in time order, whatever the order of the lines. */
static void
test_union_merged(void **state)
{
	struct fx *fx = *state;
	char *jp = journal_path(fx->in.cases[0].path);
	struct journal j;
	struct err e;
	FILE *fp;
	/* lines made as journal.c makes them (CRC of what comes before) */
	static const char *later = "1\t2026-05-02T10:00:00.000Z\tBea\tanswers.2.1.1.1\t-\t=no\t";
	static const char *earlier = "1\t2026-05-01T10:00:00.000Z\tAnn\tanswers.2.1.1.1\t-\t=yes\t";
	uint32_t c;

	unlink(jp);
	fp = fopen(jp, "w");
	assert_non_null(fp);
	for (int k = 0; k < 2; k++) {
		const char *l = k == 0 ? later : earlier;

		c = 0xffffffffu;
		for (const char *s = l; *s; s++) {
			c ^= (unsigned char)*s;
			for (int b = 0; b < 8; b++)
				c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
		}
		fprintf(fp, "%s%08x\n", l, (unsigned)(c ^ 0xffffffffu));
	}
	fclose(fp);
	if (journal_read(fx->in.cases[0].path, &j, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(j.n, 2);
	assert_int_equal(j.bad, 0);
	assert_string_equal(j.v[0].who, "Ann");
	assert_string_equal(j.v[1].who, "Bea");
	{
		char *t = journal_text(&j, NULL, 0), *t1 = journal_text(&j, "2026-05-01", 0);

		assert_non_null(strstr(t, "2.1.1.1 = no\n"));
		assert_non_null(strstr(t1, "2.1.1.1 = yes\n"));
		free(t);
		free(t1);
	}
	journal_free(&j);
	free(jp);
}

/* A case rebuilt as it was at a time: a new change, itself journaled;
 * before the journal begins: refused, nothing changed. */
static void
test_restore(void **state)
{
	struct fx *fx = *state;
	struct journal j;
	struct err e;
	char at[64], *before;
	struct timespec pause = { 0, 20000000 };

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	answer(fx, "2.1.1.2", ANSWER_NO);
	if (journal_read(fx->in.cases[0].path, &j, &e) < 0)
		fail_msg("%s", e.msg);
	snprintf(at, sizeof at, "%s", j.v[j.n - 1].time);	/* after 2.1.1.2 = no */
	journal_free(&j);
	nanosleep(&pause, NULL);
	answer(fx, "2.1.1.1", ANSWER_NO);
	answer(fx, "2.1.1.3", ANSWER_YES);
	if (edit_restore(&fx->in, 0, at, "Ann (restore)", &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(fx->in.cases[0].prompt_answer[form_prompt_index(&fx->in.form,
	    "2.1.1.1")], ANSWER_YES);
	assert_int_equal(fx->in.cases[0].prompt_answer[form_prompt_index(&fx->in.form,
	    "2.1.1.3")], ANSWER_NONE);
	assert_true(replay_is_file(fx->in.cases[0].path, NULL, 0));
	assert_int_equal(warnings(fx, NULL), 0);
	{
		char *jt = journal_of(fx);

		assert_non_null(strstr(jt, "\tAnn (restore)\tanswers.2.1.1.3\t=yes\t-\t"));
		free(jt);
	}
	before = tu_read(fx->in.cases[0].path, NULL);
	assert_int_equal(edit_restore(&fx->in, 0, "", "Ann", &e), -1);
	assert_non_null(strstr(e.msg, "not a time"));
	assert_int_equal(edit_restore(&fx->in, 0, "2001-01-01", "Ann", &e), -1);
	assert_non_null(strstr(e.msg, "nothing to restore at 2001-01-01"));
	{
		char *after = tu_read(fx->in.cases[0].path, NULL);

		assert_string_equal(before, after);
		free(after);
	}
	free(before);
}

/* A tab in a section's name is a space in the journal, as in a key or a
 * value: the line keeps its seven fields and the replay is the file. */
static void
test_tab_in_section(void **state)
{
	struct fx *fx = *state;
	const char *path = fx->in.cases[0].path;
	char *text = tu_read(path, NULL), *next = xasprintf("%s\n[a\tb]\nk = v\n", text);
	struct journal jr;
	struct err e;

	if (journal_record(path, text, next, "Ann", &e) < 0)
		fail_msg("%s", e.msg);
	tu_write(fx->dir, "cases/C1.ini", next);
	if (journal_read(path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.bad, 0);
	assert_string_equal(jr.v[jr.n - 1].key, "a b.k");
	journal_free(&jr);
	assert_true(replay_is_file(path, NULL, 0));
	assert_int_equal(warnings(fx, NULL), 0);
	free(text);
	free(next);
}

/* Two copies of a journal that parted: the same inspector sets one key on
 * one laptop and another on the other (the same SEQ, lines of the same
 * length). The union keeps both lines; the shared base is the copy before. */
static void
test_union_two_copies(void **state)
{
	struct fx *fx = *state;
	const char *path = fx->in.cases[0].path;
	char *text = tu_read(path, NULL), *t1 = xasprintf("%s\n[x]\nk = 1\n", text);
	char *ta = xasprintf("%sa = 1\n", t1), *tb = xasprintf("%sb = 2\n", t1);
	char *copy = xasprintf("%s/copy/C1.ini", fx->dir), *jt, *jp, *base;
	struct journal jr;
	struct err e;
	int seen_a = 0, seen_b = 0;

	if (journal_record(path, text, t1, "Ann", &e) < 0)
		fail_msg("%s", e.msg);
	tu_write(fx->dir, "cases/C1.ini", t1);
	tu_write(fx->dir, "copy/C1.ini", t1);
	jp = journal_path(path);
	jt = tu_read(jp, NULL);
	free(jp);
	tu_write(fx->dir, "copy/C1.journal", jt);
	if (journal_record(path, t1, ta, "Ann", &e) < 0 || journal_record(copy, t1, tb, "Ann", &e) < 0)
		fail_msg("%s", e.msg);
	base = journal_shared_base(path, copy);
	assert_non_null(base);
	assert_non_null(strstr(base, "k = 1"));
	assert_null(strstr(base, "a = 1"));
	assert_null(strstr(base, "b = 2"));
	if (journal_union(path, copy, &e) < 0)
		fail_msg("%s", e.msg);
	if (journal_read(path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.bad, 0);
	for (size_t i = 0; i < jr.n; i++) {
		seen_a += strcmp(jr.v[i].key, "x.a") == 0;
		seen_b += strcmp(jr.v[i].key, "x.b") == 0;
	}
	assert_int_equal(seen_a, 1);
	assert_int_equal(seen_b, 1);
	journal_free(&jr);
	if (journal_union(path, copy, &e) < 0)	/* again: nothing more */
		fail_msg("%s", e.msg);
	if (journal_read(path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	seen_b = 0;
	for (size_t i = 0; i < jr.n; i++)
		seen_b += strcmp(jr.v[i].key, "x.b") == 0;
	assert_int_equal(seen_b, 1);
	journal_free(&jr);
	free(base);
	free(jt);
	free(copy);
	free(text);
	free(t1);
	free(ta);
	free(tb);
}

/* A journal line with its CRC */
static char *
line(const char *fields)
{
	char *l = xasprintf("%s\t", fields), *with = xasprintf("%s%08x\n", l,
	    (unsigned)tu_crc32(l, strlen(l)));

	free(l);
	return with;
}

/* Lines merged in from a laptop whose clock is ahead: a save here, at an
 * earlier time, still comes after them in the replay. */
static void
test_clock_behind(void **state)
{
	struct fx *fx = *state;
	const char *path = fx->in.cases[0].path;
	char *jp = journal_path(path), *j, *ahead, *merged, *text, *next;
	struct err e;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	j = journal_of(fx);
	ahead = line("99\t2099-01-01T00:00:00.000Z\tBob\tanswers.2.1.1.1\t=yes\t=no");
	merged = xasprintf("%s%s", j, ahead);
	tu_write(fx->dir, "cases/C1.journal", merged);
	text = tu_read(path, NULL);
	tu_write(fx->dir, "cases/C1.ini", (next = tu_replace(text, "2.1.1.1 = yes",
	    "2.1.1.1 = no")));
	assert_true(replay_is_file(path, NULL, 0));
	free(text);
	text = next;
	next = tu_replace(text, "2.1.1.1 = no", "2.1.1.1 = yes");
	if (journal_record(path, text, next, "Ann", &e) < 0)
		fail_msg("%s", e.msg);
	tu_write(fx->dir, "cases/C1.ini", next);
	assert_true(replay_is_file(path, NULL, 0));
	assert_int_equal(warnings(fx, NULL), 0);
	free(text);
	free(next);
	free(merged);
	free(ahead);
	free(j);
	free(jp);
}

/* A line with a SEQ too large to count on from (a save after it would
 * overflow it) fails its check. */
static void
test_seq_too_large(void **state)
{
	struct fx *fx = *state;
	const char *path = fx->in.cases[0].path;
	char *j, *big, *merged;
	struct journal jr;
	struct err e;

	fact(fx, "case_type", "court");
	j = journal_of(fx);
	big = line("9223372036854775807\t2026-01-01T00:00:00.000Z\tX\tanswers.2.1.1.3\t-\t=yes");
	merged = xasprintf("%s%s", j, big);
	tu_write(fx->dir, "cases/C1.journal", merged);
	if (journal_read(path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.bad, 1);
	journal_free(&jr);
	answer(fx, "2.1.1.1", ANSWER_YES);
	assert_true(replay_is_file(path, NULL, 0));
	free(merged);
	free(big);
	free(j);
}

/* Lines with a good CRC whose key is not SECTION.KEY (empty, no dot, an
 * empty section or key, "conflicts." with no dot after it), as a
 * teammate's journal may bring by git: bad lines, counted, named by check
 * and never replayed; and journal_text leaves out such an entry given it
 * directly (it read past the key: issue 20). */
static void
test_key_not_section_key(void **state)
{
	static const char *const keys[] = { "", "answers", "answers.", ".2.1.1.3", "conflicts.",
	    "conflicts.answers", "conflicts..k", "conflicts.answers." };
	const size_t nkeys = sizeof keys / sizeof keys[0];
	struct fx *fx = *state;
	const char *path = fx->in.cases[0].path;
	char *j, *bad, *merged, *text, *want, *jp = journal_path(path);
	size_t lines = 0;
	struct buf b = BUF_INIT;
	struct journal jr;
	struct journal_entry v[3];
	char time[] = "2026-01-01T00:00:00.000Z", who[] = "Eve", x[] = "x", k_empty[] = "";
	char k_conflicts[] = "conflicts.", k_good[] = "answers.2.1.1.1";
	struct err e;

	fact(fx, "case_type", "court");
	answer(fx, "2.1.1.1", ANSWER_YES);
	j = journal_of(fx);
	for (const char *c = j; *c; c++)
		lines += *c == '\n';
	for (size_t k = 0; k < nkeys; k++) {
		char *f = xasprintf("9\t2026-01-01T00:00:0%zu.000Z\tEve\t%s\t-\t=x", k, keys[k]);

		bad = line(f);
		buf_adds(&b, bad);
		free(bad);
		free(f);
	}
	merged = xasprintf("%s%s", j, buf_str(&b));
	tu_write(fx->dir, "cases/C1.journal", merged);
	if (journal_read(path, &jr, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(jr.bad, nkeys);
	assert_int_equal(jr.last_bad_line, (long)lines + 1);
	for (size_t i = 0; i < jr.n; i++)
		assert_string_not_equal(jr.v[i].who, "Eve");
	journal_free(&jr);
	assert_true(replay_is_file(path, NULL, 0));
	want = xasprintf("%s:%zu: %zu lines failed their check (a CRC, or a key not "
	    "SECTION.KEY) and are ignored", jp, lines + 1, nkeys);
	assert_int_equal(warnings(fx, want), 1);
	assert_int_equal(warnings(fx, NULL), 1);
	/* a save goes on over them, and they stay bad lines */
	answer(fx, "2.1.1.2", ANSWER_YES);
	assert_true(replay_is_file(path, NULL, 0));
	assert_int_equal(warnings(fx, want), 1);

	/* journal_text on such entries given directly: left out */
	memset(v, 0, sizeof v);
	for (size_t i = 0; i < 3; i++) {
		v[i].time = time;
		v[i].who = who;
		v[i].new = x;
	}
	v[0].key = k_empty;
	v[1].key = k_conflicts;
	v[2].key = k_good;
	jr.v = v;
	jr.n = 3;
	text = journal_text(&jr, NULL, 0);
	assert_non_null(strstr(text, "\n[answers]\n2.1.1.1 = x\n"));
	assert_null(strstr(text, "conflicts"));
	assert_null(strstr(text, "\n = "));
	free(text);
	v[2].key = x;
	text = journal_text(&jr, NULL, 0);
	assert_null(strchr(text, '['));
	free(text);

	buf_free(&b);
	free(want);
	free(merged);
	free(j);
	free(jp);
}

/* ---- a save's change from the two texts, as from their keys ---- */

#define NSEC 5
#define NKEY 24
#define NROUNDS 400

/* A case text of the keys PRESENT with values VAL, in one order, as the
 * writer writes one: sections in order, their keys in order (but for
 * section BACKWARDS, if one: its keys the other way round) */
static char *
text_of(const unsigned char present[NSEC][NKEY], const unsigned char val[NSEC][NKEY],
    int backwards)
{
	static const char *const secs[NSEC] = { "case", "facts", "answers", "notes", "answered" };
	static const char *const vals[] = { "yes", "no", "na", "\"2020-10-19T09:05:53Z Ann Lee\"",
	    "\"2020-10-20T10:00:00Z Bo\"", "\"a note = with an equals sign\"", "\"\"", "x" };
	struct buf b = BUF_INIT;

	buf_adds(&b, "; a case file\n");
	for (int s = 0; s < NSEC; s++) {
		int any = 0;

		for (int k = 0; k < NKEY; k++)
			any |= present[s][k];
		if (!any && s == NSEC - 1)
			continue;	/* (a section left out) */
		buf_printf(&b, "%s[%s]\n", s ? "\n" : "", secs[s]);
		for (int i = 0; i < NKEY; i++) {
			int k = s == backwards ? NKEY - 1 - i : i;	/* (not as the writer) */

			if (present[s][k])
				buf_printf(&b, "%d.%d = %s\n", s, k, vals[val[s][k] % 8]);
		}
	}
	return buf_take(&b);
}

/* The journal of CASE_PATH, its lines without their times */
static char *
journal_lines(const char *case_path)
{
	struct journal j;
	struct buf b = BUF_INIT;
	struct err e;

	if (journal_read(case_path, &j, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(j.bad, 0);
	for (size_t i = 0; i < j.n; i++)
		buf_printf(&b, "%ld %s %s %s %s\n", j.v[i].seq, j.v[i].who, j.v[i].key,
		    j.v[i].old ? j.v[i].old : "-", j.v[i].new ? j.v[i].new : "-");
	journal_free(&j);
	return buf_take(&b);
}

/* A case saved again and again by one process (the journal as it left it,
 * the old text as it wrote it: the change found by one walk down the two
 * texts) journals what a process reading each time writes (the change
 * found from the keys of both texts): random changes of a few keys, keys
 * added and taken, a section gone and back, many keys at once, and a
 * section's keys out of order; and the walk did find the most of them. */
static void
test_text_diff(void **state)
{
	struct fx *fx = *state;
	unsigned char present[NSEC][NKEY] = { { 0 } }, val[NSEC][NKEY] = { { 0 } };
	char *a = xasprintf("%s/cases/A.ini", fx->dir), *b = xasprintf("%s/cases/B.ini", fx->dir);
	char *other = xasprintf("%s/cases/O.ini", fx->dir), *texts[NROUNDS], *ja, *jb;
	unsigned seed = 2026;
	unsigned long walks;
	struct err e;

	for (int round = 0; round < NROUNDS; round++) {
		int changes = round % 50 == 49 ? 200 : 1 + (int)(rand_r(&seed) % 5);

		for (int c = 0; c < changes; c++) {
			int s = (int)(rand_r(&seed) % NSEC), k = (int)(rand_r(&seed) % NKEY);

			switch (rand_r(&seed) % 3) {
			case 0: present[s][k] = !present[s][k]; break;
			default: present[s][k] = 1; val[s][k] = (unsigned char)rand_r(&seed); break;
			}
		}
		if (round % 97 == 5)	/* a section emptied: left out */
			memset(present[NSEC - 1], 0, NKEY);
		texts[round] = text_of(present, val, round % 61 == 7 ? 2 : -1);
	}
	/* A saved again and again; B the same, its journal each time read
	 * (another journal written in between) */
	walks = journal_walks();
	for (int round = 0; round < NROUNDS; round++)
		if (journal_record(a, round ? texts[round - 1] : NULL, texts[round], "Ann", &e) < 0)
			fail_msg("%s", e.msg);
	walks = journal_walks() - walks;
	/* the walk found most (the first has no old text): not those with many
	 * changes nor those to or from a section out of order, which it gives
	 * up, the key tables taking them */
	assert_true(walks > NROUNDS * 3 / 4);
	assert_true(walks <= NROUNDS - 1 - NROUNDS / 50 - 2 * (NROUNDS / 61));
	/* a save that changes nothing keeps the journal as it was left: the
	 * next is walked too */
	walks = journal_walks();
	for (int i = 0; i < 2; i++)
		if (journal_record(a, texts[NROUNDS - 1], texts[NROUNDS - 1], "Ann", &e) < 0)
			fail_msg("%s", e.msg);
	assert_int_equal(journal_walks() - walks, 2);
	walks = journal_walks();
	for (int round = 0; round < NROUNDS; round++) {
		if (journal_record(b, round ? texts[round - 1] : NULL, texts[round], "Ann", &e) < 0)
			fail_msg("%s", e.msg);
		if (journal_record(other, NULL, round % 2 ? "[x]\na = 1\n" : "[x]\na = 2\n",
		    "Ann", &e) < 0)
			fail_msg("%s", e.msg);
	}
	assert_int_equal(journal_walks(), walks);	/* B's all from the tables */
	ja = journal_lines(a);
	jb = journal_lines(b);
	assert_string_equal(ja, jb);
	assert_true(strlen(ja) > 1000);
	free(ja);
	free(jb);
	for (int round = 0; round < NROUNDS; round++)
		free(texts[round]);
	free(a);
	free(b);
	free(other);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_every_save_journaled), T(test_changed_outside), T(test_base),
		T(test_torn_and_damaged), T(test_save_cut_off), T(test_union_merged),
		T(test_restore), T(test_tab_in_section), T(test_clock_behind),
		T(test_seq_too_large), T(test_union_two_copies), T(test_text_diff),
		T(test_key_not_section_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
