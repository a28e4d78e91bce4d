#!/usr/bin/env bash
# Installs the system packages the project needs (Debian/Ubuntu), only when missing.
# To build and run (scripts/run.sh):
#   libglpk-dev     GLPK's headers and library (the solver)
#   libsqlite3-dev  SQLite, for sweep results (GRDB links the system library)
# With --test, also what the tests use (scripts/test.sh, .ci/run):
#   glpk-utils        glpsol and GLPK's example models (reference solutions in the tests)
#   python3-html5lib  the HTML5 parser the tests check every HTML report with (issue #12)
#   chromium          headless browser the HTML report test renders the default model in
set -euo pipefail
packages=(libglpk-dev libsqlite3-dev)
if [ "${1:-}" = "--test" ]; then
  packages+=(glpk-utils python3-html5lib chromium)
elif [ $# -gt 0 ]; then
  echo "usage: scripts/install-deps.sh [--test]" >&2
  exit 64
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
