#!/bin/sh
# Runs the corridor-bench standard set and writes a Markdown report.
#
#   scripts/bench.sh                 # quick: T = 24, 168, 1460, all algorithms, glpsol reference (~2 min)
#   scripts/bench.sh full            # also T = 8760 (hours on a busy 2-core machine; run it under nohup)
#   scripts/bench.sh quick OUT.md    # report path (default: .build/bench/report-<set>-<date>.md)
#
# Needs glpsol (Debian glpk-utils), python3 and shared/bench beside the package root
# (or BENCH_SHARED=/path/to/shared/bench). SWIFT_SCRATCH=DIR builds in DIR instead of .build.
# See docs/performance.md.
set -eu
cd "$(dirname "$0")/.."
set_name=${1:-quick}
stamp=$(date +%Y%m%d-%H%M%S)
out=${2:-.build/bench/report-$set_name-$stamp.md}
mkdir -p "$(dirname "$out")"
shared=""
if [ -n "${BENCH_SHARED:-}" ]; then shared="--shared $BENCH_SHARED"; fi

bin=$(scripts/release-product.sh corridor-bench)

case "$set_name" in
quick)
  "$bin" --T 24,168,1460 --algorithms primal,dual,interior,auto --presolve off,on \
    --repeat 5 --reference --reference-runs math,check,mps-default,mps-nopresol,mps-dual,mps-dual-nopresol,mps-interior \
    --block-crash 168 $shared --report "$out"
  ;;
full)
  "$bin" --T 24,168,1460 --algorithms primal,dual,interior,auto --presolve off,on \
    --repeat 5 --reference $shared --report "$out.small.md"
  # T = 8760: each GLPK solve takes minutes. The layer's auto and primal paths and
  # glpsol's translate-only, translate+solve, default and --nopresol runs on the same LP:
  "$bin" --T 8760 --algorithms auto,primal --presolve off,on --repeat 5 --reference --block-crash 168 $shared \
    --report "$out.8760-primal.md"
  # ... then dual simplex and interior point.
  "$bin" --T 8760 --algorithms dual,interior --presolve off,on --repeat 3 $shared \
    --report "$out.8760-dual-interior.md"
  cat "$out.small.md" "$out.8760-primal.md" "$out.8760-dual-interior.md" > "$out"
  rm -f "$out.small.md" "$out.8760-primal.md" "$out.8760-dual-interior.md"
  ;;
*)
  echo "usage: scripts/bench.sh [quick|full] [REPORT.md]" >&2
  exit 2
  ;;
esac
echo "report: $out"
