#!/usr/bin/env bash
# The Windows path of iisfake, proven on Linux:
#   1. cross-build the whole project (tests, examples) with mingw-w64 and run ctest under Wine;
#   2. syntax-check the umbrella header and the single header in MSVC mode with clang-cl
#      (_MSC_VER, __declspec(uuid), __uuidof) against the mingw-w64 Windows headers.
#
# Run from the repository root. Debian/Ubuntu packages:
#   g++-mingw-w64-x86-64-posix wine wine64 catch2 clang-14 cmake ninja-build
#
# Settings (environment, defaults in brackets):
#   IISFAKE_WINDOWS_STEPS        steps to run, any of: build test clang-cl ["build test clang-cl"]
#   IISFAKE_WINDOWS_BUILD_DIR    cross build directory [build-mingw]
#   IISFAKE_WINDOWS_BUILD_TYPE   CMAKE_BUILD_TYPE [Release]: at -O0 every inline function is a COMDAT
#                            section of its own, and binutils' PE linker takes ~12 s (~20 s with
#                            -g) per Catch2 test binary instead of <1 s
#   IISFAKE_WINDOWS_TOOLCHAIN    toolchain file [cmake/mingw-w64-x86_64.cmake]
#   IISFAKE_WINDOWS_CMAKE_ARGS   extra configure arguments, split on spaces []
#   IISFAKE_WINDOWS_CATCH2_HEADER  Catch2 v2 single header [/usr/include/catch2/catch.hpp]
#   IISFAKE_WINDOWS_JOBS         build and ctest parallelism [nproc]
#   IISFAKE_WINDOWS_CTEST_ARGS   extra ctest arguments, split on spaces []
#   IISFAKE_WINEPREFIX       private Wine prefix [<build dir>/wineprefix]
#   IISFAKE_CLANG_CL         clang-cl command [clang-cl-14, else clang-14 --driver-mode=cl]
#   IISFAKE_MINGW_CXX        mingw-w64 g++, to locate libstdc++'s headers [x86_64-w64-mingw32-g++-posix]
#   IISFAKE_MINGW_INCLUDE    mingw-w64 Windows headers [/usr/share/mingw-w64/include]
#   IISFAKE_CLANG_CL_HEADERS include roots to check [include single_include]
set -euo pipefail

steps=${IISFAKE_WINDOWS_STEPS:-build test clang-cl}
build_dir=${IISFAKE_WINDOWS_BUILD_DIR:-build-mingw}
build_type=${IISFAKE_WINDOWS_BUILD_TYPE-Release}
toolchain=${IISFAKE_WINDOWS_TOOLCHAIN:-cmake/mingw-w64-x86_64.cmake}
read -r -a extra_cmake_args <<<"${IISFAKE_WINDOWS_CMAKE_ARGS:-}"
catch2_header=${IISFAKE_WINDOWS_CATCH2_HEADER:-/usr/include/catch2/catch.hpp}
jobs=${IISFAKE_WINDOWS_JOBS:-$(nproc)}
read -r -a extra_ctest_args <<<"${IISFAKE_WINDOWS_CTEST_ARGS:-}"
# clang-cl is clang's cl driver mode: clang-cl-14 comes with clang-tools-14, and plain
# clang-14 --driver-mode=cl is the same compiler when only clang-14 is installed.
if [[ -n "${IISFAKE_CLANG_CL:-}" ]]; then
    read -r -a clang_cl <<<"$IISFAKE_CLANG_CL"
elif command -v clang-cl-14 >/dev/null; then
    clang_cl=(clang-cl-14)
elif command -v clang-14 >/dev/null; then
    clang_cl=(clang-14 --driver-mode=cl)
else
    clang_cl=(clang --driver-mode=cl)
fi
mingw_cxx=${IISFAKE_MINGW_CXX:-x86_64-w64-mingw32-g++-posix}
mingw_include=${IISFAKE_MINGW_INCLUDE:-/usr/share/mingw-w64/include}
read -r -a clang_cl_roots <<<"${IISFAKE_CLANG_CL_HEADERS:-include single_include}"

if [[ ! -f CMakeLists.txt || ! -d include/iisfake ]]; then
    echo "ci-windows.sh: run me from the iisfake repository root" >&2
    exit 2
fi
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)

section() { printf '\n==== %s ====\n' "$*"; }
has_step() { [[ " $steps " == *" $1 "* ]]; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
timings=()
wine_started=0

# Whatever happens: stop the wineserver we started, then say how long each part took.
on_exit() {
    local status=$?
    if [[ $wine_started -eq 1 ]]; then
        wineserver -k 2>/dev/null || true
        wineserver -w 2>/dev/null || true
    fi
    section "timings"
    if [[ ${#timings[@]} -gt 0 ]]; then printf '%s\n' "${timings[@]}"; fi
    if [[ $status -eq 0 ]]; then echo "ci-windows.sh: all passed"; else echo "ci-windows.sh: FAILED" >&2; fi
    exit "$status"
}
trap on_exit EXIT

# ---- 1. cross build ------------------------------------------------------------------------
if has_step build; then
    section "mingw-w64 cross build -> $build_dir"
    # Catch2 reaches the cross build as a lone header: -I/usr/include would bring the host's
    # C library headers in.
    mkdir -p "$build_dir/catch2-include/catch2"
    cp "$catch2_header" "$build_dir/catch2-include/catch2/catch.hpp"

    start=$(now)
    cmake -G Ninja -S . -B "$build_dir" \
        -DCMAKE_TOOLCHAIN_FILE="$PWD/$toolchain" \
        -DCMAKE_BUILD_TYPE="$build_type" \
        -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
        -DIISFAKE_DEVELOPER_MODE=ON \
        -DIISFAKE_CATCH2_INCLUDE_DIR="$build_dir/catch2-include" \
        "${extra_cmake_args[@]}"
    build_status=0
    cmake --build "$build_dir" --parallel "$jobs" || build_status=$?
    timings+=("cross build (configure + build): $(elapsed "$start")")
    if [[ $build_status -ne 0 ]]; then exit "$build_status"; fi

    section "no host header in the cross build"
    # Every header each object was compiled from, as ninja recorded it.
    host_headers=$(ninja -C "$build_dir" -t deps | grep -E '^[[:space:]]+/usr/(local/)?include/' | sort -u || true)
    if [[ -n "$host_headers" ]]; then
        echo "host headers entered the cross build:" >&2
        echo "$host_headers" >&2
        exit 1
    fi
    echo "ok: no /usr/include or /usr/local/include header in any dependency list"
fi

# ---- 2. ctest under Wine -------------------------------------------------------------------
if has_step test; then
    section "ctest under Wine (headless, private prefix)"
    export WINEPREFIX=${IISFAKE_WINEPREFIX:-$build_dir/wineprefix}
    export WINEDEBUG=-all
    export WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono/Gecko install prompts
    unset DISPLAY WAYLAND_DISPLAY
    mkdir -p "$WINEPREFIX"
    echo "WINEPREFIX=$WINEPREFIX"

    # One persistent wineserver for the whole run (stopped by on_exit). Without it every test
    # pays Wine's start-up and shut-down (~2.5 s), or ctest waits on a lingering server.
    start=$(now)
    wine_started=1
    if ! wineserver -p; then  # exits 2 when a server already runs for this prefix: reuse it
        echo "note: a wineserver was already running for $WINEPREFIX; using it"
    fi
    if ! wine cmd /c exit 0 </dev/null >/dev/null 2>&1; then
        echo "Wine did not start (wine cmd /c exit 0 failed) in $WINEPREFIX" >&2
        exit 1
    fi
    timings+=("Wine start-up: $(elapsed "$start")")

    start=$(now)
    ctest_status=0
    (cd "$build_dir" && ctest --output-on-failure --no-tests=error --timeout 300 \
        -j "$jobs" "${extra_ctest_args[@]}") || ctest_status=$?
    timings+=("ctest under Wine: $(elapsed "$start")")
    if [[ $ctest_status -ne 0 ]]; then exit "$ctest_status"; fi
fi

# ---- 3. clang-cl, MSVC mode ----------------------------------------------------------------
if has_step clang-cl; then
    section "clang-cl (MSVC mode) syntax check against the mingw-w64 headers: ${clang_cl[*]}"
    gcc_include=$("$mingw_cxx" -print-file-name=include)
    target=$("$mingw_cxx" -dumpmachine)
    libstdcxx="$gcc_include/c++"
    if [[ ! -d "$libstdcxx/$target" || ! -f "$mingw_include/windows.h" ]]; then
        echo "cannot find libstdc++ ($libstdcxx/$target) or windows.h ($mingw_include)" >&2
        exit 1
    fi
    # /X: no INCLUDE environment; /imsvc: system headers, so /W4 /WX judges only ours.
    # -fgnuc-version: libstdc++ and mingw-w64 want __GNUC__; mingw-w64's _mingw.h then wants
    # __declspec to be a macro (mingw g++ predefines it), hence the self-defining one.
    # __STRICT_ANSI__: what clang's -std=c++17 defines outside MSVC mode; libstdc++ checks it.
    clang_cl_flags=(/nologo /Zs /X /W4 /WX /EHsc /utf-8 /permissive- /Zc:__cplusplus
        -fms-compatibility -fgnuc-version=4.2.1 "-D__declspec(x)=__declspec(x)" -D__STRICT_ANSI__
        /imsvc "$libstdcxx" /imsvc "$libstdcxx/$target" /imsvc "$mingw_include")
    variants=("/std:c++17" "/std:c++17 /FIwindows.h" "/std:c++17 /D_WINSOCKAPI_ /FIwindows.h"
        "/std:c++20")
    start=$(now)
    failed=0
    for root in "${clang_cl_roots[@]}"; do
        if [[ ! -f "$root/iisfake/iisfake.hpp" ]]; then
            echo "FAILED  $root/iisfake/iisfake.hpp does not exist" >&2
            failed=1
            continue
        fi
        for variant in "${variants[@]}"; do
            read -r -a variant_flags <<<"$variant"
            if "${clang_cl[@]}" "${clang_cl_flags[@]}" "${variant_flags[@]}" "/I$root" \
                tests/windows/clang_cl_check.cpp; then
                echo "ok      $root/iisfake/iisfake.hpp  $variant"
            else
                echo "FAILED  $root/iisfake/iisfake.hpp  $variant" >&2
                failed=1
            fi
        done
    done
    timings+=("clang-cl checks: $(elapsed "$start")")
    if [[ $failed -ne 0 ]]; then
        echo "clang-cl check failed; to reproduce:" >&2
        printf ' %q' "${clang_cl[@]}" "${clang_cl_flags[@]}" /std:c++17 /Iinclude \
            tests/windows/clang_cl_check.cpp >&2
        echo >&2
        exit 1
    fi
fi

