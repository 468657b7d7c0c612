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
	long decision;		/* the decision's index, or -1 */
};

static int
by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int c = strcmp(x->time, y->time);

	if (c != 0)
		return c;
	if (x->decision != y->decision)	/* saves first, then decisions */
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

void
meeting_compute(struct meeting *m, const struct inspection *in, const char *since)
{
	const struct form *f = &in->form;
	size_t nc = in->ncases, nev = 0, cap = 0, nin = 0;
	struct journal *js = xcalloc(nc ? nc : 1, sizeof *js);
	struct case_file *cs = xcalloc(nc ? nc : 1, sizeof *cs);
	struct insp_decision *ds = xcalloc(in->ndecisions ? in->ndecisions : 1, sizeof *ds);
	unsigned char *on = xcalloc(in->ndecisions ? in->ndecisions : 1, 1);
	struct event *ev = NULL;
	struct inspection sh = *in;
	struct figures before, after;
	struct rate r;

	memset(m, 0, sizeof *m);
	m->since = xstrdup(since);
	/* each case as at SINCE: its journal replayed to it (a case with no
	 * journal to read: as it is now) */
	for (size_t ci = 0; ci < nc; ci++) {
		const struct case_file *now = &in->cases[ci];
		struct err e;
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
		 * is how it was at SINCE, whenever that save was made) */
		for (i = 0; i < js[ci].n && (strcmp(js[ci].v[i].time, since) <= 0 ||
		    strcmp(js[ci].v[i].who, "(base)") == 0); i++)
			apply(&cs[ci], f, &js[ci].v[i], NULL, NULL);
		/* the saves after it, a group each */
		while (i < js[ci].n) {
			const struct journal_entry *g = &js[ci].v[i];
			size_t n = 1;

			while (i + n < js[ci].n && js[ci].v[i + n].seq == g->seq &&
			    strcmp(js[ci].v[i + n].time, g->time) == 0 &&
			    strcmp(js[ci].v[i + n].who, g->who) == 0)
				n++;
			if (nev == cap)
				ev = xrealloc(ev, (cap = cap ? 2 * cap : 16) * sizeof *ev);
			ev[nev++] = (struct event){ g->time, ci, i, n, -1 };
			i += n;
		}
	}
	/* the decisions: those before SINCE (or with no time) in force from
	 * the start, the rest at their time */
	for (size_t d = 0; d < in->ndecisions; d++) {
		const char *at = in->decisions[d].at;

		if (at == NULL || strcmp(at, since) < 0) {
			on[d] = 1;
			continue;
		}
		if (nev == cap)
			ev = xrealloc(ev, (cap = cap ? 2 * cap : 16) * sizeof *ev);
		ev[nev++] = (struct event){ at, 0, 0, 0, (long)d };
	}
	if (nev > 1)
		qsort(ev, nev, sizeof *ev, by_time);

	/* the folder as at SINCE, rated */
	for (size_t d = 0; d < in->ndecisions; d++)
		if (on[d])
			ds[nin++] = in->decisions[d];
	sh.cases = cs;
	sh.decisions = ds;
	sh.ndecisions = nin;
	rate_compute(&r, &sh);
	before.std = xcalloc(f->nstds + 1, sizeof *before.std);
	before.kq = xcalloc(f->nkqs + 1, sizeof *before.kq);
	after.std = xcalloc(f->nstds + 1, sizeof *after.std);
	after.kq = xcalloc(f->nkqs + 1, sizeof *after.kq);
	figures_take(&before, &r, f);

	m->v = xcalloc(nev ? nev : 1, sizeof *m->v);
	for (size_t k = 0; k < nev; k++) {
		struct meeting_entry *x = &m->v[m->n];

		memset(x, 0, sizeof *x);
		x->time = xstrdup(ev[k].time);
		if (ev[k].decision >= 0) {
			const struct insp_decision *d = &in->decisions[ev[k].decision];

			on[ev[k].decision] = 1;
			nin = 0;
			for (size_t i = 0; i < in->ndecisions; i++)
				if (on[i])
					ds[nin++] = in->decisions[i];
			sh.ndecisions = nin;
			rate_free(&r);
			rate_compute(&r, &sh);
			x->decision = 1;
			x->who = xstrdup(d->by ? d->by : "");
			x->std = d->std;
			x->from = d->from;
			x->to = d->to;
			x->why = d->why ? xstrdup(d->why) : NULL;
			m->ndecisions++;
		} else {
			const struct journal *j = &js[ev[k].ci];
			struct case_file *c = &cs[ev[k].ci];

			for (size_t i = ev[k].first; i < ev[k].first + ev[k].n; i++)
				apply(c, f, &j->v[i], &x->changes, &x->nchanges);
			rate_update(&r, &sh, ev[k].ci);
			x->who = xstrdup(j->v[ev[k].first].who);
			x->ref = xstrdup(c->reference ? c->reference : in->cases[ev[k].ci].name);
		}
		figures_take(&after, &r, f);
		moves_of(x, &before, &after, f);
		{	/* after is before for the next */
			struct figures t = before;

			before = after;
			after = t;
		}
		if (!x->decision && x->nchanges == 0 && x->nmoves == 0) {
			entry_free(x);	/* who answered when, only: nothing to say */
			continue;
		}
		m->n++;
	}
	rate_free(&r);
	free(before.std);
	free(before.kq);
	free(after.std);
	free(after.kq);
	for (size_t ci = 0; ci < nc; ci++) {
		case_free(&cs[ci], f);
		journal_free(&js[ci]);
	}
	free(cs);
	free(js);
	free(ds);
	free(on);
	free(ev);
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

int
meeting_since_check(const char *s, struct err *e)
{
	static const char shape[] = "dddd-dd-ddTdd:dd";
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
			return err_set(e, "--since '%s': not a time (an ISO time in UTC, "
			    "2026-12-03T11:48 or 2026-12-03T11:48:05Z)", s);
	return 0;
}
