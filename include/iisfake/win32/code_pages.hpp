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

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <cwchar>
#include <string>

#include "iisfake/win32/printf.hpp"
#include "iisfake/win32/process.hpp"
#include "iisfake/win32/utf8.hpp"

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
