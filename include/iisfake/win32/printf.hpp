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

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "iisfake/win32/invalid_parameter.hpp"
#include "iisfake/win32/utf8.hpp"

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
