/* meeting.h - the panel meeting's own record: every change to an
 * inspection's cases since a time SINCE (the panel opened), worked out
 * from the case journals (journal.h), each with who made it, when, which
 * case and answer, old -> new in words, and every rating and score it
 * moved; and the panel decisions made, replaced and withdrawn (or removed
 * by an undo) since, from inspection.ini's own journal (inspection.journal:
 * the decisions are rebuilt as they were at SINCE, and each later change
 * to one is an entry at its time). A folder whose inspection.journal is
 * missing (made before it was kept) has only the decisions standing now,
 * those with 'at' after SINCE made at that time.
 *
 * What a change moved: the folder's answers are rebuilt as they were at
 * SINCE (each case's journal replayed to it), then each later save (a
 * journal group) is applied in time order, decisions too at their time,
 * re-rating after each (rate_update for the one case) and noting what
 * differs. The journals are the record: a case whose journal is missing or
 * cannot be read adds nothing (its file as it is counts from the start).
 * A case whose journal begins (its "(base)" group, the file as it was when
 * first journaled) after SINCE was copied in during the meeting: it counts
 * from then, an entry of its own ("case added") with what it moved.
 * Judgements of judgement-rated standards have no history: they count as
 * they are now throughout.
 *
 * Ownership: struct meeting owns everything it points to (meeting_free);
 * cases and standards are named by their text (a case's reference) and by
 * index into IN's form, which must stay the one it was made with. No
 * curses; reads the journals (journal_read), writes nothing.
 */
#ifndef YJ_MEETING_H
#define YJ_MEETING_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "model/insp.h"

enum meeting_change_kind {
	MEETING_ANSWER,		/* ITEM a key question or prompt id, "3.2.2" */
	MEETING_FACT,		/* ITEM the fact's label */
	MEETING_NOTE,		/* ITEM the key question's id */
	MEETING_CASE,		/* the case file begun (ITEM "case") */
	MEETING_ADDED		/* the case file copied in (ITEM "case") */
};

/* What a decision entry is */
enum meeting_decision_kind {
	MEETING_NO_DECISION,	/* a case's change */
	MEETING_DECIDED,	/* a decision made: FROM -> TO, WHY */
	MEETING_REPLACED,	/* one made over another (to WAS_TO): FROM -> TO, WHY */
	MEETING_WITHDRAWN	/* one withdrawn, or removed by an undo: the
				 * decision FROM -> TO no longer stands */
};

struct meeting_change {
	enum meeting_change_kind kind;
	char *item;
	char *old, *new;	/* in words: "No", "Yes", "unanswered", a
				 * fact's choice label, "not recorded" */
};

enum meeting_move_kind {
	MEETING_MOVE_STD,	/* standard INDEX's rating (band, or RATE_*) */
	MEETING_MOVE_KQ,	/* key question INDEX's % 'Yes' (RATE_NONE: none) */
	MEETING_MOVE_SCORE,	/* the overall score */
	MEETING_MOVE_OVERALL	/* the overall rating (form.overall index, or RATE_NONE) */
};

struct meeting_move {
	enum meeting_move_kind kind;
	size_t index;
	int from, to;
};

struct meeting_entry {
	char *time;		/* as the journal or decision has it (UTC ISO) */
	char *who;		/* "(file)": a change made outside yjinspect */
	char *ref;		/* the case's reference (else its file name);
				 * NULL for a decision */
	/* a decision: its standard, bands and rationale (DECISION not
	 * MEETING_NO_DECISION) */
	enum meeting_decision_kind decision;
	size_t std;
	int from, to;
	int was_to;		/* MEETING_REPLACED: the band it replaced */
	char *why;		/* NULL for MEETING_WITHDRAWN */
	struct meeting_change *changes;
	size_t nchanges;
	struct meeting_move *moves;
	size_t nmoves;
};

struct meeting {
	char *since;
	struct meeting_entry *v;	/* in time order, oldest first */
	size_t n;
	size_t ndecisions;		/* entries that are decisions */
};

/* Work out M for IN since SINCE (an ISO time in UTC, as journals and
 * stamp_now write them: "2026-12-07T23:15:02.123Z"; a change at SINCE
 * itself is before). Always succeeds; a journal that cannot be read is
 * left out (its case counting as it is now). */
void meeting_compute(struct meeting *m, const struct inspection *in, const char *since);
void meeting_free(struct meeting *m);

/* Move MV in words, appended to B: "2.2 Requires improvement -> Good",
 * "3.2.2 25% -> 50%", "score 14 -> 16", "overall Requires improvement ->
 * Good" (ARROW between, e.g. " -> " or " → "). */
void meeting_move_text(struct buf *b, const struct form *f, const struct meeting_move *mv,
		       const char *arrow);
/* Change CH in words, appended to B: "3.2.2 No -> Yes", "fact Disposal:
 * not recorded -> Youth caution", "note on 3.2.1 added", "case begun". */
void meeting_change_text(struct buf *b, const struct meeting_change *ch, const char *arrow);
/* Entry X (not a decision) in one line, appended to B: its changes, then
 * "; moved " and its moves ("; moved nothing" when none). */
void meeting_entry_text(struct buf *b, const struct form *f, const struct meeting_entry *x,
			const char *arrow);

/* Is TEXT a time SINCE can be (an ISO time in UTC to the minute, second or
 * millisecond, a Z at the end or none: "2026-12-07T23:15",
 * "2026-12-07T23:15:05Z", "2026-12-07T23:15:05.250Z"; nothing after)? 0
 * when it is, else -1 with E saying why. */
int meeting_since_check(const char *text, struct err *e);

/* Times A and B (as meeting_since_check takes them, or a journal's or a
 * decision's) compared as instants: by the second, then the millisecond (a
 * time to the minute is at its second 0, one to the second at its
 * millisecond 0): <0, 0 or >0. A text of another shape compares by its
 * bytes. */
int meeting_time_cmp(const char *a, const char *b);

#endif
