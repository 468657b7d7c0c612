/* tui_walk.c - the walk: a case's questions standard by standard, key
 * question by key question, its prompts and then the judgement, one key
 * per answer. Draws the standard's statement, its key questions (with the
 * reason any of them does not apply to this case), the current key
 * question's full text, its prompts and judgement, and the note. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "base/text.h"
#include "tui/tui.h"
#include "base/xalloc.h"

/* Rows are laid out first (so the current item can be scrolled into view),
 * then drawn. */
/* The walk's own state: the case was completed by an
 * answer, and answer keys are held (typed ahead, they would change answered
 * questions) until the cursor is moved; valid while the case and item are
 * those it was set on. */
struct tui_walk_state {
	int hold;
	size_t hold_ci;
	int hold_item;
};

struct vrow {
	int x;			/* indent within the pane */
	int attr;
	char *text;		/* one screen line, clean */
	int answer;		/* >= 0: an answer box "[Yes]" at the left, enum answer */
	int selected;
};

struct vlist {
	struct vrow *v;
	size_t n;
};

static void
vadd(struct vlist *l, int x, int attr, const char *text, int answer, int selected)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = (struct vrow){ x, attr, xstrdup(text), answer, selected };
}

/* Add S wrapped to W - X columns (rows indented by X; the first may carry
 * an answer box). Returns the rows added. */
static int
vwrap(struct vlist *l, int x, int w, int attr, const char *s, int answer, int selected)
{
	struct buf b = BUF_INIT;
	char **lines;
	int n = 0, box = answer >= 0 ? 6 : 0;

	text_clean(&b, s, 0);
	lines = text_wrap(buf_str(&b), (size_t)(w - x - box > 8 ? w - x - box : 8));
	for (; lines[n]; n++)
		vadd(l, x + box, attr, lines[n], n == 0 ? answer : -1, selected);
	text_lines_free(lines);
	buf_free(&b);
	return n;
}

static void
vfree(struct vlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].text);
	free(l->v);
}

static const char *
answer_box(enum answer a)
{
	switch (a) {
	case ANSWER_YES: return "[Yes]";
	case ANSWER_NO: return "[No ]";
	case ANSWER_NA: return "[N/A]";
	case ANSWER_NONE: break;
	}
	return "[   ]";
}

/* Prompts answered of a key question's relevant ones. */
static void
kq_progress(const struct tui *t, size_t q, int *done, int *all)
{
	const struct case_file *c = &t->in.cases[t->ci];
	const struct form_kq *kq = &t->in.form.kqs[q];

	*done = *all = 0;
	for (size_t j = 0; j < kq->nprompts; j++)
		if (case_prompt_relevant(c, &t->in.form, kq->prompts[j]) == COND_TRUE) {
			(*all)++;
			*done += c->prompt_answer[kq->prompts[j]] != ANSWER_NONE;
		}
}

/* A raw answer word as the screen says it ("yes" -> "Yes") */
static const char *
answer_said(const char *v)
{
	if (v == NULL)
		return "none";
	return strcmp(v, "yes") == 0 ? "Yes" : strcmp(v, "no") == 0 ? "No" :
	    strcmp(v, "na") == 0 ? "N/A" : v;
}

/* The conflict a merge kept on walk item ITEM of the case, or NULL */
static const struct conflict *
item_conflict(const struct tui *t, int item)
{
	return item < 0 ? NULL : case_conflict(&t->in.cases[t->ci], "answers",
	    t->walk.items[item].id);
}

/* "ours Yes, theirs No" */
static void
conflict_brief(const struct conflict *k, char *out, size_t size)
{
	snprintf(out, size, "ours %s, theirs %s", answer_said(k->ours), answer_said(k->theirs));
}

/* The conflict on the current item side by side: both answers, who gave
 * each and when, and what settles it */
static void
conflict_rows(struct tui *t, struct vlist *l, int w, const struct conflict *k)
{
	char line[600], side[512];
	int attr = tui_attr(t, TA_ERROR) | A_BOLD;

	vwrap(l, 2, w, attr, "In conflict from a merge: counted neither way until answered "
	    "again (y, n or x)", -1, 0);
	conflict_side(answer_said(k->ours), k->ours_by, side, sizeof side);
	snprintf(line, sizeof line, "ours:   %s", side);
	vadd(l, 4, attr, line, -1, 0);
	conflict_side(answer_said(k->theirs), k->theirs_by, side, sizeof side);
	snprintf(line, sizeof line, "theirs: %s", side);
	vadd(l, 4, attr, line, -1, 0);
}

/* The short form of a not-relevant reason: what in this case rules it
 * out ("Factors related to keeping the child safe: No"). */
static void
short_reason(const char *why, char *out, size_t size)
{
	const char *p = strstr(why, "(this case: ");

	if (p == NULL) {
		snprintf(out, size, "%s", why);
		return;
	}
	snprintf(out, size, "not relevant here: %s", p + 12);
	if (strlen(out) > 0 && out[strlen(out) - 1] == ')')
		out[strlen(out) - 1] = '\0';
}

/* The standard's heading and statement: pinned above the scrolling part. */
static void
layout_header(struct tui *t, struct vlist *l, int w)
{
	const struct form *f = &t->in.form;
	const struct walk_item *it = &t->walk.items[t->item];
	const struct form_std *st = &f->stds[it->std];
	char line[512];
	int kqpos = 0;

	for (size_t i = 0; i < st->nkqs; i++)
		if (st->kqs[i] == it->kq)
			kqpos = (int)i + 1;
	snprintf(line, sizeof line, "%s %s \xc2\xb7 key question %d of %zu", st->id, st->name,
	    kqpos, st->nkqs);
	vadd(l, 0, A_BOLD, line, -1, 0);
	if (st->statement) {
		size_t before = l->n;

		vwrap(l, 0, w, tui_attr(t, TA_DIM), st->statement, -1, 0);
		/* on a small pane the statement gives way to the question */
		if (t->main.h < 20 && l->n - before > 1) {
			while (l->n > before + 1)
				free(l->v[--l->n].text);
			if (strlen(l->v[before].text) + 4 < sizeof line) {
				snprintf(line, sizeof line, "%s \xe2\x80\xa6", l->v[before].text);
				free(l->v[before].text);
				l->v[before].text = xstrdup(line);
			}
		}
	}
	snprintf(line, sizeof line, "%s %s", f->kqs[it->kq].id, f->kqs[it->kq].text);
	vwrap(l, 0, w, A_BOLD, line, -1, 0);
}

static void
layout_rows(struct tui *t, struct vlist *l, int w, int *cur_row, int *cur_end)
{
	const struct form *f = &t->in.form;
	const struct case_file *c = &t->in.cases[t->ci];
	const struct walk_item *it = &t->walk.items[t->item];
	const struct form_std *st = &f->stds[it->std];
	const struct form_kq *kq = &f->kqs[it->kq];
	char line[1600], why[512], brief[512];

	vadd(l, 0, 0, "", -1, 0);

	/* facts a merge left in conflict: they decide what applies */
	for (size_t i = 0; i < c->conflicts.n; i++) {
		const struct conflict *k = &c->conflicts.v[i];

		if (strcmp(k->section, "answers") == 0)
			continue;
		snprintf(line, sizeof line, "In conflict from a merge: [%s] %s, ours %s, theirs %s "
		    "(f to record it)", k->section, k->key, k->ours ? k->ours : "none",
		    k->theirs ? k->theirs : "none");
		vwrap(l, 0, w, tui_attr(t, TA_ERROR) | A_BOLD, line, -1, 0);
	}

	/* the standard's key questions, and why any does not apply */
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t q = st->kqs[i];
		enum cond_value rel = case_kq_relevant(c, f, q);
		int done, all, here = q == it->kq;
		int item = walk_find(&t->walk, f->kqs[q].id);

		if (rel == COND_TRUE) {
			kq_progress(t, q, &done, &all);
			/* no marker that looks like a cursor (the current key
			 * question is in bold): the one highlight is the item a key
			 * answers, below */
			const struct conflict *k = item_conflict(t, item);

			if (c->kq_answer[q] != ANSWER_NONE)
				snprintf(line, sizeof line, "  %s  judged %s", f->kqs[q].id,
				    c->kq_answer[q] == ANSWER_YES ? "Yes" : "No");
			else if (k) {
				conflict_brief(k, brief, sizeof brief);
				snprintf(line, sizeof line, "  %s  in conflict: %s", f->kqs[q].id, brief);
			} else
				snprintf(line, sizeof line, "  %s  %d of %d prompts answered",
				    f->kqs[q].id, done, all);
			vadd(l, 0, here ? A_BOLD : 0, line, -1, 0);
		} else {
			walk_reason(&t->walk, c, (size_t)item, why, sizeof why);
			short_reason(why, brief, sizeof brief);
			snprintf(line, sizeof line, "  %s  %s%s", f->kqs[q].id, brief,
			    c->kq_answer[q] == ANSWER_NONE ? "" : c->kq_answer[q] == ANSWER_YES ?
			    "; judged Yes before: kept, not counted" :
			    "; judged No before: kept, not counted");
			vwrap(l, 0, w, tui_attr(t, TA_DIM), line, -1, 0);
		}
	}
	vadd(l, 0, 0, "", -1, 0);

	/* prompts, then the judgement (the key question's text is pinned
	 * above, with the standard's heading) */
	for (size_t j = 0; j <= kq->nprompts; j++) {
		int is_kq = j == kq->nprompts;
		const char *id = is_kq ? kq->id : f->prompts[kq->prompts[j]].id;
		int item = walk_find(&t->walk, id);
		int here = item == t->item;
		enum cond_value rel = walk_relevant(&t->walk, c, (size_t)item);
		enum answer a = walk_answer(&t->walk, c, (size_t)item);
		const char *dot = strrchr(id, '.');
		char text[1024];

		/* a prompt by its number in the key question ("1. Is there..."),
		 * as the status line names it by its id (2.1.1.1) */
		if (is_kq)
			snprintf(text, sizeof text, "Key-question judgement: Yes or No?");
		else
			snprintf(text, sizeof text, "%s. %s", dot ? dot + 1 : id,
			    f->prompts[kq->prompts[j]].text);

		if (here)
			*cur_row = (int)l->n;
		if (is_kq)
			vadd(l, 0, 0, "", -1, 0);
		if (rel != COND_TRUE) {
			walk_reason(&t->walk, c, (size_t)item, why, sizeof why);
			short_reason(why, brief, sizeof brief);
			/* an answer given before a fact changed is kept (it counts
			 * again if the fact changes back), and said to be */
			snprintf(line, sizeof line, "%s (%s%s%s%s)", text, brief,
			    a != ANSWER_NONE ? "; answered " : "",
			    a == ANSWER_NONE ? "" : a == ANSWER_YES ? "Yes" : a == ANSWER_NO ? "No" : "N/A",
			    a != ANSWER_NONE ? " before: kept, not counted" : "");
			vwrap(l, 2, w, tui_attr(t, TA_DIM), line, -1, 0);
			continue;
		}
		const struct conflict *k = item_conflict(t, item);

		if (here) {
			snprintf(line, sizeof line, "%s%s", text,
			    !is_kq && f->prompts[kq->prompts[j]].na ? "  (N/A allowed)" : "");
			vwrap(l, 0, w, is_kq ? A_BOLD : 0, line, (int)a, 1);
			if (k)
				conflict_rows(t, l, w, k);
			*cur_end = (int)l->n;
		} else if (k) {
			conflict_brief(k, brief, sizeof brief);
			snprintf(line, sizeof line, "(in conflict: %s) %s", brief, text);
			vadd(l, 6, tui_attr(t, TA_ERROR) | (is_kq ? A_BOLD : 0), line, (int)a, 0);
		} else {
			/* others on one line */
			vadd(l, 6, is_kq ? A_BOLD : 0, text, (int)a, 0);
		}
	}
	vadd(l, 0, 0, "", -1, 0);
	if (c->notes[it->kq]) {
		vadd(l, 0, A_UNDERLINE, "Note (e to edit):", -1, 0);
		{
			struct buf b = BUF_INIT;

			/* clean, newlines kept: each paragraph wrapped */
			text_clean(&b, c->notes[it->kq], 1);
			for (char *p = b.data, *nl; p && *p; p = nl ? nl + 1 : NULL) {
				nl = strchr(p, '\n');
				if (nl)
					*nl = '\0';
				vwrap(l, 2, w, 0, *p ? p : " ", -1, 0);
			}
			buf_free(&b);
		}
	} else
		vadd(l, 0, tui_attr(t, TA_DIM), "No note: e to write one.", -1, 0);
}

static const char *
answer_word(enum answer a)
{
	switch (a) {
	case ANSWER_YES: return "Yes";
	case ANSWER_NO: return "No";
	case ANSWER_NA: return "N/A";
	case ANSWER_NONE: break;
	}
	return "unanswered";
}

static int
held(const struct tui *t, const struct tui_walk_state *w)
{
	/* only while the case is still complete: an undo, a fact or another
	 * program that opened a question again ends it */
	return w->hold && w->hold_ci == t->ci && w->hold_item == t->item && t->item >= 0 &&
	    t->ci < t->in.ncases && walk_answer(&t->walk, &t->in.cases[t->ci],
	    (size_t)t->item) != ANSWER_NONE &&
	    walk_next_unanswered(&t->walk, &t->in.cases[t->ci], (size_t)t->item) < 0;
}

static const char *
case_name(const struct tui *t)
{
	const struct case_file *c = &t->in.cases[t->ci];

	return c->reference ? c->reference : c->name;
}

static void
walk_draw(struct tui *t, void *st)
{
	const struct tui_walk_state *w = st;
	struct tui_rect r = t->main;
	struct vlist l = { NULL, 0 };
	int cur = 0, cur_end = 0, held_now, top;

	if (t->in.ncases == 0) {
		tui_put(r.y + 1, r.x, r.w, "No cases yet: press h for the case list, then a to add one.");
		return;
	}
	if (t->item < 0) {
		tui_wrap(r.y + 1, r.x, r.w, r.h - 1, "No question applies to this case yet: its facts "
		    "(case type, disposal, ...) decide which do. Press f to record them.");
		return;
	}
	{
		struct vlist head = { NULL, 0 };

		/* the heading and statement stay at the top */
		int pin;

		layout_header(t, &head, r.w);
		pin = (int)head.n < r.h - 3 ? (int)head.n : r.h - 3;
		for (int i = 0; i < pin; i++) {
			attron(head.v[i].attr);
			tui_put(r.y + i, r.x, r.w, head.v[i].text);
			attroff(head.v[i].attr);
		}
		r.y += pin;
		r.h -= pin;
		vfree(&head);
	}
	layout_rows(t, &l, r.w, &cur, &cur_end);
	held_now = held(t, w);
	/* the least scroll that shows the current item and a little after it:
	 * the top of the key question whenever it fits */
	top = cur + 4 - r.h > 0 ? cur + 4 - r.h : 0;
	/* and all of a conflict's lines under it, where they fit */
	if (cur_end - top > r.h)
		top = cur_end - r.h < cur ? cur_end - r.h : cur;
	for (int i = 0; i < r.h && top + i < (int)l.n; i++) {
		const struct vrow *v = &l.v[top + i];
		int y = r.y + i;

		/* the item a key answers: its box and every line of its text in
		 * reverse video, the only such rows of the walk (monochrome too);
		 * on a complete case whose answer keys are held, none is */
		int sel = v->selected && !held_now ? (int)(A_REVERSE | A_BOLD) :
		    v->selected ? (int)A_BOLD : 0;

		if (v->answer >= 0) {
			int box = v->selected && !held_now ? (int)A_REVERSE : (int)A_BOLD;

			attron(box);
			tui_put(y, r.x + v->x - 6, 5, answer_box((enum answer)v->answer));
			attroff(box);
		}
		attron(v->attr | sel);
		tui_put_cut(y, r.x + v->x, r.w - v->x, v->text);
		attroff(v->attr | sel);
		if (v->selected)	/* the cursor on the item (its first line) */
			tui_focus(t, y, r.x + v->x);
	}
	vfree(&l);
}

/* Does any question of the current case wait on a fact not recorded? */
static int
case_progress_unknown(const struct tui *t)
{
	const struct case_file *c = &t->in.cases[t->ci];

	for (size_t i = 0; i < t->walk.nitems; i++)
		if (walk_relevant(&t->walk, c, i) == COND_UNKNOWN)
			return 1;
	return 0;
}

/* Answer the current item with A, and say what it changed; *USED: a
 * change was made */
static int
give_answer(struct tui *t, struct tui_walk_state *w, enum answer a, int *used)
{
	struct err e;
	enum answer before;
	char changed[400], settled[200];
	int next, rating_before;
	size_t std;

	if (t->item < 0)
		return 0;
	if (tui_lock_refused(t))	/* panel mode: read-only */
		return 1;
	if (held(t, w)) {
		tui_message(t, 0, "%s complete: %sEnter to review, k/j to a question.",
		    case_name(t), t->ci + 1 < t->in.ncases ? "] next case, " : "");
		return 1;
	}
	before = walk_answer(&t->walk, &t->in.cases[t->ci], (size_t)t->item);
	{
		const struct conflict *k = item_conflict(t, t->item);

		settled[0] = '\0';
		if (k && a != ANSWER_NONE)
			conflict_brief(k, settled, sizeof settled);
	}
	std = t->walk.items[t->item].std;
	rating_before = t->rate.std[std].rating;
	if (a != ANSWER_NONE && !walk_allows(&t->walk, (size_t)t->item, a)) {
		tui_message(t, 1, "%s", t->walk.items[t->item].kind == WALK_KQ ?
		    "A key question is judged Yes or No." : "This prompt cannot be answered N/A.");
		return 1;
	}
	{
		size_t reloads = t->undo.reloads, changes = t->undo.n;

		/* (unlocked in panel mode: the stamp is the panel's too) */
		if (edit_answer(&t->in, &t->walk, t->ci, (size_t)t->item, a, tui_lock_who(t),
		    &t->undo, &e) < 0) {
			tui_message(t, 1, "NOT SAVED: %s", e.msg);
			return 1;
		}
		tui_recompute_case(t, t->ci);
		*used = t->undo.n != changes;
		if (t->undo.reloads != reloads) {
			tui_message(t, 1, "%s had changed on disk (another yjinspect?): it was read "
			    "again, and only this answer written over it.",
			    t->in.cases[t->ci].name);
			if (a == ANSWER_NONE)
				return 1;
			t->item = walk_next_unanswered(&t->walk, &t->in.cases[t->ci],
			    (size_t)t->item) >= 0 ? walk_next_unanswered(&t->walk,
			    &t->in.cases[t->ci], (size_t)t->item) : t->item;
			return 1;
		}
	}
	/* what the key changed, in the status line */
	if (settled[0])
		snprintf(changed, sizeof changed, "%s settled: %s (was in conflict: %s)",
		    t->walk.items[t->item].id, answer_word(a), settled);
	else
		snprintf(changed, sizeof changed, "%s %s%s\xe2\x86\x92 %s", t->walk.items[t->item].id,
		    before == ANSWER_NONE ? "" : answer_word(before), before == ANSWER_NONE ? "" : " ",
		    a == ANSWER_NONE ? "cleared" : answer_word(a));
	/* and what it did to the standard's rating, kept when the case is
	 * complete (the stop is said after it, in the one line) */
	if (t->rate.std[std].rating != rating_before) {
		char moved[sizeof changed];

		snprintf(moved, sizeof moved, " (%s %s \xe2\x86\x92 %s)", t->in.form.stds[std].id,
		    rate_label(&t->in.form, rating_before), rate_label(&t->in.form,
		    t->rate.std[std].rating));
		if (strlen(changed) + strlen(moved) < sizeof changed)
			strcat(changed, moved);
	}
	tui_message(t, 0, "%s", changed);
	if (a == ANSWER_NONE)
		return 1;
	next = walk_next_unanswered(&t->walk, &t->in.cases[t->ci], (size_t)t->item);
	if (next >= 0)
		t->item = next;
	else {
		/* the case is complete: stop here; when this answer filled its
		 * last gap, hold the answer keys (more typed ahead would change
		 * answered questions); a change made in review is not held */
		w->hold = before == ANSWER_NONE;
		w->hold_ci = t->ci;
		w->hold_item = t->item;
		if (t->rate.cases_undetermined && case_progress_unknown(t))
			tui_message(t, 0, "%s. Every question known to apply is answered; some "
			    "wait on facts not recorded yet (f).", changed);
		else if (t->ci + 1 < t->in.ncases)
			tui_message(t, 0, "%s. %s complete: ] next case, Enter to review.",
			    changed, case_name(t));
		else
			tui_message(t, 0, "%s. %s complete (the last case): Enter to review.",
			    changed, case_name(t));
	}
	tui_save_place(t);
	return 1;
}

/* The key's answer, then (unlocked in panel mode) locked again, whether
 * it changed something or not (the answer it had, say) */
static int
answer(struct tui *t, struct tui_walk_state *w, enum answer a)
{
	int used = 0, rc = give_answer(t, w, a, &used);

	if (used)
		tui_lock_used(t);
	else if (rc)
		tui_lock_spent(t, "nothing was changed");
	return rc;
}

static int
step_std(struct tui *t, int dir)
{
	const struct case_file *c = &t->in.cases[t->ci];
	int s = (int)t->walk.items[t->item].std;

	for (int k = s + dir; k >= 0 && (size_t)k < t->in.form.nstds; k += dir) {
		int first = walk_first_of_std(&t->walk, (size_t)k);

		if (first < 0)
			continue;
		if (walk_relevant(&t->walk, c, (size_t)first) != COND_TRUE)
			first = walk_step(&t->walk, c, (size_t)first, 1);
		if (first >= 0 && t->walk.items[first].std == (size_t)k) {
			t->item = first;
			return 1;
		}
	}
	return 0;
}

static int
walk_key(struct tui *t, void *st, enum tui_action a, struct tui_go *go)
{
	struct tui_walk_state *w = st;
	const struct case_file *c;
	int n;

	if (t->in.ncases == 0)
		return a == ACT_BACK ? (go->kind = GO_HOME, 1) : 0;
	c = &t->in.cases[t->ci];
	tui_case_settle(t);	/* never act on a question that does not apply */
	switch (a) {
	case ACT_YES: return answer(t, w, ANSWER_YES);
	case ACT_NO: return answer(t, w, ANSWER_NO);
	case ACT_NA: return answer(t, w, ANSWER_NA);
	case ACT_CLEAR: return answer(t, w, ANSWER_NONE);
	case ACT_UP:
	case ACT_DOWN:
		if (t->item < 0)
			return 0;
		w->hold = 0;	/* the cursor is put on an item: it may be changed */
		n = walk_step(&t->walk, c, (size_t)t->item, a == ACT_DOWN ? 1 : -1);
		if (n >= 0)
			t->item = n;
		return 1;
	case ACT_NEXT_STD:
	case ACT_PREV_STD:
		if (t->item < 0 || !step_std(t, a == ACT_NEXT_STD ? 1 : -1))
			return 0;
		w->hold = 0;
		return 1;
	case ACT_NEXT_UNANSWERED:
		if (t->item < 0)
			return 0;
		n = walk_next_unanswered(&t->walk, c, (size_t)t->item);
		if (n >= 0) {
			t->item = n;
			return 1;
		}
		/* complete: Enter reviews it from its first question */
		w->hold = 0;
		if ((n = walk_first(&t->walk, c)) >= 0)
			t->item = n;
		tui_message(t, 0, "Reviewing %s from its first question.", case_name(t));
		return 1;
	case ACT_NEXT_CASE:
	case ACT_PREV_CASE:
		if (a == ACT_NEXT_CASE && t->ci + 1 < t->in.ncases)
			*go = (struct tui_go){ .kind = GO_OPEN, .n = t->ci + 1, .to = -1 };
		else if (a == ACT_PREV_CASE && t->ci > 0)
			*go = (struct tui_go){ .kind = GO_OPEN, .n = t->ci - 1, .to = -1 };
		else
			tui_message(t, 0, "No %s case.", a == ACT_NEXT_CASE ? "next" : "previous");
		return 1;
	case ACT_JUMP:
		*go = (struct tui_go){ .kind = GO_JUMP,
		    .n = t->item >= 0 ? t->walk.items[t->item].std : 0 };
		return 1;
	case ACT_NOTES:
		if (t->item < 0)
			return 0;
		if (tui_lock_refused(t))	/* (unlocked: its save is the change) */
			return 1;
		*go = (struct tui_go){ .kind = GO_NOTE, .n = t->walk.items[t->item].kq };
		return 1;
	case ACT_FACTS:
		go->kind = GO_FACTS;	/* over the walk: it returns there */
		return 1;
	case ACT_FOCUS:
		t->panel_focus = 1;
		return 1;
	case ACT_BACK:
		/* to what it was opened from: the case list, or a key question's
		 * cases on the ratings pages */
		t->list_sel = (int)t->ci;
		go->kind = GO_POP;
		go->place = 1;
		return 1;
	default:
		return 0;
	}
}

static const char *
walk_hint(const struct tui *t, void *st)
{
	(void)st;
	return t->panel_focus ? "j/k scroll the panel  Tab or Esc back to the walk  ? help" :
	    tui_lock_locked(t) ? "Panel mode: read-only  U unlock one change  j/k move  "
	    "Esc back  ? help" :
	    "y n x answer  Enter next  j/k move  e note  f facts  u undo  Esc back  ? help";
}

const struct tui_screen_ops tui_walk_screen = {
	.name = "walk", .context = CTX_WALK, .panel = 2,
	.state_size = sizeof(struct tui_walk_state),
	.hint = walk_hint, .draw = walk_draw, .key = walk_key,
};
