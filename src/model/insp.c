/* insp.c - the inspection folder (see insp.h). */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/text.h"
#include "model/cache.h"
#include "model/case.h"
#include "store/gitstate.h"
#include "store/inikeep.h"
#include "store/iniread.h"
#include "store/iniw.h"
#include "model/insp.h"
#include "model/insp_parts.h"
#include "store/journal.h"
#include "store/merge.h"
#include "model/rate.h"
#include "store/save.h"
#include "base/file.h"
#include "base/stamp.h"
#include "base/xalloc.h"

/* ---- reading inspection.ini ---- */

struct ireader {
	struct iniread rd;	/* the file and its problems */
	struct inspection *in;
};

static void
read_inspection(struct ireader *r, const struct ini_section *s)
{
	static const char *const keys[] = { "format", "framework", "service", "lead",
	    "fieldwork_start", "fieldwork_end", "created", NULL };
	struct inspection *in = r->in;
	char *format;

	iniread_check_keys(&r->rd, s, keys);
	format = iniread_text(&r->rd, s->name, "format");
	if (format != NULL && strcmp(format, INSP_FORMAT) != 0)
		iniread_err(&r->rd, s->name, "format", "format '%s' is not one this version reads (%s)",
		    format, INSP_FORMAT);
	free(format);
	in->framework = iniread_text(&r->rd, s->name, "framework");
	if (in->framework == NULL || *in->framework == '\0')
		iniread_err(&r->rd, s->name, NULL, "missing 'framework'");
	in->service = iniread_text(&r->rd, s->name, "service");
	in->lead = iniread_text(&r->rd, s->name, "lead");
	in->fieldwork_start = iniread_text(&r->rd, s->name, "fieldwork_start");
	in->fieldwork_end = iniread_text(&r->rd, s->name, "fieldwork_end");
	in->created = iniread_text(&r->rd, s->name, "created");
}

static int
band_or_not_rated(const struct form *f, const char *v)
{
	if (strcasecmp(v, "not-rated") == 0)
		return JUDGE_NOT_RATED;
	return form_band_index(f, v) >= 0 ? form_band_index(f, v) : JUDGE_UNSET;
}

static void
read_judgements(struct ireader *r, const struct ini_section *s)
{
	const struct form *f = &r->in->form;

	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		const char *v = ini_get(&r->rd.ini, s->name, k);
		int si = form_std_index(f, k), b;

		if (si < 0) {
			iniread_err(&r->rd, s->name, k, "no standard %s in framework %s", k, f->id);
			continue;
		}
		if (f->stds[si].rating != RATING_JUDGEMENT) {
			iniread_err(&r->rd, s->name, k, "standard %s is rated from cases, not by judgement "
			    "(a panel decision is a [decision.%s] section)", k, k);
			continue;
		}
		if (v == NULL || *v == '\0')
			continue;	/* blank: not recorded yet */
		b = band_or_not_rated(f, v);
		if (b == JUDGE_UNSET) {
			struct buf ok = BUF_INIT;

			for (size_t j = 0; j < f->nbands; j++)
				buf_printf(&ok, "%s, ", f->bands[j].id);
			iniread_err(&r->rd, s->name, k, "'%s' is not one of: %snot-rated", v, buf_str(&ok));
			buf_free(&ok);
			continue;
		}
		r->in->judgements[si] = b;
	}
}

static void
read_decision(struct ireader *r, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "kq", "from", "to", "why", "by", "at", NULL };
	struct inspection *in = r->in;
	const struct form *f = &in->form;
	struct insp_decision d = { 0 };
	int si = form_std_index(f, id);
	const char *ends[2] = { "from", "to" };
	int *vals[2] = { &d.from, &d.to };
	size_t before = r->rd.errors;

	iniread_check_keys(&r->rd, s, keys);
	if (si < 0) {
		iniread_err(&r->rd, s->name, NULL, "no standard %s in framework %s", id, f->id);
		return;
	}
	if (f->stds[si].rating != RATING_CASES) {
		iniread_err(&r->rd, s->name, NULL, "standard %s is judgement-rated: record its rating "
		    "in [judgements]", id);
		return;
	}
	d.std = (size_t)si;
	for (int i = 0; i < 2; i++) {
		const char *v = ini_get(&r->rd.ini, s->name, ends[i]);

		if (v == NULL)
			iniread_err(&r->rd, s->name, NULL, "missing '%s'", ends[i]);
		else if ((*vals[i] = form_band_index(f, v)) < 0)
			iniread_err(&r->rd, s->name, ends[i], "'%s' is not a band of framework %s", v, f->id);
	}
	d.kq = iniread_text(&r->rd, s->name, "kq");
	if (d.kq != NULL) {
		int q = form_kq_index(f, d.kq);

		if (q < 0 || f->kqs[q].std != (size_t)si)
			iniread_err(&r->rd, s->name, "kq", "%s is not a key question of standard %s", d.kq, id);
	}
	d.why = iniread_text(&r->rd, s->name, "why");
	if (d.why == NULL || d.why[strspn(d.why, " \t\n")] == '\0')
		iniread_err(&r->rd, s->name, NULL, "missing 'why': a panel decision records its reason");
	d.by = iniread_text(&r->rd, s->name, "by");
	d.at = iniread_text(&r->rd, s->name, "at");
	if (r->rd.errors != before) {
		insp_decision_free(&d);
		return;
	}
	in->decisions = xrealloc(in->decisions, (in->ndecisions + 1) * sizeof *in->decisions);
	in->decisions[in->ndecisions++] = d;
}

/* [findings.STANDARD]: strengths and improvements, text, one point a line */
static void
read_findings(struct ireader *r, const struct ini_section *s, const char *id)
{
	static const char *const keys[] = { "strengths", "improvements", NULL };
	struct inspection *in = r->in;
	int si = form_std_index(&in->form, id);

	iniread_check_keys(&r->rd, s, keys);
	if (si < 0) {
		iniread_err(&r->rd, s->name, NULL, "no standard %s in framework %s", id, in->form.id);
		return;
	}
	if (in->strengths[si] || in->improvements[si]) {
		iniread_err(&r->rd, s->name, NULL, "a second [findings.%s] section", id);
		return;
	}
	in->strengths[si] = iniread_text(&r->rd, s->name, "strengths");
	in->improvements[si] = iniread_text(&r->rd, s->name, "improvements");
}

/* [evidence]: the lead's note on each key question of a judged standard */
static void
read_evidence(struct ireader *r, const struct ini_section *s)
{
	struct inspection *in = r->in;

	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		int q = form_kq_index(&in->form, k);

		if (q < 0 || in->form.stds[in->form.kqs[q].std].rating != RATING_JUDGEMENT) {
			iniread_err(&r->rd, s->name, k, "not a key question of a judgement-rated "
			    "standard of %s (its cases' answers are its evidence)", in->form.id);
			continue;
		}
		in->evidence[q] = iniread_key_text(&r->rd, s, &s->keys[i]);
		if (in->evidence[q] && in->evidence[q][0] == '\0') {
			free(in->evidence[q]);
			in->evidence[q] = NULL;
		}
	}
}

/* ---- cases ---- */

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* FOLDER/NAME, if a save's temporary file left by a kill or crash,
 * removed (save.h); one that cannot be is a warning (check says it) */
static void
sweep_temp(const char *folder, const char *name, struct problems *p)
{
	struct err e;

	if (save_is_temp(name) && save_sweep_temp(folder, name, &e) < 0)
		problems_add(p, PROBLEM_WARNING, "%s", e.msg);
}

/* The same for every such file in DIR (inspection.ini's folder) */
static void
sweep_folder(const char *dir, struct problems *p)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (d == NULL)
		return;	/* (inspection.ini was read from it: not for long) */
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.')
			sweep_temp(dir, de->d_name, p);
	closedir(d);
}

/* The *.ini files of DIR/cases, sorted; NULL-terminated. Saves' temporary
 * files left by a kill or crash are removed on the way (sweep_temp). */
char **
insp_list_cases(const char *dir, struct problems *p)
{
	char *cdir = xasprintf("%s/cases", dir);
	DIR *d = opendir(cdir);
	struct dirent *de;
	char **names = xcalloc(1, sizeof *names);
	size_t n = 0;

	if (d == NULL) {
		if (errno != ENOENT)
			problems_add(p, PROBLEM_ERROR, "%s: cannot read: %s", cdir, strerror(errno));
		free(cdir);
		return names;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		/* hidden files are ours (temporary files while saving) */
		if (de->d_name[0] == '.') {
			sweep_temp(cdir, de->d_name, p);
			continue;
		}
		if (len <= 4 || strcmp(de->d_name + len - 4, ".ini") != 0) {
			/* the cases' journals (journal.h) are expected, and
			 * lock files left by older versions (save.h's are in
			 * .locks now); anything else is said */
			if ((len <= 9 || strcmp(de->d_name + len - 9, ".ini.lock") != 0) &&
			    (len <= 8 || strcmp(de->d_name + len - 8, ".journal") != 0))
				problems_add(p, PROBLEM_WARNING, "%s/%s: not a case file (case "
				    "files are named NAME.ini): ignored", cdir, de->d_name);
			continue;
		}
		names = xrealloc(names, (n + 2) * sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	names[n] = NULL;
	qsort(names, n, sizeof *names, cmp_name);
	free(cdir);
	return names;
}

/*
 * Loading the cases, in parallel.
 *
 * Nearly all of opening a large inspection is case_load, file by file, and
 * nearly all of that is iniparser. Each case_load writes only its own case
 * and its own problem list, and only reads the framework (the form's id
 * lookups do not write); ini_load is safe in several threads at once (see
 * ini.c on iniparser's one global). So the files are shared out among
 * threads: each takes the next file from a counter and loads it into its
 * own slot. Then, in file-name order, the cases that loaded are packed to
 * the front and each file's problems are added to the caller's list: the
 * result is the same, in the same order, as loading the files one by one.
 * (Out of memory in any thread ends the process, as it always did.)
 */

#define INSP_THREADS_ENV "YJINSPECT_THREADS"
#define INSP_THREADS_AUTO_MAX 8		/* no more threads than this by default */
#define INSP_THREADS_MAX 64		/* nor than this when asked for */
#define INSP_CASES_PER_THREAD 32	/* a thread for each 32 cases or part */

struct case_slot {
	struct problems p;	/* the problems of this file only */
	int loaded;		/* case_load succeeded */
	int cached;		/* taken from the cache (cache.h) */
};

struct case_loader {
	struct inspection *in;	/* in->form is only read; in->cases[i] is slot i */
	const char *dir;
	char **names;
	const struct cache *cache;	/* or NULL */
	size_t n;
	struct case_slot *slots;	/* [n] */
	atomic_size_t next;	/* the next file to load */
};

/* Load files from L until none is left; in any thread, any number at once. */
static void
load_some(struct case_loader *l)
{
	size_t i;
	char *path;

	while ((i = atomic_fetch_add_explicit(&l->next, 1, memory_order_relaxed)) < l->n) {
		path = xasprintf("%s/cases/%s", l->dir, l->names[i]);
		if (cache_take(l->cache, &l->in->form, l->names[i], path, &l->in->cases[i]))
			l->slots[i].loaded = l->slots[i].cached = 1;
		else
			l->slots[i].loaded = case_load(&l->in->cases[i], &l->in->form, path,
			    &l->slots[i].p) == 0;
		free(path);
	}
}

static void *
load_thread(void *arg)
{
	load_some(arg);
	return NULL;
}

/*
 * How many threads load NCASES cases: YJINSPECT_THREADS when it is a whole
 * number from 1 up (at most INSP_THREADS_MAX); otherwise the online CPUs,
 * at most INSP_THREADS_AUTO_MAX and one for every INSP_CASES_PER_THREAD
 * cases or part. Never more than there are cases; 0 or 1 means no threads.
 */
static size_t
load_threads(size_t ncases)
{
	const char *env = getenv(INSP_THREADS_ENV);
	unsigned long forced = 0;
	long cpus;
	size_t w;
	char *end;

	if (env != NULL && *env >= '0' && *env <= '9') {
		errno = 0;
		forced = strtoul(env, &end, 10);
		if (*end != '\0' || errno != 0)
			forced = 0;
	}
	if (forced > 0) {
		w = forced < INSP_THREADS_MAX ? (size_t)forced : INSP_THREADS_MAX;
	} else {
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
		w = cpus < 1 ? 1 : (size_t)cpus;
		if (w > INSP_THREADS_AUTO_MAX)
			w = INSP_THREADS_AUTO_MAX;
		if (w > (ncases + INSP_CASES_PER_THREAD - 1) / INSP_CASES_PER_THREAD)
			w = (ncases + INSP_CASES_PER_THREAD - 1) / INSP_CASES_PER_THREAD;
	}
	return w < ncases ? w : ncases;
}

/* Move FROM's problems to the end of TO, in order; FROM is left empty. */
static void
take_problems(struct problems *to, struct problems *from)
{
	if (from->n == 0)
		return;
	to->v = xrealloc(to->v, (to->n + from->n) * sizeof *to->v);
	memcpy(to->v + to->n, from->v, from->n * sizeof *from->v);
	to->n += from->n;
	to->nerrors += from->nerrors;
	free(from->v);
	from->v = NULL;
	from->n = from->nerrors = 0;
}

/* Record that case file NAME could not be read: P's problems from FIRST on
 * are the file's own. */
static void
left_out(struct inspection *in, const char *name, const struct problems *p, size_t first)
{
	struct insp_left_out *l;

	in->left_out = xrealloc(in->left_out, (in->nleft_out + 1) * sizeof *in->left_out);
	l = &in->left_out[in->nleft_out++];
	l->name = xstrdup(name);
	l->why = NULL;
	for (size_t i = first; i < p->n; i++) {
		if (p->v[i].level != PROBLEM_ERROR)
			continue;
		if (l->why == NULL)
			l->why = xstrdup(p->v[i].msg);
		in->left_out_errors++;
	}
	if (l->why == NULL)	/* case_load fails only with an error said */
		l->why = xstrdup("cannot be read");
}

/*
 * Load DIR/cases/NAMES[0..NCASES) into IN->cases (IN->form loaded,
 * IN->ncases 0), keeping the ones that load, in NAMES order; every
 * problem goes to P, file by file in NAMES order. The same result, byte
 * for byte, whatever the number of threads; when threads cannot be
 * started the calling thread loads whatever is left.
 */
static void
load_cases(struct inspection *in, const char *dir, char **names, size_t ncases,
    struct problems *p, int cached)
{
	struct case_loader l;
	pthread_t *tids;
	sigset_t all, old;
	size_t w = load_threads(ncases), started = 0, taken = 0;
	size_t missed = 0;	/* cases read from their files that the cache would keep */
	struct cache *k = cached ? cache_read(dir, &in->form) : NULL;
	unsigned char *keep = xcalloc(ncases ? ncases : 1, 1);	/* [case]: for the cache */

	in->cases = xcalloc(ncases, sizeof *in->cases);
	if (w <= 1) {
		for (size_t i = 0; i < ncases; i++) {
			char *path = xasprintf("%s/cases/%s", dir, names[i]);
			size_t first = p->n;

			if (cache_take(k, &in->form, names[i], path, &in->cases[in->ncases])) {
				keep[in->ncases++] = 1;
				taken++;
			} else if (case_load(&in->cases[in->ncases], &in->form, path, p) == 0) {
				keep[in->ncases] = p->n == first;	/* not one with warnings */
				missed += keep[in->ncases] && cache_keepable(&in->cases[in->ncases]);
				in->ncases++;
			} else {
				left_out(in, names[i], p, first);
			}
			free(path);
		}
		goto done;
	}

	l.in = in;
	l.dir = dir;
	l.names = names;
	l.cache = k;
	l.n = ncases;
	l.slots = xcalloc(ncases, sizeof *l.slots);
	atomic_init(&l.next, 0);
	tids = xcalloc(w - 1, sizeof *tids);
	/* signals stay with the calling thread: the workers block them all */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	for (size_t t = 0; t < w - 1; t++) {
		if (pthread_create(&tids[t], NULL, load_thread, &l) != 0)
			break;
		started++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	load_some(&l);		/* the calling thread is one of the W */
	for (size_t t = 0; t < started; t++)
		pthread_join(tids[t], NULL);
	free(tids);

	for (size_t i = 0; i < ncases; i++) {
		size_t first = p->n;
		int clean = l.slots[i].p.n == 0;

		take_problems(p, &l.slots[i].p);
		if (!l.slots[i].loaded) {	/* case_load has freed it */
			left_out(in, names[i], p, first);
			continue;
		}
		taken += l.slots[i].cached;
		if (in->ncases != i)
			in->cases[in->ncases] = in->cases[i];
		missed += !l.slots[i].cached && clean && cache_keepable(&in->cases[in->ncases]);
		keep[in->ncases++] = (unsigned char)clean;
	}
	/* the slots past the last case hold nothing now (moved or freed) */
	memset(in->cases + in->ncases, 0, (ncases - in->ncases) * sizeof *in->cases);
	free(l.slots);
done:
	in->from_cache = taken;
	/* the cache made again when a file it would keep was read (or there
	 * was none): not for a case it never keeps (one with a conflict) */
	if (cached && (k == NULL || missed > 0))
		cache_write(dir, &in->form, in->cases, keep, in->ncases);
	cache_free(k);
	free(keep);
}


/* Could a merge have kept conflict K: on a judgement, an [inspection]
 * key, or a key of a decision on a standard rated from cases? */
static int
conflict_known(const struct inspection *in, const struct conflict *k)
{
	static const char *const decision_keys[] = { "kq", "from", "to", "why", "by", "at", NULL };
	int s;

	if (strcmp(k->section, "judgements") == 0 || strcmp(k->section, "inspection") == 0)
		return 1;	/* (an unknown key of these is settled: nothing to keep) */
	if (strncmp(k->section, "decision.", 9) != 0 ||
	    (s = form_std_index(&in->form, k->section + 9)) < 0 ||
	    in->form.stds[s].rating != RATING_CASES)
		return 0;
	for (size_t i = 0; decision_keys[i]; i++)
		if (strcmp(k->key, decision_keys[i]) == 0)
			return 1;
	return 0;
}

/* Conflicts settled since dropped; one that inspection.ini cannot hold
 * is an error of R (kept, it could not be written back) */
static void
settle_conflicts(struct inspection *in, struct iniread *r)
{
	for (size_t i = in->conflicts.n; i-- > 0;) {
		const struct conflict *k = &in->conflicts.v[i];

		if (!conflict_known(in, k)) {
			char *sec = xasprintf("%s%s", CONFLICT_PREFIX, k->section);

			iniread_err(r, sec, NULL, "a conflict on %s, not a judgement, inspection "
			    "field nor panel decision of framework %s", k->key, in->form.id);
			free(sec);
			conflict_remove(&in->conflicts, i);
		} else if (insp_conflict_settled(in, k))
			conflict_remove(&in->conflicts, i);
	}
}

static int
cmp_left_out(const void *a, const void *b)
{
	return strcmp(((const struct insp_left_out *)a)->name,
	    ((const struct insp_left_out *)b)->name);
}

/* What git left unfinished in DIR (gitstate.h): inspection.ini unmerged is
 * an error of P; a case file unmerged is taken out of NAMES (NULL-ended)
 * and left out of IN, its error in P: what it holds may be one side of the
 * merge only, and nothing of it is counted */
static void
git_unmerged(struct inspection *in, const char *dir, char **names, struct problems *p)
{
	struct gitstate gs;
	struct err e;
	size_t to = 0;

	if (gitstate_read(dir, &gs, &e) < 0) {
		problems_add(p, PROBLEM_WARNING, "%s (a git merge left unfinished cannot be "
		    "looked for)", e.msg);
		return;
	}
	in->git_merging = gs.merging;
	if (gitstate_unmerged(&gs, INSP_FILE))
		problems_add(p, PROBLEM_ERROR, "%s: git has not merged it with the other copy "
		    "(its merge driver did not run): it may hold one side only; 'yjinspect sync "
		    "%s' merges it", in->path, dir);
	for (size_t i = 0; names[i]; i++) {
		char *rel = xasprintf("cases/%s", names[i]);

		if (gitstate_unmerged(&gs, rel)) {
			size_t first = p->n;

			problems_add(p, PROBLEM_ERROR, "%s/cases/%s: git has not merged it with the "
			    "other copy (its merge driver did not run): it may hold one side only, "
			    "so nothing in it is counted; 'yjinspect sync %s' merges it", dir,
			    names[i], dir);
			left_out(in, names[i], p, first);
			free(names[i]);
		} else
			names[to++] = names[i];
		free(rel);
	}
	names[to] = NULL;
	gitstate_free(&gs);
}

/* IN's judgements, decisions, findings, evidence and conflicts from the
 * sections of R's file after [inspection] (IN's framework loaded) */
static void
read_body(struct ireader *r)
{
	struct inspection *in = r->in;

	in->judgements = xmalloc(in->form.nstds * sizeof *in->judgements);
	for (size_t i = 0; i < in->form.nstds; i++)
		in->judgements[i] = JUDGE_UNSET;
	in->strengths = xcalloc(in->form.nstds, sizeof *in->strengths);
	in->improvements = xcalloc(in->form.nstds, sizeof *in->improvements);
	in->evidence = xcalloc(in->form.nkqs ? in->form.nkqs : 1, sizeof *in->evidence);
	for (size_t i = 0; i < r->rd.ini.nsecs; i++) {
		const struct ini_section *sec = &r->rd.ini.secs[i];

		if (strcmp(sec->name, "inspection") == 0)
			continue;
		if (strcmp(sec->name, "judgements") == 0)
			read_judgements(r, sec);
		else if (strncmp(sec->name, "decision.", 9) == 0)
			read_decision(r, sec, sec->name + 9);
		else if (strncmp(sec->name, "findings.", 9) == 0)
			read_findings(r, sec, sec->name + 9);
		else if (strcmp(sec->name, "evidence") == 0)
			read_evidence(r, sec);
		else if (conflict_section_of(sec->name))
			conflict_read(&in->conflicts, &r->rd, sec);
		else
			iniread_err(&r->rd, sec->name, NULL, "unknown section (expected inspection, "
			    "judgements, decision.STANDARD, findings.STANDARD, evidence or "
			    "conflicts.SECTION)");
	}
	settle_conflicts(in, &r->rd);
}

static int
open_dir(struct inspection *in, const char *dir, const char *forms_dir, struct problems *p,
    int cached)
{
	struct ireader r = { { { 0 }, p, 0 }, in };
	struct err e;
	const struct ini_section *s;
	char **names;
	size_t ncases = 0;

	memset(in, 0, sizeof *in);
	in->dir = xstrdup(dir);
	in->path = xasprintf("%s/%s", dir, INSP_FILE);
	/* the text the next save merges from (insp_save) must be the text
	 * parsed: read before the parse and again after it, and parsed again
	 * while another program's save came in between (a few times at most:
	 * then the older text, which can only make a merge keep more) */
	in->text = file_read(in->path, FILE_ANY_SIZE, 0, NULL);
	for (int tries = 0;; tries++) {
		char *again;

		if (ini_load(&r.rd.ini, in->path, &e) < 0) {
			problems_add(p, PROBLEM_ERROR, "%s", e.msg);
			insp_close(in);
			return -1;
		}
		again = file_read(in->path, FILE_ANY_SIZE, 0, NULL);
		if (tries == 4 || again == NULL || in->text == NULL ||
		    strcmp(again, in->text) == 0) {
			free(again);
			break;
		}
		free(in->text);
		in->text = again;
		ini_free(&r.rd.ini);
	}
	s = ini_section(&r.rd.ini, "inspection");
	if (s == NULL) {
		problems_add(p, PROBLEM_ERROR, "%s: no [inspection] section: not an inspection file",
		    in->path);
		goto fail;
	}
	read_inspection(&r, s);
	/* other errors in [inspection] are reported, but the rest is read too,
	 * so that check can list every problem; without a framework nothing
	 * else can be read */
	if (in->framework == NULL || *in->framework == '\0')
		goto fail;
	if (form_load_id(&in->form, forms_dir, in->framework, &e) < 0) {
		problems_add(p, PROBLEM_ERROR, "%s:%d: [inspection] framework: %s", in->path,
		    ini_line(&r.rd.ini, "inspection", "framework"), e.msg);
		goto fail;
	}
	read_body(&r);
	ini_free(&r.rd.ini);

	sweep_folder(dir, p);
	names = insp_list_cases(dir, p);
	git_unmerged(in, dir, names, p);
	for (size_t i = 0; names[i]; i++)
		ncases++;
	load_cases(in, dir, names, ncases, p, cached);
	if (in->nleft_out > 1)
		qsort(in->left_out, in->nleft_out, sizeof *in->left_out, cmp_left_out);
	for (size_t i = 0; names[i]; i++)
		free(names[i]);
	free(names);
	insp_check_references(in, 0, p);
	return 0;
fail:
	ini_free(&r.rd.ini);
	insp_close(in);
	return -1;
}

int
insp_open(struct inspection *in, const char *dir, const char *forms_dir, struct problems *p)
{
	return open_dir(in, dir, forms_dir, p, 0);
}

int
insp_open_cached(struct inspection *in, const char *dir, const char *forms_dir,
    struct problems *p)
{
	return open_dir(in, dir, forms_dir, p, 1);
}

int
insp_open_usable(struct inspection *in, const char *dir, const char *forms_dir,
    struct buf *why)
{
	struct problems p = PROBLEMS_INIT;
	int rc = insp_open_cached(in, dir, forms_dir, &p);

	/* (a failed opening leaves IN empty: no error is then a left-out's) */
	if (rc < 0 || p.nerrors > in->left_out_errors) {
		for (size_t i = 0; i < p.n; i++)
			if (p.v[i].level == PROBLEM_ERROR && !insp_left_out_error(in, p.v[i].msg)) {
				buf_adds(why, p.v[i].msg);
				if (p.nerrors > 1)
					buf_printf(why, " (and %zu more: see 'yjinspect check')",
					    p.nerrors - 1);
				break;
			}
		if (rc == 0)
			insp_close(in);
		rc = -1;
	}
	problems_free(&p);
	return rc;
}

void
insp_decision_free(struct insp_decision *d)
{
	free(d->kq);
	free(d->why);
	free(d->by);
	free(d->at);
}

int
insp_left_out_error(const struct inspection *in, const char *msg)
{
	size_t n = in->dir ? strlen(in->dir) : 0;

	if (n == 0 || strncmp(msg, in->dir, n) != 0 || strncmp(msg + n, "/cases/", 7) != 0)
		return 0;
	for (size_t i = 0; i < in->nleft_out; i++) {
		size_t k = strlen(in->left_out[i].name);

		if (strncmp(msg + n + 7, in->left_out[i].name, k) == 0 && msg[n + 7 + k] == ':')
			return 1;
	}
	return 0;
}

/* Free what IN holds of inspection.ini (not its form, path, text or cases) */
static void
meta_free(struct inspection *in)
{
	for (size_t i = 0; i < in->ndecisions; i++)
		insp_decision_free(&in->decisions[i]);
	free(in->decisions);
	in->decisions = NULL;
	in->ndecisions = 0;
	for (size_t i = 0; in->strengths && i < in->form.nstds; i++) {
		free(in->strengths[i]);
		free(in->improvements[i]);
	}
	free(in->strengths);
	free(in->improvements);
	in->strengths = in->improvements = NULL;
	for (size_t i = 0; in->evidence && i < in->form.nkqs; i++)
		free(in->evidence[i]);
	free(in->evidence);
	in->evidence = NULL;
	conflicts_free(&in->conflicts);
	free(in->judgements);
	in->judgements = NULL;
	free(in->framework);
	free(in->service);
	free(in->lead);
	free(in->fieldwork_start);
	free(in->fieldwork_end);
	free(in->created);
	in->framework = in->service = in->lead = NULL;
	in->fieldwork_start = in->fieldwork_end = in->created = NULL;
}

void
insp_close(struct inspection *in)
{
	for (size_t i = 0; i < in->ncases; i++)
		case_free(&in->cases[i], &in->form);
	free(in->cases);
	for (size_t i = 0; i < in->nleft_out; i++) {
		free(in->left_out[i].name);
		free(in->left_out[i].why);
	}
	free(in->left_out);
	meta_free(in);
	form_free(&in->form);
	free(in->dir);
	free(in->path);
	free(in->text);
	memset(in, 0, sizeof *in);
}

/* ---- writing ---- */

/* IN as inspection.ini's text, into W (iniw_init'ed) */
void
insp_text(const struct inspection *in, struct iniw *w)
{
	const struct form *f = &in->form;
	struct buf sec = { 0 };

	iniw_comment(w, "yjinspect inspection file: written by yjinspect; see yjinspect-inspection(5)");
	iniw_section(w, "inspection");
	iniw_raw(w, "format", INSP_FORMAT);
	iniw_raw(w, "framework", f->id);
	if (in->service)
		iniw_str(w, "service", in->service);
	if (in->lead)
		iniw_str(w, "lead", in->lead);
	if (in->fieldwork_start)
		iniw_str(w, "fieldwork_start", in->fieldwork_start);
	if (in->fieldwork_end)
		iniw_str(w, "fieldwork_end", in->fieldwork_end);
	if (in->created)
		iniw_str(w, "created", in->created);
	iniw_section(w, "judgements");
	for (size_t s = 0; s < f->nstds; s++) {
		int j = in->judgements ? in->judgements[s] : JUDGE_UNSET;

		if (f->stds[s].rating != RATING_JUDGEMENT || j == JUDGE_UNSET)
			continue;
		iniw_raw(w, f->stds[s].id, j == JUDGE_NOT_RATED ? "not-rated" : f->bands[j].id);
	}
	for (size_t i = 0; i < in->ndecisions; i++) {
		const struct insp_decision *d = &in->decisions[i];

		buf_reset(&sec);
		buf_printf(&sec, "decision.%s", f->stds[d->std].id);
		iniw_section(w, buf_str(&sec));
		if (d->kq)
			iniw_raw(w, "kq", d->kq);
		iniw_raw(w, "from", f->bands[d->from].id);
		iniw_raw(w, "to", f->bands[d->to].id);
		iniw_str(w, "why", d->why ? d->why : "");
		if (d->by)
			iniw_str(w, "by", d->by);
		if (d->at)
			iniw_str(w, "at", d->at);
	}
	for (size_t s = 0; in->strengths && s < f->nstds; s++) {
		if (in->strengths[s] == NULL && in->improvements[s] == NULL)
			continue;
		buf_reset(&sec);
		buf_printf(&sec, "findings.%s", f->stds[s].id);
		iniw_section(w, buf_str(&sec));
		if (in->strengths[s])
			iniw_str(w, "strengths", in->strengths[s]);
		if (in->improvements[s])
			iniw_str(w, "improvements", in->improvements[s]);
	}
	{
		int any = 0;

		for (size_t q = 0; in->evidence && q < f->nkqs; q++) {
			if (in->evidence[q] == NULL)
				continue;
			if (!any++)
				iniw_section(w, "evidence");
			iniw_str(w, f->kqs[q].id, in->evidence[q]);
		}
	}
	{
		struct conflicts keep = { 0 };	/* less those given a value since */

		for (size_t i = 0; i < in->conflicts.n; i++) {
			const struct conflict *c = &in->conflicts.v[i];

			if (!insp_conflict_settled(in, c))
				conflict_add(&keep, c->section, c->key, c->ours, c->ours_by,
				    c->theirs, c->theirs_by);
		}
		conflict_write(w, &keep);
		conflicts_free(&keep);
	}
	buf_free(&sec);
}

/* Read IN's inspection.ini (just saved, its lock held) back into IN's
 * judgements, decisions, findings, evidence, conflicts and [inspection]
 * fields; -1 with E set (IN unchanged) if it cannot be */
static int
reload_meta(struct inspection *in, struct err *e)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection t;
	struct ireader r = { { { 0 }, &p, 0 }, &t };
	const struct ini_section *s;
	int rc = -1;

	memset(&t, 0, sizeof t);
	t.path = in->path;
	t.form = in->form;	/* shared, not freed here */
	if (ini_load(&r.rd.ini, in->path, e) < 0)
		goto out;
	if ((s = ini_section(&r.rd.ini, "inspection")) == NULL)
		problems_add(&p, PROBLEM_ERROR, "%s: no [inspection] section", in->path);
	else
		read_inspection(&r, s);
	if (p.nerrors == 0 && (t.framework == NULL || strcmp(t.framework, in->form.id) != 0))
		problems_add(&p, PROBLEM_ERROR, "%s: its framework is now %s, not %s", in->path,
		    t.framework ? t.framework : "none", in->form.id);
	if (p.nerrors == 0)
		read_body(&r);
	ini_free(&r.rd.ini);
	if (p.nerrors > 0) {
		for (size_t i = 0; i < p.n; i++)
			if (p.v[i].level == PROBLEM_ERROR) {
				err_set(e, "saved with another program's changes to it, but it "
				    "cannot be read back: %s", p.v[i].msg);
				break;
			}
		meta_free(&t);
		goto out;
	}
	meta_free(in);
	in->framework = t.framework;
	in->service = t.service;
	in->lead = t.lead;
	in->fieldwork_start = t.fieldwork_start;
	in->fieldwork_end = t.fieldwork_end;
	in->created = t.created;
	in->judgements = t.judgements;
	in->decisions = t.decisions;
	in->ndecisions = t.ndecisions;
	in->strengths = t.strengths;
	in->improvements = t.improvements;
	in->evidence = t.evidence;
	in->conflicts = t.conflicts;
	rc = 0;
out:
	problems_free(&p);
	return rc;
}

int
insp_save(struct inspection *in, struct err *e)
{
	struct iniw w;
	struct buf merged = BUF_INIT;
	struct merge_stats ms = { 0 };
	const char *text;
	size_t len;
	char *now = NULL, *kept = NULL;
	int lockfd, rc = -1, theirs = 0;

	iniw_init(&w);
	insp_text(in, &w);
	text = iniw_text(&w);
	len = iniw_len(&w);
	/* held from reading the file again to saving it */
	if ((lockfd = save_lock_hold(in->path, e)) < 0)
		goto out;
	errno = 0;
	now = file_read(in->path, FILE_ANY_SIZE, 0, NULL);
	if (now == NULL && errno != ENOENT) {
		err_set(e, "%s: cannot read it again before saving: %s", in->path,
		    strerror(errno ? errno : EIO));
		goto unlock;
	}
	/* a person's comments in the file come through (inikeep.h): those of
	 * the text IN was read from, put in ours (a merge then adds those
	 * another program's copy has and that text had not) */
	kept = inikeep(in->text ? in->text : now, text, CONFLICT_NOTE_LINE "\n", &len);
	if (kept)
		text = kept;
	if (in->text && now && strcmp(now, in->text) != 0) {
		/* another program saved it since: its changes and ours, key by key */
		struct err m;

		if (merge_texts(in->text, text, now, &merged, &ms, NULL, &m) < 0) {
			err_set(e, "%s: changed by another program since it was read, and the "
			    "two cannot be merged key by key (%s): nothing saved", in->path, m.msg);
			goto unlock;
		}
		text = buf_str(&merged);
		len = merged.len;
		theirs = 1;
	}
	/* the change in inspection.journal first, as a case's (journal.h): a
	 * save that cannot be journaled is not made; the meeting's record
	 * (meeting.h) reads the decisions' history there */
	if (journal_record(in->path, now, text, case_journal_who(), e) < 0)
		goto unlock;
	if (save_file_held(in->path, text, len, e) < 0)
		goto unlock;
	/* the next save's base is what IN now holds: kept as it was if the
	 * merged file cannot be read back into IN, which then lacks the other
	 * program's changes but not its own (saved: its next save merges
	 * again, and the terminal UI reads a changed file again anyway) */
	if (theirs && reload_meta(in, e) < 0) {
		rc = 0;
		goto unlock;
	}
	free(in->text);
	in->text = xstrndup(text, len);
	in->saved_theirs = ms.from_theirs + ms.notes_joined;
	in->saved_conflicts = ms.conflicts;
	rc = 0;
unlock:
	save_unlock(lockfd);
out:
	free(now);
	free(kept);
	buf_free(&merged);
	iniw_free(&w);
	return rc;
}

const char *
insp_merge_note(const struct inspection *in, char *buf, size_t size)
{
	struct buf b = { 0 };

	if (in->saved_theirs == 0 && in->saved_conflicts == 0)
		return "";
	if (in->saved_conflicts == 0)
		buf_printf(&b, " Another yjinspect had saved %s meanwhile: its changes "
		    "are kept.", INSP_FILE);
	else
		buf_printf(&b, " Another yjinspect had saved %s meanwhile: its changes "
		    "are kept; %zu changed both there and here %s kept as %s, counted neither "
		    "way (yjinspect check lists %s).", INSP_FILE, in->saved_conflicts,
		    in->saved_conflicts == 1 ? "is" : "are",
		    in->saved_conflicts == 1 ? "a conflict" : "conflicts",
		    in->saved_conflicts == 1 ? "it" : "them");
	text_copy(buf, size, buf_str(&b));	/* cut, if it must be, with a mark */
	buf_free(&b);
	return buf;
}
