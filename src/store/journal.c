/* journal.c - each case file's history, appended before each save (see
 * journal.h). */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/hashtab.h"
#include "store/journal.h"
#include "store/save.h"
#include "base/stamp.h"
#include "base/xalloc.h"

char *
journal_path(const char *case_path)
{
	size_t len = strlen(case_path);

	if (len > 4 && strcmp(case_path + len - 4, ".ini") == 0)
		len -= 4;
	return xasprintf("%.*s.journal", (int)len, case_path);
}

/* ---- keys of a case text ---- */

/* Byte I of the key that is A (ALEN bytes), then, when B is not NULL, '.'
 * and B */
static char
key_at(const char *a, size_t alen, const char *b, size_t i)
{
	return i < alen ? a[i] : i == alen ? '.' : b[i - alen - 1];
}

/* The length of the section part of that key when it is SECTION.KEY, the
 * section split at its first dot ("conflicts.SECTION.KEY": at the first
 * after that prefix), neither part empty; 0 when it is not. A journal line
 * with another key fails its check, and a case text's key line that would
 * make one is not read as a key line (ini.c refuses such a file). */
static size_t
key_section(const char *a, size_t alen, const char *b, size_t blen)
{
	static const char pre[] = "conflicts.";
	size_t n = alen + (b ? 1 + blen : 0), from = 0, i;

	for (i = 0; i < sizeof pre - 1 && i < n && key_at(a, alen, b, i) == pre[i]; i++)
		;
	if (i == sizeof pre - 1)
		from = i;
	for (i = from; i < n && key_at(a, alen, b, i) != '.'; i++)
		;
	return i > from && i + 1 < n ? i : 0;
}

/* key_section of the string KEY */
static size_t
key_section_of(const char *key)
{
	return key_section(key, strlen(key), NULL, 0);
}

/* S (LEN bytes) less its blanks at either end, in *LEN */
static const char *
trim(const char *s, size_t *len)
{
	while (*len && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t' || s[*len - 1] == '\r'))
		(*len)--;
	return s;
}

/* The index of KEY in KV, or -1; looked for at NEAR first (two case texts
 * hold their keys in much the same order), then in KV's table */
static long
kv_find(const struct journal_kv *kv, const char *key, size_t near)
{
	size_t i;

	if (near < kv->n && strcmp(kv->key[near], key) == 0)
		return (long)near;
	i = hashtab_get(&kv->index, key);
	return i == HASHTAB_NONE ? -1 : (long)i;
}

/* KV's table made again, after its entries moved */
static void
kv_reindex(struct journal_kv *kv)
{
	hashtab_clear(&kv->index);
	for (size_t i = 0; i < kv->n; i++)
		hashtab_put(&kv->index, kv->key[i], i);
}

static void
kv_add(struct journal_kv *kv, char *key, char *val)
{
	long i = kv_find(kv, key, kv->n);

	if (i >= 0) {	/* the last one counts, as iniparser */
		free(kv->val[i]);
		kv->val[i] = val;
		free(key);
		return;
	}
	if (kv->n == kv->cap) {
		kv->cap = (kv->n + 1) * 2;
		kv->key = xrealloc(kv->key, kv->cap * sizeof *kv->key);
		kv->val = xrealloc(kv->val, kv->cap * sizeof *kv->val);
	}
	kv->key[kv->n] = key;
	kv->val[kv->n] = val;
	hashtab_put(&kv->index, key, kv->n++);
}

static void
kv_del(struct journal_kv *kv, const char *key)
{
	long i = kv_find(kv, key, kv->n);
	size_t rest;

	if (i < 0)
		return;
	rest = kv->n - (size_t)i - 1;
	free(kv->key[i]);
	free(kv->val[i]);
	memmove(kv->key + i, kv->key + i + 1, rest * sizeof *kv->key);
	memmove(kv->val + i, kv->val + i + 1, rest * sizeof *kv->val);
	kv->n--;
	kv_reindex(kv);	/* (the entries after I moved) */
}

/* KEY's value in KV (looked for at NEAR first), or NULL */
static const char *
kv_get_near(const struct journal_kv *kv, const char *key, size_t near)
{
	long i = kv_find(kv, key, near);

	return i < 0 ? NULL : kv->val[i];
}

static const char *
kv_get(const struct journal_kv *kv, const char *key)
{
	return kv_get_near(kv, key, kv->n);
}

/* A walk over the key lines of a case text, as iniparser reads them: the
 * section a line is in, its key and raw value (trimmed), and the line. */
struct kv_walk {
	const char *next;	/* where the next line starts, or NULL: the end */
	const char *sec;	/* the current section's name (not terminated) */
	size_t slen;
	const char *line, *k, *v;	/* the key line found (not terminated) */
	size_t linelen, klen, vlen;
};

static void
kv_walk_start(struct kv_walk *w, const char *text)
{
	memset(w, 0, sizeof *w);
	w->next = text && *text ? text : NULL;
	w->sec = "";
}

/* W on the next key line: 1; 0 at the end of the text */
static int
kv_walk_next(struct kv_walk *w)
{
	while (w->next) {
		const char *l = w->next, *nl = strchr(l, '\n'), *end = nl ? nl : l + strlen(l), *eq;
		size_t len = (size_t)(end - l);
		const char *line = trim(l, &len);

		w->next = nl && nl[1] ? nl + 1 : NULL;
		if (len >= 2 && line[0] == '[' && line[len - 1] == ']') {
			w->slen = len - 2;
			w->sec = trim(line + 1, &w->slen);
		} else if (len && line[0] != ';' && line[0] != '#' &&
		    (eq = memchr(line, '=', len)) != NULL) {
			w->klen = (size_t)(eq - line);
			w->vlen = len - w->klen - 1;
			w->k = trim(line, &w->klen);
			w->v = trim(eq + 1, &w->vlen);
			if (key_section(w->sec, w->slen, w->k, w->klen) == 0)
				continue;	/* (no section, no key name) */
			w->line = l;
			w->linelen = (size_t)(end - l);
			return 1;
		}
	}
	return 0;
}

/* The key of W's line, "section.key", and its value as new strings, each
 * tab made a space (a journal's fields are tab separated) */
static char *
kv_walk_key(const struct kv_walk *w)
{
	char *key = xmalloc(w->slen + 1 + w->klen + 1);

	memcpy(key, w->sec, w->slen);
	key[w->slen] = '.';
	memcpy(key + w->slen + 1, w->k, w->klen);
	key[w->slen + 1 + w->klen] = '\0';
	for (char *t = key; *t; t++)
		if (*t == '\t')
			*t = ' ';
	return key;
}

static char *
kv_walk_val(const struct kv_walk *w)
{
	char *v = xstrndup(w->v, w->vlen);

	for (char *t = v; *t; t++)
		if (*t == '\t')
			*t = ' ';
	return v;
}

size_t
journal_kv_parse(const char *text, struct journal_kv *kv)
{
	struct kv_walk w;
	size_t lines = 0;

	memset(kv, 0, sizeof *kv);
	kv_walk_start(&w, text);
	for (; kv_walk_next(&w); lines++)
		kv_add(kv, kv_walk_key(&w), kv_walk_val(&w));
	return lines;
}

void
journal_kv_free(struct journal_kv *kv)
{
	for (size_t i = 0; i < kv->n; i++) {
		free(kv->key[i]);
		free(kv->val[i]);
	}
	free(kv->key);
	free(kv->val);
	hashtab_free(&kv->index);
	memset(kv, 0, sizeof *kv);
}

/* ---- lines ---- */

static uint32_t
crc32(const char *s, size_t len)
{
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < len; i++) {
		c ^= (unsigned char)s[i];
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
	}
	return c ^ 0xffffffffu;
}

/* WHO with no tab or line break */
static char *
clean_who(const char *who)
{
	char *w = xstrdup(who && *who ? who : "unknown");

	for (char *p = w; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return w;
}

static void
add_line(struct buf *b, long seq, const char *time, const char *who, const char *key,
    const char *old, const char *new)
{
	size_t start = b->len;

	buf_printf(b, "%ld\t%s\t%s\t%s\t%s%s\t%s%s\t", seq, time, who, key,
	    old ? "=" : "-", old ? old : "", new ? "=" : "-", new ? new : "");
	buf_printf(b, "%08x\n", (unsigned)crc32(b->data + start, b->len - start));
}

int
journal_line_parse(char *line, struct journal_entry *e)
{
	char *f[7], *p = line;
	size_t n = 0;
	char *crc_at;
	char crc[9];

	crc_at = strrchr(line, '\t');
	if (crc_at == NULL)
		return -1;
	snprintf(crc, sizeof crc, "%08x", (unsigned)crc32(line, (size_t)(crc_at - line + 1)));
	if (strcmp(crc_at + 1, crc) != 0)
		return -1;
	while (n < 7) {
		f[n++] = p;
		p = strchr(p, '\t');
		if (p == NULL)
			break;
		*p++ = '\0';
	}
	if (n != 7 || (f[4][0] != '=' && f[4][0] != '-') || (f[5][0] != '=' && f[5][0] != '-') ||
	    key_section_of(f[3]) == 0)
		return -1;
	errno = 0;
	e->seq = strtol(f[0], NULL, 10);
	if (errno == ERANGE || e->seq > LONG_MAX / 2)	/* no room to count on from */
		return -1;
	e->time = xstrdup(f[1]);
	e->who = xstrdup(f[2]);
	e->key = xstrdup(f[3]);
	e->old = f[4][0] == '=' ? xstrdup(f[4] + 1) : NULL;
	e->new = f[5][0] == '=' ? xstrdup(f[5] + 1) : NULL;
	return 0;
}

int
journal_by_time(const void *a, const void *b)
{
	const struct journal_entry *x = a, *y = b;
	int c = strcmp(x->time, y->time);

	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Parse TEXT (LEN bytes) into J; *GOOD_LEN gets the length up to the end of
 * the last whole line (where the next append goes) */
static void
parse(const char *text, size_t len, struct journal *j, size_t *good_len)
{
	size_t at = 0, lineno = 0, cap = 0;

	memset(j, 0, sizeof *j);
	*good_len = 0;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t l = nl ? (size_t)(nl - (text + at)) : len - at;
		char *line = xasprintf("%.*s", (int)l, text + at);
		struct journal_entry e;

		lineno++;
		if (nl == NULL) {	/* cut short: the last append did not finish */
			j->torn = 1;
			free(line);
			break;
		}
		if (line[0] != '#' && line[0] != '\0') {
			if (journal_line_parse(line, &e) < 0) {
				if (j->bad++ == 0)
					j->last_bad_line = (long)lineno;
			} else {
				if (j->n == cap) {
					cap = cap ? cap * 2 : 64;
					j->v = xrealloc(j->v, cap * sizeof *j->v);
				}
				j->v[j->n] = e;
				j->n++;
			}
		}
		free(line);
		at += l + 1;
		*good_len = at;
	}
	/* in time order, stably (a merged journal's lines may not be): an
	 * insertion sort, one pass over a journal already in order */
	for (size_t k = 1; k < j->n; k++) {
		struct journal_entry t = j->v[k];
		size_t m = k;

		while (m > 0 && journal_by_time(&j->v[m - 1], &t) > 0) {
			j->v[m] = j->v[m - 1];
			m--;
		}
		j->v[m] = t;
	}
}

int
journal_read(const char *case_path, struct journal *j, struct err *e)
{
	char *path = journal_path(case_path), *text;
	size_t len, good;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	memset(j, 0, sizeof *j);
	if (fd < 0) {
		int saved = errno;

		if (saved == ENOENT) {
			free(path);
			return 0;
		}
		err_set(e, "%s: cannot read: %s", path, strerror(saved));
		free(path);
		return -1;
	}
	text = file_read_fd(fd, FILE_ANY_SIZE, 0, &len);
	close(fd);
	if (text == NULL) {
		err_set(e, "%s: cannot read: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	parse(text, len, j, &good);
	free(text);
	free(path);
	return 0;
}

void
journal_free(struct journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		free(j->v[i].time);
		free(j->v[i].who);
		free(j->v[i].key);
		free(j->v[i].old);
		free(j->v[i].new);
	}
	free(j->v);
	memset(j, 0, sizeof *j);
}

/* ---- replay ---- */

/* Is entry I the first of the journal's last group? */
static size_t
last_group_start(const struct journal *j)
{
	size_t i = j->n;

	while (i > 0 && j->v[i - 1].seq == j->v[j->n - 1].seq &&
	    strcmp(j->v[i - 1].time, j->v[j->n - 1].time) == 0)
		i--;
	return i;
}

static void
replay(const struct journal *j, const char *at, int skip_last, struct journal_kv *kv)
{
	size_t end = skip_last ? last_group_start(j) : j->n, alen = at ? strlen(at) : 0;

	memset(kv, 0, sizeof *kv);
	for (size_t i = 0; i < end; i++) {
		if (at && strncmp(j->v[i].time, at, alen) > 0)
			break;
		if (j->v[i].new)
			kv_add(kv, xstrdup(j->v[i].key), xstrdup(j->v[i].new));
		else
			kv_del(kv, j->v[i].key);
	}
}

char *
journal_text(const struct journal *j, const char *at, int skip_last)
{
	struct journal_kv kv;
	struct buf b = BUF_INIT;
	char **done = NULL;
	size_t ndone = 0;

	replay(j, at, skip_last, &kv);
	buf_adds(&b, "; yjinspect case file: written by yjinspect; see yjinspect-inspection(5)\n");
	/* section by section, in the order they first appear */
	for (size_t i = 0; i < kv.n; i++) {
		/* "section.key"; a conflicts section is "conflicts.SECTION" (a
		 * key not so, which journal_read never gives, is left out) */
		size_t slen = key_section_of(kv.key[i]);
		int seen = slen == 0;

		for (size_t d = 0; d < ndone && !seen; d++)
			seen = strlen(done[d]) == slen && strncmp(done[d], kv.key[i], slen) == 0;
		if (seen)
			continue;
		done = xrealloc(done, (ndone + 1) * sizeof *done);
		done[ndone++] = xasprintf("%.*s", (int)slen, kv.key[i]);
		buf_printf(&b, "\n[%.*s]\n", (int)slen, kv.key[i]);
		for (size_t k = i; k < kv.n; k++)
			if (strncmp(kv.key[k], kv.key[i], slen + 1) == 0 &&
			    key_section_of(kv.key[k]) == slen)
				buf_printf(&b, "%s = %s\n", kv.key[k] + slen + 1, kv.val[k]);
	}
	for (size_t d = 0; d < ndone; d++)
		free(done[d]);
	free(done);
	journal_kv_free(&kv);
	return buf_take(&b);
}

/* Append to BUF the lines that take FROM to TO */
static size_t
diff(struct buf *b, long seq, const char *time, const char *who, const struct journal_kv *from,
    const struct journal_kv *to)
{
	size_t n = 0;

	for (size_t i = 0; i < from->n; i++) {
		const char *now = kv_get_near(to, from->key[i], i);

		if (now == NULL || strcmp(now, from->val[i]) != 0) {
			add_line(b, seq, time, who, from->key[i], from->val[i], now);
			n++;
		}
	}
	for (size_t i = 0; i < to->n; i++)
		if (kv_get_near(from, to->key[i], i) == NULL) {
			add_line(b, seq, time, who, to->key[i], NULL, to->val[i]);
			n++;
		}
	return n;
}

/* Are the key lines A and B at the same section and key? */
static int
same_key(const struct kv_walk *a, const struct kv_walk *b)
{
	return a->slen == b->slen && a->klen == b->klen && memcmp(a->sec, b->sec, a->slen) == 0 &&
	    memcmp(a->k, b->k, a->klen) == 0;
}

/* Does the key of line K come again after W's line, in the rest of W's
 * text? */
static int
key_later(const struct kv_walk *w, const struct kv_walk *k)
{
	struct kv_walk rest = *w;

	while (kv_walk_next(&rest))
		if (same_key(&rest, k))
			return 1;
	return 0;
}

/* One journal line for the change of key line FROM (NULL: none) to TO
 * (NULL: none), one of them there */
static void
add_walk_line(struct buf *b, long seq, const char *time, const char *who,
    const struct kv_walk *from, const struct kv_walk *to)
{
	char *key = kv_walk_key(from ? from : to);
	char *old = from ? kv_walk_val(from) : NULL, *new = to ? kv_walk_val(to) : NULL;

	add_line(b, seq, time, who, key, old, new);
	free(key);
	free(old);
	free(new);
}

#define TEXT_DIFF_MAX 64	/* differing lines past which text_diff gives up */

/*
 * diff() of the keys of case texts FROM and TO, made from the texts by one
 * walk down both, without a table of either's keys: for two texts that
 * yjinspect wrote (each key once, in the framework's order), as a save's
 * old and new texts are, the lines alike but a few. Where the lines
 * differ: the same key is a change; a key that comes later in the other
 * text has had lines added (or taken) before it; neither, a key taken and
 * one added. The lines are those diff() writes, in its order (changes and
 * keys taken in FROM's order, then keys added in TO's). Returns how many,
 * or -1 (nothing added to B) when the texts do not keep one order or
 * differ in more than TEXT_DIFF_MAX lines: then diff() it is.
 */
static long
text_diff(struct buf *b, long seq, const char *time, const char *who, const char *from,
    const char *to)
{
	struct kv_walk f, t;
	struct buf added = BUF_INIT;
	size_t start = b->len;
	long n = 0, differ = 0;
	int hf, ht;

	kv_walk_start(&f, from);
	kv_walk_start(&t, to);
	hf = kv_walk_next(&f);
	ht = kv_walk_next(&t);
	while (hf || ht) {
		int f_later, t_later;

		if (hf && ht && f.linelen == t.linelen && memcmp(f.line, t.line, f.linelen) == 0 &&
		    f.slen == t.slen && memcmp(f.sec, t.sec, f.slen) == 0) {
			hf = kv_walk_next(&f);
			ht = kv_walk_next(&t);
			continue;
		}
		if (++differ > TEXT_DIFF_MAX)
			goto give_up;
		if (hf && ht && same_key(&f, &t)) {
			if (f.vlen != t.vlen || memcmp(f.v, t.v, f.vlen) != 0) {
				add_walk_line(b, seq, time, who, &f, &t);
				n++;
			}
			hf = kv_walk_next(&f);
			ht = kv_walk_next(&t);
			continue;
		}
		f_later = hf && ht && key_later(&t, &f);
		t_later = hf && ht && key_later(&f, &t);
		if (f_later && t_later)	/* not one order */
			goto give_up;
		if (ht && (!hf || f_later)) {	/* a key added */
			add_walk_line(&added, seq, time, who, NULL, &t);
			n++;
			ht = kv_walk_next(&t);
		} else if (hf && (!ht || t_later)) {	/* a key taken */
			add_walk_line(b, seq, time, who, &f, NULL);
			n++;
			hf = kv_walk_next(&f);
		} else {	/* one taken, one added, where they stood */
			add_walk_line(b, seq, time, who, &f, NULL);
			add_walk_line(&added, seq, time, who, NULL, &t);
			n += 2;
			hf = kv_walk_next(&f);
			ht = kv_walk_next(&t);
		}
	}
	buf_add(b, added.data ? added.data : "", added.len);
	buf_free(&added);
	return n;
give_up:
	buf_cut(b, start);
	buf_free(&added);
	return -1;
}

static unsigned long walks;	/* journal_walks */

unsigned long
journal_walks(void)
{
	return walks;
}

/* The journal this process appended to last, while it is as it left it
 * (the same size and change time: nobody else appended): its replay is
 * the keys of TEXT, the case text that save wrote, so an answer costs no
 * reading of the whole journal. */
static struct {
	char *path;
	unsigned long long dev, ino, size;
	long long csec, cnsec;
	char *text;	/* the case text the journal's replay gives */
	long seq;
	char *time;	/* of its last group */
} cache;

static void
cache_drop(void)
{
	free(cache.path);
	cache.path = NULL;
	free(cache.time);
	cache.time = NULL;
	free(cache.text);
	cache.text = NULL;
}

static int
cache_hit(const char *path, const struct stat *st)
{
	return cache.path && strcmp(cache.path, path) == 0 &&
	    cache.dev == (unsigned long long)st->st_dev &&
	    cache.ino == (unsigned long long)st->st_ino &&
	    cache.size == (unsigned long long)st->st_size &&
	    cache.csec == (long long)st->st_ctim.tv_sec &&
	    cache.cnsec == (long long)st->st_ctim.tv_nsec;
}

static void
cache_keep(const char *path, const struct stat *st, const char *text, long seq, const char *time)
{
	cache_drop();
	cache.path = xstrdup(path);
	cache.dev = (unsigned long long)st->st_dev;
	cache.ino = (unsigned long long)st->st_ino;
	cache.size = (unsigned long long)st->st_size;
	cache.csec = (long long)st->st_ctim.tv_sec;
	cache.cnsec = (long long)st->st_ctim.tv_nsec;
	cache.text = xstrdup(text);
	cache.seq = seq;
	cache.time = xstrdup(time);
}

/* When the file at CASE_PATH became as it is, for the "(base)" group that
 * begins its journal: its last change (a file copied in during a panel
 * meeting counts from then, one there before from before), in BUF; NOW
 * when that cannot be known or is later */
static const char *
base_time(const char *case_path, const char *now, char *buf, size_t size)
{
	struct stat st;
	struct tm tm;
	time_t t;

	if (stat(case_path, &st) < 0)
		return now;
	t = st.st_mtim.tv_sec;
	if (gmtime_r(&t, &tm) == NULL)
		return now;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    (long)(st.st_mtim.tv_nsec / 1000000));
	return strcmp(buf, now) < 0 ? buf : now;
}

int
journal_record(const char *case_path, const char *old, const char *new, const char *who,
    struct err *e)
{
	char *path = journal_path(case_path), *text, *w = clean_who(who), now[64], btime[96];
	char *latest = NULL;	/* the journal's last time */
	const char *time;
	struct journal j;
	struct journal_kv have = { 0 }, was, will;	/* HAVE: the journal's replay */
	struct buf b = BUF_INIT;
	size_t len, good;
	long seq = 0;
	int fd, rc = -1, existed, as_left = 0;
	struct stat st;

	/* (O_APPEND: every write goes to the end, after a read or a cut) */
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		err_set(e, "%s: cannot open the journal: %s (the change is not saved)", path,
		    strerror(errno));
		goto out_nofd;
	}
	if (flock(fd, LOCK_EX) < 0 || fstat(fd, &st) < 0) {
		err_set(e, "%s: cannot lock the journal: %s (the change is not saved)", path,
		    strerror(errno));
		goto out;
	}
	existed = st.st_size > 0;
	if (cache_hit(path, &st)) {	/* as this process left it: no need to read it */
		/* and the case file as this process wrote it: the same keys */
		as_left = old && cache.text && strcmp(old, cache.text) == 0;
		if (!as_left)
			journal_kv_parse(cache.text, &have);	/* (the replay) */
		seq = cache.seq;
		latest = xstrdup(cache.time);
		good = (size_t)st.st_size;
	} else {
		text = file_read_fd(fd, FILE_ANY_SIZE, 0, &len);
		if (text == NULL) {
			err_set(e, "%s: cannot read the journal: %s (the change is not saved)", path,
			    strerror(errno));
			goto out;
		}
		parse(text, len, &j, &good);
		free(text);
		if (good < len && ftruncate(fd, (off_t)good) < 0) {	/* a torn last line */
			err_set(e, "%s: cannot cut off a torn last line: %s (the change is not "
			    "saved)", path, strerror(errno));
			journal_free(&j);
			goto out;
		}
		for (size_t i = 0; i < j.n; i++)
			if (j.v[i].seq > seq)
				seq = j.v[i].seq;
		replay(&j, NULL, 0, &have);
		if (j.n > 0)
			latest = xstrdup(j.v[j.n - 1].time);
		journal_free(&j);
	}
	cache_drop();
	/* never before the journal's last entry (a clock behind another
	 * laptop's, merged in): replayed in time order, this comes last */
	stamp_now(now, sizeof now, 1);
	time = latest && strcmp(latest, now) > 0 ? latest : now;
	if (!existed)
		buf_adds(&b, JOURNAL_HEAD);
	/* the file as this process wrote it: its change, from the two texts */
	if (as_left && text_diff(&b, seq + 1, time, w, old, new) >= 0)
		walks++;
	else {
		journal_kv_parse(old ? old : "", &was);
		journal_kv_parse(new, &will);
		/* the journal first brought to the file as it is, if it is not
		 * (as left, its replay is OLD) */
		if (!as_left && diff(&b, seq + 1, existed ? time : base_time(case_path, time, btime,
		    sizeof btime), existed ? "(file)" : "(base)", &have, &was) > 0)
			seq++;
		diff(&b, seq + 1, time, w, &was, &will);
		journal_kv_free(&have);
		journal_kv_free(&was);
		journal_kv_free(&will);
	}
	if (b.len == 0) {	/* its replay is NEW already: kept, as below */
		if (latest)
			cache_keep(path, &st, new, seq, latest);
		rc = 0;
		goto out;
	}
	/* appended, not synced: the case file's own sync (and its folder's),
	 * which follow, are the answer's; a power cut before this reaches the
	 * disk costs the journal its last lines, which the next save records
	 * again as the file's ("(file)", above): never an answer */
	if (save_write_all(fd, b.data, b.len) < 0) {
		int saved = errno;

		/* what was written of it is cut off again: no half entry */
		if (ftruncate(fd, (off_t)good) == 0)
			fsync(fd);
		err_set(e, "%s: cannot append to the journal: %s (the change is not saved)", path,
		    strerror(saved));
		goto out;
	}
	/* the journal's replay is now the keys of NEW: kept for the next save */
	if (fstat(fd, &st) == 0)
		cache_keep(path, &st, new, seq + 1, time);
	rc = 0;
out:
	close(fd);
out_nofd:
	buf_free(&b);
	free(latest);
	free(path);
	free(w);
	return rc;
}

/* Do A and B hold different keys or values? The first key that differs
 * into *KEY, its values in A and B (NULL: not there) into *AV and *BV
 * (each may be NULL) */
static int
first_difference(const struct journal_kv *a, const struct journal_kv *b, const char **key,
    const char **av, const char **bv)
{
	const char *k = NULL, *x = NULL, *y = NULL;

	for (size_t i = 0; i < a->n && !k; i++) {
		const char *v = kv_get(b, a->key[i]);

		if (v == NULL || strcmp(v, a->val[i]) != 0) {
			k = a->key[i];
			x = a->val[i];
			y = v;
		}
	}
	for (size_t i = 0; i < b->n && !k; i++)
		if (kv_get(a, b->key[i]) == NULL) {
			k = b->key[i];
			y = b->val[i];
		}
	if (key)
		*key = k;
	if (av)
		*av = x;
	if (bv)
		*bv = y;
	return k != NULL;
}

/* Is KEY one that a conflict kept in FILE stands for (conflict.h): a
 * "conflicts.SECTION.KEY.SIDE" key, the "SECTION.KEY" it names, or the
 * stamp of such an answer? The conflict is a problem of its own; the
 * journal, merged as a union, replays one side of it */
static int
conflicted(const struct journal_kv *file, const char *key)
{
	static const char pre[] = "conflicts.";
	const size_t np = sizeof pre - 1;

	if (strncmp(key, pre, np) == 0)
		return 1;
	for (size_t i = 0; i < file->n; i++) {
		const char *c = file->key[i], *dot = strrchr(c, '.');
		const char *k = key;
		size_t n;

		if (strncmp(c, pre, np) != 0 || dot == NULL)
			continue;
		c += np;
		n = (size_t)(dot - c);
		if (strncmp(k, "answered.", 9) == 0 && strncmp(c, "answers.", 8) == 0)
			k += 9, c += 8, n -= 8;
		if (strlen(k) == n && strncmp(k, c, n) == 0)
			return 1;
	}
	return 0;
}

/* KV less the keys conflicts kept in FILE stand for */
static void
drop_conflicted(struct journal_kv *kv, const struct journal_kv *file)
{
	size_t to = 0;

	for (size_t i = 0; i < kv->n; i++) {
		if (conflicted(file, kv->key[i])) {
			free(kv->key[i]);
			free(kv->val[i]);
			continue;
		}
		kv->key[to] = kv->key[i];
		kv->val[to++] = kv->val[i];
	}
	kv->n = to;
	kv_reindex(kv);	/* (entries moved) */
}

void
journal_check(const char *case_path, struct problems *p)
{
	const char *key, *fv, *jv;
	struct journal j;
	struct journal_kv file, all, before, kept;
	struct err e;
	char *text, *jp;
	size_t len;
	int fd;

	if (journal_read(case_path, &j, &e) < 0) {
		problems_add(p, PROBLEM_WARNING, "%s", e.msg);
		return;
	}
	jp = journal_path(case_path);
	if (j.bad)
		problems_add(p, PROBLEM_WARNING, "%s:%ld: %zu %s (a CRC, or a key not "
		    "SECTION.KEY) and %s ignored", jp,
		    j.last_bad_line, j.bad, j.bad == 1 ? "line failed its check" :
		    "lines failed their check", j.bad == 1 ? "is" : "are");
	if (j.n == 0) {
		journal_free(&j);
		free(jp);
		return;
	}
	fd = open(case_path, O_RDONLY | O_CLOEXEC);
	text = fd >= 0 ? file_read_fd(fd, FILE_ANY_SIZE, 0, &len) : NULL;
	if (fd >= 0)
		close(fd);
	journal_kv_parse(text ? text : "", &file);
	replay(&j, NULL, 0, &all);
	replay(&j, NULL, 1, &before);
	journal_kv_parse(text ? text : "", &kept);
	drop_conflicted(&all, &kept);
	drop_conflicted(&before, &kept);
	drop_conflicted(&file, &kept);
	journal_kv_free(&kept);
	if (first_difference(&file, &all, &key, &fv, &jv) &&
	    first_difference(&file, &before, NULL, NULL, NULL))
		problems_add(p, PROBLEM_WARNING, "%s: the file and its journal disagree at %s "
		    "(file: %s, journal: %s): changed outside yjinspect since its last "
		    "entry; the next save records it", case_path, key, fv ? fv : "none",
		    jv ? jv : "none");
	journal_kv_free(&file);
	journal_kv_free(&all);
	journal_kv_free(&before);
	journal_free(&j);
	free(text);
	free(jp);
}
