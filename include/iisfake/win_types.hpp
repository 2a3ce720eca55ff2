#ifndef IISFAKE_WIN_TYPES_HPP_INCLUDED
#define IISFAKE_WIN_TYPES_HPP_INCLUDED

// The Windows base types, codes and macros that httpserv.h and module code use. On Windows the
// real <windows.h> provides them; elsewhere they are declared here with the Windows widths
// (DWORD and HRESULT are 32-bit even where long is 64-bit). PCWSTR is const wchar_t* so L""
// literals compile; wchar_t is 4 bytes off Windows, so byte lengths always use sizeof(WCHAR).

#include "iisfake/config.hpp"

#if defined(_WIN32)
#include "iisfake/detail/win32_headers.hpp"
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

#include "iisfake/detail/sal.hpp"

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
