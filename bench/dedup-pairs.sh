#!/usr/bin/env bash
# `winnow dedup` as issue 17 point 5 measures it (documents written, the default tokens; or any
# options after --), two builds alternately: on a shared VM the same build's CPU seconds move by
# several percent from one run to the next and more from one hour to the next, so a change is
# judged by pairs run in the same minutes. Each run writes a new output folder (removed first,
# then `sync`, so that no run pays for the last one's write-back) and is timed whole by
# /usr/bin/time; then the two outputs are compared file by file. Prints a Markdown table.
#
#   bench/dedup-pairs.sh BUILD_A BUILD_B CORPUS.jsonl WORK_DIR [PAIRS] [-- DEDUP_OPTIONS...]
#   BUILD_*: a native command (a folder holding Winnow.Cli and libMono.Unix.so, e.g. a copy of
#   .build/native taken before a change), or "." for this checkout's build
#   e.g. cp -r .build/native /tmp/before; (change, ./winnow --version);
#        bench/dedup-pairs.sh /tmp/before . /tmp/c1m.jsonl /tmp/pairs 3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
a=$1; b=$2; corpus=$3; work=$4; pairs=${5:-3}; shift $(( $# >= 5 ? 5 : $# ))
[ "${1:-}" = "--" ] && shift
options=("$@")
# "." is the checkout's build itself, as an installed command runs (the ./winnow wrapper spends
# time looking for changed sources before each run).
command_of() {
  if [ "$1" != . ]; then echo "$1/Winnow.Cli"; return; fi
  "$root/winnow" --help > /dev/null
  if [ -x "$root/.build/native/Winnow.Cli" ] && [ ! -f "$root/.build/native.failed" ]; then echo "$root/.build/native/Winnow.Cli"; else echo "$root/winnow"; fi
}
run_a=$(command_of "$a"); run_b=$(command_of "$b")
mkdir -p "$work"
size=$(stat -c %s "$corpus")
cat "$corpus" > /dev/null   # in the page cache before the first run, as for the others
echo "| pair | build | wall s | CPU s (user + sys) | MB/CPU-s | peak RSS MB |"
echo "| --- | --- | ---: | --- | ---: | ---: |"
for pair in $(seq "$pairs"); do
  for side in a b; do
    if [ $side = a ]; then cmd=$run_a; name=$a; else cmd=$run_b; name=$b; fi
    rm -rf "$work/out-$side"; sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$cmd" dedup "$corpus" --out "$work/out-$side" -q "${options[@]}" > /dev/null 2> "$work/log" \
      || { cat "$work/log" >&2; exit 1; }
    read -r wall user sys rss < "$work/time"
    cpu=$(echo "$user + $sys" | bc)
    printf '| %d | %s | %.2f | %.2f (%.2f + %.2f) | %.1f | %d |\n' "$pair" "$name" "$wall" "$cpu" "$user" "$sys" "$(echo "$size / 1000000 / $cpu" | bc -l)" $((rss / 1024))
  done
  diff -r "$work/out-a" "$work/out-b" > /dev/null || echo "| $pair | the two outputs differ (diff -r $work/out-a $work/out-b) | | | | |"
done
