/* cli_team.h - the commands of a team working apart (yjinspect(1)): a
 * folder made a git repository with yjinspect's merge driver, and that
 * driver; folders gathered without git. Private to the command line: rows
 * of the table in cli.c that open no folder (git and gather.h read them). */
#ifndef YJ_CLI_TEAM_H
#define YJ_CLI_TEAM_H

#include "cli/cli_open.h"

/* yjinspect team init DIR [--share URL], team join URL DIR */
int cli_team(struct cli_args *a, struct inspection *in);
/* yjinspect merge DEST SRC... */
int cli_merge(struct cli_args *a, struct inspection *in);
/* yjinspect merge-file BASE OURS THEIRS [NAME] (git's %O %A %B %P) */
int cli_merge_file(struct cli_args *a, struct inspection *in);

#endif
