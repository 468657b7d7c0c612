/* cli_new.h - the commands that begin: a new inspection, a copy of the
 * demo (and --demo, opened in the terminal UI), the frameworks installed,
 * the terminal UI's keys, the terminal UI in panel mode (yjinspect(1)). Private to the command line: the
 * rows of the table in cli.c, none of them opening a folder. */
#ifndef YJ_CLI_NEW_H
#define YJ_CLI_NEW_H

#include "cli/cli_open.h"

/* yjinspect new DIR --framework ID --service NAME [--lead NAME]
 * [--fieldwork START END] */
int cli_new(struct cli_args *a, struct inspection *in);
/* yjinspect demo DIR */
int cli_demo(struct cli_args *a, struct inspection *in);
/* yjinspect frameworks */
int cli_frameworks(struct cli_args *a, struct inspection *in);
/* yjinspect keys */
int cli_keys(struct cli_args *a, struct inspection *in);
/* yjinspect panel DIR: the terminal UI in panel mode, on the ratings page
 * (the folder opened by it, as for yjinspect DIR) */
int cli_panel(struct cli_args *a, struct inspection *in);

/* yjinspect --demo: a fresh copy of the demo in a new private directory
 * (under TMPDIR), opened in the terminal UI; its exit status */
int cli_demo_open(void);

#endif
