// The one file of the unit-test binary that compiles the fakes' implementation: the target
// defines IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION for every file, so the others see only the
// classes and extern template declarations, and compile quickly.
#define IISFAKE_CONFIG_IMPLEMENT
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>
