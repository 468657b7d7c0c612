/*
 * test_mutate.c - hand edits gone wrong, thousands of them: the fixtures'
 * case files and inspection.ini, mutated at random (a fixed seed, so every
 * run is the same run) by the edits a person or a broken disk makes: a byte
 * changed, a line lost, doubled or moved, a file cut short, a quote, a
 * backslash, a bracket, '=' or ';' typed in the wrong place, a long line, a
 * NUL, a byte-order mark, CR line ends, a section or an answer pasted in.
 * Besides the fixtures as they are, a case file and an inspection.ini of
 * each fixture's framework hold conflicts kept by a merge (conflict.h):
 * every fourth mutated file is one of those, and half of its edits land
 * in or after its first [conflicts.SECTION], so that they are reached.
 *
 * Whatever the file holds, reading it must
 *   - either succeed, and then what was read is what is written back and
 *     read again (save, load: the same case, the same inspection), so that
 *     the next change made in the TUI cannot alter anything else
 *     (the conflicts kept in it too);
 *   - or fail with at least one error, every message one line naming the
 *     file, and the file left as it was.
 * Never a crash, a leak or undefined behaviour: make check runs this under
 * ASan and UBSan too.
 *
 * YJINSPECT_MUTATIONS sets how many mutated files of each kind (default
 * 3000 case files, a third as many inspection.ini files) and
 * YJINSPECT_MUTATION_SEED another random sequence; a failure prints
 * the iteration, and the file it failed on is kept as FAILED-case.ini or
 * FAILED-inspection.ini in the test's temporary directory, which is then
 * not removed.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/buf.h"
#include "model/case.h"
#include "model/form.h"
#include "model/insp.h"
#include "base/problems.h"
#include "testutil.h"
#include "base/xalloc.h"

/* ---- a small, fixed random sequence (xorshift64*) ---- */

static uint64_t rng_state;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static size_t
below(size_t n)
{
	return n ? (size_t)(rng() % n) : 0;
}

/* ---- mutating a text ---- */

struct text {
	char *s;
	size_t len;
};

static void
text_splice(struct text *t, size_t at, size_t cut, const char *ins, size_t inslen)
{
	char *n = xmalloc(t->len - cut + inslen + 1);

	memcpy(n, t->s, at);
	memcpy(n + at, ins, inslen);
	memcpy(n + at + inslen, t->s + at + cut, t->len - at - cut);
	t->len = t->len - cut + inslen;
	n[t->len] = '\0';
	free(t->s);
	t->s = n;
}

/* The start of the line holding offset AT, and the end (after its '\n'). */
static size_t
line_start(const struct text *t, size_t at)
{
	while (at > 0 && t->s[at - 1] != '\n')
		at--;
	return at;
}

static size_t
line_end(const struct text *t, size_t at)
{
	while (at < t->len && t->s[at] != '\n')
		at++;
	return at < t->len ? at + 1 : at;
}

static char *
bytes(const char *s, size_t n)
{
	char *c = xmalloc(n + 1);

	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

/* What people type in the wrong place, and what files pick up. */
static const char *const tokens[] = {
	"\n", "[", "]", "=", " = ", "\"", "\\", ";", "#", "\r", "\t", " ",
	"\xef\xbb\xbf", "\xc3\xa9", "\xe2\x80\xa6", "\xff", "\x1b[2J", "~2", "~3",
	"\\x", "\\x0", "\\u00e9", "\\n", "\\\"", "=\"", "\"\"", "'",
	"\n[answers]\n", "\n[case]\n", "\n[facts]\n", "\n[notes]\n", "\n[answered]\n",
	"\n[judgements]\n", "\n[decision.2.1]\nfrom = good\nto = outstanding\nwhy = x\n",
	"\n2.1.1 = yes\n", "\n2.1.1.1 = na\n", "\n2.1.1~2 = \"more\"\n",
	"\nframework = yj-2021\n", "\nformat = 2\n", "\ncase_type = court\n",
	"\ndisposal = nonsense\n", "\n1.1 = good\n", "yes", "no", "na", "maybe",
	"0", "-1", "99999999999999999999",
	"\n[conflicts.answers]\n", "\n[conflicts.facts]\n", "\n[conflicts.notes]\n",
	"\n[conflicts.judgements]\n", "\n[conflicts.decision.2.1]\n", "\n[conflicts.]\n",
	"\n[conflicts.nonsense]\n", "\n2.1.1.ours = no\n", "\n2.1.1.theirs = yes\n",
	"\n2.1.1.ours_by = \"2026-12-03T10:01:02Z Ann Lee\"\n", "\nrosh.theirs = low\n",
	"\n1.1.ours = good\n", "\nfrom.theirs = good\n", ".ours", ".theirs", "_by",
	".both",
};
#define NTOKENS (sizeof tokens / sizeof tokens[0])

/* One edit of T, at an offset from LO on (LO 0: anywhere; a line moved
 * may still go anywhere) */
static void
mutate_once(struct text *t, size_t lo)
{
	size_t span = t->len - lo, at = lo + below(span + 1), a, b;
	char byte;

	switch (below(9)) {
	case 0:		/* a byte changed to any byte */
		if (span == 0)
			break;
		byte = (char)below(256);
		text_splice(t, lo + below(span), 1, &byte, 1);
		break;
	case 1:		/* something typed in */
	case 2: {
		const char *tok = tokens[below(NTOKENS)];

		text_splice(t, at, 0, tok, strlen(tok));
		break;
	}
	case 3:		/* some bytes deleted */
		a = lo + below(span + 1);
		b = t->len - a < 40 ? t->len - a : 40;
		text_splice(t, a, below(b + 1), "", 0);
		break;
	case 4:		/* a line lost */
		a = line_start(t, at);
		text_splice(t, a, line_end(t, at) - a, "", 0);
		break;
	case 5: {	/* a line doubled */
		a = line_start(t, at);
		b = line_end(t, at);
		char *copy = bytes(t->s + a, b - a);	/* it may hold a NUL */

		text_splice(t, a, 0, copy, b - a);
		free(copy);
		break;
	}
	case 6:		/* the file cut short */
		t->len = lo + below(span + 1);
		t->s[t->len] = '\0';
		break;
	case 7: {	/* a long run of one character: a line past any limit */
		size_t n = 100 + below(3000);
		char *run = xmalloc(n);

		memset(run, below(2) ? 'a' : '"', n);
		text_splice(t, at, 0, run, n);
		free(run);
		break;
	}
	default: {	/* a line moved elsewhere */
		a = line_start(t, at);
		b = line_end(t, at);
		char *copy = bytes(t->s + a, b - a);

		text_splice(t, a, b - a, "", 0);
		text_splice(t, line_start(t, below(t->len + 1)), 0, copy, b - a);
		free(copy);
		break;
	}
	}
}

/* ---- the fixtures ---- */

struct source {
	char *text;
	size_t len;
	const char *framework;
};

static const struct {
	const char *dir, *framework;
} fixtures[] = {
	{ "south-tyneside-2020", "yj-2019" },
	{ "south-tees-2019", "yj-2019" },
	{ "northumberland-2023", "yj-2021" },
};
#define NFIXTURES (sizeof fixtures / sizeof fixtures[0])

static struct source *cases;
static size_t ncases;
static struct source insps[NFIXTURES];

/*
 * Seeds with conflicts kept by a merge, in the form conflict.h gives: the
 * conflicted keys taken out of their sections (with their [answered]
 * stamps) and both sides kept in [conflicts.SECTION], as the merge and
 * the next save write them. From the fixture case file FROM and the
 * fixture's inspection.ini, one for each framework.
 */
static const char *const case_drop[] = {
	"2.1.1 = ", "2.1.2.1 = ", "rosh = ", "inspector = ", NULL
};
static const char case_conflicts[] =
    "\n[conflicts.answers]\n"
    "; keys the two copies of a merge changed differently: neither counts until "
    "the key is given a value again\n"
    "2.1.1.ours = \"no\"\n"
    "2.1.1.ours_by = \"2026-12-03T10:01:02Z Ann Lee\"\n"
    "2.1.1.theirs = \"yes\"\n"
    "2.1.1.theirs_by = \"2026-12-03T10:04:00Z Bo Sharma\"\n"
    "2.1.2.1.theirs = \"na\"\n"			/* ours removed it */
    "2.1.2.1.theirs_by = \"2026-12-03T10:05:00Z Bo Sharma\"\n"
    "\n[conflicts.facts]\n"
    "rosh.ours = \"high\"\n"
    "rosh.theirs = \"low\"\n"
    "\n[conflicts.notes]\n"
    "2.1.1.ours = \"Mum said \\x22no\\x22;\\nthen left\"\n"
    "2.1.1.theirs = \"Seen twice = enough\"\n"
    "\n[conflicts.case]\n"
    "inspector.ours = \"Ann Lee-Smith\"\n"
    "inspector.theirs = \"Bo Sharma\"\n";
#define CASE_CONFLICTS 5	/* answers 2.1.1, 2.1.2.1, facts rosh, notes 2.1.1, case inspector */

static const char *const insp_drop[] = { "1.2 = ", "lead = ", NULL };
static const char insp_conflicts[] =
    "\n[conflicts.judgements]\n"
    "; keys the two copies of a merge changed differently: neither counts until "
    "the key is given a value again\n"
    "1.2.ours = \"good\"\n"
    "1.2.theirs = \"requires-improvement\"\n"
    "\n[conflicts.decision.2.1]\n"	/* a decision in conflict is kept whole */
    "from.ours = \"good\"\n"
    "from.theirs = \"good\"\n"
    "to.ours = \"outstanding\"\n"
    "to.theirs = \"requires-improvement\"\n"
    "kq.theirs = \"2.1.2\"\n"
    "why.ours = \"Five of six cases \\x22strong\\x22\"\n"
    "why.theirs = \"Planning; not enough\"\n"
    "by.ours = \"Chair\"\n"
    "\n[conflicts.inspection]\n"
    "lead.ours = \"Margaret Ellwood\"\n"
    "lead.theirs = \"M. Ellwood\"\n";
#define INSP_CONFLICTS 7	/* judgements 1.2, decision.2.1 from, to, kq, why, by, inspection lead */

static const struct {
	const char *fixture, *case_file;
} conflicted_from[] = {
	{ "south-tyneside-2020", "ST-C01.ini" },
	{ "northumberland-2023", "NB-C01.ini" },
};
#define NCONFLICTED (sizeof conflicted_from / sizeof conflicted_from[0])
static struct source conflicted_cases[NCONFLICTED], conflicted_insps[NCONFLICTED];
static struct form forms[2];	/* yj-2019, yj-2021 */
static char *tmp;
static size_t kept;	/* files kept by failed iterations */
static size_t at_iter;	/* the iteration under way */

static const struct form *
form_of(const char *id)
{
	return strcmp(id, "yj-2019") == 0 ? &forms[0] : &forms[1];
}

static void
read_source(struct source *s, const char *path, const char *framework)
{
	s->text = tu_read(path, &s->len);
	if (s->text == NULL)
		fail_msg("cannot read %s", path);
	s->framework = framework;
}

/* S made from SRC (FRAMEWORK's): its lines beginning with one of DROP
 * left out, TAIL after it */
static void
conflicted(struct source *s, const struct source *src, const char *const *drop,
    const char *tail)
{
	struct buf b = BUF_INIT;

	for (const char *l = src->text, *end; *l; l = end) {
		int out = 0;

		end = strchr(l, '\n');
		end = end ? end + 1 : l + strlen(l);
		for (size_t i = 0; drop[i]; i++)
			out |= strncmp(l, drop[i], strlen(drop[i])) == 0;
		if (!out)
			buf_add(&b, l, (size_t)(end - l));
	}
	buf_add(&b, tail, strlen(tail));
	s->text = xstrdup(buf_str(&b));
	s->len = b.len;
	s->framework = src->framework;
	buf_free(&b);
}

/* The conflicts A and B are the same ones, whatever their order */
static void
same_conflicts(const struct conflicts *a, const struct conflicts *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct conflict *x = &a->v[i];
		const struct conflict *y = conflict_find(b, x->section, x->key);

		if (y == NULL)
			fail_msg("the conflict on [%s] %s is lost in the round trip", x->section,
			    x->key);
		tu_same_string(x->ours, y->ours);
		tu_same_string(x->ours_by, y->ours_by);
		tu_same_string(x->theirs, y->theirs);
		tu_same_string(x->theirs_by, y->theirs_by);
	}
}

static void write_text(const char *path, const struct text *t);

/* Each seed with conflicts loads as it is, with all its conflicts */
static void
conflicted_seeds_load(void)
{
	char *dir = xasprintf("%s/seed", tmp);
	char *cpath = xasprintf("%s/case.ini", dir), *ipath = xasprintf("%s/inspection.ini", dir);

	assert_int_equal(mkdir(dir, 0700), 0);
	for (size_t i = 0; i < NCONFLICTED; i++) {
		const struct source *cs = &conflicted_cases[i], *is = &conflicted_insps[i];
		const struct form *f = form_of(cs->framework);
		struct text ct = { cs->text, cs->len }, it = { is->text, is->len };
		struct problems p = PROBLEMS_INIT;
		struct case_file c;
		struct inspection in;

		write_text(cpath, &ct);
		if (case_load(&c, f, cpath, &p) < 0 || p.nerrors)
			fail_msg("the seed with conflicts from %s does not load: %s",
			    conflicted_from[i].case_file, p.n ? p.v[0].msg : "?");
		if (c.conflicts.n != CASE_CONFLICTS)
			fail_msg("the seed from %s holds %zu conflicts, not %d",
			    conflicted_from[i].case_file, c.conflicts.n, CASE_CONFLICTS);
		case_free(&c, f);
		problems_free(&p);
		unlink(cpath);

		write_text(ipath, &it);
		if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
			fail_msg("the inspection.ini with conflicts of %s does not open: %s",
			    conflicted_from[i].fixture, p.n ? p.v[0].msg : "?");
		if (in.conflicts.n != INSP_CONFLICTS)
			fail_msg("the inspection.ini of %s holds %zu conflicts, not %d",
			    conflicted_from[i].fixture, in.conflicts.n, INSP_CONFLICTS);
		insp_close(&in);
		problems_free(&p);
		unlink(ipath);
	}
	free(cpath);
	free(ipath);
	tu_rmtree(dir);
	free(dir);
}

static int
group_setup(void **state)
{
	const char *fx = tu_env("YJINSPECT_FIXTURES");
	struct err e;

	(void)state;
	if (form_load_id(&forms[0], tu_env("YJINSPECT_FORMS"), "yj-2019", &e) < 0 ||
	    form_load_id(&forms[1], tu_env("YJINSPECT_FORMS"), "yj-2021", &e) < 0)
		fail_msg("%s", e.msg);
	for (size_t i = 0; i < NFIXTURES; i++) {
		char *path = xasprintf("%s/%s/inspection.ini", fx, fixtures[i].dir);

		read_source(&insps[i], path, fixtures[i].framework);
		free(path);
		/* the fixtures' cases are named PREFIX-C01.ini ... -O99.ini */
		for (int k = 0; k < 2; k++)
			for (int n = 1; n < 100; n++) {
				const char *pre = i == 0 ? "ST" : i == 1 ? "STS" : "NB";

				path = xasprintf("%s/%s/cases/%s-%c%02d.ini", fx, fixtures[i].dir,
				    pre, k ? 'O' : 'C', n);
				if (access(path, F_OK) == 0) {
					cases = xrealloc(cases, (ncases + 1) * sizeof *cases);
					read_source(&cases[ncases++], path, fixtures[i].framework);
				}
				free(path);
			}
	}
	if (ncases < 20)
		fail_msg("only %zu fixture cases found", ncases);
	for (size_t i = 0; i < NCONFLICTED; i++) {
		size_t fi = 0;
		struct source from;

		while (strcmp(fixtures[fi].dir, conflicted_from[i].fixture) != 0)
			fi++;
		char *path = xasprintf("%s/%s/cases/%s", fx, fixtures[fi].dir,
		    conflicted_from[i].case_file);
		read_source(&from, path, fixtures[fi].framework);
		free(path);
		conflicted(&conflicted_cases[i], &from, case_drop, case_conflicts);
		conflicted(&conflicted_insps[i], &insps[fi], insp_drop, insp_conflicts);
		free(from.text);
	}
	tmp = tu_tmpdir();
	conflicted_seeds_load();
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < ncases; i++)
		free(cases[i].text);
	free(cases);
	for (size_t i = 0; i < NFIXTURES; i++)
		free(insps[i].text);
	for (size_t i = 0; i < NCONFLICTED; i++) {
		free(conflicted_cases[i].text);
		free(conflicted_insps[i].text);
	}
	form_free(&forms[0]);
	form_free(&forms[1]);
	if (kept)
		print_message("failed at mutation %zu; the file is kept in %s\n", at_iter, tmp);
	else
		tu_rmtree(tmp);
	free(tmp);
	return 0;
}

/* The seed of the random sequence: YJINSPECT_MUTATION_SEED, else DFLT
 * (to look further than make check does; the default run never varies). */
static uint64_t
seed(uint64_t dflt)
{
	const char *env = getenv("YJINSPECT_MUTATION_SEED");
	uint64_t v = env && *env ? strtoull(env, NULL, 0) : 0;

	return v ? v ^ dflt : dflt;
}

static size_t
iterations(size_t dflt)
{
	const char *env = getenv("YJINSPECT_MUTATIONS");

	return env && *env ? strtoul(env, NULL, 10) : dflt;
}

/* Every message of P names PATH and is one line of printable text. */
static void
messages_name(const struct problems *p, const char *path, size_t iter)
{
	for (size_t i = 0; i < p->n; i++) {
		const unsigned char *m = (const unsigned char *)p->v[i].msg;

		if (strstr(p->v[i].msg, path) == NULL)
			fail_msg("mutation %zu: the message does not name %s: %s", iter, path,
			    p->v[i].msg);
		for (; *m; m++)
			if (*m < 0x20 || *m == 0x7f)
				fail_msg("mutation %zu: a control character (0x%02x) in: %s", iter,
				    *m, p->v[i].msg);
	}
}

/* The file at PATH still holds TEXT (LEN bytes). */
static void
unchanged(const char *path, const struct text *t, size_t iter)
{
	size_t len;
	char *now = tu_read(path, &len);

	if (now == NULL || len != t->len || memcmp(now, t->s, len) != 0)
		fail_msg("mutation %zu: reading %s changed it", iter, path);
	free(now);
}

static void
write_text(const char *path, const struct text *t)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(t->s, 1, t->len, f), t->len);
	assert_int_equal(fclose(f), 0);
}

/* The mutated text of the iteration under way is kept as FAILED-WHAT.ini
 * until the iteration has passed (a failure ends the test at once). */
static char *
keep(const char *what, const struct text *t, size_t iter)
{
	char *path = xasprintf("%s/FAILED-%s.ini", tmp, what);

	write_text(path, t);
	kept++;
	at_iter = iter;
	return path;
}

/* The iteration passed: its copy goes. */
static void
kept_passed(char *path)
{
	unlink(path);
	free(path);
	kept--;
}

static size_t aimed;	/* edits aimed at a file's conflicts sections */

/* Where T's conflicts sections begin (its first [conflicts.), or 0 */
static size_t
conflicts_start(const struct text *t)
{
	const char *c = strstr(t->s, "\n[conflicts.");	/* (a NUL typed in hides the rest) */

	return c ? (size_t)(c - t->s) + 1 : 0;
}

/* S mutated; with CONFLICTS, half the edits in or after its first
 * conflicts section (where one is left) */
static struct text
mutated(const struct source *s, int conflicts)
{
	struct text t = { xmalloc(s->len + 1), s->len };
	size_t n = 1 + below(4);

	memcpy(t.s, s->text, s->len + 1);
	for (size_t i = 0; i < n; i++) {
		size_t lo = conflicts && below(2) ? conflicts_start(&t) : 0;

		aimed += lo > 0;
		mutate_once(&t, lo);
	}
	return t;
}

/* Does a message of P name a conflicts section? */
static int
names_conflicts(const struct problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->v[i].msg, "conflicts.") != NULL)
			return 1;
	return 0;
}

/* ---- case files ---- */

static void
test_case_files(void **state)
{
	size_t n = iterations(3000), loaded = 0, refused = 0;
	size_t kept_conflicts = 0, refused_conflicts = 0;
	char *path = xasprintf("%s/case.ini", tmp);

	(void)state;
	rng_state = seed(0x9e3779b97f4a7c15ULL);
	aimed = 0;
	for (size_t iter = 0; iter < n; iter++) {
		int with = iter % 4 == 3;	/* a seed with conflicts */
		const struct source *src = with ? &conflicted_cases[below(NCONFLICTED)] :
		    &cases[below(ncases)];
		const struct form *f = form_of(src->framework);
		struct text t = mutated(src, with);
		struct problems p = PROBLEMS_INIT;
		struct case_file c, again;
		struct err e;

		unlink(path);
		write_text(path, &t);
		char *k = keep("case", &t, iter);
		if (case_load(&c, f, path, &p) < 0) {
			if (p.nerrors == 0)
				fail_msg("mutation %zu: refused without an error", iter);
			messages_name(&p, path, iter);
			unchanged(path, &t, iter);
			refused_conflicts += with && names_conflicts(&p);
			refused++;
		} else {
			int answered, total;

			/* everything a loaded case is used for works on it */
			if (p.nerrors)
				fail_msg("mutation %zu: loaded, with an error: %s", iter, p.v[0].msg);
			problems_free(&p);
			case_check(&c, f, &p);
			messages_name(&p, path, iter);
			case_progress(&c, f, &answered, &total);
			assert_true(answered >= 0 && answered <= total);
			/* what was read is written, and read back the same */
			if (case_save(&c, f, &e) < 0)
				fail_msg("mutation %zu: cannot save what was read: %s", iter, e.msg);
			problems_free(&p);
			if (case_load(&again, f, path, &p) < 0)
				fail_msg("mutation %zu: what was saved cannot be read: %s", iter,
				    p.n ? p.v[0].msg : "?");
			tu_same_case(&c, &again, f);
			same_conflicts(&c.conflicts, &again.conflicts);
			kept_conflicts += with && c.conflicts.n > 0;
			case_free(&again, f);
			case_free(&c, f);
			loaded++;
		}
		problems_free(&p);
		free(t.s);
		kept_passed(k);
	}
	print_message("%zu mutated case files: %zu read (and saved and read back the "
	    "same), %zu refused with an error naming the file; of those with conflicts, "
	    "%zu read with conflicts kept, %zu refused naming a conflicts section (%zu "
	    "edits aimed at them)\n", n, loaded, refused, kept_conflicts,
	    refused_conflicts, aimed);
	/* the mutations are not all fatal, nor all harmless; those of the
	 * conflicts sections neither */
	if (n >= 100) {
		assert_true(loaded > n / 20 && refused > n / 20);
		assert_true(kept_conflicts > n / 100 && refused_conflicts > n / 100);
	}
	unlink(path);
	free(path);
}

/* ---- inspection.ini ---- */

static void
same_inspection(const struct inspection *a, const struct inspection *b)
{
	const struct form *f = &a->form;

	tu_same_string(a->framework, b->framework);
	tu_same_string(a->service, b->service);
	tu_same_string(a->lead, b->lead);
	tu_same_string(a->fieldwork_start, b->fieldwork_start);
	tu_same_string(a->fieldwork_end, b->fieldwork_end);
	tu_same_string(a->created, b->created);
	assert_memory_equal(a->judgements, b->judgements, f->nstds * sizeof *a->judgements);
	same_conflicts(&a->conflicts, &b->conflicts);
	assert_int_equal(a->ndecisions, b->ndecisions);
	for (size_t i = 0; i < a->ndecisions; i++) {
		const struct insp_decision *x = &a->decisions[i], *y = &b->decisions[i];

		assert_int_equal(x->std, y->std);
		assert_int_equal(x->from, y->from);
		assert_int_equal(x->to, y->to);
		tu_same_string(x->kq, y->kq);
		tu_same_string(x->why, y->why);
		tu_same_string(x->by, y->by);
		tu_same_string(x->at, y->at);
	}
}

static void
test_inspection_files(void **state)
{
	size_t n = iterations(3000) / 3, opened = 0, refused = 0;
	size_t kept_conflicts = 0, refused_conflicts = 0;
	char *dir = xasprintf("%s/insp", tmp), *path = xasprintf("%s/inspection.ini", dir);

	(void)state;
	rng_state = seed(0x2545f4914f6cdd1dULL);
	aimed = 0;
	assert_int_equal(mkdir(dir, 0700), 0);	/* no cases: only inspection.ini */
	for (size_t iter = 0; iter < n; iter++) {
		int with = iter % 4 == 3;	/* a seed with conflicts */
		struct text t = with ? mutated(&conflicted_insps[below(NCONFLICTED)], 1) :
		    mutated(&insps[below(NFIXTURES)], 0);
		struct problems p = PROBLEMS_INIT;
		struct inspection in, again;
		struct err e;

		unlink(path);
		write_text(path, &t);
		char *k = keep("inspection", &t, iter);

		if (insp_open(&in, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors) {
			if (p.nerrors == 0)
				fail_msg("mutation %zu: refused without an error", iter);
			messages_name(&p, path, iter);
			unchanged(path, &t, iter);
			if (in.path)
				insp_close(&in);
			refused_conflicts += with && names_conflicts(&p);
			refused++;
		} else {
			problems_free(&p);
			insp_check(&in, &p);
			if (insp_save(&in, &e) < 0)
				fail_msg("mutation %zu: cannot save what was read: %s", iter, e.msg);
			problems_free(&p);
			if (insp_open(&again, dir, tu_env("YJINSPECT_FORMS"), &p) < 0 || p.nerrors)
				fail_msg("mutation %zu: what was saved cannot be read: %s", iter,
				    p.n ? p.v[0].msg : "?");
			same_inspection(&in, &again);
			kept_conflicts += with && in.conflicts.n > 0;
			insp_close(&again);
			insp_close(&in);
			opened++;
		}
		problems_free(&p);
		free(t.s);
		kept_passed(k);
	}
	print_message("%zu mutated inspection.ini files: %zu opened (and saved and "
	    "opened again the same), %zu refused with an error naming the file; of "
	    "those with conflicts, %zu opened with conflicts kept, %zu refused naming "
	    "a conflicts section (%zu edits aimed at them)\n", n, opened, refused,
	    kept_conflicts, refused_conflicts, aimed);
	if (n >= 100) {
		assert_true(opened > n / 20 && refused > n / 20);
		assert_true(kept_conflicts > n / 100 && refused_conflicts > n / 100);
	}
	free(path);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_files),
		cmocka_unit_test(test_inspection_files),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
