#!/bin/sh
# panel_lock.sh - panel mode (issue 23), in a real terminal (tmux, isolated
# HOME) on the demo, at 160x48 and 80x24: `yjinspect panel DIR` opens on the
# ratings page with the mode in the title; down to a case, every answer key
# on the walk and every key of the facts form leaves the case file
# byte-identical and says how to unlock (so do e and u); U asks who (filled
# in) and why (needed), then one answer changes, journaled and stamped as
# the panel's with why, and the case is locked again; q goes back one level
# at a time, Q below the top asks first, and q on the top screen quits; an
# undo that fails locks again too. At 80x24 also: the unlock is used up by
# the first change tried even when it changes nothing, by a cancel and by
# leaving the case; the facts form's hint is read-only and ? returns to it;
# q on the too-small screen asks below the top; on the ratings page u takes
# back strengths before an older decision, and a decision moving nothing
# is refused; P turns panel mode on from the case list, and off only when
# asked; a case added unlocked is the panel's. Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Panel Chair"
D="$TMP/demo"
"$YJ" demo "$D" >/dev/null && chmod -R go= "$D"
LOCKED="Panel mode: read-only. U unlocks one change"
WHY="agreed at the meeting"

# the case on screen, from the title ("case ST-C01 (1 of 10)")
case_ref() { title | sed -n 's/.* case \([A-Z0-9-]*\) (.*/\1/p'; }
no_mark() { ! title | grep -qF PANEL; }
snap() { cp "$C" "$TMP/before.ini"; }
same() { cmp -s "$C" "$TMP/before.ini"; }
# keys K... each read and acted on, one by one, the file still the same
# and the status line saying how to unlock: said afresh by each key (a
# harmless Ctrl-L first takes away what the key before said)
# not_on_screen RE: the screen (every key sent read) shows no line matching RE
not_on_screen() { wait_read >/dev/null; ! cap | grep -qE -- "$1"; }
refused() {
	for k in "$@"; do
		key C-l
		wait_read || return 1
		! cap | grep -qF "$LOCKED" || { show "the lock message stayed before $k"; return 1; }
		key "$k"
		wait_read || return 1
		same || { echo "# key $k changed $C" >&2; return 1; }
		cap | grep -qF "$LOCKED" || { show "no lock message after $k"; return 1; }
	done
}
# the status line (its last three rows, a long message wrapped there)
# joined again holds TEXT
said() { cap | tail -n 3 | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1"; }
# the program is still running (not ended, and reading its keys)
runs() { wait_read && ! cap | grep -q '^EXIT [0-9]'; }
# U, why typed, Enter: unlocked
unlock() {
	key U
	wait_for "Unlock one change to a case (panel mode)" >/dev/null || return 1
	typed "$WHY"
	key Enter
	wait_re '^ PANEL · unlocked: one change' >/dev/null
}
# the answers that differ between the copy and the file, "<" and ">" lines
changed_answers() { diff "$TMP/before.keys" "$TMP/after.keys" | grep -c '^[<>]'; }
# journal lines of the last save naming the panel
panel_lines() {
	awk -F '\t' -v who="$WHO (panel: $WHY)" '$3 == who && $4 ~ /^answers\./' "$J" 2>/dev/null | wc -l
}

for size in 160x48 80x24; do
	W=${size%x*} H=${size#*x}
	ui "l$W" "$W" "$H" "$YJ" panel "$D"
	check "$size: panel DIR opens on the ratings page" \
		wait_for "Ratings · South Tyneside Youth Justice Service"
	check "...the title says panel mode, read-only" wait_re '^ PANEL · read-only'
	check "...the top screen here: its hint offers q quit" wait_re 'L log  \? help  q quit *$'

	# down three levels: a standard, a key question's cases, a case
	key j j j j Enter
	check "$size: Enter opens 2.1" wait_for "Ratings > 2.1 Assessment"
	key Enter
	check "...Enter a key question's cases" wait_re "Ratings > 2\.1 > 2\.1\.[0-9]: the cases"
	key Enter
	check "...Enter a case in the walk" wait_re " case ST-[A-Z0-9]+ \([0-9]+ of 10\)"
	check "...still read-only" wait_re '^ PANEL · read-only'
	wait_whole
	ref=$(case_ref)
	C="$D/cases/$ref.ini" J="$D/cases/$ref.journal"
	check "...the case's file is there ($ref)" [ -f "$C" ]
	check "...the hint says so" wait_for "Panel mode: read-only  U unlock one change"

	snap
	check "$size: every answer key on the walk changes nothing, and says how to unlock" \
		refused y Y n N x X -
	check "...e opens no note editor" refused e
	key f
	check "$size: f shows the facts form" wait_for "Case facts: $ref"
	check "...whose keys change nothing either" \
		refused y n - Right Left Space c d y
	key Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
	wait_read
	check "...nor typing in the reference" refused X BSpace
	key Escape
	check "...Esc back to the walk" wait_re "key question [0-9]+ of [0-9]+"
	check "...the file byte-identical after it all" same

	# one change unlocked
	key U
	check "$size: U asks, over the walk" wait_for "Unlock one change to a case (panel mode)"
	check "...the hint line has the form's keys, not the walk's" \
		wait_for "Type who and why  Enter unlocks one change  Tab who/why  Esc cancels"
	check "...who, filled in with the inspector's name" wait_re "Who: +$WHO"
	key Enter
	check "...why is needed" wait_for "Why is needed"
	check "...nothing unlocked yet" wait_re '^ PANEL · read-only'
	typed "$WHY"
	key Enter
	check "...Enter unlocks one change" wait_for "Unlocked for one change"
	check "...the title says so" wait_re '^ PANEL · unlocked: one change'
	wait_whole
	if capx | grep -qF "$ESC[7m[Yes]"; then k=n; else k=y; fi
	keys_of "$C" >"$TMP/before.keys"
	was=$(panel_lines)
	snap
	key "$k"
	check "$size: $k then changes the answer" wait_until said "Locked again (panel mode)"
	keys_of "$C" >"$TMP/after.keys"
	check "...exactly one answer" [ "$(changed_answers)" -eq 2 ]
	check "...journaled as the panel's, with why" [ "$(panel_lines)" -eq $((was + 1)) ]
	check "...the answer's stamp says so too" contains "$C" " $WHO (panel: $WHY)\""
	check "...and locked again" wait_re '^ PANEL · read-only'
	snap
	check "$size: locked again: the next answer changes nothing" refused y n
	check "...nor does u (it would undo a change to the case)" refused u

	# an undo that fails uses the unlock up too: the answer changed
	# again by another program, it cannot be taken back
	id=$(diff "$TMP/before.keys" "$TMP/after.keys" | sed -n 's/^> \[answers\] \([^=]*\)=.*/\1/p')
	if [ "$k" = y ]; then v=no; else v=yes; fi
	check "$size: another program answers $id again" "$YJ" answer "$D" "$ref" "$id=$v"
	check "...U unlocks" unlock
	key u
	check "...u cannot undo it, and says so" wait_until said "NOT UNDONE: $id of $ref.ini was changed again since"
	check "...locked again all the same" wait_re '^ PANEL · read-only'
	check "...and says so" wait_until said "Locked again (panel mode)"
	snap
	check "...the next answer changes nothing" refused y n

	# q: one level at a time; Q below the top asks
	key Q
	check "$size: Q below the top asks first" wait_for "Quit yjinspect? y/n"
	key n
	check "...n: not quit" wait_for "Not quit."
	key q
	check "$size: q on the walk: back to the cases" wait_re "Ratings > 2\.1 > 2\.1\.[0-9]: the cases"
	key q
	check "...q again: the standard" wait_for "Ratings > 2.1 Assessment"
	key q
	check "...q again: the ratings page" wait_for "Ratings · South Tyneside Youth Justice Service"
	check "...the program still runs" runs
	key q
	check "$size: q on the ratings page in panel mode (the top) quits" wait_for "EXIT 0"
done

# ---- 80x24: the unlock is used up by the first change tried, whether it
# changed anything or not, by a cancel, and by leaving the case
D2="$TMP/demo2"
"$YJ" demo "$D2" >/dev/null && chmod -R go= "$D2"
ui u 80 24 "$YJ" panel "$D2"
wait_for "Ratings · South Tyneside Youth Justice Service" >/dev/null
key j j j j Enter
wait_for "Ratings > 2.1 Assessment" >/dev/null
key Enter
wait_re "Ratings > 2\.1 > 2\.1\.[0-9]: the cases" >/dev/null
key Enter
check "unlock used up: a case in the walk" wait_re " case ST-[A-Z0-9]+ \([0-9]+ of 10\)"
ref=$(case_ref)
C="$D2/cases/$ref.ini"
check "...U unlocks" unlock
wait_whole
if capx | grep -qF "$ESC[7m[Yes]"; then k=y; else k=n; fi
snap
key "$k"
check "the answer the item has already: said, nothing changed" wait_until said "→ $( [ $k = y ] && echo Yes || echo No)"
check "...the unlock used up: locked again" wait_re '^ PANEL · read-only'
check "...and said so" wait_until said "Locked again (panel mode): nothing was changed."
check "...the file byte-identical" same
check "...the next answer refused" refused y n
check "...U unlocks again" unlock
key e
check "e opens the note editor" wait_for "Note on "
key Escape
check "...closed unchanged: locked again" wait_re '^ PANEL · read-only'
check "...and said so" wait_until said "Locked again (panel mode): nothing was changed."
check "...the file byte-identical" same
check "...U unlocks again" unlock
key f
check "f: the facts form, unlocked" wait_for "Case facts: $ref"
key Escape
check "...closed unchanged: locked again" wait_re '^ PANEL · read-only'
check "...the file byte-identical" same
check "...U unlocks again" unlock
key Escape
check "leaving the case: back to the cases" wait_re "Ratings > 2\.1 > 2\.1\.[0-9]: the cases"
check "...locked again" wait_re '^ PANEL · read-only'
check "...and said so" wait_until said "Locked again (panel mode): the case was left, nothing changed."
key Enter
check "...the case again, read-only" wait_re " case ST-[A-Z0-9]+ \([0-9]+ of 10\)"
check "...its answers refused" refused y n

# ---- the facts form in panel mode: its hint says read-only, and ? opens
# the help over it, Esc back to it
key f
check "the facts form, locked" wait_for "Case facts: $ref"
check "...its hint says it is read-only" wait_for "Read-only · ↑↓ · U unlock · Enter done"
check "...not how to pick" not_on_screen "type/←→ pick"
key '?'
check "? opens the facts form's keys first" wait_re "^ case facts$"
key Escape
check "...Esc: back to the form, not past it" wait_for "Case facts: $ref"
key Escape
check "...Esc again: the walk" wait_re "key question [0-9]+ of [0-9]+"

# ---- q on the terminal-too-small screen: below the top it asks first
tm resize-window -t "$S" -x 40 -y 12
check "40x12 on the walk: too small" wait_for "Terminal too small"
key q
check "...q asks first (below the top)" wait_for "Quit yjinspect?"
key n
check "...n: not quit" runs
tm resize-window -t "$S" -x 80 -y 24
check "...80x24 again: the walk" wait_re " case $ref \([0-9]+ of 10\)"

# ---- the ratings page: u takes back the strengths written after a
# decision first; a decision moving nothing is refused
key q q q
check "q q q: the ratings page" wait_for "Ratings · South Tyneside Youth Justice Service"
key k k k k k k k k k k k k
wait_read
key j j j j j j j j j
check "j to 3.2" wait_sel "  3.2 "
key d
wait_for "Move 3.2 from Inadequate to:" >/dev/null
key 2
wait_for "Why 3.2 to Requires improvement?" >/dev/null
typed "Panel agrees RI"
key Escape
check "a decision on 3.2" wait_until said "Panel decision: 3.2 Inadequate → Requires improvement."
key Enter
check "Enter opens 3.2" wait_for "Ratings > 3.2 Planning"
key S
wait_re '^ Ratings > 3\.2 > strengths$' >/dev/null
typed "Good CAMHS links"
key Escape
check "S: its strengths saved" wait_until said "Strengths of 3.2 saved."
key u
check "u takes back the strengths first, and says so" wait_until said "Undone: the strengths of 3.2."
check "...in the file" lacks "$D2/inspection.ini" "Good CAMHS links"
check "...the decision stays" contains "$D2/inspection.ini" "[decision.3.2]"
key I
wait_re '^ Ratings > 3\.2 > areas for improvement$' >/dev/null
key Escape
check "I, Esc with nothing typed: nothing changed, and said so" \
	wait_until said "Areas for improvement of 3.2 not changed: nothing saved."
key u
check "u then removes the decision" wait_until said "Undone: decision on 3.2 (Requires improvement) removed."
check "...from the file" lacks "$D2/inspection.ini" "[decision.3.2]"
key Escape
wait_for "Ratings · South Tyneside Youth Justice Service" >/dev/null
key j j
check "j to 3.4" wait_sel "  3.4 "
key d
wait_for "Move 3.4 from Requires improvement to:" >/dev/null
key 2
check "a decision to the band 3.4 has already is refused, saying why" \
	wait_until said "The evidence gives 3.4 Requires improvement already: a decision moves it to another band. No decision made."
check "...no editor opened" runs
check "...nothing recorded" lacks "$D2/inspection.ini" "[decision.3.4]"

# ---- 80x24: P from the case list, and Q from below the top
ui p 80 24 "$YJ" "$D"
check "yjinspect DIR: no panel mode" wait_for "10 cases"
check "...no mark in the title" no_mark
key P
check "P turns panel mode on" wait_re '^ PANEL · read-only'
check "U on the list unlocks" unlock
key a
check "...a asks for the new case's reference" wait_for "New case reference:"
key Escape
check "...Esc: no case added, locked again" wait_re '^ PANEL · read-only'
check "...and said so" wait_until said "Locked again (panel mode): no case added."
check "U again" unlock
key a
typed "ST-NEW"
key Enter
check "...a case added" wait_for "Case facts: ST-NEW"
check "...its inspector the panel's name, with why" contains "$D/cases/ST-NEW.ini" "inspector = \"$WHO (panel: $WHY)\""
check "...locked again" wait_re '^ PANEL · read-only'
key Escape
check "...Esc: back to the list" wait_for "11 cases"
key g Enter
check "...Enter opens a case" wait_re " case ST-C01 \(1 of 11\)"
C="$D/cases/ST-C01.ini"
snap
check "...read-only" refused y n
key Escape
check "Esc: back to the list" wait_for "11 cases"
key P
check "P again asks first" wait_for "Leave panel mode (every case open to changes again)? y/n"
key n
check "...n: still in panel mode" wait_for "Still in panel mode."
key P y
check "...y: panel mode off" wait_for "Panel mode off"
check "...the title without the mark" no_mark
key Enter
check "Enter opens the case again" wait_re " case ST-C01 \(1 of 11\)"
wait_whole
if capx | grep -qF "$ESC[7m[Yes]"; then k=n; else k=y; fi
key "$k"
check "...an answer changes it now" wait_until sh -c "! cmp -s '$C' '$TMP/before.ini'"
key Q
check "Q on the walk asks first" wait_for "Quit yjinspect? y/n"
key y
check "...y quits, exit 0" wait_for "EXIT 0"
finish
