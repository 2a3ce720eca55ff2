// UrlRewriter: moves a retired folder, written with ATL's CString as many module authors do:
// a request for /old/<rest>[?query] (any case) continues as /new/<rest>[?query], with the
// original URL kept in an X-Original-URL request header for the application and a line to the
// debugger. Non-Unicode build: CString is CStringA.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <atlstr.h>

static const char g_szRetiredPrefix[] = "/old/";
static const char g_szCurrentPrefix[] = "/new/";

class CUrlRewriterModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnBeginRequest(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        IHttpRequest * pRequest = pHttpContext->GetRequest();
        const HTTP_REQUEST * pRawRequest = pRequest->GetRawHttpRequest();
        if (pRawRequest->pRawUrl == NULL || pRawRequest->RawUrlLength == 0)
        {
            return RQ_NOTIFICATION_CONTINUE;
        }

        CString strUrl(pRawRequest->pRawUrl, pRawRequest->RawUrlLength);
        CString strPath(strUrl);
        CString strQuery;
        int iQuery = strUrl.Find('?');
        if (iQuery >= 0)
        {
            strPath = strUrl.Left(iQuery);
            strQuery = strUrl.Mid(iQuery);
        }

        CString strLowerPath(strPath);
        strLowerPath.MakeLower();
        if (strLowerPath.Find(g_szRetiredPrefix) != 0)
        {
            return RQ_NOTIFICATION_CONTINUE;
        }

        CString strNewUrl(g_szCurrentPrefix);
        strNewUrl += strPath.Mid(static_cast<int>(strlen(g_szRetiredPrefix)));
        strNewUrl.Replace("//", "/");
        strNewUrl += strQuery;

        HRESULT hr = pRequest->SetHeader("X-Original-URL", strUrl,
                                         static_cast<USHORT>(strUrl.GetLength()), TRUE);
        if (SUCCEEDED(hr))
        {
            hr = pRequest->SetUrl(strNewUrl.GetString(),
                                  static_cast<DWORD>(strNewUrl.GetLength()), FALSE);
        }
        if (FAILED(hr))
        {
            pProvider->SetErrorStatus(hr);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }

        CString strMessage;
        strMessage.Format("UrlRewriter: %s -> %s\n", strUrl.GetString(), strNewUrl.GetString());
        OutputDebugStringA(strMessage);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CUrlRewriterFactory : public IHttpModuleFactory
{
public:
    virtual ~CUrlRewriterFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CUrlRewriterModule;
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
    UNREFERENCED_PARAMETER(pGlobalInfo);
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CUrlRewriterFactory,
                                                      RQ_BEGIN_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    return pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST,
                                                          PRIORITY_ALIAS_FIRST);
}
