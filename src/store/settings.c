/* settings.c - the inspector's own settings file (see settings.h). */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/ini.h"
#include "store/inikeep.h"
#include "store/iniw.h"
#include "store/save.h"
#include "store/settings.h"
#include "base/file.h"
#include "base/text.h"
#include "base/xalloc.h"

#define SETTINGS_SECTION "inspector"

static const char *const key_names[] = { "name", "initials" };

char *
settings_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/yjinspect/config.ini", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.config/yjinspect/config.ini", home);
	return NULL;
}

void
settings_free(struct settings *s)
{
	free(s->name);
	free(s->initials);
	s->name = s->initials = NULL;
}

int
settings_clean(enum settings_key key, const char *text, char **out, struct err *e)
{
	const char *what = key == SETTINGS_NAME ? "a name" : "initials";
	size_t max = key == SETTINGS_NAME ? SETTINGS_NAME_MAX : SETTINGS_INITIALS_MAX;
	size_t len, chars = 0;
	struct buf clean = BUF_INIT;
	char *t;

	*out = NULL;
	while (*text == ' ')
		text++;
	for (len = strlen(text); len > 0 && text[len - 1] == ' '; len--)
		;
	if (len == 0)
		return err_set(e, "%s cannot be empty", what);
	t = xstrdup(text);
	t[len] = '\0';
	text_clean(&clean, t, 0);	/* the same only when nothing was unclean */
	if (strcmp(buf_str(&clean), t) != 0) {
		buf_free(&clean);
		free(t);
		return err_set(e, "%s cannot hold a control character (a tab, a line break) "
		    "nor bytes that are not UTF-8", what);
	}
	buf_free(&clean);
	for (const char *p = t; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;	/* UTF-8 characters */
	if (chars > max) {
		free(t);
		return err_set(e, "%s %s at most %zu characters (these are %zu)", what,
		    key == SETTINGS_NAME ? "is" : "are", max, chars);
	}
	*out = t;
	return 0;
}

/* Key K of section S of INI into S's slot: -1 with "PATH:LINE: ..." */
static int
load_key(const struct ini *ini, const struct ini_section *sec, const struct ini_key *k,
    struct settings *s, struct err *e)
{
	char *text, *clean, **slot;
	enum settings_key key;
	struct err why;

	if (strcmp(k->name, key_names[SETTINGS_NAME]) == 0)
		key = SETTINGS_NAME, slot = &s->name;
	else if (strcmp(k->name, key_names[SETTINGS_INITIALS]) == 0)
		key = SETTINGS_INITIALS, slot = &s->initials;
	else
		return err_set(e, "%s:%d: [%s] %s: unknown key (the settings are name and "
		    "initials)", ini->path, k->line, sec->name, k->name);
	if (ini_key_text(ini, sec, k, &text, e) < 0)
		return -1;
	if (settings_clean(key, text, &clean, &why) < 0) {
		free(text);
		return err_set(e, "%s:%d: [%s] %s: %s", ini->path, k->line, sec->name, k->name,
		    why.msg);
	}
	free(text);
	*slot = clean;
	return 0;
}

/* Read PATH into S (all NULL before): a missing file is none */
static int
load_path(const char *path, struct settings *s, struct err *e)
{
	struct stat st;
	struct ini ini;

	if (stat(path, &st) < 0 && (errno == ENOENT))
		return 0;
	if (ini_load(&ini, path, e) < 0)
		return -1;
	for (size_t i = 0; i < ini.nsecs; i++) {
		const struct ini_section *sec = &ini.secs[i];

		if (strcmp(sec->name, SETTINGS_SECTION) != 0) {
			err_set(e, "%s:%d: [%s]: unknown section (the settings file has "
			    "[" SETTINGS_SECTION "] only)", path, sec->line, sec->name);
			goto fail;
		}
		for (size_t k = 0; k < sec->nkeys; k++)
			if (load_key(&ini, sec, &sec->keys[k], s, e) < 0)
				goto fail;
	}
	ini_free(&ini);
	return 0;
fail:
	ini_free(&ini);
	settings_free(s);
	return -1;
}

int
settings_load(struct settings *s, struct err *e)
{
	char *path = settings_path();
	int rc;

	s->name = s->initials = NULL;
	if (path == NULL)
		return 0;	/* nowhere to keep any: none set */
	rc = load_path(path, s, e);
	free(path);
	return rc;
}

/* The folders above PATH's file, each made mode 0700 where missing */
static int
make_folders(const char *path, struct err *e)
{
	char *p = xstrdup(path);
	struct stat st;

	for (char *slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			err_set(e, "%s: cannot make the folder: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		if (stat(p, &st) < 0 || !S_ISDIR(st.st_mode)) {
			err_set(e, "%s: not a folder", p);
			free(p);
			return -1;
		}
		*slash = '/';
	}
	free(p);
	return 0;
}

static int
save_settings(const char *path, const struct settings *s, struct err *e)
{
	struct iniw w;
	int rc;

	iniw_init(&w);
	iniw_comment(&w, "yjinspect's settings for this login ('yjinspect config' shows "
	    "and changes them)");
	iniw_section(&w, SETTINGS_SECTION);
	if (s->name)
		iniw_str(&w, key_names[SETTINGS_NAME], s->name);
	if (s->initials)
		iniw_str(&w, key_names[SETTINGS_INITIALS], s->initials);
	{	/* a person's comments in the file come through (inikeep.h) */
		char *old = file_read(path, FILE_ANY_SIZE, 0, NULL), *kept;
		size_t len = iniw_len(&w);

		kept = inikeep(old, iniw_text(&w), NULL, &len);
		rc = save_file_held(path, kept ? kept : iniw_text(&w), len, e);
		free(kept);
		free(old);
	}
	iniw_free(&w);
	return rc;
}

int
settings_set(enum settings_key key, const char *text, struct err *e)
{
	struct settings s = { NULL, NULL };
	char *path, *clean = NULL, **slot;
	int lock, rc = -1;

	if (text && settings_clean(key, text, &clean, e) < 0)
		return -1;
	if ((path = settings_path()) == NULL) {
		free(clean);
		return err_set(e, "nowhere to keep the settings: neither XDG_CONFIG_HOME nor "
		    "HOME is an absolute path");
	}
	if (make_folders(path, e) < 0 || (lock = save_lock_hold(path, e)) < 0)
		goto out;
	if (load_path(path, &s, e) == 0) {	/* a file not read is not written over */
		slot = key == SETTINGS_NAME ? &s.name : &s.initials;
		free(*slot);
		*slot = clean;
		clean = NULL;
		rc = save_settings(path, &s, e);
	}
	save_unlock(lock);
	settings_free(&s);
out:
	free(clean);
	free(path);
	return rc;
}
