#!/usr/bin/env python3
"""The model card's regeneration tables from docs/eval/<id>/table.json (xcomp eval outputs).

    tools/model_card_tables.py [EVAL_DIR] [MODEL_DIR]     (defaults docs/eval, resources/models/default)

First table: one row per compressor id and metric (BLEU, ROUGE-L F, EM, prefix EM) over 96-480
tokens, as `xcomp regenerate --compressor ID` runs them: a cell within a length variant's range
(compressors/*/compressor.json: variant_of, serves_up_to) is the variant's evaluation, marked *.
`xcomp eval --compressor ID` routes the same way; evaluating each member on its own and joining the
cells here gives the same numbers. Second table: the variants themselves at the lengths they serve.
"""
import glob
import json
import os
import sys

LENGTHS = [96, 192, 288, 384, 480]
ORDER = ["aoc-m16", "aoc-m4", "aoc-m1", "500x-m16", "500x-m4", "500x-m1", "icae-m16", "icae-m4", "icae-m1"]
METRICS = [("bleu", "BLEU", "{:.3f}"), ("rouge_l_f", "ROUGE-L F", "{:.3f}"), ("exact_match", "EM", "{:.1%}"),
           ("prefix_exact_match", "prefix EM", "{:.3f}")]


def cells_of(root, cid):
    path = os.path.join(root, cid, "table.json")
    if not os.path.exists(path):
        return None
    return {c["length"]: c for c in json.load(open(path))["cells"]}


def variants_of(model):
    out = {}  # family id -> [(serves_up_to, variant id)]
    for path in glob.glob(os.path.join(model, "compressors", "*", "compressor.json")):
        c = json.load(open(path))
        if c.get("variant_of"):
            out.setdefault(c["variant_of"], []).append((c["serves_up_to"], c["id"]))
    return {k: sorted(v) for k, v in out.items()}


def main(root, model):
    variants = variants_of(model)
    print("| compressor | metric | " + " | ".join(str(n) for n in LENGTHS) + " | texts at 96 |")
    print("|---|---|" + "---|" * len(LENGTHS) + "---|")
    for cid in ORDER:
        own = cells_of(root, cid)
        if own is None:
            continue
        routed = {}
        for n in LENGTHS:
            ran = next((v for up_to, v in variants.get(cid, []) if n <= up_to), None)
            vcells = cells_of(root, ran) if ran else None
            if vcells and n in vcells:
                routed[n] = (vcells[n], "*")
            elif n in own:
                routed[n] = (own[n], "")
        for key, name, fmt in METRICS:
            row = [fmt.format(routed[n][0][key]) + routed[n][1] if n in routed else "–" for n in LENGTHS]
            n96 = str(routed[96][0]["n"]) if 96 in routed and key == "bleu" else ""
            print("| `{}` | {} | {} | {} |".format(cid, name, " | ".join(row), n96))
    rows = [(fam, up_to, v) for fam, vs in variants.items() for up_to, v in vs]
    if not rows:
        return
    print()
    print("| variant | run by | serves | length | n | BLEU | ROUGE-L F | EM | prefix EM |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fam, up_to, v in sorted(rows, key=lambda r: (ORDER.index(r[0]) if r[0] in ORDER else 99, r[1])):
        for n, c in sorted((cells_of(root, v) or {}).items()):
            print("| `{}` | `{}` | ≤ {} tokens | {} | {} | {:.3f} | {:.3f} | {:.1%} | {:.3f} |".format(
                v, fam, up_to, n, c["n"], c["bleu"], c["rouge_l_f"], c["exact_match"], c["prefix_exact_match"]))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/eval",
         sys.argv[2] if len(sys.argv) > 2 else "resources/models/default")
