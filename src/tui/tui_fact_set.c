/* tui_fact_set.c - a fact of the current case set from the terminal UI, and
 * what it changed said on the status line: the key questions it took out or
 * brought in, the answers it took out of the count or back, the facts it
 * decided, a choice it ruled out. No screen: the facts form calls it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "tui/tui.h"
#include "base/xalloc.h"

/* For each key question, then each prompt, of the current case: is it
 * answered and counted (relevant by the case's facts)? (free it) */
static unsigned char *
counted_answers(const struct tui *t)
{
	const struct form *f = &t->in.form;
	const struct case_file *c = &t->in.cases[t->ci];
	unsigned char *v = xcalloc(f->nkqs + f->nprompts + 1, 1);

	for (size_t q = 0; q < f->nkqs; q++)
		v[q] = c->kq_answer[q] != ANSWER_NONE && case_kq_relevant(c, f, q) == COND_TRUE;
	for (size_t i = 0; i < f->nprompts; i++)
		v[f->nkqs + i] = c->prompt_answer[i] != ANSWER_NONE &&
		    case_prompt_relevant(c, f, i) == COND_TRUE;
	return v;
}

/* For each key question of the current case: is it relevant? (free it) */
static unsigned char *
relevant_kqs(const struct tui *t)
{
	const struct form *f = &t->in.form;
	unsigned char *v = xcalloc(f->nkqs + 1, 1);

	for (size_t q = 0; q < f->nkqs; q++)
		v[q] = f->stds[f->kqs[q].std].rating == RATING_CASES &&
		    case_kq_relevant(&t->in.cases[t->ci], f, q) == COND_TRUE;
	return v;
}

/* "2.3.3, 2.4.3" (or "2.1.1 ... 2.4.3 (12)") for the key questions where
 * A is set and B is not, appended to OUT; the count. */
static int
kq_list(const struct tui *t, const unsigned char *a, const unsigned char *b, struct buf *out)
{
	const struct form *f = &t->in.form;
	int n = 0, shown = 0;

	int first = -1, last = -1;

	for (size_t q = 0; q < f->nkqs; q++)
		if (a[q] && !b[q]) {
			n++;
			last = (int)q;
			if (first < 0)
				first = (int)q;
		}
	if (n > 3) {	/* many (the case type changed): the first, the last, how many */
		buf_printf(out, "%s \xe2\x80\xa6 %s (%d)", f->kqs[first].id, f->kqs[last].id, n);
		return n;
	}
	for (size_t q = 0; q < f->nkqs; q++)
		if (a[q] && !b[q])
			buf_printf(out, "%s%s", shown++ ? ", " : "", f->kqs[q].id);
	return n;
}

/* A choice fact not recorded that the others now decide (the case type,
 * once the disposal is chosen) is recorded too, by the model's rule
 * (edit_derive_facts, as yjinspect answer applies it); what it recorded
 * added to SAID ("Label: Choice (from the FROM)"), or nothing */
static void
derive_facts(struct tui *t, const char *from, struct buf *said)
{
	struct err e;
	size_t was = said->len;
	int n = edit_derive_facts(&t->in, t->ci, &t->undo, said, &e);

	if (n < 0) {
		buf_cut(said, was);
		tui_message(t, 1, "NOT SAVED: %s", e.msg);
	} else if (n > 0)
		buf_printf(said, " (from the %s)", from);
}

static void
fact_set(struct tui *t, size_t fact, int value)
{
	struct err e;
	int reloaded, before, after, nleft, njoined;
	unsigned char *counted, *now, *rel_before, *rel_after;
	struct buf derived = BUF_INIT, left = BUF_INIT, joined = BUF_INIT, what = BUF_INIT;

	/* counted on the case as on disk, so another's changes are not ours */
	if (case_refresh(&t->in.cases[t->ci], &t->in.form, &reloaded, &e) < 0) {
		tui_message(t, 1, "NOT SAVED: %s", e.msg);
		return;
	}
	counted = counted_answers(t);
	rel_before = relevant_kqs(t);
	if (edit_fact(&t->in, t->ci, fact, value, NULL, &t->undo, &e) < 0) {
		tui_message(t, 1, "NOT SAVED: %s", e.msg);
		free(counted);
		free(rel_before);
		return;
	}
	if (value != COND_UNSET) {	/* clearing a fact decides nothing */
		/* "the disposal": the fact's label, lower case (whole) */
		char *from = xstrdup(t->in.form.facts[fact].label);

		from[0] = (char)(from[0] >= 'A' && from[0] <= 'Z' ? from[0] + 32 : from[0]);
		derive_facts(t, from, &derived);
		free(from);
	}
	tui_recompute_case(t, t->ci);
	/* which key questions this took out of the case, or brought in */
	rel_after = relevant_kqs(t);
	nleft = kq_list(t, rel_before, rel_after, &left);
	njoined = kq_list(t, rel_after, rel_before, &joined);
	free(rel_before);
	free(rel_after);
	if (nleft && njoined)
		buf_printf(&what, "%s no longer appl%s; %s appl%s now", buf_str(&left),
		    nleft == 1 ? "ies" : "y", buf_str(&joined), njoined == 1 ? "ies" : "y");
	else if (nleft)
		buf_printf(&what, "%s no longer appl%s", buf_str(&left), nleft == 1 ? "ies" : "y");
	else if (njoined)
		buf_printf(&what, "%s appl%s now", buf_str(&joined), njoined == 1 ? "ies" : "y");
	buf_free(&left);
	buf_free(&joined);
	/* a fact can take a case's answers out of the count, or bring them
	 * back: say how many of each, at once */
	now = counted_answers(t);
	before = after = 0;
	for (size_t i = 0; i < t->in.form.nkqs + t->in.form.nprompts; i++) {
		before += counted[i] && !now[i];	/* out */
		after += !counted[i] && now[i];		/* back */
	}
	free(counted);
	free(now);
	/* a choice recorded before that the new fact rules out (the disposal
	 * when the case type changes): said, to be chosen again */
	for (size_t i = 0; i < t->in.form.nfacts; i++) {
		const struct case_file *c = &t->in.cases[t->ci];

		if (c->facts[i] != COND_UNSET &&
		    case_choice_allowed(c, &t->in.form, i, c->facts[i]) == COND_FALSE) {
			if (before > 0)
				tui_message(t, 1, "%s '%s' does not fit this case now: choose it "
				    "again. %d answer%s kept, not counted (u undoes).",
				    t->in.form.facts[i].label,
				    t->in.form.facts[i].choice_labels[c->facts[i]], before,
				    before == 1 ? "" : "s");
			else
				tui_message(t, 1, "%s '%s' does not fit this case now: choose it again.",
				    t->in.form.facts[i].label,
				    t->in.form.facts[i].choice_labels[c->facts[i]]);
			buf_free(&derived);
			buf_free(&what);
			return;
		}
	}
	if (before > 0)
		tui_message(t, 1, "%s%s%d answer%s kept, not counted%s (u undoes).", buf_str(&what),
		    what.len ? ": " : "", before, before == 1 ? "" : "s",
		    after > 0 ? "; others count again" : "");
	else if (after > 0)
		tui_message(t, 0, "%s%s%d answer%s given before count%s again.", buf_str(&what),
		    what.len ? ": " : "", after, after == 1 ? "" : "s", after == 1 ? "s" : "");
	else if (derived.len)
		tui_message(t, 0, "%s%s%s.", buf_str(&derived), what.len ? "; " : "", buf_str(&what));
	else if (what.len)
		tui_message(t, 0, "%s.", buf_str(&what));
	buf_free(&derived);
	buf_free(&what);
}

/* In panel mode, refused unless unlocked, and then locked again, whether
 * it changed the case or not */
void
tui_fact_set(struct tui *t, size_t fact, int value)
{
	size_t changes = t->undo.n;

	if (tui_lock_refused(t))
		return;
	fact_set(t, fact, value);
	if (t->undo.n != changes)
		tui_lock_used(t);
	else
		tui_lock_spent(t, "nothing was changed");
}
