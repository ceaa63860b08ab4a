#!/usr/bin/env bash
# Speed of the formats of issue 18, all in one run on this machine: the readers on one core beside
# `zstd -d` and DuckDB's scan (Winnow.Bench readers), tokens per second per encoding (Winnow.Bench
# tokens), then whole `winnow run` processes with the default pipeline on the same corpus as .jsonl,
# .jsonl.zst and Parquet, with and without token counting, and writing Parquet, in alternating rounds.
#   bench/formats-speed.sh [WORKDIR] [DOCS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}; docs=${2:-20000}; rounds=${3:-2}
mkdir -p "$work"
corpus="$work/news.jsonl"
[ -f "$corpus" ] || ./winnow synth -n "$docs" --seed 9 -o "$corpus" >/dev/null
dotnet build bench/Winnow.Bench -c Release -v q -nologo >/dev/null
bench="dotnet bench/Winnow.Bench/bin/Release/net10.0/Winnow.Bench.dll"
taskset -c 0 $bench readers "$corpus" 3   # also writes $corpus.zst (zstd -3) and news.parquet (DuckDB)
taskset -c 0 $bench tokens "$corpus" 2
./winnow run "$corpus" --out "$work/warm" --overwrite -q --no-report >/dev/null
declare -A runs=(
  [jsonl-tokens-none]="$corpus --tokenizer none"
  [jsonl-default]="$corpus"
  [zst-default]="$corpus.zst"
  [parquet-default]="${corpus%.jsonl}.parquet"
  [jsonl-to-parquet]="$corpus --output-format parquet"
)
echo "whole process, default pipeline, --threads 2, no report: wall s, CPU s (user+sys)"
for round in $(seq "$rounds"); do
  for name in jsonl-tokens-none jsonl-default zst-default parquet-default jsonl-to-parquet; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$name round $round: %e s wall, %U+%S s CPU" ./winnow run ${runs[$name]} --out "$work/$name" --overwrite -q --no-report -t 2 >/dev/null
  done
done 2>&1
