#!/usr/bin/env bash
# Installs what iisfake's builds need from Debian's packages. Usage: tools/install-deps.sh [all]
# Without "all": what the examples need. With "all": everything the full test suite uses,
# including clang, the sanitizer runtimes, gMock, mingw-w64 and Wine.
set -euo pipefail

packages=(cmake ninja-build g++ catch2 python3)
if [[ "${1:-}" == "all" ]]; then
  packages+=(clang libclang-rt-14-dev libgmock-dev g++-mingw-w64-x86-64-posix wine wine64
    libpugixml-dev)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
