#!/usr/bin/python3
"""Agreement of Winnow's filters with DataTrove's, per filter, per measured value and as FineWeb's chain.

Plain python3, no DataTrove needed: reads what datatrove_filters.py recorded and what `winnow run` wrote.

usage: filters_agreement.py DT.jsonl ANNOTATE_DIR C4FW_DIR CHAIN_DIR [--examples N]
  DT.jsonl      bench/datatrove_filters.py's output for the corpus
  ANNOTATE_DIR  `winnow run` with bench/filters-annotate.yaml (every filter in annotate mode, C4 as published)
  C4FW_DIR      `winnow run` with bench/filters-c4fw.yaml (C4 in annotate mode as FineWeb ran it)
  CHAIN_DIR     `winnow run` with bench/filters-chain.yaml (FineWeb's chain, removing)
Prints Markdown: per filter the documents both keep, both drop and where they differ; per measured value
the share of documents where both give the same value (to 4 decimals); the chain's agreement; then the
differing documents by class (DataTrove's reason -> Winnow's reason) with examples.
"""
import glob
import json
import sys
from collections import Counter, defaultdict

# DataTrove's thresholds (its defaults, the papers' values), to tell from its values which rules fire.
RULES = {
    "gopher_repetition": [("duplicate_paragraph_fraction", ">", 0.3), ("duplicate_paragraph_char_fraction", ">", 0.2),
                          ("duplicate_line_fraction", ">", 0.3), ("duplicate_line_char_fraction", ">", 0.2),
                          ("top_2gram_char_fraction", ">", 0.2), ("top_3gram_char_fraction", ">", 0.18),
                          ("top_4gram_char_fraction", ">", 0.16)]
                         + [(f"duplicate_{n}gram_char_fraction", ">", t) for n, t in zip(range(5, 11), (0.15, 0.14, 0.13, 0.12, 0.11, 0.10))],
    "gopher_quality": [("word_count", "<", 50), ("mean_word_length", "<", 3), ("mean_word_length", ">", 10),
                       ("hash_word_ratio", ">", 0.1), ("ellipsis_word_ratio", ">", 0.1), ("bullet_line_ratio", ">", 0.9),
                       ("ellipsis_line_ratio", ">", 0.3), ("alphabetic_word_ratio", "<", 0.8), ("stop_words", "<", 2)],
    "fineweb": [("line_punctuation_ratio", "<", 0.12), ("short_line_ratio", ">", 0.67),
                ("duplicate_line_char_ratio", ">", 0.01), ("newline_word_ratio", ">", 0.3)],
}
STAGE = {"gopher_repetition": "gopher_repetition", "gopher_quality": "gopher_quality", "c4": "c4",
         "c4_fineweb": "c4", "fineweb": "fineweb"}
LABEL = {"gopher_repetition": "Gopher repetition", "gopher_quality": "Gopher quality",
         "c4": "C4 (as published: lines without end punctuation dropped)",
         "c4_fineweb": "C4 (as FineWeb ran it)", "fineweb": "FineWeb quality"}


def documents(folder, part):
    out = {}
    for path in sorted(glob.glob(f"{folder}/{part}/*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                out[rec["id"]] = rec
    return out


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-4 * max(1.0, abs(float(a)))  # Winnow rounds to 4 decimals


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    examples = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 4
    if "--examples" in sys.argv:
        args.remove(str(examples))
    dt_path, annotate_dir, c4fw_dir, chain_dir = args
    dt = {}
    with open(dt_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            dt[rec["id"]] = rec
    annotated = documents(annotate_dir, "documents")
    c4fw = documents(c4fw_dir, "documents")
    kept = documents(chain_dir, "documents")
    removed = documents(chain_dir, "removed")
    ids = [i for i in dt if i in annotated and i in c4fw]
    print(f"documents: {len(dt)} from DataTrove, {len(ids)} annotated by Winnow "
          f"(missing: {len(dt) - len(ids)}, e.g. {[i for i in dt if i not in annotated][:3]})\n")

    print("| filter | agreement | both keep | both drop | DataTrove drops, Winnow keeps | DataTrove keeps, Winnow drops |")
    print("| --- | --- | --- | --- | --- | --- |")
    classes = {}
    for name in STAGE:
        source = c4fw if name == "c4_fineweb" else annotated
        conf, cls = Counter(), defaultdict(list)
        for i in ids:
            dkept, dreason = dt[i]["dt"][name]
            wreason = source[i].get("attributes", {}).get(STAGE[name], {}).get("would_remove")
            wkept = wreason is None
            conf[(dkept, wkept)] += 1
            if dkept != wkept:
                cls[(dreason or "keep", wreason or "keep")].append(i)
        agree = conf[(True, True)] + conf[(False, False)]
        print(f"| {LABEL[name]} | {agree}/{len(ids)} = {agree / len(ids):.1%} | {conf[(True, True)]} | "
              f"{conf[(False, False)]} | {conf[(False, True)]} | {conf[(True, False)]} |")
        classes[name] = cls

    chain_ids = [i for i in dt if i in kept or i in removed]
    conf, chain_cls = Counter(), defaultdict(list)
    for i in chain_ids:
        dkept = dt[i]["chain"] is None
        wrec = removed.get(i)
        wkept = i in kept
        conf[(dkept, wkept)] += 1
        if dkept != wkept:
            d = "keep" if dkept else f"{dt[i]['chain'][0]}.{dt[i]['chain'][1]}"
            w = "keep" if wkept else wrec["removed"]["reason"]
            chain_cls[(d, w)].append(i)
    agree = conf[(True, True)] + conf[(False, False)]
    if chain_ids:
        print(f"| **FineWeb's chain** | {agree}/{len(chain_ids)} = {agree / len(chain_ids):.1%} | {conf[(True, True)]} | "
              f"{conf[(False, False)]} | {conf[(False, True)]} | {conf[(True, False)]} |")

    print("\nMeasured values equal (to 4 decimals), over the documents where DataTrove computes the value:\n")
    print("| filter | value | equal |")
    print("| --- | --- | --- |")
    for name in STAGE:
        source = c4fw if name == "c4_fineweb" else annotated
        counts = defaultdict(Counter)
        for i in ids:
            attrs = source[i].get("attributes", {}).get(STAGE[name], {})
            for key, value in dt[i]["values"].get(name, {}).items():
                if value is None:
                    continue
                counts[key][same(value, attrs.get(key))] += 1
        for key, c in counts.items():
            total = c[True] + c[False]
            print(f"| {name} | {key} | {c[True]}/{total} = {c[True] / total:.1%} |")

    print("\nPer rule, whatever the order (DataTrove's values against its thresholds; Winnow's annotate mode 'fired'):\n")
    print("| rule | fires in both | DataTrove only | Winnow only |")
    print("| --- | --- | --- | --- |")
    for name, rules in RULES.items():
        seen = set()
        for key, op, limit in rules:
            if key in seen:
                continue
            seen.add(key)
            limits = [(o, t) for k, o, t in rules if k == key]
            conf = Counter()
            for i in ids:
                value = dt[i]["values"].get(name, {}).get(key)
                dfires = value is not None and any(value > t if o == ">" else value < t for o, t in limits)
                wfires = f"{name}.{key}" in annotated[i].get("attributes", {}).get(name, {}).get("fired", [])
                conf[(dfires, wfires)] += 1
            if conf[(True, True)] + conf[(True, False)] + conf[(False, True)]:
                print(f"| {name}.{key} | {conf[(True, True)]} | {conf[(True, False)]} | {conf[(False, True)]} |")

    print("\nWhere they differ (DataTrove's reason -> Winnow's):\n")
    for name, cls in list(classes.items()) + [("chain", chain_cls)]:
        for (d, w), docs in sorted(cls.items(), key=lambda kv: -len(kv[1])):
            print(f"- {name}: {d} -> {w}: {len(docs)} ({', '.join(docs[:examples])})")


if __name__ == "__main__":
    main()
