/* paths.c - installed data locations (see paths.h). */
#include "config.h"

#include <stdlib.h>

#include "paths.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/yjinspect"
#endif

static const char *
paths_env(const char *name, const char *def)
{
	const char *v = getenv(name);

	return (v != NULL && *v != '\0') ? v : def;
}

const char *
paths_forms_dir(void)
{
	return paths_env("YJINSPECT_FORMS", PKGDATADIR "/forms");
}

const char *
paths_demo_dir(void)
{
	return paths_env("YJINSPECT_DEMO", PKGDATADIR "/demo");
}
