/* meeting.c - the panel meeting's record, from the case journals (see
 * meeting.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/meeting.h"
#include "model/rate.h"
#include "store/esc.h"
#include "store/journal.h"
#include "base/text.h"
#include "base/xalloc.h"

/* ---- a case as its journal rebuilds it ---- */

static enum answer
answer_of(const char *v)
{
	if (v == NULL)
		return ANSWER_NONE;
	if (strcmp(v, "yes") == 0)
		return ANSWER_YES;
	if (strcmp(v, "no") == 0)
		return ANSWER_NO;
	if (strcmp(v, "na") == 0)
		return ANSWER_NA;
	return ANSWER_NONE;
}

static const char *
answer_words(const char *v)
{
	switch (answer_of(v)) {
	case ANSWER_YES:
		return "Yes";
	case ANSWER_NO:
		return "No";
	case ANSWER_NA:
		return "N/A";
	default:
		return "unanswered";
	}
}

/* A fact's value in words: its choice's label, else the value, cleaned */
static char *
fact_words(const struct form_fact *fa, const char *v)
{
	struct buf b = BUF_INIT;
	int ci;

	if (v == NULL || *v == '\0')
		return xstrdup("not recorded");
	if (fa->type != FACT_TEXT && (ci = form_choice_index(fa, v)) >= 0 &&
	    fa->choice_labels && fa->choice_labels[ci])
		return xstrdup(fa->choice_labels[ci]);
	text_clean(&b, v, 0);
	return buf_take(&b);
}

/* A journal's value as the case file spells it ("\"ST-C03\"", escaped)
 * as the value it stands for: a new string, or NULL for NULL (a value
 * with a bad escape is taken as it is spelt) */
static char *
plain(const char *raw)
{
	struct buf b = BUF_INIT;
	struct err e;
	size_t n;
	char *in;

	if (raw == NULL)
		return NULL;
	n = strlen(raw);
	in = n >= 2 && raw[0] == '"' && raw[n - 1] == '"' ? xasprintf("%.*s", (int)(n - 2), raw + 1) :
	    xstrdup(raw);
	if (esc_decode(&b, in, &e) < 0) {
		buf_free(&b);
		return in;
	}
	free(in);
	return buf_take(&b);
}

static void apply_plain(struct case_file *c, const struct form *f,
    const struct journal_entry *x, struct meeting_change **ch, size_t *nch);

/* Journal entry X's key applied to C, the change it is (words) added to
 * CH (unless NULL) */
static void
apply(struct case_file *c, const struct form *f, const struct journal_entry *x,
    struct meeting_change **ch, size_t *nch)
{
	struct journal_entry y = *x;

	y.old = plain(x->old);
	y.new = plain(x->new);
	apply_plain(c, f, &y, ch, nch);
	free(y.old);
	free(y.new);
}

/* apply, X's values as they stand (unescaped) */
static void
apply_plain(struct case_file *c, const struct form *f, const struct journal_entry *x,
    struct meeting_change **ch, size_t *nch)
{
	const char *dot = strchr(x->key, '.');
	const char *key = dot ? dot + 1 : "";
	size_t slen = dot ? (size_t)(dot - x->key) : strlen(x->key);
	struct meeting_change add = { 0 };
	int kq, pr, fi;

	if (slen == 7 && strncmp(x->key, "answers", 7) == 0) {
		form_item_index(f, key, &kq, &pr);
		if (kq >= 0)
			c->kq_answer[kq] = (unsigned char)answer_of(x->new);
		else if (pr >= 0)
			c->prompt_answer[pr] = (unsigned char)answer_of(x->new);
		else
			return;
		if (answer_of(x->old) == answer_of(x->new))
			return;
		add.kind = MEETING_ANSWER;
		add.item = xstrdup(key);
		add.old = xstrdup(answer_words(x->old));
		add.new = xstrdup(answer_words(x->new));
	} else if (slen == 5 && strncmp(x->key, "facts", 5) == 0) {
		const struct form_fact *fa;

		if ((fi = form_fact_index(f, key)) < 0)
			return;
		fa = &f->facts[fi];
		if (fa->type == FACT_TEXT) {
			free(c->fact_text[fi]);
			c->fact_text[fi] = x->new ? xstrdup(x->new) : NULL;
		} else
			c->facts[fi] = x->new && *x->new ? form_choice_index(fa, x->new) : COND_UNSET;
		if (c->facts[fi] < 0)
			c->facts[fi] = COND_UNSET;
		add.kind = MEETING_FACT;
		add.item = xstrdup(fa->label ? fa->label : fa->id);
		add.old = fact_words(fa, x->old);
		add.new = fact_words(fa, x->new);
	} else if (slen == 5 && strncmp(x->key, "notes", 5) == 0) {
		if ((kq = form_kq_index(f, key)) < 0)
			return;
		add.kind = MEETING_NOTE;
		add.item = xstrdup(key);
		add.old = xstrdup(x->old && *x->old ? "a note" : "none");
		add.new = xstrdup(x->new && *x->new ? "a note" : "none");
	} else if (slen == 4 && strncmp(x->key, "case", 4) == 0) {
		if (strcmp(key, "reference") == 0) {
			free(c->reference);
			c->reference = x->new ? xstrdup(x->new) : NULL;
		}
		if (strcmp(key, "framework") != 0 || x->old != NULL)
			return;
		add.kind = MEETING_CASE;	/* the file's first key: it is begun */
		add.item = xstrdup("case");
		add.old = xstrdup("none");
		add.new = xstrdup("begun");
	} else
		return;
	if (ch == NULL) {
		free(add.item);
		free(add.old);
		free(add.new);
		return;
	}
	*ch = xrealloc(*ch, (*nch + 1) * sizeof **ch);
	(*ch)[(*nch)++] = add;
}

/* ---- the events after SINCE ---- */

struct event {
	const char *time;
	size_t ci;		/* the case (a save) */
	size_t first, n;	/* its journal group: entries [first, first + n) */
	long decision;		/* the decision's index (no inspection.journal),
				 * or -1 */
	int insp;		/* a group of inspection.journal (CI unused) */
	int added;		/* the case's "(base)" group: copied in */
};

static int
by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int c = meeting_time_cmp(x->time, y->time);

	if (c != 0)
		return c;
	if (x->insp != y->insp)		/* saves first, then decisions */
		return x->insp < y->insp ? -1 : 1;
	if (x->decision != y->decision)
		return x->decision < y->decision ? -1 : 1;
	if (x->ci != y->ci)
		return x->ci < y->ci ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* What a rating shows, for comparing before and after */
struct figures {
	int *std, *kq;
	int score, overall;
};

static void
figures_take(struct figures *g, const struct rate *r, const struct form *f)
{
	for (size_t s = 0; s < f->nstds; s++)
		g->std[s] = r->std[s].rating;
	for (size_t q = 0; q < f->nkqs; q++)
		g->kq[q] = r->kq[q].percent;
	g->score = r->rated ? r->score : RATE_NONE;
	g->overall = r->overall;
}

static void
move_add(struct meeting_entry *x, enum meeting_move_kind kind, size_t index, int from, int to)
{
	if (from == to)
		return;
	x->moves = xrealloc(x->moves, (x->nmoves + 1) * sizeof *x->moves);
	x->moves[x->nmoves].kind = kind;
	x->moves[x->nmoves].index = index;
	x->moves[x->nmoves].from = from;
	x->moves[x->nmoves].to = to;
	x->nmoves++;
}

/* What moved from A to B, as X's moves: standards, then key questions,
 * then the score and overall rating */
static void
moves_of(struct meeting_entry *x, const struct figures *a, const struct figures *b,
    const struct form *f)
{
	for (size_t s = 0; s < f->nstds; s++)
		move_add(x, MEETING_MOVE_STD, s, a->std[s], b->std[s]);
	for (size_t q = 0; q < f->nkqs; q++)
		move_add(x, MEETING_MOVE_KQ, q, a->kq[q], b->kq[q]);
	move_add(x, MEETING_MOVE_SCORE, 0, a->score, b->score);
	move_add(x, MEETING_MOVE_OVERALL, 0, a->overall, b->overall);
}

static void
entry_free(struct meeting_entry *x)
{
	free(x->time);
	free(x->who);
	free(x->ref);
	free(x->why);
	for (size_t i = 0; i < x->nchanges; i++) {
		free(x->changes[i].item);
		free(x->changes[i].old);
		free(x->changes[i].new);
	}
	free(x->changes);
	free(x->moves);
}

/* ---- the decisions as inspection.journal rebuilds them ---- */

/* One standard's decision (none: FROM or TO < 0); strings owned */
struct dec {
	int from, to;
	char *kq, *why, *by, *at;
};

static void
dec_clear(struct dec *d)
{
	free(d->kq);
	free(d->why);
	free(d->by);
	free(d->at);
	memset(d, 0, sizeof *d);
	d->from = d->to = -1;
}

static int
dec_on(const struct dec *d)
{
	return d->from >= 0 && d->to >= 0;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
dec_copy(struct dec *to, const struct dec *from)
{
	dec_clear(to);
	to->from = from->from;
	to->to = from->to;
	to->kq = dup_or_null(from->kq);
	to->why = dup_or_null(from->why);
	to->by = dup_or_null(from->by);
	to->at = dup_or_null(from->at);
}

static int
str_same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Do A and B stand for the same decision (or both for none)? */
static int
dec_same(const struct dec *a, const struct dec *b)
{
	if (!dec_on(a) || !dec_on(b))
		return dec_on(a) == dec_on(b);
	return a->from == b->from && a->to == b->to && str_same(a->kq, b->kq) &&
	    str_same(a->why, b->why) && str_same(a->by, b->by) && str_same(a->at, b->at);
}

/* inspection.journal's entry X applied to DS ([nstds]), if it is a key of
 * a [decision.STANDARD] section */
static void
dec_apply(struct dec *ds, const struct form *f, const struct journal_entry *x)
{
	const char *rest, *dot;
	char *id, *v, **slot = NULL;
	int s;

	if (strncmp(x->key, "decision.", 9) != 0)
		return;
	rest = x->key + 9;
	if ((dot = strrchr(rest, '.')) == NULL)
		return;
	id = xasprintf("%.*s", (int)(dot - rest), rest);
	s = form_std_index(f, id);
	free(id);
	if (s < 0)
		return;
	v = plain(x->new);
	if (strcmp(dot + 1, "from") == 0 || strcmp(dot + 1, "to") == 0) {
		int b = v ? form_band_index(f, v) : -1;

		*(strcmp(dot + 1, "from") == 0 ? &ds[s].from : &ds[s].to) = b < 0 ? -1 : b;
	} else if (strcmp(dot + 1, "kq") == 0)
		slot = &ds[s].kq;
	else if (strcmp(dot + 1, "why") == 0)
		slot = &ds[s].why;
	else if (strcmp(dot + 1, "by") == 0)
		slot = &ds[s].by;
	else if (strcmp(dot + 1, "at") == 0)
		slot = &ds[s].at;
	if (slot) {
		free(*slot);
		*slot = v;
		v = NULL;
	}
	free(v);
}

/* The decisions standing in DS, as the rating takes them, into OUT (its
 * strings DS's); how many */
static size_t
dec_list(const struct dec *ds, size_t nstds, struct insp_decision *out)
{
	size_t n = 0;

	for (size_t s = 0; s < nstds; s++)
		if (dec_on(&ds[s]))
			out[n++] = (struct insp_decision){ s, ds[s].kq, ds[s].from, ds[s].to,
			    ds[s].why, ds[s].by, ds[s].at };
	return n;
}

/* The events, the saves after SINCE and the decisions' changes */
struct events {
	struct event *v;
	size_t n, cap;
};

static void
event_add(struct events *es, struct event ev)
{
	if (es->n == es->cap)
		es->v = xrealloc(es->v, (es->cap = es->cap ? 2 * es->cap : 16) * sizeof *es->v);
	es->v[es->n++] = ev;
}

/* J's groups from entry I on, an event each (INSP: of inspection.journal;
 * CI: the case), into ES */
static void
groups_add(struct events *es, const struct journal *j, size_t i, size_t ci, int insp)
{
	while (i < j->n) {
		const struct journal_entry *g = &j->v[i];
		size_t n = 1;

		while (i + n < j->n && j->v[i + n].seq == g->seq &&
		    strcmp(j->v[i + n].time, g->time) == 0 && strcmp(j->v[i + n].who, g->who) == 0)
			n++;
		event_add(es, (struct event){ g->time, ci, i, n, -1, insp,
		    !insp && strcmp(g->who, "(base)") == 0 });
		i += n;
	}
}

/* A new entry at the end of M's (room made) */
static struct meeting_entry *
entry_new(struct meeting *m, size_t *cap)
{
	if (m->n == *cap)
		m->v = xrealloc(m->v, (*cap = *cap ? 2 * *cap : 16) * sizeof *m->v);
	memset(&m->v[m->n], 0, sizeof m->v[m->n]);
	return &m->v[m->n];
}

/* State of the rating while the events are applied */
struct replay {
	struct inspection sh;		/* IN, with the cases and decisions as replayed */
	struct insp_decision *list;	/* sh.decisions */
	struct rate r;
	struct figures before, after;
	const struct form *f;
};

/* Entry X's moves: from what the rating was to R as it is now */
static void
replay_moves(struct replay *p, struct meeting_entry *x)
{
	struct figures t;

	figures_take(&p->after, &p->r, p->f);
	moves_of(x, &p->before, &p->after, p->f);
	t = p->before;	/* after is before for the next */
	p->before = p->after;
	p->after = t;
}

/* Entry X kept in M, or dropped when it says nothing */
static void
entry_keep(struct meeting *m, struct meeting_entry *x)
{
	if (x->decision == MEETING_NO_DECISION && x->nchanges == 0 && x->nmoves == 0) {
		entry_free(x);	/* who answered when, only: nothing to say */
		return;
	}
	if (x->decision != MEETING_NO_DECISION)
		m->ndecisions++;
	m->n++;
}

/* Inspection.journal's group EV applied: each standard whose decision it
 * changed an entry, in the form's order, the rating moved one at a time */
static void
decisions_group(struct meeting *m, size_t *cap, struct replay *p, struct dec *cur,
    const struct journal *ij, const struct event *ev)
{
	size_t ns = p->f->nstds;
	struct dec *next = xcalloc(ns ? ns : 1, sizeof *next);

	for (size_t s = 0; s < ns; s++) {
		next[s].from = next[s].to = -1;
		dec_copy(&next[s], &cur[s]);
	}
	for (size_t i = ev->first; i < ev->first + ev->n; i++)
		dec_apply(next, p->f, &ij->v[i]);
	for (size_t s = 0; s < ns; s++) {
		struct meeting_entry *x;
		const struct dec *now = &next[s], *was = &cur[s];

		if (dec_same(was, now))
			continue;
		x = entry_new(m, cap);
		x->time = xstrdup(ev->time);
		x->std = s;
		if (dec_on(now)) {
			x->decision = dec_on(was) ? MEETING_REPLACED : MEETING_DECIDED;
			x->was_to = was->to;
			x->from = now->from;
			x->to = now->to;
			x->why = dup_or_null(now->why);
			x->who = xstrdup(now->by ? now->by : ij->v[ev->first].who);
		} else {
			x->decision = MEETING_WITHDRAWN;
			x->from = was->from;
			x->to = was->to;
			x->who = xstrdup(ij->v[ev->first].who);
		}
		dec_copy(&cur[s], now);
		p->sh.ndecisions = dec_list(cur, ns, p->list);
		rate_free(&p->r);
		rate_compute(&p->r, &p->sh);
		replay_moves(p, x);
		entry_keep(m, x);
	}
	for (size_t s = 0; s < ns; s++)
		dec_clear(&next[s]);
	free(next);
}

void
meeting_compute(struct meeting *m, const struct inspection *in, const char *since)
{
	const struct form *f = &in->form;
	size_t nc = in->ncases, ns = f->nstds, cap = 0;
	struct journal *js = xcalloc(nc ? nc : 1, sizeof *js), ij = { 0 };
	struct case_file *cs = xcalloc(nc ? nc : 1, sizeof *cs);
	struct dec *cur = xcalloc(ns ? ns : 1, sizeof *cur);
	struct events es = { 0 };
	struct replay p = { 0 };
	int have_ij;
	struct err e;

	memset(m, 0, sizeof *m);
	m->since = xstrdup(since);
	p.f = f;
	p.sh = *in;
	p.list = xcalloc((ns > in->ndecisions ? ns : in->ndecisions) + 1, sizeof *p.list);
	/* each case as at SINCE: its journal replayed to it (a case with no
	 * journal to read: as it is now) */
	for (size_t ci = 0; ci < nc; ci++) {
		const struct case_file *now = &in->cases[ci];
		size_t i;

		case_init(&cs[ci], f, now->path);
		if (journal_read(now->path, &js[ci], &e) < 0 || js[ci].n == 0) {
			if (js[ci].v == NULL)
				memset(&js[ci], 0, sizeof js[ci]);
			memcpy(cs[ci].facts, now->facts, f->nfacts * sizeof *now->facts);
			for (size_t k = 0; k < f->nfacts; k++)
				cs[ci].fact_text[k] = now->fact_text[k] ? xstrdup(now->fact_text[k]) : NULL;
			memcpy(cs[ci].kq_answer, now->kq_answer, f->nkqs);
			memcpy(cs[ci].prompt_answer, now->prompt_answer, f->nprompts);
			cs[ci].reference = now->reference ? xstrdup(now->reference) : NULL;
			continue;
		}
		/* (the file as it was before its first journaled save, "(base)",
		 * is how it was at SINCE when that save was made by then, or
		 * was made in the meeting to a file that was there: not so when
		 * the journal begins after SINCE, the file copied in then with
		 * no history of its own, which is added in the meeting) */
		for (i = 0; i < js[ci].n && meeting_time_cmp(js[ci].v[i].time, since) <= 0; i++)
			apply(&cs[ci], f, &js[ci].v[i], NULL, NULL);
		groups_add(&es, &js[ci], i, ci, 0);
	}
	/* the decisions at SINCE: inspection.journal replayed to it (its
	 * "(base)", the file before its first journaled save, counting from
	 * the start); without one, those standing now that were made before
	 * SINCE (or have no time), the rest at their time */
	for (size_t s = 0; s < ns; s++)
		cur[s].from = cur[s].to = -1;
	have_ij = in->path && journal_read(in->path, &ij, &e) == 0 && ij.n > 0;
	if (have_ij) {
		size_t i;

		for (i = 0; i < ij.n && (meeting_time_cmp(ij.v[i].time, since) <= 0 ||
		    strcmp(ij.v[i].who, "(base)") == 0); i++)
			dec_apply(cur, f, &ij.v[i]);
		groups_add(&es, &ij, i, 0, 1);
	} else {
		for (size_t d = 0; d < in->ndecisions; d++) {
			const struct insp_decision *x = &in->decisions[d];

			if (x->at == NULL || meeting_time_cmp(x->at, since) <= 0) {
				struct dec *c = &cur[x->std];

				dec_clear(c);
				c->from = x->from;
				c->to = x->to;
				c->kq = dup_or_null(x->kq);
				c->why = dup_or_null(x->why);
				c->by = dup_or_null(x->by);
				c->at = dup_or_null(x->at);
				continue;
			}
			event_add(&es, (struct event){ x->at, 0, 0, 0, (long)d, 1, 0 });
		}
	}
	if (es.n > 1)
		qsort(es.v, es.n, sizeof *es.v, by_time);

	/* the folder as at SINCE, rated */
	p.sh.cases = cs;
	p.sh.decisions = p.list;
	p.sh.ndecisions = dec_list(cur, ns, p.list);
	rate_compute(&p.r, &p.sh);
	p.before.std = xcalloc(ns + 1, sizeof *p.before.std);
	p.before.kq = xcalloc(f->nkqs + 1, sizeof *p.before.kq);
	p.after.std = xcalloc(ns + 1, sizeof *p.after.std);
	p.after.kq = xcalloc(f->nkqs + 1, sizeof *p.after.kq);
	figures_take(&p.before, &p.r, f);

	for (size_t k = 0; k < es.n; k++) {
		const struct event *ev = &es.v[k];
		struct meeting_entry *x;

		if (ev->insp && ev->decision < 0) {
			decisions_group(m, &cap, &p, cur, &ij, ev);
			continue;
		}
		x = entry_new(m, &cap);
		x->time = xstrdup(ev->time);
		if (ev->decision >= 0) {	/* (no inspection.journal) */
			const struct insp_decision *d = &in->decisions[ev->decision];
			struct dec *c = &cur[d->std];

			dec_clear(c);
			c->from = d->from;
			c->to = d->to;
			c->kq = dup_or_null(d->kq);
			c->why = dup_or_null(d->why);
			c->by = dup_or_null(d->by);
			c->at = dup_or_null(d->at);
			p.sh.ndecisions = dec_list(cur, ns, p.list);
			rate_free(&p.r);
			rate_compute(&p.r, &p.sh);
			x->decision = MEETING_DECIDED;
			x->who = xstrdup(d->by ? d->by : "");
			x->std = d->std;
			x->from = d->from;
			x->to = d->to;
			x->was_to = -1;
			x->why = d->why ? xstrdup(d->why) : NULL;
		} else {
			const struct journal *j = &js[ev->ci];
			struct case_file *c = &cs[ev->ci];

			if (ev->added) {	/* copied in: the case, not its keys */
				x->changes = xcalloc(1, sizeof *x->changes);
				x->changes[0] = (struct meeting_change){ MEETING_ADDED, xstrdup("case"),
				    xstrdup("none"), xstrdup("added") };
				x->nchanges = 1;
			}
			for (size_t i = ev->first; i < ev->first + ev->n; i++)
				apply(c, f, &j->v[i], ev->added ? NULL : &x->changes,
				    ev->added ? NULL : &x->nchanges);
			rate_update(&p.r, &p.sh, ev->ci);
			x->who = xstrdup(j->v[ev->first].who);
			x->ref = xstrdup(c->reference ? c->reference : in->cases[ev->ci].name);
		}
		replay_moves(&p, x);
		entry_keep(m, x);
	}
	rate_free(&p.r);
	free(p.before.std);
	free(p.before.kq);
	free(p.after.std);
	free(p.after.kq);
	for (size_t ci = 0; ci < nc; ci++) {
		case_free(&cs[ci], f);
		journal_free(&js[ci]);
	}
	journal_free(&ij);
	for (size_t s = 0; s < ns; s++)
		dec_clear(&cur[s]);
	free(cur);
	free(cs);
	free(js);
	free(p.list);
	free(es.v);
}

void
meeting_free(struct meeting *m)
{
	for (size_t i = 0; i < m->n; i++)
		entry_free(&m->v[i]);
	free(m->v);
	free(m->since);
	memset(m, 0, sizeof *m);
}

/* ---- in words ---- */

void
meeting_move_text(struct buf *b, const struct form *f, const struct meeting_move *mv,
    const char *arrow)
{
	switch (mv->kind) {
	case MEETING_MOVE_STD:
		buf_printf(b, "%s %s%s%s", f->stds[mv->index].id, rate_label(f, mv->from), arrow,
		    rate_label(f, mv->to));
		break;
	case MEETING_MOVE_KQ:
		buf_printf(b, "%s ", f->kqs[mv->index].id);
		if (mv->from == RATE_NONE)
			buf_adds(b, "no relevant cases");
		else
			buf_printf(b, "%d%%", mv->from);
		buf_adds(b, arrow);
		if (mv->to == RATE_NONE)
			buf_adds(b, "no relevant cases");
		else
			buf_printf(b, "%d%%", mv->to);
		break;
	case MEETING_MOVE_SCORE:
		buf_adds(b, "score ");
		if (mv->from == RATE_NONE)
			buf_adds(b, "none");
		else
			buf_printf(b, "%d", mv->from);
		buf_adds(b, arrow);
		if (mv->to == RATE_NONE)
			buf_adds(b, "none");
		else
			buf_printf(b, "%d", mv->to);
		break;
	case MEETING_MOVE_OVERALL:
		buf_printf(b, "overall %s%s%s",
		    mv->from >= 0 && (size_t)mv->from < f->noverall ? f->overall[mv->from].rating :
		    "not yet rated", arrow,
		    mv->to >= 0 && (size_t)mv->to < f->noverall ? f->overall[mv->to].rating :
		    "not yet rated");
		break;
	}
}

void
meeting_change_text(struct buf *b, const struct meeting_change *ch, const char *arrow)
{
	switch (ch->kind) {
	case MEETING_ANSWER:
		buf_printf(b, "%s %s%s%s", ch->item, ch->old, arrow, ch->new);
		break;
	case MEETING_FACT:
		buf_printf(b, "fact %s: %s%s%s", ch->item, ch->old, arrow, ch->new);
		break;
	case MEETING_NOTE:
		buf_printf(b, "note on %s %s", ch->item,
		    strcmp(ch->old, "none") == 0 ? "added" :
		    strcmp(ch->new, "none") == 0 ? "removed" : "changed");
		break;
	case MEETING_CASE:
		buf_adds(b, "case begun");
		break;
	case MEETING_ADDED:
		buf_adds(b, "case added (a file copied in)");
		break;
	}
}

void
meeting_entry_text(struct buf *b, const struct form *f, const struct meeting_entry *x,
    const char *arrow)
{
	for (size_t i = 0; i < x->nchanges; i++) {
		if (i)
			buf_adds(b, ", ");
		meeting_change_text(b, &x->changes[i], arrow);
	}
	buf_adds(b, x->nchanges ? "; moved " : "moved ");
	if (x->nmoves == 0)
		buf_adds(b, "nothing");
	for (size_t i = 0; i < x->nmoves; i++) {
		if (i)
			buf_adds(b, ", ");
		meeting_move_text(b, f, &x->moves[i], arrow);
	}
}

/* Is S at least the shape "dddd-dd-ddTdd:dd"? Then how far it goes: the
 * length of its time to the minute, second or millisecond (16, 19, 23),
 * with *Z set when a Z follows; else 0 (anything else after: 0) */
static size_t
time_shape(const char *s, int *z)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd.ddd";
	size_t i;

	*z = 0;
	for (i = 0; shape[i]; i++) {
		if (i == 16 || i == 19) {
			if (s[i] == '\0' || (s[i] == 'Z' && s[i + 1] == '\0')) {
				*z = s[i] == 'Z';
				return i;
			}
		}
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return 0;
	}
	if (s[i] == '\0' || (s[i] == 'Z' && s[i + 1] == '\0')) {
		*z = s[i] == 'Z';
		return i;
	}
	return 0;
}

int
meeting_since_check(const char *s, struct err *e)
{
	int z;

	if (time_shape(s, &z) == 0)
		return err_set(e, "--since '%s': not a time (an ISO time in UTC, "
		    "2026-12-03T11:48 or 2026-12-03T11:48:05Z)", s);
	return 0;
}

int
meeting_time_cmp(const char *a, const char *b)
{
	int za, zb, c;
	size_t la = time_shape(a, &za), lb = time_shape(b, &zb);
	char sa[20], sb[20];
	long ma, mb;

	if (la == 0 || lb == 0)
		return strcmp(a, b);
	/* to the second, a time to the minute at its second 0 */
	memcpy(sa, a, 16);
	memcpy(sa + 16, la >= 19 ? a + 16 : ":00", 3);
	memcpy(sb, b, 16);
	memcpy(sb + 16, lb >= 19 ? b + 16 : ":00", 3);
	sa[19] = sb[19] = '\0';
	if ((c = strcmp(sa, sb)) != 0)
		return c;
	ma = la == 23 ? strtol(a + 20, NULL, 10) : 0;
	mb = lb == 23 ? strtol(b + 20, NULL, 10) : 0;
	return ma < mb ? -1 : ma > mb;
}
