/* place.c - the inspector's place in an inspection (see place.h). */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/hash.h"
#include "store/ini.h"
#include "store/iniw.h"
#include "store/place.h"
#include "store/save.h"
#include "base/xalloc.h"

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

	if (who == NULL)
		who = "";
	for (const char *c = who; *c; c++) {
		unsigned char ch = (unsigned char)*c;
		int keep = ch < 0x80 && (isalnum(ch) || ch == '-' || ch == '_');

		replaced |= !keep;
		if (n < sizeof safe - 1)
			safe[n++] = keep ? (char)ch : '_';
		else
			replaced = 1;	/* cut short: the hash keeps it apart */
	}
	safe[n] = '\0';
	if (replaced || n == 0)
		return xasprintf("%s/%s-%s-%08x", dir, PLACE_FILE, safe, (unsigned)hash_str(who));
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

/* The place this process wrote last: the same again is not written. */
static struct {
	char *path, *text;
} last;

int
place_save(const char *dir, const char *who, const struct place *p, struct err *e)
{
	char *path = place_path(dir, who);
	struct iniw w;
	struct stat st;
	const char *text;
	size_t len, pad = 0;
	int fd, rc = -1;

	iniw_init(&w);
	iniw_comment(&w, "where the inspector was: yjinspect returns here");
	iniw_section(&w, "place");
	if (p->screen)
		iniw_str(&w, "screen", p->screen);
	if (p->case_name)
		iniw_str(&w, "case", p->case_name);
	if (p->item)
		iniw_str(&w, "item", p->item);
	text = iniw_text(&w);
	len = iniw_len(&w);
	if (last.path && strcmp(last.path, path) == 0 && strcmp(last.text, text) == 0) {
		rc = 0;
		goto out;
	}
	/* written over in place, no temporary file and no fsync (place.h):
	 * first the new text and, to the old length, blank lines (a program
	 * killed before the cut still leaves a whole place), then the cut */
	fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_set(e, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (flock(fd, LOCK_EX) < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		err_set(e, "%s: not a file that can be written", path);
		close(fd);
		goto out;
	}
	if ((size_t)st.st_size > len)
		pad = (size_t)st.st_size - len;
	{
		char *all = xmalloc(len + pad);
		int bad, saved;

		memcpy(all, text, len);
		memset(all + len, '\n', pad);
		bad = save_write_all(fd, all, len + pad) < 0 || ftruncate(fd, (off_t)len) < 0;
		saved = errno;
		free(all);
		if (bad) {
			err_set(e, "%s: cannot write: %s", path, strerror(saved));
			close(fd);
			goto out;
		}
	}
	if (close(fd) < 0) {
		err_set(e, "%s: cannot write: %s", path, strerror(errno));
		goto out;
	}
	free(last.path);
	free(last.text);
	last.path = xstrdup(path);
	last.text = xstrdup(text);
	rc = 0;
out:
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

/* ---- when the panel opened ---- */

int
place_panel_save(const char *dir, const char *who, const char *time, struct err *e)
{
	char *place = place_path(dir, who), *path = xasprintf("%s.panel", place);
	struct iniw w;
	int rc;

	iniw_init(&w);
	iniw_comment(&w, "when the panel meeting opened: export --for panel starts there");
	iniw_section(&w, "panel");
	iniw_str(&w, "opened", time);
	rc = save_file_unlocked(path, iniw_text(&w), iniw_len(&w), e);
	iniw_free(&w);
	free(place);
	free(path);
	return rc;
}

char *
place_panel_load(const char *dir, const char *who)
{
	char *place = place_path(dir, who), *path = xasprintf("%s.panel", place), *t = NULL;
	struct ini ini;
	struct err e;

	if (ini_load(&ini, path, &e) == 0) {
		if (ini_get_text(&ini, "panel", "opened", &t, &e) < 0)
			t = NULL;
		ini_free(&ini);
	}
	free(place);
	free(path);
	return t;
}
