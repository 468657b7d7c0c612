#!/usr/bin/env python3
"""gen.py TEMPLATE_DIR DIR N [SEED] - an inspection of N cases for the benchmarks.

Copies TEMPLATE_DIR/inspection.ini and makes N case files from the
template's cases (the demo: 6 court, 4 out-of-court) under references
G0000000, G0000001, ..., each with its answers varied: every key question
and prompt answered yes or no at random (seeded), N/A kept where the
template has it, so the figures differ from case to case and are not ten
cases copied over and over. The files are written as yjinspect writes
them (the template's lines, only values changed). It takes seconds for
10,000 cases, where one process per case took minutes.
"""
import os
import random
import re
import shutil
import sys

def main():
    src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 2026)
    os.makedirs(os.path.join(dst, "cases"))
    shutil.copy(os.path.join(src, "inspection.ini"), os.path.join(dst, "inspection.ini"))
    cdir = os.path.join(src, "cases")
    templates = [open(os.path.join(cdir, f), encoding="utf-8").read().split("\n")
                 for f in sorted(os.listdir(cdir)) if f.endswith(".ini")]
    answer = re.compile(r"^(\d+(?:\.\d+)+) = (yes|no)$")
    for i in range(n):
        ref = "G%07d" % i
        out, section = [], ""
        for line in templates[i % len(templates)]:
            if line.startswith("["):
                section = line
            elif line.startswith("reference = "):
                line = 'reference = "%s"' % ref
            elif section == "[answers]":
                m = answer.match(line)
                if m:  # most Yes, as in a real inspection
                    line = "%s = %s" % (m.group(1), "yes" if rng.random() < 0.75 else "no")
            out.append(line)
        with open(os.path.join(dst, "cases", ref + ".ini"), "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        os.chmod(os.path.join(dst, "cases", ref + ".ini"), 0o600)

if __name__ == "__main__":
    main()
