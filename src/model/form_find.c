/* form_find.c - looking a framework's facts, standards, key questions,
 * prompts and bands up by id, and its figures (percentages, bands, the
 * overall rating) (see form.h). Loading is form.c's.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "base/hashtab.h"
#include "model/form.h"

/* ---- lookups ---- */

#define FIND(arr, n, key) do { \
	for (size_t i_ = 0; i_ < (n); i_++) \
		if (strcasecmp((arr)[i_].id, (key)) == 0) \
			return (int)i_; \
	return -1; \
} while (0)

int form_fact_index(const struct form *f, const char *id) { FIND(f->facts, f->nfacts, id); }
int form_std_index(const struct form *f, const char *id) { FIND(f->stds, f->nstds, id); }
/* Key questions and prompts in one table of ids (any case): a key
 * question I at 2I, a prompt I at 2I + 1 */
#define KQ_AT(i) (2 * (i))
#define PROMPT_AT(i) (2 * (i) + 1)

void
form_index_ids(struct form *f)
{
	f->ids.nocase = 1;
	hashtab_reserve(&f->ids, f->nkqs + f->nprompts + 8);
	for (size_t i = 0; i < f->nkqs; i++)
		hashtab_put(&f->ids, f->kqs[i].id, KQ_AT(i));
	for (size_t i = 0; i < f->nprompts; i++)
		hashtab_put(&f->ids, f->prompts[i].id, PROMPT_AT(i));
}

static int
id_find(const struct form *f, const char *id, int want_kq)
{
	size_t at = hashtab_get(&f->ids, id);

	if (at == HASHTAB_NONE || (at % 2 == 0) != want_kq)
		return -1;
	return (int)(at / 2);
}

int
form_kq_index(const struct form *f, const char *id)
{
	if (f->ids.nslot)
		return id_find(f, id, 1);
	FIND(f->kqs, f->nkqs, id);
}

int
form_prompt_index(const struct form *f, const char *id)
{
	if (f->ids.nslot)
		return id_find(f, id, 0);
	FIND(f->prompts, f->nprompts, id);
}

void
form_item_index(const struct form *f, const char *id, int *kq, int *pr)
{
	size_t at;

	if (f->ids.nslot == 0) {
		*kq = form_kq_index(f, id);
		*pr = *kq < 0 ? form_prompt_index(f, id) : -1;
		return;
	}
	at = hashtab_get(&f->ids, id);
	*kq = at != HASHTAB_NONE && at % 2 == 0 ? (int)(at / 2) : -1;
	*pr = at != HASHTAB_NONE && at % 2 == 1 ? (int)(at / 2) : -1;
}
int form_band_index(const struct form *f, const char *id) { FIND(f->bands, f->nbands, id); }

int
form_choice_index(const struct form_fact *fact, const char *value)
{
	for (size_t i = 0; i < fact->nchoices; i++)
		if (strcasecmp(fact->choices[i], value) == 0)
			return (int)i;
	return -1;
}

int
form_percent(const struct form *f, int yes, int relevant)
{
	if (relevant <= 0)
		return -1;
	if (f->rounding == ROUND_DOWN)
		return (int)((100L * yes) / relevant);
	/* half up, in integers: floor(100 * yes / relevant + 1/2) */
	return (int)((200L * yes + relevant) / (2L * relevant));
}

int
form_band_for(const struct form *f, int percent)
{
	int b = 0;

	for (size_t i = 0; i < f->nbands; i++)
		if (percent >= f->bands[i].min)
			b = (int)i;
	return b;
}

int
form_overall_for(const struct form *f, int score)
{
	int b = -1;

	for (size_t i = 0; i < f->noverall; i++)
		if (score >= f->overall[i].min)
			b = (int)i;
	return b;
}

int
form_kq_sub_sample(const struct form *f, size_t q)
{
	return f->kqs[q].sample != NULL &&
	    strcmp(f->kqs[q].sample, f->stds[f->kqs[q].std].sample) != 0;
}
