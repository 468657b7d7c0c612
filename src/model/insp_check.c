/* insp_check.c - what is wrong with an inspection as it is: references
 * counted twice, files others can read, judgements, decisions and each
 * case (see insp.h); and the two checks reading and creating a folder
 * use too: fieldwork dates, and a conflict settled. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/insp.h"
#include "model/insp_parts.h"
#include "model/rate.h"
#include "store/journal.h"
#include "base/xalloc.h"

/* 0 when S is YYYY-MM-DD naming a real day; else -1 with WHY set */
static int
iso_date(const char *s, const char **why)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, leap;

	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) {
			*why = "is not an ISO date (YYYY-MM-DD)";
			return -1;
		}
	if (s[10] != '\0') {
		*why = "is not an ISO date (YYYY-MM-DD)";
		return -1;
	}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12) {
		*why = "has no such month";
		return -1;
	}
	if (d < 1 || d > mdays[m - 1] + (m == 2 && leap)) {
		*why = "has no such day in its month";
		return -1;
	}
	return 0;
}

int
insp_fieldwork_check(const char *start, const char *end, struct err *e)
{
	const char *why;

	if (start && iso_date(start, &why) < 0) {
		err_set(e, "fieldwork start '%s' %s", start, why);
		return -1;
	}
	if (end && iso_date(end, &why) < 0) {
		err_set(e, "fieldwork end '%s' %s", end, why);
		return -1;
	}
	if (start && end && strcmp(start, end) > 0) {
		err_set(e, "fieldwork end %s is before its start %s", end, start);
		return -1;
	}
	return 0;
}

/* ---- conflicts kept by a merge (conflict.h) ---- */

/* Has the key of conflict K a value in IN again? */
int
insp_conflict_settled(const struct inspection *in, const struct conflict *k)
{
	const struct form *f = &in->form;
	int s;

	if (strcmp(k->section, "judgements") == 0)
		return (s = form_std_index(f, k->key)) < 0 || in->judgements[s] != JUDGE_UNSET;
	if (strncmp(k->section, "decision.", 9) == 0) {
		for (size_t i = 0; i < in->ndecisions; i++)
			if (strcmp(f->stds[in->decisions[i].std].id, k->section + 9) == 0)
				return 1;
		return 0;
	}
	if (strcmp(k->section, "inspection") == 0) {
		const char *const *v = strcmp(k->key, "service") == 0 ? (const char *const *)&in->service :
		    strcmp(k->key, "lead") == 0 ? (const char *const *)&in->lead :
		    strcmp(k->key, "fieldwork_start") == 0 ? (const char *const *)&in->fieldwork_start :
		    strcmp(k->key, "fieldwork_end") == 0 ? (const char *const *)&in->fieldwork_end :
		    strcmp(k->key, "created") == 0 ? (const char *const *)&in->created : NULL;

		return v == NULL || *v != NULL;
	}
	return 0;
}

static int
cmp_ref(const void *a, const void *b)
{
	const struct case_file *x = *(const struct case_file *const *)a;
	const struct case_file *y = *(const struct case_file *const *)b;
	int c = strcmp(x->reference, y->reference);

	return c ? c : strcmp(x->path, y->path);
}

/* Sorted, so 10,000 cases cost no more than reading them. */
void
insp_check_references(const struct inspection *in, int across, struct problems *p)
{
	const struct case_file **v = xcalloc(in->ncases ? in->ncases : 1, sizeof *v);
	size_t n = 0;

	for (size_t i = 0; i < in->ncases; i++)
		if (in->cases[i].reference != NULL)
			v[n++] = &in->cases[i];
	qsort(v, n, sizeof *v, cmp_ref);
	for (size_t i = 1; i < n; i++) {
		const char *da = v[i - 1]->path, *db = v[i]->path;
		size_t la = (size_t)(v[i - 1]->name - da), lb = (size_t)(v[i]->name - db);

		if (strcmp(v[i - 1]->reference, v[i]->reference) != 0)
			continue;
		if (!across)
			problems_add(p, PROBLEM_ERROR, "%s: [case] reference: '%s' is also the "
			    "reference of %s: one case would be counted twice", db,
			    v[i]->reference, v[i - 1]->name);
		else if (la != lb || strncmp(da, db, la) != 0)
			problems_add(p, PROBLEM_ERROR, "%s: [case] reference: '%s' is also the "
			    "reference of %s: one case in two folders would be counted twice", db,
			    v[i]->reference, da);
	}
	free(v);
}

int
insp_private_check(const char *dir, unsigned *mode, struct err *e)
{
	char *cases = xasprintf("%s/cases", dir);
	const char *paths[2] = { dir, cases };
	int open_to = 0;

	for (size_t i = 0; i < 2 && !open_to; i++) {
		struct stat st;

		if (stat(paths[i], &st) == 0 && (st.st_mode & 077) != 0) {
			if (mode)
				*mode = (unsigned)(st.st_mode & 07777);
			err_set(e, "%s: group or others can %s it (mode %04o); case files "
			    "describe children: chmod -R go= '%s' makes the folder yours alone",
			    paths[i], (st.st_mode & 044) ? "read" : "enter", (unsigned)(st.st_mode & 07777),
			    dir);
			open_to = 1;
		}
	}
	free(cases);
	return open_to;
}

/* Files of the inspection that group or others can read or write */
static void
check_file_modes(const struct inspection *in, struct problems *p)
{
	struct err e;
	struct stat st;
	size_t n = 0;
	const char *first = NULL;

	if (insp_private_check(in->dir, NULL, &e))
		problems_add(p, PROBLEM_WARNING, "%s", e.msg);
	if (stat(in->path, &st) == 0 && (st.st_mode & 066) != 0) {
		n++;
		first = in->path;
	}
	for (size_t i = 0; i < in->ncases; i++)
		if (stat(in->cases[i].path, &st) == 0 && (st.st_mode & 066) != 0) {
			if (n++ == 0)
				first = in->cases[i].path;
		}
	if (n == 1)
		problems_add(p, PROBLEM_WARNING, "%s: group or others can read it (yjinspect "
		    "saves files 0600): chmod -R go= '%s'", first, in->dir);
	else if (n > 1)
		problems_add(p, PROBLEM_WARNING, "%s: group or others can read it and %zu more "
		    "files of the inspection (yjinspect saves files 0600): chmod -R go= '%s'",
		    first, n - 1, in->dir);
}

void
insp_check(const struct inspection *in, struct problems *p)
{
	const struct form *f = &in->form;

	check_file_modes(in, p);
	if (in->git_merging)
		problems_add(p, PROBLEM_WARNING, "%s: a git merge is not finished in this folder "
		    "(git's MERGE_HEAD): 'yjinspect sync %s' finishes it", in->dir, in->dir);
	for (size_t i = 0; i < in->conflicts.n; i++) {
		char d[600];

		if (insp_conflict_settled(in, &in->conflicts.v[i]))
			continue;
		conflict_describe(&in->conflicts.v[i], d, sizeof d);
		problems_add(p, PROBLEM_WARNING, "%s: [%s] %s: a conflict from a merge, counted "
		    "neither way until given again: %s", in->path, in->conflicts.v[i].section,
		    in->conflicts.v[i].key, d);
	}

	for (size_t s = 0; s < f->nstds; s++)
		if (f->stds[s].rating == RATING_JUDGEMENT && in->judgements[s] == JUDGE_UNSET)
			problems_add(p, PROBLEM_WARNING, "%s: [judgements] %s: no judgement "
			    "recorded for %s %s", in->path, f->stds[s].id, f->stds[s].id,
			    f->stds[s].name);
	{
		struct err e;

		if (insp_fieldwork_check(in->fieldwork_start, in->fieldwork_end, &e) < 0)
			problems_add(p, PROBLEM_WARNING, "%s: [inspection] %s", in->path, e.msg);
	}
	if (in->ncases == 0)
		problems_add(p, PROBLEM_WARNING, "%s/cases: no cases yet", in->dir);
	for (size_t i = 0; i < in->ncases; i++) {
		if (in->cases[i].reference == NULL || in->cases[i].reference[0] == '\0')
			problems_add(p, PROBLEM_WARNING, "%s: [case] reference: missing",
			    in->cases[i].path);
		case_check(&in->cases[i], f, p);
		journal_check(in->cases[i].path, p);	/* the file and its history agree */
	}
	/* decisions made on evidence that has changed since */
	{
		struct rate r;

		rate_compute(&r, in);
		for (size_t s = 0; s < f->nstds; s++) {
			const struct insp_decision *d = r.std[s].stale;

			if (d == NULL)
				continue;
			problems_add(p, PROBLEM_WARNING, "%s: [decision.%s] from = %s, but the "
			    "evidence now gives %s: %s", in->path, f->stds[s].id,
			    f->bands[d->from].id, rate_label(f, r.std[s].computed),
			    r.std[s].decision ? "the decision is still applied; the panel should "
			    "look again" : "the decision is not applied");
		}
		rate_free(&r);
	}
}
