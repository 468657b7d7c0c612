/* cli_util.h - what the command files share: the usage error, a case
 * named on the command line, the case files left out. Private to the
 * command line. */
#ifndef YJ_CLI_UTIL_H
#define YJ_CLI_UTIL_H

#include "model/insp.h"

/* "yjinspect: MESSAGE" (FMT with ARG) and a pointer to --help on stderr;
 * returns 2, the exit status of a usage error */
int usage_error(const char *fmt, const char *arg) __attribute__((format(printf, 1, 0)));
/* Each case file left out of IN on a line of its own on stderr,
 * "yjinspect: warning: FILE: PROBLEM (left out)", once the command knows
 * it will go on without it */
void warn_left_out(const struct inspection *in);
/* The case of IN that REF names: its reference, or its file name (with or
 * without .ini); -1 with the message printed (a file left out that REF
 * names: its error; none named, the files left out that may hold it) */
int find_case(const struct inspection *in, const char *ref);

#endif
