/* report.c - write the ratings summary as text, tsv or markdown (see report.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "text.h"
#include "xalloc.h"

#define DASH "\xe2\x80\x93"	/* en dash: no percentage */

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

/* A cleaned copy of S ("" for NULL) in a rotating set of buffers, so that a
 * few can be used in one printf. */
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
	return band >= 0 ? f->bands[band].label : DASH;
}

static void
pct_str(char *buf, size_t size, int pct, const char *none)
{
	if (pct < 0)
		snprintf(buf, size, "%s", none);
	else
		snprintf(buf, size, "%d%%", pct);
}

/* Cases per value of the case_type fact, e.g. "6 court, 4 oocd"; the
 * choice labels are long, so ids are used. */
static void
case_mix(const struct inspection *in, struct buf *out)
{
	const struct form *f = &in->form;
	int fi = form_fact_index(f, "case_type");

	buf_printf(out, "%zu case%s", in->ncases, in->ncases == 1 ? "" : "s");
	if (fi < 0 || in->ncases == 0)
		return;
	buf_adds(out, " (");
	for (size_t v = 0, first = 1; v < f->facts[fi].nchoices; v++) {
		int n = 0;

		for (size_t i = 0; i < in->ncases; i++)
			n += in->cases[i].facts[fi] == (int)v;
		if (n == 0)
			continue;
		buf_printf(out, "%s%d %s", first ? "" : ", ", n, f->facts[fi].choices[v]);
		first = 0;
	}
	buf_adds(out, ")");
}

static const char *
overall_label(const struct form *f, const struct rate *r)
{
	return r->overall >= 0 ? f->overall[r->overall].rating : "Not rated";
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

/* Pad S (clean UTF-8) to COLS columns. */
static void
pad(FILE *out, const char *s, size_t cols)
{
	size_t w = text_width(s);

	fputs(s, out);
	while (w++ < cols)
		fputc(' ', out);
}

static void
text_std_line(FILE *out, const struct form *f, const struct rate *r, size_t s, int width)
{
	const struct form_std *st = &f->stds[s];
	const struct rate_std *rs = &r->std[s];
	char name[256];
	size_t namew = (size_t)width - 26;
	const char *mark = rs->decision ? " \xe2\x80\xa0" :
	    (rs->reasons && rs->rating >= 0) ? " *" : "";

	snprintf(name, sizeof name, "%s %s", st->id, clean(st->name));
	fputs("    ", out);
	pad(out, name, namew);
	fprintf(out, "%s%s%s\n", rate_label(f, rs->rating), mark,
	    st->counted ? "" : " (not counted)");
}

/* Text columns: "  ID    " text, then relevant, yes, %, band. */
#define TCOL_ID 8

static void
text_row(FILE *out, const char *id, const char *label, const char *rel, const char *yes,
    const char *pct, const char *band, int width)
{
	size_t tw = (size_t)width - TCOL_ID - 9 - 6 - 6 - 2 - 19;
	char **lines = text_wrap(label, tw);
	char idcol[32];

	snprintf(idcol, sizeof idcol, "  %-*s", TCOL_ID - 2, id);
	for (size_t i = 0; lines[i]; i++) {
		fputs(i ? "        " : idcol, out);
		if (i == 0) {
			pad(out, lines[i], tw);
			fprintf(out, " %8s %5s %5s  %s\n", rel, yes, pct, band);
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
	char head[256];

	snprintf(head, sizeof head, "Of the %d %s", rs->sample, clean(st->sample));
	text_row(out, "", head, "Relevant", "'Yes'", "%", "Band", o->width);
	for (size_t i = 0; i < st->nkqs; i++) {
		size_t q = st->kqs[i];
		const struct rate_tally *t = &r->kq[q];
		char rel[16], yes[16], pct[16], text[2048];
		const char *sub = sample_label(f, q);
		int marked = rs->decision && rs->decision->kq &&
		    strcmp(rs->decision->kq, f->kqs[q].id) == 0;

		snprintf(rel, sizeof rel, "%d", t->relevant);
		snprintf(yes, sizeof yes, "%d", t->yes);
		pct_str(pct, sizeof pct, t->percent, DASH);
		snprintf(text, sizeof text, "%s%s%s%s", clean(f->kqs[q].text),
		    strcmp(sub, st->sample) ? " (" : "", strcmp(sub, st->sample) ? clean(sub) : "",
		    strcmp(sub, st->sample) ? ")" : "");
		text_row(out, f->kqs[q].id, text, rel, yes, pct, band_label(f, t->band), o->width);
		if (marked)
			fputs("        *Professional discretion applied\n", out);
		if (o->prompts) {
			for (size_t j = 0; j < f->kqs[q].nprompts; j++) {
				size_t p = f->kqs[q].prompts[j];
				const struct rate_tally *pt = &r->prompt[p];

				snprintf(rel, sizeof rel, "%d", pt->relevant);
				snprintf(yes, sizeof yes, "%d", pt->yes);
				pct_str(pct, sizeof pct, pt->percent, DASH);
				snprintf(text, sizeof text, "\xc2\xb7 %s", clean(f->prompts[p].text));
				text_row(out, "", text, rel, yes, pct, "", o->width);
			}
		}
	}
}

static void
text_std_notes(FILE *out, const struct form *f, const struct rate *r, size_t s, int width)
{
	const struct rate_std *rs = &r->std[s];
	char why[512];

	if (rs->decision) {
		const struct insp_decision *d = rs->decision;
		char line[2048];

		snprintf(line, sizeof line, "\xe2\x80\xa0 Panel decision: %s \xe2\x86\x92 %s%s%s. %s%s%s",
		    f->bands[d->from].rating, f->bands[d->to].rating,
		    d->by ? " by " : "", d->by ? clean(d->by) : "", clean(d->why),
		    rs->stale_decision ? " (NOTE: the evidence now gives " : "",
		    rs->stale_decision ? rate_label(f, rs->computed) : "");
		if (rs->stale_decision)
			strncat(line, ", not the decision's 'from')", sizeof line - strlen(line) - 1);
		text_wrapped(out, "  ", "    ", line, (size_t)width - 4);
	}
	if (rs->reasons && rs->rating >= 0) {
		char line[700];

		rate_reasons_text(f, r, s, why, sizeof why);
		snprintf(line, sizeof line, "* Professional discretion candidate: %s.", why);
		text_wrapped(out, "  ", "    ", line, (size_t)width - 4);
	}
}

static int
write_text(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	struct buf mix = BUF_INIT;
	int width = o->width;

	case_mix(in, &mix);
	fprintf(out, "%s\n", in->service ? clean(in->service) : "(no service name)");
	text_wrapped(out, "Framework: ", "           ",
	    f->title ? f->title : f->id, (size_t)width - 11);
	if (in->fieldwork_start || in->lead)
		fprintf(out, "Fieldwork: %s%s%s%s%s\n", clean(in->fieldwork_start),
		    in->fieldwork_end ? " to " : "", clean(in->fieldwork_end),
		    in->lead ? "; lead inspector: " : "", clean(in->lead));
	fprintf(out, "Cases: %s\n\n", buf_str(&mix));
	buf_free(&mix);

	fprintf(out, "Ratings\n");
	fprintf(out, "  Score %d/%d", r->score, r->max);
	if (r->rated < r->counted)
		fprintf(out, " (%d of %d standards rated so far)", r->rated, r->counted);
	fprintf(out, "\n  Overall rating: %s\n", overall_label(f, r));
	for (size_t d = 0; d < f->ndomains; d++) {
		fprintf(out, "\n  %s. %s\n", clean(f->domains[d].id), clean(f->domains[d].name));
		for (size_t s = 0; s < f->nstds; s++)
			if (f->stds[s].domain == d)
				text_std_line(out, f, r, s, width);
	}
	fprintf(out, "\n  * professional discretion candidate   \xe2\x80\xa0 panel decision applied\n");

	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];

		if (st->rating != RATING_CASES)
			continue;
		fprintf(out, "\n%s %s: %s\n", st->id, clean(st->name), rate_label(f, r->std[s].rating));
		if (st->statement)
			text_wrapped(out, "  ", "  ", st->statement, (size_t)width - 2);
		fputc('\n', out);
		text_kq_table(out, in, r, s, o);
		text_std_notes(out, f, r, s, width);
	}
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
	char pct[16];

	pct_str(pct, sizeof pct, t->percent, "-");
	if (t->percent >= 0)
		pct[strlen(pct) - 1] = '\0';	/* no % sign */
	fprintf(out, "%s\t%s\t%d\t%d\t%s\t%s\t-\t-\t-\t-\t-\t%s\n", kind, id, t->relevant,
	    t->yes, pct, t->band >= 0 ? f->bands[t->band].label : "-", clean(text));
}

static int
write_tsv(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	int top = f->bands[f->nbands - 1].score;

	fputs("kind\tid\trelevant\tyes\tpercent\tband\tscore\tmax\trating\tdiscretion\tdecision\ttext\n", out);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		const struct rate_std *rs = &r->std[s];

		for (size_t i = 0; i < st->nkqs && st->rating == RATING_CASES; i++) {
			size_t q = st->kqs[i];

			tsv_tally(out, "kq", f->kqs[q].id, &r->kq[q], f, f->kqs[q].text);
			for (size_t j = 0; o->prompts && j < f->kqs[q].nprompts; j++) {
				size_t p = f->kqs[q].prompts[j];

				tsv_tally(out, "prompt", f->prompts[p].id, &r->prompt[p], f,
				    f->prompts[p].text);
			}
		}
		{
			char rel[16] = "-", pct[16] = "-", score[16] = "-", max[16] = "-", dec[128] = "-";
			const char *band = "-";

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
			if (rs->decision)
				snprintf(dec, sizeof dec, "%s>%s", f->bands[rs->decision->from].id,
				    f->bands[rs->decision->to].id);
			fprintf(out, "standard\t%s\t%s\t-\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", st->id,
			    rel, pct, band, score, max, rate_label(f, rs->rating),
			    rs->rating >= 0 ? reasons_word(rs->reasons) : "-", dec, clean(st->name));
		}
	}
	fprintf(out, "overall\t-\t-\t-\t-\t-\t%d\t%d\t%s\t-\t-\t%s\n", r->score, r->max,
	    overall_label(f, r), clean(in->service));
	return ferror(out) ? -1 : 0;
}

/* ---------------------------------------------------------------- markdown */

/* S, cleaned, with markdown table and emphasis characters escaped. */
static const char *
md(const char *s)
{
	static struct buf ring[4];
	static int next;
	struct buf *b = &ring[next++ % 4];
	const char *c = clean(s);

	buf_reset(b);
	for (; *c; c++) {
		if (strchr("|\\*_`<>[]#", *c))
			buf_addc(b, '\\');
		buf_addc(b, *c);
	}
	return buf_str(b);
}

static int
write_md(FILE *out, const struct inspection *in, const struct rate *r,
    const struct report_opts *o)
{
	const struct form *f = &in->form;
	struct buf mix = BUF_INIT;
	char why[512];

	case_mix(in, &mix);
	fprintf(out, "# %s\n\n", in->service ? md(in->service) : "Inspection");
	fprintf(out, "Framework: %s  \n", md(f->title ? f->title : f->id));
	if (in->fieldwork_start)
		fprintf(out, "Fieldwork: %s%s%s  \n", md(in->fieldwork_start),
		    in->fieldwork_end ? " to " : "", md(in->fieldwork_end));
	fprintf(out, "Cases: %s\n\n", buf_str(&mix));
	buf_free(&mix);

	fprintf(out, "## Ratings\n\n**Score %d/%d**", r->score, r->max);
	if (r->rated < r->counted)
		fprintf(out, " (%d of %d standards rated so far)", r->rated, r->counted);
	fprintf(out, "  \n**Overall rating: %s**\n\n| Standard | Rating |\n|---|---|\n",
	    overall_label(f, r));
	for (size_t d = 0; d < f->ndomains; d++) {
		fprintf(out, "| **%s. %s** | |\n", md(f->domains[d].id), md(f->domains[d].name));
		for (size_t s = 0; s < f->nstds; s++) {
			const struct rate_std *rs = &r->std[s];

			if (f->stds[s].domain != d)
				continue;
			fprintf(out, "| %s %s | %s%s%s |\n", f->stds[s].id, md(f->stds[s].name),
			    rate_label(f, rs->rating),
			    rs->decision ? " \xe2\x80\xa0" : (rs->reasons && rs->rating >= 0) ? " \\*" : "",
			    f->stds[s].counted ? "" : " (not counted)");
		}
	}
	fputs("\n\\* professional discretion candidate; \xe2\x80\xa0 panel decision applied\n", out);

	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		const struct rate_std *rs = &r->std[s];

		if (st->rating != RATING_CASES)
			continue;
		fprintf(out, "\n## %s %s: %s\n\n", st->id, md(st->name), rate_label(f, rs->rating));
		if (st->statement)
			fprintf(out, "> %s\n\n", md(st->statement));
		fprintf(out, "| Of the %d %s | Relevant cases | Number 'Yes' | %% 'Yes' | Band |\n"
		    "|---|---:|---:|---:|---|\n", rs->sample, md(st->sample));
		for (size_t i = 0; i < st->nkqs; i++) {
			size_t q = st->kqs[i];
			const struct rate_tally *t = &r->kq[q];
			const char *sub = sample_label(f, q);
			char pct[16];
			int marked = rs->decision && rs->decision->kq &&
			    strcmp(rs->decision->kq, f->kqs[q].id) == 0;

			pct_str(pct, sizeof pct, t->percent, DASH);
			fprintf(out, "| %s%s%s%s%s | %d | %d | %s | %s |\n", md(f->kqs[q].text),
			    strcmp(sub, st->sample) ? " (" : "",
			    strcmp(sub, st->sample) ? md(sub) : "",
			    strcmp(sub, st->sample) ? ")" : "",
			    marked ? " \\*Professional discretion applied" : "",
			    t->relevant, t->yes, pct, band_label(f, t->band));
			for (size_t j = 0; o->prompts && j < f->kqs[q].nprompts; j++) {
				size_t p = f->kqs[q].prompts[j];
				const struct rate_tally *pt = &r->prompt[p];

				pct_str(pct, sizeof pct, pt->percent, DASH);
				fprintf(out, "| \xc2\xb7 %s | %d | %d | %s | |\n", md(f->prompts[p].text),
				    pt->relevant, pt->yes, pct);
			}
		}
		if (rs->decision)
			fprintf(out, "\n\xe2\x80\xa0 Panel decision: %s \xe2\x86\x92 %s. %s\n",
			    f->bands[rs->decision->from].rating, f->bands[rs->decision->to].rating,
			    md(rs->decision->why));
		if (rs->reasons && rs->rating >= 0) {
			rate_reasons_text(f, r, s, why, sizeof why);
			fprintf(out, "\n\\* Professional discretion candidate: %s.\n", md(why));
		}
	}
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
	case REPORT_MD:
		return write_md(out, in, r, &opts);
	case REPORT_TEXT:
		break;
	}
	return write_text(out, in, r, &opts);
}
