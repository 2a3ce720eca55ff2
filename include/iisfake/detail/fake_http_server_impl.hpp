#ifndef IISFAKE_DETAIL_FAKE_HTTP_SERVER_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_SERVER_IMPL_HPP_INCLUDED

// FakeHttpServerBase's member definitions (see fake_http_server.hpp for the rules they follow).

#include <cstring>
#include <exception>
#include <stdexcept>

#include "iisfake/fake_http_server.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// ---- SRV-1: interface families -----------------------------------------------------------------

inline bool same_guid(const GUID& a, const GUID& b) noexcept {
    return std::memcmp(&a, &b, sizeof(GUID)) == 0;
}

enum class CastResult { not_family, no_interface, ok };

// Versions of one interface, oldest first, the last the one every fake of it implements. An
// input given as version `from` is the most-derived object (T-1), so the downcast is valid and
// the upcast to `to` always is.
template <class Most, class... Levels>
struct InterfaceFamily {
    static CastResult cast(const GUID& from, void* input, const GUID& to, void** output) {
        Most* most = nullptr;
        if (!(take<Levels>(from, input, most) || ...)) return CastResult::not_family;
        void* out = nullptr;
        if (!(give<Levels>(to, most, out) || ...)) return CastResult::no_interface;
        *output = out;
        return CastResult::ok;
    }

private:
    template <class Level>
    static bool take(const GUID& from, void* input, Most*& most) {
        if (!same_guid(from, uuid_of<Level>())) return false;
        most = static_cast<Most*>(static_cast<Level*>(input));
        return true;
    }
    template <class Level>
    static bool give(const GUID& to, Most* most, void*& out) {
        if (!same_guid(to, uuid_of<Level>())) return false;
        out = static_cast<void*>(static_cast<Level*>(most));
        return true;
    }
};

template <class... Families>
struct InterfaceFamilies {
    static CastResult cast(const GUID& from, void* input, const GUID& to, void** output) {
        CastResult result = CastResult::not_family;
        (void)(((result = Families::cast(from, input, to, output)) != CastResult::not_family) ||
               ...);
        return result;
    }
};

using ExtendedInterfaces = InterfaceFamilies<
    InterfaceFamily<IHttpRequest4, IHttpRequest, IHttpRequest2, IHttpRequest3, IHttpRequest4>,
    InterfaceFamily<IHttpResponse4, IHttpResponse, IHttpResponse2, IHttpResponse3, IHttpResponse4>,
    InterfaceFamily<IHttpContext4, IHttpContext, IHttpContext2, IHttpContext3, IHttpContext4>,
    InterfaceFamily<IHttpServer3, IHttpServer, IHttpServer2, IHttpServer3>,
    InterfaceFamily<IHttpApplication2, IHttpApplication, IHttpApplication2>,
    InterfaceFamily<IHttpCompletionInfo2, IHttpCompletionInfo, IHttpCompletionInfo2>,
    InterfaceFamily<IHttpCachePolicy2, IHttpCachePolicy, IHttpCachePolicy2>,
    InterfaceFamily<IGlobalApplicationPreloadProvider2, IGlobalApplicationPreloadProvider,
                    IGlobalApplicationPreloadProvider2>,
    InterfaceFamily<IHttpModuleRegistrationInfo2, IHttpModuleRegistrationInfo,
                    IHttpModuleRegistrationInfo2>,
    InterfaceFamily<IHttpSite, IHttpSite>, InterfaceFamily<IHttpUrlInfo, IHttpUrlInfo>,
    InterfaceFamily<IHttpUser, IHttpUser>>;

// The name of a versioned interface for the call log, else the GUID's text.
inline std::string interface_name(const GUID& id) {
#define IISFAKE_DETAIL_NAME_(type) \
    if (same_guid(id, uuid_of<type>())) return #type;
    IISFAKE_DETAIL_NAME_(IHttpRequest)
    IISFAKE_DETAIL_NAME_(IHttpRequest2)
    IISFAKE_DETAIL_NAME_(IHttpRequest3)
    IISFAKE_DETAIL_NAME_(IHttpRequest4)
    IISFAKE_DETAIL_NAME_(IHttpResponse)
    IISFAKE_DETAIL_NAME_(IHttpResponse2)
    IISFAKE_DETAIL_NAME_(IHttpResponse3)
    IISFAKE_DETAIL_NAME_(IHttpResponse4)
    IISFAKE_DETAIL_NAME_(IHttpContext)
    IISFAKE_DETAIL_NAME_(IHttpContext2)
    IISFAKE_DETAIL_NAME_(IHttpContext3)
    IISFAKE_DETAIL_NAME_(IHttpContext4)
    IISFAKE_DETAIL_NAME_(IHttpServer)
    IISFAKE_DETAIL_NAME_(IHttpServer2)
    IISFAKE_DETAIL_NAME_(IHttpServer3)
    IISFAKE_DETAIL_NAME_(IHttpApplication)
    IISFAKE_DETAIL_NAME_(IHttpApplication2)
    IISFAKE_DETAIL_NAME_(IHttpCompletionInfo)
    IISFAKE_DETAIL_NAME_(IHttpCompletionInfo2)
    IISFAKE_DETAIL_NAME_(IHttpCachePolicy)
    IISFAKE_DETAIL_NAME_(IHttpCachePolicy2)
    IISFAKE_DETAIL_NAME_(IGlobalApplicationPreloadProvider)
    IISFAKE_DETAIL_NAME_(IGlobalApplicationPreloadProvider2)
    IISFAKE_DETAIL_NAME_(IHttpModuleRegistrationInfo)
    IISFAKE_DETAIL_NAME_(IHttpModuleRegistrationInfo2)
    IISFAKE_DETAIL_NAME_(IHttpSite)
    IISFAKE_DETAIL_NAME_(IHttpUrlInfo)
    IISFAKE_DETAIL_NAME_(IHttpUser)
#undef IISFAKE_DETAIL_NAME_
    static const char digits[] = "0123456789abcdef";
    std::string text = "{";
    auto hex = [&text](std::uint32_t value, int nibbles) {
        for (int shift = (nibbles - 1) * 4; shift >= 0; shift -= 4)
            text += digits[(value >> shift) & 0xFu];
    };
    hex(id.Data1, 8);
    text += '-';
    hex(id.Data2, 4);
    text += '-';
    hex(id.Data3, 4);
    text += '-';
    for (int i = 0; i < 8; ++i) {
        if (i == 2) text += '-';
        hex(id.Data4[i], 2);
    }
    return text + "}";
}

inline std::string quoted(PCWSTR text) { return text ? "\"" + utf8_of(text) + "\"" : "NULL"; }

// ASCII case-insensitive comparison of whole strings (precondition entries, pool names).
inline bool same_text_ci(const std::string& a, const std::string& b) noexcept {
    return a.size() == b.size() && iequals(a.data(), b.data(), a.size());
}

inline std::string trimmed(const std::string& text) {
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
    return text.substr(first, last - first);
}

inline bool has_prefix_ci(const std::string& text, const char* prefix) {
    const std::size_t n = std::strlen(prefix);
    return text.size() >= n && iequals(text.data(), prefix, n);
}

inline std::size_t wide_length(PCWSTR text) noexcept {
    std::size_t n = 0;
    if (text)
        while (text[n]) ++n;
    return n;
}

// ---- construction and teardown -------------------------------------------------------------

template <class Unused>
FakeHttpServerBase<Unused>::FakeHttpServerBase(ServerSettings settings)
    : settings_(std::move(settings)) {
    set_app_pool_name(settings_.app_pool_name);
}

template <class Unused>
FakeHttpServerBase<Unused>::~FakeHttpServerBase() noexcept(false) {
    if (std::uncaught_exceptions() == 0) report_outstanding("FakeHttpServer::~FakeHttpServer");
}

// ---- bookkeeping ---------------------------------------------------------------------------

template <class Unused>
void FakeHttpServerBase<Unused>::record(ServerMethod method, std::string arguments,
                                        HRESULT result) const {
    SpinGuard guard(lock_);
    ++call_counts_[static_cast<int>(method)];
    if (record_calls_) calls_.push_back(ServerCall{method, std::move(arguments), result});
}

template <class Unused>
bool FakeHttpServerBase<Unused>::injected(ServerMethod method, std::string arguments,
                                          HRESULT& result) const {
    {
        SpinGuard guard(lock_);
        const unsigned count = call_counts_[static_cast<int>(method)] + 1;
        bool hit = false;
        for (const Fault& fault : faults_) {
            if (fault.method == method && (fault.nth == 0 || fault.nth == count)) {
                result = fault.result;
                hit = true;
                break;
            }
        }
        if (!hit) return false;
    }
    record(method, std::move(arguments), result);
    return true;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::report(const char* method, const char* rule,
                                           std::string problem, HRESULT result) const {
    Misuse misuse{method, rule, std::move(problem), result, "IIS returns " + hresult_text(result)};
    MisuseHandler handler;
    {
        SpinGuard guard(lock_);
        misuses_.push_back(misuse);
        handler = misuse_handler_;
    }
    if (handler) handler(misuse);
    return result;
}

template <class Unused>
MisuseReporter FakeHttpServerBase<Unused>::reporter() const {
    return [this](const char* method, const char* rule, std::string problem, HRESULT result) {
        return report(method, rule, std::move(problem), result);
    };
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::not_supported(ServerMethod method, std::string arguments) {
    HRESULT result = HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    if (injected(method, arguments, result)) return result;
    record(method, std::move(arguments), result);
    return result;
}

template <class Unused>
std::size_t FakeHttpServerBase<Unused>::outstanding_locked() const {
    std::size_t outstanding = 0;
    for (const auto& container : containers_)
        if (!container->released()) ++outstanding;
    return outstanding;
}

template <class Unused>
void FakeHttpServerBase<Unused>::report_outstanding(const char* who) {
    std::size_t outstanding = 0;
    {
        SpinGuard guard(lock_);
        outstanding = outstanding_locked();
    }
    if (outstanding)
        report(who, "CONT-2",
               std::to_string(outstanding) +
                   " container(s) from DispenseContainer never released: ReleaseContainer cleans "
                   "up their contexts and frees them",
               S_OK);
}

// ---- IHttpServer ---------------------------------------------------------------------------

template <class Unused>
BOOL FakeHttpServerBase<Unused>::IsCommandLineLaunch(VOID) const {
    bool launched = false;
    {
        SpinGuard guard(lock_);
        launched = settings_.command_line_launch;
    }
    record(ServerMethod::IsCommandLineLaunch, std::string(), S_OK);
    return launched ? TRUE : FALSE;
}

template <class Unused>
PCWSTR FakeHttpServerBase<Unused>::GetAppPoolName(VOID) const {
    PCWSTR name = nullptr;
    {
        SpinGuard guard(lock_);
        name = app_pool_name_;
    }
    record(ServerMethod::GetAppPoolName, std::string(), S_OK);
    return name;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::AssociateWithThreadPool(
    HANDLE hHandle, LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) {
    HRESULT result = S_OK;
    if (injected(ServerMethod::AssociateWithThreadPool, std::string(), result)) return result;
    if (!hHandle || !completionRoutine) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        handles_.push_back(hHandle);
    }
    record(ServerMethod::AssociateWithThreadPool, std::string(), result);
    return result;
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::IncrementThreadCount(VOID) {
    {
        SpinGuard guard(lock_);
        ++threads_;
    }
    record(ServerMethod::IncrementThreadCount, std::string(), S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::DecrementThreadCount(VOID) {
    bool below_zero = false;
    {
        SpinGuard guard(lock_);
        if (threads_ > 0)
            --threads_;
        else
            below_zero = true;
    }
    record(ServerMethod::DecrementThreadCount, std::string(), S_OK);
    if (below_zero)
        report("IHttpServer::DecrementThreadCount", "SRV-7",
               "DecrementThreadCount without a matching IncrementThreadCount", S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) {
    {
        SpinGuard guard(lock_);
        unhealthy_.push_back(UnhealthyReport{utf8_of(pszReasonString), hrReason});
    }
    record(ServerMethod::ReportUnhealthy, quoted(pszReasonString) + ", " + hresult_text(hrReason),
           S_OK);
}

template <class Unused>
void FakeHttpServerBase<Unused>::push_text(std::vector<std::string> FakeHttpServerBase::*list,
                                           PCWSTR text) {
    SpinGuard guard(lock_);
    (this->*list).push_back(utf8_of(text));
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::RecycleProcess(PCWSTR pszReason) {
    push_text(&FakeHttpServerBase::recycles_, pszReason);
    record(ServerMethod::RecycleProcess, quoted(pszReason), S_OK);
}

template <class Unused>
IAppHostAdminManager* FakeHttpServerBase<Unused>::GetAdminManager(VOID) const {
    IAppHostAdminManager* manager = nullptr;
    {
        SpinGuard guard(lock_);
        manager = admin_manager_;
    }
    record(ServerMethod::GetAdminManager, std::string(), S_OK);
    return manager ? manager
                   : static_cast<IAppHostAdminManager*>(
                         const_cast<UnconfiguredAdminManager*>(&unconfigured_));
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetFileInfo(PCWSTR pszPhysicalPath, HANDLE, PSID, PCWSTR,
                                                HANDLE, BOOL fCache, IHttpFileInfo** ppFileInfo,
                                                IHttpTraceContext*) {
    if (ppFileInfo) *ppFileInfo = nullptr;
    const std::string arguments = quoted(pszPhysicalPath) + (fCache ? ", TRUE" : ", FALSE");
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetFileInfo, arguments, result)) return result;
    FileInfoHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_file_info_;
    }
    if (!pszPhysicalPath || !ppFileInfo)
        result = E_INVALIDARG;
    else if (hook)
        result = hook(pszPhysicalPath, fCache, ppFileInfo);
    else
        result = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    if (FAILED(result) && ppFileInfo) *ppFileInfo = nullptr;
    record(ServerMethod::GetFileInfo, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::FlushKernelCache(PCWSTR pszUrl) {
    HRESULT result = S_OK;
    if (injected(ServerMethod::FlushKernelCache, quoted(pszUrl), result)) return result;
    if (!pszUrl)
        result = E_INVALIDARG;
    else
        push_text(&FakeHttpServerBase::flushed_, pszUrl);
    record(ServerMethod::FlushKernelCache, quoted(pszUrl), result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::DoCacheOperation(CACHE_OPERATION cacheOperation,
                                                     IHttpCacheKey* pCacheKey,
                                                     IHttpCacheSpecificData** ppCacheSpecificData,
                                                     IHttpTraceContext*) {
    if (ppCacheSpecificData) *ppCacheSpecificData = nullptr;
    const std::string arguments = std::to_string(static_cast<int>(cacheOperation));
    HRESULT result = S_OK;
    if (injected(ServerMethod::DoCacheOperation, arguments, result)) return result;
    CacheOperationHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_cache_;
    }
    if (!hook) return not_supported(ServerMethod::DoCacheOperation, arguments);
    result = hook(cacheOperation, pCacheKey, ppCacheSpecificData);
    record(ServerMethod::DoCacheOperation, arguments, result);
    return result;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS FakeHttpServerBase<Unused>::NotifyCustomNotification(
    ICustomNotificationProvider* pCustomOutput) {
    std::string type = "NULL";
    if (pCustomOutput) {
        type = utf8_of(pCustomOutput->QueryNotificationType());
        SpinGuard guard(lock_);
        custom_notifications_.push_back(type);
    }
    // Recorded before the global modules run, so calls they make come after it in the log.
    record(ServerMethod::NotifyCustomNotification, type, S_OK);
    CustomNotificationHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_custom_;
    }
    return pCustomOutput && hook ? hook(pCustomOutput) : GL_NOTIFICATION_CONTINUE;
}

template <class Unused>
IHttpPerfCounterInfo* FakeHttpServerBase<Unused>::GetPerfCounterInfo(VOID) {
    record(ServerMethod::GetPerfCounterInfo, std::string(), S_OK);
    return &perf_counters_;
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::RecycleApplication(PCWSTR pszAppConfigPath) {
    push_text(&FakeHttpServerBase::application_recycles_, pszAppConfigPath);
    record(ServerMethod::RecycleApplication, quoted(pszAppConfigPath), S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::NotifyConfigurationChange(PCWSTR pszPath) {
    push_text(&FakeHttpServerBase::configuration_changes_, pszPath);
    record(ServerMethod::NotifyConfigurationChange, quoted(pszPath), S_OK);
    PathHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_configuration_;
    }
    if (hook) hook(pszPath);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::NotifyFileChange(PCWSTR pszFileName) {
    push_text(&FakeHttpServerBase::file_changes_, pszFileName);
    record(ServerMethod::NotifyFileChange, quoted(pszFileName), S_OK);
    PathHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_file_;
    }
    if (hook) hook(pszFileName);
}

template <class Unused>
IDispensedHttpModuleContextContainer* FakeHttpServerBase<Unused>::DispenseContainer(VOID) {
    std::unique_ptr<DispensedContainer> container(new DispensedContainer(reporter()));
    DispensedContainer* handed = container.get();
    {
        SpinGuard guard(lock_);
        containers_.push_back(std::move(container));
    }
    record(ServerMethod::DispenseContainer, std::string(), S_OK);
    return handed;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk,
                                                       PCWSTR pszFragmentName) {
    const std::string arguments = quoted(pszFragmentName);
    HRESULT result = S_OK;
    if (injected(ServerMethod::AddFragmentToCache, arguments, result)) return result;
    if (!pDataChunk || !pszFragmentName || !*pszFragmentName ||
        pDataChunk->DataChunkType != HttpDataChunkFromMemory ||
        (!pDataChunk->FromMemory.pBuffer && pDataChunk->FromMemory.BufferLength > 0)) {
        result = E_INVALIDARG;
    } else {
        const auto* bytes = static_cast<const unsigned char*>(pDataChunk->FromMemory.pBuffer);
        Fragment fresh{
            wide_string(pszFragmentName),
            std::vector<unsigned char>(bytes, bytes + pDataChunk->FromMemory.BufferLength)};
        SpinGuard guard(lock_);
        bool replaced = false;
        for (Fragment& fragment : fragments_) {
            if (fragment.name == fresh.name) {
                fragment.bytes.swap(fresh.bytes);
                replaced = true;
                break;
            }
        }
        if (!replaced) fragments_.push_back(std::move(fresh));
    }
    record(ServerMethod::AddFragmentToCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer,
                                                          DWORD cbSize, DWORD* pcbCopied) {
    const std::string arguments = quoted(pszFragmentName) + ", " + std::to_string(cbSize);
    HRESULT result = S_OK;
    if (injected(ServerMethod::ReadFragmentFromCache, arguments, result)) {
        if (pcbCopied) *pcbCopied = 0;
        return result;
    }
    if (!pszFragmentName || !pcbCopied || (!pvBuffer && cbSize > 0)) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        const Fragment* found = nullptr;
        for (const Fragment& fragment : fragments_)
            if (fragment.name == pszFragmentName) found = &fragment;
        if (!found) {
            *pcbCopied = 0;
            result = HRESULT_FROM_WIN32(3);  // ERROR_PATH_NOT_FOUND
        } else {
            const auto size = static_cast<DWORD>(found->bytes.size());
            *pcbCopied = size;  // the bytes copied, or needed
            if (size > cbSize)
                result = HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
            else if (size > 0)
                std::memcpy(pvBuffer, found->bytes.data(), size);
        }
    }
    record(ServerMethod::ReadFragmentFromCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::RemoveFragmentFromCache(PCWSTR pszFragmentName) {
    const std::string arguments = quoted(pszFragmentName);
    HRESULT result = S_OK;
    if (injected(ServerMethod::RemoveFragmentFromCache, arguments, result)) return result;
    if (!pszFragmentName) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        result = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
        for (auto it = fragments_.begin(); it != fragments_.end(); ++it) {
            if (it->name == pszFragmentName) {
                fragments_.erase(it);
                result = S_OK;
                break;
            }
        }
    }
    record(ServerMethod::RemoveFragmentFromCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetWorkerProcessSettings(
    IWpfSettings** ppWorkerProcessSettings) {
    if (ppWorkerProcessSettings) *ppWorkerProcessSettings = nullptr;
    return not_supported(ServerMethod::GetWorkerProcessSettings, std::string());
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                                                      PCWSTR,
                                                                      DWORD dwCustomInterfaceId,
                                                                      PVOID* ppCustomInterface) {
    if (ppCustomInterface) *ppCustomInterface = nullptr;
    return not_supported(ServerMethod::GetProtocolManagerCustomInterface,
                         quoted(pProtocolManagerDll) + ", " + std::to_string(dwCustomInterfaceId));
}

// One entry of a precondition: whether it holds, and (through `known`) whether it is one.
template <class Unused>
bool FakeHttpServerBase<Unused>::precondition_entry(const std::string& entry, bool& known) const {
    known = true;
    if (same_text_ci(entry, "integratedMode")) return settings_.integrated_mode;
    if (same_text_ci(entry, "classicMode") || same_text_ci(entry, "ISAPIMode"))
        return !settings_.integrated_mode;
    if (same_text_ci(entry, "bitness32")) return settings_.bitness == 32;
    if (same_text_ci(entry, "bitness64")) return settings_.bitness == 64;
    if (same_text_ci(entry, "managedHandler")) return settings_.managed_handler;
    if (has_prefix_ci(entry, "runtimeVersion")) {
        const std::string version = entry.substr(std::strlen("runtimeVersion"));
        return !settings_.runtime_version.empty() &&
               same_text_ci(version, settings_.runtime_version);
    }
    if (has_prefix_ci(entry, "appPoolName=")) {
        const std::string names = entry.substr(std::strlen("appPoolName="));
        std::size_t start = 0;
        while (start <= names.size()) {
            std::size_t end = names.find(';', start);
            if (end == std::string::npos) end = names.size();
            if (same_text_ci(trimmed(names.substr(start, end - start)), settings_.app_pool_name))
                return true;
            start = end + 1;
        }
        return false;
    }
    for (const auto& declared : preconditions_)
        if (same_text_ci(entry, declared.first)) return declared.second;
    known = false;
    return false;
}

template <class Unused>
BOOL FakeHttpServerBase<Unused>::SatisfiesPrecondition(PCWSTR pszPrecondition,
                                                       BOOL* pfUnknownPrecondition) const {
    if (pfUnknownPrecondition) *pfUnknownPrecondition = FALSE;
    const std::string text = utf8_of(pszPrecondition);
    bool satisfied = true;
    bool unknown = false;
    {
        SpinGuard guard(lock_);
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find(',', start);
            if (end == std::string::npos) end = text.size();
            const std::string entry = trimmed(text.substr(start, end - start));
            if (!entry.empty()) {
                bool known = true;
                if (!precondition_entry(entry, known)) satisfied = false;
                if (!known) unknown = true;
            }
            start = end + 1;
        }
    }
    if (unknown && pfUnknownPrecondition) *pfUnknownPrecondition = TRUE;
    record(ServerMethod::SatisfiesPrecondition, quoted(pszPrecondition), S_OK);
    return satisfied ? TRUE : FALSE;
}

template <class Unused>
IHttpTraceContext* FakeHttpServerBase<Unused>::GetTraceContext(VOID) const {
    record(ServerMethod::GetTraceContext, std::string(), S_OK);
    return const_cast<ServerTraceContext*>(&trace_);
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE,
                                                              IHttpFileMonitor** ppFileMonitor) {
    if (ppFileMonitor) *ppFileMonitor = nullptr;
    HRESULT result = S_OK;
    if (injected(ServerMethod::RegisterFileChangeMonitor, quoted(pszPath), result)) return result;
    if (!pszPath || !*pszPath || !ppFileMonitor) {
        result = E_INVALIDARG;
    } else {
        std::unique_ptr<FakeHttpFileMonitor> monitor(
            new FakeHttpFileMonitor(utf8_of(pszPath), reporter()));
        *ppFileMonitor = monitor.get();
        SpinGuard guard(lock_);
        monitors_.push_back(std::move(monitor));
    }
    record(ServerMethod::RegisterFileChangeMonitor, quoted(pszPath), result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                                         PVOID* ppInterface) {
    if (ppInterface) *ppInterface = nullptr;
    const std::string arguments = version == HTTP_SERVER_INTERFACE_V2
                                      ? std::string("HTTP_SERVER_INTERFACE_V2")
                                      : std::to_string(static_cast<int>(version));
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetExtendedInterface, arguments, result)) return result;
    bool legacy = false;
    bool refused = false;
    {
        SpinGuard guard(lock_);
        legacy = settings_.legacy_iis7;
        for (const GUID& id : refused_)
            if (same_guid(id, uuid_of<IHttpServer2>())) refused = true;
    }
    if (!ppInterface)
        result = E_INVALIDARG;
    else if (version != HTTP_SERVER_INTERFACE_V2 || legacy || refused)
        result = E_NOINTERFACE;
    else
        *ppInterface = static_cast<IHttpServer2*>(this);
    record(ServerMethod::GetExtendedInterface, arguments, result);
    return result;
}

// ---- IHttpServer2 / IHttpServer3 -----------------------------------------------------------

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetToken(PCWSTR pszUserName, PCWSTR, DWORD dwLogonMethod,
                                             IHttpTokenEntry** ppTokenEntry, PCWSTR, PSOCKADDR,
                                             IHttpTraceContext*) {
    if (ppTokenEntry) *ppTokenEntry = nullptr;
    // The password never reaches the log.
    return not_supported(ServerMethod::GetToken,
                         quoted(pszUserName) + ", " + std::to_string(dwLogonMethod));
}

template <class Unused>
PCWSTR FakeHttpServerBase<Unused>::GetAppPoolConfigFile(DWORD* pcchConfigFilePath) const {
    PCWSTR path = nullptr;
    std::size_t length = 0;
    {
        SpinGuard guard(lock_);
        path = config_file_;
        length = config_file_length_;
    }
    if (pcchConfigFilePath) *pcchConfigFilePath = static_cast<DWORD>(length);
    record(ServerMethod::GetAppPoolConfigFile, std::string(), S_OK);
    return path;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::convert(const GUID& from, void* input, const GUID& to,
                                            void** output, std::string& description) const {
    description = interface_name(from) + " -> " + interface_name(to);
    bool legacy = false;
    bool refused = false;
    {
        SpinGuard guard(lock_);
        legacy = settings_.legacy_iis7;
        for (const GUID& id : refused_)
            if (same_guid(id, to)) refused = true;
    }
    if (!input || !output) return E_INVALIDARG;
    if (legacy || refused) return E_NOINTERFACE;
    return ExtendedInterfaces::cast(from, input, to, output) == CastResult::ok ? S_OK
                                                                               : E_NOINTERFACE;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetExtendedInterface(const GUID& Version1, PVOID pInput,
                                                         const GUID& Version2, PVOID* ppOutput) {
    if (ppOutput) *ppOutput = nullptr;
    std::string description = interface_name(Version1) + " -> " + interface_name(Version2);
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetExtendedInterface, description, result)) return result;
    result = convert(Version1, pInput, Version2, ppOutput, description);
    if (FAILED(result) && ppOutput) *ppOutput = nullptr;
    record(ServerMethod::GetExtendedInterface, description, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                                                IReferencedMetadataInfo** ppMetadataInfo) {
    if (ppMetadataInfo) *ppMetadataInfo = nullptr;
    const std::string arguments = quoted(pszSiteName) + ", " + quoted(pszUrl);
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetMetadata, arguments, result)) return result;
    if (!pszSiteName || !*pszSiteName || !pszUrl || !ppMetadataInfo) {
        result = E_INVALIDARG;
    } else {
        std::string url = utf8_of(pszUrl);
        while (!url.empty() && url.back() == '/') url.pop_back();
        if (!url.empty() && url.front() != '/') url.insert(url.begin(), '/');
        std::string physical;
        {
            SpinGuard guard(lock_);
            physical = settings_.physical_root;
        }
        for (char c : url) physical += c == '/' ? '\\' : c;
        const std::string meta = "MACHINE/WEBROOT/APPHOST/" + utf8_of(pszSiteName) + url;
        std::unique_ptr<FakeMetadataInfo> info(
            new FakeMetadataInfo(utf8_to_wide(meta.data(), meta.size()),
                                 utf8_to_wide(physical.data(), physical.size()), reporter()));
        *ppMetadataInfo = info.get();
        SpinGuard guard(lock_);
        metadata_.push_back(std::move(info));
    }
    record(ServerMethod::GetMetadata, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetWorkerProcessFramework(
    IWorkerProcessFramework** ppWorkerProcessFramework) {
    if (ppWorkerProcessFramework) *ppWorkerProcessFramework = nullptr;
    return not_supported(ServerMethod::GetWorkerProcessFramework, std::string());
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::QueryRequestProperty(HTTP_OPAQUE_ID id,
                                                         HTTP_REQUEST_PROPERTY propertyId, PVOID,
                                                         ULONG, PVOID, ULONG,
                                                         PULONG pcbBytesReturned, LPOVERLAPPED) {
    if (pcbBytesReturned) *pcbBytesReturned = 0;
    return not_supported(ServerMethod::QueryRequestProperty,
                         std::to_string(id) + ", " + std::to_string(static_cast<int>(propertyId)));
}

// ---- hooks and knobs -----------------------------------------------------------------------

template <class Unused>
void FakeHttpServerBase<Unused>::on_custom_notification(CustomNotificationHook hook) {
    SpinGuard guard(lock_);
    on_custom_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_configuration_change(PathHook hook) {
    SpinGuard guard(lock_);
    on_configuration_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_file_change(PathHook hook) {
    SpinGuard guard(lock_);
    on_file_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_get_file_info(FileInfoHook hook) {
    SpinGuard guard(lock_);
    on_file_info_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_cache_operation(CacheOperationHook hook) {
    SpinGuard guard(lock_);
    on_cache_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_admin_manager(IAppHostAdminManager* manager) {
    SpinGuard guard(lock_);
    admin_manager_ = manager;
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_app_pool_name(const std::string& name) {
    std::string config = settings_.app_pool_config_file;
    if (config.empty()) config = "C:\\inetpub\\temp\\apppools\\" + name + "\\" + name + ".config";
    std::unique_ptr<wide_string> wide_name(new wide_string(utf8_to_wide(name.data(), name.size())));
    std::unique_ptr<wide_string> wide_config(
        new wide_string(utf8_to_wide(config.data(), config.size())));
    SpinGuard guard(lock_);
    settings_.app_pool_name = name;
    app_pool_name_ = wide_name->c_str();
    config_file_ = wide_config->c_str();
    config_file_length_ = wide_config->size();
    strings_.push_back(std::move(wide_name));
    strings_.push_back(std::move(wide_config));
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_command_line_launch(bool launched) {
    SpinGuard guard(lock_);
    settings_.command_line_launch = launched;
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_legacy_iis7(bool legacy) {
    SpinGuard guard(lock_);
    settings_.legacy_iis7 = legacy;
}

template <class Unused>
void FakeHttpServerBase<Unused>::refuse_interface(const GUID& version) {
    SpinGuard guard(lock_);
    refused_.push_back(version);
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_precondition(const std::string& entry, bool satisfied) {
    SpinGuard guard(lock_);
    for (auto& declared : preconditions_) {
        if (same_text_ci(declared.first, entry)) {
            declared.second = satisfied;
            return;
        }
    }
    preconditions_.emplace_back(entry, satisfied);
}

template <class Unused>
void FakeHttpServerBase<Unused>::evict_fragment(const std::string& name) {
    const wide_string wide = utf8_to_wide(name.data(), name.size());
    SpinGuard guard(lock_);
    for (auto it = fragments_.begin(); it != fragments_.end(); ++it) {
        if (it->name == wide) {
            fragments_.erase(it);
            return;
        }
    }
}

template <class Unused>
void FakeHttpServerBase<Unused>::evict_all_fragments() {
    SpinGuard guard(lock_);
    fragments_.clear();
}

template <class Unused>
void FakeHttpServerBase<Unused>::fail(ServerMethod method, HRESULT result, unsigned nth) {
    switch (method) {
        case ServerMethod::AssociateWithThreadPool:
        case ServerMethod::GetFileInfo:
        case ServerMethod::FlushKernelCache:
        case ServerMethod::DoCacheOperation:
        case ServerMethod::AddFragmentToCache:
        case ServerMethod::ReadFragmentFromCache:
        case ServerMethod::RemoveFragmentFromCache:
        case ServerMethod::GetWorkerProcessSettings:
        case ServerMethod::GetProtocolManagerCustomInterface:
        case ServerMethod::RegisterFileChangeMonitor:
        case ServerMethod::GetExtendedInterface:
        case ServerMethod::GetToken:
        case ServerMethod::GetMetadata:
        case ServerMethod::GetWorkerProcessFramework:
        case ServerMethod::QueryRequestProperty:
            break;
        default:
            throw std::invalid_argument(std::string("iisfake: IHttpServer::") +
                                        server_method_name(method) +
                                        " returns no HRESULT, so it cannot be made to fail");
    }
    if (result >= 0)
        throw std::invalid_argument(std::string("iisfake: fault injection: IHttpServer::") +
                                    server_method_name(method) +
                                    " would return a success HRESULT having done nothing");
    SpinGuard guard(lock_);
    faults_.push_back(Fault{method, nth, result});
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_misuse_handler(MisuseHandler handler) {
    SpinGuard guard(lock_);
    misuse_handler_ = std::move(handler);
}

template <class Unused>
void FakeHttpServerBase<Unused>::record_calls(bool on) {
    SpinGuard guard(lock_);
    record_calls_ = on;
}

// ---- inspection ----------------------------------------------------------------------------

template <class Unused>
std::vector<ServerCall> FakeHttpServerBase<Unused>::calls() const {
    SpinGuard guard(lock_);
    return calls_;
}

template <class Unused>
std::vector<ServerCall> FakeHttpServerBase<Unused>::calls(ServerMethod method) const {
    SpinGuard guard(lock_);
    std::vector<ServerCall> out;
    for (const ServerCall& call : calls_)
        if (call.method == method) out.push_back(call);
    return out;
}

template <class Unused>
unsigned FakeHttpServerBase<Unused>::count(ServerMethod method) const {
    const int index = static_cast<int>(method);
    if (index < 0 || index >= server_method_count) return 0;
    SpinGuard guard(lock_);
    return call_counts_[index];
}

template <class Unused>
void FakeHttpServerBase<Unused>::clear_calls() {
    SpinGuard guard(lock_);
    calls_.clear();
}

template <class Unused>
std::vector<Misuse> FakeHttpServerBase<Unused>::misuses() const {
    SpinGuard guard(lock_);
    return misuses_;
}

#define IISFAKE_DETAIL_SERVER_LIST_(type, name, member) \
    template <class Unused>                             \
    type FakeHttpServerBase<Unused>::name() const {     \
        SpinGuard guard(lock_);                         \
        return member;                                  \
    }
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, recycle_requests, recycles_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, recycled_applications, application_recycles_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<UnhealthyReport>, unhealthy_reports, unhealthy_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, flushed_urls, flushed_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, configuration_changes, configuration_changes_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, file_changes, file_changes_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, custom_notifications, custom_notifications_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<HANDLE>, thread_pool_handles, handles_)
IISFAKE_DETAIL_SERVER_LIST_(long, thread_count, threads_)
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, fragment_count, fragments_.size())
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, containers_dispensed, containers_.size())
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, containers_outstanding, outstanding_locked())
IISFAKE_DETAIL_SERVER_LIST_(ServerSettings, settings, settings_)
#undef IISFAKE_DETAIL_SERVER_LIST_

template <class Unused>
bool FakeHttpServerBase<Unused>::fragment(const std::string& name, std::string& bytes) const {
    const wide_string wide = utf8_to_wide(name.data(), name.size());
    SpinGuard guard(lock_);
    for (const Fragment& fragment : fragments_) {
        if (fragment.name == wide) {
            bytes.assign(fragment.bytes.begin(), fragment.bytes.end());
            return true;
        }
    }
    bytes.clear();
    return false;
}

template <class Unused>
void FakeHttpServerBase<Unused>::expect_all_containers_released() {
    report_outstanding("FakeHttpServer::expect_all_containers_released");
}

template <class Unused>
std::vector<FakeHttpFileMonitor*> FakeHttpServerBase<Unused>::file_monitors() const {
    SpinGuard guard(lock_);
    std::vector<FakeHttpFileMonitor*> out;
    for (const auto& monitor : monitors_) out.push_back(monitor.get());
    return out;
}

template <class Unused>
FakeHttpFileMonitor* FakeHttpServerBase<Unused>::file_monitor(const std::string& path) const {
    SpinGuard guard(lock_);
    for (auto it = monitors_.rbegin(); it != monitors_.rend(); ++it)
        if (same_text_ci((*it)->path(), path)) return it->get();
    return nullptr;
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpServerBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
