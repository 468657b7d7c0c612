/* csv.c - answers.csv and ratings.csv (see csv.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "out/csv.h"
#include "base/text.h"

enum { PLAIN, FREE_TEXT };

/* One field of a row, cleaned, guarded when FREE_TEXT, quoted if needed. */
static void
field(FILE *out, struct buf *b, int first, const char *s, int kind)
{
	const char *v;

	buf_reset(b);
	if (kind == FREE_TEXT && s && strchr("=+-@", s[0]) && s[0] != '\0')
		buf_addc(b, '\'');
	text_clean(b, s ? s : "", 1);
	v = buf_str(b);
	if (!first)
		fputc(',', out);
	if (strpbrk(v, ",\"\r\n") == NULL) {
		fputs(v, out);
		return;
	}
	fputc('"', out);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', out);
		fputc(*v, out);
	}
	fputc('"', out);
}

static void
end_row(FILE *out)
{
	fputs("\r\n", out);
}

static void
header(FILE *out, struct buf *b, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		field(out, b, i == 0, names[i], PLAIN);
	end_row(out);
}

static const char *
choice_label(const struct form *f, const struct case_file *c, const char *fact)
{
	int fi = form_fact_index(f, fact);

	if (fi < 0 || c->facts[fi] < 0)
		return "";
	return f->facts[fi].choice_labels[c->facts[fi]];
}

static const char *
relevance_word(enum cond_value v)
{
	return v == COND_TRUE ? "yes" : v == COND_FALSE ? "no" : "unknown";
}

/* The "TIME NAME" stamp split: TIME into AT, NAME returned ("" if none). */
static const char *
stamp_split(const char *stamp, char *at, size_t size)
{
	const char *sp;
	size_t n;

	at[0] = '\0';
	if (stamp == NULL)
		return "";
	sp = strchr(stamp, ' ');
	n = sp ? (size_t)(sp - stamp) : strlen(stamp);
	if (n >= size)
		n = size - 1;
	memcpy(at, stamp, n);
	at[n] = '\0';
	return sp ? sp + 1 : "";
}

static void
answer_row(FILE *out, struct buf *b, const struct form *f, const struct case_file *c,
    const char *id, const char *text, enum cond_value rel, enum answer a,
    const struct stamp *st, const char *note)
{
	char at[64], *stamp = stamp_text(st);
	const char *by = stamp_split(stamp, at, sizeof at);

	field(out, b, 1, c->reference ? c->reference : c->name, FREE_TEXT);
	field(out, b, 0, choice_label(f, c, "case_type"), PLAIN);
	field(out, b, 0, choice_label(f, c, "disposal"), PLAIN);
	field(out, b, 0, c->inspector, FREE_TEXT);
	field(out, b, 0, id, PLAIN);
	field(out, b, 0, text, FREE_TEXT);
	field(out, b, 0, relevance_word(rel), PLAIN);
	field(out, b, 0, case_answer_word(a), PLAIN);
	field(out, b, 0, at, FREE_TEXT);	/* a stamp is text from the file */
	field(out, b, 0, by, FREE_TEXT);
	field(out, b, 0, note, FREE_TEXT);
	end_row(out);
	free(stamp);
}

void
csv_answers(FILE *out, const struct inspection *in)
{
	static const char *const names[] = { "reference", "case type", "disposal", "inspector",
	    "question id", "question text", "relevant", "answer", "answered at",
	    "answered by", "note", NULL };
	const struct form *f = &in->form;
	struct buf b = BUF_INIT;

	header(out, &b, names);
	for (size_t i = 0; i < in->ncases; i++) {
		const struct case_file *c = &in->cases[i];

		for (size_t s = 0; s < f->nstds; s++) {
			const struct form_std *st = &f->stds[s];

			if (st->rating != RATING_CASES || case_std_applies(c, f, s) == COND_FALSE)
				continue;
			for (size_t k = 0; k < st->nkqs; k++) {
				size_t q = st->kqs[k];
				const struct form_kq *kq = &f->kqs[q];

				answer_row(out, &b, f, c, kq->id, kq->text, case_kq_relevant(c, f, q),
				    (enum answer)c->kq_answer[q], case_stamp(c, f, 0, q), c->notes[q]);
				for (size_t j = 0; j < kq->nprompts; j++) {
					size_t p = kq->prompts[j];

					answer_row(out, &b, f, c, f->prompts[p].id, f->prompts[p].text,
					    case_prompt_relevant(c, f, p),
					    (enum answer)c->prompt_answer[p], case_stamp(c, f, 1, p),
					    NULL);
				}
			}
		}
	}
	buf_free(&b);
}

static void
num(FILE *out, struct buf *b, int v, int none)
{
	char s[16] = "";

	if (!none)
		snprintf(s, sizeof s, "%d", v);
	field(out, b, 0, s, PLAIN);
}

static const char *
reasons(unsigned r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", r & REASON_NEAR_BOUNDARY ? "near-boundary " : "",
	    r & REASON_ONE_CASE ? "one-case " : "", r & REASON_SMALL_SAMPLE ? "small-sample " : "");
	if (buf[0])
		buf[strlen(buf) - 1] = '\0';
	return buf;
}

void
csv_ratings(FILE *out, const struct inspection *in, const struct rate *r)
{
	static const char *const names[] = { "kind", "id", "text", "relevant", "yes",
	    "percent", "band", "rating", "score", "max", "discretion", "decision from",
	    "decision to", "why", NULL };
	const struct form *f = &in->form;
	int top = f->bands[f->nbands - 1].score;
	struct buf b = BUF_INIT;
	char why[64];

	header(out, &b, names);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];
		const struct rate_std *rs = &r->std[s];
		const struct insp_decision *d = rs->decision;

		for (size_t k = 0; st->rating == RATING_CASES && k < st->nkqs; k++) {
			size_t q = st->kqs[k];
			const struct rate_tally *t = &r->kq[q];

			field(out, &b, 1, "key question", PLAIN);
			field(out, &b, 0, f->kqs[q].id, PLAIN);
			field(out, &b, 0, f->kqs[q].text, FREE_TEXT);
			num(out, &b, t->relevant, 0);
			num(out, &b, t->yes, 0);
			num(out, &b, t->percent, t->percent < 0);
			field(out, &b, 0, t->band >= 0 ? f->bands[t->band].label : "", PLAIN);
			field(out, &b, 0, t->band >= 0 ? f->bands[t->band].rating : "", PLAIN);
			for (int i = 0; i < 6; i++)
				field(out, &b, 0, "", PLAIN);
			end_row(out);
		}
		field(out, &b, 1, "standard", PLAIN);
		field(out, &b, 0, st->id, PLAIN);
		field(out, &b, 0, st->name, FREE_TEXT);
		num(out, &b, rs->sample, st->rating != RATING_CASES);
		field(out, &b, 0, "", PLAIN);
		if (st->rating == RATING_CASES && rs->lowest_kq >= 0) {
			num(out, &b, r->kq[rs->lowest_kq].percent, 0);
			field(out, &b, 0, f->bands[r->kq[rs->lowest_kq].band].label, PLAIN);
		} else {
			field(out, &b, 0, "", PLAIN);
			field(out, &b, 0, "", PLAIN);
		}
		field(out, &b, 0, rate_label(f, rs->rating), PLAIN);
		num(out, &b, rs->score, rs->score < 0);
		num(out, &b, top, !st->counted);
		field(out, &b, 0, rs->rating >= 0 ? reasons(rs->reasons, why, sizeof why) : "", PLAIN);
		field(out, &b, 0, d ? f->bands[d->from].rating : "", PLAIN);
		field(out, &b, 0, d ? f->bands[d->to].rating : "", PLAIN);
		field(out, &b, 0, d ? d->why : "", FREE_TEXT);
		end_row(out);
	}
	field(out, &b, 1, "overall", PLAIN);
	field(out, &b, 0, "", PLAIN);
	field(out, &b, 0, in->service, FREE_TEXT);
	for (int i = 0; i < 4; i++)
		field(out, &b, 0, "", PLAIN);
	field(out, &b, 0, r->overall >= 0 ? f->overall[r->overall].rating : "Not rated", PLAIN);
	num(out, &b, r->score, 0);
	num(out, &b, r->max, 0);
	for (int i = 0; i < 4; i++)
		field(out, &b, 0, "", PLAIN);
	end_row(out);
	buf_free(&b);
}
