#!/usr/bin/env bash
# A real one-node Slurm cluster on loopback (issue #13): installs Debian's slurm-wlm and
# munge when missing, starts munged, slurmctld and slurmd with a generated slurm.conf,
# submits the shipped sweep as a job array through the scripts `corridor sweep slurm`
# writes, waits for the array and its merge job, and runs the test that compares the merged
# database with a local run of the same sweep, case by case. Everything it started is
# stopped at the end (also on failure).
#
#   scripts/slurm-ci.sh            # CI runs it after the test suite (needs root)
#
# The corridor binary must be built (swift build). It takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sweep="$root/models/sweeps/cpc-stress.toml"
shards=3
work=$(mktemp -d /tmp/corridor-slurm.XXXXXX)
export SLURM_CONF="$work/slurm.conf"

say() { echo "slurm-ci: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "needs root (it starts munged, slurmctld and slurmd); run it as root or in CI"
  exit 1
fi

missing=()
for pkg in slurm-wlm munge; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cleanup() {
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/munged.pid" ] && kill "$(cat "$work/munged.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

# munge: its own key and socket under $work (the system's may not exist or be in use).
mkdir -p "$work/munge" "$work/state" "$work/spool"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 600 "$work/munge/munge.key"
chmod 700 "$work/munge"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munge/seed"
for _ in $(seq 1 20); do [ -S "$socket" ] && break; sleep 0.5; done
munge --socket="$socket" -n | unmunge --socket="$socket" >/dev/null

cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))   # MB offered to jobs
cat > "$SLURM_CONF" <<EOF
ClusterName=corridor-ci
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=ci Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 1 30); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 1
done
if ! sinfo -h -o %t | grep -q idle; then
  say "the node did not come up; slurmctld.log and slurmd.log follow"
  tail -n 20 "$work/slurmctld.log" "$work/slurmd.log" >&2 || true
  exit 1
fi
say "cluster up: $(sinfo -h -o '%P %D %t %c')"

corridor="$root/.build/debug/corridor"
[ -x "$corridor" ] || swift build --product corridor >&2
"$corridor" sweep slurm "$sweep" --shards "$shards" --dir "$work/run" --time 00:10:00 --mem 1G
"$work/run/submit.sh"

# Wait for the array and the merge (they leave the queue when done).
for _ in $(seq 1 180); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
if [ -n "$(squeue -h)" ]; then
  say "jobs still queued after 3 minutes:"; squeue >&2; exit 1
fi
for log in "$work/run/logs/"*.out; do say "$(basename "$log"): $(tail -n 1 "$log")"; done
[ -f "$work/run/results.sqlite" ] || { say "the merge job wrote no results.sqlite"; exit 1; }

# The test: the merged database equals a local run of the same sweep, case by case.
out=$(CORRIDOR_SLURM_RESULTS="$work/run/results.sqlite" CORRIDOR_SLURM_SWEEP="$sweep" \
  swift test --skip-build --filter SlurmSweepTests 2>&1) || { echo "$out" | tail -n 30 >&2; say "the comparison test failed"; exit 1; }
echo "$out" | grep -E "Slurm sweep:|Test run with" >&2
# The test must have run (a filter that matches nothing passes silently).
echo "$out" | grep -q "Test run with 1 test in 1 suite passed" || { say "the comparison test did not run"; exit 1; }
say "ok: the Slurm job array's merged results equal a local run"
