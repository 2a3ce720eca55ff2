// CHttpModule, CGlobalModule and registration, as module code relies on them (spec §2.1, §2.3,
// §2.4: MOD-1..4, REG-1; traps T-9, T-19): the default handlers report instead of trapping, so
// a handler whose signature overloads instead of overriding is caught; Dispose deletes; no
// class-scope operator new; the constants' values; OutputDebugString and DebugBreak recorded.
#include <cstring>
#include <new>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

// Registered for RQ_BEGIN_REQUEST and RQ_MAP_REQUEST_HANDLER, but its map handler takes an
// IHttpEventProvider* where the SDK passes an IMapHandlerProvider*: an overload, not an override.
class MistypedModule : public CHttpModule {
public:
    int begin_calls = 0;
    int map_calls = 0;
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override {
        ++begin_calls;
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
    // The bug under test: this hides CHttpModule::OnMapRequestHandler instead of overriding it
    // (-Woverloaded-virtual says so; tests/CMakeLists.txt turns it off for this file).
    REQUEST_NOTIFICATION_STATUS OnMapRequestHandler(IHttpContext*, IHttpEventProvider*) {
        ++map_calls;
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
};

bool* destroyed_flag = nullptr;

class DisposableModule : public CHttpModule {
public:
    ~DisposableModule() override { *destroyed_flag = true; }
};

// ANCM's way: a module built in request memory declares its own placement operator new.
class AllocatedModule : public CHttpModule {
public:
    void* operator new(std::size_t size, IModuleAllocator* allocator) {
        return allocator->AllocateMemory(static_cast<DWORD>(size));
    }
    void operator delete(void*) {}  // the memory is the request's
    void operator delete(void*, IModuleAllocator*) {}
};

class PoolAllocator : public IModuleAllocator {
public:
    virtual ~PoolAllocator() = default;
    VOID* AllocateMemory(DWORD cbAllocation) override {
        CHECK(cbAllocation <= sizeof storage);
        return storage;
    }
    alignas(16) unsigned char storage[256];
};

class EmptyGlobalModule : public CGlobalModule {
public:
    bool terminated = false;
    VOID Terminate() override { terminated = true; }
};

template <class T, class = void>
struct has_class_operator_new : std::false_type {};
template <class T>
struct has_class_operator_new<T, decltype(void(&T::operator new))> : std::true_type {};

HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo,
                                 IHttpServer* pGlobalInfo) {
    return dwServerVersion == 10 && !pModuleInfo && !pGlobalInfo ? S_OK : E_FAIL;
}

}  // namespace

TEST_CASE(
    "MOD-1, T-9: a default handler reports that the module subscribed to a notification it "
    "did not override (a handler that overloads instead), returns CONTINUE, and never traps",
    "[module]") {
    iisfake::clear_debug_log();
    MistypedModule module;
    CHttpModule* pModule = &module;
    CHECK(pModule->OnBeginRequest(nullptr, nullptr) == RQ_NOTIFICATION_FINISH_REQUEST);
    CHECK(module.begin_calls == 1);
    CHECK(iisfake::debug_log().unhandled.empty());

    // What IIS calls for RQ_MAP_REQUEST_HANDLER: the SDK's signature, so CHttpModule's default.
    CHECK(pModule->OnMapRequestHandler(nullptr, nullptr) == RQ_NOTIFICATION_CONTINUE);
    CHECK(module.map_calls == 0);
    const iisfake::DebugLog log = iisfake::debug_log();
    REQUIRE(log.unhandled.size() == 1u);
    CHECK(log.unhandled[0] == "CHttpModule::OnMapRequestHandler");
    CHECK(log.breaks == 0u);
    // The SDK's diagnostic, through OutputDebugStringA.
    REQUIRE(log.output.size() == 1u);
    CHECK(log.output[0] == "CHttpModule::OnMapRequestHandler: subscribed to the event but did "
                           "not override the method; check its signature\n");

    CHECK(pModule->OnAsyncCompletion(nullptr, RQ_BEGIN_REQUEST, FALSE, nullptr, nullptr) ==
          RQ_NOTIFICATION_CONTINUE);
    CHECK(iisfake::debug_log().unhandled.back() == "CHttpModule::OnAsyncCompletion");
    iisfake::clear_debug_log();
    CHECK(iisfake::debug_log().unhandled.empty());
}

TEST_CASE("MOD-1: every CGlobalModule handler but Terminate has a default that reports",
          "[module]") {
    static_assert(std::is_abstract<CGlobalModule>::value, "Terminate is pure virtual");
    iisfake::clear_debug_log();
    EmptyGlobalModule module;
    CGlobalModule* pGlobal = &module;
    CHECK(pGlobal->OnGlobalPreBeginRequest(nullptr) == GL_NOTIFICATION_CONTINUE);
    CHECK(pGlobal->OnGlobalCacheCleanup() == GL_NOTIFICATION_CONTINUE);
    CHECK(pGlobal->OnSuspendProcess(nullptr) == GL_NOTIFICATION_CONTINUE);
    const iisfake::DebugLog log = iisfake::debug_log();
    CHECK(log.unhandled == std::vector<std::string>{"CGlobalModule::OnGlobalPreBeginRequest",
                                                    "CGlobalModule::OnGlobalCacheCleanup",
                                                    "CGlobalModule::OnSuspendProcess"});
    pGlobal->Terminate();
    CHECK(module.terminated);
    iisfake::clear_debug_log();
}

TEST_CASE(
    "MOD-2, MOD-3, MOD-4: constructor and destructor protected, Dispose deletes, no "
    "class-scope operator new",
    "[module]") {
    static_assert(!std::is_constructible<CHttpModule>::value, "protected constructor");
    static_assert(!std::is_destructible<CHttpModule>::value, "protected destructor: Dispose");
    static_assert(std::has_virtual_destructor<CHttpModule>::value, "");
    static_assert(!has_class_operator_new<CHttpModule>::value,
                  "one would hide new (std::nothrow) for every module (ModSecurityIIS)");
    static_assert(has_class_operator_new<AllocatedModule>::value, "the test's own probe works");

    bool destroyed = false;
    destroyed_flag = &destroyed;
    CHttpModule* pModule = new (std::nothrow) DisposableModule;  // ModSecurityIIS's factory
    REQUIRE(pModule != nullptr);
    pModule->Dispose();
    CHECK(destroyed);

    PoolAllocator allocator;
    AllocatedModule* placed = new (&allocator) AllocatedModule;  // ANCM's factory
    CHECK(static_cast<void*>(placed) == static_cast<void*>(allocator.storage));
}

TEST_CASE("REG-1, §2.1: the registration types and constants have the SDK's values", "[module]") {
    typedef HRESULT(WINAPI * expected)(DWORD, IHttpModuleRegistrationInfo*, IHttpServer*);
    static_assert(std::is_same<PFN_REGISTERMODULE, expected>::value, "");
    PFN_REGISTERMODULE entry = RegisterModule;  // modules define it with C++ linkage
    CHECK(entry(10, nullptr, nullptr) == S_OK);
    CHECK(std::strcmp(MODULE_REGISTERMODULE, "RegisterModule") == 0);
    static_assert(std::is_same<HTTP_MODULE_ID, void*>::value, "");

    const DWORD request[] = {RQ_BEGIN_REQUEST,          RQ_AUTHENTICATE_REQUEST,
                             RQ_AUTHORIZE_REQUEST,      RQ_RESOLVE_REQUEST_CACHE,
                             RQ_MAP_REQUEST_HANDLER,    RQ_ACQUIRE_REQUEST_STATE,
                             RQ_PRE_EXECUTE_REQUEST_HANDLER, RQ_EXECUTE_REQUEST_HANDLER,
                             RQ_RELEASE_REQUEST_STATE,  RQ_UPDATE_REQUEST_CACHE,
                             RQ_LOG_REQUEST,            RQ_END_REQUEST};
    for (unsigned i = 0; i < 12; ++i) CHECK(request[i] == (1u << i));
    CHECK(RQ_SEND_RESPONSE_STATUS_AND_HEADERS == 0x08000000u);
    CHECK(RQ_CUSTOM_NOTIFICATION == 0x10000000u);
    CHECK(RQ_SEND_RESPONSE == 0x20000000u);
    CHECK(RQ_READ_ENTITY == 0x40000000u);
    CHECK(RQ_MAP_PATH == 0x80000000u);
    const DWORD global[] = {GL_STOP_LISTENING,       GL_CACHE_CLEANUP,
                            GL_CACHE_OPERATION,      GL_HEALTH_CHECK,
                            GL_CONFIGURATION_CHANGE, GL_FILE_CHANGE,
                            GL_PRE_BEGIN_REQUEST,    GL_APPLICATION_START,
                            GL_APPLICATION_RESOLVE_MODULES, GL_APPLICATION_STOP,
                            GL_RSCA_QUERY,           GL_TRACE_EVENT,
                            GL_CUSTOM_NOTIFICATION,  GL_THREAD_CLEANUP,
                            GL_APPLICATION_PRELOAD,  GL_SUSPEND_PROCESS};
    const DWORD global_values[] = {0x2,   0x4,   0x10,   0x20,   0x40,   0x80,   0x100,   0x200,
                                   0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x10000, 0x20000};
    for (unsigned i = 0; i < 16; ++i) CHECK(global[i] == global_values[i]);
    CHECK(GL_NOTIFICATION_CONTINUE == 0);
    CHECK(GL_NOTIFICATION_HANDLED == 1);
    CHECK(CACHE_OPERATION_ENUM == 4);
    CHECK(HTTP_SERVER_INTERFACE_V3 == 1);
    CHECK(CLONE_FLAG_SERVER_VARIABLE == 0x40);
    CHECK(EXECUTE_FLAG_HTTP_CACHE_ELIGIBLE == 0x40);
    CHECK(std::wstring(PRIORITY_ALIAS_FIRST) == L"FIRST");
    CHECK(std::wstring(PRIORITY_ALIAS_LAST) == L"LAST");
    CHECK(std::string(HTTP_USER_VARIABLE_CTXT_HANDLE) == "CtxtHandle");
}

#if !defined(_WIN32)
TEST_CASE("T-19: OutputDebugString and DebugBreak are recorded, and DebugBreak never traps",
          "[module]") {
    iisfake::clear_debug_log();
    OutputDebugStringA("module started\n");
    OutputDebugStringW(L"wide caf\u00e9");
    OutputDebugStringA(nullptr);
    DebugBreak();
    DebugBreak();
    const iisfake::DebugLog log = iisfake::debug_log();
    CHECK(log.output ==
          std::vector<std::string>{"module started\n", "wide caf\xc3\xa9", ""});
    CHECK(log.breaks == 2u);
    iisfake::clear_debug_log();
}

TEST_CASE("T-19: module threads write the debug log while a test reads it", "[module][threaded]") {
    iisfake::clear_debug_log();
    std::thread writer([] {
        for (int i = 0; i < 200; ++i) OutputDebugStringA("worker\n");
    });
    std::size_t seen = 0;
    while (seen < 200u) seen = iisfake::debug_log().output.size();
    writer.join();
    const iisfake::DebugLog log = iisfake::debug_log();
    CHECK(log.output.size() == 200u);
    CHECK(log.output.front() == "worker\n");
    iisfake::clear_debug_log();
}
#endif
