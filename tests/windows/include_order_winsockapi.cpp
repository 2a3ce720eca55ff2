// The IIS samples' idiom: #define _WINSOCKAPI_ keeps <windows.h> from reading <winsock.h>.
// mingw-w64's <winsock2.h> then warns "Please include winsock2.h before windows.h" unless
// iisfake hides _WINSOCKAPI_ while reading it.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>

#include <iisfake/iisfake.hpp>

#include "include_order_check.hpp"

#if !defined(_WINSOCKAPI_)
#error "iisfake lost the user's _WINSOCKAPI_"
#endif

int include_order_winsockapi();
int include_order_winsockapi() {
    return include_order_check() + (GetCurrentProcessId() != 0 ? 0 : 1);
}
