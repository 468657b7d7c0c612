/* cli_read.c - the commands that read an inspection: check, summary,
 * export, history (see cli_read.h and yjinspect(1)). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli_read.h"
#include "cli/cli_util.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "model/rate.h"
#include "out/csv.h"
#include "out/doc.h"
#include "out/panel.h"
#include "out/report.h"
#include "store/journal.h"
#include "store/place.h"
#include "store/user.h"
#include "model/meeting.h"
#include "store/save.h"

/* ---- check ---- */

int
cli_check_args(struct cli_args *a)
{
	if (a->argc < 2)
		return usage_error("%s", "check needs DIR (or several: as one)");
	a->dirs = (const char *const *)a->argv + 1;
	a->ndirs = (size_t)(a->argc - 1);
	return 0;
}

int
cli_check(struct cli_args *a, struct inspection *in)
{
	struct problems *p = &a->problems;
	size_t nwarn;

	if (in)
		insp_check(in, p);
	for (size_t i = 0; i < p->n; i++)
		text_say(stdout, "%s: %s", p->v[i].level == PROBLEM_ERROR ? "error" : "warning",
		    p->v[i].msg);
	nwarn = p->n - p->nerrors;
	printf("%zu error%s, %zu warning%s\n", p->nerrors, p->nerrors == 1 ? "" : "s",
	    nwarn, nwarn == 1 ? "" : "s");
	return p->n ? 1 : 0;
}

/* ---- summary ---- */

int
cli_summary_args(struct cli_args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "prompts", no_argument, NULL, 'p' },
		{ "width", required_argument, NULL, 'w' },
		{ "no-cache", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct report_opts *ro = a->opts;
	char *end;
	int c;

	*ro = (struct report_opts){ REPORT_TEXT, 0, 80 };
	while ((c = getopt_long(a->argc, a->argv, "f:pw:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (report_format_parse(optarg, &ro->format) < 0)
				return usage_error("--format takes text, tsv or md, not '%s'", optarg);
			break;
		case 'p':
			ro->prompts = 1;
			break;
		case 'w':
			ro->width = (int)strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || ro->width < 60 || ro->width > 1000)
				return usage_error("--width takes a number from 60 to 1000, not '%s'", optarg);
			break;
		case 'n':
			a->no_cache = 1;
			break;
		default:
			return usage_error("%s", "summary: bad option");
		}
	}
	if (optind >= a->argc)
		return usage_error("%s", "summary needs DIR (or several: as one)");
	a->dirs = (const char *const *)a->argv + optind;
	a->ndirs = (size_t)(a->argc - optind);
	return 0;
}

int
cli_summary(struct cli_args *a, struct inspection *in)
{
	const struct report_opts *ro = a->opts;
	struct rate r;
	int rc = 0;

	rate_compute(&r, in);
	if (report_write(stdout, in, &r, ro) < 0 || fflush(stdout) != 0) {
		fprintf(stderr, "yjinspect: writing the summary: %s\n", strerror(errno));
		rc = 1;
	}
	rate_free(&r);
	return rc;
}

/* ---- export ---- */

/* Write one export of IN to PATH (atomically: a failed export leaves no
 * half file and nothing over an older one) or, PATH NULL, to stdout. */
static int
export_one(const char *path, const struct inspection *in, const struct rate *r,
    const char *format, enum export_table table, const struct doc_opts *dopts,
    const struct meeting *m)
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
		const struct doc_emit *em = strcmp(format, "html") == 0 ? &doc_html : &doc_md;

		if (m != NULL)
			panel_write(em, &o, in, r, m);
		else
			doc_write(em, &o, in, r, dopts);
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

int
cli_export_args(struct cli_args *a)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "table", required_argument, NULL, 't' },
		{ "no-cache", no_argument, NULL, 'n' },
		{ "for", required_argument, NULL, 'F' },
		{ "since", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_export_opts *x = a->opts;
	struct err e;
	struct stat st;
	int c;

	x->table = TABLE_NONE;
	while ((c = getopt_long(a->argc, a->argv, "f:o:t:", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "html") != 0 && strcmp(optarg, "md") != 0 &&
			    strcmp(optarg, "csv") != 0)
				return usage_error("export --format takes html, md or csv, not '%s'",
				    optarg);
			x->format = optarg;
			break;
		case 'o':
			x->output = optarg;
			break;
		case 't':
			if (strcmp(optarg, "answers") == 0)
				x->table = TABLE_ANSWERS;
			else if (strcmp(optarg, "ratings") == 0)
				x->table = TABLE_RATINGS;
			else
				return usage_error("export --table takes answers or ratings, not '%s'",
				    optarg);
			break;
		case 'n':
			a->no_cache = 1;
			break;
		case 'F':	/* one document now; the report's comes later */
			if (strcmp(optarg, "panel") != 0)
				return usage_error("export --for takes panel (the panel pack), "
				    "not '%s'", optarg);
			x->for_panel = 1;
			break;
		case 'S':
			if (meeting_since_check(optarg, &e) < 0)
				return usage_error("export %s", e.msg);
			x->since = optarg;
			break;
		default:
			return usage_error("%s", "export: bad option");
		}
	}
	if (optind >= a->argc)
		return usage_error("%s", "export needs at least one DIR");
	if (x->format == NULL)
		return usage_error("%s", "export needs --format html, md or csv");
	x->to_dir = x->output && stat(x->output, &st) == 0 && S_ISDIR(st.st_mode);
	if (strcmp(x->format, "csv") != 0 && x->table != TABLE_NONE)
		return usage_error("%s", "export --table is for --format csv");
	if (strcmp(x->format, "csv") != 0 && x->to_dir)
		return usage_error("export -o '%s' is a folder: name the file to write", x->output);
	if (x->since && !x->for_panel)
		return usage_error("%s", "export --since is for --for panel");
	if (x->for_panel && strcmp(x->format, "csv") == 0)
		return usage_error("%s", "export --for panel takes --format html or md");
	if (x->for_panel && a->argc - optind > 1)
		return usage_error("%s", "export --for panel takes one DIR: the folder the "
		    "panel met on");
	if (strcmp(x->format, "csv") == 0 && x->table == TABLE_NONE && !x->to_dir)
		return usage_error("%s", "export --format csv has two tables: say which with "
		    "--table answers or --table ratings, or give -o FOLDER for answers.csv and "
		    "ratings.csv");
	a->dirs = (const char *const *)a->argv + optind;
	a->ndirs = (size_t)(a->argc - optind);
	return 0;
}

int
cli_export(struct cli_args *a, struct inspection *in)
{
	const struct cli_export_opts *x = a->opts;
	struct doc_opts dopts = { 1, 1, NULL, 0, 0 };
	struct rate r;
	int rc = 0;

	dopts.folders = a->dirs;
	dopts.nfolders = a->ndirs;
	rate_compute(&r, in);
	if (x->to_dir) {
		char *path;

		if (x->table != TABLE_RATINGS) {
			path = xasprintf("%s/answers.csv", x->output);
			rc |= export_one(path, in, &r, x->format, TABLE_ANSWERS, &dopts, NULL);
			free(path);
		}
		if (x->table != TABLE_ANSWERS) {
			path = xasprintf("%s/ratings.csv", x->output);
			rc |= export_one(path, in, &r, x->format, TABLE_RATINGS, &dopts, NULL);
			free(path);
		}
	} else if (x->for_panel) {
		/* from --since, else when this inspector's panel opened here */
		char *who = user_name(), *since = x->since ? xstrdup(x->since) :
		    place_panel_load(a->dirs[0], who);
		struct meeting m;

		if (since == NULL) {
			text_say(stderr, "yjinspect: export --for panel: no panel meeting is recorded "
			    "for %s in %s (it begins when the ratings page is opened in the terminal "
			    "UI): give --since TIME", who, a->dirs[0]);
			rc = 1;
		} else {
			meeting_compute(&m, in, since);
			rc = export_one(x->output, in, &r, x->format, x->table, &dopts, &m);
			meeting_free(&m);
		}
		free(since);
		free(who);
	} else
		rc = export_one(x->output, in, &r, x->format, x->table, &dopts, NULL);
	rate_free(&r);
	return rc;
}

/* ---- a case's history (journal.h) ---- */

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

int
cli_history_args(struct cli_args *a)
{
	if (a->argc != 3)
		return usage_error("%s", "history needs DIR CASE");
	a->dirs = (const char *const *)a->argv + 1;
	a->ndirs = 1;
	return 0;
}

int
cli_history(struct cli_args *a, struct inspection *in)
{
	struct journal j;
	struct buf line = BUF_INIT;
	struct err e;
	int ci;
	long groups = 0, seq = -1;

	if ((ci = find_case(in, a->argv[2])) >= 0)
		warn_left_out(in);
	if (ci < 0 || journal_read(in->cases[ci].path, &j, &e) < 0) {
		if (ci >= 0)
			text_say(stderr, "yjinspect: %s", e.msg);
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
	text_say(stdout, "%s: %zu change%s in %ld save%s%s%s", in->cases[ci].name, j.n,
	    j.n == 1 ? "" : "s", groups, groups == 1 ? "" : "s",
	    j.torn ? "; a torn last line (a save cut off) ignored" : "",
	    j.bad ? "; lines that failed their check ignored (see check)" : "");
	if (j.n == 0)
		printf("(no journal yet: it begins with the case's next save)\n");
	journal_free(&j);
	return ferror(stdout) ? 1 : 0;
}
