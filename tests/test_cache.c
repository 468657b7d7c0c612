/*
 * test_cache.c - the terminal UI's cache of the case files (cache.h)
 * gives exactly what reading the files gives: the published fixture
 * opened with and without it, case by case and problem by problem; a
 * case changed by a save, a file written over with text of the same size
 * and its modification time put back, a case that cannot be read, a case's
 * entry in the cache with one byte changed: each read from the file, never
 * from the cache; a cache cut short or with a byte of its table changed,
 * another framework file: the whole cache unused; a case the cache never
 * keeps (a conflict from a merge) costs no new cache at each opening.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/edit.h"
#include "model/insp.h"
#include "testutil.h"
#include "model/walk.h"
#include "base/xalloc.h"

struct fx {
	char *tmp, *dir, *forms;
};

static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof *fx);
	char *src = xasprintf("%s/south-tyneside-2020", tu_env("YJINSPECT_FIXTURES"));
	char *text;
	size_t len;
	struct err e;

	fx->tmp = tu_tmpdir();
	fx->dir = xasprintf("%s/insp", fx->tmp);
	fx->forms = xasprintf("%s/forms", fx->tmp);
	if (insp_copy(src, fx->dir, &e) < 0)
		fail_msg("%s", e.msg);
	mkdir(fx->forms, 0700);
	{
		char *form = tu_forms_path("yj-2019.ini");

		text = tu_read(form, &len);
		free(form);
	}
	tu_write(fx->forms, "yj-2019.ini", text);
	free(text);
	free(src);
	/* the files older than the cache's two seconds (cache.h) */
	sleep(3);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	tu_rmtree(fx->tmp);
	free(fx->tmp);
	free(fx->dir);
	free(fx->forms);
	free(fx);
	return 0;
}

/* open FX's folder with and without the cache: the same cases and
 * problems; the number taken from the cache returned */
static size_t
same_both_ways(struct fx *fx)
{
	struct inspection a, b;
	struct problems pa = PROBLEMS_INIT, pb = PROBLEMS_INIT;
	size_t n;

	assert_int_equal(insp_open(&a, fx->dir, fx->forms, &pa), 0);
	assert_int_equal(insp_open_cached(&b, fx->dir, fx->forms, &pb), 0);
	assert_int_equal(a.ncases, b.ncases);
	for (size_t i = 0; i < a.ncases; i++) {
		tu_same_case(&a.cases[i], &b.cases[i], &a.form);
		assert_memory_equal(&a.cases[i].disk, &b.cases[i].disk, sizeof a.cases[i].disk);
	}
	assert_int_equal(pa.n, pb.n);
	for (size_t i = 0; i < pa.n; i++)
		assert_string_equal(pa.v[i].msg, pb.v[i].msg);
	assert_int_equal(a.from_cache, 0);
	n = b.from_cache;
	insp_close(&a);
	insp_close(&b);
	problems_free(&pa);
	problems_free(&pb);
	return n;
}

static char *
cache_path(struct fx *fx)
{
	return xasprintf("%s/.yjinspect-cache", fx->dir);
}

static void
test_same_with_cache(void **state)
{
	struct fx *fx = *state;
	struct inspection in;
	struct problems p = PROBLEMS_INIT;
	struct walk w;
	struct err e;
	size_t ncases;
	char *path = cache_path(fx);
	struct stat st;

	assert_int_equal(same_both_ways(fx), 0);	/* none yet: made */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	ncases = in.ncases;
	insp_close(&in);
	problems_free(&p);
	assert_true(ncases >= 10);
	assert_int_equal(same_both_ways(fx), ncases);	/* all from it */

	/* a case saved: read from its file (then kept again, when old enough) */
	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	walk_init(&w, &in.form);
	{
		int item = -1;

		for (size_t i = 0; i < w.nitems && item < 0; i++)
			if (walk_relevant(&w, &in.cases[0], i) == COND_TRUE &&
			    w.items[i].kind == WALK_KQ)
				item = (int)i;
		assert_true(item >= 0);
		if (edit_answer(&in, &w, 0, (size_t)item,
		    walk_answer(&w, &in.cases[0], (size_t)item) == ANSWER_YES ? ANSWER_NO :
		    ANSWER_YES, "Cache Test", NULL, &e) < 0)
			fail_msg("%s", e.msg);
	}
	walk_free(&w);
	insp_close(&in);
	problems_free(&p);
	assert_int_equal(same_both_ways(fx), ncases - 1);
	free(path);
}

/* the same size, the same modification time: the change time still says */
static void
test_written_over_same_size(void **state)
{
	struct fx *fx = *state;
	struct inspection in;
	struct problems p = PROBLEMS_INIT;
	char *file, *text, *other, *at;
	size_t len, ncases;
	struct stat st;
	struct timespec ts[2];

	assert_int_equal(same_both_ways(fx), 0);
	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	ncases = in.ncases;
	file = xstrdup(in.cases[1].path);
	insp_close(&in);
	problems_free(&p);
	assert_int_equal(same_both_ways(fx), ncases);

	text = tu_read(file, &len);
	at = strstr(text, "= yes\n");
	assert_non_null(at);
	other = xstrdup(text);
	memcpy(other + (at - text), "= no \n", 6);	/* (the same length) */
	assert_int_equal(stat(file, &st), 0);
	{
		int fd = open(file, O_WRONLY | O_TRUNC);

		assert_true(fd >= 0);
		assert_int_equal(write(fd, other, len), (ssize_t)len);
		close(fd);
	}
	ts[0] = st.st_atim;
	ts[1] = st.st_mtim;
	assert_int_equal(utimensat(AT_FDCWD, file, ts, 0), 0);
	/* read from the file: what it says now */
	assert_int_equal(same_both_ways(fx), ncases - 1);
	free(text);
	free(other);
	free(file);
}

/* Write LEN bytes of TEXT over the file at PATH */
static void
put_file(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* a cache with one byte changed in one case's entry: that case read from
 * its file, the rest taken; one byte changed in its table of entries, or
 * cut short, or for another framework file: not used at all (and each
 * time made again) */
static void
test_bad_cache(void **state)
{
	struct fx *fx = *state;
	char *path = cache_path(fx), *text;
	size_t len, ncases;

	assert_int_equal(same_both_ways(fx), 0);
	ncases = same_both_ways(fx);
	assert_true(ncases >= 10);
	text = tu_read(path, &len);
	/* the entries are the middle of the file, the table its last part */
	text[len / 2] ^= 0x20;
	put_file(path, text, len);
	assert_int_equal(same_both_ways(fx), ncases - 1);
	assert_int_equal(same_both_ways(fx), ncases);
	free(text);
	text = tu_read(path, &len);
	text[len - 40] ^= 0x20;
	put_file(path, text, len);
	assert_int_equal(same_both_ways(fx), 0);
	assert_int_equal(same_both_ways(fx), ncases);
	assert_int_equal(truncate(path, (off_t)(len - 100)), 0);
	assert_int_equal(same_both_ways(fx), 0);
	assert_int_equal(same_both_ways(fx), ncases);
	/* the framework file changed (a comment is enough) */
	{
		char *fp = xasprintf("%s/yj-2019.ini", fx->forms);
		FILE *f = fopen(fp, "a");

		assert_non_null(f);
		fputs("; changed\n", f);
		fclose(f);
		free(fp);
	}
	assert_int_equal(same_both_ways(fx), 0);
	assert_int_equal(same_both_ways(fx), ncases);
	free(text);
	free(path);
}

/* a case file that cannot be read is read (and left out) each time */
static void
test_bad_case_not_kept(void **state)
{
	struct fx *fx = *state;
	struct inspection in;
	struct problems p = PROBLEMS_INIT;
	char *file, *name, *text, *more;
	size_t len, ncases;

	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	ncases = in.ncases;
	file = xstrdup(in.cases[2].path);
	name = xasprintf("cases/%s", in.cases[2].name);
	insp_close(&in);
	problems_free(&p);
	text = tu_read(file, &len);
	more = xasprintf("%s\n[answers]\nno.such.question = yes\n", text);
	tu_write(fx->dir, name, more);
	sleep(3);
	/* left out, with its error, both ways (and never kept) */
	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	assert_int_equal(in.ncases, ncases - 1);
	assert_true(p.nerrors > 0);
	insp_close(&in);
	problems_free(&p);
	assert_int_equal(same_both_ways(fx), 0);
	assert_int_equal(same_both_ways(fx), ncases - 1);
	free(text);
	free(more);
	free(file);
	free(name);
}

/* a case the cache never keeps (one with a conflict from a merge) is read
 * from its file at each opening, but does not make each opening write the
 * whole cache again: the cache file stays the one made */
static void
test_unkept_case_no_rewrite(void **state)
{
	struct fx *fx = *state;
	struct inspection in;
	struct problems p = PROBLEMS_INIT;
	char *file, *name, *text, *more, *path = cache_path(fx);
	struct stat before, after;
	size_t len, ncases;

	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	ncases = in.ncases;
	file = xstrdup(in.cases[3].path);
	name = xasprintf("cases/%s", in.cases[3].name);
	insp_close(&in);
	problems_free(&p);
	text = tu_read(file, &len);
	more = xasprintf("%s\n[conflicts.notes]\n2.1.1.ours = \"one\"\n2.1.1.theirs = \"two\"\n", text);
	tu_write(fx->dir, name, more);
	sleep(3);
	assert_int_equal(insp_open(&in, fx->dir, fx->forms, &p), 0);
	assert_int_equal(in.ncases, ncases);	/* loaded, its conflict a warning */
	assert_int_equal(p.nerrors, 0);
	insp_close(&in);
	problems_free(&p);
	assert_int_equal(same_both_ways(fx), 0);	/* made */
	assert_int_equal(same_both_ways(fx), ncases - 1);	/* all but the conflicted */
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(same_both_ways(fx), ncases - 1);
	assert_int_equal(stat(path, &after), 0);
	assert_true(before.st_ino == after.st_ino);
	assert_true(before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
	    before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
	free(text);
	free(more);
	free(file);
	free(name);
	free(path);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_same_with_cache), T(test_written_over_same_size), T(test_bad_cache),
		T(test_bad_case_not_kept), T(test_unkept_case_no_rewrite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
