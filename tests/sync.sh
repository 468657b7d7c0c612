#!/bin/sh
# sync.sh - a team without git skills (yjinspect(1), WORKING AS A TEAM):
# a merge git could not finish is never unseen.
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

BARE="$TMP/team.git" LEAD="$TMP/lead" A="$TMP/ann" B="$TMP/bo"
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
key q
wait_for "EXIT" 30 >/dev/null

# ---- a case file merged line by line, git's markers in it
C="$TMP/cy"
cp -a "$A" "$C"
printf '<<<<<<< HEAD\n2.1.1.1 = no\n=======\n2.1.1.1 = yes\n>>>>>>> theirs\n' >>"$C/cases/ST-C02.ini"
run "$TMP/o" "$TMP/e" "$YJ" check "$C"
check "git's conflict markers in a case file are named as such" contains "$TMP/o" \
	"cases/ST-C02.ini:$(($(wc -l <"$C/cases/ST-C02.ini") - 4)): git's conflict marker '<<<<<<<': a git merge of this file was left unfinished"

finish
