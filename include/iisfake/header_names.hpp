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

// Ids 0..19 name the same headers on both sides.
#define IISFAKE_DETAIL_COMMON_NAMES \
    IISFAKE_DETAIL_NAME("Cache-Control"), \
    IISFAKE_DETAIL_NAME("Connection"), \
    IISFAKE_DETAIL_NAME("Date"), \
    IISFAKE_DETAIL_NAME("Keep-Alive"), \
    IISFAKE_DETAIL_NAME("Pragma"), \
    IISFAKE_DETAIL_NAME("Trailer"), \
    IISFAKE_DETAIL_NAME("Transfer-Encoding"), \
    IISFAKE_DETAIL_NAME("Upgrade"), \
    IISFAKE_DETAIL_NAME("Via"), \
    IISFAKE_DETAIL_NAME("Warning"), \
    IISFAKE_DETAIL_NAME("Allow"), \
    IISFAKE_DETAIL_NAME("Content-Length"), \
    IISFAKE_DETAIL_NAME("Content-Type"), \
    IISFAKE_DETAIL_NAME("Content-Encoding"), \
    IISFAKE_DETAIL_NAME("Content-Language"), \
    IISFAKE_DETAIL_NAME("Content-Location"), \
    IISFAKE_DETAIL_NAME("Content-MD5"), \
    IISFAKE_DETAIL_NAME("Content-Range"), \
    IISFAKE_DETAIL_NAME("Expires"), \
    IISFAKE_DETAIL_NAME("Last-Modified"),

inline constexpr header_name request_header_names[HttpHeaderRequestMaximum] = {
    IISFAKE_DETAIL_COMMON_NAMES
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

inline constexpr header_name response_header_names[HttpHeaderResponseMaximum] = {
    IISFAKE_DETAIL_COMMON_NAMES
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

#undef IISFAKE_DETAIL_COMMON_NAMES
#undef IISFAKE_DETAIL_NAME

inline const header_name* request_header_table() noexcept { return request_header_names; }
inline const header_name* response_header_table() noexcept { return response_header_names; }

// Name -> id without scanning the whole table: the ids are grouped by name length (no more
// than 5 known names share a length), each with its name's folded first character, so most
// candidates are rejected on one byte and the full comparison runs about once per lookup.
struct header_index {
    static constexpr std::size_t max_length = 24;  // longest known name: 19
    static constexpr std::size_t per_length = 8;
    struct entry {
        signed char id;  // -1 ends a row
        char first;      // ascii_lower of the name's first character
    };
    entry rows[max_length + 1][per_length];
};

// A name longer than max_length, or more than per_length names of one length, makes this
// fail to compile (out-of-bounds write in a constant expression).
template <std::size_t Count>
constexpr header_index make_header_index(const header_name (&table)[Count]) {
    header_index index{};
    for (auto& row : index.rows)
        for (auto& slot : row) slot = header_index::entry{-1, '\0'};
    for (std::size_t id = 0; id < Count; ++id) {
        auto& row = index.rows[table[id].length];
        std::size_t k = 0;
        while (row[k].id >= 0) ++k;
        row[k] = header_index::entry{static_cast<signed char>(id), ascii_lower(table[id].text[0])};
    }
    return index;
}

inline constexpr header_index request_header_index = make_header_index(request_header_names);
inline constexpr header_index response_header_index = make_header_index(response_header_names);

inline int find_header_id(const header_name* table, const header_index& index, const char* name,
                          std::size_t length) noexcept {
    if (length == 0 || length > header_index::max_length) return -1;
    const char first = ascii_lower(name[0]);
    for (const header_index::entry& slot : index.rows[length]) {
        if (slot.id < 0) break;
        if (slot.first == first && iequals(table[slot.id].text + 1, name + 1, length - 1))
            return slot.id;
    }
    return -1;
}

}  // namespace detail

// The canonical name of a request header id, or nullptr for an id outside 0..40.
inline const char* request_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderRequestMaximum) ? detail::request_header_names[id].text
                                                      : nullptr;
}

// The canonical name of a response header id, or nullptr for an id outside 0..29.
inline const char* response_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderResponseMaximum) ? detail::response_header_names[id].text
                                                       : nullptr;
}

// The request header id of a name (any case), or -1 if it is not a known request header.
inline int request_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::request_header_names, detail::request_header_index,
                                         name, length)
                : -1;
}
inline int request_header_id(const char* name) noexcept {
    return name ? request_header_id(name, std::strlen(name)) : -1;
}

// The response header id of a name (any case), or -1 if it is not a known response header.
inline int response_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::response_header_names,
                                         detail::response_header_index, name, length)
                : -1;
}
inline int response_header_id(const char* name) noexcept {
    return name ? response_header_id(name, std::strlen(name)) : -1;
}

IISFAKE_END_NAMESPACE

#endif
