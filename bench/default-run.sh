#!/usr/bin/env bash
# The default `winnow run` (extract, exact dedup, Gopher/C4/FineWeb filters, PII, near dedup,
# report) beside the machine's limits, measured in the same session: reading the corpus (`cat`
# to /dev/null), copying it (`cp`, which writes the page cache as the run's output does), and
# decompressing its gzipped copy (`gzip -d`). Whole processes under /usr/bin/time -v; prints a
# Markdown table (wall, user + sys, peak RSS, MB/s of input JSONL).
#
#   bench/default-run.sh CORPUS.jsonl WORK_DIR [ROUNDS] [-- RUN_OPTIONS...]
#   e.g. ./winnow synth --docs 1000000 --out /tmp/c1m.jsonl && bench/default-run.sh /tmp/c1m.jsonl /tmp/dr 2
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1; work=$2; rounds=${3:-1}; shift $(( $# >= 3 ? 3 : $# ))
[ "${1:-}" = "--" ] && shift
options=("$@")
mkdir -p "$work"
size=$(stat -c %s "$corpus")
[ -f "$work/corpus.jsonl.gz" ] || gzip -1 -c "$corpus" > "$work/corpus.jsonl.gz"
"$root/winnow" --help > /dev/null   # build outside the timings

# CPU time the host took from this VM (all cores), in ms since the tick count given.
steal() { awk '/^cpu / { print $9 }' /proc/stat; }
stolen_since() { echo $(( ($(steal) - $1) * 1000 / $(getconf CLK_TCK) )); }

wall_of() { # time -v log: the wall clock in seconds
  grep -F 'Elapsed (wall clock)' "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'
}

row() { # label, time -v log, ms stolen by the host meanwhile
  local wall user sys rss
  wall=$(wall_of "$2")
  user=$(grep -F 'User time' "$2" | awk '{print $NF}')
  sys=$(grep -F 'System time' "$2" | awk '{print $NF}')
  rss=$(grep -F 'Maximum resident' "$2" | awk '{print $NF}')
  printf '| %s | %.1f s | %.1f s | %.0f MB | %.0f MB/s | %s ms |\n' "$1" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(echo "$size / 1000000 / $wall" | bc -l)" "$3"
}

# Free space matters: with the file system nearly full (4.6 GB free of 252) the 1M run took 38-40 s
# and `cp` 5 s; with 36 GB free, 36 s and 1 s (docs/benchmarks.md, 2026-12-05 19:00 UTC).
free_gb=$(df -P -BG "$work" | awk 'NR == 2 { sub("G", "", $4); print $4 }')
echo "corpus: $corpus ($((size / 1000000)) MB); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); ${free_gb} GB free where the run writes"
if [ "$free_gb" -lt $(( 3 * size / 1000000000 + 8 )) ]; then
  echo "warning: under $(( 3 * size / 1000000000 + 8 )) GB free: the run writes about twice the corpus, and a nearly full file system slows every write" >&2
fi
echo
echo "| command | wall | user + sys | peak RSS | MB/s of the JSONL | stolen by the host |"
echo "| --- | --- | --- | --- | --- | --- |"
# Each writing command starts with nothing of the one before still being written back: the
# kernel's writeback of a previous 3 GB output otherwise lands in whichever command comes next.
settle() { sync; }
ratios=()

for round in $(seq "$rounds"); do
  t=$(steal); /usr/bin/time -v cat "$corpus" > /dev/null 2> "$work/cat.log"; row "cat > /dev/null" "$work/cat.log" "$(stolen_since "$t")"
  rm -f "$work/copy.jsonl"; settle
  t=$(steal); /usr/bin/time -v cp "$corpus" "$work/copy.jsonl" 2> "$work/cp.log"; row "cp" "$work/cp.log" "$(stolen_since "$t")"
  rm -f "$work/copy.jsonl"
  t=$(steal); /usr/bin/time -v gzip -dc "$work/corpus.jsonl.gz" > /dev/null 2> "$work/gzip.log"; row "gzip -d (of its gzip -1 copy)" "$work/gzip.log" "$(stolen_since "$t")"
  rm -rf "$work/run"; settle
  t=$(steal); /usr/bin/time -v "$root/winnow" run "$corpus" --out "$work/run" -q "${options[@]}" > "$work/run.out" 2> "$work/run.log"
  row "winnow run ${options[*]}" "$work/run.log" "$(stolen_since "$t")"
  ratios+=("$(echo "$(wall_of "$work/run.log") / $(wall_of "$work/gzip.log")" | bc -l | cut -c1-4)")
done
echo
echo "winnow run / gzip -d (wall), by round: ${ratios[*]}"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -n +1 "$work/run.out" | head -12
