/* form.c - load and validate a forms file (see form.h, yjinspect-forms(5)). */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <unistd.h>

#include "model/form.h"
#include "base/buf.h"
#include "store/ini.h"
#include "base/text.h"
#include "base/xalloc.h"

/* get_int default meaning "required" */
#define INT_MIN_MARK INT_MIN

/* Loading state: the ini being read and where errors point. */
struct loader {
	struct form *f;
	struct ini ini;
	struct err *e;
};

static int
lerr(struct loader *l, const char *sec, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
lerr(struct loader *l, const char *sec, const char *key, const char *fmt, ...)
{
	char what[ERR_MAX];
	va_list ap;
	int line = ini_line(&l->ini, sec, key);

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (key != NULL)
		return err_set(l->e, "%s:%d: [%s] %s: %s", l->ini.path, line, sec, key, what);
	return err_set(l->e, "%s:%d: [%s] %s", l->ini.path, line, sec, what);
}

/* ---- value parsing ---- */

/* An id: lower-case letters, digits, '-', '_', '.'; at most FORM_ID_MAX
 * bytes (ids become INI key names, which the writer keeps short). */
static int
valid_id(const char *s)
{
	if (*s == '\0' || strlen(s) > FORM_ID_MAX)
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
		    *s == '-' || *s == '_' || *s == '.'))
			return 0;
	return 1;
}

/* Text value (unescaped); *out NULL when absent and not required. */
static int
get_text(struct loader *l, const char *sec, const char *key, int required, char **out)
{
	if (ini_get_text(&l->ini, sec, key, out, l->e) < 0)
		return -1;
	if (*out == NULL && required)
		return lerr(l, sec, NULL, "missing '%s'", key);
	if (*out != NULL && required && **out == '\0') {
		free(*out);
		*out = NULL;
		return lerr(l, sec, key, "is empty");
	}
	return 0;
}

/* Strict integer in [lo, hi]; DEF when absent. */
static int
get_int(struct loader *l, const char *sec, const char *key, int def, int lo, int hi,
    int *out)
{
	const char *v = ini_get(&l->ini, sec, key);
	char *end;
	long n;

	if (v == NULL) {
		if (def == INT_MIN_MARK)
			return lerr(l, sec, NULL, "missing '%s'", key);
		*out = def;
		return 0;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || errno != 0 || !isdigit((unsigned char)v[0]) ||
	    n < lo || n > hi)
		return lerr(l, sec, key, "'%s' is not a whole number from %d to %d", v, lo, hi);
	*out = (int)n;
	return 0;
}

static int
get_bool(struct loader *l, const char *sec, const char *key, int def, bool *out)
{
	const char *v = ini_get(&l->ini, sec, key);

	if (v == NULL)
		*out = def;
	else if (strcmp(v, "yes") == 0)
		*out = true;
	else if (strcmp(v, "no") == 0)
		*out = false;
	else
		return lerr(l, sec, key, "'%s' is not yes or no", v);
	return 0;
}

/* Every key of SEC must be in ALLOWED (NULL-terminated), or start with
 * PREFIX_OK when that is not NULL. */
static int
check_keys(struct loader *l, const struct ini_section *s, const char *const *allowed,
    const char *prefix_ok)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		int ok = 0;

		for (size_t j = 0; allowed[j] && !ok; j++)
			ok = strcmp(k, allowed[j]) == 0;
		if (!ok && prefix_ok && strncmp(k, prefix_ok, strlen(prefix_ok)) == 0)
			ok = 1;
		if (!ok)
			return lerr(l, s->name, k, "unknown key");
	}
	return 0;
}

/* ---- conditions: the form's facts as a cond vocabulary ---- */

static int
vocab_fact(const void *ctx, const char *name, int *is_bool)
{
	const struct form *f = ctx;
	int i = form_fact_index(f, name);

	if (i < 0 || f->facts[i].type == FACT_TEXT)
		return -1;
	*is_bool = f->facts[i].type == FACT_BOOL;
	return i;
}

static int
vocab_value(const void *ctx, int fact, const char *value)
{
	const struct form *f = ctx;

	return form_choice_index(&f->facts[fact], value);
}

static int
get_cond(struct loader *l, const char *sec, const char *key, struct cond **c, char **src)
{
	struct cond_vocab v = { l->f, vocab_fact, vocab_value };

	*c = NULL;
	if (get_text(l, sec, key, 0, src) < 0)
		return -1;
	if (*src == NULL)
		return 0;
	if (cond_parse(*src, &v, c, l->e) < 0) {
		char msg[ERR_MAX];

		memcpy(msg, l->e->msg, sizeof msg);
		return lerr(l, sec, key, "bad condition \"%s\": %s", *src, msg);
	}
	return 0;
}

/* ---- sections ---- */


#define GROW(arr, n) ((arr) = xrealloc((arr), ((n) + 1) * sizeof *(arr)), \
	memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

static int
load_framework(struct loader *l, const struct ini_section *s, const char *base)
{
	static const char *const keys[] = { "id", "title", "edition", "source",
	    "rounding", "discretion_margin", "discretion_sample", NULL };
	struct form *f = l->f;
	char *rounding = NULL;

	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "id", 1, &f->id) < 0 ||
	    get_text(l, s->name, "title", 1, &f->title) < 0 ||
	    get_text(l, s->name, "edition", 0, &f->edition) < 0 ||
	    get_text(l, s->name, "source", 0, &f->source) < 0 ||
	    get_text(l, s->name, "rounding", 0, &rounding) < 0 ||
	    get_int(l, s->name, "discretion_margin", 5, 0, 100, &f->disc_margin) < 0 ||
	    get_int(l, s->name, "discretion_sample", 5, 0, 1000000, &f->disc_sample) < 0) {
		free(rounding);
		return -1;
	}
	if (!valid_id(f->id)) {
		free(rounding);
		return lerr(l, s->name, "id", "'%s' is not an id (a-z, 0-9, '-', '_', '.'; "
		    "at most %d)", f->id, FORM_ID_MAX);
	}
	if (base != NULL && strcmp(f->id, base) != 0) {
		free(rounding);
		return lerr(l, s->name, "id", "'%s' does not match the file name (%s.ini)",
		    f->id, base);
	}
	f->rounding = ROUND_HALF_UP;
	if (rounding != NULL && strcmp(rounding, "down") == 0)
		f->rounding = ROUND_DOWN;
	else if (rounding != NULL && strcmp(rounding, "half-up") != 0) {
		int r = lerr(l, s->name, "rounding", "'%s' is not half-up or down", rounding);
		free(rounding);
		return r;
	}
	free(rounding);
	return 0;
}

/* cond_facts callback: ARG is { the fact's index, set if it is met } */
static void
on_self(void *arg, int fact)
{
	int *self = arg;

	if (fact == self[0])
		self[1] = 1;
}

static int
load_fact(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "label", "short", "type", "choices", "help", "asked",
	    NULL };
	struct form *f = l->f;
	struct form_fact *fa = GROW(f->facts, f->nfacts);
	char *type = NULL, *choices = NULL;
	int rc = -1;

	fa->id = xstrdup(id);
	if (check_keys(l, s, keys, "choice.") < 0 ||
	    get_text(l, s->name, "label", 1, &fa->label) < 0 ||
	    get_text(l, s->name, "short", 0, &fa->short_label) < 0 ||
	    get_text(l, s->name, "help", 0, &fa->help) < 0 ||
	    get_text(l, s->name, "type", 1, &type) < 0 ||
	    get_text(l, s->name, "choices", 0, &choices) < 0 ||
	    get_cond(l, s->name, "asked", &fa->asked, &fa->asked_src) < 0)
		goto out;
	if (fa->short_label && text_width(fa->short_label) > FORM_FACT_SHORT_MAX) {
		lerr(l, s->name, "short", "'%s' is longer than %d characters", fa->short_label,
		    FORM_FACT_SHORT_MAX);
		goto out;
	}
	if (fa->asked != NULL) {
		int self[2] = { (int)(fa - f->facts), 0 };

		cond_facts(fa->asked, on_self, self);
		if (self[1]) {
			lerr(l, s->name, "asked", "a fact's condition is on the other facts, not on "
			    "%s itself", fa->id);
			goto out;
		}
	}
	if (strcmp(type, "bool") == 0) {
		fa->type = FACT_BOOL;
		fa->nchoices = 2;
		fa->choices = xcalloc(2, sizeof *fa->choices);
		fa->choice_labels = xcalloc(2, sizeof *fa->choice_labels);
		fa->choices[0] = xstrdup("no");
		fa->choices[1] = xstrdup("yes");
		fa->choice_labels[0] = xstrdup("No");
		fa->choice_labels[1] = xstrdup("Yes");
		if (choices != NULL) {
			lerr(l, s->name, "choices", "a bool fact has no choices");
			goto out;
		}
	} else if (strcmp(type, "text") == 0) {
		fa->type = FACT_TEXT;
		if (choices != NULL) {
			lerr(l, s->name, "choices", "a text fact has no choices");
			goto out;
		}
	} else if (strcmp(type, "choice") == 0) {
		fa->type = FACT_CHOICE;
		if (choices == NULL) {
			lerr(l, s->name, NULL, "missing 'choices'");
			goto out;
		}
		for (char *tok = strtok(choices, " \t,"); tok; tok = strtok(NULL, " \t,")) {
			char key[128];

			if (!valid_id(tok) || strchr(tok, '.') != NULL) {
				lerr(l, s->name, "choices", "'%s' is not an id", tok);
				goto out;
			}
			if (form_choice_index(fa, tok) >= 0) {
				lerr(l, s->name, "choices", "duplicate choice '%s'", tok);
				goto out;
			}
			fa->choices = xrealloc(fa->choices, (fa->nchoices + 1) * sizeof(char *));
			fa->choice_labels = xrealloc(fa->choice_labels,
			    (fa->nchoices + 1) * sizeof(char *));
			fa->choices[fa->nchoices] = xstrdup(tok);
			fa->choice_labels[fa->nchoices] = NULL;
			fa->nchoices++;
			snprintf(key, sizeof key, "choice.%s", tok);
			if (get_text(l, s->name, key, 1, &fa->choice_labels[fa->nchoices - 1]) < 0)
				goto out;
		}
		if (fa->nchoices == 0) {
			lerr(l, s->name, "choices", "is empty");
			goto out;
		}
		/* every choice.X (label) and choice.X.when (condition) key must
		 * name a declared choice */
		for (size_t i = 0; i < s->nkeys; i++) {
			const char *k = s->keys[i].name, *dot;
			char choice[128];

			if (strncmp(k, "choice.", 7) != 0)
				continue;
			dot = strchr(k + 7, '.');
			if (dot != NULL && strcmp(dot, ".when") != 0) {
				lerr(l, s->name, k, "unknown key (choice.ID or choice.ID.when)");
				goto out;
			}
			snprintf(choice, sizeof choice, "%.*s",
			    (int)(dot ? (size_t)(dot - (k + 7)) : strlen(k + 7)), k + 7);
			if (form_choice_index(fa, choice) < 0) {
				lerr(l, s->name, k, "'%s' is not in choices", choice);
				goto out;
			}
		}
		/* when each choice can be made: a condition on the facts above */
		fa->choice_when = xcalloc(fa->nchoices, sizeof *fa->choice_when);
		fa->choice_when_src = xcalloc(fa->nchoices, sizeof *fa->choice_when_src);
		for (size_t i = 0; i < fa->nchoices; i++) {
			char key[128];

			snprintf(key, sizeof key, "choice.%s.when", fa->choices[i]);
			if (get_cond(l, s->name, key, &fa->choice_when[i], &fa->choice_when_src[i]) < 0)
				goto out;
			if (fa->choice_when[i] != NULL) {
				int self[2] = { (int)(fa - f->facts), 0 };

				cond_facts(fa->choice_when[i], on_self, self);
				if (self[1]) {
					lerr(l, s->name, key, "a choice's condition is on the other "
					    "facts, not on %s itself", fa->id);
					goto out;
				}
			}
		}
	} else {
		lerr(l, s->name, "type", "'%s' is not choice, bool or text", type);
		goto out;
	}
	if (fa->type != FACT_CHOICE) {
		for (size_t i = 0; i < s->nkeys; i++)
			if (strncmp(s->keys[i].name, "choice.", 7) == 0) {
				lerr(l, s->name, s->keys[i].name, "only a choice fact has choice labels");
				goto out;
			}
	}
	rc = 0;
out:
	free(type);
	free(choices);
	return rc;
}

static int
load_band(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "label", "rating", "min", "score", NULL };
	struct form *f = l->f;
	struct form_band *b;

	if (strcasecmp(id, "not-rated") == 0)
		return lerr(l, s->name, NULL, "'not-rated' is reserved and cannot be a band id");
	b = GROW(f->bands, f->nbands);
	b->id = xstrdup(id);
	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "label", 1, &b->label) < 0 ||
	    get_text(l, s->name, "rating", 1, &b->rating) < 0 ||
	    get_int(l, s->name, "min", INT_MIN_MARK, 0, 100, &b->min) < 0 ||
	    get_int(l, s->name, "score", INT_MIN_MARK, 0, 1000, &b->score) < 0)
		return -1;
	if (f->nbands == 1 && b->min != 0)
		return lerr(l, s->name, "min", "the first band must start at 0");
	if (f->nbands > 1 && b->min <= f->bands[f->nbands - 2].min)
		return lerr(l, s->name, "min", "bands must be listed lowest first, each min above the last");
	if (f->nbands > 1 && b->score < f->bands[f->nbands - 2].score)
		return lerr(l, s->name, "score", "a higher band cannot score less than a lower one");
	return 0;
}

static int
load_overall(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "rating", "min", NULL };
	struct form *f = l->f;
	struct form_overall *o = GROW(f->overall, f->noverall);

	o->id = xstrdup(id);
	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "rating", 1, &o->rating) < 0 ||
	    get_int(l, s->name, "min", INT_MIN_MARK, 0, 1000000, &o->min) < 0)
		return -1;
	if (f->noverall == 1 && o->min != 0)
		return lerr(l, s->name, "min", "the first overall band must start at 0");
	if (f->noverall > 1 && o->min <= f->overall[f->noverall - 2].min)
		return lerr(l, s->name, "min", "overall bands must be listed lowest first");
	return 0;
}

static int
load_domain(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "name", NULL };
	struct form *f = l->f;
	struct form_domain *d = GROW(f->domains, f->ndomains);

	d->id = xstrdup(id);
	return check_keys(l, s, keys, NULL) < 0 ? -1 :
	    get_text(l, s->name, "name", 1, &d->name);
}

static int
load_std(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "domain", "name", "short", "statement", "rating",
	    "counted", "applies", "sample", NULL };
	struct form *f = l->f;
	struct form_std *st = GROW(f->stds, f->nstds);
	char *domain = NULL, *rating = NULL;
	int d, rc = -1;

	st->id = xstrdup(id);
	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "domain", 1, &domain) < 0 ||
	    get_text(l, s->name, "name", 1, &st->name) < 0 ||
	    get_text(l, s->name, "short", 0, &st->short_name) < 0 ||
	    get_text(l, s->name, "statement", 0, &st->statement) < 0 ||
	    get_text(l, s->name, "rating", 1, &rating) < 0 ||
	    get_bool(l, s->name, "counted", 1, &st->counted) < 0 ||
	    get_text(l, s->name, "sample", 0, &st->sample) < 0 ||
	    get_cond(l, s->name, "applies", &st->applies, &st->applies_src) < 0)
		goto out;
	d = -1;
	for (size_t i = 0; i < f->ndomains; i++)
		if (strcmp(f->domains[i].id, domain) == 0)
			d = (int)i;
	if (d < 0) {
		lerr(l, s->name, "domain", "no [domain.%s] before this standard", domain);
		goto out;
	}
	st->domain = (size_t)d;
	if (strcmp(rating, "cases") == 0)
		st->rating = RATING_CASES;
	else if (strcmp(rating, "judgement") == 0)
		st->rating = RATING_JUDGEMENT;
	else {
		lerr(l, s->name, "rating", "'%s' is not cases or judgement", rating);
		goto out;
	}
	if (st->rating == RATING_JUDGEMENT && (st->applies_src || st->sample)) {
		lerr(l, s->name, st->applies_src ? "applies" : "sample",
		    "only a case-rated standard has this");
		goto out;
	}
	if (st->sample == NULL && st->rating == RATING_CASES)
		st->sample = xstrdup("cases inspected");
	if (st->short_name && text_width(st->short_name) > FORM_SHORT_MAX) {
		lerr(l, s->name, "short", "'%s' is longer than %d characters", st->short_name,
		    FORM_SHORT_MAX);
		goto out;
	}
	rc = 0;
out:
	free(domain);
	free(rating);
	return rc;
}

static int
id_taken(const struct form *f, const char *id)
{
	return form_kq_index(f, id) >= 0 || form_prompt_index(f, id) >= 0;
}

static int
load_kq(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "standard", "text", "relevant", "sample", NULL };
	struct form *f = l->f;
	struct form_kq *q;
	struct form_std *st;
	char *std = NULL;
	int si;

	if (id_taken(f, id))
		return lerr(l, s->name, NULL, "duplicate id '%s' (already a key question or prompt)", id);
	q = GROW(f->kqs, f->nkqs);
	q->id = xstrdup(id);
	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "standard", 1, &std) < 0 ||
	    get_text(l, s->name, "text", 1, &q->text) < 0 ||
	    get_text(l, s->name, "sample", 0, &q->sample) < 0 ||
	    get_cond(l, s->name, "relevant", &q->relevant, &q->relevant_src) < 0) {
		free(std);
		return -1;
	}
	si = form_std_index(f, std);
	if (si < 0) {
		int r = lerr(l, s->name, "standard", "no [standard.%s] before this key question", std);
		free(std);
		return r;
	}
	free(std);
	st = &f->stds[si];
	if (st->rating == RATING_JUDGEMENT && (q->relevant_src || q->sample))
		return lerr(l, s->name, q->relevant_src ? "relevant" : "sample",
		    "key questions of a judgement-rated standard are not answered case by case");
	q->std = (size_t)si;
	st->kqs = xrealloc(st->kqs, (st->nkqs + 1) * sizeof *st->kqs);
	st->kqs[st->nkqs++] = f->nkqs - 1;
	return 0;
}

static int
load_prompt(struct loader *l, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "kq", "text", "na", "relevant", NULL };
	struct form *f = l->f;
	struct form_prompt *p;
	struct form_kq *q;
	char *kq = NULL;
	int qi;

	if (id_taken(f, id))
		return lerr(l, s->name, NULL, "duplicate id '%s' (already a key question or prompt)", id);
	p = GROW(f->prompts, f->nprompts);
	p->id = xstrdup(id);
	if (check_keys(l, s, keys, NULL) < 0 ||
	    get_text(l, s->name, "kq", 1, &kq) < 0 ||
	    get_text(l, s->name, "text", 1, &p->text) < 0 ||
	    get_bool(l, s->name, "na", 0, &p->na) < 0 ||
	    get_cond(l, s->name, "relevant", &p->relevant, &p->relevant_src) < 0) {
		free(kq);
		return -1;
	}
	qi = form_kq_index(f, kq);
	if (qi < 0) {
		int r = lerr(l, s->name, "kq", "no [kq.%s] before this prompt", kq);
		free(kq);
		return r;
	}
	free(kq);
	q = &f->kqs[qi];
	if (f->stds[q->std].rating == RATING_JUDGEMENT)
		return lerr(l, s->name, "kq", "%s belongs to a judgement-rated standard, which has no prompts", q->id);
	p->kq = (size_t)qi;
	q->prompts = xrealloc(q->prompts, (q->nprompts + 1) * sizeof *q->prompts);
	q->prompts[q->nprompts++] = f->nprompts - 1;
	return 0;
}

static const struct {
	const char *prefix;
	int (*load)(struct loader *, const struct ini_section *, const char *);
} section_kinds[] = {
	{ "fact.", load_fact },
	{ "band.", load_band },
	{ "overall.", load_overall },
	{ "domain.", load_domain },
	{ "standard.", load_std },
	{ "kq.", load_kq },
	{ "prompt.", load_prompt },
};

static int
load_section(struct loader *l, const struct ini_section *s)
{
	for (size_t i = 0; i < sizeof section_kinds / sizeof section_kinds[0]; i++) {
		size_t n = strlen(section_kinds[i].prefix);

		if (strncmp(s->name, section_kinds[i].prefix, n) != 0)
			continue;
		if (!valid_id(s->name + n))
			return lerr(l, s->name, NULL, "'%s' is not a valid id (a-z, 0-9, '-', "
			    "'_', '.'; at most %d)", s->name + n, FORM_ID_MAX);
		return section_kinds[i].load(l, s, s->name + n);
	}
	return lerr(l, s->name, NULL, "unknown section (expected framework, fact.*, band.*, "
	    "overall.*, domain.*, standard.*, kq.* or prompt.*)");
}

/* Checks that need the whole file. */
static int
check_whole(struct loader *l)
{
	struct form *f = l->f;
	int top = 0;

	if (f->nbands == 0)
		return err_set(l->e, "%s: no [band.*] sections", l->ini.path);
	if (f->noverall == 0)
		return err_set(l->e, "%s: no [overall.*] sections", l->ini.path);
	if (f->nstds == 0)
		return err_set(l->e, "%s: no [standard.*] sections", l->ini.path);
	for (size_t i = 0; i < f->nstds; i++) {
		const struct form_std *st = &f->stds[i];
		char sec[256];

		snprintf(sec, sizeof sec, "standard.%s", st->id);
		if (st->rating == RATING_CASES && st->nkqs == 0)
			return lerr(l, sec, NULL, "a case-rated standard needs key questions");
		if (st->counted)
			f->ncounted++;
	}
	top = f->bands[f->nbands - 1].score;
	f->max_score = top * (int)f->ncounted;
	/* the ids are final now: index them for the case readers */
	form_index_ids(f);
	return 0;
}

static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	char *s = xstrdup(b ? b + 1 : path);
	size_t n = strlen(s);

	if (n > 4 && strcmp(s + n - 4, ".ini") == 0)
		s[n - 4] = '\0';
	return s;
}

int
form_load(struct form *f, const char *path, struct err *e)
{
	struct err local;
	struct loader l = { f, { 0 }, e ? e : &local };
	const struct ini_section *fw;
	char *base;
	int rc = -1;

	e = l.e;
	memset(f, 0, sizeof *f);
	if (ini_load(&l.ini, path, e) < 0)
		return -1;
	f->path = xstrdup(path);
	base = base_name(path);
	fw = ini_section(&l.ini, "framework");
	if (fw == NULL) {
		err_set(e, "%s: no [framework] section", path);
		goto out;
	}
	if (load_framework(&l, fw, base) < 0)
		goto out;
	for (size_t i = 0; i < l.ini.nsecs; i++) {
		if (&l.ini.secs[i] == fw)
			continue;
		if (load_section(&l, &l.ini.secs[i]) < 0)
			goto out;
	}
	rc = check_whole(&l);
out:
	free(base);
	ini_free(&l.ini);
	if (rc < 0)
		form_free(f);
	return rc;
}

int
form_load_id(struct form *f, const char *dir, const char *id, struct err *e)
{
	char *path;
	int rc;

	memset(f, 0, sizeof *f);
	if (!valid_id(id) || strchr(id, '/') != NULL) {
		return err_set(e, "'%s' is not a framework id", id);
	}
	path = xasprintf("%s/%s.ini", dir, id);
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		char **ids = form_list(dir, NULL);
		struct buf known = BUF_INIT;

		for (size_t i = 0; ids && ids[i]; i++)
			buf_printf(&known, "%s%s", i ? ", " : "", ids[i]);
		err_set(e, "unknown framework '%s' (%s has: %s)%s", id, dir,
		    known.len ? buf_str(&known) : "no forms files", known.len ? "" :
		    ": point YJINSPECT_FORMS at a folder of framework files (the source "
		    "tree's forms/), or run 'make install'");
		buf_free(&known);
		form_list_free(ids);
		free(path);
		return -1;
	}
	rc = form_load(f, path, e);
	free(path);
	return rc;
}

static void
free_cond_src(struct cond *c, char *src)
{
	cond_free(c);
	free(src);
}

void
form_free(struct form *f)
{
	free(f->path);
	free(f->id);
	free(f->title);
	free(f->edition);
	free(f->source);
	for (size_t i = 0; i < f->nfacts; i++) {
		struct form_fact *fa = &f->facts[i];

		for (size_t j = 0; j < fa->nchoices; j++) {
			free(fa->choices[j]);
			free(fa->choice_labels[j]);
			if (fa->choice_when)
				free_cond_src(fa->choice_when[j], fa->choice_when_src[j]);
		}
		free(fa->choices);
		free(fa->choice_labels);
		free(fa->choice_when);
		free(fa->choice_when_src);
		free(fa->id);
		free(fa->label);
		free(fa->short_label);
		free(fa->help);
		cond_free(fa->asked);
		free(fa->asked_src);
	}
	free(f->facts);
	for (size_t i = 0; i < f->nbands; i++) {
		free(f->bands[i].id);
		free(f->bands[i].label);
		free(f->bands[i].rating);
	}
	free(f->bands);
	for (size_t i = 0; i < f->noverall; i++) {
		free(f->overall[i].id);
		free(f->overall[i].rating);
	}
	free(f->overall);
	for (size_t i = 0; i < f->ndomains; i++) {
		free(f->domains[i].id);
		free(f->domains[i].name);
	}
	free(f->domains);
	for (size_t i = 0; i < f->nstds; i++) {
		struct form_std *st = &f->stds[i];

		free(st->id);
		free(st->name);
		free(st->short_name);
		free(st->statement);
		free(st->sample);
		free(st->kqs);
		free_cond_src(st->applies, st->applies_src);
	}
	free(f->stds);
	for (size_t i = 0; i < f->nkqs; i++) {
		struct form_kq *q = &f->kqs[i];

		free(q->id);
		free(q->text);
		free(q->sample);
		free(q->prompts);
		free_cond_src(q->relevant, q->relevant_src);
	}
	free(f->kqs);
	for (size_t i = 0; i < f->nprompts; i++) {
		struct form_prompt *p = &f->prompts[i];

		free(p->id);
		free(p->text);
		free_cond_src(p->relevant, p->relevant_src);
	}
	free(f->prompts);
	hashtab_free(&f->ids);
	memset(f, 0, sizeof *f);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
form_list(const char *dir, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **ids = NULL;
	size_t n = 0;

	if (d == NULL) {
		err_set(e, "%s: cannot read the forms directory: %s", dir, strerror(errno));
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len <= 4 || de->d_name[0] == '.' || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		ids = xrealloc(ids, (n + 2) * sizeof *ids);
		ids[n++] = xstrndup(de->d_name, len - 4);
	}
	closedir(d);
	ids = xrealloc(ids, (n + 1) * sizeof *ids);
	ids[n] = NULL;
	qsort(ids, n, sizeof *ids, cmp_str);
	return ids;
}

void
form_list_free(char **ids)
{
	for (size_t i = 0; ids && ids[i]; i++)
		free(ids[i]);
	free(ids);
}
