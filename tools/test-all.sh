#!/usr/bin/env bash
# The whole test suite, as CI runs it. From the repository root:
#   tools/test-all.sh
# Installs what it needs from Debian's packages, then: the single-header check; g++ and clang++
# at C++17 and C++20 in developer mode (strict warnings as errors); the suite against the
# single header; AddressSanitizer + UndefinedBehaviorSanitizer; ThreadSanitizer on the threaded
# tests; and the Windows path (mingw-w64 build under Wine, clang-cl MSVC-mode parse).
# IISFAKE_SKIP_WINDOWS=1 leaves out the Windows path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${IISFAKE_BUILD_ROOT:-$root/build/all}
jobs=$(nproc)

section() { printf '\n==== %s ====\n' "$*"; }
started=$SECONDS
stamp() { printf -- '---- %s done after %ss\n' "$1" "$((SECONDS - started))"; }

section "dependencies"
tools/install-deps.sh all

section "single header is current"
python3 tools/amalgamate.py --check
stamp "single header check"

# configure_build_test NAME CTEST_ARGS -- CMAKE_ARGS...
configure_build_test() {
  local name=$1 ctest_args=$2
  shift 3
  section "$name"
  cmake -S "$root" -B "$out/$name" -G Ninja -DIISFAKE_DEVELOPER_MODE=ON "$@" > "$out/$name.configure.log" ||
    { cat "$out/$name.configure.log"; return 1; }
  cmake --build "$out/$name" -j "$jobs"
  # shellcheck disable=SC2086
  ctest --test-dir "$out/$name" -j "$jobs" --output-on-failure $ctest_args
  stamp "$name"
}

mkdir -p "$out"
configure_build_test gcc-cxx17 "" -- -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17
configure_build_test gcc-cxx20 "-LE package" -- -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=20
configure_build_test clang-cxx17 "-LE package" -- -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=17
configure_build_test clang-cxx20 "-LE package" -- -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=20
configure_build_test single-header "-LE package" -- -DCMAKE_CXX_COMPILER=g++ -DIISFAKE_USE_SINGLE_HEADER=ON
configure_build_test asan-ubsan "-LE package" -- -DCMAKE_CXX_COMPILER=clang++ \
  "-DIISFAKE_SANITIZE=address;undefined" -DCMAKE_BUILD_TYPE=Debug

section "tsan"
cmake -S "$root" -B "$out/tsan" -G Ninja -DIISFAKE_DEVELOPER_MODE=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DIISFAKE_SANITIZE=thread -DIISFAKE_BUILD_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=Debug > "$out/tsan.configure.log"
cmake --build "$out/tsan" -j "$jobs" --target iisfake_tests
"$out/tsan/tests/iisfake_tests" "[async],[threaded]"
stamp "tsan"

if [[ "${IISFAKE_SKIP_WINDOWS:-0}" != 1 ]]; then
  section "windows: mingw-w64 + Wine, clang-cl"
  IISFAKE_WINDOWS_BUILD_DIR="$out/mingw" tools/ci-windows.sh
  stamp "windows"
fi

section "all passed"
