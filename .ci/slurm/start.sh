#!/usr/bin/env bash
# Starts a single-node Slurm cluster on this machine for CI: installs slurm-wlm and munge when
# missing, starts munged, writes /etc/slurm/slurm.conf, starts slurmctld and slurmd, and waits
# until the node is idle. Idempotent: running daemons with an unchanged config are left alone.
# Needs root; no systemd (the daemons are started directly). Stop with stop.sh beside this file.
#
# Environment: SLURM_START_TIMEOUT (seconds to wait for the idle node, default 60).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

timeout=${SLURM_START_TIMEOUT:-60}
[ "$(id -u)" -eq 0 ] || fail "run as root (the daemons and the config live in system folders)"
started_at=$SECONDS

bash "$here/../install.sh" slurm-wlm munge

# --- munge ---------------------------------------------------------------------------------------
if [ ! -s /etc/munge/munge.key ]; then
  # Debian's postinst normally creates the key; make one when it is missing.
  mungekey --create --keyfile=/etc/munge/munge.key
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
if ! munge_works; then
  runuser -u munge -- /usr/sbin/munged || { tail_logs; fail "munged did not start"; }
  for _ in $(seq 1 50); do munge_works && break; sleep 0.1; done
  munge_works || { tail_logs; fail "munged started but 'munge -n | unmunge' fails"; }
fi

# --- slurm.conf ----------------------------------------------------------------------------------
host=$(hostname -s)
cpus=$(nproc)
install -d -m 0755 "$slurm_etc" /var/log/slurm /var/lib/slurm/slurmctld /var/lib/slurm/slurmd
if [ -e "$slurm_conf" ] && ! grep -qF "$conf_marker" "$slurm_conf"; then
  fail "$slurm_conf exists and was not written by this script; refusing to overwrite it"
fi
new_conf=$(mktemp)
trap 'rm -f "$new_conf"' EXIT
# NodeAddr/SlurmctldHost address 127.0.0.1: the short host name need not resolve on a CI runner.
# CR_CPU: memory is not a consumable resource, so array tasks are not serialised by a default
# per-job memory request of the whole node. batch_sched_delay=0: scheduling hops take ~1 s, not ~3 s.
cat >"$new_conf" <<EOF
$conf_marker
ClusterName=ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
MinJobAge=600
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=$ctld_pidfile
SlurmdPidFile=$slurmd_pidfile
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
if ! cmp -s "$new_conf" "$slurm_conf"; then
  if daemon_alive "$ctld_pidfile" slurmctld || daemon_alive "$slurmd_pidfile" slurmd; then
    echo "slurm: config changed; restarting the daemons"
    bash "$here/stop.sh" --keep-munge
  fi
  install -m 0644 "$new_conf" "$slurm_conf"
fi

# --- daemons -------------------------------------------------------------------------------------
if ! daemon_alive "$ctld_pidfile" slurmctld; then
  /usr/sbin/slurmctld || { tail_logs; fail "slurmctld did not start"; }
fi
if ! daemon_alive "$slurmd_pidfile" slurmd; then
  /usr/sbin/slurmd || { tail_logs; fail "slurmd did not start"; }
fi

deadline=$((SECONDS + timeout))
state=""
while [ "$SECONDS" -lt "$deadline" ]; do
  state=$(sinfo --noheader --nodes="$host" --format=%T 2>/dev/null || true)
  # A node already running jobs (start.sh run again) is up too.
  case $state in idle | mixed | allocated) break ;; esac
  sleep 0.5
done
if ! [[ $state =~ ^(idle|mixed|allocated)$ ]]; then
  sinfo --long --Node 2>&1 || true
  tail_logs
  fail "node $host not idle after ${timeout}s (state: ${state:-none})"
fi
echo "slurm: $(sinfo --version) on $host with $cpus CPUs, $state after $((SECONDS - started_at))s"
