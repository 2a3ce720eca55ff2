// Hand-written test doubles of the SDK interfaces, used by the declaration tests and by the
// drop-in module test. They are deliberately NOT the library's fakes: each one overrides every
// method of IHttpRequest..IHttpRequest4 (or IHttpCompletionInfo/2) with `override`, repeats the
// SDK's default arguments, records which override ran and what it received, and returns fixed
// values. If an interface gains, loses or changes a method, this class stops compiling.
#ifndef IISFAKE_TESTS_UNIT_SUPPORT_MINIMAL_REQUEST_HPP_INCLUDED
#define IISFAKE_TESTS_UNIT_SUPPORT_MINIMAL_REQUEST_HPP_INCLUDED

#include <cstddef>
#include <cstring>
#include <string>

#include <iisfake/iisfake.hpp>

namespace iisfake_test {

class MinimalRequest final : public IHttpRequest4 {
public:
    // ---- what the double serves ----
    HTTP_REQUEST raw{};
    std::string method = "GET";
    std::string user_agent = "unit-test";  // the only header it knows; empty means absent
    std::string body;                      // read by all three ReadEntityBody forms
    std::size_t body_read = 0;
    mutable SOCKADDR local_address{};  // handed out as PSOCKADDR by const methods, as in IIS
    mutable SOCKADDR remote_address{};
    DWORD site_id = 1;

    // ---- what the double observed ----
    mutable const char* last_call = "";      // the SDK overload that ran last
    mutable const void* last_optional = nullptr;  // its trailing optional pointer argument
    mutable int calls = 0;
    BOOL last_async = FALSE;
    ULONG last_flags = 0;
    PFN_ASYNC_COMPLETION last_callback = nullptr;
    VOID* last_context = nullptr;
    std::wstring url_wide;
    std::string url_narrow;
    DWORD url_length = 0;
    BOOL url_reset_query = FALSE;

    // ---- IHttpRequest ----
    HTTP_REQUEST* GetRawHttpRequest(VOID) override {
        note("GetRawHttpRequest");
        return &raw;
    }
    const HTTP_REQUEST* GetRawHttpRequest(VOID) const override {
        note("GetRawHttpRequest const");
        return &raw;
    }
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override {
        note("GetHeader(PCSTR)", pcchHeaderValue);
        return header(iisfake::request_header_id(pszHeaderName) == HttpHeaderUserAgent,
                      pcchHeaderValue);
    }
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const override {
        note("GetHeader(HTTP_HEADER_ID)", pcchHeaderValue);
        return header(ulHeaderIndex == HttpHeaderUserAgent, pcchHeaderValue);
    }
    HRESULT SetHeader(PCSTR, PCSTR, USHORT, BOOL) override {
        note("SetHeader(PCSTR)");
        return S_OK;
    }
    HRESULT SetHeader(HTTP_HEADER_ID, PCSTR, USHORT, BOOL) override {
        note("SetHeader(HTTP_HEADER_ID)");
        return S_OK;
    }
    HRESULT DeleteHeader(PCSTR) override {
        note("DeleteHeader(PCSTR)");
        return S_OK;
    }
    HRESULT DeleteHeader(HTTP_HEADER_ID) override {
        note("DeleteHeader(HTTP_HEADER_ID)");
        return S_OK;
    }
    PCSTR GetHttpMethod(VOID) const override {
        note("GetHttpMethod");
        return method.c_str();
    }
    HRESULT SetHttpMethod(PCSTR pszHttpMethod) override {
        note("SetHttpMethod");
        method = pszHttpMethod;
        return S_OK;
    }
    HRESULT SetUrl(PCWSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override {
        note("SetUrl(PCWSTR)");
        url_wide.assign(pszUrl, cchUrl);
        url_length = cchUrl;
        url_reset_query = fResetQueryString;
        return S_OK;
    }
    HRESULT SetUrl(PCSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override {
        note("SetUrl(PCSTR)");
        url_narrow.assign(pszUrl, cchUrl);
        url_length = cchUrl;
        url_reset_query = fResetQueryString;
        return S_OK;
    }
    BOOL GetUrlChanged(VOID) const override {
        note("GetUrlChanged");
        return url_length != 0 ? TRUE : FALSE;
    }
    PCWSTR GetForwardedUrl(VOID) const override {
        note("GetForwardedUrl");
        return NULL;
    }
    PSOCKADDR GetLocalAddress(VOID) const override {
        note("GetLocalAddress");
        return &local_address;
    }
    PSOCKADDR GetRemoteAddress(VOID) const override {
        note("GetRemoteAddress");
        return &remote_address;
    }
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, DWORD* pcbBytesReceived,
                           BOOL* pfCompletionPending = NULL) override {
        note("IHttpRequest::ReadEntityBody", pfCompletionPending);
        last_async = fAsync;
        return read(pvBuffer, cbBuffer, pcbBytesReceived, pfCompletionPending);
    }
    HRESULT InsertEntityBody(VOID*, DWORD) override {
        note("InsertEntityBody");
        return S_OK;
    }
    DWORD GetRemainingEntityBytes(VOID) override {
        note("GetRemainingEntityBytes");
        return static_cast<DWORD>(body.size() - body_read);
    }
    VOID GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const override {
        note("GetHttpVersion");
        *pMajorVersion = 1;
        *pMinorVersion = 1;
    }
    HRESULT GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                 BOOL* pfClientCertNegotiated) override {
        note("GetClientCertificate");
        *ppClientCertInfo = NULL;
        *pfClientCertNegotiated = FALSE;
        return S_OK;
    }
    HRESULT NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending = NULL) override {
        note("NegotiateClientCertificate", pfCompletionPending);
        last_async = fAsync;
        if (pfCompletionPending != NULL) *pfCompletionPending = FALSE;
        return S_OK;
    }
    DWORD GetSiteId(VOID) const override {
        note("GetSiteId");
        return site_id;
    }
    HRESULT GetHeaderChanges(DWORD, DWORD* pdwNewChangeNumber, PCSTR*, DWORD*, PCSTR**, PCSTR**,
                             DWORD*, DWORD*, DWORD**) override {
        note("GetHeaderChanges");
        *pdwNewChangeNumber = 0;
        return S_OK;
    }

    // ---- IHttpRequest2 ----
    HRESULT GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) override {
        note("GetChannelBindingToken");
        *ppToken = NULL;
        *pTokenSize = 0;
        return S_OK;
    }

    // ---- IHttpRequest3 ----
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync,
                           PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID* pvCompletionContext,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        note("IHttpRequest3::ReadEntityBody", pfCompletionPending);
        last_async = fAsync;
        last_callback = pfnCompletionCallback;
        last_context = pvCompletionContext;
        return read(pvBuffer, cbBuffer, pcbBytesReceived, pfCompletionPending);
    }

    // ---- IHttpRequest4 ----
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, ULONG ulFlags,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        note("IHttpRequest4::ReadEntityBody", pfCompletionPending);
        last_async = fAsync;
        last_flags = ulFlags;
        return read(pvBuffer, cbBuffer, pcbBytesReceived, pfCompletionPending);
    }

private:
    void note(const char* what, const void* optional = nullptr) const {
        last_call = what;
        last_optional = optional;
        ++calls;
    }
    PCSTR header(bool user_agent_asked, USHORT* pcchHeaderValue) const {
        const bool known = user_agent_asked && !user_agent.empty();
        if (pcchHeaderValue != NULL)
            *pcchHeaderValue = known ? static_cast<USHORT>(user_agent.size()) : 0;
        return known ? user_agent.c_str() : NULL;
    }
    // Synchronous, inline completion; EOF once the body is consumed (as IIS reports it).
    HRESULT read(VOID* pvBuffer, DWORD cbBuffer, DWORD* pcbBytesReceived,
                 BOOL* pfCompletionPending) {
        if (pfCompletionPending != NULL) *pfCompletionPending = FALSE;
        if (pcbBytesReceived != NULL) *pcbBytesReceived = 0;
        const std::size_t left = body.size() - body_read;
        if (left == 0) return HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
        const std::size_t n = left < cbBuffer ? left : cbBuffer;
        std::memcpy(pvBuffer, body.data() + body_read, n);
        body_read += n;
        if (pcbBytesReceived != NULL) *pcbBytesReceived = static_cast<DWORD>(n);
        return S_OK;
    }
};

class MinimalCompletion final : public IHttpCompletionInfo2 {
public:
    DWORD bytes = 0;
    HRESULT status = S_OK;
    DWORD operation = 1;
    mutable const char* last_call = "";

    DWORD GetCompletionBytes(VOID) const override {
        last_call = "GetCompletionBytes";
        return bytes;
    }
    HRESULT GetCompletionStatus(VOID) const override {
        last_call = "GetCompletionStatus";
        return status;
    }
    DWORD GetCompletedOperation(VOID) const override {
        last_call = "GetCompletedOperation";
        return operation;
    }
};

}  // namespace iisfake_test

#endif
