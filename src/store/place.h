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

#endif
