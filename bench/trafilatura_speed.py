#!/usr/bin/python3
"""Pages per second of trafilatura on the article-extraction benchmark's pages, for the
side-by-side run in bench/extract-vs-trafilatura.sh. Pages are read and gunzipped first; only
bare_extraction(bytes, url) with trafilatura's defaults (metadata, comments, fallbacks on) is
timed, one thread, after one warm-up pass. Prints wall and CPU (process_time) pages/s.

Needs trafilatura importable: `. $ANCHORS_DIR/env.sh` (see ../shared/anchors/README.md).
"""
import gzip
import json
import os
import sys
import time

from trafilatura import bare_extraction

bench = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
truth = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf-8"))
pages = []
for name in sorted(truth):
    with open(os.path.join(bench, "html", name + ".html.gz"), "rb") as f:
        pages.append((gzip.decompress(f.read()), truth[name].get("url")))

for data, url in pages:
    bare_extraction(data, url=url)
for r in range(rounds):
    w0, c0 = time.perf_counter(), time.process_time()
    for data, url in pages:
        bare_extraction(data, url=url)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"trafilatura, 1 thread: {len(pages) / wall:.1f} pages/s wall, {len(pages) / cpu:.1f} pages per CPU second ({len(pages)} pages)")
