// ConfigWatcher: a global module that drops its cached view of the configuration when IIS says
// a configuration path changed, records the change in the event log (the path as UTF-8, the
// running count of changes) and tells the debugger which cache folder it emptied. The last path
// and the count are shared by every thread of the worker process under an SRWLOCK.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <strsafe.h>

#define CONFIG_WATCHER_EVENT_CHANGED 3001

static SRWLOCK g_srwChanges = SRWLOCK_INIT;
static CHAR g_szLastChangePath[512] = "";
static DWORD g_cChanges = 0;
static HANDLE g_hWatcherEventLog = NULL;

class CConfigWatcher : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS
    OnGlobalConfigurationChange(
        IN IGlobalConfigurationChangeProvider * pProvider
    ) override
    {
        PCWSTR pszPath = pProvider->GetChangePath();
        if (pszPath == NULL)
        {
            return GL_NOTIFICATION_CONTINUE;
        }

        CHAR szPath[512];
        if (WideCharToMultiByte(CP_UTF8, 0, pszPath, -1, szPath, sizeof(szPath), NULL, NULL) == 0)
        {
            HRESULT hr = HRESULT_FROM_WIN32(GetLastError());
            StringCchPrintfA(szPath, _countof(szPath), "(path not converted: 0x%08X)",
                             static_cast<unsigned int>(hr));
        }

        DWORD cChanges;
        AcquireSRWLockExclusive(&g_srwChanges);
        StringCchCopyA(g_szLastChangePath, _countof(g_szLastChangePath), szPath);
        cChanges = ++g_cChanges;
        ReleaseSRWLockExclusive(&g_srwChanges);

        FlushCache();
        ReportChange(szPath, cChanges);
        return GL_NOTIFICATION_CONTINUE;
    }

    VOID Terminate() override
    {
        if (g_hWatcherEventLog != NULL)
        {
            DeregisterEventSource(g_hWatcherEventLog);
            g_hWatcherEventLog = NULL;
        }
        delete this;
    }

private:
    static void FlushCache() throw()
    {
        WCHAR szFolder[MAX_PATH];
        DWORD cch = ExpandEnvironmentStringsW(L"%SystemDrive%\\inetpub\\temp\\IisfakeCache",
                                              szFolder, MAX_PATH);
        if (cch == 0 || cch > MAX_PATH)
        {
            return;
        }
        unsigned int uProcessId = GetCurrentProcessId();
        WCHAR szMessage[MAX_PATH + 64];
        StringCchPrintfW(szMessage, _countof(szMessage), L"ConfigWatcher: flushed %ls (pid %u)",
                         szFolder, uProcessId);
        OutputDebugStringW(szMessage);
    }

    static void ReportChange(PCSTR pszPath, DWORD cChanges) throw()
    {
        if (g_hWatcherEventLog == NULL)
        {
            return;
        }
        CHAR szCount[16];
        _ultoa_s(cChanges, szCount, _countof(szCount), 10);
        LPCSTR rgszStrings[2] = { pszPath, szCount };
        ReportEventA(g_hWatcherEventLog, EVENTLOG_INFORMATION_TYPE, 0,
                     CONFIG_WATCHER_EVENT_CHANGED, NULL, 2, 0, rgszStrings, NULL);
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

    AcquireSRWLockExclusive(&g_srwChanges);
    g_szLastChangePath[0] = '\0';
    g_cChanges = 0;
    ReleaseSRWLockExclusive(&g_srwChanges);

    g_hWatcherEventLog = RegisterEventSourceA(NULL, "IisfakeConfigWatcher");
    if (g_hWatcherEventLog == NULL)
    {
        return HRESULT_FROM_WIN32(GetLastError());
    }

    CConfigWatcher * pWatcher = new CConfigWatcher;
    return pModuleInfo->SetGlobalNotifications(pWatcher, GL_CONFIGURATION_CHANGE);
}
