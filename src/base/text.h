/* text.h - safe, measured text for output: every string that comes from a
 * file (names, notes, forms) goes through text_clean before it reaches a
 * terminal or a report, so control characters and escape sequences never
 * reach the output raw.
 */
#ifndef YJ_TEXT_H
#define YJ_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "base/buf.h"

/* Append S to OUT with C0 controls, DEL and C1 controls replaced by '?'
 * (tab and newline by a space, unless KEEP_NEWLINES, when '\n' is kept),
 * and bytes that are not valid UTF-8 replaced by '?'. */
void text_clean(struct buf *out, const char *s, int keep_newlines);

/* Write to OUT the message FMT and its arguments make, through text_clean
 * as one line (a line break or tab in it a space), then a newline: the way
 * the command line prints a message that quotes anything from a file, an
 * argument or the environment. */
void text_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void text_vsay(FILE *out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Display columns of clean UTF-8 S (one per code point). */
size_t text_width(const char *s);

/* Byte length of the longest prefix of clean S that fits in COLS columns. */
size_t text_fit(const char *s, size_t cols);

/* The one place UTF-8 is cut by bytes: where to cut S (at least MAX bytes
 * long) so that its first bytes, at most MAX, do not end inside a UTF-8
 * character. MAX stepped back over the (at most three) continuation bytes
 * at S[MAX] to the lead byte before them; MAX itself when S[MAX] starts a
 * character, or when no lead byte is found there (S is not UTF-8 at that
 * point) or it would leave nothing. */
size_t text_cut(const char *s, size_t max);

/* The mark at the end of a string cut to fit a fixed array */
#define TEXT_CUT "..."

/* S into DST (SIZE bytes, at least 1): whole, or when it does not fit,
 * cut at a whole character (text_cut) and ended in TEXT_CUT (when SIZE
 * has room for it). Returns 1 when it cut S, else 0: the one way a string
 * goes into a fixed array, and it never cuts silently. */
int text_copy(char *dst, size_t size, const char *s);

/* Word-wrap clean S to lines of at most WIDTH columns (long words are
 * cut). Returns a NULL-terminated array of new strings; text_lines_free. */
char **text_wrap(const char *s, size_t width);
void text_lines_free(char **lines);

#endif
