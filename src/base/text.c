/* text.c - clean, measure and wrap UTF-8 text (see text.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* Length of the valid UTF-8 sequence at S, 0 if invalid; *CP gets it. */
static size_t
utf8_seq(const unsigned char *s, unsigned *cp)
{
	size_t n;
	unsigned c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xe0) == 0xc0) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

void
text_clean(struct buf *out, const char *s, int keep_newlines)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned cp;
		size_t n;

		if (*p >= 0x20 && *p < 0x7f) {	/* a run of printable ASCII at once */
			const unsigned char *q = p;

			while (*q >= 0x20 && *q < 0x7f)
				q++;
			buf_add(out, p, (size_t)(q - p));
			p = q;
			continue;
		}
		n = utf8_seq(p, &cp);

		if (n == 0) {
			buf_addc(out, '?');
			p++;
			continue;
		}
		if (cp == '\n' && keep_newlines)
			buf_addc(out, '\n');
		else if (cp == '\n' || cp == '\t')
			buf_addc(out, ' ');
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			buf_addc(out, '?');
		else
			buf_add(out, p, n);
		p += n;
	}
}

void
text_vsay(FILE *out, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, b = BUF_INIT;

	buf_vprintf(&raw, fmt, ap);
	text_clean(&b, buf_str(&raw), 0);
	buf_addc(&b, '\n');
	fwrite(b.data, 1, b.len, out);
	buf_free(&raw);
	buf_free(&b);
}

void
text_say(FILE *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	text_vsay(out, fmt, ap);
	va_end(ap);
}

size_t
text_width(const char *s)
{
	size_t w = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			w++;
	return w;
}

size_t
text_cut(const char *s, size_t max)
{
	size_t best = max;

	for (int n = 0; n < 3 && best > 0; n++) {
		if (((unsigned char)s[best] & 0xc0) != 0x80)
			break;
		best--;
	}
	if (best > 0 && best < max && ((unsigned char)s[best] & 0xc0) == 0xc0)
		return best;
	return max;
}

int
text_copy(char *dst, size_t size, const char *s)
{
	size_t len = strlen(s), n, mark = sizeof TEXT_CUT - 1;

	if (len < size) {
		memcpy(dst, s, len + 1);
		return 0;
	}
	if (size <= mark + 1)
		mark = 0;
	n = text_cut(s, size - 1 - mark);
	if (n < 4 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n = 0;	/* not even the first character fits: the mark alone */
	memcpy(dst, s, n);
	memcpy(dst + n, TEXT_CUT, mark);
	dst[n + mark] = '\0';
	return 1;
}

size_t
text_fit(const char *s, size_t cols)
{
	size_t w = 0, i = 0;

	while (s[i]) {
		size_t n = 1;

		while ((s[i + n] & 0xc0) == 0x80)
			n++;
		if (w + 1 > cols)
			break;
		w++;
		i += n;
	}
	return i;
}

char **
text_wrap(const char *s, size_t width)
{
	char **lines = xcalloc(1, sizeof *lines);
	size_t n = 0;
	struct buf line = BUF_INIT;
	size_t lw = 0;

	if (width < 1)
		width = 1;
	while (*s) {
		const char *w = s;
		size_t wl, ww;

		if (*s == ' ') {
			s++;
			continue;
		}
		while (*s && *s != ' ')
			s++;
		wl = (size_t)(s - w);
		{
			char *word = xstrndup(w, wl);

			ww = text_width(word);
			free(word);
		}
		if (lw > 0 && lw + 1 + ww > width) {
			lines = xrealloc(lines, (n + 2) * sizeof *lines);
			lines[n++] = buf_take(&line);
			lw = 0;
		}
		while (ww > width) {	/* a word longer than a line: cut it */
			char *word = xstrndup(w, wl);
			size_t cut = text_fit(word, width - (lw ? lw + 1 : 0));

			free(word);
			if (cut == 0) {
				lines = xrealloc(lines, (n + 2) * sizeof *lines);
				lines[n++] = buf_take(&line);
				lw = 0;
				continue;
			}
			if (lw)
				buf_addc(&line, ' ');
			buf_add(&line, w, cut);
			lines = xrealloc(lines, (n + 2) * sizeof *lines);
			lines[n++] = buf_take(&line);
			lw = 0;
			w += cut;
			wl -= cut;
			{
				char *rest = xstrndup(w, wl);

				ww = text_width(rest);
				free(rest);
			}
		}
		if (lw)
			buf_addc(&line, ' ');
		buf_add(&line, w, wl);
		lw += (lw ? 1 : 0) + ww;
	}
	if (lw > 0 || n == 0) {
		lines = xrealloc(lines, (n + 2) * sizeof *lines);
		lines[n++] = buf_take(&line);
	}
	buf_free(&line);
	lines[n] = NULL;
	return lines;
}

void
text_lines_free(char **lines)
{
	for (size_t i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
}
