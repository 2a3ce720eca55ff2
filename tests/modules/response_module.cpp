// A handler in the older samples' style: `virtual` with `__override` instead of `override`, SAL 2
// annotations, a response written as HTTP_DATA_CHUNKs through WriteEntityChunks and an
// APIENTRY-declared helper, with a precompiled-header-style include block.
#define _WINSOCKAPI_
#include <Windows.h>
#include <sal.h>
#include <HttpServ.h>
#include <Httptrace.h>

static HRESULT APIENTRY WriteText(_In_ IHttpResponse* pHttpResponse, _In_z_ PCSTR pszText) {
    HTTP_DATA_CHUNK dataChunk;
    dataChunk.DataChunkType = HttpDataChunkFromMemory;
    dataChunk.FromMemory.pBuffer = const_cast<PSTR>(pszText);
    dataChunk.FromMemory.BufferLength = static_cast<ULONG>(strlen(pszText));
    DWORD cbSent = 0;
    BOOL fCompletionExpected = FALSE;
    return pHttpResponse->WriteEntityChunks(&dataChunk, 1, FALSE, FALSE, &cbSent,
                                            &fCompletionExpected);
}

class CHelloHandler : public CHttpModule {
public:
    virtual REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(
        _In_ IHttpContext* pHttpContext, _In_ IHttpEventProvider* pProvider) __override {
        UNREFERENCED_PARAMETER(pProvider);
        IHttpResponse* pHttpResponse = pHttpContext->GetResponse();
        pHttpResponse->Clear();
        pHttpResponse->SetHeader(HttpHeaderContentType, "text/plain",
                                 static_cast<USHORT>(strlen("text/plain")), TRUE);
        if (FAILED(WriteText(pHttpResponse, "Hello World"))) {
            pHttpResponse->SetStatus(500, "Server Error");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    virtual VOID Dispose() __override { delete this; }
};

class CHelloFactory : public IHttpModuleFactory {
public:
    virtual ~CHelloFactory() {}
    virtual HRESULT GetHttpModule(_Outptr_ CHttpModule** ppModule,
                                  _In_ IModuleAllocator* pAllocator) __override {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CHelloHandler;
        return S_OK;
    }
    virtual void Terminate() __override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo) {
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new CHelloFactory, RQ_EXECUTE_REQUEST_HANDLER, 0);
}
