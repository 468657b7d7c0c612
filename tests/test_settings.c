/* test_settings.c - the inspector's settings file (settings.h) and the name
 * in force (user.h): where the file is by the XDG rules, written and read
 * back, private modes, names cleaned or refused, and a file that cannot be
 * read refused with its file and line, never written over. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/settings.h"
#include "testutil.h"
#include "store/user.h"
#include "base/xalloc.h"

/* State: a fresh directory, HOME in it, XDG_CONFIG_HOME and
 * YJINSPECT_INSPECTOR unset */
static int
setup(void **state)
{
	char *home;

	tu_setup_dir(state);
	home = xasprintf("%s/home", (char *)*state);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	free(home);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("YJINSPECT_INSPECTOR");
	return 0;
}

static char *
in_dir(void **state, const char *rel)
{
	return xasprintf("%s/%s", (char *)*state, rel);
}

/* TEXT as the settings file under HOME, its folders made */
static void
conf_write(void **state, const char *text)
{
	char *d = in_dir(state, "home/.config");

	mkdir(d, 0700);
	free(d);
	tu_write((char *)*state, "home/.config/yjinspect/config.ini", text);
}

static void
says(const char *msg, ...)
{
	va_list ap;

	va_start(ap, msg);
	tu_says(msg, ap);
	va_end(ap);
}

static void
test_path_xdg_rules(void **state)
{
	char *p, *want;

	want = in_dir(state, "home/.config/yjinspect/config.ini");
	p = settings_path();
	assert_string_equal(p, want);	/* unset: HOME's .config */
	free(p);
	setenv("XDG_CONFIG_HOME", "", 1);
	p = settings_path();
	assert_string_equal(p, want);	/* empty: the same */
	free(p);
	setenv("XDG_CONFIG_HOME", "relative/conf", 1);
	p = settings_path();
	assert_string_equal(p, want);	/* not absolute: ignored */
	free(p);
	free(want);
	setenv("XDG_CONFIG_HOME", "/elsewhere/conf", 1);
	p = settings_path();
	assert_string_equal(p, "/elsewhere/conf/yjinspect/config.ini");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "not/absolute", 1);
	assert_null(settings_path());
}

static void
test_set_and_read_back(void **state)
{
	struct settings s;
	struct err e;
	struct stat st;
	char *path = in_dir(state, "home/.config/yjinspect/config.ini");
	char *dir = in_dir(state, "home/.config/yjinspect");
	char *conf = in_dir(state, "home/.config");

	assert_int_equal(settings_load(&s, &e), 0);	/* none yet: no error */
	assert_null(s.name);
	assert_null(s.initials);
	assert_int_equal(stat(conf, &st), -1);	/* and reading makes nothing */

	umask(022);
	assert_int_equal(settings_set(SETTINGS_NAME, "  Ruth Pemberton ", &e), 0);
	assert_int_equal(settings_set(SETTINGS_INITIALS, "RP", &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	assert_int_equal(stat(conf, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);

	assert_int_equal(settings_load(&s, &e), 0);
	assert_string_equal(s.name, "Ruth Pemberton");	/* trimmed */
	assert_string_equal(s.initials, "RP");
	settings_free(&s);

	/* one removed, the other kept; a name with an escape's characters */
	assert_int_equal(settings_set(SETTINGS_INITIALS, NULL, &e), 0);
	assert_int_equal(settings_set(SETTINGS_NAME, "Zoë \"Ávila\" \\ O'Neil", &e), 0);
	assert_int_equal(settings_load(&s, &e), 0);
	assert_string_equal(s.name, "Zoë \"Ávila\" \\ O'Neil");
	assert_null(s.initials);
	settings_free(&s);

	/* XDG_CONFIG_HOME, when absolute, is where it goes (made if missing) */
	free(path);
	path = in_dir(state, "xdg/deeper/yjinspect/config.ini");
	free(conf);
	conf = in_dir(state, "xdg/deeper");
	setenv("XDG_CONFIG_HOME", conf, 1);
	assert_int_equal(settings_load(&s, &e), 0);
	assert_null(s.name);	/* not the one under HOME */
	assert_int_equal(settings_set(SETTINGS_NAME, "Ann Lee", &e), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(stat(conf, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	free(path);
	free(dir);
	free(conf);
}

static void
test_names_refused(void **state)
{
	struct err e;
	char *out;
	char *path = in_dir(state, "home/.config/yjinspect/config.ini");
	struct stat st;

	assert_int_equal(settings_set(SETTINGS_NAME, "   ", &e), -1);
	says(e.msg, "a name cannot be empty", NULL);
	assert_int_equal(settings_set(SETTINGS_NAME, "Ruth\nPemberton", &e), -1);
	says(e.msg, "control character", NULL);
	assert_int_equal(settings_set(SETTINGS_NAME, "Ruth\tP", &e), -1);
	assert_int_equal(settings_set(SETTINGS_NAME, "Ruth\033[31m", &e), -1);
	assert_int_equal(settings_set(SETTINGS_NAME, "R\xff", &e), -1);
	says(e.msg, "not UTF-8", NULL);
	assert_int_equal(settings_set(SETTINGS_INITIALS, "ABCDEFGHI", &e), -1);
	says(e.msg, "initials are at most 8 characters", NULL);
	assert_int_equal(stat(path, &st), -1);	/* nothing was written */
	assert_int_equal(settings_clean(SETTINGS_NAME, " Al ", &out, &e), 0);
	assert_string_equal(out, "Al");
	free(out);
	free(path);
}

/* Each hand edit gone wrong: refused with the file and line, the name in
 * force then the login's, and a value set is refused, the file unchanged */
static void
test_bad_file_refused_never_overwritten(void **state)
{
	static const struct {
		const char *text, *line, *says;
	} bad[] = {
		{ "[inspector]\nname = \"Ruth\"\nnmae = \"R\"\n", ":3:", "unknown key" },
		{ "[inspector]\nname = \"Ruth\"\n[team]\nremote = x\n", ":3:", "unknown section" },
		{ "[inspector]\nname = \"\"\n", ":2:", "a name cannot be empty" },
		{ "[inspector]\nname = \"Ruth\n", ":2:", "" },	/* quote not closed */
		{ "name = \"Ruth\"\n", ":1:", "" },		/* before any section */
		{ "[inspector]\nname = \"A\"\nname = \"B\"\n", ":3:", "" },
		{ "[inspector]\nname = \"A\\x1b[2J\"\n", ":2:", "control character" },
	};
	char *path = in_dir(state, "home/.config/yjinspect/config.ini");

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct settings s;
		struct user u;
		struct err e;
		char *after;

		conf_write(state, bad[i].text);
		assert_int_equal(settings_load(&s, &e), -1);
		says(e.msg, path, bad[i].line, bad[i].says, NULL);
		assert_null(s.name);
		assert_int_equal(user_lookup(&u, &e), -1);
		says(e.msg, path, bad[i].line, NULL);
		assert_int_equal(u.source, USER_LOGIN);
		free(u.name);
		assert_int_equal(settings_set(SETTINGS_NAME, "Ruth Pemberton", &e), -1);
		says(e.msg, path, bad[i].line, NULL);
		assert_int_equal(settings_set(SETTINGS_INITIALS, NULL, &e), -1);
		after = tu_read(path, NULL);
		assert_string_equal(after, bad[i].text);	/* never written over */
		free(after);
	}
	free(path);
}

static void
test_user_name_order(void **state)
{
	struct user u;
	struct err e;
	char *n, *login = user_login_name();

	(void)state;
	n = user_name();
	assert_string_equal(n, login);	/* nothing set: the login's */
	free(n);
	assert_int_equal(user_lookup(&u, &e), 0);
	assert_int_equal(u.source, USER_LOGIN);
	free(u.name);

	assert_int_equal(settings_set(SETTINGS_NAME, "Ruth Pemberton", &e), 0);
	n = user_name();
	assert_string_equal(n, "Ruth Pemberton");	/* the settings file's */
	free(n);
	assert_int_equal(user_lookup(&u, &e), 0);
	assert_int_equal(u.source, USER_SETTINGS);
	free(u.name);

	setenv("YJINSPECT_INSPECTOR", "", 1);	/* empty: as unset */
	n = user_name();
	assert_string_equal(n, "Ruth Pemberton");
	free(n);
	setenv("YJINSPECT_INSPECTOR", "Ann Lee", 1);	/* set: it overrides */
	n = user_name();
	assert_string_equal(n, "Ann Lee");
	free(n);
	assert_int_equal(user_lookup(&u, &e), 0);
	assert_int_equal(u.source, USER_ENV);
	free(u.name);
	unsetenv("YJINSPECT_INSPECTOR");
	free(login);
}

static int warnings;
static char warned_msg[ERR_MAX];

static void
count_warning(const char *msg)
{
	warnings++;
	snprintf(warned_msg, sizeof warned_msg, "%s", msg);
}

/* user_name on a file that cannot be read: the login's name, and the
 * program's warning function told once */
static void
test_user_name_warns(void **state)
{
	char *n, *login = user_login_name();

	conf_write(state, "[inspector]\nwho = x\n");
	user_set_warn(count_warning);
	n = user_name();
	assert_string_equal(n, login);
	free(n);
	n = user_name();
	free(n);
	assert_int_equal(warnings, 1);
	says(warned_msg, "config.ini:2:", "unknown key", NULL);
	user_set_warn(NULL);
	free(login);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_path_xdg_rules, setup, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_set_and_read_back, setup, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_names_refused, setup, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_bad_file_refused_never_overwritten, setup,
		    tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_user_name_order, setup, tu_teardown_dir),
		cmocka_unit_test_setup_teardown(test_user_name_warns, setup, tu_teardown_dir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
