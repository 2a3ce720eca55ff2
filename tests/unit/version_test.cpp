// The version macros agree with project(VERSION) in CMakeLists.txt (passed in by
// tests/CMakeLists.txt as IISFAKE_TEST_PROJECT_VERSION), and with each other.
#include <iisfake/iisfake.hpp>

#include <string>

#include "catch.hpp"

#ifndef IISFAKE_TEST_PROJECT_VERSION
#error "tests/CMakeLists.txt must define IISFAKE_TEST_PROJECT_VERSION from project(VERSION)"
#endif

// The numeric macros are usable by the preprocessor, as users gate on them.
#if !defined(IISFAKE_VERSION_MAJOR) || !defined(IISFAKE_VERSION_MINOR) || \
    !defined(IISFAKE_VERSION_PATCH) || !defined(IISFAKE_VERSION_STRING)
#error "version macros missing"
#endif
#if (IISFAKE_VERSION_MAJOR | IISFAKE_VERSION_MINOR | IISFAKE_VERSION_PATCH) < 0
#error "version numbers must be non-negative integer literals"
#endif

TEST_CASE("IISFAKE_VERSION_STRING equals project(VERSION)") {
    CHECK(std::string(IISFAKE_VERSION_STRING) == IISFAKE_TEST_PROJECT_VERSION);
}

TEST_CASE("IISFAKE_VERSION_MAJOR/MINOR/PATCH spell IISFAKE_VERSION_STRING") {
    const std::string joined = std::to_string(IISFAKE_VERSION_MAJOR) + "." +
                               std::to_string(IISFAKE_VERSION_MINOR) + "." +
                               std::to_string(IISFAKE_VERSION_PATCH);
    CHECK(joined == IISFAKE_VERSION_STRING);
    CHECK(joined == IISFAKE_TEST_PROJECT_VERSION);
}
