#!/bin/sh
# sync.sh - a team without git skills (yjinspect(1), WORKING AS A TEAM):
# only yjinspect team init --share, team join, sync and the terminal UI.
#   - the lead shares a new inspection on the "shared drive" (a folder
#     made a bare repository by team init --share); three inspectors join
#     it, each enters their cases of the South Tyneside fixture and syncs;
#     two answer one question differently: the sync reports the conflict,
#     the terminal UI (tmux, 80x24) shows it and answering settles it; the
#     lead's laptop syncs last. yjinspect is NOT on PATH (git finds its
#     driver by the absolute path sync records), HOME is fresh with no git
#     identity and git's default configuration. Every answer and note
#     arrives (answers lost: 0) and the fixture's published ratings come
#     out on every laptop;
#   - the bundle route, between two folders with no shared remote;
#   - a sync with the team's repository out of reach keeps the commit and
#     says so; the next sync sends it;
# and a merge git could not finish is never unseen:
#   - the merge driver missing (git cannot run it) on a laptop: git leaves
#     that laptop's copy of a case file in place, with no mark in it, and
#     the file unmerged in its index; check, summary, export and the
#     terminal UI (tmux, 80x24) leave the file out, naming it and the
#     command that finishes the merge; nothing of it is counted;
#   - a case file left with git's own conflict markers (merged line by
#     line, without the driver): named as such.
# Real git, a bare repository, clones made by plain `git clone`, a fresh
# HOME with no git identity (each command gives one for itself). Skipped
# (77) without git or tmux.
. "$top_srcdir/tests/lib.sh"
if ! command -v git >/dev/null 2>&1; then
	echo "SKIP: git is not installed"
	exit 77
fi
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
GIT_CONFIG_NOSYSTEM=1; export GIT_CONFIG_NOSYSTEM
# who makes a commit in these tests, as git asks, without a global identity
gi() { d=$1; shift; git -C "$d" -c user.name=T -c user.email=t@example.org -c init.defaultBranch=main "$@"; }
yj() { who=$1; shift; YJINSPECT_INSPECTOR="$who" "$YJ" "$@"; }

FIX="$TMP/fixture"
"$YJ" demo "$FIX" >/dev/null || { echo "ERROR: the demo copied"; exit 99; }
answers_total=0
for f in "$FIX"/cases/*.ini; do answers_total=$((answers_total + $(keys_of "$f" | wc -l))); done
"$YJ" summary "$FIX" --format tsv >"$TMP/fix.tsv"
ypath=$(command -v yjinspect 2>/dev/null || true)
check "yjinspect is not on PATH in this test" [ -z "$ypath" ]

# ---- the lead: the inspection, no cases yet, shared
LEAD="$TMP/lead" HUB="$TMP/drive/team.git"
"$YJ" demo "$LEAD" >/dev/null
rm -f "$LEAD"/cases/*
run "$TMP/o" "$TMP/e" yj "Lee Lead" team init "$LEAD" --share "$HUB"
check "team init --share: the team's repository made, the inspection sent" sh -c "
	[ $rc -eq 0 ] && git --git-dir='$HUB' rev-parse -q --verify main >/dev/null &&
	grep -q 'Synced' '$TMP/o'"
check "...it says what each inspector does next" contains "$TMP/o" "yjinspect team join $HUB DIR"
check "...the driver recorded by its absolute path" sh -c "
	git -C '$LEAD' config merge.yjinspect.driver | grep -qF \"'$(realpath "$YJ")' merge-file %O %A %B %P\""
check "...the lead's name on the commit, set in the repository only" sh -c "
	[ \"\$(git -C '$LEAD' log -1 --format=%an)\" = 'Lee Lead' ] && [ ! -e '$HOME/.gitconfig' ]"

# ---- three inspectors join, enter their cases, sync
A="$TMP/ann" B="$TMP/bo" C="$TMP/cy"
for w in "Ann Lee:$A" "Bo Sharma:$B" "Cy Patel:$C"; do
	run "$TMP/o" "$TMP/e" yj "${w%%:*}" team join "$HUB" "${w#*:}"
	check "${w%%:*} joins with team join" [ "$rc" -eq 0 ]
done
check "a joined folder is the inspector's alone (0700)" [ "$(stat -c %a "$B/cases")" = 700 ]
given=0
enter() { # WHO DIR REF [PATTERN]
	# shellcheck disable=SC2046
	yj "$1" answer "$2" "$3" --new $(args_of "$FIX/cases/$3.ini" "${4:-.}") >/dev/null ||
		not_ok "$1 entered $3"
	given=$((given + $(args_of "$FIX/cases/$3.ini" "${4:-.}" | wc -l)))
}
sync_as() { # WHO DIR: yjinspect sync, its report in $TMP/sync.out
	yj "$1" sync "$2" >"$TMP/sync.out" 2>"$TMP/sync.err"
}
for r in ST-C01 ST-C03 ST-C04; do enter "Ann Lee" "$A" "$r"; done
enter "Ann Lee" "$A" ST-C02 '^(2\.[2-4]|3|2\.1\.[13])'
for r in ST-C05 ST-C06 ST-O01; do enter "Bo Sharma" "$B" "$r"; done
for r in ST-O02 ST-O03 ST-O04; do enter "Cy Patel" "$C" "$r"; done
check "ann syncs" sync_as "Ann Lee" "$A"
check "...her report: 4 cases sent" contains "$TMP/sync.out" "Sent: 4 files changed by Ann Lee: ST-C01, ST-C02, ST-C03, ST-C04."
check "bo syncs" sync_as "Bo Sharma" "$B"
check "...his report: Ann's answers came in, by her name" grep -q "Came in from Ann Lee: [0-9]* answers in 4 cases" "$TMP/sync.out"
check "cy syncs" sync_as "Cy Patel" "$C"
check "ann syncs again" sync_as "Ann Lee" "$A"
check "...Bo's and Cy's came in" sh -c "grep -q 'Came in from Bo Sharma' '$TMP/sync.out' &&
	grep -q 'Came in from Cy Patel' '$TMP/sync.out'"

# ---- ST-C02 2.1.2: both answer it, one prompt differently, both a note
yj "Ann Lee" answer "$A" ST-C02 $(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2') >/dev/null
given=$((given + $(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2' | wc -l)))
yj "Ann Lee" answer "$A" ST-C02 "note.2.1.1=Ann: the assessment used the school's report" >/dev/null
first=$(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2\.' | head -1)
pid=${first%%=*} want=${first#*=}
case $want in yes) other=no ;; *) other=yes ;; esac
sync_as "Bo Sharma" "$B"
# shellcheck disable=SC2046
yj "Bo Sharma" answer "$B" ST-C02 "$pid=$other" $(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2' | grep -v "^$pid=") >/dev/null
yj "Bo Sharma" answer "$B" ST-C02 "note.2.1.1=Bo: the child was seen twice" >/dev/null
check "ann syncs her answers to 2.1.2" sync_as "Ann Lee" "$A"
check "bo syncs his" sync_as "Bo Sharma" "$B"
check "...his report names the conflict, both sides, who" sh -c "
	grep -q 'ST-C02.ini \[answers\] $pid: ours $other (Bo Sharma, .*theirs $want (Ann Lee' '$TMP/sync.out'"
check "...the merge is finished: nothing for git to do" [ -z "$(git -C "$B" status --porcelain)" ]
check "...both notes kept" sh -c "grep -q \"Ann: the assessment\" '$B/cases/ST-C02.ini' &&
	grep -q 'Bo: the child was seen twice' '$B/cases/ST-C02.ini'"

# on screen: the conflict side by side, settled by answering it
WHO="Bo Sharma"
ui conflict 80 24 "$YJ" "$B"
wait_for "ST-C02" 30 >/dev/null || show "list"
key j Enter
if wait_for "In conflict from a merge" 30; then ok "the terminal UI shows the conflict"
else not_ok "the terminal UI shows the conflict"; fi
case $want in yes) k=y ;; no) k=n ;; *) k=x ;; esac
key "$k"
if wait_for "settled" 30; then ok "answering it settles it"; else not_ok "answering it settles it"; fi
quit_ui
wait_for "EXIT 0" 30 >/dev/null
check "bo syncs the settled answer" sync_as "Bo Sharma" "$B"
check "...no conflict left to settle" sh -c "grep -A1 'Conflicts to settle' '$TMP/sync.out' | grep -q none"
check "cy syncs" sync_as "Cy Patel" "$C"
check "ann syncs" sync_as "Ann Lee" "$A"
check "the lead's laptop syncs last" sync_as "Lee Lead" "$LEAD"

lost=0
for d in "$A" "$B" "$C" "$LEAD"; do
	for f in "$FIX"/cases/*.ini; do
		n=$(basename "$f")
		if [ ! -f "$d/cases/$n" ]; then
			lost=$((lost + $(keys_of "$f" | wc -l)))
			continue
		fi
		keys_of "$f" >"$TMP/want"
		keys_of "$d/cases/$n" >"$TMP/have"
		lost=$((lost + $(comm -23 "$TMP/want" "$TMP/have" | wc -l)))
	done
done
check "answers lost: 0 (of $answers_total, on 4 laptops)" [ "$lost" = 0 ]
for d in "$A" "$B" "$C" "$LEAD"; do
	"$YJ" summary "$d" --format tsv >"$TMP/got.tsv" 2>"$TMP/got.err"
	check "$(basename "$d"): the published ratings come out" cmp -s "$TMP/fix.tsv" "$TMP/got.tsv"
done
check "the lead has both notes" sh -c "grep -q \"Ann: the assessment\" '$LEAD/cases/ST-C02.ini' &&
	grep -q 'Bo: the child was seen twice' '$LEAD/cases/ST-C02.ini'"
run "$TMP/o" "$TMP/e" "$YJ" check "$LEAD"
check "check of the lead's folder: no conflict, no error" sh -c "
	grep -q '^0 errors' '$TMP/o' && ! grep -q 'conflict' '$TMP/o'"

# ---- a judgement and a note come in: said too, though no answer came
yj "Lee Lead" judge "$LEAD" 1.1 outstanding >/dev/null
yj "Lee Lead" answer "$LEAD" ST-O03 "note.3.1.1=Seen by the lead" >/dev/null
sync_as "Lee Lead" "$LEAD"
check "a judgement and a note that came in are said, by file" sh -c "YJINSPECT_INSPECTOR='Cy Patel' '$YJ' sync '$C' |
		grep -q 'Came in too: other changes to ST-O03, inspection.ini'"

# ---- out of reach: the commit kept, sent at the next sync
mv "$HUB" "$HUB.away"
yj "Cy Patel" answer "$C" ST-O02 3.1.1=none >/dev/null
run "$TMP/o" "$TMP/e" yj "Cy Patel" sync "$C"
check "the team's repository out of reach: exit 3, said, the change committed here" sh -c "
	[ $rc -eq 3 ] && grep -q 'cannot be reached' '$TMP/e' && grep -q 'stays committed here' '$TMP/o' &&
	[ -z \"\$(git -C '$C' status --porcelain)\" ]"
mv "$HUB.away" "$HUB"
run "$TMP/o" "$TMP/e" yj "Cy Patel" sync "$C"
check "...the next sync sends it, and says so" sh -c "[ $rc -eq 0 ] && grep -q 'Synced' '$TMP/o' &&
	grep -q 'Sent: 1 file changed by Cy Patel: ST-O02.' '$TMP/o' &&
	[ \"\$(git --git-dir='$HUB' rev-parse main)\" = \"\$(git -C '$C' rev-parse HEAD)\" ]"
yj "Cy Patel" answer "$C" ST-O02 "$(answers_of "$FIX/cases/ST-O02.ini" '^3\.1\.1=')" >/dev/null
sync_as "Cy Patel" "$C"

# ---- the bundle route: two folders with no shared remote
D="$TMP/dee" USB="$TMP/usb/day.bundle"
mkdir -p "$TMP/usb"
cp -a "$A" "$D" && git -C "$D" remote remove origin
# flip KEY=VALUE's answer
flip() { case ${1#*=} in yes) echo "${1%%=*}=no" ;; *) echo "${1%%=*}=yes" ;; esac; }
a_flip=$(flip "$(answers_of "$FIX/cases/ST-C03.ini" '^2\.1\.1\.1=')")
d_flip=$(flip "$(answers_of "$FIX/cases/ST-C04.ini" '^2\.1\.1\.1=')")
yj "Ann Lee" answer "$A" ST-C03 "$a_flip" >/dev/null
yj "Dee Okoro" answer "$D" ST-C04 "$d_flip" >/dev/null
run "$TMP/o" "$TMP/e" yj "Ann Lee" sync "$A" --bundle "$USB"
check "--bundle: written (no bundle there yet)" sh -c "[ $rc -eq 0 ] && [ -s '$USB' ]"
run "$TMP/o" "$TMP/e" yj "Dee Okoro" sync "$D" --bundle "$USB"
check "--bundle on the other laptop: Ann's answer came in, Dee's went out" sh -c "[ $rc -eq 0 ] &&
	grep -q 'Came in from Ann Lee: 1 answer in 1 case (ST-C03)' '$TMP/o' &&
	grep -q '^${a_flip%%=*} = ${a_flip#*=}\$' '$D/cases/ST-C03.ini'"
run "$TMP/o" "$TMP/e" yj "Ann Lee" sync "$A" --bundle "$USB"
check "--bundle back: Dee's change came in" sh -c "[ $rc -eq 0 ] &&
	grep -q 'Came in from Dee Okoro: 1 answer in 1 case (ST-C04)' '$TMP/o' &&
	grep -q '^${d_flip%%=*} = ${d_flip#*=}\$' '$A/cases/ST-C04.ini'"
check "a sync with no remote and no bundle says what to do" sh -c "
	YJINSPECT_INSPECTOR='Dee Okoro' '$YJ' sync '$D' >/dev/null 2>'$TMP/e'; [ \$? -eq 1 ] &&
	grep -q -- '--bundle FILE' '$TMP/e'"

# ---- the terminal UI's sync key (=): the report on a screen of its own,
# a conflict opened from it and settled there, the folder read again
LEAD="$TMP/lead3" HUB="$TMP/drive3/team.git" A="$TMP/ann3" B="$TMP/bo3"
"$YJ" demo "$LEAD" >/dev/null
rm -f "$LEAD"/cases/*
yj "Lee Lead" team init "$LEAD" --share "$HUB" >/dev/null 2>&1 &&
	yj "Ann Lee" team join "$HUB" "$A" >/dev/null 2>&1 &&
	yj "Bo Sharma" team join "$HUB" "$B" >/dev/null 2>&1 ||
	{ echo "ERROR: the third team could not be made"; exit 99; }
# ST-C01 with 2.1.1's answers only: its walk opens at 2.1.2, not at the
# conflict (2.2.1.1) that Ann and Bo then answer differently; Ann answers
# 2.2.1.2 too (a conflict is not counted as come in)
enter "Ann Lee" "$A" ST-C01 '^2\.1\.1'
sync_as "Ann Lee" "$A" && sync_as "Bo Sharma" "$B" ||
	{ echo "ERROR: the third team's first syncs failed"; exit 99; }
yj "Ann Lee" answer "$A" ST-C01 2.2.1.1=yes 2.2.1.2=yes >/dev/null
yj "Bo Sharma" answer "$B" ST-C01 2.2.1.1=no >/dev/null
sync_as "Ann Lee" "$A"
WHO="Bo Sharma"
ui syncui 80 24 "$YJ" "$B"
wait_for "ST-C01" 30 >/dev/null || show "list"
key =
if wait_for "Came in from Ann Lee: 1 answer in 1 case (ST-C01)" 60; then
	ok "the sync key on the case list: the report screen says what came in, from whom"
else not_ok "the sync key on the case list: the report screen says what came in, from whom"; fi
if wait_re "Synced with origin \(" 5 && wait_re "ST-C01 \[answers\] 2\.2\.1\.1: ours no \(Bo Sharma" 5
then ok "...its title says where, and the conflict is a row, both sides and who"
else not_ok "...its title says where, and the conflict is a row, both sides and who"; fi
check "...the sync went out: the team's repository has Bo's commit" sh -c "
	[ \"\$(git --git-dir='$HUB' rev-parse main)\" = \"\$(git -C '$B' rev-parse HEAD)\" ]"
key Enter
if wait_for "In conflict from a merge" 30; then ok "...Enter on it: the case's walk on that question"
else not_ok "...Enter on it: the case's walk on that question"; fi
key y
if wait_for "settled" 30; then ok "...answering it settles it"; else not_ok "...answering it settles it"; fi
check "...in the file: the answer, no conflict left" sh -c "
	grep -q '^2.2.1.1 = yes' '$B/cases/ST-C01.ini' && ! grep -q 'conflicts' '$B/cases/ST-C01.ini'"
key Escape
if wait_for "settled since" 30; then ok "...Esc: back on the report, the conflict marked settled"
else not_ok "...Esc: back on the report, the conflict marked settled"; fi
key =
if wait_for "Conflicts to settle: none" 60; then ok "...the sync key again: no conflict to settle"
else not_ok "...the sync key again: no conflict to settle"; fi
key Escape
wait_for "= sync" 10 >/dev/null
key r
wait_for "Enter standard" 10 >/dev/null || show "ratings page"
key =
if wait_for "Conflicts to settle: none" 60; then ok "...and from the ratings page"
else not_ok "...and from the ratings page"; fi
quit_ui
wait_for "EXIT 0" 30 >/dev/null || not_ok "the terminal UI ended"
run "$TMP/o" "$TMP/e" yj "Ann Lee" sync "$A"
check "...Ann gets Bo's settled answer at her next sync" sh -c "[ $rc -eq 0 ] &&
	grep -q '^2.2.1.1 = yes' '$A/cases/ST-C01.ini'"
ui notshared 80 24 "$YJ" "$FIX"
wait_for "ST-C01" 30 >/dev/null || show "list"
key =
# (the status line wraps a long path itself: its lines read as one)
if wait_for "not shared with a team" 30 && wait_whole &&
	cap | tr '\n' ' ' | tr -s ' ' | grep -q "yjinspect team init .* --share URL" &&
	cap | tr '\n' ' ' | tr -s ' ' | grep -q "yjinspect team join URL DIR"; then
	ok "the sync key in a folder no git repository holds: the status line says so, and the commands"
else not_ok "the sync key in a folder no git repository holds: the status line says so, and the commands"; fi
check "...nothing done: the folder is no repository still" [ ! -e "$FIX/.git" ] && [ ! -e "$FIX/.gitattributes" ]
quit_ui
wait_for "EXIT 0" 30 >/dev/null

BARE="$TMP/team.git" LEAD="$TMP/lead2" A="$TMP/ann2" B="$TMP/bo2"
git -c init.defaultBranch=main init -q --bare "$BARE"
"$YJ" demo "$LEAD" >/dev/null
"$YJ" team init "$LEAD" >/dev/null
gi "$LEAD" add -A && gi "$LEAD" commit -qm "The inspection" &&
	gi "$LEAD" push -q "$BARE" HEAD:main >/dev/null 2>&1 ||
	{ echo "ERROR: the lead's folder could not be pushed"; exit 99; }
git clone -q "$BARE" "$A" 2>/dev/null && git clone -q "$BARE" "$B" 2>/dev/null ||
	{ echo "ERROR: git clone failed"; exit 99; }

# ---- the driver missing on Bo's laptop: the file stays Bo's, unmerged
"$YJ" team init "$A" >/dev/null
gi "$B" config merge.yjinspect.name "yjinspect"
gi "$B" config merge.yjinspect.driver "$TMP/nowhere/yjinspect merge-file %O %A %B %P"
yj "Ann Lee" answer "$A" ST-C01 2.1.1.1=no "note.2.1.1=Ann's note" >/dev/null
gi "$A" add -A && gi "$A" commit -qm "Ann" && gi "$A" push -q origin HEAD 2>/dev/null
yj "Bo Sharma" answer "$B" ST-C01 2.1.1.2=no >/dev/null
gi "$B" add -A && gi "$B" commit -qm "Bo"
gi "$B" pull -q --no-rebase origin main >"$TMP/pull" 2>&1
check "git: the driver cannot be run, the file is unmerged" sh -c "
	git -C '$B' ls-files -u | grep -q 'cases/ST-C01.ini' && grep -q 'nowhere/yjinspect' '$TMP/pull'"
check "...git left Bo's copy, with no mark in it: Ann's answer is not there" sh -c "
	! grep -q '<<<<<<<' '$B/cases/ST-C01.ini' && ! grep -q \"Ann's note\" '$B/cases/ST-C01.ini'"
run "$TMP/o" "$TMP/e" "$YJ" check "$B"
check "check: an error naming the file, the cause and the command" contains "$TMP/o" \
	"$B/cases/ST-C01.ini: git has not merged it with the other copy (its merge driver did not run): it may hold one side only, so nothing in it is counted; 'yjinspect sync $B' merges it"
check "...and the unfinished merge" contains "$TMP/o" "a git merge is not finished in this folder"
check "...exit 1" [ "$rc" -eq 1 ]
run "$TMP/o" "$TMP/e" "$YJ" summary "$B"
check "summary refuses, naming the file and the command" sh -c "[ $rc -ne 0 ] &&
	grep -qF '$B/cases/ST-C01.ini: git has not merged it' '$TMP/e' && grep -qF \"yjinspect sync $B\" '$TMP/e'"
run "$TMP/o" "$TMP/e" "$YJ" export "$B" --format md
check "export refuses the same" sh -c "[ $rc -ne 0 ] && grep -qF '$B/cases/ST-C01.ini: git has not merged it' '$TMP/e'"
run "$TMP/o" "$TMP/e" yj "Bo Sharma" answer "$B" ST-C01 2.1.1.3=no
check "answer on the unmerged case is refused, naming why" sh -c "[ $rc -ne 0 ] &&
	grep -qF 'git has not merged it' '$TMP/e'"
check "...and the file is as git left it" lacks "$B/cases/ST-C01.ini" "2.1.1.3 = no"

WHO="Bo Sharma"
ui t 80 24 "$YJ" "$B"
if wait_for "ST-C01.ini" 30; then ok "the terminal UI names the file left out"
else not_ok "the terminal UI names the file left out"; fi
key G Enter
if wait_for "git has not merged it" 30; then ok "...and why, on its row"
else not_ok "...and why, on its row"; fi
quit_ui
wait_for "EXIT" 30 >/dev/null

# ---- sync finishes what git could not, with the driver recorded again;
# a change saved to the file since git stopped (as a terminal UI opened
# before the pull saves) is kept
old3=$(awk '/^\[/ { on = ($0 == "[answers]"); next } on && $1 == "2.1.1.3" { print $3 }' "$B/cases/ST-C01.ini")
case $old3 in yes) new3=no ;; *) new3=yes ;; esac
awk -v v="$new3" '/^\[/ { on = ($0 == "[answers]") } on && $1 == "2.1.1.3" { $0 = "2.1.1.3 = " v } { print }' \
	"$B/cases/ST-C01.ini" >"$TMP/c01" && cat "$TMP/c01" >"$B/cases/ST-C01.ini"
run "$TMP/o" "$TMP/e" yj "Bo Sharma" sync "$B"
check "sync on the laptop whose driver was missing: exit 0" [ "$rc" -eq 0 ]
check "...it says so: the driver it found, and the file it merged" sh -c "
	grep -q \"git's merge driver was '$TMP/nowhere/yjinspect merge-file\" '$TMP/e' &&
	grep -q 'cases/ST-C01.ini: git had left it unmerged (its merge driver had not run): merged now' '$TMP/e'"
check "...the driver recorded again, by this program's path" sh -c "
	git -C '$B' config merge.yjinspect.driver | grep -qF '$(realpath "$YJ")'"
check "...the merge finished: nothing unmerged, nothing left to commit" sh -c "
	[ -z \"\$(git -C '$B' ls-files -u)\" ] && [ -z \"\$(git -C '$B' status --porcelain)\" ]"
check "...Ann's answer and note are in the file, and Bo's" sh -c "
	grep -q \"Ann's note\" '$B/cases/ST-C01.ini' && grep -q '^2.1.1.1 = no' '$B/cases/ST-C01.ini' &&
	grep -q '^2.1.1.2 = no' '$B/cases/ST-C01.ini'"
check "...and the change saved to the file after git stopped" \
	grep -q "^2.1.1.3 = $new3\$" "$B/cases/ST-C01.ini"
run "$TMP/o" "$TMP/e" "$YJ" check "$B"
check "...check: no error, no unfinished merge" sh -c "grep -q '^0 errors' '$TMP/o' &&
	! grep -q 'git merge is not finished' '$TMP/o'"
run "$TMP/o" "$TMP/e" yj "Ann Lee" sync "$A"
check "...and Ann gets Bo's answer at her next sync" sh -c "[ $rc -eq 0 ] &&
	grep -q '^2.1.1.2 = no' '$A/cases/ST-C01.ini'"

# ---- a copy that cannot be read comes in: nothing of it taken, the merge
# undone, and once its sender puts it right the next sync takes it in
printf 'a line no INI reader takes\n' >>"$A/cases/ST-C02.ini"
gi "$A" commit -qam "Ann: a broken file" && gi "$A" push -q origin HEAD 2>/dev/null
yj "Bo Sharma" answer "$B" ST-C02 2.1.1.1=none >/dev/null	# (the same file: merged by the driver)
run "$TMP/o" "$TMP/e" yj "Bo Sharma" sync "$B"
check "a broken copy that came in: sync fails (1), naming the file and the line" sh -c "
	[ $rc -eq 1 ] && grep -q 'ST-C02.ini: the copy that came in cannot be read (line' '$TMP/e'"
check "...the merge undone, Bo's work committed, nothing unmerged" sh -c "
	[ -z \"\$(git -C '$B' ls-files -u)\" ] && [ -z \"\$(git -C '$B' status --porcelain)\" ] &&
	! grep -q 'no INI reader' '$B/cases/ST-C02.ini'"
sed -i '/a line no INI reader takes/d' "$A/cases/ST-C02.ini"
gi "$A" commit -qam "Ann: put right" && gi "$A" push -q origin HEAD 2>/dev/null
run "$TMP/o" "$TMP/e" yj "Bo Sharma" sync "$B"
check "...put right and sent again: the next sync takes it in" sh -c "[ $rc -eq 0 ] &&
	[ \"\$(git -C '$B' rev-parse HEAD)\" = \"\$(git -C '$A' ls-remote origin main | cut -f1)\" ]"

# ---- a case file merged line by line, git's markers in it
C="$TMP/cy2"
cp -a "$A" "$C"
printf '<<<<<<< HEAD\n2.1.1.1 = no\n=======\n2.1.1.1 = yes\n>>>>>>> theirs\n' >>"$C/cases/ST-C02.ini"
run "$TMP/o" "$TMP/e" "$YJ" check "$C"
check "git's conflict markers in a case file are named as such" contains "$TMP/o" \
	"cases/ST-C02.ini:$(($(wc -l <"$C/cases/ST-C02.ini") - 4)): git's conflict marker '<<<<<<<': a git merge of this file was left unfinished"

# ---- a lead's folder on another branch (made by git init before), inside
# another repository (a home folder kept in git): shared as it is, and
# nothing of the outer repository goes with it
OUT="$TMP/home-in-git" L3="$OUT/insp"
mkdir -p "$OUT" && gi "$OUT" init -q && echo "my diary" >"$OUT/diary.txt" &&
	gi "$OUT" add diary.txt && gi "$OUT" commit -qm diary
"$YJ" demo "$L3" >/dev/null
git -C "$L3" -c init.defaultBranch=master init -q
run "$TMP/o" "$TMP/e" yj "Lee Lead" team init "$L3" --share "$TMP/drive/three.git"
check "team init --share of a folder on branch master, inside another repository" [ "$rc" -eq 0 ]
check "...the outer repository's files are not sent" sh -c "
	! git --git-dir='$TMP/drive/three.git' log --all --name-only --format= | grep -q diary"
run "$TMP/o" "$TMP/e" yj "Ann Lee" team join "$TMP/drive/three.git" "$TMP/ann5"
check "...an inspector joins it (the share's branch is the folder's)" sh -c "
	[ $rc -eq 0 ] && [ -f '$TMP/ann5/inspection.ini' ]"
"$YJ" demo "$OUT/insp4" >/dev/null
run "$TMP/o" "$TMP/e" yj "Lee Lead" team init "$OUT/insp4"
check "team init of a folder inside another repository makes it its own" sh -c "
	[ $rc -eq 0 ] && [ -d '$OUT/insp4/.git' ] && [ -z \"\$(git -C '$OUT' config --get merge.yjinspect.driver)\" ]"
"$YJ" demo "$OUT/insp6" >/dev/null
run "$TMP/o" "$TMP/e" yj "Lee Lead" sync "$OUT/insp6"
check "sync of a folder in another's repository: refused, saying whose" sh -c "[ $rc -eq 1 ] &&
	grep -q 'is in the git repository of .*home-in-git, not one of its own' '$TMP/e' &&
	[ -z \"\$(git -C '$OUT' status --porcelain -- insp6 | grep '^A')\" ]"
git -c init.defaultBranch=main init -q --bare "$TMP/drive/empty.git"
run "$TMP/o" "$TMP/e" yj "Ann Lee" team join "$TMP/drive/empty.git" "$TMP/ann4"
check "team join of a repository with no inspection: refused, nothing left behind" sh -c "
	[ $rc -eq 1 ] && grep -q 'holds no inspection' '$TMP/e' && [ ! -e '$TMP/ann4' ]"

finish
