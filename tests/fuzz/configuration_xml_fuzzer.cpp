// A coverage-guided fuzzer (libFuzzer) for the configuration XML reader and FakeConfiguration:
// the first input byte picks a small schema to declare (or none), the rest is XML in
// applicationHost.config syntax. A ConfigurationError is the reader's answer to bad XML; anything
// else must not crash, leak or hit UB. After a successful load, every section the XML could name
// is read at a few paths through the COM interfaces, as module code reads it - properties by
// index and by name, values and strings, child elements, collection entries, recursively - and
// these invariants are checked:
//   - GetAdminSection's result and out-parameter agree; a failure names itself in last_error();
//   - get_Value's VARTYPE is one a property can have, BSTRs are NUL-terminated at SysStringLen;
//   - get_Count and get_Item agree: every index below the count succeeds, the count fails;
//   - every object handed out is released exactly once (live_objects() is 0 at the end).
// Build (clang 14): clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined
//                   -Iinclude tests/fuzz/configuration_xml_fuzzer.cpp -lpugixml -o cfg_fuzzer
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <iisfake/configuration_xml.hpp>

#include "fuzz_input.hpp"

namespace {

using iisfake::AttributeType;
using iisfake::FakeConfiguration;

const wchar_t* const paths[] = {L"MACHINE/WEBROOT/APPHOST", L"MACHINE/WEBROOT/APPHOST/a",
                                L"MACHINE/WEBROOT/APPHOST/a/b",
                                L"MACHINE/WEBROOT/APPHOST/Default Web Site/app"};

BSTR wide(const std::string& text) {
    const iisfake::detail::wide_string w = iisfake::detail::utf8_to_wide(text.data(), text.size());
    return SysAllocStringLen(w.data(), static_cast<UINT>(w.size()));
}

void check_bstr(BSTR text) {
    EXPECT(text != nullptr);
    EXPECT(text[SysStringLen(text)] == 0);
    SysFreeString(text);
}

void read_property(IAppHostProperty* property) {
    BSTR name = nullptr;
    EXPECT(property->get_Name(&name) == S_OK);
    check_bstr(name);
    VARIANT value;
    EXPECT(property->get_Value(&value) == S_OK);
    EXPECT(value.vt == VT_BSTR || value.vt == VT_BOOL || value.vt == VT_I4 || value.vt == VT_UI4 ||
           value.vt == VT_I8 || value.vt == VT_UI8);
    if (value.vt == VT_BSTR) EXPECT(value.bstrVal[SysStringLen(value.bstrVal)] == 0);
    if (value.vt == VT_BOOL)
        EXPECT(value.boolVal == VARIANT_TRUE || value.boolVal == VARIANT_FALSE);
    VariantClear(&value);
    BSTR text = nullptr;
    EXPECT(property->get_StringValue(&text) == S_OK);
    check_bstr(text);
    IAppHostPropertyException* exception = nullptr;
    EXPECT(property->get_Exception(&exception) == S_OK && exception == nullptr);
}

void read_element(IAppHostElement* element, int depth) {
    EXPECT(depth < 200);
    BSTR name = nullptr;
    EXPECT(element->get_Name(&name) == S_OK);
    check_bstr(name);

    IAppHostPropertyCollection* properties = nullptr;
    EXPECT(element->get_Properties(&properties) == S_OK && properties);
    DWORD count = 0;
    EXPECT(properties->get_Count(&count) == S_OK);
    VARIANT index;
    VariantInit(&index);
    index.vt = VT_UI4;
    for (DWORD i = 0; i <= count; ++i) {
        index.ulVal = i;
        IAppHostProperty* property = nullptr;
        const HRESULT hr = properties->get_Item(index, &property);
        EXPECT((i < count) == (hr == S_OK));
        EXPECT((property != nullptr) == (hr == S_OK));
        if (!property) continue;
        read_property(property);
        BSTR property_name = nullptr;
        EXPECT(property->get_Name(&property_name) == S_OK);
        IAppHostProperty* by_name = nullptr;
        EXPECT(element->GetPropertyByName(property_name, &by_name) == S_OK);
        SysFreeString(property_name);
        by_name->Release();
        property->Release();
    }
    properties->Release();

    IAppHostChildElementCollection* children = nullptr;
    EXPECT(element->get_ChildElements(&children) == S_OK);
    if (children) {
        EXPECT(children->get_Count(&count) == S_OK);
        for (DWORD i = 0; i <= count; ++i) {
            index.ulVal = i;
            IAppHostElement* child = nullptr;
            const HRESULT hr = children->get_Item(index, &child);
            EXPECT((i < count) == (hr == S_OK));
            if (!child) continue;
            read_element(child, depth + 1);
            child->Release();
        }
        children->Release();
    }

    IAppHostElementCollection* collection = nullptr;
    EXPECT(element->get_Collection(&collection) == S_OK);
    if (collection) {
        EXPECT(collection->get_Count(&count) == S_OK);
        for (DWORD i = 0; i <= count; ++i) {
            index.ulVal = i;
            IAppHostElement* item = nullptr;
            const HRESULT hr = collection->get_Item(index, &item);
            EXPECT((i < count) == (hr == S_OK));
            if (!item) continue;
            read_element(item, depth + 1);
            item->Release();
        }
        collection->Release();
    }
}

// Every element name in the input (a superset of the section names the reader can produce).
void candidate_sections(const std::string& xml, std::vector<std::string>& out) {
    out.push_back("system.webServer/x");
    out.push_back("system.webServer/stripHeaders");
    std::string group;
    for (std::size_t i = 0; i + 1 < xml.size() && out.size() < 64; ++i) {
        if (xml[i] != '<' || xml[i + 1] == '/' || xml[i + 1] == '!' || xml[i + 1] == '?') continue;
        std::size_t end = i + 1;
        while (end < xml.size() && xml[end] != ' ' && xml[end] != '>' && xml[end] != '/' &&
               xml[end] != '\n' && xml[end] != '\t')
            ++end;
        const std::string name = xml.substr(i + 1, end - i - 1);
        if (name.empty()) continue;
        out.push_back(name);
        out.push_back("system.webServer/" + name);
        out.push_back("system.webServer/security/" + name);
    }
}

void declare(FakeConfiguration& config, unsigned choice) {
    if (choice % 3 == 0) return;
    auto schema = config.declare_section("system.webServer/stripHeaders");
    schema.attribute("enabled", AttributeType::Bool)
        .attribute("max", AttributeType::UInt)
        .attribute("span", AttributeType::TimeSpan)
        .enumeration("mode", {{"Off", 0}, {"On", 1}})
        .flags("verbs", {{"None", 0}, {"Get", 1}, {"Post", 2}});
    schema.child("limits").attribute("n", AttributeType::Int64);
    schema.collection(choice % 3 == 1 ? "header" : "add", {"name"}, choice % 2 == 0, choice > 128)
        .attribute("value", AttributeType::Int);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string xml(reinterpret_cast<const char*>(data + 1), size - 1);
    long live = 0;
    {
        FakeConfiguration config;
        declare(config, data[0]);
        try {
            iisfake::load_configuration_xml(config, xml);
        } catch (const iisfake::ConfigurationError&) {
            return 0;  // the reader's answer to XML it cannot take
        }
        std::vector<std::string> sections;
        candidate_sections(xml, sections);
        for (const std::string& name : sections) {
            BSTR section = wide(name);
            for (const wchar_t* path_text : paths) {
                BSTR path = SysAllocString(path_text);
                IAppHostElement* element = nullptr;
                const HRESULT hr = config.admin_manager()->GetAdminSection(section, path, &element);
                EXPECT((hr == S_OK) == (element != nullptr));
                EXPECT(hr == S_OK || !config.last_error().empty());
                if (element) {
                    read_element(element, 0);
                    element->Release();
                }
                SysFreeString(path);
            }
            SysFreeString(section);
        }
        live = config.live_objects();
    }
    EXPECT(live == 0);
    return 0;
}
