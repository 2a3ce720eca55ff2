#ifndef IISFAKE_DETAIL_TEXT_HPP_INCLUDED
#define IISFAKE_DETAIL_TEXT_HPP_INCLUDED

// UTF-8 <-> WCHAR (UTF-32 where wchar_t is 4 bytes, UTF-16 on Windows) and percent-decoding,
// for the narrow raw URL and the wide cooked URL.

#include <cstddef>
#include <cstdint>
#include <string>

#include "iisfake/detail/ascii.hpp"
#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

using wide_string = std::basic_string<WCHAR>;

// Reads at most `count` bytes and stops at a NUL, so a cch that runs past the caller's string is
// noticed without reading past its terminator.
template <class Char>
inline bool has_nul(const Char* text, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (text[i] == Char()) return true;
    return false;
}

inline void append_code_point(wide_string& out, std::uint32_t cp) {
    if (sizeof(WCHAR) >= 4 || cp < 0x10000u) {
        out += static_cast<WCHAR>(cp);
    } else {
        cp -= 0x10000u;
        out += static_cast<WCHAR>(0xD800u + (cp >> 10));
        out += static_cast<WCHAR>(0xDC00u + (cp & 0x3FFu));
    }
}

// The code point of the UTF-8 sequence at text[i] and its length, or 0 for a sequence that is
// not valid UTF-8: a stray continuation byte, a truncated sequence, an overlong form (C0 80 for
// NUL, C0 AF for '/'), a surrogate or a value past U+10FFFF.
inline std::size_t utf8_sequence(const char* text, std::size_t length, std::size_t i,
                                 std::uint32_t& cp) noexcept {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t lowest = 0;
    if (lead < 0x80u) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2u && lead <= 0xDFu) {
        cp = lead & 0x1Fu;
        extra = 1;
        lowest = 0x80u;
    } else if ((lead & 0xF0u) == 0xE0u) {
        cp = lead & 0x0Fu;
        extra = 2;
        lowest = 0x800u;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        cp = lead & 0x07u;
        extra = 3;
        lowest = 0x10000u;
    } else {
        return 0;
    }
    if (length - i <= extra) return 0;
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < lowest || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu)) return 0;
    return extra + 1;
}

// Strict: false, with `out` unspecified, when the bytes are not valid UTF-8.
inline bool utf8_to_wide_strict(const char* text, std::size_t length, wide_string& out) {
    out.clear();
    out.reserve(length);
    for (std::size_t i = 0; i < length;) {
        std::uint32_t cp = 0;
        const std::size_t n = utf8_sequence(text, length, i, cp);
        if (n == 0) return false;
        append_code_point(out, cp);
        i += n;
    }
    return true;
}

// Lenient, for text a client may send: each invalid byte becomes U+FFFD, so an overlong form
// never turns into a NUL or a path character.
inline wide_string utf8_to_wide(const char* text, std::size_t length) {
    wide_string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length;) {
        std::uint32_t cp = 0;
        const std::size_t n = utf8_sequence(text, length, i, cp);
        append_code_point(out, n ? cp : 0xFFFDu);
        i += n ? n : 1;
    }
    return out;
}

// Windows-1252, the ANSI code page of an English-language Windows: Latin-1 but for 0x80..0x9F.
inline wide_string ansi_to_wide(const char* text, std::size_t length) {
    static const unsigned short high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    wide_string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        out += static_cast<WCHAR>(byte >= 0x80u && byte < 0xA0u ? high[byte - 0x80u] : byte);
    }
    return out;
}

// URL bytes (after percent-decoding) as http.sys reads them with its default settings
// (FavorUTF8, EnableNonUTF8): UTF-8 when the whole URL is valid UTF-8, else the ANSI code page.
// Either way an overlong form never becomes a NUL or a '/'.
inline wide_string url_bytes_to_wide(const char* text, std::size_t length) {
    wide_string out;
    if (utf8_to_wide_strict(text, length, out)) return out;
    return ansi_to_wide(text, length);
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80u) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800u) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000u) {
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

// For the test's view of wide text. A value that is no code point (past U+10FFFF, possible in
// a 32-bit wchar_t) becomes U+FFFD.
inline std::string wide_to_utf8(const WCHAR* text, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        auto cp = static_cast<std::uint32_t>(text[i]);
        if (cp > 0x10FFFFu) cp = 0xFFFDu;
        if (sizeof(WCHAR) == 2 && cp >= 0xD800u && cp <= 0xDBFFu && i + 1 < length) {
            const auto low = static_cast<std::uint32_t>(text[i + 1]);
            if (low >= 0xDC00u && low <= 0xDFFFu) {
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (low - 0xDC00u);
                ++i;
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

// %XX becomes the byte XX; a '%' not followed by two hex digits stays as it is.
// A NUL-terminated wide string as UTF-8; "" for NULL.
inline std::string utf8_of(const WCHAR* text) {
    if (!text) return std::string();
    std::size_t length = 0;
    while (text[length]) ++length;
    return wide_to_utf8(text, length);
}

inline std::string percent_decode(const char* text, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        if (text[i] == '%' && i + 2 < length && hex_digit(text[i + 1]) >= 0 &&
            hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
