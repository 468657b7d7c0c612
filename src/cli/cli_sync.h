/* cli_sync.h - yjinspect sync: a team's folders brought together through
 * git with no git skills (yjinspect(1), WORKING AS A TEAM). Private to the
 * command line: the engine is sync.h; this prints its report. */
#ifndef YJ_CLI_SYNC_H
#define YJ_CLI_SYNC_H

struct sync_report;

/* yjinspect sync DIR [--bundle FILE] */
int cli_sync(int argc, char **argv);

/* R's messages on stderr, each "yjinspect: MESSAGE" through text_clean */
void cli_sync_say(const struct sync_report *r);

#endif
