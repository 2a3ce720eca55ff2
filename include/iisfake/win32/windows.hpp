#ifndef IISFAKE_WIN32_WINDOWS_HPP_INCLUDED
#define IISFAKE_WIN32_WINDOWS_HPP_INCLUDED

// What the drop-in <windows.h> provides module sources off Windows: the Win32 base types, codes
// and macros; the COM base it reads through <ole2.h> (IUnknown, BSTR, VARIANT, GUID functions,
// VariantChangeType); the C runtime MSVC's headers add (the secure *_s functions); and the
// kernel32/advapi32 calls modules make, with what a test wants to see recorded (event log,
// environment, clock, debug output). Unlike MSVC's, it also brings the winsock names (there is
// no winsock 1/2 clash to avoid here, so #define _WINSOCKAPI_ changes nothing) and <comdef.h>'s
// _com_error, _bstr_t, _variant_t and _com_ptr_t, which module sources (the IIS documentation's
// among them) use after only <windows.h> and <httpserv.h>: their projects' precompiled headers
// or #import-generated headers bring <comdef.h> on Windows.
//
// min and max: MSVC's <windows.h> defines them as macros unless NOMINMAX is defined. Here they
// stay undefined, because the macros break std::min, std::max and std::numeric_limits<>::max()
// in every file that includes <windows.h>; a module that uses the bare min(a, b) defines
// IISFAKE_WIN32_MINMAX before including <windows.h> (or on the command line) to get MSVC's.

#include "iisfake/win_types.hpp"
#include "iisfake/com_types.hpp"
#include "iisfake/win32/debug.hpp"

// On Windows the real headers declare all of it.
#if !defined(_WIN32)
#include "iisfake/win32/unicode.hpp"
#include "iisfake/win32/invalid_parameter.hpp"
#include "iisfake/win32/crt.hpp"
#include "iisfake/win32/code_pages.hpp"
#include "iisfake/win32/process.hpp"
#include "iisfake/win32/sync.hpp"
#include "iisfake/win32/time.hpp"
#include "iisfake/win32/environment.hpp"
#include "iisfake/win32/event_log.hpp"
#include "iisfake/win32/guid.hpp"
#include "iisfake/win32/variant.hpp"
#include "iisfake/win32/winsock.hpp"
#include "iisfake/win32/comdef.hpp"

// MSVC's sized-integer and inlining keywords, which module sources use as types
// (unsigned __int64) and specifiers; mingw-w64 defines them the same way.
#ifndef __int64
#define __int64 long long
#endif
#ifndef __int32
#define __int32 int
#endif
#ifndef __int16
#define __int16 short
#endif
#ifndef __int8
#define __int8 char
#endif
#ifndef __forceinline
#define __forceinline inline
#endif
#endif

#endif

// Outside the guard: a later #include <windows.h> with the knob defined still gets them, as
// MSVC's header decides at each inclusion.
#if !defined(_WIN32) && defined(IISFAKE_WIN32_MINMAX) && !defined(NOMINMAX)
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif
