// IpRestriction: refuses clients whose address its section lists
// (system.webServer/iisfakeIpRestriction, a collection of <add ipAddress="..."/>) with
// 403.6, as IIS's own IP restriction does; the address is the remote address of the request,
// IPv4 or IPv6 (an IPv4-mapped IPv6 address counts as its IPv4 one), printed with inet_ntop.
// The configuration is read through the comdef.h smart pointers; refusals go to the event log.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <comdef.h>
#include <stdio.h>
#include <string.h>

_COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement));
_COM_SMARTPTR_TYPEDEF(IAppHostElementCollection, __uuidof(IAppHostElementCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostProperty, __uuidof(IAppHostProperty));

#define IPR_EVENT_DENIED 4001

static IHttpServer * g_pIprServer = NULL;

// The client's address as text ("192.0.2.7", "2001:db8::1"); FALSE for other families.
static BOOL FormatRemoteAddress(_In_ IHttpRequest * pRequest,
                                _Out_writes_z_(cchAddress) PSTR pszAddress,
                                _In_ size_t cchAddress)
{
    PSOCKADDR pAddress = pRequest->GetRemoteAddress();
    if (pAddress == NULL)
    {
        return FALSE;
    }
    PCSTR pszResult = NULL;
    if (pAddress->sa_family == AF_INET)
    {
        SOCKADDR_IN * pIPv4 = reinterpret_cast<SOCKADDR_IN *>(pAddress);
        pszResult = inet_ntop(AF_INET, &pIPv4->sin_addr, pszAddress, cchAddress);
    }
    else if (pAddress->sa_family == AF_INET6)
    {
        SOCKADDR_IN6 * pIPv6 = reinterpret_cast<SOCKADDR_IN6 *>(pAddress);
        if (IN6_IS_ADDR_V4MAPPED(&pIPv6->sin6_addr))
        {
            pszResult = inet_ntop(AF_INET, &pIPv6->sin6_addr.u.Byte[12], pszAddress, cchAddress);
        }
        else
        {
            pszResult = inet_ntop(AF_INET6, &pIPv6->sin6_addr, pszAddress, cchAddress);
        }
    }
    return pszResult != NULL;
}

// Whether the configuration for this request lists the address; a section that cannot be read
// is thrown as _com_error (_com_issue_error), for the caller to catch.
static bool IsDenied(_In_ IHttpContext * pHttpContext, _In_z_ PCSTR pszAddress)
{
    IAppHostElementPtr spSection;
    HRESULT hr = g_pIprServer->GetAdminManager()->GetAdminSection(
        _bstr_t(L"system.webServer/iisfakeIpRestriction"),
        _bstr_t(pHttpContext->GetMetadata()->GetMetaPath()), &spSection);
    if (FAILED(hr))
    {
        _com_issue_error(hr);
    }

    IAppHostElementCollectionPtr spEntries;
    hr = spSection->get_Collection(&spEntries);
    if (FAILED(hr))
    {
        _com_issue_error(hr);
    }
    DWORD cEntries = 0;
    spEntries->get_Count(&cEntries);
    for (DWORD i = 0; i < cEntries; i++)
    {
        IAppHostElementPtr spEntry;
        if (FAILED(spEntries->get_Item(_variant_t(static_cast<long>(i)), &spEntry)))
        {
            continue;
        }
        IAppHostPropertyPtr spAddress;
        if (FAILED(spEntry->GetPropertyByName(_bstr_t(L"ipAddress"), &spAddress)))
        {
            continue;
        }
        _variant_t vtAddress;
        if (SUCCEEDED(spAddress->get_Value(&vtAddress)) && vtAddress.vt == VT_BSTR)
        {
            _bstr_t bstrAddress(vtAddress.bstrVal);
            if (_stricmp(static_cast<const char *>(bstrAddress), pszAddress) == 0)
            {
                return true;
            }
        }
    }
    return false;
}

static void ReportDenied(_In_z_ PCSTR pszAddress)
{
    HANDLE hEventLog = RegisterEventSourceA(NULL, "IisfakeIpRestriction");
    if (hEventLog != NULL)
    {
        LPCSTR rgszStrings[1] = { pszAddress };
        ReportEventA(hEventLog, EVENTLOG_AUDIT_FAILURE, 0, IPR_EVENT_DENIED, NULL, 1, 0,
                     rgszStrings, NULL);
        DeregisterEventSource(hEventLog);
    }
}

class CIpRestrictionModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnBeginRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        CHAR szAddress[INET6_ADDRSTRLEN];
        if (!FormatRemoteAddress(pHttpContext->GetRequest(), szAddress, _countof(szAddress)))
        {
            return RQ_NOTIFICATION_CONTINUE;
        }

        bool fDenied = false;
        try
        {
            fDenied = IsDenied(pHttpContext, szAddress);
        }
        catch (_com_error & error)
        {
            // No section for this path: nobody is refused.
            CHAR szMessage[96];
            sprintf_s(szMessage, _countof(szMessage), "IpRestriction: no configuration (0x%08X)\n",
                      static_cast<unsigned int>(error.Error()));
            OutputDebugStringA(szMessage);
            return RQ_NOTIFICATION_CONTINUE;
        }

        if (fDenied)
        {
            ReportDenied(szAddress);
            IHttpResponse * pResponse = pHttpContext->GetResponse();
            pResponse->SetStatus(403, "Forbidden", 6, S_OK);
            pProvider->SetErrorStatus(HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED));
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CIpRestrictionFactory : public IHttpModuleFactory
{
public:
    virtual ~CIpRestrictionFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CIpRestrictionModule;
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
    g_pIprServer = pGlobalInfo;
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CIpRestrictionFactory,
                                                      RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    return pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST,
                                                          PRIORITY_ALIAS_HIGH);
}
