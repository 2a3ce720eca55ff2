// iisfake 0.1.0: single-header edition, the opt-in Win32 and C runtime surface
// for module sources built off Windows (what the drop-in <windows.h>, <tchar.h>,
// <strsafe.h>, <comdef.h>... include when the parts are absent).
//
// GENERATED FILE - DO NOT EDIT (`python3 tools/amalgamate.py`).
#ifndef IISFAKE_SINGLE_WIN32_HPP_INCLUDED
#define IISFAKE_SINGLE_WIN32_HPP_INCLUDED
#include "iisfake.hpp"

// ----- begin iisfake/win32.hpp -----
#ifndef IISFAKE_WIN32_HPP_INCLUDED
#define IISFAKE_WIN32_HPP_INCLUDED

// The Win32 and C runtime surface module sources use, implemented off Windows over the C++
// standard library and POSIX, and what of it a test observes. Opt-in: <iisfake/iisfake.hpp>
// brings none of it. Module sources reach it through the drop-in headers (<windows.h>,
// <tchar.h>, <strsafe.h>, <io.h>, <initguid.h>, <comdef.h>, <winsock2.h>, <atlstr.h>...); a
// test includes this header to read and reset what modules did:
//
//     iisfake::win32::reset();                 // fresh event log, environment, clock...
//     host.serve(iisfake::RequestBuilder().url("/"));
//     auto events = iisfake::win32::event_log();
//
// State is per process, as on Windows; tests that run modules on threads read it after the
// requests end. On Windows this header declares nothing: the real functions are used.

// ----- begin iisfake/win32/windows.hpp -----
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


// On Windows the real headers declare all of it.
#if !defined(_WIN32)
// ----- begin iisfake/win32/unicode.hpp -----
#ifndef IISFAKE_WIN32_UNICODE_HPP_INCLUDED
#define IISFAKE_WIN32_UNICODE_HPP_INCLUDED

// The generic-text types <windows.h> (winnt.h) provides off Windows (T-19): TCHAR and its
// pointers, TEXT() and __TEXT(), wide when UNICODE is defined, as on Windows. (<tchar.h>'s
// _TCHAR and _T() follow _UNICODE instead: win32/tchar.hpp.)


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
// ----- end iisfake/win32/unicode.hpp -----
// ----- begin iisfake/win32/invalid_parameter.hpp -----
#ifndef IISFAKE_WIN32_INVALID_PARAMETER_HPP_INCLUDED
#define IISFAKE_WIN32_INVALID_PARAMETER_HPP_INCLUDED

// The secure CRT's invalid-parameter contract off Windows (T-19). A *_s function given a NULL
// destination, a zero size, a buffer too small without _TRUNCATE... calls
// iisfake::win32::detail::invalid_parameter(expression, function): it records {function,
// expression} (iisfake::win32::invalid_parameters()), then calls the handler a test or the module
// set with _set_invalid_parameter_handler. With no handler it throws
// iisfake::win32::InvalidParameter, where MSVC would end the process. When a handler returns, the
// function returns MSVC's error code and leaves its outputs as MSVC does.


#if !defined(_WIN32)

#include <cerrno>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

// ----- begin iisfake/win32/utf8.hpp -----
#ifndef IISFAKE_WIN32_UTF8_HPP_INCLUDED
#define IISFAKE_WIN32_UTF8_HPP_INCLUDED

// UTF-8 <-> wchar_t for the Win32 and CRT conversions off Windows (T-19). UTF-8 is the multibyte
// and ANSI code page there. wchar_t is 32-bit off Windows: one wchar_t holds one code point
// (no surrogate pairs); a wchar_t that is a surrogate or above U+10FFFF is invalid. Invalid
// input becomes U+FFFD, one per maximal ill-formed subsequence, and is reported to the caller.


#if !defined(_WIN32)

#include <cstddef>
#include <cwchar>
#include <string>

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

struct U8Decoded {
    char32_t code_point;  // U+FFFD when !valid
    std::size_t length;   // bytes consumed, at least 1 when n > 0
    bool valid;
};

// Decodes one code point from s[0..n), n > 0. Rejects overlong forms, surrogates and values
// above U+10FFFF; an ill-formed sequence consumes its longest valid prefix (at least one byte).
inline U8Decoded u8_decode(const unsigned char* s, std::size_t n) noexcept {
    const unsigned char lead = s[0];
    if (lead < 0x80) return U8Decoded{lead, 1, true};
    std::size_t need = 0;
    char32_t cp = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        cp = lead & 0x0Fu;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        cp = lead & 0x07u;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return U8Decoded{0xFFFD, 1, false};
    }
    std::size_t i = 1;
    for (; i <= need; ++i) {
        if (i >= n) return U8Decoded{0xFFFD, i, false};
        const unsigned char c = s[i];
        const unsigned char lo = i == 1 ? low : 0x80;
        const unsigned char hi = i == 1 ? high : 0xBF;
        if (c < lo || c > hi) return U8Decoded{0xFFFD, i, false};
        cp = (cp << 6) | (c & 0x3Fu);
    }
    return U8Decoded{cp, i, true};
}

inline bool u8_valid_wide(wchar_t c) noexcept {
    const long long v = static_cast<long long>(c);
    return v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
}

inline void u8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else {
        out += static_cast<char>(0xF0u | (cp >> 18));
        out += static_cast<char>(0x80u | ((cp >> 12) & 0x3Fu));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
}

// n bytes of UTF-8 to wide; *invalid (if given) tells whether anything was replaced.
inline std::wstring u8_to_wide(const char* s, std::size_t n, bool* invalid = nullptr) {
    std::wstring out;
    bool bad = false;
    if (s != nullptr) {
        const unsigned char* p = reinterpret_cast<const unsigned char*>(s);
        std::size_t i = 0;
        while (i < n) {
            const U8Decoded d = u8_decode(p + i, n - i);
            if (!d.valid) bad = true;
            out += static_cast<wchar_t>(d.code_point);
            i += d.length;
        }
    }
    if (invalid) *invalid = bad;
    return out;
}

inline std::wstring u8_to_wide(const char* s) {
    return s ? u8_to_wide(s, std::char_traits<char>::length(s)) : std::wstring();
}

// n wchar_t to UTF-8; invalid wchar_t values become U+FFFD.
inline std::string u8_from_wide(const wchar_t* s, std::size_t n, bool* invalid = nullptr) {
    std::string out;
    bool bad = false;
    if (s != nullptr) {
        for (std::size_t i = 0; i < n; ++i) {
            if (u8_valid_wide(s[i])) {
                u8_append(out, static_cast<char32_t>(s[i]));
            } else {
                bad = true;
                u8_append(out, 0xFFFD);
            }
        }
    }
    if (invalid) *invalid = bad;
    return out;
}

inline std::string u8_from_wide(const wchar_t* s) {
    return s ? u8_from_wide(s, std::char_traits<wchar_t>::length(s)) : std::string();
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/utf8.hpp -----

// MSVC's handler type: (expression, function, file, line, reserved). The release CRT passes NULL
// strings; iisfake passes the expression and the function's name, and NULL for the file.
typedef void (*_invalid_parameter_handler)(const wchar_t* expression, const wchar_t* function,
                                           const wchar_t* file, unsigned int line,
                                           std::uintptr_t reserved);

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

struct InvalidParameterRecord {
    std::string function;    // UTF-8, e.g. "strcpy_s"
    std::string expression;  // UTF-8, e.g. "Buffer is too small"
};

// What a module's contract violation throws when no handler is set.
class InvalidParameter : public std::logic_error {
public:
    InvalidParameter(const std::string& function, const std::string& expression)
        : std::logic_error(function +
                           ": invalid parameter (MSVC would end the process): " + expression),
          function_(function),
          expression_(expression) {}
    const std::string& function() const noexcept { return function_; }
    const std::string& expression() const noexcept { return expression_; }

private:
    std::string function_;
    std::string expression_;
};

namespace detail {

struct InvalidParameterState {
    std::mutex mutex;
    std::vector<InvalidParameterRecord> records;
    _invalid_parameter_handler handler = nullptr;
};

inline InvalidParameterState& invalid_parameter_state() {
    static InvalidParameterState state;
    return state;
}

// Records the violation and reports it: the handler if one is set (then returns), else throws.
inline void invalid_parameter(const wchar_t* expression, const wchar_t* function) {
    InvalidParameterRecord record;
    record.function = u8_from_wide(function ? function : L"");
    record.expression = u8_from_wide(expression ? expression : L"");
    _invalid_parameter_handler handler = nullptr;
    {
        InvalidParameterState& state = invalid_parameter_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        state.records.push_back(record);
        handler = state.handler;
    }
    if (handler == nullptr) throw InvalidParameter(record.function, record.expression);
    handler(expression, function, nullptr, 0, 0);
}

// The common shape: report, set errno as the CRT does, and hand back the code to return.
inline int invalid_parameter_errno(const wchar_t* expression, const wchar_t* function, int code) {
    invalid_parameter(expression, function);
    errno = code;
    return code;
}

}  // namespace detail

// Every invalid parameter reported since the last clear, oldest first.
template <class Unused = void>
inline std::vector<InvalidParameterRecord> invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.records;
}

template <class Unused = void>
inline void clear_invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
}

// clear_invalid_parameters() and no handler (violations throw again).
template <class Unused = void>
inline void reset_invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
    state.handler = nullptr;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// Returns the previous handler; NULL restores the default (here: throw InvalidParameter).
inline _invalid_parameter_handler _set_invalid_parameter_handler(_invalid_parameter_handler pNew) {
    ::iisfake::win32::detail::InvalidParameterState& state =
        ::iisfake::win32::detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    _invalid_parameter_handler old = state.handler;
    state.handler = pNew;
    return old;
}

inline _invalid_parameter_handler _get_invalid_parameter_handler(void) {
    ::iisfake::win32::detail::InvalidParameterState& state =
        ::iisfake::win32::detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.handler;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/invalid_parameter.hpp -----
// ----- begin iisfake/win32/crt.hpp -----
#ifndef IISFAKE_WIN32_CRT_HPP_INCLUDED
#define IISFAKE_WIN32_CRT_HPP_INCLUDED

// The MSVC secure CRT and CRT extensions module sources use, off Windows (T-19), with MSVC's
// documented rules: the *_s functions report contract violations through the invalid-parameter
// handler (win32/invalid_parameter.hpp) and then return EINVAL/ERANGE with the destination
// emptied; _TRUNCATE truncates and returns STRUNCATE. The printf family is in win32/printf.hpp.
// Decisions: the multibyte code page is UTF-8 (wcstombs_s, mbstowcs_s, _wfopen_s); long is read
// as Windows' 32-bit long (_ltoa_s, _wtol); localtime_s is UTC plus
// iisfake::win32::clock().utc_offset() (0 by default), never the machine's time zone; file names
// are passed to the C library as they are (no C:\ mapping).


#if !defined(_WIN32)

#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <cwchar>
#include <string>
#include <time.h>

// ----- begin iisfake/win32/printf.hpp -----
#ifndef IISFAKE_WIN32_PRINTF_HPP_INCLUDED
#define IISFAKE_WIN32_PRINTF_HPP_INCLUDED

// The printf engine behind the CRT's *printf_s, _snprintf, wsprintf, StringCchPrintf and
// CString::Format off Windows (T-19). It reads formats as MSVC does, not as glibc does:
// - in a narrow function %s/%c take char, %S/%C take wchar_t; in a wide function %s/%c take
//   wchar_t, %S/%C take char (MSVC's legacy wide specifiers); h forces narrow, l/w force wide;
// - l is 32-bit (long is 32-bit on Windows: module code passes a DWORD to %lu); ll and I64 are
//   64-bit, I32 32-bit, I/z/t pointer-sized, j intmax_t;
// - %p prints the pointer as MSVC does: 2*sizeof(void*) uppercase hex digits, no 0x;
// - %n (off by default in MSVC's CRT), %Z and unknown conversions are invalid parameters;
// - narrow text is UTF-8 whatever the C locale (strings cross widths through the UTF-8 codec).
// The printf-like wrappers do not carry __attribute__((format(printf))): gcc would check module
// formats by glibc's rules (%lu with a DWORD, %I64d) and warn on correct Windows code.


#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>


// errno_t and _TRUNCATE as the CRT headers declare them.
#ifndef IISFAKE_WIN32_ERRNO_T_DEFINED
#define IISFAKE_WIN32_ERRNO_T_DEFINED
typedef int errno_t;
typedef std::size_t rsize_t;
#endif
#ifndef _TRUNCATE
#define _TRUNCATE (static_cast<std::size_t>(-1))
#endif
#ifndef STRUNCATE
#define STRUNCATE 80
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
// One conversion formatted by the C library from a spec we built (ASCII only).
template <class T>
std::string format_one(const std::string& spec, T value) {
    char small_buffer[128];
    const int n = std::snprintf(small_buffer, sizeof small_buffer, spec.c_str(), value);
    if (n < 0) return std::string();
    if (static_cast<std::size_t>(n) < sizeof small_buffer)
        return std::string(small_buffer, static_cast<std::size_t>(n));
    std::string out(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(&out[0], out.size(), spec.c_str(), value);
    out.resize(static_cast<std::size_t>(n));
    return out;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

inline void append_converted(std::string& out, const std::string& text) { out += text; }
inline void append_converted(std::wstring& out, const std::string& ascii) {
    for (char c : ascii) out += static_cast<wchar_t>(static_cast<unsigned char>(c));
}

template <class Char>
void append_padded(std::basic_string<Char>& out, const std::basic_string<Char>& text,
                   long long width, bool left) {
    const std::size_t w = width > 0 ? static_cast<std::size_t>(width) : 0;
    const std::size_t pad = text.size() < w ? w - text.size() : 0;
    if (!left) out.append(pad, static_cast<Char>(' '));
    out += text;
    if (left) out.append(pad, static_cast<Char>(' '));
}

inline std::size_t bounded_length(const char* s, long long precision) {
    std::size_t n = 0;
    while ((precision < 0 || n < static_cast<unsigned long long>(precision)) && s[n] != '\0') ++n;
    return n;
}
inline std::size_t bounded_length(const wchar_t* s, long long precision) {
    std::size_t n = 0;
    while ((precision < 0 || n < static_cast<unsigned long long>(precision)) && s[n] != L'\0') ++n;
    return n;
}

// The text of a string argument in the output's char type, precision applied.
inline std::string string_text(std::string*, const char* s, long long precision) {
    if (s == nullptr)
        return precision >= 0 && precision < 6
                   ? std::string("(null)", static_cast<std::size_t>(precision))
                   : "(null)";
    return std::string(s, bounded_length(s, precision));
}
inline std::wstring string_text(std::wstring*, const wchar_t* s, long long precision) {
    if (s == nullptr)
        return precision >= 0 && precision < 6
                   ? std::wstring(L"(null)", static_cast<std::size_t>(precision))
                   : L"(null)";
    return std::wstring(s, bounded_length(s, precision));
}
inline std::wstring string_text(std::wstring*, const char* s, long long precision) {
    if (s == nullptr)
        return precision >= 0 && precision < 6
                   ? std::wstring(L"(null)", static_cast<std::size_t>(precision))
                   : L"(null)";
    return u8_to_wide(s, bounded_length(s, precision));
}
inline std::string string_text(std::string*, const wchar_t* s, long long precision) {
    if (s == nullptr)
        return precision >= 0 && precision < 6
                   ? std::string("(null)", static_cast<std::size_t>(precision))
                   : "(null)";
    std::string text = u8_from_wide(s, bounded_length(s, precision));
    if (precision >= 0 && text.size() > static_cast<unsigned long long>(precision)) {
        std::size_t cut = static_cast<std::size_t>(precision);  // no partial UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
        text.resize(cut);
    }
    return text;
}

inline std::string char_text(std::string*, int c, bool wide_argument) {
    if (!wide_argument) return std::string(1, static_cast<char>(c));
    if (c == 0) return std::string(1, '\0');
    const wchar_t w = static_cast<wchar_t>(c);
    return u8_from_wide(&w, 1);
}
inline std::wstring char_text(std::wstring*, int c, bool wide_argument) {
    if (wide_argument) return std::wstring(1, static_cast<wchar_t>(c));
    const unsigned char byte = static_cast<unsigned char>(c);
    return std::wstring(1, byte < 0x80 ? static_cast<wchar_t>(byte) : L'\xFFFD');
}

enum class LengthModifier { none, hh, h, l, ll, L, j, z, t, i32, i64, w };

// Formats `format` with `args` by MSVC's rules into out. On a malformed format it reports the
// invalid parameter (for `function`) and, if the handler returns, answers false; `lenient`
// (wsprintf) copies an unknown conversion character instead.
template <class Char>
bool format_msvc(std::basic_string<Char>& out, const Char* format, va_list args,
                 const wchar_t* function, bool lenient = false) {
    const bool wide_function = sizeof(Char) != 1;
    va_list ap;
    va_copy(ap, args);
    const Char* p = format;
    bool ok = true;
    while (ok && *p != Char('\0')) {
        if (*p != Char('%')) {
            out += *p++;
            continue;
        }
        ++p;
        if (*p == Char('%')) {
            out += *p++;
            continue;
        }
        std::string flags;
        while (*p == Char('-') || *p == Char('+') || *p == Char(' ') || *p == Char('#') ||
               *p == Char('0')) {
            if (flags.find(static_cast<char>(*p)) == std::string::npos)
                flags += static_cast<char>(*p);
            ++p;
        }
        long long width = 0;
        if (*p == Char('*')) {
            width = va_arg(ap, int);
            if (width < 0) {
                if (flags.find('-') == std::string::npos) flags += '-';
                width = -width;
            }
            if (width > 100000000) width = 100000000;  // as a written width: bounded memory
            ++p;
        } else {
            while (*p >= Char('0') && *p <= Char('9')) {
                if (width < 100000000) width = width * 10 + (static_cast<long long>(*p) - '0');
                ++p;
            }
        }
        long long precision = -1;
        if (*p == Char('.')) {
            ++p;
            precision = 0;
            if (*p == Char('*')) {
                precision = va_arg(ap, int);
                if (precision < 0) precision = -1;
                if (precision > 100000000) precision = 100000000;
                ++p;
            } else {
                while (*p >= Char('0') && *p <= Char('9')) {
                    if (precision < 100000000)
                        precision = precision * 10 + (static_cast<long long>(*p) - '0');
                    ++p;
                }
            }
        }
        LengthModifier length = LengthModifier::none;
        if (*p == Char('h')) {
            ++p;
            length = LengthModifier::h;
            if (*p == Char('h')) {
                ++p;
                length = LengthModifier::hh;
            }
        } else if (*p == Char('l')) {
            ++p;
            length = LengthModifier::l;
            if (*p == Char('l')) {
                ++p;
                length = LengthModifier::ll;
            }
        } else if (*p == Char('L')) {
            ++p;
            length = LengthModifier::L;
        } else if (*p == Char('j')) {
            ++p;
            length = LengthModifier::j;
        } else if (*p == Char('z')) {
            ++p;
            length = LengthModifier::z;
        } else if (*p == Char('t')) {
            ++p;
            length = LengthModifier::t;
        } else if (*p == Char('w')) {
            ++p;
            length = LengthModifier::w;
        } else if (*p == Char('I')) {
            ++p;
            if (p[0] == Char('6') && p[1] == Char('4')) {
                p += 2;
                length = LengthModifier::i64;
            } else if (p[0] == Char('3') && p[1] == Char('2')) {
                p += 2;
                length = LengthModifier::i32;
            } else {
                length = LengthModifier::z;
            }
        }
        const Char conversion = *p;
        if (conversion == Char('\0')) {
            ok = lenient;
            break;
        }
        ++p;
        const bool left = flags.find('-') != std::string::npos;
        // '#' on d, i, u, c or s is undefined in C (MSVC ignores it): the C library never sees it.
        if (conversion == Char('d') || conversion == Char('i') || conversion == Char('u') ||
            conversion == Char('c') || conversion == Char('s') || conversion == Char('C') ||
            conversion == Char('S')) {
            const std::string::size_type hash = flags.find('#');
            if (hash != std::string::npos) flags.erase(hash, 1);
        }
        std::string spec = "%" + flags;
        if (width > 0) spec += std::to_string(width);
        if (precision >= 0) spec += "." + std::to_string(precision);
        switch (static_cast<char32_t>(conversion)) {
            case U'd':
            case U'i': {
                long long value = 0;
                switch (length) {
                    case LengthModifier::hh:
                        value = static_cast<signed char>(va_arg(ap, int));
                        break;
                    case LengthModifier::h:
                        value = static_cast<short>(va_arg(ap, int));
                        break;
                    case LengthModifier::ll:
                    case LengthModifier::i64:
                    case LengthModifier::L:
                        value = va_arg(ap, long long);
                        break;
                    case LengthModifier::j:
                        value = static_cast<long long>(va_arg(ap, std::intmax_t));
                        break;
                    case LengthModifier::z:
                    case LengthModifier::t:
                        value = static_cast<long long>(va_arg(ap, std::ptrdiff_t));
                        break;
                    case LengthModifier::none:
                    case LengthModifier::l:
                    case LengthModifier::i32:
                    case LengthModifier::w:
                        value = va_arg(ap, int);
                        break;
                }
                append_converted(out, format_one(spec + "lld", value));
                break;
            }
            case U'u':
            case U'o':
            case U'x':
            case U'X': {
                unsigned long long value = 0;
                switch (length) {
                    case LengthModifier::hh:
                        value = static_cast<unsigned char>(va_arg(ap, unsigned int));
                        break;
                    case LengthModifier::h:
                        value = static_cast<unsigned short>(va_arg(ap, unsigned int));
                        break;
                    case LengthModifier::ll:
                    case LengthModifier::i64:
                    case LengthModifier::L:
                        value = va_arg(ap, unsigned long long);
                        break;
                    case LengthModifier::j:
                        value = static_cast<unsigned long long>(va_arg(ap, std::uintmax_t));
                        break;
                    case LengthModifier::z:
                    case LengthModifier::t:
                        value = static_cast<unsigned long long>(va_arg(ap, std::size_t));
                        break;
                    case LengthModifier::none:
                    case LengthModifier::l:
                    case LengthModifier::i32:
                    case LengthModifier::w:
                        value = va_arg(ap, unsigned int);
                        break;
                }
                append_converted(out,
                                 format_one(spec + "ll" + static_cast<char>(conversion), value));
                break;
            }
            case U'e':
            case U'E':
            case U'f':
            case U'F':
            case U'g':
            case U'G':
            case U'a':
            case U'A':
                if (length == LengthModifier::L) {
                    const long double value = va_arg(ap, long double);
                    append_converted(out,
                                     format_one(spec + "L" + static_cast<char>(conversion), value));
                } else {
                    const double value = va_arg(ap, double);
                    append_converted(out, format_one(spec + static_cast<char>(conversion), value));
                }
                break;
            case U'c':
            case U'C': {
                bool wide_argument = (conversion == Char('c')) == wide_function;
                if (length == LengthModifier::h) wide_argument = false;
                if (length == LengthModifier::l || length == LengthModifier::w)
                    wide_argument = true;
                const int value = va_arg(ap, int);
                append_padded(
                    out,
                    char_text(static_cast<std::basic_string<Char>*>(nullptr), value, wide_argument),
                    width, left);
                break;
            }
            case U's':
            case U'S': {
                bool wide_argument = (conversion == Char('s')) == wide_function;
                if (length == LengthModifier::h) wide_argument = false;
                if (length == LengthModifier::l || length == LengthModifier::w)
                    wide_argument = true;
                std::basic_string<Char>* tag = nullptr;
                if (wide_argument) {
                    const wchar_t* value = va_arg(ap, const wchar_t*);
                    append_padded(out, string_text(tag, value, precision), width, left);
                } else {
                    const char* value = va_arg(ap, const char*);
                    append_padded(out, string_text(tag, value, precision), width, left);
                }
                break;
            }
            case U'p': {
                const void* value = va_arg(ap, void*);
                const std::string digits = format_one(
                    "%0" + std::to_string(2 * sizeof(void*)) + "llX",
                    static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(value)));
                std::basic_string<Char> text;
                append_converted(text, digits);
                append_padded(out, text, width, left);
                break;
            }
            default:  // %n (disabled in MSVC's CRT), %Z, unknown conversions
                if (lenient)
                    out += conversion;  // wsprintf copies what it does not know
                else
                    ok = false;
                break;
        }
    }
    va_end(ap);
    if (!ok) invalid_parameter(L"(\"Incorrect format specifier\", 0)", function);
    return ok;
}

// ---- the cores, shared by the narrow and wide functions -------------------------------------

// Copies text (with its NUL) into buffer[0..size), size > text.size().
template <class Char>
void store_text(Char* buffer, const std::basic_string<Char>& text) {
    text.copy(buffer, text.size());
    buffer[text.size()] = Char('\0');
}

// sprintf_s/vsprintf_s/swprintf_s: the whole output or an invalid parameter.
template <class Char>
int vsprintf_s_core(Char* buffer, std::size_t size, const Char* format, va_list args,
                    const wchar_t* function) {
    if (format == nullptr) {
        invalid_parameter_errno(L"format != nullptr", function, EINVAL);
        return -1;
    }
    if (buffer == nullptr || size == 0) {
        invalid_parameter_errno(L"buffer != nullptr && sizeOfBuffer > 0", function, EINVAL);
        return -1;
    }
    std::basic_string<Char> text;
    if (!format_msvc(text, format, args, function)) {
        buffer[0] = Char('\0');
        errno = EINVAL;
        return -1;
    }
    if (text.size() >= size) {
        buffer[0] = Char('\0');
        invalid_parameter_errno(L"(\"Buffer too small\", 0)", function, ERANGE);
        return -1;
    }
    store_text(buffer, text);
    return static_cast<int>(text.size());
}

// _snprintf_s/_vsnprintf_s: at most count characters (or what fits, with _TRUNCATE).
template <class Char>
int vsnprintf_s_core(Char* buffer, std::size_t size, std::size_t count, const Char* format,
                     va_list args, const wchar_t* function) {
    if (format == nullptr) {
        invalid_parameter_errno(L"format != nullptr", function, EINVAL);
        return -1;
    }
    if (count == 0 && buffer == nullptr && size == 0) return 0;
    if (buffer == nullptr || size == 0) {
        invalid_parameter_errno(L"buffer != nullptr && sizeOfBuffer > 0", function, EINVAL);
        return -1;
    }
    std::basic_string<Char> text;
    if (!format_msvc(text, format, args, function)) {
        buffer[0] = Char('\0');
        errno = EINVAL;
        return -1;
    }
    if (count != _TRUNCATE && count < size) {
        // Room for count characters and the NUL: truncation at count is not an error.
        if (text.size() > count) {
            store_text(buffer, text.substr(0, count));
            return -1;
        }
        store_text(buffer, text);
        return static_cast<int>(text.size());
    }
    if (text.size() < size) {
        store_text(buffer, text);
        return static_cast<int>(text.size());
    }
    if (count == _TRUNCATE) {
        store_text(buffer, text.substr(0, size - 1));
        return -1;
    }
    buffer[0] = Char('\0');
    invalid_parameter_errno(L"(\"Buffer too small\", 0)", function, ERANGE);
    return -1;
}

// _snprintf/_vsnprintf (not secure): count characters at most, NUL only when there is room;
// -1 when the output did not fit.
template <class Char>
int vsnprintf_legacy_core(Char* buffer, std::size_t count, const Char* format, va_list args,
                          const wchar_t* function) {
    if (format == nullptr || (buffer == nullptr && count != 0)) {
        invalid_parameter_errno(L"format != nullptr && (count == 0 || buffer != nullptr)", function,
                                EINVAL);
        return -1;
    }
    std::basic_string<Char> text;
    if (!format_msvc(text, format, args, function)) {
        errno = EINVAL;
        return -1;
    }
    if (buffer == nullptr) return text.size() == 0 ? 0 : -1;
    if (text.size() < count) {
        store_text(buffer, text);
        return static_cast<int>(text.size());
    }
    text.copy(buffer, count);
    return text.size() == count ? static_cast<int>(count) : -1;
}

// _scprintf/_vscprintf: the length the output would have.
template <class Char>
int vscprintf_core(const Char* format, va_list args, const wchar_t* function) {
    if (format == nullptr) {
        invalid_parameter_errno(L"format != nullptr", function, EINVAL);
        return -1;
    }
    std::basic_string<Char> text;
    if (!format_msvc(text, format, args, function)) {
        errno = EINVAL;
        return -1;
    }
    return static_cast<int>(text.size());
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- the CRT's printf family -----------------------------------------------------------------
#define IISFAKE_WIN32_VA_CALL(result, last, call) \
    va_list iisfake_args;                         \
    va_start(iisfake_args, last);                 \
    const int result = call;                      \
    va_end(iisfake_args)

inline int vsprintf_s(char* buffer, std::size_t sizeOfBuffer, const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vsprintf_s_core(buffer, sizeOfBuffer, format, argptr,
                                                     L"vsprintf_s");
}
inline int vswprintf_s(wchar_t* buffer, std::size_t numberOfElements, const wchar_t* format,
                       va_list argptr) {
    return ::iisfake::win32::detail::vsprintf_s_core(buffer, numberOfElements, format, argptr,
                                                     L"vswprintf_s");
}
inline int sprintf_s(char* buffer, std::size_t sizeOfBuffer, const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsprintf_s_core(buffer, sizeOfBuffer, format,
                                                                    iisfake_args, L"sprintf_s"));
    return result;
}
inline int swprintf_s(wchar_t* buffer, std::size_t sizeOfBuffer, const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsprintf_s_core(buffer, sizeOfBuffer, format,
                                                                    iisfake_args, L"swprintf_s"));
    return result;
}
template <std::size_t size>
int vsprintf_s(char (&buffer)[size], const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vsprintf_s_core(buffer, size, format, argptr, L"vsprintf_s");
}
template <std::size_t size>
int vswprintf_s(wchar_t (&buffer)[size], const wchar_t* format, va_list argptr) {
    return ::iisfake::win32::detail::vsprintf_s_core(buffer, size, format, argptr, L"vswprintf_s");
}
template <std::size_t size>
int sprintf_s(char (&buffer)[size], const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsprintf_s_core(buffer, size, format,
                                                                    iisfake_args, L"sprintf_s"));
    return result;
}
template <std::size_t size>
int swprintf_s(wchar_t (&buffer)[size], const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsprintf_s_core(buffer, size, format,
                                                                    iisfake_args, L"swprintf_s"));
    return result;
}

inline int _vsnprintf_s(char* buffer, std::size_t sizeOfBuffer, std::size_t count,
                        const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_s_core(buffer, sizeOfBuffer, count, format, argptr,
                                                      L"_vsnprintf_s");
}
inline int _vsnwprintf_s(wchar_t* buffer, std::size_t sizeOfBuffer, std::size_t count,
                         const wchar_t* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_s_core(buffer, sizeOfBuffer, count, format, argptr,
                                                      L"_vsnwprintf_s");
}
inline int _snprintf_s(char* buffer, std::size_t sizeOfBuffer, std::size_t count,
                       const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_s_core(
                              buffer, sizeOfBuffer, count, format, iisfake_args, L"_snprintf_s"));
    return result;
}
inline int _snwprintf_s(wchar_t* buffer, std::size_t sizeOfBuffer, std::size_t count,
                        const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_s_core(
                              buffer, sizeOfBuffer, count, format, iisfake_args, L"_snwprintf_s"));
    return result;
}
template <std::size_t size>
int _vsnprintf_s(char (&buffer)[size], std::size_t count, const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_s_core(buffer, size, count, format, argptr,
                                                      L"_vsnprintf_s");
}
template <std::size_t size>
int _vsnwprintf_s(wchar_t (&buffer)[size], std::size_t count, const wchar_t* format,
                  va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_s_core(buffer, size, count, format, argptr,
                                                      L"_vsnwprintf_s");
}
template <std::size_t size>
int _snprintf_s(char (&buffer)[size], std::size_t count, const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_s_core(buffer, size, count, format,
                                                                     iisfake_args, L"_snprintf_s"));
    return result;
}
template <std::size_t size>
int _snwprintf_s(wchar_t (&buffer)[size], std::size_t count, const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_s_core(
                              buffer, size, count, format, iisfake_args, L"_snwprintf_s"));
    return result;
}

inline int _vsnprintf(char* buffer, std::size_t count, const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_legacy_core(buffer, count, format, argptr,
                                                           L"_vsnprintf");
}
inline int _vsnwprintf(wchar_t* buffer, std::size_t count, const wchar_t* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_legacy_core(buffer, count, format, argptr,
                                                           L"_vsnwprintf");
}
inline int _snprintf(char* buffer, std::size_t count, const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_legacy_core(
                              buffer, count, format, iisfake_args, L"_snprintf"));
    return result;
}
inline int _snwprintf(wchar_t* buffer, std::size_t count, const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format,
                          ::iisfake::win32::detail::vsnprintf_legacy_core(
                              buffer, count, format, iisfake_args, L"_snwprintf"));
    return result;
}

// MSVC's legacy unbounded wide sprintf (what _stprintf maps to with _UNICODE): no size, like
// sprintf; prefer swprintf_s.
inline int _vswprintf(wchar_t* buffer, const wchar_t* format, va_list argptr) {
    return ::iisfake::win32::detail::vsnprintf_legacy_core(
        buffer, static_cast<std::size_t>(-1) / sizeof(wchar_t), format, argptr, L"_vswprintf");
}
inline int _swprintf(wchar_t* buffer, const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(result, format, _vswprintf(buffer, format, iisfake_args));
    return result;
}

inline int _vscprintf(const char* format, va_list argptr) {
    return ::iisfake::win32::detail::vscprintf_core(format, argptr, L"_vscprintf");
}
inline int _vscwprintf(const wchar_t* format, va_list argptr) {
    return ::iisfake::win32::detail::vscprintf_core(format, argptr, L"_vscwprintf");
}
inline int _scprintf(const char* format, ...) {
    IISFAKE_WIN32_VA_CALL(
        result, format,
        ::iisfake::win32::detail::vscprintf_core(format, iisfake_args, L"_scprintf"));
    return result;
}
inline int _scwprintf(const wchar_t* format, ...) {
    IISFAKE_WIN32_VA_CALL(
        result, format,
        ::iisfake::win32::detail::vscprintf_core(format, iisfake_args, L"_scwprintf"));
    return result;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/printf.hpp -----
// ----- begin iisfake/win32/time.hpp -----
#ifndef IISFAKE_WIN32_TIME_HPP_INCLUDED
#define IISFAKE_WIN32_TIME_HPP_INCLUDED

// Time for module code off Windows (T-19): ticks, the performance counter, the time of day as
// SYSTEMTIME and FILETIME (100 ns since 1601-01-01 UTC), conversions, time zones. Everything reads
// iisfake::win32::clock(): real time by default (a steady clock for ticks and the performance
// counter, the system clock for the time of day) with a UTC offset of 0, so the machine's time
// zone never matters; a test may freeze it, advance it and set the offset. While frozen, Sleep
// advances the clock instead of waiting.


#if !defined(_WIN32)

#include <chrono>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <stdexcept>

// ----- begin iisfake/win32/process.hpp -----
#ifndef IISFAKE_WIN32_PROCESS_HPP_INCLUDED
#define IISFAKE_WIN32_PROCESS_HPP_INCLUDED

// The process and thread basics module code calls off Windows (T-19): the thread's last error,
// process and thread ids, pseudo handles, DllMain's constants, module handles and file names, the
// computer name, the process heap and LocalAlloc, GetSystemInfo. Nothing reads or changes the
// real system: the module's file name and the computer name are test knobs in iisfake::win32
// (set_module_file_name, set_computer_name; reset_process restores the defaults).


#if !defined(_WIN32)


#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <cwchar>

#include <unistd.h>

#ifndef MAX_PATH
#define MAX_PATH 260
#endif
#ifndef ERROR_BUFFER_OVERFLOW
#define ERROR_BUFFER_OVERFLOW 111
#endif
#ifndef ERROR_MOD_NOT_FOUND
#define ERROR_MOD_NOT_FOUND 126
#endif
#ifndef ERROR_INVALID_ADDRESS
#define ERROR_INVALID_ADDRESS 487
#endif

#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3

#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GENERATE_EXCEPTIONS 0x00000004
#define HEAP_ZERO_MEMORY 0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY 0x00000010

#define LMEM_FIXED 0x0000
#define LMEM_MOVEABLE 0x0002
#define LMEM_ZEROINIT 0x0040
#define LPTR (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND (LMEM_MOVEABLE | LMEM_ZEROINIT)

#define GET_MODULE_HANDLE_EX_FLAG_PIN 0x00000001
#define GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT 0x00000002
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS 0x00000004

#define PROCESSOR_ARCHITECTURE_INTEL 0
#define PROCESSOR_ARCHITECTURE_ARM 5
#define PROCESSOR_ARCHITECTURE_AMD64 9
#define PROCESSOR_ARCHITECTURE_ARM64 12
#define PROCESSOR_AMD_X8664 8664

// The handle types, as the SDK declares them (STRICT): distinct pointer types.
#ifndef IISFAKE_WIN32_HAS_HMODULE
#define IISFAKE_WIN32_HAS_HMODULE 1
struct HINSTANCE__ {
    int unused;
};
typedef HINSTANCE__* HINSTANCE;
typedef HINSTANCE HMODULE;
#endif
typedef HANDLE HLOCAL;
typedef HANDLE HGLOBAL;

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#endif
typedef struct _SYSTEM_INFO {
    union {
        DWORD dwOemId;
        __extension__ struct {
            WORD wProcessorArchitecture;
            WORD wReserved;
        };
    };
    DWORD dwPageSize;
    LPVOID lpMinimumApplicationAddress;
    LPVOID lpMaximumApplicationAddress;
    DWORD_PTR dwActiveProcessorMask;
    DWORD dwNumberOfProcessors;
    DWORD dwProcessorType;
    DWORD dwAllocationGranularity;
    WORD wProcessorLevel;
    WORD wProcessorRevision;
} SYSTEM_INFO, *LPSYSTEM_INFO;
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline DWORD& last_error_slot() noexcept {
    static thread_local DWORD value = 0;
    return value;
}

// Thread ids are small, non-zero multiples of 4 as on Windows, handed out on first use;
// CreateThread reserves one for the thread it starts (assign_thread_id).
inline std::atomic<DWORD>& next_thread_id() noexcept {
    static std::atomic<DWORD> next(4);
    return next;
}
inline DWORD reserve_thread_id() noexcept { return next_thread_id().fetch_add(4); }
inline DWORD& thread_id_slot() noexcept {
    static thread_local DWORD id = 0;
    return id;
}
inline void assign_thread_id(DWORD id) noexcept { thread_id_slot() = id; }

struct ProcessState {
    std::mutex mutex;
    std::wstring module_file_name;
    std::wstring process_file_name;
    std::wstring computer_name;
    std::unordered_map<void*, std::size_t> heap_blocks;  // live HeapAlloc/LocalAlloc blocks
    ProcessState() { reset(); }
    void reset() {
        module_file_name = L"C:\\Windows\\System32\\inetsrv\\module.dll";
        process_file_name = L"C:\\Windows\\System32\\inetsrv\\w3wp.exe";
        computer_name = L"IISFAKE";
    }
};

inline ProcessState& process_state() {
    static ProcessState state;
    return state;
}

// Distinct addresses stand for the module (the DLL under test) and the process (w3wp.exe).
inline HMODULE module_handle_value() noexcept {
    static HINSTANCE__ module = {0};
    return &module;
}
inline HMODULE process_module_value() noexcept {
    static HINSTANCE__ process = {0};
    return &process;
}

inline std::wstring lower_ascii(const std::wstring& text) {
    std::wstring out(text);
    for (auto& c : out)
        if (c >= L'A' && c <= L'Z') c = static_cast<wchar_t>(c - L'A' + L'a');
    return out;
}

inline std::wstring base_name(const std::wstring& path) {
    const std::size_t slash = path.find_last_of(L"\\/");
    return slash == std::wstring::npos ? path : path.substr(slash + 1);
}

// GetModuleHandle's name lookup: the full path or the file name, case-insensitive; a name
// without an extension means ".dll".
inline HMODULE find_module(const std::wstring& name) {
    std::wstring wanted = lower_ascii(name);
    if (base_name(wanted).find(L'.') == std::wstring::npos) wanted += L".dll";
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    const std::wstring module = lower_ascii(state.module_file_name);
    const std::wstring process = lower_ascii(state.process_file_name);
    if (wanted == module || wanted == base_name(module)) return module_handle_value();
    if (wanted == process || wanted == base_name(process)) return process_module_value();
    return nullptr;
}

inline bool module_file_name(HMODULE module, std::wstring& out) {
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (module == nullptr || module == process_module_value()) {
        out = state.process_file_name;
        return true;
    }
    if (module == module_handle_value()) {
        out = state.module_file_name;
        return true;
    }
    return false;
}

// UTF-8 <-> WCHAR for the narrow API (whose code page is taken to be UTF-8), through the one
// codec of win32/utf8.hpp: invalid input becomes U+FFFD.
inline std::wstring utf8_to_wide(const char* text, std::size_t length) {
    return u8_to_wide(text, length);
}
inline std::string wide_to_utf8(const wchar_t* text, std::size_t length) {
    return u8_from_wide(text, length);
}

inline std::wstring widen_utf8(const char* text) {
    return text ? utf8_to_wide(text, std::strlen(text)) : std::wstring();
}
inline std::wstring widen_utf8(const std::string& text) {
    return utf8_to_wide(text.data(), text.size());
}
inline std::string narrow_utf8(const wchar_t* text) {
    return text ? wide_to_utf8(text, std::wcslen(text)) : std::string();
}
inline std::string narrow_utf8(const std::wstring& text) {
    return wide_to_utf8(text.data(), text.size());
}

// Copies text plus a NUL when it fits in `size` characters.
template <class Char>
inline void copy_with_nul(const std::basic_string<Char>& text, Char* out) {
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = text[i];
    out[text.size()] = Char();
}

template <class Char>
inline DWORD get_module_file_name(HMODULE module, Char* buffer, DWORD size,
                                  const std::basic_string<Char>& path) {
    if (size == 0 || buffer == nullptr) {
        last_error_slot() = ERROR_INSUFFICIENT_BUFFER;
        return 0;
    }
    static_cast<void>(module);
    if (path.size() < size) {
        copy_with_nul(path, buffer);
        return static_cast<DWORD>(path.size());
    }
    // Too small: as since Windows Vista, nSize characters including a NUL, return nSize.
    for (DWORD i = 0; i + 1 < size; ++i) buffer[i] = path[i];
    buffer[size - 1] = Char();
    last_error_slot() = ERROR_INSUFFICIENT_BUFFER;
    return size;
}

template <class Char>
inline BOOL get_computer_name(Char* buffer, LPDWORD size, const std::basic_string<Char>& name) {
    if (size == nullptr) {
        last_error_slot() = ERROR_INVALID_PARAMETER;
        return FALSE;
    }
    if (buffer == nullptr || *size <= name.size()) {
        *size = static_cast<DWORD>(name.size() + 1);
        last_error_slot() = ERROR_BUFFER_OVERFLOW;
        return FALSE;
    }
    copy_with_nul(name, buffer);
    *size = static_cast<DWORD>(name.size());
    return TRUE;
}

// What GetSystemInfo and NUMBER_OF_PROCESSORS report: the machine's, 1 to 64.
inline unsigned processor_count() noexcept {
    const unsigned count = std::thread::hardware_concurrency();
    return count == 0 ? 1u : (count > 64 ? 64u : count);
}

inline HANDLE process_heap_value() noexcept {
    static int heap = 0;
    return &heap;
}

inline void* heap_allocate(std::size_t bytes, bool zero) {
    void* block = zero ? std::calloc(bytes ? bytes : 1, 1) : std::malloc(bytes ? bytes : 1);
    if (!block) return nullptr;
    ProcessState& state = process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.heap_blocks[block] = bytes;
    return block;
}

inline bool heap_release(void* block) {
    ProcessState& state = process_state();
    {
        std::lock_guard<std::mutex> lock(state.mutex);
        if (state.heap_blocks.erase(block) == 0) return false;
    }
    std::free(block);
    return true;
}

}  // namespace detail

// ---- test knobs ----------------------------------------------------------------------------
inline void set_module_file_name(const std::wstring& path) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.module_file_name = path;
}
inline void set_process_file_name(const std::wstring& path) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.process_file_name = path;
}
inline void set_computer_name(const std::wstring& name) {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.computer_name = name;
}
inline std::wstring computer_name() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.computer_name;
}
// The HMODULE of the module under test: pass it to DllMain; GetModuleFileName(module_handle())
// answers set_module_file_name's path, GetModuleFileName(NULL) the process's (w3wp.exe).
inline HMODULE module_handle() noexcept { return detail::module_handle_value(); }
// Blocks from HeapAlloc/HeapReAlloc/LocalAlloc not yet freed (a leak check for tests).
inline std::size_t heap_allocations() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.heap_blocks.size();
}
// Restores the default names; live heap blocks stay valid.
inline void reset_process() {
    detail::ProcessState& state = detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.reset();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- last error, ids, pseudo handles -------------------------------------------------------
inline DWORD WINAPI GetLastError(VOID) { return ::iisfake::win32::detail::last_error_slot(); }
inline VOID WINAPI SetLastError(DWORD dwErrCode) {
    ::iisfake::win32::detail::last_error_slot() = dwErrCode;
}

inline DWORD WINAPI GetCurrentProcessId(VOID) { return static_cast<DWORD>(::getpid()); }
inline DWORD WINAPI GetCurrentThreadId(VOID) {
    DWORD& id = ::iisfake::win32::detail::thread_id_slot();
    if (id == 0) id = ::iisfake::win32::detail::reserve_thread_id();
    return id;
}
inline HANDLE WINAPI GetCurrentProcess(VOID) {
    return reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-1));
}
inline HANDLE WINAPI GetCurrentThread(VOID) {
    return reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-2));
}

// ---- modules --------------------------------------------------------------------------------
inline BOOL WINAPI DisableThreadLibraryCalls(HMODULE hLibModule) {
    if (hLibModule == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

inline HMODULE WINAPI GetModuleHandleW(LPCWSTR lpModuleName) {
    if (lpModuleName == nullptr) return ::iisfake::win32::detail::process_module_value();
    if (HMODULE found = ::iisfake::win32::detail::find_module(lpModuleName)) return found;
    SetLastError(ERROR_MOD_NOT_FOUND);
    return nullptr;
}
inline HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName) {
    if (lpModuleName == nullptr) return ::iisfake::win32::detail::process_module_value();
    return GetModuleHandleW(::iisfake::win32::detail::widen_utf8(lpModuleName).c_str());
}

// FROM_ADDRESS: any address is taken to lie in the module under test.
inline BOOL WINAPI GetModuleHandleExW(DWORD dwFlags, LPCWSTR lpModuleName, HMODULE* phModule) {
    if (phModule == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *phModule = nullptr;
    if (dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) {
        if (lpModuleName == nullptr) {
            SetLastError(ERROR_INVALID_ADDRESS);
            return FALSE;
        }
        *phModule = ::iisfake::win32::module_handle();
        return TRUE;
    }
    *phModule = GetModuleHandleW(lpModuleName);
    return *phModule ? TRUE : FALSE;
}
inline BOOL WINAPI GetModuleHandleExA(DWORD dwFlags, LPCSTR lpModuleName, HMODULE* phModule) {
    if ((dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) || lpModuleName == nullptr)
        return GetModuleHandleExW(dwFlags, lpModuleName ? L"" : nullptr, phModule);
    if (lpModuleName == nullptr) return GetModuleHandleExW(dwFlags, nullptr, phModule);
    return GetModuleHandleExW(dwFlags, ::iisfake::win32::detail::widen_utf8(lpModuleName).c_str(),
                              phModule);
}

// Returns the length without the NUL; a buffer too small gets nSize - 1 characters and a NUL,
// returns nSize, last error ERROR_INSUFFICIENT_BUFFER (Windows Vista and later).
inline DWORD WINAPI GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize) {
    std::wstring path;
    if (!::iisfake::win32::detail::module_file_name(hModule, path)) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    return ::iisfake::win32::detail::get_module_file_name(hModule, lpFilename, nSize, path);
}
inline DWORD WINAPI GetModuleFileNameA(HMODULE hModule, LPSTR lpFilename, DWORD nSize) {
    std::wstring path;
    if (!::iisfake::win32::detail::module_file_name(hModule, path)) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    return ::iisfake::win32::detail::get_module_file_name(
        hModule, lpFilename, nSize, ::iisfake::win32::detail::narrow_utf8(path));
}

// nSize in: the buffer's characters; out: the name's length, or the size needed (with the NUL)
// and ERROR_BUFFER_OVERFLOW.
inline BOOL WINAPI GetComputerNameW(LPWSTR lpBuffer, LPDWORD nSize) {
    return ::iisfake::win32::detail::get_computer_name(lpBuffer, nSize,
                                                       ::iisfake::win32::computer_name());
}
inline BOOL WINAPI GetComputerNameA(LPSTR lpBuffer, LPDWORD nSize) {
    return ::iisfake::win32::detail::get_computer_name(
        lpBuffer, nSize, ::iisfake::win32::detail::narrow_utf8(::iisfake::win32::computer_name()));
}

// ---- heap -----------------------------------------------------------------------------------
// One process heap; HeapCreate'd heaps share its blocks. Freeing a pointer the heap did not
// hand out fails (ERROR_INVALID_PARAMETER) instead of corrupting anything.
inline HANDLE WINAPI GetProcessHeap(VOID) { return ::iisfake::win32::detail::process_heap_value(); }

inline HANDLE WINAPI HeapCreate(DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize) {
    static_cast<void>(flOptions);
    static_cast<void>(dwInitialSize);
    static_cast<void>(dwMaximumSize);
    return ::iisfake::win32::detail::process_heap_value();
}
inline BOOL WINAPI HeapDestroy(HANDLE hHeap) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

inline LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return nullptr;
    }
    void* block =
        ::iisfake::win32::detail::heap_allocate(dwBytes, (dwFlags & HEAP_ZERO_MEMORY) != 0);
    if (!block) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return block;
}

inline BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem) {
    static_cast<void>(dwFlags);
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lpMem == nullptr) return TRUE;
    if (::iisfake::win32::detail::heap_release(lpMem)) return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

inline SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem) {
    static_cast<void>(hHeap);
    static_cast<void>(dwFlags);
    ::iisfake::win32::detail::ProcessState& state = ::iisfake::win32::detail::process_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    auto found = state.heap_blocks.find(const_cast<void*>(lpMem));
    if (found == state.heap_blocks.end()) return static_cast<SIZE_T>(-1);
    return found->second;
}

inline LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes) {
    if (hHeap == nullptr) {
        SetLastError(ERROR_INVALID_HANDLE);
        return nullptr;
    }
    const SIZE_T old_size = HeapSize(hHeap, 0, lpMem);
    if (lpMem == nullptr || old_size == static_cast<SIZE_T>(-1)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    if (dwFlags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (dwBytes > old_size) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return nullptr;
        }
        ::iisfake::win32::detail::ProcessState& state = ::iisfake::win32::detail::process_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        state.heap_blocks[lpMem] = dwBytes;
        return lpMem;
    }
    void* block =
        ::iisfake::win32::detail::heap_allocate(dwBytes, (dwFlags & HEAP_ZERO_MEMORY) != 0);
    if (!block) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    std::memcpy(block, lpMem, old_size < dwBytes ? old_size : dwBytes);
    ::iisfake::win32::detail::heap_release(lpMem);
    return block;
}

// LocalAlloc: LMEM_MOVEABLE blocks are fixed too (the handle is the pointer; LocalLock returns
// it). LocalFree returns NULL on success, the handle on failure.
inline HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes) {
    void* block = ::iisfake::win32::detail::heap_allocate(uBytes, (uFlags & LMEM_ZEROINIT) != 0);
    if (!block) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return block;
}
inline HLOCAL WINAPI LocalFree(HLOCAL hMem) {
    if (hMem == nullptr || ::iisfake::win32::detail::heap_release(hMem)) return nullptr;
    SetLastError(ERROR_INVALID_HANDLE);
    return hMem;
}
inline LPVOID WINAPI LocalLock(HLOCAL hMem) { return hMem; }
inline BOOL WINAPI LocalUnlock(HLOCAL hMem) {
    static_cast<void>(hMem);
    return FALSE;  // Windows: FALSE once the lock count reaches zero (fixed memory: always)
}

// ---- system information ---------------------------------------------------------------------
inline VOID WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo) {
    if (lpSystemInfo == nullptr) return;
    std::memset(lpSystemInfo, 0, sizeof(SYSTEM_INFO));
    const unsigned processors = ::iisfake::win32::detail::processor_count();
    lpSystemInfo->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    lpSystemInfo->dwPageSize = 4096;
    lpSystemInfo->lpMinimumApplicationAddress =
        reinterpret_cast<LPVOID>(static_cast<ULONG_PTR>(0x10000u));
    lpSystemInfo->lpMaximumApplicationAddress =
        reinterpret_cast<LPVOID>(static_cast<ULONG_PTR>(0x7FFFFFFEFFFFull));
    lpSystemInfo->dwActiveProcessorMask =
        processors >= 64 ? ~DWORD_PTR(0) : ((DWORD_PTR(1) << processors) - 1u);
    lpSystemInfo->dwNumberOfProcessors = processors;
    lpSystemInfo->dwProcessorType = PROCESSOR_AMD_X8664;
    lpSystemInfo->dwAllocationGranularity = 65536;
    lpSystemInfo->wProcessorLevel = 6;
    lpSystemInfo->wProcessorRevision = 0;
}
inline VOID WINAPI GetNativeSystemInfo(LPSYSTEM_INFO lpSystemInfo) { GetSystemInfo(lpSystemInfo); }

#if defined(UNICODE)
#define GetModuleHandle GetModuleHandleW
#define GetModuleHandleEx GetModuleHandleExW
#define GetModuleFileName GetModuleFileNameW
#define GetComputerName GetComputerNameW
#else
#define GetModuleHandle GetModuleHandleA
#define GetModuleHandleEx GetModuleHandleExA
#define GetModuleFileName GetModuleFileNameA
#define GetComputerName GetComputerNameA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/process.hpp -----

#define TIME_ZONE_ID_INVALID 0xFFFFFFFFu
#define TIME_ZONE_ID_UNKNOWN 0
#define TIME_ZONE_ID_STANDARD 1
#define TIME_ZONE_ID_DAYLIGHT 2

#ifndef IISFAKE_WIN32_HAS_SYSTEMTIME
#define IISFAKE_WIN32_HAS_SYSTEMTIME 1
typedef struct _SYSTEMTIME {
    WORD wYear;
    WORD wMonth;
    WORD wDayOfWeek;
    WORD wDay;
    WORD wHour;
    WORD wMinute;
    WORD wSecond;
    WORD wMilliseconds;
} SYSTEMTIME, *PSYSTEMTIME, *LPSYSTEMTIME;
#endif

typedef struct _TIME_ZONE_INFORMATION {
    LONG Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    LONG StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    LONG DaylightBias;
} TIME_ZONE_INFORMATION, *PTIME_ZONE_INFORMATION, *LPTIME_ZONE_INFORMATION;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

typedef std::chrono::duration<std::int64_t, std::ratio<1, 10000000>> filetime_duration;

// 100-ns units from 1601-01-01 to 1970-01-01.
constexpr std::int64_t unix_epoch_as_filetime() noexcept { return 116444736000000000LL; }
constexpr std::int64_t filetime_per_ms() noexcept { return 10000; }
constexpr std::int64_t filetime_per_day() noexcept { return 864000000000LL; }

inline std::int64_t real_utc_filetime() {
    const auto since_unix = std::chrono::duration_cast<filetime_duration>(
        std::chrono::system_clock::now().time_since_epoch());
    return unix_epoch_as_filetime() + since_unix.count();
}

inline std::int64_t real_ticks() {
    return std::chrono::duration_cast<filetime_duration>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline bool is_leap_year(unsigned year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

inline unsigned days_in_month(unsigned year, unsigned month) noexcept {
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return days[month - 1] + (month == 2 && is_leap_year(year) ? 1u : 0u);
}

// The documented range of SystemTimeToFileTime: 1601-01-01 to 30827-12-31 (FileTimeToSystemTime
// reaches into 30828 for the largest FILETIME values).
inline bool valid_system_time(const SYSTEMTIME& st) noexcept {
    return st.wYear >= 1601 && st.wYear <= 30827 && st.wMonth >= 1 && st.wMonth <= 12 &&
           st.wDay >= 1 && st.wDay <= days_in_month(st.wYear, st.wMonth) && st.wHour < 24 &&
           st.wMinute < 60 && st.wSecond < 60 && st.wMilliseconds < 1000;
}

// Days since 1601-01-01, which starts a 400-year cycle of the Gregorian calendar.
inline std::int64_t days_since_1601(unsigned year, unsigned month, unsigned day) noexcept {
    const std::int64_t years = static_cast<std::int64_t>(year) - 1601;
    std::int64_t days = years * 365 + years / 4 - years / 100 + years / 400;
    for (unsigned m = 1; m < month; ++m) days += days_in_month(year, m);
    return days + day - 1;
}

// Requires a valid SYSTEMTIME; wDayOfWeek is ignored, as Windows does.
inline std::int64_t system_time_to_filetime(const SYSTEMTIME& st) noexcept {
    const std::int64_t days = days_since_1601(st.wYear, st.wMonth, st.wDay);
    const std::int64_t ms =
        ((static_cast<std::int64_t>(st.wHour) * 60 + st.wMinute) * 60 + st.wSecond) * 1000 +
        st.wMilliseconds;
    return days * filetime_per_day() + ms * filetime_per_ms();
}

// Requires 0 <= value; wDayOfWeek computed (1601-01-01 was a Monday).
inline SYSTEMTIME filetime_to_system_time(std::int64_t value) noexcept {
    SYSTEMTIME st;
    std::int64_t days = value / filetime_per_day();
    std::int64_t ms = (value % filetime_per_day()) / filetime_per_ms();
    st.wDayOfWeek = static_cast<WORD>((days + 1) % 7);
    const std::int64_t cycles400 = days / 146097;
    days %= 146097;
    std::int64_t cycles100 = days / 36524;
    if (cycles100 == 4) cycles100 = 3;  // the last day of a 400-year cycle
    days -= cycles100 * 36524;
    const std::int64_t cycles4 = days / 1461;
    days %= 1461;
    std::int64_t years = days / 365;
    if (years == 4) years = 3;  // the last day of a leap year
    days -= years * 365;
    const auto year =
        static_cast<unsigned>(1601 + cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years);
    unsigned month = 1;
    while (days >= static_cast<std::int64_t>(days_in_month(year, month))) {
        days -= days_in_month(year, month);
        ++month;
    }
    st.wYear = static_cast<WORD>(year);
    st.wMonth = static_cast<WORD>(month);
    st.wDay = static_cast<WORD>(days + 1);
    st.wMilliseconds = static_cast<WORD>(ms % 1000);
    ms /= 1000;
    st.wSecond = static_cast<WORD>(ms % 60);
    ms /= 60;
    st.wMinute = static_cast<WORD>(ms % 60);
    st.wHour = static_cast<WORD>(ms / 60);
    return st;
}

inline std::int64_t from_filetime(const FILETIME& ft) noexcept {
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(ft.dwHighDateTime) << 32) |
                                     ft.dwLowDateTime);
}
inline FILETIME to_filetime(std::int64_t value) noexcept {
    const auto bits = static_cast<std::uint64_t>(value);
    FILETIME ft;
    ft.dwLowDateTime = static_cast<DWORD>(bits & 0xFFFFFFFFu);
    ft.dwHighDateTime = static_cast<DWORD>(bits >> 32);
    return ft;
}

// The instant in `year` a TIME_ZONE_INFORMATION transition date names, as local time (in 100 ns
// since 1601): either an absolute date (wYear != 0) or "the wDay-th wDayOfWeek of wMonth"
// (wDay 5 = the last).
inline bool transition_local(const SYSTEMTIME& rule, unsigned year, std::int64_t& out) noexcept {
    if (rule.wMonth < 1 || rule.wMonth > 12) return false;
    SYSTEMTIME st = rule;
    if (rule.wYear != 0) {
        if (rule.wYear != year) return false;
    } else {
        st.wYear = static_cast<WORD>(year);
        const unsigned first_dow =
            static_cast<unsigned>((days_since_1601(year, rule.wMonth, 1) + 1) % 7);
        unsigned day = 1 + (rule.wDayOfWeek % 7 + 7 - first_dow) % 7;
        const unsigned week = rule.wDay < 1 ? 1u : (rule.wDay > 5 ? 5u : rule.wDay);
        day += 7 * (week - 1);
        while (day > days_in_month(year, rule.wMonth)) day -= 7;
        st.wDay = static_cast<WORD>(day);
    }
    st.wMilliseconds = st.wMilliseconds < 1000 ? st.wMilliseconds : 0;
    if (st.wHour >= 24 || st.wMinute >= 60 || st.wSecond >= 60 || !valid_system_time(st))
        return false;
    out = system_time_to_filetime(st);
    return true;
}

// Whether a UTC instant falls in the zone's daylight period.
inline bool in_daylight(const TIME_ZONE_INFORMATION& tz, std::int64_t utc) noexcept {
    if (tz.StandardDate.wMonth == 0 || tz.DaylightDate.wMonth == 0) return false;
    const std::int64_t bias_ft = static_cast<std::int64_t>(tz.Bias) * 60 * 10000000LL;
    const std::int64_t standard_ft = static_cast<std::int64_t>(tz.StandardBias) * 60 * 10000000LL;
    const std::int64_t daylight_ft = static_cast<std::int64_t>(tz.DaylightBias) * 60 * 10000000LL;
    const std::int64_t local = utc - bias_ft - standard_ft;
    if (local < 0) return false;
    const unsigned year = filetime_to_system_time(local).wYear;
    std::int64_t start = 0;
    std::int64_t end = 0;
    if (!transition_local(tz.DaylightDate, year, start) ||
        !transition_local(tz.StandardDate, year, end))
        return false;
    start += bias_ft + standard_ft;  // daylight starts at a standard-time wall clock reading
    end += bias_ft + daylight_ft;    // and ends at a daylight-time one
    return start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
}

inline std::int64_t zone_bias_ft(const TIME_ZONE_INFORMATION& tz, bool dst) noexcept {
    return (static_cast<std::int64_t>(tz.Bias) + (dst ? tz.DaylightBias : tz.StandardBias)) * 60 *
           10000000LL;
}

}  // namespace detail

// The clock every time function reads. Real by default; freeze() switches to manual time that
// only advance() and Sleep move. The UTC offset (local = UTC + offset) applies in both modes.
class TestClock {
public:
    // Manual time starting at this UTC instant (throws std::invalid_argument if invalid).
    void freeze(const SYSTEMTIME& utc) {
        if (!detail::valid_system_time(utc))
            throw std::invalid_argument("iisfake::win32::clock().freeze: invalid SYSTEMTIME");
        set_manual(detail::system_time_to_filetime(utc));
    }
    void freeze_at(std::chrono::system_clock::time_point utc) {
        set_manual(
            detail::unix_epoch_as_filetime() +
            std::chrono::duration_cast<detail::filetime_duration>(utc.time_since_epoch()).count());
    }
    // Manual time starting now.
    void freeze() { set_manual(utc_filetime()); }
    // Moves the time of day, the ticks and the performance counter forward (in real mode too,
    // as a skew on top of real time). Negative durations throw std::invalid_argument.
    void advance(std::chrono::milliseconds by) {
        if (by.count() < 0)
            throw std::invalid_argument("iisfake::win32::clock().advance: negative duration");
        std::lock_guard<std::mutex> lock(mutex_);
        const std::int64_t count = by.count();
        const std::int64_t delta = count * detail::filetime_per_ms();
        if (manual_) {
            manual_utc_ += delta;
            manual_ticks_ += delta;
        } else {
            skew_ += delta;
        }
    }
    void set_utc_offset(std::chrono::minutes offset) {
        std::lock_guard<std::mutex> lock(mutex_);
        offset_minutes_ = offset.count();
    }
    std::chrono::minutes utc_offset() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::chrono::minutes(offset_minutes_);
    }
    bool frozen() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_;
    }
    // Back to real time, no skew, offset 0.
    void reset() {
        std::lock_guard<std::mutex> lock(mutex_);
        manual_ = false;
        manual_utc_ = 0;
        manual_ticks_ = 0;
        skew_ = 0;
        offset_minutes_ = 0;
    }

    // The readings (100 ns units): UTC since 1601, and ticks on an arbitrary steady scale.
    std::int64_t utc_filetime() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_ ? manual_utc_ : detail::real_utc_filetime() + skew_;
    }
    std::int64_t ticks() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return manual_ ? manual_ticks_ : detail::real_ticks() + skew_;
    }
    std::int64_t offset_filetime() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return offset_minutes_ * 60 * 10000000LL;
    }

private:
    void set_manual(std::int64_t utc) {
        std::lock_guard<std::mutex> lock(mutex_);
        // Ticks carry on from where they are, so GetTickCount never runs backwards.
        const std::int64_t now_ticks = manual_ ? manual_ticks_ : detail::real_ticks() + skew_;
        manual_ = true;
        manual_utc_ = utc;
        manual_ticks_ = now_ticks;
    }

    mutable std::mutex mutex_;
    bool manual_ = false;
    std::int64_t manual_utc_ = 0;
    std::int64_t manual_ticks_ = 0;
    std::int64_t skew_ = 0;
    std::int64_t offset_minutes_ = 0;
};

inline TestClock& clock() {
    static TestClock instance;
    return instance;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- ticks and the performance counter ------------------------------------------------------
inline ULONGLONG WINAPI GetTickCount64(VOID) {
    return static_cast<ULONGLONG>(::iisfake::win32::clock().ticks() /
                                  ::iisfake::win32::detail::filetime_per_ms());
}
inline DWORD WINAPI GetTickCount(VOID) {
    return static_cast<DWORD>(GetTickCount64() & 0xFFFFFFFFu);
}

// 10 MHz, as on current Windows.
inline BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER* lpFrequency) {
    if (lpFrequency == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    lpFrequency->QuadPart = 10000000;
    return TRUE;
}
inline BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER* lpPerformanceCount) {
    if (lpPerformanceCount == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    lpPerformanceCount->QuadPart = ::iisfake::win32::clock().ticks();
    return TRUE;
}

// ---- the time of day -----------------------------------------------------------------------
inline VOID WINAPI GetSystemTimeAsFileTime(LPFILETIME lpSystemTimeAsFileTime) {
    if (lpSystemTimeAsFileTime == nullptr) return;
    *lpSystemTimeAsFileTime =
        ::iisfake::win32::detail::to_filetime(::iisfake::win32::clock().utc_filetime());
}
inline VOID WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME lpSystemTimeAsFileTime) {
    GetSystemTimeAsFileTime(lpSystemTimeAsFileTime);
}
inline VOID WINAPI GetSystemTime(LPSYSTEMTIME lpSystemTime) {
    if (lpSystemTime == nullptr) return;
    *lpSystemTime =
        ::iisfake::win32::detail::filetime_to_system_time(::iisfake::win32::clock().utc_filetime());
}
inline VOID WINAPI GetLocalTime(LPSYSTEMTIME lpSystemTime) {
    if (lpSystemTime == nullptr) return;
    std::int64_t local =
        ::iisfake::win32::clock().utc_filetime() + ::iisfake::win32::clock().offset_filetime();
    if (local < 0) local = 0;
    *lpSystemTime = ::iisfake::win32::detail::filetime_to_system_time(local);
}

// ---- conversions ------------------------------------------------------------------------------
// FILETIME values of 0x8000000000000000 and above are invalid (ERROR_INVALID_PARAMETER).
// wDayOfWeek is filled in.
inline BOOL WINAPI FileTimeToSystemTime(const FILETIME* lpFileTime, LPSYSTEMTIME lpSystemTime) {
    if (lpFileTime == nullptr || lpSystemTime == nullptr ||
        ::iisfake::win32::detail::from_filetime(*lpFileTime) < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpSystemTime = ::iisfake::win32::detail::filetime_to_system_time(
        ::iisfake::win32::detail::from_filetime(*lpFileTime));
    return TRUE;
}

inline BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME* lpSystemTime, LPFILETIME lpFileTime) {
    if (lpSystemTime == nullptr || lpFileTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpSystemTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpFileTime = ::iisfake::win32::detail::to_filetime(
        ::iisfake::win32::detail::system_time_to_filetime(*lpSystemTime));
    return TRUE;
}

// The clock's current UTC offset (Windows too uses the current bias, not the one in force at
// the given time).
inline BOOL WINAPI FileTimeToLocalFileTime(const FILETIME* lpFileTime, LPFILETIME lpLocalFileTime) {
    if (lpFileTime == nullptr || lpLocalFileTime == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::int64_t value = ::iisfake::win32::detail::from_filetime(*lpFileTime);
    const std::int64_t local = value + ::iisfake::win32::clock().offset_filetime();
    if (value < 0 || local < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpLocalFileTime = ::iisfake::win32::detail::to_filetime(local);
    return TRUE;
}
inline BOOL WINAPI LocalFileTimeToFileTime(const FILETIME* lpLocalFileTime, LPFILETIME lpFileTime) {
    if (lpFileTime == nullptr || lpLocalFileTime == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::int64_t value = ::iisfake::win32::detail::from_filetime(*lpLocalFileTime);
    const std::int64_t utc = value - ::iisfake::win32::clock().offset_filetime();
    if (value < 0 || utc < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *lpFileTime = ::iisfake::win32::detail::to_filetime(utc);
    return TRUE;
}

// -1, 0 or 1.
inline LONG WINAPI CompareFileTime(const FILETIME* lpFileTime1, const FILETIME* lpFileTime2) {
    if (lpFileTime1 == nullptr || lpFileTime2 == nullptr) return 0;
    const auto a = (static_cast<std::uint64_t>(lpFileTime1->dwHighDateTime) << 32) |
                   lpFileTime1->dwLowDateTime;
    const auto b = (static_cast<std::uint64_t>(lpFileTime2->dwHighDateTime) << 32) |
                   lpFileTime2->dwLowDateTime;
    return a < b ? -1 : (a > b ? 1 : 0);
}

// ---- time zones -------------------------------------------------------------------------------
// The clock's zone: a fixed offset without daylight saving, Bias = -offset in minutes.
inline DWORD WINAPI GetTimeZoneInformation(LPTIME_ZONE_INFORMATION lpTimeZoneInformation) {
    if (lpTimeZoneInformation == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return TIME_ZONE_ID_INVALID;
    }
    std::memset(lpTimeZoneInformation, 0, sizeof(TIME_ZONE_INFORMATION));
    const auto offset = ::iisfake::win32::clock().utc_offset().count();
    lpTimeZoneInformation->Bias = static_cast<LONG>(-offset);
    const wchar_t* name = offset == 0 ? L"Coordinated Universal Time" : L"iisfake Standard Time";
    for (std::size_t i = 0; name[i] != L'\0' && i < 31; ++i) {
        lpTimeZoneInformation->StandardName[i] = name[i];
        lpTimeZoneInformation->DaylightName[i] = name[i];
    }
    return TIME_ZONE_ID_UNKNOWN;
}

// NULL for the zone means the clock's zone. Zones with daylight rules (StandardDate and
// DaylightDate both set) apply them, in either the absolute or the day-in-month format.
inline BOOL WINAPI
SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION* lpTimeZoneInformation,
                                const SYSTEMTIME* lpUniversalTime, LPSYSTEMTIME lpLocalTime) {
    if (lpUniversalTime == nullptr || lpLocalTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpUniversalTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    TIME_ZONE_INFORMATION current;
    if (lpTimeZoneInformation == nullptr) {
        GetTimeZoneInformation(&current);
        lpTimeZoneInformation = &current;
    }
    const std::int64_t utc = ::iisfake::win32::detail::system_time_to_filetime(*lpUniversalTime);
    const bool dst = ::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, utc);
    const std::int64_t local =
        utc - ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, dst);
    FILETIME ft = ::iisfake::win32::detail::to_filetime(local);
    if (local < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return FileTimeToSystemTime(&ft, lpLocalTime);
}

inline BOOL WINAPI
TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION* lpTimeZoneInformation,
                                const SYSTEMTIME* lpLocalTime, LPSYSTEMTIME lpUniversalTime) {
    if (lpLocalTime == nullptr || lpUniversalTime == nullptr ||
        !::iisfake::win32::detail::valid_system_time(*lpLocalTime)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    TIME_ZONE_INFORMATION current;
    if (lpTimeZoneInformation == nullptr) {
        GetTimeZoneInformation(&current);
        lpTimeZoneInformation = &current;
    }
    const std::int64_t local = ::iisfake::win32::detail::system_time_to_filetime(*lpLocalTime);
    std::int64_t utc =
        local + ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, false);
    if (::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, utc)) {
        const std::int64_t daylight_utc =
            local + ::iisfake::win32::detail::zone_bias_ft(*lpTimeZoneInformation, true);
        if (::iisfake::win32::detail::in_daylight(*lpTimeZoneInformation, daylight_utc))
            utc = daylight_utc;
    }
    FILETIME ft = ::iisfake::win32::detail::to_filetime(utc);
    if (utc < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return FileTimeToSystemTime(&ft, lpUniversalTime);
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/time.hpp -----

#ifndef _countof
#define _countof(array) (sizeof(::iisfake::win32::detail::countof_helper(array)) + 0)
#endif

// glibc names __time64_t itself where time_t is 32-bit; elsewhere it is ours, as in MSVC.
#if !(defined(__TIMESIZE) && __TIMESIZE != 64)
typedef long long __time64_t;
#endif

#ifndef _SH_DENYRW
#define _SH_DENYRW 0x10
#define _SH_DENYWR 0x20
#define _SH_DENYRD 0x30
#define _SH_DENYNO 0x40
#define _SH_SECURE 0x80
#endif

#ifndef _I64_MAX
#define _I64_MIN (-9223372036854775807LL - 1)
#define _I64_MAX 9223372036854775807LL
#define _UI64_MAX 0xffffffffffffffffULL
#endif
#ifndef _NLSCMPERROR
#define _NLSCMPERROR 2147483647
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

// _countof accepts arrays only: a pointer has no T (&)[N] to bind to.
template <class T, std::size_t N>
char (&countof_helper(T (&array)[N]))[N];

template <class Char>
std::size_t length_within(const Char* s, std::size_t size) {
    std::size_t n = 0;
    while (n < size && s[n] != Char('\0')) ++n;
    return n;
}

template <class Char>
errno_t copy_s(Char* dest, std::size_t size, const Char* src, const wchar_t* function) {
    if (dest == nullptr || size == 0)
        return invalid_parameter_errno(L"_Destination != nullptr && _SizeInBytes > 0", function,
                                       EINVAL);
    if (src == nullptr) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"_Source != nullptr", function, EINVAL);
    }
    const std::size_t n = length_within(src, size);
    if (n == size) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"(\"Buffer is too small\", 0)", function, ERANGE);
    }
    std::memmove(dest, src, (n + 1) * sizeof(Char));
    return 0;
}

template <class Char>
errno_t ncopy_s(Char* dest, std::size_t size, const Char* src, std::size_t count,
                const wchar_t* function) {
    if (count == 0 && dest == nullptr && size == 0) return 0;
    if (dest == nullptr || size == 0)
        return invalid_parameter_errno(L"_Destination != nullptr && _SizeInBytes > 0", function,
                                       EINVAL);
    if (count == 0) {
        dest[0] = Char('\0');
        return 0;
    }
    if (src == nullptr) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"_Source != nullptr", function, EINVAL);
    }
    if (count == _TRUNCATE) {
        const std::size_t n = length_within(src, size);
        if (n == size) {
            std::memmove(dest, src, (size - 1) * sizeof(Char));
            dest[size - 1] = Char('\0');
            return STRUNCATE;
        }
        std::memmove(dest, src, (n + 1) * sizeof(Char));
        return 0;
    }
    const std::size_t n = length_within(src, count < size ? count : size);
    if (n >= size) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"(\"Buffer is too small\", 0)", function, ERANGE);
    }
    std::memmove(dest, src, n * sizeof(Char));
    dest[n] = Char('\0');
    return 0;
}

template <class Char>
errno_t cat_s(Char* dest, std::size_t size, const Char* src, std::size_t count, bool counted,
              const wchar_t* function) {
    if (counted && count == 0 && dest == nullptr && size == 0) return 0;
    if (dest == nullptr || size == 0)
        return invalid_parameter_errno(L"_Destination != nullptr && _SizeInBytes > 0", function,
                                       EINVAL);
    if (src == nullptr && !(counted && count == 0)) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"_Source != nullptr", function, EINVAL);
    }
    const std::size_t used = length_within(dest, size);
    if (used == size) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"(\"String is not null terminated\", 0)", function, EINVAL);
    }
    if (counted && count == 0) return 0;
    const std::size_t room = size - used;  // including the NUL
    if (counted && count == _TRUNCATE) {
        const std::size_t n = length_within(src, room);
        if (n == room) {
            std::memmove(dest + used, src, (room - 1) * sizeof(Char));
            dest[size - 1] = Char('\0');
            return STRUNCATE;
        }
        std::memmove(dest + used, src, n * sizeof(Char));
        dest[used + n] = Char('\0');
        return 0;
    }
    const std::size_t limit = counted && count < room ? count : room;
    const std::size_t n = length_within(src, limit);
    if (n >= room) {
        dest[0] = Char('\0');
        return invalid_parameter_errno(L"(\"Buffer is too small\", 0)", function, ERANGE);
    }
    std::memmove(dest + used, src, n * sizeof(Char));
    dest[used + n] = Char('\0');
    return 0;
}

// _itoa_s and friends: digits of value in radix, '-' only for signed radix-10 values.
template <class Char>
errno_t integer_to_text_s(unsigned long long magnitude, bool negative, Char* buffer,
                          std::size_t size, int radix, const wchar_t* function) {
    if (buffer == nullptr || size == 0)
        return invalid_parameter_errno(L"buffer != nullptr && sizeInCharacters > 0", function,
                                       EINVAL);
    buffer[0] = Char('\0');
    if (radix < 2 || radix > 36)
        return invalid_parameter_errno(L"2 <= radix && radix <= 36", function, EINVAL);
    Char digits[72];
    std::size_t n = 0;
    do {
        const unsigned digit = static_cast<unsigned>(magnitude % static_cast<unsigned>(radix));
        digits[n++] = static_cast<Char>(digit < 10 ? '0' + digit : 'a' + digit - 10);
        magnitude /= static_cast<unsigned>(radix);
    } while (magnitude != 0);
    if (negative) digits[n++] = Char('-');
    if (n + 1 > size)
        return invalid_parameter_errno(L"sizeInCharacters > length", function, ERANGE);
    for (std::size_t i = 0; i < n; ++i) buffer[i] = digits[n - 1 - i];
    buffer[n] = Char('\0');
    return 0;
}

inline unsigned long long as_ull(unsigned long long value) { return value; }

template <class Char>
errno_t signed_to_text_s(long long value, Char* buffer, std::size_t size, int radix,
                         unsigned long long width_mask, const wchar_t* function) {
    const bool negative = radix == 10 && value < 0;
    const unsigned long long magnitude = negative
                                             ? 0ULL - static_cast<unsigned long long>(value)
                                             : static_cast<unsigned long long>(value) & width_mask;
    return integer_to_text_s(magnitude, negative, buffer, size, radix, function);
}

// The non-secure forms write without a size: the caller promised room (33 or 65 characters).
template <class Char>
Char* signed_to_text(long long value, Char* buffer, int radix, unsigned long long width_mask,
                     const wchar_t* function) {
    signed_to_text_s(value, buffer, 72, radix, width_mask, function);
    return buffer;
}

inline int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
inline int ascii_upper(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }
inline long long wide_lower(wchar_t c) {
    return c >= L'A' && c <= L'Z' ? static_cast<long long>(c) - 'A' + 'a'
                                  : static_cast<long long>(c);
}

template <class Char>
int compare_no_case(const Char* a, const Char* b, std::size_t count, const wchar_t* function) {
    if (a == nullptr || b == nullptr) {
        invalid_parameter_errno(L"string1 != nullptr && string2 != nullptr", function, EINVAL);
        return _NLSCMPERROR;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const long long ca = sizeof(Char) == 1 ? ascii_lower(static_cast<unsigned char>(a[i]))
                                               : wide_lower(static_cast<wchar_t>(a[i]));
        const long long cb = sizeof(Char) == 1 ? ascii_lower(static_cast<unsigned char>(b[i]))
                                               : wide_lower(static_cast<wchar_t>(b[i]));
        if (ca != cb) return ca < cb ? -1 : 1;
        if (ca == 0) return 0;
    }
    return 0;
}

template <class Char>
errno_t change_case_s(Char* s, std::size_t size, bool upper, const wchar_t* function) {
    if (s == nullptr || size == 0)
        return invalid_parameter_errno(L"string != nullptr && sizeInCharacters > 0", function,
                                       EINVAL);
    const std::size_t n = length_within(s, size);
    if (n == size) {
        s[0] = Char('\0');
        return invalid_parameter_errno(L"(\"String is not null terminated\", 0)", function, EINVAL);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (upper && s[i] >= Char('a') && s[i] <= Char('z'))
            s[i] = static_cast<Char>(s[i] - 'a' + 'A');
        if (!upper && s[i] >= Char('A') && s[i] <= Char('Z'))
            s[i] = static_cast<Char>(s[i] - 'A' + 'a');
    }
    return 0;
}

template <class Char>
bool is_delimiter(Char c, const Char* delimiters) {
    for (; *delimiters != Char('\0'); ++delimiters)
        if (*delimiters == c) return true;
    return false;
}

template <class Char>
Char* tokenize_s(Char* s, const Char* delimiters, Char** context, const wchar_t* function) {
    if (context == nullptr || delimiters == nullptr || (s == nullptr && *context == nullptr)) {
        invalid_parameter_errno(
            L"context != nullptr && delimit != nullptr && "
            L"(string != nullptr || *context != nullptr)",
            function, EINVAL);
        return nullptr;
    }
    Char* p = s != nullptr ? s : *context;
    while (*p != Char('\0') && is_delimiter(*p, delimiters)) ++p;
    if (*p == Char('\0')) {
        *context = p;
        return nullptr;
    }
    Char* token = p;
    while (*p != Char('\0') && !is_delimiter(*p, delimiters)) ++p;
    if (*p != Char('\0')) *p++ = Char('\0');
    *context = p;
    return token;
}

// long is 32-bit on Windows: _wtol and _wtoi saturate at LONG's range as the CRT does.
inline long long clamp_to_int32(long long value) {
    if (value > INT32_MAX) {
        errno = ERANGE;
        return INT32_MAX;
    }
    if (value < INT32_MIN) {
        errno = ERANGE;
        return INT32_MIN;
    }
    return value;
}

// fopen's mode without MSVC's extra letters (t, c, n, N, S, R, T, D) and ",ccs=...".
inline std::string posix_mode(const char* mode) {
    std::string out;
    for (const char* p = mode; *p != '\0' && *p != ','; ++p)
        if (std::strchr("rwab+x", *p) != nullptr) out += *p;
    return out;
}

inline bool valid_mode(const std::string& mode) {
    return !mode.empty() && (mode[0] == 'r' || mode[0] == 'w' || mode[0] == 'a');
}

inline errno_t open_file(std::FILE** file, const char* name, const char* mode,
                         const wchar_t* function) {
    if (file == nullptr) return invalid_parameter_errno(L"pFile != nullptr", function, EINVAL);
    *file = nullptr;
    if (name == nullptr || mode == nullptr)
        return invalid_parameter_errno(L"filename != nullptr && mode != nullptr", function, EINVAL);
    const std::string posix = posix_mode(mode);
    if (!valid_mode(posix) || *name == '\0')
        return invalid_parameter_errno(L"(\"Invalid file open mode\", 0)", function, EINVAL);
    errno = 0;
    *file = std::fopen(name, posix.c_str());
    if (*file == nullptr) return errno != 0 ? errno : ENOENT;
    return 0;
}

inline bool fill_tm(std::tm* out, long long t, long long offset_seconds, const wchar_t* function) {
    if (out == nullptr) {
        invalid_parameter_errno(L"ptm != nullptr", function, EINVAL);
        return false;
    }
    // MSVC accepts 0 to 3000-12-31 23:59:59 UTC.
    if (t < 0 || t > 32535215999LL) {
        std::memset(out, 0xff, sizeof *out);
        invalid_parameter_errno(L"*ptime >= 0 && *ptime <= _MAX__TIME64_T", function, EINVAL);
        return false;
    }
    const std::time_t shifted = static_cast<std::time_t>(t + offset_seconds);
    std::tm result;
    std::memset(&result, 0, sizeof result);
    if (gmtime_r(&shifted, &result) == nullptr) {
        std::memset(out, 0xff, sizeof *out);
        invalid_parameter_errno(L"time representable", function, EINVAL);
        return false;
    }
    result.tm_isdst = 0;
    *out = result;
    return true;
}

template <class L, class F>
void* fill_memory(void* destination, L length, F fill) {
    const std::size_t n = static_cast<std::size_t>(length);
    const int byte = fill & 0xFF;
    return n == 0 ? destination : std::memset(destination, byte, n);
}
template <class L>
void* copy_memory(void* destination, const void* source, L length) {
    const std::size_t n = static_cast<std::size_t>(length);
    return n == 0 ? destination : std::memmove(destination, source, n);
}
template <class L>
void* secure_zero_memory(void* destination, L length) {
    volatile unsigned char* p = static_cast<volatile unsigned char*>(destination);
    for (std::size_t i = 0, n = static_cast<std::size_t>(length); i < n; ++i) p[i] = 0;
    return destination;
}
template <class L>
bool equal_memory(const void* a, const void* b, L length) {
    const std::size_t n = static_cast<std::size_t>(length);
    return n == 0 || std::memcmp(a, b, n) == 0;
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- strings: copy, concatenate ---------------------------------------------------------------
inline errno_t strcpy_s(char* dest, rsize_t dest_size, const char* src) {
    return ::iisfake::win32::detail::copy_s(dest, dest_size, src, L"strcpy_s");
}
inline errno_t wcscpy_s(wchar_t* dest, rsize_t dest_size, const wchar_t* src) {
    return ::iisfake::win32::detail::copy_s(dest, dest_size, src, L"wcscpy_s");
}
template <std::size_t size>
errno_t strcpy_s(char (&dest)[size], const char* src) {
    return ::iisfake::win32::detail::copy_s(dest, size, src, L"strcpy_s");
}
template <std::size_t size>
errno_t wcscpy_s(wchar_t (&dest)[size], const wchar_t* src) {
    return ::iisfake::win32::detail::copy_s(dest, size, src, L"wcscpy_s");
}

inline errno_t strncpy_s(char* dest, std::size_t dest_size, const char* src, std::size_t count) {
    return ::iisfake::win32::detail::ncopy_s(dest, dest_size, src, count, L"strncpy_s");
}
inline errno_t wcsncpy_s(wchar_t* dest, std::size_t dest_size, const wchar_t* src,
                         std::size_t count) {
    return ::iisfake::win32::detail::ncopy_s(dest, dest_size, src, count, L"wcsncpy_s");
}
template <std::size_t size>
errno_t strncpy_s(char (&dest)[size], const char* src, std::size_t count) {
    return ::iisfake::win32::detail::ncopy_s(dest, size, src, count, L"strncpy_s");
}
template <std::size_t size>
errno_t wcsncpy_s(wchar_t (&dest)[size], const wchar_t* src, std::size_t count) {
    return ::iisfake::win32::detail::ncopy_s(dest, size, src, count, L"wcsncpy_s");
}

inline errno_t strcat_s(char* dest, rsize_t dest_size, const char* src) {
    return ::iisfake::win32::detail::cat_s(dest, dest_size, src, 0, false, L"strcat_s");
}
inline errno_t wcscat_s(wchar_t* dest, rsize_t dest_size, const wchar_t* src) {
    return ::iisfake::win32::detail::cat_s(dest, dest_size, src, 0, false, L"wcscat_s");
}
template <std::size_t size>
errno_t strcat_s(char (&dest)[size], const char* src) {
    return ::iisfake::win32::detail::cat_s(dest, size, src, 0, false, L"strcat_s");
}
template <std::size_t size>
errno_t wcscat_s(wchar_t (&dest)[size], const wchar_t* src) {
    return ::iisfake::win32::detail::cat_s(dest, size, src, 0, false, L"wcscat_s");
}

inline errno_t strncat_s(char* dest, rsize_t dest_size, const char* src, rsize_t count) {
    return ::iisfake::win32::detail::cat_s(dest, dest_size, src, count, true, L"strncat_s");
}
inline errno_t wcsncat_s(wchar_t* dest, rsize_t dest_size, const wchar_t* src, rsize_t count) {
    return ::iisfake::win32::detail::cat_s(dest, dest_size, src, count, true, L"wcsncat_s");
}
template <std::size_t size>
errno_t strncat_s(char (&dest)[size], const char* src, std::size_t count) {
    return ::iisfake::win32::detail::cat_s(dest, size, src, count, true, L"strncat_s");
}
template <std::size_t size>
errno_t wcsncat_s(wchar_t (&dest)[size], const wchar_t* src, std::size_t count) {
    return ::iisfake::win32::detail::cat_s(dest, size, src, count, true, L"wcsncat_s");
}

inline std::size_t strnlen_s(const char* str, std::size_t number_of_elements) {
    return str == nullptr ? 0 : ::iisfake::win32::detail::length_within(str, number_of_elements);
}
inline std::size_t wcsnlen_s(const wchar_t* str, std::size_t number_of_elements) {
    return str == nullptr ? 0 : ::iisfake::win32::detail::length_within(str, number_of_elements);
}

// ---- multibyte (UTF-8) <-> wide --------------------------------------------------------------
// count: wcstombs_s stores at most count bytes, mbstowcs_s at most count wide characters (NUL
// not included), or _TRUNCATE; *pReturnValue counts what was stored including the NUL.
inline errno_t wcstombs_s(std::size_t* pReturnValue, char* mbstr, std::size_t sizeInBytes,
                          const wchar_t* wcstr, std::size_t count) {
    namespace d = ::iisfake::win32::detail;
    if (pReturnValue) *pReturnValue = 0;
    if ((mbstr == nullptr && sizeInBytes > 0) || (mbstr != nullptr && sizeInBytes == 0))
        return d::invalid_parameter_errno(L"(mbstr != nullptr) == (sizeInBytes > 0)", L"wcstombs_s",
                                          EINVAL);
    if (mbstr != nullptr) mbstr[0] = '\0';
    if (wcstr == nullptr)
        return d::invalid_parameter_errno(L"wcstr != nullptr", L"wcstombs_s", EINVAL);
    if (mbstr == nullptr) {  // size query: the whole string
        std::size_t total = 0;
        for (const wchar_t* p = wcstr; *p != L'\0'; ++p) {
            if (!d::u8_valid_wide(*p)) {
                errno = EILSEQ;
                return EILSEQ;
            }
            std::string one;
            d::u8_append(one, static_cast<char32_t>(*p));
            total += one.size();
        }
        if (pReturnValue) *pReturnValue = total + 1;
        return 0;
    }
    const std::size_t limit = count == _TRUNCATE ? sizeInBytes - 1 : count;
    std::string out;
    bool truncated = false;
    for (const wchar_t* p = wcstr; *p != L'\0'; ++p) {
        if (!d::u8_valid_wide(*p)) {
            errno = EILSEQ;
            return EILSEQ;
        }
        std::string one;
        d::u8_append(one, static_cast<char32_t>(*p));
        if (out.size() + one.size() > limit) {
            truncated = true;
            break;
        }
        out += one;
    }
    if (out.size() + 1 > sizeInBytes)
        return d::invalid_parameter_errno(L"(\"Buffer is too small\", 0)", L"wcstombs_s", ERANGE);
    d::store_text(mbstr, out);
    if (pReturnValue) *pReturnValue = out.size() + 1;
    return count == _TRUNCATE && truncated ? STRUNCATE : 0;
}

template <std::size_t size>
errno_t wcstombs_s(std::size_t* pReturnValue, char (&mbstr)[size], const wchar_t* wcstr,
                   std::size_t count) {
    return wcstombs_s(pReturnValue, mbstr, size, wcstr, count);
}

inline errno_t mbstowcs_s(std::size_t* pReturnValue, wchar_t* wcstr, std::size_t sizeInWords,
                          const char* mbstr, std::size_t count) {
    namespace d = ::iisfake::win32::detail;
    if (pReturnValue) *pReturnValue = 0;
    if ((wcstr == nullptr && sizeInWords > 0) || (wcstr != nullptr && sizeInWords == 0))
        return d::invalid_parameter_errno(L"(wcstr != nullptr) == (sizeInWords > 0)", L"mbstowcs_s",
                                          EINVAL);
    if (wcstr != nullptr) wcstr[0] = L'\0';
    if (mbstr == nullptr)
        return d::invalid_parameter_errno(L"mbstr != nullptr", L"mbstowcs_s", EINVAL);
    bool invalid = false;
    const std::wstring all = d::u8_to_wide(mbstr, std::strlen(mbstr), &invalid);
    if (invalid) {
        errno = EILSEQ;
        return EILSEQ;
    }
    if (wcstr == nullptr) {
        if (pReturnValue) *pReturnValue = all.size() + 1;
        return 0;
    }
    const std::size_t limit = count == _TRUNCATE ? sizeInWords - 1 : count;
    const bool truncated = all.size() > limit;
    const std::wstring out = truncated ? all.substr(0, limit) : all;
    if (out.size() + 1 > sizeInWords)
        return d::invalid_parameter_errno(L"(\"Buffer is too small\", 0)", L"mbstowcs_s", ERANGE);
    d::store_text(wcstr, out);
    if (pReturnValue) *pReturnValue = out.size() + 1;
    return count == _TRUNCATE && truncated ? STRUNCATE : 0;
}

template <std::size_t size>
errno_t mbstowcs_s(std::size_t* pReturnValue, wchar_t (&wcstr)[size], const char* mbstr,
                   std::size_t count) {
    return mbstowcs_s(pReturnValue, wcstr, size, mbstr, count);
}

// ---- integers to text ------------------------------------------------------------------------
#define IISFAKE_WIN32_INT_TO_TEXT(name, Char, Type, mask)                                       \
    inline errno_t name##_s(Type value, Char* buffer, std::size_t size, int radix) {            \
        return ::iisfake::win32::detail::signed_to_text_s(value, buffer, size, radix, mask,     \
                                                          L## #name "_s");                      \
    }                                                                                           \
    template <std::size_t size>                                                                 \
    errno_t name##_s(Type value, Char(&buffer)[size], int radix) {                              \
        return ::iisfake::win32::detail::signed_to_text_s(value, buffer, size, radix, mask,     \
                                                          L## #name "_s");                      \
    }                                                                                           \
    inline Char* name(Type value, Char* buffer, int radix) {                                    \
        return ::iisfake::win32::detail::signed_to_text(value, buffer, radix, mask, L## #name); \
    }

// long and unsigned long are 32-bit on Windows: a DWORD passed to _ultoa_s prints as 32 bits.
IISFAKE_WIN32_INT_TO_TEXT(_itoa, char, int, 0xFFFFFFFFULL)
IISFAKE_WIN32_INT_TO_TEXT(_ltoa, char, long, 0xFFFFFFFFULL)
IISFAKE_WIN32_INT_TO_TEXT(_i64toa, char, long long, ~0ULL)
IISFAKE_WIN32_INT_TO_TEXT(_itow, wchar_t, int, 0xFFFFFFFFULL)
IISFAKE_WIN32_INT_TO_TEXT(_ltow, wchar_t, long, 0xFFFFFFFFULL)
IISFAKE_WIN32_INT_TO_TEXT(_i64tow, wchar_t, long long, ~0ULL)
#undef IISFAKE_WIN32_INT_TO_TEXT

#define IISFAKE_WIN32_UINT_TO_TEXT(name, Char, Type, mask)                                \
    inline errno_t name##_s(Type value, Char* buffer, std::size_t size, int radix) {      \
        return ::iisfake::win32::detail::integer_to_text_s(                               \
            ::iisfake::win32::detail::as_ull(value) & (mask), false, buffer, size, radix, \
            L## #name "_s");                                                              \
    }                                                                                     \
    template <std::size_t size>                                                           \
    errno_t name##_s(Type value, Char(&buffer)[size], int radix) {                        \
        return ::iisfake::win32::detail::integer_to_text_s(                               \
            ::iisfake::win32::detail::as_ull(value) & (mask), false, buffer, size, radix, \
            L## #name "_s");                                                              \
    }                                                                                     \
    inline Char* name(Type value, Char* buffer, int radix) {                              \
        ::iisfake::win32::detail::integer_to_text_s(                                      \
            ::iisfake::win32::detail::as_ull(value) & (mask), false, buffer, 72, radix,   \
            L## #name);                                                                   \
        return buffer;                                                                    \
    }

IISFAKE_WIN32_UINT_TO_TEXT(_ultoa, char, unsigned long, 0xFFFFFFFFULL)
IISFAKE_WIN32_UINT_TO_TEXT(_ui64toa, char, unsigned long long, ~0ULL)
IISFAKE_WIN32_UINT_TO_TEXT(_ultow, wchar_t, unsigned long, 0xFFFFFFFFULL)
IISFAKE_WIN32_UINT_TO_TEXT(_ui64tow, wchar_t, unsigned long long, ~0ULL)
#undef IISFAKE_WIN32_UINT_TO_TEXT

// The old names MSVC still accepts.
inline char* itoa(int value, char* buffer, int radix) { return _itoa(value, buffer, radix); }
inline char* ltoa(long value, char* buffer, int radix) { return _ltoa(value, buffer, radix); }
inline char* ultoa(unsigned long value, char* buffer, int radix) {
    return _ultoa(value, buffer, radix);
}

// ---- text to integers ------------------------------------------------------------------------
inline long long _atoi64(const char* str) {
    if (str == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr", L"_atoi64", EINVAL);
        return 0;
    }
    return std::strtoll(str, nullptr, 10);
}
inline long long _wtoi64(const wchar_t* str) {
    if (str == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr", L"_wtoi64", EINVAL);
        return 0;
    }
    return std::wcstoll(str, nullptr, 10);
}
inline int _wtoi(const wchar_t* str) {
    if (str == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr", L"_wtoi", EINVAL);
        return 0;
    }
    return static_cast<int>(
        ::iisfake::win32::detail::clamp_to_int32(std::wcstoll(str, nullptr, 10)));
}
inline long _wtol(const wchar_t* str) {
    if (str == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr", L"_wtol", EINVAL);
        return 0;
    }
    return static_cast<long>(
        ::iisfake::win32::detail::clamp_to_int32(std::wcstoll(str, nullptr, 10)));
}
inline long long _strtoi64(const char* str, char** endptr, int base) {
    if (str == nullptr || base == 1 || base < 0 || base > 36) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr && base valid",
                                                          L"_strtoi64", EINVAL);
        return 0;
    }
    return std::strtoll(str, endptr, base);
}
inline unsigned long long _strtoui64(const char* str, char** endptr, int base) {
    if (str == nullptr || base == 1 || base < 0 || base > 36) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr && base valid",
                                                          L"_strtoui64", EINVAL);
        return 0;
    }
    return std::strtoull(str, endptr, base);
}
inline long long _wcstoi64(const wchar_t* str, wchar_t** endptr, int base) {
    if (str == nullptr || base == 1 || base < 0 || base > 36) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr && base valid",
                                                          L"_wcstoi64", EINVAL);
        return 0;
    }
    return std::wcstoll(str, endptr, base);
}
inline unsigned long long _wcstoui64(const wchar_t* str, wchar_t** endptr, int base) {
    if (str == nullptr || base == 1 || base < 0 || base > 36) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"str != nullptr && base valid",
                                                          L"_wcstoui64", EINVAL);
        return 0;
    }
    return std::wcstoull(str, endptr, base);
}

// ---- comparison without case (ASCII letters, as the "C" locale) ------------------------------
inline int _stricmp(const char* string1, const char* string2) {
    return ::iisfake::win32::detail::compare_no_case(string1, string2, static_cast<std::size_t>(-1),
                                                     L"_stricmp");
}
inline int _strnicmp(const char* string1, const char* string2, std::size_t count) {
    return ::iisfake::win32::detail::compare_no_case(string1, string2, count, L"_strnicmp");
}
inline int _wcsicmp(const wchar_t* string1, const wchar_t* string2) {
    return ::iisfake::win32::detail::compare_no_case(string1, string2, static_cast<std::size_t>(-1),
                                                     L"_wcsicmp");
}
inline int _wcsnicmp(const wchar_t* string1, const wchar_t* string2, std::size_t count) {
    return ::iisfake::win32::detail::compare_no_case(string1, string2, count, L"_wcsnicmp");
}
inline int stricmp(const char* string1, const char* string2) { return _stricmp(string1, string2); }
inline int strnicmp(const char* string1, const char* string2, std::size_t count) {
    return _strnicmp(string1, string2, count);
}
inline int _strcmpi(const char* string1, const char* string2) { return _stricmp(string1, string2); }
inline int wcsicmp(const wchar_t* string1, const wchar_t* string2) {
    return _wcsicmp(string1, string2);
}

// ---- duplicate, change case, tokenize -------------------------------------------------------
// Freed with free(), as on Windows.
inline char* _strdup(const char* str) {
    if (str == nullptr) return nullptr;
    const std::size_t n = std::strlen(str) + 1;
    char* copy = static_cast<char*>(std::malloc(n));
    if (copy != nullptr) std::memcpy(copy, str, n);
    return copy;
}
inline wchar_t* _wcsdup(const wchar_t* str) {
    if (str == nullptr) return nullptr;
    const std::size_t n = std::wcslen(str) + 1;
    wchar_t* copy = static_cast<wchar_t*>(std::malloc(n * sizeof(wchar_t)));
    if (copy != nullptr) std::memcpy(copy, str, n * sizeof(wchar_t));
    return copy;
}

inline errno_t _strlwr_s(char* str, std::size_t numberOfElements) {
    return ::iisfake::win32::detail::change_case_s(str, numberOfElements, false, L"_strlwr_s");
}
inline errno_t _strupr_s(char* str, std::size_t numberOfElements) {
    return ::iisfake::win32::detail::change_case_s(str, numberOfElements, true, L"_strupr_s");
}
inline errno_t _wcslwr_s(wchar_t* str, std::size_t numberOfElements) {
    return ::iisfake::win32::detail::change_case_s(str, numberOfElements, false, L"_wcslwr_s");
}
inline errno_t _wcsupr_s(wchar_t* str, std::size_t numberOfElements) {
    return ::iisfake::win32::detail::change_case_s(str, numberOfElements, true, L"_wcsupr_s");
}
template <std::size_t size>
errno_t _strlwr_s(char (&str)[size]) {
    return _strlwr_s(str, size);
}
template <std::size_t size>
errno_t _strupr_s(char (&str)[size]) {
    return _strupr_s(str, size);
}
template <std::size_t size>
errno_t _wcslwr_s(wchar_t (&str)[size]) {
    return _wcslwr_s(str, size);
}
template <std::size_t size>
errno_t _wcsupr_s(wchar_t (&str)[size]) {
    return _wcsupr_s(str, size);
}
inline char* _strlwr(char* str) {
    if (str != nullptr) _strlwr_s(str, std::strlen(str) + 1);
    return str;
}
inline char* _strupr(char* str) {
    if (str != nullptr) _strupr_s(str, std::strlen(str) + 1);
    return str;
}
inline wchar_t* _wcslwr(wchar_t* str) {
    if (str != nullptr) _wcslwr_s(str, std::wcslen(str) + 1);
    return str;
}
inline wchar_t* _wcsupr(wchar_t* str) {
    if (str != nullptr) _wcsupr_s(str, std::wcslen(str) + 1);
    return str;
}

inline char* strtok_s(char* strToken, const char* strDelimit, char** context) {
    return ::iisfake::win32::detail::tokenize_s(strToken, strDelimit, context, L"strtok_s");
}
inline wchar_t* wcstok_s(wchar_t* strToken, const wchar_t* strDelimit, wchar_t** context) {
    return ::iisfake::win32::detail::tokenize_s(strToken, strDelimit, context, L"wcstok_s");
}

// ---- memory ---------------------------------------------------------------------------------
inline errno_t memcpy_s(void* dest, rsize_t destSize, const void* src, rsize_t count) {
    namespace d = ::iisfake::win32::detail;
    if (count == 0) return 0;
    if (dest == nullptr) return d::invalid_parameter_errno(L"dest != nullptr", L"memcpy_s", EINVAL);
    if (src == nullptr) {
        std::memset(dest, 0, destSize);
        return d::invalid_parameter_errno(L"src != nullptr", L"memcpy_s", EINVAL);
    }
    if (destSize < count) {
        std::memset(dest, 0, destSize);
        return d::invalid_parameter_errno(L"destSize >= count", L"memcpy_s", ERANGE);
    }
    std::memmove(dest, src, count);
    return 0;
}
inline errno_t memmove_s(void* dest, rsize_t destSize, const void* src, rsize_t count) {
    namespace d = ::iisfake::win32::detail;
    if (count == 0) return 0;
    if (dest == nullptr || src == nullptr)
        return d::invalid_parameter_errno(L"dest != nullptr && src != nullptr", L"memmove_s",
                                          EINVAL);
    if (destSize < count)
        return d::invalid_parameter_errno(L"destSize >= count", L"memmove_s", ERANGE);
    std::memmove(dest, src, count);
    return 0;
}
inline errno_t wmemcpy_s(wchar_t* dest, rsize_t destSize, const wchar_t* src, rsize_t count) {
    namespace d = ::iisfake::win32::detail;
    if (count == 0) return 0;
    if (dest == nullptr)
        return d::invalid_parameter_errno(L"dest != nullptr", L"wmemcpy_s", EINVAL);
    if (src == nullptr) {
        std::memset(dest, 0, destSize * sizeof(wchar_t));
        return d::invalid_parameter_errno(L"src != nullptr", L"wmemcpy_s", EINVAL);
    }
    if (destSize < count) {
        std::memset(dest, 0, destSize * sizeof(wchar_t));
        return d::invalid_parameter_errno(L"destSize >= count", L"wmemcpy_s", ERANGE);
    }
    std::memmove(dest, src, count * sizeof(wchar_t));
    return 0;
}
inline errno_t wmemmove_s(wchar_t* dest, rsize_t destSize, const wchar_t* src, rsize_t count) {
    namespace d = ::iisfake::win32::detail;
    if (count == 0) return 0;
    if (dest == nullptr || src == nullptr)
        return d::invalid_parameter_errno(L"dest != nullptr && src != nullptr", L"wmemmove_s",
                                          EINVAL);
    if (destSize < count)
        return d::invalid_parameter_errno(L"destSize >= count", L"wmemmove_s", ERANGE);
    std::memmove(dest, src, count * sizeof(wchar_t));
    return 0;
}

// As <windows.h> (winnt.h) defines them. The length may be any integer type.
#ifndef RtlZeroMemory
#define RtlEqualMemory(Destination, Source, Length) \
    (::iisfake::win32::detail::equal_memory((Destination), (Source), (Length)))
#define RtlMoveMemory(Destination, Source, Length) \
    (::iisfake::win32::detail::copy_memory((Destination), (Source), (Length)))
#define RtlCopyMemory(Destination, Source, Length) \
    (::iisfake::win32::detail::copy_memory((Destination), (Source), (Length)))
#define RtlFillMemory(Destination, Length, Fill) \
    (::iisfake::win32::detail::fill_memory((Destination), (Length), (Fill)))
#define RtlZeroMemory(Destination, Length) \
    (::iisfake::win32::detail::fill_memory((Destination), (Length), 0))
#define RtlSecureZeroMemory(Destination, Length) \
    (::iisfake::win32::detail::secure_zero_memory((Destination), (Length)))
#define EqualMemory RtlEqualMemory
#define MoveMemory RtlMoveMemory
#define CopyMemory RtlCopyMemory
#define FillMemory RtlFillMemory
#define ZeroMemory RtlZeroMemory
#define SecureZeroMemory RtlSecureZeroMemory
#endif

// ---- files ----------------------------------------------------------------------------------
inline errno_t fopen_s(std::FILE** pFile, const char* filename, const char* mode) {
    return ::iisfake::win32::detail::open_file(pFile, filename, mode, L"fopen_s");
}
inline errno_t _wfopen_s(std::FILE** pFile, const wchar_t* filename, const wchar_t* mode) {
    if (pFile == nullptr || filename == nullptr || mode == nullptr)
        return ::iisfake::win32::detail::open_file(pFile, nullptr, nullptr, L"_wfopen_s");
    const std::string name = ::iisfake::win32::detail::u8_from_wide(filename);
    const std::string narrow_mode = ::iisfake::win32::detail::u8_from_wide(mode);
    return ::iisfake::win32::detail::open_file(pFile, name.c_str(), narrow_mode.c_str(),
                                               L"_wfopen_s");
}
inline std::FILE* _wfopen(const wchar_t* filename, const wchar_t* mode) {
    std::FILE* file = nullptr;
    _wfopen_s(&file, filename, mode);
    return file;
}
// The sharing flag has no POSIX meaning and is ignored.
inline std::FILE* _fsopen(const char* filename, const char* mode, int shflag) {
    static_cast<void>(shflag);
    std::FILE* file = nullptr;
    ::iisfake::win32::detail::open_file(&file, filename, mode, L"_fsopen");
    return file;
}
inline std::FILE* _wfsopen(const wchar_t* filename, const wchar_t* mode, int shflag) {
    std::FILE* file = nullptr;
    _wfopen_s(&file, filename, mode);
    static_cast<void>(shflag);
    return file;
}

inline int _fileno(std::FILE* stream) {
    if (stream == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"stream != nullptr", L"_fileno", EINVAL);
        return -1;
    }
    return ::fileno(stream);
}

// ---- time -----------------------------------------------------------------------------------
inline errno_t gmtime_s(std::tm* tmDest, const std::time_t* sourceTime) {
    if (sourceTime == nullptr) {
        if (tmDest != nullptr) std::memset(tmDest, 0xff, sizeof *tmDest);
        return ::iisfake::win32::detail::invalid_parameter_errno(L"sourceTime != nullptr",
                                                                 L"gmtime_s", EINVAL);
    }
    return ::iisfake::win32::detail::fill_tm(tmDest, static_cast<long long>(*sourceTime), 0,
                                             L"gmtime_s")
               ? 0
               : EINVAL;
}
inline errno_t localtime_s(std::tm* tmDest, const std::time_t* sourceTime) {
    if (sourceTime == nullptr) {
        if (tmDest != nullptr) std::memset(tmDest, 0xff, sizeof *tmDest);
        return ::iisfake::win32::detail::invalid_parameter_errno(L"sourceTime != nullptr",
                                                                 L"localtime_s", EINVAL);
    }
    const long long offset =
        static_cast<long long>(::iisfake::win32::clock().utc_offset().count()) * 60;
    return ::iisfake::win32::detail::fill_tm(tmDest, static_cast<long long>(*sourceTime), offset,
                                             L"localtime_s")
               ? 0
               : EINVAL;
}
inline errno_t _gmtime64_s(std::tm* tmDest, const __time64_t* sourceTime) {
    if (sourceTime == nullptr) {
        if (tmDest != nullptr) std::memset(tmDest, 0xff, sizeof *tmDest);
        return ::iisfake::win32::detail::invalid_parameter_errno(L"sourceTime != nullptr",
                                                                 L"_gmtime64_s", EINVAL);
    }
    return ::iisfake::win32::detail::fill_tm(tmDest, static_cast<long long>(*sourceTime), 0,
                                             L"_gmtime64_s")
               ? 0
               : EINVAL;
}
inline errno_t _localtime64_s(std::tm* tmDest, const __time64_t* sourceTime) {
    if (sourceTime == nullptr) {
        if (tmDest != nullptr) std::memset(tmDest, 0xff, sizeof *tmDest);
        return ::iisfake::win32::detail::invalid_parameter_errno(L"sourceTime != nullptr",
                                                                 L"_localtime64_s", EINVAL);
    }
    const long long offset =
        static_cast<long long>(::iisfake::win32::clock().utc_offset().count()) * 60;
    return ::iisfake::win32::detail::fill_tm(tmDest, static_cast<long long>(*sourceTime), offset,
                                             L"_localtime64_s")
               ? 0
               : EINVAL;
}
inline __time64_t _time64(__time64_t* destTime) {
    const __time64_t now = static_cast<__time64_t>(std::time(nullptr));
    if (destTime != nullptr) *destTime = now;
    return now;
}
inline std::time_t _mkgmtime(std::tm* timeptr) {
    if (timeptr == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"timeptr != nullptr", L"_mkgmtime",
                                                          EINVAL);
        return static_cast<std::time_t>(-1);
    }
    return timegm(timeptr);
}
inline __time64_t _mkgmtime64(std::tm* timeptr) {
    return static_cast<__time64_t>(_mkgmtime(timeptr));
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/crt.hpp -----
// ----- begin iisfake/win32/code_pages.hpp -----
#ifndef IISFAKE_WIN32_CODE_PAGES_HPP_INCLUDED
#define IISFAKE_WIN32_CODE_PAGES_HPP_INCLUDED

// Code-page conversion and the lstr*/wsprintf/FormatMessage string functions of <windows.h> off
// Windows (T-19). Decisions:
// - CP_ACP, CP_OEMCP, CP_MACCP and CP_THREAD_ACP are UTF-8 here (as on a Windows machine set to
//   "Beta: use Unicode UTF-8"), with no knob: module tests must not depend on the host's locale.
//   CP_UTF7 and numbered code pages (1252, 932...) are not supported: ERROR_INVALID_PARAMETER.
// - wchar_t is 32-bit: a character outside the BMP is one wchar_t (no surrogate pairs); a wchar_t
//   that is a surrogate or above U+10FFFF is invalid input, like a lone surrogate on Windows.
// - Invalid input becomes U+FFFD, or fails with ERROR_NO_UNICODE_TRANSLATION under
//   MB_ERR_INVALID_CHARS / WC_ERR_INVALID_CHARS.
// - lstrcmp/lstrcmpi/CompareStringOrdinal(bIgnoreCase) fold ASCII letters only; lstrcmp orders
//   as a word sort does for ASCII ("a" < "B", then lowercase before uppercase).
// - FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM) knows the common Win32 codes and COM HRESULTs and
//   answers a generic text for the others; line wrapping widths other than 0 and
//   FORMAT_MESSAGE_MAX_WIDTH_MASK are ignored. Its allocated buffer is freed with LocalFree.


#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <cwchar>
#include <string>


#define CP_ACP 0
#define CP_OEMCP 1
#define CP_MACCP 2
#define CP_THREAD_ACP 3
#define CP_SYMBOL 42
#define CP_UTF7 65000
#define CP_UTF8 65001

#define MB_PRECOMPOSED 0x00000001
#define MB_COMPOSITE 0x00000002
#define MB_USEGLYPHCHARS 0x00000004
#define MB_ERR_INVALID_CHARS 0x00000008

#define WC_DISCARDNS 0x00000010
#define WC_SEPCHARS 0x00000020
#define WC_DEFAULTCHAR 0x00000040
#define WC_ERR_INVALID_CHARS 0x00000080
#define WC_COMPOSITECHECK 0x00000200
#define WC_NO_BEST_FIT_CHARS 0x00000400

#define CSTR_LESS_THAN 1
#define CSTR_EQUAL 2
#define CSTR_GREATER_THAN 3

#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x00000100
#define FORMAT_MESSAGE_IGNORE_INSERTS 0x00000200
#define FORMAT_MESSAGE_FROM_STRING 0x00000400
#define FORMAT_MESSAGE_FROM_HMODULE 0x00000800
#define FORMAT_MESSAGE_FROM_SYSTEM 0x00001000
#define FORMAT_MESSAGE_ARGUMENT_ARRAY 0x00002000
#define FORMAT_MESSAGE_MAX_WIDTH_MASK 0x000000FF

#ifndef ERROR_INVALID_FLAGS
#define ERROR_INVALID_FLAGS 1004
#endif
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION 1113
#endif
#ifndef ERROR_MR_MID_NOT_FOUND
#define ERROR_MR_MID_NOT_FOUND 317
#endif
#ifndef ERROR_RESOURCE_TYPE_NOT_FOUND
#define ERROR_RESOURCE_TYPE_NOT_FOUND 1813
#endif

#ifndef MAKELANGID
#define MAKELANGID(p, s) \
    static_cast<WORD>((static_cast<unsigned>(s) << 10) | static_cast<unsigned>(p))
#define PRIMARYLANGID(lgid) static_cast<WORD>(static_cast<unsigned>(lgid) & 0x3ffu)
#define SUBLANGID(lgid) static_cast<WORD>(static_cast<unsigned>(lgid) >> 10)
#endif
#ifndef LANG_NEUTRAL
#define LANG_NEUTRAL 0x00
#define LANG_INVARIANT 0x7f
#define LANG_ENGLISH 0x09
#define SUBLANG_NEUTRAL 0x00
#define SUBLANG_DEFAULT 0x01
#define SUBLANG_SYS_DEFAULT 0x02
#define SUBLANG_ENGLISH_US 0x01
#endif

typedef const char* LPCCH;
typedef const wchar_t* LPCWCH;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline bool utf8_code_page(UINT code_page) {
    return code_page == CP_ACP || code_page == CP_OEMCP || code_page == CP_MACCP ||
           code_page == CP_THREAD_ACP || code_page == CP_UTF8;
}

template <class Char>
int copy_out(const std::basic_string<Char>& text, Char* out, int size) {
    if (size == 0) return static_cast<int>(text.size());
    if (text.size() > static_cast<std::size_t>(size)) {
        text.copy(out, static_cast<std::size_t>(size));  // Windows leaves the part that fitted
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    text.copy(out, text.size());
    return static_cast<int>(text.size());
}

template <class Char>
std::size_t text_length(const Char* s) {
    std::size_t n = 0;
    while (s[n] != Char('\0')) ++n;
    return n;
}

inline long long fold_ascii(long long c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
inline long long char_value(char c) { return static_cast<unsigned char>(c); }
inline long long char_value(wchar_t c) { return static_cast<long long>(c); }

// lstrcmp's order for the ASCII range: letters compare without case first, then lowercase first.
template <class Char>
int compare_strings(const Char* a, const Char* b, bool ignore_case) {
    if (a == nullptr)
        a = sizeof(Char) == 1 ? reinterpret_cast<const Char*>("")
                              : reinterpret_cast<const Char*>(L"");
    if (b == nullptr)
        b = sizeof(Char) == 1 ? reinterpret_cast<const Char*>("")
                              : reinterpret_cast<const Char*>(L"");
    int tie = 0;
    for (std::size_t i = 0;; ++i) {
        const long long ca = char_value(a[i]), cb = char_value(b[i]);
        const long long fa = fold_ascii(ca), fb = fold_ascii(cb);
        if (fa != fb) return fa < fb ? -1 : 1;
        if (tie == 0 && ca != cb) tie = ca > cb ? -1 : 1;  // 'a' (0x61) sorts before 'A' (0x41)
        if (ca == 0) break;
    }
    return ignore_case ? 0 : tie;
}

struct SystemMessage {
    DWORD code;
    const char* text;
};

inline const char* system_message(DWORD code) {
    static const SystemMessage table[] = {
        {0, "The operation completed successfully."},
        {1, "Incorrect function."},
        {2, "The system cannot find the file specified."},
        {3, "The system cannot find the path specified."},
        {5, "Access is denied."},
        {6, "The handle is invalid."},
        {8, "Not enough memory resources are available to process this command."},
        {13, "The data is invalid."},
        {14, "Not enough memory resources are available to complete this operation."},
        {32, "The process cannot access the file because it is being used by another process."},
        {38, "Reached the end of the file."},
        {50, "The request is not supported."},
        {64, "The specified network name is no longer available."},
        {80, "The file exists."},
        {87, "The parameter is incorrect."},
        {109, "The pipe has been ended."},
        {111, "The file name is too long."},
        {122, "The data area passed to a system call is too small."},
        {183, "Cannot create a file when that file already exists."},
        {232, "The pipe is being closed."},
        {234, "More data is available."},
        {258, "The wait operation timed out."},
        {259, "No more data is available."},
        {534, "Arithmetic result exceeded 32 bits."},
        {995,
         "The I/O operation has been aborted because of either a thread exit or an "
         "application request."},
        {996, "Overlapped I/O event is not in a signaled state."},
        {997, "Overlapped I/O operation is in progress."},
        {1004, "Invalid flags."},
        {1113, "No mapping for the Unicode character exists in the target multi-byte code page."},
        {1168, "Element not found."},
        {1223, "The operation was canceled by the user."},
        {1229, "An operation was attempted on a nonexistent network connection."},
        {1236, "The network connection was aborted by the local system."},
        {1460, "This operation returned because the timeout period expired."},
        {0x80004001u, "Not implemented"},
        {0x80004002u, "No such interface supported"},
        {0x80004003u, "Invalid pointer"},
        {0x80004004u, "Operation aborted"},
        {0x80004005u, "Unspecified error"},
        {0x8000FFFFu, "Catastrophic failure"},
    };
    DWORD key = code;
    if ((code & 0xFFFF0000u) == 0x80070000u) key = code & 0xFFFFu;  // HRESULT_FROM_WIN32
    for (const SystemMessage& entry : table)
        if (entry.code == key) return entry.text;
    return nullptr;
}

template <class Char>
std::basic_string<Char> from_utf8(const std::string& s, Char*) {
    return std::basic_string<Char>(s.begin(), s.end());
}
inline std::wstring from_utf8(const std::string& s, wchar_t*) {
    return u8_to_wide(s.data(), s.size());
}

inline std::string insert_text(const char* s) { return s ? s : "(null)"; }
inline std::string insert_text(const wchar_t* s) { return s ? u8_from_wide(s) : "(null)"; }

// One FormatMessage insert: the argument as a pointer-sized slot, printed by its !printf!.
template <class Char>
std::basic_string<Char> format_insert(std::uintptr_t slot, const std::string& printf_spec) {
    std::basic_string<Char> out;
    const char conversion = printf_spec.empty() ? 's' : printf_spec.back();
    std::string spec = "%" + printf_spec;
    if (conversion == 's' || conversion == 'S') {
        const bool wide = (conversion == 's') == (sizeof(Char) != 1) &&
                          printf_spec.find('h') == std::string::npos;
        const std::string text = wide || printf_spec.find('l') != std::string::npos
                                     ? insert_text(reinterpret_cast<const wchar_t*>(slot))
                                     : insert_text(reinterpret_cast<const char*>(slot));
        return from_utf8(text, static_cast<Char*>(nullptr));
    }
    std::string body = printf_spec;
    body.pop_back();  // the conversion (a spec of modifiers only, "ll", leaves nothing)
    for (const char* modifier : {"I64", "I32", "ll", "l", "h", "I", "w"}) {
        std::size_t at;
        while ((at = body.find(modifier)) != std::string::npos)
            body.erase(at, std::strlen(modifier));
    }
    // Only flags, width and precision reach the C library: another % or conversion in the
    // insert's !spec! ("%1!s%sd!") would make snprintf read arguments it was never given.
    if (body.find_first_not_of("-+ #0123456789.") != std::string::npos) body.clear();
    const bool wide_value = printf_spec.find("I64") != std::string::npos ||
                            printf_spec.find("ll") != std::string::npos ||
                            printf_spec.find('I') != std::string::npos;
    std::string text;
    if (conversion == 'd' || conversion == 'i') {
        const long long value = wide_value
                                    ? static_cast<long long>(static_cast<std::intptr_t>(slot))
                                    : static_cast<std::int32_t>(slot & 0xFFFFFFFFu);
        text = format_one("%" + body + "lld", value);
    } else if (conversion == 'u' || conversion == 'x' || conversion == 'X' || conversion == 'o') {
        const unsigned long long value = wide_value ? slot : (slot & 0xFFFFFFFFu);
        text = format_one("%" + body + "ll" + conversion, value);
    } else if (conversion == 'c' || conversion == 'C') {
        const wchar_t c = static_cast<wchar_t>(slot & 0x1FFFFFu);
        text = u8_from_wide(&c, 1);
    } else {
        text = format_one("%" + body + "llX", static_cast<unsigned long long>(slot));
    }
    return from_utf8(text, static_cast<Char*>(nullptr));
}

// Expands a message: %1..%99 (with !printf!), %n, %%, %0, %space, %., %!; regular line breaks
// dropped under FORMAT_MESSAGE_MAX_WIDTH_MASK. False when an insert has no argument.
template <class Char>
bool expand_message(const Char* text, DWORD flags, va_list* arguments,
                    std::basic_string<Char>& out) {
    const bool ignore_inserts = (flags & FORMAT_MESSAGE_IGNORE_INSERTS) != 0;
    const bool array = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) != 0;
    const bool no_breaks = (flags & FORMAT_MESSAGE_MAX_WIDTH_MASK) == FORMAT_MESSAGE_MAX_WIDTH_MASK;
    std::uintptr_t read[100] = {};
    int read_count = 0;
    va_list ap;
    if (arguments != nullptr && !array) va_copy(ap, *arguments);
    bool ok = true;
    for (const Char* p = text; *p != Char('\0');) {
        if (*p == Char('\r') || *p == Char('\n')) {
            if (*p == Char('\r') && p[1] == Char('\n')) ++p;
            ++p;
            if (!no_breaks) {
                out += Char('\r');
                out += Char('\n');
            } else if (*p != Char('\0')) {
                out += Char(' ');
            }
            continue;
        }
        if (*p != Char('%')) {
            out += *p++;
            continue;
        }
        const Char* start = p++;
        if (*p >= Char('1') && *p <= Char('9')) {
            int number = static_cast<int>(*p++ - Char('0'));
            if (*p >= Char('0') && *p <= Char('9'))
                number = number * 10 + static_cast<int>(*p++ - Char('0'));
            std::string spec;
            const Char* after = p;
            if (*p == Char('!')) {
                const Char* q = p + 1;
                while (*q != Char('\0') && *q != Char('!')) spec += static_cast<char>(*q++);
                if (*q == Char('!'))
                    after = q + 1;
                else
                    spec.clear();
            }
            if (ignore_inserts) {
                out.append(start, after);
                p = after;
                continue;
            }
            p = after;
            if (arguments == nullptr) {
                ok = false;
                break;
            }
            std::uintptr_t slot = 0;
            if (array) {
                slot = reinterpret_cast<const std::uintptr_t*>(arguments)[number - 1];
            } else {
                while (read_count < number) read[read_count++] = va_arg(ap, std::uintptr_t);
                slot = read[number - 1];
            }
            if (spec.find('*') != std::string::npos)
                spec.clear();  // widths from arguments: not supported
            out += format_insert<Char>(slot, spec.empty() ? "s" : spec);
            continue;
        }
        if (ignore_inserts) {
            out += Char('%');
            continue;
        }
        switch (static_cast<char32_t>(*p)) {
            case U'n':
                out += Char('\r');
                out += Char('\n');
                ++p;
                break;
            case U'0':
                if (arguments != nullptr && !array) va_end(ap);
                return ok;
            case U'%':
            case U' ':
            case U'.':
            case U'!':
                out += *p++;
                break;
            case U'\0':
                break;
            default:
                out += *p++;
                break;
        }
    }
    if (arguments != nullptr && !array) va_end(ap);
    return ok;
}

template <class Char>
DWORD format_message(DWORD flags, LPCVOID source, DWORD message_id, Char* buffer, DWORD size,
                     va_list* arguments) {
    std::basic_string<Char> pattern;
    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        if (source == nullptr) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return 0;
        }
        pattern = static_cast<const Char*>(source);
    } else if (flags & FORMAT_MESSAGE_FROM_SYSTEM) {
        const char* known = system_message(message_id);
        std::string text;
        if (known != nullptr) {
            text = known;
        } else {
            char generic[64];
            std::snprintf(generic, sizeof generic, "Unknown error 0x%08X.", message_id);
            text = generic;
        }
        pattern = from_utf8(text + "\r\n", static_cast<Char*>(nullptr));
    } else if (flags & FORMAT_MESSAGE_FROM_HMODULE) {
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);  // no message tables here
        return 0;
    } else {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (buffer == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    std::basic_string<Char> out;
    if (!expand_message(pattern.c_str(), flags, arguments, out)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        const std::size_t chars = out.size() + 1 > size ? out.size() + 1 : size;
        Char* block = static_cast<Char*>(LocalAlloc(LMEM_FIXED, chars * sizeof(Char)));
        if (block == nullptr) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return 0;
        }
        store_text(block, out);
        *reinterpret_cast<Char**>(buffer) = block;
        return static_cast<DWORD>(out.size());
    }
    if (out.size() + 1 > size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    store_text(buffer, out);
    return static_cast<DWORD>(out.size());
}

// wsprintf: at most 1024 characters including the NUL.
template <class Char>
int wsprintf_core(Char* buffer, const Char* format, va_list args, const wchar_t* function) {
    if (buffer == nullptr || format == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    std::basic_string<Char> text;
    format_msvc(text, format, args, function, true);
    if (text.size() > 1023) text.resize(1023);
    store_text(buffer, text);
    return static_cast<int>(text.size());
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- code-page conversion ---------------------------------------------------------------------
inline int WINAPI MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCCH lpMultiByteStr,
                                      int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar) {
    namespace d = ::iisfake::win32::detail;
    if (!d::utf8_code_page(CodePage) || lpMultiByteStr == nullptr || cbMultiByte == 0 ||
        cbMultiByte < -1 || cchWideChar < 0 || (cchWideChar > 0 && lpWideCharStr == nullptr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    const DWORD allowed =
        CodePage == CP_UTF8
            ? DWORD{MB_ERR_INVALID_CHARS}
            : DWORD{MB_ERR_INVALID_CHARS | MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS};
    if ((dwFlags & ~allowed) != 0) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    const std::size_t length =
        cbMultiByte == -1 ? std::strlen(lpMultiByteStr) + 1 : static_cast<std::size_t>(cbMultiByte);
    bool invalid = false;
    const std::wstring wide = d::u8_to_wide(lpMultiByteStr, length, &invalid);
    if (invalid && (dwFlags & MB_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_NO_UNICODE_TRANSLATION);
        return 0;
    }
    return d::copy_out(wide, lpWideCharStr, cchWideChar);
}

inline int WINAPI WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWCH lpWideCharStr,
                                      int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte,
                                      LPCCH lpDefaultChar, LPBOOL lpUsedDefaultChar) {
    namespace d = ::iisfake::win32::detail;
    if (!d::utf8_code_page(CodePage) || lpWideCharStr == nullptr || cchWideChar == 0 ||
        cchWideChar < -1 || cbMultiByte < 0 || (cbMultiByte > 0 && lpMultiByteStr == nullptr) ||
        (CodePage == CP_UTF8 && (lpDefaultChar != nullptr || lpUsedDefaultChar != nullptr))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    const DWORD allowed = CodePage == CP_UTF8
                              ? DWORD{WC_ERR_INVALID_CHARS}
                              : DWORD{WC_ERR_INVALID_CHARS | WC_COMPOSITECHECK | WC_DEFAULTCHAR |
                                      WC_DISCARDNS | WC_SEPCHARS | WC_NO_BEST_FIT_CHARS};
    if ((dwFlags & ~allowed) != 0) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    const std::size_t length =
        cchWideChar == -1 ? std::wcslen(lpWideCharStr) + 1 : static_cast<std::size_t>(cchWideChar);
    bool invalid = false;
    const std::string narrow = d::u8_from_wide(lpWideCharStr, length, &invalid);
    if (invalid && (dwFlags & WC_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_NO_UNICODE_TRANSLATION);
        return 0;
    }
    if (lpUsedDefaultChar != nullptr) *lpUsedDefaultChar = FALSE;  // UTF-8 maps everything
    return d::copy_out(narrow, lpMultiByteStr, cbMultiByte);
}

// ---- lstr* ------------------------------------------------------------------------------------
inline int WINAPI lstrlenA(LPCSTR lpString) {
    return lpString ? static_cast<int>(std::strlen(lpString)) : 0;
}
inline int WINAPI lstrlenW(LPCWSTR lpString) {
    return lpString ? static_cast<int>(std::wcslen(lpString)) : 0;
}
inline LPSTR WINAPI lstrcpyA(LPSTR lpString1, LPCSTR lpString2) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    std::memmove(lpString1, lpString2, std::strlen(lpString2) + 1);
    return lpString1;
}
inline LPWSTR WINAPI lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    std::memmove(lpString1, lpString2, (std::wcslen(lpString2) + 1) * sizeof(wchar_t));
    return lpString1;
}
// Copies at most iMaxLength - 1 characters and always terminates.
inline LPSTR WINAPI lstrcpynA(LPSTR lpString1, LPCSTR lpString2, int iMaxLength) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    if (iMaxLength <= 0) return lpString1;
    std::size_t n = 0;
    while (n + 1 < static_cast<std::size_t>(iMaxLength) && lpString2[n] != '\0') ++n;
    std::memmove(lpString1, lpString2, n);
    lpString1[n] = '\0';
    return lpString1;
}
inline LPWSTR WINAPI lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    if (iMaxLength <= 0) return lpString1;
    std::size_t n = 0;
    while (n + 1 < static_cast<std::size_t>(iMaxLength) && lpString2[n] != L'\0') ++n;
    std::memmove(lpString1, lpString2, n * sizeof(wchar_t));
    lpString1[n] = L'\0';
    return lpString1;
}
inline LPSTR WINAPI lstrcatA(LPSTR lpString1, LPCSTR lpString2) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    std::memmove(lpString1 + std::strlen(lpString1), lpString2, std::strlen(lpString2) + 1);
    return lpString1;
}
inline LPWSTR WINAPI lstrcatW(LPWSTR lpString1, LPCWSTR lpString2) {
    if (lpString1 == nullptr || lpString2 == nullptr) return nullptr;
    std::memmove(lpString1 + std::wcslen(lpString1), lpString2,
                 (std::wcslen(lpString2) + 1) * sizeof(wchar_t));
    return lpString1;
}
inline int WINAPI lstrcmpA(LPCSTR lpString1, LPCSTR lpString2) {
    return ::iisfake::win32::detail::compare_strings(lpString1, lpString2, false);
}
inline int WINAPI lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2) {
    return ::iisfake::win32::detail::compare_strings(lpString1, lpString2, false);
}
inline int WINAPI lstrcmpiA(LPCSTR lpString1, LPCSTR lpString2) {
    return ::iisfake::win32::detail::compare_strings(lpString1, lpString2, true);
}
inline int WINAPI lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2) {
    return ::iisfake::win32::detail::compare_strings(lpString1, lpString2, true);
}

inline int WINAPI CompareStringOrdinal(LPCWCH lpString1, int cchCount1, LPCWCH lpString2,
                                       int cchCount2, BOOL bIgnoreCase) {
    if (lpString1 == nullptr || lpString2 == nullptr || cchCount1 < -1 || cchCount2 < -1) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    const std::size_t n1 =
        cchCount1 == -1 ? std::wcslen(lpString1) : static_cast<std::size_t>(cchCount1);
    const std::size_t n2 =
        cchCount2 == -1 ? std::wcslen(lpString2) : static_cast<std::size_t>(cchCount2);
    for (std::size_t i = 0; i < n1 && i < n2; ++i) {
        long long a = static_cast<long long>(lpString1[i]);
        long long b = static_cast<long long>(lpString2[i]);
        if (bIgnoreCase) {  // ordinal ignore-case compares uppercase forms
            if (a >= 'a' && a <= 'z') a -= 'a' - 'A';
            if (b >= 'a' && b <= 'z') b -= 'a' - 'A';
        }
        if (a != b) return a < b ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
    }
    return n1 == n2 ? CSTR_EQUAL : n1 < n2 ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
}

// CharUpper/CharLower: a string converted in place, or (high bits zero) one character by value.
inline LPSTR WINAPI CharUpperA(LPSTR lpsz) {
    const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(lpsz);
    if (value <= 0xFFFF) {
        const std::uintptr_t c = value & 0xFF;
        return reinterpret_cast<LPSTR>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    for (char* p = lpsz; *p != '\0'; ++p)
        if (*p >= 'a' && *p <= 'z') *p = static_cast<char>(*p - 'a' + 'A');
    return lpsz;
}
inline LPSTR WINAPI CharLowerA(LPSTR lpsz) {
    const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(lpsz);
    if (value <= 0xFFFF) {
        const std::uintptr_t c = value & 0xFF;
        return reinterpret_cast<LPSTR>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    for (char* p = lpsz; *p != '\0'; ++p)
        if (*p >= 'A' && *p <= 'Z') *p = static_cast<char>(*p - 'A' + 'a');
    return lpsz;
}
inline LPWSTR WINAPI CharUpperW(LPWSTR lpsz) {
    const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(lpsz);
    if (value <= 0xFFFF)
        return reinterpret_cast<LPWSTR>(value >= 'a' && value <= 'z' ? value - 'a' + 'A' : value);
    for (wchar_t* p = lpsz; *p != L'\0'; ++p)
        if (*p >= L'a' && *p <= L'z') *p = static_cast<wchar_t>(*p - L'a' + L'A');
    return lpsz;
}
inline LPWSTR WINAPI CharLowerW(LPWSTR lpsz) {
    const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(lpsz);
    if (value <= 0xFFFF)
        return reinterpret_cast<LPWSTR>(value >= 'A' && value <= 'Z' ? value - 'A' + 'a' : value);
    for (wchar_t* p = lpsz; *p != L'\0'; ++p)
        if (*p >= L'A' && *p <= L'Z') *p = static_cast<wchar_t>(*p - L'A' + L'a');
    return lpsz;
}

// ---- wsprintf -----------------------------------------------------------------------------------
inline int WINAPI wvsprintfA(LPSTR lpOutput, LPCSTR lpFmt, va_list arglist) {
    return ::iisfake::win32::detail::wsprintf_core(lpOutput, lpFmt, arglist, L"wvsprintfA");
}
inline int WINAPI wvsprintfW(LPWSTR lpOutput, LPCWSTR lpFmt, va_list arglist) {
    return ::iisfake::win32::detail::wsprintf_core(lpOutput, lpFmt, arglist, L"wvsprintfW");
}
inline int wsprintfA(LPSTR lpOutput, LPCSTR lpFmt, ...) {
    IISFAKE_WIN32_VA_CALL(
        result, lpFmt,
        ::iisfake::win32::detail::wsprintf_core(lpOutput, lpFmt, iisfake_args, L"wsprintfA"));
    return result;
}
inline int wsprintfW(LPWSTR lpOutput, LPCWSTR lpFmt, ...) {
    IISFAKE_WIN32_VA_CALL(
        result, lpFmt,
        ::iisfake::win32::detail::wsprintf_core(lpOutput, lpFmt, iisfake_args, L"wsprintfW"));
    return result;
}

// ---- FormatMessage ------------------------------------------------------------------------------
inline DWORD WINAPI FormatMessageA(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId,
                                   DWORD dwLanguageId, LPSTR lpBuffer, DWORD nSize,
                                   va_list* Arguments) {
    static_cast<void>(dwLanguageId);
    return ::iisfake::win32::detail::format_message(dwFlags, lpSource, dwMessageId, lpBuffer, nSize,
                                                    Arguments);
}
inline DWORD WINAPI FormatMessageW(DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId,
                                   DWORD dwLanguageId, LPWSTR lpBuffer, DWORD nSize,
                                   va_list* Arguments) {
    static_cast<void>(dwLanguageId);
    return ::iisfake::win32::detail::format_message(dwFlags, lpSource, dwMessageId, lpBuffer, nSize,
                                                    Arguments);
}

#if defined(UNICODE)
#define lstrlen lstrlenW
#define lstrcpy lstrcpyW
#define lstrcpyn lstrcpynW
#define lstrcat lstrcatW
#define lstrcmp lstrcmpW
#define lstrcmpi lstrcmpiW
#define CharUpper CharUpperW
#define CharLower CharLowerW
#define wsprintf wsprintfW
#define wvsprintf wvsprintfW
#define FormatMessage FormatMessageW
#else
#define lstrlen lstrlenA
#define lstrcpy lstrcpyA
#define lstrcpyn lstrcpynA
#define lstrcat lstrcatA
#define lstrcmp lstrcmpA
#define lstrcmpi lstrcmpiA
#define CharUpper CharUpperA
#define CharLower CharLowerA
#define wsprintf wsprintfA
#define wvsprintf wvsprintfA
#define FormatMessage FormatMessageA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/code_pages.hpp -----
// ----- begin iisfake/win32/sync.hpp -----
#ifndef IISFAKE_WIN32_SYNC_HPP_INCLUDED
#define IISFAKE_WIN32_SYNC_HPP_INCLUDED

// Synchronisation for module code off Windows (T-19): critical sections, slim reader/writer
// locks, condition variables, the Interlocked family, interlocked singly linked lists, Sleep,
// events and threads behind a handle table (CloseHandle, WaitForSingleObject,
// WaitForMultipleObjects).
//
// CRITICAL_SECTION, SRWLOCK, CONDITION_VARIABLE and SLIST_HEADER keep the Windows sizes and hold
// only plain fields; the waiting happens in a small table of mutex/condition-variable pairs
// picked by the object's address, and every field is read and written under that mutex. So an
// all-zero object (SRWLOCK_INIT, CONDITION_VARIABLE_INIT, a static) is ready to use, there is
// nothing to free, and ThreadSanitizer sees ordinary mutexes. Condition variables may wake more
// waiters than asked (Windows documents spurious wake-ups); timed waits measure real time even
// while iisfake::win32::clock() is frozen, and only Sleep advances a frozen clock.


#if !defined(_WIN32)

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>


#define INFINITE 0xFFFFFFFFu
#define WAIT_OBJECT_0 0u
#define WAIT_ABANDONED 0x80u
#define WAIT_ABANDONED_0 0x80u
#define WAIT_IO_COMPLETION 0xC0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xFFFFFFFFu
#define MAXIMUM_WAIT_OBJECTS 64
#define STILL_ACTIVE 259u
#define CREATE_SUSPENDED 0x00000004
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x00010000
#define CREATE_EVENT_MANUAL_RESET 0x00000001
#define CREATE_EVENT_INITIAL_SET 0x00000002
#define CONDITION_VARIABLE_LOCKMODE_SHARED 0x1
#define CREATE_MUTEX_INITIAL_OWNER 0x00000001
#define CRITICAL_SECTION_NO_DEBUG_INFO 0x01000000
#ifndef ERROR_NOT_OWNER
#define ERROR_NOT_OWNER 288
#endif
#ifndef ERROR_TOO_MANY_POSTS
#define ERROR_TOO_MANY_POSTS 298
#endif
#ifndef MEMORY_ALLOCATION_ALIGNMENT
#define MEMORY_ALLOCATION_ALIGNMENT 16
#endif

#ifndef IISFAKE_WIN32_HAS_SECURITY_ATTRIBUTES
#define IISFAKE_WIN32_HAS_SECURITY_ATTRIBUTES 1
typedef struct _SECURITY_ATTRIBUTES {
    DWORD nLength;
    LPVOID lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;
#endif

typedef std::int64_t LONG64;
typedef std::uint64_t ULONG64;
typedef LONG* LPLONG;
typedef LONG64* PLONG64;
typedef ULONG64* PULONG64;

typedef DWORD(WINAPI* PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;

// ---- the lock types -------------------------------------------------------------------------
struct _RTL_CRITICAL_SECTION_DEBUG;
typedef struct _RTL_CRITICAL_SECTION_DEBUG* PRTL_CRITICAL_SECTION_DEBUG;

// RecursionCount and OwningThread (the owner's thread id) are kept as on Windows; LockCount is -1
// after initialisation and otherwise unused.
typedef struct _RTL_CRITICAL_SECTION {
    PRTL_CRITICAL_SECTION_DEBUG DebugInfo;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
    HANDLE LockSemaphore;
    ULONG_PTR SpinCount;
} RTL_CRITICAL_SECTION, *PRTL_CRITICAL_SECTION;
typedef RTL_CRITICAL_SECTION CRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION PCRITICAL_SECTION;
typedef PRTL_CRITICAL_SECTION LPCRITICAL_SECTION;

typedef struct _RTL_SRWLOCK {
    PVOID Ptr;
} RTL_SRWLOCK, SRWLOCK, *PSRWLOCK;
#define RTL_SRWLOCK_INIT \
    { nullptr }
#define SRWLOCK_INIT RTL_SRWLOCK_INIT

typedef struct _RTL_CONDITION_VARIABLE {
    PVOID Ptr;
} RTL_CONDITION_VARIABLE, CONDITION_VARIABLE, *PCONDITION_VARIABLE;
#define RTL_CONDITION_VARIABLE_INIT \
    { nullptr }
#define CONDITION_VARIABLE_INIT RTL_CONDITION_VARIABLE_INIT

typedef struct _SLIST_ENTRY {
    struct _SLIST_ENTRY* Next;
} SLIST_ENTRY, *PSLIST_ENTRY;

// Alignment holds the first entry, Region the depth (the 16 bytes of x64 Windows).
typedef struct _SLIST_HEADER {
    ULONGLONG Alignment;
    ULONGLONG Region;
} SLIST_HEADER, *PSLIST_HEADER;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

// CONTAINING_RECORD's arithmetic, without casts the strict warnings flag in module code.
template <class T>
inline T* containing_record(const volatile void* address, std::size_t offset) noexcept {
    return reinterpret_cast<T*>(const_cast<char*>(static_cast<const volatile char*>(address)) -
                                offset);
}

struct ParkingBucket {
    std::mutex mutex;
    std::condition_variable cv;
};

inline ParkingBucket& bucket_for(const volatile void* address) {
    static ParkingBucket buckets[67];
    const auto key = reinterpret_cast<std::uintptr_t>(address);
    return buckets[(key >> 3) % 67u];
}

// Waits on the bucket until `ready` holds or the timeout (ms, INFINITE for none) passes.
template <class Ready>
inline bool park_until(ParkingBucket& bucket, std::unique_lock<std::mutex>& lock, DWORD ms,
                       Ready ready) {
    if (ms == INFINITE) {
        while (!ready()) bucket.cv.wait(lock);
        return true;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!ready()) {
        if (bucket.cv.wait_until(lock, deadline) == std::cv_status::timeout) return ready();
    }
    return true;
}

inline HANDLE thread_as_owner(DWORD id) noexcept {
    return reinterpret_cast<HANDLE>(static_cast<ULONG_PTR>(id));
}

// ---- critical sections
inline void enter_critical_section(CRITICAL_SECTION* cs, LONG recursion) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::unique_lock<std::mutex> lock(bucket.mutex);
    if (cs->RecursionCount > 0 && cs->OwningThread == me) {
        cs->RecursionCount += recursion;
        return;
    }
    park_until(bucket, lock, INFINITE, [cs] { return cs->RecursionCount <= 0; });
    cs->OwningThread = me;
    cs->RecursionCount = recursion;
}

// Leaves `all` levels or one; returns the levels left, 0 if the caller did not own it.
inline LONG leave_critical_section(CRITICAL_SECTION* cs, bool all) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    if (cs->RecursionCount <= 0 || cs->OwningThread != me) return 0;
    const LONG left = all ? cs->RecursionCount : 1;
    cs->RecursionCount -= left;
    if (cs->RecursionCount == 0) {
        cs->OwningThread = nullptr;
        bucket.cv.notify_all();
    }
    return left;
}

inline bool owns_critical_section(CRITICAL_SECTION* cs) {
    const HANDLE me = thread_as_owner(GetCurrentThreadId());
    ParkingBucket& bucket = bucket_for(cs);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    return cs->RecursionCount > 0 && cs->OwningThread == me;
}

// ---- slim reader/writer locks: Ptr = readers << 17 | waiting writers << 1 | writer
constexpr std::uintptr_t srw_writer() noexcept { return 1u; }
constexpr std::uintptr_t srw_waiting_writer() noexcept { return 2u; }
constexpr std::uintptr_t srw_waiting_mask() noexcept { return 0x1FFFEu; }
constexpr std::uintptr_t srw_reader() noexcept { return std::uintptr_t(1) << 17; }

inline std::uintptr_t srw_bits(const SRWLOCK* lock) noexcept {
    return reinterpret_cast<std::uintptr_t>(lock->Ptr);
}
inline void set_srw_bits(SRWLOCK* lock, std::uintptr_t bits) noexcept {
    lock->Ptr = reinterpret_cast<PVOID>(bits);
}

inline bool srw_try_exclusive(SRWLOCK* srw) noexcept {
    const std::uintptr_t bits = srw_bits(srw);
    if ((bits & srw_writer()) || bits >= srw_reader()) return false;
    set_srw_bits(srw, bits | srw_writer());
    return true;
}
inline bool srw_try_shared(SRWLOCK* srw) noexcept {
    const std::uintptr_t bits = srw_bits(srw);
    if (bits & (srw_writer() | srw_waiting_mask())) return false;
    set_srw_bits(srw, bits + srw_reader());
    return true;
}

inline void acquire_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::unique_lock<std::mutex> lock(bucket.mutex);
    if (shared) {
        park_until(bucket, lock, INFINITE, [srw] { return srw_try_shared(srw); });
        return;
    }
    if (srw_try_exclusive(srw)) return;
    set_srw_bits(srw, srw_bits(srw) + srw_waiting_writer());  // readers arriving now wait
    park_until(bucket, lock, INFINITE, [srw] {
        const std::uintptr_t bits = srw_bits(srw);
        return !(bits & srw_writer()) && bits < srw_reader();
    });
    set_srw_bits(srw, (srw_bits(srw) - srw_waiting_writer()) | srw_writer());
}

inline bool try_acquire_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    return shared ? srw_try_shared(srw) : srw_try_exclusive(srw);
}

// Releasing a lock not held in that mode is ignored.
inline bool release_srw(SRWLOCK* srw, bool shared) {
    ParkingBucket& bucket = bucket_for(srw);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    const std::uintptr_t bits = srw_bits(srw);
    if (shared) {
        if (bits < srw_reader()) return false;
        set_srw_bits(srw, bits - srw_reader());
    } else {
        if (!(bits & srw_writer())) return false;
        set_srw_bits(srw, bits & ~srw_writer());
    }
    bucket.cv.notify_all();
    return true;
}

// ---- condition variables: Ptr counts wake-ups
inline std::uintptr_t cv_generation(const CONDITION_VARIABLE* cv) noexcept {
    return reinterpret_cast<std::uintptr_t>(cv->Ptr);
}

inline void wake_condition_variable(CONDITION_VARIABLE* cv) {
    if (cv == nullptr) return;
    ParkingBucket& bucket = bucket_for(cv);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    cv->Ptr = reinterpret_cast<PVOID>(cv_generation(cv) + 1);
    bucket.cv.notify_all();
}

// Reads the generation, runs `release` (the caller's lock; never under the bucket's mutex, so
// the lock may share the bucket), then waits for a later generation.
template <class Release>
inline bool sleep_condition_variable(CONDITION_VARIABLE* cv, DWORD ms, Release release) {
    ParkingBucket& bucket = bucket_for(cv);
    std::uintptr_t generation = 0;
    {
        std::lock_guard<std::mutex> lock(bucket.mutex);
        generation = cv_generation(cv);
    }
    release();
    std::unique_lock<std::mutex> lock(bucket.mutex);
    return park_until(bucket, lock, ms,
                      [cv, generation] { return cv_generation(cv) != generation; });
}

// ---- interlocked singly linked lists
inline PSLIST_ENTRY slist_first(const SLIST_HEADER* header) noexcept {
    return reinterpret_cast<PSLIST_ENTRY>(static_cast<std::uintptr_t>(header->Alignment));
}
inline void set_slist_first(SLIST_HEADER* header, PSLIST_ENTRY first) noexcept {
    header->Alignment = reinterpret_cast<std::uintptr_t>(first);
}

// ---- kernel objects behind handles
// An object a HANDLE names. Other parts may add their own (insert_handle); every field of an
// object is guarded by handle_table().mutex, and whoever signals one calls notify_all on cv.
struct KernelObject {
    virtual ~KernelObject() {}
    virtual bool waitable() const { return true; }
    virtual bool signaled() const { return false; }
    virtual void acquired() {}  // a wait was satisfied by this object
};

struct EventObject : KernelObject {
    bool manual_reset = false;
    bool state = false;
    bool signaled() const override { return state; }
    void acquired() override {
        if (!manual_reset) state = false;
    }
};

struct ThreadObject : KernelObject {
    DWORD id = 0;
    DWORD exit_code = STILL_ACTIVE;
    DWORD suspend_count = 0;
    bool done = false;
    bool signaled() const override { return done; }
};

// Owned by one thread at a time, recursively; signalled for a thread that could take it.
struct MutexObject : KernelObject {
    DWORD owner = 0;
    DWORD recursion = 0;
    bool signaled() const override { return recursion == 0 || owner == GetCurrentThreadId(); }
    void acquired() override {
        owner = GetCurrentThreadId();
        ++recursion;
    }
};

struct SemaphoreObject : KernelObject {
    LONG count = 0;
    LONG maximum = 1;
    bool signaled() const override { return count > 0; }
    void acquired() override { --count; }
};

struct HandleTable {
    std::mutex mutex;
    std::condition_variable cv;
    std::map<std::uintptr_t, std::shared_ptr<KernelObject>> objects;
    std::map<std::wstring, std::weak_ptr<KernelObject>> names;
    std::uintptr_t next = 0x1000;
};

inline HandleTable& handle_table() {
    static HandleTable table;
    return table;
}

inline HANDLE insert_handle_locked(HandleTable& table, std::shared_ptr<KernelObject> object) {
    const std::uintptr_t value = table.next;
    table.next += 4;
    table.objects[value] = std::move(object);
    return reinterpret_cast<HANDLE>(value);
}

inline HANDLE insert_handle(std::shared_ptr<KernelObject> object) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return insert_handle_locked(table, std::move(object));
}

inline std::shared_ptr<KernelObject> find_handle_locked(HandleTable& table, HANDLE handle) {
    auto found = table.objects.find(reinterpret_cast<std::uintptr_t>(handle));
    return found == table.objects.end() ? std::shared_ptr<KernelObject>() : found->second;
}

inline std::shared_ptr<KernelObject> find_handle(HANDLE handle) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return find_handle_locked(table, handle);
}

inline bool is_pseudo_handle(HANDLE handle) noexcept {
    return handle == GetCurrentProcess() || handle == GetCurrentThread();
}

template <class T>
inline T* as_object(const std::shared_ptr<KernelObject>& object) {
    return dynamic_cast<T*>(object.get());
}

inline HANDLE create_event(bool manual_reset, bool initial_state, const std::wstring* name) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (name) {
        auto found = table.names.find(*name);
        if (found != table.names.end()) {
            if (std::shared_ptr<KernelObject> existing = found->second.lock()) {
                if (!as_object<EventObject>(existing)) {
                    SetLastError(ERROR_INVALID_HANDLE);
                    return nullptr;
                }
                SetLastError(ERROR_ALREADY_EXISTS);
                return insert_handle_locked(table, existing);
            }
        }
    }
    std::shared_ptr<EventObject> event = std::make_shared<EventObject>();
    event->manual_reset = manual_reset;
    event->state = initial_state;
    if (name) table.names[*name] = event;
    SetLastError(ERROR_SUCCESS);
    return insert_handle_locked(table, event);
}

inline BOOL set_event_state(HANDLE handle, bool state) {
    HandleTable& table = handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    EventObject* event = as_object<EventObject>(find_handle_locked(table, handle));
    if (!event) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    event->state = state;
    if (state) table.cv.notify_all();
    return TRUE;
}

}  // namespace detail

// Handles open in the handle table (events, threads, and other parts' objects): a leak check.
inline std::size_t open_handle_count() {
    detail::HandleTable& table = detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    return table.objects.size();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- critical sections ------------------------------------------------------------------------
inline VOID WINAPI InitializeCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return;
    lpCriticalSection->DebugInfo = nullptr;
    lpCriticalSection->LockCount = -1;
    lpCriticalSection->RecursionCount = 0;
    lpCriticalSection->OwningThread = nullptr;
    lpCriticalSection->LockSemaphore = nullptr;
    lpCriticalSection->SpinCount = 0;
}
inline BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                         DWORD dwSpinCount) {
    InitializeCriticalSection(lpCriticalSection);
    if (lpCriticalSection) lpCriticalSection->SpinCount = dwSpinCount;
    return TRUE;
}
inline BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION lpCriticalSection,
                                               DWORD dwSpinCount, DWORD Flags) {
    static_cast<void>(Flags);
    return InitializeCriticalSectionAndSpinCount(lpCriticalSection, dwSpinCount);
}
inline DWORD WINAPI SetCriticalSectionSpinCount(LPCRITICAL_SECTION lpCriticalSection,
                                                DWORD dwSpinCount) {
    if (lpCriticalSection == nullptr) return 0;
    const auto previous = static_cast<DWORD>(lpCriticalSection->SpinCount);
    lpCriticalSection->SpinCount = dwSpinCount;
    return previous;
}
inline VOID WINAPI EnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection) ::iisfake::win32::detail::enter_critical_section(lpCriticalSection, 1);
}
inline BOOL WINAPI TryEnterCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return FALSE;
    const HANDLE me = ::iisfake::win32::detail::thread_as_owner(GetCurrentThreadId());
    ::iisfake::win32::detail::ParkingBucket& bucket =
        ::iisfake::win32::detail::bucket_for(lpCriticalSection);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    if (lpCriticalSection->RecursionCount > 0 && lpCriticalSection->OwningThread != me)
        return FALSE;
    if (lpCriticalSection->RecursionCount <= 0) {
        lpCriticalSection->OwningThread = me;
        lpCriticalSection->RecursionCount = 0;
    }
    ++lpCriticalSection->RecursionCount;
    return TRUE;
}
// Leaving a section the thread does not own is ignored.
inline VOID WINAPI LeaveCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection)
        ::iisfake::win32::detail::leave_critical_section(lpCriticalSection, false);
}
inline VOID WINAPI DeleteCriticalSection(LPCRITICAL_SECTION lpCriticalSection) {
    if (lpCriticalSection == nullptr) return;
    ::iisfake::win32::detail::ParkingBucket& bucket =
        ::iisfake::win32::detail::bucket_for(lpCriticalSection);
    std::lock_guard<std::mutex> lock(bucket.mutex);
    lpCriticalSection->RecursionCount = 0;
    lpCriticalSection->OwningThread = nullptr;
    lpCriticalSection->LockCount = -1;
    bucket.cv.notify_all();
}

// ---- slim reader/writer locks -------------------------------------------------------------------
inline VOID WINAPI InitializeSRWLock(PSRWLOCK SRWLock) {
    if (SRWLock) SRWLock->Ptr = nullptr;
}
inline VOID WINAPI AcquireSRWLockExclusive(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::acquire_srw(SRWLock, false);
}
inline VOID WINAPI AcquireSRWLockShared(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::acquire_srw(SRWLock, true);
}
inline BOOLEAN WINAPI TryAcquireSRWLockExclusive(PSRWLOCK SRWLock) {
    return SRWLock && ::iisfake::win32::detail::try_acquire_srw(SRWLock, false) ? 1 : 0;
}
inline BOOLEAN WINAPI TryAcquireSRWLockShared(PSRWLOCK SRWLock) {
    return SRWLock && ::iisfake::win32::detail::try_acquire_srw(SRWLock, true) ? 1 : 0;
}
inline VOID WINAPI ReleaseSRWLockExclusive(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::release_srw(SRWLock, false);
}
inline VOID WINAPI ReleaseSRWLockShared(PSRWLOCK SRWLock) {
    if (SRWLock) ::iisfake::win32::detail::release_srw(SRWLock, true);
}

// ---- condition variables ----------------------------------------------------------------------
inline VOID WINAPI InitializeConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    if (ConditionVariable) ConditionVariable->Ptr = nullptr;
}
inline VOID WINAPI WakeConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    ::iisfake::win32::detail::wake_condition_variable(ConditionVariable);
}
inline VOID WINAPI WakeAllConditionVariable(PCONDITION_VARIABLE ConditionVariable) {
    ::iisfake::win32::detail::wake_condition_variable(ConditionVariable);
}

// The caller must own the section (else FALSE, ERROR_INVALID_PARAMETER); it is released while
// waiting and entered again, at the same recursion depth, before returning. Timeout: FALSE,
// ERROR_TIMEOUT.
inline BOOL WINAPI SleepConditionVariableCS(PCONDITION_VARIABLE ConditionVariable,
                                            PCRITICAL_SECTION CriticalSection,
                                            DWORD dwMilliseconds) {
    if (ConditionVariable == nullptr || CriticalSection == nullptr ||
        !::iisfake::win32::detail::owns_critical_section(CriticalSection)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    LONG depth = 0;
    const bool woken = ::iisfake::win32::detail::sleep_condition_variable(
        ConditionVariable, dwMilliseconds, [&depth, CriticalSection] {
            depth = ::iisfake::win32::detail::leave_critical_section(CriticalSection, true);
        });
    ::iisfake::win32::detail::enter_critical_section(CriticalSection, depth);
    if (woken) return TRUE;
    SetLastError(ERROR_TIMEOUT);
    return FALSE;
}

// Flags: 0 (held exclusive) or CONDITION_VARIABLE_LOCKMODE_SHARED. A lock not held in that mode:
// FALSE, ERROR_INVALID_PARAMETER.
inline BOOL WINAPI SleepConditionVariableSRW(PCONDITION_VARIABLE ConditionVariable,
                                             PSRWLOCK SRWLock, DWORD dwMilliseconds, ULONG Flags) {
    if (ConditionVariable == nullptr || SRWLock == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const bool shared = (Flags & CONDITION_VARIABLE_LOCKMODE_SHARED) != 0;
    bool released = false;
    const bool woken = ::iisfake::win32::detail::sleep_condition_variable(
        ConditionVariable, dwMilliseconds, [&released, SRWLock, shared] {
            released = ::iisfake::win32::detail::release_srw(SRWLock, shared);
        });
    if (!released) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ::iisfake::win32::detail::acquire_srw(SRWLock, shared);
    if (woken) return TRUE;
    SetLastError(ERROR_TIMEOUT);
    return FALSE;
}

// The structure a field's address belongs to (SLIST_ENTRY members, mostly).
#ifndef FIELD_OFFSET
#define FIELD_OFFSET(type, field) (static_cast<LONG>(offsetof(type, field)))
#endif
#ifndef CONTAINING_RECORD
#define CONTAINING_RECORD(address, type, field) \
    (::iisfake::win32::detail::containing_record<type>((address), offsetof(type, field)))
#endif

// ---- Interlocked ------------------------------------------------------------------------------
// Sequentially consistent, on LONG (32-bit) and, as Windows' C++ overloads allow, on unsigned,
// long and unsigned long (64-bit here) and the 64-bit types; the ...64 forms on 64-bit integers.
// A NULL target is ignored and yields 0.
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
template <class T>
inline T atomic_add_fetch(T volatile* target, T value) noexcept {
    return target ? __atomic_add_fetch(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_sub_fetch(T volatile* target, T value) noexcept {
    return target ? __atomic_sub_fetch(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_add(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_add(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_exchange(T volatile* target, T value) noexcept {
    return target ? __atomic_exchange_n(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_compare_exchange(T volatile* target, T exchange, T comparand) noexcept {
    if (!target) return T();
    __atomic_compare_exchange_n(target, &comparand, exchange, false, __ATOMIC_SEQ_CST,
                                __ATOMIC_SEQ_CST);
    return comparand;  // the initial value either way
}
template <class T>
inline T atomic_fetch_and(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_and(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_or(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_or(target, value, __ATOMIC_SEQ_CST) : T();
}
template <class T>
inline T atomic_fetch_xor(T volatile* target, T value) noexcept {
    return target ? __atomic_fetch_xor(target, value, __ATOMIC_SEQ_CST) : T();
}
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

#define IISFAKE_WIN32_INTERLOCKED_FAMILY(T, SUFFIX)                                         \
    inline T WINAPI InterlockedIncrement##SUFFIX(T volatile* Addend) {                      \
        return ::iisfake::win32::detail::atomic_add_fetch<T>(Addend, 1);                    \
    }                                                                                       \
    inline T WINAPI InterlockedDecrement##SUFFIX(T volatile* Addend) {                      \
        return ::iisfake::win32::detail::atomic_sub_fetch<T>(Addend, 1);                    \
    }                                                                                       \
    inline T WINAPI InterlockedExchange##SUFFIX(T volatile* Target, T Value) {              \
        return ::iisfake::win32::detail::atomic_exchange<T>(Target, Value);                 \
    }                                                                                       \
    inline T WINAPI InterlockedExchangeAdd##SUFFIX(T volatile* Addend, T Value) {           \
        return ::iisfake::win32::detail::atomic_fetch_add<T>(Addend, Value);                \
    }                                                                                       \
    inline T WINAPI InterlockedAdd##SUFFIX(T volatile* Addend, T Value) {                   \
        return ::iisfake::win32::detail::atomic_add_fetch<T>(Addend, Value);                \
    }                                                                                       \
    inline T WINAPI InterlockedCompareExchange##SUFFIX(T volatile* Destination, T ExChange, \
                                                       T Comperand) {                       \
        return ::iisfake::win32::detail::atomic_compare_exchange<T>(Destination, ExChange,  \
                                                                    Comperand);             \
    }                                                                                       \
    inline T WINAPI InterlockedAnd##SUFFIX(T volatile* Destination, T Value) {              \
        return ::iisfake::win32::detail::atomic_fetch_and<T>(Destination, Value);           \
    }                                                                                       \
    inline T WINAPI InterlockedOr##SUFFIX(T volatile* Destination, T Value) {               \
        return ::iisfake::win32::detail::atomic_fetch_or<T>(Destination, Value);            \
    }                                                                                       \
    inline T WINAPI InterlockedXor##SUFFIX(T volatile* Destination, T Value) {              \
        return ::iisfake::win32::detail::atomic_fetch_xor<T>(Destination, Value);           \
    }

// LONG (int here), and the C++ overloads: unsigned, long, unsigned long, 64-bit.
IISFAKE_WIN32_INTERLOCKED_FAMILY(LONG, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(long long, )
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long long, )
// The 64-bit forms: LONG64 (long here) and long long (__int64 on Windows), and unsigned.
IISFAKE_WIN32_INTERLOCKED_FAMILY(long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(long long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long, 64)
IISFAKE_WIN32_INTERLOCKED_FAMILY(unsigned long long, 64)
// SHORT.
IISFAKE_WIN32_INTERLOCKED_FAMILY(SHORT, 16)
#undef IISFAKE_WIN32_INTERLOCKED_FAMILY

inline PVOID WINAPI InterlockedExchangePointer(PVOID volatile* Target, PVOID Value) {
    return ::iisfake::win32::detail::atomic_exchange<PVOID>(Target, Value);
}
inline PVOID WINAPI InterlockedCompareExchangePointer(PVOID volatile* Destination, PVOID ExChange,
                                                      PVOID Comperand) {
    return ::iisfake::win32::detail::atomic_compare_exchange<PVOID>(Destination, ExChange,
                                                                    Comperand);
}

// The ordering variants are sequentially consistent too.
#define InterlockedIncrementAcquire InterlockedIncrement
#define InterlockedIncrementRelease InterlockedIncrement
#define InterlockedIncrementNoFence InterlockedIncrement
#define InterlockedDecrementAcquire InterlockedDecrement
#define InterlockedDecrementRelease InterlockedDecrement
#define InterlockedDecrementNoFence InterlockedDecrement
#define InterlockedExchangeAcquire InterlockedExchange
#define InterlockedExchangeNoFence InterlockedExchange
#define InterlockedCompareExchangeAcquire InterlockedCompareExchange
#define InterlockedCompareExchangeRelease InterlockedCompareExchange
#define InterlockedCompareExchangeNoFence InterlockedCompareExchange
#define InterlockedCompareExchangePointerAcquire InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerRelease InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerNoFence InterlockedCompareExchangePointer
#define InterlockedExchangePointerAcquire InterlockedExchangePointer
#define InterlockedExchangePointerNoFence InterlockedExchangePointer

inline VOID WINAPI MemoryBarrier(VOID) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
inline VOID WINAPI YieldProcessor(VOID) {}

// ---- interlocked singly linked lists ----------------------------------------------------------
// Lock-protected (no ABA): any number of threads may push and pop. Depth is a USHORT, as on
// Windows; it saturates instead of wrapping.
inline VOID WINAPI InitializeSListHead(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return;
    ListHead->Alignment = 0;
    ListHead->Region = 0;
}
inline PSLIST_ENTRY WINAPI InterlockedPushEntrySList(PSLIST_HEADER ListHead,
                                                     PSLIST_ENTRY ListEntry) {
    if (ListHead == nullptr || ListEntry == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY previous = ::iisfake::win32::detail::slist_first(ListHead);
    ListEntry->Next = previous;
    ::iisfake::win32::detail::set_slist_first(ListHead, ListEntry);
    ++ListHead->Region;
    return previous;
}
// Pushes the chain List..ListEnd (Count entries, linked by Next) at once.
inline PSLIST_ENTRY WINAPI InterlockedPushListSListEx(PSLIST_HEADER ListHead, PSLIST_ENTRY List,
                                                      PSLIST_ENTRY ListEnd, ULONG Count) {
    if (ListHead == nullptr || List == nullptr || ListEnd == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY previous = ::iisfake::win32::detail::slist_first(ListHead);
    ListEnd->Next = previous;
    ::iisfake::win32::detail::set_slist_first(ListHead, List);
    ListHead->Region += Count;
    return previous;
}
inline PSLIST_ENTRY WINAPI InterlockedPopEntrySList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY first = ::iisfake::win32::detail::slist_first(ListHead);
    if (first) {
        ::iisfake::win32::detail::set_slist_first(ListHead, first->Next);
        if (ListHead->Region) --ListHead->Region;
    }
    return first;
}
inline PSLIST_ENTRY WINAPI InterlockedFlushSList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    PSLIST_ENTRY first = ::iisfake::win32::detail::slist_first(ListHead);
    ::iisfake::win32::detail::set_slist_first(ListHead, nullptr);
    ListHead->Region = 0;
    return first;
}
inline USHORT WINAPI QueryDepthSList(PSLIST_HEADER ListHead) {
    if (ListHead == nullptr) return 0;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    return static_cast<USHORT>(ListHead->Region > 0xFFFFu ? 0xFFFFu : ListHead->Region);
}
inline PSLIST_ENTRY WINAPI RtlFirstEntrySList(const SLIST_HEADER* ListHead) {
    if (ListHead == nullptr) return nullptr;
    std::lock_guard<std::mutex> lock(::iisfake::win32::detail::bucket_for(ListHead).mutex);
    return ::iisfake::win32::detail::slist_first(ListHead);
}

// ---- sleeping ---------------------------------------------------------------------------------
// While iisfake::win32::clock() is frozen, Sleep advances it by dwMilliseconds and only yields.
// Sleep(INFINITE) never returns, as on Windows.
inline VOID WINAPI Sleep(DWORD dwMilliseconds) {
    if (dwMilliseconds == INFINITE) {
        for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
    if (::iisfake::win32::clock().frozen()) {
        ::iisfake::win32::clock().advance(std::chrono::milliseconds(dwMilliseconds));
        std::this_thread::yield();
    } else if (dwMilliseconds == 0) {
        std::this_thread::yield();
    } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(dwMilliseconds));
    }
}
// No APCs are ever queued, so an alertable sleep returns 0 too.
inline DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    Sleep(dwMilliseconds);
    return 0;
}
inline BOOL WINAPI SwitchToThread(VOID) {
    std::this_thread::yield();
    return TRUE;
}

// ---- handles, events, threads -----------------------------------------------------------------
// A closed or unknown handle: FALSE, ERROR_INVALID_HANDLE. The pseudo handles close as no-ops.
inline BOOL WINAPI CloseHandle(HANDLE hObject) {
    if (::iisfake::win32::detail::is_pseudo_handle(hObject)) return TRUE;
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::shared_ptr<::iisfake::win32::detail::KernelObject> object;  // destroyed unlocked
    {
        std::lock_guard<std::mutex> lock(table.mutex);
        auto found = table.objects.find(reinterpret_cast<std::uintptr_t>(hObject));
        if (found != table.objects.end()) {
            object = std::move(found->second);
            table.objects.erase(found);
        }
    }
    if (object) return TRUE;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

inline HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                  BOOL bInitialState, LPCWSTR lpName) {
    static_cast<void>(lpEventAttributes);
    if (lpName == nullptr || *lpName == L'\0')
        return ::iisfake::win32::detail::create_event(bManualReset != FALSE, bInitialState != FALSE,
                                                      nullptr);
    const std::wstring name(lpName);
    return ::iisfake::win32::detail::create_event(bManualReset != FALSE, bInitialState != FALSE,
                                                  &name);
}
inline HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset,
                                  BOOL bInitialState, LPCSTR lpName) {
    if (lpName == nullptr)
        return CreateEventW(lpEventAttributes, bManualReset, bInitialState, nullptr);
    return CreateEventW(lpEventAttributes, bManualReset, bInitialState,
                        ::iisfake::win32::detail::widen_utf8(lpName).c_str());
}
inline HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCWSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateEventW(lpEventAttributes, (dwFlags & CREATE_EVENT_MANUAL_RESET) ? TRUE : FALSE,
                        (dwFlags & CREATE_EVENT_INITIAL_SET) ? TRUE : FALSE, lpName);
}
inline HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES lpEventAttributes, LPCSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateEventA(lpEventAttributes, (dwFlags & CREATE_EVENT_MANUAL_RESET) ? TRUE : FALSE,
                        (dwFlags & CREATE_EVENT_INITIAL_SET) ? TRUE : FALSE, lpName);
}
inline BOOL WINAPI SetEvent(HANDLE hEvent) {
    return ::iisfake::win32::detail::set_event_state(hEvent, true);
}
inline BOOL WINAPI ResetEvent(HANDLE hEvent) {
    return ::iisfake::win32::detail::set_event_state(hEvent, false);
}

// Mutexes: recursive, owned by the thread whose wait acquired them (an owner that ends without
// releasing does not make them abandoned here). Named ones are shared as events are.
inline HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                  LPCWSTR lpName) {
    static_cast<void>(lpMutexAttributes);
    using ::iisfake::win32::detail::MutexObject;
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    if (lpName && *lpName) {
        auto found = table.names.find(lpName);
        if (found != table.names.end()) {
            if (std::shared_ptr<::iisfake::win32::detail::KernelObject> existing =
                    found->second.lock()) {
                if (!::iisfake::win32::detail::as_object<MutexObject>(existing)) {
                    SetLastError(ERROR_INVALID_HANDLE);
                    return nullptr;
                }
                SetLastError(ERROR_ALREADY_EXISTS);
                return ::iisfake::win32::detail::insert_handle_locked(table, existing);
            }
        }
    }
    std::shared_ptr<MutexObject> mutex = std::make_shared<MutexObject>();
    if (bInitialOwner) mutex->acquired();
    if (lpName && *lpName) table.names[lpName] = mutex;
    SetLastError(ERROR_SUCCESS);
    return ::iisfake::win32::detail::insert_handle_locked(table, mutex);
}
inline HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner,
                                  LPCSTR lpName) {
    if (lpName == nullptr) return CreateMutexW(lpMutexAttributes, bInitialOwner, nullptr);
    return CreateMutexW(lpMutexAttributes, bInitialOwner,
                        ::iisfake::win32::detail::widen_utf8(lpName).c_str());
}
inline HANDLE WINAPI CreateMutexExW(LPSECURITY_ATTRIBUTES lpMutexAttributes, LPCWSTR lpName,
                                    DWORD dwFlags, DWORD dwDesiredAccess) {
    static_cast<void>(dwDesiredAccess);
    return CreateMutexW(lpMutexAttributes, (dwFlags & CREATE_MUTEX_INITIAL_OWNER) ? TRUE : FALSE,
                        lpName);
}
// Not the owner: FALSE, ERROR_NOT_OWNER.
inline BOOL WINAPI ReleaseMutex(HANDLE hMutex) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* mutex = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::MutexObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hMutex));
    if (!mutex) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (mutex->recursion == 0 || mutex->owner != GetCurrentThreadId()) {
        SetLastError(ERROR_NOT_OWNER);
        return FALSE;
    }
    if (--mutex->recursion == 0) {
        mutex->owner = 0;
        table.cv.notify_all();
    }
    return TRUE;
}

// Semaphores: 0 <= initial <= maximum, maximum > 0, else NULL and ERROR_INVALID_PARAMETER.
inline HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes,
                                      LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName) {
    static_cast<void>(lpSemaphoreAttributes);
    static_cast<void>(lpName);
    if (lMaximumCount <= 0 || lInitialCount < 0 || lInitialCount > lMaximumCount) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::shared_ptr<::iisfake::win32::detail::SemaphoreObject> semaphore =
        std::make_shared<::iisfake::win32::detail::SemaphoreObject>();
    semaphore->count = lInitialCount;
    semaphore->maximum = lMaximumCount;
    return ::iisfake::win32::detail::insert_handle(semaphore);
}
inline HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes,
                                      LONG lInitialCount, LONG lMaximumCount, LPCSTR lpName) {
    static_cast<void>(lpName);
    return CreateSemaphoreW(lpSemaphoreAttributes, lInitialCount, lMaximumCount, nullptr);
}
// Past the maximum: FALSE, ERROR_TOO_MANY_POSTS, the count unchanged.
inline BOOL WINAPI ReleaseSemaphore(HANDLE hSemaphore, LONG lReleaseCount, LPLONG lpPreviousCount) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* semaphore =
        ::iisfake::win32::detail::as_object<::iisfake::win32::detail::SemaphoreObject>(
            ::iisfake::win32::detail::find_handle_locked(table, hSemaphore));
    if (!semaphore) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (lReleaseCount <= 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lReleaseCount > semaphore->maximum - semaphore->count) {
        SetLastError(ERROR_TOO_MANY_POSTS);
        return FALSE;
    }
    if (lpPreviousCount) *lpPreviousCount = semaphore->count;
    semaphore->count += lReleaseCount;
    table.cv.notify_all();
    return TRUE;
}

// Wait-any returns WAIT_OBJECT_0 + the lowest signalled index; wait-all returns WAIT_OBJECT_0 once
// all are signalled together. Auto-reset events are reset by the wait they satisfy.
inline DWORD WINAPI WaitForMultipleObjects(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                           DWORD dwMilliseconds) {
    using ::iisfake::win32::detail::KernelObject;
    if (nCount == 0 || nCount > MAXIMUM_WAIT_OBJECTS || lpHandles == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::unique_lock<std::mutex> lock(table.mutex);
    std::vector<std::shared_ptr<KernelObject>> objects;
    for (DWORD i = 0; i < nCount; ++i) {
        std::shared_ptr<KernelObject> object =
            ::iisfake::win32::detail::find_handle_locked(table, lpHandles[i]);
        if (!object || !object->waitable()) {
            SetLastError(ERROR_INVALID_HANDLE);
            return WAIT_FAILED;
        }
        for (const auto& earlier : objects) {
            if (bWaitAll && earlier == object) {
                SetLastError(ERROR_INVALID_PARAMETER);
                return WAIT_FAILED;
            }
        }
        objects.push_back(object);
    }
    DWORD result = WAIT_TIMEOUT;
    auto satisfied = [&]() -> bool {
        if (bWaitAll) {
            for (const auto& object : objects)
                if (!object->signaled()) return false;
            for (const auto& object : objects) object->acquired();
            result = WAIT_OBJECT_0;
            return true;
        }
        for (DWORD i = 0; i < nCount; ++i) {
            if (objects[i]->signaled()) {
                objects[i]->acquired();
                result = WAIT_OBJECT_0 + i;
                return true;
            }
        }
        return false;
    };
    if (dwMilliseconds == INFINITE) {
        while (!satisfied()) table.cv.wait(lock);
        return result;
    }
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(dwMilliseconds);
    while (!satisfied()) {
        if (table.cv.wait_until(lock, deadline) == std::cv_status::timeout)
            return satisfied() ? result : WAIT_TIMEOUT;
    }
    return result;
}
inline DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds) {
    return WaitForMultipleObjects(1, &hHandle, TRUE, dwMilliseconds);
}
inline DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    return WaitForSingleObject(hHandle, dwMilliseconds);
}
inline DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount, const HANDLE* lpHandles, BOOL bWaitAll,
                                             DWORD dwMilliseconds, BOOL bAlertable) {
    static_cast<void>(bAlertable);
    return WaitForMultipleObjects(nCount, lpHandles, bWaitAll, dwMilliseconds);
}

// A real thread (std::thread, detached; the handle keeps its result). GetCurrentThreadId inside
// it equals *lpThreadId. CREATE_SUSPENDED threads start at ResumeThread.
inline HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES lpThreadAttributes, SIZE_T dwStackSize,
                                  LPTHREAD_START_ROUTINE lpStartAddress, LPVOID lpParameter,
                                  DWORD dwCreationFlags, LPDWORD lpThreadId) {
    using ::iisfake::win32::detail::ThreadObject;
    static_cast<void>(lpThreadAttributes);
    static_cast<void>(dwStackSize);
    if (lpStartAddress == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::shared_ptr<ThreadObject> thread = std::make_shared<ThreadObject>();
    thread->id = ::iisfake::win32::detail::reserve_thread_id();
    thread->suspend_count = (dwCreationFlags & CREATE_SUSPENDED) ? 1u : 0u;
    const HANDLE handle = ::iisfake::win32::detail::insert_handle(thread);
    try {
        std::thread([thread, lpStartAddress, lpParameter] {
            ::iisfake::win32::detail::assign_thread_id(thread->id);
            ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
            {
                std::unique_lock<std::mutex> lock(table.mutex);
                while (thread->suspend_count > 0) table.cv.wait(lock);
            }
            const DWORD code = lpStartAddress(lpParameter);
            std::lock_guard<std::mutex> lock(table.mutex);
            thread->exit_code = code;
            thread->done = true;
            table.cv.notify_all();
        }).detach();
    } catch (const std::system_error&) {
        CloseHandle(handle);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return nullptr;
    }
    if (lpThreadId) *lpThreadId = thread->id;
    return handle;
}

// Returns the previous suspend count, or (DWORD)-1 with ERROR_INVALID_HANDLE.
inline DWORD WINAPI ResumeThread(HANDLE hThread) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hThread));
    if (!thread) {
        SetLastError(ERROR_INVALID_HANDLE);
        return static_cast<DWORD>(-1);
    }
    const DWORD previous = thread->suspend_count;
    if (thread->suspend_count > 0 && --thread->suspend_count == 0) table.cv.notify_all();
    return previous;
}

// STILL_ACTIVE while the thread runs.
inline BOOL WINAPI GetExitCodeThread(HANDLE hThread, LPDWORD lpExitCode) {
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, hThread));
    if (!thread || lpExitCode == nullptr) {
        SetLastError(thread ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
        return FALSE;
    }
    *lpExitCode = thread->exit_code;
    return TRUE;
}

inline DWORD WINAPI GetThreadId(HANDLE Thread) {
    if (Thread == GetCurrentThread()) return GetCurrentThreadId();
    ::iisfake::win32::detail::HandleTable& table = ::iisfake::win32::detail::handle_table();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto* thread = ::iisfake::win32::detail::as_object<::iisfake::win32::detail::ThreadObject>(
        ::iisfake::win32::detail::find_handle_locked(table, Thread));
    if (!thread) {
        SetLastError(ERROR_INVALID_HANDLE);
        return 0;
    }
    return thread->id;
}

#if defined(UNICODE)
#define CreateEvent CreateEventW
#define CreateEventEx CreateEventExW
#define CreateMutex CreateMutexW
#define CreateSemaphore CreateSemaphoreW
#else
#define CreateEvent CreateEventA
#define CreateEventEx CreateEventExA
#define CreateMutex CreateMutexA
#define CreateSemaphore CreateSemaphoreA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/sync.hpp -----
// ----- begin iisfake/win32/environment.hpp -----
#ifndef IISFAKE_WIN32_ENVIRONMENT_HPP_INCLUDED
#define IISFAKE_WIN32_ENVIRONMENT_HPP_INCLUDED

// Environment variables for module code off Windows (T-19). A fake environment, never the real
// one: it starts as a worker process's would on a default IIS install (SystemRoot, windir, TEMP,
// APP_POOL_ID=DefaultAppPool, COMPUTERNAME=IISFAKE...), names are case-insensitive as on Windows,
// and tests change it through iisfake::win32::set_environment_variable,
// unset_environment_variable and reset_environment. The narrow functions read and write UTF-8
// (the ANSI code page is taken to be UTF-8).


#if !defined(_WIN32)

#include <cstddef>
#include <cstring>
#include <cwchar>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>


typedef CHAR* LPCH;
typedef WCHAR* LPWCH;

#ifndef ERROR_ENVVAR_NOT_FOUND
#define ERROR_ENVVAR_NOT_FOUND 203
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline std::string upper_ascii(const std::string& text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

struct EnvironmentState {
    std::mutex mutex;
    // key: the name in upper case; value: {the name as first set, the value}, UTF-8.
    std::map<std::string, std::pair<std::string, std::string>> variables;
    std::set<const void*> blocks;  // GetEnvironmentStrings results not yet freed
    EnvironmentState() { reset(); }

    void set(const std::string& name, const std::string& value) {
        auto found = variables.find(upper_ascii(name));
        if (found != variables.end())
            found->second.second = value;
        else
            variables[upper_ascii(name)] = std::make_pair(name, value);
    }
    void reset() {
        variables.clear();
        set("ALLUSERSPROFILE", "C:\\ProgramData");
        set("APP_POOL_CONFIG",
            "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config");
        set("APP_POOL_ID", "DefaultAppPool");
        set("CommonProgramFiles", "C:\\Program Files\\Common Files");
        set("COMPUTERNAME", narrow_utf8(computer_name()));
        set("ComSpec", "C:\\Windows\\system32\\cmd.exe");
        set("NUMBER_OF_PROCESSORS", std::to_string(processor_count()));
        set("OS", "Windows_NT");
        set("Path",
            "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;"
            "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\");
        set("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
        set("PROCESSOR_ARCHITECTURE", "AMD64");
        set("ProgramData", "C:\\ProgramData");
        set("ProgramFiles", "C:\\Program Files");
        set("ProgramFiles(x86)", "C:\\Program Files (x86)");
        set("PUBLIC", "C:\\Users\\Public");
        set("SystemDrive", "C:");
        set("SystemRoot", "C:\\Windows");
        set("TEMP", "C:\\Windows\\TEMP");
        set("TMP", "C:\\Windows\\TEMP");
        set("USERDOMAIN", "IIS APPPOOL");
        set("USERNAME", "DefaultAppPool");
        set("USERPROFILE", "C:\\Windows\\system32\\config\\systemprofile");
        set("windir", "C:\\Windows");
    }
};

inline EnvironmentState& environment_state() {
    static EnvironmentState state;
    return state;
}

inline bool lookup_environment(const std::string& name, std::string& value) {
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    auto found = state.variables.find(upper_ascii(name));
    if (found == state.variables.end()) return false;
    value = found->second.second;
    return true;
}

// A name Windows accepts: not empty, no '=' after the first character.
inline bool valid_variable_name(const std::string& name) {
    return !name.empty() && name.find('=', 1) == std::string::npos;
}

// GetEnvironmentVariable's contract over either character type.
template <class Char>
inline DWORD get_variable(const std::string& name, const std::basic_string<Char>& value_in_chars,
                          bool found, Char* buffer, DWORD size) {
    static_cast<void>(name);
    if (!found) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    if (buffer == nullptr || value_in_chars.size() >= size)
        return static_cast<DWORD>(value_in_chars.size() + 1);  // needed, with the NUL
    copy_with_nul(value_in_chars, buffer);
    if (value_in_chars.empty()) SetLastError(ERROR_SUCCESS);
    return static_cast<DWORD>(value_in_chars.size());
}

// %NAME% becomes the value; an unknown or empty name, or a lone '%', stays as written.
inline std::string expand_environment(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '%') {
            out += text[i++];
            continue;
        }
        const std::size_t close = text.find('%', i + 1);
        if (close == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        std::string value;
        if (close > i + 1 && lookup_environment(text.substr(i + 1, close - i - 1), value)) {
            out += value;
            i = close + 1;
        } else {
            out.append(text, i, close - i);  // "%NAME", the closing '%' may open the next one
            i = close;
        }
    }
    return out;
}

template <class Char>
inline DWORD expand_into(const std::basic_string<Char>& expanded, Char* buffer, DWORD size) {
    const auto needed = static_cast<DWORD>(expanded.size() + 1);
    if (buffer == nullptr || needed > size) return needed;
    copy_with_nul(expanded, buffer);
    return needed;
}

template <class Char>
inline Char* environment_block(const std::basic_string<Char>& text) {
    Char* block = new Char[text.size() + 1];
    for (std::size_t i = 0; i < text.size(); ++i) block[i] = text[i];
    block[text.size()] = Char();
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.blocks.insert(block);
    return block;
}

// "NAME=VALUE\0...\0\0", sorted by name as Windows keeps it.
inline std::string environment_block_text() {
    EnvironmentState& state = environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::string out;
    for (const auto& entry : state.variables) {
        out += entry.second.first;
        out += '=';
        out += entry.second.second;
        out += '\0';
    }
    if (out.empty()) out += '\0';
    out += '\0';
    return out;
}

template <class Char>
inline BOOL free_environment_block(Char* block) {
    {
        EnvironmentState& state = environment_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        if (block == nullptr || state.blocks.erase(block) == 0) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
    }
    delete[] block;
    return TRUE;
}

}  // namespace detail

// ---- state API ---------------------------------------------------------------------------------
template <class Unused = void>
inline void set_environment_variable(const std::string& name, const std::string& value) {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.set(name, value);
}
template <class Unused = void>
inline void unset_environment_variable(const std::string& name) {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.variables.erase(detail::upper_ascii(name));
}
// The default environment (COMPUTERNAME follows iisfake::win32::set_computer_name).
template <class Unused = void>
inline void reset_environment() {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.reset();
}
// The whole environment, names as first set: {name, value} sorted by upper-case name.
template <class Unused = void>
inline std::map<std::string, std::string> environment() {
    detail::EnvironmentState& state = detail::environment_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::map<std::string, std::string> out;
    for (const auto& entry : state.variables) out[entry.second.first] = entry.second.second;
    return out;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// Returns the value's length without the NUL; a buffer too small (or NULL): the size needed, with
// the NUL, and nothing written; absent: 0 and ERROR_ENVVAR_NOT_FOUND; empty value: 0 and
// ERROR_SUCCESS.
inline DWORD WINAPI GetEnvironmentVariableA(LPCSTR lpName, LPSTR lpBuffer, DWORD nSize) {
    if (lpName == nullptr) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    std::string value;
    const bool found = ::iisfake::win32::detail::lookup_environment(lpName, value);
    return ::iisfake::win32::detail::get_variable(lpName, value, found, lpBuffer, nSize);
}
inline DWORD WINAPI GetEnvironmentVariableW(LPCWSTR lpName, LPWSTR lpBuffer, DWORD nSize) {
    if (lpName == nullptr) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    const std::string name = ::iisfake::win32::detail::narrow_utf8(lpName);
    std::string value;
    const bool found = ::iisfake::win32::detail::lookup_environment(name, value);
    return ::iisfake::win32::detail::get_variable(name, ::iisfake::win32::detail::widen_utf8(value),
                                                  found, lpBuffer, nSize);
}

// A NULL value deletes the variable; "" sets it empty. An empty name or one with '=' after its
// first character: FALSE, ERROR_INVALID_PARAMETER.
inline BOOL WINAPI SetEnvironmentVariableA(LPCSTR lpName, LPCSTR lpValue) {
    if (lpName == nullptr || !::iisfake::win32::detail::valid_variable_name(lpName)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lpValue == nullptr)
        ::iisfake::win32::unset_environment_variable(lpName);
    else
        ::iisfake::win32::set_environment_variable(lpName, lpValue);
    return TRUE;
}
inline BOOL WINAPI SetEnvironmentVariableW(LPCWSTR lpName, LPCWSTR lpValue) {
    if (lpName == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    const std::string name = ::iisfake::win32::detail::narrow_utf8(lpName);
    if (!::iisfake::win32::detail::valid_variable_name(name)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lpValue == nullptr)
        ::iisfake::win32::unset_environment_variable(name);
    else
        ::iisfake::win32::set_environment_variable(name,
                                                   ::iisfake::win32::detail::narrow_utf8(lpValue));
    return TRUE;
}

// Returns the characters stored, with the NUL; a buffer too small (or NULL): the size needed and
// nothing written. NULL source: 0, ERROR_INVALID_PARAMETER.
inline DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR lpSrc, LPSTR lpDst, DWORD nSize) {
    if (lpSrc == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return ::iisfake::win32::detail::expand_into(
        ::iisfake::win32::detail::expand_environment(lpSrc), lpDst, nSize);
}
inline DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR lpSrc, LPWSTR lpDst, DWORD nSize) {
    if (lpSrc == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return ::iisfake::win32::detail::expand_into(
        ::iisfake::win32::detail::widen_utf8(::iisfake::win32::detail::expand_environment(
            ::iisfake::win32::detail::narrow_utf8(lpSrc))),
        lpDst, nSize);
}

// A copy of the environment block; free it with FreeEnvironmentStrings (an unknown pointer:
// FALSE, ERROR_INVALID_PARAMETER).
inline LPCH WINAPI GetEnvironmentStringsA(VOID) {
    return ::iisfake::win32::detail::environment_block(
        ::iisfake::win32::detail::environment_block_text());
}
inline BOOL WINAPI FreeEnvironmentStringsA(LPCH penv) {
    return ::iisfake::win32::detail::free_environment_block(penv);
}
inline LPWCH WINAPI GetEnvironmentStringsW(VOID) {
    return ::iisfake::win32::detail::environment_block(
        ::iisfake::win32::detail::widen_utf8(::iisfake::win32::detail::environment_block_text()));
}
inline BOOL WINAPI FreeEnvironmentStringsW(LPWCH penv) {
    return ::iisfake::win32::detail::free_environment_block(penv);
}

#if defined(UNICODE)
#define GetEnvironmentVariable GetEnvironmentVariableW
#define SetEnvironmentVariable SetEnvironmentVariableW
#define ExpandEnvironmentStrings ExpandEnvironmentStringsW
#define GetEnvironmentStrings GetEnvironmentStringsW
#define FreeEnvironmentStrings FreeEnvironmentStringsW
#else
#define GetEnvironmentVariable GetEnvironmentVariableA
#define SetEnvironmentVariable SetEnvironmentVariableA
#define ExpandEnvironmentStrings ExpandEnvironmentStringsA
#define GetEnvironmentStrings GetEnvironmentStringsA
#define FreeEnvironmentStrings FreeEnvironmentStringsA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/environment.hpp -----
// ----- begin iisfake/win32/event_log.hpp -----
#ifndef IISFAKE_WIN32_EVENT_LOG_HPP_INCLUDED
#define IISFAKE_WIN32_EVENT_LOG_HPP_INCLUDED

// The event log for module code off Windows (T-19): RegisterEventSource, ReportEvent and
// DeregisterEventSource record into iisfake::win32::event_log() (never a real log) for tests to
// read. Module samples sometimes hand wide strings to the narrow functions (or narrow ones to the
// wide functions); template overloads accept that too, without making NULL, 0 or nullptr
// ambiguous.


#if !defined(_WIN32)

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>


#define EVENTLOG_SUCCESS 0x0000
#define EVENTLOG_ERROR_TYPE 0x0001
#define EVENTLOG_WARNING_TYPE 0x0002
#define EVENTLOG_INFORMATION_TYPE 0x0004
#define EVENTLOG_AUDIT_SUCCESS 0x0008
#define EVENTLOG_AUDIT_FAILURE 0x0010

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// One ReportEvent call. strings are UTF-8 (narrow strings are taken to be UTF-8); wide: the call
// was ReportEventW, or passed wide strings.
struct EventRecord {
    std::string source;
    WORD type;
    WORD category;
    DWORD event_id;
    std::vector<std::string> strings;
    std::vector<unsigned char> data;
    bool wide;
};

namespace detail {

struct EventLogState {
    std::mutex mutex;
    std::vector<EventRecord> records;
    std::map<std::uintptr_t, std::string> sources;  // open handles
    std::uintptr_t next = 0xE000;
};

inline EventLogState& event_log_state() {
    static EventLogState state;
    return state;
}

inline HANDLE register_event_source(const char* server_utf8, const std::string* source) {
    static_cast<void>(server_utf8);  // a remote server is taken to be this machine
    if (source == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    EventLogState& state = event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    const std::uintptr_t value = state.next;
    state.next += 4;
    state.sources[value] = *source;
    return reinterpret_cast<HANDLE>(value);
}

template <class Char>
inline std::string event_string_utf8(const Char* text);
template <>
inline std::string event_string_utf8<char>(const char* text) {
    return std::string(text);
}
template <>
inline std::string event_string_utf8<wchar_t>(const wchar_t* text) {
    return narrow_utf8(text);
}

// Strings of either width; wNumStrings > 0 with no array, a NULL string, or data without a
// buffer: FALSE, ERROR_INVALID_PARAMETER.
template <class Char>
inline BOOL report_event(HANDLE handle, WORD type, WORD category, DWORD event_id, WORD string_count,
                         DWORD data_size, const Char* const* strings, const void* data, bool wide) {
    EventRecord record;
    {
        EventLogState& state = event_log_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        auto found = state.sources.find(reinterpret_cast<std::uintptr_t>(handle));
        if (found == state.sources.end()) {
            SetLastError(ERROR_INVALID_HANDLE);
            return FALSE;
        }
        record.source = found->second;
    }
    if ((string_count > 0 && strings == nullptr) || (data_size > 0 && data == nullptr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (WORD i = 0; i < string_count; ++i) {
        if (strings[i] == nullptr) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        record.strings.push_back(event_string_utf8<Char>(strings[i]));
    }
    record.type = type;
    record.category = category;
    record.event_id = event_id;
    const auto* bytes = static_cast<const unsigned char*>(data);
    if (data_size > 0) record.data.assign(bytes, bytes + data_size);
    record.wide = wide;
    EventLogState& state = event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.push_back(record);
    return TRUE;
}

template <class T, class Char>
struct is_string_pointer_of
    : std::integral_constant<
          bool, std::is_same<typename std::remove_cv<T>::type, Char*>::value ||
                    std::is_same<typename std::remove_cv<T>::type, const Char*>::value> {};

}  // namespace detail

// ---- state API -----------------------------------------------------------------------------
template <class Unused = void>
inline std::vector<EventRecord> event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.records;
}
template <class Unused = void>
inline void clear_event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
}
// Sources registered and not deregistered, in registration order.
template <class Unused = void>
inline std::vector<std::string> open_event_sources() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::vector<std::string> out;
    for (const auto& entry : state.sources) out.push_back(entry.second);
    return out;
}
// Clears the log and forgets every source handle.
template <class Unused = void>
inline void reset_event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
    state.sources.clear();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- sources -------------------------------------------------------------------------------
// A NULL source: NULL, ERROR_INVALID_PARAMETER. The server name is ignored.
inline HANDLE WINAPI RegisterEventSourceA(LPCSTR lpUNCServerName, LPCSTR lpSourceName) {
    if (lpSourceName == nullptr)
        return ::iisfake::win32::detail::register_event_source(lpUNCServerName, nullptr);
    const std::string source(lpSourceName);
    return ::iisfake::win32::detail::register_event_source(lpUNCServerName, &source);
}
inline HANDLE WINAPI RegisterEventSourceW(LPCWSTR lpUNCServerName, LPCWSTR lpSourceName) {
    static_cast<void>(lpUNCServerName);
    if (lpSourceName == nullptr)
        return ::iisfake::win32::detail::register_event_source(nullptr, nullptr);
    const std::string source = ::iisfake::win32::detail::narrow_utf8(lpSourceName);
    return ::iisfake::win32::detail::register_event_source(nullptr, &source);
}
// The other width's source name (only a wide pointer deduces W, only a narrow one N).
template <class W, class = typename std::enable_if<std::is_same<W, wchar_t>::value>::type>
inline HANDLE WINAPI RegisterEventSourceA(LPCSTR lpUNCServerName, const W* lpSourceName) {
    static_cast<void>(lpUNCServerName);
    return RegisterEventSourceW(nullptr, lpSourceName);
}
template <class W, class = typename std::enable_if<std::is_same<W, wchar_t>::value>::type>
inline HANDLE WINAPI RegisterEventSourceA(const W* lpUNCServerName, const W* lpSourceName) {
    return RegisterEventSourceW(lpUNCServerName, lpSourceName);
}
template <class N, class = typename std::enable_if<std::is_same<N, char>::value>::type>
inline HANDLE WINAPI RegisterEventSourceW(LPCWSTR lpUNCServerName, const N* lpSourceName) {
    static_cast<void>(lpUNCServerName);
    return RegisterEventSourceA(nullptr, lpSourceName);
}
template <class N, class = typename std::enable_if<std::is_same<N, char>::value>::type>
inline HANDLE WINAPI RegisterEventSourceW(const N* lpUNCServerName, const N* lpSourceName) {
    return RegisterEventSourceA(lpUNCServerName, lpSourceName);
}

// An unknown or deregistered handle: FALSE, ERROR_INVALID_HANDLE.
inline BOOL WINAPI DeregisterEventSource(HANDLE hEventLog) {
    ::iisfake::win32::detail::EventLogState& state = ::iisfake::win32::detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (state.sources.erase(reinterpret_cast<std::uintptr_t>(hEventLog)) == 0) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

// ---- reports -------------------------------------------------------------------------------
inline BOOL WINAPI ReportEventA(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize,
                                LPCSTR* lpStrings, LPVOID lpRawData) {
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<char>(hEventLog, wType, wCategory, dwEventID,
                                                        wNumStrings, dwDataSize, lpStrings,
                                                        lpRawData, false);
}
inline BOOL WINAPI ReportEventW(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize,
                                LPCWSTR* lpStrings, LPVOID lpRawData) {
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<wchar_t>(hEventLog, wType, wCategory, dwEventID,
                                                           wNumStrings, dwDataSize, lpStrings,
                                                           lpRawData, true);
}
// The other width's strings, and the non-const or const-qualified arrays (LPWSTR*, LPSTR*,
// LPCWSTR const*...), through either function. Only a pointer to a string pointer deduces S, so
// NULL, 0 and nullptr still pick the exact signature above.
template <class S, class = typename std::enable_if<
                       ::iisfake::win32::detail::is_string_pointer_of<S, wchar_t>::value ||
                       ::iisfake::win32::detail::is_string_pointer_of<S, char>::value>::type>
inline BOOL WINAPI ReportEventA(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize, S* lpStrings,
                                LPVOID lpRawData) {
    typedef typename std::remove_cv<
        typename std::remove_pointer<typename std::remove_cv<S>::type>::type>::type Char;
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<Char>(
        hEventLog, wType, wCategory, dwEventID, wNumStrings, dwDataSize, lpStrings, lpRawData,
        std::is_same<Char, wchar_t>::value);
}
template <class S, class = typename std::enable_if<
                       ::iisfake::win32::detail::is_string_pointer_of<S, wchar_t>::value ||
                       ::iisfake::win32::detail::is_string_pointer_of<S, char>::value>::type>
inline BOOL WINAPI ReportEventW(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize, S* lpStrings,
                                LPVOID lpRawData) {
    typedef typename std::remove_cv<
        typename std::remove_pointer<typename std::remove_cv<S>::type>::type>::type Char;
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<Char>(hEventLog, wType, wCategory, dwEventID,
                                                        wNumStrings, dwDataSize, lpStrings,
                                                        lpRawData, true);
}

#if defined(UNICODE)
#define RegisterEventSource RegisterEventSourceW
#define ReportEvent ReportEventW
#else
#define RegisterEventSource RegisterEventSourceA
#define ReportEvent ReportEventA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/event_log.hpp -----
// ----- begin iisfake/win32/guid.hpp -----
#ifndef IISFAKE_WIN32_GUID_HPP_INCLUDED
#define IISFAKE_WIN32_GUID_HPP_INCLUDED

// GUIDs and the COM runtime calls module code makes off Windows (T-19): what <guiddef.h>,
// <initguid.h>, <cguid.h> and <objbase.h>/<combaseapi.h> provide.
//
// DEFINE_GUID(name, ...) declares `extern "C" const GUID name;` or, where INITGUID is defined
// (as <initguid.h> does) at the point of use, defines it. INITGUID is read at every expansion,
// so `#include <initguid.h>` between two DEFINE_GUIDs switches them as MSVC's redefinition of
// the macro does. The definition is weak, the g++/clang counterpart of MSVC's selectany: several
// translation units may define the same GUID under INITGUID and the program still links.
//
// There is no COM registry: CoCreateInstance answers REGDB_E_CLASSNOTREG unless the test has
// registered a factory for the CLSID with iisfake::win32::register_com_class. CoInitialize(Ex)
// counts per thread (S_OK, then S_FALSE; RPC_E_CHANGED_MODE for the other concurrency model) but
// CoCreateInstance does not require it: IIS's threads are already initialised for modules.


#if !defined(_WIN32)

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

// ---- DEFINE_GUID -------------------------------------------------------------------------------
#define IISFAKE_DETAIL_GUID_CAT2(a, b) a##b
#define IISFAKE_DETAIL_GUID_CAT(a, b) IISFAKE_DETAIL_GUID_CAT2(a, b)
// INITGUID undefined: the macro's name is left as is -> the declaration.
#define IISFAKE_DETAIL_DEFINE_GUID_INITGUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern "C" const GUID name
// INITGUID defined empty (<initguid.h>) or as 1 (-DINITGUID): a weak definition.
#define IISFAKE_DETAIL_DEFINE_GUID_(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern "C" const GUID name __attribute__((weak)) = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#define IISFAKE_DETAIL_DEFINE_GUID_1 IISFAKE_DETAIL_DEFINE_GUID_

#ifndef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    IISFAKE_DETAIL_GUID_CAT(IISFAKE_DETAIL_DEFINE_GUID_, INITGUID)   \
    (name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)
#endif
#ifndef DEFINE_OLEGUID
#define DEFINE_OLEGUID(name, l, w1, w2) DEFINE_GUID(name, l, w1, w2, 0xC0, 0, 0, 0, 0, 0, 0, 0x46)
#endif

typedef GUID UUID;
typedef GUID* LPGUID;
typedef IID* LPIID;
typedef CLSID* LPCLSID;
typedef LONG RPC_STATUS;

// GUID_NULL (<cguid.h>) and IID_IUnknown (<unknwn.h>), weak as DEFINE_GUID's definitions are.
extern "C" const GUID GUID_NULL __attribute__((weak)) = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
extern "C" const IID IID_IUnknown __attribute__((weak)) = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
#ifndef IID_NULL
#define IID_NULL GUID_NULL
#endif
#ifndef CLSID_NULL
#define CLSID_NULL GUID_NULL
#endif

// ---- codes -------------------------------------------------------------------------------------
#ifndef REGDB_E_CLASSNOTREG
#define REGDB_E_CLASSNOTREG static_cast<HRESULT>(0x80040154u)
#endif
#ifndef CLASS_E_NOAGGREGATION
#define CLASS_E_NOAGGREGATION static_cast<HRESULT>(0x80040110u)
#endif
#ifndef CO_E_CLASSSTRING
#define CO_E_CLASSSTRING static_cast<HRESULT>(0x800401F3u)
#endif
#ifndef CO_E_NOTINITIALIZED
#define CO_E_NOTINITIALIZED static_cast<HRESULT>(0x800401F0u)
#endif
#ifndef RPC_E_CHANGED_MODE
#define RPC_E_CHANGED_MODE static_cast<HRESULT>(0x80010106u)
#endif
#ifndef RPC_S_OK
#define RPC_S_OK 0
#endif
#ifndef NOERROR
#define NOERROR 0
#endif

typedef enum tagCOINIT {
    COINIT_APARTMENTTHREADED = 0x2,
    COINIT_MULTITHREADED = 0x0,
    COINIT_DISABLE_OLE1DDE = 0x4,
    COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

typedef enum tagCLSCTX {
    CLSCTX_INPROC_SERVER = 0x1,
    CLSCTX_INPROC_HANDLER = 0x2,
    CLSCTX_LOCAL_SERVER = 0x4,
    CLSCTX_REMOTE_SERVER = 0x10
} CLSCTX;
#ifndef CLSCTX_INPROC
#define CLSCTX_INPROC (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#endif
#ifndef CLSCTX_SERVER
#define CLSCTX_SERVER (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#endif
#ifndef CLSCTX_ALL
#define CLSCTX_ALL \
    (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#endif

// ---- state (iisfake::win32) ---------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// What CoCreateInstance calls for a registered CLSID: outer is pUnkOuter; put the object's riid
// interface (AddRef'ed) in *ppv and return S_OK, or an HRESULT with *ppv NULL.
using ComClassFactory = std::function<HRESULT(IUnknown* outer, REFIID riid, void** ppv)>;

namespace detail {
namespace com {

struct ThreadState {
    int initialized = 0;  // CoInitialize(Ex) calls not yet balanced by CoUninitialize
    DWORD model = 0;      // COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED
};

inline ThreadState& thread_state() {
    static thread_local ThreadState state;
    return state;
}

struct Registry {
    std::mutex mutex;
    std::vector<std::pair<GUID, ComClassFactory>> classes;
};

inline Registry& registry() {
    static Registry instance;
    return instance;
}

inline std::atomic<long>& task_memory_blocks() {
    static std::atomic<long> count{0};
    return count;
}

inline int hex_value(WCHAR c) noexcept {
    const long value = static_cast<long>(c);  // wchar_t is 4 bytes here, signed
    if (value >= '0' && value <= '9') return static_cast<int>(value - '0');
    if (value >= 'a' && value <= 'f') return static_cast<int>(value - 'a') + 10;
    if (value >= 'A' && value <= 'F') return static_cast<int>(value - 'A') + 10;
    return -1;
}

// Reads `digits` hex digits at text[at]; false if any is not one.
inline bool read_hex(const WCHAR* text, std::size_t at, int digits, std::uint32_t& out) noexcept {
    out = 0;
    for (int i = 0; i < digits; ++i) {
        const int v = hex_value(text[at + static_cast<std::size_t>(i)]);
        if (v < 0) return false;
        out = (out << 4) | static_cast<std::uint32_t>(v);
    }
    return true;
}

// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" (either case) and nothing after it.
inline bool parse_braced(const WCHAR* text, GUID& out) noexcept {
    std::size_t length = 0;
    while (length < 39 && text[length]) ++length;
    if (length != 38 || text[0] != L'{' || text[37] != L'}' || text[9] != L'-' ||
        text[14] != L'-' || text[19] != L'-' || text[24] != L'-')
        return false;
    std::uint32_t d1 = 0, d2 = 0, d3 = 0, byte = 0;
    if (!read_hex(text, 1, 8, d1) || !read_hex(text, 10, 4, d2) || !read_hex(text, 15, 4, d3))
        return false;
    GUID g;
    g.Data1 = d1;
    g.Data2 = static_cast<unsigned short>(d2);
    g.Data3 = static_cast<unsigned short>(d3);
    static const std::size_t at[8] = {20, 22, 25, 27, 29, 31, 33, 35};
    for (int i = 0; i < 8; ++i) {
        if (!read_hex(text, at[i], 2, byte)) return false;
        g.Data4[i] = static_cast<unsigned char>(byte);
    }
    out = g;
    return true;
}

// n bytes from the kernel's entropy source (/dev/urandom: POSIX calls, no <random>, which costs
// every module TU a fifth of a second to parse); false if it cannot be read.
inline bool read_urandom(unsigned char* bytes, std::size_t n) noexcept {
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = ::read(fd, bytes + done, n - done);
        if (got > 0) {
            done += static_cast<std::size_t>(got);
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    ::close(fd);
    return done == n;
}

// splitmix64: the fallback when no entropy source can be read.
inline unsigned long long mix64(unsigned long long x) noexcept {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline void random_guid(GUID& out) {
    unsigned char bytes[16];
    if (!read_urandom(bytes, sizeof bytes)) {  // a clock-seeded generator, still unique enough
        static std::atomic<unsigned long long> counter{0};
        unsigned long long state =
            static_cast<unsigned long long>(
                std::chrono::steady_clock::now().time_since_epoch().count()) ^
            (++counter * 0x9E3779B97F4A7C15ull);
        for (int i = 0; i < 16; i += 8) {
            state = mix64(state);
            for (int k = 0; k < 8; ++k)
                bytes[i + k] = static_cast<unsigned char>((state >> (8 * k)) & 0xFFu);
        }
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0Fu) | 0x40u);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3Fu) | 0x80u);  // RFC 4122 variant
    out.Data1 = (static_cast<std::uint32_t>(bytes[0]) << 24) |
                (static_cast<std::uint32_t>(bytes[1]) << 16) |
                (static_cast<std::uint32_t>(bytes[2]) << 8) | bytes[3];
    out.Data2 = static_cast<unsigned short>((bytes[4] << 8) | bytes[5]);
    out.Data3 = static_cast<unsigned short>((bytes[6] << 8) | bytes[7]);
    for (int i = 0; i < 8; ++i) out.Data4[i] = bytes[8 + i];
}

}  // namespace com
}  // namespace detail

// Makes CoCreateInstance(clsid, ...) call `factory` (replacing an earlier one for clsid).
// (Templates with a defaulted parameter, as the other test-side functions that change state:
// instantiated only in the tests that call them, not in every module translation unit.)
template <class Unused = void>
inline void register_com_class(const CLSID& clsid, ComClassFactory factory) {
    detail::com::Registry& r = detail::com::registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    for (auto& entry : r.classes)
        if (entry.first == clsid) {
            entry.second = std::move(factory);
            return;
        }
    r.classes.emplace_back(clsid, std::move(factory));
}

template <class Unused = void>
inline void unregister_com_class(const CLSID& clsid) {
    detail::com::Registry& r = detail::com::registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    for (auto it = r.classes.begin(); it != r.classes.end(); ++it)
        if (it->first == clsid) {
            r.classes.erase(it);
            return;
        }
}

// How many CoInitialize(Ex) calls of the calling thread are not yet balanced by CoUninitialize.
inline int com_initialize_count() { return detail::com::thread_state().initialized; }

// Blocks from CoTaskMemAlloc/Realloc (StringFromCLSID...) not yet freed with CoTaskMemFree.
inline long co_task_mem_outstanding() { return detail::com::task_memory_blocks().load(); }

// Forgets every registered class and the calling thread's CoInitialize count.
inline void reset_com() {
    {
        detail::com::Registry& r = detail::com::registry();
        std::lock_guard<std::mutex> lock(r.mutex);
        r.classes.clear();
    }
    detail::com::thread_state() = detail::com::ThreadState();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- <guiddef.h>
// ---------------------------------------------------------------------------------
inline int InlineIsEqualGUID(REFGUID rguid1, REFGUID rguid2) {
    return std::memcmp(&rguid1, &rguid2, sizeof(GUID)) == 0 ? 1 : 0;
}
inline int IsEqualGUID(REFGUID rguid1, REFGUID rguid2) { return InlineIsEqualGUID(rguid1, rguid2); }
#ifndef IsEqualIID
#define IsEqualIID(riid1, riid2) IsEqualGUID(riid1, riid2)
#endif
#ifndef IsEqualCLSID
#define IsEqualCLSID(rclsid1, rclsid2) IsEqualGUID(rclsid1, rclsid2)
#endif

// ---- task memory -------------------------------------------------------------------------------
inline LPVOID CoTaskMemAlloc(SIZE_T cb) {
    void* block = std::malloc(cb ? cb : 1);  // a zero-length request still gets a valid pointer
    if (block) ++::iisfake::win32::detail::com::task_memory_blocks();
    return block;
}
inline void CoTaskMemFree(LPVOID pv) {
    if (!pv) return;
    --::iisfake::win32::detail::com::task_memory_blocks();
    std::free(pv);
}
inline LPVOID CoTaskMemRealloc(LPVOID pv, SIZE_T cb) {
    if (!pv) return CoTaskMemAlloc(cb);
    if (cb == 0) {
        CoTaskMemFree(pv);
        return nullptr;
    }
    return std::realloc(pv, cb);  // on failure the old block stays valid and counted
}

// ---- GUID <-> text
// -------------------------------------------------------------------------------
// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}", upper case; returns the characters written with the
// NUL (39), or 0 when cchMax is below 39.
inline int StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax) {
    if (!lpsz || cchMax < 39) return 0;
    static const char digits[] = "0123456789ABCDEF";
    int at = 0;
    auto put = [&](std::uint32_t value, int count) {
        for (int shift = 4 * (count - 1); shift >= 0; shift -= 4)
            lpsz[at++] = static_cast<OLECHAR>(digits[(value >> shift) & 0xFu]);
    };
    lpsz[at++] = L'{';
    put(rguid.Data1, 8);
    lpsz[at++] = L'-';
    put(rguid.Data2, 4);
    lpsz[at++] = L'-';
    put(rguid.Data3, 4);
    lpsz[at++] = L'-';
    put(rguid.Data4[0], 2);
    put(rguid.Data4[1], 2);
    lpsz[at++] = L'-';
    for (int i = 2; i < 8; ++i) put(rguid.Data4[i], 2);
    lpsz[at++] = L'}';
    lpsz[at++] = L'\0';
    return at;
}

inline HRESULT StringFromCLSID(REFCLSID rclsid, LPOLESTR* lplpsz) {
    if (!lplpsz) return E_INVALIDARG;
    *lplpsz = static_cast<LPOLESTR>(CoTaskMemAlloc(39 * sizeof(OLECHAR)));
    if (!*lplpsz) return E_OUTOFMEMORY;
    StringFromGUID2(rclsid, *lplpsz, 39);
    return S_OK;
}
inline HRESULT StringFromIID(REFIID rclsid, LPOLESTR* lplpsz) {
    return StringFromCLSID(rclsid, lplpsz);
}

// NULL gives GUID_NULL; the braced form gives its GUID; anything else would be a ProgID, and
// there is no registry to look one up: CO_E_CLASSSTRING.
inline HRESULT CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid) {
    if (!pclsid) return E_INVALIDARG;
    if (!lpsz) {
        *pclsid = GUID_NULL;
        return NOERROR;
    }
    return ::iisfake::win32::detail::com::parse_braced(lpsz, *pclsid) ? NOERROR : CO_E_CLASSSTRING;
}
inline HRESULT CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid) {
    if (!lpszProgID || !lpclsid) return E_INVALIDARG;
    *lpclsid = GUID_NULL;
    return CO_E_CLASSSTRING;  // no ProgID is registered
}
// NULL gives GUID_NULL; only the braced form parses; anything else is E_INVALIDARG.
inline HRESULT IIDFromString(LPCOLESTR lpsz, LPIID lpiid) {
    if (!lpiid) return E_INVALIDARG;
    if (!lpsz) {
        *lpiid = GUID_NULL;
        return S_OK;
    }
    return ::iisfake::win32::detail::com::parse_braced(lpsz, *lpiid) ? S_OK : E_INVALIDARG;
}

// ---- new GUIDs
// ------------------------------------------------------------------------------------- A random
// (version 4) GUID from /dev/urandom.
inline HRESULT CoCreateGuid(GUID* pguid) {
    if (!pguid) return E_INVALIDARG;
    ::iisfake::win32::detail::com::random_guid(*pguid);
    return S_OK;
}
inline RPC_STATUS UuidCreate(UUID* Uuid) {
    if (!Uuid) return 87;  // RPC_S_INVALID_ARG
    ::iisfake::win32::detail::com::random_guid(*Uuid);
    return RPC_S_OK;
}

// ---- initialisation and activation
// ---------------------------------------------------------------
inline HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit) {
    if (pvReserved) return E_INVALIDARG;
    ::iisfake::win32::detail::com::ThreadState& state =
        ::iisfake::win32::detail::com::thread_state();
    const DWORD model = dwCoInit & COINIT_APARTMENTTHREADED;
    if (state.initialized > 0) {
        if (state.model != model) return RPC_E_CHANGED_MODE;
        ++state.initialized;
        return S_FALSE;
    }
    state.initialized = 1;
    state.model = model;
    return S_OK;
}
inline HRESULT CoInitialize(LPVOID pvReserved) {
    return CoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED);
}
inline void CoUninitialize() {
    ::iisfake::win32::detail::com::ThreadState& state =
        ::iisfake::win32::detail::com::thread_state();
    if (state.initialized > 0) --state.initialized;
}

// Only classes a test registered (iisfake::win32::register_com_class) exist.
inline HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                REFIID riid, LPVOID* ppv) {
    static_cast<void>(dwClsContext);
    if (!ppv) return E_POINTER;
    *ppv = nullptr;
    ::iisfake::win32::ComClassFactory factory;
    {
        ::iisfake::win32::detail::com::Registry& r = ::iisfake::win32::detail::com::registry();
        std::lock_guard<std::mutex> lock(r.mutex);
        for (const auto& entry : r.classes)
            if (entry.first == rclsid) factory = entry.second;
    }
    if (!factory) return REGDB_E_CLASSNOTREG;
    const HRESULT hr = factory(pUnkOuter, riid, ppv);  // outside the lock: it may re-enter
    if (FAILED(hr)) *ppv = nullptr;
    return hr;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/guid.hpp -----
// ----- begin iisfake/win32/variant.hpp -----
#ifndef IISFAKE_WIN32_VARIANT_HPP_INCLUDED
#define IISFAKE_WIN32_VARIANT_HPP_INCLUDED

// What <oleauto.h> adds to the VARIANT of com_types.hpp for module code off Windows (T-19): the
// V_* accessor macros, VariantChangeType(Ex) and VariantCopyInd.
//
// Conversions follow the documented coercion rules with the en-US locale, whatever the lcid:
// - VT_EMPTY converts to 0, FALSE or ""; VT_NULL only to VT_NULL/VT_EMPTY (else
//   DISP_E_TYPEMISMATCH); anything converts to VT_EMPTY.
// - Between the integer types, VT_R4/VT_R8, VT_CY and VT_DATE (as numbers), VT_BOOL and VT_BSTR:
//   a value outside the destination's range is DISP_E_OVERFLOW; reals round half to even
//   (2.5 -> 2, 3.5 -> 4), as OLE does; NaN and infinities overflow every integer type.
// - VT_BOOL reads as VT_I2 (-1 or 0) when converted to a number, as documented: VARIANT_TRUE to
//   an unsigned type overflows. Any non-zero number is VARIANT_TRUE.
// - VT_BOOL to VT_BSTR is "-1"/"0", or "True"/"False" with VARIANT_ALPHABOOL (or
//   VARIANT_LOCALBOOL: the locale here is English). VT_BSTR to VT_BOOL accepts "True"/"False"
//   (any case), "#TRUE#"/"#FALSE#" and numbers.
// - VT_BSTR to a number accepts surrounding blanks, a sign, ',' thousands separators, a '.'
//   fraction and an exponent; anything else (or nothing) is DISP_E_TYPEMISMATCH. Numbers become
//   text as OLE writes them: integers in decimal, VT_R8 with 15 significant digits and VT_R4 with
//   7 ("0.1", "1E+20", "1E-05").
// - VT_UNKNOWN/VT_DISPATCH convert only to each other and to VT_EMPTY: there is no IDispatch to
//   read a Value property from, so VARIANT_NOVALUEPROP changes nothing.
// - Not modelled (DISP_E_TYPEMISMATCH): VT_DECIMAL, VT_ERROR, arrays, VT_CY and VT_DATE to or
//   from text. An unknown VARTYPE is DISP_E_BADVARTYPE.
// - A VT_BYREF source is read through its pointer. pvargDest may be pvarSrc. On failure the
//   destination is left as it was.


#if !defined(_WIN32)

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

// ---- accessors ---------------------------------------------------------------------------------
#define V_VT(X) ((X)->vt)
#define V_ISBYREF(X) (V_VT(X) & VT_BYREF)
#define V_ISARRAY(X) (V_VT(X) & VT_ARRAY)
#define V_ISVECTOR(X) (V_VT(X) & 0x1000)
#define V_NONE(X) V_I2(X)
#define V_UI1(X) ((X)->bVal)
#define V_UI1REF(X) ((X)->pbVal)
#define V_I1(X) ((X)->cVal)
#define V_I1REF(X) ((X)->pcVal)
#define V_I2(X) ((X)->iVal)
#define V_I2REF(X) ((X)->piVal)
#define V_UI2(X) ((X)->uiVal)
#define V_UI2REF(X) ((X)->puiVal)
#define V_I4(X) ((X)->lVal)
#define V_I4REF(X) ((X)->plVal)
#define V_UI4(X) ((X)->ulVal)
#define V_UI4REF(X) ((X)->pulVal)
#define V_I8(X) ((X)->llVal)
#define V_I8REF(X) ((X)->pllVal)
#define V_UI8(X) ((X)->ullVal)
#define V_UI8REF(X) ((X)->pullVal)
#define V_INT(X) ((X)->intVal)
#define V_INTREF(X) ((X)->pintVal)
#define V_UINT(X) ((X)->uintVal)
#define V_UINTREF(X) ((X)->puintVal)
#define V_R4(X) ((X)->fltVal)
#define V_R4REF(X) ((X)->pfltVal)
#define V_R8(X) ((X)->dblVal)
#define V_R8REF(X) ((X)->pdblVal)
#define V_CY(X) ((X)->cyVal)
#define V_CYREF(X) ((X)->pcyVal)
#define V_DATE(X) ((X)->date)
#define V_DATEREF(X) ((X)->pdate)
#define V_BSTR(X) ((X)->bstrVal)
#define V_BSTRREF(X) ((X)->pbstrVal)
#define V_DISPATCH(X) ((X)->pdispVal)
#define V_DISPATCHREF(X) ((X)->ppdispVal)
#define V_ERROR(X) ((X)->scode)
#define V_ERRORREF(X) ((X)->pscode)
#define V_BOOL(X) ((X)->boolVal)
#define V_BOOLREF(X) ((X)->pboolVal)
#define V_UNKNOWN(X) ((X)->punkVal)
#define V_UNKNOWNREF(X) ((X)->ppunkVal)
#define V_VARIANTREF(X) ((X)->pvarVal)
#define V_ARRAY(X) ((X)->parray)
#define V_ARRAYREF(X) ((X)->pparray)
#define V_BYREF(X) ((X)->byref)
#define V_DECIMAL(X) ((X)->decVal)
#define V_DECIMALREF(X) ((X)->pdecVal)
#define V_RECORD(X) ((X)->pvRecord)
#define V_RECORDINFO(X) ((X)->pRecInfo)

// ---- flags, locales, codes ---------------------------------------------------------------------
#define VARIANT_NOVALUEPROP 0x01
#define VARIANT_ALPHABOOL 0x02
#define VARIANT_NOUSEROVERRIDE 0x04
#define VARIANT_CALENDAR_HIJRI 0x08
#define VARIANT_LOCALBOOL 0x10
#define VARIANT_CALENDAR_THAI 0x20
#define VARIANT_CALENDAR_GREGORIAN 0x40
#define VARIANT_USE_NLS 0x80

typedef DWORD LCID;
#ifndef LOCALE_USER_DEFAULT
#define LOCALE_USER_DEFAULT 0x0400
#endif
#ifndef LOCALE_SYSTEM_DEFAULT
#define LOCALE_SYSTEM_DEFAULT 0x0800
#endif
#ifndef LOCALE_INVARIANT
#define LOCALE_INVARIANT 0x007F
#endif

#ifndef DISP_E_TYPEMISMATCH
#define DISP_E_TYPEMISMATCH static_cast<HRESULT>(0x80020005u)
#endif
#ifndef DISP_E_BADVARTYPE
#define DISP_E_BADVARTYPE static_cast<HRESULT>(0x80020008u)
#endif
#ifndef DISP_E_OVERFLOW
#define DISP_E_OVERFLOW static_cast<HRESULT>(0x8002000Au)
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace variant {

// A source value reduced to what the conversions need.
struct Value {
    enum Kind { Empty, Signed, Unsigned, Real, Text, Bool } kind = Empty;
    long long s = 0;           // Signed, and Bool (-1 or 0)
    unsigned long long u = 0;  // Unsigned
    double r = 0;              // Real
    const WCHAR* text = nullptr;
    std::size_t length = 0;  // Text
};

inline bool known_type(unsigned vt) noexcept {
    return vt <= VT_DECIMAL || (vt >= VT_I1 && vt <= VT_UINT) || vt == VT_RECORD;
}

// Rounds half to even, as OLE's coercions do.
inline double round_even(double x) noexcept {
    const double lower = std::floor(x);
    const double diff = x - lower;
    if (diff > 0.5) return lower + 1;
    if (diff < 0.5) return lower;
    return std::fmod(lower, 2.0) == 0 ? lower : lower + 1;
}

inline bool blank(WCHAR c) noexcept { return c == L' ' || c == L'\t' || c == L'\r' || c == L'\n'; }

inline bool equals_nocase(const WCHAR* text, std::size_t length, const char* word) noexcept {
    std::size_t i = 0;
    for (; i < length && word[i]; ++i) {
        WCHAR c = text[i];
        if (c >= L'A' && c <= L'Z') c = static_cast<WCHAR>(c - L'A' + L'a');
        WCHAR w = static_cast<WCHAR>(static_cast<unsigned char>(word[i]));
        if (w >= L'A' && w <= L'Z') w = static_cast<WCHAR>(w - L'A' + L'a');
        if (c != w) return false;
    }
    return i == length && !word[i];
}

// Parses an en-US number: [blanks][+|-]digits[,digits...][.digits][(e|E)[+|-]digits][blanks].
// Integers stay exact (Signed/Unsigned); anything with a fraction or exponent is Real.
inline bool parse_number(const WCHAR* text, std::size_t length, Value& out) {
    std::size_t i = 0;
    while (i < length && blank(text[i])) ++i;
    while (length > i && blank(text[length - 1])) --length;
    bool negative = false;
    if (i < length && (text[i] == L'+' || text[i] == L'-')) negative = text[i++] == L'-';
    std::string digits;  // integer digits, then the plain text for strtod
    std::string fraction;
    bool any_digit = false, real = false;
    bool last_was_digit = false;
    for (; i < length; ++i) {
        const WCHAR c = text[i];
        if (c >= L'0' && c <= L'9') {
            digits += static_cast<char>('0' + (c - L'0'));
            any_digit = last_was_digit = true;
        } else if (c == L',' && last_was_digit) {
            last_was_digit = false;  // a thousands separator between digits
        } else {
            break;
        }
    }
    if (i < length && !last_was_digit && any_digit) return false;  // "1," then something
    if (i < length && text[i] == L'.') {
        real = true;
        for (++i; i < length && text[i] >= L'0' && text[i] <= L'9'; ++i) {
            fraction += static_cast<char>('0' + (text[i] - L'0'));
            any_digit = true;
        }
    }
    if (!any_digit) return false;
    std::string exponent;
    if (i < length && (text[i] == L'e' || text[i] == L'E')) {
        real = true;
        ++i;
        if (i < length && (text[i] == L'+' || text[i] == L'-'))
            exponent += text[i++] == L'-' ? '-' : '+';
        bool exponent_digit = false;
        for (; i < length && text[i] >= L'0' && text[i] <= L'9'; ++i) {
            if (exponent.size() < 8) exponent += static_cast<char>('0' + (text[i] - L'0'));
            exponent_digit = true;
        }
        if (!exponent_digit) return false;
    }
    if (i != length) return false;
    if (!real) {
        unsigned long long magnitude = 0;
        bool too_big = false;
        for (char d : digits) {
            const auto v = static_cast<unsigned long long>(d - '0');
            if (magnitude > ((std::numeric_limits<unsigned long long>::max)() - v) / 10) {
                too_big = true;
                break;
            }
            magnitude = magnitude * 10 + v;
        }
        if (!too_big) {
            if (!negative) {
                out.kind = Value::Unsigned;
                out.u = magnitude;
                return true;
            }
            if (magnitude <= 9223372036854775808ull) {
                out.kind = Value::Signed;
                out.s = magnitude == 9223372036854775808ull
                            ? (std::numeric_limits<long long>::min)()
                            : -static_cast<long long>(magnitude);
                return true;
            }
        }
    }
    std::string plain = (negative ? "-" : "") + (digits.empty() ? std::string("0") : digits);
    if (!fraction.empty()) plain += "." + fraction;
    if (!exponent.empty() || real) plain += "e" + (exponent.empty() ? std::string("0") : exponent);
    out.kind = Value::Real;
    out.r = std::strtod(plain.c_str(), nullptr);  // "C" digits only: no locale involved
    return true;
}

// A number as a signed value in [low, high].
inline HRESULT to_signed(const Value& v, long long low, long long high, long long& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            if (v.s < low || v.s > high) return DISP_E_OVERFLOW;
            out = v.s;
            return S_OK;
        case Value::Unsigned:
            if (v.u > static_cast<unsigned long long>(high)) return DISP_E_OVERFLOW;
            out = static_cast<long long>(v.u);
            return S_OK;
        case Value::Real: {
            if (!std::isfinite(v.r)) return DISP_E_OVERFLOW;
            const double rounded = round_even(v.r);
            // high + 1 is a power of two, exact as a double; low is minus one.
            if (rounded < static_cast<double>(low) || rounded >= static_cast<double>(high) + 1.0)
                return DISP_E_OVERFLOW;
            out = static_cast<long long>(rounded);
            return S_OK;
        }
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_signed(parsed, low, high, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_unsigned(const Value& v, unsigned long long high, unsigned long long& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            if (v.s < 0 || static_cast<unsigned long long>(v.s) > high) return DISP_E_OVERFLOW;
            out = static_cast<unsigned long long>(v.s);
            return S_OK;
        case Value::Unsigned:
            if (v.u > high) return DISP_E_OVERFLOW;
            out = v.u;
            return S_OK;
        case Value::Real: {
            if (!std::isfinite(v.r)) return DISP_E_OVERFLOW;
            const double rounded = round_even(v.r);
            if (rounded < 0 || rounded >= static_cast<double>(high) + 1.0) return DISP_E_OVERFLOW;
            out = static_cast<unsigned long long>(rounded);
            return S_OK;
        }
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_unsigned(parsed, high, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_real(const Value& v, double& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            out = static_cast<double>(v.s);
            return S_OK;
        case Value::Unsigned:
            out = static_cast<double>(v.u);
            return S_OK;
        case Value::Real:
            out = v.r;
            return S_OK;
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_real(parsed, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_bool(const Value& v, VARIANT_BOOL& out) {
    if (v.kind == Value::Text) {
        if (equals_nocase(v.text, v.length, "True") || equals_nocase(v.text, v.length, "#TRUE#")) {
            out = VARIANT_TRUE;
            return S_OK;
        }
        if (equals_nocase(v.text, v.length, "False") ||
            equals_nocase(v.text, v.length, "#FALSE#")) {
            out = VARIANT_FALSE;
            return S_OK;
        }
        Value parsed;
        if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
        return to_bool(parsed, out);
    }
    bool nonzero = false;
    switch (v.kind) {
        case Value::Signed:
        case Value::Bool:
            nonzero = v.s != 0;
            break;
        case Value::Unsigned:
            nonzero = v.u != 0;
            break;
        case Value::Real:
            nonzero = v.r != 0;
            break;
        default:
            break;
    }
    out = nonzero ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

inline BSTR ascii_bstr(const char* text) {
    const std::size_t length = std::strlen(text);
    BSTR out = SysAllocStringLen(nullptr, static_cast<UINT>(length));
    if (!out) return nullptr;
    for (std::size_t i = 0; i < length; ++i) out[i] = static_cast<OLECHAR>(text[i]);
    return out;
}

inline HRESULT to_bstr(const Value& v, bool single, USHORT flags, BSTR& out) {
    char buffer[64];
    switch (v.kind) {
        case Value::Empty:
            buffer[0] = '\0';
            break;
        case Value::Bool:
            if (flags & (VARIANT_ALPHABOOL | VARIANT_LOCALBOOL))
                std::snprintf(buffer, sizeof buffer, "%s", v.s ? "True" : "False");
            else
                std::snprintf(buffer, sizeof buffer, "%s", v.s ? "-1" : "0");
            break;
        case Value::Signed:
            std::snprintf(buffer, sizeof buffer, "%lld", v.s);
            break;
        case Value::Unsigned:
            std::snprintf(buffer, sizeof buffer, "%llu", v.u);
            break;
        case Value::Real:
            if (v.r == 0)
                std::snprintf(buffer, sizeof buffer, "0");  // not "-0"
            else if (single)
                std::snprintf(buffer, sizeof buffer, "%.7G", v.r);
            else
                std::snprintf(buffer, sizeof buffer, "%.15G", v.r);
            break;
        case Value::Text:
            out = SysAllocStringLen(v.text, static_cast<UINT>(v.length));
            return out ? S_OK : E_OUTOFMEMORY;
    }
    out = ascii_bstr(buffer);
    return out ? S_OK : E_OUTOFMEMORY;
}

// The referenced value of a VT_BYREF variant as a plain (shallow) one; false if it cannot be read.
inline bool dereference(const VARIANT& src, VARIANT& out) {
    out = src;
    if (!(src.vt & VT_BYREF)) return true;
    if (!src.byref) return false;
    const VARTYPE base = static_cast<VARTYPE>(src.vt & ~VT_BYREF);
    out.vt = base;
    switch (base) {
        case VT_I1:
            out.cVal = *src.pcVal;
            return true;
        case VT_UI1:
            out.bVal = *src.pbVal;
            return true;
        case VT_I2:
            out.iVal = *src.piVal;
            return true;
        case VT_UI2:
            out.uiVal = *src.puiVal;
            return true;
        case VT_I4:
            out.lVal = *src.plVal;
            return true;
        case VT_UI4:
            out.ulVal = *src.pulVal;
            return true;
        case VT_I8:
            out.llVal = *src.pllVal;
            return true;
        case VT_UI8:
            out.ullVal = *src.pullVal;
            return true;
        case VT_INT:
            out.intVal = *src.pintVal;
            return true;
        case VT_UINT:
            out.uintVal = *src.puintVal;
            return true;
        case VT_R4:
            out.fltVal = *src.pfltVal;
            return true;
        case VT_R8:
            out.dblVal = *src.pdblVal;
            return true;
        case VT_CY:
            out.cyVal = *src.pcyVal;
            return true;
        case VT_DATE:
            out.date = *src.pdate;
            return true;
        case VT_BOOL:
            out.boolVal = *src.pboolVal;
            return true;
        case VT_ERROR:
            out.scode = *src.pscode;
            return true;
        case VT_BSTR:
            out.bstrVal = *src.pbstrVal;
            return true;
        case VT_UNKNOWN:
            out.punkVal = *src.ppunkVal;
            return true;
        case VT_DISPATCH:
            out.pdispVal = *src.ppdispVal;
            return true;
        case VT_VARIANT:
            if (src.pvarVal->vt & VT_BYREF) return false;  // one level only, as OLE
            out = *src.pvarVal;
            return true;
        default:
            return false;
    }
}

inline bool read_value(const VARIANT& v, Value& out) {
    switch (v.vt) {
        case VT_EMPTY:
            out.kind = Value::Empty;
            return true;
        case VT_I1:
            out.kind = Value::Signed;
            out.s = v.cVal;
            return true;
        case VT_I2:
            out.kind = Value::Signed;
            out.s = v.iVal;
            return true;
        case VT_I4:
            out.kind = Value::Signed;
            out.s = v.lVal;
            return true;
        case VT_I8:
            out.kind = Value::Signed;
            out.s = v.llVal;
            return true;
        case VT_INT:
            out.kind = Value::Signed;
            out.s = v.intVal;
            return true;
        case VT_UI1:
            out.kind = Value::Unsigned;
            out.u = v.bVal;
            return true;
        case VT_UI2:
            out.kind = Value::Unsigned;
            out.u = v.uiVal;
            return true;
        case VT_UI4:
            out.kind = Value::Unsigned;
            out.u = v.ulVal;
            return true;
        case VT_UI8:
            out.kind = Value::Unsigned;
            out.u = v.ullVal;
            return true;
        case VT_UINT:
            out.kind = Value::Unsigned;
            out.u = v.uintVal;
            return true;
        case VT_R4:
            out.kind = Value::Real;
            out.r = static_cast<double>(v.fltVal);
            return true;
        case VT_R8:
            out.kind = Value::Real;
            out.r = v.dblVal;
            return true;
        case VT_DATE:
            out.kind = Value::Real;
            out.r = v.date;
            return true;
        case VT_CY:
            out.kind = Value::Real;
            out.r = static_cast<double>(v.cyVal.int64) / 10000.0;
            return true;
        case VT_BOOL:
            out.kind = Value::Bool;
            out.s = v.boolVal ? -1 : 0;
            return true;
        case VT_BSTR:
            out.kind = Value::Text;
            out.text = v.bstrVal ? v.bstrVal : L"";
            out.length = SysStringLen(v.bstrVal);
            return true;
        default:
            return false;
    }
}

// Converts the (plain) source to vt into `out` (VT_EMPTY on entry); the source is not changed.
inline HRESULT coerce(const VARIANT& src, USHORT flags, VARTYPE vt, VARIANT& out) {
    if (vt == VT_EMPTY) return S_OK;
    if (src.vt == vt) {
        if (vt == VT_BSTR) {
            out.bstrVal =
                src.bstrVal ? SysAllocStringLen(src.bstrVal, SysStringLen(src.bstrVal)) : nullptr;
            if (src.bstrVal && !out.bstrVal) return E_OUTOFMEMORY;
            out.vt = VT_BSTR;
            return S_OK;
        }
        out = src;
        if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && src.punkVal) src.punkVal->AddRef();
        return S_OK;
    }
    if (vt == VT_NULL) {
        if (src.vt != VT_EMPTY) return DISP_E_TYPEMISMATCH;
        out.vt = VT_NULL;
        return S_OK;
    }
    if (src.vt == VT_UNKNOWN || src.vt == VT_DISPATCH) {
        if (vt != VT_UNKNOWN && vt != VT_DISPATCH) return DISP_E_TYPEMISMATCH;
        IUnknown* unknown = src.punkVal;
        if (vt == VT_UNKNOWN) {
            if (unknown) unknown->AddRef();  // an IDispatch is an IUnknown
            out.vt = VT_UNKNOWN;
            out.punkVal = unknown;
            return S_OK;
        }
        void* dispatch = nullptr;
        static const GUID iid_dispatch = {
            0x00020400, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
        if (unknown && FAILED(unknown->QueryInterface(iid_dispatch, &dispatch)))
            return DISP_E_TYPEMISMATCH;
        out.vt = VT_DISPATCH;
        out.pdispVal = static_cast<IDispatch*>(dispatch);
        return S_OK;
    }
    Value value;
    if (!read_value(src, value)) return DISP_E_TYPEMISMATCH;
    HRESULT hr = S_OK;
    long long s = 0;
    unsigned long long u = 0;
    double r = 0;
    switch (vt) {
        case VT_I1:
            if (SUCCEEDED(hr = to_signed(value, -128, 127, s))) out.cVal = static_cast<CHAR>(s);
            break;
        case VT_I2:
            if (SUCCEEDED(hr = to_signed(value, -32768, 32767, s)))
                out.iVal = static_cast<SHORT>(s);
            break;
        case VT_I4:
            if (SUCCEEDED(hr = to_signed(value, -2147483647LL - 1, 2147483647LL, s)))
                out.lVal = static_cast<LONG>(s);
            break;
        case VT_INT:
            if (SUCCEEDED(hr = to_signed(value, -2147483647LL - 1, 2147483647LL, s)))
                out.intVal = static_cast<INT>(s);
            break;
        case VT_I8:
            hr = to_signed(value, (std::numeric_limits<long long>::min)(),
                           (std::numeric_limits<long long>::max)(), s);
            if (SUCCEEDED(hr)) out.llVal = s;
            break;
        case VT_UI1:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFu, u))) out.bVal = static_cast<BYTE>(u);
            break;
        case VT_UI2:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFu, u))) out.uiVal = static_cast<USHORT>(u);
            break;
        case VT_UI4:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFFFFFu, u)))
                out.ulVal = static_cast<ULONG>(u);
            break;
        case VT_UINT:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFFFFFu, u)))
                out.uintVal = static_cast<UINT>(u);
            break;
        case VT_UI8:
            hr = to_unsigned(value, (std::numeric_limits<unsigned long long>::max)(), u);
            if (SUCCEEDED(hr)) out.ullVal = u;
            break;
        case VT_R4:
            if (SUCCEEDED(hr = to_real(value, r))) {
                if (std::isfinite(r) &&
                    std::fabs(r) > static_cast<double>((std::numeric_limits<float>::max)()))
                    hr = DISP_E_OVERFLOW;
                else
                    out.fltVal = static_cast<float>(r);
            }
            break;
        case VT_R8:
            if (SUCCEEDED(hr = to_real(value, r))) out.dblVal = r;
            break;
        case VT_DATE:
            if (value.kind == Value::Text) return DISP_E_TYPEMISMATCH;  // date text: not modelled
            if (SUCCEEDED(hr = to_real(value, r))) {
                if (!(r >= -657434.0 && r < 2958466.0))  // 100-01-01 .. 9999-12-31
                    hr = DISP_E_OVERFLOW;
                else
                    out.date = r;
            }
            break;
        case VT_CY:
            if (value.kind == Value::Text)
                return DISP_E_TYPEMISMATCH;  // currency text: not modelled
            if (SUCCEEDED(hr = to_real(value, r))) {
                const double scaled = round_even(r * 10000.0);
                if (!std::isfinite(scaled) || scaled < -9223372036854775808.0 ||
                    scaled >= 9223372036854775808.0)
                    hr = DISP_E_OVERFLOW;
                else
                    out.cyVal.int64 = static_cast<LONGLONG>(scaled);
            }
            break;
        case VT_BOOL:
            hr = to_bool(value, out.boolVal);
            break;
        case VT_BSTR:
            if (src.vt == VT_CY || src.vt == VT_DATE) return DISP_E_TYPEMISMATCH;  // not modelled
            hr = to_bstr(value, src.vt == VT_R4, flags, out.bstrVal);
            break;
        default:
            return DISP_E_TYPEMISMATCH;
    }
    if (SUCCEEDED(hr)) out.vt = vt;
    return hr;
}

}  // namespace variant
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

inline HRESULT VariantChangeTypeEx(VARIANTARG* pvargDest, const VARIANTARG* pvarSrc, LCID lcid,
                                   USHORT wFlags, VARTYPE vt) {
    namespace v = ::iisfake::win32::detail::variant;
    static_cast<void>(lcid);  // en-US whatever the locale: a test never depends on the machine's
    if (!pvargDest || !pvarSrc) return E_INVALIDARG;
    if (!v::known_type(vt)) return DISP_E_BADVARTYPE;
    const unsigned source_base = pvarSrc->vt & ~static_cast<unsigned>(VT_BYREF);
    if (!(pvarSrc->vt & VT_ARRAY) && !(pvarSrc->vt & VT_BYREF) && !v::known_type(source_base))
        return DISP_E_BADVARTYPE;
    if (pvarSrc->vt & VT_ARRAY) return DISP_E_TYPEMISMATCH;  // arrays are not modelled
    VARIANT plain;
    if (!v::dereference(*pvarSrc, plain)) return DISP_E_BADVARTYPE;
    if (!v::known_type(plain.vt) && plain.vt != VT_NULL) return DISP_E_BADVARTYPE;
    VARIANT result;
    VariantInit(&result);
    const HRESULT hr = v::coerce(plain, wFlags, vt, result);
    if (FAILED(hr)) {
        VariantClear(&result);
        return hr;
    }
    VariantClear(pvargDest);  // after the conversion: pvargDest may be pvarSrc
    *pvargDest = result;
    return S_OK;
}

inline HRESULT VariantChangeType(VARIANTARG* pvargDest, const VARIANTARG* pvarSrc, USHORT wFlags,
                                 VARTYPE vt) {
    return VariantChangeTypeEx(pvargDest, pvarSrc, LOCALE_USER_DEFAULT, wFlags, vt);
}

// VariantCopy, reading a VT_BYREF source through its pointer.
inline HRESULT VariantCopyInd(VARIANT* pvarDest, const VARIANTARG* pvargSrc) {
    if (!pvarDest || !pvargSrc) return E_INVALIDARG;
    VARIANT plain;
    if (!::iisfake::win32::detail::variant::dereference(*pvargSrc, plain)) return E_INVALIDARG;
    VARIANT copy;
    VariantInit(&copy);
    const HRESULT hr = VariantCopy(&copy, &plain);
    if (FAILED(hr)) return hr;
    VariantClear(pvarDest);
    *pvarDest = copy;
    return S_OK;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/variant.hpp -----
// ----- begin iisfake/win32/winsock.hpp -----
#ifndef IISFAKE_WIN32_WINSOCK_HPP_INCLUDED
#define IISFAKE_WIN32_WINSOCK_HPP_INCLUDED

// What <winsock2.h> and <ws2tcpip.h> give module code that reads addresses (T-19): byte order,
// inet_ntop/inet_pton (and W forms), inet_addr/inet_ntoa, getnameinfo with numeric answers,
// WSAStartup/WSACleanup and the WSA last error. The address structures (SOCKADDR_IN6...) are in
// win_types.hpp with the Windows layouts and AF_INET6 == 23.
//
// A module TU should not also include <sys/socket.h>/<netinet/in.h>/<arpa/inet.h>/<netdb.h>:
// AF_*, NI_*, EAI_* and IN6_IS_ADDR_* differ and clash. Only htons/htonl/ntohs/ntohl are made
// to coexist (they are extern "C" with glibc's signatures, and skipped when <netinet/in.h> came
// first). The struct tags are iisfake's own, so `struct sockaddr_in6` does not name
// SOCKADDR_IN6: module code must use the typedef names. u_long and socklen_t have glibc's types
// (unsigned long, unsigned int), as glibc's <sys/types.h>/<unistd.h> also declare them.
//
// Names are never resolved: getnameinfo answers the numeric host (NI_NAMEREQD: EAI_NONAME) and
// the numeric port. IPv6 text follows RFC 5952 (lower case, longest zero run as "::",
// "::ffff:1.2.3.4" for IPv4-mapped addresses); getnameinfo appends "%scope" when a scope id is
// set. WSAGetLastError is GetLastError, per thread.


#if !defined(_WIN32)

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <atomic>

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned int socklen_t;
typedef std::uintptr_t SOCKET;

#define INVALID_SOCKET (~static_cast<SOCKET>(0))
#define SOCKET_ERROR (-1)
#ifndef INADDR_ANY
#define INADDR_ANY static_cast<ULONG>(0x00000000u)
#endif
#ifndef INADDR_LOOPBACK
#define INADDR_LOOPBACK 0x7f000001
#endif
#ifndef INADDR_BROADCAST
#define INADDR_BROADCAST static_cast<ULONG>(0xffffffffu)
#endif
#ifndef INADDR_NONE
#define INADDR_NONE 0xffffffff
#endif
#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 22
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 65
#endif
#define NI_MAXHOST 1025
#define NI_MAXSERV 32
#define NI_NOFQDN 0x01
#define NI_NUMERICHOST 0x02
#define NI_NAMEREQD 0x04
#define NI_NUMERICSERV 0x08
#define NI_DGRAM 0x10

#define WSA_NOT_ENOUGH_MEMORY 8
#define WSAEFAULT 10014
#define WSAEINVAL 10022
#define WSAESOCKTNOSUPPORT 10044
#define WSAEAFNOSUPPORT 10047
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSATYPE_NOT_FOUND 10109
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define EAI_AGAIN WSATRY_AGAIN
#define EAI_BADFLAGS WSAEINVAL
#define EAI_FAIL WSANO_RECOVERY
#define EAI_FAMILY WSAEAFNOSUPPORT
#define EAI_MEMORY WSA_NOT_ENOUGH_MEMORY
#define EAI_NONAME WSAHOST_NOT_FOUND
#define EAI_NODATA EAI_NONAME
#define EAI_SERVICE WSATYPE_NOT_FOUND
#define EAI_SOCKTYPE WSAESOCKTNOSUPPORT

// <in6addr.h> spells the bytes and words of IN6_ADDR through these.
#ifndef s6_addr
#define s6_addr u.Byte
#endif
#ifndef s6_bytes
#define s6_bytes u.Byte
#endif
#ifndef s6_words
#define s6_words u.Word
#endif

#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128
typedef struct WSAData {  // the 64-bit layout
    WORD wVersion;
    WORD wHighVersion;
    unsigned short iMaxSockets;
    unsigned short iMaxUdpDg;
    char* lpVendorInfo;
    char szDescription[WSADESCRIPTION_LEN + 1];
    char szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

// ---- byte order ---------------------------------------------------------------------------------
// extern "C" with glibc's signatures, so <netinet/in.h> may come after; skipped when it came first
// (its functions, or its macros under optimisation, do the same).
#if !defined(ntohs) && !defined(_NETINET_IN_H)
extern "C" inline std::uint32_t htonl(std::uint32_t hostlong) noexcept {
    return __builtin_bswap32(hostlong);
}
extern "C" inline std::uint16_t htons(std::uint16_t hostshort) noexcept {
    return __builtin_bswap16(hostshort);
}
extern "C" inline std::uint32_t ntohl(std::uint32_t netlong) noexcept {
    return __builtin_bswap32(netlong);
}
extern "C" inline std::uint16_t ntohs(std::uint16_t netshort) noexcept {
    return __builtin_bswap16(netshort);
}
#endif

// ---- state
// ----------------------------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace winsock {

// WSAGetLastError is GetLastError's per-thread value, as on Windows.
inline void set_last_error(int error) {
    ::iisfake::win32::detail::last_error_slot() = static_cast<DWORD>(error);
}
inline std::atomic<int>& startups() {
    static std::atomic<int> count{0};
    return count;
}

inline void put_decimal(char*& at, unsigned value) {
    char digits[12];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    while (n) *at++ = digits[--n];
}

// The text of a 4-byte IPv4 address into `out` (at least 16 bytes).
inline std::size_t format_v4(const unsigned char* b, char* out) {
    char* at = out;
    for (int i = 0; i < 4; ++i) {
        if (i) *at++ = '.';
        put_decimal(at, b[i]);
    }
    *at = '\0';
    return static_cast<std::size_t>(at - out);
}

// RFC 5952 text of a 16-byte IPv6 address into `out` (at least 46 bytes).
inline std::size_t format_v6(const unsigned char* b, char* out) {
    unsigned words[8];
    for (int i = 0; i < 8; ++i) words[i] = (static_cast<unsigned>(b[2 * i]) << 8) | b[2 * i + 1];
    char* at = out;
    const bool mapped = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 &&
                        words[4] == 0 && words[5] == 0xFFFFu;
    if (mapped) {
        std::memcpy(at, "::ffff:", 7);
        at += 7;
        return static_cast<std::size_t>(at - out) + format_v4(b + 12, at);
    }
    int best = -1, best_length = 0;
    for (int i = 0; i < 8;) {
        if (words[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && words[j] == 0) ++j;
        if (j - i > best_length) {
            best = i;
            best_length = j - i;
        }
        i = j;
    }
    if (best_length < 2) best = -1;
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            *at++ = ':';
            *at++ = ':';
            i += best_length - 1;
            continue;
        }
        if (i && !(best >= 0 && i == best + best_length)) *at++ = ':';
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned digit = (words[i] >> shift) & 0xFu;
            if (digit || started || shift == 0) {
                *at++ = hex[digit];
                started = true;
            }
        }
    }
    *at = '\0';
    return static_cast<std::size_t>(at - out);
}

// Strict dotted decimal: four parts of 1-3 digits, no leading zeros, each <= 255.
inline bool parse_v4(const char* text, std::size_t length, unsigned char* out) {
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part) {
            if (i >= length || text[i] != '.') return false;
            ++i;
        }
        unsigned value = 0;
        std::size_t digits = 0;
        while (i < length && text[i] >= '0' && text[i] <= '9' && digits < 4) {
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text[i - digits] == '0'))
            return false;
        out[part] = static_cast<unsigned char>(value);
    }
    return i == length;
}

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// RFC 4291 text: up to 8 groups of 1-4 hex digits, one "::", an optional trailing IPv4 part.
inline bool parse_v6(const char* text, std::size_t length, unsigned char* out) {
    unsigned char bytes[16] = {};
    int filled = 0;  // bytes written
    int gap = -1;    // where "::" was
    std::size_t i = 0;
    if (length >= 2 && text[0] == ':' && text[1] == ':') {
        gap = 0;
        i = 2;
        if (i == length) {
            std::memset(out, 0, 16);
            return true;
        }
    } else if (length && text[0] == ':') {
        return false;
    }
    while (i < length) {
        // An IPv4 tail?
        std::size_t end = i;
        while (end < length && text[end] != ':') ++end;
        if (std::memchr(text + i, '.', end - i)) {
            if (end != length || filled > 12) return false;
            if (!parse_v4(text + i, length - i, bytes + filled)) return false;
            filled += 4;
            i = length;
            break;
        }
        unsigned value = 0;
        std::size_t digits = 0;
        for (; i < length && hex_digit(text[i]) >= 0; ++i, ++digits)
            value = (value << 4) | static_cast<unsigned>(hex_digit(text[i]));
        if (digits == 0 || digits > 4 || filled > 14) return false;
        bytes[filled++] = static_cast<unsigned char>(value >> 8);
        bytes[filled++] = static_cast<unsigned char>(value & 0xFFu);
        if (i == length) break;
        if (text[i] != ':') return false;
        ++i;
        if (i < length && text[i] == ':') {
            if (gap >= 0) return false;
            gap = filled;
            ++i;
            if (i == length) break;
        } else if (i == length) {
            return false;  // a trailing single ':'
        }
    }
    if (gap >= 0) {
        if (filled == 16) return false;  // "::" must stand for at least one group
        const int tail = filled - gap;
        std::memmove(bytes + 16 - tail, bytes + gap, static_cast<std::size_t>(tail));
        std::memset(bytes + gap, 0, static_cast<std::size_t>(16 - tail - gap));
    } else if (filled != 16) {
        return false;
    }
    std::memcpy(out, bytes, 16);
    return true;
}

// Narrow text of an address for inet_ntop; 0 for an unknown family.
inline std::size_t format(INT family, const void* address, char* out) {
    if (family == AF_INET) return format_v4(static_cast<const unsigned char*>(address), out);
    if (family == AF_INET6) return format_v6(static_cast<const unsigned char*>(address), out);
    return 0;
}

inline int pton(INT family, const char* text, void* address) {
    if (family != AF_INET && family != AF_INET6) {
        set_last_error(WSAEAFNOSUPPORT);
        return -1;
    }
    if (!text || !address) {
        set_last_error(WSAEFAULT);
        return -1;
    }
    const std::size_t length = std::strlen(text);
    const bool ok = family == AF_INET
                        ? parse_v4(text, length, static_cast<unsigned char*>(address))
                        : parse_v6(text, length, static_cast<unsigned char*>(address));
    return ok ? 1 : 0;
}

}  // namespace winsock
}  // namespace detail

// WSAStartup calls not yet balanced by WSACleanup (process-wide).
inline int wsa_startup_count() { return detail::winsock::startups().load(); }
// Forgets the WSAStartup count and the calling thread's WSA last error.
inline void reset_winsock() {
    detail::winsock::startups() = 0;
    detail::winsock::set_last_error(0);
}

}  // namespace win32
IISFAKE_END_NAMESPACE

inline int WSAGetLastError() {
    return static_cast<int>(::iisfake::win32::detail::last_error_slot());
}
inline void WSASetLastError(int iError) {
    ::iisfake::win32::detail::winsock::set_last_error(iError);
}

inline int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) {
    if (!lpWSAData) return WSAEFAULT;
    const unsigned major = wVersionRequested & 0xFFu, minor = (wVersionRequested >> 8) & 0xFFu;
    std::memset(lpWSAData, 0, sizeof *lpWSAData);
    lpWSAData->wHighVersion = 0x0202;
    if (major < 1 || (major == 1 && minor < 1)) {
        lpWSAData->wVersion = 0x0202;
        return WSAVERNOTSUPPORTED;
    }
    lpWSAData->wVersion =
        (major > 2 || (major == 2 && minor >= 2)) ? static_cast<WORD>(0x0202) : wVersionRequested;
    std::snprintf(lpWSAData->szDescription, sizeof lpWSAData->szDescription, "%s", "WinSock 2.0");
    std::snprintf(lpWSAData->szSystemStatus, sizeof lpWSAData->szSystemStatus, "%s", "Running");
    ++::iisfake::win32::detail::winsock::startups();
    return 0;
}
inline int WSACleanup() {
    std::atomic<int>& count = ::iisfake::win32::detail::winsock::startups();
    int current = count.load();
    while (current > 0 && !count.compare_exchange_weak(current, current - 1)) {
    }
    if (current <= 0) {
        WSASetLastError(WSANOTINITIALISED);
        return SOCKET_ERROR;
    }
    return 0;
}

// ---- text <-> address ---------------------------------------------------------------------------
// The text, or NULL: WSAEAFNOSUPPORT for another family, ERROR_INVALID_PARAMETER for a NULL
// or too small buffer.
inline PCSTR inet_ntop(INT Family, const VOID* pAddr, PSTR pStringBuf, size_t StringBufSize) {
    char text[64];
    if (Family != AF_INET && Family != AF_INET6) {
        WSASetLastError(WSAEAFNOSUPPORT);
        return nullptr;
    }
    if (!pAddr || !pStringBuf) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    const std::size_t length = ::iisfake::win32::detail::winsock::format(Family, pAddr, text);
    if (StringBufSize <= length) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::memcpy(pStringBuf, text, length + 1);
    return pStringBuf;
}
inline PCWSTR InetNtopW(INT Family, const VOID* pAddr, PWSTR pStringBuf, size_t StringBufSize) {
    char text[64];
    if (!pStringBuf || !inet_ntop(Family, pAddr, text, sizeof text)) {
        if (!pStringBuf) WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    const std::size_t length = std::strlen(text);
    if (StringBufSize <= length) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    for (std::size_t i = 0; i <= length; ++i) pStringBuf[i] = static_cast<WCHAR>(text[i]);
    return pStringBuf;
}
// 1 for an address, 0 for text that is none, -1 (WSAEAFNOSUPPORT, WSAEFAULT) otherwise.
inline INT inet_pton(INT Family, PCSTR pszAddrString, PVOID pAddrBuf) {
    return ::iisfake::win32::detail::winsock::pton(Family, pszAddrString, pAddrBuf);
}
inline INT InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf) {
    if (!pszAddrString) return inet_pton(Family, nullptr, pAddrBuf);
    char text[80];
    std::size_t i = 0;
    for (; pszAddrString[i] && i + 1 < sizeof text; ++i) {
        if (pszAddrString[i] < 0x20 || pszAddrString[i] > 0x7E)
            return inet_pton(Family, "!", pAddrBuf);
        text[i] = static_cast<char>(pszAddrString[i]);
    }
    if (pszAddrString[i]) return inet_pton(Family, "!", pAddrBuf);  // too long for an address
    text[i] = '\0';
    return inet_pton(Family, text, pAddrBuf);
}
#define InetNtopA inet_ntop
#define InetPtonA inet_pton
#if defined(UNICODE)
#define InetNtop InetNtopW
#define InetPton InetPtonW
#else
#define InetNtop InetNtopA
#define InetPton InetPtonA
#endif

// a.b.c.d, a.b.c, a.b or a, each part decimal, octal (0...) or hex (0x...), in network order;
// INADDR_NONE for NULL, "" or anything else.
inline ULONG inet_addr(const char* cp) {
    if (!cp || !*cp) return INADDR_NONE;
    std::uint32_t parts[4] = {};
    int count = 0;
    const char* at = cp;
    for (;;) {
        if (count == 4) return INADDR_NONE;
        unsigned base = 10;
        if (*at == '0') {
            base = 8;
            if (at[1] == 'x' || at[1] == 'X') {
                base = 16;
                at += 2;
            }
        }
        std::uint64_t value = 0;
        int digits = 0;
        for (;; ++at) {
            const int d = ::iisfake::win32::detail::winsock::hex_digit(*at);
            if (d < 0 || static_cast<unsigned>(d) >= base) break;
            value = value * base + static_cast<unsigned>(d);
            if (value > 0xFFFFFFFFu) return INADDR_NONE;
            ++digits;
        }
        if (digits == 0 && base != 8) return INADDR_NONE;
        parts[count++] = static_cast<std::uint32_t>(value);
        if (*at == '.') {
            ++at;
            continue;
        }
        if (*at != '\0' && *at != ' ' && *at != '\t') return INADDR_NONE;
        break;
    }
    std::uint32_t host = 0;
    switch (count) {
        case 1:
            host = parts[0];
            break;
        case 2:
            if (parts[0] > 0xFF || parts[1] > 0xFFFFFFu) return INADDR_NONE;
            host = (parts[0] << 24) | parts[1];
            break;
        case 3:
            if (parts[0] > 0xFF || parts[1] > 0xFF || parts[2] > 0xFFFF) return INADDR_NONE;
            host = (parts[0] << 24) | (parts[1] << 16) | parts[2];
            break;
        default:
            for (int i = 0; i < 4; ++i)
                if (parts[i] > 0xFF) return INADDR_NONE;
            host = (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3];
            break;
    }
    return __builtin_bswap32(host);
}

// Dotted text in a per-thread buffer, valid until the thread's next call.
inline char* inet_ntoa(IN_ADDR in) {
    static thread_local char buffer[16];
    unsigned char bytes[4];
    std::memcpy(bytes, &in, 4);
    ::iisfake::win32::detail::winsock::format_v4(bytes, buffer);
    return buffer;
}

// ---- getnameinfo
// --------------------------------------------------------------------------------- Numeric answers
// only: names are never resolved in a test (NI_NAMEREQD fails EAI_NONAME).
inline INT getnameinfo(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer,
                       DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize,
                       INT Flags) {
    auto fail = [](int error) {
        WSASetLastError(error);
        return error;
    };
    if (!pSockaddr) return fail(WSAEFAULT);
    const bool want_host = pNodeBuffer && NodeBufferSize;
    const bool want_service = pServiceBuffer && ServiceBufferSize;
    if (!want_host && !want_service) return fail(EAI_NONAME);
    char host[80];
    USHORT port = 0;
    if (pSockaddr->sa_family == AF_INET) {
        if (SockaddrLength < sizeof(SOCKADDR_IN)) return fail(WSAEFAULT);
        SOCKADDR_IN in;
        std::memcpy(&in, pSockaddr, sizeof in);
        unsigned char bytes[4];
        std::memcpy(bytes, &in.sin_addr, 4);
        ::iisfake::win32::detail::winsock::format_v4(bytes, host);
        port = in.sin_port;
    } else if (pSockaddr->sa_family == AF_INET6) {
        if (SockaddrLength < sizeof(SOCKADDR_IN6)) return fail(WSAEFAULT);
        SOCKADDR_IN6 in6;
        std::memcpy(&in6, pSockaddr, sizeof in6);
        std::size_t length =
            ::iisfake::win32::detail::winsock::format_v6(in6.sin6_addr.u.Byte, host);
        if (in6.sin6_scope_id) {
            char* at = host + length;
            *at++ = '%';
            ::iisfake::win32::detail::winsock::put_decimal(at, in6.sin6_scope_id);
            *at = '\0';
        }
        port = in6.sin6_port;
    } else {
        return fail(EAI_FAMILY);
    }
    if (want_host) {
        if (Flags & NI_NAMEREQD) return fail(EAI_NONAME);
        const std::size_t length = std::strlen(host);
        if (NodeBufferSize <= length) return fail(WSAEFAULT);
        std::memcpy(pNodeBuffer, host, length + 1);
    }
    if (want_service) {
        char service[8];
        char* at = service;
        ::iisfake::win32::detail::winsock::put_decimal(at, __builtin_bswap16(port));
        *at = '\0';
        const std::size_t length = std::strlen(service);
        if (ServiceBufferSize <= length) return fail(WSAEFAULT);
        std::memcpy(pServiceBuffer, service, length + 1);
    }
    return 0;
}
inline INT GetNameInfoA(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer,
                        DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize,
                        INT Flags) {
    return getnameinfo(pSockaddr, SockaddrLength, pNodeBuffer, NodeBufferSize, pServiceBuffer,
                       ServiceBufferSize, Flags);
}
// Buffer sizes in WCHARs.
inline INT GetNameInfoW(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PWCHAR pNodeBuffer,
                        DWORD NodeBufferSize, PWCHAR pServiceBuffer, DWORD ServiceBufferSize,
                        INT Flags) {
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    const DWORD host_size = NodeBufferSize < NI_MAXHOST ? NodeBufferSize : NI_MAXHOST;
    const DWORD service_size = ServiceBufferSize < NI_MAXSERV ? ServiceBufferSize : NI_MAXSERV;
    const INT result =
        getnameinfo(pSockaddr, SockaddrLength, pNodeBuffer ? host : nullptr, host_size,
                    pServiceBuffer ? service : nullptr, service_size, Flags);
    if (result != 0) return result;
    if (pNodeBuffer && NodeBufferSize)
        for (std::size_t i = 0; i == 0 || host[i - 1]; ++i)
            pNodeBuffer[i] = static_cast<WCHAR>(host[i]);
    if (pServiceBuffer && ServiceBufferSize)
        for (std::size_t i = 0; i == 0 || service[i - 1]; ++i)
            pServiceBuffer[i] = static_cast<WCHAR>(service[i]);
    return 0;
}
#if defined(UNICODE)
#define GetNameInfo GetNameInfoW
#else
#define GetNameInfo GetNameInfoA
#endif

// ---- <ws2ipdef.h>/<mstcpip.h> predicates
// ----------------------------------------------------------
#ifndef IN6_IS_ADDR_UNSPECIFIED
inline BOOLEAN IN6_IS_ADDR_UNSPECIFIED(const IN6_ADDR* a) {
    for (int i = 0; i < 16; ++i)
        if (a->u.Byte[i]) return FALSE;
    return TRUE;
}
#endif
#ifndef IN6_IS_ADDR_LOOPBACK
inline BOOLEAN IN6_IS_ADDR_LOOPBACK(const IN6_ADDR* a) {
    for (int i = 0; i < 15; ++i)
        if (a->u.Byte[i]) return FALSE;
    return a->u.Byte[15] == 1 ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_V4MAPPED
inline BOOLEAN IN6_IS_ADDR_V4MAPPED(const IN6_ADDR* a) {
    for (int i = 0; i < 10; ++i)
        if (a->u.Byte[i]) return FALSE;
    return a->u.Byte[10] == 0xFF && a->u.Byte[11] == 0xFF ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_LINKLOCAL
inline BOOLEAN IN6_IS_ADDR_LINKLOCAL(const IN6_ADDR* a) {
    return a->u.Byte[0] == 0xFE && (a->u.Byte[1] & 0xC0) == 0x80 ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_MULTICAST
inline BOOLEAN IN6_IS_ADDR_MULTICAST(const IN6_ADDR* a) {
    return a->u.Byte[0] == 0xFF ? TRUE : FALSE;
}
#endif
inline BOOLEAN IN6ADDR_ISV4MAPPED(const SOCKADDR_IN6* a) {
    return IN6_IS_ADDR_V4MAPPED(&a->sin6_addr);
}
inline BOOLEAN IN6ADDR_ISLOOPBACK(const SOCKADDR_IN6* a) {
    return a->sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&a->sin6_addr) ? TRUE : FALSE;
}
inline BOOLEAN IN6ADDR_ISUNSPECIFIED(const SOCKADDR_IN6* a) {
    return a->sin6_family == AF_INET6 && IN6_IS_ADDR_UNSPECIFIED(&a->sin6_addr) ? TRUE : FALSE;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/winsock.hpp -----
// ----- begin iisfake/win32/comdef.hpp -----
#ifndef IISFAKE_WIN32_COMDEF_HPP_INCLUDED
#define IISFAKE_WIN32_COMDEF_HPP_INCLUDED

// MSVC's compiler COM support (<comdef.h>, <comutil.h>, <comip.h>) for module code off Windows
// (T-19): __uuidof for types, _com_error and _com_issue_error, _bstr_t, _variant_t, _com_ptr_t
// with _COM_SMARTPTR_TYPEDEF, and the IUnknownPtr/IDispatchPtr/IErrorInfoPtr typedefs
// <comdef.h> brings. The IAppHost*Ptr names are not predefined, as with MSVC: modules write
// _COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement)) themselves.
//
// - __uuidof(T) takes a type (not an expression) that iisfake::interface_id knows: every SDK
//   interface of sdk/uuid.hpp, plus IErrorInfo here. It names the GUID object itself, so
//   &__uuidof(T) is a constant usable as a template argument from C++11 on.
// - _bstr_t converts char text as UTF-8 (the ANSI code page of a UTF-8 system); its
//   operator const char* is a copy cached in the shared data, alive as long as the data.
// - _variant_t(long) and (unsigned long) are VT_I4/VT_UI4 as on Windows, where long is 32 bits;
//   a value that does not fit 32 bits throws _com_error(DISP_E_OVERFLOW). LONG and DWORD are int
//   and unsigned int here, so _variant_t(LONG) is VT_INT and _variant_t(DWORD) VT_UINT.
// - _com_ptr_t::CreateInstance goes through CoCreateInstance (guid.hpp): REGDB_E_CLASSNOTREG
//   unless the test registered the class; a ProgID is never registered (CO_E_CLASSSTRING).
// - Errors go through _com_issue_error, which calls the handler set by _set_com_error_handler,
//   by default _com_raise_error: it throws _com_error (not derived from std::exception, as
//   with MSVC). Replacing _com_raise_error by defining it is not possible here (it is inline);
//   use _set_com_error_handler.


#if !defined(_WIN32)


#include <atomic>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <new>
#include <string>
#include <type_traits>

#if !defined(__uuidof)
#define __uuidof(type) ::iisfake::interface_id<type>::value
#endif

#ifndef FACILITY_ITF
#define FACILITY_ITF 4
#endif
#ifndef FACILITY_DISPATCH
#define FACILITY_DISPATCH 2
#endif

// ---- IErrorInfo (<oaidl.h>): what _com_error reads its description from -------------------------
struct IISFAKE_UUID("1cf2b120-547d-101b-8e65-08002b2bd119") IErrorInfo : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetGUID(GUID* pGUID) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSource(BSTR* pBstrSource) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetDescription(BSTR* pBstrDescription) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpFile(BSTR* pBstrHelpFile) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpContext(DWORD* pdwHelpContext) = 0;

protected:
    ~IErrorInfo() = default;
};

IISFAKE_BEGIN_NAMESPACE
template <>
struct interface_id<IErrorInfo> : detail::guid_constant<0x1cf2b120, 0x547d, 0x101b, 0x8e, 0x65,
                                                        0x08, 0x00, 0x2b, 0x2b, 0xd1, 0x19> {};
template <>
struct interface_id<IDispatch> : detail::guid_constant<0x00020400, 0x0000, 0x0000, 0xc0, 0x00, 0x00,
                                                       0x00, 0x00, 0x00, 0x00, 0x46> {};
IISFAKE_END_NAMESPACE

class _com_error;
class _bstr_t;
class _variant_t;

// ---- error handling
// --------------------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace com {
typedef void(__stdcall* ErrorHandler)(HRESULT hr, IErrorInfo* perrinfo);
inline std::atomic<ErrorHandler>& error_handler() {
    static std::atomic<ErrorHandler> handler{nullptr};
    return handler;
}

// UTF-8 <-> WCHAR (UTF-32 here) through the one codec of win32/utf8.hpp: invalid UTF-8 and
// WCHARs that are no scalar value become U+FFFD, as WideCharToMultiByte does.
inline std::basic_string<WCHAR> utf8_to_wide(const char* text, std::size_t length) {
    return ::iisfake::win32::detail::u8_to_wide(text, length);
}
inline std::string wide_to_utf8(const WCHAR* text, std::size_t length) {
    return ::iisfake::win32::detail::u8_from_wide(text, length);
}

// FormatMessage's text for the codes module code meets; nullptr for others.
inline const char* system_message(HRESULT hr) {
    switch (static_cast<std::uint32_t>(hr)) {
        case 0x00000000u:
            return "The operation completed successfully.";
        case 0x80004001u:
            return "Not implemented";
        case 0x80004002u:
            return "No such interface supported";
        case 0x80004003u:
            return "Invalid pointer";
        case 0x80004004u:
            return "Operation aborted";
        case 0x80004005u:
            return "Unspecified error";
        case 0x8000FFFFu:
            return "Catastrophic failure";
        case 0x80070002u:
            return "The system cannot find the file specified.";
        case 0x80070005u:
            return "Access is denied.";
        case 0x80070006u:
            return "The handle is invalid.";
        case 0x8007000Eu:
            return "Not enough memory resources are available to complete this operation.";
        case 0x80070057u:
            return "The parameter is incorrect.";
        case 0x8007007Au:
            return "The data area passed to a system call is too small.";
        case 0x80070490u:
            return "Element not found.";
        case 0x80020005u:
            return "Type mismatch.";
        case 0x80020008u:
            return "Bad variable type.";
        case 0x8002000Au:
            return "Out of present range.";
        case 0x80040154u:
            return "Class not registered";
        case 0x800401F0u:
            return "CoInitialize has not been called.";
        case 0x800401F3u:
            return "Invalid class string";
        default:
            return nullptr;
    }
}
}  // namespace com
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// Raises err: the default handler of _com_issue_error. Throws _com_error(hr, perrinfo).
inline void __stdcall _com_raise_error(HRESULT hr, IErrorInfo* perrinfo = nullptr);

inline void __stdcall _set_com_error_handler(void(__stdcall* pHandler)(HRESULT hr,
                                                                       IErrorInfo* perrinfo)) {
    ::iisfake::win32::detail::com::error_handler().store(pHandler);
}

inline void __stdcall _com_issue_error(HRESULT hr) {
    if (auto handler = ::iisfake::win32::detail::com::error_handler().load())
        handler(hr, nullptr);
    else
        _com_raise_error(hr, nullptr);
}
inline void __stdcall _com_issue_errorex(HRESULT hr, IUnknown* punk, REFIID riid) {
    static_cast<void>(punk);  // ISupportErrorInfo is not modelled: no IErrorInfo is fetched
    static_cast<void>(riid);
    _com_issue_error(hr);
}

namespace _com_util {
inline void CheckError(HRESULT hr) {
    if (FAILED(hr)) _com_issue_error(hr);
}
// UTF-8 to a new BSTR (NULL for NULL).
inline BSTR __stdcall ConvertStringToBSTR(const char* pSrc) {
    if (!pSrc) return nullptr;
    const auto wide = ::iisfake::win32::detail::com::utf8_to_wide(pSrc, std::strlen(pSrc));
    BSTR out = SysAllocStringLen(wide.data(), static_cast<UINT>(wide.size()));
    if (!out) _com_issue_error(E_OUTOFMEMORY);
    return out;
}
// A BSTR to a new[]'ed UTF-8 string (NULL for NULL); the caller delete[]s it.
inline char* __stdcall ConvertBSTRToString(BSTR pSrc) {
    if (!pSrc) return nullptr;
    const std::string narrow =
        ::iisfake::win32::detail::com::wide_to_utf8(pSrc, SysStringLen(pSrc));
    char* out = new (std::nothrow) char[narrow.size() + 1];
    if (!out) {
        _com_issue_error(E_OUTOFMEMORY);
        return nullptr;
    }
    std::memcpy(out, narrow.c_str(), narrow.size() + 1);
    return out;
}
}  // namespace _com_util

// ---- _bstr_t
// -------------------------------------------------------------------------------------
class _bstr_t {
public:
    _bstr_t() noexcept : m_Data(nullptr) {}
    _bstr_t(const _bstr_t& s) noexcept : m_Data(s.m_Data) { _AddRef(); }
    _bstr_t(_bstr_t&& s) noexcept : m_Data(s.m_Data) { s.m_Data = nullptr; }
    _bstr_t(const char* s) : m_Data(new_data(_com_util::ConvertStringToBSTR(s))) {}
    _bstr_t(const wchar_t* s)
        : m_Data(new_data(copy_of(s, s ? std::wcslen(s) : 0, s != nullptr))) {}
    _bstr_t(const _variant_t& var);
    _bstr_t(BSTR bstr, bool fCopy)
        : m_Data(new_data(fCopy ? copy_of(bstr, SysStringLen(bstr), bstr != nullptr) : bstr)) {}
    ~_bstr_t() { _Free(); }

    _bstr_t& operator=(const _bstr_t& s) noexcept {
        if (this != &s) {
            _Free();
            m_Data = s.m_Data;
            _AddRef();
        }
        return *this;
    }
    _bstr_t& operator=(_bstr_t&& s) noexcept {
        if (this != &s) {
            _Free();
            m_Data = s.m_Data;
            s.m_Data = nullptr;
        }
        return *this;
    }
    _bstr_t& operator=(const char* s) { return *this = _bstr_t(s); }
    _bstr_t& operator=(const wchar_t* s) { return *this = _bstr_t(s); }
    _bstr_t& operator=(const _variant_t& var);

    _bstr_t& operator+=(const _bstr_t& s) { return *this = *this + s; }
    _bstr_t operator+(const _bstr_t& s) const {
        const UINT l1 = length(), l2 = s.length();
        BSTR both = SysAllocStringLen(nullptr, l1 + l2);
        if (!both) _com_issue_error(E_OUTOFMEMORY);
        if (l1) std::wmemcpy(both, m_Data->wstr, l1);
        if (l2) std::wmemcpy(both + l1, s.m_Data->wstr, l2);
        return _bstr_t(both, false);
    }
    friend _bstr_t operator+(const char* s1, const _bstr_t& s2) { return _bstr_t(s1) + s2; }
    friend _bstr_t operator+(const wchar_t* s1, const _bstr_t& s2) { return _bstr_t(s1) + s2; }

    operator const wchar_t*() const noexcept { return m_Data ? m_Data->wstr : nullptr; }
    operator wchar_t*() const noexcept { return m_Data ? m_Data->wstr : nullptr; }
    operator const char*() const { return narrow(); }
    operator char*() const { return narrow(); }

    bool operator!() const noexcept { return m_Data ? !m_Data->wstr : true; }
    bool operator==(const _bstr_t& s) const noexcept { return _Compare(s) == 0; }
    bool operator!=(const _bstr_t& s) const noexcept { return _Compare(s) != 0; }
    bool operator<(const _bstr_t& s) const noexcept { return _Compare(s) < 0; }
    bool operator>(const _bstr_t& s) const noexcept { return _Compare(s) > 0; }
    bool operator<=(const _bstr_t& s) const noexcept { return _Compare(s) <= 0; }
    bool operator>=(const _bstr_t& s) const noexcept { return _Compare(s) >= 0; }

    // A new BSTR the caller frees (fCopy), or the wrapped one itself.
    BSTR copy(bool fCopy = true) const {
        if (!m_Data || !m_Data->wstr) return nullptr;
        if (!fCopy) return m_Data->wstr;
        BSTR out = SysAllocStringLen(m_Data->wstr, SysStringLen(m_Data->wstr));
        if (!out) _com_issue_error(E_OUTOFMEMORY);
        return out;
    }
    unsigned int length() const noexcept { return m_Data ? SysStringLen(m_Data->wstr) : 0; }

    // Copies s into this object's own data (shared data is left to the other owners).
    void Assign(BSTR s) {
        BSTR fresh = copy_of(s, SysStringLen(s), s != nullptr);
        if (m_Data && m_Data->refs.load() == 1) {
            SysFreeString(m_Data->wstr);
            m_Data->wstr = fresh;
            m_Data->drop_narrow();
        } else {
            _Free();
            m_Data = new_data(fresh);
        }
    }
    BSTR& GetBSTR() {
        if (!m_Data) m_Data = new_data(nullptr);
        return m_Data->wstr;
    }
    // Frees the current string and returns the address of a NULL BSTR, for an [out] parameter.
    BSTR* GetAddress() {
        Attach(nullptr);
        return &m_Data->wstr;
    }
    void Attach(BSTR s) {
        _Free();
        m_Data = new_data(s);
    }
    // Hands the BSTR to the caller; E_POINTER (through _com_issue_error) when empty or shared.
    BSTR Detach() {
        if (m_Data && m_Data->refs.load() == 1) {
            BSTR out = m_Data->wstr;
            m_Data->wstr = nullptr;
            _Free();
            return out;
        }
        _com_issue_error(E_POINTER);
        return nullptr;
    }

private:
    struct Data_t {
        BSTR wstr;
        char* str = nullptr;  // the cached narrow copy
        std::atomic<long> refs{1};
        explicit Data_t(BSTR s) noexcept : wstr(s) {}
        void drop_narrow() noexcept {
            delete[] str;
            str = nullptr;
        }
        ~Data_t() {
            drop_narrow();
            SysFreeString(wstr);
        }
    };

    static BSTR copy_of(const OLECHAR* s, std::size_t length, bool present) {
        if (!present) return nullptr;
        BSTR out = SysAllocStringLen(s, static_cast<UINT>(length));
        if (!out) _com_issue_error(E_OUTOFMEMORY);
        return out;
    }
    static Data_t* new_data(BSTR s) {
        Data_t* data = new (std::nothrow) Data_t(s);
        if (!data) {
            SysFreeString(s);
            _com_issue_error(E_OUTOFMEMORY);
        }
        return data;
    }
    char* narrow() const {
        if (!m_Data) return nullptr;
        if (!m_Data->str) m_Data->str = _com_util::ConvertBSTRToString(m_Data->wstr);
        return m_Data->str;
    }
    void _AddRef() noexcept {
        if (m_Data) ++m_Data->refs;
    }
    void _Free() noexcept {
        if (m_Data && --m_Data->refs == 0) delete m_Data;
        m_Data = nullptr;
    }
    int _Compare(const _bstr_t& s) const noexcept {
        if (m_Data == s.m_Data) return 0;
        const UINT l1 = length(), l2 = s.length();
        const UINT n = l1 < l2 ? l1 : l2;
        for (UINT i = 0; i < n; ++i) {
            const wchar_t a = m_Data->wstr[i], b = s.m_Data->wstr[i];
            if (a != b) return a < b ? -1 : 1;
        }
        return l1 == l2 ? 0 : (l1 < l2 ? -1 : 1);
    }

    Data_t* m_Data;
};

// ---- _com_error
// ----------------------------------------------------------------------------------
class _com_error {
public:
    explicit _com_error(HRESULT hr, IErrorInfo* perrinfo = nullptr, bool fAddRef = false) noexcept
        : m_hresult(hr), m_perrinfo(perrinfo) {
        if (m_perrinfo && fAddRef) m_perrinfo->AddRef();
    }
    _com_error(const _com_error& that) noexcept
        : m_hresult(that.m_hresult), m_perrinfo(that.m_perrinfo) {
        if (m_perrinfo) m_perrinfo->AddRef();
    }
    virtual ~_com_error() {
        if (m_perrinfo) m_perrinfo->Release();
    }
    _com_error& operator=(const _com_error& that) noexcept {
        if (this != &that) {
            if (that.m_perrinfo) that.m_perrinfo->AddRef();
            if (m_perrinfo) m_perrinfo->Release();
            m_hresult = that.m_hresult;
            m_perrinfo = that.m_perrinfo;
            m_message.clear();
        }
        return *this;
    }

    HRESULT Error() const noexcept { return m_hresult; }
    WORD WCode() const noexcept { return HRESULTToWCode(m_hresult); }
    // AddRef'ed, as MSVC's: the caller releases it.
    IErrorInfo* ErrorInfo() const noexcept {
        if (m_perrinfo) m_perrinfo->AddRef();
        return m_perrinfo;
    }
    _bstr_t Description() const { return info_text(&IErrorInfo::GetDescription); }
    _bstr_t Source() const { return info_text(&IErrorInfo::GetSource); }
    _bstr_t HelpFile() const { return info_text(&IErrorInfo::GetHelpFile); }
    DWORD HelpContext() const noexcept {
        DWORD context = 0;
        if (m_perrinfo) m_perrinfo->GetHelpContext(&context);
        return context;
    }
    ::GUID GUID() const noexcept {
        ::GUID id = GUID_NULL;
        if (m_perrinfo) m_perrinfo->GetGUID(&id);
        return id;
    }
    // The system's text for the HRESULT, "IDispatch error #n" for a WCode, else
    // "Unknown error 0x8XXXXXXX"; alive as long as this object.
    const TCHAR* ErrorMessage() const {
        if (m_message.empty()) {
            char text[64];
            const char* known = ::iisfake::win32::detail::com::system_message(m_hresult);
            if (WCode() != 0)
                std::snprintf(text, sizeof text, "IDispatch error #%d", static_cast<int>(WCode()));
            else if (!known)
                std::snprintf(text, sizeof text, "Unknown error 0x%0X",
                              static_cast<unsigned>(m_hresult));
            const char* chosen = (WCode() == 0 && known) ? known : text;
            m_message.assign(chosen, chosen + std::strlen(chosen));  // ASCII either way
        }
        return m_message.c_str();
    }

    static HRESULT WCodeToHRESULT(WORD wCode) noexcept {
        return wCode >= 0xFE00 ? static_cast<HRESULT>(0x8004FFFFu)
                               : static_cast<HRESULT>(0x80040200u + wCode);
    }
    static WORD HRESULTToWCode(HRESULT hr) noexcept {
        const auto code = static_cast<std::uint32_t>(hr);
        return code >= 0x80040200u && code <= 0x8004FFFFu ? static_cast<WORD>(code - 0x80040200u)
                                                          : static_cast<WORD>(0);
    }

private:
    _bstr_t info_text(HRESULT (STDMETHODCALLTYPE IErrorInfo::*get)(BSTR*)) const {
        BSTR text = nullptr;
        if (m_perrinfo && FAILED((m_perrinfo->*get)(&text))) text = nullptr;
        return _bstr_t(text, false);
    }

    HRESULT m_hresult;
    IErrorInfo* m_perrinfo;
    mutable std::basic_string<TCHAR> m_message;
};

inline void __stdcall _com_raise_error(HRESULT hr, IErrorInfo* perrinfo) {
    throw _com_error(hr, perrinfo);
}

// ---- _variant_t
// ----------------------------------------------------------------------------------
class _variant_t : public ::tagVARIANT {
public:
    _variant_t() noexcept { VariantInit(this); }
    _variant_t(const VARIANT& varSrc) {
        VariantInit(this);
        _com_util::CheckError(VariantCopy(this, &varSrc));
    }
    _variant_t(const VARIANT* pSrc) {
        VariantInit(this);
        if (!pSrc) {
            _com_issue_error(E_POINTER);
            return;
        }
        _com_util::CheckError(VariantCopy(this, pSrc));
    }
    _variant_t(const _variant_t& varSrc) : _variant_t(static_cast<const VARIANT&>(varSrc)) {}
    _variant_t(_variant_t&& varSrc) noexcept : ::tagVARIANT(varSrc) { varSrc.vt = VT_EMPTY; }
    // fCopy false takes varSrc's contents and leaves it VT_EMPTY.
    _variant_t(VARIANT& varSrc, bool fCopy) {
        VariantInit(this);
        if (fCopy) {
            _com_util::CheckError(VariantCopy(this, &varSrc));
        } else {
            static_cast<VARIANT&>(*this) = varSrc;
            varSrc.vt = VT_EMPTY;
        }
    }
    _variant_t(short sSrc, VARTYPE vtSrc = VT_I2) {
        VariantInit(this);
        if (vtSrc == VT_BOOL) {
            vt = VT_BOOL;
            boolVal = sSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else if (vtSrc == VT_I2) {
            vt = VT_I2;
            iVal = sSrc;
        } else {
            _com_issue_error(E_INVALIDARG);
        }
    }
    _variant_t(long lSrc, VARTYPE vtSrc = VT_I4) {
        VariantInit(this);
        if (vtSrc != VT_I4 && vtSrc != VT_ERROR && vtSrc != VT_BOOL) {
            _com_issue_error(E_INVALIDARG);
            return;
        }
        if (vtSrc == VT_BOOL) {
            vt = VT_BOOL;
            boolVal = lSrc ? VARIANT_TRUE : VARIANT_FALSE;
            return;
        }
        const LONG value = fit_long(lSrc);
        vt = vtSrc;
        if (vtSrc == VT_ERROR)
            scode = value;
        else
            lVal = value;
    }
    _variant_t(float fltSrc) noexcept {
        vt = VT_R4;
        fltVal = fltSrc;
    }
    _variant_t(double dblSrc, VARTYPE vtSrc = VT_R8) {
        VariantInit(this);
        if (vtSrc != VT_R8 && vtSrc != VT_DATE) {
            _com_issue_error(E_INVALIDARG);
            return;
        }
        vt = vtSrc;
        if (vtSrc == VT_DATE)
            date = dblSrc;
        else
            dblVal = dblSrc;
    }
    _variant_t(const CY& cySrc) noexcept {
        vt = VT_CY;
        cyVal = cySrc;
    }
    _variant_t(const _bstr_t& bstrSrc) {
        VariantInit(this);
        const wchar_t* text = bstrSrc;
        BSTR copy = nullptr;
        if (text) {
            copy = SysAllocStringLen(text, bstrSrc.length());
            if (!copy) _com_issue_error(E_OUTOFMEMORY);
        }
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(const wchar_t* pSrc) {
        VariantInit(this);
        BSTR copy = SysAllocString(pSrc);
        if (pSrc && !copy) _com_issue_error(E_OUTOFMEMORY);
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(const char* pSrc) {
        VariantInit(this);
        BSTR copy = _com_util::ConvertStringToBSTR(pSrc);
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(IDispatch* pSrc, bool fAddRef = true) noexcept {
        vt = VT_DISPATCH;
        pdispVal = pSrc;
        if (pSrc && fAddRef) reinterpret_cast<IUnknown*>(pSrc)->AddRef();
    }
    _variant_t(bool boolSrc) noexcept {
        vt = VT_BOOL;
        boolVal = boolSrc ? VARIANT_TRUE : VARIANT_FALSE;
    }
    _variant_t(IUnknown* pSrc, bool fAddRef = true) noexcept {
        vt = VT_UNKNOWN;
        punkVal = pSrc;
        if (pSrc && fAddRef) pSrc->AddRef();
    }
    _variant_t(BYTE bSrc) noexcept {
        vt = VT_UI1;
        bVal = bSrc;
    }
    _variant_t(char cSrc) noexcept {
        vt = VT_I1;
        cVal = cSrc;
    }
    _variant_t(unsigned short usSrc) noexcept {
        vt = VT_UI2;
        uiVal = usSrc;
    }
    _variant_t(unsigned long ulSrc) {
        VariantInit(this);
        if (ulSrc > 0xFFFFFFFFul) _com_issue_error(DISP_E_OVERFLOW);
        vt = VT_UI4;
        ulVal = static_cast<ULONG>(ulSrc);
    }
    _variant_t(int iSrc) noexcept {
        vt = VT_INT;
        intVal = iSrc;
    }
    _variant_t(unsigned int uiSrc) noexcept {
        vt = VT_UINT;
        uintVal = uiSrc;
    }
    _variant_t(long long i8Src) noexcept {
        vt = VT_I8;
        llVal = i8Src;
    }
    _variant_t(unsigned long long ui8Src) noexcept {
        vt = VT_UI8;
        ullVal = ui8Src;
    }
    ~_variant_t() { VariantClear(this); }

    // ---- extraction: the value converted with VariantChangeType; failures throw _com_error --
    operator short() const { return extract(VT_I2).iVal; }
    operator long() const { return extract(VT_I4).lVal; }
    operator float() const { return extract(VT_R4).fltVal; }
    operator double() const { return extract(VT_R8).dblVal; }
    operator CY() const { return extract(VT_CY).cyVal; }
    operator bool() const { return extract(VT_BOOL).boolVal != VARIANT_FALSE; }
    operator BYTE() const { return extract(VT_UI1).bVal; }
    operator char() const { return extract(VT_I1).cVal; }
    operator unsigned short() const { return extract(VT_UI2).uiVal; }
    operator unsigned long() const { return extract(VT_UI4).ulVal; }
    operator int() const { return extract(VT_INT).intVal; }
    operator unsigned int() const { return extract(VT_UINT).uintVal; }
    operator long long() const { return extract(VT_I8).llVal; }
    operator unsigned long long() const { return extract(VT_UI8).ullVal; }
    // No operator _bstr_t: _bstr_t(const _variant_t&) converts (with both, `_bstr_t b = v;` is
    // ambiguous in standard C++).
private:
    friend class _bstr_t;
    BSTR text_copy() const {
        if (vt == VT_BSTR) {
            if (!bstrVal) return nullptr;
            BSTR out = SysAllocStringLen(bstrVal, SysStringLen(bstrVal));
            if (!out) _com_issue_error(E_OUTOFMEMORY);
            return out;
        }
        _variant_t converted = extract(VT_BSTR);
        BSTR out = converted.bstrVal;
        converted.vt = VT_EMPTY;
        return out;
    }

public:
    // AddRef'ed, as MSVC's.
    operator IUnknown*() const {
        _variant_t converted = extract(VT_UNKNOWN);
        IUnknown* out = converted.punkVal;
        converted.vt = VT_EMPTY;  // the reference goes to the caller
        return out;
    }

    // ---- assignment (MSVC keeps VT_BOOL/VT_ERROR for long, VT_BOOL for short, VT_DATE for
    // double when the variant already holds that type) -------------------------------------------
    _variant_t& operator=(const _variant_t& varSrc) {
        _com_util::CheckError(VariantCopy(this, &varSrc));
        return *this;
    }
    _variant_t& operator=(_variant_t&& varSrc) noexcept {
        if (this != &varSrc) {
            VariantClear(this);
            static_cast<VARIANT&>(*this) = varSrc;
            varSrc.vt = VT_EMPTY;
        }
        return *this;
    }
    _variant_t& operator=(const VARIANT& varSrc) {
        _com_util::CheckError(VariantCopy(this, &varSrc));
        return *this;
    }
    _variant_t& operator=(const VARIANT* pSrc) {
        if (!pSrc) {
            _com_issue_error(E_POINTER);
            return *this;
        }
        return *this = *pSrc;
    }
    _variant_t& operator=(short sSrc) {
        if (vt == VT_BOOL) {
            boolVal = sSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else {
            Clear();
            vt = VT_I2;
            iVal = sSrc;
        }
        return *this;
    }
    _variant_t& operator=(long lSrc) {
        if (vt == VT_BOOL) {
            boolVal = lSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else if (vt == VT_ERROR) {
            scode = fit_long(lSrc);
        } else {
            const LONG value = fit_long(lSrc);
            Clear();
            vt = VT_I4;
            lVal = value;
        }
        return *this;
    }
    _variant_t& operator=(double dblSrc) {
        if (vt == VT_DATE) {
            date = dblSrc;
        } else {
            Clear();
            vt = VT_R8;
            dblVal = dblSrc;
        }
        return *this;
    }
    template <class T>
    _variant_t& operator=(const T& value) {  // every other constructor's type
        return *this = _variant_t(value);
    }

    // Same-type overloads: with only the VARIANT ones, C++20's reversed candidates tie.
    bool operator==(const _variant_t& varSrc) const { return equals(&varSrc); }
    bool operator!=(const _variant_t& varSrc) const { return !equals(&varSrc); }
    bool operator==(const VARIANT& varSrc) const { return equals(&varSrc); }
    bool operator==(const VARIANT* pSrc) const { return equals(pSrc); }
    bool operator!=(const VARIANT& varSrc) const { return !equals(&varSrc); }
    bool operator!=(const VARIANT* pSrc) const { return !equals(pSrc); }

    void Clear() { _com_util::CheckError(VariantClear(this)); }
    void Attach(VARIANT& varSrc) {
        Clear();
        static_cast<VARIANT&>(*this) = varSrc;
        varSrc.vt = VT_EMPTY;
    }
    VARIANT Detach() noexcept {
        VARIANT out = *this;
        vt = VT_EMPTY;
        return out;
    }
    VARIANT& GetVARIANT() noexcept { return *this; }
    VARIANT* GetAddress() {
        Clear();
        return this;
    }
    // Converts pSrc (or this variant) to vartype in place; failures throw _com_error(hr).
    void ChangeType(VARTYPE vartype, const _variant_t* pSrc = nullptr) {
        if (!pSrc) pSrc = this;
        if (pSrc != this || vartype != vt)
            _com_util::CheckError(VariantChangeType(this, pSrc, 0, vartype));
    }
    void SetString(const char* pSrc) { *this = _variant_t(pSrc); }

private:
    static LONG fit_long(long value) {
        if (value < -2147483647L - 1 || value > 2147483647L) _com_issue_error(DISP_E_OVERFLOW);
        return static_cast<LONG>(value);
    }
    _variant_t extract(VARTYPE type) const {
        _variant_t out;
        _com_util::CheckError(VariantChangeType(&out, this, 0, type));
        return out;
    }
    bool equals(const VARIANT* pSrc) const {
        if (!pSrc) return false;
        if (pSrc == this) return true;
        if (vt != pSrc->vt) return false;
        switch (vt) {
            case VT_EMPTY:
            case VT_NULL:
                return true;
            case VT_I2:
                return iVal == pSrc->iVal;
            case VT_I4:
                return lVal == pSrc->lVal;
            case VT_R4:
                return std::memcmp(&fltVal, &pSrc->fltVal, sizeof fltVal) == 0;
            case VT_R8:
                return std::memcmp(&dblVal, &pSrc->dblVal, sizeof dblVal) == 0;
            case VT_CY:
                return cyVal.int64 == pSrc->cyVal.int64;
            case VT_DATE:
                return std::memcmp(&date, &pSrc->date, sizeof date) == 0;
            case VT_BSTR:
                return SysStringByteLen(bstrVal) == SysStringByteLen(pSrc->bstrVal) &&
                       (SysStringByteLen(bstrVal) == 0 ||
                        std::memcmp(bstrVal, pSrc->bstrVal, SysStringByteLen(bstrVal)) == 0);
            case VT_BOOL:
                return boolVal == pSrc->boolVal;
            case VT_UNKNOWN:
                return punkVal == pSrc->punkVal;
            case VT_DISPATCH:
                return pdispVal == pSrc->pdispVal;
            case VT_ERROR:
                return scode == pSrc->scode;
            case VT_I1:
                return cVal == pSrc->cVal;
            case VT_UI1:
                return bVal == pSrc->bVal;
            case VT_UI2:
                return uiVal == pSrc->uiVal;
            case VT_UI4:
                return ulVal == pSrc->ulVal;
            case VT_I8:
                return llVal == pSrc->llVal;
            case VT_UI8:
                return ullVal == pSrc->ullVal;
            case VT_INT:
                return intVal == pSrc->intVal;
            case VT_UINT:
                return uintVal == pSrc->uintVal;
            default:
                _com_issue_error(E_INVALIDARG);
                return false;
        }
    }
};

inline _bstr_t::_bstr_t(const _variant_t& var) : m_Data(nullptr) {
    m_Data = new_data(var.text_copy());
}
inline _bstr_t& _bstr_t::operator=(const _variant_t& var) { return *this = _bstr_t(var); }

// ---- _com_ptr_t
// ----------------------------------------------------------------------------------
template <typename _Interface, const IID* _IID>
class _com_IIID {
public:
    typedef _Interface Interface;
    static _Interface* GetInterfacePtr() noexcept { return nullptr; }
    static _Interface& GetInterface() noexcept { return *GetInterfacePtr(); }
    static const IID& GetIID() noexcept { return *_IID; }
};

template <typename _IIID>
class _com_ptr_t {
public:
    typedef _IIID ThisIIID;
    typedef typename _IIID::Interface Interface;

    static const IID& GetIID() noexcept { return ThisIIID::GetIID(); }

    _com_ptr_t() noexcept : m_pInterface(nullptr) {}
    _com_ptr_t(decltype(nullptr)) noexcept : m_pInterface(nullptr) {}
    // Only 0 (NULL) is allowed, as with MSVC: anything else is E_POINTER. A template so that
    // g++'s NULL (__null, a long) matches exactly instead of being ambiguous.
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    _com_ptr_t(_Int null) : m_pInterface(nullptr) {
        if (null != 0) _com_issue_error(E_POINTER);
    }
    _com_ptr_t(Interface* pInterface) noexcept : m_pInterface(pInterface) { _AddRef(); }
    _com_ptr_t(Interface* pInterface, bool fAddRef) noexcept : m_pInterface(pInterface) {
        if (fAddRef) _AddRef();
    }
    _com_ptr_t(const _com_ptr_t& cp) noexcept : m_pInterface(cp.m_pInterface) { _AddRef(); }
    _com_ptr_t(_com_ptr_t&& cp) noexcept : m_pInterface(cp.m_pInterface) {
        cp.m_pInterface = nullptr;
    }
    // QueryInterface for this interface; NULL when the object lacks it (E_NOINTERFACE).
    template <typename _OtherIID>
    _com_ptr_t(const _com_ptr_t<_OtherIID>& p) : m_pInterface(nullptr) {
        query(p.GetInterfacePtr());
    }
    template <typename _InterfaceType>
    _com_ptr_t(_InterfaceType* p) : m_pInterface(nullptr) {
        query(p);
    }
    _com_ptr_t(const _variant_t& varSrc) : m_pInterface(nullptr) {
        if (varSrc.vt == VT_UNKNOWN || varSrc.vt == VT_DISPATCH) {
            query(varSrc.punkVal);
        } else {
            _com_issue_error(DISP_E_TYPEMISMATCH);
        }
    }
    explicit _com_ptr_t(const CLSID& clsid, IUnknown* pOuter = nullptr,
                        DWORD dwClsContext = CLSCTX_ALL)
        : m_pInterface(nullptr) {
        const HRESULT hr = CreateInstance(clsid, pOuter, dwClsContext);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    explicit _com_ptr_t(LPCWSTR str, IUnknown* pOuter = nullptr, DWORD dwClsContext = CLSCTX_ALL)
        : m_pInterface(nullptr) {
        const HRESULT hr = CreateInstance(str, pOuter, dwClsContext);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    ~_com_ptr_t() { _Release(); }

    _com_ptr_t& operator=(Interface* pInterface) noexcept {
        if (m_pInterface != pInterface) {
            Interface* old = m_pInterface;
            m_pInterface = pInterface;
            _AddRef();
            if (old) old->Release();
        }
        return *this;
    }
    _com_ptr_t& operator=(const _com_ptr_t& cp) noexcept { return *this = cp.m_pInterface; }
    _com_ptr_t& operator=(_com_ptr_t&& cp) noexcept {
        if (this != &cp) {
            _Release();
            m_pInterface = cp.m_pInterface;
            cp.m_pInterface = nullptr;
        }
        return *this;
    }
    template <typename _OtherIID>
    _com_ptr_t& operator=(const _com_ptr_t<_OtherIID>& p) {
        query(p.GetInterfacePtr());
        return *this;
    }
    template <typename _InterfaceType>
    _com_ptr_t& operator=(_InterfaceType* p) {
        query(p);
        return *this;
    }
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    _com_ptr_t& operator=(_Int null) {
        if (null != 0) {
            _com_issue_error(E_POINTER);
            return *this;
        }
        return *this = static_cast<Interface*>(nullptr);
    }
    _com_ptr_t& operator=(decltype(nullptr)) noexcept {
        return *this = static_cast<Interface*>(nullptr);
    }

    void Attach(Interface* pInterface) noexcept {
        _Release();
        m_pInterface = pInterface;
    }
    void Attach(Interface* pInterface, bool fAddRef) noexcept {
        _Release();
        m_pInterface = pInterface;
        if (fAddRef) _AddRef();
    }
    Interface* Detach() noexcept {
        Interface* out = m_pInterface;
        m_pInterface = nullptr;
        return out;
    }

    operator Interface*() const noexcept { return m_pInterface; }
    operator Interface&() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return *m_pInterface;
    }
    Interface& operator*() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return *m_pInterface;
    }
    // Releases the current interface and returns the address for an [out] parameter.
    Interface** operator&() noexcept {
        _Release();
        m_pInterface = nullptr;
        return &m_pInterface;
    }
    Interface* operator->() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return m_pInterface;
    }
    explicit operator bool() const noexcept { return m_pInterface != nullptr; }
    bool operator!() const noexcept { return m_pInterface == nullptr; }

    template <typename _OtherIID>
    bool operator==(const _com_ptr_t<_OtherIID>& p) const {
        return _CompareUnk(p.GetInterfacePtr()) == 0;
    }
    template <typename _InterfaceType>
    bool operator==(_InterfaceType* p) const {
        return _CompareUnk(p) == 0;
    }
    bool operator==(Interface* p) const { return m_pInterface == p || _CompareUnk(p) == 0; }
    bool operator==(const _com_ptr_t& p) const { return *this == p.m_pInterface; }
    bool operator==(decltype(nullptr)) const noexcept { return m_pInterface == nullptr; }
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    bool operator==(_Int null) const {
        if (null != 0) _com_issue_error(E_POINTER);
        return m_pInterface == nullptr;
    }
    template <typename T>
    bool operator!=(const T& p) const {
        return !(*this == p);
    }
    template <typename T>
    bool operator!=(T* p) const {
        return !(*this == p);
    }
    bool operator!=(decltype(nullptr)) const noexcept { return m_pInterface != nullptr; }

    // Throws E_POINTER when NULL, as MSVC's.
    void AddRef() {
        if (!m_pInterface)
            _com_issue_error(E_POINTER);
        else
            m_pInterface->AddRef();
    }
    void Release() {
        if (!m_pInterface) {
            _com_issue_error(E_POINTER);
        } else {
            m_pInterface->Release();
            m_pInterface = nullptr;
        }
    }

    Interface* GetInterfacePtr() const noexcept { return m_pInterface; }
    Interface*& GetInterfacePtr() noexcept { return m_pInterface; }

    HRESULT CreateInstance(const CLSID& rclsid, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        _Release();
        m_pInterface = nullptr;
        void* created = nullptr;
        const HRESULT hr = CoCreateInstance(rclsid, pOuter, dwClsContext, GetIID(), &created);
        if (SUCCEEDED(hr)) m_pInterface = static_cast<Interface*>(created);
        return hr;
    }
    // "{...}" is a CLSID; anything else a ProgID, which no registry here knows.
    HRESULT CreateInstance(LPCWSTR clsidString, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        if (!clsidString) return E_INVALIDARG;
        CLSID clsid;
        const HRESULT hr = clsidString[0] == L'{' ? CLSIDFromString(clsidString, &clsid)
                                                  : CLSIDFromProgID(clsidString, &clsid);
        if (FAILED(hr)) return hr;
        return CreateInstance(clsid, pOuter, dwClsContext);
    }
    HRESULT CreateInstance(LPCSTR clsidStringA, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        if (!clsidStringA) return E_INVALIDARG;
        const _bstr_t wide(clsidStringA);
        return CreateInstance(static_cast<LPCWSTR>(wide), pOuter, dwClsContext);
    }

    template <typename _InterfaceType>
    HRESULT QueryInterface(const IID& iid, _InterfaceType*& p) {
        if (!m_pInterface) return E_POINTER;
        return m_pInterface->QueryInterface(iid, reinterpret_cast<void**>(&p));
    }
    template <typename _InterfaceType>
    HRESULT QueryInterface(const IID& iid, _InterfaceType** p) {
        return QueryInterface(iid, *p);
    }

private:
    void _AddRef() noexcept {
        if (m_pInterface) m_pInterface->AddRef();
    }
    void _Release() noexcept {
        if (m_pInterface) m_pInterface->Release();
    }
    template <typename _InterfacePtr>
    HRESULT _QueryInterface(_InterfacePtr p) {
        HRESULT hr;
        if (p) {
            void* found = nullptr;
            hr = p->QueryInterface(GetIID(), &found);
            Attach(SUCCEEDED(hr) ? static_cast<Interface*>(found) : nullptr);
        } else {
            *this = static_cast<Interface*>(nullptr);
            hr = E_NOINTERFACE;
        }
        return hr;
    }
    template <typename _InterfacePtr>
    void query(_InterfacePtr p) {
        const HRESULT hr = _QueryInterface(p);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    // COM identity: both objects' IUnknown compared.
    template <typename _InterfacePtr>
    int _CompareUnk(_InterfacePtr p) const {
        if (!m_pInterface || !p) return m_pInterface == nullptr && p == nullptr ? 0 : 1;
        void* mine = nullptr;
        void* theirs = nullptr;
        if (FAILED(m_pInterface->QueryInterface(::iisfake::uuid_of<IUnknown>(), &mine))) return 1;
        static_cast<IUnknown*>(mine)->Release();
        if (FAILED(p->QueryInterface(::iisfake::uuid_of<IUnknown>(), &theirs))) return 1;
        static_cast<IUnknown*>(theirs)->Release();
        return mine == theirs ? 0 : 1;
    }

    Interface* m_pInterface;
};

#ifndef _COM_SMARTPTR
#define _COM_SMARTPTR _com_ptr_t
#endif
#ifndef _COM_SMARTPTR_LEVEL2
#define _COM_SMARTPTR_LEVEL2 _com_IIID
#endif
// As MSVC's: `&IID` is a template argument. With __uuidof(I) that is
// &::iisfake::interface_id<I>::value; a GUID of DEFINE_GUID (extern "C" const) works as well.
#ifndef _COM_SMARTPTR_TYPEDEF
#define _COM_SMARTPTR_TYPEDEF(Interface, IID) \
    typedef _COM_SMARTPTR<_COM_SMARTPTR_LEVEL2<Interface, &IID>> Interface##Ptr
#endif

_COM_SMARTPTR_TYPEDEF(IUnknown, __uuidof(IUnknown));
_COM_SMARTPTR_TYPEDEF(IDispatch, __uuidof(IDispatch));
_COM_SMARTPTR_TYPEDEF(IErrorInfo, __uuidof(IErrorInfo));

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/comdef.hpp -----

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
// ----- end iisfake/win32/windows.hpp -----

#if !defined(_WIN32)
// ----- begin iisfake/win32/tchar.hpp -----
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


#if !defined(_WIN32)

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <string>


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
// ----- end iisfake/win32/tchar.hpp -----
// ----- begin iisfake/win32/strsafe.hpp -----
#ifndef IISFAKE_WIN32_STRSAFE_HPP_INCLUDED
#define IISFAKE_WIN32_STRSAFE_HPP_INCLUDED

// What <strsafe.h> provides module sources off Windows (T-19): StringCch*/StringCb* Copy, CopyN,
// Cat, CatN, Printf, VPrintf, Length, and the Ex forms of Copy, CopyN, Cat, CatN, Printf and
// VPrintf, for A and W, with the unsuffixed names chosen by UNICODE. Failures depend on the
// data, so they are HRESULTs, never invalid-parameter reports: truncation answers
// STRSAFE_E_INSUFFICIENT_BUFFER with the truncated, NUL-terminated result; a size of 0 or above
// STRSAFE_MAX_CCH answers STRSAFE_E_INVALID_PARAMETER. Where Windows would crash (a NULL source
// or destination without STRSAFE_IGNORE_NULLS) the functions answer
// STRSAFE_E_INVALID_PARAMETER instead. Printf formats follow MSVC's rules (win32/printf.hpp).
// Sizes in bytes (StringCb*) count sizeof(wchar_t) == 4 off Windows; sizeof(buffer) is right.


#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstring>
#include <string>


#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)
#define STRSAFE_E_INSUFFICIENT_BUFFER static_cast<HRESULT>(0x8007007Au)
#define STRSAFE_E_INVALID_PARAMETER static_cast<HRESULT>(0x80070057u)
#define STRSAFE_E_END_OF_FILE static_cast<HRESULT>(0x80070026u)

#define STRSAFE_IGNORE_NULLS 0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE 0x00000400
#define STRSAFE_NULL_ON_FAILURE 0x00000800
#define STRSAFE_NO_TRUNCATION 0x00001000
#define STRSAFE_FILL_BYTE(x) (static_cast<DWORD>((x)&0xFF) | STRSAFE_FILL_BEHIND_NULL)
#define STRSAFE_FAILURE_BYTE(x) (static_cast<DWORD>((x)&0xFF) | STRSAFE_FILL_ON_FAILURE)

typedef char* STRSAFE_LPSTR;
typedef const char* STRSAFE_LPCSTR;
typedef wchar_t* STRSAFE_LPWSTR;
typedef const wchar_t* STRSAFE_LPCWSTR;

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

enum class SafeOp { copy, cat, print };

template <class T>
struct NotDeduced {
    typedef T type;
};

// The text an operation puts at the destination's end (copy/print: at 0; cat: after the text).
template <class Char>
struct SafeSource {
    const Char* text;    // copy/cat
    std::size_t limit;   // the N forms' count, or STRSAFE_MAX_CCH
    const Char* format;  // print
    va_list* args;       // print
};

template <class Char>
HRESULT safe_apply(SafeOp op, Char* dest, std::size_t cch, const SafeSource<Char>& source, bool ex,
                   typename NotDeduced<Char>::type** dest_end, std::size_t* remaining_out,
                   DWORD flags) {
    const DWORD valid = 0xFF | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL |
                        STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION;
    if (!ex) flags = 0;
    const bool ignore_nulls = (flags & STRSAFE_IGNORE_NULLS) != 0;
    HRESULT hr = S_OK;
    if ((flags & ~valid) != 0 || cch > STRSAFE_MAX_CCH)
        hr = STRSAFE_E_INVALID_PARAMETER;
    else if (dest == nullptr && cch != 0)
        hr = STRSAFE_E_INVALID_PARAMETER;
    else if (cch == 0 && !ignore_nulls)
        hr = STRSAFE_E_INVALID_PARAMETER;
    std::size_t start = 0;
    if (SUCCEEDED(hr) && op == SafeOp::cat) {
        while (start < cch && dest[start] != Char('\0')) ++start;
        if (start == cch && cch != 0) hr = STRSAFE_E_INVALID_PARAMETER;
    }
    std::basic_string<Char> text;
    if (SUCCEEDED(hr)) {
        if (source.limit > STRSAFE_MAX_CCH) {
            hr = STRSAFE_E_INVALID_PARAMETER;
        } else if (op == SafeOp::print) {
            if (source.format == nullptr && !ignore_nulls)
                hr = STRSAFE_E_INVALID_PARAMETER;
            else if (source.format != nullptr &&
                     !format_msvc(text, source.format, *source.args, L"StringCchVPrintf"))
                hr = STRSAFE_E_INVALID_PARAMETER;
        } else if (source.text == nullptr) {
            if (!ignore_nulls) hr = STRSAFE_E_INVALID_PARAMETER;
        } else {
            std::size_t n = 0;
            while (n < source.limit && source.text[n] != Char('\0')) ++n;
            text.assign(source.text, n);
        }
    }
    if (FAILED(hr)) {
        if (!ex && op != SafeOp::cat && dest != nullptr && cch > 0) dest[0] = Char('\0');
        if (ex && dest != nullptr && cch > 0 && cch <= STRSAFE_MAX_CCH) {
            // STRSAFE_FILL_ON_FAILURE / STRSAFE_NULL_ON_FAILURE also apply to bad parameters.
            if (flags & STRSAFE_FILL_ON_FAILURE) {
                std::memset(dest, static_cast<int>(flags & 0xFF), cch * sizeof(Char));
                dest[cch - 1] = Char('\0');
            }
            if (flags & STRSAFE_NULL_ON_FAILURE) dest[0] = Char('\0');
        }
        return hr;
    }
    const std::size_t room = cch - start;  // including the NUL
    Char* end = dest + start;
    std::size_t remaining = room;
    if (text.size() < room) {
        text.copy(end, text.size());
        end += text.size();
        *end = Char('\0');
        remaining = room - text.size();
    } else if (!text.empty()) {
        hr = STRSAFE_E_INSUFFICIENT_BUFFER;
        if (room > 0) {
            text.copy(end, room - 1);
            end = dest + cch - 1;
            *end = Char('\0');
            remaining = 1;
        }
    }
    if (SUCCEEDED(hr) && (flags & STRSAFE_FILL_BEHIND_NULL) && remaining > 1)
        std::memset(end + 1, static_cast<int>(flags & 0xFF), (remaining - 1) * sizeof(Char));
    if (FAILED(hr) && cch != 0) {
        if (flags & STRSAFE_NO_TRUNCATION) {  // back to what the destination held
            dest[start] = Char('\0');
            end = dest + start;
            remaining = cch - start;
        }
        if (flags & STRSAFE_FILL_ON_FAILURE) {
            std::memset(dest, static_cast<int>(flags & 0xFF), cch * sizeof(Char));
            if ((flags & 0xFF) == 0) {
                end = dest;
                remaining = cch;
            } else {
                end = dest + cch - 1;
                *end = Char('\0');
                remaining = 1;
            }
        }
        if (flags & STRSAFE_NULL_ON_FAILURE) {
            dest[0] = Char('\0');
            end = dest;
            remaining = cch;
        }
    }
    if (dest_end) *dest_end = end;
    if (remaining_out) *remaining_out = remaining;
    return hr;
}

template <class Char>
SafeSource<Char> safe_text(const Char* text, std::size_t limit = STRSAFE_MAX_CCH) {
    SafeSource<Char> source = {text, limit, nullptr, nullptr};
    return source;
}
template <class Char>
SafeSource<Char> safe_format(const Char* format, va_list* args) {
    SafeSource<Char> source = {nullptr, STRSAFE_MAX_CCH, format, args};
    return source;
}

template <class Char>
HRESULT safe_length(const Char* text, std::size_t max, std::size_t* length) {
    if (length) *length = 0;
    if (text == nullptr || max == 0 || max > STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
    std::size_t n = 0;
    while (n < max && text[n] != Char('\0')) ++n;
    if (n == max) return STRSAFE_E_INVALID_PARAMETER;
    if (length) *length = n;
    return S_OK;
}

// StringCb*: the byte counts of a remaining size.
template <class Char>
HRESULT safe_apply_bytes(SafeOp op, Char* dest, std::size_t cb, const SafeSource<Char>& source,
                         bool ex, typename NotDeduced<Char>::type** dest_end,
                         std::size_t* remaining_bytes, DWORD flags) {
    std::size_t remaining = 0;
    const std::size_t cch = cb / sizeof(Char);
    const HRESULT hr = cb > STRSAFE_MAX_CCH * sizeof(Char)
                           ? safe_apply(op, dest, static_cast<std::size_t>(STRSAFE_MAX_CCH) + 1,
                                        source, ex, dest_end, &remaining, flags)
                           : safe_apply(op, dest, cch, source, ex, dest_end, &remaining, flags);
    if (remaining_bytes && (SUCCEEDED(hr) || hr == STRSAFE_E_INSUFFICIENT_BUFFER))
        *remaining_bytes = remaining * sizeof(Char) + cb % sizeof(Char);
    return hr;
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- A --------------------------------------------------------------------------------------
inline HRESULT StringCchCopyA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCopyNA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                               std::size_t cchToCopy) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToCopy), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCopyExA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                                STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcchRemaining, dwFlags);
}
inline HRESULT StringCchCopyNExA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                                 std::size_t cchToCopy, STRSAFE_LPSTR* ppszDestEnd,
                                 std::size_t* pcchRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToCopy), true, ppszDestEnd, pcchRemaining,
        dwFlags);
}
inline HRESULT StringCchCatA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCatNA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                              std::size_t cchToAppend) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToAppend), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCatExA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                               STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcchRemaining,
                               DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcchRemaining, dwFlags);
}
inline HRESULT StringCchCatNExA(STRSAFE_LPSTR pszDest, std::size_t cchDest, STRSAFE_LPCSTR pszSrc,
                                std::size_t cchToAppend, STRSAFE_LPSTR* ppszDestEnd,
                                std::size_t* pcchRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToAppend), true, ppszDestEnd, pcchRemaining,
        dwFlags);
}
inline HRESULT StringCchVPrintfA(STRSAFE_LPSTR pszDest, std::size_t cchDest,
                                 STRSAFE_LPCSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cchDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), false, nullptr, nullptr, 0);
    va_end(args);
    return hr;
}
inline HRESULT StringCchPrintfA(STRSAFE_LPSTR pszDest, std::size_t cchDest,
                                STRSAFE_LPCSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCchVPrintfA(pszDest, cchDest, pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCchVPrintfExA(STRSAFE_LPSTR pszDest, std::size_t cchDest,
                                   STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                   DWORD dwFlags, STRSAFE_LPCSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cchDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), true, ppszDestEnd, pcchRemaining,
        dwFlags);
    va_end(args);
    return hr;
}
inline HRESULT StringCchPrintfExA(STRSAFE_LPSTR pszDest, std::size_t cchDest,
                                  STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                  DWORD dwFlags, STRSAFE_LPCSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCchVPrintfExA(pszDest, cchDest, ppszDestEnd, pcchRemaining, dwFlags,
                                              pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCbCopyA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCbCopyNA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                              std::size_t cbToCopy) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToCopy / sizeof(char)), false, nullptr,
        nullptr, 0);
}
inline HRESULT StringCbCopyExA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                               STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcbRemaining,
                               DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcbRemaining, dwFlags);
}
inline HRESULT StringCbCopyNExA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                                std::size_t cbToCopy, STRSAFE_LPSTR* ppszDestEnd,
                                std::size_t* pcbRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToCopy / sizeof(char)), true, ppszDestEnd,
        pcbRemaining, dwFlags);
}
inline HRESULT StringCbCatA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCbCatNA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                             std::size_t cbToAppend) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToAppend / sizeof(char)), false, nullptr,
        nullptr, 0);
}
inline HRESULT StringCbCatExA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                              STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcbRemaining,
                              DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcbRemaining, dwFlags);
}
inline HRESULT StringCbCatNExA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszSrc,
                               std::size_t cbToAppend, STRSAFE_LPSTR* ppszDestEnd,
                               std::size_t* pcbRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToAppend / sizeof(char)), true, ppszDestEnd,
        pcbRemaining, dwFlags);
}
inline HRESULT StringCbVPrintfA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszFormat,
                                va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cbDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), false, nullptr, nullptr, 0);
    va_end(args);
    return hr;
}
inline HRESULT StringCbPrintfA(STRSAFE_LPSTR pszDest, std::size_t cbDest, STRSAFE_LPCSTR pszFormat,
                               ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCbVPrintfA(pszDest, cbDest, pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCbVPrintfExA(STRSAFE_LPSTR pszDest, std::size_t cbDest,
                                  STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcbRemaining,
                                  DWORD dwFlags, STRSAFE_LPCSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cbDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), true, ppszDestEnd, pcbRemaining,
        dwFlags);
    va_end(args);
    return hr;
}
inline HRESULT StringCbPrintfExA(STRSAFE_LPSTR pszDest, std::size_t cbDest,
                                 STRSAFE_LPSTR* ppszDestEnd, std::size_t* pcbRemaining,
                                 DWORD dwFlags, STRSAFE_LPCSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCbVPrintfExA(pszDest, cbDest, ppszDestEnd, pcbRemaining, dwFlags,
                                             pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCchLengthA(STRSAFE_LPCSTR psz, std::size_t cchMax, std::size_t* pcchLength) {
    return ::iisfake::win32::detail::safe_length(psz, cchMax, pcchLength);
}
inline HRESULT StringCbLengthA(STRSAFE_LPCSTR psz, std::size_t cbMax, std::size_t* pcbLength) {
    std::size_t length = 0;
    const HRESULT hr = ::iisfake::win32::detail::safe_length(psz, cbMax / sizeof(char), &length);
    if (pcbLength) *pcbLength = length * sizeof(char);
    return hr;
}

// ---- W --------------------------------------------------------------------------------------
inline HRESULT StringCchCopyW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCopyNW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                               std::size_t cchToCopy) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToCopy), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCopyExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                                STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcchRemaining, dwFlags);
}
inline HRESULT StringCchCopyNExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest,
                                 STRSAFE_LPCWSTR pszSrc, std::size_t cchToCopy,
                                 STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                 DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToCopy), true, ppszDestEnd, pcchRemaining,
        dwFlags);
}
inline HRESULT StringCchCatW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCatNW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                              std::size_t cchToAppend) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToAppend), false, nullptr, nullptr, 0);
}
inline HRESULT StringCchCatExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                               STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcchRemaining,
                               DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcchRemaining, dwFlags);
}
inline HRESULT StringCchCatNExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest, STRSAFE_LPCWSTR pszSrc,
                                std::size_t cchToAppend, STRSAFE_LPWSTR* ppszDestEnd,
                                std::size_t* pcchRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cchDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cchToAppend), true, ppszDestEnd, pcchRemaining,
        dwFlags);
}
inline HRESULT StringCchVPrintfW(STRSAFE_LPWSTR pszDest, std::size_t cchDest,
                                 STRSAFE_LPCWSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cchDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), false, nullptr, nullptr, 0);
    va_end(args);
    return hr;
}
inline HRESULT StringCchPrintfW(STRSAFE_LPWSTR pszDest, std::size_t cchDest,
                                STRSAFE_LPCWSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCchVPrintfW(pszDest, cchDest, pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCchVPrintfExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest,
                                   STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                   DWORD dwFlags, STRSAFE_LPCWSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cchDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), true, ppszDestEnd, pcchRemaining,
        dwFlags);
    va_end(args);
    return hr;
}
inline HRESULT StringCchPrintfExW(STRSAFE_LPWSTR pszDest, std::size_t cchDest,
                                  STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcchRemaining,
                                  DWORD dwFlags, STRSAFE_LPCWSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCchVPrintfExW(pszDest, cchDest, ppszDestEnd, pcchRemaining, dwFlags,
                                              pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCbCopyW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCbCopyNW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                              std::size_t cbToCopy) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToCopy / sizeof(wchar_t)), false, nullptr,
        nullptr, 0);
}
inline HRESULT StringCbCopyExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                               STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcbRemaining,
                               DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcbRemaining, dwFlags);
}
inline HRESULT StringCbCopyNExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                                std::size_t cbToCopy, STRSAFE_LPWSTR* ppszDestEnd,
                                std::size_t* pcbRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::copy, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToCopy / sizeof(wchar_t)), true, ppszDestEnd,
        pcbRemaining, dwFlags);
}
inline HRESULT StringCbCatW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), false, nullptr, nullptr, 0);
}
inline HRESULT StringCbCatNW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                             std::size_t cbToAppend) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToAppend / sizeof(wchar_t)), false, nullptr,
        nullptr, 0);
}
inline HRESULT StringCbCatExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                              STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcbRemaining,
                              DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc), true, ppszDestEnd, pcbRemaining, dwFlags);
}
inline HRESULT StringCbCatNExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest, STRSAFE_LPCWSTR pszSrc,
                               std::size_t cbToAppend, STRSAFE_LPWSTR* ppszDestEnd,
                               std::size_t* pcbRemaining, DWORD dwFlags) {
    return ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::cat, pszDest, cbDest,
        ::iisfake::win32::detail::safe_text(pszSrc, cbToAppend / sizeof(wchar_t)), true,
        ppszDestEnd, pcbRemaining, dwFlags);
}
inline HRESULT StringCbVPrintfW(STRSAFE_LPWSTR pszDest, std::size_t cbDest,
                                STRSAFE_LPCWSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cbDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), false, nullptr, nullptr, 0);
    va_end(args);
    return hr;
}
inline HRESULT StringCbPrintfW(STRSAFE_LPWSTR pszDest, std::size_t cbDest,
                               STRSAFE_LPCWSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCbVPrintfW(pszDest, cbDest, pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCbVPrintfExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest,
                                  STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcbRemaining,
                                  DWORD dwFlags, STRSAFE_LPCWSTR pszFormat, va_list argList) {
    va_list args;
    va_copy(args, argList);
    const HRESULT hr = ::iisfake::win32::detail::safe_apply_bytes(
        ::iisfake::win32::detail::SafeOp::print, pszDest, cbDest,
        ::iisfake::win32::detail::safe_format(pszFormat, &args), true, ppszDestEnd, pcbRemaining,
        dwFlags);
    va_end(args);
    return hr;
}
inline HRESULT StringCbPrintfExW(STRSAFE_LPWSTR pszDest, std::size_t cbDest,
                                 STRSAFE_LPWSTR* ppszDestEnd, std::size_t* pcbRemaining,
                                 DWORD dwFlags, STRSAFE_LPCWSTR pszFormat, ...) {
    IISFAKE_WIN32_VA_CALL(result, pszFormat,
                          StringCbVPrintfExW(pszDest, cbDest, ppszDestEnd, pcbRemaining, dwFlags,
                                             pszFormat, iisfake_args));
    return result;
}
inline HRESULT StringCchLengthW(STRSAFE_LPCWSTR psz, std::size_t cchMax, std::size_t* pcchLength) {
    return ::iisfake::win32::detail::safe_length(psz, cchMax, pcchLength);
}
inline HRESULT StringCbLengthW(STRSAFE_LPCWSTR psz, std::size_t cbMax, std::size_t* pcbLength) {
    std::size_t length = 0;
    const HRESULT hr = ::iisfake::win32::detail::safe_length(psz, cbMax / sizeof(wchar_t), &length);
    if (pcbLength) *pcbLength = length * sizeof(wchar_t);
    return hr;
}

#if defined(UNICODE)
#define StringCchCopy StringCchCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCchCat StringCchCatW
#define StringCchCatN StringCchCatNW
#define StringCchCopyEx StringCchCopyExW
#define StringCchCopyNEx StringCchCopyNExW
#define StringCchCatEx StringCchCatExW
#define StringCchCatNEx StringCchCatNExW
#define StringCchPrintf StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCchPrintfEx StringCchPrintfExW
#define StringCchVPrintfEx StringCchVPrintfExW
#define StringCchLength StringCchLengthW
#define StringCbCopy StringCbCopyW
#define StringCbCopyN StringCbCopyNW
#define StringCbCat StringCbCatW
#define StringCbCatN StringCbCatNW
#define StringCbCopyEx StringCbCopyExW
#define StringCbCopyNEx StringCbCopyNExW
#define StringCbCatEx StringCbCatExW
#define StringCbCatNEx StringCbCatNExW
#define StringCbPrintf StringCbPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCbPrintfEx StringCbPrintfExW
#define StringCbVPrintfEx StringCbVPrintfExW
#define StringCbLength StringCbLengthW
#else
#define StringCchCopy StringCchCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCchCat StringCchCatA
#define StringCchCatN StringCchCatNA
#define StringCchCopyEx StringCchCopyExA
#define StringCchCopyNEx StringCchCopyNExA
#define StringCchCatEx StringCchCatExA
#define StringCchCatNEx StringCchCatNExA
#define StringCchPrintf StringCchPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCchPrintfEx StringCchPrintfExA
#define StringCchVPrintfEx StringCchVPrintfExA
#define StringCchLength StringCchLengthA
#define StringCbCopy StringCbCopyA
#define StringCbCopyN StringCbCopyNA
#define StringCbCat StringCbCatA
#define StringCbCatN StringCbCatNA
#define StringCbCopyEx StringCbCopyExA
#define StringCbCopyNEx StringCbCopyNExA
#define StringCbCatEx StringCbCatExA
#define StringCbCatNEx StringCbCatNExA
#define StringCbPrintf StringCbPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCbPrintfEx StringCbPrintfExA
#define StringCbVPrintfEx StringCbVPrintfExA
#define StringCbLength StringCbLengthA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/strsafe.hpp -----
// ----- begin iisfake/win32/io.hpp -----
#ifndef IISFAKE_WIN32_IO_HPP_INCLUDED
#define IISFAKE_WIN32_IO_HPP_INCLUDED

// What <io.h> provides module sources off Windows (T-19), kept to what modules use: _access
// (modes 0, 2, 4, 6), the low-level file calls (_open with MSVC's _O_* values, _sopen_s, _read,
// _write, _lseek, _close, _commit, _chsize, _filelength, _eof, _dup, _dup2, _isatty, _setmode),
// _unlink and the wide forms taking UTF-8 paths. They map to POSIX; paths are passed as they
// are. A bad descriptor or NULL buffer is an invalid parameter, as in MSVC's CRT (EBADF/EINVAL).
// Not provided: _findfirst/_findnext, _mktemp, _locking, _get_osfhandle.


#if !defined(_WIN32)

#include <cerrno>
#include <climits>
#include <cstdio>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>


#define _O_RDONLY 0x0000
#define _O_WRONLY 0x0001
#define _O_RDWR 0x0002
#define _O_APPEND 0x0008
#define _O_RANDOM 0x0010
#define _O_SEQUENTIAL 0x0020
#define _O_TEMPORARY 0x0040
#define _O_NOINHERIT 0x0080
#define _O_CREAT 0x0100
#define _O_TRUNC 0x0200
#define _O_EXCL 0x0400
#define _O_SHORT_LIVED 0x1000
#define _O_OBTAIN_DIR 0x2000
#define _O_TEXT 0x4000
#define _O_BINARY 0x8000
#define _O_RAW _O_BINARY
#define _O_WTEXT 0x10000
#define _O_U16TEXT 0x20000
#define _O_U8TEXT 0x40000

#define _S_IREAD 0x0100
#define _S_IWRITE 0x0080

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline int posix_open_flags(int oflag) {
    int flags = 0;
    switch (oflag & (_O_WRONLY | _O_RDWR)) {
        case _O_WRONLY:
            flags = O_WRONLY;
            break;
        case _O_RDWR:
            flags = O_RDWR;
            break;
        default:
            flags = O_RDONLY;
            break;
    }
    if (oflag & _O_APPEND) flags |= O_APPEND;
    if (oflag & _O_CREAT) flags |= O_CREAT;
    if (oflag & _O_TRUNC) flags |= O_TRUNC;
    if (oflag & _O_EXCL) flags |= O_EXCL;
    if (oflag & _O_NOINHERIT) flags |= O_CLOEXEC;
    return flags;
}

inline mode_t posix_mode_bits(int pmode) {
    mode_t mode = 0;
    if (pmode & _S_IREAD) mode |= S_IRUSR | S_IRGRP | S_IROTH;
    if (pmode & _S_IWRITE) mode |= S_IWUSR | S_IWGRP | S_IWOTH;
    return mode;
}

inline int open_descriptor(const char* filename, int oflag, int pmode, const wchar_t* function) {
    if (filename == nullptr) {
        invalid_parameter_errno(L"filename != nullptr", function, EINVAL);
        return -1;
    }
    const int fd = ::open(filename, posix_open_flags(oflag), posix_mode_bits(pmode));
    if (fd >= 0 && (oflag & _O_TEMPORARY)) ::unlink(filename);  // gone once closed
    return fd;
}

// MSVC validates descriptors: a negative or closed one is an invalid parameter (EBADF).
inline bool bad_descriptor(int fd, int result, const wchar_t* function) {
    if (fd < 0 || (result < 0 && errno == EBADF)) {
        invalid_parameter_errno(L"(fh >= 0 && fh < _nhandle)", function, EBADF);
        return true;
    }
    return false;
}

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

inline int _access(const char* path, int mode) {
    if (path == nullptr || (mode & ~6) != 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"path != nullptr && (mode & ~6) == 0",
                                                          L"_access", EINVAL);
        return -1;
    }
    int how = F_OK;
    if (mode & 2) how |= W_OK;
    if (mode & 4) how |= R_OK;
    return ::access(path, how) == 0 ? 0 : -1;
}
inline int _waccess(const wchar_t* path, int mode) {
    if (path == nullptr) return _access(nullptr, mode);
    return _access(::iisfake::win32::detail::u8_from_wide(path).c_str(), mode);
}
inline errno_t _access_s(const char* path, int mode) {
    if (path == nullptr || (mode & ~6) != 0)
        return ::iisfake::win32::detail::invalid_parameter_errno(
            L"path != nullptr && (mode & ~6) == 0", L"_access_s", EINVAL);
    return _access(path, mode) == 0 ? 0 : errno;
}
inline errno_t _waccess_s(const wchar_t* path, int mode) {
    if (path == nullptr) return _access_s(nullptr, mode);
    return _access_s(::iisfake::win32::detail::u8_from_wide(path).c_str(), mode);
}

inline int _open(const char* filename, int oflag, int pmode = 0) {
    return ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_open");
}
inline int _wopen(const wchar_t* filename, int oflag, int pmode = 0) {
    if (filename == nullptr)
        return ::iisfake::win32::detail::open_descriptor(nullptr, oflag, pmode, L"_wopen");
    return ::iisfake::win32::detail::open_descriptor(
        ::iisfake::win32::detail::u8_from_wide(filename).c_str(), oflag, pmode, L"_wopen");
}
// The sharing flag (_SH_DENYNO...) has no POSIX meaning and is ignored.
inline int _sopen(const char* filename, int oflag, int shflag, int pmode = 0) {
    static_cast<void>(shflag);
    return ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_sopen");
}
inline errno_t _sopen_s(int* pfh, const char* filename, int oflag, int shflag, int pmode) {
    static_cast<void>(shflag);
    if (pfh == nullptr)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"pfh != nullptr", L"_sopen_s",
                                                                 EINVAL);
    *pfh = -1;
    if (filename == nullptr)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"filename != nullptr",
                                                                 L"_sopen_s", EINVAL);
    *pfh = ::iisfake::win32::detail::open_descriptor(filename, oflag, pmode, L"_sopen_s");
    return *pfh >= 0 ? 0 : errno;
}
inline errno_t _wsopen_s(int* pfh, const wchar_t* filename, int oflag, int shflag, int pmode) {
    if (filename == nullptr) return _sopen_s(pfh, nullptr, oflag, shflag, pmode);
    return _sopen_s(pfh, ::iisfake::win32::detail::u8_from_wide(filename).c_str(), oflag, shflag,
                    pmode);
}

inline int _close(int fd) {
    const int result = fd < 0 ? -1 : ::close(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_close") ? -1 : result;
}
inline int _read(int fd, void* buffer, unsigned int count) {
    if (buffer == nullptr || count > INT_MAX) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"buffer != nullptr && count <= INT_MAX",
                                                          L"_read", EINVAL);
        return -1;
    }
    const ssize_t result = fd < 0 ? -1 : ::read(fd, buffer, count);
    if (::iisfake::win32::detail::bad_descriptor(fd, static_cast<int>(result), L"_read")) return -1;
    return static_cast<int>(result);
}
inline int _write(int fd, const void* buffer, unsigned int count) {
    if (buffer == nullptr || count > INT_MAX) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"buffer != nullptr && count <= INT_MAX",
                                                          L"_write", EINVAL);
        return -1;
    }
    const ssize_t result = fd < 0 ? -1 : ::write(fd, buffer, count);
    if (::iisfake::win32::detail::bad_descriptor(fd, static_cast<int>(result), L"_write"))
        return -1;
    return static_cast<int>(result);
}
inline long long _lseeki64(int fd, long long offset, int origin) {
    if (origin != SEEK_SET && origin != SEEK_CUR && origin != SEEK_END) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"origin valid", L"_lseeki64", EINVAL);
        return -1;
    }
    const long long result =
        fd < 0 ? -1 : static_cast<long long>(::lseek(fd, static_cast<off_t>(offset), origin));
    if (::iisfake::win32::detail::bad_descriptor(fd, result < 0 ? -1 : 0, L"_lseeki64")) return -1;
    return result;
}
// long is 32-bit on Windows: offsets beyond 2 GB fail with EINVAL, as there.
inline long _lseek(int fd, long offset, int origin) {
    const long long result = _lseeki64(fd, offset, origin);
    if (result > INT32_MAX) {
        errno = EINVAL;
        return -1;
    }
    return static_cast<long>(result);
}
inline long _tell(int fd) { return _lseek(fd, 0, SEEK_CUR); }
inline long long _telli64(int fd) { return _lseeki64(fd, 0, SEEK_CUR); }
inline long long _filelengthi64(int fd) {
    struct stat info;
    const int result = fd < 0 ? -1 : ::fstat(fd, &info);
    if (::iisfake::win32::detail::bad_descriptor(fd, result, L"_filelengthi64")) return -1;
    return result == 0 ? static_cast<long long>(info.st_size) : -1;
}
inline long _filelength(int fd) {
    const long long length = _filelengthi64(fd);
    return length > INT32_MAX ? -1 : static_cast<long>(length);
}
inline int _eof(int fd) {
    const long long here = _telli64(fd);
    if (here < 0) return -1;
    const long long length = _filelengthi64(fd);
    return length < 0 ? -1 : here >= length ? 1 : 0;
}
inline int _commit(int fd) {
    const int result = fd < 0 ? -1 : ::fsync(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_commit") ? -1 : result;
}
inline errno_t _chsize_s(int fd, long long size) {
    if (size < 0)
        return ::iisfake::win32::detail::invalid_parameter_errno(L"size >= 0", L"_chsize_s",
                                                                 EINVAL);
    const int result = fd < 0 ? -1 : ::ftruncate(fd, static_cast<off_t>(size));
    if (::iisfake::win32::detail::bad_descriptor(fd, result, L"_chsize_s")) return EBADF;
    return result == 0 ? 0 : errno;
}
inline int _chsize(int fd, long size) { return _chsize_s(fd, size) == 0 ? 0 : -1; }
inline int _dup(int fd) {
    const int result = fd < 0 ? -1 : ::dup(fd);
    return ::iisfake::win32::detail::bad_descriptor(fd, result, L"_dup") ? -1 : result;
}
inline int _dup2(int fd1, int fd2) {
    if (fd2 < 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"fd2 >= 0", L"_dup2", EBADF);
        return -1;
    }
    const int result = fd1 < 0 ? -1 : ::dup2(fd1, fd2);
    return ::iisfake::win32::detail::bad_descriptor(fd1, result, L"_dup2") ? -1
                                                                           : (result < 0 ? -1 : 0);
}
inline int _isatty(int fd) { return fd >= 0 && ::isatty(fd) ? 1 : 0; }
// Text and binary modes are the same here; answers the previous mode as _O_TEXT.
inline int _setmode(int fd, int mode) {
    if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT && mode != _O_U16TEXT &&
        mode != _O_U8TEXT) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"mode valid", L"_setmode", EINVAL);
        return -1;
    }
    if (fd < 0) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"fd >= 0", L"_setmode", EBADF);
        return -1;
    }
    return _O_TEXT;
}
inline int _unlink(const char* filename) {
    if (filename == nullptr) {
        ::iisfake::win32::detail::invalid_parameter_errno(L"filename != nullptr", L"_unlink",
                                                          EINVAL);
        return -1;
    }
    return ::unlink(filename) == 0 ? 0 : -1;
}
inline int _wunlink(const wchar_t* filename) {
    if (filename == nullptr) return _unlink(nullptr);
    return _unlink(::iisfake::win32::detail::u8_from_wide(filename).c_str());
}

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/io.hpp -----
// ----- begin iisfake/win32/atl_cstring.hpp -----
#ifndef IISFAKE_WIN32_ATL_CSTRING_HPP_INCLUDED
#define IISFAKE_WIN32_ATL_CSTRING_HPP_INCLUDED

// What <atlstr.h> provides module sources off Windows (T-19): ATL's CString only (CStringA,
// CStringW, and CString chosen by UNICODE) with the commonly used API, and ATL's conversion
// helpers: the classes CW2A, CA2W, CW2T, CT2W, CA2T, CT2A (and their C... const forms, T chosen
// by _UNICODE as atlconv.h does), and the USES_CONVERSION macros A2W, W2A, T2A... whose results
// live until the end of the enclosing scope. Narrow text is UTF-8 (CP_ACP is UTF-8 here).
// Format/AppendFormat follow MSVC's printf rules (win32/printf.hpp): %s is the string's own
// character type, %S the other one. An index out of range (GetAt, SetAt, operator[]) is an
// invalid parameter (ATL asserts and throws). Nothing else of ATL is provided (no LoadString,
// no CSimpleStringT/CStringT template names, no IAtlStringMgr).


#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <string>


IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline std::string convert_text(const char* s, char*) { return s ? std::string(s) : std::string(); }
inline std::wstring convert_text(const wchar_t* s, wchar_t*) {
    return s ? std::wstring(s) : std::wstring();
}
inline std::wstring convert_text(const char* s, wchar_t*) { return u8_to_wide(s); }
inline std::string convert_text(const wchar_t* s, char*) { return u8_from_wide(s); }

template <class Char>
bool is_space_char(Char c) {
    return c == Char(' ') || c == Char('\t') || c == Char('\n') || c == Char('\v') ||
           c == Char('\f') || c == Char('\r');
}
template <class Char>
Char lower_char(Char c) {
    return c >= Char('A') && c <= Char('Z') ? static_cast<Char>(c - Char('A') + Char('a')) : c;
}
template <class Char>
Char upper_char(Char c) {
    return c >= Char('a') && c <= Char('z') ? static_cast<Char>(c - Char('a') + Char('A')) : c;
}
template <class Char>
bool contains_char(const Char* set, Char c) {
    if (set == nullptr) return false;
    for (; *set != Char('\0'); ++set)
        if (*set == c) return true;
    return false;
}

// ATL's CStringT<Char>: value semantics over std::basic_string.
template <class Char>
class AtlString {
public:
    typedef Char XCHAR;
    typedef Char* PXSTR;
    typedef const Char* PCXSTR;
    typedef typename std::conditional<sizeof(Char) == 1, wchar_t, char>::type YCHAR;
    typedef YCHAR* PYSTR;
    typedef const YCHAR* PCYSTR;

    AtlString() {}
    AtlString(const AtlString& other) : text_(other.text_) {}
    AtlString(const AtlString<YCHAR>& other) : text_(convert_text(other.GetString(), tag())) {}
    AtlString(PCXSTR psz) : text_(convert_text(psz, tag())) {}
    AtlString(PCYSTR psz) : text_(convert_text(psz, tag())) {}
    AtlString(PCXSTR pch, int length) {
        if (pch != nullptr && length > 0) text_.assign(pch, static_cast<std::size_t>(length));
    }
    AtlString(PCYSTR pch, int length) {
        if (pch != nullptr && length > 0)
            text_ = convert_text(
                std::basic_string<YCHAR>(pch, static_cast<std::size_t>(length)).c_str(), tag());
    }
    explicit AtlString(XCHAR ch, int repeat = 1) {
        if (repeat > 0) text_.assign(static_cast<std::size_t>(repeat), ch);
    }

    AtlString& operator=(const AtlString& other) {
        text_ = other.text_;
        return *this;
    }
    AtlString& operator=(const AtlString<YCHAR>& other) {
        text_ = convert_text(other.GetString(), tag());
        return *this;
    }
    AtlString& operator=(PCXSTR psz) {
        text_ = convert_text(psz, tag());
        return *this;
    }
    AtlString& operator=(PCYSTR psz) {
        text_ = convert_text(psz, tag());
        return *this;
    }
    AtlString& operator=(XCHAR ch) {
        text_.assign(1, ch);
        return *this;
    }

    // ---- access ----
    int GetLength() const { return static_cast<int>(text_.size()); }
    int GetAllocLength() const { return static_cast<int>(text_.capacity()); }
    bool IsEmpty() const { return text_.empty(); }
    void Empty() { text_.clear(); }
    PCXSTR GetString() const { return text_.c_str(); }
    operator PCXSTR() const { return text_.c_str(); }
    XCHAR GetAt(int index) const {
        if (!in_range(index, L"CStringT::GetAt")) return XCHAR('\0');
        return text_[static_cast<std::size_t>(index)];
    }
    XCHAR operator[](int index) const {
        if (!in_range(index, L"CStringT::operator[]")) return XCHAR('\0');
        return text_[static_cast<std::size_t>(index)];
    }
    void SetAt(int index, XCHAR ch) {
        if (in_range(index, L"CStringT::SetAt")) text_[static_cast<std::size_t>(index)] = ch;
    }
    void Truncate(int length) {
        if (length >= 0 && static_cast<std::size_t>(length) < text_.size())
            text_.resize(static_cast<std::size_t>(length));
    }

    // ---- buffers ----
    // A buffer of at least minBufferLength characters plus the NUL; ReleaseBuffer(-1) then takes
    // the length up to the first NUL.
    PXSTR GetBuffer() { return &buffer(text_.size())[0]; }
    PXSTR GetBuffer(int minBufferLength) {
        const std::size_t want =
            minBufferLength > 0 ? static_cast<std::size_t>(minBufferLength) : 0;
        return &buffer(want > text_.size() ? want : text_.size())[0];
    }
    PXSTR GetBufferSetLength(int length) {
        const std::size_t n = length > 0 ? static_cast<std::size_t>(length) : 0;
        text_.resize(n);
        return &buffer(n)[0];
    }
    void ReleaseBuffer(int newLength = -1) {
        std::size_t n = 0;
        if (newLength < 0) {
            while (n < text_.size() && text_[n] != Char('\0')) ++n;
        } else {
            n = static_cast<std::size_t>(newLength) < text_.size()
                    ? static_cast<std::size_t>(newLength)
                    : text_.size();
        }
        text_.resize(n);
    }
    void ReleaseBufferSetLength(int newLength) { ReleaseBuffer(newLength < 0 ? 0 : newLength); }
    void Preallocate(int length) {
        if (length > 0) text_.reserve(static_cast<std::size_t>(length));
    }

    // ---- formatting ----
    void FormatV(PCXSTR format, va_list args) {
        std::basic_string<Char> out;
        if (format == nullptr) {
            invalid_parameter(L"pszFormat != nullptr", L"CStringT::FormatV");
            return;
        }
        if (format_msvc(out, format, args, L"CStringT::Format")) text_ = out;
    }
    void AppendFormatV(PCXSTR format, va_list args) {
        std::basic_string<Char> out;
        if (format == nullptr) {
            invalid_parameter(L"pszFormat != nullptr", L"CStringT::AppendFormatV");
            return;
        }
        if (format_msvc(out, format, args, L"CStringT::AppendFormat")) text_ += out;
    }
    void Format(PCXSTR format, ...) {
        va_list args;
        va_start(args, format);
        FormatV(format, args);
        va_end(args);
    }
    void AppendFormat(PCXSTR format, ...) {
        va_list args;
        va_start(args, format);
        AppendFormatV(format, args);
        va_end(args);
    }

    // ---- concatenation ----
    AtlString& operator+=(const AtlString& other) {
        text_ += other.text_;
        return *this;
    }
    AtlString& operator+=(PCXSTR psz) {
        if (psz) text_ += psz;
        return *this;
    }
    AtlString& operator+=(PCYSTR psz) {
        text_ += convert_text(psz, tag());
        return *this;
    }
    AtlString& operator+=(XCHAR ch) {
        text_ += ch;
        return *this;
    }
    void Append(PCXSTR psz) { *this += psz; }
    void Append(PCXSTR psz, int length) {
        if (psz != nullptr && length > 0) text_.append(psz, static_cast<std::size_t>(length));
    }
    void Append(const AtlString& other) { *this += other; }
    void AppendChar(XCHAR ch) { text_ += ch; }

    // ---- comparison ----
    int Compare(PCXSTR psz) const {
        const std::basic_string<Char> other = convert_text(psz, tag());
        const int c = text_.compare(other);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    int CompareNoCase(PCXSTR psz) const {
        const std::basic_string<Char> other = convert_text(psz, tag());
        for (std::size_t i = 0;; ++i) {
            const Char a = i < text_.size() ? lower_char(text_[i]) : Char('\0');
            const Char b = i < other.size() ? lower_char(other[i]) : Char('\0');
            if (a != b) return a < b ? -1 : 1;
            if (a == Char('\0')) return 0;
        }
    }

    // ---- search ----
    int Find(XCHAR ch, int start = 0) const {
        if (start < 0 || static_cast<std::size_t>(start) >= text_.size()) return -1;
        const std::size_t at = text_.find(ch, static_cast<std::size_t>(start));
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int Find(PCXSTR sub, int start = 0) const {
        if (sub == nullptr || start < 0 || static_cast<std::size_t>(start) > text_.size())
            return -1;
        const std::size_t at = text_.find(sub, static_cast<std::size_t>(start));
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int FindOneOf(PCXSTR chars) const {
        if (chars == nullptr) return -1;
        const std::size_t at = text_.find_first_of(chars);
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int ReverseFind(XCHAR ch) const {
        const std::size_t at = text_.rfind(ch);
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }

    // ---- extraction (counts clamped as ATL does) ----
    AtlString Mid(int first) const { return Mid(first, GetLength()); }
    AtlString Mid(int first, int count) const {
        if (first < 0) first = 0;
        if (count < 0) count = 0;
        const std::size_t f = static_cast<std::size_t>(first);
        if (f >= text_.size()) return AtlString();
        return AtlString(text_.substr(f, static_cast<std::size_t>(count)));
    }
    AtlString Left(int count) const { return Mid(0, count); }
    AtlString Right(int count) const {
        if (count <= 0) return AtlString();
        const std::size_t n = static_cast<std::size_t>(count);
        return n >= text_.size() ? *this : AtlString(text_.substr(text_.size() - n));
    }
    AtlString SpanIncluding(PCXSTR chars) const {
        std::size_t n = 0;
        while (n < text_.size() && contains_char(chars, text_[n])) ++n;
        return AtlString(text_.substr(0, n));
    }
    AtlString SpanExcluding(PCXSTR chars) const {
        std::size_t n = 0;
        while (n < text_.size() && !contains_char(chars, text_[n])) ++n;
        return AtlString(text_.substr(0, n));
    }
    // The next token after iStart; iStart becomes -1 (and the result empty) at the end.
    AtlString Tokenize(PCXSTR tokens, int& iStart) const {
        if (iStart < 0) return AtlString();
        std::size_t i = static_cast<std::size_t>(iStart);
        if (tokens == nullptr || *tokens == Char('\0')) {
            if (i < text_.size()) {
                iStart = GetLength();
                return AtlString(text_.substr(i));
            }
        } else {
            while (i < text_.size() && contains_char(tokens, text_[i])) ++i;
            if (i < text_.size()) {
                std::size_t end = i;
                while (end < text_.size() && !contains_char(tokens, text_[end])) ++end;
                iStart = static_cast<int>(end < text_.size() ? end + 1 : end);
                return AtlString(text_.substr(i, end - i));
            }
        }
        iStart = -1;
        return AtlString();
    }

    // ---- modification ----
    AtlString& MakeLower() {
        for (Char& c : text_) c = lower_char(c);
        return *this;
    }
    AtlString& MakeUpper() {
        for (Char& c : text_) c = upper_char(c);
        return *this;
    }
    AtlString& MakeReverse() {
        text_.assign(text_.rbegin(), text_.rend());
        return *this;
    }
    AtlString& TrimLeft() {
        std::size_t n = 0;
        while (n < text_.size() && is_space_char(text_[n])) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight() {
        std::size_t n = text_.size();
        while (n > 0 && is_space_char(text_[n - 1])) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim() { return TrimRight().TrimLeft(); }
    AtlString& TrimLeft(XCHAR target) {
        std::size_t n = 0;
        while (n < text_.size() && text_[n] == target) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight(XCHAR target) {
        std::size_t n = text_.size();
        while (n > 0 && text_[n - 1] == target) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim(XCHAR target) { return TrimRight(target).TrimLeft(target); }
    AtlString& TrimLeft(PCXSTR targets) {
        std::size_t n = 0;
        while (n < text_.size() && contains_char(targets, text_[n])) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight(PCXSTR targets) {
        std::size_t n = text_.size();
        while (n > 0 && contains_char(targets, text_[n - 1])) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim(PCXSTR targets) { return TrimRight(targets).TrimLeft(targets); }
    int Replace(XCHAR oldChar, XCHAR newChar) {
        int count = 0;
        for (Char& c : text_)
            if (c == oldChar) {
                c = newChar;
                ++count;
            }
        return count;
    }
    int Replace(PCXSTR oldText, PCXSTR newText) {
        if (oldText == nullptr || *oldText == Char('\0')) return 0;
        const std::basic_string<Char> from(oldText);
        const std::basic_string<Char> to = convert_text(newText, tag());
        int count = 0;
        std::basic_string<Char> out;
        std::size_t i = 0;
        for (std::size_t at; (at = text_.find(from, i)) != std::basic_string<Char>::npos;
             i = at + from.size(), ++count)
            out.append(text_, i, at - i).append(to);
        out.append(text_, i, std::basic_string<Char>::npos);
        text_ = out;
        return count;
    }
    int Remove(XCHAR ch) {
        const std::size_t before = text_.size();
        std::basic_string<Char> out;
        for (Char c : text_)
            if (c != ch) out += c;
        text_ = out;
        return static_cast<int>(before - text_.size());
    }
    int Insert(int index, XCHAR ch) {
        text_.insert(clamp_index(index), 1, ch);
        return GetLength();
    }
    int Insert(int index, PCXSTR psz) {
        if (psz != nullptr) text_.insert(clamp_index(index), psz);
        return GetLength();
    }
    int Delete(int index, int count = 1) {
        if (index < 0) index = 0;
        if (count > 0 && static_cast<std::size_t>(index) < text_.size())
            text_.erase(static_cast<std::size_t>(index), static_cast<std::size_t>(count));
        return GetLength();
    }
    BSTR AllocSysString() const {
        const std::wstring wide = convert_text(text_.c_str(), static_cast<wchar_t*>(nullptr));
        return SysAllocStringLen(wide.c_str(), static_cast<UINT>(wide.size()));
    }

    explicit AtlString(const std::basic_string<Char>& text) : text_(text) {}

private:
    static Char* tag() { return nullptr; }
    bool in_range(int index, const wchar_t* function) const {
        if (index >= 0 && static_cast<std::size_t>(index) < text_.size()) return true;
        invalid_parameter(L"iChar >= 0 && iChar < GetLength()", function);
        return false;
    }
    std::size_t clamp_index(int index) const {
        if (index < 0) return 0;
        return static_cast<std::size_t>(index) > text_.size() ? text_.size()
                                                              : static_cast<std::size_t>(index);
    }
    std::basic_string<Char>& buffer(std::size_t length) {
        text_.resize(length);
        text_.reserve(length + 1);
        return text_;
    }

    std::basic_string<Char> text_;
};

template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, const Char* b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const Char* a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, Char b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(Char a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}

template <class Char>
bool operator==(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) == 0;
}
template <class Char>
bool operator==(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) == 0;
}
template <class Char>
bool operator==(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) == 0;
}
template <class Char>
bool operator!=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) != 0;
}
template <class Char>
bool operator!=(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) != 0;
}
template <class Char>
bool operator!=(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) != 0;
}
template <class Char>
bool operator<(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) < 0;
}
template <class Char>
bool operator<(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) < 0;
}
template <class Char>
bool operator<(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) > 0;
}
template <class Char>
bool operator>(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) > 0;
}
template <class Char>
bool operator<=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) <= 0;
}
template <class Char>
bool operator>=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) >= 0;
}

// ATL's conversion classes: hold the converted text; usable where a pointer is expected.
template <class From, class To>
class AtlConversion {
public:
    explicit AtlConversion(const From* text, UINT codePage = 0)
        : null_(text == nullptr), text_(convert_text(text, static_cast<To*>(nullptr))) {
        static_cast<void>(codePage);  // every code page is UTF-8 here
    }
    AtlConversion(const AtlConversion&) = delete;
    AtlConversion& operator=(const AtlConversion&) = delete;
    operator To*() const { return null_ ? nullptr : const_cast<To*>(text_.c_str()); }
    To* m_psz() const { return static_cast<To*>(*this); }

private:
    bool null_;
    std::basic_string<To> text_;
};

// USES_CONVERSION's arena: each A2W/W2A result lives until the end of the scope.
class ConversionArena {
public:
    template <class To, class From>
    To* convert(const From* text) {
        if (text == nullptr) return nullptr;
        Node* node = new Node();
        node->next = head_;
        head_ = node;
        std::basic_string<To>& slot = store(node, static_cast<To*>(nullptr));
        slot = convert_text(text, static_cast<To*>(nullptr));
        return &slot[0];
    }
    ConversionArena() {}
    ConversionArena(const ConversionArena&) = delete;
    ConversionArena& operator=(const ConversionArena&) = delete;
    ~ConversionArena() {
        while (head_ != nullptr) {
            Node* next = head_->next;
            delete head_;
            head_ = next;
        }
    }

private:
    struct Node {
        Node* next = nullptr;
        std::string narrow;
        std::wstring wide;
    };
    static std::string& store(Node* node, char*) { return node->narrow; }
    static std::wstring& store(Node* node, wchar_t*) { return node->wide; }
    Node* head_ = nullptr;
};

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

typedef ::iisfake::win32::detail::AtlString<char> CStringA;
typedef ::iisfake::win32::detail::AtlString<wchar_t> CStringW;
#if defined(UNICODE)
typedef CStringW CString;
#else
typedef CStringA CString;
#endif

typedef ::iisfake::win32::detail::AtlConversion<wchar_t, char> CW2A;
typedef ::iisfake::win32::detail::AtlConversion<char, wchar_t> CA2W;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, char> CW2CA;
typedef ::iisfake::win32::detail::AtlConversion<char, wchar_t> CA2CW;
typedef ::iisfake::win32::detail::AtlConversion<char, char> CA2A;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, wchar_t> CW2W;
typedef ::iisfake::win32::detail::AtlConversion<char, char> CA2CA;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, wchar_t> CW2CW;
#if defined(_UNICODE)
typedef CW2W CW2T;
typedef CW2CW CW2CT;
typedef CW2W CT2W;
typedef CW2CW CT2CW;
typedef CA2W CA2T;
typedef CA2CW CA2CT;
typedef CW2A CT2A;
typedef CW2CA CT2CA;
#else
typedef CW2A CW2T;
typedef CW2CA CW2CT;
typedef CA2W CT2W;
typedef CA2CW CT2CW;
typedef CA2A CA2T;
typedef CA2CA CA2CT;
typedef CA2A CT2A;
typedef CA2CA CT2CA;
#endif

#ifndef USES_CONVERSION
#define USES_CONVERSION ::iisfake::win32::detail::ConversionArena iisfake_conversion_arena
#define USES_CONVERSION_EX USES_CONVERSION
#define A2W(text) (iisfake_conversion_arena.convert<wchar_t>(static_cast<const char*>(text)))
#define W2A(text) (iisfake_conversion_arena.convert<char>(static_cast<const wchar_t*>(text)))
#define A2CW(text) (static_cast<const wchar_t*>(A2W(text)))
#define W2CA(text) (static_cast<const char*>(W2A(text)))
#define OLE2A W2A
#define A2OLE A2W
#define OLE2CA W2CA
#define A2COLE A2CW
#define OLE2W(text) (iisfake_conversion_arena.convert<wchar_t>(static_cast<const wchar_t*>(text)))
#define W2OLE OLE2W
#if defined(_UNICODE)
#define T2A W2A
#define A2T A2W
#define T2W OLE2W
#define W2T OLE2W
#define T2CA W2CA
#define A2CT A2CW
#define T2OLE OLE2W
#define OLE2T OLE2W
#else
#define T2A(text) (iisfake_conversion_arena.convert<char>(static_cast<const char*>(text)))
#define A2T T2A
#define T2W A2W
#define W2T W2A
#define T2CA(text) (static_cast<const char*>(T2A(text)))
#define A2CT T2CA
#define T2OLE A2W
#define OLE2T W2A
#endif
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/atl_cstring.hpp -----

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// Back to a fresh process: empty event log and no open sources, the default environment, the
// clock following real time again, no invalid parameters recorded and no handler, the default
// module and computer names, no COM classes registered, winsock not started. OutputDebugString
// text is iisfake::clear_debug_log()'s.
inline void reset() {
    reset_event_log();
    reset_environment();
    clock().reset();
    reset_invalid_parameters();
    reset_process();
    reset_com();
    reset_winsock();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

#endif  // !_WIN32

#endif
// ----- end iisfake/win32.hpp -----
#endif
