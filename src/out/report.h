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
#include "out/report_marks.h"	/* (the marks, for every user of the report) */

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

#endif
