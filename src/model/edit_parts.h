/* edit_parts.h - what the edit_*.c files share among themselves (edit.c,
 * edit_undo.c, edit_add.c, edit_restore.c; the look-ups and checks of
 * names are edit_names.c's, which calls none of them); not for other
 * modules, which use edit.h. */
#ifndef YJ_EDIT_PARTS_H
#define YJ_EDIT_PARTS_H

#include "model/edit.h"

/* A copy of S (free it), or NULL for NULL. */
char *edit_dup(const char *s);
/* Are A and B the same text (both NULL, or equal)? */
int edit_same_text(const char *a, const char *b);
/* Read case CI again if it changed on disk (case_refresh), counting it in
 * U (may be NULL). -1 with E when it cannot be read. */
int edit_refresh(struct inspection *in, size_t ci, struct edit_undo *u, struct err *e);
/* Where case C keeps the answer to walk item ITEM; *STAMP gets its stamp
 * (owned by C). */
unsigned char *edit_answer_slot(struct case_file *c, const struct form *f,
				const struct walk *w, size_t item, struct stamp **stamp);
/* Where case C keeps FIELD (its reference or inspector). */
char **edit_field_slot(struct case_file *c, enum edit_field field);
/* Set FIELD of case CI to TEXT (no checks but the save's), pushed on U
 * (may be NULL). -1 with E on a failed save, nothing changed. */
int edit_field_set(struct inspection *in, size_t ci, enum edit_field field, const char *text,
		   struct edit_undo *u, struct err *e);
/* REF as a reference: -1 (E says why) if empty or too long. */
int edit_reference_ok(const char *ref, struct err *e);
/* Is REF the reference of one of IN's cases other than SELF (may be NULL)? */
int edit_reference_taken(const struct inspection *in, const char *ref,
			 const struct case_file *self);
/* The folder's adding gate, held (release it with save_unlock), if no case
 * file on disk but case CI's holds REF; else -1 with E saying which does. */
int edit_reference_gate(const struct inspection *in, size_t ci, const char *ref,
			struct err *e);

#endif
