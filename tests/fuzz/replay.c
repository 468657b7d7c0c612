/* replay.c - make check's run of a fuzz harness without libFuzzer.
 *
 *   replay_HARNESS [FILE|DIR...]
 *   replay_HARNESS --seeds
 *
 * Hands each input once to the harness's LLVMFuzzerTestOneInput (linked
 * in: the same object the libFuzzer build uses). With no arguments the
 * inputs are the harness's seeds, found under $top_srcdir (else the
 * source tree this was built from): the files of the source tree it
 * was made for (forms, fixtures: see SEEDS below), its hand-made seeds in
 * tests/fuzz/corpus/HARNESS/ and every input that once crashed it, in
 * tests/fuzz/regress/HARNESS/. --seeds lists those files (run.sh starts
 * a fuzzing run from them).
 *
 * Each input runs in a child process, so that a crash, an abort (a
 * harness check), a sanitizer report, a leak (LeakSanitizer exits non-zero)
 * or a hang (over a minute) fails that input alone, named, and the rest
 * still run. The closing lines are cmocka's: "[  PASSED  ] N test(s)." and
 * "[  FAILED  ] N test(s), listed below:". The children's temporary files
 * go into one private folder, removed at the end.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

#ifndef FUZZ_HARNESS
#error "FUZZ_HARNESS (form, case, insp, cond or journal) must be defined"
#endif

#define REPLAY_TIMEOUT 60	/* seconds one input may take */

/* The source tree's own files that are seeds, by harness (glob patterns
 * under the top of the source tree). */
static const struct {
	const char *harness;
	const char *globs[3];
} SEEDS[] = {
	{ "form", { "forms/*.ini", NULL } },
	{ "case", { "tests/fixtures/*/cases/*.ini", NULL } },
	{ "insp", { "tests/fixtures/*/inspection.ini", NULL } },
	{ "cond", { NULL } },
	{ "journal", { NULL } },
};

struct list {
	char **v;
	size_t n;
};

static void
add(struct list *l, const char *path)
{
	l->v = realloc(l->v, (l->n + 1) * sizeof *l->v);
	if (l->v == NULL || (l->v[l->n] = strdup(path)) == NULL) {
		perror("replay");
		exit(99);
	}
	l->n++;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* PATH, or the files in the folder PATH (sorted; a missing folder has none
 * when MAY_BE_MISSING). */
static void
add_path(struct list *l, const char *path, int may_be_missing)
{
	struct stat st;
	struct dirent *de;
	struct list here = { NULL, 0 };
	DIR *d;

	if (stat(path, &st) != 0) {
		if (may_be_missing && errno == ENOENT)
			return;
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(99);
	}
	if (!S_ISDIR(st.st_mode)) {
		add(l, path);
		return;
	}
	if ((d = opendir(path)) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(99);
	}
	while ((de = readdir(d)) != NULL) {
		char sub[PATH_MAX];

		if (de->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
		add(&here, sub);
	}
	closedir(d);
	qsort(here.v, here.n, sizeof *here.v, cmp_str);
	for (size_t i = 0; i < here.n; i++) {
		add_path(l, here.v[i], 0);
		free(here.v[i]);
	}
	free(here.v);
}

static void
add_seeds(struct list *l)
{
	const char *top = getenv("top_srcdir");
	char pat[PATH_MAX];

	if (top == NULL || *top == '\0')
		top = SRCDIR;
	for (size_t i = 0; i < sizeof SEEDS / sizeof SEEDS[0]; i++) {
		if (strcmp(SEEDS[i].harness, FUZZ_HARNESS) != 0)
			continue;
		for (size_t j = 0; SEEDS[i].globs[j]; j++) {
			glob_t g;

			snprintf(pat, sizeof pat, "%s/%s", top, SEEDS[i].globs[j]);
			if (glob(pat, 0, NULL, &g) != 0) {
				fprintf(stderr, "replay: no seeds match %s\n", pat);
				exit(99);
			}
			for (size_t k = 0; k < g.gl_pathc; k++)
				add(l, g.gl_pathv[k]);
			globfree(&g);
		}
	}
	snprintf(pat, sizeof pat, "%s/tests/fuzz/corpus/%s", top, FUZZ_HARNESS);
	add_path(l, pat, 1);
	snprintf(pat, sizeof pat, "%s/tests/fuzz/regress/%s", top, FUZZ_HARNESS);
	add_path(l, pat, 1);
}

/* In the child: the input at PATH, once. */
static void
run_one(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t size = 0, room = 0, n;

	if (fp == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		exit(98);
	}
	do {
		if (size == room) {
			room = room ? 2 * room : 65536;
			if ((data = realloc(data, room)) == NULL)
				exit(98);
		}
		n = fread(data + size, 1, room - size, fp);
		size += n;
	} while (n > 0);
	if (ferror(fp)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		exit(98);
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	exit(0);	/* exit, not _exit: LeakSanitizer checks at exit */
}

/* 0 when the input at PATH runs clean in a child; else -1 with WHY. */
static int
replay(const char *path, char *why, size_t room)
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(why, room, "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		alarm(REPLAY_TIMEOUT);
		run_one(path);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			snprintf(why, room, "waitpid: %s", strerror(errno));
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM)
		snprintf(why, room, "took over %d seconds", REPLAY_TIMEOUT);
	else if (WIFSIGNALED(st))
		snprintf(why, room, "killed by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else
		snprintf(why, room, "exit status %d", WEXITSTATUS(st));
	return -1;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

int
main(int argc, char **argv)
{
	struct list in = { NULL, 0 }, failed = { NULL, 0 };
	const char *tmp = getenv("TMPDIR");
	char root[PATH_MAX], why[256];

	if (argc == 2 && strcmp(argv[1], "--seeds") == 0) {
		add_seeds(&in);
		for (size_t i = 0; i < in.n; i++) {
			printf("%s\n", in.v[i]);
			free(in.v[i]);
		}
		free(in.v);
		return 0;
	}
	if (argc > 1 && argv[1][0] == '-') {
		fprintf(stderr, "usage: %s [FILE|DIR...] | --seeds\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		add_path(&in, argv[i], 0);
	if (argc == 1)
		add_seeds(&in);

	/* the children's temporary folders, all in one */
	snprintf(root, sizeof root, "%s/yjreplay.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(root) == NULL || setenv("TMPDIR", root, 1) != 0) {
		perror("replay: a temporary folder");
		return 99;
	}

	printf("[==========] Running %zu test(s): the " FUZZ_HARNESS " harness on its seeds "
	    "and regressions.\n", in.n);
	for (size_t i = 0; i < in.n; i++) {
		printf("[ RUN      ] %s\n", in.v[i]);
		if (replay(in.v[i], why, sizeof why) == 0) {
			printf("[       OK ] %s\n", in.v[i]);
		} else {
			printf("[  ERROR   ] %s: %s\n", in.v[i], why);
			add(&failed, in.v[i]);
		}
	}
	nftw(root, remove_one, 8, FTW_DEPTH | FTW_PHYS);

	printf("[==========] %zu test(s) run.\n", in.n);
	printf("[  PASSED  ] %zu test(s).\n", in.n - failed.n);
	if (failed.n > 0) {
		printf("[  FAILED  ] %zu test(s), listed below:\n", failed.n);
		for (size_t i = 0; i < failed.n; i++)
			printf("[  FAILED  ] %s\n", failed.v[i]);
	}
	for (size_t i = 0; i < in.n; i++)
		free(in.v[i]);
	free(in.v);
	for (size_t i = 0; i < failed.n; i++)
		free(failed.v[i]);
	free(failed.v);
	return in.n == 0 || failed.n > 0;
}
