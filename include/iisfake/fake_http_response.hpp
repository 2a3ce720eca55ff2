#ifndef IISFAKE_FAKE_HTTP_RESPONSE_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_RESPONSE_HPP_INCLUDED

// FakeHttpResponse: an IHttpResponse4 (so also 3, 2 and IHttpResponse) that behaves as IIS
// does. Its HTTP_RESPONSE is live and is the only copy of the response's state: SetStatus and
// SetHeader write into it, and what module code writes into it directly is honoured (RESP-4).
// What the client received is recorded, as Go's httptest.ResponseRecorder does: each send
// (status and headers once, then body bytes per flush), read from the module's memory at the
// moment IIS would read it — so a buffer passed by reference and freed too early shows.
//
// SDK methods (PascalCase) are what module code calls; lower_snake_case members are test knobs
// and inspectors.

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/call_log.hpp"
#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/header_table.hpp"
#include "iisfake/detail/request_core.hpp"
#include "iisfake/detail/storage.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/fake_http_cache_policy.hpp"
#include "iisfake/header_names.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/options.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// One send to the client: a Flush, an unbuffered write, or the final send at the request's
// end.
struct Send {
    bool headers;      // status line and headers went out in this send
    std::string body;  // the body bytes of this send
    bool more_data;    // the module said more would follow (fMoreData)
    bool final;        // the send at the end of the request
    DWORD flags = 0;   // HTTP_SEND_RESPONSE_FLAG_*, as OnSendResponse handlers left them
};

namespace detail {

template <class Unused = void>
class FakeHttpResponseBase : public IHttpResponse4 {
public:
    using Core = RequestCore<Unused>;
    FakeHttpResponseBase() : own_core_(new Core), core_(own_core_.get()) { init(); }
    // A response that shares `core` with the request and context of the same request.
    explicit FakeHttpResponseBase(Core& core) : core_(&core) { init(); }
    FakeHttpResponseBase(const FakeHttpResponseBase&) = delete;
    FakeHttpResponseBase& operator=(const FakeHttpResponseBase&) = delete;
    // Reports an operation still pending (through the misuse handler, which by default throws).
    virtual ~FakeHttpResponseBase() noexcept(false) {
        if (own_core_) own_core_->end_of_request("FakeHttpResponse::~FakeHttpResponse");
    }

    // ---- IHttpResponse -----------------------------------------------------------------------
    HTTP_RESPONSE* GetRawHttpResponse(VOID) override {
        record(Method::GetRawHttpResponse, std::string(), S_OK);
        return &raw_;
    }
    const HTTP_RESPONSE* GetRawHttpResponse(VOID) const override {
        record(Method::GetRawHttpResponse, "const", S_OK);
        return &raw_;
    }
    IHttpCachePolicy* GetCachePolicy(VOID) override {
        record(Method::GetCachePolicy, std::string(), S_OK);
        return &cache_policy_;
    }
    HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus = 0,
                      HRESULT hrErrorToReport = S_OK, IAppHostConfigException* pException = NULL,
                      BOOL fTrySkipCustomErrors = FALSE) override;
    HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT DeleteHeader(PCSTR pszHeaderName) override;
    HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) override;
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const override;
    VOID Clear(VOID) override;
    VOID ClearHeaders(VOID) override;
    VOID SetNeedDisconnect(VOID) override {
        need_disconnect_ = true;
        record(Method::SetNeedDisconnect, std::string(), S_OK);
    }
    VOID ResetConnection(VOID) override {
        connection_reset_ = true;
        record(Method::ResetConnection, std::string(), S_OK);
    }
    VOID DisableKernelCache(ULONG reason = 9) override {
        kernel_cache_disabled_ = true;
        kernel_cache_reason_ = reason;
        record(Method::DisableKernelCache, std::to_string(reason), S_OK);
    }
    BOOL GetKernelCacheEnabled(VOID) const override {
        record(Method::GetKernelCacheEnabled, std::string(), S_OK);
        return kernel_cache_disabled_ ? FALSE : TRUE;
    }
    VOID SuppressHeaders(VOID) override {
        headers_suppressed_ = true;
        record(Method::SuppressHeaders, std::string(), S_OK);
    }
    BOOL GetHeadersSuppressed(VOID) const override {
        record(Method::GetHeadersSuppressed, std::string(), S_OK);
        return headers_suppressed_ ? TRUE : FALSE;
    }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD* pcbSent,
                  BOOL* pfCompletionExpected = NULL) override {
        return flush("IHttpResponse::Flush", fAsync, fMoreData, nullptr, nullptr, false, pcbSent,
                     pfCompletionExpected);
    }
    HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode = TRUE,
                     BOOL fIncludeParameters = FALSE) override;
    HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                        LONG lInsertPosition = -1) override;
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                              BOOL fMoreData, DWORD* pcbSent,
                              BOOL* pfCompletionExpected = NULL) override {
        return write("IHttpResponse::WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData,
                     nullptr, nullptr, false, pcbSent, pfCompletionExpected);
    }
    VOID DisableBuffering(VOID) override {
        buffering_ = false;
        record(Method::DisableBuffering, std::string(), S_OK);
    }
    VOID GetStatus(USHORT* pStatusCode, USHORT* pSubStatus = NULL, PCSTR* ppszReason = NULL,
                   USHORT* pcchReason = NULL, HRESULT* phrErrorToReport = NULL,
                   PCWSTR* ppszModule = NULL, DWORD* pdwNotification = NULL,
                   IAppHostConfigException** ppException = NULL,
                   BOOL* pfTrySkipCustomErrors = NULL) override;
    HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription,
                                BOOL fHtmlEncode = TRUE) override;
    PCWSTR GetErrorDescription(DWORD* pcchDescription = NULL) override;
    // IIS-internal (RESP-16), used by no public module: not supported by the fake.
    HRESULT GetHeaderChanges(DWORD, DWORD*, PCSTR[HttpHeaderResponseMaximum], DWORD*, PCSTR**,
                             PCSTR**, DWORD[HttpHeaderResponseMaximum + 1], DWORD*,
                             DWORD**) override {
        record(Method::GetHeaderChanges, std::string(), HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    VOID CloseConnection(VOID) override {
        connection_closed_ = true;
        connection_reset_ = true;
        record(Method::CloseConnection, std::string(), S_OK);
    }

    // ---- IHttpResponse2 / 3 / 4 --------------------------------------------------------------
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                              BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                              VOID* pvCompletionContext, DWORD* pcbSent,
                              BOOL* pfCompletionExpected = NULL) override {
        return write("IHttpResponse2::WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData,
                     pfnCompletionCallback, pvCompletionContext, true, pcbSent,
                     pfCompletionExpected);
    }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                  VOID* pvCompletionContext, DWORD* pcbSent,
                  BOOL* pfCompletionExpected = NULL) override {
        return flush("IHttpResponse2::Flush", fAsync, fMoreData, pfnCompletionCallback,
                     pvCompletionContext, true, pcbSent, pfCompletionExpected);
    }
    HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders,
                        PCSTR* rgHeaderNames, PCSTR* rgHeaderValues) override;
    HRESULT DeleteTrailer(PCSTR pszHeaderName) override;
    PCSTR GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    VOID ResetStream(ULONG errorCode) override {
        stream_reset_ = true;
        stream_error_ = errorCode;
        record(Method::ResetStream, std::to_string(errorCode), S_OK);
    }
    VOID SetNeedGoAway(VOID) override {
        need_go_away_ = true;
        record(Method::SetNeedGoAway, std::string(), S_OK);
    }
    HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                       BOOL fReplace) override;

    // ---- test knobs ---------------------------------------------------------------------------
    // Shared with the request and context of the same request.
    Options& options() noexcept { return core_->options_; }
    const Options& options() const noexcept { return core_->options_; }
    void set_misuse_handler(MisuseHandler handler) { core_->misuse_handler_ = std::move(handler); }
    // Every call of `method` on the response from now on (or only its nth call) returns
    // `result` without effect; see FakeHttpRequest::fail.
    void fail(Method method, HRESULT result) { core_->add_fault(On::response, method, 0, result); }
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_->add_fault(On::response, method, nth, result);
    }
    void clear_faults() { core_->clear_faults(On::response); }
    // Memory a by-reference chunk may point to without being request memory (string literals,
    // static tables), for Options::strict_request_memory.
    void declare_static_memory(const void* data, std::size_t size) {
        static_memory_.push_back(Range{static_cast<const unsigned char*>(data), size});
    }
    // How the response learns what is request memory and the URL redirects are relative to;
    // FakeHttpContext sets both.
    void set_request_memory_check(Callback<bool(const void*, std::size_t)> check) {
        is_request_memory_ = std::move(check);
    }
    void set_request_url(Callback<std::string()> full_url) { request_url_ = std::move(full_url); }
    // The request ends: what is still buffered is sent, as IIS does after the last
    // notification (with the status and headers if they have not gone yet). Once only.
    void end_request();

    // ---- asynchronous completion (see FakeHttpRequest) ----------------------------------------
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_->lock();
        core_->sink_ = std::move(sink);
    }
    bool has_pending() const { return core_->has_pending(); }
    std::size_t pending_count() const { return core_->pending_count(); }
    void complete_pending() { core_->complete_pending("FakeHttpResponse::complete_pending"); }
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_->complete_pending_with("FakeHttpResponse::complete_pending", status, bytes);
    }
    std::vector<Completion> completions() const { return core_->completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    std::vector<Call> calls() const { return core_->calls(On::response); }
    void clear_calls() { core_->clear_calls(On::response); }
    const std::vector<Misuse>& misuses() const noexcept { return core_->misuses_; }

    // The response as it stands now (the raw struct).
    USHORT status() const noexcept { return raw_.StatusCode; }
    USHORT substatus() const noexcept { return substatus_; }
    std::string reason() const {
        return raw_.pReason ? std::string(raw_.pReason, raw_.ReasonLength) : std::string();
    }
    HRESULT error_to_report() const noexcept { return error_to_report_; }
    bool try_skip_custom_errors() const noexcept { return try_skip_custom_errors_; }
    // Every header line, known ones in id order, then the unknown array in order.
    std::vector<std::pair<std::string, std::string>> headers() const;
    bool has_header(const std::string& name) const { return !header_values(name).empty(); }
    // The first value ("" when absent); header_values() has every line of that name.
    std::string header(const std::string& name) const;
    std::vector<std::string> header_values(const std::string& name) const;
    std::vector<std::pair<std::string, std::string>> trailers() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const Trailer& trailer : trailers_)
            out.emplace_back(trailer.name, std::string(trailer.value, trailer.length));
        return out;
    }
    std::string error_description() const { return wide_to_utf8(error_description_); }

    // What the client received.
    const std::vector<Send>& sends() const noexcept { return sends_; }
    bool headers_sent() const noexcept { return headers_sent_; }
    // The status and headers as they went out (empty before the first send).
    USHORT sent_status() const noexcept { return sent_status_; }
    const std::vector<std::pair<std::string, std::string>>& sent_headers() const noexcept {
        return sent_headers_;
    }
    std::string body() const;  // every body byte sent so far
    // Body bytes written but not sent yet, read from the module's memory now.
    std::string buffered_body() const;
    bool ended() const noexcept { return ended_; }
    bool buffering() const noexcept { return buffering_; }
    bool need_disconnect() const noexcept { return need_disconnect_; }
    bool connection_reset() const noexcept { return connection_reset_; }
    bool connection_closed() const noexcept { return connection_closed_; }
    bool kernel_cache_disabled() const noexcept { return kernel_cache_disabled_; }
    ULONG kernel_cache_reason() const noexcept { return kernel_cache_reason_; }
    bool stream_reset() const noexcept { return stream_reset_; }
    ULONG stream_error() const noexcept { return stream_error_; }
    bool need_go_away() const noexcept { return need_go_away_; }
    // PushPromise calls: "VERB path?query".
    const std::vector<std::string>& push_promises() const noexcept { return push_promises_; }
    FakeHttpCachePolicy& cache_policy() noexcept { return cache_policy_; }

private:
    struct Range {
        const unsigned char* data;
        std::size_t size;
    };
    struct Trailer {
        std::string name;
        PCSTR value;  // in strings_
        USHORT length;
    };
    using Headers = HeaderTable<HTTP_RESPONSE_HEADERS, HttpHeaderResponseMaximum>;

    void init();
    typename Core::Lock lock() const { return core_->lock(); }
    void record(Method method, std::string arguments, HRESULT result) const {
        core_->record(On::response, method, std::move(arguments), result);
    }
    HRESULT report(const char* method, const char* rule, std::string problem,
                   HRESULT result) const {
        return core_->report(method, rule, std::move(problem), result);
    }
    bool injected_recorded(Method method, const std::string& arguments, HRESULT& result) {
        return core_->injected_recorded(On::response, method, arguments, result);
    }
    static std::string wide_to_utf8(const wide_string& text) {
        return detail::wide_to_utf8(text.data(), text.size());
    }
    HRESULT set_header(const char* method, int id, const char* name, std::size_t name_length,
                       PCSTR value, USHORT cch, BOOL replace);
    const char* find_header(const char* name, std::size_t length, USHORT* pcch) const;
    void remove_header(int id, const char* name, std::size_t length);
    bool static_or_request_memory(const void* data, std::size_t size) const;
    HRESULT add_chunks(const char* method, const HTTP_DATA_CHUNK* chunks, DWORD count,
                       LONG position, bool by_reference);
    bool write_blocked() const;
    HRESULT write(const char* method, HTTP_DATA_CHUNK* chunks, DWORD count, BOOL async, BOOL more,
                  PFN_ASYNC_COMPLETION callback, void* context, bool has_callback, DWORD* sent,
                  BOOL* expected);
    HRESULT flush(const char* method, BOOL async, BOOL more, PFN_ASYNC_COMPLETION callback,
                  void* context, bool has_callback, DWORD* sent, BOOL* expected);
    HRESULT finish_async(Method method, const std::string& arguments, DWORD bytes, BOOL more,
                         PFN_ASYNC_COMPLETION callback, void* context, bool has_callback,
                         DWORD* sent, BOOL* expected);
    DWORD pending_bytes() const;
    DWORD send(bool more, bool final);
    Transfer complete_operation(const Operation& op);
    // Completes this fake's operations for the core. A member rather than a base class: a
    // completion running on another thread calls it while the destructor waits for that
    // thread, and a member keeps its vtable until the destructor's body has returned.
    class Completer final : public OperationOwner {
    public:
        explicit Completer(FakeHttpResponseBase& fake) : fake_(fake) {}
        Completer(const Completer&) = delete;
        Completer& operator=(const Completer&) = delete;
        virtual ~Completer() = default;
        Transfer complete_operation(const Operation& op) override {
            return fake_.complete_operation(op);
        }

    private:
        FakeHttpResponseBase& fake_;
    };
    Completer completer_{*this};

    std::unique_ptr<Core> own_core_;  // when built alone
    Core* core_;

    HTTP_RESPONSE raw_;
    Headers headers_{raw_.Headers, core_->options_.poison_replaced_values};
    Pool<char> strings_;
    Pool<WCHAR> wide_strings_;
    std::vector<HTTP_DATA_CHUNK> chunks_;  // the array raw_.pEntityChunks points to
    std::vector<std::unique_ptr<unsigned char[]>> copies_;  // buffered copies of memory chunks
    FakeHttpCachePolicy cache_policy_;

    USHORT substatus_ = 0;
    HRESULT error_to_report_ = S_OK;
    bool try_skip_custom_errors_ = false;
    wide_string error_description_;
    bool error_description_encode_ = true;
    std::vector<Trailer> trailers_;
    std::vector<std::string> push_promises_;

    bool buffering_ = true;
    bool headers_suppressed_ = false;
    bool headers_sent_ = false;
    bool ended_ = false;
    bool need_disconnect_ = false;
    bool connection_reset_ = false;
    bool connection_closed_ = false;
    bool kernel_cache_disabled_ = false;
    ULONG kernel_cache_reason_ = 0;
    bool stream_reset_ = false;
    ULONG stream_error_ = 0;
    bool need_go_away_ = false;
    std::size_t async_writes_ = 0;
    bool in_send_handlers_ = false;  // a handler's own Flush sends without raising them again

    std::vector<Send> sends_;
    USHORT sent_status_ = 0;
    std::vector<std::pair<std::string, std::string>> sent_headers_;
    std::vector<Range> static_memory_;
    Callback<bool(const void*, std::size_t)> is_request_memory_;
    Callback<std::string()> request_url_;
};

}  // namespace detail

// An IHttpResponse4 (and so IHttpResponse3, 2 and IHttpResponse) that behaves as IIS does; see
// FakeHttpResponseBase for its members. Most tests get one from FakeHttpContext.
class FakeHttpResponse : public detail::FakeHttpResponseBase<> {
public:
    using FakeHttpResponseBase::FakeHttpResponseBase;
    FakeHttpResponse() = default;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpResponseBase<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/fake_http_response_impl.hpp"
#endif

#endif
