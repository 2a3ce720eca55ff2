// Address text and byte order as module code reads a client's address off Windows (spec T-19):
// include/iisfake/win32/winsock.hpp.
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include <cstring>
#include <cwchar>
#include <string>

#include "catch.hpp"

namespace {

SOCKADDR_IN6 v6(const char* text, USHORT port, ULONG scope = 0) {
    SOCKADDR_IN6 a;
    std::memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(port);
    a.sin6_scope_id = scope;
    REQUIRE(inet_pton(AF_INET6, text, &a.sin6_addr) == 1);
    return a;
}

std::string ntop6(const char* text) {
    IN6_ADDR a;
    REQUIRE(inet_pton(AF_INET6, text, &a) == 1);
    char out[INET6_ADDRSTRLEN];
    REQUIRE(inet_ntop(AF_INET6, &a, out, sizeof out) == out);
    return out;
}

}  // namespace

TEST_CASE("T-19 htons/ntohl and the Windows constants", "[win32][T-19][htons]") {
    CHECK(htons(0x1234) == 0x3412);
    CHECK(ntohs(htons(8080)) == 8080);
    CHECK(htonl(0x7f000001u) == 0x0100007fu);
    CHECK(ntohl(htonl(0xDEADBEEFu)) == 0xDEADBEEFu);
    CHECK(AF_INET6 == 23);
    CHECK(INET_ADDRSTRLEN == 22);
    CHECK(INET6_ADDRSTRLEN == 65);
    CHECK(NI_MAXHOST == 1025);
    CHECK(NI_MAXSERV == 32);
    WSADATA data;
    CHECK(WSAStartup(0x0202, &data) == 0);
    CHECK(data.wVersion == 0x0202);
    CHECK(iisfake::win32::wsa_startup_count() == 1);
    CHECK(WSACleanup() == 0);
    CHECK(WSACleanup() == SOCKET_ERROR);
    CHECK(WSAGetLastError() == WSANOTINITIALISED);
    iisfake::win32::reset_winsock();
}

TEST_CASE("T-19 inet_ntop writes RFC 5952 text; errors set WSAGetLastError",
          "[win32][T-19][inet_ntop]") {
    CHECK(ntop6("2001:0DB8:0000:0000:0000:0000:0000:0001") == "2001:db8::1");
    CHECK(ntop6("::1") == "::1");
    CHECK(ntop6("::") == "::");
    CHECK(ntop6("2001:db8:0:1:0:0:0:1") == "2001:db8:0:1::1");       // the longer run
    CHECK(ntop6("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");  // one zero field stays
    CHECK(ntop6("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1");
    CHECK(ntop6("1:0:0:2:0:0:3:4") == "1::2:0:0:3:4");  // first of equal runs
    CHECK(ntop6("::ffff:192.0.2.1") == "::ffff:192.0.2.1");
    CHECK(ntop6("fe80::1") == "fe80::1");
    IN_ADDR v4;
    REQUIRE(inet_pton(AF_INET, "192.168.1.20", &v4) == 1);
    char out[INET_ADDRSTRLEN];
    REQUIRE(inet_ntop(AF_INET, &v4, out, sizeof out) == out);
    CHECK(std::string(out) == "192.168.1.20");
    CHECK(inet_ntop(AF_INET, &v4, out, 12) == nullptr);  // "192.168.1.20" + NUL needs 13
    CHECK(WSAGetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(inet_ntop(AF_INET, &v4, out, 13) == out);
    CHECK(inet_ntop(99, &v4, out, sizeof out) == nullptr);
    CHECK(WSAGetLastError() == WSAEAFNOSUPPORT);
    CHECK(inet_ntop(AF_INET, &v4, nullptr, 16) == nullptr);
    WCHAR wide[INET6_ADDRSTRLEN];
    IN6_ADDR loop;
    REQUIRE(InetPtonW(AF_INET6, L"::1", &loop) == 1);
    REQUIRE(InetNtopW(AF_INET6, &loop, wide, INET6_ADDRSTRLEN) == wide);
    CHECK(std::wstring(wide) == L"::1");
    CHECK(std::string(inet_ntoa(v4)) == "192.168.1.20");
}

TEST_CASE("T-19 inet_pton and inet_addr reject what is no address", "[win32][T-19][inet_pton]") {
    unsigned char buffer[16];
    CHECK(inet_pton(AF_INET, "256.1.1.1", buffer) == 0);
    CHECK(inet_pton(AF_INET, "1.2.3", buffer) == 0);
    CHECK(inet_pton(AF_INET, "01.2.3.4", buffer) == 0);
    CHECK(inet_pton(AF_INET, "1.2.3.4 ", buffer) == 0);
    CHECK(inet_pton(AF_INET6, "1:2:3:4:5:6:7:8:9", buffer) == 0);
    CHECK(inet_pton(AF_INET6, "1::2::3", buffer) == 0);
    CHECK(inet_pton(AF_INET6, ":1::", buffer) == 0);
    CHECK(inet_pton(AF_INET6, "12345::", buffer) == 0);
    CHECK(inet_pton(AF_INET6, "1:2:3:4:5:6:7::8", buffer) == 0);
    CHECK(inet_pton(AF_INET6, "", buffer) == 0);
    CHECK(inet_pton(2000, "1.2.3.4", buffer) == -1);
    CHECK(WSAGetLastError() == WSAEAFNOSUPPORT);
    CHECK(inet_pton(AF_INET, nullptr, buffer) == -1);
    CHECK(WSAGetLastError() == WSAEFAULT);
    CHECK(inet_addr("127.0.0.1") == htonl(0x7f000001u));
    CHECK(inet_addr("0x7f.1") == htonl(0x7f000001u));
    CHECK(inet_addr("") == INADDR_NONE);
    CHECK(inet_addr(nullptr) == INADDR_NONE);
    CHECK(inet_addr("1.2.3.256") == INADDR_NONE);
    CHECK(inet_addr("a.b.c.d") == INADDR_NONE);
}

TEST_CASE("T-19 getnameinfo answers numerically; NI_NAMEREQD fails; predicates",
          "[win32][T-19][getnameinfo]") {
    SOCKADDR_IN6 mapped = v6("::ffff:10.0.0.5", 443);
    CHECK(IN6_IS_ADDR_V4MAPPED(&mapped.sin6_addr));
    CHECK(IN6ADDR_ISV4MAPPED(&mapped));
    CHECK_FALSE(IN6_IS_ADDR_LOOPBACK(&mapped.sin6_addr));
    CHECK(mapped.sin6_addr.s6_addr[15] == 5);
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    REQUIRE(getnameinfo(reinterpret_cast<const SOCKADDR*>(&mapped), sizeof mapped, host,
                        sizeof host, service, sizeof service,
                        NI_NUMERICHOST | NI_NUMERICSERV) == 0);
    CHECK(std::string(host) == "::ffff:10.0.0.5");
    CHECK(std::string(service) == "443");
    // Without NI_NUMERICHOST no name can be found: the numeric form, as getnameinfo falls back.
    REQUIRE(getnameinfo(reinterpret_cast<const SOCKADDR*>(&mapped), sizeof mapped, host,
                        sizeof host, nullptr, 0, 0) == 0);
    CHECK(std::string(host) == "::ffff:10.0.0.5");
    CHECK(getnameinfo(reinterpret_cast<const SOCKADDR*>(&mapped), sizeof mapped, host, sizeof host,
                      nullptr, 0, NI_NAMEREQD) == EAI_NONAME);
    CHECK(WSAGetLastError() == WSAHOST_NOT_FOUND);
    CHECK(getnameinfo(reinterpret_cast<const SOCKADDR*>(&mapped), sizeof(SOCKADDR_IN), host,
                      sizeof host, nullptr, 0, NI_NUMERICHOST) == WSAEFAULT);
    CHECK(getnameinfo(reinterpret_cast<const SOCKADDR*>(&mapped), sizeof mapped, host, 4, nullptr,
                      0, NI_NUMERICHOST) == WSAEFAULT);
    SOCKADDR_IN6 link = v6("fe80::1", 80, 3);
    CHECK(IN6_IS_ADDR_LINKLOCAL(&link.sin6_addr));
    WCHAR whost[NI_MAXHOST];
    WCHAR wservice[NI_MAXSERV];
    REQUIRE(GetNameInfoW(reinterpret_cast<const SOCKADDR*>(&link), sizeof link, whost, NI_MAXHOST,
                         wservice, NI_MAXSERV, NI_NUMERICHOST | NI_NUMERICSERV) == 0);
    CHECK(std::wstring(whost) == L"fe80::1%3");
    CHECK(std::wstring(wservice) == L"80");
    SOCKADDR_IN in4;
    std::memset(&in4, 0, sizeof in4);
    in4.sin_family = AF_INET;
    in4.sin_port = htons(8080);
    in4.sin_addr.s_addr = inet_addr("203.0.113.9");
    REQUIRE(getnameinfo(reinterpret_cast<const SOCKADDR*>(&in4), sizeof in4, host, sizeof host,
                        service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0);
    CHECK(std::string(host) == "203.0.113.9");
    CHECK(std::string(service) == "8080");
    SOCKADDR other;
    std::memset(&other, 0, sizeof other);
    other.sa_family = 99;
    CHECK(getnameinfo(&other, sizeof other, host, sizeof host, nullptr, 0, 0) == EAI_FAMILY);
    IN6_ADDR zero;
    std::memset(&zero, 0, sizeof zero);
    CHECK(IN6_IS_ADDR_UNSPECIFIED(&zero));
}
