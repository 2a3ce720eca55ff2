// The order <http.h> itself asks for: <winsock2.h>, then <windows.h>, then iisfake, then more
// socket headers after us.
#include <winsock2.h>
#include <windows.h>

#include <iisfake/iisfake.hpp>

#include <ws2tcpip.h>

#include "include_order_check.hpp"

int include_order_winsock2_first();
int include_order_winsock2_first() {
    SOCKET unused = INVALID_SOCKET;
    return include_order_check() + (unused == INVALID_SOCKET ? 0 : 1);
}
