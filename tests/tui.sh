#!/bin/sh
# tui.sh - the terminal UI in a real terminal: a private tmux server runs
# the built program at fixed sizes, keys go in with send-keys and the
# screen comes back with capture-pane. Every wait is a bounded poll of the
# screen (wait_for). Scenarios: a whole court case entered by keystrokes;
# questions a case fact makes irrelevant; quit and reopen; resize; a note
# holding escape sequences; SIGTERM, SIGHUP and SIGINT with a note or the
# facts form's text field open; undo; the help screen and
# the man page against `yjinspect keys`; no colour and a vt100; your name
# asked at the first start.
# The terminal is tmux's own (TERM as tmux sets it: tmux-256color from tmux
# 3.3, screen before), LANG=C.UTF-8, HOME private (lib.sh).
# Skipped (77) when tmux is not installed. Needs tmux 3.0 or later (a
# command given to new-session as separate arguments).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

FX="$top_srcdir/tests/fixtures"
DEMO="$FX/south-tyneside-2020"
FORM="${YJINSPECT_FORMS:-$top_srcdir/forms}/yj-2019.ini"
YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR TMUX
WHO="Zoë Ávila"	# stamped on answers (YJINSPECT_INSPECTOR), not ASCII on purpose

# ---- helpers of this test
# same A B: the strings are equal (else both are shown)
same() {
	[ "$1" = "$2" ] && return 0
	echo "#  got:  '$1'"; echo "#  want: '$2'"
	return 1
}
# same_file WANT GOT: the files are equal (else the difference is shown)
same_file() {
	cmp -s "$1" "$2" && return 0
	diff "$1" "$2" | sed 's/^/#  /'
	return 1
}
# the highlighted walk item: the line whose answer box is in reverse video,
# without the box and without the panel
hl() {
	capx | grep -F "$ESC[7m[" | head -1 |
		sed "s/$ESC\[[0-9;]*m//g; s/│.*//; s/^\[[^]]*\] *//; s/ *\$//"
}
# the key question the panel marks as current (▸)
cur_kq() { cap | grep -o '▸[0-9.]*' | head -1 | sed 's/▸//'; }

# ---- the case files
# section FILE NAME: the lines of [NAME], sorted, without blank lines (a
# script, so that sh -c can run it too)
cat >"$TMP/section" <<'EOS'
#!/bin/sh
awk -v s="[$2]" '/^\[/ { on = ($0 == s); next } on && NF' "$1" | sort
EOS
chmod +x "$TMP/section"
section() { "$TMP/section" "$@"; }
# the form's prompts, in form order: "ID KQ NA(yes|no)"
awk '
	function out() { if (p != "") print p, k, na; p = "" }
	/^\[prompt\./ { out(); p = substr($0, 9, length($0) - 9); k = ""; na = "no"; next }
	/^\[/ { out(); next }
	p != "" && $1 == "kq" { k = $3 }
	p != "" && $1 == "na" && $3 == "yes" { na = "yes" }
	END { out() }' "$FORM" >"$TMP/prompts"
# plan KQ...: the walk through these key questions, one "ID KEY" a line:
# each prompt then the judgement; N/A where a prompt allows it on every
# other such prompt, No on every fourth other prompt, Yes otherwise; each
# judgement Yes but 2.2.1's (No)
plan() {
	for q in "$@"; do
		awk -v q="$q" '$2 == q' "$TMP/prompts"
		echo "$q $q kq"
	done | awk '
		$3 == "kq" { print $1, ($1 == "2.2.1" ? "n" : "y"); next }
		$3 == "yes" { print $1, (nna++ % 2 == 0 ? "x" : "y"); next }
		{ print $1, (nother++ % 4 == 3 ? "n" : "y") }'
}
# in_order LOG: each item was answered under its own key question (the
# panel's ▸ before the key): the walk went through the items in form order
in_order() {
	awk '{ k = $1; if (split($1, p, ".") == 4) k = p[1] "." p[2] "." p[3]
	       if ($2 != k) { print "#  " $1 " answered under " $2; bad = 1 } }
	     END { exit bad }' "$1"
}
# expected PLANFILE: the [answers] lines it should give, sorted
expected() {
	awk '{ print $1 " = " ($2 == "y" ? "yes" : $2 == "n" ? "no" : "na") }' "$1" | sort
}
# drive PLANFILE FROM TOTAL LOG: send each key and wait for the title to count
# it (FROM answered before, TOTAL relevant); LOG gets "ID KQ-ON-SCREEN" per
# item as the panel showed it before the key. 1 as soon as a key is not counted.
# (The title is drawn first: each key's screen is waited for whole, to the
# status line at its foot naming the answer, before the panel is read; the
# first, to the panel's current key question, which the screen before had not.)
drive() {
	k=$2
	: >"$4"
	wait_for "▸" >/dev/null || return 1
	while read -r id ch; do
		echo "$id $(cur_kq)" >>"$4"
		if [ "$id" = 2.2.1.1 ] || [ "$id" = 2.3.1.1 ]; then
			cap >"$TMP/at-$id"
		fi
		key "$ch"
		k=$((k + 1))
		wait_for "· $k/$3 answered" || return 1
		wait_re "^$(printf '%s' "$id" | sed 's/\./\\./g') → " || return 1
		case $id in	# the panel after the first judgement of each kind
		2.1.1) cap >"$TMP/after-2.1.1" ;;
		2.2.1) cap >"$TMP/after-2.2.1" ;;
		esac
	done <"$1"
}

# to_child_safety REF: open the facts form of case REF (f) and go to its
# "Factors related to keeping the child safe" row (up to the top, then
# down past reference, inspector, type, disposal, gender and the four
# classification rows)
to_child_safety() {
	key f
	wait_for "Case facts: $1" >/dev/null
	key Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
	wait_re '^> Reference' >/dev/null
	key Down Down Down Down Down Down Down Down Down
	wait_re "^> Child's safety"
}

# ====================================================================
# 1. a whole court case by keystrokes at 80x24
I="$TMP/insp"
"$YJ" new "$I" --framework yj-2019 --service "Testshire YJS" --lead "A Lead" >/dev/null
ui s1 80 24 "$YJ" "$I"
check "1: the program starts on the empty case list" wait_for "No cases yet. Press a to add"
key a
wait_for "New case reference:" >/dev/null
typed "TEST-1"
key Enter
check "1: adding a case opens its facts form" wait_for "Case facts: TEST-1"
check "1: ...at the disposal (it decides the case type)" wait_re '^> Disposal'
shot
# at 80x24 every fact is on one screen, one line each, its value in one
# column (short labels); the focused row's full label is under the form
key Down Down Down Down Down Down Down Down Down Down Down Down
wait_re '^> CM interviewed' >/dev/null
wait_whole >/dev/null
shot
: >"$TMP/cut"
for label in Reference Inspector "Case type" Disposal Gender RoSH "Agrees with RoSH" \
    "Safety/wellbeing" "Agrees with SW" "Child's safety" "Others' safety" \
    "Desistance chg" "Child safety chg" "Others chg" "CM interviewed"; do
	grep -qE "^[> ] $label +(\(not recorded\)|<|[A-Za-z])" "$TMP/screen" || echo "$label" >>"$TMP/cut"
done
sed 's/^/#  not on its own line: /' "$TMP/cut"
check "1: at 80x24 every fact has its row, value in one column, no scrolling" [ ! -s "$TMP/cut" ]
check "1: ...the focused row's full label is under the form" wait_for "Case manager interviewed"
key Up Up Up
wait_re '^> Desistance chg' >/dev/null
check "1: ...for every row (the changes in desistance factors)" sh -c "
	printf '%s\n' \"\$1\" | sed 's/│.*//' | tr '\n' ' ' | tr -s ' ' |
	grep -qF 'Changes in factors related to desistance during the period reviewed'" - "$(cap)"
check "1: the key hint is one line at 80 columns" sh -c "
	[ \"\$(grep -c 'Enter done' '$TMP/screen')\" -eq 1 ] && ! grep -qE '^(done|Enter)' '$TMP/screen'"
key Up Up Up Up Up Up Up Up Up
wait_re '^> Case type' >/dev/null
wait_whole >/dev/null
shot
check "1: at 80x24 the facts form's key hint is whole (...Enter done)" grep -qF "Enter done" "$TMP/screen"
# typing edits a text row: the Inspector (the row above the case type)
key Up
wait_re '^> Inspector' >/dev/null
typed " Jr"
check "1: typing into the Inspector row shows" wait_for "$WHO Jr"
key Down
wait_re '^> Case type' >/dev/null
check "1: ...and is saved when the row is left" grep -qx "inspector = \"$WHO Jr\"" "$I/cases/TEST-1.ini"
key Right			# Court disposal
wait_re '^> Case type +< Court disposal >' >/dev/null
key Down Right Right		# Youth rehabilitation order
check "1: Left/Right choose the disposal" wait_re '^> Disposal +Youth rehabilitation order'
key Left Left			# yro, referral order, then round to the last court one
check "1: ...only a court case's disposals: round past the out-of-court ones" \
	wait_re '^> Disposal +< Other court disposal >'
key Right Right			# round again to referral order, then yro
check "1: ...and back the other way" wait_re '^> Disposal +Youth rehabilitation order'
key Up Right			# the case type: out of court
check "1: a case type the disposal does not fit: said at once" \
	wait_for "Disposal 'Youth rehabilitation order' does not fit this case now"
key Left			# court again (round: court, oocd)
wait_re '^> Case type +< Court disposal >' >/dev/null
key Down
wait_re '^> Disposal' >/dev/null
typed "r"			# type-ahead: the only court disposal for "r"
check "1: a letter picks the choice it begins (r: Referral order) and moves on" \
	wait_re '^> Gender'
check "1: ...saved" grep -qx 'disposal = referral-order' "$I/cases/TEST-1.ini"
key Up
wait_re '^> Disposal' >/dev/null
typed "yro"			# y alone picks it (the only court disposal for y) ...
check "1: ...yro: Youth rehabilitation order" wait_re '^  Disposal +Youth rehabilitation order'
wait_read			# (the r and o too)
check "1: ...the letters after the y are its own, not the next row's (gender not set)" \
	sh -c "grep -qx 'disposal = yro' '$I/cases/TEST-1.ini' && ! grep -q '^gender' '$I/cases/TEST-1.ini'"
key Down			# RoSH
wait_re '^> RoSH' >/dev/null
typed "medium"			# m picks it; "edium" (its u too) is its name, not keys
check "1: a whole word typed: the first letter picks, the rest is the name's" \
	wait_re '^> Agrees with RoSH +< \(not recorded\) >'
check "1: ...and says what it chose" wait_for "Risk of serious harm classification: Medium"
check "1: ...rosh = medium, nothing else set or undone" sh -c "
	grep -qx 'rosh = medium' '$I/cases/TEST-1.ini' && ! grep -q '^rosh_agree' '$I/cases/TEST-1.ini' &&
	grep -qx 'disposal = yro' '$I/cases/TEST-1.ini'"
key Down Down Down		# past the agreements and SW
check "1: Down reaches the child's safety factors (its full label under the form)" \
	wait_for "Factors related to keeping the child safe"
key y				# child safety factors: yes (and down)
wait_re "^> Others' safety" >/dev/null
key n y n			# others no, desistance changed yes, child safety changes no
check "1: no factors for others' safety: their changes are not asked" \
	wait_re '^  Others chg +not asked'
check "1: ...the form went past them" wait_re '^> CM interviewed'
key y
C1="$I/cases/TEST-1.ini"
wait_file_has "$C1" 'cm_interviewed = yes' >/dev/null	# the last fact's save: waited for, not raced
check "1: the facts are saved as they are given" same "$(section "$C1" facts | tr '\n' ' ')" \
	'case_type = court child_safety = yes child_safety_changed = no cm_interviewed = yes desistance_changed = yes disposal = yro others_safety = no rosh = medium '
key Enter
check "1: Enter opens the walk: 44 relevant questions" wait_for "case TEST-1 (1 of 1) · 0/44 answered"
wait_hl '[   ]' >/dev/null		# (the title can be on screen a moment before the rest)
wait_whole >/dev/null
check "1: ...at the first prompt of 2.1.1, numbered" same "$(hl)" '1. Is there sufficient analysis of'
check "1: the other prompts numbered, one line each, a cut one ending in …" sh -c "
	printf '%s\n' \"\$1\" | grep -E '^\[   \] 2\. ' | grep -qE '… *│'" - "$(cap)"
check "1: the panel shows the score, none rated" wait_for "Score 0/36 (0 of 12 rated)"

plan 2.1.1 2.1.2 2.1.3 2.2.1 2.2.2 2.3.1 2.3.2 2.4.1 >"$TMP/plan1"
check "1: every key answers and moves on (y/n/x until 44/44)" drive "$TMP/plan1" 0 44 "$TMP/log1"
check "1: ...in form order, each under its own key question" in_order "$TMP/log1"
check "1: the walk says what the last key changed, the rating it moved too (issue 23)" \
	wait_for "2.4.1 → Yes (2.4 Not rated → Outstanding). TEST-1 complete"
check "1: ...that the case is complete, and how to go on (the status line joined)" \
	sh -c "tmux -S '$TMP/sock' -f /dev/null capture-pane -t '$S' -p | tail -n 3 | tr '\\n' ' ' |
	tr -s ' ' | grep -qF 'TEST-1 complete (the last case): Enter to review.'"
check "1: ...and no item is highlighted while the answer keys are held" \
	sh -c "! printf '%s' \"\$1\" | grep -qF \"\$2\"" - "$(capx)" "$ESC[7m["
expected "$TMP/plan1" >"$TMP/want1"
section "$C1" answers >"$TMP/got1"
check "1: the file holds exactly the answers given (44)" same_file "$TMP/want1" "$TMP/got1"
# a user typing ahead: ten more answer keys change nothing of the finished case
key y n y n x y n y n y
check "1: keys typed past the end are held, and it says why" \
	wait_for "TEST-1 complete: Enter to review, k/j to a question."
wait_read			# (all ten read)
section "$C1" answers >"$TMP/got1"
check "1: ...the file still holds exactly the 44 answers given" same_file "$TMP/want1" "$TMP/got1"
check "1: ...and the title still counts 44/44" wait_for "· 44/44 answered"
key u				# the last answer undone: the case is open again
wait_for "· 43/44 answered" >/dev/null
key y
check "1: after an undo the answer keys act again (the hold ends with the completeness)" \
	wait_for "· 44/44 answered"
check "1: 2.2.2 answered (child safety factors: yes)" grep -qx '2.2.2 = yes' "$TMP/got1"
check "1: 2.2.3 not asked (others' safety factors: no)" sh -c "! grep -q '^2\.2\.3' '$TMP/got1'"
check "1: 2.4.2 and 2.4.3 not asked (no changes)" sh -c "! grep -qE '^2\.4\.[23]' '$TMP/got1'"
check "1: N/A was given where allowed (2.1.1.4)" grep -qx '2.1.1.4 = na' "$TMP/got1"
section "$C1" answered >"$TMP/stamps1"
check "1: every answer is stamped" sh -c "[ \"\$(cut -d' ' -f1 '$TMP/stamps1')\" = \"\$(cut -d' ' -f1 '$TMP/got1')\" ]"
check "1: ...with YJINSPECT_INSPECTOR's name" sh -c "[ \"\$(grep -vc ' $WHO\"\$' '$TMP/stamps1')\" -eq 0 ] && [ -s '$TMP/stamps1' ]"
check "1: after 2.1.1 Yes the panel shows 2.1.1 1/1 100% ★" grep -qE '2\.1\.1 +1/1 +100% ★' "$TMP/after-2.1.1"
check "1: ...its band word whole or not at all (no 'Large majo')" sh -c "
	! grep -qE 'Large majo(\$|[^r])|Reasonable maj(\$|[^o])' '$TMP/after-2.1.1'"
check "1: after 2.2.1 No: 2.2.1 0/1 0% ✖ Minority" sh -c "grep -qE '2\.2\.1 +0/1 +0% ✖' '$TMP/after-2.2.1' && grep -qF Minority '$TMP/after-2.2.1'"
wait_whole >/dev/null		# (the last key's title is drawn before the panel)
shot
check "1: the panel's score at the end: 9/36, 4 of 12 rated" grep -qF 'Score 9/36 (4 of 12 rated)' "$TMP/screen"
check "1: ...as the summary reckons it" sh -c "'$YJ' summary '$I' | grep -qF 'Score 9/36'"
check "1: ...with no overall rating while 8 standards are unrated" grep -qF '○ Not rated yet' "$TMP/screen"
check "1: the last standard's key questions: 2.4.1 1/1 100%, 2.4.2 none" sh -c "
	grep -qE '2\.4\.1 +1/1 +100% ★' '$TMP/screen' && grep -qE '2\.4\.2 +0/0 +– ○' '$TMP/screen'"
check "1: the panel counts cases in good English ('1 case', not '1 cases')" sh -c "! grep -qF ': 1 cases' '$TMP/screen'"
check "1: every standard's rating: 2.2 Inadequate, 2.3 Outstanding" sh -c "
	grep -qE '2\.2 +Planning +Inadequate' '$TMP/screen' && grep -qE '2\.3 +Delivery +Outstanding' '$TMP/screen'"
check "1: at 80 columns every standard's name reads whole (short names)" sh -c "
	grep -qE '1\.3 +Partnerships +' '$TMP/screen' && grep -qE '1\.4 +Information +' '$TMP/screen' &&
	! grep -qE 'Partnershi |Implementa |Informatio ' '$TMP/screen'"
check "1: check finds nothing wrong in the case" sh -c "! '$YJ' check '$I' | grep -q 'TEST-1.ini'"
# the case's history: every answer given is in its journal, by its inspector
"$YJ" history "$I" TEST-1 >"$TMP/hist1"
check "1: history lists each of the 44 answers given, by the inspector" sh -c "
	[ \"\$(grep -c \"	$WHO	answers\\.\" '$TMP/hist1')\" -ge 44 ]"
check "1: ...and the facts recorded (the disposal: referral order, then yro)" \
	grep -qF "	facts.disposal	referral-order -> yro" "$TMP/hist1"
# restored as it was after its twentieth save, then back as it is now
t10=$(awk -F '\t' '$1 == 20 { print $2; exit }' "$TMP/hist1")
n_now=$("$TMP/section" "$I/cases/TEST-1.ini" answers | wc -l)
cp "$I/cases/TEST-1.ini" "$TMP/test1.now"
"$YJ" restore "$I" TEST-1 --at "$t10" >/dev/null
n10=$("$TMP/section" "$I/cases/TEST-1.ini" answers | wc -l)
check "1: restore --at the twentieth save's time: fewer answers ($n10 of $n_now)" \
	sh -c "[ '$n10' -gt 0 ] && [ '$n10' -lt '$n_now' ]"
t_now=$(awk -F '\t' 'NF >= 5 { t = $2 } END { print t }' "$TMP/hist1")
"$YJ" restore "$I" TEST-1 --at "$t_now" >/dev/null
check "1: ...and back as it was, every answer again" sh -c "
	[ \"\$('$TMP/section' '$I/cases/TEST-1.ini' answers)\" = \"\$('$TMP/section' '$TMP/test1.now' answers)\" ]"
check "1: ...the journal agrees with the file (check)" sh -c "! '$YJ' check '$I' | grep -q 'TEST-1'"
check "1: ...the screen follows the restores: 44/44 answered" wait_for "44/44 answered"

# ====================================================================
# 2. questions that a case fact makes irrelevant are skipped
key h
wait_for "Enter open  a add case" >/dev/null
key a
wait_for "New case reference:" >/dev/null
typed "TEST-2"
key Enter
wait_for "Case facts: TEST-2" >/dev/null
wait_re '^> Disposal' >/dev/null	# the form starts there: it decides the case type
typed "r"			# Referral order: a court disposal
check "2: the disposal decides the case type, and says so" \
	wait_for "Case type: Court disposal (from the disposal)"
check "2: ...saved" grep -qx 'case_type = court' "$I/cases/TEST-2.ini"
key u				# one u takes back the disposal and what it decided
check "2: one u undoes the disposal and the case type it decided" \
	wait_for "Undone: Case type and Disposal on TEST-2"
check "2: ...on disk too" sh -c "! grep -qE '^(case_type|disposal)' '$I/cases/TEST-2.ini'"
key Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up	# (the undo left the form on the disposal)
wait_re '^> Reference' >/dev/null
key Down Down Down
wait_re '^> Disposal' >/dev/null
typed "r"
wait_for "Case type: Court disposal (from the disposal)" >/dev/null
wait_re '^> Gender' >/dev/null
key Up Up -			# clear the case type: it stays cleared
wait_read
check "2: a cleared case type is not decided again at once" sh -c "
	! grep -q '^case_type' '$I/cases/TEST-2.ini'"
typed "c"			# court again, and on to the disposal
wait_re '^> Disposal' >/dev/null
key Down
key Down Down Down Down Down
wait_re "^> Child's safety" >/dev/null
key n n n n n n			# no safety factors, no changes, not interviewed
wait_for "Case manager interviewed" >/dev/null
C2="$I/cases/TEST-2.ini"
check "2: child_safety = no is saved" grep -qx 'child_safety = no' "$C2"
key Enter
check "2: fewer questions apply (31)" wait_for "case TEST-2 (2 of 2) · 0/31 answered"
plan 2.1.1 2.1.2 2.1.3 2.2.1 2.3.1 | sed 's/ [nx]$/ y/' >"$TMP/plan2"
check "2: y through every relevant question (31/31)" drive "$TMP/plan2" 0 31 "$TMP/log2"
check "2: the walk never landed on 2.2.2" sh -c "! grep -q ' 2\.2\.2\$' '$TMP/log2'"
check "2: ...nor on 2.3.2" sh -c "! grep -q ' 2\.3\.2\$' '$TMP/log2'"
check "2: ...in form order, each under its own key question" in_order "$TMP/log2"
# shows_reason SCREEN KQ: the walk pane of SCREEN says KQ is not relevant
# because of the child safety fact (no other id between the two)
shows_reason() {
	sed 's/│.*//' "$1" | tr '\n' ' ' | tr -s ' ' |
		grep -qE "$2 +not relevant[^0-9]*Factors related to keeping the child safe: No" && return 0
	sed 's/│.*//; s/^/#  |/' "$1"
	return 1
}
for q in 2.2.2 2.3.2; do
	check "2: $q is shown as not relevant, with the reason" shows_reason "$TMP/at-${q%.*}.1.1" "$q"
done
check "2: no answer was written for 2.2.2 or 2.3.2" sh -c "! grep -qE '^2\.(2|3)\.2' '$C2'"
# flip the fact: they come back
check "2: the facts form reaches child safety again" to_child_safety TEST-2
key y
wait_for "Factors related to keeping other people safe" >/dev/null
key Enter
check "2: with child_safety = yes, 8 more questions apply (31/39)" wait_for "case TEST-2 (2 of 2) · 31/39 answered"
key PgUp			# to 2.2, first prompt of 2.2.1
check "2: PgUp: standard 2.2" wait_re '^2\.2 Planning'
check "2: ...its key-question list shows 2.2.2 back, unanswered" wait_re '2\.2\.2 +0 of 4 prompts answered'
key j j j j j j j		# past 2.2.1's prompts and judgement
check "2: ...and the walk goes through 2.2.2 again" wait_re '▸2\.2\.2'
key PgDn
wait_re '^2\.3 ' >/dev/null
key Enter
check "2: Enter goes to 2.3.2, now relevant" wait_re '▸2\.3\.2'

# ====================================================================
# 3. quit and reopen: the same place, the same answers
key y
wait_for "· 32/39 answered" >/dev/null
key n
wait_for "· 33/39 answered" >/dev/null
key k				# back up to 2.3.2.2 (answered No)
wait_hl "[No ]" >/dev/null
wait_whole >/dev/null
t_before=$(title)
h_before=$(hl)
q_before=$(cur_kq)
cp "$C2" "$TMP/c2.before"
key Q
check "3: Q on the walk asks first" wait_for "Quit yjinspect? y/n"
key y
check "3: ...y quits with status 0" wait_for "EXIT 0"
PLACE="$I/.yjinspect-place-Zo_____vila-4df6758e"	# the inspector's own (WHO made safe, its hash)
check "3: the place is saved, as the inspector's own" grep -qx 'item = "2.3.2.2"' "$PLACE"
ui s3 80 24 "$YJ" "$I"
wait_for "answered" >/dev/null
wait_whole >/dev/null
check "3: reopened on the same case, the same count" same "$(title)" "$t_before"
check "3: ...on the same item ($h_before)" same "$(hl)" "${h_before:-(no item highlighted before quitting)}"
check "3: ...under the same key question ($q_before)" sh -c "[ \"\$1\" = 2.3.2 ] && [ \"\$2\" = 2.3.2 ]" - "$(cur_kq)" "$q_before"
check "3: ...showing its answer (No)" wait_hl "[No ]"
check "3: the answers are all there, unchanged" cmp -s "$C2" "$TMP/c2.before"
check "3: ...and the first case's too" sh -c "'$TMP/section' '$C1' answers | cmp -s - '$TMP/want1'"

# ====================================================================
# 4. resize mid-walk
tm resize-window -t "$S" -x 40 -y 12
check "4: 40x12: 'Terminal too small'" wait_for "Terminal too small"
key y				# ignored while too small (nothing on screen to wait for)
wait_read
check "4: ...where keys change nothing" cmp -s "$C2" "$TMP/c2.before"
tm resize-window -t "$S" -x 80 -y 24
check "4: back to 80x24: the walk again" wait_for "$t_before"
wait_whole >/dev/null
check "4: ...on the same item" same "$(hl)" "$h_before"
key y				# 2.3.2.2: No -> Yes, then the judgement
wait_whole >/dev/null		# (what the checks below wait for shows before the key too)
check "4: answering still works (the judgement is next)" wait_re '▸2\.3\.2'
wait_for "Key-question judgement" >/dev/null
check "4: ...and is saved" grep -qx '2.3.2.2 = yes' "$C2"
check "4: ...on the judgement now" same "$(hl)" 'Key-question judgement: Yes or No?'
tm resize-window -t "$S" -x 60 -y 20
# tmux keeps the old screen's bottom rows on shrinking: wait for the new
# layout itself (the score at the start of a line, under the walk)
check "4: 60x20: the panel moves below the walk" wait_re '^Score '
check "4: ...the walk is drawn" wait_for "Key-question judgement: Yes or No?"
wait_whole >/dev/null
shot
check "4: ...with the panel below it (a full-width rule)" sh -c "
	grep -nx '─\{60\}' '$TMP/screen' | head -1 | cut -d: -f1 >'$TMP/rule' &&
	[ -s '$TMP/rule' ] && [ \"\$(grep -n 'Score ' '$TMP/screen' | head -1 | cut -d: -f1)\" -gt \"\$(cat '$TMP/rule')\" ]"
check "4: ...showing the current key question: 2.3.2 1/1 (the other case)" grep -qE '▸2\.3\.2 +1/1 +100%' "$TMP/screen"
key y
check "4: answering at 60x20: 34/39" wait_for "· 34/39 answered"
key PgDn			# the walk went on to 2.2.2: back to 2.3
check "4: ...the panel below counts it: 2.3.2 2/2 100%" wait_re '2\.3\.2 +2/2 +100%'
check "4: ...and it is saved" grep -qx '2.3.2 = yes' "$C2"
tm resize-window -t "$S" -x 80 -y 24
wait_for "│Score" >/dev/null

# answers to questions that a fact change makes irrelevant are kept, not
# counted, and said to be (they count again if the fact changes back)
to_child_safety TEST-2 >/dev/null
key n
check "4: child safety back to No: the status says which key questions left, and 3 answers no longer count" \
	wait_for "2.2.2, 2.3.2 no longer apply: 3 answers kept, not counted"
key Enter
check "4: child safety back to No: 31 questions apply, all answered" wait_for "case TEST-2 (2 of 2) · 31/31 answered"
key PgUp PgUp PgUp PgUp PgDn PgDn	# to 2.3
wait_re '^2\.3\.2 +not relevant here' >/dev/null
wait_whole >/dev/null
shot
check "4: ...2.3.2 not relevant, its judgement kept and not counted" sh -c "
	sed 's/│.*//' '$TMP/screen' | tr '\n' ' ' | tr -s ' ' |
	grep -qE '2\.3\.2 not relevant here: [^0-9]*: No; judged Yes before: kept, not counted'"
check "4: ...the panel counts the other case only: 2.3.2 1/1" wait_re '2\.3\.2 +1/1 +100%'
check "4: ...the answers are still in the file" sh -c "grep -qx '2.3.2 = yes' '$C2' && grep -qx '2.3.2.2 = yes' '$C2'"
to_child_safety TEST-2 >/dev/null
key y
check "4: ...and back to Yes: the status says they apply and count again" \
	wait_for "2.2.2, 2.3.2 apply now: 3 answers given before count again."
key Enter
check "4: ...and back to Yes, they count again (34/39)" wait_for "case TEST-2 (2 of 2) · 34/39 answered"

# another inspector opening the folder starts on the case list, and the
# first one's place stays hers
tm resize-window -t "$S" -x 80 -y 24
cp "$PLACE" "$TMP/place.zoe"
ui s4b 80 24 YJINSPECT_INSPECTOR=Bob "$YJ" "$I"
check "4: another inspector (Bob) starts on the case list" wait_for "Enter open  a add case"
quit_ui
wait_for "EXIT 0" >/dev/null
check "4: ...his place is his own file" grep -qx 'screen = "list"' "$I/.yjinspect-place-Bob"
check "4: ...and hers is as she left it" cmp -s "$PLACE" "$TMP/place.zoe"

# ====================================================================
# 5. a note with escape sequences is shown harmlessly
# (first: tmux does record a title set by OSC 0, so the check can fail)
tm kill-session -t "$S"; S=probe
tm new-session -d -s probe -x 80 -y 24 "printf '\\033]0;probe-title\\007'; sleep 60"
titled() { [ "$(pane '#{pane_title}')" = probe-title ]; }
wait_until titled >/dev/null
check "5: tmux records a title set by ESC ] 0 (the check below can fail)" [ "$(pane '#{pane_title}')" = probe-title ]
D="$TMP/demo"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D" >/dev/null
sed -i 's/^\[notes\]$/[notes]\n2.1.1 = "Before \\x1b]0;pwned\\x07 middle \\x1b[2J after"/' "$D/cases/ST-C01.ini"
cp "$D/cases/ST-C01.ini" "$TMP/c01.before"
ui s5 100 40 "$YJ" "$D"
wait_for "ST-C01" >/dev/null
title0=$(pane '#{pane_title}')
key Enter
check "5: the note is shown with '?' for the control characters" \
	wait_for "Before ?]0;pwned? middle ?[2J after"
wait_whole >/dev/null
check "5: the pane's title was not set" sh -c "[ \"\$1\" = \"\$2\" ] && [ \"\$1\" != pwned ]" - "$(pane '#{pane_title}')" "$title0"
shot
check "5: the screen was not cleared (title line, panel and note together)" sh -c "
	head -1 '$TMP/screen' | grep -qF 'case ST-C01' && grep -qF 'Score 14/36' '$TMP/screen' &&
	grep -qF 'Before ?]0;pwned?' '$TMP/screen'"
key e
check "5: e opens the note editor" wait_for "Note on 2.1.1: Esc or Ctrl-S saves"
check "5: ...showing the control characters as '?'" wait_for "Before ?]0;pwned? middle ?[2J after"
wait_whole >/dev/null
check "5: ...the title still not set" sh -c "[ \"\$1\" = \"\$2\" ]" - "$(pane '#{pane_title}')" "$title0"
check "5: ...the screen not cleared" sh -c "printf '%s' \"\$1\" | grep -qF 'Score 14/36'" - "$(cap)"
key Escape
wait_gone "Note on 2.1.1" >/dev/null
check "5: closing the unedited note leaves the file as it was" cmp -s "$D/cases/ST-C01.ini" "$TMP/c01.before"
quit_ui
wait_for "EXIT 0" >/dev/null

# ====================================================================
# 6. SIGTERM, SIGHUP and SIGINT (Ctrl-C): exit 0, everything saved (an open
# note, text typed into the facts form), the terminal restored
G="$TMP/sig"
"$YJ" new "$G" --framework yj-2019 --service "Signal YJS" >/dev/null
full_case "$G" SIG-1
CS="$G/cases/SIG-1.ini"
ui s6 80 24 "$YJ" "$G"
wait_for "SIG-1" >/dev/null
key Enter
check "6: a case of 63 questions opens" wait_for "· 0/63 answered"
key y; wait_for "· 1/63 answered" >/dev/null
key n; wait_for "· 2/63 answered" >/dev/null
key y; wait_for "· 3/63 answered" >/dev/null
key e
wait_for "Note on 2.1.1" >/dev/null
typed "typed before TERM ü"
check "6: text typed in the note editor shows" wait_for "typed before TERM ü"
check "6: the program uses the alternate screen" [ "$(pane '#{alternate_on}')" = 1 ]
pid=$(prog_pid)
check "6: the program's pid is found" [ -n "$pid" ]
tm run-shell "kill -TERM $pid"
check "6: SIGTERM: the program exits 0" wait_for "EXIT 0"
check "6: ...the answers are saved" sh -c "[ \"\$('$TMP/section' '$CS' answers | tr '\n' ' ')\" = '2.1.1.1 = yes 2.1.1.2 = no 2.1.1.3 = yes ' ]"
check "6: ...the typed note is saved" grep -qx '2.1.1 = "typed before TERM ü"' "$CS"
check "6: ...the terminal is restored (no alternate screen)" [ "$(pane '#{alternate_on}')" = 0 ]
check "6: ...the cursor is visible" [ "$(pane '#{cursor_flag}')" = 1 ]
ui s6b 80 24 "$YJ" "$G"
check "6: reopened at the next question" wait_for "· 3/63 answered"
key y; wait_for "· 4/63 answered" >/dev/null
key y; wait_for "· 5/63 answered" >/dev/null
key e
wait_for "typed before TERM ü" >/dev/null
typed " and HUP"
wait_for "typed before TERM ü and HUP" >/dev/null
pid=$(prog_pid)
tm run-shell "kill -HUP $pid"
check "6: SIGHUP: the program exits 0" wait_for "EXIT 0"
check "6: ...the answers are saved" sh -c "[ \"\$('$TMP/section' '$CS' answers | wc -l)\" -eq 5 ] && grep -qx '2.1.1.5 = yes' '$CS'"
check "6: ...the note with what was typed" grep -qx '2.1.1 = "typed before TERM ü and HUP"' "$CS"
check "6: ...the terminal is restored (no alternate screen)" [ "$(pane '#{alternate_on}')" = 0 ]
# the terminal gone with no SIGHUP to the program (it is in a session of
# its own, so the hangup goes to others): it must not spin on a dead
# terminal, but leave as on a hangup, the open note saved
command -v setsid >/dev/null 2>&1 || { echo "# setsid missing"; exit 1; }
ui s6c 80 24 setsid "$YJ" "$G"
wait_for "· 5/63 answered" >/dev/null
key e
wait_for "typed before TERM ü and HUP" >/dev/null
typed " and gone"
wait_for "and HUP and gone" >/dev/null
pid=$(prog_pid)
tm kill-session -t s6c; S=""
check "6: the terminal closed without a SIGHUP: the program leaves (no spinning)" wait_pid_gone "$pid"
check "6: ...the note with what was typed" grep -qx '2.1.1 = "typed before TERM ü and HUP and gone"' "$CS"
kill -9 "$pid" 2>/dev/null || true	# (when it failed to leave)
# Ctrl-C (SIGINT from the terminal) with a note open, as a shell's
# foreground program gets it (the wrapper ignores it, as an interactive
# shell does)
ui s6d 80 24 "$YJ" "$G"
wait_for "· 5/63 answered" >/dev/null
key e
wait_for "and HUP and gone" >/dev/null
typed " and INT"
wait_for "and gone and INT" >/dev/null
key C-c
check "6: Ctrl-C (SIGINT) in the note editor: the program exits 0" wait_for "EXIT 0"
check "6: ...the note with what was typed" grep -qx '2.1.1 = "typed before TERM ü and HUP and gone and INT"' "$CS"
check "6: ...the terminal is restored (no alternate screen)" [ "$(pane '#{alternate_on}')" = 0 ]
check "6: ...the answers as they were" sh -c "[ \"\$('$TMP/section' '$CS' answers | wc -l)\" -eq 5 ]"
# the facts form open, text typed into its Inspector row (not yet left):
# each signal saves it as leaving the row would
to_inspector() {
	key f
	wait_for "Case facts: SIG-1" >/dev/null
	key Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
	wait_re '^> Reference' >/dev/null
	key Down
	wait_re '^> Inspector' >/dev/null
}
typed_in=""
for sig in TERM HUP INT; do
	ui "s6f$sig" 80 24 "$YJ" "$G"
	wait_for "· 5/63 answered" >/dev/null
	to_inspector
	more="${typed_in:+ }$sig-ö"	# after what is there (the text so far)
	typed "$more"
	typed_in="$typed_in$more"
	wait_re "^> Inspector +$typed_in" >/dev/null
	if [ "$sig" = INT ]; then key C-c; else tm run-shell "kill -$sig $(prog_pid)"; fi
	check "6: SIG$sig with text typed in the facts form: exit 0" wait_for "EXIT 0"
	check "6: ...the Inspector row saved as typed ($typed_in)" grep -qx "inspector = \"$typed_in\"" "$CS"
	check "6: ...the terminal is restored (no alternate screen)" [ "$(pane '#{alternate_on}')" = 0 ]
done
# a field that cannot be saved at the signal (its lock file made a
# directory, which root cannot write through either): what was typed is
# printed once the terminal is restored, and the exit status says so (1)
ui s6g 80 24 "$YJ" "$G"
wait_for "· 5/63 answered" >/dev/null
to_inspector
typed " unsaved"
wait_re "^> Inspector +$typed_in unsaved" >/dev/null
CL="${CS%/*}/.locks/${CS##*/}.lock"	# save.h: DIR/.locks/NAME.lock
rm -f "$CL"; mkdir -p "$CL"
tm run-shell "kill -TERM $(prog_pid)"
check "6: SIGTERM, the field cannot be saved: exit 1" wait_for "EXIT 1"
check "6: ...what was typed is printed, with the row's name" \
	wait_for "Inspector: $typed_in unsaved"
check "6: ...and why it was not saved" wait_re_joined "NOT SAVED: .*SIG-1\.ini: lock failed"
check "6: ...the terminal is restored (no alternate screen)" [ "$(pane '#{alternate_on}')" = 0 ]
check "6: ...the file as it was" grep -qx "inspector = \"$typed_in\"" "$CS"
rmdir "$CL"
# the field taken down while the terminal is too small: what was typed is
# still saved
ui s6h 80 24 "$YJ" "$G"
wait_for "· 5/63 answered" >/dev/null
to_inspector
typed " small"
wait_re "^> Inspector +$typed_in small" >/dev/null
tm resize-window -t "$S" -x 40 -y 12
wait_for "Terminal too small" >/dev/null
tm run-shell "kill -HUP $(prog_pid)"
check "6: SIGHUP with the terminal too small: exit 0" wait_for "EXIT 0"
check "6: ...the text typed before it shrank is saved" grep -qx "inspector = \"$typed_in small\"" "$CS"

# ====================================================================
# 7. undo
ui s7 80 24 "$YJ" "$G"
wait_for "· 5/63 answered" >/dev/null
key y; wait_for "· 6/63 answered" >/dev/null
key x				# 2.1.1.7 does not allow N/A
check "7: x where N/A is not allowed: refused, said so" wait_for "This prompt cannot be answered N/A."
check "7: ...and nothing saved" sh -c "! grep -q '^2\.1\.1\.7 =' '$CS'"
key y; wait_for "· 7/63 answered" >/dev/null
key x
check "7: x on a key question: 'judged Yes or No'" wait_for "A key question is judged Yes or No."
shot
check "7: on the 2.1.1 judgement, nothing rated yet" sh -c "
	grep -qE '▸2\.1\.1 +0/0 ' '$TMP/screen' && grep -qF 'Score 0/36 (0 of 12 rated)' '$TMP/screen'"
key y
check "7: answered: 2.1.1 1/1 100%" wait_re '2\.1\.1 +1/1 +100% ★'
check "7: ...Score 3/36" wait_for "Score 3/36 (1 of 12 rated)"
check "7: ...saved" grep -qx '2.1.1 = yes' "$CS"
key u
check "7: u: says what it undid, and where" wait_for "Undone: 2.1.1 on"
check "7: ...the panel goes back: 2.1.1 0/0" wait_re '2\.1\.1 +0/0 '
check "7: ...Score 0/36" wait_for "Score 0/36 (0 of 12 rated)"
check "7: ...the count goes back (7/63)" wait_for "· 7/63 answered"
check "7: ...the answer is gone from the file" sh -c "! '$TMP/section' '$CS' answers | grep -q '^2\.1\.1 ='"
check "7: ...and its stamp" sh -c "! '$TMP/section' '$CS' answered | grep -q '^2\.1\.1 ='"
wait_whole >/dev/null
check "7: ...the walk is back on the judgement" same "$(hl)" 'Key-question judgement: Yes or No?'
key u
check "7: u again takes back 2.1.1.7 (6/63)" wait_for "· 6/63 answered"
check "7: ...from the file too" sh -c "! grep -q '^2\.1\.1\.7 =' '$CS'"
# Ctrl-S saves and closes the note editor, as its title says
key e
wait_for "Esc or Ctrl-S saves and closes" >/dev/null
typed "saved by ctrl-s"
wait_whole >/dev/null		# (the note wraps in the editor: no one line shows it)
key C-s
check "7: Ctrl-S closes the note editor" wait_gone "Esc or Ctrl-S saves and closes"
check "7: ...having saved the note" grep -q '^2\.1\.1 = ".*saved by ctrl-s"$' "$CS"
key C-q				# (if the terminal took Ctrl-S as XOFF)
key Escape
wait_gone "Esc or Ctrl-S saves and closes" >/dev/null
quit_ui
wait_for "EXIT 0" >/dev/null

# ====================================================================
# 8. the help screen and the man page list every key
"$YJ" keys >"$TMP/keys"
check "8: yjinspect keys lists the keys" [ "$(wc -l <"$TMP/keys")" -gt 20 ]
ui s8 80 150 "$YJ" "$G"	# (tall enough for every key at once)
wait_for "Signal YJS" >/dev/null
key '?'
check "8: ? opens the help screen" wait_for "yjinspect keys (Esc, q or ? to close)"
# rows under a context heading (column 1): keys from column 3, the
# description from column 26
cap | awk '
	NR == 1 { next }
	/^ [^ ]/ { ctx = substr($0, 2); sub(/ +$/, "", ctx); next }
	/^   [^ ]/ {
		k = substr($0, 4, 22); sub(/ +$/, "", k)
		d = substr($0, 27); sub(/ +$/, "", d)
		print ctx "\t" k "\t" d
	}' >"$TMP/help"
# help_has CONTEXT KEYS DESC: the help screen shows this row
help_has() {
	grep -qxF "$(printf '%s\t%s\t%s' "$1" "$2" "$3")" "$TMP/help" && return 0
	grep -F "$(printf '%s\t%s\t' "$1" "$2")" "$TMP/help" | sed 's/^/#  the help shows: /'
	return 1
}
while IFS="$(printf '\t')" read -r ctx keys desc; do
	check "8: help: $ctx: $keys: $desc" help_has "$ctx" "$keys" "$desc"
done <"$TMP/keys"
check "8: help lists nothing more than yjinspect keys" [ "$(wc -l <"$TMP/help")" -eq "$(wc -l <"$TMP/keys")" ]
key Escape
wait_gone "yjinspect keys (Esc" >/dev/null
tm resize-window -t "$S" -x 80 -y 24
wait_for "Signal YJS" >/dev/null
key '?'
wait_for "yjinspect keys (Esc" >/dev/null
last=$(tail -1 "$TMP/keys" | cut -f3)
key NPage NPage NPage NPage NPage NPage NPage NPage NPage NPage
check "8: at 80x24 the help scrolls to its last line" wait_for "$last"
key q
check "8: q closes the help, back to the case list it was opened from" wait_for "Enter open  a add case"
# the help says Esc in the standard picker and in the help goes back to
# where you were: does it?
key Enter
wait_for "y n x answer  Enter next" >/dev/null
key s
check "8: s opens the standard picker" wait_for "Jump to a standard (Enter), Esc to stay"
key Escape
check "8: standard picker: Esc goes where the help says ($(grep '^standard picker	Esc	' "$TMP/keys" | cut -f3))" \
	wait_for "y n x answer  Enter next"
key s
wait_for "Jump to a standard (Enter), Esc to stay" >/dev/null
key q
check "8: standard picker: q closes it too, as in the help (not the program)" \
	wait_for "y n x answer  Enter next"
key '?'
wait_for "yjinspect keys (Esc" >/dev/null
key Escape
check "8: help: Esc goes where the help says ($(grep '^help	Esc' "$TMP/keys" | cut -f3))" \
	wait_for "y n x answer  Enter next"
# the man page: roff escapes and font changes out, lines joined
sed 's/\\f[BIRP]//g; s/\\-/-/g; s/\\(aq/'"'"'/g; s/\\&//g' "$top_srcdir/man/yjinspect.1" |
	tr '\n' ' ' | tr -s ' ' >"$TMP/man"
cut -f3 "$TMP/keys" | sort -u >"$TMP/descs"
while read -r desc; do
	check "8: man page documents: $desc" grep -qF -- "$desc" "$TMP/man"
done <"$TMP/descs"

# ====================================================================
# 9. no colour and a monochrome vt100 still show bands by symbol and label
D9="$TMP/demo9"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D9" >/dev/null
ui s9a 80 24 "$YJ" "$D9"
wait_for "ST-C01" >/dev/null
key Enter
wait_for "key question 1 of 3" >/dev/null
check "9: (colour is detectable: the default terminal shows colour)" sh -c "printf '%s' \"\$1\" | grep -qE \"\$2\"" - "$(capx)" "$ESC\[([0-9;]*;)?(3[0-7]|4[0-7]|38;|48;)[0-9;]*m"
for how in "NO_COLOR=1" "TERM=vt100"; do
	tm kill-session -t "$S" 2>/dev/null
	rm -f "$D9"/.yjinspect-place*
	ui "s9-${how%%=*}" 80 24 "$how" "$YJ" "$D9"
	wait_for "ST-C01" >/dev/null
	key Enter
	check "9: $how: the walk is drawn" wait_for "2.1 Assessment · key question 1 of 3"
	check "9: $how: the panel shows the score" wait_for "│Score 14/36"
	wait_whole >/dev/null
	shot
	check "9: $how: key questions with symbol and band label" sh -c "
		grep -qE '2\.1\.1 +[0-9]+/[0-9]+ +[0-9]+% [✖▲●★]' '$TMP/screen' &&
		grep -qE '(Minority|Too few|Reasonable majority|Large majority)' '$TMP/screen'"
	check "9: $how: standards with their rating in words" grep -qE '2\.1 +Assessment +(Inadequate|Req\. impr\.|Good|Outstanding)' "$TMP/screen"
	check "9: $how: no colour sent" sh -c "! printf '%s' \"\$1\" | grep -qE \"\$2\"" - "$(capx)" "$ESC\[([0-9;]*;)?(3[0-7]|4[0-7]|38;|48;)[0-9;]*m"
	check "9: $how: the current item still stands out (reverse video)" sh -c "[ -n \"\$1\" ]" - "$(hl)"
	quit_ui
	wait_for "EXIT 0" >/dev/null
done

# ====================================================================
# 10. a case file that cannot be read is shown and left out, not a reason
# to shut the inspector out of the others
D10="$TMP/broken"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D10" >/dev/null
echo "garbage line" >>"$D10/cases/ST-C03.ini"
cp "$D10/cases/ST-C03.ini" "$TMP/c03.before"
# what the rest rates: the summary of a copy without the broken file
cp -r "$D10" "$TMP/rest" && rm "$TMP/rest/cases/ST-C03.ini"
rest=$("$YJ" summary "$TMP/rest" | grep -o 'Score [0-9]*/36')
check "10: (the summary of the other nine gives a score: '$rest')" [ -n "$rest" ]
ui s10 80 24 "$YJ" "$D10"
check "10: the inspection opens, the status naming the file, line and problem" \
	wait_re "^Left out, cannot be read: ST-C03\.ini:[0-9]+: not a \[section\]"
check "10: ...whole at 80x24, on two lines (the line it quotes too)" wait_re "^value line: 'garbage line'"
shot
check "10: the title counts the cases read and the one left out" \
	grep -qF "· 9 cases · 1 left out" "$TMP/screen"
check "10: the panel says a case file is left out" grep -qF "│Left out: 1 case file" "$TMP/screen"
check "10: the panel's score is the other nine's ($rest)" grep -qF "│$rest" "$TMP/screen"
check "10: the list shows the file last, as left out" sh -c "
	grep -E '^(ST-|Reference)' '$TMP/screen' | sed 's/ *│.*//' | tail -1 |
	grep -qE '^ST-C03\.ini +cannot be read: left out +⊘'"
key End
key Enter
check "10: Enter on it says why instead of opening it" wait_re "^Left out until put right: ST-C03\.ini:[0-9]+:"
check "10: ...and it stays on the case list (its title)" sh -c "
	printf '%s\n' \"\$1\" | head -1 | grep -qF '· 9 cases · 1 left out'" - "$(cap)"
key C-l				# any key clears the message
check "10: (a key clears the message)" wait_gone "Left out until put right"
key f
check "10: f on it says why too" wait_re "^Left out until put right: ST-C03\.ini:[0-9]+:"
check "10: ...and opens no facts form" sh -c "! printf '%s' \"\$1\" | grep -q 'Case facts'" - "$(cap)"
key k Enter
check "10: the case above it opens as usual" wait_for "case ST-O04 (9 of 9)"
key h
wait_for "Enter open  a add case" >/dev/null
key g Enter
check "10: g goes to the first case" wait_for "case ST-C01 (1 of 9)"
key h
wait_for "Enter open  a add case" >/dev/null
key a
wait_for "New case reference:" >/dev/null
typed "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij"
check "a reference past 40 characters: said, not dropped unseen" \
	wait_for "A reference is at most 40 characters."
check "...the prompt holds the first 40 (its end in view)" wait_re "New case reference: [A-Z0-9a-z]*0123456789abcd +│"
key Escape
wait_gone "New case reference:" >/dev/null
key Enter
wait_for "case ST-C01 (1 of 9)" >/dev/null
key y
quit_ui
wait_for "EXIT 0" >/dev/null
check "10: the file that cannot be read is left as it was" cmp -s "$D10/cases/ST-C03.ini" "$TMP/c03.before"
# an error outside the case files would make every figure wrong: refused,
# naming that error, not the file the UI could have left out
cp "$D10/cases/ST-C05.ini" "$D10/cases/ST-C09.ini"
ui s10c 80 24 "$YJ" "$D10"
check "10: one case in two files: the program does not open (exit 1)" wait_for "EXIT 1"
check "10: ...and says so, naming the copy (not the file it could leave out)" sh -c "
	printf '%s' \"\$1\" | tr -d '\n' | grep -qF \"ST-C09.ini: [case] reference: 'ST-C05' is also the reference of ST-C05.ini\"" - "$(cap)"
rm "$D10/cases/ST-C09.ini"
printf '[bogus]\nx = 1\n' >>"$D10/inspection.ini"
ui s10b 80 24 "$YJ" "$D10"
check "10: an error in inspection.ini: the program does not open (exit 1)" wait_for "EXIT 1"
check "10: ...and says which file and what" wait_re_joined "inspection\.ini:[0-9]+: \[bogus\]"

# ====================================================================
# 11. the screen follows the folder: what another program changes there
# (a panel decision recorded with decide, a case added, an answer changed
# by another inspector's yjinspect) shows without a key being pressed
D11="$TMP/shared"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D11" >/dev/null
ui s11 100 40 "$YJ" "$D11"
wait_for "ST-O04" >/dev/null
wait_whole >/dev/null
check "11: (the panel before: Score 14/36, 2.1 Outstanding)" sh -c "
	printf '%s' \"\$1\" | grep -qF 'Score 14/36' && printf '%s' \"\$1\" | grep -qE '2\.1 +Assessment +near 80% +★ Outstanding'" - "$(cap)"
check "11: at 100 columns a discretion candidate's reason is beside it (3.2: ≤5 cases)" sh -c "
	printf '%s' \"\$1\" | grep -qE '3\.2 +Planning +≤5 cases +✖ Inadequate +◆'" - "$(cap)"
key j j j j j
check "11: (ST-C06 selected in the list)" wait_sel "ST-C06 "
"$YJ" decide "$D11" 2.1 --to good --why "The panel's view" >/dev/null
check "11: a decision recorded by decide: the panel shows it, no key pressed" \
	wait_re '2\.1 +Assessment +● Good.*†'
check "11: ...and the score it makes (13/36)" wait_for "Score 13/36"
check "11: ...the list's selection stays on ST-C06" wait_sel "ST-C06 "
key k k k k k
sed 's/^reference = "ST-C01"$/reference = "ST-C11"/' "$D11/cases/ST-C01.ini" >"$D11/cases/.new"
mv "$D11/cases/.new" "$D11/cases/ST-C11.ini"
check "11: a case added by another program: listed, no key pressed" wait_re '^ST-C11 +court'
check "11: ...and counted in the title" wait_for "· 11 cases"
key Enter			# ST-C01, in the walk
wait_for "case ST-C01 (1 of 11)" >/dev/null
# another inspector's yjinspect answers 2.1.1 of ST-C01 No (a new file
# renamed into place, as every save is)
sed 's/^2\.1\.1 = yes$/2.1.1 = no/' "$D11/cases/ST-C01.ini" >"$D11/cases/.new"
mv "$D11/cases/.new" "$D11/cases/ST-C01.ini"
want=$("$YJ" summary --format tsv "$D11" | awk -F '\t' '$1 == "kq" && $2 == "2.1.1" { print $4 "/" $3 }')
check "11: (the summary counts it: 2.1.1 $want)" [ "$want" = "5/7" ]
check "11: an answer changed by another program: the panel counts it ($want)" \
	wait_re "2\.1\.1 +$want "
check "11: ...the walk stays on the same case" wait_for "case ST-C01 (1 of 11)"
check "11: ...and says the case was changed elsewhere" \
	wait_for "ST-C01 was changed in another yjinspect: shown as it is now."
check "11: the decision on 2.1 now rests on moved evidence: marked '!'" \
	wait_re '2\.1 +Assessment +. [A-Za-z. ]+ *!'
check "11: ...the summary says the same (a decision to look at again)" sh -c "
	'$YJ' summary '$D11' | grep -qi 'look again'"
# an editor changing the case on screen where it is (the folder itself
# does not change): 2.1.2 of ST-C01 from Yes to No, the file written over
sed 's/^2\.1\.2 = yes$/2.1.2 = no/' "$D11/cases/ST-C01.ini" >"$TMP/c01.edited"
cat "$TMP/c01.edited" >"$D11/cases/ST-C01.ini"
want=$("$YJ" summary --format tsv "$D11" | awk -F '\t' '$1 == "kq" && $2 == "2.1.2" { print $4 "/" $3 }')
check "11: the case on screen changed in place: the panel counts it ($want)" \
	wait_re "2\.1\.2 +$want "
# an editor's write caught half done: the case cannot be read for a moment,
# and is read again (where it is: the folder does not change) once whole
cp "$D11/cases/ST-C01.ini" "$TMP/c01.whole"
head -c 200 "$TMP/c01.whole" >"$D11/cases/ST-C01.ini"
check "11: a case file half written: left out for now, said so" \
	wait_for "The case ST-C01.ini is no longer in the folder, or cannot be read now"
cat "$TMP/c01.whole" >"$D11/cases/ST-C01.ini"
check "11: ...and read again when the write is done, in place" wait_for "ST-C01.ini can be read again."
check "11: ...the walk is back on it, where it was (no key was pressed)" wait_for "case ST-C01 (1 of 11)"
check "11: ...counted again ($want)" wait_re "2\.1\.2 +$want "
# lost again, and meanwhile the inspector opens another case: when it comes
# back, the walk stays on the case they opened
head -c 200 "$TMP/c01.whole" >"$D11/cases/ST-C01.ini"
wait_for "The case ST-C01.ini is no longer in the folder" >/dev/null
key g Enter
check "11: another case opened while one is lost" wait_for "case ST-C02 ("
cat "$TMP/c01.whole" >"$D11/cases/ST-C01.ini"
check "11: ...the lost one comes back" wait_for "ST-C01.ini can be read again."
check "11: ...and the walk stays on the case opened" wait_for "case ST-C02 ("
quit_ui
wait_for "EXIT 0" >/dev/null

# ====================================================================
# 12. a folder that others can read: opened, with a warning and the fix
chmod 0755 "$D11"
ui s12 100 30 "$YJ" "$D11"
check "12: a folder others can read: warned on opening, with the fix" \
	wait_for "Warning: group or others can read this inspection's folder (mode 0755)"
quit_ui
wait_for "EXIT 0" >/dev/null
chmod 0700 "$D11"

# ====================================================================
# 13. your name, asked once: a fresh HOME and no YJINSPECT_INSPECTOR get a
# one-line prompt before the first screen; Esc skips (asked again next
# time), Enter saves it in the settings file, and then it is not asked
NH="$TMP/name-home"; mkdir -p "$NH"
NCONF="$NH/.config/yjinspect/config.ini"
D13="$TMP/demo13"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D13" >/dev/null
# wait_grep FILE ERE: poll FILE (5 s) until a line matches
wait_grep() {
	n=200
	while [ "$n" -gt 0 ]; do
		grep -qE -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.025; n=$((n - 1))
	done
	echo "#  $1 has no line matching $2"
	return 1
}
WHO_WAS=$WHO; WHO=""	# (ui sets YJINSPECT_INSPECTOR to it: empty is as unset)
ui s13 80 24 HOME="$NH" XDG_CONFIG_HOME= "$YJ" "$D13"
check "13: no name anywhere: asked for one" wait_for "Your name, as your answers will be stamped:"
shot
check "13: ...before the first screen (no case list yet)" lacks "$TMP/screen" "Reference"
check "13: ...saying where it is kept and how Esc skips" sh -c "
	grep -qF '~/.config/yjinspect/config.ini' '$TMP/screen' && grep -qF 'Esc skips for now' '$TMP/screen'"
typed "Someone"
key Escape
check "13: Esc skips: on to the case list" wait_for "Reference"
check "13: ...saying it asks again next time" wait_for "Skipped: your answers are stamped"
check "13: ...and nothing is saved" [ ! -e "$NCONF" ]
quit_ui
wait_for "EXIT 0" >/dev/null
ui s13b 80 24 HOME="$NH" XDG_CONFIG_HOME= "$YJ" "$D13"
check "13: skipped, it asks again at the next start" wait_for "Your name, as your answers will be stamped:"
typed "  Ruth Pemberton"
key Enter
check "13: Enter saves the name, and says where" wait_for "Ruth Pemberton, is saved in ~/.config/yjinspect/config.ini"
check "13: ...in the settings file, trimmed, mode 0600" sh -c "
	grep -qx 'name = \"Ruth Pemberton\"' '$NCONF' && [ \"\$(stat -c %a '$NCONF')\" = 600 ]"
key Enter
wait_for "y n x answer  Enter next" >/dev/null
key n
check "13: an answer given right after is stamped with it" \
	wait_grep "$D13/cases/ST-C01.ini" '^[0-9.]+ = "[0-9T:-]+Z Ruth Pemberton"$'
quit_ui
wait_for "EXIT 0" >/dev/null
ui s13c 80 24 HOME="$NH" XDG_CONFIG_HOME= "$YJ" "$D13"
check "13: the next start does not ask: back in the walk" wait_for "y n x answer  Enter next"
shot
check "13: ...(no prompt on screen)" lacks "$TMP/screen" "Your name, as"
key ']'
wait_for "case ST-C02 (" >/dev/null
key n
check "13: an answer given then is stamped with the name saved" \
	wait_grep "$D13/cases/ST-C02.ini" '^[0-9.]+ = "[0-9T:-]+Z Ruth Pemberton"$'
quit_ui
wait_for "EXIT 0" >/dev/null
ui s13d 80 24 HOME="$NH" XDG_CONFIG_HOME= YJINSPECT_INSPECTOR="Ann Lee" "$YJ" "$D13"
check "13: YJINSPECT_INSPECTOR set: not asked either (its own place: the list)" wait_for "Enter open  a add case"
quit_ui
wait_for "EXIT 0" >/dev/null
printf '[inspector]\nname = "Ruth Pemberton"\nnmae = "RP"\n' >"$NCONF"
ui s13e 80 24 HOME="$NH" XDG_CONFIG_HOME= "$YJ" "$D13"
check "13: a settings file that cannot be read: said, by file and line, not asked" \
	wait_for "Your settings file cannot be read:"
check "13: ...(the line named)" wait_for "config.ini:3:"
quit_ui
wait_for "EXIT 0" >/dev/null
WHO=$WHO_WAS

# ====================================================================
# 14. a status message longer than 512 bytes is shown whole: the warning
# on a folder others can read, its path 400 bytes long, ends in the
# command to put it right, closing quote and all (it was cut at 512)
L14=longlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong
D14="$TMP/$L14/$L14/$L14/open"
mkdir -p "$D14" && rmdir "$D14"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D14" >/dev/null
chmod go+rx "$D14"
ui s14 300 24 "$YJ" "$D14"
check "14: the warning shows whole, to the folder's closing quote" wait_re "/open' *\$"
quit_ui
wait_for "EXIT 0" >/dev/null


# ====================================================================
# 15. a case reference of wide characters is cut in the title by columns
# (24, the ellipsis one of them), not by characters (it took 23 of them)
D15="$TMP/wide"
YJINSPECT_DEMO="$DEMO" "$YJ" demo "$D15" >/dev/null
sed 's/^reference = .*/reference = "審查審查審查審查審查審查審查"/' "$D15/cases/ST-C01.ini" >"$TMP/c01" &&
	cat "$TMP/c01" >"$D15/cases/ST-C01.ini"
ui s15 80 24 "$YJ" "$D15"
wait_for "Enter open  a add case" >/dev/null
key Enter
check "15: the title cuts the reference to 24 columns" wait_for " case 審查審查審查審查審查審… (1 of 10)"
quit_ui
wait_for "EXIT 0" >/dev/null

# ====================================================================
# 16. what a fact decided names the fact it came from whole: a disposal
# labelled in 85 bytes (it was cut at 63, mid-word, without a word); and
# the facts form's line under it shows a long help whole on a terminal
# wide enough (label and help were cut at 599 bytes)
F16="$TMP/forms16"
mkdir -p "$F16"
LAB16="Disposal given by the court or out of court, as the case management system records it"
HELP16=$(printf 'The order or outcome recorded. %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17)END-OF-HELP
awk -v lab="$LAB16" -v help="$HELP16" '/^\[/ { sec = $0 }
	sec == "[fact.disposal]" && /^label = / { print "label = \"" lab "\""; print "help = \"" help "\""; next } 1' \
	"$FORM" >"$F16/yj-2019.ini"
D16="$TMP/longlabel"
YJINSPECT_FORMS="$F16" "$YJ" new "$D16" --framework yj-2019 --service "Label YJS" >/dev/null
ui s16 400 24 YJINSPECT_FORMS="$F16" "$YJ" "$D16"
wait_for "Enter open  a add case" >/dev/null
key a
wait_for "New case reference:" >/dev/null
typed "TEST-16"
key Enter
wait_for "Case facts: TEST-16" >/dev/null
wait_re '^> Disposal' >/dev/null
check "16: a fact's help of $(printf '%s: %s' "$LAB16" "$HELP16" | wc -c | tr -d ' ') bytes shows whole under the form" \
	wait_for "END-OF-HELP"
typed "r"
check "16: the fact a choice came from is named whole" \
	wait_for "Case type: Court disposal (from the disposal given by the court or out of court, as the case management system records it)"
key Escape
wait_for "y n x answer" >/dev/null	# the form done: on the walk
quit_ui
wait_for "EXIT 0" >/dev/null

finish
