/* gather.c - folders of one inspection gathered into one (see gather.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/case.h"
#include "team/gather.h"
#include "model/insp.h"
#include "store/journal.h"
#include "store/merge.h"
#include "store/save.h"
#include "base/file.h"
#include "base/text.h"
#include "base/xalloc.h"

/* A line of LOG: FMT's message through text_clean (names and values in it
 * come from a teammate's files), then a newline */
static void __attribute__((format(printf, 2, 3)))
log_line(struct buf *log, const char *fmt, ...)
{
	struct buf raw = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	text_clean(log, buf_str(&raw), 0);
	buf_addc(log, '\n');
	buf_free(&raw);
}

/* DEST made from SRC's inspection.ini, if it has none yet */
static int
make_dest(const char *dest, const char *src, struct buf *log, struct err *e)
{
	char *ini = xasprintf("%s/inspection.ini", dest), *from, *cases, *text;
	int rc = 0;

	if (access(ini, F_OK) == 0) {
		free(ini);
		return 0;
	}
	from = xasprintf("%s/inspection.ini", src);
	cases = xasprintf("%s/cases", dest);
	if ((mkdir(dest, 0700) < 0 && errno != EEXIST) || (mkdir(cases, 0700) < 0 && errno != EEXIST))
		rc = err_set(e, "%s: cannot make the folder: %s", dest, strerror(errno));
	else if ((text = file_read(from, FILE_ANY_SIZE, 0, NULL)) == NULL)
		rc = err_set(e, "%s: cannot be read: %s", from, strerror(errno));
	else {
		rc = save_file_new(ini, text, strlen(text), e);
		free(text);
		if (rc == 0)
			rc = insp_git_files(dest, e);
		if (rc == 0)
			log_line(log, "made %s from %s", dest, from);
	}
	free(ini);
	free(from);
	free(cases);
	return rc;
}

/* The first error of P into E */
static int
first_error(const struct problems *p, const char *what, struct err *e)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].level == PROBLEM_ERROR)
			return err_set(e, "%s: %s", what, p->v[i].msg);
	return 0;
}

/* Is SRC another inspection than DEST? */
static int
same_inspection(const struct inspection *d, const struct inspection *s, struct err *e)
{
	static const char *const keys[] = { "service", "fieldwork_start", "fieldwork_end" };
	const char *a[] = { d->service, d->fieldwork_start, d->fieldwork_end };
	const char *b[] = { s->service, s->fieldwork_start, s->fieldwork_end };

	if (strcmp(d->form.id, s->form.id) != 0)
		return err_set(e, "%s: framework %s, but %s is %s: not gathered", s->path,
		    s->form.id, d->path, d->form.id);
	for (size_t i = 0; i < 3; i++)
		if (a[i] && b[i] && strcmp(a[i], b[i]) != 0)
			return err_set(e, "%s: [inspection] %s '%s', but %s has '%s': a folder of "
			    "another inspection, not gathered", s->path, keys[i], b[i], d->path, a[i]);
	return 0;
}

/* One file of SRC (NAME relative to the folder) gathered into DEST */
static int
gather_file(const char *dest, const char *src, const char *name, int journal, struct buf *log,
    struct gather_stats *st, struct err *e)
{
	char *to = xasprintf("%s/%s", dest, name), *from = xasprintf("%s/%s", src, name);
	char *a = file_read(to, FILE_ANY_SIZE, 0, NULL);
	char *b = file_read(from, FILE_ANY_SIZE, 0, NULL);
	struct conflicts kept = { 0 };
	struct buf out = BUF_INIT;
	char *base = NULL;
	int rc = 0, n = 0;

	/* the copy both started from, where their journals share a history */
	if (a && b && journal && strcmp(a, b) != 0)
		base = journal_shared_base(to, from);
	if (b == NULL)
		rc = err_set(e, "%s: cannot be read: %s", from, strerror(errno));
	else if (a == NULL) {
		if ((rc = save_file_new(to, b, strlen(b), e)) == 0) {
			st->taken++;
			log_line(log, "took %s from %s", name, src);
		}
	} else if (strcmp(a, b) == 0)
		st->same++;
	else if ((n = merge_texts(base ? base : "", a, b, &out, NULL, &kept, e)) < 0)
		rc = err_prefix(e, from);
	else if ((rc = save_file(to, out.data, out.len, e)) == 0) {
		st->merged++;
		st->conflicts += (size_t)n;
		log_line(log, "merged %s from %s%s", name, src, n ? " (conflicts below)" : "");
		for (size_t i = 0; i < kept.n; i++) {
			char d[600];

			conflict_describe(&kept.v[i], d, sizeof d);
			log_line(log, "conflict: %s [%s] %s: %s", name, kept.v[i].section,
			    kept.v[i].key, d);
		}
	}
	if (rc == 0 && journal)
		rc = journal_union(to, from, e);
	free(base);
	conflicts_free(&kept);
	buf_free(&out);
	free(a);
	free(b);
	free(to);
	free(from);
	return rc;
}

int
gather(const char *dest, const char *src, const char *forms_dir, struct buf *log,
    struct gather_stats *st, struct err *e)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection d, s;
	int rc;

	if (make_dest(dest, src, log, e) < 0)
		return -1;
	if (insp_open(&s, src, forms_dir, &p) < 0) {
		rc = first_error(&p, src, e);
		problems_free(&p);
		return rc < 0 ? rc : err_set(e, "%s: cannot be read", src);
	}
	if (insp_open(&d, dest, forms_dir, &p) < 0) {
		insp_close(&s);
		rc = first_error(&p, dest, e);
		problems_free(&p);
		return rc < 0 ? rc : err_set(e, "%s: cannot be read", dest);
	}
	rc = same_inspection(&d, &s, e);
	if (rc == 0 && s.nleft_out)
		rc = err_set(e, "%s: %s", src, s.left_out[0].why);
	if (rc == 0)
		rc = gather_file(dest, src, "inspection.ini", 1, log, st, e);	/* and inspection.journal */
	for (size_t i = 0; rc == 0 && i < s.ncases; i++) {
		char *name = xasprintf("cases/%s", s.cases[i].name);

		rc = gather_file(dest, src, name, 1, log, st, e);
		free(name);
	}
	insp_close(&d);
	insp_close(&s);
	problems_free(&p);
	return rc;
}
