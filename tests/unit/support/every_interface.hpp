// One class per httpserv.h interface that no other interface derives from, overriding every
// method of it and of its bases with `override`, as spec §2 declares them (generated from the
// specification, not from iisfake's headers). If an interface lacks a method, has one of
// another type or const-ness, or keeps one pure virtual the spec does not list, these stop
// compiling or cannot be instantiated. Each call is recorded with its arguments as text, so
// tests can read the default arguments the SDK declarations supply.
#ifndef IISFAKE_TESTS_UNIT_SUPPORT_EVERY_INTERFACE_HPP_INCLUDED
#define IISFAKE_TESTS_UNIT_SUPPORT_EVERY_INTERFACE_HPP_INCLUDED

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <iisfake/iisfake.hpp>

namespace iisfake_test {

template <class T>
typename std::enable_if<std::is_integral<T>::value || std::is_enum<T>::value, std::string>::type
text(T value) {
    return std::to_string(static_cast<long long>(value));
}
template <class T>
std::string text(T* pointer) {
    return pointer ? "ptr" : "NULL";
}
inline std::string text(const GUID&) { return "GUID"; }

// A value of any argument type: 0, or NULL for pointers.
template <class T>
T zero() {
    return T();
}

class Recorder {
public:
    template <class... Args>
    void record(const char* method, const Args&... args) const {
        calls_.emplace_back(method, std::vector<std::string>{text(args)...});
    }
    // The arguments of the last call of `method`, as text.
    std::vector<std::string> last(const std::string& method) const {
        for (auto it = calls_.rbegin(); it != calls_.rend(); ++it)
            if (it->first == method) return it->second;
        return {"<not called>"};
    }
    std::size_t count() const { return calls_.size(); }

private:
    mutable std::vector<std::pair<std::string, std::vector<std::string>>> calls_;
};

// clang-format off
class EveryIAuthenticationProvider : public IAuthenticationProvider, public Recorder {
public:
    virtual ~EveryIAuthenticationProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    VOID SetUser(IHttpUser* pUser) override { record("SetUser", pUser); }
};

class EveryICacheProvider : public ICacheProvider, public Recorder {
public:
    virtual ~EveryICacheProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    CACHE_OPERATION GetCacheOperation() const override { record("GetCacheOperation"); return {}; }
    IHttpCacheKey* GetCacheKey() const override { record("GetCacheKey"); return {}; }
    IHttpCacheSpecificData* GetCacheRecord() const override { record("GetCacheRecord"); return {}; }
    VOID SetCacheRecord(IHttpCacheSpecificData* arg0) override { record("SetCacheRecord", arg0); }
    IHttpTraceContext* GetTraceContext() const override { record("GetTraceContext"); return {}; }
};

class EveryICustomNotificationProvider : public ICustomNotificationProvider, public Recorder {
public:
    virtual ~EveryICustomNotificationProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    PCWSTR QueryNotificationType() override { record("QueryNotificationType"); return {}; }
};

class EveryIDispensedHttpModuleContextContainer : public IDispensedHttpModuleContextContainer, public Recorder {
public:
    virtual ~EveryIDispensedHttpModuleContextContainer() = default;
    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override { record("GetModuleContext", moduleId); return {}; }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext, HTTP_MODULE_ID moduleId) override { record("SetModuleContext", ppStoredContext, moduleId); return {}; }
    VOID ReleaseContainer() override { record("ReleaseContainer"); }
};

class EveryIGlobalApplicationPreloadProvider2 : public IGlobalApplicationPreloadProvider2, public Recorder {
public:
    virtual ~EveryIGlobalApplicationPreloadProvider2() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    HRESULT CreateContext(IHttpContext** ppHttpContext) override { record("CreateContext", ppHttpContext); return {}; }
    HRESULT ExecuteRequest(IHttpContext* pHttpContext, IHttpUser* pHttpUser) override { record("ExecuteRequest", pHttpContext, pHttpUser); return {}; }
    BOOL IsProcessRecycled() const override { record("IsProcessRecycled"); return {}; }
};

class EveryIGlobalConfigurationChangeProvider : public IGlobalConfigurationChangeProvider, public Recorder {
public:
    virtual ~EveryIGlobalConfigurationChangeProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    PCWSTR GetChangePath() const override { record("GetChangePath"); return {}; }
};

class EveryIGlobalFileChangeProvider : public IGlobalFileChangeProvider, public Recorder {
public:
    virtual ~EveryIGlobalFileChangeProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    PCWSTR GetFileName() const override { record("GetFileName"); return {}; }
    IHttpFileMonitor* GetFileMonitor() override { record("GetFileMonitor"); return {}; }
};

class EveryIGlobalRSCAQueryProvider : public IGlobalRSCAQueryProvider, public Recorder {
public:
    virtual ~EveryIGlobalRSCAQueryProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    PCWSTR GetFunctionName() const override { record("GetFunctionName"); return {}; }
    PCWSTR GetFunctionParameters() const override { record("GetFunctionParameters"); return {}; }
    HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE** ppbBuffer) override { record("GetOutputBuffer", cbBuffer, ppbBuffer); return {}; }
    HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy, BYTE** ppbBuffer) override { record("ResizeOutputBuffer", cbNewBuffer, cbBytesToCopy, ppbBuffer); return {}; }
    VOID SetResult(DWORD cbData, HRESULT hr) override { record("SetResult", cbData, hr); }
};

class EveryIGlobalStopListeningProvider : public IGlobalStopListeningProvider, public Recorder {
public:
    virtual ~EveryIGlobalStopListeningProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    BOOL DrainRequestsGracefully() const override { record("DrainRequestsGracefully"); return {}; }
};

class EveryIGlobalSuspendProcessCallback : public IGlobalSuspendProcessCallback, public Recorder {
public:
    virtual ~EveryIGlobalSuspendProcessCallback() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    HRESULT Resume() override { record("Resume"); return {}; }
};

class EveryIGlobalThreadCleanupProvider : public IGlobalThreadCleanupProvider, public Recorder {
public:
    virtual ~EveryIGlobalThreadCleanupProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    IHttpApplication* GetApplication() override { record("GetApplication"); return {}; }
};

class EveryIGlobalTraceEventProvider : public IGlobalTraceEventProvider, public Recorder {
public:
    virtual ~EveryIGlobalTraceEventProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    HRESULT GetTraceEvent(HTTP_TRACE_EVENT** ppTraceEvent) override { record("GetTraceEvent", ppTraceEvent); return {}; }
    BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) override { record("CheckSubscription", ModuleId); return {}; }
    HRESULT GetCurrentHttpRequestContext(IHttpContext** ppHttpContext) override { record("GetCurrentHttpRequestContext", ppHttpContext); return {}; }
};

class EveryIHttpApplication2 : public IHttpApplication2, public Recorder {
public:
    virtual ~EveryIHttpApplication2() = default;
    PCWSTR GetApplicationPhysicalPath() const override { record("GetApplicationPhysicalPath"); return {}; }
    PCWSTR GetApplicationId() const override { record("GetApplicationId"); return {}; }
    PCWSTR GetAppConfigPath() const override { record("GetAppConfigPath"); return {}; }
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    VOID BeginApplicationWarmup() override { record("BeginApplicationWarmup"); }
    VOID EndApplicationWarmup() override { record("EndApplicationWarmup"); }
    BOOL QueryIsWarmingUp() override { record("QueryIsWarmingUp"); return {}; }
};

class EveryIHttpApplicationResolveModulesProvider : public IHttpApplicationResolveModulesProvider, public Recorder {
public:
    virtual ~EveryIHttpApplicationResolveModulesProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    IHttpApplication* GetApplication() override { record("GetApplication"); return {}; }
    HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId, IHttpModuleFactory* pModuleFactory, PCWSTR pszModuleName, PCWSTR pszModuleType, PCWSTR pszModulePreCondition, DWORD dwRequestNotifications, DWORD dwPostRequestNotifications) override { record("RegisterModule", parentModuleId, pModuleFactory, pszModuleName, pszModuleType, pszModulePreCondition, dwRequestNotifications, dwPostRequestNotifications); return {}; }
    HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName, DWORD dwRequestNotification, PCWSTR pszPriorityAlias) override { record("SetPriorityForRequestNotification", pszModuleName, dwRequestNotification, pszPriorityAlias); return {}; }
};

class EveryIHttpCacheKey : public IHttpCacheKey, public Recorder {
public:
    virtual ~EveryIHttpCacheKey() = default;
    DWORD GetHash() const override { record("GetHash"); return {}; }
    PCWSTR GetCacheName() const override { record("GetCacheName"); return {}; }
    bool GetIsEqual(IHttpCacheKey* pCacheCompareKey) const override { record("GetIsEqual", pCacheCompareKey); return {}; }
    bool GetIsPrefix(IHttpCacheKey* pCacheCompareKey) const override { record("GetIsPrefix", pCacheCompareKey); return {}; }
    VOID Enum(IHttpCacheSpecificData* pCacheData) override { record("Enum", pCacheData); }
};

class EveryIHttpCachePolicy2 : public IHttpCachePolicy2, public Recorder {
public:
    virtual ~EveryIHttpCachePolicy2() = default;
    HTTP_CACHE_POLICY* GetKernelCachePolicy() override { record("GetKernelCachePolicy"); return {}; }
    VOID SetKernelCacheInvalidatorSet() override { record("SetKernelCacheInvalidatorSet"); }
    HTTP_CACHE_POLICY* GetUserCachePolicy() override { record("GetUserCachePolicy"); return {}; }
    HRESULT AppendVaryByHeader(PCSTR pszHeader) override { record("AppendVaryByHeader", pszHeader); return {}; }
    PCSTR GetVaryByHeaders() const override { record("GetVaryByHeaders"); return {}; }
    HRESULT AppendVaryByQueryString(PCSTR pszParam) override { record("AppendVaryByQueryString", pszParam); return {}; }
    PCSTR GetVaryByQueryStrings() const override { record("GetVaryByQueryStrings"); return {}; }
    HRESULT SetVaryByValue(PCSTR pszValue) override { record("SetVaryByValue", pszValue); return {}; }
    PCSTR GetVaryByValue() const override { record("GetVaryByValue"); return {}; }
    BOOL IsUserCacheEnabled() const override { record("IsUserCacheEnabled"); return {}; }
    VOID DisableUserCache() override { record("DisableUserCache"); }
    BOOL IsCached() const override { record("IsCached"); return {}; }
    VOID SetIsCached() override { record("SetIsCached"); }
    BOOL GetKernelCacheInvalidatorSet() const override { record("GetKernelCacheInvalidatorSet"); return {}; }
    BOOL IsForceUpdateSet() const override { record("IsForceUpdateSet"); return {}; }
    VOID SetForceUpdate() override { record("SetForceUpdate"); }
};

class EveryIHttpConnection : public IHttpConnection, public Recorder {
public:
    virtual ~EveryIHttpConnection() = default;
    BOOL IsConnected() const override { record("IsConnected"); return {}; }
    VOID* AllocateMemory(DWORD cbAllocation) override { record("AllocateMemory", cbAllocation); return {}; }
    IHttpConnectionModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
};

class EveryIHttpConnectionModuleContextContainer : public IHttpConnectionModuleContextContainer, public Recorder {
public:
    virtual ~EveryIHttpConnectionModuleContextContainer() = default;
    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override { record("GetModuleContext", moduleId); return {}; }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext, HTTP_MODULE_ID moduleId) override { record("SetModuleContext", ppStoredContext, moduleId); return {}; }
    IHttpConnectionStoredContext* GetConnectionModuleContext(HTTP_MODULE_ID moduleId) override { record("GetConnectionModuleContext", moduleId); return {}; }
    HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext* ppStoredContext, HTTP_MODULE_ID moduleId) override { record("SetConnectionModuleContext", ppStoredContext, moduleId); return {}; }
};

class EveryIHttpConnectionStoredContext : public IHttpConnectionStoredContext, public Recorder {
public:
    virtual ~EveryIHttpConnectionStoredContext() = default;
    VOID CleanupStoredContext() override { record("CleanupStoredContext"); }
    VOID NotifyDisconnect() override { record("NotifyDisconnect"); }
};

class EveryIHttpContext4 : public IHttpContext4, public Recorder {
public:
    virtual ~EveryIHttpContext4() = default;
    IHttpSite* GetSite() override { record("GetSite"); return {}; }
    IHttpApplication* GetApplication() override { record("GetApplication"); return {}; }
    IHttpConnection* GetConnection() override { record("GetConnection"); return {}; }
    IHttpRequest* GetRequest() override { record("GetRequest"); return {}; }
    IHttpResponse* GetResponse() override { record("GetResponse"); return {}; }
    BOOL GetResponseHeadersSent() const override { record("GetResponseHeadersSent"); return {}; }
    IHttpUser* GetUser() const override { record("GetUser"); return {}; }
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) override { record("IndicateCompletion", notificationStatus); }
    HRESULT PostCompletion(DWORD cbBytes) override { record("PostCompletion", cbBytes); return {}; }
    VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) override { record("DisableNotifications", dwNotifications, dwPostNotifications); }
    BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS status, DWORD* pdwNotification, BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo, IHttpEventProvider** ppRequestOutput) override { record("GetNextNotification", status, pdwNotification, pfIsPostNotification, ppModuleInfo, ppRequestOutput); return {}; }
    BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS status) override { record("GetIsLastNotification", status); return {}; }
    HRESULT ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags, IHttpUser* pHttpUser, BOOL* pfCompletionExpected) override { record("ExecuteRequest", fAsync, pHttpContext, dwExecuteFlags, pHttpUser, pfCompletionExpected); return {}; }
    DWORD GetExecuteFlags() const override { record("GetExecuteFlags"); return {}; }
    HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue, DWORD* pcchValueLength) override { record("GetServerVariable", pszVariableName, ppszValue, pcchValueLength); return {}; }
    HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue, DWORD* pcchValueLength) override { record("GetServerVariable", pszVariableName, ppszValue, pcchValueLength); return {}; }
    HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) override { record("SetServerVariable", pszVariableName, pszVariableValue); return {}; }
    VOID* AllocateRequestMemory(DWORD cbAllocation) override { record("AllocateRequestMemory", cbAllocation); return {}; }
    IHttpUrlInfo* GetUrlInfo() override { record("GetUrlInfo"); return {}; }
    IMetadataInfo* GetMetadata() override { record("GetMetadata"); return {}; }
    PCWSTR GetPhysicalPath(DWORD* pcchPhysicalPath) override { record("GetPhysicalPath", pcchPhysicalPath); return {}; }
    PCWSTR GetScriptName(DWORD* pcchScriptName) const override { record("GetScriptName", pcchScriptName); return {}; }
    PCWSTR GetScriptTranslated(DWORD* pcchScriptTranslated) override { record("GetScriptTranslated", pcchScriptTranslated); return {}; }
    IScriptMapInfo* GetScriptMap() const override { record("GetScriptMap"); return {}; }
    VOID SetRequestHandled() override { record("SetRequestHandled"); }
    IHttpFileInfo* GetFileInfo() const override { record("GetFileInfo"); return {}; }
    HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath) override { record("MapPath", pszUrl, pszPhysicalPath, pcbPhysicalPath); return {}; }
    HRESULT NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput, BOOL* pfCompletionExpected) override { record("NotifyCustomNotification", pCustomOutput, pfCompletionExpected); return {}; }
    IHttpContext* GetParentContext() const override { record("GetParentContext"); return {}; }
    IHttpContext* GetRootContext() const override { record("GetRootContext"); return {}; }
    HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) override { record("CloneContext", dwCloneFlags, ppHttpContext); return {}; }
    HRESULT ReleaseClonedContext() override { record("ReleaseClonedContext"); return {}; }
    HRESULT GetCurrentExecutionStats(DWORD* pdwNotification, DWORD* pdwNotificationStartTickCount, PCWSTR* ppszModule, DWORD* pdwModuleStartTickCount, DWORD* pdwAsyncNotification, DWORD* pdwAsyncNotificationStartTickCount) const override { record("GetCurrentExecutionStats", pdwNotification, pdwNotificationStartTickCount, ppszModule, pdwModuleStartTickCount, pdwAsyncNotification, pdwAsyncNotificationStartTickCount); return {}; }
    IHttpTraceContext* GetTraceContext() const override { record("GetTraceContext"); return {}; }
    HRESULT GetServerVarChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber, DWORD* pdwVariableSnapshot, PCSTR** ppVariableNameSnapshot, PCWSTR** ppVariableValueSnapshot, DWORD* pdwDiffedVariables, DWORD** ppDiffedVariableIndices) override { record("GetServerVarChanges", dwOldChangeNumber, pdwNewChangeNumber, pdwVariableSnapshot, ppVariableNameSnapshot, ppVariableValueSnapshot, pdwDiffedVariables, ppDiffedVariableIndices); return {}; }
    HRESULT CancelIo() override { record("CancelIo"); return {}; }
    HRESULT MapHandler(DWORD dwSiteId, PCWSTR pszSiteName, PCWSTR pszUrl, PCSTR pszVerb, IScriptMapInfo** ppScriptMap, BOOL fIgnoreWildcardMappings) override { record("MapHandler", dwSiteId, pszSiteName, pszUrl, pszVerb, ppScriptMap, fIgnoreWildcardMappings); return {}; }
    HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION version, PVOID* ppInterface) override { record("GetExtendedInterface", version, ppInterface); return {}; }
    IHttpUser* GetOriginalUser() const override { record("GetOriginalUser"); return {}; }
    INamedContextContainer* GetNamedContextContainer() override { record("GetNamedContextContainer"); return {}; }
    VOID EnableFullDuplex() override { record("EnableFullDuplex"); }
    HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist) override { record("InheritServerVariable", szName, fFailIfNotExist); return {}; }
    HRESULT PostCompletion(DWORD cbBytes, LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine, VOID* pvCompletionContext) override { record("PostCompletion", cbBytes, pfnCompletionRoutine, pvCompletionContext); return {}; }
    ULONGLONG GetRequestStartTime() override { record("GetRequestStartTime"); return {}; }
    ULONGLONG GetRequestElapsedTime() override { record("GetRequestElapsedTime"); return {}; }
};

class EveryIHttpFileInfo : public IHttpFileInfo, public Recorder {
public:
    virtual ~EveryIHttpFileInfo() = default;
    IHttpCacheKey* GetCacheKey() const override { record("GetCacheKey"); return {}; }
    VOID ReferenceCacheData() override { record("ReferenceCacheData"); }
    VOID DereferenceCacheData() override { record("DereferenceCacheData"); }
    VOID ResetTTL() override { record("ResetTTL"); }
    VOID DecrementTTL(BOOL* pfTTLExpired) override { record("DecrementTTL", pfTTLExpired); }
    VOID SetFlushed() override { record("SetFlushed"); }
    BOOL GetFlushed() const override { record("GetFlushed"); return {}; }
    DWORD GetAttributes() const override { record("GetAttributes"); return {}; }
    VOID GetSize(ULARGE_INTEGER* pliSize) const override { record("GetSize", pliSize); }
    const BYTE* GetFileBuffer() const override { record("GetFileBuffer"); return {}; }
    HANDLE GetFileHandle() const override { record("GetFileHandle"); return {}; }
    PCWSTR GetFilePath() const override { record("GetFilePath"); return {}; }
    PCSTR GetETag(USHORT* pcchETag) const override { record("GetETag", pcchETag); return {}; }
    VOID GetLastModifiedTime(FILETIME* pFileTime) const override { record("GetLastModifiedTime", pFileTime); }
    PCSTR GetLastModifiedString() const override { record("GetLastModifiedString"); return {}; }
    BOOL GetHttpCacheAllowed(DWORD* pSecondsToLive) const override { record("GetHttpCacheAllowed", pSecondsToLive); return {}; }
    HRESULT AccessCheck(HANDLE hUserToken, PSID pUserSid) override { record("AccessCheck", hUserToken, pUserSid); return {}; }
    HANDLE GetVrToken() const override { record("GetVrToken"); return {}; }
    PCWSTR GetVrPath() const override { record("GetVrPath"); return {}; }
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    BOOL CheckIfFileHasChanged(HANDLE hUserToken) override { record("CheckIfFileHasChanged", hUserToken); return {}; }
};

class EveryIHttpFileMonitor : public IHttpFileMonitor, public Recorder {
public:
    virtual ~EveryIHttpFileMonitor() = default;
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    VOID DereferenceFileMonitor() override { record("DereferenceFileMonitor"); }
};

class EveryIHttpModuleFactory : public IHttpModuleFactory, public Recorder {
public:
    virtual ~EveryIHttpModuleFactory() = default;
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override { record("GetHttpModule", ppModule, pAllocator); return {}; }
    VOID Terminate() override { record("Terminate"); }
};

class EveryIHttpModuleRegistrationInfo2 : public IHttpModuleRegistrationInfo2, public Recorder {
public:
    virtual ~EveryIHttpModuleRegistrationInfo2() = default;
    PCWSTR GetName() const override { record("GetName"); return {}; }
    HTTP_MODULE_ID GetId() const override { record("GetId"); return {}; }
    HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory, DWORD dwRequestNotifications, DWORD dwPostRequestNotifications) override { record("SetRequestNotifications", pModuleFactory, dwRequestNotifications, dwPostRequestNotifications); return {}; }
    HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule, DWORD dwGlobalNotifications) override { record("SetGlobalNotifications", pGlobalModule, dwGlobalNotifications); return {}; }
    HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification, PCWSTR pszPriority) override { record("SetPriorityForRequestNotification", dwRequestNotification, pszPriority); return {}; }
    HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification, PCWSTR pszPriority) override { record("SetPriorityForGlobalNotification", dwGlobalNotification, pszPriority); return {}; }
    HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification, PCWSTR pszPriority) override { record("SetPriorityForPostRequestNotification", dwPostRequestNotification, pszPriority); return {}; }
};

class EveryIHttpPerfCounterInfo : public IHttpPerfCounterInfo, public Recorder {
public:
    virtual ~EveryIHttpPerfCounterInfo() = default;
    VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue) override { record("IncrementCounter", dwCounterIndex, dwValue); }
    VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue) override { record("DecrementCounter", dwCounterIndex, dwValue); }
};

class EveryIHttpResponse4 : public IHttpResponse4, public Recorder {
public:
    virtual ~EveryIHttpResponse4() = default;
    HTTP_RESPONSE* GetRawHttpResponse() override { record("GetRawHttpResponse"); return {}; }
    const HTTP_RESPONSE* GetRawHttpResponse() const override { record("GetRawHttpResponse"); return {}; }
    IHttpCachePolicy* GetCachePolicy() override { record("GetCachePolicy"); return {}; }
    HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus, HRESULT hrErrorToReport, IAppHostConfigException* pException, BOOL fTrySkipCustomErrors) override { record("SetStatus", statusCode, pszReason, uSubStatus, hrErrorToReport, pException, fTrySkipCustomErrors); return {}; }
    HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) override { record("SetHeader", pszHeaderName, pszHeaderValue, cchHeaderValue, fReplace); return {}; }
    HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) override { record("SetHeader", ulHeaderIndex, pszHeaderValue, cchHeaderValue, fReplace); return {}; }
    HRESULT DeleteHeader(PCSTR pszHeaderName) override { record("DeleteHeader", pszHeaderName); return {}; }
    HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) override { record("DeleteHeader", ulHeaderIndex); return {}; }
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const override { record("GetHeader", pszHeaderName, pcchHeaderValue); return {}; }
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue) const override { record("GetHeader", ulHeaderIndex, pcchHeaderValue); return {}; }
    VOID Clear() override { record("Clear"); }
    VOID ClearHeaders() override { record("ClearHeaders"); }
    VOID SetNeedDisconnect() override { record("SetNeedDisconnect"); }
    VOID ResetConnection() override { record("ResetConnection"); }
    VOID DisableKernelCache(ULONG reason) override { record("DisableKernelCache", reason); }
    BOOL GetKernelCacheEnabled() const override { record("GetKernelCacheEnabled"); return {}; }
    VOID SuppressHeaders() override { record("SuppressHeaders"); }
    BOOL GetHeadersSuppressed() const override { record("GetHeadersSuppressed"); return {}; }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD* pcbSent, BOOL* pfCompletionExpected) override { record("Flush", fAsync, fMoreData, pcbSent, pfCompletionExpected); return {}; }
    HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode, BOOL fIncludeParameters) override { record("Redirect", pszUrl, fResetStatusCode, fIncludeParameters); return {}; }
    HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk, LONG lInsertPosition) override { record("WriteEntityChunkByReference", pDataChunk, lInsertPosition); return {}; }
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync, BOOL fMoreData, DWORD* pcbSent, BOOL* pfCompletionExpected) override { record("WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData, pcbSent, pfCompletionExpected); return {}; }
    VOID DisableBuffering() override { record("DisableBuffering"); }
    VOID GetStatus(USHORT* pStatusCode, USHORT* pSubStatus, PCSTR* ppszReason, USHORT* pcchReason, HRESULT* phrErrorToReport, PCWSTR* ppszModule, DWORD* pdwNotification, IAppHostConfigException** ppException, BOOL* pfTrySkipCustomErrors) override { record("GetStatus", pStatusCode, pSubStatus, ppszReason, pcchReason, phrErrorToReport, ppszModule, pdwNotification, ppException, pfTrySkipCustomErrors); }
    HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription, BOOL fHtmlEncode) override { record("SetErrorDescription", pszDescription, cchDescription, fHtmlEncode); return {}; }
    PCWSTR GetErrorDescription(DWORD* pcchDescription) override { record("GetErrorDescription", pcchDescription); return {}; }
    HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber, PCSTR* knownHeaderSnapshot, DWORD* pdwUnknownHeaderSnapshot, PCSTR** ppUnknownHeaderNameSnapshot, PCSTR** ppUnknownHeaderValueSnapshot, DWORD* diffedKnownHeaderIndices, DWORD* pdwDiffedUnknownHeaders, DWORD** ppDiffedUnknownHeaderIndices) override { record("GetHeaderChanges", dwOldChangeNumber, pdwNewChangeNumber, knownHeaderSnapshot, pdwUnknownHeaderSnapshot, ppUnknownHeaderNameSnapshot, ppUnknownHeaderValueSnapshot, diffedKnownHeaderIndices, pdwDiffedUnknownHeaders, ppDiffedUnknownHeaderIndices); return {}; }
    VOID CloseConnection() override { record("CloseConnection"); }
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID* pvCompletionContext, DWORD* pcbSent, BOOL* pfCompletionExpected) override { record("WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData, pfnCompletionCallback, pvCompletionContext, pcbSent, pfCompletionExpected); return {}; }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID* pvCompletionContext, DWORD* pcbSent, BOOL* pfCompletionExpected) override { record("Flush", fAsync, fMoreData, pfnCompletionCallback, pvCompletionContext, pcbSent, pfCompletionExpected); return {}; }
    HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders, PCSTR* rgHeaderNames, PCSTR* rgHeaderValues) override { record("PushPromise", pszVerb, pwszPath, pwszQuery, cHeaders, rgHeaderNames, rgHeaderValues); return {}; }
    HRESULT DeleteTrailer(PCSTR pszHeaderName) override { record("DeleteTrailer", pszHeaderName); return {}; }
    PCSTR GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const override { record("GetTrailer", pszHeaderName, pcchHeaderValue); return {}; }
    VOID ResetStream(ULONG errorCode) override { record("ResetStream", errorCode); }
    VOID SetNeedGoAway() override { record("SetNeedGoAway"); }
    HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace) override { record("SetTrailer", pszHeaderName, pszHeaderValue, cchHeaderValue, fReplace); return {}; }
};

class EveryIHttpServer3 : public IHttpServer3, public Recorder {
public:
    virtual ~EveryIHttpServer3() = default;
    BOOL IsCommandLineLaunch() const override { record("IsCommandLineLaunch"); return {}; }
    PCWSTR GetAppPoolName() const override { record("GetAppPoolName"); return {}; }
    HRESULT AssociateWithThreadPool(HANDLE hHandle, LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) override { record("AssociateWithThreadPool", hHandle, completionRoutine); return {}; }
    VOID IncrementThreadCount() override { record("IncrementThreadCount"); }
    VOID DecrementThreadCount() override { record("DecrementThreadCount"); }
    VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) override { record("ReportUnhealthy", pszReasonString, hrReason); }
    VOID RecycleProcess(PCWSTR pszReason) override { record("RecycleProcess", pszReason); }
    IAppHostAdminManager* GetAdminManager() const override { record("GetAdminManager"); return {}; }
    HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid, PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken, BOOL fCache, IHttpFileInfo** ppFileInfo, IHttpTraceContext* pHttpTraceContext) override { record("GetFileInfo", pszPhysicalPath, hUserToken, pSid, pszChangeNotificationPath, hChangeNotificationToken, fCache, ppFileInfo, pHttpTraceContext); return {}; }
    HRESULT FlushKernelCache(PCWSTR pszUrl) override { record("FlushKernelCache", pszUrl); return {}; }
    HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey, IHttpCacheSpecificData** ppCacheSpecificData, IHttpTraceContext* pHttpTraceContext) override { record("DoCacheOperation", cacheOperation, pCacheKey, ppCacheSpecificData, pHttpTraceContext); return {}; }
    GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput) override { record("NotifyCustomNotification", pCustomOutput); return {}; }
    IHttpPerfCounterInfo* GetPerfCounterInfo() override { record("GetPerfCounterInfo"); return {}; }
    VOID RecycleApplication(PCWSTR pszAppConfigPath) override { record("RecycleApplication", pszAppConfigPath); }
    VOID NotifyConfigurationChange(PCWSTR pszPath) override { record("NotifyConfigurationChange", pszPath); }
    VOID NotifyFileChange(PCWSTR pszFileName) override { record("NotifyFileChange", pszFileName); }
    IDispensedHttpModuleContextContainer* DispenseContainer() override { record("DispenseContainer"); return {}; }
    HRESULT AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk, PCWSTR pszFragmentName) override { record("AddFragmentToCache", pDataChunk, pszFragmentName); return {}; }
    HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize, DWORD* pcbCopied) override { record("ReadFragmentFromCache", pszFragmentName, pvBuffer, cbSize, pcbCopied); return {}; }
    HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) override { record("RemoveFragmentFromCache", pszFragmentName); return {}; }
    HRESULT GetWorkerProcessSettings(IWpfSettings** ppWorkerProcessSettings) override { record("GetWorkerProcessSettings", ppWorkerProcessSettings); return {}; }
    HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll, PCWSTR pProtocolManagerDllInitFunction, DWORD dwCustomInterfaceId, PVOID* ppCustomInterface) override { record("GetProtocolManagerCustomInterface", pProtocolManagerDll, pProtocolManagerDllInitFunction, dwCustomInterfaceId, ppCustomInterface); return {}; }
    BOOL SatisfiesPrecondition(PCWSTR pszPrecondition, BOOL* pfUnknownPrecondition) const override { record("SatisfiesPrecondition", pszPrecondition, pfUnknownPrecondition); return {}; }
    IHttpTraceContext* GetTraceContext() const override { record("GetTraceContext"); return {}; }
    HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken, IHttpFileMonitor** ppFileMonitor) override { record("RegisterFileChangeMonitor", pszPath, hToken, ppFileMonitor); return {}; }
    HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version, PVOID* ppInterface) override { record("GetExtendedInterface", version, ppInterface); return {}; }
    HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod, IHttpTokenEntry** ppTokenEntry, PCWSTR pszDefaultDomain, PSOCKADDR pSockAddr, IHttpTraceContext* pHttpTraceContext) override { record("GetToken", pszUserName, pszPassword, dwLogonMethod, ppTokenEntry, pszDefaultDomain, pSockAddr, pHttpTraceContext); return {}; }
    PCWSTR GetAppPoolConfigFile(DWORD* pcchConfigFilePath) const override { record("GetAppPoolConfigFile", pcchConfigFilePath); return {}; }
    HRESULT GetExtendedInterface(const GUID& Version1, PVOID pInput, const GUID& Version2, PVOID* ppOutput) override { record("GetExtendedInterface", Version1, pInput, Version2, ppOutput); return {}; }
    HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl, IReferencedMetadataInfo** ppMetadataInfo) override { record("GetMetadata", pszSiteName, pszUrl, ppMetadataInfo); return {}; }
    HRESULT GetWorkerProcessFramework(IWorkerProcessFramework** ppWorkerProcessFramework) override { record("GetWorkerProcessFramework", ppWorkerProcessFramework); return {}; }
    HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId, PVOID pQualifier, ULONG qualifierSize, PVOID pOutput, ULONG outputBufferSize, PULONG pcbBytesReturned, LPOVERLAPPED pOverlapped) override { record("QueryRequestProperty", id, propertyId, pQualifier, qualifierSize, pOutput, outputBufferSize, pcbBytesReturned, pOverlapped); return {}; }
};

class EveryIHttpSite : public IHttpSite, public Recorder {
public:
    virtual ~EveryIHttpSite() = default;
    DWORD GetSiteId() const override { record("GetSiteId"); return {}; }
    PCWSTR GetSiteName() const override { record("GetSiteName"); return {}; }
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    IHttpPerfCounterInfo* GetPerfCounterInfo() override { record("GetPerfCounterInfo"); return {}; }
};

class EveryIHttpTokenEntry : public IHttpTokenEntry, public Recorder {
public:
    virtual ~EveryIHttpTokenEntry() = default;
    IHttpCacheKey* GetCacheKey() const override { record("GetCacheKey"); return {}; }
    VOID ReferenceCacheData() override { record("ReferenceCacheData"); }
    VOID DereferenceCacheData() override { record("DereferenceCacheData"); }
    VOID ResetTTL() override { record("ResetTTL"); }
    VOID DecrementTTL(BOOL* pfTTLExpired) override { record("DecrementTTL", pfTTLExpired); }
    VOID SetFlushed() override { record("SetFlushed"); }
    BOOL GetFlushed() const override { record("GetFlushed"); return {}; }
    HANDLE GetImpersonationToken() override { record("GetImpersonationToken"); return {}; }
    HANDLE GetPrimaryToken() override { record("GetPrimaryToken"); return {}; }
    PSID GetSid() override { record("GetSid"); return {}; }
};

class EveryIHttpTraceContext : public IHttpTraceContext, public Recorder {
public:
    virtual ~EveryIHttpTraceContext() = default;
    HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration) override { record("GetTraceConfiguration", pHttpTraceConfiguration); return {}; }
    HRESULT SetTraceConfiguration(HTTP_MODULE_ID moduleId, HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration, DWORD cHttpTraceConfiguration) override { record("SetTraceConfiguration", moduleId, pHttpTraceConfiguration, cHttpTraceConfiguration); return {}; }
    HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) override { record("RaiseTraceEvent", pTraceEvent); return {}; }
    LPCGUID GetTraceActivityId() override { record("GetTraceActivityId"); return {}; }
    HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2, HRESULT hrLastError, UCHAR Level) override { record("QuickTrace", pszData1, pszData2, hrLastError, Level); return {}; }
};

class EveryIHttpUrlInfo : public IHttpUrlInfo, public Recorder {
public:
    virtual ~EveryIHttpUrlInfo() = default;
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    BOOL IsFrequentlyHit() const override { record("IsFrequentlyHit"); return {}; }
};

class EveryIHttpUser : public IHttpUser, public Recorder {
public:
    virtual ~EveryIHttpUser() = default;
    PCWSTR GetRemoteUserName() override { record("GetRemoteUserName"); return {}; }
    PCWSTR GetUserName() override { record("GetUserName"); return {}; }
    PCWSTR GetAuthenticationType() override { record("GetAuthenticationType"); return {}; }
    PCWSTR GetPassword() override { record("GetPassword"); return {}; }
    HANDLE GetImpersonationToken() override { record("GetImpersonationToken"); return {}; }
    HANDLE GetPrimaryToken() override { record("GetPrimaryToken"); return {}; }
    VOID ReferenceUser() override { record("ReferenceUser"); }
    VOID DereferenceUser() override { record("DereferenceUser"); }
    BOOL SupportsIsInRole() override { record("SupportsIsInRole"); return {}; }
    HRESULT IsInRole(PCWSTR pszRoleName, BOOL* pfInRole) override { record("IsInRole", pszRoleName, pfInRole); return {}; }
    PVOID GetUserVariable(PCSTR pszVariableName) override { record("GetUserVariable", pszVariableName); return {}; }
};

class EveryIMapHandlerProvider : public IMapHandlerProvider, public Recorder {
public:
    virtual ~EveryIMapHandlerProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    HRESULT SetScriptName(PCWSTR pszScriptName, DWORD cchScriptName) override { record("SetScriptName", pszScriptName, cchScriptName); return {}; }
    VOID SetScriptMap(IScriptMapInfo* pScriptMap) override { record("SetScriptMap", pScriptMap); }
    VOID SetFileInfo(IHttpFileInfo* pFileInfo) override { record("SetFileInfo", pFileInfo); }
};

class EveryIMapPathProvider : public IMapPathProvider, public Recorder {
public:
    virtual ~EveryIMapPathProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    PCWSTR GetUrl() const override { record("GetUrl"); return {}; }
    PCWSTR GetPhysicalPath() const override { record("GetPhysicalPath"); return {}; }
    HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) override { record("SetPhysicalPath", pszPhysicalPath, cchPhysicalPath); return {}; }
};

class EveryIModuleAllocator : public IModuleAllocator, public Recorder {
public:
    virtual ~EveryIModuleAllocator() = default;
    VOID* AllocateMemory(DWORD cbAllocation) override { record("AllocateMemory", cbAllocation); return {}; }
};

class EveryINamedContextContainer : public INamedContextContainer, public Recorder {
public:
    virtual ~EveryINamedContextContainer() = default;
    IHttpStoredContext* GetNamedContext(LPCWSTR szName) override { record("GetNamedContext", szName); return {}; }
    HRESULT SetNamedContext(IHttpStoredContext* ppStoredContext, LPCWSTR szName) override { record("SetNamedContext", ppStoredContext, szName); return {}; }
};

class EveryIPreBeginRequestProvider : public IPreBeginRequestProvider, public Recorder {
public:
    virtual ~EveryIPreBeginRequestProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    IHttpContext* GetHttpContext() override { record("GetHttpContext"); return {}; }
};

class EveryIReadEntityProvider : public IReadEntityProvider, public Recorder {
public:
    virtual ~EveryIReadEntityProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    VOID GetEntity(PVOID* ppBuffer, DWORD* pcbData, DWORD* pcbBuffer) override { record("GetEntity", ppBuffer, pcbData, pcbBuffer); }
    VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) override { record("SetEntity", pBuffer, cbData, cbBuffer); }
};

class EveryIReferencedMetadataInfo : public IReferencedMetadataInfo, public Recorder {
public:
    virtual ~EveryIReferencedMetadataInfo() = default;
    PCWSTR GetMetaPath() const override { record("GetMetaPath"); return {}; }
    PCWSTR GetVrPath() const override { record("GetVrPath"); return {}; }
    IHttpTokenEntry* GetVrToken() override { record("GetVrToken"); return {}; }
    IHttpModuleContextContainer* GetModuleContextContainer() override { record("GetModuleContextContainer"); return {}; }
    VOID ReferenceMetadata() override { record("ReferenceMetadata"); }
    VOID DereferenceMetadata() override { record("DereferenceMetadata"); }
};

class EveryIScriptMapInfo : public IScriptMapInfo, public Recorder {
public:
    virtual ~EveryIScriptMapInfo() = default;
    PCWSTR GetPath() const override { record("GetPath"); return {}; }
    PCSTR GetAllowedVerbs() const override { record("GetAllowedVerbs"); return {}; }
    PCWSTR GetModules(DWORD* pcchModules) const override { record("GetModules", pcchModules); return {}; }
    PCWSTR GetScriptProcessor(DWORD* pcchScriptProcessor) const override { record("GetScriptProcessor", pcchScriptProcessor); return {}; }
    PCWSTR GetManagedType(DWORD* pcchManagedType) const override { record("GetManagedType", pcchManagedType); return {}; }
    BOOL GetAllowPathInfoForScriptMappings() const override { record("GetAllowPathInfoForScriptMappings"); return {}; }
    DWORD GetRequiredAccess() const override { record("GetRequiredAccess"); return {}; }
    DWORD GetResourceType() const override { record("GetResourceType"); return {}; }
    BOOL GetIsStarScriptMap() const override { record("GetIsStarScriptMap"); return {}; }
    DWORD GetResponseBufferLimit() const override { record("GetResponseBufferLimit"); return {}; }
    PCWSTR GetName() const override { record("GetName"); return {}; }
};

class EveryISendResponseProvider : public ISendResponseProvider, public Recorder {
public:
    virtual ~EveryISendResponseProvider() = default;
    VOID SetErrorStatus(HRESULT hrError) override { record("SetErrorStatus", hrError); }
    BOOL GetHeadersBeingSent() const override { record("GetHeadersBeingSent"); return {}; }
    DWORD GetFlags() const override { record("GetFlags"); return {}; }
    VOID SetFlags(DWORD dwFlags) override { record("SetFlags", dwFlags); }
    HTTP_LOG_DATA* GetLogData() const override { record("GetLogData"); return {}; }
    HRESULT SetLogData(HTTP_LOG_DATA* pLogData) override { record("SetLogData", pLogData); return {}; }
    BOOL GetReadyToLogData() const override { record("GetReadyToLogData"); return {}; }
};

// clang-format on

}  // namespace iisfake_test

#endif
