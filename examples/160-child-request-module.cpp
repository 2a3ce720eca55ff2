// 160: a whole module that answers with a child request, as IIS's own default-document handling
// and server-side includes do. A GET or HEAD for a directory URL ("/docs/") is served by a child
// request for the directory's default document: OnBeginRequest clones the request with
// CloneContext(CLONE_FLAG_BASICS | CLONE_FLAG_HEADERS | CLONE_FLAG_NO_PRECONDITION), points the
// child at "/docs/index.htm" with the child's own IHttpRequest::SetUrl, runs it with
// ExecuteRequest(TRUE, ...) and returns RQ_NOTIFICATION_PENDING when a completion is expected.
// The child runs the whole pipeline with its own module instances and the static file handler;
// its status, headers and body become the parent's response (CTX-9). In OnAsyncCompletion the
// module releases the child with ReleaseClonedContext (CTX-10) and finishes the request, or,
// when the child answered 404, tries the next default document ("default.htm"), and when none
// exists answers 404 itself. ExecuteRequest that fails (an injected fault, the nesting limit of
// CTX-9) releases the unexecuted clone and answers 500.
//
// The tests load it with ModuleHost::load("DefaultDocument", &default_document::RegisterModule),
// serve the documents with ModuleHost::add_file, and watch the child's notifications in the trace
// ("child/..." lines), the module instances (MOD-3), what the child sees of its parent (CTX-11),
// when each child is released (CTX-10) and every completion timing (PIPE-9).

#include <algorithm>
#include <atomic>
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
// file exports; here each example's module has a namespace of its own (one test binary).
namespace default_document {

// Tried in this order, as <defaultDocument><files> lists them.
static const wchar_t* const c_rgszDefaultDocuments[] = {L"index.htm", L"default.htm"};
static const DWORD c_cDefaultDocuments =
    static_cast<DWORD>(sizeof(c_rgszDefaultDocuments) / sizeof(c_rgszDefaultDocuments[0]));
static const DWORD c_dwCloneFlags =
    CLONE_FLAG_BASICS | CLONE_FLAG_HEADERS | CLONE_FLAG_NO_PRECONDITION;
static const char c_szNoDocument[] = "No default document";

class CDefaultDocument : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext,
                                               IHttpEventProvider*) override {
        IHttpRequest* pRequest = pHttpContext->GetRequest();
        const char* pszMethod = pRequest->GetHttpMethod();
        if (pszMethod == NULL ||
            (strcmp(pszMethod, "GET") != 0 && strcmp(pszMethod, "HEAD") != 0)) {
            return RQ_NOTIFICATION_CONTINUE;
        }
        const HTTP_COOKED_URL& url = pRequest->GetRawHttpRequest()->CookedUrl;
        const size_t cchPath = url.AbsPathLength / sizeof(WCHAR);
        if (url.pAbsPath == NULL || cchPath == 0 || url.pAbsPath[cchPath - 1] != L'/') {
            return RQ_NOTIFICATION_CONTINUE;  // not a directory: someone else's request
        }
        m_strDirectory.assign(url.pAbsPath, cchPath);
        m_iNext = 0;
        return TryNextDocument(pHttpContext);
    }

    // The child has run to its end. This may run before ExecuteRequest has returned in
    // TryNextDocument (PIPE-9): what it returns is then the notification's result, and the
    // PENDING that TryNextDocument returns afterwards only acknowledges it.
    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* pHttpContext, DWORD, BOOL,
                                                  IHttpEventProvider*,
                                                  IHttpCompletionInfo* pCompletionInfo) override {
        return ChildDone(pHttpContext, pCompletionInfo->GetCompletionStatus());
    }

private:
    REQUEST_NOTIFICATION_STATUS TryNextDocument(IHttpContext* pHttpContext) {
        while (m_iNext < c_cDefaultDocuments) {
            const std::wstring strUrl = m_strDirectory + c_rgszDefaultDocuments[m_iNext++];
            IHttpContext* pChild = NULL;
            HRESULT hr = pHttpContext->CloneContext(c_dwCloneFlags, &pChild);
            if (FAILED(hr)) return Fail(pHttpContext, hr);
            // The child's URL, not ours: the client still asked for the directory. FALSE keeps
            // the query string the clone copied.
            hr = pChild->GetRequest()->SetUrl(strUrl.c_str(), static_cast<DWORD>(strUrl.size()),
                                              FALSE);
            if (FAILED(hr)) {
                pChild->ReleaseClonedContext();
                return Fail(pHttpContext, hr);
            }
            m_pChild = pChild;
            BOOL fCompletionExpected = FALSE;
            hr = pHttpContext->ExecuteRequest(TRUE, pChild, EXECUTE_FLAG_DISABLE_CUSTOM_ERROR, NULL,
                                              &fCompletionExpected);
            if (FAILED(hr)) {
                // Never executed (a fault, or the nesting limit: ERROR_STACK_OVERFLOW), but
                // cloned: it is still ours to release.
                m_pChild = NULL;
                pChild->ReleaseClonedContext();
                return Fail(pHttpContext, hr);
            }
            if (fCompletionExpected) {
                // OnAsyncCompletion continues. Touch nothing after this line: it may have run
                // already, released the child and started the next one.
                return RQ_NOTIFICATION_PENDING;
            }
            // Completed inline: no completion follows.
            const REQUEST_NOTIFICATION_STATUS status = ChildDone(pHttpContext, S_OK);
            if (status != RQ_NOTIFICATION_PENDING || m_pChild != NULL) return status;
            // ChildDone found a 404 and came back here to try the next document: loop.
        }
        return NotFound(pHttpContext);
    }

    // Returns PENDING with m_pChild == NULL when the next document is to be tried by the caller
    // (inline), otherwise the notification's result.
    REQUEST_NOTIFICATION_STATUS ChildDone(IHttpContext* pHttpContext, HRESULT hrCompletion) {
        IHttpContext* pChild = m_pChild;
        m_pChild = NULL;
        if (pChild == NULL) return Fail(pHttpContext, E_UNEXPECTED);
        USHORT usStatus = 0;
        pChild->GetResponse()->GetStatus(&usStatus);
        // CTX-10: gone before the next clone, so the children go in reverse creation order.
        const HRESULT hrRelease = pChild->ReleaseClonedContext();
        if (FAILED(hrCompletion)) return Fail(pHttpContext, hrCompletion);
        if (FAILED(hrRelease)) return Fail(pHttpContext, hrRelease);
        if (usStatus != 404) {
            // The child's response is already ours (CTX-9): end here, before IIS's own handler
            // answers the directory URL.
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return TryNextDocument(pHttpContext);
    }

    static REQUEST_NOTIFICATION_STATUS NotFound(IHttpContext* pHttpContext) {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        pResponse->Clear();
        pResponse->SetStatus(404, "Not Found");
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(c_szNoDocument);
        chunk.FromMemory.BufferLength = static_cast<ULONG>(sizeof(c_szNoDocument) - 1);
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);  // copied now
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    static REQUEST_NOTIFICATION_STATUS Fail(IHttpContext* pHttpContext, HRESULT hr) {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        pResponse->Clear();
        pResponse->SetStatus(500, "Internal Server Error", 0, hr);
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    std::wstring m_strDirectory;
    DWORD m_iNext = 0;
    IHttpContext* m_pChild = NULL;
};

class CDefaultDocumentFactory : public IHttpModuleFactory {
public:
    virtual ~CDefaultDocumentFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CDefaultDocument;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    CDefaultDocumentFactory* pFactory = new (std::nothrow) CDefaultDocumentFactory;
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    const HRESULT hr = pModuleInfo->SetRequestNotifications(pFactory, RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr)) pFactory->Terminate();
    return hr;
}

}  // namespace default_document

// ==== its tests ==============================================================================

namespace {

using iisfake::RequestBuilder;
using iisfake::RequestState;
using Trace = std::vector<std::string>;

// A test's own module, loaded after DefaultDocument: in OnEndRequest, which runs for the parent
// and for every child, it records what each context sees of its family (CTX-11); in
// OnBeginRequest, which runs only for children (the parent's ends in DefaultDocument), it
// records how many earlier children had been released by then (CTX-10).
struct Seen {
    IHttpContext* self;
    IHttpContext* parent;
    IHttpContext* root;
    std::string url;
};
struct ProbeLog {
    std::vector<Seen> ended;
    std::vector<IHttpContext*> children;      // in the order they began
    std::vector<size_t> released_before;      // per child: earlier children released by then
    std::atomic<int> created{0};
    std::atomic<int> disposed{0};
};

std::string url_of(IHttpContext* context) {
    const HTTP_COOKED_URL& url = context->GetRequest()->GetRawHttpRequest()->CookedUrl;
    std::string out;
    for (size_t i = 0; i < url.AbsPathLength / sizeof(WCHAR); ++i)
        out += static_cast<char>(url.pAbsPath[i]);
    return out;
}

size_t calls_to(IHttpContext* context, iisfake::Method method, HRESULT result = S_OK) {
    // Test code may look behind the SDK pointer: every context the host makes is a fake.
    const auto& fake = *static_cast<iisfake::FakeHttpContext*>(context);
    size_t n = 0;
    for (const iisfake::Call& call : fake.calls())
        if (call.method == method && call.result == result) ++n;
    return n;
}

class Probe : public CHttpModule {
public:
    explicit Probe(ProbeLog& log) : log_(log) { ++log_.created; }
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* context,
                                               IHttpEventProvider*) override {
        if (context->GetParentContext() != NULL) {
            size_t released = 0;
            for (IHttpContext* earlier : log_.children)
                released += calls_to(earlier, iisfake::Method::ReleaseClonedContext);
            log_.released_before.push_back(released);
            log_.children.push_back(context);
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* context, IHttpEventProvider*) override {
        log_.ended.push_back(
            Seen{context, context->GetParentContext(), context->GetRootContext(), url_of(context)});
        return RQ_NOTIFICATION_CONTINUE;
    }
    VOID Dispose() override {
        ++log_.disposed;
        delete this;
    }

private:
    ~Probe() override {}
    ProbeLog& log_;
};

class ProbeFactory : public IHttpModuleFactory {
public:
    explicit ProbeFactory(ProbeLog& log) : log_(log) {}
    virtual ~ProbeFactory() {}
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator*) override {
        *module = new Probe(log_);
        return S_OK;
    }
    VOID Terminate() override {}

private:
    ProbeLog& log_;
};

// A test's own module, loaded before DefaultDocument: every request it sees, it hands on to a
// clone of itself (same URL) until the requests are `levels` deep, so that DefaultDocument runs
// at the nesting limit.
class Nest : public CHttpModule {
public:
    explicit Nest(int levels) : levels_(levels) {}
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* context,
                                               IHttpEventProvider*) override {
        int depth = 0;
        for (IHttpContext* up = context->GetParentContext(); up; up = up->GetParentContext())
            ++depth;
        if (depth >= levels_) return RQ_NOTIFICATION_CONTINUE;
        IHttpContext* child = NULL;
        if (FAILED(context->CloneContext(CLONE_FLAG_BASICS | CLONE_FLAG_HEADERS, &child)))
            return RQ_NOTIFICATION_FINISH_REQUEST;
        child_ = child;
        BOOL expected = FALSE;
        if (FAILED(context->ExecuteRequest(TRUE, child, 0, NULL, &expected))) {
            child->ReleaseClonedContext();
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return expected ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_FINISH_REQUEST;
    }
    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext*, DWORD, BOOL, IHttpEventProvider*,
                                                  IHttpCompletionInfo*) override {
        child_->ReleaseClonedContext();
        return RQ_NOTIFICATION_FINISH_REQUEST;  // the child's response is ours
    }
    VOID Dispose() override { delete this; }

private:
    ~Nest() override {}
    int levels_;
    IHttpContext* child_ = NULL;
};

class NestFactory : public IHttpModuleFactory {
public:
    explicit NestFactory(int levels) : levels_(levels) {}
    virtual ~NestFactory() {}
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator*) override {
        *module = new Nest(levels_);
        return S_OK;
    }
    VOID Terminate() override {}

private:
    int levels_;
};

const char index_page[] = "<h1>docs</h1>";

void load_default_document(iisfake::ModuleHost& host) {
    REQUIRE(host.load("DefaultDocument", &default_document::RegisterModule) == S_OK);
    host.add_file("/docs/index.htm", index_page, "text/html");
}

}  // namespace

TEST_CASE("160: the client gets the child's status, headers and body [CTX-9]",
          "[example][160]") {
    iisfake::ModuleHost host;
    load_default_document(host);

    auto request = host.serve(RequestBuilder().url("/docs/?lang=en"));
    REQUIRE(request.finished());
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().header("Content-Type") == "text/html");
    CHECK(request.response().body() == index_page);
    // The parent only cloned and executed: everything it sends came from the child.
    CHECK(calls_to(&request.context(), iisfake::Method::CloneContext) == 1);
    CHECK(calls_to(&request.context(), iisfake::Method::ExecuteRequest) == 1);
    // The client asked for the directory; only the child's URL changed.
    CHECK(request.request().url() == "/docs/?lang=en");
}

TEST_CASE("160: URLs that are not directories pass through untouched [PIPE-2]",
          "[example][160]") {
    iisfake::ModuleHost host;
    load_default_document(host);

    auto request = host.serve(RequestBuilder().url("/docs/index.htm"));
    CHECK(request.trace() == Trace{"DefaultDocument.OnBeginRequest",
                                  "StaticFileModule.ExecuteRequestHandler",
                                  "DefaultDocument.Dispose"});
    CHECK(request.response().body() == index_page);
    CHECK(calls_to(&request.context(), iisfake::Method::CloneContext) == 0);

    auto post = host.serve(RequestBuilder().method("POST").url("/docs/").body("x"));
    CHECK(calls_to(&post.context(), iisfake::Method::CloneContext) == 0);
    CHECK(post.response().sent_status() == 404);  // the static file handler's answer
}

TEST_CASE("160: the child's notifications run between the parent's OnBeginRequest and its "
          "OnAsyncCompletion [CTX-9] [§1.7]",
          "[example][160]") {
    iisfake::ModuleHost host;
    load_default_document(host);

    auto request = host.start(RequestBuilder().url("/docs/"));
    CHECK(request.run() == RequestState::waiting);  // the child ran; its completion waits
    CHECK(request.waiting_on() == "DefaultDocument: OnBeginRequest");
    CHECK(request.events().front().status == RQ_NOTIFICATION_PENDING);
    CHECK(request.trace() == Trace{"DefaultDocument.OnBeginRequest",
                                  "child/DefaultDocument.OnBeginRequest",
                                  "child/StaticFileModule.ExecuteRequestHandler",
                                  "child/DefaultDocument.Dispose"});

    CHECK(request.complete_pending() == RequestState::finished);
    CHECK(request.trace() == Trace{"DefaultDocument.OnBeginRequest",
                                  "child/DefaultDocument.OnBeginRequest",
                                  "child/StaticFileModule.ExecuteRequestHandler",
                                  "child/DefaultDocument.Dispose",
                                  "DefaultDocument.OnAsyncCompletion(OnBeginRequest)",
                                  "DefaultDocument.Dispose"});
    // FINISH_REQUEST: IIS's own handler never answers the directory URL (PIPE-7).
    REQUIRE(request.events().size() == 6);
    CHECK(request.events()[4].status == RQ_NOTIFICATION_FINISH_REQUEST);
    CHECK(request.response().body() == index_page);
}

TEST_CASE("160: one instance of each module per request, the child's included, each disposed "
          "once [MOD-3] [MOD-2]",
          "[example][160]") {
    ProbeLog log;
    ProbeFactory probe(log);
    iisfake::ModuleHost host;
    load_default_document(host);
    host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);

    SECTION("the first default document exists: parent and one child") {
        auto request = host.serve(RequestBuilder().url("/docs/"));
        const Trace trace = request.trace();
        CHECK(std::count(trace.begin(), trace.end(), "DefaultDocument.Dispose") == 1);
        CHECK(std::count(trace.begin(), trace.end(), "child/DefaultDocument.Dispose") == 1);
        CHECK(log.created == 2);
        CHECK(log.disposed == 2);
    }
    SECTION("only the second exists: parent and two children") {
        host.add_file("/site/default.htm", "home", "text/html");
        auto request = host.serve(RequestBuilder().url("/site/"));
        CHECK(request.response().sent_status() == 200);
        CHECK(request.response().body() == "home");
        const Trace trace = request.trace();
        CHECK(std::count(trace.begin(), trace.end(), "child/DefaultDocument.Dispose") == 2);
        CHECK(log.created == 3);
        CHECK(log.disposed == 3);
    }
}

TEST_CASE("160: inside the child, GetParentContext is the parent and GetRootContext the root; "
          "the root has no parent [CTX-11]",
          "[example][160]") {
    ProbeLog log;
    ProbeFactory probe(log);
    iisfake::ModuleHost host;
    load_default_document(host);
    host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);

    SECTION("GetRootContext as documented: NULL for the root itself") {
        auto request = host.serve(RequestBuilder().url("/docs/"));
        REQUIRE(log.ended.size() == 2);  // the child ends first, inside ExecuteRequest
        const Seen& child = log.ended[0];
        const Seen& root = log.ended[1];
        CHECK(root.self == static_cast<IHttpContext*>(&request.context()));
        CHECK(child.url == "/docs/index.htm");
        CHECK(root.url == "/docs/");
        CHECK(child.parent == root.self);
        CHECK(child.root == root.self);
        CHECK(root.parent == nullptr);
        CHECK(root.root == nullptr);
    }
    SECTION("GetRootContext returning the root itself (ContextSettings::root_context_is_self)") {
        host.context_settings().root_context_is_self = true;
        host.serve(RequestBuilder().url("/docs/"));
        REQUIRE(log.ended.size() == 2);
        CHECK(log.ended[0].root == log.ended[1].self);
        CHECK(log.ended[1].root == log.ended[1].self);
    }
}

TEST_CASE("160: each child is released once, after it ran and before the next is cloned "
          "[CTX-10]",
          "[example][160]") {
    ProbeLog log;
    ProbeFactory probe(log);
    iisfake::ModuleHost host;
    load_default_document(host);
    host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);

    auto request = host.serve(RequestBuilder().url("/empty/"));  // neither document exists
    REQUIRE(log.children.size() == 2);
    CHECK(log.released_before == std::vector<size_t>{0, 1});  // the first went before the second
    for (IHttpContext* child : log.children) {
        CHECK(calls_to(child, iisfake::Method::ReleaseClonedContext) == 1);
        // Released means gone: IIS would not take it back.
        CHECK(child->ReleaseClonedContext() == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    CHECK(calls_to(&request.context(), iisfake::Method::ExecuteRequest) == 2);
}

TEST_CASE("160: when every child answers 404, the parent answers 404 itself [CTX-9]",
          "[example][160]") {
    iisfake::ModuleHost host;
    load_default_document(host);

    auto request = host.serve(RequestBuilder().url("/empty/"));
    REQUIRE(request.finished());
    CHECK(request.trace() == Trace{"DefaultDocument.OnBeginRequest",
                                  "child/DefaultDocument.OnBeginRequest",
                                  "child/StaticFileModule.ExecuteRequestHandler",
                                  "child/DefaultDocument.Dispose",
                                  "DefaultDocument.OnAsyncCompletion(OnBeginRequest)",
                                  "child/DefaultDocument.OnBeginRequest",
                                  "child/StaticFileModule.ExecuteRequestHandler",
                                  "child/DefaultDocument.Dispose",
                                  "DefaultDocument.OnAsyncCompletion(OnBeginRequest)",
                                  "DefaultDocument.Dispose"});
    REQUIRE(request.events().size() == 10);
    CHECK(request.events()[4].status == RQ_NOTIFICATION_PENDING);  // the second child runs
    CHECK(request.response().sent_status() == 404);
    CHECK(request.response().body() == "No default document");
}

TEST_CASE("160: ExecuteRequest or its completion failing answers 500, and the clone is still "
          "released [CTX-9] [CTX-10]",
          "[example][160]") {
    ProbeLog log;
    ProbeFactory probe(log);
    iisfake::ModuleHost host;
    load_default_document(host);
    host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);

    SECTION("ExecuteRequest fails: no child runs") {
        auto request = host.start(RequestBuilder().url("/docs/"));
        request.context().fail(iisfake::Method::ExecuteRequest, E_OUTOFMEMORY);
        CHECK(request.run_to_end() == RequestState::finished);
        CHECK(request.response().sent_status() == 500);
        CHECK(request.response().body().empty());
        CHECK(log.children.empty());
        HRESULT status = S_OK;
        USHORT code = 0;
        request.response().GetStatus(&code, NULL, NULL, NULL, &status);
        CHECK(status == E_OUTOFMEMORY);
        CHECK(calls_to(&request.context(), iisfake::Method::ExecuteRequest, E_OUTOFMEMORY) == 1);
    }
    SECTION("the child ran, but its completion reports a failure") {
        auto request = host.start(RequestBuilder().url("/docs/"));
        CHECK(request.run() == RequestState::waiting);
        CHECK(request.complete_pending_with(HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)) ==
              RequestState::finished);
        CHECK(request.response().sent_status() == 500);
        CHECK(request.response().body().empty());  // the child's body is not sent
        REQUIRE(log.children.size() == 1);
        CHECK(calls_to(log.children[0], iisfake::Method::ReleaseClonedContext) == 1);
    }
}

TEST_CASE("160: past the nesting limit ExecuteRequest fails with ERROR_STACK_OVERFLOW and the "
          "module answers 500 [CTX-9]",
          "[example][160]") {
    ProbeLog log;
    ProbeFactory probe(log);
    NestFactory nine(9);
    NestFactory ten(10);
    iisfake::ModuleHost host;  // last: its end terminates the factories above

    SECTION("DefaultDocument runs nine deep: its child is the tenth, within the limit") {
        host.add("Nest", &nine, RQ_BEGIN_REQUEST, 0);
        load_default_document(host);
        host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
        auto request = host.serve(RequestBuilder().url("/docs/"));
        CHECK(request.response().sent_status() == 200);
        CHECK(request.response().body() == index_page);
    }
    SECTION("DefaultDocument runs ten deep: its child would be the eleventh") {
        host.add("Nest", &ten, RQ_BEGIN_REQUEST, 0);
        load_default_document(host);
        host.add("Probe", &probe, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
        auto request = host.serve(RequestBuilder().url("/docs/"));
        CHECK(request.response().sent_status() == 500);  // passed up through every level
        // DefaultDocument answered at the deepest level, so Probe's OnBeginRequest never ran
        // there; every level still ends, the deepest first.
        REQUIRE(log.ended.size() == 11);
        IHttpContext* deepest = log.ended.front().self;
        int depth = 0;
        for (IHttpContext* up = deepest->GetParentContext(); up; up = up->GetParentContext())
            ++depth;
        CHECK(depth == 10);
        CHECK(log.ended.back().self == static_cast<IHttpContext*>(&request.context()));
        CHECK(calls_to(deepest, iisfake::Method::ExecuteRequest,
                       HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW)) == 1);
        HRESULT status = S_OK;
        USHORT code = 0;
        deepest->GetResponse()->GetStatus(&code, NULL, NULL, NULL, &status);
        CHECK(code == 500);
        CHECK(status == HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW));
    }
}

// The policies decide how ExecuteRequest completes, as they do for reads and writes: inline
// (fCompletionExpected FALSE, the module goes on by itself), pending, or before the call returns.
TEST_CASE("160: the same response under every async_policy, complete_before_return included "
          "[PIPE-9] [§1.7]",
          "[example][160]") {
    using iisfake::AsyncPolicy;
    struct Case {
        AsyncPolicy policy;
        long completions;  // of the two children /site/ runs
    };
    for (const Case c : {Case{AsyncPolicy::always_pending, 2}, Case{AsyncPolicy::always_inline, 0},
                         Case{AsyncPolicy::alternate, 1}, Case{AsyncPolicy::scripted, 1},
                         Case{AsyncPolicy::complete_before_return, 2}}) {
        const AsyncPolicy policy = c.policy;
        CAPTURE(static_cast<int>(policy));
        iisfake::ModuleHost host;
        load_default_document(host);
        host.add_file("/site/default.htm", "home", "text/html");
        host.request_options().async_policy = policy;
        host.request_options().async_script = {false, true};

        auto docs = host.serve(RequestBuilder().url("/docs/"));
        REQUIRE(docs.finished());
        CHECK(docs.response().sent_status() == 200);
        CHECK(docs.response().body() == index_page);

        auto site = host.serve(RequestBuilder().url("/site/"));  // index.htm 404, then default.htm
        REQUIRE(site.finished());
        CHECK(site.response().sent_status() == 200);
        CHECK(site.response().body() == "home");
        const Trace trace = site.trace();
        CHECK(std::count(trace.begin(), trace.end(),
                         "DefaultDocument.OnAsyncCompletion(OnBeginRequest)") == c.completions);
    }
}

TEST_CASE("160: child requests with completions on other threads [PIPE-9] [T-26]",
          "[example][160][threaded]") {
    iisfake::ModuleHost host;
    host.deliver_on_threads();
    load_default_document(host);
    host.add_file("/site/default.htm", "home", "text/html");
    for (int i = 0; i < 20; ++i) {
        host.request_options().async_policy = i % 2 ? iisfake::AsyncPolicy::complete_before_return
                                                    : iisfake::AsyncPolicy::always_pending;
        auto request = host.serve(RequestBuilder().url(i % 3 ? "/site/" : "/docs/"));
        REQUIRE(request.finished());
        CHECK(request.response().sent_status() == 200);
        CHECK(request.response().body() == (i % 3 ? std::string("home") : std::string(index_page)));
    }
}
