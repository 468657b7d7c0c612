/* cli.c - the command line (see cli.h and yjinspect(1)). Thin: every
 * command opens an inspection through the core and prints what it says. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "insp.h"
#include "paths.h"
#include "problems.h"
#include "rate.h"
#include "report.h"
#include "tui.h"
#include "tui_keys.h"

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
"                        create an empty inspection in DIR\n"
"  demo DIR              copy the bundled demo inspection to DIR\n"
"  frameworks            list the framework editions installed\n"
"  check DIR             list every problem in every file of DIR\n"
"                        (exit 1 if there is any)\n"
"  summary DIR [--format text|tsv|md] [--prompts] [--width N]\n"
"                        the ratings: each key question's relevant cases,\n"
"                        'Yes', %% and band, each standard's rating, the score\n"
"                        and the overall rating\n"
"  keys                  list the terminal UI's keys\n"
"\n"
"Options:\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"Environment: YJINSPECT_INSPECTOR (your name on answers, default your\n"
"login's), YJINSPECT_FORMS (framework files, default %s),\n"
"YJINSPECT_DEMO (demo inspection, default %s),\n"
"YJINSPECT_THREADS (threads that read case files, 1-64; default: the CPUs,\n"
"at most 8, and one for every 32 cases).\n"
"See yjinspect(1), yjinspect-forms(5) and yjinspect-inspection(5).\n";

static void
usage(FILE *out)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(out, usage_text, paths_forms_dir(), paths_demo_dir());
#pragma GCC diagnostic pop
}

static int
usage_error(const char *fmt, const char *arg) __attribute__((format(printf, 1, 0)));

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("yjinspect: ", stderr);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	fprintf(stderr, fmt, arg);
#pragma GCC diagnostic pop
	fputs("\nTry 'yjinspect --help'.\n", stderr);
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
		fprintf(stderr, "yjinspect: %s", p->v[i].msg);
		if (more)
			fprintf(stderr, " (and %zu more: see 'yjinspect check')", more);
		fputc('\n', stderr);
		return;
	}
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
		fprintf(stderr, "yjinspect: %s\n", e.msg);
		return 1;
	}
	for (size_t i = 0; ids[i]; i++) {
		struct form f;

		if (form_load_id(&f, paths_forms_dir(), ids[i], &e) < 0) {
			printf("%-12s (cannot be used: %s)\n", ids[i], e.msg);
			continue;
		}
		printf("%-12s %s\n", f.id, f.title);
		form_free(&f);
	}
	form_list_free(ids);
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
	struct err e;
	int c;

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
	if (insp_create(argv[optind], paths_forms_dir(), framework, service, lead, &e) < 0) {
		fprintf(stderr, "yjinspect: %s\n", e.msg);
		return 1;
	}
	printf("Created an inspection of %s (framework %s) in %s\n", service, framework,
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
		fprintf(stderr, "yjinspect: %s\n", e.msg);
		return 1;
	}
	printf("Copied the demo inspection to %s\n", argv[1]);
	return 0;
}

static int
cmd_check(int argc, char **argv)
{
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	size_t nwarn;
	int rc;

	if (argc != 2)
		return usage_error("%s", "check needs one DIR");
	if (insp_open(&in, argv[1], paths_forms_dir(), &p) == 0) {
		insp_check(&in, &p);
		insp_close(&in);
	}
	for (size_t i = 0; i < p.n; i++)
		printf("%s: %s\n", p.v[i].level == PROBLEM_ERROR ? "error" : "warning",
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
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts ro = { REPORT_TEXT, 0, 80 };
	struct problems p = PROBLEMS_INIT;
	struct inspection in;
	struct rate r;
	char *end;
	int c, rc = 0;

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
		default:
			return usage_error("%s", "summary: bad option");
		}
	}
	if (optind != argc - 1)
		return usage_error("%s", "summary needs one DIR");
	if (insp_open(&in, argv[optind], paths_forms_dir(), &p) < 0 || p.nerrors) {
		print_first_error(&p);
		if (p.nerrors && in.path)
			insp_close(&in);
		problems_free(&p);
		return 1;
	}
	problems_free(&p);
	rate_compute(&r, &in);
	if (report_write(stdout, &in, &r, &ro) < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "yjinspect: writing the summary: %s\n", strerror(errno));
		rc = 1;
	}
	rate_free(&r);
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
		fprintf(stderr, "yjinspect: %s: cannot make a directory: %s\n", path,
		    strerror(errno));
		return 1;
	}
	dir = path;
	strncat(path, "/demo", sizeof path - strlen(path) - 1);
	if (insp_copy(paths_demo_dir(), dir, &e) < 0) {
		fprintf(stderr, "yjinspect: %s\n", e.msg);
		return 1;
	}
	rc = tui_run(dir);
	printf("The demo inspection is in %s\n", dir);
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
	{ "keys", cmd_keys },
};

int
cli_main(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s", "no command given");
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
