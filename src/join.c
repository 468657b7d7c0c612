/* join.c - several folders of one inspection read as one (see join.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "join.h"
#include "xalloc.h"

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static const char *
judgement_id(const struct form *f, int j)
{
	return j == JUDGE_NOT_RATED ? "not-rated" : j == JUDGE_UNSET ? "none" : f->bands[j].id;
}

static const struct insp_decision *
decision_of(const struct inspection *in, size_t std)
{
	for (size_t i = 0; i < in->ndecisions; i++)
		if (in->decisions[i].std == std)
			return &in->decisions[i];
	return NULL;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* A finding (strengths, improvements) of standard ID: OTHER's where IN
 * has none; an error when both have it and it differs. */
static void
join_text(char **mine, const char *theirs, const struct inspection *in,
    const struct inspection *other, const char *id, const char *key, struct problems *p)
{
	if (theirs == NULL)
		return;
	if (*mine == NULL)
		*mine = xstrdup(theirs);
	else if (strcmp(*mine, theirs) != 0)
		problems_add(p, PROBLEM_ERROR, "%s: [findings.%s] %s: not those %s records: the "
		    "folders disagree on the findings", other->path, id, key, in->path);
}

/* Take OTHER's judgements, decisions and findings where IN has none; an
 * error for each that differs. */
static void
join_ratings(struct inspection *in, const struct inspection *other, struct problems *p)
{
	const struct form *f = &in->form;

	for (size_t s = 0; s < f->nstds; s++) {
		int a = in->judgements[s], b = other->judgements[s];
		const struct insp_decision *da = decision_of(in, s), *db = decision_of(other, s);

		if (a == JUDGE_UNSET)
			in->judgements[s] = b;
		else if (b != JUDGE_UNSET && a != b)
			problems_add(p, PROBLEM_ERROR, "%s: [judgements] %s: %s, but %s records %s: "
			    "the folders disagree on the judgement", other->path, f->stds[s].id,
			    judgement_id(f, b), in->path, judgement_id(f, a));
		join_text(&in->strengths[s], other->strengths[s], in, other, f->stds[s].id,
		    "strengths", p);
		join_text(&in->improvements[s], other->improvements[s], in, other, f->stds[s].id,
		    "improvements", p);
		if (db == NULL)
			continue;
		if (da == NULL) {
			struct insp_decision d = *db;

			d.kq = dup_or_null(db->kq);
			d.why = dup_or_null(db->why);
			d.by = dup_or_null(db->by);
			d.at = dup_or_null(db->at);
			in->decisions = xrealloc(in->decisions,
			    (in->ndecisions + 1) * sizeof *in->decisions);
			in->decisions[in->ndecisions++] = d;
		} else if (da->from != db->from || da->to != db->to || !same(da->kq, db->kq) ||
		    !same(da->why, db->why))
			problems_add(p, PROBLEM_ERROR, "%s: [decision.%s]: not the decision %s "
			    "records: the folders disagree on the panel's decision", other->path,
			    f->stds[s].id, in->path);
	}
}

static int
cmp_case_name(const void *a, const void *b)
{
	const struct case_file *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : strcmp(x->path, y->path);
}

static int
cmp_ref_ptr(const void *a, const void *b)
{
	const struct case_file *x = *(const struct case_file *const *)a;
	const struct case_file *y = *(const struct case_file *const *)b;

	return strcmp(x->reference, y->reference);
}

/* A reference in two folders is one case counted twice. Within one folder
 * insp_open has said so already; here only pairs from different folders. */
static void
check_references(const struct inspection *in, struct problems *p)
{
	const struct case_file **v = xcalloc(in->ncases ? in->ncases : 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < in->ncases; i++)
		if (in->cases[i].reference != NULL)
			v[n++] = &in->cases[i];
	qsort(v, n, sizeof *v, cmp_ref_ptr);
	for (size_t i = 1; i < n; i++) {
		const char *da = v[i - 1]->path, *db = v[i]->path;
		size_t la = (size_t)(v[i - 1]->name - da), lb = (size_t)(v[i]->name - db);

		if (strcmp(v[i - 1]->reference, v[i]->reference) != 0)
			continue;
		if (la == lb && strncmp(da, db, la) == 0)
			continue;	/* one folder: insp_open's error */
		problems_add(p, PROBLEM_ERROR, "%s: [case] reference: '%s' is also the reference "
		    "of %s: one case in two folders would be counted twice", db,
		    v[i]->reference, da);
	}
	free(v);
}

/* Whether DIRS[K] is a folder given before it (the same folder, however
 * it is spelt): its cases would be counted twice. */
static int
given_before(const char *const *dirs, size_t k)
{
	struct stat a, b;

	if (stat(dirs[k], &a) != 0)
		return 0;	/* insp_open says what is wrong with it */
	for (size_t i = 0; i < k; i++)
		if (stat(dirs[i], &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			return 1;
	return 0;
}

int
join_open(struct inspection *in, const char *const *dirs, size_t n, const char *forms_dir,
    struct problems *p)
{
	if (insp_open(in, dirs[0], forms_dir, p) < 0)
		return -1;
	for (size_t k = 1; k < n; k++) {
		struct inspection other;

		if (given_before(dirs, k)) {
			problems_add(p, PROBLEM_ERROR, "%s: given twice: its cases would be counted "
			    "twice", dirs[k]);
			continue;
		}

		if (insp_open(&other, dirs[k], forms_dir, p) < 0) {
			problems_add(p, PROBLEM_ERROR, "%s: cannot be joined to %s (see above)",
			    dirs[k], dirs[0]);
			continue;
		}
		if (strcmp(other.form.id, in->form.id) != 0) {
			problems_add(p, PROBLEM_ERROR, "%s: [inspection] framework: %s, but %s is %s: "
			    "folders of one inspection have one framework", other.path,
			    other.form.id, in->path, in->form.id);
			insp_close(&other);
			continue;
		}
		if (!same(in->service, other.service))
			problems_add(p, PROBLEM_WARNING, "%s: [inspection] service: '%s', not '%s' as "
			    "in %s: the first folder's is used", other.path,
			    other.service ? other.service : "", in->service ? in->service : "",
			    in->path);
		join_ratings(in, &other, p);
		/* the cases move: the same forms file gives the same indexes */
		if (other.ncases) {
			in->cases = xrealloc(in->cases,
			    (in->ncases + other.ncases) * sizeof *in->cases);
			memcpy(in->cases + in->ncases, other.cases,
			    other.ncases * sizeof *other.cases);
			in->ncases += other.ncases;
			other.ncases = 0;
		}
		if (other.nleft_out) {
			in->left_out = xrealloc(in->left_out,
			    (in->nleft_out + other.nleft_out) * sizeof *in->left_out);
			memcpy(in->left_out + in->nleft_out, other.left_out,
			    other.nleft_out * sizeof *other.left_out);
			in->nleft_out += other.nleft_out;
			in->left_out_errors += other.left_out_errors;
			other.nleft_out = 0;
		}
		insp_close(&other);
	}
	if (n > 1) {
		qsort(in->cases, in->ncases, sizeof *in->cases, cmp_case_name);
		check_references(in, p);
	}
	return 0;
}
