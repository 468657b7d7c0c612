#!/bin/sh
# kill.sh [N] - no answer is ever lost: the terminal UI, in a real terminal
# (tmux, 80x24), answers a stream of questions on a new inspection and is
# killed with SIGKILL N times (20 by default, as make check runs it; a long
# run gives N, or KILLS=N: make check TESTS=tests/kill.sh KILLS=1000) at
# random moments, and started again each time:
#   idle      after the screen showed the last key's answer;
#   mid-save  a key sent, then the kill 0-30 ms later (in the middle of its
#             save, or of the drawing after it, or before it was read);
#   start     0-30 ms after the program was started (it saves its place).
# Just before each kill the screen is read: the title's "K/N answered" and
# the status line's "ID Old → New". After each kill: `yjinspect check` finds
# no error (every file loads); the case on screen holds at least K answers
# on disk (and at most one more: the key in flight), and the answer the
# status line named; the next start opens on the walk of the same case (or
# of the next, when the key in flight was ]), its answers saved as before.
# Then SIGTERM, SIGHUP and SIGINT mid-answer (a key sent, the signal 0-30
# ms later): exit 0, the terminal restored, nothing shown lost.
# No temporary file of a save cut short outlives the next opening of the
# folder (check after each kill, and at the end). Then `yjinspect answer`
# killed 40 times 0-9 ms after its start: at most one temporary file left
# at any time (the next answer's opening and save remove it), none after
# check.
# One "ok" line per kill, then the totals. Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

N=${1:-${KILLS:-20}}
case $N in ''|*[!0-9]*) echo "usage: kill.sh [N]"; exit 99 ;; esac
YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Kit Kay"

# random numbers: a seed said at the start, so a failure's choices (if not
# its timing) can be made again with SEED=...
SEED=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# seed $SEED, $N kills"
seed=$SEED
rnd() { # MAX: a number 0..MAX-1 in $r
	seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
	r=$(( (seed / 65536) % $1 ))
}
ms() { # MS: sleep that many milliseconds
	sleep "$(printf '0.%03d' "$1")"
}

# ---- the inspection: cases of 63 questions each (every fact that asks
# for more: yes), one more added while the program is down whenever the
# walk reaches the last
I="$TMP/insp"
"$YJ" new "$I" --framework yj-2019 --service "Kill YJS" >/dev/null ||
	{ echo "ERROR: yjinspect new failed"; exit 99; }
ncases=0
add_case() {
	ncases=$((ncases + 1))
	c=$(printf 'K-%03d' "$ncases")	# (the case list is in name order)
	full_case "$I" "$c"
}
add_case; add_case; add_case

# answers FILE: how many answers the case file holds
answers() { awk '/^\[/ { on = ($0 == "[answers]"); next } on && NF' "$1" | wc -l; }
# answer_of FILE ID: the answer to ID in the case file
answer_of() { awk -v id="$2" '/^\[/ { on = ($0 == "[answers]"); next } on && $1 == id { print $3 }' "$1"; }
# temps: the temporary files of saves cut short, in the folder
temps() { ls -A "$I" "$I/cases" | grep -cE '^\..+\.[A-Za-z0-9]{6}$'; }
# clean: check finds no error; its warnings are of an inspection under way
# only (judgements not recorded yet, questions not answered yet): none says
# a case file and its journal disagree, whatever the kill cut short
clean() {
	"$YJ" check "$I" >"$TMP/check" 2>&1
	grep -q '^0 errors' "$TMP/check" &&
		! grep -vE '^0 errors|no judgement recorded|relevant questions? not answered yet' \
			"$TMP/check" | grep -q .
}

# the status line's account of what a key changed: "2.1.1.1 Yes → No"
CHANGE='^[0-9]+(\.[0-9]+)+ ((Yes|No|N/A) )?→ (Yes|No|N/A)'
# parse: read the screen in $TMP/screen into ref pos of k total (the walk's
# title; ref empty when the screen is not the walk) and id was now (the
# status line's last change; id empty when it names none)
parse() {
	set -- $(head -1 "$TMP/screen" | sed -n \
		's/^ case \([^ ]*\) (\([0-9]*\) of \([0-9]*\)) · \([0-9]*\)\/\([0-9]*\) answered.*/\1 \2 \3 \4 \5/p')
	ref=${1:-} pos=${2:-0} of=${3:-0} k=${4:-0} total=${5:-0}
	set -- $(grep -oE "$CHANGE" "$TMP/screen" |
		tail -1 | sed 's/ → / /')
	id=${1:-}; now=$(eval "echo \${$#:-}")
	case $now in Yes) now=yes ;; No) now=no ;; N/A) now=na ;; *) id="" ;; esac
}
# next_key: the key that goes on with the stream from the screen parsed:
# an answer (Yes three times in four, else No), ] at a complete case, none
# (empty) at the last case complete
next_key() {
	if [ "$k" -lt "$total" ]; then
		rnd 4; [ "$r" -eq 3 ] && nk=n || nk=y
	elif [ "$pos" -lt "$of" ]; then
		nk="]"
	else
		nk=""
	fi
}
# step: send the next key and wait until the screen shows it done: the
# next case's title for ], else a status line naming a change (drawn after
# the title above it) other than the one before. An answer key mostly
# answers the next question (the count goes up); after a kill between an
# answer's save and the save of the place (the question the walk is on),
# the walk reopens on that answered question, and the key changes it
# (counted in "again").
step() {
	next_key
	[ -n "$nk" ] || return 0
	if [ "$nk" = "]" ]; then
		key "]"; wait_for "case $(printf 'K-%03d' $((pos + 1))) (" || return 1
		shot; parse
		return 0
	fi
	k0=$k st0=$(tail -1 "$TMP/screen")
	key "$nk"
	end=$(( $(date +%s) + WAIT )) moved=0
	while :; do
		shot
		st=$(tail -1 "$TMP/screen")
		parse
		# done: the status line names a change other than the one before
		# (the title above it was drawn first); or the count moved and,
		# a second on, the status line says something else (a case read
		# again), as it is drawn last
		[ -n "$ref" ] && [ "$k" -ne "$k0" ] && moved=$((moved + 1))
		if { [ "$st" != "$st0" ] && printf '%s\n' "$st" | grep -qE "$CHANGE"; } ||
		    [ "$moved" -gt 40 ]; then
			[ "$k" -eq $((k0 + 1)) ] && return 0
			[ "$k" -eq "$k0" ] && { again=$((again + 1)); return 0; }
			break
		fi
		[ "$(date +%s)" -le "$end" ] || break
		sleep 0.025
	done
	show "after the key '$nk' ($k0/$total answered before, ${k:-?} after; the status line before: '$st0'; now: '$st')"
	return 1
}
# start: start the program, its pid in pid (empty when it does not start);
# ready: at "walk" when it shows the walk, "list" for the case list, ""
# when neither shows
start() {
	runs=$((runs + 1))
	ui "r$runs" 80 24 "$YJ" "$I"
	wait_prog >/dev/null || pid=""
}
ready() {
	wait_re ' answered · |Enter open  a add' >/dev/null || { at=""; return; }
	if cap | head -1 | grep -q ' answered · '; then at=walk; else at=list; fi
}

runs=0 temps_before=0
sent=0 kills=0 again=0 between=0 cut=0 shown=0 ondisk=0 lost=0 changes=0 starts_ok=0
walked=""	# the case the walk showed last (where the next start must be)
start; ready
if [ "$at" = list ]; then key Enter; wait_for "case K-001 (1 of 3) · 0/63 answered" >/dev/null; fi
shot; parse
check "the walk opens on the first case of the new inspection" [ "$ref" = K-001 ]
walked=$ref wpos=$pos

while [ "$kills" -lt "$N" ]; do
	kills=$((kills + 1))
	why=""
	nk=""
	rnd 10
	if { [ "$r" -eq 0 ] && [ "$kills" -gt 1 ]; } || [ "$kills" -eq 3 ]; then
		mode=start
		rnd 31; d=$r
		# the program the last round started: killed as it idles (not
		# counted), started again, and killed that many ms into its start
		kill -KILL "$pid" 2>/dev/null && sent=$((sent + 1))
		wait_for "EXIT 137" >/dev/null
		start
		ms "$d"
		how="start +$d ms"
	else
		rnd 8; m=$r
		i=0
		while [ $i -lt $m ]; do
			step || { why="$why; a key was not shown done"; break; }
			i=$((i + 1))
		done
		rnd 10
		if [ "$r" -lt 4 ]; then
			mode=idle how="idle after $m keys"
		else
			mode=mid; rnd 31; d=$r
			shot; parse; next_key
			[ -n "$nk" ] && key "$nk"
			ms "$d"
			how="mid-save +$d ms ('${nk:-none}' after $m keys)"
		fi
	fi
	shot; parse
	[ "$mode" = start ] || [ -n "$ref" ] || why="$why; the walk was not on screen"
	if kill -KILL "$pid" 2>/dev/null; then sent=$((sent + 1)); else why="$why; no program to kill"; fi
	wait_for "EXIT 137" >/dev/null || why="$why; the program did not end by SIGKILL"
	# what was shown is on disk
	t=$(temps)
	[ "$t" -gt "$temps_before" ] && cut=$((cut + 1))
	temps_before=$t
	said="nothing shown"
	if [ -n "$ref" ]; then
		walked=$ref wpos=$pos
		d_k=$(answers "$I/cases/$ref.ini")
		shown=$((shown + k)); ondisk=$((ondisk + d_k))
		if [ "$d_k" -lt "$k" ]; then
			lost=$((lost + k - d_k)); why="$why; $ref: $k shown, $d_k on disk"
		fi
		max=$k; [ "$mode" = mid ] && [ "$nk" = y -o "$nk" = n ] && max=$((k + 1))
		[ "$d_k" -le "$max" ] || why="$why; $ref: $d_k on disk, more than $max given"
		[ "$d_k" -gt "$k" ] && between=$((between + 1))
		said="$ref $k/$total shown, $d_k on disk"
		if [ -n "$id" ]; then
			changes=$((changes + 1))
			got=$(answer_of "$I/cases/$ref.ini" "$id")
			[ "$got" = "$now" ] || { lost=$((lost + 1)); why="$why; $id shown $now, on disk '$got'"; }
		fi
	fi
	clean || why="$why; check: $(grep -vE '^0 errors|no judgement|not answered yet' "$TMP/check" | head -3 | tr '\n' ' ')"
	# check opened the folder: a temporary file the kill left is gone
	t=$(temps)
	[ "$t" -eq 0 ] || why="$why; $t temporary files left after check opened the folder"
	temps_before=$t
	# the next start: on the walk of the same case (or the next: a ] in flight)
	want=$walked
	[ "$wpos" -ge $((ncases - 1)) ] && add_case	# a next case is always there
	want_next=$(printf 'K-%03d' $((wpos + 1)))
	start; ready
	shot; parse
	if [ "$at" != walk ]; then
		why="$why; the next start did not open on the walk (${at:-nothing shown})"
	elif [ "$ref" != "$want" ] && ! { [ "$mode" = mid ] && [ "$nk" = "]" ] && [ "$ref" = "$want_next" ]; }; then
		why="$why; the next start opened on $ref, not $want"
	else
		starts_ok=$((starts_ok + 1))
	fi
	[ -n "$ref" ] && walked=$ref wpos=$pos
	check "kill $kills ($how): $said; reopened on ${ref:-?} $k/$total${why:+:$why}" [ -z "$why" ]
done
kill -KILL "$pid" 2>/dev/null; wait_for "EXIT 137" >/dev/null
left=$(temps)
all=0
for f in "$I"/cases/*.ini; do all=$((all + $(answers "$f"))); done
echo "# kills: $kills (SIGKILLs sent: $sent); answers shown before the kills: $shown" \
	"(summed over the kills); on disk then: $ondisk; lost: $lost; last changes" \
	"checked: $changes; killed after a save, before the screen showed it: $between;" \
	"in a save (its temporary file left): $cut; normal starts after: $starts_ok;" \
	"answers in the folder at the end: $all in $ncases cases; temporary files left: $left;" \
	"keys that changed an answer given before: $again"
check "totals: $kills kills, $shown answers shown, $ondisk on disk, $lost lost" [ "$lost" -eq 0 ]
check "the temporary files of saves cut short are left out of the folder's cases" clean
check "no temporary file of a save cut short is left in the folder ($left)" [ "$left" -eq 0 ]
# the locks of saves cut short stay (flock's go with the process; save.h):
# in the folders' .locks, lock files only, none beside a file, and the
# starts after each kill above found them no hindrance
check "the locks left by the kills are in .locks, lock files only" sh -c "
	[ -z \"\$(find '$I' -name '*.lock' ! -path '*/.locks/*')\" ] &&
	[ -z \"\$(find '$I' -path '*/.locks/*' ! -name '*.lock')\" ] &&
	[ -n \"\$(ls -A '$I/cases/.locks')\" ]"

# ---- SIGTERM, SIGHUP and SIGINT in the middle of an answer: the program
# ends as on q (exit 0), the terminal restored, nothing shown lost
for sig in TERM HUP INT TERM HUP INT; do
	why=""
	start; ready
	[ "$at" = walk ] || why="$why; the start did not open on the walk"
	shot; parse
	next_key
	[ -n "$nk" ] && key "$nk"
	rnd 31; d=$r
	ms "$d"
	shot; parse
	kill -"$sig" "$pid" 2>/dev/null || why="$why; no program to signal"
	wait_for "EXIT" >/dev/null
	st=$(cap | sed -n 's/^EXIT \([0-9]*\).*/\1/p' | tail -1)
	[ "$st" = 0 ] || why="$why; exit status ${st:-none}, not 0"
	[ "$(pane '#{alternate_on}')" = 0 ] || why="$why; the terminal was not restored"
	if [ -n "$ref" ]; then
		d_k=$(answers "$I/cases/$ref.ini")
		[ "$d_k" -ge "$k" ] || why="$why; $ref: $k shown, $d_k on disk"
		[ -z "$id" ] || [ "$(answer_of "$I/cases/$ref.ini" "$id")" = "$now" ] ||
			why="$why; $id shown $now, not on disk"
	fi
	clean || why="$why; check: $(grep -vE '^0 errors|no judgement|not answered yet' "$TMP/check" | head -3 | tr '\n' ' ')"
	check "SIG$sig mid-answer (+$d ms after '${nk:-none}'): exit 0, terminal restored, ${ref:-?} $k/$total on disk${why:+:$why}" [ -z "$why" ]
done

# ---- yjinspect answer killed (SIGKILL) 0-9 ms after its start, 40
# times, answering one question Yes and No by turns: a kill in its save
# leaves a temporary file, which the next answer (its opening of the
# folder, its save of the file) removes: never more than one at a time,
# none after an opening at the end (yjinspect check)
A="$I/cases/K-001.ini"
most=0 cut_a=0 i=0
while [ $i -lt 40 ]; do
	i=$((i + 1))
	[ $((i % 2)) = 0 ] && v=yes || v=no
	"$YJ" answer "$I" K-001 2.1.1.1=$v >/dev/null 2>&1 &
	p=$!
	rnd 10; ms "$r"
	kill -KILL "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	t=$(temps)
	[ "$t" -gt 0 ] && cut_a=$((cut_a + 1))
	[ "$t" -gt "$most" ] && most=$t
done
echo "# answer killed 40 times: $cut_a left a temporary file; at most $most at once"
check "answer killed 40 times: never more than one temporary file left at once ($most)" \
	[ "$most" -le 1 ]
clean
left=$(temps)
check "answer killed 40 times: no temporary file left once check opened the folder ($left)" \
	[ "$left" -eq 0 ]
check "answer killed 40 times: the case holds 2.1.1.1, check finds no error" \
	sh -c 'grep -q "^0 errors" "$1" && grep -qE "^2\.1\.1\.1 = (yes|no)$" "$2"' - "$TMP/check" "$A"

finish
