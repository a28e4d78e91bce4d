#!/bin/sh
# Benchmark of `corridor contingency` (issue #9, analysis 2): wall time with --jobs 1
# against --jobs 2, and warm outages (from the base basis) against --cold (each outage
# from scratch), on the shipped models. Not a timed test: it prints figures to quote.
#
#   scripts/bench-contingency.sh            # electricity, fiber, oil (seconds)
#   scripts/bench-contingency.sh hourly     # also the 8,760-hour model (tens of minutes; use nohup)
#
# Each line: model, options, wall seconds (best of REPEAT runs, default 3; 1 for the
# hourly model), and the run's own figures from its JSON report: solves, simplex
# iterations, and iterations of the base's cold solve. SWIFT_SCRATCH=DIR builds in DIR.
# scripts/bench-outage.sh times one hourly outage against a cold solve of it, and --jobs 2
# against --jobs 1 on hourly outages that take seconds each (compute-dominated).
set -eu
cd "$(dirname "$0")/.."
set_name=${1:-quick}
repeat=${REPEAT:-3}
bin=$(scripts/release-product.sh corridor)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL REPEAT MODEL ARGS...: best wall time of REPEAT runs, and the report's counts.
run() {
  label=$1; n=$2; model=$3; shift 3
  best=""
  i=0
  while [ "$i" -lt "$n" ]; do
    t0=$(date +%s.%N)
    "$bin" contingency "$model" "$@" --format json --output "$tmp/r.json"
    t1=$(date +%s.%N)
    best=$(python3 -c "import sys; a=float(sys.argv[1]); b=sys.argv[2]; print(a if b=='' or a<float(b) else b)" "$(python3 -c "print($t1-$t0)")" "$best")
    i=$((i + 1))
  done
  python3 - "$tmp/r.json" "$label" "$model" "$best" "$*" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = d["run"]
print(f"{sys.argv[3]:40s} {sys.argv[5]:34s} {float(sys.argv[4]):8.3f} s  "
      f"{r['solves']:4d} solves, {r['iterations']:7d} iterations ({r['start']}), base cold {r['base_iterations']}")
PY
}

echo "model                                    options                            wall (best)  figures"
for m in models/electricity-2030.toml models/fiber-2030.toml models/oil-2030.toml; do
  run warm1 "$repeat" "$m" --jobs 1
  run warm2 "$repeat" "$m" --jobs 2
  run cold1 "$repeat" "$m" --jobs 1 --cold
  run pairs1 "$repeat" "$m" --pairs --jobs 1
  run pairs2 "$repeat" "$m" --pairs --jobs 2
done
if [ "$set_name" = hourly ]; then
  h=models/electricity-hourly-8760.toml
  # The base alone, cold, for the per-outage target (<= 1/3 of a cold solve).
  t0=$(date +%s.%N); "$bin" solve "$h" --format json --output "$tmp/base.json"; t1=$(date +%s.%N)
  echo "$h solve (cold, default path): $(python3 -c "print(round($t1-$t0,3))") s"
  run warm1 1 "$h" --jobs 1
  run warm2 1 "$h" --jobs 2
  run cold1 1 "$h" --jobs 1 --cold
  # A three-month Caspian cable repair (hours 2,161..4,344), warm.
  run window 1 "$h" --corridor caspian --slices 2161..4344 --jobs 1
fi
