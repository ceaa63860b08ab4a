#!/usr/bin/env bash
# Smoke test of the cluster started by start.sh, exercising what the Slurm executor relies on:
#  1. a 3-task job array plus a job with --dependency=afterok on it: the dependent job runs only
#     after every task succeeded and sees all their outputs;
#  2. an array with a failing task: a dependent job with --kill-on-invalid-dep=yes is cancelled
#     (Reason=DependencyNeverSatisfied); without the flag it stays PENDING with that reason
#     until someone cancels it (this script does);
#  3. sbatch --wait on an array returns the highest exit code of its tasks.
# Polls `scontrol show job` (no accounting storage, so no sacct). Exits 0 only when all hold.
#
# Environment: SLURM_SMOKE_TIMEOUT (seconds per wait, default 120).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

timeout=${SLURM_SMOKE_TIMEOUT:-120}
scontrol ping >/dev/null 2>&1 || fail "slurmctld does not answer; run start.sh first"
work=$(mktemp -d)
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
mkdir "$work/out" "$work/log"
started_at=$SECONDS

# First value of field $2 (e.g. JobState) in `scontrol show job $1`; for an array job the
# first task's line. Empty when the job is unknown.
job_field() {
  scontrol --oneliner show job "$1" 2>/dev/null | head -n 1 | grep -oE "(^| )$2=[^ ]*" |
    head -n 1 | cut -d= -f2-
}

# Waits until job $1 leaves PENDING/RUNNING/COMPLETING, or (with $2) until its Reason is $2.
wait_job() {
  local id=$1 reason=${2:-} deadline=$((SECONDS + timeout)) state
  while [ "$SECONDS" -lt "$deadline" ]; do
    state=$(job_field "$id" JobState)
    if [ -n "$reason" ]; then
      [ "$(job_field "$id" Reason)" = "$reason" ] && return 0
    else
      case $state in PENDING | RUNNING | COMPLETING | CONFIGURING | SUSPENDED | "") ;; *) return 0 ;; esac
    fi
    sleep 0.5
  done
  scontrol show job "$id" >&2 || true
  for f in "$work"/log/*; do [ -f "$f" ] && { echo "---- $f" >&2; cat "$f" >&2; }; done
  tail_logs
  fail "job $id did not reach ${reason:-a final state} within ${timeout}s (state: ${state:-unknown})"
}

expect() {
  local id=$1 field=$2 want=$3 got
  got=$(job_field "$id" "$field")
  [ "$got" = "$want" ] || fail "job $id: $field=$got, expected $want"
}

# --- 1. array + afterok ---------------------------------------------------------------------------
t0=$SECONDS
array=$(sbatch --parsable --job-name=smoke-array --array=0-2 \
  --output="$work/log/%A_%a.out" \
  --wrap="echo \"task \$SLURM_ARRAY_TASK_ID of job \$SLURM_ARRAY_JOB_ID\" > $work/out/\$SLURM_ARRAY_TASK_ID")
after=$(sbatch --parsable --job-name=smoke-after --dependency="afterok:$array" \
  --kill-on-invalid-dep=yes --output="$work/log/%j.out" \
  --wrap="test -f $work/out/0 && test -f $work/out/1 && test -f $work/out/2 && touch $work/marker")
wait_job "$after"
expect "$after" JobState COMPLETED
[ -f "$work/marker" ] || fail "dependent job $after completed but wrote no marker"
for i in 0 1 2; do
  [ -f "$work/log/${array}_$i.out" ] || fail "no log file $work/log/${array}_$i.out (pattern %A_%a)"
done
echo "smoke: array $array (3 tasks) then afterok job $after: COMPLETED, marker written in $((SECONDS - t0))s"

# --- 2. failing task: the dependent jobs never run ------------------------------------------------
t0=$SECONDS
bad=$(sbatch --parsable --job-name=smoke-bad --array=0-2 --output="$work/log/%A_%a.out" \
  --wrap="[ \$SLURM_ARRAY_TASK_ID -ne 1 ] || exit 3")
killed=$(sbatch --parsable --job-name=smoke-killed --dependency="afterok:$bad" \
  --kill-on-invalid-dep=yes --output="$work/log/%j.out" --wrap="touch $work/killed-ran")
stuck=$(sbatch --parsable --job-name=smoke-stuck --dependency="afterok:$bad" \
  --output="$work/log/%j.out" --wrap="touch $work/stuck-ran")
wait_job "$killed"
expect "$killed" JobState CANCELLED
expect "$killed" Reason DependencyNeverSatisfied
wait_job "$stuck" DependencyNeverSatisfied
expect "$stuck" JobState PENDING
scancel "$stuck"
wait_job "$stuck"
expect "$stuck" JobState CANCELLED
task1_state=$(scontrol --oneliner show job "${bad}_1" | grep -oE 'JobState=[^ ]*')
[ "$task1_state" = JobState=FAILED ] || fail "task ${bad}_1: $task1_state, expected FAILED"
if [ -e "$work/killed-ran" ] || [ -e "$work/stuck-ran" ]; then
  fail "a dependent job ran after a failed task"
fi
echo "smoke: array $bad with task 1 failing: job $killed CANCELLED (DependencyNeverSatisfied)," \
  "job $stuck PENDING (DependencyNeverSatisfied) until scancel, in $((SECONDS - t0))s"

# --- 3. sbatch --wait ---------------------------------------------------------------------------
t0=$SECONDS
set +e
sbatch --wait --quiet --array=0-3%2 --output="$work/log/%A_%a.out" \
  --wrap="[ \$SLURM_ARRAY_TASK_ID -ne 2 ] || exit 5"
code=$?
set -e
[ "$code" -eq 5 ] || fail "sbatch --wait returned $code, expected 5 (the failing task's exit code)"
echo "smoke: sbatch --wait on a 4-task array (%2 at a time) returned the failing task's code 5 in $((SECONDS - t0))s"

echo "smoke: passed in $((SECONDS - started_at))s"
