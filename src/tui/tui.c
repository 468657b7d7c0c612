/* tui.c - the terminal UI's main loop (see tui.h): curses setup and
 * teardown, layout from the terminal size, input and dispatch by screen,
 * resize (KEY_RESIZE: no signal handler touches curses), and SIGHUP, SIGTERM
 * and SIGINT (a flag the loop sees: every answer is already saved; an open
 * note or text field is saved, or printed when it cannot be; the terminal is
 * restored). */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>

#include "base/paths.h"
#include "store/place.h"
#include "store/save.h"
#include "tui/tui.h"
#include "store/user.h"
#include "base/xalloc.h"

static volatile sig_atomic_t got_signal;

/* The terminal hung up with no SIGHUP to say so (the program's parent, not
 * it, got the signal): get_wch would fail at once, for ever, spinning. */
static int
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Open case CI in the walk at AT_ITEM (if it applies), else at its next
 * unanswered question, else its first; a case with no facts opens its
 * facts form. */
void
tui_open_case(struct tui *t, size_t ci, int at_item)
{
	const struct case_file *c = &t->in.cases[ci];

	t->ci = ci;
	t->list_sel = (int)ci;
	t->screen = SCREEN_WALK;
	if (at_item >= 0 && walk_relevant(&t->walk, c, (size_t)at_item) == COND_TRUE)
		t->item = at_item;
	else if ((t->item = walk_first(&t->walk, c)) >= 0 &&
	    walk_answer(&t->walk, c, (size_t)t->item) != ANSWER_NONE) {
		int n = walk_next_unanswered(&t->walk, c, (size_t)t->item);

		if (n >= 0)
			t->item = n;
	}
	if (t->item < 0)
		tui_facts_open(t);	/* over the walk: it returns there */
	tui_save_place(t);
}

/* ---- the screens: one row each ----
 *
 * To add a screen: a value in tui.h's enum tui_screen, a row here, and a
 * file of its own (tui_NAME.c) with its draw, key and text-input functions
 * and its own state (a struct of the file's, as tui_help.c's, made and
 * freed in tui_run), their prototypes in tui.h; a key context in
 * tui_keys.h when it binds keys of its own. The screen changes no other
 * screen's state and calls no other screen: what must happen next (another
 * screen opened) it puts in its struct tui_go, and go() below does it. */

struct screen_ops {
	void (*draw)(struct tui *t);
	/* NULL: only the common keys; what else must happen into GO */
	int (*key)(struct tui *t, enum tui_action a, struct tui_go *go);
	/* keys typed into the screen, before the key table: 1 when taken */
	int (*input)(struct tui *t, int is_code, int ch, struct tui_go *go);
	enum tui_context (*context)(const struct tui *t);
	const char *(*hint)(const struct tui *t);	/* NULL: none */
	int panel;	/* the ratings panel is drawn beside it */
};

static int
list_input(struct tui *t, int is_code, int ch, struct tui_go *go)
{
	if (!t->adding)
		return 0;
	tui_list_input(t, is_code, ch, go);
	return 1;
}

static int
notes_input(struct tui *t, int is_code, int ch, struct tui_go *go)
{
	enum tui_action a = tui_keys_lookup(CTX_NOTES, ch, is_code);

	if (a == ACT_DONE)
		tui_notes_close(t);
	else if (a == ACT_DISCARD)
		tui_notes_discard(t);
	else if (a == ACT_REDRAW)
		clearok(curscr, TRUE);
	else
		tui_notes_input(t, is_code, ch, go);
	return 1;
}

static enum tui_context
list_context(const struct tui *t)
{
	return t->panel_focus ? CTX_PANEL : CTX_LIST;
}

static enum tui_context
walk_context(const struct tui *t)
{
	return t->panel_focus ? CTX_PANEL : CTX_WALK;
}

static enum tui_context facts_context(const struct tui *t) { (void)t; return CTX_FACTS; }
static enum tui_context notes_context(const struct tui *t) { (void)t; return CTX_NOTES; }
static enum tui_context jump_context(const struct tui *t) { (void)t; return CTX_JUMP; }
static enum tui_context help_context(const struct tui *t) { (void)t; return CTX_HELP; }
static enum tui_context ratings_context(const struct tui *t) { (void)t; return CTX_RATINGS; }
static enum tui_context name_context(const struct tui *t) { (void)t; return CTX_NAME; }
static enum tui_context sync_context(const struct tui *t) { (void)t; return CTX_SYNC; }

static const char *
sync_hint(const struct tui *t)
{
	(void)t;
	return "Enter open the conflict's question  j/k move  = sync again  Esc back";
}

static const char *
name_hint(const struct tui *t)
{
	(void)t;
	return "Enter saves your name  Esc skips for now  Backspace erases";
}

static const char *
ratings_hint(const struct tui *t)
{
	return t->screen == SCREEN_RATINGS ?
	    "Enter standard  j/k move  d decide  D withdraw  Esc back  ? help  q quit" :
	    t->screen == SCREEN_STANDARD ?
	    "Enter its cases  p prompts  d decide  D withdraw  Esc back  ? help" :
	    "Enter open the case  y/n/a filter  j/k move  Esc back  ? help";
}

static const char *
list_hint(const struct tui *t)
{
	return t->adding ? "Type the new case's reference: Enter adds it, Esc cancels" :
	    "Enter open  a add case  f facts  = sync  Tab panel  ? help  q quit";
}

static const char *
walk_hint(const struct tui *t)
{
	return t->panel_focus ? "j/k scroll the panel  Tab back to the walk" :
	    "y n x answer  Enter next  j/k move  e note  f facts  u undo  ? help  q quit";
}

static const char *
notes_hint(const struct tui *t)
{
	(void)t;
	return "Esc or Ctrl-S saves and closes";
}

static const struct screen_ops screens[SCREEN_COUNT] = {
	[SCREEN_LIST] = { tui_list_draw, tui_list_key, list_input, list_context, list_hint, 1 },
	[SCREEN_WALK] = { tui_walk_draw, tui_walk_key, NULL, walk_context, walk_hint, 1 },
	[SCREEN_FACTS] = { tui_facts_draw, NULL, tui_facts_input, facts_context, NULL, 1 },
	[SCREEN_NOTES] = { tui_notes_draw, NULL, notes_input, notes_context, notes_hint, 1 },
	[SCREEN_JUMP] = { tui_jump_draw, tui_jump_key, NULL, jump_context, NULL, 1 },
	[SCREEN_HELP] = { tui_help_draw, tui_help_key, NULL, help_context, NULL, 0 },
	[SCREEN_RATINGS] = { tui_ratings_draw, tui_ratings_key, tui_ratings_input, ratings_context,
	    ratings_hint, 0 },
	[SCREEN_STANDARD] = { tui_ratings_draw, tui_ratings_key, tui_ratings_input, ratings_context,
	    ratings_hint, 0 },
	[SCREEN_KQCASES] = { tui_ratings_draw, tui_ratings_key, tui_ratings_input, ratings_context,
	    ratings_hint, 0 },
	[SCREEN_NAME] = { tui_name_draw, NULL, tui_name_input, name_context, name_hint, 0 },
	[SCREEN_SYNC] = { tui_team_draw, tui_team_key, NULL, sync_context, sync_hint, 0 },
};

static void
layout(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	t->too_small = t->rows < TUI_MIN_ROWS || t->cols < TUI_MIN_COLS;
	t->side_by_side = t->cols >= 80;
	if (t->side_by_side) {
		/* the panel takes what a wider terminal gives, up to 40 columns:
		 * its standard names and band labels first */
		int pw = 31 + ((t->cols - 80) / 2 < 9 ? (t->cols - 80) / 2 : 9);

		t->main = (struct tui_rect){ 1, 0, t->rows - 2, t->cols - pw - 2 };
		t->panel = (struct tui_rect){ 1, t->cols - pw, t->rows - 2, pw };
	} else {
		int ph = (t->rows - 2) / 3 < 6 ? 6 : (t->rows - 2) / 3;

		t->main = (struct tui_rect){ 1, 0, t->rows - 2 - ph - 1, t->cols };
		t->panel = (struct tui_rect){ t->rows - 1 - ph, 0, ph, t->cols };
	}
	t->status = (struct tui_rect){ t->rows - 1, 0, 1, t->cols };
	tui_facts_layout(t);
}

static void
draw_title(struct tui *t)
{
	struct buf line = BUF_INIT;

	attron(tui_attr(t, TA_TITLE));
	tui_fill(0, 0, t->cols);
	if (t->in.ncases > 0 && t->screen != SCREEN_LIST && t->screen != SCREEN_HELP &&
	    screens[t->screen].panel) {	/* (not the ratings pages: their own) */
		const struct case_file *c = &t->in.cases[t->ci];
		size_t k = c->conflicts.n;
		int done, total;

		case_progress(c, &t->in.form, &done, &total);
		/* the case and its counts first, its reference cut to 24 columns,
		 * so neither a long reference nor the service name hides them */
		buf_adds(&line, " case ");
		tui_cut(&line, c->reference ? c->reference : c->name, 24);
		buf_printf(&line, " (%zu of %zu) \xc2\xb7 %d/%d answered", t->ci + 1, t->in.ncases,
		    done, total);
		if (k)
			buf_printf(&line, " \xc2\xb7 %zu in conflict", k);
		buf_printf(&line, " \xc2\xb7 %s", t->in.service ? t->in.service : "yjinspect");
	} else if (t->screen == SCREEN_HELP) {
		buf_adds(&line, " yjinspect keys (Esc, q or ? to close)");
	} else if (t->screen == SCREEN_RATINGS || t->screen == SCREEN_STANDARD ||
	    t->screen == SCREEN_KQCASES) {
		tui_ratings_title(t, &line);
	} else if (t->screen == SCREEN_SYNC) {
		tui_team_title(t, &line);
	} else {
		/* keys a merge left in conflict: counted neither way */
		size_t k = t->in.conflicts.n;

		for (size_t i = 0; i < t->in.ncases; i++)
			k += t->in.cases[i].conflicts.n;
		buf_printf(&line, " %s \xc2\xb7 %s \xc2\xb7 %zu case%s",
		    t->in.service ? t->in.service : "yjinspect", t->in.form.id, t->in.ncases,
		    t->in.ncases == 1 ? "" : "s");
		if (t->in.nleft_out > 0)
			buf_printf(&line, " \xc2\xb7 %zu left out", t->in.nleft_out);
		if (k)
			buf_printf(&line, " \xc2\xb7 %zu in conflict", k);
	}
	tui_put(0, 0, t->cols, buf_str(&line));
	buf_free(&line);
	attroff(tui_attr(t, TA_TITLE));
}

static void
draw_status(struct tui *t)
{
	const char *hint;

	if (t->msg.len) {
		int rows = tui_wrap(0, 0, t->cols, 0, buf_str(&t->msg));

		/* a message too long for one line takes the lines above too, up
		 * to three (until the next key): an error's file, reason and what
		 * to do all show at 80x24 */
		rows = rows < 1 ? 1 : rows > 3 ? 3 : rows;
		attron(t->msg_error ? tui_attr(t, TA_ERROR) : (int)A_BOLD);
		for (int i = 0; i < rows; i++)
			tui_fill(t->status.y - i, 0, t->cols);
		tui_wrap(t->status.y - rows + 1, 0, t->cols, rows, buf_str(&t->msg));
		attroff(t->msg_error ? tui_attr(t, TA_ERROR) : (int)A_BOLD);
		return;
	}
	hint = screens[t->screen].hint ? screens[t->screen].hint(t) : "";
	attron(tui_attr(t, TA_DIM));
	tui_put(t->status.y, 0, t->cols, hint);
	attroff(tui_attr(t, TA_DIM));
}

static void
draw(struct tui *t)
{
	erase();
	if (t->too_small) {
		char line[200];

		snprintf(line, sizeof line, "Terminal too small: %dx%d. yjinspect needs at least "
		    "%dx%d. Make the window larger, or press q to quit.", t->cols, t->rows,
		    TUI_MIN_COLS, TUI_MIN_ROWS);
		tui_wrap(t->rows / 2 > 0 ? t->rows / 2 - 1 : 0, 0, t->cols, t->rows, line);
		curs_set(0);
		refresh();
		return;
	}
	draw_title(t);
	t->cury = t->curx = -1;
	screens[t->screen].draw(t);
	if (screens[t->screen].panel)
		tui_panel_draw(t);
	draw_status(t);
	/* the cursor belongs to whoever edits text */
	if (t->cury >= 0) {
		move(t->cury, t->curx);
		curs_set(1);
	} else
		curs_set(0);
	refresh();
}

/* The folder read again if another program changed it (tui_sync), and
 * what it found acted on: the screens counting the framework told, the
 * screens over the list gone with the case they showed. 1 if read. */
static int
follow_folder(struct tui *t)
{
	int found = tui_sync(t);

	if (found & TUI_SYNC_FORM)
		tui_ratings_reread(t);
	if (found & TUI_SYNC_GONE) {
		if (t->screen == SCREEN_HELP)
			tui_set_under(t, SCREEN_LIST);	/* (the help stays on top) */
		else
			tui_home(t);
	}
	return found != 0;
}

static enum tui_context
context(const struct tui *t)
{
	return screens[t->screen].context(t);
}

/* What change CH changed, as the undo message names it */
static const char *
change_name(const struct tui *t, const struct edit_change *ch)
{
	return ch->kind == EDIT_DECISION ? "the panel decision" :
	    ch->kind == EDIT_ANSWER ? t->walk.items[ch->index].id :
	    ch->kind == EDIT_FACT ? t->in.form.facts[ch->index].label :
	    ch->kind == EDIT_NOTE ? "the note" :
	    ch->index == FIELD_REFERENCE ? "the reference" : "the inspector";
}

static void
undo(struct tui *t)
{
	struct err e;
	size_t ci = t->ci;
	int item, rc;
	struct buf what = BUF_INIT;
	const struct edit_change *ch = t->undo.n ? &t->undo.v[t->undo.n - 1] : NULL;

	/* say what is taken back, and where */
	if (ch) {
		int at = edit_case_index(&t->in, ch->case_name);
		const char *ref = ch->kind == EDIT_DECISION ? t->in.form.stds[ch->index].id :
		    at >= 0 && t->in.cases[at].reference ? t->in.cases[at].reference :
		    ch->case_name;

		/* the case by its reference, as the inspector knows it; a
		 * change joined to the one before names both */
		buf_printf(&what, "%s%s%s on %s", change_name(t, ch),
		    ch->with_prev ? " and " : "", ch->with_prev ? change_name(t, ch - 1) : "", ref);
	}
	if (t->screen == SCREEN_FACTS)
		tui_facts_close(t);	/* its field first, then back to it below */
	rc = edit_undo(&t->in, &t->walk, &t->undo, &ci, &item, &e);
	if (rc == 0) {
		tui_message(t, 0, "Nothing to undo.");
	} else if (rc < 0) {
		tui_message(t, 1, "NOT UNDONE: %s", e.msg);
	} else {
		tui_recompute(t);
		tui_message(t, 0, "Undone: %s.", buf_str(&what));
	}
	if (rc > 0 && ci != t->ci && t->screen == SCREEN_WALK)
		tui_open_case(t, ci, item);	/* show the case it happened in */
	else if (rc > 0 && t->screen == SCREEN_WALK && item >= 0)
		t->item = item;
	t->ci = ci;
	if (t->screen == SCREEN_FACTS)
		tui_facts_open(t);
	if (t->screen == SCREEN_WALK)
		tui_case_settle(t);
	tui_save_place(t);
	buf_free(&what);
}

/* What the screen on top asked for, done now it has returned */
static void
go(struct tui *t, const struct tui_go *g)
{
	switch (g->kind) {
	case GO_NONE:
		break;
	case GO_FACTS:
		tui_facts_open(t);
		break;
	case GO_NOTE:
		tui_notes_open(t, g->n);
		break;
	case GO_RATIONALE:
		tui_notes_open_rationale(t, g->n, g->to, g->kq, g->text);
		break;
	case GO_FINDINGS:
		tui_notes_open_findings(t, g->n, g->to);
		break;
	case GO_JUMP:
		tui_jump_open(t, g->n);
		break;
	case GO_CASE:
		tui_push(t, SCREEN_WALK);
		tui_open_case(t, g->n, g->to);
		break;
	case GO_OPEN:
		tui_open_case(t, g->n, g->to);
		break;
	case GO_RESTORE:
		tui_restore_place(t);
		break;
	}
}

/* Returns 0 to go on, 1 to quit. */
static int
handle(struct tui *t, int is_code, int ch)
{
	struct tui_go g = { GO_NONE, 0, 0, NULL, NULL };
	enum tui_action a;

	if (is_code && ch == KEY_RESIZE) {
		layout(t);
		return 0;
	}
	buf_reset(&t->msg);
	if (t->too_small) {
		return !is_code && ch == 'q';
	}
	/* text typed on the screen on top, before the key table */
	if (screens[t->screen].input && screens[t->screen].input(t, is_code, ch, &g)) {
		go(t, &g);
		return 0;
	}
	a = tui_keys_lookup(context(t), ch, is_code);
	switch (a) {
	case ACT_QUIT:
		return 1;
	case ACT_HELP:
		/* from the facts form, the help returns to what the form was
		 * opened from (the form is closed, its field saved) */
		if (t->screen == SCREEN_FACTS) {
			tui_facts_close(t);
			tui_pop(t);
		}
		tui_help_open(t);
		return 0;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	case ACT_UNDO:
		undo(t);
		return 0;
	case ACT_RATINGS:
		/* from the facts form, as for the help (its field saved) */
		if (t->screen == SCREEN_FACTS) {
			tui_facts_close(t);
			tui_pop(t);
		}
		tui_ratings_open(t);
		return 0;
	case ACT_SYNC:	/* (bound only where no editor is open) */
		tui_message(t, 0, "Syncing with the team\xe2\x80\xa6");
		draw(t);	/* git may take seconds: said first */
		if (tui_team_sync(t)) {
			follow_folder(t);	/* what came in, on the list and the panel */
			if (t->screen != SCREEN_SYNC)
				tui_push(t, SCREEN_SYNC);
		}
		return 0;
	default:
		break;
	}
	if (context(t) == CTX_PANEL)
		tui_panel_key(t, a);
	else if (screens[t->screen].key) {
		screens[t->screen].key(t, a, &g);
		go(t, &g);
	}
	return 0;
}

void
tui_restore_place(struct tui *t)
{
	struct place p;
	int ci;

	t->screen = SCREEN_LIST;
	t->item = -1;
	if (place_load(t->in.dir, t->who, &p) < 0)
		return;
	ci = p.case_name ? edit_case_index(&t->in, p.case_name) : -1;
	if (ci >= 0) {
		t->ci = (size_t)ci;
		t->list_sel = ci;
		if (p.screen && strcmp(p.screen, "walk") == 0)
			tui_open_case(t, (size_t)ci, p.item ? walk_find(&t->walk, p.item) : -1);
	}
	place_free(&p);
}

int
tui_run(const char *dir)
{
	struct buf why = BUF_INIT;
	struct tui *t = xcalloc(1, sizeof *t);
	struct sigaction sa;
	SCREEN *scr;
	char *lost = NULL, *lost_fact = NULL, *undecided = NULL;
	int quit = 0;

	setlocale(LC_ALL, "");
	t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "yjinspect: the terminal UI needs a terminal "
		    "(for scripts: yjinspect summary %s)\n", dir);
		free(t);
		return 1;
	}
	/* case files that cannot be read are left out and shown as such, so
	 * that the inspector can go on with the rest; any other error (in
	 * inspection.ini, one case in two files) would make every figure wrong */
	if (insp_open_usable(&t->in, dir, paths_forms_dir(), &why) < 0) {
		fprintf(stderr, "yjinspect: %s\n", buf_str(&why));
		buf_free(&why);
		free(t);
		return 1;
	}
	rate_compute(&t->rate, &t->in);
	walk_init(&t->walk, &t->in.form);
	tui_ratings_init(t);
	tui_list_init(t);
	tui_walk_init(t);
	tui_help_init(t);
	user_set_warn(NULL);	/* nothing printed under curses */
	t->who = user_name();

	/* set before initscr, so curses leaves them to us */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL) {
		fprintf(stderr, "yjinspect: cannot use the terminal '%s'\n",
		    getenv("TERM") ? getenv("TERM") : "(TERM not set)");
		quit = -1;
	} else {
		set_term(scr);
		cbreak();
		{
			/* Ctrl-S saves a note: the terminal must not take it as XOFF */
			struct termios tio;

			if (tcgetattr(STDIN_FILENO, &tio) == 0) {
				tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
				tcsetattr(STDIN_FILENO, TCSANOW, &tio);
				def_prog_mode();	/* curses keeps this as its mode */
			}
		}
		noecho();
		nonl();
		keypad(stdscr, TRUE);
		set_escdelay(25);
		/* no look for typed-ahead keys in the middle of a redraw (a
		 * poll each time): a key typed ahead is read next, after the
		 * whole screen */
		typeahead(-1);
		curs_set(0);
		timeout(250);
		tui_draw_init(t);
		layout(t);
		if (tui_name_wanted(t))	/* the first start: asked before the first screen */
			t->screen = SCREEN_NAME;
		else
			tui_restore_place(t);
		if (t->in.nleft_out > 0)
			tui_message(t, 1, "Left out, cannot be read: %s%s",
			    tui_left_out_why(t, 0), t->in.nleft_out > 1 ? " (and more: see the "
			    "end of the case list)" : "");
		else {	/* case files describe children */
			struct err e;

			unsigned mode;

			if (insp_private_check(t->in.dir, &mode, &e))
				tui_message(t, 1, "Warning: group or others can read this inspection's "
				    "folder (mode %04o); case files describe children: chmod -R go= '%s'",
				    mode, t->in.dir);
		}
	}
	/* drawn once, then after each key or resize, and when another program
	 * changed the folder: an idle screen costs two stat calls a tick (the
	 * timeout is there to notice a signal and such a change) */
	tui_sync_mark(t);
	if (!quit)
		draw(t);
	while (!quit && !got_signal) {
		wint_t ch;
		int r, changed;
		unsigned long saves;

		r = get_wch(&ch);
		if (r == ERR) {
			if (terminal_gone()) {	/* as a hangup: everything is saved below */
				quit = 1;
				break;
			}
			if (follow_folder(t) || tui_ratings_fading(t))
				draw(t);	/* (a changed rating's highlight fades too) */
			continue;
		}
		/* the key acts on what is on screen; a change by another program
		 * seen meanwhile is read in after it */
		changed = tui_sync_changed(t);
		free(t->lost_item);	/* a key: a lost case no longer calls the walk back */
		t->lost_item = NULL;
		saves = save_count();
		quit = handle(t, r == KEY_CODE_YES, (int)ch);
		if (quit || got_signal)
			break;
		if (changed)
			follow_folder(t);	/* read in now, or once an open editor closes */
		else if (save_count() != saves)
			tui_sync_mark(t);	/* our own saves are no news */
		else	/* the folder's stamps as they were: a change made by
			 * another program meanwhile is seen next tick */
			tui_sync_mark_case(t);
		draw(t);
	}
	/* leave everything saved: an open note, an open text field, the place;
	 * but a rationale half written makes no decision for the panel (what
	 * was typed is printed below) */
	if (t->notes && tui_notes_is_decision(t)) {
		undecided = tui_notes_text(t);	/* printed below */
		tui_notes_discard(t);	/* (a rationale's editor closes on no decision) */
	}
	else if (t->notes && tui_notes_close(t) < 0)
		lost = tui_notes_text(t);	/* could not be saved: printed below */
	if (t->facts)
		lost_fact = tui_facts_leave(t);	/* could not be saved: printed below */
	if (scr != NULL) {
		tui_save_place(t);
		endwin();
		delscreen(scr);
	}
	if (undecided) {	/* not a failure: the panel had not closed it */
		fprintf(stderr, "yjinspect: no panel decision made; the rationale typed was:\n%s\n",
		    undecided);
		free(undecided);
	}
	if (lost) {
		fprintf(stderr, "yjinspect: %s\nyjinspect: the note was not saved; here it is:\n%s\n",
		    buf_str(&t->msg), lost);
		free(lost);
		quit = -1;
	}
	if (lost_fact) {
		fprintf(stderr, "yjinspect: %s\nyjinspect: the text typed was not saved; here it is:\n%s\n",
		    buf_str(&t->msg), lost_fact);
		free(lost_fact);
		quit = -1;
	}
	edit_undo_free(&t->undo);
	walk_free(&t->walk);
	rate_free(&t->rate);
	insp_close(&t->in);
	free(t->who);
	tui_ratings_free(t);
	tui_list_free(t);
	tui_walk_free(t);
	tui_help_free(t);
	tui_team_free(t);
	free(t->lost_path);
	free(t->lost_item);
	buf_free(&t->msg);
	free(t);
	return quit < 0 ? 1 : 0;
}
