// iisfake 0.1.0: single-header edition.
//
// GENERATED FILE - DO NOT EDIT. It is assembled from the parts under include/iisfake/:
// edit those, then run `python3 tools/amalgamate.py` and commit both.
// Include it as <iisfake/iisfake.hpp>, the same spelling as the modular umbrella.

// ----- begin iisfake/iisfake.hpp -----
#ifndef IISFAKE_IISFAKE_HPP_INCLUDED
#define IISFAKE_IISFAKE_HPP_INCLUDED

// iisfake: the IIS native-module API (httpserv.h) re-declared, with stateful fakes that behave
// like IIS, for unit tests off-server. Include this one header.

// ----- begin iisfake/version.hpp -----
#ifndef IISFAKE_VERSION_HPP_INCLUDED
#define IISFAKE_VERSION_HPP_INCLUDED

// Kept equal to project(VERSION) in CMakeLists.txt; a test checks that they agree.
#define IISFAKE_VERSION_MAJOR 0
#define IISFAKE_VERSION_MINOR 1
#define IISFAKE_VERSION_PATCH 0
#define IISFAKE_VERSION_STRING "0.1.0"

#endif
// ----- end iisfake/version.hpp -----
// ----- begin iisfake/config.hpp -----
#ifndef IISFAKE_CONFIG_HPP_INCLUDED
#define IISFAKE_CONFIG_HPP_INCLUDED


// The inline namespace keeps two copies of different iisfake versions in one binary apart.
#define IISFAKE_BEGIN_NAMESPACE \
    namespace iisfake {         \
    inline namespace v0 {
#define IISFAKE_END_NAMESPACE \
    }                         \
    }

// __declspec(uuid) exists only for MSVC and clang-cl; elsewhere iisfake::uuid_of<T>() serves.
#if defined(_MSC_VER)
#define IISFAKE_UUID(text) __declspec(uuid(text))
#else
#define IISFAKE_UUID(text)
#endif

// Where the Windows SDK's own <httpserv.h> exists (MSVC with the SDK), its declarations win.
// IISFAKE_CONFIG_USE_SDK_HTTPSERV=0/1 overrides the detection.
#if defined(IISFAKE_CONFIG_USE_SDK_HTTPSERV)
#if IISFAKE_CONFIG_USE_SDK_HTTPSERV
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#elif defined(_HTTPSERV_H_)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#elif defined(_WIN32) && defined(__has_include)
#if __has_include(<httpserv.h>)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#endif

#endif
// ----- end iisfake/config.hpp -----
// ----- begin iisfake/win_types.hpp -----
#ifndef IISFAKE_WIN_TYPES_HPP_INCLUDED
#define IISFAKE_WIN_TYPES_HPP_INCLUDED

// The Windows base types, codes and macros that httpserv.h and module code use. On Windows the
// real <windows.h> provides them; elsewhere they are declared here with the Windows widths
// (DWORD and HRESULT are 32-bit even where long is 64-bit). PCWSTR is const wchar_t* so L""
// literals compile; wchar_t is 4 bytes off Windows, so byte lengths always use sizeof(WCHAR).


#if defined(_WIN32)
// ----- begin iisfake/detail/win32_headers.hpp -----
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

// SAL annotations that iisfake's declarations use (see detail/sal.hpp) and mingw-w64's <sal.h>
// lacks; empty, as off Windows.
#ifndef _Ret_opt_
#define _Ret_opt_
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
// ----- end iisfake/detail/win32_headers.hpp -----
#else

#include <cstddef>
#include <cstdint>

// ---- scalar types -------------------------------------------------------------------------
#ifndef VOID
#define VOID void
#endif
typedef int BOOL;
typedef unsigned char BOOLEAN;
typedef unsigned char BYTE;
typedef unsigned char UCHAR;
typedef char CHAR;
typedef short SHORT;
typedef unsigned short USHORT;
typedef unsigned short WORD;
typedef int INT;
typedef unsigned int UINT;
typedef std::uint32_t DWORD;
typedef std::uint32_t ULONG;
typedef std::int32_t LONG;
typedef std::int32_t HRESULT;
typedef std::int32_t SCODE;
typedef std::uint64_t ULONGLONG;
typedef std::int64_t LONGLONG;
typedef std::uint64_t DWORD64;
typedef std::uintptr_t ULONG_PTR;
typedef std::intptr_t LONG_PTR;
typedef std::uintptr_t DWORD_PTR;
typedef std::size_t SIZE_T;
typedef wchar_t WCHAR;

typedef BOOL* PBOOL;
typedef BOOL* LPBOOL;
typedef BYTE* PBYTE;
typedef BYTE* LPBYTE;
typedef UCHAR* PUCHAR;
typedef USHORT* PUSHORT;
typedef DWORD* PDWORD;
typedef DWORD* LPDWORD;
typedef ULONG* PULONG;
typedef LONG* PLONG;
typedef CHAR* PCHAR;
typedef CHAR* PSTR;
typedef CHAR* LPSTR;
typedef const CHAR* PCSTR;
typedef const CHAR* LPCSTR;
typedef WCHAR* PWCHAR;
typedef WCHAR* PWSTR;
typedef WCHAR* LPWSTR;
typedef const WCHAR* PCWSTR;
typedef const WCHAR* LPCWSTR;
typedef void* PVOID;
typedef void* LPVOID;
typedef const void* LPCVOID;
typedef void* HANDLE;
typedef HANDLE* PHANDLE;
typedef void* PSID;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#define INVALID_HANDLE_VALUE (reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-1)))

// ---- calling conventions, linkage, annotations ---------------------------------------------
#ifndef WINAPI
#define WINAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif
// Module sources write HRESULT __stdcall RegisterModule(...) and __declspec(dllexport).
#ifndef __stdcall
#define __stdcall
#endif
#if !defined(__declspec) && !defined(_MSC_EXTENSIONS)
#define __declspec(attributes)
#endif
#ifndef EXTERN_C
#define EXTERN_C extern "C"
#endif
#ifndef UNREFERENCED_PARAMETER
#define UNREFERENCED_PARAMETER(P) (static_cast<void>(P))
#endif
#ifndef IN
#define IN
#endif
#ifndef OUT
#define OUT
#endif
#ifndef OPTIONAL
#define OPTIONAL
#endif

// ----- begin iisfake/detail/sal.hpp -----
#ifndef IISFAKE_DETAIL_SAL_HPP_INCLUDED
#define IISFAKE_DETAIL_SAL_HPP_INCLUDED

// Microsoft's source annotations (SAL) used by httpserv.h and by module code, as empty macros.
// Each is guarded, so a real <sal.h> (or another shim) that came first wins.

#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Inout_
#define _Inout_
#endif
#ifndef _Inout_opt_
#define _Inout_opt_
#endif
#ifndef _Outptr_
#define _Outptr_
#endif
#ifndef _Outptr_opt_
#define _Outptr_opt_
#endif
#ifndef _Outptr_result_maybenull_
#define _Outptr_result_maybenull_
#endif
#ifndef _Ret_opt_
#define _Ret_opt_
#endif
#ifndef _Ret_maybenull_
#define _Ret_maybenull_
#endif
#ifndef _Ret_notnull_
#define _Ret_notnull_
#endif
#ifndef _Success_
#define _Success_(expr)
#endif
#ifndef _In_reads_
#define _In_reads_(size)
#endif
#ifndef _In_reads_opt_
#define _In_reads_opt_(size)
#endif
#ifndef _In_reads_bytes_
#define _In_reads_bytes_(size)
#endif
#ifndef _In_reads_bytes_opt_
#define _In_reads_bytes_opt_(size)
#endif
#ifndef _In_opt_count_
#define _In_opt_count_(size)
#endif
#ifndef _In_range_
#define _In_range_(low, high)
#endif
#ifndef _Out_writes_
#define _Out_writes_(size)
#endif
#ifndef _Out_writes_opt_
#define _Out_writes_opt_(size)
#endif
#ifndef _Out_writes_all_
#define _Out_writes_all_(size)
#endif
#ifndef _Out_writes_bytes_
#define _Out_writes_bytes_(size)
#endif
#ifndef _Out_writes_bytes_all_
#define _Out_writes_bytes_all_(size)
#endif
#ifndef _Out_writes_bytes_to_opt_
#define _Out_writes_bytes_to_opt_(size, count)
#endif
#ifndef _Out_writes_to_opt_
#define _Out_writes_to_opt_(size, count)
#endif
#ifndef _Inout_updates_
#define _Inout_updates_(size)
#endif
#ifndef _Ret_writes_
#define _Ret_writes_(size)
#endif
#ifndef _Ret_writes_bytes_
#define _Ret_writes_bytes_(size)
#endif
#ifndef _Post_writable_byte_size_
#define _Post_writable_byte_size_(size)
#endif
#ifndef _Outptr_result_buffer_
#define _Outptr_result_buffer_(size)
#endif
#ifndef _Outptr_result_bytebuffer_
#define _Outptr_result_bytebuffer_(size)
#endif
#ifndef _Outptr_result_bytebuffer_to_
#define _Outptr_result_bytebuffer_to_(size, count)
#endif
#ifndef _Outptr_opt_result_bytebuffer_
#define _Outptr_opt_result_bytebuffer_(size)
#endif
#ifndef _At_
#define _At_(target, annotation)
#endif
#ifndef _Pre_readable_size_
#define _Pre_readable_size_(size)
#endif
#ifndef _Post_readable_size_
#define _Post_readable_size_(size)
#endif
#ifndef _Field_size_
#define _Field_size_(size)
#endif
#ifndef _Field_size_bytes_
#define _Field_size_bytes_(size)
#endif
#ifndef _Null_terminated_
#define _Null_terminated_
#endif
#ifndef _Must_inspect_result_
#define _Must_inspect_result_
#endif
#ifndef _Check_return_
#define _Check_return_
#endif

#endif
// ----- end iisfake/detail/sal.hpp -----

// Windows nests unnamed structs in unnamed unions; clang counts that as an extension.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#endif

// ---- GUID, OVERLAPPED and friends ----------------------------------------------------------
typedef struct _GUID {
    std::uint32_t Data1;
    unsigned short Data2;
    unsigned short Data3;
    unsigned char Data4[8];
} GUID;
typedef GUID IID;
typedef const GUID* LPCGUID;
typedef const GUID& REFGUID;
typedef const IID& REFIID;

inline bool operator==(const GUID& a, const GUID& b) noexcept {
    if (a.Data1 != b.Data1 || a.Data2 != b.Data2 || a.Data3 != b.Data3) return false;
    for (int i = 0; i < 8; ++i)
        if (a.Data4[i] != b.Data4[i]) return false;
    return true;
}
inline bool operator!=(const GUID& a, const GUID& b) noexcept { return !(a == b); }

// __extension__ keeps the Windows anonymous structs without -Wpedantic noise in users' builds.
typedef union _LARGE_INTEGER {
    __extension__ struct {
        DWORD LowPart;
        LONG HighPart;
    };
    struct {
        DWORD LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;
typedef union _ULARGE_INTEGER {
    __extension__ struct {
        DWORD LowPart;
        DWORD HighPart;
    };
    struct {
        DWORD LowPart;
        DWORD HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _FILETIME {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _OVERLAPPED {
    ULONG_PTR Internal;
    ULONG_PTR InternalHigh;
    union {
        __extension__ struct {
            DWORD Offset;
            DWORD OffsetHigh;
        };
        PVOID Pointer;
    };
    HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED;
typedef VOID(WINAPI* LPOVERLAPPED_COMPLETION_ROUTINE)(DWORD dwErrorCode,
                                                     DWORD dwNumberOfBytesTransfered,
                                                     LPOVERLAPPED lpOverlapped);

// ---- HRESULTs and Win32 codes ---------------------------------------------------------------
// Macros, as on Windows; no C-style casts, so module code stays clean under -Wold-style-cast.
#define FACILITY_WIN32 7
// As in <winerror.h>, the argument is read as an HRESULT: a failure code held in a DWORD fails.
IISFAKE_BEGIN_NAMESPACE
namespace detail {
template <class T>
constexpr HRESULT as_hresult(T value) noexcept {
    return static_cast<HRESULT>(value);
}
}  // namespace detail
IISFAKE_END_NAMESPACE
#define SUCCEEDED(hr) (::iisfake::detail::as_hresult(hr) >= 0)
#define FAILED(hr) (::iisfake::detail::as_hresult(hr) < 0)
#define IS_ERROR(hr) (::iisfake::detail::as_hresult(hr) < 0)
#define HRESULT_CODE(hr) ((hr)&0xFFFF)
#define HRESULT_FACILITY(hr) (((hr) >> 16) & 0x1fff)
#define HRESULT_SEVERITY(hr) (((hr) >> 31) & 0x1)

constexpr HRESULT MAKE_HRESULT(DWORD severity, DWORD facility, DWORD code) noexcept {
    return static_cast<HRESULT>((severity << 31) | (facility << 16) | code);
}
constexpr HRESULT HRESULT_FROM_WIN32(DWORD code) noexcept {
    return static_cast<HRESULT>(code) <= 0
               ? static_cast<HRESULT>(code)
               : static_cast<HRESULT>((code & 0x0000FFFFu) | (7u << 16) | 0x80000000u);
}

#define S_OK 0
#define S_FALSE 1
#define E_NOTIMPL static_cast<HRESULT>(0x80004001u)
#define E_NOINTERFACE static_cast<HRESULT>(0x80004002u)
#define E_POINTER static_cast<HRESULT>(0x80004003u)
#define E_ABORT static_cast<HRESULT>(0x80004004u)
#define E_FAIL static_cast<HRESULT>(0x80004005u)
#define E_PENDING static_cast<HRESULT>(0x8000000Au)
#define E_UNEXPECTED static_cast<HRESULT>(0x8000FFFFu)
#define E_ACCESSDENIED static_cast<HRESULT>(0x80070005u)
#define E_HANDLE static_cast<HRESULT>(0x80070006u)
#define E_OUTOFMEMORY static_cast<HRESULT>(0x8007000Eu)
#define E_INVALIDARG static_cast<HRESULT>(0x80070057u)
#define E_NOT_SUFFICIENT_BUFFER static_cast<HRESULT>(0x8007007Au)

#define NO_ERROR 0
#define ERROR_SUCCESS 0
#define ERROR_INVALID_FUNCTION 1
#define ERROR_FILE_NOT_FOUND 2
#define ERROR_ACCESS_DENIED 5
#define ERROR_INVALID_HANDLE 6
#define ERROR_NOT_ENOUGH_MEMORY 8
#define ERROR_INVALID_DATA 13
#define ERROR_OUTOFMEMORY 14
#define ERROR_HANDLE_EOF 38
#define ERROR_NOT_SUPPORTED 50
#define ERROR_NETNAME_DELETED 64
#define ERROR_ALREADY_ASSIGNED 85
#define ERROR_INVALID_PARAMETER 87
#define ERROR_BROKEN_PIPE 109
#define ERROR_INSUFFICIENT_BUFFER 122
#define ERROR_ALREADY_EXISTS 183
#define ERROR_NO_DATA 232
#define ERROR_MORE_DATA 234
#define ERROR_ARITHMETIC_OVERFLOW 534
#define ERROR_OPERATION_ABORTED 995
#define ERROR_IO_INCOMPLETE 996
#define ERROR_IO_PENDING 997
#define ERROR_STACK_OVERFLOW 1001
#define ERROR_NOT_FOUND 1168
#define ERROR_CANCELLED 1223
#define ERROR_GRACEFUL_DISCONNECT 1226
#define ERROR_CONNECTION_INVALID 1229
#define ERROR_CONNECTION_ABORTED 1236
#define ERROR_SERVER_SHUTDOWN_IN_PROGRESS 1255
#define ERROR_INVALID_INDEX 1413
#define ERROR_TIMEOUT 1460
#define ERROR_NOT_ENOUGH_QUOTA 1816
#define ERROR_INVALID_STATE 5023
#define WSAECONNRESET 10054

// ---- socket addresses, with the Windows layouts and AF_INET6 == 23 --------------------------
// The struct tags differ from the host's (struct sockaddr, in_addr...) so that <sys/socket.h>
// can coexist in a test TU; only the AF_* macros clash, on purpose loudly (23 is not Linux's 10).
#define AF_UNSPEC 0
#define AF_INET 2
#define AF_INET6 23

typedef USHORT ADDRESS_FAMILY;

typedef struct iisfake_win_sockaddr {
    ADDRESS_FAMILY sa_family;
    CHAR sa_data[14];
} SOCKADDR, *PSOCKADDR, *LPSOCKADDR;

typedef struct iisfake_win_in_addr {
    union {
        union {
            struct {
                UCHAR s_b1, s_b2, s_b3, s_b4;
            } S_un_b;
            struct {
                USHORT s_w1, s_w2;
            } S_un_w;
            ULONG S_addr;
        } S_un;
        ULONG s_addr;  // Windows spells this as a macro for S_un.S_addr
    };
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;

typedef struct iisfake_win_sockaddr_in {
    ADDRESS_FAMILY sin_family;
    USHORT sin_port;
    IN_ADDR sin_addr;
    CHAR sin_zero[8];
} SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;

typedef struct iisfake_win_in6_addr {
    union {
        UCHAR Byte[16];
        USHORT Word[8];
    } u;
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

typedef struct iisfake_win_scope_id {
    union {
        __extension__ struct {
            ULONG Zone : 28;
            ULONG Level : 4;
        };
        ULONG Value;
    };
} SCOPE_ID, *PSCOPE_ID;

typedef struct iisfake_win_sockaddr_in6 {
    ADDRESS_FAMILY sin6_family;
    USHORT sin6_port;
    ULONG sin6_flowinfo;
    IN6_ADDR sin6_addr;
    union {
        ULONG sin6_scope_id;
        SCOPE_ID sin6_scope_struct;
    };
} SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6;

typedef struct iisfake_win_sockaddr_storage {
    ADDRESS_FAMILY ss_family;
    CHAR ss_pad1[6];
    LONGLONG ss_align;
    CHAR ss_pad2[112];
} SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win_types.hpp -----
// ----- begin iisfake/http_types.hpp -----
#ifndef IISFAKE_HTTP_TYPES_HPP_INCLUDED
#define IISFAKE_HTTP_TYPES_HPP_INCLUDED

// The http.h (HTTP Server API) types that httpserv.h reaches, with the Windows SDK's field
// order, so that on x86-64 the layout is the Windows x64 one (HTTP_REQUEST: 864 bytes).
// On Windows the real <http.h> provides them (see detail/win32_headers.hpp).


#if !defined(_WIN32)

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#endif

typedef ULONGLONG HTTP_OPAQUE_ID, *PHTTP_OPAQUE_ID;
typedef HTTP_OPAQUE_ID HTTP_REQUEST_ID, *PHTTP_REQUEST_ID;
typedef HTTP_OPAQUE_ID HTTP_CONNECTION_ID, *PHTTP_CONNECTION_ID;
typedef HTTP_OPAQUE_ID HTTP_RAW_CONNECTION_ID, *PHTTP_RAW_CONNECTION_ID;
typedef HTTP_OPAQUE_ID HTTP_URL_GROUP_ID, *PHTTP_URL_GROUP_ID;
typedef HTTP_OPAQUE_ID HTTP_SERVER_SESSION_ID, *PHTTP_SERVER_SESSION_ID;
typedef ULONGLONG HTTP_URL_CONTEXT;
#define HTTP_NULL_ID (0ull)

#define HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS 0x00000001
#define HTTP_REQUEST_FLAG_IP_ROUTED 0x00000002
#define HTTP_REQUEST_FLAG_HTTP2 0x00000004

#define HTTP_SEND_RESPONSE_FLAG_DISCONNECT 0x00000001
#define HTTP_SEND_RESPONSE_FLAG_MORE_DATA 0x00000002
#define HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA 0x00000004
#define HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING 0x00000008
#define HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES 0x00000020
#define HTTP_SEND_RESPONSE_FLAG_OPAQUE 0x00000040
#define HTTP_SEND_RESPONSE_FLAG_GOAWAY 0x00000100
#define HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING 0x00000200

#define HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY 0x00000001
#define HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY 0x00000002
#define HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER 0x00000001

typedef struct _HTTP_VERSION {
    USHORT MajorVersion;
    USHORT MinorVersion;
} HTTP_VERSION, *PHTTP_VERSION;

// The SDK spells these as brace-initialised objects; here they are constants of the same value.
constexpr HTTP_VERSION HTTP_VERSION_UNKNOWN = {0, 0};
constexpr HTTP_VERSION HTTP_VERSION_0_9 = {0, 9};
constexpr HTTP_VERSION HTTP_VERSION_1_0 = {1, 0};
constexpr HTTP_VERSION HTTP_VERSION_1_1 = {1, 1};
constexpr HTTP_VERSION HTTP_VERSION_2_0 = {2, 0};

#define HTTP_SET_VERSION(version, major, minor) \
    do {                                        \
        (version).MajorVersion = (major);       \
        (version).MinorVersion = (minor);       \
    } while (0)
#define HTTP_EQUAL_VERSION(version, major, minor) \
    ((version).MajorVersion == (major) && (version).MinorVersion == (minor))
#define HTTP_GREATER_VERSION(version, major, minor) \
    ((version).MajorVersion > (major) ||            \
     ((version).MajorVersion == (major) && (version).MinorVersion > (minor)))
#define HTTP_LESS_VERSION(version, major, minor) \
    ((version).MajorVersion < (major) ||         \
     ((version).MajorVersion == (major) && (version).MinorVersion < (minor)))
#define HTTP_NOT_EQUAL_VERSION(version, major, minor) (!HTTP_EQUAL_VERSION(version, major, minor))
#define HTTP_GREATER_EQUAL_VERSION(version, major, minor) (!HTTP_LESS_VERSION(version, major, minor))
#define HTTP_LESS_EQUAL_VERSION(version, major, minor) (!HTTP_GREATER_VERSION(version, major, minor))

typedef enum _HTTP_VERB : int {
    HttpVerbUnparsed,
    HttpVerbUnknown,
    HttpVerbInvalid,
    HttpVerbOPTIONS,
    HttpVerbGET,
    HttpVerbHEAD,
    HttpVerbPOST,
    HttpVerbPUT,
    HttpVerbDELETE,
    HttpVerbTRACE,
    HttpVerbCONNECT,
    HttpVerbTRACK,
    HttpVerbMOVE,
    HttpVerbCOPY,
    HttpVerbPROPFIND,
    HttpVerbPROPPATCH,
    HttpVerbMKCOL,
    HttpVerbLOCK,
    HttpVerbUNLOCK,
    HttpVerbSEARCH,
    HttpVerbMaximum
} HTTP_VERB, *PHTTP_VERB;

// Request and response ids share numbers: 20..29 name different headers on each side.
typedef enum _HTTP_HEADER_ID : int {
    HttpHeaderCacheControl = 0,
    HttpHeaderConnection = 1,
    HttpHeaderDate = 2,
    HttpHeaderKeepAlive = 3,
    HttpHeaderPragma = 4,
    HttpHeaderTrailer = 5,
    HttpHeaderTransferEncoding = 6,
    HttpHeaderUpgrade = 7,
    HttpHeaderVia = 8,
    HttpHeaderWarning = 9,
    HttpHeaderAllow = 10,
    HttpHeaderContentLength = 11,
    HttpHeaderContentType = 12,
    HttpHeaderContentEncoding = 13,
    HttpHeaderContentLanguage = 14,
    HttpHeaderContentLocation = 15,
    HttpHeaderContentMd5 = 16,
    HttpHeaderContentRange = 17,
    HttpHeaderExpires = 18,
    HttpHeaderLastModified = 19,

    HttpHeaderAccept = 20,
    HttpHeaderAcceptCharset = 21,
    HttpHeaderAcceptEncoding = 22,
    HttpHeaderAcceptLanguage = 23,
    HttpHeaderAuthorization = 24,
    HttpHeaderCookie = 25,
    HttpHeaderExpect = 26,
    HttpHeaderFrom = 27,
    HttpHeaderHost = 28,
    HttpHeaderIfMatch = 29,
    HttpHeaderIfModifiedSince = 30,
    HttpHeaderIfNoneMatch = 31,
    HttpHeaderIfRange = 32,
    HttpHeaderIfUnmodifiedSince = 33,
    HttpHeaderMaxForwards = 34,
    HttpHeaderProxyAuthorization = 35,
    HttpHeaderReferer = 36,
    HttpHeaderRange = 37,
    HttpHeaderTe = 38,
    HttpHeaderTranslate = 39,
    HttpHeaderUserAgent = 40,
    HttpHeaderRequestMaximum = 41,

    HttpHeaderAcceptRanges = 20,
    HttpHeaderAge = 21,
    HttpHeaderEtag = 22,
    HttpHeaderLocation = 23,
    HttpHeaderProxyAuthenticate = 24,
    HttpHeaderRetryAfter = 25,
    HttpHeaderServer = 26,
    HttpHeaderSetCookie = 27,
    HttpHeaderVary = 28,
    HttpHeaderWwwAuthenticate = 29,
    HttpHeaderResponseMaximum = 30,

    HttpHeaderMaximum = 41
} HTTP_HEADER_ID, *PHTTP_HEADER_ID;

typedef struct _HTTP_KNOWN_HEADER {
    USHORT RawValueLength;  // bytes, without a terminator
    PCSTR pRawValue;
} HTTP_KNOWN_HEADER, *PHTTP_KNOWN_HEADER;

typedef struct _HTTP_UNKNOWN_HEADER {
    USHORT NameLength;      // bytes, without a terminator
    USHORT RawValueLength;  // bytes, without a terminator
    PCSTR pName;
    PCSTR pRawValue;
} HTTP_UNKNOWN_HEADER, *PHTTP_UNKNOWN_HEADER;

typedef struct _HTTP_REQUEST_HEADERS {
    USHORT UnknownHeaderCount;
    PHTTP_UNKNOWN_HEADER pUnknownHeaders;
    USHORT TrailerCount;
    PHTTP_UNKNOWN_HEADER pTrailers;
    HTTP_KNOWN_HEADER KnownHeaders[HttpHeaderRequestMaximum];
} HTTP_REQUEST_HEADERS, *PHTTP_REQUEST_HEADERS;

typedef struct _HTTP_RESPONSE_HEADERS {
    USHORT UnknownHeaderCount;
    PHTTP_UNKNOWN_HEADER pUnknownHeaders;
    USHORT TrailerCount;
    PHTTP_UNKNOWN_HEADER pTrailers;
    HTTP_KNOWN_HEADER KnownHeaders[HttpHeaderResponseMaximum];
} HTTP_RESPONSE_HEADERS, *PHTTP_RESPONSE_HEADERS;

typedef struct _HTTP_TRANSPORT_ADDRESS {
    PSOCKADDR pRemoteAddress;  // the remote address comes first, as in the SDK
    PSOCKADDR pLocalAddress;
} HTTP_TRANSPORT_ADDRESS, *PHTTP_TRANSPORT_ADDRESS;

typedef struct _HTTP_COOKED_URL {
    USHORT FullUrlLength;      // bytes, without the terminator
    USHORT HostLength;         // bytes
    USHORT AbsPathLength;      // bytes
    USHORT QueryStringLength;  // bytes, including the '?'
    PCWSTR pFullUrl;
    PCWSTR pHost;         // into pFullUrl
    PCWSTR pAbsPath;      // into pFullUrl
    PCWSTR pQueryString;  // into pFullUrl, at the '?', or NULL
} HTTP_COOKED_URL, *PHTTP_COOKED_URL;

typedef struct _HTTP_BYTE_RANGE {
    ULARGE_INTEGER StartingOffset;
    ULARGE_INTEGER Length;
} HTTP_BYTE_RANGE, *PHTTP_BYTE_RANGE;
#define HTTP_BYTE_RANGE_TO_EOF (~0ull)

typedef enum _HTTP_DATA_CHUNK_TYPE : int {
    HttpDataChunkFromMemory,
    HttpDataChunkFromFileHandle,
    HttpDataChunkFromFragmentCache,
    HttpDataChunkFromFragmentCacheEx,
    HttpDataChunkTrailers,
    HttpDataChunkFromWinHttpFastForwarding,
    HttpDataChunkMaximum
} HTTP_DATA_CHUNK_TYPE, *PHTTP_DATA_CHUNK_TYPE;

typedef struct _HTTP_DATA_CHUNK {
    HTTP_DATA_CHUNK_TYPE DataChunkType;
    union {
        struct {
            PVOID pBuffer;
            ULONG BufferLength;
        } FromMemory;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            HANDLE FileHandle;
        } FromFileHandle;
        struct {
            USHORT FragmentNameLength;
            PCWSTR pFragmentName;
        } FromFragmentCache;
        struct {
            HTTP_BYTE_RANGE ByteRange;
            PCWSTR pFragmentName;
        } FromFragmentCacheEx;
        struct {
            USHORT TrailerCount;
            PHTTP_UNKNOWN_HEADER pTrailers;
        } Trailers;
    };
} HTTP_DATA_CHUNK, *PHTTP_DATA_CHUNK;

typedef struct _HTTP_SSL_CLIENT_CERT_INFO {
    ULONG CertFlags;
    ULONG CertEncodedSize;
    PUCHAR pCertEncoded;
    HANDLE Token;
    BOOLEAN CertDeniedByMapper;
} HTTP_SSL_CLIENT_CERT_INFO, *PHTTP_SSL_CLIENT_CERT_INFO;

typedef struct _HTTP_SSL_INFO {
    USHORT ServerCertKeySize;
    USHORT ConnectionKeySize;
    ULONG ServerCertIssuerSize;
    ULONG ServerCertSubjectSize;
    PCSTR pServerCertIssuer;
    PCSTR pServerCertSubject;
    PHTTP_SSL_CLIENT_CERT_INFO pClientCertInfo;
    ULONG SslClientCertNegotiated;
} HTTP_SSL_INFO, *PHTTP_SSL_INFO;

typedef enum _HTTP_REQUEST_INFO_TYPE : int {
    HttpRequestInfoTypeAuth,
    HttpRequestInfoTypeChannelBind,
    HttpRequestInfoTypeSslProtocol,
    HttpRequestInfoTypeSslTokenBindingDraft,
    HttpRequestInfoTypeSslTokenBinding,
    HttpRequestInfoTypeRequestTiming,
    HttpRequestInfoTypeTcpInfoV0,
    HttpRequestInfoTypeRequestSizing,
    HttpRequestInfoTypeQuicStats,
    HttpRequestInfoTypeTcpInfoV1,
    HttpRequestInfoTypeQuicStatsV2,
    HttpRequestInfoTypeTcpInfoV2,
    HttpRequestInfoTypeTransportIdleConnectionTimeout,
    HttpRequestInfoTypeDscpTag,
    HttpRequestInfoTypeInitialPacketTtl
} HTTP_REQUEST_INFO_TYPE, *PHTTP_REQUEST_INFO_TYPE;

typedef struct _HTTP_REQUEST_INFO {
    HTTP_REQUEST_INFO_TYPE InfoType;
    ULONG InfoLength;
    PVOID pInfo;
} HTTP_REQUEST_INFO, *PHTTP_REQUEST_INFO;

typedef struct _HTTP_REQUEST_V1 {
    ULONG Flags;
    HTTP_CONNECTION_ID ConnectionId;
    HTTP_REQUEST_ID RequestId;
    HTTP_URL_CONTEXT UrlContext;
    HTTP_VERSION Version;
    HTTP_VERB Verb;
    USHORT UnknownVerbLength;  // bytes
    USHORT RawUrlLength;       // bytes
    PCSTR pUnknownVerb;
    PCSTR pRawUrl;  // as the client sent it: percent-encoded, with the query
    HTTP_COOKED_URL CookedUrl;
    HTTP_TRANSPORT_ADDRESS Address;
    HTTP_REQUEST_HEADERS Headers;
    ULONGLONG BytesReceived;
    USHORT EntityChunkCount;
    PHTTP_DATA_CHUNK pEntityChunks;
    HTTP_RAW_CONNECTION_ID RawConnectionId;
    PHTTP_SSL_INFO pSslInfo;  // NULL for plain HTTP
} HTTP_REQUEST_V1, *PHTTP_REQUEST_V1;

// C++ inheritance as in the SDK, so V1 members are reached directly through an HTTP_REQUEST*.
typedef struct _HTTP_REQUEST_V2 : _HTTP_REQUEST_V1 {
    USHORT RequestInfoCount;
    PHTTP_REQUEST_INFO pRequestInfo;
} HTTP_REQUEST_V2, *PHTTP_REQUEST_V2;

typedef HTTP_REQUEST_V2 HTTP_REQUEST, *PHTTP_REQUEST;

typedef enum _HTTP_RESPONSE_INFO_TYPE : int {
    HttpResponseInfoTypeMultipleKnownHeaders,
    HttpResponseInfoTypeAuthenticationProperty,
    HttpResponseInfoTypeQoSProperty,
    HttpResponseInfoTypeChannelBind
} HTTP_RESPONSE_INFO_TYPE, *PHTTP_RESPONSE_INFO_TYPE;

typedef struct _HTTP_RESPONSE_INFO {
    HTTP_RESPONSE_INFO_TYPE Type;
    ULONG Length;
    PVOID pInfo;
} HTTP_RESPONSE_INFO, *PHTTP_RESPONSE_INFO;

typedef struct _HTTP_RESPONSE_V1 {
    ULONG Flags;
    HTTP_VERSION Version;
    USHORT StatusCode;
    USHORT ReasonLength;  // bytes
    PCSTR pReason;
    HTTP_RESPONSE_HEADERS Headers;
    USHORT EntityChunkCount;
    PHTTP_DATA_CHUNK pEntityChunks;
} HTTP_RESPONSE_V1, *PHTTP_RESPONSE_V1;

typedef struct _HTTP_RESPONSE_V2 : _HTTP_RESPONSE_V1 {
    USHORT ResponseInfoCount;
    PHTTP_RESPONSE_INFO pResponseInfo;
} HTTP_RESPONSE_V2, *PHTTP_RESPONSE_V2;

typedef HTTP_RESPONSE_V2 HTTP_RESPONSE, *PHTTP_RESPONSE;

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/http_types.hpp -----
// ----- begin iisfake/header_names.hpp -----
#ifndef IISFAKE_HEADER_NAMES_HPP_INCLUDED
#define IISFAKE_HEADER_NAMES_HPP_INCLUDED

// HTTP_HEADER_ID <-> canonical header name, for the request and the response numbering
// (ids 20..29 name different headers on each side; HttpHeaderEtag is Accept-Encoding on a
// request). Lookups by name are ASCII case-insensitive.

#include <cstddef>
#include <cstring>

// ----- begin iisfake/detail/ascii.hpp -----
#ifndef IISFAKE_DETAIL_ASCII_HPP_INCLUDED
#define IISFAKE_DETAIL_ASCII_HPP_INCLUDED

#include <cstddef>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// HTTP names are ASCII; locale-dependent tolower would be slower and wrong for them.
constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Bytes that are already equal (the usual case) skip the folding.
constexpr bool iequals(const char* a, const char* b, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// The value of a hex digit, or -1.
constexpr int hex_digit(char c) noexcept {
    return (c >= '0' && c <= '9')   ? c - '0'
           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
           : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                    : -1;
}

// RFC 9110 token characters: what a header name or a method may consist of.
constexpr bool is_tchar(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
        case '-': case '.': case '^': case '_': case '`': case '|': case '~':
            return true;
        default:
            return false;
    }
}

constexpr bool is_token(const char* s, std::size_t n) noexcept {
    if (n == 0) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (!is_tchar(s[i])) return false;
    return true;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/ascii.hpp -----

IISFAKE_BEGIN_NAMESPACE
namespace detail {

struct header_name {
    const char* text;
    std::size_t length;
};

#define IISFAKE_DETAIL_NAME(text) \
    header_name { text, sizeof(text) - 1 }

// Ids 0..19 name the same headers on both sides.
#define IISFAKE_DETAIL_COMMON_NAMES \
    IISFAKE_DETAIL_NAME("Cache-Control"), \
    IISFAKE_DETAIL_NAME("Connection"), \
    IISFAKE_DETAIL_NAME("Date"), \
    IISFAKE_DETAIL_NAME("Keep-Alive"), \
    IISFAKE_DETAIL_NAME("Pragma"), \
    IISFAKE_DETAIL_NAME("Trailer"), \
    IISFAKE_DETAIL_NAME("Transfer-Encoding"), \
    IISFAKE_DETAIL_NAME("Upgrade"), \
    IISFAKE_DETAIL_NAME("Via"), \
    IISFAKE_DETAIL_NAME("Warning"), \
    IISFAKE_DETAIL_NAME("Allow"), \
    IISFAKE_DETAIL_NAME("Content-Length"), \
    IISFAKE_DETAIL_NAME("Content-Type"), \
    IISFAKE_DETAIL_NAME("Content-Encoding"), \
    IISFAKE_DETAIL_NAME("Content-Language"), \
    IISFAKE_DETAIL_NAME("Content-Location"), \
    IISFAKE_DETAIL_NAME("Content-MD5"), \
    IISFAKE_DETAIL_NAME("Content-Range"), \
    IISFAKE_DETAIL_NAME("Expires"), \
    IISFAKE_DETAIL_NAME("Last-Modified"),

inline constexpr header_name request_header_names[HttpHeaderRequestMaximum] = {
    IISFAKE_DETAIL_COMMON_NAMES
    IISFAKE_DETAIL_NAME("Accept"),
    IISFAKE_DETAIL_NAME("Accept-Charset"),
    IISFAKE_DETAIL_NAME("Accept-Encoding"),
    IISFAKE_DETAIL_NAME("Accept-Language"),
    IISFAKE_DETAIL_NAME("Authorization"),
    IISFAKE_DETAIL_NAME("Cookie"),
    IISFAKE_DETAIL_NAME("Expect"),
    IISFAKE_DETAIL_NAME("From"),
    IISFAKE_DETAIL_NAME("Host"),
    IISFAKE_DETAIL_NAME("If-Match"),
    IISFAKE_DETAIL_NAME("If-Modified-Since"),
    IISFAKE_DETAIL_NAME("If-None-Match"),
    IISFAKE_DETAIL_NAME("If-Range"),
    IISFAKE_DETAIL_NAME("If-Unmodified-Since"),
    IISFAKE_DETAIL_NAME("Max-Forwards"),
    IISFAKE_DETAIL_NAME("Proxy-Authorization"),
    IISFAKE_DETAIL_NAME("Referer"),
    IISFAKE_DETAIL_NAME("Range"),
    IISFAKE_DETAIL_NAME("TE"),
    IISFAKE_DETAIL_NAME("Translate"),
    IISFAKE_DETAIL_NAME("User-Agent"),
};

inline constexpr header_name response_header_names[HttpHeaderResponseMaximum] = {
    IISFAKE_DETAIL_COMMON_NAMES
    IISFAKE_DETAIL_NAME("Accept-Ranges"),
    IISFAKE_DETAIL_NAME("Age"),
    IISFAKE_DETAIL_NAME("ETag"),
    IISFAKE_DETAIL_NAME("Location"),
    IISFAKE_DETAIL_NAME("Proxy-Authenticate"),
    IISFAKE_DETAIL_NAME("Retry-After"),
    IISFAKE_DETAIL_NAME("Server"),
    IISFAKE_DETAIL_NAME("Set-Cookie"),
    IISFAKE_DETAIL_NAME("Vary"),
    IISFAKE_DETAIL_NAME("WWW-Authenticate"),
};

#undef IISFAKE_DETAIL_COMMON_NAMES
#undef IISFAKE_DETAIL_NAME

inline const header_name* request_header_table() noexcept { return request_header_names; }
inline const header_name* response_header_table() noexcept { return response_header_names; }

// Name -> id without scanning the whole table: the ids are grouped by name length (no more
// than 5 known names share a length), each with its name's folded first character, so most
// candidates are rejected on one byte and the full comparison runs about once per lookup.
struct header_index {
    static constexpr std::size_t max_length = 24;  // longest known name: 19
    static constexpr std::size_t per_length = 8;
    struct entry {
        signed char id;  // -1 ends a row
        char first;      // ascii_lower of the name's first character
    };
    entry rows[max_length + 1][per_length];
};

// A name longer than max_length, or more than per_length names of one length, makes this
// fail to compile (out-of-bounds write in a constant expression).
template <std::size_t Count>
constexpr header_index make_header_index(const header_name (&table)[Count]) {
    header_index index{};
    for (auto& row : index.rows)
        for (auto& slot : row) slot = header_index::entry{-1, '\0'};
    for (std::size_t id = 0; id < Count; ++id) {
        auto& row = index.rows[table[id].length];
        std::size_t k = 0;
        while (row[k].id >= 0) ++k;
        row[k] = header_index::entry{static_cast<signed char>(id), ascii_lower(table[id].text[0])};
    }
    return index;
}

inline constexpr header_index request_header_index = make_header_index(request_header_names);
inline constexpr header_index response_header_index = make_header_index(response_header_names);

inline int find_header_id(const header_name* table, const header_index& index, const char* name,
                          std::size_t length) noexcept {
    if (length == 0 || length > header_index::max_length) return -1;
    const char first = ascii_lower(name[0]);
    for (const header_index::entry& slot : index.rows[length]) {
        if (slot.id < 0) break;
        if (slot.first == first && iequals(table[slot.id].text + 1, name + 1, length - 1))
            return slot.id;
    }
    return -1;
}

}  // namespace detail

// The canonical name of a request header id, or nullptr for an id outside 0..40.
inline const char* request_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderRequestMaximum) ? detail::request_header_names[id].text
                                                      : nullptr;
}

// The canonical name of a response header id, or nullptr for an id outside 0..29.
inline const char* response_header_name(int id) noexcept {
    return (id >= 0 && id < HttpHeaderResponseMaximum) ? detail::response_header_names[id].text
                                                       : nullptr;
}

// The request header id of a name (any case), or -1 if it is not a known request header.
inline int request_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::request_header_names, detail::request_header_index,
                                         name, length)
                : -1;
}
inline int request_header_id(const char* name) noexcept {
    return name ? request_header_id(name, std::strlen(name)) : -1;
}

// The response header id of a name (any case), or -1 if it is not a known response header.
inline int response_header_id(const char* name, std::size_t length) noexcept {
    return name ? detail::find_header_id(detail::response_header_names,
                                         detail::response_header_index, name, length)
                : -1;
}
inline int response_header_id(const char* name) noexcept {
    return name ? response_header_id(name, std::strlen(name)) : -1;
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/header_names.hpp -----
// ----- begin iisfake/sdk/httpserv.hpp -----
#ifndef IISFAKE_SDK_HTTPSERV_HPP_INCLUDED
#define IISFAKE_SDK_HTTPSERV_HPP_INCLUDED

// The httpserv.h surface: the Windows SDK's own header where it exists (see config.hpp),
// iisfake's exact re-declaration everywhere else (Linux, mingw-w64).


#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpserv.h>
#else
// ----- begin iisfake/sdk/completion_info.hpp -----
#ifndef IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED
#define IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED

// IHttpCompletionInfo and IHttpCompletionInfo2 exactly as httpserv.h declares them. The
// protected destructor keeps the SDK's vtable (no virtual destructor) while forbidding delete
// through the interface.

// ----- begin iisfake/sdk/forward.hpp -----
#ifndef IISFAKE_SDK_FORWARD_HPP_INCLUDED
#define IISFAKE_SDK_FORWARD_HPP_INCLUDED

// The small declarations of httpserv.h that its interfaces refer to before defining them.


class IHttpContext3;
class IHttpCompletionInfo2;

enum REQUEST_NOTIFICATION_STATUS : int {
    RQ_NOTIFICATION_CONTINUE,
    RQ_NOTIFICATION_PENDING,
    RQ_NOTIFICATION_FINISH_REQUEST
};

typedef REQUEST_NOTIFICATION_STATUS(WINAPI* PFN_ASYNC_COMPLETION)(
    IHttpContext3* pHttpContext, IHttpCompletionInfo2* pCompletionInfo, VOID* pvCompletionContext);

#endif
// ----- end iisfake/sdk/forward.hpp -----

class IISFAKE_UUID("49dd20e3-d9c0-463c-8821-f3413b55cc00") IHttpCompletionInfo {
public:
    virtual DWORD GetCompletionBytes(VOID) const = 0;
    virtual HRESULT GetCompletionStatus(VOID) const = 0;

protected:
    ~IHttpCompletionInfo() = default;
};

// The documentation page shows a wrong base class and says GetCompletedOperation returns a
// byte count; it returns the kind of operation completed (1 = a ReadEntityBody read).
class IISFAKE_UUID("53129f70-0196-47ec-b16c-127906e2afeb") IHttpCompletionInfo2
    : public IHttpCompletionInfo {
public:
    virtual DWORD GetCompletedOperation(VOID) const = 0;

protected:
    ~IHttpCompletionInfo2() = default;
};

#endif
// ----- end iisfake/sdk/completion_info.hpp -----
// ----- begin iisfake/sdk/http_request.hpp -----
#ifndef IISFAKE_SDK_HTTP_REQUEST_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_REQUEST_HPP_INCLUDED

// IHttpRequest .. IHttpRequest4 exactly as httpserv.h declares them: names, declaration (vtable)
// order, overloads, const, default arguments. ReadEntityBody in IHttpRequest3 and
// IHttpRequest4 hides the base overloads, as in the SDK (no using-declaration): through an
// IHttpRequest3* only the callback form is visible. The protected destructors keep the SDK's
// vtable while forbidding delete through an interface pointer.


#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("e8698f7e-576e-4cac-a309-67435355faef") IHttpRequest {
public:
    virtual HTTP_REQUEST* GetRawHttpRequest(VOID) = 0;
    virtual const HTTP_REQUEST* GetRawHttpRequest(VOID) const = 0;

    virtual PCSTR GetHeader(_In_ PCSTR pszHeaderName,
                            _Out_ USHORT* pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(_In_ HTTP_HEADER_ID ulHeaderIndex,
                            _Out_ USHORT* pcchHeaderValue = NULL) const = 0;

    virtual HRESULT SetHeader(_In_ PCSTR pszHeaderName,
                              _In_reads_bytes_(cchHeaderValue) PCSTR pszHeaderValue,
                              _In_ USHORT cchHeaderValue, _In_ BOOL fReplace) = 0;
    virtual HRESULT SetHeader(_In_ HTTP_HEADER_ID ulHeaderIndex, _In_ PCSTR pszHeaderValue,
                              _In_ USHORT cchHeaderValue, _In_ BOOL fReplace) = 0;

    virtual HRESULT DeleteHeader(_In_ PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(_In_ HTTP_HEADER_ID ulHeaderIndex) = 0;

    virtual PCSTR GetHttpMethod(VOID) const = 0;
    virtual HRESULT SetHttpMethod(_In_ PCSTR pszHttpMethod) = 0;

    virtual HRESULT SetUrl(_In_reads_(cchUrl) PCWSTR pszUrl, _In_ DWORD cchUrl,
                           _In_ BOOL fResetQueryString) = 0;
    virtual HRESULT SetUrl(_In_reads_bytes_(cchUrl) PCSTR pszUrl, _In_ DWORD cchUrl,
                           _In_ BOOL fResetQueryString) = 0;

    virtual BOOL GetUrlChanged(VOID) const = 0;
    virtual PCWSTR GetForwardedUrl(VOID) const = 0;
    virtual PSOCKADDR GetLocalAddress(VOID) const = 0;
    virtual PSOCKADDR GetRemoteAddress(VOID) const = 0;

    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync,
                                   _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;
    virtual HRESULT InsertEntityBody(_In_ VOID* pvBuffer, _In_ DWORD cbBuffer) = 0;
    virtual DWORD GetRemainingEntityBytes(VOID) = 0;

    virtual VOID GetHttpVersion(_Out_ USHORT* pMajorVersion, _Out_ USHORT* pMinorVersion) const = 0;

    virtual HRESULT GetClientCertificate(_Outptr_ HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                         _Out_ BOOL* pfClientCertNegotiated) = 0;
    virtual HRESULT NegotiateClientCertificate(_In_ BOOL fAsync,
                                               _Out_ BOOL* pfCompletionPending = NULL) = 0;

    virtual DWORD GetSiteId(VOID) const = 0;

    virtual HRESULT GetHeaderChanges(_In_ DWORD dwOldChangeNumber,
                                     _Out_ DWORD* pdwNewChangeNumber,
                                     _Inout_ PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum],
                                     _Inout_ DWORD* pdwUnknownHeaderSnapshot,
                                     _Inout_ PCSTR** ppUnknownHeaderNameSnapshot,
                                     _Inout_ PCSTR** ppUnknownHeaderValueSnapshot,
                                     _Out_ DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1],
                                     _Out_ DWORD* pdwDiffedUnknownHeaders,
                                     _Out_ DWORD** ppDiffedUnknownHeaderIndices) = 0;

protected:
    ~IHttpRequest() = default;
};

class IISFAKE_UUID("d9244ae1-51f8-4aa1-a66d-19277c33e610") IHttpRequest2 : public IHttpRequest {
public:
    virtual HRESULT GetChannelBindingToken(_Outptr_ PBYTE* ppToken, DWORD* pTokenSize) = 0;

protected:
    ~IHttpRequest2() = default;
};

class IISFAKE_UUID("b32e4e0f-4057-4feb-aeab-7b69c03c6314") IHttpRequest3 : public IHttpRequest2 {
public:
    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync,
                                   _In_ PFN_ASYNC_COMPLETION pfnCompletionCallback,
                                   _In_ VOID* pvCompletionContext, _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;

protected:
    ~IHttpRequest3() = default;
};

// Not in the documentation; present in current SDKs. The ulFlags values are unpublished.
class IISFAKE_UUID("3816f517-f631-49f0-8b51-16d6f0c6ffb2") IHttpRequest4 : public IHttpRequest3 {
public:
    virtual HRESULT ReadEntityBody(_Out_writes_bytes_all_(cbBuffer) VOID* pvBuffer,
                                   _In_ DWORD cbBuffer, _In_ BOOL fAsync, _In_ ULONG ulFlags,
                                   _Out_ DWORD* pcbBytesReceived,
                                   _Out_ BOOL* pfCompletionPending = NULL) = 0;

protected:
    ~IHttpRequest4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif
// ----- end iisfake/sdk/http_request.hpp -----
#endif

// ----- begin iisfake/sdk/uuid.hpp -----
#ifndef IISFAKE_SDK_UUID_HPP_INCLUDED
#define IISFAKE_SDK_UUID_HPP_INCLUDED

// iisfake::uuid_of<T>(): the SDK's interface GUIDs where __uuidof is unavailable (g++, clang
// without -fms-extensions). With MSVC or clang-cl, __uuidof(T) gives the same values.


class IHttpRequest;
class IHttpRequest2;
class IHttpRequest3;
class IHttpRequest4;
class IHttpCompletionInfo;
class IHttpCompletionInfo2;

IISFAKE_BEGIN_NAMESPACE

template <class Interface>
struct interface_id;  // specialised for each re-declared interface

#define IISFAKE_DETAIL_INTERFACE_ID(type, d1, d2, d3, b0, b1, b2, b3, b4, b5, b6, b7) \
    template <>                                                                    \
    struct interface_id<type> {                                                    \
        static constexpr GUID value = {d1, d2, d3, {b0, b1, b2, b3, b4, b5, b6, b7}}; \
    }

IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest, 0xe8698f7e, 0x576e, 0x4cac, 0xa3, 0x09, 0x67, 0x43, 0x53,
                            0x55, 0xfa, 0xef);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest2, 0xd9244ae1, 0x51f8, 0x4aa1, 0xa6, 0x6d, 0x19, 0x27, 0x7c,
                            0x33, 0xe6, 0x10);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest3, 0xb32e4e0f, 0x4057, 0x4feb, 0xae, 0xab, 0x7b, 0x69, 0xc0,
                            0x3c, 0x63, 0x14);
IISFAKE_DETAIL_INTERFACE_ID(IHttpRequest4, 0x3816f517, 0xf631, 0x49f0, 0x8b, 0x51, 0x16, 0xd6, 0xf0,
                            0xc6, 0xff, 0xb2);
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo, 0x49dd20e3, 0xd9c0, 0x463c, 0x88, 0x21, 0xf3, 0x41,
                            0x3b, 0x55, 0xcc, 0x00);
IISFAKE_DETAIL_INTERFACE_ID(IHttpCompletionInfo2, 0x53129f70, 0x0196, 0x47ec, 0xb1, 0x6c, 0x12,
                            0x79, 0x06, 0xe2, 0xaf, 0xeb);

#undef IISFAKE_DETAIL_INTERFACE_ID

template <class Interface>
constexpr const GUID& uuid_of() noexcept {
    return interface_id<Interface>::value;
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/sdk/uuid.hpp -----

#endif
// ----- end iisfake/sdk/httpserv.hpp -----
// ----- begin iisfake/misuse.hpp -----
#ifndef IISFAKE_MISUSE_HPP_INCLUDED
#define IISFAKE_MISUSE_HPP_INCLUDED

// How a fake reports module code that misuses the API (a NULL the SDK requires, a header name
// that is not a token, a second read while one is pending...). Each fake owns one handler; the
// default throws MisuseError, whose message names the method and the rule. With any handler
// that returns, the fake goes on to return the HRESULT IIS returns.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/detail/callback.hpp -----
#ifndef IISFAKE_DETAIL_CALLBACK_HPP_INCLUDED
#define IISFAKE_DETAIL_CALLBACK_HPP_INCLUDED

// A copyable, type-erased callable, like std::function but without <functional>, which alone
// costs about a third of a bare test TU's compile time. Accepts lambdas, function pointers and
// std::function objects alike.

#include <memory>
#include <type_traits>
#include <utility>


IISFAKE_BEGIN_NAMESPACE

template <class Signature>
class Callback;

template <class Result, class... Args>
class Callback<Result(Args...)> {
public:
    Callback() noexcept = default;
    Callback(std::nullptr_t) noexcept {}  // NOLINT: implicit, as std::function's
    template <class F, class = typename std::enable_if<
                           !std::is_same<typename std::decay<F>::type, Callback>::value>::type>
    Callback(F&& function)  // NOLINT: implicit, as std::function's
        : target_(make(std::forward<F>(function))) {}
    Callback(const Callback& other) : target_(other.target_ ? other.target_->clone() : nullptr) {}
    Callback(Callback&&) noexcept = default;
    Callback& operator=(const Callback& other) {
        if (this != &other) target_.reset(other.target_ ? other.target_->clone() : nullptr);
        return *this;
    }
    Callback& operator=(Callback&&) noexcept = default;
    ~Callback() = default;

    explicit operator bool() const noexcept { return target_ != nullptr; }
    Result operator()(Args... args) const { return target_->call(std::forward<Args>(args)...); }

private:
    struct Target {
        virtual ~Target() = default;
        virtual Result call(Args... args) = 0;
        virtual Target* clone() const = 0;
    };
    template <class F>
    struct Holder final : Target {
        explicit Holder(F f) : function(std::move(f)) {}
        Result call(Args... args) override { return function(std::forward<Args>(args)...); }
        Target* clone() const override { return new Holder(function); }
        F function;
    };
    template <class F>
    static Target* make(F&& function) {
        using Stored = typename std::decay<F>::type;
        return new Holder<Stored>(Stored(std::forward<F>(function)));
    }

    std::unique_ptr<Target> target_;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/callback.hpp -----

IISFAKE_BEGIN_NAMESPACE

struct Misuse {
    std::string method;   // e.g. "IHttpRequest::SetHeader"
    std::string rule;     // e.g. "REQ-SH-1"
    std::string problem;  // what the module did
    HRESULT result;       // what the fake returns when the handler does not throw
    std::string outcome;  // that result in words, e.g. "returns E_INVALIDARG (0x80070057)"

    std::string message() const {
        return "iisfake: " + method + ": " + problem + " [" + rule + "]; " + outcome;
    }
};

class MisuseError : public std::logic_error {
public:
    explicit MisuseError(Misuse report)
        : std::logic_error(report.message()), report_(std::move(report)) {}
    const Misuse& report() const noexcept { return report_; }

private:
    Misuse report_;
};

using MisuseHandler = Callback<void(const Misuse&)>;

inline std::string hresult_text(HRESULT result) {
    static const char digits[] = "0123456789ABCDEF";
    std::string hex = "0x";
    const auto bits = static_cast<std::uint32_t>(result);
    for (int shift = 28; shift >= 0; shift -= 4) hex += digits[(bits >> shift) & 0xFu];
    return hex;
}

inline void throw_misuse(const Misuse& report) { throw MisuseError(report); }
inline void ignore_misuse(const Misuse&) {}

// Throws MisuseError for every rule but the ones listed, whose reports are only recorded
// (misuses() still lists them): for a test that commits one misuse on purpose and wants to hear
// of any other.
inline MisuseHandler throw_misuse_except(std::vector<std::string> rules) {
    return [rules = std::move(rules)](const Misuse& report) {
        for (const std::string& rule : rules)
            if (rule == report.rule) return;
        throw MisuseError(report);
    };
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/misuse.hpp -----
// ----- begin iisfake/options.hpp -----
#ifndef IISFAKE_OPTIONS_HPP_INCLUDED
#define IISFAKE_OPTIONS_HPP_INCLUDED

// The knobs for behaviour that IIS documents vaguely or not at all (rules tagged [I] in the
// specification). Each default is the recommended reading; tests that depend on the other
// reading say so by changing the knob.

#include <string>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

// How an asynchronous read (fAsync == TRUE with a non-NULL pfCompletionPending) completes.
enum class AsyncPolicy {
    always_pending,         // *pfCompletionPending = TRUE; the test completes it (default)
    always_inline,          // completes inside the call: *pfCompletionPending = FALSE
    alternate,              // pending, inline, pending, ... starting with pending
    scripted,               // per call, from Options::async_script (true = pending); once the
                            // script runs out, every further read goes pending
    complete_before_return  // pending, but the completion is delivered before the call returns,
                            // as a pool thread can do in IIS (past 8 nested deliveries, right
                            // after it returns, so the stack stays flat)
};

// How end of body shows in asynchronous mode (REQ-READ-6).
enum class AsyncEof {
    immediate,   // the call returns HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) at once (default)
    completion   // the read goes pending and completes with that status and 0 bytes
};

struct Options {
    // REQ-SH-2: separator when SetHeader appends (fReplace == FALSE). IIS docs say "a comma".
    // CR, LF or NUL in it would inject headers: the fake throws std::invalid_argument.
    std::string append_separator = ", ";
    // REQ-INS-5: whether InsertEntityBody bytes count in GetRemainingEntityBytes.
    bool count_inserted_bytes = true;
    // REQ-REM-2: GetRemainingEntityBytes for a chunked body until its end is read.
    DWORD chunked_remaining = 0xFFFFFFFFu;
    // REQ-DH-2: DeleteHeader of a repeated unknown header removes every entry (else the first).
    bool delete_all_duplicates = true;
    // REQ-M-2: SetHttpMethod with a method that is not an HTTP token (a client's
    // X-HTTP-Method-Override can supply one). The documentation lists no error for it, so the
    // method is stored as given and S_OK returned; a failure HRESULT here makes the call fail.
    HRESULT non_token_method_result = S_OK;
    // REQ-CBT-2: GetChannelBindingToken when the request has no token.
    HRESULT missing_channel_binding_result = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    // REQ-READ-6: end of body in asynchronous mode.
    AsyncEof async_eof = AsyncEof::immediate;
    // REQ-READ-5, T-10: which asynchronous reads complete inline.
    AsyncPolicy async_policy = AsyncPolicy::always_pending;
    std::vector<bool> async_script;    // for AsyncPolicy::scripted; exhausted => pending
    // REQ-READ-8, REQ-READ-11: allow a read while another is pending (IHttpContext3::
    // EnableFullDuplex, websockets). Without it a second read is reported as misuse.
    bool full_duplex = false;
    // T-2, REQ-GH-9: overwrite header values, URLs and arrays that IIS may free once replaced,
    // so module code holding a stale pointer reads "<stale>" instead of the old text.
    bool poison_replaced_values = false;
    // The ordered log of SDK calls (calls()); off saves time in benchmarks of module code.
    bool record_calls = true;
    // IHttpCompletionInfo2::GetCompletedOperation for a read completion (1, as iisnode relies
    // on) and for any other completion (not published; 0).
    DWORD read_operation_code = 1;
    DWORD other_operation_code = 0;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/options.hpp -----
// ----- begin iisfake/call_log.hpp -----
#ifndef IISFAKE_CALL_LOG_HPP_INCLUDED
#define IISFAKE_CALL_LOG_HPP_INCLUDED

// What a fake records of the SDK calls made on it, in order, and how tests name a method for
// fault injection.

#include <stdexcept>
#include <string>


IISFAKE_BEGIN_NAMESPACE

// The IHttpRequest..IHttpRequest4 methods; overloads share one name.
enum class Method {
    GetRawHttpRequest,
    GetHeader,
    SetHeader,
    DeleteHeader,
    GetHttpMethod,
    SetHttpMethod,
    SetUrl,
    GetUrlChanged,
    GetForwardedUrl,
    GetLocalAddress,
    GetRemoteAddress,
    ReadEntityBody,
    InsertEntityBody,
    GetRemainingEntityBytes,
    GetHttpVersion,
    GetClientCertificate,
    NegotiateClientCertificate,
    GetSiteId,
    GetHeaderChanges,
    GetChannelBindingToken
};

constexpr int method_count = 20;

inline const char* method_name(Method method) noexcept {
    static const char* const names[] = {
        "GetRawHttpRequest", "GetHeader",        "SetHeader",
        "DeleteHeader",      "GetHttpMethod",    "SetHttpMethod",
        "SetUrl",            "GetUrlChanged",    "GetForwardedUrl",
        "GetLocalAddress",   "GetRemoteAddress", "ReadEntityBody",
        "InsertEntityBody",  "GetRemainingEntityBytes", "GetHttpVersion",
        "GetClientCertificate", "NegotiateClientCertificate", "GetSiteId",
        "GetHeaderChanges",  "GetChannelBindingToken"};
    const int index = static_cast<int>(method);
    return index >= 0 && index < method_count ? names[index] : "<not a Method>";
}

// Whether the method returns an HRESULT, and so can be made to fail (fault injection).
inline bool returns_hresult(Method method) noexcept {
    switch (method) {
        case Method::SetHeader:
        case Method::DeleteHeader:
        case Method::SetHttpMethod:
        case Method::SetUrl:
        case Method::ReadEntityBody:
        case Method::InsertEntityBody:
        case Method::GetClientCertificate:
        case Method::NegotiateClientCertificate:
        case Method::GetHeaderChanges:
        case Method::GetChannelBindingToken:
            return true;
        default:
            return false;
    }
}

// A fault a test asks for: a method that returns an HRESULT, failing with a failure HRESULT (a
// success that did nothing would hand module code out-parameters never written). Anything
// else is the test's mistake and throws std::invalid_argument.
inline Method check_fault(Method method, HRESULT result) {
    const int index = static_cast<int>(method);
    if (index < 0 || index >= method_count)
        throw std::invalid_argument("iisfake: fault injection: not a Method");
    if (!returns_hresult(method))
        throw std::invalid_argument(std::string("iisfake: ") + method_name(method) +
                                    " returns no HRESULT, so it cannot be made to fail");
    if (result >= 0)
        throw std::invalid_argument(std::string("iisfake: fault injection: ") +
                                    method_name(method) +
                                    " would return a success HRESULT having done nothing");
    return method;
}

struct Call {
    Method method;
    std::string arguments;  // the arguments as text, e.g. "X-Forwarded-For" or "1.2.3.4, TRUE"
    HRESULT result;         // S_OK for methods that return no HRESULT
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/call_log.hpp -----
// ----- begin iisfake/fake_completion_info.hpp -----
#ifndef IISFAKE_FAKE_COMPLETION_INFO_HPP_INCLUDED
#define IISFAKE_FAKE_COMPLETION_INFO_HPP_INCLUDED

// FakeHttpCompletionInfo: the IHttpCompletionInfo2 handed to a completion (REQ-CI-*). Always
// the most-derived interface, because module code casts IHttpCompletionInfo* to
// IHttpCompletionInfo2* without asking (REQ-CI-4, T-1, T-23).


IISFAKE_BEGIN_NAMESPACE

// IHttpCompletionInfo2::GetCompletedOperation codes. Only 1 (a read) is known from public
// module code; other values are unpublished and default to 0 (see Options).
namespace completed_operation {
constexpr DWORD other = 0;
constexpr DWORD read = 1;
}  // namespace completed_operation

class FakeHttpCompletionInfo : public IHttpCompletionInfo2 {
public:
    FakeHttpCompletionInfo() = default;
    FakeHttpCompletionInfo(DWORD bytes, HRESULT status,
                           DWORD operation = completed_operation::read) noexcept
        : bytes_(bytes), status_(status), operation_(operation) {}
    FakeHttpCompletionInfo(const FakeHttpCompletionInfo&) = default;
    FakeHttpCompletionInfo& operator=(const FakeHttpCompletionInfo&) = default;
    virtual ~FakeHttpCompletionInfo() = default;

    DWORD GetCompletionBytes(VOID) const override { return bytes_; }
    HRESULT GetCompletionStatus(VOID) const override { return status_; }
    DWORD GetCompletedOperation(VOID) const override { return operation_; }

    // Test knobs.
    void set_bytes(DWORD bytes) noexcept { bytes_ = bytes; }
    void set_status(HRESULT status) noexcept { status_ = status; }
    void set_operation(DWORD operation) noexcept { operation_ = operation; }

private:
    DWORD bytes_ = 0;
    HRESULT status_ = S_OK;
    DWORD operation_ = completed_operation::other;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_completion_info.hpp -----
// ----- begin iisfake/request_builder.hpp -----
#ifndef IISFAKE_REQUEST_BUILDER_HPP_INCLUDED
#define IISFAKE_REQUEST_BUILDER_HPP_INCLUDED

// RequestBuilder: describes the request a FakeHttpRequest starts as. Every setter returns the
// builder, so a request reads as one expression:
//
//   iisfake::FakeHttpRequest request(iisfake::RequestBuilder()
//                                        .method("POST")
//                                        .url("/upload?id=7")
//                                        .header("Content-Type", "text/plain")
//                                        .body("hello"));
//
// Defaults (a default-built request is valid): GET /, HTTP/1.1, "Host: localhost", local
// address 127.0.0.1:80, remote address 192.0.2.1:49152, plain HTTP, site id 1, request and
// connection id 1, no body (reads give EOF).

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

namespace detail {
template <class Unused>
class FakeHttpRequestBase;
}  // namespace detail

// Produces body bytes on demand: fill `out` with `count` bytes starting at body offset `offset`.
// Lets a test stream gigabytes without holding them in memory.
using BodyGenerator = Callback<void(ULONGLONG offset, void* out, DWORD count)>;

namespace detail {

// A template only so that a TU that never builds a request compiles none of its members (users
// include iisfake in every test file); use iisfake::RequestBuilder.
template <class Unused = void>
class RequestBuilderBase {
public:
    RequestBuilderBase& method(std::string verb) {
        method_ = std::move(verb);
        return *this;
    }
    // The URL as the client sent it (origin form, percent-encoded, with any query):
    // pRawUrl keeps it; the cooked URL holds the decoded path.
    RequestBuilderBase& url(std::string raw_url) {
        url_ = std::move(raw_url);
        return *this;
    }
    // HTTP/2 also sets HTTP_REQUEST_FLAG_HTTP2.
    RequestBuilderBase& version(USHORT major, USHORT minor) {
        major_ = major;
        minor_ = minor;
        return *this;
    }
    // Adds a header as the client sent it. Repeats of an unknown header stay separate entries;
    // repeats of a known header are joined with ", " in its single slot, as http.sys does.
    RequestBuilderBase& header(std::string name, std::string value) {
        headers_.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    RequestBuilderBase& header(HTTP_HEADER_ID id, std::string value);
    // Removes a header added earlier or by default ("Host" for an HTTP/1.0 request without one).
    RequestBuilderBase& remove_header(const std::string& name);

    // The entity body. Adds Content-Length unless a Content-Length or Transfer-Encoding header
    // was given.
    RequestBuilderBase& body(std::string bytes) {
        body_ = std::move(bytes);
        body_length_ = body_.size();
        generator_ = nullptr;
        return *this;
    }
    // Throws std::invalid_argument for a body with bytes but no generator to make them.
    RequestBuilderBase& body(ULONGLONG length, BodyGenerator generate) {
        if (length > 0 && !generate)
            throw std::invalid_argument(
                "iisfake: RequestBuilder::body: a body of " + std::to_string(length) +
                " bytes needs a generator");
        body_.clear();
        body_length_ = length;
        generator_ = std::move(generate);
        return *this;
    }
    // Sends the body chunked: "Transfer-Encoding: chunked" and no Content-Length. Reads return
    // the decoded bytes; GetRemainingEntityBytes follows Options::chunked_remaining.
    RequestBuilderBase& chunked(bool on = true) {
        chunked_ = on;
        return *this;
    }
    // Short reads: the nth read returns at most sizes[n % sizes.size()] bytes.
    RequestBuilderBase& read_sizes(std::vector<DWORD> sizes) {
        read_sizes_ = std::move(sizes);
        return *this;
    }

    // IPv4 ("10.0.0.1") or IPv6 ("2001:db8::1") text; throws std::invalid_argument otherwise.
    RequestBuilderBase& local_address(std::string ip, unsigned short port) {
        local_ip_ = std::move(ip);
        local_port_ = port;
        return *this;
    }
    RequestBuilderBase& remote_address(std::string ip, unsigned short port) {
        remote_ip_ = std::move(ip);
        remote_port_ = port;
        return *this;
    }

    // HTTPS: pSslInfo is set and the cooked URL says https. The default local port becomes 443.
    RequestBuilderBase& tls(bool on = true) {
        tls_ = on;
        return *this;
    }
    // A client certificate (DER bytes) present from the start. Implies tls().
    RequestBuilderBase& client_certificate(std::string der, ULONG cert_flags = 0) {
        tls_ = true;
        certificate_ = std::move(der);
        certificate_flags_ = cert_flags;
        has_certificate_ = true;
        return *this;
    }
    // A client certificate that appears only after NegotiateClientCertificate. Implies tls().
    RequestBuilderBase& negotiable_client_certificate(std::string der, ULONG cert_flags = 0) {
        tls_ = true;
        negotiable_certificate_ = std::move(der);
        negotiable_flags_ = cert_flags;
        has_negotiable_certificate_ = true;
        return *this;
    }
    RequestBuilderBase& channel_binding_token(std::string bytes) {
        channel_binding_token_ = std::move(bytes);
        has_channel_binding_token_ = true;
        return *this;
    }

    RequestBuilderBase& site_id(DWORD id) {
        site_id_ = id;
        return *this;
    }
    RequestBuilderBase& request_id(HTTP_REQUEST_ID id) {
        request_id_ = id;
        return *this;
    }
    RequestBuilderBase& connection_id(HTTP_CONNECTION_ID id) {
        connection_id_ = id;
        return *this;
    }
    // Host names that count as this server for SetUrl with an absolute URL (REQ-FU-1). Always
    // local: "localhost", the Host header's host, and the local address.
    RequestBuilderBase& local_host_name(std::string host) {
        local_host_names_.push_back(std::move(host));
        return *this;
    }
    // Fault injection from the start, as FakeHttpRequest::fail, fail_nth and disconnect_after.
    RequestBuilderBase& fail(Method method, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), 0, result});
        return *this;
    }
    RequestBuilderBase& fail_nth(Method method, unsigned nth, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), nth, result});
        return *this;
    }
    RequestBuilderBase& disconnect_after(ULONGLONG bytes,
                                     HRESULT result = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)) {
        disconnect_armed_ = true;
        disconnect_at_ = bytes;
        disconnect_result_ = result;
        return *this;
    }
    RequestBuilderBase& options(Options knobs) {
        options_ = std::move(knobs);
        return *this;
    }

private:
    template <class>
    friend class FakeHttpRequestBase;

    std::string method_ = "GET";
    std::string url_ = "/";
    USHORT major_ = 1;
    USHORT minor_ = 1;
    std::vector<std::pair<std::string, std::string>> headers_;
    bool default_host_ = true;
    std::string body_;
    ULONGLONG body_length_ = 0;
    BodyGenerator generator_;
    bool chunked_ = false;
    std::vector<DWORD> read_sizes_;
    std::string local_ip_ = "127.0.0.1";
    unsigned short local_port_ = 0;  // 0: 80, or 443 with tls()
    std::string remote_ip_ = "192.0.2.1";
    unsigned short remote_port_ = 49152;
    bool tls_ = false;
    std::string certificate_;
    ULONG certificate_flags_ = 0;
    bool has_certificate_ = false;
    std::string negotiable_certificate_;
    ULONG negotiable_flags_ = 0;
    bool has_negotiable_certificate_ = false;
    std::string channel_binding_token_;
    bool has_channel_binding_token_ = false;
    DWORD site_id_ = 1;
    HTTP_REQUEST_ID request_id_ = 1;
    HTTP_CONNECTION_ID connection_id_ = 1;
    std::vector<std::string> local_host_names_;
    Options options_;
    struct Fault {
        Method method;
        unsigned nth;
        HRESULT result;
    };
    std::vector<Fault> faults_;
    bool disconnect_armed_ = false;
    ULONGLONG disconnect_at_ = 0;
    HRESULT disconnect_result_ = S_OK;
};

}  // namespace detail

using RequestBuilder = detail::RequestBuilderBase<>;

IISFAKE_END_NAMESPACE


IISFAKE_BEGIN_NAMESPACE

template <class Unused>
inline detail::RequestBuilderBase<Unused>& detail::RequestBuilderBase<Unused>::header(
    HTTP_HEADER_ID id, std::string value) {
    const char* name = request_header_name(static_cast<int>(id));
    if (!name) throw std::invalid_argument("iisfake: not a request header id");
    return header(name, std::move(value));
}

template <class Unused>
inline detail::RequestBuilderBase<Unused>& detail::RequestBuilderBase<Unused>::remove_header(
    const std::string& name) {
    std::vector<std::pair<std::string, std::string>> kept;
    for (auto& entry : headers_)
        if (entry.first.size() != name.size() ||
            !detail::iequals(entry.first.data(), name.data(), name.size()))
            kept.push_back(std::move(entry));
    headers_ = std::move(kept);
    if (name.size() == 4 && detail::iequals(name.data(), "host", 4)) default_host_ = false;
    return *this;
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/request_builder.hpp -----
// ----- begin iisfake/fake_http_request.hpp -----
#ifndef IISFAKE_FAKE_HTTP_REQUEST_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_REQUEST_HPP_INCLUDED

// FakeHttpRequest: an IHttpRequest4 (so also IHttpRequest3, 2 and IHttpRequest) that behaves
// as IIS does. Its HTTP_REQUEST is live and is the only copy of the request's state: SetHeader
// and friends write into it, and writes module code makes into it directly are honoured.
//
// SDK methods (PascalCase) are what module code calls; lower_snake_case members are test knobs
// and inspectors that production code could never reach.

#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/detail/address.hpp -----
#ifndef IISFAKE_DETAIL_ADDRESS_HPP_INCLUDED
#define IISFAKE_DETAIL_ADDRESS_HPP_INCLUDED

// Text <-> Windows socket addresses (AF_INET6 is 23 there; ports in network byte order), with
// no dependency on the host's socket headers.

#include <cstring>
#include <stdexcept>
#include <string>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Dotted decimal, four parts of one to three digits, no leading zeros (which some parsers
// read as octal), each at most 255.
inline bool parse_ipv4(const std::string& text, unsigned char out[4]) {
    std::size_t pos = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (pos >= text.size() || text[pos] != '.') return false;
            ++pos;
        }
        const std::size_t first = pos;
        unsigned value = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - first < 3) {
            value = value * 10 + static_cast<unsigned>(text[pos] - '0');
            ++pos;
        }
        const std::size_t digits = pos - first;
        if (digits == 0 || value > 255 || (digits > 1 && text[first] == '0')) return false;
        out[part] = static_cast<unsigned char>(value);
    }
    return pos == text.size();
}

inline bool parse_ipv6(std::string text, unsigned char out[16]) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    unsigned short words[8] = {};
    int count = 0;
    int gap = -1;  // index in words where "::" stands
    std::size_t pos = 0;
    if (text.compare(0, 2, "::") == 0) {
        gap = 0;
        pos = 2;
    }
    while (pos < text.size()) {
        if (count == 8) return false;
        // An embedded IPv4 tail ("::ffff:192.0.2.1").
        const std::size_t next_colon = text.find(':', pos);
        const std::string part = text.substr(pos, next_colon - pos);
        if (next_colon == std::string::npos && part.find('.') != std::string::npos) {
            unsigned char v4[4];
            if (count > 6 || !parse_ipv4(part, v4)) return false;
            words[count++] = static_cast<unsigned short>(v4[0] << 8 | v4[1]);
            words[count++] = static_cast<unsigned short>(v4[2] << 8 | v4[3]);
            pos = text.size();
            break;
        }
        if (part.empty() || part.size() > 4) return false;
        unsigned value = 0;
        for (char c : part) {
            const int digit = hex_digit(c);
            if (digit < 0) return false;
            value = value * 16 + static_cast<unsigned>(digit);
        }
        words[count++] = static_cast<unsigned short>(value);
        if (next_colon == std::string::npos) {
            pos = text.size();
        } else if (text.compare(next_colon, 2, "::") == 0) {
            if (gap >= 0) return false;
            gap = count;
            pos = next_colon + 2;
        } else {
            pos = next_colon + 1;
            if (pos == text.size()) return false;
        }
    }
    if (gap < 0 && count != 8) return false;
    if (gap >= 0 && count == 8) return false;
    unsigned short full[8] = {};
    const int tail = gap < 0 ? 0 : count - gap;
    for (int i = 0; i < (gap < 0 ? count : gap); ++i) full[i] = words[i];
    for (int i = 0; i < tail; ++i) full[8 - tail + i] = words[gap + i];
    for (int i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<unsigned char>(full[i] >> 8);
        out[2 * i + 1] = static_cast<unsigned char>(full[i] & 0xFF);
    }
    return true;
}

inline USHORT network_port(unsigned short port) noexcept {
    const unsigned char bytes[2] = {static_cast<unsigned char>(port >> 8),
                                    static_cast<unsigned char>(port & 0xFF)};
    USHORT value = 0;
    std::memcpy(&value, bytes, sizeof value);
    return value;
}

// "fe80::1%3" -> "fe80::1" and scope id 3 (numeric zones only, as Windows writes them).
inline bool split_zone(std::string& ip, ULONG& scope) {
    scope = 0;
    const std::size_t percent = ip.find('%');
    if (percent == std::string::npos) return true;
    const std::string zone = ip.substr(percent + 1);
    if (zone.empty() || zone.size() > 10) return false;
    unsigned long long value = 0;
    for (char c : zone) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned long long>(c - '0');
    }
    if (value > 0xFFFFFFFFull) return false;
    scope = static_cast<ULONG>(value);
    ip.resize(percent);
    return true;
}

// Fills storage with an IPv4 or IPv6 address (with an optional "%zone"); throws
// std::invalid_argument for other text.
inline void make_address(SOCKADDR_STORAGE& storage, const std::string& ip, unsigned short port) {
    std::memset(&storage, 0, sizeof storage);
    unsigned char bytes[16];
    std::string bare = ip;  // IPv6 without brackets; the zone is split off below
    if (bare.size() >= 2 && bare.front() == '[' && bare.back() == ']')
        bare = bare.substr(1, bare.size() - 2);
    ULONG scope = 0;
    if (parse_ipv4(ip, bytes)) {
        SOCKADDR_IN v4;
        std::memset(&v4, 0, sizeof v4);
        v4.sin_family = AF_INET;
        v4.sin_port = network_port(port);
        std::memcpy(&v4.sin_addr, bytes, 4);
        std::memcpy(&storage, &v4, sizeof v4);
    } else if (split_zone(bare, scope) && parse_ipv6(bare, bytes)) {
        SOCKADDR_IN6 v6;
        std::memset(&v6, 0, sizeof v6);
        v6.sin6_family = AF_INET6;
        v6.sin6_port = network_port(port);
        std::memcpy(&v6.sin6_addr, bytes, 16);
        v6.sin6_scope_id = scope;
        std::memcpy(&storage, &v6, sizeof v6);
    } else {
        throw std::invalid_argument("iisfake: not an IPv4 or IPv6 address: " + ip);
    }
}

// An address as text; with_zone adds an IPv6 scope id ("fe80::1%3"), which has no place in a
// URL's host.
inline std::string address_text(const SOCKADDR* address, bool with_zone = true) {
    if (!address) return std::string();
    static const char hex[] = "0123456789abcdef";
    if (address->sa_family == AF_INET) {
        SOCKADDR_IN v4;
        std::memcpy(&v4, address, sizeof v4);
        unsigned char b[4];
        std::memcpy(b, &v4.sin_addr, 4);
        std::string out;
        for (int i = 0; i < 4; ++i) {
            if (i) out += '.';
            out += std::to_string(b[i]);
        }
        return out;
    }
    if (address->sa_family == AF_INET6) {
        SOCKADDR_IN6 v6;
        std::memcpy(&v6, address, sizeof v6);
        unsigned char b[16];
        std::memcpy(b, &v6.sin6_addr, 16);
        unsigned words[8];
        for (int i = 0; i < 8; ++i) words[i] = static_cast<unsigned>(b[2 * i] << 8 | b[2 * i + 1]);
        // RFC 5952: the longest run of two or more zero words becomes "::", lower-case hex.
        int gap = -1, gap_length = 0;
        for (int i = 0; i < 8;) {
            int run = 0;
            while (i + run < 8 && words[i + run] == 0) ++run;
            if (run >= 2 && run > gap_length) {
                gap = i;
                gap_length = run;
            }
            i += run > 0 ? run : 1;
        }
        std::string out;
        for (int i = 0; i < 8; ++i) {
            if (i == gap) {
                out += "::";
                i += gap_length - 1;
                continue;
            }
            if (!out.empty() && out.back() != ':') out += ':';
            bool started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                const unsigned digit = (words[i] >> shift) & 0xFu;
                if (digit || started || shift == 0) {
                    out += hex[digit];
                    started = true;
                }
            }
        }
        if (with_zone && v6.sin6_scope_id) out += "%" + std::to_string(v6.sin6_scope_id);
        return out;
    }
    return std::string();
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/address.hpp -----
// ----- begin iisfake/detail/header_table.hpp -----
#ifndef IISFAKE_DETAIL_HEADER_TABLE_HPP_INCLUDED
#define IISFAKE_DETAIL_HEADER_TABLE_HPP_INCLUDED

// The headers of one request (and, later, one response) as http.sys lays them out in the live
// raw struct: one slot per known header, an array of unknown ones, and the server-owned memory
// behind them.
//
// Memory follows what is live, whatever module code does: a new unknown header goes into the
// array in place while it has room (the array grows geometrically, as a vector does), an append
// (fReplace == FALSE) extends its value in place while the value's block has room, and
// deletions close the gap in place. Nothing the table handed out is freed before the table
// dies, so a pointer module code kept stays readable; a replaced value keeps its old text. With
// poisoning on, every block the table stops using (a replaced or deleted value, the array when
// it grows) is overwritten with "<stale>" instead, and values are never extended in place, so
// memory then also grows with the bytes replaced.
//
// Module code may write into the raw struct directly (T-8): the table never writes into memory
// it did not allocate, and takes a module's own unknown-header array over by copying it.

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

// ----- begin iisfake/detail/storage.hpp -----
#ifndef IISFAKE_DETAIL_STORAGE_HPP_INCLUDED
#define IISFAKE_DETAIL_STORAGE_HPP_INCLUDED

// Server-owned memory of a fake request: every string and array the fake hands out lives here
// until the fake is destroyed (IIS: "until the request ends"), so pointers module code keeps
// stay readable. Replaced blocks can be poisoned instead (Options::poison_replaced_values): they
// stay allocated, so a stale pointer reads "<stale>" rather than freed memory.

#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

constexpr char stale_text[] = "<stale>";

// Overwrites n elements with "<stale><stale>...", leaving the terminator after them alone.
template <class T>
void poison_text(T* data, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
        data[i] = static_cast<T>(stale_text[i % (sizeof stale_text - 1)]);
}

template <class T>
class Pool {
public:
    // n elements, value-initialised, plus one more so strings always have a terminator.
    T* make(std::size_t n) {
        blocks_.push_back(Block{std::unique_ptr<T[]>(new T[n + 1]()), n});
        return blocks_.back().data.get();
    }
    T* copy(const T* source, std::size_t n) {
        T* out = make(n);
        if (n) std::memcpy(out, source, n * sizeof(T));
        return out;
    }
    // Writable access to a block this pool made, found by its const pointer; an empty result
    // for a pointer it did not make (memory module code owns is never touched).
    struct Found {
        T* data;
        std::size_t size;
    };
    Found find(const T* p) noexcept {
        for (auto it = blocks_.rbegin(); p && it != blocks_.rend(); ++it)
            if (it->data.get() == p) return Found{it->data.get(), it->size};
        return Found{nullptr, 0};
    }

private:
    struct Block {
        std::unique_ptr<T[]> data;
        std::size_t size;
    };
    std::vector<Block> blocks_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/storage.hpp -----

IISFAKE_BEGIN_NAMESPACE
namespace detail {

constexpr std::size_t max_ushort = 0xFFFF;

template <class Headers, std::size_t KnownCount>
class HeaderTable {
public:
    enum class Status {
        ok,
        too_long,  // the value would pass the USHORT length (T-5)
        too_many   // a 65536th unknown header
    };

    // `poison` is read at every change, so a test may turn it on or off at any time.
    HeaderTable(Headers& raw, const bool& poison) noexcept : raw_(raw), poison_(poison) {}
    HeaderTable(const HeaderTable&) = delete;
    HeaderTable& operator=(const HeaderTable&) = delete;

    // Counts every change; GetHeaderChanges reports it.
    DWORD change_number() const noexcept { return changes_; }
    // Changes made while the request is being built are not changes a module made.
    void forget_changes() noexcept {
        changes_ = 0;
        for (auto& block : known_) block.changed = 0;
        for (auto& block : values_) block.changed = 0;
    }

    // The unknown entries module code would see, never past the end of an array the table owns.
    std::size_t unknown_count() const noexcept {
        if (!raw_.pUnknownHeaders) return 0;
        if (raw_.pUnknownHeaders == array_ && raw_.UnknownHeaderCount > capacity_) return capacity_;
        return raw_.UnknownHeaderCount;
    }
    // The change number of the last change to known slot `id` or unknown entry `index`; 0 when
    // it has not changed since the request was built or module code put it there itself.
    DWORD known_changed_at(int id) const noexcept {
        const Block& block = known_[id];
        return block.data == raw_.KnownHeaders[id].pRawValue ? block.changed : 0;
    }
    DWORD unknown_changed_at(std::size_t index) const noexcept {
        if (raw_.pUnknownHeaders != array_ || index >= capacity_) return 0;
        const Block& block = values_[index];
        return block.data == array_[index].pRawValue ? block.changed : 0;
    }

    // The first unknown entry of that name (ASCII case-insensitive), or NULL.
    const HTTP_UNKNOWN_HEADER* find_unknown(const char* name, std::size_t length) const noexcept {
        const HTTP_UNKNOWN_HEADER* entries = raw_.pUnknownHeaders;
        const std::size_t count = unknown_count();
        for (std::size_t i = 0; i < count; ++i)
            if (named(entries[i], name, length) && entries[i].pRawValue) return &entries[i];
        return nullptr;
    }

    // Sets (replace) or extends (append, with `separator` between) known slot `id`.
    Status set_known(int id, const char* value, std::size_t length, bool replace,
                     const std::string& separator) {
        HTTP_KNOWN_HEADER& slot = raw_.KnownHeaders[id];
        const Status status = write(known_[id], slot.pRawValue, slot.RawValueLength, value,
                                    length, replace, separator);
        if (status == Status::ok) known_[id].changed = ++changes_;
        return status;
    }

    // Sets or extends the first unknown entry of that name, or adds one. Replacing drops later
    // repeats of the name, so the header has one value.
    Status set_unknown(const char* name, std::size_t name_length, const char* value,
                       std::size_t length, bool replace, const std::string& separator) {
        take_over();
        const std::size_t count = unknown_count();
        std::size_t found = 0;
        while (found < count && !named(array_[found], name, name_length)) ++found;
        if (found == count) return add_unknown(name, name_length, value, length);
        HTTP_UNKNOWN_HEADER& entry = array_[found];
        const Status status = write(values_[found], entry.pRawValue, entry.RawValueLength, value,
                                    length, replace, separator);
        if (status != Status::ok) return status;
        values_[found].changed = ++changes_;
        if (replace) remove_from(found + 1, name, name_length, true);
        return Status::ok;
    }

    // Adds an entry even when the name is there already: a client's repeated unknown header
    // stays two entries (REQ-GH-8).
    Status add_unknown(const char* name, std::size_t name_length, const char* value,
                       std::size_t length) {
        take_over();
        const std::size_t count = unknown_count();
        if (count >= max_ushort) return Status::too_many;
        if (name_length > max_ushort || length > max_ushort) return Status::too_long;
        if (count == capacity_) grow(count + 1);
        HTTP_UNKNOWN_HEADER entry = {};
        entry.pName = text_.copy(name, name_length);
        entry.NameLength = static_cast<USHORT>(name_length);
        char* data = text_.copy(value, length);
        entry.pRawValue = data;
        entry.RawValueLength = static_cast<USHORT>(length);
        array_[count] = entry;
        values_[count] = Block{data, length, ++changes_};
        raw_.pUnknownHeaders = array_;
        raw_.UnknownHeaderCount = static_cast<USHORT>(count + 1);
        return Status::ok;
    }

    // Empties known slot `id`; false when it was empty already.
    bool clear_known(int id) {
        HTTP_KNOWN_HEADER& slot = raw_.KnownHeaders[id];
        if (!slot.pRawValue) return false;
        slot.pRawValue = nullptr;
        slot.RawValueLength = 0;
        retire(known_[id]);
        known_[id].changed = ++changes_;
        return true;
    }

    // Removes every entry of that name (or the first only); false when there was none.
    bool remove_unknown(const char* name, std::size_t length, bool all) {
        const HTTP_UNKNOWN_HEADER* first = find_unknown(name, length);
        if (!first) return false;
        const auto index = static_cast<std::size_t>(first - raw_.pUnknownHeaders);
        take_over();  // the same entries, maybe in the fake's own copy
        remove_from(index, name, length, all);
        ++changes_;
        return true;
    }

private:
    struct Block {
        char* data;            // a block of text_ (NULL: the slot holds no value of ours)
        std::size_t capacity;  // bytes it holds before its terminator
        DWORD changed;         // change number of the last change
    };

    static bool named(const HTTP_UNKNOWN_HEADER& entry, const char* name, std::size_t length) {
        return entry.pName && entry.NameLength == length && iequals(entry.pName, name, length);
    }

    // Stores a value into one slot: `current`/`current_length` are the slot's fields, `block`
    // what the table knows of the memory behind them.
    Status write(Block& block, PCSTR& current, USHORT& current_length, const char* value,
                 std::size_t length, bool replace, const std::string& separator) {
        const bool append = !replace && current;
        const bool ours = block.data && block.data == current;
        // A length module code wrote past the end of the fake's own block is never read.
        std::size_t kept = append ? current_length : 0;
        if (ours && kept > block.capacity) kept = block.capacity;
        const std::size_t joint = append ? separator.size() : 0;
        const std::size_t total = kept + joint + length;
        if (total > max_ushort) return Status::too_long;
        if (append && ours && !poison_ && total <= block.capacity) {
            // memmove: the value may be a slice of this very block (GetHeader's pointer).
            std::memmove(block.data + kept + joint, value, length);
            std::memcpy(block.data + kept, separator.data(), joint);
            block.data[total] = '\0';
            current_length = static_cast<USHORT>(total);
            return Status::ok;
        }
        // Appends leave room to grow, so repeated appends cost linear, not quadratic, memory.
        std::size_t capacity = total;
        if (append && !poison_) capacity = total * 2 < max_ushort ? total * 2 : max_ushort;
        char* data = text_.make(capacity);
        if (kept) std::memcpy(data, current, kept);
        std::memcpy(data + kept, separator.data(), joint);
        if (length) std::memcpy(data + kept + joint, value, length);
        if (ours) retire(block);
        block = Block{data, capacity, block.changed};
        current = data;
        current_length = static_cast<USHORT>(total);
        return Status::ok;
    }

    // Makes the raw struct's unknown-header array one the table owns, with room to write.
    void take_over() {
        if (raw_.pUnknownHeaders == array_) {
            if (raw_.UnknownHeaderCount > capacity_)
                raw_.UnknownHeaderCount = static_cast<USHORT>(capacity_);
            return;
        }
        if (!raw_.pUnknownHeaders) {  // module code emptied it: start again in the same room
            raw_.UnknownHeaderCount = 0;
            raw_.pUnknownHeaders = array_;
            return;
        }
        // Module code installed an array of its own: copy it, never write into it.
        const HTTP_UNKNOWN_HEADER* theirs = raw_.pUnknownHeaders;
        const std::size_t count = raw_.UnknownHeaderCount;
        HTTP_UNKNOWN_HEADER* mine = arrays_.make(count + 4);
        if (count) std::memcpy(mine, theirs, count * sizeof *mine);
        array_ = mine;
        capacity_ = count + 4;
        values_.assign(capacity_, Block{nullptr, 0, 0});
        raw_.pUnknownHeaders = array_;
    }

    void grow(std::size_t needed) {
        std::size_t capacity = capacity_ * 2 > needed ? capacity_ * 2 : needed;
        if (capacity < 4) capacity = 4;
        if (capacity > max_ushort) capacity = max_ushort;
        HTTP_UNKNOWN_HEADER* bigger = arrays_.make(capacity);
        const std::size_t count = unknown_count();
        if (count) std::memcpy(bigger, array_, count * sizeof *bigger);
        if (poison_) poison_entries(array_, 0, capacity_);
        array_ = bigger;
        capacity_ = capacity;
        values_.resize(capacity, Block{nullptr, 0, 0});
        raw_.pUnknownHeaders = array_;
    }

    // Removes entries named `name` at or after `from`, closing the gap in place.
    void remove_from(std::size_t from, const char* name, std::size_t length, bool all) {
        const std::size_t count = unknown_count();
        std::size_t kept = from;
        bool removed = false;
        for (std::size_t i = from; i < count; ++i) {
            if (named(array_[i], name, length) && (all || !removed)) {
                removed = true;
                if (values_[i].data == array_[i].pRawValue) retire(values_[i]);
                continue;
            }
            if (kept != i) {
                array_[kept] = array_[i];
                values_[kept] = values_[i];
            }
            ++kept;
        }
        for (std::size_t i = kept; i < count; ++i) values_[i] = Block{nullptr, 0, 0};
        if (poison_) poison_entries(array_, kept, count);
        raw_.UnknownHeaderCount = static_cast<USHORT>(kept);
    }

    void retire(Block& block) {
        if (poison_ && block.data) poison_text(block.data, block.capacity);
        block.data = nullptr;
        block.capacity = 0;
    }

    static void poison_entries(HTTP_UNKNOWN_HEADER* entries, std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            entries[i].pName = stale_text;
            entries[i].NameLength = sizeof stale_text - 1;
            entries[i].pRawValue = stale_text;
            entries[i].RawValueLength = sizeof stale_text - 1;
        }
    }

    Headers& raw_;
    const bool& poison_;
    DWORD changes_ = 0;
    Block known_[KnownCount] = {};
    HTTP_UNKNOWN_HEADER* array_ = nullptr;  // the table's array; raw_ points at it unless not
    std::size_t capacity_ = 0;
    std::vector<Block> values_;  // what the table knows of array_[i].pRawValue, for each i
    Pool<char> text_;
    Pool<HTTP_UNKNOWN_HEADER> arrays_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/header_table.hpp -----
// ----- begin iisfake/detail/text.hpp -----
#ifndef IISFAKE_DETAIL_TEXT_HPP_INCLUDED
#define IISFAKE_DETAIL_TEXT_HPP_INCLUDED

// UTF-8 <-> WCHAR (UTF-32 where wchar_t is 4 bytes, UTF-16 on Windows) and percent-decoding,
// for the narrow raw URL and the wide cooked URL.

#include <cstddef>
#include <cstdint>
#include <string>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

using wide_string = std::basic_string<WCHAR>;

inline void append_code_point(wide_string& out, std::uint32_t cp) {
    if (sizeof(WCHAR) >= 4 || cp < 0x10000u) {
        out += static_cast<WCHAR>(cp);
    } else {
        cp -= 0x10000u;
        out += static_cast<WCHAR>(0xD800u + (cp >> 10));
        out += static_cast<WCHAR>(0xDC00u + (cp & 0x3FFu));
    }
}

// The code point of the UTF-8 sequence at text[i] and its length, or 0 for a sequence that is
// not valid UTF-8: a stray continuation byte, a truncated sequence, an overlong form (C0 80 for
// NUL, C0 AF for '/'), a surrogate or a value past U+10FFFF.
inline std::size_t utf8_sequence(const char* text, std::size_t length, std::size_t i,
                                 std::uint32_t& cp) noexcept {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t lowest = 0;
    if (lead < 0x80u) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2u && lead <= 0xDFu) {
        cp = lead & 0x1Fu;
        extra = 1;
        lowest = 0x80u;
    } else if ((lead & 0xF0u) == 0xE0u) {
        cp = lead & 0x0Fu;
        extra = 2;
        lowest = 0x800u;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        cp = lead & 0x07u;
        extra = 3;
        lowest = 0x10000u;
    } else {
        return 0;
    }
    if (length - i <= extra) return 0;
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (next & 0x3Fu);
    }
    if (cp < lowest || cp > 0x10FFFFu || (cp >= 0xD800u && cp <= 0xDFFFu)) return 0;
    return extra + 1;
}

// Strict: false, with `out` unspecified, when the bytes are not valid UTF-8.
inline bool utf8_to_wide_strict(const char* text, std::size_t length, wide_string& out) {
    out.clear();
    out.reserve(length);
    for (std::size_t i = 0; i < length;) {
        std::uint32_t cp = 0;
        const std::size_t n = utf8_sequence(text, length, i, cp);
        if (n == 0) return false;
        append_code_point(out, cp);
        i += n;
    }
    return true;
}

// Lenient, for text a client may send: each invalid byte becomes U+FFFD, so an overlong form
// never turns into a NUL or a path character.
inline wide_string utf8_to_wide(const char* text, std::size_t length) {
    wide_string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length;) {
        std::uint32_t cp = 0;
        const std::size_t n = utf8_sequence(text, length, i, cp);
        append_code_point(out, n ? cp : 0xFFFDu);
        i += n ? n : 1;
    }
    return out;
}

// Windows-1252, the ANSI code page of an English-language Windows: Latin-1 but for 0x80..0x9F.
inline wide_string ansi_to_wide(const char* text, std::size_t length) {
    static const unsigned short high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    wide_string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        out += static_cast<WCHAR>(byte >= 0x80u && byte < 0xA0u ? high[byte - 0x80u] : byte);
    }
    return out;
}

// URL bytes (after percent-decoding) as http.sys reads them with its default settings
// (FavorUTF8, EnableNonUTF8): UTF-8 when the whole URL is valid UTF-8, else the ANSI code page.
// Either way an overlong form never becomes a NUL or a '/'.
inline wide_string url_bytes_to_wide(const char* text, std::size_t length) {
    wide_string out;
    if (utf8_to_wide_strict(text, length, out)) return out;
    return ansi_to_wide(text, length);
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80u) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800u) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else if (cp < 0x10000u) {
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else {
        out += static_cast<char>(0xF0u | (cp >> 18));
        out += static_cast<char>(0x80u | ((cp >> 12) & 0x3Fu));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
}

// For the test's view of wide text. A value that is no code point (past U+10FFFF, possible in
// a 32-bit wchar_t) becomes U+FFFD.
inline std::string wide_to_utf8(const WCHAR* text, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        auto cp = static_cast<std::uint32_t>(text[i]);
        if (cp > 0x10FFFFu) cp = 0xFFFDu;
        if (sizeof(WCHAR) == 2 && cp >= 0xD800u && cp <= 0xDBFFu && i + 1 < length) {
            const auto low = static_cast<std::uint32_t>(text[i + 1]);
            if (low >= 0xDC00u && low <= 0xDFFFu) {
                cp = 0x10000u + ((cp - 0xD800u) << 10) + (low - 0xDC00u);
                ++i;
            }
        }
        append_utf8(out, cp);
    }
    return out;
}

// %XX becomes the byte XX; a '%' not followed by two hex digits stays as it is.
inline std::string percent_decode(const char* text, std::size_t length) {
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
        if (text[i] == '%' && i + 2 < length && hex_digit(text[i + 1]) >= 0 &&
            hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/text.hpp -----
// ----- begin iisfake/detail/url.hpp -----
#ifndef IISFAKE_DETAIL_URL_HPP_INCLUDED
#define IISFAKE_DETAIL_URL_HPP_INCLUDED

// What http.sys does with a request's URL and Host header before any module runs: the checks
// that make it answer 400 Bad Request itself (so no module ever sees such a request), and the
// cooking of the path into HTTP_COOKED_URL's canonical form.

#include <cstddef>
#include <string>
#include <vector>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Why http.sys refuses this request-target, or NULL. Origin form ("/path?query") or "*".
inline const char* raw_url_problem(const std::string& url) {
    if (url.empty() || (url[0] != '/' && url != "*")) return "the URL must start with '/'";
    if (url.size() > 0xFFFF) return "the URL is longer than 65535 bytes";
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20u || byte == 0x7Fu)
            return "the URL holds a space, NUL, CR, LF or another control character";
    }
    return nullptr;
}

// Why http.sys refuses this Host header value, or NULL: a host name, an IPv4 address or a
// bracketed IPv6 address, then an optional ":port". Empty is allowed (HTTP/1.0 clients).
inline const char* host_problem(const std::string& host) {
    std::size_t end = host.size();
    std::size_t colon = std::string::npos;
    if (!host.empty() && host[0] == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string::npos) return "the Host header's IPv6 address has no ']'";
        unsigned char bytes[16];
        if (!parse_ipv6(host.substr(1, close - 1), bytes))
            return "the Host header's bracketed address is not an IPv6 address";
        if (close + 1 < host.size() && host[close + 1] != ':')
            return "the Host header has text after its IPv6 address";
        colon = close + 1 < host.size() ? close + 1 : std::string::npos;
    } else {
        colon = host.rfind(':');
        end = colon == std::string::npos ? host.size() : colon;
        for (std::size_t i = 0; i < end; ++i) {
            const char c = host[i];
            const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                   (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                   c == '~';
            if (!name_char) return "the Host header's host holds a character no host name has";
        }
    }
    if (colon == std::string::npos) return nullptr;
    const std::string port = host.substr(colon + 1);
    if (port.empty() || port.size() > 5) return "the Host header's port is not a port number";
    unsigned value = 0;
    for (char c : port) {
        if (c < '0' || c > '9') return "the Host header's port is not a port number";
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value > 0xFFFFu ? "the Host header's port is past 65535" : nullptr;
}

// RFC 3986 dot-segment removal, as http.sys canonicalizes: "/a/b/../c" -> "/a/c"; a ".." at
// the root stays at the root.
inline wide_string remove_dot_segments(const wide_string& path) {
    std::vector<wide_string> segments;
    bool directory = false;  // the path ends in a "." or ".." segment: it names a directory
    for (std::size_t start = 1;;) {
        const std::size_t end = path.find(L'/', start);
        const bool last = end == wide_string::npos;
        const wide_string segment = path.substr(start, last ? wide_string::npos : end - start);
        if (segment == L".") {
            directory = last;
        } else if (segment == L"..") {
            if (!segments.empty()) segments.pop_back();
            directory = last;
        } else {
            segments.push_back(segment);
        }
        if (last) break;
        start = end + 1;
    }
    wide_string out = L"/";
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i) out += L'/';
        out += segments[i];
    }
    if (directory && !segments.empty()) out += L'/';
    return out;
}

// The cooked path of a raw path ("/a%20b/../c"): percent-decoded, read as UTF-8 or the ANSI
// code page, '\' as '/', dot segments removed. Returns why http.sys refuses it, or NULL: a
// decoded control character (its AllowRestrictedChars setting is off by default).
inline const char* cook_path(const std::string& raw_path, wide_string& out) {
    const std::string bytes = percent_decode(raw_path.data(), raw_path.size());
    out = url_bytes_to_wide(bytes.data(), bytes.size());
    for (WCHAR& c : out) {
        const auto cp = static_cast<std::uint32_t>(c);
        if (cp < 0x20u || (cp >= 0x7Fu && cp <= 0x9Fu))
            return "the URL decodes to a control character (U+0000..U+001F, U+007F..U+009F)";
        if (c == L'\\') c = L'/';
    }
    if (!out.empty() && out[0] == L'/') out = remove_dot_segments(out);
    return nullptr;
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/url.hpp -----

IISFAKE_BEGIN_NAMESPACE

// Receives the completion of a pending IHttpRequest::ReadEntityBody (or of an asynchronous
// NegotiateClientCertificate) and returns what the module's completion handler returned. With
// IHttpContext and CHttpModule (next milestone) this becomes CHttpModule::OnAsyncCompletion.
using CompletionSink = Callback<REQUEST_NOTIFICATION_STATUS(IHttpCompletionInfo* info)>;

// One delivered completion, as recorded by the fake.
struct Completion {
    DWORD bytes;
    HRESULT status;
    DWORD operation;
    bool to_callback;  // delivered to a PFN_ASYNC_COMPLETION (IHttpRequest3::ReadEntityBody)
    bool delivered;    // false when no sink was set for the IHttpRequest form
    REQUEST_NOTIFICATION_STATUS returned;  // what the sink or callback returned
};

namespace detail {

// How completions run when a test asks for threads (deliver_on_thread). The implementation,
// CompletionThreads, is in <iisfake/threaded_delivery.hpp>.
class Concurrency {
public:
    virtual ~Concurrency() = default;
    virtual void lock() = 0;
    virtual void unlock() = 0;
    virtual void run(Callback<void()> task) = 0;  // on a new thread
    virtual void join_all() = 0;  // until none is left, also those that tasks started
    virtual std::exception_ptr take_failure() = 0;  // the first exception a task threw
};

class CompletionThreads;  // include <iisfake/threaded_delivery.hpp> to use deliver_on_thread()

template <class Unused>
struct completion_threads_for {
    using type = CompletionThreads;
};

// The implementation, a template only so that a TU that includes iisfake without constructing a
// fake request compiles none of it (users include iisfake in every test file). Use
// iisfake::FakeHttpRequest.
template <class Unused = void>
class FakeHttpRequestBase : public IHttpRequest4 {
public:
    FakeHttpRequestBase() : FakeHttpRequestBase(RequestBuilder()) {}
    explicit FakeHttpRequestBase(const RequestBuilder& spec);
    FakeHttpRequestBase(const FakeHttpRequestBase&) = delete;
    FakeHttpRequestBase& operator=(const FakeHttpRequestBase&) = delete;
    // Reports a read still pending (through the misuse handler, which by default throws), and
    // waits for completions running on other threads.
    virtual ~FakeHttpRequestBase() noexcept(false);

    // ---- IHttpRequest ----------------------------------------------------------------------
    HTTP_REQUEST* GetRawHttpRequest(VOID) override {
        record(Method::GetRawHttpRequest, std::string(), S_OK);
        return &raw_;
    }
    const HTTP_REQUEST* GetRawHttpRequest(VOID) const override {
        record(Method::GetRawHttpRequest, "const", S_OK);
        return &raw_;
    }
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const override;
    HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT DeleteHeader(PCSTR pszHeaderName) override;
    HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) override;
    PCSTR GetHttpMethod(VOID) const override;
    HRESULT SetHttpMethod(PCSTR pszHttpMethod) override;
    HRESULT SetUrl(PCWSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override;
    HRESULT SetUrl(PCSTR pszUrl, DWORD cchUrl, BOOL fResetQueryString) override;
    BOOL GetUrlChanged(VOID) const override {
        record(Method::GetUrlChanged, std::string(), S_OK);
        return url_changed_ ? TRUE : FALSE;
    }
    PCWSTR GetForwardedUrl(VOID) const override {
        record(Method::GetForwardedUrl, std::string(), S_OK);
        return forwarded_url_;
    }
    PSOCKADDR GetLocalAddress(VOID) const override {
        record(Method::GetLocalAddress, std::string(), S_OK);
        return raw_.Address.pLocalAddress;
    }
    PSOCKADDR GetRemoteAddress(VOID) const override {
        record(Method::GetRemoteAddress, std::string(), S_OK);
        return raw_.Address.pRemoteAddress;
    }
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, DWORD* pcbBytesReceived,
                           BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest::ReadEntityBody", pvBuffer, cbBuffer, fAsync, nullptr, nullptr,
                    false, pcbBytesReceived, pfCompletionPending, std::string());
    }
    HRESULT InsertEntityBody(VOID* pvBuffer, DWORD cbBuffer) override;
    DWORD GetRemainingEntityBytes(VOID) override;
    VOID GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const override;
    HRESULT GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                 BOOL* pfClientCertNegotiated) override;
    HRESULT NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending = NULL) override;
    DWORD GetSiteId(VOID) const override {
        record(Method::GetSiteId, std::string(), S_OK);
        return site_id_;
    }
    HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                             PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum],
                             DWORD* pdwUnknownHeaderSnapshot, PCSTR** ppUnknownHeaderNameSnapshot,
                             PCSTR** ppUnknownHeaderValueSnapshot,
                             DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1],
                             DWORD* pdwDiffedUnknownHeaders,
                             DWORD** ppDiffedUnknownHeaderIndices) override;

    // ---- IHttpRequest2 / 3 / 4 -------------------------------------------------------------
    HRESULT GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) override;
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync,
                           PFN_ASYNC_COMPLETION pfnCompletionCallback, VOID* pvCompletionContext,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest3::ReadEntityBody", pvBuffer, cbBuffer, fAsync,
                    pfnCompletionCallback, pvCompletionContext, true, pcbBytesReceived,
                    pfCompletionPending, std::string());
    }
    // ulFlags values are unpublished; every value reads as the base form does (REQ-R3-*).
    HRESULT ReadEntityBody(VOID* pvBuffer, DWORD cbBuffer, BOOL fAsync, ULONG ulFlags,
                           DWORD* pcbBytesReceived, BOOL* pfCompletionPending = NULL) override {
        return read("IHttpRequest4::ReadEntityBody", pvBuffer, cbBuffer, fAsync, nullptr, nullptr,
                    false, pcbBytesReceived, pfCompletionPending,
                    "flags " + std::to_string(ulFlags));
    }

    // ---- test knobs ------------------------------------------------------------------------
    Options& options() noexcept { return options_; }
    const Options& options() const noexcept { return options_; }
    // Replaces how misuse is reported (default: throw MisuseError). iisfake::ignore_misuse
    // turns reporting off; the fake then only returns the HRESULT IIS returns.
    void set_misuse_handler(MisuseHandler handler) { misuse_handler_ = std::move(handler); }
    // Every call of `method` from now on returns `result` without effect. Only methods that
    // return an HRESULT can fail, and only with a failure HRESULT (a success that did nothing
    // would hand module code out-parameters never written); anything else throws
    // std::invalid_argument.
    void fail(Method method, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), 0, result});
    }
    // The nth call of `method` (1-based, counting every call since construction) returns
    // `result` without effect.
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), nth, result});
    }
    void clear_faults() { faults_.clear(); }
    // The client goes away after `bytes` body bytes: reads past that point fail with `result`
    // (IIS's exact code is undocumented; ASP.NET Core treats any failure as a disconnect).
    void disconnect_after(ULONGLONG bytes,
                          HRESULT result = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)) {
        disconnect_armed_ = true;
        disconnect_at_ = bytes;
        disconnect_result_ = result;
    }
    void set_read_sizes(std::vector<DWORD> sizes) {
        read_sizes_ = std::move(sizes);
        read_count_ = 0;
    }

    // ---- asynchronous completion -------------------------------------------------------------
    // The completion handler for operations started from now on: each completion goes to the
    // sink in force when its operation started, as IIS resumes the module that issued it.
    void set_completion_sink(CompletionSink sink) { sink_ = std::move(sink); }
    // What PFN_ASYNC_COMPLETION callbacks receive as their IHttpContext3*. Until iisfake has
    // IHttpContext (next milestone) this is whatever the test sets; NULL by default.
    void set_http_context(IHttpContext3* context) noexcept { http_context_ = context; }
    // Deliver completions on a second thread, as IIS does from its pool; false goes back to the
    // calling thread after waiting. Needs <iisfake/threaded_delivery.hpp> (or
    // IISFAKE_CONFIG_THREADED_DELIVERY defined before <iisfake/iisfake.hpp>), which keeps
    // <thread> and <mutex> out of the test files that do not use threads.
    void deliver_on_thread(bool on = true) {
        if (on && !concurrency_) {
            concurrency_.reset(new typename detail::completion_threads_for<Unused>::type());
        } else if (!on && concurrency_) {
            wait_for_completions();
            concurrency_.reset();
        }
    }
    // Waits for every completion running on another thread (also those their modules started)
    // and rethrows the first exception one of them threw. Returns at once without threads.
    void wait_for_completions();

    bool has_pending() const;
    std::size_t pending_count() const;
    // Completes the oldest pending operation: a read fills the caller's buffer now, from the
    // body as it is now, and its IHttpCompletionInfo2 goes to the callback or the sink.
    void complete_pending();
    // Completes the oldest pending operation with `status` and `bytes`, leaving the buffer
    // untouched (an error injected into a completion).
    void complete_pending_with(HRESULT status, DWORD bytes = 0);
    // Completes every pending operation with HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), as
    // IHttpContext::CancelIo does (REQ-CI-3).
    void cancel_pending();
    // Reports misuse if an operation is still pending (a module that forgot to wait).
    void expect_nothing_pending();
    std::vector<Completion> completions() const;

    // ---- inspection ---------------------------------------------------------------------------
    std::vector<Call> calls() const;
    void clear_calls();
    // Every misuse reported so far, thrown or not. With deliver_on_thread(), read it after
    // wait_for_completions(): completions report on their own thread.
    const std::vector<Misuse>& misuses() const noexcept { return misuses_; }
    // Headers as the raw struct holds them: known ones in id order, then unknown in order.
    std::vector<std::pair<std::string, std::string>> headers() const;
    bool has_header(const std::string& name) const;
    std::string header(const std::string& name) const;  // "" when absent
    std::string method() const;
    std::string url() const;       // cooked path and query, UTF-8
    std::string full_url() const;  // cooked full URL, UTF-8
    std::string raw_url() const;
    std::string forwarded_url() const;  // "" when GetForwardedUrl returns NULL
    std::string local_address() const { return detail::address_text(raw_.Address.pLocalAddress); }
    std::string remote_address() const {
        return detail::address_text(raw_.Address.pRemoteAddress);
    }
    ULONGLONG body_consumed() const;      // client body bytes handed to the module
    ULONGLONG inserted_consumed() const;  // InsertEntityBody bytes handed to the module
    DWORD header_change_number() const noexcept { return headers_.change_number(); }

private:
    struct Fault {
        Method method;
        unsigned nth;  // 0: every call
        HRESULT result;
    };
    struct Inserted {
        const unsigned char* data;  // the caller's memory, read at read time (T-3)
        DWORD size;
        DWORD offset;
    };
    struct Pending {
        unsigned char* buffer;
        DWORD size;
        bool has_callback;
        PFN_ASYNC_COMPLETION callback;
        void* context;
        bool negotiate;
        CompletionSink sink;  // the sink when the operation started: the module that waits
        bool due;             // complete_before_return, delivered once the nesting unwinds
    };
    struct Transfer {
        DWORD bytes;
        HRESULT status;
    };
    class Lock {
    public:
        explicit Lock(Concurrency* threads) : threads_(threads) {
            if (threads_) threads_->lock();
        }
        ~Lock() {
            if (threads_) threads_->unlock();
        }
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;

    private:
        Concurrency* threads_;
    };

    Lock lock() const { return Lock(concurrency_.get()); }
    void record(Method method, std::string arguments, HRESULT result) const;
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result,
                   const char* outcome = nullptr) const;
    HRESULT defer(const char* method, const char* rule, std::string problem, HRESULT result);
    void report_deferred();
    bool injected(Method method, HRESULT& result);
    // A fault for this call: recorded in the log; the caller returns `result`.
    bool injected_recorded(Method method, const std::string& arguments, HRESULT& result);
    HRESULT report_bad_id(const char* method, int id, HRESULT result) const;
    const char* find_header(const char* name, std::size_t length, USHORT* pcch) const;
    HRESULT set_header(const char* method, int id, const char* name, std::size_t name_length,
                       PCSTR value, USHORT cch, BOOL replace);
    void retire(PCSTR value);
    void retire(PCWSTR value);
    void set_verb(const std::string& verb);
    HRESULT set_url(const detail::wide_string& url, BOOL reset);
    HRESULT set_url_call(bool null_with_length, bool runs_past, bool decoded,
                         const detail::wide_string& url,
                         BOOL reset);
    void install_negotiated_certificate();
    void install_certificate(const std::string& der, ULONG flags);
    void build_cooked_url(const detail::wide_string& host, const detail::wide_string& path,
                          const detail::wide_string& query);
    bool is_local_host(const detail::wide_string& host) const;

    HRESULT read(const char* method, VOID* buffer, DWORD size, BOOL async,
                 PFN_ASYNC_COMPLETION callback, void* context, bool has_callback, DWORD* received,
                 BOOL* pending, std::string extra);
    bool at_end() const;
    Transfer transfer(unsigned char* out, DWORD capacity);
    bool goes_pending(BOOL* pending_out);
    void complete_oldest(bool forced, HRESULT status, DWORD bytes);
    void deliver_before_return(Pending op);
    bool disconnected() const;
    void dispatch(Pending op, bool forced, HRESULT status, DWORD bytes);
    void finish(Pending op, bool forced, HRESULT status, DWORD bytes);
    std::string method_text() const;

    Options options_;
    MisuseHandler misuse_handler_ = throw_misuse;
    mutable std::vector<Misuse> misuses_;
    mutable std::deque<Call> calls_;  // a deque: no reallocation spikes in long logs
    mutable unsigned call_counts_[method_count] = {};
    std::vector<Fault> faults_;
    Misuse deferred_;
    bool has_deferred_ = false;

    HTTP_REQUEST raw_;
    using Headers = detail::HeaderTable<HTTP_REQUEST_HEADERS, HttpHeaderRequestMaximum>;
    Headers headers_{raw_.Headers, options_.poison_replaced_values};
    SOCKADDR_STORAGE local_;
    SOCKADDR_STORAGE remote_;
    HTTP_SSL_INFO ssl_;
    detail::Pool<HTTP_SSL_CLIENT_CERT_INFO> certificates_;
    detail::Pool<unsigned char> certificate_bytes_;
    std::string negotiable_bytes_;
    ULONG negotiable_flags_ = 0;
    bool has_negotiable_ = false;
    std::string channel_binding_token_;
    bool has_channel_binding_token_ = false;
    DWORD site_id_ = 1;

    detail::Pool<char> strings_;
    detail::Pool<WCHAR> wide_strings_;
    detail::Pool<PCSTR> pointer_arrays_;
    detail::Pool<DWORD> index_arrays_;

    bool url_changed_ = false;
    PCWSTR forwarded_url_ = nullptr;
    std::vector<detail::wide_string> local_hosts_;

    std::string body_;
    BodyGenerator generator_;
    ULONGLONG body_length_ = 0;       // bytes the client sends
    ULONGLONG announced_length_ = 0;  // Content-Length (differs when the test says so)
    bool chunked_ = false;
    ULONGLONG body_offset_ = 0;
    ULONGLONG inserted_consumed_ = 0;
    std::vector<Inserted> inserted_;
    std::vector<DWORD> read_sizes_;
    std::size_t read_count_ = 0;
    bool disconnect_armed_ = false;
    ULONGLONG disconnect_at_ = 0;
    HRESULT disconnect_result_ = S_OK;

    std::vector<Pending> pending_;
    std::vector<Completion> completions_;
    CompletionSink sink_;
    IHttpContext3* http_context_ = nullptr;
    std::size_t async_reads_ = 0;
    // Completions delivered inside the call that started them, nested on this stack.
    static constexpr std::size_t max_nested_deliveries = 8;
    std::size_t delivery_depth_ = 0;
    std::unique_ptr<Concurrency> concurrency_;  // set while completions run on threads
};

}  // namespace detail

// An IHttpRequest4 (and so IHttpRequest3, IHttpRequest2, IHttpRequest) that behaves as IIS
// does; see FakeHttpRequestBase for its members. Hand module code its address.
// A class rather than an alias, so code deriving from it (a gMock wrapper) can name it.
class FakeHttpRequest : public detail::FakeHttpRequestBase<> {
public:
    using FakeHttpRequestBase::FakeHttpRequestBase;
    FakeHttpRequest() = default;
};

IISFAKE_END_NAMESPACE

// ----- begin iisfake/detail/fake_http_request_impl.hpp -----
#ifndef IISFAKE_DETAIL_FAKE_HTTP_REQUEST_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_REQUEST_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpRequest (declared in fake_http_request.hpp).


IISFAKE_BEGIN_NAMESPACE

namespace detail {

constexpr HRESULT eof_result = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);

inline const char* verb_text(HTTP_VERB verb) noexcept {
    static const char* const names[] = {
        "",         "",          "",      "OPTIONS", "GET",  "HEAD",   "POST",
        "PUT",      "DELETE",    "TRACE", "CONNECT", "TRACK", "MOVE", "COPY",
        "PROPFIND", "PROPPATCH", "MKCOL", "LOCK",    "UNLOCK", "SEARCH"};
    const int index = static_cast<int>(verb);
    return (index >= 0 && index < static_cast<int>(HttpVerbMaximum)) ? names[index] : "";
}

inline HTTP_VERB verb_of(const std::string& method) noexcept {
    for (int v = HttpVerbOPTIONS; v < static_cast<int>(HttpVerbMaximum); ++v)
        if (method == verb_text(static_cast<HTTP_VERB>(v))) return static_cast<HTTP_VERB>(v);
    return HttpVerbUnknown;
}

inline bool bad_value_byte(char c) noexcept { return c == '\r' || c == '\n' || c == '\0'; }

// The separator is the test's choice, and CR or LF in it would inject headers.
inline void check_separator(const std::string& separator) {
    for (char c : separator)
        if (bad_value_byte(c))
            throw std::invalid_argument("iisfake: Options::append_separator holds CR, LF or NUL");
}

// Reads at most `count` bytes and stops at a NUL, so a cch that runs past the caller's string is
// noticed without reading past its terminator.
template <class Char>
inline bool has_nul(const Char* text, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (text[i] == Char()) return true;
    return false;
}

inline wide_string widen_ascii(const std::string& text) {
    return wide_string(text.begin(), text.end());
}

inline bool wide_iequals(const wide_string& a, const wide_string& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        WCHAR x = a[i], y = b[i];
        if (x >= L'A' && x <= L'Z') x = static_cast<WCHAR>(x - L'A' + L'a');
        if (y >= L'A' && y <= L'Z') y = static_cast<WCHAR>(y - L'A' + L'a');
        if (x != y) return false;
    }
    return true;
}

// "host:port" -> "host"; "[::1]:80" -> "[::1]".
inline wide_string host_without_port(const wide_string& host) {
    if (!host.empty() && host[0] == L'[') {
        const auto close = host.find(L']');
        return close == wide_string::npos ? host : host.substr(0, close + 1);
    }
    const auto colon = host.find(L':');
    return colon == wide_string::npos ? host : host.substr(0, colon);
}

// Finds the positions of a pointer in an array in constant time on average, so diffing two
// snapshots of n unknown headers costs O(n), not O(n^2).
class PointerIndex {
public:
    static constexpr std::size_t none = ~std::size_t(0);
    PointerIndex(const PCSTR* items, std::size_t count) : items_(items) {
        std::size_t size = 16;
        while (size < count * 2) size *= 2;
        slots_.assign(items ? size : 0, none);
        for (std::size_t k = 0; items && k < count; ++k) {
            std::size_t slot = home(items[k]);
            while (slots_[slot] != none) slot = (slot + 1) & (slots_.size() - 1);
            slots_[slot] = k;
        }
    }
    // The first index holding `p`, or none; next() goes on from there.
    std::size_t first(PCSTR p) const {
        if (slots_.empty()) return none;
        probe_ = home(p);
        return scan(p);
    }
    std::size_t next(PCSTR p) const {
        probe_ = (probe_ + 1) & (slots_.size() - 1);
        return scan(p);
    }

private:
    std::size_t home(PCSTR p) const {
        std::size_t bits = reinterpret_cast<std::uintptr_t>(p) >> 4;  // blocks are aligned
        bits *= golden;  // Fibonacci hashing: the high bits mix every bit of the address
        return (bits >> 7) & (slots_.size() - 1);
    }
    std::size_t scan(PCSTR p) const {
        for (; slots_[probe_] != none; probe_ = (probe_ + 1) & (slots_.size() - 1))
            if (items_[slots_[probe_]] == p) return slots_[probe_];
        return none;
    }
    static constexpr std::size_t golden = 0x9E3779B97F4A7C15ull;
    const PCSTR* items_;
    std::vector<std::size_t> slots_;
    mutable std::size_t probe_ = 0;
};

// ---- construction ---------------------------------------------------------------------------

template <class Unused>
inline FakeHttpRequestBase<Unused>::FakeHttpRequestBase(const RequestBuilder& spec)
    : options_(spec.options_),
      raw_(),
      local_(),
      remote_(),
      ssl_(),
      site_id_(spec.site_id_) {
    raw_.ConnectionId = spec.connection_id_;
    raw_.RawConnectionId = spec.connection_id_;
    raw_.RequestId = spec.request_id_;
    raw_.Version.MajorVersion = spec.major_;
    raw_.Version.MinorVersion = spec.minor_;
    if (spec.major_ >= 2) raw_.Flags |= HTTP_REQUEST_FLAG_HTTP2;

    // Input http.sys would refuse with 400 Bad Request never reaches a module: the test that
    // builds it is wrong, so the builder's mistakes throw.
    auto refuse = [](const std::string& problem) {
        throw std::invalid_argument("iisfake: RequestBuilder: " + problem);
    };
    if (!detail::is_token(spec.method_.data(), spec.method_.size()))
        refuse("the method is not an HTTP token: \"" + spec.method_.substr(0, 64) + "\"");
    if (spec.method_.size() > detail::max_ushort)
        refuse("the method is longer than 65535 bytes");
    set_verb(spec.method_);

    if (const char* problem = detail::raw_url_problem(spec.url_))
        refuse(std::string(problem) + ": \"" + spec.url_.substr(0, 64) + "\"");
    raw_.pRawUrl = strings_.copy(spec.url_.data(), spec.url_.size());
    raw_.RawUrlLength = static_cast<USHORT>(spec.url_.size());
    detail::check_separator(options_.append_separator);

    const unsigned short local_port =
        spec.local_port_ ? spec.local_port_ : static_cast<unsigned short>(spec.tls_ ? 443 : 80);
    detail::make_address(local_, spec.local_ip_, local_port);
    detail::make_address(remote_, spec.remote_ip_, spec.remote_port_);
    raw_.Address.pLocalAddress = reinterpret_cast<PSOCKADDR>(&local_);
    raw_.Address.pRemoteAddress = reinterpret_cast<PSOCKADDR>(&remote_);

    if (spec.tls_) {
        static const char issuer[] = "CN=iisfake test issuer";
        static const char subject[] = "CN=localhost";
        ssl_.ServerCertKeySize = 2048;
        ssl_.ConnectionKeySize = 256;
        ssl_.ServerCertIssuerSize = sizeof issuer - 1;
        ssl_.ServerCertSubjectSize = sizeof subject - 1;
        ssl_.pServerCertIssuer = issuer;
        ssl_.pServerCertSubject = subject;
        raw_.pSslInfo = &ssl_;
        if (spec.has_certificate_) {
            install_certificate(spec.certificate_, spec.certificate_flags_);
            ssl_.SslClientCertNegotiated = 1;
        }
        negotiable_bytes_ = spec.negotiable_certificate_;
        negotiable_flags_ = spec.negotiable_flags_;
        has_negotiable_ = spec.has_negotiable_certificate_;
    }
    channel_binding_token_ = spec.channel_binding_token_;
    has_channel_binding_token_ = spec.has_channel_binding_token_;

    // Headers, as the client sent them.
    std::vector<std::pair<std::string, std::string>> headers;
    bool has_host = false, has_length = false, has_encoding = false;
    for (const auto& header : spec.headers_) {
        const int id = request_header_id(header.first.data(), header.first.size());
        has_host = has_host || id == HttpHeaderHost;
        has_length = has_length || id == HttpHeaderContentLength;
        has_encoding = has_encoding || id == HttpHeaderTransferEncoding;
    }
    if (!has_host && spec.default_host_) headers.emplace_back("Host", "localhost");
    headers.insert(headers.end(), spec.headers_.begin(), spec.headers_.end());
    if (spec.chunked_ && !has_encoding) headers.emplace_back("Transfer-Encoding", "chunked");
    else if (!spec.chunked_ && !has_length && !has_encoding && spec.body_length_ > 0)
        headers.emplace_back("Content-Length", std::to_string(spec.body_length_));

    using Status = typename Headers::Status;
    for (const auto& header : headers) {
        const std::string& name = header.first;
        const std::string& value = header.second;
        if (!detail::is_token(name.data(), name.size()))
            refuse("a header name is not an HTTP token: \"" + name.substr(0, 64) + "\"");
        for (char c : value)
            if (detail::bad_value_byte(c)) refuse("the value of " + name + " holds CR, LF or NUL");
        const int id = request_header_id(name.data(), name.size());
        const Status status = id >= 0 ? headers_.set_known(id, value.data(), value.size(), false, ", ")
                                      : headers_.add_unknown(name.data(), name.size(),
                                                             value.data(), value.size());
        if (status == Status::too_long) refuse(name + " is longer than 65535 bytes");
        if (status == Status::too_many) refuse("more than 65535 unknown headers");
    }
    headers_.forget_changes();

    // The cooked URL: scheme, the Host header's host (or the local address) with the port, the
    // canonical decoded path, and the query as sent.
    const HTTP_KNOWN_HEADER& host_header = raw_.Headers.KnownHeaders[HttpHeaderHost];
    std::string host = host_header.pRawValue
                           ? std::string(host_header.pRawValue, host_header.RawValueLength)
                           : std::string();
    if (const char* problem = detail::host_problem(host))
        refuse(std::string(problem) + ": \"" + host.substr(0, 64) + "\"");
    if (host.empty()) {
        host = detail::address_text(raw_.Address.pLocalAddress, false);
        if (raw_.Address.pLocalAddress->sa_family == AF_INET6) host = "[" + host + "]";
    }
    const detail::wide_string wide_host = detail::widen_ascii(host);
    detail::wide_string cooked_host = wide_host;
    if (detail::host_without_port(wide_host) == wide_host)
        cooked_host += detail::widen_ascii(":" + std::to_string(local_port));
    const std::string& url = spec.url_;
    const auto question = url.find('?');
    detail::wide_string path;
    if (const char* problem = detail::cook_path(url.substr(0, question), path))
        refuse(std::string(problem) + ": \"" + url.substr(0, 64) + "\"");
    const std::string query = question == std::string::npos ? std::string() : url.substr(question);
    build_cooked_url(cooked_host, path, detail::url_bytes_to_wide(query.data(), query.size()));
    if (raw_.CookedUrl.pFullUrl == nullptr) refuse("the cooked URL would exceed 65535 bytes");

    local_hosts_.push_back(L"localhost");
    local_hosts_.push_back(detail::host_without_port(wide_host));
    const std::string local_text = detail::address_text(raw_.Address.pLocalAddress);
    local_hosts_.push_back(detail::widen_ascii(local_text));
    local_hosts_.push_back(detail::widen_ascii("[" + local_text + "]"));
    for (const auto& name : spec.local_host_names_)
        local_hosts_.push_back(detail::utf8_to_wide(name.data(), name.size()));

    body_ = spec.body_;
    generator_ = spec.generator_;
    body_length_ = spec.body_length_;
    announced_length_ = body_length_;
    if (has_length && !spec.chunked_) {
        // A Content-Length the test gave wins: IIS reads what was announced, and a client that
        // sends less fails the read with ERROR_CONNECTION_INVALID (REQ-READ-4).
        const HTTP_KNOWN_HEADER& length = raw_.Headers.KnownHeaders[HttpHeaderContentLength];
        ULONGLONG announced = 0;
        for (USHORT i = 0; i < length.RawValueLength; ++i) {
            const char c = length.pRawValue[i];
            if (c < '0' || c > '9') refuse("Content-Length is not a number");
            if (announced > (~0ull - 9) / 10) refuse("Content-Length is too large");
            announced = announced * 10 + static_cast<ULONGLONG>(c - '0');
        }
        if (length.RawValueLength == 0) refuse("Content-Length is empty");
        announced_length_ = announced;
    }
    chunked_ = spec.chunked_;
    read_sizes_ = spec.read_sizes_;
    for (const auto& fault : spec.faults_) fail_nth(fault.method, fault.nth, fault.result);
    if (spec.disconnect_armed_) disconnect_after(spec.disconnect_at_, spec.disconnect_result_);
    if (body_length_ > 0) raw_.Flags |= HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS;
}

template <class Unused>
inline FakeHttpRequestBase<Unused>::~FakeHttpRequestBase() noexcept(false) {
    if (concurrency_) concurrency_->join_all();
    if (!pending_.empty() && std::uncaught_exceptions() == 0)
        report("FakeHttpRequest::~FakeHttpRequest", "T-10",
               std::to_string(pending_.size()) +
                   " asynchronous operation(s) still pending when the request ended; a module "
                   "must wait for its completion",
               S_OK, "the completion never arrives");
}

// ---- bookkeeping ----------------------------------------------------------------------------

template <class Unused>
inline void FakeHttpRequestBase<Unused>::record(Method method, std::string arguments, HRESULT result) const {
    const auto index = static_cast<std::size_t>(method);
    Lock guard = lock();
    ++call_counts_[index];
    if (options_.record_calls) calls_.push_back(Call{method, std::move(arguments), result});
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::report(const char* method, const char* rule, std::string problem,
                                       HRESULT result, const char* outcome) const {
    Misuse misuse{method, rule, std::move(problem), result,
                  outcome ? std::string(outcome) : "IIS returns " + hresult_text(result)};
    {
        Lock guard = lock();
        misuses_.push_back(misuse);
    }
    if (misuse_handler_) misuse_handler_(misuse);
    return result;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::defer(const char* method, const char* rule,
                                                  std::string problem, HRESULT result) {
    // Reported once the call is in the log, so a throwing handler does not hide the call.
    deferred_ = Misuse{method, rule, std::move(problem), result, std::string()};
    has_deferred_ = true;
    return result;
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::report_deferred() {
    if (!has_deferred_) return;
    has_deferred_ = false;
    report(deferred_.method.c_str(), deferred_.rule.c_str(), deferred_.problem, deferred_.result);
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::injected_recorded(Method method,
                                                           const std::string& arguments,
                                                           HRESULT& result) {
    if (!injected(method, result)) return false;
    record(method, arguments, result);
    return true;
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::injected(Method method, HRESULT& result) {
    const unsigned count = call_counts_[static_cast<std::size_t>(method)] + 1;
    for (const auto& fault : faults_) {
        if (fault.method == method && (fault.nth == 0 || fault.nth == count)) {
            result = fault.result;
            return true;
        }
    }
    return false;
}

template <class Unused>
inline std::vector<Call> FakeHttpRequestBase<Unused>::calls() const {
    Lock guard = lock();
    return std::vector<Call>(calls_.begin(), calls_.end());
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::clear_calls() {
    Lock guard = lock();
    calls_.clear();
}

// ---- headers --------------------------------------------------------------------------------

template <class Unused>
inline const char* FakeHttpRequestBase<Unused>::find_header(const char* name, std::size_t length,
                                                            USHORT* pcch) const {
    const int id = request_header_id(name, length);
    if (id >= 0) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (pcch) *pcch = slot.pRawValue ? slot.RawValueLength : 0;
        return slot.pRawValue;
    }
    const HTTP_UNKNOWN_HEADER* entry = headers_.find_unknown(name, length);
    if (pcch) *pcch = entry ? entry->RawValueLength : 0;
    return entry ? entry->pRawValue : nullptr;
}

template <class Unused>
inline PCSTR FakeHttpRequestBase<Unused>::GetHeader(PCSTR pszHeaderName,
                                                    USHORT* pcchHeaderValue) const {
    if (!pszHeaderName) {
        record(Method::GetHeader, "NULL", S_OK);
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpRequest::GetHeader", "REQ-GH-7", "pszHeaderName is NULL", S_OK,
               "the fake returns NULL");
        return nullptr;
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (options_.record_calls || concurrency_) record(Method::GetHeader, pszHeaderName, S_OK);
    else ++call_counts_[static_cast<std::size_t>(Method::GetHeader)];
    return find_header(pszHeaderName, length, pcchHeaderValue);
}

// The id arrives as an int: module code passes -1 for "not found" and other values outside the
// enumeration, which must never be used as an index (T-6).
template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::report_bad_id(const char* method, int id,
                                                          HRESULT result) const {
    return report(method, "REQ-GH-6",
                  "header id " + std::to_string(id) + " is not a request header id (0..40)",
                  result, result == S_OK ? "the fake returns NULL" : nullptr);
}

template <class Unused>
inline PCSTR FakeHttpRequestBase<Unused>::GetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                                    USHORT* pcchHeaderValue) const {
    const int id = static_cast<int>(ulHeaderIndex);
    record(Method::GetHeader, std::to_string(id), S_OK);
    if (pcchHeaderValue) *pcchHeaderValue = 0;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        report_bad_id("IHttpRequest::GetHeader", id, S_OK);
        return nullptr;
    }
    const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
    if (pcchHeaderValue && slot.pRawValue) *pcchHeaderValue = slot.RawValueLength;
    return slot.pRawValue;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                      USHORT cchHeaderValue, BOOL fReplace) {
    const char* method = "IHttpRequest::SetHeader";
    std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "REQ-SH-1", "pszHeaderName is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (!detail::is_token(pszHeaderName, length)) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "REQ-SH-4",
                      "header name \"" + arguments + "\" is not an HTTP token", E_INVALIDARG);
    }
    result = set_header(method, request_header_id(pszHeaderName, length), pszHeaderName, length,
                        pszHeaderValue, cchHeaderValue, fReplace);
    record(Method::SetHeader, arguments, result);
    report_deferred();
    return result;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::SetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                                      PCSTR pszHeaderValue, USHORT cchHeaderValue,
                                                      BOOL fReplace) {
    const char* method = "IHttpRequest::SetHeader";
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        record(Method::SetHeader, std::to_string(id), E_INVALIDARG);
        return report_bad_id(method, id, E_INVALIDARG);
    }
    const char* name = request_header_name(id);
    result = set_header(method, id, name, std::strlen(name), pszHeaderValue, cchHeaderValue,
                        fReplace);
    record(Method::SetHeader, std::to_string(id), result);
    report_deferred();
    return result;
}

// What the value's bytes allow, before anything changes: a NUL within cch means cch runs past
// the caller's value (misuse: the length is wrong whatever the data); CR or LF is data module
// code may have taken from the client, so it only fails the call (REQ-SH-3, REQ-SH-4).
template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::set_header(const char* method, int id,
                                                       const char* name, std::size_t name_length,
                                                       PCSTR value, USHORT cch, BOOL replace) {
    if (!value && cch > 0)
        return defer(method, "REQ-SH-4", "pszHeaderValue is NULL with a non-zero length",
                     E_INVALIDARG);
    if (!value) value = "";
    if (detail::has_nul(value, cch))
        return defer(method, "REQ-SH-3",
                     "cchHeaderValue (" + std::to_string(cch) +
                         ") runs past the end of the value: it holds a NUL at byte " +
                         std::to_string(std::strlen(value)),
                     E_INVALIDARG);
    for (USHORT i = 0; i < cch; ++i)
        if (value[i] == '\r' || value[i] == '\n') return E_INVALIDARG;
    const std::string& separator = options_.append_separator;
    if (!replace) detail::check_separator(separator);
    using Status = typename Headers::Status;
    const Status status =
        id >= 0 ? headers_.set_known(id, value, cch, replace != FALSE, separator)
                : headers_.set_unknown(name, name_length, value, cch, replace != FALSE, separator);
    // Too long (an append past 65535 bytes, T-5) or too many depends on the request's data.
    return status == Status::ok ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::DeleteHeader, arguments, E_INVALIDARG);
        return report("IHttpRequest::DeleteHeader", "REQ-DH-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    const int id = request_header_id(pszHeaderName, length);
    if (id >= 0) {
        headers_.clear_known(id);
    } else {
        headers_.remove_unknown(pszHeaderName, length, options_.delete_all_duplicates);
    }
    record(Method::DeleteHeader, arguments, S_OK);
    return S_OK;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        record(Method::DeleteHeader, std::to_string(id), E_INVALIDARG);
        return report_bad_id("IHttpRequest::DeleteHeader", id, E_INVALIDARG);
    }
    headers_.clear_known(id);
    record(Method::DeleteHeader, std::to_string(id), S_OK);
    return S_OK;
}

// ---- method -----------------------------------------------------------------------------------

// With poisoning, a method or URL the fake replaced reads "<stale>"; memory module code owns is
// never touched (Pool::find knows only the fake's own blocks).
template <class Unused>
inline void FakeHttpRequestBase<Unused>::retire(PCSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::retire(PCWSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = wide_strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::method_text() const {
    if (raw_.Verb == HttpVerbUnknown)
        return raw_.pUnknownVerb ? std::string(raw_.pUnknownVerb, raw_.UnknownVerbLength)
                                 : std::string();
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
inline PCSTR FakeHttpRequestBase<Unused>::GetHttpMethod(VOID) const {
    record(Method::GetHttpMethod, std::string(), S_OK);
    if (raw_.Verb == HttpVerbUnknown) return raw_.pUnknownVerb ? raw_.pUnknownVerb : "";
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::set_verb(const std::string& verb) {
    const PCSTR old = raw_.pUnknownVerb;
    raw_.Verb = detail::verb_of(verb);
    if (raw_.Verb == HttpVerbUnknown) {
        raw_.pUnknownVerb = strings_.copy(verb.data(), verb.size());
        raw_.UnknownVerbLength = static_cast<USHORT>(verb.size());
    } else {
        raw_.pUnknownVerb = nullptr;
        raw_.UnknownVerbLength = 0;
    }
    retire(old);
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::SetHttpMethod(PCSTR pszHttpMethod) {
    const std::string arguments = pszHttpMethod ? pszHttpMethod : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHttpMethod, arguments, result)) return result;
    if (!pszHttpMethod) {
        record(Method::SetHttpMethod, arguments, E_INVALIDARG);
        return report("IHttpRequest::SetHttpMethod", "REQ-M-2", "pszHttpMethod is NULL",
                      E_INVALIDARG);
    }
    // Data, not misuse: the method may come from the client (X-HTTP-Method-Override).
    if (arguments.size() > detail::max_ushort) {  // UnknownVerbLength is a USHORT
        record(Method::SetHttpMethod, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    if (!detail::is_token(pszHttpMethod, arguments.size()) &&
        FAILED(options_.non_token_method_result)) {
        record(Method::SetHttpMethod, arguments, options_.non_token_method_result);
        return options_.non_token_method_result;
    }
    set_verb(arguments);
    record(Method::SetHttpMethod, arguments, S_OK);
    return S_OK;
}

// ---- URL ----------------------------------------------------------------------------------

template <class Unused>
inline void FakeHttpRequestBase<Unused>::build_cooked_url(const detail::wide_string& host,
                                              const detail::wide_string& path,
                                              const detail::wide_string& query) {
    const detail::wide_string scheme = raw_.pSslInfo ? L"https://" : L"http://";
    const detail::wide_string full = scheme + host + path + query;
    if (full.size() * sizeof(WCHAR) > detail::max_ushort) return;  // caller checks pFullUrl
    const PCWSTR old = raw_.CookedUrl.pFullUrl;
    WCHAR* buffer = wide_strings_.copy(full.data(), full.size());
    raw_.CookedUrl.pFullUrl = buffer;
    raw_.CookedUrl.pHost = buffer + scheme.size();
    raw_.CookedUrl.pAbsPath = buffer + scheme.size() + host.size();
    raw_.CookedUrl.pQueryString =
        query.empty() ? nullptr : buffer + scheme.size() + host.size() + path.size();
    raw_.CookedUrl.FullUrlLength = static_cast<USHORT>(full.size() * sizeof(WCHAR));
    raw_.CookedUrl.HostLength = static_cast<USHORT>(host.size() * sizeof(WCHAR));
    raw_.CookedUrl.AbsPathLength = static_cast<USHORT>(path.size() * sizeof(WCHAR));
    raw_.CookedUrl.QueryStringLength = static_cast<USHORT>(query.size() * sizeof(WCHAR));
    retire(old);
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::is_local_host(const detail::wide_string& host) const {
    const detail::wide_string bare = detail::host_without_port(host);
    for (const auto& local : local_hosts_)
        if (detail::wide_iequals(bare, local)) return true;
    // An IPv6 literal is local when it is the local address however it is spelt ("[::1]" as
    // well as the "[0:0:0:0:0:0:0:1]" that local_hosts_ holds).
    const std::string text = detail::wide_to_utf8(bare.data(), bare.size());
    unsigned char bytes[16];
    if (local_.ss_family != AF_INET6 || text.size() < 3 || text[0] != '[' ||
        !detail::parse_ipv6(text, bytes))
        return false;
    SOCKADDR_IN6 local;
    std::memcpy(&local, &local_, sizeof local);
    return std::memcmp(&local.sin6_addr, bytes, sizeof bytes) == 0;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::set_url(const detail::wide_string& given,
                                                    BOOL reset) {
    detail::wide_string url = given;
    for (const PCWSTR prefix : {L"http://", L"https://"}) {
        const detail::wide_string scheme = prefix;
        if (url.size() < scheme.size() ||
            !detail::wide_iequals(url.substr(0, scheme.size()), scheme))
            continue;
        const auto end = url.find_first_of(L"/?", scheme.size());
        const detail::wide_string host = url.substr(scheme.size(), end - scheme.size());
        if (!is_local_host(host)) {  // REQ-FU-1: another server's URL is forwarded
            const PCWSTR old = forwarded_url_;
            forwarded_url_ = wide_strings_.copy(url.data(), url.size());
            retire(old);
            url_changed_ = true;
            return S_OK;
        }
        url = end == detail::wide_string::npos ? detail::wide_string(L"/") : url.substr(end);
        if (url[0] == L'?') url = L"/" + url;
        break;
    }
    if (url.empty() || url[0] != L'/') return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
    const auto question = url.find(L'?');
    const detail::wide_string path = url.substr(0, question);
    detail::wide_string query;
    if (question != detail::wide_string::npos) {
        query = url.substr(question);  // REQ-URL-5: a query in the URL always takes effect
    } else if (!reset && raw_.CookedUrl.pQueryString) {
        query.assign(raw_.CookedUrl.pQueryString,
                     raw_.CookedUrl.QueryStringLength / sizeof(WCHAR));
    }
    const detail::wide_string host(raw_.CookedUrl.pHost,
                                   raw_.CookedUrl.pHost ? raw_.CookedUrl.HostLength / sizeof(WCHAR)
                                                        : 0);
    const std::size_t scheme_size = raw_.pSslInfo ? 8 : 7;
    const std::size_t bytes = (scheme_size + host.size() + path.size() + query.size()) * sizeof(WCHAR);
    if (bytes > detail::max_ushort) return E_INVALIDARG;  // the USHORT lengths (REQ-URL-4)
    build_cooked_url(host, path, query);
    const PCWSTR old_forward = forwarded_url_;
    forwarded_url_ = nullptr;
    retire(old_forward);
    url_changed_ = true;
    return S_OK;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCWSTR pszUrl, DWORD cchUrl,
                                                   BOOL fResetQueryString) {
    const bool runs_past = pszUrl && detail::has_nul(pszUrl, cchUrl);
    return set_url_call(!pszUrl && cchUrl > 0, runs_past, true,
                        pszUrl && !runs_past ? detail::wide_string(pszUrl, cchUrl)
                                             : detail::wide_string(),
                        fResetQueryString);
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCSTR pszUrl, DWORD cchUrl,
                                                   BOOL fResetQueryString) {
    const bool runs_past = pszUrl && detail::has_nul(pszUrl, cchUrl);
    // UTF-8 [I] (REQ-URL-7); bytes that are not UTF-8 (an overlong "/" or NUL among them) make
    // the URL invalid rather than turning into path characters.
    detail::wide_string url;
    const bool decoded = !pszUrl || runs_past || detail::utf8_to_wide_strict(pszUrl, cchUrl, url);
    if (!decoded) url = detail::utf8_to_wide(pszUrl, cchUrl);  // for the call log only
    return set_url_call(!pszUrl && cchUrl > 0, runs_past, decoded, url, fResetQueryString);
}

// Both SetUrl overloads, once the URL is wide (REQ-URL-3: cchUrl counts WCHARs or bytes).
template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::set_url_call(bool null_with_length, bool runs_past,
                                                         bool decoded,
                                                         const detail::wide_string& url,
                                                         BOOL reset) {
    const char* method = "IHttpRequest::SetUrl";
    const std::string arguments =
        detail::wide_to_utf8(url.data(), url.size()) + (reset ? ", TRUE" : ", FALSE");
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetUrl, arguments, result)) return result;
    if (null_with_length || runs_past) {
        record(Method::SetUrl, arguments, E_INVALIDARG);
        return report(method, "REQ-URL-3",
                      null_with_length ? "pszUrl is NULL with a non-zero cchUrl"
                                       : "cchUrl runs past the end of pszUrl",
                      E_INVALIDARG);
    }
    result = decoded ? set_url(url, reset) : E_INVALIDARG;
    record(Method::SetUrl, arguments, result);
    return result;
}

// ---- entity body ----------------------------------------------------------------------------

// A client that sent the whole body has sent it: a disconnect at its very end reads as EOF
// (REQ-READ-3, T-11).
template <class Unused>
inline bool FakeHttpRequestBase<Unused>::disconnected() const {
    return disconnect_armed_ && body_offset_ >= disconnect_at_ &&
           body_offset_ < announced_length_;
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::at_end() const {
    for (const auto& chunk : inserted_)
        if (chunk.offset < chunk.size) return false;
    return body_offset_ >= announced_length_;
}

template <class Unused>
inline typename FakeHttpRequestBase<Unused>::Transfer FakeHttpRequestBase<Unused>::transfer(unsigned char* out, DWORD capacity) {
    DWORD limit = capacity;
    if (!read_sizes_.empty()) {
        const DWORD cap = read_sizes_[read_count_++ % read_sizes_.size()];
        if (cap > 0 && cap < limit) limit = cap;
    }
    for (auto& chunk : inserted_) {  // inserted bytes come before unread client bytes (REQ-INS-1)
        if (chunk.offset >= chunk.size) continue;
        const DWORD n = (chunk.size - chunk.offset) < limit ? chunk.size - chunk.offset : limit;
        std::memcpy(out, chunk.data + chunk.offset, n);
        chunk.offset += n;
        inserted_consumed_ += n;
        return Transfer{n, S_OK};
    }
    if (disconnected()) return Transfer{0, disconnect_result_};
    if (body_offset_ >= body_length_ && body_offset_ < announced_length_)
        return Transfer{0, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID)};  // client sent less
    const ULONGLONG end = body_length_ < announced_length_ ? body_length_ : announced_length_;
    ULONGLONG available = end - body_offset_;
    if (disconnect_armed_ && disconnect_at_ - body_offset_ < available)
        available = disconnect_at_ - body_offset_;
    if (available == 0) return Transfer{0, detail::eof_result};
    const DWORD n = available < limit ? static_cast<DWORD>(available) : limit;
    if (generator_)
        generator_(body_offset_, out, n);
    else
        std::memcpy(out, body_.data() + body_offset_, n);
    body_offset_ += n;
    return Transfer{n, S_OK};
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::goes_pending(BOOL* pending_out) {
    if (!pending_out) return true;  // REQ-READ-9: the caller waits for a completion
    const std::size_t index = async_reads_++;
    switch (options_.async_policy) {
        case AsyncPolicy::always_inline:
            return false;
        case AsyncPolicy::alternate:
            return index % 2 == 0;
        case AsyncPolicy::scripted:
            return index < options_.async_script.size() ? bool(options_.async_script[index]) : true;
        case AsyncPolicy::always_pending:
        case AsyncPolicy::complete_before_return:
            return true;
    }
    return true;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::read(const char* method, VOID* buffer, DWORD size, BOOL async,
                                     PFN_ASYNC_COMPLETION callback, void* context,
                                     bool has_callback, DWORD* received, BOOL* pending,
                                     std::string extra) {
    std::string arguments;
    if (options_.record_calls) {
        arguments = std::to_string(size) + (async ? ", async" : ", sync");
        if (!extra.empty()) arguments += ", " + extra;
    }
    auto finish_now = [&](DWORD bytes, HRESULT result) {
        if (received) *received = bytes;
        if (pending) *pending = FALSE;
        record(Method::ReadEntityBody, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    bool deliver_now = false;
    Pending op{};
    {
        Lock guard = lock();
        if (injected(Method::ReadEntityBody, result)) return finish_now(0, result);
        if (!buffer || size == 0) {
            finish_now(0, E_INVALIDARG);
            return report(method, "REQ-READ-4",
                          buffer ? "cbBuffer is 0" : "pvBuffer is NULL", E_INVALIDARG);
        }
        if (has_callback && async && !callback) {
            finish_now(0, E_INVALIDARG);
            return report(method, "REQ-R3-1",
                          "an asynchronous read without pfnCompletionCallback", E_INVALIDARG);
        }
        if (!pending_.empty() && !options_.full_duplex) {
            finish_now(0, HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
            return report(method, "REQ-READ-8",
                          "a second read while one is still pending (only one outstanding read "
                          "per request unless full duplex is enabled)",
                          HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        }
        if (!async) {
            const Transfer t = transfer(static_cast<unsigned char*>(buffer), size);
            return finish_now(t.bytes, t.status);
        }
        bool inserted_left = false;
        for (const auto& chunk : inserted_) inserted_left = inserted_left || chunk.offset < chunk.size;
        // A client that went away fails the read as the policy says: inline at once, or as a
        // completion with the disconnect HRESULT (REQ-CI-3); transfer() yields that HRESULT.
        if (!(disconnected() && !inserted_left) && at_end() &&
            options_.async_eof == AsyncEof::immediate)
            return finish_now(0, detail::eof_result);
        if (!goes_pending(pending)) {
            const Transfer t = transfer(static_cast<unsigned char*>(buffer), size);
            return finish_now(t.bytes, t.status);
        }
        op = Pending{static_cast<unsigned char*>(buffer), size, has_callback, callback, context,
                     false, sink_, false};
        // complete_before_return delivers this very read before returning, so it never waits in
        // pending_ (where it could be mistaken for an older operation).
        deliver_now = options_.async_policy == AsyncPolicy::complete_before_return;
        if (!deliver_now) pending_.push_back(op);
        if (received) *received = 0;
        if (pending) *pending = TRUE;
    }
    record(Method::ReadEntityBody, options_.record_calls ? arguments + ", pending" : arguments,
           S_OK);
    if (deliver_now) deliver_before_return(op);
    return S_OK;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::InsertEntityBody(VOID* pvBuffer, DWORD cbBuffer) {
    const std::string arguments = std::to_string(cbBuffer);
    HRESULT result = S_OK;
    if (injected_recorded(Method::InsertEntityBody, arguments, result)) return result;
    if (!pvBuffer && cbBuffer > 0) {
        record(Method::InsertEntityBody, arguments, E_INVALIDARG);
        return report("IHttpRequest::InsertEntityBody", "REQ-INS-2",
                      "pvBuffer is NULL with a non-zero cbBuffer", E_INVALIDARG);
    }
    if (cbBuffer > 0) {
        Lock guard = lock();
        // Kept by pointer and read when the module reads, as IIS does (REQ-INS-2, T-3).
        inserted_.push_back(Inserted{static_cast<const unsigned char*>(pvBuffer), cbBuffer, 0});
    }
    record(Method::InsertEntityBody, arguments, S_OK);
    return S_OK;
}

template <class Unused>
inline DWORD FakeHttpRequestBase<Unused>::GetRemainingEntityBytes(VOID) {
    ULONGLONG remaining = 0;
    {
        Lock guard = lock();
        ULONGLONG inserted = 0;
        for (const auto& chunk : inserted_) inserted += chunk.size - chunk.offset;
        if (chunked_) {
            remaining = at_end() ? 0 : options_.chunked_remaining;
        } else {
            remaining = announced_length_ - body_offset_;
            if (options_.count_inserted_bytes) remaining += inserted;
        }
    }
    const DWORD result = remaining > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<DWORD>(remaining);
    record(Method::GetRemainingEntityBytes, std::to_string(result), S_OK);
    return result;
}

template <class Unused>
inline ULONGLONG FakeHttpRequestBase<Unused>::body_consumed() const {
    Lock guard = lock();
    return body_offset_;
}

template <class Unused>
inline ULONGLONG FakeHttpRequestBase<Unused>::inserted_consumed() const {
    Lock guard = lock();
    return inserted_consumed_;
}

// ---- asynchronous completion ----------------------------------------------------------------

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::has_pending() const {
    Lock guard = lock();
    return !pending_.empty();
}

template <class Unused>
inline std::size_t FakeHttpRequestBase<Unused>::pending_count() const {
    Lock guard = lock();
    return pending_.size();
}

template <class Unused>
inline std::vector<Completion> FakeHttpRequestBase<Unused>::completions() const {
    Lock guard = lock();
    return completions_;
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::finish(Pending op, bool forced, HRESULT status, DWORD bytes) {
    Transfer result{bytes, status};
    if (!forced) {
        Lock guard = lock();
        if (op.negotiate) {
            result = Transfer{0, S_OK};
            install_negotiated_certificate();
        } else {
            result = transfer(op.buffer, op.size);
        }
    }
    FakeHttpCompletionInfo info(result.bytes, result.status,
                                op.negotiate ? options_.other_operation_code
                                             : options_.read_operation_code);
    const bool delivered = op.has_callback || static_cast<bool>(op.sink);
    std::size_t slot = 0;
    {
        // Recorded before delivery: a completion delivered from inside this one (the module
        // reads again and complete_before_return completes that read) comes after it.
        Lock guard = lock();
        slot = completions_.size();
        completions_.push_back(Completion{result.bytes, result.status,
                                          info.GetCompletedOperation(), op.has_callback,
                                          delivered, RQ_NOTIFICATION_CONTINUE});
    }
    // Without a sink (a test that only looks at the buffer) the completion goes nowhere; it is
    // still in completions(), with delivered == false. But a sink set after the read started
    // means the test expected it to arrive: the module would never resume.
    if (!delivered) {
        bool sink_now = false;
        {
            Lock guard = lock();
            sink_now = static_cast<bool>(sink_);
        }
        if (sink_now)
            report("FakeHttpRequest::complete_pending", "REQ-READ-5",
                   "the operation started before set_completion_sink(), so its completion has no "
                   "sink: in IIS it resumes the module that started it; set the sink first",
                   S_OK, "the completion is dropped and the module never resumes");
        return;
    }
    const REQUEST_NOTIFICATION_STATUS returned =
        op.has_callback ? op.callback(http_context_, &info, op.context) : op.sink(&info);
    Lock guard = lock();
    completions_[slot].returned = returned;
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::complete_oldest(bool forced, HRESULT status, DWORD bytes) {
    Pending op{};
    {
        Lock guard = lock();
        if (pending_.empty()) {
            report("FakeHttpRequest::complete_pending", "T-10",
                   "a completion was requested but no asynchronous operation is pending", S_OK,
                   "nothing is delivered");
            return;
        }
        if (forced && bytes > pending_.front().size)
            throw std::invalid_argument(
                "iisfake: complete_pending_with: " + std::to_string(bytes) +
                " bytes do not fit the pending operation's buffer of " +
                std::to_string(pending_.front().size) + " bytes");
        op = pending_.front();
        pending_.erase(pending_.begin());
    }
    dispatch(op, forced, status, bytes);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::dispatch(Pending op, bool forced, HRESULT status,
                                                          DWORD bytes) {
    if (!concurrency_) {
        finish(op, forced, status, bytes);
        return;
    }
    concurrency_->run([this, op, forced, status, bytes] { finish(op, forced, status, bytes); });
}

// AsyncPolicy::complete_before_return. A module that reads again from its completion would
// nest one delivery per read on this stack, and a large body would overflow it; IIS delivers
// on pool threads and never nests without bound. So past a few levels the completion waits in
// pending_, marked due, and the outermost delivery runs it once the call that started it has
// returned: the stack stays flat whatever the body's size.
template <class Unused>
inline void FakeHttpRequestBase<Unused>::deliver_before_return(Pending op) {
    if (concurrency_) {
        dispatch(op, false, S_OK, 0);
        return;
    }
    if (delivery_depth_ >= max_nested_deliveries) {
        op.due = true;
        pending_.push_back(op);
        return;
    }
    struct Depth {
        std::size_t& depth;
        explicit Depth(std::size_t& d) : depth(d) { ++depth; }
        ~Depth() { --depth; }
        Depth(const Depth&) = delete;
        Depth& operator=(const Depth&) = delete;
    } depth(delivery_depth_);
    finish(op, false, S_OK, 0);
    if (delivery_depth_ > 1) return;
    for (;;) {
        auto due = pending_.begin();
        while (due != pending_.end() && !due->due) ++due;
        if (due == pending_.end()) return;
        Pending next = *due;
        pending_.erase(due);
        finish(next, false, S_OK, 0);
    }
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::complete_pending() { complete_oldest(false, S_OK, 0); }

template <class Unused>
inline void FakeHttpRequestBase<Unused>::complete_pending_with(HRESULT status, DWORD bytes) {
    complete_oldest(true, status, bytes);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::cancel_pending() {
    // Cancels what is pending now, as CancelIo does; a read the module starts from the aborted
    // completion is new I/O and stays pending. New operations queue behind the cancelled ones.
    const std::size_t count = pending_count();
    for (std::size_t i = 0; i < count; ++i)
        complete_oldest(true, HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), 0);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::wait_for_completions() {
    if (!concurrency_) return;
    concurrency_->join_all();
    const std::exception_ptr failure = concurrency_->take_failure();
    if (failure) std::rethrow_exception(failure);
}

template <class Unused>
inline void FakeHttpRequestBase<Unused>::expect_nothing_pending() {
    const std::size_t count = pending_count();
    if (count > 0)
        report("FakeHttpRequest::expect_nothing_pending", "T-10",
               std::to_string(count) + " asynchronous operation(s) still pending", S_OK,
               "the completion never arrives");
}

// ---- version, certificates, site, channel binding -------------------------------------------

template <class Unused>
inline VOID FakeHttpRequestBase<Unused>::GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const {
    record(Method::GetHttpVersion, std::string(), S_OK);
    if (!pMajorVersion || !pMinorVersion) {
        report("IHttpRequest::GetHttpVersion", "REQ-VER-1",
               "pMajorVersion and pMinorVersion are both required", S_OK,
               "the fake writes nothing");
        return;
    }
    *pMajorVersion = raw_.Version.MajorVersion;
    *pMinorVersion = raw_.Version.MinorVersion;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                                     BOOL* pfClientCertNegotiated) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetClientCertificate, std::string(), result)) return result;
    if (!ppClientCertInfo || !pfClientCertNegotiated) {
        record(Method::GetClientCertificate, std::string(), E_INVALIDARG);
        return report("IHttpRequest::GetClientCertificate", "REQ-CERT-1",
                      "ppClientCertInfo and pfClientCertNegotiated are both required",
                      E_INVALIDARG);
    }
    const HTTP_SSL_INFO* ssl = raw_.pSslInfo;
    *ppClientCertInfo = ssl ? ssl->pClientCertInfo : nullptr;
    *pfClientCertNegotiated = (ssl && ssl->SslClientCertNegotiated) ? TRUE : FALSE;
    result = *ppClientCertInfo ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    record(Method::GetClientCertificate, std::string(), result);
    return result;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending) {
    const std::string arguments = fAsync ? "async" : "sync";
    HRESULT result = S_OK;
    auto finish_now = [&](HRESULT outcome) {
        if (pfCompletionPending) *pfCompletionPending = FALSE;
        record(Method::NegotiateClientCertificate, arguments, outcome);
        return outcome;
    };
    if (injected(Method::NegotiateClientCertificate, result)) return finish_now(result);
    if (!raw_.pSslInfo) return finish_now(E_FAIL);  // no TLS, nothing to renegotiate
    Pending op{nullptr, 0, false, nullptr, nullptr, true, sink_, false};
    if (fAsync) {
        bool later = false;
        bool deliver_now = false;
        {
            Lock guard = lock();
            later = goes_pending(pfCompletionPending);
            if (later) {
                if (!pending_.empty() && !options_.full_duplex) {
                    finish_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                    return report("IHttpRequest::NegotiateClientCertificate", "REQ-READ-8",
                                  "an asynchronous operation is already pending",
                                  HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                }
                // As in read(): complete_before_return delivers this operation, not the oldest.
                deliver_now = options_.async_policy == AsyncPolicy::complete_before_return;
                if (!deliver_now) pending_.push_back(op);
            }
        }
        if (later) {
            if (pfCompletionPending) *pfCompletionPending = TRUE;
            record(Method::NegotiateClientCertificate, arguments + ", pending", S_OK);
            if (deliver_now) deliver_before_return(op);
            return S_OK;
        }
    }
    {
        Lock guard = lock();
        install_negotiated_certificate();
    }
    return finish_now(S_OK);
}

// A certificate and its bytes are server-owned until the request ends: a new one (after a
// renegotiation) gets new storage, so the pointers module code took from the old one stay
// valid and keep their bytes.
template <class Unused>
inline void FakeHttpRequestBase<Unused>::install_certificate(const std::string& der,
                                                             ULONG flags) {
    HTTP_SSL_CLIENT_CERT_INFO* info = certificates_.make(1);
    info->CertFlags = flags;
    info->CertEncodedSize = static_cast<ULONG>(der.size());
    info->pCertEncoded = certificate_bytes_.copy(
        reinterpret_cast<const unsigned char*>(der.data()), der.size());
    ssl_.pClientCertInfo = info;
}

// A renegotiation that succeeded: the client's certificate, if the test gave one, appears.
template <class Unused>
inline void FakeHttpRequestBase<Unused>::install_negotiated_certificate() {
    if (has_negotiable_) install_certificate(negotiable_bytes_, negotiable_flags_);
    ssl_.SslClientCertNegotiated = 1;
}

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetChannelBindingToken, std::string(), result)) return result;
    if (!ppToken || !pTokenSize) {
        record(Method::GetChannelBindingToken, std::string(), E_INVALIDARG);
        return report("IHttpRequest2::GetChannelBindingToken", "REQ-CBT-1",
                      "ppToken and pTokenSize are both required", E_INVALIDARG);
    }
    if (!has_channel_binding_token_) {
        *ppToken = nullptr;
        *pTokenSize = 0;
        result = options_.missing_channel_binding_result;
    } else {
        *ppToken = reinterpret_cast<PBYTE>(&channel_binding_token_[0]);
        *pTokenSize = static_cast<DWORD>(channel_binding_token_.size());
    }
    record(Method::GetChannelBindingToken, std::string(), result);
    return result;
}

// ---- header change tracking (REQ-HC) --------------------------------------------------------

template <class Unused>
inline HRESULT FakeHttpRequestBase<Unused>::GetHeaderChanges(
    DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
    PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum], DWORD* pdwUnknownHeaderSnapshot,
    PCSTR** ppUnknownHeaderNameSnapshot, PCSTR** ppUnknownHeaderValueSnapshot,
    DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1], DWORD* pdwDiffedUnknownHeaders,
    DWORD** ppDiffedUnknownHeaderIndices) {
    const std::string arguments = std::to_string(dwOldChangeNumber);
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetHeaderChanges, arguments, result)) return result;
    if (!pdwNewChangeNumber || !knownHeaderSnapshot || !pdwUnknownHeaderSnapshot ||
        !ppUnknownHeaderNameSnapshot || !ppUnknownHeaderValueSnapshot ||
        !diffedKnownHeaderIndices || !pdwDiffedUnknownHeaders || !ppDiffedUnknownHeaderIndices) {
        record(Method::GetHeaderChanges, arguments, E_INVALIDARG);
        return report("IHttpRequest::GetHeaderChanges", "REQ-HC-2",
                      "every pointer argument is required", E_INVALIDARG);
    }
    *pdwNewChangeNumber = headers_.change_number();

    // Known headers: the caller's snapshot of value pointers against the current slots, and
    // the slot's last change (an append may extend a value in place, keeping its pointer).
    std::size_t diffed = 0;
    for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
        const PCSTR current = raw_.Headers.KnownHeaders[id].pRawValue;
        if (knownHeaderSnapshot[id] != current ||
            headers_.known_changed_at(id) > dwOldChangeNumber) {
            diffedKnownHeaderIndices[diffed++] = static_cast<DWORD>(id);
            knownHeaderSnapshot[id] = current;
        }
    }
    diffedKnownHeaderIndices[diffed] = static_cast<DWORD>(-1);

    // Unknown headers: an entry counts as changed when the old snapshot had no entry of that
    // name with the same value pointer. The new snapshot arrays are server-owned.
    const DWORD old_count = *pdwUnknownHeaderSnapshot;
    const PCSTR* old_names = *ppUnknownHeaderNameSnapshot;
    const PCSTR* old_values = *ppUnknownHeaderValueSnapshot;
    const detail::PointerIndex old(old_names && old_values ? old_values : nullptr, old_count);
    const auto count = static_cast<USHORT>(headers_.unknown_count());
    PCSTR* names = pointer_arrays_.make(count);
    PCSTR* values = pointer_arrays_.make(count);
    DWORD* changed = index_arrays_.make(static_cast<std::size_t>(count) + 1);
    DWORD changed_count = 0;
    for (USHORT i = 0; i < count; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        names[i] = entry.pName;
        values[i] = entry.pRawValue;
        bool known = false;
        for (std::size_t k = old.first(entry.pRawValue); k != old.none && !known;
             k = old.next(entry.pRawValue))
            known = old_names[k] && entry.pName &&
                    std::strlen(old_names[k]) == entry.NameLength &&
                    detail::iequals(old_names[k], entry.pName, entry.NameLength);
        if (!known || headers_.unknown_changed_at(i) > dwOldChangeNumber)
            changed[changed_count++] = i;
    }
    changed[changed_count] = static_cast<DWORD>(-1);
    *pdwUnknownHeaderSnapshot = count;
    *ppUnknownHeaderNameSnapshot = names;
    *ppUnknownHeaderValueSnapshot = values;
    *pdwDiffedUnknownHeaders = changed_count;
    *ppDiffedUnknownHeaderIndices = changed;
    record(Method::GetHeaderChanges, arguments, S_OK);
    return S_OK;
}

// ---- inspection -------------------------------------------------------------------------------

template <class Unused>
inline std::vector<std::pair<std::string, std::string>> FakeHttpRequestBase<Unused>::headers() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (slot.pRawValue)
            out.emplace_back(request_header_name(id),
                             std::string(slot.pRawValue, slot.RawValueLength));
    }
    for (std::size_t i = 0; i < headers_.unknown_count(); ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        out.emplace_back(entry.pName ? std::string(entry.pName, entry.NameLength) : std::string(),
                         entry.pRawValue ? std::string(entry.pRawValue, entry.RawValueLength)
                                         : std::string());
    }
    return out;
}

template <class Unused>
inline bool FakeHttpRequestBase<Unused>::has_header(const std::string& name) const {
    return find_header(name.data(), name.size(), nullptr) != nullptr;
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::header(const std::string& name) const {
    USHORT length = 0;
    const char* value = find_header(name.data(), name.size(), &length);
    return value ? std::string(value, length) : std::string();
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::method() const { return method_text(); }

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pAbsPath) return std::string();
    return detail::wide_to_utf8(cooked.pAbsPath,
                                (cooked.AbsPathLength + cooked.QueryStringLength) / sizeof(WCHAR));
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::full_url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pFullUrl) return std::string();
    return detail::wide_to_utf8(cooked.pFullUrl, cooked.FullUrlLength / sizeof(WCHAR));
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::raw_url() const {
    return raw_.pRawUrl ? std::string(raw_.pRawUrl, raw_.RawUrlLength) : std::string();
}

template <class Unused>
inline std::string FakeHttpRequestBase<Unused>::forwarded_url() const {
    if (!forwarded_url_) return std::string();
    std::size_t length = 0;
    while (forwarded_url_[length]) ++length;
    return detail::wide_to_utf8(forwarded_url_, length);
}

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_http_request_impl.hpp -----

#endif
// ----- end iisfake/fake_http_request.hpp -----

#endif

// Outside the guard, so a later include with the macro defined still brings threads in.
#if defined(IISFAKE_CONFIG_THREADED_DELIVERY)
// ----- begin iisfake/threaded_delivery.hpp -----
#ifndef IISFAKE_THREADED_DELIVERY_HPP_INCLUDED
#define IISFAKE_THREADED_DELIVERY_HPP_INCLUDED

// Completions on a second thread, as IIS delivers them from its pool, sometimes before the
// notification that started the operation has returned. Include this header (or define
// IISFAKE_CONFIG_THREADED_DELIVERY before <iisfake/iisfake.hpp>) to use
// FakeHttpRequest::deliver_on_thread(); it is apart so that <thread> and <mutex> reach only the
// test files that need them.

#include <exception>
#include <mutex>
#include <thread>
#include <vector>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

class CompletionThreads final : public Concurrency {
public:
    CompletionThreads() = default;
    CompletionThreads(const CompletionThreads&) = delete;
    CompletionThreads& operator=(const CompletionThreads&) = delete;
    ~CompletionThreads() override { join_all(); }

    void lock() override { mutex_.lock(); }
    void unlock() override { mutex_.unlock(); }

    void run(Callback<void()> task) override {
        // Under the lock: a completion whose module reads again starts the next thread while
        // the test thread may be joining.
        std::lock_guard<std::recursive_mutex> guard(mutex_);
        threads_.emplace_back([this, task] {
            try {
                task();
            } catch (...) {
                std::lock_guard<std::recursive_mutex> failure_guard(mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
        });
    }

    void join_all() override {
        for (;;) {
            std::vector<std::thread> running;
            {
                std::lock_guard<std::recursive_mutex> guard(mutex_);
                running.swap(threads_);
            }
            if (running.empty()) return;
            for (auto& thread : running)
                if (thread.joinable()) thread.join();
        }
    }

    std::exception_ptr take_failure() override {
        std::lock_guard<std::recursive_mutex> guard(mutex_);
        std::exception_ptr failure = failure_;
        failure_ = nullptr;
        return failure;
    }

private:
    std::recursive_mutex mutex_;
    std::vector<std::thread> threads_;
    std::exception_ptr failure_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/threaded_delivery.hpp -----
#endif
// ----- end iisfake/iisfake.hpp -----
