/* fit.h - a text the model built whole (struct buf) given to a caller's
 * fixed array: cut, if it must be, where the reader can see it was. */
#ifndef YJ_FIT_H
#define YJ_FIT_H

#include <stddef.h>

/* S into TO of SIZE bytes, NUL-terminated. When S does not fit it is cut
 * at the start of a character and ends with an ellipsis ("…"), or is ""
 * when SIZE has no room for one. Returns 1 when S was cut, else 0. */
int fit_copy(char *to, size_t size, const char *s);

#endif
