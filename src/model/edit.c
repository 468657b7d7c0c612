/* edit.c - changes to a case, saved at once, with undo (see edit.h). */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/decide.h"
#include "model/edit.h"
#include "store/inikeep.h"
#include "store/iniw.h"
#include "store/journal.h"
#include "store/save.h"
#include "base/stamp.h"
#include "base/xalloc.h"

static char *file_with(const struct inspection *in, const char *reference, const char *self,
    int all, int *left_out);
static int reference_gate(const struct inspection *in, size_t ci, const char *ref,
    struct err *e);

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
push(struct edit_undo *u, const struct case_file *c, enum edit_kind kind, size_t index,
    int old_value, const char *old_text, int new_value, const char *new_text)
{
	struct edit_change *ch;

	if (u == NULL)
		return;
	u->v = xrealloc(u->v, (u->n + 1) * sizeof *u->v);
	ch = &u->v[u->n++];
	ch->kind = kind;
	ch->case_name = xstrdup(c->name);
	ch->index = index;
	ch->old_value = old_value;
	ch->old_text = dup_or_null(old_text);
	ch->new_value = new_value;
	ch->new_text = dup_or_null(new_text);
	ch->with_prev = 0;
	ch->was = ch->made = NULL;
}

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
edit_case_index(const struct inspection *in, const char *name)
{
	size_t lo = 0, hi = in->ncases;

	while (lo < hi) {	/* the cases are sorted by file name */
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(in->cases[mid].name, name);

		if (c == 0)
			return (int)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Read case CI again if it changed on disk (see edit.h). U may be NULL. */
static int
refresh(struct inspection *in, size_t ci, struct edit_undo *u, struct err *e)
{
	int reloaded;

	if (case_refresh(&in->cases[ci], &in->form, &reloaded, e) < 0)
		return -1;
	if (reloaded && u)
		u->reloads++;
	return 0;
}

/* ---- the changes; each one: remember, change, save, or put back ---- */

static unsigned char *
answer_slot(struct case_file *c, const struct form *f, const struct walk *w, size_t item,
    struct stamp **stamp)
{
	const struct walk_item *it = &w->items[item];

	*stamp = case_stamp(c, f, it->kind != WALK_KQ, it->index);
	if (it->kind == WALK_KQ)
		return &c->kq_answer[it->index];
	return &c->prompt_answer[it->index];
}

static int
answer_locked(struct inspection *in, const struct walk *w, size_t ci, size_t item,
    enum answer a, const char *who, struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	struct stamp *stamp, old_stamp;
	char *old_text, *new_text, now[32];
	unsigned char *slot, old;

	if (a != ANSWER_NONE && !walk_allows(w, item, a))
		return err_set(e, "%s cannot be answered N/A", w->items[item].id);
	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	if (a != ANSWER_NONE && walk_relevant(w, c, item) != COND_TRUE)
		return err_set(e, "%s does not apply to this case: not answered",
		    w->items[item].id);
	slot = answer_slot(c, &in->form, w, item, &stamp);
	old = *slot;
	if (old == a)
		return 0;
	stamp_now(now, sizeof now, 0);
	old_stamp = *stamp;
	*slot = (unsigned char)a;
	new_text = a == ANSWER_NONE ? NULL : xasprintf("%s %s", now, who ? who : "");
	stamp_set(stamp, new_text);
	if (case_save(c, &in->form, e) < 0) {
		free(new_text);
		*stamp = old_stamp;
		*slot = old;
		return -1;
	}
	old_text = stamp_text(&old_stamp);
	push(u, c, EDIT_ANSWER, item, old, old_text, a, new_text);
	free(old_text);
	free(new_text);
	return 0;
}

static int
fact_locked(struct inspection *in, size_t ci, size_t fact, int value, const char *text,
    struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	int old;
	char *old_text;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	old = c->facts[fact];
	old_text = c->fact_text[fact];

	if (in->form.facts[fact].type == FACT_TEXT) {
		if ((old_text == NULL && text == NULL) ||
		    (old_text && text && strcmp(old_text, text) == 0))
			return 0;
		c->fact_text[fact] = dup_or_null(text);
	} else {
		if (old == value)
			return 0;
		c->facts[fact] = value;
	}
	if (case_save(c, &in->form, e) < 0) {
		if (in->form.facts[fact].type == FACT_TEXT)
			free(c->fact_text[fact]);
		c->fact_text[fact] = old_text;
		c->facts[fact] = old;
		return -1;
	}
	push(u, c, EDIT_FACT, fact, old, old_text, c->facts[fact], c->fact_text[fact]);
	if (in->form.facts[fact].type == FACT_TEXT)
		free(old_text);
	return 0;
}

static int
note_locked(struct inspection *in, size_t ci, size_t kq, const char *note,
    struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	char *old;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	old = c->notes[kq];
	if (note != NULL && *note == '\0')
		note = NULL;
	if ((old == NULL && note == NULL) || (old && note && strcmp(old, note) == 0))
		return 0;
	c->notes[kq] = dup_or_null(note);
	if (case_save(c, &in->form, e) < 0) {
		free(c->notes[kq]);
		c->notes[kq] = old;
		return -1;
	}
	push(u, c, EDIT_NOTE, kq, 0, old, 0, c->notes[kq]);
	free(old);
	return 0;
}

/* edit_note_from, the lock held; BASE and NOTE differ, "" given as NULL */
static int
note_from_locked(struct inspection *in, size_t ci, size_t kq, const char *base,
    const char *note, const char *who, int *conflict, struct edit_undo *u, struct err *e)
{
	const char *now_on_disk;
	char *joined, stamp[32];
	int rc;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	now_on_disk = in->cases[ci].notes[kq];
	/* no one else changed it, or they wrote the same, or they removed it
	 * while ours was being written (ours is the note now) */
	if (same_text(now_on_disk, base) || same_text(now_on_disk, note))
		return note_locked(in, ci, kq, note, u, e);
	if (now_on_disk == NULL) {	/* removed there while ours was written */
		rc = note_locked(in, ci, kq, note, u, e);
		if (rc == 0 && conflict)
			*conflict = EDIT_NOTE_REMOVED_THERE;
		return rc;
	}
	if (note == NULL) {	/* ours cleared it, theirs was written: theirs stays */
		if (conflict)
			*conflict = EDIT_NOTE_THEIRS_KEPT;
		return 0;
	}
	/* both kept: theirs, then ours under a line that says what happened */
	stamp_now(stamp, sizeof stamp, 0);
	joined = xasprintf("%s\n\n[%s %s: written while another yjinspect changed the "
	    "note above]\n%s", now_on_disk, stamp, who ? who : "", note);
	rc = note_locked(in, ci, kq, joined, u, e);
	free(joined);
	if (rc == 0 && conflict)
		*conflict = EDIT_NOTE_BOTH_KEPT;
	return rc;
}

static char **
field_slot(struct case_file *c, enum edit_field field)
{
	return field == FIELD_REFERENCE ? &c->reference : &c->inspector;
}

/* REF as a reference: -1 (E says why) if empty or too long. */
static int
reference_ok(const char *ref, struct err *e)
{
	size_t chars = 0;

	if (ref == NULL || *ref == '\0')
		return err_set(e, "a case needs a reference");
	for (const char *p = ref; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;	/* UTF-8 characters */
	if (chars > EDIT_REFERENCE_MAX)
		return err_set(e, "a reference is at most %d characters (this one has %zu)",
		    EDIT_REFERENCE_MAX, chars);
	return 0;
}

static int
reference_taken(const struct inspection *in, const char *ref, const struct case_file *self)
{
	for (size_t i = 0; i < in->ncases; i++)
		if (&in->cases[i] != self && in->cases[i].reference &&
		    strcmp(in->cases[i].reference, ref) == 0)
			return 1;
	return 0;
}

/* Set a field (no checks but the save's); U may be NULL. */
static int
field_set(struct inspection *in, size_t ci, enum edit_field field, const char *text,
    struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	char **slot, *old;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	slot = field_slot(c, field);
	old = *slot;
	if ((old == NULL && text == NULL) || (old && text && strcmp(old, text) == 0))
		return 0;
	*slot = dup_or_null(text);
	if (case_save(c, &in->form, e) < 0) {
		free(*slot);
		*slot = old;
		return -1;
	}
	push(u, c, EDIT_FIELD, field, 0, old, 0, *slot);
	free(old);
	return 0;
}

static int
field_locked(struct inspection *in, size_t ci, enum edit_field field, const char *text,
    struct edit_undo *u, struct err *e)
{
	if (field == FIELD_REFERENCE) {
		if (refresh(in, ci, u, e) < 0)
			return -1;
		if (reference_ok(text, e) < 0)
			return -1;
		if (reference_taken(in, text, &in->cases[ci]))
			return err_set(e, "another case has the reference '%s'", text);
	}
	return field_set(in, ci, field, text, u, e);
}

/* ---- the changes as the caller sees them: each under the case's save
 * lock, held from reading the case again to saving it (case_lock), so
 * that another yjinspect's change made at the same instant is not lost */

int
edit_answer(struct inspection *in, const struct walk *w, size_t ci, size_t item,
    enum answer a, const char *who, struct edit_undo *u, struct err *e)
{
	int rc;

	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = answer_locked(in, w, ci, item, a, who, u, e);
	case_unlock(&in->cases[ci]);
	return rc;
}

int
edit_fact(struct inspection *in, size_t ci, size_t fact, int value, const char *text,
    struct edit_undo *u, struct err *e)
{
	int rc;

	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = fact_locked(in, ci, fact, value, text, u, e);
	case_unlock(&in->cases[ci]);
	return rc;
}

int
edit_note(struct inspection *in, size_t ci, size_t kq, const char *note,
    struct edit_undo *u, struct err *e)
{
	int rc;

	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = note_locked(in, ci, kq, note, u, e);
	case_unlock(&in->cases[ci]);
	return rc;
}

int
edit_note_from(struct inspection *in, size_t ci, size_t kq, const char *base,
    const char *note, const char *who, int *conflict, struct edit_undo *u, struct err *e)
{
	int rc;

	if (conflict)
		*conflict = EDIT_NOTE_SAVED;
	if (base != NULL && *base == '\0')
		base = NULL;
	if (note != NULL && *note == '\0')
		note = NULL;
	if (same_text(base, note))
		return 0;	/* nothing typed: nothing to save, no lock needed */
	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = note_from_locked(in, ci, kq, base, note, who, conflict, u, e);
	case_unlock(&in->cases[ci]);
	return rc;
}

int
edit_field(struct inspection *in, size_t ci, enum edit_field field, const char *text,
    struct edit_undo *u, struct err *e)
{
	int rc, gate = -1;

	/* a reference: not another case's on disk either, and none added
	 * with it meanwhile (the gate adding a case holds too) */
	if (field == FIELD_REFERENCE && text != NULL && *text != '\0' &&
	    (gate = reference_gate(in, ci, text, e)) < 0)
		return -1;
	if (case_lock(&in->cases[ci], e) < 0) {
		save_unlock(gate);
		return -1;
	}
	rc = field_locked(in, ci, field, text, u, e);
	case_unlock(&in->cases[ci]);
	save_unlock(gate);
	return rc;
}

/* ---- facts the other facts decide ---- */

/* The one choice of fact G of C that the recorded facts leave (every
 * other recorded fact still allowed with it, and it allowed itself), or
 * -1 when none or more than one does. */
static int
only_choice(struct case_file *c, const struct form *f, size_t g)
{
	int only = -1, n = 0;

	for (size_t v = 0; v < f->facts[g].nchoices; v++) {
		int fits = 1;

		c->facts[g] = (int)v;
		for (size_t h = 0; h < f->nfacts && fits; h++)
			if (h != g && c->facts[h] != COND_UNSET &&
			    case_choice_allowed(c, f, h, c->facts[h]) == COND_FALSE)
				fits = 0;
		c->facts[g] = COND_UNSET;
		if (fits && case_choice_allowed(c, f, g, (int)v) != COND_FALSE) {
			only = (int)v;
			n++;
		}
	}
	return n == 1 && f->facts[g].nchoices >= 2 ? only : -1;
}

static int
derive_locked(struct inspection *in, size_t ci, struct edit_undo *u, struct buf *said,
    struct err *e)
{
	const struct form *f = &in->form;
	int n = 0;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	for (size_t g = 0; g < f->nfacts; g++) {
		struct case_file *c = &in->cases[ci];
		int only;

		if (f->facts[g].type != FACT_CHOICE || c->facts[g] != COND_UNSET ||
		    (only = only_choice(c, f, g)) < 0)
			continue;
		if (fact_locked(in, ci, g, only, NULL, u, e) < 0)
			return -1;
		if (u)
			edit_undo_join(u);	/* one undo takes back both */
		if (said)
			buf_printf(said, "%s%s: %s", n ? ", " : "", f->facts[g].label,
			    f->facts[g].choice_labels[only]);
		n++;
	}
	return n;
}

int
edit_derive_facts(struct inspection *in, size_t ci, const char *who, struct edit_undo *u,
    struct buf *said, struct err *e)
{
	int rc;

	(void)who;	/* a fact carries no stamp: the journal says who */
	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = derive_locked(in, ci, u, said, e);
	case_unlock(&in->cases[ci]);
	return rc;
}

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
	c->kq = dup_or_null(d->kq);
	c->why = dup_or_null(d->why);
	c->by = dup_or_null(d->by);
	c->at = dup_or_null(d->at);
	return c;
}

static int
same_decision(const struct insp_decision *a, const struct insp_decision *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->from == b->from && a->to == b->to && same_text(a->kq, b->kq) &&
	    same_text(a->why, b->why) && same_text(a->at, b->at);
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
		slot = answer_slot(c, &in->form, w, ch->index, &stamp);
		return *slot == ch->new_value && stamp_same(stamp, ch->new_text);
	case EDIT_FACT:
		return in->form.facts[ch->index].type == FACT_TEXT ?
		    same_text(c->fact_text[ch->index], ch->new_text) :
		    c->facts[ch->index] == ch->new_value;
	case EDIT_NOTE:
		return same_text(c->notes[ch->index], ch->new_text);
	case EDIT_FIELD:
	default:
		return same_text(*field_slot(c, (enum edit_field)ch->index), ch->new_text);
	}
}

/* edit_undo of the last change CH, in case IDX, whose lock is held */
static int
undo_locked(struct inspection *in, const struct walk *w, struct edit_undo *u,
    struct edit_change *ch, int idx, int *item, struct err *e)
{
	int rc, gate = -1;

	if (refresh(in, (size_t)idx, u, e) < 0)
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
		unsigned char *slot = answer_slot(c, &in->form, w, ch->index, &stamp), cur = *slot;

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
		    (reference_taken(in, ch->old_text, &in->cases[idx]) ||
		    (gate = reference_gate(in, (size_t)idx, ch->old_text, e)) < 0)) {
			/* it cannot come back: it would be one case in two files */
			err_set(e, "the reference '%s' of %s is another case's now: the change "
			    "stays (and is no longer undoable)", ch->old_text, ch->case_name);
			change_free(ch);
			u->n--;
			return -1;
		}
		/* (put back as it was, even if longer than a new one may be) */
		rc = field_set(in, (size_t)idx, (enum edit_field)ch->index, ch->old_text, NULL, e);
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
edit_undo_join(struct edit_undo *u)
{
	if (u->n >= 2 && strcmp(u->v[u->n - 1].case_name, u->v[u->n - 2].case_name) == 0)
		u->v[u->n - 1].with_prev = 1;
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

/* ---- new cases ---- */

/* A file name from the reference: ASCII letters, digits, '-' and '_'
 * kept, anything else '_' (so no '/', no '..', no hidden file), at most 64
 * bytes. */
static char *
file_stem(const char *ref)
{
	char *s = xmalloc(66);
	size_t n = 0;

	for (const char *p = ref; *p && n < 64; p++) {
		unsigned char ch = (unsigned char)*p;

		int keep = (isalnum(ch) && ch < 0x80) || ch == '-' || ch == '_';

		s[n++] = keep ? (char)ch : '_';
	}
	if (n == 0)
		s[n++] = 'c';
	s[n] = '\0';
	return s;
}

static int
cmp_case_name(const void *a, const void *b)
{
	return strcmp(((const struct case_file *)a)->name, ((const struct case_file *)b)->name);
}

/* The first MAX bytes of the file at PATH, NUL-terminated; NULL if it
 * cannot be read. */
static char *
slurp(const char *path, size_t max)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char *text;
	size_t n = 0;
	ssize_t r;

	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {	/* a FIFO would block */
		close(fd);
		return NULL;
	}
	text = xmalloc(max + 1);
	while (n < max && (r = read(fd, text + n, max - n)) > 0)
		n += (size_t)r;
	text[n] = '\0';
	close(fd);
	return text;
}

/* Does the file at PATH (not one of IN's cases) hold LINE, the line the
 * writer gives a reference (line + 1: at the very start)? */
static int
holds_line(const char *path, const char *line)
{
	char *text = slurp(path, 1 << 20);
	int found = text != NULL && (strstr(text, line) != NULL ||
	    strncmp(text, line + 1, strlen(line + 1)) == 0);

	free(text);
	return found;
}

static int
is_left_out(const struct inspection *in, const char *name)
{
	for (size_t i = 0; i < in->nleft_out; i++)
		if (strcmp(in->left_out[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * A case file in DIR/cases that is not one of IN's cases (with ALL, any but
 * SELF, as it is on disk now) and may hold the case REFERENCE; its name
 * (free it), *LEFT_OUT saying whether it is one that could not be read, or
 * NULL. A file that could not be read may hold
 * it by its name (REFERENCE's file name, NAME.ini or NAME-N.ini); any such
 * file by the line the writer would give the reference (another yjinspect
 * may have added the case since IN was read).
 */
static char *
file_with(const struct inspection *in, const char *reference, const char *self, int all,
    int *left_out)
{
	char *stem = file_stem(reference), *line, *cdir, *found = NULL;
	size_t n = strlen(stem);
	struct iniw w;
	struct dirent *de;
	DIR *d;

	iniw_init(&w);
	iniw_section(&w, "case");
	iniw_str(&w, "reference", reference);
	line = strstr(iniw_text(&w), "\nreference = ");	/* "\nreference = \"...\"\n" */
	cdir = xasprintf("%s/cases", in->dir);
	d = opendir(cdir);
	while (d != NULL && found == NULL && (de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		size_t len = strlen(name);
		char *path;

		if (name[0] == '.' || len <= 4 || strcmp(name + len - 4, ".ini") != 0 ||
		    (self != NULL && strcmp(name, self) == 0) ||
		    (!all && edit_case_index(in, name) >= 0))
			continue;
		*left_out = is_left_out(in, name);
		if (*left_out && strncmp(name, stem, n) == 0) {	/* NAME.ini, NAME-N.ini */
			size_t digits = name[n] == '-' ? strspn(name + n + 1, "0123456789") : 0;

			if (strcmp(name + n, ".ini") == 0 ||
			    (digits > 0 && strcmp(name + n + 1 + digits, ".ini") == 0)) {
				found = xstrdup(name);
				break;
			}
		}
		path = xasprintf("%s/%s", cdir, name);
		if (line != NULL && holds_line(path, line))
			found = xstrdup(name);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(cdir);
	iniw_free(&w);
	free(stem);
	return found;
}

static int
add_case_locked(struct inspection *in, const char *reference, const char *inspector,
    size_t *ci, struct err *e)
{
	struct case_file c;
	char *stem, *path = NULL, now[32];
	char *other;
	int tries, taken, lo;

	if (reference_ok(reference, e) < 0)
		return -1;
	if (reference_taken(in, reference, NULL))
		return err_set(e, "another case has the reference '%s'", reference);
	if ((other = file_with(in, reference, NULL, 0, &lo)) != NULL) {
		if (lo)
			err_set(e, "%s/cases/%s cannot be read and may be this case: put it "
			    "right (yjinspect check) rather than add the case again", in->dir, other);
		else
			err_set(e, "%s/cases/%s has the reference '%s': added since this "
			    "inspection was opened (in another yjinspect?)", in->dir, other, reference);
		free(other);
		return -1;
	}
	/* NAME.ini, else NAME-2.ini, ...: the first that does not exist, taken
	 * by creating it (never over a file another program made meanwhile, nor
	 * over a case file that cannot be read and so is not in IN) */
	stem = file_stem(reference);
	stamp_now(now, sizeof now, 0);
	for (tries = 1;; tries++) {
		path = tries == 1 ? xasprintf("%s/cases/%s.ini", in->dir, stem) :
		    xasprintf("%s/cases/%s-%d.ini", in->dir, stem, tries);
		case_init(&c, &in->form, path);
		free(path);
		c.reference = xstrdup(reference);
		c.inspector = dup_or_null(inspector);
		c.created = xstrdup(now);
		if (case_create(&c, &in->form, e) == 0)
			break;
		taken = errno == EEXIST;	/* before anything else can change it */
		case_free(&c, &in->form);
		if (!taken || tries == 1000) {
			free(stem);
			return -1;
		}
	}
	free(stem);
	in->cases = xrealloc(in->cases, (in->ncases + 1) * sizeof *in->cases);
	in->cases[in->ncases++] = c;
	/* the structs move; their path and name strings do not */
	qsort(in->cases, in->ncases, sizeof *in->cases, cmp_case_name);
	*ci = (size_t)edit_case_index(in, strrchr(c.path, '/') + 1);
	return 0;
}

/* CASES/.adding: held while a reference is looked for on disk and taken */
static int
gate_lock(const struct inspection *in, struct err *e)
{
	char *cases = xasprintf("%s/cases", in->dir);
	char *gate = xasprintf("%s/.adding", cases);
	int fd;

	/* a folder with no cases yet has no cases/ after a git clone (git
	 * keeps no empty folder): made, as insp_create makes it */
	if (mkdir(cases, 0700) < 0 && errno != EEXIST) {
		err_set(e, "%s: cannot make the cases folder: %s", cases, strerror(errno));
		free(cases);
		free(gate);
		return -1;
	}
	fd = save_lock_hold(gate, e);
	free(cases);
	free(gate);
	return fd;
}

/* The gate, held, if no case file on disk but case CI's holds REF; else -1
 * with E saying which does. */
static int
reference_gate(const struct inspection *in, size_t ci, const char *ref, struct err *e)
{
	int fd = gate_lock(in, e), lo;
	char *other;

	if (fd < 0)
		return -1;
	if ((other = file_with(in, ref, in->cases[ci].name, 1, &lo)) != NULL) {
		err_set(e, "%s/cases/%s %s the reference '%s'", in->dir, other,
		    lo ? "cannot be read and may hold" : "has", ref);
		free(other);
		save_unlock(fd);
		return -1;
	}
	return fd;
}

int
edit_add_case(struct inspection *in, const char *reference, const char *inspector,
    size_t *ci, struct err *e)
{
	/* one adding at a time in the folder: the look for the reference in
	 * files not read and the making of the file, together (two yjinspects
	 * adding one case at the same instant would otherwise both add it) */
	int lockfd = gate_lock(in, e), rc;

	if (lockfd < 0)
		return -1;
	rc = add_case_locked(in, reference, inspector, ci, e);
	save_unlock(lockfd);
	return rc;
}

/* ---- a case restored from its journal ---- */

int
edit_restore(struct inspection *in, size_t ci, const char *at, const char *who,
    struct err *e)
{
	struct case_file *cur = &in->cases[ci], c;
	struct problems p = PROBLEMS_INIT;
	struct journal j;
	char *text = NULL, *tmp = NULL, *old = NULL, *kept;
	int fd = -1, rc = -1, reloaded;
	size_t len;

	for (size_t i = 0; i < 4; i++)
		if (at[i] < '0' || at[i] > '9')
			return err_set(e, "restore --at '%s': not a time (an ISO time in UTC as "
			    "history lists them, or its start: 2026-12-03T11:48)", at);
	if (journal_read(cur->path, &j, e) < 0)
		return -1;
	if (j.n == 0 || strncmp(j.v[0].time, at, strlen(at)) > 0) {
		err_set(e, "%s: its journal %s%s: nothing to restore at %s", cur->path,
		    j.n ? "begins at " : "is empty", j.n ? j.v[0].time : "", at);
		journal_free(&j);
		return -1;
	}
	text = journal_text(&j, at, 0);
	journal_free(&j);
	len = strlen(text);
	/* what is rebuilt must load as a case file, beside the case (hidden:
	 * no listing sees it) */
	tmp = xasprintf("%s/cases/.restore.XXXXXX", in->dir);
	if ((fd = mkstemp(tmp)) < 0 || write(fd, text, len) != (ssize_t)len) {
		err_set(e, "%s: cannot write: %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	if (close(fd) < 0) {
		err_set(e, "%s: cannot write: %s", tmp, strerror(errno));
		goto out;
	}
	if (case_load(&c, &in->form, tmp, &p) < 0 || p.nerrors) {
		err_set(e, "%s as it was at %s does not load: %s", cur->path, at,
		    p.n ? p.v[0].msg : "?");
		if (c.path)
			case_free(&c, &in->form);
		goto out;
	}
	case_free(&c, &in->form);
	if (case_lock(cur, e) < 0)
		goto out;
	old = case_read_text(cur->path);
	/* the comments of the file as it is come through */
	if ((kept = inikeep(old, text, CONFLICT_NOTE_LINE "\n", &len)) != NULL) {
		free(text);
		text = kept;
	}
	if (journal_record(cur->path, old, text, who, e) == 0 &&
	    save_file_held(cur->path, text, len, e) == 0 &&
	    case_refresh(cur, &in->form, &reloaded, e) == 0)
		rc = 0;
	case_unlock(cur);
out:
	unlink(tmp);
	free(tmp);
	free(text);
	free(old);
	problems_free(&p);
	return rc;
}
