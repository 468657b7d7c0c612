#!/bin/sh
# cli.sh - the command line through the built program: help, frameworks,
# demo, new, check and summary in every format, panel decisions, bad
# input answered with one clear line while no file changes, and a case
# file that cannot be read left out by the commands that change one thing.
. "$top_srcdir/tests/lib.sh"

FX="$top_srcdir/tests/fixtures"
YJINSPECT_DEMO="$FX/south-tyneside-2020"; export YJINSPECT_DEMO
o="$TMP/out" e="$TMP/err"

# ---- help and version
run "$o" "$e" "$YJ" --help
check "--help exits 0" [ "$rc" -eq 0 ]
check "--help lists every command" sh -c "for c in new demo frameworks check summary export findings history restore config; do grep -q \"^  \$c\" '$o' || exit 1; done"
run "$o" "$e" "$YJ" --version
check "--version names the program" contains "$o" "yjinspect "
run "$o" "$e" "$YJ" flump
check "an unknown command is a usage error (2)" [ "$rc" -eq 2 ]
check "...that says what was wrong" contains "$e" "unknown command 'flump'"

# ---- keys: one table, documented
run "$o" "$e" "$YJ" keys
check "keys exits 0" [ "$rc" -eq 0 ]
check "keys lists the walk's answer keys" grep -qP '^walk\ty, Y\tanswer Yes' "$o"
missing=$(cut -f3 "$o" | sort -u | while read -r d; do grep -qF -- "$d" "$top_srcdir/man/yjinspect.1" || echo "$d;"; done)
check "the man page documents every key's action${missing:+ (missing: $missing)}" [ -z "$missing" ]
# the KEYS section, row by row: context (.SS), keys (.B), action, exactly
# as the program's table says, and nothing else
awk '
	/^\.SH KEYS/ { on = 1; next }
	/^\.SH / { on = 0 }
	!on { next }
	/^\.SS / { ctx = tolower(substr($0, 5)); gsub(/"/, "", ctx); next }
	/^\.TP/ { tp = 1; next }
	tp && /^\.B / { k = substr($0, 4); gsub(/\\-/, "-", k); gsub(/"/, "", k); tp = 2; next }
	tp == 2 { print ctx "\t" k "\t" $0; tp = 0 }' "$top_srcdir/man/yjinspect.1" | sort >"$TMP/man-keys"
awk -F '\t' '{ print tolower($1) "\t" $2 "\t" $3 }' "$o" | sort >"$TMP/prog-keys"
check "the man page's KEYS section is the program's key table, row for row" \
	sh -c "diff '$TMP/prog-keys' '$TMP/man-keys' | sed 's/^/#  /'; cmp -s '$TMP/prog-keys' '$TMP/man-keys'"

# ---- frameworks
run "$o" "$e" "$YJ" frameworks
check "frameworks lists the 2019/2020 edition" contains "$o" "yj-2019"
check "frameworks lists the 2021 edition" contains "$o" "yj-2021"

# ---- demo: a fresh copy, private files
run "$o" "$e" "$YJ" demo "$TMP/demo"
check "demo copies the bundled inspection" [ "$rc" -eq 0 ]
check "demo copies every case" [ "$(ls "$TMP/demo/cases"/*.ini | wc -l)" -eq 10 ]
check "demo files are private (0600)" [ "$(stat -c %a "$TMP/demo/cases/ST-C01.ini")" = 600 ]
check "...its folders too (0700)" sh -c "[ \"\$(stat -c %a '$TMP/demo' '$TMP/demo/cases' | tr '\n' ' ')\" = '700 700 ' ]"
check "...its folder of locks too, and no lock beside a file" sh -c "
	[ \"\$(stat -c %a '$TMP/demo/cases/.locks')\" = 700 ] &&
	[ -z \"\$(find '$TMP/demo' -name '*.lock' ! -path '*/.locks/*')\" ]"
check "...and it writes nothing in HOME" sh -c "[ -z \"\$(find '$HOME' -mindepth 1 | head -1)\" ]"
# --demo under a TMPDIR longer than a path may be: the directory it
# cannot make named whole, not cut to a fixed length
long="$TMP/$(printf '%04200d' 0)"
run "$o" "$e" env TMPDIR="$long" "$YJ" --demo
check "--demo names the whole directory it cannot make" sh -c "
	[ $rc -eq 1 ] && grep -qF -- '$long/yjinspect-demo.' '$e' &&
	grep -qF 'cannot make a directory' '$e'"
# ready for git: journals merge as a union of lines; locks, places and
# files being saved are one machine's own
check "demo writes .gitattributes: journals merge as a union" \
	grep -qx '\*.journal merge=union' "$TMP/demo/.gitattributes"
if command -v git >/dev/null 2>&1; then
	(cd "$TMP/demo" && git init -q && git add -A) >/dev/null 2>&1
	check "...git sees the journals' merge as union" sh -c "
		cd '$TMP/demo' && git check-attr merge cases/ST-C01.journal | grep -q 'merge: union'"
	check "...and adds no lock file, place or temporary file" sh -c "
		cd '$TMP/demo' && [ -z \"\$(git ls-files | grep -E '\.lock\$|yjinspect-place|/\.[^/]*\$' | grep -vE '^\.git(attributes|ignore)\$')\" ] &&
		git ls-files | grep -qx cases/ST-C01.ini && git ls-files | grep -qx .gitattributes"
	check "...its save locks are in a .locks folder, which git ignores" sh -c "
		cd '$TMP/demo' && [ -d cases/.locks ] && git check-ignore -q cases/.locks/ST-C01.ini.lock &&
		grep -qx '\.locks/' .gitignore"
	rm -rf "$TMP/demo/.git"
else
	echo "SKIP: git is not installed: the demo folder's git files not tried with git"
fi
chmod 0755 "$TMP/demo"
run "$o" "$e" "$YJ" summary "$TMP/demo"
check "a folder others can read: summary still works" [ "$rc" -eq 0 ]
check "...and warns, naming the folder and the fix" sh -c "
	grep -qF 'yjinspect: warning: $TMP/demo: group or others can read it (mode 0755)' '$e' &&
	grep -qF \"chmod -R go= '$TMP/demo'\" '$e'"
chmod 0700 "$TMP/demo"
run "$o" "$e" "$YJ" summary "$TMP/demo"
check "...not once it is private again" [ ! -s "$e" ]
run "$o" "$e" "$YJ" demo "$TMP/demo"
check "demo refuses a folder that is not empty" [ "$rc" -eq 1 ]
check "...saying so" contains "$e" "is not empty"

# ---- summary, text: the report's ratings page
run "$o" "$e" "$YJ" summary "$TMP/demo"
check "summary of the demo exits 0" [ "$rc" -eq 0 ]
check "summary prints the score as published" contains "$o" "Score 14/36"
check "summary prints the overall rating" contains "$o" "Overall rating: Requires improvement"
check "summary prints the table heading" contains "$o" "Of the 6 cases inspected"
check "summary marks discretion candidates" contains "$o" "◆ Professional discretion candidate:"
check "summary fits 80 columns" [ "$(wc -L <"$o")" -le 80 ]
# (the fixtures read where they are: --no-cache, nothing written beside them)
for fx in northumberland-2023 south-tees-2019; do
	for w in 60 80 120; do
		run "$o" "$e" "$YJ" summary "$FX/$fx" --no-cache --prompts --width $w
		check "$fx: summary --prompts fits --width $w" [ "$(wc -L <"$o")" -le $w ]
	done
done
run "$o" "$e" "$YJ" summary "$TMP/demo"
check "summary shows no relevant cases as a dash, not 0%" sh -c "grep -A3 '^  3.4.2' '$o' | grep -q '–'"

# ---- summary, tsv: for scripts
run "$o" "$e" "$YJ" summary "$TMP/demo" --format tsv
check "tsv has the documented header" [ "$(head -1 "$o")" = "$(printf 'kind\tid\trelevant\tyes\tpercent\tband\tscore\tmax\trating\tdiscretion\tdecision\ttext')" ]
check "tsv first column is kq, standard or overall" [ -z "$(tail -n +2 "$o" | cut -f1 | grep -vxE 'kq|standard|overall')" ]
check "tsv kq row: 2.2.2 5 relevant, 3 yes, 60, Too few" grep -qP '^kq\t2\.2\.2\t5\t3\t60\tToo few\t' "$o"
check "tsv kq row with no relevant cases: 3.4.2" grep -qP '^kq\t3\.4\.2\t0\t0\t-\t-\t' "$o"
check "tsv standard row: 3.2 Inadequate scores 0 of 3" grep -qP '^standard\t3\.2\t4\t-\t0\tMinority\t0\t3\tInadequate\t' "$o"
check "tsv overall row: 14 of 36, Requires improvement" grep -qP '^overall(\t-){5}\t14\t36\tRequires improvement\t' "$o"
run "$o" "$e" "$YJ" summary "$TMP/demo" --format tsv --prompts
check "tsv --prompts adds prompt rows (93)" [ "$(grep -c '^prompt' "$o")" -eq 93 ]

for fx in northumberland-2023:26:Good south-tees-2019:29:Good; do
	name=${fx%%:*} rest=${fx#*:}
	run "$o" "$e" "$YJ" summary "$FX/$name" --no-cache --format tsv
	check "$name: score ${rest%%:*}/36 ${rest#*:}" grep -qP "^overall(\t-){5}\t${rest%%:*}\t36\t${rest#*:}\t" "$o"
done
run "$o" "$e" "$YJ" summary "$FX/northumberland-2023" --no-cache
check "an uncounted standard says so (4.1)" contains "$o" "4.1 Resettlement policy and provision"
check "...and is not counted" contains "$o" "Not rated ¹"
check "...as the legend says" contains "$o" "¹ not counted in the overall score"

# ---- summary, markdown
run "$o" "$e" "$YJ" summary "$TMP/demo" --format md --prompts
check "md has the report's table heading" contains "$o" "| Of the 6 cases inspected | Relevant cases | Number 'Yes' | % 'Yes' |"
check "md has the score" contains "$o" "| **Score** | **14/36** |"
check "md gives each key question's band in words" contains "$o" "- 2.2.2: 60% Too few (Requires improvement)"
"$YJ" demo "$TMP/bars" >/dev/null
sed -i 's/^service = .*/service = "Tees | Hartlepool *YJS*"/' "$TMP/bars/inspection.ini"
run "$o" "$e" "$YJ" summary "$TMP/bars" --format md
check "md escapes bars and emphasis in names" contains "$o" "# Tees \\| Hartlepool \\*YJS\\*"

run "$o" "$e" "$YJ" summary "$TMP/demo" --format pdf
check "an unknown format is a usage error" [ "$rc" -eq 2 ]

# ---- check: a complete inspection has no problems
run "$o" "$e" "$YJ" check "$TMP/demo"
check "check of the demo: no problems, exit 0" [ "$rc" -eq 0 ]
check "...and says so" contains "$o" "0 errors, 0 warnings"

# ---- a panel decision moves a rating and the score
cat >>"$TMP/demo/inspection.ini" <<'INI'

[decision.2.2]
kq = 2.2.2
from = requires-improvement
to = good
why = "Sub-sample of five; the other key questions were strong."
by = "Panel chair"
INI
run "$o" "$e" "$YJ" summary "$TMP/demo"
check "a decision raises 2.2 to Good" grep -q '2.2 Planning .*Good †' "$o"
check "...the score uses it (15/36)" contains "$o" "Score 15/36"
check "...the key question is marked" contains "$o" "*Professional discretion applied"
check "...and the reason is printed" sh -c "tr -s '\\n ' '  ' <'$o' | grep -qF '† Panel decision on 2.2.2: Requires improvement → Good. Sub-sample of five; the other key questions were strong. (Panel chair)'"
check "...and the heading carries the mark" contains "$o" "2.2 Planning: Good †"
run "$o" "$e" "$YJ" summary "$TMP/demo" --format tsv
check "tsv shows the decision" grep -qP '^standard\t2\.2\t.*\tGood\t.*\trequires-improvement>good\t' "$o"

# ---- a decision cannot rate a standard the evidence leaves unrated
"$YJ" demo "$TMP/stale" >/dev/null
rm -f "$TMP/stale"/cases/ST-O0*.ini
cat >>"$TMP/stale/inspection.ini" <<'INI'

[decision.3.2]
from = inadequate
to = good
why = "panel"
INI
run "$o" "$e" "$YJ" summary "$TMP/stale"
check "a decision on a standard with no cases: still Not rated" contains "$o" "3.2 Planning: Not rated"
check "...says the decision is not applied" sh -c "tr -s '\\n ' '  ' <'$o' | grep -qF 'the decision is not applied'"
check "...and there is no overall rating from the partial score" contains "$o" "Overall rating: not yet: 8 of 12 standards rated"
run "$o" "$e" "$YJ" summary "$TMP/stale" --format tsv
check "tsv: the overall row is Not rated" grep -qP '^overall(\t-){5}\t11\t36\tNot rated\t' "$o"
check "tsv: the decision is marked not applied" grep -qP '^standard\t3\.2\t.*\tinadequate>good,stale-not-applied\t' "$o"
run "$o" "$e" "$YJ" check "$TMP/stale"
check "check warns of the decision that no longer matches" contains "$o" "[decision.3.2]"

# ---- incomplete evidence is said, not hidden
"$YJ" demo "$TMP/part" >/dev/null
sed -i '/^2\.2\.2 = /d' "$TMP/part/cases/ST-C01.ini"
run "$o" "$e" "$YJ" summary "$TMP/part"
check "summary says the figures are incomplete" contains "$o" "Incomplete: 1 relevant question not answered in 1 case"
run "$o" "$e" "$YJ" summary "$TMP/part" --format tsv
check "tsv keeps its rows clean and says so on stderr" contains "$e" "yjinspect: incomplete: 1 relevant question"

# ---- judge and decide: recorded through the program, not by hand
"$YJ" demo "$TMP/jd" >/dev/null
run "$o" "$e" "$YJ" judge "$TMP/jd" 1.1 outstanding
check "judge records a judgement" [ "$rc" -eq 0 ]
check "...and says what it recorded" contains "$o" "1.1 Governance and leadership: Outstanding"
check "...in inspection.ini" grep -qx '1.1 = outstanding' "$TMP/jd/inspection.ini"
run "$o" "$e" "$YJ" summary "$TMP/jd" --format tsv
check "...and the score moves by one (15/36)" grep -qP '^overall(\t-){5}\t15\t36\t' "$o"
run "$o" "$e" "$YJ" judge "$TMP/jd" 1.1 excellent
check "judge refuses a rating that is not one (2)" [ "$rc" -eq 2 ]
check "...listing the ratings" contains "$e" "inadequate, requires-improvement, good, outstanding, not-rated or none"
run "$o" "$e" "$YJ" judge "$TMP/jd" 2.1 good
check "judge refuses a case-rated standard" [ "$rc" -eq 1 ]
check "...pointing to decide" contains "$e" "see decide"
run "$o" "$e" "$YJ" judge "$TMP/jd" 1.2 none
run "$o" "$e" "$YJ" summary "$TMP/jd"
check "judge none clears it: Not yet judged" grep -q '1.2 Staff .*Not yet judged' "$o"
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --to good --why "Both sub-samples small" --kq 2.4.3 --by "Chair"
check "decide records a panel decision" [ "$rc" -eq 0 ]
check "...from the rating the evidence gives now" contains "$o" "2.4 Reviewing: Requires improvement -> Good (panel decision)"
run "$o" "$e" "$YJ" summary "$TMP/jd"
check "...which summary applies" contains "$o" "2.4 Reviewing: Good †"
check "...with its reason and who" sh -c "tr -s '\\n ' '  ' <'$o' | grep -qF 'Panel decision on 2.4.3: Requires improvement → Good. Both sub-samples small (Chair,'"
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --to outstanding --why "On reflection"
run "$o" "$e" "$YJ" summary "$TMP/jd" --format tsv
check "a new decision replaces the old" grep -qP '^standard\t2\.4\t.*\tOutstanding\t.*\trequires-improvement>outstanding\t' "$o"
check "...one section, not two" [ "$(grep -c '^\[decision.2.4\]' "$TMP/jd/inspection.ini")" -eq 1 ]
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --remove
run "$o" "$e" "$YJ" summary "$TMP/jd" --format tsv
check "decide --remove takes it back" grep -qP '^standard\t2\.4\t.*\tRequires improvement\t.*\t-\tReviewing$' "$o"
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --to good
check "decide without --why is a usage error" [ "$rc" -eq 2 ]
run "$o" "$e" "$YJ" decide "$TMP/jd" 1.1 --to good --why x
check "decide refuses a judgement-rated standard" [ "$rc" -eq 1 ]
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --to good --why x --kq 3.1.1
check "decide refuses a key question of another standard" [ "$rc" -eq 2 ]
run "$o" "$e" "$YJ" decide "$TMP/jd" 2.4 --to requires-improvement --why "same"
check "decide refuses the band the evidence gives already (issue 23)" [ "$rc" -eq 1 ]
check "...saying why" contains "$e" "the evidence gives 2.4 Requires improvement already"
check "...nothing recorded" lacks "$TMP/jd/inspection.ini" "[decision.2.4]"
rm -f "$TMP/jd"/cases/ST-O0*.ini
run "$o" "$e" "$YJ" decide "$TMP/jd" 3.2 --to good --why x
check "decide refuses a standard the evidence does not rate" [ "$rc" -eq 1 ]
check "...saying why" contains "$e" "nothing for the panel to move"

# ---- new: an empty inspection
run "$o" "$e" "$YJ" new "$TMP/new" --framework yj-2021 --service "Testshire YJS" --lead "A Lead"
check "new exits 0" [ "$rc" -eq 0 ]
check "new writes inspection.ini" [ -f "$TMP/new/inspection.ini" ]
check "new makes the cases folder" [ -d "$TMP/new/cases" ]
run "$o" "$e" "$YJ" summary "$TMP/new"
check "an empty inspection scores 0/36" contains "$o" "Score 0/36"
check "...with no overall rating yet" contains "$o" "Overall rating: not yet: 0 of 12 standards rated"
run "$o" "$e" "$YJ" check "$TMP/new"
check "check of an empty inspection exits 1" [ "$rc" -eq 1 ]
check "...listing missing judgements" contains "$o" "[judgements] 1.1: no judgement recorded"
cp "$TMP/new/inspection.ini" "$TMP/new.before"
run "$o" "$e" "$YJ" new "$TMP/new" --framework yj-2019 --service "Other"
check "new refuses an existing inspection" [ "$rc" -eq 1 ]
check "...saying it exists" contains "$e" "already exists"
check "...and leaves it untouched" cmp -s "$TMP/new.before" "$TMP/new/inspection.ini"
run "$o" "$e" "$YJ" new "$TMP/new2" --framework yj-2031 --service X
check "new with an unknown framework fails" [ "$rc" -eq 1 ]
check "...naming it" contains "$e" "unknown framework 'yj-2031'"
check "...and creates nothing" [ ! -e "$TMP/new2" ]
run "$o" "$e" "$YJ" new "$TMP/new3" --service X
check "new without --framework is a usage error" [ "$rc" -eq 2 ]

# ---- an uninstalled build finds the source tree's forms and demo
run "$o" "$e" env -u YJINSPECT_FORMS -u YJINSPECT_DEMO "$YJ" frameworks
check "without YJINSPECT_FORMS, the build finds its forms" contains "$o" "yj-2019"
run "$o" "$e" env -u YJINSPECT_FORMS -u YJINSPECT_DEMO "$YJ" demo "$TMP/uninstalled-demo"
check "...and its demo" [ -f "$TMP/uninstalled-demo/cases/ST-C01.ini" ]
mkdir "$TMP/noforms"
run "$o" "$e" env YJINSPECT_FORMS="$TMP/noforms" "$YJ" summary "$TMP/uninstalled-demo"
check "forms that are truly missing: the error says the two ways to fix it" \
	contains "$e" "has: no forms files): point YJINSPECT_FORMS at a folder of framework files (the source tree's forms/), or run 'make install'"

# ---- new --fieldwork: ISO dates, checked; judge and decide do not need them
run "$o" "$e" "$YJ" new "$TMP/fw" --fieldwork 2020-10-19 2020-10-22 --framework yj-2019 --service "Fieldshire YJS"
check "new --fieldwork START END exits 0" [ "$rc" -eq 0 ]
check "...records the start" contains "$TMP/fw/inspection.ini" 'fieldwork_start = "2020-10-19"'
check "...and the end" contains "$TMP/fw/inspection.ini" 'fieldwork_end = "2020-10-22"'
run "$o" "$e" "$YJ" summary "$TMP/fw"
check "...which summary prints" contains "$o" "Fieldwork: 2020-10-19 to 2020-10-22"
run "$o" "$e" "$YJ" new "$TMP/fw29" --framework yj-2019 --service X --fieldwork 2024-02-29 2024-02-29
check "a one-day fieldwork on a leap day is a date" [ "$rc" -eq 0 ]
fwbad() { # DESC EXPECTED-RC MESSAGE ARGS...
	desc=$1 want=$2 msg=$3; shift 3
	rm -rf "$TMP/fwx"
	run "$o" "$e" "$YJ" new "$TMP/fwx" --framework yj-2019 --service X "$@"
	check "new --fieldwork $desc: refused (exit $want)" [ "$rc" -eq "$want" ]
	check "...saying why ($msg)" contains "$e" "$msg"
	check "...and creates nothing" [ ! -e "$TMP/fwx" ]
}
fwbad "with the end before the start" 1 "fieldwork end 2020-10-19 is before its start 2020-10-22" \
	--fieldwork 2020-10-22 2020-10-19
fwbad "with 29 February in a common year" 1 "fieldwork start '2021-02-29' has no such day in its month" \
	--fieldwork 2021-02-29 2021-03-01
fwbad "with month 13" 1 "fieldwork end '2020-13-01' has no such month" --fieldwork 2020-10-19 2020-13-01
fwbad "with a date not in ISO form" 1 "fieldwork start '19/10/2020' is not an ISO date (YYYY-MM-DD)" \
	--fieldwork 19/10/2020 2020-10-22
fwbad "with one date" 2 "--fieldwork needs START END" --fieldwork 2020-10-19
fwbad "with no dates" 2 "--fieldwork needs START END" --fieldwork
sed -i 's/^fieldwork_end = .*/fieldwork_end = "2020-10-32"/' "$TMP/fw/inspection.ini"
run "$o" "$e" "$YJ" check "$TMP/fw"
check "check warns of a hand-edited fieldwork date" contains "$o" \
	"warning: $TMP/fw/inspection.ini: [inspection] fieldwork end '2020-10-32' has no such day in its month"
run "$o" "$e" "$YJ" judge "$TMP/fw" 1.1 good
check "judge works on an inspection with a bad date" [ "$rc" -eq 0 ]
check "...and keeps the date as it was" contains "$TMP/fw/inspection.ini" 'fieldwork_end = "2020-10-32"'
run "$o" "$e" "$YJ" judge "$TMP/new" 1.1 good
check "judge works on an inspection with no fieldwork dates" [ "$rc" -eq 0 ]

# ---- bad input: one line naming file and key, non-zero, nothing changed
bad="$TMP/bad"
"$YJ" demo "$bad" >/dev/null
# (the cache of what the files held is the machine's, not the inspection's)
snapshot() { (cd "$bad" && find . -type f ! -name '*.lock' ! -name .yjinspect-cache | sort |
	xargs md5sum) >"$TMP/snap.$1"; }
refuse() { # DESC FILE-PATTERN-IN-MESSAGE KEY-IN-MESSAGE
	snapshot before
	run "$o" "$e" "$YJ" summary "$bad"
	snapshot after
	check "$1: summary exits 1" [ "$rc" -eq 1 ]
	check "$1: one line on stderr" [ "$(wc -l <"$e")" -eq 1 ]
	check "$1: it names the file" contains "$e" "$2"
	check "$1: it names the problem ($3)" contains "$e" "$3"
	check "$1: nothing on stdout" [ ! -s "$o" ]
	check "$1: no file changed" cmp -s "$TMP/snap.before" "$TMP/snap.after"
}
c1="$bad/cases/ST-C01.ini"
cp "$c1" "$TMP/c1.orig"
sed -i 's/^2\.1\.1 = yes$/2.1.1 = maybe/; s/^2\.1\.1 = no$/2.1.1 = maybe/' "$c1"
refuse "a value that is not yes/no" "ST-C01.ini" "[answers] 2.1.1: 'maybe' is not yes or no"
cp "$TMP/c1.orig" "$c1"; printf '[answers]\n' >/dev/null
sed -i 's/^2\.2\.1\.1 = .*/2.2.1.1 = na/' "$c1"
refuse "na where the forms allow only yes or no" "ST-C01.ini" \
	"[answers] 2.2.1.1: this prompt cannot be answered na: framework yj-2019 allows only yes or no here"
cp "$TMP/c1.orig" "$c1"
sed -i 's/^2\.1\.3\.1 = .*/2.1.3.1 = na/' "$c1"
run "$o" "$e" "$YJ" summary "$bad" --format tsv --prompts
check "2.1.3.1 = na is accepted (a published inspection used it)" [ "$rc" -eq 0 ]
check "...and leaves that case out of the prompt's count" grep -qP '^prompt\t2\.1\.3\.1\t5\t' "$o"
cp "$TMP/c1.orig" "$c1"
sed -i 's/^\[answers\]$/[answers]\n7.7.7 = yes/' "$c1"
refuse "an answer to an unknown question" "ST-C01.ini" "[answers] 7.7.7: an answer to an unknown question"
cp "$TMP/c1.orig" "$c1"
sed -i 's/^framework = yj-2019$/framework = yj-2021/' "$c1"
refuse "a case from another edition" "ST-C01.ini" "a case of framework 'yj-2021'"
cp "$TMP/c1.orig" "$c1"
awk 'BEGIN { s = ""; for (i = 0; i < 1100; i++) s = s "x" } { print } /^\[notes\]/ { print "2.1.1 = \"" s "\"" }' "$TMP/c1.orig" >"$c1"
refuse "an over-long line" "ST-C01.ini:" "line"
cp "$TMP/c1.orig" "$c1"
printf 'garbage\n' >>"$c1"
refuse "a corrupt file" "ST-C01.ini:" "not a [section], a comment or a key = value line: 'garbage'"
cp "$TMP/c1.orig" "$c1"
awk 'BEGIN { print "[case]"; for (i = 0; i < 30000; i++) print "k" i " = 1" }' >"$c1"
refuse "a huge file" "ST-C01.ini:" "more than 20000 sections and keys"
cp "$TMP/c1.orig" "$c1"
sed -i 's/^framework = yj-2019$/framework = yj-2099/' "$bad/inspection.ini"
refuse "an unknown framework" "inspection.ini" "unknown framework 'yj-2099'"
sed -i 's/^framework = yj-2099$/framework = yj-2019/' "$bad/inspection.ini"
run "$o" "$e" "$YJ" summary "$bad"
check "restored: summary works again" [ "$rc" -eq 0 ]
chmod 000 "$c1"
if [ "$(id -u)" -ne 0 ]; then
	refuse "an unreadable file" "ST-C01.ini" "ermission denied"
fi
chmod 600 "$c1"
run "$o" "$e" "$YJ" summary "$TMP/nowhere"
check "a missing folder: exit 1" [ "$rc" -eq 1 ]
check "...naming its inspection.ini" contains "$e" "nowhere/inspection.ini"

# a value that tries to forge a second line of output
cp "$TMP/c1.orig" "$c1"
sed -i 's/^case_type = court$/case_type = "crown\\nyjinspect: all 10 cases OK\\x1b[2J"/' "$c1"
refuse "a value with a newline and an escape" "ST-C01.ini" "'crown yjinspect: all 10 cases OK?[2J' is not one of"
cp "$TMP/c1.orig" "$c1"

# check lists every problem of every file
sed -i 's/^2\.1\.1 = yes$/2.1.1 = maybe/; s/^2\.1\.1 = no$/2.1.1 = maybe/' "$c1"
sed -i 's/^2\.1\.2 = yes$/2.1.2 = sometimes/; s/^2\.1\.2 = no$/2.1.2 = sometimes/' "$bad/cases/ST-C02.ini"
run "$o" "$e" "$YJ" check "$bad"
check "check exits 1 on problems" [ "$rc" -eq 1 ]
check "check reports the first file's problem" contains "$o" "ST-C01.ini"
check "check reports the second file's problem" contains "$o" "ST-C02.ini"
check "check counts them" contains "$o" "2 errors"
run "$o" "$e" "$YJ" summary "$bad"
check "summary says there are more problems" contains "$e" "(and 1 more: see 'yjinspect check')"

# ---- a case file that cannot be read leaves out that case, not the
# folder: answer, history and restore on another case go on, warning of it
# on one line; on it they are refused with its error (issue 20)
lo="$TMP/leftout"
"$YJ" demo "$lo" >/dev/null
"$YJ" answer "$lo" ST-C01 2.1.1=no >/dev/null 2>&1	# a journal to restore from
t1=$("$YJ" history "$lo" ST-C01 2>/dev/null | grep '	answers\.2\.1\.1	' | tail -1 | cut -f2)
cp "$lo/cases/ST-C02.ini" "$TMP/c2.orig"
losnap() { (cd "$lo" && find . -type f ! -name '*.lock' ! -name .yjinspect-cache | sort |
	xargs md5sum) >"$TMP/losnap.$1"; }
for kind in directory fifo corrupt; do
	case $kind in
	directory) bad=X.ini ref=X why="is a directory"; mkdir "$lo/cases/$bad" ;;
	fifo) bad=F.ini ref=F.ini why="not a regular file"; mkfifo "$lo/cases/$bad" ;;
	corrupt) bad=ST-C02.ini ref=ST-C02
		why="not a [section], a comment or a key = value line: 'garbage'"
		printf 'garbage\n' >>"$lo/cases/$bad" ;;
	esac
	warn="yjinspect: warning: $lo/cases/$bad"
	run "$o" "$e" timeout -k 5 20 "$YJ" answer "$lo" ST-C01 2.1.1=yes
	check "$kind beside a good case: answer on the good one works (exit 0)" [ "$rc" -eq 0 ]
	check "...and saves it" grep -qx '2\.1\.1 = yes' "$lo/cases/ST-C01.ini"
	check "...warning of the file left out, on one line naming it and its problem" \
		sh -c "[ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF -- \"$warn\" '$e' &&
		grep -qF -- \"$why\" '$e' && grep -q '(left out)\$' '$e'"
	run "$o" "$e" timeout -k 5 20 "$YJ" history "$lo" ST-C01
	check "$kind: history of the good case works (exit 0)" [ "$rc" -eq 0 ]
	check "...listing its answer" grep -q '	answers\.2\.1\.1	no -> yes$' "$o"
	check "...with the warning" sh -c "[ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF -- \"$warn\" '$e'"
	run "$o" "$e" timeout -k 5 20 "$YJ" restore "$lo" ST-C01 --at "$t1"
	check "$kind: restore of the good case works (exit 0)" [ "$rc" -eq 0 ]
	check "...as it was" sh -c "[ $rc -eq 0 ] && grep -qx '2\.1\.1 = no' '$lo/cases/ST-C01.ini'"
	check "...with the warning" sh -c "[ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF -- \"$warn\" '$e'"
	losnap before
	for cmd in answer history restore; do
		case $cmd in
		answer) run "$o" "$e" timeout -k 5 20 "$YJ" answer "$lo" "$ref" 2.1.1=yes ;;
		history) run "$o" "$e" timeout -k 5 20 "$YJ" history "$lo" "$ref" ;;
		restore) run "$o" "$e" timeout -k 5 20 "$YJ" restore "$lo" "$ref" --at "$t1" ;;
		esac
		check "$kind: $cmd on the file left out is refused (exit 1)" [ "$rc" -eq 1 ]
		check "...on one line naming the file, its problem and the way out" sh -c "
			[ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF -- \"yjinspect: $lo/cases/$bad\" '$e' &&
			grep -qF -- \"$why (this case file cannot be read: put it right, see 'yjinspect check')\" '$e'"
	done
	losnap after
	check "$kind: ...and no file changed" cmp -s "$TMP/losnap.before" "$TMP/losnap.after"
	case $kind in
	directory) rmdir "$lo/cases/$bad" ;;
	fifo) rm -f "$lo/cases/$bad" ;;
	corrupt) cp "$TMP/c2.orig" "$lo/cases/$bad" ;;
	esac
done
mkdir "$lo/cases/X.ini"; mkfifo "$lo/cases/F.ini"; printf 'garbage\n' >>"$lo/cases/ST-C02.ini"
cp "$lo/cases/ST-C02.ini" "$TMP/c2.bad"
run "$o" "$e" timeout -k 5 20 "$YJ" answer "$lo" ST-C01 2.1.1=yes
check "three files left out: answer works, a warning line for each" sh -c "
	[ \"\$(grep -c '^yjinspect: warning: $lo/cases/.* (left out)\$' '$e')\" -eq 3 ] &&
	[ \"\$(wc -l <'$e')\" -eq 3 ]"
check "...the corrupt file kept as it was" cmp -s "$TMP/c2.bad" "$lo/cases/ST-C02.ini"
for ref in X F ST-C02; do
	run "$o" "$e" timeout -k 5 20 "$YJ" answer "$lo" $ref 2.1.1=yes
	check "three files left out: answer $ref is refused naming its own file, on one line" sh -c "
		[ $rc -eq 1 ] && [ \"\$(wc -l <'$e')\" -eq 1 ] &&
		grep -qF 'yjinspect: $lo/cases/$ref.ini' '$e' && grep -qF 'this case file cannot be read' '$e'"
done
run "$o" "$e" timeout -k 5 20 "$YJ" answer "$lo" ST-Z99 2.1.1=yes
check "a case by no name: refused, saying the files left out may hold it" sh -c "
	[ $rc -eq 1 ] && grep -qF '3 case files cannot be read and may hold it' '$e'"
# inspection.ini: a judgement and findings rest on no case; a panel
# decision moves the rating every case gives, so it waits for them all
run "$o" "$e" timeout -k 5 20 "$YJ" judge "$lo" 1.1 outstanding
check "files left out: judge works (exit 0), with the warnings" sh -c "
	[ $rc -eq 0 ] && [ \"\$(grep -c '(left out)\$' '$e')\" -eq 3 ]"
check "...and records it" grep -qx '1\.1 = outstanding' "$lo/inspection.ini"
run "$o" "$e" timeout -k 5 20 "$YJ" findings "$lo" 2.1 --strength "Assessments were thorough"
check "files left out: findings works (exit 0), with the warnings" sh -c "
	[ $rc -eq 0 ] && [ \"\$(grep -c '(left out)\$' '$e')\" -eq 3 ]"
check "...and records them" contains "$lo/inspection.ini" "Assessments were thorough"
cp "$lo/inspection.ini" "$TMP/lo-insp.before"
run "$o" "$e" timeout -k 5 20 "$YJ" decide "$lo" 2.4 --to good --why "Small sub-samples"
check "files left out: a panel decision is refused (exit 1)" [ "$rc" -eq 1 ]
check "...on one line, naming a file left out and why it waits" sh -c "
	[ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF '2.4 cannot be decided while a case file is left out ($lo/cases/' '$e'"
check "...and inspection.ini is unchanged" cmp -s "$TMP/lo-insp.before" "$lo/inspection.ini"
rmdir "$lo/cases/X.ini"; rm -f "$lo/cases/F.ini"; cp "$TMP/c2.orig" "$lo/cases/ST-C02.ini"
run "$o" "$e" "$YJ" decide "$lo" 2.4 --to good --why "Small sub-samples"
check "...recorded once they are put right" [ "$rc" -eq 0 ]
mkdir "$lo/cases/X.ini"
run "$o" "$e" "$YJ" decide "$lo" 2.4 --remove
check "a file left out: a decision can be withdrawn (exit 0), with the warning" sh -c "
	[ $rc -eq 0 ] && grep -qF 'yjinspect: warning: $lo/cases/X.ini: is a directory (left out)' '$e'"
mkdir "$lo/cases/Y.ini"
sed -i 's/^framework = yj-2019$/framework = yj-2099/' "$lo/inspection.ini"
run "$o" "$e" "$YJ" answer "$lo" ST-C01 2.1.1=yes
check "an error in inspection.ini still refuses the folder, naming it" sh -c "
	[ $rc -eq 1 ] && [ \"\$(wc -l <'$e')\" -eq 1 ] && grep -qF 'inspection.ini' '$e'"

# ---- a journal line with a good CRC and a key not SECTION.KEY (issue 20):
# a bad line, named by check, never replayed (restore read past the key)
# crc TEXT: the CRC-32 of TEXT in hex, as the journal writes it (gzip's)
crc() { printf '%s' "$1" | gzip -c | tail -c 8 | od -An -tx1 -N4 | awk '{ print $4 $3 $2 $1 }'; }
"$YJ" demo "$TMP/badkey" >/dev/null
YJINSPECT_INSPECTOR=Ann "$YJ" answer "$TMP/badkey" ST-C01 2.1.1=no >/dev/null
bk="$TMP/badkey/cases/ST-C01"
first=$(($(wc -l <"$bk.journal") + 1))
n=0
for key in "" "conflicts." "answers" "answers." ".2.1.1"; do
	n=$((n + 1))
	l=$(printf '99\t2099-01-01T00:00:0%d.000Z\tEve\t%s\t-\t=x\t' $n "$key")
	printf '%s%s\n' "$l" "$(crc "$l")" >>"$bk.journal"
done
"$YJ" summary "$TMP/badkey" --format tsv --prompts --no-cache >"$TMP/badkey.before" 2>&1
run "$o" "$e" "$YJ" check "$TMP/badkey"
check "check: lines whose key is not SECTION.KEY are bad lines, the first named" \
	contains "$o" "ST-C01.journal:$first: 5 lines failed their check (a CRC, or a key not SECTION.KEY) and are ignored"
check "...a warning (exit 1), nothing else said" sh -c "[ $rc -eq 1 ] && grep -q '^0 errors, 1 warning$' '$o' && [ ! -s '$e' ]"
run "$o" "$e" "$YJ" history "$TMP/badkey" ST-C01
check "history: exit 0, the bad lines not listed, said to be ignored" sh -c "[ $rc -eq 0 ] &&
	! grep -q Eve '$o' && grep -q 'lines that failed their check ignored (see check)' '$o' && [ ! -s '$e' ]"
run "$o" "$e" "$YJ" restore "$TMP/badkey" ST-C01 --at 2099-01-01T00:00:09
check "restore: exit 0, the bad lines not replayed (no value x, no key without a name)" \
	sh -c "[ $rc -eq 0 ] && [ ! -s '$e' ] && ! grep -q -e '= x\$' -e '^ *=' '$bk.ini'"
"$YJ" summary "$TMP/badkey" --format tsv --prompts --no-cache >"$TMP/badkey.after" 2>&1
check "...the case as it was: the same summary" cmp -s "$TMP/badkey.before" "$TMP/badkey.after"
run "$o" "$e" "$YJ" check "$TMP/badkey"
check "...and check names the same lines, and no more" sh -c "grep -q '^0 errors, 1 warning$' '$o' &&
	grep -q 'ST-C01.journal:$first: 5 lines failed their check' '$o'"

# ---- text from files never reaches the output raw
esc=$(printf '\033')
"$YJ" demo "$TMP/evil" >/dev/null
sed -i 's/^service = .*/service = "Evil \\x1b]0;owned\\x07 \\x1b[2J YJS"/' "$TMP/evil/inspection.ini"
for fmt in text md tsv; do
	run "$o" "$e" "$YJ" summary "$TMP/evil" --format $fmt
	check "$fmt: an escape sequence in a name is not printed raw" sh -c "! grep -q '$esc' '$o'"
done

# ---- summary and export take unchanged cases from the folder's cache
# (cache.h) and give what reading every file gives; check reads them all
"$YJ" demo "$TMP/cached" >/dev/null
sleep 3	# a file must be two seconds old for its entry to be kept
"$YJ" summary "$TMP/cached" --format tsv >"$TMP/c1" 2>/dev/null
check "summary makes the folder's cache" [ -s "$TMP/cached/.yjinspect-cache" ]
run "$o" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts
run "$TMP/c2" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts --no-cache
check "summary from the cache is summary --no-cache, byte for byte" cmp -s "$o" "$TMP/c2"
"$YJ" answer "$TMP/cached" ST-C01 2.1.1=no 2.1.1.1=no >/dev/null 2>&1
sed -i 's/^2\.2\.1 = yes$/2.2.1 = no/' "$TMP/cached/cases/ST-C02.ini"	# by hand
run "$o" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts
run "$TMP/c2" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts --no-cache
check "...after an answer and a hand edit, still the same (those files read)" cmp -s "$o" "$TMP/c2"
check "...and the figures moved" sh -c "! cmp -s '$TMP/c1' '$o'"
printf x >>"$TMP/cached/.yjinspect-cache"	# a cache not right: none
run "$o" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts
check "...and with a cache spoilt, still the same" cmp -s "$o" "$TMP/c2"
rm -f "$TMP/cached/.yjinspect-cache"
run "$o" "$e" "$YJ" summary "$TMP/cached" --format tsv --prompts --no-cache
check "summary --no-cache reads every file and makes no cache" [ ! -e "$TMP/cached/.yjinspect-cache" ]
mkfifo "$TMP/cached/.yjinspect-cache"	# not a file: no cache (and no wait for a writer)
run "$o" "$e" timeout -k 5 20 "$YJ" summary "$TMP/cached" --format tsv --prompts
check "...a pipe where the cache belongs is no cache: the same, at once" cmp -s "$o" "$TMP/c2"
check "...and a cache file is made in its place" [ -f "$TMP/cached/.yjinspect-cache" ]
[ -p "$TMP/cached/.yjinspect-cache" ] && rm -f "$TMP/cached/.yjinspect-cache"	# (else all below would wait)
"$YJ" export "$TMP/cached" --format csv -o "$TMP" >/dev/null 2>&1 && cp "$TMP/answers.csv" "$TMP/a1"
"$YJ" export "$TMP/cached" --format csv -o "$TMP" --no-cache >/dev/null 2>&1
check "export from the cache is export --no-cache" cmp -s "$TMP/a1" "$TMP/answers.csv"
run "$o" "$e" "$YJ" summary "$TMP/cached" --nocache
check "summary: an unknown option is a usage error" [ "$rc" -eq 2 ]

# ---- a comment written into a case file by hand comes through a save
"$YJ" demo "$TMP/cm" >/dev/null 2>&1
printf '; see paper file\n' >>"$TMP/cm/cases/ST-C01.ini"
run "$o" "$e" "$YJ" answer "$TMP/cm" ST-C01 2.1.2=no
check "answer after a comment added by hand" [ "$rc" -eq 0 ]
check "...keeps the comment, at the end of the file" sh -c "tail -n 1 '$TMP/cm/cases/ST-C01.ini' | grep -qx '; see paper file'"
"$YJ" answer "$TMP/cm" ST-C01 2.1.2=yes >/dev/null 2>&1
check "...once, through the next answer too" [ "$(grep -c 'see paper file' "$TMP/cm/cases/ST-C01.ini")" -eq 1 ]
t=$("$YJ" history "$TMP/cm" ST-C01 | head -n 1 | cut -f2)
run "$o" "$e" "$YJ" restore "$TMP/cm" ST-C01 --at "$t"
check "...and through a restore (at $t)" sh -c "[ $rc -eq 0 ] && [ \"\$(grep -c 'see paper file' '$TMP/cm/cases/ST-C01.ini')\" -eq 1 ]"
run "$o" "$e" "$YJ" check "$TMP/cm"
check "...and the case still checks clean" grep -q "^0 errors" "$o"

# ---- config: your name, set once, in the settings file (XDG rules)
CH="$TMP/cfg-home"; mkdir -p "$CH"
CONF="$CH/.config/yjinspect/config.ini"
# yc ARG...: the program with HOME CH, no XDG_CONFIG_HOME, no YJINSPECT_INSPECTOR
yc() { env -u YJINSPECT_INSPECTOR -u XDG_CONFIG_HOME HOME="$CH" "$YJ" "$@"; }
run "$o" "$e" yc config
check "config with nothing set exits 0" [ "$rc" -eq 0 ]
check "...says no name is set" grep -qx 'name      (not set)' "$o"
check "...names the file, under HOME's .config" grep -qxF "file      $CONF" "$o"
check "...says the name in force is the login's" grep -q '^in force  .* (from your login' "$o"
check "...and writes nothing" [ ! -e "$CH/.config" ]
run "$o" "$e" yc config name "  Ruth Pemberton "
check "config name sets the name" [ "$rc" -eq 0 ]
check "...in the settings file, trimmed" grep -qx 'name = "Ruth Pemberton"' "$CONF"
check "...the file mode 0600, its folders 0700" sh -c "
	[ \"\$(stat -c %a '$CONF' '$CH/.config/yjinspect' '$CH/.config' | tr '\n' ' ')\" = '600 700 700 ' ]"
run "$o" "$e" yc config initials RP
check "config initials sets the initials, the name kept" sh -c "
	grep -qx 'initials = \"RP\"' '$CONF' && grep -qx 'name = \"Ruth Pemberton\"' '$CONF'"
run "$o" "$e" yc config
check "config shows the name, the initials and the file" sh -c "
	grep -qx 'name      Ruth Pemberton' '$o' && grep -qx 'initials  RP' '$o' && grep -qxF 'file      $CONF' '$o'"
check "...and that the name in force is the settings file's" \
	grep -qx 'in force  Ruth Pemberton (from the settings file)' "$o"
run "$o" "$e" env -u XDG_CONFIG_HOME HOME="$CH" YJINSPECT_INSPECTOR="Ann Lee" "$YJ" config
check "YJINSPECT_INSPECTOR overrides the settings file, and config says so" \
	grep -qx 'in force  Ann Lee (from YJINSPECT_INSPECTOR, which overrides the settings file)' "$o"
run "$o" "$e" env -u YJINSPECT_INSPECTOR HOME="$CH" XDG_CONFIG_HOME="$TMP/xdg" "$YJ" config name "Xu Li"
check "an absolute XDG_CONFIG_HOME holds the file instead" grep -qx 'name = "Xu Li"' "$TMP/xdg/yjinspect/config.ini"
run "$o" "$e" env -u YJINSPECT_INSPECTOR HOME="$CH" XDG_CONFIG_HOME="rel" "$YJ" config
check "...a relative one is ignored" grep -qx 'name      Ruth Pemberton' "$o"
cp "$CONF" "$TMP/conf-good"
run "$o" "$e" yc config name "   "
check "config refuses an empty name (1)" sh -c "[ $rc -eq 1 ] && grep -q 'a name cannot be empty' '$e'"
run "$o" "$e" yc config name "$(printf 'Ruth\nPemberton')"
check "config refuses a line break in a name" sh -c "[ $rc -eq 1 ] && grep -q 'control character' '$e'"
run "$o" "$e" yc config name "$(printf 'Ruth\033[2J')"
check "config refuses a control byte in a name" [ "$rc" -eq 1 ]
run "$o" "$e" yc config nickname Ru
check "config refuses a setting it does not have (2)" [ "$rc" -eq 2 ]
check "...and the file is as it was" cmp -s "$CONF" "$TMP/conf-good"
printf '; my own note: set up on the new laptop\n' >>"$CONF"
run "$o" "$e" yc config initials --unset
check "config initials --unset removes them, the name kept" sh -c "
	! grep -q initials '$CONF' && grep -qx 'name = \"Ruth Pemberton\"' '$CONF'"
check "...and a comment written in the file by hand is kept, once" \
	[ "$(grep -c '^; my own note: set up on the new laptop$' "$CONF")" -eq 1 ]
# a stamp, a new case and a panel decision carry the configured name
yc demo "$TMP/cfgd" >/dev/null 2>&1
run "$o" "$e" yc answer "$TMP/cfgd" ST-C01 2.1.1=no
check "answer stamps the settings file's name" \
	grep -qE '^2\.1\.1 = "[0-9T:-]+Z Ruth Pemberton"$' "$TMP/cfgd/cases/ST-C01.ini"
check "...and the journal names it" grep -q 'Ruth Pemberton' "$TMP/cfgd/cases/ST-C01.journal"
run "$o" "$e" yc answer "$TMP/cfgd" NEW-1 --new disposal=yro
check "answer --new makes the settings file's name the case's inspector" \
	grep -qx 'inspector = "Ruth Pemberton"' "$TMP/cfgd/cases/NEW-1.ini"
run "$o" "$e" yc decide "$TMP/cfgd" 2.4 --to good --why "Small sub-samples"
check "decide records the settings file's name as by" \
	grep -qx 'by = "Ruth Pemberton"' "$TMP/cfgd/inspection.ini"
run "$o" "$e" env -u XDG_CONFIG_HOME HOME="$CH" YJINSPECT_INSPECTOR="Ann Lee" "$YJ" answer "$TMP/cfgd" ST-C01 2.1.1=yes
check "...YJINSPECT_INSPECTOR's name over it" \
	grep -qE '^2\.1\.1 = "[0-9T:-]+Z Ann Lee"$' "$TMP/cfgd/cases/ST-C01.ini"
# a settings file edited by hand and gone wrong: named with its line,
# never written over, and the commands go on with the login's name
printf '[inspector]\nname = "Ruth Pemberton"\nnmae = "RP"\n' >"$CONF"
cp "$CONF" "$TMP/conf-bad"
run "$o" "$e" yc config
check "config on a bad settings file exits 1" [ "$rc" -eq 1 ]
check "...naming the file and line" contains "$e" "$CONF:3: [inspector] nmae: unknown key"
check "...and the login's name in force" grep -q '^in force  .* (from your login: the settings file cannot be read)' "$o"
run "$o" "$e" yc config name "Ruth Pemberton"
check "config name refuses to write over a file it could not read" sh -c "
	[ $rc -eq 1 ] && grep -qF '$CONF:3:' '$e' && cmp -s '$CONF' '$TMP/conf-bad'"
run "$o" "$e" yc answer "$TMP/cfgd" ST-C01 2.1.1=no
check "answer goes on, warning of the settings file once, by file and line" sh -c "
	[ $rc -eq 0 ] && [ \"\$(grep -c 'warning: $CONF:3:' '$e')\" -eq 1 ]"
check "...stamped with the login's name" sh -c "
	! grep -qE '^2\.1\.1 = \".*Ruth Pemberton\"\$' '$TMP/cfgd/cases/ST-C01.ini'"
cp "$TMP/conf-good" "$CONF"

# answer records a fact the others decide, as the terminal UI does: the
# case type from the disposal (a youth rehabilitation order is a court case)
run "$o" "$e" "$YJ" new "$TMP/derive" --framework yj-2021 --service "Derive YJS"
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 --new disposal=yro
check "answer --new disposal=yro records the case type it decides" sh -c "
	[ $rc -eq 0 ] && grep -qx 'case_type = court' '$TMP/derive/cases/D-1.ini'"
check "...and says so" grep -qx 'D-1.ini: Case type: Court disposal (from the disposal)' "$o"
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 case_type=none
check "...a case type cleared stays cleared" sh -c "
	[ $rc -eq 0 ] && ! grep -q '^case_type' '$TMP/derive/cases/D-1.ini'"
# a choice the other facts rule out is refused, as the facts form does not
# offer it: recorded, an out-of-court disposal would stand beside the court
# case type it once decided, and the case count in the wrong standards
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 case_type=court
cp "$TMP/derive/cases/D-1.ini" "$TMP/derive-before"
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 disposal=triage
check "answer refuses a choice the other facts rule out" sh -c "
	[ $rc -eq 1 ] && cmp -s '$TMP/derive-before' '$TMP/derive/cases/D-1.ini'"
check "...saying which and how to go on" contains "$e" \
	"disposal: 'triage' does not fit this case: it is a choice only when case_type == oocd"
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 case_type=none disposal=triage
check "...and takes it once that fact is cleared, deciding the case type again" sh -c "
	[ $rc -eq 0 ] && grep -qx 'disposal = triage' '$TMP/derive/cases/D-1.ini' &&
	grep -qx 'case_type = oocd' '$TMP/derive/cases/D-1.ini'"
# a mistyped value: the choices listed, and nothing of the call written,
# neither a half-made case nor the answers given before it
run "$o" "$e" "$YJ" answer "$TMP/derive" D-2 --new disposal=yc
check "answer --new with a value not a choice adds no case" sh -c "
	[ $rc -eq 1 ] && [ ! -e '$TMP/derive/cases/D-2.ini' ]"
check "...and lists the choices" contains "$e" \
	"disposal: 'yc' is not one of its choices: referral-order, yro, dto, "
cp "$TMP/derive/cases/D-1.ini" "$TMP/derive-before"
run "$o" "$e" "$YJ" answer "$TMP/derive" D-1 note.3.1.1=kept disposal=yc
check "...nor writes what came before it in the call" sh -c "
	[ $rc -eq 1 ] && cmp -s '$TMP/derive-before' '$TMP/derive/cases/D-1.ini'"

finish
