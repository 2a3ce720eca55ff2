#ifndef IISFAKE_COM_TYPES_HPP_INCLUDED
#define IISFAKE_COM_TYPES_HPP_INCLUDED

// The COM base that <ahadmin.h> stands on, and so what module code that reads its configuration
// uses: IUnknown, BSTR with the OLE string functions, VARIANT with VariantInit/Clear/Copy. On
// Windows the real <oleauto.h> provides them; elsewhere they are declared here with the Windows
// layouts (VARIANT is 24 bytes on x86-64) and implemented over the C library.
//
// A BSTR is length-prefixed as OLE's is: the four bytes before the first character hold the
// byte length, so SysStringLen works and embedded NULs survive. Free it with SysFreeString.

#include "iisfake/sdk/uuid.hpp"
#include "iisfake/win_types.hpp"

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
