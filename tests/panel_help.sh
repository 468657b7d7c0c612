#!/bin/sh
# panel_help.sh - help where you are, on the South Tyneside demo in a real
# terminal (tmux, isolated HOME), at 80x24 and 160x48 and in the C locale
# (LANG=C, LC_ALL=C: a terminal over SSH that takes only ASCII): ? opens
# on the keys of the screen it was pressed on; the case list's hint line
# names r; a key that does nothing on a screen says why (p on the cases
# behind a key question, e on a case-rated standard, a key of another
# screen); no "??" and no mark with two meanings on the list, the walk and
# its side panel, the ratings page, a standard and its cases (their
# legends, the prompts column's included; at 160x48 the reasons under each
# standard too, and the mark of a case left out); and the terminal cursor on the
# focused row of every screen, where a screen reader looks (issue 23).
# Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
D="$TMP/demo"
"$YJ" demo "$D" >/dev/null && chmod -R go= "$D"
keep() { echo "# screen ($1):"; cap | sed 's/^/#  |/'; }

# cursor_on TEXT: the terminal cursor is shown, on the line in reverse
# video (the selection) that shows TEXT
cursor_on() {
	[ "$(pane '#{cursor_flag}')" = 1 ] || return 1
	_y=$(pane '#{cursor_y}')
	capx | sed -n "$((_y + 1))p" | grep -E "$ESC\[([0-9]+;)*7(;[0-9]+)*m" |
		sed "s/$ESC\[[0-9;]*m//g" |
		grep -qF -- "$1"
}
# cursor_at_line TEXT: shown, on a line that shows TEXT
cursor_at_line() {
	[ "$(pane '#{cursor_flag}')" = 1 ] || return 1
	cap | sed -n "$(($(pane '#{cursor_y}') + 1))p" | grep -qF -- "$1"
}
# line_is N TEXT: line N of the screen (1: the title) is TEXT; line_has:
# shows it
line_is() { [ "$(cap | sed -n "$1p" | sed 's/ *$//')" = "$2" ]; }
line_has() { cap | sed -n "$1p" | grep -qF -- "$2"; }
# the cursor where the check says, else where it is (in the log)
at() {
	wait_until "$@" 2>/dev/null && return 0
	echo "# the cursor: $(pane '#{cursor_flag} #{cursor_x},#{cursor_y}'), line:" \
		"$(cap | sed -n "$(($(pane '#{cursor_y}') + 1))p")"
	return 1
}
# no_qq: the screen shows no "??" (a character the terminal cannot show,
# drawn byte by byte)
no_qq() {
	cap >"$TMP/qq"
	grep -qF '??' "$TMP/qq" || return 0
	grep -nF '??' "$TMP/qq" | sed 's/^/#  ?? at /'
	return 1
}
# marks: "MARK<TAB>MEANING" pairs of the screen into $TMP/marks: every
# legend's entries (two spaces apart), the prompts legend's, and the
# band marks before a band's name
marks() {
	cap | sed 's/.*|//' | awk '
	function legend(s,   n, i, e, a) {
		n = split(s, a, /  +/)
		for (i = 1; i <= n; i++) {
			e = a[i]; sub(/^ +/, "", e)
			if (e ~ /^[^ ]+ [a-z]/) { m = e; sub(/ .*/, "", m); sub(/^[^ ]+ /, "", e); print m "\t" e }
		}
	}
	/discretion candidate|panel decision|evidence moved/ { legend($0) }
	/^Prompts: / { sub(/^Prompts: /, ""); legend($0) }
	/^        [^ ]+ [0-9a-zA-Z]/ && ($1 ~ /^.$/ || $1 !~ /[ -~]/) {	# a reason under a standard (the wide page)
		m = $1; print m "\t" ($0 ~ /Panel decision/ ? "panel decision" : "discretion candidate")
	}
	match($0, / [^ ] (Inadequate|Requires improvement|Good|Outstanding)( |$)/) {
		s = substr($0, RSTART + 1, RLENGTH - 1); sub(/ +$/, "", s)
		m = substr(s, 1, 1); sub(/^. /, "", s); print m "\t" s
	}' >>"$TMP/marks"
}
# page_marks_legended: each mark after a rating on the ratings page (the
# screen, narrow or wide) is one its legend explains, as the side panel's
# does
page_marks_legended() {
	cap >"$TMP/page"
	awk '/^  [0-9]+\.[0-9]+ / && match($0, /(Inadequate|Requires improvement|Good|Outstanding) +[^ 0-9]+ +[0-9-]+( |$)/) {
		s = substr($0, RSTART, RLENGTH); sub(/ +[0-9-]+ ?$/, "", s); sub(/.* /, "", s); print s
	}' "$TMP/page" | sort -u >"$TMP/used"
	[ -s "$TMP/used" ] || { echo "#  no mark after a rating"; return 1; }
	while read -r m; do
		grep -qE "(^|  )$(printf '%s' "$m" | sed 's/[]\/$*.^[]/\\&/g') (discretion|panel|evidence)" \
			"$TMP/page" || { echo "#  \"$m\" after a rating is in no legend"; return 1; }
	done <"$TMP/used"
}
# reasons_legended: each reason under a standard on the wide page (the
# screen) starts with a mark its legend explains
reasons_legended() {
	cap >"$TMP/page"
	# (a mark: one ASCII character, or no ASCII; not a reason's wrapped line)
	awk '/^        [^ ]+ [0-9a-zA-Z]/ && ($1 ~ /^.$/ || $1 !~ /[ -~]/) { print $1 }' \
		"$TMP/page" | sort -u >"$TMP/used"
	[ -s "$TMP/used" ] || { echo "#  no reason under a standard"; return 1; }
	while read -r m; do
		grep -qE "(^|  )$(printf '%s' "$m" | sed 's/[]\/$*.^[]/\\&/g') (discretion|panel)" \
			"$TMP/page" || { echo "#  \"$m\" before a reason is in no legend"; return 1; }
	done <"$TMP/used"
}
# one_meaning: no mark of $TMP/marks has two meanings
one_meaning() {
	sort -u "$TMP/marks" | awk -F '\t' '{ n[$1]++; m[$1] = m[$1] " / " $2 }
		END { for (s in n) if (n[s] > 1) { print "#  \"" s "\" means" m[s]; bad = 1 }
		exit bad }'
}

# the status line does not offer q to quit
hint_has_no_quit() { ! cap | tail -n 1 | grep -q "q quit"; }

# ---- 80x24, UTF-8: the hint lines, help where you are, keys that say why
WHO="Help One"
ui h1 80 24 "$YJ" "$D"
wait_for "10 cases" >/dev/null
check "the case list's hint names r" wait_for "r ratings"
check "...and the cursor is on its selected row" at cursor_on "ST-C01"
key j
check "...and moves with it" at cursor_on "ST-C02"
key y
check "y on the list says why it does nothing (it answers, on the walk)" \
	wait_for 'y does nothing here: it is "answer Yes, then go to the next unanswered'
key r
check "r opens the ratings page" wait_for "Ratings · South Tyneside"
check "...its hint has Esc back" wait_for "Esc back  ? help"
check "...and not q quit (q goes back to the list from here)" hint_has_no_quit
check "...each mark after a rating is in its legend" page_marks_legended
check "...the cursor on the selected standard" at cursor_on "1.1   Governance"
key '?'
check "? on the ratings page: the help opens on that page's keys" \
	wait_for "yjinspect keys (Esc, q or ? to close) · the ratings page first"
check "...its first heading is the ratings page" wait_until line_is 4 " ratings page"
check "...its keys under it" wait_until line_has 5 "previous item"
check "...the cursor on the help's first line" at cursor_at_line "Keys of this screen (the ratings page)"
keep "the help over the ratings page, 80x24"
key NPage	# (the ratings page's keys fill the first 24 rows)
check "...then the keys of most screens, the rest below" wait_for " most screens"
key Escape
wait_for "Ratings · South Tyneside" >/dev/null
for i in 1 2 3 4 5 6 7 8 9; do key j; done
check "j to 3.2, the cursor with it" at cursor_on "3.2   Planning"
key Enter
check "Enter: 3.2's page" wait_for "Ratings > 3.2 Planning"
check "...the cursor on its key question" at cursor_on "3.2.2"
key e
check "e on a case-rated standard says why it does nothing" \
	wait_for "e does nothing here: evidence is for judged key questions; 3.2 is rated from"
key Enter
check "Enter: the cases behind 3.2.2" wait_for "Ratings > 3.2 > 3.2.2: the cases"
check "...a legend for the prompts column" wait_for "Prompts: Y yes  N no  / n/a  ? unanswered  . does not apply"
check "...the cursor on the selected case" at cursor_on "ST-O01"
key j
check "...and moves with the selection" at cursor_on "ST-O02"
key p
check "p on the cases says why it does nothing" wait_for "p does nothing here: prompts are listed on the"
key '?'
check "? there: the ratings pages' keys first" \
	wait_for "yjinspect keys (Esc, q or ? to close) · the ratings page first"
key Escape
key Enter
check "Enter opens the case in the walk" wait_for "case ST-O02 (8 of 10)"
check "...the walk's hint has Esc back" wait_for "u undo  Esc back  ? help"
check "...the cursor on the walk's item (3.2.2's judgement)" at cursor_on "Key-question judgement"
key '?'
check "? on the walk: the walk's keys first" wait_for "· the walk first"
key Escape
key s
check "s: the standard picker" wait_for "Jump to a standard (Enter), Esc to stay"
check "...the cursor on the standard selected" at cursor_on "3.2   Planning"
key Escape
key f
check "f: the case facts form" wait_re "Case type"
check "...the cursor on its focused field" at cursor_on ""
key Escape
wait_for "u undo  Esc back" >/dev/null
key Tab
check "Tab: the side panel has the keys, and the cursor" wait_for "j/k scroll the panel"
check "...on the panel's first row" at cursor_at_line "Score 14/36"
key Tab
key q
wait_for "EXIT 0" >/dev/null

# ---- the C locale: ASCII only, one mark a meaning, every legend from one table
WHO="Help C"
: >"$TMP/marks"
ui h2 80 24 LANG=C LC_ALL=C "$YJ" "$D"
wait_for "10 cases" >/dev/null
check "C locale: the title's separators are ASCII" wait_for "South Tyneside Youth Justice Service | yj-2019 | 10 cases"
check "C locale: the list and its side panel show no ??" no_qq
check "C locale: the side panel's legend" wait_for "~ discretion candidate"
marks
keep "the case list, C locale"
key Enter
wait_for "Esc back  ? help" >/dev/null
check "C locale: the walk and its side panel show no ??" no_qq
marks
key r
wait_for "Ratings | South Tyneside" >/dev/null
check "C locale: the ratings page shows no ??" no_qq
check "C locale: its legend" wait_for "~ discretion candidate  d panel decision  ! evidence moved since decided"
check "C locale: each mark after a rating is in the legend" page_marks_legended
marks
keep "the ratings page, C locale"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do key j; done
key Enter
wait_for "Ratings > 3." >/dev/null
check "C locale: a standard's page shows no ??" no_qq
marks
key Enter
wait_for ": the cases" >/dev/null
check "C locale: the cases behind a key question show no ??" no_qq
check "C locale: the prompts column's legend, its n/a no band's mark in either case" \
	wait_for "Prompts: Y yes  N no  / n/a  ? unanswered  . does not apply"
marks
keep "the cases behind a key question, C locale"
check "C locale: no mark has two meanings ($(sort -u "$TMP/marks" | wc -l) seen)" one_meaning
check "C locale: the bands' marks were seen" sh -c "grep -c 'Inadequate\|Requires improvement\|Good\|Outstanding' '$TMP/marks' | grep -qv '^0$'"
key q
wait_for "EXIT 0" >/dev/null

# ---- the C locale at 160x48: the wide page's reasons, one mark a meaning
WHO="Help C Wide"
: >"$TMP/marks"
ui h4 160 48 LANG=C LC_ALL=C "$YJ" "$D"
wait_for "10 cases" >/dev/null
key r
wait_for "Ratings | South Tyneside" >/dev/null
check "C locale, 160x48: the wide page shows no ??" no_qq
check "...its legend" wait_for "~ discretion candidate  d panel decision  ! evidence moved since decided"
check "...each mark after a rating is in the legend" page_marks_legended
check "...each reason under a standard starts with a mark of the legend" at reasons_legended
check "...a judged standard's way to move: the key d, not the decision mark" \
	wait_re "^  1\.1 .*Up or down: the lead inspector's judgement \(key d\)$"
marks
keep "the wide ratings page, C locale"
check "C locale, 160x48: no mark has two meanings ($(sort -u "$TMP/marks" | wc -l) seen)" one_meaning
key q
wait_for "EXIT 0" >/dev/null

# ---- the C locale: a case file left out has a mark of its own, not the
# evidence-moved one
WHO="Help C Left"
D2="$TMP/broken"
"$YJ" demo "$D2" >/dev/null && chmod -R go= "$D2"
echo "garbage line" >>"$D2/cases/ST-C03.ini"
ui h5 80 24 LANG=C LC_ALL=C "$YJ" "$D2"
check "C locale: the case left out is marked # on the list" \
	wait_re '^ST-C03\.ini +cannot be read: left out +# *\|'
key q
wait_for "EXIT 0" >/dev/null

# ---- 160x48, a projector: the same
WHO="Help Two"
ui h3 160 48 "$YJ" "$D"
wait_for "10 cases" >/dev/null
check "160x48: the list's hint names r" wait_for "r ratings"
check "160x48: the cursor on the selected row" at cursor_on "ST-C01"
key r
wait_for "Ratings · South Tyneside" >/dev/null
check "160x48: the cursor on the selected standard" at cursor_on "1.1   Governance"
key '?'
check "160x48: ? opens on the ratings page's keys" wait_until line_is 4 " ratings page"
key Escape
key Enter
wait_for "Ratings > 1.1" >/dev/null
check "160x48: a judged standard's hint names e" wait_for "e evidence  d judge"
key Escape
wait_for "Ratings · South Tyneside" >/dev/null
key Escape
wait_for "r ratings" >/dev/null
key Enter
wait_for "Esc back  ? help" >/dev/null
key s
check "160x48: the standard picker" wait_for "Jump to a standard (Enter), Esc to stay"
check "...its band words whole, the width used" wait_re '^2\.2 +Planning +▲ Requires improvement +│'
key Escape
key q
wait_for "EXIT 0" >/dev/null
finish
