#ifndef IISFAKE_WIN32_VARIANT_HPP_INCLUDED
#define IISFAKE_WIN32_VARIANT_HPP_INCLUDED

// What <oleauto.h> adds to the VARIANT of com_types.hpp for module code off Windows (T-19): the
// V_* accessor macros, VariantChangeType(Ex) and VariantCopyInd.
//
// Conversions follow the documented coercion rules with the en-US locale, whatever the lcid:
// - VT_EMPTY converts to 0, FALSE or ""; VT_NULL only to VT_NULL/VT_EMPTY (else
//   DISP_E_TYPEMISMATCH); anything converts to VT_EMPTY.
// - Between the integer types, VT_R4/VT_R8, VT_CY and VT_DATE (as numbers), VT_BOOL and VT_BSTR:
//   a value outside the destination's range is DISP_E_OVERFLOW; reals round half to even
//   (2.5 -> 2, 3.5 -> 4), as OLE does; NaN and infinities overflow every integer type.
// - VT_BOOL reads as VT_I2 (-1 or 0) when converted to a number, as documented: VARIANT_TRUE to
//   an unsigned type overflows. Any non-zero number is VARIANT_TRUE.
// - VT_BOOL to VT_BSTR is "-1"/"0", or "True"/"False" with VARIANT_ALPHABOOL (or
//   VARIANT_LOCALBOOL: the locale here is English). VT_BSTR to VT_BOOL accepts "True"/"False"
//   (any case), "#TRUE#"/"#FALSE#" and numbers.
// - VT_BSTR to a number accepts surrounding blanks, a sign, ',' thousands separators, a '.'
//   fraction and an exponent; anything else (or nothing) is DISP_E_TYPEMISMATCH. Numbers become
//   text as OLE writes them: integers in decimal, VT_R8 with 15 significant digits and VT_R4 with
//   7 ("0.1", "1E+20", "1E-05").
// - VT_UNKNOWN/VT_DISPATCH convert only to each other and to VT_EMPTY: there is no IDispatch to
//   read a Value property from, so VARIANT_NOVALUEPROP changes nothing.
// - Not modelled (DISP_E_TYPEMISMATCH): VT_DECIMAL, VT_ERROR, arrays, VT_CY and VT_DATE to or
//   from text. An unknown VARTYPE is DISP_E_BADVARTYPE.
// - A VT_BYREF source is read through its pointer. pvargDest may be pvarSrc. On failure the
//   destination is left as it was.

#include "iisfake/com_types.hpp"
#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>

// ---- accessors ---------------------------------------------------------------------------------
#define V_VT(X) ((X)->vt)
#define V_ISBYREF(X) (V_VT(X) & VT_BYREF)
#define V_ISARRAY(X) (V_VT(X) & VT_ARRAY)
#define V_ISVECTOR(X) (V_VT(X) & 0x1000)
#define V_NONE(X) V_I2(X)
#define V_UI1(X) ((X)->bVal)
#define V_UI1REF(X) ((X)->pbVal)
#define V_I1(X) ((X)->cVal)
#define V_I1REF(X) ((X)->pcVal)
#define V_I2(X) ((X)->iVal)
#define V_I2REF(X) ((X)->piVal)
#define V_UI2(X) ((X)->uiVal)
#define V_UI2REF(X) ((X)->puiVal)
#define V_I4(X) ((X)->lVal)
#define V_I4REF(X) ((X)->plVal)
#define V_UI4(X) ((X)->ulVal)
#define V_UI4REF(X) ((X)->pulVal)
#define V_I8(X) ((X)->llVal)
#define V_I8REF(X) ((X)->pllVal)
#define V_UI8(X) ((X)->ullVal)
#define V_UI8REF(X) ((X)->pullVal)
#define V_INT(X) ((X)->intVal)
#define V_INTREF(X) ((X)->pintVal)
#define V_UINT(X) ((X)->uintVal)
#define V_UINTREF(X) ((X)->puintVal)
#define V_R4(X) ((X)->fltVal)
#define V_R4REF(X) ((X)->pfltVal)
#define V_R8(X) ((X)->dblVal)
#define V_R8REF(X) ((X)->pdblVal)
#define V_CY(X) ((X)->cyVal)
#define V_CYREF(X) ((X)->pcyVal)
#define V_DATE(X) ((X)->date)
#define V_DATEREF(X) ((X)->pdate)
#define V_BSTR(X) ((X)->bstrVal)
#define V_BSTRREF(X) ((X)->pbstrVal)
#define V_DISPATCH(X) ((X)->pdispVal)
#define V_DISPATCHREF(X) ((X)->ppdispVal)
#define V_ERROR(X) ((X)->scode)
#define V_ERRORREF(X) ((X)->pscode)
#define V_BOOL(X) ((X)->boolVal)
#define V_BOOLREF(X) ((X)->pboolVal)
#define V_UNKNOWN(X) ((X)->punkVal)
#define V_UNKNOWNREF(X) ((X)->ppunkVal)
#define V_VARIANTREF(X) ((X)->pvarVal)
#define V_ARRAY(X) ((X)->parray)
#define V_ARRAYREF(X) ((X)->pparray)
#define V_BYREF(X) ((X)->byref)
#define V_DECIMAL(X) ((X)->decVal)
#define V_DECIMALREF(X) ((X)->pdecVal)
#define V_RECORD(X) ((X)->pvRecord)
#define V_RECORDINFO(X) ((X)->pRecInfo)

// ---- flags, locales, codes ---------------------------------------------------------------------
#define VARIANT_NOVALUEPROP 0x01
#define VARIANT_ALPHABOOL 0x02
#define VARIANT_NOUSEROVERRIDE 0x04
#define VARIANT_CALENDAR_HIJRI 0x08
#define VARIANT_LOCALBOOL 0x10
#define VARIANT_CALENDAR_THAI 0x20
#define VARIANT_CALENDAR_GREGORIAN 0x40
#define VARIANT_USE_NLS 0x80

typedef DWORD LCID;
#ifndef LOCALE_USER_DEFAULT
#define LOCALE_USER_DEFAULT 0x0400
#endif
#ifndef LOCALE_SYSTEM_DEFAULT
#define LOCALE_SYSTEM_DEFAULT 0x0800
#endif
#ifndef LOCALE_INVARIANT
#define LOCALE_INVARIANT 0x007F
#endif

#ifndef DISP_E_TYPEMISMATCH
#define DISP_E_TYPEMISMATCH static_cast<HRESULT>(0x80020005u)
#endif
#ifndef DISP_E_BADVARTYPE
#define DISP_E_BADVARTYPE static_cast<HRESULT>(0x80020008u)
#endif
#ifndef DISP_E_OVERFLOW
#define DISP_E_OVERFLOW static_cast<HRESULT>(0x8002000Au)
#endif

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {
namespace variant {

// A source value reduced to what the conversions need.
struct Value {
    enum Kind { Empty, Signed, Unsigned, Real, Text, Bool } kind = Empty;
    long long s = 0;           // Signed, and Bool (-1 or 0)
    unsigned long long u = 0;  // Unsigned
    double r = 0;              // Real
    const WCHAR* text = nullptr;
    std::size_t length = 0;  // Text
};

inline bool known_type(unsigned vt) noexcept {
    return vt <= VT_DECIMAL || (vt >= VT_I1 && vt <= VT_UINT) || vt == VT_RECORD;
}

// Rounds half to even, as OLE's coercions do.
inline double round_even(double x) noexcept {
    const double lower = std::floor(x);
    const double diff = x - lower;
    if (diff > 0.5) return lower + 1;
    if (diff < 0.5) return lower;
    return std::fmod(lower, 2.0) == 0 ? lower : lower + 1;
}

inline bool blank(WCHAR c) noexcept { return c == L' ' || c == L'\t' || c == L'\r' || c == L'\n'; }

inline bool equals_nocase(const WCHAR* text, std::size_t length, const char* word) noexcept {
    std::size_t i = 0;
    for (; i < length && word[i]; ++i) {
        WCHAR c = text[i];
        if (c >= L'A' && c <= L'Z') c = static_cast<WCHAR>(c - L'A' + L'a');
        WCHAR w = static_cast<WCHAR>(static_cast<unsigned char>(word[i]));
        if (w >= L'A' && w <= L'Z') w = static_cast<WCHAR>(w - L'A' + L'a');
        if (c != w) return false;
    }
    return i == length && !word[i];
}

// Parses an en-US number: [blanks][+|-]digits[,digits...][.digits][(e|E)[+|-]digits][blanks].
// Integers stay exact (Signed/Unsigned); anything with a fraction or exponent is Real.
inline bool parse_number(const WCHAR* text, std::size_t length, Value& out) {
    std::size_t i = 0;
    while (i < length && blank(text[i])) ++i;
    while (length > i && blank(text[length - 1])) --length;
    bool negative = false;
    if (i < length && (text[i] == L'+' || text[i] == L'-')) negative = text[i++] == L'-';
    std::string digits;  // integer digits, then the plain text for strtod
    std::string fraction;
    bool any_digit = false, real = false;
    bool last_was_digit = false;
    for (; i < length; ++i) {
        const WCHAR c = text[i];
        if (c >= L'0' && c <= L'9') {
            digits += static_cast<char>('0' + (c - L'0'));
            any_digit = last_was_digit = true;
        } else if (c == L',' && last_was_digit) {
            last_was_digit = false;  // a thousands separator between digits
        } else {
            break;
        }
    }
    if (i < length && !last_was_digit && any_digit) return false;  // "1," then something
    if (i < length && text[i] == L'.') {
        real = true;
        for (++i; i < length && text[i] >= L'0' && text[i] <= L'9'; ++i) {
            fraction += static_cast<char>('0' + (text[i] - L'0'));
            any_digit = true;
        }
    }
    if (!any_digit) return false;
    std::string exponent;
    if (i < length && (text[i] == L'e' || text[i] == L'E')) {
        real = true;
        ++i;
        if (i < length && (text[i] == L'+' || text[i] == L'-'))
            exponent += text[i++] == L'-' ? '-' : '+';
        bool exponent_digit = false;
        for (; i < length && text[i] >= L'0' && text[i] <= L'9'; ++i) {
            if (exponent.size() < 8) exponent += static_cast<char>('0' + (text[i] - L'0'));
            exponent_digit = true;
        }
        if (!exponent_digit) return false;
    }
    if (i != length) return false;
    if (!real) {
        unsigned long long magnitude = 0;
        bool too_big = false;
        for (char d : digits) {
            const auto v = static_cast<unsigned long long>(d - '0');
            if (magnitude > ((std::numeric_limits<unsigned long long>::max)() - v) / 10) {
                too_big = true;
                break;
            }
            magnitude = magnitude * 10 + v;
        }
        if (!too_big) {
            if (!negative) {
                out.kind = Value::Unsigned;
                out.u = magnitude;
                return true;
            }
            if (magnitude <= 9223372036854775808ull) {
                out.kind = Value::Signed;
                out.s = magnitude == 9223372036854775808ull
                            ? (std::numeric_limits<long long>::min)()
                            : -static_cast<long long>(magnitude);
                return true;
            }
        }
    }
    std::string plain = (negative ? "-" : "") + (digits.empty() ? std::string("0") : digits);
    if (!fraction.empty()) plain += "." + fraction;
    if (!exponent.empty() || real) plain += "e" + (exponent.empty() ? std::string("0") : exponent);
    out.kind = Value::Real;
    out.r = std::strtod(plain.c_str(), nullptr);  // "C" digits only: no locale involved
    return true;
}

// A number as a signed value in [low, high].
inline HRESULT to_signed(const Value& v, long long low, long long high, long long& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            if (v.s < low || v.s > high) return DISP_E_OVERFLOW;
            out = v.s;
            return S_OK;
        case Value::Unsigned:
            if (v.u > static_cast<unsigned long long>(high)) return DISP_E_OVERFLOW;
            out = static_cast<long long>(v.u);
            return S_OK;
        case Value::Real: {
            if (!std::isfinite(v.r)) return DISP_E_OVERFLOW;
            const double rounded = round_even(v.r);
            // high + 1 is a power of two, exact as a double; low is minus one.
            if (rounded < static_cast<double>(low) || rounded >= static_cast<double>(high) + 1.0)
                return DISP_E_OVERFLOW;
            out = static_cast<long long>(rounded);
            return S_OK;
        }
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_signed(parsed, low, high, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_unsigned(const Value& v, unsigned long long high, unsigned long long& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            if (v.s < 0 || static_cast<unsigned long long>(v.s) > high) return DISP_E_OVERFLOW;
            out = static_cast<unsigned long long>(v.s);
            return S_OK;
        case Value::Unsigned:
            if (v.u > high) return DISP_E_OVERFLOW;
            out = v.u;
            return S_OK;
        case Value::Real: {
            if (!std::isfinite(v.r)) return DISP_E_OVERFLOW;
            const double rounded = round_even(v.r);
            if (rounded < 0 || rounded >= static_cast<double>(high) + 1.0) return DISP_E_OVERFLOW;
            out = static_cast<unsigned long long>(rounded);
            return S_OK;
        }
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_unsigned(parsed, high, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_real(const Value& v, double& out) {
    switch (v.kind) {
        case Value::Empty:
            out = 0;
            return S_OK;
        case Value::Signed:
        case Value::Bool:
            out = static_cast<double>(v.s);
            return S_OK;
        case Value::Unsigned:
            out = static_cast<double>(v.u);
            return S_OK;
        case Value::Real:
            out = v.r;
            return S_OK;
        case Value::Text: {
            Value parsed;
            if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
            return to_real(parsed, out);
        }
    }
    return DISP_E_TYPEMISMATCH;
}

inline HRESULT to_bool(const Value& v, VARIANT_BOOL& out) {
    if (v.kind == Value::Text) {
        if (equals_nocase(v.text, v.length, "True") || equals_nocase(v.text, v.length, "#TRUE#")) {
            out = VARIANT_TRUE;
            return S_OK;
        }
        if (equals_nocase(v.text, v.length, "False") ||
            equals_nocase(v.text, v.length, "#FALSE#")) {
            out = VARIANT_FALSE;
            return S_OK;
        }
        Value parsed;
        if (!parse_number(v.text, v.length, parsed)) return DISP_E_TYPEMISMATCH;
        return to_bool(parsed, out);
    }
    bool nonzero = false;
    switch (v.kind) {
        case Value::Signed:
        case Value::Bool:
            nonzero = v.s != 0;
            break;
        case Value::Unsigned:
            nonzero = v.u != 0;
            break;
        case Value::Real:
            nonzero = v.r != 0;
            break;
        default:
            break;
    }
    out = nonzero ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

inline BSTR ascii_bstr(const char* text) {
    const std::size_t length = std::strlen(text);
    BSTR out = SysAllocStringLen(nullptr, static_cast<UINT>(length));
    if (!out) return nullptr;
    for (std::size_t i = 0; i < length; ++i) out[i] = static_cast<OLECHAR>(text[i]);
    return out;
}

inline HRESULT to_bstr(const Value& v, bool single, USHORT flags, BSTR& out) {
    char buffer[64];
    switch (v.kind) {
        case Value::Empty:
            buffer[0] = '\0';
            break;
        case Value::Bool:
            if (flags & (VARIANT_ALPHABOOL | VARIANT_LOCALBOOL))
                std::snprintf(buffer, sizeof buffer, "%s", v.s ? "True" : "False");
            else
                std::snprintf(buffer, sizeof buffer, "%s", v.s ? "-1" : "0");
            break;
        case Value::Signed:
            std::snprintf(buffer, sizeof buffer, "%lld", v.s);
            break;
        case Value::Unsigned:
            std::snprintf(buffer, sizeof buffer, "%llu", v.u);
            break;
        case Value::Real:
            if (v.r == 0)
                std::snprintf(buffer, sizeof buffer, "0");  // not "-0"
            else if (single)
                std::snprintf(buffer, sizeof buffer, "%.7G", v.r);
            else
                std::snprintf(buffer, sizeof buffer, "%.15G", v.r);
            break;
        case Value::Text:
            out = SysAllocStringLen(v.text, static_cast<UINT>(v.length));
            return out ? S_OK : E_OUTOFMEMORY;
    }
    out = ascii_bstr(buffer);
    return out ? S_OK : E_OUTOFMEMORY;
}

// The referenced value of a VT_BYREF variant as a plain (shallow) one; false if it cannot be read.
inline bool dereference(const VARIANT& src, VARIANT& out) {
    out = src;
    if (!(src.vt & VT_BYREF)) return true;
    if (!src.byref) return false;
    const VARTYPE base = static_cast<VARTYPE>(src.vt & ~VT_BYREF);
    out.vt = base;
    switch (base) {
        case VT_I1:
            out.cVal = *src.pcVal;
            return true;
        case VT_UI1:
            out.bVal = *src.pbVal;
            return true;
        case VT_I2:
            out.iVal = *src.piVal;
            return true;
        case VT_UI2:
            out.uiVal = *src.puiVal;
            return true;
        case VT_I4:
            out.lVal = *src.plVal;
            return true;
        case VT_UI4:
            out.ulVal = *src.pulVal;
            return true;
        case VT_I8:
            out.llVal = *src.pllVal;
            return true;
        case VT_UI8:
            out.ullVal = *src.pullVal;
            return true;
        case VT_INT:
            out.intVal = *src.pintVal;
            return true;
        case VT_UINT:
            out.uintVal = *src.puintVal;
            return true;
        case VT_R4:
            out.fltVal = *src.pfltVal;
            return true;
        case VT_R8:
            out.dblVal = *src.pdblVal;
            return true;
        case VT_CY:
            out.cyVal = *src.pcyVal;
            return true;
        case VT_DATE:
            out.date = *src.pdate;
            return true;
        case VT_BOOL:
            out.boolVal = *src.pboolVal;
            return true;
        case VT_ERROR:
            out.scode = *src.pscode;
            return true;
        case VT_BSTR:
            out.bstrVal = *src.pbstrVal;
            return true;
        case VT_UNKNOWN:
            out.punkVal = *src.ppunkVal;
            return true;
        case VT_DISPATCH:
            out.pdispVal = *src.ppdispVal;
            return true;
        case VT_VARIANT:
            if (src.pvarVal->vt & VT_BYREF) return false;  // one level only, as OLE
            out = *src.pvarVal;
            return true;
        default:
            return false;
    }
}

inline bool read_value(const VARIANT& v, Value& out) {
    switch (v.vt) {
        case VT_EMPTY:
            out.kind = Value::Empty;
            return true;
        case VT_I1:
            out.kind = Value::Signed;
            out.s = v.cVal;
            return true;
        case VT_I2:
            out.kind = Value::Signed;
            out.s = v.iVal;
            return true;
        case VT_I4:
            out.kind = Value::Signed;
            out.s = v.lVal;
            return true;
        case VT_I8:
            out.kind = Value::Signed;
            out.s = v.llVal;
            return true;
        case VT_INT:
            out.kind = Value::Signed;
            out.s = v.intVal;
            return true;
        case VT_UI1:
            out.kind = Value::Unsigned;
            out.u = v.bVal;
            return true;
        case VT_UI2:
            out.kind = Value::Unsigned;
            out.u = v.uiVal;
            return true;
        case VT_UI4:
            out.kind = Value::Unsigned;
            out.u = v.ulVal;
            return true;
        case VT_UI8:
            out.kind = Value::Unsigned;
            out.u = v.ullVal;
            return true;
        case VT_UINT:
            out.kind = Value::Unsigned;
            out.u = v.uintVal;
            return true;
        case VT_R4:
            out.kind = Value::Real;
            out.r = static_cast<double>(v.fltVal);
            return true;
        case VT_R8:
            out.kind = Value::Real;
            out.r = v.dblVal;
            return true;
        case VT_DATE:
            out.kind = Value::Real;
            out.r = v.date;
            return true;
        case VT_CY:
            out.kind = Value::Real;
            out.r = static_cast<double>(v.cyVal.int64) / 10000.0;
            return true;
        case VT_BOOL:
            out.kind = Value::Bool;
            out.s = v.boolVal ? -1 : 0;
            return true;
        case VT_BSTR:
            out.kind = Value::Text;
            out.text = v.bstrVal ? v.bstrVal : L"";
            out.length = SysStringLen(v.bstrVal);
            return true;
        default:
            return false;
    }
}

// Converts the (plain) source to vt into `out` (VT_EMPTY on entry); the source is not changed.
inline HRESULT coerce(const VARIANT& src, USHORT flags, VARTYPE vt, VARIANT& out) {
    if (vt == VT_EMPTY) return S_OK;
    if (src.vt == vt) {
        if (vt == VT_BSTR) {
            out.bstrVal =
                src.bstrVal ? SysAllocStringLen(src.bstrVal, SysStringLen(src.bstrVal)) : nullptr;
            if (src.bstrVal && !out.bstrVal) return E_OUTOFMEMORY;
            out.vt = VT_BSTR;
            return S_OK;
        }
        out = src;
        if ((vt == VT_UNKNOWN || vt == VT_DISPATCH) && src.punkVal) src.punkVal->AddRef();
        return S_OK;
    }
    if (vt == VT_NULL) {
        if (src.vt != VT_EMPTY) return DISP_E_TYPEMISMATCH;
        out.vt = VT_NULL;
        return S_OK;
    }
    if (src.vt == VT_UNKNOWN || src.vt == VT_DISPATCH) {
        if (vt != VT_UNKNOWN && vt != VT_DISPATCH) return DISP_E_TYPEMISMATCH;
        IUnknown* unknown = src.punkVal;
        if (vt == VT_UNKNOWN) {
            if (unknown) unknown->AddRef();  // an IDispatch is an IUnknown
            out.vt = VT_UNKNOWN;
            out.punkVal = unknown;
            return S_OK;
        }
        void* dispatch = nullptr;
        static const GUID iid_dispatch = {
            0x00020400, 0x0000, 0x0000, {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
        if (unknown && FAILED(unknown->QueryInterface(iid_dispatch, &dispatch)))
            return DISP_E_TYPEMISMATCH;
        out.vt = VT_DISPATCH;
        out.pdispVal = static_cast<IDispatch*>(dispatch);
        return S_OK;
    }
    Value value;
    if (!read_value(src, value)) return DISP_E_TYPEMISMATCH;
    HRESULT hr = S_OK;
    long long s = 0;
    unsigned long long u = 0;
    double r = 0;
    switch (vt) {
        case VT_I1:
            if (SUCCEEDED(hr = to_signed(value, -128, 127, s))) out.cVal = static_cast<CHAR>(s);
            break;
        case VT_I2:
            if (SUCCEEDED(hr = to_signed(value, -32768, 32767, s)))
                out.iVal = static_cast<SHORT>(s);
            break;
        case VT_I4:
            if (SUCCEEDED(hr = to_signed(value, -2147483647LL - 1, 2147483647LL, s)))
                out.lVal = static_cast<LONG>(s);
            break;
        case VT_INT:
            if (SUCCEEDED(hr = to_signed(value, -2147483647LL - 1, 2147483647LL, s)))
                out.intVal = static_cast<INT>(s);
            break;
        case VT_I8:
            hr = to_signed(value, (std::numeric_limits<long long>::min)(),
                           (std::numeric_limits<long long>::max)(), s);
            if (SUCCEEDED(hr)) out.llVal = s;
            break;
        case VT_UI1:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFu, u))) out.bVal = static_cast<BYTE>(u);
            break;
        case VT_UI2:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFu, u))) out.uiVal = static_cast<USHORT>(u);
            break;
        case VT_UI4:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFFFFFu, u)))
                out.ulVal = static_cast<ULONG>(u);
            break;
        case VT_UINT:
            if (SUCCEEDED(hr = to_unsigned(value, 0xFFFFFFFFu, u)))
                out.uintVal = static_cast<UINT>(u);
            break;
        case VT_UI8:
            hr = to_unsigned(value, (std::numeric_limits<unsigned long long>::max)(), u);
            if (SUCCEEDED(hr)) out.ullVal = u;
            break;
        case VT_R4:
            if (SUCCEEDED(hr = to_real(value, r))) {
                if (std::isfinite(r) &&
                    std::fabs(r) > static_cast<double>((std::numeric_limits<float>::max)()))
                    hr = DISP_E_OVERFLOW;
                else
                    out.fltVal = static_cast<float>(r);
            }
            break;
        case VT_R8:
            if (SUCCEEDED(hr = to_real(value, r))) out.dblVal = r;
            break;
        case VT_DATE:
            if (value.kind == Value::Text) return DISP_E_TYPEMISMATCH;  // date text: not modelled
            if (SUCCEEDED(hr = to_real(value, r))) {
                if (!(r >= -657434.0 && r < 2958466.0))  // 100-01-01 .. 9999-12-31
                    hr = DISP_E_OVERFLOW;
                else
                    out.date = r;
            }
            break;
        case VT_CY:
            if (value.kind == Value::Text)
                return DISP_E_TYPEMISMATCH;  // currency text: not modelled
            if (SUCCEEDED(hr = to_real(value, r))) {
                const double scaled = round_even(r * 10000.0);
                if (!std::isfinite(scaled) || scaled < -9223372036854775808.0 ||
                    scaled >= 9223372036854775808.0)
                    hr = DISP_E_OVERFLOW;
                else
                    out.cyVal.int64 = static_cast<LONGLONG>(scaled);
            }
            break;
        case VT_BOOL:
            hr = to_bool(value, out.boolVal);
            break;
        case VT_BSTR:
            if (src.vt == VT_CY || src.vt == VT_DATE) return DISP_E_TYPEMISMATCH;  // not modelled
            hr = to_bstr(value, src.vt == VT_R4, flags, out.bstrVal);
            break;
        default:
            return DISP_E_TYPEMISMATCH;
    }
    if (SUCCEEDED(hr)) out.vt = vt;
    return hr;
}

}  // namespace variant
}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

inline HRESULT VariantChangeTypeEx(VARIANTARG* pvargDest, const VARIANTARG* pvarSrc, LCID lcid,
                                   USHORT wFlags, VARTYPE vt) {
    namespace v = ::iisfake::win32::detail::variant;
    static_cast<void>(lcid);  // en-US whatever the locale: a test never depends on the machine's
    if (!pvargDest || !pvarSrc) return E_INVALIDARG;
    if (!v::known_type(vt)) return DISP_E_BADVARTYPE;
    const unsigned source_base = pvarSrc->vt & ~static_cast<unsigned>(VT_BYREF);
    if (!(pvarSrc->vt & VT_ARRAY) && !(pvarSrc->vt & VT_BYREF) && !v::known_type(source_base))
        return DISP_E_BADVARTYPE;
    if (pvarSrc->vt & VT_ARRAY) return DISP_E_TYPEMISMATCH;  // arrays are not modelled
    VARIANT plain;
    if (!v::dereference(*pvarSrc, plain)) return DISP_E_BADVARTYPE;
    if (!v::known_type(plain.vt) && plain.vt != VT_NULL) return DISP_E_BADVARTYPE;
    VARIANT result;
    VariantInit(&result);
    const HRESULT hr = v::coerce(plain, wFlags, vt, result);
    if (FAILED(hr)) {
        VariantClear(&result);
        return hr;
    }
    VariantClear(pvargDest);  // after the conversion: pvargDest may be pvarSrc
    *pvargDest = result;
    return S_OK;
}

inline HRESULT VariantChangeType(VARIANTARG* pvargDest, const VARIANTARG* pvarSrc, USHORT wFlags,
                                 VARTYPE vt) {
    return VariantChangeTypeEx(pvargDest, pvarSrc, LOCALE_USER_DEFAULT, wFlags, vt);
}

// VariantCopy, reading a VT_BYREF source through its pointer.
inline HRESULT VariantCopyInd(VARIANT* pvarDest, const VARIANTARG* pvargSrc) {
    if (!pvarDest || !pvargSrc) return E_INVALIDARG;
    VARIANT plain;
    if (!::iisfake::win32::detail::variant::dereference(*pvargSrc, plain)) return E_INVALIDARG;
    VARIANT copy;
    VariantInit(&copy);
    const HRESULT hr = VariantCopy(&copy, &plain);
    if (FAILED(hr)) return hr;
    VariantClear(pvarDest);
    *pvarDest = copy;
    return S_OK;
}

#endif  // !_WIN32

#endif
