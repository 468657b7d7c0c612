/* edit_undo.c - taking changes back, and the ratings panel's decisions
 * and findings made as undoable changes (see edit.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/decide.h"
#include "model/edit.h"
#include "model/edit_parts.h"
#include "store/save.h"
#include "base/stamp.h"
#include "base/xalloc.h"

/* ---- undo ---- */

static void
decision_free(struct insp_decision *d)
{
	if (d) {
		insp_decision_free(d);
		free(d);
	}
}

static void
change_free(struct edit_change *ch)
{
	free(ch->case_name);
	free(ch->old_text);
	free(ch->new_text);
	decision_free(ch->was);
	decision_free(ch->made);
}

/* ---- panel decisions (decide.h), undoable ---- */

static struct insp_decision *
decision_copy(const struct insp_decision *d)
{
	struct insp_decision *c;

	if (d == NULL)
		return NULL;
	c = xmalloc(sizeof *c);
	*c = *d;
	c->kq = edit_dup(d->kq);
	c->why = edit_dup(d->why);
	c->by = edit_dup(d->by);
	c->at = edit_dup(d->at);
	return c;
}

static int
same_decision(const struct insp_decision *a, const struct insp_decision *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->from == b->from && a->to == b->to && edit_same_text(a->kq, b->kq) &&
	    edit_same_text(a->why, b->why) && edit_same_text(a->at, b->at);
}

static void
push_decision(struct edit_undo *u, size_t std, struct insp_decision *was,
    const struct insp_decision *made)
{
	struct edit_change *ch;

	if (u == NULL) {
		decision_free(was);
		return;
	}
	u->v = xrealloc(u->v, (u->n + 1) * sizeof *u->v);
	ch = &u->v[u->n++];
	memset(ch, 0, sizeof *ch);
	ch->kind = EDIT_DECISION;
	ch->case_name = xstrdup("");
	ch->index = std;
	ch->was = was;
	ch->made = decision_copy(made);
}

int
edit_decide(struct inspection *in, size_t std, int to, const char *kq, const char *why,
    const char *who, struct edit_undo *u, struct err *e)
{
	struct insp_decision *was = decision_copy(decide_find(in, std));

	if (decide_record(in, std, to, kq, why, who, e) < 0) {
		decision_free(was);
		return -1;
	}
	push_decision(u, std, was, decide_find(in, std));
	return 0;
}

int
edit_withdraw(struct inspection *in, size_t std, struct edit_undo *u, struct err *e)
{
	struct insp_decision *was = decision_copy(decide_find(in, std));

	if (decide_withdraw(in, std, e) < 0) {
		decision_free(was);
		return -1;
	}
	push_decision(u, std, was, NULL);
	return 0;
}

void
edit_decision_undo_text(const struct inspection *in, const struct edit_change *ch,
    struct buf *out)
{
	const struct form *f = &in->form;
	const char *id = f->stds[ch->index].id;

	if (ch->made == NULL && ch->was)	/* a withdrawal */
		buf_printf(out, "the withdrawal; decision on %s (%s) restored", id,
		    f->bands[ch->was->to].rating);
	else if (ch->made && ch->was == NULL)
		buf_printf(out, "decision on %s (%s) removed", id, f->bands[ch->made->to].rating);
	else if (ch->made)
		buf_printf(out, "decision on %s (%s); back to %s", id, f->bands[ch->made->to].rating,
		    f->bands[ch->was->to].rating);
	else
		buf_printf(out, "the panel decision on %s", id);	/* (none either side) */
}

/* ---- the panel's findings, undoable ---- */

/* Where IN keeps findings WHICH of INDEX */
static char **
findings_slot(struct inspection *in, enum edit_findings which, size_t index)
{
	return which == FINDINGS_EVIDENCE ? &in->evidence[index] :
	    which == FINDINGS_IMPROVEMENTS ? &in->improvements[index] : &in->strengths[index];
}

/* Set (saved, unrecorded) */
static int
findings_set(struct inspection *in, enum edit_findings which, size_t index, const char *text,
    struct err *e)
{
	return which == FINDINGS_EVIDENCE ? decide_evidence(in, index, text, e) :
	    decide_findings(in, index, which == FINDINGS_IMPROVEMENTS, text, e);
}

int
edit_findings(struct inspection *in, enum edit_findings which, size_t index, const char *text,
    struct edit_undo *u, struct err *e)
{
	size_t n = which == FINDINGS_EVIDENCE ? in->form.nkqs : in->form.nstds;
	char *was;
	struct edit_change *ch;

	if (index >= n)
		return err_set(e, "no such %s", which == FINDINGS_EVIDENCE ? "key question" :
		    "standard");
	if (text && text[strspn(text, " \t\n")] == '\0')
		text = NULL;	/* (blank is none, as saved) */
	if (edit_same_text(*findings_slot(in, which, index), text))
		return 1;
	was = edit_dup(*findings_slot(in, which, index));
	if (findings_set(in, which, index, text, e) < 0) {
		free(was);
		return -1;
	}
	if (u == NULL) {
		free(was);
		return 0;
	}
	u->v = xrealloc(u->v, (u->n + 1) * sizeof *u->v);
	ch = &u->v[u->n++];
	memset(ch, 0, sizeof *ch);
	ch->kind = EDIT_FINDINGS;
	ch->case_name = xstrdup("");
	ch->index = index;
	ch->old_value = (int)which;
	ch->old_text = was;
	ch->new_text = edit_dup(*findings_slot(in, which, index));
	return 0;
}

void
edit_findings_text(const struct inspection *in, const struct edit_change *ch, struct buf *out)
{
	const struct form *f = &in->form;

	if (ch->old_value == FINDINGS_EVIDENCE)
		buf_printf(out, "the evidence on %s", f->kqs[ch->index].id);
	else
		buf_printf(out, "the %s of %s", ch->old_value == FINDINGS_IMPROVEMENTS ?
		    "areas for improvement" : "strengths", f->stds[ch->index].id);
}

/* Undo findings change CH: the text before back, if the one it made is
 * still there */
static int
undo_findings(struct inspection *in, struct edit_undo *u, struct edit_change *ch,
    struct err *e)
{
	enum edit_findings which = (enum edit_findings)ch->old_value;
	struct buf what = BUF_INIT;

	if (!edit_same_text(*findings_slot(in, which, ch->index), ch->new_text)) {
		edit_findings_text(in, ch, &what);
		err_set(e, "%s was changed again since (another yjinspect?): it stays",
		    buf_str(&what));
		buf_free(&what);
		change_free(ch);
		u->n--;
		return -1;
	}
	if (findings_set(in, which, ch->index, ch->old_text, e) < 0)
		return -1;	/* (kept undoable) */
	change_free(ch);
	u->n--;
	return 1;
}

/* Undo decision change CH: the decision before it back, if the one it made
 * is still the one recorded */
static int
undo_decision(struct inspection *in, struct edit_undo *u, struct edit_change *ch,
    struct err *e)
{
	const struct insp_decision *now = decide_find(in, ch->index);
	int rc = 0;

	if (!same_decision(now, ch->made)) {
		err_set(e, "the panel decision on %s was changed again since (another yjinspect?): "
		    "it stays", in->form.stds[ch->index].id);
		change_free(ch);
		u->n--;
		return -1;
	}
	if (ch->was == NULL)
		rc = decide_withdraw(in, ch->index, e);
	else {
		struct insp_decision *slot = (struct insp_decision *)(uintptr_t)now, keep;

		if (slot == NULL) {
			in->decisions = xrealloc(in->decisions,
			    (in->ndecisions + 1) * sizeof *in->decisions);
			in->decisions[in->ndecisions++] = *ch->was;
			free(ch->was);
			ch->was = NULL;
			if ((rc = insp_save(in, e)) < 0) {	/* kept undoable */
				in->ndecisions--;
				ch->was = decision_copy(&in->decisions[in->ndecisions]);
				insp_decision_free(&in->decisions[in->ndecisions]);
			}
		} else {
			keep = *slot;
			*slot = *ch->was;
			if ((rc = insp_save(in, e)) < 0)
				*slot = keep;
			else {
				free(ch->was);
				ch->was = NULL;
				insp_decision_free(&keep);
			}
		}
	}
	if (rc < 0)
		return -1;
	change_free(ch);
	u->n--;
	return 1;
}

/* Is what change CH made still so in C? */
static int
still_so(const struct edit_change *ch, struct case_file *c, const struct inspection *in,
    const struct walk *w)
{
	struct stamp *stamp;
	unsigned char *slot;

	switch (ch->kind) {
	case EDIT_ANSWER:
		slot = edit_answer_slot(c, &in->form, w, ch->index, &stamp);
		return *slot == ch->new_value && stamp_same(stamp, ch->new_text);
	case EDIT_FACT:
		return in->form.facts[ch->index].type == FACT_TEXT ?
		    edit_same_text(c->fact_text[ch->index], ch->new_text) :
		    c->facts[ch->index] == ch->new_value;
	case EDIT_NOTE:
		return edit_same_text(c->notes[ch->index], ch->new_text);
	case EDIT_FIELD:
	default:
		return edit_same_text(*edit_field_slot(c, (enum edit_field)ch->index), ch->new_text);
	}
}

/* edit_undo of the last change CH, in case IDX, whose lock is held */
static int
undo_locked(struct inspection *in, const struct walk *w, struct edit_undo *u,
    struct edit_change *ch, int idx, int *item, struct err *e)
{
	int rc, gate = -1;

	if (edit_refresh(in, (size_t)idx, u, e) < 0)
		return -1;
	/* another yjinspect changed it again since: its change stays */
	if (!still_so(ch, &in->cases[idx], in, w)) {
		err_set(e, "%s of %s was changed again since, in another yjinspect: that "
		    "change stays (and this one is no longer undoable)",
		    ch->kind == EDIT_ANSWER ? w->items[ch->index].id :
		    ch->kind == EDIT_FACT ? in->form.facts[ch->index].id :
		    ch->kind == EDIT_NOTE ? "the note" :
		    ch->index == FIELD_REFERENCE ? "the reference" : "the inspector",
		    ch->case_name);
		change_free(ch);
		u->n--;
		return -1;
	}
	/* apply the old state through the same functions, without recording */
	switch (ch->kind) {
	case EDIT_ANSWER: {
		struct case_file *c = &in->cases[idx];
		struct stamp *stamp, cur_stamp;
		unsigned char *slot = edit_answer_slot(c, &in->form, w, ch->index, &stamp), cur = *slot;

		cur_stamp = *stamp;
		*slot = (unsigned char)ch->old_value;
		stamp_set(stamp, ch->old_text);
		rc = case_save(c, &in->form, e);
		if (rc < 0) {
			*stamp = cur_stamp;
			*slot = cur;
		}
		*item = (int)ch->index;
		break;
	}
	case EDIT_FACT:
		rc = edit_fact(in, (size_t)idx, ch->index, ch->old_value, ch->old_text, NULL, e);
		break;
	case EDIT_NOTE:
		rc = edit_note(in, (size_t)idx, ch->index, ch->old_text, NULL, e);
		break;
	case EDIT_FIELD:
	default:
		if (ch->index == FIELD_REFERENCE && ch->old_text != NULL &&
		    (edit_reference_taken(in, ch->old_text, &in->cases[idx]) ||
		    (gate = edit_reference_gate(in, (size_t)idx, ch->old_text, e)) < 0)) {
			/* it cannot come back: it would be one case in two files */
			err_set(e, "the reference '%s' of %s is another case's now: the change "
			    "stays (and is no longer undoable)", ch->old_text, ch->case_name);
			change_free(ch);
			u->n--;
			return -1;
		}
		/* (put back as it was, even if longer than a new one may be) */
		rc = edit_field_set(in, (size_t)idx, (enum edit_field)ch->index, ch->old_text, NULL, e);
		save_unlock(gate);
		break;
	}
	if (rc < 0)
		return -1;
	change_free(ch);
	u->n--;
	return 1;
}

/* edit_undo of the last change alone */
static int
undo_one(struct inspection *in, const struct walk *w, struct edit_undo *u, size_t *ci,
    int *item, struct err *e)
{
	struct edit_change *ch = &u->v[u->n - 1];
	int idx, rc;

	if (ch->kind == EDIT_DECISION)
		return undo_decision(in, u, ch, e);
	if (ch->kind == EDIT_FINDINGS)
		return undo_findings(in, u, ch, e);
	idx = edit_case_index(in, ch->case_name);
	if (idx < 0) {	/* the case is gone: nothing to take back there */
		err_set(e, "the case %s is no longer open", ch->case_name);
		change_free(ch);
		u->n--;
		return -1;
	}
	*ci = (size_t)idx;
	if (case_lock(&in->cases[idx], e) < 0)
		return -1;
	rc = undo_locked(in, w, u, ch, idx, item, e);
	case_unlock(&in->cases[idx]);
	return rc;
}

int
edit_undo(struct inspection *in, const struct walk *w, struct edit_undo *u, size_t *ci,
    int *item, struct err *e)
{
	int joined, rc, it = -1;

	*item = -1;
	if (u->n == 0)
		return 0;
	joined = u->v[u->n - 1].with_prev;
	rc = undo_one(in, w, u, ci, item, e);
	/* the change it was made with goes back too (a failed save leaves
	 * both undoable, still joined) */
	if (rc == 1 && joined && u->n > 0) {
		rc = undo_one(in, w, u, ci, &it, e);
		if (*item < 0)
			*item = it;
	}
	return rc;
}

void
edit_undo_free(struct edit_undo *u)
{
	for (size_t i = 0; i < u->n; i++)
		change_free(&u->v[i]);
	free(u->v);
	u->v = NULL;
	u->n = 0;
}
