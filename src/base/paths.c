/* paths.c - data locations (see paths.h). */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "base/paths.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/yjinspect"
#endif

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* $NAME when set; else INSTALLED when it exists; else, for a build that
 * was never installed, the source tree's copy (BUILT) when that exists;
 * else INSTALLED, which the caller's error then names. */
static const char *
paths_pick(const char *name, const char *installed, const char *built)
{
	const char *v = getenv(name);

	if (v != NULL && *v != '\0')
		return v;
	if (is_dir(installed) || built == NULL || !is_dir(built))
		return installed;
	return built;
}

const char *
paths_forms_dir(void)
{
#ifdef SRCDIR
	return paths_pick("YJINSPECT_FORMS", PKGDATADIR "/forms", SRCDIR "/forms");
#else
	return paths_pick("YJINSPECT_FORMS", PKGDATADIR "/forms", NULL);
#endif
}

const char *
paths_demo_dir(void)
{
#ifdef SRCDIR
	return paths_pick("YJINSPECT_DEMO", PKGDATADIR "/demo",
	    SRCDIR "/tests/fixtures/south-tyneside-2020");
#else
	return paths_pick("YJINSPECT_DEMO", PKGDATADIR "/demo", NULL);
#endif
}
