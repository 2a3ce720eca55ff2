#ifndef IISFAKE_WIN32_COMDEF_HPP_INCLUDED
#define IISFAKE_WIN32_COMDEF_HPP_INCLUDED

// MSVC's compiler COM support (<comdef.h>, <comutil.h>, <comip.h>) for module code off Windows
// (T-19): __uuidof for types, _com_error and _com_issue_error, _bstr_t, _variant_t, _com_ptr_t
// with _COM_SMARTPTR_TYPEDEF, and the IUnknownPtr/IDispatchPtr/IErrorInfoPtr typedefs
// <comdef.h> brings. The IAppHost*Ptr names are not predefined, as with MSVC: modules write
// _COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement)) themselves.
//
// - __uuidof(T) takes a type (not an expression) that iisfake::interface_id knows: every SDK
//   interface of sdk/uuid.hpp, plus IErrorInfo here. It names the GUID object itself, so
//   &__uuidof(T) is a constant usable as a template argument from C++11 on.
// - _bstr_t converts char text as UTF-8 (the ANSI code page of a UTF-8 system); its
//   operator const char* is a copy cached in the shared data, alive as long as the data.
// - _variant_t(long) and (unsigned long) are VT_I4/VT_UI4 as on Windows, where long is 32 bits;
//   a value that does not fit 32 bits throws _com_error(DISP_E_OVERFLOW). LONG and DWORD are int
//   and unsigned int here, so _variant_t(LONG) is VT_INT and _variant_t(DWORD) VT_UINT.
// - _com_ptr_t::CreateInstance goes through CoCreateInstance (guid.hpp): REGDB_E_CLASSNOTREG
//   unless the test registered the class; a ProgID is never registered (CO_E_CLASSSTRING).
// - Errors go through _com_issue_error, which calls the handler set by _set_com_error_handler,
//   by default _com_raise_error: it throws _com_error (not derived from std::exception, as
//   with MSVC). Replacing _com_raise_error by defining it is not possible here (it is inline);
//   use _set_com_error_handler.

#include "iisfake/com_types.hpp"
#include "iisfake/sdk/uuid.hpp"
#include "iisfake/win32/guid.hpp"
#include "iisfake/win32/variant.hpp"
#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include "iisfake/win32/unicode.hpp"
#include "iisfake/win32/utf8.hpp"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <new>
#include <string>
#include <type_traits>

#if !defined(__uuidof)
#define __uuidof(type) ::iisfake::interface_id<type>::value
#endif

#ifndef FACILITY_ITF
#define FACILITY_ITF 4
#endif
#ifndef FACILITY_DISPATCH
#define FACILITY_DISPATCH 2
#endif

// ---- IErrorInfo (<oaidl.h>): what _com_error reads its description from -------------------------
struct IISFAKE_UUID("1cf2b120-547d-101b-8e65-08002b2bd119") IErrorInfo : public IUnknown {
public:
    virtual HRESULT STDMETHODCALLTYPE GetGUID(GUID* pGUID) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetSource(BSTR* pBstrSource) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetDescription(BSTR* pBstrDescription) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpFile(BSTR* pBstrHelpFile) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetHelpContext(DWORD* pdwHelpContext) = 0;

protected:
    ~IErrorInfo() = default;
};

IISFAKE_BEGIN_NAMESPACE
template <>
struct interface_id<IErrorInfo> : detail::guid_constant<0x1cf2b120, 0x547d, 0x101b, 0x8e, 0x65,
                                                        0x08, 0x00, 0x2b, 0x2b, 0xd1, 0x19> {};
template <>
struct interface_id<IDispatch> : detail::guid_constant<0x00020400, 0x0000, 0x0000, 0xc0, 0x00, 0x00,
                                                       0x00, 0x00, 0x00, 0x00, 0x46> {};
IISFAKE_END_NAMESPACE

class _com_error;
class _bstr_t;
class _variant_t;

// ---- error handling
// --------------------------------------------------------------------------------
IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace com {
typedef void(__stdcall* ErrorHandler)(HRESULT hr, IErrorInfo* perrinfo);
inline std::atomic<ErrorHandler>& error_handler() {
    static std::atomic<ErrorHandler> handler{nullptr};
    return handler;
}

// UTF-8 <-> WCHAR (UTF-32 here) through the one codec of win32/utf8.hpp: invalid UTF-8 and
// WCHARs that are no scalar value become U+FFFD, as WideCharToMultiByte does.
inline std::basic_string<WCHAR> utf8_to_wide(const char* text, std::size_t length) {
    return ::iisfake::win32::detail::u8_to_wide(text, length);
}
inline std::string wide_to_utf8(const WCHAR* text, std::size_t length) {
    return ::iisfake::win32::detail::u8_from_wide(text, length);
}

// FormatMessage's text for the codes module code meets; nullptr for others.
inline const char* system_message(HRESULT hr) {
    switch (static_cast<std::uint32_t>(hr)) {
        case 0x00000000u:
            return "The operation completed successfully.";
        case 0x80004001u:
            return "Not implemented";
        case 0x80004002u:
            return "No such interface supported";
        case 0x80004003u:
            return "Invalid pointer";
        case 0x80004004u:
            return "Operation aborted";
        case 0x80004005u:
            return "Unspecified error";
        case 0x8000FFFFu:
            return "Catastrophic failure";
        case 0x80070002u:
            return "The system cannot find the file specified.";
        case 0x80070005u:
            return "Access is denied.";
        case 0x80070006u:
            return "The handle is invalid.";
        case 0x8007000Eu:
            return "Not enough memory resources are available to complete this operation.";
        case 0x80070057u:
            return "The parameter is incorrect.";
        case 0x8007007Au:
            return "The data area passed to a system call is too small.";
        case 0x80070490u:
            return "Element not found.";
        case 0x80020005u:
            return "Type mismatch.";
        case 0x80020008u:
            return "Bad variable type.";
        case 0x8002000Au:
            return "Out of present range.";
        case 0x80040154u:
            return "Class not registered";
        case 0x800401F0u:
            return "CoInitialize has not been called.";
        case 0x800401F3u:
            return "Invalid class string";
        default:
            return nullptr;
    }
}
}  // namespace com
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

// Raises err: the default handler of _com_issue_error. Throws _com_error(hr, perrinfo).
inline void __stdcall _com_raise_error(HRESULT hr, IErrorInfo* perrinfo = nullptr);

inline void __stdcall _set_com_error_handler(void(__stdcall* pHandler)(HRESULT hr,
                                                                       IErrorInfo* perrinfo)) {
    ::iisfake::win32::detail::com::error_handler().store(pHandler);
}

inline void __stdcall _com_issue_error(HRESULT hr) {
    if (auto handler = ::iisfake::win32::detail::com::error_handler().load())
        handler(hr, nullptr);
    else
        _com_raise_error(hr, nullptr);
}
inline void __stdcall _com_issue_errorex(HRESULT hr, IUnknown* punk, REFIID riid) {
    static_cast<void>(punk);  // ISupportErrorInfo is not modelled: no IErrorInfo is fetched
    static_cast<void>(riid);
    _com_issue_error(hr);
}

namespace _com_util {
inline void CheckError(HRESULT hr) {
    if (FAILED(hr)) _com_issue_error(hr);
}
// UTF-8 to a new BSTR (NULL for NULL).
inline BSTR __stdcall ConvertStringToBSTR(const char* pSrc) {
    if (!pSrc) return nullptr;
    const auto wide = ::iisfake::win32::detail::com::utf8_to_wide(pSrc, std::strlen(pSrc));
    BSTR out = SysAllocStringLen(wide.data(), static_cast<UINT>(wide.size()));
    if (!out) _com_issue_error(E_OUTOFMEMORY);
    return out;
}
// A BSTR to a new[]'ed UTF-8 string (NULL for NULL); the caller delete[]s it.
inline char* __stdcall ConvertBSTRToString(BSTR pSrc) {
    if (!pSrc) return nullptr;
    const std::string narrow =
        ::iisfake::win32::detail::com::wide_to_utf8(pSrc, SysStringLen(pSrc));
    char* out = new (std::nothrow) char[narrow.size() + 1];
    if (!out) {
        _com_issue_error(E_OUTOFMEMORY);
        return nullptr;
    }
    std::memcpy(out, narrow.c_str(), narrow.size() + 1);
    return out;
}
}  // namespace _com_util

// ---- _bstr_t
// -------------------------------------------------------------------------------------
class _bstr_t {
public:
    _bstr_t() noexcept : m_Data(nullptr) {}
    _bstr_t(const _bstr_t& s) noexcept : m_Data(s.m_Data) { _AddRef(); }
    _bstr_t(_bstr_t&& s) noexcept : m_Data(s.m_Data) { s.m_Data = nullptr; }
    _bstr_t(const char* s) : m_Data(new_data(_com_util::ConvertStringToBSTR(s))) {}
    _bstr_t(const wchar_t* s)
        : m_Data(new_data(copy_of(s, s ? std::wcslen(s) : 0, s != nullptr))) {}
    _bstr_t(const _variant_t& var);
    _bstr_t(BSTR bstr, bool fCopy)
        : m_Data(new_data(fCopy ? copy_of(bstr, SysStringLen(bstr), bstr != nullptr) : bstr)) {}
    ~_bstr_t() { _Free(); }

    _bstr_t& operator=(const _bstr_t& s) noexcept {
        if (this != &s) {
            _Free();
            m_Data = s.m_Data;
            _AddRef();
        }
        return *this;
    }
    _bstr_t& operator=(_bstr_t&& s) noexcept {
        if (this != &s) {
            _Free();
            m_Data = s.m_Data;
            s.m_Data = nullptr;
        }
        return *this;
    }
    _bstr_t& operator=(const char* s) { return *this = _bstr_t(s); }
    _bstr_t& operator=(const wchar_t* s) { return *this = _bstr_t(s); }
    _bstr_t& operator=(const _variant_t& var);

    _bstr_t& operator+=(const _bstr_t& s) { return *this = *this + s; }
    _bstr_t operator+(const _bstr_t& s) const {
        const UINT l1 = length(), l2 = s.length();
        BSTR both = SysAllocStringLen(nullptr, l1 + l2);
        if (!both) _com_issue_error(E_OUTOFMEMORY);
        if (l1) std::wmemcpy(both, m_Data->wstr, l1);
        if (l2) std::wmemcpy(both + l1, s.m_Data->wstr, l2);
        return _bstr_t(both, false);
    }
    friend _bstr_t operator+(const char* s1, const _bstr_t& s2) { return _bstr_t(s1) + s2; }
    friend _bstr_t operator+(const wchar_t* s1, const _bstr_t& s2) { return _bstr_t(s1) + s2; }

    operator const wchar_t*() const noexcept { return m_Data ? m_Data->wstr : nullptr; }
    operator wchar_t*() const noexcept { return m_Data ? m_Data->wstr : nullptr; }
    operator const char*() const { return narrow(); }
    operator char*() const { return narrow(); }

    bool operator!() const noexcept { return m_Data ? !m_Data->wstr : true; }
    bool operator==(const _bstr_t& s) const noexcept { return _Compare(s) == 0; }
    bool operator!=(const _bstr_t& s) const noexcept { return _Compare(s) != 0; }
    bool operator<(const _bstr_t& s) const noexcept { return _Compare(s) < 0; }
    bool operator>(const _bstr_t& s) const noexcept { return _Compare(s) > 0; }
    bool operator<=(const _bstr_t& s) const noexcept { return _Compare(s) <= 0; }
    bool operator>=(const _bstr_t& s) const noexcept { return _Compare(s) >= 0; }

    // A new BSTR the caller frees (fCopy), or the wrapped one itself.
    BSTR copy(bool fCopy = true) const {
        if (!m_Data || !m_Data->wstr) return nullptr;
        if (!fCopy) return m_Data->wstr;
        BSTR out = SysAllocStringLen(m_Data->wstr, SysStringLen(m_Data->wstr));
        if (!out) _com_issue_error(E_OUTOFMEMORY);
        return out;
    }
    unsigned int length() const noexcept { return m_Data ? SysStringLen(m_Data->wstr) : 0; }

    // Copies s into this object's own data (shared data is left to the other owners).
    void Assign(BSTR s) {
        BSTR fresh = copy_of(s, SysStringLen(s), s != nullptr);
        if (m_Data && m_Data->refs.load() == 1) {
            SysFreeString(m_Data->wstr);
            m_Data->wstr = fresh;
            m_Data->drop_narrow();
        } else {
            _Free();
            m_Data = new_data(fresh);
        }
    }
    BSTR& GetBSTR() {
        if (!m_Data) m_Data = new_data(nullptr);
        return m_Data->wstr;
    }
    // Frees the current string and returns the address of a NULL BSTR, for an [out] parameter.
    BSTR* GetAddress() {
        Attach(nullptr);
        return &m_Data->wstr;
    }
    void Attach(BSTR s) {
        _Free();
        m_Data = new_data(s);
    }
    // Hands the BSTR to the caller; E_POINTER (through _com_issue_error) when empty or shared.
    BSTR Detach() {
        if (m_Data && m_Data->refs.load() == 1) {
            BSTR out = m_Data->wstr;
            m_Data->wstr = nullptr;
            _Free();
            return out;
        }
        _com_issue_error(E_POINTER);
        return nullptr;
    }

private:
    struct Data_t {
        BSTR wstr;
        char* str = nullptr;  // the cached narrow copy
        std::atomic<long> refs{1};
        explicit Data_t(BSTR s) noexcept : wstr(s) {}
        void drop_narrow() noexcept {
            delete[] str;
            str = nullptr;
        }
        ~Data_t() {
            drop_narrow();
            SysFreeString(wstr);
        }
    };

    static BSTR copy_of(const OLECHAR* s, std::size_t length, bool present) {
        if (!present) return nullptr;
        BSTR out = SysAllocStringLen(s, static_cast<UINT>(length));
        if (!out) _com_issue_error(E_OUTOFMEMORY);
        return out;
    }
    static Data_t* new_data(BSTR s) {
        Data_t* data = new (std::nothrow) Data_t(s);
        if (!data) {
            SysFreeString(s);
            _com_issue_error(E_OUTOFMEMORY);
        }
        return data;
    }
    char* narrow() const {
        if (!m_Data) return nullptr;
        if (!m_Data->str) m_Data->str = _com_util::ConvertBSTRToString(m_Data->wstr);
        return m_Data->str;
    }
    void _AddRef() noexcept {
        if (m_Data) ++m_Data->refs;
    }
    void _Free() noexcept {
        if (m_Data && --m_Data->refs == 0) delete m_Data;
        m_Data = nullptr;
    }
    int _Compare(const _bstr_t& s) const noexcept {
        if (m_Data == s.m_Data) return 0;
        const UINT l1 = length(), l2 = s.length();
        const UINT n = l1 < l2 ? l1 : l2;
        for (UINT i = 0; i < n; ++i) {
            const wchar_t a = m_Data->wstr[i], b = s.m_Data->wstr[i];
            if (a != b) return a < b ? -1 : 1;
        }
        return l1 == l2 ? 0 : (l1 < l2 ? -1 : 1);
    }

    Data_t* m_Data;
};

// ---- _com_error
// ----------------------------------------------------------------------------------
class _com_error {
public:
    explicit _com_error(HRESULT hr, IErrorInfo* perrinfo = nullptr, bool fAddRef = false) noexcept
        : m_hresult(hr), m_perrinfo(perrinfo) {
        if (m_perrinfo && fAddRef) m_perrinfo->AddRef();
    }
    _com_error(const _com_error& that) noexcept
        : m_hresult(that.m_hresult), m_perrinfo(that.m_perrinfo) {
        if (m_perrinfo) m_perrinfo->AddRef();
    }
    virtual ~_com_error() {
        if (m_perrinfo) m_perrinfo->Release();
    }
    _com_error& operator=(const _com_error& that) noexcept {
        if (this != &that) {
            if (that.m_perrinfo) that.m_perrinfo->AddRef();
            if (m_perrinfo) m_perrinfo->Release();
            m_hresult = that.m_hresult;
            m_perrinfo = that.m_perrinfo;
            m_message.clear();
        }
        return *this;
    }

    HRESULT Error() const noexcept { return m_hresult; }
    WORD WCode() const noexcept { return HRESULTToWCode(m_hresult); }
    // AddRef'ed, as MSVC's: the caller releases it.
    IErrorInfo* ErrorInfo() const noexcept {
        if (m_perrinfo) m_perrinfo->AddRef();
        return m_perrinfo;
    }
    _bstr_t Description() const { return info_text(&IErrorInfo::GetDescription); }
    _bstr_t Source() const { return info_text(&IErrorInfo::GetSource); }
    _bstr_t HelpFile() const { return info_text(&IErrorInfo::GetHelpFile); }
    DWORD HelpContext() const noexcept {
        DWORD context = 0;
        if (m_perrinfo) m_perrinfo->GetHelpContext(&context);
        return context;
    }
    ::GUID GUID() const noexcept {
        ::GUID id = GUID_NULL;
        if (m_perrinfo) m_perrinfo->GetGUID(&id);
        return id;
    }
    // The system's text for the HRESULT, "IDispatch error #n" for a WCode, else
    // "Unknown error 0x8XXXXXXX"; alive as long as this object.
    const TCHAR* ErrorMessage() const {
        if (m_message.empty()) {
            char text[64];
            const char* known = ::iisfake::win32::detail::com::system_message(m_hresult);
            if (WCode() != 0)
                std::snprintf(text, sizeof text, "IDispatch error #%d", static_cast<int>(WCode()));
            else if (!known)
                std::snprintf(text, sizeof text, "Unknown error 0x%0X",
                              static_cast<unsigned>(m_hresult));
            const char* chosen = (WCode() == 0 && known) ? known : text;
            m_message.assign(chosen, chosen + std::strlen(chosen));  // ASCII either way
        }
        return m_message.c_str();
    }

    static HRESULT WCodeToHRESULT(WORD wCode) noexcept {
        return wCode >= 0xFE00 ? static_cast<HRESULT>(0x8004FFFFu)
                               : static_cast<HRESULT>(0x80040200u + wCode);
    }
    static WORD HRESULTToWCode(HRESULT hr) noexcept {
        const auto code = static_cast<std::uint32_t>(hr);
        return code >= 0x80040200u && code <= 0x8004FFFFu ? static_cast<WORD>(code - 0x80040200u)
                                                          : static_cast<WORD>(0);
    }

private:
    _bstr_t info_text(HRESULT (STDMETHODCALLTYPE IErrorInfo::*get)(BSTR*)) const {
        BSTR text = nullptr;
        if (m_perrinfo && FAILED((m_perrinfo->*get)(&text))) text = nullptr;
        return _bstr_t(text, false);
    }

    HRESULT m_hresult;
    IErrorInfo* m_perrinfo;
    mutable std::basic_string<TCHAR> m_message;
};

inline void __stdcall _com_raise_error(HRESULT hr, IErrorInfo* perrinfo) {
    throw _com_error(hr, perrinfo);
}

// ---- _variant_t
// ----------------------------------------------------------------------------------
class _variant_t : public ::tagVARIANT {
public:
    _variant_t() noexcept { VariantInit(this); }
    _variant_t(const VARIANT& varSrc) {
        VariantInit(this);
        _com_util::CheckError(VariantCopy(this, &varSrc));
    }
    _variant_t(const VARIANT* pSrc) {
        VariantInit(this);
        if (!pSrc) {
            _com_issue_error(E_POINTER);
            return;
        }
        _com_util::CheckError(VariantCopy(this, pSrc));
    }
    _variant_t(const _variant_t& varSrc) : _variant_t(static_cast<const VARIANT&>(varSrc)) {}
    _variant_t(_variant_t&& varSrc) noexcept : ::tagVARIANT(varSrc) { varSrc.vt = VT_EMPTY; }
    // fCopy false takes varSrc's contents and leaves it VT_EMPTY.
    _variant_t(VARIANT& varSrc, bool fCopy) {
        VariantInit(this);
        if (fCopy) {
            _com_util::CheckError(VariantCopy(this, &varSrc));
        } else {
            static_cast<VARIANT&>(*this) = varSrc;
            varSrc.vt = VT_EMPTY;
        }
    }
    _variant_t(short sSrc, VARTYPE vtSrc = VT_I2) {
        VariantInit(this);
        if (vtSrc == VT_BOOL) {
            vt = VT_BOOL;
            boolVal = sSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else if (vtSrc == VT_I2) {
            vt = VT_I2;
            iVal = sSrc;
        } else {
            _com_issue_error(E_INVALIDARG);
        }
    }
    _variant_t(long lSrc, VARTYPE vtSrc = VT_I4) {
        VariantInit(this);
        if (vtSrc != VT_I4 && vtSrc != VT_ERROR && vtSrc != VT_BOOL) {
            _com_issue_error(E_INVALIDARG);
            return;
        }
        if (vtSrc == VT_BOOL) {
            vt = VT_BOOL;
            boolVal = lSrc ? VARIANT_TRUE : VARIANT_FALSE;
            return;
        }
        const LONG value = fit_long(lSrc);
        vt = vtSrc;
        if (vtSrc == VT_ERROR)
            scode = value;
        else
            lVal = value;
    }
    _variant_t(float fltSrc) noexcept {
        vt = VT_R4;
        fltVal = fltSrc;
    }
    _variant_t(double dblSrc, VARTYPE vtSrc = VT_R8) {
        VariantInit(this);
        if (vtSrc != VT_R8 && vtSrc != VT_DATE) {
            _com_issue_error(E_INVALIDARG);
            return;
        }
        vt = vtSrc;
        if (vtSrc == VT_DATE)
            date = dblSrc;
        else
            dblVal = dblSrc;
    }
    _variant_t(const CY& cySrc) noexcept {
        vt = VT_CY;
        cyVal = cySrc;
    }
    _variant_t(const _bstr_t& bstrSrc) {
        VariantInit(this);
        const wchar_t* text = bstrSrc;
        BSTR copy = nullptr;
        if (text) {
            copy = SysAllocStringLen(text, bstrSrc.length());
            if (!copy) _com_issue_error(E_OUTOFMEMORY);
        }
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(const wchar_t* pSrc) {
        VariantInit(this);
        BSTR copy = SysAllocString(pSrc);
        if (pSrc && !copy) _com_issue_error(E_OUTOFMEMORY);
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(const char* pSrc) {
        VariantInit(this);
        BSTR copy = _com_util::ConvertStringToBSTR(pSrc);
        vt = VT_BSTR;
        bstrVal = copy;
    }
    _variant_t(IDispatch* pSrc, bool fAddRef = true) noexcept {
        vt = VT_DISPATCH;
        pdispVal = pSrc;
        if (pSrc && fAddRef) reinterpret_cast<IUnknown*>(pSrc)->AddRef();
    }
    _variant_t(bool boolSrc) noexcept {
        vt = VT_BOOL;
        boolVal = boolSrc ? VARIANT_TRUE : VARIANT_FALSE;
    }
    _variant_t(IUnknown* pSrc, bool fAddRef = true) noexcept {
        vt = VT_UNKNOWN;
        punkVal = pSrc;
        if (pSrc && fAddRef) pSrc->AddRef();
    }
    _variant_t(BYTE bSrc) noexcept {
        vt = VT_UI1;
        bVal = bSrc;
    }
    _variant_t(char cSrc) noexcept {
        vt = VT_I1;
        cVal = cSrc;
    }
    _variant_t(unsigned short usSrc) noexcept {
        vt = VT_UI2;
        uiVal = usSrc;
    }
    _variant_t(unsigned long ulSrc) {
        VariantInit(this);
        if (ulSrc > 0xFFFFFFFFul) _com_issue_error(DISP_E_OVERFLOW);
        vt = VT_UI4;
        ulVal = static_cast<ULONG>(ulSrc);
    }
    _variant_t(int iSrc) noexcept {
        vt = VT_INT;
        intVal = iSrc;
    }
    _variant_t(unsigned int uiSrc) noexcept {
        vt = VT_UINT;
        uintVal = uiSrc;
    }
    _variant_t(long long i8Src) noexcept {
        vt = VT_I8;
        llVal = i8Src;
    }
    _variant_t(unsigned long long ui8Src) noexcept {
        vt = VT_UI8;
        ullVal = ui8Src;
    }
    ~_variant_t() { VariantClear(this); }

    // ---- extraction: the value converted with VariantChangeType; failures throw _com_error --
    operator short() const { return extract(VT_I2).iVal; }
    operator long() const { return extract(VT_I4).lVal; }
    operator float() const { return extract(VT_R4).fltVal; }
    operator double() const { return extract(VT_R8).dblVal; }
    operator CY() const { return extract(VT_CY).cyVal; }
    operator bool() const { return extract(VT_BOOL).boolVal != VARIANT_FALSE; }
    operator BYTE() const { return extract(VT_UI1).bVal; }
    operator char() const { return extract(VT_I1).cVal; }
    operator unsigned short() const { return extract(VT_UI2).uiVal; }
    operator unsigned long() const { return extract(VT_UI4).ulVal; }
    operator int() const { return extract(VT_INT).intVal; }
    operator unsigned int() const { return extract(VT_UINT).uintVal; }
    operator long long() const { return extract(VT_I8).llVal; }
    operator unsigned long long() const { return extract(VT_UI8).ullVal; }
    // No operator _bstr_t: _bstr_t(const _variant_t&) converts (with both, `_bstr_t b = v;` is
    // ambiguous in standard C++).
private:
    friend class _bstr_t;
    BSTR text_copy() const {
        if (vt == VT_BSTR) {
            if (!bstrVal) return nullptr;
            BSTR out = SysAllocStringLen(bstrVal, SysStringLen(bstrVal));
            if (!out) _com_issue_error(E_OUTOFMEMORY);
            return out;
        }
        _variant_t converted = extract(VT_BSTR);
        BSTR out = converted.bstrVal;
        converted.vt = VT_EMPTY;
        return out;
    }

public:
    // AddRef'ed, as MSVC's.
    operator IUnknown*() const {
        _variant_t converted = extract(VT_UNKNOWN);
        IUnknown* out = converted.punkVal;
        converted.vt = VT_EMPTY;  // the reference goes to the caller
        return out;
    }

    // ---- assignment (MSVC keeps VT_BOOL/VT_ERROR for long, VT_BOOL for short, VT_DATE for
    // double when the variant already holds that type) -------------------------------------------
    _variant_t& operator=(const _variant_t& varSrc) {
        _com_util::CheckError(VariantCopy(this, &varSrc));
        return *this;
    }
    _variant_t& operator=(_variant_t&& varSrc) noexcept {
        if (this != &varSrc) {
            VariantClear(this);
            static_cast<VARIANT&>(*this) = varSrc;
            varSrc.vt = VT_EMPTY;
        }
        return *this;
    }
    _variant_t& operator=(const VARIANT& varSrc) {
        _com_util::CheckError(VariantCopy(this, &varSrc));
        return *this;
    }
    _variant_t& operator=(const VARIANT* pSrc) {
        if (!pSrc) {
            _com_issue_error(E_POINTER);
            return *this;
        }
        return *this = *pSrc;
    }
    _variant_t& operator=(short sSrc) {
        if (vt == VT_BOOL) {
            boolVal = sSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else {
            Clear();
            vt = VT_I2;
            iVal = sSrc;
        }
        return *this;
    }
    _variant_t& operator=(long lSrc) {
        if (vt == VT_BOOL) {
            boolVal = lSrc ? VARIANT_TRUE : VARIANT_FALSE;
        } else if (vt == VT_ERROR) {
            scode = fit_long(lSrc);
        } else {
            const LONG value = fit_long(lSrc);
            Clear();
            vt = VT_I4;
            lVal = value;
        }
        return *this;
    }
    _variant_t& operator=(double dblSrc) {
        if (vt == VT_DATE) {
            date = dblSrc;
        } else {
            Clear();
            vt = VT_R8;
            dblVal = dblSrc;
        }
        return *this;
    }
    template <class T>
    _variant_t& operator=(const T& value) {  // every other constructor's type
        return *this = _variant_t(value);
    }

    // Same-type overloads: with only the VARIANT ones, C++20's reversed candidates tie.
    bool operator==(const _variant_t& varSrc) const { return equals(&varSrc); }
    bool operator!=(const _variant_t& varSrc) const { return !equals(&varSrc); }
    bool operator==(const VARIANT& varSrc) const { return equals(&varSrc); }
    bool operator==(const VARIANT* pSrc) const { return equals(pSrc); }
    bool operator!=(const VARIANT& varSrc) const { return !equals(&varSrc); }
    bool operator!=(const VARIANT* pSrc) const { return !equals(pSrc); }

    void Clear() { _com_util::CheckError(VariantClear(this)); }
    void Attach(VARIANT& varSrc) {
        Clear();
        static_cast<VARIANT&>(*this) = varSrc;
        varSrc.vt = VT_EMPTY;
    }
    VARIANT Detach() noexcept {
        VARIANT out = *this;
        vt = VT_EMPTY;
        return out;
    }
    VARIANT& GetVARIANT() noexcept { return *this; }
    VARIANT* GetAddress() {
        Clear();
        return this;
    }
    // Converts pSrc (or this variant) to vartype in place; failures throw _com_error(hr).
    void ChangeType(VARTYPE vartype, const _variant_t* pSrc = nullptr) {
        if (!pSrc) pSrc = this;
        if (pSrc != this || vartype != vt)
            _com_util::CheckError(VariantChangeType(this, pSrc, 0, vartype));
    }
    void SetString(const char* pSrc) { *this = _variant_t(pSrc); }

private:
    static LONG fit_long(long value) {
        if (value < -2147483647L - 1 || value > 2147483647L) _com_issue_error(DISP_E_OVERFLOW);
        return static_cast<LONG>(value);
    }
    _variant_t extract(VARTYPE type) const {
        _variant_t out;
        _com_util::CheckError(VariantChangeType(&out, this, 0, type));
        return out;
    }
    bool equals(const VARIANT* pSrc) const {
        if (!pSrc) return false;
        if (pSrc == this) return true;
        if (vt != pSrc->vt) return false;
        switch (vt) {
            case VT_EMPTY:
            case VT_NULL:
                return true;
            case VT_I2:
                return iVal == pSrc->iVal;
            case VT_I4:
                return lVal == pSrc->lVal;
            case VT_R4:
                return std::memcmp(&fltVal, &pSrc->fltVal, sizeof fltVal) == 0;
            case VT_R8:
                return std::memcmp(&dblVal, &pSrc->dblVal, sizeof dblVal) == 0;
            case VT_CY:
                return cyVal.int64 == pSrc->cyVal.int64;
            case VT_DATE:
                return std::memcmp(&date, &pSrc->date, sizeof date) == 0;
            case VT_BSTR:
                return SysStringByteLen(bstrVal) == SysStringByteLen(pSrc->bstrVal) &&
                       (SysStringByteLen(bstrVal) == 0 ||
                        std::memcmp(bstrVal, pSrc->bstrVal, SysStringByteLen(bstrVal)) == 0);
            case VT_BOOL:
                return boolVal == pSrc->boolVal;
            case VT_UNKNOWN:
                return punkVal == pSrc->punkVal;
            case VT_DISPATCH:
                return pdispVal == pSrc->pdispVal;
            case VT_ERROR:
                return scode == pSrc->scode;
            case VT_I1:
                return cVal == pSrc->cVal;
            case VT_UI1:
                return bVal == pSrc->bVal;
            case VT_UI2:
                return uiVal == pSrc->uiVal;
            case VT_UI4:
                return ulVal == pSrc->ulVal;
            case VT_I8:
                return llVal == pSrc->llVal;
            case VT_UI8:
                return ullVal == pSrc->ullVal;
            case VT_INT:
                return intVal == pSrc->intVal;
            case VT_UINT:
                return uintVal == pSrc->uintVal;
            default:
                _com_issue_error(E_INVALIDARG);
                return false;
        }
    }
};

inline _bstr_t::_bstr_t(const _variant_t& var) : m_Data(nullptr) {
    m_Data = new_data(var.text_copy());
}
inline _bstr_t& _bstr_t::operator=(const _variant_t& var) { return *this = _bstr_t(var); }

// ---- _com_ptr_t
// ----------------------------------------------------------------------------------
template <typename _Interface, const IID* _IID>
class _com_IIID {
public:
    typedef _Interface Interface;
    static _Interface* GetInterfacePtr() noexcept { return nullptr; }
    static _Interface& GetInterface() noexcept { return *GetInterfacePtr(); }
    static const IID& GetIID() noexcept { return *_IID; }
};

template <typename _IIID>
class _com_ptr_t {
public:
    typedef _IIID ThisIIID;
    typedef typename _IIID::Interface Interface;

    static const IID& GetIID() noexcept { return ThisIIID::GetIID(); }

    _com_ptr_t() noexcept : m_pInterface(nullptr) {}
    _com_ptr_t(decltype(nullptr)) noexcept : m_pInterface(nullptr) {}
    // Only 0 (NULL) is allowed, as with MSVC: anything else is E_POINTER. A template so that
    // g++'s NULL (__null, a long) matches exactly instead of being ambiguous.
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    _com_ptr_t(_Int null) : m_pInterface(nullptr) {
        if (null != 0) _com_issue_error(E_POINTER);
    }
    _com_ptr_t(Interface* pInterface) noexcept : m_pInterface(pInterface) { _AddRef(); }
    _com_ptr_t(Interface* pInterface, bool fAddRef) noexcept : m_pInterface(pInterface) {
        if (fAddRef) _AddRef();
    }
    _com_ptr_t(const _com_ptr_t& cp) noexcept : m_pInterface(cp.m_pInterface) { _AddRef(); }
    _com_ptr_t(_com_ptr_t&& cp) noexcept : m_pInterface(cp.m_pInterface) {
        cp.m_pInterface = nullptr;
    }
    // QueryInterface for this interface; NULL when the object lacks it (E_NOINTERFACE).
    template <typename _OtherIID>
    _com_ptr_t(const _com_ptr_t<_OtherIID>& p) : m_pInterface(nullptr) {
        query(p.GetInterfacePtr());
    }
    template <typename _InterfaceType>
    _com_ptr_t(_InterfaceType* p) : m_pInterface(nullptr) {
        query(p);
    }
    _com_ptr_t(const _variant_t& varSrc) : m_pInterface(nullptr) {
        if (varSrc.vt == VT_UNKNOWN || varSrc.vt == VT_DISPATCH) {
            query(varSrc.punkVal);
        } else {
            _com_issue_error(DISP_E_TYPEMISMATCH);
        }
    }
    explicit _com_ptr_t(const CLSID& clsid, IUnknown* pOuter = nullptr,
                        DWORD dwClsContext = CLSCTX_ALL)
        : m_pInterface(nullptr) {
        const HRESULT hr = CreateInstance(clsid, pOuter, dwClsContext);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    explicit _com_ptr_t(LPCWSTR str, IUnknown* pOuter = nullptr, DWORD dwClsContext = CLSCTX_ALL)
        : m_pInterface(nullptr) {
        const HRESULT hr = CreateInstance(str, pOuter, dwClsContext);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    ~_com_ptr_t() { _Release(); }

    _com_ptr_t& operator=(Interface* pInterface) noexcept {
        if (m_pInterface != pInterface) {
            Interface* old = m_pInterface;
            m_pInterface = pInterface;
            _AddRef();
            if (old) old->Release();
        }
        return *this;
    }
    _com_ptr_t& operator=(const _com_ptr_t& cp) noexcept { return *this = cp.m_pInterface; }
    _com_ptr_t& operator=(_com_ptr_t&& cp) noexcept {
        if (this != &cp) {
            _Release();
            m_pInterface = cp.m_pInterface;
            cp.m_pInterface = nullptr;
        }
        return *this;
    }
    template <typename _OtherIID>
    _com_ptr_t& operator=(const _com_ptr_t<_OtherIID>& p) {
        query(p.GetInterfacePtr());
        return *this;
    }
    template <typename _InterfaceType>
    _com_ptr_t& operator=(_InterfaceType* p) {
        query(p);
        return *this;
    }
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    _com_ptr_t& operator=(_Int null) {
        if (null != 0) {
            _com_issue_error(E_POINTER);
            return *this;
        }
        return *this = static_cast<Interface*>(nullptr);
    }
    _com_ptr_t& operator=(decltype(nullptr)) noexcept {
        return *this = static_cast<Interface*>(nullptr);
    }

    void Attach(Interface* pInterface) noexcept {
        _Release();
        m_pInterface = pInterface;
    }
    void Attach(Interface* pInterface, bool fAddRef) noexcept {
        _Release();
        m_pInterface = pInterface;
        if (fAddRef) _AddRef();
    }
    Interface* Detach() noexcept {
        Interface* out = m_pInterface;
        m_pInterface = nullptr;
        return out;
    }

    operator Interface*() const noexcept { return m_pInterface; }
    operator Interface&() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return *m_pInterface;
    }
    Interface& operator*() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return *m_pInterface;
    }
    // Releases the current interface and returns the address for an [out] parameter.
    Interface** operator&() noexcept {
        _Release();
        m_pInterface = nullptr;
        return &m_pInterface;
    }
    Interface* operator->() const {
        if (!m_pInterface) _com_issue_error(E_POINTER);
        return m_pInterface;
    }
    explicit operator bool() const noexcept { return m_pInterface != nullptr; }
    bool operator!() const noexcept { return m_pInterface == nullptr; }

    template <typename _OtherIID>
    bool operator==(const _com_ptr_t<_OtherIID>& p) const {
        return _CompareUnk(p.GetInterfacePtr()) == 0;
    }
    template <typename _InterfaceType>
    bool operator==(_InterfaceType* p) const {
        return _CompareUnk(p) == 0;
    }
    bool operator==(Interface* p) const { return m_pInterface == p || _CompareUnk(p) == 0; }
    bool operator==(const _com_ptr_t& p) const { return *this == p.m_pInterface; }
    bool operator==(decltype(nullptr)) const noexcept { return m_pInterface == nullptr; }
    template <typename _Int,
              typename = typename std::enable_if<std::is_integral<_Int>::value>::type>
    bool operator==(_Int null) const {
        if (null != 0) _com_issue_error(E_POINTER);
        return m_pInterface == nullptr;
    }
    template <typename T>
    bool operator!=(const T& p) const {
        return !(*this == p);
    }
    template <typename T>
    bool operator!=(T* p) const {
        return !(*this == p);
    }
    bool operator!=(decltype(nullptr)) const noexcept { return m_pInterface != nullptr; }

    // Throws E_POINTER when NULL, as MSVC's.
    void AddRef() {
        if (!m_pInterface)
            _com_issue_error(E_POINTER);
        else
            m_pInterface->AddRef();
    }
    void Release() {
        if (!m_pInterface) {
            _com_issue_error(E_POINTER);
        } else {
            m_pInterface->Release();
            m_pInterface = nullptr;
        }
    }

    Interface* GetInterfacePtr() const noexcept { return m_pInterface; }
    Interface*& GetInterfacePtr() noexcept { return m_pInterface; }

    HRESULT CreateInstance(const CLSID& rclsid, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        _Release();
        m_pInterface = nullptr;
        void* created = nullptr;
        const HRESULT hr = CoCreateInstance(rclsid, pOuter, dwClsContext, GetIID(), &created);
        if (SUCCEEDED(hr)) m_pInterface = static_cast<Interface*>(created);
        return hr;
    }
    // "{...}" is a CLSID; anything else a ProgID, which no registry here knows.
    HRESULT CreateInstance(LPCWSTR clsidString, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        if (!clsidString) return E_INVALIDARG;
        CLSID clsid;
        const HRESULT hr = clsidString[0] == L'{' ? CLSIDFromString(clsidString, &clsid)
                                                  : CLSIDFromProgID(clsidString, &clsid);
        if (FAILED(hr)) return hr;
        return CreateInstance(clsid, pOuter, dwClsContext);
    }
    HRESULT CreateInstance(LPCSTR clsidStringA, IUnknown* pOuter = nullptr,
                           DWORD dwClsContext = CLSCTX_ALL) {
        if (!clsidStringA) return E_INVALIDARG;
        const _bstr_t wide(clsidStringA);
        return CreateInstance(static_cast<LPCWSTR>(wide), pOuter, dwClsContext);
    }

    template <typename _InterfaceType>
    HRESULT QueryInterface(const IID& iid, _InterfaceType*& p) {
        if (!m_pInterface) return E_POINTER;
        return m_pInterface->QueryInterface(iid, reinterpret_cast<void**>(&p));
    }
    template <typename _InterfaceType>
    HRESULT QueryInterface(const IID& iid, _InterfaceType** p) {
        return QueryInterface(iid, *p);
    }

private:
    void _AddRef() noexcept {
        if (m_pInterface) m_pInterface->AddRef();
    }
    void _Release() noexcept {
        if (m_pInterface) m_pInterface->Release();
    }
    template <typename _InterfacePtr>
    HRESULT _QueryInterface(_InterfacePtr p) {
        HRESULT hr;
        if (p) {
            void* found = nullptr;
            hr = p->QueryInterface(GetIID(), &found);
            Attach(SUCCEEDED(hr) ? static_cast<Interface*>(found) : nullptr);
        } else {
            *this = static_cast<Interface*>(nullptr);
            hr = E_NOINTERFACE;
        }
        return hr;
    }
    template <typename _InterfacePtr>
    void query(_InterfacePtr p) {
        const HRESULT hr = _QueryInterface(p);
        if (FAILED(hr) && hr != E_NOINTERFACE) _com_issue_error(hr);
    }
    // COM identity: both objects' IUnknown compared.
    template <typename _InterfacePtr>
    int _CompareUnk(_InterfacePtr p) const {
        if (!m_pInterface || !p) return m_pInterface == nullptr && p == nullptr ? 0 : 1;
        void* mine = nullptr;
        void* theirs = nullptr;
        if (FAILED(m_pInterface->QueryInterface(::iisfake::uuid_of<IUnknown>(), &mine))) return 1;
        static_cast<IUnknown*>(mine)->Release();
        if (FAILED(p->QueryInterface(::iisfake::uuid_of<IUnknown>(), &theirs))) return 1;
        static_cast<IUnknown*>(theirs)->Release();
        return mine == theirs ? 0 : 1;
    }

    Interface* m_pInterface;
};

#ifndef _COM_SMARTPTR
#define _COM_SMARTPTR _com_ptr_t
#endif
#ifndef _COM_SMARTPTR_LEVEL2
#define _COM_SMARTPTR_LEVEL2 _com_IIID
#endif
// As MSVC's: `&IID` is a template argument. With __uuidof(I) that is
// &::iisfake::interface_id<I>::value; a GUID of DEFINE_GUID (extern "C" const) works as well.
#ifndef _COM_SMARTPTR_TYPEDEF
#define _COM_SMARTPTR_TYPEDEF(Interface, IID) \
    typedef _COM_SMARTPTR<_COM_SMARTPTR_LEVEL2<Interface, &IID>> Interface##Ptr
#endif

_COM_SMARTPTR_TYPEDEF(IUnknown, __uuidof(IUnknown));
_COM_SMARTPTR_TYPEDEF(IDispatch, __uuidof(IDispatch));
_COM_SMARTPTR_TYPEDEF(IErrorInfo, __uuidof(IErrorInfo));

#endif  // !_WIN32

#endif
