/* case.c - read, check and save one case file (see case.h). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "model/case.h"
#include "store/inikeep.h"
#include "store/iniread.h"
#include "store/iniw.h"
#include "store/journal.h"
#include "store/save.h"
#include "store/user.h"
#include "base/file.h"
#include "base/xalloc.h"

#define CASE_FORMAT "1"

void
case_init(struct case_file *c, const struct form *f, const char *path)
{
	const char *slash;

	memset(c, 0, sizeof *c);
	c->path = xstrdup(path);
	slash = strrchr(c->path, '/');
	c->name = slash ? (char *)(uintptr_t)(slash + 1) : c->path;
	c->facts = xmalloc((f->nfacts ? f->nfacts : 1) * sizeof *c->facts);
	for (size_t i = 0; i < f->nfacts; i++)
		c->facts[i] = COND_UNSET;
	c->fact_text = xcalloc(f->nfacts, sizeof *c->fact_text);
	c->kq_answer = xcalloc(f->nkqs, 1);
	c->prompt_answer = xcalloc(f->nprompts, 1);
	c->notes = xcalloc(f->nkqs, sizeof *c->notes);
	c->stamps = xcalloc(f->nkqs + f->nprompts + 1, sizeof *c->stamps);
}

void
case_free(struct case_file *c, const struct form *f)
{
	if (c->path == NULL)
		return;
	if (c->lock_depth > 0)
		save_unlock(c->lock_fd);
	free(c->path);
	free(c->reference);
	free(c->inspector);
	free(c->created);
	for (size_t i = 0; i < f->nfacts; i++)
		free(c->fact_text[i]);
	for (size_t i = 0; i < f->nkqs; i++)
		free(c->notes[i]);
	conflicts_free(&c->conflicts);
	free(c->facts);
	free(c->fact_text);
	free(c->kq_answer);
	free(c->prompt_answer);
	free(c->notes);
	free(c->stamps);
	memset(c, 0, sizeof *c);
}

const char *
case_answer_word(enum answer a)
{
	switch (a) {
	case ANSWER_YES: return "yes";
	case ANSWER_NO: return "no";
	case ANSWER_NA: return "na";
	case ANSWER_NONE: break;
	}
	return "";
}

static enum answer
answer_parse(const char *v)
{
	if (strcasecmp(v, "yes") == 0)
		return ANSWER_YES;
	if (strcasecmp(v, "no") == 0)
		return ANSWER_NO;
	if (strcasecmp(v, "na") == 0)
		return ANSWER_NA;
	return ANSWER_NONE;
}

/* ---- what is on disk ---- */

void
case_disk_of(struct case_disk *d, const struct stat *st)
{
	memset(d, 0, sizeof *d);
	d->dev = (unsigned long long)st->st_dev;
	d->ino = (unsigned long long)st->st_ino;
	d->size = (unsigned long long)st->st_size;
	d->mtime_s = (long long)st->st_mtim.tv_sec;
	d->mtime_ns = (long long)st->st_mtim.tv_nsec;
	d->ctime_s = (long long)st->st_ctim.tv_sec;
	d->ctime_ns = (long long)st->st_ctim.tv_nsec;
	d->known = 1;
}

void
case_note_disk(struct case_file *c, const struct stat *st)
{
	case_disk_of(&c->disk, st);
}

static void
disk_note(struct case_file *c)
{
	struct stat st;

	if (stat(c->path, &st) == 0)
		case_note_disk(c, &st);
	else
		memset(&c->disk, 0, sizeof c->disk);
}

int
case_refresh(struct case_file *c, const struct form *f, int *reloaded, struct err *e)
{
	struct case_file fresh;
	struct problems p = PROBLEMS_INIT;
	struct case_disk was = c->disk;
	char *path;

	*reloaded = 0;
	if (!was.known)
		return 0;
	disk_note(c);
	if (!c->disk.known) {	/* gone: the next save writes it again */
		c->disk = was;
		return 0;
	}
	if (memcmp(&was, &c->disk, sizeof was) == 0)
		return 0;
	path = xstrdup(c->path);
	if (case_load(&fresh, f, path, &p) < 0) {
		err_set(e, "%s changed on disk and cannot be read now: %s", path,
		    p.n ? p.v[0].msg : "");
		c->disk = was;
		problems_free(&p);
		free(path);
		return -1;
	}
	problems_free(&p);
	free(path);
	fresh.lock_depth = c->lock_depth;	/* the lock is the file's, not the copy's */
	fresh.lock_fd = c->lock_fd;
	c->lock_depth = 0;
	case_free(c, f);
	*c = fresh;
	*reloaded = 1;
	return 0;
}

int
case_lock(struct case_file *c, struct err *e)
{
	if (c->lock_depth > 0) {
		c->lock_depth++;
		return 0;
	}
	if ((c->lock_fd = save_lock_hold(c->path, e)) < 0)
		return -1;
	c->lock_depth = 1;
	return 0;
}

void
case_unlock(struct case_file *c)
{
	if (c->lock_depth > 0 && --c->lock_depth == 0)
		save_unlock(c->lock_fd);
}

/* ---- reading ---- */

struct reader {
	struct iniread rd;	/* the file and its problems */
	struct case_file *c;
	const struct form *f;
};

static void
read_case_section(struct reader *r, const struct ini_section *s)
{
	static const char *const keys[] = { "format", "framework", "reference",
	    "inspector", "created", NULL };
	char *fw, *format;

	iniread_check_keys(&r->rd, s, keys);
	format = iniread_text(&r->rd, s->name, "format");
	if (format != NULL && strcmp(format, CASE_FORMAT) != 0)
		iniread_err(&r->rd, s->name, "format", "format '%s' is not one this version reads (%s)",
		    format, CASE_FORMAT);
	free(format);
	fw = iniread_text(&r->rd, s->name, "framework");
	if (fw == NULL)
		iniread_err(&r->rd, s->name, NULL, "missing 'framework'");
	else if (strcmp(fw, r->f->id) != 0)
		iniread_err(&r->rd, s->name, "framework", "a case of framework '%s' in an inspection of '%s'",
		    fw, r->f->id);
	free(fw);
	r->c->reference = iniread_text(&r->rd, s->name, "reference");
	r->c->inspector = iniread_text(&r->rd, s->name, "inspector");
	r->c->created = iniread_text(&r->rd, s->name, "created");
}

static void
read_facts(struct reader *r, const struct ini_section *s)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		int fi = form_fact_index(r->f, k);
		const struct form_fact *fa;
		char *v;

		if (fi < 0) {
			iniread_err(&r->rd, s->name, k, "unknown fact (framework %s)", r->f->id);
			continue;
		}
		fa = &r->f->facts[fi];
		v = iniread_key_text(&r->rd, s, &s->keys[i]);
		if (v == NULL)
			continue;
		if (fa->type == FACT_TEXT) {
			r->c->fact_text[fi] = v;
			continue;
		}
		if (*v == '\0') {
			/* recorded as empty: not recorded */
		} else if ((r->c->facts[fi] = form_choice_index(fa, v)) < 0) {
			struct buf ok = BUF_INIT;

			for (size_t j = 0; j < fa->nchoices; j++)
				buf_printf(&ok, "%s%s", j ? ", " : "", fa->choices[j]);
			iniread_err(&r->rd, s->name, k, "'%s' is not one of: %s", v, buf_str(&ok));
			buf_free(&ok);
			r->c->facts[fi] = COND_UNSET;
		}
		free(v);
	}
}

/* Resolve an answer key to a key question (*kq) or a prompt (*pr). */
static int
resolve(struct reader *r, const char *k, int *kq, int *pr)
{
	form_item_index(r->f, k, kq, pr);
	return *kq >= 0 || *pr >= 0;
}

static void
read_answers(struct reader *r, const struct ini_section *s)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		const char *v = s->keys[i].value;
		enum answer a = answer_parse(v ? v : "");
		int kq, pr;

		if (!resolve(r, k, &kq, &pr)) {
			iniread_err(&r->rd, s->name, k, "an answer to an unknown question (framework %s)", r->f->id);
			continue;
		}
		if (kq >= 0 && r->f->stds[r->f->kqs[kq].std].rating == RATING_JUDGEMENT) {
			iniread_err(&r->rd, s->name, k, "%s belongs to a judgement-rated standard: "
			    "it is not answered case by case", k);
			continue;
		}
		if (a == ANSWER_NONE) {
			iniread_err(&r->rd, s->name, k, "'%s' is not %s", v ? v : "",
			    kq >= 0 ? "yes or no" : "yes, no or na");
			continue;
		}
		if (kq >= 0 && a == ANSWER_NA) {
			iniread_err(&r->rd, s->name, k, "a key question is answered yes or no, not na");
			continue;
		}
		if (pr >= 0 && a == ANSWER_NA && !r->f->prompts[pr].na) {
			iniread_err(&r->rd, s->name, k, "this prompt cannot be answered na: "
			    "framework %s allows only yes or no here (no 'na = yes' in its forms file)",
			    r->f->id);
			continue;
		}
		if (kq >= 0)
			r->c->kq_answer[kq] = (unsigned char)a;
		else
			r->c->prompt_answer[pr] = (unsigned char)a;
	}
}

static void
read_notes(struct reader *r, const struct ini_section *s)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		int kq = form_kq_index(r->f, k);

		if (kq < 0) {
			iniread_err(&r->rd, s->name, k, "a note on an unknown key question (framework %s)", r->f->id);
			continue;
		}
		r->c->notes[kq] = iniread_key_text(&r->rd, s, &s->keys[i]);
		if (r->c->notes[kq] != NULL && r->c->notes[kq][0] == '\0') {
			/* an empty note is no note (and is saved as none) */
			free(r->c->notes[kq]);
			r->c->notes[kq] = NULL;
		}
	}
}

static void
read_answered(struct reader *r, const struct ini_section *s)
{
	for (size_t i = 0; i < s->nkeys; i++) {
		const char *k = s->keys[i].name;
		int kq, pr;

		if (!resolve(r, k, &kq, &pr)) {
			iniread_err(&r->rd, s->name, k, "unknown question (framework %s)", r->f->id);
			continue;
		}
		{
			char *text = iniread_key_text(&r->rd, s, &s->keys[i]);

			stamp_set(case_stamp(r->c, r->f, kq < 0, kq >= 0 ? (size_t)kq : (size_t)pr),
			    text);
			free(text);
		}
	}
}

/* Does the key of conflict K have a value in C (so K is settled)? Unknown
 * keys and sections: -1 */
static int
conflict_settled(const struct case_file *c, const struct form *f, const struct conflict *k)
{
	int kq, pr, fi;

	if (strcmp(k->section, "answers") == 0) {
		if ((kq = form_kq_index(f, k->key)) >= 0)
			return c->kq_answer[kq] != ANSWER_NONE;
		if ((pr = form_prompt_index(f, k->key)) >= 0)
			return c->prompt_answer[pr] != ANSWER_NONE;
	} else if (strcmp(k->section, "facts") == 0) {
		if ((fi = form_fact_index(f, k->key)) >= 0)
			return c->facts[fi] != COND_UNSET || c->fact_text[fi] != NULL;
	} else if (strcmp(k->section, "notes") == 0) {
		if ((kq = form_kq_index(f, k->key)) >= 0)
			return c->notes[kq] != NULL;
	} else if (strcmp(k->section, "case") == 0) {
		if (strcmp(k->key, "reference") == 0)
			return c->reference != NULL;
		if (strcmp(k->key, "inspector") == 0)
			return c->inspector != NULL;
		if (strcmp(k->key, "created") == 0)
			return c->created != NULL;
	}
	return -1;
}

/* The conflicts section S read; settled ones dropped */
static void
read_conflicts(struct reader *r)
{
	struct conflicts *cs = &r->c->conflicts;

	for (size_t i = cs->n; i-- > 0;) {
		int settled = conflict_settled(r->c, r->f, &cs->v[i]);

		if (settled < 0) {
			char *sec = xasprintf("%s%s", CONFLICT_PREFIX, cs->v[i].section);

			iniread_err(&r->rd, sec, NULL, "a conflict on %s, not a fact, answer, note "
			    "nor case field of framework %s", cs->v[i].key, r->f->id);
			free(sec);
		}
		if (settled != 0)
			conflict_remove(cs, i);
	}
}

const struct conflict *
case_conflict(const struct case_file *c, const char *section, const char *key)
{
	return conflict_find(&c->conflicts, section, key);
}

int
case_load(struct case_file *c, const struct form *f, const char *path, struct problems *p)
{
	struct reader r = { { { 0 }, p, 0 }, c, f };
	struct err e;
	int seen_case = 0;

	case_init(c, f, path);
	if (ini_load(&r.rd.ini, path, &e) < 0) {
		problems_add(p, PROBLEM_ERROR, "%s", e.msg);
		case_free(c, f);
		return -1;
	}
	for (size_t i = 0; i < r.rd.ini.nsecs; i++) {
		const struct ini_section *s = &r.rd.ini.secs[i];

		if (strcmp(s->name, "case") == 0) {
			read_case_section(&r, s);
			seen_case = 1;
		} else if (strcmp(s->name, "facts") == 0)
			read_facts(&r, s);
		else if (strcmp(s->name, "answers") == 0)
			read_answers(&r, s);
		else if (strcmp(s->name, "notes") == 0)
			read_notes(&r, s);
		else if (strcmp(s->name, "answered") == 0)
			read_answered(&r, s);
		else if (conflict_section_of(s->name))
			conflict_read(&c->conflicts, &r.rd, s);
		else
			iniread_err(&r.rd, s->name, NULL, "unknown section (expected case, facts, "
			    "answers, notes, answered or conflicts.SECTION)");
	}
	read_conflicts(&r);
	if (!seen_case) {
		problems_add(p, PROBLEM_ERROR, "%s: no [case] section: not a case file", path);
		r.rd.errors++;
	}
	/* what was read, not what is there now: a file replaced since is one
	 * this process has not seen, and its next save must not go over it */
	case_note_disk(c, &r.rd.ini.st);
	ini_free(&r.rd.ini);
	if (r.rd.errors) {
		case_free(c, f);
		return -1;
	}
	return 0;
}

/* ---- saving ---- */

/* The case file this process saved last, and its text as saved: while the
 * file on disk is still that one (the same disk identity, as case_refresh
 * compares), the text its journal entry starts from need not be read
 * back. One file: the terminal UI answers one case at a time. */
static struct {
	char *path;
	struct case_disk disk;
	char *text;
} written;

/* The text of PATH as this process saved it, if the file is still that
 * one; else NULL (read it) */
static const char *
written_text(const char *path)
{
	struct stat st;
	struct case_disk now;

	if (written.path == NULL || strcmp(written.path, path) != 0 || stat(path, &st) == -1)
		return NULL;
	case_disk_of(&now, &st);
	return memcmp(&now, &written.disk, sizeof now) == 0 ? written.text : NULL;
}

/* After C was saved as TEXT, WROTE being the file written (save_file_as):
 * C's disk identity is the file at its path now if that is the one
 * written (the same inode, size and st_mtim: the rename moved only its
 * ctime), and then TEXT is kept for the next save, unless the file
 * system's times are whole seconds (a change made in the same second by
 * another program could not be told from ours). Another program's file
 * put there since (by a writer that takes no lock) is not taken for ours:
 * C keeps the identity of what was written, which the next case_refresh
 * finds changed, so it reads that file. */
static void
saved_note(struct case_file *c, const struct stat *wrote, const char *text)
{
	struct case_disk w;

	free(written.path);
	free(written.text);
	written.path = NULL;
	written.text = NULL;
	disk_note(c);
	if (!c->disk.known)
		return;
	case_disk_of(&w, wrote);
	if (w.dev != c->disk.dev || w.ino != c->disk.ino || w.size != c->disk.size ||
	    w.mtime_s != c->disk.mtime_s || w.mtime_ns != c->disk.mtime_ns) {
		c->disk = w;
		return;
	}
	if (c->disk.mtime_ns == 0 && c->disk.ctime_ns == 0)
		return;
	written.path = xstrdup(c->path);
	written.disk = c->disk;
	written.text = xstrdup(text);
}

/* Who the journal names: looked up once, unless case_journal_as names
 * another */
static char *journal_as;

void
case_journal_as(const char *who)
{
	free(journal_as);
	journal_as = who ? xstrdup(who) : NULL;
}

const char *
case_journal_who(void)
{
	static char *who;

	if (journal_as)
		return journal_as;
	if (who == NULL)
		who = user_name();
	return who;
}

static void
put_stamp(struct iniw *w, const char *id, const struct stamp *s)
{
	char small[128], *text;

	if (!stamp_is(s))
		return;
	if (stamp_format(s, small, sizeof small) < sizeof small) {	/* (no allocation) */
		iniw_str(w, id, small);
		return;
	}
	text = stamp_text(s);
	iniw_str(w, id, text);
	free(text);
}

/* Has case file PATH a journal with something in it? */
static int
has_journal(const char *path)
{
	char *jpath = journal_path(path);
	struct stat st;
	int r = lstat(jpath, &st) == 0 && st.st_size > 0;

	free(jpath);
	return r;
}

/* A new case PATH not made (a full disk): the journal its save began is
 * removed, so that no journal is left without its case file; not when the
 * file is there after all (EEXIST: another program's, whose journal it is
 * now). errno is kept (add_case_locked reads it). */
static void
drop_journal(const char *path)
{
	char *jpath = journal_path(path);
	struct stat st;
	int saved = errno;

	if (saved != EEXIST && lstat(path, &st) == -1 && errno == ENOENT)
		unlink(jpath);
	free(jpath);
	errno = saved;
}

/* case_save, or with NEW case_create */
static int
case_write(struct case_file *c, const struct form *f, int new, struct err *e)
{
	struct iniw w;
	struct stat wrote;
	char *kept = NULL;
	const char *text = NULL;
	size_t len = 0;
	int rc, journaled = new && has_journal(c->path);

	iniw_init(&w);
	iniw_comment(&w, "yjinspect case file: written by yjinspect; see yjinspect-inspection(5)");
	iniw_section(&w, "case");
	iniw_raw(&w, "format", CASE_FORMAT);
	iniw_raw(&w, "framework", f->id);
	if (c->reference)
		iniw_str(&w, "reference", c->reference);
	if (c->inspector)
		iniw_str(&w, "inspector", c->inspector);
	if (c->created)
		iniw_str(&w, "created", c->created);

	iniw_section(&w, "facts");
	for (size_t i = 0; i < f->nfacts; i++) {
		if (f->facts[i].type == FACT_TEXT) {
			if (c->fact_text[i])
				iniw_str(&w, f->facts[i].id, c->fact_text[i]);
		} else if (c->facts[i] != COND_UNSET) {
			iniw_raw(&w, f->facts[i].id, f->facts[i].choices[c->facts[i]]);
		}
	}

	iniw_section(&w, "answers");
	for (size_t q = 0; q < f->nkqs; q++) {
		const struct form_kq *kq = &f->kqs[q];

		for (size_t j = 0; j < kq->nprompts; j++) {
			size_t pi = kq->prompts[j];

			if (c->prompt_answer[pi] != ANSWER_NONE)
				iniw_raw(&w, f->prompts[pi].id, case_answer_word(c->prompt_answer[pi]));
		}
		if (c->kq_answer[q] != ANSWER_NONE)
			iniw_raw(&w, kq->id, case_answer_word(c->kq_answer[q]));
	}

	iniw_section(&w, "notes");
	for (size_t q = 0; q < f->nkqs; q++)
		if (c->notes[q] && c->notes[q][0])
			iniw_str(&w, f->kqs[q].id, c->notes[q]);

	iniw_section(&w, "answered");
	for (size_t q = 0; q < f->nkqs; q++) {
		const struct form_kq *kq = &f->kqs[q];

		for (size_t j = 0; j < kq->nprompts; j++) {
			size_t pi = kq->prompts[j];

			put_stamp(&w, f->prompts[pi].id, case_stamp(c, f, 1, pi));
		}
		put_stamp(&w, kq->id, case_stamp(c, f, 0, q));
	}

	/* conflicts from a merge, but those settled now (dropped from C only
	 * once the save is made: a failed one leaves every conflict standing) */
	{
		struct conflicts keep = { 0 };

		for (size_t i = 0; i < c->conflicts.n; i++) {
			const struct conflict *k = &c->conflicts.v[i];

			if (conflict_settled(c, f, k) == 0)
				conflict_add(&keep, k->section, k->key, k->ours, k->ours_by,
				    k->theirs, k->theirs_by);
		}
		conflict_write(&w, &keep);
		conflicts_free(&keep);
	}

	/* the change in the case's journal first: a save that cannot be
	 * journaled is not made */
	rc = new ? 0 : save_can_replace(c->path, e);	/* (a refusal journals nothing) */
	if (rc == 0) {
		const char *old = new ? NULL : written_text(c->path);
		char *read = NULL;

		if (!new && old == NULL)
			old = read = file_read(c->path, FILE_ANY_SIZE, 0, NULL);
		/* a person's comments in the file as it is come through */
		if ((kept = inikeep(old, iniw_text(&w), CONFLICT_NOTE_LINE "\n", &len)) == NULL)
			len = iniw_len(&w);
		text = kept ? kept : iniw_text(&w);
		rc = journal_record(c->path, old, text, case_journal_who(), e);
		free(read);
	}
	if (rc == 0)
		rc = save_file_as(c->path, text, len, new, !new && c->lock_depth > 0, &wrote, e);
	if (rc != 0 && new && !journaled)
		drop_journal(c->path);
	if (rc == 0) {
		saved_note(c, &wrote, text);
		for (size_t i = c->conflicts.n; i-- > 0;)
			if (conflict_settled(c, f, &c->conflicts.v[i]) != 0)
				conflict_remove(&c->conflicts, i);
	}
	free(kept);
	iniw_free(&w);
	return rc;
}

int
case_save(struct case_file *c, const struct form *f, struct err *e)
{
	return case_write(c, f, 0, e);
}

int
case_create(struct case_file *c, const struct form *f, struct err *e)
{
	return case_write(c, f, 1, e);	/* save_file_new's errno is the last call's */
}

/* ---- relevance and checks ---- */

enum cond_value
case_std_applies(const struct case_file *c, const struct form *f, size_t s)
{
	if (f->stds[s].rating != RATING_CASES)
		return COND_FALSE;
	return cond_eval(f->stds[s].applies, c->facts);
}

static enum cond_value
cond_and(enum cond_value a, enum cond_value b)
{
	if (a == COND_FALSE || b == COND_FALSE)
		return COND_FALSE;
	if (a == COND_TRUE && b == COND_TRUE)
		return COND_TRUE;
	return COND_UNKNOWN;
}

enum cond_value
case_kq_relevant(const struct case_file *c, const struct form *f, size_t q)
{
	enum cond_value a = case_std_applies(c, f, f->kqs[q].std);

	if (a == COND_FALSE)
		return a;
	return cond_and(a, cond_eval(f->kqs[q].relevant, c->facts));
}

enum cond_value
case_prompt_relevant(const struct case_file *c, const struct form *f, size_t p)
{
	enum cond_value a = case_kq_relevant(c, f, f->prompts[p].kq);

	if (a == COND_FALSE)
		return a;
	return cond_and(a, cond_eval(f->prompts[p].relevant, c->facts));
}

struct unset_ctx {
	const struct case_file *c;
	const struct form *f;
	struct problems *p;
	unsigned char *reported;	/* [nfacts] */
};

static void
report_unset(void *arg, int fact)
{
	struct unset_ctx *u = arg;

	if (u->c->facts[fact] != COND_UNSET || u->reported[fact])
		return;
	u->reported[fact] = 1;
	problems_add(u->p, PROBLEM_WARNING, "%s: [facts] %s: not recorded (%s): "
	    "the questions that depend on it cannot be counted", u->c->path,
	    u->f->facts[fact].id, u->f->facts[fact].label);
}

enum cond_value
case_choice_allowed(const struct case_file *c, const struct form *f, size_t fact, int choice)
{
	const struct form_fact *fa = &f->facts[fact];

	if (fa->choice_when == NULL || choice < 0 || (size_t)choice >= fa->nchoices ||
	    fa->choice_when[choice] == NULL)
		return COND_TRUE;
	return cond_eval(fa->choice_when[choice], c->facts);
}

void
case_check(const struct case_file *c, const struct form *f, struct problems *p)
{
	struct unset_ctx u = { c, f, p, xcalloc(f->nfacts, 1) };
	int unanswered = 0;
	const char *first = NULL;

	/* a choice the other facts rule out (a referral order on an
	 * out-of-court case): one of the two is wrong */
	for (size_t i = 0; i < f->nfacts; i++)
		if (c->facts[i] != COND_UNSET &&
		    case_choice_allowed(c, f, i, c->facts[i]) == COND_FALSE)
			problems_add(p, PROBLEM_WARNING, "%s: [facts] %s: '%s' is a choice only "
			    "when %s", c->path, f->facts[i].id,
			    f->facts[i].choices[c->facts[i]],
			    f->facts[i].choice_when_src[c->facts[i]]);

	for (size_t s = 0; s < f->nstds; s++)
		if (f->stds[s].rating == RATING_CASES)
			cond_facts(f->stds[s].applies, report_unset, &u);
	/* in walk order: each key question's prompts, then its judgement */
	for (size_t q = 0; q < f->nkqs; q++) {
		const struct form_kq *kq = &f->kqs[q];
		enum cond_value rel = case_kq_relevant(c, f, q);

		if (rel == COND_UNKNOWN)
			cond_facts(kq->relevant, report_unset, &u);
		for (size_t j = 0; j < kq->nprompts; j++) {
			size_t i = kq->prompts[j];
			enum cond_value prel = case_prompt_relevant(c, f, i);

			if (prel == COND_UNKNOWN && rel == COND_TRUE)
				cond_facts(f->prompts[i].relevant, report_unset, &u);
			if (prel == COND_FALSE && c->prompt_answer[i] != ANSWER_NONE)
				problems_add(p, PROBLEM_WARNING, "%s: [answers] %s: answered, but "
				    "not relevant to this case by its facts: not counted", c->path,
				    f->prompts[i].id);
			if (prel == COND_TRUE && c->prompt_answer[i] == ANSWER_NONE && !unanswered++)
				first = f->prompts[i].id;
		}
		if (rel == COND_FALSE && c->kq_answer[q] != ANSWER_NONE)
			problems_add(p, PROBLEM_WARNING, "%s: [answers] %s: answered, but not "
			    "relevant to this case by its facts: not counted", c->path, kq->id);
		if (rel == COND_TRUE && c->kq_answer[q] == ANSWER_NONE && !unanswered++)
			first = kq->id;
	}
	for (size_t i = 0; i < c->conflicts.n; i++) {
		char d[600];

		conflict_describe(&c->conflicts.v[i], d, sizeof d);
		problems_add(p, PROBLEM_WARNING, "%s: [%s] %s: a conflict from a merge, counted "
		    "neither way until given again: %s", c->path, c->conflicts.v[i].section,
		    c->conflicts.v[i].key, d);
	}
	if (unanswered)
		problems_add(p, PROBLEM_WARNING, "%s: %d relevant question%s not answered yet "
		    "(the first: %s)", c->path, unanswered, unanswered == 1 ? "" : "s", first);
	free(u.reported);
}

void
case_progress(const struct case_file *c, const struct form *f, int *answered, int *total)
{
	*answered = *total = 0;
	for (size_t q = 0; q < f->nkqs; q++)
		if (case_kq_relevant(c, f, q) == COND_TRUE) {
			(*total)++;
			*answered += c->kq_answer[q] != ANSWER_NONE;
		}
	for (size_t i = 0; i < f->nprompts; i++)
		if (case_prompt_relevant(c, f, i) == COND_TRUE) {
			(*total)++;
			*answered += c->prompt_answer[i] != ANSWER_NONE;
		}
}
