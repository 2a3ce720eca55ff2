#ifndef IISFAKE_SDK_HTTP_SERVER_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_SERVER_HPP_INCLUDED

// IHttpServer .. IHttpServer3 (the server a module gets in RegisterModule), exactly as
// httpserv.h declares them, and HttpGetExtendedInterface, the SDK's inline helper that asks for
// a newer interface version. IHttpServer2::GetExtendedInterface hides the base overload (T-17).

#include "iisfake/sdk/forward.hpp"
#include "iisfake/sdk/uuid.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("eda2a40f-fb92-4d6d-b52b-c8c207380b4e") IHttpServer {
public:
    virtual BOOL IsCommandLineLaunch(VOID) const = 0;
    virtual PCWSTR GetAppPoolName(VOID) const = 0;
    virtual HRESULT AssociateWithThreadPool(HANDLE hHandle,
                                            LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) = 0;
    virtual VOID IncrementThreadCount(VOID) = 0;
    virtual VOID DecrementThreadCount(VOID) = 0;
    virtual VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) = 0;
    virtual VOID RecycleProcess(PCWSTR pszReason) = 0;
    virtual IAppHostAdminManager* GetAdminManager(VOID) const = 0;
    virtual HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid,
                                PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken,
                                BOOL fCache, IHttpFileInfo** ppFileInfo,
                                IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual HRESULT FlushKernelCache(PCWSTR pszUrl) = 0;
    virtual HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey,
                                     IHttpCacheSpecificData** ppCacheSpecificData,
                                     IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput) = 0;
    virtual IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) = 0;
    virtual VOID RecycleApplication(PCWSTR pszAppConfigPath) = 0;
    virtual VOID NotifyConfigurationChange(PCWSTR pszPath) = 0;
    virtual VOID NotifyFileChange(PCWSTR pszFileName) = 0;
    virtual IDispensedHttpModuleContextContainer* DispenseContainer(VOID) = 0;
    virtual HRESULT AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk, PCWSTR pszFragmentName) = 0;
    virtual HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize,
                                          DWORD* pcbCopied) = 0;
    virtual HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) = 0;
    virtual HRESULT GetWorkerProcessSettings(IWpfSettings** ppWorkerProcessSettings) = 0;
    virtual HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                                      PCWSTR pProtocolManagerDllInitFunction,
                                                      DWORD dwCustomInterfaceId,
                                                      PVOID* ppCustomInterface) = 0;
    virtual BOOL SatisfiesPrecondition(PCWSTR pszPrecondition,
                                       BOOL* pfUnknownPrecondition = NULL) const = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;
    virtual HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken,
                                              IHttpFileMonitor** ppFileMonitor) = 0;
    virtual HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                         PVOID* ppInterface) = 0;

protected:
    ~IHttpServer() = default;
};

class IISFAKE_UUID("34af637e-afe8-4556-bcc1-767f8e0b4a4e") IHttpServer2 : public IHttpServer {
public:
    virtual HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod,
                             IHttpTokenEntry** ppTokenEntry, PCWSTR pszDefaultDomain = NULL,
                             PSOCKADDR pSockAddr = NULL,
                             IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual PCWSTR GetAppPoolConfigFile(DWORD* pcchConfigFilePath = NULL) const = 0;
    // Hides IHttpServer::GetExtendedInterface, as in the SDK (T-17).
    virtual HRESULT GetExtendedInterface(const GUID& Version1, PVOID pInput, const GUID& Version2,
                                         PVOID* ppOutput) = 0;
    virtual HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                                IReferencedMetadataInfo** ppMetadataInfo) = 0;
    virtual HRESULT GetWorkerProcessFramework(IWorkerProcessFramework** ppWorkerProcessFramework) = 0;

protected:
    ~IHttpServer2() = default;
};

class IISFAKE_UUID("f7a66d59-c0a2-48b5-a88f-be5975c960fb") IHttpServer3 : public IHttpServer2 {
public:
    virtual HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId,
                                         PVOID pQualifier, ULONG qualifierSize, PVOID pOutput,
                                         ULONG outputBufferSize, PULONG pcbBytesReturned,
                                         LPOVERLAPPED pOverlapped) = 0;

protected:
    ~IHttpServer3() = default;
};

// The SDK's body with __uuidof, which g++ lacks, spelt through iisfake::uuid_of.
template <class HttpType1, class HttpType2>
HRESULT HttpGetExtendedInterface(IHttpServer* pHttpServer, HttpType1* pInput,
                                 HttpType2** ppOutput) {
    IHttpServer2* pHttpServer2 = NULL;
    HRESULT hr = pHttpServer->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2,
                                                   reinterpret_cast<PVOID*>(&pHttpServer2));
    if (SUCCEEDED(hr))
        hr = pHttpServer2->GetExtendedInterface(::iisfake::uuid_of<HttpType1>(), pInput,
                                                ::iisfake::uuid_of<HttpType2>(),
                                                reinterpret_cast<PVOID*>(ppOutput));
    return hr;
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
