// The rest of iisfake::FakeHttpRequest's synchronous surface, driven through the SDK interfaces:
// the defaults of a one-line request, socket addresses, version, site id, client certificates
// (GetClientCertificate, synchronous NegotiateClientCertificate), the channel binding token,
// fault injection, the call log, misuse reports, and builder input errors (spec §1.2 REQ-ADDR,
// REQ-VER, REQ-CERT, REQ-NEG, REQ-SITE, REQ-HC-1; §1.3 REQ-CBT; traps T-1, T-5, T-19, T-24).
// STYLE-n names lesson n of "Test doubles: lessons from httptest and friends" in STYLE.md.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpRequest;
using iisfake::Method;
using iisfake::RequestBuilder;

constexpr HRESULT eof = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
constexpr HRESULT not_found = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
constexpr HRESULT no_memory = HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
constexpr HRESULT invalid_data = HRESULT_FROM_WIN32(ERROR_INVALID_DATA);

std::string text_of(const void* pointer) {
    return std::to_string(reinterpret_cast<std::uintptr_t>(pointer));
}

// Everything a misused call could have changed, as text (the call log excepted: the call
// itself is recorded). Without `pointers`, two fakes built alike give the same text.
std::string state_of(FakeHttpRequest& fake, bool pointers = true) {
    const HTTP_REQUEST* raw = fake.GetRawHttpRequest();
    std::string out;
    for (const auto& header : fake.headers()) out += header.first + ": " + header.second + "\n";
    out += "method " + fake.method() + "\nurl " + fake.full_url() + "\nraw url " + fake.raw_url();
    out += "\nforwarded " + fake.forwarded_url();
    out += "\nurl changed " + std::to_string(fake.GetUrlChanged());
    out += "\nconsumed " + std::to_string(fake.body_consumed()) + " + " +
           std::to_string(fake.inserted_consumed());
    out += "\nremaining " + std::to_string(fake.GetRemainingEntityBytes());
    out += "\nheader changes " + std::to_string(fake.header_change_number());
    out += "\nunknown headers " + std::to_string(raw->Headers.UnknownHeaderCount);
    out += "\nverb " + std::to_string(static_cast<int>(raw->Verb));
    if (pointers)
        out += "\narrays " + text_of(raw->Headers.pUnknownHeaders) + " " +
               text_of(raw->CookedUrl.pFullUrl) + " " + text_of(raw->pUnknownVerb);
    out += "\nversion " + std::to_string(raw->Version.MajorVersion) + "." +
           std::to_string(raw->Version.MinorVersion);
    if (raw->pSslInfo)
        out += "\ntls " + std::to_string(raw->pSslInfo->SslClientCertNegotiated) + " " +
               (pointers ? text_of(raw->pSslInfo->pClientCertInfo) : std::string());
    return out;
}

// A misuse is checked twice on fresh fakes built from `spec`:
// (a) with the default handler the call throws MisuseError whose what() names the method and
//     the rule;
// (b) with iisfake::ignore_misuse it returns `expected` (what IIS returns), changes nothing,
//     and misuses() records it.
// `call` makes the call through an SDK interface and returns its HRESULT (methods that return
// something else map their documented result to S_OK).
template <class Call>
void check_misuse(const RequestBuilder& spec, const std::string& method, const std::string& rule,
                  HRESULT expected, Call call) {
    INFO("misuse of " << method << " [" << rule << "]");
    {
        FakeHttpRequest fake(spec);
        bool threw = false;
        std::string what;
        iisfake::Misuse report{};
        try {
            (void)call(fake);
        } catch (const iisfake::MisuseError& error) {
            threw = true;
            what = error.what();
            report = error.report();
        }
        INFO("what(): " << what);
        REQUIRE(threw);
        CHECK(what.find(method) != std::string::npos);
        CHECK(what.find("[" + rule + "]") != std::string::npos);
        CHECK(report.method == method);
        CHECK(report.rule == rule);
        CHECK(report.result == expected);
        CHECK(fake.misuses().size() == 1);
    }
    {
        FakeHttpRequest fake(spec);
        fake.set_misuse_handler(iisfake::ignore_misuse);
        const std::string before = state_of(fake);
        HRESULT result = E_UNEXPECTED;
        REQUIRE_NOTHROW(result = call(fake));
        CHECK(result == expected);
        CHECK(state_of(fake) == before);
        REQUIRE(fake.misuses().size() == 1);
        const iisfake::Misuse& recorded = fake.misuses().front();
        CHECK(recorded.method == method);
        CHECK(recorded.rule == rule);
        CHECK(recorded.result == expected);
        CHECK_FALSE(recorded.problem.empty());
    }
}

// A failure that depends on the request's data (a value too long, a client's CR/LF) is checked on
// a fresh fake built from `spec`, with the default handler that throws on misuse: the call
// returns `expected` (what IIS returns, so the module's own error handling runs in its test),
// changes nothing, and reports no misuse.
template <class Call>
void check_data_failure(const RequestBuilder& spec, HRESULT expected, Call call) {
    FakeHttpRequest fake(spec);
    const std::string before = state_of(fake);
    HRESULT result = S_OK;
    REQUIRE_NOTHROW(result = call(fake));
    CHECK(result == expected);
    CHECK(state_of(fake) == before);
    CHECK(fake.misuses().empty());
}

unsigned port_of(USHORT network_order) {
    unsigned char bytes[2];
    std::memcpy(bytes, &network_order, sizeof bytes);
    return static_cast<unsigned>(bytes[0]) << 8 | bytes[1];
}

}  // namespace

// ---- defaults -----------------------------------------------------------------------------------

TEST_CASE(
    "STYLE-1, REQ-RAW-1, REQ-ADDR-1, REQ-VER-1, REQ-SITE-1, REQ-CERT-4, REQ-READ-3: a "
    "one-line request has every documented default",
    "[fake_request][misc][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const IHttpRequest* const_request = &fake;
    const HTTP_REQUEST* raw = const_request->GetRawHttpRequest();

    // GET /
    CHECK(std::strcmp(const_request->GetHttpMethod(), "GET") == 0);
    CHECK(raw->Verb == HttpVerbGET);
    CHECK(raw->RawUrlLength == 1);
    CHECK(std::strcmp(raw->pRawUrl, "/") == 0);
    CHECK(fake.full_url() == "http://localhost:80/");
    CHECK(const_request->GetUrlChanged() == FALSE);
    CHECK(const_request->GetForwardedUrl() == nullptr);

    // HTTP/1.1
    USHORT major = 0, minor = 0;
    const_request->GetHttpVersion(&major, &minor);
    CHECK(major == 1);
    CHECK(minor == 1);
    CHECK(raw->Version.MajorVersion == 1);
    CHECK(raw->Version.MinorVersion == 1);

    // "Host: localhost" and nothing else
    CHECK(fake.headers() ==
          (std::vector<std::pair<std::string, std::string>>{{"Host", "localhost"}}));
    CHECK(raw->Headers.UnknownHeaderCount == 0);
    USHORT cch = 0;
    REQUIRE(const_request->GetHeader(HttpHeaderHost, &cch) != nullptr);
    CHECK(cch == 9);

    // local 127.0.0.1:80, remote 192.0.2.1:49152
    CHECK(fake.local_address() == "127.0.0.1");
    CHECK(fake.remote_address() == "192.0.2.1");
    SOCKADDR_IN local, remote;
    std::memcpy(&local, const_request->GetLocalAddress(), sizeof local);
    std::memcpy(&remote, const_request->GetRemoteAddress(), sizeof remote);
    CHECK(local.sin_family == AF_INET);
    CHECK(port_of(local.sin_port) == 80);
    CHECK(remote.sin_family == AF_INET);
    CHECK(port_of(remote.sin_port) == 49152);
    CHECK(remote.sin_addr.S_un.S_un_b.s_b1 == 192);
    CHECK(remote.sin_addr.S_un.S_un_b.s_b4 == 1);

    // plain HTTP: no TLS, no certificate, no channel binding token
    CHECK(raw->pSslInfo == nullptr);
    HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
    BOOL negotiated = TRUE;
    CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
    CHECK(info == nullptr);
    CHECK(negotiated == FALSE);

    // site id 1, request and connection id 1
    CHECK(const_request->GetSiteId() == 1);
    CHECK(raw->RequestId == 1);
    CHECK(raw->ConnectionId == 1);

    // no body: remaining 0, reads give EOF
    CHECK((raw->Flags & HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) == 0);
    CHECK(request->GetRemainingEntityBytes() == 0);
    char buffer[8];
    DWORD received = 99;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, FALSE, &received) == eof);
    CHECK(received == 0);

    CHECK(fake.misuses().empty());
    // The default constructor and a default builder build the same request.
    FakeHttpRequest built{RequestBuilder()};
    CHECK(state_of(built, false) == state_of(fake, false));
}

TEST_CASE("REQ-RAW-2: request_id and connection_id from the builder reach the raw struct",
          "[fake_request][misc][sync]") {
    FakeHttpRequest fake(RequestBuilder().request_id(0x1122334455667788ull).connection_id(42));
    const HTTP_REQUEST* raw = fake.GetRawHttpRequest();
    CHECK(raw->RequestId == 0x1122334455667788ull);
    CHECK(raw->ConnectionId == 42);
}

// ---- addresses, version, site -------------------------------------------------------------------

TEST_CASE(
    "REQ-ADDR-1, REQ-ADDR-2, T-19: addresses are Windows sockaddrs (AF_INET6 == 23), ports "
    "in network byte order, the raw struct's pointers",
    "[fake_request][misc][sync]") {
    static_assert(AF_INET == 2, "");
    static_assert(AF_INET6 == 23, "Windows' value, not Linux's 10");

    FakeHttpRequest fake(
        RequestBuilder().local_address("10.1.2.3", 8080).remote_address("2001:db8::1", 50000));
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    const PSOCKADDR local_pointer = request->GetLocalAddress();
    const PSOCKADDR remote_pointer = request->GetRemoteAddress();
    REQUIRE(local_pointer != nullptr);
    REQUIRE(remote_pointer != nullptr);
    CHECK(local_pointer == raw->Address.pLocalAddress);
    CHECK(remote_pointer == raw->Address.pRemoteAddress);
    CHECK(request->GetLocalAddress() == local_pointer);  // stable for the request
    CHECK(request->GetRemoteAddress() == remote_pointer);

    CHECK(local_pointer->sa_family == AF_INET);
    SOCKADDR_IN local;
    std::memcpy(&local, local_pointer, sizeof local);
    unsigned char port_bytes[2];
    std::memcpy(port_bytes, &local.sin_port, 2);
    CHECK(port_bytes[0] == 0x1F);  // 8080 = 0x1F90, big-endian
    CHECK(port_bytes[1] == 0x90);
    CHECK(local.sin_addr.S_un.S_un_b.s_b1 == 10);
    CHECK(local.sin_addr.S_un.S_un_b.s_b2 == 1);
    CHECK(local.sin_addr.S_un.S_un_b.s_b3 == 2);
    CHECK(local.sin_addr.S_un.S_un_b.s_b4 == 3);

    CHECK(remote_pointer->sa_family == AF_INET6);
    CHECK(remote_pointer->sa_family == 23);
    SOCKADDR_IN6 remote;
    std::memcpy(&remote, remote_pointer, sizeof remote);
    std::memcpy(port_bytes, &remote.sin6_port, 2);
    CHECK(port_bytes[0] == 0xC3);  // 50000 = 0xC350
    CHECK(port_bytes[1] == 0x50);
    static const unsigned char expected[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
                                               0,    0,    0,    0,    0, 0, 0, 1};
    CHECK(std::memcmp(remote.sin6_addr.u.Byte, expected, 16) == 0);

    CHECK(fake.local_address() == "10.1.2.3");
    CHECK(fake.remote_address() == "2001:db8::1");  // RFC 5952 spelling
}

TEST_CASE("REQ-ADDR-1: an IPv6 local address and the TLS default port 443",
          "[fake_request][misc][sync]") {
    FakeHttpRequest fake(RequestBuilder().tls().local_address("::1", 0).remote_address("[::2]", 1));
    const IHttpRequest* request = &fake;
    SOCKADDR_IN6 local;
    std::memcpy(&local, request->GetLocalAddress(), sizeof local);
    CHECK(local.sin6_family == AF_INET6);
    CHECK(port_of(local.sin6_port) == 443);
    CHECK(local.sin6_addr.u.Byte[15] == 1);
    SOCKADDR_IN6 remote;
    std::memcpy(&remote, request->GetRemoteAddress(), sizeof remote);
    CHECK(port_of(remote.sin6_port) == 1);
    CHECK(remote.sin6_addr.u.Byte[15] == 2);
}

TEST_CASE("REQ-VER-1: GetHttpVersion reports the request's version, as HTTP_REQUEST.Version does",
          "[fake_request][misc][sync]") {
    SECTION("HTTP/1.0") {
        FakeHttpRequest fake(RequestBuilder().version(1, 0));
        const IHttpRequest* request = &fake;
        USHORT major = 9, minor = 9;
        request->GetHttpVersion(&major, &minor);
        CHECK(major == 1);
        CHECK(minor == 0);
        CHECK(request->GetRawHttpRequest()->Version.MinorVersion == 0);
        CHECK((request->GetRawHttpRequest()->Flags & HTTP_REQUEST_FLAG_HTTP2) == 0);
    }
    SECTION("HTTP/2 also sets HTTP_REQUEST_FLAG_HTTP2") {
        FakeHttpRequest fake(RequestBuilder().version(2, 0));
        const IHttpRequest* request = &fake;
        USHORT major = 9, minor = 9;
        request->GetHttpVersion(&major, &minor);
        CHECK(major == 2);
        CHECK(minor == 0);
        CHECK((request->GetRawHttpRequest()->Flags & HTTP_REQUEST_FLAG_HTTP2) != 0);
    }
}

TEST_CASE("REQ-SITE-1: GetSiteId returns the builder's site id (default 1)",
          "[fake_request][misc][sync]") {
    FakeHttpRequest fake(RequestBuilder().site_id(7));
    const IHttpRequest* request = &fake;
    CHECK(request->GetSiteId() == 7);
    FakeHttpRequest default_site;
    CHECK(static_cast<const IHttpRequest&>(default_site).GetSiteId() == 1);
}

// ---- client certificates ------------------------------------------------------------------------

TEST_CASE(
    "REQ-CERT-2, REQ-CERT-3, REQ-CERT-4: GetClientCertificate returns the raw struct's "
    "certificate, or ERROR_NOT_FOUND",
    "[fake_request][misc][sync]") {
    HTTP_SSL_CLIENT_CERT_INFO sentinel{};
    SECTION("a certificate from the start") {
        FakeHttpRequest fake(
            RequestBuilder().client_certificate(std::string("\x30\x82\x01", 3), 5));
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        REQUIRE(raw->pSslInfo != nullptr);
        HTTP_SSL_CLIENT_CERT_INFO* info = &sentinel;
        BOOL negotiated = FALSE;
        REQUIRE(request->GetClientCertificate(&info, &negotiated) == S_OK);
        REQUIRE(info != nullptr);
        CHECK(info == raw->pSslInfo->pClientCertInfo);
        CHECK(negotiated == TRUE);
        CHECK(info->CertEncodedSize == 3);
        CHECK(info->CertFlags == 5);
        CHECK(std::memcmp(info->pCertEncoded, "\x30\x82\x01", 3) == 0);
        CHECK(fake.full_url() == "https://localhost:443/");
    }
    SECTION("plain HTTP: NOT_FOUND, NULL, not negotiated") {
        FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        HTTP_SSL_CLIENT_CERT_INFO* info = &sentinel;
        BOOL negotiated = TRUE;
        CHECK(not_found == static_cast<HRESULT>(0x80070490u));
        CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
        CHECK(info == nullptr);
        CHECK(negotiated == FALSE);
        CHECK(request->GetRawHttpRequest()->pSslInfo == nullptr);
    }
    SECTION("TLS without a client certificate") {
        FakeHttpRequest fake(RequestBuilder().tls());
        IHttpRequest* request = &fake;
        REQUIRE(request->GetRawHttpRequest()->pSslInfo != nullptr);
        CHECK(request->GetRawHttpRequest()->pSslInfo->pClientCertInfo == nullptr);
        HTTP_SSL_CLIENT_CERT_INFO* info = &sentinel;
        BOOL negotiated = TRUE;
        CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
        CHECK(info == nullptr);
        CHECK(negotiated == FALSE);
    }
}

TEST_CASE(
    "REQ-NEG-1, REQ-CERT-3: a synchronous NegotiateClientCertificate makes the negotiable "
    "certificate appear",
    "[fake_request][misc][sync]") {
    SECTION("with a negotiable certificate") {
        FakeHttpRequest fake(RequestBuilder().negotiable_client_certificate("DER!", 2));
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
        BOOL negotiated = TRUE;
        CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
        CHECK(negotiated == FALSE);

        BOOL pending = TRUE;
        REQUIRE(request->NegotiateClientCertificate(FALSE, &pending) == S_OK);
        CHECK(pending == FALSE);
        CHECK_FALSE(fake.has_pending());

        REQUIRE(request->GetClientCertificate(&info, &negotiated) == S_OK);
        REQUIRE(info != nullptr);
        CHECK(info == raw->pSslInfo->pClientCertInfo);
        CHECK(negotiated == TRUE);
        CHECK(std::string(reinterpret_cast<const char*>(info->pCertEncoded),
                          info->CertEncodedSize) == "DER!");
        CHECK(info->CertFlags == 2);
    }
    SECTION("without one: S_OK, negotiated, still no certificate (callers test the pointer)") {
        FakeHttpRequest fake(RequestBuilder().tls());
        IHttpRequest* request = &fake;
        REQUIRE(request->NegotiateClientCertificate(FALSE) == S_OK);  // default pfCompletionPending
        HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
        BOOL negotiated = FALSE;
        CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
        CHECK(info == nullptr);
        CHECK(negotiated == TRUE);
    }
    SECTION("plain HTTP: E_FAIL") {
        FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        CHECK(request->NegotiateClientCertificate(FALSE) == E_FAIL);
        CHECK(request->GetRawHttpRequest()->pSslInfo == nullptr);
    }
    SECTION("a scripted failure leaves the certificate absent") {
        FakeHttpRequest fake(RequestBuilder().negotiable_client_certificate("DER!"));
        IHttpRequest* request = &fake;
        fake.fail(Method::NegotiateClientCertificate, E_FAIL);
        CHECK(request->NegotiateClientCertificate(FALSE) == E_FAIL);
        HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
        BOOL negotiated = TRUE;
        CHECK(request->GetClientCertificate(&info, &negotiated) == not_found);
        CHECK(negotiated == FALSE);
    }
}

TEST_CASE(
    "REQ-CERT-4, T-2: a renegotiated certificate gets storage of its own; the old "
    "certificate's pointers keep their bytes until the request ends",
    "[fake_request][misc][sync][async]") {
    // The old bytes were freed (heap-use-after-free) when a larger certificate arrived, and
    // rewritten in place when one of the same size did.
    for (const std::string& renegotiated : {std::string(4096, 'L'), std::string("NEW!")}) {
        CAPTURE(renegotiated.size());
        for (const bool async : {false, true}) {
            CAPTURE(async);
            FakeHttpRequest fake(RequestBuilder()
                                     .client_certificate("OLD!", 1)
                                     .negotiable_client_certificate(renegotiated, 2));
            IHttpRequest* request = &fake;
            HTTP_SSL_CLIENT_CERT_INFO* before = nullptr;
            BOOL negotiated = FALSE;
            REQUIRE(request->GetClientCertificate(&before, &negotiated) == S_OK);
            const PUCHAR old_bytes = before->pCertEncoded;

            if (async) {
                BOOL pending = FALSE;
                fake.set_completion_sink([](IHttpCompletionInfo*) { return RQ_NOTIFICATION_CONTINUE; });
                REQUIRE(request->NegotiateClientCertificate(TRUE, &pending) == S_OK);
                REQUIRE(pending == TRUE);
                fake.complete_pending();
            } else {
                REQUIRE(request->NegotiateClientCertificate(FALSE) == S_OK);
            }
            HTTP_SSL_CLIENT_CERT_INFO* after = nullptr;
            REQUIRE(request->GetClientCertificate(&after, &negotiated) == S_OK);
            CHECK(std::string(reinterpret_cast<const char*>(after->pCertEncoded),
                              after->CertEncodedSize) == renegotiated);
            CHECK(after->CertFlags == 2);
            CHECK(std::string(reinterpret_cast<const char*>(old_bytes), 4) == "OLD!");
            CHECK(std::string(reinterpret_cast<const char*>(before->pCertEncoded),
                              before->CertEncodedSize) == "OLD!");
            CHECK(before->CertFlags == 1);
        }
    }
}

// ---- channel binding token ----------------------------------------------------------------------

TEST_CASE(
    "REQ-CBT-1, REQ-CBT-2: GetChannelBindingToken returns the server-owned token, or the "
    "configured result with NULL/0",
    "[fake_request][misc][sync]") {
    SECTION("a token") {
        FakeHttpRequest fake(
            RequestBuilder().tls().channel_binding_token(std::string("\x01\x00\x03", 3)));
        IHttpRequest2* request = &fake;
        PBYTE token = nullptr;
        DWORD size = 0;
        REQUIRE(request->GetChannelBindingToken(&token, &size) == S_OK);
        REQUIRE(token != nullptr);
        CHECK(size == 3);
        CHECK(std::memcmp(token, "\x01\x00\x03", 3) == 0);
        PBYTE again = nullptr;
        REQUIRE(request->GetChannelBindingToken(&again, &size) == S_OK);
        CHECK(again == token);
    }
    static BYTE junk[1];
    SECTION("none, missing_channel_binding_result default: ERROR_NOT_FOUND") {
        FakeHttpRequest fake;
        IHttpRequest2* request = &fake;
        CHECK(fake.options().missing_channel_binding_result == not_found);
        PBYTE token = junk;
        DWORD size = 5;
        CHECK(request->GetChannelBindingToken(&token, &size) == not_found);
        CHECK(token == nullptr);
        CHECK(size == 0);
    }
    SECTION("none, missing_channel_binding_result = E_NOTIMPL") {
        iisfake::Options knobs;
        knobs.missing_channel_binding_result = E_NOTIMPL;
        FakeHttpRequest fake(RequestBuilder().options(knobs));
        IHttpRequest2* request = &fake;
        PBYTE token = junk;
        DWORD size = 5;
        CHECK(request->GetChannelBindingToken(&token, &size) == E_NOTIMPL);
        CHECK(token == nullptr);
        CHECK(size == 0);
    }
}

// ---- fault injection ----------------------------------------------------------------------------

TEST_CASE(
    "STYLE-6, REQ-SH-4, REQ-DH-1, REQ-M-2, REQ-READ-4, REQ-INS-1, REQ-CERT-1, REQ-CBT-1: "
    "fail(method, hr) makes every call return hr without effect until clear_faults",
    "[fake_request][misc][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("abcd").header("X-Keep", "k"));
    IHttpRequest* request = &fake;

    fake.fail(Method::SetHeader, no_memory);
    fake.fail(Method::DeleteHeader, E_FAIL);
    fake.fail(Method::SetHttpMethod, no_memory);
    fake.fail(Method::ReadEntityBody, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
    fake.fail(Method::InsertEntityBody, no_memory);
    fake.fail(Method::GetClientCertificate, E_FAIL);
    fake.fail(Method::GetChannelBindingToken, E_NOTIMPL);

    CHECK(no_memory == static_cast<HRESULT>(0x80070008u));
    CHECK(no_memory != E_OUTOFMEMORY);  // T-24
    for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        CHECK(request->SetHeader("X-New", "v", 1, TRUE) == no_memory);
        CHECK(request->SetHeader(HttpHeaderReferer, "v", 1, TRUE) == no_memory);
        CHECK(request->DeleteHeader("X-Keep") == E_FAIL);
        CHECK(request->DeleteHeader(HttpHeaderHost) == E_FAIL);
        CHECK(request->SetHttpMethod("PUT") == no_memory);
        char buffer[4];
        DWORD received = 99;
        CHECK(request->ReadEntityBody(buffer, 4, FALSE, &received) ==
              HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        CHECK(received == 0);
        static char extra[] = {'x'};
        CHECK(request->InsertEntityBody(extra, 1) == no_memory);
        HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
        BOOL negotiated = FALSE;
        CHECK(request->GetClientCertificate(&info, &negotiated) == E_FAIL);
        PBYTE token = nullptr;
        DWORD size = 0;
        CHECK(static_cast<IHttpRequest2*>(request)->GetChannelBindingToken(&token, &size) ==
              E_NOTIMPL);
    }
    CHECK_FALSE(fake.has_header("X-New"));
    CHECK_FALSE(fake.has_header("Referer"));
    CHECK(fake.has_header("X-Keep"));
    CHECK(fake.has_header("Host"));
    CHECK(fake.method() == "GET");
    CHECK(fake.body_consumed() == 0);
    CHECK(fake.header_change_number() == 0);
    CHECK(request->GetRemainingEntityBytes() == 4);  // nothing inserted
    CHECK(fake.misuses().empty());
    // The log shows the injected results.
    const std::vector<iisfake::Call> calls = fake.calls();
    REQUIRE_FALSE(calls.empty());
    CHECK(calls.front().method == Method::SetHeader);
    CHECK(calls.front().result == no_memory);

    fake.clear_faults();
    CHECK(request->SetHeader("X-New", "v", 1, TRUE) == S_OK);
    CHECK(request->DeleteHeader("X-Keep") == S_OK);
    CHECK(request->SetHttpMethod("PUT") == S_OK);
    char buffer[4];
    DWORD received = 0;
    CHECK(request->ReadEntityBody(buffer, 4, FALSE, &received) == S_OK);
    CHECK(std::string(buffer, received) == "abcd");
}

TEST_CASE("STYLE-6, REQ-HC-1: fail(GetHeaderChanges) returns the injected result",
          "[fake_request][misc][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    fake.fail(Method::GetHeaderChanges, no_memory);
    PCSTR known[HttpHeaderRequestMaximum] = {};
    DWORD count = 0, diffed_count = 0, number = 7;
    PCSTR* names = nullptr;
    PCSTR* values = nullptr;
    DWORD diffed[HttpHeaderRequestMaximum + 1];
    DWORD* diffed_unknown = nullptr;
    CHECK(request->GetHeaderChanges(0, &number, known, &count, &names, &values, diffed,
                                    &diffed_count, &diffed_unknown) == no_memory);
    CHECK(number == 7);
    CHECK(known[HttpHeaderHost] == nullptr);
}

TEST_CASE(
    "STYLE-6, REQ-READ-4, REQ-URL-4: fail_nth fails only the nth call, counting every "
    "call since construction",
    "[fake_request][misc][sync]") {
    SECTION("reads: the failed read consumes nothing") {
        FakeHttpRequest fake(RequestBuilder().body("abcdef"));
        IHttpRequest* request = &fake;
        fake.fail_nth(Method::ReadEntityBody, 2, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        char buffer[2];
        DWORD received = 0;
        REQUIRE(request->ReadEntityBody(buffer, 2, FALSE, &received) == S_OK);
        CHECK(std::string(buffer, received) == "ab");
        received = 99;
        CHECK(request->ReadEntityBody(buffer, 2, FALSE, &received) ==
              HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        CHECK(received == 0);
        REQUIRE(request->ReadEntityBody(buffer, 2, FALSE, &received) == S_OK);
        CHECK(std::string(buffer, received) == "cd");
    }
    SECTION("calls made before fail_nth count") {
        FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        REQUIRE(request->SetHeader("X-1", "1", 1, TRUE) == S_OK);
        fake.fail_nth(Method::SetHeader, 2, no_memory);
        CHECK(request->SetHeader("X-2", "2", 1, TRUE) == no_memory);  // the second call
        CHECK(request->SetHeader("X-3", "3", 1, TRUE) == S_OK);
        CHECK(fake.has_header("X-1"));
        CHECK_FALSE(fake.has_header("X-2"));
        CHECK(fake.has_header("X-3"));
    }
    SECTION("counted with record_calls off too") {
        iisfake::Options knobs;
        knobs.record_calls = false;
        FakeHttpRequest fake(RequestBuilder().options(knobs));
        IHttpRequest* request = &fake;
        fake.fail_nth(Method::SetUrl, 3, no_memory);
        CHECK(request->SetUrl(L"/1", 2, TRUE) == S_OK);
        CHECK(request->SetUrl(L"/2", 2, TRUE) == S_OK);
        CHECK(request->SetUrl(L"/3", 2, TRUE) == no_memory);
        CHECK(request->SetUrl(L"/4", 2, TRUE) == S_OK);
        CHECK(fake.url() == "/4");
        CHECK(fake.calls().empty());
    }
}

// ---- call log -----------------------------------------------------------------------------------

TEST_CASE(
    "STYLE-3, REQ-RAW-3: the call log records every SDK call in order, with arguments "
    "and results",
    "[fake_request][misc][sync]") {
    SECTION("record_calls = true (default)") {
        FakeHttpRequest fake(RequestBuilder().body("hi"));
        IHttpRequest* request = &fake;
        const IHttpRequest* const_request = &fake;
        CHECK(fake.options().record_calls);
        CHECK(fake.calls().empty());  // construction records nothing

        char buffer[8];
        DWORD received = 0;
        (void)const_request->GetHeader("Host");
        (void)const_request->GetHeader(HttpHeaderContentLength);
        (void)request->SetHeader("X-A", "1", 1, TRUE);
        (void)request->DeleteHeader(HttpHeaderReferer);
        (void)request->GetRemainingEntityBytes();
        (void)request->ReadEntityBody(buffer, 8, FALSE, &received);
        (void)request->ReadEntityBody(buffer, 8, FALSE, &received);
        (void)request->SetHttpMethod("PUT");
        (void)request->SetUrl(L"/x", 2, TRUE);
        (void)const_request->GetRawHttpRequest();
        (void)request->GetRawHttpRequest();
        (void)const_request->GetSiteId();

        struct Expected {
            Method method;
            const char* arguments;
            HRESULT result;
        };
        const Expected expected[] = {
            {Method::GetHeader, "Host", S_OK},
            {Method::GetHeader, "11", S_OK},
            {Method::SetHeader, "X-A", S_OK},
            {Method::DeleteHeader, "36", S_OK},
            {Method::GetRemainingEntityBytes, "2", S_OK},
            {Method::ReadEntityBody, "8, sync", S_OK},
            {Method::ReadEntityBody, "8, sync", eof},
            {Method::SetHttpMethod, "PUT", S_OK},
            {Method::SetUrl, "/x, TRUE", S_OK},
            {Method::GetRawHttpRequest, "const", S_OK},
            {Method::GetRawHttpRequest, "", S_OK},
            {Method::GetSiteId, "", S_OK},
        };
        const std::vector<iisfake::Call> calls = fake.calls();
        REQUIRE(calls.size() == sizeof expected / sizeof expected[0]);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            CAPTURE(i);
            CHECK(std::string(iisfake::method_name(calls[i].method)) ==
                  iisfake::method_name(expected[i].method));
            CHECK(calls[i].arguments == expected[i].arguments);
            CHECK(calls[i].result == expected[i].result);
        }

        fake.clear_calls();
        CHECK(fake.calls().empty());
        (void)const_request->GetUrlChanged();
        REQUIRE(fake.calls().size() == 1);
        CHECK(fake.calls()[0].method == Method::GetUrlChanged);
    }
    SECTION("record_calls = false") {
        FakeHttpRequest fake;
        fake.options().record_calls = false;
        IHttpRequest* request = &fake;
        (void)request->GetHeader("Host");
        (void)request->SetHeader("X-A", "1", 1, TRUE);
        (void)request->GetRawHttpRequest();
        CHECK(fake.calls().empty());
        CHECK(fake.header("X-A") == "1");  // the calls still take effect
    }
}

TEST_CASE(
    "STYLE-3, REQ-SH-1, REQ-DH-1: misuses() and the call log agree; a misused call is "
    "logged with the HRESULT returned",
    "[fake_request][misc][sync]") {
    FakeHttpRequest fake;
    fake.set_misuse_handler(iisfake::ignore_misuse);
    IHttpRequest* request = &fake;
    CHECK(request->SetHeader(nullptr, "v", 1, TRUE) == E_INVALIDARG);
    REQUIRE(fake.calls().size() == 1);
    CHECK(fake.calls()[0].method == Method::SetHeader);
    CHECK(fake.calls()[0].arguments == "NULL");
    CHECK(fake.calls()[0].result == E_INVALIDARG);
    REQUIRE(fake.misuses().size() == 1);
    CHECK(fake.misuses()[0].message().find("IHttpRequest::SetHeader") != std::string::npos);

    // A handler of the test's own sees every report.
    std::vector<std::string> seen;
    fake.set_misuse_handler(
        [&seen](const iisfake::Misuse& misuse) { seen.push_back(misuse.rule); });
    CHECK(request->DeleteHeader(static_cast<PCSTR>(nullptr)) == E_INVALIDARG);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == "REQ-DH-1");
    CHECK(fake.misuses().size() == 2);
}

// ---- misuse: NULL where the SDK requires a pointer
// ------------------------------------------------

TEST_CASE(
    "REQ-GH-7, REQ-SH-1, REQ-SH-4, REQ-DH-1, REQ-M-2: NULL names, values and methods are "
    "misuse",
    "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec = RequestBuilder().header("X-A", "1");
    CHECK(E_INVALIDARG == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));  // T-24

    check_misuse(spec, "IHttpRequest::GetHeader", "REQ-GH-7", S_OK, [](FakeHttpRequest& fake) {
        const IHttpRequest* request = &fake;
        USHORT cch = 5;
        const PCSTR value = request->GetHeader(static_cast<PCSTR>(nullptr), &cch);
        return value == nullptr && cch == 0 ? S_OK : E_UNEXPECTED;
    });
    check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHeader(static_cast<PCSTR>(nullptr), "v", 1, TRUE);
                 });
    check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHeader("X-A", nullptr, 3, TRUE);
                 });
    check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHeader(HttpHeaderReferer, nullptr, 3, FALSE);
                 });
    check_misuse(spec, "IHttpRequest::DeleteHeader", "REQ-DH-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->DeleteHeader(static_cast<PCSTR>(nullptr));
                 });
    check_misuse(spec, "IHttpRequest::SetHttpMethod", "REQ-M-2", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHttpMethod(nullptr);
                 });
}

TEST_CASE("REQ-URL-3, REQ-READ-4, REQ-INS-2: NULL URLs and buffers are misuse",
          "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec = RequestBuilder().body("body");
    check_misuse(spec, "IHttpRequest::SetUrl", "REQ-URL-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetUrl(static_cast<PCWSTR>(nullptr), 4, TRUE);
                 });
    check_misuse(spec, "IHttpRequest::SetUrl", "REQ-URL-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetUrl(static_cast<PCSTR>(nullptr), 4, TRUE);
                 });
    check_misuse(spec, "IHttpRequest::ReadEntityBody", "REQ-READ-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     DWORD received = 99;
                     const HRESULT hr = request->ReadEntityBody(nullptr, 10, FALSE, &received);
                     return received == 0 ? hr : E_UNEXPECTED;
                 });
    check_misuse(spec, "IHttpRequest3::ReadEntityBody", "REQ-READ-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest3* request = &fake;
                     DWORD received = 0;
                     return request->ReadEntityBody(nullptr, 10, FALSE, nullptr, nullptr,
                                                    &received);
                 });
    check_misuse(spec, "IHttpRequest4::ReadEntityBody", "REQ-READ-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest4* request = &fake;
                     DWORD received = 0;
                     return request->ReadEntityBody(nullptr, 10, FALSE, 0, &received);
                 });
    check_misuse(spec, "IHttpRequest::ReadEntityBody", "REQ-READ-4", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     char buffer[4];
                     DWORD received = 0;
                     return request->ReadEntityBody(buffer, 0, FALSE, &received);  // cbBuffer 0
                 });
    check_misuse(spec, "IHttpRequest::InsertEntityBody", "REQ-INS-2", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->InsertEntityBody(nullptr, 5);
                 });
}

TEST_CASE("REQ-VER-1, REQ-CERT-1, REQ-CBT-1, REQ-HC-2: NULL out-parameters are misuse",
          "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec =
        RequestBuilder().client_certificate("DER").channel_binding_token("t");
    check_misuse(spec, "IHttpRequest::GetHttpVersion", "REQ-VER-1", S_OK,
                 [](FakeHttpRequest& fake) {
                     const IHttpRequest* request = &fake;
                     USHORT minor = 77;
                     request->GetHttpVersion(nullptr, &minor);
                     return minor == 77 ? S_OK : E_UNEXPECTED;  // the fake writes nothing
                 });
    check_misuse(spec, "IHttpRequest::GetHttpVersion", "REQ-VER-1", S_OK,
                 [](FakeHttpRequest& fake) {
                     const IHttpRequest* request = &fake;
                     USHORT major = 77;
                     request->GetHttpVersion(&major, nullptr);
                     return major == 77 ? S_OK : E_UNEXPECTED;
                 });
    check_misuse(spec, "IHttpRequest::GetClientCertificate", "REQ-CERT-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     BOOL negotiated = 7;
                     const HRESULT hr = request->GetClientCertificate(nullptr, &negotiated);
                     return negotiated == 7 ? hr : E_UNEXPECTED;
                 });
    check_misuse(spec, "IHttpRequest::GetClientCertificate", "REQ-CERT-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
                     const HRESULT hr = request->GetClientCertificate(&info, nullptr);
                     return info == nullptr ? hr : E_UNEXPECTED;
                 });
    check_misuse(spec, "IHttpRequest2::GetChannelBindingToken", "REQ-CBT-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest2* request = &fake;
                     DWORD size = 9;
                     const HRESULT hr = request->GetChannelBindingToken(nullptr, &size);
                     return size == 9 ? hr : E_UNEXPECTED;
                 });
    check_misuse(spec, "IHttpRequest2::GetChannelBindingToken", "REQ-CBT-1", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest2* request = &fake;
                     PBYTE token = nullptr;
                     return request->GetChannelBindingToken(&token, nullptr);
                 });
    check_misuse(
        spec, "IHttpRequest::GetHeaderChanges", "REQ-HC-2", E_INVALIDARG,
        [](FakeHttpRequest& fake) {
            IHttpRequest* request = &fake;
            PCSTR known[HttpHeaderRequestMaximum] = {};
            DWORD count = 0, diffed_count = 0;
            PCSTR* names = nullptr;
            PCSTR* values = nullptr;
            DWORD diffed[HttpHeaderRequestMaximum + 1];
            DWORD* diffed_unknown = nullptr;
            const HRESULT hr = request->GetHeaderChanges(0, nullptr, known, &count, &names, &values,
                                                         diffed, &diffed_count, &diffed_unknown);
            return known[HttpHeaderHost] == nullptr && names == nullptr ? hr : E_UNEXPECTED;
        });
}

// ---- failures that depend on the request's data: the HRESULT, no misuse ----------------------

TEST_CASE(
    "T-5, REQ-SH-4: appending past 65535 bytes returns ERROR_INVALID_DATA and is no misuse "
    "(a client's header can be that long)",
    "[fake_request][misc][sync]") {
    const std::string big(65535, 'a');
    const RequestBuilder spec = RequestBuilder().header("X-Big", big).header("Cookie", big);
    CHECK(invalid_data == static_cast<HRESULT>(0x8007000Du));
    check_data_failure(spec, invalid_data, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader("X-Big", "", 0, FALSE);  // the separator alone overflows
    });
    check_data_failure(spec, invalid_data, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader(HttpHeaderCookie, "x", 1, FALSE);
    });
    check_data_failure(spec, invalid_data, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader("cookie", "x", 1, FALSE);
    });
}

TEST_CASE("T-5: a header name beyond the USHORT NameLength returns ERROR_INVALID_DATA",
          "[fake_request][misc][sync]") {
    check_data_failure(RequestBuilder(), invalid_data, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        const std::string name = "X-" + std::string(65534, 'n');  // 65536 bytes
        return request->SetHeader(name.c_str(), "v", 1, TRUE);
    });
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const std::string longest(65535, 'n');
    REQUIRE(request->SetHeader(longest.c_str(), "v", 1, TRUE) == S_OK);
    CHECK(request->GetRawHttpRequest()->Headers.pUnknownHeaders[0].NameLength == 65535);
}

TEST_CASE("T-5: a 65536th unknown header returns ERROR_INVALID_DATA",
          "[fake_request][misc][sync]") {
    RequestBuilder spec;
    for (unsigned i = 0; i < 65535u; ++i) spec.header("X-" + std::to_string(i), "v");
    {
        FakeHttpRequest full(spec);
        CHECK(full.GetRawHttpRequest()->Headers.UnknownHeaderCount == 65535);
    }
    check_data_failure(spec, invalid_data, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader("X-One-Too-Many", "v", 1, TRUE);
    });
    RequestBuilder too_many = spec;
    too_many.header("X-One-Too-Many", "v");
    CHECK_THROWS_AS(FakeHttpRequest(too_many), std::invalid_argument);
}

TEST_CASE(
    "REQ-URL-4, REQ-M-2: a rewrite past the cooked URL's 65535 bytes, or a method past 65535 "
    "bytes, returns E_INVALIDARG and is no misuse",
    "[fake_request][misc][sync]") {
    const RequestBuilder spec = RequestBuilder().url("/start");
    // 40000 characters make more than 65535 bytes whatever sizeof(WCHAR) is (2 or 4).
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        const std::wstring url = L"/" + std::wstring(40000, L'a');
        return request->SetUrl(url.c_str(), static_cast<DWORD>(url.size()), TRUE);
    });
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        const std::string url = "/" + std::string(40000, 'a');
        return request->SetUrl(url.c_str(), static_cast<DWORD>(url.size()), FALSE);
    });
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        const std::string method(65536, 'M');
        return request->SetHttpMethod(method.c_str());
    });
    // The longest method that fits is taken whole.
    FakeHttpRequest fake(spec);
    IHttpRequest* request = &fake;
    const std::string longest(65535, 'M');
    REQUIRE(request->SetHttpMethod(longest.c_str()) == S_OK);
    CHECK(request->GetRawHttpRequest()->UnknownVerbLength == 65535);
    CHECK(std::strlen(request->GetHttpMethod()) == 65535);
}

TEST_CASE(
    "REQ-SH-3, REQ-SH-4: CR or LF in a header value returns E_INVALIDARG and is no misuse (the "
    "value may come from the client: header injection)",
    "[fake_request][misc][sync]") {
    const RequestBuilder spec = RequestBuilder().header("X-A", "1");
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader("X-A", "a\r\nX-Evil: 1", 12, TRUE);
    });
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader(HttpHeaderUserAgent, "a\nb", 3, TRUE);
    });
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHeader("X-A", "tail\r", 5, FALSE);
    });
}

TEST_CASE(
    "REQ-M-2: a method that is not an HTTP token is stored as given with S_OK (the "
    "documentation lists no error for it; a knob makes it fail)",
    "[fake_request][misc][sync]") {
    for (const char* method : {"GE T", "", "GET\r\n", "x-http-method-override: DELETE"}) {
        CAPTURE(method);
        FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        REQUIRE(request->SetHttpMethod(method) == S_OK);
        CHECK(std::strcmp(request->GetHttpMethod(), method) == 0);
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        CHECK(raw->Verb == HttpVerbUnknown);
        CHECK(raw->UnknownVerbLength == std::strlen(method));
        CHECK(fake.misuses().empty());
    }
    RequestBuilder spec;
    iisfake::Options knobs;
    knobs.non_token_method_result = E_INVALIDARG;
    spec.options(knobs);
    check_data_failure(spec, E_INVALIDARG, [](FakeHttpRequest& fake) {
        IHttpRequest* request = &fake;
        return request->SetHttpMethod("GE T");
    });
}

// ---- misuse: names that are not tokens, unknown ids, cch past the data --------------------------

TEST_CASE("REQ-SH-4: a header name that is not an HTTP token is misuse",
          "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec = RequestBuilder();
    for (const char* name : {"Bad Name", "", "X-A:", "X\tA", "X(A)"}) {
        CAPTURE(name);
        check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-4", E_INVALIDARG,
                     [name](FakeHttpRequest& fake) {
                         IHttpRequest* request = &fake;
                         return request->SetHeader(name, "v", 1, TRUE);
                     });
    }
}

TEST_CASE(
    "REQ-GH-6, T-6: a header id outside the request range (0..40) is misuse, also -1 (\"not "
    "found\") and ids past the enumeration, which must never index the slots",
    "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec = RequestBuilder();
    for (const int id : {41, 64, 1000, -1}) {
        CAPTURE(id);
        const auto header = static_cast<HTTP_HEADER_ID>(id);
        check_misuse(spec, "IHttpRequest::GetHeader", "REQ-GH-6", S_OK,
                     [header](FakeHttpRequest& fake) {
                         const IHttpRequest* request = &fake;
                         USHORT cch = 5;
                         const PCSTR value = request->GetHeader(header, &cch);
                         return value == nullptr && cch == 0 ? S_OK : E_UNEXPECTED;
                     });
        check_misuse(spec, "IHttpRequest::SetHeader", "REQ-GH-6", E_INVALIDARG,
                     [header](FakeHttpRequest& fake) {
                         IHttpRequest* request = &fake;
                         return request->SetHeader(header, "v", 1, TRUE);
                     });
        check_misuse(spec, "IHttpRequest::DeleteHeader", "REQ-GH-6", E_INVALIDARG,
                     [header](FakeHttpRequest& fake) {
                         IHttpRequest* request = &fake;
                         return request->DeleteHeader(header);
                     });
        CHECK_THROWS_AS(RequestBuilder().header(header, "v"), std::invalid_argument);
    }
#if !defined(_WIN32)
    // As MSVC gives every enumeration: any int is a value of the type, so -1 and 64 are not
    // undefined behaviour on their way into the fake (UBSan checks this in CI).
    static_assert(std::is_same<std::underlying_type<HTTP_HEADER_ID>::type, int>::value,
                  "HTTP_HEADER_ID has int as its fixed underlying type");
#endif
}

TEST_CASE("REQ-SH-3, REQ-URL-3: a cch that runs past the caller's data is misuse",
          "[fake_request][misc][misuse][sync]") {
    const RequestBuilder spec = RequestBuilder().header("X-A", "1");
    check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHeader("X-A", "ab", 5, TRUE);  // (USHORT)strlen gone wrong
                 });
    check_misuse(spec, "IHttpRequest::SetHeader", "REQ-SH-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetHeader(HttpHeaderAccept, "ab", 3, FALSE);
                 });
    check_misuse(spec, "IHttpRequest::SetUrl", "REQ-URL-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetUrl(L"/ab", 10, TRUE);
                 });
    check_misuse(spec, "IHttpRequest::SetUrl", "REQ-URL-3", E_INVALIDARG,
                 [](FakeHttpRequest& fake) {
                     IHttpRequest* request = &fake;
                     return request->SetUrl("/ab", 10, TRUE);
                 });
}

// ---- builder input errors
// -------------------------------------------------------------------------

TEST_CASE(
    "STYLE-2, REQ-M-1, REQ-URL-4, REQ-SH-3, T-5, REQ-ADDR-1: RequestBuilder input a client "
    "could not have sent throws std::invalid_argument",
    "[fake_request][misc][sync]") {
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().method("GE T")), std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().method("")), std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().url("relative")), std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().url("")), std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().url("/" + std::string(65535, 'a'))),
                      std::invalid_argument);
    // Fits pRawUrl but not the cooked URL's USHORT byte lengths.
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().url("/" + std::string(40000, 'a'))),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("Bad Name", "v")),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("", "v")), std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("X-A", "a\r\nb")),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("X-A", "a\nb")),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("X-A", std::string("a\0b", 3))),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().header("X-A", std::string(65536, 'a'))),
                      std::invalid_argument);
    // Repeats of a known header joined beyond 65535 bytes.
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder()
                                          .header("Accept", std::string(40000, 'a'))
                                          .header("Accept", std::string(40000, 'b'))),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(RequestBuilder().header(HttpHeaderRequestMaximum, "v"),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().local_address("not-an-ip", 80)),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().remote_address("256.0.0.1", 1)),
                      std::invalid_argument);
    REQUIRE_THROWS_AS(FakeHttpRequest(RequestBuilder().remote_address("1::2::3", 1)),
                      std::invalid_argument);

    // And the valid neighbours of those inputs do not throw.
    REQUIRE_NOTHROW(FakeHttpRequest(RequestBuilder()
                                        .url("/" + std::string(16000, 'a'))
                                        .header("X-A", std::string(65535, 'a'))));
    REQUIRE_NOTHROW(FakeHttpRequest(RequestBuilder().header(HttpHeaderUserAgent, "v")));
}

// What http.sys answers with 400 Bad Request itself never reaches a module.
TEST_CASE(
    "REQ-RAW-1, T-5, REQ-READ-4: a URL, method, Content-Length or Host header that http.sys "
    "would refuse throws std::invalid_argument naming the problem",
    "[fake_request][misc][sync]") {
    auto problem = [](const RequestBuilder& spec) {
        try {
            FakeHttpRequest fake(spec);
        } catch (const std::invalid_argument& error) {
            return std::string(error.what());
        }
        return std::string("<accepted>");
    };
    // Bytes no request line can hold: the raw URL would disagree with its own strlen.
    for (const std::string& url : {std::string("/a\0b", 4), std::string("/a\rb"),
                                   std::string("/a\nb"), std::string("/a b"),
                                   std::string("/a\tb"), std::string("/a\x7f")}) {
        CAPTURE(url);
        CHECK(problem(RequestBuilder().url(url)).find("URL") != std::string::npos);
    }
    // A method whose length UnknownVerbLength (a USHORT) cannot hold; the longest that fits.
    CHECK(problem(RequestBuilder().method(std::string(65536, 'M'))).find("method") !=
          std::string::npos);
    {
        FakeHttpRequest longest(RequestBuilder().method(std::string(65535, 'M')));
        CHECK(longest.GetRawHttpRequest()->UnknownVerbLength == 65535);
    }
    // Content-Length that is not a number, or too large for any body.
    for (const char* length : {"abc", "12x", "", "-1", "99999999999999999999999", "5, 5"}) {
        CAPTURE(length);
        CHECK(problem(RequestBuilder().header("Content-Length", length).body("hello"))
                  .find("Content-Length") != std::string::npos);
    }
    CHECK(problem(RequestBuilder().header("Content-Length", "007").body("1234567")) ==
          "<accepted>");
    // A Host header that is no host: the cooked URL would come out as "http://x/y?z:80/".
    for (const char* host : {"x/y?z", "[::1", "[::1]x", "a b", "host:", "host:65536",
                             "host:8o", "[not-v6]", "us\xC3\xA9r"}) {
        CAPTURE(host);
        CHECK(problem(RequestBuilder().header("Host", host)).find("Host") != std::string::npos);
    }
    for (const char* host : {"www.example.com", "example.com:8080", "[2001:db8::1]:443",
                             "[::1]", "192.0.2.7:80", ""}) {
        CAPTURE(host);
        CHECK(problem(RequestBuilder().header("Host", host)) == "<accepted>");
    }
    // Two Host headers join into one slot: http.sys refuses that too.
    CHECK(problem(RequestBuilder().header("Host", "a").header("Host", "b")) != "<accepted>");
}

TEST_CASE(
    "REQ-ADDR-1: IPv4 parts with leading zeros are refused; an IPv6 zone id is accepted and "
    "lands in sin6_scope_id",
    "[fake_request][misc][sync]") {
    for (const char* ip : {"0001.2.3.4", "01.2.3.4", "1.2.3.04", "1.2.3.4.5", "::ffff:01.2.3.4",
                           "fe80::1%", "fe80::1%eth0", "fe80::1%99999999999", "1.2.3.4%1"}) {
        CAPTURE(ip);
        CHECK_THROWS_AS(FakeHttpRequest(RequestBuilder().remote_address(ip, 1)),
                        std::invalid_argument);
    }
    CHECK_NOTHROW(FakeHttpRequest(RequestBuilder().remote_address("0.0.0.0", 1)));
    CHECK_NOTHROW(FakeHttpRequest(RequestBuilder().remote_address("10.0.100.1", 1)));

    FakeHttpRequest fake(RequestBuilder()
                             .remote_address("fe80::1%3", 50000)
                             .local_address("[fe80::2%4]", 8080)
                             .remove_header("Host"));
    const IHttpRequest* request = &fake;
    SOCKADDR_IN6 remote;
    std::memcpy(&remote, request->GetRemoteAddress(), sizeof remote);
    CHECK(remote.sin6_family == AF_INET6);
    CHECK(remote.sin6_scope_id == 3u);
    CHECK(fake.remote_address() == "fe80::1%3");
    CHECK(fake.local_address() == "fe80::2%4");
    // Without a Host header the cooked URL names the local address, without its zone.
    CHECK(fake.full_url() == "http://[fe80::2]:8080/");
}

TEST_CASE(
    "One error policy: throw_misuse_except records the rules a test names and throws for "
    "every other",
    "[fake_request][misc][misuse][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    fake.set_misuse_handler(iisfake::throw_misuse_except({"REQ-GH-7", "REQ-SH-3"}));
    CHECK(request->GetHeader(static_cast<PCSTR>(nullptr)) == nullptr);
    CHECK(request->SetHeader("X-A", "ab", 4, TRUE) == E_INVALIDARG);
    CHECK_THROWS_AS(request->DeleteHeader(static_cast<PCSTR>(nullptr)), iisfake::MisuseError);
    REQUIRE(fake.misuses().size() == 3);
    CHECK(fake.misuses()[0].rule == "REQ-GH-7");
    CHECK(fake.misuses()[1].rule == "REQ-SH-3");
    CHECK(fake.misuses()[2].rule == "REQ-DH-1");
}
