# tmux.sh - sourced after lib.sh by the tests that drive the terminal UI
# in a real terminal: a private tmux server (its own socket in $TMP, no
# configuration), the program under a wrapper that shows how it ended
# ("EXIT n"), keys in with send-keys, the screen back with capture-pane,
# and bounded polls of the screen. Exits 77 (skipped) when tmux is not
# installed. The sourcing script sets WHO (YJINSPECT_INSPECTOR for ui).

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
# no program this test started is left running after it: one that has not
# ended a moment after the server went (seen: a sanitizer build's leak
# check at exit hung, spinning, on a hangup) is killed
tm_reap() {
	sleep 0.5
	command -v pkill >/dev/null 2>&1 && pkill -KILL -f -- "$TMP/" 2>/dev/null
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
show() { # the screen, as a comment, when a wait fails
	echo "# screen of $S (${1:-}):"
	cap | sed 's/^/#  |/'
}

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT (a fixed
# string); 1 (and the screen shown) when it does not within SECONDS (5),
# or at once when the program has ended (the wrapper's "EXIT n" shows).
wait_for() { poll F "$1" "${2:-5}"; }
# wait_re REGEX [SECONDS]: the same with an extended regular expression
wait_re() { poll E "$1" "${2:-5}"; }
# wait_re_joined RE [SECONDS]: the same, over lines the terminal wrapped
# joined again (text printed after the program ends, long paths)
wait_re_joined() { poll J "$1" "${2:-5}"; }
# wait_gone TEXT [SECONDS]: until the screen no longer shows TEXT
wait_gone() { poll G "$1" "${2:-5}"; }
# wait_hl TEXT [SECONDS]: until a line shows TEXT in reverse video (as the
# current walk item's answer box is drawn)
wait_hl() { poll X "$ESC[7m$1" "${2:-5}"; }
# wait_sel TEXT [SECONDS]: until the line in reverse video (the list's
# selected row) begins with TEXT
wait_sel() { poll S "$1" "${2:-5}"; }
poll() { # HOW WHAT SECONDS
	n=$(( $3 * 40 ))
	while [ "$n" -gt 0 ]; do
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
		sleep 0.025
		n=$((n - 1))
	done
	show "waited for '$2' ($1)"
	return 1
}

title() { cap | head -1; }
pane() { tm display -p -t "$S" "$1"; }

# the pid of the program: the child of the pane's wrapper shell
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
