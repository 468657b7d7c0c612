#!/bin/sh
# hostile.sh - text from files a teammate sends (by git, or a folder merged
# in) never reaches the terminal raw. A folder is made to hold control
# characters everywhere a person writes: the service and lead, an
# inspector's name (on answers, stamps and journals), a case's reference
# and note, findings, a panel decision's reason and who made it, both sides
# of a conflict, a journal line's who and value written by hand, a case
# file's name, a framework's title. Every command that prints (yjinspect
# --help lists them) is run on it, and its stdout and stderr must hold no
# control byte but newline and tab: no ESC, BEL, DEL, C0 nor C1 (U+0080 to
# U+009F, such as U+009B, a CSI on its own). The html export may spell
# text as entities, the csv keeps its quoting; both are checked the same.
. "$top_srcdir/tests/lib.sh"

YJINSPECT_FORMS="${YJINSPECT_FORMS:-$top_srcdir/forms}"; export YJINSPECT_FORMS
YJINSPECT_DEMO="$top_srcdir/tests/fixtures/south-tyneside-2020"; export YJINSPECT_DEMO
unset YJINSPECT_INSPECTOR
o="$TMP/out" e="$TMP/err"

# EV: an OSC 52 (set the clipboard), BEL, a CSI (clear the screen), a C1
# CSI (U+009B) and DEL, between printable letters; EVX: the same as a case
# file escapes it (the C1 CSI is UTF-8: written as it is)
EV=$(printf 'X\033]52;c;SGFja2Vk\007\033[2J\302\23331m\177Y')
EVX='X\\x1b]52;c;SGFja2Vk\\x07\\x1b[2J\xc2\x9b31m\\x7fY'
CTL='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]'

# clean DESC [crlf]: the last run's stdout and stderr hold no control byte
# but newline and tab (crlf: and a CR ending a line, as csv's lines end);
# the lines that do are shown, made visible
clean() {
	cat "$o" "$e" >"$TMP/both"
	[ "${2:-}" = crlf ] && sed -i 's/\r$//' "$TMP/both"
	n=$(LC_ALL=C grep -caP "$CTL" "$TMP/both")
	[ "$n" -eq 0 ] || LC_ALL=C grep -aP "$CTL" "$TMP/both" | cat -v | head -5 | sed 's/^/#  /'
	check "$1 (exit $rc): no control byte in stdout or stderr" [ "$n" -eq 0 ]
}
# shows DESC TEXT: the last run printed TEXT (the hostile value was there to
# be cleaned, not left out)
shows() { check "...$1 is printed, made safe" sh -c "cat '$o' '$e' | grep -qF -- '$2'"; }

# crc TEXT: the CRC-32 of TEXT in hex, as the journal writes it (gzip's)
crc() { printf '%s' "$1" | gzip -c | tail -c 8 | od -An -tx1 -N4 | awk '{ print $4 $3 $2 $1 }'; }

# ---- the hostile folder
H="$TMP/h"
run "$o" "$e" "$YJ" new "$TMP/new" --framework yj-2019 --service "S$EV" --lead "L$EV" \
	--fieldwork 2026-11-30 2026-12-03
clean "new, a service and lead with escapes"
shows "the service" "52;c;SGFja2Vk"
run "$o" "$e" "$YJ" demo "$H"
clean "demo"
# a teammate's inspection.ini: service and lead with escapes and raw C1
sed -i "s/^service = .*/service = \"Evil $EVX YJS\"/; s/^lead = .*/lead = \"Lead $EVX\"/" \
	"$H/inspection.ini"
grep -q '^lead = ' "$H/inspection.ini" ||
	sed -i "s/^service = .*/&\nlead = \"Lead $EVX\"/" "$H/inspection.ini"
YJINSPECT_INSPECTOR="Ann$EV"; export YJINSPECT_INSPECTOR
run "$o" "$e" "$YJ" answer "$H" ST-C01 2.1.1=no "note.2.1.1=A note $EV"
clean "answer by an inspector with escapes, a note with them"
run "$o" "$e" "$YJ" answer "$H" "R$EV" --new case_type=court 2.1.1=yes
clean "answer --new, a reference with escapes"
run "$o" "$e" "$YJ" answer "$H" ST-C01 "2.1.2=$EV"
clean "answer, a value refused"
shows "the value" "52;c;SGFja2Vk"
run "$o" "$e" "$YJ" answer "$H" "Q$EV" 2.1.1=yes
clean "answer, no such case"
shows "the reference" "52;c;SGFja2Vk"
run "$o" "$e" "$YJ" answer "$H" ST-C01 "2.1.1$EV=yes"
clean "answer, no such question"
run "$o" "$e" "$YJ" findings "$H" 2.1 --strength "Strong $EV" --improvement "Weak $EV"
clean "findings recorded"
shows "a strength" "Strong X"
run "$o" "$e" "$YJ" findings "$H" 2.2
clean "findings shown"
run "$o" "$e" "$YJ" decide "$H" 2.2 --to outstanding --why "Why $EV" --by "Panel $EV"
clean "decide, a reason and a name with escapes"
run "$o" "$e" "$YJ" decide "$H" 2.1 --to "$EV" --why "Why $EV"
clean "decide, not a rating"
run "$o" "$e" "$YJ" judge "$H" "1.1$EV" good
clean "judge, no such standard"
run "$o" "$e" "$YJ" judge "$H" 1.1 "$EV"
clean "judge, not a rating"
run "$o" "$e" "$YJ" judge "$H" 1.1 good
clean "judge"

# a conflict, both sides with escapes: two copies answer one question of
# a case differently, each by an inspector with escapes in their name
"$YJ" answer "$H" C9 --new case_type=court >/dev/null 2>&1
cp -r "$H" "$TMP/h2"
cp "$H/cases/C9.ini" "$TMP/base.ini"
YJINSPECT_INSPECTOR="Ours$EV" "$YJ" answer "$H" C9 2.1.1=yes >/dev/null 2>&1
YJINSPECT_INSPECTOR="Theirs$EV" "$YJ" answer "$TMP/h2" C9 2.1.1=no >/dev/null 2>&1
cp "$H/cases/C9.ini" "$TMP/ours.ini"
run "$o" "$e" "$YJ" merge-file "$TMP/base.ini" "$TMP/ours.ini" "$TMP/h2/cases/C9.ini" \
	"cases/C9$EV.ini"
clean "merge-file, a conflict whose stamps hold escapes"
shows "their stamp's name" "Theirs"
run "$o" "$e" "$YJ" merge "$H" "$TMP/h2"
clean "merge, the same conflict"
shows "their stamp's name" "Theirs"

# a journal line by hand (a teammate's, by git): who and value with raw
# escapes, its CRC right
l=$(printf '99\t2026-12-01T10:00:00.000Z\tEve%s\tnotes.2.1.2\t-\t="%s"\t' "$EV" "$EV")
printf '%s%s\n' "$l" "$(crc "$l")" >>"$H/cases/ST-C01.journal"
# and a case file whose name holds escapes, in a copy (a name git carries)
cp -r "$H" "$TMP/h3"
sed 's/^reference = .*/reference = "ST-C99"/' "$H/cases/ST-C03.ini" >"$TMP/h3/cases/F$EV.ini"
chmod 600 "$TMP/h3/cases/F$EV.ini"

# ---- every command that prints
run "$o" "$e" "$YJ" --help
clean "--help"
run "$o" "$e" "$YJ" --version
clean "--version"
run "$o" "$e" "$YJ" keys
clean "keys"
mkdir "$TMP/forms"
cp "$YJINSPECT_FORMS"/*.ini "$TMP/forms/"
sed "s/^id = .*/id = yj-evil/; s/^title = .*/title = \"Evil $EVX\"/" \
	"$YJINSPECT_FORMS/yj-2019.ini" >"$TMP/forms/yj-evil.ini"
run "$o" "$e" env YJINSPECT_FORMS="$TMP/forms" "$YJ" frameworks
clean "frameworks, a title with escapes"
shows "the title" "Evil X"
for d in "$H" "$TMP/h3"; do
	run "$o" "$e" "$YJ" check "$d"
	clean "check $(basename "$d")"
done
shows "the file's name" "F"
run "$o" "$e" "$YJ" check "$H"
shows "the journal's value where the file disagrees" "52;c;SGFja2Vk"
for f in text tsv md; do
	run "$o" "$e" "$YJ" summary "$H" --format $f --prompts --no-cache
	clean "summary --format $f"
	shows "the service" "Evil X"
done
run "$o" "$e" "$YJ" summary "$TMP/h3"
clean "summary, a case file named with escapes"
for f in html md; do
	run "$o" "$e" "$YJ" export "$H" --format $f --no-cache
	clean "export --format $f"
done
for t in answers ratings; do
	run "$o" "$e" "$YJ" export "$H" --format csv --table $t --no-cache
	clean "export --format csv --table $t" crlf
done
run "$o" "$e" "$YJ" history "$H" ST-C01
clean "history"
shows "a journal's who" "Eve"
shows "an inspector's name" "Ann"
run "$o" "$e" "$YJ" history "$TMP/h3" "F$EV"
clean "history of a case file named with escapes"
run "$o" "$e" "$YJ" history "$H" "Q$EV"
clean "history, no such case"
run "$o" "$e" "$YJ" restore "$H" ST-C01 --at "2026-12-01T10:00$EV"
clean "restore, a time with escapes"
run "$o" "$e" "$YJ" restore "$H" ST-C01 --at 2099-01-01
clean "restore"
run "$o" "$e" "$YJ" decide "$H" 2.2 --remove
clean "decide --remove"
run "$o" "$e" "$YJ" merge-file "$TMP/base.ini" "$TMP/nowhere$EV.ini" "$TMP/base.ini"
clean "merge-file, a file that cannot be read"
if command -v git >/dev/null 2>&1; then
	run "$o" "$e" "$YJ" team init "$H"
	clean "team init"
fi
run "$o" "$e" "$YJ" "flump$EV"
clean "an unknown command"

finish
