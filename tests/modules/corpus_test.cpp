// The module corpus run (spec T-19a): the module sources of tests/modules/, compiled unmodified
// through the drop-ins at C++14 (each with its RegisterModule renamed by the build), loaded
// through ModuleHost, and checked by what they did through Win32: the event log, the debugger,
// the environment and the clock they read, and what they told the client.
#include <chrono>
#include <string>
#include <vector>

#define IISFAKE_CONFIG_THREADED_DELIVERY  // host.deliver_on_threads(), for AsyncWorker
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>
#include <iisfake/win32.hpp>

#include "catch.hpp"

// The corpus' entry points, as tests/modules/CMakeLists.txt renames them.
#define IISFAKE_CORPUS_MODULE(stem)                                                         \
    HRESULT __stdcall iisfake_corpus_##stem##_RegisterModule(                              \
        DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
IISFAKE_CORPUS_MODULE(request_log_module);
IISFAKE_CORPUS_MODULE(request_timing_module);
IISFAKE_CORPUS_MODULE(ip_restriction_module);
IISFAKE_CORPUS_MODULE(config_header_module);
IISFAKE_CORPUS_MODULE(config_change_module);
IISFAKE_CORPUS_MODULE(worker_thread_module);
IISFAKE_CORPUS_MODULE(trace_provider_module);
IISFAKE_CORPUS_MODULE(url_rewrite_module);
IISFAKE_CORPUS_MODULE(utf8_greeting_module);
IISFAKE_CORPUS_MODULE(stats_module);
extern "C" IISFAKE_CORPUS_MODULE(global_module);  // exported with C linkage by the source
#undef IISFAKE_CORPUS_MODULE

namespace {

using iisfake::ModuleHost;
using iisfake::RequestBuilder;
using iisfake::win32::EventRecord;
using Strings = std::vector<std::string>;

// Every test starts and ends with the Win32 state of a fresh process: no event log records, the
// default environment, the clock following real time, nothing said to the debugger.
struct CleanWin32 {
    CleanWin32() { clean(); }
    ~CleanWin32() { clean(); }
    CleanWin32(const CleanWin32&) = delete;
    CleanWin32& operator=(const CleanWin32&) = delete;
    static void clean() {
        iisfake::win32::reset();
        iisfake::clear_debug_log();
    }
};

std::vector<EventRecord> records_of(const std::string& source) {
    std::vector<EventRecord> out;
    for (const EventRecord& record : iisfake::win32::event_log())
        if (record.source == source) out.push_back(record);
    return out;
}

bool has_output(const std::string& text) {
    for (const std::string& line : iisfake::debug_log().output)
        if (line == text) return true;
    return false;
}

bool has_output_starting(const std::string& prefix) {
    for (const std::string& line : iisfake::debug_log().output)
        if (line.compare(0, prefix.size(), prefix) == 0) return true;
    return false;
}

bool source_open(const std::string& source) {
    for (const std::string& open : iisfake::win32::open_event_sources())
        if (open == source) return true;
    return false;
}

SYSTEMTIME utc(WORD year, WORD month, WORD day, WORD hour, WORD minute, WORD second,
               WORD milliseconds) {
    SYSTEMTIME st = {};
    st.wYear = year;
    st.wMonth = month;
    st.wDay = day;
    st.wHour = hour;
    st.wMinute = minute;
    st.wSecond = second;
    st.wMilliseconds = milliseconds;
    return st;
}

// A handler of the test's own that takes `elapsed` of the test clock, as a slow back end would,
// and answers 200.
class SlowHandler : public CHttpModule {
public:
    explicit SlowHandler(std::chrono::milliseconds elapsed) : elapsed_(elapsed) {}
    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext* pHttpContext,
                                                        IHttpEventProvider*) override {
        iisfake::win32::clock().advance(elapsed_);
        pHttpContext->GetResponse()->SetStatus(200, "OK");
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
    VOID Dispose() override { delete this; }

private:
    std::chrono::milliseconds elapsed_;
};

class SlowHandlerFactory : public IHttpModuleFactory {
public:
    std::chrono::milliseconds elapsed{0};
    virtual ~SlowHandlerFactory() = default;
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new SlowHandler(elapsed);
        return S_OK;
    }
    VOID Terminate() override {}  // owned by the test
};

}  // namespace

// ---- RequestLog: precompiled header, TCHAR, GetLocalTime, environment, CRITICAL_SECTION ------

TEST_CASE("Corpus RequestLog: a start-up event naming the pool from the environment, then one "
          "line per request stamped with the test clock's local time [T-19a] [PIPE-3]",
          "[win32][corpus]") {
    CleanWin32 clean;
    iisfake::win32::set_environment_variable("APP_POOL_ID", "CorpusPool");
    iisfake::win32::clock().freeze(utc(2024, 3, 5, 6, 7, 8, 9));
    iisfake::win32::clock().set_utc_offset(std::chrono::minutes(90));

    ModuleHost host;
    host.add_file("/index.htm", "<p>hi</p>");
    REQUIRE(host.load("RequestLog", &iisfake_corpus_request_log_module_RegisterModule) == S_OK);

    std::vector<EventRecord> started = records_of("IisfakeRequestLog");
    REQUIRE(started.size() == 1);
    CHECK(started[0].type == EVENTLOG_INFORMATION_TYPE);
    CHECK(started[0].event_id == 1);
    CHECK(started[0].strings == Strings{"RequestLog started in CorpusPool."});
    CHECK_FALSE(started[0].wide);
    CHECK_FALSE(source_open("IisfakeRequestLog"));  // deregistered at once

    auto found = host.serve(RequestBuilder().url("/index.htm"));
    REQUIRE(found.finished());
    iisfake::win32::clock().advance(std::chrono::milliseconds(1500));
    auto missing = host.serve(RequestBuilder().method("POST").url("/missing"));
    REQUIRE(missing.finished());

    // 06:07:08.009 UTC is 07:37:08.009 at UTC+01:30.
    CHECK(iisfake::debug_log().output ==
          Strings{"2024-03-05 07:37:08.009 [CorpusPool] #1 GET /index.htm 200\n",
                  "2024-03-05 07:37:09.509 [CorpusPool] #2 POST /missing 404\n"});
}

TEST_CASE("Corpus RequestLog: without APP_POOL_ID in the environment the pool is 'unknown' "
          "[T-19a]",
          "[win32][corpus]") {
    CleanWin32 clean;
    iisfake::win32::unset_environment_variable("APP_POOL_ID");
    ModuleHost host;
    REQUIRE(host.load("RequestLog", &iisfake_corpus_request_log_module_RegisterModule) == S_OK);
    std::vector<EventRecord> started = records_of("IisfakeRequestLog");
    REQUIRE(started.size() == 1);
    CHECK(started[0].strings == Strings{"RequestLog started in unknown."});
}

// ---- RequestTiming: QueryPerformanceCounter, GetTickCount64, InterlockedIncrement(long*) -----

TEST_CASE("Corpus RequestTiming: the elapsed time of the test clock reaches the client, and a "
          "request over the environment's threshold is a warning in the event log [T-19a] "
          "[PIPE-1] [PIPE-4]",
          "[win32][corpus]") {
    CleanWin32 clean;
    iisfake::win32::clock().freeze(utc(2024, 1, 1, 0, 0, 0, 0));
    iisfake::win32::set_environment_variable("REQUEST_TIMING_THRESHOLD_MS", "500");

    SlowHandlerFactory backend;
    {
        ModuleHost host;
        REQUIRE(host.load("RequestTiming", &iisfake_corpus_request_timing_module_RegisterModule) ==
                S_OK);
        REQUIRE(host.add("Backend", &backend, RQ_EXECUTE_REQUEST_HANDLER, 0) == S_OK);
        CHECK(source_open("IisfakeRequestTiming"));

        backend.elapsed = std::chrono::milliseconds(120);
        auto fast = host.serve(RequestBuilder().url("/fast"));
        CHECK(fast.response().sent_status() == 200);
        CHECK(fast.response().header("X-Request-Time") == "120ms");
        CHECK(records_of("IisfakeRequestTiming").empty());

        backend.elapsed = std::chrono::milliseconds(750);
        auto slow = host.serve(RequestBuilder().url("/report"));
        CHECK(slow.response().header("X-Request-Time") == "750ms");
        std::vector<EventRecord> warnings = records_of("IisfakeRequestTiming");
        REQUIRE(warnings.size() == 1);
        CHECK(warnings[0].type == EVENTLOG_WARNING_TYPE);
        CHECK(warnings[0].event_id == 1001);
        REQUIRE(warnings[0].strings.size() == 3);
        CHECK(warnings[0].strings[0] == "/report");
        CHECK(warnings[0].strings[1] == "750ms");
        CHECK(warnings[0].strings[2].compare(0, 14, "slow request #") == 0);
    }
    // The factory's Terminate deregistered the source when the host unloaded the module.
    CHECK_FALSE(source_open("IisfakeRequestTiming"));
}

// ---- IpRestriction: GetRemoteAddress, inet_ntop, comdef smart pointers, _com_error ------------

namespace {

struct IpRestrictionServer {
    ModuleHost host;
    IpRestrictionServer() {
        host.add_file("/", "<p>home</p>");
        host.configuration()
            .declare_section("system.webServer/iisfakeIpRestriction")
            .collection("add", {"ipAddress"});
        host.configuration()
            .section("system.webServer/iisfakeIpRestriction")
            .add({{"ipAddress", "192.0.2.7"}})
            .add({{"ipAddress", "2001:db8::1"}});
        REQUIRE(host.load("IpRestriction", &iisfake_corpus_ip_restriction_module_RegisterModule) ==
                S_OK);
    }
    USHORT status_for(const std::string& address) {
        auto request = host.serve(RequestBuilder().url("/").remote_address(address, 50123));
        REQUIRE(request.finished());
        if (request.response().sent_status() == 403) CHECK(request.response().substatus() == 6);
        return request.response().sent_status();
    }
};

}  // namespace

TEST_CASE("Corpus IpRestriction: a configured remote address is refused 403.6 and audited in "
          "the event log, IPv4 and IPv6 alike [T-19a] [CFG-1] [PIPE-7]",
          "[win32][corpus]") {
    CleanWin32 clean;
    IpRestrictionServer s;

    CHECK(s.status_for("198.51.100.1") == 200);
    CHECK(records_of("IisfakeIpRestriction").empty());

    CHECK(s.status_for("192.0.2.7") == 403);
    CHECK(s.status_for("2001:db8::1") == 403);
    CHECK(s.status_for("2001:db8::2") == 200);
    std::vector<EventRecord> audits = records_of("IisfakeIpRestriction");
    REQUIRE(audits.size() == 2);
    CHECK(audits[0].type == EVENTLOG_AUDIT_FAILURE);
    CHECK(audits[0].event_id == 4001);
    CHECK(audits[0].strings == Strings{"192.0.2.7"});
    CHECK(audits[1].strings == Strings{"2001:db8::1"});
    CHECK(s.host.configuration().live_objects() == 0);  // every smart pointer released
}

TEST_CASE("Corpus IpRestriction: an IPv4-mapped IPv6 client is judged by its IPv4 address "
          "[T-19a] [CFG-1]",
          "[win32][corpus]") {
    CleanWin32 clean;
    IpRestrictionServer s;
    CHECK(s.status_for("::ffff:192.0.2.7") == 403);
    std::vector<EventRecord> audits = records_of("IisfakeIpRestriction");
    REQUIRE(audits.size() == 1);
    CHECK(audits[0].strings == Strings{"192.0.2.7"});
}

TEST_CASE("Corpus IpRestriction: without its section the _com_error is caught, said to the "
          "debugger, and nobody is refused [T-19a] [CFG-4]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;
    host.add_file("/", "<p>home</p>");
    REQUIRE(host.load("IpRestriction", &iisfake_corpus_ip_restriction_module_RegisterModule) ==
            S_OK);
    auto request = host.serve(RequestBuilder().url("/").remote_address("192.0.2.7", 50123));
    CHECK(request.response().sent_status() == 200);
    CHECK(has_output_starting("IpRestriction: no configuration (0x8"));
    CHECK(records_of("IisfakeIpRestriction").empty());
}

// ---- ConfigHeaders: _COM_SMARTPTR_TYPEDEF, _bstr_t, _variant_t, ReportEventW -------------------

namespace {

struct ConfigHeadersServer {
    ModuleHost host;
    ConfigHeadersServer() {
        host.add_file("/", "<p>home</p>");
        host.configuration()
            .declare_section("system.webServer/iisfakeCustomHeaders")
            .attribute("enabled", iisfake::AttributeType::Bool, "true")
            .collection("add", {"name"})
            .attribute("name", iisfake::AttributeType::String)
            .attribute("value", iisfake::AttributeType::String);
    }
    void load() {
        REQUIRE(host.load("ConfigHeaders", &iisfake_corpus_config_header_module_RegisterModule) ==
                S_OK);
    }
};

}  // namespace

TEST_CASE("Corpus ConfigHeaders: the headers of its section, read through comdef.h smart "
          "pointers, reach the client; enabled=false turns it off [T-19a] [CFG-1] [CFG-7]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ConfigHeadersServer s;
    s.host.configuration()
        .section("system.webServer/iisfakeCustomHeaders")
        .add({{"name", "X-Frame-Options"}, {"value", "DENY"}})
        .add({{"name", "X-Corpus"}, {"value", "comdef"}});
    s.load();

    auto request = s.host.serve(RequestBuilder().url("/"));
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().header("X-Frame-Options") == "DENY");
    CHECK(request.response().header("X-Corpus") == "comdef");
    CHECK(s.host.configuration().live_objects() == 0);

    s.host.configuration().section("system.webServer/iisfakeCustomHeaders").set("enabled", false);
    auto off = s.host.serve(RequestBuilder().url("/"));
    CHECK_FALSE(off.response().has_header("X-Frame-Options"));
    CHECK(iisfake::win32::event_log().empty());
}

TEST_CASE("Corpus ConfigHeaders: a section it cannot read is one wide error record in the event "
          "log, however many requests fail [T-19a] [CFG-4]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;  // the section is declared nowhere
    host.add_file("/", "<p>home</p>");
    REQUIRE(host.load("ConfigHeaders", &iisfake_corpus_config_header_module_RegisterModule) ==
            S_OK);

    auto first = host.serve(RequestBuilder().url("/"));
    auto second = host.serve(RequestBuilder().url("/"));
    CHECK(first.response().sent_status() == 200);
    CHECK(second.response().sent_status() == 200);

    std::vector<EventRecord> errors = records_of("IisfakeConfigHeaders");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].type == EVENTLOG_ERROR_TYPE);
    CHECK(errors[0].event_id == 2001);
    CHECK(errors[0].wide);
    REQUIRE(errors[0].strings.size() == 1);
    const std::string expected_start =
        "Cannot read system.webServer/iisfakeCustomHeaders for MACHINE/WEBROOT/APPHOST/Default "
        "Web Site (HRESULT 0x8";
    CHECK(errors[0].strings[0].compare(0, expected_start.size(), expected_start) == 0);
    CHECK(host.configuration().live_objects() == 0);
}

// ---- ConfigWatcher: a CGlobalModule, SRWLOCK, ExpandEnvironmentStringsW, WideCharToMultiByte --

TEST_CASE("Corpus ConfigWatcher: each configuration change is an event with the path as UTF-8 "
          "and the running count; the cache folder comes from the environment [T-19a] [CFG-9]",
          "[win32][corpus]") {
    CleanWin32 clean;
    iisfake::win32::set_environment_variable("SystemDrive", "D:");
    {
        ModuleHost host;
        REQUIRE(host.load("ConfigWatcher", &iisfake_corpus_config_change_module_RegisterModule) ==
                S_OK);
        CHECK(source_open("IisfakeConfigWatcher"));

        host.configuration_change("MACHINE/WEBROOT/APPHOST/Caf\xc3\xa9");
        host.configuration_change("MACHINE/WEBROOT/APPHOST/Default Web Site");

        std::vector<EventRecord> changes = records_of("IisfakeConfigWatcher");
        REQUIRE(changes.size() == 2);
        CHECK(changes[0].type == EVENTLOG_INFORMATION_TYPE);
        CHECK(changes[0].event_id == 3001);
        CHECK_FALSE(changes[0].wide);
        CHECK(changes[0].strings == Strings{"MACHINE/WEBROOT/APPHOST/Caf\xc3\xa9", "1"});
        CHECK(changes[1].strings == Strings{"MACHINE/WEBROOT/APPHOST/Default Web Site", "2"});
        CHECK(has_output_starting("ConfigWatcher: flushed D:\\inetpub\\temp\\IisfakeCache (pid "));
    }
    CHECK_FALSE(source_open("IisfakeConfigWatcher"));  // Terminate deregistered it
}

// ---- AsyncWorker: CreateThread, PostCompletion, SLIST, WaitForSingleObject ---------------------

TEST_CASE("Corpus AsyncWorker: its CreateThread worker writes the answer and resumes the request "
          "with PostCompletion [T-19a] [PIPE-6] [T-26]",
          "[win32][corpus][threaded]") {
    CleanWin32 clean;
    ModuleHost host;
    host.deliver_on_threads();
    REQUIRE(host.load("AsyncWorker", &iisfake_corpus_worker_thread_module_RegisterModule) == S_OK);

    for (int i = 0; i < 3; ++i) {  // the second and third reuse the SLIST's buffer
        auto request = host.serve(RequestBuilder().url("/work?abc"));
        REQUIRE(request.finished());
        CHECK(request.trace() == Strings{"AsyncWorker.OnExecuteRequestHandler",
                                         "AsyncWorker.OnAsyncCompletion(OnExecuteRequestHandler)",
                                         "AsyncWorker.Dispose"});
        CHECK(request.response().sent_status() == 200);
        CHECK(request.response().body() == "digest=1A47E90B length=3");  // FNV-1a("abc")
    }
    auto empty = host.serve(RequestBuilder().url("/work"));
    CHECK(empty.response().body() == "digest=811C9DC5 length=0");
}

// ---- TraceProvider: <initguid.h>, DEFINE_GUID, StringFromGUID2, _ltow_s, _itoa_s -------------

TEST_CASE("Corpus TraceProvider: announces its DEFINE_GUID provider as StringFromGUID2 writes "
          "it, and raises a numbered event only when tracing is on [T-19a] [PIPE-1]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;
    host.add_file("/a", "a");
    REQUIRE(host.load("TraceProvider", &iisfake_corpus_trace_provider_module_RegisterModule) ==
            S_OK);
    CHECK(iisfake::debug_log().output ==
          Strings{"TraceProvider: provider {6B3D0A58-2C41-4E7F-9A1B-3C5D7E9F0A12} ready (areas "
                  "2, verbosity 4)\n"});

    auto untraced = host.serve(RequestBuilder().url("/a"));
    CHECK(untraced.context().trace().events().empty());

    auto traced = host.start(RequestBuilder().url("/a"));
    traced.context().trace().enable();
    traced.run_to_end();
    REQUIRE(traced.context().trace().events().size() == 1);
    const iisfake::FakeHttpTraceContext::Event& event = traced.context().trace().events()[0];
    CHECK(event.name == "CorpusRequest#1");
    CHECK(event.area == 2);
    CHECK(event.event == 1);
    CHECK(event.verbosity == 4);
}

// ---- UrlRewriter: ATL CString -------------------------------------------------------------------

TEST_CASE("Corpus UrlRewriter: CString code continues /old/ URLs as /new/, keeps the query and "
          "the original URL [T-19a] [PIPE-1]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;
    REQUIRE(host.load("UrlRewriter", &iisfake_corpus_url_rewrite_module_RegisterModule) == S_OK);

    auto moved = host.serve(RequestBuilder().url("/Old/docs/page.htm?x=1"));
    CHECK(moved.request().url() == "/new/docs/page.htm?x=1");
    CHECK(moved.request().header("X-Original-URL") == "/Old/docs/page.htm?x=1");
    CHECK(has_output("UrlRewriter: /Old/docs/page.htm?x=1 -> /new/docs/page.htm?x=1\n"));

    auto kept = host.serve(RequestBuilder().url("/older/page.htm"));
    CHECK(kept.request().url() == "/older/page.htm");
    CHECK(kept.request().header("X-Original-URL") == "");
}

// ---- Utf8Greeting: MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS), GetLastError ----------

TEST_CASE("Corpus Utf8Greeting: a UTF-8 name is measured by MultiByteToWideChar; invalid UTF-8 "
          "is 400 with HRESULT_FROM_WIN32(ERROR_NO_UNICODE_TRANSLATION) [T-19a]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;
    REQUIRE(host.load("Utf8Greeting", &iisfake_corpus_utf8_greeting_module_RegisterModule) ==
            S_OK);

    auto named = host.serve(RequestBuilder().url("/").header("X-User-Name", "J\xc3\xbcrgen"));
    CHECK(named.response().sent_status() == 200);
    CHECK(named.response().body() == "Hello, J\xc3\xbcrgen! (6 UTF-16 units, 7 bytes)");
    CHECK(named.response().header("Content-Type") == "text/plain; charset=utf-8");

    auto nobody = host.serve(RequestBuilder().url("/"));
    CHECK(nobody.response().body() == "Hello, stranger! (8 UTF-16 units, 8 bytes)");

    auto invalid = host.serve(RequestBuilder().url("/").header("X-User-Name", "J\xc3("));
    CHECK(invalid.response().sent_status() == 400);
    CHECK(invalid.response().body() == "bad name: 0x80070459");
}

// ---- ServerStats: a UNICODE build, CRITICAL_SECTION, GetTickCount64, ReportEventW -------------

TEST_CASE("Corpus ServerStats (UNICODE build): counts by status class, uptime from the test "
          "clock, and its totals as a wide event when unloaded [T-19a] [PIPE-3]",
          "[win32][corpus]") {
    CleanWin32 clean;
    iisfake::win32::clock().freeze(utc(2024, 6, 1, 12, 0, 0, 0));
    {
        ModuleHost host;
        REQUIRE(host.load("ServerStats", &iisfake_corpus_stats_module_RegisterModule) == S_OK);
        auto first = host.serve(RequestBuilder().url("/stats"));
        CHECK(first.response().body() == "requests=0 2xx=0 3xx=0 4xx=0 5xx=0 uptime=0s");
        CHECK(host.serve(RequestBuilder().url("/missing")).response().sent_status() == 404);
        iisfake::win32::clock().advance(std::chrono::seconds(90));

        auto stats = host.serve(RequestBuilder().url("/stats"));
        CHECK(stats.response().body() == "requests=2 2xx=1 3xx=0 4xx=1 5xx=0 uptime=90s");
        CHECK(records_of("IisfakeServerStats").empty());
    }
    std::vector<EventRecord> totals = records_of("IisfakeServerStats");
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].type == EVENTLOG_INFORMATION_TYPE);
    CHECK(totals[0].event_id == 5001);
    CHECK(totals[0].wide);
    CHECK(totals[0].strings == Strings{"3 requests served, 0 failed"});
}

// ---- the older corpus: a CGlobalModule exported with C linkage ---------------------------------

TEST_CASE("Corpus global_module: OnGlobalPreBeginRequest tells the debugger the SERVER_NAME "
          "[T-19a] [REG-1]",
          "[win32][corpus]") {
    CleanWin32 clean;
    ModuleHost host;
    REQUIRE(host.load("PreBegin", &iisfake_corpus_global_module_RegisterModule) == S_OK);
    auto request = host.serve(RequestBuilder().url("/").header("Host", "corpus.example"));
    REQUIRE(request.finished());
    CHECK(has_output("corpus.example"));
}
