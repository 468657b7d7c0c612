/* test_insp.c - opening an inspection loads its cases with several
 * threads, and the result is exactly what loading the files one by one
 * gives: the same cases in the same order, the same problems in the same
 * order, the same ratings.
 *
 * The inspections are built in a temporary directory from the South
 * Tyneside fixture: its inspection.ini, and its ten cases copied round
 * robin as cases/c0000.ini, c0001.ini, ... (each with its file name as its
 * reference, so that a case out of place shows), with broken files at
 * known places. pthread_create is wrapped (-Wl,--wrap=pthread_create, see
 * Makefile.am) to count the threads insp_open starts and to make starting
 * them fail on demand; YJINSPECT_THREADS sets their number.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/case.h"
#include "model/insp.h"
#include "model/rate.h"
#include "testutil.h"
#include "base/xalloc.h"

#define FIXTURE "south-tyneside-2020"
#define NSOURCES 10		/* the fixture's cases */
#define NBIG 300		/* cases in the big inspection */

/* ---- pthread_create, counted and made to fail ---- */

int __real_pthread_create(pthread_t *t, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg);
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr,
			  void *(*fn)(void *), void *arg);

/* only insp_open's calling thread starts threads: no lock needed */
static int tries;		/* calls of pthread_create */
static int started;		/* threads it started */
static int fail_after = -1;	/* fail every call once this many started */

int
__wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr,
    void *(*fn)(void *), void *arg)
{
	int rc;

	tries++;
	if (fail_after >= 0 && started >= fail_after)
		return EAGAIN;	/* no more threads */
	rc = __real_pthread_create(t, attr, fn, arg);
	if (rc == 0)
		started++;
	return rc;
}

/* Set YJINSPECT_THREADS to VALUE (NULL: unset it); reset the counts and
 * let threads start again. */
static void
threads(const char *value)
{
	if (value == NULL)
		unsetenv("YJINSPECT_THREADS");
	else
		setenv("YJINSPECT_THREADS", value, 1);
	tries = started = 0;
	fail_after = -1;
}

/* ---- building inspections ---- */

enum breakage {
	BREAK_NONE,
	BREAK_VALUE,		/* an answer 'maybe' */
	BREAK_GARBAGE,		/* a line that is not INI at all, at the end */
	BREAK_SECTION,		/* an unknown section */
	BREAK_TWO,		/* a bad value and an unknown section */
	BREAK_FRAMEWORK,	/* a case of the other framework */
	BREAK_EMPTY,		/* an empty file: no [case] */
	BREAK_DIR		/* a directory named like a case file */
};

/* Where the big inspection is broken, and how. */
static const struct {
	size_t at;
	enum breakage how;
} big_breaks[] = {
	{ 0, BREAK_VALUE },
	{ 31, BREAK_GARBAGE },
	{ 32, BREAK_SECTION },
	{ 77, BREAK_DIR },
	{ 150, BREAK_EMPTY },
	{ 151, BREAK_FRAMEWORK },
	{ 200, BREAK_TWO },
	{ NBIG - 1, BREAK_GARBAGE },
};
#define NBIG_BREAKS (sizeof big_breaks / sizeof big_breaks[0])

static const char *const sources[NSOURCES] = { "ST-C01", "ST-C02", "ST-C03",
	"ST-C04", "ST-C05", "ST-C06", "ST-O01", "ST-O02", "ST-O03", "ST-O04" };

/* TEXT with the first FROM after AFTER replaced by TO (both must be there);
 * with EOL, FROM's line is replaced from FROM to its end. */
static char *
replace(const char *text, const char *after, const char *from, const char *to, int eol)
{
	const char *a = strstr(text, after), *f, *rest;

	assert_non_null(a);
	f = strstr(a, from);
	assert_non_null(f);
	rest = f + strlen(from);
	if (eol)
		rest = strchr(f, '\n');
	assert_non_null(rest);
	return xasprintf("%.*s%s%s", (int)(f - text), text, to, rest);
}

/* The file name of case I: c0000.ini, c0001.ini, ... (free it). */
static char *
case_name(size_t i)
{
	return xasprintf("c%04zu.ini", i);
}

/* Case I's text: SOURCE with reference "cNNNN" (I), broken
 * as HOW says (free it). */
static char *
case_text(const char *source, size_t i, enum breakage how)
{
	char *ref = xasprintf("reference = \"c%04zu\"", i);
	char *text = replace(source, "[case]", "reference = ", ref, 1), *t = NULL;

	free(ref);
	switch (how) {
	case BREAK_NONE:
	case BREAK_DIR:
		return text;
	case BREAK_VALUE:
		t = replace(text, "[answers]", "= yes\n", "= maybe\n", 0);
		break;
	case BREAK_GARBAGE:
		t = xasprintf("%sthis line is no INI at all\n", text);
		break;
	case BREAK_SECTION:
		t = xasprintf("%s[bogus]\nx = 1\n", text);
		break;
	case BREAK_TWO:
		ref = replace(text, "[answers]", "= no\n", "= perhaps\n", 0);
		t = xasprintf("%s[bogus]\nx = 1\n", ref);
		free(ref);
		break;
	case BREAK_FRAMEWORK:
		t = replace(text, "[case]", "framework = yj-2019", "framework = yj-2021", 0);
		break;
	case BREAK_EMPTY:
		t = xstrdup("");
		break;
	}
	free(text);
	return t;
}

/* A new inspection of NCASES cases, case AT[j] broken as HOW[j] for each
 * j < NBREAKS; its directory (tu_rmtree it, free it). */
static char *
build(size_t ncases, const size_t *at, const enum breakage *how, size_t nbreaks)
{
	const char *fx = tu_env("YJINSPECT_FIXTURES");
	char *dir = tu_tmpdir(), *path, *src[NSOURCES], *text;

	path = xasprintf("%s/%s/inspection.ini", fx, FIXTURE);
	text = tu_read(path, NULL);
	assert_non_null(text);
	tu_write(dir, "inspection.ini", text);
	free(text);
	free(path);
	if (ncases == 0)
		return dir;	/* not even a cases folder */
	for (size_t i = 0; i < NSOURCES; i++) {
		path = xasprintf("%s/%s/cases/%s.ini", fx, FIXTURE, sources[i]);
		src[i] = tu_read(path, NULL);
		assert_non_null(src[i]);
		free(path);
	}
	path = xasprintf("%s/cases", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	free(path);

	for (size_t i = 0; i < ncases; i++) {
		char *name = case_name(i);
		enum breakage b = BREAK_NONE;

		for (size_t j = 0; j < nbreaks; j++)
			if (at[j] == i)
				b = how[j];
		if (b == BREAK_DIR) {
			path = xasprintf("%s/cases/%s", dir, name);
			assert_int_equal(mkdir(path, 0700), 0);
		} else {
			path = xasprintf("cases/%s", name);
			text = case_text(src[i % NSOURCES], i, b);
			tu_write(dir, path, text);
			free(text);
		}
		free(path);
		free(name);
	}
	for (size_t i = 0; i < NSOURCES; i++)
		free(src[i]);
	/* not case files: left alone */
	tu_write(dir, "cases/.hidden.ini", "garbage");
	tu_write(dir, "cases/README", "garbage");
	return dir;
}

static char *big;	/* the big inspection, built once */

static int
group_setup(void **state)
{
	size_t at[NBIG_BREAKS];
	enum breakage how[NBIG_BREAKS];

	(void)state;
	for (size_t i = 0; i < NBIG_BREAKS; i++) {
		at[i] = big_breaks[i].at;
		how[i] = big_breaks[i].how;
	}
	big = build(NBIG, at, how, NBIG_BREAKS);
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	tu_rmtree(big);
	free(big);
	unsetenv("YJINSPECT_THREADS");
	return 0;
}

/* ---- comparing ---- */

static void
same_problems(const struct problems *a, const struct problems *b)
{
	if (a->n != b->n || a->nerrors != b->nerrors) {	/* say how they differ */
		for (size_t i = 0; i < a->n; i++)
			print_error("got:  %s\n", a->v[i].msg);
		for (size_t i = 0; i < b->n; i++)
			print_error("want: %s\n", b->v[i].msg);
	}
	for (size_t i = 0; i < a->n && i < b->n; i++) {
		assert_int_equal(a->v[i].level, b->v[i].level);
		assert_string_equal(a->v[i].msg, b->v[i].msg);
	}
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->nerrors, b->nerrors);
}

static void
same_cases(const struct case_file *a, size_t na, const struct case_file *b, size_t nb,
    const struct form *f)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++)
		tu_same_case(&a[i], &b[i], f);
}

static void
same_tally(const struct rate_tally *a, const struct rate_tally *b)
{
	assert_int_equal(a->relevant, b->relevant);
	assert_int_equal(a->yes, b->yes);
	assert_int_equal(a->percent, b->percent);
	assert_int_equal(a->band, b->band);
}

/* The ratings of A and B (of the same framework) are the same. */
static void
same_rates(const struct inspection *a, const struct inspection *b)
{
	const struct form *f = &a->form;
	struct rate ra, rb;

	rate_compute(&ra, a);
	rate_compute(&rb, b);
	for (size_t i = 0; i < f->nkqs; i++)
		same_tally(&ra.kq[i], &rb.kq[i]);
	for (size_t i = 0; i < f->nprompts; i++)
		same_tally(&ra.prompt[i], &rb.prompt[i]);
	for (size_t i = 0; i < f->nstds; i++) {
		const struct rate_std *x = &ra.std[i], *y = &rb.std[i];

		assert_int_equal(x->sample, y->sample);
		assert_int_equal(x->computed, y->computed);
		assert_int_equal(x->rating, y->rating);
		assert_int_equal(x->score, y->score);
		assert_int_equal(x->lowest_kq, y->lowest_kq);
		assert_int_equal(x->reasons, y->reasons);
		assert_int_equal(x->decision != NULL, y->decision != NULL);
		assert_int_equal(x->stale != NULL, y->stale != NULL);
	}
	assert_int_equal(ra.score, rb.score);
	assert_int_equal(ra.max, rb.max);
	assert_int_equal(ra.rated, rb.rated);
	assert_int_equal(ra.counted, rb.counted);
	assert_int_equal(ra.overall, rb.overall);
	rate_free(&ra);
	rate_free(&rb);
}

/* The slots past the last case are empty, as case_free leaves them. */
static void
tail_empty(const struct inspection *in, size_t nfiles)
{
	for (size_t i = in->ncases; i < nfiles; i++) {
		assert_null(in->cases[i].path);
		assert_null(in->cases[i].facts);
	}
}

static void
open_ok(struct inspection *in, const char *dir, struct problems *p)
{
	if (insp_open(in, dir, tu_env("YJINSPECT_FORMS"), p) < 0)
		fail_msg("%s: %s", dir, p->n ? p->v[0].msg : "cannot open");
}

/*
 * Open DIR as insp_open does now (threads as set) and compare it with its
 * NFILES case files read one by one with case_load: the same cases, the
 * same problems, the same ratings, the same warnings.
 */
static void
check_against_one_by_one(const char *dir, size_t nfiles, size_t want_cases)
{
	struct problems p = PROBLEMS_INIT, q = PROBLEMS_INIT;
	struct inspection in, ref;
	struct case_file *cases = xcalloc(nfiles, sizeof *cases);
	size_t n = 0, nleft = 0;

	open_ok(&in, dir, &p);
	{	/* a file in cases/ that is not a case is said, not read */
		char *readme = xasprintf("%s/cases/README", dir);

		if (access(readme, F_OK) == 0)
			problems_add(&q, PROBLEM_WARNING, "%s: not a case file (case files are "
			    "named NAME.ini): ignored", readme);
		free(readme);
	}
	for (size_t i = 0; i < nfiles; i++) {
		char *name = case_name(i), *path = xasprintf("%s/cases/%s", dir, name);
		size_t first = q.n;

		if (case_load(&cases[n], &in.form, path, &q) == 0) {
			n++;
		} else {	/* left out, named, with its first error */
			assert_true(nleft < in.nleft_out);
			assert_string_equal(in.left_out[nleft].name, name);
			while (q.v[first].level != PROBLEM_ERROR)
				first++;
			assert_string_equal(in.left_out[nleft].why, q.v[first].msg);
			nleft++;
		}
		free(path);
		free(name);
	}
	assert_int_equal(in.nleft_out, nleft);
	/* every error here is a case file's (inspection.ini is sound) */
	assert_int_equal(in.left_out_errors, p.nerrors);
	same_problems(&p, &q);
	same_cases(in.cases, in.ncases, cases, n, &in.form);
	assert_int_equal(in.ncases, want_cases);
	tail_empty(&in, nfiles);

	/* the same inspection with the one-by-one cases: the same ratings */
	ref = in;
	ref.cases = cases;
	ref.ncases = n;
	same_rates(&in, &ref);
	problems_free(&p);
	problems_free(&q);
	insp_check(&in, &p);
	insp_check(&ref, &q);
	same_problems(&p, &q);

	for (size_t i = 0; i < n; i++)
		case_free(&cases[i], &in.form);
	free(cases);
	insp_close(&in);
	problems_free(&p);
	problems_free(&q);
}

/* Open DIR with THREADS_A and with THREADS_B: everything the same. */
static void
check_same_opens(const char *dir, const char *threads_a, const char *threads_b)
{
	struct problems pa = PROBLEMS_INIT, pb = PROBLEMS_INIT;
	struct inspection a, b;

	threads(threads_a);
	open_ok(&a, dir, &pa);
	threads(threads_b);
	open_ok(&b, dir, &pb);
	same_problems(&pa, &pb);
	same_cases(a.cases, a.ncases, b.cases, b.ncases, &a.form);
	same_rates(&a, &b);
	problems_free(&pa);
	problems_free(&pb);
	insp_check(&a, &pa);
	insp_check(&b, &pb);
	same_problems(&pa, &pb);
	insp_close(&a);
	insp_close(&b);
	problems_free(&pa);
	problems_free(&pb);
}

static size_t
online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : (size_t)n;
}

/* ---- tests ---- */

/* Four threads: the broken files at their places, the rest as one by one. */
static void
test_threads_match_one_by_one(void **state)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	size_t k = 0;

	(void)state;
	threads("4");
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	assert_int_equal(started, 3);	/* and the calling thread */

	/* each broken file is named, in file order, and left out (after the
	 * warning that cases/README is not a case file) */
	threads("4");
	open_ok(&in, big, &p);
	assert_int_equal(p.nerrors, NBIG_BREAKS + 1);	/* BREAK_TWO: two */
	assert_non_null(strstr(p.v[k++].msg, "cases/README: not a case file"));
	for (size_t i = 0; i < NBIG_BREAKS; i++) {
		char *name = case_name(big_breaks[i].at);

		assert_non_null(strstr(p.v[k].msg, name));
		k += big_breaks[i].how == BREAK_TWO ? 2 : 1;
		free(name);
	}
	assert_non_null(strstr(p.v[1].msg, "'maybe' is not yes"));
	assert_non_null(strstr(p.v[2].msg, "not a [section], a comment or a key = value"));
	for (size_t i = 0, b = 0; i < in.ncases; i++) {
		char *name = case_name(i + b);

		while (b < NBIG_BREAKS && big_breaks[b].at == i + b) {
			b++;
			free(name);
			name = case_name(i + b);
		}
		assert_string_equal(in.cases[i].name, name);
		assert_memory_equal(in.cases[i].reference, name, 5);
		free(name);
	}
	insp_close(&in);
	problems_free(&p);
}

/* One thread (the code as it was), two, three, eight: all the same. */
static void
test_thread_counts_agree(void **state)
{
	(void)state;
	threads("1");
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	assert_int_equal(tries, 0);
	check_same_opens(big, "1", "2");
	assert_int_equal(started, 1);
	check_same_opens(big, "1", "3");
	check_same_opens(big, "8", "1");
	check_same_opens(big, "7", "5");
}

/* No thread can be started: the calling thread loads everything. */
static void
test_thread_create_fails(void **state)
{
	(void)state;
	threads("4");
	fail_after = 0;
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	assert_int_equal(started, 0);
	assert_true(tries >= 1);
}

/* One thread starts and then no more: those two load everything. */
static void
test_thread_create_fails_partway(void **state)
{
	(void)state;
	threads("6");
	fail_after = 1;
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	assert_int_equal(started, 1);
	assert_int_equal(tries, 2);
}

/* Unset: the online CPUs, at most 8 and one for every 32 cases or part. */
static void
test_automatic_threads(void **state)
{
	size_t cpus = online_cpus(), want = cpus < 8 ? cpus : 8;
	char *dir;

	(void)state;
	threads(NULL);
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	want = want < (NBIG + 31) / 32 ? want : (NBIG + 31) / 32;
	assert_int_equal(started, want - 1);

	/* 32 cases or fewer: one thread, the caller's */
	dir = build(32, NULL, NULL, 0);
	threads(NULL);
	check_against_one_by_one(dir, 32, 32);
	assert_int_equal(tries, 0);
	tu_rmtree(dir);
	free(dir);

	/* 33 cases: two, given two CPUs */
	dir = build(33, NULL, NULL, 0);
	threads(NULL);
	check_against_one_by_one(dir, 33, 33);
	assert_int_equal(started, cpus >= 2 ? 1 : 0);
	tu_rmtree(dir);
	free(dir);
}

/* YJINSPECT_THREADS that is not a whole number from 1 up is ignored;
 * a large one is held to 64. */
static void
test_threads_variable(void **state)
{
	static const char *const bad[] = { "", "0", "-3", "+2", " 2", "2 ", "3x",
	    "abc", "99999999999999999999999999", NULL };
	size_t cpus = online_cpus(), want = cpus < 8 ? cpus : 8;

	(void)state;
	want = want < (NBIG + 31) / 32 ? want : (NBIG + 31) / 32;
	for (size_t i = 0; bad[i]; i++) {
		threads(bad[i]);
		check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
		if (started != (int)want - 1)
			fail_msg("YJINSPECT_THREADS='%s': %d threads started, want %zu",
			    bad[i], started, want - 1);
	}
	threads("1000");
	check_against_one_by_one(big, NBIG, NBIG - NBIG_BREAKS);
	assert_int_equal(started, 63);
}

/* More threads asked for than there are cases; and no cases at all. */
static void
test_few_cases(void **state)
{
	size_t at[] = { 1 };
	enum breakage how[] = { BREAK_GARBAGE };
	char *dir = build(3, at, how, 1);

	(void)state;
	threads("8");
	check_against_one_by_one(dir, 3, 2);
	assert_int_equal(started, 2);
	tu_rmtree(dir);
	free(dir);

	dir = build(1, at, how, 1);	/* the one case is fine: only 1 broken */
	threads("8");
	check_against_one_by_one(dir, 1, 1);
	assert_int_equal(tries, 0);
	tu_rmtree(dir);
	free(dir);

	dir = build(0, NULL, NULL, 0);
	threads("8");
	check_against_one_by_one(dir, 0, 0);
	assert_int_equal(tries, 0);
	tu_rmtree(dir);
	free(dir);
}

/* Only errors of case files that were left out count as left_out_errors:
 * an error in inspection.ini, or two files with one reference (both read,
 * one case counted twice), leaves P with more errors than that. */
static void
test_left_out_errors_are_case_files_only(void **state)
{
	size_t at[] = { 2 };
	enum breakage how[] = { BREAK_TWO };
	char *dir = build(4, at, how, 1), *path, *text;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;

	(void)state;
	threads("1");
	open_ok(&in, dir, &p);
	assert_int_equal(in.ncases, 3);
	assert_int_equal(in.nleft_out, 1);
	assert_string_equal(in.left_out[0].name, "c0002.ini");
	assert_non_null(strstr(in.left_out[0].why, "c0002.ini"));
	assert_non_null(strstr(in.left_out[0].why, "perhaps"));
	assert_int_equal(in.left_out_errors, 2);	/* a bad value, a bad section */
	assert_int_equal(p.nerrors, 2);
	insp_close(&in);
	problems_free(&p);

	/* c0003 copied as c0009: the same reference twice */
	path = xasprintf("%s/cases/c0003.ini", dir);
	text = tu_read(path, NULL);
	tu_write(dir, "cases/c0009.ini", text);
	free(text);
	free(path);
	open_ok(&in, dir, &p);
	assert_int_equal(in.ncases, 4);
	assert_int_equal(in.left_out_errors, 2);
	assert_int_equal(p.nerrors, 3);
	insp_close(&in);
	problems_free(&p);

	/* and an unknown section in inspection.ini */
	path = xasprintf("%s/cases/c0009.ini", dir);
	assert_int_equal(unlink(path), 0);
	free(path);
	path = xasprintf("%s/inspection.ini", dir);
	text = tu_read(path, NULL);
	free(path);
	path = xasprintf("%s[bogus]\nx = 1\n", text);
	tu_write(dir, "inspection.ini", path);
	free(path);
	free(text);
	open_ok(&in, dir, &p);
	assert_int_equal(in.ncases, 3);
	assert_int_equal(in.left_out_errors, 2);
	assert_true(p.nerrors > 2);
	insp_close(&in);
	problems_free(&p);
	tu_rmtree(dir);
	free(dir);
}

/* [findings.STANDARD]: saved and read back byte for byte (newlines,
 * quotes, UTF-8); refused for an unknown standard, key or a second section */
static void
test_findings(void **state)
{
	static const char strengths[] = "Leaders know \"their\" children; #1\nData used = well \xe2\x80\x94 ok";
	char *dir = build(1, NULL, NULL, 0), *path, *text, *bad;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct err e;
	int s;

	(void)state;
	open_ok(&in, dir, &p);
	s = form_std_index(&in.form, "1.1");
	assert_true(s >= 0);
	assert_null(in.strengths[s]);
	in.strengths[s] = xstrdup(strengths);
	in.improvements[s] = xstrdup("Not all staff trained");
	if (insp_save(&in, &e) < 0)
		fail_msg("%s", e.msg);
	insp_close(&in);
	problems_free(&p);
	open_ok(&in, dir, &p);
	assert_int_equal(p.nerrors, 0);
	assert_string_equal(in.strengths[s], strengths);
	assert_string_equal(in.improvements[s], "Not all staff trained");
	assert_null(in.strengths[s + 1]);
	insp_close(&in);
	problems_free(&p);

	path = xasprintf("%s/inspection.ini", dir);
	text = tu_read(path, NULL);
	{
		static const char *const breaks[][3] = {
			{ "[findings.1.1]", "[findings.9.9]", "no standard 9.9" },
			{ "improvements =", "improvement =", "[findings.1.1] improvement" },
			{ "[findings.1.1]", "[findings.1.1]\nstrengths = \"x\"\n[findings.1.1]", "" },
		};

		for (size_t i = 0; i < sizeof breaks / sizeof breaks[0]; i++) {
			int rc, said = 0;

			bad = tu_replace(text, breaks[i][0], breaks[i][1]);
			tu_write(dir, "inspection.ini", bad);
			free(bad);
			rc = insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p);
			assert_true(p.nerrors >= 1);
			for (size_t k = 0; k < p.n; k++)
				said |= strstr(p.v[k].msg, "inspection.ini") != NULL &&
				    strstr(p.v[k].msg, breaks[i][2]) != NULL &&
				    strstr(p.v[k].msg, "findings") != NULL;
			if (!said)
				fail_msg("break %zu: no error naming inspection.ini and '%s' (first: %s)", i,
				    breaks[i][2], p.n ? p.v[0].msg : "none");
			if (rc == 0)
				insp_close(&in);
			problems_free(&p);
		}
	}
	free(text);
	free(path);
	tu_rmtree(dir);
	free(dir);
}

/* Two programs change inspection.ini from copies read at the same time
 * (the terminal UI editing a finding, `judge` on the command line): the
 * second save keeps the first's change, and a key both changed
 * differently is kept as a conflict, never overwritten unsaid. */
static void
test_save_keeps_other_changes(void **state)
{
	char *dir = build(1, NULL, NULL, 0);
	struct problems p = PROBLEMS_INIT;
	struct inspection a, b, c;
	struct err e;
	int s, out, good, inad;

	(void)state;
	open_ok(&a, dir, &p);
	open_ok(&b, dir, &p);
	s = form_std_index(&a.form, "1.1");
	out = form_band_index(&a.form, "outstanding");
	good = form_band_index(&a.form, "good");
	inad = form_band_index(&a.form, "inadequate");
	assert_true(s >= 0 && out >= 0 && good >= 0 && inad >= 0);
	assert_int_equal(a.judgements[s], good);

	/* B judges 1.1; A, read before that, records a strength of 1.1 */
	b.judgements[s] = out;
	if (insp_save(&b, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(b.saved_theirs, 0);
	a.strengths[s] = xstrdup("Strong leadership");
	if (insp_save(&a, &e) < 0)
		fail_msg("%s", e.msg);
	assert_true(a.saved_theirs >= 1);
	assert_int_equal(a.saved_conflicts, 0);
	assert_int_equal(a.judgements[s], out);	/* A now holds B's change too */
	assert_string_equal(a.strengths[s], "Strong leadership");
	open_ok(&c, dir, &p);
	assert_int_equal(p.nerrors, 0);
	assert_int_equal(c.judgements[s], out);
	assert_string_equal(c.strengths[s], "Strong leadership");
	insp_close(&c);
	{	/* the fixture's own comments came through the merge, once */
		char *path = xasprintf("%s/inspection.ini", dir), *text = tu_read(path, NULL);
		const char *at;

		assert_non_null(text);
		at = strstr(text, "; fieldwork dates: report lines");
		assert_non_null(at);
		assert_null(strstr(at + 1, "; fieldwork dates: report lines"));
		free(text);
		free(path);
	}

	/* both change the judgement of 1.1 differently: a conflict, both kept */
	a.judgements[s] = good;
	if (insp_save(&a, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(a.saved_theirs, 0);
	b.judgements[s] = inad;
	if (insp_save(&b, &e) < 0)
		fail_msg("%s", e.msg);
	assert_int_equal(b.saved_conflicts, 1);
	assert_int_equal(b.judgements[s], JUDGE_UNSET);	/* counted neither way */
	assert_string_equal(b.strengths[s], "Strong leadership");
	assert_int_equal(b.conflicts.n, 1);
	open_ok(&c, dir, &p);
	assert_int_equal(p.nerrors, 0);
	assert_int_equal(c.conflicts.n, 1);
	assert_string_equal(c.conflicts.v[0].section, "judgements");
	assert_string_equal(c.conflicts.v[0].key, "1.1");
	assert_string_equal(c.conflicts.v[0].ours, "inadequate");
	assert_string_equal(c.conflicts.v[0].theirs, "good");
	insp_close(&c);

	/* judging it again settles it, for every reader */
	b.judgements[s] = good;
	if (insp_save(&b, &e) < 0)
		fail_msg("%s", e.msg);
	open_ok(&c, dir, &p);
	assert_int_equal(c.conflicts.n, 0);
	assert_int_equal(c.judgements[s], good);
	insp_close(&c);

	insp_close(&a);
	insp_close(&b);
	problems_free(&p);
	tu_rmtree(dir);
	free(dir);
}

/* A person's comments in inspection.ini come through its save, once */
static void
test_comments_kept(void **state)
{
	char *dir = build(1, NULL, NULL, 0), *path, *text, *edited;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct err e;

	(void)state;
	path = xasprintf("%s/inspection.ini", dir);
	text = tu_read(path, NULL);
	edited = tu_replace(text, "\n[judgements]\n", "\n# the lead's remark\n[judgements]\n");
	free(text);
	text = xasprintf("%s; see the paper file\n", edited);
	tu_write(dir, "inspection.ini", text);
	free(edited);
	free(text);
	for (int i = 0; i < 2; i++) {
		open_ok(&in, dir, &p);
		if (insp_save(&in, &e) < 0)
			fail_msg("%s", e.msg);
		insp_close(&in);
		problems_free(&p);
	}
	text = tu_read(path, NULL);
	assert_non_null(strstr(text, "\n\n# the lead's remark\n[judgements]\n"));
	assert_non_null(strstr(text, "\n; see the paper file\n"));
	assert_null(strstr(strstr(text, "remark") + 1, "remark"));
	assert_null(strstr(strstr(text, "paper file") + 1, "paper file"));
	assert_null(strstr(strstr(text, "inspection file") + 1, "inspection file"));
	free(text);
	free(path);
	tu_rmtree(dir);
	free(dir);
}

/* fieldwork dates: real ISO days, the end not before the start; either may
 * be absent */
static void
test_fieldwork_dates(void **state)
{
	static const struct { const char *start, *end, *says; } t[] = {
		{ "2020-10-19", "2020-10-22", NULL },
		{ NULL, NULL, NULL },
		{ "2020-10-19", NULL, NULL },
		{ "2000-02-29", "2000-03-01", NULL },		/* divisible by 400: leap */
		{ "2024-02-29", "2024-02-29", NULL },
		{ "1900-02-29", NULL, "start '1900-02-29' has no such day" },	/* by 100: not */
		{ "2021-04-31", NULL, "has no such day in its month" },
		{ "2021-00-10", NULL, "has no such month" },
		{ NULL, "2021-12-00", "end '2021-12-00' has no such day" },
		{ "2021-1-10", NULL, "is not an ISO date" },
		{ "2021-01-10T00:00", NULL, "is not an ISO date" },
		{ "", NULL, "is not an ISO date" },
		{ "2020-10-22", "2020-10-19", "end 2020-10-19 is before its start 2020-10-22" },
	};
	struct err e;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int rc = insp_fieldwork_check(t[i].start, t[i].end, &e);

		if (t[i].says == NULL && rc != 0)
			fail_msg("%s %s refused: %s", t[i].start, t[i].end, e.msg);
		if (t[i].says != NULL && (rc == 0 || strstr(e.msg, t[i].says) == NULL))
			fail_msg("%s %s: want '%s', got %s", t[i].start, t[i].end, t[i].says,
			    rc == 0 ? "accepted" : e.msg);
	}
}

/* Case files describe children: made the owner's alone, and a folder or
 * file that group or others can read is warned of, with the fix. */
static void
test_private(void **state)
{
	char *dir = tu_tmpdir(), *insp = xasprintf("%s/i", dir), *cases, *ini, *cf;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct stat st;
	struct err e;
	unsigned mode = 0;
	int said = 0;

	(void)state;
	if (insp_create(insp, tu_env("YJINSPECT_FORMS"), "yj-2019", "Test YJS", NULL, NULL,
	    NULL, &e) < 0)
		fail_msg("%s", e.msg);
	cases = xasprintf("%s/cases", insp);
	ini = xasprintf("%s/inspection.ini", insp);
	cf = xasprintf("%s/C1.ini", cases);
	tu_write(cases, "C1.ini", "[case]\nformat = 1\nframework = yj-2019\nreference = \"C1\"\n");
	chmod(cf, 0600);
	assert_int_equal(stat(insp, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	assert_int_equal(stat(cases, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	assert_int_equal(stat(ini, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(insp_private_check(insp, NULL, &e), 0);

	/* the folder open to others: said, with the command */
	chmod(insp, 0755);
	assert_int_equal(insp_private_check(insp, &mode, &e), 1);
	assert_int_equal(mode, 0755);
	assert_non_null(strstr(e.msg, "group or others can read it (mode 0755)"));
	assert_non_null(strstr(e.msg, "chmod -R go= '"));
	chmod(insp, 0700);
	chmod(cases, 0711);	/* enter, not list */
	assert_int_equal(insp_private_check(insp, NULL, &e), 1);
	assert_non_null(strstr(e.msg, "/cases: group or others can enter it (mode 0711)"));
	chmod(cases, 0700);

	/* a file readable by others, behind closed folders: check names it */
	chmod(cf, 0644);
	if (insp_open(&in, insp, tu_env("YJINSPECT_FORMS"), &p) < 0)
		fail_msg("%s", p.v[0].msg);
	insp_check(&in, &p);
	for (size_t i = 0; i < p.n; i++)
		if (strstr(p.v[i].msg, "C1.ini: group or others can read it (yjinspect saves "
		    "files 0600)") != NULL)
			said++;
	assert_int_equal(said, 1);
	insp_close(&in);
	problems_free(&p);
	tu_rmtree(dir);
	free(dir);
	free(insp);
	free(cases);
	free(ini);
	free(cf);
}

/* One reference in two case files is one case counted twice: within a
 * folder each pair is an error naming the other file; across folders (a
 * join) only the pairs from different folders, naming the other's path. */
static void
test_check_references(void **state)
{
	static char pa[] = "a/cases/X.ini", pb[] = "b/cases/Y.ini", pc[] = "a/cases/W.ini",
	    pd[] = "a/cases/V.ini", ref[] = "R1", other[] = "Q1";
	struct case_file c[4] = { { 0 } };
	struct inspection in = { 0 };
	struct problems p = PROBLEMS_INIT;
	char *const paths[] = { pa, pb, pc, pd };

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		c[i].path = paths[i];
		c[i].name = paths[i] + 8;
		c[i].reference = i < 2 ? ref : other;
	}
	in.cases = c;
	in.ncases = 4;
	insp_check_references(&in, 1, &p);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].msg, "b/cases/Y.ini: [case] reference: 'R1' is also the "
	    "reference of a/cases/X.ini: one case in two folders would be counted twice");
	problems_free(&p);
	insp_check_references(&in, 0, &p);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.v[0].msg, "a/cases/W.ini: [case] reference: 'Q1' is also the "
	    "reference of V.ini: one case would be counted twice");
	assert_string_equal(p.v[1].msg, "b/cases/Y.ini: [case] reference: 'R1' is also the "
	    "reference of X.ini: one case would be counted twice");
	problems_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_match_one_by_one),
		cmocka_unit_test(test_thread_counts_agree),
		cmocka_unit_test(test_thread_create_fails),
		cmocka_unit_test(test_thread_create_fails_partway),
		cmocka_unit_test(test_automatic_threads),
		cmocka_unit_test(test_threads_variable),
		cmocka_unit_test(test_few_cases),
		cmocka_unit_test(test_left_out_errors_are_case_files_only),
		cmocka_unit_test(test_fieldwork_dates),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_save_keeps_other_changes),
		cmocka_unit_test(test_comments_kept),
		cmocka_unit_test(test_private),
		cmocka_unit_test(test_check_references),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
