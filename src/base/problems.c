/* problems.c - a list of problems (see problems.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/problems.h"
#include "base/text.h"
#include "base/xalloc.h"

void
problems_add(struct problems *p, enum problem_level level, const char *fmt, ...)
{
	va_list ap;
	struct buf msg = BUF_INIT, b = BUF_INIT;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);	/* (whole: the message has no limit) */
	va_end(ap);
	text_clean(&b, buf_str(&msg), 0);	/* one line, nothing raw from a file */
	buf_free(&msg);
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n].level = level;
	p->v[p->n].msg = buf_take(&b);
	p->n++;
	if (level == PROBLEM_ERROR)
		p->nerrors++;
}

void
problems_free(struct problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].msg);
	free(p->v);
	p->v = NULL;
	p->n = p->nerrors = 0;
}
