#ifndef IISFAKE_SDK_IISWEBSOCKET_HPP_INCLUDED
#define IISFAKE_SDK_IISWEBSOCKET_HPP_INCLUDED

// The IIS SDK's <iiswebsocket.h> (IIS 8 and later): IWebSocketContext, which the WebSocket
// module stores in a request's module context container under the name IIS_WEBSOCKET, and the
// completion it calls. The SDK gives this interface no GUID.

#include "iisfake/sdk/containers.hpp"

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <iiswebsocket.h>
#else

#define IIS_WEBSOCKET L"websockets"
#define IIS_WEBSOCKET_SERVER_VARIABLE "IIS_WEBSOCK"

typedef VOID(WINAPI* PFN_WEBSOCKET_COMPLETION)(HRESULT hrError, VOID* pvCompletionContext,
                                               DWORD cbIO, BOOL fUTF8Encoded,
                                               BOOL fFinalFragment, BOOL fClose);

class IWebSocketContext : public IHttpStoredContext {
public:
    virtual HRESULT WriteFragment(VOID* pData, DWORD* pcbSent, BOOL fAsync, BOOL fUTF8Encoded,
                                  BOOL fFinalFragment, PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                  VOID* pvCompletionContext = NULL,
                                  BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT ReadFragment(VOID* pData, DWORD* pcbData, BOOL fAsync, BOOL* pfUTF8Encoded,
                                 BOOL* pfFinalFragment, BOOL* pfConnectionClose,
                                 PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                 VOID* pvCompletionContext = NULL,
                                 BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT SendConnectionClose(BOOL fAsync, USHORT uStatusCode, LPCWSTR pszReason = NULL,
                                        PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                        VOID* pvCompletionContext = NULL,
                                        BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT GetCloseStatus(USHORT* pStatusCode, LPCWSTR* ppszReason = NULL,
                                   USHORT* pcchReason = NULL) = 0;
    virtual VOID CloseTcpConnection(VOID) = 0;
    virtual VOID CancelOutstandingIO(VOID) = 0;

protected:
    ~IWebSocketContext() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
