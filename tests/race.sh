#!/bin/sh
# race.sh [N] - no acknowledged change to inspection.ini is lost: three
# loops on the command line change it at once, N times each (12 by
# default; RACE=N for a long run: make check TESTS=tests/race.sh RACE=200),
#   judge     yjinspect judge DIR 1.1 BAND (bands in turn)
#   findings  yjinspect findings DIR 1.2 --strength sI
#   decide    yjinspect decide DIR 2.1 --to BAND --why wI
# about one command in four SIGKILLed 0-30 ms after it started, while the
# terminal UI (tmux, 80x24) on the same folder writes the areas for
# improvement of 1.1 from the ratings page (I, a line tI, Esc), each time
# holding its editor open while the loops run, as a lead inspector leaves
# an editor open while a colleague records a judgement.
# A change is acknowledged when its command exits 0 (or the terminal UI
# says it saved); the loop then reads inspection.ini at once: its key must
# hold that value (nobody else writes it). At the end every loop's last
# acknowledged value and every line the terminal UI saved are in the file,
# `yjinspect check` finds no error and no conflict (no key was written by
# two), and the totals are printed. Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

N=${1:-${RACE:-12}}
case $N in ''|*[!0-9]*) echo "usage: race.sh [N]"; exit 99 ;; esac
YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Ruth Pemberton"

SEED=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# seed $SEED, $N changes a loop"

I="$TMP/insp"
"$YJ" demo "$I" >/dev/null || { echo "ERROR: yjinspect demo failed"; exit 99; }
F="$I/inspection.ini"

# value SECTION KEY: the key's value in inspection.ini, its quotes taken off
value() {
	awk -v sec="[$1]" -v key="$2" '
		/^\[/ { on = ($0 == sec); next }
		on { k = $0; sub(/[ \t]*=.*/, "", k)
		     if (k == key) { v = $0; sub(/^[^=]*=[ \t]*/, "", v)
			  gsub(/^"|"$/, "", v); print v; exit } }' "$F"
}

# loop NAME SEED: N changes of one kind, each checked in the file at once
# when acknowledged; the tallies go to $TMP/NAME.tally, each failure to
# $TMP/NAME.bad, the last value acknowledged to $TMP/NAME.last
loop() {
	name=$1 s=$2 i=0 acked=0 killed=0 lost=0 failed_=0
	: >"$TMP/$name.bad"
	while [ $i -lt "$N" ]; do
		i=$((i + 1))
		s=$(( (s * 1103515245 + 12345) % 2147483648 ))
		kill_it=$(( (s / 65536) % 4 == 0 && i < N ))	# the last one is never killed
		d=$(( (s / 16) % 31 ))
		case $name in
		judge) band=$(echo "good outstanding requires-improvement inadequate" |
			cut -d' ' -f$(( i % 4 + 1 )))
			set -- judge "$I" 1.1 "$band"; want=$band sec=judgements key=1.1 ;;
		findings) set -- findings "$I" 1.2 --strength "s$i"; want="s$i"
			sec=findings.1.2 key=strengths ;;
		decide) band=good; [ $((i % 2)) -eq 0 ] && band=requires-improvement
			set -- decide "$I" 2.1 --to "$band" --why "w$i"; want="w$i"
			sec=decision.2.1 key=why ;;
		esac
		YJINSPECT_INSPECTOR="$WHO" "$YJ" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
		p=$!
		if [ "$kill_it" -eq 1 ]; then
			sleep "$(printf '0.%03d' "$d")"
			kill -KILL $p 2>/dev/null
		fi
		wait $p 2>/dev/null
		rc=$?
		# a pause of 0-150 ms: the loops last while the terminal UI edits
		sleep "$(printf '0.%03d' $(( (s / 4096) % 151 )))"
		if [ $rc -eq 0 ]; then
			acked=$((acked + 1))
			echo "$want" >"$TMP/$name.last"
			got=$(value "$sec" "$key")
			if [ "$got" != "$want" ]; then
				lost=$((lost + 1))
				echo "$name $i: acknowledged '$want', the file then held '$got'" >>"$TMP/$name.bad"
			fi
		elif [ $rc -eq 137 ]; then
			killed=$((killed + 1))
		else
			failed_=$((failed_ + 1))
			echo "$name $i: exit $rc: $(head -2 "$TMP/$name.err" | tr '\n' ' ')" >>"$TMP/$name.bad"
		fi
	done
	echo "$acked $killed $lost $failed_" >"$TMP/$name.tally"
}

# the terminal UI, on the ratings page (its first standard is 1.1)
ui main 80 24 "$YJ" "$I"
wait_re 'Enter open|answered' 30 >/dev/null || { show "start"; echo "ERROR: no first screen"; exit 99; }
key r
wait_for "1.1" 30 >/dev/null

seed=$SEED
loop judge $((seed + 1)) & l1=$!
loop findings $((seed + 2)) & l2=$!
loop decide $((seed + 3)) & l3=$!

# the terminal UI's rounds, until the loops are done: its editor open
# while they run, then Esc; each save acknowledged on the status line
round=0 ui_saved=0 ui_bad=""
running() { kill -0 $l1 2>/dev/null || kill -0 $l2 2>/dev/null || kill -0 $l3 2>/dev/null; }
while running || [ $round -lt 2 ]; do
	round=$((round + 1))
	key I
	if ! wait_re 'improvement' 30 >/dev/null; then ui_bad="$ui_bad; round $round: no editor"; break; fi
	# (the last round's message is gone with the editor open)
	wait_gone "Areas for improvement of 1.1 saved." 30 >/dev/null ||
		{ ui_bad="$ui_bad; round $round: the last message stayed"; break; }
	key End
	key Enter
	typed "t$round"
	# held open for a moment while the loops change the file under it
	sleep 0.2
	key Escape
	if wait_for "Areas for improvement of 1.1 saved." 30 >/dev/null; then
		ui_saved=$((ui_saved + 1))
		imp=$(value findings.1.1 improvements)
		case "$imp" in
		*"t$round"*) ;;
		*) ui_bad="$ui_bad; round $round: saved, the file then held '$imp'" ;;
		esac
	else
		ui_bad="$ui_bad; round $round: not said saved"
		break
	fi
done
wait $l1 $l2 $l3

total_acked=0 total_killed=0 total_lost=0
for name in judge findings decide; do
	set -- $(cat "$TMP/$name.tally" 2>/dev/null || echo "0 0 0 1")
	total_acked=$((total_acked + $1)) total_killed=$((total_killed + $2))
	total_lost=$((total_lost + $3))
	check "$name: $1 acknowledged, $2 killed, $3 lost, $4 failed otherwise$(
		[ -s "$TMP/$name.bad" ] && printf '; %s' "$(head -3 "$TMP/$name.bad" | tr '\n' ' ')")" \
		test "$3" -eq 0 -a "$4" -eq 0 -a ! -s "$TMP/$name.bad"
done
check "the terminal UI: $ui_saved of $round saves acknowledged, each in the file at once${ui_bad:+:$ui_bad}" \
	test -z "$ui_bad" -a "$ui_saved" -eq "$round"

# the end: each loop's last acknowledged value, every line the UI saved
check "the last judgement acknowledged is in the file" \
	[ "$(value judgements 1.1)" = "$(cat "$TMP/judge.last")" ]
check "the last strength acknowledged is in the file" \
	[ "$(value findings.1.2 strengths)" = "$(cat "$TMP/findings.last")" ]
check "the last panel decision acknowledged is in the file" \
	[ "$(value decision.2.1 why)" = "$(cat "$TMP/decide.last")" ]
imp=$(value findings.1.1 improvements)
missing=""
r=1
while [ $r -le $ui_saved ]; do
	case "$imp" in *"t$r"*) ;; *) missing="$missing t$r" ;; esac
	r=$((r + 1))
done
check "every line the terminal UI saved is in the file${missing:+ (missing:$missing)}" [ -z "$missing" ]
"$YJ" check "$I" >"$TMP/check" 2>&1
check "check: no error and no conflict in inspection.ini" \
	sh -c "grep -q '^0 errors' '$TMP/check' && ! grep -q 'conflict' '$TMP/check'"
check "no temporary copy of inspection.ini left behind by the kills" \
	[ -z "$(ls -A "$I" | grep -E '^\.inspection\.ini\.[A-Za-z0-9]{6}$')" ]
quit_ui
wait_for "EXIT 0" 30 >/dev/null
echo "# inspection.ini: $total_acked changes acknowledged on the command line and $ui_saved in" \
	"the terminal UI, $total_killed commands killed, $total_lost acknowledged changes lost"
finish
