/* fuzz_cond.c - the condition parser (cond_parse) on any bytes.
 *
 * The input is one condition, as in a forms file's relevant, applies,
 * asked or choice.X.when, parsed with the facts of each framework in the
 * forms folder as its vocabulary (the same lookups form.c uses). On
 * failure there must be a message and no condition. On success:
 *   - every fact it tests is a real, non-text fact;
 *   - evaluation is three-valued and monotone: a condition that is true
 *     or false with some facts unknown stays so whatever they turn out to
 *     be (Kleene logic, which cond.h promises);
 *   - cond_why_false of a false condition is a false part of it;
 *   - names are case-insensitive: the input upper-cased parses the same
 *     way and evaluates the same.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/cond.h"
#include "model/form.h"
#include "fuzz.h"

#define NTRIES 8	/* fact assignments each condition is evaluated on */

/* form.c's vocabulary: choice and bool facts by id, their choices */
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

static void
check_fact(void *arg, int fact)
{
	const struct form *f = arg;

	FUZZ_CHECK(fact >= 0 && (size_t)fact < f->nfacts);
	FUZZ_CHECK(f->facts[fact].type != FACT_TEXT);
}

static unsigned
next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

/* C on fact assignments drawn from SEED: complete ones, and the same
 * with some facts forgotten, which may only turn an answer unknown. */
static void
check_eval(const struct form *f, const struct cond *c, unsigned seed,
    enum cond_value *results)
{
	int *full = calloc(f->nfacts + 1, sizeof *full);
	int *part = calloc(f->nfacts + 1, sizeof *part);

	FUZZ_CHECK(full && part);
	for (size_t i = 0; i < f->nfacts; i++)
		part[i] = COND_UNSET;
	results[0] = cond_eval(c, part);
	FUZZ_CHECK(results[0] <= COND_UNKNOWN);
	for (int t = 1; t <= NTRIES; t++) {
		enum cond_value vf, vp;

		for (size_t i = 0; i < f->nfacts; i++) {
			size_t n = f->facts[i].nchoices;

			full[i] = n ? (int)(next_rand(&seed) % n) : COND_UNSET;
			part[i] = next_rand(&seed) % 3 == 0 ? COND_UNSET : full[i];
		}
		vf = cond_eval(c, full);
		vp = cond_eval(c, part);
		FUZZ_CHECK(vf == COND_TRUE || vf == COND_FALSE);	/* every fact known */
		FUZZ_CHECK(vp <= COND_UNKNOWN);
		if (vp != COND_UNKNOWN)
			FUZZ_CHECK(vp == vf);
		if (results[0] != COND_UNKNOWN)
			FUZZ_CHECK(results[0] == vf);
		if (vf == COND_FALSE) {
			const struct cond *why = cond_why_false(c, full);

			FUZZ_CHECK(why != NULL && cond_eval(why, full) == COND_FALSE);
		} else {
			FUZZ_CHECK(cond_why_false(c, full) == c);
		}
		results[t] = vf;
	}
	free(full);
	free(part);
}

static void
one(const struct form *f, const char *src, const char *upper, unsigned seed)
{
	struct cond_vocab v = { f, vocab_fact, vocab_value };
	enum cond_value r1[NTRIES + 1], r2[NTRIES + 1];
	struct cond *c = NULL, *cu = NULL;
	struct err e;
	int rc, rcu;

	e.msg[0] = '\0';
	rc = cond_parse(src, &v, &c, &e);
	fuzz_note("condition (%s): %s", f->id, rc < 0 ? e.msg : "parsed");
	if (rc < 0) {
		FUZZ_CHECK(c == NULL && e.msg[0] != '\0');
	} else {
		FUZZ_CHECK(rc == 0);
		FUZZ_CHECK(c != NULL || src[strspn(src, " \t\n\v\f\r")] == '\0');
		cond_facts(c, check_fact, (void *)(uintptr_t)f);
		check_eval(f, c, seed, r1);
	}
	rcu = cond_parse(upper, &v, &cu, &e);
	FUZZ_CHECK(rcu == rc);
	if (rc == 0) {
		check_eval(f, cu, seed, r2);
		FUZZ_CHECK(memcmp(r1, r2, sizeof r1) == 0);
	}
	cond_free(c);
	cond_free(cu);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src, *upper;
	unsigned seed = 2166136261u;
	size_t nforms;
	const struct form *forms = fuzz_forms(&nforms);

	/* a condition is text: the bytes up to the first NUL */
	src = malloc(size + 1);
	upper = malloc(size + 1);
	FUZZ_CHECK(src && upper);
	memcpy(src, data, size);
	src[size] = '\0';
	for (size_t i = 0; i <= size; i++) {
		upper[i] = (char)toupper((unsigned char)src[i]);
		seed = (seed ^ (unsigned char)src[i]) * 16777619u;
	}
	for (size_t i = 0; i < nforms; i++)
		one(&forms[i], src, upper, seed);
	free(src);
	free(upper);
	return 0;
}
