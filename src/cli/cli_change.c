/* cli_change.c - the commands that change one thing in an inspection:
 * judge, findings, decide, restore, answer (see cli_change.h and
 * yjinspect(1)). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli_change.h"
#include "cli/cli_util.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "model/decide.h"
#include "model/edit.h"
#include "model/walk.h"
#include "store/user.h"

/* Say on stderr what IN's last save took in from another program's
 * changes to inspection.ini, if anything */
static void
say_merged(const struct inspection *in)
{
	char note[256];
	const char *n = insp_merge_note(in, note, sizeof note);

	if (*n)
		text_say(stderr, "yjinspect: %s:%s", in->dir, n);
}

static int
save_change(struct inspection *in)
{
	struct err e;

	if (insp_save(in, &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	say_merged(in);
	return 0;
}

/* ---- judge ---- */

int
cli_judge_args(struct cli_args *a)
{
	if (a->argc != 4)
		return usage_error("%s", "judge needs DIR STANDARD RATING");
	a->dirs = (const char *const *)a->argv + 1;
	a->ndirs = 1;
	return 0;
}

int
cli_judge(struct cli_args *a, struct inspection *in)
{
	char **argv = a->argv;
	const struct form *f;
	int s, rc;

	warn_left_out(in);	/* a judgement is not of the cases */
	f = &in->form;
	s = form_std_index(f, argv[2]);
	if (s < 0 || f->stds[s].rating != RATING_JUDGEMENT) {
		text_say(stderr, "yjinspect: %s: %s is not a judgement-rated standard of %s%s",
		    in->path, argv[2], f->id, s >= 0 ? " (it is rated from cases: see decide)" : "");
		return 1;
	}
	if (strcmp(argv[3], "none") == 0)
		in->judgements[s] = JUDGE_UNSET;
	else if (strcasecmp(argv[3], "not-rated") == 0)
		in->judgements[s] = JUDGE_NOT_RATED;
	else if ((in->judgements[s] = form_band_index(f, argv[3])) < 0) {
		struct buf ids = BUF_INIT;

		for (size_t b = 0; b < f->nbands; b++)
			buf_printf(&ids, "%s, ", f->bands[b].id);
		text_say(stderr, "yjinspect: '%s' is not a rating of %s (%snot-rated or none)", argv[3],
		    f->id, buf_str(&ids));
		buf_free(&ids);
		return 2;
	}
	rc = save_change(in);
	if (rc == 0)
		text_say(stdout, "%s %s: %s", f->stds[s].id, f->stds[s].name,
		    in->judgements[s] == JUDGE_UNSET ? "no judgement" :
		    in->judgements[s] == JUDGE_NOT_RATED ? "Not rated" :
		    f->bands[in->judgements[s]].rating);
	return rc;
}

/* ---- findings ---- */

/* Add POINT to B as a line of its own (a line break in it is a space:
 * one option is one point). */
static void
add_point(struct buf *b, const char *point)
{
	if (b->len)
		buf_addc(b, '\n');
	for (const char *s = point; *s; s++)
		buf_addc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
print_points(const char *title, const char *text)
{
	struct buf b = BUF_INIT;

	printf("%s:\n", title);
	if (text == NULL || *text == '\0') {
		printf("  (none recorded)\n");
		return;
	}
	buf_adds(&b, text);
	for (char *save = NULL, *t = strtok_r(b.data, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
		text_say(stdout, "  - %s", t);
	buf_free(&b);
}

int
cli_findings_args(struct cli_args *a)
{
	static const struct option opts[] = {
		{ "strength", required_argument, NULL, 's' },
		{ "improvement", required_argument, NULL, 'i' },
		{ "clear", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_findings_opts *o = a->opts;
	int c;

	while ((c = getopt_long(a->argc, a->argv, "s:i:c", opts, NULL)) != -1) {
		if (c == 'c')
			o->clear = 1;
		else if (c != 's' && c != 'i')
			return usage_error("%s", "findings: bad option");
		else if (optarg[strspn(optarg, " \t\n")] == '\0')
			return usage_error("%s", "findings: a point needs some text");
		else {
			add_point(c == 's' ? &o->str : &o->imp, optarg);
			*(c == 's' ? &o->given_str : &o->given_imp) = 1;
		}
	}
	if (optind != a->argc - 2)
		return usage_error("%s", "findings needs DIR STANDARD");
	a->dirs = (const char *const *)a->argv + optind;
	a->ndirs = 1;
	o->std = a->argv[optind + 1];
	return 0;
}

void
cli_findings_free(void *opts)
{
	struct cli_findings_opts *o = opts;

	buf_free(&o->str);
	buf_free(&o->imp);
}

int
cli_findings(struct cli_args *a, struct inspection *in)
{
	struct cli_findings_opts *o = a->opts;
	int s, rc = 0;

	warn_left_out(in);	/* findings are not of the cases */
	s = form_std_index(&in->form, o->std);
	if (s < 0) {
		text_say(stderr, "yjinspect: %s: no standard %s in framework %s", in->path,
		    o->std, in->form.id);
		return 1;
	}
	/* the points given replace that list; --clear empties both first */
	if (o->clear || o->given_str) {
		free(in->strengths[s]);
		in->strengths[s] = o->given_str ? buf_take(&o->str) : NULL;
	}
	if (o->clear || o->given_imp) {
		free(in->improvements[s]);
		in->improvements[s] = o->given_imp ? buf_take(&o->imp) : NULL;
	}
	if (o->clear || o->given_str || o->given_imp)
		rc = save_change(in);
	if (rc == 0) {
		text_say(stdout, "%s %s", in->form.stds[s].id, in->form.stds[s].name);
		print_points("Strengths", in->strengths[s]);
		print_points("Areas for improvement", in->improvements[s]);
	}
	return rc;
}

/* ---- decide ---- */

int
cli_decide_args(struct cli_args *a)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "why", required_argument, NULL, 'w' },
		{ "kq", required_argument, NULL, 'k' },
		{ "by", required_argument, NULL, 'b' },
		{ "remove", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_decide_opts *o = a->opts;
	int c;

	while ((c = getopt_long(a->argc, a->argv, "t:w:k:b:r", opts, NULL)) != -1) {
		switch (c) {
		case 't': o->to = optarg; break;
		case 'w': o->why = optarg; break;
		case 'k': o->kq = optarg; break;
		case 'b': o->by = optarg; break;
		case 'r': o->remove = 1; break;
		default: return usage_error("%s", "decide: bad option");
		}
	}
	if (optind != a->argc - 2)
		return usage_error("%s", "decide needs DIR STANDARD");
	if (!o->remove && (o->to == NULL || o->why == NULL ||
	    o->why[strspn(o->why, " \t")] == '\0'))
		return usage_error("%s", "decide needs --to RATING and --why TEXT (or --remove)");
	a->dirs = (const char *const *)a->argv + optind;
	a->ndirs = 1;
	o->std = a->argv[optind + 1];
	return 0;
}

int
cli_decide(struct cli_args *a, struct inspection *in)
{
	const struct cli_decide_opts *o = a->opts;
	const char *to = o->to, *why = o->why, *kq = o->kq, *by = o->by;
	const struct form *f;
	int s, rc, to_band;

	f = &in->form;
	s = form_std_index(f, o->std);
	if (s < 0 || f->stds[s].rating != RATING_CASES) {
		text_say(stderr, "yjinspect: %s: %s is not a case-rated standard of %s%s",
		    in->path, o->std, f->id, s >= 0 ? " (it is judged: see judge)" : "");
		return 1;
	}
	if (o->remove) {
		struct err e;

		warn_left_out(in);	/* nothing of the cases is recorded */
		rc = decide_withdraw(in, (size_t)s, &e) < 0;
		if (rc)
			text_say(stderr, "yjinspect: %s: %s", in->path, e.msg);
		else {
			say_merged(in);
			text_say(stdout, "%s %s: panel decision removed", f->stds[s].id,
			    f->stds[s].name);
		}
		return rc;
	}
	if ((to_band = form_band_index(f, to)) < 0) {
		text_say(stderr, "yjinspect: '%s' is not a rating of %s", to, f->id);
		return 2;
	}
	if (kq != NULL && (form_kq_index(f, kq) < 0 ||
	    f->kqs[form_kq_index(f, kq)].std != (size_t)s)) {
		text_say(stderr, "yjinspect: %s is not a key question of %s", kq, f->stds[s].id);
		return 2;
	}
	{
		char *who = by ? xstrdup(by) : user_name();
		struct err e;
		const struct insp_decision *d;

		rc = decide_record(in, (size_t)s, to_band, kq, why, who, &e) < 0;
		free(who);
		if (rc)
			text_say(stderr, "yjinspect: %s: %s", in->path, e.msg);
		else
			say_merged(in);
		if (rc == 0 && (d = decide_find(in, (size_t)s)) != NULL)
			text_say(stdout, "%s %s: %s -> %s (panel decision)", f->stds[s].id,
			    f->stds[s].name, f->bands[d->from].rating, f->bands[d->to].rating);
	}
	return rc;
}

/* ---- restore ---- */

int
cli_restore_args(struct cli_args *a)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_restore_opts *o = a->opts;
	int ch;

	while ((ch = getopt_long(a->argc, a->argv, "a:", opts, NULL)) != -1) {
		if (ch != 'a')
			return usage_error("%s", "restore: bad option");
		o->at = optarg;
	}
	if (optind != a->argc - 2 || o->at == NULL)
		return usage_error("%s", "restore needs DIR CASE --at TIME");
	a->dirs = (const char *const *)a->argv + optind;
	a->ndirs = 1;
	o->ref = a->argv[optind + 1];
	return 0;
}

int
cli_restore(struct cli_args *a, struct inspection *in)
{
	const struct cli_restore_opts *o = a->opts;
	const char *at = o->at;
	struct err e;
	char *who, *u;
	int ci, rc = 1;

	if ((ci = find_case(in, o->ref)) >= 0) {
		warn_left_out(in);
		u = user_name();
		who = xasprintf("%s (restore to %s)", u, at);
		free(u);
		if (edit_restore(in, (size_t)ci, at, who, &e) < 0)
			text_say(stderr, "yjinspect: %s", e.msg);
		else {
			text_say(stdout, "%s restored as it was at %s (a new change: 'yjinspect "
			    "history' lists it)", in->cases[ci].name, at);
			rc = 0;
		}
		free(who);
	}
	return rc;
}

/* ---- answer ---- */

static int
case_of_reference(const struct inspection *in, const char *ref)
{
	for (size_t i = 0; i < in->ncases; i++)
		if (in->cases[i].reference && strcmp(in->cases[i].reference, ref) == 0)
			return (int)i;
	return -1;
}

/* "yjinspect: answer: ID: 'VALUE' is not one of its choices: a, b, ... or
 * none" for choice fact FA */
static void
say_not_a_choice(const struct form_fact *fa, const char *id, const char *value)
{
	struct buf b = BUF_INIT;

	for (size_t c = 0; c < fa->nchoices; c++)
		buf_printf(&b, "%s, ", fa->choices[c]);
	text_say(stderr, "yjinspect: answer: %s: '%s' is not one of its choices: %snone", id,
	    value, buf_str(&b));
	buf_free(&b);
}

/* Give case CI the one ID=VALUE of ARG: 1 an answer, 2 a fact, 3 a note;
 * -1 with the message printed. DRY: only whether ID and VALUE are ones
 * the framework knows (CI unused), nothing written, so that a call with a
 * mistyped one writes nothing at all */
static int
answer_one(struct inspection *in, const struct walk *w, size_t ci, const char *arg,
	   const char *who, struct edit_undo *u, int dry)
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
		if (dry) {
			free(id);
			return kind;
		}
		rc = edit_answer(in, w, ci, (size_t)item, a, who, u, &e);
	} else if ((fact = form_fact_index(f, id)) >= 0) {
		const struct form_fact *fa = &f->facts[fact];
		int v = COND_UNSET;

		kind = 2;
		if (strcasecmp(eq, "none") != 0 && fa->type != FACT_TEXT &&
		    (v = form_choice_index(fa, eq)) < 0) {
			say_not_a_choice(fa, id, eq);
			free(id);
			return -1;
		}
		if (dry) {
			free(id);
			return kind;
		}
		/* a choice the case's other facts rule out is refused, as the
		 * facts form does not offer it: recorded, it would contradict
		 * a fact those others decided (the case type from the disposal) */
		if (v != COND_UNSET && case_choice_allowed(&in->cases[ci], f, (size_t)fact, v) ==
		    COND_FALSE) {
			text_say(stderr, "yjinspect: answer: %s: '%s' does not fit this case: it is a "
			    "choice only when %s (clear the fact that rules it out first, "
			    "ID=none)", id, eq, fa->choice_when_src[v]);
			free(id);
			return -1;
		}
		rc = edit_fact(in, ci, (size_t)fact, v, fa->type == FACT_TEXT &&
		    strcasecmp(eq, "none") != 0 ? eq : NULL, u, &e);
		if (rc == 0 && v != COND_UNSET) {	/* and what it decides: the case type */
			struct buf said = BUF_INIT;
			int n = edit_derive_facts(in, ci, u, &said, &e);

			/* the fact itself is saved whatever the derived one does */
			if (n > 0)
				text_say(stdout, "%s: %s (from the %s)", in->cases[ci].name,
				    buf_str(&said), id);
			else if (n < 0)
				text_say(stderr, "yjinspect: %s saved; what it decides was not: %s",
				    id, e.msg);
			buf_free(&said);
		}
	} else if (strncmp(id, "note.", 5) == 0 && (kq = form_kq_index(f, id + 5)) >= 0) {
		kind = 3;
		if (dry) {
			free(id);
			return kind;
		}
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
cli_answer_args(struct cli_args *a)
{
	struct cli_answer_opts *o = a->opts;

	o->first = 3;
	if (a->argc >= 4 && strcmp(a->argv[3], "--new") == 0)
		o->make = 1, o->first = 4;
	if (a->argc < o->first + 1)
		return usage_error("%s", "answer needs DIR CASE [--new] ID=VALUE...");
	a->dirs = (const char *const *)a->argv + 1;
	a->ndirs = 1;
	return 0;
}

int
cli_answer(struct cli_args *a, struct inspection *in)
{
	const struct cli_answer_opts *o = a->opts;
	struct edit_undo u = { 0 };
	struct walk w;
	struct err e;
	int ci, make = o->make, first = o->first, argc = a->argc, n[4] = { 0 }, rc = 0;
	char **argv = a->argv;
	char *who;

	/* every ID=VALUE known before anything is written: a mistyped one
	 * leaves no half-made case and no half the answers behind */
	walk_init(&w, &in->form);
	for (int i = first; i < argc; i++)
		if (answer_one(in, &w, 0, argv[i], NULL, NULL, 1) < 0) {
			walk_free(&w);
			return 1;
		}
	who = user_name();
	if ((ci = case_of_reference(in, argv[2])) < 0 && make) {
		size_t made;

		if (edit_add_case(in, argv[2], who, &made, &e) < 0) {
			text_say(stderr, "yjinspect: %s", e.msg);
			rc = 1;
		}
		ci = rc ? -1 : (int)made;
	} else if (ci < 0 && !make)
		ci = find_case(in, argv[2]);
	else if (ci >= 0 && make) {
		text_say(stderr, "yjinspect: %s: case '%s' is there already (answer it without "
		    "--new)", in->dir, argv[2]);
		ci = -1;
	}
	if (ci < 0) {
		walk_free(&w);
		free(who);
		return 1;
	}
	warn_left_out(in);
	for (int i = first; i < argc; i++) {
		int k = answer_one(in, &w, (size_t)ci, argv[i], who, &u, 0);

		if (k < 0) {
			rc = 1;
			break;
		}
		n[k]++;
	}
	text_say(stdout, "%s: %d answer%s, %d fact%s, %d note%s saved%s", in->cases[ci].name,
	    n[1], n[1] == 1 ? "" : "s", n[2], n[2] == 1 ? "" : "s", n[3], n[3] == 1 ? "" : "s",
	    rc ? " (stopped at the first refused: the rest not given)" : "");
	walk_free(&w);
	edit_undo_free(&u);
	free(who);
	return rc;
}
