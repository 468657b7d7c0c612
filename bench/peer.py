#!/usr/bin/env python3
"""peer.py DIR - what an analyst would write instead of yjinspect summary:
read every case file of DIR/cases with Python's configparser and count,
per question, the answers 'yes' among 'yes' and 'no'. Less work than
yjinspect does (no relevance, no validation, no ratings): a floor for a
scripted peer, timed by bench/run.sh."""
import configparser
import glob
import os
import sys

def main():
    yes, answered = {}, {}
    for path in glob.glob(os.path.join(sys.argv[1], "cases", "*.ini")):
        cp = configparser.ConfigParser(interpolation=None, strict=False)
        cp.read(path, encoding="utf-8")
        if not cp.has_section("answers"):
            continue
        for q, v in cp.items("answers"):
            if v in ("yes", "no"):
                answered[q] = answered.get(q, 0) + 1
                yes[q] = yes.get(q, 0) + (v == "yes")
    for q in sorted(answered):
        print("%s\t%d\t%d\t%d%%" % (q, yes[q], answered[q], round(100 * yes[q] / answered[q])))

if __name__ == "__main__":
    main()
