/* place.c - the inspector's place in an inspection (see place.h). */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "iniw.h"
#include "place.h"
#include "save.h"
#include "xalloc.h"

#define PLACE_FILE ".yjinspect-place"

/* DIR/.yjinspect-place-WHO (free it): WHO's ASCII letters, digits, '-'
 * and '_', the rest '_'; when anything was replaced, a hash of the whole
 * name after it, so that two names made alike stay apart. */
static char *
place_path(const char *dir, const char *who)
{
	char safe[65];
	size_t n = 0;
	int replaced = 0;
	uint32_t h = 2166136261u;	/* FNV-1a */

	if (who == NULL)
		who = "";
	for (const char *c = who; *c; c++) {
		unsigned char ch = (unsigned char)*c;
		int keep = ch < 0x80 && (isalnum(ch) || ch == '-' || ch == '_');

		h = (h ^ ch) * 16777619u;
		replaced |= !keep;
		if (n < sizeof safe - 1)
			safe[n++] = keep ? (char)ch : '_';
		else
			replaced = 1;	/* cut short: the hash keeps it apart */
	}
	safe[n] = '\0';
	if (replaced || n == 0)
		return xasprintf("%s/%s-%s-%08x", dir, PLACE_FILE, safe, (unsigned)h);
	return xasprintf("%s/%s-%s", dir, PLACE_FILE, safe);
}

int
place_load(const char *dir, const char *who, struct place *p)
{
	char *path = place_path(dir, who);
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
