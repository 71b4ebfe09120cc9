#!/usr/bin/env bash
# Proves sweeps on a real Slurm: installs Debian's slurm-wlm and munge, starts a one-node cluster
# on this machine, submits a sweep as an array of 4 tasks plus the dependent merge, and checks
# that the merged results are byte-identical to the same sweep run in one process.
# Needs root (apt-get, daemons). Usage: scripts/slurm-smoke.sh [path/to/concerto]
set -euo pipefail
cd "$(dirname "$0")/.."
CONCERTO=$(realpath "${1:-.build/release/concerto}")
[ -x "$CONCERTO" ] || { echo "build first: swift build -c release"; exit 1; }
start=$(date +%s)
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
host=$(hostname -s)
cpus=$(nproc)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge /etc/munge
[ -s /etc/munge/munge.key ] || { dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; }
chmod 400 /etc/munge/munge.key
id munge >/dev/null 2>&1 && chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
pgrep -x munged >/dev/null || { if id munge >/dev/null 2>&1; then runuser -u munge -- /usr/sbin/munged --force; else /usr/sbin/munged --force; fi; }
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=concerto-smoke
SlurmctldHost=$host
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerType=sched/backfill
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=smoke Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
pkill -x slurmctld 2>/dev/null || true; pkill -x slurmd 2>/dev/null || true; sleep 1
slurmctld -i; slurmd
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break; sleep 1; done
sinfo
work=$(mktemp -d /tmp/concerto-slurm.XXXXXX)
VARY="--vary instances.grande-table.schedule.meetingsPerYear=3,4,6 --vary partnerDefaults.capacityHoursPerMonth=4,6,8"
EXTRA="--replications 40 --years 2"
scripts/slurm-sweep.sh 4 "$CONCERTO" "$PWD/Scenarios/sept-rivieres.json" "$work/cluster" "$VARY" "$EXTRA"
for _ in $(seq 600); do
  q=$(squeue -h -o '%i %T %r' 2>/dev/null)
  [ -z "$q" ] && break
  if echo "$q" | grep -q DependencyNeverSatisfied; then echo "a shard failed:"; cat "$work"/cluster/concerto-sweep-*.log; scancel -u root; exit 1; fi
  sleep 1
done
# shellcheck disable=SC2086
"$CONCERTO" sweep Scenarios/sept-rivieres.json $VARY $EXTRA --output "$work/local" 2>/dev/null
if ! cmp "$work/cluster/merged/results.csv" "$work/local/results.csv"; then
  echo "slurm smoke: FAIL (sweep)"; ls -R "$work"; cat "$work"/cluster/*.log 2>/dev/null | tail -30; exit 1
fi
echo "slurm smoke: sweep PASS — 4 array tasks + merge on Slurm equal one process, byte for byte"

# The same for an exploration: three structures, an array of 4 tasks, the merge writes every table.
SCEN="$PWD/Scenarios/sept-rivieres.json $PWD/Scenarios/orbite.json $PWD/Scenarios/charlevoix.json"
XEXTRA="--points 24 --replications 6 --years 1"
scripts/slurm-explore.sh 4 "$CONCERTO" "$work/xcluster" "$SCEN" "$XEXTRA"
for _ in $(seq 600); do
  q=$(squeue -h -o '%i %T %r' 2>/dev/null)
  [ -z "$q" ] && break
  if echo "$q" | grep -q DependencyNeverSatisfied; then echo "an explore shard failed:"; cat "$work"/xcluster/concerto-explore-*.log; scancel -u root; exit 1; fi
  sleep 1
done
# shellcheck disable=SC2086
"$CONCERTO" explore $SCEN $XEXTRA --output "$work/xlocal" 2>/dev/null
for f in design.csv results.csv robustness.csv sensitivity.csv discovery.csv discovery-trajectories.csv discovery.md; do
  cmp "$work/xcluster/merged/$f" "$work/xlocal/$f" || { echo "slurm smoke: FAIL (explore $f)"; cat "$work"/xcluster/*.log 2>/dev/null | tail -30; exit 1; }
done
echo "slurm smoke: PASS — sweep and explore (4 array tasks + merge each) equal one process, byte for byte ($(($(date +%s) - start)) s)"
sacct -n -o JobID,JobName,State 2>/dev/null | head -20 || true
scontrol shutdown >/dev/null 2>&1 || true
exit 0
