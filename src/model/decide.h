/* decide.h - the ratings panel's decisions, recorded and withdrawn: shared
 * by `yjinspect decide` and the terminal UI's ratings page. No curses.
 *
 * A decision moves a case-rated standard from the rating its evidence
 * gives now (its 'from', fixed when it is made) to another band, with a
 * rationale (required: a decision nobody can explain is refused), the key
 * question it rests on (optional), who made it and when. inspection.ini is
 * saved at once (insp_save: atomic). A new decision on a standard replaces
 * the one it had.
 */
#ifndef YJ_DECIDE_H
#define YJ_DECIDE_H

#include "base/err.h"
#include "model/insp.h"

/* Record on standard STD of IN a decision moving it TO (a band index),
 * resting on key question KQ (its id, or NULL), for WHY, by BY, now. -1
 * with E set (and IN unchanged) when STD is not case-rated, TO is not a
 * band, KQ is not one of STD's, WHY is empty, a case file is left out
 * (IN->nleft_out: the rating a decision moves is of every case, and one
 * not read could change it), the evidence gives STD no rating to move or
 * gives it TO already (a decision moving nothing would pin it there), or
 * the save fails. Withdrawing a decision, a judgement and findings rest on
 * no case and are not refused so. */
int decide_record(struct inspection *in, size_t std, int to, const char *kq, const char *why,
		  const char *by, struct err *e);

/* Withdraw the decision on standard STD: -1 with E set when there is none
 * or the save fails (IN then unchanged). */
int decide_withdraw(struct inspection *in, size_t std, struct err *e);

/* The lead inspector's judgement on judgement-rated standard STD: a band
 * index, JUDGE_NOT_RATED or JUDGE_UNSET (none). Saved at once; -1 with E
 * set (IN unchanged) when STD is case-rated or the save fails. */
int decide_judge(struct inspection *in, size_t std, int judgement, struct err *e);

/* Standard STD's strengths (IMPROVEMENTS 0) or areas for improvement (1),
 * one point per line, NULL or "" for none. Saved at once; -1 with E set
 * (IN unchanged) when the save fails. */
int decide_findings(struct inspection *in, size_t std, int improvements, const char *text,
		    struct err *e);

/* The lead's evidence note on key question KQ of a judgement-rated
 * standard (NULL or "" for none). Saved at once; -1 with E set (IN
 * unchanged) when KQ's standard is case-rated or the save fails. */
int decide_evidence(struct inspection *in, size_t kq, const char *text, struct err *e);

/* The decision on standard STD, or NULL. */
const struct insp_decision *decide_find(const struct inspection *in, size_t std);

#endif
