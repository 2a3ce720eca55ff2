// Drop-in <atlstr.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target (mingw-w64 has no ATL; MSVC's must win).
// ATL's CString (CStringA, CStringW) and the CW2A/CA2W conversions; nothing else of ATL.
#ifndef IISFAKE_DROPIN_ATLSTR_H_INCLUDED
#define IISFAKE_DROPIN_ATLSTR_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/atl_cstring.hpp>)
#include <iisfake/win32/atl_cstring.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
