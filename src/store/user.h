/* user.h - who is at the keyboard, for the stamps on answers, new cases,
 * panel decisions and findings, and for their place in a folder. In this
 * order: $YJINSPECT_INSPECTOR when set and not empty; else the name in the
 * settings file (settings.h: `yjinspect config name`); else the full name
 * of the login, else its name, else $USER. */
#ifndef YJ_USER_H
#define YJ_USER_H

#include "base/err.h"

/* Where the name in force comes from. */
enum user_source { USER_ENV, USER_SETTINGS, USER_LOGIN };

struct user {
	char *name;		/* owned: free it */
	enum user_source source;
};

/* Who is at the keyboard, and from where, into U (free U->name). Returns
 * 0; or -1 when the settings file cannot be read (E names the file and
 * line), U then filled as if it set no name. The environment, when it
 * names someone, is taken without reading the file. */
int user_lookup(struct user *u, struct err *e);

/* user_lookup's name (a new string: free it). When the settings file
 * cannot be read, the warning function set with user_set_warn (if any) is
 * given its error, once in a process. */
char *user_name(void);

/* The function user_name gives a settings file's error to (NULL: none;
 * the default). The command line prints it as a warning. */
void user_set_warn(void (*warn)(const char *msg));

/* The login's own name (its full name, else its name, else $USER), as
 * used when nothing else names the inspector (a new string: free it). */
char *user_login_name(void);

#endif
