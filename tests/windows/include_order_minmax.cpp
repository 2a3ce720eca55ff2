// The Windows SDK's <windows.h> defines min and max as function-like macros unless NOMINMAX;
// mingw-w64's does so only for C. Simulate the SDK: iisfake must never spell min( or max(.
// libstdc++ itself is not min/max-proof, so the standard headers are all read before the macros.
#if __has_include(<bits/stdc++.h>)
#include <bits/stdc++.h>  // every standard header, so none is read after the macros
#else
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#endif

#define min(a, b) (((a) < (b)) ? (a) : (b))
#define max(a, b) (((a) > (b)) ? (a) : (b))
#include <windows.h>

#include <iisfake/iisfake.hpp>

#include "include_order_check.hpp"

int include_order_minmax();
int include_order_minmax() { return include_order_check() + (max(1, 2) == 2 ? 0 : 1); }
