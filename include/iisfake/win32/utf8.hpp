#ifndef IISFAKE_WIN32_UTF8_HPP_INCLUDED
#define IISFAKE_WIN32_UTF8_HPP_INCLUDED

// UTF-8 <-> wchar_t for the Win32 and CRT conversions off Windows (T-19). UTF-8 is the multibyte
// and ANSI code page there. wchar_t is 32-bit off Windows: one wchar_t holds one code point
// (no surrogate pairs); a wchar_t that is a surrogate or above U+10FFFF is invalid. Invalid
// input becomes U+FFFD, one per maximal ill-formed subsequence, and is reported to the caller.

#include "iisfake/win_types.hpp"

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
