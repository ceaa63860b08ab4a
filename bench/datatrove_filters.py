#!/usr/bin/python3
"""DataTrove's quality filters, per document: decisions and measured values, as DataTrove computes them.

Needs DataTrove run from source as ../shared/anchors/datatrove/README.md sets it up (Debian's python3,
spaCy 3.5.4 built from source, the shims of dtshim.py); DT points at that folder (default /tmp/dt).
Nothing of DataTrove is copied here: this script imports it and calls its filters and helpers.

usage: datatrove_filters.py CORPUS.jsonl OUT.jsonl
  For every document {"id", "text"} of CORPUS writes one line:
    {"id", "dt": {filter: [kept, reason]}, "values": {filter: {name: value}}, "chain": [stage, reason] | null,
     "pii": [[kind, start, end], ...]}
  filters: gopher_repetition, gopher_quality, c4 (defaults), c4_fineweb (filter_no_terminal_punct=False,
  as FineWeb ran it), fineweb. "chain" is FineWeb's order (Gopher repetition, Gopher quality, C4 as
  FineWeb ran it editing the text, FineWeb quality), null when the chain keeps the document.
  The values are those the filters compare with their thresholds, computed with DataTrove's own helpers
  (split_into_words, find_duplicates, ...) in the filters' order; a value DataTrove never reaches for a
  document (e.g. a ratio after an early return) is still computed when it can be. Prints the CPU seconds.
"""
import json
import os
import re
import sys
import time

DT = os.environ.get("DT", "/tmp/dt")
sys.path.insert(0, DT)
import dtshim  # noqa: E402

dtshim.ready()
import numpy as np  # noqa: E402
from datatrove.data import Document  # noqa: E402
from datatrove.pipeline.filters import (  # noqa: E402
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)
from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, END_PUNCTUATION  # noqa: E402
from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS  # noqa: E402
from datatrove.pipeline.filters.gopher_repetition_filter import (  # noqa: E402
    find_all_duplicate,
    find_duplicates,
    find_top_duplicate,
    get_n_grams,
)
from datatrove.pipeline.formatters.pii import PIIFormatter, public_ip_validator  # noqa: E402
from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION, split_into_sentences, split_into_words  # noqa: E402

FILTERS = {
    "gopher_repetition": GopherRepetitionFilter,
    "gopher_quality": GopherQualityFilter,
    "c4": C4QualityFilter,
    "c4_fineweb": lambda: C4QualityFilter(filter_no_terminal_punct=False),
    "fineweb": FineWebQualityFilter,
}
CHAIN = ["gopher_repetition", "gopher_quality", "c4_fineweb", "fineweb"]
PII = PIIFormatter()


def div(a, b):
    return a / b if b else None


def repetition_values(text):
    v = {}
    paragraphs = re.split(r"\n{2,}", text.strip())
    dups, chars = find_duplicates(paragraphs)
    v["duplicate_paragraph_fraction"] = div(dups, len(paragraphs))
    v["duplicate_paragraph_char_fraction"] = div(chars, len(text))
    lines = re.split("\n+", text)
    dups, chars = find_duplicates(lines)
    v["duplicate_line_fraction"] = div(dups, len(lines))
    v["duplicate_line_char_fraction"] = div(chars, len(text))
    words = split_into_words(text)
    for n in (2, 3, 4):
        grams = get_n_grams(words, n)
        v[f"top_{n}gram_char_fraction"] = div(find_top_duplicate(grams), len(text)) if grams else None
    for n in range(5, 11):
        v[f"duplicate_{n}gram_char_fraction"] = div(find_all_duplicate(words, n), len(text))
    return v


def quality_values(text):
    words = split_into_words(text)
    n = len(words)
    real = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
    lines = text.splitlines()
    return {
        "word_count": len(real),
        "mean_word_length": float(np.mean([len(w) for w in real])) if real else None,
        "hash_word_ratio": div(text.count("#"), n),
        "ellipsis_word_ratio": div(text.count("...") + text.count("…"), n),
        "bullet_line_ratio": div(sum(s.lstrip().startswith("•") or s.lstrip().startswith("-") for s in lines), len(lines)),
        "ellipsis_line_ratio": div(sum(s.rstrip().endswith("...") or s.rstrip().endswith("…") for s in lines), len(lines)),
        "alphabetic_word_ratio": div(sum(any(c.isalpha() for c in w) for w in words), n),
        "stop_words": len(set(STOP_WORDS) & set(words)),
    }


def c4_sentences(text, terminal):
    """C4QualityFilter's sentence count after its line filters (None when a page rule fires first)."""
    count = 0
    for line in text.splitlines():
        line = line.strip()
        words = line.split()
        if any(len(w) > 1000 for w in words):
            continue
        line = CITATION_REGEX.sub("", line)
        if terminal and (not line.endswith(END_PUNCTUATION) or line.endswith("...")):
            continue
        if len(words) < 3:
            continue
        low = line.lower()
        if "lorem ipsum" in low or "{" in line:
            return None
        if "javascript" in low or any(p in low for p in ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")):
            continue
        count += len(split_into_sentences(line))
    return count


def fineweb_values(text):
    lines = [line for line in text.split("\n") if line.strip() != ""]
    if not lines:
        return {}
    words = split_into_words(text)
    stops = tuple(TERMINAL_PUNCTUATION)
    return {
        "line_punctuation_ratio": sum(1 for line in lines if line.endswith(stops)) / len(lines),
        "short_line_ratio": sum(1 for line in lines if len(line) <= 30) / len(lines),
        "duplicate_line_char_ratio": div(find_duplicates(lines)[1], len(text.replace("\n", ""))),
        "newline_word_ratio": div(text.count("\n"), len(words)),
    }


def pii_spans(text):
    """What PIIFormatter replaces: e-mails first, then the IPs its validator accepts (public only)."""
    spans = [("email", m.start(), m.end()) for m in PII.emails_replacer.regex.finditer(text)]
    emails = list(spans)
    for m in PII.ip_replacer.regex.finditer(text):
        if any(s < m.end() and m.start() < e for _, s, e in emails):
            continue
        kind = "ip_address" if public_ip_validator(m.group(0), public_only=True) else "ip_private"
        spans.append((kind, m.start(), m.end()))
    return sorted(spans, key=lambda s: s[1])


def verdict(result):
    return (True, None) if result is True else (bool(result[0]), result[1])


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    filters = {name: make() for name, make in FILTERS.items()}
    cpu0 = time.process_time()
    n = 0
    with open(corpus, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            rec = json.loads(line)
            text = rec["text"]
            dt = {name: verdict(flt.filter(Document(text=text, id=rec["id"]))) for name, flt in filters.items()}
            doc = Document(text=text, id=rec["id"])
            chain = None
            for name in CHAIN:
                kept, reason = verdict(filters[name].filter(doc))
                if not kept:
                    chain = [name, reason]
                    break
            values = {
                "gopher_repetition": repetition_values(text),
                "gopher_quality": quality_values(text),
                "c4": {"sentences": c4_sentences(text, True)},
                "c4_fineweb": {"sentences": c4_sentences(text, False)},
                "fineweb": fineweb_values(text),
            }
            o.write(json.dumps({"id": rec["id"], "dt": dt, "values": values, "chain": chain, "pii": pii_spans(text)},
                               ensure_ascii=False) + "\n")
            n += 1
            if n % 500 == 0:
                print(n, f"{time.process_time() - cpu0:.0f} CPU s", file=sys.stderr, flush=True)
    print(f"datatrove_filters: {n} documents, {time.process_time() - cpu0:.1f} CPU s", file=sys.stderr)


if __name__ == "__main__":
    main()
