/* err.c - error messages (see err.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"

_Static_assert(sizeof ERR_CUT == sizeof TEXT_CUT, "err.h's ERR_CUT is text.h's TEXT_CUT");

/* MSG as E's message: one line of plain text (values quoted in it come
 * from files, so control characters and escape sequences are replaced),
 * and when it does not fit, cut at a whole character and marked ERR_CUT */
static void
err_put(struct err *e, const char *msg)
{
	struct buf b = BUF_INIT;

	text_clean(&b, msg, 0);
	text_copy(e->msg, sizeof e->msg, buf_str(&b));
	buf_free(&b);
}

int
err_set(struct err *e, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	err_put(e, buf_str(&b));
	buf_free(&b);
	return -1;
}

int
err_prefix(struct err *e, const char *prefix)
{
	struct buf b = BUF_INIT;

	if (e == NULL)
		return -1;
	buf_printf(&b, "%s: %s", prefix, e->msg);
	err_put(e, buf_str(&b));
	buf_free(&b);
	return -1;
}
