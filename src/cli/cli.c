/* cli.c - the command line (see cli.h and yjinspect(1)). Thin: every
 * command opens an inspection through the core and prints what it says. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "cli/cli_sync.h"
#include "cli/cli_config.h"
#include "cli/cli_team.h"
#include "out/csv.h"
#include "model/decide.h"
#include "out/doc.h"
#include "model/edit.h"
#include "model/insp.h"
#include "team/join.h"
#include "store/journal.h"
#include "base/paths.h"
#include "base/problems.h"
#include "model/rate.h"
#include "out/report.h"
#include "store/save.h"
#include "base/text.h"
#include "tui/tui.h"
#include "tui/tui_keys.h"
#include "store/user.h"
#include "base/xalloc.h"

#include <sys/stat.h>

static const char usage_text[] =
"Usage: yjinspect DIR | --demo | COMMAND [OPTION]... [DIR]\n"
"Rate youth justice inspections (HM Inspectorate of Probation method).\n"
"\n"
"  DIR                   open the inspection in DIR in the terminal UI: walk\n"
"                        each case through every standard, with live ratings\n"
"  --demo                open a fresh copy of the bundled demo inspection\n"
"\n"
"Commands:\n"
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
"          [--no-cache]\n"
"                        the report's tables: ratings, each standard's key\n"
"                        question and prompt tables, charts and panel notes\n"
"                        (html: one printable file; md); csv: answers.csv (a\n"
"                        row per case and question) or ratings.csv; -o FOLDER\n"
"                        writes both. Several folders export as one\n"
"                        (summary and export take the case files unchanged\n"
"                        since the folder's cache was made from it, as the\n"
"                        terminal UI does; --no-cache: read every file, as\n"
"                        check always does)\n"
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

int
usage_error(const char *fmt, const char *arg)
{
	struct buf b = BUF_INIT;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	buf_printf(&b, fmt, arg);
#pragma GCC diagnostic pop
	text_say(stderr, "yjinspect: %s", buf_str(&b));
	fputs("Try 'yjinspect --help'.\n", stderr);
	buf_free(&b);
	return 2;
}

/* Print the first error of P on one line, with a count of the rest. */
static void
print_first_error(const struct problems *p)
{
	size_t more = p->nerrors - 1;

	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].level != PROBLEM_ERROR)
			continue;
		if (more)
			text_say(stderr, "yjinspect: %s (and %zu more: see 'yjinspect check')",
			    p->v[i].msg, more);
		else
			text_say(stderr, "yjinspect: %s", p->v[i].msg);
		return;
	}
}

/* Open the inspection in DIRS[0..N-1] (several: as one, join.h; CACHED:
 * unchanged case files from each folder's cache, cache.h) for a command
 * that refuses one with errors: the first is printed on one line and -1
 * returned. Several folders: the join's warnings are printed. */
static int
open_usable(struct inspection *in, const char *const *dirs, size_t n, int cached)
{
	struct problems p = PROBLEMS_INIT;

	if (join_open(in, dirs, n, paths_forms_dir(), cached, &p) < 0 || p.nerrors) {
		if (n == 1)
			print_first_error(&p);
		else	/* 'check' takes one folder: every error of the join here */
			for (size_t i = 0; i < p.n; i++)
				if (p.v[i].level == PROBLEM_ERROR)
					text_say(stderr, "yjinspect: %s", p.v[i].msg);
		if (p.nerrors && in->path)
			insp_close(in);
		problems_free(&p);
		return -1;
	}
	for (size_t i = 0; n > 1 && i < p.n; i++)
		text_say(stderr, "yjinspect: warning: %s", p.v[i].msg);
	problems_free(&p);
	for (size_t i = 0; i < n; i++) {	/* case files describe children */
		struct err e;

		if (insp_private_check(dirs[i], NULL, &e))
			text_say(stderr, "yjinspect: warning: %s", e.msg);
	}
	return 0;
}

/* ---- commands ---- */

static int
cmd_frameworks(int argc, char **argv)
{
	struct err e;
	char **ids;

	if (argc > 1)
		return usage_error("frameworks takes no arguments: '%s'", argv[1]);
	ids = form_list(paths_forms_dir(), &e);
	if (ids == NULL) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	for (size_t i = 0; ids[i]; i++) {
		struct form f;

		if (form_load_id(&f, paths_forms_dir(), ids[i], &e) < 0) {
			text_say(stdout, "%-12s (cannot be used: %s)", ids[i], e.msg);
			continue;
		}
		text_say(stdout, "%-12s %s", f.id, f.title);
		form_free(&f);
	}
	form_list_free(ids);
	return 0;
}

/* Take "--fieldwork START END" out of ARGV (getopt gives an option one
 * argument): 0, or 2 (the usage error printed) when it is incomplete. */
static int
take_fieldwork(int *argc, char **argv, const char **start, const char **end)
{
	int i, j;

	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--fieldwork") == 0)
			break;
	}
	if (i == *argc)
		return 0;
	if (i + 2 >= *argc || argv[i + 1][0] == '-' || argv[i + 2][0] == '-')
		return usage_error("%s", "new: --fieldwork needs START END (YYYY-MM-DD)");
	*start = argv[i + 1];
	*end = argv[i + 2];
	for (j = i; j + 3 <= *argc; j++)
		argv[j] = argv[j + 3];
	*argc -= 3;
	return 0;
}

static int
cmd_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "framework", required_argument, NULL, 'f' },
		{ "service", required_argument, NULL, 's' },
		{ "lead", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	const char *framework = NULL, *service = NULL, *lead = NULL;
	const char *fw_start = NULL, *fw_end = NULL;
	struct err e;
	int c;

	if (take_fieldwork(&argc, argv, &fw_start, &fw_end) != 0)
		return 2;
	while ((c = getopt_long(argc, argv, "f:s:l:", opts, NULL)) != -1) {
		switch (c) {
		case 'f': framework = optarg; break;
		case 's': service = optarg; break;
		case 'l': lead = optarg; break;
		default: return usage_error("%s", "new: bad option");
		}
	}
	if (optind != argc - 1)
		return usage_error("%s", "new needs one DIR");
	if (framework == NULL)
		return usage_error("%s", "new needs --framework ID (see 'yjinspect frameworks')");
	if (service == NULL)
		return usage_error("%s", "new needs --service NAME");
	if (insp_create(argv[optind], paths_forms_dir(), framework, service, lead,
	    fw_start, fw_end, &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	text_say(stdout, "Created an inspection of %s (framework %s) in %s", service, framework,
	    argv[optind]);
	return 0;
}

static int
cmd_demo(int argc, char **argv)
{
	struct err e;

	if (argc != 2)
		return usage_error("%s", "demo needs one DIR (a new or empty directory)");
	if (insp_copy(paths_demo_dir(), argv[1], &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	text_say(stdout, "Copied the demo inspection to %s", argv[1]);
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	size_t nwarn;
	int rc;

	if (argc < 2)
		return usage_error("%s", "check needs DIR (or several: as one)");
	if (join_open(&in, (const char *const *)argv + 1, (size_t)(argc - 1), paths_forms_dir(),
	    0, &p) == 0) {
		insp_check(&in, &p);
		insp_close(&in);
	}
	for (size_t i = 0; i < p.n; i++)
		text_say(stdout, "%s: %s", p.v[i].level == PROBLEM_ERROR ? "error" : "warning",
		    p.v[i].msg);
	nwarn = p.n - p.nerrors;
	printf("%zu error%s, %zu warning%s\n", p.nerrors, p.nerrors == 1 ? "" : "s",
	    nwarn, nwarn == 1 ? "" : "s");
	rc = p.n ? 1 : 0;
	problems_free(&p);
	return rc;
}

static int
cmd_summary(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "prompts", no_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'w' },
		{ "no-cache", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts ro = { REPORT_TEXT, 0, 80 };
	struct inspection in;
	struct rate r;
	char *end;
	int c, rc = 0, cached = 1;

	while ((c = getopt_long(argc, argv, "f:pw:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (report_format_parse(optarg, &ro.format) < 0)
				return usage_error("--format takes text, tsv or md, not '%s'", optarg);
			break;
		case 'p':
			ro.prompts = 1;
			break;
		case 'w':
			ro.width = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || ro.width < 60 || ro.width > 1000)
				return usage_error("--width takes a number from 60 to 1000, not '%s'", optarg);
			break;
		case 'n':
			cached = 0;
			break;
		default:
			return usage_error("%s", "summary: bad option");
		}
	}
	if (optind >= argc)
		return usage_error("%s", "summary needs DIR (or several: as one)");
	if (open_usable(&in, (const char *const *)argv + optind, (size_t)(argc - optind),
	    cached) < 0)
		return 1;
	rate_compute(&r, &in);
	if (report_write(stdout, &in, &r, &ro) < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "yjinspect: writing the summary: %s\n", strerror(errno));
		rc = 1;
	}
	rate_free(&r);
	insp_close(&in);
	return rc;
}

/* ---- export ---- */

enum export_table { TABLE_NONE, TABLE_ANSWERS, TABLE_RATINGS };

/* Write one export of IN to PATH (atomically: a failed export leaves no
 * half file and nothing over an older one) or, PATH NULL, to stdout. */
static int
export_one(const char *path, const struct inspection *in, const struct rate *r,
    const char *format, enum export_table table, const struct doc_opts *dopts)
{
	char *data = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&data, &len);
	struct err e;
	int rc = 0;

	if (mem == NULL) {
		fprintf(stderr, "yjinspect: export: %s\n", strerror(errno));
		return 1;
	}
	if (strcmp(format, "csv") == 0) {
		if (table == TABLE_ANSWERS)
			csv_answers(mem, in);
		else
			csv_ratings(mem, in, r);
	} else {
		struct doc_out o = { mem, 0, 0, 0 };

		doc_write(strcmp(format, "html") == 0 ? &doc_html : &doc_md, &o, in, r, dopts);
	}
	if (ferror(mem) || fclose(mem) != 0) {
		fprintf(stderr, "yjinspect: export: %s\n", strerror(errno));
		free(data);
		return 1;
	}
	if (path == NULL) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			fprintf(stderr, "yjinspect: writing the export: %s\n", strerror(errno));
			rc = 1;
		}
	} else if (save_file_unlocked(path, data, len, &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		rc = 1;
	}
	free(data);
	return rc;
}

static int
cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "table", required_argument, NULL, 't' },
		{ "no-cache", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = NULL, *output = NULL;
	enum export_table table = TABLE_NONE;
	struct inspection in;
	struct doc_opts dopts = { 1, 1, NULL, 0, 0 };
	struct stat st;
	struct rate r;
	int c, rc = 0, to_dir, cached = 1;

	while ((c = getopt_long(argc, argv, "f:o:t:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "html") != 0 && strcmp(optarg, "md") != 0 &&
			    strcmp(optarg, "csv") != 0)
				return usage_error("export --format takes html, md or csv, not '%s'",
				    optarg);
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 't':
			if (strcmp(optarg, "answers") == 0)
				table = TABLE_ANSWERS;
			else if (strcmp(optarg, "ratings") == 0)
				table = TABLE_RATINGS;
			else
				return usage_error("export --table takes answers or ratings, not '%s'",
				    optarg);
			break;
		case 'n':
			cached = 0;
			break;
		default:
			return usage_error("%s", "export: bad option");
		}
	}
	if (optind >= argc)
		return usage_error("%s", "export needs at least one DIR");
	if (format == NULL)
		return usage_error("%s", "export needs --format html, md or csv");
	to_dir = output && stat(output, &st) == 0 && S_ISDIR(st.st_mode);
	if (strcmp(format, "csv") != 0 && table != TABLE_NONE)
		return usage_error("%s", "export --table is for --format csv");
	if (strcmp(format, "csv") != 0 && to_dir)
		return usage_error("export -o '%s' is a folder: name the file to write", output);
	if (strcmp(format, "csv") == 0 && table == TABLE_NONE && !to_dir)
		return usage_error("%s", "export --format csv has two tables: say which with "
		    "--table answers or --table ratings, or give -o FOLDER for answers.csv and "
		    "ratings.csv");
	if (open_usable(&in, (const char *const *)argv + optind, (size_t)(argc - optind),
	    cached) < 0)
		return 1;
	dopts.folders = (const char *const *)argv + optind;
	dopts.nfolders = (size_t)(argc - optind);
	rate_compute(&r, &in);
	if (to_dir) {
		char *path;

		if (table != TABLE_RATINGS) {
			path = xasprintf("%s/answers.csv", output);
			rc |= export_one(path, &in, &r, format, TABLE_ANSWERS, &dopts);
			free(path);
		}
		if (table != TABLE_ANSWERS) {
			path = xasprintf("%s/ratings.csv", output);
			rc |= export_one(path, &in, &r, format, TABLE_RATINGS, &dopts);
			free(path);
		}
	} else
		rc = export_one(output, &in, &r, format, table, &dopts);
	rate_free(&r);
	insp_close(&in);
	return rc;
}

/* Open DIR for a command that changes or reads one thing in it
 * (cli_team.h): case files that cannot be read are left out, as the
 * terminal UI leaves them; any other error refuses the folder, the first
 * (not of a file left out) printed on one line. */
int
open_for_change(struct inspection *in, const char *dir)
{
	struct buf why = BUF_INIT;
	struct err e;

	if (insp_open_usable(in, dir, paths_forms_dir(), &why) < 0) {
		fprintf(stderr, "yjinspect: %s\n", buf_str(&why));
		buf_free(&why);
		return -1;
	}
	if (insp_private_check(dir, NULL, &e))	/* case files describe children */
		fprintf(stderr, "yjinspect: warning: %s\n", e.msg);
	return 0;
}

void
warn_left_out(const struct inspection *in)
{
	for (size_t i = 0; i < in->nleft_out; i++)
		fprintf(stderr, "yjinspect: warning: %s (left out)\n", in->left_out[i].why);
}

/* Say on stderr what IN's last save took in from another program's
 * changes to inspection.ini, if anything */
static void
say_merged(const struct inspection *in)
{
	char note[256];
	const char *n = insp_merge_note(in, note, sizeof note);

	if (*n)
		text_say(stderr, "yjinspect: %s:%s", in->dir, n);
}

static int
save_change(struct inspection *in)
{
	struct err e;

	if (insp_save(in, &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	say_merged(in);
	return 0;
}

static int
cmd_judge(int argc, char **argv)
{
	struct inspection in;
	const struct form *f;
	int s, rc;

	if (argc != 4)
		return usage_error("%s", "judge needs DIR STANDARD RATING");
	if (open_for_change(&in, argv[1]) < 0)
		return 1;
	warn_left_out(&in);	/* a judgement is not of the cases */
	f = &in.form;
	s = form_std_index(f, argv[2]);
	if (s < 0 || f->stds[s].rating != RATING_JUDGEMENT) {
		text_say(stderr, "yjinspect: %s: %s is not a judgement-rated standard of %s%s",
		    in.path, argv[2], f->id, s >= 0 ? " (it is rated from cases: see decide)" : "");
		insp_close(&in);
		return 1;
	}
	if (strcmp(argv[3], "none") == 0)
		in.judgements[s] = JUDGE_UNSET;
	else if (strcasecmp(argv[3], "not-rated") == 0)
		in.judgements[s] = JUDGE_NOT_RATED;
	else if ((in.judgements[s] = form_band_index(f, argv[3])) < 0) {
		struct buf ids = BUF_INIT;

		for (size_t b = 0; b < f->nbands; b++)
			buf_printf(&ids, "%s, ", f->bands[b].id);
		text_say(stderr, "yjinspect: '%s' is not a rating of %s (%snot-rated or none)", argv[3],
		    f->id, buf_str(&ids));
		buf_free(&ids);
		insp_close(&in);
		return 2;
	}
	rc = save_change(&in);
	if (rc == 0)
		text_say(stdout, "%s %s: %s", f->stds[s].id, f->stds[s].name,
		    in.judgements[s] == JUDGE_UNSET ? "no judgement" :
		    in.judgements[s] == JUDGE_NOT_RATED ? "Not rated" :
		    f->bands[in.judgements[s]].rating);
	insp_close(&in);
	return rc;
}

/* Add POINT to B as a line of its own (a line break in it is a space:
 * one option is one point). */
static void
add_point(struct buf *b, const char *point)
{
	if (b->len)
		buf_addc(b, '\n');
	for (const char *s = point; *s; s++)
		buf_addc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
print_points(const char *title, const char *text)
{
	struct buf b = BUF_INIT;

	printf("%s:\n", title);
	if (text == NULL || *text == '\0') {
		printf("  (none recorded)\n");
		return;
	}
	buf_adds(&b, text);
	for (char *save = NULL, *t = strtok_r(b.data, "\n", &save); t; t = strtok_r(NULL, "\n", &save))
		text_say(stdout, "  - %s", t);
	buf_free(&b);
}

static int
cmd_findings(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "strength", required_argument, NULL, 's' },
		{ "improvement", required_argument, NULL, 'i' },
		{ "clear", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct buf str = BUF_INIT, imp = BUF_INIT;	/* the points given, a line each */
	int c, s, clear = 0, given_str = 0, given_imp = 0, rc = 0;
	struct inspection in;

	while (rc == 0 && (c = getopt_long(argc, argv, "s:i:c", opts, NULL)) != -1) {
		if (c == 'c')
			clear = 1;
		else if (c != 's' && c != 'i')
			rc = usage_error("%s", "findings: bad option");
		else if (optarg[strspn(optarg, " \t\n")] == '\0')
			rc = usage_error("%s", "findings: a point needs some text");
		else {
			add_point(c == 's' ? &str : &imp, optarg);
			*(c == 's' ? &given_str : &given_imp) = 1;
		}
	}
	if (rc == 0 && optind != argc - 2)
		rc = usage_error("%s", "findings needs DIR STANDARD");
	if (rc == 0 && open_for_change(&in, argv[optind]) < 0)
		rc = 1;
	else if (rc == 0) {
		warn_left_out(&in);	/* findings are not of the cases */
		s = form_std_index(&in.form, argv[optind + 1]);
		if (s < 0) {
			text_say(stderr, "yjinspect: %s: no standard %s in framework %s", in.path,
			    argv[optind + 1], in.form.id);
			rc = 1;
		} else {
			/* the points given replace that list; --clear empties both first */
			if (clear || given_str) {
				free(in.strengths[s]);
				in.strengths[s] = given_str ? buf_take(&str) : NULL;
			}
			if (clear || given_imp) {
				free(in.improvements[s]);
				in.improvements[s] = given_imp ? buf_take(&imp) : NULL;
			}
			if (clear || given_str || given_imp)
				rc = save_change(&in);
			if (rc == 0) {
				text_say(stdout, "%s %s", in.form.stds[s].id, in.form.stds[s].name);
				print_points("Strengths", in.strengths[s]);
				print_points("Areas for improvement", in.improvements[s]);
			}
		}
		insp_close(&in);
	}
	buf_free(&str);
	buf_free(&imp);
	return rc;
}

static int
cmd_decide(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "why", required_argument, NULL, 'w' },
		{ "kq", required_argument, NULL, 'k' },
		{ "by", required_argument, NULL, 'b' },
		{ "remove", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *to = NULL, *why = NULL, *kq = NULL, *by = NULL;
	struct inspection in;
	const struct form *f;
	int c, s, remove = 0, rc, to_band;

	while ((c = getopt_long(argc, argv, "t:w:k:b:r", opts, NULL)) != -1) {
		switch (c) {
		case 't': to = optarg; break;
		case 'w': why = optarg; break;
		case 'k': kq = optarg; break;
		case 'b': by = optarg; break;
		case 'r': remove = 1; break;
		default: return usage_error("%s", "decide: bad option");
		}
	}
	if (optind != argc - 2)
		return usage_error("%s", "decide needs DIR STANDARD");
	if (!remove && (to == NULL || why == NULL || why[strspn(why, " \t")] == '\0'))
		return usage_error("%s", "decide needs --to RATING and --why TEXT (or --remove)");
	if (open_for_change(&in, argv[optind]) < 0)
		return 1;
	f = &in.form;
	s = form_std_index(f, argv[optind + 1]);
	if (s < 0 || f->stds[s].rating != RATING_CASES) {
		text_say(stderr, "yjinspect: %s: %s is not a case-rated standard of %s%s",
		    in.path, argv[optind + 1], f->id, s >= 0 ? " (it is judged: see judge)" : "");
		insp_close(&in);
		return 1;
	}
	if (remove) {
		struct err e;

		warn_left_out(&in);	/* nothing of the cases is recorded */
		rc = decide_withdraw(&in, (size_t)s, &e) < 0;
		if (rc)
			text_say(stderr, "yjinspect: %s: %s", in.path, e.msg);
		else {
			say_merged(&in);
			text_say(stdout, "%s %s: panel decision removed", f->stds[s].id,
			    f->stds[s].name);
		}
		insp_close(&in);
		return rc;
	}
	if ((to_band = form_band_index(f, to)) < 0) {
		text_say(stderr, "yjinspect: '%s' is not a rating of %s", to, f->id);
		insp_close(&in);
		return 2;
	}
	if (kq != NULL && (form_kq_index(f, kq) < 0 ||
	    f->kqs[form_kq_index(f, kq)].std != (size_t)s)) {
		text_say(stderr, "yjinspect: %s is not a key question of %s", kq, f->stds[s].id);
		insp_close(&in);
		return 2;
	}
	{
		char *who = by ? xstrdup(by) : user_name();
		struct err e;
		const struct insp_decision *d;

		rc = decide_record(&in, (size_t)s, to_band, kq, why, who, &e) < 0;
		free(who);
		if (rc)
			text_say(stderr, "yjinspect: %s: %s", in.path, e.msg);
		else
			say_merged(&in);
		if (rc == 0 && (d = decide_find(&in, (size_t)s)) != NULL)
			text_say(stdout, "%s %s: %s -> %s (panel decision)", f->stds[s].id,
			    f->stds[s].name, f->bands[d->from].rating, f->bands[d->to].rating);
	}
	insp_close(&in);
	return rc;
}

static int
cmd_keys(int argc, char **argv)
{
	if (argc > 1)
		return usage_error("keys takes no arguments: '%s'", argv[1]);
	tui_keys_print(stdout);
	return ferror(stdout) ? 1 : 0;
}

/* A fresh copy of the demo in a new private directory, opened in the UI. */
static int
open_demo(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096], *dir;
	struct err e;
	int rc;

	snprintf(path, sizeof path, "%s/yjinspect-demo.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(path) == NULL) {
		text_say(stderr, "yjinspect: %s: cannot make a directory: %s", path,
		    strerror(errno));
		return 1;
	}
	dir = path;
	strncat(path, "/demo", sizeof path - strlen(path) - 1);
	if (insp_copy(paths_demo_dir(), dir, &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	rc = tui_run(dir);
	text_say(stdout, "The demo inspection is in %s", dir);
	return rc;
}

/* ---- a case's history (journal.h) ---- */

/* The case file left out of IN that REF names by its file name (with or
 * without .ini), or -1 */
static int
left_out_named(const struct inspection *in, const char *ref)
{
	size_t len = strlen(ref);

	for (size_t i = 0; i < in->nleft_out; i++) {
		const char *n = in->left_out[i].name;

		if (strcmp(n, ref) == 0 || (strncmp(n, ref, len) == 0 && strcmp(n + len, ".ini") == 0))
			return (int)i;
	}
	return -1;
}

/* The case of IN that REF names: its reference, or its file name (with or
 * without .ini); -1 with the message printed (a file left out that REF
 * names: its error; none named, the files left out that may hold it) */
int
find_case(const struct inspection *in, const char *ref)
{
	int lo;

	for (size_t i = 0; i < in->ncases; i++) {
		const char *n = in->cases[i].name;
		size_t len = strlen(ref);

		if ((in->cases[i].reference && strcmp(in->cases[i].reference, ref) == 0) ||
		    strcmp(n, ref) == 0 || (strncmp(n, ref, len) == 0 && strcmp(n + len, ".ini") == 0))
			return (int)i;
	}
	if ((lo = left_out_named(in, ref)) >= 0)
		text_say(stderr, "yjinspect: %s (this case file cannot be read: put it right, "
		    "see 'yjinspect check')", in->left_out[lo].why);
	else if (in->nleft_out > 0)
		text_say(stderr, "yjinspect: %s: no case '%s' (by reference or file name) among the "
		    "cases that can be read: %zu case file%s cannot be read and may hold it (see "
		    "'yjinspect check')", in->dir, ref, in->nleft_out, in->nleft_out == 1 ? "" : "s");
	else
		text_say(stderr, "yjinspect: %s: no case '%s' (by reference or file name)", in->dir,
		    ref);
	return -1;
}

/* X as a line of history into B (emptied first): its fields, from a
 * journal that may be a teammate's, each through text_clean, tab
 * separated */
static void
history_line(struct buf *b, const struct journal_entry *x)
{
	buf_reset(b);
	buf_printf(b, "%ld\t", x->seq);
	text_clean(b, x->time, 0);
	buf_addc(b, '\t');
	text_clean(b, x->who, 0);
	buf_addc(b, '\t');
	text_clean(b, x->key, 0);
	buf_addc(b, '\t');
	text_clean(b, x->old ? x->old : "(none)", 0);
	buf_adds(b, " -> ");
	text_clean(b, x->new ? x->new : "(none)", 0);
	buf_addc(b, '\n');
}

static int
cmd_history(int argc, char **argv)
{
	struct inspection in;
	struct journal j;
	struct buf line = BUF_INIT;
	struct err e;
	int ci;
	long groups = 0, seq = -1;

	if (argc != 3)
		return usage_error("%s", "history needs DIR CASE");
	if (open_for_change(&in, argv[1]) < 0)
		return 1;
	if ((ci = find_case(&in, argv[2])) >= 0)
		warn_left_out(&in);
	if (ci < 0 || journal_read(in.cases[ci].path, &j, &e) < 0) {
		if (ci >= 0)
			text_say(stderr, "yjinspect: %s", e.msg);
		insp_close(&in);
		return 1;
	}
	for (size_t i = 0; i < j.n; i++) {
		const struct journal_entry *x = &j.v[i];

		if (i == 0 || x->seq != seq || strcmp(x->time, j.v[i - 1].time) != 0)
			groups++;
		seq = x->seq;
		history_line(&line, x);
		fputs(buf_str(&line), stdout);
	}
	buf_free(&line);
	text_say(stdout, "%s: %zu change%s in %ld save%s%s%s", in.cases[ci].name, j.n,
	    j.n == 1 ? "" : "s", groups, groups == 1 ? "" : "s",
	    j.torn ? "; a torn last line (a save cut off) ignored" : "",
	    j.bad ? "; lines that failed their check ignored (see check)" : "");
	if (j.n == 0)
		printf("(no journal yet: it begins with the case's next save)\n");
	journal_free(&j);
	insp_close(&in);
	return ferror(stdout) ? 1 : 0;
}

static int
cmd_restore(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	const char *at = NULL;
	struct inspection in;
	struct err e;
	char *who, *u;
	int ch, ci, rc = 1;

	while ((ch = getopt_long(argc, argv, "a:", opts, NULL)) != -1) {
		if (ch != 'a')
			return usage_error("%s", "restore: bad option");
		at = optarg;
	}
	if (optind != argc - 2 || at == NULL)
		return usage_error("%s", "restore needs DIR CASE --at TIME");
	if (open_for_change(&in, argv[optind]) < 0)
		return 1;
	if ((ci = find_case(&in, argv[optind + 1])) >= 0) {
		warn_left_out(&in);
		u = user_name();
		who = xasprintf("%s (restore to %s)", u, at);
		free(u);
		if (edit_restore(&in, (size_t)ci, at, who, &e) < 0)
			text_say(stderr, "yjinspect: %s", e.msg);
		else {
			text_say(stdout, "%s restored as it was at %s (a new change: 'yjinspect "
			    "history' lists it)", in.cases[ci].name, at);
			rc = 0;
		}
		free(who);
	}
	insp_close(&in);
	return rc;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{ "new", cmd_new },
	{ "demo", cmd_demo },
	{ "frameworks", cmd_frameworks },
	{ "check", cmd_check },
	{ "summary", cmd_summary },
	{ "export", cmd_export },
	{ "judge", cmd_judge },
	{ "decide", cmd_decide },
	{ "findings", cmd_findings },
	{ "keys", cmd_keys },
	{ "history", cmd_history },
	{ "restore", cmd_restore },
	{ "answer", cli_answer },
	{ "team", cli_team },
	{ "sync", cli_sync },
	{ "merge-file", cli_merge_file },
	{ "merge", cli_merge },
	{ "config", cli_config },
};

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
			optind = 1;
			return commands[i].run(argc - 1, argv + 1);
		}
	if (strcmp(argv[1], "--demo") == 0 && argc == 2)
		return open_demo();
	if (argc == 2 && argv[1][0] != '-') {
		struct stat st;

		if (stat(argv[1], &st) == 0 && S_ISDIR(st.st_mode))
			return tui_run(argv[1]);
	}
	return usage_error("unknown command '%s' (nor an inspection folder)", argv[1]);
}
