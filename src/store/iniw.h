/* iniw.h - the INI writer: builds the text of an INI file in memory.
 *
 * Values go through esc.h and are always quoted ("key = \"...\""), except
 * through iniw_raw, which is for ids and words that need no quoting
 * (yes, no, na, band ids, dates) and refuses anything else. A value whose
 * escaped form is longer than INIW_CHUNK bytes is split over KEY, KEY~2,
 * KEY~3, ... so that no line reaches iniparser's 1,023-byte limit; ini.h
 * joins them again on reading.
 *
 * Section and key names are at most 64 bytes of printable ASCII without
 * space = ; # " ' \ [ ] ~ : and are written lower-cased (iniparser reads them
 * so). A key comes after a section, and no section, nor key within one
 * section, may be written twice. Breaking these rules is a bug in the
 * caller: iniw prints it to stderr and aborts, rather than build a file
 * that ini_load would refuse (and that save_file would put in place of the
 * last good one). Every line iniw writes is under 1,000 bytes.
 */
#ifndef YJ_INIW_H
#define YJ_INIW_H

#include "base/buf.h"

#define INIW_CHUNK 900

struct iniw {
	struct buf text;	/* the file so far; owned */
	long sec;		/* where the current section's line starts, or -1 */
	unsigned *keys;		/* the hashes of its keys so far (a table of
				 * CAPKEYS, a power of two, 0 free); owned */
	size_t nkeys, capkeys;
};

void iniw_init(struct iniw *w);
void iniw_free(struct iniw *w);

/* "; TEXT" lines (TEXT may hold newlines; each line gets its "; ").
 * Control bytes become spaces; a line over 900 bytes goes on the next. */
void iniw_comment(struct iniw *w, const char *text);
/* A blank line (when not at the start) and "[NAME]". NAME must be a valid
 * section name: no ']', no newline, no ':'. */
void iniw_section(struct iniw *w, const char *name);
/* key = "escaped value", split over KEY~N when long. */
void iniw_str(struct iniw *w, const char *key, const char *value);
/* key = word, for values matching [A-Za-z0-9_.:+-]* ; anything else is
 * written quoted as by iniw_str. */
void iniw_raw(struct iniw *w, const char *key, const char *value);
void iniw_int(struct iniw *w, const char *key, long value);

/* The text built so far (NUL-terminated). */
const char *iniw_text(const struct iniw *w);
size_t iniw_len(const struct iniw *w);

#endif
