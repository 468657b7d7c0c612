/* cli_util.c - what the command files share (see cli_util.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/cli_util.h"
#include "base/buf.h"
#include "base/text.h"

int
usage_error(const char *fmt, const char *arg)
{
	struct buf b = BUF_INIT;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	buf_printf(&b, fmt, arg);
#pragma GCC diagnostic pop
	text_say(stderr, "yjinspect: %s", buf_str(&b));
	fputs("Try 'yjinspect --help'.\n", stderr);
	buf_free(&b);
	return 2;
}

void
warn_left_out(const struct inspection *in)
{
	for (size_t i = 0; i < in->nleft_out; i++)
		fprintf(stderr, "yjinspect: warning: %s (left out)\n", in->left_out[i].why);
}

/* The case file left out of IN that REF names by its file name (with or
 * without .ini), or -1 */
static int
left_out_named(const struct inspection *in, const char *ref)
{
	size_t len = strlen(ref);

	for (size_t i = 0; i < in->nleft_out; i++) {
		const char *n = in->left_out[i].name;

		if (strcmp(n, ref) == 0 || (strncmp(n, ref, len) == 0 && strcmp(n + len, ".ini") == 0))
			return (int)i;
	}
	return -1;
}

int
find_case(const struct inspection *in, const char *ref)
{
	int lo;

	for (size_t i = 0; i < in->ncases; i++) {
		const char *n = in->cases[i].name;
		size_t len = strlen(ref);

		if ((in->cases[i].reference && strcmp(in->cases[i].reference, ref) == 0) ||
		    strcmp(n, ref) == 0 || (strncmp(n, ref, len) == 0 && strcmp(n + len, ".ini") == 0))
			return (int)i;
	}
	if ((lo = left_out_named(in, ref)) >= 0)
		text_say(stderr, "yjinspect: %s (this case file cannot be read: put it right, "
		    "see 'yjinspect check')", in->left_out[lo].why);
	else if (in->nleft_out > 0)
		text_say(stderr, "yjinspect: %s: no case '%s' (by reference or file name) among the "
		    "cases that can be read: %zu case file%s cannot be read and may hold it (see "
		    "'yjinspect check')", in->dir, ref, in->nleft_out, in->nleft_out == 1 ? "" : "s");
	else
		text_say(stderr, "yjinspect: %s: no case '%s' (by reference or file name)", in->dir,
		    ref);
	return -1;
}
