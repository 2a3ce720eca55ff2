#ifndef IISFAKE_SDK_UUID_HPP_INCLUDED
#define IISFAKE_SDK_UUID_HPP_INCLUDED

// iisfake::uuid_of<T>(): the SDK's interface GUIDs where __uuidof is unavailable (g++, clang
// without -fms-extensions). With MSVC or clang-cl, __uuidof(T) gives the same values. The
// values are usable at compile time, from C++11 on.

#include "iisfake/win_types.hpp"

struct IUnknown;
struct IAppHostAdminManager;
struct IAppHostChangeHandler;
struct IAppHostChildElementCollection;
struct IAppHostCollectionSchema;
struct IAppHostConfigException;
struct IAppHostConfigFile;
struct IAppHostConfigLocation;
struct IAppHostConfigLocationCollection;
struct IAppHostConfigManager;
struct IAppHostConstantValue;
struct IAppHostConstantValueCollection;
struct IAppHostElement;
struct IAppHostElementCollection;
struct IAppHostElementExtension;
struct IAppHostElementSchema;
struct IAppHostElementSchemaCollection;
struct IAppHostMappingExtension;
struct IAppHostMethod;
struct IAppHostMethodCollection;
struct IAppHostMethodExtension;
struct IAppHostMethodInstance;
struct IAppHostMethodSchema;
struct IAppHostPathMapper;
struct IAppHostPathMapper2;
struct IAppHostProperty;
struct IAppHostPropertyCollection;
struct IAppHostPropertyException;
struct IAppHostPropertyExtension;
struct IAppHostPropertySchema;
struct IAppHostPropertySchemaCollection;
struct IAppHostSectionDefinition;
struct IAppHostSectionDefinitionCollection;
struct IAppHostSectionGroup;
struct IAppHostWritableAdminManager;
class IAuthenticationProvider;
class ICacheProvider;
class ICustomNotificationProvider;
class IDispensedHttpModuleContextContainer;
class IFileKey;
class IGlobalApplicationPreloadProvider;
class IGlobalApplicationPreloadProvider2;
class IGlobalConfigurationChangeProvider;
class IGlobalFileChangeProvider;
class IGlobalRSCAQueryProvider;
class IGlobalStopListeningProvider;
class IGlobalSuspendProcessCallback;
class IGlobalThreadCleanupProvider;
class IGlobalTraceEventProvider;
class IHttpApplication;
class IHttpApplication2;
class IHttpApplicationProvider;
class IHttpApplicationResolveModulesProvider;
class IHttpCacheKey;
class IHttpCachePolicy;
class IHttpCachePolicy2;
class IHttpCacheSpecificData;
class IHttpCompletionInfo;
class IHttpCompletionInfo2;
class IHttpConnection;
class IHttpConnectionModuleContextContainer;
class IHttpConnectionStoredContext;
class IHttpContext;
class IHttpContext2;
class IHttpContext3;
class IHttpContext4;
class IHttpEventProvider;
class IHttpFileInfo;
class IHttpFileMonitor;
class IHttpModuleContextContainer;
class IHttpModuleFactory;
class IHttpModuleRegistrationInfo;
class IHttpModuleRegistrationInfo2;
class IHttpPerfCounterInfo;
class IHttpRequest;
class IHttpRequest2;
class IHttpRequest3;
class IHttpRequest4;
class IHttpResponse;
class IHttpResponse2;
class IHttpResponse3;
class IHttpResponse4;
class IHttpServer;
class IHttpServer2;
class IHttpServer3;
class IHttpSite;
class IHttpStoredContext;
class IHttpTokenEntry;
class IHttpTokenKey;
class IHttpTraceContext;
class IHttpUrlInfo;
class IHttpUser;
class IMapHandlerProvider;
class IMapPathProvider;
class IMetadataInfo;
class IModuleAllocator;
class INamedContextContainer;
class IPreBeginRequestProvider;
class IReadEntityProvider;
class IReferencedMetadataInfo;
class IScriptMapInfo;
class ISendResponseProvider;
class IUriKey;

IISFAKE_BEGIN_NAMESPACE

template <class Interface>
struct interface_id;  // specialised for each re-declared interface

namespace detail {
// A GUID as a constant: a template, so that its one definition may sit in a header before C++17
// made static constexpr members inline.
template <DWORD D1, WORD D2, WORD D3, BYTE B0, BYTE B1, BYTE B2, BYTE B3, BYTE B4, BYTE B5,
          BYTE B6, BYTE B7>
struct guid_constant {
    static constexpr GUID value = {D1, D2, D3, {B0, B1, B2, B3, B4, B5, B6, B7}};
};
#if !(__cplusplus >= 201703L || (defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
template <DWORD D1, WORD D2, WORD D3, BYTE B0, BYTE B1, BYTE B2, BYTE B3, BYTE B4, BYTE B5,
          BYTE B6, BYTE B7>
constexpr GUID guid_constant<D1, D2, D3, B0, B1, B2, B3, B4, B5, B6, B7>::value;
#endif
}  // namespace detail

#define IISFAKE_DETAIL_INTERFACE_ID(type, d1, d2, d3, b0, b1, b2, b3, b4, b5, b6, b7) \
    template <>                                                                    \
    struct interface_id<type>                                                      \
        : detail::guid_constant<d1, d2, d3, b0, b1, b2, b3, b4, b5, b6, b7> {}

// clang-format off
IISFAKE_DETAIL_INTERFACE_ID(IUnknown, 0x00000000, 0x0000, 0x0000, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);  // 00000000-0000-0000-c000-000000000046
IISFAKE_DETAIL_INTERFACE_ID(IAppHostAdminManager, 0x9be77978, 0x73ed, 0x4a9a, 0x87, 0xfd, 0x13, 0xf0, 0x9f, 0xec, 0x1b, 0x13);  // 9be77978-73ed-4a9a-87fd-13f09fec1b13
IISFAKE_DETAIL_INTERFACE_ID(IAppHostChangeHandler, 0x09829352, 0x87c2, 0x418d, 0x8d, 0x79, 0x41, 0x33, 0x96, 0x9a, 0x48, 0x9d);  // 09829352-87c2-418d-8d79-4133969a489d
IISFAKE_DETAIL_INTERFACE_ID(IAppHostChildElementCollection, 0x08a90f5f, 0x0702, 0x48d6, 0xb4, 0x5f, 0x02, 0xa9, 0x88, 0x5a, 0x97, 0x68);  // 08a90f5f-0702-48d6-b45f-02a9885a9768
IISFAKE_DETAIL_INTERFACE_ID(IAppHostCollectionSchema, 0xde095db1, 0x5368, 0x4d11, 0x81, 0xf6, 0xef, 0xef, 0x61, 0x9b, 0x7b, 0xcf);  // de095db1-5368-4d11-81f6-efef619b7bcf
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConfigException, 0x4dfa1df3, 0x8900, 0x4bc7, 0xbb, 0xb5, 0xd1, 0xa4, 0x58, 0xc5, 0x24, 0x10);  // 4dfa1df3-8900-4bc7-bbb5-d1a458c52410
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConfigFile, 0xada4e6fb, 0xe025, 0x401e, 0xa5, 0xd0, 0xc3, 0x13, 0x4a, 0x28, 0x1f, 0x07);  // ada4e6fb-e025-401e-a5d0-c3134a281f07
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConfigLocation, 0x370af178, 0x7758, 0x4dad, 0x81, 0x46, 0x73, 0x91, 0xf6, 0xe1, 0x85, 0x85);  // 370af178-7758-4dad-8146-7391f6e18585
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConfigLocationCollection, 0x832a32f7, 0xb3ea, 0x4b8c, 0xb2, 0x60, 0x9a, 0x29, 0x23, 0x00, 0x11, 0x84);  // 832a32f7-b3ea-4b8c-b260-9a2923001184
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConfigManager, 0x8f6d760f, 0xf0cb, 0x4d69, 0xb5, 0xf6, 0x84, 0x8b, 0x33, 0xe9, 0xbd, 0xc6);  // 8f6d760f-f0cb-4d69-b5f6-848b33e9bdc6
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConstantValue, 0x0716caf8, 0x7d05, 0x4a46, 0x80, 0x99, 0x77, 0x59, 0x4b, 0xe9, 0x13, 0x94);  // 0716caf8-7d05-4a46-8099-77594be91394
IISFAKE_DETAIL_INTERFACE_ID(IAppHostConstantValueCollection, 0x5b5a68e6, 0x8b9f, 0x45e1, 0x81, 0x99, 0xa9, 0x5f, 0xfc, 0xcd, 0xff, 0xff);  // 5b5a68e6-8b9f-45e1-8199-a95ffccdffff
IISFAKE_DETAIL_INTERFACE_ID(IAppHostElement, 0x64ff8ccc, 0xb287, 0x4dae, 0xb0, 0x8a, 0xa7, 0x2c, 0xbf, 0x45, 0xf4, 0x53);  // 64ff8ccc-b287-4dae-b08a-a72cbf45f453
IISFAKE_DETAIL_INTERFACE_ID(IAppHostElementCollection, 0xc8550bff, 0x5281, 0x4b1e, 0xac, 0x34, 0x99, 0xb6, 0xfa, 0x38, 0x46, 0x4d);  // c8550bff-5281-4b1e-ac34-99b6fa38464d
IISFAKE_DETAIL_INTERFACE_ID(IAppHostElementExtension, 0x518eb37d, 0x1ff4, 0x42dd, 0x86, 0xc3, 0x31, 0x40, 0xbc, 0x35, 0xb8, 0x23);  // 518eb37d-1ff4-42dd-86c3-3140bc35b823
IISFAKE_DETAIL_INTERFACE_ID(IAppHostElementSchema, 0xef13d885, 0x642c, 0x4709, 0x99, 0xec, 0xb8, 0x95, 0x61, 0xc6, 0xbc, 0x69);  // ef13d885-642c-4709-99ec-b89561c6bc69
IISFAKE_DETAIL_INTERFACE_ID(IAppHostElementSchemaCollection, 0x0344cdda, 0x151e, 0x4cbf, 0x82, 0xda, 0x66, 0xae, 0x61, 0xe9, 0x77, 0x54);  // 0344cdda-151e-4cbf-82da-66ae61e97754
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMappingExtension, 0x31a83ea0, 0xc0e4, 0x4a2c, 0x8a, 0x01, 0x35, 0x3c, 0xc2, 0xa4, 0xc6, 0x0a);  // 31a83ea0-c0e4-4a2c-8a01-353cc2a4c60a
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMethod, 0x7883ca1c, 0x1112, 0x4447, 0x84, 0xc3, 0x52, 0xfb, 0xeb, 0x38, 0x06, 0x9d);  // 7883ca1c-1112-4447-84c3-52fbeb38069d
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMethodCollection, 0xd6c7cd8f, 0xbb8d, 0x4f96, 0xb5, 0x91, 0xd3, 0xa5, 0xf1, 0x32, 0x02, 0x69);  // d6c7cd8f-bb8d-4f96-b591-d3a5f1320269
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMethodExtension, 0x70184ac9, 0x7673, 0x4770, 0x96, 0xb1, 0x44, 0x5c, 0xe0, 0x35, 0xcf, 0x70);  // 70184ac9-7673-4770-96b1-445ce035cf70
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMethodInstance, 0xb80f3c42, 0x60e0, 0x4ae0, 0x90, 0x07, 0xf5, 0x28, 0x52, 0xd3, 0xdb, 0xed);  // b80f3c42-60e0-4ae0-9007-f52852d3dbed
IISFAKE_DETAIL_INTERFACE_ID(IAppHostMethodSchema, 0x2d9915fb, 0x9d42, 0x4328, 0xb7, 0x82, 0x1b, 0x46, 0x81, 0x9f, 0xab, 0x9e);  // 2d9915fb-9d42-4328-b782-1b46819fab9e
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPathMapper, 0xe7927575, 0x5cc3, 0x403b, 0x82, 0x2e, 0x32, 0x8a, 0x6b, 0x90, 0x4b, 0xee);  // e7927575-5cc3-403b-822e-328a6b904bee
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPathMapper2, 0x0f80e901, 0x8f4c, 0x449a, 0xbf, 0x90, 0x13, 0xd5, 0xd0, 0x82, 0xf1, 0x87);  // 0f80e901-8f4c-449a-bf90-13d5d082f187
IISFAKE_DETAIL_INTERFACE_ID(IAppHostProperty, 0xed35f7a1, 0x5024, 0x4e7b, 0xa4, 0x4d, 0x07, 0xdd, 0xaf, 0x4b, 0x52, 0x4d);  // ed35f7a1-5024-4e7b-a44d-07ddaf4b524d
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPropertyCollection, 0x0191775e, 0xbcff, 0x445a, 0xb4, 0xf4, 0x3b, 0xdd, 0xa5, 0x4e, 0x28, 0x16);  // 0191775e-bcff-445a-b4f4-3bdda54e2816
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPropertyException, 0xeafe4895, 0xa929, 0x41ea, 0xb1, 0x4d, 0x61, 0x3e, 0x23, 0xf6, 0x2b, 0x71);  // eafe4895-a929-41ea-b14d-613e23f62b71
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPropertyExtension, 0x88e220f3, 0x33e8, 0x4534, 0xaf, 0xac, 0xb4, 0xa9, 0x8e, 0xcc, 0xf9, 0xae);  // 88e220f3-33e8-4534-afac-b4a98eccf9ae
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPropertySchema, 0x450386db, 0x7409, 0x4667, 0x93, 0x5e, 0x38, 0x4d, 0xbb, 0xee, 0x2a, 0x9e);  // 450386db-7409-4667-935e-384dbbee2a9e
IISFAKE_DETAIL_INTERFACE_ID(IAppHostPropertySchemaCollection, 0x8bed2c68, 0xa5fb, 0x4b28, 0x85, 0x81, 0xa0, 0xdc, 0x52, 0x67, 0x41, 0x9f);  // 8bed2c68-a5fb-4b28-8581-a0dc5267419f
IISFAKE_DETAIL_INTERFACE_ID(IAppHostSectionDefinition, 0xc5c04795, 0x321c, 0x4014, 0x8f, 0xd6, 0xd4, 0x46, 0x58, 0x79, 0x93, 0x93);  // c5c04795-321c-4014-8fd6-d44658799393
IISFAKE_DETAIL_INTERFACE_ID(IAppHostSectionDefinitionCollection, 0xb7d381ee, 0x8860, 0x47a1, 0x8a, 0xf4, 0x1f, 0x33, 0xb2, 0xb1, 0xf3, 0x25);  // b7d381ee-8860-47a1-8af4-1f33b2b1f325
IISFAKE_DETAIL_INTERFACE_ID(IAppHostSectionGroup, 0x0dd8a158, 0xebe6, 0x4008, 0xa1, 0xd9, 0xb7, 0xec, 0xc8, 0xf1, 0x10, 0x4b);  // 0dd8a158-ebe6-4008-a1d9-b7ecc8f1104b
IISFAKE_DETAIL_INTERFACE_ID(IAppHostWritableAdminManager, 0xfa7660f6, 0x7b3f, 0x4237, 0xa8, 0xbf, 0xed, 0x0a, 0xd0, 0xdc, 0xbb, 0xd9);  // fa7660f6-7b3f-4237-a8bf-ed0ad0dcbbd9
IISFAKE_DETAIL_INTERFACE_ID(IAuthenticationProvider, 0x304d51d0, 0x0307, 0x45ed, 0x83, 0xfd, 0xdd, 0x3f, 0xc0, 0x32, 0xfd, 0xfc);  // 304d51d0-0307-45ed-83fd-dd3fc032fdfc
IISFAKE_DETAIL_INTERFACE_ID(ICacheProvider, 0x58925fb9, 0x7c5e, 0x4684, 0x83, 0x3b, 0x4a, 0x04, 0xe1, 0x28, 0x66, 0x90);  // 58925fb9-7c5e-4684-833b-4a04e1286690
IISFAKE_DETAIL_INTERFACE_ID(ICustomNotificationProvider, 0x671e6d34, 0x9380, 0x4df4, 0xb4, 0x53, 0x91, 0x12, 0x9d, 0xf0, 0x2b, 0x24);  // 671e6d34-9380-4df4-b453-91129df02b24
IISFAKE_DETAIL_INTERFACE_ID(IDispensedHttpModuleContextContainer, 0x2ae49359, 0x95dd, 0x4e48, 0xae, 0x20, 0xc0, 0xcb, 0x9d, 0x0b, 0xc0, 0x3a);  // 2ae49359-95dd-4e48-ae20-c0cb9d0bc03a
IISFAKE_DETAIL_INTERFACE_ID(IGlobalApplicationPreloadProvider, 0x2111f8d6, 0x0c41, 0x4ff7, 0xbd, 0x45, 0x5c, 0x04, 0xc7, 0xe9, 0x1a, 0x73);  // 2111f8d6-0c41-4ff7-bd45-5c04c7e91a73
IISFAKE_DETAIL_INTERFACE_ID(IGlobalApplicationPreloadProvider2, 0x251db2dd, 0x81e7, 0x44ce, 0xae, 0x02, 0x46, 0x52, 0x9f, 0x2d, 0x71, 0xea);  // 251db2dd-81e7-44ce-ae02-46529f2d71ea
IISFAKE_DETAIL_INTERFACE_ID(IGlobalConfigurationChangeProvider, 0x3405f3b4, 0xb3d6, 0x4b73, 0xb5, 0xf5, 0x4d, 0x8a, 0x3c, 0xc6, 0x42, 0xce);  // 3405f3b4-b3d6-4b73-b5f5-4d8a3cc642ce
IISFAKE_DETAIL_INTERFACE_ID(IGlobalFileChangeProvider, 0xece31ee5, 0x0486, 0x4fb0, 0xa8, 0x75, 0x67, 0x39, 0xa2, 0xd7, 0xda, 0xf5);  // ece31ee5-0486-4fb0-a875-6739a2d7daf5
IISFAKE_DETAIL_INTERFACE_ID(IGlobalRSCAQueryProvider, 0x63fdc43f, 0x934a, 0x4ee5, 0xbc, 0xd8, 0x7e, 0x7b, 0x50, 0xb7, 0x56, 0x05);  // 63fdc43f-934a-4ee5-bcd8-7e7b50b75605
IISFAKE_DETAIL_INTERFACE_ID(IGlobalStopListeningProvider, 0x41f9a601, 0xe25d, 0x4ac8, 0x8a, 0x1f, 0x63, 0x56, 0x98, 0xa3, 0x0a, 0xb9);  // 41f9a601-e25d-4ac8-8a1f-635698a30ab9
IISFAKE_DETAIL_INTERFACE_ID(IGlobalSuspendProcessCallback, 0x7fd8f303, 0x1031, 0x4e50, 0x91, 0x8a, 0xb7, 0xb9, 0x16, 0xfd, 0x6c, 0x54);  // 7fd8f303-1031-4e50-918a-b7b916fd6c54
IISFAKE_DETAIL_INTERFACE_ID(IGlobalThreadCleanupProvider, 0x6b36a149, 0x8620, 0x45a0, 0x81, 0x97, 0x00, 0x81, 0x4a, 0x70, 0x6e, 0x2e);  // 6b36a149-8620-45a0-8197-00814a706e2e
IISFAKE_DETAIL_INTERFACE_ID(IGlobalTraceEventProvider, 0x7c6bb150, 0x0310, 0x4718, 0xa0, 0x1f, 0x6f, 0xac, 0xeb, 0x62, 0xdc, 0x1d);  // 7c6bb150-0310-4718-a01f-6faceb62dc1d
IISFAKE_DETAIL_INTERFACE_ID(IHttpApplication, 0x3f75d9e6, 0x1075, 0x422c, 0xad, 0x89, 0x93, 0xa8, 0x5f, 0x2d, 0x7b, 0xdc);  // 3f75d9e6-1075-422c-ad89-93a85f2d7bdc
IISFAKE_DETAIL_INTERFACE_ID(IHttpApplication2, 0x311a3b7a, 0xb673, 0x4a1c, 0x83, 0x49, 0x2e, 0x98, 0xa2, 0x3c, 0xad, 0xcb);  // 311a3b7a-b673-4a1c-8349-2e98a23cadcb
IISFAKE_DETAIL_INTERFACE_ID(IHttpApplicationProvider, 0x1de2c71c, 0xc126, 0x4512, 0xae, 0xd3, 0xf4, 0xf8, 0x85, 0xe1, 0x49, 0x97);  // 1de2c71c-c126-4512-aed3-f4f885e14997
IISFAKE_DETAIL_INTERFACE_ID(IHttpApplicationResolveModulesProvider, 0x0617d9b9, 0xe20f, 0x4a9f, 0x94, 0xf9, 0x35, 0x40, 0x3b, 0x3b, 0xe0, 0x1e);  // 0617d9b9-e20f-4a9f-94f9-35403b3be01e
IISFAKE_DETAIL_INTERFACE_ID(IHttpCacheKey, 0xcdef2aad, 0x20b3, 0x4512, 0xb1, 0xb1, 0x09, 0x4b, 0x38, 0x44, 0xae, 0xb2);  // cdef2aad-20b3-4512-b1b1-094b3844aeb2
IISFAKE_DETAIL_INTERFACE_ID(IHttpCachePolicy, 0xcb1c40ca, 0x70f2, 0x41a0, 0xad, 0xd2, 0x88, 0x1f, 0x5e, 0xf5, 0x73, 0x88);  // cb1c40ca-70f2-41a0-add2-881f5ef57388
IISFAKE_DETAIL_INTERFACE_ID(IHttpCachePolicy2, 0x9f4ba807, 0x050e, 0x4495, 0xae, 0x55, 0x88, 0x70, 0xf7, 0xe9, 0x19, 0x4a);  // 9f4ba807-050e-4495-ae55-8870f7e9194a
IISFAKE_DETAIL_INTERFACE_ID(IHttpCacheSpecificData, 0x37776aff, 0x852e, 0x4eec, 0x93, 0xa5, 0xb8, 0x5a, 0x28, 0x5a, 0x95, 0xb8);  // 37776aff-852e-4eec-93a5-b85a285a95b8
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo, 0x49dd20e3, 0xd9c0, 0x463c, 0x88, 0x21, 0xf3, 0x41, 0x3b, 0x55, 0xcc, 0x00);  // 49dd20e3-d9c0-463c-8821-f3413b55cc00
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo2, 0x53129f70, 0x0196, 0x47ec, 0xb1, 0x6c, 0x12, 0x79, 0x06, 0xe2, 0xaf, 0xeb);  // 53129f70-0196-47ec-b16c-127906e2afeb
IISFAKE_DETAIL_INTERFACE_ID(IHttpConnection, 0xd9a5de00, 0x3346, 0x4599, 0x98, 0x26, 0xfe, 0x88, 0x56, 0x5e, 0x12, 0x26);  // d9a5de00-3346-4599-9826-fe88565e1226
IISFAKE_DETAIL_INTERFACE_ID(IHttpConnectionModuleContextContainer, 0xf3dd2fb3, 0x4d11, 0x4295, 0xb8, 0xab, 0x4c, 0xb6, 0x67, 0xad, 0xd1, 0xfe);  // f3dd2fb3-4d11-4295-b8ab-4cb667add1fe
IISFAKE_DETAIL_INTERFACE_ID(IHttpConnectionStoredContext, 0x841d9a71, 0x75f4, 0x4626, 0x8b, 0x97, 0x66, 0x04, 0x6c, 0xa7, 0xe4, 0x5b);  // 841d9a71-75f4-4626-8b97-66046ca7e45b
IISFAKE_DETAIL_INTERFACE_ID(IHttpContext, 0x424c1b8c, 0xa1ba, 0x44d7, 0xac, 0x98, 0x9f, 0x8f, 0x45, 0x77, 0x01, 0xa5);  // 424c1b8c-a1ba-44d7-ac98-9f8f457701a5
IISFAKE_DETAIL_INTERFACE_ID(IHttpContext2, 0xc986182c, 0xcf4a, 0x4482, 0x82, 0x05, 0x0d, 0xbb, 0xc1, 0xfd, 0x6c, 0xee);  // c986182c-cf4a-4482-8205-0dbbc1fd6cee
IISFAKE_DETAIL_INTERFACE_ID(IHttpContext3, 0xbf53c022, 0xca4b, 0x4349, 0xa3, 0x8e, 0xa4, 0xb7, 0x8a, 0xd8, 0x97, 0xfb);  // bf53c022-ca4b-4349-a38e-a4b78ad897fb
IISFAKE_DETAIL_INTERFACE_ID(IHttpContext4, 0x2c9463d8, 0x4ec4, 0x4622, 0x89, 0x17, 0xd4, 0x86, 0x32, 0x1a, 0x94, 0x43);  // 2c9463d8-4ec4-4622-8917-d486321a9443
IISFAKE_DETAIL_INTERFACE_ID(IHttpEventProvider, 0x6f3f657d, 0x2fb8, 0x43c6, 0xa0, 0x96, 0x50, 0x64, 0xb4, 0x1f, 0x05, 0x80);  // 6f3f657d-2fb8-43c6-a096-5064b41f0580
IISFAKE_DETAIL_INTERFACE_ID(IHttpFileInfo, 0x71e95595, 0x8c74, 0x44d9, 0x88, 0xa9, 0xf5, 0x11, 0x2d, 0x5f, 0x59, 0x00);  // 71e95595-8c74-44d9-88a9-f5112d5f5900
IISFAKE_DETAIL_INTERFACE_ID(IHttpFileMonitor, 0x985422da, 0xb0cf, 0x473b, 0xba, 0x9e, 0x81, 0x48, 0xce, 0xb3, 0xe2, 0x40);  // 985422da-b0cf-473b-ba9e-8148ceb3e240
IISFAKE_DETAIL_INTERFACE_ID(IHttpModuleContextContainer, 0xd7fad7c9, 0xaa27, 0x4ab9, 0xbd, 0x60, 0xe5, 0x5c, 0xcb, 0xa3, 0xf5, 0xdc);  // d7fad7c9-aa27-4ab9-bd60-e55ccba3f5dc
IISFAKE_DETAIL_INTERFACE_ID(IHttpModuleFactory, 0xba32d330, 0x9ea8, 0x4b9e, 0x89, 0xf1, 0x8c, 0x76, 0xa3, 0x23, 0x27, 0x7f);  // ba32d330-9ea8-4b9e-89f1-8c76a323277f
IISFAKE_DETAIL_INTERFACE_ID(IHttpModuleRegistrationInfo, 0x07e5beb3, 0xb798, 0x459d, 0xa9, 0x8a, 0xe6, 0xc4, 0x85, 0xb2, 0xb3, 0xbc);  // 07e5beb3-b798-459d-a98a-e6c485b2b3bc
IISFAKE_DETAIL_INTERFACE_ID(IHttpModuleRegistrationInfo2, 0x4fd11cbf, 0x8cc5, 0x418e, 0x80, 0x00, 0xc9, 0xe7, 0x65, 0xf8, 0x85, 0x33);  // 4fd11cbf-8cc5-418e-8000-c9e765f88533
IISFAKE_DETAIL_INTERFACE_ID(IHttpPerfCounterInfo, 0xbdfc4c4a, 0x12a4, 0x4744, 0x87, 0xd8, 0x76, 0x5e, 0xb3, 0x20, 0xc5, 0x9f);  // bdfc4c4a-12a4-4744-87d8-765eb320c59f
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest, 0xe8698f7e, 0x576e, 0x4cac, 0xa3, 0x09, 0x67, 0x43, 0x53, 0x55, 0xfa, 0xef);  // e8698f7e-576e-4cac-a309-67435355faef
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest2, 0xd9244ae1, 0x51f8, 0x4aa1, 0xa6, 0x6d, 0x19, 0x27, 0x7c, 0x33, 0xe6, 0x10);  // d9244ae1-51f8-4aa1-a66d-19277c33e610
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest3, 0xb32e4e0f, 0x4057, 0x4feb, 0xae, 0xab, 0x7b, 0x69, 0xc0, 0x3c, 0x63, 0x14);  // b32e4e0f-4057-4feb-aeab-7b69c03c6314
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest4, 0x3816f517, 0xf631, 0x49f0, 0x8b, 0x51, 0x16, 0xd6, 0xf0, 0xc6, 0xff, 0xb2);  // 3816f517-f631-49f0-8b51-16d6f0c6ffb2
IISFAKE_DETAIL_INTERFACE_ID(IHttpResponse, 0x7e1c6b38, 0x628f, 0x4e6c, 0x95, 0xdc, 0x41, 0x23, 0x7e, 0xb7, 0xf9, 0x5e);  // 7e1c6b38-628f-4e6c-95dc-41237eb7f95e
IISFAKE_DETAIL_INTERFACE_ID(IHttpResponse2, 0x0822c871, 0xf14e, 0x4974, 0xa1, 0xe6, 0x5b, 0x3c, 0x1f, 0x09, 0xb7, 0x6a);  // 0822c871-f14e-4974-a1e6-5b3c1f09b76a
IISFAKE_DETAIL_INTERFACE_ID(IHttpResponse3, 0x19578e49, 0xd080, 0x45da, 0xb6, 0x73, 0x96, 0xcb, 0x47, 0x5d, 0x3c, 0x5d);  // 19578e49-d080-45da-b673-96cb475d3c5d
IISFAKE_DETAIL_INTERFACE_ID(IHttpResponse4, 0x1a2acc57, 0xcae2, 0x4f28, 0xb4, 0xab, 0x00, 0xc8, 0xf9, 0x6b, 0x12, 0xec);  // 1a2acc57-cae2-4f28-b4ab-00c8f96b12ec
IISFAKE_DETAIL_INTERFACE_ID(IHttpServer, 0xeda2a40f, 0xfb92, 0x4d6d, 0xb5, 0x2b, 0xc8, 0xc2, 0x07, 0x38, 0x0b, 0x4e);  // eda2a40f-fb92-4d6d-b52b-c8c207380b4e
IISFAKE_DETAIL_INTERFACE_ID(IHttpServer2, 0x34af637e, 0xafe8, 0x4556, 0xbc, 0xc1, 0x76, 0x7f, 0x8e, 0x0b, 0x4a, 0x4e);  // 34af637e-afe8-4556-bcc1-767f8e0b4a4e
IISFAKE_DETAIL_INTERFACE_ID(IHttpServer3, 0xf7a66d59, 0xc0a2, 0x48b5, 0xa8, 0x8f, 0xbe, 0x59, 0x75, 0xc9, 0x60, 0xfb);  // f7a66d59-c0a2-48b5-a88f-be5975c960fb
IISFAKE_DETAIL_INTERFACE_ID(IHttpSite, 0xeb16a6ec, 0xba5d, 0x436f, 0xbf, 0x24, 0x3e, 0xde, 0x13, 0x90, 0x64, 0x50);  // eb16a6ec-ba5d-436f-bf24-3ede13906450
IISFAKE_DETAIL_INTERFACE_ID(IHttpStoredContext, 0xf1927f76, 0x790e, 0x4ccb, 0xa7, 0x2e, 0x39, 0x6b, 0xdf, 0xda, 0xe0, 0x5d);  // f1927f76-790e-4ccb-a72e-396bdfdae05d
IISFAKE_DETAIL_INTERFACE_ID(IHttpTokenEntry, 0xfd86e6de, 0xfb0e, 0x47dd, 0x82, 0x0a, 0xe0, 0xda, 0x12, 0xbe, 0x46, 0xe9);  // fd86e6de-fb0e-47dd-820a-e0da12be46e9
IISFAKE_DETAIL_INTERFACE_ID(IHttpTraceContext, 0x9f9098d5, 0x915c, 0x4294, 0xa5, 0x2e, 0x66, 0x53, 0x2a, 0x23, 0x2b, 0xc9);  // 9f9098d5-915c-4294-a52e-66532a232bc9
IISFAKE_DETAIL_INTERFACE_ID(IHttpUrlInfo, 0x7e0e6167, 0x0094, 0x49a1, 0x82, 0x87, 0xec, 0xf6, 0xdc, 0x6e, 0x73, 0xa6);  // 7e0e6167-0094-49a1-8287-ecf6dc6e73a6
IISFAKE_DETAIL_INTERFACE_ID(IHttpUser, 0x8059e6f8, 0x10ce, 0x4d61, 0xb4, 0x7e, 0x5a, 0x1d, 0x8d, 0x9a, 0x8b, 0x67);  // 8059e6f8-10ce-4d61-b47e-5a1d8d9a8b67
IISFAKE_DETAIL_INTERFACE_ID(IMapHandlerProvider, 0xfea3ce6b, 0xe346, 0x47e7, 0xb2, 0xa6, 0xad, 0x26, 0x5b, 0xae, 0xff, 0x2c);  // fea3ce6b-e346-47e7-b2a6-ad265baeff2c
IISFAKE_DETAIL_INTERFACE_ID(IMapPathProvider, 0x8efdf557, 0xa8f1, 0x4bc9, 0xb4, 0x62, 0x6d, 0xf3, 0xb0, 0x38, 0xa5, 0x9a);  // 8efdf557-a8f1-4bc9-b462-6df3b038a59a
IISFAKE_DETAIL_INTERFACE_ID(IMetadataInfo, 0x48b10633, 0x825d, 0x495e, 0x93, 0xb0, 0x22, 0x53, 0x80, 0x05, 0x3e, 0x8e);  // 48b10633-825d-495e-93b0-225380053e8e
IISFAKE_DETAIL_INTERFACE_ID(IModuleAllocator, 0x85c1679c, 0x0b21, 0x491c, 0xaf, 0xb5, 0xc7, 0xb5, 0xc8, 0x64, 0x64, 0xc4);  // 85c1679c-0b21-491c-afb5-c7b5c86464c4
IISFAKE_DETAIL_INTERFACE_ID(INamedContextContainer, 0x16db6f7c, 0x1a94, 0x47ca, 0xa8, 0xe8, 0xfe, 0xa6, 0x00, 0x5f, 0xf3, 0xba);  // 16db6f7c-1a94-47ca-a8e8-fea6005ff3ba
IISFAKE_DETAIL_INTERFACE_ID(IPreBeginRequestProvider, 0xfb715d26, 0xaff9, 0x476a, 0x8f, 0xc0, 0x6b, 0x1a, 0xcb, 0x3d, 0x10, 0x98);  // fb715d26-aff9-476a-8fc0-6b1acb3d1098
IISFAKE_DETAIL_INTERFACE_ID(IReadEntityProvider, 0xfe6d905a, 0x99b8, 0x49fd, 0xb3, 0x89, 0xcf, 0xc8, 0x09, 0x56, 0x2b, 0x81);  // fe6d905a-99b8-49fd-b389-cfc809562b81
IISFAKE_DETAIL_INTERFACE_ID(IReferencedMetadataInfo, 0x3fc5c336, 0x9ad7, 0x45ea, 0xaf, 0x2f, 0x31, 0xb5, 0x93, 0x02, 0xc9, 0xfe);  // 3fc5c336-9ad7-45ea-af2f-31b59302c9fe
IISFAKE_DETAIL_INTERFACE_ID(IScriptMapInfo, 0xd7fe3d77, 0x68bc, 0x4d4a, 0x85, 0x1f, 0xee, 0xc9, 0xfb, 0x68, 0x01, 0x7c);  // d7fe3d77-68bc-4d4a-851f-eec9fb68017c
IISFAKE_DETAIL_INTERFACE_ID(ISendResponseProvider, 0x57f2e7bc, 0x0bcf, 0x4a9f, 0x94, 0xa4, 0x10, 0xe5, 0x5c, 0x6e, 0x5b, 0x51);  // 57f2e7bc-0bcf-4a9f-94a4-10e55c6e5b51
IISFAKE_DETAIL_INTERFACE_ID(IUriKey, 0xf1bc4f8c, 0x6bf8, 0x42c0, 0xb7, 0x45, 0x4f, 0xbe, 0x1a, 0x67, 0xe5, 0xa7);  // f1bc4f8c-6bf8-42c0-b745-4fbe1a67e5a7
IISFAKE_DETAIL_INTERFACE_ID(IFileKey, 0x7377f6a4, 0x266c, 0x4043, 0xb6, 0x2a, 0x9e, 0xa9, 0x55, 0xa5, 0xe9, 0x7a);  // 7377f6a4-266c-4043-b62a-9ea955a5e97a
IISFAKE_DETAIL_INTERFACE_ID(IHttpTokenKey, 0x1d3dc8cb, 0xfc52, 0x42bc, 0x97, 0xe1, 0x1b, 0xf0, 0x21, 0x36, 0xe8, 0xba);  // 1d3dc8cb-fc52-42bc-97e1-1bf02136e8ba
// clang-format on

#undef IISFAKE_DETAIL_INTERFACE_ID

template <class Interface>
constexpr const GUID& uuid_of() noexcept {
    return interface_id<Interface>::value;
}

IISFAKE_END_NAMESPACE

// mingw-w64 spells __uuidof(T) as __mingw_uuidof<T>(), defined only for the interfaces its
// headers give a __CRT_UUID_DECL; these give iisfake's the same GUIDs, so __uuidof and
// _COM_SMARTPTR_TYPEDEF work on them there. IUnknown has mingw-w64's own.
#if defined(__MINGW32__) && defined(__CRT_UUID_DECL)
#define IISFAKE_DETAIL_MINGW_UUIDOF(type)                                                 \
    extern "C++" {                                                                      \
    template <>                                                                         \
    inline const GUID& __mingw_uuidof<type>() {                                         \
        return ::iisfake::uuid_of<type>();                                              \
    }                                                                                   \
    template <>                                                                         \
    inline const GUID& __mingw_uuidof<type*>() {                                        \
        return ::iisfake::uuid_of<type>();                                              \
    }                                                                                   \
    }
// clang-format off
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostAdminManager)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostChangeHandler)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostChildElementCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostCollectionSchema)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConfigException)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConfigFile)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConfigLocation)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConfigLocationCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConfigManager)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConstantValue)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostConstantValueCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostElement)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostElementCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostElementExtension)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostElementSchema)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostElementSchemaCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMappingExtension)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMethod)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMethodCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMethodExtension)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMethodInstance)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostMethodSchema)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPathMapper)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPathMapper2)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostProperty)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPropertyCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPropertyException)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPropertyExtension)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPropertySchema)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostPropertySchemaCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostSectionDefinition)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostSectionDefinitionCollection)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostSectionGroup)
IISFAKE_DETAIL_MINGW_UUIDOF(IAppHostWritableAdminManager)
IISFAKE_DETAIL_MINGW_UUIDOF(IAuthenticationProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(ICacheProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(ICustomNotificationProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IDispensedHttpModuleContextContainer)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalApplicationPreloadProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalApplicationPreloadProvider2)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalConfigurationChangeProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalFileChangeProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalRSCAQueryProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalStopListeningProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalSuspendProcessCallback)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalThreadCleanupProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IGlobalTraceEventProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpApplication)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpApplication2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpApplicationProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpApplicationResolveModulesProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCacheKey)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCachePolicy)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCachePolicy2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCacheSpecificData)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCompletionInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpCompletionInfo2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpConnection)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpConnectionModuleContextContainer)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpConnectionStoredContext)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpContext)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpContext2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpContext3)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpContext4)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpEventProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpFileInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpFileMonitor)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpModuleContextContainer)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpModuleFactory)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpModuleRegistrationInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpModuleRegistrationInfo2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpPerfCounterInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpRequest)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpRequest2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpRequest3)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpRequest4)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpResponse)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpResponse2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpResponse3)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpResponse4)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpServer)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpServer2)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpServer3)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpSite)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpStoredContext)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpTokenEntry)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpTraceContext)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpUrlInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpUser)
IISFAKE_DETAIL_MINGW_UUIDOF(IMapHandlerProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IMapPathProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IMetadataInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IModuleAllocator)
IISFAKE_DETAIL_MINGW_UUIDOF(INamedContextContainer)
IISFAKE_DETAIL_MINGW_UUIDOF(IPreBeginRequestProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IReadEntityProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IReferencedMetadataInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(IScriptMapInfo)
IISFAKE_DETAIL_MINGW_UUIDOF(ISendResponseProvider)
IISFAKE_DETAIL_MINGW_UUIDOF(IUriKey)
IISFAKE_DETAIL_MINGW_UUIDOF(IFileKey)
IISFAKE_DETAIL_MINGW_UUIDOF(IHttpTokenKey)
// clang-format on
#undef IISFAKE_DETAIL_MINGW_UUIDOF
#endif

#endif
