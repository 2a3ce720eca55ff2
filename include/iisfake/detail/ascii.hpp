#ifndef IISFAKE_DETAIL_ASCII_HPP_INCLUDED
#define IISFAKE_DETAIL_ASCII_HPP_INCLUDED

#include <cstddef>

#include "iisfake/config.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// HTTP names are ASCII; locale-dependent tolower would be slower and wrong for them.
constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bytes that are already equal (the usual case) skip the folding.
constexpr bool iequals(const char* a, const char* b, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// The value of a hex digit, or -1.
constexpr int hex_digit(char c) noexcept {
    return (c >= '0' && c <= '9')   ? c - '0'
           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                    : -1;
}

// RFC 9110 token characters: what a header name or a method may consist of.
constexpr bool is_tchar(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
        case '-': case '.': case '^': case '_': case '`': case '|': case '~':
            return true;
        default:
            return false;
    }
}

constexpr bool is_token(const char* s, std::size_t n) noexcept {
    if (n == 0) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (!is_tchar(s[i])) return false;
    return true;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
