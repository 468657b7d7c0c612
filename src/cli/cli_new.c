/* cli_new.c - the commands that begin (see cli_new.h and yjinspect(1)). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli_new.h"
#include "cli/cli_util.h"
#include "base/buf.h"
#include "base/paths.h"
#include "base/text.h"
#include "model/form.h"
#include "tui/tui.h"
#include "tui/tui_keys.h"

int
cli_frameworks(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;
	struct err e;
	char **ids;

	(void)in;
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

int
cli_new(struct cli_args *a, struct inspection *in)
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
	int c, argc = a->argc;
	char **argv = a->argv;

	(void)in;
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

int
cli_demo(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;
	struct err e;

	(void)in;
	if (argc != 2)
		return usage_error("%s", "demo needs one DIR (a new or empty directory)");
	if (insp_copy(paths_demo_dir(), argv[1], &e) < 0) {
		text_say(stderr, "yjinspect: %s", e.msg);
		return 1;
	}
	text_say(stdout, "Copied the demo inspection to %s", argv[1]);
	return 0;
}

int
cli_keys(struct cli_args *a, struct inspection *in)
{
	(void)in;
	if (a->argc > 1)
		return usage_error("keys takes no arguments: '%s'", a->argv[1]);
	tui_keys_print(stdout);
	return ferror(stdout) ? 1 : 0;
}

int
cli_panel(struct cli_args *a, struct inspection *in)
{
	struct stat st;

	(void)in;
	if (a->argc != 2)
		return usage_error("%s", "panel needs one DIR (an inspection folder)");
	if (stat(a->argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
		text_say(stderr, "yjinspect: %s: not an inspection folder", a->argv[1]);
		return 1;
	}
	return tui_run(a->argv[1], 1);
}

int
cli_demo_open(void)
{
	const char *tmp = getenv("TMPDIR");
	struct buf dir = BUF_INIT;	/* (TMPDIR may be long: never cut) */
	struct err e;
	int rc = 1;

	buf_printf(&dir, "%s/yjinspect-demo.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir.data) == NULL)
		text_say(stderr, "yjinspect: %s: cannot make a directory: %s", buf_str(&dir),
		    strerror(errno));
	else {
		buf_adds(&dir, "/demo");
		if (insp_copy(paths_demo_dir(), buf_str(&dir), &e) < 0)
			text_say(stderr, "yjinspect: %s", e.msg);
		else {
			rc = tui_run(buf_str(&dir), 0);
			text_say(stdout, "The demo inspection is in %s", buf_str(&dir));
		}
	}
	buf_free(&dir);
	return rc;
}
