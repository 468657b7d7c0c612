/* test_esc.c - escaping, the INI writer and reader together: any text an
 * inspector types must come back byte for byte after esc -> iniw ->
 * save_file -> ini_load -> ini_get_text; and ini_load's refusals name the
 * file and the line. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/types.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "store/esc.h"
#include "store/ini.h"
#include "store/iniw.h"
#include "store/save.h"
#include "testutil.h"
#include "base/xalloc.h"


/* A small deterministic generator (tests must repeat exactly). */
static uint32_t rng_state;

static uint32_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Text of LEN bytes (no NUL) made of what hurts INI files most. */
static char *
hostile_text(size_t len, uint32_t seed)
{
	static const char *const pieces[] = {
		"\"", "\\", "\\x22", "\\n", "\n", "\r\n", "\t", ";", "#", "=",
		"[", "]", "'", " ", "  ", "\xc3\xa9", "\xe2\x80\x99",
		"\xf0\x9f\x98\x80", "\x7f", "\x01", "\xff", "abc", "Ünïcödé",
		"key = \"value\"", "[section]", "\\\\", "%s%n", "~2",
	};
	char *s = xmalloc(len + 1);
	size_t n = 0, plen;
	const char *p;

	rng_state = seed;
	while (n < len) {
		p = pieces[rng() % (sizeof pieces / sizeof pieces[0])];
		plen = strlen(p);
		if (plen > len - n)
			plen = len - n;
		memcpy(s + n, p, plen);
		n += plen;
	}
	s[len] = '\0';
	return s;
}

/* Every line of TEXT is under LIMIT bytes. */
static void
assert_lines_under(const char *text, size_t limit)
{
	const char *p = text, *nl;
	size_t len;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (len >= limit)
			fail_msg("a written line is %zu bytes: %.60s...", len, p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/*
 * Write VALUES[0..N) as keys v0, v1, ... of section [t] (through iniw and
 * save_file), load the file again and compare every value byte for byte.
 */
static void
roundtrip(const char *dir, const char *const *values, size_t n)
{
	struct iniw w;
	struct ini ini;
	struct err e;
	char *path = xasprintf("%s/rt.ini", dir), key[32], *got;
	size_t i, len;

	iniw_init(&w);
	iniw_comment(&w, "round trip test");
	iniw_section(&w, "t");
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "v%zu", i);
		iniw_str(&w, key, values[i]);
	}
	assert_lines_under(iniw_text(&w), 1000);
	if (save_file(path, iniw_text(&w), iniw_len(&w), &e) != 0)
		fail_msg("save_file: %s", e.msg);
	iniw_free(&w);

	if (ini_load(&ini, path, &e) != 0)
		fail_msg("ini_load: %s", e.msg);
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "v%zu", i);
		if (ini_get_text(&ini, "t", key, &got, &e) != 0)
			fail_msg("ini_get_text %s: %s", key, e.msg);
		assert_non_null(got);
		len = strlen(values[i]);
		if (strlen(got) != len || memcmp(got, values[i], len) != 0)
			fail_msg("value %zu (%zu bytes) came back as %zu bytes",
			    i, len, strlen(got));
		free(got);
	}
	ini_free(&ini);
	free(path);
}

static void
roundtrip1(const char *dir, const char *value)
{
	roundtrip(dir, &value, 1);
}

static void
check_encode(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	struct err e;

	esc_encode(&b, in);
	assert_string_equal(buf_str(&b), want);
	buf_reset(&b);
	assert_int_equal(esc_decode(&b, want, &e), 0);
	assert_string_equal(buf_str(&b), in);
	buf_free(&b);
}

static void
test_esc_encode_table(void **state)
{
	(void)state;
	check_encode("", "");
	check_encode("plain text, 100%", "plain text, 100%");
	check_encode("a\\b", "a\\\\b");
	check_encode("line1\nline2\r\n", "line1\\nline2\\r\\n");
	check_encode("say \"hi\"", "say \\x22hi\\x22");
	check_encode("tab\there", "tab\\x09here");
	check_encode("\x01\x1f\x7f", "\\x01\\x1f\\x7f");
	check_encode("; # = [ ] '", "; # = [ ] '");
	check_encode("caf\xc3\xa9 \xe2\x80\x99\xff", "caf\xc3\xa9 \xe2\x80\x99\xff");
	check_encode("\\x22", "\\\\x22");
	check_encode("  lead and trail \t", "  lead and trail \\x09");
}

static void
check_decode_error(const char *text, const char *want_in_msg)
{
	struct buf b = BUF_INIT;
	struct err e;

	e.msg[0] = '\0';
	if (esc_decode(&b, text, &e) != -1)
		fail_msg("'%s' decoded without error", text);
	if (strstr(e.msg, want_in_msg) == NULL)
		fail_msg("message for '%s' is '%s', wanted '%s' in it", text,
		    e.msg, want_in_msg);
	buf_free(&b);
	/* a NULL struct err is allowed */
	assert_int_equal(esc_decode(&b, text, NULL), -1);
	buf_free(&b);
}

static void
test_esc_decode_errors(void **state)
{
	struct buf b = BUF_INIT;
	struct err e;

	(void)state;
	check_decode_error("\\q", "\\q");
	check_decode_error("ab\\x4", "\\x4");
	check_decode_error("\\x", "incomplete");
	check_decode_error("\\x00", "NUL");
	check_decode_error("end\\", "lone");
	check_decode_error("\\xzz", "hex");
	check_decode_error("\\x0g", "hex");
	check_decode_error("\\ ", "0x20");
	check_decode_error("\\\"", "\\\"");
	check_decode_error("ok\\n then \\t", "byte 11");

	/* hex digits in either case */
	assert_int_equal(esc_decode(&b, "\\x4A\\x4a\\xFF", &e), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "JJ\xff", 3);
	buf_free(&b);
}

static void
test_esc_split_point(void **state)
{
	struct buf esc = BUF_INIT, whole = BUF_INIT, parts = BUF_INIT;
	struct err e;
	char *text = hostile_text(300, 7), *head;
	size_t max, p, len;

	(void)state;
	esc_encode(&esc, text);
	len = esc.len;
	assert_int_equal(esc_split_point(esc.data, len), len);
	assert_int_equal(esc_split_point(esc.data, len + 10), len);
	assert_int_equal(esc_split_point("", 5), 0);
	for (max = 4; max < len; max++) {
		p = esc_split_point(esc.data, max);
		assert_true(p <= max);
		assert_true(p + 6 >= max);	/* little is wasted */
		assert_true(p > 0);
		/* both halves decode, and together give the text */
		head = xstrndup(esc.data, p);
		buf_reset(&parts);
		if (esc_decode(&parts, head, &e) != 0 ||
		    esc_decode(&parts, esc.data + p, &e) != 0)
			fail_msg("split at %zu (max %zu) cut an escape: %s", p,
			    max, e.msg);
		assert_string_equal(buf_str(&parts), text);
		free(head);
	}
	/* never inside \xHH, \\ or \n */
	assert_int_equal(esc_split_point("ab\\x22cd", 3), 2);
	assert_int_equal(esc_split_point("ab\\x22cd", 5), 2);
	assert_int_equal(esc_split_point("ab\\x22cd", 6), 6);
	assert_int_equal(esc_split_point("a\\\\b", 2), 1);
	assert_int_equal(esc_split_point("a\\nb", 3), 3);
	/* not inside a UTF-8 character when it can help it */
	assert_int_equal(esc_split_point("ab\xe2\x80\x99z", 4), 2);
	assert_int_equal(esc_split_point("ab\xe2\x80\x99z", 5), 5);
	/* not UTF-8 at all: the escapes alone decide */
	assert_int_equal(esc_split_point("\\x41\x80\x80\x80\x80", 6), 6);
	free(text);
	buf_free(&esc);
	buf_free(&whole);
	buf_free(&parts);
}

static void
test_roundtrip_hostile(void **state)
{
	static const char *const values[] = {
		"",
		" ",
		"\t",
		"  leading and trailing spaces  ",
		"\tleading and trailing tabs\t",
		"\"",
		"\"\"",
		"\"quoted\"",
		"'single'",
		"it's",
		"; not a comment",
		"# not a comment",
		"a ; b # c",
		"key = value",
		"=",
		"==",
		"[section]",
		"[",
		"]",
		"\\",
		"\\\\",
		"ends in a backslash\\",
		"\\n is not a newline",
		"\\x22 is not a quote",
		"\\x00",
		"\\x",
		"\\q",
		"literal \"\\x22\" in the text",
		"\n",
		"\n\n\n",
		"\r",
		"\r\n",
		"line one\nline two\r\nline three\n",
		"caf\xc3\xa9 \xe2\x80\x98quoted\xe2\x80\x99 \xf0\x9f\x98\x80",
		"\xc3",			/* a broken UTF-8 sequence */
		"\xff\xfe\xfd",
		"\x7f",
		"\x01\x02\x03",
		"%s %n %d",
		"~2",
		"x~2 = \"y\"",
		("\xef\xbb\xbf" "BOM at the start"),
	};

	roundtrip(*state, values, sizeof values / sizeof values[0]);
}

static void
test_roundtrip_every_byte(void **state)
{
	char all[256], *one[255], *val;
	size_t i;

	/* every byte 0x01..0xff in one value */
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	roundtrip1(*state, all);

	/* and each byte alone, as 255 keys of one file */
	for (i = 0; i < 255; i++) {
		val = xmalloc(2);
		val[0] = (char)(i + 1);
		val[1] = '\0';
		one[i] = val;
	}
	roundtrip(*state, (const char *const *)one, 255);
	for (i = 0; i < 255; i++)
		free(one[i]);
}

static void
test_roundtrip_long_notes(void **state)
{
	char *note = hostile_text(10000, 42), *big;
	size_t i, nl = 0, quotes = 0;

	for (i = 0; note[i] != '\0'; i++) {
		nl += note[i] == '\n';
		quotes += note[i] == '"';
	}
	assert_true(nl > 100);
	assert_true(quotes > 100);
	roundtrip1(*state, note);

	/* 100,000 bytes, and a value escaping to exactly the chunk size */
	big = hostile_text(100000, 4242);
	roundtrip1(*state, big);
	free(big);
	big = xmalloc(INIW_CHUNK + 2);
	memset(big, 'q', INIW_CHUNK + 1);
	big[INIW_CHUNK + 1] = '\0';
	for (i = INIW_CHUNK - 1; i <= INIW_CHUNK + 1; i++) {
		big[i] = '\0';
		roundtrip1(*state, big);
		big[i] = 'q';
	}
	free(big);
	free(note);
}

/* A long value is stored as KEY, KEY~2, ... and read back joined. */
static void
test_iniw_split(void **state)
{
	struct iniw w;
	struct ini ini;
	struct err e;
	const struct ini_section *s;
	char *note = hostile_text(5000, 9), *path, *got;

	iniw_init(&w);
	iniw_section(&w, "notes");
	iniw_str(&w, "2.1.1", note);
	iniw_raw(&w, "after", "yes");
	assert_non_null(strstr(iniw_text(&w), "\n2.1.1 = \""));
	assert_non_null(strstr(iniw_text(&w), "\n2.1.1~2 = \""));
	assert_non_null(strstr(iniw_text(&w), "\n2.1.1~3 = \""));
	assert_lines_under(iniw_text(&w), 950);

	path = xasprintf("%s/split.ini", (char *)*state);
	tu_write(*state, "split.ini", iniw_text(&w));
	assert_int_equal(ini_load(&ini, path, &e), 0);
	s = ini_section(&ini, "notes");
	assert_non_null(s);
	/* continuation keys are not listed */
	assert_int_equal(s->nkeys, 2);
	assert_string_equal(s->keys[0].name, "2.1.1");
	assert_string_equal(s->keys[1].name, "after");
	assert_int_equal(ini_get_text(&ini, "notes", "2.1.1", &got, &e), 0);
	assert_string_equal(got, note);
	free(got);
	ini_free(&ini);
	iniw_free(&w);
	free(path);
	free(note);
}

static void
test_iniw_format(void **state)
{
	struct iniw w;

	(void)state;
	iniw_init(&w);
	assert_int_equal(iniw_len(&w), 0);
	assert_string_equal(iniw_text(&w), "");
	iniw_comment(&w, "yjinspect case file\nsecond line\n\nends here\\");
	iniw_section(&w, "Case");
	iniw_raw(&w, "format", "1");
	iniw_raw(&w, "framework", "yj-2019");
	iniw_raw(&w, "created", "2020-10-19T09:00:00Z");
	iniw_raw(&w, "word", "two words");
	iniw_raw(&w, "empty", "");
	iniw_str(&w, "Reference", "ST-C01");
	iniw_int(&w, "n", -42);
	iniw_section(&w, "answers");
	iniw_raw(&w, "2.1.1", "yes");
	assert_string_equal(iniw_text(&w),
	    "; yjinspect case file\n"
	    "; second line\n"
	    ";\n"
	    "; ends here\\ ;\n"
	    "\n"
	    "[case]\n"
	    "format = 1\n"
	    "framework = yj-2019\n"
	    "created = 2020-10-19T09:00:00Z\n"
	    "word = \"two words\"\n"
	    "empty = \"\"\n"
	    "reference = \"ST-C01\"\n"
	    "n = -42\n"
	    "\n"
	    "[answers]\n"
	    "2.1.1 = yes\n");
	assert_int_equal(iniw_len(&w), strlen(iniw_text(&w)));
	iniw_free(&w);
}

/* A misuse of the writer aborts (in a child process here) rather than
 * build a file that would not load again. */
enum misuse {
	M_DUP_SECTION, M_DUP_SECTION_CASE, M_DUP_KEY, M_DUP_KEY_RAW,
	M_KEY_FIRST, M_EMPTY_KEY, M_KEY_TILDE, M_KEY_SPACE, M_KEY_EQ,
	M_KEY_LONG, M_SECTION_COLON, M_SECTION_BRACKET, M_SECTION_NEWLINE,
	M_NONE
};

static void
misuse(enum misuse m)
{
	struct iniw w;
	char longkey[70];

	iniw_init(&w);
	if (m != M_KEY_FIRST)
		iniw_section(&w, "s");
	switch (m) {
	case M_DUP_SECTION:
		iniw_section(&w, "s");
		break;
	case M_DUP_SECTION_CASE:
		iniw_section(&w, "t");
		iniw_section(&w, "S");
		break;
	case M_DUP_KEY:
		iniw_str(&w, "k", "1");
		iniw_str(&w, "k2", "2");
		iniw_raw(&w, "K", "3");
		break;
	case M_DUP_KEY_RAW:
		iniw_int(&w, "k", 1);
		iniw_int(&w, "k", 2);
		break;
	case M_KEY_FIRST:
		iniw_str(&w, "k", "v");
		break;
	case M_EMPTY_KEY:
		iniw_str(&w, "", "v");
		break;
	case M_KEY_TILDE:
		iniw_str(&w, "k~2", "v");
		break;
	case M_KEY_SPACE:
		iniw_str(&w, "a b", "v");
		break;
	case M_KEY_EQ:
		iniw_str(&w, "a=b", "v");
		break;
	case M_KEY_LONG:
		memset(longkey, 'k', 65);
		longkey[65] = '\0';
		iniw_str(&w, longkey, "v");
		break;
	case M_SECTION_COLON:
		iniw_section(&w, "a:b");
		break;
	case M_SECTION_BRACKET:
		iniw_section(&w, "a]");
		break;
	case M_SECTION_NEWLINE:
		iniw_section(&w, "a\nb");
		break;
	case M_NONE:
		/* the same key in two sections is fine */
		iniw_str(&w, "k", "1");
		iniw_section(&w, "t");
		iniw_str(&w, "k", "1");
		iniw_str(&w, "k0", "1");
		break;
	}
	iniw_free(&w);
}

static void
test_iniw_misuse_aborts(void **state)
{
	enum misuse m;
	pid_t pid;
	int status, devnull;

	(void)state;
	for (m = M_DUP_SECTION; m <= M_NONE; m++) {
		fflush(NULL);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			devnull = open("/dev/null", O_WRONLY);
			dup2(devnull, 2);
			misuse(m);
			_exit(0);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (m == M_NONE) {
			assert_true(WIFEXITED(status));
			assert_int_equal(WEXITSTATUS(status), 0);
		} else if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT)
			fail_msg("misuse %d did not abort", (int)m);
	}
}

/* The writer never writes a line of 1,000 bytes or more. */
static void
test_iniw_line_limit(void **state)
{
	struct iniw w;
	struct ini ini;
	struct err e;
	char key[80], idx[16], *v, *path, *got;
	size_t i, len;

	iniw_init(&w);
	/* a very long comment line, of multi-byte characters */
	v = xmalloc(3 * 2000 + 1);
	for (i = 0; i < 2000; i++)
		memcpy(v + 3 * i, "\xe2\x80\x99", 3);
	v[3 * 2000] = '\0';
	iniw_comment(&w, v);
	free(v);
	iniw_section(&w, "s");
	rng_state = 1;
	for (i = 0; i < 300; i++) {
		/* keys up to the 64-byte maximum: kkk...kNNN */
		snprintf(idx, sizeof idx, "%zu", i);
		len = 1 + i % 64;
		if (len < strlen(idx))
			len = strlen(idx);
		memset(key, 'k', len - strlen(idx));
		strcpy(key + len - strlen(idx), idx);
		v = hostile_text(rng() % 5000, (uint32_t)i + 100);
		iniw_str(&w, key, v);
		free(v);
	}
	assert_lines_under(iniw_text(&w), 1000);

	/* and what it wrote loads */
	path = xasprintf("%s/limit.ini", (char *)*state);
	tu_write(*state, "limit.ini", iniw_text(&w));
	if (ini_load(&ini, path, &e) != 0)
		fail_msg("%s", e.msg);
	assert_int_equal(ini_section(&ini, "s")->nkeys, 300);
	assert_int_equal(ini_get_text(&ini, "s", "0", &got, &e), 0);
	free(got);
	ini_free(&ini);
	free(path);
	iniw_free(&w);
}

/* Many sections and keys: order, lines and values survive. */
static void
test_many_keys(void **state)
{
	struct iniw w;
	struct ini ini;
	struct err e;
	const struct ini_section *s;
	char sec[32], key[32], *val, *path, *got;
	size_t i, j;

	iniw_init(&w);
	for (i = 0; i < 20; i++) {
		snprintf(sec, sizeof sec, "sec.%zu", i);
		iniw_section(&w, sec);
		for (j = 0; j < 150; j++) {
			snprintf(key, sizeof key, "%zu.%zu", i, j);
			val = xasprintf("value \"%zu\" of\n[%s]\\", j, sec);
			iniw_str(&w, key, val);
			free(val);
		}
	}
	path = xasprintf("%s/many.ini", (char *)*state);
	if (save_file(path, iniw_text(&w), iniw_len(&w), &e) != 0)
		fail_msg("%s", e.msg);
	iniw_free(&w);

	assert_int_equal(ini_load(&ini, path, &e), 0);
	assert_int_equal(ini.nsecs, 20);
	for (i = 0; i < 20; i++) {
		snprintf(sec, sizeof sec, "sec.%zu", i);
		s = &ini.secs[i];
		assert_string_equal(s->name, sec);
		assert_ptr_equal(ini_section(&ini, sec), s);
		/* [sec.0] is line 1; each section adds 152 lines */
		assert_int_equal(s->line, 1 + 152 * (int)i);
		assert_int_equal(ini_line(&ini, sec, NULL), s->line);
		assert_int_equal(s->nkeys, 150);
		for (j = 0; j < 150; j++) {
			snprintf(key, sizeof key, "%zu.%zu", i, j);
			assert_string_equal(s->keys[j].name, key);
			assert_int_equal(s->keys[j].line, s->line + 1 + (int)j);
			assert_int_equal(ini_line(&ini, sec, key),
			    s->keys[j].line);
			assert_int_equal(ini_get_text(&ini, sec, key, &got, &e),
			    0);
			val = xasprintf("value \"%zu\" of\n[%s]\\", j, sec);
			assert_string_equal(got, val);
			free(val);
			free(got);
		}
	}
	ini_free(&ini);
	free(path);
}

/* Load NAME (written with TEXT) and expect a failure whose message holds
 * every one of the strings after TEXT; nothing may reach stderr. */
static void
expect_load_error(const char *dir, const char *name, const char *text, ...)
{
	struct ini ini;
	struct err e;
	char *path = xasprintf("%s/%s", dir, name);
	char *errpath = xasprintf("%s/stderr.txt", dir), *printed;
	va_list ap;
	int r;

	if (text != NULL)
		tu_write(dir, name, text);
	e.msg[0] = '\0';
	tu_stderr_begin(errpath);
	r = ini_load(&ini, path, &e);
	printed = tu_stderr_end();
	if (r != -1)
		fail_msg("%s loaded, but should not have", name);
	va_start(ap, text);
	tu_says(e.msg, ap);
	va_end(ap);
	/* the message names the file */
	assert_non_null(strstr(e.msg, path));
	assert_string_equal(printed, "");
	free(printed);
	free(errpath);
	free(path);
}

static void
test_load_errors(void **state)
{
	const char *dir = *state;
	char *line, *text, *sub;
	size_t n;

	/* a line of 1,000 bytes, as line 3 */
	line = xmalloc(1001);
	memset(line, 'x', 1000);
	memcpy(line, "note = \"", 8);
	line[999] = '"';
	line[1000] = '\0';
	text = xasprintf("[notes]\nok = 1\n%s\nafter = 2\n", line);
	expect_load_error(dir, "long.ini", text, "long.ini:3:", "1000 bytes",
	    NULL);
	free(text);
	/* 999 bytes is fine */
	line[998] = '"';
	line[999] = '\0';
	text = xasprintf("[notes]\nok = 1\n%s\nafter = 2\n", line);
	tu_write(dir, "ok999.ini", text);
	{
		struct ini ini;
		struct err e;
		char *p = xasprintf("%s/ok999.ini", dir);

		if (ini_load(&ini, p, &e) != 0)
			fail_msg("%s", e.msg);
		n = strlen(ini_get(&ini, "notes", "note"));
		assert_int_equal(n, 999 - 9);
		ini_free(&ini);
		free(p);
	}
	free(text);
	free(line);

	expect_load_error(dir, "dupsec.ini",
	    "[case]\nformat = 1\n\n[answers]\n2.1.1 = yes\n\n[Answers]\n",
	    "dupsec.ini:7:", "duplicate section [answers]", "line 4", NULL);
	expect_load_error(dir, "dupkey.ini",
	    "[answers]\n2.1.1 = yes\n2.1.2 = no\n; comment\n2.1.1 = no\n",
	    "dupkey.ini:5:", "[answers]", "duplicate key '2.1.1'", "line 2",
	    NULL);
	expect_load_error(dir, "garbage.ini",
	    "[answers]\n2.1.1 = yes\nthis is not ini\n",
	    "garbage.ini:3:", "this is not ini", NULL);
	expect_load_error(dir, "nosec.ini",
	    "; comment\n\nformat = 1\n[case]\n",
	    "nosec.ini:3:", "before any [section]", NULL);

	sub = xasprintf("%s/adir.ini", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	expect_load_error(dir, "adir.ini", NULL, "adir.ini: is a directory",
	    NULL);
	free(sub);
	expect_load_error(dir, "missing.ini", NULL,
	    "missing.ini: No such file or directory", NULL);
}

/* Damage in a stored value is an error, not a different text. */
static void
test_bad_escape_in_file(void **state)
{
	struct ini ini;
	struct err e;
	char *path = xasprintf("%s/bad.ini", (char *)*state), *got;
	static char unchanged[] = "unchanged";

	tu_write(*state, "bad.ini", "[notes]\n2.1.1 = \"ok\"\n"
	    "2.1.1~2 = \"broken \\q\"\n");
	assert_int_equal(ini_load(&ini, path, &e), 0);
	got = unchanged;
	assert_int_equal(ini_get_text(&ini, "notes", "2.1.1", &got, &e), -1);
	assert_null(got);
	assert_non_null(strstr(e.msg, path));
	assert_non_null(strstr(e.msg, "[notes] 2.1.1~2:"));
	assert_non_null(strstr(e.msg, "\\q"));
	ini_free(&ini);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_esc_encode_table),
		cmocka_unit_test(test_esc_decode_errors),
		cmocka_unit_test(test_esc_split_point),
		cmocka_unit_test(test_iniw_format),
		cmocka_unit_test(test_iniw_misuse_aborts),
		cmocka_unit_test_setup_teardown(test_roundtrip_hostile, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_roundtrip_every_byte,
		    tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_roundtrip_long_notes,
		    tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_iniw_split, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_iniw_line_limit, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_many_keys, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_load_errors, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_bad_escape_in_file, tu_setup_dir, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
