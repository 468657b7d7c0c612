/* inikeep.h - a person's comments in an INI file, kept through a save that
 * writes the file anew. No curses.
 *
 * A save builds the file's text afresh from what the program holds
 * (iniw.h), which knows nothing of the comment lines a person added by
 * hand. inikeep takes the file's previous text OLD and the newly written
 * NEW and puts OLD's comment lines back into NEW, by what they stood by:
 *   - a comment line is one whose first byte that is not white space is
 *     ';' or '#'; a run of them (blank lines between allowed) is a block;
 *   - a block goes with the next [section] or key line after it: before
 *     that section's line, or before that key's line (KEY~N counts as
 *     KEY); but a block followed by a blank line and then a [section]
 *     line stays at the end of the section it is in, and a block with no
 *     section nor key line after it stays at the end of the file;
 *   - a block whose key NEW no longer has goes to the end of its section;
 *     one whose section NEW no longer has, to the end of the file;
 *   - a comment after a value on a key line ("key = yes ; checked", which
 *     iniparser reads as "yes") is put on a comment line of its own,
 *     before the key's line;
 *   - a comment line NEW or SKIP holds already is not put back (the
 *     writer's own, such as its first line; two lines that differ only
 *     in their ';' or '#' and the white space around it are the same);
 *   - blank lines are NEW's: OLD's are not kept.
 * So a block stands where it stood through any number of saves, never
 * doubled. A line keeps its words, less the white space around them, made
 * one that ini.h reads back: control bytes other than tab become spaces,
 * a final '\' gets " ;" after it, and a line over INIKEEP_LINE_MAX bytes
 * goes on in further comment lines. Comments are not keys: a case's
 * journal (journal.h) does not record them.
 */
#ifndef YJ_INIKEEP_H
#define YJ_INIKEEP_H

#include <stddef.h>

#define INIKEEP_LINE_MAX 900

/* NEW with OLD's comments put back, as a new string of *LEN bytes (free
 * it); or NULL when OLD has none to put back (then NEW is the text, as
 * it is, and *LEN untouched). OLD and SKIP may be NULL. */
char *inikeep(const char *old, const char *new, const char *skip, size_t *len);

#endif
