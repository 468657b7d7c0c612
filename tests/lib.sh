# lib.sh - shared by the shell tests: a private temporary directory and
# HOME, the built program, and counting checks. Each test script prints
# "ok"/"not ok" lines and ends with cmocka-style "[  PASSED  ] N test(s)."
# (and "[  FAILED  ] N test(s)."), exiting 1 if any check failed.

set -u
: "${top_builddir:?run through make check}"
: "${top_srcdir:?run through make check}"
YJ="$top_builddir/yjinspect"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/yjtest.XXXXXX")
HOME="$TMP/home"; export HOME; mkdir -p "$HOME"
LANG=C.UTF-8; export LANG
unset YJINSPECT_DEMO
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
passed=0
failed=0

skipped=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
# skip DESC WHY: a check that cannot be made here, counted as skipped
skip() { skipped=$((skipped + 1)); echo "ok - $1 # SKIP $2"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $*"; }

# check DESC CMD...: CMD must succeed
check() {
	desc=$1; shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# contains FILE TEXT: FILE holds TEXT (a fixed string)
contains() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }

# run OUT ERR CMD...: run CMD with stdout in OUT and stderr in ERR; sets rc
run() {
	out=$1 err=$2; shift 2
	"$@" >"$out" 2>"$err"
	rc=$?
}

# full_case DIR REF: a case file DIR/cases/REF.ini (yj-2019) whose facts
# make every question apply (63), mode 0600 as yjinspect makes case files
full_case() {
	cat >"$1/cases/$2.ini" <<EOF
[case]
format = 1
framework = yj-2019
reference = "$2"

[facts]
case_type = court
disposal = dto
child_safety = yes
others_safety = yes
desistance_changed = yes
child_safety_changed = yes
others_safety_changed = yes
EOF
	chmod 600 "$1/cases/$2.ini"
}

# the [facts] and [answers] of a case file as sorted "SECTION KEY=VALUE"
# lines: what a case says, whoever typed it
keys_of() {
	awk '/^\[/ { sec = $0; next }
	    (sec == "[facts]" || sec == "[answers]") && /=/ { gsub(/ /, ""); print sec " " $0 }' "$1" |
	    sort
}
# ID=VALUE arguments for `yjinspect answer`: a fixture's answers whose id
# matches the grep pattern $2 (default all); args_of: its facts first
answers_of() {
	awk '/^\[/ { sec = $0; next }
	    sec == "[answers]" && /=/ { gsub(/ /, ""); print }' "$1" | grep -E -- "${2:-.}"
}
args_of() {
	awk '/^\[/ { sec = $0; next }
	    sec == "[facts]" && /=/ { gsub(/ /, ""); print }' "$1"
	answers_of "$@"
}

finish() {
	echo "[  PASSED  ] $passed test(s)."
	[ "$skipped" -eq 0 ] || echo "[  SKIPPED ] $skipped test(s)."
	if [ "$failed" -gt 0 ]; then
		echo "[  FAILED  ] $failed test(s)."
		exit 1
	fi
	exit 0
}
