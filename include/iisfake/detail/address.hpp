#ifndef IISFAKE_DETAIL_ADDRESS_HPP_INCLUDED
#define IISFAKE_DETAIL_ADDRESS_HPP_INCLUDED

// Text <-> Windows socket addresses (AF_INET6 is 23 there; ports in network byte order), with
// no dependency on the host's socket headers.

#include <cstring>
#include <stdexcept>
#include <string>

#include "iisfake/detail/ascii.hpp"
#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Dotted decimal, four parts of one to three digits, no leading zeros (which some parsers
// read as octal), each at most 255.
inline bool parse_ipv4(const std::string& text, unsigned char out[4]) {
    std::size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos >= text.size() || text[pos] != '.') return false;
            ++pos;
        }
        const std::size_t first = pos;
        unsigned value = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - first < 3) {
            value = value * 10 + static_cast<unsigned>(text[pos] - '0');
            ++pos;
        }
        const std::size_t digits = pos - first;
        if (digits == 0 || value > 255 || (digits > 1 && text[first] == '0')) return false;
        out[part] = static_cast<unsigned char>(value);
    }
    return pos == text.size();
}

inline bool parse_ipv6(std::string text, unsigned char out[16]) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    unsigned short words[8] = {};
    int count = 0;
    int gap = -1;  // index in words where "::" stands
    std::size_t pos = 0;
    if (text.compare(0, 2, "::") == 0) {
        gap = 0;
        pos = 2;
    }
    while (pos < text.size()) {
        if (count == 8) return false;
        // An embedded IPv4 tail ("::ffff:192.0.2.1").
        const std::size_t next_colon = text.find(':', pos);
        const std::string part = text.substr(pos, next_colon - pos);
        if (next_colon == std::string::npos && part.find('.') != std::string::npos) {
            unsigned char v4[4];
            if (count > 6 || !parse_ipv4(part, v4)) return false;
            words[count++] = static_cast<unsigned short>(v4[0] << 8 | v4[1]);
            words[count++] = static_cast<unsigned short>(v4[2] << 8 | v4[3]);
            pos = text.size();
            break;
        }
        if (part.empty() || part.size() > 4) return false;
        unsigned value = 0;
        for (char c : part) {
            const int digit = hex_digit(c);
            if (digit < 0) return false;
            value = value * 16 + static_cast<unsigned>(digit);
        }
        words[count++] = static_cast<unsigned short>(value);
        if (next_colon == std::string::npos) {
            pos = text.size();
        } else if (text.compare(next_colon, 2, "::") == 0) {
            if (gap >= 0) return false;
            gap = count;
            pos = next_colon + 2;
        } else {
            pos = next_colon + 1;
            if (pos == text.size()) return false;
        }
    }
    if (gap < 0 && count != 8) return false;
    if (gap >= 0 && count == 8) return false;
    unsigned short full[8] = {};
    const int tail = gap < 0 ? 0 : count - gap;
    for (int i = 0; i < (gap < 0 ? count : gap); ++i) full[i] = words[i];
    for (int i = 0; i < tail; ++i) full[8 - tail + i] = words[gap + i];
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<unsigned char>(full[i] >> 8);
        out[2 * i + 1] = static_cast<unsigned char>(full[i] & 0xFF);
    }
    return true;
}

inline USHORT network_port(unsigned short port) noexcept {
    const unsigned char bytes[2] = {static_cast<unsigned char>(port >> 8),
                                    static_cast<unsigned char>(port & 0xFF)};
    USHORT value = 0;
    std::memcpy(&value, bytes, sizeof value);
    return value;
}

// "fe80::1%3" -> "fe80::1" and scope id 3 (numeric zones only, as Windows writes them).
inline bool split_zone(std::string& ip, ULONG& scope) {
    scope = 0;
    const std::size_t percent = ip.find('%');
    if (percent == std::string::npos) return true;
    const std::string zone = ip.substr(percent + 1);
    if (zone.empty() || zone.size() > 10) return false;
    unsigned long long value = 0;
    for (char c : zone) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned long long>(c - '0');
    }
    if (value > 0xFFFFFFFFull) return false;
    scope = static_cast<ULONG>(value);
    ip.resize(percent);
    return true;
}

// Fills storage with an IPv4 or IPv6 address (with an optional "%zone"); throws
// std::invalid_argument for other text.
inline void make_address(SOCKADDR_STORAGE& storage, const std::string& ip, unsigned short port) {
    std::memset(&storage, 0, sizeof storage);
    unsigned char bytes[16];
    std::string bare = ip;  // IPv6 without brackets; the zone is split off below
    if (bare.size() >= 2 && bare.front() == '[' && bare.back() == ']')
        bare = bare.substr(1, bare.size() - 2);
    ULONG scope = 0;
    if (parse_ipv4(ip, bytes)) {
        SOCKADDR_IN v4;
        std::memset(&v4, 0, sizeof v4);
        v4.sin_family = AF_INET;
        v4.sin_port = network_port(port);
        std::memcpy(&v4.sin_addr, bytes, 4);
        std::memcpy(&storage, &v4, sizeof v4);
    } else if (split_zone(bare, scope) && parse_ipv6(bare, bytes)) {
        SOCKADDR_IN6 v6;
        std::memset(&v6, 0, sizeof v6);
        v6.sin6_family = AF_INET6;
        v6.sin6_port = network_port(port);
        std::memcpy(&v6.sin6_addr, bytes, 16);
        v6.sin6_scope_id = scope;
        std::memcpy(&storage, &v6, sizeof v6);
    } else {
        throw std::invalid_argument("iisfake: not an IPv4 or IPv6 address: " + ip);
    }
}

// An address as text; with_zone adds an IPv6 scope id ("fe80::1%3"), which has no place in a
// URL's host.
inline std::string address_text(const SOCKADDR* address, bool with_zone = true) {
    if (!address) return std::string();
    static const char hex[] = "0123456789abcdef";
    if (address->sa_family == AF_INET) {
        SOCKADDR_IN v4;
        std::memcpy(&v4, address, sizeof v4);
        unsigned char b[4];
        std::memcpy(b, &v4.sin_addr, 4);
        std::string out;
        for (int i = 0; i < 4; ++i) {
            if (i) out += '.';
            out += std::to_string(b[i]);
        }
        return out;
    }
    if (address->sa_family == AF_INET6) {
        SOCKADDR_IN6 v6;
        std::memcpy(&v6, address, sizeof v6);
        unsigned char b[16];
        std::memcpy(b, &v6.sin6_addr, 16);
        unsigned words[8];
        for (int i = 0; i < 8; ++i) words[i] = static_cast<unsigned>(b[2 * i] << 8 | b[2 * i + 1]);
        // RFC 5952: the longest run of two or more zero words becomes "::", lower-case hex.
        int gap = -1, gap_length = 0;
        for (int i = 0; i < 8;) {
            int run = 0;
            while (i + run < 8 && words[i + run] == 0) ++run;
            if (run >= 2 && run > gap_length) {
                gap = i;
                gap_length = run;
            }
            i += run > 0 ? run : 1;
        }
        std::string out;
        for (int i = 0; i < 8; ++i) {
            if (i == gap) {
                out += "::";
                i += gap_length - 1;
                continue;
            }
            if (!out.empty() && out.back() != ':') out += ':';
            bool started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                const unsigned digit = (words[i] >> shift) & 0xFu;
                if (digit || started || shift == 0) {
                    out += hex[digit];
                    started = true;
                }
            }
        }
        if (with_zone && v6.sin6_scope_id) out += "%" + std::to_string(v6.sin6_scope_id);
        return out;
    }
    return std::string();
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
