// GENERATED FILE - DO NOT EDIT (python3 tools/amalgamate.py).
// <iisfake/fake_module_registration_info.hpp> of the modular layout: the single header holds it.
#include "iisfake.hpp"
