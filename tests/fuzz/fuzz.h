/* fuzz.h - what the fuzz harnesses share (tests/fuzz/README.md).
 *
 * Each harness (fuzz_form.c, fuzz_case.c, fuzz_insp.c, fuzz_cond.c,
 * fuzz_journal.c) is one LLVMFuzzerTestOneInput that hands its input to a
 * real loader (or the journal's reader and writer) of the core,
 * through a real file where the loader reads files, then checks what came
 * back: on success every loaded structure is sane, on failure the error
 * names the file and nothing is left allocated. A broken check calls
 * fuzz_fail, which aborts: libFuzzer counts that as a crash and keeps the
 * input, and replay.c (make check) fails.
 *
 * The same harness objects are linked with libFuzzer's main
 * (--enable-fuzzing) or with replay.c's, which runs every seed and every
 * past crash once, with gcc or clang, with or without sanitizers.
 */
#ifndef YJ_FUZZ_H
#define YJ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's private directory, made on first use under $TMPDIR (or
 * /tmp) and removed, with everything in it, at exit. */
const char *fuzz_dir(void);

/* Write DATA to fuzz_dir()/NAME (NAME may be "sub/name": sub is made),
 * replacing what was there; returns the path (a static buffer). */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

/* The folder of framework files: $YJINSPECT_FORMS, else the source tree's
 * forms/. */
const char *fuzz_forms_dir(void);
/* The frameworks in fuzz_forms_dir (yj-2019 and yj-2021), loaded at the
 * first call and freed at exit; *N gets how many. A framework that does
 * not load fails the run. */
struct form;
const struct form *fuzz_forms(size_t *n);

/* With FUZZ_VERBOSE set in the environment, say (on stderr) what the
 * loader made of the input: loaded, or refused and why. */
void fuzz_note(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A check failed: say which and abort. */
void fuzz_fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#define FUZZ_CHECK(cond) do { \
	if (!(cond)) \
		fuzz_fail("%s:%d: check failed: %s", __FILE__, __LINE__, #cond); \
} while (0)

#endif
