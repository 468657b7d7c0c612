/* user.c - who is at the keyboard (see user.h). */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/settings.h"
#include "store/user.h"
#include "base/xalloc.h"

static void (*warn_with)(const char *msg);
static int warned;

void
user_set_warn(void (*warn)(const char *msg))
{
	warn_with = warn;
}

char *
user_login_name(void)
{
	struct passwd *pw = getpwuid(getuid());
	const char *v;

	if (pw && pw->pw_gecos && *pw->pw_gecos && *pw->pw_gecos != ',') {
		char *name = xstrdup(pw->pw_gecos), *comma = strchr(name, ',');

		if (comma)
			*comma = '\0';
		return name;
	}
	if (pw && pw->pw_name)
		return xstrdup(pw->pw_name);
	v = getenv("USER");
	return xstrdup(v && *v ? v : "inspector");
}

int
user_lookup(struct user *u, struct err *e)
{
	const char *v = getenv("YJINSPECT_INSPECTOR");
	struct settings s;
	int rc;

	if (v && *v) {
		u->name = xstrdup(v);
		u->source = USER_ENV;
		return 0;
	}
	rc = settings_load(&s, e);
	if (s.name) {
		u->name = s.name;
		u->source = USER_SETTINGS;
		s.name = NULL;
	} else {
		u->name = user_login_name();
		u->source = USER_LOGIN;
	}
	settings_free(&s);
	return rc;
}

char *
user_name(void)
{
	struct user u;
	struct err e;

	if (user_lookup(&u, &e) < 0 && warn_with && !warned) {
		warned = 1;
		warn_with(e.msg);
	}
	return u.name;
}
