// GUIDs, VARIANT conversions and MSVC's COM support classes as module code uses them off
// Windows (spec T-19): include/iisfake/win32/guid.hpp, variant.hpp and comdef.hpp.
#include <windows.h>
#include <objbase.h>
#include <oleauto.h>
#include <comdef.h>
#include <httpserv.h>

// Declared here, defined (INITGUID) below and in dropin_win32_guid_second_tu.cpp.
DEFINE_GUID(IID_IisfakeSecondOnly, 0xCAFEF00D, 0x0001, 0x0002, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
            0x09, 0x0A);
#define INITGUID  // what <initguid.h> does: later DEFINE_GUIDs define
DEFINE_GUID(IID_IisfakeSharedTest, 0x11223344, 0x5566, 0x7788, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE,
            0xFF, 0x00);
#undef INITGUID

_COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement));
_COM_SMARTPTR_TYPEDEF(IAppHostProperty, __uuidof(IAppHostProperty));
_COM_SMARTPTR_TYPEDEF(IAppHostAdminManager, __uuidof(IAppHostAdminManager));
_COM_SMARTPTR_TYPEDEF(IAppHostElementCollection, __uuidof(IAppHostElementCollection));
// Every other <ahadmin.h> interface works the same way (a compile-time check).
_COM_SMARTPTR_TYPEDEF(IAppHostChangeHandler, __uuidof(IAppHostChangeHandler));
_COM_SMARTPTR_TYPEDEF(IAppHostChildElementCollection, __uuidof(IAppHostChildElementCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostCollectionSchema, __uuidof(IAppHostCollectionSchema));
_COM_SMARTPTR_TYPEDEF(IAppHostConfigException, __uuidof(IAppHostConfigException));
_COM_SMARTPTR_TYPEDEF(IAppHostConfigFile, __uuidof(IAppHostConfigFile));
_COM_SMARTPTR_TYPEDEF(IAppHostConfigLocation, __uuidof(IAppHostConfigLocation));
_COM_SMARTPTR_TYPEDEF(IAppHostConfigLocationCollection, __uuidof(IAppHostConfigLocationCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostConfigManager, __uuidof(IAppHostConfigManager));
_COM_SMARTPTR_TYPEDEF(IAppHostConstantValue, __uuidof(IAppHostConstantValue));
_COM_SMARTPTR_TYPEDEF(IAppHostConstantValueCollection, __uuidof(IAppHostConstantValueCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostElementExtension, __uuidof(IAppHostElementExtension));
_COM_SMARTPTR_TYPEDEF(IAppHostElementSchema, __uuidof(IAppHostElementSchema));
_COM_SMARTPTR_TYPEDEF(IAppHostElementSchemaCollection, __uuidof(IAppHostElementSchemaCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostMappingExtension, __uuidof(IAppHostMappingExtension));
_COM_SMARTPTR_TYPEDEF(IAppHostMethod, __uuidof(IAppHostMethod));
_COM_SMARTPTR_TYPEDEF(IAppHostMethodCollection, __uuidof(IAppHostMethodCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostMethodExtension, __uuidof(IAppHostMethodExtension));
_COM_SMARTPTR_TYPEDEF(IAppHostMethodInstance, __uuidof(IAppHostMethodInstance));
_COM_SMARTPTR_TYPEDEF(IAppHostMethodSchema, __uuidof(IAppHostMethodSchema));
_COM_SMARTPTR_TYPEDEF(IAppHostPathMapper, __uuidof(IAppHostPathMapper));
_COM_SMARTPTR_TYPEDEF(IAppHostPathMapper2, __uuidof(IAppHostPathMapper2));
_COM_SMARTPTR_TYPEDEF(IAppHostPropertyCollection, __uuidof(IAppHostPropertyCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostPropertyException, __uuidof(IAppHostPropertyException));
_COM_SMARTPTR_TYPEDEF(IAppHostPropertyExtension, __uuidof(IAppHostPropertyExtension));
_COM_SMARTPTR_TYPEDEF(IAppHostPropertySchema, __uuidof(IAppHostPropertySchema));
_COM_SMARTPTR_TYPEDEF(IAppHostPropertySchemaCollection, __uuidof(IAppHostPropertySchemaCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostSectionDefinition, __uuidof(IAppHostSectionDefinition));
_COM_SMARTPTR_TYPEDEF(IAppHostSectionDefinitionCollection,
                      __uuidof(IAppHostSectionDefinitionCollection));
_COM_SMARTPTR_TYPEDEF(IAppHostSectionGroup, __uuidof(IAppHostSectionGroup));
_COM_SMARTPTR_TYPEDEF(IAppHostWritableAdminManager, __uuidof(IAppHostWritableAdminManager));

#include <cstring>
#include <cwchar>
#include <string>

#include <iisfake/fake_configuration.hpp>

#include "catch.hpp"

const GUID* iisfake_second_tu_shared_guid();

namespace {

std::wstring text_of(const VARIANT& v) { return v.bstrVal ? std::wstring(v.bstrVal) : L"<null>"; }

HRESULT change(VARIANT& out, const VARIANT& in, VARTYPE vt, USHORT flags = 0) {
    VariantInit(&out);
    return VariantChangeType(&out, &in, flags, vt);
}

VARIANT bstr(const wchar_t* text) {
    VARIANT v;
    VariantInit(&v);
    v.vt = VT_BSTR;
    v.bstrVal = SysAllocString(text);
    return v;
}

// A module's read of its section, the way modules written with <comdef.h> do it.
std::wstring read_mode(IAppHostAdminManager* admin, bool& enabled, long& limit) {
    IAppHostElementPtr section;
    _com_util::CheckError(
        admin->GetAdminSection(_bstr_t(L"system.webServer/sample"),
                               _bstr_t(L"MACHINE/WEBROOT/APPHOST/Default Web Site"), &section));
    IAppHostPropertyPtr property;
    _com_util::CheckError(section->GetPropertyByName(_bstr_t(L"enabled"), &property));
    _variant_t value;
    _com_util::CheckError(property->get_Value(&value));
    enabled = value;
    _com_util::CheckError(section->GetPropertyByName(_bstr_t("limit"), &property));
    _com_util::CheckError(property->get_Value(value.GetAddress()));
    limit = value;
    _com_util::CheckError(section->GetPropertyByName(_bstr_t(L"mode"), &property));
    _com_util::CheckError(property->get_Value(value.GetAddress()));
    return std::wstring(static_cast<const wchar_t*>(_bstr_t(value)));
}

}  // namespace

TEST_CASE("T-19 DEFINE_GUID declares, or defines under INITGUID, and links from two TUs",
          "[win32][T-19][DEFINE_GUID]") {
    CHECK(&IID_IisfakeSharedTest == iisfake_second_tu_shared_guid());
    CHECK(IID_IisfakeSharedTest.Data1 == 0x11223344u);
    CHECK(IID_IisfakeSharedTest.Data4[7] == 0x00);
    CHECK(IID_IisfakeSecondOnly.Data1 == 0xCAFEF00Du);  // declared here, defined there
    CHECK(IsEqualGUID(GUID_NULL, IID_NULL));
    CHECK(IsEqualIID(IID_IUnknown, __uuidof(IUnknown)));
    CHECK_FALSE(IsEqualCLSID(IID_IUnknown, GUID_NULL));
    CHECK(InlineIsEqualGUID(IID_IisfakeSharedTest, IID_IisfakeSharedTest) == 1);
}

TEST_CASE("T-19 StringFromGUID2, StringFromCLSID, CLSIDFromString, IIDFromString",
          "[win32][T-19][StringFromGUID2]") {
    OLECHAR text[39];
    CHECK(StringFromGUID2(IID_IisfakeSharedTest, text, 38) == 0);
    REQUIRE(StringFromGUID2(IID_IisfakeSharedTest, text, 39) == 39);
    CHECK(std::wstring(text) == L"{11223344-5566-7788-99AA-BBCCDDEEFF00}");
    LPOLESTR allocated = nullptr;
    const long blocks = iisfake::win32::co_task_mem_outstanding();
    REQUIRE(StringFromCLSID(__uuidof(IAppHostElement), &allocated) == S_OK);
    CHECK(std::wstring(allocated) == L"{64FF8CCC-B287-4DAE-B08A-A72CBF45F453}");
    CHECK(iisfake::win32::co_task_mem_outstanding() == blocks + 1);
    GUID parsed;
    REQUIRE(CLSIDFromString(allocated, &parsed) == NOERROR);
    CHECK(parsed == __uuidof(IAppHostElement));
    CoTaskMemFree(allocated);
    CHECK(iisfake::win32::co_task_mem_outstanding() == blocks);
    REQUIRE(IIDFromString(L"{64ff8ccc-b287-4dae-b08a-a72cbf45f453}", &parsed) == S_OK);
    CHECK(parsed == iisfake::uuid_of<IAppHostElement>());
    CHECK(IIDFromString(nullptr, &parsed) == S_OK);
    CHECK(parsed == GUID_NULL);
    CHECK(IIDFromString(L"64ff8ccb-b287-4dae-b08a-a72cbf45f453", &parsed) == E_INVALIDARG);
    CHECK(IIDFromString(L"{64ff8ccc-b287-4dae-b08a-a72cbf45f453}x", &parsed) == E_INVALIDARG);
    CHECK(CLSIDFromString(L"{64ff8ccb-b287-4dae-b08a-a72cbf45f45g}", &parsed) == CO_E_CLASSSTRING);
    CHECK(CLSIDFromString(L"Some.ProgId", &parsed) == CO_E_CLASSSTRING);
    CHECK(CLSIDFromString(L"{64ff8ccb", &parsed) == CO_E_CLASSSTRING);  // short: no over-read
}

TEST_CASE("T-19 CoCreateGuid makes distinct version-4 GUIDs; CoInitializeEx counts per thread",
          "[win32][T-19][CoCreateGuid][CoInitializeEx]") {
    GUID a, b;
    REQUIRE(CoCreateGuid(&a) == S_OK);
    REQUIRE(CoCreateGuid(&b) == S_OK);
    CHECK(a != b);
    CHECK((a.Data3 >> 12) == 4);
    CHECK((a.Data4[0] & 0xC0) == 0x80);
    CHECK(CoCreateGuid(nullptr) == E_INVALIDARG);

    iisfake::win32::reset_com();
    CHECK(CoInitializeEx(nullptr, COINIT_MULTITHREADED) == S_OK);
    CHECK(CoInitializeEx(nullptr, COINIT_MULTITHREADED) == S_FALSE);
    CHECK(CoInitialize(nullptr) == RPC_E_CHANGED_MODE);
    CHECK(iisfake::win32::com_initialize_count() == 2);
    CoUninitialize();
    CoUninitialize();
    CoUninitialize();  // one too many: harmless
    CHECK(iisfake::win32::com_initialize_count() == 0);
    CHECK(CoInitialize(nullptr) == S_OK);
    CoUninitialize();
}

TEST_CASE("T-19 VariantChangeType between numbers, booleans and strings",
          "[win32][T-19][VariantChangeType]") {
    VARIANT in, out;
    VariantInit(&in);
    in.vt = VT_BOOL;
    in.boolVal = VARIANT_TRUE;
    REQUIRE(change(out, in, VT_BSTR) == S_OK);
    CHECK(text_of(out) == L"-1");
    VariantClear(&out);
    REQUIRE(change(out, in, VT_BSTR, VARIANT_ALPHABOOL) == S_OK);
    CHECK(text_of(out) == L"True");
    VariantClear(&out);
    REQUIRE(change(out, in, VT_I4) == S_OK);
    CHECK(out.lVal == -1);
    CHECK(change(out, in, VT_UI4) == DISP_E_OVERFLOW);  // VT_BOOL goes through VT_I2

    VARIANT s = bstr(L"  1,234  ");
    REQUIRE(change(out, s, VT_I4) == S_OK);
    CHECK(out.lVal == 1234);
    VariantClear(&s);
    s = bstr(L"false");
    REQUIRE(change(out, s, VT_BOOL) == S_OK);
    CHECK(out.boolVal == VARIANT_FALSE);
    VariantClear(&s);
    s = bstr(L"2.5");
    REQUIRE(change(out, s, VT_I2) == S_OK);
    CHECK(out.iVal == 2);  // half to even
    VariantClear(&s);
    s = bstr(L"70000");
    CHECK(change(out, s, VT_I2) == DISP_E_OVERFLOW);
    CHECK(change(out, s, VT_UI1) == DISP_E_OVERFLOW);
    VariantClear(&s);
    s = bstr(L"12abc");
    CHECK(change(out, s, VT_I4) == DISP_E_TYPEMISMATCH);
    VariantClear(&s);
    s = bstr(L"");
    CHECK(change(out, s, VT_R8) == DISP_E_TYPEMISMATCH);
    VariantClear(&s);
    s = bstr(L"18446744073709551615");
    REQUIRE(change(out, s, VT_UI8) == S_OK);
    CHECK(out.ullVal == 18446744073709551615ull);
    CHECK(change(out, s, VT_I8) == DISP_E_OVERFLOW);
    VariantClear(&s);

    in.vt = VT_R8;
    in.dblVal = 0.1;
    REQUIRE(change(out, in, VT_BSTR) == S_OK);
    CHECK(text_of(out) == L"0.1");
    VariantClear(&out);
    in.dblVal = 1e20;
    REQUIRE(change(out, in, VT_BSTR) == S_OK);
    CHECK(text_of(out) == L"1E+20");
    VariantClear(&out);
    CHECK(change(out, in, VT_I4) == DISP_E_OVERFLOW);
    in.vt = VT_UI4;
    in.ulVal = 4000000000u;
    CHECK(change(out, in, VT_I4) == DISP_E_OVERFLOW);
    REQUIRE(change(out, in, VT_BSTR) == S_OK);
    CHECK(text_of(out) == L"4000000000");
    VariantClear(&out);

    VariantInit(&in);  // VT_EMPTY
    REQUIRE(change(out, in, VT_BSTR) == S_OK);
    CHECK(out.vt == VT_BSTR);
    CHECK(SysStringLen(out.bstrVal) == 0);
    VariantClear(&out);
    in.vt = VT_NULL;
    CHECK(change(out, in, VT_I4) == DISP_E_TYPEMISMATCH);
    CHECK(change(out, in, static_cast<VARTYPE>(15)) == DISP_E_BADVARTYPE);
    CHECK(change(out, in, static_cast<VARTYPE>(0x0FFF)) == DISP_E_BADVARTYPE);
}

TEST_CASE("T-19 VariantChangeType in place, by reference, and leaving the target on failure",
          "[win32][T-19][VariantChangeType]") {
    VARIANT v = bstr(L"42");
    REQUIRE(VariantChangeType(&v, &v, 0, VT_UI2) == S_OK);  // the BSTR is freed (ASan checks)
    CHECK(v.vt == VT_UI2);
    CHECK(v.uiVal == 42);
    VARIANT keep = bstr(L"kept");
    VARIANT bad = bstr(L"nope");
    CHECK(VariantChangeType(&keep, &bad, 0, VT_I4) == DISP_E_TYPEMISMATCH);
    CHECK(text_of(keep) == L"kept");
    VariantClear(&keep);
    VariantClear(&bad);
    LONG referenced = 7;
    VARIANT ref;
    VariantInit(&ref);
    ref.vt = VT_I4 | VT_BYREF;
    ref.plVal = &referenced;
    CHECK(V_ISBYREF(&ref));
    VARIANT out;
    REQUIRE(change(out, ref, VT_R8) == S_OK);
    CHECK(V_R8(&out) == 7.0);
    REQUIRE(VariantCopyInd(&out, &ref) == S_OK);
    CHECK(V_VT(&out) == VT_I4);
    CHECK(V_I4(&out) == 7);
}

TEST_CASE("T-19 _bstr_t shares, converts UTF-8, compares, attaches and detaches",
          "[win32][T-19][bstr_t]") {
    _bstr_t empty;
    CHECK(!empty);
    CHECK(empty.length() == 0u);
    CHECK(static_cast<const wchar_t*>(empty) == nullptr);
    _bstr_t a("caf\xC3\xA9 \xF0\x9F\x98\x80");  // "café 😀": one wchar_t each here
    CHECK(a.length() == 6u);
    CHECK(static_cast<const wchar_t*>(a)[3] == L'\u00E9');
    CHECK(std::strcmp(static_cast<const char*>(a), "caf\xC3\xA9 \xF0\x9F\x98\x80") == 0);
    _bstr_t b = a;  // shared
    CHECK(static_cast<const wchar_t*>(b) == static_cast<const wchar_t*>(a));
    CHECK(a == b);
    _bstr_t c = a + L"!";
    CHECK(c.length() == 7u);
    c += _bstr_t("?");
    CHECK(std::wcscmp(c, L"caf\u00E9 \U0001F600!?") == 0);
    CHECK(_bstr_t(L"abc") < _bstr_t(L"abd"));
    CHECK(_bstr_t(L"") == _bstr_t());  // empty and NULL compare equal
    CHECK_FALSE(!_bstr_t(L""));        // but only NULL is "!"
    BSTR raw = SysAllocString(L"owned");
    _bstr_t attached(raw, false);
    CHECK(static_cast<const wchar_t*>(attached) == raw);
    BSTR copied = attached.copy();
    CHECK(copied != raw);
    SysFreeString(copied);
    BSTR detached = attached.Detach();
    CHECK(detached == raw);
    SysFreeString(detached);
    _bstr_t shared_one(L"x");
    _bstr_t shared_two = shared_one;
    REQUIRE_THROWS_AS(shared_one.Detach(), _com_error);  // shared: E_POINTER
    BSTR* out = shared_two.GetAddress();
    CHECK(*out == nullptr);
    *out = SysAllocString(L"filled");
    CHECK(std::wstring(static_cast<const wchar_t*>(shared_two)) == L"filled");
    CHECK(std::wstring(static_cast<const wchar_t*>(shared_one)) == L"x");
}

TEST_CASE("T-19 _variant_t constructs, extracts through VariantChangeType and throws _com_error",
          "[win32][T-19][variant_t]") {
    _variant_t i(42L);
    CHECK(i.vt == VT_I4);
    CHECK(static_cast<double>(i) == 42.0);
    CHECK(static_cast<bool>(i));
    _bstr_t as_text = i;
    CHECK(std::wstring(static_cast<const wchar_t*>(as_text)) == L"42");
    _variant_t t(true);
    CHECK(t.vt == VT_BOOL);
    CHECK(t.boolVal == VARIANT_TRUE);
    _variant_t s("12");
    CHECK(s.vt == VT_BSTR);
    CHECK(static_cast<long>(s) == 12);
    _variant_t word(L"word");
    try {
        long value = word;
        static_cast<void>(value);
        FAIL("no _com_error");
    } catch (const _com_error& e) {
        CHECK(e.Error() == DISP_E_TYPEMISMATCH);
        CHECK(std::string(e.ErrorMessage()) == "Type mismatch.");
    }
    CHECK(_variant_t(5).vt == VT_INT);
    CHECK(_variant_t(5u).vt == VT_UINT);
    CHECK(_variant_t(2.5).vt == VT_R8);
    CHECK(_variant_t(static_cast<short>(3)).vt == VT_I2);
    CHECK(_variant_t(static_cast<unsigned long>(7)).vt == VT_UI4);
    REQUIRE_THROWS_AS(_variant_t(static_cast<long>(1) << 40),
                      _com_error);  // long is 32 bits on Windows
    _variant_t copy = word;
    CHECK(copy == word);
    CHECK(copy.bstrVal != word.bstrVal);
    copy.ChangeType(VT_BSTR);
    copy = 3L;
    CHECK(copy.vt == VT_I4);
    VARIANT detached = copy.Detach();
    CHECK(copy.vt == VT_EMPTY);
    CHECK(detached.lVal == 3);
    _com_error unknown(static_cast<HRESULT>(0x80041234u));
    CHECK(std::string(unknown.ErrorMessage()) == "IDispatch error #4148");
    _com_error plain(static_cast<HRESULT>(0x80990001u));
    CHECK(std::string(plain.ErrorMessage()) == "Unknown error 0x80990001");
    CHECK(!plain.Description());
}

TEST_CASE(
    "T-19 _COM_SMARTPTR_TYPEDEF(IAppHostElement, __uuidof(IAppHostElement)) reads "
    "configuration with balanced references",
    "[win32][T-19][com_ptr_t]") {
    iisfake::FakeConfiguration config;
    config.section("system.webServer/sample")
        .set("enabled", true)
        .set("limit", 25)
        .set("mode", "strict");
    bool enabled = false;
    long limit = 0;
    CHECK(read_mode(config.admin_manager(), enabled, limit) == L"strict");
    CHECK(enabled);
    CHECK(limit == 25);
    CHECK(config.live_objects() == 0);  // every smart pointer released what it held

    IAppHostElementPtr section;
    REQUIRE(config.admin_manager()->GetAdminSection(_bstr_t(L"system.webServer/sample"),
                                                    _bstr_t(L"MACHINE/WEBROOT/APPHOST"),
                                                    &section) == S_OK);
    CHECK(section);
    CHECK(IAppHostElementPtr::GetIID() == iisfake::uuid_of<IAppHostElement>());
    IUnknownPtr unknown(section.GetInterfacePtr());  // QueryInterface(IID_IUnknown)
    CHECK(unknown);
    CHECK(section == unknown);                             // COM identity
    IAppHostPropertyPtr wrong(unknown.GetInterfacePtr());  // E_NOINTERFACE: NULL, no throw
    CHECK(!wrong);
    IAppHostElementPtr second = section;
    CHECK(config.live_objects() == 1);
    IAppHostElement* raw = section.Detach();
    CHECK(!section);
    section.Attach(raw);
    second.Release();
    REQUIRE_THROWS_AS(second.Release(), _com_error);  // already NULL: E_POINTER
    REQUIRE_THROWS_AS(second->get_Collection(nullptr), _com_error);
    unknown = nullptr;
    section = nullptr;
    CHECK(config.live_objects() == 0);

    IAppHostElementPtr created;
    CHECK(created.CreateInstance(__uuidof(IAppHostElement)) == REGDB_E_CLASSNOTREG);
    CHECK(created.CreateInstance(L"Microsoft.ApplicationHost.AdminManager") == CO_E_CLASSSTRING);

    // A test registers what CoCreateInstance creates: here the fake's admin manager.
    static const GUID clsid = {
        0x228fb8f7, 0xfb53, 0x4fd5, {0x8c, 0x7b, 0xff, 0x59, 0xde, 0x60, 0x6c, 0x5b}};
    IAppHostAdminManager* admin = config.admin_manager();
    iisfake::win32::register_com_class(clsid, [admin](IUnknown* outer, REFIID riid, void** ppv) {
        return outer ? CLASS_E_NOAGGREGATION : admin->QueryInterface(riid, ppv);
    });
    {
        IAppHostAdminManagerPtr manager(clsid);
        REQUIRE(manager);
        CHECK(manager.GetInterfacePtr() == admin);
        bool on = false;
        long count = 0;
        CHECK(read_mode(manager, on, count) == L"strict");
    }
    void* raw_created = nullptr;
    CHECK(CoCreateInstance(clsid, admin, CLSCTX_INPROC_SERVER, __uuidof(IAppHostAdminManager),
                           &raw_created) == CLASS_E_NOAGGREGATION);
    CHECK(raw_created == nullptr);
    iisfake::win32::unregister_com_class(clsid);
    CHECK(CoCreateInstance(clsid, nullptr, CLSCTX_ALL, __uuidof(IUnknown), &raw_created) ==
          REGDB_E_CLASSNOTREG);
    CHECK(config.live_objects() == 0);
}
