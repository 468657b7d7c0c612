/*
 * test_symbol.c - the two sets of marks (symbol.h): within each set no two
 * meanings share a mark, nor marks that differ only in case (X and x), none is empty, the ASCII set is ASCII only, each
 * UTF-8 mark is read back as its ASCII one where only ASCII can be shown,
 * the bands map in order, and the prompts legend names every letter.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "base/symbol.h"

static void
distinct_in_each_set(void **state)
{
	(void)state;
	for (int set = 0; set < 2; set++)
		for (int i = 0; i < SYM_COUNT; i++) {
			const char *a = symbol(set, (enum symbol)i);

			assert_true(a[0] != '\0');
			assert_true(symbol_meaning((enum symbol)i)[0] != '\0');
			for (int j = i + 1; j < SYM_COUNT; j++)
				if (strcasecmp(a, symbol(set, (enum symbol)j)) == 0)
					fail_msg("set %d: '%s' means both %s and %s", set, a,
					    symbol_meaning((enum symbol)i),
					    symbol_meaning((enum symbol)j));
		}
}

/* what a terminal that takes only ASCII draws for the UTF-8 marks written
 * in the program's text (tui_put) */
static void
ascii_is_ascii_and_read_back(void **state)
{
	(void)state;
	for (int i = 0; i < SYM_COUNT; i++) {
		const char *a = symbol(0, (enum symbol)i), *u = symbol(1, (enum symbol)i);
		size_t len = 0;
		const char *back;

		for (const char *p = a; *p; p++)
			assert_true((unsigned char)*p < 0x80);
		back = symbol_ascii_for(u, &len);
		if ((unsigned char)u[0] < 0x80) {
			assert_null(back);	/* ASCII in both sets: the same */
			assert_string_equal(a, u);
			continue;
		}
		assert_non_null(back);
		assert_int_equal(len, strlen(u));
		assert_string_equal(back, a);
	}
	assert_null(symbol_ascii_for("plain", &(size_t){ 0 }));
}

static void
bands(void **state)
{
	(void)state;
	for (int set = 0; set < 2; set++) {
		assert_string_equal(symbol_band(set, 0), symbol(set, SYM_BAND0));
		assert_string_equal(symbol_band(set, 3), symbol(set, SYM_BAND3));
		assert_string_equal(symbol_band(set, 7), symbol(set, SYM_BAND3));
		assert_string_equal(symbol_band(set, -1), symbol(set, SYM_NO_BAND));
		assert_string_equal(symbol_band(set, -2), symbol(set, SYM_NO_BAND));
	}
	/* the ASCII band marks are not the evidence-moved mark (issue 23) */
	for (int b = 0; b < 4; b++)
		assert_string_not_equal(symbol_band(0, b), symbol(0, SYM_STALE));
	assert_string_equal(symbol(2, SYM_COUNT), "");
}

static void
prompts_legend(void **state)
{
	char out[200], tiny[8];

	(void)state;
	symbol_prompts_legend(0, out, sizeof out);
	assert_string_equal(out, "Y yes  N no  / n/a  ? unanswered  . does not apply");
	symbol_prompts_legend(0, tiny, sizeof tiny);
	assert_int_equal(strlen(tiny), sizeof tiny - 1);	/* cut, terminated */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distinct_in_each_set),
		cmocka_unit_test(ascii_is_ascii_and_read_back),
		cmocka_unit_test(bands),
		cmocka_unit_test(prompts_legend),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
