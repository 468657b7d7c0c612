/* xalloc.h - allocation that cannot fail: on exhaustion the program prints
 * a message and exits with status 3. Nothing has been written half-way at
 * that point: every save goes through a temporary file (save.h). */
#ifndef YJ_XALLOC_H
#define YJ_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
