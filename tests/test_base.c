/* test_base.c - the base layer's one of each: the whole-file reader
 * (file.h). */
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

#include "base/file.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_whole, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_max, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_not_a_file, tu_setup_dir, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_read_fd, tu_setup_dir, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
