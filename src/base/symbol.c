/* symbol.c - the two tables of marks (see symbol.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/symbol.h"

struct mark {
	const char *utf8, *ascii, *meaning;
};

/* Each column distinct, upper and lower case apart (X and x would read
 * alike): tests/test_symbol.c checks it. */
static const struct mark marks[SYM_COUNT] = {
	[SYM_BAND0] = { "\xe2\x9c\x96", "X", "band 1" },		/* ✖ */
	[SYM_BAND1] = { "\xe2\x96\xb2", "^", "band 2" },		/* ▲ */
	[SYM_BAND2] = { "\xe2\x97\x8f", "+", "band 3" },		/* ● */
	[SYM_BAND3] = { "\xe2\x98\x85", "*", "band 4" },		/* ★ */
	[SYM_NO_BAND] = { "\xe2\x97\x8b", "o", "not rated yet" },	/* ○ */
	[SYM_CANDIDATE] = { SYMBOL_U_CANDIDATE, "~", "discretion candidate" },
	[SYM_DECIDED] = { SYMBOL_U_DECIDED, "d", "panel decision" },
	[SYM_STALE] = { "!", "!", "evidence moved since decided" },
	[SYM_LEFT_OUT] = { "\xe2\x8a\x98", "#", "cannot be read: left out" },	/* ⊘ */
	[SYM_UNCOUNTED] = { SYMBOL_U_UNCOUNTED, "'", "not counted" },
	[SYM_NO_FIGURE] = { SYMBOL_U_NO_FIGURE, "-", "no relevant case" },
	[SYM_CONFLICT] = { "\xe2\x89\xa0", "<>", "in conflict" },	/* ≠ */
	[SYM_CURRENT] = { "\xe2\x96\xb8", ">", "being walked" },	/* ▸ */
	[SYM_AT_MOST] = { "\xe2\x89\xa4", "<=", "at most" },		/* ≤ */
	[SYM_PROMPT_YES] = { "Y", "Y", "yes" },
	[SYM_PROMPT_NO] = { "N", "N", "no" },
	[SYM_PROMPT_NA] = { "/", "/", "n/a" },	/* (x would be X, band 1) */
	[SYM_PROMPT_UNANSWERED] = { "?", "?", "unanswered" },
	[SYM_PROMPT_OFF] = { ".", ".", "does not apply" },
	[SYM_SEP] = { "\xc2\xb7", "|", "separator" },			/* · */
	[SYM_DASH] = { "\xe2\x80\x94", "--", "dash" },			/* — */
	[SYM_CUT] = { "\xe2\x80\xa6", "...", "more, cut short" },	/* … */
	[SYM_ARROW] = { "\xe2\x86\x92", "->", "changed to" },		/* → */
	[SYM_KEY_LEFT] = { "\xe2\x86\x90", "<-", "the Left key" },	/* ← */
	[SYM_KEY_UP] = { "\xe2\x86\x91", "Up", "the Up key" },		/* ↑ */
	[SYM_KEY_DOWN] = { "\xe2\x86\x93", "Down", "the Down key" },	/* ↓ */
};

const char *
symbol(int utf8, enum symbol s)
{
	if ((int)s < 0 || s >= SYM_COUNT)
		return "";
	return utf8 ? marks[s].utf8 : marks[s].ascii;
}

const char *
symbol_meaning(enum symbol s)
{
	if ((int)s < 0 || s >= SYM_COUNT)
		return "";
	return marks[s].meaning;
}

const char *
symbol_band(int utf8, int band)
{
	if (band < 0)
		return symbol(utf8, SYM_NO_BAND);
	return symbol(utf8, (enum symbol)(SYM_BAND0 + (band > 3 ? 3 : band)));
}

const char *
symbol_ascii_for(const char *s, size_t *len)
{
	if ((unsigned char)*s < 0x80)
		return NULL;
	for (int i = 0; i < SYM_COUNT; i++) {
		size_t n = strlen(marks[i].utf8);

		if (strncmp(s, marks[i].utf8, n) == 0) {
			*len = n;
			return marks[i].ascii;
		}
	}
	return NULL;
}

void
symbol_prompts_legend(int utf8, char *out, size_t size)
{
	static const enum symbol order[] = { SYM_PROMPT_YES, SYM_PROMPT_NO, SYM_PROMPT_NA,
	    SYM_PROMPT_UNANSWERED, SYM_PROMPT_OFF };
	size_t at = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof order / sizeof order[0] && at < size; i++) {
		int n = snprintf(out + at, size - at, "%s%s %s", i ? "  " : "",
		    symbol(utf8, order[i]), symbol_meaning(order[i]));

		if (n < 0)
			break;
		at += (size_t)n;
	}
}
