/* cli_read.h - the commands that read an inspection: check, summary,
 * export, history (yjinspect(1)). Private to the command line: the rows
 * of the table in cli.c, each a check of its arguments (naming the
 * folders; usage errors printed, 2) and a run on what the row opened. */
#ifndef YJ_CLI_READ_H
#define YJ_CLI_READ_H

#include "cli/cli_open.h"

/* yjinspect check DIR...: every problem of the folders read as one
 * (CLI_PROBLEMS) */
int cli_check_args(struct cli_args *a);
int cli_check(struct cli_args *a, struct inspection *in);
/* yjinspect summary DIR... [--format text|tsv|md] [--prompts] [--width N]
 * [--no-cache] (opts: a struct report_opts) */
int cli_summary_args(struct cli_args *a);
int cli_summary(struct cli_args *a, struct inspection *in);
/* yjinspect export DIR... --format html|md|csv [-o FILE] [--table
 * answers|ratings] [--for panel [--since TIME]] [--no-cache] (opts: a
 * struct cli_export_opts) */
enum export_table { TABLE_NONE, TABLE_ANSWERS, TABLE_RATINGS };
struct cli_export_opts {
	const char *format, *output;	/* --format, -o (NULL: stdout) */
	enum export_table table;	/* --table */
	int to_dir;			/* OUTPUT is a folder */
	int for_panel;			/* --for panel: the panel pack (panel.h) */
	const char *since;		/* --since (NULL: when the panel opened) */
};
int cli_export_args(struct cli_args *a);
int cli_export(struct cli_args *a, struct inspection *in);
/* yjinspect history DIR CASE */
int cli_history_args(struct cli_args *a);
int cli_history(struct cli_args *a, struct inspection *in);

#endif
