/* cli.c - the command line (see cli.h and yjinspect(1)): the help, the
 * table of commands and the dispatcher that opens each command's folders
 * as its row says (cli_open.h). Thin: each command, in the file of its
 * group, prints what the core says. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/cli_change.h"
#include "cli/cli_config.h"
#include "cli/cli_new.h"
#include "cli/cli_open.h"
#include "cli/cli_read.h"
#include "cli/cli_sync.h"
#include "cli/cli_team.h"
#include "cli/cli_util.h"
#include "base/buf.h"
#include "base/paths.h"
#include "base/problems.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "out/report.h"
#include "store/user.h"
#include "tui/tui.h"

static const char usage_text[] =
"Usage: yjinspect DIR | --demo | COMMAND [OPTION]... [DIR]\n"
"Rate youth justice inspections (HM Inspectorate of Probation method).\n"
"\n"
"  DIR                   open the inspection in DIR in the terminal UI: walk\n"
"                        each case through every standard, with live ratings\n"
"                        (q or Esc: back one level, q on the case list quits,\n"
"                        in panel mode on the ratings page; Q quits, asking\n"
"                        first below the top; P: panel mode; 'yjinspect\n"
"                        keys' lists every key)\n"
"  --demo                open a fresh copy of the bundled demo inspection\n"
"\n"
"Commands:\n"
"  panel DIR             open DIR in the terminal UI in panel mode, on the\n"
"                        ratings page: every case read-only (U unlocks one\n"
"                        change, journaled with who and why; P leaves it)\n"
"  new DIR --framework ID --service NAME [--lead NAME]\n"
"          [--fieldwork START END]\n"
"                        create an empty inspection in DIR (fieldwork\n"
"                        dates YYYY-MM-DD)\n"
"  demo DIR              copy the bundled demo inspection to DIR\n"
"  frameworks            list the framework editions installed\n"
"  check DIR...          list every problem in every file of DIR\n"
"                        (exit 1 if there is any); several folders are read\n"
"                        as one (a case in two: once, its differences in\n"
"                        conflict), as by summary and export\n"
"  summary DIR... [--format text|tsv|md] [--prompts] [--width N] [--no-cache]\n"
"                        the ratings: each key question's relevant cases,\n"
"                        'Yes', %% and band, each standard's rating, the score\n"
"                        and the overall rating\n"
"  export DIR... --format html|md|csv [-o FILE] [--table answers|ratings]\n"
"          [--for panel [--since TIME]] [--no-cache]\n"
"                        the report's tables: ratings, each standard's key\n"
"                        question and prompt tables, charts and panel notes\n"
"                        (html: one printable file; md); csv: answers.csv (a\n"
"                        row per case and question) or ratings.csv; -o FOLDER\n"
"                        writes both. Several folders export as one\n"
"                        (summary and export take the case files unchanged\n"
"                        since the folder's cache was made from it, as the\n"
"                        terminal UI does; --no-cache: read every file, as\n"
"                        check always does). --for panel: the panel pack,\n"
"                        the decisions made, replaced and withdrawn in the\n"
"                        meeting and every change during it with what it\n"
"                        moved, since the meeting began (panel mode entered\n"
"                        in the terminal UI) or --since TIME\n"
"                        (2026-12-03T11:48, 2026-12-03T11:48:05Z)\n"
"  judge DIR STANDARD RATING\n"
"                        record the lead inspector's judgement on a\n"
"                        judgement-rated standard (inadequate,\n"
"                        requires-improvement, good, outstanding, not-rated;\n"
"                        none clears it)\n"
"  decide DIR STANDARD --to RATING --why TEXT [--kq ID] [--by NAME]\n"
"  decide DIR STANDARD --remove\n"
"                        record (or remove) a ratings panel decision moving a\n"
"                        case-rated standard from the rating its evidence\n"
"                        gives now (of every case: none is recorded while a\n"
"                        case file cannot be read)\n"
"  findings DIR STANDARD [--strength TEXT]... [--improvement TEXT]... [--clear]\n"
"                        show or record a standard's strengths and areas for\n"
"                        improvement (each option a point; the points given\n"
"                        replace that list), as export prints them\n"
"  history DIR CASE      list every change to a case (by its reference or\n"
"                        file name) from its journal: when, who, key, old\n"
"                        and new value\n"
"  restore DIR CASE --at TIME\n"
"                        rebuild a case as it was at TIME (ISO, UTC, or its\n"
"                        start: 2026-12-03T11:48) from its journal: saved\n"
"                        as a new change, itself in the journal\n"
"  answer DIR CASE [--new] ID=VALUE...\n"
"                        answer a case from the command line: a question\n"
"                        (2.1.1=yes, no, na or none), a fact (disposal=yro)\n"
"                        or a note (note.2.1.1=TEXT), each saved at once;\n"
"                        --new adds the case (CASE its reference)\n"
"                        (answer, history, restore, judge, findings and\n"
"                        decide go on without a case file that cannot be\n"
"                        read, warning of it, but refuse that case itself)\n"
"  team init DIR [--share URL]\n"
"                        make DIR a git repository for a team, with\n"
"                        yjinspect's merge driver; --share: put it in URL (a\n"
"                        folder on a shared drive, made a bare repository, or\n"
"                        a git URL) and sync it there (the lead, once)\n"
"  team join URL DIR     the team's inspection cloned into DIR, ready to sync\n"
"                        (each inspector, once)\n"
"  sync DIR [--bundle FILE]\n"
"                        bring the team's work together through git: commit\n"
"                        yours, fetch, merge key by key, push; say what came\n"
"                        in, went out and every conflict to settle (--bundle:\n"
"                        through a file on a USB stick instead; in the\n"
"                        terminal UI: = on the case list or ratings page)\n"
"  merge DEST SRC...     gather folders into DEST without git: files DEST\n"
"                        lacks taken, differing ones merged key by key, each\n"
"                        conflict kept and listed (exit 1 if any)\n"
"  merge-file BASE OURS THEIRS [NAME]\n"
"                        git's merge driver (%%O %%A %%B %%P): a three-way\n"
"                        merge of one file key by key into OURS, conflicts\n"
"                        kept in it; exit 2 when it cannot merge\n"
"  config [name|initials VALUE|--unset]\n"
"                        show your settings (your name, initials, the file\n"
"                        they are in, where the name in force comes from),\n"
"                        or set or remove one: your name is stamped on your\n"
"                        answers, new cases and decisions\n"
"  keys                  list the terminal UI's keys\n"
"\n"
"Options:\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Environment: YJINSPECT_INSPECTOR (your name on answers and on your place\n"
"in a folder; overrides the settings file's, which overrides your login's),\n"
"XDG_CONFIG_HOME (the settings file is in its yjinspect/config.ini, default\n"
"~/.config/yjinspect/config.ini), YJINSPECT_FORMS (framework files,\n"
"default %s),\n"
"YJINSPECT_DEMO (demo inspection, default %s),\n"
"YJINSPECT_THREADS (threads that read case files, 1-64; default: the CPUs,\n"
"at most 8, and one for every 32 cases).\n"
"See yjinspect(1), yjinspect-forms(5) and yjinspect-inspection(5).\n";

static void
usage(FILE *out)
{
	struct buf forms = BUF_INIT, demo = BUF_INIT;	/* (from the environment) */

	text_clean(&forms, paths_forms_dir(), 0);
	text_clean(&demo, paths_demo_dir(), 0);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(out, usage_text, buf_str(&forms), buf_str(&demo));
#pragma GCC diagnostic pop
	buf_free(&forms);
	buf_free(&demo);
}

/* The commands, a row each, run by dispatch below:
 *   NAME       the command's word;
 *   NEEDS      what is opened before it runs (cli_open.h): CLI_FOLDER one
 *              folder to change, CLI_FOLDERS folders read as one (with
 *              CLI_CACHE: from their caches unless --no-cache), CLI_PROBLEMS
 *              folders whose problems are its output; 0 none;
 *   OPTS_SIZE  the size of its own options (A->opts, zeroed), OPTS_FREE
 *              what frees what they hold, if anything;
 *   ARGS       checks its words and names the folders (usage errors
 *              printed, 2); NULL only when NEEDS is 0;
 *   RUN        does it, on what was opened (closed after it).
 * The next command is one row here and one file: its group's (or a new
 * one with its header, in Makefile.am) holding its ARGS and RUN, which
 * never open a folder themselves; its lines in --help's text above. */
static const struct cli_command {
	const char *name;
	unsigned needs;
	size_t opts_size;
	int (*args)(struct cli_args *a);
	int (*run)(struct cli_args *a, struct inspection *in);
	void (*opts_free)(void *opts);
} commands[] = {
	{ "new", 0, 0, NULL, cli_new, NULL },
	{ "demo", 0, 0, NULL, cli_demo, NULL },
	{ "frameworks", 0, 0, NULL, cli_frameworks, NULL },
	{ "check", CLI_PROBLEMS, 0, cli_check_args, cli_check, NULL },
	{ "summary", CLI_FOLDERS | CLI_CACHE, sizeof(struct report_opts), cli_summary_args,
	    cli_summary, NULL },
	{ "export", CLI_FOLDERS | CLI_CACHE, sizeof(struct cli_export_opts), cli_export_args,
	    cli_export, NULL },
	{ "judge", CLI_FOLDER, 0, cli_judge_args, cli_judge, NULL },
	{ "decide", CLI_FOLDER, sizeof(struct cli_decide_opts), cli_decide_args, cli_decide,
	    NULL },
	{ "findings", CLI_FOLDER, sizeof(struct cli_findings_opts), cli_findings_args,
	    cli_findings, cli_findings_free },
	{ "keys", 0, 0, NULL, cli_keys, NULL },
	{ "panel", 0, 0, NULL, cli_panel, NULL },
	{ "history", CLI_FOLDER, 0, cli_history_args, cli_history, NULL },
	{ "restore", CLI_FOLDER, sizeof(struct cli_restore_opts), cli_restore_args, cli_restore,
	    NULL },
	{ "answer", CLI_FOLDER, sizeof(struct cli_answer_opts), cli_answer_args, cli_answer,
	    NULL },
	{ "team", 0, 0, NULL, cli_team, NULL },
	{ "sync", 0, 0, NULL, cli_sync, NULL },
	{ "merge-file", 0, 0, NULL, cli_merge_file, NULL },
	{ "merge", 0, 0, NULL, cli_merge, NULL },
	{ "config", 0, 0, NULL, cli_config, NULL },
};

/* Run command C on its words ARGV[0..ARGC-1] (ARGV[0] its name): its
 * arguments checked, its folders opened as its row says, then it runs;
 * its exit status (1 when a folder is refused) */
static int
dispatch(const struct cli_command *c, int argc, char **argv)
{
	struct cli_args a = { .argc = argc, .argv = argv, .problems = PROBLEMS_INIT };
	struct inspection in, *inp = NULL;
	int rc = 0;

	a.opts = c->opts_size ? xcalloc(1, c->opts_size) : NULL;
	optind = 1;
	if (c->args)
		rc = c->args(&a);
	if (rc == 0 && cli_open(&a, c->needs, &in, &inp) < 0)
		rc = 1;
	else if (rc == 0)
		rc = c->run(&a, inp);
	if (inp)
		insp_close(inp);
	if (c->opts_free)
		c->opts_free(a.opts);
	free(a.opts);
	problems_free(&a.problems);
	return rc;
}

int
cli_main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "no command given");
	user_set_warn(cli_config_warn);	/* a settings file that cannot be read */
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return ferror(stdout) ? 1 : 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("yjinspect %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			for (int j = 2; j < argc; j++)
				if (strcmp(argv[j], "--help") == 0 || strcmp(argv[j], "-h") == 0) {
					usage(stdout);
					return 0;
				}
			return dispatch(&commands[i], argc - 1, argv + 1);
		}
	if (strcmp(argv[1], "--demo") == 0 && argc == 2)
		return cli_demo_open();
	if (argc == 2 && argv[1][0] != '-') {
		struct stat st;

		if (stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode))
			return tui_run(argv[1], 0);
	}
	return usage_error("unknown command '%s' (nor an inspection folder)", argv[1]);
}
