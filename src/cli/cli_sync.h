/* cli_sync.h - yjinspect sync: a team's folders brought together through
 * git with no git skills (yjinspect(1), WORKING AS A TEAM). Private to the
 * command line: the engine is sync.h; this prints its report. */
#ifndef YJ_CLI_SYNC_H
#define YJ_CLI_SYNC_H

#include "cli/cli_open.h"

struct sync_report;

/* yjinspect sync DIR [--bundle FILE]: a row of the table in cli.c that
 * opens no folder (the engine reads it: DIR need only hold inspection.ini) */
int cli_sync(struct cli_args *a, struct inspection *in);

/* R's messages on stderr, each "yjinspect: MESSAGE" through text_clean */
void cli_sync_say(const struct sync_report *r);

#endif
