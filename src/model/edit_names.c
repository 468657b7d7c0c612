/* edit_names.c - what every change to an inspection's cases looks cases up
 * by, and checks a reference with: a case by file name, a reference well
 * made and not taken, and copies of texts that may be NULL (edit_parts.h).
 * It calls nothing else of edit's, so the other edit_*.c files all use it
 * and none of them needs another's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/edit.h"
#include "model/edit_parts.h"
#include "base/err.h"
#include "base/xalloc.h"

char *
edit_dup(const char *s)
{
	return s ? xstrdup(s) : NULL;
}


int
edit_same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}


int
edit_case_index(const struct inspection *in, const char *name)
{
	size_t lo = 0, hi = in->ncases;

	while (lo < hi) {	/* the cases are sorted by file name */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(in->cases[mid].name, name);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}


/* REF as a reference: -1 (E says why) if empty or too long. */
int
edit_reference_ok(const char *ref, struct err *e)
{
	size_t chars = 0;

	if (ref == NULL || *ref == '\0')
		return err_set(e, "a case needs a reference");
	for (const char *p = ref; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;	/* UTF-8 characters */
	if (chars > EDIT_REFERENCE_MAX)
		return err_set(e, "a reference is at most %d characters (this one has %zu)",
		    EDIT_REFERENCE_MAX, chars);
	return 0;
}


int
edit_reference_taken(const struct inspection *in, const char *ref, const struct case_file *self)
{
	for (size_t i = 0; i < in->ncases; i++)
		if (&in->cases[i] != self && in->cases[i].reference &&
		    strcmp(in->cases[i].reference, ref) == 0)
			return 1;
	return 0;
}
