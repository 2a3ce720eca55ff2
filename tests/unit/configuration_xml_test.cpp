// iisfake::load_configuration_xml: applicationHost.config syntax into a FakeConfiguration, read
// back through IAppHostAdminManager (rules CFG-1..CFG-8 in fake_configuration.hpp; the XML
// mapping is documented in configuration_xml.hpp). Built only where pugixml is found.
#include <string>
#include <vector>

#include <iisfake/iisfake.hpp>
#include <iisfake/configuration_xml.hpp>

#include "catch.hpp"

namespace {

using iisfake::AttributeType;
using iisfake::FakeConfiguration;
using iisfake::load_configuration_xml;

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

// A section's attribute as text, "<0x...>" when a step fails.
std::string read(FakeConfiguration& config, const wchar_t* name, const wchar_t* path,
                 const wchar_t* attribute, const wchar_t* child = nullptr) {
    IAppHostElement* element = nullptr;
    HRESULT hr = config.admin_manager()->GetAdminSection(Bstr(name), Bstr(path), &element);
    if (FAILED(hr)) return "<" + iisfake::hresult_text(hr) + ">";
    if (child) {
        IAppHostElement* inner = nullptr;
        hr = element->GetElementByName(Bstr(child), &inner);
        element->Release();
        if (FAILED(hr)) return "<" + iisfake::hresult_text(hr) + ">";
        element = inner;
    }
    IAppHostProperty* property = nullptr;
    hr = element->GetPropertyByName(Bstr(attribute), &property);
    element->Release();
    if (FAILED(hr)) return "<" + iisfake::hresult_text(hr) + ">";
    BSTR value = nullptr;
    hr = property->get_StringValue(&value);
    property->Release();
    const std::string out = iisfake::detail::utf8_of(value);
    SysFreeString(value);
    return out;
}

VARTYPE vartype(FakeConfiguration& config, const wchar_t* name, const wchar_t* attribute) {
    IAppHostElement* element = nullptr;
    REQUIRE(config.admin_manager()->GetAdminSection(Bstr(name), Bstr(L"MACHINE/WEBROOT/APPHOST"),
                                                    &element) == S_OK);
    IAppHostProperty* property = nullptr;
    REQUIRE(element->GetPropertyByName(Bstr(attribute), &property) == S_OK);
    element->Release();
    VARIANT value;
    REQUIRE(property->get_Value(&value) == S_OK);
    property->Release();
    const VARTYPE vt = value.vt;
    VariantClear(&value);
    return vt;
}

std::vector<std::string> entries(FakeConfiguration& config, const wchar_t* name,
                                 const wchar_t* path, const wchar_t* key) {
    IAppHostElement* element = nullptr;
    REQUIRE(config.admin_manager()->GetAdminSection(Bstr(name), Bstr(path), &element) == S_OK);
    IAppHostElementCollection* collection = nullptr;
    REQUIRE(element->get_Collection(&collection) == S_OK);
    element->Release();
    REQUIRE(collection != nullptr);
    DWORD count = 0;
    REQUIRE(collection->get_Count(&count) == S_OK);
    std::vector<std::string> out;
    for (DWORD i = 0; i < count; ++i) {
        VARIANT index;
        VariantInit(&index);
        index.vt = VT_UI4;
        index.ulVal = i;
        IAppHostElement* entry = nullptr;
        REQUIRE(collection->get_Item(index, &entry) == S_OK);
        IAppHostProperty* property = nullptr;
        REQUIRE(entry->GetPropertyByName(Bstr(key), &property) == S_OK);
        BSTR value = nullptr;
        REQUIRE(property->get_StringValue(&value) == S_OK);
        out.push_back(iisfake::detail::utf8_of(value));
        SysFreeString(value);
        property->Release();
        entry->Release();
    }
    collection->Release();
    return out;
}

const wchar_t* const site = L"MACHINE/WEBROOT/APPHOST/Default Web Site";
const wchar_t* const app = L"MACHINE/WEBROOT/APPHOST/Default Web Site/app";

}  // namespace

TEST_CASE("XML: applicationHost.config with a <location> reads as it merges (CFG-1, CFG-2)",
          "[config][xml]") {
    FakeConfiguration config;
    load_configuration_xml(config, R"(<?xml version="1.0" encoding="UTF-8"?>
<configuration>
  <!-- the machine-wide defaults -->
  <system.webServer>
    <stripHeaders enabled="true">
      <add name="Server" />
      <add name="X-Powered-By" />
    </stripHeaders>
  </system.webServer>
  <location path="Default Web Site/app">
    <system.webServer>
      <stripHeaders enabled="false">
        <remove name="Server" />
        <add name="X-AspNet-Version" />
      </stripHeaders>
    </system.webServer>
  </location>
</configuration>)");
    CHECK(read(config, L"system.webServer/stripHeaders", site, L"enabled") == "true");
    CHECK(read(config, L"system.webServer/stripHeaders", app, L"enabled") == "false");
    CHECK(entries(config, L"system.webServer/stripHeaders", site, L"name") ==
          std::vector<std::string>{"Server", "X-Powered-By"});
    CHECK(entries(config, L"system.webServer/stripHeaders", app, L"name") ==
          std::vector<std::string>{"X-Powered-By", "X-AspNet-Version"});
    CHECK(config.live_objects() == 0);
}

TEST_CASE("XML: a bare <system.webServer> fragment, and a web.config at a site's path",
          "[config][xml]") {
    FakeConfiguration config;
    load_configuration_xml(config, "<system.webServer><x a=\"root\"/></system.webServer>");
    load_configuration_xml(config,
                           "<configuration><system.webServer><x a=\"site\"/></system.webServer>"
                           "</configuration>",
                           "MACHINE/WEBROOT/APPHOST/Default Web Site");
    CHECK(read(config, L"system.webServer/x", L"MACHINE/WEBROOT/APPHOST", L"a") == "root");
    CHECK(read(config, L"system.webServer/x", app, L"a") == "site");
}

TEST_CASE("XML: declared types, collection names and keys type what XML leaves untyped (CFG-8)",
          "[config][xml]") {
    FakeConfiguration config;
    auto schema = config.declare_section("system.webServer/stripHeaders");
    schema.attribute("enabled", AttributeType::Bool).attribute("max", AttributeType::UInt);
    schema.enumeration("mode", {{"Off", 0}, {"On", 1}});
    schema.collection("header", {"name"});
    load_configuration_xml(config, R"(<configuration><system.webServer>
      <stripHeaders enabled="True" max="10" mode="On" note="free text">
        <header name="Server"/><header name="ETag"/>
      </stripHeaders></system.webServer>
      <location path="Default Web Site"><system.webServer><stripHeaders>
        <remove name="etag"/><header name="Via"/>
      </stripHeaders></system.webServer></location></configuration>)");
    CHECK(vartype(config, L"system.webServer/stripHeaders", L"enabled") == VT_BOOL);
    CHECK(vartype(config, L"system.webServer/stripHeaders", L"max") == VT_UI4);
    CHECK(vartype(config, L"system.webServer/stripHeaders", L"mode") == VT_I4);
    CHECK(vartype(config, L"system.webServer/stripHeaders", L"note") == VT_BSTR);
    CHECK(read(config, L"system.webServer/stripHeaders", site, L"enabled") == "true");
    CHECK(entries(config, L"system.webServer/stripHeaders", site, L"name") ==
          std::vector<std::string>{"Server", "Via"});
}

TEST_CASE("XML: section groups, child elements, <configSections> and lock attributes",
          "[config][xml]") {
    FakeConfiguration config;
    load_configuration_xml(config, R"(<configuration>
      <configSections>
        <sectionGroup name="system.custom"><section name="mine"/></sectionGroup>
      </configSections>
      <system.webServer>
        <security>
          <requestFiltering allowDoubleEscaping="true" lockAttributes="allowDoubleEscaping">
            <requestLimits maxAllowedContentLength="1000"/>
          </requestFiltering>
        </security>
      </system.webServer>
    </configuration>)");
    CHECK(read(config, L"system.webServer/security/requestFiltering", site,
               L"allowDoubleEscaping") == "true");
    CHECK(read(config, L"system.webServer/security/requestFiltering", site,
               L"maxAllowedContentLength", L"requestLimits") == "1000");
    CHECK(read(config, L"system.webServer/security/requestFiltering", site, L"lockAttributes") ==
          "<0x80070585>");  // metadata, not a property (CFG-5)
    // Declared in <configSections> and set nowhere: found, with no attributes (CFG-4).
    CHECK(read(config, L"system.custom/mine", site, L"x") == "<0x80070585>");
    CHECK(read(config, L"system.custom/other", site, L"x") == "<0x80070490>");
}

TEST_CASE("XML: errors name the line and column; they never crash", "[config][xml]") {
    FakeConfiguration config;
    try {
        load_configuration_xml(config, "<configuration>\n  <system.webServer>\n    <x a=\"1>\n");
        FAIL("no error");
    } catch (const iisfake::ConfigurationError& error) {
        CHECK(std::string(error.what()).find("line 3") != std::string::npos);
    }
    try {
        load_configuration_xml(config,
                               "<configuration>\n<location path=\"a\">\n"
                               "<location path=\"b\"/></location></configuration>");
        FAIL("no error");
    } catch (const iisfake::ConfigurationError& error) {
        CAPTURE(error.what());
        CHECK(std::string(error.what()).find("line 3, column 2") != std::string::npos);
    }
    CHECK_THROWS_AS(load_configuration_xml(config,
                                           "<configuration><location path=\"a//b\"/>"
                                           "</configuration>"),
                    iisfake::ConfigurationError);
    std::string deep = "<system.webServer><x>";
    for (int i = 0; i < 100; ++i) deep += "<c>";
    for (int i = 0; i < 100; ++i) deep += "</c>";
    deep += "</x></system.webServer>";
    CHECK_THROWS_AS(load_configuration_xml(config, deep), iisfake::ConfigurationError);
    CHECK_THROWS_AS(load_configuration_xml(config, ""), iisfake::ConfigurationError);
    CHECK_THROWS_AS(load_configuration_xml(config, "<a/>", "NOT/A/PATH"),
                    iisfake::ConfigurationError);
}
