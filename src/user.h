/* user.h - who is at the keyboard, for the stamps on answers and panel
 * decisions: $YJINSPECT_INSPECTOR, else the full name of the login, else
 * its name, else $USER. */
#ifndef YJ_USER_H
#define YJ_USER_H

/* A new string (free it). */
char *user_name(void);

#endif
