/* tui_field.c - the one-line text field (t->addbuf), no screen but used by
 * two: the case list's new case reference and your name at the first
 * start (tui_name.c). */
#include "config.h"

#include <stdlib.h>
#include <wchar.h>

#include <curses.h>

#include "tui/tui.h"

void
tui_field_start(struct tui *t)
{
	t->addlen = 0;
	t->addbuf[0] = L'\0';
}

void
tui_field_text(const struct tui *t, char *out, size_t size)
{
	wcstombs(out, t->addbuf, size - 1);
	out[size - 1] = '\0';
}

enum tui_action
tui_field_key(struct tui *t, enum tui_context ctx, int is_code, int ch, size_t max,
    const char *too_long)
{
	enum tui_action a = tui_keys_lookup(ctx, ch, is_code);

	if (a == ACT_ERASE_BACK) {
		if (t->addlen > 0)
			t->addbuf[--t->addlen] = L'\0';
		return ACT_NONE;
	}
	if (a == ACT_NONE && !is_code && ch >= 0x20 && ch != 0x7f) {
		if (t->addlen >= max) {	/* said, not dropped unseen */
			tui_message(t, 1, "%s", too_long);
			return ACT_NONE;
		}
		t->addbuf[t->addlen++] = (wchar_t)ch;
		t->addbuf[t->addlen] = L'\0';
	}
	return a;
}

void
tui_field_draw(struct tui *t, int y, int x, int w, const char *label)
{
	char text[512];
	const char *shown = text;
	int lw = tui_width(label), room = w - lw - 1;

	tui_field_text(t, text, sizeof text);
	/* the end of what is typed, where the cursor is, always shows */
	while (*shown && tui_width(shown) > room - 1) {
		shown++;
		while ((*shown & 0xc0) == 0x80)	/* whole characters */
			shown++;
	}
	tui_fill(y, x, w);
	attron(A_BOLD);
	tui_put(y, x, lw, label);
	attroff(A_BOLD);
	tui_put(y, x + lw, room, shown);
	t->cury = y;
	t->curx = x + lw + tui_width(shown);
}
