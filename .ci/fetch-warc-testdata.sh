#!/usr/bin/env bash
# Fetches the public test files the tests read: the WARCs of warcio, pywb, resiliparse and jwarc, Apache Arrow's IPC files and Apache Parquet's test files (parquet-testing),
# as listed in tests/Winnow.Tests/Warc/warc-testdata.tsv (name, repository, pinned commit, path,
# SHA-256), and checks every checksum. They go to $WINNOW_WARC_TESTDATA, else to .warc-testdata
# beside the repository; the folder appears only once every file is there and verified, and the
# tests skip without it. Nothing is copied into the repository.
#
# Usage: .ci/fetch-warc-testdata.sh [--from-git DIR] [--dest DIR]
#   --from-git DIR  take the files from local clones instead of downloading them: for owner/name,
#                   DIR/owner+name, DIR/owner/name or DIR/name (a clone, or a bare repository
#                   directly or in its repo/ subfolder) that holds the pinned commit
#   --dest DIR      where to put them
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
manifest="$root/tests/Winnow.Tests/Warc/warc-testdata.tsv"
dest="${WINNOW_WARC_TESTDATA:-$(dirname "$root")/.warc-testdata}"
from_git=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from-git) from_git="${2:?--from-git needs a folder}"; shift 2 ;;
    --dest) dest="${2:?--dest needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fetch-warc-testdata: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

entries() { grep -v '^#' "$manifest" | grep -v '^[[:space:]]*$'; }

# True when every file of the manifest is in $1 with its checksum.
verified() {
  local dir="$1" name repo commit path sha
  while IFS=$'\t' read -r name repo commit path sha; do
    [ -f "$dir/$name" ] && [ "$(sha256sum "$dir/$name" | cut -d' ' -f1)" = "$sha" ] || return 1
  done < <(entries)
}

# A git directory under $from_git that holds $2 (commit) for repository $1 (owner/name).
find_git() {
  local owner="${1%%/*}" name="${1#*/}" commit="$2" candidate
  for candidate in "$from_git/$owner+$name/repo" "$from_git/$owner+$name" "$from_git/$owner/$name" \
      "$from_git/$owner/$name.git" "$from_git/$name" "$from_git/$name.git"; do
    if [ -d "$candidate" ] && git -C "$candidate" cat-file -e "$commit^{commit}" 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [ -d "$dest" ]; then
  if verified "$dest"; then
    echo "fetch-warc-testdata: $dest is complete"
    exit 0
  fi
  # Never overwrite a folder this run did not write.
  echo "fetch-warc-testdata: $dest exists but does not match $manifest; remove it and run again" >&2
  exit 1
fi

mkdir -p "$(dirname "$dest")"
tmp="$(mktemp -d "${dest%/}.partial.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r name repo commit path sha; do
  mkdir -p "$tmp/$(dirname "$name")"
  if [ -n "$from_git" ]; then
    git_dir="$(find_git "$repo" "$commit")" \
      || { echo "fetch-warc-testdata: no clone of $repo with commit $commit under $from_git" >&2; exit 1; }
    git -C "$git_dir" show "$commit:$path" > "$tmp/$name"
  else
    curl -fsSL --connect-timeout 15 --max-time 120 --retry 2 -o "$tmp/$name" \
      "https://raw.githubusercontent.com/$repo/$commit/$path"
  fi
  actual="$(sha256sum "$tmp/$name" | cut -d' ' -f1)"
  if [ "$actual" != "$sha" ]; then
    echo "fetch-warc-testdata: $name: SHA-256 $actual, expected $sha" >&2
    exit 1
  fi
done < <(entries)
mv "$tmp" "$dest"
trap - EXIT
echo "fetch-warc-testdata: $(entries | wc -l) files in $dest"
