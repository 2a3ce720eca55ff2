// TraceProvider: a module with a failed-request-tracing provider of its own. The provider GUID
// is defined with DEFINE_GUID under <initguid.h> (this file is the one that instantiates it),
// announced to the debugger as a registry-style string from StringFromGUID2 when the module
// loads, and each request raises one event through IHttpTraceContext when tracing is enabled
// for it: "CorpusRequest#<n>" in the module's area, with the URL as its data.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <httptrace.h>
#include <objbase.h>
#include <initguid.h>
#include <stdlib.h>

// {6B3D0A58-2C41-4E7F-9A1B-3C5D7E9F0A12}
DEFINE_GUID(GUID_IisfakeCorpusTraceProvider,
            0x6b3d0a58, 0x2c41, 0x4e7f, 0x9a, 0x1b, 0x3c, 0x5d, 0x7e, 0x9f, 0x0a, 0x12);

#define CORPUS_TRACE_AREA_REQUEST 2
#define CORPUS_TRACE_EVENT_REQUEST 1
#define CORPUS_TRACE_VERBOSITY 4

static LONG g_cTracedRequests = 0;

class CTraceProviderModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnBeginRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        IHttpTraceContext * pTraceContext = pHttpContext->GetTraceContext();
        if (pTraceContext == NULL)
        {
            return RQ_NOTIFICATION_CONTINUE;
        }

        HTTP_TRACE_CONFIGURATION traceConfig;
        ZeroMemory(&traceConfig, sizeof(traceConfig));
        traceConfig.pProviderGuid = &GUID_IisfakeCorpusTraceProvider;
        if (FAILED(pTraceContext->GetTraceConfiguration(&traceConfig)) ||
            !traceConfig.fProviderEnabled ||
            (traceConfig.dwAreas & CORPUS_TRACE_AREA_REQUEST) == 0 ||
            traceConfig.dwVerbosity < CORPUS_TRACE_VERBOSITY)
        {
            return RQ_NOTIFICATION_CONTINUE;
        }

        // "CorpusRequest#<n>"
        WCHAR szEventName[40] = L"CorpusRequest#";
        WCHAR szNumber[16];
        if (_ltow_s(InterlockedIncrement(&g_cTracedRequests), szNumber, _countof(szNumber), 10) == 0)
        {
            wcscat_s(szEventName, _countof(szEventName), szNumber);
        }

        PCWSTR pszUrl = pHttpContext->GetScriptName();
        HTTP_TRACE_EVENT_ITEM rgItems[1];
        rgItems[0].pszName = L"RequestURL";
        rgItems[0].dwDataType = HTTP_TRACE_TYPE_LPCWSTR;
        rgItems[0].pbData = reinterpret_cast<PBYTE>(const_cast<PWSTR>(pszUrl));
        rgItems[0].cbData = static_cast<DWORD>((wcslen(pszUrl) + 1) * sizeof(WCHAR));
        rgItems[0].pszDataDescription = NULL;

        HTTP_TRACE_EVENT traceEvent;
        ZeroMemory(&traceEvent, sizeof(traceEvent));
        traceEvent.pProviderGuid = &GUID_IisfakeCorpusTraceProvider;
        traceEvent.dwArea = CORPUS_TRACE_AREA_REQUEST;
        traceEvent.dwEvent = CORPUS_TRACE_EVENT_REQUEST;
        traceEvent.pszEventName = szEventName;
        traceEvent.dwEventVersion = 1;
        traceEvent.dwVerbosity = CORPUS_TRACE_VERBOSITY;
        traceEvent.cEventItems = _countof(rgItems);
        traceEvent.pEventItems = rgItems;
        pTraceContext->RaiseTraceEvent(&traceEvent);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CTraceProviderFactory : public IHttpModuleFactory
{
public:
    virtual ~CTraceProviderFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CTraceProviderModule;
        return S_OK;
    }

    VOID Terminate() override { delete this; }
};

// "TraceProvider: provider {6B3D0A58-...} ready (areas 2, verbosity 4)"
static void AnnounceProvider()
{
    WCHAR szGuid[39];
    if (StringFromGUID2(GUID_IisfakeCorpusTraceProvider, szGuid, _countof(szGuid)) == 0)
    {
        OutputDebugStringA("TraceProvider: GUID buffer too small\n");
        return;
    }
    CHAR szGuidA[39];
    size_t cchConverted = 0;
    wcstombs_s(&cchConverted, szGuidA, _countof(szGuidA), szGuid, _TRUNCATE);

    CHAR szArea[12];
    CHAR szVerbosity[12];
    _itoa_s(CORPUS_TRACE_AREA_REQUEST, szArea, _countof(szArea), 10);
    _itoa_s(CORPUS_TRACE_VERBOSITY, szVerbosity, _countof(szVerbosity), 10);

    CHAR szMessage[128] = "TraceProvider: provider ";
    strcat_s(szMessage, _countof(szMessage), szGuidA);
    strcat_s(szMessage, _countof(szMessage), " ready (areas ");
    strcat_s(szMessage, _countof(szMessage), szArea);
    strcat_s(szMessage, _countof(szMessage), ", verbosity ");
    strcat_s(szMessage, _countof(szMessage), szVerbosity);
    strcat_s(szMessage, _countof(szMessage), ")\n");
    OutputDebugStringA(szMessage);
}

HRESULT
__stdcall
RegisterModule(
    DWORD                           dwServerVersion,
    IHttpModuleRegistrationInfo *   pModuleInfo,
    IHttpServer *                   pGlobalInfo
)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    g_cTracedRequests = 0;
    AnnounceProvider();
    return pModuleInfo->SetRequestNotifications(new CTraceProviderFactory, RQ_BEGIN_REQUEST, 0);
}
