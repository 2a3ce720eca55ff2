// _WINSOCKAPI_ and WIN32_LEAN_AND_MEAN together, then <windows.h>.
#define WIN32_LEAN_AND_MEAN
#define _WINSOCKAPI_
#include <windows.h>

#include <iisfake/iisfake.hpp>

#include "include_order_check.hpp"

int include_order_winsockapi_lean();
int include_order_winsockapi_lean() { return include_order_check(); }
