/* esc.h - escaping of free-text values for INI files read by iniparser 4.1.
 *
 * iniparser keeps a value written in double quotes up to the next '"', cuts
 * an unquoted one at ';' or '#', and breaks on raw newlines. yjinspect writes
 * every free-text value as "..." with:
 *   '\' -> "\\"   newline -> "\n"   CR -> "\r"   '"' -> "\x22"
 *   any other byte below 0x20, and 0x7f -> "\xHH"
 * Bytes 0x80-0xff (UTF-8) are written as they are.
 */
#ifndef YJ_ESC_H
#define YJ_ESC_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/* Is byte C written as it is (not escaped) by esc_encode? */
static inline int
esc_plain(unsigned char c)
{
	return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
}

/* Append the escaped form of VALUE (without the surrounding quotes) to OUT. */
void esc_encode(struct buf *out, const char *value);

/* Append the value that escaped TEXT (quotes already removed by iniparser)
 * stands for to OUT. Returns -1 with a message on a malformed escape
 * ("\q", a short "\x4", "\x00"); OUT is then unspecified. */
int esc_decode(struct buf *out, const char *text, struct err *e);

/* Length of the longest prefix of escaped TEXT, at most MAX bytes, that does
 * not cut an escape sequence in two (used to split long values). Where it
 * can, it also avoids cutting a UTF-8 character in two, by stepping back at
 * most three bytes. The result is the whole of TEXT when that fits, and is
 * above 0 whenever TEXT is not empty and MAX >= 4. */
size_t esc_split_point(const char *text, size_t max);

#endif
