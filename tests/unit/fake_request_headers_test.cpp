// Synchronous header behaviour of iisfake::FakeHttpRequest, driven through IHttpRequest* as module
// code drives it: GetHeader/SetHeader/DeleteHeader, the live raw struct, pointer lifetimes and
// poisoning, GetHeaderChanges (spec §1.2 REQ-RAW, REQ-GH, REQ-SH, REQ-DH, REQ-HC; traps T-2,
// T-4..T-8). Misuse reports (NULL names, CR/LF, bad ids...) are in fake_request_misc_test.cpp.
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpRequest;
using iisfake::RequestBuilder;

// The value GetHeader reports, cut at the reported length; "<absent>" for NULL.
std::string value_of(const IHttpRequest* request, PCSTR name) {
    USHORT cch = 0;
    const PCSTR value = request->GetHeader(name, &cch);
    return value ? std::string(value, cch) : std::string("<absent>");
}

std::string value_of(const IHttpRequest* request, HTTP_HEADER_ID id) {
    USHORT cch = 0;
    const PCSTR value = request->GetHeader(id, &cch);
    return value ? std::string(value, cch) : std::string("<absent>");
}

USHORT length_of(const char* text) { return static_cast<USHORT>(std::strlen(text)); }

// What a poisoned block of n bytes holds (Options::poison_replaced_values).
std::string stale_bytes(std::size_t n) {
    std::string out;
    while (out.size() < n) out += "<stale>";
    return out.substr(0, n);
}

std::string unknown_name(const HTTP_REQUEST* raw, USHORT index) {
    const HTTP_UNKNOWN_HEADER& entry = raw->Headers.pUnknownHeaders[index];
    return std::string(entry.pName, entry.NameLength);
}

std::string unknown_value(const HTTP_REQUEST* raw, USHORT index) {
    const HTTP_UNKNOWN_HEADER& entry = raw->Headers.pUnknownHeaders[index];
    return std::string(entry.pRawValue, entry.RawValueLength);
}

bool starts_with_ignoring_case(const std::string& text, const char* prefix) {
    const std::size_t n = std::strlen(prefix);
    if (text.size() < n) return false;
    for (std::size_t i = 0; i < n; ++i) {
        char a = text[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

}  // namespace

// ---- the raw struct ---------------------------------------------------------------------------

TEST_CASE(
    "REQ-RAW-1, REQ-RAW-3, T-8: GetRawHttpRequest returns the same live object through both "
    "overloads",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const IHttpRequest* const_request = &fake;

    static_assert(std::is_same<decltype(request->GetRawHttpRequest()), HTTP_REQUEST*>::value,
                  "the non-const overload hands out a writable struct");
    static_assert(
        std::is_same<decltype(const_request->GetRawHttpRequest()), const HTTP_REQUEST*>::value,
        "a const IHttpRequest* reaches the const overload (ANCM's CreateWinHttpRequest)");

    HTTP_REQUEST* raw = request->GetRawHttpRequest();
    REQUIRE(raw != nullptr);
    CHECK(request->GetRawHttpRequest() == raw);
    CHECK(const_request->GetRawHttpRequest() == raw);
    CHECK(request->GetRawHttpRequest() == raw);  // still the same after the const call
}

TEST_CASE("REQ-RAW-2, REQ-SH-5, T-8: header edits show in the raw struct immediately",
          "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    REQUIRE(raw->Headers.UnknownHeaderCount == 0);

    REQUIRE(request->SetHeader("content-length", "42", 2, TRUE) == S_OK);
    const HTTP_KNOWN_HEADER& length = raw->Headers.KnownHeaders[HttpHeaderContentLength];
    REQUIRE(length.pRawValue != nullptr);
    CHECK(length.RawValueLength == 2);
    CHECK(std::strcmp(length.pRawValue, "42") == 0);
    CHECK(raw->Headers.UnknownHeaderCount == 0);  // a known name never lands in the unknown list

    REQUIRE(request->SetHeader("X-Forwarded-For", "10.0.0.1", 8, TRUE) == S_OK);
    REQUIRE(raw->Headers.UnknownHeaderCount == 1);
    REQUIRE(raw->Headers.pUnknownHeaders != nullptr);
    const HTTP_UNKNOWN_HEADER& first = raw->Headers.pUnknownHeaders[0];
    CHECK(first.NameLength == 15);
    CHECK(std::strcmp(first.pName, "X-Forwarded-For") == 0);  // terminated, length excludes NUL
    CHECK(first.RawValueLength == 8);
    CHECK(std::strcmp(first.pRawValue, "10.0.0.1") == 0);

    // A second unknown name is appended at the end with the caller's spelling.
    REQUIRE(request->SetHeader("x-second", "v", 1, TRUE) == S_OK);
    REQUIRE(raw->Headers.UnknownHeaderCount == 2);
    CHECK(unknown_name(raw, 0) == "X-Forwarded-For");
    CHECK(unknown_name(raw, 1) == "x-second");
    CHECK(unknown_value(raw, 1) == "v");

    // The id overload writes the same slot the name reaches.
    REQUIRE(request->SetHeader(HttpHeaderAcceptLanguage, "de-CH", 5, TRUE) == S_OK);
    const HTTP_KNOWN_HEADER& language = raw->Headers.KnownHeaders[HttpHeaderAcceptLanguage];
    CHECK(std::string(language.pRawValue, language.RawValueLength) == "de-CH");
    CHECK(request->GetHeader("Accept-Language") == language.pRawValue);

    // Deletes too.
    REQUIRE(request->DeleteHeader("X-Forwarded-For") == S_OK);
    REQUIRE(raw->Headers.UnknownHeaderCount == 1);
    CHECK(unknown_name(raw, 0) == "x-second");
    REQUIRE(request->DeleteHeader(HttpHeaderContentLength) == S_OK);
    CHECK(length.pRawValue == nullptr);
    CHECK(length.RawValueLength == 0);
}

TEST_CASE(
    "REQ-RAW-4, T-8: values and arrays the module writes into the raw struct are honoured "
    "and never freed or overwritten",
    "[fake_request][headers][sync]") {
    iisfake::Options knobs;
    knobs.poison_replaced_values = true;  // the fake would write into blocks it retires
    FakeHttpRequest fake(RequestBuilder().options(knobs));
    IHttpRequest* request = &fake;
    HTTP_REQUEST* raw = request->GetRawHttpRequest();

    static const char agent[] = "module-literal";
    raw->Headers.KnownHeaders[HttpHeaderUserAgent].pRawValue = agent;
    raw->Headers.KnownHeaders[HttpHeaderUserAgent].RawValueLength = length_of(agent);
    USHORT cch = 0;
    CHECK(request->GetHeader(HttpHeaderUserAgent, &cch) == agent);
    CHECK(cch == 14);
    CHECK(request->GetHeader("user-agent") == agent);

    static const char name_one[] = "X-Mine";
    static const char value_one[] = "one";
    static const char name_two[] = "X-Other";
    static const char value_two[] = "two";
    HTTP_UNKNOWN_HEADER mine[2] = {};
    mine[0].pName = name_one;
    mine[0].NameLength = length_of(name_one);
    mine[0].pRawValue = value_one;
    mine[0].RawValueLength = length_of(value_one);
    mine[1].pName = name_two;
    mine[1].NameLength = length_of(name_two);
    mine[1].pRawValue = value_two;
    mine[1].RawValueLength = length_of(value_two);
    raw->Headers.pUnknownHeaders = mine;
    raw->Headers.UnknownHeaderCount = 2;
    CHECK(request->GetHeader("x-mine") == value_one);
    CHECK(request->GetHeader("X-Other") == value_two);

    // iisnode-style rename in place.
    static const char renamed[] = "X-Renamed";
    mine[1].pName = renamed;
    mine[1].NameLength = length_of(renamed);
    CHECK(request->GetHeader("X-Renamed") == value_two);
    CHECK(request->GetHeader("X-Other") == nullptr);

    // Edits now replace the module's array and value; the module's memory stays as it was.
    REQUIRE(request->SetHeader("X-Mine", "new", 3, TRUE) == S_OK);
    CHECK(raw->Headers.pUnknownHeaders != mine);
    REQUIRE(raw->Headers.UnknownHeaderCount == 2);
    CHECK(unknown_value(raw, 0) == "new");
    CHECK(raw->Headers.pUnknownHeaders[1].pRawValue == value_two);
    CHECK(mine[0].pName == name_one);
    CHECK(mine[0].pRawValue == value_one);
    CHECK(mine[0].RawValueLength == 3);
    CHECK(mine[1].pName == renamed);
    CHECK(std::strcmp(value_one, "one") == 0);

    REQUIRE(request->SetHeader(HttpHeaderUserAgent, "x", 1, TRUE) == S_OK);
    CHECK(std::strcmp(agent, "module-literal") == 0);
    REQUIRE(request->DeleteHeader("X-Renamed") == S_OK);
    CHECK(std::strcmp(value_two, "two") == 0);
    REQUIRE(raw->Headers.UnknownHeaderCount == 1);
    CHECK(unknown_name(raw, 0) == "X-Mine");
}

// ---- GetHeader --------------------------------------------------------------------------------

TEST_CASE(
    "REQ-GH-1, REQ-GH-3, T-4: a found value is NUL-terminated and its length excludes the "
    "NUL",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .header("User-Agent", "curl/8.0")
                             .header("X-Trace", "abc123")
                             .body("hello"));
    const IHttpRequest* request = &fake;

    USHORT cch = 0xFFFF;
    PCSTR value = request->GetHeader(HttpHeaderUserAgent, &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 8);
    CHECK(std::strlen(value) == 8);
    CHECK(std::strcmp(value, "curl/8.0") == 0);

    cch = 0xFFFF;
    value = request->GetHeader("User-Agent", &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 8);
    CHECK(std::strcmp(value, "curl/8.0") == 0);

    cch = 0xFFFF;
    value = request->GetHeader("X-Trace", &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 6);
    CHECK(std::strcmp(value, "abc123") == 0);

    // pcchHeaderValue is optional (default NULL).
    value = request->GetHeader("X-Trace");
    REQUIRE(value != nullptr);
    CHECK(std::strcmp(value, "abc123") == 0);
    value = request->GetHeader(HttpHeaderUserAgent);
    REQUIRE(value != nullptr);
    CHECK(std::strcmp(value, "curl/8.0") == 0);

    // ANCM: atol(GetHeader(HttpHeaderContentLength)).
    value = request->GetHeader(HttpHeaderContentLength);
    REQUIRE(value != nullptr);
    CHECK(std::atol(value) == 5);
}

TEST_CASE("REQ-GH-2: an absent header gives NULL and a length of 0",
          "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    const IHttpRequest* request = &fake;
    USHORT cch = 77;
    CHECK(request->GetHeader("X-Missing", &cch) == nullptr);
    CHECK(cch == 0);
    cch = 77;
    CHECK(request->GetHeader(HttpHeaderReferer, &cch) == nullptr);
    CHECK(cch == 0);
    cch = 77;
    CHECK(request->GetHeader("Referer", &cch) == nullptr);
    CHECK(cch == 0);
    CHECK(request->GetHeader("X-Missing") == nullptr);
}

TEST_CASE("REQ-GH-4, T-7: by-name lookup is case-insensitive and unifies with the id slot",
          "[fake_request][headers][sync]") {
    // HTTP/2 clients send lower-case names.
    FakeHttpRequest fake(
        RequestBuilder().header("content-type", "text/plain").header("X-Custom", "1"));
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    const PCSTR by_id = request->GetHeader(HttpHeaderContentType);
    REQUIRE(by_id != nullptr);
    CHECK(std::strcmp(by_id, "text/plain") == 0);
    CHECK(request->GetHeader("Content-Type") == by_id);
    CHECK(request->GetHeader("CONTENT-TYPE") == by_id);
    CHECK(request->GetHeader("content-type") == by_id);
    CHECK(raw->Headers.KnownHeaders[HttpHeaderContentType].pRawValue == by_id);
    REQUIRE(raw->Headers.UnknownHeaderCount == 1);  // only X-Custom
    CHECK(unknown_name(raw, 0) == "X-Custom");

    const PCSTR custom = request->GetHeader("X-Custom");
    REQUIRE(custom != nullptr);
    CHECK(request->GetHeader("x-custom") == custom);
    CHECK(request->GetHeader("X-CUSTOM") == custom);

    CHECK(request->GetHeader("HOST") == raw->Headers.KnownHeaders[HttpHeaderHost].pRawValue);
    CHECK(request->GetHeader("HOST") != nullptr);
}

TEST_CASE("REQ-GH-5: GetHeader returns the raw struct's pointers and lengths",
          "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder().header("X-A", "1").header("X-B", "22"));
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    USHORT cch = 0;
    const HTTP_KNOWN_HEADER& host = raw->Headers.KnownHeaders[HttpHeaderHost];
    CHECK(request->GetHeader(HttpHeaderHost, &cch) == host.pRawValue);
    CHECK(cch == host.RawValueLength);
    CHECK(cch == 9);

    REQUIRE(raw->Headers.UnknownHeaderCount == 2);
    cch = 0;
    CHECK(request->GetHeader("X-B", &cch) == raw->Headers.pUnknownHeaders[1].pRawValue);
    CHECK(cch == raw->Headers.pUnknownHeaders[1].RawValueLength);
    CHECK(cch == 2);
    CHECK(request->GetHeader("X-A") == raw->Headers.pUnknownHeaders[0].pRawValue);
    CHECK(std::strcmp(raw->Headers.pUnknownHeaders[0].pName, "X-A") == 0);
    CHECK(raw->Headers.pUnknownHeaders[0].NameLength == 3);
}

TEST_CASE(
    "REQ-GH-6, T-6: the id overload uses the request numbering (HttpHeaderEtag is "
    "Accept-Encoding)",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .header("Accept-Encoding", "gzip")
                             .header("Host", "example.com")
                             .header("User-Agent", "ua"));
    const IHttpRequest* request = &fake;

    static_assert(static_cast<int>(HttpHeaderEtag) == static_cast<int>(HttpHeaderAcceptEncoding),
                  "22 on both sides");
    CHECK(value_of(request, HttpHeaderEtag) == "gzip");
    CHECK(value_of(request, HttpHeaderAcceptEncoding) == "gzip");
    // 28 is Host on a request (Vary on a response).
    CHECK(value_of(request, HttpHeaderHost) == "example.com");
    CHECK(value_of(request, HttpHeaderVary) == "example.com");
    // 40, the last request id.
    CHECK(value_of(request, HttpHeaderUserAgent) == "ua");
}

TEST_CASE(
    "REQ-GH-8: of repeated unknown headers GetHeader returns the first; repeated known "
    "headers share one slot",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .header("X-Dup", "one")
                             .header("x-dup", "two")
                             .header("Accept", "text/html")
                             .header("accept", "*/*"));
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    REQUIRE(raw->Headers.UnknownHeaderCount == 2);  // http.sys keeps them apart
    CHECK(unknown_name(raw, 0) == "X-Dup");
    CHECK(unknown_name(raw, 1) == "x-dup");
    CHECK(request->GetHeader("X-DUP") == raw->Headers.pUnknownHeaders[0].pRawValue);
    CHECK(value_of(request, "x-dup") == "one");

    CHECK(value_of(request, HttpHeaderAccept) == "text/html, */*");
}

// ---- SetHeader --------------------------------------------------------------------------------

TEST_CASE("REQ-SH-2: fReplace TRUE replaces; FALSE appends with the separator, or creates",
          "[fake_request][headers][sync]") {
    const RequestBuilder spec =
        RequestBuilder().header("Accept", "text/html").header("X-List", "a");

    SECTION("default separator \", \"") {
        FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        CHECK(fake.options().append_separator == ", ");

        REQUIRE(request->SetHeader(HttpHeaderAccept, "application/json", 16, FALSE) == S_OK);
        CHECK(value_of(request, HttpHeaderAccept) == "text/html, application/json");
        REQUIRE(request->SetHeader("X-List", "b", 1, FALSE) == S_OK);
        CHECK(value_of(request, "X-List") == "a, b");
        REQUIRE(request->SetHeader("accept", "x/y", 3, FALSE) == S_OK);
        CHECK(value_of(request, HttpHeaderAccept) == "text/html, application/json, x/y");

        // Appending to an absent header creates it, without a separator.
        REQUIRE(request->SetHeader("X-New", "first", 5, FALSE) == S_OK);
        CHECK(value_of(request, "X-New") == "first");
        REQUIRE(request->SetHeader(HttpHeaderReferer, "r", 1, FALSE) == S_OK);
        CHECK(value_of(request, HttpHeaderReferer) == "r");

        REQUIRE(request->SetHeader("X-List", "only", 4, TRUE) == S_OK);
        CHECK(value_of(request, "X-List") == "only");
        REQUIRE(request->SetHeader(HttpHeaderAccept, "*/*", 3, TRUE) == S_OK);
        CHECK(value_of(request, HttpHeaderAccept) == "*/*");
        REQUIRE(request->SetHeader("X-Created", "c", 1, TRUE) == S_OK);
        CHECK(value_of(request, "X-Created") == "c");
    }
    SECTION("append_separator \",\" given to the builder") {
        iisfake::Options knobs;
        knobs.append_separator = ",";
        FakeHttpRequest fake(RequestBuilder(spec).options(knobs));
        IHttpRequest* request = &fake;
        REQUIRE(request->SetHeader(HttpHeaderAccept, "application/json", 16, FALSE) == S_OK);
        CHECK(value_of(request, HttpHeaderAccept) == "text/html,application/json");
        REQUIRE(request->SetHeader("X-List", "b", 1, FALSE) == S_OK);
        CHECK(value_of(request, "X-List") == "a,b");
    }
    SECTION("append_separator changed on a live fake") {
        FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        fake.options().append_separator = ";";
        REQUIRE(request->SetHeader("X-List", "b", 1, FALSE) == S_OK);
        CHECK(value_of(request, "X-List") == "a;b");
    }
}

TEST_CASE(
    "REQ-SH-2: replacing a repeated unknown header leaves one entry; appending extends the "
    "first",
    "[fake_request][headers][sync]") {
    const RequestBuilder spec =
        RequestBuilder().header("X-Dup", "one").header("X-Keep", "k").header("x-dup", "two");
    SECTION("fReplace TRUE") {
        FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        REQUIRE(request->SetHeader("X-DUP", "three", 5, TRUE) == S_OK);
        REQUIRE(raw->Headers.UnknownHeaderCount == 2);
        CHECK(unknown_name(raw, 0) == "X-Dup");
        CHECK(unknown_value(raw, 0) == "three");
        CHECK(unknown_name(raw, 1) == "X-Keep");
    }
    SECTION("fReplace FALSE") {
        FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        REQUIRE(request->SetHeader("X-DUP", "three", 5, FALSE) == S_OK);
        REQUIRE(raw->Headers.UnknownHeaderCount == 3);
        CHECK(unknown_value(raw, 0) == "one, three");
        CHECK(unknown_value(raw, 2) == "two");
    }
}

TEST_CASE(
    "REQ-SH-3, T-4: SetHeader takes exactly cch bytes of an unterminated slice and copies "
    "them",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;

    char slice[] = {'a', 'b', 'c', 'd', 'e', 'f'};  // no terminator anywhere
    REQUIRE(request->SetHeader("X-Slice", slice + 1, 3, TRUE) == S_OK);
    REQUIRE(request->SetHeader(HttpHeaderCookie, slice, 2, TRUE) == S_OK);
    for (char& c : slice) c = 'z';  // the caller reuses its buffer

    USHORT cch = 0;
    PCSTR value = request->GetHeader("X-Slice", &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 3);
    CHECK(std::strlen(value) == 3);
    CHECK(std::strcmp(value, "bcd") == 0);
    value = request->GetHeader(HttpHeaderCookie, &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 2);
    CHECK(std::strcmp(value, "ab") == 0);

    {
        std::string temporary = "from-a-std-string";
        REQUIRE(request->SetHeader("X-Temp", temporary.c_str(),
                                   static_cast<USHORT>(temporary.size()), TRUE) == S_OK);
        temporary.assign(100, '#');
    }
    CHECK(value_of(request, "X-Temp") == "from-a-std-string");
}

TEST_CASE(
    "REQ-SH-4, REQ-SH-6: SetHeader returns S_OK; a zero length stores a present, empty "
    "value",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;

    REQUIRE(request->SetHeader("X-Empty", "", 0, TRUE) == S_OK);
    USHORT cch = 99;
    PCSTR value = request->GetHeader("X-Empty", &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 0);
    CHECK(value[0] == '\0');
    CHECK(fake.has_header("X-Empty"));

    REQUIRE(request->SetHeader(HttpHeaderFrom, nullptr, 0, TRUE) == S_OK);
    cch = 99;
    value = request->GetHeader(HttpHeaderFrom, &cch);
    REQUIRE(value != nullptr);
    CHECK(cch == 0);
    CHECK(value[0] == '\0');
    CHECK(fake.has_header("From"));
}

TEST_CASE("REQ-SH-7: SetHeader(HttpHeaderHost) leaves the cooked URL untouched",
          "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder().url("/p?q=1"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    const PCWSTR full_before = raw->CookedUrl.pFullUrl;
    const std::wstring text_before(raw->CookedUrl.pFullUrl,
                                   raw->CookedUrl.FullUrlLength / sizeof(WCHAR));
    CHECK(text_before == L"http://localhost:80/p?q=1");

    REQUIRE(request->SetHeader(HttpHeaderHost, "other.example", 13, TRUE) == S_OK);
    CHECK(value_of(request, "Host") == "other.example");
    CHECK(raw->CookedUrl.pFullUrl == full_before);
    CHECK(std::wstring(raw->CookedUrl.pFullUrl, raw->CookedUrl.FullUrlLength / sizeof(WCHAR)) ==
          text_before);
    CHECK(fake.full_url() == "http://localhost:80/p?q=1");
}

TEST_CASE(
    "T-5, REQ-SH-4: appending up to 65535 bytes works; one byte more fails with "
    "ERROR_INVALID_DATA and changes nothing",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake;  // a failure that depends on data: no misuse report, nothing thrown
    IHttpRequest* request = &fake;
    const std::string big(65530, 'a');
    const HRESULT too_long = HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    CHECK(too_long == static_cast<HRESULT>(0x8007000Du));

    SECTION("unknown header") {
        REQUIRE(request->SetHeader("X-Big", big.data(), 65530, TRUE) == S_OK);
        REQUIRE(request->SetHeader("X-Big", "bcd", 3, FALSE) == S_OK);  // 65530 + 2 + 3
        USHORT cch = 0;
        const PCSTR full = request->GetHeader("X-Big", &cch);
        CHECK(cch == 65535);
        const DWORD changes = fake.header_change_number();
        CHECK(request->SetHeader("X-Big", "e", 1, FALSE) == too_long);
        CHECK(request->GetHeader("X-Big", &cch) == full);
        CHECK(cch == 65535);
        CHECK(fake.header_change_number() == changes);
        CHECK(fake.misuses().empty());
    }
    SECTION("known header") {
        REQUIRE(request->SetHeader(HttpHeaderCookie, big.data(), 65530, TRUE) == S_OK);
        REQUIRE(request->SetHeader("Cookie", "bcd", 3, FALSE) == S_OK);
        USHORT cch = 0;
        const PCSTR full = request->GetHeader(HttpHeaderCookie, &cch);
        CHECK(cch == 65535);
        CHECK(request->SetHeader(HttpHeaderCookie, "e", 1, FALSE) == too_long);
        CHECK(request->GetHeader(HttpHeaderCookie, &cch) == full);
        CHECK(cch == 65535);
        // Replacing with a USHORT-sized value is still fine.
        CHECK(request->SetHeader(HttpHeaderCookie, "e", 1, TRUE) == S_OK);
        CHECK(value_of(request, HttpHeaderCookie) == "e");
    }
}

// ---- DeleteHeader -----------------------------------------------------------------------------

TEST_CASE(
    "REQ-DH-1, REQ-DH-2: DeleteHeader clears the known slot or removes the unknown entry; "
    "S_OK when absent",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .header("Referer", "r")
                             .header("X-A", "1")
                             .header("X-B", "2")
                             .header("X-C", "3"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    CHECK(fake.header_change_number() == 0);
    REQUIRE(request->DeleteHeader("referer") == S_OK);
    CHECK(fake.header_change_number() == 1);  // REQ-HC-3: every effective edit counts
    CHECK(raw->Headers.KnownHeaders[HttpHeaderReferer].pRawValue == nullptr);
    CHECK(raw->Headers.KnownHeaders[HttpHeaderReferer].RawValueLength == 0);
    CHECK(request->GetHeader(HttpHeaderReferer) == nullptr);

    REQUIRE(request->DeleteHeader(HttpHeaderHost) == S_OK);
    CHECK(request->GetHeader("Host") == nullptr);

    REQUIRE(request->DeleteHeader("x-b") == S_OK);
    CHECK(fake.header_change_number() == 3);
    REQUIRE(raw->Headers.UnknownHeaderCount == 2);
    CHECK(unknown_name(raw, 0) == "X-A");
    CHECK(unknown_name(raw, 1) == "X-C");  // later entries shift down
    CHECK(request->GetHeader("X-B") == nullptr);

    const DWORD changes = fake.header_change_number();
    CHECK(request->DeleteHeader("X-Absent") == S_OK);
    CHECK(request->DeleteHeader(HttpHeaderRange) == S_OK);
    CHECK(request->DeleteHeader("Referer") == S_OK);  // already gone
    CHECK(raw->Headers.UnknownHeaderCount == 2);
    CHECK(fake.header_change_number() == changes);

    REQUIRE(request->DeleteHeader("X-A") == S_OK);
    REQUIRE(request->DeleteHeader("X-C") == S_OK);
    CHECK(raw->Headers.UnknownHeaderCount == 0);
}

TEST_CASE(
    "REQ-DH-2: DeleteHeader of a repeated unknown header removes every entry by default, "
    "only the first with delete_all_duplicates off",
    "[fake_request][headers][sync]") {
    RequestBuilder spec =
        RequestBuilder().header("X-Dup", "one").header("X-Keep", "k").header("x-dup", "two");
    SECTION("delete_all_duplicates = true (default)") {
        FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        CHECK(fake.options().delete_all_duplicates);
        REQUIRE(request->DeleteHeader("X-DUP") == S_OK);
        REQUIRE(raw->Headers.UnknownHeaderCount == 1);
        CHECK(unknown_name(raw, 0) == "X-Keep");
        CHECK(request->GetHeader("x-dup") == nullptr);
    }
    SECTION("delete_all_duplicates = false") {
        iisfake::Options knobs;
        knobs.delete_all_duplicates = false;
        FakeHttpRequest fake(spec.options(knobs));
        IHttpRequest* request = &fake;
        const HTTP_REQUEST* raw = request->GetRawHttpRequest();
        REQUIRE(request->DeleteHeader("X-DUP") == S_OK);
        REQUIRE(raw->Headers.UnknownHeaderCount == 2);
        CHECK(unknown_name(raw, 0) == "X-Keep");
        CHECK(unknown_name(raw, 1) == "x-dup");
        CHECK(value_of(request, "X-Dup") == "two");
    }
}

TEST_CASE(
    "REQ-DH-3: names copied out of the raw struct stay usable while deletes rebuild the "
    "array (ANCM's MS-ASPNETCORE clean-up)",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder()
                             .header("MS-ASPNETCORE-TOKEN", "t")
                             .header("X-Keep", "k")
                             .header("ms-aspnetcore-event", "e"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    std::vector<std::string> doomed;
    for (USHORT i = 0; i < raw->Headers.UnknownHeaderCount; ++i) {
        const std::string name = unknown_name(raw, i);
        if (starts_with_ignoring_case(name, "ms-aspnetcore")) doomed.push_back(name);
    }
    REQUIRE(doomed.size() == 2);
    for (const std::string& name : doomed) REQUIRE(request->DeleteHeader(name.c_str()) == S_OK);

    REQUIRE(raw->Headers.UnknownHeaderCount == 1);
    CHECK(unknown_name(raw, 0) == "X-Keep");
    CHECK(doomed[0] == "MS-ASPNETCORE-TOKEN");  // the caller's copies are intact
    CHECK(doomed[1] == "ms-aspnetcore-event");
}

// ---- lifetimes --------------------------------------------------------------------------------

TEST_CASE(
    "REQ-GH-9, T-2: by default replaced values and arrays stay readable until the request "
    "ends",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder().header("X-A", "old-value"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    CHECK_FALSE(fake.options().poison_replaced_values);

    const PCSTR old_unknown = request->GetHeader("X-A");
    const PCSTR old_host = request->GetHeader(HttpHeaderHost);
    const HTTP_UNKNOWN_HEADER* old_array = raw->Headers.pUnknownHeaders;
    REQUIRE(old_unknown != nullptr);
    REQUIRE(old_host != nullptr);

    REQUIRE(request->SetHeader("X-A", "new", 3, TRUE) == S_OK);
    for (int i = 0; i < 20; ++i)  // enough to outgrow any array
        REQUIRE(request->SetHeader(("X-B" + std::to_string(i)).c_str(), "b", 1, TRUE) == S_OK);
    REQUIRE(request->SetHeader(HttpHeaderHost, "elsewhere", 9, TRUE) == S_OK);
    CHECK(raw->Headers.pUnknownHeaders != old_array);  // edits may reallocate the array
    CHECK(request->GetHeader("X-A") != old_unknown);

    // Replaced values keep their text; the old array is readable, with valid entries.
    CHECK(std::strcmp(old_unknown, "old-value") == 0);
    CHECK(std::strcmp(old_host, "localhost") == 0);
    CHECK(std::string(old_array[0].pName, old_array[0].NameLength) == "X-A");
    CHECK(std::strlen(old_array[0].pRawValue) == old_array[0].RawValueLength);

    const PCSTR deleted = request->GetHeader("X-B3");
    REQUIRE(request->DeleteHeader("X-B3") == S_OK);
    CHECK(std::strcmp(deleted, "b") == 0);

    // An append may extend the value where it is: an old pointer read with its old length
    // still gives the old value.
    USHORT cch = 0;
    const PCSTR before_append = request->GetHeader("X-A", &cch);
    REQUIRE(request->SetHeader("X-A", "more", 4, FALSE) == S_OK);
    CHECK(std::string(before_append, cch) == "new");
    CHECK(value_of(request, "X-A") == "new, more");
}

TEST_CASE(
    "T-2, REQ-GH-9: with poison_replaced_values, replaced values and outgrown arrays read as "
    "\"<stale>\"",
    "[fake_request][headers][sync]") {
    iisfake::Options knobs;
    knobs.poison_replaced_values = true;
    FakeHttpRequest fake(RequestBuilder().header("X-A", "old-value").options(knobs));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();

    const PCSTR old_unknown = request->GetHeader("X-A");
    const PCSTR old_host = request->GetHeader(HttpHeaderHost);

    REQUIRE(request->SetHeader("X-A", "new", 3, TRUE) == S_OK);
    REQUIRE(request->SetHeader(HttpHeaderHost, "elsewhere", 9, TRUE) == S_OK);

    CHECK(std::string(old_unknown, 9) == stale_bytes(9));
    CHECK(std::string(old_host, 9) == stale_bytes(9));

    // The current state is intact.
    CHECK(value_of(request, "X-A") == "new");
    CHECK(value_of(request, HttpHeaderHost) == "elsewhere");

    // Appends and deletes retire the old value too.
    const PCSTR before_append = request->GetHeader("X-A");
    REQUIRE(request->SetHeader("X-A", "more", 4, FALSE) == S_OK);
    CHECK(std::string(before_append, 3) == stale_bytes(3));
    CHECK(value_of(request, "X-A") == "new, more");
    const PCSTR before_delete = request->GetHeader(HttpHeaderHost);
    REQUIRE(request->DeleteHeader(HttpHeaderHost) == S_OK);
    CHECK(std::string(before_delete, 9) == stale_bytes(9));

    // An array that is outgrown is poisoned whole: a module that kept it reads "<stale>".
    const HTTP_UNKNOWN_HEADER* old_array = raw->Headers.pUnknownHeaders;
    const USHORT old_count = raw->Headers.UnknownHeaderCount;
    for (int i = 0; raw->Headers.pUnknownHeaders == old_array; ++i)
        REQUIRE(request->SetHeader(("X-B" + std::to_string(i)).c_str(), "b", 1, TRUE) == S_OK);
    for (USHORT i = 0; i < old_count; ++i) {
        CHECK(std::string(old_array[i].pName, old_array[i].NameLength) == "<stale>");
        CHECK(std::string(old_array[i].pRawValue, old_array[i].RawValueLength) == "<stale>");
    }
    CHECK(value_of(request, "X-A") == "new, more");

    // A deletion closes the gap in place; the entries past the new end read "<stale>".
    const USHORT count = raw->Headers.UnknownHeaderCount;
    REQUIRE(request->DeleteHeader("X-A") == S_OK);
    const HTTP_UNKNOWN_HEADER* entries = raw->Headers.pUnknownHeaders;
    REQUIRE(raw->Headers.UnknownHeaderCount == count - 1);
    CHECK(unknown_name(raw, 0) == "X-B0");
    CHECK(std::string(entries[count - 1].pName, entries[count - 1].NameLength) == "<stale>");
}

// ---- GetHeaderChanges -------------------------------------------------------------------------

TEST_CASE(
    "REQ-HC-1, REQ-HC-2, REQ-HC-3: GetHeaderChanges counts edits and diffs the caller's "
    "snapshot",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder().header("X-A", "1"));
    IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    const DWORD end = static_cast<DWORD>(-1);

    PCSTR known[HttpHeaderRequestMaximum] = {};
    DWORD unknown_count = 0;
    PCSTR* names = nullptr;
    PCSTR* values = nullptr;
    DWORD diffed[HttpHeaderRequestMaximum + 1];
    DWORD diffed_unknown_count = 99;
    DWORD* diffed_unknown = nullptr;
    DWORD number = 12345;

    // First call against an empty snapshot: everything present is new.
    REQUIRE(request->GetHeaderChanges(0, &number, known, &unknown_count, &names, &values, diffed,
                                      &diffed_unknown_count, &diffed_unknown) == S_OK);
    CHECK(number == 0);
    CHECK(diffed[0] == static_cast<DWORD>(HttpHeaderHost));
    CHECK(diffed[1] == end);
    CHECK(known[HttpHeaderHost] == raw->Headers.KnownHeaders[HttpHeaderHost].pRawValue);
    REQUIRE(unknown_count == 1);
    REQUIRE(names != nullptr);
    REQUIRE(values != nullptr);
    CHECK(names[0] == raw->Headers.pUnknownHeaders[0].pName);
    CHECK(values[0] == raw->Headers.pUnknownHeaders[0].pRawValue);
    REQUIRE(diffed_unknown_count == 1);
    REQUIRE(diffed_unknown != nullptr);
    CHECK(diffed_unknown[0] == 0);
    CHECK(diffed_unknown[1] == end);

    // Nothing changed: empty diffs.
    REQUIRE(request->GetHeaderChanges(number, &number, known, &unknown_count, &names, &values,
                                      diffed, &diffed_unknown_count, &diffed_unknown) == S_OK);
    CHECK(number == 0);
    CHECK(diffed[0] == end);
    CHECK(diffed_unknown_count == 0);
    CHECK(diffed_unknown[0] == end);

    // Every Set/Delete counts once.
    REQUIRE(request->SetHeader(HttpHeaderUserAgent, "ua", 2, TRUE) == S_OK);
    REQUIRE(request->GetHeaderChanges(number, &number, known, &unknown_count, &names, &values,
                                      diffed, &diffed_unknown_count, &diffed_unknown) == S_OK);
    CHECK(number == 1);
    CHECK(number == fake.header_change_number());
    CHECK(diffed[0] == static_cast<DWORD>(HttpHeaderUserAgent));
    CHECK(diffed[1] == end);
    CHECK(known[HttpHeaderUserAgent] == request->GetHeader(HttpHeaderUserAgent));
    CHECK(diffed_unknown_count == 0);

    REQUIRE(request->SetHeader("X-A", "2", 1, TRUE) == S_OK);
    REQUIRE(request->SetHeader("X-B", "3", 1, TRUE) == S_OK);
    REQUIRE(request->DeleteHeader(HttpHeaderHost) == S_OK);
    REQUIRE(request->GetHeaderChanges(number, &number, known, &unknown_count, &names, &values,
                                      diffed, &diffed_unknown_count, &diffed_unknown) == S_OK);
    CHECK(number == 4);
    CHECK(diffed[0] == static_cast<DWORD>(HttpHeaderHost));
    CHECK(diffed[1] == end);
    CHECK(known[HttpHeaderHost] == nullptr);
    REQUIRE(unknown_count == 2);
    REQUIRE(diffed_unknown_count == 2);
    CHECK(diffed_unknown[0] == 0);
    CHECK(diffed_unknown[1] == 1);
    CHECK(diffed_unknown[2] == end);
    CHECK(std::strcmp(values[0], "2") == 0);
    CHECK(std::strcmp(names[1], "X-B") == 0);
}

TEST_CASE(
    "REQ-HC-2: an append that extends a value where it is (same pointer) is still a change "
    "GetHeaderChanges reports",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake(RequestBuilder().header("Cookie", "a=1").header("X-A", "1"));
    IHttpRequest* request = &fake;
    // A first append makes room; the second one fits in it.
    REQUIRE(request->SetHeader(HttpHeaderCookie, "b=2", 3, FALSE) == S_OK);
    REQUIRE(request->SetHeader("X-A", "2", 1, FALSE) == S_OK);

    PCSTR known[HttpHeaderRequestMaximum] = {};
    DWORD unknown_count = 0;
    PCSTR* names = nullptr;
    PCSTR* values = nullptr;
    DWORD diffed[HttpHeaderRequestMaximum + 1];
    DWORD diffed_unknown_count = 0;
    DWORD* diffed_unknown = nullptr;
    DWORD number = 0;
    REQUIRE(request->GetHeaderChanges(0, &number, known, &unknown_count, &names, &values, diffed,
                                      &diffed_unknown_count, &diffed_unknown) == S_OK);
    const PCSTR cookie = request->GetHeader(HttpHeaderCookie);
    const PCSTR x_a = request->GetHeader("X-A");
    REQUIRE(request->SetHeader(HttpHeaderCookie, "c=3", 3, FALSE) == S_OK);
    REQUIRE(request->SetHeader("X-A", "3", 1, FALSE) == S_OK);
    REQUIRE(request->GetHeader(HttpHeaderCookie) == cookie);  // extended in place
    REQUIRE(request->GetHeader("X-A") == x_a);

    REQUIRE(request->GetHeaderChanges(number, &number, known, &unknown_count, &names, &values,
                                      diffed, &diffed_unknown_count, &diffed_unknown) == S_OK);
    CHECK(diffed[0] == static_cast<DWORD>(HttpHeaderCookie));
    CHECK(diffed[1] == static_cast<DWORD>(-1));
    REQUIRE(diffed_unknown_count == 1);
    CHECK(diffed_unknown[0] == 0);
    CHECK(std::strcmp(request->GetHeader(HttpHeaderCookie), "a=1, b=2, c=3") == 0);
    CHECK(std::strcmp(request->GetHeader("X-A"), "1, 2, 3") == 0);
}

TEST_CASE(
    "T-8, REQ-RAW-4: an unknown-header array module code installed is copied before the fake "
    "changes it, never written into",
    "[fake_request][headers][sync]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    HTTP_REQUEST* raw = request->GetRawHttpRequest();
    static const char name[] = "X-Mine";
    static const char value[] = "mine";
    HTTP_UNKNOWN_HEADER mine[1] = {};
    mine[0].pName = name;
    mine[0].NameLength = 6;
    mine[0].pRawValue = value;
    mine[0].RawValueLength = 4;
    raw->Headers.pUnknownHeaders = mine;
    raw->Headers.UnknownHeaderCount = 1;

    REQUIRE(request->SetHeader("X-Mine", "more", 4, FALSE) == S_OK);
    REQUIRE(request->SetHeader("X-New", "n", 1, TRUE) == S_OK);
    CHECK(raw->Headers.pUnknownHeaders != mine);
    CHECK(mine[0].pRawValue == value);  // the module's array and text are as it left them
    CHECK(std::strcmp(value, "mine") == 0);
    CHECK(value_of(request, "X-Mine") == "mine, more");
    CHECK(value_of(request, "X-New") == "n");
    REQUIRE(request->DeleteHeader("X-Mine") == S_OK);
    CHECK(raw->Headers.UnknownHeaderCount == 1);
    CHECK(mine[0].pName == name);

    // A count past what the fake's own array holds is never read past its end.
    raw->Headers.UnknownHeaderCount = 60000;
    CHECK(value_of(request, "X-Absent") == "<absent>");
    REQUIRE(request->SetHeader("X-Other", "o", 1, TRUE) == S_OK);
    CHECK(value_of(request, "X-Other") == "o");
}

TEST_CASE("REQ-SH-2: an append separator with CR, LF or NUL would inject headers and throws",
          "[fake_request][headers][sync]") {
    for (const std::string& separator : {std::string("\r\n"), std::string("\n"),
                                         std::string(", \0", 3)}) {
        iisfake::Options options;
        options.append_separator = separator;
        CHECK_THROWS_AS(FakeHttpRequest(RequestBuilder().options(options)),
                        std::invalid_argument);
        FakeHttpRequest fake(RequestBuilder().header("X-A", "1"));
        IHttpRequest* request = &fake;
        fake.options().append_separator = separator;
        CHECK_THROWS_AS(request->SetHeader("X-A", "2", 1, FALSE), std::invalid_argument);
        CHECK(request->SetHeader("X-A", "2", 1, TRUE) == S_OK);  // a replace needs none
    }
}
