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
#   extract-vs-trafilatura.sh scaling [REPEATS] two threads against one, and the machine's own: the
#                                               median of REPEATS (default 15) interleaved runs of
#                                               `winnow extract -t 1`, `-t 2`, one `gzip -d` of the
#                                               pages alone and two at once (µs clock). Two busy
#                                               vCPUs of a shared host rarely give twice one's work;
#                                               the gzip pair says how far this machine goes. Also
#                                               the median of each repeat's own ratio, steadier
#                                               when the host's load drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=warm
if [ "${1:-}" = command ] || [ "${1:-}" = scaling ]; then mode=$1; shift; fi
rounds=${1:-3}
bench=$(cd ../shared/data/article-extraction-benchmark 2>/dev/null && pwd) || {
  for d in .. ../.. ../../..; do [ -d "$d/shared/data/article-extraction-benchmark" ] && bench=$(cd "$d/shared/data/article-extraction-benchmark" && pwd) && break; done; }
: "${bench:?shared data not found}"
. "${ANCHORS_DIR:?set ANCHORS_DIR to where ../shared/anchors/setup.sh installed the anchors}/env.sh"
if [ "$mode" = scaling ]; then
  repeats=${1:-15}
  dev=$(cd "$bench/../extraction-dev" && pwd)
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  ./winnow --help >/dev/null
  winnow=./winnow
  if [ "${WINNOW_BUILD:-native}" = native ] && [ -x .build/native/Winnow.Cli ] && [ ! -f .build/native.failed ]; then winnow=.build/native/Winnow.Cli; fi
  # seconds of wall of the commands given (each a string), run at once, then their CPU seconds
  # (user + system). The function runs in a subshell of its own, whose `times` counts only the
  # children it waited for: no timing process is added to the run.
  together() ( local start=$EPOCHREALTIME pids=() c
               for c in "$@"; do bash -c "$c" >/dev/null 2>>"$out/log" & pids+=($!); done
               for c in "${pids[@]}"; do wait "$c" || { cat "$out/log" >&2; exit 1; }; done
               local wall; wall=$(echo "$EPOCHREALTIME - $start" | bc)
               times > "$out/times" # a builtin writing to a file: in a pipe it would run in a fresh subshell
               echo "$wall $(tail -1 "$out/times" | tr -d 's' | tr 'm' ' ' | awk '{ print $1 * 60 + $2 + $3 * 60 + $4 }')" )
  median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  steal() { awk '/^cpu / { print $9 }' /proc/stat; }
  steal_before=$(steal)
  echo "set | pages | winnow 1 thread, wall (median of $repeats) | 2 threads | 1 / 2 threads (median of the runs' ratios) | CPU s, 1 / 2 threads | gzip -d alone | two at once | machine: 2 × alone / two at once"
  for set in benchmark development; do
    if [ $set = benchmark ]; then inputs=("$bench/html"); pages=181; copies=2
    else inputs=("$dev/dragnet/html" "$dev/cleaneval-dev/html" "$dev/readability/html"); pages=1555; copies=1; fi
    # The pages' own gzip members, enough copies for a run about as long as winnow's one-thread run.
    for _ in $(seq "$copies"); do find "${inputs[@]}" -name '*.gz' -type f -print0 | sort -z | xargs -0 cat; done > "$out/pages.gz"
    gz="gzip -dc '$out/pages.gz'"
    : > "$out/t1"; : > "$out/t2"; : > "$out/g1"; : > "$out/g2"
    # Each run writes a new file, as a first run does: replacing the last run's output would make
    # its rename wait for the file system to free the old blocks (on a disk mounted with
    # `discard`, ~2 ms a run), a cost of the benchmark's repetition rather than of extraction.
    for _ in $(seq "$repeats"); do
      rm -f "$out/w1.jsonl"; together "$winnow extract ${inputs[*]} --out $out/w1.jsonl -t 1 -q" >> "$out/t1"
      rm -f "$out/w2.jsonl"; together "$winnow extract ${inputs[*]} --out $out/w2.jsonl -t 2 -q" >> "$out/t2"
      together "$gz" >> "$out/g1"
      together "$gz" "$gz" >> "$out/g2"
    done
    cmp -s "$out/w1.jsonl" "$out/w2.jsonl" || { echo "winnow's output differs between 1 and 2 threads" >&2; exit 1; }
    col() { cut -d' ' -f"$1" "$2"; }
    t1=$(col 1 "$out/t1" | median); t2=$(col 1 "$out/t2" | median); g1=$(col 1 "$out/g1" | median); g2=$(col 1 "$out/g2" | median)
    # CPU seconds: a two-thread run that did more work than a one-thread run (contention for
    # memory, cache, locks) shows here; equal CPU and a lower ratio is time the host did not give.
    c1=$(col 2 "$out/t1" | median); c2=$(col 2 "$out/t2" | median)
    # The host's load drifts over minutes: the ratios of runs made one after the other (a pair per
    # repeat) are steadier than the ratio of the medians; both are shown.
    pw=$(paste -d' ' "$out/t1" "$out/t2" | awk '{ print $1 / $3 }' | median); pg=$(paste -d' ' "$out/g1" "$out/g2" | awk '{ print 2 * $1 / $3 }' | median)
    printf '%s | %d | %.3f s | %.3f s | %.2fx (pairs %.2fx) | %.2f / %.2f | %.3f s | %.3f s | %.2fx (pairs %.2fx)\n' "$set" "$pages" "$t1" "$t2" "$(echo "$t1 / $t2" | bc -l)" "$pw" "$c1" "$c2" "$g1" "$g2" "$(echo "2 * $g1 / $g2" | bc -l)" "$pg"
  done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); CPU time stolen by the host meanwhile: $(( ($(steal) - steal_before) * 1000 / $(getconf CLK_TCK) )) ms"
  exit 0
fi
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
      # New output files for every run, as in scaling mode.
      rm -f "$out/w1.jsonl" "$out/w2.jsonl" "$out/t.jsonl"
      read -r w1 c1 < <(timed "$winnow" extract "${inputs[@]}" --out "$out/w1.jsonl" -t 1 -q)
      read -r w2 c2 < <(timed "$winnow" extract "${inputs[@]}" --out "$out/w2.jsonl" -t 2 -q)
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
