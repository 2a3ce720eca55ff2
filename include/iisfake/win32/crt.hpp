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

#include "iisfake/win_types.hpp"

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

#include "iisfake/win32/invalid_parameter.hpp"
#include "iisfake/win32/printf.hpp"
#include "iisfake/win32/time.hpp"
#include "iisfake/win32/utf8.hpp"

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
