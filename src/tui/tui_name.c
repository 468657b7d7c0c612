/* tui_name.c - your name, asked once, at the first start, before the first
 * screen (see tui.h): a short welcome and a one-line field (tui_list.c's),
 * Enter saving the name in the settings file (settings.h), Esc skipping. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "store/settings.h"
#include "tui/tui.h"
#include "store/user.h"

#define NAME_LABEL "Your name, as your answers will be stamped: "

/* The settings file's path into BUF, under HOME as ~/...: shorter, and as
 * the reader would type it */
static const char *
file_shown(char *buf, size_t size)
{
	char *path = settings_path();
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;

	if (path == NULL)
		snprintf(buf, size, "(nowhere)");
	else if (hl > 1 && strncmp(path, home, hl) == 0 && path[hl] == '/')
		snprintf(buf, size, "~%s", path + hl);
	else
		snprintf(buf, size, "%s", path);
	free(path);
	return buf;
}

int
tui_name_wanted(struct tui *t)
{
	struct user u;
	struct err e;
	char *path = settings_path();
	int rc = user_lookup(&u, &e), ask;

	free(t->who);
	t->who = u.name;
	if (rc < 0)	/* said, not asked: a name typed could not be kept */
		tui_message(t, 1, "Your settings file cannot be read: %s. Your answers are "
		    "stamped '%s'.", e.msg, t->who);
	ask = rc == 0 && u.source == USER_LOGIN && path != NULL;
	free(path);
	if (ask)
		tui_field_start(t);
	return ask;
}

static void
name_draw(struct tui *t, void *st)
{
	(void)st;
	char line[1024], file[512];
	int x = 2, w = t->cols - 4, y = 2, last = t->status.y - 2;

	attron(A_BOLD);
	tui_put(y, x, w, "Welcome to yjinspect.");
	attroff(A_BOLD);
	y += 2;
	snprintf(line, sizeof line, "Each answer you give, case you add and panel decision you "
	    "record carries your name. Type it once: it is kept in %s ('yjinspect config' "
	    "changes it).", file_shown(file, sizeof file));
	y += tui_wrap(y, x, w, last - y, line) + 1;
	snprintf(line, sizeof line, "Esc skips for now: your answers are stamped '%s' this "
	    "time, and you are asked again next time.", t->who);
	y += tui_wrap(y, x, w, last - y, line) + 1;
	if (w - tui_width(NAME_LABEL) < 24) {	/* narrow: the field under its label */
		y = y > last - 1 ? last - 1 : y;
		attron(A_BOLD);
		tui_put(y++, x, w, NAME_LABEL);
		attroff(A_BOLD);
		tui_field_draw(t, y, x, w, "");
	} else
		tui_field_draw(t, y > last ? last : y, x, w, NAME_LABEL);
}

static int
name_input(struct tui *t, void *st, int is_code, int ch, struct tui_go *go)
{
	char too_long[64], name[512], file[512];
	enum tui_action a;
	struct err e;

	(void)st;
	snprintf(too_long, sizeof too_long, "A name is at most %d characters.", SETTINGS_NAME_MAX);
	a = tui_field_key(t, CTX_NAME, is_code, ch, SETTINGS_NAME_MAX, too_long);
	if (a == ACT_NAME_SAVE) {
		tui_field_text(t, name, sizeof name);
		if (settings_set(SETTINGS_NAME, name, &e) < 0) {	/* asked again */
			tui_message(t, 1, "NOT SAVED: %s", e.msg);
			return 1;
		}
		free(t->who);
		t->who = user_name();
		tui_message(t, 0, "Your name, %s, is saved in %s ('yjinspect config' changes it).",
		    t->who, file_shown(file, sizeof file));
		go->kind = GO_RESTORE;
	} else if (a == ACT_NAME_SKIP) {
		tui_message(t, 0, "Skipped: your answers are stamped '%s' this time; your name is "
		    "asked again next time.", t->who);
		go->kind = GO_RESTORE;
	}
	return 1;
}

static const char *
name_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "Enter saves your name  Esc skips for now  Backspace erases";
}

const struct tui_screen_ops tui_name_screen = {
	.name = "name", .context = CTX_NAME, .hint = name_hint, .draw = name_draw,
	.input = name_input,
};
