/* test_cond.c - the relevance condition language: parsing, errors,
 * three-valued evaluation. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/cond.h"

/* Facts: 0 case_type (court, oocd, resettlement), 1 flag (bool), 2 other (bool). */
static int
fact(const void *ctx, const char *name, int *is_bool)
{
	(void)ctx;
	*is_bool = strcmp(name, "case_type") != 0;
	if (strcmp(name, "case_type") == 0)
		return 0;
	if (strcmp(name, "flag") == 0)
		return 1;
	if (strcmp(name, "other") == 0)
		return 2;
	return -1;
}

static int
value(const void *ctx, int f, const char *v)
{
	static const char *const ct[] = { "court", "oocd", "resettlement" };
	static const char *const yn[] = { "no", "yes" };

	(void)ctx;
	for (int i = 0; i < (f == 0 ? 3 : 2); i++)
		if (strcmp(v, f == 0 ? ct[i] : yn[i]) == 0)
			return i;
	return -1;
}

static const struct cond_vocab vocab = { NULL, fact, value };

static enum cond_value
eval(const char *src, int ct, int flag, int other)
{
	struct cond *c;
	struct err e;
	int facts[3] = { ct, flag, other };
	enum cond_value v;

	if (cond_parse(src, &vocab, &c, &e) < 0)
		fail_msg("'%s': %s", src, e.msg);
	v = cond_eval(c, facts);
	cond_free(c);
	return v;
}

static void
test_eval(void **state)
{
	(void)state;
	assert_int_equal(eval("", 0, 0, 0), COND_TRUE);
	assert_int_equal(eval("   ", COND_UNSET, 0, 0), COND_TRUE);
	assert_int_equal(eval("flag", 0, 1, 0), COND_TRUE);
	assert_int_equal(eval("flag", 0, 0, 0), COND_FALSE);
	assert_int_equal(eval("flag == yes", 0, 1, 0), COND_TRUE);
	assert_int_equal(eval("case_type == court", 0, 0, 0), COND_TRUE);
	assert_int_equal(eval("case_type != court", 0, 0, 0), COND_FALSE);
	assert_int_equal(eval("case_type in (oocd, resettlement)", 2, 0, 0), COND_TRUE);
	assert_int_equal(eval("case_type in (oocd,resettlement)", 0, 0, 0), COND_FALSE);
	assert_int_equal(eval("not flag", 0, 0, 0), COND_TRUE);
	assert_int_equal(eval("flag or other", 0, 0, 1), COND_TRUE);
	assert_int_equal(eval("flag and other", 0, 1, 0), COND_FALSE);
	/* and binds tighter than or */
	assert_int_equal(eval("flag or other and case_type == oocd", 0, 1, 0), COND_TRUE);
	assert_int_equal(eval("(flag or other) and case_type == oocd", 0, 1, 0), COND_FALSE);
	assert_int_equal(eval("NOT Flag AND Case_Type == COURT", 0, 0, 0), COND_TRUE);
}

static void
test_unknown(void **state)
{
	(void)state;
	assert_int_equal(eval("flag", 0, COND_UNSET, 0), COND_UNKNOWN);
	assert_int_equal(eval("not flag", 0, COND_UNSET, 0), COND_UNKNOWN);
	assert_int_equal(eval("flag and other", 0, COND_UNSET, 0), COND_FALSE);
	assert_int_equal(eval("flag and other", 0, COND_UNSET, 1), COND_UNKNOWN);
	assert_int_equal(eval("flag or other", 0, COND_UNSET, 1), COND_TRUE);
	assert_int_equal(eval("flag or other", 0, COND_UNSET, 0), COND_UNKNOWN);
	assert_int_equal(eval("case_type == court", COND_UNSET, 0, 0), COND_UNKNOWN);
}

static void
bad(const char *src, const char *needle)
{
	struct cond *c = (struct cond *)&c;
	struct err e;

	assert_int_equal(cond_parse(src, &vocab, &c, &e), -1);
	assert_null(c);
	if (strstr(e.msg, needle) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", src, e.msg, needle);
}

static void
test_errors(void **state)
{
	(void)state;
	bad("flags", "unknown fact 'flags' at column 1");
	bad("flag and", "expected a fact at end");
	bad("flag flag", "expected 'and', 'or' or the end at column 6");
	bad("(flag", "expected ')' at end");
	bad("case_type == crown", "'crown' is not a value");
	bad("case_type", "is not yes/no");
	bad("case_type in court", "expected '(' after 'in'");
	bad("case_type in (court oocd)", "expected ',' or ')'");
	bad("flag = yes", "unexpected '='");
	bad("flag && other", "unexpected '&'");
	bad("and", "expected a fact");
}

/* SRC made of PREFIX N times, then MIDDLE, then SUFFIX N times */
static char *
repeat(const char *prefix, int n, const char *middle, const char *suffix)
{
	size_t lp = strlen(prefix), lm = strlen(middle), ls = strlen(suffix);
	char *s = malloc((lp + ls) * (size_t)n + lm + 1), *p = s;

	assert_non_null(s);
	for (int i = 0; i < n; i++, p += lp)
		memcpy(p, prefix, lp);
	memcpy(p, middle, lm);
	p += lm;
	for (int i = 0; i < n; i++, p += ls)
		memcpy(p, suffix, ls);
	*p = '\0';
	return s;
}

/* A forms value can be any length (continuation keys): a condition too
 * deep or too long is refused, never a stack overflow. */
static void
test_limits(void **state)
{
	char *s;

	(void)state;
	s = repeat("(", COND_DEPTH_MAX, "flag", ")");
	assert_int_equal(eval(s, 0, 1, 0), COND_TRUE);
	free(s);
	s = repeat("not ", COND_DEPTH_MAX, "flag", "");
	assert_int_equal(eval(s, 0, 1, 0), COND_TRUE);
	free(s);
	s = repeat("(", COND_DEPTH_MAX + 1, "flag", ")");
	bad(s, "nested too deeply");
	free(s);
	s = repeat("not (", COND_DEPTH_MAX / 2 + 1, "flag", ")");
	bad(s, "nested too deeply");
	free(s);
	s = repeat("(", 100000, "flag", ")");
	bad(s, "nested too deeply at column 33");
	free(s);
	s = repeat("not ", 100000, "flag", "");
	bad(s, "nested too deeply");
	free(s);
	s = repeat("flag and ", COND_NODES_MAX / 2 - 1, "flag", "");	/* 255 */
	assert_int_equal(eval(s, 0, 1, 0), COND_TRUE);
	free(s);
	s = repeat("flag or ", COND_NODES_MAX / 2, "flag", "");	/* 257 */
	bad(s, "condition too long");
	free(s);
	s = repeat("other or flag and ", 100000, "flag", "");
	bad(s, "condition too long");
	free(s);
}

static void
collect(void *arg, int f)
{
	int *seen = arg;

	seen[f]++;
}

static void
test_facts_used(void **state)
{
	struct cond *c;
	struct err e;
	int seen[3] = { 0, 0, 0 };

	(void)state;
	assert_int_equal(cond_parse("flag and (case_type == oocd or not flag)", &vocab, &c, &e), 0);
	cond_facts(c, collect, seen);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], 2);
	assert_int_equal(seen[2], 0);
	cond_free(c);
}

static void
on_fact(void *arg, int f)
{
	int *mask = arg;

	*mask |= 1 << f;
}

/* The facts that make "A and B" false: only the false side's */
static int
why_false_facts(const char *src, int ct, int flag, int other)
{
	struct cond *c;
	struct err e;
	int facts[3] = { ct, flag, other }, mask = 0;

	if (cond_parse(src, &vocab, &c, &e) < 0)
		fail_msg("'%s': %s", src, e.msg);
	cond_facts(cond_why_false(c, facts), on_fact, &mask);
	cond_free(c);
	return mask;
}

static void
test_why_false(void **state)
{
	(void)state;
	/* flag yes, other no: other alone rules "flag and other" out */
	assert_int_equal(why_false_facts("flag and other", 0, 1, 0), 1 << 2);
	assert_int_equal(why_false_facts("flag and other", 0, 0, 1), 1 << 1);
	/* both false: the first */
	assert_int_equal(why_false_facts("flag and other", 0, 0, 0), 1 << 1);
	/* nested */
	assert_int_equal(why_false_facts("case_type == court and (flag and other)", 0, 1, 0), 1 << 2);
	/* an "or" is false only with both sides: both */
	assert_int_equal(why_false_facts("flag or other", 0, 0, 0), (1 << 1) | (1 << 2));
	/* not false: the whole condition */
	assert_int_equal(why_false_facts("flag and other", 0, 1, 1), (1 << 1) | (1 << 2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eval),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_facts_used),
		cmocka_unit_test(test_why_false),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
