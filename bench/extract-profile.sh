#!/bin/bash
# Where `winnow extract` spends its CPU, step by step, as a user runs it (one thread, whole
# process): `perf record -g` of the native command on the 181 benchmark pages and on the
# development set (1,555 pages), then each sample given to the step its stack belongs to
# (bench/extract_profile.py). Needs perf and ../shared/data.
#
#   bench/extract-profile.sh [FREQUENCY]    samples per second, default 4000
set -euo pipefail
cd "$(dirname "$0")/.."
freq=${1:-4000}
data=$(cd ../shared/data 2>/dev/null && pwd) || { echo "../shared/data not found" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 2; }
./winnow --version > /dev/null   # build outside the profile
bin=.build/native/Winnow.Cli
[ -x "$bin" ] || { echo "the native command is not built (./winnow builds it where clang is installed)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile() { # name, inputs...
  local name=$1; shift
  perf record -q -F "$freq" -g -o "$work/$name.data" "$bin" extract "$@" --out "$work/$name.jsonl" -t 1 -q 2> /dev/null
  perf script -i "$work/$name.data" -F comm,tid,time,ip,sym,dso 2> /dev/null > "$work/$name.txt"
  python3 bench/extract_profile.py "$name" "$work/$name.txt"
}
profile "benchmark (181 pages)" "$data/article-extraction-benchmark/html"
profile "development (1,555 pages)" "$data/extraction-dev/dragnet/html" "$data/extraction-dev/cleaneval-dev/html" "$data/extraction-dev/readability/html"
