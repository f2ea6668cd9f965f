#!/usr/bin/env python3
"""The bad-input catalogue's table for docs/RELIABILITY.md, from tests/fixtures/bad_inputs.json.

    tools/bad_input_table.py [--write]      print the table, or replace it in docs/RELIABILITY.md

The table sits between the markers <!-- bad-inputs:begin --> and <!-- bad-inputs:end -->.
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
BEGIN, END = "<!-- bad-inputs:begin -->", "<!-- bad-inputs:end -->"


def cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def table():
    cases = json.load(open(os.path.join(root, "tests", "fixtures", "bad_inputs.json"), encoding="utf-8"))["cases"]
    rows = ["| kind | case | where | result |", "|---|---|---|---|"]
    for c in cases:
        where = " + ".join(w for w, on in (("CLI", c.get("cli")), ("workbench", c.get("workbench"))) if on)
        if c["exit"] == 0:
            result = "accepted"
        else:
            result = f"`{cell(c['expect'])}`"
            wb = c.get("workbench_expect")
            if wb and wb != c["expect"]:
                result += f"; workbench: `{cell(wb)}`"
            if c["exit"] != 1:
                result += f" (exit {c['exit']})"
        rows.append(f"| {c['kind']} | {cell(c['what'])} (`{c['id']}`) | {where} | {result} |")
    return f"{len(cases)} cases.\n\n" + "\n".join(rows) + "\n"


def main():
    t = table()
    if "--write" not in sys.argv:
        sys.stdout.write(t)
        return
    path = os.path.join(root, "docs", "RELIABILITY.md")
    doc = open(path, encoding="utf-8").read()
    a, b = doc.index(BEGIN) + len(BEGIN), doc.index(END)
    open(path, "w", encoding="utf-8").write(doc[:a] + "\n" + t + doc[b:])


if __name__ == "__main__":
    main()
