// 050: reading the body asynchronously. Each ReadEntityBody(fAsync = TRUE) either completes
// inline (*pfCompletionPending == FALSE: the bytes are there, no completion follows) or goes
// pending (the notification returns RQ_NOTIFICATION_PENDING and the bytes arrive later through
// OnAsyncCompletion). IIS does both, and a pool thread can deliver the completion before
// ReadEntityBody has even returned. The test runs the same reader under every pattern.

#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// The per-request state a module keeps between its notification and its completions.
class BodyReader {
public:
    explicit BodyReader(IHttpRequest* pHttpRequest) : m_pHttpRequest(pHttpRequest) {}

    // From OnExecuteRequestHandler.
    REQUEST_NOTIFICATION_STATUS start() { return read_until_pending(); }

    // From CHttpModule::OnAsyncCompletion: the read that went pending is done.
    REQUEST_NOTIFICATION_STATUS on_read_completion(IHttpCompletionInfo* pCompletionInfo) {
        const HRESULT hr = pCompletionInfo->GetCompletionStatus();
        if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) return finish(S_OK);
        if (FAILED(hr)) return finish(hr);
        if (pCompletionInfo->GetCompletionBytes() == 0) return finish(S_OK);  // iisnode: the end
        m_body.append(m_buffer, pCompletionInfo->GetCompletionBytes());
        return read_until_pending();
    }

    bool done() const { return m_fDone; }
    HRESULT result() const { return m_hr; }
    const std::string& body() const { return m_body; }

private:
    REQUEST_NOTIFICATION_STATUS read_until_pending() {
        for (;;) {
            DWORD cbRead = 0;
            BOOL fCompletionPending = FALSE;
            const HRESULT hr = m_pHttpRequest->ReadEntityBody(
                m_buffer, static_cast<DWORD>(sizeof(m_buffer)), TRUE, &cbRead, &fCompletionPending);
            if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) return finish(S_OK);
            if (FAILED(hr)) return finish(hr);
            if (fCompletionPending) {
                // Touch no state after this point: the completion may already have run.
                return RQ_NOTIFICATION_PENDING;
            }
            m_body.append(m_buffer, cbRead);  // completed inline: no completion will follow
        }
    }

    REQUEST_NOTIFICATION_STATUS finish(HRESULT hr) {
        m_hr = hr;
        m_fDone = true;
        return FAILED(hr) ? RQ_NOTIFICATION_FINISH_REQUEST : RQ_NOTIFICATION_CONTINUE;
    }

    IHttpRequest* m_pHttpRequest;
    char m_buffer[16];
    std::string m_body;
    HRESULT m_hr = S_OK;
    bool m_fDone = false;
};

}  // namespace

// ==== its tests ==============================================================================

namespace {

// Plays IIS: the notification starts the reader, then every pending read is completed. Returns
// what ends the notification: start()'s status, or, if that pended, the status of the one
// completion that did not pend again.
REQUEST_NOTIFICATION_STATUS run(iisfake::FakeHttpRequest& request, BodyReader& reader) {
    REQUEST_NOTIFICATION_STATUS status = reader.start();
    while (request.has_pending()) request.complete_pending();
    for (const iisfake::Completion& completion : request.completions())
        if (completion.returned != RQ_NOTIFICATION_PENDING) status = completion.returned;
    return status;
}

}  // namespace

TEST_CASE("the body arrives however the reads complete", "[example][050]") {
    std::string sent;
    for (int i = 0; i < 10; ++i) sent += "0123456789";  // 100 bytes: 7 reads of 16 bytes or less
    iisfake::Options options;
    std::size_t expected_completions = 0;
    SECTION("always pending (the default)") {
        options.async_policy = iisfake::AsyncPolicy::always_pending;
        expected_completions = 7;
    }
    SECTION("always inline") {
        options.async_policy = iisfake::AsyncPolicy::always_inline;
        expected_completions = 0;
    }
    SECTION("pending, inline, pending...") {
        options.async_policy = iisfake::AsyncPolicy::alternate;
        expected_completions = 4;
    }
    SECTION("completed before ReadEntityBody returns") {
        options.async_policy = iisfake::AsyncPolicy::complete_before_return;
        expected_completions = 7;
    }
    SECTION("end of body reported as a completion") {
        options.async_eof = iisfake::AsyncEof::completion;
        expected_completions = 8;
    }
    iisfake::FakeHttpRequest request(
        iisfake::RequestBuilder().method("POST").body(sent).options(options));
    BodyReader reader(&request);
    request.set_completion_sink([&reader](IHttpCompletionInfo* pCompletionInfo) {
        return reader.on_read_completion(pCompletionInfo);
    });

    REQUIRE(run(request, reader) == RQ_NOTIFICATION_CONTINUE);

    REQUIRE(reader.done());
    CHECK(reader.result() == S_OK);
    CHECK(reader.body() == sent);
    CHECK(request.completions().size() == expected_completions);
}
