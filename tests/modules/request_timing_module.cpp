// RequestTiming: measures each request with the performance counter from OnBeginRequest to the
// response, tells the client in an X-Request-Time header, and writes a warning to the event log
// for a request slower than the threshold the environment sets (REQUEST_TIMING_THRESHOLD_MS,
// 1000 when unset), counting them.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <stdio.h>
#include <stdlib.h>

#define TIMING_EVENT_SLOW_REQUEST 1001

static LARGE_INTEGER g_liFrequency;
static ULONGLONG g_ullThresholdMs = 1000;
static long g_cSlowRequests = 0;
static HANDLE g_hTimingEventLog = NULL;

class CRequestTimingModule : public CHttpModule
{
public:
    CRequestTimingModule() throw()
        : m_ullStartTick(0)
    {
        m_liStart.QuadPart = 0;
    }

    REQUEST_NOTIFICATION_STATUS
    OnBeginRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        QueryPerformanceCounter(&m_liStart);
        m_ullStartTick = GetTickCount64();
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS
    OnSendResponse(
        IN IHttpContext *           pHttpContext,
        IN ISendResponseProvider *  pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        long long llElapsedMs = ElapsedMilliseconds();

        CHAR szValue[32];
        sprintf_s(szValue, _countof(szValue), "%lldms", llElapsedMs);
        pHttpContext->GetResponse()->SetHeader("X-Request-Time", szValue,
                                               static_cast<USHORT>(strlen(szValue)), TRUE);

        // The tick count agrees with the counter to within its 16 ms resolution.
        ULONGLONG ullTicks = GetTickCount64() - m_ullStartTick;
        if (ullTicks >= g_ullThresholdMs && !m_fReported)
        {
            m_fReported = TRUE;
            ReportSlowRequest(pHttpContext, szValue);
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    long long ElapsedMilliseconds() const throw()
    {
        if (g_liFrequency.QuadPart == 0)
        {
            return 0;
        }
        LARGE_INTEGER liNow;
        QueryPerformanceCounter(&liNow);
        return (liNow.QuadPart - m_liStart.QuadPart) * 1000 / g_liFrequency.QuadPart;
    }

    static void ReportSlowRequest(IHttpContext * pHttpContext, PCSTR pszElapsed)
    {
        long cSlow = InterlockedIncrement(&g_cSlowRequests);
        if (g_hTimingEventLog == NULL)
        {
            return;
        }
        CHAR szUrl[260];
        int cbUrl = WideCharToMultiByte(CP_UTF8, 0, pHttpContext->GetScriptName(), -1, szUrl,
                                        sizeof(szUrl), NULL, NULL);
        if (cbUrl == 0)
        {
            strcpy_s(szUrl, _countof(szUrl), "(url too long)");
        }
        CHAR szCount[32];
        sprintf_s(szCount, _countof(szCount), "slow request #%ld", cSlow);
        LPCSTR rgszStrings[3] = { szUrl, pszElapsed, szCount };
        ReportEventA(g_hTimingEventLog, EVENTLOG_WARNING_TYPE, 0, TIMING_EVENT_SLOW_REQUEST, NULL,
                     3, 0, rgszStrings, NULL);
    }

    LARGE_INTEGER   m_liStart;
    ULONGLONG       m_ullStartTick;
    BOOL            m_fReported = FALSE;
};

class CRequestTimingFactory : public IHttpModuleFactory
{
public:
    virtual ~CRequestTimingFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CRequestTimingModule;
        return *ppModule == NULL ? E_OUTOFMEMORY : S_OK;
    }

    VOID Terminate() override
    {
        if (g_hTimingEventLog != NULL)
        {
            DeregisterEventSource(g_hTimingEventLog);
            g_hTimingEventLog = NULL;
        }
        delete this;
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

    if (!QueryPerformanceFrequency(&g_liFrequency))
    {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    CHAR szThreshold[16];
    DWORD cch = GetEnvironmentVariableA("REQUEST_TIMING_THRESHOLD_MS", szThreshold,
                                        sizeof(szThreshold));
    g_ullThresholdMs = 1000;
    if (cch > 0 && cch < sizeof(szThreshold))
    {
        char * pszEnd = NULL;
        unsigned long ulThreshold = strtoul(szThreshold, &pszEnd, 10);
        if (pszEnd != szThreshold && *pszEnd == '\0')
        {
            g_ullThresholdMs = ulThreshold;
        }
    }

    g_hTimingEventLog = RegisterEventSourceA(NULL, "IisfakeRequestTiming");
    if (g_hTimingEventLog == NULL)
    {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    return pModuleInfo->SetRequestNotifications(new CRequestTimingFactory,
                                                RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE, 0);
}
