#!/bin/sh
# layers.sh - the house in layers: every file in src/ includes and calls
# only its own folder and the folders below it. Reads each #include "..."
# of src/ and, from the compiled objects (nm), each call or use of a data
# symbol from one source file into another; fails on one that runs upward
# or into a sibling, on an include without its folder, on curses below the
# terminal UI, and on a cycle between files (each printed with the symbols
# that tie it). Prints the figures of the tree too: folders, the deepest
# chain of includes, upward references, cycles, the largest file.
# Skipped (77) if the objects are not built.
. "$top_srcdir/tests/lib.sh"

# ---- the layers, lowest first: FOLDER RANK. A folder may use its own
# folder and any folder of a lower rank; folders of the same rank are
# siblings and may not use each other. A folder added later is one line.
LAYERS='
base	1
store	2
model	3
team	4
out	4
tui	5
cli	6
'
# curses (and its form, panel and menu libraries) only from this rank up
CURSES_RANK=5

L="$TMP/layers"
printf '%s\n' "$LAYERS" | awk 'NF == 2' >"$L"

# ---- includes: "FOLDER/FILE" of its own folder or a lower one; curses
# only in the terminal UI and above.
# includes EDGES FILE...: each FILE (src/FOLDER/NAME) checked, one line for
# each fault on stdout; the include graph (FROM TO) written to EDGES
includes() {
	edges=$1; shift
	awk -v lfile="$L" -v cr="$CURSES_RANK" -v edges="$edges" '
		BEGIN { while ((getline line < lfile) > 0) { split(line, p); rank[p[1]] = p[2] } }
		FNR == 1 { split(FILENAME, p, "/"); from = p[2] }
		!/^[ \t]*#[ \t]*include/ { next }
		{
			where = FILENAME ":" FNR ": " $0
			if (match($0, /"[^"]*"/)) {
				name = substr($0, RSTART + 1, RLENGTH - 2)
				if (name == "config.h")
					next
				n = split(name, q, "/")
				if (n < 2) {
					print "  " where ": an include without its folder (write \"FOLDER/" name "\")"
					next
				}
				to = q[1]
				print FILENAME, "src/" name > edges
				if (!(to in rank))
					print "  " where ": " to "/ is not a folder of the layers table"
				else if (to != from && rank[to] >= rank[from])
					print "  " where ": " from " (rank " rank[from] ") may not use " to \
					    " (rank " rank[to] (rank[to] == rank[from] ? ", a sibling" : ", above it") ")"
			} else if ($0 ~ /<(ncursesw?\/)?(n?curses|form|panel|menu|term)\.h>/ && rank[from] < cr) {
				print "  " where ": curses below the terminal UI (the core has no curses)"
			}
		}' "$@"
	touch "$edges"
}

# ---- calls and uses of data across files: each undefined symbol of a
# file's object to the file that defines it (symbols defined outside src/,
# libc, iniparser, ncurses, are left alone).
# calls NM EDGES: NM holds "FILE SYMBOL TYPE" lines (nm -P of FILE's
# object); one line for each fault on stdout; the file graph (FROM TO
# SYMBOL) written to EDGES
calls() {
	awk -v lfile="$L" -v edges="$2" '
		BEGIN { while ((getline line < lfile) > 0) { split(line, p); rank[p[1]] = p[2] } }
		{ file[NR] = $1; sym[NR] = $2; type[NR] = $3 }
		$3 ~ /^[A-TV-Z]$/ && !($2 in def) { def[$2] = $1 }
		END {
			for (i = 1; i <= NR; i++) {
				if (type[i] != "U" || !(sym[i] in def) || def[sym[i]] == file[i])
					continue
				to = def[sym[i]]
				print file[i], to, sym[i] > edges
				split(file[i], p, "/"); a = p[2]
				split(to, p, "/"); b = p[2]
				if (a != b && rank[b] >= rank[a])
					print "  " file[i] " (" a ") uses " sym[i] " of " to " (" b "): " \
					    (rank[b] == rank[a] ? "a sibling" : "above it")
			}
		}' "$1" | LC_ALL=C sort
	touch "$2"
}

# ---- cycles: strongly connected parts of a graph (FROM TO [LABEL]) of more
# than one file, each with the edges inside it; the deepest path of the
# include graph (its cycles cut) as "depth<TAB>chain"
graph() {
	LC_ALL=C sort -u "$1" | awk -v what="$2" -v deep="${3:-}" '
	function connect(v,   i, n, w, out) {
		index_[v] = low[v] = ++counter
		stack[++sp] = v; onstack[v] = 1
		n = split(adj[v], out, " ")
		for (i = 1; i <= n; i++) {
			w = out[i]
			if (!(w in index_)) {
				connect(w)
				if (low[w] < low[v]) low[v] = low[w]
			} else if (onstack[w] && index_[w] < low[v])
				low[v] = index_[w]
		}
		if (low[v] == index_[v]) {
			ncomp++; size = 0
			do {
				w = stack[sp--]; onstack[w] = 0
				comp[w] = ncomp; size++
			} while (w != v)
			csize[ncomp] = size
		}
	}
	# the longest chain from v, edges inside a cycle left out
	function depth(v,   i, n, w, out, d) {
		if (v in dep) return dep[v]
		dep[v] = 1
		n = split(adj[v], out, " ")
		for (i = 1; i <= n; i++) {
			w = out[i]
			if (comp[w] == comp[v]) continue
			d = depth(w) + 1
			if (d > dep[v]) { dep[v] = d; nxt[v] = w }
		}
		return dep[v]
	}
	{
		if (!(($1, $2) in seen)) { adj[$1] = adj[$1] " " $2; seen[$1, $2] = 1 }
		node[$1] = node[$2] = 1
		if (NF > 2) label[$1, $2] = label[$1, $2] (label[$1, $2] == "" ? "" : ", ") $3
	}
	END {
		# the files in order, so that the report reads the same every time
		n = 0
		for (v in node) {
			for (i = ++n; i > 1 && names[i - 1] > v; i--) names[i] = names[i - 1]
			names[i] = v
		}
		for (i = 1; i <= n; i++) if (!(names[i] in index_)) connect(names[i])
		for (c = 1; c <= ncomp; c++) {
			if (csize[c] < 2) continue
			files = ""
			for (i = 1; i <= n; i++) if (comp[names[i]] == c) files = files " " names[i]
			print "  " what " cycle of " csize[c] " files:" files
			for (i = 1; i <= n; i++) {
				v = names[i]
				if (comp[v] != c) continue
				m = split(adj[v], out, " ")
				for (j = 1; j <= m; j++)
					if (comp[out[j]] == c)
						print "    " v " -> " out[j] (label[v, out[j]] == "" ? "" : ": " label[v, out[j]])
			}
		}
		if (deep != "") {
			best = 0
			for (v in node) if (depth(v) > best || (depth(v) == best && v < top)) { best = depth(v); top = v }
			chain = top
			for (v = top; v in nxt; v = nxt[v]) chain = chain " -> " nxt[v]
			printf "%d\t%s\n", best, chain > deep
		}
	}'
}

# ---- the checks themselves: each fails on a made-up tree that breaks it,
# and names the file, what it uses and both folders
bad="$TMP/bad"
mkdir -p "$bad/src/base" "$bad/src/team" "$bad/src/cli"
printf '#include "config.h"\n#include "tui/tui.h"\n#include "buf.h"\n#include <curses.h>\n' >"$bad/src/base/up.c"
printf '#include "out/csv.h"\n' >"$bad/src/team/side.c"
printf '#include "base/buf.h"\n#include "cli/cli.h"\n#include <curses.h>\n' >"$bad/src/cli/fine.c"
(cd "$bad" && includes "$bad/inc.edges" src/base/up.c src/team/side.c src/cli/fine.c) >"$bad/inc.err"
check "the include check finds an include upward, one into a sibling, one without its folder and curses in the core, and nothing else" \
	sh -c "[ \$(wc -l <'$bad/inc.err') -eq 4 ] &&
	    grep -q '^  src/base/up.c:2: #include \"tui/tui.h\": base (rank 1) may not use tui (rank 5, above it)' '$bad/inc.err' &&
	    grep -q '^  src/team/side.c:1: .*team (rank 4) may not use out (rank 4, a sibling)' '$bad/inc.err' &&
	    grep -q '^  src/base/up.c:3: .*without its folder' '$bad/inc.err' &&
	    grep -q '^  src/base/up.c:4: .*curses below the terminal UI' '$bad/inc.err'"
printf '%s\n' 'src/base/up.c tui_message U' 'src/tui/tui.c tui_message T' \
	'src/team/side.c csv_answers U' 'src/out/csv.c csv_answers T' \
	'src/cli/fine.c buf_init U' 'src/base/buf.c buf_init T' 'src/cli/fine.c printf U' \
	'src/base/buf.c buf_free T' 'src/tui/tui.c buf_free U' 'src/base/up.c up_probe T' \
	'src/base/buf.c up_probe U' >"$bad/nm"
calls "$bad/nm" "$bad/call.edges" >"$bad/call.err"
check "the call check finds a call upward and one into a sibling, and nothing else" \
	sh -c "[ \$(wc -l <'$bad/call.err') -eq 2 ] &&
	    grep -q '^  src/base/up.c (base) uses tui_message of src/tui/tui.c (tui): above it' '$bad/call.err' &&
	    grep -q '^  src/team/side.c (team) uses csv_answers of src/out/csv.c (out): a sibling' '$bad/call.err'"
graph "$bad/call.edges" call >"$bad/call.cyc"
check "the cycle check finds a cycle and names its files and symbols" \
	sh -c "grep -q '^  call cycle of 3 files: src/base/buf.c src/base/up.c src/tui/tui.c' '$bad/call.cyc' &&
	    grep -q '^    src/base/up.c -> src/tui/tui.c: tui_message' '$bad/call.cyc' &&
	    [ \$(grep -c '^    ' '$bad/call.cyc') -eq 3 ]"

cd "$top_srcdir" || exit 1
find src -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort >"$TMP/sources"

# ---- the folders: each one in the table, no source outside them
ls -d src/*/ 2>/dev/null | sed 's|^src/||; s|/$||' >"$TMP/folders"
awk 'NR == FNR { rank[$1] = 1; next }
	!($1 in rank) { print "  src/" $1 "/: a folder that is not in the layers table at the top of tests/layers.sh" }' \
	"$L" "$TMP/folders" >"$TMP/folders.err"
awk -F/ 'NF != 3 { print "  " $0 ": not in a layer folder (src/FOLDER/FILE)" }' \
	"$TMP/sources" >>"$TMP/folders.err"
check "every source file is in a folder of the layers table" [ ! -s "$TMP/folders.err" ]
cat "$TMP/folders.err"

# ---- README's Layout names every folder and, in its paragraph, every file
awk 'NR == FNR { if (/^    src\/[a-z]+\//) { split($1, p, "/"); f = p[2] }
		else if (!/^                /) f = ""
		if (f != "") { t = $0; gsub(/[^A-Za-z0-9_]+/, " ", t); n = split(t, w, " ")
			for (i = 1; i <= n; i++) named[f, w[i]] = 1; folder[f] = 1 }
		next }
	{ split($0, p, "/"); name = p[3]; sub(/\.[ch]$/, "", name) }
	!(p[2] in folder) { if (!(p[2] in told)) print "  README: no paragraph for src/" p[2] "/"; told[p[2]] = 1; next }
	!((p[2], name) in named) && !(name in told) { print "  README: src/" p[2] "/ does not name " name; told[name] = 1 }' \
	README "$TMP/sources" >"$TMP/readme.err"
check "README's Layout says what is in each folder" [ ! -s "$TMP/readme.err" ]
cat "$TMP/readme.err"

includes "$TMP/inc.edges" $(cat "$TMP/sources") >"$TMP/inc.err"
check "every #include runs to its own folder or a lower one" [ ! -s "$TMP/inc.err" ]
cat "$TMP/inc.err"
graph "$TMP/inc.edges" include "$TMP/deep" >"$TMP/inc.cyc"
check "no cycle of includes between files" [ ! -s "$TMP/inc.cyc" ]
cat "$TMP/inc.cyc"

# ---- the objects: one (or more) for each .c, as automake names them
# (FILE.o, or TARGET-FILE.o for a program with its own flags)
if ! command -v nm >/dev/null 2>&1; then
	echo "SKIP: nm is not installed (binutils; setup.sh installs build-essential): calls cannot be read"
	[ "$failed" -eq 0 ] || finish
	exit 77
fi
: >"$TMP/nm"
missing=
for c in $(grep '\.c$' "$TMP/sources"); do
	dir=${c%/*} base=${c##*/}; base=${base%.c}
	found=
	for o in "$top_builddir/$dir/$base.o" "$top_builddir/$dir"/*-"$base.o"; do
		[ -f "$o" ] || continue
		found=1
		nm -P "$o" | awk -v f="$c" '{ print f, $1, $2 }' >>"$TMP/nm"
	done
	[ -n "$found" ] || missing="$missing $c"
done
if [ -n "$missing" ]; then
	echo "SKIP: no object in $top_builddir for:$missing (build first: make)"
	[ "$failed" -eq 0 ] || finish
	exit 77
fi

calls "$TMP/nm" "$TMP/call.edges" >"$TMP/call.err"
check "every call and use of data runs to its own folder or a lower one" [ ! -s "$TMP/call.err" ]
cat "$TMP/call.err"

graph "$TMP/call.edges" call >"$TMP/call.cyc"
check "no cycle of calls between files" [ ! -s "$TMP/call.cyc" ]
cat "$TMP/call.cyc"

# ---- the figures
largest=$(xargs wc -l <"$TMP/sources" | grep -v ' total$' | sort -rn | awk 'NR == 1 { print $2 ", " $1 " lines" }')
echo "# folders: $(wc -l <"$TMP/folders")"
echo "# source files: $(wc -l <"$TMP/sources")"
echo "# deepest chain of includes: $(cut -f1 "$TMP/deep") files: $(cut -f2 "$TMP/deep")"
echo "# includes running upward or sideways: $(grep -c 'may not use' "$TMP/inc.err")"
echo "# calls and uses of data running upward or sideways: $(wc -l <"$TMP/call.err")"
echo "# cycles between files: $(grep -c '^  call cycle' "$TMP/call.cyc") of calls, $(grep -c '^  include cycle' "$TMP/inc.cyc") of includes"
echo "# largest source file: $largest"

finish
