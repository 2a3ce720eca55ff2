// The user included <http.h> (which reads <winsock2.h> itself) before iisfake, and again after.
#include <http.h>

#include <iisfake/iisfake.hpp>

#include <http.h>
#include <windows.h>

#include "include_order_check.hpp"

int include_order_http_first();
int include_order_http_first() { return include_order_check(); }
