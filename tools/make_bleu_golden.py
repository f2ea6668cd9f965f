#!/usr/bin/env python3
"""Writes tests/fixtures/bleu_golden.json: NLTK sentence BLEU for varied (reference, hypothesis) pairs.

The score is computed exactly as the 500xCompressor (arXiv 2408.03094) and Attention-Only
Compressor (arXiv 2501.06730) evaluations do:

    sentence_bleu([reference.split()], hypothesis.split(),
                  smoothing_function=SmoothingFunction().method1)

(uniform 4-gram weights). Pairs are generated deterministically (fixed seeds), so re-running the
script with the same NLTK gives a byte-identical file. Needs NLTK 3.8 (Debian: python3-nltk,
run with /usr/bin/python3). tst_metrics compares xcomp::bleu() to every pair to 1e-9.

Usage: make_bleu_golden.py [--output PATH]
"""
import argparse
import json
import os
import random
import sys

import nltk
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

WORDS = (
    "the a of and to in is that for on with as by we show prove compressor tokens prompt "
    "language model large compression soft regenerate original text kato complexes sheaves "
    "reciprocity cohomology arithmetic schemes finite fields conjecture theorem lemma proof "
    "attention layer memory fine tuning question answer context evaluation benchmark data"
).split()

UNICODE_WORDS = ["étale", "Kohomologie", "schön", "naïve", "Ωmega", "东京", "данные", "café",
                 "über", "🙂", "ﬁnite", "Straße"]


def fixed_pairs():
    p = []
    s = "We show that the reciprocity sheaves are Kato complexes and prove a conjecture of Kato."
    p.append((s, s))                                           # identical
    p.append((s, ""))                                          # empty hypothesis
    p.append(("", "some words here"))                          # empty reference
    p.append(("", ""))                                         # both empty
    p.append(("   ", " \t\n "))                                # whitespace only
    p.append((s, "We"))                                        # 1-word hyp, matching
    p.append((s, "Kato"))                                      # 1-word hyp, matching mid-text
    p.append((s, "zebra"))                                     # 1-word hyp, no match
    p.append((s, "We show"))                                   # 2-word hyp, bigram match
    p.append((s, "show We"))                                   # 2-word hyp, reordered
    p.append((s, "We show that"))                              # 3-word hyp
    p.append((s, "that We show"))                              # 3-word hyp, reordered
    p.append((s, "We show that the"))                          # exactly 4 words
    p.append(("a b c", "a b c"))                               # short identical (3 words)
    p.append(("a b", "a b"))                                   # short identical (2 words)
    p.append(("a", "a"))                                       # 1 word identical
    p.append(("a", "a a a a a"))                               # repeated, longer than ref
    p.append(("the cat is on the mat", "the the the the the the the"))   # clipping
    p.append(("the cat is on the mat", "the cat the cat on the mat"))
    p.append(("the cat is on the mat", "mat the on is cat the"))         # reversed
    p.append(("the cat is on the mat", "The cat is on the mat"))         # case differs
    p.append(("the cat is on the mat", "the cat is on the mat."))        # punctuation differs
    p.append(("the cat sat", "the cat sat on the mat today"))            # extended
    p.append((s, s[: len(s) // 2]))                            # truncated (cut mid-word)
    p.append((s, " ".join(s.split()[:10])))                    # truncated at a word
    p.append((s, s + " And then some more words follow here."))  # extended
    p.append((s, s.replace("Kato", "Tate")))                   # substitution
    p.append((s, s.replace("reciprocity ", "")))               # deletion
    p.append((s, s.replace("prove", "prove the famous")))      # insertion
    p.append((s, "completely unrelated content with no overlap at all whatsoever"))
    p.append(("x y z w", "x z y w"))                           # swap inner words
    p.append(("x y z w v u", "u v w z y x"))                   # full reversal
    p.append(("one two three four five", "one two three four"))  # shorter by one
    p.append(("one two three four five", "one two three four five six"))  # longer by one
    p.append(("one\ttwo\nthree  four", "one two three four"))  # mixed ASCII whitespace
    p.append(("one\u00a0two\u3000three four", "one two three four"))  # Unicode whitespace splits
    p.append(("one\u2003two three\u200bfour", "one two three\u200bfour"))  # U+200B is not space
    p.append(("étale Kohomologie ist schön", "étale Kohomologie ist schön"))
    p.append(("étale Kohomologie ist schön", "etale Kohomologie ist schon"))
    p.append(("东京 是 日本 的 首都", "东京 是 首都"))
    p.append(("данные модели сжатия", "данные сжатия модели"))
    p.append(("🙂 🙂 🙂 ok", "🙂 ok"))
    p.append(("a a a a b", "a a a a"))                         # repeated n-grams
    p.append(("a b a b a b", "a b a b"))
    p.append(("a b c d e f g h", "a b x d e y g h"))           # partial overlap
    p.append(("a b c d e f g h", "h g f e d c b a"))
    return p


def random_text(rng, n, vocab):
    return " ".join(rng.choice(vocab) for _ in range(n))


def generated_pairs():
    rng = random.Random(20240805)
    p = []
    vocab = WORDS + UNICODE_WORDS
    for k in range(12):                                        # noisy copies of long texts
        n = rng.choice([20, 50, 120, 300])
        ref = random_text(rng, n, vocab).split()
        hyp = []
        for w in ref:
            r = rng.random()
            if r < 0.08:
                continue                                       # drop
            if r < 0.16:
                hyp.append(rng.choice(vocab))                  # substitute
                continue
            hyp.append(w)
            if r > 0.95:
                hyp.append(rng.choice(vocab))                  # insert
        if k % 3 == 0 and len(hyp) > 6:                        # move a block
            a = rng.randrange(0, len(hyp) - 5)
            block = hyp[a:a + 4]
            del hyp[a:a + 4]
            b = rng.randrange(0, len(hyp))
            hyp[b:b] = block
        p.append((" ".join(ref), " ".join(hyp)))
    for _ in range(6):                                         # independent random texts
        p.append((random_text(rng, rng.randint(5, 40), vocab),
                  random_text(rng, rng.randint(1, 40), vocab)))
    for n in range(1, 7):                                      # short hyps against a long ref
        ref = random_text(rng, 60, WORDS)
        words = ref.split()
        a = rng.randrange(0, len(words) - n)
        p.append((ref, " ".join(words[a:a + n])))
    for _ in range(4):                                         # truncations of long texts
        ref = random_text(rng, 200, vocab)
        words = ref.split()
        p.append((ref, " ".join(words[: rng.randint(10, 190)])))
    return p


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "tests", "fixtures", "bleu_golden.json")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=default_out)
    args = ap.parse_args()

    smooth = SmoothingFunction().method1
    pairs = []
    for ref, hyp in fixed_pairs() + generated_pairs():
        score = sentence_bleu([ref.split()], hyp.split(), smoothing_function=smooth)
        pairs.append({"reference": ref, "hypothesis": hyp, "bleu": float(score)})
    doc = {
        "nltk_version": nltk.__version__,
        "python_version": sys.version.split()[0],
        "call": "sentence_bleu([ref.split()], hyp.split(), smoothing_function=SmoothingFunction().method1)",
        "pairs": pairs,
    }
    with open(args.output, "w", encoding="utf-8") as f:
        # json writes floats with repr(): the shortest string that round-trips the double.
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(pairs)} pairs to {args.output} (nltk {nltk.__version__})")


if __name__ == "__main__":
    main()
