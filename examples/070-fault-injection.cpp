// 070: the failures a module must survive, made to happen on purpose: the Nth SetHeader fails,
// the client goes away in the middle of the body, a pending read completes with an error, the
// client sends a header value with CRLF in it (data: the call fails with IIS's HRESULT and the
// module's own error handling runs). And the failures a module must not cause: API misuse (here
// a length that counts the terminator) is reported as iisfake::MisuseError, or, with reporting
// off, gets the HRESULT IIS returns.

#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// Tags a request for the application behind IIS; all three headers or none.
HRESULT TagRequest(IHttpRequest* pHttpRequest, const std::string& requestId,
                   const std::string& tenant) {
    const std::string values[] = {requestId, tenant, "edge-1"};
    PCSTR names[] = {"X-Request-Id", "X-Tenant", "X-Tagged-By"};
    for (int i = 0; i < 3; ++i) {
        const HRESULT hr = pHttpRequest->SetHeader(names[i], values[i].c_str(),
                                                   static_cast<USHORT>(values[i].size()), TRUE);
        if (FAILED(hr)) {
            while (i-- > 0) pHttpRequest->DeleteHeader(names[i]);  // roll back
            return hr;
        }
    }
    return S_OK;
}

// Marks the response as coming from this module. The bug: sizeof counts the terminating NUL,
// so IIS is told the value is one byte longer than it is.
HRESULT MarkRequest(IHttpRequest* pHttpRequest) {
    return pHttpRequest->SetHeader("X-Marked-By", "edge-1", sizeof("edge-1"), TRUE);
}

// An upload read asynchronously (see 050); any failure ends the request.
class UploadReader {
public:
    explicit UploadReader(IHttpRequest* pHttpRequest) : m_pHttpRequest(pHttpRequest) {}

    REQUEST_NOTIFICATION_STATUS start() { return read_until_pending(); }

    REQUEST_NOTIFICATION_STATUS on_read_completion(IHttpCompletionInfo* pCompletionInfo) {
        const HRESULT hr = pCompletionInfo->GetCompletionStatus();
        if (FAILED(hr)) return finish(hr);
        m_body.append(m_buffer, pCompletionInfo->GetCompletionBytes());
        return read_until_pending();
    }

    HRESULT result() const { return m_hr; }
    const std::string& body() const { return m_body; }

private:
    REQUEST_NOTIFICATION_STATUS read_until_pending() {
        for (;;) {
            DWORD cbRead = 0;
            BOOL fPending = FALSE;
            const HRESULT hr = m_pHttpRequest->ReadEntityBody(
                m_buffer, static_cast<DWORD>(sizeof(m_buffer)), TRUE, &cbRead, &fPending);
            if (FAILED(hr)) return finish(hr);
            if (fPending) return RQ_NOTIFICATION_PENDING;
            m_body.append(m_buffer, cbRead);
        }
    }

    REQUEST_NOTIFICATION_STATUS finish(HRESULT hr) {
        m_hr = hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) ? S_OK : hr;
        return FAILED(m_hr) ? RQ_NOTIFICATION_FINISH_REQUEST : RQ_NOTIFICATION_CONTINUE;
    }

    IHttpRequest* m_pHttpRequest;
    char m_buffer[16];
    std::string m_body;
    HRESULT m_hr = E_PENDING;
};

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("a failing SetHeader leaves no half-tagged request", "[example][070]") {
    iisfake::FakeHttpRequest request;
    request.fail_nth(iisfake::Method::SetHeader, 2, E_OUTOFMEMORY);  // X-Tenant

    CHECK(TagRequest(&request, "42", "acme") == E_OUTOFMEMORY);

    CHECK_FALSE(request.has_header("X-Request-Id"));
    CHECK_FALSE(request.has_header("X-Tenant"));
    CHECK_FALSE(request.has_header("X-Tagged-By"));
}

TEST_CASE("the client disconnects in the middle of the body", "[example][070]") {
    iisfake::FakeHttpRequest request(
        iisfake::RequestBuilder().method("POST").body(std::string(100, 'u')));
    request.disconnect_after(40);  // then reads fail with ERROR_CONNECTION_ABORTED
    UploadReader reader(&request);
    request.set_completion_sink(
        [&reader](IHttpCompletionInfo* pInfo) { return reader.on_read_completion(pInfo); });

    REQUIRE(reader.start() == RQ_NOTIFICATION_PENDING);
    while (request.has_pending()) request.complete_pending();

    CHECK(reader.result() == HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    CHECK(reader.body().size() == 40);
}

TEST_CASE("a pending read completes with an error", "[example][070]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().method("POST").body("payload"));
    UploadReader reader(&request);
    request.set_completion_sink(
        [&reader](IHttpCompletionInfo* pInfo) { return reader.on_read_completion(pInfo); });

    REQUIRE(reader.start() == RQ_NOTIFICATION_PENDING);
    request.complete_pending_with(HRESULT_FROM_WIN32(ERROR_NETNAME_DELETED));

    CHECK(reader.result() == HRESULT_FROM_WIN32(ERROR_NETNAME_DELETED));
    REQUIRE(request.completions().size() == 1);
    CHECK(request.completions()[0].returned == RQ_NOTIFICATION_FINISH_REQUEST);
    CHECK(request.body_consumed() == 0);
}

TEST_CASE("a header value with CRLF from the client fails the call, and the module rolls back",
          "[example][070]") {
    const std::string tenant = "acme\r\nX-Admin: 1";  // copied unchecked from client input
    iisfake::FakeHttpRequest request;

    // Not misuse: it depends on the request's data, so the module must handle it, and does.
    CHECK(TagRequest(&request, "42", tenant) == E_INVALIDARG);
    CHECK_FALSE(request.has_header("X-Request-Id"));  // rolled back
    CHECK_FALSE(request.has_header("X-Tenant"));
    CHECK(request.misuses().empty());
}

TEST_CASE("a length that counts the terminator is misuse", "[example][070]") {
    iisfake::FakeHttpRequest request;

    SECTION("reported as iisfake::MisuseError (the default)") {
        REQUIRE_THROWS_AS(MarkRequest(&request), iisfake::MisuseError);
    }
    SECTION("with reporting off for that rule, the module sees what IIS returns") {
        request.set_misuse_handler(iisfake::throw_misuse_except({"REQ-SH-3"}));
        CHECK(MarkRequest(&request) == E_INVALIDARG);
        CHECK_FALSE(request.has_header("X-Marked-By"));
    }
    // Either way the fake keeps the report, naming the method and the rule.
    REQUIRE(request.misuses().size() == 1);
    CHECK(request.misuses()[0].method == "IHttpRequest::SetHeader");
    CHECK(request.misuses()[0].rule == "REQ-SH-3");
    INFO(request.misuses()[0].message());
    CHECK(request.misuses()[0].result == E_INVALIDARG);
}
