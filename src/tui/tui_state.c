/* tui_state.c - what every screen may use of the state the screens share
 * (see tui.h): the status line's message, the ratings worked out again, the
 * place saved, and the stack of screens. It calls no screen and not the
 * loop, so any screen may call it. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "store/place.h"
#include "tui/tui.h"

void
tui_message(struct tui *t, int error, const char *fmt, ...)
{
	struct buf said = BUF_INIT;
	const char *p, *from;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&said, fmt, ap);	/* whole, however long */
	va_end(ap);
	buf_reset(&t->msg);
	/* files of the folder on screen by their names in it ("cases/X.ini"):
	 * a long path would push the reason off the status line */
	p = from = buf_str(&said);
	if (t->in.dir && t->in.dir[0]) {
		size_t dl = strlen(t->in.dir);

		while ((p = strstr(p, t->in.dir)) != NULL) {
			/* a path where one begins, not the end of another word */
			int starts = p == buf_str(&said) || strchr(" '\"(:", p[-1]) != NULL;

			if (starts && p[dl] == '/') {
				buf_add(&t->msg, from, (size_t)(p - from));
				p = from = p + dl + 1;
			} else
				p += dl;
		}
	}
	buf_adds(&t->msg, from);
	buf_free(&said);
	t->msg_error = error;
	t->msg_sync = 0;
}

void
tui_recompute(struct tui *t)
{
	rate_free(&t->rate);
	rate_compute(&t->rate, &t->in);
	t->rate_gen++;	/* the ratings pages see it when next drawn */
}

void
tui_recompute_case(struct tui *t, size_t ci)
{
	rate_update(&t->rate, &t->in, ci);
	t->rate_gen++;	/* the ratings pages see it when next drawn */
}

void
tui_save_place(struct tui *t)
{
	struct place p = { NULL, NULL, NULL };
	struct err e;

	{
		/* the list or walk nearest the top (not a help screen, a form,
		 * the ratings pages over it) */
		enum tui_screen base = SCREEN_LIST;

		for (int i = t->depth; i >= 0; i--) {
			enum tui_screen s = i == t->depth ? t->screen : t->stack[i];

			if (s == SCREEN_LIST || s == SCREEN_WALK) {
				base = s;
				break;
			}
		}

		p.screen = (char *)(uintptr_t)(base == SCREEN_LIST ? "list" : "walk");
	}
	if (t->in.ncases > 0) {
		p.case_name = t->in.cases[t->ci].name;
		if (t->item >= 0)
			p.item = (char *)(uintptr_t)t->walk.items[t->item].id;
	}
	place_save(t->in.dir, t->who, &p, &e);	/* losing the place loses no answer */
}

void
tui_push(struct tui *t, enum tui_screen s)
{
	if (t->depth == TUI_STACK) {	/* (never so deep: the oldest goes) */
		memmove(t->stack, t->stack + 1, (TUI_STACK - 1) * sizeof *t->stack);
		t->depth--;
	}
	t->stack[t->depth++] = t->screen;
	t->screen = s;
}

void
tui_pop(struct tui *t)
{
	t->screen = t->depth > 0 ? t->stack[--t->depth] : SCREEN_LIST;
}

void
tui_home(struct tui *t)
{
	t->depth = 0;
	t->screen = SCREEN_LIST;
}

enum tui_screen
tui_under(const struct tui *t)
{
	return t->depth > 0 ? t->stack[t->depth - 1] : SCREEN_LIST;
}

void
tui_set_under(struct tui *t, enum tui_screen s)
{
	if (t->depth > 0)
		t->stack[t->depth - 1] = s;
	else
		t->stack[t->depth++] = s;
}
