#!/usr/bin/env python3
"""Writes clusters.jsonl, boilerplate.jsonl and reuse.jsonl into a run folder from the ground truth
of `winnow synth`, in the formats docs/report.md reads, so the report's cluster, boilerplate and
reuse sections can be measured at scale before the near-dup and reuse stages run in `winnow run`.

usage: report-truth-outputs.py SYNTH.jsonl RUN_DIR
"""
import glob
import json
import os
import sys

corpus, run = sys.argv[1], sys.argv[2]
stem = corpus[:-len(".jsonl")]
removed = set()
for part in sorted(glob.glob(os.path.join(run, "removed", "part-*.jsonl"))):
    with open(part, encoding="utf-8") as f:
        for line in f:
            removed.add(line[7:line.index('"', 7)])  # records start with {"id":"

clusters = {}
with open(stem + ".truth.jsonl", encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)
        if t["id"] not in removed and t["kind"] in ("original", "syndicated", "near_copy"):
            clusters.setdefault(t["cluster"], []).append((t["id"], t["jaccard"]))
with open(os.path.join(run, "clusters.jsonl"), "w", encoding="utf-8") as out:
    n = 0
    for members in clusters.values():
        if len(members) > 1:
            ms = [{"id": m, "ordinal": i, "similarity": 1 if i == 0 else j} for i, (m, j) in enumerate(members)]
            out.write(json.dumps({"cluster": n, "kept": members[0][0], "size": len(ms), "members": ms}) + "\n")
            n += 1

with open(stem + ".boilerplate.jsonl", encoding="utf-8") as f, open(os.path.join(run, "boilerplate.jsonl"), "w", encoding="utf-8") as out:
    for line in f:
        b = json.loads(line)
        out.write(json.dumps({"text": b["text"], "kind": "paragraph", "docs": b["docs"],
                              "groups": [{"group": b["group"], "docs": b["docs"]}], "examples": []}) + "\n")

with open(stem + ".passages.jsonl", encoding="utf-8") as f, open(os.path.join(run, "reuse.jsonl"), "w", encoding="utf-8") as out:
    for line in f:
        p = json.loads(line)
        if p["source"] in removed or p["target"] in removed:
            continue
        out.write(json.dumps({"a": p["source"], "b": p["target"], "a_start": p["source_start"], "a_end": p["source_end"],
                              "b_start": p["target_start"], "b_end": p["target_end"], "matched_words": p["words"],
                              "similarity": round(1 - p["edit_rate"], 4)}) + "\n")
