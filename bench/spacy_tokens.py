#!/usr/bin/python3
"""Winnow's English tokenizer and sentencizer against spaCy's (DataTrove's word tokenizer), token for token.

Needs DataTrove and spaCy 3.5.4 run from source as ../shared/anchors/datatrove/README.md sets them up;
DT points at that folder (default /tmp/dt). Calls DataTrove's split_into_words / split_into_sentences;
nothing of either is copied here.

usage: spacy_tokens.py CORPUS.jsonl WORKDIR [WINNOW_BENCH] [--all-planes]
  WINNOW_BENCH: the command that runs bench/Winnow.Bench (default: dotnet run -c Release --project bench/Winnow.Bench --)
Checks, and prints one line each:
  1. exceptions: spaCy's tokenizer rules (string -> tokens) against Winnow's table;
  2. the corpus: every document's tokens, and the sentence count of each of its stripped lines;
  3. code points: for every code point of the BMP and every 7th of planes 1-2 (--all-planes: every one),
     probe strings that reach each affix, infix and URL rule ("x{c}", "a{c}B", "1{c}", "{c}.", ...).
Exits 1 when anything differs, after printing up to 20 examples per check.
"""
import json
import os
import shlex
import subprocess
import sys

DT = os.environ.get("DT", "/tmp/dt")
sys.path.insert(0, DT)
import dtshim  # noqa: E402

dtshim.ready()
from datatrove.utils.text import split_into_sentences, split_into_words  # noqa: E402
from datatrove.utils.word_tokenizers import load_word_tokenizer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PROBES = ["{c}", "x{c}", "{c}x", "a{c}b", "A{c}B", "a{c}B", "1{c}2", "1{c}", "{c}1", "{c}.", "a{c}.", "A{c}.", "AB{c}.",
          "{c}A.", "{c}a.", "x.{c}", "a.{c}", "{c}{c}", "{c}'s", "a{c}-b", "{c}-a", "a-{c}", "9-{c}", "{c}...", "...{c}",
          "({c})", "{c}.com", "a.{c}b", "ab.c{c}", "http://{c}.com", "{c}@a.com", "x{c}y.com"]


def bench(args, cmd):
    subprocess.run(shlex.split(cmd) + args, check=True, cwd=os.path.dirname(HERE))


def differences(label, pairs):
    bad = [(k, a, b) for k, a, b in pairs if a != b]
    print(f"{label}: {len(pairs) - len(bad)}/{len(pairs)} equal", flush=True)
    for k, a, b in bad[:20]:
        print(f"  {k!r}: spaCy {a!r}  Winnow {b!r}")
    return not bad


def main():
    corpus, work = sys.argv[1], sys.argv[2]
    cmd = sys.argv[3] if len(sys.argv) > 3 and not sys.argv[3].startswith("--") else "dotnet run -c Release --project bench/Winnow.Bench --"
    os.makedirs(work, exist_ok=True)
    ok = True

    rules = load_word_tokenizer("eng").tokenizer.tokenizer.rules
    bench(["english-exceptions", f"{work}/exceptions.jsonl"], cmd)
    ours = {}
    with open(f"{work}/exceptions.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            ours[rec["key"]] = rec["tokens"]
    theirs = {k: [list(t.values())[0] for t in v] for k, v in rules.items()}
    keys = sorted(set(theirs) | set(ours))
    ok &= differences("exceptions", [(k, theirs.get(k), ours.get(k)) for k in keys])

    bench(["english-tokens", corpus, f"{work}/corpus-winnow.jsonl"], cmd)
    token_pairs, sentence_pairs = [], []
    with open(corpus, encoding="utf-8") as f, open(f"{work}/corpus-winnow.jsonl", encoding="utf-8") as g:
        for doc, line in zip(f, g):
            rec, mine = json.loads(doc), json.loads(line)
            token_pairs.append((rec["id"], split_into_words(rec["text"]), mine["tokens"]))
            counts = [len(split_into_sentences(s.strip())) if s.strip() else 0 for s in rec["text"].splitlines()]
            sentence_pairs.append((rec["id"], counts, mine["sentences"]))
    ok &= differences("corpus tokens (documents)", token_pairs)
    ok &= differences("corpus sentences per line (documents)", sentence_pairs)
    words = sum(len(a) for _, a, _ in token_pairs)
    print(f"corpus: {len(token_pairs)} documents, {words} tokens")
    # One probe group per code point, in blocks streamed to disk; both sides' tokens are grouped by the
    # probe they start in. Every code point of the Basic Multilingual Plane, every 7th of planes 1-2
    # (--all-planes: all of them).
    nlp = load_word_tokenizer("eng").tokenizer
    step = 1 if "--all-planes" in sys.argv else 7
    points = [cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF] + list(range(0x10000, 0x30000, step))
    points = [cp for cp in points if not chr(cp).isspace()]
    per_block = 20000 // len(PROBES)

    def blocks():
        for i in range(0, len(points), per_block):
            yield [p.format(c=chr(cp)) for cp in points[i:i + per_block] for p in PROBES]

    with open(f"{work}/probes.jsonl", "w", encoding="utf-8") as f:
        for i, block in enumerate(blocks()):
            f.write(json.dumps({"id": str(i), "text": " ".join(block)}) + "\n")
    bench(["english-tokens", f"{work}/probes.jsonl", f"{work}/probes-winnow.jsonl"], cmd)
    total, bad = 0, []
    with open(f"{work}/probes-winnow.jsonl", encoding="utf-8") as f:
        for block, line in zip(blocks(), f):
            text = " ".join(block)
            ends16, ends_cp, at16, at_cp = [], [], 0, 0
            for probe in block:
                at16 += len(probe.encode("utf-16-le")) // 2 + 1
                at_cp += len(probe) + 1
                ends16.append(at16)
                ends_cp.append(at_cp)
            mine = json.loads(line)
            ours = [[] for _ in block]
            k = 0
            for tok, start in zip(mine["tokens"], mine["starts"]):
                while start >= ends16[k]:
                    k += 1
                ours[k].append(tok)
            theirs = [[] for _ in block]
            k = 0
            for tok in nlp.tokenizer(text):
                if tok.text.isspace():
                    continue
                while tok.idx >= ends_cp[k]:
                    k += 1
                theirs[k].append(tok.text)
            total += len(block)
            bad.extend((p, a, b) for p, a, b in zip(block, theirs, ours) if a != b)
    print(f"probe strings ({len(points)} code points x {len(PROBES)} probes): {total - len(bad)}/{total} equal", flush=True)
    for p, a, b in bad[:20]:
        print(f"  {p!r}: spaCy {a!r}  Winnow {b!r}")
    ok &= not bad

    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
