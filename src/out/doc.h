/* doc.h - the published report's tables as one document: the title block,
 * the ratings table (each standard's rating, the score N/MAX, the overall
 * rating), then for each standard its statement and rating and, for a
 * case-rated one, the key-question table as a report prints it ("Of the N
 * cases inspected | Relevant cases | Number 'Yes' | % 'Yes'"), a bar chart
 * of the key questions' % with the band boundaries, each key question's
 * prompt table under its sub-sample heading, the panel's decisions and
 * discretion candidates as footnotes, and the strengths and areas for
 * improvement recorded for it.
 *
 * doc_write walks the figures once (from rate.h) and calls an emitter,
 * which writes them as markdown (doc_md.c) or html (doc_html.c): the
 * content and its order live here only. Every string an emitter is given
 * is clean UTF-8 (text_clean) but not escaped: escaping is the emitter's.
 * No curses, no I/O but the emitter's FILE.
 */
#ifndef YJ_DOC_H
#define YJ_DOC_H

#include <stdio.h>

#include "model/insp.h"
#include "model/rate.h"

enum doc_para {
	DOC_PLAIN,		/* a paragraph */
	DOC_RATING,		/* a standard's rating line */
	DOC_STATEMENT,		/* a standard's statement */
	DOC_WARNING		/* e.g. the figures are incomplete */
};

enum doc_row {
	DOC_ROW,		/* a row: a heading cell, then figures */
	DOC_ROW_GROUP,		/* a group heading across the table (a domain) */
	DOC_ROW_TOTAL		/* the score and overall rating */
};

struct doc_bar {		/* one key question in a chart */
	const char *id;		/* "2.1.1" */
	const char *text;	/* the key question */
	int percent;		/* RATE_NONE: no relevant cases */
	const char *band;	/* "Reasonable majority (Good)", or "no relevant cases" */
};

struct doc_emit {
	void (*begin)(void *ctx, const char *title);
	/* a line of the title block: "Fieldwork", "19 to 22 October 2020" */
	void (*meta)(void *ctx, const char *label, const char *value);
	/* a part of the document (the ratings, a standard) from its heading
	 * to its notes; NEW_PAGE: printed, it starts a page (a case-rated
	 * standard, unless it follows its domain's heading) */
	void (*section_begin)(void *ctx, const char *anchor, int new_page);
	void (*section_end)(void *ctx);
	/* LEVEL 2 a part (the ratings, a domain), 3 a standard, 4 a key
	 * question's prompts (begin gives the document its level-1 title) */
	void (*heading)(void *ctx, int level, const char *anchor, const char *text);
	void (*para)(void *ctx, enum doc_para kind, const char *text);
	/* a table of NCOLS columns headed HEAD; column 0 is the row's
	 * heading; FIGURES: the others are numbers (right-aligned), else
	 * words; CAPTION says what the table is */
	void (*table_begin)(void *ctx, const char *caption, size_t ncols,
			    const char *const *head, int figures);
	/* NCOLS cells (as the table's); MARK (or NULL) follows cell 0 and
	 * refers to the footnote FOOTNOTE (an anchor, or NULL) */
	void (*table_row)(void *ctx, enum doc_row kind, size_t ncols,
			  const char *const *cells, const char *mark, const char *footnote);
	void (*table_end)(void *ctx);
	/* a horizontal bar chart of N bars on a 0-100 scale with lines at the
	 * band boundaries BOUNDS[NBOUNDS] (50, 65, 80) named BOUND_LABELS */
	void (*chart)(void *ctx, const char *anchor, const char *caption,
		      const struct doc_bar *bars, size_t n, const int *bounds,
		      const char *const *bound_labels, size_t nbounds);
	/* a list of N points headed TITLE ("Strengths") */
	void (*list)(void *ctx, const char *title, const char *const *items, size_t n);
	/* a note under the standard: MARK ("*", "◆") and TEXT; ANCHOR names
	 * it for the table rows that refer to it */
	void (*footnote)(void *ctx, const char *anchor, const char *mark, const char *text);
	void (*end)(void *ctx);
};

struct doc_opts {
	int prompts;		/* the prompt tables */
	int chart;		/* the bar charts */
	const char *const *folders;	/* the folders read, shown when NFOLDERS > 1 */
	size_t nfolders;
	int whatif;		/* what would change each rating (whatif.h): a
				 * list after the ratings table and after each
				 * case-rated standard's notes */
};

/* Walk IN, rated as R, through EM with context CTX. */
void doc_write(const struct doc_emit *em, void *ctx, const struct inspection *in,
	       const struct rate *r, const struct doc_opts *o);

/* The markdown and html emitters. Their CTX is a struct doc_out, zeroed
 * but for FP, the stream they write to (its errors are the caller's to
 * check with ferror). */
struct doc_out {
	FILE *fp;
	int header_done;	/* html: the title block is closed */
	int notes_open;		/* html: a standard's notes are open */
	int figures;		/* html: the open table's columns are numbers */
};
extern const struct doc_emit doc_md;
extern const struct doc_emit doc_html;

#endif
