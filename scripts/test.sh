#!/usr/bin/env bash
# The project's test command (README): installs GLPK when missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --product corridor
swift test
