// iisfake::FakeConfiguration read through IAppHostAdminManager as module code reads it:
// GetAdminSection -> GetPropertyByName -> get_Value, collections by VARIANT index, location
// inheritance and add/remove/clear merging, the failures IIS returns, reference counts and BSTR
// lifetimes (rules CFG-1..CFG-14 in include/iisfake/fake_configuration.hpp).
#include <cstring>
#include <cwchar>
#include <memory>
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/fake_configuration.hpp>

#include "catch.hpp"

namespace {

using iisfake::AttributeType;
using iisfake::FakeConfiguration;

const HRESULT invalid_index = HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
const HRESULT lock_violation = HRESULT_FROM_WIN32(33);

// A COM pointer released at scope end, as CComPtr would.
template <class T>
class Ptr {
public:
    Ptr() = default;
    Ptr(const Ptr&) = delete;
    Ptr& operator=(const Ptr&) = delete;
    ~Ptr() { reset(); }
    T** out() {
        reset();
        return &p_;
    }
    T* operator->() const { return p_; }
    T* get() const { return p_; }
    void reset() {
        if (p_) p_->Release();
        p_ = nullptr;
    }

private:
    T* p_ = nullptr;
};

class Bstr {
public:
    explicit Bstr(const wchar_t* text) : b_(SysAllocString(text)) {}
    Bstr(const Bstr&) = delete;
    Bstr& operator=(const Bstr&) = delete;
    ~Bstr() { SysFreeString(b_); }
    operator BSTR() const { return b_; }  // NOLINT: as module code passes it

private:
    BSTR b_;
};

std::string utf8(BSTR text) {
    std::string out = iisfake::detail::utf8_of(text);
    SysFreeString(text);
    return out;
}

HRESULT section(FakeConfiguration& config, const wchar_t* name, const wchar_t* path,
                Ptr<IAppHostElement>& out) {
    return config.admin_manager()->GetAdminSection(Bstr(name), Bstr(path), out.out());
}

// get_StringValue of a property, or "<hr>" when it fails.
std::string string_property(IAppHostElement* element, const wchar_t* name) {
    Ptr<IAppHostProperty> property;
    const HRESULT hr = element->GetPropertyByName(Bstr(name), property.out());
    if (FAILED(hr)) return "<" + iisfake::hresult_text(hr) + ">";
    BSTR value = nullptr;
    REQUIRE(property->get_StringValue(&value) == S_OK);
    return utf8(value);
}

VARIANT value_of(IAppHostElement* element, const wchar_t* name) {
    Ptr<IAppHostProperty> property;
    REQUIRE(element->GetPropertyByName(Bstr(name), property.out()) == S_OK);
    VARIANT value;
    REQUIRE(property->get_Value(&value) == S_OK);
    return value;
}

// The collection's entries, each as the value of attribute `key`, iterated as iisnode does
// (VT_I2 indexes) or as ANCM does (VT_UI4).
std::vector<std::string> entries(IAppHostElement* element, const wchar_t* key,
                                 VARTYPE index_type = VT_I2) {
    Ptr<IAppHostElementCollection> collection;
    REQUIRE(element->get_Collection(collection.out()) == S_OK);
    REQUIRE(collection.get() != nullptr);
    DWORD count = 0;
    REQUIRE(collection->get_Count(&count) == S_OK);
    std::vector<std::string> out;
    for (DWORD i = 0; i < count; ++i) {
        VARIANT index;
        VariantInit(&index);
        index.vt = index_type;
        if (index_type == VT_I2)
            index.iVal = static_cast<SHORT>(i);
        else
            index.ulVal = i;
        Ptr<IAppHostElement> entry;
        REQUIRE(collection->get_Item(index, entry.out()) == S_OK);
        out.push_back(string_property(entry.get(), key));
    }
    return out;
}

const wchar_t* const apphost = L"MACHINE/WEBROOT/APPHOST";
const wchar_t* const site = L"MACHINE/WEBROOT/APPHOST/Default Web Site";
const wchar_t* const app = L"MACHINE/WEBROOT/APPHOST/Default Web Site/app";
const wchar_t* const sub = L"MACHINE/WEBROOT/APPHOST/Default Web Site/app/sub";

}  // namespace

TEST_CASE("CFG-1: a module reads its section's attribute as a VARIANT", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/stripHeaders").set("enabled", true).set("mode", "strict");
    {
        Ptr<IAppHostElement> element;
        REQUIRE(section(config, L"system.webServer/stripHeaders", site, element) == S_OK);
        VARIANT enabled = value_of(element.get(), L"enabled");
        CHECK(enabled.vt == VT_BOOL);
        CHECK(enabled.boolVal == VARIANT_TRUE);  // -1, not TRUE
        CHECK(enabled.boolVal == -1);
        VARIANT mode = value_of(element.get(), L"mode");
        REQUIRE(mode.vt == VT_BSTR);
        CHECK(SysStringLen(mode.bstrVal) == 6);
        CHECK(std::wcscmp(mode.bstrVal, L"strict") == 0);
        VariantClear(&mode);
        BSTR name = nullptr;
        REQUIRE(element->get_Name(&name) == S_OK);
        CHECK(utf8(name) == "stripHeaders");
        CHECK(config.live_objects() == 1);
    }
    CHECK(config.live_objects() == 0);  // every object freed exactly once (ASan checks "once")
}

TEST_CASE("CFG-1, CFG-3: deeper levels override attributes; paths compare case-insensitively",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("enabled", false).set("name", "root");
    config.location("Default Web Site/app").section("system.webServer/x").set("enabled", true);
    config.location("MACHINE/WEBROOT/APPHOST/Other Site")
        .section("system.webServer/x")
        .set("name", "other");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    CHECK(string_property(element.get(), L"enabled") == "false");
    REQUIRE(section(config, L"system.webServer/x", sub, element) == S_OK);
    CHECK(string_property(element.get(), L"enabled") == "true");
    CHECK(string_property(element.get(), L"name") == "root");  // inherited from APPHOST
    REQUIRE(section(config, L"system.webServer/x", L"machine/webroot/apphost/DEFAULT WEB SITE/App/",
                    element) == S_OK);
    CHECK(string_property(element.get(), L"enabled") == "true");
    REQUIRE(section(config, L"system.webServer/x",
                    L"MACHINE/WEBROOT/APPHOST/Default Web Site/application", element) == S_OK);
    CHECK(string_property(element.get(), L"enabled") ==
          "false");  // "app" is a segment, not a prefix
    REQUIRE(section(config, L"system.webServer/x", L"MACHINE/WEBROOT/APPHOST/Other Site/a",
                    element) == S_OK);
    CHECK(string_property(element.get(), L"name") == "other");
    Ptr<IAppHostElement> root;
    REQUIRE(section(config, L"system.webServer/x", L"MACHINE/WEBROOT", root) == S_OK);
    CHECK(string_property(root.get(), L"name") == "<0x80070585>");  // set below this path only
}

TEST_CASE("CFG-1: child elements merge level by level", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").child("limits").set("max", 10u).set("min", 1u);
    config.location("Default Web Site")
        .section("system.webServer/x")
        .child("limits")
        .set("max", 20u);
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", app, element) == S_OK);
    Ptr<IAppHostElement> limits;
    REQUIRE(element->GetElementByName(Bstr(L"limits"), limits.out()) == S_OK);
    VARIANT max = value_of(limits.get(), L"max");
    CHECK(max.vt == VT_UI4);
    CHECK(max.ulVal == 20u);
    CHECK(string_property(limits.get(), L"min") == "1");
    VARIANT deepest;
    REQUIRE(limits->GetMetadata(Bstr(L"deepestPathSet"), &deepest) == S_OK);
    REQUIRE(deepest.vt == VT_BSTR);
    CHECK(std::wcscmp(deepest.bstrVal, L"MACHINE/WEBROOT/APPHOST/Default Web Site") == 0);
    VariantClear(&deepest);
}

TEST_CASE("CFG-2: collections merge add, remove by key and clear across levels", "[config]") {
    FakeConfiguration config;
    config.declare_section("system.webServer/stripHeaders").collection("add", {"name"});
    config.section("system.webServer/stripHeaders")
        .add({{"name", "Server"}})
        .add({{"name", "X-Powered-By"}});
    config.location("Default Web Site/app")
        .section("system.webServer/stripHeaders")
        .remove({{"name", "server"}})  // keys compare case-insensitively
        .add({{"name", "X-AspNet-Version"}});
    config.location("Default Web Site/app/sub")
        .section("system.webServer/stripHeaders")
        .clear()
        .add({{"name", "X-Only"}});
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/stripHeaders", site, element) == S_OK);
    CHECK(entries(element.get(), L"name") == std::vector<std::string>{"Server", "X-Powered-By"});
    REQUIRE(section(config, L"system.webServer/stripHeaders", app, element) == S_OK);
    CHECK(entries(element.get(), L"name", VT_UI4) ==
          std::vector<std::string>{"X-Powered-By", "X-AspNet-Version"});
    REQUIRE(section(config, L"system.webServer/stripHeaders", sub, element) == S_OK);
    CHECK(entries(element.get(), L"name") == std::vector<std::string>{"X-Only"});
    Ptr<IAppHostElementCollection> collection;
    REQUIRE(element->get_Collection(collection.out()) == S_OK);
    VARIANT index;
    index.vt = VT_I4;
    index.lVal = 0;
    Ptr<IAppHostElement> entry;
    REQUIRE(collection->get_Item(index, entry.out()) == S_OK);
    BSTR name = nullptr;
    REQUIRE(entry->get_Name(&name) == S_OK);
    CHECK(utf8(name) == "add");
}

TEST_CASE("CFG-2: a duplicate key fails GetAdminSection unless duplicates are allowed",
          "[config]") {
    FakeConfiguration config;
    config.declare_section("system.webServer/x").collection("header", {"name"});
    config.section("system.webServer/x").add({{"name", "Server"}});
    config.location("Default Web Site").section("system.webServer/x").add({{"name", "SERVER"}});
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", apphost, element) == S_OK);
    CHECK(entries(element.get(), L"name") == std::vector<std::string>{"Server"});
    CHECK(section(config, L"system.webServer/x", site, element) ==
          HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    CHECK(element.get() == nullptr);
    CHECK(config.last_error().find("duplicate") != std::string::npos);
    config.declare_section("system.webServer/x").collection("header", {"name"}, true, true);
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    CHECK(entries(element.get(), L"name") == std::vector<std::string>{"Server", "SERVER"});
    CHECK(config.last_error().empty());
}

TEST_CASE("CFG-2: a merge_append = false collection puts deeper entries first", "[config]") {
    FakeConfiguration config;
    config.declare_section("system.webServer/handlers").collection("add", {"name"}, false);
    config.section("system.webServer/handlers").add({{"name", "a"}}).add({{"name", "b"}});
    config.location("Default Web Site")
        .section("system.webServer/handlers")
        .add({{"name", "c"}})
        .add({{"name", "d"}});
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/handlers", site, element) == S_OK);
    CHECK(entries(element.get(), L"name") == std::vector<std::string>{"c", "d", "a", "b"});
}

TEST_CASE("CFG-2: without declared keys, remove matches every attribute it names", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x")
        .add({{"name", "a"}, {"value", "1"}})
        .add({{"name", "a"}, {"value", "2"}})
        .add({{"name", "b"}, {"value", "1"}});
    config.location("Default Web Site")
        .section("system.webServer/x")
        .remove({{"name", "A"}, {"value", "2"}});
    config.location("Default Web Site/app").section("system.webServer/x").remove({{"value", "1"}});
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    CHECK(entries(element.get(), L"value") == std::vector<std::string>{"1", "1"});
    REQUIRE(section(config, L"system.webServer/x", app, element) == S_OK);
    CHECK(entries(element.get(), L"name").empty());
}

TEST_CASE("CFG-4: an undeclared section fails; a declared one set nowhere has its defaults",
          "[config]") {
    FakeConfiguration config;
    Ptr<IAppHostElement> element;
    CHECK(section(config, L"system.webServer/nothing", site, element) ==
          HRESULT_FROM_WIN32(ERROR_NOT_FOUND));
    CHECK(element.get() == nullptr);
    CHECK(config.last_error().find("not declared") != std::string::npos);
    config.options().undeclared_section = HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    CHECK(section(config, L"system.webServer/nothing", site, element) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_DATA));

    config.declare_section("system.webServer/mine")
        .attribute("enabled", AttributeType::Bool, "true")
        .attribute("limit", AttributeType::UInt)
        .attribute("path", AttributeType::String, "C:\\x");
    REQUIRE(section(config, L"system.webServer/mine", site, element) == S_OK);
    VARIANT enabled = value_of(element.get(), L"enabled");
    CHECK(enabled.vt == VT_BOOL);
    CHECK(enabled.boolVal == VARIANT_TRUE);
    VARIANT limit = value_of(element.get(), L"limit");
    CHECK(limit.vt == VT_UI4);
    CHECK(limit.ulVal == 0u);
    CHECK(string_property(element.get(), L"path") == "C:\\x");
    Ptr<IAppHostPropertyCollection> properties;
    REQUIRE(element->get_Properties(properties.out()) == S_OK);
    DWORD count = 0;
    REQUIRE(properties->get_Count(&count) == S_OK);
    CHECK(count == 3u);
}

TEST_CASE("CFG-3: bad configuration paths", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "b");
    Ptr<IAppHostElement> element;
    CHECK(section(config, L"system.webServer/x", L"", element) == E_INVALIDARG);
    CHECK(config.admin_manager()->GetAdminSection(Bstr(L"system.webServer/x"), nullptr,
                                                  element.out()) == E_INVALIDARG);
    CHECK(section(config, L"system.webServer/x", L"Default Web Site", element) ==
          HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    CHECK(section(config, L"system.webServer/x", L"MACHINE/WEBROOT/APPHOST//app", element) ==
          HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    CHECK(section(config, L"system.webServer/x", L"MACHINE/OTHER", element) ==
          HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND));
    CHECK(element.get() == nullptr);
    CHECK_THROWS_AS(config.location("a//b"), iisfake::ConfigurationError);
    CHECK_THROWS_AS(config.location("MACHINE/NOT/APPHOST"), iisfake::ConfigurationError);
    CHECK_NOTHROW(config.location("."));
    CHECK_NOTHROW(config.location("/Default Web Site/"));
}

TEST_CASE("CFG-5: a property or child element that does not exist", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "1").child("inner").set("b", "2");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    IAppHostProperty* property = reinterpret_cast<IAppHostProperty*>(&config);  // not NULL
    CHECK(element->GetPropertyByName(Bstr(L"missing"), &property) == invalid_index);
    CHECK(property == nullptr);
    CHECK(element->GetPropertyByName(Bstr(L"A"), &property) == invalid_index);  // case-sensitive
    IAppHostElement* child = element.get();
    CHECK(element->GetElementByName(Bstr(L"nope"), &child) == invalid_index);
    CHECK(child == nullptr);
    Ptr<IAppHostElement> inner;
    REQUIRE(element->GetElementByName(Bstr(L"inner"), inner.out()) == S_OK);
    CHECK(string_property(inner.get(), L"b") == "2");
}

TEST_CASE("CFG-6: get_Item takes integer VARIANTs of any width, and names where IIS does",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x")
        .set("first", "1")
        .set("second", "2")
        .add({{"name", "a"}})
        .child("c1")
        .set("z", "9");
    config.section("system.webServer/x").child("c2");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    Ptr<IAppHostPropertyCollection> properties;
    REQUIRE(element->get_Properties(properties.out()) == S_OK);
    const VARTYPE integer_types[] = {VT_I1,  VT_I2,  VT_I4,  VT_I8,  VT_INT,
                                     VT_UI1, VT_UI2, VT_UI4, VT_UI8, VT_UINT};
    for (VARTYPE vt : integer_types) {
        VARIANT index;
        std::memset(&index, 0, sizeof index);
        index.vt = vt;
        index.bVal = 1;  // the low byte, whatever the width
        Ptr<IAppHostProperty> property;
        CAPTURE(vt);
        REQUIRE(properties->get_Item(index, property.out()) == S_OK);
        BSTR name = nullptr;
        REQUIRE(property->get_Name(&name) == S_OK);
        CHECK(utf8(name) == "second");
    }
    VARIANT index;
    VariantInit(&index);
    index.vt = VT_I4;
    index.lVal = 2;
    Ptr<IAppHostProperty> property;
    CHECK(properties->get_Item(index, property.out()) == invalid_index);
    index.lVal = -1;
    CHECK(properties->get_Item(index, property.out()) == invalid_index);
    index.vt = VT_R8;
    index.dblVal = 0.0;
    CHECK(properties->get_Item(index, property.out()) == E_INVALIDARG);
    CHECK(property.get() == nullptr);
    Bstr second(L"second");
    index.vt = VT_BSTR;
    index.bstrVal = second;
    REQUIRE(properties->get_Item(index, property.out()) == S_OK);  // iisnode's way

    Ptr<IAppHostChildElementCollection> children;
    REQUIRE(element->get_ChildElements(children.out()) == S_OK);
    DWORD count = 0;
    REQUIRE(children->get_Count(&count) == S_OK);
    CHECK(count == 2u);
    Bstr c2(L"c2");
    index.bstrVal = c2;
    Ptr<IAppHostElement> child;
    REQUIRE(children->get_Item(index, child.out()) == S_OK);
    index.vt = VT_UI4;
    index.ulVal = 2;
    CHECK(children->get_Item(index, child.out()) == invalid_index);

    Ptr<IAppHostElementCollection> collection;
    REQUIRE(element->get_Collection(collection.out()) == S_OK);
    index.ulVal = 1;
    CHECK(collection->get_Item(index, child.out()) == invalid_index);
    index.vt = VT_BSTR;
    index.bstrVal = c2;
    CHECK(collection->get_Item(index, child.out()) == E_INVALIDARG);
}

TEST_CASE("CFG-7: each schema type reads as its VARTYPE and as text", "[config]") {
    FakeConfiguration config;
    config.declare_section("system.webServer/t")
        .attribute("i", AttributeType::Int)
        .attribute("u", AttributeType::UInt)
        .attribute("i64", AttributeType::Int64)
        .attribute("u64", AttributeType::UInt64)
        .attribute("span", AttributeType::TimeSpan, "00:02:00")
        .enumeration("mode", {{"Off", 0}, {"On", 1}, {"Auto", 7}})
        .flags("verbs", {{"None", 0}, {"Get", 1}, {"Post", 2}, {"Put", 4}}, "Get");
    config.section("system.webServer/t")
        .set("i", "-5")
        .set("u", "4294967295")
        .set("i64", "-9223372036854775808")
        .set("u64", "18446744073709551615")
        .set("mode", "auto")
        .set("verbs", "Post, Get");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/t", site, element) == S_OK);
    VARIANT v = value_of(element.get(), L"i");
    CHECK((v.vt == VT_I4 && v.lVal == -5));
    v = value_of(element.get(), L"u");
    CHECK((v.vt == VT_UI4 && v.ulVal == 4294967295u));
    v = value_of(element.get(), L"i64");
    CHECK((v.vt == VT_I8 && v.llVal == -9223372036854775807LL - 1));
    v = value_of(element.get(), L"u64");
    CHECK((v.vt == VT_UI8 && v.ullVal == 18446744073709551615ULL));
    v = value_of(element.get(), L"span");
    CHECK((v.vt == VT_UI8 && v.ullVal == 1200000000ULL));  // 100-ns ticks (ANCM: / 10000 = ms)
    CHECK(string_property(element.get(), L"span") == "00:02:00");
    v = value_of(element.get(), L"mode");
    CHECK((v.vt == VT_I4 && v.lVal == 7));
    CHECK(string_property(element.get(), L"mode") == "Auto");
    v = value_of(element.get(), L"verbs");
    CHECK((v.vt == VT_I4 && v.lVal == 3));
    CHECK(string_property(element.get(), L"verbs") == "Get,Post");
    CHECK(string_property(element.get(), L"u64") == "18446744073709551615");

    config.options().enum_vartype = VT_UI4;
    REQUIRE(section(config, L"system.webServer/t", site, element) == S_OK);
    v = value_of(element.get(), L"mode");
    CHECK((v.vt == VT_UI4 && v.ulVal == 7u));

    config.location("Default Web Site").section("system.webServer/t").set("span", "1.02:03:04.5");
    REQUIRE(section(config, L"system.webServer/t", site, element) == S_OK);
    CHECK(string_property(element.get(), L"span") == "1.02:03:04.5000000");
    v = value_of(element.get(), L"span");
    CHECK(v.ullVal == ((((1ULL * 24 + 2) * 60 + 3) * 60 + 4) * 10000000ULL + 5000000ULL));
}

TEST_CASE("CFG-8: untyped attributes are strings, C++ values keep their type, bad values fail",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/u")
        .set("text", "42")
        .set("flag", false)
        .set("count", 3)
        .set("big", 5ULL)
        .set_typed("wait", AttributeType::TimeSpan, "00:00:01");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/u", site, element) == S_OK);
    VARIANT v = value_of(element.get(), L"text");
    CHECK(v.vt == VT_BSTR);
    VariantClear(&v);
    v = value_of(element.get(), L"flag");
    CHECK((v.vt == VT_BOOL && v.boolVal == VARIANT_FALSE));
    v = value_of(element.get(), L"count");
    CHECK((v.vt == VT_I4 && v.lVal == 3));
    v = value_of(element.get(), L"big");
    CHECK((v.vt == VT_UI8 && v.ullVal == 5u));
    v = value_of(element.get(), L"wait");
    CHECK((v.vt == VT_UI8 && v.ullVal == 10000000u));

    config.declare_section("system.webServer/u").attribute("text", AttributeType::Bool);
    CHECK(section(config, L"system.webServer/u", site, element) ==
          HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
    CHECK(config.last_error().find("'text'") != std::string::npos);
    config.declare_section("system.webServer/u").attribute("text", AttributeType::Int);
    REQUIRE(section(config, L"system.webServer/u", site, element) == S_OK);
    v = value_of(element.get(), L"text");
    CHECK((v.vt == VT_I4 && v.lVal == 42));
    const char* const bad[] = {"2147483648", "x", "-", "1 ", ""};
    for (const char* text : bad) {
        FakeConfiguration other;
        other.declare_section("s").attribute("n", AttributeType::Int);
        other.section("s").set("n", text);
        Ptr<IAppHostElement> e;
        CAPTURE(text);
        CHECK(section(other, L"s", site, e) ==
              (*text ? HRESULT_FROM_WIN32(ERROR_INVALID_DATA) : S_OK));
    }
}

TEST_CASE("CFG-9: the admin manager is read-only; schema, methods and files are not modelled",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "1").add({{"name", "n"}});
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    Ptr<IAppHostProperty> property;
    REQUIRE(element->GetPropertyByName(Bstr(L"a"), property.out()) == S_OK);
    VARIANT value;
    VariantInit(&value);
    CHECK(property->put_Value(value) == lock_violation);
    CHECK(property->Clear() == lock_violation);
    CHECK(property->SetMetadata(Bstr(L"x"), value) == lock_violation);
    CHECK(element->Clear() == lock_violation);
    CHECK(element->SetMetadata(Bstr(L"lockItem"), value) == lock_violation);
    Ptr<IAppHostElementCollection> collection;
    REQUIRE(element->get_Collection(collection.out()) == S_OK);
    CHECK(collection->AddElement(element.get()) == lock_violation);
    CHECK(collection->DeleteElement(value) == lock_violation);
    CHECK(collection->Clear() == lock_violation);
    Ptr<IAppHostElement> created;
    CHECK(collection->CreateNewElement(Bstr(L"add"), created.out()) == lock_violation);
    CHECK(created.get() == nullptr);
    Ptr<IAppHostPropertyException> exception;
    CHECK(property->get_Exception(exception.out()) == S_OK);  // ModSecurity checks it
    CHECK(exception.get() == nullptr);
    Ptr<IAppHostElementSchema> schema;
    CHECK(element->get_Schema(schema.out()) == E_NOTIMPL);
    CHECK(schema.get() == nullptr);
    Ptr<IAppHostMethodCollection> methods;
    CHECK(element->get_Methods(methods.out()) == E_NOTIMPL);
    Ptr<IAppHostConfigManager> manager;
    CHECK(config.admin_manager()->get_ConfigManager(manager.out()) == E_NOTIMPL);
    CHECK(manager.get() == nullptr);
}

TEST_CASE("CFG-10: no collection, no child elements: S_OK and NULL", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "1");
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    Ptr<IAppHostElementCollection> collection;
    CHECK(element->get_Collection(collection.out()) == S_OK);
    CHECK(collection.get() == nullptr);
    Ptr<IAppHostChildElementCollection> children;
    CHECK(element->get_ChildElements(children.out()) == S_OK);
    CHECK(children.get() == nullptr);
    config.declare_section("system.webServer/y").collection("add", {"name"});
    REQUIRE(section(config, L"system.webServer/y", site, element) == S_OK);
    REQUIRE(element->get_Collection(collection.out()) == S_OK);
    REQUIRE(collection.get() != nullptr);  // declared: an empty collection
    DWORD count = 7;
    CHECK(collection->get_Count(&count) == S_OK);
    CHECK(count == 0u);
}

TEST_CASE("CFG-11: reference counts, QueryInterface, and objects outliving the configuration",
          "[config]") {
    IAppHostElement* kept = nullptr;
    IAppHostProperty* property = nullptr;
    {
        std::unique_ptr<FakeConfiguration> config(new FakeConfiguration());
        config->section("system.webServer/x").set("a", "before");
        REQUIRE(config->admin_manager()->GetAdminSection(Bstr(L"system.webServer/x"), Bstr(site),
                                                         &kept) == S_OK);
        CHECK(kept->AddRef() == 2u);
        CHECK(kept->Release() == 1u);
        IUnknown* unknown = nullptr;
        REQUIRE(kept->QueryInterface(iisfake::uuid_of<IUnknown>(),
                                     reinterpret_cast<void**>(&unknown)) == S_OK);
        CHECK(unknown->Release() == 1u);
        IAppHostProperty* wrong = reinterpret_cast<IAppHostProperty*>(kept);
        CHECK(kept->QueryInterface(iisfake::uuid_of<IAppHostProperty>(),
                                   reinterpret_cast<void**>(&wrong)) == E_NOINTERFACE);
        CHECK(wrong == nullptr);
        IAppHostElement* again = nullptr;
        REQUIRE(kept->QueryInterface(iisfake::uuid_of<IAppHostElement>(),
                                     reinterpret_cast<void**>(&again)) == S_OK);
        CHECK(again == kept);
        again->Release();
        config->set_misuse_handler(iisfake::ignore_misuse);
        CHECK(kept->QueryInterface(iisfake::uuid_of<IUnknown>(), nullptr) == E_POINTER);
        CHECK(config->misuses().back().rule == "CFG-11");
        REQUIRE(kept->GetPropertyByName(Bstr(L"a"), &property) == S_OK);
        config->section("system.webServer/x").set("a", "after");  // a snapshot: unchanged
        CHECK(string_property(kept, L"a") == "before");
        CHECK(config->live_objects() == 2);
    }  // the configuration is gone; its objects are not
    BSTR text = nullptr;
    REQUIRE(property->get_StringValue(&text) == S_OK);
    CHECK(utf8(text) == "before");
    CHECK(property->Release() == 0u);
    CHECK(string_property(kept, L"a") == "before");
    CHECK(kept->Release() == 0u);
}

TEST_CASE("CFG-12: NULL out-parameters and names are misuse; IIS returns E_INVALIDARG",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "1");
    IAppHostAdminManager* admin = config.admin_manager();
    try {
        admin->GetAdminSection(Bstr(L"system.webServer/x"), Bstr(site), nullptr);
        FAIL("no misuse reported");
    } catch (const iisfake::MisuseError& error) {
        CHECK(error.report().rule == "CFG-12");
        CHECK(error.report().method == "IAppHostAdminManager::GetAdminSection");
    }
    config.set_misuse_handler(iisfake::ignore_misuse);
    Ptr<IAppHostElement> element;
    CHECK(admin->GetAdminSection(nullptr, Bstr(site), element.out()) == E_INVALIDARG);
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    CHECK(element->GetPropertyByName(Bstr(L"a"), nullptr) == E_INVALIDARG);
    IAppHostProperty* property = nullptr;
    CHECK(element->GetPropertyByName(nullptr, &property) == E_INVALIDARG);
    CHECK(element->get_Name(nullptr) == E_INVALIDARG);
    CHECK(config.misuses().size() == 5u);
    CHECK(config.misuses().back().method == "IAppHostElement::get_Name");
    // The server's admin manager: AddRef/Release pair up; one Release too many is misuse.
    CHECK(admin->AddRef() == 2u);
    CHECK(admin->Release() == 1u);
    CHECK(admin->Release() == 1u);
    CHECK(config.misuses().back().method == "IAppHostAdminManager::Release");
    CHECK(config.references() == 1);
}

TEST_CASE("CFG-13: names are read to their NUL, as ModSecurity passes plain WCHAR arrays",
          "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/ModSecurity").set("enabled", true);
    WCHAR section_name[] = L"system.webServer/ModSecurity";  // no BSTR length prefix
    WCHAR path[] = L"MACHINE/WEBROOT/APPHOST/Default Web Site";
    WCHAR enabled[] = L"enabled";
    Ptr<IAppHostElement> element;
    REQUIRE(config.admin_manager()->GetAdminSection(section_name, path, element.out()) == S_OK);
    Ptr<IAppHostProperty> property;
    REQUIRE(element->GetPropertyByName(enabled, property.out()) == S_OK);
    VARIANT value;
    REQUIRE(property->get_Value(&value) == S_OK);
    CHECK(value.boolVal == VARIANT_TRUE);
}

TEST_CASE("CFG-14: metadata the admin manager and elements know", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("a", "1");
    IAppHostAdminManager* admin = config.admin_manager();
    VARIANT value;
    REQUIRE(admin->GetMetadata(Bstr(L"ignoreInvalidAttributes"), &value) == S_OK);
    CHECK((value.vt == VT_BOOL && value.boolVal == VARIANT_FALSE));
    VARIANT on;
    VariantInit(&on);
    on.vt = VT_BOOL;
    on.boolVal = VARIANT_TRUE;
    CHECK(admin->SetMetadata(Bstr(L"ignoreInvalidAttributes"), on) == S_OK);
    REQUIRE(admin->GetMetadata(Bstr(L"ignoreInvalidAttributes"), &value) == S_OK);
    CHECK(value.boolVal == VARIANT_TRUE);
    CHECK(admin->GetMetadata(Bstr(L"availableSections"), &value) ==
          HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    CHECK(admin->SetMetadata(Bstr(L"whatever"), on) == HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
    CHECK(admin->SetMetadata(Bstr(L"changeHandler"), on) == E_NOTIMPL);
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    REQUIRE(element->GetMetadata(Bstr(L"effectiveOverrideMode"), &value) == S_OK);
    CHECK(std::wcscmp(value.bstrVal, L"Allow") == 0);
    VariantClear(&value);
    CHECK(element->GetMetadata(Bstr(L"nope"), &value) == HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));
}

TEST_CASE("CFG-7: every BSTR handed out is the caller's own, with the right length", "[config]") {
    FakeConfiguration config;
    config.section("system.webServer/x").set("name", "caf\xc3\xa9 \xe2\x82\xac");  // café €
    Ptr<IAppHostElement> element;
    REQUIRE(section(config, L"system.webServer/x", site, element) == S_OK);
    Ptr<IAppHostProperty> property;
    REQUIRE(element->GetPropertyByName(Bstr(L"name"), property.out()) == S_OK);
    BSTR first = nullptr;
    BSTR second = nullptr;
    REQUIRE(property->get_StringValue(&first) == S_OK);
    REQUIRE(property->get_StringValue(&second) == S_OK);
    CHECK(first != second);
    CHECK(SysStringLen(first) == 6u);
    SysFreeString(first);  // freeing one leaves the other intact
    CHECK(std::wcscmp(second, L"caf\u00e9 \u20ac") == 0);
    SysFreeString(second);
    VARIANT value;
    REQUIRE(property->get_Value(&value) == S_OK);
    VARIANT copy;
    VariantInit(&copy);
    REQUIRE(VariantCopy(&copy, &value) == S_OK);
    VariantClear(&value);
    CHECK(std::wcscmp(copy.bstrVal, L"caf\u00e9 \u20ac") == 0);
    VariantClear(&copy);
}
