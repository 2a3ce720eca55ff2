// 020: request-header rewriting before a request is proxied, as ANCM's forwarding handler does:
// hop-by-hop and internal headers go, X-Forwarded-For gets the client address, Host names the
// back end. The test checks the result the way the next module would see it: through GetHeader
// and by walking the raw HTTP_REQUEST, which SetHeader/DeleteHeader keep up to date.

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

const char g_szInternalPrefix[] = "X-Internal-";

bool StartsWithNoCase(PCSTR pszText, USHORT cchText, PCSTR pszPrefix) {
    const size_t cchPrefix = strlen(pszPrefix);
    if (cchText < cchPrefix) return false;
    for (size_t i = 0; i < cchPrefix; ++i) {
        char a = pszText[i], b = pszPrefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

// The client address as text; IPv6 without "::" compression, which X-Forwarded-For accepts.
std::string AddressText(const SOCKADDR* pAddress) {
    char szText[64] = "";
    if (pAddress->sa_family == AF_INET) {
        const SOCKADDR_IN* pIn = reinterpret_cast<const SOCKADDR_IN*>(pAddress);
        snprintf(szText, sizeof(szText), "%u.%u.%u.%u", pIn->sin_addr.S_un.S_un_b.s_b1,
                 pIn->sin_addr.S_un.S_un_b.s_b2, pIn->sin_addr.S_un.S_un_b.s_b3,
                 pIn->sin_addr.S_un.S_un_b.s_b4);
    } else if (pAddress->sa_family == AF_INET6) {
        const UCHAR* pb = reinterpret_cast<const SOCKADDR_IN6*>(pAddress)->sin6_addr.u.Byte;
        for (int i = 0; i < 8; ++i) {
            const size_t cch = strlen(szText);
            snprintf(szText + cch, sizeof(szText) - cch, i ? ":%x" : "%x",
                     static_cast<unsigned>(pb[2 * i] << 8 | pb[2 * i + 1]));
        }
    }
    return szText;
}

HRESULT PrepareForwardedHeaders(IHttpRequest* pHttpRequest, PCSTR pszBackendHost) {
    HRESULT hr = S_OK;

    // Hop-by-hop headers describe the client's connection, not the one to the back end.
    const HTTP_HEADER_ID hopByHop[] = {
        HttpHeaderConnection, HttpHeaderKeepAlive, HttpHeaderProxyAuthorization,
        HttpHeaderTe,         HttpHeaderTrailer,   HttpHeaderUpgrade};
    for (HTTP_HEADER_ID id : hopByHop) {
        hr = pHttpRequest->DeleteHeader(id);
        if (FAILED(hr)) return hr;
    }

    // Internal headers: copy the names out first, because DeleteHeader rebuilds the array.
    std::vector<std::string> internalNames;
    const HTTP_REQUEST_HEADERS& headers = pHttpRequest->GetRawHttpRequest()->Headers;
    for (USHORT i = 0; i < headers.UnknownHeaderCount; ++i) {
        const HTTP_UNKNOWN_HEADER& header = headers.pUnknownHeaders[i];
        if (StartsWithNoCase(header.pName, header.NameLength, g_szInternalPrefix)) {
            internalNames.emplace_back(header.pName, header.NameLength);
        }
    }
    for (const std::string& name : internalNames) {
        hr = pHttpRequest->DeleteHeader(name.c_str());
        if (FAILED(hr)) return hr;
    }

    // X-Forwarded-For: the earlier proxies, then this client.
    std::string forwardedFor;
    USHORT cchExisting = 0;
    PCSTR pszExisting = pHttpRequest->GetHeader("X-Forwarded-For", &cchExisting);
    if (pszExisting != NULL && cchExisting != 0) {
        forwardedFor.assign(pszExisting, cchExisting).append(", ");
    }
    forwardedFor += AddressText(pHttpRequest->GetRemoteAddress());
    hr = pHttpRequest->SetHeader("X-Forwarded-For", forwardedFor.c_str(),
                                 static_cast<USHORT>(forwardedFor.size()), TRUE);
    if (FAILED(hr)) return hr;

    return pHttpRequest->SetHeader(HttpHeaderHost, pszBackendHost,
                                   static_cast<USHORT>(strlen(pszBackendHost)), TRUE);
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("hop-by-hop and internal headers are stripped", "[example][020]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder()
                                         .header("Connection", "keep-alive, Upgrade")
                                         .header("Upgrade", "websocket")
                                         .header("Keep-Alive", "timeout=5")
                                         .header("X-Internal-User", "admin")
                                         .header("Accept", "text/html")
                                         .header("x-internal-trace", "1")
                                         .header("X-Custom", "kept"));
    IHttpRequest* pHttpRequest = &request;

    REQUIRE(PrepareForwardedHeaders(pHttpRequest, "backend:8080") == S_OK);

    // As the next module sees it: the raw struct, walked the way ANCM walks it.
    const HTTP_REQUEST* pRaw = pHttpRequest->GetRawHttpRequest();
    CHECK(pRaw->Headers.KnownHeaders[HttpHeaderConnection].pRawValue == nullptr);
    CHECK(pRaw->Headers.KnownHeaders[HttpHeaderUpgrade].pRawValue == nullptr);
    CHECK(pRaw->Headers.KnownHeaders[HttpHeaderKeepAlive].RawValueLength == 0);
    std::vector<std::string> unknown;
    for (USHORT i = 0; i < pRaw->Headers.UnknownHeaderCount; ++i)
        unknown.emplace_back(pRaw->Headers.pUnknownHeaders[i].pName,
                             pRaw->Headers.pUnknownHeaders[i].NameLength);
    REQUIRE(unknown == std::vector<std::string>{"X-Custom", "X-Forwarded-For"});

    // And through the fake's inspectors.
    CHECK(request.header("Accept") == "text/html");
    CHECK_FALSE(request.has_header("X-Internal-User"));
}

TEST_CASE("X-Forwarded-For gets the client address", "[example][020]") {
    SECTION("a direct IPv4 client") {
        iisfake::FakeHttpRequest request(
            iisfake::RequestBuilder().remote_address("198.51.100.23", 50000));
        REQUIRE(PrepareForwardedHeaders(&request, "backend") == S_OK);
        CHECK(request.header("X-Forwarded-For") == "198.51.100.23");
    }
    SECTION("behind another proxy: the address is appended") {
        iisfake::FakeHttpRequest request(
            iisfake::RequestBuilder().header("X-Forwarded-For", "203.0.113.7"));
        REQUIRE(PrepareForwardedHeaders(&request, "backend") == S_OK);
        CHECK(request.header("X-Forwarded-For") == "203.0.113.7, 192.0.2.1");
    }
    SECTION("an IPv6 client") {
        iisfake::FakeHttpRequest request(
            iisfake::RequestBuilder().remote_address("2001:db8::17", 50000));
        REQUIRE(PrepareForwardedHeaders(&request, "backend") == S_OK);
        CHECK(request.header("X-Forwarded-For") == "2001:db8:0:0:0:0:0:17");
    }
}

TEST_CASE("Host names the back end; the cooked URL keeps the client's host", "[example][020]") {
    iisfake::FakeHttpRequest request(
        iisfake::RequestBuilder().header("Host", "www.example.com").url("/shop?item=4"));
    IHttpRequest* pHttpRequest = &request;

    REQUIRE(PrepareForwardedHeaders(pHttpRequest, "backend:8080") == S_OK);

    USHORT cchHost = 0;
    PCSTR pszHost = pHttpRequest->GetHeader(HttpHeaderHost, &cchHost);
    REQUIRE(pszHost != nullptr);
    CHECK(std::string(pszHost, cchHost) == "backend:8080");
    CHECK(request.full_url() == "http://www.example.com:80/shop?item=4");  // IIS keeps it too
}
