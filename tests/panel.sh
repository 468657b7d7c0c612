#!/bin/sh
# panel.sh - the ratings panel meeting on screen, in a real terminal (tmux,
# isolated HOME), on the South Tyneside demo: the ratings page at 80x24 and
# 160x48 (there every standard's figures, reasons and moves); drill-down
# from 3.2 to its lowest key question, to a No case, into the walk and back
# the same way; a decision recorded with its rationale
# (refused without one), seen on screen and in `summary --format tsv`, then
# withdrawn after a confirmation; and another yjinspect's answer moving a
# rating on the page with no key pressed. Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Panel Chair"
D="$TMP/demo"
"$YJ" demo "$D" >/dev/null && chmod -R go= "$D"
tsv() { "$YJ" summary "$D" --format tsv 2>/dev/null; }
# the screen, as comments in the log (the closing note's captures)
keep() { echo "# screen ($1):"; cap | sed 's/^/#  |/'; }

# ---- 80x24: the ratings page, one key from the case list
ui p1 80 24 "$YJ" "$D"
wait_for "10 cases" >/dev/null
key r
check "r opens the ratings page" wait_for "Ratings · South Tyneside Youth Justice Service"
check "...the score and the overall rating" wait_for "Score 14/36 · Overall rating: Requires improvement"
check "...how complete the evidence is" wait_for "every relevant question answered"
check "...each domain's heading" wait_for "3. Out-of-court disposals"
check "...each standard with its rating, symbol, mark and score" \
	wait_re '^  3\.2 +Planning +✖ Inadequate +◆ +0'
check "...a judged standard too" wait_re '^  1\.1 +Governance and leadership +● Good +2'
keep "the ratings page, 80x24"
for i in 1 2 3 4 5 6 7 8 9; do key j; done
check "j moves to 3.2" wait_sel "  3.2   Planning"

# ---- drill-down: standard, key question, case, and back
key Enter
check "Enter opens the standard: the report's key-question table" \
	wait_re "^Of the 4 cases inspected +Relevant 'Yes' +% +Band"
check "...with the sub-sample's label" wait_for "(cases with factors relevant to keeping the child safe)"
check "...at the key question that sets the rating" wait_sel "3.2.2"
check "...its discretion reason in figures" wait_for "rests on 4 cases"
check "...and what would change it" wait_for "What would change it:"
check "...up a band, with the cases that could do it" wait_re "Up to Requires improvement, [0-9]+ judgements?"
key p
check "p shows the key question's prompts" wait_re '^        · .* +4 +[0-9]+ +[0-9]+%'
keep "a standard, 80x24"
key Enter
check "Enter: the cases behind 3.2.2" wait_for "Ratings > 3.2 > 3.2.2: the cases"
check "...its figures" wait_for "0 of 4 relevant cases Yes (0%)"
check "...each case: reference, inspector, judgement, prompts" wait_re '^ST-O01 +Daniel Okafor +No +[YNx.?]+'
check "...the cases the standard does not cover, counted" wait_for "(6 cases that 3.2 does not cover)"
key y
check "y: only the cases judged Yes (none)" wait_for "(no case with that judgement)"
key n
check "n: only the No cases" wait_for "showing No only"
keep "the cases behind a key question, 80x24"
key j
check "j selects the next case" wait_sel "ST-O02"
key Enter
check "Enter opens the case in the walk" wait_for "case ST-O02 (8 of 10)"
check "...at that key question" wait_for "3.2 Planning · key question 2 of 3"
key h
check "h comes back to the cases" wait_for "Ratings > 3.2 > 3.2.2: the cases"
check "...on the same case" wait_sel "ST-O02"
key Escape
check "Esc back to the standard" wait_for "Ratings > 3.2 Planning"

# ---- a decision, recorded on screen
key d
check "d asks which band" wait_for "Move 3.2 from Inadequate to: 1 Inadequate, 2 Requires improvement"
key 2
check "...then the rationale, in the note editor" wait_for "Why 3.2 to Requires improvement? Esc records it"
key Escape
check "a decision without a rationale is refused" wait_for "A decision needs its rationale"
check "...nothing saved" lacks "$D/inspection.ini" "[decision.3.2]"
typed "Risk of harm was being partly addressed in the one case."
key Escape
check "the decision is recorded, and the score says so" \
	wait_for "Panel decision: 3.2 Inadequate → Requires improvement. Score 15/36."
check "...the standard shows it" wait_for "3.2 Planning: Requires improvement †"
check "...and its key question: *Professional discretion applied" wait_for "        *Professional discretion applied"
check "...with its rationale" wait_for "† Panel decision on 3.2.2: Inadequate → Requires improvement. Risk of harm was"
check "...by whom" contains "$D/inspection.ini" 'by = "Panel Chair"'
check "...in inspection.ini" contains "$D/inspection.ini" 'why = "Risk of harm was being partly addressed in the one case."'
tsv >"$TMP/tsv"
check "...and in summary --format tsv" grep -qP '^standard\t3\.2\t.*\tRequires improvement\t.*\tinadequate>requires-improvement\tPlanning$' "$TMP/tsv"
check "...the score too" grep -qP '^overall\t.*\t15\t36\t' "$TMP/tsv"
key Escape
check "back on the page: the score moved" wait_for "Score 15/36"
check "...the decision marked" wait_re '^  3\.2 +Planning +. Requires improvement +† +1'

# ---- withdrawn, after a confirmation
key D
check "D asks first" wait_for "Withdraw the panel decision on 3.2 (Inadequate to Requires improvement)?"
key n
check "...any other key keeps it" wait_for "The decision stays."
check "...kept in the file" contains "$D/inspection.ini" "[decision.3.2]"
key D
wait_for "Withdraw the panel decision" >/dev/null
key y
check "y withdraws it" wait_for "The panel decision on 3.2 is withdrawn: 3.2 is Inadequate again."
check "...from the file" lacks "$D/inspection.ini" "[decision.3.2]"
check "...the score back" wait_for "Score 14/36"
tsv >"$TMP/tsv"
check "...and in summary" grep -qP '^overall\t.*\t14\t36\t' "$TMP/tsv"
key u
check "u takes back the withdrawal: the decision is back" wait_for "Undone: the withdrawal; decision on 3.2 (Requires improvement) restored."
check "...in the file" contains "$D/inspection.ini" 'why = "Risk of harm was being partly addressed in the one case."'
check "...on screen" wait_for "Score 15/36"
key u
check "u again takes back the decision itself" wait_for "Undone: decision on 3.2 (Requires improvement) removed."
check "...the score back" wait_for "Score 14/36"
check "...from the file" lacks "$D/inspection.ini" "[decision.3.2]"

# ---- a judged standard: the lead's judgement and the findings, here too
for i in 1 2 3 4 5 6 7 8 9; do key k; done
# (1.1 under a bold heading: its reverse video is not told apart; d names it)
key d
check "d on a judged standard asks for the judgement" wait_for "Judge 1.1 (now Good): 1 Inadequate"
key 4
check "4: judged Outstanding, the score moves" wait_for "1.1 judged: Outstanding. Score 15/36."
check "...in inspection.ini" grep -q '^1\.1 = outstanding$' "$D/inspection.ini"
key d
wait_for "Judge 1.1 (now Outstanding)" >/dev/null
key 3
check "3: back to Good" wait_for "1.1 judged: Good. Score 14/36."
key Enter
check "Enter opens the judged standard" wait_for "Judged by the lead inspector, not case by case"
key S
check "S edits its strengths in the note editor" wait_for "Strengths of 1.1, a point a line: Esc saves"
typed "A board that knows its children"
key Enter
typed "Leaders who listen"
key Escape
check "...saved, a point a line" wait_for "Strengths of 1.1 saved."
check "...shown on its page" wait_for "- Leaders who listen"
check "...in inspection.ini, as findings records them" contains "$D/inspection.ini" 'strengths = "A board that knows its children\nLeaders who listen"'
key e
check "e edits the lead's evidence on the key question selected" wait_for "The evidence on 1.1.1: Esc saves"
typed "Board minutes show each child's outcomes reviewed."
key Escape
check "...saved" wait_for "The evidence of 1.1.1 saved."
check "...shown under its key question" wait_for "        Board minutes show each child's outcomes reviewed."
check "...in inspection.ini [evidence]" grep -q "^1\.1\.1 = \"Board minutes show each child's outcomes reviewed.\"$" "$D/inspection.ini"
"$YJ" summary "$D" --format md >"$TMP/md"
check "...and in summary --format md" contains "$TMP/md" "Leaders who listen"
check "...the evidence too (md escapes the number's first dot)" contains "$TMP/md" "- 1\\.1.1: Board minutes show each child's outcomes reviewed."
key Escape
for i in 1 2 3 4 5 6 7 8 9; do key j; done
wait_sel "  3.2   Planning" >/dev/null

# ---- where a key question does not apply: the fact that rules it out
for i in 1 2 3 4; do key k; done
check "k back to 2.2" wait_sel "  2.2   Planning"
key Enter
wait_for "Ratings > 2.2 Planning" >/dev/null
key Enter
check "2.2.2's cases" wait_for "Ratings > 2.2 > 2.2.2: the cases"
check "...where it does not apply, the fact that rules it out" wait_re '^ST-C06 +Factors related to keeping the child safe: No'
key Escape
key Escape
wait_for "Score 14/36" >/dev/null

# ---- live: another yjinspect's answer moves a rating, no key pressed
YJINSPECT_INSPECTOR="Ann Lee" "$YJ" answer "$D" ST-C03 2.2.2=yes >/dev/null
check "another's answer: the page shows the new score" wait_for "Score 15/36"
check "...and 2.2's new rating" wait_re '^  2\.2 +Planning +. Good'
# underlined: the row 2.2 with an underline (4) among its attributes
underlined() { capx | grep '2\.2   Planning' | grep -q "$ESC\[[0-9;]*4[;m]"; }
faded() { ! underlined; }
check "...the changed row highlighted" underlined
t0=$(date +%s)
wait_until faded >/dev/null
t1=$(date +%s)
check "...for a few seconds only (gone after $((t1 - t0)) s)" faded
quit_ui
check "Q quits (asked first below the top), exit 0" wait_for "EXIT 0"

# ---- r over the facts form: the form closed first; a hangup mid-rationale
ui p3 80 24 "$YJ" "$D"
wait_for "10 cases" >/dev/null
key Enter
wait_re "^ case ST-" >/dev/null	# (the case the walk was last on)
key f
wait_for "Case facts:" >/dev/null
# on a yes/no row (on a choice row r is typed as the start of a choice)
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do key Down; done
wait_re '^> CM interviewed' >/dev/null
key r
check "r over the facts form opens the ratings page" wait_for "Ratings · South Tyneside"
key Escape
check "...and Esc returns to the walk, the form closed" wait_for "y n x answer"
key r
wait_for "Ratings · South Tyneside" >/dev/null
key d
wait_for "Move " >/dev/null
key 3
wait_for "Esc records it" >/dev/null
typed "half a thought"
wait_for "half a thought" >/dev/null
pid=$(prog_pid)
check "...the program's pid is found" [ -n "$pid" ]
tm run-shell "kill -HUP $pid"	# (sent from the terminal's own server, as tui.sh does)
check "a hangup with a rationale half written: exit 0" wait_for "EXIT 0"
check "...no decision made" sh -c "! grep -q '^\[decision\.' '$D/inspection.ini'"
check "...and says so, with what was typed" wait_for "no panel decision made; the rationale typed was:"
check "...the text itself" wait_for "half a thought"

# ---- 160x48, a projector: the same page shows more
ui p2 160 48 "$YJ" "$D"
wait_re " case ST-O02 \(8 of 10\)" >/dev/null	# (where p3 left it: the walk)
key r
check "160x48: each standard's lowest key question in figures" wait_re '^  2\.2 +Planning .* 2\.2\.3 4/6 67% Good '
check "160x48: what would move each standard, beside it" wait_re '^  3\.2 +Planning .* Up to Requires improvement: 4 judgements'
check "160x48: and the overall's" wait_for "What would change the overall rating:"
keep "the ratings page, 160x48"
quit_ui
wait_for "EXIT 0" >/dev/null
finish
