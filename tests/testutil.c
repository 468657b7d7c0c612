/* testutil.c - helpers shared by the cmocka tests (see testutil.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/case.h"
#include "testutil.h"
#include "base/xalloc.h"

char *
tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	tmpl = xasprintf("%s/yjtest.XXXXXX", base);
	assert_non_null(mkdtemp(tmpl));
	return tmpl;
}

static int
tu_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	/* make it writable again: a test may have made it read-only */
	chmod(path, 0700);
	return remove(path);
}

void
tu_rmtree(const char *path)
{
	chmod(path, 0700);
	nftw(path, tu_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

void
tu_write(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	FILE *f;

	/* create one level of sub-directory if NAME has one */
	if (strchr(name, '/') != NULL) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
	free(path);
}

char *
tu_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	size_t n = 0, cap = 4096, got;

	if (f == NULL)
		return NULL;
	data = xmalloc(cap);
	while ((got = fread(data + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n < 2) {
			cap *= 2;
			data = xrealloc(data, cap);
		}
	}
	fclose(f);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

const char *
tu_env(const char *name)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0')
		fail_msg("environment variable %s is not set (run through make check)", name);
	return v;
}

char *
tu_forms_path(const char *name)
{
	return xasprintf("%s/%s", tu_env("YJINSPECT_FORMS"), name);
}

int
tu_setup_dir(void **state)
{
	*state = tu_tmpdir();
	return 0;
}

int
tu_teardown_dir(void **state)
{
	tu_rmtree(*state);
	free(*state);
	return 0;
}

char *
tu_replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	if (at == NULL)
		fail_msg("'%s' is not in the text to change", from);
	return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

void
tu_says(const char *msg, va_list needles)
{
	const char *needle;

	while ((needle = va_arg(needles, const char *)) != NULL)
		if (strstr(msg, needle) == NULL)
			fail_msg("message '%s' does not say '%s'", msg, needle);
}

static int stderr_saved = -1;
static char *stderr_path;

void
tu_stderr_begin(const char *path)
{
	int fd;

	assert_int_equal(stderr_saved, -1);	/* not nested */
	fflush(stderr);
	stderr_saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(stderr_saved >= 0 && fd >= 0);
	dup2(fd, 2);
	close(fd);
	stderr_path = xstrdup(path);
}

char *
tu_stderr_end(void)
{
	char *printed;

	fflush(stderr);
	dup2(stderr_saved, 2);
	close(stderr_saved);
	stderr_saved = -1;
	printed = tu_read(stderr_path, NULL);
	assert_non_null(printed);
	unlink(stderr_path);
	free(stderr_path);
	stderr_path = NULL;
	return printed;
}

void
tu_same_string(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

void
tu_same_case(const struct case_file *a, const struct case_file *b, const struct form *f)
{
	tu_same_string(a->path, b->path);
	tu_same_string(a->name, b->name);
	tu_same_string(a->reference, b->reference);
	tu_same_string(a->inspector, b->inspector);
	tu_same_string(a->created, b->created);
	assert_memory_equal(a->facts, b->facts, f->nfacts * sizeof *a->facts);
	for (size_t i = 0; i < f->nfacts; i++)
		tu_same_string(a->fact_text[i], b->fact_text[i]);
	assert_memory_equal(a->kq_answer, b->kq_answer, f->nkqs);
	assert_memory_equal(a->prompt_answer, b->prompt_answer, f->nprompts);
	for (size_t i = 0; i < f->nkqs; i++)
		tu_same_string(a->notes[i], b->notes[i]);
	for (size_t i = 0; i < f->nkqs + f->nprompts; i++) {
		char *x = stamp_text(&a->stamps[i]), *y = stamp_text(&b->stamps[i]);

		tu_same_string(x, y);
		free(x);
		free(y);
	}
}

static const char rate_forms[] =
"[framework]\n"
"id = t\n"
"title = \"test framework\"\n"
"rounding = %s\n"
"[fact.case_type]\nlabel = \"Case type\"\ntype = choice\nchoices = \"court oocd\"\n"
"choice.court = \"Court\"\nchoice.oocd = \"Out of court\"\n"
"[fact.flag]\nlabel = \"Flag\"\ntype = bool\n"
"[band.inadequate]\nlabel = \"Minority\"\nrating = \"Inadequate\"\nmin = 0\nscore = 0\n"
"[band.requires-improvement]\nlabel = \"Too few\"\nrating = \"Requires improvement\"\nmin = 50\nscore = 1\n"
"[band.good]\nlabel = \"Reasonable majority\"\nrating = \"Good\"\nmin = 65\nscore = 2\n"
"[band.outstanding]\nlabel = \"Large majority\"\nrating = \"Outstanding\"\nmin = 80\nscore = 3\n"
"[overall.inadequate]\nrating = \"Inadequate\"\nmin = 0\n"
"[overall.requires-improvement]\nrating = \"Requires improvement\"\nmin = 2\n"
"[overall.good]\nrating = \"Good\"\nmin = 4\n"
"[overall.outstanding]\nrating = \"Outstanding\"\nmin = 6\n"
"[domain.1]\nname = \"Org\"\n"
"[standard.1.1]\ndomain = 1\nname = \"Judged\"\nrating = judgement\n"
"[domain.2]\nname = \"Court\"\n"
"[standard.2.1]\ndomain = 2\nname = \"Assessment\"\nrating = cases\napplies = \"case_type == court\"\n"
"[kq.2.1.1]\nstandard = 2.1\ntext = \"Always?\"\n"
"[prompt.2.1.1.1]\nkq = 2.1.1\ntext = \"A prompt\"\nna = yes\n"
"[kq.2.1.2]\nstandard = 2.1\ntext = \"Flagged?\"\nrelevant = \"flag\"\n"
"[standard.2.2]\ndomain = 2\nname = \"Uncounted\"\nrating = cases\ncounted = no\napplies = \"case_type == court\"\n"
"[kq.2.2.1]\nstandard = 2.2\ntext = \"Other?\"\n";

char *
tu_rate_forms(const char *rounding)
{
	return xasprintf(rate_forms, rounding);
}

uint32_t
tu_crc32(const char *s, size_t len)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < len; i++) {
		c ^= (unsigned char)s[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
	}
	return c ^ 0xffffffffu;
}
