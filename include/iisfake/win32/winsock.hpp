#ifndef IISFAKE_WIN32_WINSOCK_HPP_INCLUDED
#define IISFAKE_WIN32_WINSOCK_HPP_INCLUDED

// What <winsock2.h> and <ws2tcpip.h> give module code that reads addresses (T-19): byte order,
// inet_ntop/inet_pton (and W forms), inet_addr/inet_ntoa, getnameinfo with numeric answers,
// WSAStartup/WSACleanup and the WSA last error. The address structures (SOCKADDR_IN6...) are in
// win_types.hpp with the Windows layouts and AF_INET6 == 23.
//
// A module TU should not also include <sys/socket.h>/<netinet/in.h>/<arpa/inet.h>/<netdb.h>:
// AF_*, NI_*, EAI_* and IN6_IS_ADDR_* differ and clash. Only htons/htonl/ntohs/ntohl are made
// to coexist (they are extern "C" with glibc's signatures, and skipped when <netinet/in.h> came
// first). The struct tags are iisfake's own, so `struct sockaddr_in6` does not name
// SOCKADDR_IN6: module code must use the typedef names. u_long and socklen_t have glibc's types
// (unsigned long, unsigned int), as glibc's <sys/types.h>/<unistd.h> also declare them.
//
// Names are never resolved: getnameinfo answers the numeric host (NI_NAMEREQD: EAI_NONAME) and
// the numeric port. IPv6 text follows RFC 5952 (lower case, longest zero run as "::",
// "::ffff:1.2.3.4" for IPv4-mapped addresses); getnameinfo appends "%scope" when a scope id is
// set. WSAGetLastError is GetLastError, per thread.

#include "iisfake/win_types.hpp"
#include "iisfake/win32/process.hpp"

#if !defined(_WIN32)

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <atomic>

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned int socklen_t;
typedef std::uintptr_t SOCKET;

#define INVALID_SOCKET (~static_cast<SOCKET>(0))
#define SOCKET_ERROR (-1)
#ifndef INADDR_ANY
#define INADDR_ANY static_cast<ULONG>(0x00000000u)
#endif
#ifndef INADDR_LOOPBACK
#define INADDR_LOOPBACK 0x7f000001
#endif
#ifndef INADDR_BROADCAST
#define INADDR_BROADCAST static_cast<ULONG>(0xffffffffu)
#endif
#ifndef INADDR_NONE
#define INADDR_NONE 0xffffffff
#endif
#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 22
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 65
#endif
#define NI_MAXHOST 1025
#define NI_MAXSERV 32
#define NI_NOFQDN 0x01
#define NI_NUMERICHOST 0x02
#define NI_NAMEREQD 0x04
#define NI_NUMERICSERV 0x08
#define NI_DGRAM 0x10

#define WSA_NOT_ENOUGH_MEMORY 8
#define WSAEFAULT 10014
#define WSAEINVAL 10022
#define WSAESOCKTNOSUPPORT 10044
#define WSAEAFNOSUPPORT 10047
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSATYPE_NOT_FOUND 10109
#define WSAHOST_NOT_FOUND 11001
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define EAI_AGAIN WSATRY_AGAIN
#define EAI_BADFLAGS WSAEINVAL
#define EAI_FAIL WSANO_RECOVERY
#define EAI_FAMILY WSAEAFNOSUPPORT
#define EAI_MEMORY WSA_NOT_ENOUGH_MEMORY
#define EAI_NONAME WSAHOST_NOT_FOUND
#define EAI_NODATA EAI_NONAME
#define EAI_SERVICE WSATYPE_NOT_FOUND
#define EAI_SOCKTYPE WSAESOCKTNOSUPPORT

// <in6addr.h> spells the bytes and words of IN6_ADDR through these.
#ifndef s6_addr
#define s6_addr u.Byte
#endif
#ifndef s6_bytes
#define s6_bytes u.Byte
#endif
#ifndef s6_words
#define s6_words u.Word
#endif

#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128
typedef struct WSAData {  // the 64-bit layout
    WORD wVersion;
    WORD wHighVersion;
    unsigned short iMaxSockets;
    unsigned short iMaxUdpDg;
    char* lpVendorInfo;
    char szDescription[WSADESCRIPTION_LEN + 1];
    char szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

// ---- byte order ---------------------------------------------------------------------------------
// extern "C" with glibc's signatures, so <netinet/in.h> may come after; skipped when it came first
// (its functions, or its macros under optimisation, do the same).
#if !defined(ntohs) && !defined(_NETINET_IN_H)
extern "C" inline std::uint32_t htonl(std::uint32_t hostlong) noexcept {
    return __builtin_bswap32(hostlong);
}
extern "C" inline std::uint16_t htons(std::uint16_t hostshort) noexcept {
    return __builtin_bswap16(hostshort);
}
extern "C" inline std::uint32_t ntohl(std::uint32_t netlong) noexcept {
    return __builtin_bswap32(netlong);
}
extern "C" inline std::uint16_t ntohs(std::uint16_t netshort) noexcept {
    return __builtin_bswap16(netshort);
}
#endif

// ---- state
// ----------------------------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace winsock {

// WSAGetLastError is GetLastError's per-thread value, as on Windows.
inline void set_last_error(int error) {
    ::iisfake::win32::detail::last_error_slot() = static_cast<DWORD>(error);
}
inline std::atomic<int>& startups() {
    static std::atomic<int> count{0};
    return count;
}

inline void put_decimal(char*& at, unsigned value) {
    char digits[12];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value);
    while (n) *at++ = digits[--n];
}

// The text of a 4-byte IPv4 address into `out` (at least 16 bytes).
inline std::size_t format_v4(const unsigned char* b, char* out) {
    char* at = out;
    for (int i = 0; i < 4; ++i) {
        if (i) *at++ = '.';
        put_decimal(at, b[i]);
    }
    *at = '\0';
    return static_cast<std::size_t>(at - out);
}

// RFC 5952 text of a 16-byte IPv6 address into `out` (at least 46 bytes).
inline std::size_t format_v6(const unsigned char* b, char* out) {
    unsigned words[8];
    for (int i = 0; i < 8; ++i) words[i] = (static_cast<unsigned>(b[2 * i]) << 8) | b[2 * i + 1];
    char* at = out;
    const bool mapped = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0 &&
                        words[4] == 0 && words[5] == 0xFFFFu;
    if (mapped) {
        std::memcpy(at, "::ffff:", 7);
        at += 7;
        return static_cast<std::size_t>(at - out) + format_v4(b + 12, at);
    }
    int best = -1, best_length = 0;
    for (int i = 0; i < 8;) {
        if (words[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && words[j] == 0) ++j;
        if (j - i > best_length) {
            best = i;
            best_length = j - i;
        }
        i = j;
    }
    if (best_length < 2) best = -1;
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            *at++ = ':';
            *at++ = ':';
            i += best_length - 1;
            continue;
        }
        if (i && !(best >= 0 && i == best + best_length)) *at++ = ':';
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned digit = (words[i] >> shift) & 0xFu;
            if (digit || started || shift == 0) {
                *at++ = hex[digit];
                started = true;
            }
        }
    }
    *at = '\0';
    return static_cast<std::size_t>(at - out);
}

// Strict dotted decimal: four parts of 1-3 digits, no leading zeros, each <= 255.
inline bool parse_v4(const char* text, std::size_t length, unsigned char* out) {
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part) {
            if (i >= length || text[i] != '.') return false;
            ++i;
        }
        unsigned value = 0;
        std::size_t digits = 0;
        while (i < length && text[i] >= '0' && text[i] <= '9' && digits < 4) {
            value = value * 10 + static_cast<unsigned>(text[i] - '0');
            ++i;
            ++digits;
        }
        if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text[i - digits] == '0'))
            return false;
        out[part] = static_cast<unsigned char>(value);
    }
    return i == length;
}

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// RFC 4291 text: up to 8 groups of 1-4 hex digits, one "::", an optional trailing IPv4 part.
inline bool parse_v6(const char* text, std::size_t length, unsigned char* out) {
    unsigned char bytes[16] = {};
    int filled = 0;  // bytes written
    int gap = -1;    // where "::" was
    std::size_t i = 0;
    if (length >= 2 && text[0] == ':' && text[1] == ':') {
        gap = 0;
        i = 2;
        if (i == length) {
            std::memset(out, 0, 16);
            return true;
        }
    } else if (length && text[0] == ':') {
        return false;
    }
    while (i < length) {
        // An IPv4 tail?
        std::size_t end = i;
        while (end < length && text[end] != ':') ++end;
        if (std::memchr(text + i, '.', end - i)) {
            if (end != length || filled > 12) return false;
            if (!parse_v4(text + i, length - i, bytes + filled)) return false;
            filled += 4;
            i = length;
            break;
        }
        unsigned value = 0;
        std::size_t digits = 0;
        for (; i < length && hex_digit(text[i]) >= 0; ++i, ++digits)
            value = (value << 4) | static_cast<unsigned>(hex_digit(text[i]));
        if (digits == 0 || digits > 4 || filled > 14) return false;
        bytes[filled++] = static_cast<unsigned char>(value >> 8);
        bytes[filled++] = static_cast<unsigned char>(value & 0xFFu);
        if (i == length) break;
        if (text[i] != ':') return false;
        ++i;
        if (i < length && text[i] == ':') {
            if (gap >= 0) return false;
            gap = filled;
            ++i;
            if (i == length) break;
        } else if (i == length) {
            return false;  // a trailing single ':'
        }
    }
    if (gap >= 0) {
        if (filled == 16) return false;  // "::" must stand for at least one group
        const int tail = filled - gap;
        std::memmove(bytes + 16 - tail, bytes + gap, static_cast<std::size_t>(tail));
        std::memset(bytes + gap, 0, static_cast<std::size_t>(16 - tail - gap));
    } else if (filled != 16) {
        return false;
    }
    std::memcpy(out, bytes, 16);
    return true;
}

// Narrow text of an address for inet_ntop; 0 for an unknown family.
inline std::size_t format(INT family, const void* address, char* out) {
    if (family == AF_INET) return format_v4(static_cast<const unsigned char*>(address), out);
    if (family == AF_INET6) return format_v6(static_cast<const unsigned char*>(address), out);
    return 0;
}

inline int pton(INT family, const char* text, void* address) {
    if (family != AF_INET && family != AF_INET6) {
        set_last_error(WSAEAFNOSUPPORT);
        return -1;
    }
    if (!text || !address) {
        set_last_error(WSAEFAULT);
        return -1;
    }
    const std::size_t length = std::strlen(text);
    const bool ok = family == AF_INET
                        ? parse_v4(text, length, static_cast<unsigned char*>(address))
                        : parse_v6(text, length, static_cast<unsigned char*>(address));
    return ok ? 1 : 0;
}

}  // namespace winsock
}  // namespace detail

// WSAStartup calls not yet balanced by WSACleanup (process-wide).
inline int wsa_startup_count() { return detail::winsock::startups().load(); }
// Forgets the WSAStartup count and the calling thread's WSA last error.
inline void reset_winsock() {
    detail::winsock::startups() = 0;
    detail::winsock::set_last_error(0);
}

}  // namespace win32
IISFAKE_END_NAMESPACE

inline int WSAGetLastError() {
    return static_cast<int>(::iisfake::win32::detail::last_error_slot());
}
inline void WSASetLastError(int iError) {
    ::iisfake::win32::detail::winsock::set_last_error(iError);
}

inline int WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData) {
    if (!lpWSAData) return WSAEFAULT;
    const unsigned major = wVersionRequested & 0xFFu, minor = (wVersionRequested >> 8) & 0xFFu;
    std::memset(lpWSAData, 0, sizeof *lpWSAData);
    lpWSAData->wHighVersion = 0x0202;
    if (major < 1 || (major == 1 && minor < 1)) {
        lpWSAData->wVersion = 0x0202;
        return WSAVERNOTSUPPORTED;
    }
    lpWSAData->wVersion =
        (major > 2 || (major == 2 && minor >= 2)) ? static_cast<WORD>(0x0202) : wVersionRequested;
    std::snprintf(lpWSAData->szDescription, sizeof lpWSAData->szDescription, "%s", "WinSock 2.0");
    std::snprintf(lpWSAData->szSystemStatus, sizeof lpWSAData->szSystemStatus, "%s", "Running");
    ++::iisfake::win32::detail::winsock::startups();
    return 0;
}
inline int WSACleanup() {
    std::atomic<int>& count = ::iisfake::win32::detail::winsock::startups();
    int current = count.load();
    while (current > 0 && !count.compare_exchange_weak(current, current - 1)) {
    }
    if (current <= 0) {
        WSASetLastError(WSANOTINITIALISED);
        return SOCKET_ERROR;
    }
    return 0;
}

// ---- text <-> address ---------------------------------------------------------------------------
// The text, or NULL: WSAEAFNOSUPPORT for another family, ERROR_INVALID_PARAMETER for a NULL
// or too small buffer.
inline PCSTR inet_ntop(INT Family, const VOID* pAddr, PSTR pStringBuf, size_t StringBufSize) {
    char text[64];
    if (Family != AF_INET && Family != AF_INET6) {
        WSASetLastError(WSAEAFNOSUPPORT);
        return nullptr;
    }
    if (!pAddr || !pStringBuf) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    const std::size_t length = ::iisfake::win32::detail::winsock::format(Family, pAddr, text);
    if (StringBufSize <= length) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    std::memcpy(pStringBuf, text, length + 1);
    return pStringBuf;
}
inline PCWSTR InetNtopW(INT Family, const VOID* pAddr, PWSTR pStringBuf, size_t StringBufSize) {
    char text[64];
    if (!pStringBuf || !inet_ntop(Family, pAddr, text, sizeof text)) {
        if (!pStringBuf) WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    const std::size_t length = std::strlen(text);
    if (StringBufSize <= length) {
        WSASetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    for (std::size_t i = 0; i <= length; ++i) pStringBuf[i] = static_cast<WCHAR>(text[i]);
    return pStringBuf;
}
// 1 for an address, 0 for text that is none, -1 (WSAEAFNOSUPPORT, WSAEFAULT) otherwise.
inline INT inet_pton(INT Family, PCSTR pszAddrString, PVOID pAddrBuf) {
    return ::iisfake::win32::detail::winsock::pton(Family, pszAddrString, pAddrBuf);
}
inline INT InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf) {
    if (!pszAddrString) return inet_pton(Family, nullptr, pAddrBuf);
    char text[80];
    std::size_t i = 0;
    for (; pszAddrString[i] && i + 1 < sizeof text; ++i) {
        if (pszAddrString[i] < 0x20 || pszAddrString[i] > 0x7E)
            return inet_pton(Family, "!", pAddrBuf);
        text[i] = static_cast<char>(pszAddrString[i]);
    }
    if (pszAddrString[i]) return inet_pton(Family, "!", pAddrBuf);  // too long for an address
    text[i] = '\0';
    return inet_pton(Family, text, pAddrBuf);
}
#define InetNtopA inet_ntop
#define InetPtonA inet_pton
#if defined(UNICODE)
#define InetNtop InetNtopW
#define InetPton InetPtonW
#else
#define InetNtop InetNtopA
#define InetPton InetPtonA
#endif

// a.b.c.d, a.b.c, a.b or a, each part decimal, octal (0...) or hex (0x...), in network order;
// INADDR_NONE for NULL, "" or anything else.
inline ULONG inet_addr(const char* cp) {
    if (!cp || !*cp) return INADDR_NONE;
    std::uint32_t parts[4] = {};
    int count = 0;
    const char* at = cp;
    for (;;) {
        if (count == 4) return INADDR_NONE;
        unsigned base = 10;
        if (*at == '0') {
            base = 8;
            if (at[1] == 'x' || at[1] == 'X') {
                base = 16;
                at += 2;
            }
        }
        std::uint64_t value = 0;
        int digits = 0;
        for (;; ++at) {
            const int d = ::iisfake::win32::detail::winsock::hex_digit(*at);
            if (d < 0 || static_cast<unsigned>(d) >= base) break;
            value = value * base + static_cast<unsigned>(d);
            if (value > 0xFFFFFFFFu) return INADDR_NONE;
            ++digits;
        }
        if (digits == 0 && base != 8) return INADDR_NONE;
        parts[count++] = static_cast<std::uint32_t>(value);
        if (*at == '.') {
            ++at;
            continue;
        }
        if (*at != '\0' && *at != ' ' && *at != '\t') return INADDR_NONE;
        break;
    }
    std::uint32_t host = 0;
    switch (count) {
        case 1:
            host = parts[0];
            break;
        case 2:
            if (parts[0] > 0xFF || parts[1] > 0xFFFFFFu) return INADDR_NONE;
            host = (parts[0] << 24) | parts[1];
            break;
        case 3:
            if (parts[0] > 0xFF || parts[1] > 0xFF || parts[2] > 0xFFFF) return INADDR_NONE;
            host = (parts[0] << 24) | (parts[1] << 16) | parts[2];
            break;
        default:
            for (int i = 0; i < 4; ++i)
                if (parts[i] > 0xFF) return INADDR_NONE;
            host = (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3];
            break;
    }
    return __builtin_bswap32(host);
}

// Dotted text in a per-thread buffer, valid until the thread's next call.
inline char* inet_ntoa(IN_ADDR in) {
    static thread_local char buffer[16];
    unsigned char bytes[4];
    std::memcpy(bytes, &in, 4);
    ::iisfake::win32::detail::winsock::format_v4(bytes, buffer);
    return buffer;
}

// ---- getnameinfo
// --------------------------------------------------------------------------------- Numeric answers
// only: names are never resolved in a test (NI_NAMEREQD fails EAI_NONAME).
inline INT getnameinfo(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer,
                       DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize,
                       INT Flags) {
    auto fail = [](int error) {
        WSASetLastError(error);
        return error;
    };
    if (!pSockaddr) return fail(WSAEFAULT);
    const bool want_host = pNodeBuffer && NodeBufferSize;
    const bool want_service = pServiceBuffer && ServiceBufferSize;
    if (!want_host && !want_service) return fail(EAI_NONAME);
    char host[80];
    USHORT port = 0;
    if (pSockaddr->sa_family == AF_INET) {
        if (SockaddrLength < sizeof(SOCKADDR_IN)) return fail(WSAEFAULT);
        SOCKADDR_IN in;
        std::memcpy(&in, pSockaddr, sizeof in);
        unsigned char bytes[4];
        std::memcpy(bytes, &in.sin_addr, 4);
        ::iisfake::win32::detail::winsock::format_v4(bytes, host);
        port = in.sin_port;
    } else if (pSockaddr->sa_family == AF_INET6) {
        if (SockaddrLength < sizeof(SOCKADDR_IN6)) return fail(WSAEFAULT);
        SOCKADDR_IN6 in6;
        std::memcpy(&in6, pSockaddr, sizeof in6);
        std::size_t length =
            ::iisfake::win32::detail::winsock::format_v6(in6.sin6_addr.u.Byte, host);
        if (in6.sin6_scope_id) {
            char* at = host + length;
            *at++ = '%';
            ::iisfake::win32::detail::winsock::put_decimal(at, in6.sin6_scope_id);
            *at = '\0';
        }
        port = in6.sin6_port;
    } else {
        return fail(EAI_FAMILY);
    }
    if (want_host) {
        if (Flags & NI_NAMEREQD) return fail(EAI_NONAME);
        const std::size_t length = std::strlen(host);
        if (NodeBufferSize <= length) return fail(WSAEFAULT);
        std::memcpy(pNodeBuffer, host, length + 1);
    }
    if (want_service) {
        char service[8];
        char* at = service;
        ::iisfake::win32::detail::winsock::put_decimal(at, __builtin_bswap16(port));
        *at = '\0';
        const std::size_t length = std::strlen(service);
        if (ServiceBufferSize <= length) return fail(WSAEFAULT);
        std::memcpy(pServiceBuffer, service, length + 1);
    }
    return 0;
}
inline INT GetNameInfoA(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PCHAR pNodeBuffer,
                        DWORD NodeBufferSize, PCHAR pServiceBuffer, DWORD ServiceBufferSize,
                        INT Flags) {
    return getnameinfo(pSockaddr, SockaddrLength, pNodeBuffer, NodeBufferSize, pServiceBuffer,
                       ServiceBufferSize, Flags);
}
// Buffer sizes in WCHARs.
inline INT GetNameInfoW(const SOCKADDR* pSockaddr, socklen_t SockaddrLength, PWCHAR pNodeBuffer,
                        DWORD NodeBufferSize, PWCHAR pServiceBuffer, DWORD ServiceBufferSize,
                        INT Flags) {
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    const DWORD host_size = NodeBufferSize < NI_MAXHOST ? NodeBufferSize : NI_MAXHOST;
    const DWORD service_size = ServiceBufferSize < NI_MAXSERV ? ServiceBufferSize : NI_MAXSERV;
    const INT result =
        getnameinfo(pSockaddr, SockaddrLength, pNodeBuffer ? host : nullptr, host_size,
                    pServiceBuffer ? service : nullptr, service_size, Flags);
    if (result != 0) return result;
    if (pNodeBuffer && NodeBufferSize)
        for (std::size_t i = 0; i == 0 || host[i - 1]; ++i)
            pNodeBuffer[i] = static_cast<WCHAR>(host[i]);
    if (pServiceBuffer && ServiceBufferSize)
        for (std::size_t i = 0; i == 0 || service[i - 1]; ++i)
            pServiceBuffer[i] = static_cast<WCHAR>(service[i]);
    return 0;
}
#if defined(UNICODE)
#define GetNameInfo GetNameInfoW
#else
#define GetNameInfo GetNameInfoA
#endif

// ---- <ws2ipdef.h>/<mstcpip.h> predicates
// ----------------------------------------------------------
#ifndef IN6_IS_ADDR_UNSPECIFIED
inline BOOLEAN IN6_IS_ADDR_UNSPECIFIED(const IN6_ADDR* a) {
    for (int i = 0; i < 16; ++i)
        if (a->u.Byte[i]) return FALSE;
    return TRUE;
}
#endif
#ifndef IN6_IS_ADDR_LOOPBACK
inline BOOLEAN IN6_IS_ADDR_LOOPBACK(const IN6_ADDR* a) {
    for (int i = 0; i < 15; ++i)
        if (a->u.Byte[i]) return FALSE;
    return a->u.Byte[15] == 1 ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_V4MAPPED
inline BOOLEAN IN6_IS_ADDR_V4MAPPED(const IN6_ADDR* a) {
    for (int i = 0; i < 10; ++i)
        if (a->u.Byte[i]) return FALSE;
    return a->u.Byte[10] == 0xFF && a->u.Byte[11] == 0xFF ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_LINKLOCAL
inline BOOLEAN IN6_IS_ADDR_LINKLOCAL(const IN6_ADDR* a) {
    return a->u.Byte[0] == 0xFE && (a->u.Byte[1] & 0xC0) == 0x80 ? TRUE : FALSE;
}
#endif
#ifndef IN6_IS_ADDR_MULTICAST
inline BOOLEAN IN6_IS_ADDR_MULTICAST(const IN6_ADDR* a) {
    return a->u.Byte[0] == 0xFF ? TRUE : FALSE;
}
#endif
inline BOOLEAN IN6ADDR_ISV4MAPPED(const SOCKADDR_IN6* a) {
    return IN6_IS_ADDR_V4MAPPED(&a->sin6_addr);
}
inline BOOLEAN IN6ADDR_ISLOOPBACK(const SOCKADDR_IN6* a) {
    return a->sin6_family == AF_INET6 && IN6_IS_ADDR_LOOPBACK(&a->sin6_addr) ? TRUE : FALSE;
}
inline BOOLEAN IN6ADDR_ISUNSPECIFIED(const SOCKADDR_IN6* a) {
    return a->sin6_family == AF_INET6 && IN6_IS_ADDR_UNSPECIFIED(&a->sin6_addr) ? TRUE : FALSE;
}

#endif  // !_WIN32

#endif
