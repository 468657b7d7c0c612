/* tui_lock.c - panel mode (see tui.h): at the panel meeting, on a
 * projector, no case is changed by a stray key. Every change to a case
 * (an answer, a fact, a note, a new case, the undo of one) asks
 * tui_lock_refused first; U opens a small form over the screen asking who
 * and why, and then exactly the next change is allowed, journaled as
 * "WHO (panel: WHY)" (case_journal_as), its answer's stamp the same; then
 * it is locked again. The unlock is used up by the first change tried,
 * whether it changed anything or not, by a cancel (an editor closed
 * unchanged, a new case not added), and by leaving the case. Decisions and findings are the panel's own work and
 * are never locked. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <curses.h>

#include "base/buf.h"
#include "model/case.h"
#include "tui/tui.h"
#include "base/xalloc.h"

#define LOCKED_SAY "Panel mode: read-only. U unlocks one change: who and why are asked."

static void
relock(struct tui *t)
{
	t->unlocked = 0;
	free(t->panel_who);
	t->panel_who = NULL;
	case_journal_as(NULL);
}

void
tui_lock_toggle(struct tui *t)
{
	if (t->panel_mode) {
		t->asking = TUI_ASK_PANEL_OFF;	/* one stray key must not end it */
		tui_message(t, 0, "Leave panel mode (every case open to changes again)? y/n");
		return;
	}
	t->panel_mode = 1;
	relock(t);
	tui_meeting_start(t);	/* the meeting begins (or resumes) */
	tui_message(t, 0, "Panel mode: every case is read-only. U unlocks one change; "
	    "P leaves panel mode.");
}

void
tui_lock_answer(struct tui *t, int yes)
{
	if (!yes) {
		tui_message(t, 0, "Still in panel mode.");
		return;
	}
	t->panel_mode = 0;
	t->unlock_open = 0;
	relock(t);
	tui_message(t, 0, "Panel mode off: cases can be changed again.");
}

int
tui_lock_locked(const struct tui *t)
{
	return t->panel_mode && !t->unlocked;
}

int
tui_lock_refused(struct tui *t)
{
	if (!tui_lock_locked(t))
		return 0;
	tui_message(t, 1, "%s", LOCKED_SAY);
	return 1;
}

const char *
tui_lock_who(const struct tui *t)
{
	return t->unlocked && t->panel_who ? t->panel_who : t->who;
}

void
tui_lock_used(struct tui *t)
{
	struct buf said = BUF_INIT;
	int error = t->msg_error;

	if (!t->panel_mode || !t->unlocked)
		return;
	buf_printf(&said, "Journaled as %s. Locked again (panel mode).", t->panel_who);
	relock(t);
	if (t->msg.len)
		tui_message(t, error, "%s %s", buf_str(&t->msg), buf_str(&said));
	else
		tui_message(t, error, "%s", buf_str(&said));
	buf_free(&said);
}

void
tui_lock_spent(struct tui *t, const char *why)
{
	if (!t->panel_mode || !t->unlocked)
		return;
	relock(t);
	if (t->msg.len)
		tui_message(t, t->msg_error, "%s Locked again (panel mode): %s.", buf_str(&t->msg),
		    why);
	else
		tui_message(t, 0, "Locked again (panel mode): %s.", why);
}

/* Is a case open: the walk, or a case's facts form, on top or under it? */
static int
case_open(const struct tui *t)
{
	if (t->screen == SCREEN_WALK || t->screen == SCREEN_FACTS)
		return 1;
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i] == SCREEN_WALK || t->stack[i] == SCREEN_FACTS)
			return 1;
	return 0;
}

void
tui_lock_follow(struct tui *t)
{
	if (!t->panel_mode || !t->unlocked)
		return;
	if (!case_open(t)) {
		if (t->unlock_ci >= 0)
			tui_lock_spent(t, "the case was left, nothing changed");
	} else if (t->unlock_ci < 0)
		t->unlock_ci = (long)t->ci;	/* unlocked before: this case's now */
	else if ((size_t)t->unlock_ci != t->ci)
		tui_lock_spent(t, "the case was left, nothing changed");
}

/* Field N set to the multibyte S (cut to what it holds) */
static void
field_set(struct tui *t, int n, const char *s)
{
	size_t len = mbstowcs(t->unlock_text[n], s ? s : "", 127);

	if (len == (size_t)-1)
		len = 0;
	t->unlock_text[n][len] = L'\0';
	t->unlock_len[n] = len;
}

void
tui_lock_open(struct tui *t)
{
	if (!t->panel_mode) {
		tui_message(t, 0, "Not in panel mode (P turns it on): nothing is locked.");
		return;
	}
	if (t->unlocked) {
		tui_message(t, 0, "Unlocked already: the next change is %s's.", t->panel_who);
		return;
	}
	field_set(t, 0, t->who);
	field_set(t, 1, "");
	t->unlock_row = 1;	/* who is there already: why is asked */
	t->unlock_open = 1;
}

/* Field N as UTF-8 into OUT, tabs and line breaks (none can be typed, but
 * the name comes from a file) as spaces, blanks at either end cut */
static void
field_text(const struct tui *t, int n, struct buf *out)
{
	char mb[MB_LEN_MAX + 1];
	size_t start = out->len;

	for (size_t i = 0; i < t->unlock_len[n]; i++) {
		wchar_t c = t->unlock_text[n][i];
		size_t k = wctomb(mb, c == L'\t' || c == L'\n' || c == L'\r' ? L' ' : c);

		if (k != (size_t)-1)
			buf_add(out, mb, k);
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->data[--out->len] = '\0';
	while (out->len > start && out->data[start] == ' ') {
		memmove(out->data + start, out->data + start + 1, out->len - start);
		out->len--;
	}
}

static void
unlock(struct tui *t)
{
	struct buf who = BUF_INIT, why = BUF_INIT;

	field_text(t, 0, &who);
	field_text(t, 1, &why);
	if (why.len == 0) {
		t->unlock_row = 1;
		tui_message(t, 1, "Why is needed: the journal keeps it with the change.");
	} else {
		free(t->panel_who);
		t->panel_who = xasprintf("%s (panel: %s)", who.len ? buf_str(&who) : t->who,
		    buf_str(&why));
		t->unlocked = 1;
		t->unlock_open = 0;
		t->unlock_ci = case_open(t) ? (long)t->ci : -1;
		case_journal_as(t->panel_who);
		tui_message(t, 0, "Unlocked for one change, journaled as %s. Then locked again.",
		    t->panel_who);
	}
	buf_free(&who);
	buf_free(&why);
}

int
tui_lock_input(struct tui *t, int is_code, int ch)
{
	int n = t->unlock_row;

	if (!t->unlock_open)
		return 0;
	switch (tui_keys_lookup(CTX_UNLOCK, ch, is_code)) {
	case ACT_UNLOCK_OK:
		if (n == 0)
			t->unlock_row = 1;
		else
			unlock(t);
		break;
	case ACT_FIELD_NEXT:
	case ACT_FIELD_PREV:
		t->unlock_row = !n;
		break;
	case ACT_CANCEL:
		t->unlock_open = 0;
		tui_message(t, 0, "Not unlocked: every case is still read-only.");
		break;
	case ACT_ERASE_BACK:
		if (t->unlock_len[n] > 0)
			t->unlock_text[n][--t->unlock_len[n]] = L'\0';
		break;
	default:
		/* (printable only: no C0 or C1 control gets into the journal) */
		if (!is_code && iswprint((wint_t)ch)) {
			if (t->unlock_len[n] + 1 < sizeof t->unlock_text[n] / sizeof(wchar_t)) {
				t->unlock_text[n][t->unlock_len[n]++] = (wchar_t)ch;
				t->unlock_text[n][t->unlock_len[n]] = L'\0';
			} else
				tui_message(t, 1, "That is as long as it can be.");
		}
	}
	return 1;
}

/* The field at (Y, X), W columns: its last W - 1 (its end, where the
 * cursor is); returns the cursor's column */
static int
field_draw(struct tui *t, int n, int y, int x, int w)
{
	const wchar_t *s = t->unlock_text[n];
	size_t from = 0;
	int width = 0;
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < t->unlock_len[n]; i++)
		width += wcwidth(s[i]) > 0 ? wcwidth(s[i]) : 0;
	while (width >= w && from < t->unlock_len[n]) {
		width -= wcwidth(s[from]) > 0 ? wcwidth(s[from]) : 0;
		from++;
	}
	for (size_t i = from; i < t->unlock_len[n]; i++) {
		char mb[MB_LEN_MAX + 1];
		size_t k = wctomb(mb, s[i]);

		if (k != (size_t)-1)
			buf_add(&b, mb, k);
	}
	attron(A_UNDERLINE);
	tui_fill(y, x, w);
	tui_put(y, x, w, buf_str(&b));
	attroff(A_UNDERLINE);
	buf_free(&b);
	return x + width;
}

void
tui_lock_draw(struct tui *t)
{
	int w = t->cols - 8 < 72 ? t->cols - 8 : 72, h = 7;
	int y = t->main.y + 2, x = (t->cols - w) / 2, fx = x + 8, fw = w - 10;
	int cx[2];

	if (!t->unlock_open)
		return;
	attron(A_BOLD);
	for (int i = 0; i < h; i++)
		tui_fill(y + i, x, w);
	attroff(A_BOLD);
	tui_hline(t, y, x, w);
	tui_hline(t, y + h - 1, x, w);
	tui_vline(t, y, x, h);
	tui_vline(t, y, x + w - 1, h);
	attron(A_BOLD);
	tui_put(y, x + 2, w - 4, " Unlock one change to a case (panel mode) ");
	attroff(A_BOLD);
	tui_put(y + 2, x + 2, 6, "Who:");
	cx[0] = field_draw(t, 0, y + 2, fx, fw);
	tui_put(y + 3, x + 2, 6, "Why:");
	cx[1] = field_draw(t, 1, y + 3, fx, fw);
	attron(tui_attr(t, TA_DIM));
	tui_put(y + 5, x + 2, w - 4, "Enter unlocks  Tab who/why  Esc cancels");
	attroff(tui_attr(t, TA_DIM));
	t->cury = y + 2 + t->unlock_row;
	t->curx = cx[t->unlock_row];
}

const char *
tui_lock_hint(const struct tui *t)
{
	(void)t;
	return "Type who and why  Enter unlocks one change  Tab who/why  Esc cancels";
}

const char *
tui_lock_mark(const struct tui *t)
{
	return !t->panel_mode ? "" : t->unlocked ? "PANEL \xc2\xb7 unlocked: one change " :
	    "PANEL \xc2\xb7 read-only ";
}

void
tui_lock_free(struct tui *t)
{
	relock(t);
}
