/* settings.h - the inspector's own settings, set once: who they are.
 *
 * One INI file per login, $XDG_CONFIG_HOME/yjinspect/config.ini, or
 * $HOME/.config/yjinspect/config.ini when XDG_CONFIG_HOME is unset, empty
 * or not an absolute path (the XDG Base Directory rules):
 *
 *     [inspector]
 *     name = "Ruth Pemberton"
 *     initials = "RP"
 *
 * Both keys are optional. The file is read with ini_load (ini.h) and
 * nothing else may be in it: another section or key, a name that is not
 * clean (below) or a file that ini_load refuses is an error naming the
 * file and line, and the settings are then taken as empty (the caller
 * falls back as if no name were set). A missing file is no error.
 *
 * It is written with the INI writer (iniw.h) through save_file_held
 * (save.h: atomic, durable, mode 0600), under the file's save lock held
 * across reading and writing, its folders made mode 0700 where missing.
 * A file that could not be read is never written over: the change is
 * refused with the reading's error.
 *
 * A name (or initials) is taken with the spaces at either end trimmed; it
 * must then not be empty, must be valid UTF-8 with no control character
 * (no tab, no line break), and at most SETTINGS_NAME_MAX characters
 * (initials SETTINGS_INITIALS_MAX). No curses. */
#ifndef YJ_SETTINGS_H
#define YJ_SETTINGS_H

#include "base/err.h"

#define SETTINGS_NAME_MAX 60
#define SETTINGS_INITIALS_MAX 8

struct settings {
	char *name;		/* NULL when not set; owned */
	char *initials;		/* NULL when not set; owned */
};

enum settings_key { SETTINGS_NAME, SETTINGS_INITIALS };

/* The settings file's path (free it), or NULL when neither an absolute
 * XDG_CONFIG_HOME nor an absolute HOME gives one. */
char *settings_path(void);

/* Read the settings file into S (free with settings_free). 0 when it was
 * read or is missing (S then all NULL); -1 with "PATH:LINE: problem" (or
 * "PATH: problem") in E when it cannot be read or holds anything but
 * what is above, S then all NULL too. */
int settings_load(struct settings *s, struct err *e);
void settings_free(struct settings *s);

/* TEXT as KEY's value: *OUT a new string, trimmed (free it); or -1 with E
 * saying what is wrong ("a name cannot be empty", ...). */
int settings_clean(enum settings_key key, const char *text, char **out, struct err *e);

/* Set KEY to TEXT (settings_clean'ed first) in the settings file, or with
 * TEXT NULL remove it; the other key is kept. Refused, the file unchanged,
 * when TEXT is not clean, when the file cannot be read, or when it cannot
 * be saved; E says which (naming the file). */
int settings_set(enum settings_key key, const char *text, struct err *e);

#endif
