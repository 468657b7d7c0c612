#!/usr/bin/env python3
"""export_check.py FORMAT EXPORT PUBLISHED.json

Read a yjinspect export (FORMAT md or html) as a reader would (the tables'
cells, through Python's html.parser for html) and compare it, figure by
figure, with a published report's tables transcribed in PUBLISHED.json:
the score and maximum, the overall rating, every standard's rating, every
key question's relevant cases, number 'Yes' and % 'Yes' (and whether it is
marked "*Professional discretion applied"), every prompt's figures where
the report prints them, and each prompt table's sub-sample heading. A
figure the report prints that the export lacks is a mismatch too.

Prints one line per mismatch and a last line "N figures compared, M
mismatches"; exits 1 when there is any mismatch or nothing was compared.
"""
import html.parser
import json
import re
import sys

APPLIED = "*Professional discretion applied"
MARKS = "\u25c6\u2020\u00b9"  # the export's marks after a rating: candidate, decision, uncounted
SCORES = {"Inadequate": 0, "Requires improvement": 1, "Good": 2, "Outstanding": 3}


def half_up(yes, relevant):
    return (200 * yes + relevant) // (2 * relevant)


class Tables(html.parser.HTMLParser):
    """Every table of an html page: its rows, each a list of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("th", "td") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def md_tables(text):
    tables, cur = [], None
    for line in text.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            cells = [re.sub(r"\\(.)", r"\1", c).strip() for c in cells]
            cells = [c[2:-2] if c.startswith("**") and c.endswith("**") else c for c in cells]
            if all(re.fullmatch(r"-+:?", c) for c in cells):
                continue
            if cur is None:
                cur = []
                tables.append(cur)
            cur.append(cells)
        else:
            cur = None
    return tables


def read_export(fmt, path):
    text = open(path, encoding="utf-8").read()
    if fmt == "html":
        p = Tables()
        p.feed(text)
        return p.tables
    return md_tables(text)


def figures(tables):
    """The export's figures by id: ratings, rows of key questions and
    prompts, the prompt tables' headings (by key question)."""
    got = {"std": {}, "row": {}, "heading": {}}
    for t in tables:
        head = t[0][0] if t else ""
        for cells in t[1:]:
            name = cells[0]
            m = re.match(r"(\d+(?:\.\d+)+) ", name)
            if len(cells) == 2:
                if name == "Score":
                    got["score"] = cells[1]
                elif name == "Overall rating":
                    got["overall"] = cells[1]
                elif m:
                    got["std"][m.group(1)] = cells[1].rstrip(" " + MARKS)
            elif len(cells) == 4 and m:
                qid = m.group(1)
                got["row"][qid] = (cells[1], cells[2], cells[3], APPLIED in name)
                if qid.count(".") == 3:
                    got["heading"][qid.rsplit(".", 1)[0]] = head.rstrip(":")
    return got


def main():
    fmt, path, published = sys.argv[1:4]
    pub = json.load(open(published, encoding="utf-8"))
    got = figures(read_export(fmt, path))
    compared, bad = 0, []

    def same(what, have, want):
        nonlocal compared
        compared += 1
        if have != want:
            bad.append(f"{what}: export has {have!r}, published {want!r}")

    counted = [s for s in pub["standards"] if not (s["id"] == "4.1")]
    score = pub["overall"]["score"]
    if score is None:  # not printed (South Tees): the published ratings give it
        score = sum(SCORES[s["rating"]] for s in counted)
    same("score", got.get("score"), f"{score}/{pub['overall']['max']}")
    same("overall rating", got.get("overall"), pub["overall"]["rating"])
    for s in pub["standards"]:
        same(f"standard {s['id']} rating", got["std"].get(s["id"]), s["rating"])
        for kq in s.get("key_questions", []):
            if kq.get("relevant") is None and kq.get("percent") is None:
                continue  # domain one: no figures
            row = got["row"].get(kq["id"])
            if row is None:
                bad.append(f"key question {kq['id']}: not in the export")
                continue
            if kq.get("relevant") is not None:
                same(f"{kq['id']} relevant", row[0], str(kq["relevant"]))
                same(f"{kq['id']} yes", row[1], str(kq["yes"]))
            pct = kq.get("percent")
            if pct is None and kq.get("relevant"):
                pct = half_up(kq["yes"], kq["relevant"])
            same(f"{kq['id']} % yes", row[2], f"{pct}%" if pct is not None else "\u2013")
            same(f"{kq['id']} discretion mark", row[3], bool(kq.get("discretion")))
            if kq.get("sample_label") and kq.get("prompts"):
                same(f"{kq['id']} prompt table heading", got["heading"].get(kq["id"]),
                     kq["sample_label"])
            for i, p in enumerate(kq.get("prompts", []), 1):
                pid = f"{kq['id']}.{i}"
                prow = got["row"].get(pid)
                if prow is None:
                    bad.append(f"prompt {pid}: not in the export")
                    continue
                same(f"{pid} relevant", prow[0], str(p["relevant"]))
                same(f"{pid} yes", prow[1], str(p["yes"]))
                ppct = half_up(p["yes"], p["relevant"]) if p["relevant"] else None
                same(f"{pid} % yes", prow[2], f"{ppct}%" if ppct is not None else "\u2013")
    for b in bad:
        print(b)
    print(f"{compared} figures compared, {len(bad)} mismatches")
    return 1 if bad or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
