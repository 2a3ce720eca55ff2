#ifndef IISFAKE_SDK_HTTP_RESPONSE_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_RESPONSE_HPP_INCLUDED

// IHttpResponse .. IHttpResponse4, exactly as httpserv.h declares them. IHttpResponse2's
// WriteEntityChunks and Flush hide the base overloads, as in the SDK: through an IHttpResponse2*
// only the callback forms are visible (T-17).

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("7e1c6b38-628f-4e6c-95dc-41237eb7f95e") IHttpResponse {
public:
    virtual HTTP_RESPONSE* GetRawHttpResponse(VOID) = 0;
    virtual const HTTP_RESPONSE* GetRawHttpResponse(VOID) const = 0;
    virtual IHttpCachePolicy* GetCachePolicy(VOID) = 0;
    virtual HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus = 0,
                              HRESULT hrErrorToReport = S_OK,
                              IAppHostConfigException* pException = NULL,
                              BOOL fTrySkipCustomErrors = FALSE) = 0;
    virtual HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                              BOOL fReplace) = 0;
    virtual HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue,
                              USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT DeleteHeader(PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) = 0;
    virtual PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual VOID Clear(VOID) = 0;
    virtual VOID ClearHeaders(VOID) = 0;
    virtual VOID SetNeedDisconnect(VOID) = 0;
    virtual VOID ResetConnection(VOID) = 0;
    virtual VOID DisableKernelCache(ULONG reason = 9) = 0;
    virtual BOOL GetKernelCacheEnabled(VOID) const = 0;
    virtual VOID SuppressHeaders(VOID) = 0;
    virtual BOOL GetHeadersSuppressed(VOID) const = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD* pcbSent,
                          BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode = TRUE,
                             BOOL fIncludeParameters = FALSE) = 0;
    virtual HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                                LONG lInsertPosition = -1) = 0;
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                                      BOOL fMoreData, DWORD* pcbSent,
                                      BOOL* pfCompletionExpected = NULL) = 0;
    virtual VOID DisableBuffering(VOID) = 0;
    virtual VOID GetStatus(USHORT* pStatusCode, USHORT* pSubStatus = NULL, PCSTR* ppszReason = NULL,
                           USHORT* pcchReason = NULL, HRESULT* phrErrorToReport = NULL,
                           PCWSTR* ppszModule = NULL, DWORD* pdwNotification = NULL,
                           IAppHostConfigException** ppException = NULL,
                           BOOL* pfTrySkipCustomErrors = NULL) = 0;
    virtual HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription,
                                        BOOL fHtmlEncode = TRUE) = 0;
    virtual PCWSTR GetErrorDescription(DWORD* pcchDescription = NULL) = 0;
    virtual HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                                     PCSTR knownHeaderSnapshot[HttpHeaderResponseMaximum],
                                     DWORD* pdwUnknownHeaderSnapshot,
                                     PCSTR** ppUnknownHeaderNameSnapshot,
                                     PCSTR** ppUnknownHeaderValueSnapshot,
                                     DWORD diffedKnownHeaderIndices[HttpHeaderResponseMaximum + 1],
                                     DWORD* pdwDiffedUnknownHeaders,
                                     DWORD** ppDiffedUnknownHeaderIndices) = 0;
    virtual VOID CloseConnection(VOID) = 0;

protected:
    ~IHttpResponse() = default;
};

class IISFAKE_UUID("0822c871-f14e-4974-a1e6-5b3c1f09b76a") IHttpResponse2 : public IHttpResponse {
public:
    // Both hide the base overloads, as in the SDK (no using-declaration, T-17).
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                                      BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                                      VOID* pvCompletionContext, DWORD* pcbSent,
                                      BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                          VOID* pvCompletionContext, DWORD* pcbSent,
                          BOOL* pfCompletionExpected = NULL) = 0;

protected:
    ~IHttpResponse2() = default;
};

class IISFAKE_UUID("19578e49-d080-45da-b673-96cb475d3c5d") IHttpResponse3 : public IHttpResponse2 {
public:
    virtual HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders,
                                PCSTR* rgHeaderNames, PCSTR* rgHeaderValues) = 0;

protected:
    ~IHttpResponse3() = default;
};

class IISFAKE_UUID("1a2acc57-cae2-4f28-b4ab-00c8f96b12ec") IHttpResponse4 : public IHttpResponse3 {
public:
    virtual HRESULT DeleteTrailer(PCSTR pszHeaderName) = 0;
    virtual PCSTR GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual VOID ResetStream(ULONG errorCode) = 0;
    virtual VOID SetNeedGoAway(VOID) = 0;
    virtual HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                               BOOL fReplace) = 0;

protected:
    ~IHttpResponse4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
