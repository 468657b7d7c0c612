/* form.h - a framework edition: its facts, standards, key questions,
 * prompts, bands and scoring, loaded from a forms file (yjinspect-forms(5)).
 *
 * A struct form is read-only once loaded; everything in it is owned by it
 * and freed by form_free. Items refer to each other by index into the
 * form's arrays (kq->std is an index into f->stds, and so on). File order is
 * kept: it is the order of display.
 */
#ifndef YJ_FORM_H
#define YJ_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "model/cond.h"
#include "base/err.h"
#include "base/hashtab.h"

#define FORM_ID_MAX 48	/* bytes in an id */

enum form_fact_type { FACT_CHOICE, FACT_BOOL, FACT_TEXT };

#define FORM_FACT_SHORT_MAX 16	/* columns of a fact's short label: with the
					 * longest choice (28) it fits 47 columns */

struct form_fact {
	char *id;
	char *label;
	char *short_label;		/* for the facts form (at most
					 * FORM_FACT_SHORT_MAX columns), or NULL */
	char *help;			/* may be NULL */
	struct cond *asked;		/* when the fact is asked (a condition on
					 * the facts above it), or NULL: always */
	char *asked_src;
	enum form_fact_type type;
	char **choices;			/* FACT_CHOICE: ids; FACT_BOOL: "no","yes" */
	char **choice_labels;		/* same length */
	struct cond **choice_when;	/* same length: when each choice can be
					 * made (NULL: always), or NULL */
	char **choice_when_src;
	size_t nchoices;
};

struct form_band {			/* a key-question band, and a rating */
	char *id;			/* e.g. "requires-improvement" */
	char *label;			/* e.g. "Too few" */
	char *rating;			/* e.g. "Requires improvement" */
	int min;			/* lowest whole percentage in the band */
	int score;
};

struct form_overall {			/* an overall rating band */
	char *id;
	char *rating;
	int min;			/* lowest score in the band */
};

struct form_domain {
	char *id;
	char *name;
};

enum form_rating { RATING_CASES, RATING_JUDGEMENT };

#define FORM_SHORT_MAX 12	/* columns of a standard's short name */

struct form_std {
	char *id;
	char *name;
	char *short_name;		/* for narrow screens (at most FORM_SHORT_MAX
					 * columns), or NULL: the name */
	char *statement;		/* may be NULL */
	size_t domain;
	enum form_rating rating;
	bool counted;
	struct cond *applies;		/* RATING_CASES; NULL = every case */
	char *applies_src;		/* as written, or NULL */
	char *sample;			/* "cases inspected" */
	size_t *kqs;			/* indexes into form.kqs, file order */
	size_t nkqs;
};

struct form_kq {
	char *id;
	char *text;
	size_t std;
	struct cond *relevant;		/* NULL = always (within std->applies) */
	char *relevant_src;
	char *sample;			/* sub-sample label, or NULL = the standard's */
	size_t *prompts;
	size_t nprompts;
};

struct form_prompt {
	char *id;
	char *text;
	size_t kq;
	bool na;			/* N/A may be answered */
	struct cond *relevant;
	char *relevant_src;
};

enum form_rounding { ROUND_HALF_UP, ROUND_DOWN };

struct form {
	char *path;
	char *id, *title, *edition, *source;
	enum form_rounding rounding;
	int disc_margin;
	int disc_sample;

	struct form_fact *facts;	size_t nfacts;
	struct form_band *bands;	size_t nbands;	/* lowest first */
	struct form_overall *overall;	size_t noverall;
	struct form_domain *domains;	size_t ndomains;
	struct form_std *stds;		size_t nstds;
	struct form_kq *kqs;		size_t nkqs;
	struct form_prompt *prompts;	size_t nprompts;

	int max_score;			/* sum of the top band's score over counted standards */
	size_t ncounted;

	struct hashtab ids;		/* key question and prompt ids (form.c's; its
					 * keys are the ids in kqs and prompts) */
};

/* Load and validate the forms file PATH. Anything wrong (an unknown
 * section or key, a missing or bad value, a duplicate id, a bad condition,
 * a reference to something that does not exist) is refused with
 * "PATH:LINE: [section] problem". On failure F holds nothing to free. */
int form_load(struct form *f, const char *path, struct err *e);
/* Load framework ID from directory DIR (DIR/ID.ini). An unknown ID is
 * "unknown framework 'ID' (DIR has: a, b)". */
int form_load_id(struct form *f, const char *dir, const char *id, struct err *e);
void form_free(struct form *f);

/* The frameworks in DIR: a sorted, NULL-terminated array of ids (free with
 * form_list_free), or NULL with E set when DIR cannot be read. */
char **form_list(const char *dir, struct err *e);
void form_list_free(char **ids);

/* ---- form_find.c ---- */

/* F's key questions and prompts put in F->ids, once they are final
 * (form_load's; until then the look-ups below walk the arrays). */
void form_index_ids(struct form *f);

/* Lookups by id (case-insensitive); -1 when there is none. */
int form_fact_index(const struct form *f, const char *id);
int form_choice_index(const struct form_fact *fact, const char *value);
int form_std_index(const struct form *f, const char *id);
int form_kq_index(const struct form *f, const char *id);
int form_prompt_index(const struct form *f, const char *id);
/* Both at once, with one lookup: *KQ and *PR as the two would give (at
 * most one of them >= 0). */
void form_item_index(const struct form *f, const char *id, int *kq, int *pr);
/* Whether key question Q has a sub-sample of its own (a label other than
 * its standard's). */
int form_kq_sub_sample(const struct form *f, size_t q);
int form_band_index(const struct form *f, const char *id);

/* The whole percentage shown (and banded) for YES of RELEVANT by the form's
 * rounding rule; -1 when RELEVANT is 0. */
int form_percent(const struct form *f, int yes, int relevant);
/* The band of a whole percentage (0..100). */
int form_band_for(const struct form *f, int percent);
/* The overall band of SCORE; -1 if below every band (cannot happen in a
 * valid form, whose first band starts at 0). */
int form_overall_for(const struct form *f, int score);

#endif
