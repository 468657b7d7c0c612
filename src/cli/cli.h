/* cli.h - the command line: `yjinspect COMMAND ...` over the core. */
#ifndef YJ_CLI_H
#define YJ_CLI_H

/* Run the command in ARGV; returns the exit status (0 fine, 1 problems or
 * failure, 2 usage). */
int cli_main(int argc, char **argv);

#endif
