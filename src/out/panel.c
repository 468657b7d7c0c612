/* panel.c - the panel pack, written through an emitter (see panel.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "out/panel.h"

#define ARROW " \xe2\x86\x92 "	/* " → ", as the report's text is UTF-8 */

/* S as an emitter takes it: clean (a new string) */
static char *
clean(const char *s)
{
	struct buf b = BUF_INIT;

	text_clean(&b, s ? s : "", 0);
	return buf_take(&b);
}

/* "2026-12-07 23:15:02 UTC" of an ISO time (else the time as it is) */
static char *
when(const char *iso)
{
	if (iso && strlen(iso) >= 19 && iso[10] == 'T')
		return xasprintf("%.10s %.8s UTC", iso, iso + 11);
	return clean(iso);
}

static void
decisions(const struct doc_emit *em, void *ctx, const struct inspection *in,
    const struct meeting *m)
{
	static const char *const head[] = { "Standard", "From", "To", "Decided by", "When",
	    "Rationale" };
	const struct form *f = &in->form;

	em->heading(ctx, 2, "decisions", "Decisions made in the meeting");
	if (m->ndecisions == 0) {
		em->para(ctx, DOC_PLAIN, "No panel decision was made in the meeting.");
		return;
	}
	em->table_begin(ctx, "The panel's decisions, made, replaced and withdrawn, in order", 6, head, 0);
	for (size_t i = 0; i < m->n; i++) {
		const struct meeting_entry *x = &m->v[i];
		char *std, *by, *at, *why, *to;
		const char *cells[6];

		if (!x->decision)
			continue;
		std = xasprintf("%s %s", f->stds[x->std].id, f->stds[x->std].name);
		cells[0] = std;
		cells[1] = rate_label(f, x->from);
		cells[2] = to = x->decision == MEETING_WITHDRAWN ?
		    xasprintf("withdrawn (it was to %s)", rate_label(f, x->to)) :
		    xstrdup(rate_label(f, x->to));
		cells[3] = by = clean(x->who);
		cells[4] = at = when(x->time);
		if (x->decision == MEETING_WITHDRAWN)
			why = xstrdup("(the decision no longer stands)");
		else if (x->decision == MEETING_REPLACED) {
			char *w = xasprintf("%s (replacing the decision to %s)",
			    x->why ? x->why : "(none given)", rate_label(f, x->was_to));

			why = clean(w);
			free(w);
		} else
			why = clean(x->why ? x->why : "(none given)");
		cells[5] = why;
		em->table_row(ctx, DOC_ROW, 6, cells, NULL, NULL);
		free(std);
		free(to);
		free(by);
		free(at);
		free(why);
	}
	em->table_end(ctx);
}

static void
changes(const struct doc_emit *em, void *ctx, const struct inspection *in,
    const struct meeting *m)
{
	static const char *const head[] = { "When", "Who", "Case", "Change", "What it moved" };
	const struct form *f = &in->form;

	em->heading(ctx, 2, "changes", "Changes during the meeting");
	if (m->n == m->ndecisions) {
		em->para(ctx, DOC_PLAIN, "No case was changed during the meeting.");
		return;
	}
	em->table_begin(ctx, "Every change to the cases, in the order made", 5, head, 0);
	for (size_t i = 0; i < m->n; i++) {
		const struct meeting_entry *x = &m->v[i];
		struct buf ch = BUF_INIT, mv = BUF_INIT;
		char *at, *who, *ref, *c1, *c2;
		const char *cells[5];

		if (x->decision)
			continue;
		for (size_t k = 0; k < x->nchanges; k++) {
			if (k)
				buf_adds(&ch, "; ");
			meeting_change_text(&ch, &x->changes[k], ARROW);
		}
		for (size_t k = 0; k < x->nmoves; k++) {
			if (k)
				buf_adds(&mv, "; ");
			meeting_move_text(&mv, f, &x->moves[k], ARROW);
		}
		cells[0] = at = when(x->time);
		cells[1] = who = clean(x->who);
		cells[2] = ref = clean(x->ref);
		cells[3] = c1 = clean(x->nchanges ? buf_str(&ch) : "(the file brought up to date)");
		cells[4] = c2 = clean(x->nmoves ? buf_str(&mv) : "nothing");
		em->table_row(ctx, DOC_ROW, 5, cells, NULL, NULL);
		free(at);
		free(who);
		free(ref);
		free(c1);
		free(c2);
		buf_free(&ch);
		buf_free(&mv);
	}
	em->table_end(ctx);
}

/* The ratings at the end of the meeting: each counted standard, the score
 * and the overall rating */
static void
ratings(const struct doc_emit *em, void *ctx, const struct inspection *in, const struct rate *r)
{
	static const char *const head[] = { "Standard", "Rating at the end" };
	const struct form *f = &in->form;
	char *cells_std, *score, *rating;
	const char *cells[2];

	em->heading(ctx, 2, "ratings", "Ratings at the end of the meeting");
	em->table_begin(ctx, "Each standard's rating, the score and the overall rating", 2, head,
	    0);
	for (size_t s = 0; s < f->nstds; s++) {
		cells_std = xasprintf("%s %s%s", f->stds[s].id, f->stds[s].name,
		    f->stds[s].counted ? "" : " (not counted)");
		rating = xasprintf("%s%s", rate_label(f, r->std[s].rating),
		    r->std[s].decision ? " (panel decision)" : "");
		cells[0] = cells_std;
		cells[1] = rating;
		em->table_row(ctx, DOC_ROW, 2, cells, NULL, NULL);
		free(cells_std);
		free(rating);
	}
	score = xasprintf("%d/%d, %s", r->score, r->max, r->overall >= 0 &&
	    (size_t)r->overall < f->noverall ? f->overall[r->overall].rating : "not yet rated");
	cells[0] = "Score and overall rating";
	cells[1] = score;
	em->table_row(ctx, DOC_ROW_TOTAL, 2, cells, NULL, NULL);
	free(score);
	em->table_end(ctx);
}

void
panel_write(const struct doc_emit *em, void *ctx, const struct inspection *in,
    const struct rate *r, const struct meeting *m)
{
	char *title = xasprintf("Panel pack: %s", in->service ? in->service : in->form.id);
	char *t = clean(title), *since = when(m->since), *fw = clean(in->form.id);
	char counts[96];

	em->begin(ctx, t);
	em->meta(ctx, "Meeting from", since);
	em->meta(ctx, "Framework", fw);
	snprintf(counts, sizeof counts, "%zu decision%s, %zu change%s to the cases",
	    m->ndecisions, m->ndecisions == 1 ? "" : "s", m->n - m->ndecisions,
	    m->n - m->ndecisions == 1 ? "" : "s");
	em->meta(ctx, "Recorded", counts);
	em->section_begin(ctx, "meeting", 0);
	decisions(em, ctx, in, m);
	changes(em, ctx, in, m);
	ratings(em, ctx, in, r);
	em->section_end(ctx);
	em->end(ctx);
	free(title);
	free(t);
	free(since);
	free(fw);
}
