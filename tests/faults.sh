#!/bin/sh
# faults.sh - the disk says no: the terminal UI, in a real terminal (tmux,
# 80x24), answering questions on real file systems that refuse to be
# written, and on a folder changed underneath it by another program:
#   full       a size-limited tmpfs, filled up with a filler file: a save
#              fails with ENOSPC; then the filler is removed;
#   read-only  the same tmpfs remounted read-only (as root, who ignores
#              modes), else the cases folder made mode 0555;
#   unwritable a case file made mode 0444;
#   replaced   a case file replaced by another program (mv of another
#              file over it): a good case file, then one that cannot be read;
#   deleted    a case file deleted underneath;
#   renamed    the inspection folder renamed away while it is open.
# Each time: the screen says what was not saved and why, naming the file;
# what is on disk is intact (it loads, `yjinspect check` finds no error
# and no journal that disagrees with its file) and holds exactly the
# answers shown as given; nothing another program wrote is overwritten;
# the program still answers keys and quits with exit 0; and once the disk
# says yes again, the next answer is saved with every earlier one.
# The mounts need root (CAP_SYS_ADMIN): without, their parts say SKIP and
# count as nothing. Skipped (77) without tmux.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tmux.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
unset YJINSPECT_INSPECTOR NO_COLOR
WHO="Fay Fault"

# ---- the mount, unmounted at exit (before lib.sh's removal of TMP)
FS="$TMP/fs"
mounted=0
cleanup() {
	tm kill-server >/dev/null 2>&1
	tm_reap
	if [ "$mounted" = 1 ]; then	# (tm_reap waited for the programs to end)
		umount "$FS" 2>/dev/null || umount -l "$FS" 2>/dev/null
	fi
	chmod -R u+w "$TMP" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
mkdir "$FS"
if mount -t tmpfs -o size=256k,nr_inodes=200,mode=0700 yjfaults "$FS" 2>"$TMP/mount.err"; then
	mounted=1
else
	echo "SKIP: cannot mount a tmpfs (root with CAP_SYS_ADMIN needed): $(head -1 "$TMP/mount.err")"
fi

# ---- helpers
# new_insp DIR: an inspection with two cases, F-001 and F-002, whose facts
# make every question apply (63 each)
new_insp() {
	"$YJ" new "$1" --framework yj-2019 --service "Faults YJS" >/dev/null || return 1
	for c in F-001 F-002; do
		full_case "$1" "$c"
	done
}
# answers FILE: how many answers the case file holds
answers() { awk '/^\[/ { on = ($0 == "[answers]"); next } on && NF' "$1" | wc -l; }
# shown: the walk's title's count of answers ("K/N answered"), or empty
shown() { cap | head -1 | sed -n 's/.* · \([0-9]*\)\/[0-9]* answered.*/\1/p'; }
# clean DIR: check finds no error, and no warning but of an inspection
# under way (none that a case file and its journal disagree)
clean() {
	"$YJ" check "$1" >"$TMP/check" 2>&1
	grep -q '^0 errors' "$TMP/check" &&
		! grep -vE '^0 errors|no judgement recorded|relevant questions? not answered yet' \
			"$TMP/check" | grep -q . && return 0
	sed 's/^/#  check: /' "$TMP/check" | head -5
	return 1
}
# status: the status line (from NOT SAVED to the end if it shows), one line
status() { { cap | sed -n '/NOT SAVED/,$p' | grep . || cap | tail -1; } | tr -s ' \n' '  '; }
# oncase: the reference of the case the walk shows
oncase() { cap | head -1 | sed -n 's/^ case \([^ ]*\) (.*/\1/p'; }
# start DIR: the program on DIR, on the walk of its first case
start() {
	ui "$1" 80 24 "$YJ" "$2"
	wait_re ' answered · |Enter open  a add' >/dev/null || return 1
	if ! cap | head -1 | grep -q ' answered · '; then
		key Enter
		wait_for ' answered · ' >/dev/null || return 1
	fi
}
# give N: answer Yes N times, each shown done (the title's count up by one)
give() {
	i=0
	while [ "$i" -lt "$1" ]; do
		k0=$(shown)
		key y
		wait_for " $((k0 + 1))/63 answered" >/dev/null || return 1
		i=$((i + 1))
	done
}
# refused WHAT: a key y is refused: the status line says NOT SAVED and
# WHAT; the count shown is as before (the key read and the screen drawn
# whole first: the NOT SAVED of the key before can still show, and a
# message of three lines is drawn a line at a time)
refused() {
	k0=$(shown)
	key y
	wait_whole >/dev/null || return 1
	wait_for "NOT SAVED" >/dev/null || return 1
	st=$(status)
	printf '%s\n' "$st" | grep -qF -- "$1" || { echo "#  status: $st"; return 1; }
	[ "$(shown)" = "$k0" ] || { echo "#  shown $(shown), was $k0"; return 1; }
}
# quits: Q (and y, when it asks) ends the program with exit 0
quits() {
	quit_ui
	wait_for "EXIT" >/dev/null || return 1
	cap | grep -q '^EXIT 0' || { show "exit"; return 1; }
}

# ---- 1. the disk full
if [ "$mounted" = 1 ]; then
	I="$FS/insp"
	new_insp "$I" || { echo "ERROR: yjinspect new failed"; exit 99; }
	C="$I/cases/F-001.ini"
	check "full: the walk opens on a new inspection on a 256 KB tmpfs" start full "$I"
	check "full: 3 answers given before the disk fills" give 3
	# the filler: all the space left (the temporary file is made, its
	# write fails), then every inode left too (it cannot be made)
	dd if=/dev/zero of="$FS/filler" bs=4k 2>/dev/null
	check "full (no space): the answer is NOT SAVED, the status line says why" \
		refused "No space left on device"
	check "full (no space): the message names the case file" refused "F-001.ini"
	echo "# full (no space): $(status)"
	check "full (no space): no temporary file is left" \
		[ -z "$(ls -A "$I/cases" | grep -E '^\..+\.[A-Za-z0-9]{6}$')" ]
	n=0; while [ $n -lt 300 ] && touch "$FS/f$n" 2>/dev/null; do n=$((n + 1)); done
	check "full (no inodes): the answer is NOT SAVED, the status line says why" \
		refused "No space left on device"
	echo "# full (no inodes): $(status)"
	check "full: the case on disk holds the 3 answers shown" [ "$(answers "$C")" -eq 3 ]
	check "full: check finds no error, the journal agrees with the file" clean "$I"
	check "full: still refused, still 3 shown" refused "No space left"
	rm -f "$FS/filler" "$FS"/f[0-9]*
	check "full: the filler removed, the next answer is saved" give 1
	check "full: the case on disk holds the 4 answers shown" [ "$(answers "$C")" -eq 4 ]
	check "full: check clean again (the journal agrees)" clean "$I"
	check "full: Q quits with exit 0" quits
fi

# ---- 1b. answer --new on the full disk: refused, and no journal is left
# without its case file (the journal is begun first); then, with room
# again, the same reference is added as if never tried
NEWCHECKS="refused with no space, saying why|no journal or case file left (no space)|refused with one inode left|no journal or case file left (one inode)|with room again, the same reference is added|its case file and journal, check clean"
if [ "$mounted" = 1 ]; then
	I="$FS/new"
	"$YJ" new "$I" --framework yj-2019 --service "Faults YJS" >/dev/null ||
		{ echo "ERROR: yjinspect new failed"; exit 99; }
	N="$I/cases/N-001"
	# nothing of N-001 in the cases folder (its lock file aside)
	none() { [ ! -e "$N.journal" ] && [ ! -e "$N.ini" ] &&
		[ -z "$(ls -A "$I/cases" | grep -v '^\.locks$')" ]; }
	dd if=/dev/zero of="$FS/filler" bs=4k 2>/dev/null
	check "new on a full disk: refused with no space, saying why" sh -c \
		'! "$1" answer "$2" N-001 --new disposal=yro 2>"$3" && grep -q "No space left" "$3"' \
		- "$YJ" "$I" "$TMP/err"
	echo "# new (no space): $(cat "$TMP/err")"
	check "new on a full disk: no journal or case file left (no space)" none
	rm -f "$FS/filler"
	# one inode left: the journal takes it, the rest of the save finds none
	n=0; while [ $n -lt 300 ] && touch "$FS/g$n" 2>/dev/null; do n=$((n + 1)); done
	rm -f "$FS/g$((n - 1))"
	check "new on a full disk: refused with one inode left" sh -c \
		'! "$1" answer "$2" N-001 --new disposal=yro 2>"$3"' - "$YJ" "$I" "$TMP/err"
	echo "# new (one inode): $(cat "$TMP/err")"
	check "new on a full disk: no journal or case file left (one inode)" none
	rm -f "$FS"/g[0-9]*
	check "new on a full disk: with room again, the same reference is added" \
		"$YJ" answer "$I" N-001 --new disposal=yro
	check "new on a full disk: its case file and journal, check clean" sh -c \
		'[ -s "$1.ini" ] && [ -s "$1.journal" ] && "$2" check "$3" | grep -q "^0 errors"' \
		- "$N" "$YJ" "$I"
else
	IFS='|'
	for c in $NEWCHECKS; do skip "new on a full disk: $c" "no tmpfs can be mounted here (root with CAP_SYS_ADMIN needed)"; done
	unset IFS
fi

# ---- 2. a read-only folder: the tmpfs remounted read-only (root ignores
# modes), else (not root) the cases folder mode 0555
ro_on() { if [ "$ro" = mount ]; then mount -o remount,ro "$FS"; else chmod 0555 "$I/cases"; fi; }
ro_off() { if [ "$ro" = mount ]; then mount -o remount,rw "$FS"; else chmod 0700 "$I/cases"; fi; }
ro=""
if [ "$(id -u)" != 0 ]; then
	ro=mode I="$TMP/ro"
elif [ "$mounted" = 1 ]; then
	ro=mount I="$FS/ro"
else
	echo "SKIP: read-only: root ignores modes, and no file system can be mounted here to remount read-only"
fi
if [ -n "$ro" ]; then
	new_insp "$I" || { echo "ERROR: yjinspect new failed"; exit 99; }
	C="$I/cases/F-001.ini"
	check "read-only ($ro): the walk opens" start ro "$I"
	check "read-only ($ro): 2 answers given" give 2
	cp "$C" "$TMP/before"
	ro_on
	if [ "$ro" = mount ]; then why="Read-only file system"; else why="Permission denied"; fi
	check "read-only ($ro): the answer is NOT SAVED: $why" refused "$why"
	check "read-only ($ro): the message names the case file" refused "F-001"
	echo "# read-only: $(status)"
	check "read-only ($ro): the case file is as it was" cmp -s "$TMP/before" "$C"
	ro_off
	check "read-only ($ro): writable again, the next answer is saved" give 1
	check "read-only ($ro): the case holds the 3 answers shown" [ "$(answers "$C")" -eq 3 ]
	check "read-only ($ro): check clean (the journal agrees)" clean "$I"
	check "read-only ($ro): Q quits with exit 0" quits
fi

# ---- 3. one case file made unwritable, replaced, deleted; the folder
# renamed away (on the ordinary disk)
I="$TMP/insp"
new_insp "$I" || { echo "ERROR: yjinspect new failed"; exit 99; }
C="$I/cases/F-001.ini"
check "unwritable: the walk opens" start uw "$I"
check "unwritable: 2 answers given" give 2
chmod 0444 "$C"
cp "$C" "$TMP/before"
check "unwritable: the answer is NOT SAVED: the file is read-only" refused "read-only"
check "unwritable: the message names the case file" refused "F-001.ini"
echo "# unwritable: $(status)"
check "unwritable: the case file is as it was, still mode 0444" \
	sh -c 'cmp -s "$1" "$2" && [ "$(stat -c %a "$2")" = 444 ]' - "$TMP/before" "$C"
chmod 0600 "$C"
check "unwritable: made writable again, the next answer is saved" give 1
check "unwritable: the case holds the 3 answers shown" [ "$(answers "$C")" -eq 3 ]
check "unwritable: check clean (the journal agrees)" clean "$I"

# replaced by another program's good case file (7 answers: the first 3
# and 4 more), renamed over it: read again, ours added to theirs
sed -e 's/^\(\[answers\]\)$/\1\n2.1.2.1 = no\n2.1.2.2 = no\n2.1.2.3 = no\n2.1.3.1 = no/' "$C" >"$TMP/theirs"
cp "$TMP/theirs" "$I/cases/.theirs" && chmod 600 "$I/cases/.theirs"
mv "$I/cases/.theirs" "$C"
wait_for "changed in another yjinspect" >/dev/null
key y
wait_re "→ Yes" >/dev/null
echo "# replaced: $(status)"
check "replaced: their 4 answers kept, ours added (8 on disk)" [ "$(answers "$C")" -eq 8 ]
check "replaced: the screen counts the 8 on disk" [ "$(shown)" = 8 ]
check "replaced: check clean (the journal records their change)" clean "$I"

# replaced by a file that cannot be read (half written by another program)
printf '[case\nformat = 1\n' >"$TMP/bad"
cp "$TMP/bad" "$I/cases/.bad"; mv "$I/cases/.bad" "$C"
check "unreadable: the screen says the case cannot be read now" \
	wait_for "no longer in the folder, or cannot be read"
key y; key y
wait_read
echo "# unreadable: $(status)"
check "unreadable: the file another program wrote is not overwritten" cmp -s "$TMP/bad" "$C"
cp "$TMP/theirs" "$C"
check "unreadable: put right, the case can be read again" wait_for "can be read again"
check "unreadable: the program still answers keys (q: exit 0)" quits

# deleted underneath (the case on screen)
check "deleted: the walk opens" start del "$I"
D=$(oncase)
case $D in F-001) O=F-002 ;; *) O=F-001 ;; esac
cp "$I/cases/$O.ini" "$TMP/other"
rm "$I/cases/$D.ini"
check "deleted: the screen says the case is no longer in the folder" \
	wait_for "$D.ini is no longer in the folder"
key y; key y; key n
wait_read
echo "# deleted: $(status)"
check "deleted: the keys do not write it again" [ ! -e "$I/cases/$D.ini" ]
check "deleted: the other case is intact" cmp -s "$TMP/other" "$I/cases/$O.ini"
check "deleted: Q quits with exit 0" quits

# the folder renamed away while it is open
check "renamed: the walk opens on the other case" start ren "$I"
R=$(oncase)
n0=$(answers "$I/cases/$R.ini")
give 2
mv "$I" "$I.moved"
check "renamed: the screen says the folder cannot be read again" \
	wait_for "cannot be read again"
key y
wait_for "NOT SAVED" >/dev/null
echo "# renamed: $(status)"
check "renamed: NOT SAVED, naming the file" refused "$R.ini"
check "renamed: Q quits with exit 0" quits
check "renamed: nothing is made at the old name" [ ! -e "$I" ]
check "renamed: the moved folder holds the 2 answers shown" \
	[ "$(answers "$I.moved/cases/$R.ini")" -eq $((n0 + 2)) ]
check "renamed: check clean on the moved folder" clean "$I.moved"

finish
