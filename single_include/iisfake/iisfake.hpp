// iisfake 0.1.0: single-header edition.
//
// GENERATED FILE - DO NOT EDIT. It is assembled from the parts under include/iisfake/:
// edit those, then run `python3 tools/amalgamate.py` and commit both.
// Include it as <iisfake/iisfake.hpp>, the same spelling as the modular umbrella.

// ----- begin iisfake/iisfake.hpp -----
#ifndef IISFAKE_IISFAKE_HPP_INCLUDED
#define IISFAKE_IISFAKE_HPP_INCLUDED

// iisfake: the IIS native-module API (httpserv.h) re-declared, with stateful fakes that behave
// like IIS, for unit tests off-server. Include this header; the test files that run a whole
// module through the pipeline also include <iisfake/module_host.hpp> (the host, the server, the
// configuration), which the others need not parse.

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
// An <httpserv.h> next to iisfake's drop-in marker is the drop-in, not the SDK's.
// IISFAKE_CONFIG_USE_SDK_HTTPSERV=0/1 overrides the detection.
#if defined(IISFAKE_CONFIG_USE_SDK_HTTPSERV)
#if IISFAKE_CONFIG_USE_SDK_HTTPSERV
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#elif defined(_HTTPSERV_H_)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#elif defined(_WIN32) && defined(__has_include)
#if __has_include(<httpserv.h>) && !__has_include(<iisfake_dropin.h>)
#define IISFAKE_HAS_SDK_HTTPSERV 1
#endif
#endif

// Compile the fakes' implementation once for a whole suite (the doctest/Catch2 v2 convention):
// define IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION for every file of the test binary, and
// IISFAKE_CONFIG_IMPLEMENT in exactly one file before including <iisfake/iisfake.hpp>. The other
// files then see the fakes' classes and extern template declarations only: constructing and
// driving a FakeHttpContext costs them little more than including the declarations.

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
#ifndef APIENTRY
#define APIENTRY WINAPI
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

// Microsoft's source annotations (SAL, and the older __in/__out spellings and __override) used by
// httpserv.h and by module code, as empty macros. Each is guarded, so a real <sal.h> (or
// another shim) that came first wins. __in and __out stay undefined: libstdc++ uses them as
// names, so defining them would break every standard header read afterwards.

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

#ifndef _Out_writes_bytes_to_
#define _Out_writes_bytes_to_(n, m)
#endif
#ifndef _Out_writes_to_
#define _Out_writes_to_(n, m)
#endif
#ifndef _Out_writes_z_
#define _Out_writes_z_(n)
#endif
#ifndef _Inout_updates_bytes_
#define _Inout_updates_bytes_(n)
#endif
#ifndef _Inout_z_
#define _Inout_z_
#endif
#ifndef _In_z_
#define _In_z_
#endif
#ifndef _In_opt_z_
#define _In_opt_z_
#endif
#ifndef _Outptr_result_z_
#define _Outptr_result_z_
#endif
#ifndef _Printf_format_string_
#define _Printf_format_string_
#endif
#ifndef _Use_decl_annotations_
#define _Use_decl_annotations_
#endif
#ifndef _Pre_notnull_
#define _Pre_notnull_
#endif
#ifndef _Post_invalid_
#define _Post_invalid_
#endif
#ifndef __inout
#define __inout
#endif
#ifndef __in_opt
#define __in_opt
#endif
#ifndef __out_opt
#define __out_opt
#endif
#ifndef __inout_opt
#define __inout_opt
#endif
#ifndef __deref_out
#define __deref_out
#endif
#ifndef __deref_out_opt
#define __deref_out_opt
#endif
#ifndef __in_ecount
#define __in_ecount(n)
#endif
#ifndef __out_ecount
#define __out_ecount(n)
#endif
#ifndef __in_bcount
#define __in_bcount(n)
#endif
#ifndef __out_bcount
#define __out_bcount(n)
#endif
#ifndef __inout_ecount
#define __inout_ecount(n)
#endif
#ifndef __field_ecount
#define __field_ecount(n)
#endif
#ifndef __field_bcount
#define __field_bcount(n)
#endif
#ifndef __override
#define __override
#endif
#ifndef __C89_NAMELESS
#define __C89_NAMELESS
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
// ----- begin iisfake/com_types.hpp -----
#ifndef IISFAKE_COM_TYPES_HPP_INCLUDED
#define IISFAKE_COM_TYPES_HPP_INCLUDED

// The COM base that <ahadmin.h> stands on, and so what module code that reads its configuration
// uses: IUnknown, BSTR with the OLE string functions, VARIANT with VariantInit/Clear/Copy. On
// Windows the real <oleauto.h> provides them; elsewhere they are declared here with the Windows
// layouts (VARIANT is 24 bytes on x86-64) and implemented over the C library.
//
// A BSTR is length-prefixed as OLE's is: the four bytes before the first character hold the
// byte length, so SysStringLen works and embedded NULs survive. Free it with SysFreeString.

// ----- begin iisfake/sdk/uuid.hpp -----
#ifndef IISFAKE_SDK_UUID_HPP_INCLUDED
#define IISFAKE_SDK_UUID_HPP_INCLUDED

// iisfake::uuid_of<T>(): the SDK's interface GUIDs where __uuidof is unavailable (g++, clang
// without -fms-extensions). With MSVC or clang-cl, __uuidof(T) gives the same values. The
// values are usable at compile time, from C++11 on.


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
// ----- end iisfake/sdk/uuid.hpp -----

#if defined(_WIN32)
#include <oleauto.h>
#include <unknwn.h>
#else

#include <climits>
#include <cstdlib>
#include <cstring>
#include <cwchar>

#ifndef STDMETHODCALLTYPE
#define STDMETHODCALLTYPE
#endif
#ifndef STDAPI
#define STDAPI EXTERN_C HRESULT
#endif

typedef float FLOAT;
typedef double DOUBLE;
typedef WCHAR OLECHAR;
typedef OLECHAR* LPOLESTR;
typedef const OLECHAR* LPCOLESTR;
typedef OLECHAR* BSTR;
typedef BSTR* LPBSTR;
typedef short VARIANT_BOOL;
typedef unsigned short VARTYPE;
typedef double DATE;
typedef GUID CLSID;
typedef const CLSID& REFCLSID;

#define VARIANT_TRUE (static_cast<VARIANT_BOOL>(-1))
#define VARIANT_FALSE (static_cast<VARIANT_BOOL>(0))

// VARENUM: the type tags of a VARIANT.
enum VARENUM : int {
    VT_EMPTY = 0,
    VT_NULL = 1,
    VT_I2 = 2,
    VT_I4 = 3,
    VT_R4 = 4,
    VT_R8 = 5,
    VT_CY = 6,
    VT_DATE = 7,
    VT_BSTR = 8,
    VT_DISPATCH = 9,
    VT_ERROR = 10,
    VT_BOOL = 11,
    VT_VARIANT = 12,
    VT_UNKNOWN = 13,
    VT_DECIMAL = 14,
    VT_I1 = 16,
    VT_UI1 = 17,
    VT_UI2 = 18,
    VT_UI4 = 19,
    VT_I8 = 20,
    VT_UI8 = 21,
    VT_INT = 22,
    VT_UINT = 23,
    VT_VOID = 24,
    VT_HRESULT = 25,
    VT_PTR = 26,
    VT_SAFEARRAY = 27,
    VT_CARRAY = 28,
    VT_USERDEFINED = 29,
    VT_LPSTR = 30,
    VT_LPWSTR = 31,
    VT_RECORD = 36,
    VT_INT_PTR = 37,
    VT_UINT_PTR = 38,
    VT_ARRAY = 0x2000,
    VT_BYREF = 0x4000,
    VT_TYPEMASK = 0xFFF
};

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnested-anon-types"
#endif

struct IDispatch;
struct IRecordInfo;

typedef union tagCY {
    __extension__ struct {
        ULONG Lo;
        LONG Hi;
    };
    LONGLONG int64;
} CY;

typedef struct tagDEC {
    USHORT wReserved;
    union {
        __extension__ struct {
            BYTE scale;
            BYTE sign;
        };
        USHORT signscale;
    };
    ULONG Hi32;
    union {
        __extension__ struct {
            ULONG Lo32;
            ULONG Mid32;
        };
        ULONGLONG Lo64;
    };
} DECIMAL;

typedef struct tagSAFEARRAYBOUND {
    ULONG cElements;
    LONG lLbound;
} SAFEARRAYBOUND;

typedef struct tagSAFEARRAY {
    USHORT cDims;
    USHORT fFeatures;
    ULONG cbElements;
    ULONG cLocks;
    PVOID pvData;
    SAFEARRAYBOUND rgsabound[1];
} SAFEARRAY;

typedef struct tagVARIANT {
    union {
        __extension__ struct {
            VARTYPE vt;
            WORD wReserved1;
            WORD wReserved2;
            WORD wReserved3;
            union {
                LONGLONG llVal;
                LONG lVal;
                BYTE bVal;
                SHORT iVal;
                FLOAT fltVal;
                DOUBLE dblVal;
                VARIANT_BOOL boolVal;
                SCODE scode;
                CY cyVal;
                DATE date;
                BSTR bstrVal;
                IUnknown* punkVal;
                IDispatch* pdispVal;
                SAFEARRAY* parray;
                BYTE* pbVal;
                SHORT* piVal;
                LONG* plVal;
                LONGLONG* pllVal;
                FLOAT* pfltVal;
                DOUBLE* pdblVal;
                VARIANT_BOOL* pboolVal;
                SCODE* pscode;
                CY* pcyVal;
                DATE* pdate;
                BSTR* pbstrVal;
                IUnknown** ppunkVal;
                IDispatch** ppdispVal;
                SAFEARRAY** pparray;
                struct tagVARIANT* pvarVal;
                PVOID byref;
                CHAR cVal;
                USHORT uiVal;
                ULONG ulVal;
                ULONGLONG ullVal;
                INT intVal;
                UINT uintVal;
                DECIMAL* pdecVal;
                CHAR* pcVal;
                USHORT* puiVal;
                ULONG* pulVal;
                ULONGLONG* pullVal;
                INT* pintVal;
                UINT* puintVal;
                __extension__ struct {
                    PVOID pvRecord;
                    IRecordInfo* pRecInfo;
                };
            };
        };
        DECIMAL decVal;
    };
} VARIANT, VARIANTARG, *LPVARIANT, *LPVARIANTARG;

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

// ---- IUnknown --------------------------------------------------------------------------------
struct IISFAKE_UUID("00000000-0000-0000-c000-000000000046") IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) = 0;
    virtual ULONG STDMETHODCALLTYPE AddRef(void) = 0;
    virtual ULONG STDMETHODCALLTYPE Release(void) = 0;

    // The SDK's typed helper; __uuidof becomes iisfake::uuid_of off Windows.
    template <class Q>
    HRESULT STDMETHODCALLTYPE QueryInterface(Q** pp) {
        return QueryInterface(::iisfake::uuid_of<Q>(), reinterpret_cast<void**>(pp));
    }

protected:
    ~IUnknown() = default;
};
typedef IUnknown* LPUNKNOWN;

// ---- BSTR ------------------------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace detail {
constexpr std::size_t bstr_prefix = sizeof(DWORD);

inline DWORD bstr_bytes(BSTR text) noexcept {
    DWORD bytes = 0;
    std::memcpy(&bytes, reinterpret_cast<const char*>(text) - bstr_prefix, sizeof bytes);
    return bytes;
}

// A BSTR of `bytes` bytes (plus a NUL character), filled from `source` when it is not NULL.
inline BSTR bstr_allocate(const void* source, std::size_t bytes) noexcept {
    if (bytes > 0xFFFFFFF0u - bstr_prefix - sizeof(OLECHAR)) return nullptr;
    char* block = static_cast<char*>(std::malloc(bstr_prefix + bytes + sizeof(OLECHAR) + 1));
    if (!block) return nullptr;
    const auto length = static_cast<DWORD>(bytes);
    std::memcpy(block, &length, sizeof length);
    if (source) std::memcpy(block + bstr_prefix, source, bytes);
    else std::memset(block + bstr_prefix, 0, bytes);
    std::memset(block + bstr_prefix + bytes, 0, sizeof(OLECHAR) + 1);
    return reinterpret_cast<BSTR>(block + bstr_prefix);
}
}  // namespace detail
IISFAKE_END_NAMESPACE

inline BSTR SysAllocStringLen(const OLECHAR* strIn, UINT ui) {
    return ::iisfake::detail::bstr_allocate(strIn, static_cast<std::size_t>(ui) * sizeof(OLECHAR));
}
inline BSTR SysAllocString(const OLECHAR* psz) {
    return psz ? SysAllocStringLen(psz, static_cast<UINT>(std::wcslen(psz))) : nullptr;
}
inline BSTR SysAllocStringByteLen(LPCSTR psz, UINT len) {
    return ::iisfake::detail::bstr_allocate(psz, len);
}
inline void SysFreeString(BSTR bstrString) {
    if (bstrString) std::free(reinterpret_cast<char*>(bstrString) - ::iisfake::detail::bstr_prefix);
}
inline UINT SysStringByteLen(BSTR bstr) {
    return bstr ? ::iisfake::detail::bstr_bytes(bstr) : 0;
}
inline UINT SysStringLen(BSTR pbstr) {
    return pbstr ? static_cast<UINT>(::iisfake::detail::bstr_bytes(pbstr) / sizeof(OLECHAR)) : 0;
}
inline INT SysReAllocStringLen(BSTR* pbstr, const OLECHAR* psz, UINT len) {
    if (!pbstr) return FALSE;
    const BSTR fresh = SysAllocStringLen(psz, len);  // before freeing: psz may point into it
    if (!fresh) return FALSE;
    SysFreeString(*pbstr);
    *pbstr = fresh;
    return TRUE;
}
inline INT SysReAllocString(BSTR* pbstr, const OLECHAR* psz) {
    return SysReAllocStringLen(pbstr, psz, psz ? static_cast<UINT>(std::wcslen(psz)) : 0);
}

// ---- VARIANT ---------------------------------------------------------------------------------
inline void VariantInit(VARIANTARG* pvarg) { pvarg->vt = VT_EMPTY; }

// Frees what the VARIANT owns (a BSTR, a reference to an interface) and leaves it VT_EMPTY.
inline HRESULT VariantClear(VARIANTARG* pvarg) {
    if (!pvarg) return E_INVALIDARG;
    switch (pvarg->vt) {
        case VT_BSTR:
            SysFreeString(pvarg->bstrVal);
            break;
        case VT_UNKNOWN:
            if (pvarg->punkVal) pvarg->punkVal->Release();
            break;
        case VT_DISPATCH:
            if (pvarg->pdispVal) reinterpret_cast<IUnknown*>(pvarg->pdispVal)->Release();
            break;
        default:
            break;
    }
    pvarg->vt = VT_EMPTY;
    return S_OK;
}

inline HRESULT VariantCopy(VARIANTARG* pvargDest, const VARIANTARG* pvargSrc) {
    if (!pvargDest || !pvargSrc) return E_INVALIDARG;
    if (pvargDest == pvargSrc) return S_OK;
    VARIANT copy = *pvargSrc;
    if (copy.vt == VT_BSTR && copy.bstrVal) {
        copy.bstrVal = SysAllocStringByteLen(reinterpret_cast<LPCSTR>(pvargSrc->bstrVal),
                                             SysStringByteLen(pvargSrc->bstrVal));
        if (!copy.bstrVal) return E_OUTOFMEMORY;
    } else if (copy.vt == VT_UNKNOWN && copy.punkVal) {
        copy.punkVal->AddRef();
    } else if (copy.vt == VT_DISPATCH && copy.pdispVal) {
        reinterpret_cast<IUnknown*>(copy.pdispVal)->AddRef();
    }
    VariantClear(pvargDest);
    *pvargDest = copy;
    return S_OK;
}

#endif  // !_WIN32

#endif
// ----- end iisfake/com_types.hpp -----
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

typedef enum _HTTP_CACHE_POLICY_TYPE : int {
    HttpCachePolicyNocache,
    HttpCachePolicyUserInvalidates,
    HttpCachePolicyTimeToLive,
    HttpCachePolicyMaximum
} HTTP_CACHE_POLICY_TYPE, *PHTTP_CACHE_POLICY_TYPE;

typedef struct _HTTP_CACHE_POLICY {
    HTTP_CACHE_POLICY_TYPE Policy;
    ULONG SecondsToLive;
} HTTP_CACHE_POLICY, *PHTTP_CACHE_POLICY;

typedef enum _HTTP_LOG_DATA_TYPE : int { HttpLogDataTypeFields } HTTP_LOG_DATA_TYPE, *PHTTP_LOG_DATA_TYPE;

typedef struct _HTTP_LOG_DATA {
    HTTP_LOG_DATA_TYPE Type;
} HTTP_LOG_DATA, *PHTTP_LOG_DATA;

// What ISendResponseProvider::GetLogData really points to. The SDK's layout: mingw-w64's lacks
// ServiceNameLength.
typedef struct _HTTP_LOG_FIELDS_DATA {
    HTTP_LOG_DATA Base;
    USHORT UserNameLength;  // bytes
    USHORT UriStemLength;
    USHORT ClientIpLength;
    USHORT ServerNameLength;
    USHORT ServiceNameLength;
    USHORT ServerIpLength;
    USHORT MethodLength;
    USHORT UriQueryLength;
    USHORT HostLength;
    USHORT UserAgentLength;
    USHORT CookieLength;
    USHORT ReferrerLength;
    PWCHAR UserName;
    PWCHAR UriStem;
    PCHAR ClientIp;
    PCHAR ServerName;
    PCHAR ServiceName;
    PCHAR ServerIp;
    PCHAR Method;
    PCHAR UriQuery;
    PCHAR Host;
    PCHAR UserAgent;
    PCHAR Cookie;
    PCHAR Referrer;
    USHORT ServerPort;
    USHORT ProtocolStatus;
    ULONG Win32Status;
    HTTP_VERB MethodNum;
    USHORT SubStatus;
} HTTP_LOG_FIELDS_DATA, *PHTTP_LOG_FIELDS_DATA;

#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // !_WIN32

// IHttpServer3::QueryRequestProperty takes one; mingw-w64's <http.h> lacks it (the SDK declares
// HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH beside it).
#if !defined(_WIN32) || !defined(HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH)
typedef enum _HTTP_REQUEST_PROPERTY : int {
    HttpRequestPropertyIsb,
    HttpRequestPropertyTcpInfoV0,
    HttpRequestPropertyQuicStats,
    HttpRequestPropertyTcpInfoV1,
    HttpRequestPropertySni,
    HttpRequestPropertyStreamError,
    HttpRequestPropertyWskApiTimings,
    HttpRequestPropertyQuicApiTimings,
    HttpRequestPropertyQuicStatsV2,
    HttpRequestPropertyQuicStreamStats,
    HttpRequestPropertyTcpInfoV2,
    HttpRequestPropertyTlsClientHello,
    HttpRequestPropertyTransportIdleConnectionTimeout,
    HttpRequestPropertyDscpTag,
    HttpRequestPropertyTlsCipherInfo
} HTTP_REQUEST_PROPERTY, *PHTTP_REQUEST_PROPERTY;
#endif

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

// The httpserv.h surface, with what it pulls in (ahadmin.h) and the IIS SDK headers modules
// include beside it (httptrace.h, httpcach.h, iiswebsocket.h): the Windows SDK's own headers
// where they exist (see config.hpp), iisfake's exact re-declarations everywhere else (Linux,
// mingw-w64).

// ----- begin iisfake/sdk/forward.hpp -----
#ifndef IISFAKE_SDK_FORWARD_HPP_INCLUDED
#define IISFAKE_SDK_FORWARD_HPP_INCLUDED

// The small declarations of httpserv.h that its interfaces refer to before defining them: the
// notification bits, statuses and flags, the module id, and every class by name. Where the
// Windows SDK's own <httpserv.h> is used (see config.hpp), it is included instead, and every
// iisfake/sdk/ header declares nothing.

// ----- begin iisfake/sdk/ahadmin.hpp -----
#ifndef IISFAKE_SDK_AHADMIN_HPP_INCLUDED
#define IISFAKE_SDK_AHADMIN_HPP_INCLUDED

// The application-host configuration interfaces of the SDK's <ahadmin.h>, which <httpserv.h>
// includes: IHttpServer::GetAdminManager() hands out an IAppHostAdminManager, and modules read
// their <system.webServer> section through IAppHostElement and its properties. Declared in
// the SDK's MIDL (vtable) order, which is not the documentation's alphabetical one; structs,
// as MIDL declares them. Where the Windows SDK's own <ahadmin.h> is used (see config.hpp),
// these are not declared.


#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <ahadmin.h>
#else

// mingw-w64's IUnknown has a public non-virtual destructor; only its own system headers are
// spared -Wnon-virtual-dtor for deriving from it, and ours must not warn in users' builds.
#if defined(_WIN32) && defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

// clang-format off
struct IISFAKE_UUID("09829352-87c2-418d-8d79-4133969a489d")
    IAppHostChangeHandler : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE OnSectionChanges(BSTR bstrSectionName,
                                                       BSTR bstrConfigPath) = 0;

protected:
    ~IAppHostChangeHandler() = default;
};

struct IISFAKE_UUID("4dfa1df3-8900-4bc7-bbb5-d1a458c52410")
    IAppHostConfigException : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_LineNumber(ULONG* pcLineNumber) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_FileName(BSTR* pbstrFileName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ConfigPath(BSTR* pbstrConfigPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ErrorLine(BSTR* pbstrErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PreErrorLine(BSTR* pbstrPreErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PostErrorLine(BSTR* pbstrPostErrorLine) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ErrorString(BSTR* pbstrErrorString) = 0;

protected:
    ~IAppHostConfigException() = default;
};

struct IISFAKE_UUID("eafe4895-a929-41ea-b14d-613e23f62b71")
    IAppHostPropertyException : public IAppHostConfigException {
public:
    virtual HRESULT STDMETHODCALLTYPE get_InvalidValue(BSTR* pbstrValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationFailureReason(BSTR* pbstrValidationReason) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationFailureParameters(SAFEARRAY** pParameterArray) = 0;

protected:
    ~IAppHostPropertyException() = default;
};

struct IISFAKE_UUID("2d9915fb-9d42-4328-b782-1b46819fab9e") IAppHostMethodSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_InputSchema(IAppHostElementSchema** ppInputSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_OutputSchema(IAppHostElementSchema** ppOutputSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;

protected:
    ~IAppHostMethodSchema() = default;
};

struct IISFAKE_UUID("b80f3c42-60e0-4ae0-9007-f52852d3dbed")
    IAppHostMethodInstance : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Input(IAppHostElement** ppInputElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Output(IAppHostElement** ppOutputElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE Execute() = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;

protected:
    ~IAppHostMethodInstance() = default;
};

struct IISFAKE_UUID("7883ca1c-1112-4447-84c3-52fbeb38069d") IAppHostMethod : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostMethodSchema** ppMethodSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE CreateInstance(IAppHostMethodInstance** ppMethodInstance) = 0;

protected:
    ~IAppHostMethod() = default;
};

struct IISFAKE_UUID("d6c7cd8f-bb8d-4f96-b591-d3a5f1320269")
    IAppHostMethodCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostMethod** ppMethod) = 0;

protected:
    ~IAppHostMethodCollection() = default;
};

struct IISFAKE_UUID("0716caf8-7d05-4a46-8099-77594be91394")
    IAppHostConstantValue : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Value(DWORD* pdwValue) = 0;

protected:
    ~IAppHostConstantValue() = default;
};

struct IISFAKE_UUID("5b5a68e6-8b9f-45e1-8199-a95ffccdffff")
    IAppHostConstantValueCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostConstantValue** ppConstantValue) = 0;

protected:
    ~IAppHostConstantValueCollection() = default;
};

struct IISFAKE_UUID("450386db-7409-4667-935e-384dbbee2a9e")
    IAppHostPropertySchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DefaultValue(VARIANT* pDefaultValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsRequired(VARIANT_BOOL* pfIsRequired) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsUniqueKey(VARIANT_BOOL* pfIsUniqueKey) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCombinedKey(VARIANT_BOOL* pfIsCombinedKey) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsExpanded(VARIANT_BOOL* pfIsExpanded) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationType(BSTR* pbstrValidationType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ValidationParameter(BSTR* pbstrValidationParameter) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCaseSensitive(VARIANT_BOOL* pfIsCaseSensitive) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PossibleValues(IAppHostConstantValueCollection** ppValues) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowInfinite(VARIANT_BOOL* pfAllowInfinite) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsEncrypted(VARIANT_BOOL* pfIsEncrypted) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_TimeSpanFormat(BSTR* pbstrTimeSpanFormat) = 0;

protected:
    ~IAppHostPropertySchema() = default;
};

struct IISFAKE_UUID("8bed2c68-a5fb-4b28-8581-a0dc5267419f")
    IAppHostPropertySchemaCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostPropertySchema** ppPropertySchema) = 0;

protected:
    ~IAppHostPropertySchemaCollection() = default;
};

struct IISFAKE_UUID("ef13d885-642c-4709-99ec-b89561c6bc69")
    IAppHostElementSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowUnschematizedProperties(VARIANT_BOOL* pfAllowUnschematized) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_CollectionSchema(IAppHostCollectionSchema** ppCollectionSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ChildElementSchemas(IAppHostElementSchemaCollection** ppChildSchemas) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_PropertySchemas(IAppHostPropertySchemaCollection** ppPropertySchemas) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsCollectionDefault(VARIANT_BOOL* pfIsCollectionDefault) = 0;

protected:
    ~IAppHostElementSchema() = default;
};

struct IISFAKE_UUID("0344cdda-151e-4cbf-82da-66ae61e97754")
    IAppHostElementSchemaCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex,
                                               IAppHostElementSchema** ppElementSchema) = 0;

protected:
    ~IAppHostElementSchemaCollection() = default;
};

struct IISFAKE_UUID("de095db1-5368-4d11-81f6-efef619b7bcf")
    IAppHostCollectionSchema : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_AddElementNames(BSTR* pbstrElementName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetAddElementSchema(BSTR bstrElementName,
                                                          IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RemoveElementSchema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ClearElementSchema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_IsMergeAppend(VARIANT_BOOL* pfIsMergeAppend) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_DoesAllowDuplicates(VARIANT_BOOL* pfAllowDuplicates) = 0;

protected:
    ~IAppHostCollectionSchema() = default;
};

struct IISFAKE_UUID("ed35f7a1-5024-4e7b-a44d-07ddaf4b524d") IAppHostProperty : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Value(VARIANT* pVariant) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Value(VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_StringValue(BSTR* pbstrValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Exception(IAppHostPropertyException** ppException) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostPropertySchema** ppSchema) = 0;

protected:
    ~IAppHostProperty() = default;
};

struct IISFAKE_UUID("0191775e-bcff-445a-b4f4-3bdda54e2816")
    IAppHostPropertyCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) = 0;

protected:
    ~IAppHostPropertyCollection() = default;
};

struct IISFAKE_UUID("08a90f5f-0702-48d6-b45f-02a9885a9768")
    IAppHostChildElementCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) = 0;

protected:
    ~IAppHostChildElementCollection() = default;
};

struct IISFAKE_UUID("c8550bff-5281-4b1e-ac34-99b6fa38464d")
    IAppHostElementCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcElementCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddElement(IAppHostElement* pElement, INT cPosition = -1) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteElement(VARIANT cIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE CreateNewElement(BSTR bstrElementName,
                                                       IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostCollectionSchema** ppSchema) = 0;

protected:
    ~IAppHostElementCollection() = default;
};

struct IISFAKE_UUID("64ff8ccc-b287-4dae-b08a-a72cbf45f453") IAppHostElement : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Collection(IAppHostElementCollection** ppCollection) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Properties(IAppHostPropertyCollection** ppProperties) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ChildElements(IAppHostChildElementCollection** ppElements) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Schema(IAppHostElementSchema** ppSchema) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetElementByName(BSTR bstrSubName,
                                                       IAppHostElement** ppElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetPropertyByName(BSTR bstrSubName,
                                                        IAppHostProperty** ppProperty) = 0;
    virtual HRESULT STDMETHODCALLTYPE Clear() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Methods(IAppHostMethodCollection** ppMethods) = 0;

protected:
    ~IAppHostElement() = default;
};

struct IISFAKE_UUID("c5c04795-321c-4014-8fd6-d44658799393")
    IAppHostSectionDefinition : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Type(BSTR bstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_OverrideModeDefault(BSTR* pbstrOverrideModeDefault) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_OverrideModeDefault(BSTR bstrOverrideModeDefault) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_AllowDefinition(BSTR* pbstrAllowDefinition) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_AllowDefinition(BSTR bstrAllowDefinition) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_AllowLocation(BSTR* pbstrAllowLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_AllowLocation(BSTR bstrAllowLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RequirePermission(VARIANT_BOOL* pfRequirePermission) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_RequirePermission(VARIANT_BOOL pfRequirePermission) = 0;

protected:
    ~IAppHostSectionDefinition() = default;
};

struct IISFAKE_UUID("b7d381ee-8860-47a1-8af4-1f33b2b1f325")
    IAppHostSectionDefinitionCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(ULONG* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostSectionDefinition** ppConfigSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddSection(BSTR bstrSectionName,
                                                 IAppHostSectionDefinition** ppConfigSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteSection(VARIANT varIndex) = 0;

protected:
    ~IAppHostSectionDefinitionCollection() = default;
};

struct IISFAKE_UUID("0dd8a158-ebe6-4008-a1d9-b7ecc8f1104b") IAppHostSectionGroup : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(ULONG* pcSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostSectionGroup** ppSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Sections(IAppHostSectionDefinitionCollection** ppSections) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddSectionGroup(BSTR bstrSectionGroupName,
                                                      IAppHostSectionGroup** ppSectionGroup) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteSectionGroup(VARIANT varIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Type(BSTR* pbstrType) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_Type(BSTR bstrType) = 0;

protected:
    ~IAppHostSectionGroup() = default;
};

struct IISFAKE_UUID("370af178-7758-4dad-8146-7391f6e18585")
    IAppHostConfigLocation : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Path(BSTR* pbstrLocationPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddConfigSection(BSTR bstrSectionName,
                                                       IAppHostElement** ppAdminElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteConfigSection(VARIANT cIndex) = 0;

protected:
    ~IAppHostConfigLocation() = default;
};

struct IISFAKE_UUID("832a32f7-b3ea-4b8c-b260-9a2923001184")
    IAppHostConfigLocationCollection : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Item(VARIANT varIndex,
                                               IAppHostConfigLocation** ppLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE AddLocation(BSTR bstrLocationPath,
                                                  IAppHostConfigLocation** ppNewLocation) = 0;
    virtual HRESULT STDMETHODCALLTYPE DeleteLocation(VARIANT cIndex) = 0;
    virtual HRESULT STDMETHODCALLTYPE RenameLocation(VARIANT varIndex, BSTR bstrLocationPath) = 0;

protected:
    ~IAppHostConfigLocationCollection() = default;
};

struct IISFAKE_UUID("ada4e6fb-e025-401e-a5d0-c3134a281f07") IAppHostConfigFile : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE get_ConfigPath(BSTR* pbstrConfigPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_FilePath(BSTR* pbstrFilePath) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_Locations(IAppHostConfigLocationCollection** ppLocations) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                                      IAppHostElement** ppAdminSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE ClearInvalidSections() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_RootSectionGroup(IAppHostSectionGroup** ppSectionGroups) = 0;

protected:
    ~IAppHostConfigFile() = default;
};

struct IISFAKE_UUID("8f6d760f-f0cb-4d69-b5f6-848b33e9bdc6")
    IAppHostConfigManager : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetConfigFile(BSTR bstrConfigPath,
                                                    IAppHostConfigFile** ppConfigFile) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetUniqueConfigPath(BSTR bstrConfigPath,
                                                          BSTR* pbstrUniquePath) = 0;

protected:
    ~IAppHostConfigManager() = default;
};

struct IISFAKE_UUID("9be77978-73ed-4a9a-87fd-13f09fec1b13") IAppHostAdminManager : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                                      IAppHostElement** ppAdminSection) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) = 0;
    virtual HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) = 0;
    virtual HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) = 0;

protected:
    ~IAppHostAdminManager() = default;
};

struct IISFAKE_UUID("fa7660f6-7b3f-4237-a8bf-ed0ad0dcbbd9")
    IAppHostWritableAdminManager : public IAppHostAdminManager {
public:
    virtual HRESULT STDMETHODCALLTYPE CommitChanges() = 0;
    virtual HRESULT STDMETHODCALLTYPE get_CommitPath(BSTR* pbstrCommitPath) = 0;
    virtual HRESULT STDMETHODCALLTYPE put_CommitPath(BSTR bstrCommitPath) = 0;

protected:
    ~IAppHostWritableAdminManager() = default;
};

struct IISFAKE_UUID("518eb37d-1ff4-42dd-86c3-3140bc35b823")
    IAppHostElementExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideElement(IAppHostElement* pNewElement) = 0;

protected:
    ~IAppHostElementExtension() = default;
};

struct IISFAKE_UUID("31a83ea0-c0e4-4a2c-8a01-353cc2a4c60a")
    IAppHostMappingExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetSiteNameFromSiteId(DWORD dwSiteId,
                                                            BSTR* pbstrSiteName) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSiteIdFromSiteName(BSTR bstrSiteName,
                                                            DWORD* pdwSiteId) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSiteElementFromSiteId(DWORD dwSiteId,
                                                               IAppHostElement** ppSiteElement) = 0;
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrSiteName, BSTR bstrVirtualPath,
                                              BSTR* pbstrPhysicalPath,
                                              IAppHostElement** ppVirtualDirectoryElement,
                                              IAppHostElement** ppApplicationElement) = 0;

protected:
    ~IAppHostMappingExtension() = default;
};

struct IISFAKE_UUID("70184ac9-7673-4770-96b1-445ce035cf70")
    IAppHostMethodExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideMethod(IAppHostMethod* pMethod,
                                                    IAppHostMethodInstance* pMethodInstance,
                                                    IAppHostElement* pElement) = 0;

protected:
    ~IAppHostMethodExtension() = default;
};

struct IISFAKE_UUID("e7927575-5cc3-403b-822e-328a6b904bee") IAppHostPathMapper : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrConfigPath, BSTR bstrMappedPhysicalPath,
                                              BSTR* pbstrNewPhysicalPath) = 0;

protected:
    ~IAppHostPathMapper() = default;
};

struct IISFAKE_UUID("0f80e901-8f4c-449a-bf90-13d5d082f187") IAppHostPathMapper2 : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE MapPath(BSTR bstrConfigPath, BSTR bstrMappedPhysicalPath,
                                              BSTR* pbstrNewPhysicalPath,
                                              HANDLE* phImpersonationToken) = 0;

protected:
    ~IAppHostPathMapper2() = default;
};

struct IISFAKE_UUID("88e220f3-33e8-4534-afac-b4a98eccf9ae")
    IAppHostPropertyExtension : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE ProvideGetProperty(IAppHostElement* pElement,
                                                         IAppHostProperty* pProperty) = 0;

protected:
    ~IAppHostPropertyExtension() = default;
};

// clang-format on

#if defined(_WIN32) && defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

// The coclasses a module could create itself (CoCreateInstance); IIS hands modules the admin
// manager instead.
struct IISFAKE_UUID("228fb8f7-fb53-4fd5-8c7b-ff59de606c5b") AppHostAdminManager;
struct IISFAKE_UUID("2b72133b-3f5b-4602-8952-803546ce3344") AppHostWritableAdminManager;

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/ahadmin.hpp -----
// ----- begin iisfake/sdk/httptrace.hpp -----
#ifndef IISFAKE_SDK_HTTPTRACE_HPP_INCLUDED
#define IISFAKE_SDK_HTTPTRACE_HPP_INCLUDED

// The IIS SDK's <httptrace.h>: the trace event and configuration structures IHttpTraceContext
// takes, the data types of event items, and the IIS trace providers' GUIDs. httpserv.h only
// forward-declares the structures; here they are complete for both.


#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httptrace.h>
#else

enum HTTP_TRACE_TYPE : int {
    HTTP_TRACE_TYPE_BYTE = 17,
    HTTP_TRACE_TYPE_USHORT = 18,
    HTTP_TRACE_TYPE_ULONG = 19,
    HTTP_TRACE_TYPE_ULONGLONG = 21,
    HTTP_TRACE_TYPE_CHAR = 16,
    HTTP_TRACE_TYPE_SHORT = 2,
    HTTP_TRACE_TYPE_LONG = 3,
    HTTP_TRACE_TYPE_LONGLONG = 20,
    HTTP_TRACE_TYPE_LPCWSTR = 31,
    HTTP_TRACE_TYPE_LPCSTR = 30,
    HTTP_TRACE_TYPE_LPCGUID = 72,
    HTTP_TRACE_TYPE_BOOL = 11
};

struct HTTP_TRACE_EVENT_ITEM {
    LPCWSTR pszName;
    HTTP_TRACE_TYPE dwDataType;
    PBYTE pbData;
    DWORD cbData;
    LPCWSTR pszDataDescription;
};

struct HTTP_TRACE_EVENT {
    LPCGUID pProviderGuid;
    DWORD dwArea;
    LPCGUID pAreaGuid;
    DWORD dwEvent;
    LPCWSTR pszEventName;
    DWORD dwEventVersion;
    DWORD dwVerbosity;
    LPCGUID pActivityGuid;
    LPCGUID pRelatedActivityGuid;
    DWORD dwTimeStamp;
    DWORD dwFlags;
    DWORD cEventItems;
    HTTP_TRACE_EVENT_ITEM* pEventItems;
};

struct HTTP_TRACE_CONFIGURATION {
    LPCGUID pProviderGuid;
    DWORD dwAreas;
    DWORD dwVerbosity;
    BOOL fProviderEnabled;
};

#define HTTP_TRACE_EVENT_FLAG_STATIC_DESCRIPTIVE_FIELDS 0x01
#define HTTP_TRACE_LEVEL_START 6
#define HTTP_TRACE_LEVEL_END 7

constexpr GUID GUID_IIS_ALL_TRACE_PROVIDERS = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
constexpr GUID GUID_IIS_WWW_SERVER_TRACE_PROVIDER = {
    0x3a2a4e84, 0x4c21, 0x4981, {0xae, 0x10, 0x3f, 0xda, 0x0d, 0x9b, 0x0f, 0x83}};
constexpr GUID GUID_IIS_WWW_SERVER_V2_TRACE_PROVIDER = {
    0xde4649c9, 0x15e8, 0x4fea, {0x9d, 0x85, 0x1c, 0xdd, 0xa5, 0x20, 0xc3, 0x34}};
constexpr GUID GUID_IIS_ASPNET_TRACE_PROVIDER = {
    0xaff081fe, 0x0247, 0x4275, {0x9c, 0x4e, 0x02, 0x1f, 0x3d, 0xc1, 0xda, 0x35}};
constexpr GUID GUID_IIS_ASP_TRACE_TRACE_PROVIDER = {
    0x06b94d9a, 0xb15e, 0x456e, {0xa4, 0xef, 0x37, 0xc9, 0x84, 0xa2, 0xcb, 0x4b}};
constexpr GUID GUID_IIS_WWW_GLOBAL_TRACE_PROVIDER = {
    0xd55d3bc9, 0xcba9, 0x44df, {0x82, 0x7e, 0x13, 0x2d, 0x3a, 0x45, 0x96, 0xc2}};
constexpr GUID GUID_IIS_ISAPI_TRACE_PROVIDER = {
    0xa1c2040e, 0x8840, 0x4c31, {0xba, 0x11, 0x98, 0x71, 0x03, 0x1a, 0x19, 0xea}};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/httptrace.hpp -----

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpserv.h>
#else

// ---- request notifications (bits of SetRequestNotifications, DisableNotifications and
// OnAsyncCompletion's dwNotification) ------------------------------------------------------
#define RQ_BEGIN_REQUEST 0x00000001
#define RQ_AUTHENTICATE_REQUEST 0x00000002
#define RQ_AUTHORIZE_REQUEST 0x00000004
#define RQ_RESOLVE_REQUEST_CACHE 0x00000008
#define RQ_MAP_REQUEST_HANDLER 0x00000010
#define RQ_ACQUIRE_REQUEST_STATE 0x00000020
#define RQ_PRE_EXECUTE_REQUEST_HANDLER 0x00000040
#define RQ_EXECUTE_REQUEST_HANDLER 0x00000080
#define RQ_RELEASE_REQUEST_STATE 0x00000100
#define RQ_UPDATE_REQUEST_CACHE 0x00000200
#define RQ_LOG_REQUEST 0x00000400
#define RQ_END_REQUEST 0x00000800
#define RQ_SEND_RESPONSE_STATUS_AND_HEADERS 0x08000000  // undocumented; no CHttpModule method
#define RQ_CUSTOM_NOTIFICATION 0x10000000
#define RQ_SEND_RESPONSE 0x20000000
#define RQ_READ_ENTITY 0x40000000
#define RQ_MAP_PATH 0x80000000

// ---- global notifications ----------------------------------------------------------------
#define GL_STOP_LISTENING 0x00000002
#define GL_CACHE_CLEANUP 0x00000004
#define GL_CACHE_OPERATION 0x00000010
#define GL_HEALTH_CHECK 0x00000020
#define GL_CONFIGURATION_CHANGE 0x00000040
#define GL_FILE_CHANGE 0x00000080
#define GL_PRE_BEGIN_REQUEST 0x00000100
#define GL_APPLICATION_START 0x00000200
#define GL_APPLICATION_RESOLVE_MODULES 0x00000400
#define GL_APPLICATION_STOP 0x00000800
#define GL_RSCA_QUERY 0x00001000
#define GL_TRACE_EVENT 0x00002000
#define GL_CUSTOM_NOTIFICATION 0x00004000
#define GL_THREAD_CLEANUP 0x00008000
#define GL_APPLICATION_PRELOAD 0x00010000
#define GL_SUSPEND_PROCESS 0x00020000

// int as the underlying type, as MSVC gives every enumeration: any int is a value of the type.
enum REQUEST_NOTIFICATION_STATUS : int {
    RQ_NOTIFICATION_CONTINUE,
    RQ_NOTIFICATION_PENDING,
    RQ_NOTIFICATION_FINISH_REQUEST
};

enum GLOBAL_NOTIFICATION_STATUS : int { GL_NOTIFICATION_CONTINUE, GL_NOTIFICATION_HANDLED };

#define PRIORITY_ALIAS_FIRST L"FIRST"
#define PRIORITY_ALIAS_HIGH L"HIGH"
#define PRIORITY_ALIAS_MEDIUM L"MEDIUM"
#define PRIORITY_ALIAS_LOW L"LOW"
#define PRIORITY_ALIAS_LAST L"LAST"

enum CACHE_OPERATION : int {
    CACHE_OPERATION_RETRIEVE,
    CACHE_OPERATION_ADD,
    CACHE_OPERATION_DELETE,
    CACHE_OPERATION_FLUSH_PREFIX,
    CACHE_OPERATION_ENUM
};

typedef VOID* HTTP_MODULE_ID;

// IHttpContext::CloneContext
#define CLONE_FLAG_BASICS 0x01
#define CLONE_FLAG_HEADERS 0x02
#define CLONE_FLAG_ENTITY 0x04
#define CLONE_FLAG_NO_PRECONDITION 0x08
#define CLONE_FLAG_NO_DAV 0x10
#define CLONE_FLAG_USER_CACHE_VARY_BY 0x20
#define CLONE_FLAG_SERVER_VARIABLE 0x40

// IHttpContext::ExecuteRequest
#define EXECUTE_FLAG_NO_HEADERS 0x01
#define EXECUTE_FLAG_IGNORE_CURRENT_INTERCEPTOR 0x02
#define EXECUTE_FLAG_IGNORE_APPPOOL 0x04
#define EXECUTE_FLAG_DISABLE_CUSTOM_ERROR 0x08
#define EXECUTE_FLAG_SAME_URL 0x10
#define EXECUTE_FLAG_BUFFER_RESPONSE 0x20
#define EXECUTE_FLAG_HTTP_CACHE_ELIGIBLE 0x40

// Deprecated and empty in the SDK; IHttpContext::GetExtendedInterface still takes one.
enum HTTP_CONTEXT_INTERFACE_VERSION : int {};
enum HTTP_SERVER_INTERFACE_VERSION : int { HTTP_SERVER_INTERFACE_V2, HTTP_SERVER_INTERFACE_V3 };

#define HTTP_USER_VARIABLE_SID "SID"
#define HTTP_USER_VARIABLE_CTXT_HANDLE "CtxtHandle"
#define HTTP_USER_VARIABLE_CRED_HANDLE "CredHandle"

#define MODULE_REGISTERMODULE "RegisterModule"

// ---- every class, by name: those with a GUID are declared in uuid.hpp -----------------------
class CHttpModule;
class CGlobalModule;
// Named by IHttpServer but never defined by the SDK.
class IWpfSettings;
class IWorkerProcessFramework;

typedef REQUEST_NOTIFICATION_STATUS(WINAPI* PFN_ASYNC_COMPLETION)(
    IHttpContext3* pHttpContext, IHttpCompletionInfo2* pCompletionInfo, VOID* pvCompletionContext);

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/forward.hpp -----
// ----- begin iisfake/sdk/completion_info.hpp -----
#ifndef IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED
#define IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED

// IHttpCompletionInfo and IHttpCompletionInfo2 exactly as httpserv.h declares them. The
// protected destructor keeps the SDK's vtable (no virtual destructor) while forbidding delete
// through the interface.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

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

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

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


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

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

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_request.hpp -----
// ----- begin iisfake/sdk/providers.hpp -----
#ifndef IISFAKE_SDK_PROVIDERS_HPP_INCLUDED
#define IISFAKE_SDK_PROVIDERS_HPP_INCLUDED

// IHttpEventProvider and the providers IIS hands to each notification: the request-level ones
// CHttpModule's On* methods receive, and the global ones CGlobalModule's receive. Exactly as
// httpserv.h declares them (order, const, defaults); the protected destructors keep the SDK's
// vtables while forbidding delete through an interface.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("6f3f657d-2fb8-43c6-a096-5064b41f0580") IHttpEventProvider {
public:
    virtual VOID SetErrorStatus(HRESULT hrError) = 0;

protected:
    ~IHttpEventProvider() = default;
};

class IISFAKE_UUID("671e6d34-9380-4df4-b453-91129df02b24") ICustomNotificationProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR QueryNotificationType(VOID) = 0;

protected:
    ~ICustomNotificationProvider() = default;
};

class IISFAKE_UUID("304d51d0-0307-45ed-83fd-dd3fc032fdfc") IAuthenticationProvider
    : public IHttpEventProvider {
public:
    virtual VOID SetUser(IHttpUser* pUser) = 0;

protected:
    ~IAuthenticationProvider() = default;
};

class IISFAKE_UUID("fea3ce6b-e346-47e7-b2a6-ad265baeff2c") IMapHandlerProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT SetScriptName(PCWSTR pszScriptName, DWORD cchScriptName) = 0;
    virtual VOID SetScriptMap(IScriptMapInfo* pScriptMap) = 0;
    virtual VOID SetFileInfo(IHttpFileInfo* pFileInfo) = 0;

protected:
    ~IMapHandlerProvider() = default;
};

class IISFAKE_UUID("8efdf557-a8f1-4bc9-b462-6df3b038a59a") IMapPathProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetUrl(VOID) const = 0;
    virtual PCWSTR GetPhysicalPath(VOID) const = 0;
    virtual HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) = 0;

protected:
    ~IMapPathProvider() = default;
};

class IISFAKE_UUID("57f2e7bc-0bcf-4a9f-94a4-10e55c6e5b51") ISendResponseProvider
    : public IHttpEventProvider {
public:
    virtual BOOL GetHeadersBeingSent(VOID) const = 0;
    virtual DWORD GetFlags(VOID) const = 0;
    virtual VOID SetFlags(DWORD dwFlags) = 0;
    virtual HTTP_LOG_DATA* GetLogData(VOID) const = 0;
    virtual HRESULT SetLogData(HTTP_LOG_DATA* pLogData) = 0;
    virtual BOOL GetReadyToLogData(VOID) const = 0;

protected:
    ~ISendResponseProvider() = default;
};

class IISFAKE_UUID("fe6d905a-99b8-49fd-b389-cfc809562b81") IReadEntityProvider
    : public IHttpEventProvider {
public:
    virtual VOID GetEntity(PVOID* ppBuffer, DWORD* pcbData, DWORD* pcbBuffer) = 0;
    virtual VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) = 0;

protected:
    ~IReadEntityProvider() = default;
};

// ---- global providers ----------------------------------------------------------------------

class IISFAKE_UUID("41f9a601-e25d-4ac8-8a1f-635698a30ab9") IGlobalStopListeningProvider
    : public IHttpEventProvider {
public:
    virtual BOOL DrainRequestsGracefully(VOID) const = 0;

protected:
    ~IGlobalStopListeningProvider() = default;
};

class IISFAKE_UUID("58925fb9-7c5e-4684-833b-4a04e1286690") ICacheProvider
    : public IHttpEventProvider {
public:
    virtual CACHE_OPERATION GetCacheOperation(VOID) const = 0;
    virtual IHttpCacheKey* GetCacheKey(VOID) const = 0;
    virtual IHttpCacheSpecificData* GetCacheRecord(VOID) const = 0;
    virtual VOID SetCacheRecord(IHttpCacheSpecificData* pCacheRecord) = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;

protected:
    ~ICacheProvider() = default;
};

class IISFAKE_UUID("3405f3b4-b3d6-4b73-b5f5-4d8a3cc642ce") IGlobalConfigurationChangeProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetChangePath(VOID) const = 0;

protected:
    ~IGlobalConfigurationChangeProvider() = default;
};

class IISFAKE_UUID("ece31ee5-0486-4fb0-a875-6739a2d7daf5") IGlobalFileChangeProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetFileName(VOID) const = 0;
    virtual IHttpFileMonitor* GetFileMonitor(VOID) = 0;

protected:
    ~IGlobalFileChangeProvider() = default;
};

class IISFAKE_UUID("fb715d26-aff9-476a-8fc0-6b1acb3d1098") IPreBeginRequestProvider
    : public IHttpEventProvider {
public:
    virtual IHttpContext* GetHttpContext(VOID) = 0;

protected:
    ~IPreBeginRequestProvider() = default;
};

class IISFAKE_UUID("1de2c71c-c126-4512-aed3-f4f885e14997") IHttpApplicationProvider
    : public IHttpEventProvider {
public:
    virtual IHttpApplication* GetApplication(VOID) = 0;

protected:
    ~IHttpApplicationProvider() = default;
};

typedef IHttpApplicationProvider IHttpApplicationStartProvider;
typedef IHttpApplicationProvider IHttpApplicationStopProvider;

class IISFAKE_UUID("0617d9b9-e20f-4a9f-94f9-35403b3be01e") IHttpApplicationResolveModulesProvider
    : public IHttpApplicationProvider {
public:
    virtual HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId,
                                   IHttpModuleFactory* pModuleFactory, PCWSTR pszModuleName,
                                   PCWSTR pszModuleType, PCWSTR pszModulePreCondition,
                                   DWORD dwRequestNotifications,
                                   DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName,
                                                      DWORD dwRequestNotification,
                                                      PCWSTR pszPriorityAlias) = 0;

protected:
    ~IHttpApplicationResolveModulesProvider() = default;
};

class IISFAKE_UUID("63fdc43f-934a-4ee5-bcd8-7e7b50b75605") IGlobalRSCAQueryProvider
    : public IHttpEventProvider {
public:
    virtual PCWSTR GetFunctionName(VOID) const = 0;
    virtual PCWSTR GetFunctionParameters(VOID) const = 0;
    virtual HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE** ppbBuffer) = 0;
    virtual HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy,
                                       BYTE** ppbBuffer) = 0;
    virtual VOID SetResult(DWORD cbData, HRESULT hr) = 0;

protected:
    ~IGlobalRSCAQueryProvider() = default;
};

class IISFAKE_UUID("7c6bb150-0310-4718-a01f-6faceb62dc1d") IGlobalTraceEventProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT GetTraceEvent(HTTP_TRACE_EVENT** ppTraceEvent) = 0;
    virtual BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) = 0;
    virtual HRESULT GetCurrentHttpRequestContext(IHttpContext** ppHttpContext) = 0;

protected:
    ~IGlobalTraceEventProvider() = default;
};

class IISFAKE_UUID("6b36a149-8620-45a0-8197-00814a706e2e") IGlobalThreadCleanupProvider
    : public IHttpEventProvider {
public:
    virtual IHttpApplication* GetApplication(VOID) = 0;

protected:
    ~IGlobalThreadCleanupProvider() = default;
};

class IISFAKE_UUID("2111f8d6-0c41-4ff7-bd45-5c04c7e91a73") IGlobalApplicationPreloadProvider
    : public IHttpEventProvider {
public:
    virtual HRESULT CreateContext(IHttpContext** ppHttpContext) = 0;
    virtual HRESULT ExecuteRequest(IHttpContext* pHttpContext, IHttpUser* pHttpUser) = 0;

protected:
    ~IGlobalApplicationPreloadProvider() = default;
};

class IISFAKE_UUID("251db2dd-81e7-44ce-ae02-46529f2d71ea") IGlobalApplicationPreloadProvider2
    : public IGlobalApplicationPreloadProvider {
public:
    virtual BOOL IsProcessRecycled(VOID) const = 0;

protected:
    ~IGlobalApplicationPreloadProvider2() = default;
};

class IISFAKE_UUID("7fd8f303-1031-4e50-918a-b7b916fd6c54") IGlobalSuspendProcessCallback
    : public IHttpEventProvider {
public:
    virtual HRESULT Resume(VOID) = 0;

protected:
    ~IGlobalSuspendProcessCallback() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/providers.hpp -----
// ----- begin iisfake/sdk/module.hpp -----
#ifndef IISFAKE_SDK_MODULE_HPP_INCLUDED
#define IISFAKE_SDK_MODULE_HPP_INCLUDED

// CHttpModule and CGlobalModule, the classes a module derives from, as httpserv.h declares them:
// every handler virtual with an inline default body, in declaration order; CHttpModule's
// constructor and virtual destructor protected and Dispose deleting it; CGlobalModule's only
// pure virtual Terminate. Neither declares a class-scope operator new (MOD-4).
//
// The SDK's default bodies write "subscribed to the event but did not override the method" to
// the debugger and call DebugBreak. A default body runs when a module registered for a
// notification but its handler's signature differs (it overloads instead of overriding, T-9);
// here it writes the same diagnostic and reports the handler through iisfake::hooks(), for the
// test to see, and never traps. Either way it returns CONTINUE, as the SDK's does.

// ----- begin iisfake/hooks.hpp -----
#ifndef IISFAKE_HOOKS_HPP_INCLUDED
#define IISFAKE_HOOKS_HPP_INCLUDED

// What module code does that only a test can observe, and that the declarations themselves
// must carry out: a CHttpModule or CGlobalModule default handler that ran (a module subscribed
// to a notification and did not override its handler, T-9), OutputDebugString, DebugBreak.
// The declarations call through these pointers; the test side installs recorders
// (<iisfake/debug_log.hpp>, part of the umbrella). Without one, nothing is recorded, and
// DebugBreak never traps. Plain pointers, set once before any module runs.


IISFAKE_BEGIN_NAMESPACE

struct Hooks {
    void (*unhandled_notification)(const char* method);  // e.g. "CHttpModule::OnBeginRequest"
    void (*debug_output)(const char* text);               // OutputDebugStringA
    void (*debug_output_wide)(const WCHAR* text);         // OutputDebugStringW
    void (*debug_break)();                                 // DebugBreak
};

inline Hooks& hooks() noexcept {
    static Hooks instance = {nullptr, nullptr, nullptr, nullptr};
    return instance;
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/hooks.hpp -----

IISFAKE_BEGIN_NAMESPACE
namespace detail {
// The default handler that ran last on this thread: ModuleHost checks it after each handler it
// calls, so a module whose handler does not override is reported by name (T-9).
inline const char*& unhandled_on_this_thread() noexcept {
    static thread_local const char* method = nullptr;
    return method;
}

inline void report_unhandled(const char* method) {
    unhandled_on_this_thread() = method;
    if (void (*output)(const char*) = hooks().debug_output) {
        // One OutputDebugString line, as the SDK's; every handler name is under 64 characters.
        static const char reason[] =
            ": subscribed to the event but did not override the method; check its signature\n";
        char line[sizeof reason + 64] = {};
        unsigned length = 0;
        for (const char* c = method; *c != '\0' && length < 63; ++c) line[length++] = *c;
        for (const char* c = reason; *c != '\0'; ++c) line[length++] = *c;
        output(line);
    }
    if (void (*record)(const char*) = hooks().unhandled_notification) record(method);
}
}  // namespace detail
IISFAKE_END_NAMESPACE

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

// One default handler of CHttpModule: its name, provider type and the report it makes.
#define IISFAKE_DETAIL_DEFAULT_HANDLER(name, provider)                                   \
    virtual REQUEST_NOTIFICATION_STATUS name(IHttpContext* /* pHttpContext */,          \
                                             provider* /* pProvider */) {              \
        ::iisfake::detail::report_unhandled("CHttpModule::" #name);                     \
        return RQ_NOTIFICATION_CONTINUE;                                                \
    }

class CHttpModule {
public:
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnBeginRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostBeginRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAuthenticateRequest, IAuthenticationProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAuthenticateRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAuthorizeRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAuthorizeRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnResolveRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostResolveRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnMapRequestHandler, IMapHandlerProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostMapRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAcquireRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAcquireRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPreExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostPreExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnReleaseRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostReleaseRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnUpdateRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostUpdateRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnLogRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostLogRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnEndRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostEndRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnSendResponse, ISendResponseProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnMapPath, IMapPathProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnReadEntity, IReadEntityProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnCustomRequestNotification, ICustomNotificationProvider)

    virtual REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* /* pHttpContext */,
                                                          DWORD /* dwNotification */,
                                                          BOOL /* fPostNotification */,
                                                          IHttpEventProvider* /* pProvider */,
                                                          IHttpCompletionInfo* /* pCompletionInfo */) {
        ::iisfake::detail::report_unhandled("CHttpModule::OnAsyncCompletion");
        return RQ_NOTIFICATION_CONTINUE;
    }

    virtual VOID Dispose(VOID) { delete this; }

protected:
    CHttpModule() {}
    virtual ~CHttpModule() {}
};

#undef IISFAKE_DETAIL_DEFAULT_HANDLER

// One default handler of CGlobalModule: its name, parameter list and the report it makes.
#define IISFAKE_DETAIL_GLOBAL_HANDLER(name, parameters)             \
    virtual GLOBAL_NOTIFICATION_STATUS name parameters {             \
        ::iisfake::detail::report_unhandled("CGlobalModule::" #name); \
        return GL_NOTIFICATION_CONTINUE;                             \
    }

class CGlobalModule {
public:
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalStopListening,
                                  (IGlobalStopListeningProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCacheCleanup, (VOID))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCacheOperation, (ICacheProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalHealthCheck, (VOID))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalConfigurationChange,
                                  (IGlobalConfigurationChangeProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalFileChange, (IGlobalFileChangeProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalPreBeginRequest,
                                  (IPreBeginRequestProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationStart,
                                  (IHttpApplicationStartProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationResolveModules,
                                  (IHttpApplicationResolveModulesProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationStop,
                                  (IHttpApplicationStopProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalRSCAQuery, (IGlobalRSCAQueryProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalTraceEvent, (IGlobalTraceEventProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCustomNotification,
                                  (ICustomNotificationProvider* /* pProvider */))

    virtual VOID Terminate(VOID) = 0;

    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalThreadCleanup,
                                  (IGlobalThreadCleanupProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationPreload,
                                  (IGlobalApplicationPreloadProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnSuspendProcess,
                                  (IGlobalSuspendProcessCallback** /* pCallback */))

    // Not in the SDK, whose implicit destructor is public and not virtual: every module's
    // -Wnon-virtual-dtor would warn. Declared last, it moves no handler's vtable slot, and
    // modules that delete themselves in Terminate behave the same.
    virtual ~CGlobalModule() {}
};

#undef IISFAKE_DETAIL_GLOBAL_HANDLER

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/module.hpp -----
// ----- begin iisfake/sdk/registration.hpp -----
#ifndef IISFAKE_SDK_REGISTRATION_HPP_INCLUDED
#define IISFAKE_SDK_REGISTRATION_HPP_INCLUDED

// How a module registers: the factory IIS asks for a module instance per request, the
// allocator it passes, and the registration info RegisterModule receives. The header declares
// only the type of RegisterModule (PFN_REGISTERMODULE), never the function: modules define it
// themselves, with C++ linkage (REG-1).


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("85c1679c-0b21-491c-afb5-c7b5c86464c4") IModuleAllocator {
public:
    virtual VOID* AllocateMemory(DWORD cbAllocation) = 0;

protected:
    ~IModuleAllocator() = default;
};

class IISFAKE_UUID("ba32d330-9ea8-4b9e-89f1-8c76a323277f") IHttpModuleFactory {
public:
    virtual HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) = 0;
    virtual VOID Terminate(VOID) = 0;

protected:
    ~IHttpModuleFactory() = default;
};

class IISFAKE_UUID("07e5beb3-b798-459d-a98a-e6c485b2b3bc") IHttpModuleRegistrationInfo {
public:
    virtual PCWSTR GetName(VOID) const = 0;
    virtual HTTP_MODULE_ID GetId(VOID) const = 0;
    virtual HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory,
                                            DWORD dwRequestNotifications,
                                            DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule,
                                           DWORD dwGlobalNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification,
                                                      PCWSTR pszPriority) = 0;
    virtual HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification,
                                                     PCWSTR pszPriority) = 0;

protected:
    ~IHttpModuleRegistrationInfo() = default;
};

class IISFAKE_UUID("4fd11cbf-8cc5-418e-8000-c9e765f88533") IHttpModuleRegistrationInfo2
    : public IHttpModuleRegistrationInfo {
public:
    virtual HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification,
                                                          PCWSTR pszPriority) = 0;

protected:
    ~IHttpModuleRegistrationInfo2() = default;
};

typedef HRESULT(WINAPI* PFN_REGISTERMODULE)(DWORD dwServerVersion,
                                            IHttpModuleRegistrationInfo* pModuleInfo,
                                            IHttpServer* pGlobalInfo);

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/registration.hpp -----
// ----- begin iisfake/sdk/containers.hpp -----
#ifndef IISFAKE_SDK_CONTAINERS_HPP_INCLUDED
#define IISFAKE_SDK_CONTAINERS_HPP_INCLUDED

// The context containers: where a module keeps its own state on a request, site, application,
// connection or URL (IHttpStoredContext, cleaned up by the container), as httpserv.h declares
// them.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("f1927f76-790e-4ccb-a72e-396bdfdae05d") IHttpStoredContext {
public:
    virtual VOID CleanupStoredContext(VOID) = 0;

protected:
    ~IHttpStoredContext() = default;
};

class IISFAKE_UUID("d7fad7c9-aa27-4ab9-bd60-e55ccba3f5dc") IHttpModuleContextContainer {
public:
    virtual IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                                     HTTP_MODULE_ID moduleId) = 0;

protected:
    ~IHttpModuleContextContainer() = default;
};

class IISFAKE_UUID("2ae49359-95dd-4e48-ae20-c0cb9d0bc03a") IDispensedHttpModuleContextContainer
    : public IHttpModuleContextContainer {
public:
    virtual VOID ReleaseContainer(VOID) = 0;

protected:
    ~IDispensedHttpModuleContextContainer() = default;
};

class IISFAKE_UUID("16db6f7c-1a94-47ca-a8e8-fea6005ff3ba") INamedContextContainer {
public:
    virtual IHttpStoredContext* GetNamedContext(LPCWSTR szName) = 0;
    virtual HRESULT SetNamedContext(IHttpStoredContext* ppStoredContext, LPCWSTR szName) = 0;

protected:
    ~INamedContextContainer() = default;
};

class IISFAKE_UUID("841d9a71-75f4-4626-8b97-66046ca7e45b") IHttpConnectionStoredContext
    : public IHttpStoredContext {
public:
    virtual VOID NotifyDisconnect(VOID) = 0;

protected:
    ~IHttpConnectionStoredContext() = default;
};

class IISFAKE_UUID("f3dd2fb3-4d11-4295-b8ab-4cb667add1fe") IHttpConnectionModuleContextContainer
    : public IHttpModuleContextContainer {
public:
    virtual IHttpConnectionStoredContext* GetConnectionModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext* ppStoredContext,
                                               HTTP_MODULE_ID moduleId) = 0;

protected:
    ~IHttpConnectionModuleContextContainer() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/containers.hpp -----
// ----- begin iisfake/sdk/http_site.hpp -----
#ifndef IISFAKE_SDK_HTTP_SITE_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_SITE_HPP_INCLUDED

// IHttpSite and IHttpApplication/2: the site and application a request belongs to, as
// httpserv.h declares them.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("eb16a6ec-ba5d-436f-bf24-3ede13906450") IHttpSite {
public:
    virtual DWORD GetSiteId(VOID) const = 0;
    virtual PCWSTR GetSiteName(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) = 0;

protected:
    ~IHttpSite() = default;
};

class IISFAKE_UUID("3f75d9e6-1075-422c-ad89-93a85f2d7bdc") IHttpApplication {
public:
    virtual PCWSTR GetApplicationPhysicalPath(VOID) const = 0;
    virtual PCWSTR GetApplicationId(VOID) const = 0;
    virtual PCWSTR GetAppConfigPath(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IHttpApplication() = default;
};

class IISFAKE_UUID("311a3b7a-b673-4a1c-8349-2e98a23cadcb") IHttpApplication2
    : public IHttpApplication {
public:
    virtual VOID BeginApplicationWarmup(VOID) = 0;
    virtual VOID EndApplicationWarmup(VOID) = 0;
    virtual BOOL QueryIsWarmingUp(VOID) = 0;

protected:
    ~IHttpApplication2() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_site.hpp -----
// ----- begin iisfake/sdk/http_connection.hpp -----
#ifndef IISFAKE_SDK_HTTP_CONNECTION_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_CONNECTION_HPP_INCLUDED

// IHttpConnection: the client connection a request came on, as httpserv.h declares it.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("d9a5de00-3346-4599-9826-fe88565e1226") IHttpConnection {
public:
    virtual BOOL IsConnected(VOID) const = 0;
    virtual VOID* AllocateMemory(DWORD cbAllocation) = 0;
    virtual IHttpConnectionModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IHttpConnection() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_connection.hpp -----
// ----- begin iisfake/sdk/http_user.hpp -----
#ifndef IISFAKE_SDK_HTTP_USER_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_USER_HPP_INCLUDED

// IHttpUser, as httpserv.h declares it: every method non-const. Under <windows.h> with UNICODE,
// GetUserName is a macro for GetUserNameW, which renames this method too, as with the SDK.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("8059e6f8-10ce-4d61-b47e-5a1d8d9a8b67") IHttpUser {
public:
    virtual PCWSTR GetRemoteUserName(VOID) = 0;
    virtual PCWSTR GetUserName(VOID) = 0;
    virtual PCWSTR GetAuthenticationType(VOID) = 0;
    virtual PCWSTR GetPassword(VOID) = 0;
    virtual HANDLE GetImpersonationToken(VOID) = 0;
    virtual HANDLE GetPrimaryToken(VOID) = 0;
    virtual VOID ReferenceUser(VOID) = 0;
    virtual VOID DereferenceUser(VOID) = 0;
    virtual BOOL SupportsIsInRole(VOID) = 0;
    virtual HRESULT IsInRole(PCWSTR pszRoleName, BOOL* pfInRole) = 0;
    virtual PVOID GetUserVariable(PCSTR pszVariableName) = 0;

protected:
    ~IHttpUser() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_user.hpp -----
// ----- begin iisfake/sdk/cache.hpp -----
#ifndef IISFAKE_SDK_CACHE_HPP_INCLUDED
#define IISFAKE_SDK_CACHE_HPP_INCLUDED

// The cache-related interfaces of httpserv.h: cache keys and cached data (files, tokens), the
// response's cache policy, file monitors and performance counters. GetIsEqual and GetIsPrefix
// return C++ bool, not BOOL, as in the SDK.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("cdef2aad-20b3-4512-b1b1-094b3844aeb2") IHttpCacheKey {
public:
    virtual DWORD GetHash(VOID) const = 0;
    virtual PCWSTR GetCacheName(VOID) const = 0;
    virtual bool GetIsEqual(IHttpCacheKey* pCacheCompareKey) const = 0;
    virtual bool GetIsPrefix(IHttpCacheKey* pCacheCompareKey) const = 0;
    virtual VOID Enum(IHttpCacheSpecificData* pCacheData) = 0;

protected:
    ~IHttpCacheKey() = default;
};

class IISFAKE_UUID("37776aff-852e-4eec-93a5-b85a285a95b8") IHttpCacheSpecificData {
public:
    virtual IHttpCacheKey* GetCacheKey(VOID) const = 0;
    virtual VOID ReferenceCacheData(VOID) = 0;
    virtual VOID DereferenceCacheData(VOID) = 0;
    virtual VOID ResetTTL(VOID) = 0;
    virtual VOID DecrementTTL(BOOL* pfTTLExpired) = 0;
    virtual VOID SetFlushed(VOID) = 0;
    virtual BOOL GetFlushed(VOID) const = 0;

protected:
    ~IHttpCacheSpecificData() = default;
};

class IISFAKE_UUID("71e95595-8c74-44d9-88a9-f5112d5f5900") IHttpFileInfo
    : public IHttpCacheSpecificData {
public:
    virtual DWORD GetAttributes(VOID) const = 0;
    virtual VOID GetSize(ULARGE_INTEGER* pliSize) const = 0;
    virtual const BYTE* GetFileBuffer(VOID) const = 0;
    virtual HANDLE GetFileHandle(VOID) const = 0;
    virtual PCWSTR GetFilePath(VOID) const = 0;
    virtual PCSTR GetETag(USHORT* pcchETag = NULL) const = 0;
    virtual VOID GetLastModifiedTime(FILETIME* pFileTime) const = 0;
    virtual PCSTR GetLastModifiedString(VOID) const = 0;
    virtual BOOL GetHttpCacheAllowed(DWORD* pSecondsToLive) const = 0;
    virtual HRESULT AccessCheck(HANDLE hUserToken, PSID pUserSid) = 0;
    virtual HANDLE GetVrToken(VOID) const = 0;
    virtual PCWSTR GetVrPath(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual BOOL CheckIfFileHasChanged(HANDLE hUserToken) = 0;

protected:
    ~IHttpFileInfo() = default;
};

class IISFAKE_UUID("fd86e6de-fb0e-47dd-820a-e0da12be46e9") IHttpTokenEntry
    : public IHttpCacheSpecificData {
public:
    virtual HANDLE GetImpersonationToken(VOID) = 0;
    virtual HANDLE GetPrimaryToken(VOID) = 0;
    virtual PSID GetSid(VOID) = 0;

protected:
    ~IHttpTokenEntry() = default;
};

class IISFAKE_UUID("cb1c40ca-70f2-41a0-add2-881f5ef57388") IHttpCachePolicy {
public:
    virtual HTTP_CACHE_POLICY* GetKernelCachePolicy(VOID) = 0;
    virtual VOID SetKernelCacheInvalidatorSet(VOID) = 0;
    virtual HTTP_CACHE_POLICY* GetUserCachePolicy(VOID) = 0;
    virtual HRESULT AppendVaryByHeader(PCSTR pszHeader) = 0;
    virtual PCSTR GetVaryByHeaders(VOID) const = 0;
    virtual HRESULT AppendVaryByQueryString(PCSTR pszParam) = 0;
    virtual PCSTR GetVaryByQueryStrings(VOID) const = 0;
    virtual HRESULT SetVaryByValue(PCSTR pszValue) = 0;
    virtual PCSTR GetVaryByValue(VOID) const = 0;
    virtual BOOL IsUserCacheEnabled(VOID) const = 0;
    virtual VOID DisableUserCache(VOID) = 0;
    virtual BOOL IsCached(VOID) const = 0;
    virtual VOID SetIsCached(VOID) = 0;
    virtual BOOL GetKernelCacheInvalidatorSet(VOID) const = 0;

protected:
    ~IHttpCachePolicy() = default;
};

class IISFAKE_UUID("9f4ba807-050e-4495-ae55-8870f7e9194a") IHttpCachePolicy2
    : public IHttpCachePolicy {
public:
    virtual BOOL IsForceUpdateSet(VOID) const = 0;
    virtual VOID SetForceUpdate(VOID) = 0;

protected:
    ~IHttpCachePolicy2() = default;
};

class IISFAKE_UUID("985422da-b0cf-473b-ba9e-8148ceb3e240") IHttpFileMonitor {
public:
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual VOID DereferenceFileMonitor(VOID) = 0;

protected:
    ~IHttpFileMonitor() = default;
};

class IISFAKE_UUID("bdfc4c4a-12a4-4744-87d8-765eb320c59f") IHttpPerfCounterInfo {
public:
    virtual VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;
    virtual VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;

protected:
    ~IHttpPerfCounterInfo() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/cache.hpp -----
// ----- begin iisfake/sdk/metadata.hpp -----
#ifndef IISFAKE_SDK_METADATA_HPP_INCLUDED
#define IISFAKE_SDK_METADATA_HPP_INCLUDED

// What IIS knows of a URL's configuration: IMetadataInfo (the configuration path),
// IScriptMapInfo (the handler mapping) and IHttpUrlInfo, as httpserv.h declares them.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("48b10633-825d-495e-93b0-225380053e8e") IMetadataInfo {
public:
    virtual PCWSTR GetMetaPath(VOID) const = 0;
    virtual PCWSTR GetVrPath(VOID) const = 0;
    virtual IHttpTokenEntry* GetVrToken(VOID) = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IMetadataInfo() = default;
};

class IISFAKE_UUID("3fc5c336-9ad7-45ea-af2f-31b59302c9fe") IReferencedMetadataInfo
    : public IMetadataInfo {
public:
    virtual VOID ReferenceMetadata(VOID) = 0;
    virtual VOID DereferenceMetadata(VOID) = 0;

protected:
    ~IReferencedMetadataInfo() = default;
};

class IISFAKE_UUID("d7fe3d77-68bc-4d4a-851f-eec9fb68017c") IScriptMapInfo {
public:
    virtual PCWSTR GetPath(VOID) const = 0;
    virtual PCSTR GetAllowedVerbs(VOID) const = 0;
    virtual PCWSTR GetModules(DWORD* pcchModules = NULL) const = 0;
    virtual PCWSTR GetScriptProcessor(DWORD* pcchScriptProcessor = NULL) const = 0;
    virtual PCWSTR GetManagedType(DWORD* pcchManagedType = NULL) const = 0;
    virtual BOOL GetAllowPathInfoForScriptMappings(VOID) const = 0;
    virtual DWORD GetRequiredAccess(VOID) const = 0;
    virtual DWORD GetResourceType(VOID) const = 0;
    virtual BOOL GetIsStarScriptMap(VOID) const = 0;
    virtual DWORD GetResponseBufferLimit(VOID) const = 0;
    virtual PCWSTR GetName(VOID) const = 0;

protected:
    ~IScriptMapInfo() = default;
};

class IISFAKE_UUID("7e0e6167-0094-49a1-8287-ecf6dc6e73a6") IHttpUrlInfo {
public:
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual BOOL IsFrequentlyHit(VOID) const = 0;

protected:
    ~IHttpUrlInfo() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/metadata.hpp -----
// ----- begin iisfake/sdk/trace.hpp -----
#ifndef IISFAKE_SDK_TRACE_HPP_INCLUDED
#define IISFAKE_SDK_TRACE_HPP_INCLUDED

// IHttpTraceContext, as httpserv.h declares it; the structures it takes are httptrace.h's.


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("9f9098d5-915c-4294-a52e-66532a232bc9") IHttpTraceContext {
public:
    virtual HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration) = 0;
    virtual HRESULT SetTraceConfiguration(HTTP_MODULE_ID moduleId,
                                          HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration,
                                          DWORD cHttpTraceConfiguration = 1) = 0;
    virtual HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) = 0;
    virtual LPCGUID GetTraceActivityId(VOID) = 0;
    virtual HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                               UCHAR Level = 4) = 0;

protected:
    ~IHttpTraceContext() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/trace.hpp -----
// ----- begin iisfake/sdk/http_response.hpp -----
#ifndef IISFAKE_SDK_HTTP_RESPONSE_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_RESPONSE_HPP_INCLUDED

// IHttpResponse .. IHttpResponse4, exactly as httpserv.h declares them. IHttpResponse2's
// WriteEntityChunks and Flush hide the base overloads, as in the SDK: through an IHttpResponse2*
// only the callback forms are visible (T-17).


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("7e1c6b38-628f-4e6c-95dc-41237eb7f95e") IHttpResponse {
public:
    virtual HTTP_RESPONSE* GetRawHttpResponse(VOID) = 0;
    virtual const HTTP_RESPONSE* GetRawHttpResponse(VOID) const = 0;
    virtual IHttpCachePolicy* GetCachePolicy(VOID) = 0;
    virtual HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus = 0,
                              HRESULT hrErrorToReport = S_OK,
                              IAppHostConfigException* pException = NULL,
                              BOOL fTrySkipCustomErrors = FALSE) = 0;
    virtual HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                              BOOL fReplace) = 0;
    virtual HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue,
                              USHORT cchHeaderValue, BOOL fReplace) = 0;
    virtual HRESULT DeleteHeader(PCSTR pszHeaderName) = 0;
    virtual HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) = 0;
    virtual PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual VOID Clear(VOID) = 0;
    virtual VOID ClearHeaders(VOID) = 0;
    virtual VOID SetNeedDisconnect(VOID) = 0;
    virtual VOID ResetConnection(VOID) = 0;
    virtual VOID DisableKernelCache(ULONG reason = 9) = 0;
    virtual BOOL GetKernelCacheEnabled(VOID) const = 0;
    virtual VOID SuppressHeaders(VOID) = 0;
    virtual BOOL GetHeadersSuppressed(VOID) const = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD* pcbSent,
                          BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode = TRUE,
                             BOOL fIncludeParameters = FALSE) = 0;
    virtual HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                                LONG lInsertPosition = -1) = 0;
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                                      BOOL fMoreData, DWORD* pcbSent,
                                      BOOL* pfCompletionExpected = NULL) = 0;
    virtual VOID DisableBuffering(VOID) = 0;
    virtual VOID GetStatus(USHORT* pStatusCode, USHORT* pSubStatus = NULL, PCSTR* ppszReason = NULL,
                           USHORT* pcchReason = NULL, HRESULT* phrErrorToReport = NULL,
                           PCWSTR* ppszModule = NULL, DWORD* pdwNotification = NULL,
                           IAppHostConfigException** ppException = NULL,
                           BOOL* pfTrySkipCustomErrors = NULL) = 0;
    virtual HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription,
                                        BOOL fHtmlEncode = TRUE) = 0;
    virtual PCWSTR GetErrorDescription(DWORD* pcchDescription = NULL) = 0;
    virtual HRESULT GetHeaderChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                                     PCSTR knownHeaderSnapshot[HttpHeaderResponseMaximum],
                                     DWORD* pdwUnknownHeaderSnapshot,
                                     PCSTR** ppUnknownHeaderNameSnapshot,
                                     PCSTR** ppUnknownHeaderValueSnapshot,
                                     DWORD diffedKnownHeaderIndices[HttpHeaderResponseMaximum + 1],
                                     DWORD* pdwDiffedUnknownHeaders,
                                     DWORD** ppDiffedUnknownHeaderIndices) = 0;
    virtual VOID CloseConnection(VOID) = 0;

protected:
    ~IHttpResponse() = default;
};

class IISFAKE_UUID("0822c871-f14e-4974-a1e6-5b3c1f09b76a") IHttpResponse2 : public IHttpResponse {
public:
    // Both hide the base overloads, as in the SDK (no using-declaration, T-17).
    virtual HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                                      BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                                      VOID* pvCompletionContext, DWORD* pcbSent,
                                      BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                          VOID* pvCompletionContext, DWORD* pcbSent,
                          BOOL* pfCompletionExpected = NULL) = 0;

protected:
    ~IHttpResponse2() = default;
};

class IISFAKE_UUID("19578e49-d080-45da-b673-96cb475d3c5d") IHttpResponse3 : public IHttpResponse2 {
public:
    virtual HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders,
                                PCSTR* rgHeaderNames, PCSTR* rgHeaderValues) = 0;

protected:
    ~IHttpResponse3() = default;
};

class IISFAKE_UUID("1a2acc57-cae2-4f28-b4ab-00c8f96b12ec") IHttpResponse4 : public IHttpResponse3 {
public:
    virtual HRESULT DeleteTrailer(PCSTR pszHeaderName) = 0;
    virtual PCSTR GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const = 0;
    virtual VOID ResetStream(ULONG errorCode) = 0;
    virtual VOID SetNeedGoAway(VOID) = 0;
    virtual HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                               BOOL fReplace) = 0;

protected:
    ~IHttpResponse4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_response.hpp -----
// ----- begin iisfake/sdk/http_context.hpp -----
#ifndef IISFAKE_SDK_HTTP_CONTEXT_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_CONTEXT_HPP_INCLUDED

// IHttpContext .. IHttpContext4, exactly as httpserv.h declares them: what module code gets in
// every notification. IHttpContext3::PostCompletion hides the base overload, as in the SDK:
// through an IHttpContext3* only the three-argument form is visible (T-17).


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("424c1b8c-a1ba-44d7-ac98-9f8f457701a5") IHttpContext {
public:
    virtual IHttpSite* GetSite(VOID) = 0;
    virtual IHttpApplication* GetApplication(VOID) = 0;
    virtual IHttpConnection* GetConnection(VOID) = 0;
    virtual IHttpRequest* GetRequest(VOID) = 0;
    virtual IHttpResponse* GetResponse(VOID) = 0;
    virtual BOOL GetResponseHeadersSent(VOID) const = 0;
    virtual IHttpUser* GetUser(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) = 0;
    virtual HRESULT PostCompletion(DWORD cbBytes) = 0;
    virtual VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) = 0;
    virtual BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS status, DWORD* pdwNotification,
                                     BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo,
                                     IHttpEventProvider** ppRequestOutput) = 0;
    virtual BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS status) = 0;
    virtual HRESULT ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags,
                                   IHttpUser* pHttpUser, BOOL* pfCompletionExpected = NULL) = 0;
    virtual DWORD GetExecuteFlags(VOID) const = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                                      DWORD* pcchValueLength) = 0;
    virtual HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                                      DWORD* pcchValueLength) = 0;
    virtual HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) = 0;
    virtual VOID* AllocateRequestMemory(DWORD cbAllocation) = 0;
    virtual IHttpUrlInfo* GetUrlInfo(VOID) = 0;
    virtual IMetadataInfo* GetMetadata(VOID) = 0;
    virtual PCWSTR GetPhysicalPath(DWORD* pcchPhysicalPath = NULL) = 0;
    virtual PCWSTR GetScriptName(DWORD* pcchScriptName = NULL) const = 0;
    virtual PCWSTR GetScriptTranslated(DWORD* pcchScriptTranslated = NULL) = 0;
    virtual IScriptMapInfo* GetScriptMap(VOID) const = 0;
    virtual VOID SetRequestHandled(VOID) = 0;
    virtual IHttpFileInfo* GetFileInfo(VOID) const = 0;
    virtual HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath) = 0;
    virtual HRESULT NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput,
                                             BOOL* pfCompletionExpected) = 0;
    virtual IHttpContext* GetParentContext(VOID) const = 0;
    virtual IHttpContext* GetRootContext(VOID) const = 0;
    virtual HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) = 0;
    virtual HRESULT ReleaseClonedContext(VOID) = 0;
    virtual HRESULT GetCurrentExecutionStats(DWORD* pdwNotification,
                                             DWORD* pdwNotificationStartTickCount = NULL,
                                             PCWSTR* ppszModule = NULL,
                                             DWORD* pdwModuleStartTickCount = NULL,
                                             DWORD* pdwAsyncNotification = NULL,
                                             DWORD* pdwAsyncNotificationStartTickCount = NULL) const = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;
    virtual HRESULT GetServerVarChanges(DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
                                        DWORD* pdwVariableSnapshot, PCSTR** ppVariableNameSnapshot,
                                        PCWSTR** ppVariableValueSnapshot, DWORD* pdwDiffedVariables,
                                        DWORD** ppDiffedVariableIndices) = 0;
    virtual HRESULT CancelIo(VOID) = 0;
    virtual HRESULT MapHandler(DWORD dwSiteId, PCWSTR pszSiteName, PCWSTR pszUrl, PCSTR pszVerb,
                               IScriptMapInfo** ppScriptMap,
                               BOOL fIgnoreWildcardMappings = FALSE) = 0;
    // __declspec(deprecated) in the SDK: HttpGetExtendedInterface replaces it.
    virtual HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION version,
                                         PVOID* ppInterface) = 0;

protected:
    ~IHttpContext() = default;
};

class IISFAKE_UUID("c986182c-cf4a-4482-8205-0dbbc1fd6cee") IHttpContext2 : public IHttpContext {
public:
    virtual IHttpUser* GetOriginalUser(VOID) const = 0;

protected:
    ~IHttpContext2() = default;
};

class IISFAKE_UUID("bf53c022-ca4b-4349-a38e-a4b78ad897fb") IHttpContext3 : public IHttpContext2 {
public:
    virtual INamedContextContainer* GetNamedContextContainer(VOID) = 0;
    virtual VOID EnableFullDuplex(VOID) = 0;
    virtual HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist = FALSE) = 0;
    // Hides IHttpContext::PostCompletion(DWORD), as in the SDK (no using-declaration).
    virtual HRESULT PostCompletion(DWORD cbBytes,
                                   LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine,
                                   VOID* pvCompletionContext) = 0;

protected:
    ~IHttpContext3() = default;
};

class IISFAKE_UUID("2c9463d8-4ec4-4622-8917-d486321a9443") IHttpContext4 : public IHttpContext3 {
public:
    virtual ULONGLONG GetRequestStartTime(VOID) = 0;
    virtual ULONGLONG GetRequestElapsedTime(VOID) = 0;

protected:
    ~IHttpContext4() = default;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_context.hpp -----
// ----- begin iisfake/sdk/http_server.hpp -----
#ifndef IISFAKE_SDK_HTTP_SERVER_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_SERVER_HPP_INCLUDED

// IHttpServer .. IHttpServer3 (the server a module gets in RegisterModule), exactly as
// httpserv.h declares them, and HttpGetExtendedInterface, the SDK's inline helper that asks for
// a newer interface version. IHttpServer2::GetExtendedInterface hides the base overload (T-17).


#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#endif

class IISFAKE_UUID("eda2a40f-fb92-4d6d-b52b-c8c207380b4e") IHttpServer {
public:
    virtual BOOL IsCommandLineLaunch(VOID) const = 0;
    virtual PCWSTR GetAppPoolName(VOID) const = 0;
    virtual HRESULT AssociateWithThreadPool(HANDLE hHandle,
                                            LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) = 0;
    virtual VOID IncrementThreadCount(VOID) = 0;
    virtual VOID DecrementThreadCount(VOID) = 0;
    virtual VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) = 0;
    virtual VOID RecycleProcess(PCWSTR pszReason) = 0;
    virtual IAppHostAdminManager* GetAdminManager(VOID) const = 0;
    virtual HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid,
                                PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken,
                                BOOL fCache, IHttpFileInfo** ppFileInfo,
                                IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual HRESULT FlushKernelCache(PCWSTR pszUrl) = 0;
    virtual HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey,
                                     IHttpCacheSpecificData** ppCacheSpecificData,
                                     IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput) = 0;
    virtual IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) = 0;
    virtual VOID RecycleApplication(PCWSTR pszAppConfigPath) = 0;
    virtual VOID NotifyConfigurationChange(PCWSTR pszPath) = 0;
    virtual VOID NotifyFileChange(PCWSTR pszFileName) = 0;
    virtual IDispensedHttpModuleContextContainer* DispenseContainer(VOID) = 0;
    virtual HRESULT AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk, PCWSTR pszFragmentName) = 0;
    virtual HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize,
                                          DWORD* pcbCopied) = 0;
    virtual HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) = 0;
    virtual HRESULT GetWorkerProcessSettings(IWpfSettings** ppWorkerProcessSettings) = 0;
    virtual HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                                      PCWSTR pProtocolManagerDllInitFunction,
                                                      DWORD dwCustomInterfaceId,
                                                      PVOID* ppCustomInterface) = 0;
    virtual BOOL SatisfiesPrecondition(PCWSTR pszPrecondition,
                                       BOOL* pfUnknownPrecondition = NULL) const = 0;
    virtual IHttpTraceContext* GetTraceContext(VOID) const = 0;
    virtual HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken,
                                              IHttpFileMonitor** ppFileMonitor) = 0;
    virtual HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                         PVOID* ppInterface) = 0;

protected:
    ~IHttpServer() = default;
};

class IISFAKE_UUID("34af637e-afe8-4556-bcc1-767f8e0b4a4e") IHttpServer2 : public IHttpServer {
public:
    virtual HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod,
                             IHttpTokenEntry** ppTokenEntry, PCWSTR pszDefaultDomain = NULL,
                             PSOCKADDR pSockAddr = NULL,
                             IHttpTraceContext* pHttpTraceContext = NULL) = 0;
    virtual PCWSTR GetAppPoolConfigFile(DWORD* pcchConfigFilePath = NULL) const = 0;
    // Hides IHttpServer::GetExtendedInterface, as in the SDK (T-17).
    virtual HRESULT GetExtendedInterface(const GUID& Version1, PVOID pInput, const GUID& Version2,
                                         PVOID* ppOutput) = 0;
    virtual HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                                IReferencedMetadataInfo** ppMetadataInfo) = 0;
    virtual HRESULT GetWorkerProcessFramework(IWorkerProcessFramework** ppWorkerProcessFramework) = 0;

protected:
    ~IHttpServer2() = default;
};

class IISFAKE_UUID("f7a66d59-c0a2-48b5-a88f-be5975c960fb") IHttpServer3 : public IHttpServer2 {
public:
    virtual HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId,
                                         PVOID pQualifier, ULONG qualifierSize, PVOID pOutput,
                                         ULONG outputBufferSize, PULONG pcbBytesReturned,
                                         LPOVERLAPPED pOverlapped) = 0;

protected:
    ~IHttpServer3() = default;
};

// The SDK's body with __uuidof, which g++ lacks, spelt through iisfake::uuid_of.
template <class HttpType1, class HttpType2>
HRESULT HttpGetExtendedInterface(IHttpServer* pHttpServer, HttpType1* pInput,
                                 HttpType2** ppOutput) {
    IHttpServer2* pHttpServer2 = NULL;
    HRESULT hr = pHttpServer->GetExtendedInterface(HTTP_SERVER_INTERFACE_V2,
                                                   reinterpret_cast<PVOID*>(&pHttpServer2));
    if (SUCCEEDED(hr))
        hr = pHttpServer2->GetExtendedInterface(::iisfake::uuid_of<HttpType1>(), pInput,
                                                ::iisfake::uuid_of<HttpType2>(),
                                                reinterpret_cast<PVOID*>(ppOutput));
    return hr;
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/http_server.hpp -----
// ----- begin iisfake/sdk/httpcach.hpp -----
#ifndef IISFAKE_SDK_HTTPCACH_HPP_INCLUDED
#define IISFAKE_SDK_HTTPCACH_HPP_INCLUDED

// The IIS SDK's <httpcach.h>: the keys of IIS's URI, file and token caches, as
// IHttpServer::DoCacheOperation and ICacheProvider hand them out. GetCacheName has a body here,
// as in the SDK: it overrides IHttpCacheKey::GetCacheName with the cache's name.


#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpcach.h>
#else

#define URI_CACHE_NAME L"URI"
#define FILE_CACHE_NAME L"FILE"
#define TOKEN_CACHE_NAME L"TOKEN"

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winconsistent-missing-override"
#pragma clang diagnostic ignored "-Wsuggest-override"
#endif
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 5
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsuggest-override"
#endif

class IISFAKE_UUID("f1bc4f8c-6bf8-42c0-b745-4fbe1a67e5a7") IUriKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return URI_CACHE_NAME; }
    virtual PCWSTR GetUrl(VOID) const = 0;
    virtual PCWSTR GetSiteName(VOID) const = 0;
    virtual DWORD GetSiteId(VOID) const = 0;
    virtual VOID UpdateFrequentlyHitTickCount(DWORD dwTicks) = 0;
    virtual PCWSTR GetConfigPath(VOID) const = 0;

protected:
    ~IUriKey() = default;
};

class IISFAKE_UUID("7377f6a4-266c-4043-b62a-9ea955a5e97a") IFileKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return FILE_CACHE_NAME; }
    virtual PCWSTR GetPath(VOID) const = 0;

protected:
    ~IFileKey() = default;
};

class IISFAKE_UUID("1d3dc8cb-fc52-42bc-97e1-1bf02136e8ba") IHttpTokenKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return TOKEN_CACHE_NAME; }
    virtual PCWSTR GetUserName(VOID) const = 0;
    virtual PCWSTR GetPasswordHash(VOID) const = 0;
    // The LOGON32_LOGON_* method used to log the user on.
    virtual DWORD GetLogonMethod(VOID) const = 0;

protected:
    ~IHttpTokenKey() = default;
};

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 5
#pragma GCC diagnostic pop
#endif
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/httpcach.hpp -----
// ----- begin iisfake/sdk/iiswebsocket.hpp -----
#ifndef IISFAKE_SDK_IISWEBSOCKET_HPP_INCLUDED
#define IISFAKE_SDK_IISWEBSOCKET_HPP_INCLUDED

// The IIS SDK's <iiswebsocket.h> (IIS 8 and later): IWebSocketContext, which the WebSocket
// module stores in a request's module context container under the name IIS_WEBSOCKET, and the
// completion it calls. The SDK gives this interface no GUID.


#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <iiswebsocket.h>
#else

#define IIS_WEBSOCKET L"websockets"
#define IIS_WEBSOCKET_SERVER_VARIABLE "IIS_WEBSOCK"

typedef VOID(WINAPI* PFN_WEBSOCKET_COMPLETION)(HRESULT hrError, VOID* pvCompletionContext,
                                               DWORD cbIO, BOOL fUTF8Encoded,
                                               BOOL fFinalFragment, BOOL fClose);

class IWebSocketContext : public IHttpStoredContext {
public:
    virtual HRESULT WriteFragment(VOID* pData, DWORD* pcbSent, BOOL fAsync, BOOL fUTF8Encoded,
                                  BOOL fFinalFragment, PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                  VOID* pvCompletionContext = NULL,
                                  BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT ReadFragment(VOID* pData, DWORD* pcbData, BOOL fAsync, BOOL* pfUTF8Encoded,
                                 BOOL* pfFinalFragment, BOOL* pfConnectionClose,
                                 PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                 VOID* pvCompletionContext = NULL,
                                 BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT SendConnectionClose(BOOL fAsync, USHORT uStatusCode, LPCWSTR pszReason = NULL,
                                        PFN_WEBSOCKET_COMPLETION pfnCompletion = NULL,
                                        VOID* pvCompletionContext = NULL,
                                        BOOL* pfCompletionExpected = NULL) = 0;
    virtual HRESULT GetCloseStatus(USHORT* pStatusCode, LPCWSTR* ppszReason = NULL,
                                   USHORT* pcchReason = NULL) = 0;
    virtual VOID CloseTcpConnection(VOID) = 0;
    virtual VOID CancelOutstandingIO(VOID) = 0;

protected:
    ~IWebSocketContext() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
// ----- end iisfake/sdk/iiswebsocket.hpp -----

#endif
// ----- end iisfake/sdk/httpserv.hpp -----
// ----- begin iisfake/win32/debug.hpp -----
#ifndef IISFAKE_WIN32_DEBUG_HPP_INCLUDED
#define IISFAKE_WIN32_DEBUG_HPP_INCLUDED

// OutputDebugString and DebugBreak for module code off Windows (T-19): recorded through
// iisfake::hooks() for tests to read (iisfake::debug_log()), and DebugBreak never traps. On
// Windows the real functions are used.


#if !defined(_WIN32)

inline VOID WINAPI OutputDebugStringA(LPCSTR lpOutputString) {
    if (void (*record)(const char*) = ::iisfake::hooks().debug_output)
        record(lpOutputString ? lpOutputString : "");
}

inline VOID WINAPI OutputDebugStringW(LPCWSTR lpOutputString) {
    if (void (*record)(const WCHAR*) = ::iisfake::hooks().debug_output_wide)
        record(lpOutputString ? lpOutputString : L"");
}

inline VOID WINAPI DebugBreak(VOID) {
    if (void (*record)() = ::iisfake::hooks().debug_break) record();
}

#if defined(UNICODE)
#define OutputDebugString OutputDebugStringW
#else
#define OutputDebugString OutputDebugStringA
#endif

#endif  // !_WIN32

#endif
// ----- end iisfake/win32/debug.hpp -----
// ----- begin iisfake/debug_log.hpp -----
#ifndef IISFAKE_DEBUG_LOG_HPP_INCLUDED
#define IISFAKE_DEBUG_LOG_HPP_INCLUDED

// What module code said to the debugger, for tests to read: OutputDebugString text, DebugBreak
// calls, and the CHttpModule/CGlobalModule default handlers that ran (a module subscribed to a
// notification without overriding its handler, T-9). Like the Win32 calls it records, it is
// one log for the process: tests read it with debug_log() and empty it with
// clear_debug_log(). A program that calls either has the recorders installed before main.

#include <atomic>
#include <string>
#include <vector>

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

// Reads at most `count` bytes and stops at a NUL, so a cch that runs past the caller's string is
// noticed without reading past its terminator.
template <class Char>
inline bool has_nul(const Char* text, std::size_t count) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (text[i] == Char()) return true;
    return false;
}

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
// A NUL-terminated wide string as UTF-8; "" for NULL.
inline std::string utf8_of(const WCHAR* text) {
    if (!text) return std::string();
    std::size_t length = 0;
    while (text[length]) ++length;
    return wide_to_utf8(text, length);
}

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

IISFAKE_BEGIN_NAMESPACE

struct DebugLog {
    std::vector<std::string> output;     // each OutputDebugString call, UTF-8
    std::vector<std::string> unhandled;  // e.g. "CHttpModule::OnBeginRequest"
    unsigned breaks = 0;                 // DebugBreak calls (none traps)
};

namespace detail {

// A spin lock: module threads may write while a test reads, and <mutex> would reach every test
// file that includes iisfake.
class DebugLogState {
public:
    template <class Change>
    void change(Change apply) {
        Hold hold(busy_);  // released if apply throws (bad_alloc)
        apply(log_);
    }
    DebugLog copy() {
        DebugLog out;
        change([&out](DebugLog& log) { out = log; });
        return out;
    }

private:
    class Hold {
    public:
        explicit Hold(std::atomic_flag& flag) : flag_(flag) {
            while (flag_.test_and_set(std::memory_order_acquire)) {
            }
        }
        ~Hold() { flag_.clear(std::memory_order_release); }
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

    private:
        std::atomic_flag& flag_;
    };

    std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
    DebugLog log_;
};

inline DebugLogState& debug_log_state() {
    static DebugLogState state;
    return state;
}

inline void record_debug_output(const char* text) {
    const std::string line(text);
    debug_log_state().change([&line](DebugLog& log) { log.output.push_back(line); });
}

inline void record_debug_output_wide(const WCHAR* text) {
    std::size_t length = 0;
    while (text[length]) ++length;
    record_debug_output(wide_to_utf8(text, length).c_str());
}

inline void record_debug_break() {
    debug_log_state().change([](DebugLog& log) { ++log.breaks; });
}

inline void record_unhandled(const char* method) {
    const std::string name(method);
    debug_log_state().change([&name](DebugLog& log) { log.unhandled.push_back(name); });
}

template <class Unused>
bool install_debug_recorders() noexcept {
    Hooks& installed = hooks();
    installed.debug_output = &record_debug_output;
    installed.debug_output_wide = &record_debug_output_wide;
    installed.debug_break = &record_debug_break;
    installed.unhandled_notification = &record_unhandled;
    return true;
}

// Installed before main, so before any module runs, in every program that reads the log: a
// template's static member is instantiated (with its recorders and their std::vector code)
// only in the files that call debug_log() or clear_debug_log(), not in every file that
// includes iisfake.
template <class = void>
struct DebugRecorders {
    static const bool installed;
};
template <class Unused>
const bool DebugRecorders<Unused>::installed = install_debug_recorders<Unused>();

}  // namespace detail

// Templates only so that their bodies, and the recorders they install, are compiled where they
// are called: call them as plain functions.
template <class Unused = void>
DebugLog debug_log() {
    static_cast<void>(detail::DebugRecorders<Unused>::installed);
    return detail::debug_log_state().copy();
}

template <class Unused = void>
void clear_debug_log() {
    static_cast<void>(detail::DebugRecorders<Unused>::installed);
    detail::debug_log_state().change([](DebugLog& log) { log = DebugLog(); });
}

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/debug_log.hpp -----
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
    // RESP-3, T-22: a response header set again with fReplace == FALSE. false (default): each
    // value is its own header line (the first in the known slot, the rest as entries of the
    // unknown array under the same name), so Set-Cookie survives; true: joined with
    // append_separator into one line, as the request does.
    bool join_response_values = false;
    // RESP-8, T-3: report a WriteEntityChunkByReference whose memory is neither request memory
    // (IHttpContext::AllocateRequestMemory) nor declared static (declare_static_memory): such
    // memory may be gone when IIS sends it.
    bool strict_request_memory = false;
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

// Which fake a call was made on: one request's calls are one log (FakeHttpContext::calls()),
// and the same method name can belong to the request and the response.
enum class On { request, response, context };

inline const char* on_name(On on) noexcept {
    switch (on) {
        case On::request: return "IHttpRequest";
        case On::response: return "IHttpResponse";
        case On::context: return "IHttpContext";
    }
    return "<not an On>";
}

// The methods of IHttpRequest..4, IHttpResponse..4 and IHttpContext..4; overloads and a name
// two interfaces share (GetHeader, SetHeader, ...) are one Method. Existing values never move.
#define IISFAKE_METHODS_(X) \
    X(GetRawHttpRequest) \
    X(GetHeader) \
    X(SetHeader) \
    X(DeleteHeader) \
    X(GetHttpMethod) \
    X(SetHttpMethod) \
    X(SetUrl) \
    X(GetUrlChanged) \
    X(GetForwardedUrl) \
    X(GetLocalAddress) \
    X(GetRemoteAddress) \
    X(ReadEntityBody) \
    X(InsertEntityBody) \
    X(GetRemainingEntityBytes) \
    X(GetHttpVersion) \
    X(GetClientCertificate) \
    X(NegotiateClientCertificate) \
    X(GetSiteId) \
    X(GetHeaderChanges) \
    X(GetChannelBindingToken) \
    /* IHttpResponse..IHttpResponse4 */ \
    X(GetRawHttpResponse) \
    X(GetCachePolicy) \
    X(SetStatus) \
    X(Clear) \
    X(ClearHeaders) \
    X(SetNeedDisconnect) \
    X(ResetConnection) \
    X(DisableKernelCache) \
    X(GetKernelCacheEnabled) \
    X(SuppressHeaders) \
    X(GetHeadersSuppressed) \
    X(Flush) \
    X(Redirect) \
    X(WriteEntityChunkByReference) \
    X(WriteEntityChunks) \
    X(DisableBuffering) \
    X(GetStatus) \
    X(SetErrorDescription) \
    X(GetErrorDescription) \
    X(CloseConnection) \
    X(PushPromise) \
    X(DeleteTrailer) \
    X(GetTrailer) \
    X(ResetStream) \
    X(SetNeedGoAway) \
    X(SetTrailer) \
    /* IHttpContext..IHttpContext4 */ \
    X(GetSite) \
    X(GetApplication) \
    X(GetConnection) \
    X(GetRequest) \
    X(GetResponse) \
    X(GetResponseHeadersSent) \
    X(GetUser) \
    X(GetModuleContextContainer) \
    X(IndicateCompletion) \
    X(PostCompletion) \
    X(DisableNotifications) \
    X(GetNextNotification) \
    X(GetIsLastNotification) \
    X(ExecuteRequest) \
    X(GetExecuteFlags) \
    X(GetServerVariable) \
    X(SetServerVariable) \
    X(AllocateRequestMemory) \
    X(GetUrlInfo) \
    X(GetMetadata) \
    X(GetPhysicalPath) \
    X(GetScriptName) \
    X(GetScriptTranslated) \
    X(GetScriptMap) \
    X(SetRequestHandled) \
    X(GetFileInfo) \
    X(MapPath) \
    X(NotifyCustomNotification) \
    X(GetParentContext) \
    X(GetRootContext) \
    X(CloneContext) \
    X(ReleaseClonedContext) \
    X(GetCurrentExecutionStats) \
    X(GetTraceContext) \
    X(GetServerVarChanges) \
    X(CancelIo) \
    X(MapHandler) \
    X(GetExtendedInterface) \
    X(GetOriginalUser) \
    X(GetNamedContextContainer) \
    X(EnableFullDuplex) \
    X(InheritServerVariable) \
    X(GetRequestStartTime) \
    X(GetRequestElapsedTime)

enum class Method {
#define IISFAKE_METHOD_ENUMERATOR_(name) name,
    IISFAKE_METHODS_(IISFAKE_METHOD_ENUMERATOR_)
#undef IISFAKE_METHOD_ENUMERATOR_
};

constexpr int method_count = 0
#define IISFAKE_METHOD_COUNT_(name) +1
    IISFAKE_METHODS_(IISFAKE_METHOD_COUNT_)
#undef IISFAKE_METHOD_COUNT_
    ;

inline const char* method_name(Method method) noexcept {
    static const char* const names[] = {
#define IISFAKE_METHOD_NAME_(name) #name,
        IISFAKE_METHODS_(IISFAKE_METHOD_NAME_)
#undef IISFAKE_METHOD_NAME_
    };
    const int index = static_cast<int>(method);
    return index >= 0 && index < method_count ? names[index] : "<not a Method>";
}

#undef IISFAKE_METHODS_

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
        case Method::SetStatus:
        case Method::Flush:
        case Method::Redirect:
        case Method::WriteEntityChunkByReference:
        case Method::WriteEntityChunks:
        case Method::SetErrorDescription:
        case Method::PushPromise:
        case Method::DeleteTrailer:
        case Method::SetTrailer:
        case Method::PostCompletion:
        case Method::ExecuteRequest:
        case Method::GetServerVariable:
        case Method::SetServerVariable:
        case Method::MapPath:
        case Method::NotifyCustomNotification:
        case Method::CloneContext:
        case Method::ReleaseClonedContext:
        case Method::GetCurrentExecutionStats:
        case Method::GetServerVarChanges:
        case Method::CancelIo:
        case Method::MapHandler:
        case Method::GetExtendedInterface:
        case Method::InheritServerVariable:
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
    On on = On::request;    // the fake it was made on
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
    template <class>
    friend class FakeHttpContextBase;  // CloneContext builds the child's request from one

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

// ----- begin iisfake/detail/request_core.hpp -----
#ifndef IISFAKE_DETAIL_REQUEST_CORE_HPP_INCLUDED
#define IISFAKE_DETAIL_REQUEST_CORE_HPP_INCLUDED

// The per-request core the request, response and context fakes share. In IIS a request's body
// reads, response writes, flushes and PostCompletions are one stream of operations: one ordered
// call log, one completion queue, one misuse handler, one list of injected faults. A fake built
// alone owns its core; a FakeHttpContext owns one for all three.

#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/detail/pipeline.hpp -----
#ifndef IISFAKE_DETAIL_PIPELINE_HPP_INCLUDED
#define IISFAKE_DETAIL_PIPELINE_HPP_INCLUDED

// What a context and its response ask of the pipeline host running their request (ModuleHost):
// the calls through which module code steers the pipeline. A context a test drives directly has
// none, and only records these calls.

#include <string>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

class Pipeline {
public:
    // IHttpContext::IndicateCompletion (§1.7 item 6).
    virtual void indicate_completion(REQUEST_NOTIFICATION_STATUS status) = 0;
    // IHttpContext::DisableNotifications, for the module running now (PIPE-4).
    virtual void disable_notifications(DWORD notifications, DWORD post_notifications) = 0;
    // IHttpContext::NotifyCustomNotification: OnCustomRequestNotification of every module that
    // registered RQ_CUSTOM_NOTIFICATION.
    virtual HRESULT notify_custom(ICustomNotificationProvider* provider,
                                  BOOL* completion_expected) = 0;
    // Before each send of the response: OnSendResponse of every module that registered
    // RQ_SEND_RESPONSE (T-21). Returns the send's flags as the handlers left them.
    virtual DWORD before_send(bool headers_being_sent, bool final, DWORD flags) = 0;
    // IHttpContext::ExecuteRequest of a context CloneContext made (CTX-9): runs `child` (a
    // FakeHttpContext) through the pipeline; its completion reaches the calling module, unless
    // the request's async policy completes it inline (*completion_expected FALSE).
    virtual HRESULT execute_child(IHttpContext4& child, DWORD flags, bool skip_authentication,
                                  BOOL* completion_expected) = 0;
    // A URL mapped to a physical path: OnMapPath of every module that registered RQ_MAP_PATH,
    // which may replace `physical_path` (PROV-5).
    virtual void map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) = 0;
    // Entity bytes read from the client into `buffer`: OnReadEntity of every module that
    // registered RQ_READ_ENTITY, which may substitute them (PROV-7). Returns the byte count.
    virtual DWORD read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) = 0;
    // The notification running now and its module's name (CTX-14); 0 between notifications.
    virtual DWORD current_notification(PCWSTR* module) = 0;

protected:
    ~Pipeline() = default;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/pipeline.hpp -----

IISFAKE_BEGIN_NAMESPACE

// Receives the completion of a pending operation (a body read, an asynchronous write or flush,
// NegotiateClientCertificate, PostCompletion) and returns what the module's completion handler
// returned. The pipeline host sets CHttpModule::OnAsyncCompletion of the running module.
using CompletionSink = Callback<REQUEST_NOTIFICATION_STATUS(IHttpCompletionInfo* info)>;

// One delivered completion, as recorded by the fake.
struct Completion {
    DWORD bytes;
    HRESULT status;
    DWORD operation;
    bool to_callback;  // delivered to a PFN_ASYNC_COMPLETION or completion routine
    bool delivered;    // false when no sink was set for the sink form
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
    virtual void pause() = 0;  // a millisecond, while another thread may post a completion
};

class CompletionThreads;  // include <iisfake/threaded_delivery.hpp> to use deliver_on_thread()

template <class Unused>
struct completion_threads_for {
    using type = CompletionThreads;
};

struct Transfer {
    DWORD bytes;
    HRESULT status;
    bool from_client = false;  // entity bytes read from the client (RQ_READ_ENTITY)
};

enum class OperationKind { read, negotiate, write, post };

struct Operation;

// The fake that started an operation does its part when it completes: a read fills the
// caller's buffer from the body as it is then, a write sends the chunks it kept.
class OperationOwner {
public:
    virtual Transfer complete_operation(const Operation& op) = 0;

protected:
    ~OperationOwner() = default;
};

struct Operation {
    OperationKind kind;
    OperationOwner* owner;  // NULL for PostCompletion: nothing to do but deliver
    unsigned char* buffer;  // a read's destination
    DWORD size;             // a read's capacity, a write's or PostCompletion's byte count
    bool has_callback;      // a PFN_ASYNC_COMPLETION form (IHttpRequest3, IHttpResponse2)
    PFN_ASYNC_COMPLETION callback;
    void* context;
    LPOVERLAPPED_COMPLETION_ROUTINE routine;  // IHttpContext3::PostCompletion
    CompletionSink sink;  // the sink when the operation started: the module that waits
    bool due;             // complete_before_return, delivered once the nesting unwinds
    bool more_data;       // a write's fMoreData
    // What the host makes of a PFN_ASYNC_COMPLETION callback's result (set at start).
    Callback<void(REQUEST_NOTIFICATION_STATUS)> callback_returned = nullptr;
};

// Gives a variable a value for a scope, then its old one back (a guard against re-entry, a
// nesting depth).
template <class T>
class ScopedValue {
public:
    ScopedValue(T& variable, T value) : variable_(variable), old_(variable) { variable_ = value; }
    ~ScopedValue() { variable_ = old_; }
    ScopedValue(const ScopedValue&) = delete;
    ScopedValue& operator=(const ScopedValue&) = delete;

private:
    T& variable_;
    T old_;
};

// Set while the fakes or the host act on a request's behalf (copying it for a clone, serving a
// static file): those calls are not the module's and stay out of its call log. Per thread, so a
// module's own thread calling at the same time is still logged.
inline bool& acting_for_iis() noexcept {
    static thread_local bool acting = false;
    return acting;
}

class ActingForIis {
public:
    // ActingForIis(false): module code runs again (a handler the host calls from inside).
    explicit ActingForIis(bool acting = true) noexcept : was_(acting_for_iis()) {
        acting_for_iis() = acting;
    }
    ~ActingForIis() { acting_for_iis() = was_; }
    ActingForIis(const ActingForIis&) = delete;
    ActingForIis& operator=(const ActingForIis&) = delete;

private:
    bool was_;
};

template <class Unused = void>
class RequestCore {
public:
    RequestCore() = default;
    RequestCore(const RequestCore&) = delete;
    RequestCore& operator=(const RequestCore&) = delete;
    ~RequestCore() {
        if (concurrency_) concurrency_->join_all();
    }

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

    // ---- call log, faults, misuse ------------------------------------------------------------
    void record(On on, Method method, std::string arguments, HRESULT result) const {
        if (acting_for_iis()) return;
        Lock guard = lock();
        ++call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)];
        if (options_.record_calls) calls_.push_back(Call{method, std::move(arguments), result, on});
    }
    // Counts a call without logging it (the hot path of GetHeader with the log off, no threads).
    void count(On on, Method method) const {
        if (acting_for_iis()) return;
        ++call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)];
    }
    std::vector<Call> calls() const {
        Lock guard = lock();
        return std::vector<Call>(calls_.begin(), calls_.end());
    }
    std::vector<Call> calls(On on) const {
        Lock guard = lock();
        std::vector<Call> out;
        for (const Call& call : calls_)
            if (call.on == on) out.push_back(call);
        return out;
    }
    void clear_calls() {
        Lock guard = lock();
        calls_.clear();
    }
    void clear_calls(On on) {
        Lock guard = lock();
        std::deque<Call> kept;
        for (Call& call : calls_)
            if (call.on != on) kept.push_back(std::move(call));
        calls_.swap(kept);
    }

    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result,
                   const char* outcome = nullptr) const {
        Misuse misuse{method, rule, std::move(problem), result,
                      outcome ? std::string(outcome) : "IIS returns " + hresult_text(result)};
        {
            Lock guard = lock();
            misuses_.push_back(misuse);
        }
        if (misuse_handler_) misuse_handler_(misuse);
        return result;
    }
    // Reported once the call is in the log, so a throwing handler does not hide the call.
    HRESULT defer(const char* method, const char* rule, std::string problem, HRESULT result) {
        deferred_ = Misuse{method, rule, std::move(problem), result, std::string()};
        has_deferred_ = true;
        return result;
    }
    void report_deferred() {
        if (!has_deferred_) return;
        has_deferred_ = false;
        report(deferred_.method.c_str(), deferred_.rule.c_str(), deferred_.problem,
               deferred_.result);
    }

    void add_fault(On on, Method method, unsigned nth, HRESULT result) {
        faults_.push_back(Fault{on, check_fault(method, result), nth, result});
    }
    void clear_faults(On on) {
        std::vector<Fault> kept;
        for (const Fault& fault : faults_)
            if (fault.on != on) kept.push_back(fault);
        faults_.swap(kept);
    }
    // Whether this call is to fail; the count includes this call.
    bool injected(On on, Method method, HRESULT& result) const {
        const unsigned count =
            call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)] + 1;
        for (const auto& fault : faults_) {
            if (fault.on == on && fault.method == method &&
                (fault.nth == 0 || fault.nth == count)) {
                result = fault.result;
                return true;
            }
        }
        return false;
    }
    bool injected_recorded(On on, Method method, const std::string& arguments, HRESULT& result) {
        if (!injected(on, method, result)) return false;
        record(on, method, arguments, result);
        return true;
    }

    // ---- completion queue ----------------------------------------------------------------------
    void deliver_on_thread(bool on) {
        if (on && !concurrency_) {
            concurrency_.reset(new typename completion_threads_for<Unused>::type());
        } else if (!on && concurrency_) {
            wait_for_completions();
            concurrency_.reset();
        }
    }
    bool threaded() const noexcept { return static_cast<bool>(concurrency_); }
    // Completions on threads the caller made (ModuleHost::deliver_on_threads); takes it over.
    void adopt_concurrency(Concurrency* threads) {
        wait_for_completions();
        concurrency_.reset(threads);
    }
    // Waits for the completion threads without rethrowing what they threw (a destructor).
    void join_threads() {
        if (concurrency_) concurrency_->join_all();
    }
    // Waits a moment for a thread of the module's own (threaded delivery only).
    void pause() {
        if (concurrency_) concurrency_->pause();
    }
    void wait_for_completions() {
        if (!concurrency_) return;
        concurrency_->join_all();
        const std::exception_ptr failure = concurrency_->take_failure();
        if (failure) std::rethrow_exception(failure);
    }

    // Whether an asynchronous operation goes pending, per Options::async_policy (REQ-READ-5,
    // T-10); `counter` counts the asynchronous calls of its kind (reads, or writes).
    bool goes_pending(BOOL* pending_out, std::size_t& counter) const {
        if (!pending_out) return true;  // REQ-READ-9: the caller waits for a completion
        const std::size_t index = counter++;
        switch (options_.async_policy) {
            case AsyncPolicy::always_inline:
                return false;
            case AsyncPolicy::alternate:
                return index % 2 == 0;
            case AsyncPolicy::scripted:
                return index < options_.async_script.size() ? bool(options_.async_script[index])
                                                            : true;
            case AsyncPolicy::always_pending:
            case AsyncPolicy::complete_before_return:
                return true;
        }
        return true;
    }

    // Queues an operation that went pending (caller holds no lock). With complete_before_return
    // the completion arrives before the call that started it returns.
    void start(Operation op) {
        bool deliver_now = false;
        {
            Lock guard = lock();
            op.sink = sink_;
            op.callback_returned = callback_sink_;
            deliver_now = options_.async_policy == AsyncPolicy::complete_before_return;
            // Delivered before returning, so it never waits in pending_ where it could be
            // mistaken for an older operation.
            if (!deliver_now) pending_.push_back(op);
        }
        if (deliver_now) deliver_before_return(op);
    }
    // The same, for an operation the caller has already recorded and whose completion must
    // wait for the call to return (PostCompletion is always queued).
    void queue(Operation op) {
        Lock guard = lock();
        op.sink = sink_;
        op.callback_returned = callback_sink_;
        pending_.push_back(op);
    }
    // Whether an operation of this kind is pending (a second read, a second write).
    bool pending_of(OperationKind kind) const {
        Lock guard = lock();
        for (const Operation& op : pending_)
            if (op.kind == kind) return true;
        return false;
    }
    bool has_pending() const {
        Lock guard = lock();
        return !pending_.empty();
    }
    std::size_t pending_count() const {
        Lock guard = lock();
        return pending_.size();
    }
    std::vector<Completion> completions() const {
        Lock guard = lock();
        return completions_;
    }
    void complete_pending(const char* who) { complete_oldest(who, false, S_OK, 0); }
    void complete_pending_with(const char* who, HRESULT status, DWORD bytes) {
        complete_oldest(who, true, status, bytes);
    }
    // Cancels what is pending now, as CancelIo does; an operation the module starts from the
    // aborted completion is new I/O and stays pending.
    void cancel_pending(const char* who) {
        const std::size_t count = pending_count();
        for (std::size_t i = 0; i < count; ++i)
            complete_oldest(who, true, HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), 0);
    }
    // Drops what is still pending: the request has ended and IIS delivers nothing after.
    std::size_t discard_pending() {
        Lock guard = lock();
        const std::size_t count = pending_.size();
        pending_.clear();
        return count;
    }
    void expect_nothing_pending(const char* who) {
        const std::size_t count = pending_count();
        if (count > 0)
            report(who, "T-10", std::to_string(count) + " asynchronous operation(s) still pending",
                   S_OK, "the completion never arrives");
    }
    // At the request's end: threads joined, an operation still pending reported.
    void end_of_request(const char* who) {
        if (concurrency_) concurrency_->join_all();
        if (!pending_.empty() && std::uncaught_exceptions() == 0)
            report(who, "T-10",
                   std::to_string(pending_.size()) +
                       " asynchronous operation(s) still pending when the request ended; a "
                       "module must wait for its completion",
                   S_OK, "the completion never arrives");
    }

    Options options_;
    MisuseHandler misuse_handler_ = throw_misuse;
    mutable std::vector<Misuse> misuses_;
    CompletionSink sink_;
    Callback<void(REQUEST_NOTIFICATION_STATUS)> callback_sink_;  // set with sink_ by the host
    IHttpContext3* http_context_ = nullptr;  // what PFN_ASYNC_COMPLETION callbacks receive
    Pipeline* pipeline_ = nullptr;           // the host running the request (ModuleHost)
    std::string name_ = "FakeHttpRequest";   // the fake that owns it, for misuse reports

private:
    struct Fault {
        On on;
        Method method;
        unsigned nth;  // 0: every call
        HRESULT result;
    };

    void complete_oldest(const char* who, bool forced, HRESULT status, DWORD bytes) {
        Operation op{};
        {
            Lock guard = lock();
            if (pending_.empty()) {
                report(who, "T-10",
                       "a completion was requested but no asynchronous operation is pending", S_OK,
                       "nothing is delivered");
                return;
            }
            const Operation& oldest = pending_.front();
            if (forced && oldest.kind != OperationKind::write &&
                oldest.kind != OperationKind::post && bytes > oldest.size)
                throw std::invalid_argument(
                    "iisfake: complete_pending_with: " + std::to_string(bytes) +
                    " bytes do not fit the pending operation's buffer of " +
                    std::to_string(oldest.size) + " bytes");
            op = oldest;
            pending_.pop_front();
        }
        dispatch(op, forced, status, bytes);
    }

    void dispatch(Operation op, bool forced, HRESULT status, DWORD bytes) {
        if (!concurrency_) {
            finish(op, forced, status, bytes);
            return;
        }
        concurrency_->run([this, op, forced, status, bytes] { finish(op, forced, status, bytes); });
    }

    // AsyncPolicy::complete_before_return. A module that reads again from its completion would
    // nest one delivery per read on this stack, and a large body would overflow it; IIS
    // delivers on pool threads and never nests without bound. So past a few levels the
    // completion waits in pending_, marked due, and the outermost delivery runs it once the call
    // that started it has returned: the stack stays flat whatever the body's size.
    void deliver_before_return(Operation op) {
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
            Operation next = *due;
            pending_.erase(due);
            finish(next, false, S_OK, 0);
        }
    }

    void finish(const Operation& op, bool forced, HRESULT status, DWORD bytes) {
        Transfer result{bytes, status};
        // The owner locks what it touches itself: what it raises (OnReadEntity, OnSendResponse)
        // is module code, which must not run under the request's lock (T-26).
        if (!forced) result = op.owner ? op.owner->complete_operation(op) : Transfer{op.size, S_OK};
        FakeHttpCompletionInfo info(result.bytes, result.status,
                                    op.kind == OperationKind::read ? options_.read_operation_code
                                                                   : options_.other_operation_code);
        const bool to_callback = op.has_callback || op.routine != nullptr;
        const bool delivered = to_callback || static_cast<bool>(op.sink);
        std::size_t slot = 0;
        {
            // Recorded before delivery: a completion delivered from inside this one (the module
            // reads again and complete_before_return completes that read) comes after it.
            Lock guard = lock();
            slot = completions_.size();
            completions_.push_back(Completion{result.bytes, result.status,
                                              info.GetCompletedOperation(), to_callback, delivered,
                                              RQ_NOTIFICATION_CONTINUE});
        }
        // Without a sink (a test that only looks at the buffer) the completion goes nowhere; it
        // is still in completions(), with delivered == false. But a sink set after the operation
        // started means the test expected it to arrive: the module would never resume.
        if (!delivered) {
            bool sink_now = false;
            {
                Lock guard = lock();
                sink_now = static_cast<bool>(sink_);
            }
            if (sink_now)
                report((name_ + "::complete_pending").c_str(), "REQ-READ-5",
                       "the operation started before set_completion_sink(), so its completion "
                       "has no sink: in IIS it resumes the module that started it; set the sink "
                       "first",
                       S_OK, "the completion is dropped and the module never resumes");
            return;
        }
        REQUEST_NOTIFICATION_STATUS returned = RQ_NOTIFICATION_CONTINUE;
        if (op.routine) {
            // An OVERLAPPED completion routine gets a Win32 error code, not an HRESULT.
            const DWORD code =
                SUCCEEDED(result.status) ? 0u : static_cast<DWORD>(result.status) & 0xFFFFu;
            op.routine(code, result.bytes, static_cast<LPOVERLAPPED>(op.context));
        } else if (op.has_callback) {
            returned = op.callback(http_context_, &info, op.context);
            // REQ-R3-3 [I]: the callback's result stands for the pending notification's.
            if (op.callback_returned) op.callback_returned(returned);
        } else {
            returned = op.sink(&info);
        }
        Lock guard = lock();
        completions_[slot].returned = returned;
    }

    mutable std::deque<Call> calls_;  // a deque: no reallocation spikes in long logs
    mutable unsigned call_counts_[3][method_count] = {};
    std::vector<Fault> faults_;
    Misuse deferred_;
    bool has_deferred_ = false;

    std::deque<Operation> pending_;
    std::vector<Completion> completions_;
    // Completions delivered inside the call that started them, nested on this stack.
    static constexpr std::size_t max_nested_deliveries = 8;
    std::size_t delivery_depth_ = 0;
    std::unique_ptr<Concurrency> concurrency_;  // set while completions run on threads
};

}  // namespace detail

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/request_core.hpp -----
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
#include <stdexcept>
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

inline bool bad_value_byte(char c) noexcept { return c == '\r' || c == '\n' || c == '\0'; }

// The separator is the test's choice, and CR or LF in it would inject headers.
inline void check_separator(const std::string& separator) {
    for (char c : separator)
        if (bad_value_byte(c))
            throw std::invalid_argument("iisfake: Options::append_separator holds CR, LF or NUL");
}


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

    // Empties every known slot and the unknown array (IHttpResponse::ClearHeaders), in time
    // proportional to the headers there are.
    void clear_all() {
        for (std::size_t id = 0; id < KnownCount; ++id) clear_known(static_cast<int>(id));
        if (raw_.pUnknownHeaders != array_) {  // module code's own array: never written into
            if (raw_.pUnknownHeaders) ++changes_;
            raw_.pUnknownHeaders = nullptr;
            raw_.UnknownHeaderCount = 0;
            return;
        }
        const std::size_t count = unknown_count();
        for (std::size_t i = 0; i < count; ++i) {
            if (values_[i].data == array_[i].pRawValue) retire(values_[i]);
            values_[i] = Block{nullptr, 0, 0};
        }
        if (poison_) poison_entries(array_, 0, count);
        if (count) ++changes_;
        raw_.UnknownHeaderCount = 0;
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

namespace detail {

// The implementation, a template only so that a TU that includes iisfake without constructing a
// fake request compiles none of it (users include iisfake in every test file). Use
// iisfake::FakeHttpRequest.
template <class Unused = void>
class FakeHttpRequestBase : public IHttpRequest4 {
public:
    using Core = RequestCore<Unused>;
    FakeHttpRequestBase() : FakeHttpRequestBase(RequestBuilder()) {}
    explicit FakeHttpRequestBase(const RequestBuilder& spec);
    // A request that shares `core` (call log, faults, misuse handler, completion queue) with
    // the response and context of the same request. Used by FakeHttpContext.
    FakeHttpRequestBase(const RequestBuilder& spec, Core& core);
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
    // Shared with the response and context of the same request (one Options per request).
    Options& options() noexcept { return options_; }
    const Options& options() const noexcept { return options_; }
    // Replaces how misuse is reported (default: throw MisuseError). iisfake::ignore_misuse
    // turns reporting off; the fake then only returns the HRESULT IIS returns.
    void set_misuse_handler(MisuseHandler handler) { core_->misuse_handler_ = std::move(handler); }
    // Every call of `method` from now on returns `result` without effect. Only methods that
    // return an HRESULT can fail, and only with a failure HRESULT (a success that did nothing
    // would hand module code out-parameters never written); anything else throws
    // std::invalid_argument.
    void fail(Method method, HRESULT result) {
        core_->add_fault(On::request, method, 0, result);
    }
    // The nth call of `method` (1-based, counting every call since construction) returns
    // `result` without effect.
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_->add_fault(On::request, method, nth, result);
    }
    void clear_faults() { core_->clear_faults(On::request); }
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
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_->lock();
        core_->sink_ = std::move(sink);
    }
    // What PFN_ASYNC_COMPLETION callbacks receive as their IHttpContext3*: the FakeHttpContext
    // that owns this request, or whatever the test sets (NULL for a request built alone).
    void set_http_context(IHttpContext3* context) noexcept { core_->http_context_ = context; }
    // Deliver completions on a second thread, as IIS does from its pool; false goes back to the
    // calling thread after waiting. Needs <iisfake/threaded_delivery.hpp> (or
    // IISFAKE_CONFIG_THREADED_DELIVERY defined before <iisfake/iisfake.hpp>), which keeps
    // <thread> and <mutex> out of the test files that do not use threads.
    void deliver_on_thread(bool on = true) { core_->deliver_on_thread(on); }
    // Waits for every completion running on another thread (also those their modules started)
    // and rethrows the first exception one of them threw. Returns at once without threads.
    void wait_for_completions() { core_->wait_for_completions(); }

    bool has_pending() const { return core_->has_pending(); }
    std::size_t pending_count() const { return core_->pending_count(); }
    // Completes the oldest pending operation: a read fills the caller's buffer now, from the
    // body as it is now, and its IHttpCompletionInfo2 goes to the callback or the sink.
    void complete_pending() { core_->complete_pending("FakeHttpRequest::complete_pending"); }
    // Completes the oldest pending operation with `status` and `bytes`, leaving the buffer
    // untouched (an error injected into a completion).
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_->complete_pending_with("FakeHttpRequest::complete_pending", status, bytes);
    }
    // Completes every pending operation with HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), as
    // IHttpContext::CancelIo does (REQ-CI-3).
    void cancel_pending() { core_->cancel_pending("FakeHttpRequest::cancel_pending"); }
    // Reports misuse if an operation is still pending (a module that forgot to wait).
    void expect_nothing_pending() {
        core_->expect_nothing_pending("FakeHttpRequest::expect_nothing_pending");
    }
    std::vector<Completion> completions() const { return core_->completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    // The calls made on this request. FakeHttpContext::calls() has the whole request's, in order.
    std::vector<Call> calls() const { return core_->calls(On::request); }
    void clear_calls() { core_->clear_calls(On::request); }
    // Every misuse reported so far, thrown or not. With deliver_on_thread(), read it after
    // wait_for_completions(): completions report on their own thread.
    const std::vector<Misuse>& misuses() const noexcept { return core_->misuses_; }
    DWORD site_id() const noexcept { return site_id_; }
    // The raw struct, read without a call in the log (GetRawHttpRequest is logged).
    const HTTP_REQUEST& raw() const noexcept { return raw_; }
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
    using Transfer = detail::Transfer;
    struct Inserted {
        const unsigned char* data;  // the caller's memory, read at read time (T-3)
        DWORD size;
        DWORD offset;
    };

    typename Core::Lock lock() const { return core_->lock(); }
    void record(Method method, std::string arguments, HRESULT result) const {
        core_->record(On::request, method, std::move(arguments), result);
    }
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result,
                   const char* outcome = nullptr) const {
        return core_->report(method, rule, std::move(problem), result, outcome);
    }
    HRESULT defer(const char* method, const char* rule, std::string problem, HRESULT result) {
        return core_->defer(method, rule, std::move(problem), result);
    }
    void report_deferred() { core_->report_deferred(); }
    bool injected(Method method, HRESULT& result) {
        return core_->injected(On::request, method, result);
    }
    // A fault for this call: recorded in the log; the caller returns `result`.
    bool injected_recorded(Method method, const std::string& arguments, HRESULT& result) {
        return core_->injected_recorded(On::request, method, arguments, result);
    }
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
    void build(const RequestBuilder& spec);

    HRESULT read(const char* method, VOID* buffer, DWORD size, BOOL async,
                 PFN_ASYNC_COMPLETION callback, void* context, bool has_callback, DWORD* received,
                 BOOL* pending, std::string extra);
    bool at_end() const;
    Transfer transfer(unsigned char* out, DWORD capacity);
    bool disconnected() const;
    bool io_pending() const;
    Transfer complete_operation(const Operation& op);
    void raise_read_entity(unsigned char* buffer, DWORD capacity, Transfer& result);
    // Completes this fake's operations for the core. A member rather than a base class: a
    // completion running on another thread calls it while the destructor waits for that
    // thread, and a member keeps its vtable until the destructor's body has returned.
    class Completer final : public OperationOwner {
    public:
        explicit Completer(FakeHttpRequestBase& fake) : fake_(fake) {}
        Completer(const Completer&) = delete;
        Completer& operator=(const Completer&) = delete;
        virtual ~Completer() = default;
        Transfer complete_operation(const Operation& op) override {
            return fake_.complete_operation(op);
        }

    private:
        FakeHttpRequestBase& fake_;
    };
    Completer completer_{*this};
    std::string method_text() const;

    std::unique_ptr<Core> own_core_;  // when built alone
    Core* core_;
    Options& options_;

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

    std::size_t async_reads_ = 0;
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

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpRequestBase<void>;
IISFAKE_END_NAMESPACE
#else
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
FakeHttpRequestBase<Unused>::FakeHttpRequestBase(const RequestBuilder& spec)
    : own_core_(new Core), core_(own_core_.get()), options_(core_->options_), raw_(), local_(),
      remote_(), ssl_() {
    build(spec);
}

template <class Unused>
FakeHttpRequestBase<Unused>::FakeHttpRequestBase(const RequestBuilder& spec, Core& core)
    : core_(&core), options_(core.options_), raw_(), local_(), remote_(), ssl_() {
    build(spec);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::build(const RequestBuilder& spec) {
    options_ = spec.options_;
    site_id_ = spec.site_id_;
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
FakeHttpRequestBase<Unused>::~FakeHttpRequestBase() noexcept(false) {
    if (own_core_) own_core_->end_of_request("FakeHttpRequest::~FakeHttpRequest");
}

// ---- headers --------------------------------------------------------------------------------

template <class Unused>
const char* FakeHttpRequestBase<Unused>::find_header(const char* name, std::size_t length,
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
PCSTR FakeHttpRequestBase<Unused>::GetHeader(PCSTR pszHeaderName,
                                                    USHORT* pcchHeaderValue) const {
    if (!pszHeaderName) {
        record(Method::GetHeader, "NULL", S_OK);
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpRequest::GetHeader", "REQ-GH-7", "pszHeaderName is NULL", S_OK,
               "the fake returns NULL");
        return nullptr;
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (options_.record_calls || core_->threaded()) record(Method::GetHeader, pszHeaderName, S_OK);
    else core_->count(On::request, Method::GetHeader);
    return find_header(pszHeaderName, length, pcchHeaderValue);
}

// The id arrives as an int: module code passes -1 for "not found" and other values outside the
// enumeration, which must never be used as an index (T-6).
template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::report_bad_id(const char* method, int id,
                                                          HRESULT result) const {
    return report(method, "REQ-GH-6",
                  "header id " + std::to_string(id) + " is not a request header id (0..40)",
                  result, result == S_OK ? "the fake returns NULL" : nullptr);
}

template <class Unused>
PCSTR FakeHttpRequestBase<Unused>::GetHeader(HTTP_HEADER_ID ulHeaderIndex,
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
HRESULT FakeHttpRequestBase<Unused>::SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue,
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
HRESULT FakeHttpRequestBase<Unused>::SetHeader(HTTP_HEADER_ID ulHeaderIndex,
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
HRESULT FakeHttpRequestBase<Unused>::set_header(const char* method, int id,
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
HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(PCSTR pszHeaderName) {
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
HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) {
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
void FakeHttpRequestBase<Unused>::retire(PCSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::retire(PCWSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = wide_strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::method_text() const {
    if (raw_.Verb == HttpVerbUnknown)
        return raw_.pUnknownVerb ? std::string(raw_.pUnknownVerb, raw_.UnknownVerbLength)
                                 : std::string();
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
PCSTR FakeHttpRequestBase<Unused>::GetHttpMethod(VOID) const {
    record(Method::GetHttpMethod, std::string(), S_OK);
    if (raw_.Verb == HttpVerbUnknown) return raw_.pUnknownVerb ? raw_.pUnknownVerb : "";
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::set_verb(const std::string& verb) {
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
HRESULT FakeHttpRequestBase<Unused>::SetHttpMethod(PCSTR pszHttpMethod) {
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
void FakeHttpRequestBase<Unused>::build_cooked_url(const detail::wide_string& host,
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
bool FakeHttpRequestBase<Unused>::is_local_host(const detail::wide_string& host) const {
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
HRESULT FakeHttpRequestBase<Unused>::set_url(const detail::wide_string& given,
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
HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCWSTR pszUrl, DWORD cchUrl,
                                                   BOOL fResetQueryString) {
    const bool runs_past = pszUrl && detail::has_nul(pszUrl, cchUrl);
    return set_url_call(!pszUrl && cchUrl > 0, runs_past, true,
                        pszUrl && !runs_past ? detail::wide_string(pszUrl, cchUrl)
                                             : detail::wide_string(),
                        fResetQueryString);
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCSTR pszUrl, DWORD cchUrl,
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
HRESULT FakeHttpRequestBase<Unused>::set_url_call(bool null_with_length, bool runs_past,
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
bool FakeHttpRequestBase<Unused>::disconnected() const {
    return disconnect_armed_ && body_offset_ >= disconnect_at_ &&
           body_offset_ < announced_length_;
}

template <class Unused>
bool FakeHttpRequestBase<Unused>::at_end() const {
    for (const auto& chunk : inserted_)
        if (chunk.offset < chunk.size) return false;
    return body_offset_ >= announced_length_;
}

template <class Unused>
typename FakeHttpRequestBase<Unused>::Transfer FakeHttpRequestBase<Unused>::transfer(unsigned char* out, DWORD capacity) {
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
    return Transfer{n, S_OK, true};
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::read(const char* method, VOID* buffer, DWORD size, BOOL async,
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
    Operation op{};
    Transfer inline_result{0, S_OK};
    bool done_inline = false;
    {
        auto guard = lock();
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
        if (io_pending()) {
            finish_now(0, HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
            return report(method, "REQ-READ-8",
                          "a second read while one is still pending (only one outstanding read "
                          "per request unless full duplex is enabled)",
                          HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        }
        if (!async) {
            inline_result = transfer(static_cast<unsigned char*>(buffer), size);
            done_inline = true;
        } else {
            bool inserted_left = false;
            for (const auto& chunk : inserted_)
                inserted_left = inserted_left || chunk.offset < chunk.size;
            // A client that went away fails the read as the policy says: inline at once, or as
            // a completion with the disconnect HRESULT (REQ-CI-3); transfer() yields that HRESULT.
            if (!(disconnected() && !inserted_left) && at_end() &&
                options_.async_eof == AsyncEof::immediate)
                return finish_now(0, detail::eof_result);
            if (!core_->goes_pending(pending, async_reads_)) {
                inline_result = transfer(static_cast<unsigned char*>(buffer), size);
                done_inline = true;
            } else {
                op = Operation{OperationKind::read, &completer_,
                               static_cast<unsigned char*>(buffer), size, has_callback, callback,
                               context, nullptr, CompletionSink(), false, false};
                if (received) *received = 0;
                if (pending) *pending = TRUE;
            }
        }
    }
    if (done_inline) {
        raise_read_entity(static_cast<unsigned char*>(buffer), size, inline_result);
        return finish_now(inline_result.bytes, inline_result.status);
    }
    record(Method::ReadEntityBody, options_.record_calls ? arguments + ", pending" : arguments,
           S_OK);
    core_->start(op);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::InsertEntityBody(VOID* pvBuffer, DWORD cbBuffer) {
    const std::string arguments = std::to_string(cbBuffer);
    HRESULT result = S_OK;
    if (injected_recorded(Method::InsertEntityBody, arguments, result)) return result;
    if (!pvBuffer && cbBuffer > 0) {
        record(Method::InsertEntityBody, arguments, E_INVALIDARG);
        return report("IHttpRequest::InsertEntityBody", "REQ-INS-2",
                      "pvBuffer is NULL with a non-zero cbBuffer", E_INVALIDARG);
    }
    if (cbBuffer > 0) {
        auto guard = lock();
        // Kept by pointer and read when the module reads, as IIS does (REQ-INS-2, T-3).
        inserted_.push_back(Inserted{static_cast<const unsigned char*>(pvBuffer), cbBuffer, 0});
    }
    record(Method::InsertEntityBody, arguments, S_OK);
    return S_OK;
}

template <class Unused>
DWORD FakeHttpRequestBase<Unused>::GetRemainingEntityBytes(VOID) {
    ULONGLONG remaining = 0;
    {
        auto guard = lock();
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
ULONGLONG FakeHttpRequestBase<Unused>::body_consumed() const {
    auto guard = lock();
    return body_offset_;
}

template <class Unused>
ULONGLONG FakeHttpRequestBase<Unused>::inserted_consumed() const {
    auto guard = lock();
    return inserted_consumed_;
}

// ---- asynchronous completion ----------------------------------------------------------------

template <class Unused>
detail::Transfer FakeHttpRequestBase<Unused>::complete_operation(const Operation& op) {
    Transfer result{0, S_OK};
    {
        auto guard = lock();
        if (op.kind == OperationKind::negotiate) {
            install_negotiated_certificate();
            return result;
        }
        result = transfer(op.buffer, op.size);
    }
    raise_read_entity(op.buffer, op.size, result);
    return result;
}

// RQ_READ_ENTITY: modules may substitute what the reader gets; module code, so never under the
// request's lock.
template <class Unused>
void FakeHttpRequestBase<Unused>::raise_read_entity(unsigned char* buffer, DWORD capacity,
                                                    Transfer& result) {
    if (!result.from_client || result.bytes == 0 || !core_->pipeline_) return;
    result.bytes = core_->pipeline_->read_entity(buffer, result.bytes, capacity);
}

// Without full duplex a request has one outstanding I/O operation: a read, a certificate
// negotiation or a response write (REQ-READ-8, §1.7).
template <class Unused>
bool FakeHttpRequestBase<Unused>::io_pending() const {
    return !options_.full_duplex && (core_->pending_of(OperationKind::read) ||
                                     core_->pending_of(OperationKind::negotiate) ||
                                     core_->pending_of(OperationKind::write));
}

// ---- version, certificates, site, channel binding -------------------------------------------

template <class Unused>
VOID FakeHttpRequestBase<Unused>::GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const {
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
HRESULT FakeHttpRequestBase<Unused>::GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
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
HRESULT FakeHttpRequestBase<Unused>::NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending) {
    const std::string arguments = fAsync ? "async" : "sync";
    HRESULT result = S_OK;
    auto finish_now = [&](HRESULT outcome) {
        if (pfCompletionPending) *pfCompletionPending = FALSE;
        record(Method::NegotiateClientCertificate, arguments, outcome);
        return outcome;
    };
    if (injected(Method::NegotiateClientCertificate, result)) return finish_now(result);
    if (!raw_.pSslInfo) return finish_now(E_FAIL);  // no TLS, nothing to renegotiate
    const Operation op{OperationKind::negotiate, &completer_, nullptr, 0, false, nullptr, nullptr,
                       nullptr, CompletionSink(), false, false};
    if (fAsync) {
        bool later = false;
        {
            auto guard = lock();
            later = core_->goes_pending(pfCompletionPending, async_reads_);
            if (later) {
                if (io_pending()) {
                    finish_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                    return report("IHttpRequest::NegotiateClientCertificate", "REQ-READ-8",
                                  "an asynchronous operation is already pending",
                                  HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                }
            }
        }
        if (later) {
            if (pfCompletionPending) *pfCompletionPending = TRUE;
            record(Method::NegotiateClientCertificate, arguments + ", pending", S_OK);
            core_->start(op);
            return S_OK;
        }
    }
    {
        auto guard = lock();
        install_negotiated_certificate();
    }
    return finish_now(S_OK);
}

// A certificate and its bytes are server-owned until the request ends: a new one (after a
// renegotiation) gets new storage, so the pointers module code took from the old one stay
// valid and keep their bytes.
template <class Unused>
void FakeHttpRequestBase<Unused>::install_certificate(const std::string& der,
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
void FakeHttpRequestBase<Unused>::install_negotiated_certificate() {
    if (has_negotiable_) install_certificate(negotiable_bytes_, negotiable_flags_);
    ssl_.SslClientCertNegotiated = 1;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) {
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
HRESULT FakeHttpRequestBase<Unused>::GetHeaderChanges(
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
std::vector<std::pair<std::string, std::string>> FakeHttpRequestBase<Unused>::headers() const {
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
bool FakeHttpRequestBase<Unused>::has_header(const std::string& name) const {
    return find_header(name.data(), name.size(), nullptr) != nullptr;
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::header(const std::string& name) const {
    USHORT length = 0;
    const char* value = find_header(name.data(), name.size(), &length);
    return value ? std::string(value, length) : std::string();
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::method() const { return method_text(); }

template <class Unused>
std::string FakeHttpRequestBase<Unused>::url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pAbsPath) return std::string();
    return detail::wide_to_utf8(cooked.pAbsPath,
                                (cooked.AbsPathLength + cooked.QueryStringLength) / sizeof(WCHAR));
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::full_url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pFullUrl) return std::string();
    return detail::wide_to_utf8(cooked.pFullUrl, cooked.FullUrlLength / sizeof(WCHAR));
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::raw_url() const {
    return raw_.pRawUrl ? std::string(raw_.pRawUrl, raw_.RawUrlLength) : std::string();
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::forwarded_url() const {
    if (!forwarded_url_) return std::string();
    std::size_t length = 0;
    while (forwarded_url_[length]) ++length;
    return detail::wide_to_utf8(forwarded_url_, length);
}

}  // namespace detail
#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpRequestBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_http_request_impl.hpp -----
#endif

#endif
// ----- end iisfake/fake_http_request.hpp -----
// ----- begin iisfake/fake_http_response.hpp -----
#ifndef IISFAKE_FAKE_HTTP_RESPONSE_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_RESPONSE_HPP_INCLUDED

// FakeHttpResponse: an IHttpResponse4 (so also 3, 2 and IHttpResponse) that behaves as IIS
// does. Its HTTP_RESPONSE is live and is the only copy of the response's state: SetStatus and
// SetHeader write into it, and what module code writes into it directly is honoured (RESP-4).
// What the client received is recorded, as Go's httptest.ResponseRecorder does: each send
// (status and headers once, then body bytes per flush), read from the module's memory at the
// moment IIS would read it — so a buffer passed by reference and freed too early shows.
//
// SDK methods (PascalCase) are what module code calls; lower_snake_case members are test knobs
// and inspectors.

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/fake_http_cache_policy.hpp -----
#ifndef IISFAKE_FAKE_HTTP_CACHE_POLICY_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_CACHE_POLICY_HPP_INCLUDED

// FakeHttpCachePolicy: the IHttpCachePolicy2 behind IHttpResponse::GetCachePolicy, a plain
// holder of what module code set (§2.8), which a test reads back.

#include <string>


IISFAKE_BEGIN_NAMESPACE

class FakeHttpCachePolicy : public IHttpCachePolicy2 {
public:
    FakeHttpCachePolicy() = default;
    FakeHttpCachePolicy(const FakeHttpCachePolicy&) = delete;
    FakeHttpCachePolicy& operator=(const FakeHttpCachePolicy&) = delete;
    virtual ~FakeHttpCachePolicy() = default;

    HTTP_CACHE_POLICY* GetKernelCachePolicy(VOID) override { return &kernel_; }
    VOID SetKernelCacheInvalidatorSet(VOID) override { invalidator_set_ = true; }
    HTTP_CACHE_POLICY* GetUserCachePolicy(VOID) override { return &user_; }
    // The lists are comma-separated, as the vary-by attributes of <caching> are.
    HRESULT AppendVaryByHeader(PCSTR pszHeader) override { return append(headers_, pszHeader); }
    PCSTR GetVaryByHeaders(VOID) const override { return text(headers_); }
    HRESULT AppendVaryByQueryString(PCSTR pszParam) override {
        return append(query_strings_, pszParam);
    }
    PCSTR GetVaryByQueryStrings(VOID) const override { return text(query_strings_); }
    HRESULT SetVaryByValue(PCSTR pszValue) override {
        if (!pszValue) return E_INVALIDARG;
        value_ = pszValue;
        has_value_ = true;
        return S_OK;
    }
    PCSTR GetVaryByValue(VOID) const override { return has_value_ ? value_.c_str() : nullptr; }
    BOOL IsUserCacheEnabled(VOID) const override { return user_cache_ ? TRUE : FALSE; }
    VOID DisableUserCache(VOID) override { user_cache_ = false; }
    BOOL IsCached(VOID) const override { return cached_ ? TRUE : FALSE; }
    VOID SetIsCached(VOID) override { cached_ = true; }
    BOOL GetKernelCacheInvalidatorSet(VOID) const override {
        return invalidator_set_ ? TRUE : FALSE;
    }
    BOOL IsForceUpdateSet(VOID) const override { return force_update_ ? TRUE : FALSE; }
    VOID SetForceUpdate(VOID) override { force_update_ = true; }

    // ---- inspection ---------------------------------------------------------------------------
    const std::string& vary_by_headers() const noexcept { return headers_; }
    const std::string& vary_by_query_strings() const noexcept { return query_strings_; }

private:
    static HRESULT append(std::string& list, PCSTR item) {
        if (!item) return E_INVALIDARG;
        if (!list.empty()) list += ',';
        list += item;
        return S_OK;
    }
    static PCSTR text(const std::string& list) { return list.empty() ? nullptr : list.c_str(); }

    HTTP_CACHE_POLICY kernel_ = {};
    HTTP_CACHE_POLICY user_ = {};
    std::string headers_;
    std::string query_strings_;
    std::string value_;
    bool has_value_ = false;
    bool user_cache_ = true;
    bool cached_ = false;
    bool invalidator_set_ = false;
    bool force_update_ = false;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_http_cache_policy.hpp -----

IISFAKE_BEGIN_NAMESPACE

// One send to the client: a Flush, an unbuffered write, or the final send at the request's
// end.
struct Send {
    bool headers;      // status line and headers went out in this send
    std::string body;  // the body bytes of this send
    bool more_data;    // the module said more would follow (fMoreData)
    bool final;        // the send at the end of the request
    DWORD flags = 0;   // HTTP_SEND_RESPONSE_FLAG_*, as OnSendResponse handlers left them
};

namespace detail {

template <class Unused = void>
class FakeHttpResponseBase : public IHttpResponse4 {
public:
    using Core = RequestCore<Unused>;
    FakeHttpResponseBase() : own_core_(new Core), core_(own_core_.get()) { init(); }
    // A response that shares `core` with the request and context of the same request.
    explicit FakeHttpResponseBase(Core& core) : core_(&core) { init(); }
    FakeHttpResponseBase(const FakeHttpResponseBase&) = delete;
    FakeHttpResponseBase& operator=(const FakeHttpResponseBase&) = delete;
    // Reports an operation still pending (through the misuse handler, which by default throws).
    virtual ~FakeHttpResponseBase() noexcept(false) {
        if (own_core_) own_core_->end_of_request("FakeHttpResponse::~FakeHttpResponse");
    }

    // ---- IHttpResponse -----------------------------------------------------------------------
    HTTP_RESPONSE* GetRawHttpResponse(VOID) override {
        record(Method::GetRawHttpResponse, std::string(), S_OK);
        return &raw_;
    }
    const HTTP_RESPONSE* GetRawHttpResponse(VOID) const override {
        record(Method::GetRawHttpResponse, "const", S_OK);
        return &raw_;
    }
    IHttpCachePolicy* GetCachePolicy(VOID) override {
        record(Method::GetCachePolicy, std::string(), S_OK);
        return &cache_policy_;
    }
    HRESULT SetStatus(USHORT statusCode, PCSTR pszReason, USHORT uSubStatus = 0,
                      HRESULT hrErrorToReport = S_OK, IAppHostConfigException* pException = NULL,
                      BOOL fTrySkipCustomErrors = FALSE) override;
    HRESULT SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                      BOOL fReplace) override;
    HRESULT DeleteHeader(PCSTR pszHeaderName) override;
    HRESULT DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) override;
    PCSTR GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    PCSTR GetHeader(HTTP_HEADER_ID ulHeaderIndex, USHORT* pcchHeaderValue = NULL) const override;
    VOID Clear(VOID) override;
    VOID ClearHeaders(VOID) override;
    VOID SetNeedDisconnect(VOID) override {
        need_disconnect_ = true;
        record(Method::SetNeedDisconnect, std::string(), S_OK);
    }
    VOID ResetConnection(VOID) override {
        connection_reset_ = true;
        record(Method::ResetConnection, std::string(), S_OK);
    }
    VOID DisableKernelCache(ULONG reason = 9) override {
        kernel_cache_disabled_ = true;
        kernel_cache_reason_ = reason;
        record(Method::DisableKernelCache, std::to_string(reason), S_OK);
    }
    BOOL GetKernelCacheEnabled(VOID) const override {
        record(Method::GetKernelCacheEnabled, std::string(), S_OK);
        return kernel_cache_disabled_ ? FALSE : TRUE;
    }
    VOID SuppressHeaders(VOID) override {
        headers_suppressed_ = true;
        record(Method::SuppressHeaders, std::string(), S_OK);
    }
    BOOL GetHeadersSuppressed(VOID) const override {
        record(Method::GetHeadersSuppressed, std::string(), S_OK);
        return headers_suppressed_ ? TRUE : FALSE;
    }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, DWORD* pcbSent,
                  BOOL* pfCompletionExpected = NULL) override {
        return flush("IHttpResponse::Flush", fAsync, fMoreData, nullptr, nullptr, false, pcbSent,
                     pfCompletionExpected);
    }
    HRESULT Redirect(PCSTR pszUrl, BOOL fResetStatusCode = TRUE,
                     BOOL fIncludeParameters = FALSE) override;
    HRESULT WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                        LONG lInsertPosition = -1) override;
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                              BOOL fMoreData, DWORD* pcbSent,
                              BOOL* pfCompletionExpected = NULL) override {
        return write("IHttpResponse::WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData,
                     nullptr, nullptr, false, pcbSent, pfCompletionExpected);
    }
    VOID DisableBuffering(VOID) override {
        buffering_ = false;
        record(Method::DisableBuffering, std::string(), S_OK);
    }
    VOID GetStatus(USHORT* pStatusCode, USHORT* pSubStatus = NULL, PCSTR* ppszReason = NULL,
                   USHORT* pcchReason = NULL, HRESULT* phrErrorToReport = NULL,
                   PCWSTR* ppszModule = NULL, DWORD* pdwNotification = NULL,
                   IAppHostConfigException** ppException = NULL,
                   BOOL* pfTrySkipCustomErrors = NULL) override;
    HRESULT SetErrorDescription(PCWSTR pszDescription, DWORD cchDescription,
                                BOOL fHtmlEncode = TRUE) override;
    PCWSTR GetErrorDescription(DWORD* pcchDescription = NULL) override;
    // IIS-internal (RESP-16), used by no public module: not supported by the fake.
    HRESULT GetHeaderChanges(DWORD, DWORD*, PCSTR[HttpHeaderResponseMaximum], DWORD*, PCSTR**,
                             PCSTR**, DWORD[HttpHeaderResponseMaximum + 1], DWORD*,
                             DWORD**) override {
        record(Method::GetHeaderChanges, std::string(), HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    VOID CloseConnection(VOID) override {
        connection_closed_ = true;
        connection_reset_ = true;
        record(Method::CloseConnection, std::string(), S_OK);
    }

    // ---- IHttpResponse2 / 3 / 4 --------------------------------------------------------------
    HRESULT WriteEntityChunks(HTTP_DATA_CHUNK* pDataChunks, DWORD nChunks, BOOL fAsync,
                              BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                              VOID* pvCompletionContext, DWORD* pcbSent,
                              BOOL* pfCompletionExpected = NULL) override {
        return write("IHttpResponse2::WriteEntityChunks", pDataChunks, nChunks, fAsync, fMoreData,
                     pfnCompletionCallback, pvCompletionContext, true, pcbSent,
                     pfCompletionExpected);
    }
    HRESULT Flush(BOOL fAsync, BOOL fMoreData, PFN_ASYNC_COMPLETION pfnCompletionCallback,
                  VOID* pvCompletionContext, DWORD* pcbSent,
                  BOOL* pfCompletionExpected = NULL) override {
        return flush("IHttpResponse2::Flush", fAsync, fMoreData, pfnCompletionCallback,
                     pvCompletionContext, true, pcbSent, pfCompletionExpected);
    }
    HRESULT PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery, DWORD cHeaders,
                        PCSTR* rgHeaderNames, PCSTR* rgHeaderValues) override;
    HRESULT DeleteTrailer(PCSTR pszHeaderName) override;
    PCSTR GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue = NULL) const override;
    VOID ResetStream(ULONG errorCode) override {
        stream_reset_ = true;
        stream_error_ = errorCode;
        record(Method::ResetStream, std::to_string(errorCode), S_OK);
    }
    VOID SetNeedGoAway(VOID) override {
        need_go_away_ = true;
        record(Method::SetNeedGoAway, std::string(), S_OK);
    }
    HRESULT SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue,
                       BOOL fReplace) override;

    // ---- test knobs ---------------------------------------------------------------------------
    // Shared with the request and context of the same request.
    Options& options() noexcept { return core_->options_; }
    const Options& options() const noexcept { return core_->options_; }
    void set_misuse_handler(MisuseHandler handler) { core_->misuse_handler_ = std::move(handler); }
    // Every call of `method` on the response from now on (or only its nth call) returns
    // `result` without effect; see FakeHttpRequest::fail.
    void fail(Method method, HRESULT result) { core_->add_fault(On::response, method, 0, result); }
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_->add_fault(On::response, method, nth, result);
    }
    void clear_faults() { core_->clear_faults(On::response); }
    // Memory a by-reference chunk may point to without being request memory (string literals,
    // static tables), for Options::strict_request_memory.
    void declare_static_memory(const void* data, std::size_t size) {
        static_memory_.push_back(Range{static_cast<const unsigned char*>(data), size});
    }
    // How the response learns what is request memory and the URL redirects are relative to;
    // FakeHttpContext sets both.
    void set_request_memory_check(Callback<bool(const void*, std::size_t)> check) {
        is_request_memory_ = std::move(check);
    }
    void set_request_url(Callback<std::string()> full_url) { request_url_ = std::move(full_url); }
    // The request ends: what is still buffered is sent, as IIS does after the last
    // notification (with the status and headers if they have not gone yet). Once only.
    void end_request();

    // ---- asynchronous completion (see FakeHttpRequest) ----------------------------------------
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_->lock();
        core_->sink_ = std::move(sink);
    }
    bool has_pending() const { return core_->has_pending(); }
    std::size_t pending_count() const { return core_->pending_count(); }
    void complete_pending() { core_->complete_pending("FakeHttpResponse::complete_pending"); }
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_->complete_pending_with("FakeHttpResponse::complete_pending", status, bytes);
    }
    std::vector<Completion> completions() const { return core_->completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    std::vector<Call> calls() const { return core_->calls(On::response); }
    void clear_calls() { core_->clear_calls(On::response); }
    const std::vector<Misuse>& misuses() const noexcept { return core_->misuses_; }

    // The response as it stands now (the raw struct).
    USHORT status() const noexcept { return raw_.StatusCode; }
    USHORT substatus() const noexcept { return substatus_; }
    std::string reason() const {
        return raw_.pReason ? std::string(raw_.pReason, raw_.ReasonLength) : std::string();
    }
    HRESULT error_to_report() const noexcept { return error_to_report_; }
    bool try_skip_custom_errors() const noexcept { return try_skip_custom_errors_; }
    // Every header line, known ones in id order, then the unknown array in order.
    std::vector<std::pair<std::string, std::string>> headers() const;
    bool has_header(const std::string& name) const { return !header_values(name).empty(); }
    // The first value ("" when absent); header_values() has every line of that name.
    std::string header(const std::string& name) const;
    std::vector<std::string> header_values(const std::string& name) const;
    std::vector<std::pair<std::string, std::string>> trailers() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const Trailer& trailer : trailers_)
            out.emplace_back(trailer.name, std::string(trailer.value, trailer.length));
        return out;
    }
    std::string error_description() const { return wide_to_utf8(error_description_); }

    // What the client received.
    const std::vector<Send>& sends() const noexcept { return sends_; }
    bool headers_sent() const noexcept { return headers_sent_; }
    // The status and headers as they went out (empty before the first send).
    USHORT sent_status() const noexcept { return sent_status_; }
    const std::vector<std::pair<std::string, std::string>>& sent_headers() const noexcept {
        return sent_headers_;
    }
    std::string body() const;  // every body byte sent so far
    // Body bytes written but not sent yet, read from the module's memory now.
    std::string buffered_body() const;
    bool ended() const noexcept { return ended_; }
    bool buffering() const noexcept { return buffering_; }
    bool need_disconnect() const noexcept { return need_disconnect_; }
    bool connection_reset() const noexcept { return connection_reset_; }
    bool connection_closed() const noexcept { return connection_closed_; }
    bool kernel_cache_disabled() const noexcept { return kernel_cache_disabled_; }
    ULONG kernel_cache_reason() const noexcept { return kernel_cache_reason_; }
    bool stream_reset() const noexcept { return stream_reset_; }
    ULONG stream_error() const noexcept { return stream_error_; }
    bool need_go_away() const noexcept { return need_go_away_; }
    // PushPromise calls: "VERB path?query".
    const std::vector<std::string>& push_promises() const noexcept { return push_promises_; }
    FakeHttpCachePolicy& cache_policy() noexcept { return cache_policy_; }

private:
    struct Range {
        const unsigned char* data;
        std::size_t size;
    };
    struct Trailer {
        std::string name;
        PCSTR value;  // in strings_
        USHORT length;
    };
    using Headers = HeaderTable<HTTP_RESPONSE_HEADERS, HttpHeaderResponseMaximum>;

    void init();
    typename Core::Lock lock() const { return core_->lock(); }
    void record(Method method, std::string arguments, HRESULT result) const {
        core_->record(On::response, method, std::move(arguments), result);
    }
    HRESULT report(const char* method, const char* rule, std::string problem,
                   HRESULT result) const {
        return core_->report(method, rule, std::move(problem), result);
    }
    bool injected_recorded(Method method, const std::string& arguments, HRESULT& result) {
        return core_->injected_recorded(On::response, method, arguments, result);
    }
    static std::string wide_to_utf8(const wide_string& text) {
        return detail::wide_to_utf8(text.data(), text.size());
    }
    HRESULT set_header(const char* method, int id, const char* name, std::size_t name_length,
                       PCSTR value, USHORT cch, BOOL replace);
    const char* find_header(const char* name, std::size_t length, USHORT* pcch) const;
    void remove_header(int id, const char* name, std::size_t length);
    bool static_or_request_memory(const void* data, std::size_t size) const;
    HRESULT add_chunks(const char* method, const HTTP_DATA_CHUNK* chunks, DWORD count,
                       LONG position, bool by_reference);
    bool write_blocked() const;
    HRESULT write(const char* method, HTTP_DATA_CHUNK* chunks, DWORD count, BOOL async, BOOL more,
                  PFN_ASYNC_COMPLETION callback, void* context, bool has_callback, DWORD* sent,
                  BOOL* expected);
    HRESULT flush(const char* method, BOOL async, BOOL more, PFN_ASYNC_COMPLETION callback,
                  void* context, bool has_callback, DWORD* sent, BOOL* expected);
    HRESULT finish_async(Method method, const std::string& arguments, DWORD bytes, BOOL more,
                         PFN_ASYNC_COMPLETION callback, void* context, bool has_callback,
                         DWORD* sent, BOOL* expected);
    DWORD pending_bytes() const;
    DWORD send(bool more, bool final);
    Transfer complete_operation(const Operation& op);
    // Completes this fake's operations for the core. A member rather than a base class: a
    // completion running on another thread calls it while the destructor waits for that
    // thread, and a member keeps its vtable until the destructor's body has returned.
    class Completer final : public OperationOwner {
    public:
        explicit Completer(FakeHttpResponseBase& fake) : fake_(fake) {}
        Completer(const Completer&) = delete;
        Completer& operator=(const Completer&) = delete;
        virtual ~Completer() = default;
        Transfer complete_operation(const Operation& op) override {
            return fake_.complete_operation(op);
        }

    private:
        FakeHttpResponseBase& fake_;
    };
    Completer completer_{*this};

    std::unique_ptr<Core> own_core_;  // when built alone
    Core* core_;

    HTTP_RESPONSE raw_;
    Headers headers_{raw_.Headers, core_->options_.poison_replaced_values};
    Pool<char> strings_;
    Pool<WCHAR> wide_strings_;
    std::vector<HTTP_DATA_CHUNK> chunks_;  // the array raw_.pEntityChunks points to
    std::vector<std::unique_ptr<unsigned char[]>> copies_;  // buffered copies of memory chunks
    FakeHttpCachePolicy cache_policy_;

    USHORT substatus_ = 0;
    HRESULT error_to_report_ = S_OK;
    bool try_skip_custom_errors_ = false;
    wide_string error_description_;
    bool error_description_encode_ = true;
    std::vector<Trailer> trailers_;
    std::vector<std::string> push_promises_;

    bool buffering_ = true;
    bool headers_suppressed_ = false;
    bool headers_sent_ = false;
    bool ended_ = false;
    bool need_disconnect_ = false;
    bool connection_reset_ = false;
    bool connection_closed_ = false;
    bool kernel_cache_disabled_ = false;
    ULONG kernel_cache_reason_ = 0;
    bool stream_reset_ = false;
    ULONG stream_error_ = 0;
    bool need_go_away_ = false;
    std::size_t async_writes_ = 0;
    bool in_send_handlers_ = false;  // a handler's own Flush sends without raising them again

    std::vector<Send> sends_;
    USHORT sent_status_ = 0;
    std::vector<std::pair<std::string, std::string>> sent_headers_;
    std::vector<Range> static_memory_;
    Callback<bool(const void*, std::size_t)> is_request_memory_;
    Callback<std::string()> request_url_;
};

}  // namespace detail

// An IHttpResponse4 (and so IHttpResponse3, 2 and IHttpResponse) that behaves as IIS does; see
// FakeHttpResponseBase for its members. Most tests get one from FakeHttpContext.
class FakeHttpResponse : public detail::FakeHttpResponseBase<> {
public:
    using FakeHttpResponseBase::FakeHttpResponseBase;
    FakeHttpResponse() = default;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpResponseBase<void>;
IISFAKE_END_NAMESPACE
#else
// ----- begin iisfake/detail/fake_http_response_impl.hpp -----
#ifndef IISFAKE_DETAIL_FAKE_HTTP_RESPONSE_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_RESPONSE_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpResponse (declared in fake_http_response.hpp).


IISFAKE_BEGIN_NAMESPACE

namespace detail {

constexpr std::size_t max_entity_chunks = 0xFFFF;  // EntityChunkCount is a USHORT (RESP-7)

template <class Unused>
void FakeHttpResponseBase<Unused>::init() {
    raw_ = HTTP_RESPONSE();
    raw_.Version.MajorVersion = 1;
    raw_.Version.MinorVersion = 1;
    raw_.StatusCode = 200;  // RESP-5: a response starts as 200 OK
    raw_.pReason = strings_.copy("OK", 2);
    raw_.ReasonLength = 2;
}

// ---- status ---------------------------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetStatus(USHORT statusCode, PCSTR pszReason,
                                                USHORT uSubStatus, HRESULT hrErrorToReport,
                                                IAppHostConfigException* pException,
                                                BOOL fTrySkipCustomErrors) {
    static_cast<void>(pException);
    const std::string arguments = std::to_string(statusCode) + ", " +
                                  (pszReason ? pszReason : "NULL") + ", " +
                                  std::to_string(uSubStatus);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetStatus, arguments, result)) return result;
    if (!pszReason) {
        record(Method::SetStatus, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetStatus", "RESP-5", "pszReason is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszReason);
    // A reason can come from a backend the module proxies: too long is data, not misuse.
    if (length > max_ushort) {
        record(Method::SetStatus, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    // CR or LF would split the status line (a back end's reason copied as is): refused as
    // header values are.
    if (std::strpbrk(pszReason, "\r\n")) {
        record(Method::SetStatus, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    {
        auto guard = lock();
        raw_.StatusCode = statusCode;
        raw_.pReason = strings_.copy(pszReason, length);
        raw_.ReasonLength = static_cast<USHORT>(length);
        substatus_ = uSubStatus;
        error_to_report_ = hrErrorToReport;
        try_skip_custom_errors_ = fTrySkipCustomErrors != FALSE;
    }
    record(Method::SetStatus, arguments, S_OK);
    return S_OK;
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::GetStatus(USHORT* pStatusCode, USHORT* pSubStatus,
                                             PCSTR* ppszReason, USHORT* pcchReason,
                                             HRESULT* phrErrorToReport, PCWSTR* ppszModule,
                                             DWORD* pdwNotification,
                                             IAppHostConfigException** ppException,
                                             BOOL* pfTrySkipCustomErrors) {
    // Every out-parameter is optional: ModSecurity passes trailing NULLs (RESP-5).
    if (pStatusCode) *pStatusCode = raw_.StatusCode;
    if (pSubStatus) *pSubStatus = substatus_;
    if (ppszReason) *ppszReason = raw_.pReason;
    if (pcchReason) *pcchReason = raw_.ReasonLength;
    if (phrErrorToReport) *phrErrorToReport = error_to_report_;
    if (ppszModule) *ppszModule = nullptr;
    if (pdwNotification) *pdwNotification = 0;
    if (ppException) *ppException = nullptr;
    if (pfTrySkipCustomErrors) *pfTrySkipCustomErrors = try_skip_custom_errors_ ? TRUE : FALSE;
    record(Method::GetStatus, std::string(), S_OK);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetErrorDescription(PCWSTR pszDescription,
                                                          DWORD cchDescription, BOOL fHtmlEncode) {
    const std::string arguments = std::to_string(cchDescription);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetErrorDescription, arguments, result)) return result;
    if (!pszDescription && cchDescription > 0) {
        record(Method::SetErrorDescription, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetErrorDescription", "RESP-15",
                      "pszDescription is NULL with a non-zero length", E_INVALIDARG);
    }
    if (pszDescription && has_nul(pszDescription, cchDescription)) {
        record(Method::SetErrorDescription, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetErrorDescription", "RESP-15",
                      "cchDescription runs past the end of the description", E_INVALIDARG);
    }
    error_description_.assign(pszDescription ? pszDescription : L"", cchDescription);
    error_description_encode_ = fHtmlEncode != FALSE;
    record(Method::SetErrorDescription, arguments, S_OK);
    return S_OK;
}

template <class Unused>
PCWSTR FakeHttpResponseBase<Unused>::GetErrorDescription(DWORD* pcchDescription) {
    record(Method::GetErrorDescription, std::string(), S_OK);
    if (pcchDescription) *pcchDescription = static_cast<DWORD>(error_description_.size());
    if (error_description_.empty()) return nullptr;
    return wide_strings_.copy(error_description_.data(), error_description_.size());
}

// ---- headers --------------------------------------------------------------------------------

template <class Unused>
const char* FakeHttpResponseBase<Unused>::find_header(const char* name, std::size_t length,
                                                      USHORT* pcch) const {
    const int id = response_header_id(name, length);
    const HTTP_RESPONSE_HEADERS& h = raw_.Headers;
    if (id >= 0 && h.KnownHeaders[id].pRawValue) {
        if (pcch) *pcch = h.KnownHeaders[id].RawValueLength;
        return h.KnownHeaders[id].pRawValue;
    }
    if (const HTTP_UNKNOWN_HEADER* entry = headers_.find_unknown(name, length)) {
        if (pcch) *pcch = entry->RawValueLength;
        return entry->pRawValue;
    }
    if (pcch) *pcch = 0;  // RESP-1: absent is NULL with length 0
    return nullptr;
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const {
    if (!pszHeaderName) {
        record(Method::GetHeader, "NULL", S_OK);
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpResponse::GetHeader", "RESP-1", "pszHeaderName is NULL", S_OK);
        return nullptr;
    }
    record(Method::GetHeader, pszHeaderName, S_OK);
    return find_header(pszHeaderName, std::strlen(pszHeaderName), pcchHeaderValue);
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                              USHORT* pcchHeaderValue) const {
    const int id = static_cast<int>(ulHeaderIndex);
    record(Method::GetHeader, std::to_string(id), S_OK);
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpResponse::GetHeader", "T-6",
               "header id " + std::to_string(id) +
                   " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
               S_OK);
        return nullptr;
    }
    const char* name = response_header_name(id);
    return find_header(name, std::strlen(name), pcchHeaderValue);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                USHORT cchHeaderValue, BOOL fReplace) {
    const char* method = "IHttpResponse::SetHeader";
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "RESP-1", "pszHeaderName is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (!is_token(pszHeaderName, length)) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "RESP-1", "header name \"" + arguments + "\" is not an HTTP token",
                      E_INVALIDARG);
    }
    result = set_header(method, response_header_id(pszHeaderName, length), pszHeaderName, length,
                        pszHeaderValue, cchHeaderValue, fReplace);
    record(Method::SetHeader, arguments, result);
    core_->report_deferred();
    return result;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue,
                                                USHORT cchHeaderValue, BOOL fReplace) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        record(Method::SetHeader, std::to_string(id), E_INVALIDARG);
        return report("IHttpResponse::SetHeader", "T-6",
                      "header id " + std::to_string(id) +
                          " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
                      E_INVALIDARG);
    }
    const char* name = response_header_name(id);
    result = set_header("IHttpResponse::SetHeader", id, name, std::strlen(name), pszHeaderValue,
                        cchHeaderValue, fReplace);
    record(Method::SetHeader, std::to_string(id), result);
    core_->report_deferred();
    return result;
}

// A value's bytes as in the request (REQ-SH-3/4); a header set again without fReplace is a
// second line unless Options::join_response_values (RESP-3, T-22).
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::set_header(const char* method, int id, const char* name,
                                                 std::size_t name_length, PCSTR value, USHORT cch,
                                                 BOOL replace) {
    if (!value && cch > 0)
        return core_->defer(method, "RESP-1", "pszHeaderValue is NULL with a non-zero length",
                            E_INVALIDARG);
    if (!value) value = "";
    if (has_nul(value, cch))
        return core_->defer(method, "RESP-1",
                            "cchHeaderValue (" + std::to_string(cch) +
                                ") runs past the end of the value: it holds a NUL at byte " +
                                std::to_string(std::strlen(value)),
                            E_INVALIDARG);
    for (USHORT i = 0; i < cch; ++i)
        if (value[i] == '\r' || value[i] == '\n') return E_INVALIDARG;
    const Options& options = core_->options_;
    const std::string& separator = options.append_separator;
    if (!replace) check_separator(separator);
    using Status = typename Headers::Status;
    auto guard = lock();
    Status status = Status::ok;
    const bool exists = find_header(name, name_length, nullptr) != nullptr;
    if (!replace && exists && !options.join_response_values) {
        status = headers_.add_unknown(name, name_length, value, cch);
    } else if (id >= 0) {
        if (replace) headers_.remove_unknown(name, name_length, true);
        if (!replace && !raw_.Headers.KnownHeaders[id].pRawValue && exists) {
            // Joining onto a value that only the unknown array holds.
            status = headers_.set_unknown(name, name_length, value, cch, false, separator);
        } else {
            status = headers_.set_known(id, value, cch, replace != FALSE, separator);
        }
    } else {
        status = headers_.set_unknown(name, name_length, value, cch, replace != FALSE, separator);
    }
    // Too long (past 65535 bytes, T-5) or too many depends on the data (RESP-1).
    return status == Status::ok ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
}

template <class Unused>
void FakeHttpResponseBase<Unused>::remove_header(int id, const char* name, std::size_t length) {
    auto guard = lock();
    if (id >= 0) headers_.clear_known(id);
    headers_.remove_unknown(name, length, true);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteHeader(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::DeleteHeader, arguments, E_INVALIDARG);
        return report("IHttpResponse::DeleteHeader", "RESP-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    remove_header(response_header_id(pszHeaderName, length), pszHeaderName, length);
    record(Method::DeleteHeader, arguments, S_OK);  // RESP-1: S_OK even when absent
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        record(Method::DeleteHeader, std::to_string(id), E_INVALIDARG);
        return report("IHttpResponse::DeleteHeader", "T-6",
                      "header id " + std::to_string(id) +
                          " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
                      E_INVALIDARG);
    }
    const char* name = response_header_name(id);
    remove_header(id, name, std::strlen(name));
    record(Method::DeleteHeader, std::to_string(id), S_OK);
    return S_OK;
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::ClearHeaders(VOID) {
    {
        auto guard = lock();
        headers_.clear_all();  // RESP-6: IIS's default set is unspecified; the fake adds none
    }
    record(Method::ClearHeaders, std::string(), S_OK);
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::Clear(VOID) {
    {
        auto guard = lock();
        raw_.StatusCode = 200;
        raw_.pReason = strings_.copy("OK", 2);
        raw_.ReasonLength = 2;
        substatus_ = 0;
        error_to_report_ = S_OK;
        try_skip_custom_errors_ = false;
        headers_.clear_all();
        chunks_.clear();
        copies_.clear();
        raw_.pEntityChunks = nullptr;
        raw_.EntityChunkCount = 0;
    }
    record(Method::Clear, std::string(), S_OK);
}

template <class Unused>
std::vector<std::pair<std::string, std::string>> FakeHttpResponseBase<Unused>::headers() const {
    std::vector<std::pair<std::string, std::string>> out;
    auto guard = lock();
    for (int id = 0; id < HttpHeaderResponseMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (slot.pRawValue)
            out.emplace_back(response_header_name(id),
                             std::string(slot.pRawValue, slot.RawValueLength));
    }
    const std::size_t count = headers_.unknown_count();
    for (std::size_t i = 0; i < count; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        if (entry.pName && entry.pRawValue)
            out.emplace_back(std::string(entry.pName, entry.NameLength),
                             std::string(entry.pRawValue, entry.RawValueLength));
    }
    return out;
}

template <class Unused>
std::vector<std::string> FakeHttpResponseBase<Unused>::header_values(
    const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& line : headers())
        if (iequals(line.first.data(), name.data(), name.size()) &&
            line.first.size() == name.size())
            out.push_back(line.second);
    return out;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::header(const std::string& name) const {
    USHORT length = 0;
    auto guard = lock();
    const char* value = find_header(name.c_str(), name.size(), &length);
    return value ? std::string(value, length) : std::string();
}

// ---- trailers (IHttpResponse4) ----------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                 USHORT cchHeaderValue, BOOL fReplace) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetTrailer, arguments, result)) return result;
    if (!pszHeaderName || (!pszHeaderValue && cchHeaderValue > 0) ||
        !is_token(pszHeaderName, std::strlen(pszHeaderName)) ||
        (pszHeaderValue && has_nul(pszHeaderValue, cchHeaderValue))) {
        record(Method::SetTrailer, arguments, E_INVALIDARG);
        return report("IHttpResponse4::SetTrailer", "RESP-1",
                      "a NULL or malformed name, or a value whose length runs past it",
                      E_INVALIDARG);
    }
    const std::string value(pszHeaderValue ? pszHeaderValue : "", cchHeaderValue);
    if (value.find_first_of("\r\n") != std::string::npos) {
        record(Method::SetTrailer, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    // Server-owned to the request's end, like header values: GetTrailer hands out this copy.
    const Trailer added{arguments, strings_.copy(value.data(), value.size()),
                        static_cast<USHORT>(value.size())};
    bool done = false;
    for (Trailer& trailer : trailers_) {
        if (fReplace && trailer.name.size() == arguments.size() &&
            iequals(trailer.name.data(), arguments.data(), arguments.size())) {
            trailer = added;
            done = true;
        }
    }
    if (!done) trailers_.push_back(added);
    record(Method::SetTrailer, arguments, S_OK);
    return S_OK;
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const {
    record(Method::GetTrailer, pszHeaderName ? pszHeaderName : "NULL", S_OK);
    if (pcchHeaderValue) *pcchHeaderValue = 0;
    if (!pszHeaderName) {
        report("IHttpResponse4::GetTrailer", "RESP-1", "pszHeaderName is NULL", S_OK);
        return nullptr;
    }
    const std::size_t length = std::strlen(pszHeaderName);
    for (const Trailer& trailer : trailers_) {
        if (trailer.name.size() == length && iequals(trailer.name.data(), pszHeaderName, length)) {
            if (pcchHeaderValue) *pcchHeaderValue = trailer.length;
            return trailer.value;
        }
    }
    return nullptr;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteTrailer(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    if (!pszHeaderName) {
        record(Method::DeleteTrailer, arguments, E_INVALIDARG);
        return report("IHttpResponse4::DeleteTrailer", "RESP-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    std::vector<Trailer> kept;
    for (Trailer& trailer : trailers_)
        if (!(trailer.name.size() == arguments.size() &&
              iequals(trailer.name.data(), arguments.data(), arguments.size())))
            kept.push_back(std::move(trailer));
    trailers_.swap(kept);
    record(Method::DeleteTrailer, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery,
                                                  DWORD cHeaders, PCSTR* rgHeaderNames,
                                                  PCSTR* rgHeaderValues) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::PushPromise, std::string(), result)) return result;
    if (!pszVerb || !pwszPath || (cHeaders > 0 && (!rgHeaderNames || !rgHeaderValues))) {
        record(Method::PushPromise, std::string(), E_INVALIDARG);
        return report("IHttpResponse3::PushPromise", "RESP-PUSH",
                      "pszVerb, pwszPath or a header array is NULL", E_INVALIDARG);
    }
    std::string promise = std::string(pszVerb) + " " + wide_to_utf8(wide_string(pwszPath));
    if (pwszQuery && *pwszQuery) promise += "?" + wide_to_utf8(wide_string(pwszQuery));
    push_promises_.push_back(promise);
    record(Method::PushPromise, promise, S_OK);
    return S_OK;
}

// ---- body -------------------------------------------------------------------------------------

template <class Unused>
bool FakeHttpResponseBase<Unused>::static_or_request_memory(const void* data,
                                                            std::size_t size) const {
    const auto* p = static_cast<const unsigned char*>(data);
    for (const Range& range : static_memory_)
        if (p >= range.data && size <= range.size &&
            static_cast<std::size_t>(p - range.data) <= range.size - size)
            return true;
    return is_request_memory_ && is_request_memory_(data, size);
}

// Adds chunks to the buffered entity (raw_.pEntityChunks). Buffered memory chunks written by
// value are copied now, as IIS copies them (RESP-7); by reference, or unbuffered, the module's
// memory is read when the chunk is sent (RESP-8, T-3).
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::add_chunks(const char* method, const HTTP_DATA_CHUNK* chunks,
                                                 DWORD count, LONG position, bool by_reference) {
    const char* rule = by_reference ? "RESP-8" : "RESP-7";
    for (DWORD i = 0; i < count; ++i) {
        const HTTP_DATA_CHUNK& chunk = chunks[i];
        const int type = static_cast<int>(chunk.DataChunkType);
        if (type < 0 || type > static_cast<int>(HttpDataChunkFromFragmentCacheEx))
            return report(method, rule,
                          "chunk " + std::to_string(i) + " has DataChunkType " +
                              std::to_string(type) + ", not a response body chunk type",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (chunk.DataChunkType == HttpDataChunkFromMemory && !chunk.FromMemory.pBuffer &&
            chunk.FromMemory.BufferLength > 0)
            return report(method, rule,
                          "chunk " + std::to_string(i) + " has a NULL pBuffer with BufferLength " +
                              std::to_string(chunk.FromMemory.BufferLength),
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (by_reference && core_->options_.strict_request_memory &&
            chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.BufferLength > 0 &&
            !static_or_request_memory(chunk.FromMemory.pBuffer, chunk.FromMemory.BufferLength))
            core_->report(method, "T-3",
                          "chunk " + std::to_string(i) +
                              " points to memory that is neither request memory "
                              "(AllocateRequestMemory) nor declared static: IIS reads it when "
                              "the response is sent, and it may be gone by then",
                          S_OK, "the chunk is kept by reference as IIS keeps it");
    }
    auto guard = lock();
    if (raw_.pEntityChunks != chunks_.data() || raw_.EntityChunkCount != chunks_.size()) {
        // Module code edited the raw struct (RESP-4): its array is the truth.
        std::vector<HTTP_DATA_CHUNK> theirs;
        if (raw_.pEntityChunks)
            theirs.assign(raw_.pEntityChunks, raw_.pEntityChunks + raw_.EntityChunkCount);
        chunks_.swap(theirs);
    }
    if (chunks_.size() + count > max_entity_chunks)
        return HRESULT_FROM_WIN32(ERROR_ARITHMETIC_OVERFLOW);
    std::size_t at = chunks_.size();
    if (position == 0) {
        at = 0;
    } else if (position > 0) {
        if (static_cast<std::size_t>(position) > chunks_.size())
            return report(method, rule,
                          "lInsertPosition " + std::to_string(position) + " is past the " +
                              std::to_string(chunks_.size()) + " chunks buffered",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        at = static_cast<std::size_t>(position);
    } else if (position != -1) {
        return report(method, rule,
                      "lInsertPosition " + std::to_string(position) +
                          " is neither -1 (append) nor a position",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    std::vector<HTTP_DATA_CHUNK> added(chunks, chunks + count);
    if (!by_reference && buffering_) {
        for (HTTP_DATA_CHUNK& chunk : added) {
            if (chunk.DataChunkType != HttpDataChunkFromMemory || !chunk.FromMemory.BufferLength)
                continue;
            std::unique_ptr<unsigned char[]> copy(new unsigned char[chunk.FromMemory.BufferLength]);
            std::memcpy(copy.get(), chunk.FromMemory.pBuffer, chunk.FromMemory.BufferLength);
            chunk.FromMemory.pBuffer = copy.get();
            copies_.push_back(std::move(copy));
        }
    }
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
    raw_.pEntityChunks = chunks_.empty() ? nullptr : chunks_.data();
    raw_.EntityChunkCount = static_cast<USHORT>(chunks_.size());
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                                                  LONG lInsertPosition) {
    const std::string arguments = std::to_string(lInsertPosition);
    HRESULT result = S_OK;
    if (injected_recorded(Method::WriteEntityChunkByReference, arguments, result)) return result;
    if (!pDataChunk) {
        record(Method::WriteEntityChunkByReference, arguments,
               HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        return report("IHttpResponse::WriteEntityChunkByReference", "RESP-8", "pDataChunk is NULL",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    result = add_chunks("IHttpResponse::WriteEntityChunkByReference", pDataChunk, 1,
                        lInsertPosition, true);
    record(Method::WriteEntityChunkByReference, arguments, result);
    return result;
}

// One write at a time; a write beside a pending read only after EnableFullDuplex (§1.7).
template <class Unused>
bool FakeHttpResponseBase<Unused>::write_blocked() const {
    return core_->pending_of(OperationKind::write) ||
           (!core_->options_.full_duplex && (core_->pending_of(OperationKind::read) ||
                                             core_->pending_of(OperationKind::negotiate)));
}

template <class Unused>
DWORD FakeHttpResponseBase<Unused>::pending_bytes() const {
    unsigned long long total = 0;
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i)
        if (raw_.pEntityChunks[i].DataChunkType == HttpDataChunkFromMemory)
            total += raw_.pEntityChunks[i].FromMemory.BufferLength;
    return total > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<DWORD>(total);
}

// Shared tail of an asynchronous write or flush that sends: pending per the policy (the
// completion sends and reports the bytes), or done inline.
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::finish_async(Method method, const std::string& arguments,
                                                   DWORD bytes, BOOL more,
                                                   PFN_ASYNC_COMPLETION callback, void* context,
                                                   bool has_callback, DWORD* sent, BOOL* expected) {
    if (core_->goes_pending(expected, async_writes_)) {
        if (sent) *sent = 0;
        if (expected) *expected = TRUE;
        record(method, arguments + ", pending", S_OK);
        core_->start(Operation{OperationKind::write, &completer_, nullptr, bytes, has_callback, callback,
                               context, nullptr, CompletionSink(), false, more != FALSE});
        return S_OK;
    }
    const DWORD done = send(more != FALSE, false);
    if (sent) *sent = done;
    if (expected) *expected = FALSE;
    record(method, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::write(const char* method, HTTP_DATA_CHUNK* chunks,
                                            DWORD count, BOOL async, BOOL more,
                                            PFN_ASYNC_COMPLETION callback, void* context,
                                            bool has_callback, DWORD* sent, BOOL* expected) {
    std::string arguments =
        std::to_string(count) + (async ? " chunk(s), async" : " chunk(s), sync");
    if (more) arguments += ", more";
    auto fail_now = [&](HRESULT result) {
        if (sent) *sent = 0;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_->injected(On::response, Method::WriteEntityChunks, result)) return fail_now(result);
    if (!chunks) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        return report(method, "RESP-7", "pDataChunks is NULL",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    if (has_callback && async && !callback) {
        fail_now(E_INVALIDARG);
        return report(method, "RESP-10", "an asynchronous write without pfnCompletionCallback",
                      E_INVALIDARG);
    }
    if (write_blocked()) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        return report(method, "RESP-7",
                      "a write while another operation is pending (one write at a time; a read "
                      "and a write together only after EnableFullDuplex)",
                      HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
    }
    if (connection_reset_) return fail_now(HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    result = add_chunks(method, chunks, count, -1, false);
    if (FAILED(result)) return fail_now(result);
    DWORD bytes = 0;
    for (DWORD i = 0; i < count; ++i)
        if (chunks[i].DataChunkType == HttpDataChunkFromMemory)
            bytes += chunks[i].FromMemory.BufferLength;
    if (buffering_) {
        // Copied into the response buffer: complete at once, even when asked for async.
        if (sent) *sent = bytes;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, S_OK);
        return S_OK;
    }
    if (!async) {
        const DWORD done = send(more != FALSE, false);
        if (sent) *sent = done;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, S_OK);
        return S_OK;
    }
    return finish_async(Method::WriteEntityChunks, arguments, bytes, more, callback, context,
                        has_callback, sent, expected);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::flush(const char* method, BOOL async, BOOL more,
                                            PFN_ASYNC_COMPLETION callback, void* context,
                                            bool has_callback, DWORD* sent, BOOL* expected) {
    std::string arguments = async ? "async" : "sync";
    if (more) arguments += ", more";
    auto fail_now = [&](HRESULT result) {
        if (sent) *sent = 0;
        if (expected) *expected = FALSE;
        record(Method::Flush, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_->injected(On::response, Method::Flush, result)) return fail_now(result);
    if (has_callback && async && !callback) {
        fail_now(E_INVALIDARG);
        return report(method, "RESP-10", "an asynchronous flush without pfnCompletionCallback",
                      E_INVALIDARG);
    }
    if (write_blocked()) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        return report(method, "RESP-9",
                      "a flush while another operation is pending (one write at a time; a read "
                      "and a write together only after EnableFullDuplex)",
                      HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
    }
    if (connection_reset_) return fail_now(HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    if (!async) {
        const DWORD done = send(more != FALSE, false);
        if (sent) *sent = done;
        if (expected) *expected = FALSE;
        record(Method::Flush, arguments, S_OK);
        return S_OK;
    }
    return finish_async(Method::Flush, arguments, pending_bytes(), more, callback, context,
                        has_callback, sent, expected);
}

// Sends status and headers (the first time, unless suppressed) and the buffered chunks, reading
// the module's memory now. The raw struct then shows no chunks: each send has its own (T-21).
template <class Unused>
DWORD FakeHttpResponseBase<Unused>::send(bool more, bool final) {
    DWORD flags = more ? HTTP_SEND_RESPONSE_FLAG_MORE_DATA : 0u;
    if (need_disconnect_) flags |= HTTP_SEND_RESPONSE_FLAG_DISCONNECT;
    if (core_->pipeline_ && !in_send_handlers_) {
        // OnSendResponse sees this send's chunks in the raw struct and may rewrite them.
        ScopedValue<bool> raising(in_send_handlers_, true);
        flags = core_->pipeline_->before_send(!headers_sent_ && !headers_suppressed_, final, flags);
    }
    auto guard = lock();
    Send out{false, std::string(), more, final, flags};
    if (!headers_sent_) {
        headers_sent_ = true;
        out.headers = !headers_suppressed_;
        sent_status_ = raw_.StatusCode;
        if (out.headers) sent_headers_ = headers();
    }
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i) {
        const HTTP_DATA_CHUNK& chunk = raw_.pEntityChunks[i];
        if (chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.pBuffer)
            out.body.append(static_cast<const char*>(chunk.FromMemory.pBuffer),
                            chunk.FromMemory.BufferLength);
    }
    chunks_.clear();
    copies_.clear();
    raw_.pEntityChunks = nullptr;
    raw_.EntityChunkCount = 0;
    const auto bytes = static_cast<DWORD>(out.body.size());
    sends_.push_back(std::move(out));
    return bytes;
}

template <class Unused>
Transfer FakeHttpResponseBase<Unused>::complete_operation(const Operation& op) {
    bool reset = false;
    {
        auto guard = lock();
        reset = connection_reset_;
    }
    if (reset) return Transfer{0, HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)};
    return Transfer{send(op.more_data, false), S_OK};
}

template <class Unused>
void FakeHttpResponseBase<Unused>::end_request() {
    if (ended_) return;
    ended_ = true;
    if (!connection_reset_) {
        send(false, true);
        return;
    }
    // A reset connection sends nothing; what was buffered goes, so the raw struct never points
    // into request memory the context frees next.
    auto guard = lock();
    chunks_.clear();
    copies_.clear();
    raw_.pEntityChunks = nullptr;
    raw_.EntityChunkCount = 0;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::body() const {
    std::string out;
    for (const Send& s : sends_) out += s.body;
    return out;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::buffered_body() const {
    std::string out;
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i) {
        const HTTP_DATA_CHUNK& chunk = raw_.pEntityChunks[i];
        if (chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.pBuffer)
            out.append(static_cast<const char*>(chunk.FromMemory.pBuffer),
                       chunk.FromMemory.BufferLength);
    }
    return out;
}

// ---- redirect ---------------------------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::Redirect(PCSTR pszUrl, BOOL fResetStatusCode,
                                               BOOL fIncludeParameters) {
    const std::string arguments = pszUrl ? pszUrl : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::Redirect, arguments, result)) return result;
    if (!pszUrl) {
        record(Method::Redirect, arguments, E_INVALIDARG);
        return report("IHttpResponse::Redirect", "RESP-12", "pszUrl is NULL", E_INVALIDARG);
    }
    if (headers_sent_) {  // RESP-12: nothing useful once the headers went out
        record(Method::Redirect, arguments, S_OK);
        return S_OK;
    }
    const std::string base = request_url_ ? request_url_() : std::string("http://localhost/");
    const std::size_t scheme_end = base.find("://");
    const std::size_t path_start =
        scheme_end == std::string::npos ? base.size() : base.find('/', scheme_end + 3);
    const std::string origin = base.substr(0, path_start);
    const std::size_t query_at = base.find('?');
    const std::string path =
        path_start == std::string::npos
            ? std::string("/")
            : base.substr(path_start, query_at == std::string::npos ? std::string::npos
                                                                    : query_at - path_start);
    std::string target = pszUrl;
    if (target.find_first_of("\r\n") != std::string::npos) {  // header injection
        record(Method::Redirect, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    if (target.find("://") == std::string::npos) {  // relative: made absolute (RESP-12)
        if (!target.empty() && target[0] == '/')
            target = origin + target;
        else
            target = origin + path.substr(0, path.rfind('/') + 1) + target;
    }
    if (fIncludeParameters && query_at != std::string::npos && query_at + 1 < base.size())
        target += (target.find('?') == std::string::npos ? "?" : "&") + base.substr(query_at + 1);
    {
        auto guard = lock();
        chunks_.clear();  // existing response data is discarded
        copies_.clear();
        raw_.pEntityChunks = nullptr;
        raw_.EntityChunkCount = 0;
    }
    if (target.size() > max_ushort) {
        record(Method::Redirect, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    {
        auto guard = lock();
        headers_.remove_unknown("Location", 8, true);
        headers_.set_known(HttpHeaderLocation, target.data(), target.size(), true,
                           core_->options_.append_separator);
        if (fResetStatusCode) {
            raw_.StatusCode = 302;
            raw_.pReason = strings_.copy("Redirect", 8);
            raw_.ReasonLength = 8;
            substatus_ = 0;
        }
    }
    if (!fResetStatusCode) {
        // The status stays: the client is told in the body where the document moved.
        const std::string moved =
            "<head><title>Document Moved</title></head>\n<body><h1>Object "
            "Moved</h1>This document may be found <a HREF=\"" +
            target + "\">here</a></body>";
        HTTP_DATA_CHUNK chunk = {};
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(moved.data());
        chunk.FromMemory.BufferLength = static_cast<ULONG>(moved.size());
        const bool was_buffering = buffering_;
        buffering_ = true;  // copied: `moved` dies here
        add_chunks("IHttpResponse::Redirect", &chunk, 1, -1, false);
        buffering_ = was_buffering;
    }
    record(Method::Redirect, arguments, S_OK);
    return S_OK;
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpResponseBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_http_response_impl.hpp -----
#endif

#endif
// ----- end iisfake/fake_http_response.hpp -----
// ----- begin iisfake/fake_http_context.hpp -----
#ifndef IISFAKE_FAKE_HTTP_CONTEXT_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_CONTEXT_HPP_INCLUDED

// FakeHttpContext: an IHttpContext4 (real code C-casts IHttpContext* to IHttpContext3*, T-1,
// CTX-19) owning a whole request's state: a FakeHttpRequest and a FakeHttpResponse on one
// per-request core (one call log, one completion queue, one misuse handler), the satellites
// (user, site, application, connection, URL info, metadata, trace context), request memory,
// server variables and the context containers. Hand module code its address.

#include <memory>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/fake_containers.hpp -----
#ifndef IISFAKE_FAKE_CONTAINERS_HPP_INCLUDED
#define IISFAKE_FAKE_CONTAINERS_HPP_INCLUDED

// The context containers of §2.11: module contexts stored per module id (request, site,
// application, metadata, connection) and by name (IHttpContext3). A container owns what is
// stored in it and calls CleanupStoredContext exactly once when it ends (CONT-1, T-16).

#include <string>
#include <utility>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

// How a satellite reports misuse: through the misuse handler of the request it belongs to.
using MisuseReporter =
    Callback<HRESULT(const char* method, const char* rule, std::string problem, HRESULT result)>;

namespace detail {

// Through the request's handler when the container belongs to one; else as the default
// handler does (a container a test builds alone).
inline HRESULT report_misuse(const MisuseReporter& report, const std::string& method,
                             const char* rule, const char* problem, HRESULT result) {
    if (report) return report(method.c_str(), rule, problem, result);
    throw_misuse(Misuse{method, rule, problem, result, "IIS returns " + hresult_text(result)});
    return result;
}

// The contexts of one container, in the order they were stored; cleaned up in reverse order.
template <class Key, class Stored>
class StoredContexts {
public:
    Stored* find(const Key& key) const {
        for (const auto& entry : entries_)
            if (entry.first == key) return entry.second;
        return nullptr;
    }
    bool add(const Key& key, Stored* stored) {
        if (find(key)) return false;
        entries_.emplace_back(key, stored);
        return true;
    }
    template <class Visit>
    void each(Visit visit) const {
        for (const auto& entry : entries_) visit(entry.second);
    }
    // Every stored context once; a cleanup that stores again is cleaned up too.
    void cleanup() {
        while (!entries_.empty()) {
            Stored* stored = entries_.back().second;
            entries_.pop_back();
            stored->CleanupStoredContext();
        }
    }
    std::size_t size() const noexcept { return entries_.size(); }

private:
    std::vector<std::pair<Key, Stored*>> entries_;
};

}  // namespace detail

// An IHttpModuleContextContainer: GetModuleContextContainer of the context, site, application
// and metadata.
class FakeModuleContextContainer : public IHttpModuleContextContainer {
public:
    explicit FakeModuleContextContainer(MisuseReporter report = MisuseReporter(),
                                        const char* owner = "IHttpModuleContextContainer")
        : report_(std::move(report)), owner_(owner) {}
    FakeModuleContextContainer(const FakeModuleContextContainer&) = delete;
    FakeModuleContextContainer& operator=(const FakeModuleContextContainer&) = delete;
    virtual ~FakeModuleContextContainer() { cleanup(); }

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        return stored_.find(moduleId);
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        if (!ppStoredContext)
            return misuse("SetModuleContext", "CONT-1", "ppStoredContext is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (!stored_.add(moduleId, ppStoredContext))
            return misuse("SetModuleContext", "CONT-1",
                          "a context is already stored for this module id; IIS keeps the first "
                          "and never cleans up the second",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }

    // The request (or site, application...) ends: CleanupStoredContext once for each.
    void cleanup() { stored_.cleanup(); }
    std::size_t size() const noexcept { return stored_.size(); }

private:
    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, std::string(owner_) + "::" + method, rule, problem,
                                     result);
    }

    MisuseReporter report_;
    const char* owner_;
    detail::StoredContexts<HTTP_MODULE_ID, IHttpStoredContext> stored_;
};

// IHttpConnection::GetModuleContextContainer: also holds IHttpConnectionStoredContexts, told of
// the client's disconnect through NotifyDisconnect (APP-1).
class FakeConnectionContextContainer : public IHttpConnectionModuleContextContainer {
public:
    explicit FakeConnectionContextContainer(MisuseReporter report = MisuseReporter())
        : contexts_(report, "IHttpConnectionModuleContextContainer"), report_(std::move(report)) {}
    FakeConnectionContextContainer(const FakeConnectionContextContainer&) = delete;
    FakeConnectionContextContainer& operator=(const FakeConnectionContextContainer&) = delete;
    virtual ~FakeConnectionContextContainer() { cleanup(); }

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        IHttpStoredContext* plain = contexts_.GetModuleContext(moduleId);
        return plain ? plain : connection_.find(moduleId);
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        if (ppStoredContext && connection_.find(moduleId))
            return report("IHttpConnectionModuleContextContainer::SetModuleContext", "CONT-1",
                          "a context is already stored for this module id",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return contexts_.SetModuleContext(ppStoredContext, moduleId);
    }
    IHttpConnectionStoredContext* GetConnectionModuleContext(HTTP_MODULE_ID moduleId) override {
        return connection_.find(moduleId);
    }
    HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext* ppStoredContext,
                                       HTTP_MODULE_ID moduleId) override {
        const char* method = "IHttpConnectionModuleContextContainer::SetConnectionModuleContext";
        if (!ppStoredContext)
            return report(method, "CONT-1", "ppStoredContext is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (contexts_.GetModuleContext(moduleId) || !connection_.add(moduleId, ppStoredContext))
            return report(method, "CONT-1", "a context is already stored for this module id",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }

    // The client went away: each connection context hears it once.
    void notify_disconnect() {
        if (notified_) return;
        notified_ = true;
        connection_.each([](IHttpConnectionStoredContext* stored) { stored->NotifyDisconnect(); });
    }
    void cleanup() {
        contexts_.cleanup();
        connection_.cleanup();
    }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, method, rule, problem, result);
    }

    FakeModuleContextContainer contexts_;
    MisuseReporter report_;
    detail::StoredContexts<HTTP_MODULE_ID, IHttpConnectionStoredContext> connection_;
    bool notified_ = false;
};

// IHttpContext3::GetNamedContextContainer: contexts stored by name (case-sensitive [I]).
class FakeNamedContextContainer : public INamedContextContainer {
public:
    explicit FakeNamedContextContainer(MisuseReporter report = MisuseReporter())
        : report_(std::move(report)) {}
    FakeNamedContextContainer(const FakeNamedContextContainer&) = delete;
    FakeNamedContextContainer& operator=(const FakeNamedContextContainer&) = delete;
    virtual ~FakeNamedContextContainer() { cleanup(); }

    IHttpStoredContext* GetNamedContext(LPCWSTR szName) override {
        return szName ? stored_.find(szName) : nullptr;
    }
    HRESULT SetNamedContext(IHttpStoredContext* ppStoredContext, LPCWSTR szName) override {
        const char* method = "INamedContextContainer::SetNamedContext";
        if (!ppStoredContext || !szName)
            return report(method, "CONT-1", "ppStoredContext or szName is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (!stored_.add(szName, ppStoredContext))
            return report(method, "CONT-1", "a context is already stored under this name",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }
    void cleanup() { stored_.cleanup(); }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, method, rule, problem, result);
    }

    MisuseReporter report_;
    detail::StoredContexts<detail::wide_string, IHttpStoredContext> stored_;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_containers.hpp -----
// ----- begin iisfake/fake_providers.hpp -----
#ifndef IISFAKE_FAKE_PROVIDERS_HPP_INCLUDED
#define IISFAKE_FAKE_PROVIDERS_HPP_INCLUDED

// The request-level event providers a CHttpModule's OnX receives (PROV-1..7): small stateful
// fakes a test passes to a module's handler directly and reads back. FakeHttpContext hands out
// the ones tied to its request (authentication_provider(), send_response_provider()).

#include <string>
#include <utility>


IISFAKE_BEGIN_NAMESPACE

// SetErrorStatus for every provider (PROV-1): the last value, which a test reads.
template <class Provider>
class FakeEventProvider : public Provider {
public:
    VOID SetErrorStatus(HRESULT hrError) override {
        error_status_ = hrError;
        has_error_status_ = true;
    }
    HRESULT error_status() const noexcept { return error_status_; }
    bool has_error_status() const noexcept { return has_error_status_; }

protected:
    FakeEventProvider() = default;
    ~FakeEventProvider() = default;

private:
    HRESULT error_status_ = S_OK;
    bool has_error_status_ = false;
};

// What most notifications receive: a provider whose only method is SetErrorStatus.
class FakeHttpEventProvider final : public FakeEventProvider<IHttpEventProvider> {
public:
    FakeHttpEventProvider() = default;
    FakeHttpEventProvider(const FakeHttpEventProvider&) = delete;
    FakeHttpEventProvider& operator=(const FakeHttpEventProvider&) = delete;
    ~FakeHttpEventProvider() = default;
};

// PROV-2: SetUser hands a heap-allocated user over; the receiver (FakeHttpContext) calls its
// DereferenceUser when the request ends.
class FakeAuthenticationProvider final : public FakeEventProvider<IAuthenticationProvider> {
public:
    explicit FakeAuthenticationProvider(
        Callback<void(IHttpUser*)> receiver = Callback<void(IHttpUser*)>())
        : receiver_(std::move(receiver)) {}
    FakeAuthenticationProvider(const FakeAuthenticationProvider&) = delete;
    FakeAuthenticationProvider& operator=(const FakeAuthenticationProvider&) = delete;
    ~FakeAuthenticationProvider() = default;
    VOID SetUser(IHttpUser* pUser) override {
        user_ = pUser;
        if (pUser && receiver_) receiver_(pUser);
    }
    IHttpUser* user() const noexcept { return user_; }

private:
    Callback<void(IHttpUser*)> receiver_;
    IHttpUser* user_ = nullptr;
};

// PROV-6: what one send carries. The flags start as the send's own; log data is offered only
// on the send that is ready to log, and only to modules registered FIRST or HIGH.
class FakeSendResponseProvider final : public FakeEventProvider<ISendResponseProvider> {
public:
    FakeSendResponseProvider(bool headers_being_sent = true, DWORD flags = 0,
                             HTTP_LOG_DATA* log_data = nullptr)
        : headers_(headers_being_sent), flags_(flags), log_data_(log_data),
          ready_(log_data != nullptr) {}
    // The send that carries log data, for a module that may not see it (registered below HIGH).
    FakeSendResponseProvider(bool headers_being_sent, DWORD flags, HTTP_LOG_DATA* log_data,
                             bool ready_to_log)
        : headers_(headers_being_sent), flags_(flags), log_data_(log_data), ready_(ready_to_log) {}
    FakeSendResponseProvider(const FakeSendResponseProvider&) = delete;
    FakeSendResponseProvider& operator=(const FakeSendResponseProvider&) = delete;
    ~FakeSendResponseProvider() = default;
    BOOL GetHeadersBeingSent(VOID) const override { return headers_ ? TRUE : FALSE; }
    DWORD GetFlags(VOID) const override { return flags_; }
    VOID SetFlags(DWORD dwFlags) override { flags_ = dwFlags; }
    HTTP_LOG_DATA* GetLogData(VOID) const override { return log_data_; }
    HRESULT SetLogData(HTTP_LOG_DATA* pLogData) override {
        if (!pLogData) return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        submitted_ = pLogData;
        if (adopt_) adopt_(pLogData);  // now: the module's copy may not outlive its handler
        return S_OK;
    }
    // What receives submitted log data during the call (ModuleHost copies it).
    void on_set_log_data(Callback<void(const HTTP_LOG_DATA*)> adopt) { adopt_ = std::move(adopt); }
    BOOL GetReadyToLogData(VOID) const override { return ready_ ? TRUE : FALSE; }
    DWORD flags() const noexcept { return flags_; }
    HTTP_LOG_DATA* submitted_log_data() const noexcept { return submitted_; }

private:
    bool headers_;
    DWORD flags_;
    HTTP_LOG_DATA* log_data_;
    bool ready_;
    HTTP_LOG_DATA* submitted_ = nullptr;
    Callback<void(const HTTP_LOG_DATA*)> adopt_;
};

// PROV-5: the URL being mapped and its current physical path, which the module may replace.
class FakeMapPathProvider final : public FakeEventProvider<IMapPathProvider> {
public:
    FakeMapPathProvider(detail::wide_string url, detail::wide_string physical_path)
        : url_(std::move(url)), physical_path_(std::move(physical_path)) {}
    FakeMapPathProvider(const FakeMapPathProvider&) = delete;
    FakeMapPathProvider& operator=(const FakeMapPathProvider&) = delete;
    ~FakeMapPathProvider() = default;
    PCWSTR GetUrl(VOID) const override { return url_.c_str(); }
    PCWSTR GetPhysicalPath(VOID) const override { return physical_path_.c_str(); }
    HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) override {
        if (!pszPhysicalPath || detail::has_nul(pszPhysicalPath, cchPhysicalPath))
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        physical_path_.assign(pszPhysicalPath, cchPhysicalPath);
        return S_OK;
    }
    std::string physical_path() const {
        return detail::wide_to_utf8(physical_path_.data(), physical_path_.size());
    }

private:
    detail::wide_string url_;
    detail::wide_string physical_path_;
};

// PROV-4: the handler a module chose; SetScriptName and SetFileInfo are documented as not
// supported.
class FakeMapHandlerProvider final : public FakeEventProvider<IMapHandlerProvider> {
public:
    FakeMapHandlerProvider() = default;
    FakeMapHandlerProvider(const FakeMapHandlerProvider&) = delete;
    FakeMapHandlerProvider& operator=(const FakeMapHandlerProvider&) = delete;
    ~FakeMapHandlerProvider() = default;
    HRESULT SetScriptName(PCWSTR, DWORD) override { return E_NOTIMPL; }
    VOID SetScriptMap(IScriptMapInfo* pScriptMap) override { script_map_ = pScriptMap; }
    VOID SetFileInfo(IHttpFileInfo*) override {}
    IScriptMapInfo* script_map() const noexcept { return script_map_; }

private:
    IScriptMapInfo* script_map_ = nullptr;
};

// PROV-7: the entity a reader is about to receive; SetEntity substitutes it.
class FakeReadEntityProvider final : public FakeEventProvider<IReadEntityProvider> {
public:
    FakeReadEntityProvider(PVOID buffer, DWORD data, DWORD capacity)
        : buffer_(buffer), data_(data), capacity_(capacity) {}
    FakeReadEntityProvider(const FakeReadEntityProvider&) = delete;
    FakeReadEntityProvider& operator=(const FakeReadEntityProvider&) = delete;
    ~FakeReadEntityProvider() = default;
    VOID GetEntity(PVOID* ppBuffer, DWORD* pcbData, DWORD* pcbBuffer) override {
        if (ppBuffer) *ppBuffer = buffer_;
        if (pcbData) *pcbData = data_;
        if (pcbBuffer) *pcbBuffer = capacity_;
    }
    VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) override {
        buffer_ = pBuffer;
        data_ = cbData;
        capacity_ = cbBuffer < cbData ? cbData : cbBuffer;  // *pcbBuffer >= *pcbData
    }

private:
    PVOID buffer_;
    DWORD data_;
    DWORD capacity_;
};

// PROV-3: the module-defined name of a custom notification.
class FakeCustomNotificationProvider : public FakeEventProvider<ICustomNotificationProvider> {
public:
    explicit FakeCustomNotificationProvider(detail::wide_string type) : type_(std::move(type)) {}
    FakeCustomNotificationProvider(const FakeCustomNotificationProvider&) = delete;
    FakeCustomNotificationProvider& operator=(const FakeCustomNotificationProvider&) = delete;
    virtual ~FakeCustomNotificationProvider() = default;
    PCWSTR QueryNotificationType(VOID) override { return type_.c_str(); }

private:
    detail::wide_string type_;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_providers.hpp -----
// ----- begin iisfake/fake_satellites.hpp -----
#ifndef IISFAKE_FAKE_SATELLITES_HPP_INCLUDED
#define IISFAKE_FAKE_SATELLITES_HPP_INCLUDED

// The small objects a context hands out (§2.9, §2.10, CTX-1): user, site, application,
// connection, URL info, metadata and trace context. Each is a stateful fake behind the SDK
// interface that a test can set up and read back.

#include <atomic>
#include <string>
#include <utility>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

// IHttpUser (USER-1..3). The context holds the first reference; module code that calls
// DereferenceUser once more than ReferenceUser is reported.
class FakeHttpUser : public IHttpUser {
public:
    // Anonymous by default: every string empty, not NULL (USER-1).
    explicit FakeHttpUser(detail::wide_string user_name = detail::wide_string(),
                          detail::wide_string auth_type = detail::wide_string(),
                          MisuseReporter report = MisuseReporter())
        : user_name_(std::move(user_name)),
          auth_type_(std::move(auth_type)),
          report_(std::move(report)) {}
    FakeHttpUser(const FakeHttpUser&) = delete;
    FakeHttpUser& operator=(const FakeHttpUser&) = delete;
    virtual ~FakeHttpUser() = default;

    PCWSTR GetRemoteUserName(VOID) override { return user_name_.c_str(); }
    PCWSTR GetUserName(VOID) override { return user_name_.c_str(); }
    PCWSTR GetAuthenticationType(VOID) override { return auth_type_.c_str(); }
    PCWSTR GetPassword(VOID) override { return password_.c_str(); }
    HANDLE GetImpersonationToken(VOID) override { return nullptr; }
    HANDLE GetPrimaryToken(VOID) override { return nullptr; }
    VOID ReferenceUser(VOID) override { ++references_; }
    VOID DereferenceUser(VOID) override {
        if (references_.load() <= 1) {
            // The context's own reference: releasing it would free a user IIS still uses.
            if (report_)
                report_("IHttpUser::DereferenceUser", "USER-2",
                        "DereferenceUser without a matching ReferenceUser", S_OK);
            return;
        }
        --references_;
    }
    // USER-3: the common default.
    BOOL SupportsIsInRole(VOID) override { return FALSE; }
    HRESULT IsInRole(PCWSTR, BOOL* pfInRole) override {
        if (pfInRole) *pfInRole = FALSE;
        return E_NOTIMPL;
    }
    PVOID GetUserVariable(PCSTR) override { return nullptr; }

    // ---- test knobs and inspection -------------------------------------------------------------
    void set_password(detail::wide_string password) { password_ = std::move(password); }
    long references() const noexcept { return references_.load(); }
    std::string user_name() const {
        return detail::wide_to_utf8(user_name_.data(), user_name_.size());
    }
    std::string auth_type() const {
        return detail::wide_to_utf8(auth_type_.data(), auth_type_.size());
    }

private:
    detail::wide_string user_name_;
    detail::wide_string auth_type_;
    detail::wide_string password_;
    MisuseReporter report_;
    std::atomic<long> references_{1};
};

class FakeHttpSite : public IHttpSite {
public:
    FakeHttpSite(const FakeHttpSite&) = delete;
    FakeHttpSite& operator=(const FakeHttpSite&) = delete;
    virtual ~FakeHttpSite() = default;
    FakeHttpSite(DWORD id, detail::wide_string name, MisuseReporter report)
        : id_(id), name_(std::move(name)), contexts_(std::move(report), "IHttpSite") {}
    DWORD GetSiteId(VOID) const override { return id_; }
    PCWSTR GetSiteName(VOID) const override { return name_.c_str(); }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) override { return nullptr; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    DWORD id_;
    detail::wide_string name_;
    FakeModuleContextContainer contexts_;
};

class FakeHttpApplication : public IHttpApplication2 {
public:
    FakeHttpApplication(const FakeHttpApplication&) = delete;
    FakeHttpApplication& operator=(const FakeHttpApplication&) = delete;
    virtual ~FakeHttpApplication() = default;
    FakeHttpApplication(detail::wide_string physical_path, detail::wide_string id,
                        detail::wide_string config_path, MisuseReporter report)
        : physical_path_(std::move(physical_path)),
          id_(std::move(id)),
          config_path_(std::move(config_path)),
          contexts_(std::move(report), "IHttpApplication") {}
    PCWSTR GetApplicationPhysicalPath(VOID) const override { return physical_path_.c_str(); }
    PCWSTR GetApplicationId(VOID) const override { return id_.c_str(); }
    PCWSTR GetAppConfigPath(VOID) const override { return config_path_.c_str(); }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID BeginApplicationWarmup(VOID) override { warming_up_ = true; }
    VOID EndApplicationWarmup(VOID) override { warming_up_ = false; }
    BOOL QueryIsWarmingUp(VOID) override { return warming_up_ ? TRUE : FALSE; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    detail::wide_string physical_path_;
    detail::wide_string id_;
    detail::wide_string config_path_;
    FakeModuleContextContainer contexts_;
    bool warming_up_ = false;
};

class FakeHttpConnection : public IHttpConnection {
public:
    FakeHttpConnection(const FakeHttpConnection&) = delete;
    FakeHttpConnection& operator=(const FakeHttpConnection&) = delete;
    virtual ~FakeHttpConnection() = default;
    explicit FakeHttpConnection(MisuseReporter report) : contexts_(std::move(report)) {}
    BOOL IsConnected(VOID) const override { return connected_ ? TRUE : FALSE; }
    // APP-1: documented as request lifetime; the fake keeps it to the connection's end.
    VOID* AllocateMemory(DWORD cbAllocation) override {
        return memory_.make(cbAllocation ? cbAllocation : 1);
    }
    IHttpConnectionModuleContextContainer* GetModuleContextContainer(VOID) override {
        return &contexts_;
    }
    // The client goes away: IsConnected turns FALSE and connection contexts are told.
    void disconnect() {
        connected_ = false;
        contexts_.notify_disconnect();
    }
    FakeConnectionContextContainer& contexts() noexcept { return contexts_; }

private:
    bool connected_ = true;
    detail::Pool<unsigned char> memory_;
    FakeConnectionContextContainer contexts_;
};

class FakeHttpUrlInfo : public IHttpUrlInfo {
public:
    FakeHttpUrlInfo(const FakeHttpUrlInfo&) = delete;
    FakeHttpUrlInfo& operator=(const FakeHttpUrlInfo&) = delete;
    virtual ~FakeHttpUrlInfo() = default;
    explicit FakeHttpUrlInfo(MisuseReporter report)
        : contexts_(std::move(report), "IHttpUrlInfo") {}
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    BOOL IsFrequentlyHit(VOID) const override { return frequently_hit_ ? TRUE : FALSE; }
    void set_frequently_hit(bool hit) noexcept { frequently_hit_ = hit; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    FakeModuleContextContainer contexts_;
    bool frequently_hit_ = false;
};

class FakeMetadataInfo : public IReferencedMetadataInfo {
public:
    FakeMetadataInfo(const FakeMetadataInfo&) = delete;
    FakeMetadataInfo& operator=(const FakeMetadataInfo&) = delete;
    virtual ~FakeMetadataInfo() = default;
    FakeMetadataInfo(detail::wide_string meta_path, detail::wide_string vr_path,
                     MisuseReporter report)
        : meta_path_(std::move(meta_path)),
          vr_path_(std::move(vr_path)),
          contexts_(std::move(report), "IMetadataInfo") {}
    PCWSTR GetMetaPath(VOID) const override { return meta_path_.c_str(); }
    PCWSTR GetVrPath(VOID) const override { return vr_path_.c_str(); }
    IHttpTokenEntry* GetVrToken(VOID) override { return nullptr; }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID ReferenceMetadata(VOID) override { ++references_; }
    VOID DereferenceMetadata(VOID) override { --references_; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    detail::wide_string meta_path_;
    detail::wide_string vr_path_;
    FakeModuleContextContainer contexts_;
    std::atomic<long> references_{1};
};

// Records what module code traces: QuickTrace and RaiseTraceEvent.
class FakeHttpTraceContext : public IHttpTraceContext {
public:
    struct Trace {
        std::string data1;
        std::string data2;
        HRESULT last_error;
        UCHAR level;
    };
    struct Event {
        std::string name;
        DWORD area;
        DWORD event;
        DWORD verbosity;
    };
    FakeHttpTraceContext() = default;
    FakeHttpTraceContext(const FakeHttpTraceContext&) = delete;
    FakeHttpTraceContext& operator=(const FakeHttpTraceContext&) = delete;
    virtual ~FakeHttpTraceContext() = default;

    HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration) override {
        if (!pHttpTraceConfiguration) return E_INVALIDARG;
        pHttpTraceConfiguration->dwAreas = areas_;
        pHttpTraceConfiguration->dwVerbosity = verbosity_;
        pHttpTraceConfiguration->fProviderEnabled = enabled_ ? TRUE : FALSE;
        return S_OK;
    }
    HRESULT SetTraceConfiguration(HTTP_MODULE_ID, HTTP_TRACE_CONFIGURATION*, DWORD) override {
        return S_OK;
    }
    HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) override {
        if (!pTraceEvent) return E_INVALIDARG;
        events_.push_back(Event{detail::utf8_of(pTraceEvent->pszEventName), pTraceEvent->dwArea,
                                pTraceEvent->dwEvent, pTraceEvent->dwVerbosity});
        return S_OK;
    }
    LPCGUID GetTraceActivityId(VOID) override { return &activity_; }
    HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                       UCHAR Level = 4) override {
        traces_.push_back(
            Trace{detail::utf8_of(pszData1), detail::utf8_of(pszData2), hrLastError, Level});
        return S_OK;
    }

    // ---- test knobs and inspection -------------------------------------------------------------
    // Whether a provider is enabled (GetTraceConfiguration), as failed-request tracing sets it.
    void enable(DWORD areas = 0xFFFFFFFFu, DWORD verbosity = 5) {
        enabled_ = true;
        areas_ = areas;
        verbosity_ = verbosity;
    }
    const std::vector<Trace>& traces() const noexcept { return traces_; }
    const std::vector<Event>& events() const noexcept { return events_; }

private:
    std::vector<Trace> traces_;
    std::vector<Event> events_;
    GUID activity_ = {
        0x1a2b3c4du, 0x5e6f, 0x7081, {0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09}};
    bool enabled_ = false;
    DWORD areas_ = 0;
    DWORD verbosity_ = 0;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_satellites.hpp -----

IISFAKE_BEGIN_NAMESPACE

// What a context knows beyond its request: where the site lives, who the user is, whether there
// is a connection. Defaults are a default IIS install serving the root application.
struct ContextSettings {
    std::string site_name = "Default Web Site";
    std::string physical_root = "C:\\inetpub\\wwwroot";  // the application's physical path
    std::string application_id = "/LM/W3SVC/1/ROOT";     // APPL_MD_PATH
    // The application's configuration path (GetAppConfigPath). IMetadataInfo::GetMetaPath is
    // the request URL's: "MACHINE/WEBROOT/APPHOST/<site_name><URL path>", which modules pass to
    // GetAdminSection.
    std::string config_path = "MACHINE/WEBROOT/APPHOST/Default Web Site";
    std::string app_pool = "DefaultAppPool";
    // USER-1: anonymous is a user with empty strings; has_user = false makes GetUser() NULL
    // (before authentication, T-25).
    bool has_user = true;
    std::string user_name;
    std::string auth_type;
    // T-25: requests IIS starts itself (application initialization) have no connection.
    bool has_connection = true;
    // CTX-11: the documentation says GetRootContext returns NULL for a root context; true
    // returns the context itself instead.
    bool root_context_is_self = false;
    // IHttpContext4: GetTickCount64-based milliseconds when the request started.
    ULONGLONG start_time_ms = 1000000;
};

namespace detail {

template <class Unused>
class RequestRun;  // ModuleHost's run of one request

template <class Unused = void>
class FakeHttpContextBase : public IHttpContext4 {
    template <class>
    friend class RequestRun;  // steers the request through its core
public:
    using Core = RequestCore<Unused>;
    explicit FakeHttpContextBase(const RequestBuilder& spec = RequestBuilder(),
                                 ContextSettings settings = ContextSettings());
    FakeHttpContextBase(const FakeHttpContextBase&) = delete;
    FakeHttpContextBase& operator=(const FakeHttpContextBase&) = delete;
    // Ends the request if the test did not (end_request), then reports an operation still
    // pending through the misuse handler.
    virtual ~FakeHttpContextBase() noexcept(false);

    // ---- IHttpContext ------------------------------------------------------------------------
    IHttpSite* GetSite(VOID) override { return logged(Method::GetSite, &site_); }
    IHttpApplication* GetApplication(VOID) override {
        return logged(Method::GetApplication, &application_);
    }
    IHttpConnection* GetConnection(VOID) override {
        return logged(Method::GetConnection, settings_.has_connection
                                                 ? &connection_
                                                 : static_cast<IHttpConnection*>(nullptr));
    }
    IHttpRequest* GetRequest(VOID) override { return logged(Method::GetRequest, &request_); }
    IHttpResponse* GetResponse(VOID) override { return logged(Method::GetResponse, &response_); }
    BOOL GetResponseHeadersSent(VOID) const override {
        record(Method::GetResponseHeadersSent, std::string(), S_OK);
        return response_.headers_sent() ? TRUE : FALSE;  // CTX-2
    }
    IHttpUser* GetUser(VOID) const override {
        record(Method::GetUser, std::string(), S_OK);
        return current_user();
    }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override {
        return logged(Method::GetModuleContextContainer, &contexts_);
    }
    VOID IndicateCompletion(REQUEST_NOTIFICATION_STATUS notificationStatus) override;
    HRESULT PostCompletion(DWORD cbBytes) override { return post(cbBytes, nullptr, nullptr); }
    VOID DisableNotifications(DWORD dwNotifications, DWORD dwPostNotifications) override {
        disabled_ |= dwNotifications;
        disabled_post_ |= dwPostNotifications;
        record(Method::DisableNotifications,
               std::to_string(dwNotifications) + ", " + std::to_string(dwPostNotifications), S_OK);
        if (core_.pipeline_)
            core_.pipeline_->disable_notifications(dwNotifications, dwPostNotifications);
    }
    // CTX-13: running the next notification inline needs the pipeline; FALSE means "not
    // possible", which callers handle.
    BOOL GetNextNotification(REQUEST_NOTIFICATION_STATUS, DWORD* pdwNotification,
                             BOOL* pfIsPostNotification, CHttpModule** ppModuleInfo,
                             IHttpEventProvider** ppRequestOutput) override {
        if (pdwNotification) *pdwNotification = 0;
        if (pfIsPostNotification) *pfIsPostNotification = FALSE;
        if (ppModuleInfo) *ppModuleInfo = nullptr;
        if (ppRequestOutput) *ppRequestOutput = nullptr;
        record(Method::GetNextNotification, std::string(), S_OK);
        return FALSE;
    }
    BOOL GetIsLastNotification(REQUEST_NOTIFICATION_STATUS) override {
        record(Method::GetIsLastNotification, std::string(), S_OK);
        return FALSE;
    }
    // CTX-9: runs a child CloneContext made, through the pipeline host (ModuleHost).
    HRESULT ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext, DWORD dwExecuteFlags,
                           IHttpUser* pHttpUser, BOOL* pfCompletionExpected = NULL) override;
    DWORD GetExecuteFlags(VOID) const override {
        record(Method::GetExecuteFlags, std::string(), S_OK);
        return execute_flags_;
    }
    HRESULT GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                              DWORD* pcchValueLength) override;
    HRESULT GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                              DWORD* pcchValueLength) override;
    HRESULT SetServerVariable(PCSTR pszVariableName, PCWSTR pszVariableValue) override;
    VOID* AllocateRequestMemory(DWORD cbAllocation) override;
    IHttpUrlInfo* GetUrlInfo(VOID) override { return logged(Method::GetUrlInfo, &url_info_); }
    IMetadataInfo* GetMetadata(VOID) override { return logged(Method::GetMetadata, &metadata_); }
    PCWSTR GetPhysicalPath(DWORD* pcchPhysicalPath = NULL) override;
    PCWSTR GetScriptName(DWORD* pcchScriptName = NULL) const override;
    PCWSTR GetScriptTranslated(DWORD* pcchScriptTranslated = NULL) override;
    IScriptMapInfo* GetScriptMap(VOID) const override {
        record(Method::GetScriptMap, std::string(), S_OK);
        return nullptr;  // no handler mapping until the pipeline host chooses one
    }
    VOID SetRequestHandled(VOID) override {
        request_handled_ = true;
        record(Method::SetRequestHandled, std::string(), S_OK);
    }
    IHttpFileInfo* GetFileInfo(VOID) const override {
        record(Method::GetFileInfo, std::string(), S_OK);
        return nullptr;  // the fake serves no files from disk
    }
    HRESULT MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath, DWORD* pcbPhysicalPath) override;
    HRESULT NotifyCustomNotification(ICustomNotificationProvider* pCustomOutput,
                                     BOOL* pfCompletionExpected) override;
    IHttpContext* GetParentContext(VOID) const override {
        record(Method::GetParentContext, std::string(), S_OK);
        return parent_;  // CTX-11: NULL for a root context
    }
    IHttpContext* GetRootContext(VOID) const override {
        record(Method::GetRootContext, std::string(), S_OK);
        if (parent_) return root_;
        return settings_.root_context_is_self ? const_cast<FakeHttpContextBase*>(this) : nullptr;
    }
    // CTX-10: a child request with this one's URL and method (CLONE_FLAG_BASICS), headers
    // (HEADERS, less preconditions with NO_PRECONDITION and WebDAV's with NO_DAV) and entity
    // (ENTITY); it lives until this context ends.
    HRESULT CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) override;
    HRESULT ReleaseClonedContext(VOID) override;
    HRESULT GetCurrentExecutionStats(
        DWORD* pdwNotification, DWORD* pdwNotificationStartTickCount = NULL,
        PCWSTR* ppszModule = NULL, DWORD* pdwModuleStartTickCount = NULL,
        DWORD* pdwAsyncNotification = NULL,
        DWORD* pdwAsyncNotificationStartTickCount = NULL) const override;
    IHttpTraceContext* GetTraceContext(VOID) const override {
        record(Method::GetTraceContext, std::string(), S_OK);
        return const_cast<FakeHttpTraceContext*>(&trace_);  // T-25: never NULL
    }
    // CTX-15: IIS-internal (managed/native server-variable sync).
    HRESULT GetServerVarChanges(DWORD, DWORD*, DWORD*, PCSTR**, PCWSTR**, DWORD*,
                                DWORD**) override {
        return not_supported(Method::GetServerVarChanges);
    }
    HRESULT CancelIo(VOID) override {
        record(Method::CancelIo, std::string(), S_OK);
        core_.cancel_pending("IHttpContext::CancelIo");  // §1.7 item 7
        return S_OK;
    }
    HRESULT MapHandler(DWORD, PCWSTR, PCWSTR, PCSTR, IScriptMapInfo** ppScriptMap,
                       BOOL = FALSE) override {
        if (ppScriptMap) *ppScriptMap = nullptr;
        return not_supported(Method::MapHandler);
    }
    HRESULT GetExtendedInterface(HTTP_CONTEXT_INTERFACE_VERSION, PVOID* ppInterface) override {
        if (ppInterface) *ppInterface = nullptr;
        return not_supported(Method::GetExtendedInterface);
    }

    // ---- IHttpContext2 / 3 / 4 ---------------------------------------------------------------
    IHttpUser* GetOriginalUser(VOID) const override {
        record(Method::GetOriginalUser, std::string(), S_OK);
        return user();  // the user before any module authenticated another (PROV-2)
    }
    INamedContextContainer* GetNamedContextContainer(VOID) override {
        return logged(Method::GetNamedContextContainer, &named_);
    }
    VOID EnableFullDuplex(VOID) override {
        core_.options_.full_duplex = true;  // §1.7 item 8
        record(Method::EnableFullDuplex, std::string(), S_OK);
    }
    HRESULT InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist = FALSE) override;
    HRESULT PostCompletion(DWORD cbBytes, LPOVERLAPPED_COMPLETION_ROUTINE pfnCompletionRoutine,
                           VOID* pvCompletionContext) override {
        return post(cbBytes, pfnCompletionRoutine, pvCompletionContext);
    }
    ULONGLONG GetRequestStartTime(VOID) override {
        record(Method::GetRequestStartTime, std::string(), S_OK);
        return settings_.start_time_ms;
    }
    ULONGLONG GetRequestElapsedTime(VOID) override {
        record(Method::GetRequestElapsedTime, std::string(), S_OK);
        return now_ms_ - settings_.start_time_ms;
    }

    // ---- the parts -----------------------------------------------------------------------------
    FakeHttpRequest& request() noexcept { return request_; }
    FakeHttpResponse& response() noexcept { return response_; }
    FakeHttpUser* user() const noexcept {
        return settings_.has_user ? const_cast<FakeHttpUser*>(&user_) : nullptr;
    }
    FakeHttpSite& site() noexcept { return site_; }
    FakeHttpApplication& application() noexcept { return application_; }
    FakeHttpConnection& connection() noexcept { return connection_; }
    FakeHttpUrlInfo& url_info() noexcept { return url_info_; }
    FakeMetadataInfo& metadata() noexcept { return metadata_; }
    FakeHttpTraceContext& trace() noexcept { return trace_; }
    FakeModuleContextContainer& module_contexts() noexcept { return contexts_; }
    // What an OnAuthenticateRequest receives: SetUser makes that user GetUser()'s, and the
    // context calls its DereferenceUser when the request ends (PROV-2).
    FakeAuthenticationProvider& authentication_provider() noexcept { return authentication_; }
    FakeNamedContextContainer& named_contexts() noexcept { return named_; }

    // ---- test knobs ---------------------------------------------------------------------------
    // One Options for the whole request (shared with request() and response()).
    Options& options() noexcept { return core_.options_; }
    void set_misuse_handler(MisuseHandler handler) { core_.misuse_handler_ = std::move(handler); }
    void fail(Method method, HRESULT result) { core_.add_fault(On::context, method, 0, result); }
    void fail_nth(Method method, unsigned nth, HRESULT result) {
        core_.add_fault(On::context, method, nth, result);
    }
    // The test clock behind GetRequestElapsedTime.
    void advance_clock(ULONGLONG ms) noexcept { now_ms_ += ms; }
    // AllocateRequestMemory returns NULL once this many bytes are allocated (CTX-4: module code
    // must handle NULL). 0: no limit.
    void set_request_memory_limit(std::size_t bytes) noexcept { memory_limit_ = bytes; }
    // The client goes away: the connection reports it (APP-1) and body reads fail from now on.
    void disconnect_client();
    void set_execute_flags(DWORD flags) noexcept { execute_flags_ = flags; }
    // The request ends as IIS ends it: the response's final send, then each stored context's
    // CleanupStoredContext once (CONT-1), then request memory poisoned and freed (CTX-4).
    void end_request();

    // The pipeline host running this request (ModuleHost sets it): IndicateCompletion,
    // DisableNotifications, NotifyCustomNotification and each send reach it.
    void set_pipeline(detail::Pipeline* pipeline) noexcept { core_.pipeline_ = pipeline; }

    // ---- asynchronous completion (one queue for the whole request) ---------------------------
    void set_completion_sink(CompletionSink sink) {
        auto guard = core_.lock();
        core_.sink_ = std::move(sink);
    }
    void deliver_on_thread(bool on = true) { core_.deliver_on_thread(on); }
    void wait_for_completions() { core_.wait_for_completions(); }
    bool has_pending() const { return core_.has_pending(); }
    std::size_t pending_count() const { return core_.pending_count(); }
    void complete_pending() { core_.complete_pending("FakeHttpContext::complete_pending"); }
    void complete_pending_with(HRESULT status, DWORD bytes = 0) {
        core_.complete_pending_with("FakeHttpContext::complete_pending", status, bytes);
    }
    void expect_nothing_pending() {
        core_.expect_nothing_pending("FakeHttpContext::expect_nothing_pending");
    }
    std::vector<Completion> completions() const { return core_.completions(); }

    // ---- inspection ---------------------------------------------------------------------------
    // Every call on the context, its request and its response, in the order module code made
    // them (Call::on tells which).
    std::vector<Call> calls() const { return core_.calls(); }
    void clear_calls() { core_.clear_calls(); }
    const std::vector<Misuse>& misuses() const noexcept { return core_.misuses_; }
    bool request_handled() const noexcept { return request_handled_; }
    DWORD disabled_notifications() const noexcept { return disabled_; }
    DWORD disabled_post_notifications() const noexcept { return disabled_post_; }
    // The status of the last IndicateCompletion; false when none was made.
    bool indicated_completion(REQUEST_NOTIFICATION_STATUS* status = nullptr) const noexcept {
        if (status) *status = indicated_;
        return has_indicated_;
    }
    std::size_t request_memory_bytes() const noexcept { return memory_bytes_; }
    bool ended() const noexcept { return ended_; }
    // A server variable as module code would read it (narrow form); "" with false when absent.
    bool server_variable(const std::string& name, std::string& value) const;

private:
    struct Block {
        std::unique_ptr<unsigned char[]> data;
        std::size_t size;
    };

    void record(Method method, std::string arguments, HRESULT result) const {
        core_.record(On::context, method, std::move(arguments), result);
    }
    template <class T>
    T* logged(Method method, T* object) const {
        record(method, std::string(), S_OK);
        return object;
    }
    HRESULT not_supported(Method method) {
        record(method, std::string(), HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result) {
        return core_.report(method, rule, std::move(problem), result);
    }
    MisuseReporter reporter() {
        return [this](const char* method, const char* rule, std::string problem, HRESULT result) {
            return core_.report(method, rule, std::move(problem), result);
        };
    }
    IHttpUser* current_user() const noexcept {
        if (authenticated_) return authenticated_;
        if (execute_user_) return execute_user_;
        return user();
    }
    HRESULT post(DWORD bytes, LPOVERLAPPED_COMPLETION_ROUTINE routine, void* context);
    template <class Char>
    HRESULT get_variable(PCSTR name, const Char** value_out, DWORD* length_out);
    const WCHAR* server_owned(const wide_string& value, DWORD& length, const WCHAR*) const;
    const char* server_owned(const wide_string& value, DWORD& length, const char*) const;
    // The value of a variable computed from the request now, or false.
    bool computed(const std::string& upper, std::string& value) const;
    bool lookup(const char* name, wide_string& value) const;
    wide_string physical_path_of(const wide_string& url) const;
    wide_string url_path() const;
    // [D] GetMetaPath: "the configuration path for the current context": the site's, then the
    // URL's path [I].
    static wide_string config_path_of(wide_string site, const wide_string& url) {
        wide_string path = url;
        while (!path.empty() && path.back() == L'/') path.pop_back();
        return site + path;
    }
    bool is_request_memory(const void* data, std::size_t size) const;

    mutable Core core_;
    ContextSettings settings_;
    FakeHttpRequest request_;
    FakeHttpResponse response_;
    FakeHttpUser user_;
    FakeHttpSite site_;
    FakeHttpApplication application_;
    FakeHttpConnection connection_;
    FakeHttpUrlInfo url_info_;
    FakeMetadataInfo metadata_;
    FakeHttpTraceContext trace_;
    FakeModuleContextContainer contexts_;
    FakeNamedContextContainer named_;
    IHttpUser* authenticated_ = nullptr;
    FakeAuthenticationProvider authentication_;

    std::vector<Block> memory_;
    std::size_t memory_bytes_ = 0;
    std::size_t memory_limit_ = 0;
    std::vector<std::pair<std::string, wide_string>> set_variables_;  // SetServerVariable
    mutable Pool<WCHAR> wide_values_;
    mutable Pool<char> narrow_values_;
    DWORD disabled_ = 0;
    DWORD disabled_post_ = 0;
    DWORD execute_flags_ = 0;
    bool request_handled_ = false;
    bool has_indicated_ = false;
    REQUEST_NOTIFICATION_STATUS indicated_ = RQ_NOTIFICATION_CONTINUE;
    ULONGLONG now_ms_;
    bool ended_ = false;
    mutable bool mapping_ = false;  // OnMapPath handlers asking for paths do not raise it again
    mutable wide_string mapped_url_;
    mutable wide_string mapped_path_;

    // Child requests (CTX-9, CTX-10).
    RequestBuilder spec_;  // what a clone starts from
    FakeHttpContextBase* parent_ = nullptr;
    FakeHttpContextBase* root_ = nullptr;
    unsigned depth_ = 0;
    std::vector<std::unique_ptr<FakeHttpContextBase>> children_;
    bool executed_ = false;
    bool released_ = false;
    IHttpUser* execute_user_ = nullptr;  // ExecuteRequest's pHttpUser: authentication skipped
};

}  // namespace detail

// An IHttpContext4 (and so IHttpContext3, 2 and IHttpContext) holding a whole request; see
// FakeHttpContextBase for its members.
class FakeHttpContext : public detail::FakeHttpContextBase<> {
public:
    using FakeHttpContextBase::FakeHttpContextBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpContextBase<void>;
IISFAKE_END_NAMESPACE
#else
// ----- begin iisfake/detail/fake_http_context_impl.hpp -----
#ifndef IISFAKE_DETAIL_FAKE_HTTP_CONTEXT_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_CONTEXT_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpContext (declared in fake_http_context.hpp).


IISFAKE_BEGIN_NAMESPACE

namespace detail {

inline wide_string widen_utf8(const std::string& text) {
    return utf8_to_wide(text.data(), text.size());
}

inline std::string upper_ascii(const char* text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// HTTP_<NAME> for a header: upper case, '-' becomes '_' (as CGI names them).
inline std::string cgi_name(const std::string& header) {
    std::string out = "HTTP_" + upper_ascii(header.c_str());
    for (char& c : out)
        if (c == '-') c = '_';
    return out;
}

inline unsigned port_of(const SOCKADDR* address) {
    if (!address) return 0;
    unsigned char bytes[4] = {};
    std::memcpy(bytes, address, sizeof bytes);  // sin_port and sin6_port: bytes 2-3, big-endian
    return static_cast<unsigned>(bytes[2]) * 256u + bytes[3];
}

template <class Unused>
FakeHttpContextBase<Unused>::FakeHttpContextBase(const RequestBuilder& spec,
                                                 ContextSettings settings)
    : settings_(std::move(settings)),
      request_(spec, core_),
      response_(core_),
      user_(widen_utf8(settings_.user_name), widen_utf8(settings_.auth_type), reporter()),
      site_(request_.site_id(), widen_utf8(settings_.site_name), reporter()),
      application_(widen_utf8(settings_.physical_root), widen_utf8(settings_.application_id),
                   widen_utf8(settings_.config_path), reporter()),
      connection_(reporter()),
      url_info_(reporter()),
      metadata_(config_path_of(widen_utf8("MACHINE/WEBROOT/APPHOST/" + settings_.site_name),
                               url_path()),
                widen_utf8(settings_.physical_root), reporter()),
      contexts_(reporter(), "IHttpModuleContextContainer"),
      named_(reporter()),
      authentication_([this](IHttpUser* user) {
          if (authenticated_) authenticated_->DereferenceUser();
          authenticated_ = user;
      }),
      now_ms_(settings_.start_time_ms) {
    spec_ = spec;
    core_.name_ = "FakeHttpContext";
    core_.http_context_ = this;  // what PFN_ASYNC_COMPLETION callbacks receive
    response_.set_request_memory_check(
        [this](const void* data, std::size_t size) { return is_request_memory(data, size); });
    response_.set_request_url([this] { return request_.full_url(); });
}

template <class Unused>
FakeHttpContextBase<Unused>::~FakeHttpContextBase() noexcept(false) {
    if (std::uncaught_exceptions() == 0) end_request();
    core_.end_of_request("FakeHttpContext::~FakeHttpContext");
}

template <class Unused>
void FakeHttpContextBase<Unused>::end_request() {
    if (ended_) return;
    ended_ = true;
    core_.wait_for_completions();
    response_.end_request();
    contexts_.cleanup();
    named_.cleanup();
    if (authenticated_) authenticated_->DereferenceUser();  // PROV-2: the provider owned it
    authenticated_ = nullptr;
    metadata_.contexts().cleanup();
    url_info_.contexts().cleanup();
    connection_.contexts().cleanup();
    application_.contexts().cleanup();
    site_.contexts().cleanup();
    // CTX-4: freed at the request's end; poisoned first, so a module still reading it reads
    // "<stale>" where AddressSanitizer is not there to catch it.
    for (Block& block : memory_) poison_text(block.data.get(), block.size);
    memory_.clear();
    memory_bytes_ = 0;
}

// ---- completion -------------------------------------------------------------------------------

template <class Unused>
VOID FakeHttpContextBase<Unused>::IndicateCompletion(
    REQUEST_NOTIFICATION_STATUS notificationStatus) {
    has_indicated_ = true;
    indicated_ = notificationStatus;
    record(Method::IndicateCompletion, std::to_string(static_cast<int>(notificationStatus)), S_OK);
    if (core_.pipeline_) core_.pipeline_->indicate_completion(notificationStatus);
}

// OnCustomRequestNotification of the modules that registered for it, on this thread; IIS
// reports no completion to come (PROV-3).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::NotifyCustomNotification(
    ICustomNotificationProvider* pCustomOutput, BOOL* pfCompletionExpected) {
    if (pfCompletionExpected) *pfCompletionExpected = FALSE;
    if (!core_.pipeline_) return not_supported(Method::NotifyCustomNotification);
    if (!pCustomOutput) {
        record(Method::NotifyCustomNotification, std::string(), E_INVALIDARG);
        return report("IHttpContext::NotifyCustomNotification", "PROV-3",
                      "pCustomOutput is NULL", E_INVALIDARG);
    }
    record(Method::NotifyCustomNotification, std::string(), S_OK);
    return core_.pipeline_->notify_custom(pCustomOutput, pfCompletionExpected);
}

// §1.7 item 5: a completion with GetCompletionBytes() == cbBytes and S_OK, delivered later to
// the module's OnAsyncCompletion (or, IHttpContext3, to the completion routine; CTX-12, T-23).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::post(DWORD bytes, LPOVERLAPPED_COMPLETION_ROUTINE routine,
                                          void* context) {
    const std::string arguments = std::to_string(bytes) + (routine ? ", routine" : "");
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::PostCompletion, arguments, result))
        return result;
    record(Method::PostCompletion, arguments, S_OK);
    core_.queue(Operation{OperationKind::post, nullptr, nullptr, bytes, false, nullptr, context,
                          routine, CompletionSink(), false, false});
    return S_OK;
}

// ---- child requests (CTX-9, CTX-10) -----------------------------------------------------------

namespace clone {
// What a cloned request's URL is when the module rewrote this one's: the cooked URL, encoded.
inline std::string encode_url(const std::string& decoded) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char byte : decoded) {
        const auto c = static_cast<unsigned char>(byte);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || std::strchr("/?=&;:@!$'()*+,-._~", c);
        if (plain && c != 0) {
            out += byte;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}
}  // namespace clone

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) {
    const std::string arguments = std::to_string(dwCloneFlags);
    if (!ppHttpContext) {
        record(Method::CloneContext, arguments, E_INVALIDARG);
        return report("IHttpContext::CloneContext", "CTX-10", "ppHttpContext is NULL",
                      E_INVALIDARG);
    }
    *ppHttpContext = nullptr;
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::CloneContext, arguments, result))
        return result;
    RequestBuilder child = spec_;
    child.faults_.clear();
    child.disconnect_armed_ = false;
    {
        // Reading this request to copy it is not the module's doing: kept out of the call log.
        ActingForIis quiet;
        const HTTP_REQUEST* raw = request_.GetRawHttpRequest();
        if ((dwCloneFlags & CLONE_FLAG_BASICS) != 0) {
            child.method_ = request_.GetHttpMethod();
            if (request_.GetUrlChanged()) {
                std::string url = wide_to_utf8(raw->CookedUrl.pAbsPath,
                                               raw->CookedUrl.AbsPathLength / sizeof(WCHAR));
                if (raw->CookedUrl.pQueryString)
                    url += wide_to_utf8(raw->CookedUrl.pQueryString,
                                        raw->CookedUrl.QueryStringLength / sizeof(WCHAR));
                child.url_ = clone::encode_url(url);
            } else {
                child.url_.assign(raw->pRawUrl ? raw->pRawUrl : "/", raw->RawUrlLength);
            }
        } else {
            child.method_ = "GET";  // the module sets the child's URL and method itself
            child.url_ = "/";
        }
        child.headers_.clear();
        if ((dwCloneFlags & CLONE_FLAG_HEADERS) != 0) {
            for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
                const HTTP_KNOWN_HEADER& known = raw->Headers.KnownHeaders[id];
                if (known.pRawValue && known.RawValueLength > 0)
                    child.headers_.emplace_back(request_header_name(id),
                                                std::string(known.pRawValue, known.RawValueLength));
            }
            for (USHORT i = 0; i < raw->Headers.UnknownHeaderCount; ++i) {
                const HTTP_UNKNOWN_HEADER& unknown = raw->Headers.pUnknownHeaders[i];
                if (unknown.pName && unknown.pRawValue)
                    child.headers_.emplace_back(std::string(unknown.pName, unknown.NameLength),
                                                std::string(unknown.pRawValue, unknown.RawValueLength));
            }
            child.default_host_ = false;
        }
    }
    if ((dwCloneFlags & CLONE_FLAG_NO_PRECONDITION) != 0) {
        for (const char* name : {"Range", "If-Range", "If-Match", "If-None-Match",
                                 "If-Modified-Since", "If-Unmodified-Since"})
            child.remove_header(name);
    }
    if ((dwCloneFlags & CLONE_FLAG_NO_DAV) != 0) {
        for (const char* name : {"Depth", "Destination", "Overwrite", "If", "Lock-Token",
                                 "Timeout", "Translate"})
            child.remove_header(name);
    }
    if ((dwCloneFlags & CLONE_FLAG_ENTITY) == 0) {
        child.body_.clear();
        child.body_length_ = 0;
        child.generator_ = BodyGenerator();
        child.chunked_ = false;
        child.remove_header("Content-Length");
        child.remove_header("Transfer-Encoding");
    }
    std::unique_ptr<FakeHttpContextBase> clone(new FakeHttpContext(child, settings_));
    clone->parent_ = this;
    clone->root_ = parent_ ? root_ : this;
    clone->depth_ = depth_ + 1;
    clone->core_.options_ = core_.options_;
    clone->core_.misuse_handler_ = core_.misuse_handler_;
    children_.push_back(std::move(clone));
    *ppHttpContext = children_.back().get();
    record(Method::CloneContext, arguments, S_OK);
    return S_OK;
}

// CTX-10: children go in reverse creation order, each before its parent.
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::ReleaseClonedContext() {
    auto fail = [this](HRESULT result) {
        record(Method::ReleaseClonedContext, std::string(), result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::ReleaseClonedContext, std::string(), result))
        return result;
    if (!parent_) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // not a clone [I]
    if (released_ || parent_->released_) return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    for (const auto& child : children_)
        if (!child->released_) return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    bool later = false;
    for (const auto& sibling : parent_->children_) {
        if (sibling.get() == this) {
            later = true;
        } else if (later && !sibling->released_) {
            return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        }
    }
    released_ = true;
    record(Method::ReleaseClonedContext, std::string(), S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext,
                                                    DWORD dwExecuteFlags, IHttpUser* pHttpUser,
                                                    BOOL* pfCompletionExpected) {
    if (pfCompletionExpected) *pfCompletionExpected = FALSE;
    const std::string arguments =
        std::string(fAsync ? "async" : "sync") + ", " + std::to_string(dwExecuteFlags);
    auto fail = [&](HRESULT result) {
        record(Method::ExecuteRequest, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::ExecuteRequest, arguments, result))
        return result;
    if (!fAsync) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // CTX-9: async only
    FakeHttpContextBase* child = nullptr;
    for (const auto& candidate : children_)
        if (static_cast<IHttpContext*>(candidate.get()) == pHttpContext) child = candidate.get();
    if (!child) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // not cloned from here
    // [I] IIS runs a child once; a released one is gone.
    if (child->executed_ || child->released_)
        return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    if (child->depth_ > 10) return fail(HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW));
    if (!core_.pipeline_) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // no host
    child->executed_ = true;
    child->execute_flags_ = dwExecuteFlags;
    child->execute_user_ = pHttpUser;
    record(Method::ExecuteRequest, arguments, S_OK);
    return core_.pipeline_->execute_child(*child, dwExecuteFlags, pHttpUser != nullptr,
                                          pfCompletionExpected);
}

// ---- request memory ---------------------------------------------------------------------------

template <class Unused>
VOID* FakeHttpContextBase<Unused>::AllocateRequestMemory(DWORD cbAllocation) {
    const std::size_t size = cbAllocation ? cbAllocation : 1;
    if (memory_limit_ && memory_bytes_ + size > memory_limit_) {
        record(Method::AllocateRequestMemory, std::to_string(cbAllocation), E_OUTOFMEMORY);
        return nullptr;  // CTX-4: NULL on failure
    }
    memory_.push_back(Block{std::unique_ptr<unsigned char[]>(new unsigned char[size]()), size});
    memory_bytes_ += size;
    record(Method::AllocateRequestMemory, std::to_string(cbAllocation), S_OK);
    return memory_.back().data.get();
}

template <class Unused>
bool FakeHttpContextBase<Unused>::is_request_memory(const void* data, std::size_t size) const {
    const auto* p = static_cast<const unsigned char*>(data);
    for (const Block& block : memory_) {
        const unsigned char* begin = block.data.get();
        if (p >= begin && p < begin + block.size &&
            size <= block.size - static_cast<std::size_t>(p - begin))
            return true;
    }
    return false;
}

// ---- server variables (CTX-5, CTX-6) -----------------------------------------------------------

template <class Unused>
wide_string FakeHttpContextBase<Unused>::url_path() const {
    const HTTP_COOKED_URL& cooked = request_.raw().CookedUrl;
    if (!cooked.pAbsPath) return wide_string(1, L'/');
    return wide_string(cooked.pAbsPath, cooked.AbsPathLength / sizeof(WCHAR));
}

template <class Unused>
bool FakeHttpContextBase<Unused>::computed(const std::string& upper, std::string& value) const {
    const HTTP_REQUEST& raw = request_.raw();
    const bool secure = raw.pSslInfo != nullptr;
    const wide_string wide_path = url_path();
    const std::string path = wide_to_utf8(wide_path.data(), wide_path.size());
    const std::string version = "HTTP/" + std::to_string(raw.Version.MajorVersion) + "." +
                                std::to_string(raw.Version.MinorVersion);
    const std::string full = request_.full_url();
    std::string host = request_.header("Host");
    if (host.empty()) host = "localhost";
    const std::string host_name =
        host[0] == '[' ? host.substr(0, host.find(']') + 1) : host.substr(0, host.find(':'));
    IHttpUser* who = current_user();
    if (upper == "REQUEST_METHOD")
        value = request_.method();
    else if (upper == "URL" || upper == "PATH_INFO" || upper == "SCRIPT_NAME")
        value = path;
    else if (upper == "QUERY_STRING") {
        const std::size_t q = full.find('?');
        value = q == std::string::npos ? std::string() : full.substr(q + 1);
    } else if (upper == "UNENCODED_URL" || upper == "HTTP_URL")
        value = request_.raw_url();
    else if (upper == "SERVER_NAME")
        value = host_name;
    else if (upper == "SERVER_PORT")
        value = std::to_string(port_of(raw.Address.pLocalAddress));
    else if (upper == "SERVER_PORT_SECURE")
        value = secure ? "1" : "0";
    else if (upper == "HTTPS")
        value = secure ? "on" : "off";
    else if (upper == "SERVER_PROTOCOL" || upper == "HTTP_VERSION")
        value = version;
    else if (upper == "REMOTE_ADDR" || upper == "REMOTE_HOST")
        value = request_.remote_address();
    else if (upper == "REMOTE_PORT")
        value = std::to_string(port_of(raw.Address.pRemoteAddress));
    else if (upper == "LOCAL_ADDR")
        value = request_.local_address();
    else if (upper == "CONTENT_TYPE")
        value = request_.header("Content-Type");
    else if (upper == "CONTENT_LENGTH") {
        value = request_.header("Content-Length");
        if (value.empty()) value = "0";
    } else if (upper == "AUTH_TYPE")
        value = who ? utf8_of(who->GetAuthenticationType()) : std::string();
    else if (upper == "REMOTE_USER" || upper == "LOGON_USER" || upper == "AUTH_USER")
        value = who ? utf8_of(who->GetUserName()) : std::string();
    else if (upper == "APPL_PHYSICAL_PATH") {
        value = settings_.physical_root;
        if (value.empty() || value.back() != '\\') value += '\\';
    } else if (upper == "APPL_MD_PATH")
        value = settings_.application_id;
    else if (upper == "INSTANCE_ID")
        value = std::to_string(site_.GetSiteId());
    else if (upper == "INSTANCE_META_PATH")
        value = "/LM/W3SVC/" + std::to_string(site_.GetSiteId());
    else if (upper == "PATH_TRANSLATED" || upper == "SCRIPT_TRANSLATED") {
        const wide_string physical = physical_path_of(url_path());
        value = wide_to_utf8(physical.data(), physical.size());
    } else if (upper == "SERVER_SOFTWARE")
        value = "Microsoft-IIS/10.0";
    else if (upper == "GATEWAY_INTERFACE")
        value = "CGI/1.1";
    else if (upper == "APP_POOL_ID")
        value = settings_.app_pool;
    else if (upper == "ALL_HTTP") {
        value.clear();
        for (const auto& header : request_.headers())
            value += cgi_name(header.first) + ":" + header.second + "\n";
    } else if (upper == "ALL_RAW") {
        value.clear();  // reflects header edits (CTX-5: ANCM forwards it)
        for (const auto& header : request_.headers())
            value += header.first + ": " + header.second + "\r\n";
    } else if (upper.compare(0, 5, "HTTP_") == 0) {
        for (const auto& header : request_.headers())
            if (cgi_name(header.first) == upper) {
                value = header.second;
                return true;
            }
        return false;
    } else {
        return false;
    }
    return true;
}

template <class Unused>
bool FakeHttpContextBase<Unused>::lookup(const char* name, wide_string& value) const {
    const std::string upper = upper_ascii(name);
    for (auto it = set_variables_.rbegin(); it != set_variables_.rend(); ++it)
        if (it->first == upper) {
            value = it->second;
            return true;
        }
    std::string narrow;
    if (!computed(upper, narrow)) return false;
    value = utf8_to_wide(narrow.data(), narrow.size());
    return true;
}

template <class Unused>
bool FakeHttpContextBase<Unused>::server_variable(const std::string& name,
                                                  std::string& value) const {
    wide_string wide;
    value.clear();
    if (!lookup(name.c_str(), wide)) return false;
    value = wide_to_utf8(wide.data(), wide.size());
    return true;
}

// Both forms of GetServerVariable: the value is computed now and copied into server-owned
// memory that lives to the request's end (CTX-5).
template <class Unused>
template <class Char>
HRESULT FakeHttpContextBase<Unused>::get_variable(PCSTR name, const Char** value_out,
                                                  DWORD* length_out) {
    const std::string arguments = name ? name : "NULL";
    HRESULT result = S_OK;
    if (value_out) *value_out = nullptr;
    if (length_out) *length_out = 0;
    if (core_.injected_recorded(On::context, Method::GetServerVariable, arguments, result))
        return result;
    if (!name || !value_out) {
        record(Method::GetServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext::GetServerVariable", "CTX-5",
                      name ? "ppszValue is NULL" : "pszVariableName is NULL", E_INVALIDARG);
    }
    wide_string value;
    if (!lookup(name, value)) {
        // Data, not misuse: a header the client did not send (CTX-5).
        record(Method::GetServerVariable, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_INDEX));
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    DWORD length = 0;
    *value_out = server_owned(value, length, static_cast<const Char*>(nullptr));
    if (length_out) *length_out = length;
    record(Method::GetServerVariable, arguments, S_OK);
    return S_OK;
}

// Defined here rather than in the class, so that with the one-file opt-in the member template
// they call is instantiated in that file only.
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                                                       DWORD* pcchValueLength) {
    return get_variable(pszVariableName, ppszValue, pcchValueLength);
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                                                       DWORD* pcchValueLength) {
    return get_variable(pszVariableName, ppszValue, pcchValueLength);
}

template <class Unused>
const WCHAR* FakeHttpContextBase<Unused>::server_owned(const wide_string& value, DWORD& length,
                                                       const WCHAR*) const {
    length = static_cast<DWORD>(value.size());
    return wide_values_.copy(value.data(), value.size());
}

template <class Unused>
const char* FakeHttpContextBase<Unused>::server_owned(const wide_string& value, DWORD& length,
                                                      const char*) const {
    const std::string narrow = wide_to_utf8(value.data(), value.size());
    length = static_cast<DWORD>(narrow.size());
    return narrow_values_.copy(narrow.data(), narrow.size());
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::SetServerVariable(PCSTR pszVariableName,
                                                       PCWSTR pszVariableValue) {
    const std::string arguments = pszVariableName ? pszVariableName : "NULL";
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::SetServerVariable, arguments, result))
        return result;
    if (!pszVariableName || !pszVariableValue) {
        record(Method::SetServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext::SetServerVariable", "CTX-6",
                      pszVariableName ? "pszVariableValue is NULL" : "pszVariableName is NULL",
                      E_INVALIDARG);
    }
    set_variables_.emplace_back(upper_ascii(pszVariableName), wide_string(pszVariableValue));
    record(Method::SetServerVariable, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist) {
    const std::string arguments = szName ? szName : "NULL";
    if (!szName) {
        record(Method::InheritServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext3::InheritServerVariable", "CTX-18", "szName is NULL",
                      E_INVALIDARG);
    }
    wide_string value;
    const HRESULT result =
        lookup(szName, value) || !fFailIfNotExist ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    record(Method::InheritServerVariable, arguments, result);
    return result;
}

// ---- paths (CTX-7, CTX-8) ---------------------------------------------------------------------

template <class Unused>
wide_string FakeHttpContextBase<Unused>::physical_path_of(const wide_string& url) const {
    wide_string out = widen_utf8(settings_.physical_root);
    while (!out.empty() && out.back() == L'\\') out.pop_back();
    for (WCHAR c : url) out += c == L'/' ? L'\\' : c;
    if (!core_.pipeline_ || mapping_) return out;
    // RQ_MAP_PATH: raised once per URL, as IIS caches a mapping.
    if (url == mapped_url_) return mapped_path_;
    ScopedValue<bool> raising(mapping_, true);
    core_.pipeline_->map_path(url.c_str(), out);
    mapped_url_ = url;
    mapped_path_ = out;
    return out;
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetPhysicalPath(DWORD* pcchPhysicalPath) {
    const wide_string path = physical_path_of(url_path());
    if (pcchPhysicalPath) *pcchPhysicalPath = static_cast<DWORD>(path.size());
    record(Method::GetPhysicalPath, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetScriptName(DWORD* pcchScriptName) const {
    const wide_string path = url_path();
    if (pcchScriptName) *pcchScriptName = static_cast<DWORD>(path.size());
    record(Method::GetScriptName, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetScriptTranslated(DWORD* pcchScriptTranslated) {
    const wide_string path = physical_path_of(url_path());
    if (pcchScriptTranslated) *pcchScriptTranslated = static_cast<DWORD>(path.size());
    record(Method::GetScriptTranslated, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

// *pcbPhysicalPath counts WCHARs including the terminator, as its SAL annotation says (CTX-8 [I]).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath,
                                             DWORD* pcbPhysicalPath) {
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::MapPath, std::string(), result)) return result;
    if (!pszUrl || !pcbPhysicalPath) {
        record(Method::MapPath, std::string(), E_INVALIDARG);
        return report("IHttpContext::MapPath", "CTX-8",
                      pszUrl ? "pcbPhysicalPath is NULL" : "pszUrl is NULL", E_INVALIDARG);
    }
    const wide_string url(pszUrl);
    const wide_string path = physical_path_of(url);
    const std::string arguments = wide_to_utf8(url.data(), url.size());
    const DWORD needed = static_cast<DWORD>(path.size() + 1);
    if (!pszPhysicalPath || *pcbPhysicalPath < needed) {
        *pcbPhysicalPath = needed;
        record(Method::MapPath, arguments, HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
        return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
    }
    std::memcpy(pszPhysicalPath, path.c_str(), needed * sizeof(WCHAR));
    *pcbPhysicalPath = needed;
    record(Method::MapPath, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetCurrentExecutionStats(
    DWORD* pdwNotification, DWORD* pdwNotificationStartTickCount, PCWSTR* ppszModule,
    DWORD* pdwModuleStartTickCount, DWORD* pdwAsyncNotification,
    DWORD* pdwAsyncNotificationStartTickCount) const {
    if (!pdwNotification) {
        record(Method::GetCurrentExecutionStats, std::string(), E_INVALIDARG);
        return E_INVALIDARG;  // CTX-14
    }
    const auto tick = static_cast<DWORD>(now_ms_ & 0xFFFFFFFFu);
    PCWSTR module = nullptr;
    // Without a pipeline host no notification runs.
    *pdwNotification = core_.pipeline_ ? core_.pipeline_->current_notification(&module) : 0;
    if (pdwNotificationStartTickCount) *pdwNotificationStartTickCount = tick;
    if (ppszModule) *ppszModule = module;
    if (pdwModuleStartTickCount) *pdwModuleStartTickCount = tick;
    if (pdwAsyncNotification) *pdwAsyncNotification = 0;
    if (pdwAsyncNotificationStartTickCount) *pdwAsyncNotificationStartTickCount = 0;
    record(Method::GetCurrentExecutionStats, std::string(), S_OK);
    return S_OK;
}

template <class Unused>
void FakeHttpContextBase<Unused>::disconnect_client() {
    connection_.disconnect();
    request_.disconnect_after(request_.body_consumed());
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpContextBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_http_context_impl.hpp -----
#endif

#endif
// ----- end iisfake/fake_http_context.hpp -----

#endif

// Outside the guard, so a later include with the macro defined still brings threads in. The
// implementation file of a separately compiled suite instantiates deliver_on_thread, so it
// brings them in too.
#if defined(IISFAKE_CONFIG_THREADED_DELIVERY) || defined(IISFAKE_CONFIG_IMPLEMENT)
// ----- begin iisfake/threaded_delivery.hpp -----
#ifndef IISFAKE_THREADED_DELIVERY_HPP_INCLUDED
#define IISFAKE_THREADED_DELIVERY_HPP_INCLUDED

// Completions on a second thread, as IIS delivers them from its pool, sometimes before the
// notification that started the operation has returned. Include this header (or define
// IISFAKE_CONFIG_THREADED_DELIVERY before <iisfake/iisfake.hpp>) to use
// FakeHttpRequest::deliver_on_thread(); it is apart so that <thread> and <mutex> reach only the
// test files that need them.

#include <chrono>
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

    void pause() override { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

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
// ----- begin iisfake/module_host.hpp -----
#ifndef IISFAKE_MODULE_HOST_HPP_INCLUDED
#define IISFAKE_MODULE_HOST_HPP_INCLUDED

// ModuleHost: the IIS pipeline in a test. It loads a module through its own RegisterModule (or a
// factory and masks given directly), creates one module instance per request from the factory,
// and runs each request through the twelve stages in IIS's order (PIPE-1..9): priorities,
// CONTINUE / PENDING / FINISH_REQUEST, OnAsyncCompletion for the module that went pending,
// OnSendResponse once per send, Dispose at the end. The test steps a request (run() to the
// next pending point, complete_pending(), run_to_end()) or lets completions arrive from other
// threads; a request left pending with nothing outstanding is reported as a hang.
//
//     iisfake::ModuleHost host;
//     host.load("StripHeaders", &RegisterModule);
//     auto request = host.serve(iisfake::RequestBuilder().url("/"));
//     CHECK(request.response().status() == 404);

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/fake_configuration.hpp -----
#ifndef IISFAKE_FAKE_CONFIGURATION_HPP_INCLUDED
#define IISFAKE_FAKE_CONFIGURATION_HPP_INCLUDED

// FakeConfiguration: the IIS configuration system that module code reads through
// IHttpServer::GetAdminManager(). A test writes configuration the way applicationHost.config is
// written - sections by name, attributes, child elements, collections with add/remove/clear,
// <location path="..."> - and module code reads the merged result through the <ahadmin.h>
// interfaces (IAppHostAdminManager, IAppHostElement, IAppHostProperty and their collections),
// with real BSTRs and VARIANTs.
//
//     iisfake::FakeConfiguration config;
//     config.section("system.webServer/stripHeaders").set("enabled", true).add({{"name",
//     "Server"}}); config.location("Default Web Site/app").section("system.webServer/stripHeaders")
//         .remove({{"name", "Server"}});
//     IAppHostAdminManager* admin = config.admin_manager();  // what GetAdminManager() returns
//
// Rules (CFG-n; [D] IIS documentation, [S] the [MC-IISA] protocol specification, [C] real module
// code, [I] inferred - a documented choice, a knob where it matters):
// CFG-1  Effective configuration for a path merges every level from MACHINE/WEBROOT/APPHOST down
//        to the path: attributes set deeper override, child elements merge recursively [D
//        GetAdminSection remarks: "hierarchically merged"; S 3.1.4.1.1].
// CFG-2  Collections merge in level order: <add> appends (or, for a collection declared
//        merge_append = false, goes before what is inherited), <remove> drops an inherited entry
//        by its key attributes, <clear> drops everything inherited [D collection schema
//        IsMergeAppend; IIS configuration reference]. Without declared keys, <remove> matches
//        entries whose attributes equal every attribute it names [I]. An <add> whose key
//        duplicates an entry already in the merged collection fails GetAdminSection with
//        HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS) unless the collection allows duplicates [D
//        "Cannot add duplicate collection entry"; S AddSection's ERROR_ALREADY_EXISTS].
// CFG-3  Configuration paths compare case-insensitively (ASCII) segment by segment, a trailing
//        '/' is ignored; <location path=""> and "." mean the level itself [D]. A path that is not
//        MACHINE, MACHINE/WEBROOT or beneath MACHINE/WEBROOT/APPHOST fails with
//        HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) (options: unrecognized_path) [D GetAdminSection:
//        "the requested path was not found"; S]; an empty path with E_INVALIDARG [S].
// CFG-4  GetAdminSection of a section that is neither declared (declare_section) nor set at any
//        level fails with options.undeclared_section, HRESULT_FROM_WIN32(ERROR_NOT_FOUND) by
//        default [I: ANCM's installer helper treats that HRESULT from GetAdminSection as "section
//        absent"; the documentation lists none]. A declared section set nowhere on the path
//        succeeds with its schema defaults [D: sections always carry their schema defaults].
// CFG-5  GetPropertyByName / property collection get_Item of a name that is neither in the
//        schema nor set: HRESULT_FROM_WIN32(ERROR_INVALID_INDEX) [D GetPropertyByName, S
//        3.1.4.12]; GetElementByName of an unknown child: the same [S 3.1.4.12.8]. Names compare
//        case-sensitively, as XML's do [I].
// CFG-6  get_Item takes a VARIANT: any integer type (VT_I1..VT_UI8, VT_INT, VT_UINT) is a
//        zero-based index; VT_BSTR is a name for property and child-element collections [S
//        3.1.4.3.2; iisnode passes VT_I2 indexes and VT_BSTR names, ANCM VT_UI4]. An index out of
//        range, a negative one or an unknown name: HRESULT_FROM_WIN32(ERROR_INVALID_INDEX) [S];
//        any other VARTYPE (VT_BSTR on an element collection included): E_INVALIDARG [S "one or
//        more parameters are incorrect"; I for the selector element IIS also accepts].
// CFG-7  get_Value types: string VT_BSTR, bool VT_BOOL (VARIANT_TRUE == -1), int VT_I4, uint
//        VT_UI4, int64 VT_I8, uint64 VT_UI8, timeSpan VT_UI8 in 100-ns ticks [C ANCM divides the
//        raw timeSpan by 10000 for milliseconds, ModSecurity reads ullVal], enum and flags their
//        numeric value as VT_I4 (options: enum_vartype, flags_vartype) [I: the constants are
//        numbers in the schema; modules convert with VariantChangeType]. get_StringValue gives
//        the text: "true"/"false", decimal numbers, the enum's declared name, flags' names joined
//        by ',', timeSpan as [d.]hh:mm:ss[.fffffff] [I].
// CFG-8  Attributes without a declared type are strings; a value given as C++ bool/integer
//        keeps that type. A value that does not parse as its declared type makes GetAdminSection
//        fail with HRESULT_FROM_WIN32(ERROR_INVALID_DATA) and last_error() says why [S
//        ERROR_INVALID_DATA "configuration data or schema are malformed"].
// CFG-9  The admin manager is read-only, as the one IIS hands modules: methods that would change
//        configuration (put_Value, Clear, AddElement, DeleteElement, CreateNewElement,
//        SetMetadata on elements and properties) return HRESULT_FROM_WIN32(ERROR_LOCK_VIOLATION)
//        [S "the instance is set to read-only"]. Schema objects, methods, config files and
//        change handlers are not modelled: get_Schema, get_Methods, get_ConfigManager return
//        E_NOTIMPL with the out-parameter NULL [I]. get_Exception returns S_OK and NULL (no
//        validation failure) [C ModSecurity checks it after every get_Value].
// CFG-10 get_Collection is S_OK with NULL for an element that has no collection; get_ChildElements
//        likewise for an element without child elements [S 3.1.4.12.2, 3.1.4.12.4].
// CFG-11 COM objects count references; each lives while referenced, even after the
//        FakeConfiguration is destroyed or changed: a section is a snapshot of the configuration
//        taken by GetAdminSection [I: IIS rereads changed configuration only on the next
//        GetAdminSection]. QueryInterface with a NULL out-parameter returns E_POINTER, an
//        unknown IID E_NOINTERFACE with *ppv NULL [D COM]. live_objects() counts what is alive.
// CFG-12 A NULL out-parameter or a NULL name is a contract violation reported through the misuse
//        handler; IIS returns E_INVALIDARG (HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER)) [S "one or
//        more parameters are incorrect or null"]. The admin manager itself belongs to the server:
//        module code never releases it below the server's own reference.
// CFG-13 Name arguments are read up to their NUL, not by their BSTR length prefix: ModSecurity
//        passes a plain WCHAR array where a BSTR is declared [C].
// CFG-14 Admin manager GetMetadata/SetMetadata know the flags "ignoreInvalidAttributes",
//        "ignoreInvalidRanges", "ignoreInvalidDecryption", "ignoreInvalidValidation" (VT_BOOL);
//        any other name is HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) [D, S 3.1.4.1.2]. Element
//        GetMetadata knows "deepestPathSet", "overrideMode" ("Inherit") and
//        "effectiveOverrideMode" ("Allow") [S 3.1.4.12.5].

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

// The attribute types of an IIS configuration schema (uint64 is iisfake's addition).
enum class AttributeType { String, Bool, Int, UInt, Int64, UInt64, Enum, Flags, TimeSpan };

// A test-authoring error: a bad path given to location(), a declaration that contradicts an
// earlier one, XML that does not parse (configuration_xml.hpp).
class ConfigurationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The choices where IIS's behaviour is inferred (see CFG-3, CFG-4, CFG-7).
struct ConfigurationOptions {
    HRESULT undeclared_section = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    HRESULT unrecognized_path = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    VARTYPE enum_vartype = VT_I4;
    VARTYPE flags_vartype = VT_I4;
};

// Name -> value pairs of an enum or flags attribute, as a schema's <enum> lines declare them.
using Constants = std::vector<std::pair<std::string, std::uint32_t>>;
// Attributes of an <add>/<remove> line, as text; the schema types them.
using Attributes = std::vector<std::pair<std::string, std::string>>;

namespace detail {

struct RawValue {
    AttributeType type = AttributeType::String;
    bool typed = false;  // given as a C++ bool/integer: keeps that type without a schema
    std::string text;
};

// One element as written at one level (a section, a child element, a collection line).
struct ElementData {
    enum class Op { Add, Remove, Clear };
    struct CollectionLine {
        Op op;
        std::unique_ptr<ElementData> element;  // the line's name and attributes
    };
    std::string name;
    std::vector<std::pair<std::string, RawValue>> attributes;
    std::vector<std::unique_ptr<ElementData>> children;
    std::vector<CollectionLine> lines;
    bool has_collection = false;

    void set(const std::string& attribute, RawValue value) {
        for (auto& entry : attributes)
            if (entry.first == attribute) {
                entry.second = std::move(value);
                return;
            }
        attributes.emplace_back(attribute, std::move(value));
    }
    ElementData& child(const std::string& child_name) {
        for (auto& existing : children)
            if (existing->name == child_name) return *existing;
        children.push_back(std::unique_ptr<ElementData>(new ElementData()));
        children.back()->name = child_name;
        return *children.back();
    }
    ElementData& line(Op op, const std::string& line_name) {
        has_collection = true;
        lines.push_back(CollectionLine{op, std::unique_ptr<ElementData>(new ElementData())});
        lines.back().element->name = line_name;
        return *lines.back().element;
    }
};

struct AttributeSchemaData {
    std::string name;
    AttributeType type = AttributeType::String;
    std::string default_text;
    Constants constants;
};

struct ElementSchemaData;
struct CollectionSchemaData {
    std::vector<std::string> add_names;  // empty: "add"
    std::string remove_name = "remove";
    std::string clear_name = "clear";
    std::vector<std::string> keys;
    bool merge_append = true;
    bool allow_duplicates = false;
    std::unique_ptr<ElementSchemaData> item;
};

struct ElementSchemaData {
    std::string name;
    std::vector<AttributeSchemaData> attributes;
    std::vector<std::unique_ptr<ElementSchemaData>> children;
    std::unique_ptr<CollectionSchemaData> collection;

    const AttributeSchemaData* attribute(const std::string& wanted) const {
        for (const auto& entry : attributes)
            if (entry.name == wanted) return &entry;
        return nullptr;
    }
    const ElementSchemaData* child(const std::string& wanted) const {
        for (const auto& entry : children)
            if (entry->name == wanted) return entry.get();
        return nullptr;
    }
};

// What one level of configuration holds for one section.
struct LevelEntry {
    std::vector<std::string> segments;  // the configuration path, split at '/'
    std::string section;
    std::unique_ptr<ElementData> data;
};

// Splits a configuration path into segments; false when it has an empty segment.
inline bool split_config_path(const std::string& path, std::vector<std::string>& out) {
    out.clear();
    std::string text = path;
    while (!text.empty() && text.back() == '/') text.pop_back();
    if (text.empty()) return false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = text.find('/', start);
        const std::string segment =
            text.substr(start, slash == std::string::npos ? slash : slash - start);
        if (segment.empty()) return false;
        out.push_back(segment);
        if (slash == std::string::npos) return true;
        start = slash + 1;
    }
}

inline bool same_ascii_nocase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Shared by the configuration and every COM object it hands out, so objects outlive it.
struct ConfigurationShared {
    ConfigurationOptions options;
    MisuseHandler handler = throw_misuse;
    std::vector<Misuse> misuses;
    std::atomic<long> live_objects{0};
    bool metadata_flags[4] = {false, false, false, false};

    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        Misuse report{method, rule, problem, result, "IIS returns " + hresult_text(result)};
        misuses.push_back(report);
        if (handler) handler(report);
        return result;
    }
};

template <class Unused>
class ElementBuilderBase;
template <class Unused>
class SchemaBuilderBase;

}  // namespace detail

// Writes one element of one level: set attributes, add/remove/clear collection lines, open
// child elements. A handle: cheap to copy, valid while its FakeConfiguration lives.
using ElementBuilder = detail::ElementBuilderBase<void>;
// Declares the schema of a section or element: attribute types and defaults, child elements,
// the collection's line names and keys.
using SchemaBuilder = detail::SchemaBuilderBase<void>;

namespace detail {

template <class Unused>
class ElementBuilderBase {
public:
    explicit ElementBuilderBase(ElementData* data) noexcept : data_(data) {}

    // A string attribute (typed by the schema when one is declared, CFG-8).
    ElementBuilderBase& set(const std::string& name, const std::string& value) {
        data_->set(name, RawValue{AttributeType::String, false, value});
        return *this;
    }
    ElementBuilderBase& set(const std::string& name, const char* value) {
        return set(name, std::string(value ? value : ""));
    }
    ElementBuilderBase& set(const std::string& name, bool value) {
        data_->set(name, RawValue{AttributeType::Bool, true, value ? "true" : "false"});
        return *this;
    }
    // int and smaller: int; unsigned: uint; 64-bit: int64/uint64.
    template <class Integer,
              class = typename std::enable_if<std::is_integral<Integer>::value &&
                                              !std::is_same<Integer, bool>::value &&
                                              !std::is_same<Integer, char>::value>::type>
    ElementBuilderBase& set(const std::string& name, Integer value) {
        const bool is_signed = std::is_signed<Integer>::value;
        const bool wide = sizeof(Integer) > 4;
        const AttributeType type = is_signed ? (wide ? AttributeType::Int64 : AttributeType::Int)
                                             : (wide ? AttributeType::UInt64 : AttributeType::UInt);
        data_->set(name, RawValue{type, true, std::to_string(value)});
        return *this;
    }
    // A value given as text with an explicit type, for a section whose schema is not declared.
    ElementBuilderBase& set_typed(const std::string& name, AttributeType type,
                                  const std::string& text) {
        data_->set(name, RawValue{type, true, text});
        return *this;
    }

    // <add .../>: a collection line with the collection's add-element name (schema's first,
    // else "add"); returns this element for chaining.
    ElementBuilderBase& add(const Attributes& attributes) {
        fill(data_->line(ElementData::Op::Add, std::string()), attributes);
        return *this;
    }
    // An <add> line (named `line_name`, or the default) to fill further: child elements too.
    ElementBuilderBase add_element(const std::string& line_name = std::string()) {
        return ElementBuilderBase(&data_->line(ElementData::Op::Add, line_name));
    }
    // <remove key="..."/>: drops an inherited entry by its key attributes (CFG-2).
    ElementBuilderBase& remove(const Attributes& keys) {
        fill(data_->line(ElementData::Op::Remove, std::string()), keys);
        return *this;
    }
    // <clear/>: drops every inherited entry (CFG-2).
    ElementBuilderBase& clear() {
        data_->line(ElementData::Op::Clear, std::string());
        return *this;
    }
    // A child element at this level (created on first use).
    ElementBuilderBase child(const std::string& name) {
        return ElementBuilderBase(&data_->child(name));
    }

private:
    static void fill(ElementData& line, const Attributes& attributes) {
        for (const auto& attribute : attributes)
            line.set(attribute.first, RawValue{AttributeType::String, false, attribute.second});
    }
    ElementData* data_;
};

template <class Unused>
class SchemaBuilderBase {
public:
    explicit SchemaBuilderBase(ElementSchemaData* schema) noexcept : schema_(schema) {}

    // An attribute of a type, with its default as it would be written in XML ("" = the type's
    // zero: "", false, 0, the constant whose value is 0).
    SchemaBuilderBase& attribute(const std::string& name, AttributeType type,
                                 const std::string& default_text = std::string()) {
        AttributeSchemaData& entry = slot(name);
        entry.type = type;
        entry.default_text = default_text;
        return *this;
    }
    SchemaBuilderBase& enumeration(const std::string& name, Constants constants,
                                   const std::string& default_text = std::string()) {
        AttributeSchemaData& entry = slot(name);
        entry.type = AttributeType::Enum;
        entry.constants = std::move(constants);
        entry.default_text = default_text;
        return *this;
    }
    SchemaBuilderBase& flags(const std::string& name, Constants constants,
                             const std::string& default_text = std::string()) {
        enumeration(name, std::move(constants), default_text);
        slot(name).type = AttributeType::Flags;
        return *this;
    }
    // The schema of a child element.
    SchemaBuilderBase child(const std::string& name) {
        for (auto& existing : schema_->children)
            if (existing->name == name) return SchemaBuilderBase(existing.get());
        schema_->children.push_back(std::unique_ptr<ElementSchemaData>(new ElementSchemaData()));
        schema_->children.back()->name = name;
        return SchemaBuilderBase(schema_->children.back().get());
    }
    // Declares this element's collection: the name of its add lines (e.g. "header"; "add" when
    // empty) and its key attributes; returns the schema of the collection's entries.
    SchemaBuilderBase collection(const std::string& add_name, std::vector<std::string> keys,
                                 bool merge_append = true, bool allow_duplicates = false) {
        if (!schema_->collection) schema_->collection.reset(new CollectionSchemaData());
        CollectionSchemaData& collection = *schema_->collection;
        collection.add_names.assign(1, add_name.empty() ? std::string("add") : add_name);
        collection.keys = std::move(keys);
        collection.merge_append = merge_append;
        collection.allow_duplicates = allow_duplicates;
        if (!collection.item) collection.item.reset(new ElementSchemaData());
        collection.item->name = collection.add_names.front();
        return SchemaBuilderBase(collection.item.get());
    }

private:
    AttributeSchemaData& slot(const std::string& name) {
        for (auto& entry : schema_->attributes)
            if (entry.name == name) return entry;
        schema_->attributes.push_back(AttributeSchemaData());
        schema_->attributes.back().name = name;
        return schema_->attributes.back();
    }
    ElementSchemaData* schema_;
};

// The configuration itself, and the IAppHostAdminManager that IHttpServer::GetAdminManager()
// returns (owned by the server: not released by module code, CFG-12).
template <class Unused = void>
class FakeConfigurationBase : public IAppHostAdminManager {
public:
    FakeConfigurationBase() : shared_(std::make_shared<ConfigurationShared>()) {}
    FakeConfigurationBase(const FakeConfigurationBase&) = delete;
    FakeConfigurationBase& operator=(const FakeConfigurationBase&) = delete;
    virtual ~FakeConfigurationBase() = default;

    // ---- writing configuration (test side) -------------------------------------------------
    // A level: a <location path="..."> relative to MACHINE/WEBROOT/APPHOST ("Default Web
    // Site/app"; "" or "." for APPHOST itself), or a whole configuration path ("MACHINE/...").
    class Level {
    public:
        Level(FakeConfigurationBase* owner, std::vector<std::string> segments)
            : owner_(owner), segments_(std::move(segments)) {}
        // The section (e.g. "system.webServer/stripHeaders") at this level; every call adds
        // to the same element.
        ElementBuilder section(const std::string& name) const {
            return owner_->section_at(segments_, name);
        }

    private:
        FakeConfigurationBase* owner_;
        std::vector<std::string> segments_;
    };
    Level location(const std::string& path) const;
    // The section at MACHINE/WEBROOT/APPHOST.
    ElementBuilder section(const std::string& name) {
        return location(std::string()).section(name);
    }

    // Declares a section (so GetAdminSection finds it even where it is set nowhere, CFG-4) and
    // returns its schema to fill in.
    SchemaBuilder declare_section(const std::string& name);
    // A section group for the XML reader (configuration_xml.hpp): "system.webServer",
    // "system.webServer/security", ... are known already.
    void declare_section_group(const std::string& name);
    bool is_section_group(const std::string& name) const;
    bool is_declared_section(const std::string& name) const;
    // The declared schema of a section, or nullptr (for the XML reader).
    const ElementSchemaData* section_schema(const std::string& name) const;

    // ---- knobs and inspection ------------------------------------------------------------------
    ConfigurationOptions& options() noexcept { return shared_->options; }
    void set_misuse_handler(MisuseHandler handler) { shared_->handler = std::move(handler); }
    const std::vector<Misuse>& misuses() const noexcept { return shared_->misuses; }
    // COM objects handed out and not yet released (sections, properties, collections).
    long live_objects() const noexcept { return shared_->live_objects.load(); }
    // Why the last GetAdminSection failed, in words ("" after a success).
    const std::string& last_error() const noexcept { return last_error_; }
    long references() const noexcept { return references_.load(); }
    // What IHttpServer::GetAdminManager() returns.
    IAppHostAdminManager* admin_manager() noexcept { return this; }

    // ---- IUnknown / IAppHostAdminManager
    // ----------------------------------------------------------
    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override;
    ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++references_); }
    ULONG STDMETHODCALLTYPE Release() override;
    HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                              IAppHostElement** ppAdminSection) override;
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override;
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) override;
    HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) override;

private:
    ElementBuilder section_at(const std::vector<std::string>& segments, const std::string& name);
    SchemaBuilder schema_for(const std::string& name);

    std::shared_ptr<ConfigurationShared> shared_;
    std::vector<LevelEntry> levels_;
    std::vector<std::unique_ptr<ElementSchemaData>> sections_;  // declared sections
    std::vector<std::string> groups_;
    std::string last_error_;
    std::atomic<long> references_{1};
};

}  // namespace detail

// An IIS configuration (applicationHost.config and its <location>s) that serves module code
// through IAppHostAdminManager; see FakeConfigurationBase for its members.
class FakeConfiguration : public detail::FakeConfigurationBase<> {
public:
    using FakeConfigurationBase::FakeConfigurationBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeConfigurationBase<void>;
IISFAKE_END_NAMESPACE
#else
// ----- begin iisfake/detail/fake_configuration_impl.hpp -----
#ifndef IISFAKE_DETAIL_FAKE_CONFIGURATION_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_CONFIGURATION_IMPL_HPP_INCLUDED

// The member definitions of FakeConfiguration (declared in fake_configuration.hpp): merging the
// levels of a configuration path into one section (CFG-1, CFG-2), typing values (CFG-7, CFG-8),
// and the COM objects that serve the merged section (CFG-5, CFG-6, CFG-9..CFG-13).

#include <cstring>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// ---- values ------------------------------------------------------------------------------------

struct ResolvedValue {
    AttributeType type = AttributeType::String;
    std::string text;  // get_StringValue
    std::int64_t number = 0;
    std::uint64_t unsigned_number = 0;
};

// One merged element: what a section (or one of its children or entries) reads as.
struct ConfigNode {
    std::string name;
    std::vector<std::pair<std::string, ResolvedValue>> properties;
    std::vector<std::shared_ptr<const ConfigNode>> children;
    bool has_collection = false;
    std::vector<std::shared_ptr<const ConfigNode>> items;
    std::string deepest_path;
};

struct ResolveFailure {
    HRESULT result;
    std::string message;
};

inline bool parse_digits(const std::string& text, std::size_t start, std::uint64_t limit,
                         std::uint64_t& out) {
    if (start >= text.size()) return false;
    out = 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (out > (limit - digit) / 10u) return false;
        out = out * 10u + digit;
    }
    return true;
}

inline bool parse_signed(const std::string& text, std::int64_t lowest, std::int64_t highest,
                         std::int64_t& out) {
    const bool negative = !text.empty() && text[0] == '-';
    std::uint64_t magnitude = 0;
    const std::uint64_t limit = negative ? static_cast<std::uint64_t>(-(lowest + 1)) + 1u
                                         : static_cast<std::uint64_t>(highest);
    if (!parse_digits(text, negative ? 1u : 0u, limit, magnitude)) return false;
    if (negative)
        out = magnitude == 0 ? 0 : -static_cast<std::int64_t>(magnitude - 1u) - 1;
    else
        out = static_cast<std::int64_t>(magnitude);
    return true;
}

inline std::string trim_spaces(const std::string& text) {
    std::size_t first = 0, last = text.size();
    while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
    return text.substr(first, last - first);
}

inline const char* type_name(AttributeType type) {
    switch (type) {
        case AttributeType::String:
            return "string";
        case AttributeType::Bool:
            return "bool";
        case AttributeType::Int:
            return "int";
        case AttributeType::UInt:
            return "uint";
        case AttributeType::Int64:
            return "int64";
        case AttributeType::UInt64:
            return "uint64";
        case AttributeType::Enum:
            return "enum";
        case AttributeType::Flags:
            return "flags";
        case AttributeType::TimeSpan:
            return "timeSpan";
    }
    return "?";
}

inline std::string two_digits(std::uint64_t value) {
    std::string out = std::to_string(value);
    return out.size() < 2 ? "0" + out : out;
}

// [-][d.]hh:mm:ss[.fffffff] <-> 100-ns ticks (CFG-7).
inline bool parse_timespan(const std::string& text, std::uint64_t& ticks) {
    if (text.empty()) {
        ticks = 0;
        return true;
    }
    std::string rest = text;
    std::uint64_t days = 0;
    const std::size_t colon = rest.find(':');
    const std::size_t dot = rest.find('.');
    if (dot != std::string::npos && colon != std::string::npos && dot < colon) {
        if (!parse_digits(rest.substr(0, dot), 0, 10675199u, days)) return false;
        rest = rest.substr(dot + 1);
    }
    std::uint64_t fraction = 0;
    const std::size_t fraction_dot = rest.find('.');
    if (fraction_dot != std::string::npos) {
        std::string digits = rest.substr(fraction_dot + 1);
        if (digits.empty() || digits.size() > 7) return false;
        while (digits.size() < 7) digits += '0';
        if (!parse_digits(digits, 0, 9999999u, fraction)) return false;
        rest = rest.substr(0, fraction_dot);
    }
    const std::size_t first = rest.find(':');
    const std::size_t second = first == std::string::npos ? first : rest.find(':', first + 1);
    if (second == std::string::npos || rest.find(':', second + 1) != std::string::npos)
        return false;
    std::uint64_t hours = 0, minutes = 0, seconds = 0;
    if (!parse_digits(rest.substr(0, first), 0, 23, hours) ||
        !parse_digits(rest.substr(first + 1, second - first - 1), 0, 59, minutes) ||
        !parse_digits(rest.substr(second + 1), 0, 59, seconds))
        return false;
    ticks = (((days * 24u + hours) * 60u + minutes) * 60u + seconds) * 10000000u + fraction;
    return true;
}

inline std::string format_timespan(std::uint64_t ticks) {
    const std::uint64_t fraction = ticks % 10000000u;
    std::uint64_t seconds = ticks / 10000000u;
    const std::uint64_t days = seconds / 86400u;
    seconds %= 86400u;
    std::string out = days ? std::to_string(days) + "." : std::string();
    out += two_digits(seconds / 3600u) + ":" + two_digits(seconds / 60u % 60u) + ":" +
           two_digits(seconds % 60u);
    if (fraction) {
        std::string digits = std::to_string(fraction);
        out += "." + std::string(7 - digits.size(), '0') + digits;
    }
    return out;
}

inline bool find_constant(const Constants& constants, const std::string& name,
                          std::uint32_t& value) {
    for (const auto& constant : constants)
        if (same_ascii_nocase(constant.first, name)) {
            value = constant.second;
            return true;
        }
    return false;
}

inline std::string zero_name(const Constants& constants) {
    for (const auto& constant : constants)
        if (constant.second == 0) return constant.first;
    return std::string();
}

// Types `text` as `type`; false when it is not a value of that type.
inline bool type_value(AttributeType type, const std::string& text, const Constants& constants,
                       ResolvedValue& out) {
    out.type = type;
    out.text = text;
    switch (type) {
        case AttributeType::String:
            return true;
        case AttributeType::Bool:
            if (text.empty() || same_ascii_nocase(text, "false")) {
                out.number = 0;
                out.text = "false";
                return true;
            }
            if (!same_ascii_nocase(text, "true")) return false;
            out.number = 1;
            out.text = "true";
            return true;
        case AttributeType::Int:
        case AttributeType::Int64: {
            const bool narrow = type == AttributeType::Int;
            if (text.empty()) {
                out.text = "0";
                return true;
            }
            const std::int64_t lowest = narrow ? -2147483647 - 1 : (-9223372036854775807 - 1);
            const std::int64_t highest = narrow ? 2147483647 : 9223372036854775807;
            if (!parse_signed(text, lowest, highest, out.number)) return false;
            out.text = std::to_string(out.number);
            return true;
        }
        case AttributeType::UInt:
        case AttributeType::UInt64: {
            if (text.empty()) {
                out.text = "0";
                return true;
            }
            const std::uint64_t limit =
                type == AttributeType::UInt ? 4294967295u : 18446744073709551615u;
            if (!parse_digits(text, 0, limit, out.unsigned_number)) return false;
            out.text = std::to_string(out.unsigned_number);
            return true;
        }
        case AttributeType::Enum: {
            std::uint32_t value = 0;
            if (text.empty()) {
                out.text = zero_name(constants);
            } else if (!find_constant(constants, text, value)) {
                return false;
            } else {
                for (const auto& constant : constants)
                    if (same_ascii_nocase(constant.first, text)) out.text = constant.first;
            }
            out.unsigned_number = value;
            return true;
        }
        case AttributeType::Flags: {
            std::uint32_t value = 0;
            std::size_t start = 0;
            while (start <= text.size() && !text.empty()) {
                std::size_t comma = text.find(',', start);
                if (comma == std::string::npos) comma = text.size();
                const std::string name = trim_spaces(text.substr(start, comma - start));
                std::uint32_t bits = 0;
                if (!find_constant(constants, name, bits)) return false;
                value |= bits;
                start = comma + 1;
            }
            out.unsigned_number = value;
            out.text.clear();
            if (value == 0) out.text = zero_name(constants);
            for (const auto& constant : constants)
                if (constant.second != 0 && (value & constant.second) == constant.second)
                    out.text += (out.text.empty() ? "" : ",") + constant.first;
            return true;
        }
        case AttributeType::TimeSpan:
            if (!parse_timespan(text, out.unsigned_number)) return false;
            out.text = format_timespan(out.unsigned_number);
            return true;
    }
    return false;
}

// ---- merging (CFG-1, CFG-2) ---------------------------------------------------------------------

struct MergeNode {
    std::string name;
    const ElementSchemaData* schema = nullptr;
    std::vector<std::pair<std::string, RawValue>> attributes;
    std::vector<std::unique_ptr<MergeNode>> children;
    bool has_collection = false;
    std::vector<std::unique_ptr<MergeNode>> items;
    std::string deepest_path;

    MergeNode(std::string element_name, const ElementSchemaData* element_schema)
        : name(std::move(element_name)), schema(element_schema) {
        if (!schema) return;
        for (const auto& attribute : schema->attributes)
            attributes.emplace_back(attribute.name,
                                    RawValue{attribute.type, false, attribute.default_text});
        for (const auto& child : schema->children)
            children.push_back(std::unique_ptr<MergeNode>(new MergeNode(child->name, child.get())));
        has_collection = schema->collection != nullptr;
    }

    MergeNode& child(const std::string& child_name) {
        for (auto& existing : children)
            if (existing->name == child_name) return *existing;
        children.push_back(std::unique_ptr<MergeNode>(
            new MergeNode(child_name, schema ? schema->child(child_name) : nullptr)));
        return *children.back();
    }
    const RawValue* attribute(const std::string& wanted) const {
        for (const auto& entry : attributes)
            if (entry.first == wanted) return &entry.second;
        return nullptr;
    }
};

inline const CollectionSchemaData* collection_schema(const MergeNode& node) {
    return node.schema ? node.schema->collection.get() : nullptr;
}

// Whether `item` matches every (key) attribute of `line`; values compare case-insensitively,
// as IIS's schema attributes default to caseSensitive="false".
inline bool matches(const MergeNode& item, const ElementData& line,
                    const std::vector<std::string>& keys) {
    if (keys.empty()) {
        if (line.attributes.empty()) return false;
        for (const auto& attribute : line.attributes) {
            const RawValue* have = item.attribute(attribute.first);
            if (!have || !same_ascii_nocase(have->text, attribute.second.text)) return false;
        }
        return true;
    }
    for (const std::string& key : keys) {
        const RawValue* have = item.attribute(key);
        std::string wanted;
        for (const auto& attribute : line.attributes)
            if (attribute.first == key) wanted = attribute.second.text;
        if (!same_ascii_nocase(have ? have->text : std::string(), wanted)) return false;
    }
    return true;
}

inline bool same_keys(const MergeNode& a, const MergeNode& b,
                      const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        const RawValue* x = a.attribute(key);
        const RawValue* y = b.attribute(key);
        if (!same_ascii_nocase(x ? x->text : std::string(), y ? y->text : std::string()))
            return false;
    }
    return true;
}

inline void apply(MergeNode& node, const ElementData& data, const std::string& path) {
    node.deepest_path = path;
    for (const auto& attribute : data.attributes) {
        bool found = false;
        for (auto& entry : node.attributes)
            if (entry.first == attribute.first) {
                entry.second.text = attribute.second.text;
                if (attribute.second.typed) {
                    entry.second.type = attribute.second.type;
                    entry.second.typed = true;
                }
                found = true;
            }
        if (!found) node.attributes.emplace_back(attribute.first, attribute.second);
    }
    for (const auto& child : data.children) apply(node.child(child->name), *child, path);
    if (!data.has_collection) return;
    node.has_collection = true;
    const CollectionSchemaData* schema = collection_schema(node);
    static const std::vector<std::string> no_keys;
    const std::vector<std::string>& keys = schema ? schema->keys : no_keys;
    std::size_t front = 0;  // where the next entry of a merge_append = false collection goes
    for (const auto& line : data.lines) {
        const ElementData& element = *line.element;
        if (line.op == ElementData::Op::Clear) {
            node.items.clear();
            front = 0;
        } else if (line.op == ElementData::Op::Remove) {
            for (std::size_t i = 0; i < node.items.size();) {
                if (matches(*node.items[i], element, keys)) {
                    node.items.erase(node.items.begin() + static_cast<std::ptrdiff_t>(i));
                    if (i < front) --front;
                } else {
                    ++i;
                }
            }
        } else {
            std::string item_name = element.name;
            if (item_name.empty())
                item_name = schema && !schema->add_names.empty() ? schema->add_names.front()
                                                                 : std::string("add");
            std::unique_ptr<MergeNode> item(
                new MergeNode(item_name, schema ? schema->item.get() : nullptr));
            apply(*item, element, path);
            if (!keys.empty() && !(schema && schema->allow_duplicates))
                for (const auto& existing : node.items)
                    if (same_keys(*existing, *item, keys))
                        throw ResolveFailure{HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS),
                                             "cannot add duplicate collection entry of type '" +
                                                 item_name + "' at " + path + " [CFG-2]"};
            if (schema && !schema->merge_append)
                node.items.insert(node.items.begin() + static_cast<std::ptrdiff_t>(front++),
                                  std::move(item));
            else
                node.items.push_back(std::move(item));
        }
    }
}

inline std::shared_ptr<const ConfigNode> freeze(const MergeNode& node) {
    auto out = std::make_shared<ConfigNode>();
    out->name = node.name;
    out->has_collection = node.has_collection;
    out->deepest_path = node.deepest_path;
    for (const auto& attribute : node.attributes) {
        const AttributeSchemaData* declared =
            node.schema ? node.schema->attribute(attribute.first) : nullptr;
        const AttributeType type = declared                 ? declared->type
                                   : attribute.second.typed ? attribute.second.type
                                                            : AttributeType::String;
        static const Constants none;
        ResolvedValue value;
        if (!type_value(type, attribute.second.text, declared ? declared->constants : none, value))
            throw ResolveFailure{HRESULT_FROM_WIN32(ERROR_INVALID_DATA),
                                 "attribute '" + attribute.first + "' of <" + node.name + ">: '" +
                                     attribute.second.text + "' is not a " + type_name(type) +
                                     " value [CFG-8]"};
        out->properties.emplace_back(attribute.first, std::move(value));
    }
    for (const auto& child : node.children) out->children.push_back(freeze(*child));
    for (const auto& item : node.items) out->items.push_back(freeze(*item));
    return out;
}

inline std::string join_path(const std::vector<std::string>& segments) {
    std::string out;
    for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
    return out;
}

// CFG-3: MACHINE, MACHINE/WEBROOT, MACHINE/WEBROOT/APPHOST[/...].
inline bool recognized_path(const std::vector<std::string>& segments) {
    static const char* const roots[] = {"MACHINE", "WEBROOT", "APPHOST"};
    for (std::size_t i = 0; i < segments.size() && i < 3; ++i)
        if (!same_ascii_nocase(segments[i], roots[i])) return false;
    return !segments.empty();
}

inline bool is_prefix(const std::vector<std::string>& prefix,
                      const std::vector<std::string>& path) {
    if (prefix.size() > path.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (!same_ascii_nocase(prefix[i], path[i])) return false;
    return true;
}

inline bool same_iid(REFIID a, REFIID b) { return std::memcmp(&a, &b, sizeof(GUID)) == 0; }

inline BSTR make_bstr(const std::string& utf8) {
    const wide_string wide = utf8_to_wide(utf8.data(), utf8.size());
    return SysAllocStringLen(wide.data(), static_cast<UINT>(wide.size()));
}

// ---- COM objects
// ---------------------------------------------------------------------------------

template <class Interface>
class ComObject : public Interface {
public:
    ComObject(const ComObject&) = delete;
    ComObject& operator=(const ComObject&) = delete;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override {
        if (!ppvObject) return misuse("QueryInterface", "CFG-11", "ppvObject is NULL", E_POINTER);
        if (same_iid(riid, ::iisfake::uuid_of<IUnknown>()) ||
            same_iid(riid, ::iisfake::uuid_of<Interface>())) {
            *ppvObject = static_cast<Interface*>(this);
            AddRef();
            return S_OK;
        }
        *ppvObject = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
    ULONG STDMETHODCALLTYPE Release() override {
        const ULONG left = --references_;
        if (left == 0) delete this;
        return left;
    }

protected:
    ComObject(std::shared_ptr<ConfigurationShared> shared, const char* interface_name)
        : shared_(std::move(shared)), interface_name_(interface_name) {
        ++shared_->live_objects;
    }
    virtual ~ComObject() { --shared_->live_objects; }

    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        const std::string where = std::string(interface_name_) + "::" + method;
        return shared_->misuse(where.c_str(), rule, problem, result);
    }
    // An out-parameter that must not be NULL (CFG-12).
    template <class T>
    bool null_out(T* out, const char* method, HRESULT& result) {
        if (out) return false;
        result = misuse(method, "CFG-12", "the out-parameter is NULL", E_INVALIDARG);
        return true;
    }
    HRESULT read_only(const char* /*method*/) {
        return HRESULT_FROM_WIN32(33);  // ERROR_LOCK_VIOLATION: read-only (CFG-9)
    }

    std::shared_ptr<ConfigurationShared> shared_;

private:
    const char* interface_name_;
    std::atomic<ULONG> references_{1};
};

// A VARIANT index (CFG-6): an integer, or a name; false for any other VARTYPE.
inline bool read_index(const VARIANT& index, bool& by_name, unsigned long long& number,
                       bool& negative, std::string& name) {
    by_name = false;
    negative = false;
    std::int64_t value = 0;
    switch (index.vt) {
        case VT_I1:
            value = index.cVal;
            break;
        case VT_I2:
            value = index.iVal;
            break;
        case VT_I4:
            value = index.lVal;
            break;
        case VT_INT:
            value = index.intVal;
            break;
        case VT_I8:
            value = index.llVal;
            break;
        case VT_UI1:
            number = index.bVal;
            return true;
        case VT_UI2:
            number = index.uiVal;
            return true;
        case VT_UI4:
            number = index.ulVal;
            return true;
        case VT_UINT:
            number = index.uintVal;
            return true;
        case VT_UI8:
            number = index.ullVal;
            return true;
        case VT_BSTR:
            by_name = true;
            name = utf8_of(index.bstrVal);
            return true;
        default:
            return false;
    }
    negative = value < 0;
    number = negative ? 0 : static_cast<unsigned long long>(value);
    return true;
}

class ConfigElement;

class ConfigProperty : public ComObject<IAppHostProperty> {
public:
    ConfigProperty(std::shared_ptr<ConfigurationShared> shared,
                   std::shared_ptr<const ConfigNode> node, std::size_t index)
        : ComObject(std::move(shared), "IAppHostProperty"), node_(std::move(node)), index_(index) {}

    HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) override {
        HRESULT result = S_OK;
        if (null_out(pbstrName, "get_Name", result)) return result;
        *pbstrName = make_bstr(entry().first);
        return *pbstrName ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Value(VARIANT* pVariant) override {
        HRESULT result = S_OK;
        if (null_out(pVariant, "get_Value", result)) return result;
        const ResolvedValue& value = entry().second;
        VariantInit(pVariant);
        switch (value.type) {
            case AttributeType::String:
                pVariant->bstrVal = make_bstr(value.text);
                if (!pVariant->bstrVal) return E_OUTOFMEMORY;
                pVariant->vt = VT_BSTR;
                break;
            case AttributeType::Bool:
                pVariant->vt = VT_BOOL;
                pVariant->boolVal = value.number ? VARIANT_TRUE : VARIANT_FALSE;
                break;
            case AttributeType::Int:
                pVariant->vt = VT_I4;
                pVariant->lVal = static_cast<LONG>(value.number);
                break;
            case AttributeType::UInt:
                pVariant->vt = VT_UI4;
                pVariant->ulVal = static_cast<ULONG>(value.unsigned_number);
                break;
            case AttributeType::Int64:
                pVariant->vt = VT_I8;
                pVariant->llVal = value.number;
                break;
            case AttributeType::UInt64:
            case AttributeType::TimeSpan:
                pVariant->vt = VT_UI8;
                pVariant->ullVal = value.unsigned_number;
                break;
            case AttributeType::Enum:
            case AttributeType::Flags: {
                const VARTYPE vt = value.type == AttributeType::Enum
                                       ? shared_->options.enum_vartype
                                       : shared_->options.flags_vartype;
                if (vt == VT_UI4) {
                    pVariant->vt = VT_UI4;
                    pVariant->ulVal = static_cast<ULONG>(value.unsigned_number);
                } else {
                    pVariant->vt = VT_I4;
                    const std::int32_t bits = static_cast<std::int32_t>(
                        static_cast<std::uint32_t>(value.unsigned_number));
                    pVariant->lVal = bits;
                }
                break;
            }
        }
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE put_Value(VARIANT) override { return read_only("put_Value"); }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE get_StringValue(BSTR* pbstrValue) override {
        HRESULT result = S_OK;
        if (null_out(pbstrValue, "get_StringValue", result)) return result;
        *pbstrValue = make_bstr(entry().second.text);
        return *pbstrValue ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Exception(IAppHostPropertyException** ppException) override {
        HRESULT result = S_OK;
        if (null_out(ppException, "get_Exception", result)) return result;
        *ppException = nullptr;  // CFG-9: the value validated
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override {
        HRESULT result = S_OK;
        if (null_out(pValue, "GetMetadata", result)) return result;
        VariantInit(pValue);
        if (!bstrMetadataType)
            return misuse("GetMetadata", "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override {
        return read_only("SetMetadata");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostPropertySchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }

private:
    const std::pair<std::string, ResolvedValue>& entry() const { return node_->properties[index_]; }
    std::shared_ptr<const ConfigNode> node_;
    std::size_t index_;
};

class ConfigPropertyCollection : public ComObject<IAppHostPropertyCollection> {
public:
    ConfigPropertyCollection(std::shared_ptr<ConfigurationShared> shared,
                             std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostPropertyCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) override {
        HRESULT result = S_OK;
        if (null_out(pcCount, "get_Count", result)) return result;
        *pcCount = static_cast<DWORD>(node_->properties.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) override;

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigChildElements : public ComObject<IAppHostChildElementCollection> {
public:
    ConfigChildElements(std::shared_ptr<ConfigurationShared> shared,
                        std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostChildElementCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) override {
        HRESULT result = S_OK;
        if (null_out(pcCount, "get_Count", result)) return result;
        *pcCount = static_cast<DWORD>(node_->children.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) override;

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigElementCollection : public ComObject<IAppHostElementCollection> {
public:
    ConfigElementCollection(std::shared_ptr<ConfigurationShared> shared,
                            std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostElementCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcElementCount) override {
        HRESULT result = S_OK;
        if (null_out(pcElementCount, "get_Count", result)) return result;
        *pcElementCount = static_cast<DWORD>(node_->items.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) override;
    HRESULT STDMETHODCALLTYPE AddElement(IAppHostElement*, INT = -1) override {
        return read_only("AddElement");
    }
    HRESULT STDMETHODCALLTYPE DeleteElement(VARIANT) override { return read_only("DeleteElement"); }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE CreateNewElement(BSTR, IAppHostElement** ppElement) override {
        HRESULT result = S_OK;
        if (null_out(ppElement, "CreateNewElement", result)) return result;
        *ppElement = nullptr;
        return read_only("CreateNewElement");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostCollectionSchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigElement : public ComObject<IAppHostElement> {
public:
    ConfigElement(std::shared_ptr<ConfigurationShared> shared,
                  std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostElement"), node_(std::move(node)) {}

    HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) override {
        HRESULT result = S_OK;
        if (null_out(pbstrName, "get_Name", result)) return result;
        *pbstrName = make_bstr(node_->name);
        return *pbstrName ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Collection(IAppHostElementCollection** ppCollection) override {
        HRESULT result = S_OK;
        if (null_out(ppCollection, "get_Collection", result)) return result;
        *ppCollection = node_->has_collection ? new ConfigElementCollection(shared_, node_)
                                              : nullptr;  // CFG-10
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Properties(IAppHostPropertyCollection** ppProperties) override {
        HRESULT result = S_OK;
        if (null_out(ppProperties, "get_Properties", result)) return result;
        *ppProperties = new ConfigPropertyCollection(shared_, node_);
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE
    get_ChildElements(IAppHostChildElementCollection** ppElements) override {
        HRESULT result = S_OK;
        if (null_out(ppElements, "get_ChildElements", result)) return result;
        *ppElements = node_->children.empty() ? nullptr  // CFG-10
                                              : new ConfigChildElements(shared_, node_);
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override {
        HRESULT result = S_OK;
        if (null_out(pValue, "GetMetadata", result)) return result;
        VariantInit(pValue);
        if (!bstrMetadataType)
            return misuse("GetMetadata", "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrMetadataType);
        const char* text = nullptr;
        if (name == "deepestPathSet")
            text = node_->deepest_path.c_str();
        else if (name == "overrideMode")
            text = "Inherit";
        else if (name == "effectiveOverrideMode")
            text = "Allow";
        if (!text) return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
        pValue->bstrVal = make_bstr(text);
        if (!pValue->bstrVal) return E_OUTOFMEMORY;
        pValue->vt = VT_BSTR;
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override {
        return read_only("SetMetadata");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostElementSchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }
    HRESULT STDMETHODCALLTYPE GetElementByName(BSTR bstrSubName,
                                               IAppHostElement** ppElement) override {
        HRESULT result = S_OK;
        if (null_out(ppElement, "GetElementByName", result)) return result;
        *ppElement = nullptr;
        if (!bstrSubName)
            return misuse("GetElementByName", "CFG-12", "bstrSubName is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrSubName);  // CFG-13
        for (const auto& child : node_->children)
            if (child->name == name) {
                *ppElement = new ConfigElement(shared_, child);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);  // CFG-5
    }
    HRESULT STDMETHODCALLTYPE GetPropertyByName(BSTR bstrSubName,
                                                IAppHostProperty** ppProperty) override {
        HRESULT result = S_OK;
        if (null_out(ppProperty, "GetPropertyByName", result)) return result;
        *ppProperty = nullptr;
        if (!bstrSubName)
            return misuse("GetPropertyByName", "CFG-12", "bstrSubName is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrSubName);  // CFG-13
        for (std::size_t i = 0; i < node_->properties.size(); ++i)
            if (node_->properties[i].first == name) {
                *ppProperty = new ConfigProperty(shared_, node_, i);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);  // CFG-5
    }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE get_Methods(IAppHostMethodCollection** ppMethods) override {
        HRESULT result = S_OK;
        if (null_out(ppMethods, "get_Methods", result)) return result;
        *ppMethods = nullptr;
        return E_NOTIMPL;
    }

private:
    std::shared_ptr<const ConfigNode> node_;
};

inline HRESULT ConfigPropertyCollection::get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) {
    HRESULT result = S_OK;
    if (null_out(ppProperty, "get_Item", result)) return result;
    *ppProperty = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name)) return E_INVALIDARG;  // CFG-6
    if (by_name) {
        for (std::size_t i = 0; i < node_->properties.size(); ++i)
            if (node_->properties[i].first == name) {
                *ppProperty = new ConfigProperty(shared_, node_, i);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    if (negative || number >= node_->properties.size())
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppProperty = new ConfigProperty(shared_, node_, index);
    return S_OK;
}

inline HRESULT ConfigChildElements::get_Item(VARIANT cIndex, IAppHostElement** ppElement) {
    HRESULT result = S_OK;
    if (null_out(ppElement, "get_Item", result)) return result;
    *ppElement = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name)) return E_INVALIDARG;  // CFG-6
    if (by_name) {
        for (const auto& child : node_->children)
            if (child->name == name) {
                *ppElement = new ConfigElement(shared_, child);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    if (negative || number >= node_->children.size())
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppElement = new ConfigElement(shared_, node_->children[index]);
    return S_OK;
}

inline HRESULT ConfigElementCollection::get_Item(VARIANT cIndex, IAppHostElement** ppElement) {
    HRESULT result = S_OK;
    if (null_out(ppElement, "get_Item", result)) return result;
    *ppElement = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name) || by_name)
        return E_INVALIDARG;  // CFG-6: integers only (IIS's selector element is not modelled)
    if (negative || number >= node_->items.size()) return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppElement = new ConfigElement(shared_, node_->items[index]);
    return S_OK;
}

inline const char* const* metadata_flag_names() {
    static const char* const names[4] = {"ignoreInvalidAttributes", "ignoreInvalidRanges",
                                         "ignoreInvalidDecryption", "ignoreInvalidValidation"};
    return names;
}

// ---- FakeConfigurationBase --------------------------------------------------------------------

template <class Unused>
typename FakeConfigurationBase<Unused>::Level FakeConfigurationBase<Unused>::location(
    const std::string& path) const {
    std::vector<std::string> segments;
    std::string full = path;
    const bool absolute = full.size() >= 7 && same_ascii_nocase(full.substr(0, 7), "MACHINE") &&
                          (full.size() == 7 || full[7] == '/');
    if (!absolute) {
        while (!full.empty() && full.front() == '/') full.erase(full.begin());
        full = full.empty() || full == "." ? std::string("MACHINE/WEBROOT/APPHOST")
                                           : "MACHINE/WEBROOT/APPHOST/" + full;
    }
    if (!split_config_path(full, segments) || !recognized_path(segments))
        throw ConfigurationError("iisfake: FakeConfiguration::location: '" + path +
                                 "' is not a configuration path [CFG-3]");
    return Level(const_cast<FakeConfigurationBase*>(this), std::move(segments));
}

template <class Unused>
ElementBuilder FakeConfigurationBase<Unused>::section_at(const std::vector<std::string>& segments,
                                                         const std::string& name) {
    if (name.empty())
        throw ConfigurationError("iisfake: FakeConfiguration::section: the name is empty");
    for (auto& level : levels_)
        if (level.section == name && level.segments.size() == segments.size() &&
            is_prefix(level.segments, segments))
            return ElementBuilder(level.data.get());
    std::unique_ptr<ElementData> data(new ElementData());
    const std::size_t slash = name.rfind('/');
    data->name = slash == std::string::npos ? name : name.substr(slash + 1);
    levels_.push_back(LevelEntry{segments, name, std::move(data)});
    return ElementBuilder(levels_.back().data.get());
}

template <class Unused>
SchemaBuilder FakeConfigurationBase<Unused>::declare_section(const std::string& name) {
    if (name.empty())
        throw ConfigurationError("iisfake: FakeConfiguration::declare_section: the name is empty");
    for (auto& section : sections_)
        if (section->name == name) return SchemaBuilder(section.get());
    sections_.push_back(std::unique_ptr<ElementSchemaData>(new ElementSchemaData()));
    sections_.back()->name = name;
    return SchemaBuilder(sections_.back().get());
}

template <class Unused>
void FakeConfigurationBase<Unused>::declare_section_group(const std::string& name) {
    if (!is_section_group(name)) groups_.push_back(name);
}

template <class Unused>
bool FakeConfigurationBase<Unused>::is_section_group(const std::string& name) const {
    static const char* const known[] = {
        "system.applicationHost",    "system.webServer",
        "system.webServer/security", "system.webServer/security/authentication",
        "system.webServer/tracing",  "system.webServer/webdav",
        "system.ftpServer",          "system.ftpServer/security"};
    for (const char* group : known)
        if (name == group) return true;
    for (const std::string& group : groups_)
        if (name == group) return true;
    return false;
}

template <class Unused>
bool FakeConfigurationBase<Unused>::is_declared_section(const std::string& name) const {
    return section_schema(name) != nullptr;
}

template <class Unused>
const ElementSchemaData* FakeConfigurationBase<Unused>::section_schema(
    const std::string& name) const {
    for (const auto& section : sections_)
        if (section->name == name) return section.get();
    return nullptr;
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::QueryInterface(REFIID riid,
                                                                        void** ppvObject) {
    if (!ppvObject)
        return shared_->misuse("IAppHostAdminManager::QueryInterface", "CFG-11",
                               "ppvObject is NULL", E_POINTER);
    if (same_iid(riid, ::iisfake::uuid_of<IUnknown>()) ||
        same_iid(riid, ::iisfake::uuid_of<IAppHostAdminManager>())) {
        *ppvObject = static_cast<IAppHostAdminManager*>(this);
        AddRef();
        return S_OK;
    }
    *ppvObject = nullptr;
    return E_NOINTERFACE;
}

template <class Unused>
ULONG STDMETHODCALLTYPE FakeConfigurationBase<Unused>::Release() {
    if (references_.load() <= 1) {
        shared_->misuse("IAppHostAdminManager::Release", "CFG-12",
                        "Release without a matching AddRef: the admin manager belongs to the "
                        "server",
                        S_OK);
        return 1;
    }
    return static_cast<ULONG>(--references_);
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::GetAdminSection(
    BSTR bstrSectionName, BSTR bstrPath, IAppHostElement** ppAdminSection) {
    const char* method = "IAppHostAdminManager::GetAdminSection";
    if (!ppAdminSection)
        return shared_->misuse(method, "CFG-12", "ppAdminSection is NULL", E_INVALIDARG);
    *ppAdminSection = nullptr;
    if (!bstrSectionName)
        return shared_->misuse(method, "CFG-12", "bstrSectionName is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrSectionName);  // CFG-13
    const std::string path = utf8_of(bstrPath);
    std::vector<std::string> segments;
    if (path.empty()) {
        last_error_ = "the configuration path is empty [CFG-3]";
        return E_INVALIDARG;
    }
    if (!split_config_path(path, segments) || !recognized_path(segments)) {
        last_error_ = "unrecognized configuration path '" + path + "' [CFG-3]";
        return shared_->options.unrecognized_path;
    }
    std::vector<const LevelEntry*> applying;
    bool set_anywhere = false;
    for (const auto& level : levels_) {
        if (level.section != name) continue;
        set_anywhere = true;
        if (is_prefix(level.segments, segments)) applying.push_back(&level);
    }
    const ElementSchemaData* schema = section_schema(name);
    if (!schema && !set_anywhere) {
        last_error_ = "the section '" + name + "' is not declared [CFG-4]";
        return shared_->options.undeclared_section;
    }
    // Shallower levels first; levels of equal depth in the order they were written.
    for (std::size_t i = 1; i < applying.size(); ++i)
        for (std::size_t j = i;
             j > 0 && applying[j - 1]->segments.size() > applying[j]->segments.size(); --j)
            std::swap(applying[j - 1], applying[j]);
    const std::size_t slash = name.rfind('/');
    MergeNode merged(slash == std::string::npos ? name : name.substr(slash + 1), schema);
    std::shared_ptr<const ConfigNode> node;
    try {
        for (const LevelEntry* level : applying)
            apply(merged, *level->data, join_path(level->segments));
        node = freeze(merged);
    } catch (const ResolveFailure& failure) {
        last_error_ = failure.message;
        return failure.result;
    }
    last_error_.clear();
    *ppAdminSection = new ConfigElement(shared_, node);
    return S_OK;
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::GetMetadata(BSTR bstrMetadataType,
                                                                     VARIANT* pValue) {
    const char* method = "IAppHostAdminManager::GetMetadata";
    if (!pValue) return shared_->misuse(method, "CFG-12", "pValue is NULL", E_INVALIDARG);
    VariantInit(pValue);
    if (!bstrMetadataType)
        return shared_->misuse(method, "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrMetadataType);
    for (int i = 0; i < 4; ++i)
        if (name == metadata_flag_names()[i]) {
            pValue->vt = VT_BOOL;
            pValue->boolVal = shared_->metadata_flags[i] ? VARIANT_TRUE : VARIANT_FALSE;
            return S_OK;
        }
    return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::SetMetadata(BSTR bstrMetadataType,
                                                                     VARIANT value) {
    if (!bstrMetadataType)
        return shared_->misuse("IAppHostAdminManager::SetMetadata", "CFG-12",
                               "bstrMetadataType is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrMetadataType);
    for (int i = 0; i < 4; ++i)
        if (name == metadata_flag_names()[i]) {
            if (value.vt != VT_BOOL) return E_INVALIDARG;
            shared_->metadata_flags[i] = value.boolVal != VARIANT_FALSE;
            return S_OK;
        }
    if (name == "pathMapper" || name == "pathMapper2" || name == "changeHandler")
        return E_NOTIMPL;                            // CFG-9: no files, so nothing to map or watch
    return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
}

template <class Unused>
HRESULT STDMETHODCALLTYPE
FakeConfigurationBase<Unused>::get_ConfigManager(IAppHostConfigManager** ppConfigManager) {
    if (!ppConfigManager)
        return shared_->misuse("IAppHostAdminManager::get_ConfigManager", "CFG-12",
                               "ppConfigManager is NULL", E_INVALIDARG);
    *ppConfigManager = nullptr;
    return E_NOTIMPL;  // CFG-9
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeConfigurationBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_configuration_impl.hpp -----
#endif

#endif
// ----- end iisfake/fake_configuration.hpp -----
// ----- begin iisfake/fake_global_providers.hpp -----
#ifndef IISFAKE_FAKE_GLOBAL_PROVIDERS_HPP_INCLUDED
#define IISFAKE_FAKE_GLOBAL_PROVIDERS_HPP_INCLUDED

// The providers a CGlobalModule's OnGlobal* handlers receive (spec §2.3): small stateful fakes
// a test (or the pipeline host) builds, passes to a global module's handler, and reads back.
// Each is the most-derived interface IIS hands out (T-1), records SetErrorStatus (PROV-1, through
// FakeEventProvider), and takes its strings as UTF-8. Where the module hands something to IIS
// (RegisterModule, SetCacheRecord, CreateContext, ExecuteRequest, SetResult), the provider
// records it and calls a hook the host can set.
//
// ICustomNotificationProvider is FakeCustomNotificationProvider (fake_providers.hpp), for the
// request and the global custom notification alike. IGlobalSuspendProcessCallback has no fake:
// the module implements it and hands it out of OnSuspendProcess; IIS calls its Resume.
//
// Rules with no id in the spec (evidence in brackets, tags as in api-surface.md §0):
//   GLOB-1 IHttpApplicationResolveModulesProvider::RegisterModule needs a factory and a module
//          name: HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) otherwise; a name registered twice
//          through the same provider: HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS) [I].
//   GLOB-2 SetPriorityForRequestNotification takes one of the PRIORITY_ALIAS_* names
//          (FIRST, HIGH, MEDIUM, LOW, LAST, case-insensitive) and a module name:
//          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) otherwise [H: the aliases; I: the code].
//   GLOB-3 IGlobalRSCAQueryProvider as documented [D]: GetOutputBuffer frees the previous buffer
//          and allocates a new one; ResizeOutputBuffer returns E_INVALIDARG when cbBytesToCopy >
//          cbNewBuffer, else copies cbBytesToCopy bytes from *ppbBuffer into a new buffer of
//          cbNewBuffer bytes; SetResult records the size and HRESULT (E_NOTIMPL and 0 until
//          called). The fake keeps freed buffers allocated but poisoned (0xDD) so a stale
//          pointer reads garbage instead of freed memory; a NULL ppbBuffer, or a copy longer than
//          the provider's own current buffer, is E_INVALIDARG [I]; SetResult with cbData larger
//          than the buffer is reported [I].
//   GLOB-4 IHttpFileMonitor: the module holds one reference from RegisterFileChangeMonitor and
//          releases it with DereferenceFileMonitor; the last release cleans up the monitor's
//          stored contexts once (as CONT-1) and a release past the last is reported [I].
//   GLOB-5 IGlobalTraceEventProvider::GetCurrentHttpRequestContext outside a request: *pp NULL
//          and HRESULT_FROM_WIN32(ERROR_NOT_FOUND) [I]; CheckSubscription is TRUE unless the test
//          narrows the subscription [I].
//   GLOB-6 IGlobalApplicationPreloadProvider::CreateContext/ExecuteRequest reach the host
//          through hooks; CreateContext with no host fails with
//          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) and *ppHttpContext NULL; ExecuteRequest of a
//          NULL context is E_INVALIDARG; both are recorded [I].
//   GLOB-7 ICacheProvider::GetTraceContext is never NULL (as IHttpContext's, T-25) [I].

#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

namespace detail {
inline wide_string wide_of(const std::string& utf8) {
    return utf8_to_wide(utf8.data(), utf8.size());
}
// A NUL-terminated wide string the module passed in, as UTF-8 ("" for NULL).
inline std::string utf8_or_empty(PCWSTR text) { return utf8_of(text); }
// ASCII case-insensitive equality of two whole strings.
inline bool iequals_text(const std::string& a, const std::string& b) noexcept {
    return a.size() == b.size() && iequals(a.data(), b.data(), a.size());
}
}  // namespace detail

// GL_STOP_LISTENING: whether the worker process drains its requests (a recycle) or stops at
// once.
namespace detail {
template <class Unused = void>
class FakeStopListeningProviderBase final : public FakeEventProvider<IGlobalStopListeningProvider> {
public:
    explicit FakeStopListeningProviderBase(bool drain_gracefully = true)
        : drain_(drain_gracefully) {}
    FakeStopListeningProviderBase(const FakeStopListeningProviderBase&) = delete;
    FakeStopListeningProviderBase& operator=(const FakeStopListeningProviderBase&) = delete;
    ~FakeStopListeningProviderBase() = default;
    BOOL DrainRequestsGracefully(VOID) const override { return drain_ ? TRUE : FALSE; }

private:
    bool drain_;
};
}  // namespace detail
using FakeStopListeningProvider = detail::FakeStopListeningProviderBase<>;

// GL_PRE_BEGIN_REQUEST: the request about to enter the pipeline.
namespace detail {
template <class Unused = void>
class FakePreBeginRequestProviderBase final : public FakeEventProvider<IPreBeginRequestProvider> {
public:
    explicit FakePreBeginRequestProviderBase(IHttpContext* context) : context_(context) {}
    FakePreBeginRequestProviderBase(const FakePreBeginRequestProviderBase&) = delete;
    FakePreBeginRequestProviderBase& operator=(const FakePreBeginRequestProviderBase&) = delete;
    ~FakePreBeginRequestProviderBase() = default;
    IHttpContext* GetHttpContext(VOID) override { return context_; }

private:
    IHttpContext* context_;
};
}  // namespace detail
using FakePreBeginRequestProvider = detail::FakePreBeginRequestProviderBase<>;

// GL_APPLICATION_START and GL_APPLICATION_STOP (IHttpApplicationStartProvider and
// IHttpApplicationStopProvider are this interface).
namespace detail {
template <class Unused = void>
class FakeApplicationProviderBase final : public FakeEventProvider<IHttpApplicationProvider> {
public:
    explicit FakeApplicationProviderBase(IHttpApplication* application)
        : application_(application) {}
    FakeApplicationProviderBase(const FakeApplicationProviderBase&) = delete;
    FakeApplicationProviderBase& operator=(const FakeApplicationProviderBase&) = delete;
    ~FakeApplicationProviderBase() = default;
    IHttpApplication* GetApplication(VOID) override { return application_; }

private:
    IHttpApplication* application_;
};
}  // namespace detail
using FakeApplicationProvider = detail::FakeApplicationProviderBase<>;

// GL_THREAD_CLEANUP: the application whose thread is being cleaned up.
namespace detail {
template <class Unused = void>
class FakeThreadCleanupProviderBase final : public FakeEventProvider<IGlobalThreadCleanupProvider> {
public:
    explicit FakeThreadCleanupProviderBase(IHttpApplication* application)
        : application_(application) {}
    FakeThreadCleanupProviderBase(const FakeThreadCleanupProviderBase&) = delete;
    FakeThreadCleanupProviderBase& operator=(const FakeThreadCleanupProviderBase&) = delete;
    ~FakeThreadCleanupProviderBase() = default;
    IHttpApplication* GetApplication(VOID) override { return application_; }

private:
    IHttpApplication* application_;
};
}  // namespace detail
using FakeThreadCleanupProvider = detail::FakeThreadCleanupProviderBase<>;

// GL_CONFIGURATION_CHANGE: the configuration path that changed, e.g.
// "MACHINE/WEBROOT/APPHOST/Default Web Site".
namespace detail {
template <class Unused = void>
class FakeConfigurationChangeProviderBase final
    : public FakeEventProvider<IGlobalConfigurationChangeProvider> {
public:
    explicit FakeConfigurationChangeProviderBase(const std::string& change_path)
        : path_(detail::wide_of(change_path)) {}
    FakeConfigurationChangeProviderBase(const FakeConfigurationChangeProviderBase&) = delete;
    FakeConfigurationChangeProviderBase& operator=(const FakeConfigurationChangeProviderBase&) =
        delete;
    ~FakeConfigurationChangeProviderBase() = default;
    PCWSTR GetChangePath(VOID) const override { return path_.c_str(); }

private:
    detail::wide_string path_;
};
}  // namespace detail
using FakeConfigurationChangeProvider = detail::FakeConfigurationChangeProviderBase<>;

// IHttpFileMonitor (GLOB-4): what IHttpServer::RegisterFileChangeMonitor hands out, and what
// IGlobalFileChangeProvider::GetFileMonitor returns for a monitored file.
namespace detail {
template <class Unused = void>
class FakeHttpFileMonitorBase final : public IHttpFileMonitor {
public:
    explicit FakeHttpFileMonitorBase(const std::string& path,
                                     MisuseReporter report = MisuseReporter())
        : path_(path), contexts_(report, "IHttpFileMonitor"), report_(std::move(report)) {}
    FakeHttpFileMonitorBase(const FakeHttpFileMonitorBase&) = delete;
    FakeHttpFileMonitorBase& operator=(const FakeHttpFileMonitorBase&) = delete;
    ~FakeHttpFileMonitorBase() = default;

    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID DereferenceFileMonitor(VOID) override {
        long now = references_.load();
        while (now > 0 && !references_.compare_exchange_weak(now, now - 1)) {
        }
        if (now <= 0) {
            detail::report_misuse(report_, "IHttpFileMonitor::DereferenceFileMonitor", "GLOB-4",
                                  "DereferenceFileMonitor after the last reference was released",
                                  S_OK);
            return;
        }
        if (now == 1) contexts_.cleanup();  // the last reference: the monitor goes away
    }

    // ---- inspection ---------------------------------------------------------------------------
    const std::string& path() const noexcept { return path_; }
    long references() const noexcept { return references_.load(); }
    bool released() const noexcept { return references_.load() <= 0; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    std::string path_;
    FakeModuleContextContainer contexts_;
    MisuseReporter report_;
    std::atomic<long> references_{1};
};
}  // namespace detail
using FakeHttpFileMonitor = detail::FakeHttpFileMonitorBase<>;

// GL_FILE_CHANGE: the file that changed and, when a module monitors it, its monitor.
namespace detail {
template <class Unused = void>
class FakeFileChangeProviderBase final : public FakeEventProvider<IGlobalFileChangeProvider> {
public:
    explicit FakeFileChangeProviderBase(const std::string& file_name,
                                        IHttpFileMonitor* monitor = nullptr)
        : file_name_(detail::wide_of(file_name)), monitor_(monitor) {}
    FakeFileChangeProviderBase(const FakeFileChangeProviderBase&) = delete;
    FakeFileChangeProviderBase& operator=(const FakeFileChangeProviderBase&) = delete;
    ~FakeFileChangeProviderBase() = default;
    PCWSTR GetFileName(VOID) const override { return file_name_.c_str(); }
    IHttpFileMonitor* GetFileMonitor(VOID) override { return monitor_; }

private:
    detail::wide_string file_name_;
    IHttpFileMonitor* monitor_;
};
}  // namespace detail
using FakeFileChangeProvider = detail::FakeFileChangeProviderBase<>;

// GL_CACHE_OPERATION: the operation, its key, and the record a module may set (GLOB-7).
namespace detail {
template <class Unused = void>
class FakeCacheProviderBase final : public FakeEventProvider<ICacheProvider> {
public:
    explicit FakeCacheProviderBase(CACHE_OPERATION operation, IHttpCacheKey* key = nullptr,
                                   IHttpCacheSpecificData* record = nullptr,
                                   IHttpTraceContext* trace = nullptr)
        : operation_(operation), key_(key), record_(record), trace_(trace) {}
    FakeCacheProviderBase(const FakeCacheProviderBase&) = delete;
    FakeCacheProviderBase& operator=(const FakeCacheProviderBase&) = delete;
    ~FakeCacheProviderBase() = default;

    CACHE_OPERATION GetCacheOperation(VOID) const override { return operation_; }
    IHttpCacheKey* GetCacheKey(VOID) const override { return key_; }
    IHttpCacheSpecificData* GetCacheRecord(VOID) const override { return record_; }
    VOID SetCacheRecord(IHttpCacheSpecificData* pCacheRecord) override {
        record_ = pCacheRecord;
        ++records_set_;
    }
    IHttpTraceContext* GetTraceContext(VOID) const override {
        return trace_ ? trace_ : const_cast<FakeHttpTraceContext*>(&own_trace_);
    }

    // ---- inspection ---------------------------------------------------------------------------
    IHttpCacheSpecificData* record() const noexcept { return record_; }
    unsigned records_set() const noexcept { return records_set_; }
    FakeHttpTraceContext& trace() noexcept { return own_trace_; }

private:
    CACHE_OPERATION operation_;
    IHttpCacheKey* key_;
    IHttpCacheSpecificData* record_;
    IHttpTraceContext* trace_;
    FakeHttpTraceContext own_trace_;
    unsigned records_set_ = 0;
};
}  // namespace detail
using FakeCacheProvider = detail::FakeCacheProviderBase<>;

// GL_TRACE_EVENT (GLOB-5): the event being raised and the request it belongs to, if any.
namespace detail {
template <class Unused = void>
class FakeTraceEventProviderBase final : public FakeEventProvider<IGlobalTraceEventProvider> {
public:
    explicit FakeTraceEventProviderBase(HTTP_TRACE_EVENT* event, IHttpContext* context = nullptr)
        : event_(event), context_(context) {}
    FakeTraceEventProviderBase(const FakeTraceEventProviderBase&) = delete;
    FakeTraceEventProviderBase& operator=(const FakeTraceEventProviderBase&) = delete;
    ~FakeTraceEventProviderBase() = default;

    HRESULT GetTraceEvent(HTTP_TRACE_EVENT** ppTraceEvent) override {
        if (!ppTraceEvent) return E_INVALIDARG;
        *ppTraceEvent = event_;
        return event_ ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    }
    BOOL CheckSubscription(HTTP_MODULE_ID ModuleId) override {
        checked_.push_back(ModuleId);
        if (everyone_) return TRUE;
        for (HTTP_MODULE_ID id : subscribed_)
            if (id == ModuleId) return TRUE;
        return FALSE;
    }
    HRESULT GetCurrentHttpRequestContext(IHttpContext** ppHttpContext) override {
        if (!ppHttpContext) return E_INVALIDARG;
        *ppHttpContext = context_;
        return context_ ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    }

    // ---- test knobs and inspection ------------------------------------------------------------
    // Only these modules are subscribed from now on (CheckSubscription is TRUE for every module
    // until the first call).
    void subscribe_only(HTTP_MODULE_ID module) {
        everyone_ = false;
        subscribed_.push_back(module);
    }
    const std::vector<HTTP_MODULE_ID>& checked_subscriptions() const noexcept { return checked_; }

private:
    HTTP_TRACE_EVENT* event_;
    IHttpContext* context_;
    bool everyone_ = true;
    std::vector<HTTP_MODULE_ID> subscribed_;
    std::vector<HTTP_MODULE_ID> checked_;
};
}  // namespace detail
using FakeTraceEventProvider = detail::FakeTraceEventProviderBase<>;

// GL_RSCA_QUERY (GLOB-3): a run-time status query, answered into the provider's output buffer.
namespace detail {
template <class Unused = void>
class FakeRscaQueryProviderBase final : public FakeEventProvider<IGlobalRSCAQueryProvider> {
public:
    FakeRscaQueryProviderBase(const std::string& function_name, const std::string& parameters,
                              MisuseReporter report = MisuseReporter())
        : name_(detail::wide_of(function_name)),
          parameters_(detail::wide_of(parameters)),
          report_(std::move(report)) {}
    FakeRscaQueryProviderBase(const FakeRscaQueryProviderBase&) = delete;
    FakeRscaQueryProviderBase& operator=(const FakeRscaQueryProviderBase&) = delete;
    ~FakeRscaQueryProviderBase() = default;

    PCWSTR GetFunctionName(VOID) const override { return name_.c_str(); }
    PCWSTR GetFunctionParameters(VOID) const override { return parameters_.c_str(); }
    HRESULT GetOutputBuffer(DWORD cbBuffer, BYTE** ppbBuffer) override {
        if (!ppbBuffer) return E_INVALIDARG;
        *ppbBuffer = replace_buffer(cbBuffer, nullptr, 0);
        return S_OK;
    }
    HRESULT ResizeOutputBuffer(DWORD cbNewBuffer, DWORD cbBytesToCopy, BYTE** ppbBuffer) override {
        if (!ppbBuffer || cbBytesToCopy > cbNewBuffer) return E_INVALIDARG;
        const BYTE* source = *ppbBuffer;
        if (cbBytesToCopy > 0 && !source) return E_INVALIDARG;
        // Never read past the provider's own buffer; another pointer is the module's to size.
        if (source && source == current() && cbBytesToCopy > current_size()) return E_INVALIDARG;
        *ppbBuffer = replace_buffer(cbNewBuffer, source, cbBytesToCopy);
        return S_OK;
    }
    VOID SetResult(DWORD cbData, HRESULT hr) override {
        result_size_ = cbData;
        result_ = hr;
        has_result_ = true;
        if (cbData > current_size())
            detail::report_misuse(report_, "IGlobalRSCAQueryProvider::SetResult", "GLOB-3",
                                  "cbData is larger than the output buffer", S_OK);
    }

    // ---- inspection ---------------------------------------------------------------------------
    bool has_result() const noexcept { return has_result_; }
    HRESULT result() const noexcept { return result_; }  // E_NOTIMPL until SetResult
    DWORD result_size() const noexcept { return result_size_; }
    // The answer as the caller of the query reads it: SetResult's first cbData bytes.
    std::string output() const {
        const std::size_t n = result_size_ < current_size() ? result_size_ : current_size();
        return n ? std::string(reinterpret_cast<const char*>(current()), n) : std::string();
    }
    std::size_t buffers_allocated() const noexcept { return buffers_.size(); }

private:
    struct Buffer {
        std::unique_ptr<BYTE[]> data;
        std::size_t size;
    };
    const BYTE* current() const noexcept {
        return buffers_.empty() ? nullptr : buffers_.back().data.get();
    }
    std::size_t current_size() const noexcept {
        return buffers_.empty() ? 0 : buffers_.back().size;
    }
    BYTE* replace_buffer(DWORD size, const BYTE* copy_from, DWORD copy_bytes) {
        Buffer fresh{std::unique_ptr<BYTE[]>(new BYTE[size ? size : 1]()), size};
        if (copy_bytes) std::memmove(fresh.data.get(), copy_from, copy_bytes);
        // The old buffer is freed as far as the module knows: poisoned, kept allocated.
        if (!buffers_.empty()) std::memset(buffers_.back().data.get(), 0xDD, buffers_.back().size);
        buffers_.push_back(std::move(fresh));
        return buffers_.back().data.get();
    }

    detail::wide_string name_;
    detail::wide_string parameters_;
    MisuseReporter report_;
    std::vector<Buffer> buffers_;
    DWORD result_size_ = 0;
    HRESULT result_ = E_NOTIMPL;
    bool has_result_ = false;
};
}  // namespace detail
using FakeRscaQueryProvider = detail::FakeRscaQueryProviderBase<>;

// One IHttpApplicationResolveModulesProvider::RegisterModule call.
struct ResolvedModule {
    HTTP_MODULE_ID parent_id;
    IHttpModuleFactory* factory;
    std::string name;
    std::string type;
    std::string precondition;
    DWORD notifications;
    DWORD post_notifications;
};

// One SetPriorityForRequestNotification call.
struct ResolvedPriority {
    std::string module_name;
    DWORD notification;
    std::string alias;  // as the module spelt it
};

// GL_APPLICATION_RESOLVE_MODULES (GLOB-1, GLOB-2): a global module adds request modules to an
// application. The host sets on_register_module / on_set_priority to put them in the pipeline;
// the result of the hook is what the module receives.
namespace detail {
template <class Unused = void>
class FakeResolveModulesProviderBase final
    : public FakeEventProvider<IHttpApplicationResolveModulesProvider> {
public:
    using RegisterHook = Callback<HRESULT(const ResolvedModule&)>;
    using PriorityHook = Callback<HRESULT(const ResolvedPriority&)>;

    explicit FakeResolveModulesProviderBase(IHttpApplication* application = nullptr)
        : application_(application) {}
    FakeResolveModulesProviderBase(const FakeResolveModulesProviderBase&) = delete;
    FakeResolveModulesProviderBase& operator=(const FakeResolveModulesProviderBase&) = delete;
    ~FakeResolveModulesProviderBase() = default;

    IHttpApplication* GetApplication(VOID) override { return application_; }
    HRESULT RegisterModule(HTTP_MODULE_ID parentModuleId, IHttpModuleFactory* pModuleFactory,
                           PCWSTR pszModuleName, PCWSTR pszModuleType, PCWSTR pszModulePreCondition,
                           DWORD dwRequestNotifications,
                           DWORD dwPostRequestNotifications) override {
        if (!pModuleFactory || !pszModuleName || !*pszModuleName)
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        ResolvedModule module{parentModuleId,
                              pModuleFactory,
                              detail::utf8_or_empty(pszModuleName),
                              detail::utf8_or_empty(pszModuleType),
                              detail::utf8_or_empty(pszModulePreCondition),
                              dwRequestNotifications,
                              dwPostRequestNotifications};
        for (const ResolvedModule& known : modules_)
            if (detail::iequals_text(known.name, module.name))
                return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        const HRESULT hr = on_register_ ? on_register_(module) : S_OK;
        if (SUCCEEDED(hr)) modules_.push_back(std::move(module));
        return hr;
    }
    HRESULT SetPriorityForRequestNotification(PCWSTR pszModuleName, DWORD dwRequestNotification,
                                              PCWSTR pszPriorityAlias) override {
        if (!pszModuleName || !*pszModuleName || !known_alias(pszPriorityAlias))
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        ResolvedPriority priority{detail::utf8_or_empty(pszModuleName), dwRequestNotification,
                                  detail::utf8_or_empty(pszPriorityAlias)};
        const HRESULT hr = on_priority_ ? on_priority_(priority) : S_OK;
        if (SUCCEEDED(hr)) priorities_.push_back(std::move(priority));
        return hr;
    }

    // ---- host hooks and inspection -----------------------------------------------------------
    void on_register_module(RegisterHook hook) { on_register_ = std::move(hook); }
    void on_set_priority(PriorityHook hook) { on_priority_ = std::move(hook); }
    const std::vector<ResolvedModule>& modules() const noexcept { return modules_; }
    const std::vector<ResolvedPriority>& priorities() const noexcept { return priorities_; }

private:
    static bool known_alias(PCWSTR alias) {
        if (!alias) return false;
        const std::string text = detail::utf8_of(alias);
        for (const char* name : {"FIRST", "HIGH", "MEDIUM", "LOW", "LAST"})
            if (detail::iequals_text(text, name)) return true;
        return false;
    }

    IHttpApplication* application_;
    RegisterHook on_register_;
    PriorityHook on_priority_;
    std::vector<ResolvedModule> modules_;
    std::vector<ResolvedPriority> priorities_;
};
}  // namespace detail
using FakeResolveModulesProvider = detail::FakeResolveModulesProviderBase<>;

// GL_APPLICATION_PRELOAD (GLOB-6): an IGlobalApplicationPreloadProvider2, so a module's
// HttpGetExtendedInterface (or cast) to the 2 reaches IsProcessRecycled (T-1).
namespace detail {
template <class Unused = void>
class FakeApplicationPreloadProviderBase final
    : public FakeEventProvider<IGlobalApplicationPreloadProvider2> {
public:
    using CreateHook = Callback<HRESULT(IHttpContext** context)>;
    using ExecuteHook = Callback<HRESULT(IHttpContext* context, IHttpUser* user)>;
    struct Executed {
        IHttpContext* context;
        IHttpUser* user;
        HRESULT result;
    };

    explicit FakeApplicationPreloadProviderBase(bool process_recycled = false)
        : recycled_(process_recycled) {}
    FakeApplicationPreloadProviderBase(const FakeApplicationPreloadProviderBase&) = delete;
    FakeApplicationPreloadProviderBase& operator=(const FakeApplicationPreloadProviderBase&) =
        delete;
    ~FakeApplicationPreloadProviderBase() = default;

    HRESULT CreateContext(IHttpContext** ppHttpContext) override {
        if (!ppHttpContext) return E_INVALIDARG;
        *ppHttpContext = nullptr;
        const HRESULT hr =
            on_create_ ? on_create_(ppHttpContext) : HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
        if (FAILED(hr)) *ppHttpContext = nullptr;
        created_.push_back(*ppHttpContext);
        return hr;
    }
    HRESULT ExecuteRequest(IHttpContext* pHttpContext, IHttpUser* pHttpUser) override {
        const HRESULT hr = !pHttpContext ? E_INVALIDARG
                           : on_execute_ ? on_execute_(pHttpContext, pHttpUser)
                                         : S_OK;
        executed_.push_back(Executed{pHttpContext, pHttpUser, hr});
        return hr;
    }
    BOOL IsProcessRecycled(VOID) const override { return recycled_ ? TRUE : FALSE; }

    // ---- host hooks and inspection -----------------------------------------------------------
    void on_create_context(CreateHook hook) { on_create_ = std::move(hook); }
    void on_execute_request(ExecuteHook hook) { on_execute_ = std::move(hook); }
    // Every CreateContext result (NULL for a failed one), in order.
    const std::vector<IHttpContext*>& created_contexts() const noexcept { return created_; }
    const std::vector<Executed>& executed_requests() const noexcept { return executed_; }

private:
    bool recycled_;
    CreateHook on_create_;
    ExecuteHook on_execute_;
    std::vector<IHttpContext*> created_;
    std::vector<Executed> executed_;
};
}  // namespace detail
using FakeApplicationPreloadProvider = detail::FakeApplicationPreloadProviderBase<>;

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_global_providers.hpp -----
// ----- begin iisfake/fake_http_server.hpp -----
#ifndef IISFAKE_FAKE_HTTP_SERVER_HPP_INCLUDED
#define IISFAKE_FAKE_HTTP_SERVER_HPP_INCLUDED

// FakeHttpServer: the IHttpServer3 IIS hands to RegisterModule and modules keep in a global
// (SRV-2), most-derived with single inheritance so `(IHttpServer2*)g_pHttpServer` is valid
// (T-1). Everything a module asks of it is in one ordered call log; what it asks IIS to do
// (recycle, report unhealthy, flush, change the thread count, raise notifications) is recorded
// for the test to read. IIS calls the server from many request threads at once: every member
// a module can reach is safe to call concurrently. Hooks and knobs are for the host and the test,
// set before module code runs.
//
// Behaviour (spec §2.11, §2.12, §2.13; ids not in the spec are listed with their evidence, tags
// as in api-surface.md §0):
//   SRV-1  HttpGetExtendedInterface: IHttpServer::GetExtendedInterface(HTTP_SERVER_INTERFACE_V2)
//          gives the server as IHttpServer2; IHttpServer2::GetExtendedInterface(Version1, pInput,
//          Version2, ppOutput) converts pInput between versions of one interface family that the
//          fakes implement (IHttpRequest..4, IHttpResponse..4, IHttpContext..4, IHttpServer..3,
//          IHttpApplication..2, IHttpCompletionInfo..2, IHttpCachePolicy..2,
//          IGlobalApplicationPreloadProvider..2, IHttpModuleRegistrationInfo..2; IHttpSite,
//          IHttpUrlInfo and IHttpUser to themselves), else E_NOINTERFACE with *ppOutput NULL
//          [D purpose; I failure code]. pInput must be an object of the most-derived version, as
//          every iisfake fake is (T-1). NULL pInput or ppOutput: E_INVALIDARG [I].
//   SRV-3  legacy_iis7 (ServerSettings or set_legacy_iis7) answers as IIS 7.0, which had no
//          IHttpServer2: both GetExtendedInterface forms fail with E_NOINTERFACE, so a module's
//          version probing takes its fallback path; refuse_interface<T>() refuses one version
//          only (e.g. IHttpResponse4 before IIS 10) [I].
//   CONT-2 DispenseContainer returns a new, synchronized IDispensedHttpModuleContextContainer
//          [D: the DispenseContainer sample says "dispensed and synchronized"];
//          ReleaseContainer cleans up each stored context once, in reverse order, and frees the
//          container. The fake keeps the released container's memory until the server ends, so
//          a second ReleaseContainer or a use after release is reported instead of being a use
//          after free; a container never released is reported when the server ends (its
//          contexts are not cleaned up, as IIS would never clean them up).
//   SRV-4  The fragment cache [D]: AddFragmentToCache copies a HttpDataChunkFromMemory chunk
//          (other chunk types, a NULL chunk or name, an empty name: E_INVALIDARG) and replaces a
//          fragment of the same name (http.sys fragment-cache docs). ReadFragmentFromCache of a
//          missing name: HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND) [D]; a buffer smaller than the
//          fragment: HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER), nothing copied, *pcbCopied
//          the size needed [D: HttpReadFragmentFromCache]; NULL pcbCopied: E_INVALIDARG [I].
//          RemoveFragmentFromCache of a missing name: HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND)
//          [D]. Names match exactly [I]. http.sys may drop a fragment at any time [D]:
//          evict_fragment() does so for a test.
//   SRV-5  GetAdminManager is never NULL: before set_admin_manager(), an unconfigured admin
//          manager whose GetAdminSection fails for every section with
//          HRESULT_FROM_WIN32(ERROR_INVALID_DATA) (0x8007000D, the code of a configuration
//          section IIS does not know) and *ppAdminSection NULL [I].
//   SRV-6  SatisfiesPrecondition [D: preCondition values; a list is satisfied when each entry
//          is]: comma-separated, case-insensitive entries integratedMode, classicMode/ISAPIMode,
//          bitness32, bitness64, runtimeVersion<v> (against ServerSettings::runtime_version; ""
//          is No Managed Code), appPoolName=<a>;<b>, managedHandler (ServerSettings), and those
//          the test declares; an empty or NULL string is satisfied. An unknown entry sets
//          *pfUnknownPrecondition and is not satisfied [I].
//   SRV-7  IncrementThreadCount/DecrementThreadCount adjust a count the test reads [D]; a
//          decrement below zero is reported [I].
//   SRV-8  What needs Windows or IIS internals fails with HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED)
//          and NULL out-pointers, recorded: GetToken, GetWorkerProcessSettings,
//          GetWorkerProcessFramework, GetProtocolManagerCustomInterface, QueryRequestProperty;
//          DoCacheOperation without on_cache_operation [I]. GetFileInfo without on_get_file_info:
//          HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) (the fake has no files) [I].
//   SRV-9  Simple and faithful: GetPerfCounterInfo (counters recorded), GetMetadata (an
//          IReferencedMetadataInfo for MACHINE/WEBROOT/APPHOST/<site><url>),
//          RegisterFileChangeMonitor (a FakeHttpFileMonitor, GLOB-4), AssociateWithThreadPool
//          (handle and routine recorded; NULL either: E_INVALIDARG), FlushKernelCache (URL
//          recorded; NULL: E_INVALIDARG), GetTraceContext (never NULL, T-25), GetAppPoolConfigFile
//          (*pcch its length) [D, I].
//   SRV-10 NotifyCustomNotification, NotifyConfigurationChange and NotifyFileChange reach
//          global modules through hooks the host sets; without one they are recorded only and a
//          custom notification returns GL_NOTIFICATION_CONTINUE [D purpose, I].
//   SRV-11 One ordered call log of what module code asked, with arguments as text (a password
//          never) and the HRESULT returned; what it asked IIS to do (RecycleProcess,
//          RecycleApplication, ReportUnhealthy, ...) also as lists [STYLE.md lesson 3].
//   SRV-12 Fault injection: fail(method, hr, nth) makes a call that returns an HRESULT fail
//          without effect, its out-pointers NULL [STYLE.md lesson 6].
//   (SRV-2 is the spec's: a module keeps RegisterModule's pGlobalInfo in a global and calls it
//   from every request thread.)

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// ----- begin iisfake/detail/spin_lock.hpp -----
#ifndef IISFAKE_DETAIL_SPIN_LOCK_HPP_INCLUDED
#define IISFAKE_DETAIL_SPIN_LOCK_HPP_INCLUDED

// A small lock on std::atomic for the fakes IIS calls from many request threads at once (the
// server, its dispensed containers): <mutex> would reach every test file through the umbrella,
// and the sections it guards are a few loads and stores. Never held while calling out (module
// code, hooks, the misuse handler), so it never nests.

#include <atomic>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

class SpinLock {
public:
    SpinLock() = default;
    SpinLock(const SpinLock&) = delete;
    SpinLock& operator=(const SpinLock&) = delete;

    void lock() noexcept {
        while (locked_.exchange(true, std::memory_order_acquire)) {
            while (locked_.load(std::memory_order_relaxed)) {
            }
        }
    }
    void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> locked_{false};
};

class SpinGuard {
public:
    explicit SpinGuard(SpinLock& lock) noexcept : lock_(lock) { lock_.lock(); }
    ~SpinGuard() { lock_.unlock(); }
    SpinGuard(const SpinGuard&) = delete;
    SpinGuard& operator=(const SpinGuard&) = delete;

private:
    SpinLock& lock_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/spin_lock.hpp -----

IISFAKE_BEGIN_NAMESPACE

// The methods of IHttpServer..IHttpServer3, for the call log and fault injection. The two
// GetExtendedInterface overloads are one ServerMethod; the arguments tell them apart.
#define IISFAKE_SERVER_METHODS_(X)       \
    X(IsCommandLineLaunch)               \
    X(GetAppPoolName)                    \
    X(AssociateWithThreadPool)           \
    X(IncrementThreadCount)              \
    X(DecrementThreadCount)              \
    X(ReportUnhealthy)                   \
    X(RecycleProcess)                    \
    X(GetAdminManager)                   \
    X(GetFileInfo)                       \
    X(FlushKernelCache)                  \
    X(DoCacheOperation)                  \
    X(NotifyCustomNotification)          \
    X(GetPerfCounterInfo)                \
    X(RecycleApplication)                \
    X(NotifyConfigurationChange)         \
    X(NotifyFileChange)                  \
    X(DispenseContainer)                 \
    X(AddFragmentToCache)                \
    X(ReadFragmentFromCache)             \
    X(RemoveFragmentFromCache)           \
    X(GetWorkerProcessSettings)          \
    X(GetProtocolManagerCustomInterface) \
    X(SatisfiesPrecondition)             \
    X(GetTraceContext)                   \
    X(RegisterFileChangeMonitor)         \
    X(GetExtendedInterface)              \
    X(GetToken)                          \
    X(GetAppPoolConfigFile)              \
    X(GetMetadata)                       \
    X(GetWorkerProcessFramework)         \
    X(QueryRequestProperty)

enum class ServerMethod {
#define IISFAKE_SERVER_METHOD_ENUMERATOR_(name) name,
    IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_ENUMERATOR_)
#undef IISFAKE_SERVER_METHOD_ENUMERATOR_
};

constexpr int server_method_count = 0
#define IISFAKE_SERVER_METHOD_COUNT_(name) +1
    IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_COUNT_)
#undef IISFAKE_SERVER_METHOD_COUNT_
    ;

inline const char* server_method_name(ServerMethod method) noexcept {
    static const char* const names[] = {
#define IISFAKE_SERVER_METHOD_NAME_(name) #name,
        IISFAKE_SERVER_METHODS_(IISFAKE_SERVER_METHOD_NAME_)
#undef IISFAKE_SERVER_METHOD_NAME_
    };
    const int index = static_cast<int>(method);
    return index >= 0 && index < server_method_count ? names[index] : "<not a ServerMethod>";
}

#undef IISFAKE_SERVER_METHODS_

// One call module code made on the server.
struct ServerCall {
    ServerMethod method;
    std::string arguments;  // as text, e.g. "\"DefaultAppPool\"" or "IHttpRequest -> IHttpRequest3"
    HRESULT result;         // S_OK for methods that return no HRESULT
};

// What the worker process is. Defaults: w3wp.exe of a default IIS 10 install serving
// DefaultAppPool, integrated pipeline, 64-bit, .NET CLR v4.0.
struct ServerSettings {
    std::string app_pool_name = "DefaultAppPool";
    bool command_line_launch = false;  // IsCommandLineLaunch: TRUE only for a hosted/express core
    // GetAppPoolConfigFile; empty: C:\inetpub\temp\apppools\<pool>\<pool>.config
    std::string app_pool_config_file;
    // SatisfiesPrecondition facts (SRV-6).
    bool integrated_mode = true;
    unsigned bitness = 64;
    std::string runtime_version = "v4.0";  // "" = No Managed Code
    bool managed_handler = false;
    // GetMetadata: where the sites' content lives (each site's root).
    std::string physical_root = "C:\\inetpub\\wwwroot";
    bool legacy_iis7 = false;  // SRV-3
};

// One ReportUnhealthy call.
struct UnhealthyReport {
    std::string reason;
    HRESULT reason_code;
};

// IHttpPerfCounterInfo (SRV-9): counter values by index, safe from many threads.
class FakePerfCounterInfo final : public IHttpPerfCounterInfo {
public:
    FakePerfCounterInfo() = default;
    FakePerfCounterInfo(const FakePerfCounterInfo&) = delete;
    FakePerfCounterInfo& operator=(const FakePerfCounterInfo&) = delete;
    ~FakePerfCounterInfo() = default;
    VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) override {
        add(dwCounterIndex, static_cast<long long>(dwValue));
    }
    VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) override {
        add(dwCounterIndex, -static_cast<long long>(dwValue));
    }
    long long value(DWORD index) const {
        detail::SpinGuard guard(lock_);
        for (const auto& counter : counters_)
            if (counter.first == index) return counter.second;
        return 0;
    }

private:
    void add(DWORD index, long long delta) {
        detail::SpinGuard guard(lock_);
        for (auto& counter : counters_) {
            if (counter.first == index) {
                counter.second += delta;
                return;
            }
        }
        counters_.emplace_back(index, delta);
    }
    mutable detail::SpinLock lock_;
    std::vector<std::pair<DWORD, long long>> counters_;
};

namespace detail {

// CONT-2: a dispensed container, synchronized, whose memory outlives ReleaseContainer so that
// misuse after it is reported rather than undefined.
class DispensedContainer final : public IDispensedHttpModuleContextContainer {
public:
    explicit DispensedContainer(MisuseReporter report) : report_(std::move(report)) {}
    DispensedContainer(const DispensedContainer&) = delete;
    DispensedContainer& operator=(const DispensedContainer&) = delete;
    ~DispensedContainer() = default;  // contexts of a container never released stay as they are

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        {
            SpinGuard guard(lock_);
            if (!released_) {
                for (const auto& entry : entries_)
                    if (entry.first == moduleId) return entry.second;
                return nullptr;
            }
        }
        report("GetModuleContext", "CONT-2",
               "the container was used after ReleaseContainer, which freed it", S_OK);
        return nullptr;
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        const char* rule = "CONT-1";
        const char* problem = nullptr;
        HRESULT result = S_OK;
        {
            SpinGuard guard(lock_);
            if (released_) {
                rule = "CONT-2";
                problem = "the container was used after ReleaseContainer, which freed it";
                result = HRESULT_FROM_WIN32(ERROR_INVALID_STATE);
            } else if (!ppStoredContext) {
                problem = "ppStoredContext is NULL";
                result = HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
            } else {
                for (const auto& entry : entries_) {
                    if (entry.first == moduleId) {
                        problem =
                            "a context is already stored for this module id; IIS keeps the first "
                            "and never cleans up the second";
                        result = HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED);
                        break;
                    }
                }
                if (!problem) entries_.emplace_back(moduleId, ppStoredContext);
            }
        }
        return problem ? report("SetModuleContext", rule, problem, result) : S_OK;
    }
    VOID ReleaseContainer(VOID) override {
        std::vector<std::pair<HTTP_MODULE_ID, IHttpStoredContext*>> stored;
        bool twice = false;
        {
            SpinGuard guard(lock_);
            twice = released_;
            released_ = true;
            stored.swap(entries_);
        }
        if (twice) {
            report("ReleaseContainer", "CONT-2",
                   "ReleaseContainer on a container already released; IIS freed it the first time",
                   S_OK);
            return;
        }
        for (auto it = stored.rbegin(); it != stored.rend(); ++it)
            it->second->CleanupStoredContext();
    }

    bool released() const {
        SpinGuard guard(lock_);
        return released_;
    }
    std::size_t size() const {
        SpinGuard guard(lock_);
        return entries_.size();
    }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return report_misuse(report_,
                             std::string("IDispensedHttpModuleContextContainer::") + method, rule,
                             problem, result);
    }

    MisuseReporter report_;
    mutable SpinLock lock_;
    std::vector<std::pair<HTTP_MODULE_ID, IHttpStoredContext*>> entries_;
    bool released_ = false;
};

// SRV-5: what GetAdminManager returns before the test or host sets a configuration.
class UnconfiguredAdminManager final : public IAppHostAdminManager {
public:
    UnconfiguredAdminManager() = default;
    UnconfiguredAdminManager(const UnconfiguredAdminManager&) = delete;
    UnconfiguredAdminManager& operator=(const UnconfiguredAdminManager&) = delete;
    ~UnconfiguredAdminManager() = default;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override {
        if (!ppvObject) return E_POINTER;
        *ppvObject = nullptr;
        if (!(riid == uuid_of<IUnknown>()) && !(riid == uuid_of<IAppHostAdminManager>()))
            return E_NOINTERFACE;
        *ppvObject = static_cast<IAppHostAdminManager*>(this);
        AddRef();
        return S_OK;
    }
    // The server owns it; the count only keeps AddRef/Release balanced for the module.
    ULONG STDMETHODCALLTYPE AddRef(void) override { return static_cast<ULONG>(++references_); }
    ULONG STDMETHODCALLTYPE Release(void) override {
        long now = references_.load();
        while (now > 1 && !references_.compare_exchange_weak(now, now - 1)) {
        }
        return static_cast<ULONG>(now > 1 ? now - 1 : 1);
    }
    HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR, BSTR,
                                              IAppHostElement** ppAdminSection) override {
        if (!ppAdminSection) return E_POINTER;
        *ppAdminSection = nullptr;
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR, VARIANT*) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override { return E_NOTIMPL; }
    HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) override {
        if (ppConfigManager) *ppConfigManager = nullptr;
        return E_NOTIMPL;
    }

private:
    std::atomic<long> references_{1};
};

// The server's trace context: FakeHttpTraceContext, safe to trace into from many threads.
class ServerTraceContext final : public FakeHttpTraceContext {
public:
    ServerTraceContext() = default;
    HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) override {
        SpinGuard guard(lock_);
        return FakeHttpTraceContext::RaiseTraceEvent(pTraceEvent);
    }
    HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                       UCHAR Level = 4) override {
        SpinGuard guard(lock_);
        return FakeHttpTraceContext::QuickTrace(pszData1, pszData2, hrLastError, Level);
    }

private:
    SpinLock lock_;
};

template <class Unused = void>
class FakeHttpServerBase : public IHttpServer3 {
public:
    using CustomNotificationHook =
        Callback<GLOBAL_NOTIFICATION_STATUS(ICustomNotificationProvider*)>;
    using PathHook = Callback<void(PCWSTR)>;
    using FileInfoHook = Callback<HRESULT(PCWSTR path, BOOL cache, IHttpFileInfo** file_info)>;
    using CacheOperationHook = Callback<HRESULT(CACHE_OPERATION operation, IHttpCacheKey* key,
                                                IHttpCacheSpecificData** data)>;

    explicit FakeHttpServerBase(ServerSettings settings = ServerSettings());
    FakeHttpServerBase(const FakeHttpServerBase&) = delete;
    FakeHttpServerBase& operator=(const FakeHttpServerBase&) = delete;
    // Reports each dispensed container never released (CONT-2) through the misuse handler.
    virtual ~FakeHttpServerBase() noexcept(false);

    // ---- IHttpServer -------------------------------------------------------------------------
    BOOL IsCommandLineLaunch(VOID) const override;
    PCWSTR GetAppPoolName(VOID) const override;
    HRESULT AssociateWithThreadPool(HANDLE hHandle,
                                    LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) override;
    VOID IncrementThreadCount(VOID) override;
    VOID DecrementThreadCount(VOID) override;
    VOID ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) override;
    VOID RecycleProcess(PCWSTR pszReason) override;
    IAppHostAdminManager* GetAdminManager(VOID) const override;
    HRESULT GetFileInfo(PCWSTR pszPhysicalPath, HANDLE hUserToken, PSID pSid,
                        PCWSTR pszChangeNotificationPath, HANDLE hChangeNotificationToken,
                        BOOL fCache, IHttpFileInfo** ppFileInfo,
                        IHttpTraceContext* pHttpTraceContext = NULL) override;
    HRESULT FlushKernelCache(PCWSTR pszUrl) override;
    HRESULT DoCacheOperation(CACHE_OPERATION cacheOperation, IHttpCacheKey* pCacheKey,
                             IHttpCacheSpecificData** ppCacheSpecificData,
                             IHttpTraceContext* pHttpTraceContext = NULL) override;
    GLOBAL_NOTIFICATION_STATUS NotifyCustomNotification(
        ICustomNotificationProvider* pCustomOutput) override;
    IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) override;
    VOID RecycleApplication(PCWSTR pszAppConfigPath) override;
    VOID NotifyConfigurationChange(PCWSTR pszPath) override;
    VOID NotifyFileChange(PCWSTR pszFileName) override;
    IDispensedHttpModuleContextContainer* DispenseContainer(VOID) override;
    HRESULT AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk, PCWSTR pszFragmentName) override;
    HRESULT ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer, DWORD cbSize,
                                  DWORD* pcbCopied) override;
    HRESULT RemoveFragmentFromCache(PCWSTR pszFragmentName) override;
    HRESULT GetWorkerProcessSettings(IWpfSettings** ppWorkerProcessSettings) override;
    HRESULT GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                              PCWSTR pProtocolManagerDllInitFunction,
                                              DWORD dwCustomInterfaceId,
                                              PVOID* ppCustomInterface) override;
    BOOL SatisfiesPrecondition(PCWSTR pszPrecondition,
                               BOOL* pfUnknownPrecondition = NULL) const override;
    IHttpTraceContext* GetTraceContext(VOID) const override;
    HRESULT RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE hToken,
                                      IHttpFileMonitor** ppFileMonitor) override;
    HRESULT GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                 PVOID* ppInterface) override;

    // ---- IHttpServer2 / IHttpServer3 ---------------------------------------------------------
    HRESULT GetToken(PCWSTR pszUserName, PCWSTR pszPassword, DWORD dwLogonMethod,
                     IHttpTokenEntry** ppTokenEntry, PCWSTR pszDefaultDomain = NULL,
                     PSOCKADDR pSockAddr = NULL,
                     IHttpTraceContext* pHttpTraceContext = NULL) override;
    PCWSTR GetAppPoolConfigFile(DWORD* pcchConfigFilePath = NULL) const override;
    HRESULT GetExtendedInterface(const GUID& Version1, PVOID pInput, const GUID& Version2,
                                 PVOID* ppOutput) override;
    HRESULT GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                        IReferencedMetadataInfo** ppMetadataInfo) override;
    HRESULT GetWorkerProcessFramework(IWorkerProcessFramework** ppWorkerProcessFramework) override;
    HRESULT QueryRequestProperty(HTTP_OPAQUE_ID id, HTTP_REQUEST_PROPERTY propertyId,
                                 PVOID pQualifier, ULONG qualifierSize, PVOID pOutput,
                                 ULONG outputBufferSize, PULONG pcbBytesReturned,
                                 LPOVERLAPPED pOverlapped) override;

    // ---- host hooks (SRV-10, SRV-8) ----------------------------------------------------------
    void on_custom_notification(CustomNotificationHook hook);
    void on_configuration_change(PathHook hook);
    void on_file_change(PathHook hook);
    void on_get_file_info(FileInfoHook hook);
    void on_cache_operation(CacheOperationHook hook);
    // SRV-5: the configuration GetAdminManager returns (NULL: the unconfigured one again).
    void set_admin_manager(IAppHostAdminManager* manager);

    // ---- test knobs ---------------------------------------------------------------------------
    // Pointers GetAppPoolName handed out before stay readable.
    void set_app_pool_name(const std::string& name);
    void set_command_line_launch(bool launched);
    void set_legacy_iis7(bool legacy);  // SRV-3
    // SRV-3: GetExtendedInterface refuses this interface version (E_NOINTERFACE).
    void refuse_interface(const GUID& version);
    template <class Interface>
    void refuse_interface() {
        refuse_interface(uuid_of<Interface>());
    }
    // SRV-6: an entry SatisfiesPrecondition knows beyond the built-in ones.
    void set_precondition(const std::string& entry, bool satisfied);
    // SRV-4: http.sys dropped the fragment (or all of them).
    void evict_fragment(const std::string& name);
    void evict_all_fragments();
    // The next matching call(s) fail with `result` (a failure HRESULT) without doing anything;
    // nth = 0: every call, else only the nth call of that method. Only methods that return an
    // HRESULT; anything else throws std::invalid_argument.
    void fail(ServerMethod method, HRESULT result, unsigned nth = 0);
    void set_misuse_handler(MisuseHandler handler);
    void record_calls(bool on);

    // ---- inspection ---------------------------------------------------------------------------
    std::vector<ServerCall> calls() const;
    std::vector<ServerCall> calls(ServerMethod method) const;
    unsigned count(ServerMethod method) const;
    void clear_calls();
    std::vector<Misuse> misuses() const;

    std::vector<std::string> recycle_requests() const;       // RecycleProcess reasons
    std::vector<std::string> recycled_applications() const;  // RecycleApplication paths
    std::vector<UnhealthyReport> unhealthy_reports() const;
    std::vector<std::string> flushed_urls() const;           // FlushKernelCache
    std::vector<std::string> configuration_changes() const;  // NotifyConfigurationChange
    std::vector<std::string> file_changes() const;           // NotifyFileChange
    std::vector<std::string> custom_notifications() const;   // their QueryNotificationType
    std::vector<HANDLE> thread_pool_handles() const;         // AssociateWithThreadPool
    long thread_count() const;  // IncrementThreadCount calls minus DecrementThreadCount calls

    // The fragment's bytes; false when there is none of that name.
    bool fragment(const std::string& name, std::string& bytes) const;
    std::size_t fragment_count() const;

    std::size_t containers_dispensed() const;
    std::size_t containers_outstanding() const;  // dispensed and not yet released
    // Reports now, through the misuse handler, each container not yet released (CONT-2).
    void expect_all_containers_released();

    FakePerfCounterInfo& perf_counters() noexcept { return perf_counters_; }
    FakeHttpTraceContext& trace() noexcept { return trace_; }
    // Monitors RegisterFileChangeMonitor handed out, in order.
    std::vector<FakeHttpFileMonitor*> file_monitors() const;
    FakeHttpFileMonitor* file_monitor(const std::string& path) const;
    ServerSettings settings() const;

private:
    struct Fragment {
        wide_string name;
        std::vector<unsigned char> bytes;
    };
    struct Fault {
        ServerMethod method;
        unsigned nth;
        HRESULT result;
    };

    void record(ServerMethod method, std::string arguments, HRESULT result) const;
    bool injected(ServerMethod method, std::string arguments, HRESULT& result) const;
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result) const;
    MisuseReporter reporter() const;
    HRESULT not_supported(ServerMethod method, std::string arguments);
    HRESULT convert(const GUID& from, void* input, const GUID& to, void** output,
                    std::string& description) const;
    bool precondition_entry(const std::string& entry, bool& known) const;
    void push_text(std::vector<std::string> FakeHttpServerBase::*list, PCWSTR text);
    std::size_t outstanding_locked() const;
    void report_outstanding(const char* who);

    mutable SpinLock lock_;
    ServerSettings settings_;
    const WCHAR* app_pool_name_ = nullptr;  // the current one, in strings_
    const WCHAR* config_file_ = nullptr;
    std::size_t config_file_length_ = 0;
    mutable std::vector<std::unique_ptr<wide_string>> strings_;  // never freed before the end

    IAppHostAdminManager* admin_manager_ = nullptr;
    UnconfiguredAdminManager unconfigured_;
    ServerTraceContext trace_;
    FakePerfCounterInfo perf_counters_;

    CustomNotificationHook on_custom_;
    PathHook on_configuration_;
    PathHook on_file_;
    FileInfoHook on_file_info_;
    CacheOperationHook on_cache_;

    std::vector<GUID> refused_;
    std::vector<std::pair<std::string, bool>> preconditions_;
    std::vector<Fragment> fragments_;
    std::vector<std::unique_ptr<DispensedContainer>> containers_;
    std::vector<std::unique_ptr<FakeHttpFileMonitor>> monitors_;
    std::vector<std::unique_ptr<FakeMetadataInfo>> metadata_;

    std::vector<std::string> recycles_;
    std::vector<std::string> application_recycles_;
    std::vector<UnhealthyReport> unhealthy_;
    std::vector<std::string> flushed_;
    std::vector<std::string> configuration_changes_;
    std::vector<std::string> file_changes_;
    std::vector<std::string> custom_notifications_;
    std::vector<HANDLE> handles_;
    long threads_ = 0;

    MisuseHandler misuse_handler_ = throw_misuse;
    mutable std::vector<Misuse> misuses_;
    mutable std::vector<ServerCall> calls_;
    mutable unsigned call_counts_[server_method_count] = {};
    std::vector<Fault> faults_;
    bool record_calls_ = true;
};

}  // namespace detail

// The IHttpServer3 a module's RegisterModule receives; see FakeHttpServerBase for its members.
class FakeHttpServer : public detail::FakeHttpServerBase<> {
public:
    using FakeHttpServerBase::FakeHttpServerBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeHttpServerBase<void>;
IISFAKE_END_NAMESPACE
#else
// ----- begin iisfake/detail/fake_http_server_impl.hpp -----
#ifndef IISFAKE_DETAIL_FAKE_HTTP_SERVER_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_SERVER_IMPL_HPP_INCLUDED

// FakeHttpServerBase's member definitions (see fake_http_server.hpp for the rules they follow).

#include <cstring>
#include <exception>
#include <stdexcept>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// ---- SRV-1: interface families -----------------------------------------------------------------

inline bool same_guid(const GUID& a, const GUID& b) noexcept {
    return std::memcmp(&a, &b, sizeof(GUID)) == 0;
}

enum class CastResult { not_family, no_interface, ok };

// Versions of one interface, oldest first, the last the one every fake of it implements. An
// input given as version `from` is the most-derived object (T-1), so the downcast is valid and
// the upcast to `to` always is.
template <class Most, class... Levels>
struct InterfaceFamily {
    static CastResult cast(const GUID& from, void* input, const GUID& to, void** output) {
        Most* most = nullptr;
        if (!(take<Levels>(from, input, most) || ...)) return CastResult::not_family;
        void* out = nullptr;
        if (!(give<Levels>(to, most, out) || ...)) return CastResult::no_interface;
        *output = out;
        return CastResult::ok;
    }

private:
    template <class Level>
    static bool take(const GUID& from, void* input, Most*& most) {
        if (!same_guid(from, uuid_of<Level>())) return false;
        most = static_cast<Most*>(static_cast<Level*>(input));
        return true;
    }
    template <class Level>
    static bool give(const GUID& to, Most* most, void*& out) {
        if (!same_guid(to, uuid_of<Level>())) return false;
        out = static_cast<void*>(static_cast<Level*>(most));
        return true;
    }
};

template <class... Families>
struct InterfaceFamilies {
    static CastResult cast(const GUID& from, void* input, const GUID& to, void** output) {
        CastResult result = CastResult::not_family;
        (void)(((result = Families::cast(from, input, to, output)) != CastResult::not_family) ||
               ...);
        return result;
    }
};

using ExtendedInterfaces = InterfaceFamilies<
    InterfaceFamily<IHttpRequest4, IHttpRequest, IHttpRequest2, IHttpRequest3, IHttpRequest4>,
    InterfaceFamily<IHttpResponse4, IHttpResponse, IHttpResponse2, IHttpResponse3, IHttpResponse4>,
    InterfaceFamily<IHttpContext4, IHttpContext, IHttpContext2, IHttpContext3, IHttpContext4>,
    InterfaceFamily<IHttpServer3, IHttpServer, IHttpServer2, IHttpServer3>,
    InterfaceFamily<IHttpApplication2, IHttpApplication, IHttpApplication2>,
    InterfaceFamily<IHttpCompletionInfo2, IHttpCompletionInfo, IHttpCompletionInfo2>,
    InterfaceFamily<IHttpCachePolicy2, IHttpCachePolicy, IHttpCachePolicy2>,
    InterfaceFamily<IGlobalApplicationPreloadProvider2, IGlobalApplicationPreloadProvider,
                    IGlobalApplicationPreloadProvider2>,
    InterfaceFamily<IHttpModuleRegistrationInfo2, IHttpModuleRegistrationInfo,
                    IHttpModuleRegistrationInfo2>,
    InterfaceFamily<IHttpSite, IHttpSite>, InterfaceFamily<IHttpUrlInfo, IHttpUrlInfo>,
    InterfaceFamily<IHttpUser, IHttpUser>>;

// The name of a versioned interface for the call log, else the GUID's text.
inline std::string interface_name(const GUID& id) {
#define IISFAKE_DETAIL_NAME_(type) \
    if (same_guid(id, uuid_of<type>())) return #type;
    IISFAKE_DETAIL_NAME_(IHttpRequest)
    IISFAKE_DETAIL_NAME_(IHttpRequest2)
    IISFAKE_DETAIL_NAME_(IHttpRequest3)
    IISFAKE_DETAIL_NAME_(IHttpRequest4)
    IISFAKE_DETAIL_NAME_(IHttpResponse)
    IISFAKE_DETAIL_NAME_(IHttpResponse2)
    IISFAKE_DETAIL_NAME_(IHttpResponse3)
    IISFAKE_DETAIL_NAME_(IHttpResponse4)
    IISFAKE_DETAIL_NAME_(IHttpContext)
    IISFAKE_DETAIL_NAME_(IHttpContext2)
    IISFAKE_DETAIL_NAME_(IHttpContext3)
    IISFAKE_DETAIL_NAME_(IHttpContext4)
    IISFAKE_DETAIL_NAME_(IHttpServer)
    IISFAKE_DETAIL_NAME_(IHttpServer2)
    IISFAKE_DETAIL_NAME_(IHttpServer3)
    IISFAKE_DETAIL_NAME_(IHttpApplication)
    IISFAKE_DETAIL_NAME_(IHttpApplication2)
    IISFAKE_DETAIL_NAME_(IHttpCompletionInfo)
    IISFAKE_DETAIL_NAME_(IHttpCompletionInfo2)
    IISFAKE_DETAIL_NAME_(IHttpCachePolicy)
    IISFAKE_DETAIL_NAME_(IHttpCachePolicy2)
    IISFAKE_DETAIL_NAME_(IGlobalApplicationPreloadProvider)
    IISFAKE_DETAIL_NAME_(IGlobalApplicationPreloadProvider2)
    IISFAKE_DETAIL_NAME_(IHttpModuleRegistrationInfo)
    IISFAKE_DETAIL_NAME_(IHttpModuleRegistrationInfo2)
    IISFAKE_DETAIL_NAME_(IHttpSite)
    IISFAKE_DETAIL_NAME_(IHttpUrlInfo)
    IISFAKE_DETAIL_NAME_(IHttpUser)
#undef IISFAKE_DETAIL_NAME_
    static const char digits[] = "0123456789abcdef";
    std::string text = "{";
    auto hex = [&text](std::uint32_t value, int nibbles) {
        for (int shift = (nibbles - 1) * 4; shift >= 0; shift -= 4)
            text += digits[(value >> shift) & 0xFu];
    };
    hex(id.Data1, 8);
    text += '-';
    hex(id.Data2, 4);
    text += '-';
    hex(id.Data3, 4);
    text += '-';
    for (int i = 0; i < 8; ++i) {
        if (i == 2) text += '-';
        hex(id.Data4[i], 2);
    }
    return text + "}";
}

inline std::string quoted(PCWSTR text) { return text ? "\"" + utf8_of(text) + "\"" : "NULL"; }

// ASCII case-insensitive comparison of whole strings (precondition entries, pool names).
inline bool same_text_ci(const std::string& a, const std::string& b) noexcept {
    return a.size() == b.size() && iequals(a.data(), b.data(), a.size());
}

inline std::string trimmed(const std::string& text) {
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
    return text.substr(first, last - first);
}

inline bool has_prefix_ci(const std::string& text, const char* prefix) {
    const std::size_t n = std::strlen(prefix);
    return text.size() >= n && iequals(text.data(), prefix, n);
}

inline std::size_t wide_length(PCWSTR text) noexcept {
    std::size_t n = 0;
    if (text)
        while (text[n]) ++n;
    return n;
}

// ---- construction and teardown -------------------------------------------------------------

template <class Unused>
FakeHttpServerBase<Unused>::FakeHttpServerBase(ServerSettings settings)
    : settings_(std::move(settings)) {
    set_app_pool_name(settings_.app_pool_name);
}

template <class Unused>
FakeHttpServerBase<Unused>::~FakeHttpServerBase() noexcept(false) {
    if (std::uncaught_exceptions() == 0) report_outstanding("FakeHttpServer::~FakeHttpServer");
}

// ---- bookkeeping ---------------------------------------------------------------------------

template <class Unused>
void FakeHttpServerBase<Unused>::record(ServerMethod method, std::string arguments,
                                        HRESULT result) const {
    SpinGuard guard(lock_);
    ++call_counts_[static_cast<int>(method)];
    if (record_calls_) calls_.push_back(ServerCall{method, std::move(arguments), result});
}

template <class Unused>
bool FakeHttpServerBase<Unused>::injected(ServerMethod method, std::string arguments,
                                          HRESULT& result) const {
    {
        SpinGuard guard(lock_);
        const unsigned count = call_counts_[static_cast<int>(method)] + 1;
        bool hit = false;
        for (const Fault& fault : faults_) {
            if (fault.method == method && (fault.nth == 0 || fault.nth == count)) {
                result = fault.result;
                hit = true;
                break;
            }
        }
        if (!hit) return false;
    }
    record(method, std::move(arguments), result);
    return true;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::report(const char* method, const char* rule,
                                           std::string problem, HRESULT result) const {
    Misuse misuse{method, rule, std::move(problem), result, "IIS returns " + hresult_text(result)};
    MisuseHandler handler;
    {
        SpinGuard guard(lock_);
        misuses_.push_back(misuse);
        handler = misuse_handler_;
    }
    if (handler) handler(misuse);
    return result;
}

template <class Unused>
MisuseReporter FakeHttpServerBase<Unused>::reporter() const {
    return [this](const char* method, const char* rule, std::string problem, HRESULT result) {
        return report(method, rule, std::move(problem), result);
    };
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::not_supported(ServerMethod method, std::string arguments) {
    HRESULT result = HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    if (injected(method, arguments, result)) return result;
    record(method, std::move(arguments), result);
    return result;
}

template <class Unused>
std::size_t FakeHttpServerBase<Unused>::outstanding_locked() const {
    std::size_t outstanding = 0;
    for (const auto& container : containers_)
        if (!container->released()) ++outstanding;
    return outstanding;
}

template <class Unused>
void FakeHttpServerBase<Unused>::report_outstanding(const char* who) {
    std::size_t outstanding = 0;
    {
        SpinGuard guard(lock_);
        outstanding = outstanding_locked();
    }
    if (outstanding)
        report(who, "CONT-2",
               std::to_string(outstanding) +
                   " container(s) from DispenseContainer never released: ReleaseContainer cleans "
                   "up their contexts and frees them",
               S_OK);
}

// ---- IHttpServer ---------------------------------------------------------------------------

template <class Unused>
BOOL FakeHttpServerBase<Unused>::IsCommandLineLaunch(VOID) const {
    bool launched = false;
    {
        SpinGuard guard(lock_);
        launched = settings_.command_line_launch;
    }
    record(ServerMethod::IsCommandLineLaunch, std::string(), S_OK);
    return launched ? TRUE : FALSE;
}

template <class Unused>
PCWSTR FakeHttpServerBase<Unused>::GetAppPoolName(VOID) const {
    PCWSTR name = nullptr;
    {
        SpinGuard guard(lock_);
        name = app_pool_name_;
    }
    record(ServerMethod::GetAppPoolName, std::string(), S_OK);
    return name;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::AssociateWithThreadPool(
    HANDLE hHandle, LPOVERLAPPED_COMPLETION_ROUTINE completionRoutine) {
    HRESULT result = S_OK;
    if (injected(ServerMethod::AssociateWithThreadPool, std::string(), result)) return result;
    if (!hHandle || !completionRoutine) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        handles_.push_back(hHandle);
    }
    record(ServerMethod::AssociateWithThreadPool, std::string(), result);
    return result;
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::IncrementThreadCount(VOID) {
    {
        SpinGuard guard(lock_);
        ++threads_;
    }
    record(ServerMethod::IncrementThreadCount, std::string(), S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::DecrementThreadCount(VOID) {
    bool below_zero = false;
    {
        SpinGuard guard(lock_);
        if (threads_ > 0)
            --threads_;
        else
            below_zero = true;
    }
    record(ServerMethod::DecrementThreadCount, std::string(), S_OK);
    if (below_zero)
        report("IHttpServer::DecrementThreadCount", "SRV-7",
               "DecrementThreadCount without a matching IncrementThreadCount", S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::ReportUnhealthy(PCWSTR pszReasonString, HRESULT hrReason) {
    {
        SpinGuard guard(lock_);
        unhealthy_.push_back(UnhealthyReport{utf8_of(pszReasonString), hrReason});
    }
    record(ServerMethod::ReportUnhealthy, quoted(pszReasonString) + ", " + hresult_text(hrReason),
           S_OK);
}

template <class Unused>
void FakeHttpServerBase<Unused>::push_text(std::vector<std::string> FakeHttpServerBase::*list,
                                           PCWSTR text) {
    SpinGuard guard(lock_);
    (this->*list).push_back(utf8_of(text));
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::RecycleProcess(PCWSTR pszReason) {
    push_text(&FakeHttpServerBase::recycles_, pszReason);
    record(ServerMethod::RecycleProcess, quoted(pszReason), S_OK);
}

template <class Unused>
IAppHostAdminManager* FakeHttpServerBase<Unused>::GetAdminManager(VOID) const {
    IAppHostAdminManager* manager = nullptr;
    {
        SpinGuard guard(lock_);
        manager = admin_manager_;
    }
    record(ServerMethod::GetAdminManager, std::string(), S_OK);
    return manager ? manager
                   : static_cast<IAppHostAdminManager*>(
                         const_cast<UnconfiguredAdminManager*>(&unconfigured_));
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetFileInfo(PCWSTR pszPhysicalPath, HANDLE, PSID, PCWSTR,
                                                HANDLE, BOOL fCache, IHttpFileInfo** ppFileInfo,
                                                IHttpTraceContext*) {
    if (ppFileInfo) *ppFileInfo = nullptr;
    const std::string arguments = quoted(pszPhysicalPath) + (fCache ? ", TRUE" : ", FALSE");
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetFileInfo, arguments, result)) return result;
    FileInfoHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_file_info_;
    }
    if (!pszPhysicalPath || !ppFileInfo)
        result = E_INVALIDARG;
    else if (hook)
        result = hook(pszPhysicalPath, fCache, ppFileInfo);
    else
        result = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    if (FAILED(result) && ppFileInfo) *ppFileInfo = nullptr;
    record(ServerMethod::GetFileInfo, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::FlushKernelCache(PCWSTR pszUrl) {
    HRESULT result = S_OK;
    if (injected(ServerMethod::FlushKernelCache, quoted(pszUrl), result)) return result;
    if (!pszUrl)
        result = E_INVALIDARG;
    else
        push_text(&FakeHttpServerBase::flushed_, pszUrl);
    record(ServerMethod::FlushKernelCache, quoted(pszUrl), result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::DoCacheOperation(CACHE_OPERATION cacheOperation,
                                                     IHttpCacheKey* pCacheKey,
                                                     IHttpCacheSpecificData** ppCacheSpecificData,
                                                     IHttpTraceContext*) {
    if (ppCacheSpecificData) *ppCacheSpecificData = nullptr;
    const std::string arguments = std::to_string(static_cast<int>(cacheOperation));
    HRESULT result = S_OK;
    if (injected(ServerMethod::DoCacheOperation, arguments, result)) return result;
    CacheOperationHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_cache_;
    }
    if (!hook) return not_supported(ServerMethod::DoCacheOperation, arguments);
    result = hook(cacheOperation, pCacheKey, ppCacheSpecificData);
    record(ServerMethod::DoCacheOperation, arguments, result);
    return result;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS FakeHttpServerBase<Unused>::NotifyCustomNotification(
    ICustomNotificationProvider* pCustomOutput) {
    std::string type = "NULL";
    if (pCustomOutput) {
        type = utf8_of(pCustomOutput->QueryNotificationType());
        SpinGuard guard(lock_);
        custom_notifications_.push_back(type);
    }
    // Recorded before the global modules run, so calls they make come after it in the log.
    record(ServerMethod::NotifyCustomNotification, type, S_OK);
    CustomNotificationHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_custom_;
    }
    return pCustomOutput && hook ? hook(pCustomOutput) : GL_NOTIFICATION_CONTINUE;
}

template <class Unused>
IHttpPerfCounterInfo* FakeHttpServerBase<Unused>::GetPerfCounterInfo(VOID) {
    record(ServerMethod::GetPerfCounterInfo, std::string(), S_OK);
    return &perf_counters_;
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::RecycleApplication(PCWSTR pszAppConfigPath) {
    push_text(&FakeHttpServerBase::application_recycles_, pszAppConfigPath);
    record(ServerMethod::RecycleApplication, quoted(pszAppConfigPath), S_OK);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::NotifyConfigurationChange(PCWSTR pszPath) {
    push_text(&FakeHttpServerBase::configuration_changes_, pszPath);
    record(ServerMethod::NotifyConfigurationChange, quoted(pszPath), S_OK);
    PathHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_configuration_;
    }
    if (hook) hook(pszPath);
}

template <class Unused>
VOID FakeHttpServerBase<Unused>::NotifyFileChange(PCWSTR pszFileName) {
    push_text(&FakeHttpServerBase::file_changes_, pszFileName);
    record(ServerMethod::NotifyFileChange, quoted(pszFileName), S_OK);
    PathHook hook;
    {
        SpinGuard guard(lock_);
        hook = on_file_;
    }
    if (hook) hook(pszFileName);
}

template <class Unused>
IDispensedHttpModuleContextContainer* FakeHttpServerBase<Unused>::DispenseContainer(VOID) {
    std::unique_ptr<DispensedContainer> container(new DispensedContainer(reporter()));
    DispensedContainer* handed = container.get();
    {
        SpinGuard guard(lock_);
        containers_.push_back(std::move(container));
    }
    record(ServerMethod::DispenseContainer, std::string(), S_OK);
    return handed;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::AddFragmentToCache(HTTP_DATA_CHUNK* pDataChunk,
                                                       PCWSTR pszFragmentName) {
    const std::string arguments = quoted(pszFragmentName);
    HRESULT result = S_OK;
    if (injected(ServerMethod::AddFragmentToCache, arguments, result)) return result;
    if (!pDataChunk || !pszFragmentName || !*pszFragmentName ||
        pDataChunk->DataChunkType != HttpDataChunkFromMemory ||
        (!pDataChunk->FromMemory.pBuffer && pDataChunk->FromMemory.BufferLength > 0)) {
        result = E_INVALIDARG;
    } else {
        const auto* bytes = static_cast<const unsigned char*>(pDataChunk->FromMemory.pBuffer);
        Fragment fresh{
            wide_string(pszFragmentName),
            std::vector<unsigned char>(bytes, bytes + pDataChunk->FromMemory.BufferLength)};
        SpinGuard guard(lock_);
        bool replaced = false;
        for (Fragment& fragment : fragments_) {
            if (fragment.name == fresh.name) {
                fragment.bytes.swap(fresh.bytes);
                replaced = true;
                break;
            }
        }
        if (!replaced) fragments_.push_back(std::move(fresh));
    }
    record(ServerMethod::AddFragmentToCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::ReadFragmentFromCache(PCWSTR pszFragmentName, BYTE* pvBuffer,
                                                          DWORD cbSize, DWORD* pcbCopied) {
    const std::string arguments = quoted(pszFragmentName) + ", " + std::to_string(cbSize);
    HRESULT result = S_OK;
    if (injected(ServerMethod::ReadFragmentFromCache, arguments, result)) {
        if (pcbCopied) *pcbCopied = 0;
        return result;
    }
    if (!pszFragmentName || !pcbCopied || (!pvBuffer && cbSize > 0)) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        const Fragment* found = nullptr;
        for (const Fragment& fragment : fragments_)
            if (fragment.name == pszFragmentName) found = &fragment;
        if (!found) {
            *pcbCopied = 0;
            result = HRESULT_FROM_WIN32(3);  // ERROR_PATH_NOT_FOUND
        } else {
            const auto size = static_cast<DWORD>(found->bytes.size());
            *pcbCopied = size;  // the bytes copied, or needed
            if (size > cbSize)
                result = HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
            else if (size > 0)
                std::memcpy(pvBuffer, found->bytes.data(), size);
        }
    }
    record(ServerMethod::ReadFragmentFromCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::RemoveFragmentFromCache(PCWSTR pszFragmentName) {
    const std::string arguments = quoted(pszFragmentName);
    HRESULT result = S_OK;
    if (injected(ServerMethod::RemoveFragmentFromCache, arguments, result)) return result;
    if (!pszFragmentName) {
        result = E_INVALIDARG;
    } else {
        SpinGuard guard(lock_);
        result = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
        for (auto it = fragments_.begin(); it != fragments_.end(); ++it) {
            if (it->name == pszFragmentName) {
                fragments_.erase(it);
                result = S_OK;
                break;
            }
        }
    }
    record(ServerMethod::RemoveFragmentFromCache, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetWorkerProcessSettings(
    IWpfSettings** ppWorkerProcessSettings) {
    if (ppWorkerProcessSettings) *ppWorkerProcessSettings = nullptr;
    return not_supported(ServerMethod::GetWorkerProcessSettings, std::string());
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetProtocolManagerCustomInterface(PCWSTR pProtocolManagerDll,
                                                                      PCWSTR,
                                                                      DWORD dwCustomInterfaceId,
                                                                      PVOID* ppCustomInterface) {
    if (ppCustomInterface) *ppCustomInterface = nullptr;
    return not_supported(ServerMethod::GetProtocolManagerCustomInterface,
                         quoted(pProtocolManagerDll) + ", " + std::to_string(dwCustomInterfaceId));
}

// One entry of a precondition: whether it holds, and (through `known`) whether it is one.
template <class Unused>
bool FakeHttpServerBase<Unused>::precondition_entry(const std::string& entry, bool& known) const {
    known = true;
    if (same_text_ci(entry, "integratedMode")) return settings_.integrated_mode;
    if (same_text_ci(entry, "classicMode") || same_text_ci(entry, "ISAPIMode"))
        return !settings_.integrated_mode;
    if (same_text_ci(entry, "bitness32")) return settings_.bitness == 32;
    if (same_text_ci(entry, "bitness64")) return settings_.bitness == 64;
    if (same_text_ci(entry, "managedHandler")) return settings_.managed_handler;
    if (has_prefix_ci(entry, "runtimeVersion")) {
        const std::string version = entry.substr(std::strlen("runtimeVersion"));
        return !settings_.runtime_version.empty() &&
               same_text_ci(version, settings_.runtime_version);
    }
    if (has_prefix_ci(entry, "appPoolName=")) {
        const std::string names = entry.substr(std::strlen("appPoolName="));
        std::size_t start = 0;
        while (start <= names.size()) {
            std::size_t end = names.find(';', start);
            if (end == std::string::npos) end = names.size();
            if (same_text_ci(trimmed(names.substr(start, end - start)), settings_.app_pool_name))
                return true;
            start = end + 1;
        }
        return false;
    }
    for (const auto& declared : preconditions_)
        if (same_text_ci(entry, declared.first)) return declared.second;
    known = false;
    return false;
}

template <class Unused>
BOOL FakeHttpServerBase<Unused>::SatisfiesPrecondition(PCWSTR pszPrecondition,
                                                       BOOL* pfUnknownPrecondition) const {
    if (pfUnknownPrecondition) *pfUnknownPrecondition = FALSE;
    const std::string text = utf8_of(pszPrecondition);
    bool satisfied = true;
    bool unknown = false;
    {
        SpinGuard guard(lock_);
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find(',', start);
            if (end == std::string::npos) end = text.size();
            const std::string entry = trimmed(text.substr(start, end - start));
            if (!entry.empty()) {
                bool known = true;
                if (!precondition_entry(entry, known)) satisfied = false;
                if (!known) unknown = true;
            }
            start = end + 1;
        }
    }
    if (unknown && pfUnknownPrecondition) *pfUnknownPrecondition = TRUE;
    record(ServerMethod::SatisfiesPrecondition, quoted(pszPrecondition), S_OK);
    return satisfied ? TRUE : FALSE;
}

template <class Unused>
IHttpTraceContext* FakeHttpServerBase<Unused>::GetTraceContext(VOID) const {
    record(ServerMethod::GetTraceContext, std::string(), S_OK);
    return const_cast<ServerTraceContext*>(&trace_);
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::RegisterFileChangeMonitor(PCWSTR pszPath, HANDLE,
                                                              IHttpFileMonitor** ppFileMonitor) {
    if (ppFileMonitor) *ppFileMonitor = nullptr;
    HRESULT result = S_OK;
    if (injected(ServerMethod::RegisterFileChangeMonitor, quoted(pszPath), result)) return result;
    if (!pszPath || !*pszPath || !ppFileMonitor) {
        result = E_INVALIDARG;
    } else {
        std::unique_ptr<FakeHttpFileMonitor> monitor(
            new FakeHttpFileMonitor(utf8_of(pszPath), reporter()));
        *ppFileMonitor = monitor.get();
        SpinGuard guard(lock_);
        monitors_.push_back(std::move(monitor));
    }
    record(ServerMethod::RegisterFileChangeMonitor, quoted(pszPath), result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetExtendedInterface(HTTP_SERVER_INTERFACE_VERSION version,
                                                         PVOID* ppInterface) {
    if (ppInterface) *ppInterface = nullptr;
    const std::string arguments = version == HTTP_SERVER_INTERFACE_V2
                                      ? std::string("HTTP_SERVER_INTERFACE_V2")
                                      : std::to_string(static_cast<int>(version));
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetExtendedInterface, arguments, result)) return result;
    bool legacy = false;
    bool refused = false;
    {
        SpinGuard guard(lock_);
        legacy = settings_.legacy_iis7;
        for (const GUID& id : refused_)
            if (same_guid(id, uuid_of<IHttpServer2>())) refused = true;
    }
    if (!ppInterface)
        result = E_INVALIDARG;
    else if (version != HTTP_SERVER_INTERFACE_V2 || legacy || refused)
        result = E_NOINTERFACE;
    else
        *ppInterface = static_cast<IHttpServer2*>(this);
    record(ServerMethod::GetExtendedInterface, arguments, result);
    return result;
}

// ---- IHttpServer2 / IHttpServer3 -----------------------------------------------------------

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetToken(PCWSTR pszUserName, PCWSTR, DWORD dwLogonMethod,
                                             IHttpTokenEntry** ppTokenEntry, PCWSTR, PSOCKADDR,
                                             IHttpTraceContext*) {
    if (ppTokenEntry) *ppTokenEntry = nullptr;
    // The password never reaches the log.
    return not_supported(ServerMethod::GetToken,
                         quoted(pszUserName) + ", " + std::to_string(dwLogonMethod));
}

template <class Unused>
PCWSTR FakeHttpServerBase<Unused>::GetAppPoolConfigFile(DWORD* pcchConfigFilePath) const {
    PCWSTR path = nullptr;
    std::size_t length = 0;
    {
        SpinGuard guard(lock_);
        path = config_file_;
        length = config_file_length_;
    }
    if (pcchConfigFilePath) *pcchConfigFilePath = static_cast<DWORD>(length);
    record(ServerMethod::GetAppPoolConfigFile, std::string(), S_OK);
    return path;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::convert(const GUID& from, void* input, const GUID& to,
                                            void** output, std::string& description) const {
    description = interface_name(from) + " -> " + interface_name(to);
    bool legacy = false;
    bool refused = false;
    {
        SpinGuard guard(lock_);
        legacy = settings_.legacy_iis7;
        for (const GUID& id : refused_)
            if (same_guid(id, to)) refused = true;
    }
    if (!input || !output) return E_INVALIDARG;
    if (legacy || refused) return E_NOINTERFACE;
    return ExtendedInterfaces::cast(from, input, to, output) == CastResult::ok ? S_OK
                                                                               : E_NOINTERFACE;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetExtendedInterface(const GUID& Version1, PVOID pInput,
                                                         const GUID& Version2, PVOID* ppOutput) {
    if (ppOutput) *ppOutput = nullptr;
    std::string description = interface_name(Version1) + " -> " + interface_name(Version2);
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetExtendedInterface, description, result)) return result;
    result = convert(Version1, pInput, Version2, ppOutput, description);
    if (FAILED(result) && ppOutput) *ppOutput = nullptr;
    record(ServerMethod::GetExtendedInterface, description, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetMetadata(PCWSTR pszSiteName, PCWSTR pszUrl,
                                                IReferencedMetadataInfo** ppMetadataInfo) {
    if (ppMetadataInfo) *ppMetadataInfo = nullptr;
    const std::string arguments = quoted(pszSiteName) + ", " + quoted(pszUrl);
    HRESULT result = S_OK;
    if (injected(ServerMethod::GetMetadata, arguments, result)) return result;
    if (!pszSiteName || !*pszSiteName || !pszUrl || !ppMetadataInfo) {
        result = E_INVALIDARG;
    } else {
        std::string url = utf8_of(pszUrl);
        while (!url.empty() && url.back() == '/') url.pop_back();
        if (!url.empty() && url.front() != '/') url.insert(url.begin(), '/');
        std::string physical;
        {
            SpinGuard guard(lock_);
            physical = settings_.physical_root;
        }
        for (char c : url) physical += c == '/' ? '\\' : c;
        const std::string meta = "MACHINE/WEBROOT/APPHOST/" + utf8_of(pszSiteName) + url;
        std::unique_ptr<FakeMetadataInfo> info(
            new FakeMetadataInfo(utf8_to_wide(meta.data(), meta.size()),
                                 utf8_to_wide(physical.data(), physical.size()), reporter()));
        *ppMetadataInfo = info.get();
        SpinGuard guard(lock_);
        metadata_.push_back(std::move(info));
    }
    record(ServerMethod::GetMetadata, arguments, result);
    return result;
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::GetWorkerProcessFramework(
    IWorkerProcessFramework** ppWorkerProcessFramework) {
    if (ppWorkerProcessFramework) *ppWorkerProcessFramework = nullptr;
    return not_supported(ServerMethod::GetWorkerProcessFramework, std::string());
}

template <class Unused>
HRESULT FakeHttpServerBase<Unused>::QueryRequestProperty(HTTP_OPAQUE_ID id,
                                                         HTTP_REQUEST_PROPERTY propertyId, PVOID,
                                                         ULONG, PVOID, ULONG,
                                                         PULONG pcbBytesReturned, LPOVERLAPPED) {
    if (pcbBytesReturned) *pcbBytesReturned = 0;
    return not_supported(ServerMethod::QueryRequestProperty,
                         std::to_string(id) + ", " + std::to_string(static_cast<int>(propertyId)));
}

// ---- hooks and knobs -----------------------------------------------------------------------

template <class Unused>
void FakeHttpServerBase<Unused>::on_custom_notification(CustomNotificationHook hook) {
    SpinGuard guard(lock_);
    on_custom_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_configuration_change(PathHook hook) {
    SpinGuard guard(lock_);
    on_configuration_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_file_change(PathHook hook) {
    SpinGuard guard(lock_);
    on_file_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_get_file_info(FileInfoHook hook) {
    SpinGuard guard(lock_);
    on_file_info_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::on_cache_operation(CacheOperationHook hook) {
    SpinGuard guard(lock_);
    on_cache_ = std::move(hook);
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_admin_manager(IAppHostAdminManager* manager) {
    SpinGuard guard(lock_);
    admin_manager_ = manager;
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_app_pool_name(const std::string& name) {
    std::string config = settings_.app_pool_config_file;
    if (config.empty()) config = "C:\\inetpub\\temp\\apppools\\" + name + "\\" + name + ".config";
    std::unique_ptr<wide_string> wide_name(new wide_string(utf8_to_wide(name.data(), name.size())));
    std::unique_ptr<wide_string> wide_config(
        new wide_string(utf8_to_wide(config.data(), config.size())));
    SpinGuard guard(lock_);
    settings_.app_pool_name = name;
    app_pool_name_ = wide_name->c_str();
    config_file_ = wide_config->c_str();
    config_file_length_ = wide_config->size();
    strings_.push_back(std::move(wide_name));
    strings_.push_back(std::move(wide_config));
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_command_line_launch(bool launched) {
    SpinGuard guard(lock_);
    settings_.command_line_launch = launched;
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_legacy_iis7(bool legacy) {
    SpinGuard guard(lock_);
    settings_.legacy_iis7 = legacy;
}

template <class Unused>
void FakeHttpServerBase<Unused>::refuse_interface(const GUID& version) {
    SpinGuard guard(lock_);
    refused_.push_back(version);
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_precondition(const std::string& entry, bool satisfied) {
    SpinGuard guard(lock_);
    for (auto& declared : preconditions_) {
        if (same_text_ci(declared.first, entry)) {
            declared.second = satisfied;
            return;
        }
    }
    preconditions_.emplace_back(entry, satisfied);
}

template <class Unused>
void FakeHttpServerBase<Unused>::evict_fragment(const std::string& name) {
    const wide_string wide = utf8_to_wide(name.data(), name.size());
    SpinGuard guard(lock_);
    for (auto it = fragments_.begin(); it != fragments_.end(); ++it) {
        if (it->name == wide) {
            fragments_.erase(it);
            return;
        }
    }
}

template <class Unused>
void FakeHttpServerBase<Unused>::evict_all_fragments() {
    SpinGuard guard(lock_);
    fragments_.clear();
}

template <class Unused>
void FakeHttpServerBase<Unused>::fail(ServerMethod method, HRESULT result, unsigned nth) {
    switch (method) {
        case ServerMethod::AssociateWithThreadPool:
        case ServerMethod::GetFileInfo:
        case ServerMethod::FlushKernelCache:
        case ServerMethod::DoCacheOperation:
        case ServerMethod::AddFragmentToCache:
        case ServerMethod::ReadFragmentFromCache:
        case ServerMethod::RemoveFragmentFromCache:
        case ServerMethod::GetWorkerProcessSettings:
        case ServerMethod::GetProtocolManagerCustomInterface:
        case ServerMethod::RegisterFileChangeMonitor:
        case ServerMethod::GetExtendedInterface:
        case ServerMethod::GetToken:
        case ServerMethod::GetMetadata:
        case ServerMethod::GetWorkerProcessFramework:
        case ServerMethod::QueryRequestProperty:
            break;
        default:
            throw std::invalid_argument(std::string("iisfake: IHttpServer::") +
                                        server_method_name(method) +
                                        " returns no HRESULT, so it cannot be made to fail");
    }
    if (result >= 0)
        throw std::invalid_argument(std::string("iisfake: fault injection: IHttpServer::") +
                                    server_method_name(method) +
                                    " would return a success HRESULT having done nothing");
    SpinGuard guard(lock_);
    faults_.push_back(Fault{method, nth, result});
}

template <class Unused>
void FakeHttpServerBase<Unused>::set_misuse_handler(MisuseHandler handler) {
    SpinGuard guard(lock_);
    misuse_handler_ = std::move(handler);
}

template <class Unused>
void FakeHttpServerBase<Unused>::record_calls(bool on) {
    SpinGuard guard(lock_);
    record_calls_ = on;
}

// ---- inspection ----------------------------------------------------------------------------

template <class Unused>
std::vector<ServerCall> FakeHttpServerBase<Unused>::calls() const {
    SpinGuard guard(lock_);
    return calls_;
}

template <class Unused>
std::vector<ServerCall> FakeHttpServerBase<Unused>::calls(ServerMethod method) const {
    SpinGuard guard(lock_);
    std::vector<ServerCall> out;
    for (const ServerCall& call : calls_)
        if (call.method == method) out.push_back(call);
    return out;
}

template <class Unused>
unsigned FakeHttpServerBase<Unused>::count(ServerMethod method) const {
    const int index = static_cast<int>(method);
    if (index < 0 || index >= server_method_count) return 0;
    SpinGuard guard(lock_);
    return call_counts_[index];
}

template <class Unused>
void FakeHttpServerBase<Unused>::clear_calls() {
    SpinGuard guard(lock_);
    calls_.clear();
}

template <class Unused>
std::vector<Misuse> FakeHttpServerBase<Unused>::misuses() const {
    SpinGuard guard(lock_);
    return misuses_;
}

#define IISFAKE_DETAIL_SERVER_LIST_(type, name, member) \
    template <class Unused>                             \
    type FakeHttpServerBase<Unused>::name() const {     \
        SpinGuard guard(lock_);                         \
        return member;                                  \
    }
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, recycle_requests, recycles_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, recycled_applications, application_recycles_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<UnhealthyReport>, unhealthy_reports, unhealthy_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, flushed_urls, flushed_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, configuration_changes, configuration_changes_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, file_changes, file_changes_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<std::string>, custom_notifications, custom_notifications_)
IISFAKE_DETAIL_SERVER_LIST_(std::vector<HANDLE>, thread_pool_handles, handles_)
IISFAKE_DETAIL_SERVER_LIST_(long, thread_count, threads_)
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, fragment_count, fragments_.size())
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, containers_dispensed, containers_.size())
IISFAKE_DETAIL_SERVER_LIST_(std::size_t, containers_outstanding, outstanding_locked())
IISFAKE_DETAIL_SERVER_LIST_(ServerSettings, settings, settings_)
#undef IISFAKE_DETAIL_SERVER_LIST_

template <class Unused>
bool FakeHttpServerBase<Unused>::fragment(const std::string& name, std::string& bytes) const {
    const wide_string wide = utf8_to_wide(name.data(), name.size());
    SpinGuard guard(lock_);
    for (const Fragment& fragment : fragments_) {
        if (fragment.name == wide) {
            bytes.assign(fragment.bytes.begin(), fragment.bytes.end());
            return true;
        }
    }
    bytes.clear();
    return false;
}

template <class Unused>
void FakeHttpServerBase<Unused>::expect_all_containers_released() {
    report_outstanding("FakeHttpServer::expect_all_containers_released");
}

template <class Unused>
std::vector<FakeHttpFileMonitor*> FakeHttpServerBase<Unused>::file_monitors() const {
    SpinGuard guard(lock_);
    std::vector<FakeHttpFileMonitor*> out;
    for (const auto& monitor : monitors_) out.push_back(monitor.get());
    return out;
}

template <class Unused>
FakeHttpFileMonitor* FakeHttpServerBase<Unused>::file_monitor(const std::string& path) const {
    SpinGuard guard(lock_);
    for (auto it = monitors_.rbegin(); it != monitors_.rend(); ++it)
        if (same_text_ci((*it)->path(), path)) return it->get();
    return nullptr;
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpServerBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/fake_http_server_impl.hpp -----
#endif

#endif
// ----- end iisfake/fake_http_server.hpp -----
// ----- begin iisfake/fake_module_registration_info.hpp -----
#ifndef IISFAKE_FAKE_MODULE_REGISTRATION_INFO_HPP_INCLUDED
#define IISFAKE_FAKE_MODULE_REGISTRATION_INFO_HPP_INCLUDED

// FakeModuleRegistrationInfo: the IHttpModuleRegistrationInfo2 a module's RegisterModule
// receives (REG-*). It records what the module registered: its factory with the request and
// post-request notification masks, its CGlobalModule with the global mask, and a priority per
// notification. ModuleHost hands one to each module it loads; a test can also call a module's
// RegisterModule with one directly and read it back.

#include <string>
#include <vector>


IISFAKE_BEGIN_NAMESPACE

// PIPE-1: within a notification, modules run FIRST to LAST (inverted for RQ_SEND_RESPONSE).
enum class Priority { first = 0, high = 1, medium = 2, low = 3, last = 4 };

inline const char* priority_name(Priority priority) noexcept {
    static const char* const names[] = {"FIRST", "HIGH", "MEDIUM", "LOW", "LAST"};
    return names[static_cast<int>(priority)];
}

// One SetPriorityFor*Notification call.
struct PriorityRequest {
    enum class Kind { request, post_request, global };
    Kind kind;
    DWORD notification;
    Priority priority;
};

class FakeModuleRegistrationInfo final : public IHttpModuleRegistrationInfo2 {
public:
    // REG-3: `id` must be distinct per module and non-NULL (iisnode rejects NULL); by default
    // it is this object's address, unique while the module is loaded.
    explicit FakeModuleRegistrationInfo(std::string name, HTTP_MODULE_ID id = nullptr)
        : name_(std::move(name)), wide_name_(detail::utf8_to_wide(name_.data(), name_.size())),
          id_(id ? id : static_cast<HTTP_MODULE_ID>(this)) {}
    FakeModuleRegistrationInfo(const FakeModuleRegistrationInfo&) = delete;
    FakeModuleRegistrationInfo& operator=(const FakeModuleRegistrationInfo&) = delete;
    ~FakeModuleRegistrationInfo() = default;

    // ---- IHttpModuleRegistrationInfo ---------------------------------------------------------
    PCWSTR GetName(VOID) const override { return wide_name_.c_str(); }
    HTTP_MODULE_ID GetId(VOID) const override { return id_; }
    // REG-4: once per module; the factory lives until its Terminate at shutdown.
    HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory,
                                    DWORD dwRequestNotifications,
                                    DWORD dwPostRequestNotifications) override {
        if (!pModuleFactory)
            return report("IHttpModuleRegistrationInfo::SetRequestNotifications", "REG-4",
                          "pModuleFactory is NULL");
        if (factory_) return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        factory_ = pModuleFactory;
        notifications_ = dwRequestNotifications;
        post_notifications_ = dwPostRequestNotifications;
        return S_OK;
    }
    // REG-5: the module passes its own CGlobalModule; IIS calls its Terminate at shutdown.
    HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule,
                                   DWORD dwGlobalNotifications) override {
        if (!pGlobalModule)
            return report("IHttpModuleRegistrationInfo::SetGlobalNotifications", "REG-5",
                          "pGlobalModule is NULL");
        if (global_) return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        global_ = pGlobalModule;
        global_notifications_ = dwGlobalNotifications;
        return S_OK;
    }
    HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification,
                                              PCWSTR pszPriority) override {
        return set_priority("IHttpModuleRegistrationInfo::SetPriorityForRequestNotification",
                            PriorityRequest::Kind::request, dwRequestNotification, pszPriority);
    }
    HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification,
                                             PCWSTR pszPriority) override {
        return set_priority("IHttpModuleRegistrationInfo::SetPriorityForGlobalNotification",
                            PriorityRequest::Kind::global, dwGlobalNotification, pszPriority);
    }
    // ---- IHttpModuleRegistrationInfo2 --------------------------------------------------------
    HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification,
                                                  PCWSTR pszPriority) override {
        return set_priority(
            "IHttpModuleRegistrationInfo2::SetPriorityForPostRequestNotification",
            PriorityRequest::Kind::post_request, dwPostRequestNotification, pszPriority);
    }

    // ---- what the module registered ----------------------------------------------------------
    const std::string& name() const noexcept { return name_; }
    IHttpModuleFactory* factory() const noexcept { return factory_; }
    DWORD request_notifications() const noexcept { return notifications_; }
    DWORD post_request_notifications() const noexcept { return post_notifications_; }
    CGlobalModule* global_module() const noexcept { return global_; }
    DWORD global_notifications() const noexcept { return global_notifications_; }
    const std::vector<PriorityRequest>& priority_requests() const noexcept { return priorities_; }
    // The priority of one notification bit: the last one set for it, MEDIUM by default.
    Priority priority(PriorityRequest::Kind kind, DWORD notification) const noexcept {
        Priority result = Priority::medium;
        for (const PriorityRequest& request : priorities_)
            if (request.kind == kind && (request.notification & notification) != 0)
                result = request.priority;
        return result;
    }
    void set_misuse_handler(MisuseHandler handler) { misuse_handler_ = std::move(handler); }
    const std::vector<Misuse>& misuses() const noexcept { return misuses_; }

private:
    HRESULT report(const char* method, const char* rule, const char* problem) {
        const HRESULT result = HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        misuses_.push_back(Misuse{method, rule, problem, result, "IIS returns " +
                                                                     hresult_text(result)});
        if (misuse_handler_) misuse_handler_(misuses_.back());
        return result;
    }
    // REG-6: one alias of PRIORITY_ALIAS_*; IIS matches them without regard to case [I].
    HRESULT set_priority(const char* method, PriorityRequest::Kind kind, DWORD notification,
                         PCWSTR alias) {
        if (!alias) return report(method, "REG-6", "pszPriority is NULL");
        static const WCHAR* const aliases[] = {PRIORITY_ALIAS_FIRST, PRIORITY_ALIAS_HIGH,
                                               PRIORITY_ALIAS_MEDIUM, PRIORITY_ALIAS_LOW,
                                               PRIORITY_ALIAS_LAST};
        for (int i = 0; i < 5; ++i) {
            if (same_alias(alias, aliases[i])) {
                priorities_.push_back(
                    PriorityRequest{kind, notification, static_cast<Priority>(i)});
                return S_OK;
            }
        }
        return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);  // not an alias: data, not misuse
    }
    static bool same_alias(const WCHAR* given, const WCHAR* alias) noexcept {
        for (;; ++given, ++alias) {
            WCHAR a = *given;
            if (a >= L'a' && a <= L'z') a = static_cast<WCHAR>(a - L'a' + L'A');
            if (a != *alias) return false;
            if (a == 0) return true;
        }
    }

    std::string name_;
    detail::wide_string wide_name_;
    HTTP_MODULE_ID id_;
    IHttpModuleFactory* factory_ = nullptr;
    DWORD notifications_ = 0;
    DWORD post_notifications_ = 0;
    CGlobalModule* global_ = nullptr;
    DWORD global_notifications_ = 0;
    std::vector<PriorityRequest> priorities_;
    MisuseHandler misuse_handler_ = throw_misuse;
    std::vector<Misuse> misuses_;
};

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/fake_module_registration_info.hpp -----

IISFAKE_BEGIN_NAMESPACE

struct HostOptions {
    DWORD server_version = 10;  // REG-2: what RegisterModule receives (IIS 10)
    // PIPE-7 [I]: after RQ_NOTIFICATION_FINISH_REQUEST the response is still sent and the log
    // and end stages still run; false skips those stages too.
    bool log_after_finish = true;
    // [I] IIS's own Server header, which every response from the worker process carries and
    // modules such as header strippers remove in OnSendResponse; "" for none (IIS 10's
    // requestFiltering removeServerHeader).
    std::string server_header = "Microsoft-IIS/10.0";
    // With deliver_on_threads(): how long run_to_end waits for a module's own thread to post a completion
    // before it reports the request as stalled.
    unsigned hang_timeout_ms = 2000;
};

// One thing the host did with a request, in order.
struct PipelineEvent {
    enum class Kind {
        notification,       // OnX / OnPostX of a deterministic stage
        completion,         // OnAsyncCompletion
        send_response,      // OnSendResponse
        custom,             // OnCustomRequestNotification
        map_path,           // OnMapPath
        read_entity,        // OnReadEntity
        callback,           // a PFN_ASYNC_COMPLETION callback returned (REQ-R3-3)
        indicate,           // IHttpContext::IndicateCompletion resumed the pipeline
        handler,            // the static file handler (no module handled the request)
        pre_begin_request,  // CGlobalModule::OnGlobalPreBeginRequest
        dispose             // CHttpModule::Dispose
    };
    Kind kind;
    std::string module;
    DWORD notification;  // RQ_* (GL_PRE_BEGIN_REQUEST for pre_begin_request)
    bool post;
    REQUEST_NOTIFICATION_STATUS status;  // what the handler returned
    // "Module.OnBeginRequest", "Module.OnAsyncCompletion(OnBeginRequest)", "Module.Dispose".
    std::string text() const;
};

// The name of a request notification's handler: "OnBeginRequest", "OnPostMapRequestHandler",
// "OnSendResponse".
inline std::string notification_name(DWORD notification, bool post) {
    static const char* const stages[] = {
        "BeginRequest",          "AuthenticateRequest",      "AuthorizeRequest",
        "ResolveRequestCache",   "MapRequestHandler",        "AcquireRequestState",
        "PreExecuteRequestHandler", "ExecuteRequestHandler", "ReleaseRequestState",
        "UpdateRequestCache",    "LogRequest",               "EndRequest"};
    for (int i = 0; i < 12; ++i)
        if (notification == (1u << i)) return std::string(post ? "OnPost" : "On") + stages[i];
    switch (notification) {
        case RQ_SEND_RESPONSE: return "OnSendResponse";
        case RQ_MAP_PATH: return "OnMapPath";
        case RQ_READ_ENTITY: return "OnReadEntity";
        case RQ_CUSTOM_NOTIFICATION: return "OnCustomRequestNotification";
        default: return "notification " + std::to_string(notification);
    }
}

inline std::string PipelineEvent::text() const {
    switch (kind) {
        case Kind::completion:
            return module + ".OnAsyncCompletion(" + notification_name(notification, post) + ")";
        case Kind::callback:
            return module + ".PFN_ASYNC_COMPLETION(" + notification_name(notification, post) + ")";
        case Kind::indicate:
            return module + ".IndicateCompletion(" + notification_name(notification, post) + ")";
        case Kind::handler: return module + ".ExecuteRequestHandler";
        case Kind::pre_begin_request: return module + ".OnGlobalPreBeginRequest";
        case Kind::dispose: return module + ".Dispose";
        default: return module + "." + notification_name(notification, post);
    }
}

enum class RequestState {
    not_started,
    waiting,  // a module returned RQ_NOTIFICATION_PENDING and its completion has not resumed it
    finished  // the end stages ran and every module was disposed
};

template <class Unused = void>
class ModuleHostBase;

namespace detail {

class ModuleAllocator final : public IModuleAllocator {
public:
    ModuleAllocator() = default;
    ModuleAllocator(const ModuleAllocator&) = delete;
    ModuleAllocator& operator=(const ModuleAllocator&) = delete;
    ~ModuleAllocator() = default;
    // REG-7: request-lifetime memory, freed only after the module's Dispose.
    VOID* AllocateMemory(DWORD cbAllocation) override {
        blocks_.emplace_back(new unsigned char[cbAllocation ? cbAllocation : 1]());
        return blocks_.back().get();
    }

private:
    std::vector<std::unique_ptr<unsigned char[]>> blocks_;
};

// One loaded module: its registration and what it registered.
struct LoadedModule {
    std::unique_ptr<FakeModuleRegistrationInfo> info;
    bool loaded;  // RegisterModule succeeded
};

template <class Unused>
class RequestRun final : public Pipeline {
public:
    RequestRun(ModuleHostBase<Unused>& host, const RequestBuilder& spec);
    // A child request (CTX-9): runs `child`, which its parent's context owns.
    RequestRun(ModuleHostBase<Unused>& host, FakeHttpContext& child, bool skip_authentication);
    RequestRun(const RequestRun&) = delete;
    RequestRun& operator=(const RequestRun&) = delete;
    ~RequestRun() noexcept(false);

    RequestState run();
    RequestState complete_pending(bool forced, HRESULT status, DWORD bytes);
    RequestState run_to_end();
    RequestState state() const;
    std::string waiting_on() const;

    FakeHttpContext& context() noexcept { return context_; }
    std::vector<PipelineEvent> events() const {
        auto guard = core().lock();
        return events_;
    }
    const HTTP_LOG_FIELDS_DATA& log_fields() const noexcept { return log_fields_; }
    bool error_status(HRESULT& status) const noexcept {
        if (event_provider_.has_error_status()) {
            status = event_provider_.error_status();
            return true;
        }
        status = map_handler_.error_status();
        return map_handler_.has_error_status();
    }

    // Pipeline
    void indicate_completion(REQUEST_NOTIFICATION_STATUS status) override;
    void disable_notifications(DWORD notifications, DWORD post_notifications) override;
    HRESULT notify_custom(ICustomNotificationProvider* provider,
                          BOOL* completion_expected) override;
    DWORD before_send(bool headers_being_sent, bool final, DWORD flags) override;
    HRESULT execute_child(IHttpContext4& child, DWORD flags, bool skip_authentication,
                          BOOL* completion_expected) override;
    void map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) override;
    DWORD read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) override;
    DWORD current_notification(PCWSTR* module) override;

private:
    // The stages 1-10, the final send, the stages 11-12 (PIPE-3), each with its post-event.
    static constexpr int final_send_phase = 20;
    static constexpr int phase_count = 25;
    enum class Step { not_started, running, waiting, ending, finished };
    struct Instance {
        const LoadedModule* loaded;
        CHttpModule* module;  // NULL when the factory failed
        DWORD disabled;
        DWORD disabled_post;
    };
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    using Core = RequestCore<Unused>;
    Core& core() const {
        return const_cast<FakeHttpContextBase<Unused>&>(
                   static_cast<const FakeHttpContextBase<Unused>&>(context_))
            .core_;
    }
    static int stage_of(int phase) noexcept {
        return phase < final_send_phase ? phase / 2 : 10 + (phase - final_send_phase - 1) / 2;
    }
    static bool post_of(int phase) noexcept {
        return phase < final_send_phase ? phase % 2 == 1 : (phase - final_send_phase - 1) % 2 == 1;
    }
    void settle();
    void prepare();
    void create_modules();
    void order_modules();
    void pre_begin_request();
    void drive();
    void handle(REQUEST_NOTIFICATION_STATUS status);
    void finish_request_early();
    REQUEST_NOTIFICATION_STATUS call(CHttpModule& module, int stage, bool post);
    IHttpEventProvider* provider_for(int stage, bool post);
    REQUEST_NOTIFICATION_STATUS on_completion(std::size_t instance, int stage, bool post,
                                              std::size_t wait, IHttpCompletionInfo* info);
    void after_completion(std::size_t instance, std::size_t wait,
                          REQUEST_NOTIFICATION_STATUS status);
    template <class Handler>
    REQUEST_NOTIFICATION_STATUS call_aside(std::size_t instance, DWORD notification,
                                           PipelineEvent::Kind kind, Handler&& handler);
    bool ended_for_completion(std::size_t instance, const char* what);
    void pass_on_child_response(FakeHttpResponse& child, DWORD flags);
    void adopt_log_fields(const HTTP_LOG_DATA* submitted);
    void drive_steps();
    void serve_static();
    void fill_log_fields();
    void end();
    // An event in call order: recorded when the handler is called, its status when it returns.
    std::size_t record(PipelineEvent::Kind kind, std::size_t instance, DWORD notification,
                       bool post);
    void returned(std::size_t event, REQUEST_NOTIFICATION_STATUS status);
    void check_overridden(std::size_t instance, const char* what);
    void report_stall(const char* who);
    std::string module_name(std::size_t instance) const;

    ModuleHostBase<Unused>& host_;
    std::unique_ptr<FakeHttpContext> own_context_;  // NULL for a child request
    FakeHttpContext& context_;
    ModuleAllocator allocator_;
    std::vector<Instance> instances_;
    std::vector<std::size_t> order_[phase_count];
    std::vector<std::size_t> send_order_;    // RQ_SEND_RESPONSE: priorities inverted
    std::vector<std::size_t> custom_order_;  // RQ_CUSTOM_NOTIFICATION
    std::vector<std::size_t> map_path_order_;
    std::vector<std::size_t> read_entity_order_;
    FakeHttpEventProvider event_provider_;
    FakeMapHandlerProvider map_handler_;
    HTTP_LOG_FIELDS_DATA log_fields_;
    std::string log_strings_[8];
    detail::wide_string log_wide_[2];

    Step step_ = Step::not_started;
    int phase_ = 0;
    std::size_t position_ = 0;
    bool finish_requested_ = false;
    std::size_t running_ = none;  // the instance whose handler is on the stack
    bool has_early_ = false;      // its completion already returned (PIPE-9)
    REQUEST_NOTIFICATION_STATUS early_ = RQ_NOTIFICATION_CONTINUE;
    std::size_t waiting_ = none;  // the instance the request waits for
    int waiting_stage_ = 0;
    bool waiting_post_ = false;
    std::size_t wait_ = 0;        // counts waits, so a stale completion resumes nothing
    std::size_t current_ = none;  // the module DisableNotifications applies to
    DWORD current_bit_ = 0;       // the notification running now, for GetCurrentExecutionStats
    bool stall_reported_ = false;
    std::vector<PipelineEvent> events_;
    bool skip_authentication_ = false;
    unsigned custom_depth_ = 0;
    std::size_t executions_ = 0;            // ExecuteRequest calls, for the async policy             // NotifyCustomNotification from its own handlers
    std::vector<std::string> child_bodies_;  // what children sent, until this request's end
    // Children this request executed; before the context that owns theirs goes.
    std::vector<std::unique_ptr<RequestRun>> children_;
};

}  // namespace detail

// One request running through a ModuleHost. Move-only; destroying it before it finished ends it
// (modules disposed, an operation still pending reported).
class HostedRequest {
public:
    HostedRequest(HostedRequest&& other) noexcept : run_(other.run_) { other.run_ = nullptr; }
    HostedRequest& operator=(HostedRequest&& other) noexcept(false) {
        if (this != &other) {
            destroy();
            run_ = other.run_;
            other.run_ = nullptr;
        }
        return *this;
    }
    HostedRequest(const HostedRequest&) = delete;
    HostedRequest& operator=(const HostedRequest&) = delete;
    ~HostedRequest() noexcept(false) { destroy(); }

    // Runs the pipeline from where it stands to the next pending point or to the end.
    RequestState run() { return run_->run(); }
    // Delivers the oldest pending completion (a read, write, flush or PostCompletion) to the
    // module that started it; the pipeline goes on as far as it can.
    RequestState complete_pending() { return run_->complete_pending(false, S_OK, 0); }
    RequestState complete_pending_with(HRESULT status, DWORD bytes = 0) {
        return run_->complete_pending(true, status, bytes);
    }
    // Delivers completions in order until the request has finished; a request that waits with
    // nothing outstanding is reported as stalled (PIPE-9), naming module and notification.
    RequestState run_to_end() { return run_->run_to_end(); }
    RequestState state() const { return run_->state(); }
    bool finished() const { return run_->state() == RequestState::finished; }
    // "Module: OnBeginRequest" while waiting; "" otherwise.
    std::string waiting_on() const { return run_->waiting_on(); }

    FakeHttpContext& context() noexcept { return run_->context(); }
    FakeHttpRequest& request() noexcept { return run_->context().request(); }
    FakeHttpResponse& response() noexcept { return run_->context().response(); }
    std::vector<PipelineEvent> events() const { return run_->events(); }
    // events() as text, one "Module.Handler" line each.
    std::vector<std::string> trace() const {
        std::vector<std::string> out;
        for (const PipelineEvent& event : run_->events()) out.push_back(event.text());
        return out;
    }
    // What the log data of the final send held (PROV-6).
    const HTTP_LOG_FIELDS_DATA& log_fields() const noexcept { return run_->log_fields(); }
    // The last IHttpEventProvider::SetErrorStatus a module made (PIPE-8); false when none.
    bool error_status(HRESULT& status) const noexcept { return run_->error_status(status); }

private:
    template <class>
    friend class ModuleHostBase;
    explicit HostedRequest(detail::RequestRun<void>* run) noexcept : run_(run) {}
    void destroy() {
        detail::RequestRun<void>* run = run_;
        run_ = nullptr;
        delete run;
    }
    detail::RequestRun<void>* run_;
};

template <class Unused>
class ModuleHostBase {
public:
    explicit ModuleHostBase(HostOptions options = HostOptions());
    ModuleHostBase(const ModuleHostBase&) = delete;
    ModuleHostBase& operator=(const ModuleHostBase&) = delete;
    ~ModuleHostBase() noexcept(false) { shutdown(); }

    // ---- loading (REG-*) -----------------------------------------------------------------------
    // Calls the module's RegisterModule as IIS does when it loads the DLL named in
    // <globalModules>: server version, a registration info with the module's name and a
    // distinct id, the server. Modules load in configuration (<modules>) order. Returns what
    // RegisterModule returned; a module that failed serves no requests.
    HRESULT load(const std::string& name, PFN_REGISTERMODULE register_module);
    // The same without a RegisterModule: a factory and its notification masks.
    HRESULT add(const std::string& name, IHttpModuleFactory* factory, DWORD notifications,
                DWORD post_notifications = 0);
    // What a loaded module registered; NULL for an unknown name.
    FakeModuleRegistrationInfo* registration(const std::string& name);
    // PIPE-2: the module RQ_EXECUTE_REQUEST_HANDLER goes to, as a <handlers> mapping names it.
    // Without one, the only module that registered it, else the static file handler.
    void set_handler(const std::string& name) { handler_ = name; }
    // A file the static file handler serves (200 with this body); other URLs get 404.
    void add_file(const std::string& url, std::string body,
                  std::string content_type = "text/html") {
        files_[url] = File{std::move(body), std::move(content_type)};
    }

    // Completions arrive on other threads, as from IIS's pool, sometimes before the call that
    // started the operation returns; also what a module that calls PostCompletion from a
    // thread of its own needs. Include <iisfake/threaded_delivery.hpp> (or define
    // IISFAKE_CONFIG_THREADED_DELIVERY) in the file that calls it.
    template <class Threads = detail::CompletionThreads>
    void deliver_on_threads() {
        make_threads_ = []() -> detail::Concurrency* { return new Threads(); };
    }

    // ---- what every request starts with -------------------------------------------------------
    HostOptions& options() noexcept { return options_; }
    ContextSettings& context_settings() noexcept { return settings_; }
    Options& request_options() noexcept { return request_options_; }
    void set_misuse_handler(MisuseHandler handler);
    // The IHttpServer RegisterModule receives; its GetAdminManager() serves configuration().
    FakeHttpServer& server() noexcept { return server_; }
    // A test's own IHttpServer instead (before load()).
    void set_server(IHttpServer* server) noexcept { server_interface_ = server; }
    IHttpServer* server_interface() noexcept { return server_interface_; }
    // applicationHost.config, as modules read it through GetAdminManager() (CFG-*).
    FakeConfiguration& configuration() noexcept { return configuration_; }

    // ---- requests --------------------------------------------------------------------------------
    // A request ready to run (nothing has run yet). Safe from many threads at once: requests
    // share only the loaded modules, as on IIS's thread pool (T-26).
    HostedRequest start(const RequestBuilder& request);
    // A request run to its end.
    HostedRequest serve(const RequestBuilder& request) {
        HostedRequest run = start(request);
        run.run_to_end();
        return run;
    }

    // ---- global notifications (CGlobalModule) -------------------------------------------------
    // Calls the handler for `notification` (one GL_* bit) of every global module registered
    // for it, in priority order, until one returns GL_NOTIFICATION_HANDLED. `provider` must be
    // of the type that handler takes.
    GLOBAL_NOTIFICATION_STATUS notify_global(DWORD notification, IHttpEventProvider* provider);
    // The global notifications IIS raises, each with its provider.
    GLOBAL_NOTIFICATION_STATUS application_start();     // GL_APPLICATION_START
    GLOBAL_NOTIFICATION_STATUS application_stop();      // GL_APPLICATION_STOP
    GLOBAL_NOTIFICATION_STATUS stop_listening(bool drain_gracefully = true);
    GLOBAL_NOTIFICATION_STATUS configuration_change(const std::string& path);
    GLOBAL_NOTIFICATION_STATUS file_change(const std::string& file_name);
    GLOBAL_NOTIFICATION_STATUS thread_cleanup();        // GL_THREAD_CLEANUP
    GLOBAL_NOTIFICATION_STATUS health_check() { return notify_global(GL_HEALTH_CHECK, nullptr); }
    GLOBAL_NOTIFICATION_STATUS cache_cleanup() { return notify_global(GL_CACHE_CLEANUP, nullptr); }
    // Factories' and global modules' Terminate, once (REG-4, REG-5); also at destruction.
    void shutdown();
    // "Module.OnGlobalApplicationStart", "Module.Terminate", ... in order.
    const std::vector<std::string>& global_trace() const noexcept { return global_trace_; }

    const std::vector<Misuse>& misuses() const noexcept { return misuses_; }

private:
    friend class detail::RequestRun<Unused>;
    struct File {
        std::string body;
        std::string content_type;
    };
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result);
    std::vector<std::size_t> global_order(DWORD notification) const;
    FakeHttpApplication& application();

    HostOptions options_;
    ContextSettings settings_;
    Options request_options_;
    MisuseHandler misuse_handler_ = throw_misuse;
    std::vector<Misuse> misuses_;
    FakeConfiguration configuration_;  // before the server, which serves it
    FakeHttpServer server_;
    IHttpServer* server_interface_;
    std::unique_ptr<FakeHttpApplication> application_;  // what application providers carry
    std::vector<std::unique_ptr<detail::LoadedModule>> modules_;
    std::string handler_;
    std::map<std::string, File> files_;
    std::vector<std::string> global_trace_;
    bool shut_down_ = false;
    detail::Concurrency* (*make_threads_)() = nullptr;
};

// The IIS pipeline in a test; see ModuleHostBase.
class ModuleHost : public ModuleHostBase<> {
public:
    using ModuleHostBase::ModuleHostBase;
};

IISFAKE_END_NAMESPACE

#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class ModuleHostBase<void>;
extern template class detail::RequestRun<void>;
IISFAKE_END_NAMESPACE
#else
// ----- begin iisfake/detail/module_host_impl.hpp -----
#ifndef IISFAKE_DETAIL_MODULE_HOST_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_MODULE_HOST_IMPL_HPP_INCLUDED

// ModuleHost's member definitions (see module_host.hpp).

#include <algorithm>
#include <cstring>


IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Where RQ_EXECUTE_REQUEST_HANDLER has no module: IIS's static file handler (PIPE-2).
constexpr std::size_t static_handler = static_cast<std::size_t>(-2);
inline bool is_static_handler(std::size_t index) noexcept { return index == static_handler; }

template <class Unused>
RequestRun<Unused>::RequestRun(ModuleHostBase<Unused>& host, const RequestBuilder& spec)
    : host_(host), own_context_(new FakeHttpContext(spec, host.settings_)),
      context_(*own_context_), log_fields_() {
    context_.options() = host.request_options_;
    context_.set_misuse_handler(host.misuse_handler_);
    prepare();
}

template <class Unused>
RequestRun<Unused>::RequestRun(ModuleHostBase<Unused>& host, FakeHttpContext& child,
                               bool skip_authentication)
    : host_(host), context_(child), log_fields_(), skip_authentication_(skip_authentication) {
    prepare();
}

template <class Unused>
void RequestRun<Unused>::prepare() {
    if (host_.make_threads_) core().adopt_concurrency(host_.make_threads_());
    context_.set_pipeline(this);
    log_fields_.Base.Type = HttpLogDataTypeFields;
    const std::string& server = host_.options_.server_header;
    if (!server.empty()) {
        ActingForIis quiet;
        context_.response().SetHeader(HttpHeaderServer, server.c_str(),
                                      static_cast<USHORT>(server.size()), TRUE);
    }
    create_modules();
    order_modules();
    if (skip_authentication_) {  // CTX-9: ExecuteRequest with a user
        for (int phase = 0; phase < final_send_phase; ++phase)
            if (stage_of(phase) == 1) order_[phase].clear();
    }
}

// CTX-9: the child runs through the same pipeline, with its own module instances, to its end;
// then the module that called ExecuteRequest gets the completion (after it returns PENDING). A
// child that stalls never completes (it is reported as stalled).
template <class Unused>
HRESULT RequestRun<Unused>::execute_child(IHttpContext4& child, DWORD flags,
                                          bool skip_authentication, BOOL* completion_expected) {
    auto& fake = static_cast<FakeHttpContext&>(child);
    std::unique_ptr<RequestRun> run(new RequestRun(host_, fake, skip_authentication));
    const RequestState state = run->run_to_end();
    const std::vector<PipelineEvent> child_events = run->events();
    {
        auto guard = core().lock();
        for (PipelineEvent event : child_events) {
            event.module = "child/" + event.module;
            events_.push_back(std::move(event));
        }
        children_.push_back(std::move(run));
    }
    if (state != RequestState::finished) {
        if (completion_expected) *completion_expected = TRUE;  // and it never comes (reported)
        return S_OK;
    }
    pass_on_child_response(fake.response(), flags);
    // §1.7: like any asynchronous operation, inline, pending or completed before this returns,
    // as the request's async policy says.
    if (!core().goes_pending(completion_expected, executions_)) {
        if (completion_expected) *completion_expected = FALSE;
        return S_OK;
    }
    if (completion_expected) *completion_expected = TRUE;
    core().start(Operation{OperationKind::post, nullptr, nullptr, 0, false, nullptr, nullptr,
                           nullptr, CompletionSink(), false, false});
    return S_OK;
}

// [I] A child writes to the client through its parent: its status and headers (unless
// EXECUTE_FLAG_NO_HEADERS) and its body become this request's response.
template <class Unused>
void RequestRun<Unused>::pass_on_child_response(FakeHttpResponse& child, DWORD flags) {
    ActingForIis quiet;
    IHttpResponse* response = &context_.response();
    if ((flags & EXECUTE_FLAG_NO_HEADERS) == 0 && child.sent_status() != 0) {
        const std::string reason = child.reason();
        response->SetStatus(child.sent_status(), reason.c_str(), child.substatus());
        std::vector<std::string> seen;
        for (const auto& header : child.sent_headers()) {
            const bool first = std::find(seen.begin(), seen.end(), header.first) == seen.end();
            if (first) seen.push_back(header.first);
            response->SetHeader(header.first.c_str(), header.second.c_str(),
                                static_cast<USHORT>(header.second.size()), first ? TRUE : FALSE);
        }
    }
    const std::string body = child.body();
    if (body.empty()) return;
    {
        auto guard = core().lock();
        child_bodies_.push_back(body);
    }
    HTTP_DATA_CHUNK chunk;
    std::memset(&chunk, 0, sizeof chunk);
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = const_cast<char*>(child_bodies_.back().data());
    chunk.FromMemory.BufferLength = static_cast<ULONG>(child_bodies_.back().size());
    DWORD sent = 0;
    response->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &sent);
}

template <class Unused>
RequestRun<Unused>::~RequestRun() noexcept(false) {
    if (core().threaded()) core().join_threads();
    children_.clear();  // child runs go before the contexts they run (this one owns those)
    context_.set_pipeline(nullptr);  // the context's own end sends without this run
    if (step_ != Step::finished) {
        // Abandoned before its end: the modules are still disposed (MOD-2); the context's own
        // end then cleans up stored contexts (in allocator memory, which is still here) and
        // reports an operation left pending.
        for (Instance& instance : instances_) {
            if (instance.module) instance.module->Dispose();
            instance.module = nullptr;
        }
    }
    // Here rather than as a member, so what it reports can reach the test.
    delete own_context_.release();
}

template <class Unused>
void RequestRun<Unused>::create_modules() {
    bool failed = false;
    for (const auto& loaded : host_.modules_) {
        IHttpModuleFactory* factory = loaded->info->factory();
        if (!loaded->loaded || !factory) continue;
        CHttpModule* module = nullptr;
        const HRESULT result = factory->GetHttpModule(&module, &allocator_);  // MOD-3, REG-7
        if (SUCCEEDED(result) && !module) {
            core().report("IHttpModuleFactory::GetHttpModule", "REG-7",
                          "module '" + loaded->info->name() +
                              "': the factory succeeded but stored no module in *ppModule",
                          E_POINTER, "IIS fails the request with 500");
        }
        if (FAILED(result) || !module) {
            failed = true;
            module = nullptr;
        }
        instances_.push_back(Instance{loaded.get(), module, 0, 0});
    }
    if (failed) {
        // IIS fails the request when a module cannot be created: 500, then the end stages.
        ActingForIis quiet;
        context_.response().SetStatus(500, "Internal Server Error");
        finish_requested_ = true;
        phase_ = final_send_phase;
    }
}

template <class Unused>
void RequestRun<Unused>::order_modules() {
    using Kind = PriorityRequest::Kind;
    auto priority = [this](std::size_t index, Kind kind, DWORD bit) {
        const FakeModuleRegistrationInfo& info = *instances_[index].loaded->info;
        if (kind == Kind::post_request) {
            // [I] a post-event without its own priority (IHttpModuleRegistrationInfo2) runs at
            // its event's.
            for (const PriorityRequest& request : info.priority_requests())
                if (request.kind == Kind::post_request && (request.notification & bit) != 0)
                    return info.priority(Kind::post_request, bit);
        }
        return info.priority(Kind::request, bit);
    };
    // PIPE-1: FIRST to LAST, ties in configuration order.
    auto ordered = [&](DWORD bit, bool post) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < instances_.size(); ++i) {
            const FakeModuleRegistrationInfo& info = *instances_[i].loaded->info;
            const DWORD mask =
                post ? info.post_request_notifications() : info.request_notifications();
            if ((mask & bit) != 0) out.push_back(i);
        }
        const Kind kind = post ? Kind::post_request : Kind::request;
        std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            return static_cast<int>(priority(a, kind, bit)) <
                   static_cast<int>(priority(b, kind, bit));
        });
        return out;
    };
    for (int phase = 0; phase < phase_count; ++phase) {
        if (phase == final_send_phase) continue;
        const int stage = stage_of(phase);
        const bool post = post_of(phase);
        const DWORD bit = 1u << stage;
        order_[phase] = ordered(bit, post);
        if (bit != RQ_EXECUTE_REQUEST_HANDLER || post) continue;
        // PIPE-2, T-20: the handler alone, never every module that registered the bit.
        std::vector<std::size_t>& handlers = order_[phase];
        if (!host_.handler_.empty()) {
            std::vector<std::size_t> named;
            for (std::size_t index : handlers)
                if (instances_[index].loaded->info->name() == host_.handler_) named.push_back(index);
            if (named.empty())
                core().report("ModuleHost::set_handler", "PIPE-2",
                              "the handler '" + host_.handler_ +
                                  "' is not a loaded module registered for "
                                  "RQ_EXECUTE_REQUEST_HANDLER",
                              S_OK, "the static file handler runs instead");
            handlers = named.empty() ? std::vector<std::size_t>{static_handler} : named;
        } else if (handlers.empty()) {
            handlers.push_back(static_handler);
        } else if (handlers.size() > 1) {
            core().report("ModuleHost::start", "PIPE-2",
                          std::to_string(handlers.size()) +
                              " modules registered RQ_EXECUTE_REQUEST_HANDLER; IIS runs only the "
                              "one its handler mapping names: call set_handler()",
                          S_OK, "the first of them runs");
            handlers.resize(1);
        }
    }
    // T-21: RQ_SEND_RESPONSE runs LAST to FIRST.
    send_order_ = ordered(RQ_SEND_RESPONSE, false);
    std::reverse(send_order_.begin(), send_order_.end());
    custom_order_ = ordered(RQ_CUSTOM_NOTIFICATION, false);
    map_path_order_ = ordered(RQ_MAP_PATH, false);
    read_entity_order_ = ordered(RQ_READ_ENTITY, false);
}

template <class Unused>
void RequestRun<Unused>::pre_begin_request() {
    FakePreBeginRequestProvider provider(&context_);
    for (std::size_t index : host_.global_order(GL_PRE_BEGIN_REQUEST)) {
        CGlobalModule* global = host_.modules_[index]->info->global_module();
        unhandled_on_this_thread() = nullptr;
        const GLOBAL_NOTIFICATION_STATUS status = global->OnGlobalPreBeginRequest(&provider);
        {
            auto guard = core().lock();
            events_.push_back(PipelineEvent{PipelineEvent::Kind::pre_begin_request,
                                            host_.modules_[index]->info->name(),
                                            GL_PRE_BEGIN_REQUEST, false,
                                            status == GL_NOTIFICATION_HANDLED
                                                ? RQ_NOTIFICATION_FINISH_REQUEST
                                                : RQ_NOTIFICATION_CONTINUE});
        }
        if (const char* method = unhandled_on_this_thread()) {
            unhandled_on_this_thread() = nullptr;
            core().report("ModuleHost", "T-9",
                          "module '" + host_.modules_[index]->info->name() +
                              "' registered GL_PRE_BEGIN_REQUEST but " + method +
                              " ran: its handler does not override (check the signature)",
                          S_OK, "IIS calls DebugBreak");
        }
        if (status == GL_NOTIFICATION_HANDLED) break;  // no further global modules
    }
}

// ---- stepping ---------------------------------------------------------------------------------

template <class Unused>
RequestState RequestRun<Unused>::run() {
    bool first = false;
    {
        auto guard = core().lock();
        if (step_ == Step::not_started) {
            step_ = Step::running;
            first = true;
        }
    }
    if (first) {
        pre_begin_request();
        drive();
    }
    settle();
    return state();
}

template <class Unused>
RequestState RequestRun<Unused>::complete_pending(bool forced, HRESULT status, DWORD bytes) {
    if (forced)
        context_.complete_pending_with(status, bytes);
    else
        context_.complete_pending();
    settle();
    return state();
}

template <class Unused>
RequestState RequestRun<Unused>::run_to_end() {
    run();
    for (;;) {
        settle();
        Step step = Step::finished;
        {
            auto guard = core().lock();
            step = step_;
        }
        if (step == Step::finished) return RequestState::finished;
        if (step == Step::waiting && core().has_pending()) {
            complete_pending(false, S_OK, 0);
            continue;
        }
        if (core().threaded()) {
            // A module's own thread may still post a completion, indicate one, or be driving
            // the pipeline now.
            bool moved = false;
            for (unsigned waited = 0; waited < host_.options_.hang_timeout_ms && !moved;
                 ++waited) {
                core().pause();
                auto guard = core().lock();
                moved = step_ != step || (step_ == Step::waiting && core().has_pending());
            }
            if (moved) continue;
        }
        report_stall("ModuleHost::run_to_end");
        return state();
    }
}

template <class Unused>
void RequestRun<Unused>::settle() {
    if (core().threaded()) context_.wait_for_completions();
    bool ending = false;
    {
        auto guard = core().lock();
        ending = step_ == Step::ending;
    }
    if (ending) end();
}

template <class Unused>
RequestState RequestRun<Unused>::state() const {
    auto guard = core().lock();
    switch (step_) {
        case Step::not_started: return RequestState::not_started;
        case Step::finished: return RequestState::finished;
        default: return RequestState::waiting;
    }
}

template <class Unused>
std::string RequestRun<Unused>::waiting_on() const {
    auto guard = core().lock();
    if (step_ != Step::waiting || waiting_ == none) return std::string();
    return module_name(waiting_) + ": " + notification_name(1u << waiting_stage_, waiting_post_);
}

// ---- the pipeline -----------------------------------------------------------------------------

// Runs notifications until one goes pending or the request reaches its end. Runs on whichever
// thread resumed the request, as in IIS; holds the request's lock only between handlers.
template <class Unused>
void RequestRun<Unused>::drive() {
    try {
        drive_steps();
    } catch (...) {
        // A misuse report that threw (or a module's exception) ends the request: what follows
        // disposes the modules instead of leaving the run stuck.
        auto guard = core().lock();
        step_ = Step::ending;
        running_ = none;
        throw;
    }
}

template <class Unused>
void RequestRun<Unused>::drive_steps() {
    for (;;) {
        int phase = 0;
        std::size_t index = none;
        std::size_t wait = 0;
        {
            auto guard = core().lock();
            if (step_ != Step::running) return;
            if (phase_ >= phase_count) {
                step_ = Step::ending;
                return;
            }
            phase = phase_;
            if (phase != final_send_phase) {
                if (position_ >= order_[phase].size()) {
                    ++phase_;
                    position_ = 0;
                    continue;
                }
                index = order_[phase][position_];
                if (!is_static_handler(index)) {
                    const Instance& instance = instances_[index];
                    const DWORD bit = 1u << stage_of(phase);
                    const DWORD disabled =
                        post_of(phase) ? instance.disabled_post : instance.disabled;
                    if (!instance.module || (disabled & bit) != 0) {  // PIPE-4
                        ++position_;
                        continue;
                    }
                    running_ = index;
                    current_ = index;
                    current_bit_ = 1u << stage_of(phase);
                    has_early_ = false;
                    wait = ++wait_;
                }
            }
        }
        if (phase == final_send_phase) {
            // PIPE-3 [I]: the final send after UpdateRequestCache, before LogRequest.
            fill_log_fields();
            context_.response().end_request();
            auto guard = core().lock();
            phase_ = finish_requested_ && !host_.options_.log_after_finish ? phase_count
                                                                            : phase_ + 1;
            position_ = 0;
            continue;
        }
        if (is_static_handler(index)) {
            serve_static();
            auto guard = core().lock();
            ++position_;
            continue;
        }
        const int stage = stage_of(phase);
        const bool post = post_of(phase);
        {
            auto guard = core().lock();
            core().sink_ = [this, index, stage, post, wait](IHttpCompletionInfo* info) {
                return on_completion(index, stage, post, wait, info);
            };
            core().callback_sink_ = [this, index, stage, post,
                                     wait](REQUEST_NOTIFICATION_STATUS status) {
                record(PipelineEvent::Kind::callback, index, 1u << stage, post);
                after_completion(index, wait, status);
            };
        }
        unhandled_on_this_thread() = nullptr;
        const std::size_t event = record(PipelineEvent::Kind::notification, index, 1u << stage, post);
        REQUEST_NOTIFICATION_STATUS status = call(*instances_[index].module, stage, post);
        returned(event, status);
        check_overridden(index, notification_name(1u << stage, post).c_str());
        auto guard = core().lock();
        running_ = none;
        current_ = none;
        current_bit_ = 0;
        if (status == RQ_NOTIFICATION_PENDING) {
            if (!has_early_) {  // PIPE-6: wait for the completion
                step_ = Step::waiting;
                waiting_ = index;
                waiting_stage_ = stage;
                waiting_post_ = post;
                return;
            }
            // PIPE-9: the completion ran before the handler returned; its result stands.
            status = early_;
            has_early_ = false;
        }
        handle(status);
    }
}

// The result of a notification (or of the completion that stood for it); under the lock.
template <class Unused>
void RequestRun<Unused>::handle(REQUEST_NOTIFICATION_STATUS status) {
    switch (status) {
        case RQ_NOTIFICATION_CONTINUE:  // PIPE-5
            ++position_;
            return;
        case RQ_NOTIFICATION_FINISH_REQUEST:  // PIPE-7
            finish_requested_ = true;
            if (phase_ < final_send_phase) {
                phase_ = final_send_phase;
            } else {
                ++phase_;
            }
            position_ = 0;
            return;
        default:
            core().report("ModuleHost", "PIPE-5",
                          "a handler returned " + std::to_string(static_cast<int>(status)) +
                              ", which is not a REQUEST_NOTIFICATION_STATUS",
                          S_OK, "the pipeline continues");
            ++position_;
            return;
    }
}

template <class Unused>
IHttpEventProvider* RequestRun<Unused>::provider_for(int stage, bool post) {
    if (!post && (1u << stage) == RQ_AUTHENTICATE_REQUEST)
        return &context_.authentication_provider();
    if (!post && (1u << stage) == RQ_MAP_REQUEST_HANDLER) return &map_handler_;
    return &event_provider_;
}

template <class Unused>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::call(CHttpModule& module, int stage, bool post) {
    IHttpContext* context = &context_;
    IHttpEventProvider* provider = &event_provider_;
    if (post) {
        switch (1u << stage) {
            case RQ_BEGIN_REQUEST: return module.OnPostBeginRequest(context, provider);
            case RQ_AUTHENTICATE_REQUEST: return module.OnPostAuthenticateRequest(context, provider);
            case RQ_AUTHORIZE_REQUEST: return module.OnPostAuthorizeRequest(context, provider);
            case RQ_RESOLVE_REQUEST_CACHE: return module.OnPostResolveRequestCache(context, provider);
            case RQ_MAP_REQUEST_HANDLER: return module.OnPostMapRequestHandler(context, provider);
            case RQ_ACQUIRE_REQUEST_STATE: return module.OnPostAcquireRequestState(context, provider);
            case RQ_PRE_EXECUTE_REQUEST_HANDLER:
                return module.OnPostPreExecuteRequestHandler(context, provider);
            case RQ_EXECUTE_REQUEST_HANDLER:
                return module.OnPostExecuteRequestHandler(context, provider);
            case RQ_RELEASE_REQUEST_STATE: return module.OnPostReleaseRequestState(context, provider);
            case RQ_UPDATE_REQUEST_CACHE: return module.OnPostUpdateRequestCache(context, provider);
            case RQ_LOG_REQUEST: return module.OnPostLogRequest(context, provider);
            default: return module.OnPostEndRequest(context, provider);
        }
    }
    switch (1u << stage) {
        case RQ_BEGIN_REQUEST: return module.OnBeginRequest(context, provider);
        case RQ_AUTHENTICATE_REQUEST:
            return module.OnAuthenticateRequest(context, &context_.authentication_provider());
        case RQ_AUTHORIZE_REQUEST: return module.OnAuthorizeRequest(context, provider);
        case RQ_RESOLVE_REQUEST_CACHE: return module.OnResolveRequestCache(context, provider);
        case RQ_MAP_REQUEST_HANDLER: return module.OnMapRequestHandler(context, &map_handler_);
        case RQ_ACQUIRE_REQUEST_STATE: return module.OnAcquireRequestState(context, provider);
        case RQ_PRE_EXECUTE_REQUEST_HANDLER:
            return module.OnPreExecuteRequestHandler(context, provider);
        case RQ_EXECUTE_REQUEST_HANDLER: return module.OnExecuteRequestHandler(context, provider);
        case RQ_RELEASE_REQUEST_STATE: return module.OnReleaseRequestState(context, provider);
        case RQ_UPDATE_REQUEST_CACHE: return module.OnUpdateRequestCache(context, provider);
        case RQ_LOG_REQUEST: return module.OnLogRequest(context, provider);
        default: return module.OnEndRequest(context, provider);
    }
}

// §1.7 item 4: the completion of an operation the module started in `stage` goes to its
// OnAsyncCompletion, whose result resumes the pipeline (PIPE-6) or, when the handler that
// started the operation has not returned yet, stands as that handler's result (PIPE-9).
template <class Unused>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::on_completion(std::size_t index, int stage,
                                                              bool post, std::size_t wait,
                                                              IHttpCompletionInfo* info) {
    if (ended_for_completion(index, "OnAsyncCompletion")) return RQ_NOTIFICATION_CONTINUE;
    std::size_t saved = none;
    DWORD saved_bit = 0;
    {
        auto guard = core().lock();
        saved = current_;
        saved_bit = current_bit_;
        current_ = index;
        current_bit_ = 1u << stage;
    }
    unhandled_on_this_thread() = nullptr;
    const std::size_t event = record(PipelineEvent::Kind::completion, index, 1u << stage, post);
    const REQUEST_NOTIFICATION_STATUS status = instances_[index].module->OnAsyncCompletion(
        &context_, 1u << stage, post ? TRUE : FALSE, provider_for(stage, post), info);
    returned(event, status);
    {
        auto guard = core().lock();
        current_ = saved;
        current_bit_ = saved_bit;
    }
    check_overridden(index, "a completion");
    after_completion(index, wait, status);
    return status;
}

// What a completion handler returned: it stands for the pending notification (PIPE-6), or for
// the handler still on the stack (PIPE-9); a completion for a notification the pipeline has
// left resumes nothing.
template <class Unused>
void RequestRun<Unused>::after_completion(std::size_t index, std::size_t wait,
                                          REQUEST_NOTIFICATION_STATUS status) {
    bool resume = false;
    {
        auto guard = core().lock();
        if (wait != wait_) return;
        if (running_ == index) {
            if (status != RQ_NOTIFICATION_PENDING) {
                has_early_ = true;
                early_ = status;
            }
            return;
        }
        if (step_ == Step::waiting && waiting_ == index && status != RQ_NOTIFICATION_PENDING) {
            step_ = Step::running;
            waiting_ = none;
            handle(status);
            resume = true;
        }
    }
    if (resume) drive();
}

// T-10: nothing is delivered into a request that has ended.
template <class Unused>
bool RequestRun<Unused>::ended_for_completion(std::size_t index, const char* what) {
    {
        auto guard = core().lock();
        if (step_ != Step::ending && step_ != Step::finished && instances_[index].module)
            return false;
    }
    core().report("ModuleHost", "T-10",
                  std::string("a completion for module '") + module_name(index) +
                      "' arrived after the request ended; its " + what + " is not called",
                  S_OK, "IIS delivers nothing once the request has ended");
    return true;
}

template <class Unused>
void RequestRun<Unused>::indicate_completion(REQUEST_NOTIFICATION_STATUS status) {
    bool resume = false;
    {
        auto guard = core().lock();
        if (running_ != none) {
            // Called from the handler itself: the pipeline takes it as the handler's result.
            if (status != RQ_NOTIFICATION_PENDING) {
                has_early_ = true;
                early_ = status;
            }
            return;
        }
        if (step_ != Step::waiting || status == RQ_NOTIFICATION_PENDING) return;
        events_.push_back(PipelineEvent{PipelineEvent::Kind::indicate, module_name(waiting_),
                                        1u << waiting_stage_, waiting_post_, status});
        step_ = Step::running;
        waiting_ = none;
        ++wait_;  // the operation's own completion, if any, resumes nothing now
        handle(status);
        resume = true;
    }
    if (resume) drive();
}

template <class Unused>
DWORD RequestRun<Unused>::current_notification(PCWSTR* module) {
    auto guard = core().lock();
    if (current_bit_ == 0 || current_ == none) return 0;
    if (module) *module = instances_[current_].loaded->info->GetName();
    return current_bit_;
}

template <class Unused>
void RequestRun<Unused>::disable_notifications(DWORD notifications, DWORD post_notifications) {
    auto guard = core().lock();
    if (current_ == none) return;
    // PIPE-4: the deterministic stages only; OnSendResponse and the like cannot be disabled.
    instances_[current_].disabled |= notifications & 0xFFFu;
    instances_[current_].disabled_post |= post_notifications & 0xFFFu;
}

// One handler of a notification that is not a pipeline stage (OnSendResponse, OnMapPath,
// OnReadEntity, OnCustomRequestNotification): module code again even when the host raised it
// on IIS's behalf; a completion it starts comes back to its module; DisableNotifications and
// GetCurrentExecutionStats see its module.
template <class Unused>
template <class Handler>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::call_aside(std::size_t index,
                                                           DWORD notification,
                                                           PipelineEvent::Kind kind,
                                                           Handler&& handler) {
    ActingForIis module_code(false);
    std::size_t saved = none;
    DWORD saved_bit = 0;
    CompletionSink saved_sink;
    Callback<void(REQUEST_NOTIFICATION_STATUS)> saved_callback;
    {
        auto guard = core().lock();
        saved = current_;
        saved_bit = current_bit_;
        saved_sink = core().sink_;
        saved_callback = core().callback_sink_;
        current_ = index;
        current_bit_ = notification;
        core().sink_ = [this, index, notification](IHttpCompletionInfo* info) {
            if (ended_for_completion(index, "OnAsyncCompletion")) return RQ_NOTIFICATION_CONTINUE;
            const std::size_t event = record(PipelineEvent::Kind::completion, index, notification,
                                             false);
            const REQUEST_NOTIFICATION_STATUS status = instances_[index].module->OnAsyncCompletion(
                &context_, notification, FALSE, &event_provider_, info);
            returned(event, status);
            return status;
        };
        core().callback_sink_ = nullptr;
    }
    unhandled_on_this_thread() = nullptr;
    const std::size_t event = record(kind, index, notification, false);
    const REQUEST_NOTIFICATION_STATUS status = handler(*instances_[index].module);
    returned(event, status);
    {
        auto guard = core().lock();
        current_ = saved;
        current_bit_ = saved_bit;
        core().sink_ = saved_sink;
        core().callback_sink_ = saved_callback;
    }
    const std::string name = notification_name(notification, false);
    check_overridden(index, name.c_str());
    if (status == RQ_NOTIFICATION_PENDING)
        core().report("ModuleHost", "PIPE-6",
                      "module '" + module_name(index) + "' returned RQ_NOTIFICATION_PENDING from " +
                          name + "; iisfake's host runs " + name +
                          " to its end and cannot wait for it (a limitation of the fake)",
                      S_OK, "taken as RQ_NOTIFICATION_CONTINUE");
    return status;
}

template <class Unused>
HRESULT RequestRun<Unused>::notify_custom(ICustomNotificationProvider* provider,
                                          BOOL* completion_expected) {
    if (completion_expected) *completion_expected = FALSE;
    if (custom_depth_ >= 16)
        return core().report("IHttpContext::NotifyCustomNotification", "PROV-3",
                             "custom notifications nested 16 deep: a handler raises the "
                             "notification it handles",
                             HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW),
                             "IIS overflows its stack");
    ScopedValue<unsigned> depth(custom_depth_, custom_depth_ + 1);
    for (std::size_t index : custom_order_) {
        if (!instances_[index].module) continue;
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_CUSTOM_NOTIFICATION, PipelineEvent::Kind::custom,
                       [&](CHttpModule& module) {
                           return module.OnCustomRequestNotification(&context_, provider);
                       });
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return S_OK;
}

// T-21: once per send, LAST to FIRST; log data only on the final send, and only to modules
// registered FIRST or HIGH (PROV-6).
template <class Unused>
DWORD RequestRun<Unused>::before_send(bool headers_being_sent, bool final, DWORD flags) {
    for (std::size_t index : send_order_) {
        if (!instances_[index].module) continue;
        const Priority priority = instances_[index].loaded->info->priority(
            PriorityRequest::Kind::request, RQ_SEND_RESPONSE);
        const bool sees_log =
            final && static_cast<int>(priority) <= static_cast<int>(Priority::high);
        FakeSendResponseProvider provider(headers_being_sent, flags,
                                          sees_log ? &log_fields_.Base : nullptr, final);
        if (sees_log)
            provider.on_set_log_data([this](const HTTP_LOG_DATA* data) { adopt_log_fields(data); });
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_SEND_RESPONSE, PipelineEvent::Kind::send_response,
                       [&](CHttpModule& module) { return module.OnSendResponse(&context_, &provider); });
        flags = provider.flags();
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return flags;
}

// PROV-6: SetLogData submits the values IIS logs; they are copied, as the module's memory may
// go when the handler returns.
template <class Unused>
void RequestRun<Unused>::adopt_log_fields(const HTTP_LOG_DATA* submitted) {
    if (!submitted || submitted == &log_fields_.Base || submitted->Type != HttpLogDataTypeFields)
        return;
    const auto& fields = *reinterpret_cast<const HTTP_LOG_FIELDS_DATA*>(submitted);
    // Copied before assigning: the module's values may point into these strings.
    auto narrow = [this](std::size_t slot, const char* text, USHORT length, PCHAR& out,
                         USHORT& out_length) {
        std::string value(text ? text : "", text ? length : 0);
        log_strings_[slot].swap(value);
        out = &log_strings_[slot][0];
        out_length = static_cast<USHORT>(log_strings_[slot].size());
    };
    auto wide = [this](std::size_t slot, const WCHAR* text, USHORT bytes, PWCHAR& out,
                       USHORT& out_bytes) {
        detail::wide_string value(text ? text : L"", text ? bytes / sizeof(WCHAR) : 0);
        log_wide_[slot].swap(value);
        out = &log_wide_[slot][0];
        out_bytes = static_cast<USHORT>(log_wide_[slot].size() * sizeof(WCHAR));
    };
    narrow(0, fields.Method, fields.MethodLength, log_fields_.Method, log_fields_.MethodLength);
    narrow(1, fields.Host, fields.HostLength, log_fields_.Host, log_fields_.HostLength);
    narrow(2, fields.UserAgent, fields.UserAgentLength, log_fields_.UserAgent,
           log_fields_.UserAgentLength);
    narrow(3, fields.Cookie, fields.CookieLength, log_fields_.Cookie, log_fields_.CookieLength);
    narrow(4, fields.Referrer, fields.ReferrerLength, log_fields_.Referrer,
           log_fields_.ReferrerLength);
    narrow(5, fields.UriQuery, fields.UriQueryLength, log_fields_.UriQuery,
           log_fields_.UriQueryLength);
    narrow(6, fields.ClientIp, fields.ClientIpLength, log_fields_.ClientIp,
           log_fields_.ClientIpLength);
    narrow(7, fields.ServerIp, fields.ServerIpLength, log_fields_.ServerIp,
           log_fields_.ServerIpLength);
    wide(0, fields.UriStem, fields.UriStemLength, log_fields_.UriStem, log_fields_.UriStemLength);
    wide(1, fields.UserName, fields.UserNameLength, log_fields_.UserName,
         log_fields_.UserNameLength);
    log_fields_.ServerPort = fields.ServerPort;
    log_fields_.ProtocolStatus = fields.ProtocolStatus;
    log_fields_.Win32Status = fields.Win32Status;
    log_fields_.MethodNum = fields.MethodNum;
    log_fields_.SubStatus = fields.SubStatus;
}

// PROV-5: each module that registered RQ_MAP_PATH sees the mapping and may replace it.
template <class Unused>
void RequestRun<Unused>::map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) {
    for (std::size_t index : map_path_order_) {
        if (!instances_[index].module) continue;
        FakeMapPathProvider provider(url, physical_path);
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_MAP_PATH, PipelineEvent::Kind::map_path,
                       [&](CHttpModule& module) { return module.OnMapPath(&context_, &provider); });
        physical_path = provider.GetPhysicalPath();
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
}

// PROV-7: each module that registered RQ_READ_ENTITY sees the bytes read from the client and
// may substitute others (as many as fit the reader's buffer).
template <class Unused>
DWORD RequestRun<Unused>::read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) {
    for (std::size_t index : read_entity_order_) {
        if (!instances_[index].module) continue;
        FakeReadEntityProvider provider(buffer, bytes, capacity);
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_READ_ENTITY, PipelineEvent::Kind::read_entity,
                       [&](CHttpModule& module) { return module.OnReadEntity(&context_, &provider); });
        PVOID data = nullptr;
        DWORD length = 0;
        DWORD size = 0;
        provider.GetEntity(&data, &length, &size);
        if (length > capacity) length = capacity;
        if (data && data != buffer && length > 0) std::memmove(buffer, data, length);
        bytes = data ? length : 0;
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return bytes;
}

// What IIS's StaticFileModule does when no module handles the request: the file, or 404.
template <class Unused>
void RequestRun<Unused>::serve_static() {
    ActingForIis quiet;
    IHttpResponse* response = &context_.response();
    const std::string path = utf8_of(context_.GetScriptName());
    const auto file = host_.files_.find(path);
    if (file == host_.files_.end()) {
        response->SetStatus(404, "Not Found");
    } else {
        response->SetStatus(200, "OK");
        response->SetHeader(HttpHeaderContentType, file->second.content_type.c_str(),
                            static_cast<USHORT>(file->second.content_type.size()), TRUE);
        HTTP_DATA_CHUNK chunk;
        std::memset(&chunk, 0, sizeof chunk);
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(file->second.body.data());
        chunk.FromMemory.BufferLength = static_cast<ULONG>(file->second.body.size());
        DWORD sent = 0;
        if (!file->second.body.empty()) response->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &sent);
    }
    auto guard = core().lock();
    events_.push_back(PipelineEvent{PipelineEvent::Kind::handler, "StaticFileModule",
                                    RQ_EXECUTE_REQUEST_HANDLER, false,
                                    RQ_NOTIFICATION_CONTINUE});
}

// The HTTP_LOG_FIELDS_DATA behind GetLogData on the final send (PROV-6).
template <class Unused>
void RequestRun<Unused>::fill_log_fields() {
    ActingForIis quiet;
    const HTTP_REQUEST* raw = context_.request().GetRawHttpRequest();
    const HTTP_RESPONSE* response = context_.response().GetRawHttpResponse();
    auto narrow = [this](std::size_t slot, const char* text, std::size_t length, PCHAR& out,
                         USHORT& out_length) {
        log_strings_[slot].assign(text ? text : "", text ? length : 0);
        out = &log_strings_[slot][0];
        out_length = static_cast<USHORT>(std::min<std::size_t>(log_strings_[slot].size(), 0xFFFF));
    };
    auto header = [raw](HTTP_HEADER_ID id, USHORT& length) -> const char* {
        length = raw->Headers.KnownHeaders[id].RawValueLength;
        return raw->Headers.KnownHeaders[id].pRawValue;
    };
    USHORT length = 0;
    const char* method = context_.request().GetHttpMethod();
    narrow(0, method, method ? std::strlen(method) : 0, log_fields_.Method,
           log_fields_.MethodLength);
    const char* host = header(HttpHeaderHost, length);
    narrow(1, host, length, log_fields_.Host, log_fields_.HostLength);
    const char* agent = header(HttpHeaderUserAgent, length);
    narrow(2, agent, length, log_fields_.UserAgent, log_fields_.UserAgentLength);
    const char* cookie = header(HttpHeaderCookie, length);
    narrow(3, cookie, length, log_fields_.Cookie, log_fields_.CookieLength);
    const char* referrer = header(HttpHeaderReferer, length);
    narrow(4, referrer, length, log_fields_.Referrer, log_fields_.ReferrerLength);
    std::string query;
    if (raw->CookedUrl.pQueryString && raw->CookedUrl.QueryStringLength > sizeof(WCHAR))
        query = wide_to_utf8(raw->CookedUrl.pQueryString + 1,
                             raw->CookedUrl.QueryStringLength / sizeof(WCHAR) - 1);
    narrow(5, query.data(), query.size(), log_fields_.UriQuery, log_fields_.UriQueryLength);
    log_wide_[0].assign(raw->CookedUrl.pAbsPath ? raw->CookedUrl.pAbsPath : L"",
                        raw->CookedUrl.pAbsPath ? raw->CookedUrl.AbsPathLength / sizeof(WCHAR)
                                                : 0);
    log_fields_.UriStem = &log_wide_[0][0];
    log_fields_.UriStemLength = static_cast<USHORT>(
        std::min<std::size_t>(log_wide_[0].size() * sizeof(WCHAR), 0xFFFF));  // bytes
    log_fields_.ProtocolStatus = response->StatusCode;
    log_fields_.SubStatus = context_.response().substatus();
    log_fields_.MethodNum = raw->Verb;
}

template <class Unused>
void RequestRun<Unused>::end() {
    {
        auto guard = core().lock();
        if (step_ != Step::ending) return;
    }
    for (std::size_t index = 0; index < instances_.size(); ++index) {
        CHttpModule* module = instances_[index].module;
        if (!module) continue;
        instances_[index].module = nullptr;
        record(PipelineEvent::Kind::dispose, index, 0, false);
        module->Dispose();  // MOD-2: never delete (the destructor is protected)
    }
    context_.end_request();  // stored contexts cleaned up, request memory freed (CONT-1, CTX-4)
    const std::size_t left = core().discard_pending();
    {
        auto guard = core().lock();
        step_ = Step::finished;
    }
    if (left > 0)
        core().report("ModuleHost", "T-10",
                      std::to_string(left) +
                          " asynchronous operation(s) still pending when the request ended: a "
                          "module returned without waiting for its completion",
                      S_OK, "the completion never arrives");
}

template <class Unused>
std::size_t RequestRun<Unused>::record(PipelineEvent::Kind kind, std::size_t index,
                                       DWORD notification, bool post) {
    auto guard = core().lock();
    events_.push_back(
        PipelineEvent{kind, module_name(index), notification, post, RQ_NOTIFICATION_CONTINUE});
    return events_.size() - 1;
}

template <class Unused>
void RequestRun<Unused>::returned(std::size_t event, REQUEST_NOTIFICATION_STATUS status) {
    auto guard = core().lock();
    events_[event].status = status;
}

template <class Unused>
void RequestRun<Unused>::check_overridden(std::size_t index, const char* what) {
    const char* method = unhandled_on_this_thread();
    if (!method) return;
    unhandled_on_this_thread() = nullptr;
    core().report("ModuleHost", "T-9",
                  "module '" + module_name(index) + "' is called for " + what + " but " +
                      method +
                      " ran: its handler does not override CHttpModule's (check the parameter "
                      "types)",
                  S_OK, "IIS calls DebugBreak, which stops the worker process");
}

template <class Unused>
void RequestRun<Unused>::report_stall(const char* who) {
    std::string problem;
    {
        auto guard = core().lock();
        switch (step_) {
            case Step::not_started:
            case Step::finished:
                return;
            case Step::running:
            case Step::ending:
                problem = "the pipeline is still running on another thread after " +
                          std::to_string(host_.options_.hang_timeout_ms) + " ms";
                break;
            case Step::waiting:
                problem = "the request is stalled: module '" + module_name(waiting_) +
                          "' returned RQ_NOTIFICATION_PENDING from " +
                          notification_name(1u << waiting_stage_, waiting_post_) +
                          " and no operation, posted completion or IndicateCompletion is "
                          "outstanding";
                break;
        }
    }
    core().report(who, "PIPE-9", problem, S_OK, "the request never completes");
}

template <class Unused>
std::string RequestRun<Unused>::module_name(std::size_t index) const {
    return index < instances_.size() ? instances_[index].loaded->info->name() : std::string();
}

}  // namespace detail

// ---- ModuleHost -------------------------------------------------------------------------------

template <class Unused>
ModuleHostBase<Unused>::ModuleHostBase(HostOptions options)
    : options_(options), server_interface_(&server_) {
    server_.set_admin_manager(configuration_.admin_manager());
    // SRV-10: what a module asks of the server reaches the global modules.
    server_.on_custom_notification([this](ICustomNotificationProvider* provider) {
        return notify_global(GL_CUSTOM_NOTIFICATION, provider);
    });
    server_.on_configuration_change(
        [this](PCWSTR path) { configuration_change(path ? detail::utf8_of(path) : std::string()); });
    server_.on_file_change(
        [this](PCWSTR file) { file_change(file ? detail::utf8_of(file) : std::string()); });
}

template <class Unused>
void ModuleHostBase<Unused>::set_misuse_handler(MisuseHandler handler) {
    misuse_handler_ = handler;
    server_.set_misuse_handler(handler);
    configuration_.set_misuse_handler(std::move(handler));
}

template <class Unused>
FakeHttpApplication& ModuleHostBase<Unused>::application() {
    if (!application_)
        application_.reset(new FakeHttpApplication(
            detail::widen_utf8(settings_.physical_root),
            detail::widen_utf8(settings_.application_id),
            detail::widen_utf8(settings_.config_path), MisuseReporter()));
    return *application_;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::application_start() {
    FakeApplicationProvider provider(&application());
    return notify_global(GL_APPLICATION_START, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::application_stop() {
    FakeApplicationProvider provider(&application());
    return notify_global(GL_APPLICATION_STOP, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::stop_listening(bool drain_gracefully) {
    FakeStopListeningProvider provider(drain_gracefully);
    return notify_global(GL_STOP_LISTENING, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::configuration_change(const std::string& path) {
    FakeConfigurationChangeProvider provider(path);
    return notify_global(GL_CONFIGURATION_CHANGE, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::file_change(const std::string& file_name) {
    FakeFileChangeProvider provider(file_name);
    return notify_global(GL_FILE_CHANGE, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::thread_cleanup() {
    FakeThreadCleanupProvider provider(&application());
    return notify_global(GL_THREAD_CLEANUP, &provider);
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::report(const char* method, const char* rule, std::string problem,
                                       HRESULT result) {
    misuses_.push_back(
        Misuse{method, rule, std::move(problem), result, "IIS returns " + hresult_text(result)});
    if (misuse_handler_) misuse_handler_(misuses_.back());
    return result;
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::load(const std::string& name, PFN_REGISTERMODULE register_module) {
    if (!register_module)
        return report("ModuleHost::load", "REG-1", "the RegisterModule function is NULL",
                      E_INVALIDARG);
    if (registration(name))
        return report("ModuleHost::load", "REG-3",
                      "a module named '" + name + "' is already loaded (IIS refuses duplicate "
                                                  "names in <globalModules>)",
                      HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    std::unique_ptr<detail::LoadedModule> module(new detail::LoadedModule{
        std::unique_ptr<FakeModuleRegistrationInfo>(new FakeModuleRegistrationInfo(name)), false});
    module->info->set_misuse_handler(misuse_handler_);
    const HRESULT result =
        register_module(options_.server_version, module->info.get(), server_interface_);
    module->loaded = SUCCEEDED(result);
    modules_.push_back(std::move(module));
    return result;
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::add(const std::string& name, IHttpModuleFactory* factory,
                                    DWORD notifications, DWORD post_notifications) {
    if (registration(name))
        return report("ModuleHost::add", "REG-3",
                      "a module named '" + name + "' is already loaded",
                      HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    std::unique_ptr<detail::LoadedModule> module(new detail::LoadedModule{
        std::unique_ptr<FakeModuleRegistrationInfo>(new FakeModuleRegistrationInfo(name)), false});
    module->info->set_misuse_handler(misuse_handler_);
    const HRESULT result =
        module->info->SetRequestNotifications(factory, notifications, post_notifications);
    module->loaded = SUCCEEDED(result);
    modules_.push_back(std::move(module));
    return result;
}

template <class Unused>
FakeModuleRegistrationInfo* ModuleHostBase<Unused>::registration(const std::string& name) {
    for (const auto& module : modules_)
        if (module->info->name() == name) return module->info.get();
    return nullptr;
}

template <class Unused>
HostedRequest ModuleHostBase<Unused>::start(const RequestBuilder& request) {
    if (shut_down_)
        report("ModuleHost::start", "REG-4",
               "a request after shutdown(): the factories were terminated", S_OK);
    return HostedRequest(new detail::RequestRun<Unused>(*this, request));
}

template <class Unused>
std::vector<std::size_t> ModuleHostBase<Unused>::global_order(DWORD notification) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < modules_.size(); ++i)
        if (modules_[i]->loaded && modules_[i]->info->global_module() &&
            (modules_[i]->info->global_notifications() & notification) != 0)
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return static_cast<int>(
                   modules_[a]->info->priority(PriorityRequest::Kind::global, notification)) <
               static_cast<int>(
                   modules_[b]->info->priority(PriorityRequest::Kind::global, notification));
    });
    return out;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::notify_global(DWORD notification,
                                                                 IHttpEventProvider* provider) {
    GLOBAL_NOTIFICATION_STATUS result = GL_NOTIFICATION_CONTINUE;
    for (std::size_t index : global_order(notification)) {
        CGlobalModule* global = modules_[index]->info->global_module();
        const std::string& name = modules_[index]->info->name();
        const char* handler = "";
        detail::unhandled_on_this_thread() = nullptr;
        switch (notification) {
            case GL_STOP_LISTENING:
                handler = "OnGlobalStopListening";
                result = global->OnGlobalStopListening(
                    static_cast<IGlobalStopListeningProvider*>(provider));
                break;
            case GL_CACHE_CLEANUP:
                handler = "OnGlobalCacheCleanup";
                result = global->OnGlobalCacheCleanup();
                break;
            case GL_CACHE_OPERATION:
                handler = "OnGlobalCacheOperation";
                result = global->OnGlobalCacheOperation(static_cast<ICacheProvider*>(provider));
                break;
            case GL_HEALTH_CHECK:
                handler = "OnGlobalHealthCheck";
                result = global->OnGlobalHealthCheck();
                break;
            case GL_CONFIGURATION_CHANGE:
                handler = "OnGlobalConfigurationChange";
                result = global->OnGlobalConfigurationChange(
                    static_cast<IGlobalConfigurationChangeProvider*>(provider));
                break;
            case GL_FILE_CHANGE:
                handler = "OnGlobalFileChange";
                result = global->OnGlobalFileChange(static_cast<IGlobalFileChangeProvider*>(provider));
                break;
            case GL_PRE_BEGIN_REQUEST:
                handler = "OnGlobalPreBeginRequest";
                result =
                    global->OnGlobalPreBeginRequest(static_cast<IPreBeginRequestProvider*>(provider));
                break;
            case GL_APPLICATION_START:
                handler = "OnGlobalApplicationStart";
                result = global->OnGlobalApplicationStart(
                    static_cast<IHttpApplicationStartProvider*>(provider));
                break;
            case GL_APPLICATION_RESOLVE_MODULES:
                handler = "OnGlobalApplicationResolveModules";
                result = global->OnGlobalApplicationResolveModules(
                    static_cast<IHttpApplicationResolveModulesProvider*>(provider));
                break;
            case GL_APPLICATION_STOP:
                handler = "OnGlobalApplicationStop";
                result = global->OnGlobalApplicationStop(
                    static_cast<IHttpApplicationStopProvider*>(provider));
                break;
            case GL_RSCA_QUERY:
                handler = "OnGlobalRSCAQuery";
                result = global->OnGlobalRSCAQuery(static_cast<IGlobalRSCAQueryProvider*>(provider));
                break;
            case GL_TRACE_EVENT:
                handler = "OnGlobalTraceEvent";
                result =
                    global->OnGlobalTraceEvent(static_cast<IGlobalTraceEventProvider*>(provider));
                break;
            case GL_CUSTOM_NOTIFICATION:
                handler = "OnGlobalCustomNotification";
                result = global->OnGlobalCustomNotification(
                    static_cast<ICustomNotificationProvider*>(provider));
                break;
            case GL_THREAD_CLEANUP:
                handler = "OnGlobalThreadCleanup";
                result = global->OnGlobalThreadCleanup(
                    static_cast<IGlobalThreadCleanupProvider*>(provider));
                break;
            case GL_APPLICATION_PRELOAD:
                handler = "OnGlobalApplicationPreload";
                result = global->OnGlobalApplicationPreload(
                    static_cast<IGlobalApplicationPreloadProvider*>(provider));
                break;
            default:
                report("ModuleHost::notify_global", "REG-5",
                       "not one GL_* notification the host can raise: " +
                           std::to_string(notification),
                       S_OK);
                return GL_NOTIFICATION_CONTINUE;
        }
        global_trace_.push_back(name + "." + handler);
        if (const char* method = detail::unhandled_on_this_thread()) {
            detail::unhandled_on_this_thread() = nullptr;
            report("ModuleHost::notify_global", "T-9",
                   "module '" + name + "' registered for " + handler + " but " + method +
                       " ran: its handler does not override CGlobalModule's (check the signature)",
                   S_OK);
        }
        if (result == GL_NOTIFICATION_HANDLED) break;  // no further global modules
    }
    return result;
}

template <class Unused>
void ModuleHostBase<Unused>::shutdown() {
    if (shut_down_) return;
    shut_down_ = true;
    for (auto module = modules_.rbegin(); module != modules_.rend(); ++module) {
        const FakeModuleRegistrationInfo& info = *(*module)->info;
        if (IHttpModuleFactory* factory = info.factory()) {
            global_trace_.push_back(info.name() + ".IHttpModuleFactory::Terminate");
            factory->Terminate();  // REG-4
        }
        if (CGlobalModule* global = info.global_module()) {
            global_trace_.push_back(info.name() + ".CGlobalModule::Terminate");
            global->Terminate();  // REG-5
        }
    }
}

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::RequestRun<void>;
template class ModuleHostBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
// ----- end iisfake/detail/module_host_impl.hpp -----
#endif

#endif
// ----- end iisfake/module_host.hpp -----
