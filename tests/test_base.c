/* test_base.c - the base layer's one of each: the whole-file reader
 * (file.h), the hash table (hashtab.h), the UTF-8 cutter (text.h), and
 * messages that are never cut silently (err.h, problems.h). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/file.h"
#include "base/hash.h"
#include "base/hashtab.h"
#include "base/problems.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "testutil.h"

/* A file is read whole, its length counts a NUL inside it, and an empty
 * file is "" */
static void
test_read_whole(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/a", dir), *text;
	size_t len = 99;
	FILE *fp;

	tu_write(dir, "a", "");
	text = file_read(path, FILE_ANY_SIZE, 0, &len);
	assert_non_null(text);
	assert_string_equal(text, "");
	assert_int_equal(len, 0);
	free(text);

	fp = fopen(path, "w");
	assert_non_null(fp);
	for (int i = 0; i < 5000; i++)	/* several reads' worth */
		fputs("0123456789", fp);
	fputc('\0', fp);
	fputs("end", fp);
	fclose(fp);
	text = file_read(path, FILE_ANY_SIZE, 0, &len);
	assert_non_null(text);
	assert_int_equal(len, 50004);
	assert_int_equal(strlen(text), 50000);
	assert_string_equal(text + 50001, "end");
	free(text);
	free(path);
}

/* More than MAX: EFBIG, or the first MAX bytes with FILE_HEAD; exactly MAX
 * is read whole */
static void
test_read_max(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/b", dir), *text;
	size_t len;

	tu_write(dir, "b", "abcdefghij");
	errno = 0;
	assert_null(file_read(path, 9, 0, &len));
	assert_int_equal(errno, EFBIG);
	text = file_read(path, 10, 0, &len);
	assert_non_null(text);
	assert_string_equal(text, "abcdefghij");
	free(text);
	text = file_read(path, 4, FILE_HEAD, &len);
	assert_non_null(text);
	assert_string_equal(text, "abcd");
	assert_int_equal(len, 4);
	free(text);
	text = file_read(path, 0, FILE_HEAD, NULL);
	assert_non_null(text);
	assert_string_equal(text, "");
	free(text);
	free(path);
}

/* No file, a folder and a FIFO are refused at once with errno saying why
 * (the FIFO without waiting for a writer) */
static void
test_read_not_a_file(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/none", dir), *fifo = xasprintf("%s/fifo", dir);

	errno = 0;
	assert_null(file_read(path, FILE_ANY_SIZE, 0, NULL));
	assert_int_equal(errno, ENOENT);
	errno = 0;
	assert_null(file_read(dir, FILE_ANY_SIZE, 0, NULL));
	assert_int_equal(errno, EISDIR);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	errno = 0;
	assert_null(file_read(fifo, FILE_ANY_SIZE, 0, NULL));
	assert_int_equal(errno, EINVAL);
	free(path);
	free(fifo);
}

/* file_read_fd reads from where FD stands, leaves it open, and reads a
 * pipe too */
static void
test_read_fd(void **state)
{
	const char *dir = *state;
	char *path = xasprintf("%s/c", dir), *text;
	int fd, p[2];
	size_t len;

	tu_write(dir, "c", "head:tail");
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(lseek(fd, 5, SEEK_SET), 5);
	text = file_read_fd(fd, FILE_ANY_SIZE, 0, &len);
	assert_string_equal(text, "tail");
	assert_int_equal(len, 4);
	free(text);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);	/* still open */
	close(fd);

	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "piped", 5), 5);
	close(p[1]);
	text = file_read_fd(p[0], FILE_ANY_SIZE, 0, NULL);
	assert_string_equal(text, "piped");
	free(text);
	close(p[0]);

	fd = open(dir, O_RDONLY | O_DIRECTORY);	/* a read that fails */
	assert_true(fd >= 0);
	errno = 0;
	assert_null(file_read_fd(fd, FILE_ANY_SIZE, 0, &len));
	assert_int_equal(errno, EISDIR);
	close(fd);
	free(path);
}

/* Many names put and found again through several growths, a name put
 * again takes its new index, a name not there is HASHTAB_NONE; cleared it
 * is empty, and usable again after hashtab_free */
static void
test_hashtab(void **state)
{
	struct hashtab t = HASHTAB_INIT;
	char names[1000][16];

	(void)state;
	assert_int_equal(hashtab_get(&t, "x"), HASHTAB_NONE);
	for (size_t i = 0; i < 1000; i++) {
		snprintf(names[i], sizeof names[i], "k%zu", i);
		hashtab_put(&t, names[i], i);
	}
	assert_int_equal(t.n, 1000);
	assert_true(t.nslot >= 2000 && (t.nslot & (t.nslot - 1)) == 0);
	for (size_t i = 0; i < 1000; i++)
		assert_int_equal(hashtab_get(&t, names[i]), i);
	assert_int_equal(hashtab_get(&t, "k1000"), HASHTAB_NONE);
	assert_int_equal(hashtab_get(&t, "K1"), HASHTAB_NONE);	/* case counts */
	hashtab_put(&t, "k7", 70);	/* (another string, the same name) */
	assert_int_equal(hashtab_get(&t, "k7"), 70);
	assert_int_equal(t.n, 1000);
	hashtab_clear(&t);
	assert_int_equal(t.n, 0);
	assert_int_equal(hashtab_get(&t, "k1"), HASHTAB_NONE);
	hashtab_put(&t, names[1], 1);
	assert_int_equal(hashtab_get(&t, "k1"), 1);
	hashtab_free(&t);
	assert_int_equal(hashtab_get(&t, "k1"), HASHTAB_NONE);
	hashtab_put(&t, names[2], 2);
	assert_int_equal(hashtab_get(&t, "k2"), 2);
	hashtab_free(&t);
}

/* A table that ignores case finds a name in any case, as strcasecmp */
static void
test_hashtab_nocase(void **state)
{
	struct hashtab t = HASHTAB_INIT_NOCASE;

	(void)state;
	hashtab_reserve(&t, 100);
	assert_true(t.nslot >= 200);
	hashtab_put(&t, "Q2.1.a", 4);
	hashtab_put(&t, "q2.1.B", 5);
	assert_int_equal(hashtab_get(&t, "q2.1.A"), 4);
	assert_int_equal(hashtab_get(&t, "Q2.1.b"), 5);
	hashtab_put(&t, "Q2.1.A", 6);
	assert_int_equal(t.n, 2);
	assert_int_equal(hashtab_get(&t, "q2.1.a"), 6);
	assert_int_equal(hash_str_nocase("AbC"), hash_str("abc"));
	hashtab_free(&t);
}

/* text_cut steps back to a character's lead byte, and only to one */
static void
test_text_cut(void **state)
{
	(void)state;
	assert_int_equal(text_cut("abcdef", 3), 3);
	assert_int_equal(text_cut("ab\xe2\x80\x93" "cd", 3), 2);	/* inside the dash */
	assert_int_equal(text_cut("ab\xe2\x80\x93" "cd", 4), 2);
	assert_int_equal(text_cut("ab\xe2\x80\x93" "cd", 2), 2);	/* at its start */
	assert_int_equal(text_cut("ab\xe2\x80\x93" "cd", 5), 5);	/* after it */
	assert_int_equal(text_cut("\xe2\x80\x93", 1), 1);	/* nothing left: MAX */
	assert_int_equal(text_cut("ab\x80\x80" "cd", 3), 3);	/* not UTF-8: MAX */
}

/* text_copy: whole when it fits, else cut at a whole character and marked */
static void
test_text_copy(void **state)
{
	char b[8];

	(void)state;
	assert_int_equal(text_copy(b, sizeof b, "1234567"), 0);
	assert_string_equal(b, "1234567");
	assert_int_equal(text_copy(b, sizeof b, "12345678"), 1);
	assert_string_equal(b, "1234" TEXT_CUT);
	assert_int_equal(text_copy(b, sizeof b, "123\xc3\xa9" "5678"), 1);	/* é at 3-4 */
	assert_string_equal(b, "123" TEXT_CUT);
	assert_int_equal(text_copy(b, 3, "abcdef"), 1);	/* no room for the mark */
	assert_string_equal(b, "ab");
	assert_int_equal(text_copy(b, 1, "abcdef"), 1);
	assert_string_equal(b, "");
	/* a first character longer than the room: never half of it */
	assert_int_equal(text_copy(b, 2, "\xc3\xa9\xc3\xa9"), 1);
	assert_string_equal(b, "");
	assert_int_equal(text_copy(b, 5, "\xe2\x82\xac\xe2\x82\xac"), 1);
	assert_string_equal(b, TEXT_CUT);
}

/* A message longer than ERR_MAX (a long path) ends in ERR_CUT, cut at a
 * whole character; err_prefix's too; a short one is as it was given */
static void
test_err_long(void **state)
{
	struct buf path = BUF_INIT;
	struct err e;
	size_t n;

	(void)state;
	assert_int_equal(err_set(&e, "%s: %s", "a.ini", "cannot read"), -1);
	assert_string_equal(e.msg, "a.ini: cannot read");
	for (int i = 0; i < 400; i++)
		buf_adds(&path, "d\xc3\xa9/");	/* "dé/": 4 bytes, a 2-byte character */
	err_set(&e, "%s: cannot read: No such file", buf_str(&path));
	n = strlen(e.msg);
	assert_true(n < ERR_MAX);
	assert_true(n > ERR_MAX - 8);
	assert_string_equal(e.msg + n - strlen(ERR_CUT), ERR_CUT);
	assert_null(strchr(e.msg, '?'));	/* no half character made '?' */
	assert_memory_equal(e.msg, buf_str(&path), n - strlen(ERR_CUT) - 1);
	err_set(&e, "%s", "short");
	err_prefix(&e, buf_str(&path));
	n = strlen(e.msg);
	assert_true(n < ERR_MAX);
	assert_string_equal(e.msg + n - strlen(ERR_CUT), ERR_CUT);
	assert_null(strchr(e.msg, '?'));
	err_set(&e, "%s", "inner");
	err_prefix(&e, "outer");
	assert_string_equal(e.msg, "outer: inner");
	buf_free(&path);
}

/* A problem's message is kept whole, however long */
static void
test_problem_long(void **state)
{
	struct problems p = { 0 };
	struct buf path = BUF_INIT;

	(void)state;
	for (int i = 0; i < 1000; i++)
		buf_adds(&path, "dir/");
	problems_add(&p, PROBLEM_WARNING, "%s: left out", buf_str(&path));
	assert_int_equal(p.n, 1);
	assert_int_equal(strlen(p.v[0].msg), path.len + strlen(": left out"));
	problems_free(&p);
	buf_free(&path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_whole, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_max, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_not_a_file, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_fd, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test(test_hashtab),
		cmocka_unit_test(test_hashtab_nocase),
		cmocka_unit_test(test_text_cut),
		cmocka_unit_test(test_text_copy),
		cmocka_unit_test(test_err_long),
		cmocka_unit_test(test_problem_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
