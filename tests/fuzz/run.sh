#!/bin/sh
# run.sh HARNESS SECONDS [BUILD_DIR] - fuzz one harness with libFuzzer.
#
#   HARNESS    form, case, insp, cond or journal (tests/fuzz/fuzz_HARNESS.c)
#   SECONDS    how long, e.g. 3600 for an hour
#   BUILD_DIR  a build configured with CC=clang --enable-fuzzing; made
#              (as _build-fuzz beside the source tree) when not given
#
# One process, one job: on a shared machine run it under nice -n 19.
# The run starts from the harness's seeds (replay_HARNESS --seeds: the
# source tree's forms and fixtures and tests/fuzz/corpus/HARNESS) copied
# into BUILD_DIR/tests/fuzz/corpus-grown/HARNESS, which the run then grows; the
# source tree is never written to. A crash is saved in
# BUILD_DIR/tests/fuzz/crash/HARNESS/; once fixed, copy it into
# tests/fuzz/regress/HARNESS/ so that make check replays it for ever.
# libFuzzer's last lines give the executions (stat::number_of_executed_units).
# Extra libFuzzer options can be given in FUZZ_OPTS.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
usage() { echo "usage: $0 form|case|insp|cond|journal SECONDS [BUILD_DIR]" >&2; exit 2; }
[ $# -ge 2 ] || usage
h=$1
secs=$2
case $h in form|case|insp|cond|journal) ;; *) usage ;; esac
case $secs in ''|*[!0-9]*) usage ;; esac
build=${3:-$top/_build-fuzz}

if [ ! -f "$build/Makefile" ]; then
	[ -x "$top/configure" ] || (cd "$top" && autoreconf -fi)
	mkdir -p "$build"
	(cd "$build" && CC=${CC:-clang} "$top/configure" -q --enable-fuzzing)
fi
grep -q '^FUZZ_LDFLAGS = -fsanitize=fuzzer' "$build/Makefile" ||
	{ echo "run.sh: $build is not configured with --enable-fuzzing" >&2; exit 1; }
make -s -C "$build" "tests/fuzz/fuzz_$h" "tests/fuzz/replay_$h"

grown=$build/tests/fuzz/corpus-grown/$h
crash=$build/tests/fuzz/crash/$h
mkdir -p "$grown" "$crash"
n=0
for f in $("$build/tests/fuzz/replay_$h" --seeds); do
	n=$((n + 1))
	cp "$f" "$grown/seed-$n-$(basename "$f")"
done
dict=$top/tests/fuzz/ini.dict
[ "$h" = cond ] && dict=$top/tests/fuzz/cond.dict
[ "$h" = journal ] && dict=$top/tests/fuzz/journal.dict

# the harness writes its input to a file each time: memory is faster
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
	TMPDIR=/dev/shm; export TMPDIR
fi
YJINSPECT_FORMS=$top/forms; export YJINSPECT_FORMS
echo "run.sh: fuzzing $h for $secs s from $n seeds; crashes go to $crash/"
# shellcheck disable=SC2086
exec "$build/tests/fuzz/fuzz_$h" -max_total_time="$secs" -timeout=20 \
	-rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
	-dict="$dict" -artifact_prefix="$crash/" ${FUZZ_OPTS:-} "$grown"
