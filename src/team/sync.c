/* sync.c - yjinspect sync's engine: commit, fetch, merge (never rebase)
 * with yjinspect's merge driver, push; or the same through a bundle file
 * (see sync.h and yjinspect(1)). Nothing here prints: what happened goes
 * into the caller's struct sync_report.
 *
 * git is run as a program (fork and exec, no shell), its output captured,
 * with GIT_TERMINAL_PROMPT=0 so that a remote asking for a password fails
 * at once rather than waiting on a terminal no one watches. A merge that
 * git leaves with files unmerged (a driver that could not run, a case
 * file deleted on one side) is finished here: each unmerged .ini file is
 * merged from git's three stages by the same code as the driver, so no
 * side is ever lost.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/case.h"
#include "store/conflict.h"
#include "store/esc.h"
#include "store/gitstate.h"
#include "store/ini.h"
#include "model/insp.h"
#include "store/merge.h"
#include "base/file.h"
#include "base/paths.h"
#include "store/save.h"
#include "team/sync.h"
#include "base/text.h"
#include "base/xalloc.h"

#define SYNC_PUSH_TRIES 3

/* git and what it runs get no controlling terminal (sync_run's
 * NO_TERMINAL, for the run under way) */
static int no_tty;

/* A message for R, printf-style, as one line */
static void say(struct sync_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
say(struct sync_report *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	r->msgs = xrealloc(r->msgs, (r->nmsgs + 1) * sizeof *r->msgs);
	r->msgs[r->nmsgs++] = buf_take(&b);
}

/* ---- running git ---- */

/* Run git -C DIR with the NULL-ended ARGS; its standard output and error
 * into OUT (appended; NULL: thrown away). Its exit status, or -1 when it
 * could not be run (127: not installed). */
static int
git_argv(const char *dir, struct buf *out, const char *const *args)
{
	const char *argv[32];
	int fds[2], st;
	size_t n = 0, len;
	char *got;
	pid_t pid;

	argv[n++] = "git";
	argv[n++] = "-c";		/* names as they are, not quoted octal */
	argv[n++] = "core.quotePath=false";
	argv[n++] = "-C";
	argv[n++] = dir;
	for (size_t i = 0; args[i] && n < sizeof argv / sizeof argv[0] - 1; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (no_tty)
			setsid();	/* no /dev/tty to ask on, no terminal's signals */
		if (null >= 0)
			dup2(null, 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		setenv("GIT_TERMINAL_PROMPT", "0", 1);
		/* ssh asks for nothing (a password, a new host) where no one
		 * can answer, and keeps no connection open behind it */
		setenv("GIT_SSH_COMMAND", "ssh -o BatchMode=yes -o ControlMaster=no", 0);
		setenv("GIT_MERGE_AUTOEDIT", "no", 1);
		setenv("LC_ALL", "C", 1);
		execvp("git", (char *const *)(uintptr_t)argv);
		_exit(127);
	}
	close(fds[1]);
	if ((got = file_read_fd(fds[0], FILE_ANY_SIZE, 0, &len)) != NULL && out)
		buf_add(out, got, len);
	free(got);
	close(fds[0]);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* git_argv with the arguments given in line, NULL last */
#define git(dir, out, ...) git_argv((dir), (out), (const char *const[]){ __VA_ARGS__, NULL })

/* OUT's first line, its end trimmed, as a string in OUT */
static const char *
first_line(struct buf *out)
{
	if (out->data == NULL)
		return "";
	out->data[strcspn(out->data, "\n")] = '\0';
	return out->data;
}

/* git's message in OUT, cleaned, its lines joined, for a message of ours */
static char *
git_said(const struct buf *out)
{
	struct buf b = BUF_INIT;
	const char *s = out->data ? out->data : "";

	text_clean(&b, s, 1);
	while (b.len && (b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_adds(&b, "(git said nothing)");
	return buf_take(&b);
}

/* The value of git config KEY in DIR's repository (any level), or NULL */
static char *
git_config_get(const char *dir, const char *key)
{
	struct buf out = BUF_INIT;
	char *v = NULL;

	if (git(dir, &out, "config", "--get", key) == 0)
		v = xstrdup(first_line(&out));
	buf_free(&out);
	return v;
}

static int
git_config_set(const char *dir, const char *key, const char *value, struct sync_report *r)
{
	struct buf out = BUF_INIT;
	int rc = git(dir, &out, "config", "--local", key, value);

	if (rc != 0) {
		char *m = git_said(&out);

		say(r, "sync: %s: git config %s failed: %s", dir, key, m);
		free(m);
	}
	buf_free(&out);
	return rc == 0 ? 0 : -1;
}

/* ---- the merge driver, recorded and proved ---- */

/* S quoted for sh: 'S' with each ' as '\'' */
static void
sh_quote(struct buf *b, const char *s)
{
	buf_addc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *s);
	buf_addc(b, '\'');
}

/* The running program's absolute path, or NULL */
static char *
self_path(void)
{
	return realpath("/proc/self/exe", NULL);
}

static int
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "we");
	int rc;

	if (fp == NULL)
		return -1;
	rc = fputs(text, fp) < 0;
	return fclose(fp) != 0 || rc ? -1 : 0;
}

/* Run DRIVER (git's merge.yjinspect.driver, %O %A %B %P in it) on a small
 * three-way merge, as git runs it (through sh): 0 when it merged both
 * sides' changes, else -1 with *WHY (free it) saying what went wrong */
static int
prove_driver(const char *driver, char **why)
{
	static const char base[] = "[inspection]\nformat = 1\n\n[judgements]\n1.1 = good\n1.2 = good\n";
	static const char ours[] = "[inspection]\nformat = 1\n\n[judgements]\n1.1 = outstanding\n"
	    "1.2 = good\n";
	static const char theirs[] = "[inspection]\nformat = 1\n\n[judgements]\n1.1 = good\n"
	    "1.2 = inadequate\n";
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/yjinspect-driver.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *f[3] = { NULL, NULL, NULL }, *got = NULL;
	struct buf cmd = BUF_INIT;
	int rc = -1, st;

	*why = NULL;
	if (mkdtemp(dir) == NULL) {
		*why = xasprintf("cannot make a folder to try it in: %s", strerror(errno));
		free(dir);
		return -1;
	}
	f[0] = xasprintf("%s/base.ini", dir);
	f[1] = xasprintf("%s/ours.ini", dir);
	f[2] = xasprintf("%s/theirs.ini", dir);
	if (write_file(f[0], base) < 0 || write_file(f[1], ours) < 0 ||
	    write_file(f[2], theirs) < 0) {
		*why = xasprintf("cannot write the files to try it on: %s", strerror(errno));
		goto out;
	}
	for (const char *s = driver; *s; s++) {
		if (s[0] == '%' && s[1] && strchr("OABP", s[1])) {
			sh_quote(&cmd, s[1] == 'O' ? f[0] : s[1] == 'B' ? f[2] : s[1] == 'A' ? f[1] :
			    "inspection.ini");
			s++;
		} else if (s[0] == '%' && s[1] == '%') {
			buf_addc(&cmd, '%');
			s++;
		} else
			buf_addc(&cmd, *s);
	}
	buf_adds(&cmd, " >/dev/null 2>&1");
	fflush(stdout);
	st = system(buf_str(&cmd));
	got = file_read(f[1], FILE_ANY_SIZE, 0, NULL);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		*why = xasprintf("it did not run (exit status %d)", WIFEXITED(st) ?
		    WEXITSTATUS(st) : -1);
	else if (got == NULL || strstr(got, "1.1 = outstanding") == NULL ||
	    strstr(got, "1.2 = inadequate") == NULL)
		*why = xstrdup("it ran, but did not merge both sides' changes");
	else
		rc = 0;
out:
	free(got);
	for (int i = 0; i < 3; i++) {
		if (f[i])
			unlink(f[i]);
		free(f[i]);
	}
	rmdir(dir);
	free(dir);
	buf_free(&cmd);
	return rc;
}

int
sync_setup(const char *dir, const char *who, struct sync_report *r)
{
	struct buf drv = BUF_INIT;
	struct err e;
	char *self = self_path(), *email, *why;
	int rc = -1;

	if (insp_git_files(dir, &e) < 0) {
		say(r, "%s", e.msg);
		goto out;
	}
	{	/* git keeps no empty folder: a clone of a folder with no case yet */
		char *cases = xasprintf("%s/cases", dir);

		if (mkdir(cases, 0700) < 0 && errno != EEXIST) {
			say(r, "%s: cannot be made: %s", cases, strerror(errno));
			free(cases);
			goto out;
		}
		free(cases);
	}
	if (self == NULL) {
		say(r, "sync: cannot find this program's own path (/proc/self/exe: "
		    "%s): git would not find its merge driver", strerror(errno));
		goto out;
	}
	{	/* git expands %O %A %B %P in the driver's line: a '%' of the
		 * path is written %% */
		struct buf esc = BUF_INIT;

		for (const char *c = self; *c; c++)
			buf_adds(&esc, *c == '%' ? "%%" : (char[]){ *c, '\0' });
		sh_quote(&drv, buf_str(&esc));
		buf_free(&esc);
	}
	buf_adds(&drv, " merge-file %O %A %B %P");
	{	/* one recorded before that is not this program: said */
		char *was = git_config_get(dir, "merge.yjinspect.driver");

		if (was && strcmp(was, buf_str(&drv)) != 0)
			say(r, "sync: %s: git's merge driver was '%s' (not this yjinspect): "
			    "recorded again as %s", dir, was, buf_str(&drv));
		free(was);
	}
	if (git_config_set(dir, "merge.yjinspect.name",
	    "yjinspect: case files and inspection.ini merged key by key", r) < 0 ||
	    git_config_set(dir, "merge.yjinspect.driver", buf_str(&drv), r) < 0 ||
	    git_config_set(dir, "pull.rebase", "false", r) < 0 ||
	    git_config_set(dir, "user.name", who, r) < 0)
		goto out;
	if ((email = git_config_get(dir, "user.email")) == NULL) {
		if (git_config_set(dir, "user.email", "", r) < 0)
			goto out;
	}
	free(email);
	if (prove_driver(buf_str(&drv), &why) < 0) {
		say(r, "sync: %s: yjinspect's merge driver (%s) does not work: "
		    "%s; nothing was merged", dir, buf_str(&drv), why);
		free(why);
		goto out;
	}
	rc = 0;
out:
	free(self);
	buf_free(&drv);
	return rc;
}

/* ---- a merge git could not finish, finished here ---- */

/* git's copy of PATH at stage STAGE (1 base, 2 ours, 3 theirs), or NULL
 * when it has none (added or deleted on one side) */
static char *
stage_text(const char *dir, int stage, const char *path)
{
	struct buf out = BUF_INIT;
	char *spec = xasprintf(":%d:./%s", stage, path);
	char *text = NULL;

	if (git(dir, &out, "show", spec) == 0)
		text = buf_take(&out);
	buf_free(&out);
	free(spec);
	return text;
}

/* Merge each file git left unmerged in DIR from its three stages, as the
 * driver would have, and git add it; *CONFLICTS counts the conflicts kept.
 * 0, or -1 (printed) when one cannot be merged: the merge is then left
 * for a person, and nothing is lost (git keeps every stage). */
/* Does TEXT load as an INI file (ini.h: as yjinspect reads one)? If not,
 * *WHY says why (free it) */
static int
loads(const char *text, char **why)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/yjinspect-side.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path), ok = 0;
	struct ini ini;
	struct err e;

	*why = NULL;
	if (fd < 0 || save_write_all(fd, text, strlen(text)) < 0) {
		*why = xasprintf("cannot be tried: %s", strerror(errno));
	} else if (ini_load(&ini, path, &e) < 0) {
		/* (the message names the temporary file: the part after it) */
		const char *m = strncmp(e.msg, path, strlen(path)) == 0 ? e.msg + strlen(path) : e.msg;

		*why = m[0] == ':' ? xasprintf("line %s", m + 1) : xstrdup(m);
	} else {
		ini_free(&ini);
		ok = 1;
	}
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
	free(path);
	return ok;
}

static int
finish_unmerged(const char *dir, size_t *conflicts, struct sync_report *r)
{
	struct gitstate gs;
	struct err e;
	int rc = 0;

	if (gitstate_read(dir, &gs, &e) < 0) {
		say(r, "sync: %s", e.msg);
		return -1;
	}
	for (size_t i = 0; rc == 0 && i < gs.nunmerged; i++) {
		const char *p = gs.unmerged[i];
		size_t len = strlen(p);
		char *b = stage_text(dir, 1, p), *o = NULL, *t = stage_text(dir, 3, p),
		    *full = xasprintf("%s/%s", dir, p), *why = NULL, *disk;
		struct buf out = BUF_INIT, gout = BUF_INIT;
		int n = 0, lockfd = -1;

		if (len < 4 || strcmp(p + len - 4, ".ini") != 0) {
			say(r, "sync: %s: git could not merge %s, not a file of "
			    "yjinspect's: put it right by hand (git status), then sync again", dir, p);
			rc = -1;
		} else if ((lockfd = save_lock_hold(full, &e)) < 0) {
			say(r, "sync: %s", e.msg);
			rc = -1;
		}
		/* ours is the file as it is now, if it reads (a save made since
		 * git stopped is in it), else git's copy of ours */
		if (rc == 0 && (disk = file_read(full, FILE_ANY_SIZE, 0, NULL)) != NULL) {
			if (loads(disk, &why))
				o = disk;
			else
				free(disk);
			free(why);
			why = NULL;
		}
		if (rc == 0 && o == NULL)
			o = stage_text(dir, 2, p);
		if (rc < 0) {
			/* (said) */
		} else if (t && !loads(t, &why)) {
			say(r, "sync: %s: the copy that came in cannot be read (%s): nothing of it is "
			    "taken; whoever sent it puts it right, then both sync again", full, why);
			rc = -1;
		} else if (o == NULL || t == NULL) {
			/* deleted on one side, changed on the other: the changed
			 * copy is kept, nothing lost */
			const char *keep = o ? o : t;

			if (keep && save_file_held(full, keep, strlen(keep), &e) < 0)
				rc = -1, say(r, "sync: %s", e.msg);
		} else if ((n = merge_texts(b ? b : "", o, t, &out, NULL, NULL, &e)) < 0) {
			say(r, "sync: %s: the two copies cannot be merged key by "
			    "key: %s; git keeps both (git status)", full, e.msg);
			rc = -1;
		} else if (save_file_held(full, out.data, out.len, &e) < 0) {
			say(r, "sync: %s", e.msg);
			rc = -1;
		} else {
			*conflicts += (size_t)n;
			say(r, "sync: %s: git had left it unmerged (its merge driver had not run): "
			    "merged now, key by key, nothing of either side lost", full);
		}
		free(why);
		if (lockfd >= 0)
			save_unlock(lockfd);
		if (rc == 0 && git(dir, &gout, "add", "--", p) != 0) {
			char *m = git_said(&gout);

			say(r, "sync: %s: git add %s failed: %s", dir, p, m);
			free(m);
			rc = -1;
		}
		buf_free(&out);
		buf_free(&gout);
		free(b);
		free(o);
		free(t);
		free(full);
	}
	gitstate_free(&gs);
	return rc;
}

/* A merge under way (MERGE_HEAD) with nothing left unmerged: committed */
static int
commit_merge(const char *dir, struct sync_report *r)
{
	struct gitstate gs;
	struct buf out = BUF_INIT;
	struct err e;
	int rc = 0;

	if (gitstate_read(dir, &gs, &e) < 0)
		return -1;
	if (gs.merging && gs.nunmerged == 0 && git(dir, &out, "commit", "-q", "--no-edit") != 0) {
		char *m = git_said(&out);

		say(r, "sync: %s: git could not finish the merge: %s", dir, m);
		free(m);
		rc = -1;
	}
	gitstate_free(&gs);
	buf_free(&out);
	return rc;
}

/* Merge REF into DIR's branch (never a rebase), finishing what git
 * leaves unmerged; *CONFLICTS counts the conflicts kept in files by this
 * step. 0, or -1 (printed). */
static int
merge_ref(const char *dir, const char *ref, const char *who, size_t *conflicts,
    struct sync_report *r)
{
	struct buf out = BUF_INIT;
	char *msg = xasprintf("yjinspect sync: %s took the team's work in", who);
	int rc;

	rc = git(dir, &out, "merge", "--no-edit", "-m", msg, ref);
	free(msg);
	if (rc != 0) {
		struct gitstate gs;
		struct err e;
		int unmerged = gitstate_read(dir, &gs, &e) == 0 && gs.nunmerged > 0;

		if (unmerged)
			gitstate_free(&gs);
		if (!unmerged) {
			char *m = git_said(&out);

			say(r, "sync: %s: git could not merge the team's work: %s",
			    dir, m);
			free(m);
			buf_free(&out);
			return -1;
		}
		if (finish_unmerged(dir, conflicts, r) < 0 || commit_merge(dir, r) < 0) {
			/* this sync's own merge, begun on a folder all committed:
			 * undone, so that the next sync can take the fix in */
			git(dir, NULL, "merge", "--abort");
			say(r, "sync: %s: the team's work was not taken in (the merge is undone; "
			    "what is here is committed and kept)", dir);
			buf_free(&out);
			return -1;
		}
	}
	buf_free(&out);
	return 0;
}

/* ---- what a sync did, for its report ---- */

struct who_count {
	char *who;
	size_t answers;
	struct buf cases;	/* "ST-C01, ST-C02" */
	size_t ncases;
};

struct tally {
	struct who_count *v;
	size_t n;
};

static struct who_count *
tally_of(struct tally *t, const char *who)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].who, who) == 0)
			return &t->v[i];
	t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
	memset(&t->v[t->n], 0, sizeof t->v[t->n]);
	t->v[t->n].who = xstrdup(who);
	return &t->v[t->n++];
}

static void
tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].who);
		buf_free(&t->v[i].cases);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* The value of [answered] KEY in TEXT (a case file), or NULL: the raw
 * value less its quotes, in a new string */
static char *
answered_stamp(const char *text, const char *key)
{
	int on = 0;
	size_t klen = strlen(key);

	for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		size_t len = strcspn(l, "\n");

		if (*l == '[') {
			on = strncmp(l, "[answered]", 10) == 0;
			continue;
		}
		if (on && strncmp(l, key, klen) == 0 && l[klen] == ' ' && l[klen + 1] == '=') {
			const char *v = l + klen + 2;
			size_t vlen = len - klen - 2;

			while (vlen && *v == ' ')
				v++, vlen--;
			if (vlen >= 2 && *v == '"' && v[vlen - 1] == '"') {
				struct buf d = BUF_INIT;
				struct err e;
				char *raw = xstrndup(v + 1, vlen - 2);

				/* the writer's escapes (\x22, \\) undone: the name */
				if (esc_decode(&d, raw, &e) == 0) {
					free(raw);
					return buf_take(&d);
				}
				buf_free(&d);
				return raw;
			}
			return xstrndup(v, vlen);
		}
	}
	return NULL;
}

/* Is NAME one of LIST's names ("A, B, C")? */
static int
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; *p;) {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += strcspn(p, ",");
		if (*p)
			p += p[1] == ' ' ? 2 : 1;
	}
	return 0;
}

/* The answers whose stamps NEW has and OLD has not (or another), counted
 * in T by the name in the stamp ("TIME NAME"); REF names the case */
static void
count_stamps(struct tally *t, const char *old, const char *new, const char *ref)
{
	int on = 0;
	struct who_count *last = NULL;

	for (const char *l = new; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		size_t len = strcspn(l, "\n"), klen;
		char *key, *was, *now;
		const char *sp;

		if (*l == '[') {
			on = strncmp(l, "[answered]", 10) == 0;
			continue;
		}
		if (!on || (klen = strcspn(l, " =\n")) == 0 || klen >= len)
			continue;
		key = xstrndup(l, klen);
		now = answered_stamp(new, key);
		was = old ? answered_stamp(old, key) : NULL;
		if (now && (was == NULL || strcmp(was, now) != 0)) {
			struct who_count *w;

			sp = strchr(now, ' ');
			w = tally_of(t, sp && sp[1] ? sp + 1 : "someone");
			w->answers++;
			if (w != last && !in_list(buf_str(&w->cases), ref)) {
				buf_printf(&w->cases, "%s%s", w->ncases ? ", " : "", ref);
				w->ncases++;
			}
			last = w;
		}
		free(key);
		free(was);
		free(now);
	}
}

/* What came into DIR between the commits FROM and TO: its case files'
 * new answers, by who gave them */
static void
came_in(const char *dir, const char *from, const char *to, struct tally *t, struct buf *also,
    size_t *nalso)
{
	struct buf out = BUF_INIT;

	if (git(dir, &out, "diff", "--name-only", "--relative", from, to, "--", "cases",
	    "inspection.ini") != 0) {
		buf_free(&out);
		return;
	}
	for (char *save = NULL, *p = out.data ? strtok_r(out.data, "\n", &save) : NULL; p;
	    p = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(p);
		char *a, *b, *spec_a, *spec_b, *ref;
		struct buf o1 = BUF_INIT, o2 = BUF_INIT;

		if (len < 4 || strcmp(p + len - 4, ".ini") != 0)
			continue;
		if (strcmp(p, "inspection.ini") == 0) {
			buf_printf(also, "%sinspection.ini", *nalso ? ", " : "");
			(*nalso)++;
			continue;
		}
		spec_a = xasprintf("%s:./%s", from, p);
		spec_b = xasprintf("%s:./%s", to, p);
		a = git(dir, &o1, "show", spec_a) == 0 ? buf_take(&o1) : NULL;
		b = git(dir, &o2, "show", spec_b) == 0 ? buf_take(&o2) : NULL;
		ref = xstrndup(strrchr(p, '/') ? strrchr(p, '/') + 1 : p,
		    len - 4 - (size_t)(strrchr(p, '/') ? strrchr(p, '/') + 1 - p : 0));
		if (b) {
			size_t before = 0, after = 0;

			for (size_t i = 0; i < t->n; i++)
				before += t->v[i].answers;
			count_stamps(t, a, b, ref);
			for (size_t i = 0; i < t->n; i++)
				after += t->v[i].answers;
			if (after == before) {	/* a note, a fact, a conflict */
				buf_printf(also, "%s%s", *nalso ? ", " : "", ref);
				(*nalso)++;
			}
		}
		free(ref);
		free(a);
		free(b);
		free(spec_a);
		free(spec_b);
		buf_free(&o1);
		buf_free(&o2);
	}
	buf_free(&out);
}

/* HEAD's commit in DIR, or NULL (no commit yet) */
static char *
head_of(const char *dir)
{
	struct buf out = BUF_INIT;
	char *h = NULL;

	if (git(dir, &out, "rev-parse", "-q", "--verify", "HEAD") == 0)
		h = xstrdup(first_line(&out));
	buf_free(&out);
	return h;
}

/* Commit what changed in DIR, by WHO; *SENT gets the cases changed (a
 * new buf, "ST-C01, ST-C02") and their number. 0 (nothing to commit, or
 * committed), or -1 (printed). */
/* The case files and inspection.ini of the paths OUT lists, a line each
 * (OUT is cut up), appended to NAMES ("ST-C01, inspection.ini") and
 * counted in *N */
static void
name_files(struct buf *out, struct buf *names, size_t *n)
{
	for (char *save = NULL, *p = out->data ? strtok_r(out->data, "\n", &save) : NULL; p;
	    p = strtok_r(NULL, "\n", &save)) {
		size_t len = strlen(p);

		if (strncmp(p, "cases/", 6) == 0 && len > 10 && strcmp(p + len - 4, ".ini") == 0) {
			buf_printf(names, "%s%.*s", *n ? ", " : "", (int)(len - 10), p + 6);
			(*n)++;
		} else if (strcmp(p, "inspection.ini") == 0)
			buf_printf(names, "%sinspection.ini", *n ? ", " : ""), (*n)++;
	}
}

static int
commit_own(const char *dir, const char *who, struct buf *sent, size_t *nsent,
    struct sync_report *r)
{
	struct buf out = BUF_INIT, msg = BUF_INIT;
	int rc = 0;

	*nsent = 0;
	if (git(dir, &out, "add", "-A", "--", ".") != 0) {
		char *m = git_said(&out);

		say(r, "sync: %s: git add failed: %s", dir, m);
		free(m);
		buf_free(&out);
		return -1;
	}
	buf_reset(&out);
	git(dir, &out, "diff", "--cached", "--name-only", "--relative", "--", ".");
	if (out.len == 0) {	/* nothing changed here */
		buf_free(&out);
		return 0;
	}
	name_files(&out, sent, nsent);
	buf_printf(&msg, "%s: %zu file%s changed", who, *nsent, *nsent == 1 ? "" : "s");
	if (*nsent)
		buf_printf(&msg, " (%s)", buf_str(sent));
	buf_reset(&out);
	if (git(dir, &out, "commit", "-q", "-m", buf_str(&msg)) != 0) {
		char *m = git_said(&out);

		say(r, "sync: %s: git commit failed: %s", dir, m);
		free(m);
		rc = -1;
	}
	buf_free(&out);
	buf_free(&msg);
	return rc;
}

/* the report private_mode adds to (nftw passes no argument of ours) */
static struct sync_report *mode_report;

/* nftw: group and others' access taken off (a clone and a pull make
 * files with the umask's modes; case files describe children) */
static int
private_mode(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if ((flag == FTW_F || flag == FTW_D || flag == FTW_DP) && (st->st_mode & 077) &&
	    chmod(path, st->st_mode & 07700) < 0)
		say(mode_report, "sync: %s: cannot make it yours alone: %s", path, strerror(errno));
	return 0;
}

void
sync_private(const char *dir, struct sync_report *r)
{
	mode_report = r;
	nftw(dir, private_mode, 16, FTW_PHYS);
	mode_report = NULL;
}

static void
conflict_to(struct sync_report *r, const char *file, int is_case, const struct conflict *c)
{
	struct sync_conflict *k;
	char d[600];

	conflict_describe(c, d, sizeof d);
	r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) * sizeof *r->conflicts);
	k = &r->conflicts[r->nconflicts++];
	k->file = xstrdup(file);
	k->is_case = is_case;
	k->section = xstrdup(c->section);
	k->key = xstrdup(c->key);
	k->describe = xstrdup(d);
}

/* Every conflict standing in DIR, into R */
static void
list_conflicts(const char *dir, struct sync_report *r)
{
	struct inspection in;
	struct problems p = PROBLEMS_INIT;

	if (insp_open(&in, dir, paths_forms_dir(), &p) < 0) {
		say(r, "sync: the conflicts cannot be listed: %s", p.n ? p.v[0].msg :
		    "the folder cannot be read (yjinspect check says why)");
		problems_free(&p);
		return;
	}
	for (size_t i = 0; i < in.nleft_out; i++)	/* their conflicts unseen */
		say(r, "sync: left out, its conflicts not listed: %s", in.left_out[i].why);
	for (size_t i = 0; i < in.ncases; i++)
		for (size_t k = 0; k < in.cases[i].conflicts.n; k++)
			conflict_to(r, in.cases[i].name, 1, &in.cases[i].conflicts.v[k]);
	for (size_t k = 0; k < in.conflicts.n; k++)
		conflict_to(r, "inspection.ini", 0, &in.conflicts.v[k]);
	insp_close(&in);
	problems_free(&p);
}

/* What came in, T, into R (T emptied) */
static void
came_to(struct sync_report *r, struct tally *t)
{
	r->came = t->n ? xcalloc(t->n, sizeof *r->came) : NULL;
	for (size_t i = 0; i < t->n; i++) {
		r->came[i].who = t->v[i].who;
		r->came[i].answers = t->v[i].answers;
		r->came[i].ncases = t->v[i].ncases;
		r->came[i].cases = buf_take(&t->v[i].cases);
	}
	r->ncame = t->n;
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* ---- the routes ---- */

/* The remote DIR's branch pushes to and its branch name there: the
 * upstream's, else "origin" and the branch's own name. 0, or -1 when
 * there is none (no remote: a folder never cloned nor pushed) */
static int
remote_of(const char *dir, char **remote, char **branch)
{
	struct buf out = BUF_INIT;
	char *b, *r;

	*remote = *branch = NULL;
	if (git(dir, &out, "symbolic-ref", "-q", "--short", "HEAD") != 0) {
		buf_free(&out);
		return -1;
	}
	b = xstrdup(first_line(&out));
	{
		char *key = xasprintf("branch.%s.remote", b);

		r = git_config_get(dir, key);
		free(key);
	}
	if (r == NULL) {
		buf_reset(&out);
		if (git(dir, &out, "remote") == 0 && out.len > 0) {
			/* "origin" if there is one, else the only remote */
			if (strstr(buf_str(&out), "origin\n") == buf_str(&out) ||
			    strstr(buf_str(&out), "\norigin\n"))
				r = xstrdup("origin");
			else if (strchr(buf_str(&out), '\n') == out.data + out.len - 1)
				r = xstrdup(first_line(&out));
		}
	}
	buf_free(&out);
	if (r == NULL) {
		free(b);
		return -1;
	}
	*remote = r;
	*branch = b;
	return 0;
}

/* Does the ref REF exist in DIR? */
static int
has_ref(const char *dir, const char *ref)
{
	return git(dir, NULL, "rev-parse", "-q", "--verify", ref) == 0;
}

/* Through the remote: fetch, merge, push (again, if someone pushed in
 * between). *CONFLICTS as merge_ref. */
static enum sync_status
by_remote(const char *dir, const char *who, size_t *conflicts, char **where,
    struct buf *pushed, size_t *npushed, struct sync_report *r)
{
	char *remote, *branch, *up;
	struct buf out = BUF_INIT;
	enum sync_status rc = SYNC_FAILED;

	if (remote_of(dir, &remote, &branch) < 0) {
		say(r, "sync: %s: no team repository to sync with (the folder "
		    "was not cloned from one, nor pushed to one): clone it from the team's "
		    "repository, or bring work in and out with --bundle FILE", dir);
		return SYNC_FAILED;
	}
	{
		struct buf u = BUF_INIT;
		char *key = xasprintf("remote.%s.url", remote);
		char *url = git_config_get(dir, key);

		buf_printf(&u, "%s (%s)", remote, url ? url : "?");
		*where = buf_take(&u);
		free(url);
		free(key);
	}
	up = xasprintf("refs/remotes/%s/%s", remote, branch);
	for (int try = 0; try < SYNC_PUSH_TRIES; try++) {
		buf_reset(&out);
		if (git(dir, &out, "fetch", "-q", remote) != 0) {
			char *m = git_said(&out);

			say(r, "sync: %s: the team's repository %s cannot be reached (no network, "
			    "the shared drive not there, or the repository moved): %s", dir, *where, m);
			free(m);
			rc = SYNC_OUT_OF_REACH;
			goto out;
		}
		if (has_ref(dir, up) && merge_ref(dir, up, who, conflicts, r) < 0)
			goto out;
		/* what goes out: the files the team's copy lacks as they are here */
		buf_reset(pushed);
		*npushed = 0;
		buf_reset(&out);
		if (has_ref(dir, up) ? git(dir, &out, "diff", "--name-only", "--relative", up, "HEAD",
		    "--", ".") == 0 : git(dir, &out, "ls-files", "--", ".") == 0)
			name_files(&out, pushed, npushed);
		buf_reset(&out);
		{
			char *spec = xasprintf("HEAD:refs/heads/%s", branch);
			int prc = git(dir, &out, "push", "-q", remote, spec);

			free(spec);
			if (prc == 0) {
				char *key = xasprintf("branch.%s.remote", branch), *mkey =
				    xasprintf("branch.%s.merge", branch), *mval =
				    xasprintf("refs/heads/%s", branch);

				/* the upstream, for git pull by hand too */
				git_config_set(dir, key, remote, r);
				git_config_set(dir, mkey, mval, r);
				free(key);
				free(mkey);
				free(mval);
				rc = SYNC_SYNCED;
				goto out;
			}
		}
		if (strstr(buf_str(&out), "rejected") == NULL &&
		    strstr(buf_str(&out), "fetch first") == NULL) {
			char *m = git_said(&out);
			int away = strstr(m, "Could not read from remote") || strstr(m, "unable to access") ||
			    strstr(m, "Connection") || strstr(m, "timed out") ||
			    strstr(m, "does not appear to be a git repository");

			say(r, "sync: %s: git push to %s failed: %s", dir, *where, m);
			free(m);
			if (away)	/* gone since the fetch: kept for the next sync */
				rc = SYNC_OUT_OF_REACH;
			goto out;
		}
		/* someone pushed in between: theirs merged in too, and again */
	}
	say(r, "sync: %s: others kept pushing while this sync merged "
	    "(%d tries): sync again", dir, SYNC_PUSH_TRIES);
out:
	buf_free(&out);
	free(up);
	free(remote);
	free(branch);
	return rc;
}

/* PATH's data on the disk (fsync): 0, or -1 with errno */
static int
sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The folder PATH is in, synced, so that a rename into it stays */
static int
sync_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	int rc = sync_file(dir);

	free(dir);
	return rc;
}

/* Through a bundle file: what FILE holds (if it is there) merged in,
 * then FILE written anew with this folder's work, all of it */
static enum sync_status
by_bundle(const char *dir, const char *file, const char *who, size_t *conflicts,
    struct sync_report *r)
{
	struct buf out = BUF_INIT;
	struct stat st;
	char *abs = NULL, *tmp;
	enum sync_status rc = SYNC_FAILED;

	if (stat(file, &st) == 0) {
		abs = realpath(file, NULL);
		if (abs == NULL || git(dir, &out, "fetch", "-q", abs, "HEAD") != 0) {
			char *m = git_said(&out);

			say(r, "sync: %s: not a bundle this folder can take in: %s",
			    file, m);
			free(m);
			goto out;
		}
		if (merge_ref(dir, "FETCH_HEAD", who, conflicts, r) < 0)
			goto out;
	} else if (errno != ENOENT) {
		say(r, "sync: %s: %s", file, strerror(errno));
		goto out;
	}
	/* written beside FILE, then renamed over it: a full stick or a pulled
	 * plug leaves the old bundle whole */
	tmp = xasprintf("%s.yjinspect-new", file);
	buf_reset(&out);
	{
		char *atmp = tmp[0] == '/' ? xstrdup(tmp) : NULL;

		if (atmp == NULL) {
			char cwd[PATH_MAX];

			atmp = getcwd(cwd, sizeof cwd) ? xasprintf("%s/%s", cwd, tmp) : xstrdup(tmp);
		}
		if (git(dir, &out, "bundle", "create", "-q", atmp, "HEAD") != 0 ||
		    sync_file(atmp) != 0 || rename(atmp, file) != 0 || sync_folder_of(file) != 0) {
			char *m = out.len ? git_said(&out) : xstrdup(strerror(errno));

			say(r, "sync: %s: the bundle cannot be written: %s", file,
			    m);
			free(m);
			unlink(atmp);
			free(atmp);
			free(tmp);
			goto out;
		}
		free(atmp);
	}
	free(tmp);
	rc = SYNC_SYNCED;
out:
	free(abs);
	buf_free(&out);
	return rc;
}

enum sync_status
sync_run(const char *dir, const char *bundle, const char *who, int no_terminal,
    struct sync_report *r)
{
	struct buf out = BUF_INIT, sent = BUF_INIT, also = BUF_INIT;
	struct tally in_t = { 0 };
	char *before = NULL, *after = NULL;
	size_t conflicts = 0;

	memset(r, 0, sizeof *r);
	r->status = SYNC_FAILED;
	r->by_bundle = bundle != NULL;
	r->who = xstrdup(who);
	if (bundle)
		r->where = xstrdup(bundle);
	no_tty = no_terminal;
	{
		char *abs = realpath(dir, NULL);
		int own = git(dir, &out, "rev-parse", "--show-toplevel") == 0 && abs &&
		    strcmp(first_line(&out), abs) == 0;

		free(abs);
		if (!own && out.len > 0 && strstr(buf_str(&out), "fatal") == NULL) {
			/* in a repository of something larger: not the team's */
			r->status = SYNC_NOT_SHARED;
			say(r, "sync: %s is in the git repository of %s, not one of its own: the "
			    "lead shares it with 'yjinspect team init %s --share URL'", dir,
			    first_line(&out), dir);
			goto done;
		}
		buf_reset(&out);
	}
	if (git(dir, &out, "rev-parse", "--show-toplevel") != 0) {
		int g = git(dir, NULL, "--version");

		r->status = g == 127 || g < 0 ? SYNC_NO_GIT : SYNC_NOT_SHARED;
		if (r->status == SYNC_NO_GIT)
			say(r, "sync: git cannot be run: sync needs it installed (apt-get install git)");
		else
			say(r, "sync: %s is not shared with a team yet: the lead runs 'yjinspect team "
			    "init %s --share URL' once; each inspector 'yjinspect team join URL DIR'",
			    dir, dir);
		goto done;
	}
	if (sync_setup(dir, who, r) < 0)
		goto done;
	/* a merge left unfinished before (a driver that did not run) */
	if (finish_unmerged(dir, &conflicts, r) < 0 || commit_merge(dir, r) < 0)
		goto done;
	if (commit_own(dir, who, &sent, &r->nsent, r) < 0)
		goto done;
	before = head_of(dir);
	if (bundle)
		r->status = by_bundle(dir, bundle, who, &conflicts, r);
	else {
		struct buf pushed = BUF_INIT;
		size_t npushed = 0;

		r->status = by_remote(dir, who, &conflicts, &r->where, &pushed, &npushed, r);
		if (r->status == SYNC_SYNCED) {	/* what went out is what was pushed */
			buf_free(&sent);
			sent = pushed;
			r->nsent = npushed;
		} else
			buf_free(&pushed);
	}
	sync_private(dir, r);
	after = head_of(dir);
	if (before && after && strcmp(before, after) != 0)
		came_in(dir, before, after, &in_t, &also, &r->nalso);
	came_to(r, &in_t);
	if (r->status != SYNC_FAILED)
		list_conflicts(dir, r);
done:
	r->sent = buf_take(&sent);
	r->also = buf_take(&also);
	no_tty = 0;
	tally_free(&in_t);
	buf_free(&out);
	free(before);
	free(after);
	return r->status;
}

void
sync_report_free(struct sync_report *r)
{
	free(r->where);
	free(r->who);
	free(r->sent);
	free(r->also);
	for (size_t i = 0; i < r->ncame; i++) {
		free(r->came[i].who);
		free(r->came[i].cases);
	}
	free(r->came);
	for (size_t i = 0; i < r->nconflicts; i++) {
		free(r->conflicts[i].file);
		free(r->conflicts[i].section);
		free(r->conflicts[i].key);
		free(r->conflicts[i].describe);
	}
	free(r->conflicts);
	for (size_t i = 0; i < r->nmsgs; i++)
		free(r->msgs[i]);
	free(r->msgs);
	memset(r, 0, sizeof *r);
}
