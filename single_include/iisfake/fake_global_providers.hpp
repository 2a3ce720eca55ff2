// GENERATED FILE - DO NOT EDIT (python3 tools/amalgamate.py).
// <iisfake/fake_global_providers.hpp> of the modular layout: the single header holds it.
#include "iisfake.hpp"
