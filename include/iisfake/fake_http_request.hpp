#ifndef IISFAKE_FAKE_HTTP_REQUEST_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_REQUEST_HPP_INCLUDED

// FakeHttpRequest: an IHttpRequest4 (so also IHttpRequest3, 2 and IHttpRequest) that behaves
// as IIS does. Its HTTP_REQUEST is live and is the only copy of the request's state: SetHeader
// and friends write into it, and writes module code makes into it directly are honoured.
//
// SDK methods (PascalCase) are what module code calls; lower_snake_case members are test knobs
// and inspectors that production code could never reach.

#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/request_core.hpp"
#include "iisfake/call_log.hpp"
#include "iisfake/detail/address.hpp"
#include "iisfake/detail/ascii.hpp"
#include "iisfake/detail/header_table.hpp"
#include "iisfake/detail/storage.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/detail/url.hpp"
#include "iisfake/fake_completion_info.hpp"
#include "iisfake/header_names.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/options.hpp"
#include "iisfake/request_builder.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {

// The implementation, a template only so that a TU that includes iisfake without constructing a
// fake request compiles none of it (users include iisfake in every test file). Use
// iisfake::FakeHttpRequest.
template <class Unused = void>
class FakeHttpRequestBase : public IHttpRequest4 {
public:
    using Core = RequestCore<Unused>;
    FakeHttpRequestBase() : FakeHttpRequestBase(RequestBuilder()) {}
    explicit FakeHttpRequestBase(const RequestBuilder& spec);
    // A request that shares `core` (call log, faults, misuse handler, completion queue) with
    // the response and context of the same request. Used by FakeHttpContext.
    FakeHttpRequestBase(const RequestBuilder& spec, Core& core);
    FakeHttpRequestBase(const FakeHttpRequestBase&) = delete;
    FakeHttpRequestBase& operator=(const FakeHttpRequestBase&) = delete;
    // Reports a read still pending (through the misuse handler, which by default throws), and
    // waits for completions running on other threads.
    virtual ~FakeHttpRequestBase() noexcept(false);

    // ---- IHttpRequest ----------------------------------------------------------------------
    HTTP_REQUEST* GetRawHttpRequest(VOID) override {
        record(Method::GetRawHttpRequest, std::string(), S_OK);
        return &raw_;
    }
    const HTTP_REQUEST* GetRawHttpRequest(VOID) const override {
        record(Method::GetRawHttpRequest, "const", S_OK);
        return &raw_;
    }
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const override;
    HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT DeleteHeader(PCSTR pszHeaderName) override;
    HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) override;
    PCSTR GetHttpMethod(VOID) const override;
    HRESULT SetHttpMethod(PCSTR pszHttpMethod) override;
    HRESULT SetUrl(PCWSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override;
    HRESULT SetUrl(PCSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override;
    BOOL GetUrlChanged(VOID) const override {
        record(Method::GetUrlChanged, std::string(), S_OK);
        return url_changed_ ? TRUE : FALSE;
    }
    PCWSTR GetForwardedUrl(VOID) const override {
        record(Method::GetForwardedUrl, std::string(), S_OK);
        return forwarded_url_;
    }
    PSOCKADDR GetLocalAddress(VOID) const override {
        record(Method::GetLocalAddress, std::string(), S_OK);
        return raw_.Address.pLocalAddress;
    }
    PSOCKADDR GetRemoteAddress(VOID) const override {
        record(Method::GetRemoteAddress, std::string(), S_OK);
        return raw_.Address.pRemoteAddress;
    }
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, DWORD* pcbBytesReceived,
                           BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest::ReadEntityBody", pvBuffer, cbBuffer, fAsync, nullptr, nullptr,
                    false, pcbBytesReceived, pfCompletionPending, std::string());
    }
    HRESULT InsertEntityBody(VOID* pvBuffer, DWORD cbBuffer) override;
    DWORD GetRemainingEntityBytes(VOID) override;
    VOID GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const override;
    HRESULT GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                 BOOL* pfClientCertNegotiated) override;
    HRESULT NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending = NULL) override;
    DWORD GetSiteId(VOID) const override {
        record(Method::GetSiteId, std::string(), S_OK);
        return site_id_;
    }
    HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                             PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum],
                             DWORD* pdwUnknownHeaderSnapshot, PCSTR** ppUnknownHeaderNameSnapshot,
                             PCSTR** ppUnknownHeaderValueSnapshot,
                             DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1],
                             DWORD* pdwDiffedUnknownHeaders,
                             DWORD** ppDiffedUnknownHeaderIndices) override;

    // ---- IHttpRequest2 / 3 / 4 -------------------------------------------------------------
    HRESULT GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) override;
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync,
                           PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID* pvCompletionContext,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest3::ReadEntityBody", pvBuffer, cbBuffer, fAsync,
                    pfnCompletionCallback, pvCompletionContext, true, pcbBytesReceived,
                    pfCompletionPending, std::string());
    }
    // ulFlags values are unpublished; every value reads as the base form does (REQ-R3-*).
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, ULONG ulFlags,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest4::ReadEntityBody", pvBuffer, cbBuffer, fAsync, nullptr, nullptr,
                    false, pcbBytesReceived, pfCompletionPending,
                    "flags " + std::to_string(ulFlags));
    }

    // ---- test knobs ------------------------------------------------------------------------
    // Shared with the response and context of the same request (one Options per request).
    Options& options() noexcept { return options_; }
    const Options& options() const noexcept { return options_; }
    // Replaces how misuse is reported (default: throw MisuseError). iisfake::ignore_misuse
    // turns reporting off; the fake then only returns the HRESULT IIS returns.
    void set_misuse_handler(MisuseHandler handler) { core_->misuse_handler_ = std::move(handler); }
    // Every call of `method` from now on returns `result` without effect. Only methods that
    // return an HRESULT can fail, and only with a failure HRESULT (a success that did nothing
    // would hand module code out-parameters never written); anything else throws
    // std::invalid_argument.
    void fail(Method method, HRESULT result) {
        core_->add_fault(On::request, method, 0, result);
    }
    // The nth call of `method` (1-based, counting every call since construction) returns
    // `result` without effect.
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_->add_fault(On::request, method, nth, result);
    }
    void clear_faults() { core_->clear_faults(On::request); }
    // The client goes away after `bytes` body bytes: reads past that point fail with `result`
    // (IIS's exact code is undocumented; ASP.NET Core treats any failure as a disconnect).
    void disconnect_after(ULONGLONG bytes,
                          HRESULT result = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)) {
        disconnect_armed_ = true;
        disconnect_at_ = bytes;
        disconnect_result_ = result;
    }
    void set_read_sizes(std::vector<DWORD> sizes) {
        read_sizes_ = std::move(sizes);
        read_count_ = 0;
    }

    // ---- asynchronous completion -------------------------------------------------------------
    // The completion handler for operations started from now on: each completion goes to the
    // sink in force when its operation started, as IIS resumes the module that issued it.
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_->lock();
        core_->sink_ = std::move(sink);
    }
    // What PFN_ASYNC_COMPLETION callbacks receive as their IHttpContext3*: the FakeHttpContext
    // that owns this request, or whatever the test sets (NULL for a request built alone).
    void set_http_context(IHttpContext3* context) noexcept { core_->http_context_ = context; }
    // Deliver completions on a second thread, as IIS does from its pool; false goes back to the
    // calling thread after waiting. Needs <iisfake/threaded_delivery.hpp> (or
    // IISFAKE_CONFIG_THREADED_DELIVERY defined before <iisfake/iisfake.hpp>), which keeps
    // <thread> and <mutex> out of the test files that do not use threads.
    void deliver_on_thread(bool on = true) { core_->deliver_on_thread(on); }
    // Waits for every completion running on another thread (also those their modules started)
    // and rethrows the first exception one of them threw. Returns at once without threads.
    void wait_for_completions() { core_->wait_for_completions(); }

    bool has_pending() const { return core_->has_pending(); }
    std::size_t pending_count() const { return core_->pending_count(); }
    // Completes the oldest pending operation: a read fills the caller's buffer now, from the
    // body as it is now, and its IHttpCompletionInfo2 goes to the callback or the sink.
    void complete_pending() { core_->complete_pending("FakeHttpRequest::complete_pending"); }
    // Completes the oldest pending operation with `status` and `bytes`, leaving the buffer
    // untouched (an error injected into a completion).
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_->complete_pending_with("FakeHttpRequest::complete_pending", status, bytes);
    }
    // Completes every pending operation with HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), as
    // IHttpContext::CancelIo does (REQ-CI-3).
    void cancel_pending() { core_->cancel_pending("FakeHttpRequest::cancel_pending"); }
    // Reports misuse if an operation is still pending (a module that forgot to wait).
    void expect_nothing_pending() {
        core_->expect_nothing_pending("FakeHttpRequest::expect_nothing_pending");
    }
    std::vector<Completion> completions() const { return core_->completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    // The calls made on this request. FakeHttpContext::calls() has the whole request's, in order.
    std::vector<Call> calls() const { return core_->calls(On::request); }
    void clear_calls() { core_->clear_calls(On::request); }
    // Every misuse reported so far, thrown or not. With deliver_on_thread(), read it after
    // wait_for_completions(): completions report on their own thread.
    const std::vector<Misuse>& misuses() const noexcept { return core_->misuses_; }
    DWORD site_id() const noexcept { return site_id_; }
    // The raw struct, read without a call in the log (GetRawHttpRequest is logged).
    const HTTP_REQUEST& raw() const noexcept { return raw_; }
    // Headers as the raw struct holds them: known ones in id order, then unknown in order.
    std::vector<std::pair<std::string, std::string>> headers() const;
    bool has_header(const std::string& name) const;
    std::string header(const std::string& name) const;  // "" when absent
    std::string method() const;
    std::string url() const;       // cooked path and query, UTF-8
    std::string full_url() const;  // cooked full URL, UTF-8
    std::string raw_url() const;
    std::string forwarded_url() const;  // "" when GetForwardedUrl returns NULL
    std::string local_address() const { return detail::address_text(raw_.Address.pLocalAddress); }
    std::string remote_address() const {
        return detail::address_text(raw_.Address.pRemoteAddress);
    }
    ULONGLONG body_consumed() const;      // client body bytes handed to the module
    ULONGLONG inserted_consumed() const;  // InsertEntityBody bytes handed to the module
    DWORD header_change_number() const noexcept { return headers_.change_number(); }

private:
    using Transfer = detail::Transfer;
    struct Inserted {
        const unsigned char* data;  // the caller's memory, read at read time (T-3)
        DWORD size;
        DWORD offset;
    };

    typename Core::Lock lock() const { return core_->lock(); }
    void record(Method method, std::string arguments, HRESULT result) const {
        core_->record(On::request, method, std::move(arguments), result);
    }
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result,
                   const char* outcome = nullptr) const {
        return core_->report(method, rule, std::move(problem), result, outcome);
    }
    HRESULT defer(const char* method, const char* rule, std::string problem, HRESULT result) {
        return core_->defer(method, rule, std::move(problem), result);
    }
    void report_deferred() { core_->report_deferred(); }
    bool injected(Method method, HRESULT& result) {
        return core_->injected(On::request, method, result);
    }
    // A fault for this call: recorded in the log; the caller returns `result`.
    bool injected_recorded(Method method, const std::string& arguments, HRESULT& result) {
        return core_->injected_recorded(On::request, method, arguments, result);
    }
    HRESULT report_bad_id(const char* method, int id, HRESULT result) const;
    const char* find_header(const char* name, std::size_t length, USHORT* pcch) const;
    HRESULT set_header(const char* method, int id, const char* name, std::size_t name_length,
                       PCSTR value, USHORT cch, BOOL replace);
    void retire(PCSTR value);
    void retire(PCWSTR value);
    void set_verb(const std::string& verb);
    HRESULT set_url(const detail::wide_string& url, BOOL reset);
    HRESULT set_url_call(bool null_with_length, bool runs_past, bool decoded,
                         const detail::wide_string& url,
                         BOOL reset);
    void install_negotiated_certificate();
    void install_certificate(const std::string& der, ULONG flags);
    void build_cooked_url(const detail::wide_string& host, const detail::wide_string& path,
                          const detail::wide_string& query);
    bool is_local_host(const detail::wide_string& host) const;
    void build(const RequestBuilder& spec);

    HRESULT read(const char* method, VOID* buffer, DWORD size, BOOL async,
                 PFN_ASYNC_COMPLETION callback, void* context, bool has_callback, DWORD* received,
                 BOOL* pending, std::string extra);
    bool at_end() const;
    Transfer transfer(unsigned char* out, DWORD capacity);
    bool disconnected() const;
    bool io_pending() const;
    Transfer complete_operation(const Operation& op);
    void raise_read_entity(unsigned char* buffer, DWORD capacity, Transfer& result);
    // Completes this fake's operations for the core. A member rather than a base class: a
    // completion running on another thread calls it while the destructor waits for that
    // thread, and a member keeps its vtable until the destructor's body has returned.
    class Completer final : public OperationOwner {
    public:
        explicit Completer(FakeHttpRequestBase& fake) : fake_(fake) {}
        Completer(const Completer&) = delete;
        Completer& operator=(const Completer&) = delete;
        virtual ~Completer() = default;
        Transfer complete_operation(const Operation& op) override {
            return fake_.complete_operation(op);
        }

    private:
        FakeHttpRequestBase& fake_;
    };
    Completer completer_{*this};
    std::string method_text() const;

    std::unique_ptr<Core> own_core_;  // when built alone
    Core* core_;
    Options& options_;

    HTTP_REQUEST raw_;
    using Headers = detail::HeaderTable<HTTP_REQUEST_HEADERS, HttpHeaderRequestMaximum>;
    Headers headers_{raw_.Headers, options_.poison_replaced_values};
    SOCKADDR_STORAGE local_;
    SOCKADDR_STORAGE remote_;
    HTTP_SSL_INFO ssl_;
    detail::Pool<HTTP_SSL_CLIENT_CERT_INFO> certificates_;
    detail::Pool<unsigned char> certificate_bytes_;
    std::string negotiable_bytes_;
    ULONG negotiable_flags_ = 0;
    bool has_negotiable_ = false;
    std::string channel_binding_token_;
    bool has_channel_binding_token_ = false;
    DWORD site_id_ = 1;

    detail::Pool<char> strings_;
    detail::Pool<WCHAR> wide_strings_;
    detail::Pool<PCSTR> pointer_arrays_;
    detail::Pool<DWORD> index_arrays_;

    bool url_changed_ = false;
    PCWSTR forwarded_url_ = nullptr;
    std::vector<detail::wide_string> local_hosts_;

    std::string body_;
    BodyGenerator generator_;
    ULONGLONG body_length_ = 0;       // bytes the client sends
    ULONGLONG announced_length_ = 0;  // Content-Length (differs when the test says so)
    bool chunked_ = false;
    ULONGLONG body_offset_ = 0;
    ULONGLONG inserted_consumed_ = 0;
    std::vector<Inserted> inserted_;
    std::vector<DWORD> read_sizes_;
    std::size_t read_count_ = 0;
    bool disconnect_armed_ = false;
    ULONGLONG disconnect_at_ = 0;
    HRESULT disconnect_result_ = S_OK;

    std::size_t async_reads_ = 0;
};

}  // namespace detail

// An IHttpRequest4 (and so IHttpRequest3, IHttpRequest2, IHttpRequest) that behaves as IIS
// does; see FakeHttpRequestBase for its members. Hand module code its address.
// A class rather than an alias, so code deriving from it (a gMock wrapper) can name it.
class FakeHttpRequest : public detail::FakeHttpRequestBase<> {
public:
    using FakeHttpRequestBase::FakeHttpRequestBase;
    FakeHttpRequest() = default;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpRequestBase<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/fake_http_request_impl.hpp"
#endif

#endif
