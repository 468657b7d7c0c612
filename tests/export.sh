#!/bin/sh
# export.sh - yjinspect export: the md and html of the three published
# inspections compared figure by figure with the reports' tables
# (export_check.py), the html self-contained, csv read back by Python's csv
# module with hostile notes, several folders as one, and every refusal.
. "$top_srcdir/tests/lib.sh"

PUB="$top_srcdir/tests/fixtures/published"
FIX="$top_srcdir/tests/fixtures"
o="$TMP/out" e="$TMP/err"

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is not installed (setup.sh installs it): the exports cannot be read back"
	exit 77
fi

# ---- md and html: every published figure, from the report's own tables
# (--no-cache: the fixtures are read where they are, every file, and nothing
# is written beside them)
for name in south-tyneside-2020 northumberland-2023 south-tees-2019; do
	for fmt in md html; do
		run "$o" "$e" "$YJ" export "$FIX/$name" --no-cache --format "$fmt" -o "$TMP/$name.$fmt"
		check "$name: export --format $fmt exits 0" [ "$rc" -eq 0 ]
		python3 "$top_srcdir/tests/export_check.py" "$fmt" "$TMP/$name.$fmt" \
			"$PUB/$name.json" >"$TMP/cmp" 2>&1
		rc=$?
		sed 's/^/    /' "$TMP/cmp"
		check "$name: the $fmt export has every published figure ($(tail -1 "$TMP/cmp"))" [ "$rc" -eq 0 ]
	done
done
python3 "$top_srcdir/tests/export_check.py" md "$TMP/south-tyneside-2020.md" \
	"$PUB/south-tyneside-2020.json" >"$TMP/cmp"
check "South Tyneside md: 408 figures compared" grep -q "^408 figures compared, 0 mismatches" "$TMP/cmp"
# the checker is not blind: one figure changed is found
sed 's/^| 2\.2\.2 \(.*\) | 5 | 3 | 60% |$/| 2.2.2 \1 | 5 | 4 | 60% |/' \
	"$TMP/south-tyneside-2020.md" >"$TMP/wrong.md"
check "...a changed figure is a mismatch" sh -c "! cmp -s '$TMP/wrong.md' '$TMP/south-tyneside-2020.md'"
python3 "$top_srcdir/tests/export_check.py" md "$TMP/wrong.md" "$PUB/south-tyneside-2020.json" >"$TMP/cmp"
check "...which the checker reports" [ $? -eq 1 ]
check "...naming it" grep -q "^2.2.2 yes: export has '4', published '3'" "$TMP/cmp"

# ---- the html is self-contained: nothing fetched, no script
h="$TMP/south-tyneside-2020.html"
check "html: a Content-Security-Policy that forbids every load" \
	grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">" "$h"
check "html: no script" sh -c "! grep -qi '<script' '$h'"
check "html: no src= or href= outside the page (only #anchors)" \
	sh -c "! grep -oE '(src|href)=\"[^\"#][^\"]*\"' '$h' | grep -q ."
check "html: no url() or @import in its CSS" sh -c "! grep -qE 'url\\(|@import' '$h'"
check "html: the charts are inline SVG with a title and a description" \
	sh -c "[ \$(grep -c '<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"' '$h') -eq 8 ] && grep -q '<desc id=\"chart-2.2-d\">2.2.1: 83% Large majority (Outstanding); 2.2.2: 60% Too few (Requires improvement); 2.2.3: 67% Reasonable majority (Good).</desc>' '$h'"
check "html: table captions and header scopes for screen readers" \
	sh -c "[ \$(grep -c '<caption>' '$h') -eq 32 ] && grep -q '<th scope=\"col\">Of the 5 cases with factors related to keeping the child safe:</th>' '$h'"
check "html: A4, tables never split across a page" \
	sh -c "grep -q '@page{size:A4' '$h' && grep -q 'table,figure,aside.notes{break-inside:avoid' '$h'"
check "html: bands in words beside every bar" grep -q '>60% Too few (Requires improvement)</text>' "$h"

# ---- a panel decision: the key question marked, the rationale as a note
d="$TMP/decided"
cp -r "$FIX/south-tyneside-2020" "$d"
chmod -R u+w,go= "$d"	# the source tree may be read-only (distcheck); ours alone, as case files should be
rm -rf "$d"/cases/*.lock "$d"/cases/.locks
"$YJ" decide "$d" 2.2 --to good --kq 2.2.2 --why 'Sub-sample of five; "strong" <others>' --by Chair >/dev/null
run "$o" "$e" "$YJ" export "$d" --format html
check "decision: the key question reads *Professional discretion applied, linked to its note" \
	contains "$o" '2.2.2 Does planning focus sufficiently on keeping the child safe? <a class="applied" href="#decision-2.2">*Professional discretion applied</a>'
check "...the note gives the move and why, escaped" \
	contains "$o" '<p id="decision-2.2"><span class="mark">†</span> *Professional discretion applied. Panel decision on 2.2.2: Requires improvement → Good. Sub-sample of five; &quot;strong&quot; &lt;others&gt; (Chair, '
check "...and the ratings table shows the decided rating" contains "$o" '<th scope="row">2.2 Planning</th><td>Good †</td>'
check "...in the score" contains "$o" '<th scope="row">Score</th><td>15/36</td>'
run "$o" "$e" "$YJ" export "$d" --format md
check "md: the same decision, the same words" \
	contains "$o" '| 2.2.2 Does planning focus sufficiently on keeping the child safe? \*Professional discretion applied | 5 | 3 | 60% |'
check "md: ...and its note" contains "$o" '† \*Professional discretion applied. Panel decision on 2.2.2: Requires improvement → Good.'
run "$o" "$e" "$YJ" summary "$d" --format md --prompts
# ...but for the lists of what would change each rating, which are the
# panel's and not the published report's
awk '/^\*\*What would change/ { skip = 1; next }
	skip == 1 && /^$/ { skip = 2; next }
	skip == 2 && /^- / { next }
	skip == 2 && /^$/ { skip = 0; next }
	{ print }' "$o" >"$o.published"
check "summary --format md has what would change each rating" contains "$o" '**What would change the overall rating**'
check "summary --format md --prompts is the same document as export --format md" \
	sh -c "'$YJ' export '$d' --format md | cmp -s - '$o.published'"

# a decision the evidence no longer supports (no cases left) is not called applied
st="$TMP/stale"
cp -r "$d" "$st"
rm -f "$st"/cases/*
run "$o" "$e" "$YJ" export "$st" --format md
check "a decision that is not applied is not called applied" sh -c "grep -q '^† Recorded, not applied. Panel decision on 2.2.2' '$o' && ! grep -q 'Professional discretion applied' '$o'"

# ---- findings: a standard's strengths and areas for improvement
run "$o" "$e" "$YJ" findings "$d" 1.1 --strength "Leaders know their children" \
	--strength 'Data used "weekly", well' --improvement "Too few staff trained in <AIM3>"
check "findings records a judgement-rated standard's points" [ "$rc" -eq 0 ]
check "...and shows them" contains "$o" '  - Data used "weekly", well'
run "$o" "$e" "$YJ" findings "$d" 2.2 --improvement "Contingency planning"
check "...and a case-rated standard's" [ "$rc" -eq 0 ]
run "$o" "$e" "$YJ" export "$d" --format html
check "html: strengths as a list under the standard, escaped" \
	contains "$o" '<h4>Strengths</h4>
<ul>
<li>Leaders know their children</li>
<li>Data used &quot;weekly&quot;, well</li>
</ul>
<h4>Areas for improvement</h4>
<ul>
<li>Too few staff trained in &lt;AIM3&gt;</li>'
run "$o" "$e" "$YJ" export "$d" --format md
check "md: the same lists" contains "$o" '**Areas for improvement**

- Too few staff trained in \<AIM3\>'
check "md: ...for a case-rated standard too" contains "$o" '- Contingency planning'
run "$o" "$e" "$YJ" findings "$d" 1.3 --strength "- not a list" --strength "1. not a list" \
	--strength "---" --strength "R&amp;D" --strength "two
lines"
run "$o" "$e" "$YJ" export "$d" --format md
check "md: a finding that looks like markdown is text" sh -c "grep -qxF -- '- \- not a list' '$o' && grep -qxF -- '- 1\. not a list' '$o' && grep -qxF -- '- \---' '$o' && grep -qxF -- '- R\&amp;D' '$o'"
check "a point with a line break in it is one point" grep -qxF -- '- two lines' "$o"
run "$o" "$e" "$YJ" findings "$d" 2.2 --clear
check "findings --clear removes them" sh -c "[ '$rc' -eq 0 ] && ! grep -q 'findings.2.2' '$d/inspection.ini'"
run "$o" "$e" "$YJ" findings "$d" 9.9 --strength x
check "findings on a standard the framework lacks is refused" sh -c "[ '$rc' -eq 1 ] && grep -q 'no standard 9.9 in framework yj-2019' '$e'"
run "$o" "$e" "$YJ" findings "$d" 1.1 --strength "  "
check "an empty point is a usage error" [ "$rc" -eq 2 ]

# ---- csv: RFC 4180, read back by Python's csv module, hostile notes exact
c="$TMP/hostile"
cp -r "$d" "$c"
rm -rf "$c"/cases/*.lock "$c"/cases/.locks
python3 - "$c/cases/ST-C01.ini" <<'EOF'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
t = t.replace("[answered]\n", "[answered]\n2.1.1.1 = \"=HYPERLINK(\\x22http://x\\x22) Eve\"\n", 1)
t = "\n".join(l for l in t.split("\n") if not (l.startswith("2.1.1.1 = \"") and "HYPERLINK" not in l and "T" in l)) + ""
notes = ('2.1.1 = "Mum said \\x22no\\x22, then left; twice,\\nthen: caf\u00e9 \u2014 \U0001F642"\n'
         '2.1.2 = "=HYPERLINK(\\x22http://example.com\\x22)"\n'
         '2.1.3 = "+44 7700 900000"\n'
         '2.2.1 = "-1 point"\n'
         '2.2.2 = "@home, \\x22safe\\x22"\n')
t = t.replace("[notes]\n", "[notes]\n" + notes, 1)
open(p, "w", encoding="utf-8").write(t)
EOF
run "$o" "$e" "$YJ" check "$c"
check "the hostile notes are a valid case file" [ "$rc" -eq 0 ]
run "$o" "$e" "$YJ" export "$c" --format csv --table answers -o "$TMP/answers.csv"
check "export --format csv --table answers exits 0" [ "$rc" -eq 0 ]
check "...leaving no lock or temporary file beside it" \
	sh -c "[ \$(ls -A '$TMP' | grep -c 'answers.csv') -eq 1 ] && [ ! -e '$TMP/.locks' ]"
check "...with CRLF line ends" sh -c "head -1 '$TMP/answers.csv' | od -c | grep -q '\\\\r  \\\\n'"
python3 - "$TMP/answers.csv" >"$TMP/csvcheck" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline=""), strict=True))
head = rows[0]
want = ["reference", "case type", "disposal", "inspector", "question id", "question text",
        "relevant", "answer", "answered at", "answered by", "note"]
assert head == want, head
assert all(len(r) == len(head) for r in rows), "ragged rows"
notes = {(r[0], r[4]): r[10] for r in rows[1:]}
expect = {
    "2.1.1": "Mum said \"no\", then left; twice,\nthen: caf\u00e9 \u2014 \U0001F642",
    "2.1.2": "'=HYPERLINK(\"http://example.com\")",
    "2.1.3": "'+44 7700 900000",
    "2.2.1": "'-1 point",
    "2.2.2": "'@home, \"safe\"",
}
stamp = [r for r in rows[1:] if r[0] == "ST-C01" and r[4] == "2.1.1.1"][0]
assert stamp[8] == "'=HYPERLINK(\"http://x\")", stamp
for q, v in expect.items():
    assert notes[("ST-C01", q)] == v, (q, notes[("ST-C01", q)], v)
refs = sorted({r[0] for r in rows[1:]})
assert len(refs) == 10, refs
# a court case: its domain-two questions, none of domain three
c01 = [r for r in rows[1:] if r[0] == "ST-C01"]
assert all(r[4].startswith("2.") for r in c01), "a court case has out-of-court rows"
assert len(c01) == 63, len(c01)  # 12 key questions and 51 prompts of 2.1-2.4
row = [r for r in c01 if r[4] == "2.1.1.4"][0]
assert row[1] == "Court disposal" and row[6] == "yes" and row[7] in ("yes", "no", "na"), row
assert row[8].endswith("Z") and row[9] == "Daniel Okafor", row
print("rows", len(rows) - 1)
EOF
rc=$?
sed 's/^/    /' "$TMP/csvcheck"
check "answers.csv reads back with Python's csv module: quotes, commas, newlines and UTF-8 exact, formulas guarded with '" [ "$rc" -eq 0 ]
run "$o" "$e" "$YJ" export "$c" --format csv --table ratings
check "export --format csv --table ratings to stdout" [ "$rc" -eq 0 ]
python3 - "$o" >"$TMP/csvcheck" 2>&1 <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
kq = {r["id"]: r for r in rows if r["kind"] == "key question"}
std = {r["id"]: r for r in rows if r["kind"] == "standard"}
assert (kq["2.2.2"]["relevant"], kq["2.2.2"]["yes"], kq["2.2.2"]["percent"]) == ("5", "3", "60"), kq["2.2.2"]
assert kq["3.4.2"]["percent"] == "" and kq["3.4.2"]["relevant"] == "0", kq["3.4.2"]
assert std["2.2"]["rating"] == "Good" and std["2.2"]["decision from"] == "Requires improvement", std["2.2"]
assert std["2.2"]["why"] == 'Sub-sample of five; "strong" <others>', std["2.2"]["why"]
assert std["1.1"]["rating"] == "Good" and std["1.1"]["score"] == "2", std["1.1"]
over = [r for r in rows if r["kind"] == "overall"][0]
assert (over["score"], over["max"], over["rating"]) == ("15", "36", "Requires improvement"), over
assert len(kq) == 23 and len(std) == 12, (len(kq), len(std))
EOF
rc=$?
sed 's/^/    /' "$TMP/csvcheck"
check "ratings.csv: a row per key question and standard, and the overall row, read back" [ "$rc" -eq 0 ]
mkdir "$TMP/both"
run "$o" "$e" "$YJ" export "$c" --format csv -o "$TMP/both"
check "export --format csv -o FOLDER writes answers.csv and ratings.csv" \
	sh -c "[ '$rc' -eq 0 ] && [ \"\$(ls -A '$TMP/both' | tr '\\n' ' ')\" = 'answers.csv ratings.csv ' ]"

# ---- several folders, as the team's: one export
t1="$TMP/team1" t2="$TMP/team2"
cp -r "$FIX/south-tyneside-2020" "$t1"
chmod -R u+w,go= "$t1"	# the source tree may be read-only (distcheck); ours alone
cp -r "$FIX/south-tyneside-2020" "$t2"
chmod -R u+w,go= "$t2"	# the source tree may be read-only (distcheck); ours alone
rm -rf "$t1"/cases/ST-O0*.ini "$t2"/cases/ST-C0*.ini "$t1"/cases/*.lock "$t2"/cases/*.lock \
	"$t1"/cases/.locks "$t2"/cases/.locks
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md -o "$TMP/team.md"
check "two folders export as one" [ "$rc" -eq 0 ]
python3 "$top_srcdir/tests/export_check.py" md "$TMP/team.md" "$PUB/south-tyneside-2020.json" >"$TMP/cmp"
check "...with every published figure of the whole inspection ($(tail -1 "$TMP/cmp"))" [ $? -eq 0 ]
check "...naming both folders" contains "$TMP/team.md" "Folders: $t1, $t2"
run "$o" "$e" "$YJ" export "$t1" "$t1" --format md
check "one folder given twice is refused" sh -c "[ '$rc' -eq 1 ] && grep -qF '$t1: given twice: its cases would be counted twice' '$e'"
run "$o" "$e" "$YJ" export "$t1" "$t1/" --format md
check "...however it is spelt" [ "$rc" -eq 1 ]
cp "$t1/cases/ST-C01.ini" "$t2/cases/ST-C01.ini"
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md -o "$TMP/team2.md"
check "one case in two folders, the same copy, counts once" [ "$rc" -eq 0 ]
python3 "$top_srcdir/tests/export_check.py" md "$TMP/team2.md" "$PUB/south-tyneside-2020.json" >"$TMP/cmp"
check "...every published figure still ($(tail -1 "$TMP/cmp"))" [ $? -eq 0 ]
sed -i 's/^2\.1\.1\.1 = yes$/2.1.1.1 = no/' "$t2/cases/ST-C01.ini"
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md
check "a copy that differs: one case, its difference a conflict" contains "$e" \
	"$t2/cases/ST-C01.ini: the same case as $t1/cases/ST-C01.ini, with 1 key given differently"
check "...which the export says, counted neither way" contains "$o" "Conflicts: 1 key in 1 case changed differently"
run "$o" "$e" "$YJ" check "$t1" "$t2"
check "...and check of the two lists it" contains "$o" "$t1/cases/ST-C01.ini: [answers] 2.1.1.1: a conflict from a merge"
rm "$t2/cases/ST-C01.ini"
sed -i 's/^1\.1 = good$/1.1 = outstanding/' "$t2/inspection.ini"
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md
check "folders that disagree on a judgement: a conflict, not judged" sh -c \
	"grep -qF '$t2/inspection.ini: [judgements] 1.1: outstanding, but $t1/inspection.ini records good: a conflict' '$e' && grep -q 'Conflicts: 1 in inspection.ini' '$o'"
sed -i 's/^1\.1 = outstanding$/1.1 = good/' "$t2/inspection.ini"
"$YJ" findings "$t1" 1.2 --strength "One thing" >/dev/null
"$YJ" findings "$t2" 1.2 --strength "Another thing" >/dev/null
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md
check "folders that disagree on findings: both kept" sh -c "[ '$rc' -eq 0 ] && grep -q '\[findings.1.2\] strengths: not those $t1/inspection.ini records: both kept' '$e' && grep -q 'One thing' '$o' && grep -q 'Another thing' '$o'"
sed -i 's/^service = .*/service = "Another Youth Justice Service"/' "$t2/inspection.ini"
run "$o" "$e" "$YJ" summary "$t1" "$t2"
check "a folder of another inspection (its service) is refused, naming both" sh -c \
	"[ '$rc' -eq 1 ] && grep -qF \"$t2/inspection.ini: [inspection] service: 'Another Youth Justice Service', but $t1/inspection.ini has\" '$e'"
sed -i 's/^service = .*/service = "South Tyneside Youth Justice Service"/' "$t2/inspection.ini"
"$YJ" findings "$t2" 1.2 --clear >/dev/null
"$YJ" findings "$t2" 1.3 --improvement "From the second laptop" >/dev/null
run "$o" "$e" "$YJ" export "$t1" "$t2" --format md
check "findings recorded in one folder only are taken from it" sh -c "[ '$rc' -eq 0 ] && grep -q '^- From the second laptop' '$o' && grep -q '^- One thing' '$o'"
"$YJ" new "$TMP/other" --framework yj-2021 --service X >/dev/null
run "$o" "$e" "$YJ" export "$t1" "$TMP/other" --format md
check "folders of two frameworks are refused" [ "$rc" -eq 1 ]
check "...naming both" contains "$e" "framework: yj-2021, but $t1/inspection.ini is yj-2019"

# ---- refusals: usage, and nothing written over what exists
run "$o" "$e" "$YJ" export "$c" --format csv
check "csv without --table or -o FOLDER: a usage error" [ "$rc" -eq 2 ]
check "...saying which to choose" contains "$e" "say which with --table answers or --table ratings"
run "$o" "$e" "$YJ" export "$c" --format pdf
check "an unknown format: a usage error" [ "$rc" -eq 2 ]
check "...naming it" contains "$e" "export --format takes html, md or csv, not 'pdf'"
run "$o" "$e" "$YJ" export "$c"
check "no --format: a usage error" [ "$rc" -eq 2 ]
run "$o" "$e" "$YJ" export "$c" --format md --table answers
check "--table with md: a usage error" [ "$rc" -eq 2 ]
run "$o" "$e" "$YJ" export "$c" --format html -o "$TMP/both"
check "html -o FOLDER: a usage error" [ "$rc" -eq 2 ]
echo "old report" >"$TMP/keep.html"
sed -i 's/^2\.1\.1 = yes$/2.1.1 = maybe/' "$c/cases/ST-C01.ini"
run "$o" "$e" "$YJ" export "$c" --format html -o "$TMP/keep.html"
check "an inspection with errors is not exported" [ "$rc" -eq 1 ]
check "...the error names the file and key" contains "$e" "ST-C01.ini:"
check "...and the old export is untouched" [ "$(cat "$TMP/keep.html")" = "old report" ]
mkdir "$TMP/ro"
chmod 0555 "$TMP/ro"
if [ "$(id -u)" -ne 0 ]; then
	run "$o" "$e" "$YJ" export "$d" --format html -o "$TMP/ro/report.html"
	check "a folder that cannot be written: exit 1" [ "$rc" -eq 1 ]
	check "...naming the file" contains "$e" "$TMP/ro/report.html"
else
	echo "# skipped as root: a read-only folder is writable by root"
fi
run "$o" "$e" "$YJ" export "$TMP/nowhere" --format md
check "a folder that is not an inspection: exit 1" [ "$rc" -eq 1 ]
check "...naming it" contains "$e" "$TMP/nowhere"

finish
