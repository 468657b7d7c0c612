#!/bin/sh
# team.sh - one inspection, several laptops, brought together with git:
# a bare repository (the team's shared drive), the lead's folder pushed to
# it, and three clones, each an inspector (YJINSPECT_INSPECTOR of their
# own) answering their own cases of the South Tyneside fixture from the
# command line, pulling and pushing in turn. Two of them answer one prompt
# differently, and each writes a note on the same key question; two add
# the same case reference. Then:
#   - every answer of every clone is in every clone (answers lost: 0);
#   - the one differing answer is a conflict: git pull shows the merge
#     driver saying so, check lists it,
#     summary counts it neither way, and the terminal UI (tmux, 80x24)
#     shows it side by side; answering it there settles it, a change
#     committed like any other;
#   - both notes are kept; the case added twice is one case in conflict;
#   - the published ratings of the fixture come out again;
#   - one answer changed is one line changed in git diff, plus its stamp;
#   - the same between two folders with no shared remote, by git bundle.
# Skipped (77) without git or tmux.
. "$top_srcdir/tests/lib.sh"
if ! command -v git >/dev/null 2>&1; then
	echo "SKIP: git is not installed"
	exit 77
fi
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
# git runs the merge driver ("yjinspect merge-file ...") by its name
PATH="$top_builddir:$PATH"; export PATH
cat >"$HOME/.gitconfig" <<'EOF'
[init]
	defaultBranch = main
[user]
	name = Test Inspector
	email = inspector@example.org
[pull]
	rebase = false
[advice]
	detachedHead = false
EOF
GIT_MERGE_AUTOEDIT=no; export GIT_MERGE_AUTOEDIT

# as WHO in DIR: yj WHO ARGS... (yjinspect), g DIR ARGS... (git)
yj() { who=$1; shift; YJINSPECT_INSPECTOR="$who" "$YJ" "$@"; }
g() { d=$1; shift; git -C "$d" "$@"; }


FIX="$TMP/fixture"
"$YJ" demo "$FIX" >/dev/null || { echo "not ok - the demo copied"; exit 1; }
answers_total=0
for f in "$FIX"/cases/*.ini; do
	answers_total=$((answers_total + $(keys_of "$f" | wc -l)))
done

# ---- the lead: the inspection, no cases yet, on the shared drive
LEAD="$TMP/lead" HUB="$TMP/hub.git"
"$YJ" demo "$LEAD" >/dev/null
rm -f "$LEAD"/cases/*
run "$TMP/o" "$TMP/e" "$YJ" team init "$LEAD"
check "team init makes a git repository" [ "$rc" = 0 -a -d "$LEAD/.git" ]
check "team init sets the merge driver, by the program's absolute path" \
	[ "$(g "$LEAD" config merge.yjinspect.driver)" = "'$(realpath "$YJ")' merge-file %O %A %B %P" ]
check ".gitattributes sends every .ini to the driver" contains "$LEAD/.gitattributes" \
	"*.ini merge=yjinspect"
git init -q --bare "$HUB"
g "$LEAD" add -A && g "$LEAD" commit -qm "The inspection set up" &&
	g "$LEAD" remote add origin "$HUB" && g "$LEAD" push -q origin main 2>/dev/null
check "the lead's folder is on the shared drive" git --git-dir="$HUB" rev-parse -q --verify main >/dev/null

# ---- three inspectors, each a clone
for who in ann bo cy; do
	git clone -q "$HUB" "$TMP/$who" 2>/dev/null
	"$YJ" team init "$TMP/$who" >/dev/null
done
A="$TMP/ann" B="$TMP/bo" C="$TMP/cy"
check "a clone's .gitattributes came with it" contains "$B/.gitattributes" "merge=yjinspect"

given=0
enter() { # WHO DIR REF [PATTERN]: the fixture's case REF typed in (its answers matching PATTERN)
	n=$(args_of "$FIX/cases/$3.ini" "${4:-.}" | wc -l)
	# shellcheck disable=SC2046
	yj "$1" answer "$2" "$3" --new $(args_of "$FIX/cases/$3.ini" "${4:-.}") >/dev/null ||
		not_ok "$1 entered $3"
	given=$((given + n))
}
git_sync() { # DIR MESSAGE: commit, pull, push; git's output in $TMP/git.log
	g "$1" add -A && g "$1" commit -qm "$2" >/dev/null
	g "$1" pull -q >"$TMP/git.log" 2>&1 || return 1
	g "$1" push -q >>"$TMP/git.log" 2>&1
}

for r in ST-C01 ST-C03 ST-C04; do enter "Ann Lee" "$A" "$r"; done
# ST-C02: all but key question 2.1.2, which both Ann and Bo answer below
enter "Ann Lee" "$A" ST-C02 '^(2\.[2-4]|3|2\.1\.[13])'
for r in ST-C05 ST-C06 ST-O01; do enter "Bo Sharma" "$B" "$r"; done
for r in ST-O02 ST-O03 ST-O04; do enter "Cy Patel" "$C" "$r"; done

check "ann pushes her cases" git_sync "$A" "Ann's cases"
check "git status after a day's answering shows no lock, place or temp file" \
	[ -z "$(g "$A" status --porcelain)" ]
check "bo pulls and pushes his" git_sync "$B" "Bo's cases"
check "cy pulls and pushes hers" git_sync "$C" "Cy's cases"
check "ann pulls everyone's" git_sync "$A" "sync"
check "bo pulls everyone's" git_sync "$B" "sync"
check "after the first round every clone has all 10 cases" \
	[ "$(ls "$A"/cases/*.ini "$B"/cases/*.ini "$C"/cases/*.ini | wc -l)" = 30 ]

# ---- one answer changed is one line in git diff (and its stamp)
sleep 1	# (a stamp is to the second: in the second of the answer before, it is the same)
yj "Ann Lee" answer "$A" ST-C01 2.1.1.1=no >/dev/null
g "$A" diff --numstat -- cases/ST-C01.ini >"$TMP/numstat"
if [ "$(cut -f1,2 "$TMP/numstat")" = "$(printf '2\t2')" ]; then
	ok "one answer changed: 2 lines changed in the case file (answer, stamp)"
else
	not_ok "one answer changed: 2 lines changed in the case file (answer, stamp)"
	g "$A" diff -- cases/ST-C01.ini | sed 's/^/# /'
fi
yj "Ann Lee" answer "$A" ST-C01 2.1.1.1=yes >/dev/null

# ---- both answer key question 2.1.2 of ST-C02: ann as the fixture, bo
# with one prompt the other way; each writes a note on 2.1.1
# shellcheck disable=SC2046
yj "Ann Lee" answer "$A" ST-C02 $(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2') >/dev/null
given=$((given + $(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2' | wc -l)))
yj "Ann Lee" answer "$A" ST-C02 "note.2.1.1=Ann: the assessment used the school's report" >/dev/null
first=$(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2\.' | head -1)	# e.g. 2.1.2.1=yes
pid=${first%%=*} want=${first#*=}
case $want in yes) other=no ;; *) other=yes ;; esac
bo_args=$(answers_of "$FIX/cases/ST-C02.ini" '^2\.1\.2' | grep -v "^$pid=")
# shellcheck disable=SC2086
yj "Bo Sharma" answer "$B" ST-C02 "$pid=$other" $bo_args >/dev/null
yj "Bo Sharma" answer "$B" ST-C02 "note.2.1.1=Bo: the child was seen twice" >/dev/null
given=$((given + 1))
check "ann pushes her answers to 2.1.2" git_sync "$A" "Ann: ST-C02 2.1.2"
g "$B" add -A && g "$B" commit -qm "Bo: ST-C02 2.1.2"
g "$B" pull >"$TMP/pull" 2>&1
check "git pull shows the merge driver's word of the conflict" contains "$TMP/pull" "cases/ST-C02.ini: 1 conflict kept in the file"
check "...and git takes the file as merged (the conflict is yjinspect's to settle)" \
	lacks "$TMP/pull" "CONFLICT (content): Merge conflict in cases/ST-C02.ini"
check "the driver names the one differing answer" contains "$TMP/pull" "[answers] $pid:"
run "$TMP/o" "$TMP/e" "$YJ" summary "$B"
check "the conflicted file still loads (summary works)" [ "$rc" = 0 ]
run "$TMP/check" "$TMP/e" "$YJ" check "$B"
check "check lists the conflict" contains "$TMP/check" "ST-C02.ini: [answers] $pid: a conflict from a merge"
check "check names who gave each answer" contains "$TMP/check" "(Bo Sharma, "
check "check names the other side too" contains "$TMP/check" "(Ann Lee, "
check "check exits 1 while a conflict stands" [ "$rc" = 1 ]
"$YJ" summary "$B" >"$TMP/sum"
check "summary counts the conflict neither way and says so" contains "$TMP/sum" \
	"Conflicts: 1 key in 1 case changed differently"
check "summary says the figures are incomplete" contains "$TMP/sum" "Incomplete: 1 relevant question"
check "both notes are kept, no conflict on them" sh -c \
	"grep -q 'Ann: the assessment' '$B/cases/ST-C02.ini' && grep -q 'Bo: the child' '$B/cases/ST-C02.ini'"
lacks "$TMP/check" "[notes]" && ok "the notes are no conflict" || not_ok "the notes are no conflict"
check "no conflict markers in the file" lacks "$B/cases/ST-C02.ini" "<<<<<<<"

# ---- on screen: the conflict side by side, settled by answering it
WHO="Bo Sharma"
ui team 80 24 "$YJ" "$B"
wait_for "ST-C02" || show "list"
key j; key Enter
if wait_for "In conflict from a merge"; then ok "the TUI shows the conflict"; else not_ok "the TUI shows the conflict"; show "conflict"; fi
wait_whole >/dev/null
shot
check "the TUI shows ours, who and when" grep -q "ours: .*(Bo Sharma, " "$TMP/screen"
check "the TUI shows theirs, who and when" grep -q "theirs: .*(Ann Lee, " "$TMP/screen"
case $want in yes) k=y ;; no) k=n ;; *) k=x ;; esac
key "$k"
if wait_for "settled"; then ok "answering it settles it"; else not_ok "answering it settles it"; show "settle"; fi
quit_ui
wait_for "EXIT 0" || show "quit"
check "the settled file has no conflict left" lacks "$B/cases/ST-C02.ini" "[conflicts."
g "$B" add -A && g "$B" commit -qm "Bo: the conflict on ST-C02 settled" >/dev/null
check "the settled answer is committed like any other" [ -z "$(g "$B" status --porcelain)" ]
check "bo pushes the merge" g "$B" push -q
check "ann pulls it" git_sync "$A" "sync"
check "cy pulls it" git_sync "$C" "sync"

# ---- the same case added on two laptops: one case, in conflict
yj "Ann Lee" answer "$A" ST-X99 --new case_type=court disposal=yro >/dev/null
yj "Cy Patel" answer "$C" ST-X99 --new case_type=court disposal=dto >/dev/null
git_sync "$A" "Ann: ST-X99"
g "$C" add -A && g "$C" commit -qm "Cy: ST-X99" >/dev/null
g "$C" pull >"$TMP/pull2" 2>&1
check "a case added twice is one file, in conflict" contains "$TMP/pull2" "cases/ST-X99.ini"
"$YJ" summary "$C" >"$TMP/sum2" 2>&1
check "it counts once: 11 cases" contains "$TMP/sum2" "Cases: 11 "
"$YJ" check "$C" >"$TMP/check2" 2>&1
check "its differing fact is a conflict" contains "$TMP/check2" "ST-X99.ini: [facts] disposal: a conflict"
g "$C" rm -q -f cases/ST-X99.ini cases/ST-X99.journal >/dev/null 2>&1
g "$C" commit -qm "Cy: ST-X99 was a test case, removed" >/dev/null
check "cy pushes" g "$C" push -q
git_sync "$A" "sync" && git_sync "$B" "sync"

# ---- nothing lost: every clone holds every answer of the fixture
lost=0
for d in "$A" "$B" "$C"; do
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
check "answers lost: 0 (of $answers_total, in 3 clones)" [ "$lost" = 0 ]
for d in "$A" "$B" "$C"; do
	n=$(basename "$d")
	"$YJ" summary "$d" --format tsv >"$TMP/$n.tsv" 2>"$TMP/$n.err"
done
"$YJ" summary "$FIX" --format tsv >"$TMP/fix.tsv"
check "ann's ratings are the published ones" cmp -s "$TMP/fix.tsv" "$TMP/ann.tsv"
check "bo's ratings are the published ones" cmp -s "$TMP/fix.tsv" "$TMP/bo.tsv"
check "cy's ratings are the published ones" cmp -s "$TMP/fix.tsv" "$TMP/cy.tsv"
run "$TMP/o" "$TMP/e" "$YJ" check "$A"
check "check of the merged folder: no conflict left" lacks "$TMP/o" "a conflict from a merge"
check "check of the merged folder: every journal agrees with its file" lacks "$TMP/o" "disagree"

# ---- by bundle: two folders with no shared remote
D="$TMP/dee"
# 2.1.1 of ST-C03 to be judged again on both sides
yj "Ann Lee" answer "$A" ST-C03 2.1.1=none >/dev/null
g "$A" add -A && g "$A" commit -qm "Ann: ST-C03 2.1.1 to be judged again" >/dev/null
g "$A" bundle create -q "$TMP/day1.bundle" main 2>/dev/null
git clone -q "$TMP/day1.bundle" "$D" 2>/dev/null
"$YJ" team init "$D" >/dev/null
yj "Dee Okoro" answer "$D" ST-C03 2.1.1.1=no >/dev/null
yj "Ann Lee" answer "$A" ST-C03 2.1.1.1=no 2.1.1=no >/dev/null
yj "Dee Okoro" answer "$D" ST-C03 2.1.1=yes >/dev/null
given=$((given + 4))
g "$D" add -A && g "$D" commit -qm "Dee: ST-C03" >/dev/null
g "$D" bundle create -q "$TMP/back.bundle" main 2>/dev/null
g "$A" add -A && g "$A" commit -qm "Ann: ST-C03" >/dev/null
g "$A" pull "$TMP/back.bundle" main >"$TMP/pull3" 2>&1
cat "$TMP/pull3" | sed "s/^/# pull: /"
check "by bundle: the differing judgement is a conflict" contains "$TMP/pull3" "[answers] 2.1.1:"
check "by bundle: the answer both gave alike is no conflict" lacks "$TMP/pull3" "[answers] 2.1.1.1:"
yj "Ann Lee" answer "$A" ST-C03 2.1.1=yes >/dev/null
check "by bundle: settled from the command line" lacks "$A/cases/ST-C03.ini" "[conflicts."
g "$A" add -A && g "$A" commit -qm "Ann: ST-C03 settled" >/dev/null
check "by bundle: the merge finished" [ -z "$(g "$A" status --porcelain)" ]

# ---- without git: two copies of a folder, read as one and gathered
W1="$TMP/usb1" W2="$TMP/usb2" M="$TMP/gathered"
cp -a "$C" "$W1" && rm -rf "$W1/.git"
cp -a "$C" "$W2" && rm -rf "$W2/.git"
yj "Cy Patel" answer "$W1" ST-C04 2.1.1.1=no >/dev/null	# the same change on both
yj "Dee Okoro" answer "$W2" ST-C04 2.1.1.1=no >/dev/null
yj "Cy Patel" answer "$W1" ST-O02 3.1.1=no >/dev/null	# one side only
yj "Cy Patel" answer "$W1" ST-C05 2.2.2.2=no >/dev/null	# both, differently
yj "Dee Okoro" answer "$W2" ST-C05 2.2.2.2=na >/dev/null
# (not counting the cache of what the files held: the machine's, cache.h)
sums() { find "$1" -type f ! -name '*.lock' ! -name .yjinspect-cache | sort | xargs cat | cksum; }
s1=$(sums "$W1") s2=$(sums "$W2")
run "$TMP/o" "$TMP/e" "$YJ" summary "$W1" "$W2"
check "two folders read as one: a case in both counts once" contains "$TMP/o" "Cases: 10 "
check "...the one answer given differently is a conflict, counted neither way" \
	contains "$TMP/o" "Conflicts: 1 key in 1 case changed differently"
check "...the warning names both copies" contains "$TMP/e" "$W2/cases/ST-C05.ini: the same case as $W1/cases/ST-C05.ini, with 1 key"
run "$TMP/o" "$TMP/e" "$YJ" merge "$M" "$W1" "$W2"
check "merge DEST SRC...: exit 1 while a conflict is kept" [ "$rc" = 1 ]
check "...it lists the conflict, both sides" contains "$TMP/o" "conflict: cases/ST-C05.ini [answers] 2.2.2.2: ours no (Cy Patel, "
check "...it says what it took from where" contains "$TMP/o" "took cases/ST-C01.ini from $W1"
check "...a change made on one side only is taken, from the journals' shared base" \
	grep -q "^3.1.1 = no" "$M/cases/ST-O02.ini"
check "...the same change on both sides is no conflict" lacks "$TMP/o" "ST-C04.ini [answers]"
check "...only DEST is written" [ "$(sums "$W1")" = "$s1" -a "$(sums "$W2")" = "$s2" ]
yj "Cy Patel" answer "$M" ST-C05 2.2.2.2=yes >/dev/null
yj "Cy Patel" answer "$M" ST-C04 2.1.1.1=yes >/dev/null
yj "Cy Patel" answer "$M" ST-O02 3.1.1=yes >/dev/null
run "$TMP/o" "$TMP/e" "$YJ" check "$M"
check "the gathered folder, settled: check clean" [ "$rc" = 0 ]
"$YJ" summary "$M" --format tsv >"$TMP/m.tsv" 2>/dev/null
check "...and its ratings are the published ones" cmp -s "$TMP/fix.tsv" "$TMP/m.tsv"
sed -i 's/^service = .*/service = "Another service"/' "$W2/inspection.ini"
run "$TMP/o" "$TMP/e" "$YJ" merge "$TMP/gathered2" "$W1" "$W2"
check "a folder of another inspection is refused, naming both" contains "$TMP/e" \
	"$W2/inspection.ini: [inspection] service 'Another service', but $TMP/gathered2/inspection.ini has"

echo "# figures: clones 3 (+1 by bundle), answers typed $given, answers in the fixture $answers_total, conflicts found 3 (1 answer, 1 case added twice, 1 by bundle) and settled 3, answers lost $lost"
g "$B" log --stat --format='# %h %an: %s' | sed 's/^ /#  /' | head -60
finish
