/* tui.c - the terminal UI's main loop (see tui.h): curses setup and
 * teardown, layout from the terminal size, input and dispatch by the table
 * of screens (tui_screens.c), what a screen asks (struct tui_go) done once
 * it has returned, the folder followed (tui_sync.c), each screen's state
 * made and freed, resize (KEY_RESIZE: no signal handler touches curses), and SIGHUP, SIGTERM
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
static const struct tui_go no_go = { .kind = GO_NONE };

/* Screen S opened by the request ARG (its open op) and put on top, unless
 * it declines */
static void
open_screen(struct tui *t, enum tui_screen s, const struct tui_go *arg)
{
	const struct tui_screen_ops *o = tui_screens[s];

	if (o->open && !o->open(t, t->state[s], arg))
		return;
	tui_push(t, s);
}

/* Each screen's own state (not the pages' that share another's) given to
 * its op; for tick ops, 1 if any said 1 */
enum each { EACH_RESIZE, EACH_REREAD, EACH_TICK };
static int
each_screen(struct tui *t, enum each what)
{
	int any = 0;

	for (int i = 0; i < SCREEN_COUNT; i++) {
		const struct tui_screen_ops *o = tui_screens[i];

		if (o->shares)
			continue;
		if (what == EACH_RESIZE && o->resize)
			o->resize(t, t->state[i]);
		else if (what == EACH_REREAD && o->reread)
			o->reread(t, t->state[i]);
		else if (what == EACH_TICK && o->tick)
			any |= o->tick(t, t->state[i]);
	}
	return any;
}

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
		open_screen(t, SCREEN_FACTS, &no_go);	/* over the walk: it returns there */
	tui_save_place(t);
}

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
	each_screen(t, EACH_RESIZE);
}

static void
draw_title(struct tui *t)
{
	const struct tui_screen_ops *o = tui_screens[t->screen];
	struct buf line = BUF_INIT;
	size_t mark;

	attron(tui_attr(t, TA_TITLE));
	tui_fill(0, 0, t->cols);
	/* panel mode says so first, whatever the screen */
	if (t->panel_mode) {
		buf_addc(&line, ' ');
		buf_adds(&line, tui_lock_mark(t));
		buf_adds(&line, t->utf8 ? "\xe2\x94\x82" : "|");
	}
	mark = line.len;
	if (o->title)
		o->title(t, t->state[t->screen], &line);
	if (line.len > mark) {
		;	/* the screen's own */
	} else if (t->in.ncases > 0 && t->screen != SCREEN_LIST && o->panel) {
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
	if (t->panel_mode) {	/* the mark again, in bold */
		attron(A_BOLD);
		tui_put(0, 1, t->cols - 1, tui_lock_mark(t));
		attroff(A_BOLD);
	}
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
	hint = t->unlock_open ? tui_lock_hint(t) : tui_screens[t->screen]->hint ?
	    tui_screens[t->screen]->hint(t, t->state[t->screen]) : "";
	attron(tui_attr(t, TA_DIM));
	tui_put(t->status.y, 0, t->cols, hint);
	attroff(tui_attr(t, TA_DIM));
}

static void
draw(struct tui *t)
{
	const struct tui_screen_ops *o = tui_screens[t->screen];
	int over = o->over && o->over(t, t->state[t->screen]);

	erase();
	if (t->too_small) {
		char line[200];

		snprintf(line, sizeof line, "Terminal too small: %dx%d. yjinspect needs at least "
		    "%dx%d. %s", t->cols, t->rows, TUI_MIN_COLS, TUI_MIN_ROWS,
		    t->asking == TUI_ASK_QUIT ? "Quit yjinspect? y/n" :
		    "Make the window larger, or press q to quit.");
		tui_wrap(t->rows / 2 > 0 ? t->rows / 2 - 1 : 0, 0, t->cols, t->rows, line);
		curs_set(0);
		refresh();
		return;
	}
	draw_title(t);
	t->cury = t->curx = -1;
	if (over) {	/* the screen that opened it, under it, drawn as on top */
		enum tui_screen top = t->screen;

		t->screen = tui_under(t);
		tui_screens[t->screen]->draw(t, t->state[t->screen]);
		t->screen = top;
		t->cury = t->curx = -1;
	}
	tui_screens[t->screen]->draw(t, t->state[t->screen]);
	if (tui_screens[t->screen]->panel && !over)
		tui_panel_draw(t);
	tui_lock_draw(t);	/* the unlock form, over the screen that opened it */
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
		each_screen(t, EACH_REREAD);
	if (found & TUI_SYNC_BACK)
		t->screen = SCREEN_WALK;
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
	const struct tui_screen_ops *o = tui_screens[t->screen];

	return o->panel == 2 && t->panel_focus ? CTX_PANEL : o->context;
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
	enum tui_screen on = t->screen;
	const struct tui_screen_ops *top = tui_screens[on];

	/* say what is taken back, and where */
	if (ch) {
		int at = edit_case_index(&t->in, ch->case_name);
		const char *ref = ch->kind == EDIT_DECISION || ch->kind == EDIT_FINDINGS ? "" :
		    at >= 0 && t->in.cases[at].reference ? t->in.cases[at].reference :
		    ch->case_name;

		/* the case by its reference, as the inspector knows it; a
		 * change joined to the one before names both; a decision,
		 * what undoing it does to it */
		if (ch->kind == EDIT_DECISION)
			edit_decision_undo_text(&t->in, ch, &what);
		else if (ch->kind == EDIT_FINDINGS)
			edit_findings_text(&t->in, ch, &what);
		else
			buf_printf(&what, "%s%s%s on %s", change_name(t, ch), ch->with_prev ?
			    " and " : "", ch->with_prev ? change_name(t, ch - 1) : "", ref);
	}
	if (top->leave)	/* (the facts form) its field first, then back to it below */
		top->leave(t, t->state[on]);
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
	if (t->screen == on && top->leave && top->open)
		top->open(t, t->state[on], &no_go);	/* (on top still) */
	if (t->screen == SCREEN_WALK)
		tui_case_settle(t);
	tui_save_place(t);
	buf_free(&what);
}

static void start_place(struct tui *t);

/* What the screen on top asked for, done now it has returned */
static void
go(struct tui *t, const struct tui_go *g)
{
	switch (g->kind) {
	case GO_NONE:
		break;
	case GO_FACTS:
		if (g->to == 1)
			t->screen = SCREEN_WALK;
		open_screen(t, SCREEN_FACTS, g);
		break;
	case GO_NOTE:
	case GO_RATIONALE:
	case GO_FINDINGS:
		open_screen(t, SCREEN_NOTES, g);
		break;
	case GO_JUMP:
		open_screen(t, SCREEN_JUMP, g);
		break;
	case GO_PUSH:
		open_screen(t, g->screen, g);
		break;
	case GO_POP:
		tui_pop(t);
		if (g->settle && t->screen == SCREEN_WALK) {
			tui_case_settle(t);
			if (g->settle == 2)
				tui_save_place(t);
		}
		if (g->place)
			tui_save_place(t);
		break;
	case GO_HOME:
		tui_home(t);
		if (g->place)
			tui_save_place(t);
		break;
	case GO_CASE:
		tui_push(t, SCREEN_WALK);
		tui_open_case(t, g->n, g->to);
		break;
	case GO_OPEN:
		tui_open_case(t, g->n, g->to);
		break;
	case GO_RESTORE:
		start_place(t);
		break;
	}
}

/* Is the screen on top the top one, where q quits: the case list, or in
 * panel mode the ratings page too (the meeting's screen)? */
static int
at_top(const struct tui *t)
{
	return t->screen == SCREEN_LIST || (t->panel_mode && t->screen == SCREEN_RATINGS);
}

/* Would undoing now change a case (not a panel decision or findings)? */
static int
undo_changes_case(const struct tui *t)
{
	return t->undo.n > 0 && t->undo.v[t->undo.n - 1].kind != EDIT_DECISION &&
	    t->undo.v[t->undo.n - 1].kind != EDIT_FINDINGS;
}

/* Returns 0 to go on, 1 to quit. */
static int
handle(struct tui *t, int is_code, int ch)
{
	struct tui_go g = no_go;
	const struct tui_screen_ops *o = tui_screens[t->screen];
	enum tui_action a;
	int taken = 0;

	if (is_code && ch == KEY_RESIZE) {
		layout(t);
		return 0;
	}
	buf_reset(&t->msg);
	if (t->too_small) {
		/* q quits at the top; below it (nothing in sight to go back
		 * to) it asks first, as Q does */
		if (t->asking == TUI_ASK_QUIT) {
			t->asking = TUI_ASK_NONE;
			return !is_code && (ch == 'y' || ch == 'Y');
		}
		if (!is_code && (ch == 'q' || ch == 'Q')) {
			if (at_top(t))
				return 1;
			t->asking = TUI_ASK_QUIT;
		}
		return 0;
	}
	/* a question on the status line takes the next key: y, or not */
	if (t->asking) {
		int ask = t->asking, yes = !is_code && (ch == 'y' || ch == 'Y');

		t->asking = TUI_ASK_NONE;
		if (ask == TUI_ASK_PANEL_OFF)
			tui_lock_answer(t, yes);
		else if (yes)
			return 1;
		else
			tui_message(t, 0, "Not quit.");
		return 0;
	}
	/* the unlock form, over the screen, takes every key while open */
	if (tui_lock_input(t, is_code, ch))
		return 0;
	/* text typed on the screen on top, before the key table */
	if (o->input && o->input(t, t->state[t->screen], is_code, ch, &g)) {
		go(t, &g);
		return 0;
	}
	a = tui_keys_lookup(context(t), ch, is_code);
	switch (a) {
	case ACT_QUIT:
		if (at_top(t))
			return 1;
		/* below the top, a stray key must not end the meeting */
		t->asking = TUI_ASK_QUIT;
		tui_message(t, 0, "Quit yjinspect? y/n");
		return 0;
	case ACT_LEVEL_UP:
		if (at_top(t))
			return 1;
		return handle(t, 0, 27);	/* what Esc does on this screen: back */
	case ACT_PANEL_MODE:
		tui_lock_toggle(t);
		return 0;
	case ACT_UNLOCK:
		tui_lock_open(t);
		return 0;
	case ACT_HELP: {
		/* the keys of the screen it is opened over first */
		const struct tui_go help = { .kind = GO_NONE, .n = (size_t)context(t) };

		/* the facts form stays under the help, and is back when it
		 * closes: its field is taken down with what was typed, as for
		 * a resize, and made again when next drawn */
		if (o->resize)
			o->resize(t, t->state[t->screen]);
		open_screen(t, SCREEN_HELP, &help);
		return 0;
	}
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	case ACT_UNDO:
		/* undoing a change to a case is one too (a decision's is not) */
		if (undo_changes_case(t)) {
			size_t n = t->undo.n;

			if (tui_lock_refused(t))
				return 0;
			undo(t);
			/* used up, whatever came of it, a failed or half-failed
			 * undo (one of two taken back) too */
			if (t->msg_error)
				tui_lock_spent(t, "the undo did not go through whole");
			else if (t->undo.n < n)
				tui_lock_used(t);
			else
				tui_lock_spent(t, "nothing was changed");
			return 0;
		}
		undo(t);
		return 0;
	case ACT_RATINGS:
		/* from the facts form, as for the help (its field saved) */
		if (o->leave) {
			o->leave(t, t->state[t->screen]);
			tui_pop(t);
		}
		open_screen(t, SCREEN_RATINGS, &no_go);
		return 0;
	case ACT_SYNC:	/* (bound only where no editor is open) */
		tui_message(t, 0, "Syncing with the team\xe2\x80\xa6");
		draw(t);	/* git may take seconds: said first */
		if (tui_team_sync(t, t->state[SCREEN_SYNC])) {
			follow_folder(t);	/* what came in, on the list and the panel */
			if (t->screen != SCREEN_SYNC)
				tui_push(t, SCREEN_SYNC);
		}
		return 0;
	default:
		break;
	}
	if (context(t) == CTX_PANEL)
		taken = tui_panel_key(t, a);
	else if (o->key) {
		taken = o->key(t, t->state[t->screen], a, &g);
		go(t, &g);
	}
	if (!taken && t->msg.len == 0) {	/* a key that does nothing here says why */
		char why[300];

		if (tui_keys_why(context(t), ch, is_code, why, sizeof why))
			tui_message(t, 0, "%s", why);
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
		if (p.screen && strcmp(p.screen, "walk") == 0 && !t->panel_mode)
			tui_open_case(t, (size_t)ci, p.item ? walk_find(&t->walk, p.item) : -1);
	}
	place_free(&p);
}

/* The place restored (tui_restore_place), then in panel mode the ratings
 * page over the case list: the meeting's screen */
static void
start_place(struct tui *t)
{
	tui_restore_place(t);
	if (t->panel_mode) {
		tui_meeting_start(t);	/* the meeting begins (or resumes) */
		t->screen = SCREEN_LIST;
		t->depth = 0;
		open_screen(t, SCREEN_RATINGS, &no_go);
	}
}

int
tui_run(const char *dir, int panel)
{
	struct buf why = BUF_INIT;
	struct tui *t = xcalloc(1, sizeof *t);
	struct sigaction sa;
	SCREEN *scr;
	struct buf said = BUF_INIT;	/* what is printed at the end */
	int quit = 0, failed = 0;

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
	for (int i = 0; i < SCREEN_COUNT; i++)	/* each screen's own state */
		if (!tui_screens[i]->shares)
			t->state[i] = xcalloc(1, tui_screens[i]->state_size ?
			    tui_screens[i]->state_size : 1);
	for (int i = 0; i < SCREEN_COUNT; i++)	/* and the pages' that share one */
		for (int j = 0; j < SCREEN_COUNT && tui_screens[i]->shares; j++)
			if (tui_screens[j] == tui_screens[i]->shares)
				t->state[i] = t->state[j];
	user_set_warn(NULL);	/* nothing printed under curses */
	t->who = user_name();
	t->panel_mode = panel;

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
			start_place(t);
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
			if (follow_folder(t) || each_screen(t, EACH_TICK))
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
		tui_lock_follow(t);	/* unlocked, and the case left: locked again */
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
	 * but a rationale half written makes no decision for the panel; what
	 * was typed and cannot be saved is printed below (the last rows first:
	 * an editor before the form under it) */
	for (int i = SCREEN_COUNT - 1; i >= 0; i--)
		if (!tui_screens[i]->shares && tui_screens[i]->quit &&
		    tui_screens[i]->quit(t, t->state[i], &said) < 0)
			failed = 1;
	if (scr != NULL) {
		tui_save_place(t);
		endwin();
		delscreen(scr);
	}
	if (said.len)
		fputs(buf_str(&said), stderr);
	buf_free(&said);
	if (failed)
		quit = -1;
	edit_undo_free(&t->undo);
	walk_free(&t->walk);
	rate_free(&t->rate);
	insp_close(&t->in);
	free(t->who);
	for (int i = 0; i < SCREEN_COUNT; i++)
		if (!tui_screens[i]->shares) {
			if (tui_screens[i]->free)
				tui_screens[i]->free(t->state[i]);
			free(t->state[i]);
		}
	free(t->lost_path);
	free(t->lost_item);
	tui_lock_free(t);
	buf_free(&t->msg);
	free(t);
	return quit < 0 ? 1 : 0;
}
