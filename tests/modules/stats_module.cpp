// ServerStats: a Unicode build (UNICODE and _UNICODE, so TCHAR is WCHAR and the unsuffixed
// Win32 names are the W ones) that counts responses by status class under a CRITICAL_SECTION
// and, as the handler mapped to its folder, answers GET /stats with the counts and the module's
// uptime from GetTickCount64 (404 for anything else). When IIS unloads it, it writes its totals
// to the event log.
#define UNICODE
#define _UNICODE
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <tchar.h>
#include <stdio.h>

#define STATS_EVENT_TOTALS 5001

struct STATS_COUNTERS
{
    long    cRequests;
    long    rgcByClass[6];  // 1xx..5xx by first digit; [0] for anything else
};

static CRITICAL_SECTION g_csStats;
static STATS_COUNTERS g_Stats;
static ULONGLONG g_ullLoadedTick = 0;

class CServerStatsModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnExecuteRequestHandler(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        if (_tcscmp(pHttpContext->GetScriptName(), _T("/stats")) != 0)
        {
            pHttpContext->GetResponse()->SetStatus(404, "Not Found");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }

        STATS_COUNTERS snapshot;
        EnterCriticalSection(&g_csStats);
        snapshot = g_Stats;
        LeaveCriticalSection(&g_csStats);
        unsigned long long ullUptimeSeconds = (GetTickCount64() - g_ullLoadedTick) / 1000;

        TCHAR szBody[256];
        int cch = _stprintf_s(szBody, _countof(szBody),
                              _T("requests=%ld 2xx=%ld 3xx=%ld 4xx=%ld 5xx=%ld uptime=%llus"),
                              snapshot.cRequests, snapshot.rgcByClass[2],
                              snapshot.rgcByClass[3], snapshot.rgcByClass[4],
                              snapshot.rgcByClass[5], ullUptimeSeconds);
        if (cch < 0)
        {
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }

        // The response is UTF-8.
        int cbBody = WideCharToMultiByte(CP_UTF8, 0, szBody, cch, NULL, 0, NULL, NULL);
        PSTR pszBody = static_cast<PSTR>(
            pHttpContext->AllocateRequestMemory(static_cast<DWORD>(cbBody) + 1));
        if (cbBody <= 0 || pszBody == NULL)
        {
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        WideCharToMultiByte(CP_UTF8, 0, szBody, cch, pszBody, cbBody, NULL, NULL);

        IHttpResponse * pResponse = pHttpContext->GetResponse();
        pResponse->SetHeader(HttpHeaderContentType, "text/plain", 10, TRUE);
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = pszBody;
        chunk.FromMemory.BufferLength = static_cast<ULONG>(cbBody);
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    REQUEST_NOTIFICATION_STATUS
    OnEndRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        USHORT usStatus = 0;
        pHttpContext->GetResponse()->GetStatus(&usStatus);
        int iClass = usStatus / 100;
        if (iClass < 1 || iClass > 5)
        {
            iClass = 0;
        }
        EnterCriticalSection(&g_csStats);
        g_Stats.rgcByClass[iClass]++;
        LeaveCriticalSection(&g_csStats);
        InterlockedIncrement(&g_Stats.cRequests);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CServerStatsFactory : public IHttpModuleFactory
{
public:
    virtual ~CServerStatsFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CServerStatsModule;
        return S_OK;
    }

    VOID Terminate() override
    {
        ReportTotals();
        DeleteCriticalSection(&g_csStats);
        delete this;
    }

private:
    static void ReportTotals() throw()
    {
        HANDLE hEventLog = RegisterEventSource(NULL, TEXT("IisfakeServerStats"));
        if (hEventLog == NULL)
        {
            return;
        }
        TCHAR szTotals[128];
        _stprintf_s(szTotals, _countof(szTotals), _T("%ld requests served, %ld failed"),
                    g_Stats.cRequests, g_Stats.rgcByClass[5]);
        LPCTSTR rgszStrings[1] = { szTotals };
        ReportEvent(hEventLog, EVENTLOG_INFORMATION_TYPE, 0, STATS_EVENT_TOTALS, NULL, 1, 0,
                    rgszStrings, NULL);
        DeregisterEventSource(hEventLog);
    }
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
    UNREFERENCED_PARAMETER(pGlobalInfo);
    InitializeCriticalSection(&g_csStats);
    ZeroMemory(&g_Stats, sizeof(g_Stats));
    g_ullLoadedTick = GetTickCount64();
    return pModuleInfo->SetRequestNotifications(new CServerStatsFactory,
                                                RQ_EXECUTE_REQUEST_HANDLER | RQ_END_REQUEST, 0);
}
