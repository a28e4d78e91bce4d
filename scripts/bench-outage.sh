#!/bin/sh
# Wall time of one outage of the hourly model (issue #9: "each outage in <= 1/3 of the wall
# time of a cold solve of it by the planner's default path"), and --jobs 2 against --jobs 1
# on a run whose outages take seconds each. Not a timed test: it prints figures to quote.
#
#   scripts/bench-outage.sh outage    # Caspian cable out 2161..4344, nakhchivan out all year
#   scripts/bench-outage.sh year      # nakhchivan out all year only
#   scripts/bench-outage.sh jobs      # N-2 over the hourly model's corridors, 2161..4344
#
# An outage's wall time is read from `CORRIDOR_TRACE=1` (a line per solve with a monotonic
# clock): from the end of the base's solve to the end of the outage's, so it counts the
# outage LP's build, its block re-solves and its full solve, and not the process start,
# the model load or the base. Warm (the default) against `--cold` (the outage model solved
# from scratch by the planner's default path: block crash, then the primal simplex).
# REPEAT runs each (default 3); medians. The load average is printed with each figure:
# on a shared machine wall times are only indicative. SWIFT_SCRATCH=DIR builds in DIR.
set -eu
cd "$(dirname "$0")/.."
what=${1:-outage}
repeat=${REPEAT:-3}
bin=$(scripts/release-product.sh corridor)
h=models/electricity-hourly-8760.toml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# outage LABEL ARGS...: REPEAT runs warm and cold, alternating; the outage's seconds each.
outage() {
  label=$1; shift
  i=0
  while [ "$i" -lt "$repeat" ]; do
    for mode in warm cold; do
      extra=""; [ "$mode" = cold ] && extra="--cold"
      load=$(cut -d' ' -f1 /proc/loadavg)
      CORRIDOR_TRACE=1 "$bin" contingency "$h" "$@" $extra --jobs 1 --format json --output "$tmp/r.json" 2>"$tmp/trace"
      python3 - "$tmp/trace" "$tmp/r.json" "$label" "$mode" "$load" <<'PY'
import json, re, sys
t = [float(m.group(1)) for m in re.finditer(r"corridor trace: solve .* at ([0-9.]+) s", open(sys.argv[1]).read())]
o = json.load(open(sys.argv[2]))["outages"][0]
print(f"{sys.argv[3]} {sys.argv[4]} {t[-1] - t[0]:.2f} s, {o['iterations']} iterations, warm {o['warm']}, "
      f"objective {o['objective']['value']:.6f} EUR, load {sys.argv[5]}")
PY
    done
    i=$((i + 1))
  done
}

if [ "$what" = outage ]; then
  outage caspian-2161..4344 --corridor caspian --slices 2161..4344
  outage nakhchivan-year --corridor nakhchivan
elif [ "$what" = year ]; then
  outage nakhchivan-year --corridor nakhchivan
else
  # Every pair of corridors out for hours 2161..4344 (6 outages of ~10 s each after a base
  # of ~40 s, which is serial in both runs); the whole command, and the outages after the base.
  for jobs in 1 2; do
    i=0
    while [ "$i" -lt "$repeat" ]; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      t0=$(date +%s.%N)
      CORRIDOR_TRACE=1 "$bin" contingency "$h" --slices 2161..4344 --pairs --jobs "$jobs" --format json --output "$tmp/r.json" 2>"$tmp/trace"
      t1=$(date +%s.%N)
      python3 - "$tmp/trace" "$jobs" "$t0" "$t1" "$load" <<'PY'
import re, sys
t = [float(m.group(1)) for m in re.finditer(r"corridor trace: solve .* at ([0-9.]+) s", open(sys.argv[1]).read())]
print(f"N-2 hourly 2161..4344 --jobs {sys.argv[2]}: whole command {float(sys.argv[4]) - float(sys.argv[3]):.2f} s, "
      f"outages (after the base) {max(t) - t[0]:.2f} s, load {sys.argv[5]}")
PY
      i=$((i + 1))
    done
  done
fi
