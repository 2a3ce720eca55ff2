// Drop-in <strsafe.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// StringCch*/StringCb* with their HRESULTs and truncation rules.
#ifndef IISFAKE_DROPIN_STRSAFE_H_INCLUDED
#define IISFAKE_DROPIN_STRSAFE_H_INCLUDED

#include <stdarg.h>

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/strsafe.hpp>)
#include <iisfake/win32/strsafe.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
