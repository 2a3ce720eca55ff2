// Drop-in <initguid.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// Makes the DEFINE_GUID uses that follow define their GUIDs instead of declaring them.
// No include guard around INITGUID: MSVC's header sets it each time it is included.
#ifndef INITGUID
#define INITGUID
#endif

#ifndef IISFAKE_DROPIN_INITGUID_H_INCLUDED
#define IISFAKE_DROPIN_INITGUID_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/guid.hpp>)
#include <iisfake/win32/guid.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
