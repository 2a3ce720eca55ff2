#ifndef IISFAKE_HEADER_NAMES_HPP_INCLUDED
#define IISFAKE_HEADER_NAMES_HPP_INCLUDED

// HTTP_HEADER_ID <-> canonical header name, for the request and the response numbering
// (ids 20..29 name different headers on each side; HttpHeaderEtag is Accept-Encoding on a
// request). Lookups by name are ASCII case-insensitive.

#include <cstddef>
#include <cstring>

#include "iisfake/detail/ascii.hpp"
#include "iisfake/http_types.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

struct header_name {
    const char* text;
    std::size_t length;
};

#define IISFAKE_DETAIL_NAME(text) \
    header_name { text, sizeof(text) - 1 }

inline const header_name* request_header_table() noexcept {
    static constexpr header_name table[HttpHeaderRequestMaximum] = {
        IISFAKE_DETAIL_NAME("Cache-Control"),
        IISFAKE_DETAIL_NAME("Connection"),
        IISFAKE_DETAIL_NAME("Date"),
        IISFAKE_DETAIL_NAME("Keep-Alive"),
        IISFAKE_DETAIL_NAME("Pragma"),
        IISFAKE_DETAIL_NAME("Trailer"),
        IISFAKE_DETAIL_NAME("Transfer-Encoding"),
        IISFAKE_DETAIL_NAME("Upgrade"),
        IISFAKE_DETAIL_NAME("Via"),
        IISFAKE_DETAIL_NAME("Warning"),
        IISFAKE_DETAIL_NAME("Allow"),
        IISFAKE_DETAIL_NAME("Content-Length"),
        IISFAKE_DETAIL_NAME("Content-Type"),
        IISFAKE_DETAIL_NAME("Content-Encoding"),
        IISFAKE_DETAIL_NAME("Content-Language"),
        IISFAKE_DETAIL_NAME("Content-Location"),
        IISFAKE_DETAIL_NAME("Content-MD5"),
        IISFAKE_DETAIL_NAME("Content-Range"),
        IISFAKE_DETAIL_NAME("Expires"),
        IISFAKE_DETAIL_NAME("Last-Modified"),
        IISFAKE_DETAIL_NAME("Accept"),
        IISFAKE_DETAIL_NAME("Accept-Charset"),
        IISFAKE_DETAIL_NAME("Accept-Encoding"),
        IISFAKE_DETAIL_NAME("Accept-Language"),
        IISFAKE_DETAIL_NAME("Authorization"),
        IISFAKE_DETAIL_NAME("Cookie"),
        IISFAKE_DETAIL_NAME("Expect"),
        IISFAKE_DETAIL_NAME("From"),
        IISFAKE_DETAIL_NAME("Host"),
        IISFAKE_DETAIL_NAME("If-Match"),
        IISFAKE_DETAIL_NAME("If-Modified-Since"),
        IISFAKE_DETAIL_NAME("If-None-Match"),
        IISFAKE_DETAIL_NAME("If-Range"),
        IISFAKE_DETAIL_NAME("If-Unmodified-Since"),
        IISFAKE_DETAIL_NAME("Max-Forwards"),
        IISFAKE_DETAIL_NAME("Proxy-Authorization"),
        IISFAKE_DETAIL_NAME("Referer"),
        IISFAKE_DETAIL_NAME("Range"),
        IISFAKE_DETAIL_NAME("TE"),
        IISFAKE_DETAIL_NAME("Translate"),
        IISFAKE_DETAIL_NAME("User-Agent"),
    };
    return table;
}

inline const header_name* response_header_table() noexcept {
    static constexpr header_name table[HttpHeaderResponseMaximum] = {
        IISFAKE_DETAIL_NAME("Cache-Control"),
        IISFAKE_DETAIL_NAME("Connection"),
        IISFAKE_DETAIL_NAME("Date"),
        IISFAKE_DETAIL_NAME("Keep-Alive"),
        IISFAKE_DETAIL_NAME("Pragma"),
        IISFAKE_DETAIL_NAME("Trailer"),
        IISFAKE_DETAIL_NAME("Transfer-Encoding"),
        IISFAKE_DETAIL_NAME("Upgrade"),
        IISFAKE_DETAIL_NAME("Via"),
        IISFAKE_DETAIL_NAME("Warning"),
        IISFAKE_DETAIL_NAME("Allow"),
        IISFAKE_DETAIL_NAME("Content-Length"),
        IISFAKE_DETAIL_NAME("Content-Type"),
        IISFAKE_DETAIL_NAME("Content-Encoding"),
        IISFAKE_DETAIL_NAME("Content-Language"),
        IISFAKE_DETAIL_NAME("Content-Location"),
        IISFAKE_DETAIL_NAME("Content-MD5"),
        IISFAKE_DETAIL_NAME("Content-Range"),
        IISFAKE_DETAIL_NAME("Expires"),
        IISFAKE_DETAIL_NAME("Last-Modified"),
        IISFAKE_DETAIL_NAME("Accept-Ranges"),
        IISFAKE_DETAIL_NAME("Age"),
        IISFAKE_DETAIL_NAME("ETag"),
        IISFAKE_DETAIL_NAME("Location"),
        IISFAKE_DETAIL_NAME("Proxy-Authenticate"),
        IISFAKE_DETAIL_NAME("Retry-After"),
        IISFAKE_DETAIL_NAME("Server"),
        IISFAKE_DETAIL_NAME("Set-Cookie"),
        IISFAKE_DETAIL_NAME("Vary"),
        IISFAKE_DETAIL_NAME("WWW-Authenticate"),
    };
    return table;
}

#undef IISFAKE_DETAIL_NAME

inline int find_header_id(const header_name* table, int count, const char* name,
                          std::size_t length) noexcept {
    for (int id = 0; id < count; ++id) {
        const header_name& entry = table[id];
        if (entry.length == length && iequals(entry.text, name, length)) return id;
    }
    return -1;
}

}  // namespace detail

// The canonical name of a request header id, or nullptr for an id outside 0..40.
inline const char* request_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderRequestMaximum) ? detail::request_header_table()[id].text
                                                      : nullptr;
}

// The canonical name of a response header id, or nullptr for an id outside 0..29.
inline const char* response_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderResponseMaximum) ? detail::response_header_table()[id].text
                                                       : nullptr;
}

// The request header id of a name (any case), or -1 if it is not a known request header.
inline int request_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::request_header_table(), HttpHeaderRequestMaximum,
                                         name, length)
                : -1;
}
inline int request_header_id(const char* name) noexcept {
    return name ? request_header_id(name, std::strlen(name)) : -1;
}

// The response header id of a name (any case), or -1 if it is not a known response header.
inline int response_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::response_header_table(),
                                         HttpHeaderResponseMaximum, name, length)
                : -1;
}
inline int response_header_id(const char* name) noexcept {
    return name ? response_header_id(name, std::strlen(name)) : -1;
}

IISFAKE_END_NAMESPACE

#endif
