// 110: a module that decides per request from server variables and keeps per-request state in
// the module context container, as most real modules do (ModSecurity, iisnode, ANCM): the state
// is stored once, found again in a later notification, and cleaned up once at the request's end.

#include <cstring>
#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

int g_cStatesAlive = 0;

class RequestState : public IHttpStoredContext {
public:
    RequestState() { ++g_cStatesAlive; }
    std::string clientAddress;
    bool fBehindProxy = false;
    VOID CleanupStoredContext() override { delete this; }

private:
    virtual ~RequestState() { --g_cStatesAlive; }
};

HTTP_MODULE_ID g_pModuleId = &g_cStatesAlive;  // RegisterModule's GetId() in a real module

// OnBeginRequest: who is the client? The proxy's header wins over the socket address.
HRESULT OnBegin(IHttpContext* pHttpContext) {
    RequestState* pState = new RequestState;
    PCSTR pszValue = NULL;
    DWORD cchValue = 0;
    HRESULT hr = pHttpContext->GetServerVariable("HTTP_X_FORWARDED_FOR", &pszValue, &cchValue);
    if (SUCCEEDED(hr) && cchValue > 0) {
        const char* pszComma = static_cast<const char*>(memchr(pszValue, ',', cchValue));
        pState->clientAddress.assign(
            pszValue, pszComma ? static_cast<size_t>(pszComma - pszValue) : cchValue);
        pState->fBehindProxy = true;
    } else if (hr == HRESULT_FROM_WIN32(ERROR_INVALID_INDEX)) {
        // No such header: the socket's address.
        hr = pHttpContext->GetServerVariable("REMOTE_ADDR", &pszValue, &cchValue);
        if (FAILED(hr)) {
            pState->CleanupStoredContext();
            return hr;
        }
        pState->clientAddress.assign(pszValue, cchValue);
    } else {
        pState->CleanupStoredContext();
        return hr;
    }
    hr = pHttpContext->GetModuleContextContainer()->SetModuleContext(pState, g_pModuleId);
    if (FAILED(hr)) pState->CleanupStoredContext();
    return hr;
}

// OnEndRequest: log line from the stored state.
std::string OnEnd(IHttpContext* pHttpContext) {
    RequestState* pState = static_cast<RequestState*>(
        pHttpContext->GetModuleContextContainer()->GetModuleContext(g_pModuleId));
    if (pState == NULL) return "no state";
    return pState->clientAddress + (pState->fBehindProxy ? " via proxy" : " direct");
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("the client address comes from the socket without a proxy header", "[example][110]") {
    iisfake::FakeHttpContext context(
        iisfake::RequestBuilder().remote_address("203.0.113.9", 51000));
    REQUIRE(OnBegin(&context) == S_OK);
    CHECK(OnEnd(&context) == "203.0.113.9 direct");
}

TEST_CASE("behind a proxy, the first X-Forwarded-For address wins", "[example][110]") {
    iisfake::FakeHttpContext context(
        iisfake::RequestBuilder().header("X-Forwarded-For", "198.51.100.4, 10.0.0.2"));
    REQUIRE(OnBegin(&context) == S_OK);
    CHECK(OnEnd(&context) == "198.51.100.4 via proxy");
}

TEST_CASE("the state is cleaned up exactly once when the request ends", "[example][110]") {
    {
        iisfake::FakeHttpContext context;
        REQUIRE(OnBegin(&context) == S_OK);
        CHECK(g_cStatesAlive == 1);
        // A second OnBegin for the same request (a module registered twice) is a misuse IIS
        // answers with ERROR_ALREADY_ASSIGNED; the module must not leak its second state.
        context.set_misuse_handler(iisfake::ignore_misuse);
        CHECK(OnBegin(&context) == HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        CHECK(g_cStatesAlive == 1);
    }
    CHECK(g_cStatesAlive == 0);
}

TEST_CASE("a failing server variable lookup fails the notification", "[example][110]") {
    iisfake::FakeHttpContext context;
    context.fail(iisfake::Method::GetServerVariable, E_OUTOFMEMORY);
    CHECK(OnBegin(&context) == E_OUTOFMEMORY);
    CHECK(OnEnd(&context) == "no state");
    CHECK(g_cStatesAlive == 0);
}
