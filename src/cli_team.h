/* cli_team.h - the commands of a team working apart (yjinspect(1)):
 * answering from the command line, a folder made a git repository with
 * yjinspect's merge driver, and that driver. Private to the command line:
 * the helpers below are cli.c's, shared with this file. */
#ifndef YJ_CLI_TEAM_H
#define YJ_CLI_TEAM_H

#include "insp.h"

/* yjinspect answer DIR CASE [--new] ID=VALUE... */
int cli_answer(int argc, char **argv);
/* yjinspect team init DIR */
int cli_team(int argc, char **argv);
/* yjinspect merge DEST SRC... */
int cli_merge(int argc, char **argv);
/* yjinspect merge-file BASE OURS THEIRS [NAME] (git's %O %A %B %P) */
int cli_merge_file(int argc, char **argv);

/* cli.c's: "yjinspect: MESSAGE" and a pointer to --help; returns 2 */
int usage_error(const char *fmt, const char *arg) __attribute__((format(printf, 1, 0)));
/* cli.c's: open DIR for a command that changes it (errors printed: -1) */
int open_for_change(struct inspection *in, const char *dir);
/* cli.c's: the case REF names (reference or file name), or -1 (printed) */
int find_case(const struct inspection *in, const char *ref);

#endif
