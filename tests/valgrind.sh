#!/bin/sh
# valgrind.sh - memcheck on every cmocka test and on one scripted session of
# the terminal UI (in a private tmux server): no error and nothing
# definitely lost. Run by `make check-valgrind` (and by ./setup.sh test);
# not part of `make check`, for it takes minutes. Skipped (exit 77, said
# why) without valgrind or tmux.
#
#   make check-valgrind          (from the build folder)
#   VALGRIND_TESTS="tests/test_cond tests/test_case" make check-valgrind
. "$top_srcdir/tests/lib.sh"

for tool in valgrind tmux; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 77; }
done
SHELL=/bin/sh; export SHELL
VG="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
--show-leak-kinds=definite --track-origins=yes --num-callers=30"

# memcheck's verdict in LOG (one summary per process: a test may fork;
# a child a test kills from outside, as test_save does a save cut short,
# ends with no summary): 0 errors, and nothing definitely lost, in every
# process
clean() {
	grep -q 'ERROR SUMMARY: 0 errors' "$1" && ! grep -q 'ERROR SUMMARY: [1-9]' "$1" &&
		! grep -qE 'definitely lost: [1-9]' "$1"
}
# what LOG says, in a few words
verdict() {
	echo "$(grep -c 'ERROR SUMMARY' "$1") process(es), 0 errors, nothing definitely lost"
}

# ---- the cmocka tests
for t in ${VALGRIND_TESTS:-tests/test_esc tests/test_save tests/test_ini tests/test_cond \
    tests/test_form tests/test_case tests/test_rate tests/test_update tests/test_fixtures \
    tests/test_insp tests/test_edit tests/test_journal tests/test_mutate tests/test_merge \
    tests/test_whatif tests/test_stamp tests/test_cache tests/test_power tests/test_inikeep \
    tests/test_settings}; do
	log="$TMP/$(basename "$t").vg"
	$VG --log-file="$log" "$top_builddir/$t" >"$TMP/out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && clean "$log"; then
		ok "$t under memcheck: $(verdict "$log")"
	else
		not_ok "$t under memcheck (exit $rc)"
		grep -E 'ERROR SUMMARY|definitely lost|Invalid|uninitialised|at 0x|by 0x' "$log" | head -30 | sed 's/^/#  /'
		# what cmocka said failed, and where, before its summary
		grep -E '^\[ +(ERROR|LINE|FAILED) +\]' "$TMP/out" | head -20 | sed 's/^/#  /'
		tail -5 "$TMP/out" | sed 's/^/#  /'
	fi
done

# ---- one session of the terminal UI: the demo, answers, a note, the
# facts form, undo, the panel, a resize, quit
. "$top_srcdir/tests/tmux.sh"	# the private tmux server and its waits
YJINSPECT_DEMO="$top_srcdir/tests/fixtures/south-tyneside-2020" "$YJ" demo "$TMP/demo" >/dev/null
log="$TMP/tui.vg"
S=v
tm new-session -d -s v -x 80 -y 24 "env LANG=C.UTF-8 YJINSPECT_INSPECTOR=Valgrind $TMP/ui $VG --log-file=$log $YJ $TMP/demo"
# drawn wider than COLS columns (after a resize)
wider() { cap | awk -v w="$1" 'length($0) > w { f = 1 } END { exit !f }'; }
step() { tm send-keys -t v "$@"; }
s=0
wait_for "ST-O04" && s=$((s + 1))
step Enter; wait_for "case ST-C01" && s=$((s + 1))
step n; wait_for "Yes → No" && s=$((s + 1))
step y; wait_for "No → Yes" && s=$((s + 1))
step u; wait_for "Undone:" && s=$((s + 1))
step e; wait_for "Note on" && s=$((s + 1))
tm send-keys -t v -l "memcheck ü"; wait_for "memcheck ü" && s=$((s + 1))
step Escape; wait_gone "Note on"	# (so that f is not read as Alt-f)
step f; wait_for "Case facts" && s=$((s + 1))
step Enter; wait_gone "Case facts"
step Tab; step Tab
step r; wait_for "Ratings ·" && s=$((s + 1))
step Enter; wait_for "Of the " && s=$((s + 1))
step Enter; wait_for "relevant cases Yes" && s=$((s + 1))
step Escape; wait_gone "relevant cases Yes"
step d; wait_for "from " && s=$((s + 1))
step 3; wait_for "Esc records it" && s=$((s + 1))
tm send-keys -t v -l "memcheck rationale"; wait_for "memcheck rationale" && s=$((s + 1))
step Escape; wait_for "Panel decision:" && s=$((s + 1))
step u; wait_for "Undone: decision on 2.1" && s=$((s + 1))
step Escape; wait_gone "Ratings ·"
tm resize-window -t v -x 100 -y 30 2>/dev/null; wait_until wider 80
step Q y; wait_for "EXIT" && s=$((s + 1))
check "the terminal UI session ran its 17 steps under memcheck ($s)" [ "$s" -eq 17 ]
if [ -f "$log" ] && clean "$log" && cap | grep -q "EXIT 0"; then
	ok "the terminal UI under memcheck: $(verdict "$log"), exit 0"
else
	not_ok "the terminal UI under memcheck"
	[ -f "$log" ] && grep -E 'ERROR SUMMARY|definitely lost|Invalid|uninitialised|at 0x|by 0x' "$log" | head -40 | sed 's/^/#  /'
fi
finish
