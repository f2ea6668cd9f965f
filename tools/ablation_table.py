#!/usr/bin/env python3
"""The model card's recipe-study table from `xcomp eval` outputs and the compressors' training records.

    tools/ablation_table.py NAME=EVAL_DIR:COMPRESSOR_DIR [NAME=...] > table.md

EVAL_DIR holds table.json (xcomp eval --out); COMPRESSOR_DIR holds compressor.json, whose "training"
object says how the compressor was trained. One row per arm; each length's cell is
BLEU / ROUGE-L F / EM / prefix EM.
"""
import json
import os
import sys

LENGTHS = [96, 192, 288, 384, 480]


def arm_row(name, eval_dir, comp_dir):
    cells = json.load(open(os.path.join(eval_dir, "table.json")))["cells"]
    by_len = {c["length"]: c for c in cells}
    t = json.load(open(os.path.join(comp_dir, "compressor.json"))).get("training", {})
    lo, hi = t.get("tokens", ["?", "?"])
    recipe = "{} norm, {}-{} tokens{}, batch {}, lr {:g}".format(
        t.get("loss_normalization", "token"), lo, hi,
        ", curriculum {:g}".format(t["length_curriculum"]) if t.get("length_curriculum") else "",
        t.get("batch_size", "?"), t.get("lr", 0))
    seen = "{} steps, {:.0f}M tokens, {:.0f} s".format(t.get("steps", "?"), t.get("tokens_seen", 0) / 1e6,
                                                       t.get("seconds", 0))
    out = ["`{}`".format(name), recipe, seen]
    for n in LENGTHS:
        c = by_len.get(n)
        out.append("–" if c is None else "{:.3f} / {:.3f} / {:.1%} / {:.3f}".format(
            c["bleu"], c["rouge_l_f"], c["exact_match"], c["prefix_exact_match"]))
    return "| " + " | ".join(out) + " |"


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    print("| arm | recipe | trained | " + " | ".join(str(n) for n in LENGTHS) + " |")
    print("|---|---|---|" + "---|" * len(LENGTHS))
    for spec in argv[1:]:
        name, rest = spec.split("=", 1)
        eval_dir, comp_dir = rest.split(":", 1)
        print(arm_row(name, eval_dir, comp_dir))


if __name__ == "__main__":
    main(sys.argv)
