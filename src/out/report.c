/* report.c - write the ratings summary as text or tsv, and as markdown
 * through doc.c (see report.h).
 *
 * Marks, the same in every format and wherever a rating appears:
 *   ◆  professional discretion candidate (reasons given under the table)
 *   †  a panel decision applied; the key question it was applied to reads
 *      "*Professional discretion applied", as in the published tables
 *   ¹  not counted in the overall score
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "out/doc.h"
#include "out/report.h"
#include "out/report_marks.h"
#include "base/text.h"
#include "model/whatif.h"
#include "base/xalloc.h"


int
report_format_parse(const char *name, enum report_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = REPORT_TEXT;
	else if (strcmp(name, "tsv") == 0)
		*out = REPORT_TSV;
	else if (strcmp(name, "md") == 0)
		*out = REPORT_MD;
	else
		return -1;
	return 0;
}

/* ---- shared helpers ---- */

/* A cleaned copy of S ("" for NULL), valid until the 8th call after. */
static const char *
clean(const char *s)
{
	static struct buf ring[8];
	static int next;
	struct buf *b = &ring[next++ % 8];

	buf_reset(b);
	text_clean(b, s ? s : "", 0);
	return buf_str(b);
}

static const char *
sample_label(const struct form *f, size_t q)
{
	const struct form_kq *kq = &f->kqs[q];

	return kq->sample ? kq->sample : f->stds[kq->std].sample;
}

static const char *
band_label(const struct form *f, int band)
{
	return band >= 0 ? f->bands[band].label : REPORT_DASH;
}

static int
decided_kq(const struct rate_std *rs, const struct form *f, size_t q)
{
	return rs->decision && rs->decision->kq && strcmp(rs->decision->kq, f->kqs[q].id) == 0;
}

static void
overall_add(struct buf *out, const struct form *f, const struct rate *r)
{
	if (r->overall >= 0)
		buf_adds(out, f->overall[r->overall].rating);
	else
		buf_printf(out, "not yet: %d of %d standards rated", r->rated, r->counted);
}

/* ---------------------------------------------------------------- text */

static void
text_wrapped(FILE *out, const char *first_indent, const char *indent, const char *s,
    size_t width)
{
	char **lines = text_wrap(clean(s), width);

	for (size_t i = 0; lines[i]; i++)
		fprintf(out, "%s%s\n", i ? indent : first_indent, lines[i]);
	text_lines_free(lines);
}

/* S (clean UTF-8) padded on the right to COLS columns. */
static void
pad(FILE *out, const char *s, size_t cols)
{
	size_t w = text_width(s);

	fputs(s, out);
	while (w++ < cols)
		fputc(' ', out);
}

/* S right-aligned in COLS columns. */
static void
rpad(FILE *out, const char *s, size_t cols)
{
	size_t w = text_width(s);

	while (w++ < cols)
		fputc(' ', out);
	fputs(s, out);
}

/* "    2.1 Assessment ........ Outstanding ◆" within WIDTH columns. */
static void
text_std_line(FILE *out, const struct form *f, const struct rate *r, size_t s, int width)
{
	const struct form_std *st = &f->stds[s];
	struct buf left = BUF_INIT, right = BUF_INIT;
	size_t rw, lw;

	buf_printf(&right, "%s%s", rate_label(f, r->std[s].rating), report_std_marks(f, r, s));
	rw = 24;	/* "Requires improvement † ¹": the ratings line up */
	if (text_width(buf_str(&right)) > rw)
		rw = text_width(buf_str(&right));
	lw = (size_t)width - 4 - rw - 2;
	buf_printf(&left, "%s %s", st->id, clean(st->name));
	if (text_width(buf_str(&left)) > lw)	/* (cut to its column, as a report sets it) */
		buf_cut(&left, text_fit(buf_str(&left), lw));
	fputs("    ", out);
	pad(out, buf_str(&left), lw + 2);
	fprintf(out, "%s\n", buf_str(&right));
	buf_free(&left);
	buf_free(&right);
}

/* A table row: id, text wrapped, then relevant, 'Yes', %, band. */
#define TCOL_ID 8
#define TCOL_NUMS (9 + 6 + 6 + 2)	/* " Relevant" " 'Yes'" "     %" "  " */
#define TCOL_BAND 19

/* The row's figures, after its text: relevant, 'Yes', %, band. */
static void
figures(FILE *out, const char *rel, const char *yes, const char *pct, const char *band)
{
	fputc(' ', out);
	rpad(out, rel, 8);
	fputc(' ', out);
	rpad(out, yes, 5);
	fputc(' ', out);
	rpad(out, pct, 5);
	fprintf(out, "  %s\n", band);
}

static void
text_row(FILE *out, const char *id, const char *label, const char *rel, const char *yes,
    const char *pct, const char *band, int width)
{
	size_t tw = (size_t)width - TCOL_ID - TCOL_NUMS - TCOL_BAND;
	char **lines;
	char idcol[32];

	snprintf(idcol, sizeof idcol, "  %-*s", TCOL_ID - 2, id);
	if (tw < 24) {
		/* too narrow for the text beside the figures (words would be cut):
		 * the text on lines of its own, the figures under it */
		lines = text_wrap(label, (size_t)width - TCOL_ID);
		for (size_t i = 0; lines[i]; i++)
			fprintf(out, "%s%s\n", i ? "        " : idcol, lines[i]);
		text_lines_free(lines);
		fprintf(out, "%*s", (int)(TCOL_ID + tw), "");
		figures(out, rel, yes, pct, band);
		return;
	}
	lines = text_wrap(label, tw);
	for (size_t i = 0; lines[i]; i++) {
		fputs(i ? "        " : idcol, out);
		if (i == 0) {
			pad(out, lines[i], tw);
			figures(out, rel, yes, pct, band);
		} else
			fprintf(out, "%s\n", lines[i]);
	}
	text_lines_free(lines);
}

static void
text_kq_table(FILE *out, const struct inspection *in, const struct rate *r, size_t s,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	const struct form_std *st = &f->stds[s];
	const struct rate_std *rs = &r->std[s];
	struct buf head = BUF_INIT, text = BUF_INIT;

	buf_printf(&head, "Of the %d %s", rs->sample, clean(st->sample));
	text_row(out, "", buf_str(&head), "Relevant", "'Yes'", "%", "Band", o->width);
	buf_free(&head);
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t q = st->kqs[i];
		const struct rate_tally *t = &r->kq[q];
		char rel[16], yes[16], pct[16];	/* (a number or a mark) */

		snprintf(rel, sizeof rel, "%d", t->relevant);
		snprintf(yes, sizeof yes, "%d", t->yes);
		report_pct(pct, sizeof pct, t->percent);
		buf_reset(&text);
		buf_printf(&text, "%s%s%s%s", clean(f->kqs[q].text),
		    form_kq_sub_sample(f, q) ? " (" : "", form_kq_sub_sample(f, q) ? clean(sample_label(f, q)) : "",
		    form_kq_sub_sample(f, q) ? ")" : "");
		text_row(out, f->kqs[q].id, buf_str(&text), rel, yes, pct, band_label(f, t->band),
		    o->width);
		if (decided_kq(rs, f, q))
			fputs("        " REPORT_APPLIED "\n", out);
		for (size_t j = 0; o->prompts && j < f->kqs[q].nprompts; j++) {
			size_t p = f->kqs[q].prompts[j];
			const struct rate_tally *pt = &r->prompt[p];

			snprintf(rel, sizeof rel, "%d", pt->relevant);
			snprintf(yes, sizeof yes, "%d", pt->yes);
			report_pct(pct, sizeof pct, pt->percent);
			buf_reset(&text);
			buf_printf(&text, "\xc2\xb7 %s", clean(f->prompts[p].text));
			text_row(out, "", buf_str(&text), rel, yes, pct, "", o->width);
		}
	}
	buf_free(&text);
}

static void
text_std_notes(FILE *out, const struct form *f, const struct rate *r, size_t s, int width)
{
	const struct rate_std *rs = &r->std[s];
	struct buf line = BUF_INIT;
	char why[512];

	report_decision_add(f, rs, &line);
	if (line.len)
		text_wrapped(out, "  ", "    ", buf_str(&line), (size_t)width - 4);
	if (rs->reasons && rs->rating >= 0) {
		rate_reasons_text(f, r, s, why, sizeof why);
		buf_reset(&line);
		buf_printf(&line, REPORT_CANDIDATE " Professional discretion candidate: %s.", why);
		text_wrapped(out, "  ", "    ", buf_str(&line), (size_t)width - 4);
	}
	buf_free(&line);
}

/* LINE wrapped under a heading of the "What would change it" block */
static void
text_whatif_line(FILE *out, const char *line, int width)
{
	text_wrapped(out, "    ", "      ", line, (size_t)width - 6);
}

/* Case-rated standard S's "What would change it" block. */
static void
text_whatif(FILE *out, const struct inspection *in, const struct rate *r,
    const struct whatif *w, size_t s, int width)
{
	const struct whatif_std *ws = &w->std[s];
	struct buf b = BUF_INIT;

	fprintf(out, "  What would change it%s:\n", r->std[s].decision ?
	    ", as the panel decided it" : "");
	for (int up = 1; up >= 0; up--) {
		buf_reset(&b);
		whatif_move_text(in, w, s, up, &b);
		text_whatif_line(out, buf_str(&b), width);
	}
	/* the reasons in figures; one case's is the up and down lines again */
	for (int i = 0; i < 2; i++) {
		const char *why = i == 0 ? ws->near : ws->small;

		if (why == NULL)
			continue;
		buf_reset(&b);
		buf_printf(&b, REPORT_CANDIDATE " %s.", why);
		text_whatif_line(out, buf_str(&b), width);
	}
	buf_free(&b);
}

static void
text_whatif_overall(FILE *out, const struct inspection *in, const struct whatif *w, int width)
{
	struct buf b = BUF_INIT;

	fputs("\n  What would change the overall rating:\n", out);
	for (int up = 1; up >= 0; up--) {
		buf_reset(&b);
		whatif_overall_text(in, w, up, &b);
		text_whatif_line(out, buf_str(&b), width);
	}
	buf_free(&b);
}

static int
write_text(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	struct buf mix = BUF_INIT;
	int width = o->width;
	struct buf line = BUF_INIT;
	int uncounted = 0;
	struct whatif w;

	report_case_mix(in, &mix);
	fprintf(out, "%s\n", in->service ? clean(in->service) : "(no service name)");
	text_wrapped(out, "Framework: ", "           ", f->title ? f->title : f->id,
	    (size_t)width - 11);
	if (in->fieldwork_start || in->fieldwork_end)
		fprintf(out, "Fieldwork: %s%s%s\n", clean(in->fieldwork_start),
		    in->fieldwork_end ? " to " : "", clean(in->fieldwork_end));
	if (in->lead)
		fprintf(out, "Lead inspector: %s\n", clean(in->lead));
	fprintf(out, "Cases: %s\n", buf_str(&mix));
	buf_free(&mix);
	buf_adds(&line, "Incomplete: ");
	report_completeness_add(r, &line);
	if (line.len > strlen("Incomplete: ")) {
		buf_adds(&line, ".");
		text_wrapped(out, "", "  ", buf_str(&line), (size_t)width);
	}
	buf_reset(&line);
	buf_adds(&line, "Conflicts: ");
	report_conflicts_add(in, &line);
	if (line.len > strlen("Conflicts: ")) {
		buf_adds(&line, ".");
		text_wrapped(out, "", "  ", buf_str(&line), (size_t)width);
	}

	buf_reset(&line);
	overall_add(&line, f, r);
	fprintf(out, "\nRatings\n  Score %d/%d\n  Overall rating: %s\n", r->score, r->max,
	    buf_str(&line));
	buf_free(&line);
	for (size_t d = 0; d < f->ndomains; d++) {
		fprintf(out, "\n  %s. %s\n", clean(f->domains[d].id), clean(f->domains[d].name));
		for (size_t s = 0; s < f->nstds; s++)
			if (f->stds[s].domain == d) {
				text_std_line(out, f, r, s, width);
				uncounted |= !f->stds[s].counted;
			}
	}
	fprintf(out, "\n  " REPORT_CANDIDATE " professional discretion candidate\n  " REPORT_DECIDED
	    " panel decision applied\n");
	if (uncounted)
		fprintf(out, "  " REPORT_UNCOUNTED " not counted in the overall score\n");
	whatif_compute(&w, in, r);
	text_whatif_overall(out, in, &w, width);

	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];

		if (st->rating != RATING_CASES)
			continue;
		fprintf(out, "\n%s %s: %s%s\n", st->id, clean(st->name),
		    rate_label(f, r->std[s].rating), report_std_marks(f, r, s));
		if (st->statement)
			text_wrapped(out, "  ", "  ", st->statement, (size_t)width - 2);
		fputc('\n', out);
		text_kq_table(out, in, r, s, o);
		text_std_notes(out, f, r, s, width);
		text_whatif(out, in, r, &w, s, width);
	}
	whatif_free(&w);
	return ferror(out) ? -1 : 0;
}

/* ---------------------------------------------------------------- tsv */

static const char *
reasons_word(unsigned reasons)
{
	static char buf[64];

	buf[0] = '\0';
	if (reasons & REASON_NEAR_BOUNDARY)
		strcat(buf, "near-boundary,");
	if (reasons & REASON_ONE_CASE)
		strcat(buf, "one-case,");
	if (reasons & REASON_SMALL_SAMPLE)
		strcat(buf, "small-sample,");
	if (buf[0] == '\0')
		return "-";
	buf[strlen(buf) - 1] = '\0';
	return buf;
}

static void
tsv_tally(FILE *out, const char *kind, const char *id, const struct rate_tally *t,
    const struct form *f, const char *text)
{
	char pct[16] = "-";

	if (t->percent >= 0)
		snprintf(pct, sizeof pct, "%d", t->percent);
	fprintf(out, "%s\t%s\t%d\t%d\t%s\t%s\t-\t-\t-\t-\t-\t%s\n", kind, id, t->relevant,
	    t->yes, pct, t->band >= 0 ? f->bands[t->band].label : "-", clean(text));
}

_Static_assert(2 * FORM_ID_MAX + sizeof ">,stale-not-applied" <= 128, "a decision's ids fit dec");

static int
write_tsv(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	int top = f->bands[f->nbands - 1].score;
	struct buf line = BUF_INIT;

	fputs("kind\tid\trelevant\tyes\tpercent\tband\tscore\tmax\trating\tdiscretion\tdecision\ttext\n", out);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		const struct rate_std *rs = &r->std[s];
		const struct insp_decision *d = rs->decision ? rs->decision : rs->stale;
		/* numbers, and two band ids (FORM_ID_MAX each, asserted below) */
		char rel[16] = "-", pct[16] = "-", score[16] = "-", max[16] = "-", dec[128] = "-";
		const char *band = "-";

		for (size_t i = 0; i < st->nkqs && st->rating == RATING_CASES; i++) {
			size_t q = st->kqs[i];

			tsv_tally(out, "kq", f->kqs[q].id, &r->kq[q], f, f->kqs[q].text);
			for (size_t j = 0; o->prompts && j < f->kqs[q].nprompts; j++) {
				size_t p = f->kqs[q].prompts[j];

				tsv_tally(out, "prompt", f->prompts[p].id, &r->prompt[p], f,
				    f->prompts[p].text);
			}
		}
		if (st->rating == RATING_CASES) {
			snprintf(rel, sizeof rel, "%d", rs->sample);
			if (rs->lowest_kq >= 0) {
				snprintf(pct, sizeof pct, "%d", r->kq[rs->lowest_kq].percent);
				band = f->bands[r->kq[rs->lowest_kq].band].label;
			}
		}
		if (rs->score >= 0)
			snprintf(score, sizeof score, "%d", rs->score);
		if (st->counted)
			snprintf(max, sizeof max, "%d", top);
		if (d)
			snprintf(dec, sizeof dec, "%s>%s%s", f->bands[d->from].id, f->bands[d->to].id,
			    rs->stale ? (rs->decision ? ",stale" : ",stale-not-applied") : "");
		fprintf(out, "standard\t%s\t%s\t-\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", st->id,
		    rel, pct, band, score, max, rate_label(f, rs->rating),
		    rs->rating >= 0 ? reasons_word(rs->reasons) : "-", dec, clean(st->name));
	}
	fprintf(out, "overall\t-\t-\t-\t-\t-\t%d\t%d\t%s\t-\t-\t%s\n", r->score, r->max,
	    r->overall >= 0 ? f->overall[r->overall].rating : "Not rated", clean(in->service));
	/* tsv rows are for scripts: the completeness note goes to stderr */
	report_completeness_add(r, &line);
	if (line.len)
		fprintf(stderr, "yjinspect: incomplete: %s\n", buf_str(&line));
	buf_reset(&line);
	report_conflicts_add(in, &line);
	if (line.len)
		fprintf(stderr, "yjinspect: conflicts: %s\n", buf_str(&line));
	buf_free(&line);
	return ferror(out) ? -1 : 0;
}

int
report_write(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	struct report_opts opts = *o;

	if (opts.width < 60)
		opts.width = 60;
	switch (opts.format) {
	case REPORT_TSV:
		return write_tsv(out, in, r, &opts);
	case REPORT_MD: {
		struct doc_opts d = { opts.prompts, 1, NULL, 0, 1 };
		struct doc_out dout = { out, 0, 0, 0 };

		doc_write(&doc_md, &dout, in, r, &d);
		return ferror(out) ? -1 : 0;
	}
	case REPORT_TEXT:
		break;
	}
	return write_text(out, in, r, &opts);
}
