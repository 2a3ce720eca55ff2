// Drop-in <objbase.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// COM's base: CoInitializeEx, CoCreateGuid, StringFromGUID2, CLSIDFromString, CoTaskMemAlloc.
#ifndef IISFAKE_DROPIN_OBJBASE_H_INCLUDED
#define IISFAKE_DROPIN_OBJBASE_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/guid.hpp>)
#include <iisfake/win32/guid.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
