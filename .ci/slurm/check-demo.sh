#!/usr/bin/env bash
# Checks that the demo run as Slurm job arrays (3 tasks per map step, 1 MB input shards, so every
# step has several units) gives byte for byte the output of the demo run in one process.
# Needs the cluster of start.sh. Prints one line per run and exits 0 only when they match.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"
root=$(cd "$here/../.." && pwd)
scontrol ping >/dev/null 2>&1 || fail "slurmctld does not answer; run start.sh first"
work=$(mktemp -d)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT

t0=$SECONDS
"$root/winnow" demo --dir "$work/local" -q >/dev/null
echo "slurm-check: local demo run in $((SECONDS - t0)) s"
t0=$SECONDS
if ! "$root/winnow" demo --dir "$work/slurm" -q --executor slurm --tasks 3 --input-shard-mb 1 --slurm-cpus 1 --wait \
    >"$work/slurm.out" 2>&1; then
  cat "$work/slurm.out" >&2
  for f in "$work"/slurm/run/.winnow/logs/*; do [ -f "$f" ] && { echo "---- $f" >&2; cat "$f" >&2; }; done
  tail_logs
  fail "the Slurm demo run failed"
fi
arrays=$(ls "$work/slurm/run/.winnow/slurm/"s*.sh | wc -l)
echo "slurm-check: Slurm demo run ($arrays job arrays chained with afterok) in $((SECONDS - t0)) s"
if ! diff -r --exclude=.winnow "$work/local/run" "$work/slurm/run" >&2; then
  fail "the Slurm run's output differs from the local run's"
fi
files=$(find "$work/local/run" -type f -not -path '*/.winnow/*' | wc -l)
echo "slurm-check: ok, $files files byte-identical"
