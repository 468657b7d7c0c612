/* cli_team.c - answering from the command line, and a team's folders
 * brought together with git (see cli_team.h and yjinspect(1)). */
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
#include "store/conflict.h"
#include "model/edit.h"
#include "team/gather.h"
#include "base/paths.h"
#include "store/ini.h"
#include "store/merge.h"
#include "store/save.h"
#include "base/text.h"
#include "store/user.h"
#include "model/walk.h"
#include "base/xalloc.h"

/* ---- yjinspect answer ---- */

static int
case_of_reference(const struct inspection *in, const char *ref)
{
	for (size_t i = 0; i < in->ncases; i++)
		if (in->cases[i].reference && strcmp(in->cases[i].reference, ref) == 0)
			return (int)i;
	return -1;
}

/* Give case CI the one ID=VALUE of ARG: 1 an answer, 2 a fact, 3 a note;
 * -1 with the message printed */
static int
answer_one(struct inspection *in, const struct walk *w, size_t ci, const char *arg,
	   const char *who, struct edit_undo *u)
{
	const struct form *f = &in->form;
	const char *eq = strchr(arg, '=');
	char *id;
	struct err e;
	int item, fact, kq, rc, kind;

	if (eq == NULL || eq == arg) {
		text_say(stderr, "yjinspect: answer: '%s' is not ID=VALUE", arg);
		return -1;
	}
	id = xstrndup(arg, (size_t)(eq - arg));
	eq++;
	if ((item = walk_find(w, id)) >= 0) {
		enum answer a = strcasecmp(eq, "yes") == 0 ? ANSWER_YES :
		    strcasecmp(eq, "no") == 0 ? ANSWER_NO : strcasecmp(eq, "na") == 0 ? ANSWER_NA :
		    ANSWER_NONE;

		kind = 1;
		if (a == ANSWER_NONE && strcasecmp(eq, "none") != 0) {
			text_say(stderr, "yjinspect: answer: %s: '%s' is not yes, no, na or none", id, eq);
			free(id);
			return -1;
		}
		rc = edit_answer(in, w, ci, (size_t)item, a, who, u, &e);
	} else if ((fact = form_fact_index(f, id)) >= 0) {
		const struct form_fact *fa = &f->facts[fact];
		int v = COND_UNSET;

		kind = 2;
		if (strcasecmp(eq, "none") != 0 && fa->type != FACT_TEXT &&
		    (v = form_choice_index(fa, eq)) < 0) {
			text_say(stderr, "yjinspect: answer: %s: '%s' is not one of its choices", id, eq);
			free(id);
			return -1;
		}
		rc = edit_fact(in, ci, (size_t)fact, v, fa->type == FACT_TEXT &&
		    strcasecmp(eq, "none") != 0 ? eq : NULL, u, &e);
		if (rc == 0 && v != COND_UNSET) {	/* and what it decides: the case type */
			struct buf said = { 0 };

			if ((rc = edit_derive_facts(in, ci, who, u, &said, &e)) > 0)
				text_say(stdout, "%s: %s (from the %s)", in->cases[ci].name,
				    buf_str(&said), id);
			buf_free(&said);
		}
	} else if (strncmp(id, "note.", 5) == 0 && (kq = form_kq_index(f, id + 5)) >= 0) {
		kind = 3;
		rc = edit_note(in, ci, (size_t)kq, eq, u, &e);
	} else {
		text_say(stderr, "yjinspect: answer: '%s' is not a question, a fact nor note.KQ "
		    "of framework %s", id, f->id);
		free(id);
		return -1;
	}
	if (rc < 0)
		text_say(stderr, "yjinspect: %s: %s", id, e.msg);
	free(id);
	return rc < 0 ? -1 : kind;
}

int
cli_answer(int argc, char **argv)
{
	struct inspection in;
	struct edit_undo u = { 0 };
	struct walk w;
	struct err e;
	int ci, make = 0, first, n[4] = { 0 }, rc = 0;
	char *who;

	first = 3;
	if (argc >= 4 && strcmp(argv[3], "--new") == 0)
		make = 1, first = 4;
	if (argc < first + 1)
		return usage_error("%s", "answer needs DIR CASE [--new] ID=VALUE...");
	if (open_for_change(&in, argv[1]) < 0)
		return 1;
	who = user_name();
	if ((ci = case_of_reference(&in, argv[2])) < 0 && make) {
		size_t made;

		if (edit_add_case(&in, argv[2], who, &made, &e) < 0) {
			text_say(stderr, "yjinspect: %s", e.msg);
			rc = 1;
		}
		ci = rc ? -1 : (int)made;
	} else if (ci < 0 && !make)
		ci = find_case(&in, argv[2]);
	else if (ci >= 0 && make) {
		text_say(stderr, "yjinspect: %s: case '%s' is there already (answer it without "
		    "--new)", in.dir, argv[2]);
		ci = -1;
	}
	if (ci < 0) {
		free(who);
		insp_close(&in);
		return 1;
	}
	warn_left_out(&in);
	walk_init(&w, &in.form);
	for (int i = first; i < argc; i++) {
		int k = answer_one(&in, &w, (size_t)ci, argv[i], who, &u);

		if (k < 0) {
			rc = 1;
			break;
		}
		n[k]++;
	}
	text_say(stdout, "%s: %d answer%s, %d fact%s, %d note%s saved%s", in.cases[ci].name,
	    n[1], n[1] == 1 ? "" : "s", n[2], n[2] == 1 ? "" : "s", n[3], n[3] == 1 ? "" : "s",
	    rc ? " (stopped at the first refused: the rest not given)" : "");
	walk_free(&w);
	edit_undo_free(&u);
	free(who);
	insp_close(&in);
	return rc;
}

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
	char *path = xasprintf("%s/.git/HEAD", dir), *text = case_read_text(path), *b;

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
		if ((rc = cli_sync(2, sync_argv)) != 0)
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
cli_team(int argc, char **argv)
{
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
	if ((text = case_read_text(path)) == NULL)
		text_say(stderr, "yjinspect merge-file: %s: %s copy: cannot be read: %s", name,
		    what, strerror(errno));
	return text;
}

int
cli_merge_file(int argc, char **argv)
{
	char *b = NULL, *o = NULL, *t = NULL;
	struct buf out = BUF_INIT;
	struct conflicts kept = { 0 };
	struct merge_stats ms;
	struct err e;
	int n = -1;

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
cli_merge(int argc, char **argv)
{
	struct gather_stats st = { 0 };
	struct buf log = BUF_INIT;
	struct err e;
	int failed = 0;

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
