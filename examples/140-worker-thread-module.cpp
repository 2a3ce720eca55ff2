// 140: a whole module that does its work on a thread of its own and resumes the request with
// IHttpContext::PostCompletion, as modules that wait on a back end do (ASP.NET Core's in-process
// handler ends every request this way). OnExecuteRequestHandler starts the worker and returns
// RQ_NOTIFICATION_PENDING; the worker computes the answer, writes the response and calls
// PostCompletion(cb); IIS then calls OnAsyncCompletion, where GetCompletionBytes() == cb (T-23),
// and the module returns RQ_NOTIFICATION_CONTINUE. The completion can arrive before the handler
// has even returned (PIPE-9). The module joins its worker in Dispose, so no thread outlives the
// request: a std::thread destroyed unjoined would end the test binary with std::terminate.
//
// The tests load it with ModuleHost::load("SumReport", &sum_report::RegisterModule) on a host
// that runs completions on threads (deliver_on_threads), as the module's own thread needs.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#define IISFAKE_CONFIG_THREADED_DELIVERY  // host.deliver_on_threads()
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include "catch.hpp"

// ==== the module: SDK types only, as in its own DLL ===========================================

// In the module's DLL this is the global namespace and RegisterModule is the function the .def
// file exports; here each example's module has a namespace of its own (one test binary).
namespace sum_report {

// GET /sum?n=<1..1000000>: "sum=<1+2+...+n>", computed on a worker thread.
class CSumReport : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext* pHttpContext,
                                                        IHttpEventProvider*) override {
        PCSTR pszQuery = NULL;
        DWORD cchQuery = 0;
        if (FAILED(pHttpContext->GetServerVariable("QUERY_STRING", &pszQuery, &cchQuery)) ||
            !ParseN(pszQuery, cchQuery, &m_n)) {
            pHttpContext->GetResponse()->SetStatus(400, "Bad Request");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        try {
            m_worker = std::thread(&CSumReport::Work, this, pHttpContext);
        } catch (const std::system_error&) {
            pHttpContext->GetResponse()->SetStatus(503, "Service Unavailable");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        // The worker may already have posted its completion, and OnAsyncCompletion may already
        // have run: its result then stands, and this PENDING only acknowledges it.
        return RQ_NOTIFICATION_PENDING;
    }

    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* pHttpContext, DWORD, BOOL,
                                                  IHttpEventProvider*,
                                                  IHttpCompletionInfo* pCompletionInfo) override {
        if (FAILED(pCompletionInfo->GetCompletionStatus()) ||
            pCompletionInfo->GetCompletionBytes() != m_cbBody) {
            pHttpContext->GetResponse()->Clear();
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

    // Not in OnAsyncCompletion: IIS may run that on any thread, the worker's own included, and
    // a thread cannot join itself. Dispose runs once the request is over.
    VOID Dispose() override {
        if (m_worker.joinable()) m_worker.join();
        delete this;
    }

private:
    static bool ParseN(PCSTR pszQuery, DWORD cchQuery, unsigned long* pn) {
        if (cchQuery < 3 || cchQuery > 9 || strncmp(pszQuery, "n=", 2) != 0) return false;
        unsigned long n = 0;
        for (DWORD i = 2; i < cchQuery; ++i) {
            if (pszQuery[i] < '0' || pszQuery[i] > '9') return false;
            n = n * 10 + static_cast<unsigned long>(pszQuery[i] - '0');
        }
        if (n == 0 || n > 1000000) return false;
        *pn = n;
        return true;
    }

    // The worker: the slow part, then the response, then PostCompletion, and nothing after it.
    void Work(IHttpContext* pHttpContext) {
        unsigned long long ullSum = 0;
        for (unsigned long i = 1; i <= m_n; ++i) ullSum += i;
        std::this_thread::sleep_for(std::chrono::milliseconds(m_n % 3));  // a back end's latency

        const int cch = snprintf(m_szBody, sizeof(m_szBody), "sum=%llu", ullSum);
        m_cbBody = static_cast<DWORD>(cch);
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        pResponse->SetStatus(200, "OK");
        pResponse->SetHeader(HttpHeaderContentType, "text/plain", 10, TRUE);
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = m_szBody;
        chunk.FromMemory.BufferLength = m_cbBody;
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);  // copied now
        pHttpContext->PostCompletion(m_cbBody);
        // The request may be over from here on: touch neither pHttpContext nor this.
    }

    ~CSumReport() override {}

    std::thread m_worker;
    unsigned long m_n = 0;
    char m_szBody[32] = {};
    DWORD m_cbBody = 0;
};

class CSumReportFactory : public IHttpModuleFactory {
public:
    virtual ~CSumReportFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CSumReport;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    CSumReportFactory* pFactory = new (std::nothrow) CSumReportFactory;
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    const HRESULT hr =
        pModuleInfo->SetRequestNotifications(pFactory, RQ_EXECUTE_REQUEST_HANDLER, 0);
    if (FAILED(hr)) pFactory->Terminate();
    return hr;
}

}  // namespace sum_report

// ==== its tests ==============================================================================

namespace {

using iisfake::RequestBuilder;
using Trace = std::vector<std::string>;

std::string posted(const iisfake::FakeHttpContext& context) {
    for (const iisfake::Call& call : context.calls())
        if (call.method == iisfake::Method::PostCompletion) return call.arguments;
    return "(none)";
}

}  // namespace

TEST_CASE("140: the worker's PostCompletion(cb) resumes the request through OnAsyncCompletion "
          "with cb bytes [§1.7] [T-23] [PIPE-6]",
          "[example][140][threaded]") {
    iisfake::ModuleHost host;
    host.deliver_on_threads();  // the module's own thread posts the completion
    REQUIRE(host.load("SumReport", &sum_report::RegisterModule) == S_OK);

    auto request = host.serve(RequestBuilder().url("/sum?n=100"));
    REQUIRE(request.finished());
    CHECK(request.trace() == Trace{"SumReport.OnExecuteRequestHandler",
                                  "SumReport.OnAsyncCompletion(OnExecuteRequestHandler)",
                                  "SumReport.Dispose"});
    CHECK(request.events()[0].status == RQ_NOTIFICATION_PENDING);
    CHECK(request.events()[1].status == RQ_NOTIFICATION_CONTINUE);  // bytes matched
    CHECK(posted(request.context()) == "8");
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().body() == "sum=5050");
    CHECK(request.response().header("Content-Type") == "text/plain");
}

TEST_CASE("140: a completion that arrives before the handler returns stands [PIPE-9]",
          "[example][140][threaded]") {
    iisfake::ModuleHost host;
    host.deliver_on_threads();
    REQUIRE(host.load("SumReport", &sum_report::RegisterModule) == S_OK);
    // n % 3 == 0: no latency, so the worker often posts before OnExecuteRequestHandler returns.
    for (int i = 0; i < 50; ++i) {
        auto request = host.serve(RequestBuilder().url("/sum?n=3"));
        REQUIRE(request.finished());
        CHECK(request.response().sent_status() == 200);
        CHECK(request.response().body() == "sum=6");
    }
}

TEST_CASE("140: a bad query is answered at once, with no worker [PIPE-7]", "[example][140]") {
    iisfake::ModuleHost host;
    REQUIRE(host.load("SumReport", &sum_report::RegisterModule) == S_OK);
    auto request = host.serve(RequestBuilder().url("/sum?n=x"));
    CHECK(request.trace() == Trace{"SumReport.OnExecuteRequestHandler", "SumReport.Dispose"});
    CHECK(request.response().sent_status() == 400);
    CHECK(posted(request.context()) == "(none)");
}

TEST_CASE("140: many requests at once through the loaded module, each with its worker [T-26]",
          "[example][140][threaded]") {
    iisfake::ModuleHost host;
    host.deliver_on_threads();
    REQUIRE(host.load("SumReport", &sum_report::RegisterModule) == S_OK);
    std::atomic<int> right{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
        clients.emplace_back([&host, &right, t] {
            for (int i = 1; i <= 10; ++i) {
                const unsigned n = static_cast<unsigned>(t * 10 + i);
                auto request = host.serve(RequestBuilder().url("/sum?n=" + std::to_string(n)));
                if (request.finished() &&
                    request.response().body() == "sum=" + std::to_string(n * (n + 1) / 2))
                    ++right;
            }
        });
    }
    for (auto& client : clients) client.join();
    CHECK(right == 40);
}
