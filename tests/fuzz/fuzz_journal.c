/* fuzz_journal.c - a case's journal (journal_read, journal_text,
 * journal_check, journal_record) on any bytes.
 *
 * The input is split at "%%" and a newline (anywhere: a journal cut short
 * ends without its newline): the part before the first is the journal,
 * NAME.journal; the part after it is the case file beside it, NAME.ini; a
 * part after a second "%%" is the text a save is about to write ("new";
 * without one, the case file with its first key left out and a key
 * added). In the journal part a line whose last field is "*"
 * gets its right CRC, so that the fuzzer can make lines that count.
 *
 * Checked: journal_read reads it; every entry has its time, who and key
 * (SECTION.KEY, neither part empty), and they are in time order; journal_text (all, and without the last
 * group) gives, parsed with journal_kv_parse, the keys and values of a
 * replay of the entries done here (when every key and value is one a
 * case file can spell); journal_check on a file equal to the replay finds
 * no disagreement. Then journal_record(case, the case file, new), whatever
 * the journal held (torn line, bad lines, entries from any clock): the
 * journal reads again without a torn line and with no new bad line, its
 * replay is the keys of new, and journal_check on new agrees; a second
 * record (new to the case file again) is replayed right too. A record's
 * new text names each key once (journal.h): one that names a key twice is
 * not recorded to. Nothing may leak.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "fuzz.h"
#include "store/journal.h"
#include "base/problems.h"
#include "base/xalloc.h"

/* the same CRC as the journal's (IEEE CRC-32) */
static unsigned
crc32(const char *s, size_t len)
{
	unsigned c = 0xffffffffu;

	for (size_t i = 0; i < len; i++) {
		c ^= (unsigned char)s[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
	}
	return c ^ 0xffffffffu;
}

/* The journal part, with "*" CRCs filled in */
static void
journal_part(struct buf *b, const char *s, size_t len)
{
	size_t at = 0;

	while (at < len) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t l = nl ? (size_t)(nl - (s + at)) : len - at;
		size_t start = b->len;

		buf_add(b, s + at, l);
		if (l >= 2 && s[at + l - 1] == '*' && s[at + l - 2] == '\t') {
			b->len--;
			buf_printf(b, "%08x", crc32(b->data + start, b->len - start));
		}
		if (nl)
			buf_adds(b, "\n");
		at += l + (nl ? 1 : 0);
	}
}

/* Where the next part starts: after the first "%%\n" at or after AT (LEN:
 * no more); *END gets where this part ends. */
static size_t
next_part(const char *s, size_t len, size_t at, size_t *end)
{
	for (size_t i = at; i < len; i++)
		if (len - i >= 3 && memcmp(s + i, "%%\n", 3) == 0) {
			*end = i;
			return i + 3;
		}
	*end = len;
	return len;
}

static const char *
kv_get(const struct journal_kv *kv, const char *key)
{
	for (size_t i = 0; i < kv->n; i++)
		if (strcmp(kv->key[i], key) == 0)
			return kv->val[i];
	return NULL;
}

/* A and B hold the same keys and values (in any order) */
static int
same_kv(const struct journal_kv *a, const struct journal_kv *b, const char **which)
{
	*which = NULL;
	for (size_t i = 0; i < a->n; i++) {
		const char *v = kv_get(b, a->key[i]);

		if (v == NULL || strcmp(v, a->val[i]) != 0) {
			*which = a->key[i];
			return 0;
		}
	}
	for (size_t i = 0; i < b->n; i++)
		if (kv_get(a, b->key[i]) == NULL) {
			*which = b->key[i];
			return 0;
		}
	return 1;
}

static void
expect_same(const struct journal_kv *a, const struct journal_kv *b, const char *what)
{
	const char *key;

	if (!same_kv(a, b, &key))
		fuzz_fail("%s: they differ at \"%s\" (%s / %s)", what, key,
		    kv_get(a, key) ? kv_get(a, key) : "none", kv_get(b, key) ? kv_get(b, key) : "none");
}

/* The replay of J's entries [0, END), done here: each key set to NEW, or
 * removed */
static void
replay_here(const struct journal *j, size_t end, struct journal_kv *kv)
{
	memset(kv, 0, sizeof *kv);
	for (size_t i = 0; i < end; i++) {
		const struct journal_entry *e = &j->v[i];
		size_t k = 0;

		while (k < kv->n && strcmp(kv->key[k], e->key) != 0)
			k++;
		if (k < kv->n) {
			free(kv->key[k]);
			free(kv->val[k]);
			kv->n--;
			memmove(kv->key + k, kv->key + k + 1, (kv->n - k) * sizeof *kv->key);
			memmove(kv->val + k, kv->val + k + 1, (kv->n - k) * sizeof *kv->val);
		}
		if (e->new) {
			kv->key = xrealloc(kv->key, (kv->n + 1) * sizeof *kv->key);
			kv->val = xrealloc(kv->val, (kv->n + 1) * sizeof *kv->val);
			kv->key[kv->n] = xstrdup(e->key);
			kv->val[kv->n++] = xstrdup(e->new);
		}
	}
}

/* Can a case file spell every key and value of KV ("section.key" as
 * journal_kv_parse gives it back from "[section]\nkey = value", the
 * section ending where journal_text ends it: at the first dot, or the
 * first after "conflicts.")? */
static int
spellable(const struct journal_kv *kv)
{
	for (size_t i = 0; i < kv->n; i++) {
		const char *dot = strchr(kv->key[i] + (strncmp(kv->key[i], "conflicts.", 10) == 0 ?
		    10 : 0), '.');
		struct journal_kv one;
		char *text;
		int ok;

		if (dot == NULL)
			return 0;
		text = xasprintf("[%.*s]\n%s = %s\n", (int)(dot - kv->key[i]), kv->key[i], dot + 1,
		    kv->val[i]);
		journal_kv_parse(text, &one);
		ok = one.n == 1 && strcmp(one.key[0], kv->key[i]) == 0 &&
		    strcmp(one.val[0], kv->val[i]) == 0;
		journal_kv_free(&one);
		free(text);
		if (!ok)
			return 0;
	}
	return 1;
}

/* Is KEY "SECTION.KEY", neither part empty, the section ending at the
 * first dot (after "conflicts.", when it begins so)? */
static int
section_key(const char *key)
{
	const char *s = strncmp(key, "conflicts.", 10) == 0 ? key + 10 : key;
	const char *dot = strchr(s, '.');

	return dot != NULL && dot > s && dot[1] != '\0';
}

/* Where J's last group (same seq and time as the last entry) starts */
static size_t
last_group(const struct journal *j)
{
	size_t i = j->n;

	while (i > 0 && j->v[i - 1].seq == j->v[j->n - 1].seq &&
	    strcmp(j->v[i - 1].time, j->v[j->n - 1].time) == 0)
		i--;
	return i;
}

static int
disagrees(const struct problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (strstr(p->v[i].msg, "disagree") != NULL)
			return 1;
	return 0;
}

/* Read CASE's journal and check it; with REPLAY, its replay (checked
 * against journal_text) goes there. Returns whether it is spellable. */
static int
read_check(const char *case_path, struct journal *j, struct journal_kv *replay)
{
	struct err e;
	int spell;

	if (journal_read(case_path, j, &e) < 0)
		fuzz_fail("journal_read failed on a readable journal: %s", e.msg);
	for (size_t i = 0; i < j->n; i++) {
		FUZZ_CHECK(j->v[i].time && j->v[i].who && j->v[i].key);
		FUZZ_CHECK(section_key(j->v[i].key));
		if (i > 0) {
			int c = strcmp(j->v[i - 1].time, j->v[i].time);

			FUZZ_CHECK(c < 0 || (c == 0 && j->v[i - 1].seq <= j->v[i].seq));
		}
	}
	FUZZ_CHECK(j->bad == 0 || j->last_bad_line > 0);

	replay_here(j, j->n, replay);
	spell = spellable(replay);
	for (int skip = 0; skip <= 1; skip++) {
		struct journal_kv direct, parsed;
		char *text = journal_text(j, NULL, skip);

		FUZZ_CHECK(text != NULL);
		replay_here(j, skip ? last_group(j) : j->n, &direct);
		journal_kv_parse(text, &parsed);
		if (spellable(&direct))
			expect_same(&direct, &parsed, skip ? "journal_text (skip_last) and the replay" :
			    "journal_text and the replay");
		journal_kv_free(&direct);
		journal_kv_free(&parsed);
		free(text);
	}
	if (j->n > 0)	/* up to the middle entry's time: it just runs */
		free(journal_text(j, j->v[j->n / 2].time, 0));
	return spell;
}

/* journal_check on a case file with TEXT finds no disagreement */
static void
check_agrees(const char *name, const char *text, const char *what)
{
	struct problems p = PROBLEMS_INIT;
	const char *path = fuzz_write(name, (const uint8_t *)text, strlen(text));

	journal_check(path, &p);
	if (disagrees(&p))
		fuzz_fail("%s: journal_check: %s", what, p.v[p.n - 1].msg);
	problems_free(&p);
}

/* Does case text TEXT name each key once? */
static int
names_once(const char *text)
{
	struct journal_kv kv;
	int once = journal_kv_parse(text, &kv) == kv.n;

	journal_kv_free(&kv);
	return once;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long count;
	const char *s = (const char *)data;
	struct buf jb = BUF_INIT;
	char jname[64], cname[64], *case_path, *old, *new, *text;
	size_t at, end, bad_before;
	struct journal j;
	struct journal_kv replay, want;
	struct err e;

	/* a new name each time: journal_record's cache of the journal it
	 * wrote last must not see this input as its own append */
	snprintf(jname, sizeof jname, "c%lu.journal", count);
	snprintf(cname, sizeof cname, "c%lu.ini", count);
	count++;

	at = next_part(s, size, 0, &end);
	journal_part(&jb, s, end);
	fuzz_write(jname, (const uint8_t *)(jb.data ? jb.data : ""), jb.len);
	buf_free(&jb);
	{
		size_t cstart = at;

		at = next_part(s, size, at, &end);
		old = xasprintf("%.*s", (int)(end - cstart), s + cstart);
	}
	if (end < size)	/* a second "%%" */
		new = xasprintf("%.*s", (int)(size - at), s + at);
	else {	/* the case file without its first key, and a key more */
		const char *eq = strchr(old, '=');
		const char *bol = eq, *eol = eq ? strchr(eq, '\n') : NULL;

		while (bol && bol > old && bol[-1] != '\n')
			bol--;
		new = eq ? xasprintf("%.*s%s\n[fuzz]\nsize = %zu\n", (int)(bol - old), old,
		    eol ? eol + 1 : "", size) : xasprintf("%s\n[fuzz]\nsize = %zu\n", old, size);
	}
	case_path = xstrdup(fuzz_write(cname, (const uint8_t *)old, strlen(old)));

	/* the journal as it is */
	if (read_check(case_path, &j, &replay)) {
		text = journal_text(&j, NULL, 0);
		check_agrees(cname, text, "a file equal to the replay");
		free(text);
		fuzz_write(cname, (const uint8_t *)old, strlen(old));
	}
	fuzz_note("journal: %zu entries, %zu bad, %s", j.n, j.bad, j.torn ? "torn" : "not torn");
	bad_before = j.bad;
	journal_kv_free(&replay);
	journal_free(&j);
	{
		struct problems p = PROBLEMS_INIT;

		journal_check(case_path, &p);	/* it just runs */
		problems_free(&p);
	}

	/* a save from the case file to new, and back: journal_record's NEW
	 * names each key once (journal.h), so a text that names one twice is
	 * only saved from */
	if (!names_once(new))
		goto out;
	if (journal_record(case_path, old, new, "fuzz", &e) < 0)
		fuzz_fail("journal_record: %s", e.msg);
	read_check(case_path, &j, &replay);
	FUZZ_CHECK(!j.torn);
	FUZZ_CHECK(j.bad == bad_before);
	journal_kv_parse(new, &want);
	expect_same(&want, &replay, "after journal_record, new and the replay");
	journal_kv_free(&want);
	journal_kv_free(&replay);
	journal_free(&j);
	check_agrees(cname, new, "after journal_record, new");

	/* and back (journal_record's cache of its own append) */
	if (!names_once(old))
		goto out;
	if (journal_record(case_path, new, old, "fuzz 2", &e) < 0)
		fuzz_fail("journal_record: %s", e.msg);
	read_check(case_path, &j, &replay);
	journal_kv_parse(old, &want);
	expect_same(&want, &replay, "after a second journal_record, old and the replay");
	journal_kv_free(&want);
	journal_kv_free(&replay);
	journal_free(&j);
	check_agrees(cname, old, "after a second journal_record, old");

out:
	unlink(case_path);
	{
		char *jp = journal_path(case_path);

		unlink(jp);
		free(jp);
	}
	free(case_path);
	free(old);
	free(new);
	return 0;
}
