/* fit.c - a text cut to a fixed array, visibly (see fit.h). */
#include "config.h"

#include <string.h>

#include "model/fit.h"

#define FIT_MARK "\xe2\x80\xa6"	/* U+2026: the text goes on */

int
fit_copy(char *to, size_t size, const char *s)
{
	size_t len = strlen(s), keep;

	if (size == 0)
		return len > 0;
	if (len < size) {
		memcpy(to, s, len + 1);
		return 0;
	}
	if (size < sizeof FIT_MARK) {
		to[0] = '\0';
		return 1;
	}
	keep = size - sizeof FIT_MARK;
	while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
		keep--;	/* not inside a UTF-8 character */
	memcpy(to, s, keep);
	memcpy(to + keep, FIT_MARK, sizeof FIT_MARK);
	return 1;
}
