#ifndef IISFAKE_SDK_HTTP_REQUEST_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_REQUEST_HPP_INCLUDED

// IHttpRequest .. IHttpRequest4 exactly as httpserv.h declares them: names, declaration (vtable)
// order, overloads, const, default arguments. ReadEntityBody in IHttpRequest3 and
// IHttpRequest4 hides the base overloads, as in the SDK (no using-declaration): through an
// IHttpRequest3* only the callback form is visible. The protected destructors keep the SDK's
// vtable while forbidding delete through an interface pointer.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("e8698f7e-576e-4cac-a309-67435355faef") IHttpRequest {
public:
    virtual HTTP_REQUEST* GetRawHttpRequest(VOID) = 0;
    virtual const HTTP_REQUEST* GetRawHttpRequest(VOID) const = 0;

    virtual PCSTR GetHeader(_In_ PCSTR pszHeaderName,
                            _Out_ USHORT* pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(_In_ HTTP_HEADER_ID ulHeaderIndex,
                            _Out_ USHORT* pcchHeaderValue = NULL) const = 0;

    virtual HRESULT SetHeader(_In_ PCSTR pszHeaderName,
                              _In_reads_bytes_(cchHeaderValue) PCSTR pszHeaderValue,
                              _In_ USHORT cchHeaderValue, _In_ BOOL fReplace) = 0;
    virtual HRESULT SetHeader(_In_ HTTP_HEADER_ID ulHeaderIndex, _In_ PCSTR pszHeaderValue,
                              _In_ USHORT cchHeaderValue, _In_ BOOL fReplace) = 0;

    virtual HRESULT DeleteHeader(_In_ PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(_In_ HTTP_HEADER_ID ulHeaderIndex) = 0;

    virtual PCSTR GetHttpMethod(VOID) const = 0;
    virtual HRESULT SetHttpMethod(_In_ PCSTR pszHttpMethod) = 0;

    virtual HRESULT SetUrl(_In_reads_(cchUrl) PCWSTR pszUrl, _In_ DWORD cchUrl,
                           _In_ BOOL fResetQueryString) = 0;
    virtual HRESULT SetUrl(_In_reads_bytes_(cchUrl) PCSTR pszUrl, _In_ DWORD cchUrl,
                           _In_ BOOL fResetQueryString) = 0;

    virtual BOOL GetUrlChanged(VOID) const = 0;
    virtual PCWSTR GetForwardedUrl(VOID) const = 0;
    virtual PSOCKADDR GetLocalAddress(VOID) const = 0;
    virtual PSOCKADDR GetRemoteAddress(VOID) const = 0;

    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync,
                                   _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;
    virtual HRESULT InsertEntityBody(_In_ VOID* pvBuffer, _In_ DWORD cbBuffer) = 0;
    virtual DWORD GetRemainingEntityBytes(VOID) = 0;

    virtual VOID GetHttpVersion(_Out_ USHORT* pMajorVersion, _Out_ USHORT* pMinorVersion) const = 0;

    virtual HRESULT GetClientCertificate(_Outptr_ HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                         _Out_ BOOL* pfClientCertNegotiated) = 0;
    virtual HRESULT NegotiateClientCertificate(_In_ BOOL fAsync,
                                               _Out_ BOOL* pfCompletionPending = NULL) = 0;

    virtual DWORD GetSiteId(VOID) const = 0;

    virtual HRESULT GetHeaderChanges(_In_ DWORD dwOldChangeNumber,
                                     _Out_ DWORD* pdwNewChangeNumber,
                                     _Inout_ PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum],
                                     _Inout_ DWORD* pdwUnknownHeaderSnapshot,
                                     _Inout_ PCSTR** ppUnknownHeaderNameSnapshot,
                                     _Inout_ PCSTR** ppUnknownHeaderValueSnapshot,
                                     _Out_ DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1],
                                     _Out_ DWORD* pdwDiffedUnknownHeaders,
                                     _Out_ DWORD** ppDiffedUnknownHeaderIndices) = 0;

protected:
    ~IHttpRequest() = default;
};

class IISFAKE_UUID("d9244ae1-51f8-4aa1-a66d-19277c33e610") IHttpRequest2 : public IHttpRequest {
public:
    virtual HRESULT GetChannelBindingToken(_Outptr_ PBYTE* ppToken, DWORD* pTokenSize) = 0;

protected:
    ~IHttpRequest2() = default;
};

class IISFAKE_UUID("b32e4e0f-4057-4feb-aeab-7b69c03c6314") IHttpRequest3 : public IHttpRequest2 {
public:
    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync,
                                   _In_ PFN_ASYNC_COMPLETION pfnCompletionCallback,
                                   _In_ VOID* pvCompletionContext, _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;

protected:
    ~IHttpRequest3() = default;
};

// Not in the documentation; present in current SDKs. The ulFlags values are unpublished.
class IISFAKE_UUID("3816f517-f631-49f0-8b51-16d6f0c6ffb2") IHttpRequest4 : public IHttpRequest3 {
public:
    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync, _In_ ULONG ulFlags,
                                   _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;

protected:
    ~IHttpRequest4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
