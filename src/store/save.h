/* save.h - durable, atomic replacement of a file.
 *
 * save_file writes DATA to PATH so that, whatever happens (a failed write,
 * a full disk, a failed fsync, a crash, a power cut), PATH afterwards holds
 * either its old contents or the complete new ones, never a mix:
 *   1. flock(LOCK_EX) on PATH's lock file (a separate file, see below);
 *   2. mkstemp in PATH's directory, fchmod 0600, write all, fsync;
 *   3. close (checked), rename over PATH (save_file_new: rename only if
 *      PATH does not exist, see below), fsync the directory;
 *   on any error the temporary file is unlinked and PATH is untouched.
 * The lock file of DIR/NAME is DIR/.locks/NAME.lock: one hidden folder of
 * locks in each folder saved to, made mode 0700 by the first save or lock
 * there, so that the files a person sees (and git's status) are not
 * doubled by a lock beside each one. Every saver of one file must name
 * the same lock (save_lock_path), or two of them would not keep each
 * other out. Lock files are left in place (removing one would race with
 * other savers).
 *
 * The temporary file is DIR/.NAME.XXXXXX, mode 0600 (so is PATH afterwards).
 * A save cut short (a kill, a crash, a power cut) leaves it behind; as
 * every save of PATH holds PATH's lock while its temporary file exists,
 * one found whose lock can be taken is such a leftover, and is removed:
 *   - by the next save of PATH (or save_lock_hold), which holds the lock:
 *     a save of a NAME ending in .ini marks its lock file (one byte long)
 *     while its temporary file may exist and unmarks it (empty) after, so
 *     the next holder of the lock finds a cut save marked and only then
 *     reads the folder for DIR/.NAME.?????? (mkstemp's six characters);
 *   - by the next opening of the folder (insp.h), through save_sweep_temp,
 *     which finds leftovers by any earlier save, unmarked ones included.
 * Only DIR/.NAME.?????? where NAME ends in .ini (case files, inspection.ini:
 * save_is_temp), only regular files of this user's, never through a link;
 * no other file (an export's, written without a lock, is never swept).
 * A directory that is missing or not writable, or a PATH that is not a
 * regular file, or a PATH made read-only (no write permission for anyone,
 * as chmod a-w leaves it: root's writes pass any mode, and a rename would
 * replace it anyway), is refused before anything is written. The lock is waited
 * for up to 5 seconds. Messages: "PATH: STEP failed: strerror", STEP being
 * lock, mkstemp, fchmod, write, fsync, fstat (save_file_as), close or
 * rename. If only the final fsync of the directory fails, PATH already
 * holds the new contents, but save_file still returns -1 ("PATH: fsync of
 * directory DIR failed: ..."): the rename might not survive a power cut.
 */
#ifndef YJ_SAVE_H
#define YJ_SAVE_H

#include <stddef.h>

#include "base/err.h"

/* Write all of DATA (LEN bytes) to FD, over EINTR and short writes;
 * returns 0, or -1 with errno set. */
int save_write_all(int fd, const char *data, size_t len);

/* Returns 0, or -1 with "PATH: what failed: strerror" in E. */
int save_file(const char *path, const char *data, size_t len, struct err *e);

/* The checks save_file makes before anything is written (the folder
 * exists and is writable; PATH, if it exists, is a regular file not made
 * read-only): 0, or -1 with E saying why. For a caller that writes
 * something else first (a journal entry) only if the save can be made. */
int save_can_replace(const char *path, struct err *e);

/* The same for a file that must not exist yet: the last step is
 * renameat2(RENAME_NOREPLACE), or link(2) where the file system lacks it,
 * rather than rename(2), so that of two savers creating one PATH at once
 * one fails, and nothing that exists is ever replaced. Returns -1 with
 * errno EEXIST and "PATH: already exists" in E exactly when PATH exists
 * (no lock file is made for it then); any other failure leaves errno
 * something else. */
int save_file_new(const char *path, const char *data, size_t len, struct err *e);

/* The folder, in each folder saved to, that holds its files' locks. */
#define SAVE_LOCK_DIR ".locks"

/* PATH's lock file, DIR/.locks/NAME.lock (PATH being DIR/NAME, or NAME
 * in "."), newly allocated. */
char *save_lock_path(const char *path);

/* Hold PATH's save lock (its lock file, waited for as save_file waits) across
 * reading PATH, changing it and saving it, so that no other saver comes in
 * between; save with save_file_held meanwhile. Returns the lock's
 * descriptor for save_unlock, or -1 with E set. */
int save_lock_hold(const char *path, struct err *e);
void save_unlock(int lockfd);
/* save_file for a PATH whose lock the caller holds (save_lock_hold). */
int save_file_held(const char *path, const char *data, size_t len, struct err *e);

/* save_file, or with NEW save_file_new, or with HELD save_file_held (not
 * both), telling in *WROTE what it wrote: the new file's fstat, taken once
 * it is synced, before the rename that puts it at PATH (which moves only
 * its st_ctim). A stat of PATH afterwards that gives another inode, size
 * or st_mtim is another program's file, put there since. */
struct stat;
int save_file_as(const char *path, const char *data, size_t len, int new, int held,
    struct stat *wrote, struct err *e);

/* save_file for a file that yjinspect writes but never reads back (an
 * export): atomic and durable the same way, but no lock file (nor the
 * .locks folder) is made, so nothing is left beside it; of two writers at once the last rename wins,
 * each leaving a complete file. */
int save_file_unlocked(const char *path, const char *data, size_t len, struct err *e);

/* Is NAME (a name in a folder, no slash) the temporary file of a save of
 * a .ini file, ".NAME.ini.XXXXXX" (exactly six of mkstemp's letters and
 * digits)? 1 or 0. */
int save_is_temp(const char *name);

/* Remove DIR/NAME, the temporary file of a save cut short, if NAME is one
 * (save_is_temp), is a regular file of this user's (never followed through
 * a link) and its file's lock, DIR/.locks/BASE.lock, can be taken without
 * waiting (it is then made if missing). Returns 0: removed (or gone
 * already); 1: kept, not a save's temporary file or its lock held (a save
 * under way); -1: kept, E saying "DIR/NAME: a save's temporary file, left
 * by a kill or crash, not removed: why" (a read-only folder, a link,
 * another user's file). */
int save_sweep_temp(const char *dir, const char *name, struct err *e);

/* How many saves and save locks this process has begun, failed ones too:
 * each may have changed the folder of its file (its lock file, its
 * temporary file, the rename). A watcher of a folder that sees it change
 * while this count stayed put knows the change is another program's. */
unsigned long save_count(void);

#endif
