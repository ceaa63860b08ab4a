#!/usr/bin/env bash
# Checks that the natively compiled command (./winnow's default build where clang is installed)
# writes byte for byte what the build for the .NET runtime writes, over the commands and formats
# a user runs: run (with report, compat, reuse, boilerplate, sharded tasks), dedup, extract (text
# and Markdown), synth, Parquet and zstd in and out, Dolma's layout, WARC files. Native code has
# no JIT to fall back on, so a member trimmed away or a reflection-only path would show here.
# Prints one line and exits 0 only when every output matches.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v clang >/dev/null 2>&1 || { echo "native-check: clang is not installed; nothing to check" >&2; exit 0; }
"$root/winnow" --version >/dev/null
[ -x "$root/.build/native/Winnow.Cli" ] || { echo "native-check: the native build failed (.build/native-build.log)" >&2; exit 1; }
WINNOW_BUILD=jit "$root/winnow" --version >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/native" "$work/jit"
"$root/winnow" synth --docs 3000 --out "$work/corpus.jsonl" >/dev/null
head -n 400 "$work/corpus.jsonl" > "$work/small.jsonl"
pages="$root/../shared/data/article-extraction-benchmark/html"
warcs="$root/.warc-testdata"

# each: NAME ARGS... (run in both folders, so relative output paths match)
checks=(
  "run|run $work/corpus.jsonl --out o_run -q"
  "compat|run $work/small.jsonl --out o_compat -q --compat datatrove --no-report"
  "reuse|run $work/small.jsonl --out o_reuse -q --reuse --boilerplate remove --no-report"
  "tasks|run $work/small.jsonl --out o_tasks -q --tasks 2 --no-report"
  "parquet|run $work/small.jsonl --out o_parquet -q --output-format parquet"
  "parquet-in|run o_parquet/documents --out o_parquet_in -q --no-report"
  "zstd|run $work/small.jsonl --out o_zstd -q --compress zstd --no-report"
  "zstd-in|run o_zstd/documents --out o_zstd_in -q --no-report"
  "dolma|run $work/small.jsonl --out o_dolma -q --layout dolma --no-report"
  "dedup|dedup $work/corpus.jsonl --out o_dedup -q"
  "synth|synth --docs 200 --out o_synth.jsonl"
)
[ -d "$pages" ] && checks+=("extract|extract $pages --out o_extract.jsonl -t 2" "markdown|extract $pages --out o_markdown.jsonl --format markdown --links")
[ -d "$warcs" ] && checks+=("warc|run $warcs --out o_warc -q --no-report")

for check in "${checks[@]}"; do
  name=${check%%|*}
  args=${check#*|}
  # shellcheck disable=SC2086  # the arguments are split on purpose
  (cd "$work/native" && "$root/.build/native/Winnow.Cli" $args > "$name.log" 2>&1; echo "exit $?" >> "$name.log")
  # shellcheck disable=SC2086
  (cd "$work/jit" && dotnet "$root/.build/jit/Winnow.Cli.dll" $args > "$name.log" 2>&1; echo "exit $?" >> "$name.log")
done

# Timings and the absolute output folder differ between the two; everything else must not.
normalise() { sed -E "s#$work/(native|jit)#WORK#g; s/[0-9]+(\.[0-9]+)? s\b/T s/g; s/\"(seconds|elapsed_seconds|started|finished|wall_seconds|cpu_seconds)\": [^,}]*/\"\1\": T/g" "$1"; }
differ=0
files=0
while IFS= read -r f; do
  files=$((files + 1))
  a="$work/native/$f"
  b="$work/jit/$f"
  if [ ! -f "$a" ]; then echo "native-check: $f: missing from the native run" >&2; differ=1; continue; fi
  case "$f" in
    *.log | *.json) cmp -s <(normalise "$a") <(normalise "$b") || { echo "native-check: $f differs" >&2; diff <(normalise "$a") <(normalise "$b") | head -5 >&2; differ=1; } ;;
    *) cmp -s "$a" "$b" || { echo "native-check: $f differs" >&2; differ=1; } ;;
  esac
done < <(cd "$work/jit" && find . -type f -not -path '*/.winnow/*' -not -name '.winnow-run' | sort)
[ "$differ" -eq 0 ] || { echo "native-check: the native command's output differs from the .NET runtime build's" >&2; exit 1; }
echo "native-check: ok, ${#checks[@]} commands, $files files identical between the native and the .NET runtime builds"
