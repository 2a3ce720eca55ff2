// WIN32_LEAN_AND_MEAN <windows.h> first: no winsock at all yet.
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

#include <iisfake/iisfake.hpp>

#include "include_order_check.hpp"

#if !defined(WIN32_LEAN_AND_MEAN)
#error "iisfake undefined the user's WIN32_LEAN_AND_MEAN"
#endif

int include_order_lean();
int include_order_lean() {
    return include_order_check() + (GetCurrentProcessId() != 0 ? 0 : 1);
}
