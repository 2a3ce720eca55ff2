// iisfake::FakeHttpServer driven through IHttpServer* as a module keeps it from RegisterModule
// (spec §2.11 CONT-2, §2.12 SRV-1/SRV-2, §2.13, traps T-1, T-17, T-25). Rules the spec lacks are
// SRV-3..SRV-12, listed with their evidence at the top of include/iisfake/fake_http_server.hpp.
#include <cstring>
#include <cwchar>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/fake_http_server.hpp>

#include "catch.hpp"

namespace {

using iisfake::FakeHttpServer;
using iisfake::Misuse;
using iisfake::MisuseError;
using iisfake::ServerMethod;
using iisfake::ServerSettings;

// A module's global, set in its RegisterModule (SRV-2).
IHttpServer* g_pHttpServer = nullptr;

// A stored context that counts its cleanups and remembers the order they came in.
struct Stored : IHttpStoredContext {
    int cleanups = 0;
    std::vector<int>* order = nullptr;
    int tag = 0;
    virtual ~Stored() = default;
    VOID CleanupStoredContext(VOID) override {
        ++cleanups;
        if (order) order->push_back(tag);
    }
};

std::string narrow(PCWSTR text, std::size_t length) {
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += static_cast<char>(text[i]);
    return out;
}

std::string narrow(PCWSTR text) { return text ? narrow(text, std::wcslen(text)) : "<NULL>"; }

// How a module probes for IIS 8.5+'s request interface (ANCM's pattern), with its fallback.
std::string probe_request(IHttpServer* server, IHttpContext* context) {
    IHttpRequest3* request3 = nullptr;
    if (SUCCEEDED(HttpGetExtendedInterface(server, context->GetRequest(), &request3)))
        return request3 ? "IHttpRequest3" : "<NULL>";
    return "IHttpRequest";
}

// T-17: IHttpServer2's GetExtendedInterface hides IHttpServer's overload.
template <class T, class = void>
struct has_version_overload : std::false_type {};
template <class T>
struct has_version_overload<T, decltype(void(std::declval<T&>().GetExtendedInterface(
                                   HTTP_SERVER_INTERFACE_V2, static_cast<PVOID*>(nullptr))))>
    : std::true_type {};

// Collects misuse reports instead of throwing.
struct Collected {
    std::vector<Misuse>* into;
    void operator()(const Misuse& misuse) const { into->push_back(misuse); }
};

// A configuration a host sets (the fake configuration is another header).
struct StubAdminManager final : IAppHostAdminManager {
    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID, void** ppv) override {
        if (ppv) *ppv = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef(void) override { return 2; }
    ULONG STDMETHODCALLTYPE Release(void) override { return 1; }
    HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR, BSTR, IAppHostElement** pp) override {
        if (pp) *pp = nullptr;
        ++sections;
        return S_FALSE;
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR, VARIANT*) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** pp) override {
        if (pp) *pp = nullptr;
        return E_NOTIMPL;
    }
    int sections = 0;
    virtual ~StubAdminManager() = default;
};

VOID WINAPI completion_routine(DWORD, DWORD, LPOVERLAPPED) {}

constexpr HRESULT not_supported = HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
constexpr HRESULT path_not_found = HRESULT_FROM_WIN32(3);  // ERROR_PATH_NOT_FOUND

}  // namespace

TEST_CASE("T-1, SRV-2: the server is one IHttpServer3 object a module keeps in a global",
          "[server]") {
    FakeHttpServer fake;
    g_pHttpServer = &fake;
    // Modules C-cast the server they keep to the newer interface.
    auto* two = static_cast<IHttpServer2*>(g_pHttpServer);
    auto* three = static_cast<IHttpServer3*>(g_pHttpServer);
    CHECK(static_cast<IHttpServer*>(two) == g_pHttpServer);
    CHECK(static_cast<IHttpServer*>(three) == g_pHttpServer);
    CHECK(three == static_cast<IHttpServer3*>(&fake));

    CHECK(g_pHttpServer->IsCommandLineLaunch() == FALSE);
    CHECK(narrow(g_pHttpServer->GetAppPoolName()) == "DefaultAppPool");
    DWORD cch = 0;
    const PCWSTR config = two->GetAppPoolConfigFile(&cch);
    CHECK(narrow(config) == "C:\\inetpub\\temp\\apppools\\DefaultAppPool\\DefaultAppPool.config");
    CHECK(cch == static_cast<DWORD>(std::wcslen(config)));
    CHECK(two->GetAppPoolConfigFile() == config);  // the default argument
    g_pHttpServer = nullptr;
}

TEST_CASE("SRV-2: app pool name and command-line launch are settable; old names stay readable",
          "[server]") {
    ServerSettings settings;
    settings.app_pool_name = "api";
    settings.command_line_launch = true;
    FakeHttpServer fake(settings);
    IHttpServer* server = &fake;
    CHECK(server->IsCommandLineLaunch() == TRUE);
    const PCWSTR first = server->GetAppPoolName();
    CHECK(narrow(first) == "api");
    fake.set_app_pool_name("other");
    CHECK(narrow(server->GetAppPoolName()) == "other");
    CHECK(narrow(first) == "api");  // a module that kept the pointer still reads a string
    fake.set_command_line_launch(false);
    CHECK(server->IsCommandLineLaunch() == FALSE);
}

TEST_CASE("SRV-1, T-1: HttpGetExtendedInterface reaches every newer version the fakes implement",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    iisfake::FakeHttpContext context;
    IHttpContext* http_context = &context;

    SECTION("request, response and context, from a module's point of view") {
        IHttpRequest* request = http_context->GetRequest();
        IHttpRequest3* request3 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, request, &request3) == S_OK);
        CHECK(request3 == static_cast<IHttpRequest3*>(&context.request()));
        IHttpRequest4* request4 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, request, &request4) == S_OK);
        CHECK(request4 == static_cast<IHttpRequest4*>(&context.request()));
        IHttpRequest2* request2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, request3, &request2) == S_OK);  // older too
        CHECK(request2 == static_cast<IHttpRequest2*>(&context.request()));

        IHttpResponse4* response4 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetResponse(), &response4) == S_OK);
        CHECK(response4 == static_cast<IHttpResponse4*>(&context.response()));
        IHttpResponse2* response2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetResponse(), &response2) == S_OK);
        CHECK(response2 == static_cast<IHttpResponse2*>(&context.response()));

        IHttpContext3* context3 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context, &context3) == S_OK);
        CHECK(context3 == static_cast<IHttpContext3*>(&context));
        IHttpContext4* context4 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context, &context4) == S_OK);
        CHECK(context4 == static_cast<IHttpContext4*>(&context));
    }
    SECTION("the server itself, as ANCM asks for IHttpServer2") {
        IHttpServer2* server2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, server, &server2) == S_OK);
        CHECK(server2 == static_cast<IHttpServer2*>(&fake));
        IHttpServer3* server3 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, server, &server3) == S_OK);
        CHECK(server3 == static_cast<IHttpServer3*>(&fake));
        CHECK(narrow(server2->GetAppPoolConfigFile()).find("DefaultAppPool.config") !=
              std::string::npos);
    }
    SECTION("application, cache policy, completion info, site, URL info, user") {
        IHttpApplication2* application2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetApplication(), &application2) ==
                S_OK);
        CHECK(application2 == static_cast<IHttpApplication2*>(&context.application()));
        IHttpCachePolicy2* policy2 = nullptr;
        IHttpCachePolicy* policy = http_context->GetResponse()->GetCachePolicy();
        REQUIRE(HttpGetExtendedInterface(server, policy, &policy2) == S_OK);
        CHECK(static_cast<IHttpCachePolicy*>(policy2) == policy);
        iisfake::FakeHttpCompletionInfo info(5, S_OK);
        IHttpCompletionInfo* plain = &info;
        IHttpCompletionInfo2* info2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, plain, &info2) == S_OK);
        CHECK(info2 == static_cast<IHttpCompletionInfo2*>(&info));
        IHttpSite* site = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetSite(), &site) == S_OK);
        CHECK(site == http_context->GetSite());
        IHttpUrlInfo* url_info = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetUrlInfo(), &url_info) == S_OK);
        CHECK(url_info == http_context->GetUrlInfo());
        IHttpUser* user = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetUser(), &user) == S_OK);
        CHECK(user == http_context->GetUser());
    }
    SECTION("the global preload provider, as a module checks IsProcessRecycled") {
        iisfake::FakeApplicationPreloadProvider provider(true);
        IGlobalApplicationPreloadProvider* given = &provider;
        IGlobalApplicationPreloadProvider2* provider2 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, given, &provider2) == S_OK);
        CHECK(provider2->IsProcessRecycled() == TRUE);
    }
    SECTION("the call log names the interfaces asked for") {
        IHttpRequest3* request3 = nullptr;
        REQUIRE(HttpGetExtendedInterface(server, http_context->GetRequest(), &request3) == S_OK);
        const auto calls = fake.calls(ServerMethod::GetExtendedInterface);
        REQUIRE(calls.size() == 2);
        CHECK(calls[0].arguments == "HTTP_SERVER_INTERFACE_V2");
        CHECK(calls[1].arguments == "IHttpRequest -> IHttpRequest3");
        CHECK(calls[1].result == S_OK);
    }
}

TEST_CASE("SRV-1: what no fake implements is E_NOINTERFACE with a NULL output", "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    iisfake::FakeHttpContext context;
    IHttpContext* http_context = &context;
    auto* server2 = static_cast<IHttpServer2*>(server);

    // Another family: a request is no context.
    PVOID out = &context;
    CHECK(server2->GetExtendedInterface(iisfake::uuid_of<IHttpRequest>(),
                                        http_context->GetRequest(),
                                        iisfake::uuid_of<IHttpContext3>(), &out) == E_NOINTERFACE);
    CHECK(out == nullptr);
    // An interface outside the versioned families.
    out = &context;
    CHECK(server2->GetExtendedInterface(
              iisfake::uuid_of<IHttpConnection>(), http_context->GetConnection(),
              iisfake::uuid_of<IHttpConnection>(), &out) == E_NOINTERFACE);
    CHECK(out == nullptr);
    // NULL input or output.
    out = &context;
    CHECK(server2->GetExtendedInterface(iisfake::uuid_of<IHttpRequest>(), nullptr,
                                        iisfake::uuid_of<IHttpRequest3>(), &out) == E_INVALIDARG);
    CHECK(out == nullptr);
    CHECK(
        server2->GetExtendedInterface(iisfake::uuid_of<IHttpRequest>(), http_context->GetRequest(),
                                      iisfake::uuid_of<IHttpRequest3>(), nullptr) == E_INVALIDARG);
    // IHttpServer's own form knows only HTTP_SERVER_INTERFACE_V2.
    out = &context;
    CHECK(server->GetExtendedInterface(static_cast<HTTP_SERVER_INTERFACE_VERSION>(7), &out) ==
          E_NOINTERFACE);
    CHECK(out == nullptr);
    CHECK(server->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2, nullptr) == E_INVALIDARG);
}

TEST_CASE("T-17: IHttpServer2::GetExtendedInterface hides IHttpServer's overload", "[server]") {
    CHECK(has_version_overload<IHttpServer>::value);
    CHECK_FALSE(has_version_overload<IHttpServer2>::value);
    CHECK_FALSE(has_version_overload<IHttpServer3>::value);
    // The fake still implements both: through the base it answers the version form.
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    PVOID two = nullptr;
    CHECK(server->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2, &two) == S_OK);
    CHECK(two == static_cast<IHttpServer2*>(&fake));
}

TEST_CASE("SRV-3: legacy IIS 7 and refused versions make a module take its fallback", "[server]") {
    iisfake::FakeHttpContext context;
    SECTION("legacy_iis7: no IHttpServer2 at all") {
        ServerSettings settings;
        settings.legacy_iis7 = true;
        FakeHttpServer fake(settings);
        CHECK(probe_request(&fake, &context) == "IHttpRequest");
        PVOID two = &context;
        CHECK(static_cast<IHttpServer*>(&fake)->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2,
                                                                     &two) == E_NOINTERFACE);
        CHECK(two == nullptr);
        // A module that C-casts the server anyway gets nothing either.
        PVOID out = &context;
        CHECK(static_cast<IHttpServer2*>(&fake)->GetExtendedInterface(
                  iisfake::uuid_of<IHttpRequest>(), context.GetRequest(),
                  iisfake::uuid_of<IHttpRequest3>(), &out) == E_NOINTERFACE);
        CHECK(out == nullptr);
        fake.set_legacy_iis7(false);
        CHECK(probe_request(&fake, &context) == "IHttpRequest3");
    }
    SECTION("one version refused, the others served") {
        FakeHttpServer fake;
        fake.refuse_interface<IHttpResponse4>();
        IHttpResponse4* response4 = nullptr;
        CHECK(HttpGetExtendedInterface(&fake, context.GetResponse(), &response4) == E_NOINTERFACE);
        CHECK(response4 == nullptr);
        IHttpResponse2* response2 = nullptr;
        CHECK(HttpGetExtendedInterface(&fake, context.GetResponse(), &response2) == S_OK);
        CHECK(probe_request(&fake, &context) == "IHttpRequest3");
    }
}

TEST_CASE("CONT-2: a dispensed container cleans up each stored context once when released",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    int id1 = 0;
    int id2 = 0;
    std::vector<int> order;
    Stored first;
    first.order = &order;
    first.tag = 1;
    Stored second;
    second.order = &order;
    second.tag = 2;

    IDispensedHttpModuleContextContainer* container = server->DispenseContainer();
    REQUIRE(container != nullptr);
    IDispensedHttpModuleContextContainer* other = server->DispenseContainer();
    CHECK(other != container);  // a new one each time
    CHECK(fake.containers_dispensed() == 2);
    CHECK(container->GetModuleContext(&id1) == nullptr);
    REQUIRE(container->SetModuleContext(&first, &id1) == S_OK);
    REQUIRE(container->SetModuleContext(&second, &id2) == S_OK);
    CHECK(container->GetModuleContext(&id1) == &first);
    CHECK(container->GetModuleContext(&id2) == &second);
    CHECK(first.cleanups == 0);

    container->ReleaseContainer();
    CHECK(first.cleanups == 1);
    CHECK(second.cleanups == 1);
    CHECK(order == std::vector<int>{2, 1});     // reverse order of storing
    CHECK(fake.containers_outstanding() == 1);  // the second one dispensed above

    std::vector<Misuse> reports;
    fake.set_misuse_handler(Collected{&reports});
    fake.expect_all_containers_released();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "CONT-2");
    other->ReleaseContainer();
    fake.expect_all_containers_released();
    CHECK(reports.size() == 1);
    fake.set_misuse_handler(iisfake::throw_misuse);  // `reports` dies before `fake`
}

TEST_CASE("CONT-1: a dispensed container refuses NULL and a second context for one module",
          "[server]") {
    FakeHttpServer fake;
    std::vector<Misuse> reports;
    fake.set_misuse_handler(Collected{&reports});
    int id = 0;
    Stored first;
    Stored second;
    IDispensedHttpModuleContextContainer* container = fake.DispenseContainer();
    CHECK(container->SetModuleContext(nullptr, &id) == HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    REQUIRE(container->SetModuleContext(&first, &id) == S_OK);
    CHECK(container->SetModuleContext(&second, &id) == HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
    CHECK(container->GetModuleContext(&id) == &first);  // the first stays
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].rule == "CONT-1");
    CHECK(reports[1].rule == "CONT-1");
    container->ReleaseContainer();
    CHECK(first.cleanups == 1);
    CHECK(second.cleanups == 0);  // never accepted, never cleaned up
}

TEST_CASE("CONT-2: a second release, or a use after release, is reported and never undefined",
          "[server]") {
    FakeHttpServer fake;
    int id = 0;
    Stored stored;
    IDispensedHttpModuleContextContainer* container = fake.DispenseContainer();
    REQUIRE(container->SetModuleContext(&stored, &id) == S_OK);
    container->ReleaseContainer();
    CHECK(stored.cleanups == 1);

    // The default handler throws, naming the rule.
    try {
        container->ReleaseContainer();
        FAIL("a second ReleaseContainer was not reported");
    } catch (const MisuseError& error) {
        CHECK(error.report().rule == "CONT-2");
        CHECK(error.report().method == "IDispensedHttpModuleContextContainer::ReleaseContainer");
    }
    CHECK(stored.cleanups == 1);  // still once

    std::vector<Misuse> reports;
    fake.set_misuse_handler(Collected{&reports});
    CHECK(container->GetModuleContext(&id) == nullptr);
    Stored late;
    CHECK(FAILED(container->SetModuleContext(&late, &id)));
    REQUIRE(reports.size() == 2);
    CHECK(reports[0].rule == "CONT-2");
    CHECK(reports[1].rule == "CONT-2");
    CHECK(late.cleanups == 0);
}

TEST_CASE("CONT-2: a container never released is reported when the server ends", "[server]") {
    std::vector<Misuse> reports;
    Stored stored;  // outlives the server: IIS never cleans it up, neither does the fake
    {
        FakeHttpServer fake;
        fake.set_misuse_handler(Collected{&reports});
        int id = 0;
        IDispensedHttpModuleContextContainer* kept = fake.DispenseContainer();
        REQUIRE(kept->SetModuleContext(&stored, &id) == S_OK);
        fake.DispenseContainer()->ReleaseContainer();
        CHECK(reports.empty());
    }
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "CONT-2");
    CHECK(reports[0].problem.find("1 container(s)") != std::string::npos);
    CHECK(stored.cleanups == 0);

    // With the default handler the end of the server throws, unless it is already unwinding.
    bool thrown = false;
    try {
        FakeHttpServer fake;
        fake.DispenseContainer();
    } catch (const MisuseError& error) {
        thrown = true;
        CHECK(error.report().rule == "CONT-2");
    }
    CHECK(thrown);
}

TEST_CASE("SRV-4: the fragment cache copies memory chunks and reads them back as http.sys does",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    char source[] = "fragment-bytes";
    HTTP_DATA_CHUNK chunk{};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = source;
    chunk.FromMemory.BufferLength = 14;
    REQUIRE(server->AddFragmentToCache(&chunk, L"http://localhost:80/frag") == S_OK);
    std::memset(source, 'x', sizeof source - 1);  // the cache kept a copy

    BYTE buffer[32] = {};
    DWORD copied = 99;
    SECTION("a buffer large enough") {
        REQUIRE(server->ReadFragmentFromCache(L"http://localhost:80/frag", buffer, sizeof buffer,
                                              &copied) == S_OK);
        CHECK(copied == 14);
        CHECK(std::string(reinterpret_cast<const char*>(buffer), copied) == "fragment-bytes");
    }
    SECTION("a buffer too small: nothing copied, the size needed reported") {
        CHECK(server->ReadFragmentFromCache(L"http://localhost:80/frag", buffer, 4, &copied) ==
              HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
        CHECK(copied == 14);
        CHECK(buffer[0] == 0);
        copied = 0;
        CHECK(server->ReadFragmentFromCache(L"http://localhost:80/frag", nullptr, 0, &copied) ==
              HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
        CHECK(copied == 14);
    }
    SECTION("missing fragments, bad arguments") {
        CHECK(server->ReadFragmentFromCache(L"nope", buffer, sizeof buffer, &copied) ==
              path_not_found);
        CHECK(path_not_found == static_cast<HRESULT>(0x80070003u));
        CHECK(copied == 0);
        CHECK(server->ReadFragmentFromCache(L"http://localhost:80/frag", buffer, sizeof buffer,
                                            nullptr) == E_INVALIDARG);
        CHECK(server->ReadFragmentFromCache(nullptr, buffer, sizeof buffer, &copied) ==
              E_INVALIDARG);
        CHECK(server->AddFragmentToCache(nullptr, L"a") == E_INVALIDARG);
        CHECK(server->AddFragmentToCache(&chunk, nullptr) == E_INVALIDARG);
        CHECK(server->AddFragmentToCache(&chunk, L"") == E_INVALIDARG);
        HTTP_DATA_CHUNK file{};
        file.DataChunkType = HttpDataChunkFromFileHandle;
        CHECK(server->AddFragmentToCache(&file, L"file") == E_INVALIDARG);
        HTTP_DATA_CHUNK broken{};
        broken.DataChunkType = HttpDataChunkFromMemory;
        broken.FromMemory.BufferLength = 10;  // and no buffer
        CHECK(server->AddFragmentToCache(&broken, L"broken") == E_INVALIDARG);
        CHECK(fake.fragment_count() == 1);
    }
    SECTION("replace, remove, and http.sys dropping a fragment") {
        char other[] = "new";
        chunk.FromMemory.pBuffer = other;
        chunk.FromMemory.BufferLength = 3;
        REQUIRE(server->AddFragmentToCache(&chunk, L"http://localhost:80/frag") == S_OK);
        std::string bytes;
        REQUIRE(fake.fragment("http://localhost:80/frag", bytes));
        CHECK(bytes == "new");
        CHECK(fake.fragment_count() == 1);
        REQUIRE(server->RemoveFragmentFromCache(L"http://localhost:80/frag") == S_OK);
        CHECK(server->RemoveFragmentFromCache(L"http://localhost:80/frag") ==
              HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
        CHECK(server->RemoveFragmentFromCache(nullptr) == E_INVALIDARG);
        HTTP_DATA_CHUNK empty{};
        empty.DataChunkType = HttpDataChunkFromMemory;
        REQUIRE(server->AddFragmentToCache(&empty, L"empty") == S_OK);
        CHECK(server->ReadFragmentFromCache(L"empty", nullptr, 0, &copied) == S_OK);
        CHECK(copied == 0);
        fake.evict_fragment("empty");
        CHECK(server->ReadFragmentFromCache(L"empty", buffer, sizeof buffer, &copied) ==
              path_not_found);
    }
}

TEST_CASE("SRV-5: GetAdminManager is never NULL; unconfigured, every section fails", "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    IAppHostAdminManager* manager = server->GetAdminManager();
    REQUIRE(manager != nullptr);
    IAppHostElement* section = reinterpret_cast<IAppHostElement*>(&fake);
    CHECK(manager->GetAdminSection(nullptr, nullptr, &section) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
    CHECK(section == nullptr);
    CHECK(manager->GetAdminSection(nullptr, nullptr, nullptr) == E_POINTER);
    // The two-argument form: mingw-w64's IUnknown template form needs __CRT_UUID_DECL.
    void* asked_raw = nullptr;
    REQUIRE(manager->QueryInterface(iisfake::uuid_of<IAppHostAdminManager>(), &asked_raw) ==
            S_OK);
    auto* asked = static_cast<IAppHostAdminManager*>(asked_raw);
    CHECK(asked == manager);
    asked->Release();
    void* not_one_raw = &fake;
    CHECK(manager->QueryInterface(iisfake::uuid_of<IAppHostElement>(), &not_one_raw) ==
          E_NOINTERFACE);
    auto* not_one = static_cast<IAppHostElement*>(not_one_raw);
    CHECK(not_one == nullptr);

    StubAdminManager configured;
    fake.set_admin_manager(&configured);
    CHECK(server->GetAdminManager() == &configured);
    CHECK(server->GetAdminManager()->GetAdminSection(nullptr, nullptr, &section) == S_FALSE);
    CHECK(configured.sections == 1);
    fake.set_admin_manager(nullptr);
    CHECK(server->GetAdminManager() == manager);
}

TEST_CASE("SRV-6: SatisfiesPrecondition parses IIS precondition lists against the process",
          "[server]") {
    FakeHttpServer fake;  // integrated, 64-bit, v4.0, DefaultAppPool
    const IHttpServer* server = &fake;
    BOOL unknown = TRUE;
    auto satisfied = [&](PCWSTR text) { return server->SatisfiesPrecondition(text, &unknown); };

    CHECK(satisfied(L"integratedMode,runtimeVersionv4.0,bitness64") == TRUE);
    CHECK(unknown == FALSE);
    CHECK(satisfied(L"integratedMode, bitness32") == FALSE);  // each entry must hold
    CHECK(unknown == FALSE);
    CHECK(satisfied(L"classicMode") == FALSE);
    CHECK(satisfied(L"ISAPIMode") == FALSE);
    CHECK(satisfied(L"INTEGRATEDMODE") == TRUE);
    CHECK(satisfied(L"runtimeVersionv2.0") == FALSE);
    CHECK(satisfied(L"appPoolName=other;DefaultAppPool") == TRUE);
    CHECK(satisfied(L"appPoolName=other") == FALSE);
    CHECK(satisfied(L"managedHandler") == FALSE);
    CHECK(satisfied(L"") == TRUE);
    CHECK(satisfied(L" , ,") == TRUE);
    CHECK(server->SatisfiesPrecondition(nullptr) == TRUE);  // the default argument
    CHECK(unknown == FALSE);

    CHECK(satisfied(L"integratedMode,futureThing") == FALSE);
    CHECK(unknown == TRUE);
    fake.set_precondition("futureThing", true);
    CHECK(satisfied(L"integratedMode,futureThing") == TRUE);
    CHECK(unknown == FALSE);

    ServerSettings classic;
    classic.integrated_mode = false;
    classic.bitness = 32;
    classic.runtime_version = "";  // No Managed Code
    FakeHttpServer old(classic);
    CHECK(old.SatisfiesPrecondition(L"classicMode,bitness32") == TRUE);
    CHECK(old.SatisfiesPrecondition(L"runtimeVersionv4.0") == FALSE);
    CHECK(old.SatisfiesPrecondition(L"runtimeVersion") == FALSE);

    const auto calls = fake.calls(ServerMethod::SatisfiesPrecondition);
    REQUIRE_FALSE(calls.empty());
    CHECK(calls[0].arguments == "\"integratedMode,runtimeVersionv4.0,bitness64\"");
}

TEST_CASE("SRV-7: the thread count a module raises and lowers; lowering past zero is reported",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    server->IncrementThreadCount();
    server->IncrementThreadCount();
    server->DecrementThreadCount();
    CHECK(fake.thread_count() == 1);
    server->DecrementThreadCount();
    CHECK(fake.thread_count() == 0);
    std::vector<Misuse> reports;
    fake.set_misuse_handler(Collected{&reports});
    server->DecrementThreadCount();
    CHECK(fake.thread_count() == 0);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].rule == "SRV-7");
}

TEST_CASE("SRV-8: what needs Windows internals fails with NULL outputs, recorded", "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    auto* server3 = static_cast<IHttpServer3*>(server);
    int dummy = 0;

    IHttpTokenEntry* token = reinterpret_cast<IHttpTokenEntry*>(&dummy);
    CHECK(server3->GetToken(L"user", L"secret", 2, &token) == not_supported);
    CHECK(token == nullptr);
    IWpfSettings* wpf = reinterpret_cast<IWpfSettings*>(&dummy);
    CHECK(server->GetWorkerProcessSettings(&wpf) == not_supported);
    CHECK(wpf == nullptr);
    IWorkerProcessFramework* framework = reinterpret_cast<IWorkerProcessFramework*>(&dummy);
    CHECK(server3->GetWorkerProcessFramework(&framework) == not_supported);
    CHECK(framework == nullptr);
    PVOID custom = &dummy;
    CHECK(server->GetProtocolManagerCustomInterface(L"pm.dll", L"Init", 1, &custom) ==
          not_supported);
    CHECK(custom == nullptr);
    ULONG returned = 7;
    CHECK(server3->QueryRequestProperty(1, static_cast<HTTP_REQUEST_PROPERTY>(0), nullptr, 0,
                                        nullptr, 0, &returned, nullptr) == not_supported);
    CHECK(returned == 0);
    IHttpCacheSpecificData* data = reinterpret_cast<IHttpCacheSpecificData*>(&dummy);
    CHECK(server->DoCacheOperation(CACHE_OPERATION_RETRIEVE, nullptr, &data) == not_supported);
    CHECK(data == nullptr);

    IHttpFileInfo* file = reinterpret_cast<IHttpFileInfo*>(&dummy);
    CHECK(server->GetFileInfo(L"C:\\inetpub\\wwwroot\\a.txt", nullptr, nullptr, nullptr, nullptr,
                              TRUE, &file) == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    CHECK(file == nullptr);

    // The password never reaches the log.
    const auto calls = fake.calls(ServerMethod::GetToken);
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].arguments.find("secret") == std::string::npos);
    CHECK(calls[0].result == not_supported);

    SECTION("the host can serve files and cache operations") {
        fake.on_get_file_info([&dummy](PCWSTR path, BOOL cache, IHttpFileInfo** out) {
            *out = reinterpret_cast<IHttpFileInfo*>(&dummy);
            return narrow(path) == "a" && cache == FALSE ? S_OK : E_FAIL;
        });
        file = nullptr;
        CHECK(server->GetFileInfo(L"a", nullptr, nullptr, nullptr, nullptr, FALSE, &file) == S_OK);
        CHECK(file == reinterpret_cast<IHttpFileInfo*>(&dummy));
        CHECK(server->GetFileInfo(L"b", nullptr, nullptr, nullptr, nullptr, FALSE, &file) ==
              E_FAIL);
        CHECK(file == nullptr);  // a failure never hands out what the hook wrote
        fake.on_cache_operation(
            [](CACHE_OPERATION operation, IHttpCacheKey*, IHttpCacheSpecificData**) {
                return operation == CACHE_OPERATION_FLUSH_PREFIX ? S_OK : E_FAIL;
            });
        CHECK(server->DoCacheOperation(CACHE_OPERATION_FLUSH_PREFIX, nullptr, &data) == S_OK);
    }
}

TEST_CASE("SRV-9: perf counters, metadata, file monitors, thread pool, trace context", "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    auto* server2 = static_cast<IHttpServer2*>(server);

    IHttpPerfCounterInfo* counters = server->GetPerfCounterInfo();
    REQUIRE(counters != nullptr);
    counters->IncrementCounter(3);
    counters->IncrementCounter(3, 5);
    counters->DecrementCounter(3, 2);
    counters->DecrementCounter(9);
    CHECK(fake.perf_counters().value(3) == 4);
    CHECK(fake.perf_counters().value(9) == -1);
    CHECK(fake.perf_counters().value(1) == 0);

    IReferencedMetadataInfo* metadata = nullptr;
    REQUIRE(server2->GetMetadata(L"Default Web Site", L"/app/", &metadata) == S_OK);
    REQUIRE(metadata != nullptr);
    CHECK(narrow(metadata->GetMetaPath()) == "MACHINE/WEBROOT/APPHOST/Default Web Site/app");
    CHECK(narrow(metadata->GetVrPath()) == "C:\\inetpub\\wwwroot\\app");
    metadata->ReferenceMetadata();
    metadata->DereferenceMetadata();
    REQUIRE(server2->GetMetadata(L"Default Web Site", L"/", &metadata) == S_OK);
    CHECK(narrow(metadata->GetMetaPath()) == "MACHINE/WEBROOT/APPHOST/Default Web Site");
    CHECK(server2->GetMetadata(nullptr, L"/", &metadata) == E_INVALIDARG);
    CHECK(metadata == nullptr);

    IHttpFileMonitor* monitor = nullptr;
    REQUIRE(server->RegisterFileChangeMonitor(L"C:\\site\\web.config", nullptr, &monitor) == S_OK);
    REQUIRE(monitor != nullptr);
    CHECK(fake.file_monitor("c:\\site\\WEB.config") == monitor);
    CHECK(monitor->GetModuleContextContainer() != nullptr);
    monitor->DereferenceFileMonitor();
    CHECK(fake.file_monitor("C:\\site\\web.config")->released());
    CHECK(server->RegisterFileChangeMonitor(nullptr, nullptr, &monitor) == E_INVALIDARG);
    CHECK(monitor == nullptr);

    int handle = 0;
    LPOVERLAPPED_COMPLETION_ROUTINE routine = completion_routine;
    CHECK(server->AssociateWithThreadPool(&handle, routine) == S_OK);
    CHECK(server->AssociateWithThreadPool(nullptr, routine) == E_INVALIDARG);
    CHECK(server->AssociateWithThreadPool(&handle, nullptr) == E_INVALIDARG);
    CHECK(fake.thread_pool_handles() == std::vector<HANDLE>{&handle});

    CHECK(server->FlushKernelCache(L"/cached") == S_OK);
    CHECK(server->FlushKernelCache(nullptr) == E_INVALIDARG);
    CHECK(fake.flushed_urls() == std::vector<std::string>{"/cached"});

    // T-25: never NULL, the same object each time, and it records.
    IHttpTraceContext* trace = server->GetTraceContext();
    REQUIRE(trace != nullptr);
    CHECK(server->GetTraceContext() == trace);
    CHECK(trace->QuickTrace(L"loaded") == S_OK);
    REQUIRE(fake.trace().traces().size() == 1);
    CHECK(fake.trace().traces()[0].data1 == "loaded");
}

TEST_CASE("SRV-10: custom, configuration and file notifications reach the host's hooks",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    iisfake::FakeCustomNotificationProvider custom(L"my-event");

    SECTION("without hooks they are recorded only") {
        CHECK(server->NotifyCustomNotification(&custom) == GL_NOTIFICATION_CONTINUE);
        CHECK(server->NotifyCustomNotification(nullptr) == GL_NOTIFICATION_CONTINUE);
        server->NotifyConfigurationChange(L"MACHINE/WEBROOT/APPHOST/Default Web Site");
        server->NotifyFileChange(L"C:\\site\\web.config");
        CHECK(fake.custom_notifications() == std::vector<std::string>{"my-event"});
        CHECK(fake.configuration_changes() ==
              std::vector<std::string>{"MACHINE/WEBROOT/APPHOST/Default Web Site"});
        CHECK(fake.file_changes() == std::vector<std::string>{"C:\\site\\web.config"});
    }
    SECTION("the host's hooks run the global modules and return what they return") {
        std::vector<std::string> seen;
        fake.on_custom_notification([&seen](ICustomNotificationProvider* provider) {
            seen.push_back("custom " + narrow(provider->QueryNotificationType()));
            return GL_NOTIFICATION_HANDLED;
        });
        fake.on_configuration_change(
            [&seen](PCWSTR path) { seen.push_back("configuration " + narrow(path)); });
        fake.on_file_change([&seen](PCWSTR path) { seen.push_back("file " + narrow(path)); });
        CHECK(server->NotifyCustomNotification(&custom) == GL_NOTIFICATION_HANDLED);
        server->NotifyConfigurationChange(L"MACHINE/WEBROOT");
        server->NotifyFileChange(L"a.txt");
        CHECK(seen == std::vector<std::string>{"custom my-event", "configuration MACHINE/WEBROOT",
                                               "file a.txt"});
    }
}

TEST_CASE("SRV-11: recycles and health reports are recorded; the call log keeps their order",
          "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    server->GetAppPoolName();
    server->ReportUnhealthy(L"backend gone", E_FAIL);
    server->RecycleApplication(L"MACHINE/WEBROOT/APPHOST/Default Web Site/app");
    server->RecycleProcess(L"config changed");
    server->RecycleProcess(nullptr);

    CHECK(fake.recycle_requests() == std::vector<std::string>{"config changed", ""});
    CHECK(fake.recycled_applications() ==
          std::vector<std::string>{"MACHINE/WEBROOT/APPHOST/Default Web Site/app"});
    const auto unhealthy = fake.unhealthy_reports();
    REQUIRE(unhealthy.size() == 1);
    CHECK(unhealthy[0].reason == "backend gone");
    CHECK(unhealthy[0].reason_code == E_FAIL);

    const auto calls = fake.calls();
    REQUIRE(calls.size() == 5);
    CHECK(calls[0].method == ServerMethod::GetAppPoolName);
    CHECK(calls[1].method == ServerMethod::ReportUnhealthy);
    CHECK(calls[1].arguments == "\"backend gone\", 0x80004005");
    CHECK(calls[2].method == ServerMethod::RecycleApplication);
    CHECK(calls[3].method == ServerMethod::RecycleProcess);
    CHECK(calls[4].arguments == "NULL");
    CHECK(std::string(iisfake::server_method_name(calls[3].method)) == "RecycleProcess");
    CHECK(fake.count(ServerMethod::RecycleProcess) == 2);
    fake.clear_calls();
    CHECK(fake.calls().empty());
    fake.record_calls(false);
    server->GetAppPoolName();
    CHECK(fake.calls().empty());
    CHECK(fake.count(ServerMethod::GetAppPoolName) == 2);  // still counted
}

TEST_CASE("SRV-12: fault injection fails a chosen call with NULL outputs", "[server]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    iisfake::FakeHttpContext context;
    fake.fail(ServerMethod::GetExtendedInterface, E_OUTOFMEMORY, 1);
    IHttpRequest3* request3 = nullptr;
    CHECK(HttpGetExtendedInterface(server, context.GetRequest(), &request3) == E_OUTOFMEMORY);
    CHECK(request3 == nullptr);
    CHECK(HttpGetExtendedInterface(server, context.GetRequest(), &request3) == S_OK);

    fake.fail(ServerMethod::ReadFragmentFromCache, E_FAIL);
    DWORD copied = 5;
    BYTE one = 0;
    CHECK(server->ReadFragmentFromCache(L"x", &one, 1, &copied) == E_FAIL);
    CHECK(copied == 0);

    REQUIRE_THROWS_AS(fake.fail(ServerMethod::GetAppPoolName, E_FAIL), std::invalid_argument);
    REQUIRE_THROWS_AS(fake.fail(ServerMethod::GetToken, S_OK), std::invalid_argument);
}

TEST_CASE("SRV-2: many request threads use the server at once", "[server][threads]") {
    FakeHttpServer fake;
    IHttpServer* server = &fake;
    constexpr int threads = 4;
    constexpr int rounds = 200;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([server, t] {
            int id = 0;
            const std::wstring name = L"frag-" + std::to_wstring(t);
            for (int i = 0; i < rounds; ++i) {
                if (!server->GetAppPoolName()) return;
                IDispensedHttpModuleContextContainer* container = server->DispenseContainer();
                Stored stored;
                if (container->SetModuleContext(&stored, &id) != S_OK) return;
                container->ReleaseContainer();
                if (stored.cleanups != 1) return;
                char letter = static_cast<char>('a' + t);
                HTTP_DATA_CHUNK chunk{};
                chunk.DataChunkType = HttpDataChunkFromMemory;
                chunk.FromMemory.pBuffer = &letter;
                chunk.FromMemory.BufferLength = 1;
                if (server->AddFragmentToCache(&chunk, name.c_str()) != S_OK) return;
                BYTE read = 0;
                DWORD copied = 0;
                if (server->ReadFragmentFromCache(name.c_str(), &read, 1, &copied) != S_OK ||
                    read != static_cast<BYTE>(letter))
                    return;
                server->GetTraceContext()->QuickTrace(L"round");
                server->GetPerfCounterInfo()->IncrementCounter(1);
                server->IncrementThreadCount();
                server->DecrementThreadCount();
            }
        });
    }
    for (auto& thread : pool) thread.join();
    constexpr std::size_t total = threads * rounds;
    CHECK(fake.containers_dispensed() == total);
    CHECK(fake.containers_outstanding() == 0);
    CHECK(fake.perf_counters().value(1) == static_cast<long long>(total));
    CHECK(fake.trace().traces().size() == total);
    CHECK(fake.fragment_count() == static_cast<std::size_t>(threads));
    CHECK(fake.thread_count() == 0);
    CHECK(fake.count(ServerMethod::DispenseContainer) == total);
    CHECK(fake.misuses().empty());
}
