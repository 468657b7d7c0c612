/* case.h - one inspected case: its facts, answers, notes and who answered
 * when; read from and saved to one INI file (yjinspect-inspection(5)).
 *
 * A struct case_file belongs to the framework (struct form) it was read
 * with: its arrays are indexed like the form's facts, key questions and
 * prompts. Everything in it is owned by it (case_free).
 */
#ifndef YJ_CASE_H
#define YJ_CASE_H

#include <stddef.h>

#include "model/cond.h"
#include "store/conflict.h"
#include "base/err.h"
#include "model/form.h"
#include "base/problems.h"
#include "base/stamp.h"

enum answer {
	ANSWER_NONE = 0,
	ANSWER_YES,
	ANSWER_NO,
	ANSWER_NA
};

struct case_file {
	char *path;		/* the case's file */
	char *name;		/* its file name, e.g. "st-c01.ini" (points into path) */
	char *reference;	/* may be NULL */
	char *inspector;	/* may be NULL */
	char *created;		/* may be NULL */
	int *facts;		/* [nfacts]: value index, or COND_UNSET */
	char **fact_text;	/* [nfacts]: the value of a text fact, else NULL */
	unsigned char *kq_answer;	/* [nkqs]: enum answer */
	unsigned char *prompt_answer;	/* [nprompts]: enum answer */
	char **notes;		/* [nkqs]: note or NULL */
	struct stamp *stamps;	/* [nkqs + nprompts]: who gave each answer, and
				 * when ("TIME NAME", stamp.h): key question q's
				 * at q, prompt p's at nkqs + p (case_stamp) */
	struct conflicts conflicts;	/* keys a merge found changed differently in
				 * two copies, not yet given a value again:
				 * such a key has none (conflict.h) */
	struct case_disk {	/* the file as this process last read or wrote it */
		unsigned long long dev, ino, size;
		long long mtime_s, mtime_ns, ctime_s, ctime_ns;
		int known;
	} disk;
	int lock_depth;		/* case_lock calls not yet undone by case_unlock */
	int lock_fd;		/* the save lock held, while lock_depth > 0 */
};

/* The stamp of C's answer to key question Q (PROMPT set: to prompt Q) */
static inline struct stamp *
case_stamp(const struct case_file *c, const struct form *f, int prompt, size_t q)
{
	return &c->stamps[prompt ? f->nkqs + q : q];
}

/* The disk identity of the file ST describes into D (all of D set, so two
 * can be compared with memcmp) */
struct stat;
void case_disk_of(struct case_disk *d, const struct stat *st);
/* Note in C's disk identity the file as ST describes it (read or written
 * just now, or found unchanged: cache.h) */
void case_note_disk(struct case_file *c, const struct stat *st);

/* An empty case of framework F, to be saved at PATH. */
void case_init(struct case_file *c, const struct form *f, const char *path);
void case_free(struct case_file *c, const struct form *f);

/* Read PATH. Every problem that makes the file unusable is added to P as
 * an error naming the file, section and key ("a value that is not yes, no
 * or na", "an answer to an unknown question", "a case of framework X").
 * Returns 0, or -1 when it added any error (C is then freed). */
int case_load(struct case_file *c, const struct form *f, const char *path,
	      struct problems *p);

/* Save C to C->path atomically (save.h). */
int case_save(struct case_file *c, const struct form *f, struct err *e);

/* The name each case save after it journals (journal.h) as WHO (copied; a
 * panel's "NAME (panel: WHY)"), until called again; NULL: the user's name
 * (user.h), as at the start. One for the process. */
void case_journal_as(const char *who);
/* The name saves journal as now (case_journal_as's, else the user's): owned
 * here, good until case_journal_as is called again. inspection.ini's saves
 * (insp_save) journal as the case files' do. */
const char *case_journal_who(void);

/* Hold C's save lock across reading it again (case_refresh), changing it
 * and saving it (case_save), so that no other program saves the file in
 * between: two answers given at the same instant in two yjinspects would
 * otherwise each be saved over a file without the other's. Calls nest;
 * the lock goes at the last case_unlock. -1 (E says why) if it cannot be
 * had (another program holds it for seconds). */
int case_lock(struct case_file *c, struct err *e);
void case_unlock(struct case_file *c);
/* Save C as a new file at C->path: -1 with errno EEXIST when a file is
 * there already, which is never replaced (save_file_new). Its journal is
 * begun first (journal.h); when the file is not made (a full disk), a
 * journal this began is removed again, so none is left without its file
 * (one that held lines before is kept: the history of a case removed). */
int case_create(struct case_file *c, const struct form *f, struct err *e);

/* If C's file changed on disk since this process last read or wrote it
 * (another yjinspect, a stale one after a dropped connection, a hand edit),
 * read it again into C, so that a change made next is made on top of what
 * is on disk rather than overwriting it. *RELOADED says whether it did.
 * Returns -1 when the file changed and can no longer be read (E says why;
 * C is unchanged). */
int case_refresh(struct case_file *c, const struct form *f, int *reloaded, struct err *e);

/* Relevance to this case, from its facts: does standard S cover it, is key
 * question Q relevant (the standard covers it and Q's condition holds), is
 * prompt P relevant (its key question is, and P's condition holds)?
 * COND_UNKNOWN when a fact it depends on is not recorded. */
enum cond_value case_std_applies(const struct case_file *c, const struct form *f, size_t s);
enum cond_value case_kq_relevant(const struct case_file *c, const struct form *f, size_t q);
enum cond_value case_prompt_relevant(const struct case_file *c, const struct form *f, size_t p);

/* Warnings about a case that loaded: facts not recorded that relevance
 * depends on, relevant questions not answered, answers to questions that
 * its facts make irrelevant. Added to P as warnings. */
void case_check(const struct case_file *c, const struct form *f, struct problems *p);

/* Is there a conflict kept by a merge on walk item ID (a key question or
 * prompt's answer)? It, or NULL. */
const struct conflict *case_conflict(const struct case_file *c, const char *section,
				     const char *key);

/* How far the case is: answered and to-answer counts over the relevant
 * key questions and prompts. */
void case_progress(const struct case_file *c, const struct form *f,
		   int *answered, int *total);

/* Can choice CHOICE of fact FACT be made for this case (its choice.X.when
 * condition on the case's other facts)? COND_UNKNOWN when a fact the
 * condition depends on is not recorded. */
enum cond_value case_choice_allowed(const struct case_file *c, const struct form *f,
				    size_t fact, int choice);

const char *case_answer_word(enum answer a);	/* "yes", "no", "na", "" */

#endif
