/* iniread.h - reading a data file (inspection.ini, a case file) section by
 * section while collecting every problem rather than stopping at the first,
 * as `yjinspect check` needs. Each problem is an error naming the file, the
 * line, the section and, where there is one, the key:
 *   "cases/c1.ini:12: [answers] 2.1.1: 'maybe' is not yes or no"
 */
#ifndef YJ_INIREAD_H
#define YJ_INIREAD_H

#include <stddef.h>

#include "store/ini.h"
#include "base/problems.h"

struct iniread {
	struct ini ini;		/* the file, loaded by the caller (ini_load) */
	struct problems *p;	/* where problems go (not owned) */
	size_t errors;		/* how many were added */
};

/* Add an error about [SEC] KEY (KEY may be NULL: the section). */
void iniread_err(struct iniread *r, const char *sec, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The unescaped text of SEC:KEY (a new string), or NULL when it is absent
 * or malformed (then an error is added). */
char *iniread_text(struct iniread *r, const char *sec, const char *key);
/* The same for a key the caller is walking through. */
char *iniread_key_text(struct iniread *r, const struct ini_section *s, const struct ini_key *k);

/* An "unknown key" error for each key of S not in ALLOWED (NULL-ended). */
void iniread_check_keys(struct iniread *r, const struct ini_section *s,
			const char *const *allowed);

#endif
