/* test_ini.c - ini_load's pre-scan against iniparser 4.1's own reading:
 * line numbers, section and key lists, continuation lines and keys, and
 * the traps where iniparser would silently read something else. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "store/ini.h"
#include "testutil.h"
#include "base/xalloc.h"


/* Write TEXT (LEN bytes, may hold NUL) to DIR/t.ini and load it. */
static int
load_bytes(const char *dir, const char *text, size_t len, struct ini *ini,
    struct err *e)
{
	char *path = xasprintf("%s/t.ini", dir);
	FILE *f = fopen(path, "wb");
	int r;

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	e->msg[0] = '\0';
	r = ini_load(ini, path, e);
	free(path);
	return r;
}

static int
load(const char *dir, const char *text, struct ini *ini, struct err *e)
{
	return load_bytes(dir, text, strlen(text), ini, e);
}

static void
assert_has(const char *msg, const char *want)
{
	if (strstr(msg, want) == NULL)
		fail_msg("message '%s' does not hold '%s'", msg, want);
}

/* TEXT must be refused with every string after it in the message, and
 * with the file's name; nothing may be printed. */
static void
refused(const char *dir, const char *text, size_t len, ...)
{
	struct ini ini;
	struct err e;
	char *errpath = xasprintf("%s/stderr.txt", dir), *printed;
	va_list ap;
	int r;

	tu_stderr_begin(errpath);
	r = load_bytes(dir, text, len, &ini, &e);
	printed = tu_stderr_end();
	if (r != -1) {
		ini_free(&ini);
		fail_msg("loaded, but should not have: '%s'", text);
	}
	assert_has(e.msg, "/t.ini:");
	va_start(ap, len);
	tu_says(e.msg, ap);
	va_end(ap);
	assert_string_equal(printed, "");
	free(printed);
	free(errpath);
}

#define REFUSED(dir, text, ...) \
	refused(dir, text, sizeof(text) - 1, __VA_ARGS__, (const char *)NULL)

static void
test_ini_structure(void **state)
{
	struct ini ini;
	struct err e;
	const struct ini_section *s;
	char *got;

	if (load(*state,
	    "; a comment\r\n"				/* 1 */
	    "# another\n"				/* 2 */
	    "\n"					/* 3 */
	    "[Framework]\n"				/* 4 */
	    "ID = yj-2019   ; trailing comment\n"	/* 5 */
	    "  title = \"A; b # c = d\"   \n"		/* 6 */
	    "rounding=half-up\r\n"			/* 7 */
	    "\t[ fact.case_type ]\n"			/* 8 */
	    "label = 'Case type'\n"			/* 9 */
	    "empty =\n"					/* 10 */
	    "quoted_empty = \"\"\n"			/* 11 */
	    "note = \"part one \"\n"			/* 12 */
	    "note~2 = \"part two\"\n"			/* 13 */
	    "[empty]\n",				/* 14 */
	    &ini, &e) != 0)
		fail_msg("%s", e.msg);

	assert_int_equal(ini.nsecs, 3);
	s = &ini.secs[0];
	assert_string_equal(s->name, "framework");
	assert_int_equal(s->line, 4);
	assert_int_equal(s->nkeys, 3);
	assert_string_equal(s->keys[0].name, "id");
	assert_int_equal(s->keys[0].line, 5);
	assert_string_equal(s->keys[1].name, "title");
	assert_int_equal(s->keys[1].line, 6);
	assert_string_equal(s->keys[2].name, "rounding");
	assert_int_equal(s->keys[2].line, 7);

	s = ini_section(&ini, "fact.case_type");
	assert_ptr_equal(s, &ini.secs[1]);
	assert_int_equal(s->line, 8);
	assert_int_equal(s->nkeys, 4);	/* note~2 is not listed */
	assert_string_equal(s->keys[3].name, "note");
	assert_int_equal(ini_line(&ini, "fact.case_type", "note"), 12);
	assert_int_equal(ini_line(&ini, "fact.case_type", "nope"), 0);
	assert_int_equal(ini_line(&ini, "nope", NULL), 0);
	assert_int_equal(ini.secs[2].nkeys, 0);
	assert_null(ini_section(&ini, "nope"));

	/* values as iniparser reads them */
	assert_string_equal(ini_get(&ini, "framework", "id"), "yj-2019");
	assert_string_equal(ini_get(&ini, "framework", "title"),
	    "A; b # c = d");
	assert_string_equal(ini_get(&ini, "framework", "rounding"), "half-up");
	assert_string_equal(ini_get(&ini, "fact.case_type", "label"),
	    "Case type");
	assert_string_equal(ini_get(&ini, "fact.case_type", "empty"), "");
	assert_string_equal(ini_get(&ini, "fact.case_type", "quoted_empty"),
	    "");
	assert_null(ini_get(&ini, "framework", "nope"));
	assert_null(ini_get(&ini, "nope", "id"));

	/* joined, unescaped; absent is not an error */
	assert_int_equal(ini_get_text(&ini, "fact.case_type", "note", &got, &e),
	    0);
	assert_string_equal(got, "part one part two");
	free(got);
	got = e.msg;
	assert_int_equal(ini_get_text(&ini, "framework", "nope", &got, &e), 0);
	assert_null(got);
	assert_int_equal(ini_get_text(&ini, "framework", "id", &got, &e), 0);
	assert_string_equal(got, "yj-2019");
	free(got);
	ini_free(&ini);
}

/* iniparser 4.1 leaves backslashes in quoted values alone, which the
 * escaping relies on (4.2 and later unescape \" and \\ themselves). */
static void
test_ini_iniparser_keeps_backslashes(void **state)
{
	struct ini ini;
	struct err e;
	char *got;

	if (load(*state, "[s]\nv = \"a\\\\b\\x22c\\n\"\n", &ini, &e) != 0)
		fail_msg("%s", e.msg);
	assert_string_equal(ini_get(&ini, "s", "v"), "a\\\\b\\x22c\\n");
	assert_int_equal(ini_get_text(&ini, "s", "v", &got, &e), 0);
	assert_string_equal(got, "a\\b\"c\n");
	free(got);
	ini_free(&ini);
}

/* A line ending in '\' continues on the next, as in iniparser. */
static void
test_ini_continuation_lines(void **state)
{
	struct ini ini;
	struct err e;

	if (load(*state,
	    "[s]\n"			/* 1 */
	    "a = one \\\n"		/* 2 */
	    "  two\n"			/* 3 */
	    "b = x\\\n"			/* 4 */
	    "\n"			/* 5 */
	    "c = y\n"			/* 6 */
	    "d = \"p \\\n"		/* 7 */
	    "q\"\n",			/* 8 */
	    &ini, &e) != 0)
		fail_msg("%s", e.msg);
	assert_string_equal(ini_get(&ini, "s", "a"), "one   two");
	assert_int_equal(ini_line(&ini, "s", "a"), 2);
	assert_string_equal(ini_get(&ini, "s", "b"), "x");
	assert_int_equal(ini_line(&ini, "s", "b"), 4);
	assert_string_equal(ini_get(&ini, "s", "c"), "y");
	assert_int_equal(ini_line(&ini, "s", "c"), 6);
	assert_string_equal(ini_get(&ini, "s", "d"), "p q");
	assert_int_equal(ini_line(&ini, "s", "d"), 7);
	assert_int_equal(ini.secs[0].nkeys, 4);
	ini_free(&ini);

	/* a continued line counts as one for the length limit */
	{
		char *text = xmalloc(2000), *p = text;
		int i;

		p += sprintf(p, "[s]\nv = \"");
		for (i = 0; i < 3; i++) {
			memset(p, 'w', 400);
			p += 400;
			p += sprintf(p, "\\\n");
		}
		p += sprintf(p, "\"\n");
		refused(*state, text, (size_t)(p - text), "t.ini:2:",
		    "joined", (const char *)NULL);
		free(text);
	}
}

static void
test_ini_refusals(void **state)
{
	const char *dir = *state;

	/* what iniparser would get silently wrong */
	REFUSED(dir, "[s]\n; comment \\\na = 1\n", "t.ini:2:", "comment");
	REFUSED(dir, "[s]\na = 1\nb = x \\", "t.ini:3:", "last line");
	REFUSED(dir, "[s]\na = 1\nb = x \\\n", "t.ini:3:", "last line");
	REFUSED(dir, "[s]\na = \"v\0zz\"\nb = 2\n", "t.ini:2:", "NUL");
	REFUSED(dir, "\xef\xbb\xbf[s]\na = 1\n", "t.ini:1:", "byte order");
	REFUSED(dir, "[s]\na = \"open\n", "t.ini:2:", "[s] a",
	    "closing quote");
	REFUSED(dir, "[s]\na = 'open\n", "t.ini:2:", "closing quote");
	REFUSED(dir, "[s]\na = \"a\"junk\n", "t.ini:2:", "after");
	REFUSED(dir, "[s]\na = \"a\\\"b\"\n", "t.ini:2:", "after");
	REFUSED(dir, "[s]\na=1\n[]\na=2\n", "t.ini:3:", "section name");
	REFUSED(dir, "[s]x]\na=1\n", "t.ini:1:", "section name");
	REFUSED(dir, "[s:t]\na=1\n", "t.ini:1:", "section name");
	REFUSED(dir, "[s] ; comment\na=1\n", "t.ini:1:", "[name]");
	REFUSED(dir, "[s\na=1\n", "t.ini:1:", "[name]");
	REFUSED(dir, "[s]\n= 1\n", "t.ini:2:", "key = value");
	REFUSED(dir, "[s]\nx", "t.ini:2:", "key = value");
	/* continuation keys need their key and every one before them */
	REFUSED(dir, "[s]\nnote~2 = \"b\"\n", "t.ini:2:", "note~2",
	    "note is missing");
	REFUSED(dir, "[s]\nnote = \"a\"\nnote~3 = \"c\"\n", "t.ini:3:",
	    "note~2 is missing");
	REFUSED(dir, "[s]\nnote = \"a\"\n[t]\nnote~2 = \"b\"\n", "t.ini:4:");
	REFUSED(dir, "[s]\nnote~1 = \"a\"\n", "t.ini:2:", "'~'");
	REFUSED(dir, "[s]\nnote~02 = \"a\"\n", "t.ini:2:", "'~'");
	REFUSED(dir, "[s]\nno~te = \"a\"\n", "t.ini:2:", "'~'");
	/* duplicates, lower-cased as iniparser does */
	REFUSED(dir, "[s]\nKey = 1\nkey = 2\n", "t.ini:3:", "'key'",
	    "line 2");
	REFUSED(dir, "[s]\nnote = 1\nnote~2 = 2\nnote~2 = 3\n", "t.ini:4:");
	REFUSED(dir, "[S]\n[ s ]\n", "t.ini:2:", "[s]", "line 1");
}

/* A file that is fine apart from one line must not load in part. */
static void
test_ini_nothing_on_failure(void **state)
{
	struct ini ini;
	struct err e;

	assert_int_equal(load(*state, "[a]\nx = 1\n[b]\ny = 2\n[a]\n", &ini,
	    &e), -1);
	assert_null(ini.secs);
	assert_int_equal(ini.nsecs, 0);
	assert_null(ini.dict);
	assert_null(ini.path);
	ini_free(&ini);		/* harmless */

	/* and loading works again after a failure (error callback reset) */
	assert_int_equal(load(*state, "[a]\nx = 1\n", &ini, &e), 0);
	assert_string_equal(ini_get(&ini, "a", "x"), "1");
	ini_free(&ini);
}

static void
test_ini_empty_file(void **state)
{
	struct ini ini;
	struct err e;

	assert_int_equal(load(*state, "", &ini, &e), 0);
	assert_int_equal(ini.nsecs, 0);
	assert_null(ini_get(&ini, "a", "b"));
	ini_free(&ini);
	assert_int_equal(load(*state, "; only a comment\n\n", &ini, &e), 0);
	assert_int_equal(ini.nsecs, 0);
	ini_free(&ini);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ini_structure, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(
		    test_ini_iniparser_keeps_backslashes, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_ini_continuation_lines,
		    tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_ini_refusals, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_ini_nothing_on_failure,
		    tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_ini_empty_file, tu_setup_dir, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
