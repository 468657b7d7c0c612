#!/bin/sh
# run.sh - the benchmarks in one table: how yjinspect's speed and memory
# grow with the folder.
#
#   bench/run.sh [BUILD_DIR] [SIZES]    (defaults: _build, "10 100 1000 10000")
#
# For each size it generates an inspection of that many cases with varied
# answers (bench/gen.py: seconds for 10,000) and times, best of 3 with the
# files in the page cache:
#   cat cases/*.ini >/dev/null     the floor: reading the bytes
#   yjinspect summary DIR          rate every case: the files unchanged since
#                                  the folder's cache was made (by a first
#                                  summary, two seconds after the files were
#                                  written: cache.h) taken from it
#   ... with YJINSPECT_THREADS=1   (one thread)
#   ... --no-cache                 every file read, parsed and validated
#   ... --no-cache, one thread
#   yjinspect check DIR            (always reads every file)
#   bench/peer.py DIR              a Python configparser script tallying the
#                                  answers (less work: no relevance, no ratings)
# with the peak memory of summary (from the cache, and reading every file),
# and the terminal UI's time to its first full screen (the case list),
# opening the folder with no cache and again (the files unchanged, from its
# cache). Then bench/tui.sh gives keystrokes per answer and one answer's CPU
# and instructions at 60 and 5,000 cases (skip it: SKIP_TUI=1).
# It measures; it does not gate.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
sizes=${2:-"10 100 1000 10000"}
yj="$build/yjinspect"
[ -x "$yj" ] || { echo "no $yj: build first (./setup.sh test)" >&2; exit 1; }
command -v python3 >/dev/null 2>&1 || { echo "bench/run.sh needs python3" >&2; exit 1; }
export YJINSPECT_FORMS="$top/forms"
export LANG=C.UTF-8
unset TMUX NO_COLOR
SHELL=/bin/sh; export SHELL
tmp=$(mktemp -d)
HOME="$tmp/home"; export HOME; mkdir -p "$HOME"
tm() { tmux -S "$tmp/sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
best() { # CMD...: best wall time of 3 runs, in ms
	b=""
	for _ in 1 2 3; do
		s=$(now_ms)
		"$@" >/dev/null 2>&1 || true
		t=$(( $(now_ms) - s ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "-" }'; }
# first_screen DIR: ms from starting the terminal UI to its case list
first_screen() {
	command -v tmux >/dev/null 2>&1 || { echo "-"; return; }
	tm kill-server >/dev/null 2>&1 || true
	rm -f "$1"/.yjinspect-place-*
	s=$(now_ms)
	tm new-session -d -s fs -x 100 -y 30 env YJINSPECT_INSPECTOR=Bench "$yj" "$1"
	n=3000
	while [ "$n" -gt 0 ]; do
		tm capture-pane -t fs -p 2>/dev/null | grep -q 'G0000000' && break
		sleep 0.005
		n=$((n - 1))
	done
	t=$(( $(now_ms) - s ))
	tm kill-server >/dev/null 2>&1 || true
	echo "$t"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
rss() { { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1; }
printf '%6s %7s %6s | %7s %6s %5s %5s | %7s %6s %5s %5s | %6s %7s %7s | %6s %6s | %6s %6s\n' \
	cases "KiB" "cat" "summary" "1 thr" "MB" "/cat" "no cache" "1 thr" "MB" "/cat" \
	"check" "peer.py" "peer/" "first" "reopen" "1thr/" "1thr/"
printf '%6s %7s %6s | %7s %6s %5s %5s | %7s %6s %5s %5s | %6s %7s %7s | %6s %6s | %6s %6s\n' \
	"" "" "ms" "(cache)" "" "" "" "" "" "" "" "" "" "summary" "screen" "" "cat" "cat nc"
for n in $sizes; do
	dir="$tmp/i$n"
	python3 "$top/bench/gen.py" "$top/tests/fixtures/south-tyneside-2020" "$dir" "$n"
	chmod -R go= "$dir"	# (as yjinspect makes a folder: no warning printed)
	kib=$(( $(cat "$dir"/cases/*.ini | wc -c) / 1024 ))
	readall() { cat "$dir"/cases/*.ini >/dev/null; }
	cat_ms=$(best readall)
	# the cache keeps a file two whole seconds old (cache.h): then one
	# summary makes it
	sleep 3
	"$yj" summary "$dir" --format tsv >/dev/null
	sum_ms=$(best "$yj" summary "$dir" --format tsv)
	one_ms=$(best env YJINSPECT_THREADS=1 "$yj" summary "$dir" --format tsv)
	rss=$(rss "$yj" summary "$dir" --format tsv)
	nc_ms=$(best "$yj" summary "$dir" --format tsv --no-cache)
	nc1_ms=$(best env YJINSPECT_THREADS=1 "$yj" summary "$dir" --format tsv --no-cache)
	nc_rss=$(rss "$yj" summary "$dir" --format tsv --no-cache)
	check_ms=$(best "$yj" check "$dir")
	peer_ms=$(best python3 "$top/bench/peer.py" "$dir")
	# the first opening reads every file (and makes the cache); the next
	# takes the unchanged ones from the cache (cache.h)
	rm -f "$dir/.yjinspect-cache"
	if [ "$n" -ge 1000 ]; then
		fs=$(first_screen "$dir"); sleep 3; fs2=$(first_screen "$dir")
	else
		fs="-" fs2="-"
	fi
	printf '%6d %7d %6d | %7d %6d %5s %5s | %7d %6d %5s %5s | %6d %7d %7s | %6s %6s | %6s %6s\n' \
		"$n" "$kib" "$cat_ms" \
		"$sum_ms" "$one_ms" "$(mb "$rss")" "$(ratio "$sum_ms" "$cat_ms")" \
		"$nc_ms" "$nc1_ms" "$(mb "$nc_rss")" "$(ratio "$nc_ms" "$cat_ms")" \
		"$check_ms" "$peer_ms" "$(ratio "$peer_ms" "$sum_ms")" "$fs" "$fs2" \
		"$(ratio "$one_ms" "$cat_ms")" "$(ratio "$nc1_ms" "$cat_ms")"
	# the terminal UI may still be writing its place file as it goes
	rm -rf "$dir" 2>/dev/null || { sleep 1; rm -rf "$dir"; }
done
echo "(times in ms, best of 3, the files in the page cache. summary (cache): the files"
echo " unchanged since the folder's cache was made taken from it; no cache: summary"
echo " --no-cache, every file read; MB: peak memory; /cat: against reading the bytes;"
echo " 1 thr: YJINSPECT_THREADS=1; peer/summary: how many times faster summary (from"
echo " the cache) is than the Python script; first screen: the terminal UI to its case"
echo " list with no cache, at 1,000 cases and more; reopen: the same, from its cache)"
if [ "${SKIP_TUI:-0}" != 1 ] && command -v tmux >/dev/null 2>&1; then
	echo
	sh "$top/bench/tui.sh" "$build" 60 5000
fi
