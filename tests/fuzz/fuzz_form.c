/* fuzz_form.c - the forms loader (form_load) on any bytes.
 *
 * The input is written to a file and loaded as a framework. form_load
 * checks that [framework] id matches the file name, so the file is named
 * after the first "id = ..." line that looks like an id (else fuzz.ini):
 * the seeds (the forms folder's files) then load in full and mutations start deep in.
 * On success the form must be consistent (every index in range, the id
 * hash finding every key question and prompt, bands and overall bands in
 * order); on failure the message must name the file and F must be empty.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/form.h"
#include "fuzz.h"
#include "base/text.h"

/* The id of an "id = X" line in DATA, if X is a plausible file name. */
static void
file_name(const uint8_t *data, size_t size, char *name, size_t room)
{
	const char *p = (const char *)data, *end = p + size;

	snprintf(name, room, "fuzz.ini");
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *q = p, *id;
		size_t n = 0;

		if (eol == NULL)
			eol = end;
		while (q < eol && (*q == ' ' || *q == '\t'))
			q++;
		if (eol - q > 2 && q[0] == 'i' && q[1] == 'd' && (q[2] == ' ' || q[2] == '=')) {
			for (q += 2; q < eol && (*q == ' ' || *q == '\t' || *q == '=' || *q == '"'); q++)
				;
			id = q;
			while (q + n < eol && (islower((unsigned char)q[n]) ||
			    isdigit((unsigned char)q[n]) || q[n] == '-' || q[n] == '_' || q[n] == '.'))
				n++;
			if (n > 0 && n <= FORM_ID_MAX && id[0] != '.') {
				snprintf(name, room, "%.*s.ini", (int)n, id);
				return;
			}
		}
		p = eol + 1;
	}
}

static void
check_cond_facts(void *arg, int fact)
{
	const struct form *f = arg;

	FUZZ_CHECK(fact >= 0 && (size_t)fact < f->nfacts);
	FUZZ_CHECK(f->facts[fact].type != FACT_TEXT);
}

static void
check_cond(const struct form *f, const struct cond *c, const char *src)
{
	FUZZ_CHECK(c == NULL || src != NULL);
	cond_facts(c, check_cond_facts, (void *)(uintptr_t)f);
}

static void
check_form(const struct form *f, const char *path)
{
	int counted = 0;

	FUZZ_CHECK(f->path && strcmp(f->path, path) == 0);
	FUZZ_CHECK(f->id && f->title && *f->title);
	FUZZ_CHECK(f->rounding == ROUND_HALF_UP || f->rounding == ROUND_DOWN);
	FUZZ_CHECK(f->nbands > 0 && f->bands[0].min == 0);
	FUZZ_CHECK(f->noverall > 0 && f->overall[0].min == 0);
	FUZZ_CHECK(f->nstds > 0);
	for (size_t i = 1; i < f->nbands; i++) {
		FUZZ_CHECK(f->bands[i].min > f->bands[i - 1].min);
		FUZZ_CHECK(f->bands[i].score >= f->bands[i - 1].score);
	}
	for (size_t i = 0; i < f->nbands; i++) {
		FUZZ_CHECK(f->bands[i].id && f->bands[i].label && f->bands[i].rating);
		FUZZ_CHECK(form_band_index(f, f->bands[i].id) == (int)i);
	}
	for (size_t i = 1; i < f->noverall; i++)
		FUZZ_CHECK(f->overall[i].min > f->overall[i - 1].min);
	for (int pc = 0; pc <= 100; pc++) {
		int b = form_band_for(f, pc);

		FUZZ_CHECK(b >= 0 && (size_t)b < f->nbands && f->bands[b].min <= pc);
	}
	FUZZ_CHECK(form_overall_for(f, 0) == 0);
	FUZZ_CHECK(form_percent(f, 0, 0) == -1);
	for (int r = 1; r <= 7; r++)
		for (int y = 0; y <= r; y++) {
			int pc = form_percent(f, y, r);

			FUZZ_CHECK(pc >= 0 && pc <= 100);
		}
	for (size_t i = 0; i < f->nfacts; i++) {
		const struct form_fact *fa = &f->facts[i];

		FUZZ_CHECK(fa->id && fa->label);
		FUZZ_CHECK(form_fact_index(f, fa->id) == (int)i);
		FUZZ_CHECK(fa->short_label == NULL ||
		    text_width(fa->short_label) <= FORM_FACT_SHORT_MAX);
		check_cond(f, fa->asked, fa->asked_src);
		if (fa->type == FACT_TEXT) {
			FUZZ_CHECK(fa->nchoices == 0 && fa->choice_when == NULL);
			continue;
		}
		FUZZ_CHECK(fa->nchoices > 0);
		FUZZ_CHECK(fa->type != FACT_BOOL || fa->nchoices == 2);
		for (size_t j = 0; j < fa->nchoices; j++) {
			FUZZ_CHECK(fa->choices[j] && fa->choice_labels[j]);
			FUZZ_CHECK(form_choice_index(fa, fa->choices[j]) == (int)j);
			if (fa->choice_when)
				check_cond(f, fa->choice_when[j], fa->choice_when_src[j]);
		}
	}
	for (size_t i = 0; i < f->ndomains; i++)
		FUZZ_CHECK(f->domains[i].id && f->domains[i].name);
	for (size_t s = 0; s < f->nstds; s++) {
		const struct form_std *st = &f->stds[s];

		FUZZ_CHECK(st->id && st->name && form_std_index(f, st->id) == (int)s);
		FUZZ_CHECK(st->domain < f->ndomains);
		FUZZ_CHECK(st->short_name == NULL || text_width(st->short_name) <= FORM_SHORT_MAX);
		FUZZ_CHECK(st->rating == RATING_CASES || st->rating == RATING_JUDGEMENT);
		FUZZ_CHECK(st->rating != RATING_CASES || (st->nkqs > 0 && st->sample));
		FUZZ_CHECK(st->rating != RATING_JUDGEMENT || st->applies == NULL);
		check_cond(f, st->applies, st->applies_src);
		counted += st->counted;
		for (size_t j = 0; j < st->nkqs; j++)
			FUZZ_CHECK(st->kqs[j] < f->nkqs && f->kqs[st->kqs[j]].std == s);
	}
	FUZZ_CHECK(f->ncounted == (size_t)counted);
	FUZZ_CHECK(f->max_score == f->bands[f->nbands - 1].score * counted);
	for (size_t q = 0; q < f->nkqs; q++) {
		const struct form_kq *kq = &f->kqs[q];

		FUZZ_CHECK(kq->id && kq->text && kq->std < f->nstds);
		FUZZ_CHECK(form_kq_index(f, kq->id) == (int)q);
		FUZZ_CHECK(form_prompt_index(f, kq->id) == -1);
		check_cond(f, kq->relevant, kq->relevant_src);
		(void)form_kq_sub_sample(f, q);
		for (size_t j = 0; j < kq->nprompts; j++)
			FUZZ_CHECK(kq->prompts[j] < f->nprompts && f->prompts[kq->prompts[j]].kq == q);
	}
	for (size_t i = 0; i < f->nprompts; i++) {
		const struct form_prompt *p = &f->prompts[i];

		FUZZ_CHECK(p->id && p->text && p->kq < f->nkqs);
		FUZZ_CHECK(form_prompt_index(f, p->id) == (int)i);
		FUZZ_CHECK(form_kq_index(f, p->id) == -1);
		FUZZ_CHECK(f->stds[f->kqs[p->kq].std].rating == RATING_CASES);
		check_cond(f, p->relevant, p->relevant_src);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct form empty;
	char name[FORM_ID_MAX + 8];
	const char *path;
	struct form f;
	struct err e;

	file_name(data, size, name, sizeof name);
	path = fuzz_write(name, data, size);
	e.msg[0] = '\0';
	if (form_load(&f, path, &e) == 0) {
		fuzz_note("form %s: loaded, %zu key questions", f.id, f.nkqs);
		check_form(&f, path);
		form_free(&f);
	} else {
		fuzz_note("form: refused: %s", e.msg);
		if (strstr(e.msg, path) == NULL)
			fuzz_fail("form_load failed without naming %s: \"%s\"", path, e.msg);
		if (memcmp(&f, &empty, sizeof f) != 0)
			fuzz_fail("form_load failed and left something in the form");
	}
	unlink(path);	/* the next input may have another name */
	return 0;
}
