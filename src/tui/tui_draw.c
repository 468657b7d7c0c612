/* tui_draw.c - drawing helpers for the terminal UI (see tui.h): safe text,
 * widths, wrapping, band symbols, bars, colours. Every string that comes
 * from a file is cleaned here (text_clean) before it reaches the terminal,
 * so control characters and escape sequences are never written raw. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "base/buf.h"
#include "base/symbol.h"
#include "base/text.h"
#include "tui/tui.h"
#include "base/xalloc.h"

/* Whether the terminal takes UTF-8; else a mark of the UTF-8 set is drawn
 * as its ASCII mark and any other character as one '?', rather than as
 * mojibake that breaks the layout. */
static int draw_utf8 = 1;

/* colour pairs */
enum { PAIR_TITLE = 1, PAIR_ERROR, PAIR_OK, PAIR_BAND0 /* ... + band */ };

void
tui_draw_init(struct tui *t)
{
	const char *nc = getenv("NO_COLOR");

	draw_utf8 = t->utf8;
	t->colour = has_colors() && (nc == NULL || *nc == '\0');
	if (!t->colour)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_ERROR, COLOR_RED, -1);
	init_pair(PAIR_OK, COLOR_GREEN, -1);
	init_pair(PAIR_BAND0 + 0, COLOR_RED, -1);
	init_pair(PAIR_BAND0 + 1, COLOR_YELLOW, -1);
	init_pair(PAIR_BAND0 + 2, COLOR_GREEN, -1);
	init_pair(PAIR_BAND0 + 3, COLOR_CYAN, -1);
}

int
tui_attr(const struct tui *t, int which)
{
	switch (which) {
	case TA_TITLE:
		return t->colour ? (int)(COLOR_PAIR(PAIR_TITLE) | A_BOLD) : (int)A_REVERSE;
	case TA_DIM:
		return t->colour ? (int)A_DIM : (int)A_NORMAL;
	case TA_SEL:
		return (int)A_REVERSE;
	case TA_ERROR:
		return t->colour ? (int)(COLOR_PAIR(PAIR_ERROR) | A_BOLD) : (int)A_BOLD;
	case TA_OK:
		return t->colour ? (int)COLOR_PAIR(PAIR_OK) : (int)A_NORMAL;
	}
	return A_NORMAL;
}

int
tui_band_attr(const struct tui *t, int band)
{
	if (!t->colour || band < 0)
		return A_NORMAL;
	return (int)COLOR_PAIR(PAIR_BAND0 + (band > 3 ? 3 : band));
}

/* The band symbols: told apart by shape, not only colour (symbol.h). */
const char *
tui_band_symbol(const struct tui *t, int band)
{
	return symbol_band(t->utf8, band);
}

const char *
tui_sym(const struct tui *t, enum symbol s)
{
	return symbol(t->utf8, s);
}

/* The length of the UTF-8 character at S by its lead byte (1 for a byte
 * that starts none): what stands for one character where only ASCII can
 * be shown */
static int
utf8_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;

	for (int i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/* The ASCII for the typographic quotes and dashes of a framework's text
 * at S (’ as '), else "?": no mark, so not in the table of marks */
static const char *
typographic(const char *s)
{
	static const struct { const char *utf8, *ascii; } t[] = {
		{ "\xe2\x80\x98", "'" }, { "\xe2\x80\x99", "'" },	/* ‘ ’ */
		{ "\xe2\x80\x9c", "\"" }, { "\xe2\x80\x9d", "\"" },	/* “ ” */
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strncmp(s, t[i].utf8, strlen(t[i].utf8)) == 0)
			return t[i].ascii;
	return "?";
}

/* Width of one UTF-8 character at S (its length in *LEN). */
static int
char_width(const char *s, int *len)
{
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	if ((unsigned char)*s < 0x80) {	/* ASCII: one column */
		*len = 1;
		return 1;
	}
	if (!draw_utf8) {	/* drawn as its ASCII mark, or one '?' */
		size_t mlen;
		const char *a = symbol_ascii_for(s, &mlen);

		*len = a ? (int)mlen : utf8_len(s);
		return a ? (int)strlen(a) : (int)strlen(typographic(s));
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*len = 1;
		return 1;
	}
	*len = (int)n;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int
tui_width(const char *s)
{
	int w = 0, len;

	while (*s) {
		w += char_width(s, &len);
		s += len;
	}
	return w;
}

static const char *
cleaned(const char *s)
{
	static struct buf b;

	buf_reset(&b);
	text_clean(&b, s ? s : "", 0);
	return buf_str(&b);
}

int
tui_put(int y, int x, int w, const char *s)
{
	const char *c = cleaned(s);
	int used = 0, len;

	if (w <= 0)
		return 0;
	move(y, x);
	while (*c) {
		int cw;

		if ((unsigned char)*c < 0x80) {
			/* a run of ASCII put in the cells at once, in the
			 * attributes set (as addstr would: there is no
			 * background set), the cursor moved on after it */
			chtype cells[256];
			chtype attrs = (chtype)getattrs(stdscr);
			int run = 0, cy, cx, room;

			getyx(stdscr, cy, cx);
			room = COLS - cx;	/* (addchnstr stops at the edge, and so do we) */
			while (c[run] && (unsigned char)c[run] < 0x80 && used + run < w &&
			    run < room && run < (int)(sizeof cells / sizeof *cells)) {
				cells[run] = (chtype)(unsigned char)c[run] | attrs;
				run++;
			}
			if (run == 0)
				break;
			addchnstr(cells, run);
			used += run;
			c += run;
			if (cx + run >= COLS)
				break;
			move(cy, cx + run);
			continue;
		}
		cw = char_width(c, &len);

		if (used + cw > w)
			break;
		if (!draw_utf8 && (unsigned char)*c >= 0x80) {
			/* a mark written in UTF-8 in the program's own text
			 * drawn as its ASCII mark (symbol.h), anything else
			 * as one '?' */
			size_t n;
			const char *a = symbol_ascii_for(c, &n);

			addstr(a ? a : typographic(c));
			used += cw;
			c += len;
			continue;
		}
		addnstr(c, len);
		used += cw;
		c += len;
	}
	return used;
}

void
tui_cut(struct buf *out, const char *s, int w)
{
	const char *c = cleaned(s);
	const char *more = symbol(draw_utf8, SYM_CUT);
	int mw = tui_width(more);
	int whole = tui_width(c) <= w, room = whole || w <= mw ? w : w - mw, used = 0, len;

	while (*c) {
		int cw = char_width(c, &len);

		if (used + cw > room)
			break;
		buf_add(out, c, (size_t)len);
		used += cw;
		c += len;
	}
	if (!whole && w > mw)
		buf_adds(out, more);
}

int
tui_put_cut(int y, int x, int w, const char *s)
{
	struct buf cut = BUF_INIT;
	int used;

	tui_cut(&cut, s, w);
	used = tui_put(y, x, w, buf_str(&cut));
	buf_free(&cut);
	return used;
}

int
tui_wrap(int y, int x, int w, int maxrows, const char *s)
{
	char **lines;
	int n = 0;

	if (w < 1)
		return 0;
	lines = text_wrap(cleaned(s), (size_t)w);
	for (; lines[n]; n++)
		if (n < maxrows)
			tui_put(y + n, x, w, lines[n]);
	text_lines_free(lines);
	return n;
}

void
tui_focus(struct tui *t, int y, int x)
{
	if (t->cury >= 0 || y < 0 || x < 0 || y >= t->rows || x >= t->cols)
		return;
	t->cury = y;
	t->curx = x;
}

void
tui_fill(int y, int x, int w)
{
	if (w > 0)
		mvhline(y, x, ' ', w);
}

/* A cell of WC in the attributes and colour set now (the line calls take
 * a cell's own, as addstr took the window's) */
static cchar_t
cell(wchar_t wc)
{
	const wchar_t s[2] = { wc, 0 };
	attr_t a;
	short pair;
	cchar_t c;

	attr_get(&a, &pair, NULL);
	setcchar(&c, s, a & ~(attr_t)A_COLOR, pair, NULL);
	return c;
}

/* A bar of W cells for PERCENT: '█' (or '#') filled, '░' (or '-') empty,
 * as two runs of cells. */
void
tui_bar(const struct tui *t, int y, int x, int w, int percent, int band)
{
	int fill = percent < 0 ? 0 : (percent * w + 50) / 100;
	cchar_t full, empty;

	if (fill > w)
		fill = w;
	attron(tui_band_attr(t, band));
	full = cell(t->utf8 ? 0x2588 : L'#');
	empty = cell(t->utf8 ? 0x2591 : L'-');
	attroff(tui_band_attr(t, band));
	if (fill > 0)
		mvhline_set(y, x, &full, fill);
	if (w - fill > 0)
		mvhline_set(y, x + fill, &empty, w - fill);
}

/* Lines drawn as characters, not the alternate character set: some
 * terminals (and terminal multiplexers) show ACS as letters. */
void
tui_hline(const struct tui *t, int y, int x, int w)
{
	cchar_t c;

	if (w <= 0)
		return;
	c = cell(t->utf8 ? 0x2500 : L'-');	/* ─ */
	mvhline_set(y, x, &c, w);
}

void
tui_vline(const struct tui *t, int y, int x, int h)
{
	cchar_t c = cell(t->utf8 ? 0x2502 : L'|');	/* │ */

	mvvline_set(y, x, &c, h);
}
