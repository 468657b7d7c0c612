/* join.c - several folders of one inspection read as one (see join.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "team/join.h"
#include "store/journal.h"
#include "store/merge.h"
#include "base/file.h"
#include "base/xalloc.h"

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

/* A text of inspection.ini ([SEC] KEY: a finding, an evidence note):
 * OTHER's where IN has none; both kept, and a warning, when they differ. */
static void
join_text(char **mine, const char *theirs, const struct inspection *in,
    const struct inspection *other, const char *sec, const char *key, struct problems *p)
{
	if (theirs == NULL)
		return;
	if (*mine == NULL)
		*mine = xstrdup(theirs);
	else if (strcmp(*mine, theirs) != 0 && strstr(*mine, theirs) == NULL) {
		/* both kept, as a merge keeps both (merge.h) */
		char *both = xasprintf("%s\n\n[joined: %s has the text below]\n%s", *mine,
		    other->dir, theirs);

		free(*mine);
		*mine = both;
		problems_add(p, PROBLEM_WARNING, "%s: [%s] %s: not those %s records: "
		    "both kept", other->path, sec, key, in->path);
	}
}

/* The decision on standard I of IN taken out (a conflict now) */
static void
drop_decision(struct inspection *in, const struct insp_decision *d)
{
	size_t i = (size_t)(d - in->decisions);

	insp_decision_free(&in->decisions[i]);
	memmove(&in->decisions[i], &in->decisions[i + 1],
	    (in->ndecisions - i - 1) * sizeof *in->decisions);
	in->ndecisions--;
}

/* D as a conflict's side ("good to outstanding on 2.1.1: WHY", whole), or
 * "none"; a new string */
static char *
decision_text(const struct form *f, const struct insp_decision *d)
{
	if (d == NULL)
		return xstrdup("none");
	return xasprintf("%s to %s%s%s: %s", f->bands[d->from].id, f->bands[d->to].id,
	    d->kq ? " on " : "", d->kq ? d->kq : "", d->why ? d->why : "");
}

/* Take OTHER's judgements, decisions and findings where IN has none; one
 * that differs is a conflict (conflict.h): counted neither way. */
_Static_assert(sizeof "decision." + FORM_ID_MAX <= 80, "a section named for an id fits");

static void
join_ratings(struct inspection *in, const struct inspection *other, struct problems *p)
{
	const struct form *f = &in->form;

	for (size_t s = 0; s < f->nstds; s++) {
		int a = in->judgements[s], b = other->judgements[s];
		const struct insp_decision *da = decision_of(in, s), *db = decision_of(other, s);

		const struct conflict *jc = conflict_find(&in->conflicts, "judgements",
		    f->stds[s].id);

		if (jc != NULL && b != JUDGE_UNSET && !same(jc->ours, judgement_id(f, b)) &&
		    !same(jc->theirs, judgement_id(f, b)))
			problems_add(p, PROBLEM_WARNING, "%s: [judgements] %s: %s, a third judgement "
			    "where the folders before disagree", other->path, f->stds[s].id,
			    judgement_id(f, b));
		else if (jc != NULL)
			;	/* in conflict already: stays so */
		else if (a == JUDGE_UNSET)
			in->judgements[s] = b;
		else if (b != JUDGE_UNSET && a != b) {
			conflict_add(&in->conflicts, "judgements", f->stds[s].id, judgement_id(f, a),
			    NULL, judgement_id(f, b), NULL);
			in->judgements[s] = JUDGE_UNSET;
			problems_add(p, PROBLEM_WARNING, "%s: [judgements] %s: %s, but %s records %s: "
			    "a conflict, counted neither way", other->path, f->stds[s].id,
			    judgement_id(f, b), in->path, judgement_id(f, a));
		}
		char fsec[80];	/* (an id fits: asserted below) */

		snprintf(fsec, sizeof fsec, "findings.%s", f->stds[s].id);
		join_text(&in->strengths[s], other->strengths[s], in, other, fsec,
		    "strengths", p);
		join_text(&in->improvements[s], other->improvements[s], in, other, fsec,
		    "improvements", p);
		for (size_t i = 0; i < f->stds[s].nkqs; i++) {
			size_t q = f->stds[s].kqs[i];

			join_text(&in->evidence[q], other->evidence[q], in, other, "evidence",
			    f->kqs[q].id, p);
		}
		char sec[80];

		snprintf(sec, sizeof sec, "decision.%s", f->stds[s].id);
		if (db == NULL)
			continue;
		if (conflict_find(&in->conflicts, sec, "to"))
			continue;	/* in conflict already: stays so */
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
		    !same(da->why, db->why)) {
			char *ta = decision_text(f, da), *tb = decision_text(f, db);

			conflict_add(&in->conflicts, sec, "to", ta, NULL, tb, NULL);
			free(ta);
			free(tb);
			drop_decision(in, da);
			problems_add(p, PROBLEM_WARNING, "%s: [%s]: not the decision %s records: a "
			    "conflict, neither applied", other->path, sec, in->path);
		}
	}
}

static int
cmp_case_name(const void *a, const void *b)
{
	const struct case_file *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : strcmp(x->path, y->path);
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

/* Is OTHER a folder of another inspection than IN (its service or its
 * fieldwork dates differ)? Said in P, naming both. */
static int
another_inspection(const struct inspection *in, const struct inspection *other,
    struct problems *p)
{
	static const char *const keys[] = { "service", "fieldwork_start", "fieldwork_end" };
	const char *a[] = { in->service, in->fieldwork_start, in->fieldwork_end };
	const char *b[] = { other->service, other->fieldwork_start, other->fieldwork_end };

	for (size_t i = 0; i < 3; i++)
		if (a[i] && b[i] && strcmp(a[i], b[i]) != 0) {
			problems_add(p, PROBLEM_ERROR, "%s: [inspection] %s: '%s', but %s has '%s': "
			    "a folder of another inspection, not joined", other->path, keys[i],
			    b[i], in->path, a[i]);
			return 1;
		}
	return 0;
}

/* The text of each case as joined so far, where it is not its file's (a
 * case found in two folders) */
struct copies {
	char **name, **text;
	size_t n;
};

static const char *
copy_text(const struct copies *cp, const char *name)
{
	for (size_t i = 0; i < cp->n; i++)
		if (strcmp(cp->name[i], name) == 0)
			return cp->text[i];
	return NULL;
}

/* Read TEXT (a merged case file) as a case, named PATH in messages */
static int
load_text(struct case_file *c, const struct form *f, const char *text, const char *path,
    struct problems *p)
{
	const char *tmpdir = getenv("TMPDIR");
	char *tmp = xasprintf("%s/yjinspect-join-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(tmp), rc = -1;
	size_t len = strlen(text);

	if (fd >= 0 && write(fd, text, len) == (ssize_t)len && close(fd) == 0) {
		fd = -1;
		rc = case_load(c, f, tmp, p);
	}
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	if (rc == 0) {
		free(c->path);
		c->path = xstrdup(path);
		c->name = strrchr(c->path, '/') ? strrchr(c->path, '/') + 1 : c->path;
		c->disk.known = 0;
	}
	return rc;
}

/* OTHER's cases added to IN's: one IN has too (the same file name) counts
 * once, as the merge of the two copies (merge.h, no base: a key they give
 * differently is a conflict, counted neither way) */
static void
join_cases(struct inspection *in, struct inspection *other, struct copies *cp,
    struct problems *p)
{
	const struct form *f = &in->form;
	size_t first = in->ncases;

	in->cases = xrealloc(in->cases, (in->ncases + other->ncases + 1) * sizeof *in->cases);
	for (size_t i = 0; i < other->ncases; i++) {
		struct case_file *oc = &other->cases[i], *ic = NULL, merged;
		struct buf out = BUF_INIT;
		struct err e;
		struct merge_stats st;
		char *a, *b, *base = NULL;
		const char *had;
		int n;

		for (size_t j = 0; j < first && !ic; j++)
			if (strcmp(in->cases[j].name, oc->name) == 0)
				ic = &in->cases[j];
		if (ic == NULL) {
			in->cases[in->ncases++] = *oc;
			continue;
		}
		had = copy_text(cp, ic->name);
		a = had ? xstrdup(had) : file_read(ic->path, FILE_ANY_SIZE, 0, NULL);
		b = file_read(oc->path, FILE_ANY_SIZE, 0, NULL);
		/* the copy both started from, where their journals share a
		 * history (not for a copy merged already) */
		if (a && b && !had && strcmp(a, b) != 0)
			base = journal_shared_base(ic->path, oc->path);
		if (a && b && strcmp(a, b) == 0) {
			/* the same copy: once */
		} else if (a == NULL || b == NULL ||
		    (n = merge_texts(base ? base : "", a, b, &out, &st, NULL, &e)) < 0) {
			problems_add(p, PROBLEM_ERROR, "%s: the same case as %s, and the two cannot "
			    "be merged: %s", oc->path, ic->path, a && b ? e.msg : "a file cannot be read");
		} else if (load_text(&merged, f, buf_str(&out), ic->path, p) < 0) {
			problems_add(p, PROBLEM_ERROR, "%s: the same case as %s, and the two merged "
			    "do not read as a case (above)", oc->path, ic->path);
		} else {
			case_free(ic, f);
			*ic = merged;
			cp->name = xrealloc(cp->name, (cp->n + 1) * sizeof *cp->name);
			cp->text = xrealloc(cp->text, (cp->n + 1) * sizeof *cp->text);
			cp->name[cp->n] = xstrdup(ic->name);
			cp->text[cp->n++] = buf_take(&out);
			if (n > 0)
				problems_add(p, PROBLEM_WARNING, "%s: the same case as %s, with %d key%s "
				    "given differently: one case, those keys in conflict and counted "
				    "neither way", oc->path, ic->path, n, n == 1 ? "" : "s");
		}
		buf_free(&out);
		free(base);
		free(a);
		free(b);
		case_free(oc, f);
	}
	other->ncases = 0;
}

int
join_open(struct inspection *in, const char *const *dirs, size_t n, const char *forms_dir,
    int cached, struct problems *p)
{
	int (*open_one)(struct inspection *, const char *, const char *, struct problems *) =
	    cached ? insp_open_cached : insp_open;
	struct copies copies = { NULL, NULL, 0 };

	if (open_one(in, dirs[0], forms_dir, p) < 0)
		return -1;
	for (size_t k = 1; k < n; k++) {
		struct inspection other;

		if (given_before(dirs, k)) {
			problems_add(p, PROBLEM_ERROR, "%s: given twice: its cases would be counted "
			    "twice", dirs[k]);
			continue;
		}

		if (open_one(&other, dirs[k], forms_dir, p) < 0) {
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
		if (another_inspection(in, &other, p)) {
			insp_close(&other);
			continue;
		}
		join_ratings(in, &other, p);
		join_cases(in, &other, &copies, p);
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
	for (size_t i = 0; i < copies.n; i++) {
		free(copies.name[i]);
		free(copies.text[i]);
	}
	free(copies.name);
	free(copies.text);
	if (n > 1) {
		qsort(in->cases, in->ncases, sizeof *in->cases, cmp_case_name);
		insp_check_references(in, 1, p);
	}
	return 0;
}
