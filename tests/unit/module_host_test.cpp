// iisfake::ModuleHost: modules loaded through RegisterModule and requests run through the IIS
// pipeline (spec §2.2 PIPE-*, §2.3 MOD-*, §2.4 REG-*, §1.7; traps T-9, T-16, T-20, T-21, T-23).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <cwchar>
#include <string>
#include <thread>
#include <vector>

#define IISFAKE_CONFIG_THREADED_DELIVERY
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include "catch.hpp"
#include "support/scripted_module.hpp"

namespace {

using iisfake::ModuleHost;
using iisfake::RequestBuilder;
using iisfake::RequestState;
using test_module::Script;

// A host with one scripted module named `name` registered for `notifications`.
struct Fixture {
    Script script;
    test_module::Factory factory{script};
    ModuleHost host;
    std::vector<iisfake::Misuse> misuses;
    explicit Fixture(DWORD notifications, DWORD post = 0, const char* name = "M") {
        host.set_misuse_handler([this](const iisfake::Misuse& m) { misuses.push_back(m); });
        REQUIRE(host.add(name, &factory, notifications, post) == S_OK);
    }
    bool reported(const std::string& rule) const {
        for (const auto& m : misuses)
            if (m.rule == rule) return true;
        return false;
    }
};

std::vector<std::string> without_dispose(std::vector<std::string> trace) {
    std::vector<std::string> out;
    for (auto& line : trace)
        if (line.find(".Dispose") == std::string::npos) out.push_back(line);
    return out;
}

// ---- a module loaded through its own RegisterModule ------------------------------------------

struct Seen {
    DWORD version = 0;
    std::string name;
    HTTP_MODULE_ID id = nullptr;
    IHttpServer* server = nullptr;
};
Seen first_seen, second_seen;
Script registered_script;
test_module::Factory registered_factory{registered_script};

HRESULT __stdcall RegisterFirst(DWORD version, IHttpModuleRegistrationInfo* info,
                                IHttpServer* server) {
    first_seen = Seen{version, iisfake::detail::utf8_of(info->GetName()), info->GetId(), server};
    HRESULT hr = info->SetRequestNotifications(&registered_factory, RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr)) return hr;
    return info->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, PRIORITY_ALIAS_FIRST);
}

HRESULT __stdcall RegisterSecond(DWORD version, IHttpModuleRegistrationInfo* info,
                                 IHttpServer* server) {
    second_seen = Seen{version, iisfake::detail::utf8_of(info->GetName()), info->GetId(), server};
    return S_OK;
}

HRESULT __stdcall RegisterTwice(DWORD, IHttpModuleRegistrationInfo* info, IHttpServer*) {
    HRESULT hr = info->SetRequestNotifications(&registered_factory, RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr)) return hr;
    return info->SetRequestNotifications(&registered_factory, RQ_END_REQUEST, 0);
}

HRESULT __stdcall RegisterFailing(DWORD, IHttpModuleRegistrationInfo*, IHttpServer*) {
    return E_OUTOFMEMORY;
}

}  // namespace

TEST_CASE("RegisterModule gets the server version, its name and a distinct non-NULL id [REG-2] "
          "[REG-3] [T-16]",
          "[host]") {
    ModuleHost host;
    REQUIRE(host.load("First", &RegisterFirst) == S_OK);
    REQUIRE(host.load("Second", &RegisterSecond) == S_OK);
    CHECK(first_seen.version == 10);
    CHECK(first_seen.name == "First");
    CHECK(second_seen.name == "Second");
    CHECK(first_seen.id != nullptr);
    CHECK(second_seen.id != nullptr);
    CHECK(first_seen.id != second_seen.id);
    CHECK(first_seen.server == &host.server());
    const iisfake::FakeModuleRegistrationInfo* info = host.registration("First");
    REQUIRE(info != nullptr);
    CHECK(info->request_notifications() == RQ_BEGIN_REQUEST);
    CHECK(info->priority(iisfake::PriorityRequest::Kind::request, RQ_BEGIN_REQUEST) ==
          iisfake::Priority::first);
    auto request = host.serve(RequestBuilder().url("/"));
    CHECK(registered_script.created == 1);
    CHECK(registered_script.disposed == 1);
}

TEST_CASE("A second SetRequestNotifications is refused; a failed RegisterModule serves nothing "
          "[REG-4]",
          "[host]") {
    ModuleHost host;
    CHECK(host.load("Twice", &RegisterTwice) == HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    CHECK(host.load("Failing", &RegisterFailing) == E_OUTOFMEMORY);
    const int created = registered_script.created;
    auto request = host.serve(RequestBuilder().url("/"));
    CHECK(registered_script.created == created);
    CHECK(request.trace() == std::vector<std::string>{"StaticFileModule.ExecuteRequestHandler"});
}

TEST_CASE("Factories are terminated once at shutdown [REG-4]", "[host]") {
    Fixture f(RQ_BEGIN_REQUEST);
    f.host.shutdown();
    f.host.shutdown();
    CHECK(f.script.terminated == 1);
    CHECK(f.host.global_trace() == std::vector<std::string>{"M.IHttpModuleFactory::Terminate"});
}

TEST_CASE("A priority alias that is not one is refused; aliases ignore case [REG-6]", "[host]") {
    iisfake::FakeModuleRegistrationInfo info("M");
    CHECK(info.SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, L"SOON") ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(info.SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, L"last") == S_OK);
    CHECK(info.priority(iisfake::PriorityRequest::Kind::request, RQ_BEGIN_REQUEST) ==
          iisfake::Priority::last);
    info.set_misuse_handler(iisfake::ignore_misuse);
    CHECK(info.SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, nullptr) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(info.misuses().size() == 1);
}

// ---- order ------------------------------------------------------------------------------------

TEST_CASE("Every stage and post-event runs in IIS's order, the final send before LogRequest "
          "[PIPE-1] [PIPE-3]",
          "[host]") {
    Fixture f(0xFFFu | RQ_SEND_RESPONSE, 0xFFFu);
    const auto trace = without_dispose(f.host.serve(RequestBuilder().url("/")).trace());
    const std::vector<std::string> expected = {
        "M.OnBeginRequest",           "M.OnPostBeginRequest",
        "M.OnAuthenticateRequest",    "M.OnPostAuthenticateRequest",
        "M.OnAuthorizeRequest",       "M.OnPostAuthorizeRequest",
        "M.OnResolveRequestCache",    "M.OnPostResolveRequestCache",
        "M.OnMapRequestHandler",      "M.OnPostMapRequestHandler",
        "M.OnAcquireRequestState",    "M.OnPostAcquireRequestState",
        "M.OnPreExecuteRequestHandler", "M.OnPostPreExecuteRequestHandler",
        "M.OnExecuteRequestHandler",  "M.OnPostExecuteRequestHandler",
        "M.OnReleaseRequestState",    "M.OnPostReleaseRequestState",
        "M.OnUpdateRequestCache",     "M.OnPostUpdateRequestCache",
        "M.OnSendResponse",           "M.OnLogRequest",
        "M.OnPostLogRequest",         "M.OnEndRequest",
        "M.OnPostEndRequest"};
    CHECK(trace == expected);
}

TEST_CASE("Modules run FIRST to LAST, ties in load order, and RQ_SEND_RESPONSE inverted "
          "[PIPE-1] [T-21]",
          "[host]") {
    Script a, b, c;
    test_module::Factory fa(a), fb(b), fc(c);
    ModuleHost host;
    host.add("A", &fa, RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE);
    host.add("B", &fb, RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE);
    host.add("C", &fc, RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE);
    host.registration("C")->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST,
                                                              PRIORITY_ALIAS_FIRST);
    host.registration("A")->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST,
                                                              PRIORITY_ALIAS_LAST);
    host.registration("A")->SetPriorityForRequestNotification(RQ_SEND_RESPONSE,
                                                              PRIORITY_ALIAS_FIRST);
    const auto trace = without_dispose(host.serve(RequestBuilder()).trace());
    CHECK(trace == std::vector<std::string>{"C.OnBeginRequest", "B.OnBeginRequest",
                                            "A.OnBeginRequest",
                                            "StaticFileModule.ExecuteRequestHandler",
                                            "C.OnSendResponse", "B.OnSendResponse",
                                            "A.OnSendResponse"});
}

TEST_CASE("A post-event runs at its own priority, else at its event's [PIPE-1]", "[host]") {
    Script a, b;
    test_module::Factory fa(a), fb(b);
    ModuleHost host;
    host.add("A", &fa, 0, RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    host.add("B", &fb, 0, RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    host.registration("B")->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST,
                                                              PRIORITY_ALIAS_HIGH);
    host.registration("B")->SetPriorityForPostRequestNotification(RQ_END_REQUEST,
                                                                  PRIORITY_ALIAS_HIGH);
    host.registration("A")->SetPriorityForPostRequestNotification(RQ_BEGIN_REQUEST,
                                                                  PRIORITY_ALIAS_FIRST);
    const auto trace = without_dispose(host.serve(RequestBuilder()).trace());
    CHECK(trace == std::vector<std::string>{"A.OnPostBeginRequest", "B.OnPostBeginRequest",
                                            "StaticFileModule.ExecuteRequestHandler",
                                            "B.OnPostEndRequest", "A.OnPostEndRequest"});
}

TEST_CASE("RQ_EXECUTE_REQUEST_HANDLER goes to the handler only [PIPE-2] [T-20]", "[host]") {
    Script a, b;
    test_module::Factory fa(a), fb(b);
    ModuleHost host;
    std::vector<iisfake::Misuse> misuses;
    host.set_misuse_handler([&](const iisfake::Misuse& m) { misuses.push_back(m); });
    host.add("A", &fa, RQ_EXECUTE_REQUEST_HANDLER, RQ_EXECUTE_REQUEST_HANDLER);
    host.add("B", &fb, RQ_EXECUTE_REQUEST_HANDLER, RQ_EXECUTE_REQUEST_HANDLER);

    SECTION("named by the handler mapping") {
        host.set_handler("B");
        const auto trace = without_dispose(host.serve(RequestBuilder()).trace());
        CHECK(trace == std::vector<std::string>{"B.OnExecuteRequestHandler",
                                                "A.OnPostExecuteRequestHandler",
                                                "B.OnPostExecuteRequestHandler"});
        CHECK(misuses.empty());
    }
    SECTION("two candidates and no mapping is reported") {
        auto request = host.serve(RequestBuilder());
        REQUIRE(misuses.size() == 1);
        CHECK(misuses[0].rule == "PIPE-2");
    }
}

TEST_CASE("Responses carry IIS's own Server header, which a module may remove [T-22]",
          "[host]") {
    Fixture f(RQ_SEND_RESPONSE);
    bool strip = false;
    f.script.handlers["OnSendResponse"] = [&](IHttpContext* context, IHttpEventProvider*) {
        if (strip) context->GetResponse()->DeleteHeader("Server");
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto plain = f.host.serve(RequestBuilder());
    CHECK(plain.response().header("Server") == "Microsoft-IIS/10.0");
    CHECK(plain.context().calls().empty());  // IIS set it, not the module
    strip = true;
    auto stripped = f.host.serve(RequestBuilder());
    CHECK_FALSE(stripped.response().has_header("Server"));
    f.host.options().server_header.clear();  // requestFiltering removeServerHeader
    strip = false;
    CHECK_FALSE(f.host.serve(RequestBuilder()).response().has_header("Server"));
}

TEST_CASE("Without a handler module the static file handler serves the file or 404 [PIPE-2]",
          "[host]") {
    ModuleHost host;
    host.add_file("/index.html", "<p>hi</p>");
    auto found = host.serve(RequestBuilder().url("/index.html?x=1"));
    CHECK(found.response().sent_status() == 200);
    CHECK(found.response().body() == "<p>hi</p>");
    CHECK(found.response().header("Content-Type") == "text/html");
    auto missing = host.serve(RequestBuilder().url("/other.html"));
    CHECK(missing.response().sent_status() == 404);
    CHECK(missing.context().calls().empty());  // the host's own calls are not the module's
}

// ---- statuses -----------------------------------------------------------------------------------

TEST_CASE("FINISH_REQUEST skips the rest of the stage and the main stages; the response is "
          "sent and LogRequest/EndRequest still run [PIPE-7] [T-20]",
          "[host]") {
    Script blocker, other;
    blocker.handlers["OnBeginRequest"] = [](IHttpContext* context, IHttpEventProvider*) {
        context->GetResponse()->SetStatus(403, "Forbidden");
        return RQ_NOTIFICATION_FINISH_REQUEST;
    };
    test_module::Factory fb(blocker), fo(other);
    const DWORD all = 0xFFFu | RQ_SEND_RESPONSE;
    ModuleHost host;
    host.add("Blocker", &fb, RQ_BEGIN_REQUEST);
    host.add("Other", &fo, all, RQ_BEGIN_REQUEST);

    SECTION("default: log and end stages run") {
        auto request = host.serve(RequestBuilder());
        CHECK(without_dispose(request.trace()) ==
              std::vector<std::string>{"Blocker.OnBeginRequest", "Other.OnSendResponse",
                                       "Other.OnLogRequest", "Other.OnEndRequest"});
        CHECK(request.response().sent_status() == 403);
        CHECK(request.finished());
    }
    SECTION("switched off") {
        host.options().log_after_finish = false;
        auto request = host.serve(RequestBuilder());
        CHECK(without_dispose(request.trace()) ==
              std::vector<std::string>{"Blocker.OnBeginRequest", "Other.OnSendResponse"});
    }
}

TEST_CASE("GetCurrentExecutionStats names the notification and module running now [CTX-14]",
          "[host]") {
    Fixture f(RQ_AUTHORIZE_REQUEST, 0, "Auth");
    DWORD notification = 0;
    std::string module;
    f.script.handlers["OnAuthorizeRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        PCWSTR name = nullptr;
        CHECK(context->GetCurrentExecutionStats(&notification, nullptr, &name) == S_OK);
        module = name ? iisfake::detail::utf8_of(name) : "<null>";
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.serve(RequestBuilder());
    CHECK(notification == RQ_AUTHORIZE_REQUEST);
    CHECK(module == "Auth");
}

TEST_CASE("SetErrorStatus is recorded and does not change the flow [PIPE-8] [PROV-1]",
          "[host]") {
    Fixture f(RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    f.script.handlers["OnBeginRequest"] = [](IHttpContext*, IHttpEventProvider* events) {
        events->SetErrorStatus(E_ACCESSDENIED);
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.serve(RequestBuilder());
    HRESULT status = S_OK;
    CHECK(request.error_status(status));
    CHECK(status == E_ACCESSDENIED);
    CHECK(without_dispose(request.trace()) ==
          std::vector<std::string>{"M.OnBeginRequest", "StaticFileModule.ExecuteRequestHandler",
                                   "M.OnEndRequest"});
}

TEST_CASE("DisableNotifications removes later stages for the calling module only [PIPE-4]",
          "[host]") {
    Script a, b;
    a.handlers["OnBeginRequest"] = [](IHttpContext* context, IHttpEventProvider*) {
        context->DisableNotifications(RQ_END_REQUEST | RQ_SEND_RESPONSE, RQ_END_REQUEST);
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory fa(a), fb(b);
    ModuleHost host;
    host.add("A", &fa, RQ_BEGIN_REQUEST | RQ_END_REQUEST | RQ_SEND_RESPONSE, RQ_END_REQUEST);
    host.add("B", &fb, RQ_END_REQUEST);
    const auto trace = without_dispose(host.serve(RequestBuilder()).trace());
    // OnSendResponse is not deterministic and cannot be disabled.
    CHECK(trace == std::vector<std::string>{"A.OnBeginRequest",
                                            "StaticFileModule.ExecuteRequestHandler",
                                            "A.OnSendResponse", "B.OnEndRequest"});
}

// ---- pending and completions -------------------------------------------------------------------

namespace {

// Reads the body asynchronously in BeginRequest, as ModSecurity's connector and body inspectors
// do: PENDING when the read went pending, the completion counts the bytes.
struct BodyReader {
    Script script;
    test_module::Factory factory{script};
    char buffer[64] = {};
    DWORD total = 0;
    int completions = 0;
    BodyReader() {
        script.handlers["OnBeginRequest"] = [this](IHttpContext* context, IHttpEventProvider*) {
            DWORD read = 0;
            BOOL pending = FALSE;
            const HRESULT hr = context->GetRequest()->ReadEntityBody(buffer, sizeof buffer, TRUE,
                                                                     &read, &pending);
            if (FAILED(hr)) return RQ_NOTIFICATION_CONTINUE;
            if (pending) return RQ_NOTIFICATION_PENDING;
            total += read;
            return RQ_NOTIFICATION_CONTINUE;
        };
        script.completion = [this](IHttpContext*, DWORD notification, BOOL post,
                                   IHttpCompletionInfo* info) {
            ++completions;
            CHECK(notification == RQ_BEGIN_REQUEST);
            CHECK_FALSE(post);
            total += info->GetCompletionBytes();
            return RQ_NOTIFICATION_CONTINUE;
        };
    }
};

}  // namespace

TEST_CASE("PENDING stops the request until the completion; OnAsyncCompletion's result resumes "
          "it [PIPE-6] [§1.7]",
          "[host]") {
    BodyReader reader;
    ModuleHost host;
    host.add("Reader", &reader.factory, RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    auto request = host.start(RequestBuilder().method("POST").body("hello"));
    CHECK(request.state() == RequestState::not_started);
    CHECK(request.run() == RequestState::waiting);
    CHECK(request.waiting_on() == "Reader: OnBeginRequest");
    CHECK(reader.completions == 0);
    CHECK(request.complete_pending() == RequestState::finished);
    CHECK(reader.total == 5);
    CHECK(without_dispose(request.trace()) ==
          std::vector<std::string>{"Reader.OnBeginRequest",
                                   "Reader.OnAsyncCompletion(OnBeginRequest)",
                                   "StaticFileModule.ExecuteRequestHandler",
                                   "Reader.OnEndRequest"});
}

TEST_CASE("A completion before the call returns stands as the handler's result [PIPE-9]",
          "[host]") {
    BodyReader reader;
    ModuleHost host;
    host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
    host.add("Reader", &reader.factory, RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    auto request = host.serve(RequestBuilder().method("POST").body("hello"));
    CHECK(request.finished());
    CHECK(reader.total == 5);
    CHECK(reader.completions == 1);
}

namespace {

// The stall found by hand in two real modules: the completion handler assumes the notification
// has already returned PENDING, and returns PENDING itself when it has not.
struct NaiveReader {
    Script script;
    test_module::Factory factory{script};
    char buffer[64] = {};
    bool returned_pending = false;
    NaiveReader() {
        script.handlers["OnBeginRequest"] = [this](IHttpContext* context, IHttpEventProvider*) {
            BOOL pending = FALSE;
            DWORD read = 0;
            context->GetRequest()->ReadEntityBody(buffer, sizeof buffer, TRUE, &read, &pending);
            if (!pending) return RQ_NOTIFICATION_CONTINUE;
            returned_pending = true;
            return RQ_NOTIFICATION_PENDING;
        };
        script.completion = [this](IHttpContext*, DWORD, BOOL, IHttpCompletionInfo*) {
            return returned_pending ? RQ_NOTIFICATION_CONTINUE : RQ_NOTIFICATION_PENDING;
        };
    }
};

}  // namespace

TEST_CASE("A module that stalls when the completion runs before the call returns is reported, "
          "naming module and notification [PIPE-9]",
          "[host]") {
    NaiveReader reader;
    ModuleHost host;
    std::vector<iisfake::Misuse> misuses;
    host.set_misuse_handler([&](const iisfake::Misuse& m) { misuses.push_back(m); });
    host.add("Naive", &reader.factory, RQ_BEGIN_REQUEST);

    SECTION("completions after the call returns: it works") {
        auto request = host.serve(RequestBuilder().method("POST").body("abc"));
        CHECK(request.finished());
        CHECK(misuses.empty());
    }
    SECTION("a completion before the call returns: the request hangs") {
        host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
        auto request = host.start(RequestBuilder().method("POST").body("abc"));
        CHECK(request.run_to_end() == RequestState::waiting);
        REQUIRE(misuses.size() == 1);
        CHECK(misuses[0].rule == "PIPE-9");
        CHECK(misuses[0].problem.find("'Naive'") != std::string::npos);
        CHECK(misuses[0].problem.find("OnBeginRequest") != std::string::npos);
        misuses.clear();
        request.context().set_misuse_handler(iisfake::ignore_misuse);
    }
}

TEST_CASE("PENDING with nothing outstanding is reported as a hang [PIPE-9]", "[host]") {
    Fixture f(RQ_EXECUTE_REQUEST_HANDLER);
    f.script.handlers["OnExecuteRequestHandler"] = [](IHttpContext*, IHttpEventProvider*) {
        return RQ_NOTIFICATION_PENDING;
    };
    auto request = f.host.start(RequestBuilder());
    CHECK(request.run_to_end() == RequestState::waiting);
    CHECK(f.reported("PIPE-9"));
    CHECK(f.misuses.back().problem.find("OnExecuteRequestHandler") != std::string::npos);
}

TEST_CASE("PostCompletion(cb) resumes through OnAsyncCompletion with cb bytes and S_OK "
          "[T-23] [§1.7]",
          "[host]") {
    Fixture f(RQ_EXECUTE_REQUEST_HANDLER);
    f.script.handlers["OnExecuteRequestHandler"] = [](IHttpContext* context, IHttpEventProvider*) {
        context->PostCompletion(42);
        return RQ_NOTIFICATION_PENDING;
    };
    DWORD bytes = 0;
    HRESULT status = E_FAIL;
    f.script.completion = [&](IHttpContext* context, DWORD notification, BOOL,
                              IHttpCompletionInfo* info) {
        CHECK(notification == RQ_EXECUTE_REQUEST_HANDLER);
        bytes = info->GetCompletionBytes();
        status = info->GetCompletionStatus();
        context->GetResponse()->SetStatus(202, "Accepted");
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.start(RequestBuilder());
    CHECK(request.run() == RequestState::waiting);
    CHECK(request.complete_pending() == RequestState::finished);
    CHECK(bytes == 42);
    CHECK(status == S_OK);
    CHECK(request.response().sent_status() == 202);
}

TEST_CASE("IndicateCompletion resumes the pipeline without OnAsyncCompletion [§1.7]", "[host]") {
    Fixture f(RQ_EXECUTE_REQUEST_HANDLER | RQ_END_REQUEST);
    int completions = 0;
    f.script.handlers["OnExecuteRequestHandler"] = [](IHttpContext*, IHttpEventProvider*) {
        return RQ_NOTIFICATION_PENDING;
    };
    f.script.completion = [&](IHttpContext*, DWORD, BOOL, IHttpCompletionInfo*) {
        ++completions;
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.start(RequestBuilder());
    CHECK(request.run() == RequestState::waiting);
    IHttpContext* context = &request.context();
    context->IndicateCompletion(RQ_NOTIFICATION_FINISH_REQUEST);  // the module's own thread
    CHECK(request.run_to_end() == RequestState::finished);
    CHECK(completions == 0);
    CHECK(without_dispose(request.trace()) ==
          std::vector<std::string>{"M.OnExecuteRequestHandler",
                                   "M.IndicateCompletion(OnExecuteRequestHandler)",
                                   "M.OnEndRequest"});
}

TEST_CASE("A completion for a notification the pipeline has left resumes nothing [§1.7] "
          "[PIPE-6]",
          "[host]") {
    Fixture f(RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    char buffer[8];
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        BOOL pending = FALSE;
        DWORD read = 0;
        context->GetRequest()->ReadEntityBody(buffer, sizeof buffer, TRUE, &read, &pending);
        return RQ_NOTIFICATION_PENDING;
    };
    f.script.handlers["OnEndRequest"] = [](IHttpContext*, IHttpEventProvider*) {
        return RQ_NOTIFICATION_PENDING;  // waits for something of its own
    };
    std::vector<DWORD> completed;
    f.script.completion = [&](IHttpContext*, DWORD notification, BOOL, IHttpCompletionInfo*) {
        completed.push_back(notification);
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.start(RequestBuilder().method("POST").body("abc"));
    CHECK(request.run() == RequestState::waiting);
    request.context().IndicateCompletion(RQ_NOTIFICATION_CONTINUE);  // resumed without the read
    CHECK(request.waiting_on() == "M: OnEndRequest");
    CHECK(request.complete_pending() == RequestState::waiting);  // the read's late completion
    CHECK(completed == std::vector<DWORD>{RQ_BEGIN_REQUEST});
    CHECK(request.waiting_on() == "M: OnEndRequest");
    request.context().IndicateCompletion(RQ_NOTIFICATION_CONTINUE);
    CHECK(request.run_to_end() == RequestState::finished);
}

// ---- sends ------------------------------------------------------------------------------------

TEST_CASE("OnSendResponse runs once per flush and for the final send; headers only the first "
          "time; log data only on the last, to FIRST/HIGH [T-21] [PROV-6]",
          "[host]") {
    Script writer, watcher, low;
    writer.handlers["OnExecuteRequestHandler"] = [](IHttpContext* context, IHttpEventProvider*) {
        IHttpResponse* response = context->GetResponse();
        static char part[] = "part";
        HTTP_DATA_CHUNK chunk;
        std::memset(&chunk, 0, sizeof chunk);
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = part;
        chunk.FromMemory.BufferLength = 4;
        DWORD sent = 0;
        response->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &sent);
        response->Flush(FALSE, TRUE, &sent);
        response->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &sent);
        response->Flush(FALSE, TRUE, &sent);
        return RQ_NOTIFICATION_CONTINUE;
    };
    struct SendSeen {
        bool headers;
        DWORD flags;
        bool ready;
        bool log;
        std::string chunks;
    };
    std::vector<SendSeen> seen, seen_low;
    auto observe = [](std::vector<SendSeen>& out) {
        return [&out](IHttpContext* context, IHttpEventProvider* events) {
            auto* provider = static_cast<ISendResponseProvider*>(events);
            const HTTP_RESPONSE* raw = context->GetResponse()->GetRawHttpResponse();
            std::string chunks;
            for (USHORT i = 0; i < raw->EntityChunkCount; ++i)
                chunks.append(static_cast<const char*>(raw->pEntityChunks[i].FromMemory.pBuffer),
                              raw->pEntityChunks[i].FromMemory.BufferLength);
            out.push_back(SendSeen{provider->GetHeadersBeingSent() != FALSE,
                                   provider->GetFlags(), provider->GetReadyToLogData() != FALSE,
                                   provider->GetLogData() != nullptr, chunks});
            return RQ_NOTIFICATION_CONTINUE;
        };
    };
    watcher.handlers["OnSendResponse"] = observe(seen);
    low.handlers["OnSendResponse"] = observe(seen_low);
    test_module::Factory fw(writer), fs(watcher), fl(low);
    ModuleHost host;
    host.add("Writer", &fw, RQ_EXECUTE_REQUEST_HANDLER);
    host.add("Watcher", &fs, RQ_SEND_RESPONSE);
    host.add("Low", &fl, RQ_SEND_RESPONSE);
    host.registration("Watcher")->SetPriorityForRequestNotification(RQ_SEND_RESPONSE,
                                                                    PRIORITY_ALIAS_HIGH);
    host.registration("Low")->SetPriorityForRequestNotification(RQ_SEND_RESPONSE,
                                                                PRIORITY_ALIAS_LOW);
    auto request = host.serve(RequestBuilder().url("/a?b=c"));
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].headers);
    CHECK_FALSE(seen[1].headers);
    CHECK_FALSE(seen[2].headers);
    CHECK(seen[0].flags == HTTP_SEND_RESPONSE_FLAG_MORE_DATA);
    CHECK(seen[2].flags == 0);
    CHECK(seen[0].chunks == "part");  // only this send's chunks (T-21)
    CHECK(seen[1].chunks == "part");
    CHECK(seen[2].chunks.empty());
    CHECK_FALSE(seen[0].ready);
    CHECK(seen[2].ready);
    CHECK_FALSE(seen[1].log);
    CHECK(seen[2].log);
    REQUIRE(seen_low.size() == 3);
    CHECK(seen_low[2].ready);
    CHECK_FALSE(seen_low[2].log);  // LOW does not see the log data
    CHECK(request.response().body() == "partpart");
    const HTTP_LOG_FIELDS_DATA& log = request.log_fields();
    CHECK(std::string(log.Method, log.MethodLength) == "GET");
    CHECK(std::string(log.UriQuery, log.UriQueryLength) == "b=c");
    CHECK(log.ProtocolStatus == 200);  // the handler wrote without setting a status
}

TEST_CASE("An OnSendResponse handler can rewrite what is sent and its flags [T-21] [PROV-6]",
          "[host]") {
    Script filter;
    static char replacement[] = "[filtered]";
    filter.handlers["OnSendResponse"] = [](IHttpContext* context, IHttpEventProvider* events) {
        HTTP_RESPONSE* raw = context->GetResponse()->GetRawHttpResponse();
        for (USHORT i = 0; i < raw->EntityChunkCount; ++i) {
            raw->pEntityChunks[i].FromMemory.pBuffer = replacement;
            raw->pEntityChunks[i].FromMemory.BufferLength = sizeof replacement - 1;
        }
        auto* provider = static_cast<ISendResponseProvider*>(events);
        provider->SetFlags(provider->GetFlags() | HTTP_SEND_RESPONSE_FLAG_DISCONNECT);
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory factory(filter);
    ModuleHost host;
    host.add("Filter", &factory, RQ_SEND_RESPONSE);
    host.add_file("/", "secret");
    auto request = host.serve(RequestBuilder().url("/"));
    CHECK(request.response().body() == "[filtered]");
    REQUIRE(request.response().sends().size() == 1);
    CHECK(request.response().sends()[0].flags == HTTP_SEND_RESPONSE_FLAG_DISCONNECT);
}

// ---- the module's lifetime ----------------------------------------------------------------------

namespace {

// Constructed in IModuleAllocator memory, as ANCM's module is: Dispose runs the destructor only.
int placed_disposed = 0;
class PlacedModule final : public CHttpModule {
public:
    explicit PlacedModule(char* scratch) : scratch_(scratch) {}
    static void* operator new(std::size_t size, IModuleAllocator* allocator) {
        return allocator->AllocateMemory(static_cast<DWORD>(size));
    }
    static void operator delete(void*, IModuleAllocator*) {}
    static void operator delete(void*) {}  // the allocator's memory goes at the request's end
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override {
        std::strcpy(scratch_, "used");
        return RQ_NOTIFICATION_CONTINUE;
    }
    void Dispose() override {
        ++placed_disposed;
        CHECK(std::strcmp(scratch_, "used") == 0);  // still readable until after Dispose
        this->~PlacedModule();
    }

private:
    ~PlacedModule() override = default;
    char* scratch_;
};

class PlacedFactory final : public IHttpModuleFactory {
public:
    virtual ~PlacedFactory() = default;
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator* allocator) override {
        auto* scratch = static_cast<char*>(allocator->AllocateMemory(16));
        if (!scratch) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
        *module = new (allocator) PlacedModule(scratch);
        return S_OK;
    }
    VOID Terminate() override {}
};

}  // namespace

TEST_CASE("One module instance per request, disposed (never deleted) at the end; allocator "
          "memory lives until after Dispose [MOD-2] [MOD-3] [REG-7]",
          "[host]") {
    Fixture f(RQ_BEGIN_REQUEST);
    auto first = f.host.serve(RequestBuilder());
    auto second = f.host.serve(RequestBuilder());
    CHECK(f.script.created == 2);
    CHECK(f.script.disposed == 2);

    PlacedFactory placed;
    ModuleHost host;
    host.add("Placed", &placed, RQ_BEGIN_REQUEST);
    placed_disposed = 0;
    auto request = host.serve(RequestBuilder());
    CHECK(placed_disposed == 1);
    CHECK(request.trace().back() == "Placed.Dispose");
}

TEST_CASE("A factory that fails makes the request fail with 500 [REG-7]", "[host]") {
    Fixture f(RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    f.script.create_result = HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    auto request = f.host.serve(RequestBuilder());
    CHECK(request.finished());
    CHECK(request.response().sent_status() == 500);
}

TEST_CASE("A request abandoned while pending still disposes its modules [MOD-2]", "[host]") {
    BodyReader reader;
    ModuleHost host;
    host.add("Reader", &reader.factory, RQ_BEGIN_REQUEST);
    {
        auto request = host.start(RequestBuilder().method("POST").body("x"));
        request.context().set_misuse_handler(iisfake::ignore_misuse);
        CHECK(request.run() == RequestState::waiting);
    }
    CHECK(reader.script.disposed == 1);
}

namespace {

// T-9: the handler takes IHttpEventProvider* where CHttpModule's takes IMapHandlerProvider*, so
// it overloads and the default body runs.
class WrongSignature final : public CHttpModule {
public:
    using CHttpModule::OnMapRequestHandler;
    REQUEST_NOTIFICATION_STATUS OnMapRequestHandler(IHttpContext*, IHttpEventProvider*) {
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
};
class WrongFactory final : public IHttpModuleFactory {
public:
    virtual ~WrongFactory() = default;
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator*) override {
        *module = new WrongSignature;
        return S_OK;
    }
    VOID Terminate() override {}
};

}  // namespace

TEST_CASE("A handler that does not override CHttpModule's is reported by name [T-9] [MOD-1]",
          "[host]") {
    WrongFactory factory;
    ModuleHost host;
    std::vector<iisfake::Misuse> misuses;
    host.set_misuse_handler([&](const iisfake::Misuse& m) { misuses.push_back(m); });
    host.add("Wrong", &factory, RQ_MAP_REQUEST_HANDLER);
    auto request = host.serve(RequestBuilder());
    REQUIRE(misuses.size() == 1);
    CHECK(misuses[0].rule == "T-9");
    CHECK(misuses[0].problem.find("'Wrong'") != std::string::npos);
    CHECK(misuses[0].problem.find("CHttpModule::OnMapRequestHandler") != std::string::npos);
    CHECK(request.finished());  // the default body returned CONTINUE
}

// ---- custom and global notifications ------------------------------------------------------------

TEST_CASE("NotifyCustomNotification raises OnCustomRequestNotification [PROV-3]", "[host]") {
    Script raiser, listener;
    iisfake::FakeCustomNotificationProvider custom(L"my-event");
    raiser.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        BOOL expected = TRUE;
        CHECK(context->NotifyCustomNotification(&custom, &expected) == S_OK);
        CHECK_FALSE(expected);
        return RQ_NOTIFICATION_CONTINUE;
    };
    std::string type;
    listener.handlers["OnCustomRequestNotification"] = [&](IHttpContext*,
                                                           IHttpEventProvider* events) {
        type = iisfake::detail::utf8_of(
            static_cast<ICustomNotificationProvider*>(events)->QueryNotificationType());
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory fr(raiser), fl(listener);
    ModuleHost host;
    host.add("Raiser", &fr, RQ_BEGIN_REQUEST);
    host.add("Listener", &fl, RQ_CUSTOM_NOTIFICATION);
    auto request = host.serve(RequestBuilder());
    CHECK(type == "my-event");
    CHECK(without_dispose(request.trace())[1] == "Listener.OnCustomRequestNotification");
}

namespace {

class Global final : public CGlobalModule {
public:
    IHttpContext* seen = nullptr;
    int starts = 0;
    int terminated = 0;
    GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IPreBeginRequestProvider* provider) override {
        seen = provider->GetHttpContext();
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(IHttpApplicationStartProvider*) override {
        ++starts;
        return GL_NOTIFICATION_HANDLED;
    }
    VOID Terminate() override { ++terminated; }
};
Global the_global;
Global second_global;

HRESULT __stdcall RegisterGlobal(DWORD, IHttpModuleRegistrationInfo* info, IHttpServer*) {
    return info->SetGlobalNotifications(&the_global, GL_PRE_BEGIN_REQUEST | GL_APPLICATION_START);
}
HRESULT __stdcall RegisterSecondGlobal(DWORD, IHttpModuleRegistrationInfo* info, IHttpServer*) {
    return info->SetGlobalNotifications(&second_global, GL_APPLICATION_START);
}

}  // namespace

TEST_CASE("Global modules: GL_PRE_BEGIN_REQUEST before each request, HANDLED stops the others, "
          "Terminate at shutdown [REG-5]",
          "[host]") {
    ModuleHost host;
    REQUIRE(host.load("Global", &RegisterGlobal) == S_OK);
    REQUIRE(host.load("Second", &RegisterSecondGlobal) == S_OK);
    auto request = host.serve(RequestBuilder());
    CHECK(the_global.seen == &request.context());
    CHECK(request.trace().front() == "Global.OnGlobalPreBeginRequest");
    CHECK(host.notify_global(GL_APPLICATION_START, nullptr) == GL_NOTIFICATION_HANDLED);
    CHECK(the_global.starts == 1);
    CHECK(second_global.starts == 0);
    host.shutdown();
    CHECK(the_global.terminated == 1);
    CHECK(second_global.terminated == 1);
}

// ---- threads ------------------------------------------------------------------------------------

TEST_CASE("Completions from other threads, before and after the call returns [PIPE-9] [§1.7]",
          "[host][threaded]") {
    BodyReader reader;
    ModuleHost host;
    host.deliver_on_threads();
    host.add("Reader", &reader.factory, RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    SECTION("after") {
        auto request = host.serve(RequestBuilder().method("POST").body("hello"));
        CHECK(request.finished());
    }
    SECTION("possibly before") {
        host.request_options().async_policy = iisfake::AsyncPolicy::complete_before_return;
        auto request = host.serve(RequestBuilder().method("POST").body("hello"));
        CHECK(request.finished());
    }
    CHECK(reader.total == 5);
}

TEST_CASE("A module's own worker thread calls PostCompletion [§1.7] [T-26]", "[host][threaded]") {
    Fixture f(RQ_EXECUTE_REQUEST_HANDLER);
    f.host.deliver_on_threads();
    std::thread worker;
    f.script.handlers["OnExecuteRequestHandler"] = [&](IHttpContext* context,
                                                       IHttpEventProvider*) {
        worker = std::thread([context] {
            context->GetResponse()->SetStatus(201, "Created");
            context->PostCompletion(7);
        });
        return RQ_NOTIFICATION_PENDING;
    };
    DWORD bytes = 0;
    f.script.completion = [&](IHttpContext*, DWORD, BOOL, IHttpCompletionInfo* info) {
        bytes = info->GetCompletionBytes();
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.serve(RequestBuilder());
    worker.join();
    CHECK(request.finished());
    CHECK(bytes == 7);
    CHECK(request.response().sent_status() == 201);
}

TEST_CASE("Many requests at once through one loaded module [T-26]", "[host][threaded]") {
    Fixture f(RQ_BEGIN_REQUEST);
    std::atomic<int> begun{0};
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        ++begun;
        context->GetResponse()->SetHeader("X-Seen", "1", 1, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    };
    std::vector<std::thread> threads;
    std::atomic<int> finished{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                auto request = f.host.serve(RequestBuilder().url("/"));
                if (request.finished() && request.response().header("X-Seen") == "1") ++finished;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(begun == 100);
    CHECK(finished == 100);
    CHECK(f.script.created == 100);
    CHECK(f.script.disposed == 100);
}

namespace {

// Module state shared between requests without a lock: the seeded race. The requests of two
// threads meet in pairs inside OnBeginRequest (a relaxed counter, which orders nothing for
// ThreadSanitizer) and write right after meeting, so the two writes are concurrent however the
// machine schedules threads, with nothing between them: ThreadSanitizer forgets old accesses
// whenever a thread's clock wraps, which the host's own atomics make frequent. A host that
// serialized requests would never let a pair meet; each meeting gives up after a while.
int unguarded_hits = 0;
std::atomic<int> racy_arrivals{0};
class RacyModule final : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override {
        const int arrival = racy_arrivals.fetch_add(1, std::memory_order_relaxed);
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (racy_arrivals.load(std::memory_order_relaxed) < (arrival | 1) + 1 &&
               std::chrono::steady_clock::now() < give_up)
            std::this_thread::yield();
        ++unguarded_hits;
        return RQ_NOTIFICATION_CONTINUE;
    }
};
class RacyFactory final : public IHttpModuleFactory {
public:
    virtual ~RacyFactory() = default;
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator*) override {
        *module = new RacyModule;
        return S_OK;
    }
    VOID Terminate() override {}
};

}  // namespace

// Not run by default: the TSan job runs it and expects ThreadSanitizer to stop it (the host adds
// no lock that would hide a module's race, T-26).
TEST_CASE("A seeded data race in a module is visible to ThreadSanitizer [T-26]",
          "[.seeded-race]") {
    RacyFactory factory;
    ModuleHost host;
    host.add("Racy", &factory, RQ_BEGIN_REQUEST);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) host.serve(RequestBuilder());
        });
    for (auto& thread : threads) thread.join();
    CHECK(unguarded_hits > 0);
}

// ---- child requests -----------------------------------------------------------------------------

TEST_CASE("ExecuteRequest runs a clone through the pipeline; the caller's OnAsyncCompletion "
          "follows [CTX-9] [CTX-10] [CTX-11]",
          "[host]") {
    Fixture f(RQ_BEGIN_REQUEST);
    IHttpContext* child = nullptr;
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        if (context->GetParentContext()) {  // the child request
            context->GetResponse()->SetStatus(299, "Child");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        REQUIRE(context->CloneContext(CLONE_FLAG_BASICS | CLONE_FLAG_HEADERS |
                                          CLONE_FLAG_NO_PRECONDITION,
                                      &child) == S_OK);
        CHECK(child->GetParentContext() == context);
        CHECK(child->GetRootContext() == context);
        USHORT length = 0;
        PCSTR trace = child->GetRequest()->GetHeader("X-Trace", &length);
        CHECK(std::string(trace ? trace : "", length) == "abc");
        CHECK(child->GetRequest()->GetHeader(HttpHeaderIfNoneMatch) == nullptr);
        CHECK(std::string(child->GetRequest()->GetHttpMethod()) == "PUT");
        BOOL expected = FALSE;
        CHECK(context->ExecuteRequest(FALSE, child, 0, nullptr, &expected) ==
              HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
        CHECK(context->ExecuteRequest(TRUE, child, 0, nullptr, &expected) == S_OK);
        CHECK(expected);
        CHECK(context->ExecuteRequest(TRUE, child, 0, nullptr, &expected) ==
              HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        return RQ_NOTIFICATION_PENDING;
    };
    USHORT child_status = 0;
    f.script.completion = [&](IHttpContext*, DWORD notification, BOOL, IHttpCompletionInfo*) {
        CHECK(notification == RQ_BEGIN_REQUEST);
        child_status = child->GetResponse()->GetRawHttpResponse()->StatusCode;
        CHECK(child->ReleaseClonedContext() == S_OK);
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.start(RequestBuilder()
                                    .method("PUT")
                                    .url("/parent?q=1")
                                    .header("X-Trace", "abc")
                                    .header("If-None-Match", "\"e\""));
    CHECK(request.run() == RequestState::waiting);  // the child ran; its completion waits
    CHECK(request.run_to_end() == RequestState::finished);
    CHECK(child_status == 299);
    CHECK(request.trace() ==
          std::vector<std::string>{"M.OnBeginRequest", "child/M.OnBeginRequest", "child/M.Dispose",
                                   "M.OnAsyncCompletion(OnBeginRequest)",
                                   "StaticFileModule.ExecuteRequestHandler", "M.Dispose"});
    CHECK(f.script.created == 2);
    CHECK(f.script.disposed == 2);
}

TEST_CASE("ExecuteRequest with a user skips the child's authentication [CTX-9]", "[host]") {
    Fixture f(RQ_BEGIN_REQUEST | RQ_AUTHENTICATE_REQUEST);
    iisfake::FakeHttpUser user(L"alice", L"Basic");
    IHttpUser* seen = nullptr;
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        if (context->GetParentContext()) {
            seen = context->GetUser();
            return RQ_NOTIFICATION_CONTINUE;
        }
        IHttpContext* child = nullptr;
        context->CloneContext(CLONE_FLAG_BASICS, &child);
        BOOL expected = FALSE;
        context->ExecuteRequest(TRUE, child, 0, &user, &expected);
        return RQ_NOTIFICATION_PENDING;
    };
    auto request = f.host.serve(RequestBuilder());
    CHECK(seen == &user);
    const auto trace = request.trace();
    CHECK(std::count(trace.begin(), trace.end(), "child/M.OnAuthenticateRequest") == 0);
    CHECK(std::count(trace.begin(), trace.end(), "child/M.OnBeginRequest") == 1);
    CHECK(std::count(trace.begin(), trace.end(), "M.OnAuthenticateRequest") == 1);
}

// ---- OnMapPath, OnReadEntity ----------------------------------------------------------------------

TEST_CASE("OnMapPath sees each URL mapped to a physical path and may replace it [PROV-5]",
          "[host]") {
    Script mapper, reader;
    std::vector<std::string> urls;
    mapper.handlers["OnMapPath"] = [&](IHttpContext*, IHttpEventProvider* events) {
        auto* provider = static_cast<IMapPathProvider*>(events);
        urls.push_back(iisfake::detail::utf8_of(provider->GetUrl()));
        static const WCHAR moved[] = L"D:\\content\\page.html";
        provider->SetPhysicalPath(moved, static_cast<DWORD>(std::wcslen(moved)));
        return RQ_NOTIFICATION_CONTINUE;
    };
    std::string physical, physical_again;
    reader.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        physical = iisfake::detail::utf8_of(context->GetPhysicalPath());
        physical_again = iisfake::detail::utf8_of(context->GetPhysicalPath());
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory fm(mapper), fr(reader);
    ModuleHost host;
    host.add("Mapper", &fm, RQ_MAP_PATH);
    host.add("Reader", &fr, RQ_BEGIN_REQUEST);
    auto request = host.serve(RequestBuilder().url("/site/page.html"));
    CHECK(physical == "D:\\content\\page.html");
    CHECK(physical_again == physical);
    CHECK(urls == std::vector<std::string>{"/site/page.html"});  // mapped once per URL
    CHECK(without_dispose(request.trace())[1] == "Mapper.OnMapPath");
}

TEST_CASE("OnReadEntity sees the client's bytes and may substitute them [PROV-7]", "[host]") {
    Script filter, reader;
    filter.handlers["OnReadEntity"] = [](IHttpContext*, IHttpEventProvider* events) {
        auto* provider = static_cast<IReadEntityProvider*>(events);
        PVOID buffer = nullptr;
        DWORD data = 0, size = 0;
        provider->GetEntity(&buffer, &data, &size);
        CHECK(size >= data);
        auto* bytes = static_cast<char*>(buffer);
        for (DWORD i = 0; i < data; ++i)
            if (bytes[i] >= 'a' && bytes[i] <= 'z') bytes[i] = static_cast<char>(bytes[i] - 32);
        return RQ_NOTIFICATION_CONTINUE;
    };
    std::string body;
    reader.handlers["OnExecuteRequestHandler"] = [&](IHttpContext* context, IHttpEventProvider*) {
        char buffer[4];
        for (;;) {
            DWORD read = 0;
            if (FAILED(context->GetRequest()->ReadEntityBody(buffer, sizeof buffer, FALSE, &read,
                                                             nullptr)))
                break;
            body.append(buffer, read);
        }
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory ff(filter), fr(reader);
    ModuleHost host;
    host.add("Filter", &ff, RQ_READ_ENTITY);
    host.add("Reader", &fr, RQ_EXECUTE_REQUEST_HANDLER);
    auto request = host.serve(RequestBuilder().method("POST").body("hello world"));
    CHECK(body == "HELLO WORLD");
}

// ---- what a careless module does ------------------------------------------------------------------

TEST_CASE("An operation a module left pending is reported when the request ends, and nothing "
          "is delivered after [T-10]",
          "[host]") {
    Fixture f(RQ_BEGIN_REQUEST);
    char buffer[16];
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        BOOL pending = FALSE;
        DWORD read = 0;
        context->GetRequest()->ReadEntityBody(buffer, sizeof buffer, TRUE, &read, &pending);
        return RQ_NOTIFICATION_CONTINUE;  // does not wait for the read
    };
    int completions = 0;
    f.script.completion = [&](IHttpContext*, DWORD, BOOL, IHttpCompletionInfo*) {
        ++completions;
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.start(RequestBuilder().method("POST").body("abc"));
    CHECK(request.run() == RequestState::finished);
    CHECK(f.reported("T-10"));
    CHECK(completions == 0);
    CHECK_FALSE(request.context().has_pending());
}

TEST_CASE("With the default misuse handler the report reaches the test as an exception [T-10]",
          "[host]") {
    Script script;
    script.handlers["OnBeginRequest"] = [](IHttpContext* context, IHttpEventProvider*) {
        context->PostCompletion(1);
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory factory(script);
    ModuleHost host;  // throw_misuse
    host.add("Careless", &factory, RQ_BEGIN_REQUEST);
    CHECK_THROWS_AS(host.serve(RequestBuilder()), iisfake::MisuseError);
    CHECK(script.disposed == 1);
}

namespace {

// ANCM's shape: the module and its stored context both live in IModuleAllocator memory.
int placed_contexts_cleaned = 0;
class PlacedContext final : public IHttpStoredContext {
public:
    VOID CleanupStoredContext() override {
        ++placed_contexts_cleaned;
        this->~PlacedContext();
    }
    virtual ~PlacedContext() = default;
};
class PendingPlacedModule final : public CHttpModule {
public:
    static void* operator new(std::size_t size, IModuleAllocator* allocator) {
        return allocator->AllocateMemory(static_cast<DWORD>(size));
    }
    static void operator delete(void*, IModuleAllocator*) {}
    static void operator delete(void*) {}
    explicit PendingPlacedModule(IModuleAllocator* allocator) : allocator_(allocator) {}
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* context,
                                               IHttpEventProvider*) override {
        void* memory = allocator_->AllocateMemory(sizeof(PlacedContext));
        context->GetModuleContextContainer()->SetModuleContext(new (memory) PlacedContext,
                                                               this);
        return RQ_NOTIFICATION_PENDING;  // waits for something that never comes
    }
    void Dispose() override { this->~PendingPlacedModule(); }

private:
    ~PendingPlacedModule() override = default;
    IModuleAllocator* allocator_;
};
class PendingPlacedFactory final : public IHttpModuleFactory {
public:
    virtual ~PendingPlacedFactory() = default;
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator* allocator) override {
        *module = new (allocator) PendingPlacedModule(allocator);
        return S_OK;
    }
    VOID Terminate() override {}
};

}  // namespace

TEST_CASE("A request abandoned while waiting cleans up stored contexts before the allocator's "
          "memory goes [REG-7] [CONT-1]",
          "[host]") {
    PendingPlacedFactory factory;
    ModuleHost host;
    host.add("Placed", &factory, RQ_BEGIN_REQUEST);
    placed_contexts_cleaned = 0;
    {
        auto request = host.start(RequestBuilder());
        CHECK(request.run() == RequestState::waiting);
    }
    CHECK(placed_contexts_cleaned == 1);  // AddressSanitizer checks the memory was still there
}

TEST_CASE("A completion started in OnSendResponse comes back to that module; PENDING there is "
          "reported [§1.7] [PIPE-6]",
          "[host]") {
    Script handler, watcher;
    handler.handlers["OnExecuteRequestHandler"] = [](IHttpContext* context, IHttpEventProvider*) {
        DWORD sent = 0;
        context->GetResponse()->Flush(FALSE, TRUE, &sent);
        context->PostCompletion(42);
        return RQ_NOTIFICATION_PENDING;
    };
    DWORD handler_bytes = 0;
    handler.completion = [&](IHttpContext*, DWORD notification, BOOL, IHttpCompletionInfo* info) {
        CHECK(notification == RQ_EXECUTE_REQUEST_HANDLER);
        handler_bytes = info->GetCompletionBytes();
        return RQ_NOTIFICATION_CONTINUE;
    };
    int sends = 0;
    watcher.handlers["OnSendResponse"] = [&](IHttpContext* context, IHttpEventProvider*) {
        if (++sends == 1) {
            context->PostCompletion(7);
            context->DisableNotifications(RQ_LOG_REQUEST, 0);  // its own, not the handler's
            return RQ_NOTIFICATION_PENDING;
        }
        return RQ_NOTIFICATION_CONTINUE;
    };
    std::vector<DWORD> watcher_completions;
    watcher.completion = [&](IHttpContext*, DWORD notification, BOOL, IHttpCompletionInfo*) {
        watcher_completions.push_back(notification);
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory fh(handler), fw(watcher);
    ModuleHost host;
    std::vector<iisfake::Misuse> misuses;
    host.set_misuse_handler([&](const iisfake::Misuse& m) { misuses.push_back(m); });
    host.add("Handler", &fh, RQ_EXECUTE_REQUEST_HANDLER | RQ_LOG_REQUEST);
    host.add("Watcher", &fw, RQ_SEND_RESPONSE | RQ_LOG_REQUEST);
    auto request = host.serve(RequestBuilder());
    CHECK(request.finished());
    CHECK(handler_bytes == 42);
    CHECK(watcher_completions == std::vector<DWORD>{RQ_SEND_RESPONSE});
    REQUIRE(misuses.size() == 1);
    CHECK(misuses[0].rule == "PIPE-6");
    const auto trace = request.trace();
    CHECK(std::count(trace.begin(), trace.end(), "Handler.OnLogRequest") == 1);
    CHECK(std::count(trace.begin(), trace.end(), "Watcher.OnLogRequest") == 0);
}

TEST_CASE("A PFN_ASYNC_COMPLETION callback's result stands for the pending notification "
          "[REQ-R3-3]",
          "[host]") {
    Fixture f(RQ_EXECUTE_REQUEST_HANDLER);
    static char buffer[16];
    f.script.handlers["OnExecuteRequestHandler"] = [](IHttpContext* context, IHttpEventProvider*) {
        auto* request = static_cast<IHttpRequest3*>(context->GetRequest());
        DWORD read = 0;
        BOOL pending = FALSE;
        request->ReadEntityBody(
            buffer, sizeof buffer, TRUE,
            [](IHttpContext3* c, IHttpCompletionInfo2*, void*) {
                c->GetResponse()->SetStatus(201, "Created");
                return RQ_NOTIFICATION_CONTINUE;
            },
            nullptr, &read, &pending);
        return pending ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.serve(RequestBuilder().method("POST").body("xyz"));
    CHECK(request.finished());
    CHECK(request.response().sent_status() == 201);
    CHECK(without_dispose(request.trace()) ==
          std::vector<std::string>{"M.OnExecuteRequestHandler",
                                   "M.PFN_ASYNC_COMPLETION(OnExecuteRequestHandler)"});
}

TEST_CASE("Log data a module submits with SetLogData is what IIS logs [PROV-6]", "[host]") {
    Fixture f(RQ_SEND_RESPONSE);
    f.host.registration("M")->SetPriorityForRequestNotification(RQ_SEND_RESPONSE,
                                                                PRIORITY_ALIAS_FIRST);
    f.script.handlers["OnSendResponse"] = [](IHttpContext*, IHttpEventProvider* events) {
        auto* provider = static_cast<ISendResponseProvider*>(events);
        if (!provider->GetReadyToLogData()) return RQ_NOTIFICATION_CONTINUE;
        HTTP_LOG_FIELDS_DATA copy = *reinterpret_cast<HTTP_LOG_FIELDS_DATA*>(provider->GetLogData());
        char query[] = "redacted";
        copy.UriQuery = query;
        copy.UriQueryLength = sizeof query - 1;
        copy.ProtocolStatus = 299;
        provider->SetLogData(&copy.Base);
        return RQ_NOTIFICATION_CONTINUE;
    };
    auto request = f.host.serve(RequestBuilder().url("/a?password=x"));
    const HTTP_LOG_FIELDS_DATA& log = request.log_fields();
    CHECK(std::string(log.UriQuery, log.UriQueryLength) == "redacted");
    CHECK(log.ProtocolStatus == 299);
}

TEST_CASE("A child's response reaches the client through its parent [CTX-9]", "[host]") {
    Fixture f(RQ_BEGIN_REQUEST);
    f.script.handlers["OnBeginRequest"] = [](IHttpContext* context, IHttpEventProvider*) {
        if (context->GetParentContext()) {
            static char body[] = "from the child";
            HTTP_DATA_CHUNK chunk;
            std::memset(&chunk, 0, sizeof chunk);
            chunk.DataChunkType = HttpDataChunkFromMemory;
            chunk.FromMemory.pBuffer = body;
            chunk.FromMemory.BufferLength = sizeof body - 1;
            context->GetResponse()->SetStatus(201, "Created");
            context->GetResponse()->SetHeader("X-Child", "1", 1, TRUE);
            context->GetResponse()->WriteEntityChunkByReference(&chunk);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        IHttpContext* child = nullptr;
        context->CloneContext(CLONE_FLAG_BASICS, &child);
        BOOL expected = FALSE;
        context->ExecuteRequest(TRUE, child, 0, nullptr, &expected);
        return RQ_NOTIFICATION_PENDING;
    };
    f.script.completion = [](IHttpContext*, DWORD, BOOL, IHttpCompletionInfo*) {
        return RQ_NOTIFICATION_FINISH_REQUEST;
    };
    auto request = f.host.serve(RequestBuilder());
    CHECK(request.response().sent_status() == 201);
    CHECK(request.response().header("X-Child") == "1");
    CHECK(request.response().body() == "from the child");
}

TEST_CASE("A module thread that resumes the request with IndicateCompletion [§1.7]",
          "[host][threaded]") {
    Fixture f(RQ_BEGIN_REQUEST | RQ_END_REQUEST);
    f.host.deliver_on_threads();
    std::thread worker;
    f.script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        worker = std::thread([context] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            context->IndicateCompletion(RQ_NOTIFICATION_CONTINUE);
        });
        return RQ_NOTIFICATION_PENDING;
    };
    auto request = f.host.start(RequestBuilder());
    CHECK(request.run_to_end() == RequestState::finished);
    worker.join();
    CHECK(f.misuses.empty());
}

TEST_CASE("Module code the host raises does not run under the request's lock [T-26]",
          "[host][threaded]") {
    Script writer, watcher;
    writer.handlers["OnExecuteRequestHandler"] = [](IHttpContext* context, IHttpEventProvider*) {
        context->GetResponse()->DisableBuffering();
        static char part[] = "x";
        HTTP_DATA_CHUNK chunk;
        std::memset(&chunk, 0, sizeof chunk);
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = part;
        chunk.FromMemory.BufferLength = 1;
        DWORD sent = 0;
        BOOL pending = FALSE;
        context->GetResponse()->WriteEntityChunks(&chunk, 1, TRUE, TRUE, &sent, &pending);
        return pending ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_CONTINUE;
    };
    int asked = 0;
    watcher.handlers["OnSendResponse"] = [&](IHttpContext* context, IHttpEventProvider*) {
        // A handler that waits for a thread of its own which calls into the request.
        std::thread helper([&] {
            if (context->GetRequest()->GetHeader("Host")) ++asked;
        });
        helper.join();
        return RQ_NOTIFICATION_CONTINUE;
    };
    test_module::Factory fw(writer), fs(watcher);
    ModuleHost host;
    host.deliver_on_threads();
    host.add("Writer", &fw, RQ_EXECUTE_REQUEST_HANDLER);
    host.add("Watcher", &fs, RQ_SEND_RESPONSE);
    auto request = host.serve(RequestBuilder());
    CHECK(request.finished());
    CHECK(asked >= 2);  // the asynchronous write's send and the final one
}

// ---- the server and the configuration a module reads ----------------------------------------------

namespace {

IHttpServer* stored_server = nullptr;  // modules keep it in a global (SRV-2)
Script config_script;
test_module::Factory config_factory{config_script};

HRESULT __stdcall RegisterConfigReader(DWORD, IHttpModuleRegistrationInfo* info,
                                       IHttpServer* server) {
    stored_server = server;
    return info->SetRequestNotifications(&config_factory, RQ_BEGIN_REQUEST, 0);
}

// What a module reads: the "enabled" attribute of its section at the request's path.
std::string read_enabled(IHttpContext* context) {
    IAppHostAdminManager* admin = stored_server->GetAdminManager();
    BSTR section_name = SysAllocString(L"system.webServer/reader");
    BSTR path = SysAllocString(context->GetMetadata()->GetMetaPath());
    IAppHostElement* section = nullptr;
    const HRESULT hr = admin->GetAdminSection(section_name, path, &section);
    SysFreeString(section_name);
    SysFreeString(path);
    if (FAILED(hr)) return "error " + iisfake::hresult_text(hr);
    BSTR name = SysAllocString(L"enabled");
    IAppHostProperty* property = nullptr;
    std::string out = "missing";
    if (SUCCEEDED(section->GetPropertyByName(name, &property))) {
        VARIANT value;
        VariantInit(&value);
        property->get_Value(&value);
        out = value.vt == VT_BOOL ? (value.boolVal == VARIANT_TRUE ? "true" : "false") : "other";
        VariantClear(&value);
        property->Release();
    }
    SysFreeString(name);
    section->Release();
    return out;
}

}  // namespace

TEST_CASE("A module reads its section through the server's admin manager, at its URL's "
          "configuration path [SRV-5] [CFG-1] [CFG-3]",
          "[host]") {
    ModuleHost host;
    std::vector<std::string> seen;
    config_script.handlers["OnBeginRequest"] = [&](IHttpContext* context, IHttpEventProvider*) {
        seen.push_back(read_enabled(context));
        return RQ_NOTIFICATION_CONTINUE;
    };
    REQUIRE(host.load("Reader", &RegisterConfigReader) == S_OK);
    CHECK(stored_server == &host.server());
    host.configuration().section("system.webServer/reader").set("enabled", true);
    host.configuration()
        .location("Default Web Site/private")
        .section("system.webServer/reader")
        .set("enabled", false);
    host.serve(RequestBuilder().url("/index.htm"));
    host.serve(RequestBuilder().url("/private/page.htm"));
    host.serve(RequestBuilder().url("/PRIVATE"));  // configuration paths ignore case
    CHECK(seen == std::vector<std::string>{"true", "false", "false"});
    config_script.handlers.clear();
}

namespace {

class ChangeWatcher final : public CGlobalModule {
public:
    std::vector<std::string> seen;
    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(
        IGlobalConfigurationChangeProvider* provider) override {
        seen.push_back("config " + iisfake::detail::utf8_of(provider->GetChangePath()));
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalFileChange(IGlobalFileChangeProvider* provider) override {
        seen.push_back("file " + iisfake::detail::utf8_of(provider->GetFileName()));
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalCustomNotification(
        ICustomNotificationProvider* provider) override {
        seen.push_back("custom " + iisfake::detail::utf8_of(provider->QueryNotificationType()));
        return GL_NOTIFICATION_HANDLED;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalStopListening(
        IGlobalStopListeningProvider* provider) override {
        seen.push_back(provider->DrainRequestsGracefully() ? "stop, draining" : "stop");
        return GL_NOTIFICATION_CONTINUE;
    }
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(IHttpApplicationStopProvider* provider)
        override {
        seen.push_back("app stop " +
                       iisfake::detail::utf8_of(provider->GetApplication()->GetAppConfigPath()));
        return GL_NOTIFICATION_CONTINUE;
    }
    VOID Terminate() override {}
};
ChangeWatcher watcher;

HRESULT __stdcall RegisterWatcher(DWORD, IHttpModuleRegistrationInfo* info, IHttpServer*) {
    return info->SetGlobalNotifications(&watcher, GL_CONFIGURATION_CHANGE | GL_FILE_CHANGE |
                                                      GL_CUSTOM_NOTIFICATION |
                                                      GL_STOP_LISTENING | GL_APPLICATION_STOP);
}

}  // namespace

TEST_CASE("What a module asks of the server, and what the host raises, reaches global modules "
          "[SRV-10] [REG-5]",
          "[host]") {
    ModuleHost host;
    REQUIRE(host.load("Watcher", &RegisterWatcher) == S_OK);
    IHttpServer* server = &host.server();
    server->NotifyConfigurationChange(L"MACHINE/WEBROOT/APPHOST/Default Web Site");
    server->NotifyFileChange(L"C:\\inetpub\\wwwroot\\web.config");
    iisfake::FakeCustomNotificationProvider custom(L"flush-cache");
    CHECK(server->NotifyCustomNotification(&custom) == GL_NOTIFICATION_HANDLED);
    CHECK(host.stop_listening() == GL_NOTIFICATION_CONTINUE);
    host.application_stop();
    CHECK(watcher.seen ==
          std::vector<std::string>{"config MACHINE/WEBROOT/APPHOST/Default Web Site",
                                   "file C:\\inetpub\\wwwroot\\web.config", "custom flush-cache",
                                   "stop, draining",
                                   "app stop MACHINE/WEBROOT/APPHOST/Default Web Site"});
}
