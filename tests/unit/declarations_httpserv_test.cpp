// The httpserv.h declarations beyond the request's, checked against spec §2 the way module code
// uses them: every interface can be implemented with `override` on every method (the classes
// of support/every_interface.hpp), the SDK's default arguments reach the implementation through
// the declaring interface, derived interfaces hide base overloads as the SDK's do (T-17), and
// iisfake::uuid_of gives the GUIDs of spec §2.12. Vtable order and exact signatures are in
// vtable_httpserv_test.cpp.
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"
#include "support/every_interface.hpp"
#include "support/guid_text.hpp"

using iisfake_test::text;
using iisfake_test::zero;

namespace {

std::size_t implemented(const iisfake_test::Recorder& recorder) { return recorder.count(); }

}  // namespace

TEST_CASE("§2: every interface can be implemented with override on every method the spec lists") {
    // Instantiating them proves none keeps a pure virtual the spec does not declare.
    iisfake_test::EveryIAuthenticationProvider every_IAuthenticationProvider;
    iisfake_test::EveryICacheProvider every_ICacheProvider;
    iisfake_test::EveryICustomNotificationProvider every_ICustomNotificationProvider;
    iisfake_test::EveryIDispensedHttpModuleContextContainer every_IDispensedHttpModuleContextContainer;
    iisfake_test::EveryIGlobalApplicationPreloadProvider2 every_IGlobalApplicationPreloadProvider2;
    iisfake_test::EveryIGlobalConfigurationChangeProvider every_IGlobalConfigurationChangeProvider;
    iisfake_test::EveryIGlobalFileChangeProvider every_IGlobalFileChangeProvider;
    iisfake_test::EveryIGlobalRSCAQueryProvider every_IGlobalRSCAQueryProvider;
    iisfake_test::EveryIGlobalStopListeningProvider every_IGlobalStopListeningProvider;
    iisfake_test::EveryIGlobalSuspendProcessCallback every_IGlobalSuspendProcessCallback;
    iisfake_test::EveryIGlobalThreadCleanupProvider every_IGlobalThreadCleanupProvider;
    iisfake_test::EveryIGlobalTraceEventProvider every_IGlobalTraceEventProvider;
    iisfake_test::EveryIHttpApplication2 every_IHttpApplication2;
    iisfake_test::EveryIHttpApplicationResolveModulesProvider every_IHttpApplicationResolveModulesProvider;
    iisfake_test::EveryIHttpCacheKey every_IHttpCacheKey;
    iisfake_test::EveryIHttpCachePolicy2 every_IHttpCachePolicy2;
    iisfake_test::EveryIHttpConnection every_IHttpConnection;
    iisfake_test::EveryIHttpConnectionModuleContextContainer every_IHttpConnectionModuleContextContainer;
    iisfake_test::EveryIHttpConnectionStoredContext every_IHttpConnectionStoredContext;
    iisfake_test::EveryIHttpContext4 every_IHttpContext4;
    iisfake_test::EveryIHttpFileInfo every_IHttpFileInfo;
    iisfake_test::EveryIHttpFileMonitor every_IHttpFileMonitor;
    iisfake_test::EveryIHttpModuleFactory every_IHttpModuleFactory;
    iisfake_test::EveryIHttpModuleRegistrationInfo2 every_IHttpModuleRegistrationInfo2;
    iisfake_test::EveryIHttpPerfCounterInfo every_IHttpPerfCounterInfo;
    iisfake_test::EveryIHttpResponse4 every_IHttpResponse4;
    iisfake_test::EveryIHttpServer3 every_IHttpServer3;
    iisfake_test::EveryIHttpSite every_IHttpSite;
    iisfake_test::EveryIHttpTokenEntry every_IHttpTokenEntry;
    iisfake_test::EveryIHttpTraceContext every_IHttpTraceContext;
    iisfake_test::EveryIHttpUrlInfo every_IHttpUrlInfo;
    iisfake_test::EveryIHttpUser every_IHttpUser;
    iisfake_test::EveryIMapHandlerProvider every_IMapHandlerProvider;
    iisfake_test::EveryIMapPathProvider every_IMapPathProvider;
    iisfake_test::EveryIModuleAllocator every_IModuleAllocator;
    iisfake_test::EveryINamedContextContainer every_INamedContextContainer;
    iisfake_test::EveryIPreBeginRequestProvider every_IPreBeginRequestProvider;
    iisfake_test::EveryIReadEntityProvider every_IReadEntityProvider;
    iisfake_test::EveryIReferencedMetadataInfo every_IReferencedMetadataInfo;
    iisfake_test::EveryIScriptMapInfo every_IScriptMapInfo;
    iisfake_test::EveryISendResponseProvider every_ISendResponseProvider;
    CHECK(implemented(every_IAuthenticationProvider) == 0u);
    CHECK(implemented(every_ICacheProvider) == 0u);
    CHECK(implemented(every_ICustomNotificationProvider) == 0u);
    CHECK(implemented(every_IDispensedHttpModuleContextContainer) == 0u);
    CHECK(implemented(every_IGlobalApplicationPreloadProvider2) == 0u);
    CHECK(implemented(every_IGlobalConfigurationChangeProvider) == 0u);
    CHECK(implemented(every_IGlobalFileChangeProvider) == 0u);
    CHECK(implemented(every_IGlobalRSCAQueryProvider) == 0u);
    CHECK(implemented(every_IGlobalStopListeningProvider) == 0u);
    CHECK(implemented(every_IGlobalSuspendProcessCallback) == 0u);
    CHECK(implemented(every_IGlobalThreadCleanupProvider) == 0u);
    CHECK(implemented(every_IGlobalTraceEventProvider) == 0u);
    CHECK(implemented(every_IHttpApplication2) == 0u);
    CHECK(implemented(every_IHttpApplicationResolveModulesProvider) == 0u);
    CHECK(implemented(every_IHttpCacheKey) == 0u);
    CHECK(implemented(every_IHttpCachePolicy2) == 0u);
    CHECK(implemented(every_IHttpConnection) == 0u);
    CHECK(implemented(every_IHttpConnectionModuleContextContainer) == 0u);
    CHECK(implemented(every_IHttpConnectionStoredContext) == 0u);
    CHECK(implemented(every_IHttpContext4) == 0u);
    CHECK(implemented(every_IHttpFileInfo) == 0u);
    CHECK(implemented(every_IHttpFileMonitor) == 0u);
    CHECK(implemented(every_IHttpModuleFactory) == 0u);
    CHECK(implemented(every_IHttpModuleRegistrationInfo2) == 0u);
    CHECK(implemented(every_IHttpPerfCounterInfo) == 0u);
    CHECK(implemented(every_IHttpResponse4) == 0u);
    CHECK(implemented(every_IHttpServer3) == 0u);
    CHECK(implemented(every_IHttpSite) == 0u);
    CHECK(implemented(every_IHttpTokenEntry) == 0u);
    CHECK(implemented(every_IHttpTraceContext) == 0u);
    CHECK(implemented(every_IHttpUrlInfo) == 0u);
    CHECK(implemented(every_IHttpUser) == 0u);
    CHECK(implemented(every_IMapHandlerProvider) == 0u);
    CHECK(implemented(every_IMapPathProvider) == 0u);
    CHECK(implemented(every_IModuleAllocator) == 0u);
    CHECK(implemented(every_INamedContextContainer) == 0u);
    CHECK(implemented(every_IPreBeginRequestProvider) == 0u);
    CHECK(implemented(every_IReadEntityProvider) == 0u);
    CHECK(implemented(every_IReferencedMetadataInfo) == 0u);
    CHECK(implemented(every_IScriptMapInfo) == 0u);
    CHECK(implemented(every_ISendResponseProvider) == 0u);
}

TEST_CASE("§2: the SDK's default arguments, called through the interface that declares them") {
    // clang-format off
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->ExecuteRequest(zero<BOOL>(), zero<IHttpContext*>(), zero<DWORD>(), zero<IHttpUser*>());
        CHECK(object.last("ExecuteRequest") == std::vector<std::string>{text(zero<BOOL>()), text(zero<IHttpContext*>()), text(zero<DWORD>()), text(zero<IHttpUser*>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->GetPhysicalPath();
        CHECK(object.last("GetPhysicalPath") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->GetScriptName();
        CHECK(object.last("GetScriptName") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->GetScriptTranslated();
        CHECK(object.last("GetScriptTranslated") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->GetCurrentExecutionStats(zero<DWORD*>());
        CHECK(object.last("GetCurrentExecutionStats") == std::vector<std::string>{text(zero<DWORD*>()), "NULL", "NULL", "NULL", "NULL", "NULL"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext* p = &object;
        p->MapHandler(zero<DWORD>(), zero<PCWSTR>(), zero<PCWSTR>(), zero<PCSTR>(), zero<IScriptMapInfo**>());
        CHECK(object.last("MapHandler") == std::vector<std::string>{text(zero<DWORD>()), text(zero<PCWSTR>()), text(zero<PCWSTR>()), text(zero<PCSTR>()), text(zero<IScriptMapInfo**>()), "0"});
    }
    {
        iisfake_test::EveryIHttpContext4 object;
        IHttpContext3* p = &object;
        p->InheritServerVariable(zero<PCSTR>());
        CHECK(object.last("InheritServerVariable") == std::vector<std::string>{text(zero<PCSTR>()), "0"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->SetStatus(zero<USHORT>(), zero<PCSTR>());
        CHECK(object.last("SetStatus") == std::vector<std::string>{text(zero<USHORT>()), text(zero<PCSTR>()), "0", "0", "NULL", "0"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->GetHeader(zero<PCSTR>());
        CHECK(object.last("GetHeader") == std::vector<std::string>{text(zero<PCSTR>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->GetHeader(zero<HTTP_HEADER_ID>());
        CHECK(object.last("GetHeader") == std::vector<std::string>{text(zero<HTTP_HEADER_ID>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->DisableKernelCache();
        CHECK(object.last("DisableKernelCache") == std::vector<std::string>{"9"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->Flush(zero<BOOL>(), zero<BOOL>(), zero<DWORD*>());
        CHECK(object.last("Flush") == std::vector<std::string>{text(zero<BOOL>()), text(zero<BOOL>()), text(zero<DWORD*>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->Redirect(zero<PCSTR>());
        CHECK(object.last("Redirect") == std::vector<std::string>{text(zero<PCSTR>()), "1", "0"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->WriteEntityChunkByReference(zero<HTTP_DATA_CHUNK*>());
        CHECK(object.last("WriteEntityChunkByReference") == std::vector<std::string>{text(zero<HTTP_DATA_CHUNK*>()), "-1"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->WriteEntityChunks(zero<HTTP_DATA_CHUNK*>(), zero<DWORD>(), zero<BOOL>(), zero<BOOL>(), zero<DWORD*>());
        CHECK(object.last("WriteEntityChunks") == std::vector<std::string>{text(zero<HTTP_DATA_CHUNK*>()), text(zero<DWORD>()), text(zero<BOOL>()), text(zero<BOOL>()), text(zero<DWORD*>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->GetStatus(zero<USHORT*>());
        CHECK(object.last("GetStatus") == std::vector<std::string>{text(zero<USHORT*>()), "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->SetErrorDescription(zero<PCWSTR>(), zero<DWORD>());
        CHECK(object.last("SetErrorDescription") == std::vector<std::string>{text(zero<PCWSTR>()), text(zero<DWORD>()), "1"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse* p = &object;
        p->GetErrorDescription();
        CHECK(object.last("GetErrorDescription") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse2* p = &object;
        p->WriteEntityChunks(zero<HTTP_DATA_CHUNK*>(), zero<DWORD>(), zero<BOOL>(), zero<BOOL>(), zero<PFN_ASYNC_COMPLETION>(), zero<VOID*>(), zero<DWORD*>());
        CHECK(object.last("WriteEntityChunks") == std::vector<std::string>{text(zero<HTTP_DATA_CHUNK*>()), text(zero<DWORD>()), text(zero<BOOL>()), text(zero<BOOL>()), text(zero<PFN_ASYNC_COMPLETION>()), text(zero<VOID*>()), text(zero<DWORD*>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse2* p = &object;
        p->Flush(zero<BOOL>(), zero<BOOL>(), zero<PFN_ASYNC_COMPLETION>(), zero<VOID*>(), zero<DWORD*>());
        CHECK(object.last("Flush") == std::vector<std::string>{text(zero<BOOL>()), text(zero<BOOL>()), text(zero<PFN_ASYNC_COMPLETION>()), text(zero<VOID*>()), text(zero<DWORD*>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpResponse4 object;
        IHttpResponse4* p = &object;
        p->GetTrailer(zero<PCSTR>());
        CHECK(object.last("GetTrailer") == std::vector<std::string>{text(zero<PCSTR>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpTraceContext object;
        IHttpTraceContext* p = &object;
        p->SetTraceConfiguration(zero<HTTP_MODULE_ID>(), zero<HTTP_TRACE_CONFIGURATION*>());
        CHECK(object.last("SetTraceConfiguration") == std::vector<std::string>{text(zero<HTTP_MODULE_ID>()), text(zero<HTTP_TRACE_CONFIGURATION*>()), "1"});
    }
    {
        iisfake_test::EveryIHttpTraceContext object;
        IHttpTraceContext* p = &object;
        p->QuickTrace(zero<PCWSTR>());
        CHECK(object.last("QuickTrace") == std::vector<std::string>{text(zero<PCWSTR>()), "NULL", "0", "4"});
    }
    {
        iisfake_test::EveryIHttpFileInfo object;
        IHttpFileInfo* p = &object;
        p->GetETag();
        CHECK(object.last("GetETag") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIScriptMapInfo object;
        IScriptMapInfo* p = &object;
        p->GetModules();
        CHECK(object.last("GetModules") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIScriptMapInfo object;
        IScriptMapInfo* p = &object;
        p->GetScriptProcessor();
        CHECK(object.last("GetScriptProcessor") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIScriptMapInfo object;
        IScriptMapInfo* p = &object;
        p->GetManagedType();
        CHECK(object.last("GetManagedType") == std::vector<std::string>{"NULL"});
    }
    {
        iisfake_test::EveryIHttpPerfCounterInfo object;
        IHttpPerfCounterInfo* p = &object;
        p->IncrementCounter(zero<DWORD>());
        CHECK(object.last("IncrementCounter") == std::vector<std::string>{text(zero<DWORD>()), "1"});
    }
    {
        iisfake_test::EveryIHttpPerfCounterInfo object;
        IHttpPerfCounterInfo* p = &object;
        p->DecrementCounter(zero<DWORD>());
        CHECK(object.last("DecrementCounter") == std::vector<std::string>{text(zero<DWORD>()), "1"});
    }
    {
        iisfake_test::EveryIHttpServer3 object;
        IHttpServer* p = &object;
        p->GetFileInfo(zero<PCWSTR>(), zero<HANDLE>(), zero<PSID>(), zero<PCWSTR>(), zero<HANDLE>(), zero<BOOL>(), zero<IHttpFileInfo**>());
        CHECK(object.last("GetFileInfo") == std::vector<std::string>{text(zero<PCWSTR>()), text(zero<HANDLE>()), text(zero<PSID>()), text(zero<PCWSTR>()), text(zero<HANDLE>()), text(zero<BOOL>()), text(zero<IHttpFileInfo**>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpServer3 object;
        IHttpServer* p = &object;
        p->DoCacheOperation(zero<CACHE_OPERATION>(), zero<IHttpCacheKey*>(), zero<IHttpCacheSpecificData**>());
        CHECK(object.last("DoCacheOperation") == std::vector<std::string>{text(zero<CACHE_OPERATION>()), text(zero<IHttpCacheKey*>()), text(zero<IHttpCacheSpecificData**>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpServer3 object;
        IHttpServer* p = &object;
        p->SatisfiesPrecondition(zero<PCWSTR>());
        CHECK(object.last("SatisfiesPrecondition") == std::vector<std::string>{text(zero<PCWSTR>()), "NULL"});
    }
    {
        iisfake_test::EveryIHttpServer3 object;
        IHttpServer2* p = &object;
        p->GetToken(zero<PCWSTR>(), zero<PCWSTR>(), zero<DWORD>(), zero<IHttpTokenEntry**>());
        CHECK(object.last("GetToken") == std::vector<std::string>{text(zero<PCWSTR>()), text(zero<PCWSTR>()), text(zero<DWORD>()), text(zero<IHttpTokenEntry**>()), "NULL", "NULL", "NULL"});
    }
    {
        iisfake_test::EveryIHttpServer3 object;
        IHttpServer2* p = &object;
        p->GetAppPoolConfigFile();
        CHECK(object.last("GetAppPoolConfigFile") == std::vector<std::string>{"NULL"});
    }
    // clang-format on
}

// ---- name hiding (T-17): a call the SDK would reject must not compile against iisfake -------

namespace {

template <class T, class = void>
struct can_flush_without_callback : std::false_type {};
template <class T>
struct can_flush_without_callback<
    T, decltype(void(std::declval<T*>()->Flush(BOOL(), BOOL(), zero<DWORD*>())))>
    : std::true_type {};

template <class T, class = void>
struct can_write_without_callback : std::false_type {};
template <class T>
struct can_write_without_callback<
    T, decltype(void(std::declval<T*>()->WriteEntityChunks(zero<HTTP_DATA_CHUNK*>(), DWORD(),
                                                           BOOL(), BOOL(), zero<DWORD*>())))>
    : std::true_type {};

template <class T, class = void>
struct can_post_bytes_only : std::false_type {};
template <class T>
struct can_post_bytes_only<T, decltype(void(std::declval<T*>()->PostCompletion(DWORD())))>
    : std::true_type {};

template <class T, class = void>
struct can_get_extended_by_version : std::false_type {};
template <class T>
struct can_get_extended_by_version<
    T, decltype(void(std::declval<T*>()->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2,
                                                              zero<PVOID*>())))>
    : std::true_type {};

}  // namespace

TEST_CASE("T-17: derived interfaces hide the base overloads, as the SDK's do") {
    static_assert(can_flush_without_callback<IHttpResponse>::value, "the base form");
    static_assert(!can_flush_without_callback<IHttpResponse2>::value, "hidden by IHttpResponse2");
    static_assert(!can_flush_without_callback<IHttpResponse4>::value, "");
    static_assert(can_write_without_callback<IHttpResponse>::value, "");
    static_assert(!can_write_without_callback<IHttpResponse2>::value, "");
    static_assert(can_post_bytes_only<IHttpContext>::value, "");
    static_assert(can_post_bytes_only<IHttpContext2>::value, "");
    static_assert(!can_post_bytes_only<IHttpContext3>::value, "hidden by IHttpContext3");
    static_assert(!can_post_bytes_only<IHttpContext4>::value, "");
    static_assert(can_get_extended_by_version<IHttpServer>::value, "");
    static_assert(!can_get_extended_by_version<IHttpServer2>::value, "hidden by IHttpServer2");
    static_assert(!can_get_extended_by_version<IHttpServer3>::value, "");

    // Through the base pointer the hidden overloads are still there, and reach the override.
    iisfake_test::EveryIHttpContext4 context;
    IHttpContext* base = &context;
    CHECK(base->PostCompletion(7) == S_OK);
    CHECK(context.last("PostCompletion") == std::vector<std::string>{"7"});
}

TEST_CASE("T-1: the most-derived interfaces convert to every base, as module code casts them") {
    static_assert(std::is_base_of<IHttpContext, IHttpContext4>::value, "");
    static_assert(std::is_base_of<IHttpResponse, IHttpResponse4>::value, "");
    static_assert(std::is_base_of<IHttpServer, IHttpServer3>::value, "");
    static_assert(std::is_base_of<IHttpEventProvider, ISendResponseProvider>::value, "");
    static_assert(std::is_base_of<IHttpApplicationProvider,
                                  IHttpApplicationResolveModulesProvider>::value,
                  "");
    static_assert(std::is_same<IHttpApplicationStartProvider, IHttpApplicationProvider>::value, "");
    static_assert(std::is_same<IHttpApplicationStopProvider, IHttpApplicationProvider>::value, "");
    static_assert(std::is_base_of<IHttpStoredContext, IWebSocketContext>::value, "");
    static_assert(std::is_base_of<IHttpCacheKey, IUriKey>::value, "");
    iisfake_test::EveryIHttpContext4 context;
    IHttpContext* pHttpContext = &context;
    IHttpContext3* three = static_cast<IHttpContext3*>(pHttpContext);  // what ANCM writes
    three->EnableFullDuplex();
    CHECK(context.last("EnableFullDuplex").empty());
}

TEST_CASE("§2.12: iisfake::uuid_of gives every interface's GUID") {
    struct Expected {
        const char* name;
        const GUID& actual;
        const char* text;
    };
    // clang-format off
    const Expected expected[] = {
        {"IHttpStoredContext", iisfake::uuid_of<IHttpStoredContext>(), "f1927f76-790e-4ccb-a72e-396bdfdae05d"},
        {"IHttpModuleContextContainer", iisfake::uuid_of<IHttpModuleContextContainer>(), "d7fad7c9-aa27-4ab9-bd60-e55ccba3f5dc"},
        {"INamedContextContainer", iisfake::uuid_of<INamedContextContainer>(), "16db6f7c-1a94-47ca-a8e8-fea6005ff3ba"},
        {"IDispensedHttpModuleContextContainer", iisfake::uuid_of<IDispensedHttpModuleContextContainer>(), "2ae49359-95dd-4e48-ae20-c0cb9d0bc03a"},
        {"IHttpPerfCounterInfo", iisfake::uuid_of<IHttpPerfCounterInfo>(), "bdfc4c4a-12a4-4744-87d8-765eb320c59f"},
        {"IHttpApplication", iisfake::uuid_of<IHttpApplication>(), "3f75d9e6-1075-422c-ad89-93a85f2d7bdc"},
        {"IHttpApplication2", iisfake::uuid_of<IHttpApplication2>(), "311a3b7a-b673-4a1c-8349-2e98a23cadcb"},
        {"IHttpUrlInfo", iisfake::uuid_of<IHttpUrlInfo>(), "7e0e6167-0094-49a1-8287-ecf6dc6e73a6"},
        {"IScriptMapInfo", iisfake::uuid_of<IScriptMapInfo>(), "d7fe3d77-68bc-4d4a-851f-eec9fb68017c"},
        {"IMetadataInfo", iisfake::uuid_of<IMetadataInfo>(), "48b10633-825d-495e-93b0-225380053e8e"},
        {"IReferencedMetadataInfo", iisfake::uuid_of<IReferencedMetadataInfo>(), "3fc5c336-9ad7-45ea-af2f-31b59302c9fe"},
        {"IHttpRequest", iisfake::uuid_of<IHttpRequest>(), "e8698f7e-576e-4cac-a309-67435355faef"},
        {"IHttpRequest2", iisfake::uuid_of<IHttpRequest2>(), "d9244ae1-51f8-4aa1-a66d-19277c33e610"},
        {"IHttpRequest3", iisfake::uuid_of<IHttpRequest3>(), "b32e4e0f-4057-4feb-aeab-7b69c03c6314"},
        {"IHttpRequest4", iisfake::uuid_of<IHttpRequest4>(), "3816f517-f631-49f0-8b51-16d6f0c6ffb2"},
        {"IHttpCachePolicy", iisfake::uuid_of<IHttpCachePolicy>(), "cb1c40ca-70f2-41a0-add2-881f5ef57388"},
        {"IHttpCachePolicy2", iisfake::uuid_of<IHttpCachePolicy2>(), "9f4ba807-050e-4495-ae55-8870f7e9194a"},
        {"IHttpResponse", iisfake::uuid_of<IHttpResponse>(), "7e1c6b38-628f-4e6c-95dc-41237eb7f95e"},
        {"IHttpResponse2", iisfake::uuid_of<IHttpResponse2>(), "0822c871-f14e-4974-a1e6-5b3c1f09b76a"},
        {"IHttpResponse3", iisfake::uuid_of<IHttpResponse3>(), "19578e49-d080-45da-b673-96cb475d3c5d"},
        {"IHttpResponse4", iisfake::uuid_of<IHttpResponse4>(), "1a2acc57-cae2-4f28-b4ab-00c8f96b12ec"},
        {"IHttpUser", iisfake::uuid_of<IHttpUser>(), "8059e6f8-10ce-4d61-b47e-5a1d8d9a8b67"},
        {"IHttpConnectionStoredContext", iisfake::uuid_of<IHttpConnectionStoredContext>(), "841d9a71-75f4-4626-8b97-66046ca7e45b"},
        {"IHttpConnectionModuleContextContainer", iisfake::uuid_of<IHttpConnectionModuleContextContainer>(), "f3dd2fb3-4d11-4295-b8ab-4cb667add1fe"},
        {"IHttpConnection", iisfake::uuid_of<IHttpConnection>(), "d9a5de00-3346-4599-9826-fe88565e1226"},
        {"IHttpContext", iisfake::uuid_of<IHttpContext>(), "424c1b8c-a1ba-44d7-ac98-9f8f457701a5"},
        {"IHttpContext2", iisfake::uuid_of<IHttpContext2>(), "c986182c-cf4a-4482-8205-0dbbc1fd6cee"},
        {"IHttpContext3", iisfake::uuid_of<IHttpContext3>(), "bf53c022-ca4b-4349-a38e-a4b78ad897fb"},
        {"IHttpContext4", iisfake::uuid_of<IHttpContext4>(), "2c9463d8-4ec4-4622-8917-d486321a9443"},
        {"IHttpTraceContext", iisfake::uuid_of<IHttpTraceContext>(), "9f9098d5-915c-4294-a52e-66532a232bc9"},
        {"IHttpCacheKey", iisfake::uuid_of<IHttpCacheKey>(), "cdef2aad-20b3-4512-b1b1-094b3844aeb2"},
        {"IHttpCacheSpecificData", iisfake::uuid_of<IHttpCacheSpecificData>(), "37776aff-852e-4eec-93a5-b85a285a95b8"},
        {"IHttpSite", iisfake::uuid_of<IHttpSite>(), "eb16a6ec-ba5d-436f-bf24-3ede13906450"},
        {"IHttpFileMonitor", iisfake::uuid_of<IHttpFileMonitor>(), "985422da-b0cf-473b-ba9e-8148ceb3e240"},
        {"IHttpFileInfo", iisfake::uuid_of<IHttpFileInfo>(), "71e95595-8c74-44d9-88a9-f5112d5f5900"},
        {"IHttpTokenEntry", iisfake::uuid_of<IHttpTokenEntry>(), "fd86e6de-fb0e-47dd-820a-e0da12be46e9"},
        {"IHttpServer", iisfake::uuid_of<IHttpServer>(), "eda2a40f-fb92-4d6d-b52b-c8c207380b4e"},
        {"IHttpServer2", iisfake::uuid_of<IHttpServer2>(), "34af637e-afe8-4556-bcc1-767f8e0b4a4e"},
        {"IHttpServer3", iisfake::uuid_of<IHttpServer3>(), "f7a66d59-c0a2-48b5-a88f-be5975c960fb"},
        {"IHttpEventProvider", iisfake::uuid_of<IHttpEventProvider>(), "6f3f657d-2fb8-43c6-a096-5064b41f0580"},
        {"IHttpCompletionInfo", iisfake::uuid_of<IHttpCompletionInfo>(), "49dd20e3-d9c0-463c-8821-f3413b55cc00"},
        {"IHttpCompletionInfo2", iisfake::uuid_of<IHttpCompletionInfo2>(), "53129f70-0196-47ec-b16c-127906e2afeb"},
        {"ICustomNotificationProvider", iisfake::uuid_of<ICustomNotificationProvider>(), "671e6d34-9380-4df4-b453-91129df02b24"},
        {"IAuthenticationProvider", iisfake::uuid_of<IAuthenticationProvider>(), "304d51d0-0307-45ed-83fd-dd3fc032fdfc"},
        {"IMapHandlerProvider", iisfake::uuid_of<IMapHandlerProvider>(), "fea3ce6b-e346-47e7-b2a6-ad265baeff2c"},
        {"IMapPathProvider", iisfake::uuid_of<IMapPathProvider>(), "8efdf557-a8f1-4bc9-b462-6df3b038a59a"},
        {"ISendResponseProvider", iisfake::uuid_of<ISendResponseProvider>(), "57f2e7bc-0bcf-4a9f-94a4-10e55c6e5b51"},
        {"IReadEntityProvider", iisfake::uuid_of<IReadEntityProvider>(), "fe6d905a-99b8-49fd-b389-cfc809562b81"},
        {"IPreBeginRequestProvider", iisfake::uuid_of<IPreBeginRequestProvider>(), "fb715d26-aff9-476a-8fc0-6b1acb3d1098"},
        {"IHttpApplicationProvider", iisfake::uuid_of<IHttpApplicationProvider>(), "1de2c71c-c126-4512-aed3-f4f885e14997"},
        {"IHttpApplicationResolveModulesProvider", iisfake::uuid_of<IHttpApplicationResolveModulesProvider>(), "0617d9b9-e20f-4a9f-94f9-35403b3be01e"},
        {"IGlobalRSCAQueryProvider", iisfake::uuid_of<IGlobalRSCAQueryProvider>(), "63fdc43f-934a-4ee5-bcd8-7e7b50b75605"},
        {"IGlobalStopListeningProvider", iisfake::uuid_of<IGlobalStopListeningProvider>(), "41f9a601-e25d-4ac8-8a1f-635698a30ab9"},
        {"ICacheProvider", iisfake::uuid_of<ICacheProvider>(), "58925fb9-7c5e-4684-833b-4a04e1286690"},
        {"IGlobalConfigurationChangeProvider", iisfake::uuid_of<IGlobalConfigurationChangeProvider>(), "3405f3b4-b3d6-4b73-b5f5-4d8a3cc642ce"},
        {"IGlobalFileChangeProvider", iisfake::uuid_of<IGlobalFileChangeProvider>(), "ece31ee5-0486-4fb0-a875-6739a2d7daf5"},
        {"IGlobalTraceEventProvider", iisfake::uuid_of<IGlobalTraceEventProvider>(), "7c6bb150-0310-4718-a01f-6faceb62dc1d"},
        {"IGlobalThreadCleanupProvider", iisfake::uuid_of<IGlobalThreadCleanupProvider>(), "6b36a149-8620-45a0-8197-00814a706e2e"},
        {"IGlobalApplicationPreloadProvider", iisfake::uuid_of<IGlobalApplicationPreloadProvider>(), "2111f8d6-0c41-4ff7-bd45-5c04c7e91a73"},
        {"IGlobalApplicationPreloadProvider2", iisfake::uuid_of<IGlobalApplicationPreloadProvider2>(), "251db2dd-81e7-44ce-ae02-46529f2d71ea"},
        {"IGlobalSuspendProcessCallback", iisfake::uuid_of<IGlobalSuspendProcessCallback>(), "7fd8f303-1031-4e50-918a-b7b916fd6c54"},
        {"IModuleAllocator", iisfake::uuid_of<IModuleAllocator>(), "85c1679c-0b21-491c-afb5-c7b5c86464c4"},
        {"IHttpModuleFactory", iisfake::uuid_of<IHttpModuleFactory>(), "ba32d330-9ea8-4b9e-89f1-8c76a323277f"},
        {"IHttpModuleRegistrationInfo", iisfake::uuid_of<IHttpModuleRegistrationInfo>(), "07e5beb3-b798-459d-a98a-e6c485b2b3bc"},
        {"IHttpModuleRegistrationInfo2", iisfake::uuid_of<IHttpModuleRegistrationInfo2>(), "4fd11cbf-8cc5-418e-8000-c9e765f88533"},
    };
    // clang-format on
    for (const Expected& e : expected) {
        INFO(e.name);
        CHECK(iisfake_test::guid_text(e.actual) == e.text);
    }
#if defined(_MSC_VER)
    // With MSVC/clang-cl the classes carry __declspec(uuid), and both spellings must agree.
    CHECK(__uuidof(IHttpContext4) == iisfake::uuid_of<IHttpContext4>());
    CHECK(__uuidof(IHttpResponse4) == iisfake::uuid_of<IHttpResponse4>());
    CHECK(__uuidof(IHttpServer3) == iisfake::uuid_of<IHttpServer3>());
    CHECK(__uuidof(IAppHostElement) == iisfake::uuid_of<IAppHostElement>());
#endif
}
