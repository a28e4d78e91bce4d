#!/usr/bin/env bash
# Installs the system packages the project needs (Debian/Ubuntu), only when missing:
#   libglpk-dev  GLPK's headers and library (the solver)
#   glpk-utils   glpsol and GLPK's example models (reference solutions in the tests)
#   libsqlite3-dev  SQLite, for sweep results (GRDB links the system library)
#   python3-html5lib  the HTML5 parser the tests check every HTML report with (issue #12)
#   chromium     headless browser the HTML report test renders the default model in
set -euo pipefail
missing=()
for pkg in libglpk-dev glpk-utils libsqlite3-dev python3-html5lib chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
