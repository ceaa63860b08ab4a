#!/usr/bin/env bash
# shellcheck disable=SC2034 # the variables are used by the scripts that source this file
# Shared by start.sh, stop.sh and smoke.sh: paths and small checks. Sourced, not run.

slurm_etc=/etc/slurm
slurm_conf=$slurm_etc/slurm.conf
conf_marker="# Written by .ci/slurm/start.sh (Winnow CI); overwritten on every start."
ctld_pidfile=/run/slurmctld.pid
slurmd_pidfile=/run/slurmd.pid
munged_pidfile=/run/munge/munged.pid

fail() {
  echo "slurm: error: $*" >&2
  exit 1
}

# True when process $1 is alive and its command is $2 (guards against a reused pid).
pid_is() {
  [ -r "/proc/$1/comm" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] &&
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# True when the pid file names a live process whose command is $2.
daemon_alive() {
  [ -s "$1" ] && pid_is "$(cat "$1")" "$2"
}

munge_works() {
  munge -n 2>/dev/null | unmunge >/dev/null 2>&1
}

tail_logs() {
  local log
  for log in /var/log/munge/munged.log /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log; do
    [ -f "$log" ] || continue
    echo "---- last lines of $log" >&2
    tail -n 25 "$log" >&2
  done
}
