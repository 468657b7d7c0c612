#!/bin/sh
# browser.sh - the html export rendered by a real browser: Debian's chromium,
# headless, prints the South Tyneside report to PDF on A4 and takes a
# screenshot. The PDF must have the expected pages and text (pdftotext):
# the title block and ratings on page 1, each case-rated standard starting a
# page, no key-question or prompt table split across pages. Chromium's own
# network log must show no request made by the page (its own update and
# sign-in requests are told apart by their initiator; a control page that
# does fetch shows the check can see one). Skipped, saying why, where
# chromium or pdftotext is not installed (setup.sh installs both).
. "$top_srcdir/tests/lib.sh"

for tool in chromium pdftotext pdfinfo python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "SKIP: $tool is not installed (setup.sh installs it for the tests): the html export is not rendered in a browser here"
		exit 77
	fi
done

# render URL-FILE OUT-OPTION NETLOG: headless chromium, its own profile,
# no sandbox (the tests may run as root), bounded in time
render() {
	rm -rf "$TMP/profile"
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-default-apps --disable-extensions --mute-audio \
		--user-data-dir="$TMP/profile" --log-net-log="$3" --no-pdf-header-footer \
		--window-size=1000,1400 "$2" "file://$1" >"$TMP/chromium.log" 2>&1
}

# page_requests NETLOG: the URLs of requests a page made (initiator is an
# origin: file pages have "null"); chromium's own have "not an origin"
page_requests() {
	python3 - "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
start = d["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
for e in d["events"]:
    p = e.get("params", {})
    if e["type"] == start and "url" in p and p.get("initiator") != "not an origin":
        print(p.get("url"))
EOF
}

FIX="$top_srcdir/tests/fixtures"
html="$TMP/report.html"
"$YJ" export "$FIX/south-tyneside-2020" --no-cache --format html -o "$html"
check "the South Tyneside html export is written" [ -s "$html" ]

render "$html" --print-to-pdf="$TMP/report.pdf" "$TMP/net.json"
[ -s "$TMP/report.pdf" ] || sed 's/^/    chromium: /' "$TMP/chromium.log"
check "chromium prints it to PDF" [ -s "$TMP/report.pdf" ]
pdfinfo "$TMP/report.pdf" >"$TMP/info" 2>&1
pages=$(sed -n 's/^Pages: *//p' "$TMP/info")
check "the PDF is A4" grep -q "^Page size: *59[45].* x 84[12].* pts (A4)" "$TMP/info"
check "the PDF has at least 13 pages (ratings, domain one, eight case-rated standards; $pages)" \
	[ "${pages:-0}" -ge 13 ]
page() { pdftotext -layout -f "$1" -l "$1" "$TMP/report.pdf" - 2>/dev/null; }
page 1 >"$TMP/p1"
check "page 1: the title block" sh -c "grep -q 'South Tyneside Youth Justice Service' '$TMP/p1' && grep -q 'Fieldwork *2020-10-19 to 2020-10-22' '$TMP/p1' && grep -q 'Cases *10 (6 court, 4 oocd)' '$TMP/p1'"
check "page 1: the ratings table, the score and the overall rating" \
	sh -c "grep -q '3.2 Planning *Inadequate' '$TMP/p1' && grep -q 'Score *14/36' '$TMP/p1' && grep -q 'Overall rating *Requires improvement' '$TMP/p1'"

# every page's text, and the first line of each
i=1
while [ "$i" -le "${pages:-0}" ]; do
	page "$i" >"$TMP/page.$i"
	i=$((i + 1))
done
# find_page TEXT: the first page holding TEXT (a fixed string)
find_page() {
	j=1
	while [ "$j" -le "${pages:-0}" ]; do
		grep -qF -- "$1" "$TMP/page.$j" && { echo "$j"; return 0; }
		j=$((j + 1))
	done
	echo 0
}
for s in "2.1 Assessment" "2.2 Planning" "2.3 Implementation and delivery" "2.4 Reviewing" \
	"3.1 Assessment" "3.2 Planning" "3.3 Implementation and delivery" "3.4 Joint working"; do
	id=${s%% *}
	n=$(find_page "$s: key questions")
	first=$(grep -v '^[[:space:]]*$' "$TMP/page.$n" 2>/dev/null | head -2 | sed 's/^ *//' | tr '\n' '|')
	check "$s starts a page (page $n: $first)" \
		sh -c "[ '$n' -gt 1 ] && case '$first' in '$s|'*|[23].\\ *'|$s|') true;; *) false;; esac"
	# the key-question table whole on its page: each of its rows is there
	check "...its key-question table is not split (page $n)" \
		sh -c "for q in 1 2 3; do [ '$id' = 3.4 ] && [ \$q = 3 ] && continue; grep -q '^ *$id.'\$q' ' '$TMP/page.$n' || exit 1; done"
done
for kq in 2.1.1:7 2.2.3:5 2.3.1:7 3.1.1:7 3.4.1:6; do
	id=${kq%%:*} np=${kq##*:}
	n=$(find_page "$id prompts")
	check "the $id prompt table ($np prompts) is on one page (page $n)" \
		sh -c "[ '$n' -gt 0 ] && for k in \$(seq 1 $np); do grep -q '^ *$id.'\$k' ' '$TMP/page.$n' || exit 1; done"
done
check "the PDF holds every prompt's text (2.1.1.6, page $(find_page "2.1.1.6 Does assessment give"))" \
	[ "$(find_page "2.1.1.6 Does assessment give")" -gt 0 ]

page_requests "$TMP/net.json" >"$TMP/requests"
sed 's/^/    request: /' "$TMP/requests"
check "the page made no network request" [ ! -s "$TMP/requests" ]

render "$html" --screenshot="$TMP/report.png" "$TMP/net2.json"
check "chromium takes a screenshot of it" sh -c "[ \$(wc -c <'$TMP/report.png') -gt 10000 ] && head -c 8 '$TMP/report.png' | od -c | grep -q 'P   N   G'"

# the control: a page that does fetch is seen fetching
printf '<!DOCTYPE html><title>fetch</title><img src="http://127.0.0.1:9/x.png" alt="">\n' >"$TMP/fetch.html"
render "$TMP/fetch.html" --print-to-pdf="$TMP/fetch.pdf" "$TMP/net3.json"
page_requests "$TMP/net3.json" >"$TMP/requests"
check "control: a page that fetches is seen doing so" grep -q "^http://127.0.0.1:9/x.png" "$TMP/requests"

finish
