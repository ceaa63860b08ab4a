#!/bin/bash
# Side by side, back to back: winnow's extractor and trafilatura, one thread each, with the load
# average before each round. Needs ../shared/data and trafilatura installed by
# ../shared/anchors/setup.sh (ANCHORS_DIR).
#
#   extract-vs-trafilatura.sh [ROUNDS]          warm, in-process: the 181 pages of the
#                                               article-extraction benchmark, pages already in memory
#   extract-vs-trafilatura.sh command [ROUNDS]  whole processes, as a user runs them: `winnow extract`
#                                               (1 and 2 threads) against trafilatura's batch wrapper
#                                               (its defaults: metadata, comments, fallbacks), on the
#                                               181 benchmark pages and on the development set
#                                               (extraction-dev, 1,555 pages); wall and CPU seconds
set -euo pipefail
cd "$(dirname "$0")/.."
mode=warm
if [ "${1:-}" = command ]; then mode=command; shift; fi
rounds=${1:-3}
bench=$(cd ../shared/data/article-extraction-benchmark 2>/dev/null && pwd) || {
  for d in .. ../.. ../../..; do [ -d "$d/shared/data/article-extraction-benchmark" ] && bench=$(cd "$d/shared/data/article-extraction-benchmark" && pwd) && break; done; }
: "${bench:?shared data not found}"
. "${ANCHORS_DIR:?set ANCHORS_DIR to where ../shared/anchors/setup.sh installed the anchors}/env.sh"
if [ "$mode" = command ]; then
  dev=$(cd "$bench/../extraction-dev" && pwd)
  anchors=$(cd "$bench/../../anchors" && pwd)
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  ./winnow --help >/dev/null # builds the command once, outside the timings
  # The built command itself, as an installed one runs: the checkout's wrapper spends ~0.02 s
  # looking for changed sources before each run.
  winnow=./winnow
  if [ "${WINNOW_BUILD:-native}" = native ] && [ -x .build/native/Winnow.Cli ] && [ ! -f .build/native.failed ]; then winnow=.build/native/Winnow.Cli; fi
  # seconds of wall, user+system CPU of one whole process
  timed() { /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" >/dev/null 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
            read -r wall user sys < "$out/time"; echo "$wall $(echo "$user + $sys" | bc)"; }
  echo "set | pages | winnow 1 thread: wall s (CPU s) | winnow 2 threads | trafilatura 1 thread | trafilatura / winnow 1 thread, wall | winnow 1 / 2 threads, wall"
  for r in $(seq 1 "$rounds"); do
    echo "== round $r, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    for set in benchmark development; do
      if [ $set = benchmark ]; then inputs=("$bench/html"); batch="$bench/html"; pages=181
      else inputs=("$dev/dragnet/html" "$dev/cleaneval-dev/html" "$dev/readability/html"); batch="$dev"; pages=1555; fi
      read -r w1 c1 < <(timed "$winnow" extract "${inputs[@]}" --out "$out/w1.jsonl" --overwrite -t 1 -q)
      read -r w2 c2 < <(timed "$winnow" extract "${inputs[@]}" --out "$out/w2.jsonl" --overwrite -t 2 -q)
      read -r wt ct < <(timed /usr/bin/python3 "$anchors/trafilatura_extract.py" --batch "$batch" --out "$out/t.jsonl")
      cmp -s "$out/w1.jsonl" "$out/w2.jsonl" || { echo "winnow's output differs between 1 and 2 threads" >&2; exit 1; }
      echo "$set | $pages | $w1 ($c1) | $w2 ($c2) | $wt ($ct) | $(echo "scale=1; $wt / $w1" | bc)x | $(echo "scale=2; $w1 / $w2" | bc)x"
    done
  done
  exit 0
fi
dotnet build -c Release bench/Winnow.Bench -v q >/dev/null
for r in $(seq 1 "$rounds"); do
  echo "== round $r, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet run -c Release --no-build --project bench/Winnow.Bench -- extract-speed 1
  /usr/bin/python3 bench/trafilatura_speed.py "$bench" 1
done
