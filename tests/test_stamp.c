/*
 * test_stamp.c - an answer's stamp in six bytes comes back as the text
 * it was made from, byte for byte: the times yjinspect writes, every
 * day of leap and common years, names of any kind, and stamps in other
 * forms (edited by hand) kept whole; the same text gives the same stamp,
 * in any number of threads at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/stamp.h"
#include "base/xalloc.h"

static void
round_trip(const char *text, int whole)
{
	struct stamp s;
	char *back;

	stamp_set(&s, text);
	assert_true(stamp_is(&s));
	back = stamp_text(&s);
	assert_string_equal(back, text);
	assert_true(stamp_same(&s, text));
	assert_int_equal(stamp_whole(&s), whole);
	free(back);
}

static void
test_forms(void **state)
{
	struct stamp s, t;

	(void)state;
	round_trip("2020-10-19T09:05:53Z Daniel Okafor", 0);
	round_trip("2000-01-01T00:00:00Z A", 0);
	round_trip("2135-12-31T23:59:59Z Last", 0);
	round_trip("2024-02-29T12:00:00Z Leap", 0);
	round_trip("2026-12-03T17:14:00Z ", 0);	/* no name given */
	round_trip("2020-10-19T09:05:53Z Siobhan O\xe2\x80\x99Neill and co", 0);
	/* other forms: whole */
	round_trip("2100-02-29T12:00:00Z not a day", 1);
	round_trip("1999-12-31T23:59:59Z too early", 1);
	round_trip("2136-01-01T00:00:00Z too late", 1);
	round_trip("2020-10-19T09:05:53Z", 1);	/* no space, no name */
	round_trip("2020-10-19 09:05:53Z Bo", 1);
	round_trip("2020-10-19T24:00:00Z Bo", 1);
	round_trip("2020-13-01T00:00:00Z Bo", 1);
	round_trip("yesterday, Bo", 1);
	round_trip("", 1);
	/* none */
	stamp_set(&s, NULL);
	assert_false(stamp_is(&s));
	assert_null(stamp_text(&s));
	assert_true(stamp_same(&s, NULL));
	assert_false(stamp_same(&s, "2020-10-19T09:05:53Z A"));
	/* the same text, the same stamp; another, another */
	stamp_set(&s, "2020-10-19T09:05:53Z Ann");
	stamp_set(&t, "2020-10-19T09:05:53Z Ann");
	assert_memory_equal(&s, &t, sizeof s);
	stamp_set(&t, "2020-10-19T09:05:53Z Anne");
	assert_true(stamp_number(&s) != stamp_number(&t));
	assert_false(stamp_same(&s, "2020-10-19T09:05:53Z Anne"));
}

/* every day from 2000 to 2135, at a second chosen from the day */
static void
test_every_day(void **state)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	struct stamp s, prev = { { 0, 0, 0 } };
	uint32_t when, prev_when = 0;
	char text[64], *back;

	(void)state;
	for (int y = 2000; y <= 2135; y++)
		for (int m = 1; m <= 12; m++) {
			int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

			for (int d = 1; d <= mdays[m - 1] + (m == 2 && leap); d++) {
				snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ Day", y, m, d,
				    (d * 7) % 24, (d * 13) % 60, (m * 11 + d) % 60);
				stamp_set(&s, text);
				back = stamp_text(&s);
				assert_string_equal(back, text);
				free(back);
				assert_false(stamp_whole(&s));
				when = (uint32_t)s.part[0] | (uint32_t)s.part[1] << 16;
				assert_true(!stamp_is(&prev) || when > prev_when);	/* in order */
				prev = s;
				prev_when = when;
			}
		}
}

static void *
many(void *arg)
{
	char text[64], *back;
	struct stamp s;

	for (int i = 0; i < 2000; i++) {
		snprintf(text, sizeof text, "2020-10-19T09:05:%02dZ Name %d", i % 60,
		    (i + *(int *)arg) % 300);
		stamp_set(&s, text);
		back = stamp_text(&s);
		if (strcmp(back, text) != 0)
			abort();
		free(back);
	}
	return NULL;
}

static void
test_threads(void **state)
{
	pthread_t th[4];
	int arg[4] = { 0, 75, 150, 225 };
	struct stamp a, b;

	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, many, &arg[i]), 0);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	/* each name once in the table: the same number from any thread */
	stamp_set(&a, "2020-10-19T09:05:00Z Name 7");
	stamp_set(&b, "2021-01-01T00:00:00Z Name 7");
	assert_int_equal(stamp_number(&a), stamp_number(&b));
}

/* past 65,534 names (the most WHO holds) a stamp is kept whole, and
 * still comes back the same */
static void
test_many_names(void **state)
{
	char text[64], *back;
	struct stamp s;

	(void)state;
	for (int i = 0; i < 70000; i++) {
		snprintf(text, sizeof text, "2020-10-19T09:05:00Z Inspector %d", i);
		stamp_set(&s, text);
		back = stamp_text(&s);
		assert_string_equal(back, text);
		free(back);
	}
	assert_true(stamp_whole(&s));
	stamp_set(&s, "2020-10-19T09:05:00Z Inspector 3");	/* an early name: not whole */
	assert_false(stamp_whole(&s));
}

/* stamp_now gives the time gmtime gives, to the second (taken around it,
 * so one of the two), with milliseconds if asked; a buffer too small: "" */
static void
test_now(void **state)
{
	char got[32], ms[32], want[2][32], tiny[20];
	struct timespec b, a;	/* (the clock stamp_now reads, not time()'s) */
	time_t before, after;
	struct tm tm;

	(void)state;
	clock_gettime(CLOCK_REALTIME, &b);
	assert_int_equal(stamp_now(got, sizeof got, 0), STAMP_TIME_LEN);
	assert_int_equal(stamp_now(ms, sizeof ms, 1), STAMP_TIME_LEN + 4);
	clock_gettime(CLOCK_REALTIME, &a);
	before = b.tv_sec;
	after = a.tv_sec;
	gmtime_r(&before, &tm);
	strftime(want[0], sizeof want[0], "%Y-%m-%dT%H:%M:%SZ", &tm);
	gmtime_r(&after, &tm);
	strftime(want[1], sizeof want[1], "%Y-%m-%dT%H:%M:%SZ", &tm);
	assert_true(strcmp(got, want[0]) == 0 || strcmp(got, want[1]) == 0);
	assert_int_equal(strlen(ms), 24);
	assert_true(strncmp(ms, want[0], 19) == 0 || strncmp(ms, want[1], 19) == 0);
	assert_true(ms[19] == '.' && ms[20] >= '0' && ms[20] <= '9' && ms[21] >= '0' &&
	    ms[21] <= '9' && ms[22] >= '0' && ms[22] <= '9' && ms[23] == 'Z');
	assert_int_equal(stamp_now(tiny, sizeof tiny, 0), 0);
	assert_string_equal(tiny, "");
	assert_int_equal(stamp_now(got, STAMP_TIME_LEN + 1, 1), 0);
	assert_string_equal(got, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_every_day),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_many_names),
		cmocka_unit_test(test_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
