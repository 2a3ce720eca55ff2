#ifndef IISFAKE_DETAIL_URL_HPP_INCLUDED
#define IISFAKE_DETAIL_URL_HPP_INCLUDED

// What http.sys does with a request's URL and Host header before any module runs: the checks
// that make it answer 400 Bad Request itself (so no module ever sees such a request), and the
// cooking of the path into HTTP_COOKED_URL's canonical form.

#include <cstddef>
#include <string>
#include <vector>

#include "iisfake/detail/address.hpp"
#include "iisfake/detail/text.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Why http.sys refuses this request-target, or NULL. Origin form ("/path?query") or "*".
inline const char* raw_url_problem(const std::string& url) {
    if (url.empty() || (url[0] != '/' && url != "*")) return "the URL must start with '/'";
    if (url.size() > 0xFFFF) return "the URL is longer than 65535 bytes";
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20u || byte == 0x7Fu)
            return "the URL holds a space, NUL, CR, LF or another control character";
    }
    return nullptr;
}

// Why http.sys refuses this Host header value, or NULL: a host name, an IPv4 address or a
// bracketed IPv6 address, then an optional ":port". Empty is allowed (HTTP/1.0 clients).
inline const char* host_problem(const std::string& host) {
    std::size_t end = host.size();
    std::size_t colon = std::string::npos;
    if (!host.empty() && host[0] == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string::npos) return "the Host header's IPv6 address has no ']'";
        unsigned char bytes[16];
        if (!parse_ipv6(host.substr(1, close - 1), bytes))
            return "the Host header's bracketed address is not an IPv6 address";
        if (close + 1 < host.size() && host[close + 1] != ':')
            return "the Host header has text after its IPv6 address";
        colon = close + 1 < host.size() ? close + 1 : std::string::npos;
    } else {
        colon = host.rfind(':');
        end = colon == std::string::npos ? host.size() : colon;
        for (std::size_t i = 0; i < end; ++i) {
            const char c = host[i];
            const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                   (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                   c == '~';
            if (!name_char) return "the Host header's host holds a character no host name has";
        }
    }
    if (colon == std::string::npos) return nullptr;
    const std::string port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return "the Host header's port is not a port number";
    unsigned value = 0;
    for (char c : port) {
        if (c < '0' || c > '9') return "the Host header's port is not a port number";
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value > 0xFFFFu ? "the Host header's port is past 65535" : nullptr;
}

// RFC 3986 dot-segment removal, as http.sys canonicalizes: "/a/b/../c" -> "/a/c"; a ".." at
// the root stays at the root.
inline wide_string remove_dot_segments(const wide_string& path) {
    std::vector<wide_string> segments;
    bool directory = false;  // the path ends in a "." or ".." segment: it names a directory
    for (std::size_t start = 1;;) {
        const std::size_t end = path.find(L'/', start);
        const bool last = end == wide_string::npos;
        const wide_string segment = path.substr(start, last ? wide_string::npos : end - start);
        if (segment == L".") {
            directory = last;
        } else if (segment == L"..") {
            if (!segments.empty()) segments.pop_back();
            directory = last;
        } else {
            segments.push_back(segment);
        }
        if (last) break;
        start = end + 1;
    }
    wide_string out = L"/";
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i) out += L'/';
        out += segments[i];
    }
    if (directory && !segments.empty()) out += L'/';
    return out;
}

// The cooked path of a raw path ("/a%20b/../c"): percent-decoded, read as UTF-8 or the ANSI
// code page, '\' as '/', dot segments removed. Returns why http.sys refuses it, or NULL: a
// decoded control character (its AllowRestrictedChars setting is off by default).
inline const char* cook_path(const std::string& raw_path, wide_string& out) {
    const std::string bytes = percent_decode(raw_path.data(), raw_path.size());
    out = url_bytes_to_wide(bytes.data(), bytes.size());
    for (WCHAR& c : out) {
        const auto cp = static_cast<std::uint32_t>(c);
        if (cp < 0x20u || (cp >= 0x7Fu && cp <= 0x9Fu))
            return "the URL decodes to a control character (U+0000..U+001F, U+007F..U+009F)";
        if (c == L'\\') c = L'/';
    }
    if (!out.empty() && out[0] == L'/') out = remove_dot_segments(out);
    return nullptr;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
