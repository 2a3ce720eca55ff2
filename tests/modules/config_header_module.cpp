// ConfigHeaders: adds the response headers its section lists for the request's path,
//     <iisfakeCustomHeaders enabled="true">
//         <add name="X-Frame-Options" value="DENY" />
//     </iisfakeCustomHeaders>
// read the way modules built on comdef.h read configuration: smart pointers from
// _COM_SMARTPTR_TYPEDEF, _bstr_t and _variant_t for the values, failures thrown as _com_error
// and caught once per request. A section that cannot be read is reported to the event log (once
// per worker process, so the log is not flooded) and the request goes on without the headers.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <comdef.h>
#include <strsafe.h>

_COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement));
_COM_SMARTPTR_TYPEDEF(IAppHostElementCollection, __uuidof(IAppHostElementCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostProperty, __uuidof(IAppHostProperty));

#define CONFIG_HEADERS_SECTION L"system.webServer/iisfakeCustomHeaders"
#define CONFIG_HEADERS_EVENT_BAD_CONFIG 2001

static IHttpServer * g_pConfigHeadersServer = NULL;
static LONG g_fConfigErrorReported = 0;

// One property of an element as a string; throws _com_error when the property is missing.
static _bstr_t GetStringProperty(IAppHostElement * pElement, PCWSTR pszName)
{
    IAppHostPropertyPtr spProperty;
    HRESULT hr = pElement->GetPropertyByName(_bstr_t(pszName), &spProperty);
    if (FAILED(hr))
    {
        _com_issue_error(hr);
    }
    BSTR bstrValue = NULL;
    hr = spProperty->get_StringValue(&bstrValue);
    if (FAILED(hr))
    {
        _com_issue_error(hr);
    }
    return _bstr_t(bstrValue, false);  // takes ownership
}

static void ReportConfigurationError(PCWSTR pszPath, const _com_error & error) throw()
{
    if (InterlockedExchange(&g_fConfigErrorReported, 1) != 0)
    {
        return;
    }
    HANDLE hEventLog = RegisterEventSourceW(NULL, L"IisfakeConfigHeaders");
    if (hEventLog == NULL)
    {
        return;
    }
    WCHAR szMessage[512];
    StringCchPrintfW(szMessage, _countof(szMessage),
                     L"Cannot read %ls for %ls (HRESULT 0x%08X).", CONFIG_HEADERS_SECTION,
                     pszPath, static_cast<unsigned int>(error.Error()));
    LPCWSTR rgszStrings[1] = { szMessage };
    ReportEventW(hEventLog, EVENTLOG_ERROR_TYPE, 0, CONFIG_HEADERS_EVENT_BAD_CONFIG, NULL, 1, 0,
                 rgszStrings, NULL);
    DeregisterEventSource(hEventLog);
}

class CConfigHeadersModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnBeginRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        PCWSTR pszPath = pHttpContext->GetMetadata()->GetMetaPath();
        try
        {
            AddConfiguredHeaders(pHttpContext, pszPath);
        }
        catch (const _com_error & error)
        {
            ReportConfigurationError(pszPath, error);
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    static void AddConfiguredHeaders(IHttpContext * pHttpContext, PCWSTR pszPath)
    {
        IAppHostElementPtr spSection;
        HRESULT hr = g_pConfigHeadersServer->GetAdminManager()->GetAdminSection(
            _bstr_t(CONFIG_HEADERS_SECTION), _bstr_t(pszPath), &spSection);
        if (FAILED(hr))
        {
            _com_issue_error(hr);
        }

        IAppHostPropertyPtr spEnabled;
        hr = spSection->GetPropertyByName(_bstr_t(L"enabled"), &spEnabled);
        if (SUCCEEDED(hr))
        {
            _variant_t vtEnabled;
            hr = spEnabled->get_Value(&vtEnabled);
            if (SUCCEEDED(hr) && vtEnabled.vt == VT_BOOL && vtEnabled.boolVal == VARIANT_FALSE)
            {
                return;
            }
        }

        IAppHostElementCollectionPtr spHeaders;
        hr = spSection->get_Collection(&spHeaders);
        if (FAILED(hr))
        {
            _com_issue_error(hr);
        }
        DWORD cHeaders = 0;
        hr = spHeaders->get_Count(&cHeaders);
        if (FAILED(hr))
        {
            _com_issue_error(hr);
        }

        IHttpResponse * pResponse = pHttpContext->GetResponse();
        for (DWORD i = 0; i < cHeaders; i++)
        {
            _variant_t vtIndex;
            vtIndex.vt = VT_UI4;
            vtIndex.ulVal = i;
            IAppHostElementPtr spHeader;
            hr = spHeaders->get_Item(vtIndex, &spHeader);
            if (FAILED(hr))
            {
                _com_issue_error(hr);
            }
            _bstr_t bstrName = GetStringProperty(spHeader, L"name");
            _bstr_t bstrValue = GetStringProperty(spHeader, L"value");
            if (bstrName.length() == 0)
            {
                continue;
            }
            const char * pszValue = bstrValue;
            hr = pResponse->SetHeader(static_cast<const char *>(bstrName), pszValue,
                                      static_cast<USHORT>(strlen(pszValue)), TRUE);
            if (FAILED(hr))
            {
                _com_issue_error(hr);
            }
        }
    }
};

class CConfigHeadersFactory : public IHttpModuleFactory
{
public:
    virtual ~CConfigHeadersFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CConfigHeadersModule;
        return S_OK;
    }

    VOID Terminate() override { delete this; }
};

HRESULT
__stdcall
RegisterModule(
    DWORD                           dwServerVersion,
    IHttpModuleRegistrationInfo *   pModuleInfo,
    IHttpServer *                   pGlobalInfo
)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    g_pConfigHeadersServer = pGlobalInfo;
    g_fConfigErrorReported = 0;
    return pModuleInfo->SetRequestNotifications(new CConfigHeadersFactory, RQ_BEGIN_REQUEST, 0);
}
