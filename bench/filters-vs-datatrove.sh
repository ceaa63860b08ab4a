#!/usr/bin/env bash
# Winnow's quality filters against DataTrove's, side by side on one corpus: agreement per filter, per
# measured value and as FineWeb's chain (default rules and compat: datatrove), then CPU seconds of the
# same filter chain in both tools, in alternating rounds.
#
# Needs DataTrove 0.10 and spaCy 3.5.4 run from source as ../shared/anchors/datatrove/README.md sets them
# up (Debian's python3; DT=/tmp/dt holds dtshim.py, datatrove/ and spacy-src/). The corpus is built by
# ../shared/anchors/datatrove/build_corpus.py from the shared pages (trafilatura from ../shared/anchors).
#
#   . "$ANCHORS_DIR/env.sh"; SHARED=../shared /usr/bin/python3 ../shared/anchors/datatrove/build_corpus.py /tmp/dt/corpus.jsonl
#   bench/filters-vs-datatrove.sh /tmp/dt/corpus.jsonl /tmp/dt/compare [ROUNDS]
#   TIMING_ONLY=1 bench/filters-vs-datatrove.sh ...    # only the timed rounds
#
# Timed, one core each: DataTrove's JsonlReader -> GopherRepetition -> GopherQuality -> C4 (no terminal
# punctuation rule, as FineWeb ran it) -> FineWebQuality -> PIIFormatter -> JsonlWriter
# (../shared/anchors/datatrove/dt_pipeline.py filters) against
# `winnow run --compat datatrove --no-exact --no-near-dedup --no-report --tokenizer none -t 1` (the same four filters,
# then PII), whole processes, CPU = user + sys.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(readlink -f "$1"); out=$2; rounds=${3:-3}
export DT=${DT:-/tmp/dt}
anchors=${ANCHORS_DATATROVE:-$root/../shared/anchors/datatrove}
py=/usr/bin/python3
mkdir -p "$out"
"$root/winnow" --version >/dev/null # build once, outside the timings

# 1. DataTrove's decisions and values (once per corpus)
if [ -z "${TIMING_ONLY:-}" ] && [ ! -s "$out/datatrove.jsonl" ]; then
  $py "$root/bench/datatrove_filters.py" "$corpus" "$out/datatrove.jsonl"
fi

# 2. Winnow in annotate mode and as a chain, default rules and compat: datatrove
for compat in $([ -z "${TIMING_ONLY:-}" ] && echo papers datatrove); do
  for config in annotate c4fw chain; do
    "$root/winnow" run "$corpus" --out "$out/$compat-$config" --config "$root/bench/filters-$config.yaml" \
      --compat "$compat" --no-exact --no-near-dedup --no-report -q -t 1 --overwrite >/dev/null
  done
  echo "## compat: $compat"
  $py "$root/bench/filters_agreement.py" "$out/datatrove.jsonl" "$out/$compat-annotate" "$out/$compat-c4fw" "$out/$compat-chain"
  echo
done

# 3. CPU seconds, alternating rounds
mkdir -p "$out/input"
cp "$corpus" "$out/input/part-000.jsonl"
seconds() { awk 'END { printf "%.2f %.2f\n", $1, $2 + $3 }' "$1"; }
echo "| round | DataTrove wall | DataTrove CPU | Winnow wall | Winnow CPU | ratio by CPU |"
echo "| --- | --- | --- | --- | --- | --- |"
for round in $(seq "$rounds"); do
  rm -rf "$out/dt-run"
  /usr/bin/time -f "%e %U %S" -o "$out/dt.time" $py "$anchors/dt_pipeline.py" filters "$out/input" "$out/dt-run" 1 >"$out/dt.log" 2>&1
  /usr/bin/time -f "%e %U %S" -o "$out/w.time" "$root/winnow" run "$out/input" --out "$out/w-run" --compat datatrove \
    --no-exact --no-near-dedup --no-report --tokenizer none -q -t 1 --overwrite >/dev/null
  read -r dw dc < <(seconds "$out/dt.time")
  read -r ww wc < <(seconds "$out/w.time")
  echo "| $round | $dw | $dc | $ww | $wc | $(awk -v a="$dc" -v b="$wc" 'BEGIN { printf "%.1fx", a / b }') |"
done
