/* report_marks.h - the marks and sentences every rendering of the ratings
 * shares: the text and tsv summary (report.c), the document (doc.c) and the
 * terminal UI's ratings page, so a rating reads the same wherever it is
 * shown. Below both report.c and doc.c (report.c writes markdown through
 * doc.c). Renders only; no curses, no I/O.
 */
#ifndef YJ_REPORT_MARKS_H
#define YJ_REPORT_MARKS_H

#include <stddef.h>

#include "base/buf.h"
#include "base/symbol.h"
#include "model/insp.h"
#include "model/rate.h"

/* The marks, the same in every format and wherever a rating appears. */
/* (the UTF-8 set of the table of marks, base/symbol.h, as literals) */
#define REPORT_DASH SYMBOL_U_NO_FIGURE		/* – : no percentage */
#define REPORT_CANDIDATE SYMBOL_U_CANDIDATE	/* ◆ professional discretion candidate */
#define REPORT_DECIDED SYMBOL_U_DECIDED		/* † a panel decision applied */
#define REPORT_UNCOUNTED SYMBOL_U_UNCOUNTED	/* ¹ not counted in the overall score */
#define REPORT_APPLIED "*Professional discretion applied"

/* A percentage as every rendering shows it, "65%", or REPORT_DASH when
 * there is none (PCT < 0), into BUF (SIZE bytes: 16 hold any) */
void report_pct(char *buf, size_t size, int pct);
/* The marks after standard S's rating: "", " ◆", " †", plus " ¹" (a
 * static buffer, valid until the next call). */
const char *report_std_marks(const struct form *f, const struct rate *r, size_t s);
/* Cases per case type onto OUT, e.g. "10 (6 court, 4 oocd)". */
void report_case_mix(const struct inspection *in, struct buf *out);
/* Onto OUT: "N relevant questions not answered in M cases...: the figures
 * count only what is answered (see yjinspect check)", or nothing when the
 * evidence is complete. */
void report_completeness_add(const struct rate *r, struct buf *out);
/* Onto OUT: "2 keys in 1 case changed differently in two merged copies
 * (conflicts): counted neither way until given again (see yjinspect
 * check)", or nothing when no case holds a conflict (conflict.h). */
void report_conflicts_add(const struct inspection *in, struct buf *out);
/* Onto OUT: the panel decision on standard RS ("† Panel decision on 2.2.2:
 * Requires improvement → Good. WHY (BY, AT)", with a note when the
 * evidence has moved since), or nothing when there is none. */
void report_decision_add(const struct form *f, const struct rate_std *rs, struct buf *out);

/* The three above into a fixed array BUF of SIZE bytes ("" for nothing),
 * cut with text_copy's mark when they do not fit (the terminal UI's lines) */
void report_completeness(const struct rate *r, char *buf, size_t size);
void report_conflicts(const struct inspection *in, char *buf, size_t size);
void report_decision_text(const struct form *f, const struct rate_std *rs, char *buf,
			  size_t size);

#endif
