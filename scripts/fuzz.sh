#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, issue #8 item 17) and runs them one after another.
#
#   scripts/fuzz.sh                      # every target for 60 s each
#   scripts/fuzz.sh --time 20            # CI: every target for 20 s
#   scripts/fuzz.sh --runs 1000000 mps   # one target for a number of executions
#   scripts/fuzz.sh --list               # target names
#
# Options: --time SECONDS | --runs N (per target), --debug (unoptimized build; slower, more
# precise backtraces), --jobs N (libFuzzer processes per target), --no-build.
# Targets: model-loader expression csv mps cplex-lp mathprog (default: all).
#
# Seeds: Fuzz/Corpus/<target> (in the repository) and, for the LP formats, GLPK's examples
# from /usr/share/doc/glpk-utils/examples when installed. What libFuzzer adds goes to
# .build-fuzz/corpus/<target> (ignored by git), crashes to .build-fuzz/crashes/<target>/,
# logs to .build-fuzz/logs/<target>.log. Exits non-zero when a target finds a crash, a
# hang (-timeout) or a leak. The last lines of each log are libFuzzer's final statistics;
# the summary prints executions, exec/s, coverage and time per target. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_targets=(model-loader expression csv mps cplex-lp mathprog)
product() {
  case "$1" in
    model-loader) echo FuzzModelLoader ;;
    expression) echo FuzzExpression ;;
    csv) echo FuzzCSV ;;
    mps) echo FuzzMPS ;;
    cplex-lp) echo FuzzCPLEXLP ;;
    mathprog) echo FuzzMathProg ;;
    *) echo "unknown fuzz target '$1'; targets: ${all_targets[*]}" >&2; exit 64 ;;
  esac
}
# Longest input per target: a shipped model with its CSV fits in 16 KiB.
max_len() {
  case "$1" in
    model-loader) echo 16384 ;;
    expression) echo 1024 ;;
    csv) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

seconds=60
runs=""
config=release
jobs=1
build=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds=$2; runs=""; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --debug) config=debug; shift ;;
    --jobs) jobs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --list) printf '%s\n' "${all_targets[@]}"; exit 0 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option '$1' (see scripts/fuzz.sh --help)" >&2; exit 64 ;;
    *) product "$1" >/dev/null; targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

scratch="$root/.build-fuzz"
# libFuzzer's runtime comes with the Swift toolchain (swift.org's Linux builds ship
# compiler-rt's fuzzer and ASan libraries); without it the link fails obscurely.
swift_root=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
if ! ls "$swift_root"/lib/clang/*/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1 &&
  ! ls "$swift_root"/lib/swift/clang/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
  echo "fuzz: no libFuzzer runtime (libclang_rt.fuzzer) in the Swift toolchain at $swift_root;" \
    "install a swift.org toolchain for Linux, which ships it" >&2
  exit 69
fi
# -sanitize=fuzzer instruments the Swift code for coverage and links libFuzzer (it ships
# with the Swift toolchain); -enable-testing lets the expression and CSV targets reach
# internal parsers through @testable import in release builds too.
swift_flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
if [ $build -eq 1 ]; then
  (cd Fuzz && swift build -c "$config" --scratch-path "$scratch" "${swift_flags[@]}" 2>&1 |
    grep -vE "Cannot export local symbol|^\[[0-9]+/[0-9]+\]" >&2) || true
fi
bin="$scratch/$config"

# GLPK's example files as extra seeds (not copied into the repository).
examples=/usr/share/doc/glpk-utils/examples
glpk_seeds() {
  local dir="$scratch/glpk-seeds/$1"
  mkdir -p "$dir"
  case "$1" in
    mps) cp "$examples"/*.mps "$dir"/ 2>/dev/null || true ;;
    cplex-lp) cp "$examples"/*.lp "$dir"/ 2>/dev/null || true ;;
    mathprog)
      # Small models that GLPK translates in milliseconds (glpsol --check under 20 ms);
      # the others (huge.mod, tiling.mod, numbrix.mod, ...) take seconds under ASan.
      for f in cf12b cflsq cpp gap maxflow mfasp mfvsp todd transp yacfs diet fctp trick \
        cal color xyacfs crypto qfit plan food magic assign queens bpp money mvcp sudoku; do
        cp "$examples/$f.mod" "$dir"/ 2>/dev/null || true
      done
      ;;
  esac
  echo "$dir"
}

mkdir -p "$scratch/logs"
summary=()
status=0
for t in "${targets[@]}"; do
  exe="$bin/$(product "$t")"
  if [ ! -x "$exe" ]; then
    echo "fuzz: $exe is missing (the build failed?)" >&2
    exit 70
  fi
  work="$scratch/corpus/$t"
  artifacts="$scratch/crashes/$t/"  # not "artifacts": SwiftPM owns that folder of its scratch path and empties it
  log="$scratch/logs/$t.log"
  mkdir -p "$work" "$artifacts"
  seeds=("$root/Fuzz/Corpus/$t")
  case "$t" in mps|cplex-lp|mathprog) [ -d "$examples" ] && seeds+=("$(glpk_seeds "$t")") ;; esac
  budget=(-max_total_time="$seconds")
  [ -n "$runs" ] && budget=(-runs="$runs")
  # Fork mode: libFuzzer runs the target in child processes that it restarts now and then,
  # so TOMLKit's small leaks (Fuzz/lsan.supp) cannot pile up over a million runs. A crash
  # or a leak stops the run; so does a hang (-timeout), except in MathProg, where GLPK's
  # translator can take long on a legal model (a set of a billion members): those inputs
  # are kept as timeout-* artifacts and counted, and the run goes on.
  ignore_timeouts=0
  [ "$t" = mathprog ] && ignore_timeouts=1
  # The loader leaks (in TOMLKit) on every input, which makes libFuzzer re-run every input
  # under LeakSanitizer (about 30 runs/s instead of 700). For it, leaks are found by the
  # check LeakSanitizer makes when each child process exits (every input the child ran,
  # with the same suppressions); a leak there fails the run just the same.
  detect_leaks=1
  [ "$t" = model-loader ] && detect_leaks=0
  args=("${budget[@]}" -fork="$jobs" -ignore_crashes=0 -ignore_timeouts=$ignore_timeouts -ignore_ooms=0
    -detect_leaks=$detect_leaks -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048
    -print_final_stats=1 -artifact_prefix="$artifacts" "$work" "${seeds[@]}")
  echo "fuzz: $t: $exe ${args[*]}" >&2
  start=$(date +%s)
  rc=0
  # Leak reports for allocations inside TOMLKit are suppressed: see Fuzz/lsan.supp.
  export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0"
  # Swift's own crash backtracer would run inside ASan's and LibFuzzer's handlers and
  # report a wild read of its own instead of the crash: leave the report to them.
  export SWIFT_BACKTRACE=enable=no
  (cd "$scratch" && nice -n "${FUZZ_NICE:-0}" "$exe" "${args[@]}") >"$log" 2>&1 || rc=$?
  elapsed=$(( $(date +%s) - start ))
  # Fork mode's status line: #RUNS: cov: C ft: F corp: N exec/s: E oom/timeout/crash: a/b/c time: Ts
  last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 || true)
  execs=$(echo "$last" | sed -nE 's/^#([0-9]+):.*/\1/p')
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  corp=$(echo "$last" | grep -oE 'corp: [0-9]+' || true)
  faults=$(echo "$last" | grep -oE 'oom/timeout/crash: [0-9/]+' || true)
  speed="?"
  [ -n "$execs" ] && [ "$elapsed" -gt 0 ] && speed=$(( execs / elapsed ))
  line="$t: ${execs:-?} executions, $speed exec/s, ${cov:-cov ?}, ${corp:-corp ?}, ${faults:-}, ${elapsed} s"
  if [ $rc -ne 0 ]; then
    line="$line — FAILED (exit $rc; see $log and $artifacts)"
    status=1
    grep -E "ERROR: |==ERROR|Fatal error|deadly signal|leak" "$log" | head -5 >&2 || true
  fi
  timeouts=$(find "$artifacts" -name 'timeout-*' -newer "$log" 2>/dev/null | wc -l)
  [ "$timeouts" -gt 0 ] && line="$line; $timeouts slow inputs kept in $artifacts"
  echo "fuzz: $line" >&2
  summary+=("$line")
done
echo "fuzz summary:"
printf '  %s\n' "${summary[@]}"
exit $status
