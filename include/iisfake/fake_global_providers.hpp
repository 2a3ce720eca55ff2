#ifndef IISFAKE_FAKE_GLOBAL_PROVIDERS_HPP_INCLUDED
#define IISFAKE_FAKE_GLOBAL_PROVIDERS_HPP_INCLUDED

// The providers a CGlobalModule's OnGlobal* handlers receive (spec §2.3): small stateful fakes
// a test (or the pipeline host) builds, passes to a global module's handler, and reads back.
// Each is the most-derived interface IIS hands out (T-1), records SetErrorStatus (PROV-1, through
// FakeEventProvider), and takes its strings as UTF-8. Where the module hands something to IIS
// (RegisterModule, SetCacheRecord, CreateContext, ExecuteRequest, SetResult), the provider
// records it and calls a hook the host can set.
//
// ICustomNotificationProvider is FakeCustomNotificationProvider (fake_providers.hpp), for the
// request and the global custom notification alike. IGlobalSuspendProcessCallback has no fake:
// the module implements it and hands it out of OnSuspendProcess; IIS calls its Resume.
//
// Rules with no id in the spec (evidence in brackets, tags as in api-surface.md §0):
//   GLOB-1 IHttpApplicationResolveModulesProvider::RegisterModule needs a factory and a module
//          name: HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) otherwise; a name registered twice
//          through the same provider: HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS) [I].
//   GLOB-2 SetPriorityForRequestNotification takes one of the PRIORITY_ALIAS_* names
//          (FIRST, HIGH, MEDIUM, LOW, LAST, case-insensitive) and a module name:
//          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) otherwise [H: the aliases; I: the code].
//   GLOB-3 IGlobalRSCAQueryProvider as documented [D]: GetOutputBuffer frees the previous buffer
//          and allocates a new one; ResizeOutputBuffer returns E_INVALIDARG when cbBytesToCopy >
//          cbNewBuffer, else copies cbBytesToCopy bytes from *ppbBuffer into a new buffer of
//          cbNewBuffer bytes; SetResult records the size and HRESULT (E_NOTIMPL and 0 until
//          called). The fake keeps freed buffers allocated but poisoned (0xDD) so a stale
//          pointer reads garbage instead of freed memory; a NULL ppbBuffer, or a copy longer than
//          the provider's own current buffer, is E_INVALIDARG [I]; SetResult with cbData larger
//          than the buffer is reported [I].
//   GLOB-4 IHttpFileMonitor: the module holds one reference from RegisterFileChangeMonitor and
//          releases it with DereferenceFileMonitor; the last release cleans up the monitor's
//          stored contexts once (as CONT-1) and a release past the last is reported [I].
//   GLOB-5 IGlobalTraceEventProvider::GetCurrentHttpRequestContext outside a request: *pp NULL
//          and HRESULT_FROM_WIN32(ERROR_NOT_FOUND) [I]; CheckSubscription is TRUE unless the test
//          narrows the subscription [I].
//   GLOB-6 IGlobalApplicationPreloadProvider::CreateContext/ExecuteRequest reach the host
//          through hooks; CreateContext with no host fails with
//          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) and *ppHttpContext NULL; ExecuteRequest of a
//          NULL context is E_INVALIDARG; both are recorded [I].
//   GLOB-7 ICacheProvider::GetTraceContext is never NULL (as IHttpContext's, T-25) [I].

#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/fake_containers.hpp"
#include "iisfake/fake_providers.hpp"
#include "iisfake/fake_satellites.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {
inline wide_string wide_of(const std::string& utf8) {
    return utf8_to_wide(utf8.data(), utf8.size());
}
// A NUL-terminated wide string the module passed in, as UTF-8 ("" for NULL).
inline std::string utf8_or_empty(PCWSTR text) { return utf8_of(text); }
// ASCII case-insensitive equality of two whole strings.
inline bool iequals_text(const std::string& a, const std::string& b) noexcept {
    return a.size() == b.size() && iequals(a.data(), b.data(), a.size());
}
}  // namespace detail

// GL_STOP_LISTENING: whether the worker process drains its requests (a recycle) or stops at
// once.
namespace detail {
template <class Unused = void>
class FakeStopListeningProviderBase final : public FakeEventProvider<IGlobalStopListeningProvider> {
public:
    explicit FakeStopListeningProviderBase(bool drain_gracefully = true)
        : drain_(drain_gracefully) {}
    FakeStopListeningProviderBase(const FakeStopListeningProviderBase&) = delete;
    FakeStopListeningProviderBase& operator=(const FakeStopListeningProviderBase&) = delete;
    ~FakeStopListeningProviderBase() = default;
    BOOL DrainRequestsGracefully(VOID) const override { return drain_ ? TRUE : FALSE; }

private:
    bool drain_;
};
}  // namespace detail
using FakeStopListeningProvider = detail::FakeStopListeningProviderBase<>;

// GL_PRE_BEGIN_REQUEST: the request about to enter the pipeline.
namespace detail {
template <class Unused = void>
class FakePreBeginRequestProviderBase final : public FakeEventProvider<IPreBeginRequestProvider> {
public:
    explicit FakePreBeginRequestProviderBase(IHttpContext* context) : context_(context) {}
    FakePreBeginRequestProviderBase(const FakePreBeginRequestProviderBase&) = delete;
    FakePreBeginRequestProviderBase& operator=(const FakePreBeginRequestProviderBase&) = delete;
    ~FakePreBeginRequestProviderBase() = default;
    IHttpContext* GetHttpContext(VOID) override { return context_; }

private:
    IHttpContext* context_;
};
}  // namespace detail
using FakePreBeginRequestProvider = detail::FakePreBeginRequestProviderBase<>;

// GL_APPLICATION_START and GL_APPLICATION_STOP (IHttpApplicationStartProvider and
// IHttpApplicationStopProvider are this interface).
namespace detail {
template <class Unused = void>
class FakeApplicationProviderBase final : public FakeEventProvider<IHttpApplicationProvider> {
public:
    explicit FakeApplicationProviderBase(IHttpApplication* application)
        : application_(application) {}
    FakeApplicationProviderBase(const FakeApplicationProviderBase&) = delete;
    FakeApplicationProviderBase& operator=(const FakeApplicationProviderBase&) = delete;
    ~FakeApplicationProviderBase() = default;
    IHttpApplication* GetApplication(VOID) override { return application_; }

private:
    IHttpApplication* application_;
};
}  // namespace detail
using FakeApplicationProvider = detail::FakeApplicationProviderBase<>;

// GL_THREAD_CLEANUP: the application whose thread is being cleaned up.
namespace detail {
template <class Unused = void>
class FakeThreadCleanupProviderBase final : public FakeEventProvider<IGlobalThreadCleanupProvider> {
public:
    explicit FakeThreadCleanupProviderBase(IHttpApplication* application)
        : application_(application) {}
    FakeThreadCleanupProviderBase(const FakeThreadCleanupProviderBase&) = delete;
    FakeThreadCleanupProviderBase& operator=(const FakeThreadCleanupProviderBase&) = delete;
    ~FakeThreadCleanupProviderBase() = default;
    IHttpApplication* GetApplication(VOID) override { return application_; }

private:
    IHttpApplication* application_;
};
}  // namespace detail
using FakeThreadCleanupProvider = detail::FakeThreadCleanupProviderBase<>;

// GL_CONFIGURATION_CHANGE: the configuration path that changed, e.g.
// "MACHINE/WEBROOT/APPHOST/Default Web Site".
namespace detail {
template <class Unused = void>
class FakeConfigurationChangeProviderBase final
    : public FakeEventProvider<IGlobalConfigurationChangeProvider> {
public:
    explicit FakeConfigurationChangeProviderBase(const std::string& change_path)
        : path_(detail::wide_of(change_path)) {}
    FakeConfigurationChangeProviderBase(const FakeConfigurationChangeProviderBase&) = delete;
    FakeConfigurationChangeProviderBase& operator=(const FakeConfigurationChangeProviderBase&) =
        delete;
    ~FakeConfigurationChangeProviderBase() = default;
    PCWSTR GetChangePath(VOID) const override { return path_.c_str(); }

private:
    detail::wide_string path_;
};
}  // namespace detail
using FakeConfigurationChangeProvider = detail::FakeConfigurationChangeProviderBase<>;

// IHttpFileMonitor (GLOB-4): what IHttpServer::RegisterFileChangeMonitor hands out, and what
// IGlobalFileChangeProvider::GetFileMonitor returns for a monitored file.
namespace detail {
template <class Unused = void>
class FakeHttpFileMonitorBase final : public IHttpFileMonitor {
public:
    explicit FakeHttpFileMonitorBase(const std::string& path,
                                     MisuseReporter report = MisuseReporter())
        : path_(path), contexts_(report, "IHttpFileMonitor"), report_(std::move(report)) {}
    FakeHttpFileMonitorBase(const FakeHttpFileMonitorBase&) = delete;
    FakeHttpFileMonitorBase& operator=(const FakeHttpFileMonitorBase&) = delete;
    ~FakeHttpFileMonitorBase() = default;

    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID DereferenceFileMonitor(VOID) override {
        long now = references_.load();
        while (now > 0 && !references_.compare_exchange_weak(now, now - 1)) {
        }
        if (now <= 0) {
            detail::report_misuse(report_, "IHttpFileMonitor::DereferenceFileMonitor", "GLOB-4",
                                  "DereferenceFileMonitor after the last reference was released",
                                  S_OK);
            return;
        }
        if (now == 1) contexts_.cleanup();  // the last reference: the monitor goes away
    }

    // ---- inspection ---------------------------------------------------------------------------
    const std::string& path() const noexcept { return path_; }
    long references() const noexcept { return references_.load(); }
    bool released() const noexcept { return references_.load() <= 0; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    std::string path_;
    FakeModuleContextContainer contexts_;
    MisuseReporter report_;
    std::atomic<long> references_{1};
};
}  // namespace detail
using FakeHttpFileMonitor = detail::FakeHttpFileMonitorBase<>;

// GL_FILE_CHANGE: the file that changed and, when a module monitors it, its monitor.
namespace detail {
template <class Unused = void>
class FakeFileChangeProviderBase final : public FakeEventProvider<IGlobalFileChangeProvider> {
public:
    explicit FakeFileChangeProviderBase(const std::string& file_name,
                                        IHttpFileMonitor* monitor = nullptr)
        : file_name_(detail::wide_of(file_name)), monitor_(monitor) {}
    FakeFileChangeProviderBase(const FakeFileChangeProviderBase&) = delete;
    FakeFileChangeProviderBase& operator=(const FakeFileChangeProviderBase&) = delete;
    ~FakeFileChangeProviderBase() = default;
    PCWSTR GetFileName(VOID) const override { return file_name_.c_str(); }
    IHttpFileMonitor* GetFileMonitor(VOID) override { return monitor_; }

private:
    detail::wide_string file_name_;
    IHttpFileMonitor* monitor_;
};
}  // namespace detail
using FakeFileChangeProvider = detail::FakeFileChangeProviderBase<>;

// GL_CACHE_OPERATION: the operation, its key, and the record a module may set (GLOB-7).
namespace detail {
template <class Unused = void>
class FakeCacheProviderBase final : public FakeEventProvider<ICacheProvider> {
public:
    explicit FakeCacheProviderBase(CACHE_OPERATION operation, IHttpCacheKey* key = nullptr,
                                   IHttpCacheSpecificData* record = nullptr,
                                   IHttpTraceContext* trace = nullptr)
        : operation_(operation), key_(key), record_(record), trace_(trace) {}
    FakeCacheProviderBase(const FakeCacheProviderBase&) = delete;
    FakeCacheProviderBase& operator=(const FakeCacheProviderBase&) = delete;
    ~FakeCacheProviderBase() = default;

    CACHE_OPERATION GetCacheOperation(VOID) const override { return operation_; }
    IHttpCacheKey* GetCacheKey(VOID) const override { return key_; }
    IHttpCacheSpecificData* GetCacheRecord(VOID) const override { return record_; }
    VOID SetCacheRecord(IHttpCacheSpecificData* pCacheRecord) override {
        record_ = pCacheRecord;
        ++records_set_;
    }
    IHttpTraceContext* GetTraceContext(VOID) const override {
        return trace_ ? trace_ : const_cast<FakeHttpTraceContext*>(&own_trace_);
    }

    // ---- inspection ---------------------------------------------------------------------------
    IHttpCacheSpecificData* record() const noexcept { return record_; }
    unsigned records_set() const noexcept { return records_set_; }
    FakeHttpTraceContext& trace() noexcept { return own_trace_; }

private:
    CACHE_OPERATION operation_;
    IHttpCacheKey* key_;
    IHttpCacheSpecificData* record_;
    IHttpTraceContext* trace_;
    FakeHttpTraceContext own_trace_;
    unsigned records_set_ = 0;
};
}  // namespace detail
using FakeCacheProvider = detail::FakeCacheProviderBase<>;

// GL_TRACE_EVENT (GLOB-5): the event being raised and the request it belongs to, if any.
namespace detail {
template <class Unused = void>
class FakeTraceEventProviderBase final : public FakeEventProvider<IGlobalTraceEventProvider> {
public:
    explicit FakeTraceEventProviderBase(HTTP_TRACE_EVENT* event, IHttpContext* context = nullptr)
        : event_(event), context_(context) {}
    FakeTraceEventProviderBase(const FakeTraceEventProviderBase&) = delete;
    FakeTraceEventProviderBase& operator=(const FakeTraceEventProviderBase&) = delete;
    ~FakeTraceEventProviderBase() = default;

    HRESULT GetTraceEvent(HTTP_TRACE_EVENT** ppTraceEvent) override {
        if (!ppTraceEvent) return E_INVALIDARG;
        *ppTraceEvent = event_;
        return event_ ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    }
    BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) override {
        checked_.push_back(ModuleId);
        if (everyone_) return TRUE;
        for (HTTP_MODULE_ID id : subscribed_)
            if (id == ModuleId) return TRUE;
        return FALSE;
    }
    HRESULT GetCurrentHttpRequestContext(IHttpContext** ppHttpContext) override {
        if (!ppHttpContext) return E_INVALIDARG;
        *ppHttpContext = context_;
        return context_ ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    }

    // ---- test knobs and inspection ------------------------------------------------------------
    // Only these modules are subscribed from now on (CheckSubscription is TRUE for every module
    // until the first call).
    void subscribe_only(HTTP_MODULE_ID module) {
        everyone_ = false;
        subscribed_.push_back(module);
    }
    const std::vector<HTTP_MODULE_ID>& checked_subscriptions() const noexcept { return checked_; }

private:
    HTTP_TRACE_EVENT* event_;
    IHttpContext* context_;
    bool everyone_ = true;
    std::vector<HTTP_MODULE_ID> subscribed_;
    std::vector<HTTP_MODULE_ID> checked_;
};
}  // namespace detail
using FakeTraceEventProvider = detail::FakeTraceEventProviderBase<>;

// GL_RSCA_QUERY (GLOB-3): a run-time status query, answered into the provider's output buffer.
namespace detail {
template <class Unused = void>
class FakeRscaQueryProviderBase final : public FakeEventProvider<IGlobalRSCAQueryProvider> {
public:
    FakeRscaQueryProviderBase(const std::string& function_name, const std::string& parameters,
                              MisuseReporter report = MisuseReporter())
        : name_(detail::wide_of(function_name)),
          parameters_(detail::wide_of(parameters)),
          report_(std::move(report)) {}
    FakeRscaQueryProviderBase(const FakeRscaQueryProviderBase&) = delete;
    FakeRscaQueryProviderBase& operator=(const FakeRscaQueryProviderBase&) = delete;
    ~FakeRscaQueryProviderBase() = default;

    PCWSTR GetFunctionName(VOID) const override { return name_.c_str(); }
    PCWSTR GetFunctionParameters(VOID) const override { return parameters_.c_str(); }
    HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE** ppbBuffer) override {
        if (!ppbBuffer) return E_INVALIDARG;
        *ppbBuffer = replace_buffer(cbBuffer, nullptr, 0);
        return S_OK;
    }
    HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy, BYTE** ppbBuffer) override {
        if (!ppbBuffer || cbBytesToCopy > cbNewBuffer) return E_INVALIDARG;
        const BYTE* source = *ppbBuffer;
        if (cbBytesToCopy > 0 && !source) return E_INVALIDARG;
        // Never read past the provider's own buffer; another pointer is the module's to size.
        if (source && source == current() && cbBytesToCopy > current_size()) return E_INVALIDARG;
        *ppbBuffer = replace_buffer(cbNewBuffer, source, cbBytesToCopy);
        return S_OK;
    }
    VOID SetResult(DWORD cbData, HRESULT hr) override {
        result_size_ = cbData;
        result_ = hr;
        has_result_ = true;
        if (cbData > current_size())
            detail::report_misuse(report_, "IGlobalRSCAQueryProvider::SetResult", "GLOB-3",
                                  "cbData is larger than the output buffer", S_OK);
    }

    // ---- inspection ---------------------------------------------------------------------------
    bool has_result() const noexcept { return has_result_; }
    HRESULT result() const noexcept { return result_; }  // E_NOTIMPL until SetResult
    DWORD result_size() const noexcept { return result_size_; }
    // The answer as the caller of the query reads it: SetResult's first cbData bytes.
    std::string output() const {
        const std::size_t n = result_size_ < current_size() ? result_size_ : current_size();
        return n ? std::string(reinterpret_cast<const char*>(current()), n) : std::string();
    }
    std::size_t buffers_allocated() const noexcept { return buffers_.size(); }

private:
    struct Buffer {
        std::unique_ptr<BYTE[]> data;
        std::size_t size;
    };
    const BYTE* current() const noexcept {
        return buffers_.empty() ? nullptr : buffers_.back().data.get();
    }
    std::size_t current_size() const noexcept {
        return buffers_.empty() ? 0 : buffers_.back().size;
    }
    BYTE* replace_buffer(DWORD size, const BYTE* copy_from, DWORD copy_bytes) {
        Buffer fresh{std::unique_ptr<BYTE[]>(new BYTE[size ? size : 1]()), size};
        if (copy_bytes) std::memmove(fresh.data.get(), copy_from, copy_bytes);
        // The old buffer is freed as far as the module knows: poisoned, kept allocated.
        if (!buffers_.empty()) std::memset(buffers_.back().data.get(), 0xDD, buffers_.back().size);
        buffers_.push_back(std::move(fresh));
        return buffers_.back().data.get();
    }

    detail::wide_string name_;
    detail::wide_string parameters_;
    MisuseReporter report_;
    std::vector<Buffer> buffers_;
    DWORD result_size_ = 0;
    HRESULT result_ = E_NOTIMPL;
    bool has_result_ = false;
};
}  // namespace detail
using FakeRscaQueryProvider = detail::FakeRscaQueryProviderBase<>;

// One IHttpApplicationResolveModulesProvider::RegisterModule call.
struct ResolvedModule {
    HTTP_MODULE_ID parent_id;
    IHttpModuleFactory* factory;
    std::string name;
    std::string type;
    std::string precondition;
    DWORD notifications;
    DWORD post_notifications;
};

// One SetPriorityForRequestNotification call.
struct ResolvedPriority {
    std::string module_name;
    DWORD notification;
    std::string alias;  // as the module spelt it
};

// GL_APPLICATION_RESOLVE_MODULES (GLOB-1, GLOB-2): a global module adds request modules to an
// application. The host sets on_register_module / on_set_priority to put them in the pipeline;
// the result of the hook is what the module receives.
namespace detail {
template <class Unused = void>
class FakeResolveModulesProviderBase final
    : public FakeEventProvider<IHttpApplicationResolveModulesProvider> {
public:
    using RegisterHook = Callback<HRESULT(const ResolvedModule&)>;
    using PriorityHook = Callback<HRESULT(const ResolvedPriority&)>;

    explicit FakeResolveModulesProviderBase(IHttpApplication* application = nullptr)
        : application_(application) {}
    FakeResolveModulesProviderBase(const FakeResolveModulesProviderBase&) = delete;
    FakeResolveModulesProviderBase& operator=(const FakeResolveModulesProviderBase&) = delete;
    ~FakeResolveModulesProviderBase() = default;

    IHttpApplication* GetApplication(VOID) override { return application_; }
    HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId, IHttpModuleFactory* pModuleFactory,
                           PCWSTR pszModuleName, PCWSTR pszModuleType, PCWSTR pszModulePreCondition,
                           DWORD dwRequestNotifications,
                           DWORD dwPostRequestNotifications) override {
        if (!pModuleFactory || !pszModuleName || !*pszModuleName)
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        ResolvedModule module{parentModuleId,
                              pModuleFactory,
                              detail::utf8_or_empty(pszModuleName),
                              detail::utf8_or_empty(pszModuleType),
                              detail::utf8_or_empty(pszModulePreCondition),
                              dwRequestNotifications,
                              dwPostRequestNotifications};
        for (const ResolvedModule& known : modules_)
            if (detail::iequals_text(known.name, module.name))
                return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        const HRESULT hr = on_register_ ? on_register_(module) : S_OK;
        if (SUCCEEDED(hr)) modules_.push_back(std::move(module));
        return hr;
    }
    HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName, DWORD dwRequestNotification,
                                              PCWSTR pszPriorityAlias) override {
        if (!pszModuleName || !*pszModuleName || !known_alias(pszPriorityAlias))
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        ResolvedPriority priority{detail::utf8_or_empty(pszModuleName), dwRequestNotification,
                                  detail::utf8_or_empty(pszPriorityAlias)};
        const HRESULT hr = on_priority_ ? on_priority_(priority) : S_OK;
        if (SUCCEEDED(hr)) priorities_.push_back(std::move(priority));
        return hr;
    }

    // ---- host hooks and inspection -----------------------------------------------------------
    void on_register_module(RegisterHook hook) { on_register_ = std::move(hook); }
    void on_set_priority(PriorityHook hook) { on_priority_ = std::move(hook); }
    const std::vector<ResolvedModule>& modules() const noexcept { return modules_; }
    const std::vector<ResolvedPriority>& priorities() const noexcept { return priorities_; }

private:
    static bool known_alias(PCWSTR alias) {
        if (!alias) return false;
        const std::string text = detail::utf8_of(alias);
        for (const char* name : {"FIRST", "HIGH", "MEDIUM", "LOW", "LAST"})
            if (detail::iequals_text(text, name)) return true;
        return false;
    }

    IHttpApplication* application_;
    RegisterHook on_register_;
    PriorityHook on_priority_;
    std::vector<ResolvedModule> modules_;
    std::vector<ResolvedPriority> priorities_;
};
}  // namespace detail
using FakeResolveModulesProvider = detail::FakeResolveModulesProviderBase<>;

// GL_APPLICATION_PRELOAD (GLOB-6): an IGlobalApplicationPreloadProvider2, so a module's
// HttpGetExtendedInterface (or cast) to the 2 reaches IsProcessRecycled (T-1).
namespace detail {
template <class Unused = void>
class FakeApplicationPreloadProviderBase final
    : public FakeEventProvider<IGlobalApplicationPreloadProvider2> {
public:
    using CreateHook = Callback<HRESULT(IHttpContext** context)>;
    using ExecuteHook = Callback<HRESULT(IHttpContext* context, IHttpUser* user)>;
    struct Executed {
        IHttpContext* context;
        IHttpUser* user;
        HRESULT result;
    };

    explicit FakeApplicationPreloadProviderBase(bool process_recycled = false)
        : recycled_(process_recycled) {}
    FakeApplicationPreloadProviderBase(const FakeApplicationPreloadProviderBase&) = delete;
    FakeApplicationPreloadProviderBase& operator=(const FakeApplicationPreloadProviderBase&) =
        delete;
    ~FakeApplicationPreloadProviderBase() = default;

    HRESULT CreateContext(IHttpContext** ppHttpContext) override {
        if (!ppHttpContext) return E_INVALIDARG;
        *ppHttpContext = nullptr;
        const HRESULT hr =
            on_create_ ? on_create_(ppHttpContext) : HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
        if (FAILED(hr)) *ppHttpContext = nullptr;
        created_.push_back(*ppHttpContext);
        return hr;
    }
    HRESULT ExecuteRequest(IHttpContext* pHttpContext, IHttpUser* pHttpUser) override {
        const HRESULT hr = !pHttpContext ? E_INVALIDARG
                           : on_execute_ ? on_execute_(pHttpContext, pHttpUser)
                                         : S_OK;
        executed_.push_back(Executed{pHttpContext, pHttpUser, hr});
        return hr;
    }
    BOOL IsProcessRecycled(VOID) const override { return recycled_ ? TRUE : FALSE; }

    // ---- host hooks and inspection -----------------------------------------------------------
    void on_create_context(CreateHook hook) { on_create_ = std::move(hook); }
    void on_execute_request(ExecuteHook hook) { on_execute_ = std::move(hook); }
    // Every CreateContext result (NULL for a failed one), in order.
    const std::vector<IHttpContext*>& created_contexts() const noexcept { return created_; }
    const std::vector<Executed>& executed_requests() const noexcept { return executed_; }

private:
    bool recycled_;
    CreateHook on_create_;
    ExecuteHook on_execute_;
    std::vector<IHttpContext*> created_;
    std::vector<Executed> executed_;
};
}  // namespace detail
using FakeApplicationPreloadProvider = detail::FakeApplicationPreloadProviderBase<>;

IISFAKE_END_NAMESPACE

#endif
