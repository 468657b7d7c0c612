/* place.c - the inspector's place in an inspection (see place.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "iniw.h"
#include "place.h"
#include "save.h"
#include "xalloc.h"

#define PLACE_FILE ".yjinspect-place"

int
place_load(const char *dir, struct place *p)
{
	char *path = xasprintf("%s/%s", dir, PLACE_FILE);
	struct ini ini;
	struct err e;

	memset(p, 0, sizeof *p);
	if (ini_load(&ini, path, &e) < 0) {
		free(path);
		return -1;
	}
	free(path);
	if (ini_get_text(&ini, "place", "screen", &p->screen, &e) < 0 ||
	    ini_get_text(&ini, "place", "case", &p->case_name, &e) < 0 ||
	    ini_get_text(&ini, "place", "item", &p->item, &e) < 0) {
		ini_free(&ini);
		place_free(p);
		return -1;
	}
	ini_free(&ini);
	return 0;
}

int
place_save(const char *dir, const struct place *p, struct err *e)
{
	char *path = xasprintf("%s/%s", dir, PLACE_FILE);
	struct iniw w;
	int rc;

	iniw_init(&w);
	iniw_comment(&w, "where the inspector was: yjinspect returns here");
	iniw_section(&w, "place");
	if (p->screen)
		iniw_str(&w, "screen", p->screen);
	if (p->case_name)
		iniw_str(&w, "case", p->case_name);
	if (p->item)
		iniw_str(&w, "item", p->item);
	rc = save_file(path, iniw_text(&w), iniw_len(&w), e);
	iniw_free(&w);
	free(path);
	return rc;
}

void
place_free(struct place *p)
{
	free(p->screen);
	free(p->case_name);
	free(p->item);
	memset(p, 0, sizeof *p);
}
