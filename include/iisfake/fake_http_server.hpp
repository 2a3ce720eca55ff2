#ifndef IISFAKE_FAKE_HTTP_SERVER_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_SERVER_HPP_INCLUDED

// FakeHttpServer: the IHttpServer3 IIS hands to RegisterModule and modules keep in a global
// (SRV-2), most-derived with single inheritance so `(IHttpServer2*)g_pHttpServer` is valid
// (T-1). Everything a module asks of it is in one ordered call log; what it asks IIS to do
// (recycle, report unhealthy, flush, change the thread count, raise notifications) is recorded
// for the test to read. IIS calls the server from many request threads at once: every member
// a module can reach is safe to call concurrently. Hooks and knobs are for the host and the test,
// set before module code runs.
//
// Behaviour (spec §2.11, §2.12, §2.13; ids not in the spec are listed with their evidence, tags
// as in api-surface.md §0):
//   SRV-1  HttpGetExtendedInterface: IHttpServer::GetExtendedInterface(HTTP_SERVER_INTERFACE_V2)
//          gives the server as IHttpServer2; IHttpServer2::GetExtendedInterface(Version1, pInput,
//          Version2, ppOutput) converts pInput between versions of one interface family that the
//          fakes implement (IHttpRequest..4, IHttpResponse..4, IHttpContext..4, IHttpServer..3,
//          IHttpApplication..2, IHttpCompletionInfo..2, IHttpCachePolicy..2,
//          IGlobalApplicationPreloadProvider..2, IHttpModuleRegistrationInfo..2; IHttpSite,
//          IHttpUrlInfo and IHttpUser to themselves), else E_NOINTERFACE with *ppOutput NULL
//          [D purpose; I failure code]. pInput must be an object of the most-derived version, as
//          every iisfake fake is (T-1). NULL pInput or ppOutput: E_INVALIDARG [I].
//   SRV-3  legacy_iis7 (ServerSettings or set_legacy_iis7) answers as IIS 7.0, which had no
//          IHttpServer2: both GetExtendedInterface forms fail with E_NOINTERFACE, so a module's
//          version probing takes its fallback path; refuse_interface<T>() refuses one version
//          only (e.g. IHttpResponse4 before IIS 10) [I].
//   CONT-2 DispenseContainer returns a new, synchronized IDispensedHttpModuleContextContainer
//          [D: the DispenseContainer sample says "dispensed and synchronized"];
//          ReleaseContainer cleans up each stored context once, in reverse order, and frees the
//          container. The fake keeps the released container's memory until the server ends, so
//          a second ReleaseContainer or a use after release is reported instead of being a use
//          after free; a container never released is reported when the server ends (its
//          contexts are not cleaned up, as IIS would never clean them up).
//   SRV-4  The fragment cache [D]: AddFragmentToCache copies a HttpDataChunkFromMemory chunk
//          (other chunk types, a NULL chunk or name, an empty name: E_INVALIDARG) and replaces a
//          fragment of the same name (http.sys fragment-cache docs). ReadFragmentFromCache of a
//          missing name: HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND) [D]; a buffer smaller than the
//          fragment: HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER), nothing copied, *pcbCopied
//          the size needed [D: HttpReadFragmentFromCache]; NULL pcbCopied: E_INVALIDARG [I].
//          RemoveFragmentFromCache of a missing name: HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
//          [D]. Names match exactly [I]. http.sys may drop a fragment at any time [D]:
//          evict_fragment() does so for a test.
//   SRV-5  GetAdminManager is never NULL: before set_admin_manager(), an unconfigured admin
//          manager whose GetAdminSection fails for every section with
//          HRESULT_FROM_WIN32(ERROR_INVALID_DATA) (0x8007000D, the code of a configuration
//          section IIS does not know) and *ppAdminSection NULL [I].
//   SRV-6  SatisfiesPrecondition [D: preCondition values; a list is satisfied when each entry
//          is]: comma-separated, case-insensitive entries integratedMode, classicMode/ISAPIMode,
//          bitness32, bitness64, runtimeVersion<v> (against ServerSettings::runtime_version; ""
//          is No Managed Code), appPoolName=<a>;<b>, managedHandler (ServerSettings), and those
//          the test declares; an empty or NULL string is satisfied. An unknown entry sets
//          *pfUnknownPrecondition and is not satisfied [I].
//   SRV-7  IncrementThreadCount/DecrementThreadCount adjust a count the test reads [D]; a
//          decrement below zero is reported [I].
//   SRV-8  What needs Windows or IIS internals fails with HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)
//          and NULL out-pointers, recorded: GetToken, GetWorkerProcessSettings,
//          GetWorkerProcessFramework, GetProtocolManagerCustomInterface, QueryRequestProperty;
//          DoCacheOperation without on_cache_operation [I]. GetFileInfo without on_get_file_info:
//          HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) (the fake has no files) [I].
//   SRV-9  Simple and faithful: GetPerfCounterInfo (counters recorded), GetMetadata (an
//          IReferencedMetadataInfo for MACHINE/WEBROOT/APPHOST/<site><url>),
//          RegisterFileChangeMonitor (a FakeHttpFileMonitor, GLOB-4), AssociateWithThreadPool
//          (handle and routine recorded; NULL either: E_INVALIDARG), FlushKernelCache (URL
//          recorded; NULL: E_INVALIDARG), GetTraceContext (never NULL, T-25), GetAppPoolConfigFile
//          (*pcch its length) [D, I].
//   SRV-10 NotifyCustomNotification, NotifyConfigurationChange and NotifyFileChange reach
//          global modules through hooks the host sets; without one they are recorded only and a
//          custom notification returns GL_NOTIFICATION_CONTINUE [D purpose, I].
//   SRV-11 One ordered call log of what module code asked, with arguments as text (a password
//          never) and the HRESULT returned; what it asked IIS to do (RecycleProcess,
//          RecycleApplication, ReportUnhealthy, ...) also as lists [STYLE.md lesson 3].
//   SRV-12 Fault injection: fail(method, hr, nth) makes a call that returns an HRESULT fail
//          without effect, its out-pointers NULL [STYLE.md lesson 6].
//   (SRV-2 is the spec's: a module keeps RegisterModule's pGlobalInfo in a global and calls it
//   from every request thread.)

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/spin_lock.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/fake_containers.hpp"
#include "iisfake/fake_global_providers.hpp"
#include "iisfake/fake_satellites.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// The methods of IHttpServer..IHttpServer3, for the call log and fault injection. The two
// GetExtendedInterface overloads are one ServerMethod; the arguments tell them apart.
#define IISFAKE_SERVER_METHODS_(X)       \
    X(IsCommandLineLaunch)               \
    X(GetAppPoolName)                    \
    X(AssociateWithThreadPool)           \
    X(IncrementThreadCount)              \
    X(DecrementThreadCount)              \
    X(ReportUnhealthy)                   \
    X(RecycleProcess)                    \
    X(GetAdminManager)                   \
    X(GetFileInfo)                       \
    X(FlushKernelCache)                  \
    X(DoCacheOperation)                  \
    X(NotifyCustomNotification)          \
    X(GetPerfCounterInfo)                \
    X(RecycleApplication)                \
    X(NotifyConfigurationChange)         \
    X(NotifyFileChange)                  \
    X(DispenseContainer)                 \
    X(AddFragmentToCache)                \
    X(ReadFragmentFromCache)             \
    X(RemoveFragmentFromCache)           \
    X(GetWorkerProcessSettings)          \
    X(GetProtocolManagerCustomInterface) \
    X(SatisfiesPrecondition)             \
    X(GetTraceContext)                   \
    X(RegisterFileChangeMonitor)         \
    X(GetExtendedInterface)              \
    X(GetToken)                          \
    X(GetAppPoolConfigFile)              \
    X(GetMetadata)                       \
    X(GetWorkerProcessFramework)         \
    X(QueryRequestProperty)

enum class ServerMethod {
#define IISFAKE_SERVER_METHOD_ENUMERATOR_(name) name,
    IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_ENUMERATOR_)
#undef IISFAKE_SERVER_METHOD_ENUMERATOR_
};

constexpr int server_method_count = 0
#define IISFAKE_SERVER_METHOD_COUNT_(name) +1
    IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_COUNT_)
#undef IISFAKE_SERVER_METHOD_COUNT_
    ;

inline const char* server_method_name(ServerMethod method) noexcept {
    static const char* const names[] = {
#define IISFAKE_SERVER_METHOD_NAME_(name) #name,
        IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_NAME_)
#undef IISFAKE_SERVER_METHOD_NAME_
    };
    const int index = static_cast<int>(method);
    return index >= 0 && index < server_method_count ? names[index] : "<not a ServerMethod>";
}

#undef IISFAKE_SERVER_METHODS_

// One call module code made on the server.
struct ServerCall {
    ServerMethod method;
    std::string arguments;  // as text, e.g. "\"DefaultAppPool\"" or "IHttpRequest -> IHttpRequest3"
    HRESULT result;         // S_OK for methods that return no HRESULT
};

// What the worker process is. Defaults: w3wp.exe of a default IIS 10 install serving
// DefaultAppPool, integrated pipeline, 64-bit, .NET CLR v4.0.
struct ServerSettings {
    std::string app_pool_name = "DefaultAppPool";
    bool command_line_launch = false;  // IsCommandLineLaunch: TRUE only for a hosted/express core
    // GetAppPoolConfigFile; empty: C:\inetpub\temp\apppools\<pool>\<pool>.config
    std::string app_pool_config_file;
    // SatisfiesPrecondition facts (SRV-6).
    bool integrated_mode = true;
    unsigned bitness = 64;
    std::string runtime_version = "v4.0";  // "" = No Managed Code
    bool managed_handler = false;
    // GetMetadata: where the sites' content lives (each site's root).
    std::string physical_root = "C:\\inetpub\\wwwroot";
    bool legacy_iis7 = false;  // SRV-3
};

// One ReportUnhealthy call.
struct UnhealthyReport {
    std::string reason;
    HRESULT reason_code;
};

// IHttpPerfCounterInfo (SRV-9): counter values by index, safe from many threads.
class FakePerfCounterInfo final : public IHttpPerfCounterInfo {
public:
    FakePerfCounterInfo() = default;
    FakePerfCounterInfo(const FakePerfCounterInfo&) = delete;
    FakePerfCounterInfo& operator=(const FakePerfCounterInfo&) = delete;
    ~FakePerfCounterInfo() = default;
    VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) override {
        add(dwCounterIndex, static_cast<long long>(dwValue));
    }
    VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) override {
        add(dwCounterIndex, -static_cast<long long>(dwValue));
    }
    long long value(DWORD index) const {
        detail::SpinGuard guard(lock_);
        for (const auto& counter : counters_)
            if (counter.first == index) return counter.second;
        return 0;
    }

private:
    void add(DWORD index, long long delta) {
        detail::SpinGuard guard(lock_);
        for (auto& counter : counters_) {
            if (counter.first == index) {
                counter.second += delta;
                return;
            }
        }
        counters_.emplace_back(index, delta);
    }
    mutable detail::SpinLock lock_;
    std::vector<std::pair<DWORD, long long>> counters_;
};

namespace detail {

// CONT-2: a dispensed container, synchronized, whose memory outlives ReleaseContainer so that
// misuse after it is reported rather than undefined.
class DispensedContainer final : public IDispensedHttpModuleContextContainer {
public:
    explicit DispensedContainer(MisuseReporter report) : report_(std::move(report)) {}
    DispensedContainer(const DispensedContainer&) = delete;
    DispensedContainer& operator=(const DispensedContainer&) = delete;
    ~DispensedContainer() = default;  // contexts of a container never released stay as they are

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        {
            SpinGuard guard(lock_);
            if (!released_) {
                for (const auto& entry : entries_)
                    if (entry.first == moduleId) return entry.second;
                return nullptr;
            }
        }
        report("GetModuleContext", "CONT-2",
               "the container was used after ReleaseContainer, which freed it", S_OK);
        return nullptr;
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        const char* rule = "CONT-1";
        const char* problem = nullptr;
        HRESULT result = S_OK;
        {
            SpinGuard guard(lock_);
            if (released_) {
                rule = "CONT-2";
                problem = "the container was used after ReleaseContainer, which freed it";
                result = HRESULT_FROM_WIN32(ERROR_INVALID_STATE);
            } else if (!ppStoredContext) {
                problem = "ppStoredContext is NULL";
                result = HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
            } else {
                for (const auto& entry : entries_) {
                    if (entry.first == moduleId) {
                        problem =
                            "a context is already stored for this module id; IIS keeps the first "
                            "and never cleans up the second";
                        result = HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED);
                        break;
                    }
                }
                if (!problem) entries_.emplace_back(moduleId, ppStoredContext);
            }
        }
        return problem ? report("SetModuleContext", rule, problem, result) : S_OK;
    }
    VOID ReleaseContainer(VOID) override {
        std::vector<std::pair<HTTP_MODULE_ID, IHttpStoredContext*>> stored;
        bool twice = false;
        {
            SpinGuard guard(lock_);
            twice = released_;
            released_ = true;
            stored.swap(entries_);
        }
        if (twice) {
            report("ReleaseContainer", "CONT-2",
                   "ReleaseContainer on a container already released; IIS freed it the first time",
                   S_OK);
            return;
        }
        for (auto it = stored.rbegin(); it != stored.rend(); ++it)
            it->second->CleanupStoredContext();
    }

    bool released() const {
        SpinGuard guard(lock_);
        return released_;
    }
    std::size_t size() const {
        SpinGuard guard(lock_);
        return entries_.size();
    }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return report_misuse(report_,
                             std::string("IDispensedHttpModuleContextContainer::") + method, rule,
                             problem, result);
    }

    MisuseReporter report_;
    mutable SpinLock lock_;
    std::vector<std::pair<HTTP_MODULE_ID, IHttpStoredContext*>> entries_;
    bool released_ = false;
};

// SRV-5: what GetAdminManager returns before the test or host sets a configuration.
class UnconfiguredAdminManager final : public IAppHostAdminManager {
public:
    UnconfiguredAdminManager() = default;
    UnconfiguredAdminManager(const UnconfiguredAdminManager&) = delete;
    UnconfiguredAdminManager& operator=(const UnconfiguredAdminManager&) = delete;
    ~UnconfiguredAdminManager() = default;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override {
        if (!ppvObject) return E_POINTER;
        *ppvObject = nullptr;
        if (!(riid == uuid_of<IUnknown>()) && !(riid == uuid_of<IAppHostAdminManager>()))
            return E_NOINTERFACE;
        *ppvObject = static_cast<IAppHostAdminManager*>(this);
        AddRef();
        return S_OK;
    }
    // The server owns it; the count only keeps AddRef/Release balanced for the module.
    ULONG STDMETHODCALLTYPE AddRef(void) override { return static_cast<ULONG>(++references_); }
    ULONG STDMETHODCALLTYPE Release(void) override {
        long now = references_.load();
        while (now > 1 && !references_.compare_exchange_weak(now, now - 1)) {
        }
        return static_cast<ULONG>(now > 1 ? now - 1 : 1);
    }
    HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR, BSTR,
                                              IAppHostElement** ppAdminSection) override {
        if (!ppAdminSection) return E_POINTER;
        *ppAdminSection = nullptr;
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR, VARIANT*) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) override {
        if (ppConfigManager) *ppConfigManager = nullptr;
        return E_NOTIMPL;
    }

private:
    std::atomic<long> references_{1};
};

// The server's trace context: FakeHttpTraceContext, safe to trace into from many threads.
class ServerTraceContext final : public FakeHttpTraceContext {
public:
    ServerTraceContext() = default;
    HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) override {
        SpinGuard guard(lock_);
        return FakeHttpTraceContext::RaiseTraceEvent(pTraceEvent);
    }
    HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                       UCHAR Level = 4) override {
        SpinGuard guard(lock_);
        return FakeHttpTraceContext::QuickTrace(pszData1, pszData2, hrLastError, Level);
    }

private:
    SpinLock lock_;
};

template <class Unused = void>
class FakeHttpServerBase : public IHttpServer3 {
public:
    using CustomNotificationHook =
        Callback<GLOBAL_NOTIFICATION_STATUS(ICustomNotificationProvider*)>;
    using PathHook = Callback<void(PCWSTR)>;
    using FileInfoHook = Callback<HRESULT(PCWSTR path, BOOL cache, IHttpFileInfo** file_info)>;
    using CacheOperationHook = Callback<HRESULT(CACHE_OPERATION operation, IHttpCacheKey* key,
                                                IHttpCacheSpecificData** data)>;

    explicit FakeHttpServerBase(ServerSettings settings = ServerSettings());
    FakeHttpServerBase(const FakeHttpServerBase&) = delete;
    FakeHttpServerBase& operator=(const FakeHttpServerBase&) = delete;
    // Reports each dispensed container never released (CONT-2) through the misuse handler.
    virtual ~FakeHttpServerBase() noexcept(false);

    // ---- IHttpServer -------------------------------------------------------------------------
    BOOL IsCommandLineLaunch(VOID) const override;
    PCWSTR GetAppPoolName(VOID) const override;
    HRESULT AssociateWithThreadPool(HANDLE hHandle,
                                    LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) override;
    VOID IncrementThreadCount(VOID) override;
    VOID DecrementThreadCount(VOID) override;
    VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) override;
    VOID RecycleProcess(PCWSTR pszReason) override;
    IAppHostAdminManager* GetAdminManager(VOID) const override;
    HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid,
                        PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken,
                        BOOL fCache, IHttpFileInfo** ppFileInfo,
                        IHttpTraceContext* pHttpTraceContext = NULL) override;
    HRESULT FlushKernelCache(PCWSTR pszUrl) override;
    HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey,
                             IHttpCacheSpecificData** ppCacheSpecificData,
                             IHttpTraceContext* pHttpTraceContext = NULL) override;
    GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(
        ICustomNotificationProvider* pCustomOutput) override;
    IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) override;
    VOID RecycleApplication(PCWSTR pszAppConfigPath) override;
    VOID NotifyConfigurationChange(PCWSTR pszPath) override;
    VOID NotifyFileChange(PCWSTR pszFileName) override;
    IDispensedHttpModuleContextContainer* DispenseContainer(VOID) override;
    HRESULT AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk, PCWSTR pszFragmentName) override;
    HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize,
                                  DWORD* pcbCopied) override;
    HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) override;
    HRESULT GetWorkerProcessSettings(IWpfSettings** ppWorkerProcessSettings) override;
    HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                              PCWSTR pProtocolManagerDllInitFunction,
                                              DWORD dwCustomInterfaceId,
                                              PVOID* ppCustomInterface) override;
    BOOL SatisfiesPrecondition(PCWSTR pszPrecondition,
                               BOOL* pfUnknownPrecondition = NULL) const override;
    IHttpTraceContext* GetTraceContext(VOID) const override;
    HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken,
                                      IHttpFileMonitor** ppFileMonitor) override;
    HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                 PVOID* ppInterface) override;

    // ---- IHttpServer2 / IHttpServer3 ---------------------------------------------------------
    HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod,
                     IHttpTokenEntry** ppTokenEntry, PCWSTR pszDefaultDomain = NULL,
                     PSOCKADDR pSockAddr = NULL,
                     IHttpTraceContext* pHttpTraceContext = NULL) override;
    PCWSTR GetAppPoolConfigFile(DWORD* pcchConfigFilePath = NULL) const override;
    HRESULT GetExtendedInterface(const GUID& Version1, PVOID pInput, const GUID& Version2,
                                 PVOID* ppOutput) override;
    HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                        IReferencedMetadataInfo** ppMetadataInfo) override;
    HRESULT GetWorkerProcessFramework(IWorkerProcessFramework** ppWorkerProcessFramework) override;
    HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId,
                                 PVOID pQualifier, ULONG qualifierSize, PVOID pOutput,
                                 ULONG outputBufferSize, PULONG pcbBytesReturned,
                                 LPOVERLAPPED pOverlapped) override;

    // ---- host hooks (SRV-10, SRV-8) ----------------------------------------------------------
    void on_custom_notification(CustomNotificationHook hook);
    void on_configuration_change(PathHook hook);
    void on_file_change(PathHook hook);
    void on_get_file_info(FileInfoHook hook);
    void on_cache_operation(CacheOperationHook hook);
    // SRV-5: the configuration GetAdminManager returns (NULL: the unconfigured one again).
    void set_admin_manager(IAppHostAdminManager* manager);

    // ---- test knobs ---------------------------------------------------------------------------
    // Pointers GetAppPoolName handed out before stay readable.
    void set_app_pool_name(const std::string& name);
    void set_command_line_launch(bool launched);
    void set_legacy_iis7(bool legacy);  // SRV-3
    // SRV-3: GetExtendedInterface refuses this interface version (E_NOINTERFACE).
    void refuse_interface(const GUID& version);
    template <class Interface>
    void refuse_interface() {
        refuse_interface(uuid_of<Interface>());
    }
    // SRV-6: an entry SatisfiesPrecondition knows beyond the built-in ones.
    void set_precondition(const std::string& entry, bool satisfied);
    // SRV-4: http.sys dropped the fragment (or all of them).
    void evict_fragment(const std::string& name);
    void evict_all_fragments();
    // The next matching call(s) fail with `result` (a failure HRESULT) without doing anything;
    // nth = 0: every call, else only the nth call of that method. Only methods that return an
    // HRESULT; anything else throws std::invalid_argument.
    void fail(ServerMethod method, HRESULT result, unsigned nth = 0);
    void set_misuse_handler(MisuseHandler handler);
    void record_calls(bool on);

    // ---- inspection ---------------------------------------------------------------------------
    std::vector<ServerCall> calls() const;
    std::vector<ServerCall> calls(ServerMethod method) const;
    unsigned count(ServerMethod method) const;
    void clear_calls();
    std::vector<Misuse> misuses() const;

    std::vector<std::string> recycle_requests() const;       // RecycleProcess reasons
    std::vector<std::string> recycled_applications() const;  // RecycleApplication paths
    std::vector<UnhealthyReport> unhealthy_reports() const;
    std::vector<std::string> flushed_urls() const;           // FlushKernelCache
    std::vector<std::string> configuration_changes() const;  // NotifyConfigurationChange
    std::vector<std::string> file_changes() const;           // NotifyFileChange
    std::vector<std::string> custom_notifications() const;   // their QueryNotificationType
    std::vector<HANDLE> thread_pool_handles() const;         // AssociateWithThreadPool
    long thread_count() const;  // IncrementThreadCount calls minus DecrementThreadCount calls

    // The fragment's bytes; false when there is none of that name.
    bool fragment(const std::string& name, std::string& bytes) const;
    std::size_t fragment_count() const;

    std::size_t containers_dispensed() const;
    std::size_t containers_outstanding() const;  // dispensed and not yet released
    // Reports now, through the misuse handler, each container not yet released (CONT-2).
    void expect_all_containers_released();

    FakePerfCounterInfo& perf_counters() noexcept { return perf_counters_; }
    FakeHttpTraceContext& trace() noexcept { return trace_; }
    // Monitors RegisterFileChangeMonitor handed out, in order.
    std::vector<FakeHttpFileMonitor*> file_monitors() const;
    FakeHttpFileMonitor* file_monitor(const std::string& path) const;
    ServerSettings settings() const;

private:
    struct Fragment {
        wide_string name;
        std::vector<unsigned char> bytes;
    };
    struct Fault {
        ServerMethod method;
        unsigned nth;
        HRESULT result;
    };

    void record(ServerMethod method, std::string arguments, HRESULT result) const;
    bool injected(ServerMethod method, std::string arguments, HRESULT& result) const;
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result) const;
    MisuseReporter reporter() const;
    HRESULT not_supported(ServerMethod method, std::string arguments);
    HRESULT convert(const GUID& from, void* input, const GUID& to, void** output,
                    std::string& description) const;
    bool precondition_entry(const std::string& entry, bool& known) const;
    void push_text(std::vector<std::string> FakeHttpServerBase::*list, PCWSTR text);
    std::size_t outstanding_locked() const;
    void report_outstanding(const char* who);

    mutable SpinLock lock_;
    ServerSettings settings_;
    const WCHAR* app_pool_name_ = nullptr;  // the current one, in strings_
    const WCHAR* config_file_ = nullptr;
    std::size_t config_file_length_ = 0;
    mutable std::vector<std::unique_ptr<wide_string>> strings_;  // never freed before the end

    IAppHostAdminManager* admin_manager_ = nullptr;
    UnconfiguredAdminManager unconfigured_;
    ServerTraceContext trace_;
    FakePerfCounterInfo perf_counters_;

    CustomNotificationHook on_custom_;
    PathHook on_configuration_;
    PathHook on_file_;
    FileInfoHook on_file_info_;
    CacheOperationHook on_cache_;

    std::vector<GUID> refused_;
    std::vector<std::pair<std::string, bool>> preconditions_;
    std::vector<Fragment> fragments_;
    std::vector<std::unique_ptr<DispensedContainer>> containers_;
    std::vector<std::unique_ptr<FakeHttpFileMonitor>> monitors_;
    std::vector<std::unique_ptr<FakeMetadataInfo>> metadata_;

    std::vector<std::string> recycles_;
    std::vector<std::string> application_recycles_;
    std::vector<UnhealthyReport> unhealthy_;
    std::vector<std::string> flushed_;
    std::vector<std::string> configuration_changes_;
    std::vector<std::string> file_changes_;
    std::vector<std::string> custom_notifications_;
    std::vector<HANDLE> handles_;
    long threads_ = 0;

    MisuseHandler misuse_handler_ = throw_misuse;
    mutable std::vector<Misuse> misuses_;
    mutable std::vector<ServerCall> calls_;
    mutable unsigned call_counts_[server_method_count] = {};
    std::vector<Fault> faults_;
    bool record_calls_ = true;
};

}  // namespace detail

// The IHttpServer3 a module's RegisterModule receives; see FakeHttpServerBase for its members.
class FakeHttpServer : public detail::FakeHttpServerBase<> {
public:
    using FakeHttpServerBase::FakeHttpServerBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpServerBase<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/fake_http_server_impl.hpp"
#endif

#endif
