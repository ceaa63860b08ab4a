#!/usr/bin/env bash
# Throughput of `winnow run` against tasks and workers, on one input, same options each time:
# the single-process run first, then sharded runs. Prints a Markdown table row per run (wall
# seconds, documents per second, input MB/s, peak RSS) and checks that every sharded run's
# output equals the single-process run's. MB/s: of input records as read (decompressed) (the .winnow/ bookkeeping aside).
#
#   bench/sharded-scaling.sh OUT_DIR INPUT... [-- RUN_OPTIONS...]
#   e.g. bench/sharded-scaling.sh /tmp/scale s1m.jsonl -- --boilerplate remove --verify estimate
#
# Configurations: SCALING_CONFIGS="tasks:workers ..." (default "1:1 2:2 4:2 8:2").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1; shift
inputs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do inputs+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
options=("$@")
mkdir -p "$out"

row() { # label, run folder, time -v log
  local wall rss docs
  wall=$(grep -F 'Elapsed (wall clock)' "$3" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep -F 'Maximum resident' "$3" | awk '{print $NF}')
  read -r docs bytes < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['documents']['in'], s['bytes']['in'])" "$2/stats.json")
  printf '| %s | %.1f s | %.0f | %.1f | %.2f GB |\n' "$1" "$wall" "$(echo "$docs / $wall" | bc -l)" "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$(echo "$rss / 1048576" | bc -l)"
}

echo "| run | wall | documents/s | input MB/s | peak RSS |"
echo "| --- | --- | --- | --- | --- |"
rm -rf "$out/single"
/usr/bin/time -v "$root/winnow" run "${inputs[@]}" --out "$out/single/run" -q --no-report "${options[@]}" >/dev/null 2>"$out/single.time"
row "one process" "$out/single/run" "$out/single.time"
for config in ${SCALING_CONFIGS:-1:1 2:2 4:2 8:2}; do
  tasks=${config%:*}; workers=${config#*:}
  dir="$out/t$tasks-w$workers"
  rm -rf "$dir"
  /usr/bin/time -v "$root/winnow" run "${inputs[@]}" --out "$dir/run" -q --no-report "${options[@]}" --tasks "$tasks" --workers "$workers" \
    >/dev/null 2>"$dir.time"
  row "--tasks $tasks --workers $workers" "$dir/run" "$dir.time"
  diff -rq --exclude=.winnow "$out/single/run" "$dir/run" >/dev/null || { echo "sharded-scaling: $dir differs from the single-process run" >&2; exit 1; }
  rm -rf "$dir"
done
