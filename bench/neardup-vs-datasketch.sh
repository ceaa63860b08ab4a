#!/usr/bin/env bash
# Near-duplicate clusters, winnow against datasketch (MinHash + MinHashLSH), side by side in one
# run on one corpus with the same shingles (word 5-grams), 128 permutations and threshold 0.8.
# datasketch runs as it is used (every LSH candidate joins); winnow also checks each candidate's
# estimated Jaccard (--verify estimate), a little more work. Rounds alternate: datasketch once, then winnow RUNS times, so
# both see the same moments of a machine whose speed drifts. Prints a Markdown table: per round
# datasketch's wall and CPU seconds, winnow's median wall and CPU seconds, and the ratios; then
# the agreement on which documents are duplicates (Winnow.Bench neardup-agree).
#
#   . "$ANCHORS_DIR/env.sh"     # datasketch from ../shared/anchors (setup.sh installs it)
#   bench/neardup-vs-datasketch.sh CORPUS.jsonl OUT_DIR [ROUNDS] [RUNS]
#
# Make the corpus with: python3 ../shared/anchors/gen_synth.py jsonl g100k.jsonl --docs 100000
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$1; out=$2; rounds=${3:-3}; runs=${4:-5}
anchors=${ANCHORS_SCRIPTS:-$root/../shared/anchors}
mkdir -p "$out"
"$root/winnow" --version >/dev/null # build once, outside the timings

seconds() { # "/usr/bin/time -f" log: wall user sys -> "wall cpu"
  awk 'END { printf "%.2f %.2f\n", $1, $2 + $3 }' "$1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| round | datasketch wall | datasketch CPU | winnow wall (median of $runs) | winnow CPU (median) | ratio by wall | ratio by CPU |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq "$rounds"); do
  /usr/bin/time -f "%e %U %S" -o "$out/ds.time" /usr/bin/python3 "$anchors/datasketch_dedup.py" "$corpus" \
    --threshold 0.8 --num-perm 128 --ngram 5 --clusters-out "$out/ds.clusters.jsonl" >"$out/ds.log" 2>&1
  read -r ds_wall ds_cpu < <(seconds "$out/ds.time")
  : >"$out/ours.times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$out/ours.time" "$root/winnow" dedup "$corpus" --out "$out/ours" --overwrite -q \
      --no-exact --verify estimate --clusters-only >/dev/null
    seconds "$out/ours.time" >>"$out/ours.times"
  done
  wall=$(awk '{ print $1 }' "$out/ours.times" | median)
  cpu=$(awk '{ print $2 }' "$out/ours.times" | median)
  printf '| %d | %.2f s | %.2f s | %.2f s (%s) | %.2f s | %.1f× | %.1f× |\n' "$round" "$ds_wall" "$ds_cpu" "$wall" \
    "$(awk '{ print $1 }' "$out/ours.times" | sort -n | paste -sd' ')" "$cpu" \
    "$(echo "$ds_wall / $wall" | bc -l)" "$(echo "$ds_cpu / $cpu" | bc -l)"
done
echo
dotnet run -c Release --project "$root/bench/Winnow.Bench" -- neardup-agree "$corpus" "$out/ours/clusters.jsonl" "$out/ds.clusters.jsonl"
