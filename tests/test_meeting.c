/* test_meeting.c - the panel meeting's record (meeting.h): two cases
 * changed by two people after the panel opened, one change moving a
 * standard's band, the other moving nothing; a change before the panel
 * opened counts in the starting state but is not listed; a decision made
 * in the meeting is listed with who, why and what it moved; decisions
 * made, replaced, withdrawn and removed, from inspection.journal, each at
 * its time, the later entries worked out with the decisions then standing;
 * a decision at the same second as SINCE; --since's shape; a case copied
 * in during the meeting. Journals are written by hand (their lines as
 * journal.h gives them) so that each change has the time the test gives
 * it. And the time the panel opened, kept per inspector beside the place
 * file (place.h). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "model/insp.h"
#include "model/meeting.h"
#include "model/rate.h"
#include "store/journal.h"
#include "store/place.h"
#include "testutil.h"
#include "base/xalloc.h"

#define SINCE "2026-12-07T10:00:00.000Z"

struct fx {
	char *dir;
	struct inspection in;
	struct buf journal[7];
	long seq[7];	/* [6]: inspection.journal */
};

/* A journal line of case CI: KEY from OLD to NEW (NULL: none) */
static void
line(struct fx *fx, size_t ci, const char *time, const char *who, const char *key,
    const char *old, const char *new)
{
	struct buf *b = &fx->journal[ci];
	size_t start = b->len;

	if (b->len == 0)
		buf_adds(b, JOURNAL_HEAD);
	start = b->len;
	buf_printf(b, "%ld\t%s\t%s\t%s\t%s%s\t%s%s\t", fx->seq[ci], time, who, key,
	    old ? "=" : "-", old ? old : "", new ? "=" : "-", new ? new : "");
	buf_printf(b, "%08x\n", (unsigned)tu_crc32(b->data + start, b->len - start));
}

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	struct err e;
	char *forms = tu_rate_forms("half-up");

	fx->dir = tu_tmpdir();
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

static int
teardown(void **state)
{
	struct fx *fx = *state;

	for (size_t i = 0; i < 7; i++)
		buf_free(&fx->journal[i]);
	tu_rmtree(fx->dir);
	free(fx->dir);
	insp_close(&fx->in);
	free(fx);
	return 0;
}

/* Six court cases, each begun before the panel (09:00, by "(base)"):
 * 2.1.1 yes in c0..c2, no in c3..c5 (50%: Requires improvement); case
 * LATE's "(base)" group (its file before its first journaled save) is
 * written at 10:04 instead, after the panel opened: a file copied in
 * during the meeting, with no history of its own. References
 * are spelt as a case file spells them (quoted). The in-memory cases are
 * empty but for their paths: the journals say it all. */
static void
six_cases(struct fx *fx, size_t late)
{
	const struct form *f = &fx->in.form;

	fx->in.cases = xcalloc(6, sizeof *fx->in.cases);
	for (size_t ci = 0; ci < 6; ci++) {
		char *path = xasprintf("%s/cases/c%zu.ini", fx->dir, ci);
		char ref[16];
		const char *at = ci == late ? "2026-12-07T10:04:00.000Z" : "2026-12-07T09:00:00.000Z";

		case_init(&fx->in.cases[ci], f, path);
		free(path);
		fx->in.ncases++;
		snprintf(ref, sizeof ref, "\"C-%zu\"", ci);
		fx->seq[ci] = 1;
		line(fx, ci, at, "(base)", "case.framework", NULL, "t");
		line(fx, ci, at, "(base)", "case.reference", NULL, ref);
		line(fx, ci, at, "(base)", "facts.case_type", NULL, "court");
		line(fx, ci, at, "(base)", "facts.flag", NULL, "no");
		line(fx, ci, at, "(base)", "answers.2.1.1", NULL,
		    ci < 3 ? "yes" : "no");
		fx->seq[ci]++;
	}
}

static void
write_journals(struct fx *fx)
{
	for (size_t ci = 0; ci < fx->in.ncases; ci++) {
		char name[64];

		snprintf(name, sizeof name, "cases/c%zu.journal", ci);
		tu_write(fx->dir, name, buf_str(&fx->journal[ci]));
	}
}

/* X's move of KIND and INDEX (the test fails without one) */
static struct meeting_move
find_move(const struct meeting_entry *x, enum meeting_move_kind kind, size_t index)
{
	for (size_t i = 0; i < x->nmoves; i++)
		if (x->moves[i].kind == kind && x->moves[i].index == index)
			return x->moves[i];
	fail_msg("no move of kind %d, index %zu", (int)kind, index);
	return (struct meeting_move){ kind, index, -99, -99 };
}

static void
test_two_people_two_cases(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	size_t s21 = (size_t)form_std_index(f, "2.1"), q = (size_t)form_kq_index(f, "2.1.1");
	int ri = form_band_index(f, "requires-improvement"), good = form_band_index(f, "good");
	struct meeting_move mv;
	struct meeting m;
	struct buf b = BUF_INIT;

	six_cases(fx, 6);
	/* before the panel: Carol's answer on c5 counts, not listed (2 of 6
	 * yes would be 33%; it stays 50% as c5 goes no -> yes -> no) */
	line(fx, 5, "2026-12-07T09:30:00.000Z", "Carol", "answers.2.1.1", "no", "yes");
	fx->seq[5]++;
	line(fx, 5, "2026-12-07T09:31:00.000Z", "Carol", "answers.2.1.1", "yes", "no");
	fx->seq[5]++;
	/* Alice, second in time but written first: c3 2.1.1 No -> Yes, with
	 * its stamp (the same save): 4 of 6, 67%, Good */
	line(fx, 3, "2026-12-07T10:02:00.000Z", "Alice", "answers.2.1.1", "no", "yes");
	line(fx, 3, "2026-12-07T10:02:00.000Z", "Alice", "answered.2.1.1", NULL,
	    "2026-12-07T10:02:00Z Alice");
	/* Bob, first: a prompt of c0 answered N/A, which moves no rating */
	line(fx, 0, "2026-12-07T10:01:00.000Z", "Bob", "answers.2.1.1.1", NULL, "na");
	/* a stamp alone says nothing */
	fx->seq[1]++;
	line(fx, 1, "2026-12-07T10:01:30.000Z", "Dan", "answered.2.1.1", NULL,
	    "2026-12-07T10:01:30Z Dan");
	write_journals(fx);

	meeting_compute(&m, &fx->in, SINCE);
	assert_string_equal(m.since, SINCE);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.ndecisions, 0);

	/* in time order: Bob, then Alice */
	assert_string_equal(m.v[0].who, "Bob");
	assert_string_equal(m.v[0].ref, "C-0");
	assert_string_equal(m.v[0].time, "2026-12-07T10:01:00.000Z");
	assert_int_equal(m.v[0].nchanges, 1);
	assert_int_equal(m.v[0].changes[0].kind, MEETING_ANSWER);
	assert_string_equal(m.v[0].changes[0].item, "2.1.1.1");
	assert_string_equal(m.v[0].changes[0].old, "unanswered");
	assert_string_equal(m.v[0].changes[0].new, "N/A");
	assert_int_equal(m.v[0].nmoves, 0);
	meeting_entry_text(&b, f, &m.v[0], " -> ");
	assert_string_equal(buf_str(&b), "2.1.1.1 unanswered -> N/A; moved nothing");

	assert_string_equal(m.v[1].who, "Alice");
	assert_string_equal(m.v[1].ref, "C-3");
	assert_int_equal(m.v[1].nchanges, 1);
	assert_string_equal(m.v[1].changes[0].item, "2.1.1");
	assert_string_equal(m.v[1].changes[0].old, "No");
	assert_string_equal(m.v[1].changes[0].new, "Yes");
	mv = find_move(&m.v[1], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, ri);
	assert_int_equal(mv.to, good);
	mv = find_move(&m.v[1], MEETING_MOVE_KQ, q);
	assert_int_equal(mv.from, 50);
	assert_int_equal(mv.to, 67);
	mv = find_move(&m.v[1], MEETING_MOVE_SCORE, 0);
	assert_int_equal(mv.from, 1);
	assert_int_equal(mv.to, 2);
	assert_int_equal(m.v[1].nmoves, 3);	/* 1.1 not judged: no overall yet */
	buf_reset(&b);
	meeting_entry_text(&b, f, &m.v[1], " -> ");
	assert_string_equal(buf_str(&b), "2.1.1 No -> Yes; moved 2.1 Requires improvement -> "
	    "Good, 2.1.1 50% -> 67%, score 1 -> 2");
	buf_free(&b);
	meeting_free(&m);

	/* since a later time: only Alice's */
	meeting_compute(&m, &fx->in, "2026-12-07T10:01:45.000Z");
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].who, "Alice");
	meeting_free(&m);
}

static void
test_decision_in_the_meeting(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	size_t s21 = (size_t)form_std_index(f, "2.1");
	int good = form_band_index(f, "good"), out = form_band_index(f, "outstanding");
	struct meeting_move mv;
	struct meeting m;
	struct buf b = BUF_INIT;

	six_cases(fx, 6);
	line(fx, 3, "2026-12-07T10:02:00.000Z", "Alice", "answers.2.1.1", "no", "yes");
	write_journals(fx);
	fx->in.judgements[form_std_index(f, "1.1")] = good;
	/* decided at 10:03, after the answer made it Good */
	fx->in.decisions = xcalloc(1, sizeof *fx->in.decisions);
	fx->in.ndecisions = 1;
	fx->in.decisions[0] = (struct insp_decision){ s21, xstrdup("2.1.1"), good, out,
	    xstrdup("strong evidence"), xstrdup("Chair"), xstrdup("2026-12-07T10:03:00Z") };

	meeting_compute(&m, &fx->in, SINCE);
	assert_int_equal(m.n, 2);
	assert_int_equal(m.ndecisions, 1);
	assert_false(m.v[0].decision);
	/* the answer moved 2.1 to Good and the overall score 3 -> 4 (1.1 Good) */
	mv = find_move(&m.v[0], MEETING_MOVE_OVERALL, 0);
	assert_int_equal(mv.from, 1);	/* Requires improvement */
	assert_int_equal(mv.to, 2);	/* Good */
	assert_true(m.v[1].decision);
	assert_string_equal(m.v[1].who, "Chair");
	assert_string_equal(m.v[1].why, "strong evidence");
	assert_int_equal(m.v[1].std, s21);
	assert_int_equal(m.v[1].from, good);
	assert_int_equal(m.v[1].to, out);
	mv = find_move(&m.v[1], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, good);
	assert_int_equal(mv.to, out);
	meeting_move_text(&b, f, &mv, " -> ");
	assert_string_equal(buf_str(&b), "2.1 Good -> Outstanding");
	buf_free(&b);
	meeting_free(&m);

	/* the panel opened after the decision: it is in force from the start */
	meeting_compute(&m, &fx->in, "2026-12-07T10:05:00.000Z");
	assert_int_equal(m.n, 0);
	meeting_free(&m);
}

/* A line of inspection.journal: decision.2.1's KEY from OLD to NEW */
static void
dline(struct fx *fx, const char *time, const char *who, const char *key, const char *old,
    const char *new)
{
	char *k = xasprintf("decision.2.1.%s", key);

	line(fx, 6, time, who, k, old, new);
	free(k);
}

static void
write_insp_journal(struct fx *fx)
{
	fx->in.path = xasprintf("%s/inspection.ini", fx->dir);
	tu_write(fx->dir, "inspection.journal", buf_str(&fx->journal[6]));
}

/* Decisions made, replaced, withdrawn (or removed by an undo) in the
 * meeting, none standing at its end: each an entry from inspection.journal
 * at its time, with who and why, and the later answer worked out without
 * the decision that no longer stands */
static void
test_decisions_journaled(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	size_t s21 = (size_t)form_std_index(f, "2.1");
	int ri = form_band_index(f, "requires-improvement"), good = form_band_index(f, "good");
	int out = form_band_index(f, "outstanding");
	struct meeting_move mv;
	struct meeting m;

	six_cases(fx, 6);
	line(fx, 3, "2026-12-07T10:02:00.000Z", "Alice", "answers.2.1.1", "no", "yes");
	write_journals(fx);
	fx->seq[6] = 1;
	line(fx, 6, "2026-12-07T09:00:00.000Z", "(base)", "inspection.framework", NULL, "t");
	fx->seq[6]++;
	/* 10:03 Chair decides Good -> Outstanding */
	dline(fx, "2026-12-07T10:03:00.000Z", "Chair", "from", NULL, "good");
	dline(fx, "2026-12-07T10:03:00.000Z", "Chair", "to", NULL, "outstanding");
	dline(fx, "2026-12-07T10:03:00.000Z", "Chair", "why", NULL, "\"strong evidence\"");
	dline(fx, "2026-12-07T10:03:00.000Z", "Chair", "by", NULL, "\"Chair\"");
	dline(fx, "2026-12-07T10:03:00.000Z", "Chair", "at", NULL, "\"2026-12-07T10:03:00Z\"");
	fx->seq[6]++;
	/* 10:04 Dee replaces it: Good -> Requires improvement */
	dline(fx, "2026-12-07T10:04:00.000Z", "Dee", "to", "outstanding", "requires-improvement");
	dline(fx, "2026-12-07T10:04:00.000Z", "Dee", "why", "\"strong evidence\"", "\"thin\"");
	dline(fx, "2026-12-07T10:04:00.000Z", "Dee", "by", "\"Chair\"", "\"Dee\"");
	dline(fx, "2026-12-07T10:04:00.000Z", "Dee", "at", "\"2026-12-07T10:03:00Z\"",
	    "\"2026-12-07T10:04:00Z\"");
	fx->seq[6]++;
	/* 10:05 withdrawn (or undone): its section gone */
	dline(fx, "2026-12-07T10:05:00.000Z", "Dee", "from", "good", NULL);
	dline(fx, "2026-12-07T10:05:00.000Z", "Dee", "to", "requires-improvement", NULL);
	dline(fx, "2026-12-07T10:05:00.000Z", "Dee", "why", "\"thin\"", NULL);
	dline(fx, "2026-12-07T10:05:00.000Z", "Dee", "by", "\"Dee\"", NULL);
	dline(fx, "2026-12-07T10:05:00.000Z", "Dee", "at", "\"2026-12-07T10:04:00Z\"", NULL);
	write_insp_journal(fx);
	/* a later answer: c4 No -> Yes (5 of 6) */
	fx->seq[4]++;
	line(fx, 4, "2026-12-07T10:06:00.000Z", "Bob", "answers.2.1.1", "no", "yes");
	write_journals(fx);

	meeting_compute(&m, &fx->in, SINCE);	/* (no decision stands now) */
	assert_int_equal(m.n, 5);
	assert_int_equal(m.ndecisions, 3);
	assert_int_equal(m.v[0].decision, MEETING_NO_DECISION);
	mv = find_move(&m.v[0], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, ri);
	assert_int_equal(mv.to, good);

	assert_int_equal(m.v[1].decision, MEETING_DECIDED);
	assert_string_equal(m.v[1].time, "2026-12-07T10:03:00.000Z");
	assert_string_equal(m.v[1].who, "Chair");
	assert_string_equal(m.v[1].why, "strong evidence");
	assert_int_equal(m.v[1].from, good);
	assert_int_equal(m.v[1].to, out);
	mv = find_move(&m.v[1], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.to, out);

	assert_int_equal(m.v[2].decision, MEETING_REPLACED);
	assert_string_equal(m.v[2].who, "Dee");
	assert_string_equal(m.v[2].why, "thin");
	assert_int_equal(m.v[2].was_to, out);
	assert_int_equal(m.v[2].to, ri);
	mv = find_move(&m.v[2], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, out);
	assert_int_equal(mv.to, ri);

	assert_int_equal(m.v[3].decision, MEETING_WITHDRAWN);
	assert_string_equal(m.v[3].who, "Dee");
	assert_null(m.v[3].why);
	assert_int_equal(m.v[3].to, ri);
	mv = find_move(&m.v[3], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, ri);
	assert_int_equal(mv.to, good);	/* back to the evidence's */

	/* the answer after it: from the evidence, no decision holding 2.1 */
	assert_int_equal(m.v[4].decision, MEETING_NO_DECISION);
	assert_string_equal(m.v[4].who, "Bob");
	mv = find_move(&m.v[4], MEETING_MOVE_KQ, (size_t)form_kq_index(f, "2.1.1"));
	assert_int_equal(mv.from, 67);
	assert_int_equal(mv.to, 83);
	mv = find_move(&m.v[4], MEETING_MOVE_STD, s21);
	assert_int_equal(mv.from, good);
	assert_int_equal(mv.to, out);
	meeting_free(&m);

	/* since after the decision was made: it stands from the start, and
	 * its replacement and withdrawal are the meeting's */
	meeting_compute(&m, &fx->in, "2026-12-07T10:03:30.000Z");
	assert_int_equal(m.ndecisions, 2);
	assert_int_equal(m.v[0].decision, MEETING_REPLACED);
	assert_int_equal(m.v[1].decision, MEETING_WITHDRAWN);
	meeting_free(&m);
}

/* A decision whose time (whole seconds) is in the second SINCE is in, but
 * before SINCE's millisecond: made before the meeting, in force from its
 * start (compared as bytes, "...05Z" comes after "...05.500Z") */
static void
test_decision_same_second(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	size_t s21 = (size_t)form_std_index(f, "2.1");
	int good = form_band_index(f, "good"), out = form_band_index(f, "outstanding");
	struct meeting m;

	six_cases(fx, 6);
	write_journals(fx);
	fx->in.decisions = xcalloc(1, sizeof *fx->in.decisions);
	fx->in.ndecisions = 1;
	fx->in.decisions[0] = (struct insp_decision){ s21, NULL, good, out,
	    xstrdup("strong evidence"), xstrdup("Chair"), xstrdup("2026-12-07T10:00:05Z") };
	meeting_compute(&m, &fx->in, "2026-12-07T10:00:05.500Z");
	assert_int_equal(m.n, 0);
	meeting_free(&m);
	/* at SINCE to the millisecond: before, as a change at SINCE is */
	meeting_compute(&m, &fx->in, "2026-12-07T10:00:05.000Z");
	assert_int_equal(m.n, 0);
	meeting_free(&m);
	meeting_compute(&m, &fx->in, "2026-12-07T10:00:04.999Z");
	assert_int_equal(m.ndecisions, 1);
	meeting_free(&m);
	assert_true(meeting_time_cmp("2026-12-07T10:00:05Z", "2026-12-07T10:00:05.500Z") < 0);
	assert_true(meeting_time_cmp("2026-12-07T10:00", "2026-12-07T10:00:00.000Z") == 0);
	assert_true(meeting_time_cmp("2026-12-07T10:01", "2026-12-07T10:00:59.999Z") > 0);
}

/* A case file copied in during the meeting (its journal begins after
 * SINCE): a case added then, with what it moved, not there from the start */
static void
test_case_copied_in(void **state)
{
	struct fx *fx = *state;
	const struct form *f = &fx->in.form;
	struct meeting_move mv;
	struct meeting m;
	struct buf b = BUF_INIT;

	six_cases(fx, 5);	/* c5: no, its "(base)" at 10:04 */
	write_journals(fx);
	meeting_compute(&m, &fx->in, SINCE);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].ref, "C-5");
	assert_string_equal(m.v[0].time, "2026-12-07T10:04:00.000Z");
	assert_int_equal(m.v[0].nchanges, 1);
	assert_int_equal(m.v[0].changes[0].kind, MEETING_ADDED);
	mv = find_move(&m.v[0], MEETING_MOVE_KQ, (size_t)form_kq_index(f, "2.1.1"));
	assert_int_equal(mv.from, 60);	/* 3 of 5 */
	assert_int_equal(mv.to, 50);	/* 3 of 6 */
	meeting_entry_text(&b, f, &m.v[0], " -> ");
	assert_non_null(strstr(buf_str(&b), "case added"));
	buf_free(&b);
	meeting_free(&m);
	/* since after it came: there from the start */
	meeting_compute(&m, &fx->in, "2026-12-07T10:05");
	assert_int_equal(m.n, 0);
	meeting_free(&m);
}

static void
test_since_check(void **state)
{
	struct err e;

	(void)state;
	assert_int_equal(meeting_since_check("2026-12-07T10:00", &e), 0);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05.123Z", &e), 0);
	assert_int_equal(meeting_since_check("yesterday", &e), -1);
	assert_non_null(strstr(e.msg, "'yesterday'"));
	/* to the minute, second or millisecond, a Z or none; nothing after */
	assert_int_equal(meeting_since_check("2026-12-07T10:00Z", &e), 0);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05", &e), 0);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05Z", &e), 0);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05.123", &e), 0);
	assert_int_equal(meeting_since_check("2026-12-07T10:00junk", &e), -1);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05junk", &e), -1);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05.12Z", &e), -1);
	assert_int_equal(meeting_since_check("2026-12-07T10:00:05.123Zx", &e), -1);
	assert_int_equal(meeting_since_check("2026-12-07T10:0", &e), -1);
}

/* When the panel opened, kept per inspector beside the place file */
static void
test_panel_time_kept(void **state)
{
	const char *dir = *state;
	char screen[] = "walk", name[] = "c1.ini", item[] = "2.1.1";
	struct place p = { screen, name, item };
	struct err e;
	char *t;

	assert_null(place_panel_load(dir, "Ann Lee"));
	assert_int_equal(place_panel_save(dir, "Ann Lee", "2026-12-07T10:00:00.000Z", &e), 0);
	/* the place saved after it leaves it be, and it is beside the place */
	assert_int_equal(place_save(dir, "Ann Lee", &p, &e), 0);
	t = place_panel_load(dir, "Ann Lee");
	assert_non_null(t);
	assert_string_equal(t, "2026-12-07T10:00:00.000Z");
	free(t);
	/* another inspector's is their own */
	assert_null(place_panel_load(dir, "Bob"));
	assert_int_equal(place_panel_save(dir, "Bob", "2026-12-07T11:00", &e), 0);
	t = place_panel_load(dir, "Ann Lee");
	assert_string_equal(t, "2026-12-07T10:00:00.000Z");
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_two_people_two_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_in_the_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decisions_journaled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_decision_same_second, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_copied_in, setup, teardown),
		cmocka_unit_test(test_since_check),
		cmocka_unit_test_setup_teardown(test_panel_time_kept, tu_setup_dir, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
