/* tui_notes.c - the note editor: multi-line UTF-8 text with its own line
 * handling (the form library would lose line breaks). Lines are wide
 * strings; the display wraps them; Esc, Ctrl-S or F2 saves and closes.
 * Control characters in a note read from a file are shown as '?' and kept
 * as they are unless edited. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "base/buf.h"
#include "model/decide.h"
#include "tui/tui.h"
#include "base/xalloc.h"

/* The editor's own state: zeroed while it is not open */
struct tui_notes {
	int open;
	size_t kq;
	wchar_t **line;		/* logical lines */
	size_t *len;
	size_t n;
	size_t cy, cx;		/* cursor: line, character */
	int top;		/* first screen row shown */
	int failed;		/* its last save failed: Ctrl-X may discard it */
	char *base;		/* the note when the editor opened (NULL: none) */
	/* a panel decision's rationale rather than a case's note: */
	int decision;		/* it is one */
	int findings;		/* or a standard's strengths (1) or areas for
				 * improvement (2), of standard STD, or the lead's
				 * evidence on key question KQ (3) */
	size_t std;		/* moving this standard */
	int to;			/* to this band */
	char *dkq;		/* resting on this key question, or NULL */
};

static void
insert_line(struct tui_notes *nt, size_t at, const wchar_t *s, size_t len)
{
	nt->line = xrealloc(nt->line, (nt->n + 1) * sizeof *nt->line);
	nt->len = xrealloc(nt->len, (nt->n + 1) * sizeof *nt->len);
	memmove(&nt->line[at + 1], &nt->line[at], (nt->n - at) * sizeof *nt->line);
	memmove(&nt->len[at + 1], &nt->len[at], (nt->n - at) * sizeof *nt->len);
	nt->line[at] = xmalloc((len + 1) * sizeof(wchar_t));
	wmemcpy(nt->line[at], s, len);
	nt->line[at][len] = L'\0';
	nt->len[at] = len;
	nt->n++;
}

/* UTF-8 to wide; invalid bytes become U+FFFD. */
static void
load_text(struct tui_notes *nt, const char *s)
{
	wchar_t *w = xmalloc((strlen(s) + 1) * sizeof(wchar_t));
	size_t n = 0;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	while (*s) {
		size_t k = mbrtowc(&w[n], s, strlen(s), &st);

		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			w[n++] = 0xfffd;
			s++;
			memset(&st, 0, sizeof st);
			continue;
		}
		s += k;
		n++;
	}
	w[n] = L'\0';
	for (size_t start = 0, i = 0;; i++) {
		if (w[i] == L'\n' || w[i] == L'\0') {
			insert_line(nt, nt->n, w + start, i - start);
			start = i + 1;
			if (w[i] == L'\0')
				break;
		}
	}
	free(w);
}

static char *
text_of(const struct tui_notes *nt)
{
	struct buf b = BUF_INIT;
	char mb[MB_LEN_MAX];
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < nt->n; i++) {
		if (i)
			buf_addc(&b, '\n');
		for (size_t j = 0; j < nt->len[i]; j++) {
			size_t k = wcrtomb(mb, nt->line[i][j], &st);

			if (k == (size_t)-1) {
				buf_adds(&b, "\xef\xbf\xbd");
				memset(&st, 0, sizeof st);
			} else
				buf_add(&b, mb, k);
		}
	}
	/* a note that is only white space is no note */
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] != ' ' && b.data[i] != '\n')
			return buf_take(&b);
	buf_free(&b);
	return NULL;
}

/* NT opened on TEXT, the cursor at its end */
static void
editor_open(struct tui_notes *nt, const char *text)
{
	load_text(nt, text);
	nt->cy = nt->n - 1;
	nt->cx = nt->len[nt->cy];
	nt->open = 1;
}

/* What NT holds freed, and NT closed (zeroed) */
static void
notes_free(void *st)
{
	struct tui_notes *nt = st;

	for (size_t i = 0; i < nt->n; i++)
		free(nt->line[i]);
	free(nt->line);
	free(nt->len);
	free(nt->base);
	free(nt->dkq);
	memset(nt, 0, sizeof *nt);
}

/* Opened by ARG: GO_NOTE the note on key question N of the current case;
 * GO_RATIONALE the rationale of a panel decision moving standard N to band
 * TO, resting on key question KQ (NULL: none), from TEXT (closed, it
 * records the decision: an empty rationale is refused, the editor staying
 * open; Ctrl-X cancels); GO_FINDINGS standard N's strengths (TO 0) or areas
 * for improvement (1), a point a line, or (TO 2) the lead's evidence on key
 * question N of a judged standard (closed, saved). */
static int
notes_open(struct tui *t, void *st, const struct tui_go *arg)
{
	struct tui_notes *nt = st;
	const char *now = NULL;

	notes_free(nt);
	if (arg->kind == GO_NOTE) {
		now = t->in.cases[t->ci].notes[arg->n];
		nt->kq = arg->n;
		nt->base = now ? xstrdup(now) : NULL;
	} else if (arg->kind == GO_RATIONALE) {
		nt->decision = 1;
		nt->std = arg->n;
		nt->to = arg->to;
		nt->dkq = arg->kq ? xstrdup(arg->kq) : NULL;
		now = arg->text;
	} else {
		size_t std = arg->n;
		int improvements = arg->to;

		now = improvements == 1 ? t->in.improvements[std] :
		    improvements == 0 ? t->in.strengths[std] : NULL;
		nt->findings = improvements ? 2 : 1;
		nt->std = std;
		if (improvements == 2) {	/* (the evidence on key question STD) */
			nt->findings = 3;
			nt->kq = std;
			nt->std = t->in.form.kqs[std].std;
			now = t->in.evidence[std];
		}
	}
	editor_open(nt, now ? now : "");
	return 1;
}

/* The rationale written: the decision recorded (0), or the editor stays
 * open (-1, the status line says why) */
static int
record_decision(struct tui *t, struct tui_notes *nt, const char *text)
{
	const struct form *f = &t->in.form;
	struct err e;
	char note[256];
	int from = t->rate.std[nt->std].computed;

	if (text == NULL || text[strspn(text, " \t\n")] == '\0') {	/* (NULL: nothing written) */
		nt->failed = 1;
		tui_message(t, 1, "A decision needs its rationale: write why the panel moves %s, "
		    "or Ctrl-X to make no decision.", f->stds[nt->std].id);
		return -1;
	}
	if (edit_decide(&t->in, nt->std, nt->to, nt->dkq, text, t->who, &t->undo, &e) < 0) {
		nt->failed = 1;
		tui_message(t, 1, "DECISION NOT SAVED: %s. The editor stays open: Esc tries again, "
		    "Ctrl-X gives it up.", e.msg);
		return -1;
	}
	tui_recompute(t);
	tui_message(t, 0, "Panel decision: %s %s \xe2\x86\x92 %s. Score %d/%d.%s",
	    f->stds[nt->std].id, from >= 0 ? f->bands[from].rating : "?", f->bands[nt->to].rating,
	    t->rate.score, t->rate.max, insp_merge_note(&t->in, note, sizeof note));
	return 0;
}

/* Saved and closed, back to the screen under it (GO_POP into GO, when
 * given); -1 if the save failed (the editor stays open, the message says
 * why) */
static int
notes_close(struct tui *t, struct tui_notes *nt, struct tui_go *go)
{
	char *text, note[256];
	struct err e;
	int rc, conflict, used = 0;

	if (!nt->open)
		return 0;
	text = text_of(nt);
	if (nt->findings) {
		/* an undoable change (u takes it back first), or none */
		rc = nt->findings == 3 ?
		    edit_findings(&t->in, FINDINGS_EVIDENCE, nt->kq, text, &t->undo, &e) :
		    edit_findings(&t->in, nt->findings == 2 ? FINDINGS_IMPROVEMENTS :
		    FINDINGS_STRENGTHS, nt->std, text, &t->undo, &e);
		free(text);
		if (rc < 0) {
			nt->failed = 1;
			tui_message(t, 1, "NOT SAVED: %s. The editor stays open: Esc tries again, "
			    "Ctrl-X discards.", e.msg);
			return -1;
		}
		tui_recompute(t);	/* (another's changes may have come in) */
		tui_message(t, 0, "%s of %s %s.%s", nt->findings == 3 ? "The evidence" :
		    nt->findings == 2 ? "Areas for improvement" : "Strengths",
		    nt->findings == 3 ? t->in.form.kqs[nt->kq].id : t->in.form.stds[nt->std].id,
		    rc == 1 ? "not changed: nothing saved" : "saved",
		    insp_merge_note(&t->in, note, sizeof note));
		notes_free(nt);
		if (go)
			go->kind = GO_POP;
		return 0;
	}
	if (nt->decision) {
		rc = record_decision(t, nt, text);
		free(text);
		if (rc < 0)
			return -1;
		notes_free(nt);
		if (go)
			go->kind = GO_POP;
		return 0;
	}
	/* saved over the note it was opened on only: another yjinspect's
	 * note, saved meanwhile, is kept too */
	{
		size_t changes = t->undo.n;

		/* panel mode: the walk opens the editor only unlocked, and
		 * this save is the one change (by the panel's name) */
		rc = edit_note_from(&t->in, t->ci, nt->kq, nt->base, text, tui_lock_who(t),
		    &conflict, &t->undo, &e);
		used = rc == 0 && t->undo.n != changes;
	}
	free(text);
	if (rc == 0 && conflict == EDIT_NOTE_BOTH_KEPT)
		tui_message(t, 1, "The note was changed meanwhile in another yjinspect: "
		    "both are kept (e to see them).");
	else if (rc == 0 && conflict == EDIT_NOTE_REMOVED_THERE)
		tui_message(t, 1, "The note had been removed meanwhile in another yjinspect: "
		    "yours is saved.");
	else if (rc == 0 && conflict == EDIT_NOTE_THEIRS_KEPT)
		tui_message(t, 1, "The note was changed meanwhile in another yjinspect: "
		    "it stays (not cleared).");
	if (rc < 0) {
		nt->failed = 1;
		tui_message(t, 1, "NOTE NOT SAVED: %s. The editor stays open: Ctrl-S tries again, "
		    "Ctrl-X discards the note.", e.msg);
		return -1;
	}
	notes_free(nt);
	if (go)
		go->kind = GO_POP;
	if (used)
		tui_lock_used(t);
	else	/* closed unchanged: the unlock is used up all the same */
		tui_lock_spent(t, "nothing was changed");
	return 0;
}

/* Closed unsaved, only after a failed save or on a rationale */
static int
notes_discard(struct tui *t, struct tui_notes *nt, struct tui_go *go)
{
	if (!nt->open)
		return 0;
	if (!nt->failed && !nt->decision) {
		tui_message(t, 0, "Ctrl-X only discards a note that could not be saved: "
		    "Esc or Ctrl-S saves it.");
		return -1;
	}
	int decision = nt->decision, case_note = !nt->decision && !nt->findings;

	notes_free(nt);
	if (go)
		go->kind = GO_POP;
	tui_message(t, decision ? 0 : 1, "%s", decision ? "No decision made." :
	    "The note was not saved, and is discarded.");
	if (case_note)	/* (unlocked: used up) */
		tui_lock_spent(t, "nothing was changed");
	return 0;
}

static int
wc_width(wchar_t c)
{
	int w = wcwidth(c);

	return w < 1 ? 1 : w;
}

static int
is_control(wchar_t c)
{
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
}

static void
notes_draw(struct tui *t, void *st)
{
	struct tui_notes *nt = st;
	struct tui_rect r = t->main;
	int w, body, row = 0, cur_row = 0, cur_col = 0;
	char title[256];

	if (nt->decision || nt->findings) {
		/* over the ratings page that opened it: its lower third, the
		 * whole width, under a rule */
		int h = (t->rows - 2) / 3 < 8 ? 8 : (t->rows - 2) / 3;

		r = (struct tui_rect){ t->rows - 1 - h, 0, h, t->cols };
		for (int y = r.y - 1; y < r.y + r.h; y++)
			tui_fill(y, 0, t->cols);
		tui_hline(t, r.y - 1, 0, t->cols);
	}
	w = r.w;
	body = r.h - 2;

	if (nt->findings == 3)
		snprintf(title, sizeof title, "The evidence on %s: Esc saves",
		    t->in.form.kqs[nt->kq].id);
	else if (nt->findings)
		snprintf(title, sizeof title, "%s of %s, a point a line: Esc saves",
		    nt->findings == 2 ? "Areas for improvement" : "Strengths",
		    t->in.form.stds[nt->std].id);
	else if (nt->decision)
		snprintf(title, sizeof title, "Why %s to %s? Esc records it, Ctrl-X: none",
		    t->in.form.stds[nt->std].id, t->in.form.bands[nt->to].rating);
	else
		snprintf(title, sizeof title, "Note on %s: Esc or Ctrl-S saves and closes",
		    t->in.form.kqs[nt->kq].id);
	attron(A_BOLD);
	tui_put(r.y, r.x, r.w, title);
	attroff(A_BOLD);
	if (body < 1 || w < 4)
		return;
	/* first pass: where the cursor is, in wrapped rows */
	for (size_t i = 0; i < nt->n; i++) {
		int col = 0;

		for (size_t j = 0; j <= nt->len[i]; j++) {
			int cw = j < nt->len[i] ? wc_width(nt->line[i][j]) : 1;

			if (col + cw > w) {
				row++;
				col = 0;
			}
			if (i == nt->cy && j == nt->cx) {
				cur_row = row;
				cur_col = col;
			}
			col += cw;
		}
		row++;
	}
	if (cur_row < nt->top)
		nt->top = cur_row;
	if (cur_row >= nt->top + body)
		nt->top = cur_row - body + 1;
	/* second pass: draw */
	row = 0;
	for (size_t i = 0; i < nt->n; i++) {
		int col = 0;

		for (size_t j = 0; j < nt->len[i]; j++) {
			wchar_t c = nt->line[i][j];
			int cw = wc_width(c);

			if (col + cw > w) {
				row++;
				col = 0;
			}
			if (row >= nt->top && row < nt->top + body) {
				wchar_t out[2] = { is_control(c) ? L'?' : c, L'\0' };

				mvaddnwstr(r.y + 1 + row - nt->top, r.x + col, out, 1);
			}
			col += cw;
		}
		row++;
	}
	attron(tui_attr(t, TA_DIM));
	tui_put(r.y + r.h - 1, r.x, r.w, "Enter new line; arrows, Home, End move; "
	    "Backspace, Delete erase");
	attroff(tui_attr(t, TA_DIM));
	t->cury = r.y + 1 + cur_row - nt->top;
	t->curx = r.x + cur_col;
}

static int
edit_key(struct tui *t, struct tui_notes *nt, int is_code, int ch, struct tui_go *go)
{
	wchar_t *l = nt->line[nt->cy];

	switch (tui_keys_lookup(CTX_NOTES, ch, is_code)) {
	case ACT_NEWLINE:
		insert_line(nt, nt->cy + 1, l + nt->cx, nt->len[nt->cy] - nt->cx);
		nt->line[nt->cy][nt->cx] = L'\0';
		nt->len[nt->cy] = nt->cx;
		nt->cy++;
		nt->cx = 0;
		return 1;
	case ACT_ERASE_BACK:
		if (nt->cx > 0) {
			wmemmove(l + nt->cx - 1, l + nt->cx, nt->len[nt->cy] - nt->cx + 1);
			nt->cx--;
			nt->len[nt->cy]--;
		} else if (nt->cy > 0) {
			size_t prev = nt->cy - 1, plen = nt->len[prev];

			nt->line[prev] = xrealloc(nt->line[prev],
			    (plen + nt->len[nt->cy] + 1) * sizeof(wchar_t));
			wmemcpy(nt->line[prev] + plen, l, nt->len[nt->cy] + 1);
			nt->len[prev] += nt->len[nt->cy];
			free(l);
			memmove(&nt->line[nt->cy], &nt->line[nt->cy + 1],
			    (nt->n - nt->cy - 1) * sizeof *nt->line);
			memmove(&nt->len[nt->cy], &nt->len[nt->cy + 1],
			    (nt->n - nt->cy - 1) * sizeof *nt->len);
			nt->n--;
			nt->cy = prev;
			nt->cx = plen;
		}
		return 1;
	case ACT_ERASE_FWD:
		if (nt->cx < nt->len[nt->cy]) {
			wmemmove(l + nt->cx, l + nt->cx + 1, nt->len[nt->cy] - nt->cx);
			nt->len[nt->cy]--;
		} else if (nt->cy + 1 < nt->n) {	/* join the next line */
			nt->cx = 0;
			nt->cy++;
			return edit_key(t, nt, 1, KEY_BACKSPACE, go);
		}
		return 1;
	case ACT_CURSOR_LEFT:
		if (nt->cx > 0)
			nt->cx--;
		else if (nt->cy > 0)
			nt->cx = nt->len[--nt->cy];
		return 1;
	case ACT_CURSOR_RIGHT:
		if (nt->cx < nt->len[nt->cy])
			nt->cx++;
		else if (nt->cy + 1 < nt->n) {
			nt->cy++;
			nt->cx = 0;
		}
		return 1;
	case ACT_LINE_UP:
	case ACT_LINE_DOWN:
		if (tui_keys_lookup(CTX_NOTES, ch, is_code) == ACT_LINE_UP && nt->cy > 0)
			nt->cy--;
		else if (tui_keys_lookup(CTX_NOTES, ch, is_code) == ACT_LINE_DOWN &&
		    nt->cy + 1 < nt->n)
			nt->cy++;
		if (nt->cx > nt->len[nt->cy])
			nt->cx = nt->len[nt->cy];
		return 1;
	case ACT_LINE_START:
		nt->cx = 0;
		return 1;
	case ACT_LINE_END:
		nt->cx = nt->len[nt->cy];
		return 1;
	default:
		break;
	}
	/* anything else that is text goes in as typed (a tab as a space) */
	if (!is_code && ch == '\t')
		ch = ' ';
	if (is_code || ch < 0x20 || ch == 0x7f)
		return 0;
	nt->line[nt->cy] = l = xrealloc(l, (nt->len[nt->cy] + 2) * sizeof(wchar_t));
	wmemmove(l + nt->cx + 1, l + nt->cx, nt->len[nt->cy] - nt->cx + 1);
	l[nt->cx++] = (wchar_t)ch;
	nt->len[nt->cy]++;
	return 1;
}

/* Every key is the editor's: Esc or Ctrl-S saves and closes, Ctrl-X
 * discards what could not be saved, the rest edits */
static int
notes_input(struct tui *t, void *st, int is_code, int ch, struct tui_go *go)
{
	struct tui_notes *nt = st;
	enum tui_action a = tui_keys_lookup(CTX_NOTES, ch, is_code);

	if (a == ACT_DONE)
		notes_close(t, nt, go);
	else if (a == ACT_DISCARD)
		notes_discard(t, nt, go);
	else if (a == ACT_REDRAW)
		clearok(curscr, TRUE);
	else
		edit_key(t, nt, is_code, ch, go);
	return 1;
}

/* The program ends: the note saved; but a rationale half written makes no
 * decision for the panel (what was typed goes in SAID, not a failure); a
 * note that cannot be saved goes in SAID (-1) */
static int
notes_quit(struct tui *t, void *st, struct buf *said)
{
	struct tui_notes *nt = st;
	char *text;

	if (!nt->open)
		return 0;
	if (nt->decision) {
		text = text_of(nt);
		notes_discard(t, nt, NULL);	/* (a rationale's editor closes on no decision) */
		if (text)
			buf_printf(said, "yjinspect: no panel decision made; the rationale typed "
			    "was:\n%s\n", text);
		free(text);
		return 0;
	}
	if (notes_close(t, nt, NULL) == 0 || (text = text_of(nt)) == NULL)
		return 0;
	buf_printf(said, "yjinspect: %s\nyjinspect: the note was not saved; here it is:\n%s\n",
	    buf_str(&t->msg), text);
	free(text);
	return -1;
}

/* Over the ratings page: the rationale and findings editors */
static int
notes_over(const struct tui *t, void *st)
{
	const struct tui_notes *nt = st;

	(void)t;
	return nt->decision || nt->findings;
}

/* What is edited, where it was opened: "Ratings > 2.2 > decision: why";
 * a case's note has the case's title (nothing put here) */
static void
notes_title(const struct tui *t, void *st, struct buf *line)
{
	const struct tui_notes *nt = st;
	const struct form *f = &t->in.form;

	if (nt->decision)
		buf_printf(line, " Ratings > %s > decision: why (to %s)", f->stds[nt->std].id,
		    f->bands[nt->to].rating);
	else if (nt->findings == 3)
		buf_printf(line, " Ratings > %s > %s > the lead's evidence", f->stds[nt->std].id,
		    f->kqs[nt->kq].id);
	else if (nt->findings)
		buf_printf(line, " Ratings > %s > %s", f->stds[nt->std].id,
		    nt->findings == 2 ? "areas for improvement" : "strengths");
}

static const char *
notes_hint(const struct tui *t, void *st)
{
	(void)t;
	(void)st;
	return "Esc or Ctrl-S saves and closes";
}

const struct tui_screen_ops tui_notes_screen = {
	.name = "notes", .context = CTX_NOTES, .panel = 1, .state_size = sizeof(struct tui_notes),
	.hint = notes_hint, .title = notes_title, .over = notes_over, .open = notes_open,
	.draw = notes_draw, .input = notes_input,
	.quit = notes_quit, .free = notes_free,
};
