// Synchronous entity-body behaviour of iisfake::FakeHttpRequest, driven through IHttpRequest*
// (and IHttpRequest3*/IHttpRequest4*): ReadEntityBody with fAsync == FALSE, short reads, EOF as
// HRESULT_FROM_WIN32(ERROR_HANDLE_EOF), GetRemainingEntityBytes (chunked and inserted bytes),
// InsertEntityBody read lazily from the caller's memory, generated bodies, client disconnects
// (spec §1.2 REQ-READ-1..4, REQ-READ-9, REQ-INS, REQ-REM, §1.4; traps T-3, T-11).
// Asynchronous reads are tested elsewhere.
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpRequest;
using iisfake::RequestBuilder;

constexpr HRESULT eof = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
constexpr DWORD untouched = 0xDEADBEEFu;

struct Read {
    HRESULT hr;
    DWORD bytes;
    std::string data;  // the first `bytes` bytes of the buffer
};

// One synchronous read through the IHttpRequest form, as module code makes it.
Read read_sync(IHttpRequest* request, DWORD capacity) {
    std::string buffer(capacity, '\x7F');
    DWORD received = untouched;
    const HRESULT hr = request->ReadEntityBody(&buffer[0], capacity, FALSE, &received);
    const std::size_t kept = received <= capacity ? received : 0;
    return Read{hr, received, buffer.substr(0, kept)};
}

// The docs' loop: read while GetRemainingEntityBytes() says there is more.
std::string read_while_remaining(IHttpRequest* request, DWORD capacity) {
    std::string body;
    int guard = 0;
    while (request->GetRemainingEntityBytes() > 0 && guard++ < 10000) {
        const Read r = read_sync(request, capacity);
        REQUIRE(r.hr == S_OK);
        body += r.data;
    }
    return body;
}

// ANCM's loop: read until EOF.
std::string read_until_eof(IHttpRequest* request, DWORD capacity) {
    std::string body;
    for (int guard = 0; guard < 10000; ++guard) {
        const Read r = read_sync(request, capacity);
        if (r.hr == eof) {
            CHECK(r.bytes == 0);
            return body;
        }
        REQUIRE(r.hr == S_OK);
        body += r.data;
    }
    const bool reached_eof = false;
    INFO("no EOF after 10000 reads");
    CHECK(reached_eof);
    return body;
}

unsigned char pattern_byte(ULONGLONG offset) { return static_cast<unsigned char>(offset % 251u); }

}  // namespace

TEST_CASE(
    "REQ-READ-3, REQ-REM-1, T-11: a request without a body reads as EOF at once, with 0 "
    "bytes",
    "[fake_request][body][sync]") {
    FakeHttpRequest fake;  // GET
    IHttpRequest* request = &fake;
    CHECK(eof == static_cast<HRESULT>(0x80070026u));
    CHECK(request->GetRemainingEntityBytes() == 0);
    CHECK(request->GetHeader(HttpHeaderContentLength) == nullptr);

    char buffer[16];
    std::memset(buffer, 'x', sizeof buffer);
    DWORD received = untouched;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, FALSE, &received) == eof);
    CHECK(received == 0);
    CHECK(std::string(buffer, sizeof buffer) == std::string(sizeof buffer, 'x'));

    // And again: EOF is sticky, never S_OK with 0 bytes.
    received = untouched;
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, FALSE, &received) == eof);
    CHECK(received == 0);
    CHECK(fake.body_consumed() == 0);
}

TEST_CASE(
    "REQ-READ-1, REQ-READ-2, REQ-READ-3, REQ-REM-1, REQ-REM-2: reads return the body in "
    "order, the last byte with S_OK, then EOF",
    "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().method("POST").body("hello world"));
    IHttpRequest* request = &fake;
    CHECK(std::strcmp(request->GetHeader(HttpHeaderContentLength), "11") == 0);
    CHECK((request->GetRawHttpRequest()->Flags & HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) != 0);
    CHECK(request->GetRemainingEntityBytes() == 11);

    Read r = read_sync(request, 4);
    CHECK(r.hr == S_OK);
    CHECK(r.bytes == 4);
    CHECK(r.data == "hell");
    CHECK(request->GetRemainingEntityBytes() == 7);

    r = read_sync(request, 4);
    CHECK(r.hr == S_OK);
    CHECK(r.data == "o wo");
    CHECK(request->GetRemainingEntityBytes() == 3);

    r = read_sync(request, 4);  // the last bytes: S_OK, fewer than asked
    CHECK(r.hr == S_OK);
    CHECK(r.bytes == 3);
    CHECK(r.data == "rld");
    CHECK(request->GetRemainingEntityBytes() == 0);
    CHECK(fake.body_consumed() == 11);

    r = read_sync(request, 4);  // EOF on the following call
    CHECK(r.hr == eof);
    CHECK(r.bytes == 0);
    CHECK(request->GetRemainingEntityBytes() == 0);
}

TEST_CASE(
    "REQ-READ-2: read_sizes make short reads; the docs' loop and ANCM's loop both get the "
    "whole body",
    "[fake_request][body][sync]") {
    SECTION("from the builder") {
        FakeHttpRequest fake(RequestBuilder().body("abcdefghij").read_sizes({2, 3}));
        IHttpRequest* request = &fake;
        const char* const expected[] = {"ab", "cde", "fg", "hij"};
        const DWORD remaining[] = {8, 5, 3, 0};
        for (int i = 0; i < 4; ++i) {
            CAPTURE(i);
            const Read r = read_sync(request, 100);
            CHECK(r.hr == S_OK);
            CHECK(r.data == expected[i]);
            CHECK(request->GetRemainingEntityBytes() == remaining[i]);
        }
        CHECK(read_sync(request, 100).hr == eof);
    }
    SECTION("a cap larger than the buffer leaves the buffer the limit") {
        FakeHttpRequest fake(RequestBuilder().body("abcdefghij").read_sizes({8}));
        IHttpRequest* request = &fake;
        const Read r = read_sync(request, 3);
        CHECK(r.bytes == 3);
        CHECK(r.data == "abc");
    }
    SECTION("set_read_sizes on a live fake, docs' loop") {
        FakeHttpRequest fake(RequestBuilder().body("abcdefghij"));
        IHttpRequest* request = &fake;
        fake.set_read_sizes({1});
        CHECK(read_sync(request, 100).data == "a");
        CHECK(read_sync(request, 100).data == "b");
        CHECK(read_while_remaining(request, 100) == "cdefghij");
        CHECK(read_sync(request, 100).hr == eof);
    }
    SECTION("ANCM's loop until EOF") {
        FakeHttpRequest fake(RequestBuilder().body("abcdefghij").read_sizes({3}));
        IHttpRequest* request = &fake;
        CHECK(read_until_eof(request, 100) == "abcdefghij");
    }
}

TEST_CASE("REQ-READ-9: a synchronous read with NULL pcbBytesReceived is tolerated",
          "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("0123456789"));
    IHttpRequest* request = &fake;
    char buffer[4];
    CHECK(request->ReadEntityBody(buffer, sizeof buffer, FALSE, nullptr) == S_OK);
    CHECK(std::string(buffer, 4) == "0123");
    CHECK(fake.body_consumed() == 4);
    CHECK(request->GetRemainingEntityBytes() == 6);
}

TEST_CASE(
    "REQ-READ-3, T-11: a client that disconnects right after the whole body has sent it: the "
    "next read is EOF, not a disconnect",
    "[fake_request][body][sync]") {
    const HRESULT aborted = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED);
    SECTION("at the end of the body: EOF") {
        for (const ULONGLONG at : {4ull, 5ull, 100ull}) {
            CAPTURE(at);
            FakeHttpRequest fake(RequestBuilder().body("abcd").disconnect_after(at));
            IHttpRequest* request = &fake;
            CHECK(read_until_eof(request, 16) == "abcd");
            CHECK(request->GetRemainingEntityBytes() == 0u);
        }
    }
    SECTION("one byte before the end: the disconnect") {
        FakeHttpRequest fake(RequestBuilder().body("abcd").disconnect_after(3));
        IHttpRequest* request = &fake;
        const Read first = read_sync(request, 16);
        CHECK(first.data == "abc");
        CHECK(read_sync(request, 16).hr == aborted);
    }
    SECTION("the body ends where the client stopped, short of its Content-Length") {
        FakeHttpRequest fake(
            RequestBuilder().header("Content-Length", "10").body("abcd").disconnect_after(4));
        IHttpRequest* request = &fake;
        CHECK(read_sync(request, 16).data == "abcd");
        CHECK(read_sync(request, 16).hr == aborted);
    }
    SECTION("asynchronously, too") {
        FakeHttpRequest fake(RequestBuilder().body("abcd").disconnect_after(4));
        IHttpRequest* request = &fake;
        char buffer[16];
        DWORD received = 0;
        BOOL pending = FALSE;
        fake.set_completion_sink([](IHttpCompletionInfo*) { return RQ_NOTIFICATION_PENDING; });
        REQUIRE(request->ReadEntityBody(buffer, 16, TRUE, &received, &pending) == S_OK);
        REQUIRE(pending == TRUE);
        fake.complete_pending();
        CHECK(fake.completions().back().bytes == 4u);
        CHECK(request->ReadEntityBody(buffer, 16, TRUE, &received, &pending) == eof);
    }
}

TEST_CASE(
    "STYLE-2: a generated body needs a generator; RequestBuilder::body(n, nullptr) throws "
    "std::invalid_argument",
    "[fake_request][body][sync]") {
    CHECK_THROWS_AS(RequestBuilder().body(1, nullptr), std::invalid_argument);
    CHECK_THROWS_AS(RequestBuilder().body(1ull << 40, iisfake::BodyGenerator()),
                    std::invalid_argument);
    FakeHttpRequest empty(RequestBuilder().body(0, nullptr));  // no bytes, nothing to make
    IHttpRequest* request = &empty;
    CHECK(read_sync(request, 8).hr == eof);
}

TEST_CASE(
    "REQ-READ-4: disconnect_after makes reads past that point fail with the injected "
    "error",
    "[fake_request][body][sync]") {
    SECTION("default: HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)") {
        FakeHttpRequest fake(RequestBuilder().body("0123456789"));
        IHttpRequest* request = &fake;
        fake.disconnect_after(4);
        Read r = read_sync(request, 100);
        CHECK(r.hr == S_OK);
        CHECK(r.data == "0123");
        r = read_sync(request, 100);
        CHECK(r.hr == HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
        CHECK(r.hr == static_cast<HRESULT>(0x800704D4u));
        CHECK(r.bytes == 0);
        CHECK(read_sync(request, 100).hr == HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
        // The announced bytes never arrived.
        CHECK(request->GetRemainingEntityBytes() == 6);
        CHECK(fake.body_consumed() == 4);
    }
    SECTION("a chosen error, before any byte") {
        FakeHttpRequest fake(RequestBuilder().body("0123456789"));
        IHttpRequest* request = &fake;
        fake.disconnect_after(0, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID));
        const Read r = read_sync(request, 100);
        CHECK(r.hr == static_cast<HRESULT>(0x800704CDu));
        CHECK(r.bytes == 0);
        CHECK(fake.body_consumed() == 0);
    }
}

TEST_CASE(
    "REQ-REM-2, REQ-READ-1: a chunked body reads decoded and reports chunked_remaining "
    "until its end",
    "[fake_request][body][sync]") {
    SECTION("chunked_remaining = 0xFFFFFFFF (default)") {
        FakeHttpRequest fake(RequestBuilder().method("POST").body("chunk-data").chunked());
        IHttpRequest* request = &fake;
        CHECK(fake.options().chunked_remaining == 0xFFFFFFFFu);
        CHECK(request->GetHeader(HttpHeaderContentLength) == nullptr);
        REQUIRE(request->GetHeader(HttpHeaderTransferEncoding) != nullptr);
        CHECK(std::strcmp(request->GetHeader(HttpHeaderTransferEncoding), "chunked") == 0);

        CHECK(request->GetRemainingEntityBytes() == 0xFFFFFFFFu);
        CHECK(read_sync(request, 6).data == "chunk-");
        CHECK(request->GetRemainingEntityBytes() == 0xFFFFFFFFu);
        const Read last = read_sync(request, 100);
        CHECK(last.hr == S_OK);
        CHECK(last.data == "data");
        CHECK(request->GetRemainingEntityBytes() == 0);
        CHECK(read_sync(request, 100).hr == eof);
    }
    SECTION("chunked_remaining = 1") {
        iisfake::Options knobs;
        knobs.chunked_remaining = 1;
        FakeHttpRequest fake(RequestBuilder().body("chunk-data").chunked().options(knobs));
        IHttpRequest* request = &fake;
        CHECK(request->GetRemainingEntityBytes() == 1);
        CHECK(read_while_remaining(request, 3) == "chunk-data");
        CHECK(request->GetRemainingEntityBytes() == 0);
        fake.options().chunked_remaining = 123;  // changed on the live fake: still 0 at the end
        CHECK(request->GetRemainingEntityBytes() == 0);
    }
    SECTION("an empty chunked body") {
        FakeHttpRequest fake(RequestBuilder().method("POST").chunked());
        IHttpRequest* request = &fake;
        CHECK(request->GetRemainingEntityBytes() == 0);
        CHECK(read_sync(request, 10).hr == eof);
    }
}

TEST_CASE(
    "REQ-READ-1, REQ-REM-2: generated bodies are produced on demand; more than 4 GiB "
    "reports 0xFFFFFFFF remaining",
    "[fake_request][body][sync]") {
    std::vector<ULONGLONG> offsets;
    std::vector<DWORD> counts;
    auto generate = [&offsets, &counts](ULONGLONG offset, void* out, DWORD count) {
        offsets.push_back(offset);
        counts.push_back(count);
        auto* bytes = static_cast<unsigned char*>(out);
        for (DWORD i = 0; i < count; ++i) bytes[i] = pattern_byte(offset + i);
    };

    SECTION("5 GiB") {
        const ULONGLONG length = 5ull << 30;
        FakeHttpRequest fake(RequestBuilder().method("PUT").body(length, generate));
        IHttpRequest* request = &fake;
        CHECK(std::strcmp(request->GetHeader(HttpHeaderContentLength), "5368709120") == 0);
        CHECK(request->GetRemainingEntityBytes() == 0xFFFFFFFFu);

        std::vector<unsigned char> buffer(1000);
        DWORD received = 0;
        for (int i = 0; i < 2; ++i) {
            REQUIRE(request->ReadEntityBody(buffer.data(), 1000, FALSE, &received) == S_OK);
            REQUIRE(received == 1000);
            bool same = true;
            for (DWORD k = 0; k < received; ++k)
                same = same && buffer[k] == pattern_byte(static_cast<ULONGLONG>(i) * 1000 + k);
            CHECK(same);
        }
        REQUIRE(offsets.size() == 2);
        CHECK(offsets[0] == 0);
        CHECK(offsets[1] == 1000);
        CHECK(counts[0] == 1000);
        CHECK(counts[1] == 1000);
        CHECK(fake.body_consumed() == 2000);
        CHECK(request->GetRemainingEntityBytes() == 0xFFFFFFFFu);
    }
    SECTION("a short generated body reads to EOF") {
        FakeHttpRequest fake(RequestBuilder().body(10, generate));
        IHttpRequest* request = &fake;
        CHECK(request->GetRemainingEntityBytes() == 10);
        const std::string body = read_until_eof(request, 4);
        REQUIRE(body.size() == 10);
        for (std::size_t i = 0; i < body.size(); ++i)
            CHECK(static_cast<unsigned char>(body[i]) == pattern_byte(i));
        CHECK(request->GetRemainingEntityBytes() == 0);
        CHECK(offsets == (std::vector<ULONGLONG>{0, 4, 8}));
    }
}

TEST_CASE(
    "REQ-INS-1, REQ-INS-2, T-3: InsertEntityBody keeps the caller's pointer and reads it "
    "lazily, before the unread client body",
    "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().method("POST").body("BODY"));
    IHttpRequest* request = &fake;

    char inserted[] = {'a', 'b', 'c'};  // not terminated, and not copied by IIS
    REQUIRE(request->InsertEntityBody(inserted, sizeof inserted) == S_OK);
    inserted[0] = 'X';  // changed after the insert: the read must see it

    Read r = read_sync(request, 1);
    CHECK(r.hr == S_OK);
    CHECK(r.data == "X");
    inserted[1] = 'Y';  // changed half-way through
    CHECK(read_until_eof(request, 100) == "YcBODY");
    CHECK(fake.inserted_consumed() == 3);
    CHECK(fake.body_consumed() == 4);
}

TEST_CASE("REQ-INS-1: bytes inserted mid-body come before the client bytes not yet read",
          "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("0123456789"));
    IHttpRequest* request = &fake;
    CHECK(read_sync(request, 4).data == "0123");

    static char first[] = {'a', 'b'};
    static char second[] = {'c'};
    REQUIRE(request->InsertEntityBody(first, 2) == S_OK);
    REQUIRE(request->InsertEntityBody(second, 1) == S_OK);  // after the first (the fake: FIFO)
    CHECK(read_until_eof(request, 100) == "abc456789");

    // Nothing to insert is a no-op.
    CHECK(request->InsertEntityBody(nullptr, 0) == S_OK);
    CHECK(read_sync(request, 10).hr == eof);
}

TEST_CASE("REQ-INS-3: InsertEntityBody does not touch Content-Length",
          "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("BODY"));
    IHttpRequest* request = &fake;
    const PCSTR before = request->GetHeader(HttpHeaderContentLength);
    static char extra[] = {'1', '2', '3'};
    REQUIRE(request->InsertEntityBody(extra, 3) == S_OK);
    CHECK(request->GetHeader(HttpHeaderContentLength) == before);
    CHECK(std::strcmp(request->GetHeader(HttpHeaderContentLength), "4") == 0);
}

TEST_CASE(
    "REQ-INS-5: GetRemainingEntityBytes counts inserted bytes by default, not with "
    "count_inserted_bytes off",
    "[fake_request][body][sync]") {
    static char extra[] = {'i', 'n', 's'};
    SECTION("count_inserted_bytes = true (default)") {
        FakeHttpRequest fake(RequestBuilder().body("BODY"));
        IHttpRequest* request = &fake;
        CHECK(fake.options().count_inserted_bytes);
        REQUIRE(request->InsertEntityBody(extra, 3) == S_OK);
        CHECK(request->GetRemainingEntityBytes() == 7);
        CHECK(read_sync(request, 2).data == "in");
        CHECK(request->GetRemainingEntityBytes() == 5);
        CHECK(read_while_remaining(request, 100) == "sBODY");
        CHECK(read_sync(request, 10).hr == eof);
    }
    SECTION("count_inserted_bytes = false") {
        iisfake::Options knobs;
        knobs.count_inserted_bytes = false;
        FakeHttpRequest fake(RequestBuilder().body("BODY").options(knobs));
        IHttpRequest* request = &fake;
        REQUIRE(request->InsertEntityBody(extra, 3) == S_OK);
        CHECK(request->GetRemainingEntityBytes() == 4);
        CHECK(read_sync(request, 2).data == "in");
        CHECK(request->GetRemainingEntityBytes() == 4);
        CHECK(read_until_eof(request, 100) == "sBODY");
        CHECK(request->GetRemainingEntityBytes() == 0);
    }
    SECTION("a GET with inserted bytes: counted, read, then EOF") {
        FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        REQUIRE(request->InsertEntityBody(extra, 3) == S_OK);
        CHECK(request->GetRemainingEntityBytes() == 3);
        CHECK(read_while_remaining(request, 100) == "ins");
        CHECK(read_sync(request, 10).hr == eof);
    }
    SECTION("a GET with inserted bytes and count_inserted_bytes off (ModSecurity#519)") {
        FakeHttpRequest fake;
        fake.options().count_inserted_bytes = false;
        IHttpRequest* request = &fake;
        REQUIRE(request->InsertEntityBody(extra, 3) == S_OK);
        CHECK(request->GetRemainingEntityBytes() == 0);  // a reader gated on this sees nothing
        CHECK(read_sync(request, 100).data == "ins");    // yet the bytes are there
        CHECK(read_sync(request, 10).hr == eof);
    }
}

TEST_CASE(
    "REQ-R3-1, T-1, T-17: the IHttpRequest3 and IHttpRequest4 (ulFlags) forms read the same "
    "body synchronously",
    "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("abcdefgh"));
    IHttpRequest* base = &fake;
    // Module code downcasts without QueryInterface; single inheritance keeps this valid.
    IHttpRequest3* three = static_cast<IHttpRequest3*>(base);
    IHttpRequest4* four = static_cast<IHttpRequest4*>(base);
    CHECK(static_cast<IHttpRequest*>(three) == base);
    CHECK(static_cast<IHttpRequest*>(four) == base);

    char buffer[3];
    DWORD received = untouched;
    REQUIRE(four->ReadEntityBody(buffer, 3, FALSE, 0, &received) == S_OK);
    CHECK(received == 3);
    CHECK(std::string(buffer, received) == "abc");

    received = untouched;
    REQUIRE(three->ReadEntityBody(buffer, 3, FALSE, nullptr, nullptr, &received) == S_OK);
    CHECK(received == 3);
    CHECK(std::string(buffer, received) == "def");

    received = untouched;
    REQUIRE(base->ReadEntityBody(buffer, 3, FALSE, &received) == S_OK);
    CHECK(std::string(buffer, received) == "gh");

    received = untouched;
    CHECK(four->ReadEntityBody(buffer, 3, FALSE, 0, &received) == eof);
    CHECK(received == 0);
    received = untouched;
    CHECK(three->ReadEntityBody(buffer, 3, FALSE, nullptr, nullptr, &received) == eof);
    CHECK(received == 0);

    const std::vector<iisfake::Call> calls = fake.calls();
    REQUIRE(calls.size() == 5);
    CHECK(calls[0].method == iisfake::Method::ReadEntityBody);
    CHECK(calls[0].arguments == "3, sync, flags 0");
    CHECK(calls[0].result == S_OK);
    CHECK(calls[1].arguments == "3, sync");
    CHECK(calls[3].result == eof);
}

TEST_CASE(
    "REQ-R3-1: IHttpRequest4::ReadEntityBody treats unpublished ulFlags values as the base "
    "read does",
    "[fake_request][body][sync]") {
    FakeHttpRequest fake(RequestBuilder().body("xyz"));
    IHttpRequest4* four = &fake;
    char buffer[8];
    DWORD received = 0;
    REQUIRE(four->ReadEntityBody(buffer, sizeof buffer, FALSE, 0x1u, &received) == S_OK);
    CHECK(std::string(buffer, received) == "xyz");
    CHECK(fake.calls().back().arguments == "8, sync, flags 1");
}
