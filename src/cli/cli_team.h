/* cli_team.h - the commands of a team working apart (yjinspect(1)):
 * answering from the command line, a folder made a git repository with
 * yjinspect's merge driver, and that driver. Private to the command line:
 * the helpers below are cli.c's, shared with this file. */
#ifndef YJ_CLI_TEAM_H
#define YJ_CLI_TEAM_H

#include "model/insp.h"

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
/* cli.c's: open DIR for a command that changes or reads one thing in it
 * (answer, history, restore, judge, findings, decide; errors printed: -1).
 * A case file that cannot be read does not refuse the folder: it is left
 * out (insp.h), as the terminal UI leaves it, and the command goes on
 * with the rest, unless what it changes needs that case: answer, history
 * and restore refuse the case itself (find_case), and a panel decision
 * is refused while any case is left out, as its rating would be of the
 * rest (decide_record). Any other error (in inspection.ini, one case in
 * two files) refuses the folder. */
int open_for_change(struct inspection *in, const char *dir);
/* cli.c's: each case file left out of IN on a line of its own on stderr,
 * "yjinspect: warning: FILE: PROBLEM (left out)", once the command knows
 * it will go on without it */
void warn_left_out(const struct inspection *in);
/* cli.c's: the case REF names (reference or file name), or -1 (printed;
 * a case file left out that REF names: its error) */
int find_case(const struct inspection *in, const char *ref);

#endif
