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
#include <strings.h>
#include <time.h>

#include <curses.h>
#include <form.h>

#include "tui/tui.h"
#include "base/xalloc.h"

#define ROW_REFERENCE 0
#define ROW_INSPECTOR 1
#define ROW_FACT0 2

/* The form's own state: zeroed while it is not open */
struct tui_facts {
	int open;
	int row;		/* the focused row */
	int top;		/* first row shown */
	FORM *form;		/* the text field being edited, or NULL */
	FIELD *fields[2];
	WINDOW *sub;
	int fy, fx, fw;		/* where the field is */
	int cur;		/* the cursor, in characters into the field */
	char *pending;		/* the field's text while it is rebuilt (resize) */
	int edited;		/* something was typed: only then is it saved */
	char prefix[16];	/* letters typed on a choice row (type-ahead) */
	int prefix_row;
	long long prefix_ms;	/* when the last letter came */
	/* the choice type-ahead made just now, before the form moved on: more
	 * letters of the same name ("yro" after "y") still go to it */
	int chose_row, chose_value;
	struct buf said;	/* what that choice said, said again as it goes on
				 * (whole, however long) */
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

/* Whether the row is asked of this case: a fact whose 'asked' condition
 * the case's other facts make false is not (no changes can be recorded in
 * factors that are not there); the form skips it. */
static int
row_asked(const struct tui *t, int row)
{
	const struct form_fact *fa = row_fact(t, row);

	return fa == NULL || fa->asked == NULL ||
	    cond_eval(fa->asked, t->in.cases[t->ci].facts) != COND_FALSE;
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

/* The field's text now, trailing blanks cut (a new string). */
static char *
field_text(struct tui_facts *fx)
{
	char *v, *end;

	form_driver(fx->form, REQ_VALIDATION);	/* window -> buffer */
	v = xstrdup(field_buffer(fx->fields[0], 0));
	for (end = v + strlen(v); end > v && end[-1] == ' '; end--)
		end[-1] = '\0';
	return v;
}

static int
char_count(const char *s)
{
	size_t n = mbstowcs(NULL, s, 0);

	return n == (size_t)-1 ? (int)strlen(s) : (int)n;
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
field_make(struct tui *t, struct tui_facts *fx, int y, int x, int w)
{
	if (fx->form && fx->fy == y && fx->fx == x && fx->fw == w)
		return;
	if (fx->form && fx->pending == NULL)
		fx->pending = field_text(fx);	/* moved: keep what was typed */
	field_free(fx);
	fx->fields[0] = new_field(1, w, 0, 0, 0, 0);
	fx->fields[1] = NULL;
	if (fx->fields[0] == NULL)
		return;
	/* a static field, as wide as the pane: ncurses 6.4 garbles wide
	 * characters in a field that scrolls sideways */
	field_opts_off(fx->fields[0], O_AUTOSKIP | O_BLANK);
	set_field_back(fx->fields[0], A_UNDERLINE);
	set_field_buffer(fx->fields[0], 0, fx->pending ? fx->pending : row_value(t, fx->row));
	free(fx->pending);
	fx->pending = NULL;
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
}

/* Show the field's text again (the screen was erased) with the cursor
 * where the inspector left it. */
static void
field_show(struct tui_facts *fx)
{
	if (fx->form == NULL)
		return;
	unpost_form(fx->form);
	post_form(fx->form);
	form_driver(fx->form, REQ_BEG_LINE);
	for (int i = 0; i < fx->cur; i++)
		form_driver(fx->form, REQ_NEXT_CHAR);
}

/* Save what was typed into the focused text row. 0, or -1 (message shown)
 * when it cannot be saved: the inspector stays in the field. */
static int
field_commit(struct tui *t, struct tui_facts *fx)
{
	struct err e;
	char *v;
	int rc;

	/* no field, or one taken down until the next draw (a resize, a
	 * terminal too small) with what was typed in PENDING */
	if (fx->form == NULL && fx->pending == NULL)
		return 0;
	if (!fx->edited) {	/* only looked at: the saved text stays as it is */
		field_free(fx);
		return 0;
	}
	if (tui_lock_refused(t)) {	/* (panel mode: nothing can be typed) */
		fx->edited = 0;
		field_free(fx);
		return 0;
	}
	v = fx->form ? field_text(fx) : xstrdup(fx->pending);
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
	fx->edited = 0;
	field_free(fx);
	free(fx->pending);	/* saved: not for the next field made */
	fx->pending = NULL;
	tui_lock_used(t);
	return 0;
}

/* Whether the text row's value can be edited in a field W wide without
 * changing it: it must fit, and hold nothing the field cannot show as it is
 * (control characters from a hand-edited file). */
static int
editable(const char *v, int w)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
			return 0;
	return tui_width(v) < w;
}

/* Is fact G, not recorded, one that a fact below it decides, whatever
 * that one is (the case type: every disposal is a court one or an
 * out-of-court one)? The form then starts at that fact, not at G. */
static int
decided_later(const struct tui *t, size_t g)
{
	const struct form *f = &t->in.form;
	struct case_file *c = &t->in.cases[t->ci];

	if (f->facts[g].type != FACT_CHOICE || c->facts[g] != COND_UNSET)
		return 0;
	for (size_t h = g + 1; h < f->nfacts; h++) {
		int all = f->facts[h].type == FACT_CHOICE && c->facts[h] == COND_UNSET &&
		    f->facts[h].choice_when != NULL;

		for (size_t v = 0; all && v < f->facts[h].nchoices; v++) {
			int n = 0;

			for (size_t x = 0; x < f->facts[g].nchoices; x++) {
				c->facts[g] = (int)x;
				n += case_choice_allowed(c, f, h, (int)v) != COND_FALSE;
			}
			c->facts[g] = COND_UNSET;
			all = n == 1;
		}
		if (all)
			return 1;
	}
	return 0;
}

/* The current case's form, at the first fact not recorded yet; not when
 * there are no cases (0) */
static int
facts_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_facts *fx = st;
	const struct case_file *c;

	(void)arg;
	if (t->in.ncases == 0)
		return 0;
	c = &t->in.cases[t->ci];
	memset(fx, 0, sizeof *fx);
	fx->open = 1;
	fx->chose_row = -1;
	fx->cur = c->reference ? char_count(c->reference) : 0;
	/* start at the first fact not recorded yet */
	fx->row = c->reference ? ROW_FACT0 : ROW_REFERENCE;
	for (int r = ROW_FACT0; r < nrows(t); r++) {
		const struct form_fact *fa = row_fact(t, r);

		if (!row_asked(t, r) || decided_later(t, (size_t)(r - ROW_FACT0)))
			continue;
		if ((fa->type == FACT_TEXT && c->fact_text[r - ROW_FACT0] == NULL) ||
		    (fa->type != FACT_TEXT && c->facts[r - ROW_FACT0] == COND_UNSET)) {
			fx->row = r;
			break;
		}
	}
	return 1;
}

static void
facts_resize(struct tui *t, void *st)
{
	struct tui_facts *fx = st;

	(void)t;
	/* rebuilt at the new place on the next draw, with what was typed */
	if (fx->open && fx->form) {
		free(fx->pending);
		fx->pending = field_text(fx);
		field_free(fx);
	}
}

static const char *
row_label(const struct tui *t, int row)
{
	const struct form_fact *fa = row_fact(t, row);

	return fa ? fa->label : row == ROW_REFERENCE ? "Reference" : "Inspector";
}

/* Closed, the field being edited saved; when it cannot be (the message
 * says why) returns what was typed, "LABEL: TEXT" (free it) */
static char *
facts_end(struct tui *t, struct tui_facts *fx)
{
	char *lost = NULL;

	if (!fx->open)
		return NULL;
	if (field_commit(t, fx) < 0) {	/* the field is still there, as typed */
		char *v = fx->form ? field_text(fx) : xstrdup(fx->pending ? fx->pending : "");

		lost = xasprintf("%s: %s", row_label(t, fx->row), v);
		free(v);
	}
	field_free(fx);
	free(fx->pending);
	buf_free(&fx->said);
	memset(fx, 0, sizeof *fx);
	return lost;
}

/* Closed by the loop, the field being edited saved (or lost, said) */
static void
facts_leave(struct tui *t, void *st)
{
	free(facts_end(t, st));
}

/* The program ends: what cannot be saved goes in SAID (-1) */
static int
facts_quit(struct tui *t, void *st, struct buf *said)
{
	char *lost = facts_end(t, st);

	if (lost == NULL)
		return 0;
	buf_printf(said, "yjinspect: %s\nyjinspect: the text typed was not saved; here it is:\n%s\n",
	    buf_str(&t->msg), lost);
	free(lost);
	return -1;
}

/* The label on the row itself: the full one when every full label fits
 * (FULL), else the fact's short one; the full text is on the line under
 * the form for the focused row. */
static const char *
row_name(const struct tui *t, int row, int full)
{
	const struct form_fact *fa = row_fact(t, row);

	if (fa && !full && fa->short_label)
		return fa->short_label;
	return row_label(t, row);
}

/* The key hint, one line in W columns, for the focused row's kind. */
static const char *
footer(const struct tui *t, int row, int w)
{
	const struct form_fact *fa = row_fact(t, row);
	int u = t->utf8;

	if (tui_lock_locked(t) && w < 56)	/* panel mode: nothing can be typed or picked */
		return u ? "Read-only \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 \xc2\xb7 U unlock \xc2\xb7 Enter done" :
		    "Read-only; Up/Down; U unlock; Enter done";
	if (tui_lock_locked(t))
		return u ? "Read-only (panel mode) \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 move \xc2\xb7 "
		    "U unlock \xc2\xb7 Enter done" : "Read-only (panel mode); Up/Down; U unlock; Enter done";
	if (row_is_text(t, row))
		return u ? "Type \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 Tab move \xc2\xb7 Enter done" :
		    "Type; Up/Down/Tab move; Enter done";
	if (fa->type == FACT_BOOL)
		return u ? "y/n \xc2\xb7 \xe2\x86\x90\xe2\x86\x92 \xc2\xb7 - clear \xc2\xb7 "
		    "\xe2\x86\x91\xe2\x86\x93 move \xc2\xb7 Enter done" :
		    "y/n; Left/Right; - clear; Up/Down; Enter done";
	if (w >= 47)
		return u ? "type/\xe2\x86\x90\xe2\x86\x92 pick \xc2\xb7 - clear \xc2\xb7 "
		    "\xe2\x86\x91\xe2\x86\x93 move \xc2\xb7 Enter done" :
		    "type/Left/Right; - clear; Up/Down; Enter done";
	return u ? "type/\xe2\x86\x90\xe2\x86\x92 pick \xc2\xb7 \xe2\x86\x91\xe2\x86\x93 \xc2\xb7 Enter done" :
	    "type/Left/Right; Up/Down; Enter done";
}

static void
facts_draw(struct tui *t, void *st)
{
	struct tui_facts *fx = st;
	const struct case_file *c = &t->in.cases[t->ci];
	struct tui_rect r = t->main;
	int labw = 0, fullw = 0, body = r.h - 4, n = nrows(t), y, full, locked = 0;
	struct buf title = BUF_INIT;

	buf_printf(&title, "Case facts: %s", c->reference ? c->reference : c->name);
	attron(A_BOLD);
	tui_put(r.y, r.x, r.w, buf_str(&title));
	buf_free(&title);
	attroff(A_BOLD);
	if (body < 2)
		return;
	/* one line a row, each value in one column: the full labels when they
	 * all fit beside a value, else the short ones */
	for (int row = 0; row < n; row++)
		if (tui_width(row_label(t, row)) > fullw)
			fullw = tui_width(row_label(t, row));
	full = r.w >= fullw + 3 + 28;
	for (int row = 0; row < n; row++)
		if (tui_width(row_name(t, row, full)) > labw)
			labw = tui_width(row_name(t, row, full));
	labw += 3;	/* "> " before, a space after */
	if (labw > r.w / 2)
		labw = r.w / 2;
	/* scroll so the focused row shows */
	if (fx->row < fx->top)
		fx->top = fx->row;
	if (fx->row - fx->top >= body)
		fx->top = fx->row - body + 1;
	y = r.y + 1;
	for (int row = fx->top; row < n && y < r.y + 1 + body; row++, y++) {
		int cur = row == fx->row, vx = r.x + labw, vw = r.x + r.w - vx;
		int la = cur ? (int)A_BOLD : row_asked(t, row) ? (int)A_NORMAL : tui_attr(t, TA_DIM);

		attron(la);
		tui_put(y, r.x, 2, cur ? ">" : " ");
		tui_put(y, r.x + 2, labw - 3, row_name(t, row, full));
		attroff(la);
		if (!row_asked(t, row)) {
			attron(tui_attr(t, TA_DIM));
			tui_put(y, vx, vw, "not asked");
			attroff(tui_attr(t, TA_DIM));
		} else if (row_is_text(t, row)) {
			if (cur && (fx->form || fx->pending || editable(row_value(t, row), vw))) {
				field_make(t, fx, y, vx, vw);
				field_show(fx);
			} else {
				tui_put(y, vx, vw, row_value(t, row));
				locked |= cur;
				if (cur)
					tui_focus(t, y, vx);
			}
		} else {
			int v = c->facts[row - ROW_FACT0];
			const struct form_fact *fa = row_fact(t, row);
			const char *label = v == COND_UNSET ? "(not recorded)" : fa->choice_labels[v];
			struct buf val = BUF_INIT;
			int at = cur ? (int)A_REVERSE :
			    (v == COND_UNSET ? tui_attr(t, TA_DIM) : (int)A_NORMAL);

			/* the focused value between arrows, where they fit */
			if (cur && tui_width(label) + 4 <= vw)
				buf_printf(&val, "< %s >", label);
			else
				buf_adds(&val, label);
			attron(at);
			tui_put(y, vx, vw, buf_str(&val));
			attroff(at);
			buf_free(&val);
			if (cur)
				tui_focus(t, y, vx);
		}
	}
	/* the focused row's full label and help, then the keys on one line */
	{
		const struct form_fact *fa = row_fact(t, fx->row);
		struct buf help = BUF_INIT;

		if (locked)
			buf_adds(&help, "Too long for the field here, or holds control "
			    "characters: widen the terminal, or edit the case file.");
		else if (fx->row == ROW_REFERENCE)
			buf_adds(&help, "Reference: the case's reference; it names the "
			    "case's file.");
		else
			buf_printf(&help, "%s%s%s", row_label(t, fx->row),
			    fa && fa->help ? ": " : "", fa && fa->help ? fa->help : "");
		/* a value a merge left in conflict: both sides, instead */
		const struct conflict *k = case_conflict(&t->in.cases[t->ci], fa ? "facts" : "case",
		    fa ? fa->id : fx->row == ROW_REFERENCE ? "reference" : "inspector");
		int hattr = tui_attr(t, TA_DIM);

		if (k) {
			buf_reset(&help);
			buf_printf(&help, "In conflict from a merge: ours %s, theirs %s. "
			    "Counted neither way until recorded.", k->ours ? k->ours : "none",
			    k->theirs ? k->theirs : "none");
			hattr = tui_attr(t, TA_ERROR) | A_BOLD;
		}
		attron(hattr);
		tui_wrap(r.y + r.h - 3, r.x, r.w, 2, buf_str(&help));
		attroff(hattr);
		buf_free(&help);
		tui_put(r.y + r.h - 1, r.x, r.w, footer(t, fx->row, r.w));
	}
	if (fx->form && row_is_text(t, fx->row)) {
		pos_form_cursor(fx->form);
		getyx(stdscr, t->cury, t->curx);
	}
}

static void
move_row(struct tui *t, struct tui_facts *fx, int d)
{
	int n = nrows(t), row = fx->row + d;

	while (row >= 0 && row < n && !row_asked(t, row))
		row += d;	/* a fact not asked of this case is passed over */
	if (row < 0 || row >= n)
		return;
	if (field_commit(t, fx) < 0)
		return;
	fx->row = row;
	fx->cur = row_is_text(t, row) ? char_count(row_value(t, row)) : 0;
}

/* The focused fact row set to VALUE (tui_fact_set) */
static void
set_choice(struct tui *t, struct tui_facts *fx, int value)
{
	tui_fact_set(t, (size_t)(fx->row - ROW_FACT0), value);
}

/* Type-ahead on a choice row: CH joins the letters typed (within 1.5 s,
 * on this row); a choice whose id, label or initials start with them, the
 * only one the case's facts allow, is chosen and the form moves on. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
starts(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* "yro" for "Youth rehabilitation order" */
static void
initials(const char *label, char *out, size_t size)
{
	size_t n = 0;

	for (const char *s = label; *s && n + 1 < size; s++)
		if ((s == label || s[-1] == ' ' || s[-1] == '-') && *s != ' ')
			out[n++] = *s;
	out[n] = '\0';
}

static int
is_letter(int is_code, int ch)
{
	return !is_code && ch < 0x80 &&
	    ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'));
}

/* Letters that go on with the name type-ahead just chose, on the row
 * before, are that name's, not this row's (nor a key's: 'u', 'y'): 1 when
 * CH was one, and what was chosen is said again. */
static int
continues(struct tui *t, struct tui_facts *fx, int ch)
{
	const struct form_fact *pf;
	char more[sizeof fx->prefix], ini[64];
	size_t pl = strlen(fx->prefix);
	long long now = now_ms();

	if (fx->chose_row < 0 || fx->chose_row == fx->row || now - fx->prefix_ms > 1500 ||
	    (pf = row_fact(t, fx->chose_row)) == NULL || pl + 1 >= sizeof more)
		return 0;
	memcpy(more, fx->prefix, pl);
	more[pl] = (char)ch;
	more[pl + 1] = '\0';
	initials(pf->choice_labels[fx->chose_value], ini, sizeof ini);
	if (!starts(pf->choices[fx->chose_value], more) &&
	    !starts(pf->choice_labels[fx->chose_value], more) && !starts(ini, more))
		return 0;
	memcpy(fx->prefix, more, pl + 2);
	fx->prefix_ms = now;
	if (fx->said.len)
		tui_message(t, 0, "%s", buf_str(&fx->said));
	return 1;
}

/* Letters are being typed on this choice row (within 1.5 s): the next one
 * goes on with them, whatever key it is bound to. */
static int
typing(const struct tui *t, const struct tui_facts *fx)
{
	const struct form_fact *fa = row_fact(t, fx->row);

	return fa && fa->type == FACT_CHOICE && fx->prefix[0] && fx->prefix_row == fx->row &&
	    now_ms() - fx->prefix_ms <= 1500;
}

static void
type_ahead(struct tui *t, struct tui_facts *fx, int ch)
{
	const struct form_fact *fa = row_fact(t, fx->row);
	size_t fi = (size_t)(fx->row - ROW_FACT0), len;
	int match = -1, n = 0, exact = -1;
	char names[300] = "";
	long long now = now_ms();

	fx->chose_row = -1;
	if (fx->prefix_row != fx->row || now - fx->prefix_ms > 1500)
		fx->prefix[0] = '\0';
	fx->prefix_row = fx->row;
	fx->prefix_ms = now;
	len = strlen(fx->prefix);
	if (len + 1 < sizeof fx->prefix) {
		fx->prefix[len] = (char)ch;
		fx->prefix[len + 1] = '\0';
	}
	for (size_t v = 0; v < fa->nchoices; v++) {
		char ini[64];

		if (case_choice_allowed(&t->in.cases[t->ci], &t->in.form, fi, (int)v) == COND_FALSE)
			continue;
		initials(fa->choice_labels[v], ini, sizeof ini);
		if (!starts(fa->choices[v], fx->prefix) && !starts(fa->choice_labels[v], fx->prefix) &&
		    !starts(ini, fx->prefix))
			continue;
		if (strcasecmp(fa->choices[v], fx->prefix) == 0 || strcasecmp(ini, fx->prefix) == 0)
			exact = (int)v;
		if (n < 4)
			snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			    n ? ", " : "", fa->choice_labels[v]);
		match = (int)v;
		n++;
	}
	if (n == 0) {
		tui_message(t, 1, "No %s fits '%s' here (Left/Right to choose).", fa->label,
		    fx->prefix);
		fx->prefix[0] = '\0';
		return;
	}
	if (n > 1 && exact < 0) {
		tui_message(t, 0, "'%s': %s%s. Type more.", fx->prefix, names, n > 4 ? ", \xe2\x80\xa6" : "");
		return;
	}
	fx->chose_row = fx->row;
	fx->chose_value = n == 1 ? match : exact;
	buf_reset(&t->msg);
	set_choice(t, fx, fx->chose_value);
	if (t->msg.len == 0)	/* say what the letters chose */
		tui_message(t, 0, "%s: %s", fa->label, fa->choice_labels[fx->chose_value]);
	buf_reset(&fx->said);
	buf_adds(&fx->said, buf_str(&t->msg));
	move_row(t, fx, 1);
}

static void
done(struct tui *t, struct tui_facts *fx, struct tui_go *go)
{
	if (field_commit(t, fx) < 0)
		return;
	facts_leave(t, fx);
	tui_lock_spent(t, "nothing was changed");	/* (unlocked still: closed unchanged) */
	if (walk_first(&t->walk, &t->in.cases[t->ci]) < 0) {
		/* nothing applies yet: do not trap the inspector in the form */
		go->kind = GO_HOME;
		t->list_sel = (int)t->ci;
		tui_message(t, 0, "No question applies to %s yet: its case type (f) decides which do.",
		    t->in.cases[t->ci].reference ? t->in.cases[t->ci].reference : "this case");
		return;
	}
	/* to what the form was opened over; on the walk, where the inspector
	 * was, if it still applies */
	go->kind = GO_POP;
	go->settle = 2;
}

static int
facts_input(struct tui *t, void *st, int is_code, int ch, struct tui_go *go)
{
	struct tui_facts *fx = st;
	enum tui_action a;

	/* panel mode: the form is read-only, but moves and closes */
	if (tui_lock_locked(t)) {
		switch (a = tui_keys_lookup(CTX_FACTS, ch, is_code)) {
		case ACT_FIELD_NEXT:
		case ACT_FIELD_PREV:
			move_row(t, fx, a == ACT_FIELD_NEXT ? 1 : -1);
			return 1;
		case ACT_DONE:
			done(t, fx, go);
			return 1;
		case ACT_QUIT:
		case ACT_LEVEL_UP:
		case ACT_HELP:
		case ACT_REDRAW:
		case ACT_RATINGS:
		case ACT_UNDO:
		case ACT_PANEL_MODE:
		case ACT_UNLOCK:
			return 0;	/* the loop's */
		default:
			tui_lock_refused(t);
			return 1;
		}
	}
	if (row_is_text(t, fx->row) && fx->form) {
		/* every edit is synced to the field buffer at once (REQ_VALIDATION),
		 * so a redraw or a resize never loses what was typed */
		char *now = field_text(fx);
		int len = char_count(now), handled = 1, changed = 1;
		enum tui_action ta = tui_keys_lookup(CTX_TEXT, ch, is_code);

		free(now);
		switch (ta) {
		case ACT_ERASE_BACK:
			if (fx->cur > 0) {
				form_driver(fx->form, REQ_DEL_PREV);
				fx->cur--;
			}
			break;
		case ACT_ERASE_FWD:
			form_driver(fx->form, REQ_DEL_CHAR);
			break;
		case ACT_CURSOR_LEFT:
			fx->cur -= fx->cur > 0;
			changed = 0;
			break;
		case ACT_CURSOR_RIGHT:
			fx->cur += fx->cur < len;
			changed = 0;
			break;
		case ACT_LINE_START:
			fx->cur = 0;
			changed = 0;
			break;
		case ACT_LINE_END:
			fx->cur = len;
			changed = 0;
			break;
		default:
			if (!is_code && ch >= 0x20 && ch != 0x7f) {
				form_driver_w(fx->form, OK, (wchar_t)ch);
				fx->cur++;
			} else
				handled = 0;
		}
		if (handled) {
			form_driver(fx->form, REQ_VALIDATION);
			fx->edited |= changed;
			return 1;
		}
	}
	/* letters mid-name are the name's, before any key they are bound to */
	if (is_letter(is_code, ch)) {
		if (continues(t, fx, ch))
			return 1;
		if (typing(t, fx)) {
			type_ahead(t, fx, ch);
			return 1;
		}
	}
	a = tui_keys_lookup(CTX_FACTS, ch, is_code);
	if (row_is_text(t, fx->row) && a != ACT_FIELD_NEXT && a != ACT_FIELD_PREV &&
	    a != ACT_DONE)
		return 0;	/* in a text field only movement and Enter/Esc count */
	if (a != ACT_NONE && a != ACT_FACT_YES && a != ACT_FACT_NO) {
		fx->prefix[0] = '\0';	/* a key that is not a letter ends the typing */
		fx->chose_row = -1;
	}
	switch (a) {
	case ACT_FIELD_NEXT:
		move_row(t, fx, 1);
		return 1;
	case ACT_FIELD_PREV:
		move_row(t, fx, -1);
		return 1;
	case ACT_DONE:
		done(t, fx, go);
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
		case ACT_CHOICE_PREV: {
			/* the next choice the case's other facts allow (a court
			 * case is not offered out-of-court disposals) */
			int step = a == ACT_CHOICE_NEXT ? 1 : nc - 1;
			int c = v == COND_UNSET ? (a == ACT_CHOICE_NEXT ? 0 : nc - 1) : (v + step) % nc;
			size_t fi = (size_t)(fx->row - ROW_FACT0);

			int i;

			for (i = 0; i < nc && case_choice_allowed(&t->in.cases[t->ci],
			    &t->in.form, fi, c) == COND_FALSE; i++)
				c = (c + step) % nc;
			if (i == nc) {
				tui_message(t, 1, "No %s fits this case's other facts.", fa->label);
				return 1;
			}
			set_choice(t, fx, c);
			return 1;
		}
		case ACT_FACT_YES:
		case ACT_FACT_NO:
			if (fa->type != FACT_BOOL)
				break;	/* a letter: type-ahead, below */
			set_choice(t, fx, a == ACT_FACT_YES ? 1 : 0);
			move_row(t, fx, 1);
			return 1;
		case ACT_CLEAR_FACT:
			set_choice(t, fx, COND_UNSET);
			return 1;
		default:
			break;
		}
		/* letters and digits on a choice row pick by type-ahead */
		if (fa->type == FACT_CHOICE && is_letter(is_code, ch) && a != ACT_UNDO &&
		    a != ACT_CLEAR_FACT) {
			type_ahead(t, fx, ch);
			return 1;
		}
	}
	return 0;
}

const struct tui_screen_ops tui_facts_screen = {
	.name = "facts", .context = CTX_FACTS, .panel = 1, .state_size = sizeof(struct tui_facts),
	.open = facts_open, .draw = facts_draw, .input = facts_input, .leave = facts_leave,
	.quit = facts_quit, .resize = facts_resize,
};
