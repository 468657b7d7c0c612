/* cli_config.c - `yjinspect config` (see cli_config.h and yjinspect(1)). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_config.h"
#include "base/buf.h"
#include "cli/cli_util.h"
#include "store/settings.h"
#include "base/text.h"
#include "store/user.h"

void
cli_config_warn(const char *msg)
{
	fprintf(stderr, "yjinspect: warning: %s (your name is taken as if it set none)\n", msg);
}

/* S with no control character nor bad UTF-8 (a name from the
 * environment or the login is not checked as the settings file's is) */
static const char *
shown(struct buf *b, const char *s)
{
	buf_reset(b);
	text_clean(b, s, 0);
	return buf_str(b);
}

static const char *
source_said(enum user_source src)
{
	return src == USER_ENV ? "from YJINSPECT_INSPECTOR, which overrides the settings file" :
	    src == USER_SETTINGS ? "from the settings file" :
	    "from your login: set yours with yjinspect config name \"Your Name\"";
}

/* yjinspect config: the settings, the file, the name in force */
static int
show(void)
{
	struct settings s;
	struct user u;
	struct buf b = BUF_INIT;
	struct err e, ue;
	char *path = settings_path();
	int bad = settings_load(&s, &e) < 0;

	user_lookup(&u, &ue);
	printf("name      %s\n", s.name ? s.name : "(not set)");
	printf("initials  %s\n", s.initials ? s.initials : "(not set)");
	printf("file      %s\n", path ? path :
	    "(none: neither XDG_CONFIG_HOME nor HOME is an absolute path)");
	printf("in force  %s (%s)\n", shown(&b, u.name), bad && u.source == USER_LOGIN ?
	    "from your login: the settings file cannot be read" : source_said(u.source));
	if (bad)
		fprintf(stderr, "yjinspect: %s\n", e.msg);
	free(u.name);
	free(path);
	buf_free(&b);
	settings_free(&s);
	return bad || ferror(stdout) ? 1 : 0;
}

int
cli_config(struct cli_args *a, struct inspection *in)
{
	int argc = a->argc;
	char **argv = a->argv;
	enum settings_key key;
	const char *value, *env = getenv("YJINSPECT_INSPECTOR");
	char *clean = NULL, *path;
	struct buf b = BUF_INIT;
	struct err e;

	(void)in;
	if (argc == 1)
		return show();
	if (strcmp(argv[1], "name") == 0)
		key = SETTINGS_NAME;
	else if (strcmp(argv[1], "initials") == 0)
		key = SETTINGS_INITIALS;
	else
		return usage_error("config: no setting '%s' (name or initials)", argv[1]);
	if (argc != 3)
		return usage_error("config %s needs one value (or --unset)", argv[1]);
	value = strcmp(argv[2], "--unset") == 0 ? NULL : argv[2];
	if (value && settings_clean(key, value, &clean, &e) < 0) {
		fprintf(stderr, "yjinspect: %s\n", e.msg);
		return 1;
	}
	if (settings_set(key, clean, &e) < 0) {
		fprintf(stderr, "yjinspect: %s (the settings were not changed)\n", e.msg);
		free(clean);
		return 1;
	}
	path = settings_path();
	if (clean)
		printf("%s set to '%s' in %s\n", argv[1], clean, path);
	else
		printf("%s removed from %s\n", argv[1], path);
	if (key == SETTINGS_NAME && env && *env)
		printf("(YJINSPECT_INSPECTOR='%s' is set: it overrides the settings file)\n",
		    shown(&b, env));
	buf_free(&b);
	free(clean);
	free(path);
	return ferror(stdout) ? 1 : 0;
}
