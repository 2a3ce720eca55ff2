#ifndef IISFAKE_WIN32_DEBUG_HPP_INCLUDED
#define IISFAKE_WIN32_DEBUG_HPP_INCLUDED

// OutputDebugString and DebugBreak for module code off Windows (T-19): recorded through
// iisfake::hooks() for tests to read (iisfake::debug_log()), and DebugBreak never traps. On
// Windows the real functions are used.

#include "iisfake/hooks.hpp"

#if !defined(_WIN32)

inline VOID WINAPI OutputDebugStringA(LPCSTR lpOutputString) {
    if (void (*record)(const char*) = ::iisfake::hooks().debug_output)
        record(lpOutputString ? lpOutputString : "");
}

inline VOID WINAPI OutputDebugStringW(LPCWSTR lpOutputString) {
    if (void (*record)(const WCHAR*) = ::iisfake::hooks().debug_output_wide)
        record(lpOutputString ? lpOutputString : L"");
}

inline VOID WINAPI DebugBreak(VOID) {
    if (void (*record)() = ::iisfake::hooks().debug_break) record();
}

#if defined(UNICODE)
#define OutputDebugString OutputDebugStringW
#else
#define OutputDebugString OutputDebugStringA
#endif

#endif  // !_WIN32

#endif
