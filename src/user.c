/* user.c - who is at the keyboard (see user.h). */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "user.h"
#include "xalloc.h"

char *
user_name(void)
{
	const char *v = getenv("YJINSPECT_INSPECTOR");
	struct passwd *pw;

	if (v && *v)
		return xstrdup(v);
	pw = getpwuid(getuid());
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
