/* fuzz.c - what the fuzz harnesses share (see fuzz.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/form.h"
#include "fuzz.h"

static char dir[PATH_MAX];

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0)
		fprintf(stderr, "fuzz: cannot remove %s: %s\n", path, strerror(errno));
	return 0;
}

static void
cleanup(void)
{
	if (dir[0] != '\0')
		nftw(dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void
fuzz_note(const char *fmt, ...)
{
	static int verbose = -1;
	va_list ap;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (!verbose)
		return;
	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *
fuzz_dir(void)
{
	const char *tmp;

	if (dir[0] != '\0')
		return dir;
	tmp = getenv("TMPDIR");
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (snprintf(dir, sizeof dir, "%s/yjfuzz.XXXXXX", tmp) >= (int)sizeof dir ||
	    mkdtemp(dir) == NULL)
		fuzz_fail("cannot make a folder in %s: %s", tmp, strerror(errno));
	atexit(cleanup);
	return dir;
}

const char *
fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[PATH_MAX];
	const char *slash = strchr(name, '/');
	int fd;

	if (slash != NULL) {
		if (snprintf(path, sizeof path, "%s/%.*s", fuzz_dir(), (int)(slash - name),
		    name) >= (int)sizeof path)
			fuzz_fail("path too long: %s/%s", fuzz_dir(), name);
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			fuzz_fail("cannot make %s: %s", path, strerror(errno));
	}
	if (snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name) >= (int)sizeof path)
		fuzz_fail("path too long: %s/%s", fuzz_dir(), name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		fuzz_fail("cannot write %s: %s", path, strerror(errno));
	while (size > 0) {
		ssize_t n = write(fd, data, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fuzz_fail("cannot write %s: %s", path, strerror(errno));
		data += n;
		size -= (size_t)n;
	}
	if (close(fd) != 0)
		fuzz_fail("cannot write %s: %s", path, strerror(errno));
	return path;
}

const char *
fuzz_forms_dir(void)
{
	const char *env = getenv("YJINSPECT_FORMS");

	return env != NULL && *env != '\0' ? env : SRCDIR "/forms";
}

static const char *const fuzz_framework_ids[] = { "yj-2019", "yj-2021" };
#define FUZZ_NFORMS (sizeof fuzz_framework_ids / sizeof fuzz_framework_ids[0])
static struct form fuzz_loaded[FUZZ_NFORMS];

static void
fuzz_forms_free(void)
{
	for (size_t i = 0; i < FUZZ_NFORMS; i++)
		form_free(&fuzz_loaded[i]);
}

const struct form *
fuzz_forms(size_t *n)
{
	static int loaded;
	struct err e;

	if (!loaded) {
		for (size_t i = 0; i < FUZZ_NFORMS; i++)
			if (form_load_id(&fuzz_loaded[i], fuzz_forms_dir(), fuzz_framework_ids[i],
			    &e) < 0)
				fuzz_fail("%s", e.msg);
		loaded = 1;
		atexit(fuzz_forms_free);
	}
	*n = FUZZ_NFORMS;
	return fuzz_loaded;
}
