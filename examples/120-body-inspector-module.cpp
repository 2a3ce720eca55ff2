// 120: a whole module, loaded through its own RegisterModule and run through the pipeline: an
// asynchronous request-body inspector, in the shape of the body-inspecting part of a web
// application firewall. In OnBeginRequest it reads the body with ReadEntityBody(fAsync = TRUE),
// handling both outcomes of every read: completed inline (keep reading in the loop) and pending
// (return RQ_NOTIFICATION_PENDING, continue in OnAsyncCompletion). Then it either blocks the
// request (403 + RQ_NOTIFICATION_FINISH_REQUEST) or puts the body back with InsertEntityBody, from
// request memory, so that the handler still reads it.
//
// The tests load it with ModuleHost::load("BodyInspector", &body_inspector::RegisterModule), next
// to a small handler module that echoes the body, and run requests under every completion
// pattern IIS produces: pending, inline, mixed, a completion that runs before ReadEntityBody
// returns, completions on other threads.

#include <algorithm>
#include <cctype>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#define IISFAKE_CONFIG_THREADED_DELIVERY  // host.deliver_on_threads()
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include "catch.hpp"

// ==== the module: SDK types only, as in its own DLL ===========================================

// In the module's DLL this is the global namespace and RegisterModule is the function the .def
// file exports. Here several examples share one test binary, so each module lives in a namespace
// of its own and its RegisterModule is named through it.
namespace body_inspector {

static const DWORD c_cbReadBuffer = 4096;
static const size_t c_cbMaxBody = 1024 * 1024;
static const char* const c_rgszForbidden[] = {"DROP TABLE", "<script"};
static const char c_szBlocked[] = "Request blocked";

static bool ContainsWord(const std::string& strBody, const char* pszWord) {
    const char* pszEnd = pszWord + strlen(pszWord);
    return std::search(strBody.begin(), strBody.end(), pszWord, pszEnd, [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           }) != strBody.end();
}

class CBodyInspector : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext,
                                               IHttpEventProvider*) override {
        if (pHttpContext->GetRequest()->GetRemainingEntityBytes() == 0) {
            return RQ_NOTIFICATION_CONTINUE;  // no body (REQ-REM-3: skip the read)
        }
        return ReadUntilPending(pHttpContext);
    }

    // A read that went pending is done. This may run before ReadEntityBody has returned in
    // ReadUntilPending (on a pool thread, or inside the call): what it returns is then the
    // notification's result, and the PENDING that OnBeginRequest returns only acknowledges it.
    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* pHttpContext, DWORD, BOOL,
                                                  IHttpEventProvider*,
                                                  IHttpCompletionInfo* pCompletionInfo) override {
        const HRESULT hr = pCompletionInfo->GetCompletionStatus();
        if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) return Inspect(pHttpContext);
        if (FAILED(hr)) return Fail(pHttpContext, hr);
        if (!Append(pHttpContext->GetResponse(), pCompletionInfo->GetCompletionBytes())) {
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return ReadUntilPending(pHttpContext);
    }

private:
    REQUEST_NOTIFICATION_STATUS ReadUntilPending(IHttpContext* pHttpContext) {
        IHttpRequest* pRequest = pHttpContext->GetRequest();
        for (;;) {
            DWORD cbRead = 0;
            BOOL fCompletionPending = FALSE;
            const HRESULT hr = pRequest->ReadEntityBody(m_buffer, c_cbReadBuffer, TRUE, &cbRead,
                                                        &fCompletionPending);
            if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) return Inspect(pHttpContext);
            if (FAILED(hr)) return Fail(pHttpContext, hr);
            if (fCompletionPending) {
                // OnAsyncCompletion continues. Touch nothing after this line: it may have run
                // already, or be running on another thread.
                return RQ_NOTIFICATION_PENDING;
            }
            // Completed inline: the bytes are here and no completion will follow.
            if (!Append(pHttpContext->GetResponse(), cbRead)) {
                return RQ_NOTIFICATION_FINISH_REQUEST;
            }
        }
    }

    bool Append(IHttpResponse* pResponse, DWORD cbRead) {
        if (m_body.size() + cbRead > c_cbMaxBody) {
            pResponse->SetStatus(413, "Payload Too Large");
            return false;
        }
        m_body.append(m_buffer, cbRead);
        return true;
    }

    // The whole body is here: block it, or hand it back to the request for the handler.
    REQUEST_NOTIFICATION_STATUS Inspect(IHttpContext* pHttpContext) {
        for (const char* pszWord : c_rgszForbidden) {
            if (ContainsWord(m_body, pszWord)) return Block(pHttpContext);
        }
        if (m_body.empty()) return RQ_NOTIFICATION_CONTINUE;
        // IIS keeps the pointer and reads it when the handler reads: request memory lives as
        // long as the request, this module's m_body does not.
        void* pvBody = pHttpContext->AllocateRequestMemory(static_cast<DWORD>(m_body.size()));
        if (pvBody == NULL) return Fail(pHttpContext, E_OUTOFMEMORY);
        memcpy(pvBody, m_body.data(), m_body.size());
        const HRESULT hr = pHttpContext->GetRequest()->InsertEntityBody(
            pvBody, static_cast<DWORD>(m_body.size()));
        if (FAILED(hr)) return Fail(pHttpContext, hr);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS Block(IHttpContext* pHttpContext) {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        pResponse->Clear();
        pResponse->SetStatus(403, "Forbidden");
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(c_szBlocked);
        chunk.FromMemory.BufferLength = static_cast<ULONG>(sizeof(c_szBlocked) - 1);
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);  // copied now
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    // The client went away or sent less than it announced.
    static REQUEST_NOTIFICATION_STATUS Fail(IHttpContext* pHttpContext, HRESULT hr) {
        pHttpContext->GetResponse()->SetStatus(400, "Bad Request", 0, hr);
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    char m_buffer[c_cbReadBuffer];
    std::string m_body;
};

class CBodyInspectorFactory : public IHttpModuleFactory {
public:
    virtual ~CBodyInspectorFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        CBodyInspector* pModule = new (std::nothrow) CBodyInspector;
        if (pModule == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
        *ppModule = pModule;
        return S_OK;
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    CBodyInspectorFactory* pFactory = new (std::nothrow) CBodyInspectorFactory;
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    HRESULT hr = pModuleInfo->SetRequestNotifications(pFactory, RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr)) {
        pFactory->Terminate();
        return hr;
    }
    // Inspect before any other module looks at the request.
    return pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, PRIORITY_ALIAS_FIRST);
}

}  // namespace body_inspector

// ==== a second module the tests load beside it: the handler, which echoes the body ===========

namespace echo_handler {

class CEchoModule : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext* pHttpContext,
                                                        IHttpEventProvider*) override {
        IHttpRequest* pRequest = pHttpContext->GetRequest();
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        char buffer[1024];
        for (;;) {
            DWORD cbRead = 0;
            const HRESULT hr = pRequest->ReadEntityBody(buffer, sizeof(buffer), FALSE, &cbRead);
            if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) break;
            if (FAILED(hr)) {
                pResponse->SetStatus(400, "Bad Request", 0, hr);
                return RQ_NOTIFICATION_FINISH_REQUEST;
            }
            m_body.append(buffer, cbRead);
        }
        pResponse->SetStatus(200, "OK");
        if (!m_body.empty()) {
            HTTP_DATA_CHUNK chunk;
            chunk.DataChunkType = HttpDataChunkFromMemory;
            chunk.FromMemory.pBuffer = &m_body[0];
            chunk.FromMemory.BufferLength = static_cast<ULONG>(m_body.size());
            DWORD cbSent = 0;
            pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);  // copied now
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    std::string m_body;
};

class CEchoFactory : public IHttpModuleFactory {
public:
    virtual ~CEchoFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CEchoModule;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    CEchoFactory* pFactory = new (std::nothrow) CEchoFactory;
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    const HRESULT hr =
        pModuleInfo->SetRequestNotifications(pFactory, RQ_EXECUTE_REQUEST_HANDLER, 0);
    if (FAILED(hr)) pFactory->Terminate();
    return hr;
}

}  // namespace echo_handler

// ==== a module with the bug this one avoids: it assumes every read goes pending ===============

namespace naive_inspector {

class CNaiveInspector : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext,
                                               IHttpEventProvider*) override {
        DWORD cbRead = 0;
        BOOL fCompletionPending = FALSE;
        pHttpContext->GetRequest()->ReadEntityBody(m_buffer, sizeof(m_buffer), TRUE, &cbRead,
                                                   &fCompletionPending);
        return RQ_NOTIFICATION_PENDING;  // the bug: also when the read completed inline
    }
    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext*, DWORD, BOOL, IHttpEventProvider*,
                                                  IHttpCompletionInfo*) override {
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    char m_buffer[64];
};

class CNaiveFactory : public IHttpModuleFactory {
public:
    virtual ~CNaiveFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CNaiveInspector;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    return pModuleInfo->SetRequestNotifications(new CNaiveFactory, RQ_BEGIN_REQUEST, 0);
}

}  // namespace naive_inspector

// ==== and one that writes an access log line in LogRequest =================================

namespace access_log {

class CAccessLog : public CHttpModule {
public:
    explicit CAccessLog(std::vector<USHORT>* pLog) : m_pLog(pLog) {}
    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext* pHttpContext,
                                             IHttpEventProvider*) override {
        USHORT uStatus = 0;
        pHttpContext->GetResponse()->GetStatus(&uStatus);
        m_pLog->push_back(uStatus);
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    std::vector<USHORT>* m_pLog;
};

class CAccessLogFactory : public IHttpModuleFactory {
public:
    virtual ~CAccessLogFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CAccessLog(&m_log);
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override {}  // owned by the test
    std::vector<USHORT> m_log;  // the statuses logged, for the test to read
};

}  // namespace access_log

// ==== its tests ==============================================================================

namespace {

using iisfake::RequestBuilder;
using iisfake::RequestState;
using Trace = std::vector<std::string>;

// The two modules in configuration (<modules>) order, the echo module as the handler.
void load_modules(iisfake::ModuleHost& host) {
    REQUIRE(host.load("BodyInspector", &body_inspector::RegisterModule) == S_OK);
    REQUIRE(host.load("Echo", &echo_handler::RegisterModule) == S_OK);
    host.set_handler("Echo");  // what <handlers> maps the URL to (PIPE-2)
}

RequestBuilder post(const std::string& body) {
    return RequestBuilder().method("POST").url("/submit").body(body);
}

std::size_t count(const Trace& trace, const std::string& line) {
    return static_cast<std::size_t>(std::count(trace.begin(), trace.end(), line));
}

std::string text_of(std::size_t length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += static_cast<char>('a' + i % 26);
    return text;
}

}  // namespace

TEST_CASE("120: RegisterModule registers BeginRequest at FIRST; one instance per request "
          "[REG-1] [REG-4] [REG-6] [MOD-2]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    const iisfake::FakeModuleRegistrationInfo* info = host.registration("BodyInspector");
    REQUIRE(info != nullptr);
    CHECK(info->request_notifications() == RQ_BEGIN_REQUEST);
    CHECK(info->post_request_notifications() == 0u);
    CHECK(info->priority(iisfake::PriorityRequest::Kind::request, RQ_BEGIN_REQUEST) ==
          iisfake::Priority::first);

    auto request = host.serve(RequestBuilder().method("POST").url("/submit").body("hello"));
    CHECK(request.finished());
    CHECK(request.trace() == Trace{"BodyInspector.OnBeginRequest",
                                  "BodyInspector.OnAsyncCompletion(OnBeginRequest)",
                                  "Echo.OnExecuteRequestHandler", "BodyInspector.Dispose",
                                  "Echo.Dispose"});
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().body() == "hello");  // the handler read the re-inserted body
}

TEST_CASE("120: stepping a request: PENDING stops it until the read completes [PIPE-6] [§1.7]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.start(post("hello"));
    CHECK(request.state() == RequestState::not_started);

    CHECK(request.run() == RequestState::waiting);  // OnBeginRequest returned PENDING
    CHECK(request.waiting_on() == "BodyInspector: OnBeginRequest");
    CHECK(request.events().back().status == RQ_NOTIFICATION_PENDING);
    CHECK(request.response().sends().empty());

    CHECK(request.complete_pending() == RequestState::finished);  // OnAsyncCompletion: CONTINUE
    CHECK(request.events()[1].text() == "BodyInspector.OnAsyncCompletion(OnBeginRequest)");
    CHECK(request.events()[1].status == RQ_NOTIFICATION_CONTINUE);
    CHECK(request.response().body() == "hello");
}

TEST_CASE("120: the body reaches the handler whatever way each read completes [REQ-READ-5] "
          "[T-10] [PIPE-9] [REQ-INS-1]",
          "[example][120]") {
    const std::string body = text_of(10000);  // reads of 4096, 4096, 1808, then EOF
    iisfake::ModuleHost host;
    load_modules(host);
    iisfake::Options& options = host.request_options();
    std::size_t completions = 0;
    SECTION("every read pending (the default)") { completions = 3; }
    SECTION("every read inline: no OnAsyncCompletion at all") {
        options.async_policy = iisfake::AsyncPolicy::always_inline;
        completions = 0;
    }
    SECTION("pending, inline, pending") {
        options.async_policy = iisfake::AsyncPolicy::alternate;
        completions = 2;
    }
    SECTION("scripted: inline, pending, inline") {
        options.async_policy = iisfake::AsyncPolicy::scripted;
        options.async_script = {false, true, false};
        completions = 1;
    }
    SECTION("each completion runs before ReadEntityBody returns") {
        options.async_policy = iisfake::AsyncPolicy::complete_before_return;
        completions = 3;
    }
    SECTION("end of body reported as a completion") {
        options.async_eof = iisfake::AsyncEof::completion;
        completions = 4;
    }
    auto request = host.serve(post(body));
    REQUIRE(request.finished());
    const Trace trace = request.trace();
    CHECK(count(trace, "BodyInspector.OnAsyncCompletion(OnBeginRequest)") == completions);
    CHECK(count(trace, "Echo.OnExecuteRequestHandler") == 1);
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().body() == body);
    CHECK(host.misuses().empty());
}

TEST_CASE("120: a forbidden word is blocked with 403 and the handler never runs [PIPE-7] "
          "[T-20]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    SECTION("decided in OnAsyncCompletion") {}
    SECTION("decided in OnBeginRequest after inline reads") {
        host.request_options().async_policy = iisfake::AsyncPolicy::always_inline;
    }
    SECTION("decided in a completion that ran before ReadEntityBody returned [PIPE-9]") {
        host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
    }
    auto request = host.serve(post("name=x'; drop table users; --"));
    REQUIRE(request.finished());
    CHECK(request.response().sent_status() == 403);
    CHECK(request.response().body() == "Request blocked");
    CHECK(count(request.trace(), "Echo.OnExecuteRequestHandler") == 0);
    CHECK(request.trace().back() == "Echo.Dispose");  // still created and disposed (MOD-2)
}

TEST_CASE("120: a large body read in many short reads; a word split across two reads is still "
          "found [REQ-READ-2] [T-10]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    const std::string clean = text_of(300000);
    std::string dirty = clean;
    dirty.replace(99996, 7, "<script");  // reads of 1000 bytes: split at 100000
    SECTION("pending reads") {}
    SECTION("completions before ReadEntityBody returns: nested deliveries stay bounded") {
        host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
    }
    SECTION("on threads") { host.deliver_on_threads(); }
    auto passed = host.serve(post(clean).read_sizes({1000}));
    CHECK(passed.response().body() == clean);
    CHECK(count(passed.trace(), "BodyInspector.OnAsyncCompletion(OnBeginRequest)") == 300);
    auto blocked = host.serve(post(dirty).read_sizes({1000}));
    CHECK(blocked.response().sent_status() == 403);
}

TEST_CASE("120: past 1 MiB the module answers 413 without reading further [PIPE-7]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.serve(post(std::string(2 * 1024 * 1024, 'x')));
    CHECK(request.response().sent_status() == 413);
    CHECK(request.request().body_consumed() == 1024 * 1024 + 4096);  // one read past the limit
    CHECK(count(request.trace(), "Echo.OnExecuteRequestHandler") == 0);
}

TEST_CASE("120: completions on other threads, also before the call returns [§1.7] [PIPE-9]",
          "[example][120][threaded]") {
    iisfake::ModuleHost host;
    host.deliver_on_threads();
    load_modules(host);
    SECTION("after the call returns") {}
    SECTION("possibly before") {
        host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
    }
    const std::string body = text_of(20000);
    for (int i = 0; i < 20; ++i) {
        auto request = host.serve(post(body));
        REQUIRE(request.finished());
        CHECK(request.response().body() == body);
        auto blocked = host.serve(post(body + "<SCRIPT>"));
        CHECK(blocked.response().sent_status() == 403);
    }
}

TEST_CASE("120: a client that disconnects mid-body gets no handler: 400 [REQ-READ-4]",
          "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    SECTION("the failure arrives as a completion") {}
    SECTION("the failure is returned at once") {
        host.request_options().async_policy = iisfake::AsyncPolicy::always_inline;
    }
    auto request = host.serve(post(text_of(10000)).disconnect_after(5000));
    REQUIRE(request.finished());
    CHECK(request.response().sent_status() == 400);
    CHECK(count(request.trace(), "Echo.OnExecuteRequestHandler") == 0);
}

TEST_CASE("120: a GET has no body to read [REQ-REM-3]", "[example][120]") {
    iisfake::ModuleHost host;
    load_modules(host);
    auto request = host.serve(RequestBuilder().url("/"));
    CHECK(request.trace() == Trace{"BodyInspector.OnBeginRequest", "Echo.OnExecuteRequestHandler",
                                   "BodyInspector.Dispose", "Echo.Dispose"});
    CHECK(request.request().completions().empty());
}

TEST_CASE("120: the naive module stalls when a read completes inline, and the host names it "
          "[PIPE-9] [T-10]",
          "[example][120]") {
    iisfake::ModuleHost host;
    std::vector<iisfake::Misuse> reports;
    host.set_misuse_handler([&](const iisfake::Misuse& m) { reports.push_back(m); });
    REQUIRE(host.load("NaiveInspector", &naive_inspector::RegisterModule) == S_OK);

    auto works = host.serve(post("hello"));  // every read pending: the bug does not show
    CHECK(works.finished());
    CHECK(reports.empty());

    host.request_options().async_policy = iisfake::AsyncPolicy::always_inline;
    auto stalled = host.start(post("hello"));
    CHECK(stalled.run_to_end() == RequestState::waiting);
    CHECK(stalled.waiting_on() == "NaiveInspector: OnBeginRequest");
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "PIPE-9");
    CHECK(reports[0].message() ==
          "iisfake: ModuleHost::run_to_end: the request is stalled: module 'NaiveInspector' "
          "returned RQ_NOTIFICATION_PENDING from OnBeginRequest and no operation, posted "
          "completion or IndicateCompletion is outstanding [PIPE-9]; the request never "
          "completes");

    iisfake::ModuleHost throwing;  // the default misuse handler throws it out of serve()
    REQUIRE(throwing.load("NaiveInspector", &naive_inspector::RegisterModule) == S_OK);
    throwing.request_options().async_policy = iisfake::AsyncPolicy::always_inline;
    CHECK_THROWS_AS(throwing.serve(post("hello")), iisfake::MisuseError);
}

TEST_CASE("120: after FINISH_REQUEST the log stage still runs, unless log_after_finish is off "
          "[PIPE-7] [T-20]",
          "[example][120]") {
    access_log::CAccessLogFactory log;  // a factory and its masks given directly, no RegisterModule
    iisfake::ModuleHost host;
    load_modules(host);
    REQUIRE(host.add("AccessLog", &log, RQ_LOG_REQUEST) == S_OK);

    auto blocked = host.serve(post("<script>alert(1)</script>"));
    CHECK(blocked.trace() == Trace{"BodyInspector.OnBeginRequest",
                                  "BodyInspector.OnAsyncCompletion(OnBeginRequest)",
                                  "AccessLog.OnLogRequest", "BodyInspector.Dispose",
                                  "Echo.Dispose", "AccessLog.Dispose"});
    CHECK(log.m_log == std::vector<USHORT>{403});
    CHECK(blocked.log_fields().ProtocolStatus == 403);  // the log data of the final send

    host.options().log_after_finish = false;
    auto unlogged = host.serve(post("<script>alert(1)</script>"));
    CHECK(unlogged.response().sent_status() == 403);  // still sent
    CHECK(log.m_log.size() == 1);                      // but not logged
}
