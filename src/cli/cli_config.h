/* cli_config.h - `yjinspect config`: the inspector's own settings
 * (settings.h) shown and changed. Private to the command line. */
#ifndef YJ_CLI_CONFIG_H
#define YJ_CLI_CONFIG_H

/* yjinspect config [name|initials VALUE|--unset] */
int cli_config(int argc, char **argv);

/* The warning user_name gives when the settings file cannot be read,
 * printed "yjinspect: warning: ..." (user_set_warn). */
void cli_config_warn(const char *msg);

#endif
