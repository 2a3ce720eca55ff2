// 030: URL rewriting with IHttpRequest::SetUrl. One rule maps old URLs onto the application and
// merges the query strings; another sends /api/ to a different server, which IIS does not map
// to a local handler but reports through GetForwardedUrl. Both rules stay out of the way of a
// module that already rewrote the request (GetUrlChanged).

#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

const WCHAR g_szLegacyPrefix[] = L"/legacy/";
const WCHAR g_szApiPrefix[] = L"/api/";
const CHAR g_szApiServer[] = "http://backend.internal:8080";

bool StartsWith(const std::wstring& text, const WCHAR* pszPrefix, size_t cchPrefix) {
    return text.size() >= cchPrefix && text.compare(0, cchPrefix, pszPrefix) == 0;
}

// Called from OnBeginRequest.
HRESULT ApplyRewriteRules(IHttpRequest* pHttpRequest) {
    if (pHttpRequest->GetUrlChanged()) {
        return S_OK;  // an earlier module rewrote this request: its rewrite wins
    }

    // The cooked URL: decoded path, and the query with its leading '?'. Lengths are in bytes.
    const HTTP_REQUEST* pRawRequest = pHttpRequest->GetRawHttpRequest();
    const HTTP_COOKED_URL& cookedUrl = pRawRequest->CookedUrl;
    const std::wstring path(cookedUrl.pAbsPath, cookedUrl.AbsPathLength / sizeof(WCHAR));
    std::wstring query;
    if (cookedUrl.pQueryString != NULL && cookedUrl.QueryStringLength > sizeof(WCHAR)) {
        query.assign(cookedUrl.pQueryString + 1, cookedUrl.QueryStringLength / sizeof(WCHAR) - 1);
    }

    // /legacy/<page>?<query>  ->  /app/index.aspx?page=<page>&<query>
    const size_t cchLegacy = sizeof(g_szLegacyPrefix) / sizeof(WCHAR) - 1;
    if (StartsWith(path, g_szLegacyPrefix, cchLegacy) && path.size() > cchLegacy) {
        std::wstring newUrl = L"/app/index.aspx?page=" + path.substr(cchLegacy);
        if (!query.empty()) {
            newUrl += L"&" + query;
        }
        // TRUE: the query string becomes what follows the '?' in newUrl.
        return pHttpRequest->SetUrl(newUrl.c_str(), static_cast<DWORD>(newUrl.size()), TRUE);
    }

    // /api/...  ->  the API server, with the URL exactly as the client sent it.
    const size_t cchApi = sizeof(g_szApiPrefix) / sizeof(WCHAR) - 1;
    if (StartsWith(path, g_szApiPrefix, cchApi)) {
        std::string target = g_szApiServer;
        target.append(pRawRequest->pRawUrl, pRawRequest->RawUrlLength);
        return pHttpRequest->SetUrl(target.c_str(), static_cast<DWORD>(target.size()), FALSE);
    }
    return S_OK;
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("legacy URLs are rewritten onto the application", "[example][030]") {
    SECTION("the client's query string is merged in") {
        iisfake::FakeHttpRequest request(iisfake::RequestBuilder().url("/legacy/about?lang=fr"));
        IHttpRequest* pHttpRequest = &request;

        REQUIRE(ApplyRewriteRules(pHttpRequest) == S_OK);

        CHECK(pHttpRequest->GetUrlChanged());
        CHECK(pHttpRequest->GetForwardedUrl() == nullptr);  // served here, not forwarded
        const HTTP_COOKED_URL& cooked = pHttpRequest->GetRawHttpRequest()->CookedUrl;
        CHECK(std::wstring(cooked.pQueryString, cooked.QueryStringLength / sizeof(WCHAR)) ==
              L"?page=about&lang=fr");
        CHECK(request.url() == "/app/index.aspx?page=about&lang=fr");
        CHECK(request.raw_url() == "/legacy/about?lang=fr");  // pRawUrl keeps what was sent
    }
    SECTION("no query string") {
        iisfake::FakeHttpRequest request(iisfake::RequestBuilder().url("/legacy/contact"));
        REQUIRE(ApplyRewriteRules(&request) == S_OK);
        CHECK(request.url() == "/app/index.aspx?page=contact");
    }
}

TEST_CASE("other URLs are left alone", "[example][030]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().url("/static/site.css?v=3"));
    IHttpRequest* pHttpRequest = &request;

    REQUIRE(ApplyRewriteRules(pHttpRequest) == S_OK);

    CHECK_FALSE(pHttpRequest->GetUrlChanged());
    CHECK(request.url() == "/static/site.css?v=3");
    for (const iisfake::Call& call : request.calls()) {
        CHECK(call.method != iisfake::Method::SetUrl);
    }
}

TEST_CASE("a rewrite by an earlier module wins", "[example][030]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().url("/index.html"));
    IHttpRequest* pHttpRequest = &request;
    const WCHAR szEarlier[] = L"/legacy/home";  // what an earlier module rewrote it to
    const DWORD cchEarlier = static_cast<DWORD>(sizeof(szEarlier) / sizeof(WCHAR) - 1);
    REQUIRE(pHttpRequest->SetUrl(szEarlier, cchEarlier, FALSE) == S_OK);

    REQUIRE(ApplyRewriteRules(pHttpRequest) == S_OK);

    CHECK(request.url() == "/legacy/home");
}

TEST_CASE("/api/ requests are forwarded to the API server", "[example][030]") {
    iisfake::FakeHttpRequest request(iisfake::RequestBuilder().url("/api/orders%20due?id=7"));
    IHttpRequest* pHttpRequest = &request;

    REQUIRE(ApplyRewriteRules(pHttpRequest) == S_OK);

    REQUIRE(pHttpRequest->GetForwardedUrl() != nullptr);
    CHECK(std::wstring(pHttpRequest->GetForwardedUrl()) ==
          L"http://backend.internal:8080/api/orders%20due?id=7");
    CHECK(pHttpRequest->GetUrlChanged());
    CHECK(request.url() == "/api/orders due?id=7");  // the local URL is not touched
}
