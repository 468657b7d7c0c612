/* report_marks.c - the marks and sentences every rendering of the ratings
 * shares (see report_marks.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "out/report_marks.h"

void
report_pct(char *buf, size_t size, int pct)
{
	if (pct < 0)
		text_copy(buf, size, REPORT_DASH);
	else
		snprintf(buf, size, "%d%%", pct);
}

const char *
report_std_marks(const struct form *f, const struct rate *r, size_t s)
{
	static char buf[32];
	const struct rate_std *rs = &r->std[s];

	snprintf(buf, sizeof buf, "%s%s", rs->decision ? " " REPORT_DECIDED :
	    (rs->reasons && rs->rating >= 0) ? " " REPORT_CANDIDATE : "",
	    f->stds[s].counted ? "" : " " REPORT_UNCOUNTED);
	return buf;
}

void
report_case_mix(const struct inspection *in, struct buf *out)
{
	const struct form *f = &in->form;
	int fi = form_fact_index(f, "case_type");
	int first = 1, known = 0;

	buf_printf(out, "%zu", in->ncases);
	if (fi < 0 || in->ncases == 0)
		return;
	buf_adds(out, " (");
	for (size_t v = 0; v < f->facts[fi].nchoices; v++) {
		int n = 0;

		for (size_t i = 0; i < in->ncases; i++)
			n += in->cases[i].facts[fi] == (int)v;
		if (n == 0)
			continue;
		buf_printf(out, "%s%d %s", first ? "" : ", ", n, f->facts[fi].choices[v]);
		first = 0;
		known += n;
	}
	if ((size_t)known < in->ncases)
		buf_printf(out, "%s%zu without a case type", first ? "" : ", ",
		    in->ncases - (size_t)known);
	buf_adds(out, ")");
}

void
report_conflicts_add(const struct inspection *in, struct buf *out)
{
	size_t keys = 0, cases = 0;

	for (size_t i = 0; i < in->ncases; i++) {
		keys += in->cases[i].conflicts.n;
		cases += in->cases[i].conflicts.n > 0;
	}
	if (keys + in->conflicts.n == 0)
		return;
	if (keys)
		buf_printf(out, "%zu key%s in %zu case%s%s", keys, keys == 1 ? "" : "s", cases,
		    cases == 1 ? "" : "s", in->conflicts.n ? " and " : "");
	if (in->conflicts.n)
		buf_printf(out, "%zu in inspection.ini", in->conflicts.n);
	buf_adds(out, " changed differently in two merged "
	    "copies: counted neither way until given again (see yjinspect check)");
}

void
report_completeness_add(const struct rate *r, struct buf *out)
{
	size_t start = out->len;

	if (r->unanswered)
		buf_printf(out, "%d relevant question%s not answered in %d case%s",
		    r->unanswered, r->unanswered == 1 ? "" : "s", r->cases_unanswered,
		    r->cases_unanswered == 1 ? "" : "s");
	if (r->cases_undetermined)
		buf_printf(out, "%s%d case%s whose facts do not yet say which questions apply",
		    out->len > start ? "; " : "", r->cases_undetermined,
		    r->cases_undetermined == 1 ? "" : "s");
	if (out->len > start)
		buf_adds(out, ": the figures count only what is answered (see yjinspect check)");
}

void
report_decision_add(const struct form *f, const struct rate_std *rs, struct buf *out)
{
	const struct insp_decision *d = rs->decision ? rs->decision : rs->stale;

	if (d == NULL)
		return;
	buf_printf(out, "%s Panel decision%s%s: %s \xe2\x86\x92 %s. ", REPORT_DECIDED,
	    d->kq ? " on " : "", d->kq ? d->kq : "", f->bands[d->from].rating,
	    f->bands[d->to].rating);
	text_clean(out, d->why ? d->why : "", 0);
	if (d->by) {
		buf_adds(out, " (");
		text_clean(out, d->by, 0);
		if (d->at) {
			buf_adds(out, ", ");
			text_clean(out, d->at, 0);
		}
		buf_adds(out, ")");
	}
	if (rs->stale)
		buf_printf(out, " NOTE: the evidence now gives %s, not %s; %s",
		    rate_label(f, rs->computed), f->bands[d->from].rating,
		    rs->decision ? "the decision is still applied: the panel should look again" :
		    "the decision is not applied");
}

/* What ADD makes, into BUF (SIZE bytes), cut with a mark when it does not
 * fit (text_copy) */
#define INTO_FIXED(buf, size, add) do { \
	struct buf b_ = BUF_INIT; \
	add; \
	text_copy((buf), (size), buf_str(&b_)); \
	buf_free(&b_); \
} while (0)

void
report_conflicts(const struct inspection *in, char *buf, size_t size)
{
	INTO_FIXED(buf, size, report_conflicts_add(in, &b_));
}

void
report_completeness(const struct rate *r, char *buf, size_t size)
{
	INTO_FIXED(buf, size, report_completeness_add(r, &b_));
}

void
report_decision_text(const struct form *f, const struct rate_std *rs, char *buf, size_t size)
{
	INTO_FIXED(buf, size, report_decision_add(f, rs, &b_));
}
