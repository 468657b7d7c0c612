/* doc.c - the report's tables as one walk over the figures (see doc.h).
 *
 * Marks, as in the text summary (report.c):
 *   ◆  professional discretion candidate (the reasons in a note)
 *   †  a panel decision applied; the key question it was applied to reads
 *      "*Professional discretion applied", as in the published tables
 *   ¹  not counted in the overall score
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "out/doc.h"
#include "out/report_marks.h"
#include "base/text.h"
#include "model/whatif.h"
#include "base/xalloc.h"


/* The walk's state: the emitter, its context, and scratch text. */
struct walk {
	const struct doc_emit *em;
	void *ctx;
	const struct inspection *in;
	const struct form *f;
	const struct rate *r;
	const struct doc_opts *o;
	struct whatif *wi;	/* o->whatif: what would change each rating */
};

/* A list headed TITLE of N strings in B (clean UTF-8) */
static void
list_bufs(struct walk *w, const char *title, struct buf *b, size_t n)
{
	const char *items[4];

	for (size_t i = 0; i < n && i < 4; i++)
		items[i] = buf_str(&b[i]);
	w->em->list(w->ctx, title, items, n < 4 ? n : 4);
}

/* What would change case-rated standard S (its moves up and down, then
 * its near-boundary and small-sample reasons in figures) or, S (size_t)-1,
 * the overall rating. */
static void
whatif_list(struct walk *w, size_t s)
{
	struct buf b[4] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT }, raw = BUF_INIT;
	size_t n = 0;

	for (int up = 1; up >= 0; up--) {
		buf_reset(&raw);
		if (s == (size_t)-1)
			whatif_overall_text(w->in, w->wi, up, &raw);
		else
			whatif_move_text(w->in, w->wi, s, up, &raw);
		text_clean(&b[n++], buf_str(&raw), 0);
	}
	for (int i = 0; s != (size_t)-1 && i < 2; i++) {
		const char *why = i == 0 ? w->wi->std[s].near : w->wi->std[s].small;

		if (why == NULL)
			continue;
		buf_adds(&b[n], REPORT_CANDIDATE " ");
		text_clean(&b[n], why, 0);
		buf_adds(&b[n++], ".");
	}
	list_bufs(w, s == (size_t)-1 ? "What would change the overall rating" :
	    w->r->std[s].decision ? "What would change it, as the panel "
	    "decided it" : "What would change it", b, n);
	for (size_t i = 0; i < 4; i++)
		buf_free(&b[i]);
	buf_free(&raw);
}

/* A clean copy of S ("" for NULL) in B, which is emptied first. */
static const char *
cleaned(struct buf *b, const char *s)
{
	buf_reset(b);
	text_clean(b, s ? s : "", 0);
	return buf_str(b);
}

static void
title_block(struct walk *w)
{
	const struct inspection *in = w->in;
	struct buf b = BUF_INIT, v = BUF_INIT, line = BUF_INIT;

	w->em->meta(w->ctx, "Framework", cleaned(&b, w->f->title ? w->f->title : w->f->id));
	if (in->fieldwork_start || in->fieldwork_end) {
		buf_reset(&v);
		text_clean(&v, in->fieldwork_start ? in->fieldwork_start : "", 0);
		if (in->fieldwork_end) {
			buf_adds(&v, " to ");
			text_clean(&v, in->fieldwork_end, 0);
		}
		w->em->meta(w->ctx, "Fieldwork", buf_str(&v));
	}
	if (in->lead)
		w->em->meta(w->ctx, "Lead inspector", cleaned(&b, in->lead));
	buf_reset(&v);
	report_case_mix(in, &v);
	w->em->meta(w->ctx, "Cases", buf_str(&v));
	if (w->o->nfolders > 1) {
		buf_reset(&v);
		for (size_t i = 0; i < w->o->nfolders; i++) {
			if (i)
				buf_adds(&v, ", ");
			text_clean(&v, w->o->folders[i], 0);
		}
		w->em->meta(w->ctx, "Folders", buf_str(&v));
	}
	report_completeness_add(w->r, &line);
	if (line.len) {
		buf_reset(&v);
		buf_adds(&v, "Incomplete: ");
		text_clean(&v, buf_str(&line), 0);
		buf_adds(&v, ".");
		w->em->para(w->ctx, DOC_WARNING, buf_str(&v));
	}
	buf_reset(&line);
	report_conflicts_add(w->in, &line);
	if (line.len) {
		buf_reset(&v);
		buf_adds(&v, "Conflicts: ");
		text_clean(&v, buf_str(&line), 0);
		buf_adds(&v, ".");
		w->em->para(w->ctx, DOC_WARNING, buf_str(&v));
	}
	buf_free(&b);
	buf_free(&v);
	buf_free(&line);
}

static void
ratings_table(struct walk *w)
{
	const struct form *f = w->f;
	const struct rate *r = w->r;
	static const char *const head[] = { "Standard", "Rating" };
	struct buf a = BUF_INIT, b = BUF_INIT;
	char score[32];	/* two numbers */
	int uncounted = 0;

	w->em->section_begin(w->ctx, "ratings", 0);
	w->em->heading(w->ctx, 2, "ratings", "Ratings");
	w->em->table_begin(w->ctx, "Ratings of each standard, the score and the overall rating",
	    2, head, 0);
	for (size_t d = 0; d < f->ndomains; d++) {
		const char *cells[2];

		buf_reset(&a);
		text_clean(&a, f->domains[d].id, 0);
		buf_adds(&a, ". ");
		text_clean(&a, f->domains[d].name, 0);
		cells[0] = buf_str(&a);
		cells[1] = "";
		w->em->table_row(w->ctx, DOC_ROW_GROUP, 2, cells, NULL, NULL);
		for (size_t s = 0; s < f->nstds; s++) {
			if (f->stds[s].domain != d)
				continue;
			uncounted |= !f->stds[s].counted;
			buf_reset(&a);
			buf_printf(&a, "%s ", f->stds[s].id);
			text_clean(&a, f->stds[s].name, 0);
			buf_reset(&b);
			buf_printf(&b, "%s%s", rate_label(f, r->std[s].rating),
			    report_std_marks(w->f, w->r, s));
			cells[0] = buf_str(&a);
			cells[1] = buf_str(&b);
			w->em->table_row(w->ctx, DOC_ROW, 2, cells, NULL, NULL);
		}
	}
	{
		const char *cells[2];

		snprintf(score, sizeof score, "%d/%d", r->score, r->max);
		cells[0] = "Score";
		cells[1] = score;
		w->em->table_row(w->ctx, DOC_ROW_TOTAL, 2, cells, NULL, NULL);
		buf_reset(&b);
		if (r->overall >= 0)
			buf_adds(&b, f->overall[r->overall].rating);
		else
			buf_printf(&b, "not yet: %d of %d standards rated", r->rated, r->counted);
		cells[0] = "Overall rating";
		cells[1] = buf_str(&b);
		w->em->table_row(w->ctx, DOC_ROW_TOTAL, 2, cells, NULL, NULL);
	}
	w->em->table_end(w->ctx);
	buf_reset(&a);
	buf_adds(&a, REPORT_CANDIDATE " professional discretion candidate; " REPORT_DECIDED
	    " panel decision applied");
	if (uncounted)
		buf_adds(&a, "; " REPORT_UNCOUNTED " not counted in the overall score");
	buf_adds(&a, ".");
	w->em->para(w->ctx, DOC_PLAIN, buf_str(&a));
	if (w->wi)
		whatif_list(w, (size_t)-1);
	w->em->section_end(w->ctx);
	buf_free(&a);
	buf_free(&b);
}

/* A table of figures headed HEADING ("Of the 6 cases inspected"), as the
 * report prints its key-question and prompt tables. */
static void
figures_begin(struct walk *w, const char *caption, const char *heading)
{
	const char *head[4] = { heading, "Relevant cases", "Number 'Yes'", "% 'Yes'" };

	w->em->table_begin(w->ctx, caption, 4, head, 1);
}

/* A row of such a table: "ID TEXT", relevant, 'Yes', %; MARK and ANCHOR as
 * doc_emit.table_row's. */
static void
figures_row(struct walk *w, struct buf *scratch, const char *id, const char *text,
    const struct rate_tally *t, const char *mark, const char *anchor)
{
	char rel[16], yes[16], p[16];
	const char *cells[4];

	buf_reset(scratch);
	buf_printf(scratch, "%s ", id);
	text_clean(scratch, text, 0);
	snprintf(rel, sizeof rel, "%d", t->relevant);
	snprintf(yes, sizeof yes, "%d", t->yes);
	report_pct(p, sizeof p, t->percent);
	cells[0] = buf_str(scratch);
	cells[1] = rel;
	cells[2] = yes;
	cells[3] = p;
	w->em->table_row(w->ctx, DOC_ROW, 4, cells, mark, anchor);
}

/* The key-question table of case-rated standard S. */
static void
kq_table(struct walk *w, size_t s, const char *decision_anchor)
{
	const struct form *f = w->f;
	const struct form_std *st = &f->stds[s];
	const struct rate_std *rs = &w->r->std[s];
	struct buf h = BUF_INIT, cap = BUF_INIT, q = BUF_INIT;

	buf_printf(&h, "Of the %d ", rs->sample);
	text_clean(&h, st->sample, 0);
	buf_printf(&cap, "%s ", st->id);
	text_clean(&cap, st->name, 0);
	buf_adds(&cap, ": key questions");
	figures_begin(w, buf_str(&cap), buf_str(&h));
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t k = st->kqs[i];
		int decided = rs->decision && rs->decision->kq &&
		    strcmp(rs->decision->kq, f->kqs[k].id) == 0;

		figures_row(w, &q, f->kqs[k].id, f->kqs[k].text, &w->r->kq[k],
		    decided ? REPORT_APPLIED : NULL, decided ? decision_anchor : NULL);
	}
	w->em->table_end(w->ctx);
	buf_free(&h);
	buf_free(&cap);
	buf_free(&q);
}

static void
kq_chart(struct walk *w, size_t s)
{
	const struct form *f = w->f;
	const struct form_std *st = &f->stds[s];
	struct doc_bar *bars = xcalloc(st->nkqs ? st->nkqs : 1, sizeof *bars);
	struct buf *band = xcalloc(st->nkqs ? st->nkqs : 1, sizeof *band);
	struct buf *text = xcalloc(st->nkqs ? st->nkqs : 1, sizeof *text);
	int bounds[8];
	const char *labels[8];
	size_t nb = 0;
	struct buf cap = BUF_INIT, anchor = BUF_INIT;

	for (size_t b = 1; b < f->nbands && nb < 8; b++) {
		bounds[nb] = f->bands[b].min;
		labels[nb++] = f->bands[b].label;
	}
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t k = st->kqs[i];
		const struct rate_tally *t = &w->r->kq[k];

		bars[i].id = f->kqs[k].id;
		bars[i].text = cleaned(&text[i], f->kqs[k].text);
		bars[i].percent = t->percent;
		if (t->band >= 0)
			buf_printf(&band[i], "%s (%s)", f->bands[t->band].label,
			    f->bands[t->band].rating);
		else
			buf_adds(&band[i], "no relevant cases");
		bars[i].band = buf_str(&band[i]);
	}
	buf_printf(&cap, "%s ", st->id);
	text_clean(&cap, st->name, 0);
	buf_adds(&cap, ": % 'Yes' of each key question, with the band boundaries at");
	for (size_t b = 0; b < nb; b++)
		buf_printf(&cap, "%s %d%%", b == 0 ? "" : b + 1 == nb ? " and" : ",", bounds[b]);
	buf_printf(&anchor, "chart-%s", st->id);
	w->em->chart(w->ctx, buf_str(&anchor), buf_str(&cap), bars, st->nkqs, bounds, labels, nb);
	for (size_t i = 0; i < st->nkqs; i++) {
		buf_free(&band[i]);
		buf_free(&text[i]);
	}
	free(bars);
	free(band);
	free(text);
	buf_free(&cap);
	buf_free(&anchor);
}

/* Key question K's prompt table under its sub-sample heading. */
static void
prompt_table(struct walk *w, size_t s, size_t k)
{
	const struct form *f = w->f;
	const struct form_kq *kq = &f->kqs[k];
	const struct rate_tally *t = &w->r->kq[k];
	struct buf h = BUF_INIT, a = BUF_INIT, row = BUF_INIT, cap = BUF_INIT;

	if (kq->nprompts == 0)
		return;
	buf_printf(&a, "kq-%s", kq->id);
	w->em->heading(w->ctx, 4, buf_str(&a), cleaned(&row, kq->text));
	/* the prompt table's heading counts the key question's sub-sample */
	buf_printf(&h, "Of the %d ", form_kq_sub_sample(f, k) ? t->relevant : w->r->std[s].sample);
	text_clean(&h, kq->sample ? kq->sample : f->stds[s].sample, 0);
	buf_adds(&h, ":");
	buf_printf(&cap, "%s prompts", kq->id);
	figures_begin(w, buf_str(&cap), buf_str(&h));
	for (size_t j = 0; j < kq->nprompts; j++) {
		size_t p = kq->prompts[j];

		figures_row(w, &row, f->prompts[p].id, f->prompts[p].text, &w->r->prompt[p],
		    NULL, NULL);
	}
	w->em->table_end(w->ctx);
	buf_free(&h);
	buf_free(&a);
	buf_free(&row);
	buf_free(&cap);
}

/* TEXT's lines (blank ones skipped) as a list headed TITLE */
static void
findings(struct walk *w, const char *title, const char *text)
{
	struct buf b = BUF_INIT;
	char **items, *s;
	size_t n = 0;

	if (text == NULL)
		return;
	text_clean(&b, text, 1);
	s = buf_take(&b);
	items = xcalloc(strlen(s) / 2 + 2, sizeof *items);
	for (char *save = NULL, *t = strtok_r(s, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
		t += strspn(t, " ");
		if (*t != '\0')
			items[n++] = t;
	}
	if (n)
		w->em->list(w->ctx, title, (const char *const *)items, n);
	free(items);
	free(s);
}

/* The lead inspector's evidence on a judged standard's key questions */
static void
evidence(struct walk *w, size_t s)
{
	const struct form_std *st = &w->f->stds[s];
	char **items = xcalloc(st->nkqs + 1, sizeof *items);
	size_t n = 0;

	for (size_t i = 0; i < st->nkqs; i++) {
		size_t q = st->kqs[i];
		struct buf b = BUF_INIT;

		if (w->in->evidence[q] == NULL)
			continue;
		buf_printf(&b, "%s: ", w->f->kqs[q].id);
		text_clean(&b, w->in->evidence[q], 0);
		items[n++] = buf_take(&b);
	}
	if (n)
		w->em->list(w->ctx, "Evidence", (const char *const *)items, n);
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

static void
standard(struct walk *w, size_t s)
{
	const struct form *f = w->f;
	const struct form_std *st = &f->stds[s];
	const struct rate_std *rs = &w->r->std[s];
	struct buf a = BUF_INIT, b = BUF_INIT, dec_anchor = BUF_INIT, line = BUF_INIT;

	buf_printf(&a, "std-%s", st->id);
	w->em->section_begin(w->ctx, buf_str(&a), st->rating == RATING_CASES);
	buf_reset(&b);
	buf_printf(&b, "%s ", st->id);
	text_clean(&b, st->name, 0);
	w->em->heading(w->ctx, 3, buf_str(&a), buf_str(&b));
	buf_reset(&b);
	buf_printf(&b, "Rating: %s%s", rate_label(f, rs->rating), report_std_marks(w->f, w->r, s));
	if (st->rating == RATING_JUDGEMENT)
		buf_adds(&b, " (judgement-rated: the lead inspector's rating from all the evidence)");
	if (!st->counted)
		buf_adds(&b, " (not counted in the overall score)");
	w->em->para(w->ctx, DOC_RATING, buf_str(&b));
	if (st->statement)
		w->em->para(w->ctx, DOC_STATEMENT, cleaned(&b, st->statement));
	findings(w, "Strengths", w->in->strengths ? w->in->strengths[s] : NULL);
	findings(w, "Areas for improvement", w->in->improvements ? w->in->improvements[s] : NULL);
	if (st->rating == RATING_JUDGEMENT && w->in->evidence)
		evidence(w, s);
	if (st->rating == RATING_CASES) {
		buf_printf(&dec_anchor, "decision-%s", st->id);
		kq_table(w, s, buf_str(&dec_anchor));
		if (w->o->chart)
			kq_chart(w, s);
		report_decision_add(f, rs, &line);
		if (line.len) {
			/* the text begins with the † mark: the emitter sets it; a
			 * decision that is not applied (the evidence gives no rating
			 * now) is not called applied */
			buf_reset(&b);
			buf_adds(&b, rs->decision ? REPORT_APPLIED ". " : "Recorded, not applied. ");
			text_clean(&b, buf_str(&line) + strlen(REPORT_DECIDED " "), 0);
			w->em->footnote(w->ctx, buf_str(&dec_anchor), REPORT_DECIDED, buf_str(&b));
		}
		if (rs->reasons && rs->rating >= 0) {
			char why[512];

			rate_reasons_text(f, w->r, s, why, sizeof why);
			buf_reset(&b);
			buf_adds(&b, "Professional discretion candidate: ");
			text_clean(&b, why, 0);
			buf_adds(&b, ".");
			buf_reset(&a);
			buf_printf(&a, "candidate-%s", st->id);
			w->em->footnote(w->ctx, buf_str(&a), REPORT_CANDIDATE, buf_str(&b));
		}
		if (w->wi)
			whatif_list(w, s);
		/* the prompt tables after the notes: the notes stay by the key
		 * questions' table they explain, as a report has them */
		for (size_t i = 0; w->o->prompts && i < st->nkqs; i++)
			prompt_table(w, s, st->kqs[i]);
	}
	w->em->section_end(w->ctx);
	buf_free(&a);
	buf_free(&b);
	buf_free(&dec_anchor);
	buf_free(&line);
}

void
doc_write(const struct doc_emit *em, void *ctx, const struct inspection *in,
    const struct rate *r, const struct doc_opts *o)
{
	struct whatif wi;
	struct walk w = { em, ctx, in, &in->form, r, o, o->whatif ? &wi : NULL };
	struct buf t = BUF_INIT;

	if (w.wi)
		whatif_compute(w.wi, in, r);
	em->begin(ctx, cleaned(&t, in->service && in->service[0] ? in->service : "Inspection"));
	title_block(&w);
	ratings_table(&w);
	for (size_t d = 0; d < w.f->ndomains; d++) {
		struct buf a = BUF_INIT, h = BUF_INIT;

		buf_printf(&a, "domain-%s", w.f->domains[d].id);
		text_clean(&h, w.f->domains[d].id, 0);
		buf_adds(&h, ". ");
		text_clean(&h, w.f->domains[d].name, 0);
		em->heading(ctx, 2, buf_str(&a), buf_str(&h));
		for (size_t s = 0; s < w.f->nstds; s++)
			if (w.f->stds[s].domain == d)
				standard(&w, s);
		buf_free(&a);
		buf_free(&h);
	}
	em->end(ctx);
	if (w.wi)
		whatif_free(w.wi);
	buf_free(&t);
}
