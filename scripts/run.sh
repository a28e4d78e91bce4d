#!/usr/bin/env bash
# The main job (README): installs GLPK when missing, builds the planner in
# release mode and solves the default model, printing the report.
# Extra arguments go to `corridor solve` (e.g. --format markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product corridor >&2
exec .build/release/corridor solve models/electricity-2030.toml "$@"
