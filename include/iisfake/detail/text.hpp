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

inline void append_code_point(wide_string& out, std::uint32_t cp) {
    if (sizeof(WCHAR) >= 4 || cp < 0x10000u) {
        out += static_cast<WCHAR>(cp);
    } else {
        cp -= 0x10000u;
        out += static_cast<WCHAR>(0xD800u + (cp >> 10));
        out += static_cast<WCHAR>(0xDC00u + (cp & 0x3FFu));
    }
}

// Invalid sequences become U+FFFD, as a lenient decoder of client input would.
inline wide_string utf8_to_wide(const char* text, std::size_t length) {
    wide_string out;
    out.reserve(length);
    std::size_t i = 0;
    while (i < length) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = 0;
        std::size_t extra = 0;
        if (lead < 0x80u) {
            cp = lead;
        } else if ((lead & 0xE0u) == 0xC0u) {
            cp = lead & 0x1Fu;
            extra = 1;
        } else if ((lead & 0xF0u) == 0xE0u) {
            cp = lead & 0x0Fu;
            extra = 2;
        } else if ((lead & 0xF8u) == 0xF0u) {
            cp = lead & 0x07u;
            extra = 3;
        } else {
            append_code_point(out, 0xFFFDu);
            ++i;
            continue;
        }
        if (i + extra >= length) {  // truncated sequence
            append_code_point(out, 0xFFFDu);
            break;
        }
        bool valid = true;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0u) != 0x80u) {
                valid = false;
                break;
            }
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (!valid || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu)) {
            append_code_point(out, 0xFFFDu);
            ++i;
            continue;
        }
        append_code_point(out, cp);
        i += extra + 1;
    }
    return out;
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

inline std::string wide_to_utf8(const WCHAR* text, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        auto cp = static_cast<std::uint32_t>(text[i]);
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
