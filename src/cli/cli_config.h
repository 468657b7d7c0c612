/* cli_config.h - `yjinspect config`: the inspector's own settings
 * (settings.h) shown and changed. Private to the command line. */
#ifndef YJ_CLI_CONFIG_H
#define YJ_CLI_CONFIG_H

#include "cli/cli_open.h"

/* yjinspect config [name|initials VALUE|--unset]: a row of the table in
 * cli.c that opens no folder */
int cli_config(struct cli_args *a, struct inspection *in);

/* The warning user_name gives when the settings file cannot be read,
 * printed "yjinspect: warning: ..." (user_set_warn). */
void cli_config_warn(const char *msg);

#endif
