// The COM base module code uses to read its configuration through <ahadmin.h> (spec §2.1,
// T-19a): BSTRs length-prefixed as OLE's (SysStringLen, embedded NULs), VARIANTs that own their
// BSTR or interface reference, and IUnknown's typed QueryInterface helper. Off Windows these are
// iisfake's; on Windows the system's, which need no test here.
#if !defined(_WIN32)

#include <cstring>
#include <cwchar>
#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

// Counts references, as a COM object does, and answers for IUnknown and IAppHostProperty.
class CountedUnknown final : public IUnknown {
public:
    virtual ~CountedUnknown() = default;
    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override {
        asked = riid;
        if (riid == iisfake::uuid_of<IUnknown>()) {
            *ppvObject = this;
            AddRef();
            return S_OK;
        }
        *ppvObject = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ++references; }
    ULONG STDMETHODCALLTYPE Release() override { return --references; }
    ULONG references = 1;
    GUID asked = {};
};

}  // namespace

TEST_CASE("§2.1: a BSTR knows its length, keeps embedded NULs and is NUL-terminated",
          "[com]") {
    const BSTR hello = SysAllocString(L"hello");
    REQUIRE(hello != nullptr);
    CHECK(SysStringLen(hello) == 5u);
    CHECK(SysStringByteLen(hello) == 5u * sizeof(OLECHAR));
    CHECK(std::wcscmp(hello, L"hello") == 0);

    const OLECHAR with_nul[] = {L'a', L'\0', L'b'};
    const BSTR embedded = SysAllocStringLen(with_nul, 3);
    CHECK(SysStringLen(embedded) == 3u);
    CHECK(embedded[1] == L'\0');
    CHECK(embedded[2] == L'b');
    CHECK(embedded[3] == L'\0');

    const BSTR blank = SysAllocStringLen(nullptr, 4);  // room for four, zeroed
    CHECK(SysStringLen(blank) == 4u);
    CHECK(blank[0] == L'\0');

    const BSTR bytes = SysAllocStringByteLen("abc", 3);
    CHECK(SysStringByteLen(bytes) == 3u);
    CHECK(std::memcmp(bytes, "abc", 4) == 0);

    CHECK(SysAllocString(nullptr) == nullptr);
    CHECK(SysStringLen(nullptr) == 0u);
    BSTR grown = SysAllocString(L"x");
    REQUIRE(SysReAllocString(&grown, L"longer") == TRUE);
    CHECK(std::wcscmp(grown, L"longer") == 0);
    REQUIRE(SysReAllocStringLen(&grown, grown + 2, 3) == TRUE);  // from its own characters
    CHECK(std::wstring(grown) == L"nge");

    for (BSTR b : {hello, embedded, blank, bytes, grown}) SysFreeString(b);
    SysFreeString(nullptr);
}

TEST_CASE("§2.1: VariantClear frees the BSTR or releases the interface a VARIANT owns",
          "[com]") {
    VARIANT v;
    VariantInit(&v);
    CHECK(v.vt == VT_EMPTY);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocString(L"value");
    VARIANT copy;
    VariantInit(&copy);
    REQUIRE(VariantCopy(&copy, &v) == S_OK);
    CHECK(copy.bstrVal != v.bstrVal);  // a copy of its own
    CHECK(std::wcscmp(copy.bstrVal, L"value") == 0);
    CHECK(VariantClear(&v) == S_OK);  // under ASan, a leak or double free would show
    CHECK(v.vt == VT_EMPTY);
    CHECK(std::wcscmp(copy.bstrVal, L"value") == 0);
    VariantClear(&copy);

    CountedUnknown object;
    v.vt = VT_UNKNOWN;
    v.punkVal = &object;
    object.AddRef();
    REQUIRE(VariantCopy(&copy, &v) == S_OK);
    CHECK(object.references == 3u);
    VariantClear(&copy);
    VariantClear(&v);
    CHECK(object.references == 1u);

    v.vt = VT_BOOL;
    v.boolVal = VARIANT_TRUE;
    CHECK(v.boolVal == -1);
    v.vt = VT_I4;
    v.lVal = -7;
    CHECK(VariantClear(&v) == S_OK);
    CHECK(VariantClear(nullptr) == E_INVALIDARG);
}

TEST_CASE("§2.1: IUnknown::QueryInterface<T> asks for T's GUID, as __uuidof does", "[com]") {
    CountedUnknown object;
    IUnknown* pUnknown = &object;
    IUnknown* same = nullptr;
    REQUIRE(pUnknown->QueryInterface(&same) == S_OK);
    CHECK(same == pUnknown);
    CHECK(object.asked == iisfake::uuid_of<IUnknown>());
    IAppHostElement* element = nullptr;
    CHECK(pUnknown->QueryInterface(&element) == E_NOINTERFACE);
    CHECK(object.asked == iisfake::uuid_of<IAppHostElement>());
    CHECK(element == nullptr);
    same->Release();
}

#endif  // !_WIN32
