#!/usr/bin/env python3
"""The model card's regeneration table from docs/eval/<id>/table.json (xcomp eval outputs).

    tools/model_card_tables.py [EVAL_DIR]      (default docs/eval)

One row per compressor and metric (BLEU, ROUGE-L F, EM, prefix EM) over 96-480 tokens, with the
number of validation abstracts each compressor was evaluated on at 96 tokens.
"""
import json
import os
import sys

LENGTHS = [96, 192, 288, 384, 480]
ORDER = ["aoc-m16", "aoc-m4", "aoc-m1", "500x-m16", "500x-m4", "500x-m1", "icae-m16", "icae-m4", "icae-m1",
         "aoc-m16-t96"]
METRICS = [("bleu", "BLEU", "{:.3f}"), ("rouge_l_f", "ROUGE-L F", "{:.3f}"), ("exact_match", "EM", "{:.1%}"),
           ("prefix_exact_match", "prefix EM", "{:.3f}")]


def main(root):
    print("| compressor | metric | " + " | ".join(str(n) for n in LENGTHS) + " | texts at 96 |")
    print("|---|---|" + "---|" * len(LENGTHS) + "---|")
    for cid in ORDER:
        path = os.path.join(root, cid, "table.json")
        if not os.path.exists(path):
            continue
        cells = {c["length"]: c for c in json.load(open(path))["cells"]}
        for key, name, fmt in METRICS:
            row = [fmt.format(cells[n][key]) if n in cells else "–" for n in LENGTHS]
            n96 = str(cells[96]["n"]) if 96 in cells and key == "bleu" else ""
            print("| `{}` | {} | {} | {} |".format(cid, name, " | ".join(row), n96))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/eval")
