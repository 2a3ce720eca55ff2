// 060: the IHttpRequest3::ReadEntityBody overload that takes a PFN_ASYNC_COMPLETION and a context
// pointer, as ASP.NET Core's in-process websocket read path calls it. A pending read completes
// into the callback (not OnAsyncCompletion), with the context pointer untouched; an inline
// completion calls nothing, so the caller completes the operation itself. The callback returns
// RQ_NOTIFICATION_PENDING: ASP.NET Core resumes the pipeline elsewhere.

#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// One read the application asked for. Complete() is where the application learns the result.
struct ReadOperation {
    BYTE* pbBuffer;
    DWORD cbBuffer;
    BOOL fCompleted;
    HRESULT hrResult;  // HRESULT_FROM_WIN32(ERROR_HANDLE_EOF): the stream has ended
    DWORD cbTransferred;

    void Complete(HRESULT hr, DWORD cbBytes) {
        fCompleted = TRUE;
        hrResult = hr;
        cbTransferred = cbBytes;
    }
};

REQUEST_NOTIFICATION_STATUS WINAPI OnReadCompleted(IHttpContext3* pHttpContext,
                                                   IHttpCompletionInfo2* pCompletionInfo,
                                                   VOID* pvCompletionContext) {
    UNREFERENCED_PARAMETER(pHttpContext);
    ReadOperation* pOperation = static_cast<ReadOperation*>(pvCompletionContext);
    pOperation->Complete(pCompletionInfo->GetCompletionStatus(),
                         pCompletionInfo->GetCompletionBytes());
    return RQ_NOTIFICATION_PENDING;
}

// Starts a read. Unless it returns with pOperation->fCompleted set, OnReadCompleted finishes it.
HRESULT StartRead(IHttpRequest* pHttpRequest, ReadOperation* pOperation) {
    IHttpRequest3* pHttpRequest3 = static_cast<IHttpRequest3*>(pHttpRequest);
    DWORD cbRead = 0;
    BOOL fCompletionExpected = FALSE;
    pOperation->fCompleted = FALSE;
    const HRESULT hr =
        pHttpRequest3->ReadEntityBody(pOperation->pbBuffer, pOperation->cbBuffer, TRUE,
                                      OnReadCompleted, pOperation, &cbRead, &fCompletionExpected);
    if (FAILED(hr) || !fCompletionExpected) {
        pOperation->Complete(hr, cbRead);
    }
    return hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) ? S_OK : hr;
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("websocket bytes arrive through the callback or inline", "[example][060]") {
    iisfake::Options options;
    options.async_policy = iisfake::AsyncPolicy::alternate;  // pending, inline, pending...
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder()
                                         .header("Connection", "Upgrade")
                                         .header("Upgrade", "websocket")
                                         .body("hello from the client")
                                         .options(options));
    BYTE buffer[8];
    ReadOperation operation = {buffer, static_cast<DWORD>(sizeof(buffer)), FALSE, S_OK, 0};
    std::string received;

    // The application's read loop, as the managed side of ASP.NET Core runs it.
    for (int reads = 0; reads < 10; ++reads) {
        REQUIRE(StartRead(&request, &operation) == S_OK);
        if (!operation.fCompleted) {
            REQUIRE(request.has_pending());
            request.complete_pending();  // OnReadCompleted runs now, with &operation
        }
        REQUIRE(operation.fCompleted);
        if (operation.hrResult == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) break;
        REQUIRE(operation.hrResult == S_OK);
        received.append(reinterpret_cast<const char*>(buffer), operation.cbTransferred);
    }

    CHECK(received == "hello from the client");
    // 21 bytes in reads of 8: three reads, the first and third pending. Only those two reached
    // the callback, and both returned what the callback returns.
    const std::vector<iisfake::Completion> completions = request.completions();
    REQUIRE(completions.size() == 2);
    for (const iisfake::Completion& completion : completions) {
        CHECK(completion.to_callback);
        CHECK(completion.returned == RQ_NOTIFICATION_PENDING);
    }
}

TEST_CASE("a pending read cancelled by CancelIo completes as aborted", "[example][060]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().body("never read"));
    BYTE buffer[8];
    ReadOperation operation = {buffer, static_cast<DWORD>(sizeof(buffer)), FALSE, S_OK, 0};

    REQUIRE(StartRead(&request, &operation) == S_OK);
    REQUIRE_FALSE(operation.fCompleted);  // pending: the default

    request.cancel_pending();  // what IHttpContext::CancelIo does to a pending read

    REQUIRE(operation.fCompleted);
    CHECK(operation.hrResult == HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED));
    CHECK(operation.cbTransferred == 0);
    CHECK(request.body_consumed() == 0);
}
