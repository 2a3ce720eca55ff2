// MSVC-mode check, compiled only by tools/ci-windows.sh with clang-cl /Zs (syntax only, no
// object) against the mingw-w64 headers: our headers parse with _MSC_VER defined, where
// IISFAKE_UUID expands to __declspec(uuid(...)), and __uuidof gives the SDK's GUIDs, the same
// ones iisfake::uuid_of<T>() gives elsewhere. The script runs it once as is and once with
// <windows.h> forced in first (/FIwindows.h).
#include <iisfake/iisfake.hpp>

#if !defined(_MSC_VER)
#error "clang_cl_check.cpp is meant for clang-cl (or MSVC)"
#endif

namespace {

struct GuidValue {
    unsigned long data1;
    unsigned short data2;
    unsigned short data3;
    unsigned char data4[8];
};

constexpr bool same_guid(const GUID& actual, const GuidValue& expected) {
    if (actual.Data1 != expected.data1 || actual.Data2 != expected.data2 ||
        actual.Data3 != expected.data3)
        return false;
    for (int i = 0; i < 8; ++i)
        if (actual.Data4[i] != expected.data4[i]) return false;
    return true;
}

constexpr bool same_guid(const GUID& actual, const GUID& expected) {
    return same_guid(actual, GuidValue{expected.Data1, expected.Data2, expected.Data3,
                                       {expected.Data4[0], expected.Data4[1], expected.Data4[2],
                                        expected.Data4[3], expected.Data4[4], expected.Data4[5],
                                        expected.Data4[6], expected.Data4[7]}});
}

// The SDK's values, written out independently of our headers.
constexpr GuidValue sdk_IHttpRequest = {0xe8698f7e, 0x576e, 0x4cac,
                                        {0xa3, 0x09, 0x67, 0x43, 0x53, 0x55, 0xfa, 0xef}};
constexpr GuidValue sdk_IHttpCompletionInfo2 = {0x53129f70, 0x0196, 0x47ec,
                                                {0xb1, 0x6c, 0x12, 0x79, 0x06, 0xe2, 0xaf, 0xeb}};

constexpr GuidValue sdk_IHttpContext = {0x424c1b8c, 0xa1ba, 0x44d7,
                                        {0xac, 0x98, 0x9f, 0x8f, 0x45, 0x77, 0x01, 0xa5}};
constexpr GuidValue sdk_IHttpServer = {0xeda2a40f, 0xfb92, 0x4d6d,
                                       {0xb5, 0x2b, 0xc8, 0xc2, 0x07, 0x38, 0x0b, 0x4e}};

static_assert(same_guid(__uuidof(IHttpContext), sdk_IHttpContext),
              "__uuidof(IHttpContext) is not the SDK's 424c1b8c-a1ba-44d7-ac98-9f8f457701a5");
static_assert(same_guid(__uuidof(IHttpServer), sdk_IHttpServer),
              "__uuidof(IHttpServer) is not the SDK's eda2a40f-fb92-4d6d-b52b-c8c207380b4e");
static_assert(same_guid(__uuidof(IHttpRequest), sdk_IHttpRequest),
              "__uuidof(IHttpRequest) is not the SDK's e8698f7e-576e-4cac-a309-67435355faef");
static_assert(same_guid(__uuidof(IHttpCompletionInfo2), sdk_IHttpCompletionInfo2),
              "__uuidof(IHttpCompletionInfo2) is not the SDK's 53129f70-0196-47ec-b16c-127906e2afeb");

// __declspec(uuid) strings and iisfake::uuid_of<T>() tables must agree, interface by interface
// (every interface of <httpserv.h>, <ahadmin.h> and <httpcach.h> that has a GUID).
#define IISFAKE_CHECK_SAME_UUID(T)                                  \
    static_assert(same_guid(__uuidof(T), iisfake::uuid_of<T>()), \
                  #T ": __declspec(uuid) and iisfake::uuid_of disagree")
IISFAKE_CHECK_SAME_UUID(IAppHostAdminManager);
IISFAKE_CHECK_SAME_UUID(IAppHostChangeHandler);
IISFAKE_CHECK_SAME_UUID(IAppHostChildElementCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostCollectionSchema);
IISFAKE_CHECK_SAME_UUID(IAppHostConfigException);
IISFAKE_CHECK_SAME_UUID(IAppHostConfigFile);
IISFAKE_CHECK_SAME_UUID(IAppHostConfigLocation);
IISFAKE_CHECK_SAME_UUID(IAppHostConfigLocationCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostConfigManager);
IISFAKE_CHECK_SAME_UUID(IAppHostConstantValue);
IISFAKE_CHECK_SAME_UUID(IAppHostConstantValueCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostElement);
IISFAKE_CHECK_SAME_UUID(IAppHostElementCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostElementExtension);
IISFAKE_CHECK_SAME_UUID(IAppHostElementSchema);
IISFAKE_CHECK_SAME_UUID(IAppHostElementSchemaCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostMappingExtension);
IISFAKE_CHECK_SAME_UUID(IAppHostMethod);
IISFAKE_CHECK_SAME_UUID(IAppHostMethodCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostMethodExtension);
IISFAKE_CHECK_SAME_UUID(IAppHostMethodInstance);
IISFAKE_CHECK_SAME_UUID(IAppHostMethodSchema);
IISFAKE_CHECK_SAME_UUID(IAppHostPathMapper);
IISFAKE_CHECK_SAME_UUID(IAppHostPathMapper2);
IISFAKE_CHECK_SAME_UUID(IAppHostProperty);
IISFAKE_CHECK_SAME_UUID(IAppHostPropertyCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostPropertyException);
IISFAKE_CHECK_SAME_UUID(IAppHostPropertyExtension);
IISFAKE_CHECK_SAME_UUID(IAppHostPropertySchema);
IISFAKE_CHECK_SAME_UUID(IAppHostPropertySchemaCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostSectionDefinition);
IISFAKE_CHECK_SAME_UUID(IAppHostSectionDefinitionCollection);
IISFAKE_CHECK_SAME_UUID(IAppHostSectionGroup);
IISFAKE_CHECK_SAME_UUID(IAppHostWritableAdminManager);
IISFAKE_CHECK_SAME_UUID(IAuthenticationProvider);
IISFAKE_CHECK_SAME_UUID(ICacheProvider);
IISFAKE_CHECK_SAME_UUID(ICustomNotificationProvider);
IISFAKE_CHECK_SAME_UUID(IDispensedHttpModuleContextContainer);
IISFAKE_CHECK_SAME_UUID(IGlobalApplicationPreloadProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalApplicationPreloadProvider2);
IISFAKE_CHECK_SAME_UUID(IGlobalConfigurationChangeProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalFileChangeProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalRSCAQueryProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalStopListeningProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalSuspendProcessCallback);
IISFAKE_CHECK_SAME_UUID(IGlobalThreadCleanupProvider);
IISFAKE_CHECK_SAME_UUID(IGlobalTraceEventProvider);
IISFAKE_CHECK_SAME_UUID(IHttpApplication);
IISFAKE_CHECK_SAME_UUID(IHttpApplication2);
IISFAKE_CHECK_SAME_UUID(IHttpApplicationProvider);
IISFAKE_CHECK_SAME_UUID(IHttpApplicationResolveModulesProvider);
IISFAKE_CHECK_SAME_UUID(IHttpCacheKey);
IISFAKE_CHECK_SAME_UUID(IHttpCachePolicy);
IISFAKE_CHECK_SAME_UUID(IHttpCachePolicy2);
IISFAKE_CHECK_SAME_UUID(IHttpCacheSpecificData);
IISFAKE_CHECK_SAME_UUID(IHttpCompletionInfo);
IISFAKE_CHECK_SAME_UUID(IHttpCompletionInfo2);
IISFAKE_CHECK_SAME_UUID(IHttpConnection);
IISFAKE_CHECK_SAME_UUID(IHttpConnectionModuleContextContainer);
IISFAKE_CHECK_SAME_UUID(IHttpConnectionStoredContext);
IISFAKE_CHECK_SAME_UUID(IHttpContext);
IISFAKE_CHECK_SAME_UUID(IHttpContext2);
IISFAKE_CHECK_SAME_UUID(IHttpContext3);
IISFAKE_CHECK_SAME_UUID(IHttpContext4);
IISFAKE_CHECK_SAME_UUID(IHttpEventProvider);
IISFAKE_CHECK_SAME_UUID(IHttpFileInfo);
IISFAKE_CHECK_SAME_UUID(IHttpFileMonitor);
IISFAKE_CHECK_SAME_UUID(IHttpModuleContextContainer);
IISFAKE_CHECK_SAME_UUID(IHttpModuleFactory);
IISFAKE_CHECK_SAME_UUID(IHttpModuleRegistrationInfo);
IISFAKE_CHECK_SAME_UUID(IHttpModuleRegistrationInfo2);
IISFAKE_CHECK_SAME_UUID(IHttpPerfCounterInfo);
IISFAKE_CHECK_SAME_UUID(IHttpRequest);
IISFAKE_CHECK_SAME_UUID(IHttpRequest2);
IISFAKE_CHECK_SAME_UUID(IHttpRequest3);
IISFAKE_CHECK_SAME_UUID(IHttpRequest4);
IISFAKE_CHECK_SAME_UUID(IHttpResponse);
IISFAKE_CHECK_SAME_UUID(IHttpResponse2);
IISFAKE_CHECK_SAME_UUID(IHttpResponse3);
IISFAKE_CHECK_SAME_UUID(IHttpResponse4);
IISFAKE_CHECK_SAME_UUID(IHttpServer);
IISFAKE_CHECK_SAME_UUID(IHttpServer2);
IISFAKE_CHECK_SAME_UUID(IHttpServer3);
IISFAKE_CHECK_SAME_UUID(IHttpSite);
IISFAKE_CHECK_SAME_UUID(IHttpStoredContext);
IISFAKE_CHECK_SAME_UUID(IHttpTokenEntry);
IISFAKE_CHECK_SAME_UUID(IHttpTraceContext);
IISFAKE_CHECK_SAME_UUID(IHttpUrlInfo);
IISFAKE_CHECK_SAME_UUID(IHttpUser);
IISFAKE_CHECK_SAME_UUID(IMapHandlerProvider);
IISFAKE_CHECK_SAME_UUID(IMapPathProvider);
IISFAKE_CHECK_SAME_UUID(IMetadataInfo);
IISFAKE_CHECK_SAME_UUID(IModuleAllocator);
IISFAKE_CHECK_SAME_UUID(INamedContextContainer);
IISFAKE_CHECK_SAME_UUID(IPreBeginRequestProvider);
IISFAKE_CHECK_SAME_UUID(IReadEntityProvider);
IISFAKE_CHECK_SAME_UUID(IReferencedMetadataInfo);
IISFAKE_CHECK_SAME_UUID(IScriptMapInfo);
IISFAKE_CHECK_SAME_UUID(ISendResponseProvider);
IISFAKE_CHECK_SAME_UUID(IUriKey);
IISFAKE_CHECK_SAME_UUID(IFileKey);
IISFAKE_CHECK_SAME_UUID(IHttpTokenKey);
#undef IISFAKE_CHECK_SAME_UUID

// The real <http.h> types, reached the way module code reaches them.
static_assert(sizeof(HTTP_REQUEST) == 864, "HTTP_REQUEST is the V2 struct (x64)");
static_assert(HTTP_REQUEST_FLAG_HTTP2 == 0x4 && HTTP_REQUEST_FLAG_IP_ROUTED == 0x2,
              "request flags");

[[maybe_unused]] USHORT host_length(IHttpRequest& request) {
    const HTTP_REQUEST* raw = request.GetRawHttpRequest();
    return raw->Headers.KnownHeaders[HttpHeaderHost].RawValueLength;
}

}  // namespace
