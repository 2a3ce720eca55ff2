// A global module: a CGlobalModule subclass registered for GL_PRE_BEGIN_REQUEST and
// GL_APPLICATION_START, keeping the server it was given, as the documentation's samples do.
#include <windows.h>
#include <httpserv.h>

static IHttpServer* g_pHttpServer = NULL;

class CPreBeginModule : public CGlobalModule {
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IN IPreBeginRequestProvider* pProvider) override {
        IHttpContext* pHttpContext = pProvider->GetHttpContext();
        DWORD cchName = 0;
        PCSTR pszName = NULL;
        if (SUCCEEDED(pHttpContext->GetServerVariable("SERVER_NAME", &pszName, &cchName)) &&
            cchName > 0) {
            char message[256];
            message[0] = '\0';
            strncat(message, pszName, cchName < 200 ? cchName : 200);
            OutputDebugStringA(message);
        }
        return GL_NOTIFICATION_CONTINUE;
    }

    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(
        IN IHttpApplicationStartProvider* pProvider) override {
        IHttpApplication* pApplication = pProvider->GetApplication();
        if (pApplication && g_pHttpServer && !g_pHttpServer->IsCommandLineLaunch())
            OutputDebugStringW(pApplication->GetApplicationPhysicalPath());
        return GL_NOTIFICATION_CONTINUE;
    }

    VOID Terminate() override { delete this; }
};

// Exported by attribute rather than a .def file, with C linkage: httpserv.h must declare no
// RegisterModule of its own for this to compile (REG-1).
extern "C" __declspec(dllexport) HRESULT __stdcall RegisterModule(
    DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo) {
    UNREFERENCED_PARAMETER(dwServerVersion);
    g_pHttpServer = pGlobalInfo;
    CPreBeginModule* pGlobalModule = new CPreBeginModule;
    if (pGlobalModule == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    return pModuleInfo->SetGlobalNotifications(pGlobalModule,
                                               GL_PRE_BEGIN_REQUEST | GL_APPLICATION_START);
}
