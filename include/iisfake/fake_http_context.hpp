#ifndef IISFAKE_FAKE_HTTP_CONTEXT_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_CONTEXT_HPP_INCLUDED

// FakeHttpContext: an IHttpContext4 (real code C-casts IHttpContext* to IHttpContext3*, T-1,
// CTX-19) owning a whole request's state: a FakeHttpRequest and a FakeHttpResponse on one
// per-request core (one call log, one completion queue, one misuse handler), the satellites
// (user, site, application, connection, URL info, metadata, trace context), request memory,
// server variables and the context containers. Hand module code its address.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/pipeline.hpp"
#include "iisfake/detail/request_core.hpp"
#include "iisfake/detail/storage.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/fake_containers.hpp"
#include "iisfake/fake_http_request.hpp"
#include "iisfake/fake_http_response.hpp"
#include "iisfake/fake_providers.hpp"
#include "iisfake/fake_satellites.hpp"
#include "iisfake/request_builder.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// What a context knows beyond its request: where the site lives, who the user is, whether there
// is a connection. Defaults are a default IIS install serving the root application.
struct ContextSettings {
    std::string site_name = "Default Web Site";
    std::string physical_root = "C:\\inetpub\\wwwroot";  // the application's physical path
    std::string application_id = "/LM/W3SVC/1/ROOT";     // APPL_MD_PATH
    // The application's configuration path (GetAppConfigPath). IMetadataInfo::GetMetaPath is
    // the request URL's: "MACHINE/WEBROOT/APPHOST/<site_name><URL path>", which modules pass to
    // GetAdminSection.
    std::string config_path = "MACHINE/WEBROOT/APPHOST/Default Web Site";
    std::string app_pool = "DefaultAppPool";
    // USER-1: anonymous is a user with empty strings; has_user = false makes GetUser() NULL
    // (before authentication, T-25).
    bool has_user = true;
    std::string user_name;
    std::string auth_type;
    // T-25: requests IIS starts itself (application initialization) have no connection.
    bool has_connection = true;
    // CTX-11: the documentation says GetRootContext returns NULL for a root context; true
    // returns the context itself instead.
    bool root_context_is_self = false;
    // IHttpContext4: GetTickCount64-based milliseconds when the request started.
    ULONGLONG start_time_ms = 1000000;
};

namespace detail {

template <class Unused>
class RequestRun;  // ModuleHost's run of one request

template <class Unused = void>
class FakeHttpContextBase : public IHttpContext4 {
    template <class>
    friend class RequestRun;  // steers the request through its core
public:
    using Core = RequestCore<Unused>;
    explicit FakeHttpContextBase(const RequestBuilder& spec = RequestBuilder(),
                                 ContextSettings settings = ContextSettings());
    FakeHttpContextBase(const FakeHttpContextBase&) = delete;
    FakeHttpContextBase& operator=(const FakeHttpContextBase&) = delete;
    // Ends the request if the test did not (end_request), then reports an operation still
    // pending through the misuse handler.
    virtual ~FakeHttpContextBase() noexcept(false);

    // ---- IHttpContext ------------------------------------------------------------------------
    IHttpSite* GetSite(VOID) override { return logged(Method::GetSite, &site_); }
    IHttpApplication* GetApplication(VOID) override {
        return logged(Method::GetApplication, &application_);
    }
    IHttpConnection* GetConnection(VOID) override {
        return logged(Method::GetConnection, settings_.has_connection
                                                 ? &connection_
                                                 : static_cast<IHttpConnection*>(nullptr));
    }
    IHttpRequest* GetRequest(VOID) override { return logged(Method::GetRequest, &request_); }
    IHttpResponse* GetResponse(VOID) override { return logged(Method::GetResponse, &response_); }
    BOOL GetResponseHeadersSent(VOID) const override {
        record(Method::GetResponseHeadersSent, std::string(), S_OK);
        return response_.headers_sent() ? TRUE : FALSE;  // CTX-2
    }
    IHttpUser* GetUser(VOID) const override {
        record(Method::GetUser, std::string(), S_OK);
        return current_user();
    }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override {
        return logged(Method::GetModuleContextContainer, &contexts_);
    }
    VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) override;
    HRESULT PostCompletion(DWORD cbBytes) override { return post(cbBytes, nullptr, nullptr); }
    VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) override {
        disabled_ |= dwNotifications;
        disabled_post_ |= dwPostNotifications;
        record(Method::DisableNotifications,
               std::to_string(dwNotifications) + ", " + std::to_string(dwPostNotifications), S_OK);
        if (core_.pipeline_)
            core_.pipeline_->disable_notifications(dwNotifications, dwPostNotifications);
    }
    // CTX-13: running the next notification inline needs the pipeline; FALSE means "not
    // possible", which callers handle.
    BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS, DWORD* pdwNotification,
                             BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo,
                             IHttpEventProvider** ppRequestOutput) override {
        if (pdwNotification) *pdwNotification = 0;
        if (pfIsPostNotification) *pfIsPostNotification = FALSE;
        if (ppModuleInfo) *ppModuleInfo = nullptr;
        if (ppRequestOutput) *ppRequestOutput = nullptr;
        record(Method::GetNextNotification, std::string(), S_OK);
        return FALSE;
    }
    BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS) override {
        record(Method::GetIsLastNotification, std::string(), S_OK);
        return FALSE;
    }
    // CTX-9: runs a child CloneContext made, through the pipeline host (ModuleHost).
    HRESULT ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags,
                           IHttpUser* pHttpUser, BOOL* pfCompletionExpected = NULL) override;
    DWORD GetExecuteFlags(VOID) const override {
        record(Method::GetExecuteFlags, std::string(), S_OK);
        return execute_flags_;
    }
    HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                              DWORD* pcchValueLength) override;
    HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                              DWORD* pcchValueLength) override;
    HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) override;
    VOID* AllocateRequestMemory(DWORD cbAllocation) override;
    IHttpUrlInfo* GetUrlInfo(VOID) override { return logged(Method::GetUrlInfo, &url_info_); }
    IMetadataInfo* GetMetadata(VOID) override { return logged(Method::GetMetadata, &metadata_); }
    PCWSTR GetPhysicalPath(DWORD* pcchPhysicalPath = NULL) override;
    PCWSTR GetScriptName(DWORD* pcchScriptName = NULL) const override;
    PCWSTR GetScriptTranslated(DWORD* pcchScriptTranslated = NULL) override;
    IScriptMapInfo* GetScriptMap(VOID) const override {
        record(Method::GetScriptMap, std::string(), S_OK);
        return nullptr;  // no handler mapping until the pipeline host chooses one
    }
    VOID SetRequestHandled(VOID) override {
        request_handled_ = true;
        record(Method::SetRequestHandled, std::string(), S_OK);
    }
    IHttpFileInfo* GetFileInfo(VOID) const override {
        record(Method::GetFileInfo, std::string(), S_OK);
        return nullptr;  // the fake serves no files from disk
    }
    HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath) override;
    HRESULT NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput,
                                     BOOL* pfCompletionExpected) override;
    IHttpContext* GetParentContext(VOID) const override {
        record(Method::GetParentContext, std::string(), S_OK);
        return parent_;  // CTX-11: NULL for a root context
    }
    IHttpContext* GetRootContext(VOID) const override {
        record(Method::GetRootContext, std::string(), S_OK);
        if (parent_) return root_;
        return settings_.root_context_is_self ? const_cast<FakeHttpContextBase*>(this) : nullptr;
    }
    // CTX-10: a child request with this one's URL and method (CLONE_FLAG_BASICS), headers
    // (HEADERS, less preconditions with NO_PRECONDITION and WebDAV's with NO_DAV) and entity
    // (ENTITY); it lives until this context ends.
    HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) override;
    HRESULT ReleaseClonedContext(VOID) override;
    HRESULT GetCurrentExecutionStats(
        DWORD* pdwNotification, DWORD* pdwNotificationStartTickCount = NULL,
        PCWSTR* ppszModule = NULL, DWORD* pdwModuleStartTickCount = NULL,
        DWORD* pdwAsyncNotification = NULL,
        DWORD* pdwAsyncNotificationStartTickCount = NULL) const override;
    IHttpTraceContext* GetTraceContext(VOID) const override {
        record(Method::GetTraceContext, std::string(), S_OK);
        return const_cast<FakeHttpTraceContext*>(&trace_);  // T-25: never NULL
    }
    // CTX-15: IIS-internal (managed/native server-variable sync).
    HRESULT GetServerVarChanges(DWORD, DWORD*, DWORD*, PCSTR**, PCWSTR**, DWORD*,
                                DWORD**) override {
        return not_supported(Method::GetServerVarChanges);
    }
    HRESULT CancelIo(VOID) override {
        record(Method::CancelIo, std::string(), S_OK);
        core_.cancel_pending("IHttpContext::CancelIo");  // §1.7 item 7
        return S_OK;
    }
    HRESULT MapHandler(DWORD, PCWSTR, PCWSTR, PCSTR, IScriptMapInfo** ppScriptMap,
                       BOOL = FALSE) override {
        if (ppScriptMap) *ppScriptMap = nullptr;
        return not_supported(Method::MapHandler);
    }
    HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION, PVOID* ppInterface) override {
        if (ppInterface) *ppInterface = nullptr;
        return not_supported(Method::GetExtendedInterface);
    }

    // ---- IHttpContext2 / 3 / 4 ---------------------------------------------------------------
    IHttpUser* GetOriginalUser(VOID) const override {
        record(Method::GetOriginalUser, std::string(), S_OK);
        return user();  // the user before any module authenticated another (PROV-2)
    }
    INamedContextContainer* GetNamedContextContainer(VOID) override {
        return logged(Method::GetNamedContextContainer, &named_);
    }
    VOID EnableFullDuplex(VOID) override {
        core_.options_.full_duplex = true;  // §1.7 item 8
        record(Method::EnableFullDuplex, std::string(), S_OK);
    }
    HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist = FALSE) override;
    HRESULT PostCompletion(DWORD cbBytes, LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine,
                           VOID* pvCompletionContext) override {
        return post(cbBytes, pfnCompletionRoutine, pvCompletionContext);
    }
    ULONGLONG GetRequestStartTime(VOID) override {
        record(Method::GetRequestStartTime, std::string(), S_OK);
        return settings_.start_time_ms;
    }
    ULONGLONG GetRequestElapsedTime(VOID) override {
        record(Method::GetRequestElapsedTime, std::string(), S_OK);
        return now_ms_ - settings_.start_time_ms;
    }

    // ---- the parts -----------------------------------------------------------------------------
    FakeHttpRequest& request() noexcept { return request_; }
    FakeHttpResponse& response() noexcept { return response_; }
    FakeHttpUser* user() const noexcept {
        return settings_.has_user ? const_cast<FakeHttpUser*>(&user_) : nullptr;
    }
    FakeHttpSite& site() noexcept { return site_; }
    FakeHttpApplication& application() noexcept { return application_; }
    FakeHttpConnection& connection() noexcept { return connection_; }
    FakeHttpUrlInfo& url_info() noexcept { return url_info_; }
    FakeMetadataInfo& metadata() noexcept { return metadata_; }
    FakeHttpTraceContext& trace() noexcept { return trace_; }
    FakeModuleContextContainer& module_contexts() noexcept { return contexts_; }
    // What an OnAuthenticateRequest receives: SetUser makes that user GetUser()'s, and the
    // context calls its DereferenceUser when the request ends (PROV-2).
    FakeAuthenticationProvider& authentication_provider() noexcept { return authentication_; }
    FakeNamedContextContainer& named_contexts() noexcept { return named_; }

    // ---- test knobs ---------------------------------------------------------------------------
    // One Options for the whole request (shared with request() and response()).
    Options& options() noexcept { return core_.options_; }
    void set_misuse_handler(MisuseHandler handler) { core_.misuse_handler_ = std::move(handler); }
    void fail(Method method, HRESULT result) { core_.add_fault(On::context, method, 0, result); }
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_.add_fault(On::context, method, nth, result);
    }
    // The test clock behind GetRequestElapsedTime.
    void advance_clock(ULONGLONG ms) noexcept { now_ms_ += ms; }
    // AllocateRequestMemory returns NULL once this many bytes are allocated (CTX-4: module code
    // must handle NULL). 0: no limit.
    void set_request_memory_limit(std::size_t bytes) noexcept { memory_limit_ = bytes; }
    // The client goes away: the connection reports it (APP-1) and body reads fail from now on.
    void disconnect_client();
    void set_execute_flags(DWORD flags) noexcept { execute_flags_ = flags; }
    // The request ends as IIS ends it: the response's final send, then each stored context's
    // CleanupStoredContext once (CONT-1), then request memory poisoned and freed (CTX-4).
    void end_request();

    // The pipeline host running this request (ModuleHost sets it): IndicateCompletion,
    // DisableNotifications, NotifyCustomNotification and each send reach it.
    void set_pipeline(detail::Pipeline* pipeline) noexcept { core_.pipeline_ = pipeline; }

    // ---- asynchronous completion (one queue for the whole request) ---------------------------
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_.lock();
        core_.sink_ = std::move(sink);
    }
    void deliver_on_thread(bool on = true) { core_.deliver_on_thread(on); }
    void wait_for_completions() { core_.wait_for_completions(); }
    bool has_pending() const { return core_.has_pending(); }
    std::size_t pending_count() const { return core_.pending_count(); }
    void complete_pending() { core_.complete_pending("FakeHttpContext::complete_pending"); }
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_.complete_pending_with("FakeHttpContext::complete_pending", status, bytes);
    }
    void expect_nothing_pending() {
        core_.expect_nothing_pending("FakeHttpContext::expect_nothing_pending");
    }
    std::vector<Completion> completions() const { return core_.completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    // Every call on the context, its request and its response, in the order module code made
    // them (Call::on tells which).
    std::vector<Call> calls() const { return core_.calls(); }
    void clear_calls() { core_.clear_calls(); }
    const std::vector<Misuse>& misuses() const noexcept { return core_.misuses_; }
    bool request_handled() const noexcept { return request_handled_; }
    DWORD disabled_notifications() const noexcept { return disabled_; }
    DWORD disabled_post_notifications() const noexcept { return disabled_post_; }
    // The status of the last IndicateCompletion; false when none was made.
    bool indicated_completion(REQUEST_NOTIFICATION_STATUS* status = nullptr) const noexcept {
        if (status) *status = indicated_;
        return has_indicated_;
    }
    std::size_t request_memory_bytes() const noexcept { return memory_bytes_; }
    bool ended() const noexcept { return ended_; }
    // A server variable as module code would read it (narrow form); "" with false when absent.
    bool server_variable(const std::string& name, std::string& value) const;

private:
    struct Block {
        std::unique_ptr<unsigned char[]> data;
        std::size_t size;
    };

    void record(Method method, std::string arguments, HRESULT result) const {
        core_.record(On::context, method, std::move(arguments), result);
    }
    template <class T>
    T* logged(Method method, T* object) const {
        record(method, std::string(), S_OK);
        return object;
    }
    HRESULT not_supported(Method method) {
        record(method, std::string(), HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result) {
        return core_.report(method, rule, std::move(problem), result);
    }
    MisuseReporter reporter() {
        return [this](const char* method, const char* rule, std::string problem, HRESULT result) {
            return core_.report(method, rule, std::move(problem), result);
        };
    }
    IHttpUser* current_user() const noexcept {
        if (authenticated_) return authenticated_;
        if (execute_user_) return execute_user_;
        return user();
    }
    HRESULT post(DWORD bytes, LPOVERLAPPED_COMPLETION_ROUTINE routine, void* context);
    template <class Char>
    HRESULT get_variable(PCSTR name, const Char** value_out, DWORD* length_out);
    const WCHAR* server_owned(const wide_string& value, DWORD& length, const WCHAR*) const;
    const char* server_owned(const wide_string& value, DWORD& length, const char*) const;
    // The value of a variable computed from the request now, or false.
    bool computed(const std::string& upper, std::string& value) const;
    bool lookup(const char* name, wide_string& value) const;
    wide_string physical_path_of(const wide_string& url) const;
    wide_string url_path() const;
    // [D] GetMetaPath: "the configuration path for the current context": the site's, then the
    // URL's path [I].
    static wide_string config_path_of(wide_string site, const wide_string& url) {
        wide_string path = url;
        while (!path.empty() && path.back() == L'/') path.pop_back();
        return site + path;
    }
    bool is_request_memory(const void* data, std::size_t size) const;

    mutable Core core_;
    ContextSettings settings_;
    FakeHttpRequest request_;
    FakeHttpResponse response_;
    FakeHttpUser user_;
    FakeHttpSite site_;
    FakeHttpApplication application_;
    FakeHttpConnection connection_;
    FakeHttpUrlInfo url_info_;
    FakeMetadataInfo metadata_;
    FakeHttpTraceContext trace_;
    FakeModuleContextContainer contexts_;
    FakeNamedContextContainer named_;
    IHttpUser* authenticated_ = nullptr;
    FakeAuthenticationProvider authentication_;

    std::vector<Block> memory_;
    std::size_t memory_bytes_ = 0;
    std::size_t memory_limit_ = 0;
    std::vector<std::pair<std::string, wide_string>> set_variables_;  // SetServerVariable
    mutable Pool<WCHAR> wide_values_;
    mutable Pool<char> narrow_values_;
    DWORD disabled_ = 0;
    DWORD disabled_post_ = 0;
    DWORD execute_flags_ = 0;
    bool request_handled_ = false;
    bool has_indicated_ = false;
    REQUEST_NOTIFICATION_STATUS indicated_ = RQ_NOTIFICATION_CONTINUE;
    ULONGLONG now_ms_;
    bool ended_ = false;
    mutable bool mapping_ = false;  // OnMapPath handlers asking for paths do not raise it again
    mutable wide_string mapped_url_;
    mutable wide_string mapped_path_;

    // Child requests (CTX-9, CTX-10).
    RequestBuilder spec_;  // what a clone starts from
    FakeHttpContextBase* parent_ = nullptr;
    FakeHttpContextBase* root_ = nullptr;
    unsigned depth_ = 0;
    std::vector<std::unique_ptr<FakeHttpContextBase>> children_;
    bool executed_ = false;
    bool released_ = false;
    IHttpUser* execute_user_ = nullptr;  // ExecuteRequest's pHttpUser: authentication skipped
};

}  // namespace detail

// An IHttpContext4 (and so IHttpContext3, 2 and IHttpContext) holding a whole request; see
// FakeHttpContextBase for its members.
class FakeHttpContext : public detail::FakeHttpContextBase<> {
public:
    using FakeHttpContextBase::FakeHttpContextBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpContextBase<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/fake_http_context_impl.hpp"
#endif

#endif
