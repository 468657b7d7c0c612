/* cache.c - the case files as last read, for a faster next opening (see
 * cache.h). */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cache.h"
#include "cond.h"
#include "hash.h"
#include "save.h"
#include "stamp.h"
#include "xalloc.h"

#define CACHE_FILE ".yjinspect-cache"
#define CACHE_MAGIC "yjinspect cache\n"
/* the format of the entries, and of what case_load makes of a file: a
 * change to either changes this number */
#define CACHE_FORMAT 2u
#define CACHE_RACY_S 2	/* a file this close to the entry's making: not kept */
#define NO_STR UINT32_MAX
#define WHOLE_SEC UINT32_MAX	/* a stamp kept whole (stamp.h) */

struct entry {
	const char *name;	/* into data */
	uint32_t name_len;
	size_t at, end;		/* where its identity starts and the entry ends, in data */
};

struct cache {
	unsigned char *data;
	size_t len;
	char **names;	/* the stamps' names */
	uint32_t nnames;
	struct entry *v;
	size_t n;
	size_t *slots;	/* hash of entries by name: index + 1, 0 empty */
	size_t nslots;
};

/* The cache's check: eight bytes at a time (FNV-1a's step on words), the
 * rest byte by byte */
static uint64_t
sum64(const unsigned char *s, size_t len)
{
	uint64_t h = HASH64_START, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 1099511628211ull;
		h ^= h >> 29;
	}
	return hash_bytes64(s + i, len - i, h);
}

/* A hash of the framework file's bytes (0 when it cannot be read) */
static uint64_t
form_hash(const struct form *f)
{
	FILE *fp = f->path ? fopen(f->path, "re") : NULL;
	unsigned char chunk[8192];
	uint64_t h = HASH64_START;
	size_t r;

	if (fp == NULL)
		return 0;
	while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
		h = hash_bytes64(chunk, r, h);
	if (ferror(fp))
		h = 0;
	fclose(fp);
	return h;
}

/* ---- writing ---- */

static void
put_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, sizeof v);
}

static void
put_u64(struct buf *b, uint64_t v)
{
	buf_add(b, &v, sizeof v);
}

static void
put_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		put_u32(b, NO_STR);
		return;
	}
	put_u32(b, (uint32_t)strlen(s));
	buf_add(b, s, strlen(s));
}

static void
put_header(struct buf *b, const struct form *f, uint64_t fh)
{
	buf_add(b, CACHE_MAGIC, sizeof CACHE_MAGIC - 1);
	put_u32(b, CACHE_FORMAT);
	put_str(b, PACKAGE_VERSION);
	put_str(b, f->id);
	put_u64(b, fh);
	put_u32(b, (uint32_t)f->nfacts);
	put_u32(b, (uint32_t)f->nkqs);
	put_u32(b, (uint32_t)f->nprompts);
}

/* Can C be kept: loaded without a conflict, its file's identity known,
 * and old enough at NOW */
static int
keepable(const struct case_file *c, time_t now)
{
	return c->conflicts.n == 0 && c->disk.known && c->disk.mtime_s + CACHE_RACY_S < now &&
	    c->disk.ctime_s + CACHE_RACY_S < now && strlen(c->name) < 4096;
}

/* The names of the stamps written, each once: the table of the cache's
 * header, in the order first met. AT[N] is the table's number (from 1)
 * of the name the stamps number N (stamp.h), 0 when not met yet. */
struct names {
	const char **v;
	size_t n, cap;
	uint32_t *at;
	size_t nat;
};

static uint32_t
names_index(struct names *t, const struct stamp *st, const char *name)
{
	uint32_t num = stamp_number(st);

	if (num >= t->nat) {
		size_t nat = t->nat ? t->nat : 256;

		while (nat <= num)
			nat *= 2;
		t->at = xrealloc(t->at, nat * sizeof *t->at);
		memset(t->at + t->nat, 0, (nat - t->nat) * sizeof *t->at);
		t->nat = nat;
	}
	if (t->at[num] == 0) {
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 256;
			t->v = xrealloc(t->v, t->cap * sizeof *t->v);
		}
		t->v[t->n++] = name;
		t->at[num] = (uint32_t)t->n;
	}
	return t->at[num];
}

static void
put_case(struct buf *b, const struct form *f, const struct case_file *c, struct names *t)
{
	size_t len_at;

	put_str(b, c->name);
	len_at = b->len;
	put_u32(b, 0);	/* the length of the rest, below */
	put_u64(b, c->disk.dev);
	put_u64(b, c->disk.ino);
	put_u64(b, c->disk.size);
	put_u64(b, (uint64_t)c->disk.mtime_s);
	put_u64(b, (uint64_t)c->disk.mtime_ns);
	put_u64(b, (uint64_t)c->disk.ctime_s);
	put_u64(b, (uint64_t)c->disk.ctime_ns);
	put_str(b, c->reference);
	put_str(b, c->inspector);
	put_str(b, c->created);
	for (size_t i = 0; i < f->nfacts; i++) {
		put_u32(b, (uint32_t)c->facts[i]);
		put_str(b, c->fact_text[i]);
	}
	buf_add(b, c->kq_answer, f->nkqs);
	buf_add(b, c->prompt_answer, f->nprompts);
	for (size_t i = 0; i < f->nkqs; i++)
		put_str(b, c->notes[i]);
	for (size_t i = 0; i < f->nkqs + f->nprompts; i++) {
		const struct stamp *st = &c->stamps[i];
		const char *name;
		uint32_t sec;

		if (!stamp_is(st)) {
			put_u32(b, 0);
			put_u32(b, 0);
			continue;
		}
		sec = stamp_parts(st, &name);
		put_u32(b, names_index(t, st, name));
		put_u32(b, stamp_whole(st) ? WHOLE_SEC : sec);
	}
	{
		uint32_t rest = (uint32_t)(b->len - len_at - sizeof rest);

		memcpy(b->data + len_at, &rest, sizeof rest);
	}
}

void
cache_write(const char *dir, const struct form *f, const struct case_file *cases,
    const unsigned char *keep, size_t ncases)
{
	struct buf b = BUF_INIT, entries = BUF_INIT;
	struct names t = { 0 };
	uint64_t fh = form_hash(f), sum;
	time_t now = time(NULL);
	uint32_t n = 0;
	char *path, *tmp;
	int fd;

	if (fh == 0)
		return;
	for (size_t i = 0; i < ncases; i++)
		if (keep[i] && keepable(&cases[i], now)) {
			put_case(&entries, f, &cases[i], &t);
			n++;
		}
	put_header(&b, f, fh);
	put_u32(&b, (uint32_t)t.n);
	for (size_t i = 0; i < t.n; i++)
		put_str(&b, t.v[i]);
	put_u32(&b, n);
	buf_add(&b, entries.data ? entries.data : "", entries.len);
	buf_free(&entries);
	free(t.v);
	free(t.at);
	sum = sum64((const unsigned char *)b.data, b.len);
	put_u64(&b, sum);
	path = xasprintf("%s/%s", dir, CACHE_FILE);
	tmp = xasprintf("%s/%s.XXXXXX", dir, CACHE_FILE);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		int ok = save_write_all(fd, b.data, b.len) == 0;

		if (close(fd) == 0 && ok)
			rename(tmp, path);
		unlink(tmp);	/* (gone when renamed) */
	}
	free(tmp);
	free(path);
	buf_free(&b);
}

/* ---- reading ---- */

struct rd {
	const unsigned char *p, *end;
	int bad;
};

static int
get(struct rd *r, void *out, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		memset(out, 0, n);
		return -1;
	}
	memcpy(out, r->p, n);
	r->p += n;
	return 0;
}

static uint32_t
get_u32(struct rd *r)
{
	uint32_t v;

	get(r, &v, sizeof v);
	return v;
}

static uint64_t
get_u64(struct rd *r)
{
	uint64_t v;

	get(r, &v, sizeof v);
	return v;
}

/* a string: its bytes in *S (not terminated) and *LEN; 0, or 1 for none,
 * or -1 when the cache is not right (a NUL inside is not a string) */
static int
get_str_at(struct rd *r, const char **s, uint32_t *len)
{
	uint32_t n = get_u32(r);

	*s = NULL;
	*len = 0;
	if (r->bad)
		return -1;
	if (n == NO_STR)
		return 1;
	if ((size_t)(r->end - r->p) < n || memchr(r->p, '\0', n) != NULL) {
		r->bad = 1;
		return -1;
	}
	*s = (const char *)r->p;
	*len = n;
	r->p += n;
	return 0;
}

static char *
get_str(struct rd *r)
{
	const char *s;
	uint32_t n;
	char *d;

	if (get_str_at(r, &s, &n) != 0)
		return NULL;
	d = xmalloc((size_t)n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static int
same_str(struct rd *r, const char *want)
{
	const char *s;
	uint32_t n;

	return get_str_at(r, &s, &n) == 0 && n == strlen(want) && memcmp(s, want, n) == 0;
}

static uint64_t
hash_name(const char *s, size_t n)
{
	return hash_bytes64(s, n, HASH64_START);
}

struct cache *
cache_read(const char *dir, const struct form *f)
{
	char *path = xasprintf("%s/%s", dir, CACHE_FILE);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct cache *k = NULL;
	struct stat st;
	struct rd r;
	uint64_t sum;
	uint32_t n;

	free(path);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    st.st_size < 16 || st.st_size > (off_t)1 << 31) {
		close(fd);
		return NULL;
	}
	k = xcalloc(1, sizeof *k);
	k->len = (size_t)st.st_size;
	k->data = xmalloc(k->len);
	{
		size_t done = 0;

		while (done < k->len) {
			ssize_t got = read(fd, k->data + done, k->len - done);

			if (got <= 0)
				break;
			done += (size_t)got;
		}
		close(fd);
		if (done != k->len)
			goto bad;
	}
	memcpy(&sum, k->data + k->len - sizeof sum, sizeof sum);
	if (sum64(k->data, k->len - sizeof sum) != sum)
		goto bad;
	r.p = k->data;
	r.end = k->data + k->len - sizeof sum;
	r.bad = 0;
	if ((size_t)(r.end - r.p) < sizeof CACHE_MAGIC - 1 ||
	    memcmp(r.p, CACHE_MAGIC, sizeof CACHE_MAGIC - 1) != 0)
		goto bad;
	r.p += sizeof CACHE_MAGIC - 1;
	if (get_u32(&r) != CACHE_FORMAT || !same_str(&r, PACKAGE_VERSION) ||
	    !same_str(&r, f->id) || get_u64(&r) != form_hash(f) ||
	    get_u32(&r) != f->nfacts || get_u32(&r) != f->nkqs || get_u32(&r) != f->nprompts)
		goto bad;
	k->nnames = get_u32(&r);
	if (r.bad || k->nnames > k->len / 4)
		goto bad;
	k->names = xcalloc(k->nnames ? k->nnames : 1, sizeof *k->names);
	for (uint32_t i = 0; i < k->nnames; i++)
		if ((k->names[i] = get_str(&r)) == NULL)
			goto bad;
	n = get_u32(&r);
	if (r.bad || n > k->len / 8)
		goto bad;
	k->v = xcalloc(n ? n : 1, sizeof *k->v);
	k->nslots = 16;
	while (k->nslots < (size_t)n * 2)
		k->nslots *= 2;
	k->slots = xcalloc(k->nslots, sizeof *k->slots);
	for (uint32_t i = 0; i < n; i++) {
		struct entry *e = &k->v[k->n];
		size_t at;
		uint32_t rest;

		if (get_str_at(&r, &e->name, &e->name_len) != 0)
			goto bad;
		rest = get_u32(&r);
		if (r.bad || (size_t)(r.end - r.p) < rest)
			goto bad;
		e->at = (size_t)(r.p - k->data);
		e->end = e->at + rest;
		r.p += rest;
		for (at = hash_name(e->name, e->name_len) & (k->nslots - 1); k->slots[at];
		    at = (at + 1) & (k->nslots - 1))
			;
		k->slots[at] = ++k->n;
	}
	if (r.p != r.end)
		goto bad;
	return k;
bad:
	cache_free(k);
	return NULL;
}

void
cache_free(struct cache *k)
{
	if (k == NULL)
		return;
	for (uint32_t i = 0; k->names && i < k->nnames; i++)
		free(k->names[i]);
	free(k->names);
	free(k->data);
	free(k->v);
	free(k->slots);
	free(k);
}

int
cache_take(const struct cache *k, const struct form *f, const char *name, const char *path,
    struct case_file *c)
{
	const struct entry *e = NULL;
	size_t len = strlen(name), at;
	struct stat st;
	struct rd r;

	if (k == NULL || k->n == 0)
		return 0;
	for (at = hash_name(name, len) & (k->nslots - 1); k->slots[at];
	    at = (at + 1) & (k->nslots - 1)) {
		const struct entry *x = &k->v[k->slots[at] - 1];

		if (x->name_len == len && memcmp(x->name, name, len) == 0) {
			e = x;
			break;
		}
	}
	if (e == NULL || lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	r.p = k->data + e->at;
	r.end = k->data + e->end;
	r.bad = 0;
	if (get_u64(&r) != (uint64_t)st.st_dev || get_u64(&r) != (uint64_t)st.st_ino ||
	    get_u64(&r) != (uint64_t)st.st_size ||
	    get_u64(&r) != (uint64_t)st.st_mtim.tv_sec ||
	    get_u64(&r) != (uint64_t)st.st_mtim.tv_nsec ||
	    get_u64(&r) != (uint64_t)st.st_ctim.tv_sec ||
	    get_u64(&r) != (uint64_t)st.st_ctim.tv_nsec)
		return 0;
	case_init(c, f, path);
	c->reference = get_str(&r);
	c->inspector = get_str(&r);
	c->created = get_str(&r);
	for (size_t i = 0; i < f->nfacts; i++) {
		int32_t v;

		v = (int32_t)get_u32(&r);
		if (v < COND_UNSET || (v >= 0 && (f->facts[i].type == FACT_TEXT ||
		    (size_t)v >= f->facts[i].nchoices)))
			r.bad = 1;
		else
			c->facts[i] = v;
		c->fact_text[i] = get_str(&r);
	}
	get(&r, c->kq_answer, f->nkqs);
	get(&r, c->prompt_answer, f->nprompts);
	for (size_t i = 0; i < f->nkqs; i++)
		r.bad |= c->kq_answer[i] > ANSWER_NA;
	for (size_t i = 0; i < f->nprompts; i++)
		r.bad |= c->prompt_answer[i] > ANSWER_NA;
	for (size_t i = 0; i < f->nkqs; i++)
		c->notes[i] = get_str(&r);
	for (size_t i = 0; i < f->nkqs + f->nprompts; i++) {
		uint32_t who = get_u32(&r), sec = get_u32(&r);

		if (who == 0)
			continue;
		if (who > k->nnames) {
			r.bad = 1;
			break;
		}
		stamp_make(&c->stamps[i], sec == WHOLE_SEC ? 0 : sec, k->names[who - 1],
		    sec == WHOLE_SEC);
	}
	if (r.bad || r.p != r.end) {	/* (checked whole when read: not expected) */
		case_free(c, f);
		return 0;
	}
	case_note_disk(c, &st);
	return 1;
}
