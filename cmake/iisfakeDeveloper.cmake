# Settings for iisfake's own tests and examples. Nothing here reaches the exported target.

# Catch2: the amalgamated v3 when IISFAKE_CATCH2_AMALGAMATED_DIR names its folder (the two files
# catch_amalgamated.hpp/.cpp), else v3 where installed, else Debian's 2.13.
# tests/support/catch.hpp picks the include.
set(IISFAKE_CATCH2_AMALGAMATED_DIR "" CACHE PATH
    "Folder with Catch2 v3's catch_amalgamated.hpp and .cpp, to test against it")
if(IISFAKE_CATCH2_AMALGAMATED_DIR)
  set(IISFAKE_CATCH2_MAJOR 3)
  if(NOT EXISTS "${IISFAKE_CATCH2_AMALGAMATED_DIR}/catch_amalgamated.cpp")
    message(FATAL_ERROR "No catch_amalgamated.cpp in ${IISFAKE_CATCH2_AMALGAMATED_DIR}")
  endif()
else()
  find_package(Catch2 3 QUIET)
endif()
if(IISFAKE_CATCH2_AMALGAMATED_DIR)
  # decided above
elseif(Catch2_FOUND)
  set(IISFAKE_CATCH2_MAJOR 3)
else()
  find_package(Catch2 2 QUIET)
  if(Catch2_FOUND)
    set(IISFAKE_CATCH2_MAJOR 2)
  elseif(IISFAKE_CATCH2_INCLUDE_DIR)
    # Cross builds (mingw-w64) point at the header directly so the host's /usr/include stays out.
    set(IISFAKE_CATCH2_MAJOR 2)
  else()
    message(FATAL_ERROR "iisfake tests need Catch2 (Debian: apt-get install catch2), "
                        "or -DIISFAKE_CATCH2_INCLUDE_DIR=<dir containing catch2/catch.hpp>")
  endif()
endif()

# One static library holding Catch2's main, shared by every test binary.
if(NOT TARGET iisfake_catch_main AND IISFAKE_CATCH2_AMALGAMATED_DIR)
  # The amalgamated source brings Catch2 itself and its main.
  add_library(iisfake_catch_main STATIC ${IISFAKE_CATCH2_AMALGAMATED_DIR}/catch_amalgamated.cpp)
  target_compile_features(iisfake_catch_main PUBLIC cxx_std_17)
  target_include_directories(iisfake_catch_main PUBLIC ${PROJECT_SOURCE_DIR}/tests/support)
  target_include_directories(iisfake_catch_main SYSTEM PUBLIC ${IISFAKE_CATCH2_AMALGAMATED_DIR})
  target_compile_definitions(iisfake_catch_main PUBLIC IISFAKE_CATCH2_MAJOR=3
                                                       IISFAKE_CATCH2_AMALGAMATED)
elseif(NOT TARGET iisfake_catch_main)
  add_library(iisfake_catch_main STATIC ${PROJECT_SOURCE_DIR}/tests/support/catch_main.cpp)
  target_compile_features(iisfake_catch_main PUBLIC cxx_std_17)
  target_include_directories(iisfake_catch_main PUBLIC ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(iisfake_catch_main PUBLIC IISFAKE_CATCH2_MAJOR=${IISFAKE_CATCH2_MAJOR})
  if(IISFAKE_CATCH2_MAJOR EQUAL 3)
    target_link_libraries(iisfake_catch_main PUBLIC Catch2::Catch2)
  elseif(TARGET Catch2::Catch2)
    target_link_libraries(iisfake_catch_main PUBLIC Catch2::Catch2)
  else()
    target_include_directories(iisfake_catch_main SYSTEM PUBLIC ${IISFAKE_CATCH2_INCLUDE_DIR})
  endif()
endif()

set(IISFAKE_GCC_WARNINGS
  -Wall -Wextra -Wpedantic -Werror -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-qual -Wcast-align -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations -Wundef
  -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wuseless-cast -Wredundant-decls)
set(IISFAKE_CLANG_WARNINGS
  -Wall -Wextra -Wpedantic -Werror -Wshadow-all -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-qual -Wcast-align -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations -Wundef
  -Wextra-semi -Wsuggest-override -Winconsistent-missing-override -Wcomma -Wunreachable-code)

# Sanitizers for one of our own targets (also Catch2's main, so TSan sees the whole program).
function(iisfake_sanitize target)
  if(IISFAKE_SANITIZE)
    string(REPLACE ";" "," sanitizers "${IISFAKE_SANITIZE}")
    target_compile_options(${target} PRIVATE -fsanitize=${sanitizers} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${sanitizers})
  endif()
endfunction()

# Strict warnings (developer mode) and sanitizers for one of our own targets.
function(iisfake_strict target)
  if(IISFAKE_DEVELOPER_MODE)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE ${IISFAKE_GCC_WARNINGS})
    elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      target_compile_options(${target} PRIVATE ${IISFAKE_CLANG_WARNINGS})
    elseif(MSVC)
      target_compile_options(${target} PRIVATE /W4 /WX /permissive- /Zc:__cplusplus /utf-8 /EHsc)
    endif()
    if(NOT WIN32)
      target_compile_definitions(${target} PRIVATE _GLIBCXX_ASSERTIONS)
    endif()
  endif()
  iisfake_sanitize(${target})
endfunction()

# A Catch2 test binary of ours, registered with ctest under the given labels.
function(iisfake_add_test_binary name)
  cmake_parse_arguments(arg "" "" "SOURCES;LABELS;LIBRARIES" ${ARGN})
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE iisfake::iisfake iisfake_catch_main ${arg_LIBRARIES})
  iisfake_strict(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(arg_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${arg_LABELS}")
  endif()
endfunction()

iisfake_sanitize(iisfake_catch_main)
