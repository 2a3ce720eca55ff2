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

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <cstring>
#include <string>

#include "iisfake/win32/printf.hpp"

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
