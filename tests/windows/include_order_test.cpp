// Include-order checks for Windows targets (in CI: the mingw-w64 cross build under Wine).
// iisfake's headers reach the real <winsock2.h>/<windows.h>/<http.h> through
// detail/win32_headers.hpp and must compile whatever the user included before or includes
// after. Each include_order_*.cpp is one order; this TU is "iisfake first, nothing before",
// and runs them all.
#include <iisfake/iisfake.hpp>

#include <windows.h>  // after us: must be a no-op, with no winsock.h clash

#include <cstdio>

#include "include_order_check.hpp"

int include_order_lean();
int include_order_winsockapi();
int include_order_winsockapi_lean();
int include_order_winsock2_first();
int include_order_minmax();
#if defined(__MINGW32__)  // see CMakeLists.txt
int include_order_windows_first();
int include_order_http_first();
#endif

int main() {
    struct Case {
        const char* name;
        int (*run)();
    };
    const Case cases[] = {
        {"iisfake first", include_order_check},
        {"WIN32_LEAN_AND_MEAN <windows.h> first", include_order_lean},
        {"_WINSOCKAPI_ <windows.h> first", include_order_winsockapi},
        {"_WINSOCKAPI_ WIN32_LEAN_AND_MEAN <windows.h> first", include_order_winsockapi_lean},
        {"<winsock2.h> <windows.h> first", include_order_winsock2_first},
        {"SDK-style min/max macros", include_order_minmax},
#if defined(__MINGW32__)
        {"<windows.h> first", include_order_windows_first},
        {"<http.h> first", include_order_http_first},
#endif
    };
    int failures = 0;
    for (const Case& c : cases) {
        const int failed = c.run();
        std::printf("%-52s %s\n", c.name, failed == 0 ? "ok" : "FAILED");
        failures += failed;
    }
    return failures == 0 ? 0 : 1;
}
