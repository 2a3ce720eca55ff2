// GENERATED FILE - DO NOT EDIT (python3 tools/amalgamate.py).
// <iisfake/module_host.hpp> of the modular layout: the single header holds it.
#include "iisfake.hpp"
