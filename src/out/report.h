/* report.h - the summary of an inspection's ratings, as the published
 * report lays it out: the ratings page (each standard's rating, the score
 * N/MAX and the overall rating) and each case-rated standard's key-question
 * table ("Of the N cases inspected | Relevant cases | Number 'Yes'"), with
 * percentages, bands, discretion candidates and panel decisions marked.
 * Renders only: the figures come from rate.h. No curses.
 */
#ifndef YJ_REPORT_H
#define YJ_REPORT_H

#include <stdio.h>

#include "base/buf.h"
#include "model/insp.h"
#include "model/rate.h"

enum report_format { REPORT_TEXT, REPORT_TSV, REPORT_MD };

struct report_opts {
	enum report_format format;
	int prompts;		/* include the prompt tables */
	int width;		/* text: columns (>= 60) */
};

/* Parse "text", "tsv" or "md"; -1 if it is none of them. */
int report_format_parse(const char *name, enum report_format *out);

/* Write the summary of IN, rated as R, to OUT. Returns 0, or -1 on a write
 * error (errno set). */
int report_write(FILE *out, const struct inspection *in, const struct rate *r,
		 const struct report_opts *o);

/* The marks, the same in every format and wherever a rating appears. */
#define REPORT_DASH "\xe2\x80\x93"		/* – : no percentage */
#define REPORT_CANDIDATE "\xe2\x97\x86"	/* ◆ professional discretion candidate */
#define REPORT_DECIDED "\xe2\x80\xa0"		/* † a panel decision applied */
#define REPORT_UNCOUNTED "\xc2\xb9"		/* ¹ not counted in the overall score */
#define REPORT_APPLIED "*Professional discretion applied"

/* Helpers shared with doc.c. */
/* The marks after standard S's rating: "", " ◆", " †", plus " ¹" (a
 * static buffer, valid until the next call). */
const char *report_std_marks(const struct form *f, const struct rate *r, size_t s);
/* Cases per case type onto OUT, e.g. "10 (6 court, 4 oocd)". */
void report_case_mix(const struct inspection *in, struct buf *out);
/* "N relevant questions not answered in M cases...: the figures count only
 * what is answered (see yjinspect check)", or "" when the evidence is complete. */
void report_completeness(const struct rate *r, char *buf, size_t size);
/* "2 keys in 1 case changed differently in two merged copies (conflicts):
 * counted neither way until given again (see yjinspect check)", or "" when
 * no case holds a conflict (conflict.h). */
void report_conflicts(const struct inspection *in, char *buf, size_t size);
/* The panel decision on standard RS ("† Panel decision on 2.2.2: Requires
 * improvement → Good. WHY (BY, AT)", with a note when the evidence has
 * moved since), or "" when there is none. */
void report_decision_text(const struct form *f, const struct rate_std *rs, char *buf,
			  size_t size);

#endif
