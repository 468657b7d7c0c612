/* csv.h - an inspection's answers and ratings as CSV for spreadsheets
 * (RFC 4180: UTF-8, CRLF line ends, a header row, a field quoted when it
 * holds a comma, a double quote or a line break, quotes doubled).
 *
 * A free-text cell (reference, inspector, question text, note, when and
 * by whom answered) that starts with '=', '+', '-' or '@' gets a leading "'" so that
 * a spreadsheet shows it rather than running it as a formula. Text goes
 * through text_clean, newlines kept: control characters become '?' and a
 * tab a space. No curses.
 */
#ifndef YJ_CSV_H
#define YJ_CSV_H

#include <stdio.h>

#include "model/insp.h"
#include "model/rate.h"

/* answers.csv: one row per case and question of each case-rated standard
 * that covers the case: reference, case type, disposal, inspector,
 * question id, question text, relevant (yes, no, unknown), answer (yes,
 * no, na or empty), answered at, answered by, note (key questions). */
void csv_answers(FILE *out, const struct inspection *in);

/* ratings.csv: one row per key question and per standard, then the
 * overall row: kind, id, text, relevant, yes, percent, band, rating,
 * score, max, discretion, decision from, decision to, why. */
void csv_ratings(FILE *out, const struct inspection *in, const struct rate *r);

#endif
