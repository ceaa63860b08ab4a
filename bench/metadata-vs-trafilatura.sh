#!/bin/bash
# Publication dates (and Readability's bylines) for winnow and trafilatura 2.2.0 (htmldate) in the
# same run, on the pages of bench/data/date-annotations.tsv. Needs ../shared/data and trafilatura
# installed by ../shared/anchors/setup.sh. Extra arguments go to the bench command (--verbose).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd ../shared 2>/dev/null && pwd) || {
  for d in .. ../.. ../../..; do [ -d "$d/shared/data" ] && shared=$(cd "$d/shared" && pwd) && break; done; }
: "${shared:?shared data not found}"
. "${ANCHORS_DIR:?set ANCHORS_DIR to where ../shared/anchors/setup.sh installed the anchors}/env.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
# The wrapper reads a folder: one link per annotated page, named after it with "/" spelled "__".
tail -n +2 bench/data/date-annotations.tsv | cut -f1 | while read -r page; do
  case "$page" in
    readability-test-pages/*) src="$shared/data/$page/source.html.gz" ;;
    extraction-dev/*) rest=${page#extraction-dev/}; src="$shared/data/extraction-dev/${rest%%/*}/html/${rest#*/}.html.gz" ;;
    *) echo "unknown page $page" >&2; exit 1 ;;
  esac
  ln -s "$src" "$work/pages/${page//\//__}.html.gz"
done
/usr/bin/python3 "$shared/anchors/trafilatura_extract.py" --batch "$work/pages" --out "$work/trafilatura.jsonl"
dotnet run -c Release --project bench/Winnow.Bench -- metadata-dates --trafilatura "$work/trafilatura.jsonl" "$@"
