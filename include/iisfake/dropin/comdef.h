// Drop-in <comdef.h> for building unmodified IIS module sources off Windows: put this folder
// and its iis/ and spellings/ subfolders on the include path (CMake: link iisfake::dropin).
// Never used for a Windows target, where the real header must win.
// The compiler COM support: _com_error, _bstr_t, _variant_t, _com_ptr_t,
// _COM_SMARTPTR_TYPEDEF and __uuidof for the interfaces iisfake declares.
#ifndef IISFAKE_DROPIN_COMDEF_H_INCLUDED
#define IISFAKE_DROPIN_COMDEF_H_INCLUDED

// The part, or with the single header alone its opt-in Win32 companion.
#if __has_include(<iisfake/win32/comdef.hpp>)
#include <iisfake/win32/comdef.hpp>
#else
#include <iisfake/win32.hpp>
#endif

#endif
