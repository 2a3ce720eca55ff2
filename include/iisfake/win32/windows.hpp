#ifndef IISFAKE_WIN32_WINDOWS_HPP_INCLUDED
#define IISFAKE_WIN32_WINDOWS_HPP_INCLUDED

// What the drop-in <windows.h> provides module sources off Windows: the Win32 base types, codes
// and macros, the COM base <windows.h> reads through <ole2.h> (IUnknown, BSTR, VARIANT), and
// OutputDebugString and DebugBreak, recorded for tests.

#include "iisfake/com_types.hpp"
#include "iisfake/win32/debug.hpp"
#include "iisfake/win_types.hpp"

#endif
