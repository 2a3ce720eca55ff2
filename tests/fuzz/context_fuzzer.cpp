// A coverage-guided fuzzer (libFuzzer) for FakeHttpContext and FakeHttpResponse: the input is
// decoded into a sequence of IHttpContext and IHttpResponse calls (with misuse reporting off, so
// every contract violation runs to its HRESULT), and after every call the invariants module code
// relies on are checked:
//   - the raw HTTP_RESPONSE's header strings agree with their lengths and hold no CR/LF;
//   - GetHeader agrees with the raw struct; EntityChunkCount matches the buffered chunks;
//   - what the client received is the concatenation of the sends;
//   - server variables are NUL-terminated at their length; request memory stays writable;
//   - completions arrive for operations that were pending, never more than once.
// Build (clang 14): clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined
//                   -Iinclude tests/fuzz/context_fuzzer.cpp -o context_fuzzer
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "fuzz_input.hpp"

namespace {

using fuzz::Input;

const char* const names[] = {"Content-Type", "Set-Cookie", "set-cookie", "X-A", "Location",
                             "Server",       "Bad Name",   "",           "x-a", "Cache-Control"};
const char* const variables[] = {"URL",      "QUERY_STRING", "HTTP_HOST",       "ALL_RAW",
                                 "ALL_HTTP", "REMOTE_PORT",  "HTTP_X_A",        "NOPE",
                                 "",         "my_var",       "PATH_TRANSLATED", "AUTH_TYPE"};
const char* const urls[] = {"/next", "other", "http://x/y", "", "?q", "/a?b=c"};

struct Stored : IHttpStoredContext {
    int* cleanups;
    explicit Stored(int* counter) : cleanups(counter) {}
    virtual ~Stored() = default;
    VOID CleanupStoredContext(VOID) override { ++*cleanups; }
};

void check_string(PCSTR text, USHORT length) {
    EXPECT(text != nullptr);
    EXPECT(std::memchr(text, 0, length) == nullptr);
    EXPECT(std::memchr(text, '\r', length) == nullptr);
    EXPECT(std::memchr(text, '\n', length) == nullptr);
}

void check_response(iisfake::FakeHttpResponse& fake) {
    const IHttpResponse* response = &fake;
    const HTTP_RESPONSE* raw = response->GetRawHttpResponse();
    check_string(raw->pReason, raw->ReasonLength);
    for (int id = 0; id < HttpHeaderResponseMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw->Headers.KnownHeaders[id];
        if (slot.pRawValue) check_string(slot.pRawValue, slot.RawValueLength);
    }
    for (USHORT i = 0; i < raw->Headers.UnknownHeaderCount; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw->Headers.pUnknownHeaders[i];
        check_string(entry.pName, entry.NameLength);
        check_string(entry.pRawValue, entry.RawValueLength);
    }
    for (const char* name : names) {
        USHORT cch = 1;
        const PCSTR value = response->GetHeader(name, &cch);
        if (!value) EXPECT(cch == 0);
        if (value) EXPECT(fake.header(name) == std::string(value, cch));
    }
    EXPECT(raw->EntityChunkCount == 0 || raw->pEntityChunks != nullptr);
    std::string sent;
    for (const iisfake::Send& send : fake.sends()) sent += send.body;
    EXPECT(sent == fake.body());
    (void)fake.buffered_body();
}

struct Module {
    int completions = 0;
    REQUEST_NOTIFICATION_STATUS on_completion(IHttpCompletionInfo* info) {
        ++completions;
        (void)static_cast<IHttpCompletionInfo2*>(info)->GetCompletedOperation();
        return RQ_NOTIFICATION_CONTINUE;
    }
};

void run(Input& in) {
    // Memory the module owns outlives the context: chunks by reference point into it.
    std::deque<std::string> owned;
    int cleanups = 0;
    int stored_ok = 0;  // contexts the container accepted
    std::deque<Stored> stored;
    std::vector<std::pair<unsigned char*, std::size_t>> request_memory;
    Module module;
    {
        iisfake::RequestBuilder spec;
        try {
            const char* url = in.pick(urls);
            spec.url(url[0] == '/' ? url : "/").header("X-A", in.text()).body(in.text());
        } catch (const std::invalid_argument&) {
            return;
        }
        iisfake::ContextSettings settings;
        settings.has_user = in.flag();
        settings.has_connection = in.flag();
        std::unique_ptr<iisfake::FakeHttpContext> owner;
        try {
            owner.reset(new iisfake::FakeHttpContext(spec, settings));
        } catch (const std::invalid_argument&) {
            return;  // bad test input is refused by the builder: fine
        }
        iisfake::FakeHttpContext& context = *owner;
        context.set_misuse_handler(iisfake::ignore_misuse);
        context.options().join_response_values = in.flag();
        context.options().strict_request_memory = in.flag();
        context.options().full_duplex = in.flag();
        context.options().poison_replaced_values = in.flag();
        context.options().async_policy = static_cast<iisfake::AsyncPolicy>(in.byte() % 4);
        context.set_completion_sink(
            [&module](IHttpCompletionInfo* info) { return module.on_completion(info); });
        IHttpContext3* ctx = &context;
        IHttpResponse4* response = &context.response();
        IHttpResponse* base = response;  // IHttpResponse2 hides the base write and flush
        int tag = 0;
        for (int step = 0; step < 256 && !in.empty(); ++step) {
            try {
                switch (in.byte() % 20) {
                    case 0: {
                        const std::string reason = in.flag() ? std::string(70000, 'r') : in.text();
                        (void)response->SetStatus(in.u16(), in.flag() ? reason.c_str() : nullptr,
                                                  in.u16(), E_FAIL, nullptr, in.flag());
                        break;
                    }
                    case 1: {
                        owned.push_back(in.text());
                        const std::string& value = owned.back();
                        const auto cch = static_cast<USHORT>(value.size() + (in.flag() ? 1 : 0));
                        if (in.flag())
                            (void)response->SetHeader(in.pick(names), value.c_str(), cch,
                                                      in.flag());
                        else
                            (void)response->SetHeader(
                                static_cast<HTTP_HEADER_ID>(static_cast<int>(in.byte()) - 8),
                                value.c_str(), cch, in.flag());
                        break;
                    }
                    case 2:
                        if (in.flag())
                            (void)response->DeleteHeader(in.flag() ? in.pick(names) : nullptr);
                        else
                            (void)response->DeleteHeader(
                                static_cast<HTTP_HEADER_ID>(static_cast<int>(in.byte()) - 8));
                        break;
                    case 3: {
                        const std::size_t count = in.byte() % 5;
                        std::vector<HTTP_DATA_CHUNK> chunks(count);
                        for (HTTP_DATA_CHUNK& chunk : chunks) {
                            owned.push_back(in.text());
                            chunk.DataChunkType =
                                static_cast<HTTP_DATA_CHUNK_TYPE>(in.flag() ? 0 : in.byte() % 7);
                            chunk.FromMemory.pBuffer = in.flag() ? &owned.back()[0] : nullptr;
                            chunk.FromMemory.BufferLength = static_cast<ULONG>(owned.back().size());
                        }
                        DWORD sent = 0;
                        BOOL expected = FALSE;
                        (void)base->WriteEntityChunks(
                            count ? chunks.data() : nullptr, static_cast<DWORD>(count), in.flag(),
                            in.flag(), &sent, in.flag() ? &expected : nullptr);
                        break;
                    }
                    case 4: {
                        HTTP_DATA_CHUNK chunk = {};
                        chunk.DataChunkType = HttpDataChunkFromMemory;
                        if (!request_memory.empty() && in.flag()) {
                            const auto& block = request_memory[in.byte() % request_memory.size()];
                            chunk.FromMemory.pBuffer = block.first;
                            chunk.FromMemory.BufferLength = static_cast<ULONG>(block.second);
                        } else {
                            owned.push_back(in.text());
                            chunk.FromMemory.pBuffer = &owned.back()[0];
                            chunk.FromMemory.BufferLength = static_cast<ULONG>(owned.back().size());
                        }
                        (void)response->WriteEntityChunkByReference(
                            in.flag() ? &chunk : nullptr, static_cast<LONG>(in.byte()) - 2);
                        break;
                    }
                    case 5: {
                        DWORD sent = 0;
                        BOOL expected = FALSE;
                        (void)base->Flush(in.flag(), in.flag(), &sent,
                                          in.flag() ? &expected : nullptr);
                        break;
                    }
                    case 6:
                        if (context.has_pending()) {
                            if (in.flag())
                                context.complete_pending();
                            else
                                context.complete_pending_with(E_FAIL, 0);
                        }
                        break;
                    case 7:
                        (void)response->Redirect(in.flag() ? in.pick(urls) : nullptr, in.flag(),
                                                 in.flag());
                        break;
                    case 8:
                        if (in.flag())
                            response->Clear();
                        else
                            response->ClearHeaders();
                        break;
                    case 9:
                        switch (in.byte() % 5) {
                            case 0:
                                response->DisableBuffering();
                                break;
                            case 1:
                                response->SuppressHeaders();
                                break;
                            case 2:
                                response->ResetConnection();
                                break;
                            case 3:
                                response->SetNeedDisconnect();
                                break;
                            default:
                                response->DisableKernelCache();
                                break;
                        }
                        break;
                    case 10: {
                        PCSTR narrow = nullptr;
                        PCWSTR wide = nullptr;
                        DWORD cch = 0;
                        const char* name = in.pick(variables);
                        if (in.flag()) {
                            if (SUCCEEDED(ctx->GetServerVariable(name, &narrow, &cch))) {
                                EXPECT(narrow != nullptr);
                                EXPECT(narrow[cch] == '\0');
                            }
                        } else if (SUCCEEDED(ctx->GetServerVariable(name, &wide, &cch))) {
                            EXPECT(wide != nullptr);
                            EXPECT(wide[cch] == L'\0');
                        }
                        break;
                    }
                    case 11: {
                        const std::string value = in.text();
                        const std::basic_string<WCHAR> wide(value.begin(), value.end());
                        (void)ctx->SetServerVariable(in.flag() ? in.pick(variables) : nullptr,
                                                     wide.c_str());
                        break;
                    }
                    case 12: {
                        const DWORD size = in.u16();
                        if (in.flag()) context.set_request_memory_limit(in.u16());
                        auto* p = static_cast<unsigned char*>(ctx->AllocateRequestMemory(size));
                        if (p) {
                            std::memset(p, 'm', size);
                            request_memory.emplace_back(p, size);
                        }
                        break;
                    }
                    case 13:
                        if (in.flag())
                            (void)ctx->PostCompletion(in.u16(), nullptr, nullptr);
                        else
                            (void)static_cast<IHttpContext*>(ctx)->PostCompletion(in.u16());
                        break;
                    case 14:
                        (void)ctx->CancelIo();
                        break;
                    case 15: {
                        std::vector<WCHAR> buffer(in.byte());
                        DWORD size = static_cast<DWORD>(buffer.size());
                        const std::string url = in.text();
                        const std::basic_string<WCHAR> wide(url.begin(), url.end());
                        if (SUCCEEDED(ctx->MapPath(
                                wide.c_str(), buffer.empty() ? nullptr : buffer.data(), &size)))
                            EXPECT(size <= buffer.size() && buffer[size - 1] == L'\0');
                        break;
                    }
                    case 16: {
                        stored.emplace_back(&cleanups);
                        int* id = in.flag() ? &tag : &cleanups;
                        if (ctx->GetModuleContextContainer()->SetModuleContext(
                                in.flag() ? &stored.back() : nullptr, id) == S_OK)
                            ++stored_ok;
                        break;
                    }
                    case 17: {
                        owned.push_back(in.text());
                        const std::string& value = owned.back();
                        (void)response->SetTrailer(in.pick(names), value.c_str(),
                                                   static_cast<USHORT>(value.size()), in.flag());
                        USHORT cch = 0;
                        (void)response->GetTrailer(in.pick(names), &cch);
                        break;
                    }
                    case 18: {
                        char buffer[32];
                        DWORD read = 0;
                        BOOL pending = FALSE;
                        static char async_buffer[32];
                        if (in.flag())
                            (void)ctx->GetRequest()->ReadEntityBody(buffer, sizeof buffer, FALSE,
                                                                    &read, nullptr);
                        else
                            (void)ctx->GetRequest()->ReadEntityBody(
                                async_buffer, sizeof async_buffer, TRUE, &read, &pending);
                        break;
                    }
                    default: {
                        if (in.flag()) ctx->EnableFullDuplex();
                        (void)ctx->GetPhysicalPath();
                        (void)ctx->GetScriptName();
                        DWORD notification = 0;
                        (void)ctx->GetCurrentExecutionStats(in.flag() ? &notification : nullptr);
                        (void)context.calls();
                        break;
                    }
                }
            } catch (const std::invalid_argument&) {
                // The test's own mistakes are refused loudly.
            }
            check_response(context.response());
            // Request memory stays the module's until the end: nothing writes into it.
            for (const auto& block : request_memory)
                if (block.second) EXPECT(block.first[block.second - 1] == 'm');
        }
        // Every operation still pending completes once, through the sink (§1.7 item 7).
        const int before = module.completions;
        const auto pending = static_cast<int>(context.pending_count());
        context.CancelIo();
        EXPECT(!context.has_pending());
        EXPECT(module.completions == before + pending);
        context.end_request();
        check_response(context.response());
        EXPECT(context.response().sends().empty() || context.response().sends().back().final ||
               context.response().connection_reset());
    }
    // Each stored context was cleaned up exactly once (CONT-1).
    EXPECT(cleanups == stored_ok);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(data, size);
    run(in);
    return 0;
}
