/* walk.h - the order in which an inspector walks a case through the
 * framework, and where the next question is. No curses, no I/O.
 *
 * The walk is every case-rated standard in form order; within it each key
 * question's prompts, then the key-question judgement itself (the
 * inspector weighs the prompts, then judges). Items that are not relevant
 * to a case (by its facts) stay in the walk but are skipped by the
 * navigation functions, and walk_reason says why they do not apply.
 */
#ifndef YJ_WALK_H
#define YJ_WALK_H

#include <stddef.h>

#include "model/case.h"
#include "model/form.h"

enum walk_kind { WALK_PROMPT, WALK_KQ };

struct walk_item {
	enum walk_kind kind;
	size_t index;		/* into form.prompts or form.kqs */
	size_t kq;		/* its key question */
	size_t std;		/* its standard */
	const char *id;		/* the form's id (not owned) */
};

struct walk {
	const struct form *f;	/* not owned */
	struct walk_item *items;
	size_t nitems;
};

void walk_init(struct walk *w, const struct form *f);
void walk_free(struct walk *w);

/* The item with id ID (a prompt or key question), or -1. */
int walk_find(const struct walk *w, const char *id);
/* The first item of standard S, or -1 when it has none. */
int walk_first_of_std(const struct walk *w, size_t s);

enum cond_value walk_relevant(const struct walk *w, const struct case_file *c, size_t item);
enum answer walk_answer(const struct walk *w, const struct case_file *c, size_t item);
/* Whether answer A may be given to ITEM (N/A only where a prompt allows). */
int walk_allows(const struct walk *w, size_t item, enum answer a);

/* The next (DIR 1) or previous (DIR -1) relevant item from FROM, not
 * counting FROM itself; -1 when there is none that way. */
int walk_step(const struct walk *w, const struct case_file *c, size_t from, int dir);
/* The first unanswered relevant item after FROM, wrapping round to the
 * start (FROM itself last); -1 when every relevant item is answered. */
int walk_next_unanswered(const struct walk *w, const struct case_file *c, size_t from);
/* The first relevant item of the case, or -1 (no fact recorded yet that
 * makes anything relevant). */
int walk_first(const struct walk *w, const struct case_file *c);

/* Why ITEM is not relevant to C, in words, into BUF: e.g. "not relevant:
 * only in cases with factors related to keeping the child safe (Factors
 * related to keeping the child safe: No)" or "relevance unknown: record
 * Case type". Empty when it is relevant. Built whole, then cut to SIZE
 * if it must be, ending in "..." (text_copy). */
void walk_reason(const struct walk *w, const struct case_file *c, size_t item,
		 char *buf, size_t size);

#endif
