/* edit.c - changes to a case, saved at once, with undo (see edit.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edit.h"
#include "iniw.h"
#include "xalloc.h"

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
push(struct edit_undo *u, const struct case_file *c, enum edit_kind kind, size_t index,
    int old_value, const char *old_text)
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
}

int
edit_case_index(const struct inspection *in, const char *name)
{
	for (size_t i = 0; i < in->ncases; i++)
		if (strcmp(in->cases[i].name, name) == 0)
			return (int)i;
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
answer_slot(struct case_file *c, const struct walk *w, size_t item, char ***stamp)
{
	const struct walk_item *it = &w->items[item];

	if (it->kind == WALK_KQ) {
		*stamp = &c->kq_stamp[it->index];
		return &c->kq_answer[it->index];
	}
	*stamp = &c->prompt_stamp[it->index];
	return &c->prompt_answer[it->index];
}

int
edit_answer(struct inspection *in, const struct walk *w, size_t ci, size_t item,
    enum answer a, const char *who, struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	char **stamp, *old_stamp, now[32];
	unsigned char *slot, old;

	if (a != ANSWER_NONE && !walk_allows(w, item, a))
		return err_set(e, "%s cannot be answered N/A", w->items[item].id);
	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	if (a != ANSWER_NONE && walk_relevant(w, c, item) != COND_TRUE)
		return err_set(e, "%s does not apply to this case: not answered",
		    w->items[item].id);
	slot = answer_slot(c, w, item, &stamp);
	old = *slot;
	if (old == a)
		return 0;
	insp_now(now, sizeof now);
	old_stamp = *stamp;
	*slot = (unsigned char)a;
	*stamp = a == ANSWER_NONE ? NULL : xasprintf("%s %s", now, who ? who : "");
	if (case_save(c, &in->form, e) < 0) {
		free(*stamp);
		*stamp = old_stamp;
		*slot = old;
		return -1;
	}
	push(u, c, EDIT_ANSWER, item, old, old_stamp);
	free(old_stamp);
	return 0;
}

int
edit_fact(struct inspection *in, size_t ci, size_t fact, int value, const char *text,
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
	push(u, c, EDIT_FACT, fact, old, old_text);
	if (in->form.facts[fact].type == FACT_TEXT)
		free(old_text);
	return 0;
}

int
edit_note(struct inspection *in, size_t ci, size_t kq, const char *note,
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
	push(u, c, EDIT_NOTE, kq, 0, old);
	free(old);
	return 0;
}

static char **
field_slot(struct case_file *c, enum edit_field field)
{
	return field == FIELD_REFERENCE ? &c->reference : &c->inspector;
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

int
edit_field(struct inspection *in, size_t ci, enum edit_field field, const char *text,
    struct edit_undo *u, struct err *e)
{
	struct case_file *c;
	char **slot, *old;

	if (refresh(in, ci, u, e) < 0)
		return -1;
	c = &in->cases[ci];
	slot = field_slot(c, field);
	old = *slot;
	if (field == FIELD_REFERENCE) {
		if (text == NULL || *text == '\0')
			return err_set(e, "a case needs a reference");
		if (reference_taken(in, text, c))
			return err_set(e, "another case has the reference '%s'", text);
	}
	if ((old == NULL && text == NULL) || (old && text && strcmp(old, text) == 0))
		return 0;
	*slot = dup_or_null(text);
	if (case_save(c, &in->form, e) < 0) {
		free(*slot);
		*slot = old;
		return -1;
	}
	push(u, c, EDIT_FIELD, field, 0, old);
	free(old);
	return 0;
}

/* ---- undo ---- */

static void
change_free(struct edit_change *ch)
{
	free(ch->case_name);
	free(ch->old_text);
}

int
edit_undo(struct inspection *in, const struct walk *w, struct edit_undo *u, size_t *ci,
    int *item, struct err *e)
{
	struct edit_change *ch;
	int idx, rc;

	*item = -1;
	if (u->n == 0)
		return 0;
	ch = &u->v[u->n - 1];
	idx = edit_case_index(in, ch->case_name);
	if (idx < 0) {	/* the case is gone: nothing to take back there */
		err_set(e, "the case %s is no longer open", ch->case_name);
		change_free(ch);
		u->n--;
		return -1;
	}
	*ci = (size_t)idx;
	if (ch->kind == EDIT_ANSWER && refresh(in, (size_t)idx, u, e) < 0)
		return -1;
	/* apply the old state through the same functions, without recording */
	switch (ch->kind) {
	case EDIT_ANSWER: {
		struct case_file *c = &in->cases[idx];
		char **stamp, *cur_stamp;
		unsigned char *slot = answer_slot(c, w, ch->index, &stamp), cur = *slot;

		cur_stamp = *stamp;
		*slot = (unsigned char)ch->old_value;
		*stamp = dup_or_null(ch->old_text);
		rc = case_save(c, &in->form, e);
		if (rc < 0) {
			free(*stamp);
			*stamp = cur_stamp;
			*slot = cur;
		} else
			free(cur_stamp);
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
		rc = edit_field(in, (size_t)idx, (enum edit_field)ch->index, ch->old_text, NULL, e);
		break;
	}
	if (rc < 0)
		return -1;
	change_free(ch);
	u->n--;
	return 1;
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
	FILE *fp = fopen(path, "rb");
	char *text;
	size_t n;

	if (fp == NULL)
		return NULL;
	text = xmalloc(max + 1);
	n = fread(text, 1, max, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

/* The name of a case file that could not be read (so is not in IN) and
 * may hold the case REFERENCE: its name is REFERENCE's file name (NAME.ini
 * or NAME-N.ini), or it has the line the writer would give the reference.
 * NULL if none. */
static const char *
left_out_with(const struct inspection *in, const char *reference)
{
	char *stem = file_stem(reference), *line;
	size_t n = strlen(stem);
	const char *found = NULL;
	struct iniw w;

	iniw_init(&w);
	iniw_section(&w, "case");
	iniw_str(&w, "reference", reference);
	line = strstr(iniw_text(&w), "\nreference = ");	/* "\nreference = \"...\"\n" */
	for (size_t i = 0; i < in->nleft_out && found == NULL; i++) {
		const char *name = in->left_out[i].name;
		char *path, *text;

		if (strncmp(name, stem, n) == 0) {	/* NAME.ini or NAME-N.ini */
			size_t digits = name[n] == '-' ? strspn(name + n + 1, "0123456789") : 0;

			if (strcmp(name + n, ".ini") == 0 ||
			    (digits > 0 && strcmp(name + n + 1 + digits, ".ini") == 0)) {
				found = name;
				break;
			}
		}
		path = xasprintf("%s/cases/%s", in->dir, name);
		text = slurp(path, 1 << 20);
		if (text != NULL && line != NULL &&
		    (strstr(text, line) != NULL || strncmp(text, line + 1, strlen(line + 1)) == 0))
			found = name;
		free(text);
		free(path);
	}
	iniw_free(&w);
	free(stem);
	return found;
}

int
edit_add_case(struct inspection *in, const char *reference, const char *inspector,
    size_t *ci, struct err *e)
{
	struct case_file c;
	char *stem, *path = NULL, now[32];
	const char *lo;
	int tries, taken;

	if (reference == NULL || *reference == '\0')
		return err_set(e, "a case needs a reference");
	if (reference_taken(in, reference, NULL))
		return err_set(e, "another case has the reference '%s'", reference);
	if ((lo = left_out_with(in, reference)) != NULL)
		return err_set(e, "%s/cases/%s cannot be read and may be this case: put it "
		    "right (yjinspect check) rather than add the case again", in->dir, lo);
	/* NAME.ini, else NAME-2.ini, ...: the first that does not exist, taken
	 * by creating it (never over a file another program made meanwhile, nor
	 * over a case file that cannot be read and so is not in IN) */
	stem = file_stem(reference);
	insp_now(now, sizeof now);
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
