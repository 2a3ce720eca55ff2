#ifndef IISFAKE_WIN32_UNICODE_HPP_INCLUDED
#define IISFAKE_WIN32_UNICODE_HPP_INCLUDED

// The generic-text types <windows.h> (winnt.h) provides off Windows (T-19): TCHAR and its
// pointers, TEXT() and __TEXT(), wide when UNICODE is defined, as on Windows. (<tchar.h>'s
// _TCHAR and _T() follow _UNICODE instead: win32/tchar.hpp.)

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#if defined(UNICODE)
typedef WCHAR TCHAR;
typedef WCHAR TBYTE;
#ifndef __TEXT
#define __TEXT(quote) L##quote
#endif
#else
typedef char TCHAR;
typedef unsigned char TBYTE;
#ifndef __TEXT
#define __TEXT(quote) quote
#endif
#endif
#ifndef TEXT
#define TEXT(quote) __TEXT(quote)
#endif

typedef TCHAR* PTCHAR;
typedef TBYTE* PTBYTE;
typedef TCHAR* LPTCH;
typedef TCHAR* PTCH;
typedef const TCHAR* LPCTCH;
typedef const TCHAR* PCTCH;
typedef TCHAR* LPTSTR;
typedef TCHAR* PTSTR;
typedef const TCHAR* LPCTSTR;
typedef const TCHAR* PCTSTR;

#endif  // !_WIN32

#endif
