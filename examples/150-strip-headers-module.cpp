// 150: a whole module configured by its own section, as IIS modules are: it removes response
// headers (Server, X-Powered-By, ...) listed in <system.webServer><stripHeaders>, read per
// request through IHttpServer::GetAdminManager()->GetAdminSection(section, configPath) with
// plain COM calls: BSTRs from SysAllocString, VARIANTs, Release on every interface, no
// <comdef.h>. It strips in OnSendResponse, on the send that carries the headers
// (GetHeadersBeingSent), so it also catches headers other modules add late.
//
//   <stripHeaders enabled="true">
//     <add name="Server" />
//     <add name="X-Powered-By" />
//   </stripHeaders>
//
// The tests describe that configuration in host.configuration() (per application, with
// <location>s), which the host's server serves through GetAdminManager, load the module with
// ModuleHost::load("StripHeaders", &strip_headers::RegisterModule) and read the headers the
// client received.

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include "catch.hpp"

// ==== the module: SDK types only, as in its own DLL ===========================================

// In the module's DLL this is the global namespace and RegisterModule is the function the .def
// file exports; here each example's module has a namespace of its own (one test binary).
namespace strip_headers {

// Reads one property of an element as a VARIANT (VariantClear it).
static HRESULT GetProperty(IAppHostElement* pElement, PCWSTR pszName, VARIANT* pValue) {
    BSTR bstrName = SysAllocString(pszName);
    if (bstrName == NULL) return E_OUTOFMEMORY;
    IAppHostProperty* pProperty = NULL;
    HRESULT hr = pElement->GetPropertyByName(bstrName, &pProperty);
    SysFreeString(bstrName);
    if (FAILED(hr)) return hr;
    hr = pProperty->get_Value(pValue);
    pProperty->Release();
    return hr;
}

// Header names are ASCII tokens; anything else cannot name a header and is skipped.
static bool ToAscii(BSTR bstr, std::string* pstr) {
    pstr->clear();
    for (UINT i = 0; i < SysStringLen(bstr); ++i) {
        if (bstr[i] <= 0x20 || bstr[i] >= 0x7F) return false;
        pstr->push_back(static_cast<char>(bstr[i]));
    }
    return !pstr->empty();
}

// The names configured for the request's application; empty when the section is off or absent.
static HRESULT ReadHeaderNames(IHttpServer* pServer, IHttpContext* pHttpContext,
                               std::vector<std::string>* pNames) {
    pNames->clear();
    IAppHostAdminManager* pAdmin = pServer->GetAdminManager();
    if (pAdmin == NULL) return E_UNEXPECTED;
    BSTR bstrSection = SysAllocString(L"system.webServer/stripHeaders");
    BSTR bstrPath = SysAllocString(pHttpContext->GetApplication()->GetAppConfigPath());
    IAppHostElement* pSection = NULL;
    HRESULT hr = (bstrSection && bstrPath) ? pAdmin->GetAdminSection(bstrSection, bstrPath, &pSection)
                                           : E_OUTOFMEMORY;
    SysFreeString(bstrSection);
    SysFreeString(bstrPath);
    if (FAILED(hr)) return hr;

    VARIANT enabled;
    VariantInit(&enabled);
    hr = GetProperty(pSection, L"enabled", &enabled);
    const bool fEnabled = SUCCEEDED(hr) && enabled.vt == VT_BOOL && enabled.boolVal != VARIANT_FALSE;
    VariantClear(&enabled);

    IAppHostElementCollection* pCollection = NULL;
    DWORD cEntries = 0;
    if (fEnabled) hr = pSection->get_Collection(&pCollection);
    if (fEnabled && SUCCEEDED(hr) && pCollection != NULL) hr = pCollection->get_Count(&cEntries);
    for (DWORD i = 0; SUCCEEDED(hr) && i < cEntries; ++i) {
        VARIANT index;
        VariantInit(&index);
        index.vt = VT_UI4;
        index.ulVal = i;
        IAppHostElement* pEntry = NULL;
        hr = pCollection->get_Item(index, &pEntry);
        if (FAILED(hr)) break;
        VARIANT name;
        VariantInit(&name);
        hr = GetProperty(pEntry, L"name", &name);
        std::string strName;
        if (SUCCEEDED(hr) && name.vt == VT_BSTR && ToAscii(name.bstrVal, &strName)) {
            pNames->push_back(strName);
        }
        VariantClear(&name);
        pEntry->Release();
    }
    if (pCollection != NULL) pCollection->Release();
    pSection->Release();
    return hr;
}

class CStripHeaders : public CHttpModule {
public:
    explicit CStripHeaders(IHttpServer* pServer) : m_pServer(pServer) {}

    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext,
                                               ISendResponseProvider* pProvider) override {
        if (!pProvider->GetHeadersBeingSent()) return RQ_NOTIFICATION_CONTINUE;  // gone already
        std::vector<std::string> names;
        const HRESULT hr = ReadHeaderNames(m_pServer, pHttpContext, &names);
        if (FAILED(hr)) {
            // No section for this application (or it could not be read): strip nothing, as
            // IIS modules do when their section is absent, and say so to failed-request tracing.
            pProvider->SetErrorStatus(hr);
            return RQ_NOTIFICATION_CONTINUE;
        }
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        for (size_t i = 0; i < names.size(); ++i) pResponse->DeleteHeader(names[i].c_str());
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    IHttpServer* m_pServer;
};

class CStripHeadersFactory : public IHttpModuleFactory {
public:
    explicit CStripHeadersFactory(IHttpServer* pServer) : m_pServer(pServer) {}
    virtual ~CStripHeadersFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CStripHeaders(m_pServer);
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }

private:
    IHttpServer* m_pServer;
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo) {
    if (pGlobalInfo == NULL) return E_INVALIDARG;
    CStripHeadersFactory* pFactory = new (std::nothrow) CStripHeadersFactory(pGlobalInfo);
    if (pFactory == NULL) return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    HRESULT hr = pModuleInfo->SetRequestNotifications(pFactory, RQ_SEND_RESPONSE, 0);
    if (FAILED(hr)) {
        pFactory->Terminate();
        return hr;
    }
    // Send handlers run LAST to FIRST: at FIRST it strips after every other module has run.
    return pModuleInfo->SetPriorityForRequestNotification(RQ_SEND_RESPONSE, PRIORITY_ALIAS_FIRST);
}

}  // namespace strip_headers

// ==== a handler the tests load beside it: it sets the headers a typical stack sets ===========

namespace chatty_page {

static void SetText(IHttpResponse* pResponse, PCSTR pszName, PCSTR pszValue, BOOL fReplace) {
    pResponse->SetHeader(pszName, pszValue, static_cast<USHORT>(strlen(pszValue)), fReplace);
}

class CChattyPage : public CHttpModule {
public:
    REQUEST_NOTIFICATION_STATUS OnExecuteRequestHandler(IHttpContext* pHttpContext,
                                                        IHttpEventProvider*) override {
        IHttpResponse* pResponse = pHttpContext->GetResponse();
        pResponse->SetStatus(200, "OK");
        SetText(pResponse, "Content-Type", "text/html", TRUE);
        SetText(pResponse, "Server", "Microsoft-IIS/10.0", TRUE);
        SetText(pResponse, "X-Powered-By", "ASP.NET", TRUE);
        SetText(pResponse, "X-AspNet-Version", "4.0.30319", TRUE);
        SetText(pResponse, "Set-Cookie", "a=1", FALSE);
        SetText(pResponse, "Set-Cookie", "b=2", FALSE);
        static char szBody[] = "<p>hello</p>";
        HTTP_DATA_CHUNK chunk;
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = szBody;
        chunk.FromMemory.BufferLength = static_cast<ULONG>(sizeof(szBody) - 1);
        DWORD cbSent = 0;
        pResponse->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &cbSent);
        pResponse->Flush(FALSE, TRUE, &cbSent);  // headers go out here; the final send follows
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CChattyPageFactory : public IHttpModuleFactory {
public:
    virtual ~CChattyPageFactory() {}
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override {
        *ppModule = new (std::nothrow) CChattyPage;
        return *ppModule ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    VOID Terminate() override { delete this; }
};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo);

HRESULT __stdcall RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*) {
    return pModuleInfo->SetRequestNotifications(new CChattyPageFactory,
                                                RQ_EXECUTE_REQUEST_HANDLER, 0);
}

}  // namespace chatty_page

// ==== its tests ==============================================================================

namespace {

using iisfake::RequestBuilder;

// The host, whose server (what RegisterModule receives) serves host.configuration() through
// GetAdminManager().
struct Server {
    iisfake::ModuleHost host;
    iisfake::FakeConfiguration& config = host.configuration();
    Server() {
        // The section's schema, as its schema file would declare it.
        config.declare_section("system.webServer/stripHeaders")
            .attribute("enabled", iisfake::AttributeType::Bool, "true")
            .collection("add", {"name"});
    }
    void load() {
        REQUIRE(host.load("StripHeaders", &strip_headers::RegisterModule) == S_OK);
        REQUIRE(host.load("ChattyPage", &chatty_page::RegisterModule) == S_OK);
    }
};

// The names of the headers the client received, sorted.
std::vector<std::string> sent_names(const iisfake::FakeHttpResponse& response) {
    std::vector<std::string> out;
    for (const auto& header : response.sent_headers()) out.push_back(header.first);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("150: the configured headers never reach the client; the module releases every COM "
          "object it got [CFG-1] [CFG-11] [T-21]",
          "[example][150]") {
    Server s;
    s.config.section("system.webServer/stripHeaders")
        .add({{"name", "Server"}})
        .add({{"name", "x-powered-by"}});  // header names match without regard to case
    s.load();
    auto request = s.host.serve(RequestBuilder().url("/"));
    REQUIRE(request.finished());
    CHECK(request.trace() == std::vector<std::string>{"ChattyPage.OnExecuteRequestHandler",
                                                      "StripHeaders.OnSendResponse",
                                                      "StripHeaders.OnSendResponse",
                                                      "StripHeaders.Dispose",
                                                      "ChattyPage.Dispose"});
    CHECK(sent_names(request.response()) ==
          std::vector<std::string>{"Content-Type", "Set-Cookie", "Set-Cookie",
                                   "X-AspNet-Version"});
    CHECK(request.response().body() == "<p>hello</p>");
    CHECK(s.config.live_objects() == 0);
}

TEST_CASE("150: a <location> changes the list for its application: remove and add merge with "
          "the inherited entries [CFG-1] [CFG-2] [CFG-3]",
          "[example][150]") {
    Server s;
    s.config.section("system.webServer/stripHeaders")
        .add({{"name", "Server"}})
        .add({{"name", "X-Powered-By"}});
    s.config.location("Default Web Site/app")
        .section("system.webServer/stripHeaders")
        .remove({{"name", "Server"}})
        .add({{"name", "X-AspNet-Version"}});
    s.load();

    auto site = s.host.serve(RequestBuilder().url("/"));
    CHECK(sent_names(site.response()) ==
          std::vector<std::string>{"Content-Type", "Set-Cookie", "Set-Cookie",
                                   "X-AspNet-Version"});

    // Requests of the application at /app (the configuration path IIS gives its requests).
    s.host.context_settings().config_path = "MACHINE/WEBROOT/APPHOST/Default Web Site/app";
    auto app = s.host.serve(RequestBuilder().url("/app/"));
    CHECK(sent_names(app.response()) ==
          std::vector<std::string>{"Content-Type", "Server", "Set-Cookie", "Set-Cookie"});
}

TEST_CASE("150: enabled=\"false\" turns the module off where it is set [CFG-1] [CFG-7]",
          "[example][150]") {
    Server s;
    s.config.section("system.webServer/stripHeaders").add({{"name", "Server"}});
    s.config.location("Default Web Site").section("system.webServer/stripHeaders").set("enabled", false);
    s.load();
    auto request = s.host.serve(RequestBuilder().url("/"));
    CHECK(request.response().sent_headers().size() == 6);  // nothing stripped
}

TEST_CASE("150: without its section the module strips nothing and the request still succeeds "
          "[CFG-4] [SRV-5]",
          "[example][150]") {
    iisfake::ModuleHost host;  // the section is declared nowhere
    REQUIRE(host.load("StripHeaders", &strip_headers::RegisterModule) == S_OK);
    REQUIRE(host.load("ChattyPage", &chatty_page::RegisterModule) == S_OK);
    auto request = host.serve(RequestBuilder().url("/"));
    CHECK(request.response().sent_status() == 200);
    CHECK(request.response().sent_headers().size() == 6);
    CHECK(host.configuration().last_error() != "");
}
