// A coverage-guided fuzzer (libFuzzer) for FakeHttpRequest: the input is decoded into a
// RequestBuilder configuration and a sequence of SDK and test-side calls, and after every call
// the invariants module code relies on are checked:
//   - the raw struct's lengths agree with its NUL-terminated strings (known and unknown headers,
//     the method, the cooked URL's parts);
//   - UnknownHeaderCount matches the array, and GetHeader agrees with the raw struct;
//   - every pointer the fake handed out stays readable until the request ends;
//   - completions arrive within the buffers their reads gave.
// Build (clang 14): clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined
//                   -Iinclude tests/fuzz/request_fuzzer.cpp -o request_fuzzer
// Run: ./request_fuzzer -max_total_time=60 tests/fuzz/corpus
// The corpus holds a regression input for each defect issue 9 lists (made by make_seeds.py).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "../support/counting_allocator.hpp"
#include "fuzz_input.hpp"

namespace {

using fuzz::Input;

const char* const methods[] = {"GET", "POST", "HEAD", "PURGE", "get", "M-SEARCH", "", "GE T"};
const char* const urls[] = {"/",
                            "/a%20b/c.aspx?x=1&y=%41",
                            "/a%C0%80b",
                            "/..%C0%AF..%C0%AFwin.ini",
                            "/..%2F..%2Fwin.ini",
                            "/a/b/../c?q",
                            "/%00",
                            "*",
                            "relative",
                            "/caf%C3%A9?%FF"};
const char* const names[] = {"Host",          "Content-Length", "Content-Type", "Cookie",
                             "X-A",           "x-a",            "X-B",          "Transfer-Encoding",
                             "User-Agent",    "Bad Name",       "",             "X-Forwarded-For"};
const char* const hosts[] = {"localhost", "x/y?z", "[::1", "[::1]:8080", "www.example.com:81", ""};
const char* const addresses[] = {"127.0.0.1", "2001:db8::1", "fe80::1%3", "0001.2.3.4",
                                 "[::2]",     "not-an-ip",   "::ffff:192.0.2.1"};
const char* const separators[] = {", ", ",", "", "; ", "\r\n", "\n"};
const HRESULT results[] = {E_FAIL, E_OUTOFMEMORY, HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED),
                           HRESULT_FROM_WIN32(ERROR_HANDLE_EOF), S_OK};

// Pointers handed out, read again at the end: a freed one is AddressSanitizer's to find.
struct Handed {
    const char* text;
    std::size_t length;
};

// A completion handler that reads again from inside some completions, as streaming modules do.
struct Module {
    IHttpRequest* request = nullptr;
    std::deque<std::vector<char>>* buffers = nullptr;  // outlive the fake
    DWORD largest_read = 0;
    int reads_left = 0;
    REQUEST_NOTIFICATION_STATUS on_completion(IHttpCompletionInfo* info) {
        const auto* info2 = static_cast<IHttpCompletionInfo2*>(info);
        EXPECT(info->GetCompletionBytes() <= largest_read);
        (void)info2->GetCompletedOperation();
        if (info->GetCompletionStatus() != S_OK || reads_left <= 0) return RQ_NOTIFICATION_CONTINUE;
        --reads_left;
        buffers->emplace_back(16);
        DWORD received = 0;
        BOOL pending = FALSE;
        if (largest_read < 16) largest_read = 16;
        const HRESULT hr =
            request->ReadEntityBody(buffers->back().data(), 16, TRUE, &received, &pending);
        if (SUCCEEDED(hr) && !pending) EXPECT(received <= 16);
        return pending ? RQ_NOTIFICATION_PENDING : RQ_NOTIFICATION_CONTINUE;
    }
};

void hand_out(std::vector<Handed>& handed, const char* text, std::size_t length) {
    for (std::size_t i = handed.size(), seen = 0; i-- > 0 && seen < 64; ++seen)
        if (handed[i].text == text && handed[i].length == length) return;
    if (handed.size() < 8192) handed.push_back(Handed{text, length});
}

bool same_name(const char* a, const char* b, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

void check_string(PCSTR text, USHORT length) {
    EXPECT(text != nullptr);
    EXPECT(std::memchr(text, 0, length) == nullptr);
    EXPECT(text[length] == '\0');
}

using Certificates = std::vector<std::pair<const char*, std::string>>;

void check_invariants(iisfake::FakeHttpRequest& fake, std::vector<Handed>& handed,
                      Certificates& certificates) {
    const IHttpRequest* request = &fake;
    const HTTP_REQUEST* raw = request->GetRawHttpRequest();
    for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw->Headers.KnownHeaders[id];
        USHORT cch = 1;
        const PCSTR value = request->GetHeader(static_cast<HTTP_HEADER_ID>(id), &cch);
        EXPECT(value == slot.pRawValue);
        if (!value) {
            EXPECT(cch == 0);
            continue;
        }
        EXPECT(cch == slot.RawValueLength);
        check_string(value, cch);
        EXPECT(std::memchr(value, '\r', cch) == nullptr);  // no header injection
        EXPECT(std::memchr(value, '\n', cch) == nullptr);
        hand_out(handed, value, cch);
    }
    const USHORT count = raw->Headers.UnknownHeaderCount;
    EXPECT(count == 0 || raw->Headers.pUnknownHeaders != nullptr);
    for (USHORT i = 0; i < count; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw->Headers.pUnknownHeaders[i];
        check_string(entry.pName, entry.NameLength);
        check_string(entry.pRawValue, entry.RawValueLength);
        EXPECT(std::memchr(entry.pRawValue, '\r', entry.RawValueLength) == nullptr);
        EXPECT(std::memchr(entry.pRawValue, '\n', entry.RawValueLength) == nullptr);
        if (i >= 8 && i + 8 < count) continue;  // lookups are linear: check both ends only
        // GetHeader by this name returns the first entry of the name, as the raw struct has it.
        USHORT first = 0;
        while (!(raw->Headers.pUnknownHeaders[first].NameLength == entry.NameLength &&
                 same_name(raw->Headers.pUnknownHeaders[first].pName, entry.pName,
                           entry.NameLength)))
            ++first;
        USHORT cch = 0;
        const PCSTR found = request->GetHeader(entry.pName, &cch);
        EXPECT(found == raw->Headers.pUnknownHeaders[first].pRawValue);
        EXPECT(cch == raw->Headers.pUnknownHeaders[first].RawValueLength);
    }
    // The method: Verb and GetHttpMethod agree.
    const PCSTR method = request->GetHttpMethod();
    EXPECT(method != nullptr);
    if (raw->Verb == HttpVerbUnknown) {
        check_string(raw->pUnknownVerb, raw->UnknownVerbLength);
        EXPECT(method == raw->pUnknownVerb);
    } else {
        EXPECT(raw->pUnknownVerb == nullptr || raw->Verb != HttpVerbUnknown);
    }
    hand_out(handed, method, std::strlen(method));
    // The cooked URL: one NUL-terminated buffer, lengths in bytes, the parts in order.
    const HTTP_COOKED_URL& cooked = raw->CookedUrl;
    EXPECT(cooked.pFullUrl != nullptr);
    EXPECT(cooked.FullUrlLength % sizeof(WCHAR) == 0);
    EXPECT(std::wcslen(cooked.pFullUrl) * sizeof(WCHAR) == cooked.FullUrlLength);
    EXPECT(cooked.pAbsPath == cooked.pHost + cooked.HostLength / sizeof(WCHAR));
    // The host part is a host: no path or query characters, brackets closed.
    const std::wstring host(cooked.pHost, cooked.HostLength / sizeof(WCHAR));
    EXPECT(host.find_first_of(L"/?#") == std::wstring::npos);
    EXPECT((host.find(L'[') == std::wstring::npos) == (host.find(L']') == std::wstring::npos));
    if (cooked.pQueryString) {
        EXPECT(cooked.pQueryString[0] == L'?');
        EXPECT(cooked.pQueryString == cooked.pAbsPath + cooked.AbsPathLength / sizeof(WCHAR));
    } else {
        EXPECT(cooked.QueryStringLength == 0);
    }
    check_string(raw->pRawUrl, raw->RawUrlLength);
    // As http.sys made it, the cooked path is canonical: no dot segments to climb with.
    const std::wstring path(cooked.pAbsPath, cooked.AbsPathLength / sizeof(WCHAR));
    if (!request->GetUrlChanged() && !path.empty() && path[0] == L'/') {
        EXPECT(path.find(L"/../") == std::wstring::npos);
        EXPECT(path.find(L"/./") == std::wstring::npos);
        EXPECT(path.find(L'\\') == std::wstring::npos);
        EXPECT(path.size() < 3 || path.compare(path.size() - 3, 3, L"/..") != 0);
    }
    // A certificate's bytes, once handed out, keep their value until the request ends, also
    // when a renegotiation brings another certificate.
    if (raw->pSslInfo && raw->pSslInfo->pClientCertInfo) {
        const HTTP_SSL_CLIENT_CERT_INFO* info = raw->pSslInfo->pClientCertInfo;
        const char* bytes = reinterpret_cast<const char*>(info->pCertEncoded);
        if (certificates.empty() || certificates.back().first != bytes)
            certificates.emplace_back(bytes, std::string(bytes, info->CertEncodedSize));
    }
    for (const auto& certificate : certificates)
        EXPECT(std::memcmp(certificate.first, certificate.second.data(),
                           certificate.second.size()) == 0);
    // Completions stay within their buffers (the module checks each as it arrives).
    (void)fake.completions();
}

// Every pointer handed out is still readable (poisoned ones read "<stale>"); AddressSanitizer
// reports one that was freed.
void read_all(const std::vector<Handed>& handed) {
    unsigned sum = 0;
    for (const Handed& h : handed)
        for (std::size_t i = 0; i < h.length; ++i) sum += static_cast<unsigned char>(h.text[i]);
    if (sum == 1) std::fprintf(stderr, "%u\n", sum);  // keeps the reads
}

iisfake::RequestBuilder configure(Input& in, bool& chunked, bool& read_faults) {
    iisfake::RequestBuilder spec;
    const std::uint8_t shape = in.byte();
    spec.method(shape & 1u ? in.text() : std::string(in.pick(methods)));
    spec.url(shape & 2u ? in.text() : std::string(in.pick(urls)));
    const int headers = in.byte() % 6;
    for (int i = 0; i < headers; ++i) {
        const std::string name = in.flag() ? in.text() : std::string(in.pick(names));
        spec.header(name, name == "Host" ? std::string(in.pick(hosts)) : in.text());
    }
    if (shape & 4u) spec.remove_header("Host");
    if (shape & 8u) {
        const std::uint32_t length = in.u32() % (1u << 20);
        spec.body(length, [](ULONGLONG offset, void* out, DWORD count) {
            std::memset(out, static_cast<int>(offset % 251u), count);
        });
    } else {
        spec.body(in.text());
    }
    chunked = (shape & 16u) != 0;
    if (chunked) spec.chunked();
    if (shape & 32u) spec.tls();
    if (shape & 64u) {
        spec.client_certificate(in.text());
        spec.negotiable_client_certificate(std::string(in.byte(), 'N'));
    }
    if (shape & 128u) {
        const std::uint8_t at = in.byte();
        spec.disconnect_after(at, results[in.byte() % 5]);
    }
    const std::uint8_t more = in.byte();
    if (more & 1u) spec.read_sizes({static_cast<DWORD>(in.byte()), static_cast<DWORD>(in.byte())});
    if (more & 2u) {
        const char* ip = in.pick(addresses);
        spec.local_address(ip, in.u16());
    }
    if (more & 4u) {
        const char* ip = in.pick(addresses);
        spec.remote_address(ip, in.u16());
    }
    if (more & 8u) spec.channel_binding_token(in.text());
    if (more & 32u) spec.body(in.u32() % 65536u, nullptr);  // bytes, no generator: refused
    if (more & 16u) {
        const auto method = static_cast<iisfake::Method>(in.byte() % 20);
        read_faults = method == iisfake::Method::ReadEntityBody;
        const unsigned nth = in.byte() % 4u;
        spec.fail_nth(method, nth, results[in.byte() % 5]);
    }
    iisfake::Options options;
    options.async_policy = static_cast<iisfake::AsyncPolicy>(in.byte() % 5);
    options.async_script = {in.flag(), in.flag()};  // a braced list is read left to right
    options.async_eof = in.flag() ? iisfake::AsyncEof::completion : iisfake::AsyncEof::immediate;
    options.poison_replaced_values = in.flag();
    options.full_duplex = in.flag();
    options.delete_all_duplicates = in.flag();
    options.count_inserted_bytes = in.flag();
    options.append_separator = in.pick(separators);
    options.record_calls = in.flag();
    spec.options(options);
    return spec;
}

void run(Input& in) {
    std::unique_ptr<iisfake::RequestBuilder> spec;
    bool chunked = false;
    bool read_faults = false;
    try {
        spec.reset(new iisfake::RequestBuilder(configure(in, chunked, read_faults)));
    } catch (const std::invalid_argument&) {
        return;  // bad test input is refused by the builder: fine
    }
    // Storage module code owns: it must outlive the fake (InsertEntityBody keeps pointers).
    std::deque<std::vector<char>> buffers;
    std::deque<std::string> texts;
    std::vector<HTTP_UNKNOWN_HEADER> own_array;
    std::vector<Handed> handed;
    Certificates certificates;
    Module module;
    module.buffers = &buffers;

    std::unique_ptr<iisfake::FakeHttpRequest> owner;
    try {
        owner.reset(new iisfake::FakeHttpRequest(*spec));
    } catch (const std::invalid_argument&) {
        return;
    }
    iisfake::FakeHttpRequest& fake = *owner;
    fake.set_misuse_handler([](const iisfake::Misuse& report) {
        EXPECT(!report.method.empty());
        EXPECT(!report.rule.empty());
    });
    IHttpRequest4* request = &fake;
    module.request = request;
    PCSTR snapshot[HttpHeaderRequestMaximum] = {};
    DWORD unknown_count = 0;
    PCSTR* unknown_names = nullptr;
    PCSTR* unknown_values = nullptr;
    DWORD change_number = 0;

    for (int step = 0; step < 512 && !in.empty(); ++step) {
        try {
            switch (in.byte() % 25) {
                case 0: {
                    texts.push_back(in.flag() ? in.text() : std::string(in.pick(names)));
                    USHORT cch = 0;
                    const PCSTR value = request->GetHeader(texts.back().c_str(), &cch);
                    if (value) hand_out(handed, value, cch);
                    break;
                }
                case 1: {
                    const int id = static_cast<std::int8_t>(in.byte());
                    (void)request->GetHeader(static_cast<HTTP_HEADER_ID>(id));
                    break;
                }
                case 2: {
                    const std::string name = in.flag() ? in.text() : std::string(in.pick(names));
                    const std::string value = in.text();
                    const USHORT cch = static_cast<USHORT>(in.flag() ? value.size() + in.byte() % 3
                                                                     : value.size());
                    (void)request->SetHeader(name.c_str(), value.c_str(), cch, in.flag());
                    break;
                }
                case 3: {
                    const int id = static_cast<std::int8_t>(in.byte());
                    const std::string value = in.text();
                    (void)request->SetHeader(static_cast<HTTP_HEADER_ID>(id), value.c_str(),
                                             static_cast<USHORT>(value.size()), in.flag());
                    break;
                }
                case 4: {
                    const std::string name = in.flag() ? in.text() : std::string(in.pick(names));
                    (void)request->DeleteHeader(name.c_str());
                    break;
                }
                case 5:
                    (void)request->DeleteHeader(
                        static_cast<HTTP_HEADER_ID>(static_cast<std::int8_t>(in.byte())));
                    break;
                case 6: {
                    const std::string method = in.flag() ? in.text() : std::string(in.pick(methods));
                    (void)request->SetHttpMethod(method.c_str());
                    break;
                }
                case 7: {
                    const std::string url = in.flag() ? in.text() : std::string(in.pick(urls));
                    const DWORD cch = static_cast<DWORD>(url.size() + (in.flag() ? 1 : 0));
                    (void)request->SetUrl(url.c_str(), cch, in.flag());
                    break;
                }
                case 8: {
                    const std::string bytes = in.text();
                    std::wstring url;
                    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
                        url += static_cast<wchar_t>(static_cast<unsigned char>(bytes[i]) |
                                                    (static_cast<unsigned char>(bytes[i + 1]) & 0x7Fu) << 8);
                    (void)request->SetUrl(url.c_str(), static_cast<DWORD>(url.size()), in.flag());
                    break;
                }
                case 9: {  // synchronous read
                    const DWORD size = in.byte();
                    buffers.emplace_back(size + 1u);
                    DWORD received = 0;
                    const bool all_sent = !chunked && !fake.has_pending() &&
                                          fake.options().count_inserted_bytes &&
                                          request->GetRemainingEntityBytes() == 0;
                    const HRESULT hr = static_cast<IHttpRequest*>(request)->ReadEntityBody(
                        size ? buffers.back().data() : nullptr, size, FALSE, &received);
                    if (SUCCEEDED(hr)) EXPECT(received <= size);
                    // A client that sent the whole body has sent it: EOF, whatever happens
                    // to its connection afterwards (T-11).
                    if (all_sent && size && !read_faults) EXPECT(hr == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF));
                    break;
                }
                case 10: {  // asynchronous read, the three forms
                    const DWORD size = static_cast<DWORD>(in.byte() % 64u + 1u);
                    if (size > module.largest_read) module.largest_read = size;
                    buffers.emplace_back(size);
                    DWORD received = 0;
                    BOOL pending = FALSE;
                    BOOL* pending_out = in.flag() ? &pending : nullptr;
                    const std::uint8_t form = in.byte() % 3;
                    HRESULT hr = S_OK;
                    if (form == 0) {
                        hr = static_cast<IHttpRequest*>(request)->ReadEntityBody(
                            buffers.back().data(), size, TRUE, &received, pending_out);
                    } else if (form == 1) {
                        hr = static_cast<IHttpRequest3*>(request)->ReadEntityBody(
                            buffers.back().data(), size, TRUE,
                            [](IHttpContext3*, IHttpCompletionInfo2* info, VOID* context) {
                                EXPECT(info->GetCompletionBytes() <=
                                       static_cast<Module*>(context)->largest_read);
                                return RQ_NOTIFICATION_PENDING;
                            },
                            &module, &received, pending_out);
                    } else {
                        hr = request->ReadEntityBody(buffers.back().data(), size, TRUE, in.u32(),
                                                     &received, pending_out);
                    }
                    if (SUCCEEDED(hr) && pending_out && !pending) EXPECT(received <= size);
                    break;
                }
                case 11: {
                    buffers.emplace_back(in.byte());
                    (void)request->InsertEntityBody(
                        buffers.back().empty() ? nullptr : buffers.back().data(),
                        static_cast<DWORD>(buffers.back().size()));
                    break;
                }
                case 12:
                    (void)request->GetRemainingEntityBytes();
                    break;
                case 13: {
                    HTTP_SSL_CLIENT_CERT_INFO* info = nullptr;
                    BOOL negotiated = FALSE;
                    if (request->GetClientCertificate(&info, &negotiated) == S_OK && info)
                        hand_out(handed, reinterpret_cast<const char*>(info->pCertEncoded),
                                 info->CertEncodedSize);
                    break;
                }
                case 14: {
                    BOOL pending = FALSE;
                    const BOOL async = in.flag();
                    (void)request->NegotiateClientCertificate(async, in.flag() ? &pending : nullptr);
                    break;
                }
                case 15: {
                    DWORD diffed[HttpHeaderRequestMaximum + 1];
                    DWORD diffed_count = 0;
                    DWORD* diffed_unknown = nullptr;
                    if (request->GetHeaderChanges(change_number, &change_number, snapshot,
                                                  &unknown_count, &unknown_names, &unknown_values,
                                                  diffed, &diffed_count, &diffed_unknown) == S_OK) {
                        EXPECT(diffed_count <= unknown_count);
                        EXPECT(diffed_unknown[diffed_count] == static_cast<DWORD>(-1));
                    }
                    break;
                }
                case 16: {
                    PBYTE token = nullptr;
                    DWORD size = 0;
                    if (request->GetChannelBindingToken(&token, &size) == S_OK)
                        hand_out(handed, reinterpret_cast<const char*>(token), size);
                    break;
                }
                case 17:
                    if (fake.has_pending()) fake.complete_pending();
                    break;
                case 18:
                    if (fake.has_pending()) {
                        try {
                            const HRESULT status = results[in.byte() % 5];
                            fake.complete_pending_with(status, in.byte());
                        } catch (const std::invalid_argument&) {
                        }
                    }
                    break;
                case 19:
                    fake.cancel_pending();
                    break;
                case 20:
                    module.reads_left = in.byte() * 256;  // up to 65,280 reads from completions
                    fake.set_completion_sink(
                        [&module](IHttpCompletionInfo* info) { return module.on_completion(info); });
                    break;
                case 21: {  // module code writes into the raw struct directly (T-8)
                    HTTP_REQUEST* writable = request->GetRawHttpRequest();
                    texts.push_back(in.text());
                    for (char& c : texts.back())  // the invariants hold the fake to no CR/LF
                        if (c == '\r' || c == '\n') c = ' ';
                    if (in.flag()) {
                        HTTP_KNOWN_HEADER& slot =
                            writable->Headers.KnownHeaders[in.byte() % HttpHeaderRequestMaximum];
                        slot.pRawValue = texts.back().c_str();
                        slot.RawValueLength = static_cast<USHORT>(std::strlen(texts.back().c_str()));
                    } else if (own_array.empty()) {
                        own_array.resize(2);
                        own_array[0].pName = "X-Own";
                        own_array[0].NameLength = 5;
                        own_array[0].pRawValue = texts.back().c_str();
                        own_array[0].RawValueLength =
                            static_cast<USHORT>(std::strlen(texts.back().c_str()));
                        own_array[1] = own_array[0];
                        writable->Headers.pUnknownHeaders = own_array.data();
                        writable->Headers.UnknownHeaderCount = 2;
                    }
                    break;
                }
                case 22: {
                    iisfake::Options& options = fake.options();
                    options.poison_replaced_values = in.flag();
                    options.async_policy = static_cast<iisfake::AsyncPolicy>(in.byte() % 5);
                    options.full_duplex = in.flag();
                    break;
                }
                case 24: {  // many edits at once, where memory could go quadratic
                    const std::uint8_t kind = in.byte() % 4;
                    const unsigned n = in.u16() % 2001u;
                    const iisfake_test::PeakMeter meter;
                    for (unsigned i = 0; i < n; ++i) {
                        const std::string name = std::to_string(i) + "-Bulk";
                        if (kind == 0) (void)request->SetHeader(name.c_str(), "v", 1, TRUE);
                        if (kind == 1) (void)request->SetHeader(HttpHeaderCookie, "x", 1, FALSE);
                        if (kind == 2) (void)request->SetHeader("X-Bulk", "x", 1, FALSE);
                        if (kind == 3) (void)request->DeleteHeader(name.c_str());
                    }
                    // Memory in proportion to what is live, not to edits x headers. Poisoning
                    // keeps every replaced block by design, so it is left out.
                    if (!fake.options().poison_replaced_values && iisfake_test::counting_enabled)
                        EXPECT(meter.peak() <= 512u * n + (256u << 10));
                    break;
                }
                case 23: {
                    USHORT major = 0, minor = 0;
                    request->GetHttpVersion(&major, &minor);
                    (void)request->GetUrlChanged();
                    const PCWSTR forwarded = request->GetForwardedUrl();
                    if (forwarded) EXPECT(std::wcslen(forwarded) < 0x10000u);
                    (void)fake.calls();
                    break;
                }
            }
        } catch (const std::invalid_argument&) {
            // The test's own mistakes (an append separator with CR/LF) are refused loudly.
        }
        check_invariants(fake, handed, certificates);
        if (step % 64 == 63) read_all(handed);
    }
    fake.cancel_pending();
    check_invariants(fake, handed, certificates);
    read_all(handed);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in(data, size);
    run(in);
    return 0;
}
