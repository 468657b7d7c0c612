/* place.h - where the inspector was in an inspection (screen, case, item),
 * kept in DIR/.yjinspect-place-WHO (WHO: the inspector's name, letters,
 * digits, '-' and '_' kept, the rest '_' and then a hash of the name, so
 * that names made alike stay apart) so that reopening returns there,
 * each inspector on a shared folder to their own place. Losing it loses
 * nothing but the place: errors reading it are ignored. So it is the one
 * file not saved as the others are (save.h): it changes at every answer,
 * and is written over in place, under flock, without a temporary file or
 * an fsync (a kill leaves a whole place; a power cut, at worst, the place
 * before or none), and not written at all when it is as this process
 * wrote it last. */
#ifndef YJ_PLACE_H
#define YJ_PLACE_H

#include "base/err.h"

struct place {
	char *screen;		/* "list", "walk", "facts" */
	char *case_name;	/* the case's file name, or NULL */
	char *item;		/* the walk item's id, or NULL */
};

/* Read the place saved for DIR; 0 with P filled, -1 when there is none
 * (P then all NULL). */
int place_load(const char *dir, const char *who, struct place *p);
int place_save(const char *dir, const char *who, const struct place *p, struct err *e);
void place_free(struct place *p);

/* When the panel meeting began in DIR for WHO (panel mode entered; a
 * relaunch the same day resumes it): an ISO time, kept beside the place in
 * DIR/.yjinspect-place-WHO.panel (the place file's name and ".panel": no
 * inspector's place file ends so, and the folder's .gitignore already
 * keeps it to this machine), so that `export --for panel` finds it after
 * the meeting. Saved atomically (it changes once a session); 0, or -1 with
 * E set. Loaded: a new string, or NULL when none was saved (or it cannot
 * be read). */
int place_panel_save(const char *dir, const char *who, const char *time, struct err *e);
char *place_panel_load(const char *dir, const char *who);

#endif
