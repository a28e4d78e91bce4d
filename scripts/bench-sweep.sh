#!/bin/sh
# Benchmark of `corridor sweep` (issue #13): the 200-case oil sweep (CPC capacity × Baku–Supsa
# capacity) warm against --cold (every case from scratch), and --jobs 2 against --jobs 1.
# Not a timed test: it prints figures to quote (median wall seconds of REPEAT runs, default 3,
# and the simplex iterations the database records).
#
#   scripts/bench-sweep.sh
set -eu
cd "$(dirname "$0")/.."
repeat=${REPEAT:-3}
bin=$(scripts/release-product.sh corridor)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/sweep.toml" <<TOML
[sweep]
name = "CPC x Baku-Supsa (benchmark)"
model = "$(pwd)/models/oil-2030.toml"
[vary]
corridors.cpc.capacity = { from = "72.5 Mt/yr", to = "0 Mt/yr", steps = 20 }
corridors.baku-supsa.capacity = { from = "0 Mt/yr", to = "7.5 Mt/yr", steps = 10 }
TOML

# run LABEL ARGS...: median wall time of $repeat runs into a fresh database, and its iterations.
run() {
  label=$1; shift
  times=""
  i=0
  while [ "$i" -lt "$repeat" ]; do
    rm -f "$tmp/r.sqlite"*
    t0=$(date +%s.%N)
    "$bin" sweep "$tmp/sweep.toml" --db "$tmp/r.sqlite" "$@" 2>/dev/null
    t1=$(date +%s.%N)
    times="$times $(echo "$t1 - $t0" | bc)"
    i=$((i + 1))
  done
  median=$(echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  iterations=$(python3 -c "import sqlite3; print(sqlite3.connect('$tmp/r.sqlite').execute('select sum(iterations), sum(warm), count(*) from cases').fetchone())")
  printf '%-22s median %6.2f s   (iterations, warm cases, cases) = %s\n' "$label" "$median" "$iterations"
}

run "warm, --jobs 1" --jobs 1
run "cold, --jobs 1" --jobs 1 --cold
run "warm, --jobs 2" --jobs 2
