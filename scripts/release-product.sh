#!/bin/sh
# Builds one product of the package in release and prints the path of its executable:
#
#   bin=$(scripts/release-product.sh corridor)
#
# The build's output is shown only when it fails (then on stderr, and the script fails).
# SWIFT_SCRATCH=DIR builds in DIR instead of .build. Used by the benchmark scripts.
set -eu
cd "$(dirname "$0")/.."
product=${1:?usage: scripts/release-product.sh PRODUCT}
scratch=""
if [ -n "${SWIFT_SCRATCH:-}" ]; then scratch="--scratch-path $SWIFT_SCRATCH"; fi
swift build -c release $scratch --product "$product" >/dev/null 2>&1 || swift build -c release $scratch --product "$product" >&2
echo "$(swift build -c release $scratch --show-bin-path)/$product"
