#!/usr/bin/env python3
"""Texts longer than one window: how well the chunks regenerate, each from its own memory tokens and
joined, against the multi-span reading (every chunk's memory tokens at once), which the decoder was not
trained for. Long texts are made by joining consecutive validation abstracts until a text has more than
--min-tokens tokens; each is run through `xcomp regenerate --json` and the means printed as a table.

  tools/eval_chunked.py --xcomp build/app/xcomp --data ../shared/data/arxiv/valid.jsonl \\
      --compressor aoc-m16 --texts 10 [--window 128]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xcomp", default="build/app/xcomp")
    ap.add_argument("--data", default="../shared/data/arxiv/valid.jsonl")
    ap.add_argument("--compressor", default="aoc-m16")
    ap.add_argument("--texts", type=int, default=10)
    ap.add_argument("--min-tokens", type=int, default=600, help="join abstracts until a text is longer than this")
    ap.add_argument("--window", type=int, default=0, help="chunk window (0: the compressor's trained maximum)")
    ap.add_argument("--model", default="")
    args = ap.parse_args()

    def xcomp(*extra):
        cmd = [args.xcomp, *extra] + (["--model", args.model] if args.model else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    abstracts = [json.loads(line)["abstract"] for line in open(args.data, encoding="utf-8")]
    rows, at = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "long.txt")
        while len(rows) < args.texts and at < len(abstracts):
            text = ""
            while at < len(abstracts):
                text = (text + "\n" if text else "") + abstracts[at]
                at += 1
                if xcomp("tokenize", "--text", text, "--json")["ids"].__len__() > args.min_tokens:
                    break
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            extra = ["--window", str(args.window)] if args.window else []
            r = xcomp("regenerate", "--compressor", args.compressor, "--file", path, "--json", *extra)
            t = r.get("together")
            rows.append({"tokens": r["source_tokens"], "chunks": len(r.get("chunks", [])), "ran": r["compressor"],
                         "joined": (r["rouge_l_f"], r["bleu"], r["exact_match"]),
                         "chunk_rouge": [c["rouge_l_f"] for c in r.get("chunks", [])],
                         "together": (t["rouge_l_f"], t["bleu"], t["exact_match"]) if t else None})
            print(f"text {len(rows)}: {rows[-1]['tokens']} tokens, {rows[-1]['chunks']} chunks ({r['compressor']}): "
                  f"joined ROUGE-L F {r['rouge_l_f']:.3f}, together "
                  f"{t['rouge_l_f'] if t else float('nan'):.3f}", file=sys.stderr)

    def mean(key, i):
        vals = [r[key][i] for r in rows if r[key] is not None]
        return statistics.mean(vals) if vals else float("nan")

    together_n = sum(1 for r in rows if r["together"] is not None)
    print(f"| {args.compressor} | window {args.window or 'trained'} | {len(rows)} texts, "
          f"{statistics.mean(r['tokens'] for r in rows):.0f} tokens, {statistics.mean(r['chunks'] for r in rows):.1f} chunks "
          f"| chunks joined: ROUGE-L F {mean('joined', 0):.3f}, BLEU {mean('joined', 1):.3f} "
          f"| together ({together_n} fit): ROUGE-L F {mean('together', 0):.3f}, BLEU {mean('together', 1):.3f} |")


if __name__ == "__main__":
    main()
