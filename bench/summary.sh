#!/bin/sh
# summary.sh - how fast `yjinspect summary` and `check` are on a large
# inspection, against how fast the files can merely be read.
#
#   bench/summary.sh [BUILD_DIR] [CASES]     (defaults: _build, 10000)
#
# Builds an inspection of CASES court and out-of-court cases by copying the
# demo's ten cases under new references, then times (best of 3, warm cache)
#   cat cases/*.ini > /dev/null    the floor: reading the bytes
#   yjinspect summary DIR          load, validate and rate every case
#   yjinspect summary DIR, with YJINSPECT_THREADS=1 (cases loaded one by one)
#   yjinspect check DIR            load and check every case
# and reports the peak memory of summary and the number of threads that
# load the cases (YJINSPECT_THREADS if set, else as yjinspect(1) says:
# the online CPUs, at most 8, one for every 32 cases or part). It
# measures; it does not gate.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
n=${2:-10000}
yj="$build/yjinspect"
[ -x "$yj" ] || { echo "no $yj: build first (./setup.sh test)" >&2; exit 1; }
export YJINSPECT_FORMS="$top/forms" YJINSPECT_DEMO="$top/tests/fixtures/south-tyneside-2020"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/big"
. "$top/bench/lib.sh"
big_inspection "$yj" "$dir" "$n"
bytes=$(cat "$dir"/cases/*.ini | wc -c)

best() { # CMD...: best wall time of 3 runs, in ms
	b=""
	for _ in 1 2 3; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s%N)
		t=$(( (e - s) / 1000000 ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}
readall() { cat "$dir"/cases/*.ini >/dev/null; }
read_ms=$(best readall)
sum_ms=$(best "$yj" summary "$dir" --format tsv)
sum1_ms=$(best env YJINSPECT_THREADS=1 "$yj" summary "$dir" --format tsv)
check_ms=$(best "$yj" check "$dir")
rss=$( { /usr/bin/time -f '%M' "$yj" summary "$dir" --format tsv >/dev/null; } 2>&1 | tail -1)

cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
case ${YJINSPECT_THREADS:-} in
''|0|*[!0-9]*)
	threads=$cpus
	[ "$threads" -gt 8 ] && threads=8
	per=$(( (n + 31) / 32 ))
	[ "$threads" -gt "$per" ] && threads=$per
	how="automatic, $cpus online CPUs" ;;
*)
	threads=$YJINSPECT_THREADS
	[ "$threads" -gt 64 ] && threads=64
	how="YJINSPECT_THREADS" ;;
esac
[ "$threads" -gt "$n" ] && threads=$n
[ "$threads" -lt 1 ] && threads=1

echo "cases:            $n ($((bytes / 1024)) KiB of case files)"
echo "threads:          $threads ($how)"
echo "read (cat):       ${read_ms} ms"
echo "summary:          ${sum_ms} ms  ($(( sum_ms * 1000 / n )) us per case)"
echo "summary, 1 thread: ${sum1_ms} ms"
echo "check:            ${check_ms} ms"
echo "summary peak RSS: ${rss} KiB"
"$yj" summary "$dir" --format tsv | grep '^overall'
