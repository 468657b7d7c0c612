/* ini.c - reading INI files: a strict pre-scan, then iniparser 4.1 (see
 * ini.h).
 *
 * The pre-scan reads the raw bytes itself and follows iniparser's own line
 * rules (so that its line numbers and its lists of sections and keys are
 * what iniparser reads):
 *   - lines end at '\n'; trailing white space (so a CR too) is dropped;
 *   - a line that then ends in '\' continues on the next one: the '\' goes
 *     and the next line is appended as it is;
 *   - leading white space is dropped; ';' or '#' starts a comment line;
 *     "[name]" is a section; otherwise "key = value", where a value that
 *     starts with a quote (" or ') runs to the next such quote;
 *   - section and key names are trimmed and lower-cased.
 * It refuses what iniparser would silently get wrong (besides what ini.h
 * lists): a NUL byte, a UTF-8 byte order mark, a comment ending in '\'
 * (iniparser swallows the next line into it), a last line ending in '\'
 * (iniparser drops it), "[]" (iniparser keeps the previous section), a ']'
 * or ':' inside a section name, a quoted value without its closing quote
 * or with text after it (iniparser cuts the value there), a '~' in a key
 * other than a continuation KEY~N, and a continuation whose KEY or
 * previous KEY~(N-1) is missing (ini_get_text would stop short).
 *
 * Then iniparser loads the file, with its error printing redirected into
 * a per-thread buffer, and the result is checked against the pre-scan: the same
 * sections and keys, or the file is refused. If the file was replaced
 * between the two reads (a save is a rename), both are done again.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

#include "base/buf.h"
#include "base/err.h"
#include "base/file.h"
#include "base/hashtab.h"
#include "store/esc.h"
#include "store/ini.h"
#include "base/xalloc.h"

/* A line (after joining continuations) of this many bytes or more is
 * refused; iniparser itself fails on 1,023. */
#define INI_LINE_MAX 1000
/* Larger files are refused: no yjinspect file comes near this. */
#define INI_FILE_MAX (16L * 1024 * 1024)
/* More sections and keys than this are refused before iniparser sees them:
 * its dictionary inserts in linear time (a file of 80,000 keys takes it
 * seconds). A case file has a few hundred; a forms file under a thousand. */
#define INI_ENTRIES_MAX 20000
/* How often to read again a file that is replaced while being read. */
#define INI_TRIES 3

/*
 * iniparser's messages, captured during ini_load. Case files are loaded by
 * several threads at once (insp.c), so each thread has its own buffer: the
 * callback runs in the thread that called iniparser_load.
 */
static _Thread_local struct buf ini_errmsg;

/* Makes ini_errback iniparser's error callback, once per process. */
static pthread_once_t ini_errback_once = PTHREAD_ONCE_INIT;

static int ini_errback(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int
ini_errback(const char *fmt, ...)
{
	va_list ap;
	size_t before = ini_errmsg.len;

	if (strchr(buf_str(&ini_errmsg), '\n') != NULL)
		return 0;	/* the first line is all ini_parse says */
	va_start(ap, fmt);
	buf_vprintf(&ini_errmsg, fmt, ap);
	va_end(ap);
	return (int)(ini_errmsg.len - before);
}

/*
 * iniparser 4.1's error callback is one process-wide pointer that every
 * iniparser call reads, with no lock. It is set once, by the first
 * ini_parse of the process (pthread_once orders that write before every
 * thread's later loads), and never set back: switching it around each load
 * would race with loads in other threads. So iniparser never prints to
 * stderr anywhere in the program; a message from an iniparser call outside
 * ini_parse lands in that thread's buffer and is dropped at its next load.
 */
static void
ini_errback_install(void)
{
	iniparser_set_error_callback(ini_errback);
}

static int
ini_isspace(int c)
{
	/* isspace() in the C locale, which is what iniparser sees */
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	    c == '\r';
}

static void
ini_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* ASCII case-insensitive equality. */
static int
ini_eq(const char *a, const char *b)
{
	unsigned char ca, cb;

	do {
		ca = (unsigned char)*a++;
		cb = (unsigned char)*b++;
		if (ca >= 'A' && ca <= 'Z')
			ca = (unsigned char)(ca - 'A' + 'a');
		if (cb >= 'A' && cb <= 'Z')
			cb = (unsigned char)(cb - 'A' + 'a');
	} while (ca == cb && ca != '\0');
	return ca == cb;
}

/* A trimmed, lower-cased copy of S[0..LEN). */
static char *
ini_name(const char *s, size_t len)
{
	char *n;

	while (len > 0 && ini_isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && ini_isspace((unsigned char)s[len - 1]))
		len--;
	n = xstrndup(s, len);
	ini_lower(n);
	return n;
}

/* If KEY is a continuation key BASE~N (N >= 2, no leading zero), return N
 * and set *BASELEN; otherwise 0. */
static unsigned long
ini_contnum(const char *key, size_t *baselen)
{
	const char *t = strrchr(key, '~');
	unsigned long n = 0;
	const char *p;

	if (t == NULL || t == key || t[1] < '1' || t[1] > '9')
		return 0;
	for (p = t + 1; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || n > 100000000UL)
			return 0;
		n = n * 10 + (unsigned long)(*p - '0');
	}
	if (n < 2)
		return 0;
	*baselen = (size_t)(t - key);
	return n;
}

/* A short, printable excerpt of a line for messages. */
static char *
ini_excerpt(const char *s, size_t len)
{
	size_t i, n = len > 40 ? 40 : len;
	char *x = xmalloc(n + 4);

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		x[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	strcpy(x + n, n < len ? "..." : "");
	return x;
}

static void ini_index_free(struct ini *ini);

static void
ini_clear(struct ini *ini)
{
	size_t i, j;

	for (i = 0; i < ini->nsecs; i++) {
		for (j = 0; j < ini->secs[i].nkeys; j++) {
			free(ini->secs[i].keys[j].name);
			free(ini->secs[i].keys[j].more);
		}
		free(ini->secs[i].keys);
		free(ini->secs[i].name);
	}
	free(ini->secs);
	ini->secs = NULL;
	ini->nsecs = 0;
	if (ini->dict != NULL)
		iniparser_freedict(ini->dict);
	ini->dict = NULL;
	ini_index_free(ini);
}

/* Grow an array of N elements of SIZE bytes before adding one. */
static void *
ini_grow(void *p, size_t n, size_t size)
{
	if (n == 0)
		return xrealloc(p, 4 * size);
	if (n >= 4 && (n & (n - 1)) == 0)
		return xrealloc(p, 2 * n * size);
	return p;
}

/*
 * The names seen so far, hashed (hashtab.h), so that finding duplicates and
 * the keys a continuation belongs to costs the same for a file of ten keys
 * or of a hundred thousand (a hand-made or hostile file must not hang the
 * program): one table of the sections, and one of each section's keys. The
 * tables borrow the names in ini->secs.
 */
#define KEY_NONE ((size_t)-1)

struct ini_index {
	struct hashtab secs;	/* section name -> its index in ini->secs */
	struct hashtab *keys;	/* [section]: key name -> its index in its keys */
	size_t nkeys;		/* tables in keys */
	size_t n;		/* sections and keys added */
};

static void
ini_index_add(struct ini *ini, size_t sec, size_t key)
{
	struct ini_index *x = ini->index;

	if (x == NULL)
		ini->index = x = xcalloc(1, sizeof *x);
	if (key == KEY_NONE) {
		hashtab_put(&x->secs, ini->secs[sec].name, sec);
		if (sec >= x->nkeys) {
			x->keys = xrealloc(x->keys, (sec + 1) * sizeof *x->keys);
			for (; x->nkeys <= sec; x->nkeys++)
				x->keys[x->nkeys] = (struct hashtab)HASHTAB_INIT;
		}
	} else
		hashtab_put(&x->keys[sec], ini->secs[sec].keys[key].name, key);
	x->n++;
}

static void
ini_index_free(struct ini *ini)
{
	struct ini_index *x = ini->index;

	if (x != NULL) {
		hashtab_free(&x->secs);
		for (size_t i = 0; i < x->nkeys; i++)
			hashtab_free(&x->keys[i]);
		free(x->keys);
		free(x);
	}
	ini->index = NULL;
}

/* Key NAME of section SEC (an index into ini->secs), or NULL. */
static struct ini_key *
ini_findkey(const struct ini *ini, size_t sec, const char *name)
{
	const struct ini_index *x = ini->index;
	size_t key;

	if (x == NULL || sec >= x->nkeys ||
	    (key = hashtab_get(&x->keys[sec], name)) == HASHTAB_NONE)
		return NULL;
	return &ini->secs[sec].keys[key];
}

/* The section NAME's index, or KEY_NONE. */
static size_t
ini_findsec(const struct ini *ini, const char *name)
{
	const struct ini_index *x = ini->index;

	if (x == NULL)
		return KEY_NONE;
	return hashtab_get(&x->secs, name);	/* (HASHTAB_NONE is KEY_NONE) */
}

/* Classify one logical line S[0..LEN) (trailing white space already gone)
 * that started at LINE, adding sections and keys to INI. */
static int
ini_scan_line(struct ini *ini, const char *s, size_t len, int line,
    struct err *e)
{
	const char *eq, *v, *end = s + len, *q;
	struct ini_section *sec;
	struct ini_key *k;
	char *name, *x;
	size_t i, baselen;

	while (len > 0 && ini_isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	if (len == 0 || *s == ';' || *s == '#')
		return 0;

	if (*s == '[') {
		if (len < 2 || s[len - 1] != ']') {
			x = ini_excerpt(s, len);
			err_set(e, "%s:%d: a section line must be just [name]: "
			    "'%s'", ini->path, line, x);
			free(x);
			return -1;
		}
		name = ini_name(s + 1, len - 2);
		if (*name == '\0' || strpbrk(name, "[]:") != NULL) {
			err_set(e, "%s:%d: bad section name '[%s]' (it must "
			    "not be empty nor hold '[', ']' or ':')",
			    ini->path, line, name);
			free(name);
			return -1;
		}
		if ((i = ini_findsec(ini, name)) != KEY_NONE) {
			err_set(e, "%s:%d: duplicate section [%s] "
			    "(first at line %d)", ini->path, line,
			    name, ini->secs[i].line);
			free(name);
			return -1;
		}
		ini->secs = ini_grow(ini->secs, ini->nsecs, sizeof *ini->secs);
		sec = &ini->secs[ini->nsecs++];
		sec->name = name;
		sec->line = line;
		sec->keys = NULL;
		sec->nkeys = 0;
		ini_index_add(ini, ini->nsecs - 1, KEY_NONE);
		return 0;
	}

	if (len >= 7 && (memcmp(s, "<<<<<<<", 7) == 0 || memcmp(s, "=======", 7) == 0 ||
	    memcmp(s, ">>>>>>>", 7) == 0 || memcmp(s, "|||||||", 7) == 0)) {
		err_set(e, "%s:%d: git's conflict marker '%.7s': a git merge of this file "
		    "was left unfinished, line by line, not by yjinspect's merge driver "
		    "('yjinspect sync' merges it again with the driver)", ini->path, line, s);
		return -1;
	}
	if ((eq = memchr(s, '=', len)) == NULL || eq == s) {
		x = ini_excerpt(s, len);
		err_set(e, "%s:%d: not a [section], a comment or a key = value "
		    "line: '%s'", ini->path, line, x);
		free(x);
		return -1;
	}
	name = ini_name(s, (size_t)(eq - s));
	if (ini->nsecs == 0) {
		err_set(e, "%s:%d: key '%s' comes before any [section]",
		    ini->path, line, name);
		free(name);
		return -1;
	}
	sec = &ini->secs[ini->nsecs - 1];
	if (strchr(name, '~') != NULL && ini_contnum(name, &baselen) == 0) {
		err_set(e, "%s:%d: [%s] key '%s': '~' is only for continuation "
		    "keys (KEY~2, KEY~3, ...)", ini->path, line, sec->name,
		    name);
		free(name);
		return -1;
	}

	/* a quoted value must be closed, with at most a comment after it */
	for (v = eq + 1; v < end && ini_isspace((unsigned char)*v); v++)
		;
	if (v < end && (*v == '"' || *v == '\'')) {
		q = memchr(v + 1, *v, (size_t)(end - v - 1));
		if (q == NULL) {
			err_set(e, "%s:%d: [%s] %s: the value has no closing "
			    "quote", ini->path, line, sec->name, name);
			free(name);
			return -1;
		}
		for (q++; q < end && ini_isspace((unsigned char)*q); q++)
			;
		if (q < end && *q != ';' && *q != '#') {
			err_set(e, "%s:%d: [%s] %s: text after the value's "
			    "closing quote", ini->path, line, sec->name, name);
			free(name);
			return -1;
		}
	}

	if ((k = ini_findkey(ini, ini->nsecs - 1, name)) != NULL) {
		err_set(e, "%s:%d: [%s] duplicate key '%s' (first at line %d)",
		    ini->path, line, sec->name, name, k->line);
		free(name);
		return -1;
	}
	sec->keys = ini_grow(sec->keys, sec->nkeys, sizeof *sec->keys);
	if (((struct ini_index *)ini->index)->n >= INI_ENTRIES_MAX) {
		err_set(e, "%s:%d: more than %d sections and keys: not a file "
		    "yjinspect wrote", ini->path, line, INI_ENTRIES_MAX);
		free(name);
		return -1;
	}
	k = &sec->keys[sec->nkeys++];
	memset(k, 0, sizeof *k);
	k->name = name;
	k->line = line;
	ini_index_add(ini, ini->nsecs - 1, sec->nkeys - 1);
	return 0;
}

/* Every KEY~N needs KEY and KEY~2 .. KEY~(N-1) in its section. */
static int
ini_check_conts(struct ini *ini, struct err *e)
{
	const struct ini_section *sec;
	const struct ini_key *k;
	unsigned long n;
	size_t i, j, baselen;
	char *want;

	for (i = 0; i < ini->nsecs; i++) {
		sec = &ini->secs[i];
		for (j = 0; j < sec->nkeys; j++) {
			k = &sec->keys[j];
			if ((n = ini_contnum(k->name, &baselen)) == 0)
				continue;
			if (n == 2)
				want = xstrndup(k->name, baselen);
			else
				want = xasprintf("%.*s~%lu", (int)baselen,
				    k->name, n - 1);
			if (ini_findkey(ini, i, want) == NULL) {
				err_set(e, "%s:%d: [%s] %s continues a value, "
				    "but %s is missing", ini->path, k->line,
				    sec->name, k->name, want);
				free(want);
				return -1;
			}
			free(want);
		}
	}
	return 0;
}

/* Attach each continuation KEY~N's value to KEY (as more[N - 2]) and
 * leave the continuation keys out of the key lists. ini_check_conts has
 * made sure KEY and every KEY~M before it exist. */
static void
ini_drop_conts(struct ini *ini)
{
	struct ini_section *sec;
	struct ini_key *base;
	unsigned long num;
	size_t i, j, n, baselen;
	char *bname;

	for (i = 0; i < ini->nsecs; i++) {
		sec = &ini->secs[i];
		for (j = 0; j < sec->nkeys; j++) {
			if ((num = ini_contnum(sec->keys[j].name, &baselen)) == 0)
				continue;
			bname = xstrndup(sec->keys[j].name, baselen);
			base = ini_findkey(ini, i, bname);
			free(bname);
			if (base == NULL)	/* cannot be: ini_check_conts */
				continue;
			if (base->nmore < num - 1) {
				base->more = xrealloc(base->more, (num - 1) * sizeof *base->more);
				for (n = base->nmore; n < num - 1; n++)
					base->more[n] = "";
				base->nmore = num - 1;
			}
			base->more[num - 2] = sec->keys[j].value;
		}
	}
	/* the index points at keys by position: it ends here */
	ini_index_free(ini);
	for (i = 0; i < ini->nsecs; i++) {
		sec = &ini->secs[i];
		for (j = n = 0; j < sec->nkeys; j++) {
			if (ini_contnum(sec->keys[j].name, &baselen) != 0)
				free(sec->keys[j].name);
			else
				sec->keys[n++] = sec->keys[j];
		}
		sec->nkeys = n;
	}
}

static int
ini_scan(struct ini *ini, const char *data, size_t size, struct err *e)
{
	const char *p = data, *end = data + size, *nl;
	struct buf lb = BUF_INIT;
	size_t len;
	int line = 0, start = 0, r = -1;

	buf_add(&lb, "", 0);
	while (p < end) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (memchr(p, '\0', len) != NULL) {
			err_set(e, "%s:%d: the line holds a NUL byte",
			    ini->path, line);
			goto out;
		}
		if (len >= INI_LINE_MAX) {
			err_set(e, "%s:%d: line is %zu bytes long (at most %d "
			    "allowed)", ini->path, line, len, INI_LINE_MAX - 1);
			goto out;
		}
		if (line == 1 && len >= 3 &&
		    memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			err_set(e, "%s:1: the file starts with a UTF-8 byte "
			    "order mark; save it without one", ini->path);
			goto out;
		}
		if (lb.len == 0)
			start = line;
		buf_add(&lb, p, len);
		p = nl != NULL ? nl + 1 : end;

		while (lb.len > 0 &&
		    ini_isspace((unsigned char)lb.data[lb.len - 1]))
			lb.data[--lb.len] = '\0';
		if (lb.len >= INI_LINE_MAX) {
			err_set(e, "%s:%d: line (joined with the lines after "
			    "it by a final '\\') is %zu bytes long (at most "
			    "%d allowed)", ini->path, start, lb.len,
			    INI_LINE_MAX - 1);
			goto out;
		}
		if (lb.len > 0 && lb.data[lb.len - 1] == '\\') {
			const char *t = lb.data;

			/* iniparser joins the next line to this one */
			lb.data[--lb.len] = '\0';
			while (ini_isspace((unsigned char)*t))
				t++;
			if (*t == ';' || *t == '#') {
				err_set(e, "%s:%d: a comment line ends in "
				    "'\\', which would join the next line to "
				    "the comment", ini->path, line);
				goto out;
			}
			if (nl == NULL || p == end) {
				err_set(e, "%s:%d: the last line ends in '\\' "
				    "(a continuation with nothing after it)",
				    ini->path, line);
				goto out;
			}
			continue;
		}
		if (ini_scan_line(ini, lb.data, lb.len, start, e) == -1)
			goto out;
		buf_reset(&lb);
	}
	if (ini_check_conts(ini, e) == -1)
		goto out;
	r = 0;
out:
	buf_free(&lb);
	return r;
}

/* iniparser's view must match the pre-scan's: the dictionary keeps its
 * entries in the order it read them (it never deletes), so one walk over
 * it, in step with the pre-scan's sections and keys, checks that it read
 * the same names in the same order and picks up each key's value. */
static int
ini_crosscheck(struct ini *ini, struct err *e)
{
	const dictionary *d = ini->dict;
	struct ini_section *cur = NULL;
	size_t si = 0, ki = 0, seclen;
	const char *name, *colon;

	for (ssize_t i = 0; i < d->size; i++) {
		if ((name = d->key[i]) == NULL)
			continue;
		if ((colon = strchr(name, ':')) == NULL) {
			if (cur != NULL && ki != cur->nkeys)
				break;
			if (si >= ini->nsecs || strcmp(ini->secs[si].name, name) != 0)
				break;
			cur = &ini->secs[si++];
			ki = 0;
			continue;
		}
		seclen = (size_t)(colon - name);
		if (cur == NULL || strncmp(cur->name, name, seclen) != 0 ||
		    cur->name[seclen] != '\0' || ki >= cur->nkeys ||
		    strcmp(cur->keys[ki].name, colon + 1) != 0)
			return err_set(e, "%s: iniparser read key '%s' where the "
			    "pre-scan had %s; refusing the file", ini->path, name,
			    cur && ki < cur->nkeys ? cur->keys[ki].name : "none");
		cur->keys[ki++].value = d->val[i] ? d->val[i] : "";
	}
	if (si != ini->nsecs || (cur != NULL && ki != cur->nkeys))
		return err_set(e, "%s: iniparser read %d sections and the pre-scan "
		    "%zu, or the keys differ; refusing the file", ini->path,
		    iniparser_getnsec(ini->dict), ini->nsecs);
	return 0;
}

/* Hand PATH to iniparser, its messages captured (in this thread's buffer:
 * safe to call from several threads at once). */
static int
ini_parse(struct ini *ini, struct err *e)
{
	char *nl, *msg, *all;
	int saved;

	(void)pthread_once(&ini_errback_once, ini_errback_install);
	buf_free(&ini_errmsg);
	errno = 0;
	ini->dict = iniparser_load(ini->path);
	saved = errno;
	all = buf_take(&ini_errmsg);	/* (the thread keeps no memory) */
	if (ini->dict != NULL) {
		free(all);
		return 0;
	}

	msg = all;	/* (never NULL) */
	if (strncmp(msg, "iniparser: ", 11) == 0)
		msg += 11;
	if ((nl = strchr(msg, '\n')) != NULL)
		*nl = '\0';
	if (*msg != '\0') {
		err_set(e, "%s: iniparser could not read it: %s", ini->path, msg);
		free(all);
		return -1;
	}
	free(all);
	if (saved != 0)
		return err_set(e, "%s: iniparser could not read it: %s",
		    ini->path, strerror(saved));
	return err_set(e, "%s: iniparser could not read it", ini->path);
}

static int
ini_same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int
ini_load(struct ini *ini, const char *path, struct err *e)
{
	struct stat st, after;
	char *data;
	size_t size = 0;
	int fd, tries, saved;

	memset(ini, 0, sizeof *ini);
	if (stat(path, &st) == -1) {
		saved = errno;
		return err_set(e, "%s: %s", path, strerror(saved));
	}
	if (S_ISDIR(st.st_mode))
		return err_set(e, "%s: is a directory", path);
	if (!S_ISREG(st.st_mode))
		return err_set(e, "%s: not a regular file", path);

	ini->path = xstrdup(path);
	for (tries = 0; tries < INI_TRIES; tries++) {
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
			saved = errno;
			err_set(e, "%s: %s", path, strerror(saved));
			goto fail;
		}
		if (fstat(fd, &st) == -1 || (data = file_read_fd(fd, INI_FILE_MAX, 0, &size))
		    == NULL) {
			saved = errno;
			close(fd);
			err_set(e, "%s: read failed: %s", path,
			    strerror(saved));
			goto fail;
		}
		if (ini_scan(ini, data, size, e) == -1) {
			free(data);
			close(fd);
			goto fail;
		}
		free(data);
		if (ini_parse(ini, e) == -1) {
			close(fd);
			goto fail;
		}
		/*
		 * FD still holds the inode read above, so its number cannot
		 * have been reused: the same identity means iniparser read
		 * the same file.
		 */
		if (stat(path, &after) == 0 && ini_same_file(&st, &after)) {
			close(fd);
			ini->st = st;	/* what was read */
			break;
		}
		close(fd);
		ini_clear(ini);
	}
	if (tries == INI_TRIES) {
		err_set(e, "%s: the file kept changing while it was read",
		    path);
		goto fail;
	}
	if (ini_crosscheck(ini, e) == -1)
		goto fail;
	ini_drop_conts(ini);
	return 0;

fail:
	ini_free(ini);
	return -1;
}

void
ini_free(struct ini *ini)
{
	ini_clear(ini);
	free(ini->path);
	ini->path = NULL;
}

const struct ini_section *
ini_section(const struct ini *ini, const char *name)
{
	size_t i;

	for (i = 0; i < ini->nsecs; i++)
		if (ini_eq(ini->secs[i].name, name))
			return &ini->secs[i];
	return NULL;
}

static const struct ini_key *
ini_key_of(const struct ini *ini, const char *sec, const char *key,
    const struct ini_section **s)
{
	size_t i;

	if ((*s = ini_section(ini, sec)) == NULL)
		return NULL;
	for (i = 0; i < (*s)->nkeys; i++)
		if (ini_eq((*s)->keys[i].name, key))
			return &(*s)->keys[i];
	return NULL;
}

const char *
ini_get(const struct ini *ini, const char *sec, const char *key)
{
	const struct ini_section *s;
	const struct ini_key *k = ini_key_of(ini, sec, key, &s);

	return k ? k->value : NULL;
}

int
ini_key_text(const struct ini *ini, const struct ini_section *s,
    const struct ini_key *k, char **out, struct err *e)
{
	struct buf b = BUF_INIT;
	char *where;
	size_t n;

	*out = NULL;
	if (k->nmore == 0 && strchr(k->value, '\\') == NULL) {
		/* nothing to decode (most values, an answer's stamp): a copy of
		 * its own size, kept as long as the case */
		*out = xstrdup(k->value);
		return 0;
	}
	for (n = 0; n <= k->nmore; n++) {
		if (esc_decode(&b, n == 0 ? k->value : k->more[n - 1], e) == -1) {
			if (n == 0)
				where = xasprintf("%s: [%s] %s", ini->path, s->name, k->name);
			else
				where = xasprintf("%s: [%s] %s~%zu", ini->path, s->name,
				    k->name, n + 1);
			err_prefix(e, where);
			free(where);
			buf_free(&b);
			return -1;
		}
	}
	n = b.len;
	*out = xrealloc(buf_take(&b), n + 1);	/* its own size, not the buffer's */
	return 0;
}

int
ini_get_text(const struct ini *ini, const char *sec, const char *key,
    char **out, struct err *e)
{
	const struct ini_section *s;
	const struct ini_key *k = ini_key_of(ini, sec, key, &s);

	*out = NULL;
	if (k == NULL)
		return 0;
	return ini_key_text(ini, s, k, out, e);
}

int
ini_line(const struct ini *ini, const char *sec, const char *key)
{
	const struct ini_section *s = ini_section(ini, sec);
	size_t i;

	if (s == NULL)
		return 0;
	if (key == NULL)
		return s->line;
	for (i = 0; i < s->nkeys; i++)
		if (ini_eq(s->keys[i].name, key))
			return s->keys[i].line;
	return 0;
}
