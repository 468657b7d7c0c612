/* cli_change.h - the commands that change (or read) one thing in an
 * inspection: judge, findings, decide, restore, answer (yjinspect(1)).
 * Private to the command line: the rows of the table in cli.c, each a
 * check of its arguments (naming DIR; usage errors printed, 2) and a run
 * on the folder the row opened (CLI_FOLDER: case files that cannot be
 * read left out; a command refuses the case itself, find_case, and a
 * panel decision is refused while any case is left out, as its rating
 * would be of the rest, decide_record). */
#ifndef YJ_CLI_CHANGE_H
#define YJ_CLI_CHANGE_H

#include "base/buf.h"
#include "cli/cli_open.h"

/* yjinspect judge DIR STANDARD RATING */
int cli_judge_args(struct cli_args *a);
int cli_judge(struct cli_args *a, struct inspection *in);

/* yjinspect findings DIR STANDARD [--strength TEXT]... [--improvement
 * TEXT]... [--clear] (opts: a struct cli_findings_opts, its buffers
 * freed by cli_findings_free) */
struct cli_findings_opts {
	struct buf str, imp;		/* the points given, a line each */
	int clear, given_str, given_imp;
	const char *std;		/* STANDARD */
};
int cli_findings_args(struct cli_args *a);
int cli_findings(struct cli_args *a, struct inspection *in);
void cli_findings_free(void *opts);

/* yjinspect decide DIR STANDARD --to RATING --why TEXT [--kq ID] [--by
 * NAME], or --remove (opts: a struct cli_decide_opts) */
struct cli_decide_opts {
	const char *to, *why, *kq, *by, *std;
	int remove;
};
int cli_decide_args(struct cli_args *a);
int cli_decide(struct cli_args *a, struct inspection *in);

/* yjinspect restore DIR CASE --at TIME (opts: a struct cli_restore_opts) */
struct cli_restore_opts {
	const char *at, *ref;		/* TIME, CASE */
};
int cli_restore_args(struct cli_args *a);
int cli_restore(struct cli_args *a, struct inspection *in);

/* yjinspect answer DIR CASE [--new] ID=VALUE... (opts: a struct
 * cli_answer_opts) */
struct cli_answer_opts {
	int make;			/* --new: add the case */
	int first;			/* the index of the first ID=VALUE */
};
int cli_answer_args(struct cli_args *a);
int cli_answer(struct cli_args *a, struct inspection *in);

#endif
