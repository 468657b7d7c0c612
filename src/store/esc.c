/* esc.c - escaping of free-text values for INI files (see esc.h).
 *
 * The escaped form holds no '"', no byte below 0x20 and no 0x7f, so that
 * iniparser 4.1 keeps it whole inside "...", and every '\' in it starts one
 * of the sequences \\ \n \r \xHH. Decoding accepts exactly those (hex digits
 * in either case) and refuses anything else, so that a damaged value is
 * reported instead of being read as something the inspector never wrote.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/esc.h"
#include "base/text.h"

static const char esc_hex[] = "0123456789abcdef";

void
esc_encode(struct buf *out, const char *value)
{
	const unsigned char *p = (const unsigned char *)value;
	const unsigned char *run = p;
	char seq[4];

	/* make sure OUT holds a string even for an empty value */
	buf_add(out, "", 0);
	for (; *p != '\0'; p++) {
		if (esc_plain(*p))
			continue;
		/* copy the plain bytes before this one in one go */
		buf_add(out, run, (size_t)(p - run));
		run = p + 1;
		switch (*p) {
		case '\\':
			buf_add(out, "\\\\", 2);
			break;
		case '\n':
			buf_add(out, "\\n", 2);
			break;
		case '\r':
			buf_add(out, "\\r", 2);
			break;
		default:
			seq[0] = '\\';
			seq[1] = 'x';
			seq[2] = esc_hex[*p >> 4];
			seq[3] = esc_hex[*p & 0x0f];
			buf_add(out, seq, sizeof seq);
			break;
		}
	}
	buf_add(out, run, (size_t)(p - run));
}

static int
esc_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode the escape at P (a '\\' at byte OFF of the text) into *C;
 * returns its length, or 0 with E set. */
static size_t
esc_decode_one(const char *p, size_t off, char *c, struct err *e)
{
	int hi, lo;

	switch (p[1]) {
	case '\\':
		*c = '\\';
		return 2;
	case 'n':
		*c = '\n';
		return 2;
	case 'r':
		*c = '\r';
		return 2;
	case 'x':
		break;
	case '\0':
		err_set(e, "value ends in a lone '\\' (byte %zu)", off);
		return 0;
	default:
		if ((unsigned char)p[1] <= 0x20 || (unsigned char)p[1] >= 0x7f)
			err_set(e, "bad escape: '\\' followed by byte 0x%02x "
			    "at byte %zu", (unsigned char)p[1], off);
		else
			err_set(e, "bad escape \"\\%c\" at byte %zu (only \\\\ "
			    "\\n \\r \\xHH are allowed)", p[1], off);
		return 0;
	}
	if (p[2] == '\0' || p[3] == '\0') {
		err_set(e, "incomplete escape \"%s\" at byte %zu", p, off);
		return 0;
	}
	hi = esc_hexval((unsigned char)p[2]);
	lo = esc_hexval((unsigned char)p[3]);
	if (hi < 0 || lo < 0) {
		err_set(e, "bad escape \"%.4s\" at byte %zu (\\x needs two hex "
		    "digits)", p, off);
		return 0;
	}
	if (hi == 0 && lo == 0) {
		err_set(e, "escape \"\\x00\" at byte %zu: a value cannot hold "
		    "a NUL byte", off);
		return 0;
	}
	*c = (char)(hi << 4 | lo);
	return 4;
}

int
esc_decode(struct buf *out, const char *text, struct err *e)
{
	const char *p = text;
	const char *run = p;
	size_t n;
	char c;

	buf_add(out, "", 0);
	while (*p != '\0') {
		if (*p != '\\') {
			p++;
			continue;
		}
		buf_add(out, run, (size_t)(p - run));
		n = esc_decode_one(p, (size_t)(p - text) + 1, &c, e);
		if (n == 0)
			return -1;
		buf_addc(out, c);
		p += n;
		run = p;
	}
	buf_add(out, run, (size_t)(p - run));
	return 0;
}

/* Length of the escape sequence or byte that starts at TEXT. */
static size_t
esc_unit(const char *text)
{
	size_t n;

	if (text[0] != '\\')
		return 1;
	n = text[1] == 'x' ? 4 : 2;
	/* a malformed tail is never cut further than it goes */
	if (text[1] == '\0')
		return 1;
	if (n == 4 && (text[2] == '\0' || text[3] == '\0'))
		return text[2] == '\0' ? 2 : 3;
	return n;
}

size_t
esc_split_point(const char *text, size_t max)
{
	size_t at = 0, n;

	/* the longest prefix made of whole escape units */
	while (text[at] != '\0') {
		n = esc_unit(text + at);
		if (at + n > max)
			break;
		at += n;
	}
	if (text[at] == '\0')
		return at;

	/*
	 * Prefer not to cut a UTF-8 character in two either (a line of the
	 * file then stays valid UTF-8 in an editor): text_cut steps back to
	 * the character's lead byte, a raw byte, so never inside an escape.
	 * If it finds none (the bytes were not UTF-8), cut where the escapes
	 * allow: the chunks are joined byte for byte on reading, so the value
	 * is the same either way.
	 */
	return text_cut(text, at);
}
