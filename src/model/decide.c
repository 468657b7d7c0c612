/* decide.c - the ratings panel's decisions (see decide.h). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/decide.h"
#include "model/rate.h"
#include "base/stamp.h"
#include "base/xalloc.h"

const struct insp_decision *
decide_find(const struct inspection *in, size_t std)
{
	for (size_t i = 0; i < in->ndecisions; i++)
		if (in->decisions[i].std == std)
			return &in->decisions[i];
	return NULL;
}

int
decide_record(struct inspection *in, size_t std, int to, const char *kq, const char *why,
    const char *by, struct err *e)
{
	const struct form *f = &in->form;
	struct insp_decision d = { 0 }, *old;
	struct rate r;
	char at[32];
	int kqi;

	if (std >= f->nstds || f->stds[std].rating != RATING_CASES)
		return err_set(e, "%s is not a case-rated standard: a judged one is judged, "
		    "not decided", std < f->nstds ? f->stds[std].id : "?");
	if (to < 0 || (size_t)to >= f->nbands)
		return err_set(e, "not a rating of %s", f->id);
	if (kq && ((kqi = form_kq_index(f, kq)) < 0 || f->kqs[kqi].std != std))
		return err_set(e, "%s is not a key question of %s", kq, f->stds[std].id);
	if (why == NULL || why[strspn(why, " \t\n")] == '\0')
		return err_set(e, "a decision needs its rationale: why the panel moves %s",
		    f->stds[std].id);
	/* it moves the rating the evidence gives now: of every case */
	if (in->nleft_out > 0)
		return err_set(e, "%s cannot be decided while a case file is left out (%s%s): the "
		    "rating it moves would be the other cases' only; put it right first (see "
		    "'yjinspect check')", f->stds[std].id, in->left_out[0].why,
		    in->nleft_out > 1 ? ", and more" : "");
	rate_compute(&r, in);
	d.from = r.std[std].computed;
	rate_free(&r);
	if (d.from < 0)
		return err_set(e, "the evidence gives %s no rating yet: there is nothing for the "
		    "panel to move", f->stds[std].id);
	if (to == d.from)	/* it would move nothing, and pin the rating */
		return err_set(e, "the evidence gives %s %s already: a decision moves it to "
		    "another band (to keep it so, make none)", f->stds[std].id,
		    f->bands[to].rating);
	stamp_now(at, sizeof at, 0);
	d.std = std;
	d.to = to;
	d.kq = kq ? xstrdup(kq) : NULL;
	d.why = xstrdup(why);
	d.by = by ? xstrdup(by) : NULL;
	d.at = xstrdup(at);
	old = (struct insp_decision *)(uintptr_t)decide_find(in, std);
	if (old) {	/* a new decision replaces the old one: kept until saved */
		struct insp_decision was = *old;

		*old = d;
		if (insp_save(in, e) < 0) {
			*old = was;
			insp_decision_free(&d);
			return -1;
		}
		insp_decision_free(&was);
		return 0;
	}
	in->decisions = xrealloc(in->decisions, (in->ndecisions + 1) * sizeof *in->decisions);
	in->decisions[in->ndecisions++] = d;
	if (insp_save(in, e) < 0) {
		insp_decision_free(&in->decisions[--in->ndecisions]);
		return -1;
	}
	return 0;
}

int
decide_judge(struct inspection *in, size_t std, int judgement, struct err *e)
{
	const struct form *f = &in->form;
	int was;

	if (std >= f->nstds || f->stds[std].rating != RATING_JUDGEMENT)
		return err_set(e, "%s is rated from its cases, not judged: a panel decision "
		    "moves it", std < f->nstds ? f->stds[std].id : "?");
	if (judgement != JUDGE_UNSET && judgement != JUDGE_NOT_RATED &&
	    (judgement < 0 || (size_t)judgement >= f->nbands))
		return err_set(e, "not a rating of %s", f->id);
	was = in->judgements[std];
	in->judgements[std] = judgement;
	if (insp_save(in, e) < 0) {
		in->judgements[std] = was;
		return -1;
	}
	return 0;
}

/* *SLOT of IN set to TEXT (blank: none) and saved; put back if the save fails */
static int
save_text(struct inspection *in, char **slot, const char *text, struct err *e)
{
	char *was = *slot;

	*slot = text && text[strspn(text, " \t\n")] ? xstrdup(text) : NULL;
	if (insp_save(in, e) < 0) {
		free(*slot);
		*slot = was;
		return -1;
	}
	free(was);
	return 0;
}

int
decide_findings(struct inspection *in, size_t std, int improvements, const char *text,
    struct err *e)
{
	return save_text(in, improvements ? &in->improvements[std] : &in->strengths[std], text,
	    e);
}

int
decide_evidence(struct inspection *in, size_t kq, const char *text, struct err *e)
{
	const struct form *f = &in->form;

	if (kq >= f->nkqs || f->stds[f->kqs[kq].std].rating != RATING_JUDGEMENT)
		return err_set(e, "%s is a key question of a case-rated standard: its cases' "
		    "answers are its evidence", kq < f->nkqs ? f->kqs[kq].id : "?");
	return save_text(in, &in->evidence[kq], text, e);
}

int
decide_withdraw(struct inspection *in, size_t std, struct err *e)
{
	const struct insp_decision *found = decide_find(in, std);
	size_t i;
	struct insp_decision was;

	if (found == NULL)
		return err_set(e, "no panel decision on %s", std < in->form.nstds ?
		    in->form.stds[std].id : "?");
	/* the others keep their order: their lines of inspection.ini stay */
	i = (size_t)(found - in->decisions);
	was = in->decisions[i];
	memmove(&in->decisions[i], &in->decisions[i + 1],
	    (in->ndecisions - i - 1) * sizeof *in->decisions);
	in->ndecisions--;
	if (insp_save(in, e) < 0) {
		memmove(&in->decisions[i + 1], &in->decisions[i],
		    (in->ndecisions - i) * sizeof *in->decisions);
		in->decisions[i] = was;
		in->ndecisions++;
		return -1;
	}
	insp_decision_free(&was);
	return 0;
}
