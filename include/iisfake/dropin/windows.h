// Drop-in <windows.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The Win32 types, codes and macros module code uses; the kernel32/advapi32/ole32 calls modules
// make (synchronization, interlocked and SLIST, time, environment, event log, code pages, GUIDs,
// VARIANT conversion), recorded where a test wants to see them (iisfake/win32.hpp); the secure
// C runtime; and the C runtime headers MSVC's <windows.h> brings. min and max stay undefined
// unless IISFAKE_WIN32_MINMAX is defined (see iisfake/win32/windows.hpp).
#ifndef IISFAKE_DROPIN_WINDOWS_H_INCLUDED
#define IISFAKE_DROPIN_WINDOWS_H_INCLUDED

// MSVC's <windows.h> brings these C runtime headers; module sources call strlen, wcslen, atoi,
// isalpha and va_start with no other include.
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#endif

// The part, or with the single header alone its opt-in Win32 companion. Outside the guard: the
// part decides min and max at each inclusion, as MSVC's header does.
#if __has_include(<iisfake/win32/windows.hpp>)
#include <iisfake/win32/windows.hpp>
#else
#include <iisfake/win32.hpp>
#endif
