// The providers a CGlobalModule's OnGlobal* handlers receive, driven through a global module as
// IIS calls it (spec §2.3, PROV-1, trap T-1). Rules the spec lacks are GLOB-1..GLOB-7, listed
// with their evidence at the top of include/iisfake/fake_global_providers.hpp.
#include <cstring>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/fake_global_providers.hpp>
#include <iisfake/fake_http_server.hpp>

#include "catch.hpp"

namespace {

using iisfake::Misuse;

std::string narrow(PCWSTR text) {
    std::string out;
    for (; text && *text; ++text) out += static_cast<char>(*text);
    return out;
}

struct Collected {
    std::vector<Misuse>* into;
    HRESULT operator()(const char* method, const char* rule, std::string problem,
                       HRESULT result) const {
        into->push_back(Misuse{method, rule, std::move(problem), result, std::string()});
        return result;
    }
};

struct Stored : IHttpStoredContext {
    int cleanups = 0;
    virtual ~Stored() = default;
    VOID CleanupStoredContext(VOID) override { ++cleanups; }
};

// A module's factory, only handed over.
struct Factory : IHttpModuleFactory {
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        if (ppModule) *ppModule = nullptr;
        return E_NOTIMPL;
    }
    VOID Terminate(VOID) override {}
    virtual ~Factory() = default;
};

// A global module as modules write them: it reads what each provider offers and answers.
class Recorder : public CGlobalModule {
public:
    std::vector<std::string> seen;

    GLOBAL_NOTIFICATION_STATUS OnGlobalStopListening(IGlobalStopListeningProvider* p) override {
        seen.push_back(p->DrainRequestsGracefully() ? "drain" : "stop now");
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IPreBeginRequestProvider* p) override {
        IHttpContext* context = p->GetHttpContext();
        seen.push_back("pre-begin " + std::string(context->GetRequest()->GetHttpMethod()));
        if (std::strcmp(context->GetRequest()->GetHttpMethod(), "TRACE") == 0) {
            p->SetErrorStatus(E_ACCESSDENIED);
            return GL_NOTIFICATION_HANDLED;
        }
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(IHttpApplicationStartProvider* p) override {
        seen.push_back("start " + narrow(p->GetApplication()->GetAppConfigPath()));
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(IHttpApplicationStopProvider* p) override {
        seen.push_back("stop " + narrow(p->GetApplication()->GetApplicationId()));
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(
        IGlobalConfigurationChangeProvider* p) override {
        seen.push_back("configuration " + narrow(p->GetChangePath()));
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalFileChange(IGlobalFileChangeProvider* p) override {
        IHttpFileMonitor* monitor = p->GetFileMonitor();
        seen.push_back("file " + narrow(p->GetFileName()) + (monitor ? " monitored" : ""));
        if (monitor) monitor->DereferenceFileMonitor();  // done watching
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalThreadCleanup(IGlobalThreadCleanupProvider* p) override {
        seen.push_back(p->GetApplication() ? "thread cleanup" : "thread cleanup, no app");
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalCustomNotification(ICustomNotificationProvider* p) override {
        seen.push_back("custom " + narrow(p->QueryNotificationType()));
        return GL_NOTIFICATION_HANDLED;
    }
    VOID Terminate(VOID) override { seen.push_back("terminate"); }
};

}  // namespace

TEST_CASE("T-1, PROV-1: each global provider is its interface and records SetErrorStatus",
          "[global-providers]") {
    iisfake::FakeHttpContext context;
    iisfake::FakeStopListeningProvider stop;
    iisfake::FakePreBeginRequestProvider pre_begin(&context);
    iisfake::FakeApplicationProvider application(&context.application());
    iisfake::FakeThreadCleanupProvider cleanup(&context.application());
    iisfake::FakeConfigurationChangeProvider configuration("MACHINE/WEBROOT/APPHOST");
    iisfake::FakeFileChangeProvider file("C:\\a.txt");
    iisfake::FakeCacheProvider cache(CACHE_OPERATION_ADD);
    iisfake::FakeTraceEventProvider trace(nullptr);
    iisfake::FakeRscaQueryProvider rsca("GetStatus", "");
    iisfake::FakeResolveModulesProvider resolve;
    iisfake::FakeApplicationPreloadProvider preload;

    IHttpEventProvider* all[] = {&stop,  &pre_begin, &application, &cleanup, &configuration, &file,
                                 &cache, &trace,     &rsca,        &resolve, &preload};
    for (IHttpEventProvider* provider : all) provider->SetErrorStatus(E_FAIL);
    CHECK(stop.error_status() == E_FAIL);
    CHECK(pre_begin.error_status() == E_FAIL);
    CHECK(application.has_error_status());
    CHECK(cleanup.has_error_status());
    CHECK(configuration.has_error_status());
    CHECK(file.has_error_status());
    CHECK(cache.has_error_status());
    CHECK(trace.has_error_status());
    CHECK(rsca.has_error_status());
    CHECK(resolve.has_error_status());
    CHECK(preload.error_status() == E_FAIL);

    // Most-derived: the casts modules make are valid.
    IHttpApplicationProvider* base = &resolve;
    CHECK(static_cast<IHttpApplicationResolveModulesProvider*>(base) == &resolve);
    IGlobalApplicationPreloadProvider* first = &preload;
    CHECK(static_cast<IGlobalApplicationPreloadProvider2*>(first)->IsProcessRecycled() == FALSE);
}

TEST_CASE("PROV-1, spec 2.3: a global module reads each provider as IIS fills it",
          "[global-providers]") {
    iisfake::FakeHttpContext get;
    iisfake::FakeHttpContext trace_request(iisfake::RequestBuilder().method("TRACE"));
    Recorder recorder;
    CGlobalModule* module = &recorder;

    iisfake::FakeStopListeningProvider drain;
    iisfake::FakeStopListeningProvider now(false);
    CHECK(module->OnGlobalStopListening(&drain) == GL_NOTIFICATION_CONTINUE);
    module->OnGlobalStopListening(&now);

    iisfake::FakePreBeginRequestProvider first(&get);
    iisfake::FakePreBeginRequestProvider second(&trace_request);
    CHECK(module->OnGlobalPreBeginRequest(&first) == GL_NOTIFICATION_CONTINUE);
    CHECK(module->OnGlobalPreBeginRequest(&second) == GL_NOTIFICATION_HANDLED);
    CHECK_FALSE(first.has_error_status());
    CHECK(second.error_status() == E_ACCESSDENIED);

    iisfake::FakeApplicationProvider application(&get.application());
    module->OnGlobalApplicationStart(&application);
    module->OnGlobalApplicationStop(&application);
    iisfake::FakeConfigurationChangeProvider change("MACHINE/WEBROOT/APPHOST/Default Web Site");
    module->OnGlobalConfigurationChange(&change);
    iisfake::FakeThreadCleanupProvider cleanup(nullptr);
    module->OnGlobalThreadCleanup(&cleanup);
    iisfake::FakeCustomNotificationProvider custom(L"flush-cache");
    CHECK(module->OnGlobalCustomNotification(&custom) == GL_NOTIFICATION_HANDLED);
    module->Terminate();

    CHECK(recorder.seen ==
          std::vector<std::string>{"drain", "stop now", "pre-begin GET", "pre-begin TRACE",
                                   "start MACHINE/WEBROOT/APPHOST/Default Web Site",
                                   "stop /LM/W3SVC/1/ROOT",
                                   "configuration MACHINE/WEBROOT/APPHOST/Default Web Site",
                                   "thread cleanup, no app", "custom flush-cache", "terminate"});
}

TEST_CASE("GLOB-4: a file monitor from RegisterFileChangeMonitor comes back on a file change",
          "[global-providers]") {
    iisfake::FakeHttpServer server;
    IHttpServer* module_view = &server;
    IHttpFileMonitor* monitor = nullptr;
    REQUIRE(module_view->RegisterFileChangeMonitor(L"C:\\site\\rules.xml", nullptr, &monitor) ==
            S_OK);
    int id = 0;
    Stored stored;
    REQUIRE(monitor->GetModuleContextContainer()->SetModuleContext(&stored, &id) == S_OK);

    Recorder recorder;
    iisfake::FakeFileChangeProvider change("C:\\site\\rules.xml", monitor);
    recorder.OnGlobalFileChange(&change);
    CHECK(recorder.seen == std::vector<std::string>{"file C:\\site\\rules.xml monitored"});
    iisfake::FakeHttpFileMonitor* fake = server.file_monitor("C:\\site\\rules.xml");
    REQUIRE(fake != nullptr);
    CHECK(fake->released());
    CHECK(stored.cleanups == 1);  // the last reference cleaned up its contexts

    // A release past the last is reported (through the server's misuse handler).
    std::vector<Misuse> reports;
    server.set_misuse_handler([&reports](const Misuse& misuse) { reports.push_back(misuse); });
    monitor->DereferenceFileMonitor();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "GLOB-4");
    CHECK(stored.cleanups == 1);

    iisfake::FakeFileChangeProvider unmonitored("C:\\other.txt");
    CHECK(unmonitored.GetFileMonitor() == nullptr);
}

TEST_CASE("GLOB-1, GLOB-2: resolve-modules registrations reach the host's hook",
          "[global-providers]") {
    iisfake::FakeHttpContext context;
    iisfake::FakeResolveModulesProvider provider(&context.application());
    IHttpApplicationResolveModulesProvider* module_view = &provider;
    Factory factory;
    int parent = 0;

    CHECK(module_view->GetApplication() == &context.application());
    REQUIRE(module_view->RegisterModule(&parent, &factory, L"Dynamic", L"", L"integratedMode",
                                        RQ_BEGIN_REQUEST, 0) == S_OK);
    CHECK(module_view->RegisterModule(&parent, &factory, L"dynamic", nullptr, nullptr,
                                      RQ_END_REQUEST,
                                      0) == HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    CHECK(module_view->RegisterModule(&parent, nullptr, L"NoFactory", nullptr, nullptr, 0, 0) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(module_view->RegisterModule(&parent, &factory, nullptr, nullptr, nullptr, 0, 0) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    REQUIRE(provider.modules().size() == 1);
    CHECK(provider.modules()[0].name == "Dynamic");
    CHECK(provider.modules()[0].precondition == "integratedMode");
    CHECK(provider.modules()[0].factory == &factory);
    CHECK(provider.modules()[0].notifications == RQ_BEGIN_REQUEST);

    REQUIRE(module_view->SetPriorityForRequestNotification(L"Dynamic", RQ_BEGIN_REQUEST,
                                                           PRIORITY_ALIAS_HIGH) == S_OK);
    CHECK(module_view->SetPriorityForRequestNotification(L"Dynamic", RQ_BEGIN_REQUEST, L"low") ==
          S_OK);
    CHECK(module_view->SetPriorityForRequestNotification(L"Dynamic", RQ_BEGIN_REQUEST, L"URGENT") ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(module_view->SetPriorityForRequestNotification(nullptr, RQ_BEGIN_REQUEST,
                                                         PRIORITY_ALIAS_LAST) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    REQUIRE(provider.priorities().size() == 2);
    CHECK(provider.priorities()[0].alias == "HIGH");
    CHECK(provider.priorities()[1].alias == "low");

    SECTION("the host's hooks decide") {
        std::vector<std::string> added;
        provider.on_register_module([&added](const iisfake::ResolvedModule& module) {
            added.push_back(module.name);
            return module.name == "Refused" ? E_ACCESSDENIED : S_OK;
        });
        provider.on_set_priority(
            [](const iisfake::ResolvedPriority&) { return HRESULT_FROM_WIN32(ERROR_NOT_FOUND); });
        CHECK(module_view->RegisterModule(&parent, &factory, L"Second", nullptr, nullptr, 0, 0) ==
              S_OK);
        CHECK(module_view->RegisterModule(&parent, &factory, L"Refused", nullptr, nullptr, 0, 0) ==
              E_ACCESSDENIED);
        CHECK(added == std::vector<std::string>{"Second", "Refused"});
        CHECK(provider.modules().size() == 2);  // the refused one is not kept
        CHECK(module_view->SetPriorityForRequestNotification(L"Second", RQ_BEGIN_REQUEST,
                                                             PRIORITY_ALIAS_FIRST) ==
              HRESULT_FROM_WIN32(ERROR_NOT_FOUND));
        CHECK(provider.priorities().size() == 2);
    }
}

TEST_CASE("GLOB-3: the RSCA query output buffer follows the documented implementation",
          "[global-providers]") {
    std::vector<Misuse> reports;
    iisfake::FakeRscaQueryProvider provider("GetWorkerProcessStatus", "pid=1", Collected{&reports});
    IGlobalRSCAQueryProvider* module_view = &provider;
    CHECK(narrow(module_view->GetFunctionName()) == "GetWorkerProcessStatus");
    CHECK(narrow(module_view->GetFunctionParameters()) == "pid=1");
    CHECK_FALSE(provider.has_result());
    CHECK(provider.result() == E_NOTIMPL);

    BYTE* buffer = nullptr;
    REQUIRE(module_view->GetOutputBuffer(4, &buffer) == S_OK);
    REQUIRE(buffer != nullptr);
    std::memcpy(buffer, "abcd", 4);
    // Growing keeps what was written, up to cbBytesToCopy.
    BYTE* old = buffer;
    REQUIRE(module_view->ResizeOutputBuffer(10, 4, &buffer) == S_OK);
    CHECK(buffer != old);
    CHECK(old[0] == 0xDD);  // freed as far as the module knows: poisoned, still allocated
    std::memcpy(buffer + 4, "efgh", 4);
    module_view->SetResult(8, S_OK);
    CHECK(provider.has_result());
    CHECK(provider.result() == S_OK);
    CHECK(provider.output() == "abcdefgh");
    CHECK(reports.empty());

    CHECK(module_view->ResizeOutputBuffer(4, 8, &buffer) == E_INVALIDARG);    // copy > new size
    CHECK(module_view->ResizeOutputBuffer(20, 12, &buffer) == E_INVALIDARG);  // past our buffer
    CHECK(module_view->ResizeOutputBuffer(4, 0, nullptr) == E_INVALIDARG);
    CHECK(module_view->GetOutputBuffer(4, nullptr) == E_INVALIDARG);

    // GetOutputBuffer frees the old buffer and starts a new one.
    REQUIRE(module_view->GetOutputBuffer(2, &buffer) == S_OK);
    CHECK(buffer[0] == 0);
    module_view->SetResult(3, S_OK);  // more than the buffer holds
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "GLOB-3");
    CHECK(provider.output().size() == 2);
    CHECK(provider.buffers_allocated() == 3);
}

TEST_CASE("GLOB-5: trace event provider: the event, subscriptions, the request",
          "[global-providers]") {
    HTTP_TRACE_EVENT event{};
    event.dwArea = 4;
    iisfake::FakeHttpContext context;
    iisfake::FakeTraceEventProvider in_request(&event, &context);
    iisfake::FakeTraceEventProvider outside(&event);
    IGlobalTraceEventProvider* module_view = &in_request;
    int me = 0;
    int other = 0;

    HTTP_TRACE_EVENT* got = nullptr;
    REQUIRE(module_view->GetTraceEvent(&got) == S_OK);
    CHECK(got == &event);
    CHECK(module_view->GetTraceEvent(nullptr) == E_INVALIDARG);
    IHttpContext* request = nullptr;
    REQUIRE(module_view->GetCurrentHttpRequestContext(&request) == S_OK);
    CHECK(request == &context);
    request = &context;
    CHECK(outside.GetCurrentHttpRequestContext(&request) == HRESULT_FROM_WIN32(ERROR_NOT_FOUND));
    CHECK(request == nullptr);

    CHECK(module_view->CheckSubscription(&me) == TRUE);
    in_request.subscribe_only(&me);
    CHECK(module_view->CheckSubscription(&me) == TRUE);
    CHECK(module_view->CheckSubscription(&other) == FALSE);
    CHECK(in_request.checked_subscriptions().size() == 3);
}

TEST_CASE("GLOB-6: the preload provider creates and executes requests through the host",
          "[global-providers]") {
    iisfake::FakeHttpServer server;
    iisfake::FakeApplicationPreloadProvider provider(true);
    IGlobalApplicationPreloadProvider* module_view = &provider;

    // A module probes for the 2 as OpenAM's agent does.
    IGlobalApplicationPreloadProvider2* two = nullptr;
    REQUIRE(HttpGetExtendedInterface(&server, module_view, &two) == S_OK);
    CHECK(two->IsProcessRecycled() == TRUE);

    IHttpContext* created = reinterpret_cast<IHttpContext*>(&server);
    CHECK(module_view->CreateContext(&created) == HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    CHECK(created == nullptr);
    CHECK(module_view->CreateContext(nullptr) == E_INVALIDARG);

    iisfake::FakeHttpContext warmup(iisfake::RequestBuilder().url("/warmup"));
    provider.on_create_context([&warmup](IHttpContext** out) {
        *out = &warmup;
        return S_OK;
    });
    std::vector<std::string> executed;
    provider.on_execute_request([&executed](IHttpContext* context, IHttpUser*) {
        PCWSTR url = nullptr;
        DWORD cch = 0;
        executed.push_back(SUCCEEDED(context->GetServerVariable("URL", &url, &cch)) ? narrow(url)
                                                                                    : "?");
        return S_OK;
    });
    REQUIRE(module_view->CreateContext(&created) == S_OK);
    CHECK(created == &warmup);
    CHECK(module_view->ExecuteRequest(created, nullptr) == S_OK);
    CHECK(module_view->ExecuteRequest(nullptr, nullptr) == E_INVALIDARG);
    CHECK(executed == std::vector<std::string>{"/warmup"});
    REQUIRE(provider.created_contexts().size() == 2);
    CHECK(provider.created_contexts()[0] == nullptr);
    CHECK(provider.executed_requests().size() == 2);
    CHECK(provider.executed_requests()[1].result == E_INVALIDARG);
}

TEST_CASE("GLOB-7: the cache provider hands out its operation, key, record and a trace context",
          "[global-providers]") {
    iisfake::FakeCacheProvider provider(CACHE_OPERATION_RETRIEVE);
    ICacheProvider* module_view = &provider;
    CHECK(module_view->GetCacheOperation() == CACHE_OPERATION_RETRIEVE);
    CHECK(module_view->GetCacheKey() == nullptr);
    CHECK(module_view->GetCacheRecord() == nullptr);
    IHttpTraceContext* trace = module_view->GetTraceContext();
    REQUIRE(trace != nullptr);
    trace->QuickTrace(L"cache miss");
    CHECK(provider.trace().traces().size() == 1);

    int record = 0;
    module_view->SetCacheRecord(reinterpret_cast<IHttpCacheSpecificData*>(&record));
    CHECK(module_view->GetCacheRecord() == reinterpret_cast<IHttpCacheSpecificData*>(&record));
    CHECK(provider.records_set() == 1);

    iisfake::FakeHttpTraceContext host_trace;
    iisfake::FakeCacheProvider with_trace(CACHE_OPERATION_ADD, nullptr, nullptr, &host_trace);
    CHECK(with_trace.GetTraceContext() == &host_trace);
}
