/* problems.h - a list of problems found in an inspection's files, for
 * `yjinspect check` and for the TUI's problem column.
 *
 * An error means a file cannot be used as it is (a bad value, an unknown
 * question): the program refuses to rate from it. A warning means the
 * inspection is inconsistent or incomplete (an unanswered question, an
 * answer to a question the case's facts make irrelevant). Each message is
 * one line that names the file and, where there is one, the section and
 * key; control characters in it are replaced by '?'.
 */
#ifndef YJ_PROBLEMS_H
#define YJ_PROBLEMS_H

#include <stddef.h>

enum problem_level { PROBLEM_ERROR, PROBLEM_WARNING };

struct problem {
	enum problem_level level;
	char *msg;		/* owned */
};

struct problems {
	struct problem *v;
	size_t n;
	size_t nerrors;
};

#define PROBLEMS_INIT { NULL, 0, 0 }

void problems_add(struct problems *p, enum problem_level level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void problems_free(struct problems *p);

#endif
