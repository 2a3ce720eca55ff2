// Drop-in <winsock2.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The address names modules use: ntohs, inet_ntop, GetNameInfo, IN6_IS_ADDR_V4MAPPED,
// with the Windows values (AF_INET6 is 23). Not the POSIX socket headers: a module source
// includes one or the other.
#ifndef IISFAKE_DROPIN_WINSOCK2_H_INCLUDED
#define IISFAKE_DROPIN_WINSOCK2_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/winsock.hpp>)
#include <iisfake/win32/winsock.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
