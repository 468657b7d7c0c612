/* tui_list.c - the case list: reference, case type, disposal, inspector,
 * progress and problems of each case; open one, add one. Case files that
 * cannot be read follow the cases, named and marked as left out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "tui/tui.h"
#include "base/xalloc.h"

/* The list's own state */
struct tui_list {
	int top;	/* the first row shown */
};

static const char *
fact_label(const struct form *f, const struct case_file *c, const char *fact)
{
	int fi = form_fact_index(f, fact);

	if (fi < 0 || c->facts[fi] < 0)
		return "-";
	return f->facts[fi].type == FACT_CHOICE ? f->facts[fi].choices[c->facts[fi]] : "-";
}

/* Column layout for width W: reference, type, disposal, inspector, progress, problems. */
static void
list_draw(struct tui *t, void *st)
{
	struct tui_list *l = st;
	const struct form *f = &t->in.form;
	struct tui_rect r = t->main;
	int rows = r.h - 2;
	/* columns: reference, type, disposal, [inspector], answered, problems */
	int refw = r.w >= 70 ? 14 : 10, typew = 6, answ = 9, probw = 8;
	int xtype = refw + 1, xdisp = xtype + typew + 1;
	int xprob = r.w - probw, xans = xprob - answ - 1;
	int dispw = xans - xdisp - 1, inspw = 0, xinsp = 0;
	char line[256];
	int nrows = (int)(t->in.ncases + t->in.nleft_out);

	if (rows < 1)
		return;
	if (dispw >= 30) {	/* room for the inspector too */
		inspw = dispw - 21;
		dispw = 20;	/* "community-resolution" whole */
		xinsp = xdisp + dispw + 1;
	}
	attron(A_BOLD);
	tui_put(r.y, r.x, refw, "Reference");
	tui_put(r.y, r.x + xtype, typew, "Type");
	tui_put(r.y, r.x + xdisp, dispw, "Disposal");
	if (inspw)
		tui_put(r.y, r.x + xinsp, inspw, "Inspector");
	tui_put(r.y, r.x + xans, answ, "Answered");
	tui_put(r.y, r.x + xprob, probw, "Problems");
	attroff(A_BOLD);
	if (nrows == 0) {
		tui_wrap(r.y + 2, r.x, r.w, 3, "No cases yet. Press a to add the first case.");
	}
	if (t->list_sel >= nrows)
		t->list_sel = nrows - 1;
	if (t->list_sel < 0)
		t->list_sel = 0;
	if (t->list_sel < l->top)
		l->top = t->list_sel;
	if (t->list_sel >= l->top + rows)
		l->top = t->list_sel - rows + 1;
	for (int i = 0; i < rows && l->top + i < nrows; i++) {
		size_t ci = (size_t)(l->top + i);

		if (ci >= t->in.ncases) {	/* a case file that cannot be read */
			int y = r.y + 1 + i, sel = (int)ci == t->list_sel;

			attron(sel ? (int)A_REVERSE : tui_attr(t, TA_ERROR));
			tui_fill(y, r.x, r.w);
			tui_put(y, r.x, refw, t->in.left_out[ci - t->in.ncases].name);
			tui_put(y, r.x + xtype, xprob - xtype - 1, "cannot be read: left out");
			tui_put(y, r.x + xprob, probw, tui_sym(t, SYM_LEFT_OUT));
			attroff(sel ? (int)A_REVERSE : tui_attr(t, TA_ERROR));
			if (sel)
				tui_focus(t, y, r.x);
			continue;
		}
		const struct case_file *c = &t->in.cases[ci];
		struct problems p = PROBLEMS_INIT;
		int done, total, y = r.y + 1 + i, sel = (int)ci == t->list_sel;

		case_progress(c, f, &done, &total);
		case_check(c, f, &p);
		if (sel)
			attron(A_REVERSE);
		tui_fill(y, r.x, r.w);
		tui_put(y, r.x, refw, c->reference ? c->reference : c->name);
		tui_put(y, r.x + xtype, typew, fact_label(f, c, "case_type"));
		tui_put(y, r.x + xdisp, dispw, fact_label(f, c, "disposal"));
		if (inspw)
			tui_put(y, r.x + xinsp, inspw, c->inspector ? c->inspector : "");
		snprintf(line, sizeof line, "%d/%d", done, total);
		tui_put(y, r.x + xans, answ, line);
		/* an incomplete case's "not answered yet" is progress, not a problem */
		{
			size_t n = 0;

			for (size_t k = 0; k < p.n; k++)
				n += strstr(p.v[k].msg, "not answered yet") == NULL;
			snprintf(line, sizeof line, "%zu", n);
			if (n && !sel)
				attron(tui_attr(t, TA_ERROR));
			tui_put(y, r.x + xprob, probw, n ? line : "-");
			if (n && !sel)
				attroff(tui_attr(t, TA_ERROR));
		}
		if (sel) {
			attroff(A_REVERSE);
			tui_focus(t, y, r.x);
		}
		problems_free(&p);
	}
	if (t->adding)
		tui_field_draw(t, r.y + r.h - 1, r.x, r.w, "New case reference: ");
}

static void
add_case(struct tui *t, struct tui_go *go)
{
	char ref[512];
	struct err e;
	size_t ci;
	char *trim;

	tui_field_text(t, ref, sizeof ref);
	for (trim = ref + strlen(ref); trim > ref && trim[-1] == ' '; trim--)
		trim[-1] = '\0';
	if (*ref == '\0') {
		t->adding = 0;
		tui_lock_spent(t, "no case added");
		return;
	}
	if (edit_add_case(&t->in, ref, tui_lock_who(t), &ci, &e) < 0) {
		/* the prompt stays, with what was typed */
		tui_message(t, 1, "NOT ADDED: %s", e.msg);
		return;
	}
	t->adding = 0;
	tui_recompute(t);
	t->ci = ci;
	t->list_sel = (int)ci;
	t->item = -1;
	tui_message(t, 0, "Added %s. Record its facts: they decide which questions apply.", ref);
	tui_lock_used(t);
	go->kind = GO_FACTS;
	go->to = 1;	/* over the walk: the form, done, opens the walk */
}

static int
list_input(struct tui *t, void *st, int is_code, int ch, struct tui_go *go)
{
	char too_long[64];
	enum tui_action a;

	(void)st;
	if (!t->adding)	/* typed into the field only while adding a case */
		return 0;
	snprintf(too_long, sizeof too_long, "A reference is at most %d characters.",
	    EDIT_REFERENCE_MAX);
	a = tui_field_key(t, CTX_ADD, is_code, ch, EDIT_REFERENCE_MAX, too_long);
	if (a == ACT_ADD_CONFIRM)
		add_case(t, go);
	else if (a == ACT_CANCEL) {
		t->adding = 0;
		tui_lock_spent(t, "no case added");
	}
	return 1;
}

const char *
tui_left_out_why(const struct tui *t, size_t i)
{
	const char *why = t->in.left_out[i].why;
	size_t n = strlen(t->in.dir);

	/* "DIR/cases/NAME.ini:LINE: ..." from "NAME.ini" on: the status line
	 * is one line, and the reason is the part that matters */
	if (strncmp(why, t->in.dir, n) == 0 && strncmp(why + n, "/cases/", 7) == 0)
		return why + n + 7;
	return why;
}

/* The selected row is a case file that cannot be read: say why. */
static int
left_out_selected(struct tui *t)
{
	if (t->list_sel < (int)t->in.ncases)
		return 0;
	tui_message(t, 1, "Left out until put right: %s",
	    tui_left_out_why(t, (size_t)t->list_sel - t->in.ncases));
	return 1;
}

static int
list_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	(void)st;
	int rows = t->main.h - 2;

	switch (a) {
	case ACT_UP:
		if (t->list_sel > 0)
			t->list_sel--;
		return 1;
	case ACT_DOWN:
		if (t->list_sel + 1 < (int)(t->in.ncases + t->in.nleft_out))
			t->list_sel++;
		return 1;
	case ACT_PAGE_UP:
		t->list_sel -= rows > 1 ? rows : 1;
		return 1;
	case ACT_PAGE_DOWN:
		t->list_sel += rows > 1 ? rows : 1;
		return 1;
	case ACT_TOP:
		t->list_sel = 0;
		return 1;
	case ACT_BOTTOM:	/* the draw holds it to the last row */
		t->list_sel = (int)(t->in.ncases + t->in.nleft_out);
		return 1;
	case ACT_OPEN:
		if (left_out_selected(t))
			return 1;
		if (t->in.ncases == 0)
			return 0;
		*go = (struct tui_go){ .kind = GO_OPEN, .n = (size_t)t->list_sel, .to = -1 };
		return 1;
	case ACT_FACTS:
		if (left_out_selected(t))
			return 1;
		if (t->in.ncases == 0)
			return 0;
		t->ci = (size_t)t->list_sel;
		t->item = -1;	/* a walk item belongs to its case */
		go->kind = GO_FACTS;	/* over the list: it returns there */
		return 1;
	case ACT_ADD_CASE:
		if (tui_lock_refused(t))	/* panel mode: unlocked, one case */
			return 1;
		t->adding = 1;
		tui_field_start(t);
		return 1;
	case ACT_FOCUS:
		t->panel_focus = 1;
		return 1;
	default:
		return 0;
	}
}

static const char *
list_hint(const struct tui *t, void *st)
{
	(void)st;
	return t->adding ? "Type the new case's reference: Enter adds it, Esc cancels" :
	    t->panel_focus ? "j/k scroll the panel  Tab or Esc back to the list  ? help" :
	    "Enter open  a add case  r ratings  f facts  = sync  Tab panel  ? help  q quit";
}

const struct tui_screen_ops tui_list_screen = {
	.name = "list", .context = CTX_LIST, .panel = 2, .state_size = sizeof(struct tui_list),
	.hint = list_hint, .draw = list_draw, .key = list_key, .input = list_input,
};
