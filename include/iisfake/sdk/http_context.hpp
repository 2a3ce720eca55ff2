#ifndef IISFAKE_SDK_HTTP_CONTEXT_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_CONTEXT_HPP_INCLUDED

// IHttpContext .. IHttpContext4, exactly as httpserv.h declares them: what module code gets in
// every notification. IHttpContext3::PostCompletion hides the base overload, as in the SDK:
// through an IHttpContext3* only the three-argument form is visible (T-17).

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("424c1b8c-a1ba-44d7-ac98-9f8f457701a5") IHttpContext {
public:
    virtual IHttpSite* GetSite(VOID) = 0;
    virtual IHttpApplication* GetApplication(VOID) = 0;
    virtual IHttpConnection* GetConnection(VOID) = 0;
    virtual IHttpRequest* GetRequest(VOID) = 0;
    virtual IHttpResponse* GetResponse(VOID) = 0;
    virtual BOOL GetResponseHeadersSent(VOID) const = 0;
    virtual IHttpUser* GetUser(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) = 0;
    virtual HRESULT PostCompletion(DWORD cbBytes) = 0;
    virtual VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) = 0;
    virtual BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS status, DWORD* pdwNotification,
                                     BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo,
                                     IHttpEventProvider** ppRequestOutput) = 0;
    virtual BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS status) = 0;
    virtual HRESULT ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags,
                                   IHttpUser* pHttpUser, BOOL* pfCompletionExpected = NULL) = 0;
    virtual DWORD GetExecuteFlags(VOID) const = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                                      DWORD* pcchValueLength) = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                                      DWORD* pcchValueLength) = 0;
    virtual HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) = 0;
    virtual VOID* AllocateRequestMemory(DWORD cbAllocation) = 0;
    virtual IHttpUrlInfo* GetUrlInfo(VOID) = 0;
    virtual IMetadataInfo* GetMetadata(VOID) = 0;
    virtual PCWSTR GetPhysicalPath(DWORD* pcchPhysicalPath = NULL) = 0;
    virtual PCWSTR GetScriptName(DWORD* pcchScriptName = NULL) const = 0;
    virtual PCWSTR GetScriptTranslated(DWORD* pcchScriptTranslated = NULL) = 0;
    virtual IScriptMapInfo* GetScriptMap(VOID) const = 0;
    virtual VOID SetRequestHandled(VOID) = 0;
    virtual IHttpFileInfo* GetFileInfo(VOID) const = 0;
    virtual HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath) = 0;
    virtual HRESULT NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput,
                                             BOOL* pfCompletionExpected) = 0;
    virtual IHttpContext* GetParentContext(VOID) const = 0;
    virtual IHttpContext* GetRootContext(VOID) const = 0;
    virtual HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) = 0;
    virtual HRESULT ReleaseClonedContext(VOID) = 0;
    virtual HRESULT GetCurrentExecutionStats(DWORD* pdwNotification,
                                             DWORD* pdwNotificationStartTickCount = NULL,
                                             PCWSTR* ppszModule = NULL,
                                             DWORD* pdwModuleStartTickCount = NULL,
                                             DWORD* pdwAsyncNotification = NULL,
                                             DWORD* pdwAsyncNotificationStartTickCount = NULL) const = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;
    virtual HRESULT GetServerVarChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                                        DWORD* pdwVariableSnapshot, PCSTR** ppVariableNameSnapshot,
                                        PCWSTR** ppVariableValueSnapshot, DWORD* pdwDiffedVariables,
                                        DWORD** ppDiffedVariableIndices) = 0;
    virtual HRESULT CancelIo(VOID) = 0;
    virtual HRESULT MapHandler(DWORD dwSiteId, PCWSTR pszSiteName, PCWSTR pszUrl, PCSTR pszVerb,
                               IScriptMapInfo** ppScriptMap,
                               BOOL fIgnoreWildcardMappings = FALSE) = 0;
    // __declspec(deprecated) in the SDK: HttpGetExtendedInterface replaces it.
    virtual HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION version,
                                         PVOID* ppInterface) = 0;

protected:
    ~IHttpContext() = default;
};

class IISFAKE_UUID("c986182c-cf4a-4482-8205-0dbbc1fd6cee") IHttpContext2 : public IHttpContext {
public:
    virtual IHttpUser* GetOriginalUser(VOID) const = 0;

protected:
    ~IHttpContext2() = default;
};

class IISFAKE_UUID("bf53c022-ca4b-4349-a38e-a4b78ad897fb") IHttpContext3 : public IHttpContext2 {
public:
    virtual INamedContextContainer* GetNamedContextContainer(VOID) = 0;
    virtual VOID EnableFullDuplex(VOID) = 0;
    virtual HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist = FALSE) = 0;
    // Hides IHttpContext::PostCompletion(DWORD), as in the SDK (no using-declaration).
    virtual HRESULT PostCompletion(DWORD cbBytes,
                                   LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine,
                                   VOID* pvCompletionContext) = 0;

protected:
    ~IHttpContext3() = default;
};

class IISFAKE_UUID("2c9463d8-4ec4-4622-8917-d486321a9443") IHttpContext4 : public IHttpContext3 {
public:
    virtual ULONGLONG GetRequestStartTime(VOID) = 0;
    virtual ULONGLONG GetRequestElapsedTime(VOID) = 0;

protected:
    ~IHttpContext4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
