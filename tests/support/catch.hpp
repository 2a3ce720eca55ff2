// The only file that knows which Catch2 major is in use. Test code sticks to what v2 and v3
// share: TEST_CASE, SECTION, REQUIRE/CHECK(_FALSE), REQUIRE_THROWS_AS, REQUIRE_NOTHROW,
// INFO/CAPTURE. No matchers, no Approx.
#ifndef IISFAKE_TESTS_SUPPORT_CATCH_HPP_INCLUDED
#define IISFAKE_TESTS_SUPPORT_CATCH_HPP_INCLUDED

#if defined(IISFAKE_CATCH2_AMALGAMATED)
#include <catch_amalgamated.hpp>
#elif defined(IISFAKE_CATCH2_MAJOR) && IISFAKE_CATCH2_MAJOR == 3
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif
