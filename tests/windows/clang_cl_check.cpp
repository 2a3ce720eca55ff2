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

static_assert(same_guid(__uuidof(IHttpRequest), sdk_IHttpRequest),
              "__uuidof(IHttpRequest) is not the SDK's e8698f7e-576e-4cac-a309-67435355faef");
static_assert(same_guid(__uuidof(IHttpCompletionInfo2), sdk_IHttpCompletionInfo2),
              "__uuidof(IHttpCompletionInfo2) is not the SDK's 53129f70-0196-47ec-b16c-127906e2afeb");

// __declspec(uuid) strings and iisfake::uuid_of<T>() tables must agree, interface by interface.
static_assert(same_guid(__uuidof(IHttpRequest), iisfake::uuid_of<IHttpRequest>()),
              "IHttpRequest: __declspec(uuid) and iisfake::uuid_of disagree");
static_assert(same_guid(__uuidof(IHttpRequest2), iisfake::uuid_of<IHttpRequest2>()),
              "IHttpRequest2: __declspec(uuid) and iisfake::uuid_of disagree");
static_assert(same_guid(__uuidof(IHttpRequest3), iisfake::uuid_of<IHttpRequest3>()),
              "IHttpRequest3: __declspec(uuid) and iisfake::uuid_of disagree");
static_assert(same_guid(__uuidof(IHttpRequest4), iisfake::uuid_of<IHttpRequest4>()),
              "IHttpRequest4: __declspec(uuid) and iisfake::uuid_of disagree");
static_assert(same_guid(__uuidof(IHttpCompletionInfo), iisfake::uuid_of<IHttpCompletionInfo>()),
              "IHttpCompletionInfo: __declspec(uuid) and iisfake::uuid_of disagree");
static_assert(same_guid(__uuidof(IHttpCompletionInfo2), iisfake::uuid_of<IHttpCompletionInfo2>()),
              "IHttpCompletionInfo2: __declspec(uuid) and iisfake::uuid_of disagree");

// The real <http.h> types, reached the way module code reaches them.
static_assert(sizeof(HTTP_REQUEST) == 864, "HTTP_REQUEST is the V2 struct (x64)");
static_assert(HTTP_REQUEST_FLAG_HTTP2 == 0x4 && HTTP_REQUEST_FLAG_IP_ROUTED == 0x2,
              "request flags");

[[maybe_unused]] USHORT host_length(IHttpRequest& request) {
    const HTTP_REQUEST* raw = request.GetRawHttpRequest();
    return raw->Headers.KnownHeaders[HttpHeaderHost].RawValueLength;
}

}  // namespace
