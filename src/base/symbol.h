/* symbol.h - the marks yjinspect shows, one table for a terminal that
 * takes UTF-8 and one for any other (ASCII), each with a distinct mark for
 * each meaning (and no two that differ only in case: X and x): the bands,
 * a discretion candidate, a panel decision, the evidence moved since a
 * decision, a case left out, the prompts column's letters, the separators. The terminal UI's side panel and pages, and the exports
 * (out/report_marks.h takes its marks from the UTF-8 strings here), all
 * read them, so a mark means one thing wherever it is shown. No model
 * knowledge: a band is its index, lowest first.
 */
#ifndef YJ_SYMBOL_H
#define YJ_SYMBOL_H

#include <stddef.h>

/* The UTF-8 marks the exports use as string literals (out/report_marks.h);
 * the UTF-8 table holds the same. */
#define SYMBOL_U_CANDIDATE "\xe2\x97\x86"	/* ◆ */
#define SYMBOL_U_DECIDED "\xe2\x80\xa0"	/* † */
#define SYMBOL_U_UNCOUNTED "\xc2\xb9"		/* ¹ */
#define SYMBOL_U_NO_FIGURE "\xe2\x80\x93"	/* – */

enum symbol {
	SYM_BAND0,		/* the lowest band (Inadequate) */
	SYM_BAND1,		/* Requires improvement */
	SYM_BAND2,		/* Good */
	SYM_BAND3,		/* the highest (Outstanding) */
	SYM_NO_BAND,		/* not judged, not rated, no relevant cases */
	SYM_CANDIDATE,		/* a professional discretion candidate */
	SYM_DECIDED,		/* a panel decision applied */
	SYM_STALE,		/* the evidence moved since the panel decided */
	SYM_LEFT_OUT,		/* a case file that cannot be read, left out */
	SYM_UNCOUNTED,		/* not counted in the overall score */
	SYM_NO_FIGURE,		/* no percentage: no relevant case */
	SYM_CONFLICT,		/* changed differently in two merged copies */
	SYM_CURRENT,		/* the row being walked */
	SYM_AT_MOST,		/* at most, "<= 5 cases" */
	SYM_PROMPT_YES,		/* the prompts column: Yes */
	SYM_PROMPT_NO,		/* No */
	SYM_PROMPT_NA,		/* N/A */
	SYM_PROMPT_UNANSWERED,	/* not answered */
	SYM_PROMPT_OFF,		/* does not apply to the case */
	SYM_SEP,		/* between the parts of a line: "3 of 10 · 5/20" */
	SYM_DASH,		/* a clause set apart */
	SYM_CUT,		/* text cut short: there is more */
	SYM_ARROW,		/* old to new: "No → Yes" */
	SYM_KEY_LEFT,		/* the arrow keys, as hint lines name them */
	/* (Right: SYM_ARROW) */
	SYM_KEY_UP,
	SYM_KEY_DOWN,
	SYM_COUNT
};

/* The mark for S in the UTF-8 set (UTF8 nonzero) or the ASCII one: a
 * static string; "" for S out of range. */
const char *symbol(int utf8, enum symbol s);

/* What S means, in words for a legend ("discretion candidate"); the bands
 * say "band N" (their names are the framework's). */
const char *symbol_meaning(enum symbol s);

/* The band mark for BAND (0 lowest; above 3 as 3; below 0: SYM_NO_BAND). */
const char *symbol_band(int utf8, int band);

/* For text with UTF-8 written in it, shown where only ASCII can be: when
 * S starts with a mark of the UTF-8 set, its ASCII mark (its length in
 * S into *LEN), else NULL. */
const char *symbol_ascii_for(const char *s, size_t *len);

/* Onto OUT (SIZE bytes, always terminated) the legend of the prompts
 * column in the set UTF8: "Y yes  N no  / n/a  ? unanswered  . does not
 * apply". */
void symbol_prompts_legend(int utf8, char *out, size_t size);

#endif
