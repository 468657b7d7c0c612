/* panel.h - the panel pack: what a ratings panel meeting did, as one
 * document for the file (`yjinspect export DIR --for panel`): the
 * decisions made in it, each with its standard, from and to, who made it,
 * when and the rationale; then every change to the cases during it (who,
 * when, which case and answer, old -> new) with each rating, key question
 * and score it moved; then the ratings as they stand at the end. Written
 * through doc.h's emitters, so as markdown or html like the report. No
 * curses, no I/O but the emitter's.
 */
#ifndef YJ_PANEL_H
#define YJ_PANEL_H

#include "model/insp.h"
#include "model/meeting.h"
#include "model/rate.h"
#include "out/doc.h"

/* Write the panel pack of IN (rated as R now) for meeting M (worked out
 * for IN: meeting_compute) through EM with context CTX. */
void panel_write(const struct doc_emit *em, void *ctx, const struct inspection *in,
		 const struct rate *r, const struct meeting *m);

#endif
