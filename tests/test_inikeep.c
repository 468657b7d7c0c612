/* test_inikeep.c - a person's comments put back into a file written anew:
 * where each block goes, what is never put back, and lines that would
 * not read back made ones that do. (Through case saves: test_case.c.) */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "store/ini.h"
#include "store/inikeep.h"
#include "testutil.h"
#include "base/xalloc.h"

static const char NEW[] = "; the writer's\n[a]\nx = 1\nlong = \"1\"\nlong~2 = \"2\"\n\n[b]\ny = 2\n";

/* inikeep(OLD, NEW, SKIP) is WANT (NULL: nothing to put back) */
static void
kept(const char *old, const char *skip, const char *want)
{
	size_t len = 0;
	char *got = inikeep(old, NEW, skip, &len);

	tu_same_string(got, want);
	if (got != NULL)
		assert_int_equal(len, strlen(got));
	free(got);
}

static void
test_nothing_to_keep(void **state)
{
	(void)state;
	kept(NULL, NULL, NULL);
	kept("", NULL, NULL);
	kept("[a]\nx = 1\n", NULL, NULL);
	kept("; the writer's\n[a]\nx = 1\n", NULL, NULL);
	kept("#   the writer's  \n[a]\n", NULL, NULL);	/* ';' or '#', spaces aside */
	kept("[b]\n; left out\ny = 2\n", "; left out\n", NULL);
}

static void
test_places(void **state)
{
	(void)state;
	/* before a section, a key, KEY~N (KEY's), at the end of the file */
	kept("; s\n[a]\n; k\nx = 1\nlong = \"1\"\n; c\nlong~2 = \"2\"\n[b]\ny = 3\n; end\n", NULL,
	    "; the writer's\n; s\n[a]\n; k\nx = 1\n; c\nlong = \"1\"\nlong~2 = \"2\"\n\n[b]\ny = 2\n"
	    "; end\n");
	/* a blank line, then a section: the end of the section it is in */
	kept("[a]\nx = 1\n; of a\n\n[b]\n", NULL,
	    "; the writer's\n[a]\nx = 1\nlong = \"1\"\nlong~2 = \"2\"\n; of a\n\n[b]\ny = 2\n");
	/* a key gone: its section's end; a section gone: the file's */
	kept("[a]\n; gone\nz = 1\n[c]\n; c's\nw = 1\n", NULL,
	    "; the writer's\n[a]\nx = 1\nlong = \"1\"\nlong~2 = \"2\"\n; gone\n\n[b]\ny = 2\n"
	    "; c's\n");
	/* names as iniparser reads them: trimmed, any case */
	kept("[ B ]\n# upper\n  Y  = 2\n", NULL,
	    "; the writer's\n[a]\nx = 1\nlong = \"1\"\nlong~2 = \"2\"\n\n[b]\n# upper\ny = 2\n");
}

static void
test_after_value(void **state)
{
	(void)state;
	kept("[a]\nx = yes ; checked\nlong = \"a;b\" # quoted\n[b]\ny = 'c#d'\n", NULL,
	    "; the writer's\n[a]\n; checked\nx = 1\n# quoted\nlong = \"1\"\nlong~2 = \"2\"\n\n[b]\n"
	    "y = 2\n");
	/* a value going on over the next line ('\'): that line is the value's */
	kept("[b]\ny = ab\\\n; not a comment\n", NULL, NULL);
}

/* What is put back reads back: no control byte, no final '\', no line of
 * 1,000 bytes */
static void
test_reads_back(void **state)
{
	char *dir = *state, *path = xasprintf("%s/k.ini", dir), *got;
	struct buf old = BUF_INIT;
	struct ini ini;
	struct err e;
	size_t len;

	buf_adds(&old, "[a]\n; tab\tbell\a ends in \\\n; ");
	for (int i = 0; i < 2500; i++)
		buf_adds(&old, i % 2 ? "é" : "x");
	buf_adds(&old, "\n");
	got = inikeep(buf_str(&old), NEW, NULL, &len);
	assert_non_null(got);
	assert_non_null(strstr(got, "; tab\tbell  ends in \\ ;\n"));
	for (const char *l = got, *nl; *l; l = nl + 1) {
		nl = strchr(l, '\n');
		assert_non_null(nl);
		assert_true(nl - l <= INIKEEP_LINE_MAX);
	}
	tu_write(dir, "k.ini", got);
	if (ini_load(&ini, path, &e) < 0)
		fail_msg("%s", e.msg);
	ini_free(&ini);
	/* and is kept once by the next save */
	{
		char *again = inikeep(got, NEW, NULL, &len);

		assert_string_equal(again, got);
		free(again);
	}
	free(got);
	buf_free(&old);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_to_keep),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_after_value),
		cmocka_unit_test_setup_teardown(test_reads_back, tu_setup_dir, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
