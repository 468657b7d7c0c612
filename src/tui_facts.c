/* tui_facts.c - the case facts form: reference, inspector and every fact
 * of the framework (case type, disposal, safety factors, changes, ...),
 * which decide the questions that apply. Text is typed into a field of the
 * ncurses form library; fixed choices are pick lists (Left/Right, Space,
 * y/n). Every change is saved at once (edit.h); a text field when it is
 * left. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <form.h>

#include "tui.h"
#include "xalloc.h"

#define ROW_REFERENCE 0
#define ROW_INSPECTOR 1
#define ROW_FACT0 2

struct tui_facts {
	int row;		/* the focused row */
	int top;		/* first row shown */
	FORM *form;		/* the text field being edited, or NULL */
	FIELD *fields[2];
	WINDOW *sub;
	int fy, fx, fw;		/* where the field is */
};

static int
nrows(const struct tui *t)
{
	return ROW_FACT0 + (int)t->in.form.nfacts;
}

static const struct form_fact *
row_fact(const struct tui *t, int row)
{
	return row >= ROW_FACT0 ? &t->in.form.facts[row - ROW_FACT0] : NULL;
}

static int
row_is_text(const struct tui *t, int row)
{
	return row < ROW_FACT0 || row_fact(t, row)->type == FACT_TEXT;
}

static const char *
row_value(const struct tui *t, int row)
{
	const struct case_file *c = &t->in.cases[t->ci];

	if (row == ROW_REFERENCE)
		return c->reference ? c->reference : "";
	if (row == ROW_INSPECTOR)
		return c->inspector ? c->inspector : "";
	return c->fact_text[row - ROW_FACT0] ? c->fact_text[row - ROW_FACT0] : "";
}

static void
field_free(struct tui_facts *fx)
{
	if (fx->form) {
		unpost_form(fx->form);
		free_form(fx->form);
		free_field(fx->fields[0]);
		fx->form = NULL;
	}
	if (fx->sub) {
		delwin(fx->sub);
		fx->sub = NULL;
	}
}

/* A one-line form for the text row at (Y, X), W wide. */
static void
field_make(struct tui *t, int y, int x, int w)
{
	struct tui_facts *fx = t->facts;

	if (fx->form && fx->fy == y && fx->fx == x && fx->fw == w)
		return;
	field_free(fx);
	fx->fields[0] = new_field(1, w, 0, 0, 0, 0);
	fx->fields[1] = NULL;
	if (fx->fields[0] == NULL)
		return;
	field_opts_off(fx->fields[0], O_AUTOSKIP | O_STATIC | O_BLANK);
	set_max_field(fx->fields[0], 400);
	set_field_back(fx->fields[0], A_UNDERLINE);
	set_field_buffer(fx->fields[0], 0, row_value(t, fx->row));
	fx->form = new_form(fx->fields);
	fx->sub = derwin(stdscr, 1, w, y, x);
	if (fx->form == NULL || fx->sub == NULL) {
		field_free(fx);
		return;
	}
	set_form_win(fx->form, stdscr);
	set_form_sub(fx->form, fx->sub);
	fx->fy = y;
	fx->fx = x;
	fx->fw = w;
	post_form(fx->form);
	form_driver(fx->form, REQ_END_LINE);
}

/* Save what was typed into the focused text row. 0, or -1 (message shown)
 * when it cannot be saved: the inspector stays in the field. */
static int
field_commit(struct tui *t)
{
	struct tui_facts *fx = t->facts;
	struct err e;
	char *v, *end;
	int rc;

	if (fx->form == NULL)
		return 0;
	form_driver(fx->form, REQ_VALIDATION);
	v = xstrdup(field_buffer(fx->fields[0], 0));
	for (end = v + strlen(v); end > v && end[-1] == ' '; end--)
		end[-1] = '\0';
	if (fx->row == ROW_REFERENCE)
		rc = edit_field(&t->in, t->ci, FIELD_REFERENCE, v, &t->undo, &e);
	else if (fx->row == ROW_INSPECTOR)
		rc = edit_field(&t->in, t->ci, FIELD_INSPECTOR, *v ? v : NULL, &t->undo, &e);
	else
		rc = edit_fact(&t->in, t->ci, (size_t)(fx->row - ROW_FACT0), COND_UNSET,
		    *v ? v : NULL, &t->undo, &e);
	free(v);
	if (rc < 0) {
		tui_message(t, 1, "NOT SAVED: %s", e.msg);
		return -1;
	}
	field_free(fx);
	return 0;
}

void
tui_facts_open(struct tui *t)
{
	const struct case_file *c;

	if (t->in.ncases == 0)
		return;
	c = &t->in.cases[t->ci];
	t->facts = xcalloc(1, sizeof *t->facts);
	t->screen = SCREEN_FACTS;
	/* start at the first fact not recorded yet */
	t->facts->row = c->reference ? ROW_FACT0 : ROW_REFERENCE;
	for (int r = ROW_FACT0; r < nrows(t); r++) {
		const struct form_fact *fa = row_fact(t, r);

		if ((fa->type == FACT_TEXT && c->fact_text[r - ROW_FACT0] == NULL) ||
		    (fa->type != FACT_TEXT && c->facts[r - ROW_FACT0] == COND_UNSET)) {
			t->facts->row = r;
			break;
		}
	}
}

void
tui_facts_close(struct tui *t)
{
	if (t->facts == NULL)
		return;
	field_commit(t);
	field_free(t->facts);
	free(t->facts);
	t->facts = NULL;
}

void
tui_facts_layout(struct tui *t)
{
	if (t->facts)
		field_free(t->facts);
}

void
tui_facts_draw(struct tui *t)
{
	struct tui_facts *fx = t->facts;
	const struct case_file *c = &t->in.cases[t->ci];
	struct tui_rect r = t->main;
	int labw = r.w >= 70 ? 30 : r.w / 2 - 2, valx = r.x + labw + 2, valw = r.w - labw - 2;
	int body = r.h - 4, n = nrows(t);
	char title[256];

	snprintf(title, sizeof title, "Case facts: %s", c->reference ? c->reference : c->name);
	attron(A_BOLD);
	tui_put(r.y, r.x, r.w, title);
	attroff(A_BOLD);
	if (body < 1)
		return;
	if (fx->row < fx->top)
		fx->top = fx->row;
	if (fx->row >= fx->top + body)
		fx->top = fx->row - body + 1;
	for (int i = 0; i < body && fx->top + i < n; i++) {
		int row = fx->top + i, y = r.y + 1 + i, cur = row == fx->row;
		const struct form_fact *fa = row_fact(t, row);
		const char *label = fa ? fa->label : row == ROW_REFERENCE ? "Reference" :
		    "Inspector";

		attron(cur ? A_BOLD : A_NORMAL);
		tui_put(y, r.x, 2, cur ? ">" : " ");
		tui_put(y, r.x + 2, labw - 2, label);
		attroff(cur ? A_BOLD : A_NORMAL);
		if (row_is_text(t, row)) {
			if (cur) {
				field_make(t, y, valx, valw);
				if (fx->form) {
					unpost_form(fx->form);
					post_form(fx->form);
				}
			} else
				tui_put(y, valx, valw, row_value(t, row));
			continue;
		}
		{
			int v = c->facts[row - ROW_FACT0];
			char val[300];

			snprintf(val, sizeof val, "%s %s %s", cur ? "<" : " ",
			    v == COND_UNSET ? "(not recorded)" : fa->choice_labels[v], cur ? ">" : "");
			attron(cur ? (int)A_REVERSE : (v == COND_UNSET ? tui_attr(t, TA_DIM) : (int)A_NORMAL));
			tui_put(y, valx - 2, valw + 2, val);
			attroff(cur ? (int)A_REVERSE : (v == COND_UNSET ? tui_attr(t, TA_DIM) : (int)A_NORMAL));
		}
	}
	/* the full label and help of the focused row, and the keys */
	{
		const struct form_fact *fa = row_fact(t, fx->row);
		char help[600];

		snprintf(help, sizeof help, "%s%s%s", fa ? fa->label : (fx->row == ROW_REFERENCE ?
		    "The case's reference (names its file)" : "The inspector of this case"),
		    fa && fa->help ? ": " : "", fa && fa->help ? fa->help : "");
		attron(tui_attr(t, TA_DIM));
		tui_wrap(r.y + r.h - 3, r.x, r.w, 2, help);
		attroff(tui_attr(t, TA_DIM));
		tui_put(r.y + r.h - 1, r.x, r.w, row_is_text(t, fx->row) ?
		    "Type, then Up/Down/Tab to move, Enter when done" :
		    "Left/Right/Space choose, y/n, - clear, Up/Down move, Enter done");
	}
	if (fx->form && row_is_text(t, fx->row)) {
		pos_form_cursor(fx->form);
		getyx(stdscr, t->cury, t->curx);
	}
}

static void
move_row(struct tui *t, int d)
{
	int n = nrows(t), row = t->facts->row + d;

	if (row < 0 || row >= n)
		return;
	if (field_commit(t) < 0)
		return;
	t->facts->row = row;
}

static void
set_choice(struct tui *t, int value)
{
	struct err e;
	int fact = t->facts->row - ROW_FACT0;

	if (edit_fact(&t->in, t->ci, (size_t)fact, value, NULL, &t->undo, &e) < 0) {
		tui_message(t, 1, "NOT SAVED: %s", e.msg);
		return;
	}
	tui_recompute(t);
}

static void
done(struct tui *t)
{
	if (field_commit(t) < 0)
		return;
	tui_facts_close(t);
	if (t->back == SCREEN_LIST) {
		t->screen = SCREEN_LIST;
		return;
	}
	tui_open_case(t, t->ci, t->item);
}

int
tui_facts_input(struct tui *t, int is_code, int ch)
{
	struct tui_facts *fx = t->facts;
	enum tui_action a;

	if (row_is_text(t, fx->row) && fx->form) {
		if (!is_code && ch >= 0x20 && ch != 0x7f) {
			form_driver_w(fx->form, OK, (wchar_t)ch);
			return 1;
		}
		if ((is_code && ch == KEY_BACKSPACE) || (!is_code && (ch == 0x7f || ch == 8))) {
			form_driver(fx->form, REQ_DEL_PREV);
			return 1;
		}
		if (is_code && (ch == KEY_DC || ch == KEY_LEFT || ch == KEY_RIGHT ||
		    ch == KEY_HOME || ch == KEY_END)) {
			form_driver(fx->form, ch == KEY_DC ? REQ_DEL_CHAR : ch == KEY_LEFT ?
			    REQ_PREV_CHAR : ch == KEY_RIGHT ? REQ_NEXT_CHAR :
			    ch == KEY_HOME ? REQ_BEG_LINE : REQ_END_LINE);
			return 1;
		}
	}
	a = tui_keys_lookup(CTX_FACTS, ch, is_code);
	if (row_is_text(t, fx->row) && a != ACT_FIELD_NEXT && a != ACT_FIELD_PREV &&
	    a != ACT_DONE)
		return 0;	/* in a text field only movement and Enter/Esc count */
	switch (a) {
	case ACT_FIELD_NEXT:
		move_row(t, 1);
		return 1;
	case ACT_FIELD_PREV:
		move_row(t, -1);
		return 1;
	case ACT_DONE:
		done(t);
		return 1;
	case ACT_UNDO:
		return 0;	/* handled by the main loop */
	default:
		break;
	}
	if (!row_is_text(t, fx->row)) {
		const struct form_fact *fa = row_fact(t, fx->row);
		int v = t->in.cases[t->ci].facts[fx->row - ROW_FACT0];
		int nc = (int)fa->nchoices;

		switch (a) {
		case ACT_CHOICE_NEXT:
			set_choice(t, v == COND_UNSET ? 0 : (v + 1) % nc);
			return 1;
		case ACT_CHOICE_PREV:
			set_choice(t, v == COND_UNSET ? nc - 1 : (v + nc - 1) % nc);
			return 1;
		case ACT_YES:
		case ACT_NO:
			if (fa->type != FACT_BOOL)
				return 0;
			set_choice(t, a == ACT_YES ? 1 : 0);
			move_row(t, 1);
			return 1;
		case ACT_CLEAR:
			set_choice(t, COND_UNSET);
			return 1;
		default:
			break;
		}
	}
	return 0;
}
