# Install rules and the CMake/pkg-config package files. Included by the top-level
# CMakeLists.txt when IISFAKE_INSTALL is ON.
#
#   find_package(iisfake 0.1 REQUIRED)
#   target_link_libraries(my_tests PRIVATE iisfake::iisfake)
#
# The package is architecture independent (header-only), so a 32-bit consumer can use a copy
# installed by a 64-bit build.

include(CMakePackageConfigHelpers)

set(IISFAKE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/iisfake"
    CACHE STRING "Where iisfakeConfig.cmake is installed, relative to the prefix")
set(IISFAKE_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where iisfake.pc is installed, relative to the prefix")
mark_as_advanced(IISFAKE_INSTALL_CMAKEDIR IISFAKE_INSTALL_PKGCONFIGDIR)

# iisfake_dropin is exported as iisfake::dropin, the same name as its in-tree alias.
set_target_properties(iisfake_dropin PROPERTIES EXPORT_NAME dropin)

install(TARGETS iisfake iisfake_dropin EXPORT iisfakeTargets)

# Headers. In single-header mode the generated headers replace the parts (the single header,
# its opt-in Win32 companion and the forwarding headers beside them); the drop-ins are installed
# either way (they include the parts when present, else the generated headers).
if(IISFAKE_USE_SINGLE_HEADER)
  install(DIRECTORY "${IISFAKE_INCLUDE_DIR}/iisfake"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
          FILES_MATCHING PATTERN "*.hpp")
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/iisfake/dropin"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/iisfake"
          FILES_MATCHING PATTERN "*.h")
else()
  install(DIRECTORY "${IISFAKE_INCLUDE_DIR}/iisfake"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
          FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
endif()

install(EXPORT iisfakeTargets
        NAMESPACE iisfake::
        DESTINATION "${IISFAKE_INSTALL_CMAKEDIR}")

# One config and version file serve both the install tree and the build tree (export() below),
# so -Diisfake_DIR=<build dir> works without installing.
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/iisfakeConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/iisfakeConfig.cmake"
  INSTALL_DESTINATION "${IISFAKE_INSTALL_CMAKEDIR}")
# SameMinorVersion while 0.x (0.1 and 0.2 may differ in API); SameMajorVersion from 1.0.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/iisfakeConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/iisfakeConfig.cmake"
              "${PROJECT_BINARY_DIR}/iisfakeConfigVersion.cmake"
        DESTINATION "${IISFAKE_INSTALL_CMAKEDIR}")

export(EXPORT iisfakeTargets
       NAMESPACE iisfake::
       FILE "${PROJECT_BINARY_DIR}/iisfakeTargets.cmake")

# pkg-config: relocatable (paths relative to the .pc file) unless the dirs are absolute.
if(IS_ABSOLUTE "${IISFAKE_INSTALL_PKGCONFIGDIR}")
  set(iisfake_pc_prefix "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH iisfake_pc_up "/${IISFAKE_INSTALL_PKGCONFIGDIR}" "/")
  string(REGEX REPLACE "/$" "" iisfake_pc_up "${iisfake_pc_up}")
  set(iisfake_pc_prefix "\${pcfiledir}/${iisfake_pc_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(iisfake_pc_includedir "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(iisfake_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/iisfake.pc.in" "${PROJECT_BINARY_DIR}/iisfake.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/iisfake.pc" DESTINATION "${IISFAKE_INSTALL_PKGCONFIGDIR}")
