// FakeHttpCompletionInfo (spec §1.5, §1.6; traps T-1, T-23): the IHttpCompletionInfo2 a
// completion hands to module code. Checked on its own, then as module code receives it from a
// FakeHttpRequest completion: through IHttpCompletionInfo*, cast to IHttpCompletionInfo2* without
// asking, GetCompletedOperation() == 1 for a read.
#include <string>
#include <type_traits>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

constexpr HRESULT eof_result = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
constexpr HRESULT aborted_result = HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED);

// What a completion sink saw, read through the interfaces exactly as module code reads it.
struct Seen {
    DWORD bytes;
    HRESULT status;
    DWORD operation;
};

iisfake::CompletionSink recording_sink(std::vector<Seen>& seen) {
    return [&seen](IHttpCompletionInfo* info) {
        // iisnode / ANCM: the IHttpCompletionInfo* of OnAsyncCompletion used as the derived type.
        const auto* info2 = static_cast<IHttpCompletionInfo2*>(info);
        seen.push_back(Seen{info->GetCompletionBytes(), info->GetCompletionStatus(),
                            info2->GetCompletedOperation()});
        return RQ_NOTIFICATION_CONTINUE;
    };
}

iisfake::Options pending_reads() {
    iisfake::Options options;
    options.async_policy = iisfake::AsyncPolicy::always_pending;
    return options;
}

}  // namespace

TEST_CASE(
    "REQ-CI-4 T-1 T-23: FakeHttpCompletionInfo is an IHttpCompletionInfo2 by single "
    "inheritance",
    "[completion_info][async]") {
    static_assert(std::is_base_of<IHttpCompletionInfo2, iisfake::FakeHttpCompletionInfo>::value,
                  "the completion object must be the most-derived interface");
    static_assert(std::is_base_of<IHttpCompletionInfo, IHttpCompletionInfo2>::value,
                  "IHttpCompletionInfo2 derives from IHttpCompletionInfo");
    static_assert(std::is_polymorphic<iisfake::FakeHttpCompletionInfo>::value, "virtual methods");

    iisfake::FakeHttpCompletionInfo info(42u, S_OK, iisfake::completed_operation::read);
    IHttpCompletionInfo* base = &info;
    // The cast real modules make without QueryInterface must land on the same object.
    auto* derived = static_cast<IHttpCompletionInfo2*>(base);
    CHECK(static_cast<void*>(derived) == static_cast<void*>(&info));
    CHECK(base->GetCompletionBytes() == 42u);
    CHECK(base->GetCompletionStatus() == S_OK);
    CHECK(derived->GetCompletedOperation() == 1u);
}

TEST_CASE("REQ-CI-1 §1.6: FakeHttpCompletionInfo defaults and named operation codes",
          "[completion_info][async]") {
    // The only operation code known from public module code is 1 = a ReadEntityBody read.
    static_assert(iisfake::completed_operation::read == 1u, "1 = read (iisnode)");
    static_assert(iisfake::completed_operation::other == 0u, "unpublished codes default to 0");

    SECTION("default constructed: 0 bytes, S_OK, operation 'other' (0)") {
        const iisfake::FakeHttpCompletionInfo info;
        CHECK(info.GetCompletionBytes() == 0u);
        CHECK(info.GetCompletionStatus() == S_OK);
        CHECK(info.GetCompletedOperation() == iisfake::completed_operation::other);
        CHECK(info.GetCompletedOperation() == 0u);
    }
    SECTION("bytes and status given: the operation defaults to a read") {
        const iisfake::FakeHttpCompletionInfo info(7u, eof_result);
        CHECK(info.GetCompletionBytes() == 7u);
        CHECK(info.GetCompletionStatus() == eof_result);
        CHECK(info.GetCompletedOperation() == iisfake::completed_operation::read);
    }
    SECTION("every value explicit") {
        const iisfake::FakeHttpCompletionInfo info(0u, aborted_result, 9u);
        CHECK(info.GetCompletionBytes() == 0u);
        CHECK(info.GetCompletionStatus() == aborted_result);
        CHECK(info.GetCompletedOperation() == 9u);
    }
}

TEST_CASE("REQ-CI-2 REQ-CI-3: FakeHttpCompletionInfo knobs change what the interface reports",
          "[completion_info][async]") {
    iisfake::FakeHttpCompletionInfo info;
    info.set_bytes(123u);
    info.set_status(E_FAIL);
    info.set_operation(iisfake::completed_operation::read);
    // Read through a const pointer to the interface: the three getters are const (spec §1.1).
    const IHttpCompletionInfo2* view = &info;
    CHECK(view->GetCompletionBytes() == 123u);
    CHECK(view->GetCompletionStatus() == E_FAIL);
    CHECK(view->GetCompletedOperation() == 1u);

    // Copies are independent values.
    iisfake::FakeHttpCompletionInfo copy = info;
    copy.set_bytes(1u);
    CHECK(info.GetCompletionBytes() == 123u);
    CHECK(copy.GetCompletionBytes() == 1u);
    CHECK(copy.GetCompletionStatus() == E_FAIL);
}

TEST_CASE(
    "REQ-CI-1 REQ-CI-2 REQ-CI-4 T-23: a read completion hands the sink an "
    "IHttpCompletionInfo2 with the bytes read, S_OK and operation 1",
    "[completion_info][async]") {
    iisfake::FakeHttpRequest fake(
        iisfake::RequestBuilder().method("POST").body("hello world").options(pending_reads()));
    std::vector<Seen> seen;
    fake.set_completion_sink(recording_sink(seen));
    IHttpRequest* request = &fake;

    char buffer[5] = {};
    DWORD received = 99;
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, &received, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    CHECK(seen.empty());
    fake.complete_pending();

    REQUIRE(seen.size() == 1u);
    CHECK(seen[0].bytes == 5u);
    CHECK(seen[0].status == S_OK);
    CHECK(seen[0].operation == 1u);
    CHECK(std::string(buffer, sizeof buffer) == "hello");
    // The fake's own record agrees with what the module saw.
    const auto done = fake.completions();
    REQUIRE(done.size() == 1u);
    CHECK(done[0].bytes == 5u);
    CHECK(done[0].status == S_OK);
    CHECK(done[0].operation == 1u);
    CHECK(done[0].delivered);
    CHECK_FALSE(done[0].to_callback);
}

TEST_CASE("REQ-CI-3 T-11 T-23: completion statuses are the HRESULTs IIS reports",
          "[completion_info][async]") {
    iisfake::Options options = pending_reads();
    options.async_eof = iisfake::AsyncEof::completion;
    iisfake::FakeHttpRequest fake(
        iisfake::RequestBuilder().method("POST").body("abc").options(options));
    std::vector<Seen> seen;
    fake.set_completion_sink(recording_sink(seen));
    IHttpRequest* request = &fake;
    char buffer[8] = {};
    BOOL pending = FALSE;

    SECTION("end of body: HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) == 0x80070026 with 0 bytes") {
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.complete_pending();
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        REQUIRE(pending == TRUE);
        fake.complete_pending();
        REQUIRE(seen.size() == 2u);
        CHECK(seen[0].bytes == 3u);
        CHECK(seen[0].status == S_OK);
        CHECK(seen[1].bytes == 0u);
        CHECK(seen[1].status == eof_result);
        CHECK(static_cast<DWORD>(seen[1].status) == 0x80070026u);
        CHECK(seen[1].operation == 1u);
    }
    SECTION("cancelled: HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED) == 0x800703E3, 0 bytes") {
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.cancel_pending();
        REQUIRE(seen.size() == 1u);
        CHECK(seen[0].bytes == 0u);
        CHECK(seen[0].status == aborted_result);
        CHECK(static_cast<DWORD>(seen[0].status) == 0x800703E3u);
        CHECK(seen[0].operation == 1u);
    }
    SECTION("an injected error and byte count reach the module unchanged") {
        REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
        fake.complete_pending_with(HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID), 2u);
        REQUIRE(seen.size() == 1u);
        CHECK(seen[0].bytes == 2u);
        CHECK(seen[0].status == HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        CHECK(seen[0].operation == 1u);
    }
}

TEST_CASE("§1.6 REQ-CI-4: Options::read_operation_code and other_operation_code, both settings",
          "[completion_info][async]") {
    iisfake::Options options = pending_reads();
    bool custom = false;
    SECTION("defaults: a read is 1, a certificate negotiation is 0") { custom = false; }
    SECTION("overridden by the test") {
        custom = true;
        options.read_operation_code = 11u;
        options.other_operation_code = 22u;
    }
    CAPTURE(custom);
    iisfake::FakeHttpRequest fake(iisfake::RequestBuilder()
                                      .method("POST")
                                      .body("xy")
                                      .negotiable_client_certificate("DER")
                                      .options(options));
    std::vector<Seen> seen;
    fake.set_completion_sink(recording_sink(seen));
    IHttpRequest* request = &fake;
    char buffer[4] = {};
    BOOL pending = FALSE;
    REQUIRE(request->ReadEntityBody(buffer, sizeof buffer, TRUE, nullptr, &pending) == S_OK);
    fake.complete_pending();
    REQUIRE(request->NegotiateClientCertificate(TRUE, &pending) == S_OK);
    REQUIRE(pending == TRUE);
    fake.complete_pending();

    REQUIRE(seen.size() == 2u);
    CHECK(seen[0].operation == (custom ? 11u : 1u));
    CHECK(seen[1].operation == (custom ? 22u : 0u));
    const auto done = fake.completions();
    REQUIRE(done.size() == 2u);
    CHECK(done[0].operation == seen[0].operation);
    CHECK(done[1].operation == seen[1].operation);
}
