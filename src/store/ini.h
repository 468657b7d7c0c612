/* ini.h - reading INI files: iniparser 4.1 plus a pre-scan of the raw text.
 *
 * iniparser alone silently merges duplicate sections and keys, has no line
 * numbers, prints its errors to stderr and fails a whole file on a line of
 * 1,023 bytes or more. ini_load first reads the file itself and refuses, with
 * "PATH:LINE: problem":
 *   - a line of 1,000 bytes or more (the writer never makes one);
 *   - a key=value line before any section, or a line that is neither blank,
 *     a comment (';' or '#'), a [section] nor key = value;
 *   - a duplicate section, or a duplicate key within a section
 *     (names compared lower-cased, as iniparser does);
 *   - a file of more than 16 MiB or 20,000 sections and keys (iniparser
 *     would take minutes over it; yjinspect's files are far smaller);
 * and only then hands the file to iniparser, whose own error messages are
 * captured (never printed) and turned into the error.
 * A missing file, a directory, an unreadable file: "PATH: problem".
 *
 * The pre-scan follows iniparser's line rules (a line ending in '\' goes
 * on to the next one) and also refuses what iniparser 4.1 would silently
 * read as something else: a NUL byte, a UTF-8 byte order mark, a comment
 * ending in '\' (the next line would vanish into it), a last line ending
 * in '\' (dropped), "[]" and section names holding ']' or ':', a quoted
 * value without its closing quote or with text after it (cut short), a '~'
 * in a key other than KEY~N, and a KEY~N without KEY and KEY~2..KEY~(N-1).
 * iniparser's result must then list the same sections and keys, or the
 * file is refused. A file replaced while it is read (a save is a rename)
 * is read again.
 *
 * Section and key names are lower-cased (as iniparser does). The section
 * and key lists keep file order; continuation keys (KEY~2, KEY~3, ... see
 * iniw.h) are not listed as keys of their own.
 */
#ifndef YJ_INI_H
#define YJ_INI_H

#include <stddef.h>
#include <sys/stat.h>

#include "base/err.h"

struct ini_key {
	char *name;	/* lower-cased, owned */
	int line;	/* 1-based line in the file */
	const char *value;	/* as iniparser read it (quotes removed, not
				 * unescaped); owned by the dictionary */
	const char **more;	/* the values of KEY~2, KEY~3, ... in order */
	size_t nmore;
};

struct ini_section {
	char *name;	/* lower-cased, owned */
	int line;
	struct ini_key *keys;	/* file order, continuation keys left out */
	size_t nkeys;
};

struct ini {
	char *path;			/* owned copy, used in messages */
	struct ini_section *secs;	/* file order */
	size_t nsecs;
	void *dict;			/* the iniparser dictionary (opaque here) */
	void *index;			/* while loading: a hash of the names */
	struct stat st;			/* the file as it was read (fstat of the
					 * descriptor it was read from) */
};

/* Load PATH. On success fills INI (free with ini_free); on failure INI
 * holds nothing to free and E says what and where. Safe to call from
 * several threads at once (each with its own struct ini). */
int ini_load(struct ini *ini, const char *path, struct err *e);
void ini_free(struct ini *ini);

/* The section NAME (lower-case), or NULL. */
const struct ini_section *ini_section(const struct ini *ini, const char *name);

/* The value of SEC:KEY as iniparser read it (quotes removed, nothing
 * unescaped, continuations not joined), or NULL when absent. */
const char *ini_get(const struct ini *ini, const char *sec, const char *key);

/* The value of SEC:KEY unescaped (esc.h) with its continuations KEY~2,
 * KEY~3, ... joined. *OUT is a new string (free it), or NULL when the key is
 * absent. Returns -1 with "PATH: [SEC] KEY: problem" on a bad escape. */
int ini_get_text(const struct ini *ini, const char *sec, const char *key,
		 char **out, struct err *e);

/* The value of key K of section S unescaped, its continuations joined:
 * as ini_get_text, for a caller that walks a section's keys (no lookup). */
int ini_key_text(const struct ini *ini, const struct ini_section *s,
		 const struct ini_key *k, char **out, struct err *e);

/* The line of SEC:KEY (or of [SEC] when KEY is NULL); 0 when unknown
 * (and for a continuation key KEY~N, which is not listed). */
int ini_line(const struct ini *ini, const char *sec, const char *key);

#endif
