/* cli_team.c - a team's folders brought together, with git or without
 * (see cli_team.h and yjinspect(1)). */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli_sync.h"
#include "team/sync.h"
#include "cli/cli_team.h"
#include "cli/cli_util.h"
#include "store/conflict.h"
#include "team/gather.h"
#include "base/file.h"
#include "base/paths.h"
#include "store/ini.h"
#include "store/merge.h"
#include "store/save.h"
#include "base/text.h"
#include "store/user.h"
#include "base/xalloc.h"

/* ---- yjinspect team init ---- */

/* Run ARGV (a git command); QUIET: its output to /dev/null. Its exit
 * status, or -1 (errno: it could not be run) */
static int
run(const char *const *argv, int quiet)
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if (quiet && freopen("/dev/null", "w", stdout) && freopen("/dev/null", "w", stderr)) {
			/* (nothing) */
		}
		execvp(argv[0], (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Is URL a folder on this machine (a shared drive), not a git URL? */
static int
local_url(const char *url)
{
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');

	return strstr(url, "://") == NULL && (colon == NULL || (slash && slash < colon));
}

/* The branch DIR's own repository is on (its .git/HEAD), "main" when
 * that cannot be read; a new string */
static char *
head_branch(const char *dir)
{
	char *path = xasprintf("%s/.git/HEAD", dir), *b;
	char *text = file_read(path, FILE_ANY_SIZE, 0, NULL);

	free(path);
	if (text && strncmp(text, "ref: refs/heads/", 16) == 0) {
		text[strcspn(text, "\r\n")] = '\0';
		b = xstrdup(text + 16);
	} else
		b = xstrdup("main");
	free(text);
	return b;
}

/* nftw: remove what it is given (a folder after its contents) */
static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* sync_private (sync.h) on DIR, its messages printed */
static void
team_private(const char *dir)
{
	struct sync_report r = { 0 };

	sync_private(dir, &r);
	cli_sync_say(&r);
	sync_report_free(&r);
}

/* sync_setup (sync.h) on DIR as WHO, its messages printed: 0 or -1 */
static int
team_setup(const char *dir, const char *who)
{
	struct sync_report r = { 0 };
	int rc = sync_setup(dir, who, &r);

	cli_sync_say(&r);
	sync_report_free(&r);
	return rc;
}

/* team init DIR [--share URL] */
static int
team_init(const char *dir, const char *share)
{
	struct stat st;
	char *ini, *who;
	int fresh, rc;

	ini = xasprintf("%s/inspection.ini", dir);
	rc = stat(ini, &st);
	free(ini);
	if (rc < 0) {
		text_say(stderr, "yjinspect: %s: not an inspection folder (no inspection.ini): "
		    "make one with 'yjinspect new' first", dir);
		return 1;
	}
	const char *version[] = { "git", "--version", NULL };
	const char *init[] = { "git", "-C", dir, "init", "-q", "--initial-branch=main", NULL };
	rc = run(version, 1);
	if (rc == 127 || rc < 0) {
		text_say(stderr, "yjinspect: team init: git cannot be run (is it installed?)");
		return 1;
	}
	/* the folder's own repository: one it sits in (a home folder kept in
	 * git) is not the team's, and must not carry its other files */
	{
		char *dotgit = xasprintf("%s/.git", dir);

		fresh = lstat(dotgit, &st) != 0;
		free(dotgit);
	}
	if (fresh && run(init, 0) != 0) {
		text_say(stderr, "yjinspect: team init: %s: git init failed (its message above)", dir);
		return 1;
	}
	who = user_name();
	rc = team_setup(dir, who);
	free(who);
	if (rc < 0)
		return 1;
	team_private(dir);
	text_say(stdout, "%s: %s, with yjinspect's merge driver for its case files and "
	    "inspection.ini", dir, fresh ? "now a git repository" : "a git repository");
	if (share) {
		char *branch = head_branch(dir), *initial = xasprintf("--initial-branch=%s", branch);
		const char *bare[] = { "git", "init", "-q", "--bare", initial, "--", share, NULL };
		const char *add[] = { "git", "-C", dir, "remote", "add", "origin", share, NULL };
		const char *set[] = { "git", "-C", dir, "remote", "set-url", "origin", share, NULL };
		char *sync_argv[] = { (char *)(uintptr_t)"sync", (char *)(uintptr_t)dir, NULL };
		struct cli_args sa = { .argc = 2, .argv = sync_argv };

		if (local_url(share) && stat(share, &st) < 0 && errno == ENOENT) {
			rc = run(bare, 0);
			if (rc != 0) {
				text_say(stderr, "yjinspect: team init: %s: the team's repository cannot "
				    "be made there (git's message above)", share);
				free(branch);
				free(initial);
				return 1;
			}
			text_say(stdout, "%s: the team's repository, made", share);
		}
		free(branch);
		free(initial);
		if (run(add, 1) != 0 && run(set, 0) != 0) {
			text_say(stderr, "yjinspect: team init: %s: git remote failed (its message "
			    "above)", dir);
			return 1;
		}
		optind = 1;
		if ((rc = cli_sync(&sa, NULL)) != 0)
			return rc;
		text_say(stdout, "Each inspector, once: yjinspect team join %s DIR", share);
	} else
		text_say(stdout, "Next: yjinspect team init %s --share URL (a folder on the shared "
		    "drive, or a git URL) puts it where the team can reach it.", dir);
	text_say(stdout, "Then, at the end of each day and before the panel: yjinspect sync DIR.");
	return 0;
}

/* team join URL DIR */
static int
team_join(const char *url, const char *dir)
{
	const char *clone[] = { "git", "clone", "-q", "--", url, dir, NULL };
	struct stat st;
	char *ini, *who;
	int rc;

	if (stat(dir, &st) == 0) {
		text_say(stderr, "yjinspect: team join: %s is there already: join into a new folder",
		    dir);
		return 1;
	}
	if ((rc = run(clone, 0)) != 0) {
		text_say(stderr, rc == 127 || rc < 0 ? "yjinspect: team join: git cannot be run (is "
		    "it installed?)" : "yjinspect: team join: %s cannot be cloned (git's message "
		    "above)", url);
		return 1;
	}
	ini = xasprintf("%s/inspection.ini", dir);
	rc = stat(ini, &st);
	free(ini);
	if (rc < 0) {
		/* the folder is the clone's, just made: taken away again, so
		 * that joining can be tried again as it was */
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
		text_say(stderr, "yjinspect: team join: %s holds no inspection (no inspection.ini): "
		    "is it the team's repository, and has the lead shared it (yjinspect team init "
		    "DIR --share %s)? Nothing was kept in %s", url, url, dir);
		return 1;
	}
	who = user_name();
	rc = team_setup(dir, who);
	team_private(dir);
	if (rc == 0)
		text_say(stdout, "%s: the team's inspection, joined as %s. At the end of each day and "
		    "before the panel: yjinspect sync %s", dir, who, dir);
	free(who);
	return rc < 0 ? 1 : 0;
}

int
cli_team(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;

	(void)in;
	if (argc == 3 && strcmp(argv[1], "init") == 0)
		return team_init(argv[2], NULL);
	if (argc == 5 && strcmp(argv[1], "init") == 0 && strcmp(argv[3], "--share") == 0)
		return team_init(argv[2], argv[4]);
	if (argc == 4 && strcmp(argv[1], "join") == 0)
		return team_join(argv[2], argv[3]);
	return usage_error("%s", "team needs init DIR [--share URL], or join URL DIR");
}

/* ---- yjinspect merge-file ---- */

static char *
read_side(const char *what, const char *path, const char *name)
{
	struct ini ini;
	struct err e;
	struct stat st;
	char *text;

	if (stat(path, &st) == 0 && st.st_size == 0)
		return xstrdup("");	/* (a file added on both sides: no base) */
	if (ini_load(&ini, path, &e) < 0) {
		text_say(stderr, "yjinspect merge-file: %s: %s copy: %s: left as ours, theirs not "
		    "merged in (git lists the file as in conflict)", name, what, e.msg);
		return NULL;
	}
	ini_free(&ini);
	if ((text = file_read(path, FILE_ANY_SIZE, 0, NULL)) == NULL)
		text_say(stderr, "yjinspect merge-file: %s: %s copy: cannot be read: %s", name,
		    what, strerror(errno));
	return text;
}

int
cli_merge_file(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;
	char *b = NULL, *o = NULL, *t = NULL;
	struct buf out = BUF_INIT;
	struct conflicts kept = { 0 };
	struct merge_stats ms;
	struct err e;
	int n = -1;

	(void)in;
	if (argc != 4 && argc != 5)
		return usage_error("%s", "merge-file needs BASE OURS THEIRS [NAME] "
		    "(git's %O %A %B %P)");
	const char *name = argc == 5 ? argv[4] : argv[2];
	if ((b = read_side("base", argv[1], name)) != NULL &&
	    (o = read_side("our", argv[2], name)) != NULL &&
	    (t = read_side("their", argv[3], name)) != NULL) {
		if ((n = merge_texts(b, o, t, &out, &ms, &kept, &e)) < 0)
			text_say(stderr, "yjinspect merge-file: %s: %s: left as ours, theirs not "
			    "merged in", name, e.msg);
		else if (save_file_unlocked(argv[2], out.data, out.len, &e) < 0) {
			text_say(stderr, "yjinspect merge-file: %s", e.msg);
			n = -1;
		}
	}
	for (size_t i = 0; n > 0 && i < kept.n; i++) {
		char d[600];

		conflict_describe(&kept.v[i], d, sizeof d);
		text_say(stderr, "yjinspect merge-file: %s: conflict: [%s] %s: %s", name,
		    kept.v[i].section, kept.v[i].key, d);
	}
	if (n > 0)
		text_say(stderr, "yjinspect merge-file: %s: %d conflict%s kept in the file, counted "
		    "neither way until answered again in yjinspect ('yjinspect check' lists %s)",
		    name, n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
	conflicts_free(&kept);
	buf_free(&out);
	free(b);
	free(o);
	free(t);
	/* merged, its conflicts kept in the file (yjinspect's to settle, not
	 * git's): 0, so that git lists as unmerged only a file this driver
	 * could not merge, which every reader of the folder then leaves out
	 * (gitstate.h) */
	return n < 0 ? 2 : 0;
}

/* ---- yjinspect merge DEST SRC... ---- */

int
cli_merge(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;
	struct gather_stats st = { 0 };
	struct buf log = BUF_INIT;
	struct err e;
	int failed = 0;

	(void)in;
	if (argc < 3)
		return usage_error("%s", "merge needs DEST SRC...");
	for (int i = 2; i < argc; i++) {
		buf_reset(&log);
		if (gather(argv[1], argv[i], paths_forms_dir(), &log, &st, &e) < 0) {
			text_say(stderr, "yjinspect: merge: %s", e.msg);
			failed = 1;
		}
		fputs(buf_str(&log), stdout);
	}
	text_say(stdout, "%s: %zu file%s taken, %zu merged, %zu the same; %zu conflict%s%s",
	    argv[1], st.taken, st.taken == 1 ? "" : "s", st.merged, st.same, st.conflicts,
	    st.conflicts == 1 ? "" : "s", st.conflicts ? " kept in the files, counted neither "
	    "way: 'yjinspect check' lists them, answering each again settles it" : "");
	buf_free(&log);
	return failed || st.conflicts ? 1 : 0;
}
