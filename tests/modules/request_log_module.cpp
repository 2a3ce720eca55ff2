// RequestLog: one line per request to the debugger, written at the log stage the way a
// diagnostics module of a non-Unicode project writes it: the precompiled header first, TCHAR
// names for the event source, the local time of day from GetLocalTime, the application pool
// from the environment, a CRITICAL_SECTION keeping lines whole, and a start-up record in the
// event log.
#include "precomp.h"

#define REQUEST_LOG_EVENT_STARTED 1

static const TCHAR g_szEventSource[] = _T("IisfakeRequestLog");

static CRITICAL_SECTION g_csLog;
static LONG g_fLogLockReady = 0;
static LONG g_cRequests = 0;
static CHAR g_szPoolName[64] = "";

// "2024-03-05 06:07:08.009": the worker process's local time of day.
static void FormatLocalTime(_Out_writes_z_(cchBuffer) CHAR* pszBuffer, _In_ size_t cchBuffer)
{
    SYSTEMTIME st;
    GetLocalTime(&st);
    _snprintf_s(pszBuffer, cchBuffer, _TRUNCATE, "%04d-%02d-%02d %02d:%02d:%02d.%03d", st.wYear,
                st.wMonth, st.wDay, st.wHour, st.wMinute, st.wSecond, st.wMilliseconds);
}

class CRequestLogModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnLogRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);

        USHORT usStatus = 0;
        pHttpContext->GetResponse()->GetStatus(&usStatus);
        PCSTR pszMethod = pHttpContext->GetRequest()->GetHttpMethod();

        CHAR szUrl[256];
        size_t cchConverted = 0;
        errno_t err = wcstombs_s(&cchConverted, szUrl, _countof(szUrl),
                                 pHttpContext->GetScriptName(), _TRUNCATE);
        if (err != 0 && err != STRUNCATE)
        {
            strcpy_s(szUrl, _countof(szUrl), "-");
        }

        CHAR szTime[32];
        FormatLocalTime(szTime, _countof(szTime));
        int nRequest = InterlockedIncrement(&g_cRequests);

        CHAR szLine[512];
        EnterCriticalSection(&g_csLog);
        _snprintf_s(szLine, _countof(szLine), _TRUNCATE, "%s [%s] #%d %s %s %hu\n", szTime,
                    g_szPoolName, nRequest, pszMethod ? pszMethod : "-", szUrl, usStatus);
        OutputDebugStringA(szLine);
        LeaveCriticalSection(&g_csLog);

        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CRequestLogFactory : public IHttpModuleFactory
{
public:
    virtual ~CRequestLogFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        CRequestLogModule * pModule = new CRequestLogModule;
        if (pModule == NULL)
        {
            return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
        }
        *ppModule = pModule;
        return S_OK;
    }

    VOID Terminate() override { delete this; }
};

// Tells the event log which pool the module started in.
static void ReportStarted()
{
    HANDLE hEventLog = RegisterEventSource(NULL, g_szEventSource);
    if (hEventLog == NULL)
    {
        return;
    }
    TCHAR szMessage[128];
    _stprintf_s(szMessage, _countof(szMessage), _T("RequestLog started in %s"), g_szPoolName);
    if (_tcslen(szMessage) + 1 < _countof(szMessage))
    {
        _tcscat_s(szMessage, _countof(szMessage), _T("."));
    }
    LPCTSTR rgszStrings[1] = { szMessage };
    ReportEvent(hEventLog, EVENTLOG_INFORMATION_TYPE, 0, REQUEST_LOG_EVENT_STARTED, NULL, 1, 0,
                rgszStrings, NULL);
    DeregisterEventSource(hEventLog);
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

    // The DLL stays loaded when IIS registers it again: the lock is made once.
    if (InterlockedCompareExchange(&g_fLogLockReady, 1, 0) == 0)
    {
        InitializeCriticalSection(&g_csLog);
    }

    DWORD cchPool = GetEnvironmentVariableA("APP_POOL_ID", g_szPoolName, _countof(g_szPoolName));
    if (cchPool == 0 || cchPool >= _countof(g_szPoolName))
    {
        strcpy_s(g_szPoolName, _countof(g_szPoolName), "unknown");
    }
    g_cRequests = 0;
    ReportStarted();

    return pModuleInfo->SetRequestNotifications(new CRequestLogFactory, RQ_LOG_REQUEST, 0);
}
