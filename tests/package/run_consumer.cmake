# Configures, builds and runs one consumer project of tests/package/ in a fresh build dir:
#   cmake -DCONSUMER=<find_package|add_subdirectory|fetch_content|single_header> ... -P run_consumer.cmake
# Inputs (set by tests/package/CMakeLists.txt):
#   CONSUMER, SOURCE_DIR (this folder), WORK_DIR (scratch dir, wiped first), IISFAKE_SOURCE_DIR,
#   GENERATOR, GENERATOR_PLATFORM, GENERATOR_TOOLSET, MAKE_PROGRAM, CXX_COMPILER, CXX_FLAGS,
#   CXX_STANDARD, CONFIG, PREFIX (find_package: the install prefix), USE_SINGLE_HEADER.
# Only the consumer is configured and built here; nothing is downloaded.

cmake_minimum_required(VERSION 3.14)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${CONSUMER}: ${what} failed (${result}):\n${out}")
  endif()
  message(STATUS "${CONSUMER}: ${what}: ok")
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(consumer_source "${SOURCE_DIR}/${CONSUMER}")
set(args)

if(CONSUMER STREQUAL "find_package")
  # Installed by the package.install fixture; CMAKE_PREFIX_PATH is how users point at it.
  # Imported include dirs are SYSTEM by default, which would hide our warnings: unhide them.
  list(APPEND args "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_NO_SYSTEM_FROM_IMPORTED=ON)
elseif(CONSUMER STREQUAL "add_subdirectory")
  list(APPEND args "-DIISFAKE_SOURCE_DIR=${IISFAKE_SOURCE_DIR}"
                   "-DIISFAKE_USE_SINGLE_HEADER=${USE_SINGLE_HEADER}")
elseif(CONSUMER STREQUAL "fetch_content")
  # What a release archive holds (see docs: FetchContent by URL); building it here proves the
  # archive is enough, and the URL is a local file, so nothing leaves the machine.
  set(archive_root "${WORK_DIR}/archive/iisfake")
  file(MAKE_DIRECTORY "${archive_root}")
  foreach(item include single_include cmake CMakeLists.txt LICENSE LICENSE.txt README.md)
    if(EXISTS "${IISFAKE_SOURCE_DIR}/${item}")
      file(COPY "${IISFAKE_SOURCE_DIR}/${item}" DESTINATION "${archive_root}")
    endif()
  endforeach()
  set(archive "${WORK_DIR}/archive/iisfake.tar.gz")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E tar czf "${archive}" iisfake
                  WORKING_DIRECTORY "${WORK_DIR}/archive" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${CONSUMER}: could not create ${archive}")
  endif()
  file(SHA256 "${archive}" archive_sha256)
  list(APPEND args "-DIISFAKE_URL=file://${archive}" "-DIISFAKE_URL_HASH=SHA256=${archive_sha256}"
                   "-DIISFAKE_USE_SINGLE_HEADER=${USE_SINGLE_HEADER}")
elseif(CONSUMER STREQUAL "single_header")
  # A project that only copied the one header into its tree (third_party/iisfake/iisfake.hpp).
  set(copy "${WORK_DIR}/src")
  file(COPY "${consumer_source}/" DESTINATION "${copy}")
  file(COPY "${IISFAKE_SOURCE_DIR}/single_include/iisfake/iisfake.hpp"
       DESTINATION "${copy}/third_party/iisfake")
  set(consumer_source "${copy}")
else()
  message(FATAL_ERROR "unknown CONSUMER '${CONSUMER}'")
endif()

set(generator_args -G "${GENERATOR}")
if(GENERATOR_PLATFORM)
  list(APPEND generator_args -A "${GENERATOR_PLATFORM}")
endif()
if(GENERATOR_TOOLSET)
  list(APPEND generator_args -T "${GENERATOR_TOOLSET}")
endif()
if(MAKE_PROGRAM)
  list(APPEND generator_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CXX_STANDARD)
  list(APPEND args "-DCMAKE_CXX_STANDARD=${CXX_STANDARD}")
endif()
set(config_args)
if(CONFIG)
  list(APPEND args "-DCMAKE_BUILD_TYPE=${CONFIG}")
  set(config_args --config "${CONFIG}")
endif()

set(build "${WORK_DIR}/build")
run(configure "${CMAKE_COMMAND}" ${generator_args} -S "${consumer_source}" -B "${build}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" ${args})
run(build "${CMAKE_COMMAND}" --build "${build}" ${config_args})
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" ${config_args} --output-on-failure
                WORKING_DIRECTORY "${build}" RESULT_VARIABLE result OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT result EQUAL 0 OR NOT out MATCHES "100% tests passed")
  message(FATAL_ERROR "${CONSUMER}: the consumer's test failed:\n${out}")
endif()
message(STATUS "${CONSUMER}: run: ok")
