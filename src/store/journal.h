/* journal.h - each case file's history: every change to it, appended to
 * NAME.journal beside NAME.ini before the file is replaced, so that any
 * state it was in can be listed and rebuilt. No curses.
 *
 * A journal is lines of text, one per key changed (format in
 * yjinspect-inspection(5)):
 *
 *   SEQ TAB TIME TAB WHO TAB SECTION.KEY TAB OLD TAB NEW TAB CRC
 *
 * OLD and NEW are "=" and the value as the case file spells it, or "-"
 * for no such key; SECTION.KEY has neither part empty (the section ends at
 * the first dot; for "conflicts.SECTION.KEY", at the first after that
 * prefix): a line with another key fails its check, as one whose CRC does
 * not match. CRC is the CRC-32 (hex) of what comes before it. The
 * lines of one save share SEQ, TIME and WHO (a "group"). The journal is
 * only ever appended to under its own lock (not fsynced: the case file's
 * fsync and its folder's are the answer's; a power cut that loses the
 * journal's last lines leaves the file ahead of it, which the next save
 * records as "(file)", below): a line cut short
 * by a kill is detected by its CRC or missing newline, ignored, and cut off
 * before the next append. Replaying the groups in time order gives the
 * file's keys; when the file was changed some other way (by hand, an older
 * yjinspect, a git merge), the next save first records a group by "(file)"
 * that brings the journal to the file as it is, so a replay is always
 * right. Journals merge under git as a union of lines (time order is kept
 * by sorting).
 */
#ifndef YJ_JOURNAL_H
#define YJ_JOURNAL_H

#include <stddef.h>

#include "base/err.h"
#include "base/hashtab.h"
#include "base/problems.h"

struct journal_entry {
	long seq;
	char *time;	/* "YYYY-MM-DDTHH:MM:SS.mmmZ" */
	char *who;
	char *key;	/* "answers.2.1.1.1": SECTION.KEY, neither empty */
	char *old;	/* the value, or NULL: no such key */
	char *new;
};

struct journal {
	struct journal_entry *v;	/* in time order (stable: file order) */
	size_t n;
	size_t bad;		/* lines that failed their check, not counting */
	int torn;		/* a last line cut short (a kill mid-append) */
	long last_bad_line;	/* the first bad line's number, or 0 */
};

/* The first line of every journal */
#define JOURNAL_HEAD "# yjinspect journal 1: SEQ TIME WHO KEY OLD NEW CRC; see " \
	"yjinspect-inspection(5)\n"

/* One journal LINE (without its newline; split at its tabs) into E, whose
 * strings are new (free them); 0, or -1 when it fails its check (E then
 * holds nothing to free). */
int journal_line_parse(char *line, struct journal_entry *e);

/* Time order of two entries (qsort's comparison): time, then SEQ */
int journal_by_time(const void *a, const void *b);

/* The journal's path for case file CASE_PATH (NAME.ini -> NAME.journal). */
char *journal_path(const char *case_path);

/* Record the change of case file CASE_PATH from OLD (its text as on disk,
 * NULL: none yet) to NEW (the text about to be saved), by WHO: append the
 * keys that differ (no fsync). When the journal's replay is not OLD, a
 * "(file)" group first makes it so (a missing journal: "(base)", timed
 * at the file's last change when that is earlier than now). NEW
 * names each key once, as the INI writer and journal_text write a case
 * (ini.c refuses a file that names one twice; OLD may): when OLD is the
 * NEW of this process's last record and the journal is as that left it,
 * the change is found by one walk down the two texts, which takes each
 * line's key for the only one. Returns 0 (nothing to record counts), or
 * -1 with E set: the save must not go on. */
int journal_record(const char *case_path, const char *old, const char *new,
		   const char *who, struct err *e);

/* How many of this process's records found their change by the one walk
 * down OLD and NEW (above), not from tables of both texts' keys: for tests
 * and benchmarks. */
unsigned long journal_walks(void);

/* Read CASE_PATH's journal into J (an empty J when there is none).
 * Returns 0, or -1 with E set (it cannot be read). */
int journal_read(const char *case_path, struct journal *j, struct err *e);
void journal_free(struct journal *j);

/* The case file's text rebuilt from J's changes up to time AT (NULL: all;
 * else an ISO time or its start, "2026-12-03T11:48": every change in that
 * minute counts), leaving out the last group when SKIP_LAST. A new string
 * (free it): a [section] line, then "key = value" lines, per section. An
 * entry whose key is not SECTION.KEY (journal_read gives none) is left
 * out. */
char *journal_text(const struct journal *j, const char *at, int skip_last);

/* Do CASE_PATH's journal and file agree? Problems added to P (warnings):
 * lines that failed their check, and keys where the replay differs from
 * the file. A journal whose last group is not in the file (a save cut off
 * after its journal entry) agrees. No journal: nothing said. */
void journal_check(const char *case_path, struct problems *p);

/* ---- journal_merge.c ---- */

/* The case text the changes in both CASE_A's and CASE_B's journals
 * rebuild (journal_text of the lines the two share): the copy two copies
 * of one case started from, for a three-way merge without git. NULL when
 * they share none (or either cannot be read). A new string. */
char *journal_shared_base(const char *case_a, const char *case_b);

/* Append to CASE_PATH's journal (made if missing) every line of
 * FROM_CASE's journal it does not hold, under its lock, fsynced: a union
 * of lines, as git's union merge makes it (the reader puts them in time
 * order). Lines that fail their check are not taken. 0 (nothing to take
 * counts, as does no journal at FROM_CASE), or -1 with E set. */
int journal_union(const char *case_path, const char *from_case, struct err *e);

/* ---- journal.c: the keys of a case text ---- */

/* The keys of case text TEXT, "section.key" = raw value (a tab in any
 * made a space), in file order, the last of a key named twice counting;
 * for comparing. A key line that would not make SECTION.KEY (before any
 * section, or with no name: ini.c refuses both) is not a key line here. Returns how many key lines TEXT has: more than KV->n
 * when it names a key twice. (free with journal_kv_free) */
struct journal_kv {
	char **key, **val;
	size_t n;
	size_t cap;	/* room in key and val */
	struct hashtab index;	/* each key's index (journal.c's; its keys are key's) */
};
size_t journal_kv_parse(const char *text, struct journal_kv *kv);
void journal_kv_free(struct journal_kv *kv);

#endif
