/* test_power.c - a power cut at every write point of an answer's save
 * leaves the case file old or new, whole; once the save has returned, new.
 *
 * A power cut loses what the kernel had not yet put on the disk. Where the
 * kernel offers device-mapper's log-writes or flakey targets a test can
 * replay a real disk to each point; this one works on any file system by
 * modelling what a cut may keep, at the system calls of the save itself:
 * write, fsync, rename, renameat2 and link are wrapped (-Wl,--wrap, see
 * Makefile.am), and before each of them (and once the save returned) the
 * test works out every content the case file's name could have after a
 * cut there, on the weakest promises POSIX and Linux file systems make:
 *   - a file's data is on disk only once fsync of it has returned (before
 *     that, a cut may leave the file empty or cut short);
 *   - a name made or replaced by rename or link is on disk only once an
 *     fsync of its folder has returned (before that, a cut may leave the
 *     name as it was, or as it is now: either);
 *   - the case file and its folder were on disk before the answer began.
 * Every content the name could have must be the file before the answer or
 * after it, byte for byte; after the save returned, only after it. The
 * answers are real (edit_answer on the South Tyneside fixture, journal
 * and all), so every write point of a save is cut at: the journal's
 * append, the temporary file's writes, its fsync, the rename and the
 * folder's fsync.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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
#include "model/edit.h"
#include "model/insp.h"
#include "model/walk.h"
#include "testutil.h"
#include "base/xalloc.h"

#define FIXTURE "south-tyneside-2020"
#define ANSWERS 20

/* ---- the model of the disk ---- */

/* what is on disk for sure: the content of each inode fsynced (or there
 * before the answer), and the case file's name in its folder as of the
 * folder's last fsync */
struct durable {
	ino_t ino;
	char *text;		/* NULL: nothing synced (a cut may leave it empty) */
};
static struct durable *dur;
static size_t ndur;
static ino_t name_ino;		/* the inode the case file's name is on disk */
static const char *watch_dir;	/* the case file's folder */
static const char *watch_path;	/* the case file */
static const char *old_text, *new_text;	/* the file before and after */
static int watching;
static size_t points, states;	/* write points cut at; contents looked at */
static char bad[512];		/* the first content neither old nor new */

static const char *
durable_text(ino_t ino)
{
	for (size_t i = 0; i < ndur; i++)
		if (dur[i].ino == ino)
			return dur[i].text;
	return NULL;
}

static void
durable_set(ino_t ino, char *text)
{
	for (size_t i = 0; i < ndur; i++)
		if (dur[i].ino == ino) {
			free(dur[i].text);
			dur[i].text = text;
			return;
		}
	dur = xrealloc(dur, (ndur + 1) * sizeof *dur);
	dur[ndur].ino = ino;
	dur[ndur++].text = text;
}

static void
durable_free(void)
{
	for (size_t i = 0; i < ndur; i++)
		free(dur[i].text);
	free(dur);
	dur = NULL;
	ndur = 0;
}

/* the contents the name could have after a cut, recorded during a save
 * and judged once it has returned (the new file is known only then: its
 * stamp holds the time of the save) */
struct seen {
	char *text;
	const char *when;
	int returned;
};
static struct seen *seen;
static size_t nseen;

/* One content the name could have after a cut: the inode INO's synced
 * text ("" when none: the cut left it empty) */
static void
record(ino_t ino, int returned, const char *when)
{
	const char *t = durable_text(ino);

	seen = xrealloc(seen, (nseen + 1) * sizeof *seen);
	seen[nseen].text = xstrdup(t ? t : "");
	seen[nseen].when = when;
	seen[nseen++].returned = returned;
}

/* A cut now: the name as the folder last synced it, or as it is now */
static void
cut_here(const char *when, int returned)
{
	struct stat st;

	if (!watching)
		return;
	points += !returned;
	record(name_ino, returned, when);
	if (stat(watch_path, &st) == 0 && st.st_ino != name_ino)
		record(st.st_ino, returned, when);
}

/* Each content recorded is the old file or the new (only the new once the
 * save returned); the first that is not into BAD. The record is emptied. */
static void
judge_all(void)
{
	for (size_t i = 0; i < nseen; i++) {
		const char *t = seen[i].text;

		states++;
		if (bad[0] == '\0' && strcmp(t, new_text) != 0 &&
		    (seen[i].returned || strcmp(t, old_text) != 0))
			snprintf(bad, sizeof bad, "a cut %s could leave %s with %zu bytes that "
			    "are %s", seen[i].when, watch_path, strlen(t), seen[i].returned ?
			    "not the new file" : "neither the old file nor the new");
		free(seen[i].text);
	}
	free(seen);
	seen = NULL;
	nseen = 0;
}

static char *
fd_text(int fd)
{
	char *proc = xasprintf("/proc/self/fd/%d", fd), *t;

	t = tu_read(proc, NULL);
	free(proc);
	return t;
}

/* ---- the wrapped calls ---- */

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __wrap_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
int __real_renameat2(int ofd, const char *from, int nfd, const char *to, unsigned flags);
int __wrap_renameat2(int ofd, const char *from, int nfd, const char *to, unsigned flags);
int __real_link(const char *from, const char *to);
int __wrap_link(const char *from, const char *to);

ssize_t
__wrap_write(int fd, const void *buf, size_t n)
{
	cut_here("before a write", 0);
	return __real_write(fd, buf, n);
}

int
__wrap_fsync(int fd)
{
	struct stat st;
	int rc;

	cut_here("before an fsync", 0);
	rc = __real_fsync(fd);
	if (!watching || rc != 0 || fstat(fd, &st) != 0)
		return rc;
	if (S_ISDIR(st.st_mode)) {
		struct stat dst, nst;

		/* the folder's names are on disk now */
		if (stat(watch_dir, &dst) == 0 && dst.st_ino == st.st_ino &&
		    stat(watch_path, &nst) == 0)
			name_ino = nst.st_ino;
	} else if (S_ISREG(st.st_mode))
		durable_set(st.st_ino, fd_text(fd));
	return rc;
}

int
__wrap_rename(const char *from, const char *to)
{
	cut_here("before a rename", 0);
	return __real_rename(from, to);
}

int
__wrap_renameat2(int ofd, const char *from, int nfd, const char *to, unsigned flags)
{
	cut_here("before a renameat2", 0);
	return __real_renameat2(ofd, from, nfd, to, flags);
}

int
__wrap_link(const char *from, const char *to)
{
	cut_here("before a link", 0);
	return __real_link(from, to);
}

/* ---- the test ---- */

static void
test_cut_at_every_write_point(void **state)
{
	char *dir = state ? *state : NULL, *src, *insp, *cases;
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct walk w;
	struct err e;
	struct edit_undo u = { 0 };
	size_t done = 0;

	src = xasprintf("%s/%s", tu_env("YJINSPECT_FIXTURES"), FIXTURE);
	insp = xasprintf("%s/insp", dir);
	cases = xasprintf("%s/cases", insp);
	if (insp_copy(src, insp, &e) < 0)
		fail_msg("%s", e.msg);
	if (insp_open(&in, insp, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
		fail_msg("%s: %s", insp, p.n ? p.v[0].msg : "cannot open");
	walk_init(&w, &in.form);
	watch_dir = cases;
	for (size_t n = 0; done < ANSWERS && n < w.nitems * in.ncases; n++) {
		size_t ci = n % in.ncases, i = n / in.ncases;	/* each case in turn */
		struct case_file *c = &in.cases[ci];
		enum answer was, now;
		struct stat st;
		char *before, *after;

		if (!walk_allows(&w, i, ANSWER_YES) || !walk_allows(&w, i, ANSWER_NO) ||
		    case_kq_relevant(c, &in.form, w.items[i].kq) != COND_TRUE)
			continue;
		/* the file before: on disk, whole, under its name */
		watch_path = c->path;
		before = tu_read(c->path, NULL);
		assert_non_null(before);
		assert_int_equal(stat(c->path, &st), 0);
		durable_free();
		durable_set(st.st_ino, xstrdup(before));
		name_ino = st.st_ino;
		old_text = before;
		/* the answer the other way, cut at every write point of its save */
		was = w.items[i].kind == WALK_KQ ? c->kq_answer[w.items[i].index] :
		    c->prompt_answer[w.items[i].index];
		now = was == ANSWER_YES ? ANSWER_NO : ANSWER_YES;
		bad[0] = '\0';
		watching = 1;
		if (edit_answer(&in, &w, ci, i, now, "Kit Kay", &u, &e) < 0)
			fail_msg("%s", e.msg);
		cut_here("after the save returned", 1);
		watching = 0;
		after = tu_read(c->path, NULL);
		assert_non_null(after);
		new_text = after;
		judge_all();
		if (bad[0])
			fail_msg("answer %zu (%s of %s): %s", done + 1, w.items[i].id, c->name, bad);
		assert_string_not_equal(before, after);
		free(before);
		free(after);
		done++;
	}
	assert_int_equal(done, ANSWERS);
	assert_true(points >= ANSWERS * 4);	/* journal, write, fsync, rename at least */
	print_message("%zu answers, %zu write points cut at, %zu contents of the case "
	    "file looked at: each old or new, whole\n", done, points, states);
	durable_free();
	edit_undo_free(&u);
	walk_free(&w);
	insp_close(&in);
	problems_free(&p);
	free(src);
	free(insp);
	free(cases);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cut_at_every_write_point, tu_setup_dir,
		    tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
