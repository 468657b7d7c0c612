#!/bin/sh
# panel_page.sh - the ratings page on a projector and on a small terminal,
# in a real terminal (tmux, isolated HOME), on the South Tyneside demo:
# at 160x48 every standard's lowest key question in figures, its discretion
# reasons and what would move it, all at once with no key but r; a
# standard's key-question table with its band words whole; after a
# decision moving 2.2 to Good, no "Up to Good" offered; the rationale and
# findings editors titled with the ratings page and the standard, drawn
# over the page; undo saying what it did to a decision; and at 80x24 the
# page with the rating's and score's heads, and under it the selected
# standard's detail and the overall's; a page longer than the screen
# (every one of the three) saying so on its last row and scrolling to the
# end with PgDn, Space, and j past the last standard (issue 23).
# Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Panel Chair"
D="$TMP/demo"
"$YJ" demo "$D" >/dev/null && chmod -R go= "$D"
# the screen, as comments in the log (the closing note's captures)
keep() { echo "# screen ($1):"; cap | sed 's/^/#  |/'; }
# not_on_screen RE: the screen (drawn: every key sent read) shows no line
# matching RE
not_on_screen() { wait_read >/dev/null; ! cap | grep -qE -- "$1"; }

# every standard's row on the screen with its lowest key question in
# figures (or who judges it) and what would move it, and each case-rated
# one a discretion reason or decision under it, in figures
every_reason() {
	cap | awk '
	/^  [0-9]\.[0-9] / {
		s = $1; n++
		if ($0 ~ / [0-9]\.[0-9]\.[0-9] [0-9]+\/[0-9]+ [0-9]+% [A-Z]/) { fig[s] = 1; cases[s] = 1 }
		else if ($0 ~ /judged by the lead inspector/) fig[s] = 1
		if ($0 ~ /Up( to [A-Z][a-z ]+: [0-9a-z]| or down: |: not possible)/) mv[s] = 1
		next
	}
	/^        (◆|\*|†) [0-9a-z]/ { if (s != "") why[s] = 1 }
	/^[0-9]\. / { s = "" }
	END {
		if (n != 12) { print "standards on screen: " n; exit 1 }
		for (x in cases) if (!why[x]) { print x ": no reason under it"; exit 1 }
		for (x in fig) if (!mv[x]) { print x ": no move beside it"; exit 1 }
		c = 0; for (x in fig) c++
		if (c != 12) { print "standards with figures: " c; exit 1 }
		c = 0; for (x in cases) c++
		if (c != 8) { print "case-rated with figures: " c; exit 1 }
	}'
}

# ---- 160x48, a projector: every standard's reasons, no selection needed
ui p1 160 48 "$YJ" "$D"
wait_for "10 cases" >/dev/null
key Enter	# (a case walked first: the editors must not take its title)
wait_re "^ case ST-" >/dev/null
key r
check "160x48: r opens the ratings page" wait_for "Ratings · South Tyneside Youth Justice Service"
check "...with column heads" wait_re '^  Standard +Rating +Score +Lowest key question +What would move it$'
check "...every standard's lowest key question, moves and reasons at once" wait_until every_reason
check "...3.2's lowest in figures" wait_re '^  3\.2 +Planning .* 3\.2\.2 0/4 0% Inadequate +Up to Requires improvement: 4 judgements'
check "...2.2's moves each way" wait_re '^  2\.2 +Planning .* 2\.2\.2 3/5 60% Requires improvement +Up to Good: 1 judgement; down to Inadequate: 1$'
check "...2.2's discretion reason near a boundary" \
	wait_re '^        ◆ 2\.2\.2: 60% \(3 of 5\) is 5 points below 65% \(Good\)'
check "...and its small sample" wait_re '^        ◆ rests on 5 cases: 2\.2\.2 \(3 of 5\)'
check "...and the overall's moves under the page" wait_for "What would change the overall rating:"
keep "the ratings page, 160x48"

# ---- a standard's key-question table: the band words whole
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do key k; done	# (at 1.1, the top)
wait_read >/dev/null
for i in 1 2 3 4 5 6; do key j; done
check "j to 2.3" wait_sel "  2.3   Implementation and delivery"
key Enter
check "Enter opens 2.3" wait_for "Ratings > 2.3 Implementation and delivery"
check "...its band words whole" wait_re '^2\.3\.1 .* 67%  Reasonable majority$'
check "...and which key question is lowest" wait_re '^2\.3\.2 .* 60%  Too few  \(lowest\)$'
shot
check "...nothing cut (…) with the screen not full" sh -c "! grep -q '…' '$TMP/screen'"
key Escape
wait_for "Ratings · South Tyneside" >/dev/null

# ---- a decision on 2.2: its editor over the page; then no "Up to Good"
key k
check "k to 2.2" wait_sel "  2.2   Planning"
key d
wait_for "Move 2.2 from Requires improvement to:" >/dev/null
key 3
check "the rationale editor's title names the ratings page and the standard" \
	wait_re '^ Ratings > 2\.2 > decision: why \(to Good\)'
check "...not the case walked" not_on_screen "^ case ST-"
check "...drawn over the page, its rows in sight" wait_re '^  2\.2 +Planning '
check "...the editor itself" wait_for "Why 2.2 to Good? Esc records it"
typed "The plans seen were sound."
key Escape
check "the decision recorded" wait_for "Panel decision: 2.2 Requires improvement → Good. Score 15/36."
check "2.2's row: moves from Good, the panel's" \
	wait_re '^  2\.2 +Planning +. Good +† +2 +2\.2\.2 3/5 60% Requires improvement +Up to Outstanding: a new decision; down to'
check "...its decision under it" wait_re '^        † Panel decision on 2\.2\.2: Requires improvement → Good\. The plans seen were sound\.'
shot
check "...no \"Up to Good\" offered for 2.2" sh -c "! grep -E '^  2\.2 ' '$TMP/screen' | grep -q 'Up to Good'"
key Enter
check "Enter opens 2.2" wait_for "Ratings > 2.2 Planning"
check "...what would change it, from Good" wait_for "Up to Outstanding: a new panel decision"
check "...down: the decision withdrawn" \
	wait_for "Down to Requires improvement: the panel's decision withdrawn (the evidence gives Requires improvement)"
shot
check "...no \"Up to Good, 1 judgement\"" lacks "$TMP/screen" "Up to Good"
key S
check "S: the strengths editor titled with the page and the standard" \
	wait_re '^ Ratings > 2\.2 > strengths$'
typed "Plans that name the risks"
key Escape
check "...saved" wait_for "Strengths of 2.2 saved."
key Escape
wait_for "Ratings · South Tyneside" >/dev/null

# ---- undo says what it did to a decision
key D
wait_for "Withdraw the panel decision on 2.2" >/dev/null
key y
check "withdrawn" wait_for "The panel decision on 2.2 is withdrawn"
key u
check "u after a withdrawal: the decision restored, and said so" \
	wait_for "Undone: the withdrawal; decision on 2.2 (Good) restored."
check "...in the file" contains "$D/inspection.ini" "[decision.2.2]"
key u
check "u again: the strengths written after the decision first (issue 23)" \
	wait_for "Undone: the strengths of 2.2."
key u
check "u again: the decision removed, and said so" wait_for "Undone: decision on 2.2 (Good) removed."
check "...from the file" lacks "$D/inspection.ini" "[decision.2.2]"
key d
wait_for "Move 2.2 from" >/dev/null
key 3
wait_for "Why 2.2 to Good?" >/dev/null
typed "Sound plans."
key Escape
wait_for "Panel decision: 2.2 Requires improvement → Good." >/dev/null
key d
wait_for "Move 2.2 from" >/dev/null
key 4
wait_for "Why 2.2 to Outstanding?" >/dev/null
typed "Better than sound."
key Escape
wait_for "Panel decision: 2.2 Requires improvement → Outstanding." >/dev/null
key u
check "u after a decision that replaced another: back to it, and said so" \
	wait_for "Undone: decision on 2.2 (Outstanding); back to Good."
check "...in the file" contains "$D/inspection.ini" 'why = "Sound plans."'

# ---- a page longer than the screen: it says so, and scrolls (PgDn,
# PgUp, j past the last standard)
key j
wait_sel "  2.3   Implementation" >/dev/null
key d
wait_for "Move 2.3 from" >/dev/null
key 3
wait_for "Why 2.3 to Good?" >/dev/null
typed "Delivery seen."
key Escape
check "a second decision, on 2.3" wait_for "Panel decision: 2.3 Requires improvement → Good."
check "...the page now longer than 48 rows says so on its last" wait_re '^… [0-9]+ more rows?: PgDn$'
keep "the ratings page cut, 160x48"
# overall_down_whole: the overall's way down on the screen, its end (the
# decided standards, last) on the last row above the hint
overall_down_whole() {
	cap | grep -q '^  Down to Inadequate below' &&
		cap | sed -n 47p | grep -q 'decision)$'
}
key NPage
check "PgDn: the rest of the page, the overall's way down whole" wait_until overall_down_whole
key PPage
check "PgUp: back to the top" wait_re '^Score 16/36 · Overall rating'
for i in 1 2 3 4 5 6 7 8 9 10 11; do key j; done	# (3.4 is five on)
check "j past the last standard: the rows beyond come into sight" wait_until overall_down_whole
check "...3.4 still selected" wait_sel "  3.4   Joint working"

# ---- 80x24: the page, the detail under it, each in reach
ui p2 80 24 "$YJ" "$D"
wait_prog >/dev/null	# (it opens where this inspector was last)
wait_read >/dev/null
key r
check "80x24: the ratings page" wait_for "Ratings · South Tyneside Youth Justice Service"
check "...each standard's row alone, as before" wait_re '^  3\.2 +Planning +✖ Inadequate +◆ +0$'
check "...the decided one marked" wait_re '^  2\.2 +Planning +. Good +† +2$'
check "...the rating's and score's column heads on the first domain's line" \
	wait_re '^1\. Organisational delivery +Rating +Score$'
check "...not the wide page's" not_on_screen "Lowest key question"
check "...the detail under it cut, and the page says so" wait_re '^… [0-9]+ more rows: PgDn$'
keep "the ratings page, 80x24"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do key k; done	# (at 1.1, the top)
wait_read >/dev/null
for i in 1 2 3 4 5 6 7 8 9; do key j; done
check "j to 3.2" wait_sel "  3.2   Planning"
key Space
check "Space: the selected standard's detail in sight" wait_re '^3\.2 Planning: Inadequate$'
check "...its reasons" wait_re '^  ◆ rests on 4 cases'
key NPage
check "PgDn: what would change the overall rating" wait_for "What would change the overall rating:"
check "...its way down too" wait_re '^  Down to Inadequate below'
keep "the ratings page scrolled, 80x24"
key Enter
check "Enter: 3.2's key questions" wait_re "^Of the 4 cases inspected +Relevant 'Yes' +% +Band"
check "...its reasons" wait_for "rests on 4 cases"
check "...what would change it" wait_re "Up to Requires improvement, 4 judgements"
check "...its findings cut, and the page says so" wait_re '^… [0-9]+ more rows?: PgDn$'
keep "a standard, 80x24"
key NPage
check "PgDn: its areas for improvement in sight" wait_for "Areas for improvement (I to edit):"
finish
