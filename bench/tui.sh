#!/bin/sh
# tui.sh - what the terminal UI costs the inspector and the machine, run in
# a private tmux server (as tests/tui.sh does):
#
#   bench/tui.sh [BUILD_DIR] [SMALL] [LARGE]   (defaults: _build, 60, 5000)
#
# (a) keystrokes per answer: a court case (child safety factors, no
#     factors for others, desistance changed) entered from the keyboard at
#     80x24 as in tests/tui.sh scenario 1: adding it (its reference
#     typed) and recording all its facts, then answering until the title
#     says every relevant question is answered.
#     The driver reads only the screen: Yes to each item, N/A to every
#     other item that shows "(N/A allowed)". Keys sent / answers in the file.
# (b) the CPU time of one answer (saved, ratings recomputed, screen
#     redrawn) with SMALL and with LARGE cases in the inspection, built by
#     copying the demo's ten cases under new references (as
#     bench/summary.sh does). One case is opened on its 2.1.1 judgement and
#     answered 100 times, No and Yes in turn (the case is complete, so each
#     answer changes the file and every figure of 2.1.1, and the walk stays
#     put), after two answers not counted (a case's first answer begins its
#     journal, once), in three blocks of 100; each answer waits for the
#     redraw. The program's CPU time is read
#     from /proc/PID/stat (utime + stime, clock ticks) and, finer, from
#     /proc/PID/schedstat (ns on CPU) before and after; the idle cost (the
#     main loop wakes every 250 ms) is measured on its own over 2 s.
#     Against it, the floor: bench/floor.c (built here with cc) making the
#     same durable replace of a case-sized file alone, at the answers'
#     cadence, in the same file system, whose type is printed: the kernel's
#     share of an answer is mostly this, and it depends on the file system
#     (ext4 without a journal, as some virtual machines' disks are made,
#     looks past every inode freed in the last 5 to 35 s for each new file:
#     a burst of answers costs more with each answer).
#     As root where a loop device can be mounted, (b) at SMALL cases is
#     run again on a fresh ext4 with a journal (as mkfs.ext4 makes it, as
#     a laptop's is), adding the CPU of its journal thread (jbd2), which
#     does the commit that the process waits for there (not counted: the
#     loop device's threads, which write its blocks to the image file on
#     the machine's own disk, where a laptop's disk takes them itself).
# (c) the instructions of one answer, counted by callgrind over 20 answers
#     of the same kind (repeatable on a noisy machine, where (b) is not).
# It measures; it does not gate.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}
small=${2:-60}
large=${3:-5000}
yj="$build/yjinspect"
[ -x "$yj" ] || { echo "no $yj: build first (./setup.sh test)" >&2; exit 1; }
command -v tmux >/dev/null 2>&1 || { echo "bench/tui.sh needs tmux" >&2; exit 1; }
export YJINSPECT_FORMS="$top/forms" YJINSPECT_DEMO="$top/tests/fixtures/south-tyneside-2020"
export LANG=C.UTF-8
unset TMUX NO_COLOR
SHELL=/bin/sh; export SHELL	# tmux's default-shell (run-shell), whoever runs this
tmp=$(mktemp -d)
HOME="$tmp/home"; export HOME; mkdir -p "$HOME"
tm() { tmux -S "$tmp/sock" -f /dev/null "$@"; }
mounted=	# the journaled ext4 of (b), while mounted
trap 'tm kill-server >/dev/null 2>&1 || true; [ -z "$mounted" ] || umount "$mounted" || umount -l "$mounted" || true; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM PIPE
tm new-session -d -s keep -x 80 -y 24 sleep 3600
ESC=$(printf '\033')
tick=$(getconf CLK_TCK)

S=""
ui() { # NAME COLS ROWS DIR
	[ -n "$S" ] && tm kill-session -t "$S" 2>/dev/null || true
	S=$1
	tm new-session -d -s "$S" -x "$2" -y "$3" env YJINSPECT_INSPECTOR=Bench "$yj" "$4"
}
cap() { tm capture-pane -t "$S" -p 2>/dev/null || true; }
capx() { tm capture-pane -t "$S" -p -e 2>/dev/null || true; }
wait_for() { # TEXT [SECONDS]
	n=$(( ${2:-10} * 100 ))
	while [ "$n" -gt 0 ]; do
		cap | grep -qF -- "$1" && return 0
		sleep 0.01
		n=$((n - 1))
	done
	echo "bench/tui.sh: the screen never showed '$1':" >&2
	cap >&2
	exit 1
}
wait_hl() { # BOX: the highlighted (reverse video) answer box is BOX, on the judgement
	n=1000
	while [ "$n" -gt 0 ]; do
		capx | grep -F -- "$ESC[7m$1" | grep -qF "Key-question judgement" && return 0
		sleep 0.01
		n=$((n - 1))
	done
	echo "bench/tui.sh: no highlighted '$1'" >&2
	cap >&2
	exit 1
}
keys=0
key() { tm send-keys -t "$S" "$@"; keys=$((keys + $#)); }
typed() { tm send-keys -t "$S" -l "$1"; keys=$((keys + ${#1})); }

# ---- (a) keystrokes per answer
d="$tmp/court"
"$yj" new "$d" --framework yj-2019 --service "Bench YJS" >/dev/null
ui a 80 24 "$d"
wait_for "No cases yet"
key a; wait_for "New case reference:"
typed "BENCH-1"; key Enter; wait_for "Case facts: BENCH-1"
# the form starts at the disposal (it decides the case type); every fact
# is recorded, as an inspector would, one key each where a letter decides
typed "yr"; wait_for "Case type: Court disposal (from the disposal)"	# yr: yro
typed "m"; wait_for "Gender: Male"
typed "m"; wait_for "Risk of serious harm classification: Medium"
typed "y"; typed "l"; wait_for "Safety and wellbeing classification: Low"
typed "y"; wait_for "Factors related to keeping the child safe"
key y n y n y; wait_for "Case manager interviewed"
key Enter
wait_for "answered"
facts_keys=$keys
keys=0
total=$(cap | head -1 | sed -n 's/.* \([0-9]*\)\/\([0-9]*\) answered.*/\2/p')
done_n=0
na_turn=0
while [ "$done_n" -lt "$total" ] && [ "$keys" -lt $((total * 3)) ]; do
	# "(N/A allowed)" follows the current item's text only (which may wrap)
	ch=y
	if cap | sed 's/│.*//' | tr '\n' ' ' | tr -s ' ' | grep -qF "(N/A allowed)"; then
		[ $((na_turn % 2)) -eq 0 ] && ch=x
		na_turn=$((na_turn + 1))
	fi
	key "$ch"
	wait_for "· $((done_n + 1))/$total answered"
	done_n=$((done_n + 1))
done
answers=$(awk '/^\[/ { on = ($0 == "[answers]"); next } on && NF' "$d/cases/BENCH-1.ini" | wc -l)
facts=$(awk '/^\[/ { on = ($0 == "[facts]"); next } on && NF' "$d/cases/BENCH-1.ini" | wc -l)
tm kill-session -t a; S=""

# ---- (b) CPU per answer
cpu_ticks() { # PID: utime + stime in clock ticks
	l=$(cat "/proc/$1/stat"); r=${l##*) }
	set -- $r
	echo $(( ${12} + ${13} ))
}
cpu_ns() { cut -d' ' -f1 "/proc/$1/schedstat" 2>/dev/null || echo 0; }
prog_pid() { # the program: the pane's own process (run without a shell)
	tm display -p -t "$S" '#{pane_pid}'
}
. "$top/bench/lib.sh"
build_insp() { # DIR N
	big_inspection "$yj" "$1" "$2"
	printf '[place]\nscreen = "walk"\ncase = "B000000.ini"\nitem = "2.1.1"\n' >"$dir/.yjinspect-place-Bench"	# (YJINSPECT_INSPECTOR=Bench)
}
answer_times() { # N: the judgement answered N times, No and Yes in turn, each redraw awaited
	k=0
	while [ "$k" -lt "$1" ]; do
		if [ $((k % 2)) -eq 0 ]; then
			tm send-keys -t "$S" n; wait_hl "[No ]"
		else
			tm send-keys -t "$S" y; wait_hl "[Yes]"
		fi
		k=$((k + 1))
	done
}
measure() { # N [BASE [JBD2_PID]]: sets per_ms (utime+stime), per_us (schedstat), idle_us,
	# wall_ms, load_ms, and with JBD2_PID jbd_us (its CPU per answer, us)
	dir="${2:-$tmp}/n$1"
	build_insp "$dir" "$1"
	s0=$(date +%s%N)
	ui "b$1" 100 30 "$dir"
	wait_for "case B000000" 120
	wait_hl "[Yes]"
	load_ms=$(( ($(date +%s%N) - s0) / 1000000 ))
	pid=$(prog_pid)
	answer_times 2	# (the case's first answer begins its journal: once a case)
	i0=$(cpu_ns "$pid"); sleep 2; i1=$(cpu_ns "$pid")
	idle_us=$(( (i1 - i0) / 2000 ))	# per second
	t0=$(cpu_ticks "$pid"); w0=$(date +%s%N)
	j0=$(cpu_ns "${3:-0}")
	blocks=""	# schedstat per answer, us, in each block of 100
	for _ in 1 2 3; do
		n0=$(cpu_ns "$pid")
		answer_times 100
		n1=$(cpu_ns "$pid")
		blocks="$blocks $(( (n1 - n0) / 100 / 1000 ))"
	done
	t1=$(cpu_ticks "$pid"); w1=$(date +%s%N)
	jbd_us=$(( ($(cpu_ns "${3:-0}") - j0) / 300 / 1000 ))
	per_ms=$(awk -v d=$((t1 - t0)) -v hz="$tick" 'BEGIN { printf "%.2f", d * 1000 / hz / 300 }')
	# the three blocks' figures, least first: on a busy machine they differ
	per_us=$(echo $blocks | tr ' ' '\n' | sort -n | tr '\n' ' ')
	wall_ms=$(( (w1 - w0) / 300 / 1000000 ))
	grep -qx '2.1.1 = yes' "$dir/cases/B000000.ini" || { echo "bench/tui.sh: the answers were not saved" >&2; exit 1; }
	tm kill-session -t "$S"; S=""
}

# the floor: bench/floor.c, the durable replace alone
floor_bin=
if command -v cc >/dev/null 2>&1 && cc -O2 -o "$tmp/floor.bin" "$top/bench/floor.c" 2>/dev/null; then
	floor_bin="$tmp/floor.bin"
fi
floor() { # BASE GAP_MS FILE [JBD2_PID]: sets floor_us, floor_jbd_us (per replace of a
	# file the size of FILE, 300 of them)
	floor_us=- floor_jbd_us=-
	[ -n "$floor_bin" ] || return 0
	mkdir -p "$1/floor"
	j0=$(cpu_ns "${4:-0}")
	floor_us=$("$floor_bin" "$1/floor" 300 "$2" "$(wc -c <"$3")")
	floor_jbd_us=$(( ($(cpu_ns "${4:-0}") - j0) / 300 / 1000 ))
	rm -rf "$1/floor"
}
bdev_of() { # DIR: the kernel's name of the block device it is on (vda, dm-0, loop0), or ""
	mm=$(findmnt -n -o MAJ:MIN -T "$1" 2>/dev/null | tr -d ' ') || mm=
	l=$(readlink "/sys/dev/block/$mm" 2>/dev/null) || l=
	echo "${l##*/}"
}
fs_of() { # DIR: its file system's type, and for ext4 whether it has a journal
	type=$(findmnt -n -o FSTYPE -T "$1" 2>/dev/null) || type="?"
	dev=$(bdev_of "$1")
	if [ "$type" != ext4 ]; then echo "$type"
	elif [ -z "$dev" ]; then echo "ext4 (whether with a journal: not known)"
	elif [ -e "/proc/fs/jbd2/$dev-8" ]; then echo "ext4 with a journal"
	else echo "ext4 without a journal"; fi
}
jbd2_of() { # DIR: the pid of its ext4 journal's thread, or 0
	dev=$(bdev_of "$1")
	[ -n "$dev" ] && pgrep -x "jbd2/$dev-8" 2>/dev/null | head -1 | grep . || echo 0
}
show_b() { # N
	printf '    %5d cases: %s ms (utime+stime, %d Hz ticks), %s us (schedstat, three blocks of 100, least first); ' \
		"$1" "$per_ms" "$tick" "$(echo $per_us)"
	printf '%d ms wall per answer incl. polling; idle %d us CPU/s; open %d ms\n' \
		"$wall_ms" "$idle_us" "$load_ms"
}

# instructions N: sets ir (instructions per answer, callgrind: the same on
# a busy machine as on an idle one), or "-" without valgrind
instructions() {
	ir=-
	command -v valgrind >/dev/null 2>&1 && command -v callgrind_control >/dev/null 2>&1 || return 0
	dir="$tmp/c$1"
	build_insp "$dir" "$1"
	out="$tmp/cg.$1"
	S="c$1"
	tm new-session -d -s "$S" -x 100 -y 30 env YJINSPECT_INSPECTOR=Bench \
		valgrind --tool=callgrind --callgrind-out-file="$out" "$yj" "$dir"
	wait_for "case B000000" 600
	wait_hl "[Yes]"
	pid=$(prog_pid)
	answer_times 2	# (as in measure)
	callgrind_control -z "$pid" >/dev/null 2>&1
	answer_times 20
	callgrind_control -d "$pid" >/dev/null 2>&1
	n=$(sed -n 's/^summary: //p' "$out".1 2>/dev/null | head -1)
	[ -n "$n" ] && ir=$((n / 20))
	tm kill-session -t "$S"; S=""
}

echo "(a) keystrokes per answer, one court case at 80x24"
echo "    relevant questions:        $total"
echo "    answers in the file:       $answers"
echo "    keys to answer them:       $keys"
echo "    keys per answer:           $(awk -v k="$keys" -v a="$answers" 'BEGIN { printf "%.2f", a ? k / a : 0 }')"
echo "    keys to add it (reference typed) and record its facts first: $facts_keys"
echo "    facts recorded:            $facts"
echo "    keys per answer, whole case: $(awk -v k=$((keys + facts_keys)) -v a="$answers" 'BEGIN { printf "%.2f", a ? k / a : 0 }')"
echo "    keys per item recorded (answers and facts), whole case: $(awk -v k=$((keys + facts_keys)) -v a=$((answers + facts)) 'BEGIN { printf "%.2f", a ? k / a : 0 }')"
echo "(b) CPU per answer (save + recompute + redraw), 300 answers, 100x30, in a folder on"
echo "    $(fs_of "$tmp")"
for cases in "$small" "$large"; do
	measure "$cases"
	show_b "$cases"
	floor "$tmp" "$wall_ms" "$dir/cases/B000000.ini"
	echo "           floor: $floor_us us a replace (bench/floor.c: the case file's durable replace alone, as often)"
done
if [ "$(id -u)" = 0 ] && command -v mkfs.ext4 >/dev/null 2>&1 &&
    truncate -s 512M "$tmp/ext4.img" && mkfs.ext4 -q -F "$tmp/ext4.img" 2>/dev/null &&
    mkdir -p "$tmp/ext4" && mount -o loop "$tmp/ext4.img" "$tmp/ext4" 2>/dev/null; then
	mounted="$tmp/ext4"
	jbd=$(jbd2_of "$mounted")
	echo "    the same on a fresh $(fs_of "$mounted") (a loop device: + its journal thread's CPU;"
	echo "    the loop device's own I/O threads, writing to its file, are not counted):"
	measure "$small" "$mounted" "$jbd"
	show_b "$small"
	echo "           + jbd2 $jbd_us us an answer"
	floor "$mounted" "$wall_ms" "$dir/cases/B000000.ini" "$jbd"
	echo "           floor: $floor_us us a replace, + jbd2 $floor_jbd_us us"
	sleep 1	# (the program, hung up, writes its place file as it goes)
	umount "$mounted" && mounted=
else
	echo "    (again on an ext4 with a journal: needs root, mkfs.ext4 and a loop device)"
fi
echo "(c) instructions per answer (callgrind, 20 answers, 100x30; user space only: the"
echo "    kernel's share, the fsyncs, is in (b))"
for cases in "$small" "$large"; do
	instructions "$cases"
	printf '    %5d cases: %s instructions\n' "$cases" "$ir"
done
