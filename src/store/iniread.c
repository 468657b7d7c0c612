/* iniread.c - reading a data file while collecting problems (see iniread.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/iniread.h"

void
iniread_err(struct iniread *r, const char *sec, const char *key, const char *fmt, ...)
{
	struct buf what = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&what, fmt, ap);
	va_end(ap);
	if (key)
		problems_add(r->p, PROBLEM_ERROR, "%s:%d: [%s] %s: %s", r->ini.path,
		    ini_line(&r->ini, sec, key), sec, key, buf_str(&what));
	else
		problems_add(r->p, PROBLEM_ERROR, "%s:%d: [%s] %s", r->ini.path,
		    ini_line(&r->ini, sec, NULL), sec, buf_str(&what));
	buf_free(&what);
	r->errors++;
}

char *
iniread_text(struct iniread *r, const char *sec, const char *key)
{
	struct err e;
	char *v = NULL;

	if (ini_get_text(&r->ini, sec, key, &v, &e) < 0) {
		problems_add(r->p, PROBLEM_ERROR, "%s", e.msg);
		r->errors++;
		return NULL;
	}
	return v;
}

char *
iniread_key_text(struct iniread *r, const struct ini_section *s, const struct ini_key *k)
{
	struct err e;
	char *v = NULL;

	if (ini_key_text(&r->ini, s, k, &v, &e) < 0) {
		problems_add(r->p, PROBLEM_ERROR, "%s", e.msg);
		r->errors++;
		return NULL;
	}
	return v;
}

void
iniread_check_keys(struct iniread *r, const struct ini_section *s, const char *const *allowed)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		size_t j;

		for (j = 0; allowed[j] && strcmp(allowed[j], s->keys[i].name) != 0; j++)
			;
		if (allowed[j] == NULL)
			iniread_err(r, s->name, s->keys[i].name, "unknown key");
	}
}
