// iisfake::FakeHttpResponse driven through IHttpResponse* as module code drives it: status,
// headers in the response numbering, the live raw struct, body chunks by value and by
// reference, flushes and what the client received (spec §2.7 RESP-*, traps T-3, T-21, T-22).
#include <cstring>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpResponse;

HTTP_DATA_CHUNK memory_chunk(const void* data, std::size_t size) {
    HTTP_DATA_CHUNK chunk = {};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = const_cast<void*>(data);
    chunk.FromMemory.BufferLength = static_cast<ULONG>(size);
    return chunk;
}

HRESULT write_text(IHttpResponse* response, const std::string& text) {
    HTTP_DATA_CHUNK chunk = memory_chunk(text.data(), text.size());
    DWORD sent = 0;
    return response->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &sent);
}

std::string value_of(const IHttpResponse* response, PCSTR name) {
    USHORT cch = 0;
    const PCSTR value = response->GetHeader(name, &cch);
    return value ? std::string(value, cch) : std::string("<absent>");
}

}  // namespace

TEST_CASE("RESP-5: a response starts 200 OK; SetStatus with two arguments sets code and reason",
          "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    USHORT status = 0;
    response->GetStatus(&status);  // RESP-5: every other out-parameter may be NULL
    CHECK(status == 200);
    CHECK(fake.reason() == "OK");
    REQUIRE(response->SetStatus(404, "Not Found") == S_OK);
    USHORT sub = 99;
    PCSTR reason = nullptr;
    USHORT cch = 0;
    HRESULT error = E_FAIL;
    BOOL skip = TRUE;
    response->GetStatus(&status, &sub, &reason, &cch, &error, nullptr, nullptr, nullptr, &skip);
    CHECK(status == 404);
    CHECK(sub == 0);
    CHECK(std::string(reason, cch) == "Not Found");
    CHECK(error == S_OK);
    CHECK(skip == FALSE);
    CHECK(response->GetRawHttpResponse()->StatusCode == 404);  // RESP-4: the raw struct mirrors it
    REQUIRE(response->SetStatus(500, "Server Error", 19, E_ACCESSDENIED, nullptr, TRUE) == S_OK);
    CHECK(fake.substatus() == 19);
    CHECK(fake.error_to_report() == E_ACCESSDENIED);
    CHECK(fake.try_skip_custom_errors());
}

TEST_CASE("RESP-5: a reason past 65535 bytes is data and fails; a NULL reason is misuse",
          "[response]") {
    FakeHttpResponse fake;
    const std::string huge(70000, 'r');
    CHECK(fake.SetStatus(502, huge.c_str()) == HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
    CHECK(fake.status() == 200);
    CHECK(fake.misuses().empty());
    fake.set_misuse_handler(iisfake::ignore_misuse);
    CHECK(fake.SetStatus(500, nullptr) == E_INVALIDARG);
    REQUIRE(fake.misuses().size() == 1);
    CHECK(fake.misuses()[0].rule == "RESP-5");
}

TEST_CASE("RESP-1, T-6: response headers use the response numbering, any case", "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    REQUIRE(response->SetHeader("content-type", "text/plain", 10, TRUE) == S_OK);
    const HTTP_RESPONSE* raw = response->GetRawHttpResponse();
    REQUIRE(raw->Headers.KnownHeaders[HttpHeaderContentType].pRawValue != nullptr);
    CHECK(value_of(response, "Content-Type") == "text/plain");
    REQUIRE(response->SetHeader(HttpHeaderLocation, "/x", 2, TRUE) == S_OK);  // id 23
    CHECK(value_of(response, "location") == "/x");
    CHECK(raw->Headers.KnownHeaders[23].RawValueLength == 2);
    USHORT cch = 7;
    CHECK(response->GetHeader("X-Absent", &cch) == nullptr);
    CHECK(cch == 0);
    CHECK(response->DeleteHeader("X-Absent") == S_OK);  // RESP-1: S_OK even when absent
    REQUIRE(response->SetHeader("X-Powered-By", "fake", 4, TRUE) == S_OK);
    CHECK(raw->Headers.UnknownHeaderCount == 1);
    CHECK(response->DeleteHeader("x-powered-by") == S_OK);
    CHECK(fake.has_header("X-Powered-By") == false);
}

TEST_CASE("RESP-3, T-22: Set-Cookie set again without fReplace stays separate lines",
          "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    REQUIRE(response->SetHeader("Set-Cookie", "a=1", 3, TRUE) == S_OK);
    REQUIRE(response->SetHeader(HttpHeaderSetCookie, "b=2", 3, FALSE) == S_OK);
    REQUIRE(response->SetHeader("set-cookie", "c=3", 3, FALSE) == S_OK);
    CHECK(fake.header_values("Set-Cookie") == std::vector<std::string>{"a=1", "b=2", "c=3"});
    CHECK(value_of(response, "Set-Cookie") == "a=1");
    // Replacing leaves one line.
    REQUIRE(response->SetHeader("Set-Cookie", "z=9", 3, TRUE) == S_OK);
    CHECK(fake.header_values("Set-Cookie") == std::vector<std::string>{"z=9"});
    SECTION("join_response_values joins them as the request does") {
        fake.options().join_response_values = true;
        REQUIRE(response->SetHeader("Set-Cookie", "y=8", 3, FALSE) == S_OK);
        CHECK(fake.header_values("Set-Cookie") == std::vector<std::string>{"z=9, y=8"});
    }
}

TEST_CASE("RESP-4: a module that renames an unknown header in the raw struct is honoured",
          "[response]") {
    // iisnode sets x-iisnode-connection, then renames the entry in place to Connection.
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    REQUIRE(response->SetHeader("x-iisnode-connection", "close", 5, TRUE) == S_OK);
    HTTP_RESPONSE* raw = response->GetRawHttpResponse();
    REQUIRE(raw->Headers.UnknownHeaderCount == 1);
    CHECK(raw->Headers.pUnknownHeaders[0].NameLength == 20);
    static const char connection[] = "Connection";
    raw->Headers.pUnknownHeaders[0].pName = connection;
    raw->Headers.pUnknownHeaders[0].NameLength = 10;
    CHECK(value_of(response, "Connection") == "close");
    REQUIRE(response->Flush(FALSE, FALSE, nullptr) == S_OK);
    REQUIRE(fake.sent_headers().size() == 1);
    CHECK(fake.sent_headers()[0].first == "Connection");
}

TEST_CASE("RESP-7: buffered memory chunks are copied when written", "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    char text[] = "hello";
    HTTP_DATA_CHUNK chunk = memory_chunk(text, 5);
    DWORD sent = 0;
    BOOL expected = TRUE;
    REQUIRE(response->WriteEntityChunks(&chunk, 1, TRUE, FALSE, &sent, &expected) == S_OK);
    CHECK(expected == FALSE);  // copied into the buffer: complete at once
    CHECK(sent == 5);
    std::memcpy(text, "HELLO", 5);
    fake.end_request();
    CHECK(fake.body() == "hello");
    CHECK(fake.sends().back().final);
}

TEST_CASE("RESP-8, T-3: a chunk by reference is read when sent, not when written", "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    char text[] = "hello";
    HTTP_DATA_CHUNK chunk = memory_chunk(text, 5);
    REQUIRE(response->WriteEntityChunkByReference(&chunk) == S_OK);
    std::memcpy(text, "HELLO", 5);  // what a module does when it frees or reuses the buffer
    fake.end_request();
    CHECK(fake.body() == "HELLO");
}

TEST_CASE("RESP-8: position 0 prepends, -1 appends", "[response]") {
    FakeHttpResponse fake;
    static const char world[] = "world";
    static const char hello[] = "hello ";
    HTTP_DATA_CHUNK a = memory_chunk(world, 5);
    HTTP_DATA_CHUNK b = memory_chunk(hello, 6);
    REQUIRE(fake.WriteEntityChunkByReference(&a, -1) == S_OK);
    REQUIRE(fake.WriteEntityChunkByReference(&b, 0) == S_OK);
    CHECK(fake.buffered_body() == "hello world");
    CHECK(fake.GetRawHttpResponse()->EntityChunkCount == 2);
}

TEST_CASE("RESP-9, T-21: each flush sends status and headers once, then only body bytes",
          "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    REQUIRE(response->SetHeader("Content-Type", "text/plain", 10, TRUE) == S_OK);
    REQUIRE(write_text(response, "one") == S_OK);
    DWORD sent = 0;
    REQUIRE(response->Flush(FALSE, TRUE, &sent) == S_OK);
    CHECK(sent == 3);
    CHECK(response->GetRawHttpResponse()->EntityChunkCount == 0);  // the next send has its own
    REQUIRE(write_text(response, "two") == S_OK);
    REQUIRE(response->Flush(FALSE, FALSE, &sent) == S_OK);
    fake.end_request();
    REQUIRE(fake.sends().size() == 3);
    CHECK(fake.sends()[0].headers);
    CHECK(fake.sends()[0].body == "one");
    CHECK(fake.sends()[0].more_data);
    CHECK_FALSE(fake.sends()[1].headers);
    CHECK(fake.sends()[1].body == "two");
    CHECK(fake.sends()[2].final);
    CHECK(fake.body() == "onetwo");
    CHECK(fake.sent_status() == 200);
}

TEST_CASE("RESP-13: suppressed headers are kept but not sent", "[response]") {
    FakeHttpResponse fake;
    fake.SuppressHeaders();
    CHECK(fake.GetHeadersSuppressed() == TRUE);
    fake.end_request();
    CHECK(fake.headers_sent());
    CHECK_FALSE(fake.sends()[0].headers);
}

TEST_CASE("RESP-9, §1.7: an asynchronous flush completes through the sink or the callback",
          "[response][async]") {
    FakeHttpResponse fake;
    IHttpResponse2* response = &fake;
    std::vector<DWORD> bytes;
    fake.set_completion_sink([&](IHttpCompletionInfo* info) {
        bytes.push_back(info->GetCompletionBytes());
        return RQ_NOTIFICATION_CONTINUE;
    });
    REQUIRE(write_text(response, "abc") == S_OK);
    BOOL expected = FALSE;
    DWORD sent = 9;
    REQUIRE(static_cast<IHttpResponse*>(response)->Flush(TRUE, FALSE, &sent, &expected) == S_OK);
    CHECK(expected == TRUE);
    CHECK(sent == 0);
    CHECK(fake.body().empty());  // nothing sent until the completion
    SECTION("a second write while one is pending is misuse") {
        fake.set_misuse_handler(iisfake::ignore_misuse);
        CHECK(write_text(response, "x") == HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        fake.complete_pending();
    }
    SECTION("completed") {
        fake.complete_pending();
        CHECK(fake.body() == "abc");
        CHECK(bytes == std::vector<DWORD>{3});
    }
    SECTION("the IHttpResponse2 form calls the callback instead (RESP-10)") {
        fake.complete_pending();
        int calls = 0;
        struct Seen {
            int* calls;
        } seen{&calls};
        REQUIRE(write_text(response, "def") == S_OK);
        REQUIRE(response->Flush(
                    TRUE, FALSE,
                    [](IHttpContext3*, IHttpCompletionInfo2* info, void* context) {
                        ++*static_cast<Seen*>(context)->calls;
                        return info->GetCompletionBytes() == 3 ? RQ_NOTIFICATION_CONTINUE
                                                               : RQ_NOTIFICATION_FINISH_REQUEST;
                    },
                    &seen, nullptr, &expected) == S_OK);
        fake.complete_pending();
        CHECK(calls == 1);
        CHECK(fake.completions().back().returned == RQ_NOTIFICATION_CONTINUE);
        CHECK(bytes.size() == 1);
    }
}

TEST_CASE("RESP-11: unbuffered asynchronous writes read the module's memory at completion",
          "[response][async]") {
    FakeHttpResponse fake;
    fake.DisableBuffering();
    fake.set_completion_sink([](IHttpCompletionInfo*) { return RQ_NOTIFICATION_CONTINUE; });
    char text[] = "abc";
    HTTP_DATA_CHUNK chunk = memory_chunk(text, 3);
    BOOL expected = FALSE;
    REQUIRE(fake.WriteEntityChunks(&chunk, 1, TRUE, TRUE, nullptr, &expected) == S_OK);
    CHECK(expected == TRUE);
    text[0] = 'X';  // T-3: the memory must stay valid until the completion
    fake.complete_pending();
    CHECK(fake.body() == "Xbc");
}

TEST_CASE("RESP-7: NULL chunks are misuse; 65535 buffered chunks is the limit", "[response]") {
    FakeHttpResponse fake;
    fake.set_misuse_handler(iisfake::ignore_misuse);
    DWORD sent = 0;
    CHECK(fake.WriteEntityChunks(nullptr, 1, FALSE, FALSE, &sent) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    CHECK(fake.misuses().size() == 1);
    static const char x[] = "x";
    std::vector<HTTP_DATA_CHUNK> chunks(65535, memory_chunk(x, 1));
    REQUIRE(fake.WriteEntityChunks(chunks.data(), 65535, FALSE, TRUE, &sent) == S_OK);
    HTTP_DATA_CHUNK one = memory_chunk(x, 1);
    CHECK(fake.WriteEntityChunkByReference(&one) == HRESULT_FROM_WIN32(ERROR_ARITHMETIC_OVERFLOW));
    CHECK(fake.misuses().size() == 1);  // data, not misuse
    REQUIRE(fake.Flush(FALSE, TRUE, &sent) == S_OK);
    CHECK(sent == 65535);
    CHECK(fake.WriteEntityChunkByReference(&one) == S_OK);  // the limit is per buffered send
}

TEST_CASE("RESP-12: Redirect sets 302 and an absolute Location", "[response]") {
    FakeHttpResponse fake;
    fake.set_request_url([] { return std::string("https://example.com:8443/app/page?x=1"); });
    SECTION("a path") {
        REQUIRE(fake.Redirect("/login") == S_OK);
        CHECK(fake.status() == 302);
        CHECK(fake.header("Location") == "https://example.com:8443/login");
    }
    SECTION("relative to the request's directory, with the query") {
        REQUIRE(fake.Redirect("other", TRUE, TRUE) == S_OK);
        CHECK(fake.header("Location") == "https://example.com:8443/app/other?x=1");
    }
    SECTION("absolute stays; without resetting the status a moved body is written") {
        static const char body[] = "old";
        HTTP_DATA_CHUNK chunk = memory_chunk(body, 3);
        REQUIRE(fake.WriteEntityChunkByReference(&chunk) == S_OK);
        REQUIRE(fake.Redirect("http://other/", FALSE) == S_OK);
        CHECK(fake.status() == 200);
        CHECK(fake.header("Location") == "http://other/");
        CHECK(fake.buffered_body().find("Object Moved") != std::string::npos);
        CHECK(fake.buffered_body().find("old") == std::string::npos);  // discarded
    }
}

TEST_CASE("RESP-6: Clear resets status, headers and body; ClearHeaders only headers",
          "[response]") {
    FakeHttpResponse fake;
    REQUIRE(fake.SetStatus(500, "Boom") == S_OK);
    REQUIRE(fake.SetHeader("X-A", "1", 1, TRUE) == S_OK);
    REQUIRE(fake.SetHeader("Cache-Control", "no-cache", 8, TRUE) == S_OK);
    REQUIRE(write_text(&fake, "body") == S_OK);
    fake.ClearHeaders();
    CHECK(fake.headers().empty());
    CHECK(fake.status() == 500);
    CHECK(fake.buffered_body() == "body");
    REQUIRE(fake.SetHeader("X-B", "2", 1, TRUE) == S_OK);
    fake.Clear();
    CHECK(fake.status() == 200);
    CHECK(fake.reason() == "OK");
    CHECK(fake.headers().empty());
    CHECK(fake.buffered_body().empty());
}

TEST_CASE("RESP-8, T-3: strict_request_memory reports a by-reference buffer IIS may outlive",
          "[response]") {
    FakeHttpResponse fake;
    fake.options().strict_request_memory = true;
    fake.set_misuse_handler(iisfake::ignore_misuse);
    std::string heap = "temporary";
    HTTP_DATA_CHUNK chunk = memory_chunk(heap.data(), heap.size());
    CHECK(fake.WriteEntityChunkByReference(&chunk) == S_OK);
    REQUIRE(fake.misuses().size() == 1);
    CHECK(fake.misuses()[0].rule == "T-3");
    static const char page[] = "static page";
    fake.declare_static_memory(page, sizeof page);
    HTTP_DATA_CHUNK declared = memory_chunk(page, sizeof page - 1);
    CHECK(fake.WriteEntityChunkByReference(&declared) == S_OK);
    CHECK(fake.misuses().size() == 1);
}

TEST_CASE("RESP-14, RESP-13: connection and cache flags are recorded", "[response]") {
    FakeHttpResponse fake;
    IHttpResponse* response = &fake;
    CHECK(response->GetKernelCacheEnabled() == TRUE);
    response->DisableKernelCache();
    CHECK(response->GetKernelCacheEnabled() == FALSE);
    CHECK(fake.kernel_cache_reason() == 9);  // the SDK's default argument
    response->SetNeedDisconnect();
    CHECK(fake.need_disconnect());
    response->ResetConnection();
    CHECK(fake.connection_reset());
    DWORD sent = 0;
    CHECK(response->Flush(FALSE, FALSE, &sent) == HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    fake.end_request();
    CHECK(fake.sends().empty());
}

TEST_CASE("RESP-15: the error description round-trips", "[response]") {
    FakeHttpResponse fake;
    DWORD cch = 9;
    CHECK(fake.GetErrorDescription(&cch) == nullptr);
    CHECK(cch == 0);
    REQUIRE(fake.SetErrorDescription(L"bad thing", 9) == S_OK);
    const PCWSTR text = fake.GetErrorDescription(&cch);
    REQUIRE(text != nullptr);
    CHECK(cch == 9);
    CHECK(fake.error_description() == "bad thing");
}

TEST_CASE("IHttpResponse4: trailers are set, read, replaced and deleted", "[response]") {
    FakeHttpResponse fake;
    IHttpResponse4* response = &fake;
    REQUIRE(response->SetTrailer("grpc-status", "0", 1, TRUE) == S_OK);
    USHORT cch = 0;
    const PCSTR value = response->GetTrailer("GRPC-STATUS", &cch);
    REQUIRE(value != nullptr);
    CHECK(std::string(value, cch) == "0");
    REQUIRE(response->SetTrailer("grpc-status", "2", 1, TRUE) == S_OK);
    CHECK(fake.trailers().size() == 1);
    REQUIRE(response->DeleteTrailer("grpc-status") == S_OK);
    CHECK(response->GetTrailer("grpc-status") == nullptr);
}

TEST_CASE("Calls on the response are logged in order with On::response", "[response]") {
    FakeHttpResponse fake;
    REQUIRE(fake.SetStatus(201, "Created") == S_OK);
    fake.fail(iisfake::Method::SetHeader, E_OUTOFMEMORY);
    CHECK(fake.SetHeader("X", "1", 1, TRUE) == E_OUTOFMEMORY);
    const auto calls = fake.calls();
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].method == iisfake::Method::SetStatus);
    CHECK(calls[0].on == iisfake::On::response);
    CHECK(calls[1].result == E_OUTOFMEMORY);
    CHECK_FALSE(fake.has_header("X"));
}

TEST_CASE("RESP-5, RESP-12: CR or LF in a reason or a redirect target is refused as data",
          "[response]") {
    // Found by tests/fuzz/context_fuzzer.cpp: a back end's reason copied as is split the status
    // line.
    FakeHttpResponse fake;
    CHECK(fake.SetStatus(502, "Bad\r\nX-Injected: 1") == E_INVALIDARG);
    CHECK(fake.reason() == "OK");
    CHECK(fake.Redirect("/next\r\nSet-Cookie: a=b") == E_INVALIDARG);
    CHECK_FALSE(fake.has_header("Location"));
    CHECK(fake.misuses().empty());
}

TEST_CASE("RESP-10: IHttpResponse2::WriteEntityChunks completes through its callback",
          "[response][async]") {
    FakeHttpResponse fake;
    IHttpResponse2* response = &fake;
    fake.DisableBuffering();
    int sink_calls = 0;
    fake.set_completion_sink([&](IHttpCompletionInfo*) {
        ++sink_calls;
        return RQ_NOTIFICATION_CONTINUE;
    });
    struct Seen {
        DWORD bytes = 0;
        DWORD operation = 99;
    } seen;
    static const char text[] = "websocket frame";
    HTTP_DATA_CHUNK chunk = memory_chunk(text, sizeof text - 1);
    BOOL expected = FALSE;
    REQUIRE(response->WriteEntityChunks(
                &chunk, 1, TRUE, TRUE,
                [](IHttpContext3*, IHttpCompletionInfo2* info, void* state) {
                    static_cast<Seen*>(state)->bytes = info->GetCompletionBytes();
                    static_cast<Seen*>(state)->operation = info->GetCompletedOperation();
                    return RQ_NOTIFICATION_CONTINUE;
                },
                &seen, nullptr, &expected) == S_OK);
    REQUIRE(expected == TRUE);
    fake.complete_pending();
    CHECK(seen.bytes == sizeof text - 1);
    CHECK(seen.operation != iisfake::completed_operation::read);  // told apart from reads
    CHECK(sink_calls == 0);
    CHECK(fake.body() == "websocket frame");
}
