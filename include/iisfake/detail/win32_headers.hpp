// Windows targets only: the real <winsock2.h>, <windows.h> and <http.h>, in the order that works
// whatever the user included before (or includes after) iisfake. Included by win_types.hpp
// when _WIN32 is defined; everywhere else iisfake declares its own Windows types.
//
// Orders handled (each is compiled by tests/windows/):
//  * nothing before us: <winsock2.h> reads <windows.h> itself, and the _WINSOCKAPI_ it defines
//    keeps <windows.h> from reading the old <winsock.h>; a later <windows.h> is a no-op.
//  * <windows.h> first, with or without WIN32_LEAN_AND_MEAN, or after `#define _WINSOCKAPI_`
//    (the IIS samples' idiom): mingw-w64's <winsock2.h> sees _WINSOCKAPI_ and emits
//    "#warning Please include winsock2.h before windows.h", an error under -Werror. The
//    declarations themselves coexist in mingw-w64, so the user's _WINSOCKAPI_ is hidden while
//    <winsock2.h> is read and restored afterwards. (With the Windows SDK, <windows.h> without
//    WIN32_LEAN_AND_MEAN and without _WINSOCKAPI_ has already read <winsock.h>, which clashes
//    with any later <winsock2.h>: an SDK limitation no include order of ours can repair.)
//  * <winsock2.h> then <windows.h> first: nothing to do.
//
// Defines no macro of its own beyond the SDK macros listed at the end. Never defines
// WIN32_LEAN_AND_MEAN or NOMINMAX: <windows.h> is read once, so doing so would change what the
// user's own later <windows.h> provides.
#ifndef IISFAKE_DETAIL_WIN32_HEADERS_HPP_INCLUDED
#define IISFAKE_DETAIL_WIN32_HEADERS_HPP_INCLUDED

#if !defined(_WIN32)
#error "iisfake/detail/win32_headers.hpp is only for Windows targets"
#endif

#if defined(_WINSOCKAPI_) && !defined(_WINSOCK2API_)
#define IISFAKE_DETAIL_WIN32_RESTORE_WINSOCKAPI
#pragma push_macro("_WINSOCKAPI_")
#undef _WINSOCKAPI_
#endif
#include <winsock2.h>
#if defined(IISFAKE_DETAIL_WIN32_RESTORE_WINSOCKAPI)
#pragma pop_macro("_WINSOCKAPI_")
#undef IISFAKE_DETAIL_WIN32_RESTORE_WINSOCKAPI
#endif

#include <windows.h>
#include <http.h>

// SAL annotations that iisfake's declarations or module sources use (see detail/sal.hpp) and
// mingw-w64's <sal.h> lacks; empty, as off Windows and as the SDK's outside code analysis.
#ifndef _Ret_opt_
#define _Ret_opt_
#endif
#ifndef __override
#define __override
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef __field_ecount
#define __field_ecount(size)
#endif
#ifndef __field_bcount
#define __field_bcount(size)
#endif

// Macros the IIS SDK's <http.h> has and mingw-w64's lacks (values from the Windows SDK). What
// cannot be patched from here: the enumerators mingw-w64 lacks (HttpDataChunkTrailers and later,
// HttpRequestInfoType* beyond Auth) and its HTTP_LOG_FIELDS_DATA, which has no
// ServiceNameLength and so a different layout from the SDK's.
#ifndef HTTP_REQUEST_FLAG_IP_ROUTED
#define HTTP_REQUEST_FLAG_IP_ROUTED 0x00000002
#endif
#ifndef HTTP_REQUEST_FLAG_HTTP2
#define HTTP_REQUEST_FLAG_HTTP2 0x00000004
#endif
#ifndef HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING
#define HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING 0x00000008
#endif
#ifndef HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES
#define HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES 0x00000020
#endif
#ifndef HTTP_SEND_RESPONSE_FLAG_OPAQUE
#define HTTP_SEND_RESPONSE_FLAG_OPAQUE 0x00000040
#endif
#ifndef HTTP_SEND_RESPONSE_FLAG_GOAWAY
#define HTTP_SEND_RESPONSE_FLAG_GOAWAY 0x00000100
#endif
#ifndef HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING
#define HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING 0x00000200
#endif

#endif
