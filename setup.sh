#!/bin/sh
# setup.sh - set yjinspect up on a Debian 12 machine, then run it or test it.
#
#   ./setup.sh demo   install what is missing, build, and open a fresh copy
#                     of the bundled demo inspection in the terminal UI
#                     (without a terminal: print its summary)
#   ./setup.sh test   install what is missing, build with warnings as errors,
#                     and run the whole test suite: make check, make check
#                     again under AddressSanitizer and UndefinedBehaviorSanitizer,
#                     memcheck (make check-valgrind), and make distcheck as an
#                     unprivileged user. The last line is "N passed, N failed".
#
# Builds go to _build/ (and _build-san/) beside this script; the source tree
# is not written to except by autoreconf.
set -eu
cd "$(dirname "$0")"
top=$(pwd)
what=${1:-demo}

# the build, and what the tests use: tmux (the terminal UI), python3 (reads
# the exports back), chromium and poppler-utils (the html rendered and
# printed), valgrind (memcheck), git (the folders' git files tried), procps
# (pkill: no program a terminal test started left running)
PKGS="build-essential autoconf automake pkg-config libncurses-dev libiniparser-dev libcmocka-dev tmux"
[ "$what" = test ] && PKGS="$PKGS python3 chromium poppler-utils valgrind git procps"

install_missing() {
	missing=""
	for p in $PKGS; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "setup: installing$missing"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

# build DIR [CONFIGURE-OPTION...]
build() {
	dir=$1; shift
	[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
	mkdir -p "$dir"
	(cd "$dir" && { [ -f Makefile ] || "$top/configure" -q "$@"; } && make -s -j2)
}

passed=0
failed=0
skipped=0

# count DIR: add up the test counts that every test log in DIR reports
# (cmocka's "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"; the shell
# tests print the same); a test that failed without saying how many counts 1.
count() {
	for log in "$1"/tests/*.log; do
		[ -f "$log" ] || continue
		[ "$(basename "$log")" = test-suite.log ] && continue
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p' "$log" | tail -1)
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$log" | tail -1)
		passed=$((passed + ${p:-0}))
		failed=$((failed + ${f:-0}))
		if grep -q '^:test-result: SKIP' "${log%.log}.trs" 2>/dev/null; then
			skipped=$((skipped + 1))
			echo "setup: skipped $(basename "${log%.log}"): $(grep -m1 '^SKIP' "$log" || echo 'no reason given')"
		fi
		if [ -z "$f" ] && grep -qE '^:test-result: (FAIL|ERROR)' "${log%.log}.trs" 2>/dev/null; then
			failed=$((failed + 1))
		fi
	done
}

# stage NAME CMD...: one pass/fail for a whole step
stage() {
	name=$1; shift
	echo "setup: $name"
	if "$@"; then passed=$((passed + 1)); echo "setup: $name: passed"
	else failed=$((failed + 1)); echo "setup: $name: FAILED"; fi
}

# show_failures DIR: the checks that failed, and the end of the log, of
# every failing test under DIR
show_failures() {
	find "$1" -name '*.trs' 2>/dev/null | while read -r trs; do
		grep -qE '^:test-result: (FAIL|ERROR)' "$trs" || continue
		log=${trs%.trs}.log
		echo "---- $log"
		grep -E '^not ok' "$log" | head -20
		tail -40 "$log"
	done
}

# memcheck: make check-valgrind; its checks say what ran clean
memcheck() {
	log="$top/_build/valgrind.log"
	(cd "$top/_build" && make -s check-valgrind >"$log" 2>&1)
	rc=$?
	grep -E '^(ok|not ok|SKIP)' "$log" | sed 's/^/setup: memcheck: /'
	[ $rc -eq 0 ] || grep '^#' "$log" | head -40
	return $rc
}

distcheck_unprivileged() {
	(cd "$top/_build" && make -s dist >/dev/null)
	tarball=$(ls "$top"/_build/yjinspect-*.tar.gz | head -1)
	work=$(mktemp -d)
	cp "$tarball" "$work/"
	chmod 0777 "$work"
	run="cd '$work' && tar xzf '$(basename "$tarball")' && cd yjinspect-*/ && ./configure -q && make -s distcheck >'$work/distcheck.log' 2>&1 || { tail -20 '$work/distcheck.log'; exit 1; }"
	if [ "$(id -u)" -eq 0 ]; then
		chown -R 65534:65534 "$work"
		setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work" TMPDIR="$work" sh -c "$run"
	else
		sh -c "$run"
	fi
	rc=$?
	# a failing test's own log says which check failed and why
	[ $rc -eq 0 ] || show_failures "$work"
	rm -rf "$work"
	return $rc
}

case $what in
demo)
	install_missing
	build "$top/_build"
	YJINSPECT_FORMS="$top/forms"; export YJINSPECT_FORMS
	YJINSPECT_DEMO="$top/tests/fixtures/south-tyneside-2020"; export YJINSPECT_DEMO
	if [ -t 0 ] && [ -t 1 ]; then
		# the terminal UI on a fresh copy of the demo (it says where on exit)
		exec "$top/_build/yjinspect" --demo
	fi
	# no terminal: show what the demo rates instead
	demo=$(mktemp -d "${TMPDIR:-/tmp}/yjinspect-demo.XXXXXX")/demo
	"$top/_build/yjinspect" demo "$demo"
	"$top/_build/yjinspect" summary "$demo"
	echo "setup: no terminal here; in one, open the demo with: $top/_build/yjinspect $demo"
	;;
test)
	install_missing
	rm -rf "$top/_build" "$top/_build-san"
	stage "build (warnings are errors)" build "$top/_build" --enable-werror
	(cd "$top/_build" && make -s -j2 check >/dev/null 2>&1) || true
	count "$top/_build"
	echo "setup: make check: $passed passed, $failed failed so far"
	stage "build with sanitizers" build "$top/_build-san" --enable-werror --enable-sanitizers
	(cd "$top/_build-san" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 make -s -j2 check >/dev/null 2>&1) || true
	count "$top/_build-san"
	echo "setup: make check under ASan/UBSan: $passed passed, $failed failed so far"
	stage "memcheck: the cmocka tests and a terminal UI session (make check-valgrind)" \
		memcheck
	stage "make distcheck (unprivileged)" distcheck_unprivileged
	show_failures "$top/_build/tests"
	show_failures "$top/_build-san/tests"
	[ "$skipped" -eq 0 ] || echo "setup: $skipped test program(s) skipped (not counted as passed): see above"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	;;
*)
	echo "usage: $0 demo|test" >&2
	exit 2
	;;
esac
