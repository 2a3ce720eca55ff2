// Shared by the include_order_*.cpp TUs: uses a few SDK types the way module code does, after
// each TU's own include sequence. Returns the number of failed checks.
#ifndef IISFAKE_TESTS_WINDOWS_INCLUDE_ORDER_CHECK_HPP_INCLUDED
#define IISFAKE_TESTS_WINDOWS_INCLUDE_ORDER_CHECK_HPP_INCLUDED

#include <iisfake/iisfake.hpp>

#include <type_traits>

#if !defined(_WINSOCK2API_)
#error "<winsock2.h> was not read"
#endif
#if defined(IISFAKE_DETAIL_WIN32_RESTORE_WINSOCKAPI)
#error "win32_headers.hpp leaked its temporary macro"
#endif

namespace {

// HTTP_REQUEST is the V2 struct, derived from HTTP_REQUEST_V1 in C++, so V1 members are
// reached directly (include_order_check uses request.Headers); the sizes are the x64 ones that
// iisfake's own declarations reproduce off Windows.
static_assert(std::is_base_of<HTTP_REQUEST_V1, HTTP_REQUEST>::value, "HTTP_REQUEST_V2 : V1");
#if defined(_WIN64)
static_assert(sizeof(HTTP_REQUEST) == 864, "HTTP_REQUEST is not the x64 HTTP_REQUEST_V2");
static_assert(sizeof(HTTP_REQUEST_V1) == 848, "HTTP_REQUEST_V1 size");
#endif
static_assert(HttpHeaderRequestMaximum == 41 && HttpHeaderResponseMaximum == 30, "header ids");

inline int include_order_check() {
    int failures = 0;

    HTTP_REQUEST request{};
    request.Headers.KnownHeaders[HttpHeaderHost].RawValueLength = 9;
    request.Headers.KnownHeaders[HttpHeaderHost].pRawValue = "localhost";
    request.Flags = HTTP_REQUEST_FLAG_HTTP2;
    HTTP_REQUEST_V1* v1 = &request;
    if (v1->Headers.KnownHeaders[HttpHeaderHost].RawValueLength != 9) ++failures;

    SOCKADDR_IN6 address{};
    address.sin6_family = AF_INET6;
    PSOCKADDR generic = reinterpret_cast<PSOCKADDR>(&address);
    if (generic->sa_family != 23) ++failures;

    const HRESULT eof = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
    if (eof != static_cast<HRESULT>(0x80070026u) || SUCCEEDED(eof)) ++failures;
    if (E_INVALIDARG != HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER)) ++failures;

    IHttpRequest3* request3 = nullptr;
    IHttpRequest* base = request3;
    IHttpCompletionInfo2* completion = nullptr;
    PFN_ASYNC_COMPLETION callback = nullptr;
    if (base != nullptr || completion != nullptr || callback != nullptr) ++failures;

    const GUID& id = iisfake::uuid_of<IHttpRequest>();
    if (id.Data1 != 0xe8698f7eu || id.Data4[7] != 0xef) ++failures;

    return failures;
}

}  // namespace

#endif
