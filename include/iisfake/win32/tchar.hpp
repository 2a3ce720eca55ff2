#ifndef IISFAKE_WIN32_TCHAR_HPP_INCLUDED
#define IISFAKE_WIN32_TCHAR_HPP_INCLUDED

// What <tchar.h> provides module sources off Windows (T-19): _TCHAR, _T()/_TEXT()/__T() and the
// _tcs*/_t* generic-text names, mapped to the narrow functions unless _UNICODE is defined (then
// the wide ones), as MSVC maps them (no _MBCS: narrow maps to the single-byte names). The
// mappings are macros, so the array-template overloads (_tcscpy_s(buffer, source)) work.
// The *printf names reach iisfake's MSVC-rule printf (win32/printf.hpp) where MSVC's wide
// semantics differ from glibc's: with _UNICODE, _tprintf/_ftprintf/_vtprintf format by MSVC's
// rules (%s is wide) and write UTF-8 to the stream. _stscanf maps to sscanf/swscanf (glibc's
// rules: in swscanf %s stores char).

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <string>

#include "iisfake/win32/crt.hpp"
#include "iisfake/win32/printf.hpp"
#include "iisfake/win32/utf8.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

// Wide printf to a stream by MSVC's rules, written as UTF-8.
inline int wide_vfprintf(std::FILE* stream, const wchar_t* format, va_list args,
                         const wchar_t* function) {
    if (stream == nullptr || format == nullptr) {
        invalid_parameter_errno(L"stream != nullptr && format != nullptr", function, EINVAL);
        return -1;
    }
    std::wstring text;
    if (!format_msvc(text, format, args, function)) return -1;
    const std::string bytes = u8_from_wide(text.data(), text.size());
    if (std::fwrite(bytes.data(), 1, bytes.size(), stream) != bytes.size()) return -1;
    return static_cast<int>(text.size());
}
inline int wide_fprintf(std::FILE* stream, const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format, wide_vfprintf(stream, format, iisfake_args, L"fwprintf"));
    return result;
}
inline int wide_printf(const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format, wide_vfprintf(stdout, format, iisfake_args, L"wprintf"));
    return result;
}
inline int wide_vprintf(const wchar_t* format, va_list args) {
    return wide_vfprintf(stdout, format, args, L"vwprintf");
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

#if defined(_UNICODE)

typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef std::wint_t _TINT;
#define __T(x) L##x
#define _TEOF WEOF

#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcsclen wcslen
#define _tcscpy wcscpy
#define _tcscpy_s wcscpy_s
#define _tcsncpy wcsncpy
#define _tcsncpy_s wcsncpy_s
#define _tcscat wcscat
#define _tcscat_s wcscat_s
#define _tcsncat wcsncat
#define _tcsncat_s wcsncat_s
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcspbrk wcspbrk
#define _tcstok_s wcstok_s
#define _tcsdup _wcsdup
#define _tcslwr _wcslwr
#define _tcsupr _wcsupr
#define _tcslwr_s _wcslwr_s
#define _tcsupr_s _wcsupr_s

#define _stprintf_s swprintf_s
#define _stprintf _swprintf
#define _vstprintf _vswprintf
#define _vstprintf_s vswprintf_s
#define _sntprintf_s _snwprintf_s
#define _vsntprintf_s _vsnwprintf_s
#define _sntprintf _snwprintf
#define _vsntprintf _vsnwprintf
#define _sctprintf _scwprintf
#define _vsctprintf _vscwprintf
#define _tprintf ::iisfake::win32::detail::wide_printf
#define _vtprintf ::iisfake::win32::detail::wide_vprintf
#define _ftprintf ::iisfake::win32::detail::wide_fprintf
#define _stscanf swscanf

#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoi64 _wcstoi64
#define _tcstoui64 _wcstoui64
#define _ttoi _wtoi
#define _ttol _wtol
#define _tstoi _wtoi
#define _tstol _wtol
#define _ttoi64 _wtoi64
#define _tstoi64 _wtoi64
#define _itot_s _itow_s
#define _ltot_s _ltow_s
#define _ultot_s _ultow_s
#define _i64tot_s _i64tow_s
#define _ui64tot_s _ui64tow_s
#define _itot _itow
#define _ltot _ltow
#define _ultot _ultow
#define _i64tot _i64tow
#define _ui64tot _ui64tow

#define _tfopen_s _wfopen_s
#define _tfopen _wfopen
#define _tfsopen _wfsopen
#define _fgetts fgetws
#define _fputts fputws

#else  // !_UNICODE

typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef char _TXCHAR;
typedef int _TINT;
#define __T(x) x
#define _TEOF EOF

#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcsclen strlen
#define _tcscpy strcpy
#define _tcscpy_s strcpy_s
#define _tcsncpy strncpy
#define _tcsncpy_s strncpy_s
#define _tcscat strcat
#define _tcscat_s strcat_s
#define _tcsncat strncat
#define _tcsncat_s strncat_s
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp _stricmp
#define _tcsnicmp _strnicmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcspbrk strpbrk
#define _tcstok_s strtok_s
#define _tcsdup _strdup
#define _tcslwr _strlwr
#define _tcsupr _strupr
#define _tcslwr_s _strlwr_s
#define _tcsupr_s _strupr_s

#define _stprintf_s sprintf_s
#define _stprintf sprintf
#define _vstprintf vsprintf
#define _vstprintf_s vsprintf_s
#define _sntprintf_s _snprintf_s
#define _vsntprintf_s _vsnprintf_s
#define _sntprintf _snprintf
#define _vsntprintf _vsnprintf
#define _sctprintf _scprintf
#define _vsctprintf _vscprintf
#define _tprintf printf
#define _vtprintf vprintf
#define _ftprintf fprintf
#define _stscanf sscanf

#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoi64 _strtoi64
#define _tcstoui64 _strtoui64
#define _ttoi atoi
#define _ttol atol
#define _tstoi atoi
#define _tstol atol
#define _ttoi64 _atoi64
#define _tstoi64 _atoi64
#define _itot_s _itoa_s
#define _ltot_s _ltoa_s
#define _ultot_s _ultoa_s
#define _i64tot_s _i64toa_s
#define _ui64tot_s _ui64toa_s
#define _itot _itoa
#define _ltot _ltoa
#define _ultot _ultoa
#define _i64tot _i64toa
#define _ui64tot _ui64toa

#define _tfopen_s fopen_s
#define _tfopen fopen
#define _tfsopen _fsopen
#define _fgetts fgets
#define _fputts fputs

#endif  // _UNICODE

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif  // !_WIN32

#endif
