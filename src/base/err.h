/* err.h - the one error convention of yjinspect.
 *
 * A function that can fail returns 0 on success and -1 on failure, and on
 * failure fills the caller's struct err with one line that names the file
 * (and, where there is one, the section, key or line) and the problem, e.g.
 *   "cases/c1.ini: [answers] 2.1.1: 'maybe' is not yes, no or na"
 * A NULL struct err * is allowed: the message is then dropped. A message
 * is always one line: control characters in it (from values quoted out of
 * files) are replaced by '?'.
 */
#ifndef YJ_ERR_H
#define YJ_ERR_H

#include <stddef.h>

#define ERR_MAX 1024

/* The end of a message too long for ERR_MAX bytes (a long path): it is cut
 * at a whole UTF-8 character (text_cut) and ends in this mark, never cut
 * silently */
#define ERR_CUT "..."	/* text.h's TEXT_CUT (err.c checks they agree) */

struct err {
	char msg[ERR_MAX];
};

/* Set the message (printf-style). Always returns -1, so that
 * `return err_set(e, ...);` reads naturally. */
int err_set(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prefix the existing message with "PREFIX: ". Returns -1. */
int err_prefix(struct err *e, const char *prefix);

#endif
