#!/bin/sh
# panel_lock.sh - panel mode (issue 23), in a real terminal (tmux, isolated
# HOME) on the demo, at 160x48 and 80x24: `yjinspect panel DIR` opens on the
# ratings page with the mode in the title; down to a case, every answer key
# on the walk and every key of the facts form leaves the case file
# byte-identical and says how to unlock (so do e and u); U asks who (filled
# in) and why (needed), then one answer changes, journaled and stamped as
# the panel's with why, and the case is locked again; q goes back one level
# at a time, Q below the top asks first, and q on the top screen quits. At
# 80x24 also: P turns panel mode on from the case list, and off only when
# asked. Skipped (77) without tmux.
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
# and the status line saying how to unlock
refused() {
	for k in "$@"; do
		key "$k"
		wait_read || return 1
		same || { echo "# key $k changed $C" >&2; return 1; }
		cap | grep -qF "$LOCKED" || { show "no lock message after $k"; return 1; }
	done
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
	check "$size: $k then changes the answer" wait_for "Locked again (panel mode)"
	keys_of "$C" >"$TMP/after.keys"
	check "...exactly one answer" [ "$(changed_answers)" -eq 2 ]
	check "...journaled as the panel's, with why" [ "$(panel_lines)" -eq $((was + 1)) ]
	check "...the answer's stamp says so too" contains "$C" " $WHO (panel: $WHY)\""
	check "...and locked again" wait_re '^ PANEL · read-only'
	snap
	check "$size: locked again: the next answer changes nothing" refused y n
	check "...nor does u (it would undo a change to the case)" refused u

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
	check "...the program still runs" wait_gone "EXIT"
	key q
	check "$size: q on the ratings page in panel mode (the top) quits" wait_for "EXIT 0"
done

# ---- 80x24: P from the case list, and Q from below the top
ui p 80 24 "$YJ" "$D"
check "yjinspect DIR: no panel mode" wait_for "10 cases"
check "...no mark in the title" no_mark
key P
check "P turns panel mode on" wait_re '^ PANEL · read-only'
key g Enter
check "...Enter opens a case" wait_re " case ST-C01 \(1 of 10\)"
C="$D/cases/ST-C01.ini"
snap
check "...read-only" refused y n
key Escape
check "Esc: back to the list" wait_for "10 cases"
key P
check "P again asks first" wait_for "Leave panel mode (every case open to changes again)? y/n"
key n
check "...n: still in panel mode" wait_for "Still in panel mode."
key P y
check "...y: panel mode off" wait_for "Panel mode off"
check "...the title without the mark" no_mark
key Enter
check "Enter opens the case again" wait_re " case ST-C01 \(1 of 10\)"
wait_whole
if capx | grep -qF "$ESC[7m[Yes]"; then k=n; else k=y; fi
key "$k"
check "...an answer changes it now" wait_until sh -c "! cmp -s '$C' '$TMP/before.ini'"
key Q
check "Q on the walk asks first" wait_for "Quit yjinspect? y/n"
key y
check "...y quits, exit 0" wait_for "EXIT 0"
finish
