/* save.c - durable, atomic replacement of a file (see save.h).
 *
 * The steps, each checked, each failure named in the message:
 *   lock     flock(LOCK_EX) on DIR/.locks/NAME.lock, waiting a few seconds
 *            at most (DIR/.locks made, mode 0700, by the first save);
 *   mkstemp  DIR/.NAME.XXXXXX (hidden, and not ending in .ini, so a listing
 *            of *.ini never sees it), fchmod 0600;
 *   write    all of DATA, through short writes and EINTR;
 *   fsync    the temporary file;
 *   close    the temporary file (checked: some file systems report write
 *            errors only here);
 *   rename   over PATH: the atomic step;
 *   fsync    of the directory, so that the rename itself is on disk.
 *   (before all: the folder exists and is writable, PATH is a regular file
 *   and not made read-only: no write permission for anyone, chmod a-w)
 * Up to the rename, a failure unlinks the temporary file and leaves PATH as
 * it was. After it, PATH holds the new contents; a failed directory fsync
 * is still reported, because the new version may not survive a power cut.
 *
 * write, fsync and rename are called directly (not through stdio): the
 * tests replace them with -Wl,--wrap to make them fail.
 */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "store/save.h"
#include "base/xalloc.h"

/* How long to wait for another saver of the same file. */
#define SAVE_LOCK_TRIES 500
#define SAVE_LOCK_PAUSE_NS 10000000L	/* 10 ms: 5 s in all */

static unsigned long saves_begun;	/* save_count */

unsigned long
save_count(void)
{
	return saves_begun;
}

/* PATH's folder: "." for a bare name, "/" for a name in the root */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
}

/* PATH's folder of locks, DIR/.locks */
static char *
lock_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup("./" SAVE_LOCK_DIR);
	return xasprintf("%.*s/" SAVE_LOCK_DIR, (int)(slash - path), path);
}

char *
save_lock_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *locks = lock_dir_of(path), *lockpath;

	lockpath = xasprintf("%s/%s.lock", locks, slash != NULL ? slash + 1 : path);
	free(locks);
	return lockpath;
}

/* Does BASE (a file name) end in ".ini", with something before it? The
 * temporary files of such names only are swept (save.h). */
static int
is_ini(const char *base)
{
	size_t len = strlen(base);

	return len > 4 && strcmp(base + len - 4, ".ini") == 0;
}

/* mkstemp's six characters */
static int
temp_suffix(const char *s)
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	for (int i = 0; i < 6; i++)
		if (s[i] == '\0' || strchr(chars, s[i]) == NULL)
			return 0;
	return s[6] == '\0';
}

int
save_is_temp(const char *name)
{
	size_t len = strlen(name);
	char *base;
	int r;

	if (name[0] != '.' || len < 1 + 5 + 7 || name[len - 7] != '.' ||
	    !temp_suffix(name + len - 6))
		return 0;
	base = xstrndup(name + 1, len - 8);
	r = is_ini(base);
	free(base);
	return r;
}

/* Is NAME in the folder DFD a regular file of this user's (never followed
 * through a link)? 1 yes, 0 no (*WHY says what it is), -1 gone (ENOENT) or
 * unreadable (errno set) */
static int
ours(int dfd, const char *name, const char **why)
{
	struct stat st;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return -1;
	*why = !S_ISREG(st.st_mode) ? "not a regular file" :
	    st.st_uid != geteuid() ? "another user's file" : NULL;
	return *why == NULL;
}

/* Remove from PATH's folder the temporary files of saves of PATH cut short
 * (DIR/.NAME.XXXXXX, regular files of ours), the caller holding PATH's lock:
 * no save of PATH is under way. */
static void
sweep_cut(const char *path, const char *base)
{
	char *dir = dir_of(path);
	size_t blen = strlen(base);
	struct dirent *de;
	const char *why;
	DIR *d = opendir(dir);

	free(dir);
	if (d == NULL)
		return;	/* (the save says what is wrong with the folder) */
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.' && strncmp(de->d_name + 1, base, blen) == 0 &&
		    de->d_name[1 + blen] == '.' && temp_suffix(de->d_name + 2 + blen) &&
		    ours(dirfd(d), de->d_name, &why) == 1)
			unlinkat(dirfd(d), de->d_name, 0);
	closedir(d);
}

/* Open DIR/.locks, never through a symbolic link, made mode 0700 if an
 * open finds it missing (so a save costs no mkdir; EEXIST: made already,
 * perhaps by another process an instant ago); the descriptor, or -1 with
 * errno set and *MADE 0 if the folder could not be made. It need not be
 * durable: a lock lost in a power cut is not held by anyone after it. */
static int
open_lock_dir(const char *locks, int *made)
{
	int fd = open(locks, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	*made = 1;
	if (fd != -1 || errno != ENOENT)	/* (a link there: ENOTDIR) */
		return fd;
	*made = mkdir(locks, 0700) == 0 || errno == EEXIST;
	if (!*made)
		return -1;
	return open(locks, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* A save of a .ini file marks its lock file (one byte long) while its
 * temporary file may exist, and unmarks it (empty) when that is gone: a
 * lock file found marked by the next holder of the lock is a save cut
 * short, whose temporary file sweep_cut removes. So a save reads its folder
 * only after a save was cut short, not every time. */
static void
mark(int lockfd, int on)
{
	if (lockfd != -1 && ftruncate(lockfd, on) == -1) {
		/* (unmarked: the next opening of the folder sweeps, save.h) */
	}
}

/* PATH's lock, just taken on LOCKFD: a save cut short swept up after */
static void
mark_check(int lockfd, const char *path, const char *base)
{
	struct stat st;

	if (is_ini(base) && fstat(lockfd, &st) == 0 && st.st_size > 0) {
		sweep_cut(path, base);
		mark(lockfd, 0);
	}
}

/* PATH's lock file, opened (not made) for marking it while its lock is
 * held by the caller: the descriptor, or -1 (then it is not marked) */
static int
open_mark(const char *path)
{
	char *lockpath = save_lock_path(path);
	int fd = open(lockpath, O_RDWR | O_CLOEXEC | O_NOFOLLOW);

	free(lockpath);
	return fd;
}

/* Open and lock PATH's lock file, DIR/.locks/NAME.lock; returns the
 * descriptor or -1 with E set. */
static int
save_lock(const char *path, struct err *e)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	char *locks, *lockpath, *name;
	struct timespec pause = { 0, SAVE_LOCK_PAUSE_NS };
	int dfd, fd, made, tries = 0, saved = 0;

	saves_begun++;
	if (*base == '\0') {
		errno = EINVAL;
		return err_set(e, "%s: lock failed: not a file name", path);
	}
	locks = lock_dir_of(path);
	lockpath = save_lock_path(path);
	name = xasprintf("%s.lock", base);
	if ((dfd = open_lock_dir(locks, &made)) == -1) {
		saved = errno;
		err_set(e, "%s: lock failed: %s%s: %s", path, made ? "" :
		    "cannot make the folder of locks ", locks, strerror(saved));
		fd = -1;
		goto out;
	}
	fd = openat(dfd, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	saved = errno;
	close(dfd);
	if (fd == -1) {
		err_set(e, "%s: lock failed: %s: %s", path, lockpath,
		    strerror(saved));
		goto out;
	}
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			mark_check(fd, path, base);
			break;
		}
		saved = errno;
		if (saved == EINTR)
			continue;
		if (saved == EWOULDBLOCK && ++tries < SAVE_LOCK_TRIES) {
			nanosleep(&pause, NULL);
			continue;
		}
		if (saved == EWOULDBLOCK)
			err_set(e, "%s: lock failed: %s is held by another "
			    "program that is changing the file (try again)", path, lockpath);
		else
			err_set(e, "%s: lock failed: %s: %s", path, lockpath,
			    strerror(saved));
		close(fd);
		fd = -1;
		break;
	}
out:
	free(locks);
	free(lockpath);
	free(name);
	if (fd == -1)
		errno = saved;
	return fd;
}

int
save_write_all(int fd, const char *data, size_t len)
{
	size_t off = 0, chunk;
	ssize_t n;

	while (off < len) {
		chunk = len - off;
		if (chunk > SSIZE_MAX)
			chunk = SSIZE_MAX;
		n = write(fd, data + off, chunk);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			/* no progress and no error: do not loop for ever */
			errno = EIO;
			return -1;
		}
		off += (size_t)n;
	}
	return 0;
}

static int
save_fsync(int fd)
{
	int r;

	do
		r = fsync(fd);
	while (r == -1 && errno == EINTR);
	return r;
}

/* Check that DIR exists and is writable, and that PATH, if it exists, is a
 * regular file. */
static int
save_check(const char *path, const char *dir, struct err *e)
{
	struct stat st;
	int saved;

	if (stat(dir, &st) == -1) {
		saved = errno;
		if (saved == ENOENT)
			return err_set(e, "%s: cannot save: directory %s does "
			    "not exist", path, dir);
		return err_set(e, "%s: cannot save: directory %s: %s", path,
		    dir, strerror(saved));
	}
	if (!S_ISDIR(st.st_mode))
		return err_set(e, "%s: cannot save: %s is not a directory",
		    path, dir);
	if (access(dir, W_OK | X_OK) == -1) {
		saved = errno;
		return err_set(e, "%s: cannot save: directory %s is not "
		    "writable: %s", path, dir, strerror(saved));
	}
	if (lstat(path, &st) == -1) {
		saved = errno;
		if (saved == ENOENT)
			return 0;
		return err_set(e, "%s: cannot save: %s", path,
		    strerror(saved));
	}
	if (S_ISDIR(st.st_mode))
		return err_set(e, "%s: cannot save: is a directory", path);
	if (!S_ISREG(st.st_mode))
		return err_set(e, "%s: cannot save: not a regular file", path);
	/* made read-only (chmod a-w): a rename would replace it all the same,
	 * and root's writes pass any mode: the mode is the owner's word */
	if ((st.st_mode & 0222) == 0) {
		errno = EACCES;
		return err_set(e, "%s: cannot save: the file is read-only (mode %04o), so it "
		    "is not replaced (to change it, make it writable: chmod u+w)", path,
		    (unsigned)(st.st_mode & 07777));
	}
	return 0;
}

int
save_can_replace(const char *path, struct err *e)
{
	char *dir = dir_of(path);
	int rc = save_check(path, dir, e);

	free(dir);
	return rc;
}

/*
 * Give the complete temporary file TMP the name PATH, which must not exist:
 * renameat2(RENAME_NOREPLACE) where the file system has it (ext4, xfs,
 * btrfs, tmpfs), else link(2) and unlink of TMP (NFS and others). Over
 * NFS a link whose reply was lost and resent says EEXIST although it was
 * made: TMP then has two links, and that is success. Returns 0, or -1
 * with *ERR set (EEXIST: PATH exists and was not touched).
 */
static int
place_new(const char *tmp, const char *path, int *err)
{
	struct stat st;

	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	*err = errno;
	if (*err != EINVAL && *err != ENOSYS && *err != EOPNOTSUPP)
		return -1;	/* EEXIST among them */
	if (link(tmp, path) == -1) {
		*err = errno;
		if (*err != EEXIST || stat(tmp, &st) == -1 || st.st_nlink != 2)
			return -1;
	}
	unlink(tmp);	/* PATH is the file's name now */
	return 0;
}

/* save_file, or with NEW save_file_new; HELD: the caller holds the lock;
 * WROTE, if not NULL: the written file's status, before its rename */
#define SAVE_LOCK 0	/* save takes PATH's lock */
#define SAVE_HELD 1	/* the caller holds it */
#define SAVE_NO_LOCK 2	/* no lock at all (save_file_unlocked) */

static int
save(const char *path, const char *data, size_t len, int new, int held, struct stat *wrote,
    struct err *e)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	char *dir, *tmp = NULL;
	const char *step;
	int lockfd = -1, markfd = -1, fd = -1, dfd, cr, saved = 0, exists = 0, r = -1;
	int left = 0;	/* the temporary file could not be unlinked */
	struct stat st;

	saves_begun++;
	if (*base == '\0') {
		errno = EINVAL;
		return err_set(e, "%s: cannot save: not a file name", path);
	}
	dir = dir_of(path);

	/* a new file's name taken already (by anything: a file, a directory,
	 * a dangling link) is said at once, before a lock file is made for it;
	 * one taken from now on is found by the last step */
	if (new && lstat(path, &st) == 0) {
		err_set(e, "%s: already exists", path);
		exists = 1;
		goto out;
	}
	if (save_check(path, dir, e) == -1)
		goto out;
	if (held == SAVE_LOCK && (lockfd = save_lock(path, e)) == -1)
		goto out;
	/* marked while the temporary file may exist (a .ini file's) */
	if (is_ini(base) && held != SAVE_NO_LOCK)
		markfd = held == SAVE_LOCK ? lockfd : open_mark(path);
	mark(markfd, 1);

	/* 2. the temporary file, beside PATH so that rename is atomic */
	tmp = xasprintf("%s/.%s.XXXXXX", dir, base);
	step = "mkstemp";
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		saved = errno;
		free(tmp);
		tmp = NULL;
		goto fail;
	}
	step = "fchmod";
	if (fchmod(fd, 0600) == -1)
		goto fail_errno;
	step = "write";
	if (save_write_all(fd, data, len) == -1)
		goto fail_errno;
	step = "fsync";
	if (save_fsync(fd) == -1)
		goto fail_errno;
	step = "fstat";
	if (wrote != NULL && fstat(fd, wrote) == -1)
		goto fail_errno;

	/* 3. close, rename, make the rename durable */
	step = "close";
	cr = close(fd);
	fd = -1;	/* closed even when close fails */
	if (cr == -1)
		goto fail_errno;
	if (new) {
		step = "rename";
		if (place_new(tmp, path, &saved) == -1) {
			if (saved == EEXIST) {
				err_set(e, "%s: already exists", path);
				exists = 1;
				left = unlink(tmp) == -1;
				goto out;
			}
			goto fail;
		}
	} else {
		step = "rename";
		if (rename(tmp, path) == -1)
			goto fail_errno;
	}
	free(tmp);
	tmp = NULL;

	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		saved = errno;
		err_set(e, "%s: open of directory %s failed: %s (the new "
		    "version is in place but may not survive a power cut)",
		    path, dir, strerror(saved));
		goto out;
	}
	if (save_fsync(dfd) == -1) {
		saved = errno;
		close(dfd);
		err_set(e, "%s: fsync of directory %s failed: %s (the new "
		    "version is in place but may not survive a power cut)",
		    path, dir, strerror(saved));
		goto out;
	}
	close(dfd);
	r = 0;
	goto out;

fail_errno:
	saved = errno;
fail:
	err_set(e, "%s: %s failed: %s", path, step, strerror(saved));
	if (fd != -1)
		close(fd);
	if (tmp != NULL)
		left = unlink(tmp) == -1;
out:
	if (!left)
		mark(markfd, 0);	/* the temporary file is gone: renamed or unlinked */
	if (markfd != -1 && markfd != lockfd)
		close(markfd);
	if (lockfd != -1)
		close(lockfd);	/* releases the lock */
	free(tmp);
	free(dir);
	if (r == -1)	/* EEXIST exactly when PATH exists (save_file_new) */
		errno = exists ? EEXIST : saved != 0 && saved != EEXIST ? saved : EIO;
	return r;
}

int
save_file(const char *path, const char *data, size_t len, struct err *e)
{
	return save(path, data, len, 0, SAVE_LOCK, NULL, e);
}

int
save_file_new(const char *path, const char *data, size_t len, struct err *e)
{
	return save(path, data, len, 1, SAVE_LOCK, NULL, e);
}

int
save_file_held(const char *path, const char *data, size_t len, struct err *e)
{
	return save(path, data, len, 0, SAVE_HELD, NULL, e);
}

int
save_file_as(const char *path, const char *data, size_t len, int new, int held,
    struct stat *wrote, struct err *e)
{
	return save(path, data, len, new, held ? SAVE_HELD : SAVE_LOCK, wrote, e);
}

int
save_file_unlocked(const char *path, const char *data, size_t len, struct err *e)
{
	return save(path, data, len, 0, SAVE_NO_LOCK, NULL, e);
}

int
save_lock_hold(const char *path, struct err *e)
{
	return save_lock(path, e);
}

void
save_unlock(int lockfd)
{
	if (lockfd >= 0)
		close(lockfd);	/* releases the lock */
}

/* save_sweep_temp's messages: "PATH: " LEFT "why" */
#define LEFT "a save's temporary file, left by a kill or crash, not removed: "

int
save_sweep_temp(const char *dir, const char *name, struct err *e)
{
	char *path, *base, *locks, *lockname;
	const char *why = NULL;
	int dfd, lfd = -1, is_ours, mk, r = -1, saved;

	if (!save_is_temp(name))
		return 1;
	path = xasprintf("%s/%s", dir, name);
	base = xstrndup(name + 1, strlen(name) - 8);
	lockname = xasprintf("%s.lock", base);
	locks = xasprintf("%s/" SAVE_LOCK_DIR, dir);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		saved = errno;
		err_set(e, "%s: " LEFT "%s", path, strerror(saved));
		goto out;
	}
	/* a regular file of ours (never a link followed), before any lock
	 * file is made for it; and again once its lock is held */
	if ((is_ours = ours(dfd, name, &why)) != 1)
		goto checked;
	if ((lfd = open_lock_dir(locks, &mk)) != -1) {
		int ld = lfd;

		lfd = openat(ld, lockname, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		close(ld);
	}
	if (lfd == -1) {
		saved = errno;
		err_set(e, "%s: " LEFT "cannot take the lock of %s/%s: %s", path, dir, base,
		    strerror(saved));
		goto out;
	}
	while ((r = flock(lfd, LOCK_EX | LOCK_NB)) == -1 && errno == EINTR)
		;
	if (r == -1) {
		saved = errno;
		r = saved == EWOULDBLOCK ? 1 : -1;	/* a save under way: its own */
		if (r == -1)
			err_set(e, "%s: " LEFT "cannot take the lock of %s/%s: %s", path, dir, base,
			    strerror(saved));
		goto out;
	}
	r = -1;
	is_ours = ours(dfd, name, &why);
checked:
	if (is_ours == 1 && unlinkat(dfd, name, 0) == 0)
		r = 0;
	else if (is_ours == 1 || (is_ours == -1 && errno != ENOENT))
		err_set(e, "%s: " LEFT "%s", path, strerror(errno));
	else if (is_ours == -1)
		r = 0;	/* gone already */
	else
		err_set(e, "%s: " LEFT "%s", path, why);
out:
	if (dfd != -1)
		close(dfd);
	if (lfd != -1)
		close(lfd);	/* releases the lock */
	free(path);
	free(base);
	free(lockname);
	free(locks);
	return r;
}
