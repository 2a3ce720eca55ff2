#ifndef IISFAKE_SDK_PROVIDERS_HPP_INCLUDED
#define IISFAKE_SDK_PROVIDERS_HPP_INCLUDED

// IHttpEventProvider and the providers IIS hands to each notification: the request-level ones
// CHttpModule's On* methods receive, and the global ones CGlobalModule's receive. Exactly as
// httpserv.h declares them (order, const, defaults); the protected destructors keep the SDK's
// vtables while forbidding delete through an interface.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("6f3f657d-2fb8-43c6-a096-5064b41f0580") IHttpEventProvider {
public:
    virtual VOID SetErrorStatus(HRESULT hrError) = 0;

protected:
    ~IHttpEventProvider() = default;
};

class IISFAKE_UUID("671e6d34-9380-4df4-b453-91129df02b24") ICustomNotificationProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR QueryNotificationType(VOID) = 0;

protected:
    ~ICustomNotificationProvider() = default;
};

class IISFAKE_UUID("304d51d0-0307-45ed-83fd-dd3fc032fdfc") IAuthenticationProvider
    : public IHttpEventProvider {
public:
    virtual VOID SetUser(IHttpUser* pUser) = 0;

protected:
    ~IAuthenticationProvider() = default;
};

class IISFAKE_UUID("fea3ce6b-e346-47e7-b2a6-ad265baeff2c") IMapHandlerProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT SetScriptName(PCWSTR pszScriptName, DWORD cchScriptName) = 0;
    virtual VOID SetScriptMap(IScriptMapInfo* pScriptMap) = 0;
    virtual VOID SetFileInfo(IHttpFileInfo* pFileInfo) = 0;

protected:
    ~IMapHandlerProvider() = default;
};

class IISFAKE_UUID("8efdf557-a8f1-4bc9-b462-6df3b038a59a") IMapPathProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetUrl(VOID) const = 0;
    virtual PCWSTR GetPhysicalPath(VOID) const = 0;
    virtual HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) = 0;

protected:
    ~IMapPathProvider() = default;
};

class IISFAKE_UUID("57f2e7bc-0bcf-4a9f-94a4-10e55c6e5b51") ISendResponseProvider
    : public IHttpEventProvider {
public:
    virtual BOOL GetHeadersBeingSent(VOID) const = 0;
    virtual DWORD GetFlags(VOID) const = 0;
    virtual VOID SetFlags(DWORD dwFlags) = 0;
    virtual HTTP_LOG_DATA* GetLogData(VOID) const = 0;
    virtual HRESULT SetLogData(HTTP_LOG_DATA* pLogData) = 0;
    virtual BOOL GetReadyToLogData(VOID) const = 0;

protected:
    ~ISendResponseProvider() = default;
};

class IISFAKE_UUID("fe6d905a-99b8-49fd-b389-cfc809562b81") IReadEntityProvider
    : public IHttpEventProvider {
public:
    virtual VOID GetEntity(PVOID* ppBuffer, DWORD* pcbData, DWORD* pcbBuffer) = 0;
    virtual VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) = 0;

protected:
    ~IReadEntityProvider() = default;
};

// ---- global providers ----------------------------------------------------------------------

class IISFAKE_UUID("41f9a601-e25d-4ac8-8a1f-635698a30ab9") IGlobalStopListeningProvider
    : public IHttpEventProvider {
public:
    virtual BOOL DrainRequestsGracefully(VOID) const = 0;

protected:
    ~IGlobalStopListeningProvider() = default;
};

class IISFAKE_UUID("58925fb9-7c5e-4684-833b-4a04e1286690") ICacheProvider
    : public IHttpEventProvider {
public:
    virtual CACHE_OPERATION GetCacheOperation(VOID) const = 0;
    virtual IHttpCacheKey* GetCacheKey(VOID) const = 0;
    virtual IHttpCacheSpecificData* GetCacheRecord(VOID) const = 0;
    virtual VOID SetCacheRecord(IHttpCacheSpecificData* pCacheRecord) = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;

protected:
    ~ICacheProvider() = default;
};

class IISFAKE_UUID("3405f3b4-b3d6-4b73-b5f5-4d8a3cc642ce") IGlobalConfigurationChangeProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetChangePath(VOID) const = 0;

protected:
    ~IGlobalConfigurationChangeProvider() = default;
};

class IISFAKE_UUID("ece31ee5-0486-4fb0-a875-6739a2d7daf5") IGlobalFileChangeProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetFileName(VOID) const = 0;
    virtual IHttpFileMonitor* GetFileMonitor(VOID) = 0;

protected:
    ~IGlobalFileChangeProvider() = default;
};

class IISFAKE_UUID("fb715d26-aff9-476a-8fc0-6b1acb3d1098") IPreBeginRequestProvider
    : public IHttpEventProvider {
public:
    virtual IHttpContext* GetHttpContext(VOID) = 0;

protected:
    ~IPreBeginRequestProvider() = default;
};

class IISFAKE_UUID("1de2c71c-c126-4512-aed3-f4f885e14997") IHttpApplicationProvider
    : public IHttpEventProvider {
public:
    virtual IHttpApplication* GetApplication(VOID) = 0;

protected:
    ~IHttpApplicationProvider() = default;
};

typedef IHttpApplicationProvider IHttpApplicationStartProvider;
typedef IHttpApplicationProvider IHttpApplicationStopProvider;

class IISFAKE_UUID("0617d9b9-e20f-4a9f-94f9-35403b3be01e") IHttpApplicationResolveModulesProvider
    : public IHttpApplicationProvider {
public:
    virtual HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId,
                                   IHttpModuleFactory* pModuleFactory, PCWSTR pszModuleName,
                                   PCWSTR pszModuleType, PCWSTR pszModulePreCondition,
                                   DWORD dwRequestNotifications,
                                   DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName,
                                                      DWORD dwRequestNotification,
                                                      PCWSTR pszPriorityAlias) = 0;

protected:
    ~IHttpApplicationResolveModulesProvider() = default;
};

class IISFAKE_UUID("63fdc43f-934a-4ee5-bcd8-7e7b50b75605") IGlobalRSCAQueryProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetFunctionName(VOID) const = 0;
    virtual PCWSTR GetFunctionParameters(VOID) const = 0;
    virtual HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE** ppbBuffer) = 0;
    virtual HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy,
                                       BYTE** ppbBuffer) = 0;
    virtual VOID SetResult(DWORD cbData, HRESULT hr) = 0;

protected:
    ~IGlobalRSCAQueryProvider() = default;
};

class IISFAKE_UUID("7c6bb150-0310-4718-a01f-6faceb62dc1d") IGlobalTraceEventProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT GetTraceEvent(HTTP_TRACE_EVENT** ppTraceEvent) = 0;
    virtual BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) = 0;
    virtual HRESULT GetCurrentHttpRequestContext(IHttpContext** ppHttpContext) = 0;

protected:
    ~IGlobalTraceEventProvider() = default;
};

class IISFAKE_UUID("6b36a149-8620-45a0-8197-00814a706e2e") IGlobalThreadCleanupProvider
    : public IHttpEventProvider {
public:
    virtual IHttpApplication* GetApplication(VOID) = 0;

protected:
    ~IGlobalThreadCleanupProvider() = default;
};

class IISFAKE_UUID("2111f8d6-0c41-4ff7-bd45-5c04c7e91a73") IGlobalApplicationPreloadProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT CreateContext(IHttpContext** ppHttpContext) = 0;
    virtual HRESULT ExecuteRequest(IHttpContext* pHttpContext, IHttpUser* pHttpUser) = 0;

protected:
    ~IGlobalApplicationPreloadProvider() = default;
};

class IISFAKE_UUID("251db2dd-81e7-44ce-ae02-46529f2d71ea") IGlobalApplicationPreloadProvider2
    : public IGlobalApplicationPreloadProvider {
public:
    virtual BOOL IsProcessRecycled(VOID) const = 0;

protected:
    ~IGlobalApplicationPreloadProvider2() = default;
};

class IISFAKE_UUID("7fd8f303-1031-4e50-918a-b7b916fd6c54") IGlobalSuspendProcessCallback
    : public IHttpEventProvider {
public:
    virtual HRESULT Resume(VOID) = 0;

protected:
    ~IGlobalSuspendProcessCallback() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
