/* edit.h - changing a case as the inspector works: every change is saved
 * at once (case_save, atomic), and can be undone. No curses.
 *
 * A change is made in memory, then the case file is saved; if the save
 * fails, the change is taken back in memory too and the error returned, so
 * what the screen shows is always what is on disk. Each successful change
 * is pushed on the undo list; edit_undo takes back the last one (and saves).
 */
#ifndef YJ_EDIT_H
#define YJ_EDIT_H

#include <stddef.h>

#include "base/buf.h"
#include "model/insp.h"
#include "model/walk.h"

enum edit_kind { EDIT_ANSWER, EDIT_FACT, EDIT_NOTE, EDIT_FIELD, EDIT_DECISION, EDIT_FINDINGS };

/* The panel's findings (EDIT_FINDINGS: old_value says which; index the
 * standard, or the key question for the lead's evidence). */
enum edit_findings { FINDINGS_STRENGTHS, FINDINGS_IMPROVEMENTS, FINDINGS_EVIDENCE };

/* The [case] fields an inspector edits (EDIT_FIELD index). */
enum edit_field { FIELD_REFERENCE, FIELD_INSPECTOR };

struct edit_change {
	enum edit_kind kind;
	char *case_name;	/* the case's file name: survives cases added */
	size_t index;		/* walk item, fact, key question or field */
	int old_value;		/* answer / fact value */
	char *old_text;		/* note, text fact or field; stamp of an answer */
	int new_value;		/* what the change made them: undo takes back */
	char *new_text;		/* only what is still so on disk */
	int with_prev;		/* undone together with the change before it */
	/* EDIT_FINDINGS (case_name ""): old_value the enum edit_findings,
	 * old_text and new_text the text before and after (NULL: none).
	 * EDIT_DECISION (index: the standard; case_name ""): the decision
	 * before and after, copies owned here, NULL for none */
	struct insp_decision *was, *made;
};

struct edit_undo {
	struct edit_change *v;
	size_t n;
	size_t reloads;		/* cases read again because they changed on disk
				 * (case_refresh) before a change was made */
};

/* Every change first reads the case again if its file changed on disk
 * since (case_refresh: another yjinspect must not be overwritten), then
 * changes only what it changes, then saves.
 *
 * Answer walk item ITEM of case CI with A (ANSWER_NONE clears it), stamped
 * "TIME WHO". Refuses an answer the item does not allow, and any answer to
 * an item that does not apply to the case (clearing is always allowed). */
int edit_answer(struct inspection *in, const struct walk *w, size_t ci, size_t item,
		enum answer a, const char *who, struct edit_undo *u, struct err *e);
/* Set fact FACT to choice VALUE (COND_UNSET clears it), or a text fact to
 * TEXT (NULL clears it). */
int edit_fact(struct inspection *in, size_t ci, size_t fact, int value, const char *text,
	      struct edit_undo *u, struct err *e);
/* Set the note of key question KQ (NULL or "" removes it). */
int edit_note(struct inspection *in, size_t ci, size_t kq, const char *note,
	      struct edit_undo *u, struct err *e);
/* The same for a note edited from BASE (the note when the editing began;
 * NULL: none). NOTE the same as BASE: nothing is saved. If the note on
 * disk is no longer BASE (another yjinspect saved one meanwhile), neither
 * is lost: the note saved is theirs, a line saying so, and NOTE; when NOTE
 * is empty (ours cleared it) theirs stays as it is; when theirs was
 * removed, NOTE is saved (EDIT_NOTE_REMOVED_THERE). *CONFLICT (if not
 * NULL) says which it was. */
enum { EDIT_NOTE_SAVED, EDIT_NOTE_BOTH_KEPT, EDIT_NOTE_THEIRS_KEPT, EDIT_NOTE_REMOVED_THERE };
int edit_note_from(struct inspection *in, size_t ci, size_t kq, const char *base,
		   const char *note, const char *who, int *conflict, struct edit_undo *u,
		   struct err *e);
/* The longest reference, in characters: it has to fit the facts form's
 * field at the smallest terminal (60x18) and beside the panel at 80x24. */
#define EDIT_REFERENCE_MAX 40

/* Set the case's reference or inspector. A reference must not be empty,
 * longer than EDIT_REFERENCE_MAX characters, nor another case's. */
int edit_field(struct inspection *in, size_t ci, enum edit_field field, const char *text,
	       struct edit_undo *u, struct err *e);

/* A ratings panel decision recorded (decide_record) or withdrawn
 * (decide_withdraw) as an undoable change: edit_undo puts the decision
 * that was before back, unless the decision was changed since (another
 * yjinspect). */
int edit_decide(struct inspection *in, size_t std, int to, const char *kq, const char *why,
		const char *who, struct edit_undo *u, struct err *e);
int edit_withdraw(struct inspection *in, size_t std, struct edit_undo *u, struct err *e);
/* A standard's strengths or areas for improvement, or the lead's evidence
 * on a key question (WHICH; INDEX the standard, or the key question), set
 * to TEXT (decide_findings, decide_evidence: blank is none) as an undoable
 * change: edit_undo puts the text before back, unless it was changed since
 * (another yjinspect). Returns 0 when saved, 1 when TEXT is what is there
 * already (nothing saved, nothing to undo), -1 with E as decide_findings. */
int edit_findings(struct inspection *in, enum edit_findings which, size_t index,
		  const char *text, struct edit_undo *u, struct err *e);
/* What findings change CH names, "the strengths of 3.2" (as the undo
 * message says it), appended to OUT. */
void edit_findings_text(const struct inspection *in, const struct edit_change *ch,
			struct buf *out);
/* What undoing decision change CH (the last on the list, kind
 * EDIT_DECISION) does, in words, appended to OUT: "the withdrawal;
 * decision on 2.2 (Good) restored", "decision on 2.2 (Good) removed", or
 * "decision on 2.2 (Good); back to Requires improvement" (the decision
 * before it, as its band). */
void edit_decision_undo_text(const struct inspection *in, const struct edit_change *ch,
			     struct buf *out);

/* After a fact of case CI changed: each choice fact still unset whose
 * other choices the recorded facts rule out is recorded (the case type,
 * once the disposal is chosen: a youth rehabilitation order is a court
 * case), each joined to the undo step before (U may be NULL), so one
 * undo takes back both. Every way of answering applies it (the terminal
 * UI, yjinspect answer). Returns how many were recorded, -1 on a failed
 * save (E; those recorded before it stay); SAID, when not NULL, has
 * "Label: Choice" of each added, ", " between them. (No name: a fact
 * carries no stamp, as edit_fact's; the journal says who saved it.) */
int edit_derive_facts(struct inspection *in, size_t ci, struct edit_undo *u, struct buf *said,
		      struct err *e);

/* Take back the last change (and save). *CI gets the case it was in and,
 * for an answer, *ITEM the walk item (else -1). Returns 1 when something
 * was undone, 0 when there was nothing to undo, -1 on a failed save (the
 * change then stays undoable) or when what the change made was changed
 * again since on disk (another yjinspect: its change is not taken back;
 * the change leaves the undo list, and E says so). */
int edit_undo(struct inspection *in, const struct walk *w, struct edit_undo *u,
	      size_t *ci, int *item, struct err *e);
/* Join the last change to the one before it, in the same case, so that
 * one edit_undo takes back both (a fact the other facts decided, recorded
 * with the fact that decided it). Nothing when there is no such pair. */
void edit_undo_join(struct edit_undo *u);
void edit_undo_free(struct edit_undo *u);

/* Add a new case with REFERENCE (as edit_field would take it) and
 * INSPECTOR to the inspection: its file is made from the reference under
 * DIR/cases and saved at once. *CI gets its index (cases stay sorted by
 * file name). Refused too when a file in DIR/cases that is not one of IN's
 * cases may hold REFERENCE: a case file that cannot be read, or one made
 * since IN was read (another yjinspect adding the same case). */
int edit_add_case(struct inspection *in, const char *reference, const char *inspector,
		  size_t *ci, struct err *e);

/* Rebuild case CI as it was at time AT (journal_text: an ISO time or its
 * start) from its journal, and save that as a new change by WHO (itself
 * journaled). Refused, with nothing changed, when the journal begins after
 * AT or what it rebuilds does not load as a case file. The case in IN is
 * read again. */
int edit_restore(struct inspection *in, size_t ci, const char *at, const char *who,
		 struct err *e);

/* The index of the case with file name NAME, or -1. */
int edit_case_index(const struct inspection *in, const char *name);

#endif
