/* cond.h - the relevance condition language of forms files.
 *
 *   expr   := term { "or" term }
 *   term   := factor { "and" factor }
 *   factor := "not" factor | "(" expr ")" | test
 *   test   := FACT                          a bool fact is yes
 *           | FACT "==" VALUE | FACT "!=" VALUE
 *           | FACT "in" "(" VALUE { "," VALUE } ")"
 *
 * FACT and VALUE are ids ([a-z0-9_-], case-insensitive). Which facts exist
 * and which values each takes is the caller's (the forms file's): cond_parse
 * asks through a struct cond_vocab and refuses unknown names. A condition
 * deeper or larger than the limits below is refused too.
 *
 * A case's facts are given to cond_eval as an array of value indexes, one per
 * fact (bool facts: 0 = no, 1 = yes), COND_UNSET for a fact not recorded.
 * A test on an unset fact is unknown; evaluation is three-valued (Kleene):
 * "not unknown" is unknown, "false and unknown" is false, "true or unknown"
 * is true.
 */
#ifndef YJ_COND_H
#define YJ_COND_H

#include <stddef.h>

#include "base/err.h"

#define COND_UNSET (-1)

enum cond_value {
	COND_FALSE = 0,
	COND_TRUE = 1,
	COND_UNKNOWN = 2
};

struct cond_vocab {
	const void *ctx;
	/* Index of fact NAME, or -1 if there is none. *IS_BOOL is set. */
	int (*fact)(const void *ctx, const char *name, int *is_bool);
	/* Index of VALUE among FACT's values, or -1 if it is not one of them.
	 * (For a bool fact: "no" is 0 and "yes" is 1.) */
	int (*value)(const void *ctx, int fact, const char *value);
};

struct cond;	/* opaque: a parsed condition */

/* Limits that keep parsing, evaluating and freeing a condition well inside
 * any thread's stack (all three recurse): a forms file's value can be made
 * as long as it likes by continuation keys (KEY~2, ...), and 100,000
 * nested parentheses or a chain of 40,000 "and"s would otherwise crash the
 * program. The conditions of real frameworks use a handful. */
#define COND_DEPTH_MAX 32	/* nested "not" and "(" */
#define COND_NODES_MAX 256	/* tests, "and", "or" and "not" in all */

/* Parse SRC. An empty or all-blank SRC gives *OUT = NULL, which is always
 * true. Errors say what was expected where, e.g.
 * "unknown fact 'child_safe' at column 1". */
int cond_parse(const char *src, const struct cond_vocab *vocab,
	       struct cond **out, struct err *e);
void cond_free(struct cond *c);

/* Evaluate C (NULL = true) against FACTS (see above). */
enum cond_value cond_eval(const struct cond *c, const int *facts);

/* Call FN for each fact index C tests (with repeats). */
void cond_facts(const struct cond *c, void (*fn)(void *arg, int fact), void *arg);

/* The part of C that makes it false on FACTS (for saying why): of an
 * "and", the first false operand's part; else C itself. C itself when it
 * is not false. */
const struct cond *cond_why_false(const struct cond *c, const int *facts);

#endif
