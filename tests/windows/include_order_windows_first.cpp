// <windows.h> without WIN32_LEAN_AND_MEAN first: it reads the old <winsock.h>, and mingw-w64's
// <winsock2.h> would then warn "Please include winsock2.h before windows.h".
#include <windows.h>

#include <iisfake/iisfake.hpp>

#include "include_order_check.hpp"

// (NOMINMAX cannot be checked here: libstdc++'s mingw os_defines.h defines it.)
#if defined(WIN32_LEAN_AND_MEAN)
#error "iisfake defined WIN32_LEAN_AND_MEAN"
#endif

// Something only the full <windows.h> declares (via shellapi.h) is still there.
static_assert(sizeof(&DragQueryFileA) != 0, "full <windows.h>");

int include_order_windows_first();
int include_order_windows_first() { return include_order_check(); }
