/* cache.h - what the case files held when the folder was last opened, so
 * that the next opening reads only the files changed since.
 *
 * DIR/.yjinspect-cache (one machine's own: hidden, so git ignores it, as
 * the .gitignore of `yjinspect team init` says) holds, for each case file
 * that loaded without a problem and without a conflict, the file's
 * identity (device, inode, size, change and modification times to the
 * nanosecond) and everything case_load made of it. An entry is used only
 * when the file's identity is the same now, and was at least two seconds
 * old when the entry was made (a file changed twice within one tick of
 * the clock would otherwise look unchanged); otherwise the file is read.
 * The cache names the yjinspect version, its own format and a hash of the
 * framework file: any of them different, and it is not used at all. Its
 * table of entries is checked whole (a hash of its bytes) before any of it
 * is used, and each entry by its own hash before it is used; a table that
 * is not right is read as no cache, an entry that is not right as no
 * entry. Losing it costs one slower opening: it is written without fsync,
 * to a temporary file renamed over it.
 *
 * Memory: only the table is held (a few dozen bytes a case); an entry is
 * read when it is taken, and writing holds one piece of the file at a
 * time.
 *
 * The terminal UI, summary, export and the commands that open one folder
 * to change it or read its history (answer, judge, findings, decide,
 * history, restore: the command table's CLI_FOLDER rows, opened in
 * cli_open.c) use it (insp_open_cached, join_open); `check` and
 * --no-cache read every file.
 */
#ifndef YJ_CACHE_H
#define YJ_CACHE_H

#include <stddef.h>

#include "model/case.h"
#include "model/form.h"

struct cache;	/* a cache file read; opaque */

/* Read DIR's cache for framework F; NULL when there is none that can be
 * used (never an error: the files are read instead). */
struct cache *cache_read(const char *dir, const struct form *f);

/* Fill C (a case of F at PATH, file NAME) from cache K when its entry is
 * for the file as it is now and its bytes are right: 1; else 0 and C
 * untouched. Safe in several threads at once on one K. */
int cache_take(const struct cache *k, const struct form *f, const char *name,
    const char *path, struct case_file *c);

void cache_free(struct cache *k);

/* Would cache_write keep C, loaded without a problem (no conflict, its
 * file's identity known and old enough)? A folder whose cases read from
 * their files include none such needs no new cache. */
int cache_keepable(const struct case_file *c);

/* Write DIR's cache from the NCASES cases of F in CASES: those KEEP[i]
 * says loaded without a problem, and that can be kept (see above).
 * Errors are ignored: the cache is a convenience. */
void cache_write(const char *dir, const struct form *f, const struct case_file *cases,
    const unsigned char *keep, size_t ncases);

#endif
