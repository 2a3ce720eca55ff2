// Asynchronous ReadEntityBody and NegotiateClientCertificate on FakeHttpRequest (spec §1.2
// REQ-READ-5..11, §1.4 REQ-R3-*, §1.5 REQ-CI-*, §1.7; traps T-10, T-11, T-23; REQ-NEG-1).
// Module code is simulated exactly as it calls IIS: through IHttpRequest* / IHttpRequest3*,
// with completions arriving in a sink shaped like CHttpModule::OnAsyncCompletion or in a
// PFN_ASYNC_COMPLETION free function. Tests tagged [threaded] deliver completions on a second
// thread; CI runs them again under ThreadSanitizer.
#include <atomic>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// deliver_on_thread() lives in a header of its own; the macro brings it in with the umbrella,
// from include/ and from the single header alike.
#define IISFAKE_CONFIG_THREADED_DELIVERY
#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

constexpr HRESULT eof_result = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
constexpr HRESULT aborted_result = HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED);
constexpr HRESULT invalid_state_result = HRESULT_FROM_WIN32(ERROR_INVALID_STATE);
constexpr HRESULT connection_aborted_result = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED);
constexpr HRESULT not_found_result = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);

const char body_text[] = "The quick brown fox";  // 19 bytes: reads of 4 give 4,4,4,4,3

iisfake::Options with_policy(iisfake::AsyncPolicy policy) {
    iisfake::Options options;
    options.async_policy = policy;
    return options;
}

iisfake::RequestBuilder post(std::string body, iisfake::Options options = iisfake::Options()) {
    return iisfake::RequestBuilder()
        .method("POST")
        .body(std::move(body))
        .options(std::move(options));
}

// Collects misuse reports instead of throwing, so a test can look at them.
struct MisuseLog {
    std::vector<iisfake::Misuse> seen;
    iisfake::MisuseHandler handler() {
        return [this](const iisfake::Misuse& report) { seen.push_back(report); };
    }
};

// What a completion sink received, read through the SDK interfaces.
struct Seen {
    DWORD bytes;
    HRESULT status;
    DWORD operation;
    std::thread::id thread;
};

// Locked, because with deliver_on_thread() two completions may run at once. Read `seen` only
// after wait_for_completions().
struct SinkLog {
    std::vector<Seen> seen;
    REQUEST_NOTIFICATION_STATUS reply = RQ_NOTIFICATION_CONTINUE;
    std::mutex lock;
    iisfake::CompletionSink sink() {
        return [this](IHttpCompletionInfo* info) {
            const auto* info2 = static_cast<IHttpCompletionInfo2*>(info);  // REQ-CI-4
            std::lock_guard<std::mutex> guard(lock);
            seen.push_back(Seen{info->GetCompletionBytes(), info->GetCompletionStatus(),
                                info2->GetCompletedOperation(), std::this_thread::get_id()});
            return reply;
        };
    }
};

// A stand-in IHttpContext3* for PFN_ASYNC_COMPLETION: iisfake has no IHttpContext yet, and the
// callback must only pass the pointer through.
struct alignas(16) ContextStandIn {
    unsigned char bytes[64];
};

IHttpContext3* as_context(ContextStandIn& stand_in) {
    return reinterpret_cast<IHttpContext3*>(&stand_in);
}

// What a PFN_ASYNC_COMPLETION callback received; passed to it as pvCompletionContext.
struct CallbackLog {
    int calls = 0;
    IHttpContext3* context = nullptr;
    void* completion_context = nullptr;
    DWORD bytes = 0;
    HRESULT status = S_OK;
    DWORD operation = 0;
    std::string buffer_at_callback;  // what the read buffer held when the callback ran
    const char* buffer = nullptr;
    DWORD buffer_size = 0;
    std::thread::id thread;
    REQUEST_NOTIFICATION_STATUS reply = RQ_NOTIFICATION_PENDING;
};

REQUEST_NOTIFICATION_STATUS WINAPI on_read_completed(IHttpContext3* pHttpContext,
                                                     IHttpCompletionInfo2* pCompletionInfo,
                                                     VOID* pvCompletionContext) {
    auto* log = static_cast<CallbackLog*>(pvCompletionContext);
    ++log->calls;
    log->context = pHttpContext;
    log->completion_context = pvCompletionContext;
    log->bytes = pCompletionInfo->GetCompletionBytes();
    log->status = pCompletionInfo->GetCompletionStatus();
    log->operation = pCompletionInfo->GetCompletedOperation();
    if (log->buffer) log->buffer_at_callback.assign(log->buffer, log->bytes);
    log->thread = std::this_thread::get_id();
    return log->reply;
}

static_assert(std::is_same<decltype(&on_read_completed), PFN_ASYNC_COMPLETION>::value,
              "REQ-R3-5: a WINAPI free function is a PFN_ASYNC_COMPLETION");

// A module that reads the whole body asynchronously, shaped like real ones (iisnode, ANCM):
// OnExecuteRequestHandler reads until a read goes pending (then returns PENDING at once,
// REQ-READ-7) or EOF; OnAsyncCompletion takes the completed bytes and reads on. It handles the
// three outcomes of T-10 and both forms of EOF (REQ-READ-6). Like ANCM it takes a lock in both
// entry points, because a completion may arrive on another thread before the notification has
// returned; recursive, because complete_before_return without threads delivers it on this one.
class ReadingModule {
public:
    ReadingModule(IHttpRequest* request, DWORD chunk) : request_(request), buffer_(chunk) {}

    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler() {
        std::lock_guard<std::recursive_mutex> guard(lock_);
        return read_until_pending();
    }

    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpCompletionInfo* pCompletionInfo) {
        std::lock_guard<std::recursive_mutex> guard(lock_);
        ++completions;
        // Recorded in the order completions arrive, although nested ones return first.
        const std::size_t slot = returned.size();
        returned.push_back(RQ_NOTIFICATION_CONTINUE);
        operations.push_back(
            static_cast<IHttpCompletionInfo2*>(pCompletionInfo)->GetCompletedOperation());
        const HRESULT hr = pCompletionInfo->GetCompletionStatus();
        REQUEST_NOTIFICATION_STATUS status = RQ_NOTIFICATION_CONTINUE;
        if (hr == eof_result) {
            finished = true;
            ++eof_completions;
        } else if (FAILED(hr)) {
            failure = hr;
            status = RQ_NOTIFICATION_FINISH_REQUEST;
        } else {
            body.append(buffer_.data(), pCompletionInfo->GetCompletionBytes());
            status = read_until_pending();
        }
        returned[slot] = status;
        return status;
    }

    iisfake::CompletionSink sink() {
        return [this](IHttpCompletionInfo* info) { return OnAsyncCompletion(info); };
    }

    std::string body;
    bool finished = false;
    HRESULT failure = S_OK;
    int reads = 0;
    int inline_reads = 0;
    int pending_reads = 0;
    int completions = 0;
    int eof_returns = 0;      // reads that returned ERROR_HANDLE_EOF at once
    int eof_completions = 0;  // completions with ERROR_HANDLE_EOF
    DWORD inline_bytes = 0;
    std::vector<DWORD> operations;
    std::vector<REQUEST_NOTIFICATION_STATUS> returned;  // by OnAsyncCompletion, in order

private:
    REQUEST_NOTIFICATION_STATUS read_until_pending() {
        for (int guard = 0; guard < 1000; ++guard) {
            DWORD received = 0;
            BOOL pending = FALSE;
            ++reads;
            const HRESULT hr = request_->ReadEntityBody(
                buffer_.data(), static_cast<DWORD>(buffer_.size()), TRUE, &received, &pending);
            if (hr == eof_result) {
                finished = true;
                ++eof_returns;
                return RQ_NOTIFICATION_CONTINUE;
            }
            if (FAILED(hr)) {
                failure = hr;
                return RQ_NOTIFICATION_FINISH_REQUEST;
            }
            if (pending) {
                ++pending_reads;
                return RQ_NOTIFICATION_PENDING;  // REQ-READ-7: return at once, buffer untouched
            }
            ++inline_reads;
            inline_bytes += received;
            body.append(buffer_.data(), received);
        }
        failure = E_UNEXPECTED;  // the fake never reached EOF: a spinning module (T-11)
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    IHttpRequest* request_;
    std::vector<char> buffer_;
    std::recursive_mutex lock_;
};

// The test's side of IIS: deliver each pending completion until nothing is pending. Bounded,
// so a fake that never stops going pending fails instead of hanging.
int drive(iisfake::FakeHttpRequest& fake) {
    int delivered = 0;
    while (fake.has_pending() && delivered < 1000) {
        fake.complete_pending();
        ++delivered;
    }
    return delivered;
}

int drive_threaded(iisfake::FakeHttpRequest& fake) {
    int delivered = 0;
    fake.wait_for_completions();
    while (fake.has_pending() && delivered < 1000) {
        fake.complete_pending();
        fake.wait_for_completions();
        ++delivered;
    }
    return delivered;
}

std::vector<DWORD> completion_bytes(const iisfake::FakeHttpRequest& fake) {
    std::vector<DWORD> bytes;
    for (const auto& done : fake.completions()) bytes.push_back(done.bytes);
    return bytes;
}

void destroy_with_read_pending() {
    iisfake::FakeHttpRequest fake(post("abc"));
    char buffer[4] = {};
    BOOL pending = FALSE;
    static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending);
}

}  // namespace

// ---- the two outcomes of an asynchronous read ------------------------------------------------

TEST_CASE(
    "REQ-READ-5 T-10: an inline completion returns the bytes at once and no completion "
    "follows",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("hello", with_policy(iisfake::AsyncPolicy::always_inline)));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;

    char buffer[8];
    std::memset(buffer, 'x', sizeof buffer);
    DWORD received = 99;
    BOOL pending = TRUE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == FALSE);
    CHECK(received == 5u);
    CHECK(std::string(buffer, 5) == "hello");
    CHECK(buffer[5] == 'x');  // nothing written past the bytes received
    CHECK(request->GetRemainingEntityBytes() == 0u);
    CHECK_FALSE(fake.has_pending());
    CHECK(fake.pending_count() == 0u);
    CHECK(fake.completions().empty());
    CHECK(sink.seen.empty());
    REQUIRE_NOTHROW(fake.expect_nothing_pending());
}

TEST_CASE(
    "REQ-READ-5 REQ-CI-2 T-10: a pending read leaves the buffer untouched until the test "
    "completes it, then fills it and delivers to the sink",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("hello world"));  // the default policy: always pending
    CHECK(fake.options().async_policy == iisfake::AsyncPolicy::always_pending);
    CHECK(fake.options().async_eof == iisfake::AsyncEof::immediate);
    CHECK_FALSE(fake.options().full_duplex);
    SinkLog sink;
    sink.reply = RQ_NOTIFICATION_FINISH_REQUEST;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;

    char buffer[8];
    std::memset(buffer, 'x', sizeof buffer);
    DWORD received = 99;
    BOOL pending = FALSE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == TRUE);
    CHECK(received == 0u);
    CHECK(std::string(buffer, sizeof buffer) == "xxxxxxxx");
    CHECK(fake.has_pending());
    CHECK(fake.pending_count() == 1u);
    CHECK(sink.seen.empty());
    // The bytes are taken when the read completes, not when it is issued.
    CHECK(request->GetRemainingEntityBytes() == 11u);
    CHECK(fake.body_consumed() == 0u);

    fake.complete_pending();
    CHECK(std::string(buffer, sizeof buffer) == "hello wo");
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 8u);
    CHECK(sink.seen[0].status == S_OK);
    CHECK(sink.seen[0].operation == 1u);
    CHECK(sink.seen[0].thread == std::this_thread::get_id());  // no threads by default
    CHECK(request->GetRemainingEntityBytes() == 3u);
    CHECK_FALSE(fake.has_pending());

    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].bytes == 8u);
    CHECK(done[0].status == S_OK);
    CHECK(done[0].operation == 1u);
    CHECK_FALSE(done[0].to_callback);
    CHECK(done[0].delivered);
    CHECK(done[0].returned == RQ_NOTIFICATION_FINISH_REQUEST);  // what the sink returned

    // The call log shows the read as pending.
    const auto calls = fake.calls();
    REQUIRE_FALSE(calls.empty());
    bool logged_pending = false;
    for (const auto& call : calls)
        if (call.method == iisfake::Method::ReadEntityBody &&
            call.arguments.find("pending") != std::string::npos && call.result == S_OK)
            logged_pending = true;
    CHECK(logged_pending);
}

TEST_CASE("REQ-READ-5 REQ-CI-1: a completion without a sink is recorded as not delivered",
          "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    IHttpRequest* request = &fake;
    char buffer[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK_FALSE(done[0].delivered);
    CHECK(done[0].bytes == 3u);
    CHECK(done[0].status == S_OK);
    CHECK(std::string(buffer, 3) == "abc");
}

TEST_CASE("REQ-READ-5 REQ-INS-1 T-3: a completion reads the body as it is when it completes",
          "[async]") {
    iisfake::FakeHttpRequest fake(post("body"));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[16] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    static char inserted[] = "PRE";  // must outlive the request (REQ-INS-2)
    REQUIRE(request->InsertEntityBody(inserted, 3) == S_OK);
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 3u);
    CHECK(std::string(buffer, 3) == "PRE");
    CHECK(fake.inserted_consumed() == 3u);
    CHECK(fake.body_consumed() == 0u);
}

TEST_CASE("REQ-READ-2 REQ-READ-5 T-11: short reads apply to completions", "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdefgh"));
    fake.set_read_sizes({3u});
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[16] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 3u);
    CHECK(std::string(buffer, 3) == "abc");
    CHECK(request->GetRemainingEntityBytes() == 5u);
}

// ---- the policies: which reads complete inline ------------------------------------------------

TEST_CASE("REQ-READ-5 T-10: AsyncPolicy chooses per call between inline and pending", "[async]") {
    // Records, per read, whether it went pending; the body is long enough for every read.
    auto outcomes = [](iisfake::Options options, int count) {
        iisfake::FakeHttpRequest fake(post(std::string(64, 'b'), std::move(options)));
        IHttpRequest* request = &fake;
        std::vector<bool> pending_reads;
        for (int i = 0; i < count; ++i) {
            char buffer[2] = {};
            DWORD received = 0;
            BOOL pending = FALSE;
            if (request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) != S_OK)
                break;
            pending_reads.push_back(pending == TRUE);
            if (pending) {
                fake.complete_pending();
            } else if (received != 2u) {
                break;
            }
        }
        return pending_reads;
    };

    SECTION("always_pending (default)") {
        CHECK(outcomes(iisfake::Options(), 4) == std::vector<bool>{true, true, true, true});
    }
    SECTION("always_inline") {
        CHECK(outcomes(with_policy(iisfake::AsyncPolicy::always_inline), 4) ==
              std::vector<bool>{false, false, false, false});
    }
    SECTION("alternate starts with pending") {
        CHECK(outcomes(with_policy(iisfake::AsyncPolicy::alternate), 5) ==
              std::vector<bool>{true, false, true, false, true});
    }
    SECTION("scripted, call by call; pending once the script is exhausted") {
        iisfake::Options options = with_policy(iisfake::AsyncPolicy::scripted);
        options.async_script = {false, true, true, false};
        CHECK(outcomes(options, 6) == std::vector<bool>{false, true, true, false, true, true});
    }
    SECTION("scripted with an empty script: every read pending") {
        CHECK(outcomes(with_policy(iisfake::AsyncPolicy::scripted), 3) ==
              std::vector<bool>{true, true, true});
    }
    SECTION("complete_before_return: pending, yet already completed when the call returns") {
        iisfake::FakeHttpRequest fake(
            post("abcd", with_policy(iisfake::AsyncPolicy::complete_before_return)));
        SinkLog sink;
        fake.set_completion_sink(sink.sink());
        IHttpRequest* request = &fake;
        char buffer[2] = {};
        DWORD received = 99;
        BOOL pending = FALSE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
        CHECK(pending == TRUE);
        CHECK(received == 0u);
        REQUIRE(sink.seen.size() == 1u);  // delivered before ReadEntityBody returned
        CHECK(sink.seen[0].bytes == 2u);
        CHECK(std::string(buffer, 2) == "ab");
        CHECK_FALSE(fake.has_pending());
        REQUIRE_NOTHROW(fake.expect_nothing_pending());
    }
}

TEST_CASE(
    "REQ-READ-9 T-10: with pfCompletionPending NULL the read always completes through a "
    "completion, under every policy",
    "[async]") {
    iisfake::AsyncPolicy policy = iisfake::AsyncPolicy::always_pending;
    SECTION("always_inline") { policy = iisfake::AsyncPolicy::always_inline; }
    SECTION("alternate") { policy = iisfake::AsyncPolicy::alternate; }
    SECTION("scripted inline") { policy = iisfake::AsyncPolicy::scripted; }
    SECTION("always_pending") { policy = iisfake::AsyncPolicy::always_pending; }
    CAPTURE(static_cast<int>(policy));
    iisfake::Options options = with_policy(policy);
    options.async_script = {false, false, false};
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;

    char buffer[4];
    std::memset(buffer, 'x', sizeof buffer);
    // ANCM out-of-process: ReadEntityBody(buf, n, TRUE, NULL, NULL), then waits.
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, nullptr) == S_OK);
    CHECK(std::string(buffer, sizeof buffer) == "xxxx");
    CHECK(fake.pending_count() == 1u);
    CHECK(sink.seen.empty());
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 4u);
    CHECK(std::string(buffer, sizeof buffer) == "abcd");
}

TEST_CASE("REQ-READ-9 T-10: NULL pfCompletionPending reads do not use up the policy's script",
          "[async]") {
    iisfake::Options options = with_policy(iisfake::AsyncPolicy::scripted);
    options.async_script = {false};
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    IHttpRequest* request = &fake;
    char buffer[2] = {};
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, nullptr) == S_OK);
    REQUIRE(fake.pending_count() == 1u);
    fake.complete_pending();
    DWORD received = 0;
    BOOL pending = TRUE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == FALSE);  // script entry 0 is used by the first read that can choose
    CHECK(received == 2u);
    CHECK(std::string(buffer, 2) == "cd");
}

TEST_CASE("REQ-READ-9: NULL pcbBytesReceived is never written, inline or pending", "[async]") {
    SECTION("inline") {
        iisfake::FakeHttpRequest fake(
            post("abcdef", with_policy(iisfake::AsyncPolicy::always_inline)));
        IHttpRequest* request = &fake;
        char buffer[4] = {};
        BOOL pending = TRUE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        CHECK(pending == FALSE);
        CHECK(std::string(buffer, 4) == "abcd");
        CHECK(request->GetRemainingEntityBytes() == 2u);
        CHECK(fake.completions().empty());
    }
    SECTION("pending") {
        iisfake::FakeHttpRequest fake(post("abcdef"));
        IHttpRequest* request = &fake;
        char buffer[4] = {};
        BOOL pending = FALSE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        CHECK(pending == TRUE);
        fake.complete_pending();
        CHECK(std::string(buffer, 4) == "abcd");
    }
}

TEST_CASE("T-10: the three outcomes chosen call by call: inline, pending, immediate failure",
          "[async]") {
    iisfake::Options options = with_policy(iisfake::AsyncPolicy::scripted);
    options.async_script = {false, true};
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    fake.fail_nth(iisfake::Method::ReadEntityBody, 3, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[2] = {};
    DWORD received = 0;
    BOOL pending = TRUE;

    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == FALSE);  // inline
    CHECK(received == 2u);
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == TRUE);  // pending
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(std::string(buffer, 2) == "cd");
    received = 99;
    pending = TRUE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) ==
          HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));  // immediate failure
    CHECK(pending == FALSE);
    CHECK(received == 0u);
    CHECK_FALSE(fake.has_pending());
    CHECK(sink.seen.size() == 1u);
}

// ---- end of body, both ways ---------------------------------------------------------------

TEST_CASE("REQ-READ-6 T-11: AsyncEof::immediate (default) returns ERROR_HANDLE_EOF from the call",
          "[async]") {
    SECTION("after the last byte") {
        iisfake::FakeHttpRequest fake(post("ab"));
        SinkLog sink;
        fake.set_completion_sink(sink.sink());
        IHttpRequest* request = &fake;
        char buffer[4] = {};
        DWORD received = 0;
        BOOL pending = FALSE;
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
        fake.complete_pending();
        CHECK(request->GetRemainingEntityBytes() == 0u);
        received = 99;
        pending = TRUE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) ==
              eof_result);
        CHECK(received == 0u);
        CHECK(pending == FALSE);
        CHECK_FALSE(fake.has_pending());
        CHECK(sink.seen.size() == 1u);
        // EOF is reported again, not S_OK with 0 bytes (a module looping to EOF must stop).
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, nullptr) == eof_result);
        CHECK_FALSE(fake.has_pending());
    }
    SECTION("a GET without a body: EOF on the first read, even with pfCompletionPending NULL") {
        iisfake::FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        char buffer[4] = {};
        CHECK(request->GetRemainingEntityBytes() == 0u);
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, nullptr) == eof_result);
        CHECK_FALSE(fake.has_pending());
        CHECK(fake.completions().empty());
    }
}

TEST_CASE(
    "REQ-READ-6 REQ-CI-3 T-11: AsyncEof::completion goes pending and completes with "
    "ERROR_HANDLE_EOF and 0 bytes",
    "[async]") {
    iisfake::Options options;
    options.async_eof = iisfake::AsyncEof::completion;
    iisfake::FakeHttpRequest fake(post("ab", options));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[4];
    std::memset(buffer, 'x', sizeof buffer);
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending();
    REQUIRE(request->GetRemainingEntityBytes() == 0u);
    std::memset(buffer, 'y', sizeof buffer);

    DWORD received = 99;
    pending = FALSE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    CHECK(pending == TRUE);
    CHECK(received == 0u);
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 2u);
    CHECK(sink.seen[1].bytes == 0u);
    CHECK(sink.seen[1].status == eof_result);
    CHECK(sink.seen[1].operation == 1u);
    CHECK(std::string(buffer, sizeof buffer) == "yyyy");
    CHECK_FALSE(fake.has_pending());

    SECTION("an empty body: the first read completes with EOF") {
        iisfake::FakeHttpRequest empty(iisfake::RequestBuilder().options(options));
        SinkLog empty_sink;
        empty.set_completion_sink(empty_sink.sink());
        CHECK(static_cast<IHttpRequest&>(empty).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr,
                                                               nullptr) == S_OK);
        empty.complete_pending();
        REQUIRE(empty_sink.seen.size() == 1u);
        CHECK(empty_sink.seen[0].status == eof_result);
        CHECK(empty_sink.seen[0].bytes == 0u);
    }
    SECTION("with an inline policy the end shows as an immediate EOF") {
        fake.options().async_policy = iisfake::AsyncPolicy::always_inline;
        pending = TRUE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) ==
              eof_result);
        CHECK(pending == FALSE);
        CHECK_FALSE(fake.has_pending());
    }
}

// ---- a module reading a body to EOF under each policy ----------------------------------------

TEST_CASE(
    "REQ-READ-5 REQ-READ-6 REQ-READ-7 REQ-CI-4 T-10 T-11: a module-shaped loop reads the "
    "body to EOF under every policy",
    "[async]") {
    struct Expected {
        int reads, inline_reads, pending_reads;
        std::vector<DWORD> completion_bytes;
        REQUEST_NOTIFICATION_STATUS from_notification;
    };
    iisfake::Options options;
    Expected expected{};
    bool eof_completion = false;

    SECTION("always_pending, EOF immediate") {
        options = with_policy(iisfake::AsyncPolicy::always_pending);
        expected = {6, 0, 5, {4u, 4u, 4u, 4u, 3u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("always_pending, EOF as a completion") {
        options = with_policy(iisfake::AsyncPolicy::always_pending);
        options.async_eof = iisfake::AsyncEof::completion;
        eof_completion = true;
        expected = {6, 0, 6, {4u, 4u, 4u, 4u, 3u, 0u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("always_inline: no completion at all") {
        options = with_policy(iisfake::AsyncPolicy::always_inline);
        expected = {6, 5, 0, {}, RQ_NOTIFICATION_CONTINUE};
    }
    SECTION("alternate: pending, inline, pending, inline, pending, EOF") {
        options = with_policy(iisfake::AsyncPolicy::alternate);
        expected = {6, 2, 3, {4u, 4u, 3u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("scripted: inline, pending, pending, inline, then pending (script exhausted)") {
        options = with_policy(iisfake::AsyncPolicy::scripted);
        options.async_script = {false, true, true, false};
        expected = {6, 2, 3, {4u, 4u, 3u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("scripted, EOF as a completion") {
        options = with_policy(iisfake::AsyncPolicy::scripted);
        options.async_script = {true, true, true, true, true, true};
        options.async_eof = iisfake::AsyncEof::completion;
        eof_completion = true;
        expected = {6, 0, 6, {4u, 4u, 4u, 4u, 3u, 0u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("complete_before_return: each completion re-enters the module from inside the read") {
        options = with_policy(iisfake::AsyncPolicy::complete_before_return);
        expected = {6, 0, 5, {4u, 4u, 4u, 4u, 3u}, RQ_NOTIFICATION_PENDING};
    }
    SECTION("complete_before_return, EOF as a completion") {
        options = with_policy(iisfake::AsyncPolicy::complete_before_return);
        options.async_eof = iisfake::AsyncEof::completion;
        eof_completion = true;
        expected = {6, 0, 6, {4u, 4u, 4u, 4u, 3u, 0u}, RQ_NOTIFICATION_PENDING};
    }

    iisfake::FakeHttpRequest fake(post(body_text, options));
    IHttpRequest* request = &fake;
    ReadingModule module(request, 4u);
    fake.set_completion_sink(module.sink());

    CHECK(module.OnExecuteRequestHandler() == expected.from_notification);
    drive(fake);

    CHECK(module.finished);
    CHECK(module.failure == S_OK);
    CHECK(module.body == body_text);
    CHECK(module.reads == expected.reads);
    CHECK(module.inline_reads == expected.inline_reads);
    CHECK(module.pending_reads == expected.pending_reads);
    CHECK(module.completions == static_cast<int>(expected.completion_bytes.size()));
    CHECK(completion_bytes(fake) == expected.completion_bytes);
    for (DWORD operation : module.operations) CHECK(operation == 1u);
    const auto done = fake.completions();
    REQUIRE(done.size() == expected.completion_bytes.size());
    for (std::size_t i = 0; i < done.size(); ++i) {
        INFO("completion " << i);
        const bool last = i + 1 == done.size();
        CHECK(done[i].status == ((last && eof_completion) ? eof_result : S_OK));
        CHECK(done[i].delivered);
        CHECK_FALSE(done[i].to_callback);
        // What OnAsyncCompletion returned, recorded in completion order.
        CHECK(done[i].returned == module.returned[i]);
    }
    CHECK(request->GetRemainingEntityBytes() == 0u);
    CHECK_FALSE(fake.has_pending());
    REQUIRE_NOTHROW(fake.expect_nothing_pending());
}

TEST_CASE(
    "REQ-CI-1 T-10: complete_before_return records nested completions in the order they "
    "were delivered",
    "[async]") {
    iisfake::FakeHttpRequest fake(
        post(body_text, with_policy(iisfake::AsyncPolicy::complete_before_return)));
    ReadingModule module(&fake, 4u);
    fake.set_completion_sink(module.sink());
    CHECK(module.OnExecuteRequestHandler() == RQ_NOTIFICATION_PENDING);
    // Every completion ran inside the read that started it, so nothing is left to drive.
    CHECK_FALSE(fake.has_pending());
    CHECK(module.body == body_text);
    const auto done = fake.completions();
    REQUIRE(done.size() == 5u);
    CHECK(done[0].bytes == 4u);
    CHECK(done[4].bytes == 3u);
    // The first four completions issued a read that went pending; the last one saw EOF.
    for (std::size_t i = 0; i < 4; ++i) CHECK(done[i].returned == RQ_NOTIFICATION_PENDING);
    CHECK(done[4].returned == RQ_NOTIFICATION_CONTINUE);
}

// ---- IHttpRequest3::ReadEntityBody with PFN_ASYNC_COMPLETION ---------------------------------

TEST_CASE(
    "REQ-R3-1 REQ-R3-5 REQ-CI-4: a pending read completes by calling the callback with the "
    "completion info, pvCompletionContext untouched and the configured IHttpContext3*",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("hello world"));
    ContextStandIn stand_in{};
    fake.set_http_context(as_context(stand_in));
    SinkLog sink;  // the IHttpRequest form's sink must not see PFN completions
    fake.set_completion_sink(sink.sink());
    IHttpRequest3* request = &fake;

    char buffer[5];
    std::memset(buffer, 'x', sizeof buffer);
    CallbackLog log;
    log.buffer = buffer;
    log.reply = RQ_NOTIFICATION_PENDING;
    DWORD received = 99;
    BOOL pending = FALSE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, &received,
                                  &pending) == S_OK);
    CHECK(pending == TRUE);
    CHECK(received == 0u);
    CHECK(log.calls == 0);
    CHECK(std::string(buffer, sizeof buffer) == "xxxxx");

    fake.complete_pending();
    CHECK(log.calls == 1);
    CHECK(log.context == as_context(stand_in));
    CHECK(log.completion_context == static_cast<void*>(&log));
    CHECK(log.bytes == 5u);
    CHECK(log.status == S_OK);
    CHECK(log.operation == 1u);
    CHECK(log.buffer_at_callback == "hello");  // the buffer is filled before the callback runs
    CHECK(log.thread == std::this_thread::get_id());
    CHECK(sink.seen.empty());
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].to_callback);
    CHECK(done[0].delivered);
    CHECK(done[0].bytes == 5u);
    CHECK(done[0].returned == RQ_NOTIFICATION_PENDING);
}

TEST_CASE("REQ-R3-1: without set_http_context the callback receives a NULL IHttpContext3*",
          "[async]") {
    iisfake::FakeHttpRequest fake(post("ab"));
    IHttpRequest3* request = &fake;
    char buffer[4] = {};
    CallbackLog log;
    ContextStandIn stand_in{};
    log.context = as_context(stand_in);  // overwritten by the callback
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, nullptr,
                                    nullptr) == S_OK);
    fake.complete_pending();
    CHECK(log.calls == 1);
    CHECK(log.context == nullptr);
    CHECK(log.bytes == 2u);
}

TEST_CASE(
    "REQ-R3-2 T-10: an inline completion of IHttpRequest3::ReadEntityBody does not call "
    "the callback",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("hello", with_policy(iisfake::AsyncPolicy::always_inline)));
    IHttpRequest3* request = &fake;
    char buffer[8] = {};
    CallbackLog log;
    DWORD received = 0;
    BOOL pending = TRUE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, &received,
                                  &pending) == S_OK);
    CHECK(pending == FALSE);
    CHECK(received == 5u);
    CHECK(std::string(buffer, 5) == "hello");
    CHECK(log.calls == 0);
    CHECK(fake.completions().empty());
    // A synchronous read with a callback never calls it either.
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, FALSE, on_read_completed, &log, &received,
                                  &pending) == eof_result);
    CHECK(log.calls == 0);
}

TEST_CASE("REQ-R3-3: whatever the callback returns is recorded", "[async]") {
    REQUEST_NOTIFICATION_STATUS reply = RQ_NOTIFICATION_PENDING;
    SECTION("PENDING (what ASP.NET Core returns)") { reply = RQ_NOTIFICATION_PENDING; }
    SECTION("CONTINUE") { reply = RQ_NOTIFICATION_CONTINUE; }
    SECTION("FINISH_REQUEST") { reply = RQ_NOTIFICATION_FINISH_REQUEST; }
    iisfake::FakeHttpRequest fake(post("ab"));
    IHttpRequest3* request = &fake;
    char buffer[4] = {};
    CallbackLog log;
    log.reply = reply;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, nullptr,
                                    nullptr) == S_OK);
    fake.complete_pending();
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].returned == reply);
    CHECK(done[0].to_callback);
}

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#endif
TEST_CASE("REQ-R3-4 T-1: the C-style downcast of ANCM reaches the PFN form", "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    IHttpRequest* from_context = &fake;  // what IHttpContext::GetRequest() hands out
    IHttpRequest3* request = (IHttpRequest3*)from_context;  // ANCM managedexports.cpp
    char buffer[4] = {};
    CallbackLog log;
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, nullptr,
                                    &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();
    CHECK(log.calls == 1);
    CHECK(log.bytes == 3u);
    CHECK(std::string(buffer, 3) == "abc");
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

TEST_CASE("REQ-R3-1 REQ-READ-6 REQ-CI-3: the PFN form sees EOF, cancellation and injected errors",
          "[async]") {
    iisfake::Options options;
    options.async_eof = iisfake::AsyncEof::completion;
    iisfake::FakeHttpRequest fake(post("", options));
    IHttpRequest3* request = &fake;
    char buffer[4] = {};
    CallbackLog log;
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, nullptr,
                                    &pending) == S_OK);
    REQUIRE(pending == TRUE);
    SECTION("EOF as a completion") {
        fake.complete_pending();
        CHECK(log.status == eof_result);
        CHECK(log.bytes == 0u);
    }
    SECTION("cancelled") {
        fake.cancel_pending();
        CHECK(log.status == aborted_result);
        CHECK(log.bytes == 0u);
    }
    SECTION("injected") {
        fake.complete_pending_with(E_FAIL, 1u);
        CHECK(log.status == E_FAIL);
        CHECK(log.bytes == 1u);
    }
    CHECK(log.calls == 1);
    CHECK(log.operation == 1u);
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE("REQ-R3-1 REQ-READ-4: an asynchronous PFN read without a callback is misuse", "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    MisuseLog misuse;
    fake.set_misuse_handler(misuse.handler());
    IHttpRequest3* request = &fake;
    char buffer[4] = {};
    BOOL pending = TRUE;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, nullptr, nullptr,
                                  &pending) == E_INVALIDARG);
    CHECK(pending == FALSE);
    CHECK_FALSE(fake.has_pending());
    REQUIRE(misuse.seen.size() == 1u);
    CHECK(misuse.seen[0].rule == "REQ-R3-1");
    CHECK(misuse.seen[0].method == "IHttpRequest3::ReadEntityBody");
}

TEST_CASE("REQ-R3-1: IHttpRequest4::ReadEntityBody (ulFlags 0) completes through the sink",
          "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest4* request = &fake;
    char buffer[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, 0u, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 3u);
    CHECK_FALSE(fake.completions()[0].to_callback);
}

// ---- disconnect, cancellation, injected errors -----------------------------------------------

TEST_CASE(
    "REQ-CI-3 REQ-READ-4: a client disconnect completes a pending read with the "
    "disconnect HRESULT",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdefgh"));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[16];
    std::memset(buffer, 'x', sizeof buffer);
    BOOL pending = FALSE;

    SECTION("the client goes away while the read is pending") {
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        REQUIRE(pending == TRUE);
        fake.disconnect_after(0);
        fake.complete_pending();
        REQUIRE(sink.seen.size() == 1u);
        CHECK(sink.seen[0].status == connection_aborted_result);
        CHECK(sink.seen[0].bytes == 0u);
        CHECK(buffer[0] == 'x');
    }
    SECTION("the client went away mid-body: the bytes before, then the error as a completion") {
        fake.disconnect_after(3, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.complete_pending();
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        CHECK(pending == TRUE);
        fake.complete_pending();
        REQUIRE(sink.seen.size() == 2u);
        CHECK(sink.seen[0].status == S_OK);
        CHECK(sink.seen[0].bytes == 3u);
        CHECK(std::string(buffer, 3) == "abc");
        CHECK(sink.seen[1].status == HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        CHECK(sink.seen[1].bytes == 0u);
    }
    SECTION("with an inline policy the disconnect is an immediate failure") {
        fake.options().async_policy = iisfake::AsyncPolicy::always_inline;
        fake.disconnect_after(2);
        DWORD received = 0;
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
        CHECK(received == 2u);
        pending = TRUE;
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) ==
              connection_aborted_result);
        CHECK(pending == FALSE);
        CHECK(received == 0u);
        CHECK(sink.seen.empty());
    }
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE(
    "REQ-CI-3 T-23 §1.7: cancel_pending completes every pending operation with "
    "ERROR_OPERATION_ABORTED, as IHttpContext::CancelIo does",
    "[async]") {
    iisfake::Options options;
    options.full_duplex = true;
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char first[4];
    char second[4];
    std::memset(first, 'x', sizeof first);
    std::memset(second, 'y', sizeof second);
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(first, sizeof first, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(request->ReadEntityBody(second, sizeof second, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(fake.pending_count() == 2u);

    fake.cancel_pending();
    CHECK(fake.pending_count() == 0u);
    REQUIRE(sink.seen.size() == 2u);
    for (const auto& seen : sink.seen) {
        CHECK(seen.status == aborted_result);
        CHECK(seen.bytes == 0u);
        CHECK(seen.operation == 1u);
    }
    CHECK(std::string(first, sizeof first) == "xxxx");
    CHECK(std::string(second, sizeof second) == "yyyy");
    CHECK(fake.body_consumed() == 0u);
    CHECK(request->GetRemainingEntityBytes() == 6u);

    // Nothing pending: a cancellation is not misuse and delivers nothing.
    REQUIRE_NOTHROW(fake.cancel_pending());
    CHECK(sink.seen.size() == 2u);
}

TEST_CASE(
    "REQ-CI-3 §1.7: cancel_pending cancels the operations pending when it is called, not "
    "a read the completion handler issues",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdef"));
    IHttpRequest* request = &fake;
    char buffer[4] = {};
    int aborted_completions = 0;
    // A careless module that reads again after its read was cancelled (once).
    fake.set_completion_sink([&](IHttpCompletionInfo* info) {
        if (info->GetCompletionStatus() == aborted_result && ++aborted_completions == 1) {
            BOOL pending = FALSE;
            request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending);
            return RQ_NOTIFICATION_PENDING;
        }
        return RQ_NOTIFICATION_CONTINUE;
    });
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    fake.cancel_pending();
    CHECK(aborted_completions == 1);
    CHECK(fake.pending_count() == 1u);  // the new read is outstanding, not cancelled
    fake.complete_pending();
    CHECK(std::string(buffer, 4) == "abcd");
    const auto done = fake.completions();
    REQUIRE(done.size() == 2u);
    CHECK(done[0].status == aborted_result);
    CHECK(done[1].status == S_OK);
    CHECK(done[1].bytes == 4u);
}

TEST_CASE(
    "REQ-CI-3 T-10: complete_pending_with injects any status and byte count, leaving the "
    "buffer and the body untouched",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdef"));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[4];
    std::memset(buffer, 'x', sizeof buffer);
    BOOL pending = FALSE;

    HRESULT injected = S_OK;
    DWORD bytes = 0;
    SECTION("a connection error") {
        injected = HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID);
        bytes = 0;
    }
    SECTION("E_FAIL with bytes") {
        injected = E_FAIL;
        bytes = 3;
    }
    SECTION("success with a made-up byte count") {
        injected = S_OK;
        bytes = 2;
    }
    SECTION("EOF early") {
        injected = eof_result;
        bytes = 0;
    }
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending_with(injected, bytes);
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].status == injected);
    CHECK(sink.seen[0].bytes == bytes);
    CHECK(sink.seen[0].operation == 1u);
    CHECK(std::string(buffer, sizeof buffer) == "xxxx");
    CHECK(fake.body_consumed() == 0u);
    CHECK(request->GetRemainingEntityBytes() == 6u);
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].status == injected);
    CHECK(done[0].bytes == bytes);
}

// ---- one read at a time; full duplex ----------------------------------------------------------

TEST_CASE("REQ-READ-8: a second read while one is pending is misuse (full_duplex off)", "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdef"));
    IHttpRequest* request = &fake;
    char first[4];
    char second[4];
    std::memset(first, 'x', sizeof first);
    std::memset(second, 'y', sizeof second);
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(first, sizeof first, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);

    SECTION("the default handler throws MisuseError naming the rule") {
        bool thrown = false;
        try {
            request->ReadEntityBody(second, sizeof second, TRUE, nullptr, &pending);
        } catch (const iisfake::MisuseError& error) {
            thrown = true;
            CHECK(error.report().rule == "REQ-READ-8");
            CHECK(error.report().result == invalid_state_result);
        }
        CHECK(thrown);
    }
    SECTION("a recording handler: ERROR_INVALID_STATE, nothing started") {
        MisuseLog misuse;
        fake.set_misuse_handler(misuse.handler());
        DWORD received = 99;
        pending = TRUE;
        CHECK(request->ReadEntityBody(second, sizeof second, TRUE, &received, &pending) ==
              invalid_state_result);
        CHECK(pending == FALSE);
        CHECK(received == 0u);
        REQUIRE(misuse.seen.size() == 1u);
        CHECK(misuse.seen[0].rule == "REQ-READ-8");
        CHECK(misuse.seen[0].method == "IHttpRequest::ReadEntityBody");
        CHECK(misuse.seen[0].result == invalid_state_result);
        // Through the PFN form too.
        CallbackLog log;
        CHECK(static_cast<IHttpRequest3*>(&fake)->ReadEntityBody(second, sizeof second, TRUE,
                                                                 on_read_completed, &log, nullptr,
                                                                 nullptr) == invalid_state_result);
        CHECK(misuse.seen.size() == 2u);
        CHECK(fake.misuses().size() == 2u);
    }
    CHECK(fake.pending_count() == 1u);
    CHECK(std::string(second, sizeof second) == "yyyy");
    fake.complete_pending();
    CHECK(std::string(first, sizeof first) == "abcd");
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE(
    "REQ-READ-8 REQ-READ-11 §1.7: with full_duplex two reads are outstanding and complete "
    "oldest first",
    "[async]") {
    iisfake::Options options;
    options.full_duplex = true;
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char first[4] = {};
    char second[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(first, sizeof first, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    REQUIRE(request->ReadEntityBody(second, sizeof second, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    CHECK(fake.pending_count() == 2u);
    CHECK(fake.misuses().empty());
    fake.complete_pending();
    CHECK(std::string(first, 4) == "abcd");
    CHECK(fake.pending_count() == 1u);
    fake.complete_pending();
    CHECK(std::string(second, 2) == "ef");
    REQUIRE(sink.seen.size() == 2u);
    CHECK(sink.seen[0].bytes == 4u);
    CHECK(sink.seen[1].bytes == 2u);
}

TEST_CASE("REQ-READ-11: an upgraded connection reads on while GetRemainingEntityBytes() is 0",
          "[async]") {
    // Modelled with a chunked body whose remaining count reads 0 (Options::chunked_remaining):
    // iisnode reads on an upgraded connection regardless of the remaining bytes.
    iisfake::Options options;
    options.full_duplex = true;
    options.chunked_remaining = 0;
    iisfake::FakeHttpRequest fake(post("frame", options).chunked());
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    CHECK(request->GetRemainingEntityBytes() == 0u);
    char buffer[8] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].bytes == 5u);
    CHECK(std::string(buffer, 5) == "frame");
}

// ---- misuse: NULL buffer, zero size, nothing pending, still pending --------------------------

TEST_CASE(
    "REQ-READ-4: an asynchronous read with a NULL buffer or a zero size is misuse, and "
    "nothing goes pending",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    MisuseLog misuse;
    fake.set_misuse_handler(misuse.handler());
    IHttpRequest* request = &fake;
    char buffer[4] = {};
    DWORD received = 99;
    BOOL pending = TRUE;
    SECTION("NULL buffer") {
        CHECK(request->ReadEntityBody(nullptr, 4, TRUE, &received, &pending) == E_INVALIDARG);
    }
    SECTION("zero size") {
        CHECK(request->ReadEntityBody(buffer, 0, TRUE, &received, &pending) == E_INVALIDARG);
    }
    SECTION("NULL buffer, PFN form") {
        CallbackLog log;
        CHECK(static_cast<IHttpRequest3*>(&fake)->ReadEntityBody(
                  nullptr, 4, TRUE, on_read_completed, &log, &received, &pending) == E_INVALIDARG);
        CHECK(log.calls == 0);
    }
    CHECK(pending == FALSE);
    CHECK(received == 0u);
    CHECK_FALSE(fake.has_pending());
    CHECK(fake.completions().empty());
    REQUIRE(misuse.seen.size() == 1u);
    CHECK(misuse.seen[0].rule == "REQ-READ-4");
    CHECK(misuse.seen[0].result == E_INVALIDARG);
    CHECK(request->GetRemainingEntityBytes() == 3u);
}

TEST_CASE("REQ-READ-4: with the default handler a NULL buffer throws MisuseError", "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    IHttpRequest* request = &fake;
    BOOL pending = FALSE;
    REQUIRE_THROWS_AS(request->ReadEntityBody(nullptr, 4, TRUE, nullptr, &pending),
                      iisfake::MisuseError);
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE(
    "T-10: a completion requested when nothing is pending is misuse, and nothing is "
    "delivered",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    std::size_t expected_completions = 0;
    SECTION("default handler: complete_pending throws") {
        REQUIRE_THROWS_AS(fake.complete_pending(), iisfake::MisuseError);
        CHECK(fake.misuses().size() == 1u);
    }
    SECTION("default handler: complete_pending_with throws") {
        REQUIRE_THROWS_AS(fake.complete_pending_with(E_FAIL), iisfake::MisuseError);
        CHECK(fake.misuses().size() == 1u);
    }
    SECTION("recording handler") {
        MisuseLog misuse;
        fake.set_misuse_handler(misuse.handler());
        fake.complete_pending();
        fake.complete_pending_with(E_FAIL, 1u);
        REQUIRE(misuse.seen.size() == 2u);
        CHECK(misuse.seen[0].rule == "T-10");
        CHECK(misuse.seen[1].rule == "T-10");
    }
    SECTION("after the only pending read completed") {
        IHttpRequest* request = &fake;
        char buffer[4] = {};
        BOOL pending = FALSE;
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.complete_pending();
        REQUIRE(sink.seen.size() == 1u);
        sink.seen.clear();
        expected_completions = 1;
        REQUIRE_THROWS_AS(fake.complete_pending(), iisfake::MisuseError);
    }
    CHECK(sink.seen.empty());
    CHECK(fake.completions().size() == expected_completions);
}

TEST_CASE("T-10: expect_nothing_pending reports a read still pending", "[async]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    IHttpRequest* request = &fake;
    REQUIRE_NOTHROW(fake.expect_nothing_pending());
    char buffer[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);

    SECTION("default handler throws") {
        REQUIRE_THROWS_AS(fake.expect_nothing_pending(), iisfake::MisuseError);
    }
    SECTION("recording handler") {
        MisuseLog misuse;
        fake.set_misuse_handler(misuse.handler());
        fake.expect_nothing_pending();
        REQUIRE(misuse.seen.size() == 1u);
        CHECK(misuse.seen[0].rule == "T-10");
        CHECK(misuse.seen[0].method == "FakeHttpRequest::expect_nothing_pending");
    }
    fake.complete_pending();
    REQUIRE_NOTHROW(fake.expect_nothing_pending());
}

TEST_CASE("T-10: destroying the fake with a read pending is reported through the handler",
          "[async]") {
    SECTION("recording handler: reported once, no exception") {
        MisuseLog misuse;
        {
            iisfake::FakeHttpRequest fake(post("abc"));
            fake.set_misuse_handler(misuse.handler());
            char buffer[4] = {};
            BOOL pending = FALSE;
            REQUIRE(static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE,
                                                                    nullptr, &pending) == S_OK);
            REQUIRE(misuse.seen.empty());
        }
        REQUIRE(misuse.seen.size() == 1u);
        CHECK(misuse.seen[0].rule == "T-10");
        CHECK(misuse.seen[0].method == "FakeHttpRequest::~FakeHttpRequest");
    }
    SECTION("default handler: the destructor throws MisuseError") {
        static_assert(!std::is_nothrow_destructible<iisfake::FakeHttpRequest>::value,
                      "the destructor reports through a handler that may throw");
        REQUIRE_THROWS_AS(destroy_with_read_pending(), iisfake::MisuseError);
    }
    SECTION("ignore_misuse: silent") {
        REQUIRE_NOTHROW([] {
            iisfake::FakeHttpRequest fake(post("abc"));
            fake.set_misuse_handler(iisfake::ignore_misuse);
            char buffer[4] = {};
            BOOL pending = FALSE;
            static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr,
                                                            &pending);
        }());
    }
    SECTION("destroyed while another exception unwinds: no second exception, no terminate") {
        bool caught = false;
        try {
            iisfake::FakeHttpRequest fake(post("abc"));
            char buffer[4] = {};
            BOOL pending = FALSE;
            static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr,
                                                            &pending);
            throw std::runtime_error("the test failed elsewhere");
        } catch (const std::runtime_error& error) {
            caught = std::string(error.what()) == "the test failed elsewhere";
        }
        CHECK(caught);
    }
    SECTION("nothing pending: the destructor is silent") {
        REQUIRE_NOTHROW([] {
            iisfake::FakeHttpRequest fake(post("abc"));
            char buffer[4] = {};
            BOOL pending = FALSE;
            static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr,
                                                            &pending);
            fake.complete_pending();
        }());
    }
}

// ---- NegotiateClientCertificate, asynchronous --------------------------------------------------

TEST_CASE(
    "REQ-NEG-1 REQ-READ-5: an asynchronous NegotiateClientCertificate goes pending and "
    "completes through the sink",
    "[async]") {
    iisfake::FakeHttpRequest fake(
        iisfake::RequestBuilder().negotiable_client_certificate("DER-BYTES", 7u));
    SinkLog sink;
    sink.reply = RQ_NOTIFICATION_CONTINUE;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    HTTP_SSL_CLIENT_CERT_INFO* certificate = nullptr;
    BOOL negotiated = TRUE;
    REQUIRE(request->GetClientCertificate(&certificate, &negotiated) == not_found_result);

    BOOL pending = FALSE;
    CHECK(request->NegotiateClientCertificate(TRUE, &pending) == S_OK);
    CHECK(pending == TRUE);
    CHECK(fake.pending_count() == 1u);
    CHECK(sink.seen.empty());
    CHECK(request->GetClientCertificate(&certificate, &negotiated) == not_found_result);

    fake.complete_pending();
    REQUIRE(sink.seen.size() == 1u);
    CHECK(sink.seen[0].status == S_OK);
    CHECK(sink.seen[0].bytes == 0u);
    CHECK(sink.seen[0].operation == 0u);  // not a read
    REQUIRE(request->GetClientCertificate(&certificate, &negotiated) == S_OK);
    REQUIRE(certificate != nullptr);
    CHECK(negotiated == TRUE);
    CHECK(certificate->CertFlags == 7u);
    CHECK(std::string(reinterpret_cast<const char*>(certificate->pCertEncoded),
                      certificate->CertEncodedSize) == "DER-BYTES");
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].operation == 0u);
    CHECK(done[0].returned == RQ_NOTIFICATION_CONTINUE);
}

TEST_CASE("REQ-NEG-1 T-10: asynchronous NegotiateClientCertificate under the other policies",
          "[async]") {
    iisfake::Options options;
    SinkLog sink;
    SECTION("always_inline: done when the call returns, no completion") {
        options.async_policy = iisfake::AsyncPolicy::always_inline;
        iisfake::FakeHttpRequest fake(
            iisfake::RequestBuilder().negotiable_client_certificate("C").options(options));
        fake.set_completion_sink(sink.sink());
        BOOL pending = TRUE;
        CHECK(fake.NegotiateClientCertificate(TRUE, &pending) == S_OK);
        CHECK(pending == FALSE);
        CHECK_FALSE(fake.has_pending());
        CHECK(sink.seen.empty());
        HTTP_SSL_CLIENT_CERT_INFO* certificate = nullptr;
        BOOL negotiated = FALSE;
        CHECK(fake.GetClientCertificate(&certificate, &negotiated) == S_OK);
    }
    SECTION("pfCompletionPending NULL: always a completion, even with an inline policy") {
        options.async_policy = iisfake::AsyncPolicy::always_inline;
        iisfake::FakeHttpRequest fake(
            iisfake::RequestBuilder().negotiable_client_certificate("C").options(options));
        fake.set_completion_sink(sink.sink());
        CHECK(fake.NegotiateClientCertificate(TRUE, nullptr) == S_OK);
        CHECK(fake.pending_count() == 1u);
        fake.complete_pending();
        CHECK(sink.seen.size() == 1u);
    }
    SECTION("complete_before_return: delivered inside the call") {
        options.async_policy = iisfake::AsyncPolicy::complete_before_return;
        iisfake::FakeHttpRequest fake(
            iisfake::RequestBuilder().negotiable_client_certificate("C").options(options));
        fake.set_completion_sink(sink.sink());
        BOOL pending = FALSE;
        CHECK(fake.NegotiateClientCertificate(TRUE, &pending) == S_OK);
        CHECK(pending == TRUE);
        CHECK(sink.seen.size() == 1u);
        CHECK_FALSE(fake.has_pending());
    }
    SECTION("cancelled: ERROR_OPERATION_ABORTED and no certificate") {
        iisfake::FakeHttpRequest fake(
            iisfake::RequestBuilder().negotiable_client_certificate("C").options(options));
        fake.set_completion_sink(sink.sink());
        BOOL pending = FALSE;
        REQUIRE(fake.NegotiateClientCertificate(TRUE, &pending) == S_OK);
        fake.cancel_pending();
        REQUIRE(sink.seen.size() == 1u);
        CHECK(sink.seen[0].status == aborted_result);
        HTTP_SSL_CLIENT_CERT_INFO* certificate = nullptr;
        BOOL negotiated = TRUE;
        CHECK(fake.GetClientCertificate(&certificate, &negotiated) == not_found_result);
        CHECK(certificate == nullptr);
    }
    SECTION("plain HTTP: E_FAIL at once, nothing pending") {
        iisfake::FakeHttpRequest fake(iisfake::RequestBuilder().options(options));
        fake.set_completion_sink(sink.sink());
        BOOL pending = TRUE;
        CHECK(fake.NegotiateClientCertificate(TRUE, &pending) == E_FAIL);
        CHECK(pending == FALSE);
        CHECK_FALSE(fake.has_pending());
        CHECK(sink.seen.empty());
    }
}

TEST_CASE("REQ-NEG-1 REQ-READ-8: a negotiation and a read cannot both be pending", "[async]") {
    iisfake::FakeHttpRequest fake(post("abc").negotiable_client_certificate("C"));
    MisuseLog misuse;
    fake.set_misuse_handler(misuse.handler());
    IHttpRequest* request = &fake;
    char buffer[4] = {};
    BOOL pending = FALSE;
    SECTION("read first") {
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        CHECK(request->NegotiateClientCertificate(TRUE, &pending) == invalid_state_result);
        CHECK(pending == FALSE);
    }
    SECTION("negotiation first") {
        REQUIRE(request->NegotiateClientCertificate(TRUE, &pending) == S_OK);
        CHECK(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) ==
              invalid_state_result);
        CHECK(pending == FALSE);
    }
    REQUIRE(misuse.seen.size() == 1u);
    CHECK(misuse.seen[0].rule == "REQ-READ-8");
    CHECK(fake.pending_count() == 1u);
    fake.complete_pending();
    CHECK_FALSE(fake.has_pending());
}

// ---- threaded delivery ---------------------------------------------------------------------

TEST_CASE(
    "§1.7 T-10: deliver_on_thread completes on a second thread; wait_for_completions "
    "joins it",
    "[async][threaded]") {
    iisfake::FakeHttpRequest fake(post("hello world"));
    fake.deliver_on_thread();
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char buffer[5];
    std::memset(buffer, 'x', sizeof buffer);
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();
    fake.wait_for_completions();

    REQUIRE(sink.seen.size() == 1u);
    const bool other_thread = sink.seen[0].thread != std::this_thread::get_id();
    CHECK(other_thread);
    CHECK(sink.seen[0].bytes == 5u);
    CHECK(sink.seen[0].status == S_OK);
    CHECK(sink.seen[0].operation == 1u);
    CHECK(std::string(buffer, sizeof buffer) == "hello");
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].bytes == 5u);
    CHECK(done[0].delivered);
    CHECK_FALSE(fake.has_pending());
    REQUIRE_NOTHROW(fake.wait_for_completions());  // nothing left: returns at once

    SECTION("deliver_on_thread(false) goes back to delivery on the calling thread") {
        fake.deliver_on_thread(false);
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.complete_pending();
        REQUIRE(sink.seen.size() == 2u);
        CHECK(sink.seen[1].thread == std::this_thread::get_id());
        CHECK(std::string(buffer, sizeof buffer) == " worl");
    }
}

TEST_CASE("REQ-R3-1 §1.7: a PFN_ASYNC_COMPLETION callback runs on the completion thread",
          "[async][threaded]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    fake.deliver_on_thread();
    ContextStandIn stand_in{};
    fake.set_http_context(as_context(stand_in));
    IHttpRequest3* request = &fake;
    char buffer[4] = {};
    CallbackLog log;
    log.buffer = buffer;
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, nullptr,
                                    &pending) == S_OK);
    fake.complete_pending();
    fake.wait_for_completions();
    CHECK(log.calls == 1);
    const bool other_thread = log.thread != std::this_thread::get_id();
    CHECK(other_thread);
    CHECK(log.context == as_context(stand_in));
    CHECK(log.completion_context == static_cast<void*>(&log));
    CHECK(log.buffer_at_callback == "abc");
    CHECK(fake.completions().size() == 1u);
}

TEST_CASE(
    "§1.7: an exception thrown by the sink on the completion thread is rethrown by "
    "wait_for_completions, once",
    "[async][threaded]") {
    iisfake::FakeHttpRequest fake(post("abc"));
    fake.deliver_on_thread();
    fake.set_completion_sink([](IHttpCompletionInfo*) -> REQUEST_NOTIFICATION_STATUS {
        throw std::runtime_error("module failed on the pool thread");
    });
    char buffer[4] = {};
    BOOL pending = FALSE;
    REQUIRE(static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr,
                                                            &pending) == S_OK);
    REQUIRE_NOTHROW(fake.complete_pending());  // the exception stays on the other thread
    bool rethrown = false;
    try {
        fake.wait_for_completions();
    } catch (const std::runtime_error& error) {
        rethrown = std::string(error.what()) == "module failed on the pool thread";
    }
    CHECK(rethrown);
    REQUIRE_NOTHROW(fake.wait_for_completions());
    CHECK_FALSE(fake.has_pending());
}

TEST_CASE(
    "§1.7 REQ-READ-8: misuse by the sink on the completion thread reaches "
    "wait_for_completions",
    "[async][threaded]") {
    iisfake::Options options;
    options.full_duplex = false;
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    fake.deliver_on_thread();
    IHttpRequest* request = &fake;
    char first[2] = {};
    char second[2] = {};
    char third[2] = {};
    // The first completion starts two reads: the second is misuse (REQ-READ-8). The read that
    // did start completes to the same sink (the one set when it started), which then stops.
    bool first_completion = true;
    fake.set_completion_sink([&](IHttpCompletionInfo*) {
        if (!first_completion) return RQ_NOTIFICATION_CONTINUE;
        first_completion = false;
        BOOL pending = FALSE;
        request->ReadEntityBody(second, sizeof second, TRUE, nullptr, &pending);
        request->ReadEntityBody(third, sizeof third, TRUE, nullptr, &pending);
        return RQ_NOTIFICATION_PENDING;
    });
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(first, sizeof first, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending();
    REQUIRE_THROWS_AS(fake.wait_for_completions(), iisfake::MisuseError);
    REQUIRE(fake.misuses().size() == 1u);
    CHECK(fake.misuses()[0].rule == "REQ-READ-8");
    CHECK(fake.pending_count() == 1u);
    fake.complete_pending();
    fake.wait_for_completions();
    CHECK(std::string(second, 2) == "cd");
}

TEST_CASE(
    "REQ-READ-5 REQ-READ-6 T-10 T-11 §1.7: a module reads its body to EOF with completions "
    "on another thread, under every policy",
    "[async][threaded]") {
    iisfake::Options options;
    SECTION("always_pending") { options = with_policy(iisfake::AsyncPolicy::always_pending); }
    SECTION("always_pending, EOF as a completion") {
        options = with_policy(iisfake::AsyncPolicy::always_pending);
        options.async_eof = iisfake::AsyncEof::completion;
    }
    SECTION("alternate") { options = with_policy(iisfake::AsyncPolicy::alternate); }
    SECTION("scripted") {
        options = with_policy(iisfake::AsyncPolicy::scripted);
        options.async_script = {false, true, true, false};
    }
    SECTION("complete_before_return: completions may run before the notification returns") {
        options = with_policy(iisfake::AsyncPolicy::complete_before_return);
    }
    SECTION("complete_before_return, EOF as a completion") {
        options = with_policy(iisfake::AsyncPolicy::complete_before_return);
        options.async_eof = iisfake::AsyncEof::completion;
    }
    iisfake::FakeHttpRequest fake(post(body_text, options));
    fake.deliver_on_thread();
    ReadingModule module(&fake, 4u);
    fake.set_completion_sink(module.sink());

    const REQUEST_NOTIFICATION_STATUS first = module.OnExecuteRequestHandler();
    drive_threaded(fake);

    CHECK(first == RQ_NOTIFICATION_PENDING);
    CHECK(module.finished);
    CHECK(module.failure == S_OK);
    CHECK(module.body == body_text);
    CHECK(module.reads == 6);
    CHECK(module.inline_reads + module.pending_reads + module.eof_returns == module.reads);
    CHECK(module.eof_returns + module.eof_completions == 1);
    CHECK(module.eof_completions == (options.async_eof == iisfake::AsyncEof::completion ? 1 : 0));
    CHECK(module.completions == module.pending_reads);
    const auto done = fake.completions();
    REQUIRE(done.size() == static_cast<std::size_t>(module.completions));
    DWORD total = 0;
    for (const auto& completion : done) {
        total += completion.bytes;
        CHECK(completion.delivered);
        CHECK(completion.operation == 1u);
    }
    CHECK(total + module.inline_bytes == 19u);
    CHECK_FALSE(fake.has_pending());
    REQUIRE_NOTHROW(fake.expect_nothing_pending());
}

TEST_CASE("§1.7: the destructor waits for a completion still running on its thread",
          "[async][threaded]") {
    std::atomic<int> delivered{0};
    char buffer[4] = {};  // outlives the fake: the completion still writes into it
    {
        iisfake::FakeHttpRequest fake(post("abc"));
        fake.deliver_on_thread();
        fake.set_completion_sink([&delivered](IHttpCompletionInfo* info) {
            delivered.store(static_cast<int>(info->GetCompletionBytes()));
            return RQ_NOTIFICATION_CONTINUE;
        });
        BOOL pending = FALSE;
        REQUIRE(static_cast<IHttpRequest&>(fake).ReadEntityBody(buffer, sizeof buffer, TRUE,
                                                                nullptr, &pending) == S_OK);
        fake.complete_pending();
    }
    CHECK(delivered.load() == 3);
    CHECK(std::string(buffer, 3) == "abc");
}

TEST_CASE("REQ-CI-3 §1.7: cancel_pending with threaded delivery", "[async][threaded]") {
    iisfake::Options options;
    options.full_duplex = true;
    iisfake::FakeHttpRequest fake(post("abcdef", options));
    fake.deliver_on_thread();
    SinkLog sink;
    fake.set_completion_sink(sink.sink());
    IHttpRequest* request = &fake;
    char first[4] = {};
    char second[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(first, sizeof first, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(request->ReadEntityBody(second, sizeof second, TRUE, nullptr, &pending) == S_OK);
    fake.cancel_pending();
    fake.wait_for_completions();
    CHECK_FALSE(fake.has_pending());
    REQUIRE(sink.seen.size() == 2u);
    CHECK(sink.seen[0].status == aborted_result);
    CHECK(sink.seen[1].status == aborted_result);
    CHECK(fake.completions().size() == 2u);
}

// ---- hardening: flat stacks, completions within their buffers, sinks set too late --------------

namespace {

// Reads again from inside each completion, as a module that streams a body does, and records
// how deeply its completions nest on the stack.
class NestingReader {
public:
    explicit NestingReader(IHttpRequest* request) : request_(request) {}

    REQUEST_NOTIFICATION_STATUS start() { return read(); }

    REQUEST_NOTIFICATION_STATUS on_completion(IHttpCompletionInfo* info) {
        ++depth_;
        if (depth_ > deepest) deepest = depth_;
        REQUEST_NOTIFICATION_STATUS status = RQ_NOTIFICATION_CONTINUE;
        if (info->GetCompletionStatus() == S_OK) {
            for (DWORD i = 0; i < info->GetCompletionBytes(); ++i)
                checksum = checksum * 31u + static_cast<unsigned char>(buffer_[i]);
            bytes += info->GetCompletionBytes();
            status = read();
        } else {
            finished = info->GetCompletionStatus() == eof_result;
        }
        --depth_;
        return status;
    }

    ULONGLONG bytes = 0;
    unsigned checksum = 0;
    std::size_t deepest = 0;
    bool finished = false;

private:
    REQUEST_NOTIFICATION_STATUS read() {
        DWORD received = 0;
        BOOL pending = FALSE;
        const HRESULT hr = request_->ReadEntityBody(buffer_, sizeof buffer_, TRUE, &received,
                                                    &pending);
        if (hr == eof_result) {
            finished = true;
            return RQ_NOTIFICATION_CONTINUE;
        }
        return pending ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_FINISH_REQUEST;
    }

    IHttpRequest* request_;
    char buffer_[16];
    std::size_t depth_ = 0;
};

}  // namespace

TEST_CASE(
    "T-10, REQ-READ-5: complete_before_return keeps the stack flat: a 16 MiB body read 16 "
    "bytes at a time, reading again from each completion, completes",
    "[async]") {
    const ULONGLONG size = 16ull << 20;
    iisfake::Options options = with_policy(iisfake::AsyncPolicy::complete_before_return);
    options.record_calls = false;
    iisfake::FakeHttpRequest fake(iisfake::RequestBuilder()
                                      .method("POST")
                                      .body(size,
                                            [](ULONGLONG offset, void* out, DWORD count) {
                                                auto* bytes = static_cast<unsigned char*>(out);
                                                for (DWORD i = 0; i < count; ++i)
                                                    bytes[i] = static_cast<unsigned char>(
                                                        (offset + i) % 251u);
                                            })
                                      .options(options));
    NestingReader reader(&fake);
    fake.set_completion_sink(
        [&reader](IHttpCompletionInfo* info) { return reader.on_completion(info); });

    CHECK(reader.start() == RQ_NOTIFICATION_PENDING);
    CHECK(reader.finished);
    CHECK(reader.bytes == size);
    unsigned expected = 0;
    for (ULONGLONG i = 0; i < size; ++i)
        expected = expected * 31u + static_cast<unsigned>(i % 251u);
    CHECK(reader.checksum == expected);
    // The first completions still run inside the read that started them; none nests deeper
    // than a few levels.
    CHECK(reader.deepest > 1u);
    CHECK(reader.deepest <= 8u);
    CHECK_FALSE(fake.has_pending());
    CHECK(fake.completions().size() == size / 16);
}

TEST_CASE(
    "REQ-CI-2: complete_pending_with cannot report more bytes than the pending read's buffer "
    "holds; the read stays pending",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abcdefgh"));
    IHttpRequest* request = &fake;
    SinkLog log;
    fake.set_completion_sink(log.sink());
    char buffer[4];
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    CHECK_THROWS_AS(fake.complete_pending_with(S_OK, 1000), std::invalid_argument);
    CHECK_THROWS_AS(fake.complete_pending_with(S_OK, 5), std::invalid_argument);
    CHECK(fake.has_pending());
    CHECK(log.seen.empty());
    fake.complete_pending_with(S_OK, 4);  // the whole buffer is fine
    REQUIRE(log.seen.size() == 1u);
    CHECK(log.seen[0].bytes == 4u);
}

TEST_CASE(
    "REQ-READ-5: a read started before any sink was set, completed once a sink is set, is "
    "reported: in IIS it would resume the module, here it would be dropped",
    "[async]") {
    iisfake::FakeHttpRequest fake(post("abcd"));
    MisuseLog misuses;
    fake.set_misuse_handler(misuses.handler());
    IHttpRequest* request = &fake;
    char buffer[4];
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    SinkLog log;
    fake.set_completion_sink(log.sink());
    fake.complete_pending();
    CHECK(log.seen.empty());  // the sink in force when the read started (none) is the one used
    REQUIRE(misuses.seen.size() == 1u);
    CHECK(misuses.seen[0].rule == "REQ-READ-5");
    CHECK(fake.completions().back().delivered == false);

    // Without any sink (a test that only inspects the buffer) nothing is reported.
    iisfake::FakeHttpRequest quiet(post("abcd"));
    request = &quiet;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    REQUIRE_NOTHROW(quiet.complete_pending());
    CHECK(std::string(buffer, 4) == "abcd");
    CHECK(quiet.misuses().empty());
}
