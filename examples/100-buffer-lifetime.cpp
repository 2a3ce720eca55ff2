// 100: the bug a gMock mock cannot see. An error handler shaped like ASP.NET Core Module's
// ServerErrorHandler writes its error page with WriteEntityChunkByReference from memory it owns,
// and that memory is gone (or reused) by the time IIS sends the response. A mock copies the
// chunk when it is called, so the test passes; IIS reads the pointer later. iisfake reads it
// when IIS would, and with strict_request_memory reports the write itself.

#include <cstring>
#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// A page buffer the handler reuses for every request it serves: the bug's safe twin (freeing
// it would be undefined behaviour even in a test; reusing it shows the same mistake).
char g_szPage[256];

class ErrorHandler {
public:
    explicit ErrorHandler(bool fCopyToRequestMemory) : m_fCopy(fCopyToRequestMemory) {}

    HRESULT Execute(IHttpContext* pHttpContext, USHORT status, PCSTR pszMessage) {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        HRESULT hr = pResponse->SetStatus(status, "Error");
        if (FAILED(hr)) return hr;
        const size_t cch = strlen(pszMessage);
        if (cch >= sizeof(g_szPage)) return E_INVALIDARG;
        void* pvPage = g_szPage;
        if (m_fCopy) {
            // The fix: memory that lives as long as the request.
            pvPage = pHttpContext->AllocateRequestMemory(static_cast<DWORD>(cch));
            if (pvPage == NULL) return E_OUTOFMEMORY;
        }
        memcpy(pvPage, pszMessage, cch);
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = pvPage;
        chunk.FromMemory.BufferLength = static_cast<ULONG>(cch);
        return pResponse->WriteEntityChunkByReference(&chunk);
    }

private:
    bool m_fCopy;
};

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("buggy: the page is read when sent, after the next request overwrote it",
          "[example][100]") {
    ErrorHandler handler(false);
    iisfake::FakeHttpContext first;
    iisfake::FakeHttpContext second;
    REQUIRE(handler.Execute(&first, 502, "bad gateway: backend down") == S_OK);
    REQUIRE(handler.Execute(&second, 503, "service unavailable") == S_OK);
    first.end_request();
    second.end_request();
    // The first client gets the second request's text: what IIS would send, too.
    CHECK(first.response().body() != "bad gateway: backend down");
}

TEST_CASE("buggy: strict_request_memory reports the write itself", "[example][100]") {
    ErrorHandler handler(false);
    iisfake::FakeHttpContext context;
    context.options().strict_request_memory = true;
    CHECK_THROWS_AS(handler.Execute(&context, 502, "bad gateway"), iisfake::MisuseError);
}

TEST_CASE("fixed: request memory keeps the page until it is sent", "[example][100]") {
    ErrorHandler handler(true);
    iisfake::FakeHttpContext first;
    iisfake::FakeHttpContext second;
    first.options().strict_request_memory = true;
    second.options().strict_request_memory = true;
    REQUIRE(handler.Execute(&first, 502, "bad gateway: backend down") == S_OK);
    REQUIRE(handler.Execute(&second, 503, "service unavailable") == S_OK);
    first.end_request();
    second.end_request();
    CHECK(first.response().body() == "bad gateway: backend down");
    CHECK(first.response().sent_status() == 502);
    CHECK(second.response().body() == "service unavailable");
}
