/* stamp.c - answers' stamps in six bytes (see stamp.h). */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/hash.h"
#include "base/stamp.h"
#include "base/xalloc.h"

/* The names (and whole stamps) seen: number N is names[N - 1]. Each
 * string is its own allocation, never moved or freed, so a pointer to
 * one stays good while the array grows. */
static struct {
	pthread_mutex_t lock;
	char **names;
	size_t n, cap;
	/* a small hash of the numbers, by text: 0 an empty slot */
	uint32_t *slots;
	size_t nslots;
} table = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, NULL, 0 };

/* the last name this thread looked up: a case's stamps are mostly one
 * inspector's */
static _Thread_local const char *last_name;
static _Thread_local uint32_t last_who;

static void
slots_grow(void)
{
	size_t nslots = table.nslots ? table.nslots * 2 : 64;
	uint32_t *slots = xcalloc(nslots, sizeof *slots);

	for (size_t i = 0; i < table.n; i++) {
		size_t at = hash_str(table.names[i]) & (nslots - 1);

		while (slots[at])
			at = (at + 1) & (nslots - 1);
		slots[at] = (uint32_t)(i + 1);
	}
	free(table.slots);
	table.slots = slots;
	table.nslots = nslots;
}

/* The number of TEXT (LEN bytes) in the table, added if new */
static uint32_t
number_of(const char *text, size_t len)
{
	uint32_t n;
	size_t at;
	char *copy;

	if (last_name && strlen(last_name) == len && memcmp(last_name, text, len) == 0)
		return last_who;
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	pthread_mutex_lock(&table.lock);
	if ((table.n + 1) * 2 > table.nslots)
		slots_grow();
	for (at = hash_str(copy) & (table.nslots - 1); (n = table.slots[at]) != 0;
	    at = (at + 1) & (table.nslots - 1))
		if (strcmp(table.names[n - 1], copy) == 0)
			break;
	if (n == 0) {
		if (table.n == UINT32_MAX - 1)
			abort();	/* four billion names: not an inspection */
		if (table.n == table.cap) {
			table.cap = table.cap ? table.cap * 2 : 64;
			table.names = xrealloc(table.names, table.cap * sizeof *table.names);
		}
		table.names[table.n++] = copy;
		n = (uint32_t)table.n;
		table.slots[at] = n;
		copy = NULL;
	}
	last_name = table.names[n - 1];
	last_who = n;
	pthread_mutex_unlock(&table.lock);
	free(copy);
	return n;
}

static const char *
name_of(uint32_t who)
{
	const char *s;

	pthread_mutex_lock(&table.lock);
	s = who >= 1 && who <= table.n ? table.names[who - 1] : "";
	pthread_mutex_unlock(&table.lock);
	return s;
}

/* ---- times: days from and to a civil date (proleptic Gregorian) ---- */

static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

#define EPOCH_2000 10957L	/* days from 1970-01-01 to 2000-01-01 */

static int
digits(const char *s, int n, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return 0;
}

/* The seconds since 2000 of "YYYY-MM-DDTHH:MM:SSZ" at S, if S starts with
 * one that is written back the same; else -1 */
static long long
seconds_of(const char *s)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	unsigned y, mo, d, h, mi, se, dim;

	if (strlen(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':' || s[19] != 'Z' || digits(s, 4, &y) < 0 || digits(s + 5, 2, &mo) < 0 ||
	    digits(s + 8, 2, &d) < 0 || digits(s + 11, 2, &h) < 0 ||
	    digits(s + 14, 2, &mi) < 0 || digits(s + 17, 2, &se) < 0)
		return -1;
	if (y < 2000 || y > 2135 || mo < 1 || mo > 12 || h > 23 || mi > 59 || se > 59)
		return -1;
	dim = mdays[mo - 1] + (mo == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
	if (d < 1 || d > dim)
		return -1;
	return (days_from_civil((long)y, mo, d) - EPOCH_2000) * 86400LL + h * 3600 + mi * 60 + se;
}

static void
put32(struct stamp *s, uint32_t v)
{
	s->part[0] = (uint16_t)(v & 0xffff);
	s->part[1] = (uint16_t)(v >> 16);
}

void
stamp_set(struct stamp *s, const char *text)
{
	long long sec;

	if (text == NULL) {
		memset(s, 0, sizeof *s);
		return;
	}
	sec = seconds_of(text);
	if (sec >= 0 && sec <= (long long)UINT32_MAX && text[20] == ' ')
		stamp_make(s, (uint32_t)sec, text + 21, 0);
	else
		stamp_make(s, 0, text, 1);	/* kept whole */
}

/* two digits of V at P */
static void
put2(char *p, unsigned v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

/* WHEN (seconds from 2000) as "YYYY-MM-DDTHH:MM:SSZ" at BUF
 * (STAMP_TIME_LEN bytes, no NUL): by hand, not printf, since a case's save
 * writes a hundred of them */
static void
put_time(long long when, char *buf)
{
	long long day = when / 86400, rest = when % 86400;
	long y, days;
	unsigned m, d;

	if (rest < 0) {	/* (a clock before 2000) */
		rest += 86400;
		day--;
	}
	days = (long)day + EPOCH_2000;

	civil_from_days(days, &y, &m, &d);
	put2(buf, (unsigned)(y / 100));
	put2(buf + 2, (unsigned)(y % 100));
	buf[4] = '-';
	put2(buf + 5, m);
	buf[7] = '-';
	put2(buf + 8, d);
	buf[10] = 'T';
	put2(buf + 11, (unsigned)(rest / 3600));
	buf[13] = ':';
	put2(buf + 14, (unsigned)(rest / 60 % 60));
	buf[16] = ':';
	put2(buf + 17, (unsigned)(rest % 60));
	buf[19] = 'Z';
}

size_t
stamp_now(char *buf, size_t size, int ms)
{
	struct timespec ts;
	size_t len = ms ? STAMP_TIME_LEN + 4 : STAMP_TIME_LEN;

	if (size <= len) {
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	put_time((long long)ts.tv_sec - EPOCH_2000 * 86400LL, buf);
	if (ms) {	/* ".mmm" before the Z */
		unsigned msec = (unsigned)(ts.tv_nsec / 1000000) % 1000;

		buf[19] = '.';
		buf[20] = (char)('0' + msec / 100);
		put2(buf + 21, msec % 100);
		buf[23] = 'Z';
	}
	buf[len] = '\0';
	return len;
}

size_t
stamp_format(const struct stamp *s, char *buf, size_t size)
{
	const char *name;
	size_t len, nlen;
	uint32_t when;

	if (!stamp_is(s))
		return 0;
	if (stamp_whole(s)) {
		name = name_of(stamp_number(s));
		len = strlen(name);
		if (len < size)
			memcpy(buf, name, len + 1);
		return len;
	}
	when = (uint32_t)s->part[0] | (uint32_t)s->part[1] << 16;
	name = name_of(s->part[2]);
	nlen = strlen(name);
	len = STAMP_TIME_LEN + 1 + nlen;
	if (len < size) {
		put_time(when, buf);
		buf[STAMP_TIME_LEN] = ' ';
		memcpy(buf + STAMP_TIME_LEN + 1, name, nlen + 1);
	}
	return len;
}

char *
stamp_text(const struct stamp *s)
{
	char small[128], *text;
	size_t len = stamp_format(s, small, sizeof small);

	if (!stamp_is(s))
		return NULL;
	if (len < sizeof small)
		return xstrdup(small);
	text = xmalloc(len + 1);
	stamp_format(s, text, len + 1);
	return text;
}

uint32_t
stamp_parts(const struct stamp *s, const char **name)
{
	*name = name_of(stamp_number(s));
	return stamp_whole(s) ? 0 : (uint32_t)s->part[0] | (uint32_t)s->part[1] << 16;
}

void
stamp_make(struct stamp *s, uint32_t seconds, const char *name, int whole)
{
	uint32_t n = number_of(name, strlen(name));

	memset(s, 0, sizeof *s);
	if (!whole && n < STAMP_WHOLE) {
		put32(s, seconds);
		s->part[2] = (uint16_t)n;
		return;
	}
	if (!whole) {	/* past the names WHO holds: kept whole */
		char at[STAMP_TIME_LEN + 1], *full;

		put_time(seconds, at);
		at[STAMP_TIME_LEN] = '\0';
		full = xasprintf("%s %s", at, name);
		n = number_of(full, strlen(full));
		free(full);
	}
	put32(s, n);
	s->part[2] = STAMP_WHOLE;
}

int
stamp_same(const struct stamp *s, const char *text)
{
	char *mine = stamp_text(s);
	int same = (mine == NULL && text == NULL) ||
	    (mine != NULL && text != NULL && strcmp(mine, text) == 0);

	free(mine);
	return same;
}
