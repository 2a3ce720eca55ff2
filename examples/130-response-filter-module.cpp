// 130: a whole module that filters the response in OnSendResponse, as an output filter of a web
// application firewall does: it masks API keys ("sk_live_" and the letters and digits after it)
// in what is being sent. OnSendResponse fires once per flush and once for the final send, and
// the raw response's pEntityChunks then hold only that send's chunks (T-21); the module copies
// them into request memory, masks the copy and points pEntityChunks at a new chunk array. It
// decides once, on the send that carries the headers (GetHeadersBeingSent), whether the response
// is text at all. It registers RQ_SEND_RESPONSE at FIRST: send handlers run LAST to FIRST, so it
// runs after every other module's filter and also masks what they added.
//
// The tests load it with ModuleHost::load("SecretMask", &secret_mask::RegisterModule), beside a
// handler that streams its page in several flushes and a module that appends a debug footer.

#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include "catch.hpp"

// ==== the module: SDK types only, as in its own DLL ===========================================

// In the module's DLL this is the global namespace and RegisterModule is the function the .def
// file exports; here each example's module has a namespace of its own (one test binary).
namespace secret_mask {

static const char c_szKeyPrefix[] = "sk_live_";
static const size_t c_cchKeyPrefix = sizeof(c_szKeyPrefix) - 1;

static bool IsKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Masks every key in pch[0..cch) in place, keeping the length (Content-Length stays right).
// Returns the number of keys masked.
static DWORD MaskKeys(char* pch, size_t cch) {
    DWORD cMasked = 0;
    for (size_t i = 0; i + c_cchKeyPrefix <= cch; ++i) {
        if (memcmp(pch + i, c_szKeyPrefix, c_cchKeyPrefix) != 0) continue;
        size_t j = i + c_cchKeyPrefix;
        if (j >= cch || !IsKeyChar(pch[j])) continue;
        for (; j < cch && IsKeyChar(pch[j]); ++j) pch[j] = '*';
        ++cMasked;
        i = j - 1;
    }
    return cMasked;
}

static bool IsText(IHttpResponse* pResponse) {
    USHORT cchType = 0;
    PCSTR pszType = pResponse->GetHeader(HttpHeaderContentType, &cchType);
    if (pszType == NULL) return false;
    return (cchType >= 5 && strncmp(pszType, "text/", 5) == 0) ||
           (cchType >= 16 && strncmp(pszType, "application/json", 16) == 0);
}

class CSecretMask : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext,
                                               ISendResponseProvider* pProvider) override {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        if (pProvider->GetHeadersBeingSent()) {
            // The first send: the last moment a header can still change.
            m_fText = IsText(pResponse);
            if (m_fText) pResponse->SetHeader("X-Secret-Mask", "on", 2, TRUE);
        }
        if (!m_fText) return RQ_NOTIFICATION_CONTINUE;
        if (FAILED(MaskSend(pHttpContext, pResponse->GetRawHttpResponse()))) {
            pProvider->SetErrorStatus(E_OUTOFMEMORY);
            pResponse->ResetConnection();  // never send an unmasked key
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    // Rewrites this send's chunks: each run of memory chunks becomes one masked copy in request
    // memory (a key split between two chunks of one send is found); other chunks stay as they
    // are. The handler's own buffers are never written to.
    static HRESULT MaskSend(IHttpContext* pHttpContext, HTTP_RESPONSE* pRaw) {
        const USHORT cChunks = pRaw->EntityChunkCount;
        if (cChunks == 0) return S_OK;
        HTTP_DATA_CHUNK* pNew = static_cast<HTTP_DATA_CHUNK*>(
            pHttpContext->AllocateRequestMemory(cChunks * static_cast<DWORD>(sizeof(HTTP_DATA_CHUNK))));
        if (pNew == NULL) return E_OUTOFMEMORY;
        USHORT cNew = 0;
        DWORD cMasked = 0;
        for (USHORT i = 0; i < cChunks;) {
            const HTTP_DATA_CHUNK& chunk = pRaw->pEntityChunks[i];
            if (chunk.DataChunkType != HttpDataChunkFromMemory) {
                pNew[cNew++] = chunk;
                ++i;
                continue;
            }
            USHORT iEnd = i;
            size_t cbRun = 0;
            while (iEnd < cChunks && pRaw->pEntityChunks[iEnd].DataChunkType == HttpDataChunkFromMemory) {
                cbRun += pRaw->pEntityChunks[iEnd].FromMemory.BufferLength;
                ++iEnd;
            }
            char* pchRun = static_cast<char*>(
                pHttpContext->AllocateRequestMemory(static_cast<DWORD>(cbRun)));
            if (pchRun == NULL) return E_OUTOFMEMORY;
            size_t cbCopied = 0;
            for (USHORT k = i; k < iEnd; ++k) {
                const HTTP_DATA_CHUNK& part = pRaw->pEntityChunks[k];
                memcpy(pchRun + cbCopied, part.FromMemory.pBuffer, part.FromMemory.BufferLength);
                cbCopied += part.FromMemory.BufferLength;
            }
            cMasked += MaskKeys(pchRun, cbRun);
            HTTP_DATA_CHUNK& merged = pNew[cNew++];
            merged.DataChunkType = HttpDataChunkFromMemory;
            merged.FromMemory.pBuffer = pchRun;
            merged.FromMemory.BufferLength = static_cast<ULONG>(cbRun);
            i = iEnd;
        }
        if (cMasked != 0) {  // nothing to hide: send the handler's chunks as they were
            pRaw->pEntityChunks = pNew;
            pRaw->EntityChunkCount = cNew;
        }
        return S_OK;
    }

    bool m_fText = false;
};

class CSecretMaskFactory : public IHttpModuleFactory {
public:
    virtual ~CSecretMaskFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CSecretMask;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    CSecretMaskFactory* pFactory = new (std::nothrow) CSecretMaskFactory;
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    HRESULT hr = pModuleInfo->SetRequestNotifications(pFactory, RQ_SEND_RESPONSE, 0);
    if (FAILED(hr)) {
        pFactory->Terminate();
        return hr;
    }
    // RQ_SEND_RESPONSE runs LAST to FIRST: FIRST is the last filter before the client.
    return pModuleInfo->SetPriorityForRequestNotification(RQ_SEND_RESPONSE, PRIORITY_ALIAS_FIRST);
}

}  // namespace secret_mask

// ==== modules the tests load beside it =======================================================

// The handler: streams its request body back as the page, one flush per '|'-separated part (the
// last part goes out with the final send), with the request's Content-Type.
namespace streaming_page {

class CStreamingPage : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext* pHttpContext,
                                                        IHttpEventProvider*) override {
        IHttpRequest* pRequest = pHttpContext->GetRequest();
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        std::string strBody;
        char buffer[256];
        DWORD cbRead = 0;
        while (SUCCEEDED(pRequest->ReadEntityBody(buffer, sizeof(buffer), FALSE, &cbRead))) {
            strBody.append(buffer, cbRead);
        }
        USHORT cchType = 0;
        PCSTR pszType = pRequest->GetHeader(HttpHeaderContentType, &cchType);
        pResponse->SetStatus(200, "OK");
        if (pszType != NULL) pResponse->SetHeader(HttpHeaderContentType, pszType, cchType, TRUE);
        size_t start = 0;
        for (;;) {
            const size_t bar = strBody.find('|', start);
            const std::string part = strBody.substr(start, bar == std::string::npos ? bar : bar - start);
            HTTP_DATA_CHUNK chunk;
            chunk.DataChunkType = HttpDataChunkFromMemory;
            chunk.FromMemory.pBuffer = const_cast<char*>(part.data());
            chunk.FromMemory.BufferLength = static_cast<ULONG>(part.size());
            DWORD cbSent = 0;
            if (!part.empty()) pResponse->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &cbSent);
            if (bar == std::string::npos) break;
            pResponse->Flush(FALSE, TRUE, &cbSent);  // one send, one OnSendResponse
            start = bar + 1;
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CStreamingPageFactory : public IHttpModuleFactory {
public:
    virtual ~CStreamingPageFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CStreamingPage;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    return pModuleInfo->SetRequestNotifications(new CStreamingPageFactory,
                                                RQ_EXECUTE_REQUEST_HANDLER, 0);
}

}  // namespace streaming_page

// A leaky debugging module: on the final send it appends a footer holding a key. Registered at
// the default priority (MEDIUM), so its OnSendResponse runs before SecretMask's.
namespace debug_footer {

static char g_szFooter[] = "\n<!-- debug: sk_live_Footer42 -->";

class CDebugFooter : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext,
                                               ISendResponseProvider* pProvider) override {
        if ((pProvider->GetFlags() & HTTP_SEND_RESPONSE_FLAG_MORE_DATA) != 0) {
            return RQ_NOTIFICATION_CONTINUE;  // not the last send
        }
        HTTP_RESPONSE* pRaw = pHttpContext->GetResponse()->GetRawHttpResponse();
        const USHORT cChunks = pRaw->EntityChunkCount;
        HTTP_DATA_CHUNK* pNew = static_cast<HTTP_DATA_CHUNK*>(pHttpContext->AllocateRequestMemory(
            (cChunks + 1u) * static_cast<DWORD>(sizeof(HTTP_DATA_CHUNK))));
        if (pNew == NULL) return RQ_NOTIFICATION_CONTINUE;
        for (USHORT i = 0; i < cChunks; ++i) pNew[i] = pRaw->pEntityChunks[i];
        pNew[cChunks].DataChunkType = HttpDataChunkFromMemory;
        pNew[cChunks].FromMemory.pBuffer = g_szFooter;
        pNew[cChunks].FromMemory.BufferLength = static_cast<ULONG>(sizeof(g_szFooter) - 1);
        pRaw->pEntityChunks = pNew;
        pRaw->EntityChunkCount = static_cast<USHORT>(cChunks + 1);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CDebugFooterFactory : public IHttpModuleFactory {
public:
    virtual ~CDebugFooterFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CDebugFooter;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    return pModuleInfo->SetRequestNotifications(new CDebugFooterFactory, RQ_SEND_RESPONSE, 0);
}

}  // namespace debug_footer

// ==== its tests ==============================================================================

namespace {

using iisfake::RequestBuilder;
using Trace = std::vector<std::string>;

void load_modules(iisfake::ModuleHost& host) {
    REQUIRE(host.load("SecretMask", &secret_mask::RegisterModule) == S_OK);
    REQUIRE(host.load("StreamingPage", &streaming_page::RegisterModule) == S_OK);
}

RequestBuilder page(const std::string& parts, const std::string& type = "text/plain") {
    return RequestBuilder().method("POST").url("/page").header("Content-Type", type).body(parts);
}

std::vector<std::string> bodies(const iisfake::FakeHttpResponse& response) {
    std::vector<std::string> out;
    for (const iisfake::Send& send : response.sends()) out.push_back(send.body);
    return out;
}

bool has_sent_header(const iisfake::FakeHttpResponse& response, const std::string& name) {
    for (const auto& header : response.sent_headers())
        if (header.first == name) return true;
    return false;
}

}  // namespace

TEST_CASE("130: RegisterModule asks for RQ_SEND_RESPONSE at FIRST [REG-4] [REG-6]",
          "[example][130]") {
    iisfake::ModuleHost host;
    load_modules(host);
    const iisfake::FakeModuleRegistrationInfo* info = host.registration("SecretMask");
    REQUIRE(info != nullptr);
    CHECK(info->request_notifications() == RQ_SEND_RESPONSE);
    CHECK(info->priority(iisfake::PriorityRequest::Kind::request, RQ_SEND_RESPONSE) ==
          iisfake::Priority::first);
}

TEST_CASE("130: every flush and the final send are filtered, each with only its own chunks "
          "[T-21] [PROV-6]",
          "[example][130]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.serve(page("key sk_live_abc123.|second sk_live_Z9 and|end"));
    CHECK(request.trace() == Trace{"StreamingPage.OnExecuteRequestHandler",
                                  "SecretMask.OnSendResponse",  // flush 1
                                  "SecretMask.OnSendResponse",  // flush 2
                                  "SecretMask.OnSendResponse",  // the final send
                                  "SecretMask.Dispose", "StreamingPage.Dispose"});
    CHECK(bodies(request.response()) ==
          std::vector<std::string>{"key sk_live_******.", "second sk_live_** and", "end"});
    const std::vector<iisfake::Send>& sends = request.response().sends();
    CHECK(sends[0].headers);  // GetHeadersBeingSent: the first send only
    CHECK_FALSE(sends[1].headers);
    CHECK(sends[1].more_data);
    CHECK(sends[2].final);
    CHECK(request.response().header("X-Secret-Mask") == "on");
    CHECK(has_sent_header(request.response(), "X-Secret-Mask"));  // set in time: it went out
}

TEST_CASE("130: the static file is masked in a copy, the file itself stays intact; sends "
          "without a key are left as they are [RESP-7]",
          "[example][130]") {
    iisfake::ModuleHost host;  // no handler module: IIS's static file handler serves the file
    REQUIRE(host.load("SecretMask", &secret_mask::RegisterModule) == S_OK);
    host.add_file("/notes.txt", "token=sk_live_FromFile7", "text/plain");
    auto file = host.serve(RequestBuilder().url("/notes.txt"));
    CHECK(file.trace().front() == "StaticFileModule.ExecuteRequestHandler");
    CHECK(file.response().body() == "token=sk_live_*********");
    auto again = host.serve(RequestBuilder().url("/notes.txt"));  // the file itself is intact
    CHECK(again.response().body() == "token=sk_live_*********");

    iisfake::ModuleHost streaming;
    load_modules(streaming);
    auto clean = streaming.serve(page("nothing|secret here"));
    CHECK(clean.response().body() == "nothingsecret here");
}

TEST_CASE("130: a response that is not text is decided on the first send and left alone "
          "[PROV-6] [T-21]",
          "[example][130]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.serve(page("sk_live_abc|sk_live_def", "application/octet-stream"));
    CHECK(request.response().body() == "sk_live_abcsk_live_def");
    CHECK_FALSE(has_sent_header(request.response(), "X-Secret-Mask"));
}

TEST_CASE("130: a key split between two flushes is not seen whole (the module sees one send at "
          "a time) [T-21]",
          "[example][130]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.serve(page("a sk_li|ve_abc b"));
    CHECK(bodies(request.response()) == std::vector<std::string>{"a sk_li", "ve_abc b"});
}

TEST_CASE("130: send handlers run LAST to FIRST, so the mask also covers what other filters add "
          "[PIPE-1] [T-21]",
          "[example][130]") {
    iisfake::ModuleHost host;
    load_modules(host);
    REQUIRE(host.load("DebugFooter", &debug_footer::RegisterModule) == S_OK);
    auto request = host.serve(page("one|two"));
    CHECK(request.trace() == Trace{"StreamingPage.OnExecuteRequestHandler",
                                  "DebugFooter.OnSendResponse", "SecretMask.OnSendResponse",
                                  "DebugFooter.OnSendResponse", "SecretMask.OnSendResponse",
                                  "SecretMask.Dispose", "StreamingPage.Dispose",
                                  "DebugFooter.Dispose"});
    CHECK(request.response().body() == "onetwo\n<!-- debug: sk_live_******** -->");
}
