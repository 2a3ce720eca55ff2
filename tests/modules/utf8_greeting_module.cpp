// Utf8Greeting: a handler that greets the user named in the X-User-Name request header, which
// clients send as UTF-8. The name is checked and measured with MultiByteToWideChar (CP_UTF8,
// MB_ERR_INVALID_CHARS): invalid UTF-8 is answered 400 with the Win32 error as an HRESULT.
// The body lives in request memory, as IIS reads it after the handler returns.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <stdio.h>
#include <string.h>
#include <strsafe.h>

#define GREETING_MAX_NAME 128

class CUtf8GreetingHandler : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS
    OnExecuteRequestHandler(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        IHttpResponse * pResponse = pHttpContext->GetResponse();

        CHAR szName[GREETING_MAX_NAME * 4];
        USHORT cchHeader = 0;
        PCSTR pszHeader = pHttpContext->GetRequest()->GetHeader("X-User-Name", &cchHeader);
        if (pszHeader == NULL || cchHeader == 0 || cchHeader >= sizeof(szName))
        {
            strcpy_s(szName, _countof(szName), "stranger");
        }
        else
        {
            memcpy(szName, pszHeader, cchHeader);
            szName[cchHeader] = '\0';
        }

        WCHAR szWideName[GREETING_MAX_NAME];
        int cchWide = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, szName, -1, szWideName,
                                          _countof(szWideName));
        if (cchWide == 0)
        {
            HRESULT hr = HRESULT_FROM_WIN32(GetLastError());
            CHAR szError[64];
            sprintf_s(szError, _countof(szError), "bad name: 0x%08X",
                      static_cast<unsigned int>(hr));
            pResponse->SetStatus(400, "Bad Request", 0, hr);
            return WriteText(pHttpContext, szError);
        }

        // cchWide counts the terminator; characters outside the BMP count twice in UTF-16.
        int cUnits = cchWide - 1;
        size_t cbName = strlen(szName);
        CHAR szBody[GREETING_MAX_NAME * 4 + 64];
        HRESULT hr = StringCchPrintfA(szBody, _countof(szBody),
                                      "Hello, %s! (%d UTF-16 units, %d bytes)", szName, cUnits,
                                      static_cast<int>(cbName));
        if (FAILED(hr))
        {
            pResponse->SetStatus(500, "Internal Server Error", 0, hr);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        pResponse->SetHeader(HttpHeaderContentType, "text/plain; charset=utf-8",
                             static_cast<USHORT>(strlen("text/plain; charset=utf-8")), TRUE);
        return WriteText(pHttpContext, szBody);
    }

private:
    static REQUEST_NOTIFICATION_STATUS WriteText(IHttpContext * pHttpContext, PCSTR pszText)
    {
        DWORD cbText = static_cast<DWORD>(strlen(pszText));
        PSTR pszCopy = static_cast<PSTR>(pHttpContext->AllocateRequestMemory(cbText + 1));
        if (pszCopy == NULL)
        {
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error", 0,
                                                   E_OUTOFMEMORY);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        strcpy_s(pszCopy, cbText + 1, pszText);

        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = pszCopy;
        chunk.FromMemory.BufferLength = cbText;
        DWORD cbSent = 0;
        pHttpContext->GetResponse()->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
};

class CUtf8GreetingFactory : public IHttpModuleFactory
{
public:
    virtual ~CUtf8GreetingFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CUtf8GreetingHandler;
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
    return pModuleInfo->SetRequestNotifications(new CUtf8GreetingFactory,
                                                RQ_EXECUTE_REQUEST_HANDLER, 0);
}
