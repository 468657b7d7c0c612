/* err.c - error messages (see err.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"

/* A message is one line of plain text: values quoted in it come from
 * files, so control characters and escape sequences are replaced. */
static void
err_clean(struct err *e)
{
	struct buf b = BUF_INIT;

	text_clean(&b, e->msg, 0);
	snprintf(e->msg, sizeof e->msg, "%s", buf_str(&b));
	buf_free(&b);
}

int
err_set(struct err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	err_clean(e);
	return -1;
}

int
err_prefix(struct err *e, const char *prefix)
{
	char tmp[ERR_MAX];
	size_t n;

	if (e == NULL)
		return -1;
	n = strlen(prefix);
	if (n > ERR_MAX - 3)
		n = ERR_MAX - 3;
	memcpy(tmp, prefix, n);
	memcpy(tmp + n, ": ", 2);
	/* the old message, cut to fit */
	memcpy(tmp + n + 2, e->msg, ERR_MAX - n - 2);
	tmp[ERR_MAX - 1] = '\0';
	memcpy(e->msg, tmp, sizeof e->msg);
	err_clean(e);
	return -1;
}
