/* report_marks.c - the marks and sentences every rendering of the ratings
 * shares (see report_marks.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "out/report_marks.h"

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
report_conflicts(const struct inspection *in, char *buf, size_t size)
{
	size_t keys = 0, cases = 0;

	for (size_t i = 0; i < in->ncases; i++) {
		keys += in->cases[i].conflicts.n;
		cases += in->cases[i].conflicts.n > 0;
	}
	buf[0] = '\0';
	if (keys + in->conflicts.n == 0)
		return;
	if (keys)
		snprintf(buf, size, "%zu key%s in %zu case%s%s", keys, keys == 1 ? "" : "s", cases,
		    cases == 1 ? "" : "s", in->conflicts.n ? " and " : "");
	if (in->conflicts.n)
		snprintf(buf + strlen(buf), size - strlen(buf), "%zu in inspection.ini",
		    in->conflicts.n);
	snprintf(buf + strlen(buf), size - strlen(buf), " changed differently in two merged "
	    "copies: counted neither way until given again (see yjinspect check)");
}

void
report_completeness(const struct rate *r, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	if (r->unanswered)
		n += (size_t)snprintf(buf, size, "%d relevant question%s not answered in %d case%s",
		    r->unanswered, r->unanswered == 1 ? "" : "s", r->cases_unanswered,
		    r->cases_unanswered == 1 ? "" : "s");
	if (r->cases_undetermined && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%s%d case%s whose facts do not yet say "
		    "which questions apply", n ? "; " : "", r->cases_undetermined,
		    r->cases_undetermined == 1 ? "" : "s");
	if (n && n < size)
		snprintf(buf + n, size - n, ": the figures count only what is answered "
		    "(see yjinspect check)");
}

void
report_decision_text(const struct form *f, const struct rate_std *rs, char *buf, size_t size)
{
	const struct insp_decision *d = rs->decision ? rs->decision : rs->stale;
	struct buf why = BUF_INIT, by = BUF_INIT, at = BUF_INIT;
	size_t n;

	buf[0] = '\0';
	if (d == NULL)
		return;
	text_clean(&why, d->why ? d->why : "", 0);
	text_clean(&by, d->by ? d->by : "", 0);
	text_clean(&at, d->at ? d->at : "", 0);
	n = (size_t)snprintf(buf, size, "%s Panel decision%s%s%s: %s \xe2\x86\x92 %s. %s",
	    REPORT_DECIDED, d->kq ? " on " : "", d->kq ? d->kq : "",
	    d->by ? "" : "", f->bands[d->from].rating, f->bands[d->to].rating, buf_str(&why));
	if (d->by && n < size)
		n += (size_t)snprintf(buf + n, size - n, " (%s%s%s)", buf_str(&by),
		    d->at ? ", " : "", buf_str(&at));
	if (rs->stale && n < size)
		snprintf(buf + n, size - n, " NOTE: the evidence now gives %s, not %s; %s",
		    rate_label(f, rs->computed), f->bands[d->from].rating,
		    rs->decision ? "the decision is still applied: the panel should look again" :
		    "the decision is not applied");
	buf_free(&why);
	buf_free(&by);
	buf_free(&at);
}
