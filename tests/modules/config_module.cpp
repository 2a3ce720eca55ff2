// A module that reads its <system.webServer> section through IHttpServer::GetAdminManager(), as
// StripHeaders, iislua and iisnode do: a section element, a property of it, a collection of
// child elements and their properties, the values as VARIANTs and BSTRs.
#include <windows.h>
#include <httpserv.h>
#include <httptrace.h>

static IHttpServer* g_pHttpServer = NULL;
static HTTP_MODULE_ID g_pModuleId = NULL;

// The names of the headers to remove, as configured for the request's path.
static HRESULT ReadHeadersToRemove(IHttpContext* pHttpContext, DWORD* pcHeaders) {
    *pcHeaders = 0;
    IAppHostAdminManager* pAdminManager = g_pHttpServer->GetAdminManager();
    BSTR bstrSection = SysAllocString(L"system.webServer/stripHeaders");
    BSTR bstrPath = SysAllocString(pHttpContext->GetMetadata()->GetMetaPath());
    IAppHostElement* pSection = NULL;
    HRESULT hr = pAdminManager->GetAdminSection(bstrSection, bstrPath, &pSection);
    SysFreeString(bstrSection);
    SysFreeString(bstrPath);
    if (FAILED(hr)) return hr;

    IAppHostProperty* pEnabled = NULL;
    BSTR bstrEnabled = SysAllocString(L"enabled");
    hr = pSection->GetPropertyByName(bstrEnabled, &pEnabled);
    SysFreeString(bstrEnabled);
    if (SUCCEEDED(hr)) {
        VARIANT vEnabled;
        VariantInit(&vEnabled);
        if (SUCCEEDED(pEnabled->get_Value(&vEnabled)) && vEnabled.vt == VT_BOOL &&
            vEnabled.boolVal == VARIANT_FALSE)
            hr = S_FALSE;
        VariantClear(&vEnabled);
        pEnabled->Release();
    }

    IAppHostElementCollection* pCollection = NULL;
    if (hr == S_OK) hr = pSection->get_Collection(&pCollection);
    DWORD cElements = 0;
    if (hr == S_OK) hr = pCollection->get_Count(&cElements);
    for (DWORD i = 0; hr == S_OK && i < cElements; ++i) {
        VARIANT vIndex;
        VariantInit(&vIndex);
        vIndex.vt = VT_UI4;
        vIndex.ulVal = i;
        IAppHostElement* pElement = NULL;
        if (FAILED(pCollection->get_Item(vIndex, &pElement))) continue;
        IAppHostProperty* pName = NULL;
        BSTR bstrName = SysAllocString(L"name");
        if (SUCCEEDED(pElement->GetPropertyByName(bstrName, &pName))) {
            BSTR bstrValue = NULL;
            if (SUCCEEDED(pName->get_StringValue(&bstrValue)) && SysStringLen(bstrValue) > 0)
                ++*pcHeaders;
            SysFreeString(bstrValue);
            pName->Release();
        }
        SysFreeString(bstrName);
        pElement->Release();
    }
    if (pCollection) pCollection->Release();
    pSection->Release();
    return hr;
}

class CStripModule : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IN IHttpContext* pHttpContext,
                                               IN ISendResponseProvider* pProvider) override {
        DWORD cHeaders = 0;
        if (FAILED(ReadHeadersToRemove(pHttpContext, &cHeaders)) || cHeaders == 0)
            return RQ_NOTIFICATION_CONTINUE;
        if (pProvider->GetHeadersBeingSent())
            pHttpContext->GetResponse()->DeleteHeader("Server");
        IHttpTraceContext* pTrace = pHttpContext->GetTraceContext();
        if (pTrace) pTrace->QuickTrace(L"stripped", NULL, S_OK, HTTP_TRACE_LEVEL_START);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CStripModuleFactory : public IHttpModuleFactory {
public:
    virtual ~CStripModuleFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new CStripModule;
        return S_OK;
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo) {
    if (dwServerVersion < 7) return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    g_pHttpServer = pGlobalInfo;
    g_pModuleId = pModuleInfo->GetId();
    IHttpModuleRegistrationInfo2* pModuleInfo2 = NULL;
    if (SUCCEEDED(HttpGetExtendedInterface(pGlobalInfo, pModuleInfo, &pModuleInfo2)))
        pModuleInfo2->SetPriorityForPostRequestNotification(RQ_SEND_RESPONSE, PRIORITY_ALIAS_LAST);
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CStripModuleFactory, RQ_SEND_RESPONSE, 0);
    if (FAILED(hr)) return hr;
    return pModuleInfo->SetPriorityForRequestNotification(RQ_SEND_RESPONSE, PRIORITY_ALIAS_LAST);
}
