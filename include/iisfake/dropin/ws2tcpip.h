// Drop-in <ws2tcpip.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// inet_ntop, inet_pton, getnameinfo and INET6_ADDRSTRLEN (with <winsock2.h>'s names).
#ifndef IISFAKE_DROPIN_WS2TCPIP_H_INCLUDED
#define IISFAKE_DROPIN_WS2TCPIP_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/winsock.hpp>)
#include <iisfake/win32/winsock.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
