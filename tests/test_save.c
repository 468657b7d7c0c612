/* test_save.c - save_file: atomic, durable, and on every failure the old
 * file untouched and no temporary file left behind.
 *
 * Linked with -Wl,--wrap= write, fsync, rename, link and renameat2 (Makefile.am):
 * save.c's calls land in the __wrap_ functions below, which fail on demand
 * and otherwise pass through to the real ones.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "store/save.h"
#include "testutil.h"
#include "base/xalloc.h"

ssize_t __real_write(int, const void *, size_t);
int __real_fsync(int);
int __real_rename(const char *, const char *);
int __real_link(const char *, const char *);
int __real_renameat2(int, const char *, int, const char *, unsigned int);
ssize_t __wrap_write(int, const void *, size_t);
int __wrap_fsync(int);
int __wrap_rename(const char *, const char *);
int __wrap_link(const char *, const char *);
int __wrap_renameat2(int, const char *, int, const char *, unsigned int);

/* What the wrappers do; reset before every test. */
static struct {
	int write_calls;
	int write_fail_at;	/* fail call N (1-based) with write_errno */
	int write_errno;
	size_t write_max;	/* at most this many bytes a call (0: all) */
	int write_eintr_every;	/* every Nth call fails with EINTR */
	int fsync_calls;
	int fsync_fail_at;
	int fsync_errno;
	int rename_fail;
	int rename_errno;
	const char *other_first;	/* another saver makes the file just before the last step */
	int no_renameat2;	/* the file system has no RENAME_NOREPLACE (EINVAL) */
	int link_lost_reply;	/* link is made, but says EEXIST (NFS, a resent request) */
	int link_calls;
	int die_in_fsync;	/* at the first fsync (of the temporary file): say so
				 * on die_pipe and wait for the SIGKILL (a kill from
				 * outside, which memcheck cannot take for an exit) */
	int die_pipe;
} fx;

/* Fork a child that runs SAVE(ARG) and is SIGKILLed by this process at
 * the save's first fsync; returns when it is dead */
static void
die_in_save(void (*save)(void *), void *arg)
{
	int fds[2], status;
	char c;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		fx.die_pipe = fds[1];
		fx.die_in_fsync = 1;
		save(arg);
		_exit(3);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &c, 1), 1);	/* in its fsync now */
	close(fds[0]);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

ssize_t
__wrap_write(int fd, const void *data, size_t len)
{
	fx.write_calls++;
	if (fx.write_fail_at != 0 && fx.write_calls >= fx.write_fail_at) {
		errno = fx.write_errno;
		return -1;
	}
	if (fx.write_eintr_every != 0 &&
	    fx.write_calls % fx.write_eintr_every == 0) {
		errno = EINTR;
		return -1;
	}
	if (fx.write_max != 0 && len > fx.write_max)
		len = fx.write_max;
	return __real_write(fd, data, len);
}

int
__wrap_fsync(int fd)
{
	fx.fsync_calls++;
	if (fx.die_in_fsync) {
		(void)__real_write(fx.die_pipe, "k", 1);
		for (;;)
			pause();
	}
	if (fx.fsync_fail_at != 0 && fx.fsync_calls == fx.fsync_fail_at) {
		errno = fx.fsync_errno;
		return -1;
	}
	return __real_fsync(fd);
}

int
__wrap_rename(const char *from, const char *to)
{
	if (fx.rename_fail) {
		errno = fx.rename_errno;
		return -1;
	}
	return __real_rename(from, to);
}

static void
other_saver(const char *path)
{
	FILE *f;

	if (fx.other_first == NULL)
		return;
	f = fopen(path, "wx");
	assert_non_null(f);
	fputs(fx.other_first, f);
	fclose(f);
	fx.other_first = NULL;
}

int
__wrap_renameat2(int fromdir, const char *from, int todir, const char *to, unsigned int flags)
{
	if (fx.no_renameat2) {
		errno = EINVAL;
		return -1;
	}
	other_saver(to);
	return __real_renameat2(fromdir, from, todir, to, flags);
}

int
__wrap_link(const char *from, const char *to)
{
	int r;

	fx.link_calls++;
	other_saver(to);
	r = __real_link(from, to);
	if (r == 0 && fx.link_lost_reply) {
		errno = EEXIST;
		return -1;
	}
	return r;
}

static int
setup(void **state)
{
	memset(&fx, 0, sizeof fx);
	*state = tu_tmpdir();
	return 0;
}

static int
teardown(void **state)
{
	memset(&fx, 0, sizeof fx);
	tu_rmtree(*state);
	free(*state);
	return 0;
}

/* The names in DIR other than . and .., sorted, space-separated. */
static char *
listing(const char *dir)
{
	struct dirent **names;
	char *out = xstrdup(""), *tmp;
	int i, n = scandir(dir, &names, NULL, alphasort);

	assert_true(n >= 0);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			tmp = xasprintf("%s%s%s", out, *out ? " " : "",
			    names[i]->d_name);
			free(out);
			out = tmp;
		}
		free(names[i]);
	}
	free(names);
	return out;
}

static void
assert_file(const char *path, const char *want, size_t wantlen)
{
	size_t len;
	char *got = tu_read(path, &len);

	assert_non_null(got);
	assert_int_equal(len, wantlen);
	assert_memory_equal(got, want, wantlen);
	free(got);
}

static void
assert_has(const char *msg, const char *want)
{
	if (strstr(msg, want) == NULL)
		fail_msg("message '%s' does not hold '%s'", msg, want);
}

/* DIR/.locks is a folder, mode 0700, holding exactly the names WANT */
static void
assert_locks(const char *dir, const char *want)
{
	char *locks = xasprintf("%s/.locks", dir), *names;
	struct stat st;

	assert_int_equal(lstat(locks, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0700);
	names = listing(locks);
	assert_string_equal(names, want);
	free(names);
	free(locks);
}

/* SAVE (save_file or save_file_new) makes a new file: its contents, mode
 * 0600, synced with its directory, one name, no temporary file left */
static void
saves_new(const char *dir, int (*save)(const char *, const char *, size_t, struct err *))
{
	char *path = xasprintf("%s/c1.ini", dir), *names;
	const char text[] = "[case]\nformat = 1\n";
	struct stat st;
	struct err e;

	assert_int_equal(save(path, text, sizeof text - 1, &e), 0);
	assert_file(path, text, sizeof text - 1);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(st.st_nlink, 1);
	/* the file was fsynced, then the directory */
	assert_int_equal(fx.fsync_calls, 2);
	/* only the file and the folder of locks: no temporary file */
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	assert_locks(dir, "c1.ini.lock");
	free(path);
}

static void
test_save_new(void **state)
{
	saves_new(*state, save_file);
}

static void
test_save_replace(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/c1.ini", dir), *names;
	char *big = xmalloc(200000);
	struct stat st;
	struct err e;

	/* an existing file with a wider mode is replaced by a 0600 one */
	tu_write(dir, "c1.ini", "first version\n");
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(save_file(path, "second version\n", 15, &e), 0);
	assert_file(path, "second version\n", 15);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);

	/* a large one, then an empty one */
	memset(big, 'z', 200000);
	assert_int_equal(save_file(path, big, 200000, &e), 0);
	assert_file(path, big, 200000);
	assert_int_equal(save_file(path, "", 0, &e), 0);
	assert_file(path, "", 0);
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	free(big);
	free(path);
}

/* save_file_as tells what it wrote: the file now at PATH (the same
 * inode, size and change of contents), a new one at each save, whether
 * it makes PATH, replaces it, or replaces it under a lock held. */
static void
test_save_file_as(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/c1.ini", dir);
	struct stat wrote, st;
	struct err e;
	ino_t first;
	int lockfd;

	assert_int_equal(save_file_as(path, "one\n", 4, 1, 0, &wrote, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_dev == wrote.st_dev && st.st_ino == wrote.st_ino);
	assert_int_equal(st.st_size, 4);
	assert_int_equal(wrote.st_size, 4);
	assert_true(st.st_mtim.tv_sec == wrote.st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == wrote.st_mtim.tv_nsec);
	first = wrote.st_ino;

	assert_int_equal(save_file_as(path, "two!\n", 5, 0, 0, &wrote, &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_ino == wrote.st_ino && wrote.st_ino != first);
	assert_int_equal(wrote.st_size, 5);

	lockfd = save_lock_hold(path, &e);
	assert_true(lockfd >= 0);
	assert_int_equal(save_file_as(path, "three\n", 6, 0, 1, &wrote, &e), 0);
	save_unlock(lockfd);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_ino == wrote.st_ino);
	assert_file(path, "three\n", 6);
	free(path);
}

/* A link where the folder of locks belongs is not followed: the save is
 * refused, saying so, and the file is as it was. */
static void
test_save_locks_link(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/c1.ini", dir), *locks = xasprintf("%s/.locks", dir);
	char *elsewhere = tu_tmpdir();
	struct err e;

	tu_write(dir, "c1.ini", "as it was\n");
	assert_int_equal(symlink(elsewhere, locks), 0);
	assert_int_equal(save_file(path, "new\n", 4, &e), -1);
	assert_non_null(strstr(e.msg, "lock failed"));
	assert_non_null(strstr(e.msg, ".locks"));
	assert_file(path, "as it was\n", 10);
	tu_rmtree(elsewhere);
	free(elsewhere);
	free(locks);
	free(path);
}

/* A relative path with no directory part saves in ".". */
static void
test_save_relative(void **state)
{
	char *cwd = getcwd(NULL, 0);
	struct err e;

	assert_int_equal(chdir(*state), 0);
	assert_int_equal(save_file("rel.ini", "x\n", 2, &e), 0);
	assert_file("rel.ini", "x\n", 2);
	assert_locks(".", "rel.ini.lock");
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
}

static void
test_save_missing_dir(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/nope/c1.ini", dir), *names;
	struct err e;

	assert_int_equal(save_file(path, "x", 1, &e), -1);
	assert_has(e.msg, path);
	assert_has(e.msg, "does not exist");
	assert_int_equal(fx.write_calls, 0);
	names = listing(dir);
	assert_string_equal(names, "");
	free(names);
	free(path);

	/* a file where the directory should be */
	tu_write(dir, "plain", "x");
	path = xasprintf("%s/plain/c1.ini", dir);
	assert_int_equal(save_file(path, "x", 1, &e), -1);
	assert_has(e.msg, "is not a directory");
	free(path);

	/* the target is a directory */
	path = xasprintf("%s/adir", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(save_file(path, "x", 1, &e), -1);
	assert_has(e.msg, "is a directory");
	free(path);

	/* no file name at all */
	path = xasprintf("%s/", dir);
	assert_int_equal(save_file(path, "x", 1, &e), -1);
	free(path);
}

static void
test_save_readonly_dir(void **state)
{
	const char *dir = *state;
	char *sub = xasprintf("%s/ro", dir);
	char *path = xasprintf("%s/ro/c1.ini", dir);
	struct err e;

	assert_int_equal(mkdir(sub, 0700), 0);
	tu_write(dir, "ro/c1.ini", "old\n");
	assert_int_equal(chmod(sub, 0500), 0);
	if (access(sub, W_OK) == 0) {
		/* root writes anyway: nothing to check here */
		print_message("(directory permissions not testable as root)\n");
	} else {
		assert_int_equal(save_file(path, "new\n", 4, &e), -1);
		assert_has(e.msg, path);
		assert_has(e.msg, "not writable");
		assert_int_equal(fx.write_calls, 0);
		assert_file(path, "old\n", 4);
	}
	chmod(sub, 0700);
	free(sub);
	free(path);
}

/*
 * The common check after an injected failure: -1, the step and the
 * strerror in the message, the old contents unchanged, no temporary file.
 */
static void
assert_failed_cleanly(const char *dir, const char *path, int r,
    const struct err *e, const char *step, int err)
{
	char *want = xasprintf("%s: %s failed: %s", path, step, strerror(err));
	char *names;

	assert_int_equal(r, -1);
	assert_string_equal(e->msg, want);
	assert_file(path, "old contents\n", 13);
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	free(want);
}

static char *
old_file(const char *dir)
{
	tu_write(dir, "c1.ini", "old contents\n");
	return xasprintf("%s/c1.ini", dir);
}

/* save_file_new: a new file is made as save_file makes it */
static void
test_save_file_new_creates(void **state)
{
	saves_new(*state, save_file_new);
}

/* ...and one that exists is never replaced: EEXIST, said, nothing left */
static void
test_save_file_new_exists(void **state)
{
	char *path = old_file(*state), *names;
	struct err e;

	errno = 0;
	assert_int_equal(save_file_new(path, "new\n", 4, &e), -1);
	assert_int_equal(errno, EEXIST);
	assert_has(e.msg, path);
	assert_has(e.msg, "already exists");
	assert_file(path, "old contents\n", 13);
	names = listing(*state);
	assert_string_equal(names, "c1.ini"	/* nor a lock file made for it */);
	free(names);
	free(path);
}

/* ...even when another program makes it after the check, before the last
 * step (save_file's rename would have replaced it): with RENAME_NOREPLACE,
 * and with link where the file system has no RENAME_NOREPLACE */
static void
test_save_file_new_race(void **state)
{
	char *path = xasprintf("%s/c1.ini", (const char *)*state), *names;
	struct err e;

	for (int no_renameat2 = 0; no_renameat2 < 2; no_renameat2++) {
		unlink(path);
		fx.other_first = "the other saver's\n";
		fx.no_renameat2 = no_renameat2;
		fx.link_calls = 0;
		errno = 0;
		assert_int_equal(save_file_new(path, "new\n", 4, &e), -1);
		assert_int_equal(errno, EEXIST);
		assert_has(e.msg, "already exists");
		assert_file(path, "the other saver's\n", 18);
		assert_int_equal(fx.link_calls, no_renameat2);
		names = listing(*state);
		assert_string_equal(names, ".locks c1.ini");	/* no temporary file */
		free(names);
	}
	free(path);
}

/* Without RENAME_NOREPLACE: link, and a link made whose reply said EEXIST
 * (NFS) is success, the temporary name gone */
static void
test_save_file_new_by_link(void **state)
{
	fx.no_renameat2 = 1;
	saves_new(*state, save_file_new);
	assert_int_equal(fx.link_calls, 1);
}

static void
test_save_file_new_link_lost_reply(void **state)
{
	fx.no_renameat2 = 1;
	fx.link_lost_reply = 1;
	saves_new(*state, save_file_new);
}

/* errno says EEXIST only when the file exists: not for a directory that
 * is missing, even after an EEXIST */
static void
test_save_file_new_errno(void **state)
{
	char *path = xasprintf("%s/no/such/dir/c1.ini", (const char *)*state);
	struct err e;

	errno = EEXIST;
	assert_int_equal(save_file_new(path, "new\n", 4, &e), -1);
	assert_true(errno != EEXIST);
	assert_has(e.msg, "does not exist");
	free(path);
	/* a directory of that name: taken, and no lock file made beside it */
	path = xasprintf("%s/d.ini", (const char *)*state);
	assert_int_equal(mkdir(path, 0700), 0);
	errno = 0;
	assert_int_equal(save_file_new(path, "new\n", 4, &e), -1);
	assert_int_equal(errno, EEXIST);
	{
		char *names = listing(*state);

		assert_string_equal(names, "d.ini");
		free(names);
	}
	free(path);
}

static void
test_save_write_enospc_first(void **state)
{
	char *path = old_file(*state);
	struct err e;
	int r;

	fx.write_fail_at = 1;
	fx.write_errno = ENOSPC;
	r = save_file(path, "new contents\n", 13, &e);
	assert_failed_cleanly(*state, path, r, &e, "write", ENOSPC);
	assert_int_equal(fx.write_calls, 1);
	free(path);
}

static void
test_save_write_enospc_later(void **state)
{
	char *path = old_file(*state);
	char data[1000];
	struct err e;
	int r;

	/* short writes of 100 bytes; the fourth call finds the disk full */
	memset(data, 'n', sizeof data);
	fx.write_max = 100;
	fx.write_fail_at = 4;
	fx.write_errno = ENOSPC;
	r = save_file(path, data, sizeof data, &e);
	assert_failed_cleanly(*state, path, r, &e, "write", ENOSPC);
	assert_int_equal(fx.write_calls, 4);
	assert_int_equal(fx.fsync_calls, 0);
	free(path);
}

/* Short writes and EINTR are not errors: the whole text arrives. */
static void
test_save_short_writes_eintr(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *names;
	char data[5000];
	struct err e;
	size_t i;

	for (i = 0; i < sizeof data; i++)
		data[i] = (char)('a' + i % 26);
	fx.write_max = 7;
	fx.write_eintr_every = 3;
	assert_int_equal(save_file(path, data, sizeof data, &e), 0);
	assert_file(path, data, sizeof data);
	assert_true(fx.write_calls > (int)(sizeof data / 7));
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	free(path);
}

static void
test_save_fsync_eio(void **state)
{
	char *path = old_file(*state);
	struct err e;
	int r;

	fx.fsync_fail_at = 1;
	fx.fsync_errno = EIO;
	r = save_file(path, "new contents\n", 13, &e);
	assert_failed_cleanly(*state, path, r, &e, "fsync", EIO);
	assert_has(e.msg, "fsync failed: Input/output error");
	free(path);
}

static void
test_save_rename_fails(void **state)
{
	char *path = old_file(*state);
	struct err e;
	int r;

	fx.rename_fail = 1;
	fx.rename_errno = EACCES;
	r = save_file(path, "new contents\n", 13, &e);
	assert_failed_cleanly(*state, path, r, &e, "rename", EACCES);
	/* the file was written and fsynced before the rename failed */
	assert_int_equal(fx.fsync_calls, 1);
	free(path);
}

/* After the rename the new version is in place; a failed directory fsync
 * is still an error, since the rename may not be on disk. */
static void
test_save_dir_fsync_eio(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *names;
	struct err e;

	fx.fsync_fail_at = 2;
	fx.fsync_errno = EIO;
	assert_int_equal(save_file(path, "new contents\n", 13, &e), -1);
	assert_has(e.msg, path);
	assert_has(e.msg, "fsync of directory");
	assert_has(e.msg, "Input/output error");
	assert_file(path, "new contents\n", 13);
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	free(path);
}

/* Another process holding the lock: save_file waits for it. */
static void
test_save_waits_for_lock(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir);
	struct timespec t0, t1, pause = { 0, 300000000L };
	struct err e;
	int pipefd[2], status;
	char c;
	pid_t pid;
	long ms;

	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* another yjinspect: its lock, the folder of locks made by it */
		struct err ce;
		int fd = save_lock_hold(path, &ce);

		free(path);
		if (fd == -1)
			_exit(1);
		(void)__real_write(pipefd[1], "L", 1);
		nanosleep(&pause, NULL);
		_exit(0);	/* releases the lock */
	}
	close(pipefd[1]);
	assert_int_equal(read(pipefd[0], &c, 1), 1);
	close(pipefd[0]);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(save_file(path, "new contents\n", 13, &e), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 100);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_file(path, "new contents\n", 13);
	free(path);
}

/* Where each file's lock is: one hidden folder beside the files, the same
 * name whoever asks (two programs saving one file must meet there) */
static void
test_save_lock_path(void **state)
{
	static const char *const cases[][2] = {
		{ "d/cases/ST-C01.ini", "d/cases/.locks/ST-C01.ini.lock" },
		{ "d/cases/.adding", "d/cases/.locks/.adding.lock" },
		{ "d/.gitattributes", "d/.locks/.gitattributes.lock" },
		{ "inspection.ini", "./.locks/inspection.ini.lock" },
		{ "/top.ini", "/.locks/top.ini.lock" },
	};
	(void)state;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = save_lock_path(cases[i][0]);

		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

/* A lock held with save_lock_hold is the one save_file takes: another
 * process finds it held, at the path save_lock_path names */
static void
test_save_lock_hold_same_file(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *lockpath = save_lock_path(path);
	struct err e;
	int fd, status;
	pid_t pid;

	fd = save_lock_hold(path, &e);
	assert_true(fd >= 0);
	assert_locks(dir, "c1.ini.lock");
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int lfd = open(lockpath, O_RDWR);

		_exit(lfd == -1 ? 2 : flock(lfd, LOCK_EX | LOCK_NB) == -1 &&
		    errno == EWOULDBLOCK ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(save_file_held(path, "held\n", 5, &e), 0);
	save_unlock(fd);
	/* let go: a save takes it again, and still no lock beside the file */
	assert_int_equal(save_file(path, "after\n", 6, &e), 0);
	assert_file(path, "after\n", 6);
	{
		char *names = listing(dir);

		assert_string_equal(names, ".locks c1.ini");
		free(names);
	}
	free(lockpath);
	free(path);
}

/* The folder of locks made already (another process, an instant before)
 * is used as it is; a .locks that is not a folder, or a link to one, is
 * refused, the message naming the file, the file untouched */
static void
test_save_lock_dir_taken(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *locks = xasprintf("%s/.locks", dir);
	char *elsewhere = xasprintf("%s/elsewhere", dir);
	struct err e;

	assert_int_equal(mkdir(locks, 0700), 0);
	assert_int_equal(save_file(path, "new contents\n", 13, &e), 0);
	assert_locks(dir, "c1.ini.lock");
	tu_rmtree(locks);

	tu_write(dir, ".locks", "not a folder\n");
	assert_int_equal(save_file(path, "other\n", 6, &e), -1);
	assert_has(e.msg, path);
	assert_has(e.msg, "lock failed");
	assert_has(e.msg, locks);
	assert_file(path, "new contents\n", 13);
	assert_int_equal(unlink(locks), 0);

	assert_int_equal(mkdir(elsewhere, 0700), 0);
	assert_int_equal(symlink("elsewhere", locks), 0);
	assert_true(save_lock_hold(path, &e) < 0);
	assert_has(e.msg, path);
	assert_has(e.msg, "lock failed");
	{
		char *names = listing(elsewhere);

		assert_string_equal(names, "");	/* nothing made through the link */
		free(names);
	}
	free(elsewhere);
	free(locks);
	free(path);
}

/* A lock asked for in a folder that cannot be written (no .locks yet):
 * refused, the message naming the file and why */
static void
test_save_lock_readonly_dir(void **state)
{
	const char *dir = *state;
	char *sub = xasprintf("%s/ro", dir);
	char *path = xasprintf("%s/ro/c1.ini", dir);
	struct err e;

	assert_int_equal(mkdir(sub, 0700), 0);
	tu_write(dir, "ro/c1.ini", "old\n");
	assert_int_equal(chmod(sub, 0500), 0);
	if (access(sub, W_OK) == 0) {
		print_message("(directory permissions not testable as root)\n");
	} else {
		assert_true(save_lock_hold(path, &e) < 0);
		assert_has(e.msg, path);
		assert_has(e.msg, "lock failed");
		assert_has(e.msg, strerror(EACCES));
	}
	chmod(sub, 0700);
	free(sub);
	free(path);
}

/* ---- saves cut short: their temporary files swept (save.h) ---- */

static void
save_never(void *path)
{
	struct err e;

	save_file(path, "never\n", 6, &e);
}

static void
save_never_held(void *path)
{
	struct err e;

	save_file_held(path, "never\n", 6, &e);
}

/* A save of DIR/NAME killed (SIGKILL) in the middle, in a child process:
 * its temporary file is left, one, and the file is as it was */
static void
killed_save(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *before = NULL;
	size_t len = 0;

	before = tu_read(path, &len);
	die_in_save(save_never, path);
	if (before != NULL)
		assert_file(path, before, len);
	free(before);
	free(path);
}

/* How many of DIR's names are DIR/.NAME.XXXXXX, temporary files of NAME */
static int
temps_of(const char *dir, const char *name)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = strlen(name);
	int count = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		count += de->d_name[0] == '.' && strncmp(de->d_name + 1, name, n) == 0 &&
		    de->d_name[1 + n] == '.' && strlen(de->d_name + 2 + n) == 6;
	closedir(d);
	return count;
}

/* A save killed leaves its temporary file; the next save of the file
 * removes it (and its own), as does save_lock_hold; a killed save of
 * another file is not the next save's to remove */
static void
test_save_sweeps_killed(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *names;
	struct err e;
	int fd;

	tu_write(dir, "c2.ini", "other\n");
	killed_save(dir, "c1.ini");
	assert_int_equal(temps_of(dir, "c1.ini"), 1);
	killed_save(dir, "c1.ini");	/* (which swept the first one's) */
	killed_save(dir, "c2.ini");
	assert_int_equal(temps_of(dir, "c1.ini"), 1);
	assert_int_equal(temps_of(dir, "c2.ini"), 1);
	assert_int_equal(save_file(path, "next\n", 5, &e), 0);
	assert_file(path, "next\n", 5);
	assert_int_equal(temps_of(dir, "c1.ini"), 0);
	assert_int_equal(temps_of(dir, "c2.ini"), 1);	/* not this save's file */

	/* the lock held across a save (case_lock): swept on taking it */
	killed_save(dir, "c1.ini");
	assert_int_equal(temps_of(dir, "c1.ini"), 1);
	fd = save_lock_hold(path, &e);
	assert_true(fd >= 0);
	assert_int_equal(temps_of(dir, "c1.ini"), 0);
	assert_int_equal(save_file_held(path, "held\n", 5, &e), 0);
	save_unlock(fd);
	/* and a killed held save marks the lock file as well */
	fd = save_lock_hold(path, &e);
	assert_true(fd >= 0);
	die_in_save(save_never_held, path);
	save_unlock(fd);
	assert_int_equal(temps_of(dir, "c1.ini"), 1);
	assert_int_equal(save_file(path, "again\n", 6, &e), 0);
	assert_int_equal(temps_of(dir, "c1.ini"), 0);
	names = listing(dir);
	assert_true(strstr(names, ".c1.ini.") == NULL);
	free(names);
	free(path);
}

/* save_sweep_temp (the opening of a folder): a leftover whose lock can be
 * taken is removed; one whose lock is held (a save under way) is kept */
static void
test_save_sweep_temp(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *names;
	struct err e;
	int fd;

	tu_write(dir, ".c1.ini.Ab3xYz", "cut short\n");
	tu_write(dir, ".c3.ini.Qw9Er7", "no lock file yet\n");
	fd = save_lock_hold(path, &e);
	assert_true(fd >= 0);
	assert_int_equal(save_sweep_temp(dir, ".c1.ini.Ab3xYz", &e), 1);	/* held: kept */
	assert_int_equal(save_sweep_temp(dir, ".c3.ini.Qw9Er7", &e), 0);
	names = listing(dir);
	assert_string_equal(names, ".c1.ini.Ab3xYz .locks c1.ini");
	free(names);
	save_unlock(fd);
	assert_int_equal(save_sweep_temp(dir, ".c1.ini.Ab3xYz", &e), 0);
	assert_int_equal(save_sweep_temp(dir, ".c1.ini.Ab3xYz", &e), 0);	/* gone already */
	names = listing(dir);
	assert_string_equal(names, ".locks c1.ini");
	free(names);
	assert_locks(dir, "c1.ini.lock c3.ini.lock");
	free(path);
}

/* Only a .ini file's temporary file, with exactly mkstemp's six letters
 * and digits: nothing else is swept, by a save or an opening */
static void
test_save_sweep_only_ini_temps(void **state)
{
	static const char *const kept[] = {
		".c1.txt.Ab3xYz", ".gitignore.Ab3xYz", ".c1.ini.Ab3xY", ".c1.ini.Ab3xYz9",
		".c1.ini.Ab-xYz", ".c1.ini", "c1.ini.Ab3xYz", "..ini.Ab3xYz", ".c1.ini.lock",
		".c1.inix.Ab3xYz", NULL
	};
	const char *dir = *state;
	char *path = old_file(dir), *before, *after;
	struct err e;

	for (size_t i = 0; kept[i]; i++) {
		tu_write(dir, kept[i], "not a leftover\n");
		assert_int_equal(save_is_temp(kept[i]), 0);
		assert_int_equal(save_sweep_temp(dir, kept[i], &e), 1);
	}
	assert_int_equal(save_is_temp(".c1.ini.Ab3xYz"), 1);
	assert_int_equal(save_is_temp(".inspection.ini.000000"), 1);
	assert_int_equal(save_file(path, "first\n", 6, &e), 0);
	before = listing(dir);
	killed_save(dir, "c1.ini");
	assert_int_equal(save_file(path, "next\n", 5, &e), 0);
	after = listing(dir);
	assert_string_equal(after, before);	/* the killed save's only was removed */
	free(before);
	free(after);
	/* an export's file (no lock) is never swept, its temporary file kept */
	free(path);
	path = xasprintf("%s/report.ini", dir);
	tu_write(dir, ".report.ini.Ab3xYz", "an export's\n");
	assert_int_equal(save_file_unlocked(path, "report\n", 7, &e), 0);
	assert_int_equal(temps_of(dir, "report.ini"), 1);
	free(path);
}

/* A link named as a leftover is never followed nor removed; nor is
 * another user's file */
static void
test_save_sweep_not_links(void **state)
{
	const char *dir = *state;
	char *path = old_file(dir), *link = xasprintf("%s/.c1.ini.Ab3xYz", dir);
	char *target = xasprintf("%s/target", dir), *lt = xasprintf("%s/.c1.ini.Zz9Zz9", dir);
	struct err e;
	struct stat st;

	tu_write(dir, "target", "precious\n");
	assert_int_equal(symlink("target", link), 0);
	assert_int_equal(save_sweep_temp(dir, ".c1.ini.Ab3xYz", &e), -1);
	assert_has(e.msg, link);
	assert_has(e.msg, "not removed");
	assert_has(e.msg, "not a regular file");
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_file(target, "precious\n", 9);
	/* nor by a save after a killed one */
	killed_save(dir, "c1.ini");
	assert_int_equal(symlink("target", lt), 0);
	assert_int_equal(save_file(path, "next\n", 5, &e), 0);
	assert_int_equal(temps_of(dir, "c1.ini"), 2);	/* the two links */
	assert_int_equal(lstat(lt, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_file(target, "precious\n", 9);
	/* another user's (as root only: chown) */
	if (geteuid() == 0) {
		char *theirs = xasprintf("%s/.c1.ini.Th3irs", dir);

		tu_write(dir, ".c1.ini.Th3irs", "theirs\n");
		assert_int_equal(chown(theirs, 1, 1), 0);
		assert_int_equal(save_sweep_temp(dir, ".c1.ini.Th3irs", &e), -1);
		assert_has(e.msg, "another user's file");
		assert_int_equal(access(theirs, F_OK), 0);
		free(theirs);
	}
	free(lt);
	free(target);
	free(link);
	free(path);
}

/* A folder that cannot be written: the leftover is kept, E says why */
static void
test_save_sweep_readonly(void **state)
{
	const char *dir = *state;
	char *sub = xasprintf("%s/ro", dir);
	struct err e;

	assert_int_equal(mkdir(sub, 0700), 0);
	tu_write(dir, "ro/.c1.ini.Ab3xYz", "cut short\n");
	assert_int_equal(chmod(sub, 0500), 0);
	if (access(sub, W_OK) == 0) {
		print_message("(directory permissions not testable as root)\n");
	} else {
		assert_int_equal(save_sweep_temp(sub, ".c1.ini.Ab3xYz", &e), -1);
		assert_has(e.msg, "ro/.c1.ini.Ab3xYz");
		assert_has(e.msg, "not removed");
		assert_has(e.msg, strerror(EACCES));
	}
	chmod(sub, 0700);
	free(sub);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_sweeps_killed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_sweep_temp, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_sweep_only_ini_temps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_sweep_not_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_sweep_readonly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_as, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_locks_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_creates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_exists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_race, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_by_link, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_link_lost_reply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_file_new_errno, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_replace, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_relative, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_missing_dir, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_readonly_dir, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_write_enospc_first,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_write_enospc_later,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_short_writes_eintr,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_fsync_eio, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_rename_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_dir_fsync_eio, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_waits_for_lock, setup,
		    teardown),
		cmocka_unit_test(test_save_lock_path),
		cmocka_unit_test_setup_teardown(test_save_lock_hold_same_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_lock_dir_taken, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_save_lock_readonly_dir, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
