// AsyncWorker: a handler that hands each request to a thread of its own (CreateThread), returns
// RQ_NOTIFICATION_PENDING, and lets the thread write the answer and resume the request with
// IHttpContext::PostCompletion. The response buffers come from a lock-free free list (SLIST) so
// that a busy server does not allocate per request; the module waits for its thread in Dispose.
// GET /work?<text> answers "digest=<8 hex digits> length=<n>" for the query text.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <stdio.h>

struct WORKER_BUFFER
{
    SLIST_ENTRY ListEntry;
    CHAR        szBody[64];
};

static SLIST_HEADER g_FreeBuffers;
static LONG g_cBuffersAllocated = 0;

static WORKER_BUFFER * AcquireBuffer()
{
    PSLIST_ENTRY pEntry = InterlockedPopEntrySList(&g_FreeBuffers);
    if (pEntry != NULL)
    {
        return CONTAINING_RECORD(pEntry, WORKER_BUFFER, ListEntry);
    }
    InterlockedIncrement(&g_cBuffersAllocated);
    return new WORKER_BUFFER;
}

static void ReleaseBuffer(WORKER_BUFFER * pBuffer)
{
    InterlockedPushEntrySList(&g_FreeBuffers, &pBuffer->ListEntry);
}

class CAsyncWorkerModule : public CHttpModule
{
public:
    CAsyncWorkerModule()
        : m_pHttpContext(NULL), m_hThread(NULL), m_pBuffer(NULL), m_cbBody(0)
    {
    }

    REQUEST_NOTIFICATION_STATUS
    OnExecuteRequestHandler(
        IN IHttpContext *       pHttpContext,
        IN IHttpEventProvider * pProvider
    ) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        m_pHttpContext = pHttpContext;
        m_pBuffer = AcquireBuffer();
        if (m_pBuffer == NULL)
        {
            pHttpContext->GetResponse()->SetStatus(503, "Service Unavailable");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }

        DWORD dwThreadId = 0;
        m_hThread = CreateThread(NULL, 0, WorkerThreadProc, this, 0, &dwThreadId);
        if (m_hThread == NULL)
        {
            HRESULT hr = HRESULT_FROM_WIN32(GetLastError());
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error", 0, hr);
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        // The thread may already have posted its completion: IIS keeps it until we return.
        return RQ_NOTIFICATION_PENDING;
    }

    REQUEST_NOTIFICATION_STATUS
    OnAsyncCompletion(
        IN IHttpContext *           pHttpContext,
        IN DWORD                    dwNotification,
        IN BOOL                     fPostNotification,
        IN IHttpEventProvider *     pProvider,
        IN IHttpCompletionInfo *    pCompletionInfo
    ) override
    {
        UNREFERENCED_PARAMETER(dwNotification);
        UNREFERENCED_PARAMETER(fPostNotification);
        UNREFERENCED_PARAMETER(pProvider);
        if (FAILED(pCompletionInfo->GetCompletionStatus()) ||
            pCompletionInfo->GetCompletionBytes() != m_cbBody)
        {
            pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error");
        }
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }

    VOID Dispose() override
    {
        if (m_hThread != NULL)
        {
            WaitForSingleObject(m_hThread, INFINITE);
            CloseHandle(m_hThread);
            m_hThread = NULL;
        }
        if (m_pBuffer != NULL)
        {
            ReleaseBuffer(m_pBuffer);
            m_pBuffer = NULL;
        }
        delete this;
    }

private:
    virtual ~CAsyncWorkerModule() {}

    static DWORD WINAPI WorkerThreadProc(LPVOID pParameter)
    {
        static_cast<CAsyncWorkerModule *>(pParameter)->Work();
        return 0;
    }

    void Work()
    {
        PCSTR pszQuery = NULL;
        DWORD cchQuery = 0;
        if (FAILED(m_pHttpContext->GetServerVariable("QUERY_STRING", &pszQuery, &cchQuery)))
        {
            pszQuery = "";
            cchQuery = 0;
        }
        // FNV-1a, the work a back end would do.
        DWORD dwDigest = 2166136261u;
        for (DWORD i = 0; i < cchQuery; i++)
        {
            dwDigest ^= static_cast<BYTE>(pszQuery[i]);
            dwDigest *= 16777619u;
        }
        unsigned int uDigest = dwDigest;
        unsigned int uLength = cchQuery;
        int cch = sprintf_s(m_pBuffer->szBody, _countof(m_pBuffer->szBody),
                            "digest=%08X length=%u", uDigest, uLength);
        m_cbBody = cch > 0 ? static_cast<DWORD>(cch) : 0;

        IHttpResponse * pResponse = m_pHttpContext->GetResponse();
        pResponse->SetStatus(200, "OK");
        pResponse->SetHeader(HttpHeaderContentType, "text/plain", 10, TRUE);
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = m_pBuffer->szBody;
        chunk.FromMemory.BufferLength = m_cbBody;
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &cbSent);
        m_pHttpContext->PostCompletion(m_cbBody);
        // From here on the request may be over: neither the context nor this is touched.
    }

    IHttpContext *      m_pHttpContext;
    HANDLE              m_hThread;
    WORKER_BUFFER *     m_pBuffer;
    DWORD               m_cbBody;
};

class CAsyncWorkerFactory : public IHttpModuleFactory
{
public:
    virtual ~CAsyncWorkerFactory() {}

    HRESULT
    GetHttpModule(
        OUT CHttpModule **      ppModule,
        IN IModuleAllocator *   pAllocator
    ) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CAsyncWorkerModule;
        return S_OK;
    }

    VOID Terminate() override
    {
        PSLIST_ENTRY pEntry;
        while ((pEntry = InterlockedPopEntrySList(&g_FreeBuffers)) != NULL)
        {
            delete CONTAINING_RECORD(pEntry, WORKER_BUFFER, ListEntry);
            InterlockedDecrement(&g_cBuffersAllocated);
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
    InitializeSListHead(&g_FreeBuffers);
    return pModuleInfo->SetRequestNotifications(new CAsyncWorkerFactory,
                                                RQ_EXECUTE_REQUEST_HANDLER, 0);
}
