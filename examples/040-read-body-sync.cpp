// 040: reading the whole request body synchronously, as the IIS docs' sample, iisnode and
// ModSecurity do: loop while GetRemainingEntityBytes() says more is coming, accept short reads,
// treat ERROR_HANDLE_EOF as the normal end, and enforce a size limit while reading (never from
// GetRemainingEntityBytes alone: for a chunked body it is not a length).

#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

HRESULT ReadWholeBody(IHttpRequest* pHttpRequest, DWORD cbLimit, std::string* pBody) {
    char buffer[1024];
    pBody->clear();
    while (pHttpRequest->GetRemainingEntityBytes() != 0) {
        DWORD cbRead = 0;
        HRESULT hr = pHttpRequest->ReadEntityBody(buffer, static_cast<DWORD>(sizeof(buffer)), FALSE,
                                                  &cbRead, NULL);
        if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) {
            break;  // the normal end of a body
        }
        if (FAILED(hr)) {
            return hr;  // the client went away, or worse
        }
        if (pBody->size() + cbRead > cbLimit) {
            return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);  // becomes a 413
        }
        pBody->append(buffer, cbRead);
    }
    return S_OK;
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("the whole body is read, however short the reads", "[example][040]") {
    // Reads 1, 2, 3, 4... return at most 5, 1, 3, 5... bytes.
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder()
                                         .method("POST")
                                         .body("name=iis&lang=c%2B%2B")
                                         .read_sizes({5, 1, 3}));
    std::string body;

    REQUIRE(ReadWholeBody(&request, 4096, &body) == S_OK);

    CHECK(body == "name=iis&lang=c%2B%2B");
    CHECK(request.header("Content-Length") == "21");  // added by the builder
    CHECK(request.body_consumed() == 21);
    int reads = 0;
    for (const iisfake::Call& call : request.calls())
        if (call.method == iisfake::Method::ReadEntityBody) ++reads;
    CHECK(reads == 7);  // 5+1+3 +5+1+3 +3
}

TEST_CASE("a request without a body is not read at all", "[example][040]") {
    iisfake::FakeHttpRequest request;  // GET, no body
    std::string body = "left over";

    REQUIRE(ReadWholeBody(&request, 4096, &body) == S_OK);

    CHECK(body.empty());
    for (const iisfake::Call& call : request.calls())
        CHECK(call.method != iisfake::Method::ReadEntityBody);
}

TEST_CASE("a body over the limit is refused", "[example][040]") {
    iisfake::FakeHttpRequest request(
        iisfake::RequestBuilder().method("PUT").body(std::string(5000, 'x')));
    std::string body;

    CHECK(ReadWholeBody(&request, 4096, &body) == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
    CHECK(request.body_consumed() == 5000);  // four full reads, then one over the limit
    CHECK(body.size() == 4096);
}

TEST_CASE("a chunked body is read to its end", "[example][040]") {
    const std::string sent(3000, 'c');
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().method("POST").body(sent).chunked());
    IHttpRequest* pHttpRequest = &request;
    // No Content-Length: IIS cannot say how much remains, only that something does.
    CHECK(pHttpRequest->GetHeader(HttpHeaderContentLength) == nullptr);
    CHECK(pHttpRequest->GetRemainingEntityBytes() == 0xFFFFFFFFu);
    std::string body;

    REQUIRE(ReadWholeBody(pHttpRequest, 4096, &body) == S_OK);

    CHECK(body == sent);
    CHECK(pHttpRequest->GetRemainingEntityBytes() == 0);
}
