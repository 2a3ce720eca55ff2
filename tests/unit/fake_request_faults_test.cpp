// Fault injection set up in the builder, the limits of fail(), a client that sends less than its
// Content-Length announced, the call log of calls that were reported as misuse, and which
// module owns a completion (the sink in force when the operation started).
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpRequest;
using iisfake::Method;
using iisfake::RequestBuilder;

constexpr HRESULT eof = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
constexpr HRESULT connection_invalid = HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID);
constexpr HRESULT aborted = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED);

// Reads the whole body synchronously with a buffer of `size`; returns the final HRESULT.
HRESULT drain(IHttpRequest* request, std::string& body, DWORD size = 4) {
    std::vector<char> buffer(size);
    for (;;) {
        DWORD received = 0;
        const HRESULT hr = request->ReadEntityBody(buffer.data(), size, FALSE, &received);
        if (FAILED(hr)) return hr;
        body.append(buffer.data(), received);
    }
}

}  // namespace

TEST_CASE("STYLE-6: faults can be set up in the builder, in one expression", "[faults]") {
    FakeHttpRequest fake(RequestBuilder()
                             .body("0123456789")
                             .fail_nth(Method::SetHeader, 2, E_OUTOFMEMORY)
                             .fail(Method::DeleteHeader, E_ACCESSDENIED)
                             .disconnect_after(6));
    IHttpRequest* request = &fake;

    CHECK(request->SetHeader("X-A", "1", 1, TRUE) == S_OK);
    CHECK(request->SetHeader("X-B", "2", 1, TRUE) == E_OUTOFMEMORY);
    CHECK(request->SetHeader("X-C", "3", 1, TRUE) == S_OK);
    CHECK_FALSE(fake.has_header("X-B"));
    CHECK(request->DeleteHeader("X-A") == E_ACCESSDENIED);
    CHECK(fake.has_header("X-A"));

    std::string body;
    CHECK(drain(request, body) == aborted);  // the builder's default disconnect HRESULT
    CHECK(body == "012345");
}

TEST_CASE("STYLE-6: only methods that return an HRESULT can be made to fail", "[faults]") {
    FakeHttpRequest fake;
    REQUIRE_THROWS_AS(fake.fail(Method::GetHeader, E_FAIL), std::invalid_argument);
    REQUIRE_THROWS_AS(fake.fail_nth(Method::GetRemainingEntityBytes, 1, E_FAIL),
                      std::invalid_argument);
    REQUIRE_NOTHROW(fake.fail(Method::ReadEntityBody, E_FAIL));
    CHECK(iisfake::returns_hresult(Method::GetChannelBindingToken));
    CHECK_FALSE(iisfake::returns_hresult(Method::GetSiteId));
}

TEST_CASE("REQ-READ-4: a client that sends less than its Content-Length fails the read",
          "[faults]") {
    FakeHttpRequest fake(RequestBuilder().header("Content-Length", "10").body("abcdef"));
    IHttpRequest* request = &fake;
    CHECK(request->GetRemainingEntityBytes() == 10u);  // what was announced

    std::string body;
    CHECK(drain(request, body) == connection_invalid);
    CHECK(body == "abcdef");
    CHECK(request->GetRemainingEntityBytes() == 4u);
}

TEST_CASE("REQ-READ-1: bytes past the announced Content-Length are not body", "[faults]") {
    FakeHttpRequest fake(RequestBuilder().header("Content-Length", "3").body("abcdef"));
    IHttpRequest* request = &fake;
    std::string body;
    CHECK(drain(request, body) == eof);
    CHECK(body == "abc");
    CHECK(request->GetRemainingEntityBytes() == 0u);
}

TEST_CASE("STYLE-3: a call reported as misuse is in the call log before the report",
          "[faults]") {
    FakeHttpRequest fake;
    IHttpRequest* request = &fake;
    fake.clear_calls();
    REQUIRE_THROWS_AS(request->SetHeader("X-A", "ab", 4, TRUE), iisfake::MisuseError);
    REQUIRE_THROWS_AS(request->SetUrl(L"/a\0b", 4, TRUE), iisfake::MisuseError);

    const std::vector<iisfake::Call> calls = fake.calls();
    REQUIRE(calls.size() == 2u);
    CHECK(calls[0].method == Method::SetHeader);
    CHECK(calls[0].result == E_INVALIDARG);
    CHECK(calls[1].method == Method::SetUrl);
    CHECK(calls[1].result == E_INVALIDARG);
}

TEST_CASE("REQ-READ-8: a synchronous read while an asynchronous one is pending is misuse",
          "[faults][async]") {
    FakeHttpRequest fake(RequestBuilder().body("abcdef"));
    IHttpRequest* request = &fake;
    char pending_buffer[3] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(pending_buffer, 3, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);

    char sync_buffer[3] = {};
    DWORD received = 7;
    REQUIRE_THROWS_AS(request->ReadEntityBody(sync_buffer, 3, FALSE, &received),
                      iisfake::MisuseError);
    fake.set_misuse_handler(iisfake::ignore_misuse);
    CHECK(request->ReadEntityBody(sync_buffer, 3, FALSE, &received) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
    CHECK(received == 0u);
    CHECK(fake.body_consumed() == 0u);

    fake.complete_pending();
    CHECK(std::string(pending_buffer, 3) == "abc");
}

TEST_CASE("REQ-READ-5 §1.7: a completion goes to the sink in force when the read started",
          "[faults][async]") {
    // The pipeline (next milestone) sets the sink of the module whose notification is running;
    // a completion must reach that module even if another module's sink is set meanwhile.
    FakeHttpRequest fake(RequestBuilder().body("abcdef"));
    IHttpRequest* request = &fake;
    std::vector<std::string> resumed;
    fake.set_completion_sink([&](IHttpCompletionInfo*) {
        resumed.push_back("first module");
        return RQ_NOTIFICATION_CONTINUE;
    });
    char buffer[2] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, 2, TRUE, nullptr, &pending) == S_OK);
    fake.set_completion_sink([&](IHttpCompletionInfo*) {
        resumed.push_back("second module");
        return RQ_NOTIFICATION_CONTINUE;
    });
    fake.complete_pending();
    REQUIRE(resumed == std::vector<std::string>{"first module"});

    REQUIRE(request->ReadEntityBody(buffer, 2, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending();
    CHECK(resumed == std::vector<std::string>{"first module", "second module"});
}
