/* testutil.h - small helpers shared by the cmocka tests. */
#ifndef YJ_TESTUTIL_H
#define YJ_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

/* A fresh private directory under $TMPDIR (or /tmp); free() the result.
 * tu_rmtree removes it again. Tests never write into the source tree. */
char *tu_tmpdir(void);
void tu_rmtree(const char *path);

/* cmocka setup/teardown for a test whose state is just a fresh private
 * directory (a char *). */
int tu_setup_dir(void **state);
int tu_teardown_dir(void **state);

/* TEXT with its first FROM replaced by TO (FROM must be there); free it. */
char *tu_replace(const char *text, const char *from, const char *to);
/* MSG must contain each of the strings in NEEDLES (ended by NULL). */
void tu_says(const char *msg, va_list needles);

/* Write TEXT to DIR/NAME (creating DIR/NAME's parent if it is DIR/sub/x). */
void tu_write(const char *dir, const char *name, const char *text);
/* The whole file, NUL-terminated (NULL if unreadable); free() it. */
char *tu_read(const char *path, size_t *len);

/* An environment variable, or the test fails. */
const char *tu_env(const char *name);
/* $YJINSPECT_FORMS/NAME; free() the result. */
char *tu_forms_path(const char *name);

/* Catch what is written to stderr from now on in the file at PATH, until
 * tu_stderr_end, which puts stderr back and returns what was written (free
 * it). For checking that the code under test prints nothing. */
void tu_stderr_begin(const char *path);
char *tu_stderr_end(void);

/* A and B (cases of framework F) hold the same: path, reference, facts,
 * answers, notes and stamps; the test fails where they differ. */
struct case_file;
struct form;
void tu_same_case(const struct case_file *a, const struct case_file *b,
		  const struct form *f);
/* The forms file of a small framework (id t) for rating tests, with the
 * rounding rule ROUNDING: s.2.1 counted (2.1.2 only where 'flag' is yes),
 * s.2.2 not counted, s.1.1 judgement-rated; overall bands at 0, 2, 4, 6.
 * free() it. */
char *tu_rate_forms(const char *rounding);

/* A and B are equal strings, or both NULL. */
void tu_same_string(const char *a, const char *b);

/* The CRC-32 of S[0..LEN) as a journal line ends in it, worked out here
 * apart from the store's own, so a test writes lines as an outsider would. */
uint32_t tu_crc32(const char *s, size_t len);

#endif
