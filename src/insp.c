/* insp.c - the inspection folder (see insp.h). */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>

#include "buf.h"
#include "ini.h"
#include "iniw.h"
#include "insp.h"
#include "save.h"
#include "xalloc.h"

#define INSP_FORMAT "1"
#define INSP_FILE "inspection.ini"

void
insp_now(char *buf, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- reading inspection.ini ---- */

struct ireader {
	struct inspection *in;
	struct ini ini;
	struct problems *p;
	int errors;
};

static void
ierr(struct ireader *r, const char *sec, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
ierr(struct ireader *r, const char *sec, const char *key, const char *fmt, ...)
{
	char what[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (key)
		problems_add(r->p, PROBLEM_ERROR, "%s:%d: [%s] %s: %s", r->ini.path,
		    ini_line(&r->ini, sec, key), sec, key, what);
	else
		problems_add(r->p, PROBLEM_ERROR, "%s:%d: [%s] %s", r->ini.path,
		    ini_line(&r->ini, sec, NULL), sec, what);
	r->errors++;
}

static char *
itext(struct ireader *r, const char *sec, const char *key)
{
	struct err e;
	char *v = NULL;

	if (ini_get_text(&r->ini, sec, key, &v, &e) < 0) {
		problems_add(r->p, PROBLEM_ERROR, "%s", e.msg);
		r->errors++;
	}
	return v;
}

static void
check_keys(struct ireader *r, const struct ini_section *s, const char *const *keys)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		size_t j;

		for (j = 0; keys[j] && strcmp(keys[j], s->keys[i].name) != 0; j++)
			;
		if (keys[j] == NULL)
			ierr(r, s->name, s->keys[i].name, "unknown key");
	}
}

static void
read_inspection(struct ireader *r, const struct ini_section *s)
{
	static const char *const keys[] = { "format", "framework", "service", "lead",
	    "fieldwork_start", "fieldwork_end", "created", NULL };
	struct inspection *in = r->in;
	char *format;

	check_keys(r, s, keys);
	format = itext(r, s->name, "format");
	if (format != NULL && strcmp(format, INSP_FORMAT) != 0)
		ierr(r, s->name, "format", "format '%s' is not one this version reads (%s)",
		    format, INSP_FORMAT);
	free(format);
	in->framework = itext(r, s->name, "framework");
	if (in->framework == NULL || *in->framework == '\0')
		ierr(r, s->name, NULL, "missing 'framework'");
	in->service = itext(r, s->name, "service");
	in->lead = itext(r, s->name, "lead");
	in->fieldwork_start = itext(r, s->name, "fieldwork_start");
	in->fieldwork_end = itext(r, s->name, "fieldwork_end");
	in->created = itext(r, s->name, "created");
}

static int
band_or_not_rated(const struct form *f, const char *v)
{
	if (strcmp(v, "not-rated") == 0)
		return JUDGE_NOT_RATED;
	return form_band_index(f, v) >= 0 ? form_band_index(f, v) : JUDGE_UNSET;
}

static void
read_judgements(struct ireader *r, const struct ini_section *s)
{
	const struct form *f = &r->in->form;

	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		const char *v = ini_get(&r->ini, s->name, k);
		int si = form_std_index(f, k), b;

		if (si < 0) {
			ierr(r, s->name, k, "no standard %s in framework %s", k, f->id);
			continue;
		}
		if (f->stds[si].rating != RATING_JUDGEMENT) {
			ierr(r, s->name, k, "standard %s is rated from cases, not by judgement "
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
			ierr(r, s->name, k, "'%s' is not one of: %snot-rated", v, buf_str(&ok));
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
	int before = r->errors;

	check_keys(r, s, keys);
	if (si < 0) {
		ierr(r, s->name, NULL, "no standard %s in framework %s", id, f->id);
		return;
	}
	if (f->stds[si].rating != RATING_CASES) {
		ierr(r, s->name, NULL, "standard %s is judgement-rated: record its rating "
		    "in [judgements]", id);
		return;
	}
	d.std = (size_t)si;
	for (int i = 0; i < 2; i++) {
		const char *v = ini_get(&r->ini, s->name, ends[i]);

		if (v == NULL)
			ierr(r, s->name, NULL, "missing '%s'", ends[i]);
		else if ((*vals[i] = form_band_index(f, v)) < 0)
			ierr(r, s->name, ends[i], "'%s' is not a band of framework %s", v, f->id);
	}
	d.kq = itext(r, s->name, "kq");
	if (d.kq != NULL) {
		int q = form_kq_index(f, d.kq);

		if (q < 0 || f->kqs[q].std != (size_t)si)
			ierr(r, s->name, "kq", "%s is not a key question of standard %s", d.kq, id);
	}
	d.why = itext(r, s->name, "why");
	if (d.why == NULL || *d.why == '\0')
		ierr(r, s->name, NULL, "missing 'why': a panel decision records its reason");
	d.by = itext(r, s->name, "by");
	d.at = itext(r, s->name, "at");
	if (r->errors != before) {
		free(d.kq);
		free(d.why);
		free(d.by);
		free(d.at);
		return;
	}
	in->decisions = xrealloc(in->decisions, (in->ndecisions + 1) * sizeof *in->decisions);
	in->decisions[in->ndecisions++] = d;
}

/* ---- cases ---- */

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.ini files of DIR/cases, sorted; NULL-terminated. */
static char **
list_cases(const char *dir, struct problems *p)
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

		if (de->d_name[0] == '.' || len <= 4 || strcmp(de->d_name + len - 4, ".ini") != 0)
			continue;
		names = xrealloc(names, (n + 2) * sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	names[n] = NULL;
	qsort(names, n, sizeof *names, cmp_name);
	free(cdir);
	return names;
}

int
insp_open(struct inspection *in, const char *dir, const char *forms_dir, struct problems *p)
{
	struct ireader r = { in, { 0 }, p, 0 };
	struct err e;
	const struct ini_section *s;
	char **names;
	size_t ncases = 0;

	memset(in, 0, sizeof *in);
	in->dir = xstrdup(dir);
	in->path = xasprintf("%s/%s", dir, INSP_FILE);
	if (ini_load(&r.ini, in->path, &e) < 0) {
		problems_add(p, PROBLEM_ERROR, "%s", e.msg);
		insp_close(in);
		return -1;
	}
	s = ini_section(&r.ini, "inspection");
	if (s == NULL) {
		problems_add(p, PROBLEM_ERROR, "%s: no [inspection] section: not an inspection file",
		    in->path);
		goto fail;
	}
	read_inspection(&r, s);
	if (r.errors)
		goto fail;
	if (form_load_id(&in->form, forms_dir, in->framework, &e) < 0) {
		problems_add(p, PROBLEM_ERROR, "%s:%d: [inspection] framework: %s", in->path,
		    ini_line(&r.ini, "inspection", "framework"), e.msg);
		goto fail;
	}
	in->judgements = xmalloc(in->form.nstds * sizeof *in->judgements);
	for (size_t i = 0; i < in->form.nstds; i++)
		in->judgements[i] = JUDGE_UNSET;
	for (size_t i = 0; i < r.ini.nsecs; i++) {
		const struct ini_section *sec = &r.ini.secs[i];

		if (strcmp(sec->name, "inspection") == 0)
			continue;
		if (strcmp(sec->name, "judgements") == 0)
			read_judgements(&r, sec);
		else if (strncmp(sec->name, "decision.", 9) == 0)
			read_decision(&r, sec, sec->name + 9);
		else
			ierr(&r, sec->name, NULL, "unknown section (expected inspection, "
			    "judgements or decision.STANDARD)");
	}
	ini_free(&r.ini);

	names = list_cases(dir, p);
	for (size_t i = 0; names[i]; i++)
		ncases++;
	in->cases = xcalloc(ncases, sizeof *in->cases);
	for (size_t i = 0; names[i]; i++) {
		char *path = xasprintf("%s/cases/%s", dir, names[i]);

		if (case_load(&in->cases[in->ncases], &in->form, path, p) == 0)
			in->ncases++;
		free(path);
		free(names[i]);
	}
	free(names);
	return 0;
fail:
	ini_free(&r.ini);
	insp_close(in);
	return -1;
}

void
insp_close(struct inspection *in)
{
	for (size_t i = 0; i < in->ncases; i++)
		case_free(&in->cases[i], &in->form);
	free(in->cases);
	for (size_t i = 0; i < in->ndecisions; i++) {
		free(in->decisions[i].kq);
		free(in->decisions[i].why);
		free(in->decisions[i].by);
		free(in->decisions[i].at);
	}
	free(in->decisions);
	free(in->judgements);
	form_free(&in->form);
	free(in->dir);
	free(in->path);
	free(in->framework);
	free(in->service);
	free(in->lead);
	free(in->fieldwork_start);
	free(in->fieldwork_end);
	free(in->created);
	memset(in, 0, sizeof *in);
}

void
insp_check(const struct inspection *in, struct problems *p)
{
	const struct form *f = &in->form;

	for (size_t s = 0; s < f->nstds; s++)
		if (f->stds[s].rating == RATING_JUDGEMENT && in->judgements[s] == JUDGE_UNSET)
			problems_add(p, PROBLEM_WARNING, "%s: [judgements] %s: no judgement "
			    "recorded for %s %s", in->path, f->stds[s].id, f->stds[s].id,
			    f->stds[s].name);
	if (in->ncases == 0)
		problems_add(p, PROBLEM_WARNING, "%s/cases: no cases yet", in->dir);
	for (size_t i = 0; i < in->ncases; i++)
		case_check(&in->cases[i], f, p);
	/* references must tell cases apart */
	for (size_t i = 0; i < in->ncases; i++)
		for (size_t j = i + 1; j < in->ncases; j++)
			if (in->cases[i].reference && in->cases[j].reference &&
			    strcmp(in->cases[i].reference, in->cases[j].reference) == 0)
				problems_add(p, PROBLEM_WARNING, "%s: [case] reference: '%s' is "
				    "also the reference of %s", in->cases[j].path,
				    in->cases[j].reference, in->cases[i].name);
}

/* ---- writing ---- */

int
insp_save(const struct inspection *in, struct err *e)
{
	const struct form *f = &in->form;
	struct iniw w;
	int rc;

	iniw_init(&w);
	iniw_comment(&w, "yjinspect inspection file: written by yjinspect; see yjinspect-inspection(5)");
	iniw_section(&w, "inspection");
	iniw_raw(&w, "format", INSP_FORMAT);
	iniw_raw(&w, "framework", f->id);
	if (in->service)
		iniw_str(&w, "service", in->service);
	if (in->lead)
		iniw_str(&w, "lead", in->lead);
	if (in->fieldwork_start)
		iniw_str(&w, "fieldwork_start", in->fieldwork_start);
	if (in->fieldwork_end)
		iniw_str(&w, "fieldwork_end", in->fieldwork_end);
	if (in->created)
		iniw_str(&w, "created", in->created);
	iniw_section(&w, "judgements");
	for (size_t s = 0; s < f->nstds; s++) {
		int j = in->judgements ? in->judgements[s] : JUDGE_UNSET;

		if (f->stds[s].rating != RATING_JUDGEMENT || j == JUDGE_UNSET)
			continue;
		iniw_raw(&w, f->stds[s].id, j == JUDGE_NOT_RATED ? "not-rated" : f->bands[j].id);
	}
	for (size_t i = 0; i < in->ndecisions; i++) {
		const struct insp_decision *d = &in->decisions[i];
		char sec[128];

		snprintf(sec, sizeof sec, "decision.%s", f->stds[d->std].id);
		iniw_section(&w, sec);
		if (d->kq)
			iniw_raw(&w, "kq", d->kq);
		iniw_raw(&w, "from", f->bands[d->from].id);
		iniw_raw(&w, "to", f->bands[d->to].id);
		iniw_str(&w, "why", d->why ? d->why : "");
		if (d->by)
			iniw_str(&w, "by", d->by);
		if (d->at)
			iniw_str(&w, "at", d->at);
	}
	rc = save_file(in->path, iniw_text(&w), iniw_len(&w), e);
	iniw_free(&w);
	return rc;
}

/* fsync the directory that holds PATH, so that a new entry in it survives
 * a crash. */
static void
sync_parent(const char *path)
{
	char *parent = xstrdup(path);
	char *slash = strrchr(parent, '/');
	int fd;

	if (slash == NULL)
		strcpy(parent, ".");
	else if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	fd = open(parent, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(parent);
}

static int
make_dir(const char *path, struct err *e)
{
	if (mkdir(path, 0700) == 0) {
		sync_parent(path);
		return 0;
	}
	if (errno == EEXIST) {
		struct stat st;

		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
		return err_set(e, "%s: exists and is not a directory", path);
	}
	return err_set(e, "%s: cannot create the directory: %s", path, strerror(errno));
}

int
insp_create(const char *dir, const char *forms_dir, const char *framework_id,
    const char *service, const char *lead, struct err *e)
{
	struct inspection in = { 0 };
	char created[32];
	char *cases;
	int rc;

	in.path = xasprintf("%s/%s", dir, INSP_FILE);
	if (access(in.path, F_OK) == 0) {
		err_set(e, "%s: already exists: %s holds an inspection", in.path, dir);
		free(in.path);
		return -1;
	}
	if (form_load_id(&in.form, forms_dir, framework_id, e) < 0) {
		free(in.path);
		return -1;
	}
	cases = xasprintf("%s/cases", dir);
	rc = make_dir(dir, e);
	if (rc == 0)
		rc = make_dir(cases, e);
	if (rc == 0) {
		insp_now(created, sizeof created);
		in.service = (char *)(uintptr_t)service;
		in.lead = (char *)(uintptr_t)lead;
		in.created = created;
		rc = insp_save(&in, e);
	}
	free(cases);
	free(in.path);
	form_free(&in.form);
	return rc;
}

static int
copy_file(const char *from, const char *to, struct err *e)
{
	FILE *fp = fopen(from, "rb");
	struct buf data = BUF_INIT;
	char chunk[8192];
	size_t n;
	int rc;

	if (fp == NULL)
		return err_set(e, "%s: cannot read: %s", from, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&data, chunk, n);
	if (ferror(fp)) {
		fclose(fp);
		buf_free(&data);
		return err_set(e, "%s: read error", from);
	}
	fclose(fp);
	rc = save_file(to, buf_str(&data), data.len, e);
	buf_free(&data);
	return rc;
}

static int
dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int empty = 1;

	if (d == NULL)
		return 1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

int
insp_copy(const char *src, const char *dst, struct err *e)
{
	struct problems p = PROBLEMS_INIT;
	char **names;
	char *from, *to;
	int rc;

	from = xasprintf("%s/%s", src, INSP_FILE);
	if (access(from, R_OK) != 0) {
		err_set(e, "%s: %s", from, strerror(errno));
		free(from);
		return -1;
	}
	if (!dir_is_empty(dst)) {
		free(from);
		return err_set(e, "%s: is not empty: will not copy an inspection over it", dst);
	}
	to = xasprintf("%s/cases", dst);
	rc = make_dir(dst, e);
	if (rc == 0)
		rc = make_dir(to, e);
	free(to);
	to = xasprintf("%s/%s", dst, INSP_FILE);
	if (rc == 0)
		rc = copy_file(from, to, e);
	free(from);
	free(to);
	names = list_cases(src, &p);
	for (size_t i = 0; names[i]; i++) {
		if (rc == 0) {
			from = xasprintf("%s/cases/%s", src, names[i]);
			to = xasprintf("%s/cases/%s", dst, names[i]);
			rc = copy_file(from, to, e);
			free(from);
			free(to);
		}
		free(names[i]);
	}
	free(names);
	if (rc == 0 && p.nerrors)
		rc = err_set(e, "%s", p.v[0].msg);
	problems_free(&p);
	return rc;
}
