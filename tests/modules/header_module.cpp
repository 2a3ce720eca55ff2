// A request module in the shape of the IIS documentation's samples: a CHttpModule subclass, its
// factory and RegisterModule, adding a response header in OnBeginRequest and reading a request
// header in OnPostBeginRequest.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>

class CHeaderModule : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IN IHttpContext* pHttpContext,
                                               IN IHttpEventProvider* pProvider) override {
        UNREFERENCED_PARAMETER(pProvider);
        IHttpResponse* pHttpResponse = pHttpContext->GetResponse();
        if (pHttpResponse == NULL) return RQ_NOTIFICATION_CONTINUE;
        static const char value[] = "iisfake";
        HRESULT hr = pHttpResponse->SetHeader("X-Powered-By", value,
                                              static_cast<USHORT>(strlen(value)), TRUE);
        if (FAILED(hr)) {
            pProvider->SetErrorStatus(hr);
            pHttpResponse->SetStatus(500, "Server Error", 0, hr);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnPostBeginRequest(IN IHttpContext* pHttpContext,
                                                   IN IHttpEventProvider* pProvider) override {
        UNREFERENCED_PARAMETER(pProvider);
        USHORT cchAgent = 0;
        PCSTR pszAgent = pHttpContext->GetRequest()->GetHeader(HttpHeaderUserAgent, &cchAgent);
        if (pszAgent == NULL || cchAgent == 0) {
            OutputDebugStringA("no user agent\n");
            return RQ_NOTIFICATION_CONTINUE;
        }
        PCWSTR pszScript = pHttpContext->GetScriptName();
        DWORD cbValue = static_cast<DWORD>((wcslen(pszScript) + 1) * sizeof(WCHAR));
        VOID* pCopy = pHttpContext->AllocateRequestMemory(cbValue);
        if (pCopy != NULL) memcpy(pCopy, pszScript, cbValue);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CHeaderModuleFactory : public IHttpModuleFactory {
public:
    virtual ~CHeaderModuleFactory() {}

    HRESULT GetHttpModule(OUT CHttpModule** ppModule, IN IModuleAllocator* pAllocator) override {
        UNREFERENCED_PARAMETER(pAllocator);
        CHeaderModule* pModule = new CHeaderModule;
        if (!pModule) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
        *ppModule = pModule;
        return S_OK;
    }

    void Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo) {
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CHeaderModuleFactory,
                                                      RQ_BEGIN_REQUEST, RQ_BEGIN_REQUEST);
    if (FAILED(hr)) return hr;
    return pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, PRIORITY_ALIAS_FIRST);
}
