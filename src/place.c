/* place.c - the inspector's place in an inspection (see place.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "iniw.h"
#include "place.h"
#include "save.h"
#include "xalloc.h"

#define PLACE_FILE ".yjinspect-place"

/* DIR/.yjinspect-place-WHO (free it) */
static char *
place_path(const char *dir, const char *who)
{
	char safe[65];
	size_t n = 0;

	for (const char *c = who ? who : ""; *c && n < sizeof safe - 1; c++) {
		unsigned char ch = (unsigned char)*c;

		safe[n++] = (ch < 0x80 && (isalnum(ch) || ch == '-' || ch == '_')) ? (char)ch : '_';
	}
	safe[n] = '\0';
	return xasprintf("%s/%s-%s", dir, PLACE_FILE, n ? safe : "_");
}

int
place_load(const char *dir, const char *who, struct place *p)
{
	char *path = place_path(dir, who);
	struct ini ini;
	struct err e;

	memset(p, 0, sizeof *p);
	if (ini_load(&ini, path, &e) < 0) {
		/* (a folder from before places were the inspector's own) */
		free(path);
		path = xasprintf("%s/%s", dir, PLACE_FILE);
		if (ini_load(&ini, path, &e) < 0) {
			free(path);
			return -1;
		}
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
place_save(const char *dir, const char *who, const struct place *p, struct err *e)
{
	char *path = place_path(dir, who);
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
