#!/bin/bash
# Side by side, back to back: winnow's extractor and trafilatura on the 181 pages of the
# article-extraction benchmark, ROUNDS rounds (default 3), with the load average before each.
# Needs ../shared/data and trafilatura installed by ../shared/anchors/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
bench=$(cd ../shared/data/article-extraction-benchmark 2>/dev/null && pwd) || {
  for d in .. ../.. ../../..; do [ -d "$d/shared/data/article-extraction-benchmark" ] && bench=$(cd "$d/shared/data/article-extraction-benchmark" && pwd) && break; done; }
: "${bench:?shared data not found}"
. "${ANCHORS_DIR:?set ANCHORS_DIR to where ../shared/anchors/setup.sh installed the anchors}/env.sh"
dotnet build -c Release bench/Winnow.Bench -v q >/dev/null
for r in $(seq 1 "$rounds"); do
  echo "== round $r, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet run -c Release --no-build --project bench/Winnow.Bench -- extract-speed 1
  /usr/bin/python3 bench/trafilatura_speed.py "$bench" 1
done
