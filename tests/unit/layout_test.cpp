// Pins the Windows types the SDK surface uses (spec §3.1, §3.2, §3.4; traps T-12, T-19): widths
// and signedness everywhere, and on x86-64 the exact Windows x64 layout of the http.h and socket
// structures, so that module code reading raw structs (or offsets taken from Windows) agrees.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

template <class T>
constexpr bool is_unsigned_of_bits(std::size_t bits) {
    return std::is_integral<T>::value && std::is_unsigned<T>::value &&
           sizeof(T) * static_cast<std::size_t>(std::numeric_limits<unsigned char>::digits) == bits;
}

template <class T>
constexpr bool is_signed_of_bits(std::size_t bits) {
    return std::is_integral<T>::value && std::is_signed<T>::value &&
           sizeof(T) * static_cast<std::size_t>(std::numeric_limits<unsigned char>::digits) == bits;
}

// The byte offset of a member inside an object, for types where offsetof is not allowed
// (HTTP_REQUEST derives from HTTP_REQUEST_V1, so it is not standard-layout).
template <class Object, class Member>
std::size_t offset_in(const Object& object, const Member& member) {
    return static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(&member) -
                                    reinterpret_cast<const unsigned char*>(&object));
}

}  // namespace

TEST_CASE("T-19: Windows scalar types keep their Windows widths and signedness (§3.1)") {
    static_assert(is_unsigned_of_bits<DWORD>(32), "DWORD is 32-bit unsigned, even on LP64");
    static_assert(is_unsigned_of_bits<ULONG>(32), "ULONG is 32-bit unsigned, even on LP64");
    static_assert(is_unsigned_of_bits<UINT>(32), "");
    static_assert(is_signed_of_bits<LONG>(32), "LONG is 32-bit signed, even on LP64");
    static_assert(is_signed_of_bits<HRESULT>(32), "HRESULT is 32-bit signed");
    static_assert(std::is_same<BOOL, int>::value, "BOOL is int, not bool");
    static_assert(is_unsigned_of_bits<BOOLEAN>(8), "");
    static_assert(is_unsigned_of_bits<BYTE>(8), "");
    static_assert(is_unsigned_of_bits<UCHAR>(8), "");
    static_assert(std::is_same<CHAR, char>::value, "");
    static_assert(is_unsigned_of_bits<USHORT>(16), "");
    static_assert(is_unsigned_of_bits<WORD>(16), "");
    static_assert(is_signed_of_bits<SHORT>(16), "");
    static_assert(is_unsigned_of_bits<ULONGLONG>(64), "");
    static_assert(is_signed_of_bits<LONGLONG>(64), "");
    static_assert(sizeof(ULONG_PTR) == sizeof(void*) && std::is_unsigned<ULONG_PTR>::value, "");
    static_assert(sizeof(SIZE_T) == sizeof(void*), "");
    static_assert(is_unsigned_of_bits<HTTP_OPAQUE_ID>(64), "");
    static_assert(std::is_same<HTTP_REQUEST_ID, HTTP_OPAQUE_ID>::value, "");
    static_assert(std::is_same<HTTP_CONNECTION_ID, HTTP_OPAQUE_ID>::value, "");
    static_assert(std::is_same<HTTP_RAW_CONNECTION_ID, HTTP_OPAQUE_ID>::value, "");
    static_assert(is_unsigned_of_bits<HTTP_URL_CONTEXT>(64), "");

    static_assert(std::is_same<PCSTR, const char*>::value, "");
    static_assert(std::is_same<PCWSTR, const WCHAR*>::value, "");
    static_assert(std::is_same<PWSTR, WCHAR*>::value, "");
    static_assert(std::is_same<PVOID, void*>::value, "");
    static_assert(std::is_same<HANDLE, void*>::value, "");
    static_assert(std::is_same<PBYTE, BYTE*>::value, "");
    static_assert(std::is_same<PSOCKADDR, SOCKADDR*>::value, "");
    static_assert(std::is_same<PHTTP_REQUEST, HTTP_REQUEST*>::value, "");
    static_assert(std::is_same<HTTP_REQUEST, HTTP_REQUEST_V2>::value, "HTTP_REQUEST is V2");
    static_assert(std::is_base_of<HTTP_REQUEST_V1, HTTP_REQUEST>::value, "");
    static_assert(std::is_same<HTTP_RESPONSE, HTTP_RESPONSE_V2>::value, "");
    static_assert(std::is_base_of<HTTP_RESPONSE_V1, HTTP_RESPONSE>::value, "");
#if !defined(_WIN32)
    // T-12: off Windows WCHAR is wchar_t (4 bytes on Linux) so that L"..." literals are PCWSTR.
    static_assert(std::is_same<WCHAR, wchar_t>::value, "");
#endif
    PCWSTR wide = L"/path";
    CHECK(wide[1] == L'p');

    // The 32-bit types wrap at 32 bits, as module arithmetic on Windows does.
    DWORD d = 0xFFFFFFFFu;
    ++d;
    CHECK(d == 0u);
    const HRESULT negative = static_cast<HRESULT>(0x80004005u);
    CHECK(negative < 0);
    BOOL b = TRUE;
    CHECK(b == 1);
}

TEST_CASE("T-19: socket address families and field names are Windows' (§3.2)") {
    static_assert(AF_UNSPEC == 0, "");
    static_assert(AF_INET == 2, "");
    static_assert(AF_INET6 == 23, "AF_INET6 is 23 on Windows, not the host's value");

    SOCKADDR_IN in4{};
    in4.sin_family = AF_INET;
    in4.sin_port = 0x5000;
    in4.sin_addr.S_un.S_un_b.s_b1 = 127;
    in4.sin_addr.S_un.S_un_b.s_b2 = 0;
    in4.sin_addr.S_un.S_un_b.s_b3 = 0;
    in4.sin_addr.S_un.S_un_b.s_b4 = 1;
    unsigned char bytes[sizeof(IN_ADDR)] = {};
    std::memcpy(bytes, &in4.sin_addr, sizeof bytes);
    CHECK(bytes[0] == 127);  // s_b1 is the first byte (network order)
    CHECK(bytes[3] == 1);

    IN_ADDR a{};
    a.s_addr = 0x04030201u;
    ULONG round_trip = 0;
    std::memcpy(&round_trip, &a, sizeof round_trip);
    CHECK(round_trip == 0x04030201u);  // s_addr spans the whole address
    a.S_un.S_addr = 7u;
    std::memcpy(&round_trip, &a, sizeof round_trip);
    CHECK(round_trip == 7u);
    a.S_un.S_un_w.s_w1 = 0;

    SOCKADDR_IN6 in6{};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = 0x5000;
    in6.sin6_flowinfo = 0;
    in6.sin6_addr.u.Byte[15] = 1;  // ::1
    in6.sin6_addr.u.Word[0] = 0;
    in6.sin6_scope_id = 3;
    CHECK(in6.sin6_addr.u.Byte[15] == 1);
    CHECK(in6.sin6_scope_id == 3u);

    // A SOCKADDR* handed out by GetRemoteAddress is read through sa_family first.
    SOCKADDR generic{};
    generic.sa_family = AF_INET6;
    generic.sa_data[0] = 'x';
    CHECK(generic.sa_family == 23);
}

TEST_CASE("http.h structures: array extents and member access as module code writes it (§3.4)") {
    static_assert(std::extent<decltype(HTTP_REQUEST_HEADERS::KnownHeaders)>::value == 41, "");
    static_assert(std::extent<decltype(HTTP_RESPONSE_HEADERS::KnownHeaders)>::value == 30, "");
    static_assert(std::extent<decltype(SOCKADDR::sa_data)>::value == 14, "");
    static_assert(std::extent<decltype(GUID::Data4)>::value == 8, "");

    // V1 members are reached directly through HTTP_REQUEST (C++ inheritance, as in the SDK).
    HTTP_REQUEST r{};
    r.Verb = HttpVerbPOST;
    r.Headers.KnownHeaders[HttpHeaderHost].pRawValue = "example";
    r.Headers.KnownHeaders[HttpHeaderHost].RawValueLength = 7;
    r.RequestInfoCount = 0;
    r.pSslInfo = nullptr;
    HTTP_DATA_CHUNK chunk{};
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = &r;
    chunk.FromMemory.BufferLength = 1;
    CHECK(r.Headers.KnownHeaders[28].RawValueLength == 7);
    CHECK(chunk.FromMemory.BufferLength == 1u);
    const HTTP_REQUEST_V1& v1 = r;
    CHECK(static_cast<const void*>(&v1) == static_cast<const void*>(&r));
}

#if defined(__x86_64__) || defined(_M_X64)

TEST_CASE("Windows x64 layout: small structures (§3.1, §3.2, §3.4)") {
    static_assert(sizeof(GUID) == 16, "");
    static_assert(offsetof(GUID, Data2) == 4 && offsetof(GUID, Data3) == 6, "");
    static_assert(offsetof(GUID, Data4) == 8, "");

    static_assert(sizeof(SOCKADDR) == 16, "");
    static_assert(offsetof(SOCKADDR, sa_data) == 2, "");
    static_assert(sizeof(IN_ADDR) == 4, "");
    static_assert(sizeof(SOCKADDR_IN) == 16, "");
    static_assert(offsetof(SOCKADDR_IN, sin_port) == 2, "");
    static_assert(offsetof(SOCKADDR_IN, sin_addr) == 4, "");
    static_assert(offsetof(SOCKADDR_IN, sin_zero) == 8, "");
    static_assert(sizeof(IN6_ADDR) == 16, "");
    static_assert(sizeof(SOCKADDR_IN6) == 28, "");
    static_assert(offsetof(SOCKADDR_IN6, sin6_port) == 2, "");
    static_assert(offsetof(SOCKADDR_IN6, sin6_flowinfo) == 4, "");
    static_assert(offsetof(SOCKADDR_IN6, sin6_addr) == 8, "");
    static_assert(offsetof(SOCKADDR_IN6, sin6_scope_id) == 24, "");
    static_assert(sizeof(SOCKADDR_STORAGE) == 128, "");

    static_assert(sizeof(HTTP_VERSION) == 4, "");
    static_assert(sizeof(HTTP_VERB) == 4, "");
    static_assert(sizeof(HTTP_HEADER_ID) == 4, "");

    static_assert(sizeof(HTTP_KNOWN_HEADER) == 16, "");
    static_assert(offsetof(HTTP_KNOWN_HEADER, pRawValue) == 8, "");
    static_assert(sizeof(HTTP_UNKNOWN_HEADER) == 24, "");
    static_assert(offsetof(HTTP_UNKNOWN_HEADER, RawValueLength) == 2, "");
    static_assert(offsetof(HTTP_UNKNOWN_HEADER, pName) == 8, "");
    static_assert(offsetof(HTTP_UNKNOWN_HEADER, pRawValue) == 16, "");

    static_assert(sizeof(HTTP_COOKED_URL) == 40, "");
    static_assert(offsetof(HTTP_COOKED_URL, HostLength) == 2, "");
    static_assert(offsetof(HTTP_COOKED_URL, AbsPathLength) == 4, "");
    static_assert(offsetof(HTTP_COOKED_URL, QueryStringLength) == 6, "");
    static_assert(offsetof(HTTP_COOKED_URL, pFullUrl) == 8, "");
    static_assert(offsetof(HTTP_COOKED_URL, pHost) == 16, "");
    static_assert(offsetof(HTTP_COOKED_URL, pAbsPath) == 24, "");
    static_assert(offsetof(HTTP_COOKED_URL, pQueryString) == 32, "");

    static_assert(sizeof(HTTP_TRANSPORT_ADDRESS) == 16, "");
    static_assert(offsetof(HTTP_TRANSPORT_ADDRESS, pRemoteAddress) == 0, "remote comes first");
    static_assert(offsetof(HTTP_TRANSPORT_ADDRESS, pLocalAddress) == 8, "");

    static_assert(sizeof(HTTP_BYTE_RANGE) == 16, "");
    static_assert(sizeof(HTTP_DATA_CHUNK) == 32, "");
    static_assert(offsetof(HTTP_DATA_CHUNK, FromMemory) == 8, "");
    static_assert(offsetof(decltype(HTTP_DATA_CHUNK::FromMemory), BufferLength) == 8, "");
    static_assert(offsetof(decltype(HTTP_DATA_CHUNK::FromFileHandle), FileHandle) == 16, "");

    static_assert(sizeof(HTTP_SSL_CLIENT_CERT_INFO) == 32, "");
    static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, CertEncodedSize) == 4, "");
    static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, pCertEncoded) == 8, "");
    static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, Token) == 16, "");
    static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, CertDeniedByMapper) == 24, "");

    static_assert(sizeof(HTTP_SSL_INFO) == 48, "");
    static_assert(offsetof(HTTP_SSL_INFO, ConnectionKeySize) == 2, "");
    static_assert(offsetof(HTTP_SSL_INFO, ServerCertIssuerSize) == 4, "");
    static_assert(offsetof(HTTP_SSL_INFO, ServerCertSubjectSize) == 8, "");
    static_assert(offsetof(HTTP_SSL_INFO, pServerCertIssuer) == 16, "");
    static_assert(offsetof(HTTP_SSL_INFO, pServerCertSubject) == 24, "");
    static_assert(offsetof(HTTP_SSL_INFO, pClientCertInfo) == 32, "");
    static_assert(offsetof(HTTP_SSL_INFO, SslClientCertNegotiated) == 40, "");

    static_assert(sizeof(HTTP_REQUEST_INFO) == 16, "");
    static_assert(offsetof(HTTP_REQUEST_INFO, InfoLength) == 4, "");
    static_assert(offsetof(HTTP_REQUEST_INFO, pInfo) == 8, "");

    HTTP_SSL_INFO ssl{};
    HTTP_SSL_CLIENT_CERT_INFO cert{};
    ssl.pClientCertInfo = &cert;
    cert.CertEncodedSize = 3;
    CHECK(ssl.pClientCertInfo->CertEncodedSize == 3u);
    CHECK(offset_in(ssl, ssl.SslClientCertNegotiated) == 40u);
}

TEST_CASE("Windows x64 layout: HTTP_REQUEST is 864 bytes with the SDK's field offsets (§3.4)") {
    static_assert(sizeof(HTTP_REQUEST_HEADERS) == 688, "32 + 41 * 16");
    static_assert(offsetof(HTTP_REQUEST_HEADERS, pUnknownHeaders) == 8, "");
    static_assert(offsetof(HTTP_REQUEST_HEADERS, TrailerCount) == 16, "");
    static_assert(offsetof(HTTP_REQUEST_HEADERS, pTrailers) == 24, "");
    static_assert(offsetof(HTTP_REQUEST_HEADERS, KnownHeaders) == 32, "");

    static_assert(offsetof(HTTP_REQUEST_V1, Flags) == 0, "");
    static_assert(offsetof(HTTP_REQUEST_V1, ConnectionId) == 8, "");
    static_assert(offsetof(HTTP_REQUEST_V1, RequestId) == 16, "");
    static_assert(offsetof(HTTP_REQUEST_V1, UrlContext) == 24, "");
    static_assert(offsetof(HTTP_REQUEST_V1, Version) == 32, "");
    static_assert(offsetof(HTTP_REQUEST_V1, Verb) == 36, "");
    static_assert(offsetof(HTTP_REQUEST_V1, UnknownVerbLength) == 40, "");
    static_assert(offsetof(HTTP_REQUEST_V1, RawUrlLength) == 42, "");
    static_assert(offsetof(HTTP_REQUEST_V1, pUnknownVerb) == 48, "");
    static_assert(offsetof(HTTP_REQUEST_V1, pRawUrl) == 56, "");
    static_assert(offsetof(HTTP_REQUEST_V1, CookedUrl) == 64, "");
    static_assert(offsetof(HTTP_REQUEST_V1, Address) == 104, "");
    static_assert(offsetof(HTTP_REQUEST_V1, Headers) == 120, "");
    static_assert(offsetof(HTTP_REQUEST_V1, BytesReceived) == 808, "");
    static_assert(offsetof(HTTP_REQUEST_V1, EntityChunkCount) == 816, "");
    static_assert(offsetof(HTTP_REQUEST_V1, pEntityChunks) == 824, "");
    static_assert(offsetof(HTTP_REQUEST_V1, RawConnectionId) == 832, "");
    static_assert(offsetof(HTTP_REQUEST_V1, pSslInfo) == 840, "");
    static_assert(sizeof(HTTP_REQUEST_V1) == 848, "");
    static_assert(sizeof(HTTP_REQUEST) == 864, "");

    // HTTP_REQUEST is not standard-layout (it derives from V1), so its own members are measured
    // on an object: the V1 subobject first, then RequestInfoCount and pRequestInfo.
    HTTP_REQUEST r{};
    CHECK(offset_in(r, static_cast<const HTTP_REQUEST_V1&>(r)) == 0u);
    CHECK(offset_in(r, r.Headers) == 120u);
    CHECK(offset_in(r, r.Headers.KnownHeaders[HttpHeaderUserAgent]) == 120u + 32u + 40u * 16u);
    CHECK(offset_in(r, r.pSslInfo) == 840u);
    CHECK(offset_in(r, r.RequestInfoCount) == 848u);
    CHECK(offset_in(r, r.pRequestInfo) == 856u);
}

TEST_CASE("Windows x64 layout: HTTP_RESPONSE is 568 bytes with the SDK's field offsets (§3.4)") {
    static_assert(sizeof(HTTP_RESPONSE_HEADERS) == 512, "32 + 30 * 16");
    static_assert(offsetof(HTTP_RESPONSE_HEADERS, KnownHeaders) == 32, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, Version) == 4, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, StatusCode) == 8, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, ReasonLength) == 10, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, pReason) == 16, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, Headers) == 24, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, EntityChunkCount) == 536, "");
    static_assert(offsetof(HTTP_RESPONSE_V1, pEntityChunks) == 544, "");
    static_assert(sizeof(HTTP_RESPONSE_V1) == 552, "");
    static_assert(sizeof(HTTP_RESPONSE) == 568, "");

    HTTP_RESPONSE r{};
    CHECK(offset_in(r, r.ResponseInfoCount) == 552u);
    CHECK(offset_in(r, r.pResponseInfo) == 560u);
}

TEST_CASE(
    "Windows x64 layout: the response side of http.h, the trace structures and VARIANT "
    "(§2.13, §3.4)") {
    // Every HTTP_DATA_CHUNK variant starts after the 4-byte type, at 8.
    static_assert(offsetof(decltype(HTTP_DATA_CHUNK::FromFragmentCache), pFragmentName) == 8, "");
#if !defined(_WIN32)
    // mingw-w64's <http.h> has neither of these; the Windows SDK's has both.
    static_assert(offsetof(decltype(HTTP_DATA_CHUNK::FromFragmentCacheEx), pFragmentName) == 16,
                  "");
    static_assert(offsetof(decltype(HTTP_DATA_CHUNK::Trailers), pTrailers) == 8, "");
    // The SDK's HTTP_LOG_FIELDS_DATA, with ServiceNameLength (mingw-w64's lacks it).
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserNameLength) == 4, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServiceNameLength) == 12, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ReferrerLength) == 26, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserName) == 32, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Referrer) == 120, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerPort) == 128, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Win32Status) == 132, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, MethodNum) == 136, "");
    static_assert(offsetof(HTTP_LOG_FIELDS_DATA, SubStatus) == 140, "");
    static_assert(sizeof(HTTP_LOG_FIELDS_DATA) == 144, "");
#endif
    static_assert(sizeof(HTTP_LOG_DATA) == 4, "");
    static_assert(sizeof(HTTP_CACHE_POLICY) == 8, "");
    static_assert(offsetof(HTTP_CACHE_POLICY, SecondsToLive) == 4, "");
    static_assert(sizeof(HTTP_RESPONSE_INFO) == 16, "");
    static_assert(offsetof(HTTP_RESPONSE_INFO, pInfo) == 8, "");

    static_assert(sizeof(HTTP_TRACE_EVENT_ITEM) == 40, "");
    static_assert(offsetof(HTTP_TRACE_EVENT_ITEM, dwDataType) == 8, "");
    static_assert(offsetof(HTTP_TRACE_EVENT_ITEM, pbData) == 16, "");
    static_assert(offsetof(HTTP_TRACE_EVENT_ITEM, cbData) == 24, "");
    static_assert(offsetof(HTTP_TRACE_EVENT_ITEM, pszDataDescription) == 32, "");
    static_assert(sizeof(HTTP_TRACE_EVENT) == 88, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, dwArea) == 8, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, pszEventName) == 32, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, dwVerbosity) == 44, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, dwTimeStamp) == 64, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, cEventItems) == 72, "");
    static_assert(offsetof(HTTP_TRACE_EVENT, pEventItems) == 80, "");
    static_assert(sizeof(HTTP_TRACE_CONFIGURATION) == 24, "");
    static_assert(offsetof(HTTP_TRACE_CONFIGURATION, dwAreas) == 8, "");
    static_assert(offsetof(HTTP_TRACE_CONFIGURATION, fProviderEnabled) == 16, "");

    static_assert(sizeof(VARIANT) == 24, "");
    static_assert(sizeof(DECIMAL) == 16, "");
    static_assert(sizeof(SAFEARRAY) == 32, "");
    static_assert(sizeof(VARIANT_BOOL) == 2, "");
    VARIANT v{};
    CHECK(offset_in(v, v.vt) == 0u);
    CHECK(offset_in(v, v.llVal) == 8u);
    CHECK(offset_in(v, v.bstrVal) == 8u);
    CHECK(offset_in(v, v.pRecInfo) == 16u);
    CHECK(offset_in(v, v.decVal) == 0u);
}

#endif  // x86-64
