/* tui_keys.h - every action of the terminal UI and the keys bound to it,
 * in one table. The dispatcher, the help screen and `yjinspect keys` (from
 * which the man page's key list is checked) all read this table, so they
 * cannot disagree. */
#ifndef YJ_TUI_KEYS_H
#define YJ_TUI_KEYS_H

#include <stddef.h>

/* X(NAME, description) */
#define TUI_ACTIONS(X) \
	X(QUIT, "quit (asks first below the top screen)") \
	X(LEVEL_UP, "back one level (as Esc); on the top screen, quit") \
	X(PANEL_MODE, "panel mode on or off: every case read-only") \
	X(UNLOCK, "panel mode: unlock one change (asks who and why)") \
	X(UNLOCK_OK, "unlock the next change, journaled with who and why") \
	X(HELP, "show the keys") \
	X(REDRAW, "redraw the screen") \
	X(UP, "previous item") \
	X(DOWN, "next item") \
	X(PREV_STD, "previous standard") \
	X(NEXT_STD, "next standard") \
	X(OPEN, "open the case at its next unanswered question") \
	X(BACK, "back to where the case was opened from") \
	X(ADD_CASE, "add a case") \
	X(YES, "answer Yes, then go to the next unanswered question") \
	X(NO, "answer No, then go to the next unanswered question") \
	X(NA, "answer N/A (prompts that allow it), then go on") \
	X(CLEAR, "clear this answer") \
	X(NEXT_UNANSWERED, "next unanswered question (a complete case: review)") \
	X(NEXT_CASE, "next case") \
	X(PREV_CASE, "previous case") \
	X(JUMP, "jump to a standard") \
	X(NOTES, "edit the note on this key question") \
	X(FACTS, "edit the case facts (they decide the questions)") \
	X(UNDO, "undo the last change") \
	X(FOCUS, "move between this screen and the ratings panel") \
	X(FIELD_NEXT, "next field") \
	X(FIELD_PREV, "previous field") \
	X(CHOICE_NEXT, "next choice (of those the other facts allow)") \
	X(CHOICE_PREV, "previous choice (of those the other facts allow)") \
	X(DONE, "done: save and close") \
	X(CLOSE, "close, back to where you were") \
	X(DISCARD, "close a note that could not be saved, discarding it") \
	X(PICK, "go to the chosen standard") \
	X(FACT_YES, "set this yes/no fact to Yes, then the next row") \
	X(FACT_NO, "set this yes/no fact to No, then the next row") \
	X(CLEAR_FACT, "clear this fact (not recorded)") \
	X(SCROLL_UP, "scroll up") \
	X(SCROLL_DOWN, "scroll down") \
	X(PAGE_UP, "a page up") \
	X(PAGE_DOWN, "a page down") \
	X(TOP, "to the first case") \
	X(BOTTOM, "to the last case (and the files left out)") \
	X(NEWLINE, "start a new line") \
	X(ERASE_BACK, "erase the character before the cursor") \
	X(ERASE_FWD, "erase the character under the cursor") \
	X(CURSOR_LEFT, "move the cursor left") \
	X(CURSOR_RIGHT, "move the cursor right") \
	X(LINE_UP, "move the cursor up a line") \
	X(LINE_DOWN, "move the cursor down a line") \
	X(LINE_START, "to the start of the line") \
	X(LINE_END, "to the end of the line") \
	X(ADD_CONFIRM, "add the case with the reference typed") \
	X(CANCEL, "cancel") \
	X(RATINGS, "the ratings page: every standard, down to the cases") \
	X(DRILL, "open the selected standard, key question or case") \
	X(PROMPTS, "show or hide the key question's prompts") \
	X(FILTER_YES, "only the cases judged Yes") \
	X(FILTER_NO, "only the cases judged No") \
	X(FILTER_ALL, "every case") \
	X(DECIDE, "a panel decision (a band, then why), or a judgement") \
	X(WITHDRAW, "withdraw the standard's panel decision (asks first)") \
	X(STRENGTHS, "edit the standard's strengths (a point a line)") \
	X(IMPROVEMENTS, "edit the standard's areas for improvement") \
	X(EVIDENCE, "edit the lead's evidence on a judged key question") \
	X(NAME_SAVE, "save your name: not asked again") \
	X(NAME_SKIP, "skip for now: asked again next time") \
	X(SYNC, "sync with the team: what went out and came in") \
	X(SETTLE, "open the conflict's question: answering settles it") \
	X(LOG, "the meeting's log: every change since it began")

enum tui_action {
	ACT_NONE = 0,
#define X(name, desc) ACT_##name,
	TUI_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* Where a key binding holds. */
enum tui_context {
	CTX_ALL,	/* everywhere but the text editors */
	CTX_LIST,	/* the case list */
	CTX_WALK,	/* the walk through a case */
	CTX_PANEL,	/* the ratings panel, when it has the focus */
	CTX_FACTS,	/* the case facts form */
	CTX_NOTES,	/* the note editor */
	CTX_JUMP,	/* the standard picker */
	CTX_HELP,	/* the help screen */
	CTX_TEXT,	/* typing a reference, a name (text goes in as typed) */
	CTX_ADD,	/* the new case's reference */
	CTX_NAME,	/* your name, asked at the first start */
	CTX_RATINGS,	/* the ratings page, a standard, a key question's cases */
	CTX_SYNC,	/* the sync report */
	CTX_UNLOCK,	/* the unlock form of panel mode (text goes in as typed) */
	CTX_LOG,	/* the meeting's log */
	CTX_COUNT
};

struct tui_binding {
	enum tui_context ctx;
	int key;		/* a character, or a KEY_* code when is_code */
	int is_code;
	const char *name;	/* as shown: "y", "Down", "Ctrl-L" */
	enum tui_action act;
};

extern const struct tui_binding tui_bindings[];
extern const size_t tui_nbindings;

/* The action for KEY (IS_CODE: a KEY_* code) in context CTX; bindings of
 * CTX are looked at first, then CTX_ALL (but not where text is typed:
 * CTX_NOTES, CTX_TEXT, CTX_ADD, CTX_NAME, CTX_UNLOCK, nor in CTX_HELP). */
enum tui_action tui_keys_lookup(enum tui_context ctx, int key, int is_code);
const char *tui_action_desc(enum tui_action a);
/* The name of the first key bound to A in context CTX ("p"), or "". */
const char *tui_action_key(enum tui_context ctx, enum tui_action a);
/* Why KEY (IS_CODE: a KEY_* code) does nothing in context CTX, into OUT
 * (SIZE bytes): bound in another context, "y does nothing here: it is
 * \"answer Yes, ...\" on the walk."; bound in CTX (the screen declined
 * it), "Enter does nothing here."; 0 and "" when no context binds it. */
int tui_keys_why(enum tui_context ctx, int key, int is_code, char *out, size_t size);
const char *tui_context_name(enum tui_context ctx);

/* Print the key table, a line per action and context:
 * "CONTEXT<TAB>KEYS<TAB>DESCRIPTION" (for `yjinspect keys`). */
void tui_keys_print(void *file);

#endif
