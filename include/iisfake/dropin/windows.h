// Drop-in <windows.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The Win32 types, codes and macros module code uses, OutputDebugString and DebugBreak (recorded
// for tests), and the C runtime headers MSVC's <windows.h> brings.
#ifndef IISFAKE_DROPIN_WINDOWS_H_INCLUDED
#define IISFAKE_DROPIN_WINDOWS_H_INCLUDED

// MSVC's <windows.h> brings these C runtime headers; module sources call strlen, wcslen, atoi,
// isalpha and va_start with no other include.
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

// The declarations, not the fakes: the part, or with the single header alone the umbrella.
#if __has_include(<iisfake/win32/windows.hpp>)
#include <iisfake/win32/windows.hpp>
#else
#include <iisfake/iisfake.hpp>
#endif

#endif
