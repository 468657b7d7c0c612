/* whatif.h - what would change a rating, for the ratings panel: for each
 * case-rated standard the fewest case judgements (a relevant case's answer
 * to a key question, 'Yes' <-> 'No') that would move it up a band and down
 * a band, with the cases that could be the ones; for the overall rating the
 * score points to the next band up and down and the standards whose one
 * band move gives them; and each discretion reason in figures.
 *
 * The rules are rate.h's: a standard takes the lowest band of its key
 * questions with relevant cases, so
 *  - up needs every key question below the next band raised to it (the
 *    changes are summed over those key questions);
 *  - down needs only one key question lowered below the standard's band
 *    (the cheapest; each key question that is as cheap is an alternative).
 * Changing judgements never makes a case relevant: a key question with no
 * relevant cases stays out of the rating, and a standard with none cannot
 * move. A move can jump more than one band (a sub-sample of one case): its
 * band says where it lands. Moves start from the rating as decided: a
 * standard a panel decision applies to is moved by the panel only (no case
 * judgement undoes a decision), a band up or down by a new decision, or by
 * withdrawing it where the evidence gives that band; its discretion
 * reasons stay those of the evidence. Bands and boundaries come from the
 * form, never from here.
 *
 * Ownership: struct whatif owns everything it points to (whatif_free);
 * it refers to the form, the cases and R by index only, and is valid for
 * as long as they are unchanged. No I/O and no curses.
 */
#ifndef YJ_WHATIF_H
#define YJ_WHATIF_H

#include <stddef.h>

#include "base/buf.h"
#include "model/insp.h"
#include "model/rate.h"

#define WHATIF_JUDGEMENT (-1)	/* a move that is a judgement, not case answers */

struct whatif_kq {		/* one key question's part in a move */
	size_t kq;		/* index into form.kqs */
	int changes;		/* its judgements to change, >= 1 */
	int percent;		/* its % after them */
	int band;		/* the standard's band after them (down: this key
				 * question's changes alone; up: all the move's) */
	size_t *cases;		/* the cases that could be changed: indexes into
				 * in->cases, judged 'No' (up) or 'Yes' (down) */
	size_t ncases;
};

struct whatif_move {
	int possible;
	int panel;		/* the move is the panel's (a decision applies to
				 * the standard): CHANGES is WHATIF_JUDGEMENT and
				 * KQS empty */
	int withdraw;		/* panel: withdrawing the decision gives BAND
				 * (the evidence's), else a new decision does */
	const char *why_not;	/* when not possible: a static phrase, e.g.
				 * "it is the top band", "no key question has
				 * relevant cases" */
	int changes;		/* fewest judgements in all */
	int band;		/* the standard's band after the move */
	struct whatif_kq *kqs;	/* up: every key question to raise, all of them
				 * needed; down: each key question that alone
				 * does it with CHANGES, any one of them */
	size_t nkqs;
};

struct whatif_std {
	int case_rated;		/* else everything below is empty */
	int from;		/* the rating as decided (rate_std.rating) */
	int computed;		/* the evidence's (rate_std.computed) */
	int decided;		/* a panel decision applies: up and down are the
				 * panel's moves */
	struct whatif_move up, down;
	/* the discretion reasons (rate_std.reasons) in figures, each NULL
	 * when its bit is not set: */
	char *near;		/* REASON_NEAR_BOUNDARY: "2.2.2: 60% (3 of 5) is 5
				 * points below 65% (Good); one of its 2 No cases
				 * judged Yes gives 80%, and the standard Good:
				 * ST-C02, ST-C05" */
	char *one_case;		/* REASON_ONE_CASE: "one case judged differently
				 * changes it: 2.2.2 judged Yes in one of ST-C02,
				 * ST-C05 gives Good; ..." */
	char *small;		/* REASON_SMALL_SAMPLE: "rests on 5 cases: 2.2.2
				 * (3 of 5); a sample of 5 or fewer" */
};

struct whatif_step {		/* a counted standard's one band move */
	size_t std;
	int gain;		/* score points it gives (up) or takes (down) */
	int changes;		/* case judgements, or WHATIF_JUDGEMENT (a
				 * judgement-rated standard or a panel decision) */
	int decided;		/* a panel decision applies: the move is the panel's */
};

struct whatif_overall {		/* one direction */
	int possible;
	const char *why_not;	/* a static phrase: "it is the top band",
				 * "not every counted standard is rated yet" */
	int band;		/* index into form.overall */
	int boundary;		/* the score that band starts at (up), or the
				 * lowest score of the current band (down) */
	int points;		/* score points to gain (up) / lose (down) */
	int fewest;		/* fewest standards moving one band that give
				 * them; 0 when the steps are not enough */
	struct whatif_step *steps;	/* the counted standards that can move one
				 * band this way: fewest judgements first, then
				 * judgements, form order on a tie */
	size_t nsteps;
};

struct whatif {
	struct whatif_std *std;	/* [nstd], as form.stds */
	size_t nstd;
	struct whatif_overall up, down;
};

/* Work out W for IN, rated as R (rate_compute/rate_update for IN). */
void whatif_compute(struct whatif *w, const struct inspection *in, const struct rate *r);
void whatif_free(struct whatif *w);

/* In words, appended to OUT:
 * whatif_move_text: standard S's move up (UP 1) or down, "Up to Good, 1
 *   judgement: 2.2.2, 1 of its 2 'No' cases judged 'Yes' gives 80%: ST-C02,
 *   ST-C05", or "Up: not possible (it is the top band)"; a decided
 *   standard's "Up to Outstanding: a new panel decision (no case judgement
 *   moves a decided rating)" or "Down to Requires improvement: the panel's
 *   decision withdrawn (the evidence gives Requires improvement)";
 * whatif_moves_brief: both of standard S's moves in a few words, for a row
 *   of the ratings page: "Up to Good: 1 judgement; down to Inadequate: 1",
 *   "Up to Good: withdraw the decision; down to Inadequate: a new
 *   decision", "Up: not possible (it is the top band); ..."; nothing for a
 *   standard that is not case-rated;
 * whatif_overall_text: "Up to Good at 19: 5 points more: at least 5
 *   standards one band up, of: 2.2 (1 judgement), ..., 1.2 (a judgement)".
 * Case names are listed up to WHATIF_NAMES, then "and N more". */
#define WHATIF_NAMES 10
void whatif_move_text(const struct inspection *in, const struct whatif *w, size_t s, int up,
		      struct buf *out);
void whatif_moves_brief(const struct inspection *in, const struct whatif *w, size_t s,
			struct buf *out);
void whatif_overall_text(const struct inspection *in, const struct whatif *w, int up,
			 struct buf *out);
/* A case's name in these texts: its reference, else its file name. */
const char *whatif_case_name(const struct case_file *c);

#endif
