/* tui.h - the terminal UI: the inspector's walk through each case with the
 * live ratings panel. It reads the model (insp, rate, walk) and changes it
 * only through edit.h; it computes no ratings of its own.
 *
 * Internals shared by the tui_*.c files: struct tui holds what the screens
 * share (the inspection, ratings, walk order, undo, current case, layout,
 * message, the folder's stamps); each screen is one row of the table of
 * screens (struct tui_screen_ops, tui_screens.c) and keeps its own state in
 * a struct of its own file, which the loop makes and gives to its ops. A
 * screen calls no other screen and not the loop: its key and input return
 * what must happen (struct tui_go: open a screen, back, home, a case) and
 * the loop (tui.c) does it. Draw ops compute no ratings and write no
 * files; they do keep their own view state (scroll positions, and the
 * facts form's ncurses field, which has to be posted where the row is
 * drawn). The loop owns curses setup and teardown, input, resize and
 * signals, the folder re-read (tui_sync.c says what it found), and draws
 * after each event.
 */
#ifndef YJ_TUI_H
#define YJ_TUI_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "base/buf.h"
#include "base/symbol.h"
#include "model/edit.h"
#include "model/insp.h"
#include "model/rate.h"
#include "tui/tui_keys.h"
#include "model/walk.h"

/* Run the UI on the inspection in DIR; returns the exit status. PANEL:
 * in panel mode (tui_lock.c), on the ratings page. */
int tui_run(const char *dir, int panel);

/* ---- internals ---- */

/* The screens: each is one row of the table of screens (tui_screens.c,
 * struct tui_screen_ops). The one on top is t->screen; those it returns to
 * wait under it on t->stack (tui_push, tui_pop), so drilling down several
 * screens comes back the same way. */
enum tui_screen { SCREEN_LIST, SCREEN_WALK, SCREEN_FACTS, SCREEN_NOTES, SCREEN_JUMP,
	SCREEN_HELP, SCREEN_RATINGS, SCREEN_STANDARD, SCREEN_KQCASES, SCREEN_NAME, SCREEN_SYNC, SCREEN_LOG, SCREEN_COUNT };
#define TUI_STACK 16

/* What a screen's key or text input asks of the loop (tui.c), which does it
 * once the screen has returned: a screen opens no other screen itself. */
enum tui_go_kind {
	GO_NONE,
	GO_FACTS,	/* the current case's facts form, over the screen on top
			 * (TO 1: over the walk put in its place, a case just
			 * added: the form, done, opens the walk) */
	GO_NOTE,	/* the note editor on key question N */
	GO_RATIONALE,	/* the editor for a decision moving standard N to band TO,
			 * resting on key question KQ (NULL: none), from TEXT */
	GO_FINDINGS,	/* the editor for standard N's strengths (TO 0), areas
			 * for improvement (1), or the lead's evidence on key
			 * question N of a judged standard (2) */
	GO_JUMP,	/* the standard picker, at standard N */
	GO_OPEN,	/* case N in the walk at item TO (-1: where tui_open_case
			 * puts it), in place of the screen on top */
	GO_CASE,	/* the same over the screen on top: Esc comes back to it */
	GO_RESTORE,	/* the screen and case where this inspector was last */
	GO_PUSH,	/* screen SCREEN opened over the one on top (its open op
			 * given this request) */
	GO_POP,		/* back to the screen under the top */
	GO_HOME,	/* the case list, with nothing under it */
};
struct tui_go {
	enum tui_go_kind kind;
	size_t n;	/* (the help's open is given the key context, enum
			 * tui_context, of the screen it opens over) */
	int to;
	const char *kq, *text;	/* (the folder's strings, read before it changes) */
	enum tui_screen screen;	/* GO_PUSH's */
	int settle;	/* GO_POP's: back on the walk, its item settled
			 * (tui_case_settle); 2: and the place saved */
	int place;	/* GO_POP's and GO_HOME's: the place saved after */
};

#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 18

struct tui_rect {
	int y, x, h, w;
};

struct tui_stamp {	/* a file as stat(2) last saw it (tui_sync.c) */
	unsigned long long dev, ino, size;
	long long sec, nsec, csec, cnsec;
};

struct tui;

struct tui {
	struct inspection in;
	struct rate rate;
	unsigned rate_gen;	/* moved by each tui_recompute(_case) */
	struct walk walk;
	struct edit_undo undo;
	char *who;		/* the inspector's name for answer stamps */

	enum tui_screen screen;		/* on top */
	enum tui_screen stack[TUI_STACK];	/* under it, the last one next */
	int depth;
	size_t ci;		/* current case (valid when in.ncases > 0) */
	int item;		/* current walk item, -1 = none */
	int list_sel;		/* case list: the row selected */
	int adding;		/* the case list is asking for a new reference */
	wchar_t addbuf[128];	/* the one-line text field (tui_field_*): that
				 * reference, or your name (SCREEN_NAME) */
	size_t addlen;
	int panel_top;		/* ratings panel scroll */
	int panel_focus;

	void *state[SCREEN_COUNT];	/* each screen's own, of a struct its file
					 * alone knows: made (zeroed) and freed by
					 * the loop from its row's state_size */

	/* layout, from (rows, cols) in tui_layout */
	int rows, cols;
	int too_small;
	struct tui_rect main, panel, status;
	int side_by_side;

	/* a case that was on screen when it became unreadable (an editor's
	 * write caught half done): still watched, to be read again when it
	 * changes where it is (tui_sync.c); NULL when none */
	char *lost_path;
	struct tui_stamp seen_lost;
	char *lost_item;	/* the walk item it was on, while no key has been
				 * pressed since: read again, the walk returns there */
	struct tui_stamp seen_insp, seen_cases, seen_current;	/* the folder after
						 * our last key (tui_sync.c) */
	int cases_racy;		/* the cases folder's stamp was taken within the
				 * file system's clock tick of its change: another
				 * rename in that tick would not move it, so its
				 * names are compared too, until the tick is past */
	unsigned long long cases_names;	/* their fingerprint then */

	int cury, curx;		/* where the text cursor goes, -1: hidden */
	int colour;		/* colours in use */
	int utf8;		/* the terminal takes UTF-8 */
	struct buf msg;		/* status line message, whole (tui_message) */
	int msg_error;
	int msg_sync;		/* it says the folder cannot be read again */
	int asking;		/* a y/n question on the status line: TUI_ASK_* */

	/* panel mode (tui_lock.c): every case read-only but for one change
	 * at a time, unlocked with who and why */
	int panel_mode;
	int unlocked;		/* the next change to a case is allowed */
	char *panel_who;	/* "NAME (panel: WHY)" it is journaled as */
	long unlock_ci;		/* the case it was unlocked in, -1: none yet */
	int unlock_open;	/* the unlock form is over the screen */
	int unlock_row;		/* its field with the keys: 0 who, 1 why */
	wchar_t unlock_text[2][128];	/* who, why */
	size_t unlock_len[2];
};

enum { TUI_ASK_NONE, TUI_ASK_QUIT, TUI_ASK_PANEL_OFF };

/* One row of the table of screens (tui_screens.c): what the loop (tui.c)
 * calls for the screen. Every op is given the screen's own state, ST (of
 * STATE_SIZE bytes, zeroed at the start, or SHARES's: pages of one screen);
 * a NULL op is nothing to do. A screen's ops call no other screen and not
 * the loop: what must happen next they put in GO. */
struct tui_screen_ops {
	const char *name;
	enum tui_context context;	/* its keys */
	int panel;		/* the ratings panel is drawn beside it; 2: and
				 * Tab gives the panel the keys (CTX_PANEL) */
	size_t state_size;
	const struct tui_screen_ops *shares;	/* whose state it has, or NULL */
	/* the status line's hint when no message */
	const char *(*hint)(const struct tui *t, void *st);
	/* the title line (NULL, or nothing put in LINE: the case's, with the
	 * panel, else the folder's) */
	void (*title)(const struct tui *t, void *st, struct buf *line);
	/* 1: drawn over the screen under it (which opened it), that screen
	 * drawn first and no ratings panel; NULL or 0: drawn alone */
	int (*over)(const struct tui *t, void *st);
	/* opened by the request ARG: 1 to go on top (0: not opened, the
	 * message says why) */
	int (*open)(struct tui *t, void *st, const struct tui_go *arg);
	void (*draw)(struct tui *t, void *st);
	/* the screen's keys: 1 when taken */
	int (*key)(struct tui *t, void *st, enum tui_action a, struct tui_go *go);
	/* keys typed into the screen, before the key table: 1 when taken */
	int (*input)(struct tui *t, void *st, int is_code, int ch, struct tui_go *go);
	/* closed by the loop (before the help or the ratings, or an undo):
	 * what is typed saved; it stays on the stack */
	void (*leave)(struct tui *t, void *st);
	/* the program ends: what is typed saved, or put in SAID to print once
	 * the terminal is restored; -1 when that is a failure */
	int (*quit)(struct tui *t, void *st, struct buf *said);
	/* the folder was read again with another framework */
	void (*reread)(struct tui *t, void *st);
	/* the terminal's size changed */
	void (*resize)(struct tui *t, void *st);
	/* a redraw due with no key (a highlight fading)? */
	int (*tick)(struct tui *t, void *st);
	/* what ST holds freed (not ST), at the end */
	void (*free)(void *st);
};

/* tui_screens.c: the table, a row for each enum tui_screen */
extern const struct tui_screen_ops *const tui_screens[SCREEN_COUNT];
extern const struct tui_screen_ops tui_list_screen, tui_walk_screen, tui_facts_screen,
	tui_notes_screen, tui_jump_screen, tui_help_screen, tui_ratings_screen,
	tui_standard_screen, tui_kqcases_screen, tui_name_screen, tui_team_screen,
	tui_log_screen;

/* tui_state.c: no screen and not the loop, so any screen may call it */
/* The ratings worked out again from the whole folder; t->rate_gen moves,
 * so what a screen worked out from them (the ratings pages' what-if) is
 * worked out again when next drawn. */
void tui_recompute(struct tui *t);
/* After a change to case CI only (an answer, a fact): the ratings updated
 * by that case's difference (rate_update), whatever the folder's size. */
void tui_recompute_case(struct tui *t, size_t ci);
void tui_message(struct tui *t, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* S on top; the screen on top now waits under it. */
void tui_push(struct tui *t, enum tui_screen s);
/* Back to the screen under the top (the case list when none). */
void tui_pop(struct tui *t);
/* The case list, with nothing under it: where a screen goes when what it
 * showed is gone (a case no longer there, nothing applying to it). */
void tui_home(struct tui *t);
/* The screen under the top (the case list when none), and replacing it. */
enum tui_screen tui_under(const struct tui *t);
void tui_set_under(struct tui *t, enum tui_screen s);
/* The list or walk nearest the top, and the case and item, kept for this
 * inspector (place.h); a failure loses no answer and is not said. */
void tui_save_place(struct tui *t);

/* tui.c, the loop: case CI opened in the walk at AT_ITEM (if it applies),
 * else at its next unanswered question, else its first; a case with no
 * facts opens its facts form over it. */
void tui_open_case(struct tui *t, size_t ci, int at_item);

/* tui_case.c: no screen, so any screen may call it. After an answer or a
 * fact change (or back on the walk): the current case's walk item kept if
 * it still applies, else the next that does (else the one before, else the
 * first); nothing when there are no cases. */
void tui_case_settle(struct tui *t);

/* tui_draw.c: drawing helpers; every string from a file goes through these */
enum tui_attr { TA_TITLE = 1, TA_DIM, TA_SEL, TA_ERROR, TA_OK };
void tui_draw_init(struct tui *t);
int tui_attr(const struct tui *t, int which);
int tui_band_attr(const struct tui *t, int band);
/* Put clean S at (Y, X), at most W columns; returns columns used. */
int tui_put(int y, int x, int w, const char *s);
/* The same, but a string cut short ends in an ellipsis (or '~'), so the
 * reader sees that there is more. */
int tui_put_cut(int y, int x, int w, const char *s);
/* S, clean, appended to OUT cut to W columns as tui_put_cut would draw it:
 * whole characters, and an ellipsis (or '~') when cut. The one place that
 * cuts a string to a width. */
void tui_cut(struct buf *out, const char *s, int w);
/* Put clean S wrapped in W columns from row Y for at most MAXROWS rows
 * (0: count only); returns the rows it takes in full. */
int tui_wrap(int y, int x, int w, int maxrows, const char *s);
/* Display width of S (wcwidth of each character). */
int tui_width(const char *s);
/* The marks of the set the terminal takes (symbol.h): a band's, and any
 * other. A UTF-8 mark written in a literal is drawn as its ASCII mark by
 * tui_put where the terminal takes only ASCII. */
const char *tui_band_symbol(const struct tui *t, int band);
const char *tui_sym(const struct tui *t, enum symbol s);
void tui_fill(int y, int x, int w);
/* The terminal cursor on the focused item, at (Y, X): a list's selected
 * row, the walk's item, a form's field, as terminal screen readers follow
 * the cursor. The first call of a draw wins (a text field that puts the
 * cursor where typing goes sets t->cury itself, after). */
void tui_focus(struct tui *t, int y, int x);
void tui_hline(const struct tui *t, int y, int x, int w);
void tui_vline(const struct tui *t, int y, int x, int h);
void tui_bar(const struct tui *t, int y, int x, int w, int percent, int band);

/* tui_list.c: why left-out case file I cannot be read, from its file name
 * on (said at the start). */
const char *tui_left_out_why(const struct tui *t, size_t i);

/* tui_panel.c: the ratings panel beside the list, the walk and the forms
 * (no screen of its own): drawn, and its keys while it has them */
void tui_panel_draw(struct tui *t);
int tui_panel_key(struct tui *t, enum tui_action a);

/* tui_fact_set.c: fact FACT of the current case set to VALUE (a choice, 1
 * or 0 for yes/no, COND_UNSET to clear it), saved with its undo, the
 * ratings updated, and what it changed said (tui_message); a failed save
 * said, nothing changed. */
void tui_fact_set(struct tui *t, size_t fact, int value);

/* tui_sync.c: the folder changed by another program is read again */
void tui_sync_mark(struct tui *t);	/* the folder as it is now is ours */
void tui_sync_mark_case(struct tui *t);	/* only the case on screen (another
					 * one now, after a key) is as it is */
int tui_sync_changed(struct tui *t);	/* changed since the mark? */
/* If changed (and no editor open), read it again and mark; returns what
 * was found for the loop to act on (0: not read): TUI_SYNC_READ, with
 * TUI_SYNC_FORM when its framework is another (screens counting the
 * standards are told: their reread), TUI_SYNC_GONE when the case on screen
 * is no longer there (the screens over the list go), TUI_SYNC_BACK when
 * the case that was, read again, is current (the walk in the list's place,
 * as no key has been pressed since). It moves no screen. */
enum { TUI_SYNC_READ = 1, TUI_SYNC_FORM = 2, TUI_SYNC_GONE = 4, TUI_SYNC_BACK = 8 };
int tui_sync(struct tui *t);

/* tui_field.c: the one-line text field in t->addbuf, for the new case's
 * reference and your name. Emptied; what is typed as UTF-8 into OUT (SIZE
 * bytes); key CH in key context CTX: a character typed or Backspace taken
 * (ACT_NONE; a character past MAX characters refused, TOO_LONG said),
 * any other action returned to the caller; drawn at row Y from column X
 * in W columns after LABEL, the text cursor at its end. */
void tui_field_start(struct tui *t);
void tui_field_text(const struct tui *t, char *out, size_t size);
enum tui_action tui_field_key(struct tui *t, enum tui_context ctx, int is_code, int ch,
			      size_t max, const char *too_long);
void tui_field_draw(struct tui *t, int y, int x, int w, const char *label);

/* tui_name.c: your name, asked at the first start when neither
 * YJINSPECT_INSPECTOR nor the settings file (settings.h) gives one, before
 * the first screen. tui_name_wanted: should it be asked (the settings file
 * being one that could be read, and somewhere to keep it)? Enter saves it
 * there and Esc skips; either way the place is then restored
 * (GO_RESTORE: tui_restore_place) and the program goes on. */
int tui_name_wanted(struct tui *t);
/* tui.c: the screen and case where this inspector was last (place.h) */
void tui_restore_place(struct tui *t);

/* tui_lock.c: panel mode, the meeting's: every case view read-only, one
 * change at a time unlocked with who and why and journaled as the panel's
 * (case_journal_as). Decisions and findings stay open to the panel.
 * tui_lock_toggle: panel mode on, or off (asked first: TUI_ASK_PANEL_OFF,
 * answered by tui_lock_answer). */
void tui_lock_toggle(struct tui *t);
void tui_lock_answer(struct tui *t, int yes);
/* Is a change to a case locked now (panel mode, not unlocked)? */
int tui_lock_locked(const struct tui *t);
/* Before a change to a case: 1 when it is refused (locked), the status
 * line saying how to unlock; 0 when it may be made. */
int tui_lock_refused(struct tui *t);
/* The name an answer's stamp or a note names: the panel's while unlocked,
 * else t->who (owned by T). */
const char *tui_lock_who(const struct tui *t);
/* After a change to a case was made: in panel mode, locked again, and
 * the status line's message says so after what it said. */
void tui_lock_used(struct tui *t);
/* After a change to a case was tried and changed nothing, or was
 * cancelled: in panel mode, locked again, and the status line's message
 * says so, and WHY ("nothing was changed"), after what it said. */
void tui_lock_spent(struct tui *t, const char *why);
/* After each key (the loop): unlocked in a case, and that case is no
 * longer open (the walk or its facts form), or another is: locked again
 * (tui_lock_spent). Unlocked where no case is open, the first case opened
 * is the one it is for. */
void tui_lock_follow(struct tui *t);
/* U: the unlock form opened over the screen (who prefilled with t->who,
 * why empty), or the status line says why not. */
void tui_lock_open(struct tui *t);
/* While the unlock form is open, every key is its (1): Enter unlocks (why
 * required), Tab and Up/Down move between who and why, Esc cancels. */
int tui_lock_input(struct tui *t, int is_code, int ch);
/* The form drawn over the screen on top, the cursor in its field. */
void tui_lock_draw(struct tui *t);
/* The status line's hint while the form is open: its keys, not those of
 * the screen under it. */
const char *tui_lock_hint(const struct tui *t);
/* The title line's mark of the mode ("" when not in panel mode). */
const char *tui_lock_mark(const struct tui *t);
/* What it holds freed, at the end. */
void tui_lock_free(struct tui *t);

/* tui_team.c: sync with the team (sync.h) from the terminal UI, and the
 * sync report screen. tui_team_sync: the sync run as t->who with no
 * terminal for git (the loop has said "Syncing with the team..." and drawn
 * it first); returns 1 when it ran, its report kept in ST (the state of
 * SCREEN_SYNC, which the loop puts on top once it has read the folder
 * again: tui_sync); a folder in no git repository (or no git) only says
 * so on the status line (0). */
int tui_team_sync(struct tui *t, void *st);

/* tui_log.c: the meeting's log (meeting.h), a page of its own (L on the
 * ratings page). tui_meeting_start: panel mode is entered (`yjinspect
 * panel DIR`, or P), so the panel meeting begins: the first call in a
 * session takes the time and keeps it for this inspector in the folder
 * (place.h's place_panel_save: `export --for panel` starts there), unless
 * the time kept is of the same day (UTC), a meeting resumed (a relaunch):
 * that one goes on. Later calls do nothing. Outside panel mode the log
 * shows the meeting last kept, or says there is none. A failure to keep
 * the time loses nothing on screen and is not said. */
void tui_meeting_start(struct tui *t);

#endif
