// A translation unit shaped like an IIS module source (spec T-19a): it includes the SDK headers
// by their Windows names, exactly as the docs' samples do, and finds iisfake's drop-ins (the
// CMake file puts include/iisfake/dropin on the include path of dropin_*.cpp). The module code
// below uses only SDK spellings; the TEST_CASE drives it with a hand-written IHttpRequest4.
#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>
#include <http.h>

#include <cwchar>
#include <string>

#include "catch.hpp"
#include "support/minimal_request.hpp"

namespace {

// ---- module code: SDK spellings only --------------------------------------------------------

struct BODY_SUMMARY {
    DWORD cbBody;
    DWORD cReads;
    USHORT cchUserAgent;
    BOOL fHttp11;
    BOOL fRewritten;
};

HRESULT
SummarizeRequest(
    IN IHttpRequest *           pHttpRequest,
    _In_opt_ VOID *             pvReserved,
    _Out_writes_bytes_all_(cbScratch) BYTE * pbScratch,
    _In_ DWORD                  cbScratch,
    OUT BODY_SUMMARY *          pSummary
)
{
    UNREFERENCED_PARAMETER( pvReserved );
    HRESULT hr = S_OK;

    pSummary->cbBody = 0;
    pSummary->cReads = 0;
    pSummary->cchUserAgent = 0;
    pSummary->fHttp11 = FALSE;
    pSummary->fRewritten = FALSE;

    PCSTR pszUserAgent = pHttpRequest->GetHeader( HttpHeaderUserAgent, &pSummary->cchUserAgent );
    if ( pszUserAgent == NULL )
    {
        return HRESULT_FROM_WIN32( ERROR_NOT_FOUND );
    }

    USHORT uMajor = 0;
    USHORT uMinor = 0;
    pHttpRequest->GetHttpVersion( &uMajor, &uMinor );
    pSummary->fHttp11 = ( uMajor == 1 && uMinor == 1 ) ? TRUE : FALSE;

    PCWSTR pszNewUrl = L"/rewritten/default.aspx";
    hr = pHttpRequest->SetUrl( pszNewUrl, static_cast<DWORD>( wcslen( pszNewUrl ) ), FALSE );
    if ( FAILED( hr ) )
    {
        return hr;
    }
    pSummary->fRewritten = pHttpRequest->GetUrlChanged();

    // The C-style downcast of real modules, spelled for -Wold-style-cast.
    IHttpRequest3 * pHttpRequest3 = static_cast<IHttpRequest3 *>( pHttpRequest );

    while ( pHttpRequest->GetRemainingEntityBytes() > 0 || pSummary->cReads == 0 )
    {
        DWORD cbRead = 0;
        BOOL fCompletionPending = FALSE;
        hr = pHttpRequest3->ReadEntityBody( pbScratch, cbScratch, FALSE, NULL, NULL,
                                            &cbRead, &fCompletionPending );
        if ( hr == HRESULT_FROM_WIN32( ERROR_HANDLE_EOF ) )
        {
            hr = S_OK;
            break;
        }
        if ( FAILED( hr ) )
        {
            return hr;
        }
        pSummary->cbBody += cbRead;
        pSummary->cReads++;
    }

    const HTTP_REQUEST * pRawRequest = pHttpRequest->GetRawHttpRequest();
    if ( pRawRequest->Verb == HttpVerbHEAD && pSummary->cbBody != 0 )
    {
        return E_UNEXPECTED;
    }
    return hr;
}

}  // namespace

// ---- the test -------------------------------------------------------------------------------

TEST_CASE("T-19a: module source including <windows.h> <sal.h> <httpserv.h> <http.h> compiles and runs") {
    iisfake_test::MinimalRequest request;
    request.body = "0123456789";  // 10 bytes, read 4 at a time
    request.raw.Verb = HttpVerbPOST;
    IHttpRequest* pHttpRequest = &request;

    BYTE scratch[4] = {};
    BODY_SUMMARY summary = {};
    const HRESULT hr = SummarizeRequest(pHttpRequest, NULL, scratch, sizeof scratch, &summary);

    CHECK(hr == S_OK);
    CHECK(summary.cbBody == 10u);
    CHECK(summary.cReads == 3u);
    CHECK(summary.cchUserAgent == 9);
    CHECK(summary.fHttp11 == TRUE);
    CHECK(summary.fRewritten == TRUE);
    CHECK(request.url_wide == L"/rewritten/default.aspx");
    CHECK(request.url_length == 23u);
    CHECK(std::string(request.last_call) == "GetRawHttpRequest");
}

TEST_CASE("T-19a: module source sees the HRESULTs of a missing header and of an empty body") {
    iisfake_test::MinimalRequest request;
    BYTE scratch[4] = {};
    BODY_SUMMARY summary = {};

    SECTION("no User-Agent: HRESULT_FROM_WIN32(ERROR_NOT_FOUND)") {
        request.user_agent = "";
        const HRESULT hr = SummarizeRequest(&request, NULL, scratch, sizeof scratch, &summary);
        CHECK(hr == HRESULT_FROM_WIN32(ERROR_NOT_FOUND));
        CHECK(FAILED(hr));
        CHECK(HRESULT_CODE(hr) == ERROR_NOT_FOUND);
        CHECK(summary.fRewritten == FALSE);
    }
    SECTION("an empty body: one read that reports EOF, then S_OK") {
        request.body = "";
        CHECK(SummarizeRequest(&request, NULL, scratch, sizeof scratch, &summary) == S_OK);
        CHECK(summary.cbBody == 0u);
        CHECK(summary.cReads == 0u);
        CHECK(summary.fRewritten == TRUE);
    }
}
