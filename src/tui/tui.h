/* tui.h - the terminal UI: the inspector's walk through each case with the
 * live ratings panel. It reads the model (insp, rate, walk) and changes it
 * only through edit.h; it computes no ratings of its own.
 *
 * Internals shared by the tui_*.c files: struct tui holds what the screens
 * share (the inspection, ratings, walk order, undo, current case, layout,
 * message, the folder's stamps); each screen keeps its own state in a
 * struct of its own file, and has a draw function and a key function,
 * which ask the loop for any other screen (struct tui_go). Draw functions
 * compute no ratings and write no files; they do keep their own view state
 * (scroll positions, and the facts form's ncurses field, which has to be
 * posted where the row is drawn). The main loop (tui.c) owns curses setup
 * and teardown, input, resize and signals, and draws after each event.
 */
#ifndef YJ_TUI_H
#define YJ_TUI_H

#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "base/buf.h"
#include "model/edit.h"
#include "model/insp.h"
#include "model/rate.h"
#include "tui/tui_keys.h"
#include "model/walk.h"

/* Run the UI on the inspection in DIR; returns the exit status. */
int tui_run(const char *dir);

/* ---- internals ---- */

/* The screens: each is one row of tui.c's table of screens (its draw, key
 * and text-input functions, key context and status hint). The one on top
 * is t->screen; those it returns to wait under it on t->stack (tui_push,
 * tui_pop), so drilling down several screens comes back the same way. */
enum tui_screen { SCREEN_LIST, SCREEN_WALK, SCREEN_FACTS, SCREEN_NOTES, SCREEN_JUMP,
	SCREEN_HELP, SCREEN_RATINGS, SCREEN_STANDARD, SCREEN_KQCASES, SCREEN_NAME, SCREEN_SYNC, SCREEN_COUNT };
#define TUI_STACK 16

/* What a screen's key or text input asks of the loop (tui.c), which does it
 * once the screen has returned: a screen opens no other screen itself. */
enum tui_go_kind {
	GO_NONE,
	GO_FACTS,	/* the current case's facts form, over the screen on top */
	GO_NOTE,	/* the note editor on key question N */
	GO_RATIONALE,	/* the editor for a decision moving standard N to band TO,
			 * resting on key question KQ (NULL: none), from TEXT */
	GO_FINDINGS,	/* the editor for standard N's findings (TO: which, as
			 * tui_notes_open_findings has it) */
	GO_JUMP,	/* the standard picker, at standard N */
	GO_OPEN,	/* case N in the walk at item TO (-1: where tui_open_case
			 * puts it), in place of the screen on top */
	GO_CASE,	/* the same over the screen on top: Esc comes back to it */
	GO_RESTORE,	/* the screen and case where this inspector was last */
};
struct tui_go {
	enum tui_go_kind kind;
	size_t n;
	int to;
	const char *kq, *text;	/* (the folder's strings, read before it changes) */
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

struct tui_notes;	/* tui_notes.c */
struct whatif;		/* whatif.h */
struct tui_facts;	/* tui_facts.c */
struct tui_team;	/* tui_team.c */
struct tui_ratings;	/* tui_ratings.c */
struct tui_list;	/* tui_list.c */
struct tui_walk_state;	/* tui_walk.c */
struct tui_help;	/* tui_help.c */

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

	struct tui_ratings *ratings;	/* the ratings pages' own state */
	struct tui_list *list;	/* the list's (tui_list.c) */
	struct tui_walk_state *walk_state;	/* the walk's (tui_walk.c) */
	struct tui_help *help;	/* the help's and the picker's (tui_help.c) */
	struct tui_notes *notes;	/* open note editor, or NULL */
	struct tui_facts *facts;	/* open facts form, or NULL */
	struct tui_team *team;	/* the last sync's report, or NULL */

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
};

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

/* tui_ratings.c: the ratings page, a standard, a key question's cases */
/* From anywhere but the facts form (the loop closes it first): pushed */
void tui_ratings_open(struct tui *t);
void tui_ratings_draw(struct tui *t);
int tui_ratings_key(struct tui *t, enum tui_action a, struct tui_go *go);
/* The next key after d (a band) or D (a confirmation): 1 when taken. */
int tui_ratings_input(struct tui *t, int is_code, int ch, struct tui_go *go);
/* The pages' title appended to LINE */
void tui_ratings_title(const struct tui *t, struct buf *line);
/* Is a changed row highlighted (a redraw due while it fades)? */
int tui_ratings_fading(struct tui *t);
/* The pages' state (t->ratings), made and freed by the loop (tui.c); after
 * a re-read that changed the framework, held in the standards there are. */
void tui_ratings_init(struct tui *t);
void tui_ratings_reread(struct tui *t);
void tui_ratings_free(struct tui *t);

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
const char *tui_band_symbol(const struct tui *t, int band);
void tui_fill(int y, int x, int w);
void tui_hline(const struct tui *t, int y, int x, int w);
void tui_vline(const struct tui *t, int y, int x, int h);
void tui_bar(const struct tui *t, int y, int x, int w, int percent, int band);

/* the screens: draw, and key (returns 1 to redraw) */
void tui_list_init(struct tui *t);	/* its state, made and freed by the loop */
void tui_list_free(struct tui *t);
void tui_list_draw(struct tui *t);
int tui_list_key(struct tui *t, enum tui_action a, struct tui_go *go);
int tui_list_input(struct tui *t, int is_code, int ch, struct tui_go *go);	/* while adding a case */
/* Why left-out case file I cannot be read, from its file name on. */
const char *tui_left_out_why(const struct tui *t, size_t i);
void tui_walk_draw(struct tui *t);
int tui_walk_key(struct tui *t, enum tui_action a, struct tui_go *go);
void tui_panel_draw(struct tui *t);
int tui_panel_key(struct tui *t, enum tui_action a);
/* The walk's, the help's and the picker's state, made and freed by the
 * loop (tui.c); the help opened at its top, the picker at standard STD. */
void tui_walk_init(struct tui *t);
void tui_walk_free(struct tui *t);
void tui_help_init(struct tui *t);
void tui_help_free(struct tui *t);
void tui_help_open(struct tui *t);
void tui_jump_open(struct tui *t, size_t std);
void tui_help_draw(struct tui *t);
int tui_help_key(struct tui *t, enum tui_action a, struct tui_go *go);
void tui_jump_draw(struct tui *t);
int tui_jump_key(struct tui *t, enum tui_action a, struct tui_go *go);

/* tui_facts.c: the case facts form (ncurses form library) */
void tui_facts_open(struct tui *t);
void tui_facts_close(struct tui *t);	/* saves the field being edited */
/* tui_facts_close, but when the field being edited cannot be saved (the
 * message says why) returns what was typed, "LABEL: TEXT" (free it) */
char *tui_facts_leave(struct tui *t);
void tui_facts_draw(struct tui *t);
int tui_facts_input(struct tui *t, int is_code, int ch, struct tui_go *go);
void tui_facts_layout(struct tui *t);	/* after a resize */

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
 * is no longer there (the screens over the list go). It moves no screen. */
enum { TUI_SYNC_READ = 1, TUI_SYNC_FORM = 2, TUI_SYNC_GONE = 4 };
int tui_sync(struct tui *t);

/* tui_notes.c: the note editor */
void tui_notes_open(struct tui *t, size_t kq);
int tui_notes_close(struct tui *t);	/* saves; -1 if the save failed */
int tui_notes_discard(struct tui *t);	/* only after a failed save */
char *tui_notes_text(const struct tui *t);	/* what is typed (free it), or NULL */
/* The note editor for a panel decision's rationale: moving standard STD
 * to band TO, resting on key question KQ (NULL: none), the text to start
 * from INITIAL. Closed, it records the decision (an empty rationale is
 * refused, the editor staying open; Ctrl-X cancels). */
void tui_notes_open_rationale(struct tui *t, size_t std, int to, const char *kq,
			      const char *initial);
/* The note editor for standard STD's strengths (IMPROVEMENTS 0) or areas
 * for improvement (1), a point a line; or (IMPROVEMENTS 2) the lead's
 * evidence on key question STD of a judged standard. Closed, saved. */
void tui_notes_open_findings(struct tui *t, size_t std, int improvements);
/* Is the open editor a decision's rationale (nothing is decided unless the
 * panel closes it)? */
int tui_notes_is_decision(const struct tui *t);
void tui_notes_draw(struct tui *t);
int tui_notes_input(struct tui *t, int is_code, int ch, struct tui_go *go);

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
void tui_name_draw(struct tui *t);
int tui_name_input(struct tui *t, int is_code, int ch, struct tui_go *go);
/* tui.c: the screen and case where this inspector was last (place.h) */
void tui_restore_place(struct tui *t);

/* tui_team.c: sync with the team (sync.h) from the terminal UI, and the
 * sync report screen. tui_team_sync: the sync run as t->who with no
 * terminal for git (the loop has said "Syncing with the team..." and drawn
 * it first); returns 1 when it ran, its report kept for SCREEN_SYNC, which
 * the loop puts on top once it has read the folder again (tui_sync); a
 * folder in no git repository (or no git) only says so on the status
 * line (0). */
int tui_team_sync(struct tui *t);
void tui_team_draw(struct tui *t);
int tui_team_key(struct tui *t, enum tui_action a, struct tui_go *go);
/* The report's title appended to LINE: "Synced with ..." or "Not synced: ..." */
void tui_team_title(const struct tui *t, struct buf *line);
void tui_team_free(struct tui *t);

#endif
