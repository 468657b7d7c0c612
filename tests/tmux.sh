# tmux.sh - sourced after lib.sh by the tests that drive the terminal UI
# in a real terminal: a private tmux server (its own socket in $TMP, no
# configuration), the program under a wrapper that shows how it ended
# ("EXIT n"), keys in with send-keys, the screen back with capture-pane.
# Every wait is a poll for a condition (the screen showing a text, a file
# holding a line, the program gone, every key sent read), never a fixed
# sleep; its bound, WAIT seconds of the clock (60), is only a safety net
# for a machine under load, and a wait that reaches it shows the screen.
# Exits 77 (skipped) when tmux is not installed. The sourcing script sets
# WHO (YJINSPECT_INSPECTOR for ui).

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi

# tmux runs a command given as one string, and run-shell's, with its
# default-shell: $SHELL, else the user's login shell, which for an account
# such as nobody (make distcheck as an unprivileged user) is nologin.
SHELL=/bin/sh; export SHELL
ESC=$(printf '\033')

# ---- the private tmux server (not the one this may run under)
unset TMUX
tm() { tmux -S "$TMP/sock" -f /dev/null "$@"; }
# no program this test started is left running after it: each is waited
# for (its files closed), and one that has not ended 10 s after the server
# went (seen: a sanitizer build's leak check at exit hung, spinning, on a
# hangup) is killed
tm_reap() {
	command -v pkill >/dev/null 2>&1 || return 0
	_end=$(( $(date +%s) + 10 ))
	while pgrep -f -- "$TMP/" >/dev/null 2>&1 && [ "$(date +%s)" -le "$_end" ]; do
		sleep 0.05
	done
	pkill -KILL -f -- "$TMP/" 2>/dev/null
	return 0
}
trap 'tm kill-server >/dev/null 2>&1; tm_reap; chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM PIPE
# a session that keeps the server up between the program's runs
tm new-session -d -s keep -x 80 -y 24 sleep 600 ||
	{ echo "ERROR: tmux cannot start a server on $TMP/sock"; exit 99; }

# The program runs under a wrapper that reports how it ended, then stays
# (so the pane shows "EXIT n" and the terminal as the program left it).
# The wrapper is not killed by a Ctrl-C sent to the pane (an interactive
# shell leaves it to the program in the foreground): it ignores SIGINT, and
# the program, which sets its own handler, gets it.
cat >"$TMP/ui" <<'EOF'
#!/bin/sh
trap "" INT
"$@"
echo "EXIT $?"
exec sleep 60
EOF
chmod +x "$TMP/ui"

S=""	# the current session
# ui NAME COLS ROWS [VAR=VALUE]... ARG...: start the program in session NAME
ui() {
	[ -n "$S" ] && tm kill-session -t "$S" 2>/dev/null
	S=$1; w=$2; h=$3; shift 3
	tm new-session -d -s "$S" -x "$w" -y "$h" "$TMP/ui" env LANG=C.UTF-8 \
		YJINSPECT_INSPECTOR="$WHO" "$@"
}
key() { tm send-keys -t "$S" "$@"; }
typed() { tm send-keys -t "$S" -l "$1"; }
cap() { tm capture-pane -t "$S" -p 2>/dev/null; }
capx() { tm capture-pane -t "$S" -p -e 2>/dev/null; }
shot() { cap >"$TMP/screen"; }	# the screen into $TMP/screen
show() { # the screen, as a comment, when a wait fails (on stderr, which
	# the test's log has too: a wait's output sent to /dev/null still shows)
	echo "# screen of $S (${1:-}):"
	cap | sed 's/^/#  |/'
} >&2

WAIT=60	# the safety net of every wait, in seconds of the clock

# wait_for TEXT: poll the screen until it shows TEXT (a fixed string); 1
# (and the screen shown) when it does not within WAIT seconds, or at once
# when the program has ended (the wrapper's "EXIT n" shows).
wait_for() { poll F "$1"; }
# wait_re REGEX: the same with an extended regular expression
wait_re() { poll E "$1"; }
# wait_re_joined RE: the same, over lines the terminal wrapped joined
# again (text printed after the program ends, long paths)
wait_re_joined() { poll J "$1"; }
# wait_gone TEXT: until the screen no longer shows TEXT
wait_gone() { poll G "$1"; }
# wait_hl TEXT: until a line shows TEXT in reverse video (as the current
# walk item's answer box is drawn)
wait_hl() { poll X "$ESC[7m$1"; }
# wait_sel TEXT: until the line in reverse video (the list's selected row)
# begins with TEXT
wait_sel() { poll S "$1"; }
poll() { # HOW WHAT
	_end=$(( $(date +%s) + WAIT ))
	while :; do
		if [ "$1" = X ] || [ "$1" = S ]; then scr=$(capx)
		elif [ "$1" = J ]; then scr=$(tm capture-pane -t "$S" -p -J 2>/dev/null)
		else scr=$(cap); fi
		case $1 in
		S) printf '%s\n' "$scr" | grep -F "$ESC[7m" | sed "s/$ESC\[[0-9;]*m//g" |
			grep -qF -- "$2" && return 0 ;;
		F|X) printf '%s\n' "$scr" | grep -qF -- "$2" && return 0 ;;
		E|J) printf '%s\n' "$scr" | grep -qE -- "$2" && return 0 ;;
		G) printf '%s\n' "$scr" | grep -qF -- "$2" || return 0 ;;
		esac
		if [ "${2#EXIT}" = "$2" ] && printf '%s\n' "$scr" | grep -q '^EXIT [0-9]'; then
			show "the program ended while waiting for '$2'"
			return 1
		fi
		[ "$(date +%s)" -le "$_end" ] || break
		sleep 0.025
	done
	show "waited ${WAIT}s for '$2' ($1)"
	return 1
}

# wait_until CMD...: run CMD until it succeeds; 1 (and the screen shown)
# when it does not within WAIT seconds
wait_until() {
	_end=$(( $(date +%s) + WAIT ))
	until "$@"; do
		if [ "$(date +%s)" -gt "$_end" ]; then
			show "waited ${WAIT}s for: $*"
			return 1
		fi
		sleep 0.025
	done
}
# wait_file_has FILE LINE: until FILE holds the whole line LINE (a save
# that nothing on the screen tells done); else the file is shown too
wait_file_has() {
	wait_until grep -qxF -- "$2" "$1" 2>/dev/null && return 0
	{ echo "# $1:"; sed 's/^/#  |/' "$1" 2>/dev/null; } >&2
	return 1
}
# wait_pid_gone PID: until the process PID has ended
wait_pid_gone() { wait_until pid_gone "$1"; }
pid_gone() { ! kill -0 "$1" 2>/dev/null; }

# wait_read: until the program has read every key sent and acted on it:
# its terminal holds no byte unread, and it is back waiting for the next
# (asleep in poll), twice in a row 25 ms apart (a key on its way from
# tmux through the kernel). For a check that a key changed nothing, when
# there is nothing on the screen to wait for. Linux (/proc); perl tells
# the bytes unread, and without it only the second half is waited for.
wait_read() {
	_pid=$(prog_pid) || { show "no program to wait for"; return 1; }
	_tty=$(pane '#{pane_tty}')
	_end=$(( $(date +%s) + WAIT )) _calm=0
	while [ "$_calm" -lt 2 ]; do
		if [ "$(unread "$_tty")" = 0 ] && waits_for_key "$_pid"; then
			_calm=$((_calm + 1))
		else
			_calm=0
		fi
		if [ "$(date +%s)" -gt "$_end" ]; then
			show "waited ${WAIT}s for the program to read its keys ($(unread "$_tty") bytes unread)"
			return 1
		fi
		sleep 0.025
	done
}
# wait_whole: until the screen is drawn whole (a wait for one part of it
# can see the screen half drawn: the title first, the status line last):
# the program has read its keys and drawn (wait_read), and tmux shows the
# same screen twice in a row
wait_whole() {
	wait_read || return 1
	_prev="(none yet)"
	wait_until same_screen
}
same_screen() {
	_now=$(capx)
	[ "$_now" = "$_prev" ] && return 0
	_prev=$_now
	return 1
}
# unread TTY: how many bytes typed on the terminal TTY are not read yet
unread() {
	command -v perl >/dev/null 2>&1 || { echo 0; return; }
	perl -MFcntl -e 'sysopen(my $f, $ARGV[0], O_RDONLY | O_NOCTTY | O_NONBLOCK) or exit 1;
		my $n = pack("L", 0); ioctl($f, 0x541B, $n) or exit 1;	# FIONREAD
		print unpack("L", $n), "\n"' "$1" 2>/dev/null || echo "?"
}
# waits_for_key PID: the process sleeps, in poll or select (where the
# kernel does not say where, asleep is taken for it)
waits_for_key() {
	read -r l 2>/dev/null <"/proc/$1/stat" || return 1
	set -- "$1" ${l##*) }
	[ "$2" = S ] || return 1
	w=$(cat "/proc/$1/wchan" 2>/dev/null)
	case $w in ''|0|*poll*|*select*) return 0 ;; esac
	return 1
}

title() { cap | head -1; }
# quit_ui: Q, and y when it asks first (below the top screen: the case
# list, or in panel mode the ratings page); 1 (the screen shown) when
# neither the question nor the program's end shows
quit_ui() {
	key Q
	wait_re "EXIT [0-9]|Quit yjinspect\? y/n" >/dev/null || return 1
	if cap | grep -qF "Quit yjinspect? y/n"; then key y; fi
	return 0
}
pane() { tm display -p -t "$S" "$1"; }

# the pid of the program: the child of the pane's wrapper shell; wait_prog
# waits for it to be started and sets pid
wait_prog() { wait_until pid_set; }
pid_set() { pid=$(prog_pid); }
prog_pid() {
	pp=$(pane '#{pane_pid}')
	for f in /proc/[0-9]*/stat; do
		read -r l 2>/dev/null <"$f" || continue
		r=${l##*) }
		set -- $r
		if [ "$2" = "$pp" ]; then
			p=${f#/proc/}; echo "${p%/stat}"; return 0
		fi
	done
	return 1
}
