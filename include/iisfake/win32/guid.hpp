#ifndef IISFAKE_WIN32_GUID_HPP_INCLUDED
#define IISFAKE_WIN32_GUID_HPP_INCLUDED

// GUIDs and the COM runtime calls module code makes off Windows (T-19): what <guiddef.h>,
// <initguid.h>, <cguid.h> and <objbase.h>/<combaseapi.h> provide.
//
// DEFINE_GUID(name, ...) declares `extern "C" const GUID name;` or, where INITGUID is defined
// (as <initguid.h> does) at the point of use, defines it. INITGUID is read at every expansion,
// so `#include <initguid.h>` between two DEFINE_GUIDs switches them as MSVC's redefinition of
// the macro does. The definition is weak, the g++/clang counterpart of MSVC's selectany: several
// translation units may define the same GUID under INITGUID and the program still links.
//
// There is no COM registry: CoCreateInstance answers REGDB_E_CLASSNOTREG unless the test has
// registered a factory for the CLSID with iisfake::win32::register_com_class. CoInitialize(Ex)
// counts per thread (S_OK, then S_FALSE; RPC_E_CHANGED_MODE for the other concurrency model) but
// CoCreateInstance does not require it: IIS's threads are already initialised for modules.

#include "iisfake/com_types.hpp"
#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

// ---- DEFINE_GUID -------------------------------------------------------------------------------
#define IISFAKE_DETAIL_GUID_CAT2(a, b) a##b
#define IISFAKE_DETAIL_GUID_CAT(a, b) IISFAKE_DETAIL_GUID_CAT2(a, b)
// INITGUID undefined: the macro's name is left as is -> the declaration.
#define IISFAKE_DETAIL_DEFINE_GUID_INITGUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern "C" const GUID name
// INITGUID defined empty (<initguid.h>) or as 1 (-DINITGUID): a weak definition.
#define IISFAKE_DETAIL_DEFINE_GUID_(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    extern "C" const GUID name __attribute__((weak)) = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#define IISFAKE_DETAIL_DEFINE_GUID_1 IISFAKE_DETAIL_DEFINE_GUID_

#ifndef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) \
    IISFAKE_DETAIL_GUID_CAT(IISFAKE_DETAIL_DEFINE_GUID_, INITGUID)   \
    (name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)
#endif
#ifndef DEFINE_OLEGUID
#define DEFINE_OLEGUID(name, l, w1, w2) DEFINE_GUID(name, l, w1, w2, 0xC0, 0, 0, 0, 0, 0, 0, 0x46)
#endif

typedef GUID UUID;
typedef GUID* LPGUID;
typedef IID* LPIID;
typedef CLSID* LPCLSID;
typedef LONG RPC_STATUS;

// GUID_NULL (<cguid.h>) and IID_IUnknown (<unknwn.h>), weak as DEFINE_GUID's definitions are.
extern "C" const GUID GUID_NULL __attribute__((weak)) = {0, 0, 0, {0, 0, 0, 0, 0, 0, 0, 0}};
extern "C" const IID IID_IUnknown __attribute__((weak)) = {
    0x00000000, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
#ifndef IID_NULL
#define IID_NULL GUID_NULL
#endif
#ifndef CLSID_NULL
#define CLSID_NULL GUID_NULL
#endif

// ---- codes -------------------------------------------------------------------------------------
#ifndef REGDB_E_CLASSNOTREG
#define REGDB_E_CLASSNOTREG static_cast<HRESULT>(0x80040154u)
#endif
#ifndef CLASS_E_NOAGGREGATION
#define CLASS_E_NOAGGREGATION static_cast<HRESULT>(0x80040110u)
#endif
#ifndef CO_E_CLASSSTRING
#define CO_E_CLASSSTRING static_cast<HRESULT>(0x800401F3u)
#endif
#ifndef CO_E_NOTINITIALIZED
#define CO_E_NOTINITIALIZED static_cast<HRESULT>(0x800401F0u)
#endif
#ifndef RPC_E_CHANGED_MODE
#define RPC_E_CHANGED_MODE static_cast<HRESULT>(0x80010106u)
#endif
#ifndef RPC_S_OK
#define RPC_S_OK 0
#endif
#ifndef NOERROR
#define NOERROR 0
#endif

typedef enum tagCOINIT {
    COINIT_APARTMENTTHREADED = 0x2,
    COINIT_MULTITHREADED = 0x0,
    COINIT_DISABLE_OLE1DDE = 0x4,
    COINIT_SPEED_OVER_MEMORY = 0x8
} COINIT;

typedef enum tagCLSCTX {
    CLSCTX_INPROC_SERVER = 0x1,
    CLSCTX_INPROC_HANDLER = 0x2,
    CLSCTX_LOCAL_SERVER = 0x4,
    CLSCTX_REMOTE_SERVER = 0x10
} CLSCTX;
#ifndef CLSCTX_INPROC
#define CLSCTX_INPROC (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER)
#endif
#ifndef CLSCTX_SERVER
#define CLSCTX_SERVER (CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#endif
#ifndef CLSCTX_ALL
#define CLSCTX_ALL \
    (CLSCTX_INPROC_SERVER | CLSCTX_INPROC_HANDLER | CLSCTX_LOCAL_SERVER | CLSCTX_REMOTE_SERVER)
#endif

// ---- state (iisfake::win32) ---------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// What CoCreateInstance calls for a registered CLSID: outer is pUnkOuter; put the object's riid
// interface (AddRef'ed) in *ppv and return S_OK, or an HRESULT with *ppv NULL.
using ComClassFactory = std::function<HRESULT(IUnknown* outer, REFIID riid, void** ppv)>;

namespace detail {
namespace com {

struct ThreadState {
    int initialized = 0;  // CoInitialize(Ex) calls not yet balanced by CoUninitialize
    DWORD model = 0;      // COINIT_APARTMENTTHREADED or COINIT_MULTITHREADED
};

inline ThreadState& thread_state() {
    static thread_local ThreadState state;
    return state;
}

struct Registry {
    std::mutex mutex;
    std::vector<std::pair<GUID, ComClassFactory>> classes;
};

inline Registry& registry() {
    static Registry instance;
    return instance;
}

inline std::atomic<long>& task_memory_blocks() {
    static std::atomic<long> count{0};
    return count;
}

inline int hex_value(WCHAR c) noexcept {
    const long value = static_cast<long>(c);  // wchar_t is 4 bytes here, signed
    if (value >= '0' && value <= '9') return static_cast<int>(value - '0');
    if (value >= 'a' && value <= 'f') return static_cast<int>(value - 'a') + 10;
    if (value >= 'A' && value <= 'F') return static_cast<int>(value - 'A') + 10;
    return -1;
}

// Reads `digits` hex digits at text[at]; false if any is not one.
inline bool read_hex(const WCHAR* text, std::size_t at, int digits, std::uint32_t& out) noexcept {
    out = 0;
    for (int i = 0; i < digits; ++i) {
        const int v = hex_value(text[at + static_cast<std::size_t>(i)]);
        if (v < 0) return false;
        out = (out << 4) | static_cast<std::uint32_t>(v);
    }
    return true;
}

// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}" (either case) and nothing after it.
inline bool parse_braced(const WCHAR* text, GUID& out) noexcept {
    std::size_t length = 0;
    while (length < 39 && text[length]) ++length;
    if (length != 38 || text[0] != L'{' || text[37] != L'}' || text[9] != L'-' ||
        text[14] != L'-' || text[19] != L'-' || text[24] != L'-')
        return false;
    std::uint32_t d1 = 0, d2 = 0, d3 = 0, byte = 0;
    if (!read_hex(text, 1, 8, d1) || !read_hex(text, 10, 4, d2) || !read_hex(text, 15, 4, d3))
        return false;
    GUID g;
    g.Data1 = d1;
    g.Data2 = static_cast<unsigned short>(d2);
    g.Data3 = static_cast<unsigned short>(d3);
    static const std::size_t at[8] = {20, 22, 25, 27, 29, 31, 33, 35};
    for (int i = 0; i < 8; ++i) {
        if (!read_hex(text, at[i], 2, byte)) return false;
        g.Data4[i] = static_cast<unsigned char>(byte);
    }
    out = g;
    return true;
}

// n bytes from the kernel's entropy source (/dev/urandom: POSIX calls, no <random>, which costs
// every module TU a fifth of a second to parse); false if it cannot be read.
inline bool read_urandom(unsigned char* bytes, std::size_t n) noexcept {
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = ::read(fd, bytes + done, n - done);
        if (got > 0) {
            done += static_cast<std::size_t>(got);
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    ::close(fd);
    return done == n;
}

// splitmix64: the fallback when no entropy source can be read.
inline unsigned long long mix64(unsigned long long x) noexcept {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline void random_guid(GUID& out) {
    unsigned char bytes[16];
    if (!read_urandom(bytes, sizeof bytes)) {  // a clock-seeded generator, still unique enough
        static std::atomic<unsigned long long> counter{0};
        unsigned long long state =
            static_cast<unsigned long long>(
                std::chrono::steady_clock::now().time_since_epoch().count()) ^
            (++counter * 0x9E3779B97F4A7C15ull);
        for (int i = 0; i < 16; i += 8) {
            state = mix64(state);
            for (int k = 0; k < 8; ++k)
                bytes[i + k] = static_cast<unsigned char>((state >> (8 * k)) & 0xFFu);
        }
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0Fu) | 0x40u);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3Fu) | 0x80u);  // RFC 4122 variant
    out.Data1 = (static_cast<std::uint32_t>(bytes[0]) << 24) |
                (static_cast<std::uint32_t>(bytes[1]) << 16) |
                (static_cast<std::uint32_t>(bytes[2]) << 8) | bytes[3];
    out.Data2 = static_cast<unsigned short>((bytes[4] << 8) | bytes[5]);
    out.Data3 = static_cast<unsigned short>((bytes[6] << 8) | bytes[7]);
    for (int i = 0; i < 8; ++i) out.Data4[i] = bytes[8 + i];
}

}  // namespace com
}  // namespace detail

// Makes CoCreateInstance(clsid, ...) call `factory` (replacing an earlier one for clsid).
// (Templates with a defaulted parameter, as the other test-side functions that change state:
// instantiated only in the tests that call them, not in every module translation unit.)
template <class Unused = void>
inline void register_com_class(const CLSID& clsid, ComClassFactory factory) {
    detail::com::Registry& r = detail::com::registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    for (auto& entry : r.classes)
        if (entry.first == clsid) {
            entry.second = std::move(factory);
            return;
        }
    r.classes.emplace_back(clsid, std::move(factory));
}

template <class Unused = void>
inline void unregister_com_class(const CLSID& clsid) {
    detail::com::Registry& r = detail::com::registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    for (auto it = r.classes.begin(); it != r.classes.end(); ++it)
        if (it->first == clsid) {
            r.classes.erase(it);
            return;
        }
}

// How many CoInitialize(Ex) calls of the calling thread are not yet balanced by CoUninitialize.
inline int com_initialize_count() { return detail::com::thread_state().initialized; }

// Blocks from CoTaskMemAlloc/Realloc (StringFromCLSID...) not yet freed with CoTaskMemFree.
inline long co_task_mem_outstanding() { return detail::com::task_memory_blocks().load(); }

// Forgets every registered class and the calling thread's CoInitialize count.
inline void reset_com() {
    {
        detail::com::Registry& r = detail::com::registry();
        std::lock_guard<std::mutex> lock(r.mutex);
        r.classes.clear();
    }
    detail::com::thread_state() = detail::com::ThreadState();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- <guiddef.h>
// ---------------------------------------------------------------------------------
inline int InlineIsEqualGUID(REFGUID rguid1, REFGUID rguid2) {
    return std::memcmp(&rguid1, &rguid2, sizeof(GUID)) == 0 ? 1 : 0;
}
inline int IsEqualGUID(REFGUID rguid1, REFGUID rguid2) { return InlineIsEqualGUID(rguid1, rguid2); }
#ifndef IsEqualIID
#define IsEqualIID(riid1, riid2) IsEqualGUID(riid1, riid2)
#endif
#ifndef IsEqualCLSID
#define IsEqualCLSID(rclsid1, rclsid2) IsEqualGUID(rclsid1, rclsid2)
#endif

// ---- task memory -------------------------------------------------------------------------------
inline LPVOID CoTaskMemAlloc(SIZE_T cb) {
    void* block = std::malloc(cb ? cb : 1);  // a zero-length request still gets a valid pointer
    if (block) ++::iisfake::win32::detail::com::task_memory_blocks();
    return block;
}
inline void CoTaskMemFree(LPVOID pv) {
    if (!pv) return;
    --::iisfake::win32::detail::com::task_memory_blocks();
    std::free(pv);
}
inline LPVOID CoTaskMemRealloc(LPVOID pv, SIZE_T cb) {
    if (!pv) return CoTaskMemAlloc(cb);
    if (cb == 0) {
        CoTaskMemFree(pv);
        return nullptr;
    }
    return std::realloc(pv, cb);  // on failure the old block stays valid and counted
}

// ---- GUID <-> text
// -------------------------------------------------------------------------------
// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}", upper case; returns the characters written with the
// NUL (39), or 0 when cchMax is below 39.
inline int StringFromGUID2(REFGUID rguid, LPOLESTR lpsz, int cchMax) {
    if (!lpsz || cchMax < 39) return 0;
    static const char digits[] = "0123456789ABCDEF";
    int at = 0;
    auto put = [&](std::uint32_t value, int count) {
        for (int shift = 4 * (count - 1); shift >= 0; shift -= 4)
            lpsz[at++] = static_cast<OLECHAR>(digits[(value >> shift) & 0xFu]);
    };
    lpsz[at++] = L'{';
    put(rguid.Data1, 8);
    lpsz[at++] = L'-';
    put(rguid.Data2, 4);
    lpsz[at++] = L'-';
    put(rguid.Data3, 4);
    lpsz[at++] = L'-';
    put(rguid.Data4[0], 2);
    put(rguid.Data4[1], 2);
    lpsz[at++] = L'-';
    for (int i = 2; i < 8; ++i) put(rguid.Data4[i], 2);
    lpsz[at++] = L'}';
    lpsz[at++] = L'\0';
    return at;
}

inline HRESULT StringFromCLSID(REFCLSID rclsid, LPOLESTR* lplpsz) {
    if (!lplpsz) return E_INVALIDARG;
    *lplpsz = static_cast<LPOLESTR>(CoTaskMemAlloc(39 * sizeof(OLECHAR)));
    if (!*lplpsz) return E_OUTOFMEMORY;
    StringFromGUID2(rclsid, *lplpsz, 39);
    return S_OK;
}
inline HRESULT StringFromIID(REFIID rclsid, LPOLESTR* lplpsz) {
    return StringFromCLSID(rclsid, lplpsz);
}

// NULL gives GUID_NULL; the braced form gives its GUID; anything else would be a ProgID, and
// there is no registry to look one up: CO_E_CLASSSTRING.
inline HRESULT CLSIDFromString(LPCOLESTR lpsz, LPCLSID pclsid) {
    if (!pclsid) return E_INVALIDARG;
    if (!lpsz) {
        *pclsid = GUID_NULL;
        return NOERROR;
    }
    return ::iisfake::win32::detail::com::parse_braced(lpsz, *pclsid) ? NOERROR : CO_E_CLASSSTRING;
}
inline HRESULT CLSIDFromProgID(LPCOLESTR lpszProgID, LPCLSID lpclsid) {
    if (!lpszProgID || !lpclsid) return E_INVALIDARG;
    *lpclsid = GUID_NULL;
    return CO_E_CLASSSTRING;  // no ProgID is registered
}
// NULL gives GUID_NULL; only the braced form parses; anything else is E_INVALIDARG.
inline HRESULT IIDFromString(LPCOLESTR lpsz, LPIID lpiid) {
    if (!lpiid) return E_INVALIDARG;
    if (!lpsz) {
        *lpiid = GUID_NULL;
        return S_OK;
    }
    return ::iisfake::win32::detail::com::parse_braced(lpsz, *lpiid) ? S_OK : E_INVALIDARG;
}

// ---- new GUIDs
// ------------------------------------------------------------------------------------- A random
// (version 4) GUID from /dev/urandom.
inline HRESULT CoCreateGuid(GUID* pguid) {
    if (!pguid) return E_INVALIDARG;
    ::iisfake::win32::detail::com::random_guid(*pguid);
    return S_OK;
}
inline RPC_STATUS UuidCreate(UUID* Uuid) {
    if (!Uuid) return 87;  // RPC_S_INVALID_ARG
    ::iisfake::win32::detail::com::random_guid(*Uuid);
    return RPC_S_OK;
}

// ---- initialisation and activation
// ---------------------------------------------------------------
inline HRESULT CoInitializeEx(LPVOID pvReserved, DWORD dwCoInit) {
    if (pvReserved) return E_INVALIDARG;
    ::iisfake::win32::detail::com::ThreadState& state =
        ::iisfake::win32::detail::com::thread_state();
    const DWORD model = dwCoInit & COINIT_APARTMENTTHREADED;
    if (state.initialized > 0) {
        if (state.model != model) return RPC_E_CHANGED_MODE;
        ++state.initialized;
        return S_FALSE;
    }
    state.initialized = 1;
    state.model = model;
    return S_OK;
}
inline HRESULT CoInitialize(LPVOID pvReserved) {
    return CoInitializeEx(pvReserved, COINIT_APARTMENTTHREADED);
}
inline void CoUninitialize() {
    ::iisfake::win32::detail::com::ThreadState& state =
        ::iisfake::win32::detail::com::thread_state();
    if (state.initialized > 0) --state.initialized;
}

// Only classes a test registered (iisfake::win32::register_com_class) exist.
inline HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter, DWORD dwClsContext,
                                REFIID riid, LPVOID* ppv) {
    static_cast<void>(dwClsContext);
    if (!ppv) return E_POINTER;
    *ppv = nullptr;
    ::iisfake::win32::ComClassFactory factory;
    {
        ::iisfake::win32::detail::com::Registry& r = ::iisfake::win32::detail::com::registry();
        std::lock_guard<std::mutex> lock(r.mutex);
        for (const auto& entry : r.classes)
            if (entry.first == rclsid) factory = entry.second;
    }
    if (!factory) return REGDB_E_CLASSNOTREG;
    const HRESULT hr = factory(pUnkOuter, riid, ppv);  // outside the lock: it may re-enter
    if (FAILED(hr)) *ppv = nullptr;
    return hr;
}

#endif  // !_WIN32

#endif
