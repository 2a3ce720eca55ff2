// Drop-in <tchar.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The generic-text mappings: _TCHAR, _T(), _tcs*, _stprintf_s..., narrow unless _UNICODE
// is defined, as MSVC maps them.
#ifndef IISFAKE_DROPIN_TCHAR_H_INCLUDED
#define IISFAKE_DROPIN_TCHAR_H_INCLUDED

// MSVC's <tchar.h> brings these; _tprintf and _tcslen map onto them.
#include <stdio.h>
#include <string.h>
#include <wchar.h>

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/tchar.hpp>)
#include <iisfake/win32/tchar.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
