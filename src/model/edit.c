/* edit.c - the changes to a case, each saved at once and undoable (see
 * edit.h); what the edit_*.c files share (edit_parts.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/edit.h"
#include "model/edit_parts.h"
#include "store/save.h"
#include "base/file.h"
#include "base/stamp.h"
#include "base/xalloc.h"

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
	ch->old_text = edit_dup(old_text);
	ch->new_value = new_value;
	ch->new_text = edit_dup(new_text);
	ch->with_prev = 0;
	ch->was = ch->made = NULL;
}

void
edit_undo_join(struct edit_undo *u)
{
	if (u->n >= 2 && strcmp(u->v[u->n - 1].case_name, u->v[u->n - 2].case_name) == 0)
		u->v[u->n - 1].with_prev = 1;
}

/* Read case CI again if it changed on disk (see edit.h). U may be NULL. */
int
edit_refresh(struct inspection *in, size_t ci, struct edit_undo *u, struct err *e)
{
	int reloaded;

	if (case_refresh(&in->cases[ci], &in->form, &reloaded, e) < 0)
		return -1;
	if (reloaded && u)
		u->reloads++;
	return 0;
}

/* ---- the changes; each one: remember, change, save, or put back ---- */

unsigned char *
edit_answer_slot(struct case_file *c, const struct form *f, const struct walk *w, size_t item,
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
	if (edit_refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	if (a != ANSWER_NONE && walk_relevant(w, c, item) != COND_TRUE)
		return err_set(e, "%s does not apply to this case: not answered",
		    w->items[item].id);
	slot = edit_answer_slot(c, &in->form, w, item, &stamp);
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

	if (edit_refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	old = c->facts[fact];
	old_text = c->fact_text[fact];

	if (in->form.facts[fact].type == FACT_TEXT) {
		if ((old_text == NULL && text == NULL) ||
		    (old_text && text && strcmp(old_text, text) == 0))
			return 0;
		c->fact_text[fact] = edit_dup(text);
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

	if (edit_refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	old = c->notes[kq];
	if (note != NULL && *note == '\0')
		note = NULL;
	if ((old == NULL && note == NULL) || (old && note && strcmp(old, note) == 0))
		return 0;
	c->notes[kq] = edit_dup(note);
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

	if (edit_refresh(in, ci, u, e) < 0)
		return -1;
	now_on_disk = in->cases[ci].notes[kq];
	/* no one else changed it, or they wrote the same, or they removed it
	 * while ours was being written (ours is the note now) */
	if (edit_same_text(now_on_disk, base) || edit_same_text(now_on_disk, note))
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

char **
edit_field_slot(struct case_file *c, enum edit_field field)
{
	return field == FIELD_REFERENCE ? &c->reference : &c->inspector;
}

/* Set a field (no checks but the save's); U may be NULL. */
int
edit_field_set(struct inspection *in, size_t ci, enum edit_field field, const char *text,
    struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	char **slot, *old;

	if (edit_refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	slot = edit_field_slot(c, field);
	old = *slot;
	if ((old == NULL && text == NULL) || (old && text && strcmp(old, text) == 0))
		return 0;
	*slot = edit_dup(text);
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
		if (edit_refresh(in, ci, u, e) < 0)
			return -1;
		if (edit_reference_ok(text, e) < 0)
			return -1;
		if (edit_reference_taken(in, text, &in->cases[ci]))
			return err_set(e, "another case has the reference '%s'", text);
	}
	return edit_field_set(in, ci, field, text, u, e);
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
	if (edit_same_text(base, note))
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
	    (gate = edit_reference_gate(in, ci, text, e)) < 0)
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

	if (edit_refresh(in, ci, u, e) < 0)
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
edit_derive_facts(struct inspection *in, size_t ci, struct edit_undo *u, struct buf *said,
    struct err *e)
{
	int rc;

	if (case_lock(&in->cases[ci], e) < 0)
		return -1;
	rc = derive_locked(in, ci, u, said, e);
	case_unlock(&in->cases[ci]);
	return rc;
}
