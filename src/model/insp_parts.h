/* insp_parts.h - what the insp_*.c files share among themselves (insp.c
 * reads and writes inspection.ini, insp_check.c checks, insp_create.c
 * makes folders); not for other modules, which use insp.h. */
#ifndef YJ_INSP_PARTS_H
#define YJ_INSP_PARTS_H

#include "model/insp.h"
#include "store/conflict.h"
#include "store/iniw.h"

#define INSP_FORMAT "1"
#define INSP_FILE "inspection.ini"

/* The *.ini files of DIR/cases, sorted; NULL-terminated (free each and
 * it). Saves' temporary files left by a kill or crash are removed on the
 * way; what cannot be read is added to P. */
char **insp_list_cases(const char *dir, struct problems *p);
/* Has the key of conflict K a value in IN again? */
int insp_conflict_settled(const struct inspection *in, const struct conflict *k);
/* IN as inspection.ini's text, into W (iniw_init'ed). */
void insp_text(const struct inspection *in, struct iniw *w);

#endif
