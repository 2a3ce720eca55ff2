#!/usr/bin/env bash
# Compile-time cost of including iisfake (the umbrella, the single header, and a module source's
# <windows.h> + <httpserv.h> through the drop-ins), as a ratio to a TU that includes only a few
# common standard headers. Not a test: a number to watch (users include us in every test file).
#
#   tests/bench/compile_time.sh [runs]        # default 7 runs; CXX, CXXFLAGS and STD honoured
#   CXX=clang++ tests/bench/compile_time.sh
#
# Each variant is a real `-c -O0` compile of one TU; runs are interleaved across variants and
# the median wall time is reported. <catch2/catch.hpp> and <gmock/gmock.h> are measured for
# reference when they are installed.
set -euo pipefail

runs=${1:-7}
cxx=${CXX:-g++}
std=${STD:-c++17}
read -r -a extra <<< "${CXXFLAGS:-}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

base='#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>'

compile() {  # compile NAME [FLAGS], FLAGS split on spaces
    local -a flag_list=()
    read -r -a flag_list <<< "${2:-}"
    "$cxx" "-std=$std" -O0 "${extra[@]}" "${flag_list[@]}" -c "$work/$1.cpp" -o "$work/$1.o"
}

names=() flags=()
add() {  # add NAME INCLUDE-LINE [FLAG]; the first compile doubles as the warm-up
    local name=$1 include=$2 flag=${3:-}
    printf '%s\n%s\n' "$base" "$include" > "$work/$name.cpp"
    if compile "$name" "$flag" 2> "$work/$name.err"; then
        names+=("$name")
        flags+=("$flag")
    else
        echo "skipped $name: does not compile with $cxx (see below)" >&2
        head -n 3 "$work/$name.err" >&2
    fi
}

add baseline ''
add modular '#include <iisfake/iisfake.hpp>' "-I$root/include"
# A module source through the drop-ins: the declarations of <httpserv.h> (with <ahadmin.h>) and
# the Windows types, none of the fakes.
dropin=$root/include/iisfake/dropin
add dropin $'#include <windows.h>\n#include <httpserv.h>' \
    "-I$root/include -I$dropin -I$dropin/iis -I$dropin/spellings"
# A test file that constructs a FakeHttpContext and drives its request and response: by
# default (the fakes' implementation compiled here), and with the one-file opt-in
# (IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION: another file compiles it once for the suite).
drive=$'#include <iisfake/iisfake.hpp>\nint drive();\nint drive() {\n'
drive+=$'    iisfake::FakeHttpContext context(iisfake::RequestBuilder().header("Accept", "*/*"));\n'
drive+=$'    IHttpContext* module_view = &context;\n'
drive+=$'    module_view->GetRequest()->SetHeader("X-Seen", "1", 1, TRUE);\n'
drive+=$'    module_view->GetResponse()->SetStatus(404, "Not Found");\n'
drive+=$'    context.end_request();\n'
drive+=$'    return context.response().sent_status();\n}'
add context "$drive" "-I$root/include"
add separate $'#define IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION\n'"$drive" "-I$root/include"
if [[ -f $root/single_include/iisfake/iisfake.hpp ]]; then
    add single '#include <iisfake/iisfake.hpp>' "-I$root/single_include"
fi
available() { echo "#include <$1>" | "$cxx" "-std=$std" -x c++ -fsyntax-only - 2> /dev/null; }
if available catch2/catch.hpp; then
    add catch2 '#include <catch2/catch.hpp>'
fi
if available gmock/gmock.h; then
    add gmock '#include <gmock/gmock.h>'
fi
[[ ${names[0]:-} == baseline ]] || { echo "the baseline TU does not compile" >&2; exit 1; }

declare -A times
for ((run = 0; run < runs; run++)); do
    for i in "${!names[@]}"; do
        name=${names[$i]}
        start=$(date +%s%N)
        compile "$name" "${flags[$i]}"
        end=$(date +%s%N)
        times[$name]+="$(((end - start) / 1000000)) "
    done
done

median() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{v[NR] = $1} END {
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

base_ms=$(median "${times[baseline]}")
echo "$("$cxx" --version | head -n 1), -std=$std -O0 -c, median of $runs runs"
printf '%-10s %10s %8s\n' TU 'median ms' ratio
for name in "${names[@]}"; do
    ms=$(median "${times[$name]}")
    printf '%-10s %10s %8s\n' "$name" "$ms" "$(awk -v a="$ms" -v b="$base_ms" 'BEGIN { printf "%.2f", a / b }')"
done
