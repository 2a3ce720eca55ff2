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
  ctest --test-dir "$out/$name" -j "$jobs" --output-on-failure $ctest_args | tee "$out/$name.ctest.log"
  count_ctest "$out/$name.ctest.log"
  stamp "$name"
}

# Totals over every run, for the closing line.
passed=0
count_ctest() {
  local total
  total=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' "$1" | tail -n 1)
  passed=$((passed + ${total:-0}))
}

mkdir -p "$out"
configure_build_test gcc-cxx17 "" -- -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17
# The module corpus sets its own standards (C++14 and C++17): the C++20 builds would compile
# the same objects again.
configure_build_test gcc-cxx20 "-LE package" -- -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=20 \
  -DIISFAKE_MODULE_CORPUS=OFF
configure_build_test clang-cxx17 "" -- -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=17
configure_build_test clang-cxx20 "-LE package" -- -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=20 \
  -DIISFAKE_MODULE_CORPUS=OFF
configure_build_test single-header "-LE package" -- -DCMAKE_CXX_COMPILER=g++ -DIISFAKE_USE_SINGLE_HEADER=ON
configure_build_test asan-ubsan "-LE package" -- -DCMAKE_CXX_COMPILER=clang++ \
  "-DIISFAKE_SANITIZE=address;undefined" -DCMAKE_BUILD_TYPE=Debug -DIISFAKE_BUILD_FUZZERS=ON

section "fuzz for ${IISFAKE_FUZZ_SECONDS:-90}s + ${IISFAKE_CONTEXT_FUZZ_SECONDS:-60}s + ${IISFAKE_WIN32_FUZZ_SECONDS:-30}s"
# New inputs go to a scratch folder; the committed corpus is only read. Any finding fails.
scratch=$(mktemp -d)
if ! "$out/asan-ubsan/tests/fuzz/iisfake_request_fuzzer" -max_total_time="${IISFAKE_FUZZ_SECONDS:-90}" \
    -rss_limit_mb=2048 -timeout=60 -print_final_stats=1 -artifact_prefix="$out/fuzz-" \
    "$scratch" tests/fuzz/corpus > "$out/fuzz.log" 2>&1; then
  tail -n 60 "$out/fuzz.log"
  echo "the fuzzer found an input that breaks the fake: $out/fuzz-*"
  exit 1
fi
grep -E '^stat::(number_of_executed_units|new_units_added)' "$out/fuzz.log"
rm -rf "$scratch"
# The context and response fuzzer, from nothing (it has no committed corpus yet).
scratch=$(mktemp -d)
if ! "$out/asan-ubsan/tests/fuzz/iisfake_context_fuzzer" \
    -max_total_time="${IISFAKE_CONTEXT_FUZZ_SECONDS:-60}" -rss_limit_mb=2048 -timeout=60 \
    -print_final_stats=1 -artifact_prefix="$out/fuzz-context-" "$scratch" \
    > "$out/fuzz-context.log" 2>&1; then
  tail -n 60 "$out/fuzz-context.log"
  echo "the context fuzzer found an input that breaks the fakes: $out/fuzz-context-*"
  exit 1
fi
grep -E '^stat::(number_of_executed_units|new_units_added)' "$out/fuzz-context.log"
rm -rf "$scratch"
# The configuration XML reader (built where pugixml is found), from nothing.
if [[ -x "$out/asan-ubsan/tests/fuzz/iisfake_configuration_xml_fuzzer" ]]; then
  scratch=$(mktemp -d)
  if ! "$out/asan-ubsan/tests/fuzz/iisfake_configuration_xml_fuzzer" \
      -max_total_time="${IISFAKE_CONFIG_FUZZ_SECONDS:-30}" -rss_limit_mb=2048 -timeout=60 \
      -print_final_stats=1 -artifact_prefix="$out/fuzz-config-" "$scratch" \
      > "$out/fuzz-config.log" 2>&1; then
    tail -n 60 "$out/fuzz-config.log"
    echo "the configuration fuzzer found an input that breaks the fake: $out/fuzz-config-*"
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)' "$out/fuzz-config.log"
  rm -rf "$scratch"
fi
# The Win32/CRT surface through the drop-ins, from its committed regression inputs.
scratch=$(mktemp -d)
if ! "$out/asan-ubsan/tests/fuzz/iisfake_win32_fuzzer" \
    -max_total_time="${IISFAKE_WIN32_FUZZ_SECONDS:-30}" -rss_limit_mb=2048 -timeout=60 \
    -print_final_stats=1 -artifact_prefix="$out/fuzz-win32-" "$scratch" tests/fuzz/corpus_win32 \
    > "$out/fuzz-win32.log" 2>&1; then
  tail -n 60 "$out/fuzz-win32.log"
  echo "the Win32 fuzzer found an input that breaks the drop-ins: $out/fuzz-win32-*"
  exit 1
fi
grep -E '^stat::(number_of_executed_units|new_units_added)' "$out/fuzz-win32.log"
rm -rf "$scratch"
passed=$((passed + 1))
stamp "fuzz"

catch2_v3=${IISFAKE_CATCH2_V3_DIR:-$root/../shared/vendor/catch2-3.7.1}
if [[ -f "$catch2_v3/catch_amalgamated.cpp" ]]; then
  section "unit tests against Catch2 v3 ($catch2_v3)"
  cmake -S "$root" -B "$out/catch2-v3" -G Ninja -DIISFAKE_DEVELOPER_MODE=ON \
    -DCMAKE_CXX_COMPILER=g++ -DIISFAKE_CATCH2_AMALGAMATED_DIR="$catch2_v3" \
    -DIISFAKE_BUILD_EXAMPLES=OFF -DIISFAKE_MODULE_CORPUS=OFF > "$out/catch2-v3.configure.log"
  cmake --build "$out/catch2-v3" -j "$jobs" --target iisfake_tests
  "$out/catch2-v3/tests/iisfake_tests"
  passed=$((passed + 1))
  stamp "catch2 v3"
else
  section "unit tests against Catch2 v3: skipped"
  echo "notice: no Catch2 v3 amalgamated files at $catch2_v3 (set IISFAKE_CATCH2_V3_DIR); the suite ran on Catch2 $(dpkg-query -W -f='${Version}' catch2 2>/dev/null || echo 2) only"
fi

section "tsan"
cmake -S "$root" -B "$out/tsan" -G Ninja -DIISFAKE_DEVELOPER_MODE=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DIISFAKE_SANITIZE=thread -DIISFAKE_BUILD_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=Debug > "$out/tsan.configure.log"
cmake --build "$out/tsan" -j "$jobs" --target iisfake_tests
TSAN_OPTIONS=halt_on_error=1 "$out/tsan/tests/iisfake_tests" "[async],[threaded]"
for _ in 1 2 3 4 5 6 7 8 9 10; do  # threads interleave differently each run
  TSAN_OPTIONS=halt_on_error=1 "$out/tsan/tests/iisfake_tests" "[threaded]" > /dev/null
done
# A module with a seeded data race must be stopped: the host adds no lock that hides one (T-26).
# ThreadSanitizer forgets accesses when a thread's clock wraps, so one run in a few dozen can miss
# even a race forced to happen; three runs that all miss mean the host is hiding it.
seeded_caught=0
for _ in 1 2 3; do
  if ! TSAN_OPTIONS=halt_on_error=1 "$out/tsan/tests/iisfake_tests" "[.seeded-race]" \
      > "$out/tsan-seeded.log" 2>&1; then
    grep -q "ThreadSanitizer: data race" "$out/tsan-seeded.log" ||
      { tail -n 40 "$out/tsan-seeded.log"; echo "the seeded-race run failed for another reason"; exit 1; }
    seeded_caught=1
    break
  fi
done
if [[ $seeded_caught != 1 ]]; then
  echo "ThreadSanitizer did not see the seeded data race in a hosted module (3 runs)"
  exit 1
fi
echo "ThreadSanitizer caught the seeded data race in a hosted module, as it must"
passed=$((passed + 1))
stamp "tsan"

if [[ "${IISFAKE_SKIP_WINDOWS:-0}" != 1 ]]; then
  section "windows: mingw-w64 + Wine, clang-cl"
  IISFAKE_WINDOWS_BUILD_DIR="$out/mingw" tools/ci-windows.sh | tee "$out/windows.log"
  count_ctest "$out/windows.log"
  stamp "windows"
  section "windows: the suite against the single header, under Wine"
  IISFAKE_WINDOWS_BUILD_DIR="$out/mingw-single" IISFAKE_WINDOWS_STEPS="build test" \
    IISFAKE_WINDOWS_CMAKE_ARGS="-DIISFAKE_USE_SINGLE_HEADER=ON" tools/ci-windows.sh |
    tee "$out/windows-single.log"
  count_ctest "$out/windows-single.log"
  stamp "windows single header"
fi

section "all passed"
# The closing line CI reads: ctest tests (each a whole binary or consumer project) plus the TSan run.
echo "$passed passed, 0 failed"
