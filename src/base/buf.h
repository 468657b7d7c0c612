/* buf.h - a growable, always NUL-terminated byte buffer.
 *
 * A struct buf owns its data; buf_free releases it. Allocation failure
 * aborts the program (xalloc.h): there is no half-built buffer to handle.
 */
#ifndef YJ_BUF_H
#define YJ_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;	/* NUL-terminated; NULL until the first append */
	size_t len;	/* bytes, not counting the NUL */
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);		/* empty, keeps the memory */
void buf_cut(struct buf *b, size_t len);	/* its first LEN bytes kept (if it is longer) */
const char *buf_str(const struct buf *b);	/* "" when empty, never NULL */
char *buf_take(struct buf *b);		/* the data to the caller (free it); b is empty */
void buf_free(struct buf *b);

#endif
