// iisfake::FakeHttpContext driven through IHttpContext* as module code gets it in a
// notification: the stable satellites, one call log across request and response, request
// memory, server variables, context containers and PostCompletion (spec §2.6 CTX-*, §2.9-2.11
// USER-*, APP-*, CONT-*, §1.7; traps T-1, T-3, T-16, T-23, T-25).
#include <cstring>
#include <string>
#include <vector>

#define IISFAKE_CONFIG_THREADED_DELIVERY  // also works with the single header
#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::ContextSettings;
using iisfake::FakeHttpContext;
using iisfake::RequestBuilder;

std::string narrow_variable(IHttpContext* context, PCSTR name, HRESULT* result = nullptr) {
    PCSTR value = nullptr;
    DWORD cch = 0;
    const HRESULT hr = context->GetServerVariable(name, &value, &cch);
    if (result) *result = hr;
    return value ? std::string(value, cch) : std::string("<none>");
}

std::string wide_variable(IHttpContext* context, PCSTR name) {
    PCWSTR value = nullptr;
    DWORD cch = 0;
    if (FAILED(context->GetServerVariable(name, &value, &cch)) || !value) return "<none>";
    std::string out;
    for (DWORD i = 0; i < cch; ++i) out += static_cast<char>(value[i]);
    return out;
}

// A stored context that counts its cleanups, as a module's per-request state would.
struct Stored : IHttpStoredContext {
    int* cleanups;
    explicit Stored(int* counter) : cleanups(counter) {}
    virtual ~Stored() = default;
    VOID CleanupStoredContext(VOID) override { ++*cleanups; }
};

struct ConnectionStored : IHttpConnectionStoredContext {
    int cleanups = 0;
    int disconnects = 0;
    virtual ~ConnectionStored() = default;
    VOID CleanupStoredContext(VOID) override { ++cleanups; }
    VOID NotifyDisconnect(VOID) override { ++disconnects; }
};

HTTP_MODULE_ID module_id(int& tag) { return &tag; }

}  // namespace

TEST_CASE("CTX-1, CTX-19: the context is an IHttpContext4 with stable parts", "[context]") {
    FakeHttpContext fake;
    IHttpContext* context = &fake;
    auto* three = static_cast<IHttpContext3*>(context);  // modules write (IHttpContext3*) (T-1)
    CHECK(static_cast<IHttpContext*>(three) == context);
    CHECK(context->GetRequest() == context->GetRequest());
    CHECK(context->GetRequest() == &fake.request());
    CHECK(context->GetResponse() == &fake.response());
    CHECK(context->GetSite() != nullptr);
    CHECK(context->GetSite()->GetSiteId() == 1);
    CHECK(std::wstring(context->GetApplication()->GetApplicationPhysicalPath()) ==
          L"C:\\inetpub\\wwwroot");
    CHECK(context->GetConnection()->IsConnected() == TRUE);
    CHECK(context->GetTraceContext() != nullptr);            // T-25: never NULL
    CHECK(context->GetModuleContextContainer() != nullptr);  // CTX-3
    // The configuration path modules pass to GetAdminSection (the request URL is "/").
    CHECK(std::wstring(context->GetMetadata()->GetMetaPath()) ==
          L"MACHINE/WEBROOT/APPHOST/Default Web Site");
    CHECK(context->GetParentContext() == nullptr);  // CTX-11
}

TEST_CASE(
    "T-25, USER-1: no connection and no user when the settings say so; anonymous is "
    "empty strings",
    "[context]") {
    SECTION("anonymous") {
        FakeHttpContext fake;
        IHttpUser* user = fake.GetUser();
        REQUIRE(user != nullptr);
        CHECK(std::wstring(user->GetUserName()).empty());
        CHECK(std::wstring(user->GetAuthenticationType()).empty());
    }
    SECTION("none") {
        ContextSettings settings;
        settings.has_connection = false;
        settings.has_user = false;
        FakeHttpContext fake(RequestBuilder(), settings);
        CHECK(fake.GetConnection() == nullptr);
        CHECK(fake.GetUser() == nullptr);
    }
    SECTION("a Windows user") {
        ContextSettings settings;
        settings.user_name = "CONTOSO\\alice";
        settings.auth_type = "Negotiate";
        FakeHttpContext fake(RequestBuilder(), settings);
        CHECK(narrow_variable(&fake, "AUTH_TYPE") == "Negotiate");
        CHECK(narrow_variable(&fake, "REMOTE_USER") == "CONTOSO\\alice");
    }
}

TEST_CASE("USER-2: DereferenceUser past the context's own reference is misuse", "[context]") {
    FakeHttpContext fake;
    fake.set_misuse_handler(iisfake::ignore_misuse);
    IHttpUser* user = fake.GetUser();
    user->ReferenceUser();
    user->DereferenceUser();
    CHECK(fake.misuses().empty());
    user->DereferenceUser();
    REQUIRE(fake.misuses().size() == 1);
    CHECK(fake.misuses()[0].rule == "USER-2");
    CHECK(fake.user()->references() == 1);
}

TEST_CASE("One call log across context, request and response, in the module's order", "[context]") {
    FakeHttpContext fake(RequestBuilder().header("Accept", "text/html"));
    IHttpContext* context = &fake;
    USHORT cch = 0;
    context->GetRequest()->GetHeader("Accept", &cch);
    context->GetResponse()->SetStatus(204, "No Content");
    context->GetRequest()->SetHeader("X-Seen", "1", 1, TRUE);
    const auto calls = fake.calls();
    std::vector<iisfake::Method> methods;
    std::vector<iisfake::On> on;
    for (const auto& call : calls) {
        methods.push_back(call.method);
        on.push_back(call.on);
    }
    using iisfake::Method;
    using iisfake::On;
    CHECK(methods == std::vector<Method>{Method::GetRequest, Method::GetHeader, Method::GetResponse,
                                         Method::SetStatus, Method::GetRequest, Method::SetHeader});
    CHECK(on == std::vector<On>{On::context, On::request, On::context, On::response, On::context,
                                On::request});
    CHECK(fake.request().calls().size() == 2);  // each part still sees its own
}

TEST_CASE("CTX-5: server variables are computed live from the request", "[context]") {
    FakeHttpContext fake(RequestBuilder()
                             .method("POST")
                             .url("/app/page.aspx?x=1&y=2")
                             .header("Host", "example.com:8080")
                             .header("Content-Type", "text/plain")
                             .header("X-Forwarded-For", "10.0.0.1")
                             .remote_address("192.0.2.7", 50123)
                             .local_address("198.51.100.1", 8080)
                             .body("abc"));
    IHttpContext* context = &fake;
    CHECK(narrow_variable(context, "REQUEST_METHOD") == "POST");
    CHECK(narrow_variable(context, "URL") == "/app/page.aspx");
    CHECK(narrow_variable(context, "QUERY_STRING") == "x=1&y=2");  // no leading '?'
    CHECK(narrow_variable(context, "UNENCODED_URL") == "/app/page.aspx?x=1&y=2");
    CHECK(narrow_variable(context, "SERVER_NAME") == "example.com");
    CHECK(narrow_variable(context, "SERVER_PORT") == "8080");
    CHECK(narrow_variable(context, "HTTPS") == "off");
    CHECK(narrow_variable(context, "REMOTE_ADDR") == "192.0.2.7");
    CHECK(narrow_variable(context, "REMOTE_PORT") == "50123");
    CHECK(narrow_variable(context, "LOCAL_ADDR") == "198.51.100.1");
    CHECK(narrow_variable(context, "CONTENT_TYPE") == "text/plain");
    CHECK(narrow_variable(context, "CONTENT_LENGTH") == "3");
    CHECK(narrow_variable(context, "HTTP_VERSION") == "HTTP/1.1");
    CHECK(narrow_variable(context, "http_x_forwarded_for") == "10.0.0.1");  // any case
    CHECK(wide_variable(context, "HTTP_X_FORWARDED_FOR") == "10.0.0.1");
    CHECK(narrow_variable(context, "PATH_TRANSLATED") == "C:\\inetpub\\wwwroot\\app\\page.aspx");
    CHECK(narrow_variable(context, "APPL_MD_PATH") == "/LM/W3SVC/1/ROOT");
    // ALL_RAW reflects a module's header edits (ANCM forwards it).
    REQUIRE(context->GetRequest()->SetHeader("X-Added", "yes", 3, TRUE) == S_OK);
    CHECK(narrow_variable(context, "ALL_RAW").find("X-Added: yes\r\n") != std::string::npos);
    CHECK(narrow_variable(context, "ALL_HTTP").find("HTTP_X_ADDED:yes\n") != std::string::npos);
    CHECK(narrow_variable(context, "HTTP_X_ADDED") == "yes");
}

TEST_CASE("CTX-5: an unknown variable is ERROR_INVALID_INDEX with NULL, and not misuse",
          "[context]") {
    FakeHttpContext fake;
    HRESULT hr = S_OK;
    CHECK(narrow_variable(&fake, "HTTP_X_ABSENT", &hr) == "<none>");
    CHECK(hr == HRESULT_FROM_WIN32(ERROR_INVALID_INDEX));
    CHECK(narrow_variable(&fake, "NO_SUCH_VARIABLE", &hr) == "<none>");
    CHECK(hr == HRESULT_FROM_WIN32(ERROR_INVALID_INDEX));
    CHECK(fake.misuses().empty());
    fake.set_misuse_handler(iisfake::ignore_misuse);
    PCSTR value = nullptr;
    CHECK(fake.GetServerVariable(nullptr, &value, nullptr) == E_INVALIDARG);
    CHECK(fake.misuses().size() == 1);
}

TEST_CASE("CTX-6: SetServerVariable creates or overrides a variable", "[context]") {
    FakeHttpContext fake(RequestBuilder().url("/a"));
    REQUIRE(fake.SetServerVariable("MY_VAR", L"value") == S_OK);
    CHECK(narrow_variable(&fake, "my_var") == "value");
    REQUIRE(fake.SetServerVariable("URL", L"/rewritten") == S_OK);
    CHECK(narrow_variable(&fake, "URL") == "/rewritten");
    CHECK(fake.InheritServerVariable("MY_VAR", TRUE) == S_OK);
    CHECK(fake.InheritServerVariable("ABSENT", TRUE) == HRESULT_FROM_WIN32(ERROR_INVALID_INDEX));
}

TEST_CASE("CTX-4: request memory lives to the request's end, then is poisoned", "[context]") {
    FakeHttpContext fake;
    auto* p = static_cast<char*>(fake.AllocateRequestMemory(16));
    REQUIRE(p != nullptr);
    std::memcpy(p, "0123456789abcdef", 16);
    auto* q = static_cast<char*>(fake.AllocateRequestMemory(0));
    CHECK(q != nullptr);
    CHECK(q != p);
    CHECK(std::string(p, 16) == "0123456789abcdef");
    fake.set_request_memory_limit(32);
    CHECK(fake.AllocateRequestMemory(64) == nullptr);  // module code must handle NULL
    CHECK(fake.misuses().empty());
}

TEST_CASE(
    "T-3, RESP-8: request memory by reference is sent intact; strict mode reports other "
    "memory",
    "[context]") {
    FakeHttpContext fake;
    fake.options().strict_request_memory = true;
    fake.set_misuse_handler(iisfake::ignore_misuse);
    IHttpContext* context = &fake;
    const char text[] = "from request memory";
    void* memory = context->AllocateRequestMemory(sizeof text - 1);
    std::memcpy(memory, text, sizeof text - 1);
    HTTP_DATA_CHUNK chunk = {};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = memory;
    chunk.FromMemory.BufferLength = sizeof text - 1;
    REQUIRE(context->GetResponse()->WriteEntityChunkByReference(&chunk) == S_OK);
    CHECK(fake.misuses().empty());
    std::string local = "a local string";
    chunk.FromMemory.pBuffer = &local[0];
    chunk.FromMemory.BufferLength = static_cast<ULONG>(local.size());
    REQUIRE(context->GetResponse()->WriteEntityChunkByReference(&chunk) == S_OK);
    CHECK(fake.misuses().size() == 1);
    fake.end_request();
    CHECK(fake.response().body() == "from request memorya local string");
}

TEST_CASE("CONT-1, T-16: a module context is stored once and cleaned up once at the end",
          "[context]") {
    int cleanups = 0;
    int tag = 0;
    Stored first(&cleanups);
    Stored second(&cleanups);
    {
        FakeHttpContext fake;
        fake.set_misuse_handler(iisfake::ignore_misuse);
        IHttpModuleContextContainer* container = fake.GetModuleContextContainer();
        CHECK(container->GetModuleContext(module_id(tag)) == nullptr);
        REQUIRE(container->SetModuleContext(&first, module_id(tag)) == S_OK);
        CHECK(container->GetModuleContext(module_id(tag)) == &first);
        CHECK(container->SetModuleContext(&second, module_id(tag)) ==
              HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        REQUIRE(fake.misuses().size() == 1);
        CHECK(fake.misuses()[0].rule == "CONT-1");
        CHECK(container->GetModuleContext(module_id(tag)) == &first);  // no overwrite
        CHECK(cleanups == 0);
        int site_tag = 0;
        REQUIRE(fake.GetSite()->GetModuleContextContainer()->SetModuleContext(
                    &second, module_id(site_tag)) == S_OK);
        fake.end_request();
        CHECK(cleanups == 2);
    }
    CHECK(cleanups == 2);  // exactly once, also when the context dies after end_request
}

TEST_CASE("APP-1: a client that goes away is seen by IsConnected and connection contexts",
          "[context]") {
    FakeHttpContext fake(RequestBuilder().body("abcdef"));
    ConnectionStored stored;
    int tag = 0;
    IHttpConnection* connection = fake.GetConnection();
    REQUIRE(connection->GetModuleContextContainer()->SetConnectionModuleContext(
                &stored, module_id(tag)) == S_OK);
    fake.disconnect_client();
    CHECK(connection->IsConnected() == FALSE);
    CHECK(stored.disconnects == 1);
    char buffer[4];
    DWORD read = 0;
    CHECK(FAILED(fake.GetRequest()->ReadEntityBody(buffer, 4, FALSE, &read)));
    fake.end_request();
    CHECK(stored.cleanups == 1);
}

TEST_CASE("§1.7, T-23: PostCompletion(cb) completes later with cb bytes and S_OK", "[context]") {
    FakeHttpContext fake;
    IHttpContext* context = &fake;
    std::vector<DWORD> bytes;
    std::vector<HRESULT> statuses;
    fake.set_completion_sink([&](IHttpCompletionInfo* info) {
        bytes.push_back(info->GetCompletionBytes());
        statuses.push_back(info->GetCompletionStatus());
        return RQ_NOTIFICATION_FINISH_REQUEST;
    });
    REQUIRE(context->PostCompletion(42) == S_OK);
    CHECK(bytes.empty());  // never inside the call
    CHECK(fake.pending_count() == 1);
    fake.complete_pending();
    CHECK(bytes == std::vector<DWORD>{42});
    CHECK(statuses == std::vector<HRESULT>{S_OK});
    CHECK(fake.completions().back().returned == RQ_NOTIFICATION_FINISH_REQUEST);
}

namespace {
DWORD g_routine_bytes = 0;
DWORD g_routine_error = 99;
void WINAPI routine(DWORD error, DWORD bytes, LPOVERLAPPED) {
    g_routine_error = error;
    g_routine_bytes = bytes;
}
}  // namespace

TEST_CASE("CTX-12: IHttpContext3::PostCompletion with a routine calls the routine", "[context]") {
    FakeHttpContext fake;
    IHttpContext3* context = &fake;
    REQUIRE(context->PostCompletion(7, routine, nullptr) == S_OK);
    fake.complete_pending();
    CHECK(g_routine_bytes == 7);
    CHECK(g_routine_error == 0);
}

TEST_CASE("§1.7: CancelIo completes a pending read and write with ERROR_OPERATION_ABORTED",
          "[context]") {
    FakeHttpContext fake(RequestBuilder().body("abcdef"));
    IHttpContext3* context = &fake;
    std::vector<HRESULT> statuses;
    std::vector<DWORD> operations;
    fake.set_completion_sink([&](IHttpCompletionInfo* info) {
        statuses.push_back(info->GetCompletionStatus());
        operations.push_back(static_cast<IHttpCompletionInfo2*>(info)->GetCompletedOperation());
        return RQ_NOTIFICATION_CONTINUE;
    });
    context->EnableFullDuplex();  // a read and a write pending together
    char buffer[4];
    BOOL pending = FALSE;
    REQUIRE(context->GetRequest()->ReadEntityBody(buffer, 4, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    context->GetResponse()->DisableBuffering();
    static const char hello[] = "hello";
    HTTP_DATA_CHUNK chunk = {};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = const_cast<char*>(hello);
    chunk.FromMemory.BufferLength = 5;
    BOOL expected = FALSE;
    REQUIRE(context->GetResponse()->WriteEntityChunks(&chunk, 1, TRUE, TRUE, nullptr, &expected) ==
            S_OK);
    REQUIRE(expected == TRUE);
    CHECK(fake.pending_count() == 2);
    REQUIRE(context->CancelIo() == S_OK);
    CHECK(statuses == std::vector<HRESULT>{HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED),
                                           HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED)});
    CHECK(operations[0] == iisfake::completed_operation::read);
    CHECK(operations[1] != iisfake::completed_operation::read);
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE("CTX-7, CTX-8: physical paths from the site root; MapPath asks for room", "[context]") {
    ContextSettings settings;
    settings.physical_root = "D:\\sites\\shop\\";
    FakeHttpContext fake(RequestBuilder().url("/img/logo.png?v=2"), settings);
    DWORD cch = 0;
    CHECK(std::wstring(fake.GetPhysicalPath(&cch)) == L"D:\\sites\\shop\\img\\logo.png");
    CHECK(cch == 26);
    CHECK(std::wstring(fake.GetScriptName()) == L"/img/logo.png");
    DWORD size = 4;
    WCHAR small[4];
    CHECK(fake.MapPath(L"/a/b", small, &size) == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
    CHECK(size == 18);  // 17 characters and the terminator
    std::vector<WCHAR> room(size);
    REQUIRE(fake.MapPath(L"/a/b", room.data(), &size) == S_OK);
    CHECK(std::wstring(room.data()) == L"D:\\sites\\shop\\a\\b");
}

TEST_CASE("IHttpContext4: request times come from the test clock", "[context]") {
    FakeHttpContext fake;
    IHttpContext4* context = &fake;
    CHECK(context->GetRequestElapsedTime() == 0);
    fake.advance_clock(250);
    CHECK(context->GetRequestElapsedTime() == 250);
    CHECK(context->GetRequestStartTime() == ContextSettings().start_time_ms);
}

TEST_CASE("CTX-2: GetResponseHeadersSent turns TRUE with the first flush", "[context]") {
    FakeHttpContext fake;
    IHttpContext* context = &fake;
    CHECK(context->GetResponseHeadersSent() == FALSE);
    DWORD sent = 0;
    REQUIRE(context->GetResponse()->Flush(FALSE, TRUE, &sent) == S_OK);
    CHECK(context->GetResponseHeadersSent() == TRUE);
}

TEST_CASE("IHttpRequest3 callbacks receive the context as their IHttpContext3*", "[context]") {
    FakeHttpContext fake(RequestBuilder().body("abc"));
    auto* request = static_cast<IHttpRequest3*>(fake.GetRequest());
    struct Seen {
        IHttpContext3* context = nullptr;
    } seen;
    char buffer[8];
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(
                buffer, 8, TRUE,
                [](IHttpContext3* context, IHttpCompletionInfo2*, void* state) {
                    static_cast<Seen*>(state)->context = context;
                    return RQ_NOTIFICATION_CONTINUE;
                },
                &seen, nullptr, &pending) == S_OK);
    fake.complete_pending();
    CHECK(seen.context == &fake);
}

namespace {
// A heap user as an authentication module makes one: deletes itself at its last reference.
class HeapUser : public IHttpUser {
public:
    explicit HeapUser(int* deleted) : deleted_(deleted) {}
    PCWSTR GetRemoteUserName(VOID) override { return L"bob"; }
    PCWSTR GetUserName(VOID) override { return L"bob"; }
    PCWSTR GetAuthenticationType(VOID) override { return L"Basic"; }
    PCWSTR GetPassword(VOID) override { return L""; }
    HANDLE GetImpersonationToken(VOID) override { return nullptr; }
    HANDLE GetPrimaryToken(VOID) override { return nullptr; }
    VOID ReferenceUser(VOID) override { ++references_; }
    VOID DereferenceUser(VOID) override {
        if (--references_ == 0) delete this;
    }
    BOOL SupportsIsInRole(VOID) override { return FALSE; }
    HRESULT IsInRole(PCWSTR, BOOL*) override { return E_NOTIMPL; }
    PVOID GetUserVariable(PCSTR) override { return nullptr; }

private:
    virtual ~HeapUser() { ++*deleted_; }
    int* deleted_;
    int references_ = 1;
};
}  // namespace

TEST_CASE("PROV-2: SetUser makes the user GetUser()'s and is dereferenced at the end",
          "[context]") {
    int deleted = 0;
    {
        FakeHttpContext fake;
        IHttpUser* anonymous = fake.GetUser();
        IAuthenticationProvider* provider = &fake.authentication_provider();
        provider->SetUser(new HeapUser(&deleted));
        CHECK(std::wstring(fake.GetUser()->GetUserName()) == L"bob");
        CHECK(fake.GetOriginalUser() == anonymous);
        CHECK(narrow_variable(&fake, "AUTH_TYPE") == "Basic");
        CHECK(deleted == 0);
        fake.end_request();
        CHECK(deleted == 1);
    }
    CHECK(deleted == 1);
}

TEST_CASE("PROV-1, PROV-5, PROV-6, PROV-7: providers hold what the module set", "[context]") {
    iisfake::FakeMapPathProvider map_path(L"/a", L"C:\\inetpub\\wwwroot\\a");
    IMapPathProvider* mp = &map_path;
    CHECK(mp->SetPhysicalPath(L"D:\\elsewhere", 12) == S_OK);
    CHECK(map_path.physical_path() == "D:\\elsewhere");
    CHECK(mp->SetPhysicalPath(nullptr, 3) == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    mp->SetErrorStatus(E_ACCESSDENIED);
    CHECK(map_path.error_status() == E_ACCESSDENIED);

    iisfake::FakeSendResponseProvider send(true, 0);
    ISendResponseProvider* sp = &send;
    sp->SetFlags(sp->GetFlags() | HTTP_SEND_RESPONSE_FLAG_OPAQUE);  // what iisnode does
    CHECK(send.flags() == HTTP_SEND_RESPONSE_FLAG_OPAQUE);
    CHECK(sp->GetLogData() == nullptr);
    CHECK(sp->GetReadyToLogData() == FALSE);

    char data[8] = "abc";
    iisfake::FakeReadEntityProvider read(data, 3, 8);
    char other[2] = "z";
    read.SetEntity(other, 1, 0);
    PVOID buffer = nullptr;
    DWORD bytes = 0;
    DWORD capacity = 0;
    read.GetEntity(&buffer, &bytes, &capacity);
    CHECK(buffer == other);
    CHECK(bytes == 1);
    CHECK(capacity >= bytes);
}

TEST_CASE("§1.7: completions on a pool thread: a module echoes the body, read and write in turn",
          "[context][threaded]") {
    std::string body(4096, 'x');
    for (std::size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>('a' + i % 26);
    FakeHttpContext fake(RequestBuilder().method("POST").body(body));
    // The echo module: each read completion writes what it read, each write completion reads
    // again, until the end of the body.
    struct Echo {
        IHttpContext* context;
        char buffer[256];
        bool reading = true;
        int failures = 0;
        REQUEST_NOTIFICATION_STATUS next() {
            for (;;) {
                BOOL pending = FALSE;
                DWORD read = 0;
                reading = true;  // before the call: its completion can run first
                const HRESULT hr = context->GetRequest()->ReadEntityBody(buffer, sizeof buffer,
                                                                         TRUE, &read, &pending);
                if (hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) return RQ_NOTIFICATION_CONTINUE;
                if (FAILED(hr)) {
                    ++failures;
                    return RQ_NOTIFICATION_FINISH_REQUEST;
                }
                if (pending) return RQ_NOTIFICATION_PENDING;
                if (write(read) == RQ_NOTIFICATION_PENDING) return RQ_NOTIFICATION_PENDING;
            }
        }
        REQUEST_NOTIFICATION_STATUS write(DWORD bytes) {
            HTTP_DATA_CHUNK chunk = {};
            chunk.DataChunkType = HttpDataChunkFromMemory;
            chunk.FromMemory.pBuffer = buffer;
            chunk.FromMemory.BufferLength = bytes;
            BOOL expected = FALSE;
            reading = false;
            if (FAILED(context->GetResponse()->WriteEntityChunks(&chunk, 1, TRUE, TRUE, nullptr,
                                                                 &expected)))
                ++failures;
            return expected ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_CONTINUE;
        }
        REQUEST_NOTIFICATION_STATUS completed(IHttpCompletionInfo* info) {
            if (FAILED(info->GetCompletionStatus())) return RQ_NOTIFICATION_CONTINUE;
            if (reading && write(info->GetCompletionBytes()) == RQ_NOTIFICATION_PENDING)
                return RQ_NOTIFICATION_PENDING;
            return next();
        }
    } echo{&fake, {}, true, 0};
    fake.GetResponse()->DisableBuffering();  // every write goes out, and may pend
    fake.set_completion_sink([&](IHttpCompletionInfo* info) { return echo.completed(info); });
    fake.options().async_policy = iisfake::AsyncPolicy::complete_before_return;
    fake.deliver_on_thread();
    echo.next();
    fake.wait_for_completions();
    fake.end_request();
    CHECK(echo.failures == 0);
    CHECK(fake.response().body() == body);
    CHECK(fake.misuses().empty());
}

TEST_CASE(
    "CTX-4, RESP-14: a reset connection drops the buffered chunks before request memory "
    "goes",
    "[context]") {
    // Found by tests/fuzz/context_fuzzer.cpp: the raw response kept pointing into request
    // memory freed at the request's end.
    FakeHttpContext fake;
    void* memory = fake.AllocateRequestMemory(4);
    std::memcpy(memory, "data", 4);
    HTTP_DATA_CHUNK chunk = {};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = memory;
    chunk.FromMemory.BufferLength = 4;
    REQUIRE(fake.GetResponse()->WriteEntityChunkByReference(&chunk) == S_OK);
    fake.GetResponse()->ResetConnection();
    fake.end_request();
    CHECK(fake.response().GetRawHttpResponse()->EntityChunkCount == 0);
    CHECK(fake.response().buffered_body().empty());
    CHECK(fake.response().sends().empty());
}

TEST_CASE("Cloned contexts are released in reverse creation order, children first [CTX-10]",
          "[context]") {
    FakeHttpContext context;
    IHttpContext* root = &context;
    IHttpContext* first = nullptr;
    IHttpContext* second = nullptr;
    REQUIRE(root->CloneContext(CLONE_FLAG_BASICS, &first) == S_OK);
    REQUIRE(root->CloneContext(CLONE_FLAG_BASICS, &second) == S_OK);
    IHttpContext* grandchild = nullptr;
    REQUIRE(second->CloneContext(CLONE_FLAG_BASICS, &grandchild) == S_OK);
    CHECK(grandchild->GetParentContext() == second);
    CHECK(grandchild->GetRootContext() == root);
    CHECK(root->ReleaseClonedContext() == HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    CHECK(first->ReleaseClonedContext() == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(second->ReleaseClonedContext() == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(grandchild->ReleaseClonedContext() == S_OK);
    CHECK(second->ReleaseClonedContext() == S_OK);
    CHECK(first->ReleaseClonedContext() == S_OK);
    CHECK(first->ReleaseClonedContext() == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
}

TEST_CASE("A clone copies what its flags name [CTX-10]", "[context]") {
    FakeHttpContext context(RequestBuilder()
                                .method("POST")
                                .url("/a/b?x=1")
                                .header("Range", "bytes=0-1")
                                .header("Depth", "1")
                                .header("X-Kept", "yes")
                                .body("payload"));
    IHttpContext* clone = nullptr;
    REQUIRE(context.CloneContext(CLONE_FLAG_BASICS | CLONE_FLAG_HEADERS | CLONE_FLAG_NO_DAV |
                                     CLONE_FLAG_NO_PRECONDITION,
                                 &clone) == S_OK);
    IHttpRequest* request = clone->GetRequest();
    CHECK(std::string(request->GetHttpMethod()) == "POST");
    CHECK(std::string(request->GetRawHttpRequest()->pRawUrl) == "/a/b?x=1");
    CHECK(request->GetHeader("X-Kept") != nullptr);
    CHECK(request->GetHeader("Range") == nullptr);
    CHECK(request->GetHeader("Depth") == nullptr);
    CHECK(request->GetRemainingEntityBytes() == 0);  // no CLONE_FLAG_ENTITY

    IHttpContext* with_entity = nullptr;
    REQUIRE(context.CloneContext(CLONE_FLAG_ENTITY, &with_entity) == S_OK);
    CHECK(with_entity->GetRequest()->GetRemainingEntityBytes() == 7);
    CHECK(with_entity->GetRequest()->GetHeader("X-Kept") == nullptr);  // no CLONE_FLAG_HEADERS
    CHECK(std::string(with_entity->GetRequest()->GetHttpMethod()) == "GET");

    // A URL the module rewrote is what the clone gets.
    context.request().SetUrl("/new path", 9, TRUE);
    IHttpContext* rewritten = nullptr;
    REQUIRE(context.CloneContext(CLONE_FLAG_BASICS, &rewritten) == S_OK);
    CHECK(std::string(rewritten->GetRequest()->GetRawHttpRequest()->pRawUrl) == "/new%20path");
}

TEST_CASE("ExecuteRequest: async only, only a clone of this context, nesting limit 10 [CTX-9]",
          "[context]") {
    FakeHttpContext context;
    context.set_misuse_handler(iisfake::ignore_misuse);
    FakeHttpContext stranger;
    BOOL expected = TRUE;
    CHECK(context.ExecuteRequest(TRUE, &stranger, 0, nullptr, &expected) ==
          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    CHECK_FALSE(expected);
    IHttpContext* level = &context;
    for (int depth = 0; depth < 11; ++depth) {
        IHttpContext* next = nullptr;
        REQUIRE(level->CloneContext(CLONE_FLAG_BASICS, &next) == S_OK);
        if (depth < 10) level = next;
        else CHECK(level->ExecuteRequest(TRUE, next, 0, nullptr, &expected) ==
                   HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW));
    }
    IHttpContext* child = nullptr;
    REQUIRE(context.CloneContext(CLONE_FLAG_BASICS, &child) == S_OK);
    CHECK(context.ExecuteRequest(FALSE, child, 0, nullptr, &expected) ==
          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    // Without a pipeline host nothing can run it.
    CHECK(context.ExecuteRequest(TRUE, child, 0, nullptr, &expected) ==
          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
}
