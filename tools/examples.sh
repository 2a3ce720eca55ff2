#!/usr/bin/env bash
# Installs the build dependencies, builds the examples and runs them. From the repository root:
#   tools/examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
build=${IISFAKE_BUILD_DIR:-build/examples}
cmake -S . -B "$build" -G Ninja -DIISFAKE_BUILD_TESTS=OFF -DIISFAKE_BUILD_EXAMPLES=ON
cmake --build "$build"
ctest --test-dir "$build" -L example --output-on-failure
