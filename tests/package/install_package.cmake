# Installs the outer build tree to a fresh PREFIX and checks the installed package:
#   cmake -DBUILD_DIR=... -DPREFIX=... [-DCONFIG=...] [-DVERSION=x.y.z] [-DPKG_CONFIG=...] -P install_package.cmake
# The find_package consumer then builds against PREFIX (fixture iisfake_installed).

cmake_minimum_required(VERSION 3.14)

file(REMOVE_RECURSE "${PREFIX}")
set(config_args)
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "install failed (${result}):\n${out}")
endif()

set(cmakedir "${PREFIX}/${INSTALL_CMAKEDIR}")
foreach(file "${PREFIX}/${INSTALL_INCLUDEDIR}/iisfake/iisfake.hpp"
             "${PREFIX}/${INSTALL_INCLUDEDIR}/iisfake/dropin/iis/httpserv.h"
             "${PREFIX}/${INSTALL_INCLUDEDIR}/iisfake/dropin/windows.h"
             "${PREFIX}/${INSTALL_INCLUDEDIR}/iisfake/dropin/iis/iisfake_dropin.h"
             "${PREFIX}/${INSTALL_INCLUDEDIR}/iisfake/dropin/spellings/Windows.h"
             "${cmakedir}/iisfakeConfig.cmake" "${cmakedir}/iisfakeConfigVersion.cmake"
             "${cmakedir}/iisfakeTargets.cmake" "${PREFIX}/${INSTALL_PKGCONFIGDIR}/iisfake.pc")
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

# The version file: SameMinorVersion while 0.x, and architecture independent (a 32-bit
# consumer may use a package installed by a 64-bit build).
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${VERSION}")
set(major "${CMAKE_MATCH_1}")
set(minor "${CMAKE_MATCH_2}")
math(EXPR next_minor "${minor} + 1")
function(expect_compatible wanted pointer_size expected)
  set(PACKAGE_FIND_VERSION "${wanted}")
  string(REPLACE "." ";" parts "${wanted}")
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
  set(CMAKE_SIZEOF_VOID_P ${pointer_size})
  include("${cmakedir}/iisfakeConfigVersion.cmake")
  if(NOT PACKAGE_VERSION_COMPATIBLE STREQUAL "${expected}" OR PACKAGE_VERSION_UNSUITABLE)
    message(FATAL_ERROR "iisfakeConfigVersion.cmake: asking for ${wanted} with a "
                        "${pointer_size}-byte pointer gave compatible=${PACKAGE_VERSION_COMPATIBLE}"
                        " unsuitable=${PACKAGE_VERSION_UNSUITABLE}, expected ${expected}")
  endif()
endfunction()
expect_compatible("${major}.${minor}" 8 TRUE)
expect_compatible("${major}.${minor}" 4 TRUE)
expect_compatible("${major}.${next_minor}" 8 FALSE)

# pkg-config, where there is one.
if(PKG_CONFIG)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env
                          "PKG_CONFIG_PATH=${PREFIX}/${INSTALL_PKGCONFIGDIR}"
                          "${PKG_CONFIG}" --modversion iisfake
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0 OR NOT out MATCHES "${VERSION}")
    message(FATAL_ERROR "pkg-config --modversion iisfake failed (${result}):\n${out}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env
                          "PKG_CONFIG_PATH=${PREFIX}/${INSTALL_PKGCONFIGDIR}"
                          "${PKG_CONFIG}" --cflags iisfake
                  RESULT_VARIABLE result OUTPUT_VARIABLE cflags ERROR_VARIABLE cflags)
  string(STRIP "${cflags}" cflags)
  string(REGEX REPLACE "^-I" "" pc_include "${cflags}")
  get_filename_component(pc_include "${pc_include}" REALPATH)
  get_filename_component(want_include "${PREFIX}/${INSTALL_INCLUDEDIR}" REALPATH)
  if(NOT result EQUAL 0 OR NOT pc_include STREQUAL want_include)
    message(FATAL_ERROR "pkg-config --cflags iisfake gave '${cflags}', expected -I${want_include}")
  endif()
endif()
message(STATUS "installed and checked: ${PREFIX}")
