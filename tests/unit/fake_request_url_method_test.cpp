// Method and URL behaviour of iisfake::FakeHttpRequest, driven through IHttpRequest*: GetHttpMethod
// / SetHttpMethod and the Verb enum, the cooked URL layout (byte lengths are WCHAR counts times
// sizeof(WCHAR): 4 on Linux, 2 on Windows), SetUrl in both overloads, query string reset,
// GetUrlChanged, GetForwardedUrl and local host names, and the raw URL left as the client sent
// it (spec §1.2 REQ-M, REQ-URL, REQ-UC, REQ-FU; traps T-2, T-12..T-15).
#include <cstring>
#include <cwchar>
#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpRequest;
using iisfake::RequestBuilder;

// A cooked-URL part as a wide string; its byte length must be a whole number of WCHARs.
std::wstring part(PCWSTR text, USHORT bytes) {
    CHECK(bytes % sizeof(WCHAR) == 0);
    return text ? std::wstring(text, bytes / sizeof(WCHAR)) : std::wstring(L"<null>");
}

DWORD count_of(const wchar_t* text) { return static_cast<DWORD>(std::wcslen(text)); }

// Checks the invariants of REQ-URL-6: the four pointers lie in one NUL-terminated buffer, in
// order, and FullUrlLength is the sum of the parts plus the scheme.
void check_layout(const HTTP_COOKED_URL& cooked, const std::wstring& scheme) {
    REQUIRE(cooked.pFullUrl != nullptr);
    REQUIRE(cooked.pHost != nullptr);
    REQUIRE(cooked.pAbsPath != nullptr);
    CHECK(part(cooked.pFullUrl, static_cast<USHORT>(scheme.size() * sizeof(WCHAR))) == scheme);
    CHECK(cooked.pHost == cooked.pFullUrl + scheme.size());
    CHECK(cooked.pAbsPath == cooked.pHost + cooked.HostLength / sizeof(WCHAR));
    if (cooked.pQueryString) {
        CHECK(cooked.pQueryString == cooked.pAbsPath + cooked.AbsPathLength / sizeof(WCHAR));
        CHECK(cooked.pQueryString[0] == L'?');
    } else {
        CHECK(cooked.QueryStringLength == 0);
    }
    CHECK(cooked.FullUrlLength == scheme.size() * sizeof(WCHAR) + cooked.HostLength +
                                      cooked.AbsPathLength + cooked.QueryStringLength);
    CHECK(cooked.pFullUrl[cooked.FullUrlLength / sizeof(WCHAR)] == L'\0');
}

struct VerbName {
    const char* text;
    HTTP_VERB verb;
};

}  // namespace

// ---- method -----------------------------------------------------------------------------------

TEST_CASE(
    "REQ-M-1, REQ-RAW-3: GetHttpMethod returns the method, NUL-terminated, through a const "
    "pointer",
    "[fake_request][url][sync]") {
    SECTION("default GET") {
        FakeHttpRequest fake;
        const IHttpRequest* request = &fake;
        const PCSTR method = request->GetHttpMethod();
        REQUIRE(method != nullptr);
        CHECK(std::strcmp(method, "GET") == 0);
        CHECK(request->GetRawHttpRequest()->Verb == HttpVerbGET);
        CHECK(request->GetRawHttpRequest()->pUnknownVerb == nullptr);
        CHECK(request->GetRawHttpRequest()->UnknownVerbLength == 0);
    }
    SECTION("a known verb from the builder") {
        FakeHttpRequest fake(RequestBuilder().method("POST"));
        const IHttpRequest* request = &fake;
        CHECK(std::strcmp(request->GetHttpMethod(), "POST") == 0);
        CHECK(request->GetRawHttpRequest()->Verb == HttpVerbPOST);
    }
    SECTION("a verb outside HTTP_VERB from the builder") {
        FakeHttpRequest fake(RequestBuilder().method("PATCH"));
        const IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        CHECK(std::strcmp(request->GetHttpMethod(), "PATCH") == 0);
        CHECK(raw->Verb == HttpVerbUnknown);
        REQUIRE(raw->pUnknownVerb != nullptr);
        CHECK(raw->UnknownVerbLength == 5);
        CHECK(std::strcmp(raw->pUnknownVerb, "PATCH") == 0);
    }
}

TEST_CASE(
    "REQ-M-2, REQ-M-3, T-15: SetHttpMethod changes GetHttpMethod and Verb together; case is "
    "kept",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    REQUIRE(request->SetHttpMethod("HEAD") == S_OK);
    CHECK(std::strcmp(request->GetHttpMethod(), "HEAD") == 0);
    CHECK(raw->Verb == HttpVerbHEAD);  // ANCM tests Verb != HttpVerbHEAD
    CHECK(raw->pUnknownVerb == nullptr);
    CHECK(raw->UnknownVerbLength == 0);

    REQUIRE(request->SetHttpMethod("get") == S_OK);
    CHECK(std::strcmp(request->GetHttpMethod(), "get") == 0);
    CHECK(raw->Verb == HttpVerbUnknown);
    REQUIRE(raw->pUnknownVerb != nullptr);
    CHECK(raw->UnknownVerbLength == 3);
    CHECK(std::strcmp(raw->pUnknownVerb, "get") == 0);
    CHECK(fake.method() == "get");

    char custom[] = "PURGE";
    REQUIRE(request->SetHttpMethod(custom) == S_OK);
    custom[0] = 'Q';  // the server keeps its own copy
    CHECK(std::strcmp(request->GetHttpMethod(), "PURGE") == 0);
    CHECK(std::string(raw->pUnknownVerb, raw->UnknownVerbLength) == "PURGE");

    // Back to a known verb: the unknown-verb fields are cleared.
    REQUIRE(request->SetHttpMethod("DELETE") == S_OK);
    CHECK(raw->Verb == HttpVerbDELETE);
    CHECK(raw->pUnknownVerb == nullptr);
    CHECK(raw->UnknownVerbLength == 0);
    CHECK(std::strcmp(request->GetHttpMethod(), "DELETE") == 0);
}

TEST_CASE("REQ-M-3: every HTTP_VERB name maps to its enumerator, exactly and case-sensitively",
          "[fake_request][url][sync]") {
    static const VerbName verbs[] = {{"OPTIONS", HttpVerbOPTIONS},
                                     {"GET", HttpVerbGET},
                                     {"HEAD", HttpVerbHEAD},
                                     {"POST", HttpVerbPOST},
                                     {"PUT", HttpVerbPUT},
                                     {"DELETE", HttpVerbDELETE},
                                     {"TRACE", HttpVerbTRACE},
                                     {"CONNECT", HttpVerbCONNECT},
                                     {"TRACK", HttpVerbTRACK},
                                     {"MOVE", HttpVerbMOVE},
                                     {"COPY", HttpVerbCOPY},
                                     {"PROPFIND", HttpVerbPROPFIND},
                                     {"PROPPATCH", HttpVerbPROPPATCH},
                                     {"MKCOL", HttpVerbMKCOL},
                                     {"LOCK", HttpVerbLOCK},
                                     {"UNLOCK", HttpVerbUNLOCK},
                                     {"SEARCH", HttpVerbSEARCH}};
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    for (const VerbName& entry : verbs) {
        INFO(entry.text);
        REQUIRE(request->SetHttpMethod(entry.text) == S_OK);
        CHECK(raw->Verb == entry.verb);
        CHECK(raw->pUnknownVerb == nullptr);
        CHECK(std::strcmp(request->GetHttpMethod(), entry.text) == 0);

        FakeHttpRequest built(RequestBuilder().method(entry.text));
        CHECK(built.GetRawHttpRequest()->Verb == entry.verb);
    }
    REQUIRE(request->SetHttpMethod("Options") == S_OK);
    CHECK(raw->Verb == HttpVerbUnknown);
    REQUIRE(request->SetHttpMethod("GETX") == S_OK);
    CHECK(raw->Verb == HttpVerbUnknown);
}

TEST_CASE("T-2: with poison_replaced_values a replaced unknown verb reads as \"<stale>\"",
          "[fake_request][url][sync]") {
    SECTION("poison on") {
        iisfake::Options knobs;
        knobs.poison_replaced_values = true;
        FakeHttpRequest fake(RequestBuilder().method("PURGE").options(knobs));
        IHttpRequest* request = &fake;
        const PCSTR old = request->GetHttpMethod();
        REQUIRE(request->SetHttpMethod("GET") == S_OK);
        CHECK(std::string(old, 5) == "<stal");
    }
    SECTION("poison off (default)") {
        FakeHttpRequest fake(RequestBuilder().method("PURGE"));
        IHttpRequest* request = &fake;
        const PCSTR old = request->GetHttpMethod();
        REQUIRE(request->SetHttpMethod("GET") == S_OK);
        CHECK(std::strcmp(old, "PURGE") == 0);
    }
}

// ---- the cooked URL as built --------------------------------------------------------------------

TEST_CASE(
    "REQ-URL-6, T-12, T-13: the cooked URL is one wide buffer with byte lengths in "
    "sizeof(WCHAR); the raw URL stays encoded",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake(
        RequestBuilder().url("/a%20b/c.aspx?x=1&y=%41").header("Host", "www.example.com"));
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    const HTTP_COOKED_URL& cooked = raw->CookedUrl;

    check_layout(cooked, L"http://");
    CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) ==
          L"http://www.example.com:80/a b/c.aspx?x=1&y=%41");
    CHECK(cooked.FullUrlLength == 46 * sizeof(WCHAR));
    CHECK(part(cooked.pHost, cooked.HostLength) == L"www.example.com:80");
    CHECK(cooked.HostLength == 18 * sizeof(WCHAR));
    CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/a b/c.aspx");  // decoded
    CHECK(cooked.AbsPathLength == 11 * sizeof(WCHAR));
    CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == L"?x=1&y=%41");  // with '?'
    CHECK(cooked.QueryStringLength == 10 * sizeof(WCHAR));
    // ModSecurity's way to the query without its '?'.
    CHECK(std::wstring(cooked.pQueryString + 1, cooked.QueryStringLength / sizeof(WCHAR) - 1) ==
          L"x=1&y=%41");

    REQUIRE(raw->pRawUrl != nullptr);
    CHECK(raw->RawUrlLength == 23);
    CHECK(std::strcmp(raw->pRawUrl, "/a%20b/c.aspx?x=1&y=%41") == 0);

    CHECK(fake.url() == "/a b/c.aspx?x=1&y=%41");
    CHECK(fake.full_url() == "http://www.example.com:80/a b/c.aspx?x=1&y=%41");
    CHECK(fake.raw_url() == "/a%20b/c.aspx?x=1&y=%41");
}

TEST_CASE(
    "REQ-URL-6: the cooked host carries the port, from the Host header or the local "
    "address",
    "[fake_request][url][sync]") {
    SECTION("default request") {
        FakeHttpRequest fake;
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        check_layout(cooked, L"http://");
        CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) == L"http://localhost:80/");
        CHECK(cooked.AbsPathLength == 1 * sizeof(WCHAR));
        CHECK(cooked.pQueryString == nullptr);
        CHECK(cooked.QueryStringLength == 0);
    }
    SECTION("TLS: https and port 443") {
        FakeHttpRequest fake(RequestBuilder().tls());
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        check_layout(cooked, L"https://");
        CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) == L"https://localhost:443/");
    }
    SECTION("Host header with a port") {
        FakeHttpRequest fake(RequestBuilder().header("Host", "example.com:8080").url("/x"));
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        CHECK(part(cooked.pHost, cooked.HostLength) == L"example.com:8080");
        CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) == L"http://example.com:8080/x");
    }
    SECTION("HTTP/1.0 without Host: the local address") {
        FakeHttpRequest fake(RequestBuilder().version(1, 0).remove_header("Host"));
        CHECK(fake.GetHeader(HttpHeaderHost) == nullptr);
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        check_layout(cooked, L"http://");
        CHECK(part(cooked.pHost, cooked.HostLength) == L"127.0.0.1:80");
    }
}

// ---- SetUrl -------------------------------------------------------------------------------------

TEST_CASE(
    "REQ-URL-1, REQ-URL-3, REQ-URL-6, T-13: SetUrl (wide) replaces the cooked URL, counts "
    "WCHARs, and leaves the raw URL alone",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake(RequestBuilder().url("/old/page.aspx?keep=1"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    const PCSTR raw_url = raw->pRawUrl;
    const PCWSTR old_full = raw->CookedUrl.pFullUrl;

    static const wchar_t text[] = L"/new/path.aspxIGNORED";  // cchUrl stops before IGNORED
    REQUIRE(request->SetUrl(text, 14, FALSE) == S_OK);

    const HTTP_COOKED_URL& cooked = raw->CookedUrl;
    check_layout(cooked, L"http://");
    CHECK(cooked.pFullUrl != old_full);  // a fresh buffer
    CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) ==
          L"http://localhost:80/new/path.aspx?keep=1");
    CHECK(part(cooked.pHost, cooked.HostLength) == L"localhost:80");
    CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/new/path.aspx");
    CHECK(cooked.AbsPathLength == 14 * sizeof(WCHAR));
    CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == L"?keep=1");

    CHECK(raw->pRawUrl == raw_url);
    CHECK(raw->RawUrlLength == 21);
    CHECK(std::strcmp(raw->pRawUrl, "/old/page.aspx?keep=1") == 0);
    CHECK(fake.url() == "/new/path.aspx?keep=1");
    CHECK(fake.raw_url() == "/old/page.aspx?keep=1");
}

TEST_CASE(
    "REQ-URL-3, REQ-URL-7: SetUrl (narrow) counts bytes, converts UTF-8 and does not "
    "percent-decode",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const HTTP_COOKED_URL& cooked = request->GetRawHttpRequest()->CookedUrl;

    SECTION("two-byte UTF-8") {
        REQUIRE(request->SetUrl("/caf\xC3\xA9/x", 8, TRUE) == S_OK);  // 8 bytes, 7 characters
        check_layout(cooked, L"http://");
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/caf\u00E9/x");
        CHECK(cooked.AbsPathLength == 7 * sizeof(WCHAR));
        CHECK(fake.url() == "/caf\xC3\xA9/x");
    }
    SECTION("a character outside the BMP: one WCHAR on Linux, a surrogate pair on Windows") {
        REQUIRE(request->SetUrl("/\xF0\x9F\x98\x80", 5, TRUE) == S_OK);
        const std::wstring expected = L"/\U0001F600";
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == expected);
        CHECK(cooked.AbsPathLength == expected.size() * sizeof(WCHAR));
        CHECK(fake.url() == "/\xF0\x9F\x98\x80");
    }
    SECTION("stored as given, without percent-decoding") {
        REQUIRE(request->SetUrl("/a%20b", 6, TRUE) == S_OK);
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/a%20b");
    }
    SECTION("cchUrl shorter than the string") {
        REQUIRE(request->SetUrl("/abcdef", 3, TRUE) == S_OK);
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/ab");
    }
    SECTION("the wide overload with the same text gives the same cooked URL") {
        REQUIRE(request->SetUrl(L"/caf\u00E9/x", 7, TRUE) == S_OK);
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/caf\u00E9/x");
        CHECK(fake.url() == "/caf\xC3\xA9/x");
    }
}

TEST_CASE("REQ-URL-5, T-14: fResetQueryString keeps or replaces the query string",
          "[fake_request][url][sync]") {
    FakeHttpRequest fake(RequestBuilder().url("/page?old=1"));
    IHttpRequest* request = &fake;
    const HTTP_COOKED_URL& cooked = request->GetRawHttpRequest()->CookedUrl;

    SECTION("FALSE, no '?': the old query stays") {
        REQUIRE(request->SetUrl(L"/other", 6, FALSE) == S_OK);
        CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == L"?old=1");
        CHECK(fake.url() == "/other?old=1");
        check_layout(cooked, L"http://");
    }
    SECTION("TRUE, no '?': the query becomes empty and pQueryString NULL") {
        REQUIRE(request->SetUrl(L"/other", 6, TRUE) == S_OK);
        CHECK(cooked.pQueryString == nullptr);
        CHECK(cooked.QueryStringLength == 0);
        CHECK(part(cooked.pFullUrl, cooked.FullUrlLength) == L"http://localhost:80/other");
        check_layout(cooked, L"http://");
    }
    SECTION("TRUE with '?': the new query") {
        REQUIRE(request->SetUrl(L"/other?new=2", 12, TRUE) == S_OK);
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/other");
        CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == L"?new=2");
        check_layout(cooked, L"http://");
    }
    SECTION("FALSE with '?': the new query takes effect anyway (the fake's reading)") {
        REQUIRE(request->SetUrl("/other?new=2", 12, FALSE) == S_OK);
        CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == L"?new=2");
        CHECK(fake.url() == "/other?new=2");
    }
    CHECK(fake.raw_url() == "/page?old=1");
}

TEST_CASE("REQ-UC-1: GetUrlChanged is FALSE until a successful SetUrl, even to the same URL",
          "[fake_request][url][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const IHttpRequest* const_request = &fake;
    CHECK(const_request->GetUrlChanged() == FALSE);

    SECTION("same URL") {
        REQUIRE(request->SetUrl(L"/", 1, FALSE) == S_OK);
        CHECK(const_request->GetUrlChanged() == TRUE);
        CHECK(fake.full_url() == "http://localhost:80/");
    }
    SECTION("a failed SetUrl (not a path) changes nothing") {
        const std::string before = fake.full_url();
        CHECK(request->SetUrl(L"relative", 8, TRUE) == E_INVALIDARG);
        CHECK(request->SetUrl("", 0, TRUE) == E_INVALIDARG);
        CHECK(const_request->GetUrlChanged() == FALSE);
        CHECK(fake.full_url() == before);
        CHECK(fake.misuses().empty());  // an invalid URL is an error IIS returns, not misuse
    }
    SECTION("an injected failure changes nothing") {
        fake.fail(iisfake::Method::SetUrl, HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY));
        CHECK(request->SetUrl(L"/x", 2, TRUE) == HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY));
        CHECK(const_request->GetUrlChanged() == FALSE);
        CHECK(fake.url() == "/");
    }
}

TEST_CASE(
    "REQ-FU-1, REQ-URL-8, T-14: SetUrl to another server's URL forwards it; local URLs "
    "rewrite",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .url("/start?s=1")
                             .header("Host", "www.contoso.com:8080")
                             .local_host_name("alias.example"));
    IHttpRequest* request = &fake;
    const IHttpRequest* const_request = &fake;
    const HTTP_COOKED_URL& cooked = request->GetRawHttpRequest()->CookedUrl;
    CHECK(const_request->GetForwardedUrl() == nullptr);
    const std::string cooked_before = fake.full_url();

    SECTION("a remote absolute URL (wide)") {
        static const wchar_t target[] = L"http://backend.example:8080/api?x=1";
        REQUIRE(request->SetUrl(target, count_of(target), TRUE) == S_OK);
        const PCWSTR forwarded = const_request->GetForwardedUrl();
        REQUIRE(forwarded != nullptr);
        CHECK(forwarded != target);                // the server's copy
        CHECK(std::wstring(forwarded) == target);  // NUL-terminated
        CHECK(fake.forwarded_url() == "http://backend.example:8080/api?x=1");
        CHECK(const_request->GetUrlChanged() == TRUE);
        CHECK(fake.full_url() == cooked_before);  // not a rewrite

        // A later local SetUrl is an ordinary rewrite and clears the forward.
        REQUIRE(request->SetUrl(L"/local", 6, TRUE) == S_OK);
        CHECK(const_request->GetForwardedUrl() == nullptr);
        CHECK(fake.forwarded_url().empty());
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/local");
    }
    SECTION("a remote absolute URL (narrow)") {
        REQUIRE(request->SetUrl("https://other/x", 15, FALSE) == S_OK);
        REQUIRE(const_request->GetForwardedUrl() != nullptr);
        CHECK(std::wstring(const_request->GetForwardedUrl()) == L"https://other/x");
        CHECK(fake.full_url() == cooked_before);
    }

    struct LocalCase {
        const wchar_t* url;
        const wchar_t* path;
        const wchar_t* query;
    };
    static const LocalCase locals[] = {
        {L"http://localhost/a", L"/a", L"<null>"},
        {L"http://LOCALHOST:9000/a?q=1", L"/a", L"?q=1"},
        {L"https://localhost/a", L"/a", L"<null>"},
        {L"http://127.0.0.1/a", L"/a", L"<null>"},
        {L"http://www.contoso.com/a", L"/a", L"<null>"},       // the Host header's host
        {L"http://WWW.Contoso.com:8080/a", L"/a", L"<null>"},  // any case, any port
        {L"http://alias.example/b/c", L"/b/c", L"<null>"},     // RequestBuilder::local_host_name
        {L"http://localhost", L"/", L"<null>"},
        {L"http://localhost?q=2", L"/", L"?q=2"},
    };
    SECTION("local absolute URLs are rewrites") {
        int index = 0;
        for (const LocalCase& local : locals) {
            CAPTURE(index);
            ++index;
            REQUIRE(request->SetUrl(local.url, count_of(local.url), TRUE) == S_OK);
            CHECK(const_request->GetForwardedUrl() == nullptr);
            CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == local.path);
            CHECK(part(cooked.pQueryString, cooked.QueryStringLength) == local.query);
            CHECK(part(cooked.pHost, cooked.HostLength) == L"www.contoso.com:8080");
            check_layout(cooked, L"http://");
        }
    }
}

TEST_CASE(
    "REQ-FU-1: an IPv6 literal is local when it is the local address, however it is "
    "spelt",
    "[fake_request][url][sync]") {
    FakeHttpRequest fake(RequestBuilder().local_address("::1", 80));
    IHttpRequest* request = &fake;
    const HTTP_COOKED_URL& cooked = request->GetRawHttpRequest()->CookedUrl;

    REQUIRE(request->SetUrl(L"http://[::1]:8080/x", 19, TRUE) == S_OK);
    CHECK(request->GetForwardedUrl() == nullptr);
    CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/x");
    REQUIRE(request->SetUrl(L"http://[0:0:0:0:0:0:0:1]/y", 26, TRUE) == S_OK);
    CHECK(request->GetForwardedUrl() == nullptr);
    CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/y");

    REQUIRE(request->SetUrl(L"http://[::2]/z", 14, TRUE) == S_OK);
    REQUIRE(request->GetForwardedUrl() != nullptr);
    CHECK(std::wstring(request->GetForwardedUrl()) == L"http://[::2]/z");
    CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == L"/y");
}

TEST_CASE(
    "T-2, REQ-URL-6: a replaced cooked URL stays readable by default and reads \"<stale>\" "
    "with poison_replaced_values",
    "[fake_request][url][sync]") {
    SECTION("poison off (default)") {
        FakeHttpRequest fake(RequestBuilder().url("/before"));
        IHttpRequest* request = &fake;
        const PCWSTR old = request->GetRawHttpRequest()->CookedUrl.pAbsPath;
        REQUIRE(request->SetUrl(L"/after", 6, TRUE) == S_OK);
        CHECK(std::wstring(old, 7) == L"/before");
    }
    SECTION("poison on") {
        iisfake::Options knobs;
        knobs.poison_replaced_values = true;
        FakeHttpRequest fake(RequestBuilder().url("/before").options(knobs));
        IHttpRequest* request = &fake;
        const PCWSTR old_full = request->GetRawHttpRequest()->CookedUrl.pFullUrl;
        REQUIRE(request->SetUrl(L"/after", 6, TRUE) == S_OK);
        CHECK(std::wstring(old_full, 7) == L"<stale>");
        CHECK(fake.url() == "/after");
        // A replaced forwarded URL too.
        REQUIRE(request->SetUrl(L"http://far/x", 12, TRUE) == S_OK);
        const PCWSTR forwarded = request->GetForwardedUrl();
        REQUIRE(forwarded != nullptr);
        REQUIRE(request->SetUrl(L"/back", 5, TRUE) == S_OK);
        CHECK(std::wstring(forwarded, 7) == L"<stale>");
    }
}

// ---- decoding as http.sys does: overlong forms, control characters, canonical paths -----------

TEST_CASE(
    "REQ-URL-6, T-13: the builder's URL is decoded as http.sys decodes it: UTF-8, else the "
    "ANSI code page, so an overlong form never becomes a NUL or a '/'",
    "[fake_request][url][sync]") {
    struct Case {
        const char* raw;
        std::wstring cooked_path;
    };
    const Case cases[] = {
        {"/caf%C3%A9", L"/caf\u00E9"},
        {"/caf\xC3\xA9", L"/caf\u00E9"},  // unescaped UTF-8 too
        // Not UTF-8 (overlong NUL, overlong '/'): read as Windows-1252, byte by byte.
        {"/a%C0%80b", L"/a\u00C0\u20ACb"},
        {"/..%C0%AF..%C0%AFwin.ini", L"/..\u00C0\u00AF..\u00C0\u00AFwin.ini"},
        {"/%E9t%E9", L"/\u00E9t\u00E9"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.raw);
        FakeHttpRequest fake(RequestBuilder().url(c.raw));
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        check_layout(cooked, L"http://");
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == c.cooked_path);
        // No NUL inside: the terminated length agrees with the counted one.
        CHECK(std::wcslen(cooked.pFullUrl) * sizeof(WCHAR) == cooked.FullUrlLength);
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength).find(L"/../") == std::wstring::npos);
        CHECK(fake.raw_url() == c.raw);
    }
}

TEST_CASE(
    "REQ-URL-6, T-13: the cooked path is canonical (dot segments removed, '\\\\' read as "
    "'/'), so an encoded traversal cannot climb above the root",
    "[fake_request][url][sync]") {
    struct Case {
        const char* raw;
        const wchar_t* cooked_path;
    };
    const Case cases[] = {
        {"/..%2F..%2Fwin.ini", L"/win.ini"},
        {"/../../win.ini", L"/win.ini"},
        {"/a/b/../c", L"/a/c"},
        {"/a/./b/", L"/a/b/"},
        {"/a/..", L"/"},
        {"/a/b/..?q=1", L"/a/"},
        {"/a%5C..%5Cb", L"/b"},
        {"/a%5Cb", L"/a/b"},
        {"/a//b", L"/a//b"},
        {"/.x/..y", L"/.x/..y"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.raw);
        FakeHttpRequest fake(RequestBuilder().url(c.raw));
        const HTTP_COOKED_URL& cooked = fake.GetRawHttpRequest()->CookedUrl;
        check_layout(cooked, L"http://");
        CHECK(part(cooked.pAbsPath, cooked.AbsPathLength) == c.cooked_path);
        CHECK(fake.raw_url() == c.raw);
    }
}

TEST_CASE(
    "REQ-URL-6: a URL that decodes to a control character (%00, %0A, %7F, U+0080..U+009F) "
    "is refused by http.sys, so the builder throws",
    "[fake_request][url][sync]") {
    for (const char* url : {"/a%00b", "/%0a", "/%0D%0A", "/%7F", "/%C2%80", "/%C2%9F", "/%1f"}) {
        CAPTURE(url);
        CHECK_THROWS_AS(FakeHttpRequest(RequestBuilder().url(url)), std::invalid_argument);
    }
    CHECK_NOTHROW(FakeHttpRequest(RequestBuilder().url("/%20%7E%C2%A0")));
}

TEST_CASE(
    "REQ-URL-7, REQ-URL-4: SetUrl's narrow form takes UTF-8; bytes that are not UTF-8 (an "
    "overlong NUL or '/', a surrogate, a truncated sequence) return E_INVALIDARG and change "
    "nothing",
    "[fake_request][url][sync]") {
    const std::string invalid[] = {
        "/a\xC0\x80" "b",                       // overlong NUL
        "/..\xC0\xAF..\xC0\xAFwin.ini",         // overlong '/': a traversal
        "/\xE0\x80\xAF",                        // three-byte overlong '/'
        "/\xED\xA0\x80",                        // a surrogate
        "/\xF4\x90\x80\x80",                    // past U+10FFFF
        "/\xE2\x82",                            // truncated
        "/\x80",                                // a stray continuation byte
        "/\xFF",
    };
    for (const std::string& url : invalid) {
        CAPTURE(url);
        FakeHttpRequest fake(RequestBuilder().url("/start"));
        IHttpRequest* request = &fake;
        CHECK(request->SetUrl(url.c_str(), static_cast<DWORD>(url.size()), TRUE) == E_INVALIDARG);
        CHECK(fake.url() == "/start");
        CHECK(request->GetUrlChanged() == FALSE);
        CHECK(fake.misuses().empty());
    }
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const std::string emoji = "/caf\xC3\xA9/\xF0\x9F\x98\x80";
    REQUIRE(request->SetUrl(emoji.c_str(), static_cast<DWORD>(emoji.size()), TRUE) == S_OK);
    const HTTP_COOKED_URL& cooked = request->GetRawHttpRequest()->CookedUrl;
    CHECK(fake.url() == emoji);
    CHECK(std::wcslen(cooked.pFullUrl) * sizeof(WCHAR) == cooked.FullUrlLength);
    // U+1F600 is one wchar_t on Linux and a surrogate pair where WCHAR is 2 bytes.
    CHECK(cooked.AbsPathLength == (sizeof(WCHAR) == 2 ? 8u : 7u) * sizeof(WCHAR));
}
