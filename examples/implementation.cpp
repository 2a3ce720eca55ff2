// The one file of the examples binary that compiles the fakes' implementation: the target
// defines IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION, as a suite of many test files can (README,
// "Compiling the fakes once for a large suite"). 080-gmock-wrapping.cpp, a binary of its own,
// keeps the default, where a file that constructs a fake compiles it.
#define IISFAKE_CONFIG_IMPLEMENT
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>
