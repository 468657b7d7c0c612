/* walk.c - the order of a case's questions and moving through it (see walk.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/text.h"
#include "model/walk.h"
#include "base/xalloc.h"

void
walk_init(struct walk *w, const struct form *f)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->items = xcalloc(f->nkqs + f->nprompts, sizeof *w->items);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];

		if (st->rating != RATING_CASES)
			continue;
		for (size_t i = 0; i < st->nkqs; i++) {
			size_t q = st->kqs[i];
			const struct form_kq *kq = &f->kqs[q];

			for (size_t j = 0; j < kq->nprompts; j++)
				w->items[w->nitems++] = (struct walk_item){ WALK_PROMPT,
				    kq->prompts[j], q, s, f->prompts[kq->prompts[j]].id };
			w->items[w->nitems++] = (struct walk_item){ WALK_KQ, q, q, s, kq->id };
		}
	}
}

void
walk_free(struct walk *w)
{
	free(w->items);
	memset(w, 0, sizeof *w);
}

int
walk_find(const struct walk *w, const char *id)
{
	for (size_t i = 0; i < w->nitems; i++)
		if (strcasecmp(w->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
walk_first_of_std(const struct walk *w, size_t s)
{
	for (size_t i = 0; i < w->nitems; i++)
		if (w->items[i].std == s)
			return (int)i;
	return -1;
}

enum cond_value
walk_relevant(const struct walk *w, const struct case_file *c, size_t item)
{
	const struct walk_item *it = &w->items[item];

	if (it->kind == WALK_KQ)
		return case_kq_relevant(c, w->f, it->index);
	return case_prompt_relevant(c, w->f, it->index);
}

enum answer
walk_answer(const struct walk *w, const struct case_file *c, size_t item)
{
	const struct walk_item *it = &w->items[item];

	return it->kind == WALK_KQ ? c->kq_answer[it->index] : c->prompt_answer[it->index];
}

int
walk_allows(const struct walk *w, size_t item, enum answer a)
{
	const struct walk_item *it = &w->items[item];

	if (a == ANSWER_YES || a == ANSWER_NO)
		return 1;
	return a == ANSWER_NA && it->kind == WALK_PROMPT && w->f->prompts[it->index].na;
}

int
walk_step(const struct walk *w, const struct case_file *c, size_t from, int dir)
{
	for (long i = (long)from + dir; i >= 0 && (size_t)i < w->nitems; i += dir)
		if (walk_relevant(w, c, (size_t)i) == COND_TRUE)
			return (int)i;
	return -1;
}

int
walk_next_unanswered(const struct walk *w, const struct case_file *c, size_t from)
{
	for (size_t k = 1; k <= w->nitems; k++) {
		size_t i = (from + k) % w->nitems;

		if (walk_relevant(w, c, i) == COND_TRUE && walk_answer(w, c, i) == ANSWER_NONE)
			return (int)i;
	}
	return -1;
}

int
walk_first(const struct walk *w, const struct case_file *c)
{
	for (size_t i = 0; i < w->nitems; i++)
		if (walk_relevant(w, c, i) == COND_TRUE)
			return (int)i;
	return -1;
}

struct reason_ctx {
	const struct form *f;
	const struct case_file *c;
	struct buf *b;
	int n;
	int unset_only;
};

static void
reason_fact(void *arg, int fact)
{
	struct reason_ctx *r = arg;
	const struct form_fact *fa = &r->f->facts[fact];
	int v = r->c->facts[fact];

	if (r->unset_only != (v == COND_UNSET))
		return;
	if (strstr(buf_str(r->b), fa->label) != NULL)
		return;	/* named already */
	buf_printf(r->b, "%s%s%s%s", r->n++ ? "; " : "",
	    fa->label, v == COND_UNSET ? "" : ": ", v == COND_UNSET ? "" : fa->choice_labels[v]);
}

void
walk_reason(const struct walk *w, const struct case_file *c, size_t item, char *buf,
    size_t size)
{
	const struct form *f = w->f;
	const struct walk_item *it = &w->items[item];
	const struct form_std *st = &f->stds[it->std];
	const struct form_kq *kq = &f->kqs[it->kq];
	enum cond_value sv = case_std_applies(c, f, it->std);
	enum cond_value v = walk_relevant(w, c, item);
	struct buf b = { 0 }, what = { 0 };
	struct reason_ctx r = { f, c, &b, 0, 0 };
	const struct cond *cond;

	if (size > 0)
		buf[0] = '\0';
	if (v == COND_TRUE || size == 0)
		return;
	/* which condition decides: the standard's, the key question's or the prompt's */
	if (sv != COND_TRUE) {
		cond = st->applies;
		buf_printf(&what, "%s %s covers other cases", st->id, st->name);
	} else if (case_kq_relevant(c, f, it->kq) != COND_TRUE) {
		cond = kq->relevant;
		buf_printf(&what, "only in %s", kq->sample ? kq->sample : "some cases");
	} else {
		cond = f->prompts[it->index].relevant;
		buf_adds(&what, "only in some cases");
	}
	if (v == COND_UNKNOWN) {
		buf_adds(&b, "relevance unknown: record ");
		r.unset_only = 1;
		cond_facts(cond, reason_fact, &r);
	} else {
		buf_printf(&b, "not relevant: %s (this case: ", buf_str(&what));
		/* only the facts that rule it out (not "...: Yes" of an "and") */
		cond_facts(cond_why_false(cond, c->facts), reason_fact, &r);
		buf_addc(&b, ')');
	}
	text_copy(buf, size, buf_str(&b));	/* cut, if it must be, with a mark */
	buf_free(&what);
	buf_free(&b);
}
