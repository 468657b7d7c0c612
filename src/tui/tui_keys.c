/* tui_keys.c - the key table (see tui_keys.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "tui/tui_keys.h"

#define CTRL(c) ((c) & 0x1f)
#define K(ctx, ch, name, act) { ctx, ch, 0, name, ACT_##act }
#define C(ctx, code, name, act) { ctx, code, 1, name, ACT_##act }

const struct tui_binding tui_bindings[] = {
	/* everywhere */
	K(CTX_ALL, 'q', "q", LEVEL_UP),
	K(CTX_ALL, 'Q', "Q", QUIT),
	K(CTX_ALL, 'P', "P", PANEL_MODE),
	K(CTX_ALL, 'U', "U", UNLOCK),
	K(CTX_ALL, '?', "?", HELP),
	C(CTX_ALL, KEY_F(1), "F1", HELP),
	K(CTX_ALL, CTRL('l'), "Ctrl-L", REDRAW),
	K(CTX_ALL, 'r', "r", RATINGS),

	/* the case list */
	K(CTX_LIST, 'k', "k", UP),
	C(CTX_LIST, KEY_UP, "Up", UP),
	K(CTX_LIST, 'j', "j", DOWN),
	C(CTX_LIST, KEY_DOWN, "Down", DOWN),
	C(CTX_LIST, KEY_PPAGE, "PgUp", PAGE_UP),
	C(CTX_LIST, KEY_NPAGE, "PgDn", PAGE_DOWN),
	K(CTX_LIST, 'g', "g", TOP),
	C(CTX_LIST, KEY_HOME, "Home", TOP),
	K(CTX_LIST, 'G', "G", BOTTOM),
	C(CTX_LIST, KEY_END, "End", BOTTOM),
	K(CTX_LIST, '\n', "Enter", OPEN),
	K(CTX_LIST, '\r', "Enter", OPEN),
	C(CTX_LIST, KEY_ENTER, "Enter", OPEN),
	K(CTX_LIST, 'l', "l", OPEN),
	C(CTX_LIST, KEY_RIGHT, "Right", OPEN),
	K(CTX_LIST, 'a', "a", ADD_CASE),
	K(CTX_LIST, 'f', "f", FACTS),
	K(CTX_LIST, 'u', "u", UNDO),
	K(CTX_LIST, '\t', "Tab", FOCUS),
	K(CTX_LIST, '=', "=", SYNC),

	/* the walk */
	K(CTX_WALK, 'y', "y", YES),
	K(CTX_WALK, 'Y', "Y", YES),	/* Caps Lock on: the same */
	K(CTX_WALK, 'n', "n", NO),
	K(CTX_WALK, 'N', "N", NO),
	K(CTX_WALK, 'x', "x", NA),
	K(CTX_WALK, 'X', "X", NA),
	K(CTX_WALK, '-', "-", CLEAR),
	K(CTX_WALK, 'k', "k", UP),
	C(CTX_WALK, KEY_UP, "Up", UP),
	K(CTX_WALK, 'j', "j", DOWN),
	C(CTX_WALK, KEY_DOWN, "Down", DOWN),
	C(CTX_WALK, KEY_PPAGE, "PgUp", PREV_STD),
	C(CTX_WALK, KEY_NPAGE, "PgDn", NEXT_STD),
	K(CTX_WALK, '\n', "Enter", NEXT_UNANSWERED),
	K(CTX_WALK, '\r', "Enter", NEXT_UNANSWERED),
	C(CTX_WALK, KEY_ENTER, "Enter", NEXT_UNANSWERED),
	K(CTX_WALK, ' ', "Space", NEXT_UNANSWERED),
	K(CTX_WALK, ']', "]", NEXT_CASE),
	K(CTX_WALK, '[', "[", PREV_CASE),
	K(CTX_WALK, 's', "s", JUMP),
	K(CTX_WALK, 'e', "e", NOTES),
	K(CTX_WALK, 'f', "f", FACTS),
	K(CTX_WALK, 'u', "u", UNDO),
	K(CTX_WALK, '\t', "Tab", FOCUS),
	K(CTX_WALK, 'h', "h", BACK),
	C(CTX_WALK, KEY_LEFT, "Left", BACK),
	K(CTX_WALK, 27, "Esc", BACK),

	/* the ratings panel */
	K(CTX_PANEL, 'k', "k", SCROLL_UP),
	C(CTX_PANEL, KEY_UP, "Up", SCROLL_UP),
	K(CTX_PANEL, 'j', "j", SCROLL_DOWN),
	C(CTX_PANEL, KEY_DOWN, "Down", SCROLL_DOWN),
	K(CTX_PANEL, '\t', "Tab", FOCUS),
	K(CTX_PANEL, 27, "Esc", FOCUS),

	/* the case facts form */
	C(CTX_FACTS, KEY_DOWN, "Down", FIELD_NEXT),
	K(CTX_FACTS, '\t', "Tab", FIELD_NEXT),
	C(CTX_FACTS, KEY_UP, "Up", FIELD_PREV),
	C(CTX_FACTS, KEY_BTAB, "Shift-Tab", FIELD_PREV),
	C(CTX_FACTS, KEY_RIGHT, "Right", CHOICE_NEXT),
	K(CTX_FACTS, ' ', "Space", CHOICE_NEXT),
	C(CTX_FACTS, KEY_LEFT, "Left", CHOICE_PREV),
	K(CTX_FACTS, 'y', "y", FACT_YES),
	K(CTX_FACTS, 'n', "n", FACT_NO),
	K(CTX_FACTS, '-', "-", CLEAR_FACT),
	K(CTX_FACTS, '\n', "Enter", DONE),
	K(CTX_FACTS, '\r', "Enter", DONE),
	C(CTX_FACTS, KEY_ENTER, "Enter", DONE),
	K(CTX_FACTS, 27, "Esc", DONE),
	K(CTX_FACTS, 'u', "u", UNDO),

	/* the note editor (text goes in as typed) */
	K(CTX_NOTES, 27, "Esc", DONE),
	K(CTX_NOTES, CTRL('s'), "Ctrl-S", DONE),
	C(CTX_NOTES, KEY_F(2), "F2", DONE),
	K(CTX_NOTES, CTRL('x'), "Ctrl-X", DISCARD),
	K(CTX_NOTES, CTRL('l'), "Ctrl-L", REDRAW),
	K(CTX_NOTES, '\n', "Enter", NEWLINE),
	K(CTX_NOTES, '\r', "Enter", NEWLINE),
	C(CTX_NOTES, KEY_ENTER, "Enter", NEWLINE),
	C(CTX_NOTES, KEY_BACKSPACE, "Backspace", ERASE_BACK),
	K(CTX_NOTES, 0x7f, "Backspace", ERASE_BACK),
	K(CTX_NOTES, CTRL('h'), "Backspace", ERASE_BACK),
	C(CTX_NOTES, KEY_DC, "Delete", ERASE_FWD),
	C(CTX_NOTES, KEY_LEFT, "Left", CURSOR_LEFT),
	C(CTX_NOTES, KEY_RIGHT, "Right", CURSOR_RIGHT),
	C(CTX_NOTES, KEY_UP, "Up", LINE_UP),
	C(CTX_NOTES, KEY_DOWN, "Down", LINE_DOWN),
	C(CTX_NOTES, KEY_HOME, "Home", LINE_START),
	C(CTX_NOTES, KEY_END, "End", LINE_END),

	/* a text field of the facts form (Up, Down, Tab, Enter, Esc: as there) */
	C(CTX_TEXT, KEY_BACKSPACE, "Backspace", ERASE_BACK),
	K(CTX_TEXT, 0x7f, "Backspace", ERASE_BACK),
	K(CTX_TEXT, CTRL('h'), "Backspace", ERASE_BACK),
	C(CTX_TEXT, KEY_DC, "Delete", ERASE_FWD),
	C(CTX_TEXT, KEY_LEFT, "Left", CURSOR_LEFT),
	C(CTX_TEXT, KEY_RIGHT, "Right", CURSOR_RIGHT),
	C(CTX_TEXT, KEY_HOME, "Home", LINE_START),
	C(CTX_TEXT, KEY_END, "End", LINE_END),

	/* the new case's reference */
	K(CTX_ADD, '\n', "Enter", ADD_CONFIRM),
	K(CTX_ADD, '\r', "Enter", ADD_CONFIRM),
	C(CTX_ADD, KEY_ENTER, "Enter", ADD_CONFIRM),
	K(CTX_ADD, 27, "Esc", CANCEL),
	C(CTX_ADD, KEY_BACKSPACE, "Backspace", ERASE_BACK),
	K(CTX_ADD, 0x7f, "Backspace", ERASE_BACK),
	K(CTX_ADD, CTRL('h'), "Backspace", ERASE_BACK),

	/* your name, asked at the first start (text goes in as typed) */
	K(CTX_NAME, '\n', "Enter", NAME_SAVE),
	K(CTX_NAME, '\r', "Enter", NAME_SAVE),
	C(CTX_NAME, KEY_ENTER, "Enter", NAME_SAVE),
	K(CTX_NAME, 27, "Esc", NAME_SKIP),
	C(CTX_NAME, KEY_BACKSPACE, "Backspace", ERASE_BACK),
	K(CTX_NAME, 0x7f, "Backspace", ERASE_BACK),
	K(CTX_NAME, CTRL('h'), "Backspace", ERASE_BACK),

	/* the standard picker */
	K(CTX_JUMP, 'k', "k", UP),
	C(CTX_JUMP, KEY_UP, "Up", UP),
	K(CTX_JUMP, 'j', "j", DOWN),
	C(CTX_JUMP, KEY_DOWN, "Down", DOWN),
	K(CTX_JUMP, '\n', "Enter", PICK),
	K(CTX_JUMP, '\r', "Enter", PICK),
	C(CTX_JUMP, KEY_ENTER, "Enter", PICK),
	K(CTX_JUMP, 27, "Esc", CLOSE),
	K(CTX_JUMP, 'q', "q", CLOSE),	/* as in the help: q closes what is over the walk */

	/* the help screen */
	K(CTX_HELP, 'k', "k", SCROLL_UP),
	C(CTX_HELP, KEY_UP, "Up", SCROLL_UP),
	K(CTX_HELP, 'j', "j", SCROLL_DOWN),
	C(CTX_HELP, KEY_DOWN, "Down", SCROLL_DOWN),
	C(CTX_HELP, KEY_NPAGE, "PgDn", PAGE_DOWN),
	C(CTX_HELP, KEY_PPAGE, "PgUp", PAGE_UP),
	K(CTX_HELP, 27, "Esc", CLOSE),
	K(CTX_HELP, 'q', "q", CLOSE),
	K(CTX_HELP, '?', "?", CLOSE),

	/* the ratings page and its drill-down */
	K(CTX_RATINGS, 'k', "k", UP),
	C(CTX_RATINGS, KEY_UP, "Up", UP),
	K(CTX_RATINGS, 'j', "j", DOWN),
	C(CTX_RATINGS, KEY_DOWN, "Down", DOWN),
	C(CTX_RATINGS, KEY_NPAGE, "PgDn", PAGE_DOWN),
	K(CTX_RATINGS, ' ', "Space", PAGE_DOWN),
	C(CTX_RATINGS, KEY_PPAGE, "PgUp", PAGE_UP),
	K(CTX_RATINGS, '\n', "Enter", DRILL),
	K(CTX_RATINGS, '\r', "Enter", DRILL),
	C(CTX_RATINGS, KEY_ENTER, "Enter", DRILL),
	K(CTX_RATINGS, 'l', "l", DRILL),
	C(CTX_RATINGS, KEY_RIGHT, "Right", DRILL),
	K(CTX_RATINGS, 27, "Esc", CLOSE),
	K(CTX_RATINGS, 'h', "h", CLOSE),
	C(CTX_RATINGS, KEY_LEFT, "Left", CLOSE),
	K(CTX_RATINGS, 'p', "p", PROMPTS),
	K(CTX_RATINGS, 'y', "y", FILTER_YES),
	K(CTX_RATINGS, 'n', "n", FILTER_NO),
	K(CTX_RATINGS, 'a', "a", FILTER_ALL),
	K(CTX_RATINGS, 'd', "d", DECIDE),
	K(CTX_RATINGS, 'D', "D", WITHDRAW),
	K(CTX_RATINGS, 'u', "u", UNDO),
	K(CTX_RATINGS, 'S', "S", STRENGTHS),
	K(CTX_RATINGS, 'I', "I", IMPROVEMENTS),
	K(CTX_RATINGS, 'e', "e", EVIDENCE),
	K(CTX_RATINGS, '=', "=", SYNC),
	K(CTX_RATINGS, 'L', "L", LOG),

	/* the sync report */
	K(CTX_SYNC, 'k', "k", UP),
	C(CTX_SYNC, KEY_UP, "Up", UP),
	K(CTX_SYNC, 'j', "j", DOWN),
	C(CTX_SYNC, KEY_DOWN, "Down", DOWN),
	K(CTX_SYNC, '\n', "Enter", SETTLE),
	K(CTX_SYNC, '\r', "Enter", SETTLE),
	C(CTX_SYNC, KEY_ENTER, "Enter", SETTLE),
	K(CTX_SYNC, '=', "=", SYNC),
	K(CTX_SYNC, 27, "Esc", CLOSE),
	K(CTX_SYNC, 'q', "q", CLOSE),	/* as in the help: q closes what is over the list */

	/* the unlock form of panel mode (text goes in as typed) */
	K(CTX_UNLOCK, '\n', "Enter", UNLOCK_OK),
	K(CTX_UNLOCK, '\r', "Enter", UNLOCK_OK),
	C(CTX_UNLOCK, KEY_ENTER, "Enter", UNLOCK_OK),
	K(CTX_UNLOCK, '\t', "Tab", FIELD_NEXT),
	C(CTX_UNLOCK, KEY_DOWN, "Down", FIELD_NEXT),
	C(CTX_UNLOCK, KEY_BTAB, "Shift-Tab", FIELD_PREV),
	C(CTX_UNLOCK, KEY_UP, "Up", FIELD_PREV),
	K(CTX_UNLOCK, 27, "Esc", CANCEL),
	C(CTX_UNLOCK, KEY_BACKSPACE, "Backspace", ERASE_BACK),
	K(CTX_UNLOCK, 0x7f, "Backspace", ERASE_BACK),
	K(CTX_UNLOCK, CTRL('h'), "Backspace", ERASE_BACK),
	/* the meeting's log */
	K(CTX_LOG, 'k', "k", SCROLL_UP),
	C(CTX_LOG, KEY_UP, "Up", SCROLL_UP),
	K(CTX_LOG, 'j', "j", SCROLL_DOWN),
	C(CTX_LOG, KEY_DOWN, "Down", SCROLL_DOWN),
	C(CTX_LOG, KEY_PPAGE, "PgUp", PAGE_UP),
	C(CTX_LOG, KEY_NPAGE, "PgDn", PAGE_DOWN),
	K(CTX_LOG, 27, "Esc", CLOSE),
	K(CTX_LOG, 'q', "q", CLOSE),	/* as in the help: q closes what is over the page */
};

const size_t tui_nbindings = sizeof tui_bindings / sizeof tui_bindings[0];

static const char *const action_desc[] = {
	"",
#define X(name, desc) desc,
	TUI_ACTIONS(X)
#undef X
};

enum tui_action
tui_keys_lookup(enum tui_context ctx, int key, int is_code)
{
	for (int pass = 0; pass < 2; pass++) {
		enum tui_context want = pass == 0 ? ctx : CTX_ALL;

		if (pass == 1 && (ctx == CTX_NOTES || ctx == CTX_HELP || ctx == CTX_TEXT ||
		    ctx == CTX_ADD || ctx == CTX_NAME || ctx == CTX_UNLOCK))
			break;
		for (size_t i = 0; i < tui_nbindings; i++)
			if (tui_bindings[i].ctx == want && tui_bindings[i].key == key &&
			    tui_bindings[i].is_code == is_code)
				return tui_bindings[i].act;
	}
	return ACT_NONE;
}

const char *
tui_action_desc(enum tui_action a)
{
	return (a > ACT_NONE && a < ACT_COUNT) ? action_desc[a] : "";
}

const char *
tui_action_key(enum tui_context ctx, enum tui_action a)
{
	for (size_t i = 0; i < tui_nbindings; i++)
		if (tui_bindings[i].ctx == ctx && tui_bindings[i].act == a)
			return tui_bindings[i].name;
	return "";
}

int
tui_keys_why(enum tui_context ctx, int key, int is_code, char *out, size_t size)
{
	const struct tui_binding *other = NULL;

	if (size)
		out[0] = '\0';
	for (size_t i = 0; i < tui_nbindings; i++) {
		const struct tui_binding *b = &tui_bindings[i];

		if (b->key != key || b->is_code != is_code)
			continue;
		if (b->ctx == ctx || b->ctx == CTX_ALL) {
			snprintf(out, size, "%s does nothing here.", b->name);
			return 1;
		}
		if (other == NULL)
			other = b;
	}
	if (other == NULL)
		return 0;
	snprintf(out, size, "%s does nothing here: it is \"%s\" on the %s.", other->name,
	    tui_action_desc(other->act), tui_context_name(other->ctx));
	return 1;
}

const char *
tui_context_name(enum tui_context ctx)
{
	static const char *const names[] = { "most screens", "case list", "walk",
	    "ratings panel", "case facts", "note editor", "standard picker", "help",
	    "text field", "new case reference", "your name", "ratings page", "sync report",
	    "unlock form", "meeting log" };

	return names[ctx];
}

void
tui_keys_print(void *file)
{
	FILE *out = file;

	for (int ctx = CTX_ALL; ctx < CTX_COUNT; ctx++) {
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			char keys[128] = "";
			int n = 0;

			for (size_t i = 0; i < tui_nbindings; i++) {
				const struct tui_binding *b = &tui_bindings[i];

				if (b->ctx != (enum tui_context)ctx || b->act != (enum tui_action)a)
					continue;
				if (strstr(keys, b->name) != NULL &&
				    (strlen(keys) == strlen(b->name) ||
				     strstr(keys, b->name)[strlen(b->name)] == ',' ||
				     strstr(keys, b->name)[strlen(b->name)] == '\0'))
					continue;	/* the same name twice (Enter) */
				snprintf(keys + strlen(keys), sizeof keys - strlen(keys), "%s%s",
				    n++ ? ", " : "", b->name);
			}
			if (n)
				fprintf(out, "%s\t%s\t%s\n", tui_context_name((enum tui_context)ctx),
				    keys, tui_action_desc((enum tui_action)a));
		}
	}
}
