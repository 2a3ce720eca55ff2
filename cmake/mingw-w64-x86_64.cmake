# Cross toolchain: 64-bit Windows via mingw-w64 (posix thread model), tests run under Wine.
#
#   cmake -G Ninja -S . -B build-mingw \
#         -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
#         -DIISFAKE_CATCH2_INCLUDE_DIR=<dir holding catch2/catch.hpp, not /usr/include>
#
# Debian/Ubuntu: apt-get install g++-mingw-w64-x86-64-posix wine wine64
# tools/ci-windows.sh does all of it, Wine set-up included.

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(IISFAKE_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${IISFAKE_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${IISFAKE_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${IISFAKE_MINGW_TRIPLE}-windres)

# Libraries, headers and CMake packages come from the mingw-w64 tree only, so nothing of the
# host's (/usr/include, /usr/lib/cmake/Catch2, ...) can enter the build; programs (Wine, Python)
# come from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${IISFAKE_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Fully static executables: a missing libstdc++/libgcc/libwinpthread DLL makes Wine exit with
# 53 and print nothing.
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)
# Build type: prefer Release. At -O0 every inline function is a COMDAT section of its own;
# binutils (ar, ranlib, ld) reads a PE object with ~50k sections slowly, ~7 s per pass over
# Catch2's main alone, where -O2/-O3 objects take well under a second.

# ctest runs the test executables through Wine. Set IISFAKE_WINE to
# another launcher, or to an empty string to cross-build without running anything.
if(NOT DEFINED IISFAKE_WINE)
  find_program(IISFAKE_WINE NAMES wine wine64 PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
endif()
if(IISFAKE_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${IISFAKE_WINE})
endif()
