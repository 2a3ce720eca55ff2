// Catch2's main, compiled once and shared by every test binary.
#if defined(IISFAKE_CATCH2_MAJOR) && IISFAKE_CATCH2_MAJOR == 3
#include <catch2/catch_session.hpp>

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
#else
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
#endif
