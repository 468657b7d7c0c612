/* insp.h - an inspection folder: inspection.ini and cases/NAME.ini
 * (yjinspect-inspection(5)).
 *
 * A struct inspection owns its framework, its cases and everything else in
 * it (insp_close). Cases are kept sorted by file name.
 */
#ifndef YJ_INSP_H
#define YJ_INSP_H

#include <stddef.h>

#include "model/case.h"
#include "base/err.h"
#include "model/form.h"
#include "base/problems.h"

#define JUDGE_UNSET (-1)	/* no judgement recorded yet */
#define JUDGE_NOT_RATED (-2)	/* recorded as "not-rated" */

struct insp_decision {		/* a ratings panel decision */
	size_t std;		/* index into form.stds */
	char *kq;		/* the key question it was applied to, or NULL */
	int from, to;		/* band indexes */
	char *why, *by, *at;	/* may be NULL (why is required on load) */
};

/* Free the strings a decision owns (not D itself). */
void insp_decision_free(struct insp_decision *d);

struct inspection {
	char *dir;
	char *path;		/* DIR/inspection.ini */
	char *framework;
	char *service, *lead, *fieldwork_start, *fieldwork_end, *created;
	struct form form;
	int *judgements;	/* [nstds]: band index, JUDGE_UNSET or JUDGE_NOT_RATED */
	struct insp_decision *decisions;
	size_t ndecisions;
	/* [nstds] each: the standard's strengths and areas for improvement as
	 * the report lists them, one point per line; NULL: none recorded */
	char **strengths, **improvements;
	/* [nkqs]: the lead inspector's evidence note on a key question of a
	 * judgement-rated standard ([evidence] KQ = TEXT), or NULL */
	char **evidence;
	/* keys of inspection.ini a merge found changed differently in two
	 * copies, not yet given a value again (conflict.h); a decision in
	 * conflict is kept whole, each side's, as conflicts.decision.STANDARD */
	struct conflicts conflicts;
	struct case_file *cases;
	size_t ncases;
	/* case files that could not be read, left out of cases and of every
	 * figure, in file-name order; and how many errors they gave in all
	 * (every one of them is also in the problems insp_open was given) */
	struct insp_left_out {
		char *name;	/* the file name, e.g. "st-c01.ini" */
		char *why;	/* its first error, naming file and key */
	} *left_out;
	size_t nleft_out;
	size_t left_out_errors;
	size_t from_cache;	/* cases insp_open_cached took from the cache */
	/* inspection.ini's text as this process last read it (at opening) or
	 * saved it: what its next insp_save merges from (NULL: not known) */
	char *text;
	/* what the last insp_save took in from changes another program saved
	 * to inspection.ini since IN's text: keys whose value came from the
	 * file, and keys both changed differently, kept as conflicts */
	size_t saved_theirs, saved_conflicts;
	/* DIR is in a git repository whose merge is not finished (MERGE_HEAD:
	 * gitstate.h); a file git holds unmerged is an error of the opening,
	 * a case file left out */
	int git_merging;
};

/* Open the inspection in DIR with the frameworks in FORMS_DIR. Every
 * problem of every file is added to P. Returns -1 when inspection.ini or
 * its framework cannot be used (IN then holds nothing), 0 otherwise; cases
 * with errors are left out of IN->cases and named in IN->left_out (P says
 * why: the caller decides whether to go on, as `check` does, to go on
 * without them, as the terminal UI and the commands that change one thing
 * do, or to refuse, as `summary` does). When P's errors number
 * IN->left_out_errors, every error is a case file left out: the rest can
 * be used as it is. */
int insp_open(struct inspection *in, const char *dir, const char *forms_dir,
	      struct problems *p);
/* The same, the case files not changed since the last time taken from
 * DIR's cache, which is then made again if a file had to be read
 * (cache.h): for the terminal UI, which opens a folder again and again,
 * and the commands that use it (cache.h says which).
 * The result is the one insp_open gives. */
int insp_open_cached(struct inspection *in, const char *dir, const char *forms_dir,
	      struct problems *p);
/* insp_open_cached for a program that works on the folder (the terminal
 * UI, a command that changes one thing): 0 when IN can be used, its only
 * errors those of case files left out; else -1, IN closed, and WHY (a buf)
 * given the first other error, "(and N more: see 'yjinspect check')"
 * after it when there are more. */
struct buf;
int insp_open_usable(struct inspection *in, const char *dir, const char *forms_dir,
    struct buf *why);
void insp_close(struct inspection *in);

/* Whether MSG, an error insp_open gave, is one of a case file IN left out
 * ("DIR/cases/NAME.ini: ..." or "...NAME.ini:LINE: ..."): a reason to
 * leave that case out, not to refuse the folder (the terminal UI and the
 * commands that change one thing go on without it). */
int insp_left_out_error(const struct inspection *in, const char *msg);

/* Warnings about the whole inspection (judgements not recorded, decisions
 * that no longer match the evidence, a folder or file that group or
 * others can read) and each case (case_check). */
void insp_check(const struct inspection *in, struct problems *p);

/* Two case files with one reference are one case counted twice (a copy,
 * a link; a case in two of the folders join_open reads): an error for
 * each such pair, naming both (insp_open checks its folder so). ACROSS:
 * only pairs from different folders (within one folder, insp_open has
 * said so already), the error naming the other's path. */
void insp_check_references(const struct inspection *in, int across, struct problems *p);

/* Case files describe children: the inspection folder and its cases folder
 * should be the owner's alone (0700, as yjinspect makes them). If group or
 * others can enter either, E says which, its mode and the command that puts
 * it right, *MODE (if not NULL) that mode, and 1 is returned; else 0. Cheap (two stat calls): for every
 * opening. insp_check also names files that group or others can read. */
int insp_private_check(const char *dir, unsigned *mode, struct err *e);

/* Make DIR ready for git (the team's laptops brought together): a
 * .gitattributes that merges journals as a union of lines and every .ini
 * key by key (yjinspect merge-file), and a .gitignore for one machine's
 * own state (locks, places, temp files). Made where missing; an older
 * .gitattributes without the merge driver's line gets it added. insp_create
 * and insp_copy make them. */
int insp_git_files(const char *dir, struct err *e);

/* Whether the fieldwork dates START and END (either may be NULL: not
 * recorded) are ISO calendar dates (YYYY-MM-DD, a real day) with START not
 * after END. On failure E says which date is wrong and why. */
int insp_fieldwork_check(const char *start, const char *end, struct err *e);

/* Create a new, empty inspection in DIR (made if missing; it must not hold
 * an inspection.ini already) for framework FRAMEWORK_ID. LEAD, FIELDWORK_START
 * and FIELDWORK_END may be NULL (not recorded); the dates must pass
 * insp_fieldwork_check. Nothing is made when anything is refused. */
int insp_create(const char *dir, const char *forms_dir, const char *framework_id,
		const char *service, const char *lead, const char *fieldwork_start,
		const char *fieldwork_end, struct err *e);

/* Copy the inspection in SRC (inspection.ini and cases/NAME.ini) to DST, which
 * must not exist or be empty. Files are written mode 0600 (save.h). */
int insp_copy(const char *src, const char *dst, struct err *e);

/* Save inspection.ini (judgements and decisions included), with no change
 * lost: holding the file's save lock (save.h) from reading it again to
 * saving it, it compares the file with IN->text. Unchanged, IN is written
 * as it is. Changed by another program since (a judge on the command
 * line while the terminal UI edits a finding), the file, IN->text and IN
 * are merged key by key as git's merge driver merges (merge.h): each
 * side's changes kept, a key both changed differently kept as a conflict
 * (both values: `check` lists it); the merged file is saved and read back
 * into IN's judgements, decisions, findings, evidence, conflicts and
 * [inspection] fields (its cases are not touched), and
 * IN->saved_theirs and IN->saved_conflicts say what came in (if the
 * merged file, saved, cannot be read back, IN keeps what it held and its
 * text, so its next save merges again: still 0). Returns 0, or -1 with E
 * set and the file as it was, IN unchanged. */
int insp_save(struct inspection *in, struct err *e);

/* What the last insp_save of IN took in from another program's changes,
 * as a sentence starting with a space (in BUF, SIZE bytes; 200 suffice,
 * or it is cut ending with an ellipsis: text_copy), for the message that
 * says the save was made; "" when nothing came in. */
const char *insp_merge_note(const struct inspection *in, char *buf, size_t size);

#endif
