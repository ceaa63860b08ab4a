#!/usr/bin/env bash
# Stops the daemons started by start.sh: slurmd, slurmctld and (unless --keep-munge) munged.
# Jobs still running are not cancelled first; their slurmstepd processes end with the jobs.
# Safe to run when nothing is running.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

[ "$(id -u)" -eq 0 ] || fail "run as root"
keep_munge=false
[ "${1:-}" = --keep-munge ] && keep_munge=true

# Sends TERM to the daemon named by the pid file and waits (bounded) for the process to exit;
# the daemons remove their pid files before they are gone, so the wait watches the pid.
stop_daemon() {
  local pidfile=$1 name=$2 pid
  daemon_alive "$pidfile" "$name" || { rm -f "$pidfile"; return 0; }
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 100); do
    if ! pid_is "$pid" "$name"; then
      rm -f "$pidfile"
      echo "slurm: stopped $name"
      return 0
    fi
    sleep 0.1
  done
  fail "$name (pid $pid) still running 10s after SIGTERM"
}

stop_daemon "$slurmd_pidfile" slurmd
stop_daemon "$ctld_pidfile" slurmctld
if [ "$keep_munge" = false ]; then
  stop_daemon "$munged_pidfile" munged
fi
