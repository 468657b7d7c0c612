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

#include "base/buf.h"
#include "model/cache.h"
#include "model/cond.h"
#include "base/hash.h"
#include "store/save.h"
#include "base/stamp.h"
#include "base/xalloc.h"

#define CACHE_FILE ".yjinspect-cache"
#define CACHE_MAGIC "yjinspect cache\n"
/* the format of the file and its entries, and of what case_load makes of a
 * case file: a change to any of them changes this number */
#define CACHE_FORMAT 3u
#define CACHE_RACY_S 2	/* a file this close to the entry's making: not kept */
#define FOOTER_LEN 24	/* header's length, where the tail starts, the sum */
#define FLUSH_AT 65536	/* entries written out in pieces of about this size */
#define TAIL_MAX ((uint64_t)1 << 30)	/* a table past this is not read (10,000 cases: 1 MB) */

/*
 * The file:
 *   header   magic, format, version, framework id, the framework file's
 *            hash, how many facts, key questions and prompts it has
 *   entries  one for each case kept, in the order written: everything
 *            case_load made of the file, without its identity (put_case)
 *   tail     the stamps' names; then for each entry its file name, the
 *            file's identity, where the entry is, its length and a hash
 *            of its bytes
 *   footer   the header's length, where the tail starts, a hash of the
 *            header and the tail
 * Opening reads the header and the tail (a few dozen bytes a case) and
 * checks them whole; an entry is read only when its file is unchanged,
 * and checked by its own hash then. So the cache's memory is the tail's,
 * not the file's, and writing it holds one piece of it at a time.
 * Numbers inside an entry are varints (7 bits a byte, low first); a stamp
 * is its name's number and its seconds as a difference from the previous
 * stamp's, most often one or two bytes each.
 */

struct entry {
	const char *name;	/* into tail */
	uint32_t name_len;
	struct case_disk disk;	/* the file's identity when the entry was made */
	uint64_t at, hash;	/* where the entry is in the file, and its hash */
	uint32_t len;
};

struct cache {
	int fd;
	uint64_t size;
	unsigned char *tail;
	char **names;	/* the stamps' names */
	uint32_t nnames;
	struct entry *v;
	size_t n;
	size_t *slots;	/* hash of entries by name: index + 1, 0 empty */
	size_t nslots;
};

/* A check of LEN bytes at S: eight bytes at a time (FNV-1a's step on
 * words), the rest byte by byte, carried on from H */
static uint64_t
sum64(const unsigned char *s, size_t len, uint64_t h)
{
	uint64_t w;
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

/* a string with its length before it (NO_STR: NULL) */
#define NO_STR UINT32_MAX
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
put_var(struct buf *b, uint64_t v)
{
	unsigned char c[10];
	size_t n = 0;

	while (v >= 0x80) {
		c[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	c[n++] = (unsigned char)v;
	buf_add(b, c, n);
}

/* a string in an entry: its length + 1 (0: NULL), then its bytes */
static void
put_vstr(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	put_var(b, s ? (uint64_t)n + 1 : 0);
	buf_add(b, s ? s : "", n);
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

int
cache_keepable(const struct case_file *c)
{
	return keepable(c, time(NULL));
}

/* The names of the stamps written, each once: the table of the cache's
 * tail, in the order first met. AT[N] is the table's number (from 1)
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

/* C's entry, at the end of B */
static void
put_case(struct buf *b, const struct form *f, const struct case_file *c, struct names *t)
{
	uint32_t prev = 0;

	put_vstr(b, c->reference);
	put_vstr(b, c->inspector);
	put_vstr(b, c->created);
	for (size_t i = 0; i < f->nfacts; i++) {
		put_var(b, (uint64_t)((int64_t)c->facts[i] - COND_UNSET));
		put_vstr(b, c->fact_text[i]);
	}
	buf_add(b, c->kq_answer, f->nkqs);
	buf_add(b, c->prompt_answer, f->nprompts);
	for (size_t i = 0; i < f->nkqs; i++)
		put_vstr(b, c->notes[i]);
	for (size_t i = 0; i < f->nkqs + f->nprompts; i++) {
		const struct stamp *st = &c->stamps[i];
		const char *name;
		uint32_t sec;
		int64_t d;

		if (!stamp_is(st)) {
			put_var(b, 0);
			continue;
		}
		sec = stamp_parts(st, &name);
		put_var(b, names_index(t, st, name));
		if (stamp_whole(st)) {
			put_var(b, 1);	/* odd: kept whole, no seconds */
			continue;
		}
		d = (int64_t)sec - (int64_t)prev;	/* zigzag, then even */
		put_var(b, ((uint64_t)(d < 0 ? ~(d * 2) : d * 2)) * 2);
		prev = sec;
	}
}

/* C's record in the tail: its entry of LEN bytes at AT, with HASH */
static void
put_index(struct buf *b, const struct case_file *c, uint64_t at, uint32_t len, uint64_t hash)
{
	put_str(b, c->name);
	put_u64(b, c->disk.dev);
	put_u64(b, c->disk.ino);
	put_u64(b, c->disk.size);
	put_u64(b, (uint64_t)c->disk.mtime_s);
	put_u64(b, (uint64_t)c->disk.mtime_ns);
	put_u64(b, (uint64_t)c->disk.ctime_s);
	put_u64(b, (uint64_t)c->disk.ctime_ns);
	put_u64(b, at);
	put_u32(b, len);
	put_u64(b, hash);
}

/* Write what B holds to FD (*OK cleared on an error); B emptied */
static void
flush(int fd, struct buf *b, int *ok)
{
	if (*ok && b->len && save_write_all(fd, b->data, b->len) != 0)
		*ok = 0;
	buf_reset(b);
}

void
cache_write(const char *dir, const struct form *f, const struct case_file *cases,
    const unsigned char *keep, size_t ncases)
{
	struct buf out = BUF_INIT, index = BUF_INIT, tail = BUF_INIT;
	struct names t = { 0 };
	uint64_t fh = form_hash(f), at, header_len, sum;
	time_t now = time(NULL);
	uint32_t n = 0;
	char *path, *tmp;
	int fd, ok = 1;
	size_t i;

	if (fh == 0)
		return;
	path = xasprintf("%s/%s", dir, CACHE_FILE);
	tmp = xasprintf("%s/%s.XXXXXX", dir, CACHE_FILE);
	for (i = 0; i < ncases && !(keep[i] && keepable(&cases[i], now)); i++)
		;
	if (i == ncases) {	/* nothing to keep: no cache, not an empty one */
		unlink(path);
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		goto out;
	put_header(&out, f, fh);
	header_len = at = out.len;
	sum = sum64((const unsigned char *)out.data, out.len, HASH64_START);
	for (i = 0; i < ncases; i++) {
		size_t from = out.len;
		uint32_t len;

		if (!keep[i] || !keepable(&cases[i], now))
			continue;
		put_case(&out, f, &cases[i], &t);
		len = (uint32_t)(out.len - from);
		put_index(&index, &cases[i], at, len,
		    sum64((const unsigned char *)out.data + from, len, HASH64_START));
		at += len;
		n++;
		if (out.len >= FLUSH_AT)
			flush(fd, &out, &ok);
	}
	flush(fd, &out, &ok);
	put_u32(&tail, (uint32_t)t.n);
	for (i = 0; i < t.n; i++)
		put_str(&tail, t.v[i]);
	put_u32(&tail, n);
	buf_add(&tail, index.data ? index.data : "", index.len);
	sum = sum64((const unsigned char *)tail.data, tail.len, sum);
	put_u64(&tail, header_len);
	put_u64(&tail, at);
	put_u64(&tail, sum);
	flush(fd, &tail, &ok);
	if (close(fd) == 0 && ok)
		rename(tmp, path);
	unlink(tmp);	/* (gone when renamed) */
out:
	buf_free(&out);
	buf_free(&index);
	buf_free(&tail);
	free(t.v);
	free(t.at);
	free(tmp);
	free(path);
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

static uint64_t
get_var(struct rd *r)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		unsigned char c;

		if (r->bad || r->p == r->end)
			break;
		c = *r->p++;
		v |= (uint64_t)(c & 0x7f) << shift;
		if ((c & 0x80) == 0)
			return v;
	}
	r->bad = 1;
	return 0;
}

/* the N bytes of a string at R, checked: *S (not terminated); -1 when the
 * cache is not right (too long, or a NUL inside: not a string) */
static int
get_bytes(struct rd *r, uint64_t n, const char **s)
{
	*s = NULL;
	if (r->bad || (uint64_t)(r->end - r->p) < n || memchr(r->p, '\0', (size_t)n) != NULL) {
		r->bad = 1;
		return -1;
	}
	*s = (const char *)r->p;
	r->p += n;
	return 0;
}

/* a string of the header or tail: 0, or 1 for none, or -1 when not right */
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
	*len = n;
	return get_bytes(r, n, s);
}

static char *
get_str(struct rd *r)
{
	const char *s;
	uint32_t n;

	return get_str_at(r, &s, &n) == 0 ? xstrndup(s, n) : NULL;
}

/* a string of an entry (put_vstr) */
static char *
get_vstr(struct rd *r)
{
	uint64_t n = get_var(r);
	const char *s;

	if (n == 0)
		return NULL;
	return get_bytes(r, n - 1, &s) == 0 ? xstrndup(s, (size_t)(n - 1)) : NULL;
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

/* Read LEN bytes at AT of FD into a new buffer; NULL when they cannot be */
static unsigned char *
read_at(int fd, uint64_t at, uint64_t len)
{
	unsigned char *d = xmalloc(len ? (size_t)len : 1);
	size_t done = 0;

	while (done < len) {
		ssize_t got = pread(fd, d + done, (size_t)len - done, (off_t)(at + done));

		if (got <= 0) {
			free(d);
			return NULL;
		}
		done += (size_t)got;
	}
	return d;
}

struct cache *
cache_read(const char *dir, const struct form *f)
{
	char *path = xasprintf("%s/%s", dir, CACHE_FILE);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	unsigned char footer[FOOTER_LEN], *header = NULL;
	uint64_t header_len, tail_at, sum, tail_len;
	struct cache *k = NULL;
	struct stat st;
	struct rd r;
	uint32_t n;

	free(path);
	if (fd < 0)
		return NULL;
	k = xcalloc(1, sizeof *k);
	k->fd = fd;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    st.st_size < FOOTER_LEN || st.st_size > (off_t)1 << 40)
		goto bad;
	k->size = (uint64_t)st.st_size;
	if (pread(fd, footer, sizeof footer, (off_t)(k->size - FOOTER_LEN)) != FOOTER_LEN)
		goto bad;
	memcpy(&header_len, footer, 8);
	memcpy(&tail_at, footer + 8, 8);
	memcpy(&sum, footer + 16, 8);
	if (header_len > tail_at || tail_at > k->size - FOOTER_LEN || header_len > 1 << 20)
		goto bad;
	tail_len = k->size - FOOTER_LEN - tail_at;
	if (tail_len > TAIL_MAX)	/* (no cache holds such a table: not read) */
		goto bad;
	if ((header = read_at(fd, 0, header_len)) == NULL ||
	    (k->tail = read_at(fd, tail_at, tail_len)) == NULL ||
	    sum64(k->tail, (size_t)tail_len, sum64(header, (size_t)header_len, HASH64_START)) !=
	    sum)
		goto bad;
	r.p = header;
	r.end = header + header_len;
	r.bad = 0;
	if ((size_t)(r.end - r.p) < sizeof CACHE_MAGIC - 1 ||
	    memcmp(r.p, CACHE_MAGIC, sizeof CACHE_MAGIC - 1) != 0)
		goto bad;
	r.p += sizeof CACHE_MAGIC - 1;
	if (get_u32(&r) != CACHE_FORMAT || !same_str(&r, PACKAGE_VERSION) ||
	    !same_str(&r, f->id) || get_u64(&r) != form_hash(f) ||
	    get_u32(&r) != f->nfacts || get_u32(&r) != f->nkqs ||
	    get_u32(&r) != f->nprompts || r.p != r.end)
		goto bad;
	free(header);
	header = NULL;
	r.p = k->tail;
	r.end = k->tail + tail_len;
	k->nnames = get_u32(&r);
	if (r.bad || k->nnames > tail_len / 4)
		goto bad;
	k->names = xcalloc(k->nnames ? k->nnames : 1, sizeof *k->names);
	for (uint32_t i = 0; i < k->nnames; i++)
		if ((k->names[i] = get_str(&r)) == NULL)
			goto bad;
	n = get_u32(&r);
	if (r.bad || n > tail_len / 8)
		goto bad;
	k->v = xcalloc(n ? n : 1, sizeof *k->v);
	k->nslots = 16;
	while (k->nslots < (size_t)n * 2)
		k->nslots *= 2;
	k->slots = xcalloc(k->nslots, sizeof *k->slots);
	for (uint32_t i = 0; i < n; i++) {
		struct entry *e = &k->v[k->n];
		size_t at;

		if (get_str_at(&r, &e->name, &e->name_len) != 0)
			goto bad;
		e->disk.dev = get_u64(&r);
		e->disk.ino = get_u64(&r);
		e->disk.size = get_u64(&r);
		e->disk.mtime_s = (long long)get_u64(&r);
		e->disk.mtime_ns = (long long)get_u64(&r);
		e->disk.ctime_s = (long long)get_u64(&r);
		e->disk.ctime_ns = (long long)get_u64(&r);
		e->disk.known = 1;	/* (the rest of it zero: k->v is calloc'd) */
		e->at = get_u64(&r);
		e->len = get_u32(&r);
		e->hash = get_u64(&r);
		if (r.bad || e->at < header_len || e->at > tail_at || e->len > tail_at - e->at)
			goto bad;
		for (at = hash_name(e->name, e->name_len) & (k->nslots - 1); k->slots[at];
		    at = (at + 1) & (k->nslots - 1))
			;
		k->slots[at] = ++k->n;
	}
	if (r.p != r.end)
		goto bad;
	return k;
bad:
	free(header);
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
	free(k->tail);
	free(k->v);
	free(k->slots);
	close(k->fd);
	free(k);
}

/* Fill C (case_init done) from the entry's bytes at R: 0, or -1 when they
 * are not right */
static int
get_case(const struct cache *k, const struct form *f, struct rd *r, struct case_file *c)
{
	uint32_t prev = 0;

	c->reference = get_vstr(r);
	c->inspector = get_vstr(r);
	c->created = get_vstr(r);
	for (size_t i = 0; i < f->nfacts; i++) {
		uint64_t u = get_var(r);
		int64_t v = u > (uint64_t)INT32_MAX + 1 ? INT64_MAX : (int64_t)u + COND_UNSET;

		if (v < COND_UNSET || v > INT32_MAX || (v >= 0 && (f->facts[i].type == FACT_TEXT ||
		    (size_t)v >= f->facts[i].nchoices)))
			r->bad = 1;
		else
			c->facts[i] = (int)v;
		c->fact_text[i] = get_vstr(r);
	}
	get(r, c->kq_answer, f->nkqs);
	get(r, c->prompt_answer, f->nprompts);
	for (size_t i = 0; i < f->nkqs; i++)
		r->bad |= c->kq_answer[i] > ANSWER_NA;
	for (size_t i = 0; i < f->nprompts; i++)
		r->bad |= c->prompt_answer[i] > ANSWER_NA;
	for (size_t i = 0; i < f->nkqs; i++)
		c->notes[i] = get_vstr(r);
	for (size_t i = 0; i < f->nkqs + f->nprompts && !r->bad; i++) {
		uint64_t who = get_var(r), d;
		int64_t sec;

		if (who == 0)
			continue;
		d = get_var(r);
		if (who > k->nnames) {
			r->bad = 1;
			break;
		}
		if (d & 1) {
			stamp_make(&c->stamps[i], 0, k->names[who - 1], 1);
			continue;
		}
		d >>= 1;
		sec = (int64_t)prev + ((d & 1) ? ~(int64_t)(d >> 1) : (int64_t)(d >> 1));
		if (sec < 0 || sec > UINT32_MAX) {
			r->bad = 1;
			break;
		}
		prev = (uint32_t)sec;
		stamp_make(&c->stamps[i], prev, k->names[who - 1], 0);
	}
	return r->bad || r->p != r->end ? -1 : 0;
}

int
cache_take(const struct cache *k, const struct form *f, const char *name, const char *path,
    struct case_file *c)
{
	const struct entry *e = NULL;
	size_t len = strlen(name), at;
	unsigned char *data;
	struct case_disk now;
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
	case_disk_of(&now, &st);
	if (memcmp(&now, &e->disk, sizeof now) != 0)
		return 0;
	if ((data = read_at(k->fd, e->at, e->len)) == NULL)
		return 0;
	if (sum64(data, e->len, HASH64_START) != e->hash) {
		free(data);
		return 0;
	}
	r.p = data;
	r.end = data + e->len;
	r.bad = 0;
	case_init(c, f, path);
	if (get_case(k, f, &r, c) < 0) {	/* (its hash was right: not expected) */
		case_free(c, f);
		free(data);
		return 0;
	}
	free(data);
	c->disk = now;
	return 1;
}
