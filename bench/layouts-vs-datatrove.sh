#!/usr/bin/env bash
# Our --layout datatrove output read by DataTrove's own JsonlReader: every document, its id and text
# as we wrote them, and every metadata field intact (the input's, url, and the run's object under
# metadata.winnow). Needs DataTrove from source set up as ../shared/anchors/datatrove/README.md says
# (Debian's python3; DT=/tmp/dt holds dtshim.py and datatrove/).
#   bench/layouts-vs-datatrove.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
export DT=${DT:-/tmp/dt}
work=${1:-$(mktemp -d)}
py=/usr/bin/python3
[ -f "$DT/dtshim.py" ] || { echo "no DataTrove set up in $DT (see ../shared/anchors/datatrove/README.md)" >&2; exit 2; }
rm -rf "$work/in" "$work/dt" "$work/winnow"
./winnow synth -n 2000 --seed 3 -o "$work/in/news.jsonl" >/dev/null
./winnow run "$work/in/news.jsonl" --out "$work/winnow" -q --no-report >/dev/null
./winnow run "$work/in/news.jsonl" --out "$work/dt" -q --no-report --layout datatrove --part-docs 700 >/dev/null
"$py" - "$DT" "$work" <<'PY'
import json, pathlib, sys
sys.path.insert(0, sys.argv[1])
import dtshim  # noqa: F401
from datatrove.pipeline.readers import JsonlReader
work = pathlib.Path(sys.argv[2])
for folder in ("documents", "removed"):
    read = list(JsonlReader(str(work / "dt" / folder))())
    ours = [json.loads(l) for f in sorted((work / "winnow" / folder).glob("part-*.jsonl")) for l in open(f, encoding="utf-8")]
    assert len(read) == len(ours), (folder, len(read), len(ours))
    for doc, own in zip(read, ours):
        assert doc.id == own["id"] and doc.text == own["text"], own["id"]
        meta = doc.metadata
        for k, v in own.get("metadata", {}).items():
            assert meta[k] == v, (own["id"], k)
        assert meta.get("url") == own.get("url"), own["id"]
        run = meta["winnow"]
        for k in ("source", "content_type", "attributes", "removed"):
            assert run.get(k) == own.get(k), (own["id"], k)
    print(f"{folder}: DataTrove's JsonlReader read {len(read)} documents; ids, texts and every metadata field equal ours")
PY
