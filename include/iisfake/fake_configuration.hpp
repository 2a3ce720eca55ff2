#ifndef IISFAKE_FAKE_CONFIGURATION_HPP_INCLUDED
#define IISFAKE_FAKE_CONFIGURATION_HPP_INCLUDED

// FakeConfiguration: the IIS configuration system that module code reads through
// IHttpServer::GetAdminManager(). A test writes configuration the way applicationHost.config is
// written - sections by name, attributes, child elements, collections with add/remove/clear,
// <location path="..."> - and module code reads the merged result through the <ahadmin.h>
// interfaces (IAppHostAdminManager, IAppHostElement, IAppHostProperty and their collections),
// with real BSTRs and VARIANTs.
//
//     iisfake::FakeConfiguration config;
//     config.section("system.webServer/stripHeaders").set("enabled", true).add({{"name",
//     "Server"}}); config.location("Default Web Site/app").section("system.webServer/stripHeaders")
//         .remove({{"name", "Server"}});
//     IAppHostAdminManager* admin = config.admin_manager();  // what GetAdminManager() returns
//
// Rules (CFG-n; [D] IIS documentation, [S] the [MC-IISA] protocol specification, [C] real module
// code, [I] inferred - a documented choice, a knob where it matters):
// CFG-1  Effective configuration for a path merges every level from MACHINE/WEBROOT/APPHOST down
//        to the path: attributes set deeper override, child elements merge recursively [D
//        GetAdminSection remarks: "hierarchically merged"; S 3.1.4.1.1].
// CFG-2  Collections merge in level order: <add> appends (or, for a collection declared
//        merge_append = false, goes before what is inherited), <remove> drops an inherited entry
//        by its key attributes, <clear> drops everything inherited [D collection schema
//        IsMergeAppend; IIS configuration reference]. Without declared keys, <remove> matches
//        entries whose attributes equal every attribute it names [I]. An <add> whose key
//        duplicates an entry already in the merged collection fails GetAdminSection with
//        HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS) unless the collection allows duplicates [D
//        "Cannot add duplicate collection entry"; S AddSection's ERROR_ALREADY_EXISTS].
// CFG-3  Configuration paths compare case-insensitively (ASCII) segment by segment, a trailing
//        '/' is ignored; <location path=""> and "." mean the level itself [D]. A path that is not
//        MACHINE, MACHINE/WEBROOT or beneath MACHINE/WEBROOT/APPHOST fails with
//        HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) (options: unrecognized_path) [D GetAdminSection:
//        "the requested path was not found"; S]; an empty path with E_INVALIDARG [S].
// CFG-4  GetAdminSection of a section that is neither declared (declare_section) nor set at any
//        level fails with options.undeclared_section, HRESULT_FROM_WIN32(ERROR_NOT_FOUND) by
//        default [I: ANCM's installer helper treats that HRESULT from GetAdminSection as "section
//        absent"; the documentation lists none]. A declared section set nowhere on the path
//        succeeds with its schema defaults [D: sections always carry their schema defaults].
// CFG-5  GetPropertyByName / property collection get_Item of a name that is neither in the
//        schema nor set: HRESULT_FROM_WIN32(ERROR_INVALID_INDEX) [D GetPropertyByName, S
//        3.1.4.12]; GetElementByName of an unknown child: the same [S 3.1.4.12.8]. Names compare
//        case-sensitively, as XML's do [I].
// CFG-6  get_Item takes a VARIANT: any integer type (VT_I1..VT_UI8, VT_INT, VT_UINT) is a
//        zero-based index; VT_BSTR is a name for property and child-element collections [S
//        3.1.4.3.2; iisnode passes VT_I2 indexes and VT_BSTR names, ANCM VT_UI4]. An index out of
//        range, a negative one or an unknown name: HRESULT_FROM_WIN32(ERROR_INVALID_INDEX) [S];
//        any other VARTYPE (VT_BSTR on an element collection included): E_INVALIDARG [S "one or
//        more parameters are incorrect"; I for the selector element IIS also accepts].
// CFG-7  get_Value types: string VT_BSTR, bool VT_BOOL (VARIANT_TRUE == -1), int VT_I4, uint
//        VT_UI4, int64 VT_I8, uint64 VT_UI8, timeSpan VT_UI8 in 100-ns ticks [C ANCM divides the
//        raw timeSpan by 10000 for milliseconds, ModSecurity reads ullVal], enum and flags their
//        numeric value as VT_I4 (options: enum_vartype, flags_vartype) [I: the constants are
//        numbers in the schema; modules convert with VariantChangeType]. get_StringValue gives
//        the text: "true"/"false", decimal numbers, the enum's declared name, flags' names joined
//        by ',', timeSpan as [d.]hh:mm:ss[.fffffff] [I].
// CFG-8  Attributes without a declared type are strings; a value given as C++ bool/integer
//        keeps that type. A value that does not parse as its declared type makes GetAdminSection
//        fail with HRESULT_FROM_WIN32(ERROR_INVALID_DATA) and last_error() says why [S
//        ERROR_INVALID_DATA "configuration data or schema are malformed"].
// CFG-9  The admin manager is read-only, as the one IIS hands modules: methods that would change
//        configuration (put_Value, Clear, AddElement, DeleteElement, CreateNewElement,
//        SetMetadata on elements and properties) return HRESULT_FROM_WIN32(ERROR_LOCK_VIOLATION)
//        [S "the instance is set to read-only"]. Schema objects, methods, config files and
//        change handlers are not modelled: get_Schema, get_Methods, get_ConfigManager return
//        E_NOTIMPL with the out-parameter NULL [I]. get_Exception returns S_OK and NULL (no
//        validation failure) [C ModSecurity checks it after every get_Value].
// CFG-10 get_Collection is S_OK with NULL for an element that has no collection; get_ChildElements
//        likewise for an element without child elements [S 3.1.4.12.2, 3.1.4.12.4].
// CFG-11 COM objects count references; each lives while referenced, even after the
//        FakeConfiguration is destroyed or changed: a section is a snapshot of the configuration
//        taken by GetAdminSection [I: IIS rereads changed configuration only on the next
//        GetAdminSection]. QueryInterface with a NULL out-parameter returns E_POINTER, an
//        unknown IID E_NOINTERFACE with *ppv NULL [D COM]. live_objects() counts what is alive.
// CFG-12 A NULL out-parameter or a NULL name is a contract violation reported through the misuse
//        handler; IIS returns E_INVALIDARG (HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER)) [S "one or
//        more parameters are incorrect or null"]. The admin manager itself belongs to the server:
//        module code never releases it below the server's own reference.
// CFG-13 Name arguments are read up to their NUL, not by their BSTR length prefix: ModSecurity
//        passes a plain WCHAR array where a BSTR is declared [C].
// CFG-14 Admin manager GetMetadata/SetMetadata know the flags "ignoreInvalidAttributes",
//        "ignoreInvalidRanges", "ignoreInvalidDecryption", "ignoreInvalidValidation" (VT_BOOL);
//        any other name is HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED) [D, S 3.1.4.1.2]. Element
//        GetMetadata knows "deepestPathSet", "overrideMode" ("Inherit") and
//        "effectiveOverrideMode" ("Allow") [S 3.1.4.12.5].

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "iisfake/com_types.hpp"
#include "iisfake/detail/callback.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/sdk/ahadmin.hpp"

IISFAKE_BEGIN_NAMESPACE

// The attribute types of an IIS configuration schema (uint64 is iisfake's addition).
enum class AttributeType { String, Bool, Int, UInt, Int64, UInt64, Enum, Flags, TimeSpan };

// A test-authoring error: a bad path given to location(), a declaration that contradicts an
// earlier one, XML that does not parse (configuration_xml.hpp).
class ConfigurationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The choices where IIS's behaviour is inferred (see CFG-3, CFG-4, CFG-7).
struct ConfigurationOptions {
    HRESULT undeclared_section = HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    HRESULT unrecognized_path = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    VARTYPE enum_vartype = VT_I4;
    VARTYPE flags_vartype = VT_I4;
};

// Name -> value pairs of an enum or flags attribute, as a schema's <enum> lines declare them.
using Constants = std::vector<std::pair<std::string, std::uint32_t>>;
// Attributes of an <add>/<remove> line, as text; the schema types them.
using Attributes = std::vector<std::pair<std::string, std::string>>;

namespace detail {

struct RawValue {
    AttributeType type = AttributeType::String;
    bool typed = false;  // given as a C++ bool/integer: keeps that type without a schema
    std::string text;
};

// One element as written at one level (a section, a child element, a collection line).
struct ElementData {
    enum class Op { Add, Remove, Clear };
    struct CollectionLine {
        Op op;
        std::unique_ptr<ElementData> element;  // the line's name and attributes
    };
    std::string name;
    std::vector<std::pair<std::string, RawValue>> attributes;
    std::vector<std::unique_ptr<ElementData>> children;
    std::vector<CollectionLine> lines;
    bool has_collection = false;

    void set(const std::string& attribute, RawValue value) {
        for (auto& entry : attributes)
            if (entry.first == attribute) {
                entry.second = std::move(value);
                return;
            }
        attributes.emplace_back(attribute, std::move(value));
    }
    ElementData& child(const std::string& child_name) {
        for (auto& existing : children)
            if (existing->name == child_name) return *existing;
        children.push_back(std::unique_ptr<ElementData>(new ElementData()));
        children.back()->name = child_name;
        return *children.back();
    }
    ElementData& line(Op op, const std::string& line_name) {
        has_collection = true;
        lines.push_back(CollectionLine{op, std::unique_ptr<ElementData>(new ElementData())});
        lines.back().element->name = line_name;
        return *lines.back().element;
    }
};

struct AttributeSchemaData {
    std::string name;
    AttributeType type = AttributeType::String;
    std::string default_text;
    Constants constants;
};

struct ElementSchemaData;
struct CollectionSchemaData {
    std::vector<std::string> add_names;  // empty: "add"
    std::string remove_name = "remove";
    std::string clear_name = "clear";
    std::vector<std::string> keys;
    bool merge_append = true;
    bool allow_duplicates = false;
    std::unique_ptr<ElementSchemaData> item;
};

struct ElementSchemaData {
    std::string name;
    std::vector<AttributeSchemaData> attributes;
    std::vector<std::unique_ptr<ElementSchemaData>> children;
    std::unique_ptr<CollectionSchemaData> collection;

    const AttributeSchemaData* attribute(const std::string& wanted) const {
        for (const auto& entry : attributes)
            if (entry.name == wanted) return &entry;
        return nullptr;
    }
    const ElementSchemaData* child(const std::string& wanted) const {
        for (const auto& entry : children)
            if (entry->name == wanted) return entry.get();
        return nullptr;
    }
};

// What one level of configuration holds for one section.
struct LevelEntry {
    std::vector<std::string> segments;  // the configuration path, split at '/'
    std::string section;
    std::unique_ptr<ElementData> data;
};

// Splits a configuration path into segments; false when it has an empty segment.
inline bool split_config_path(const std::string& path, std::vector<std::string>& out) {
    out.clear();
    std::string text = path;
    while (!text.empty() && text.back() == '/') text.pop_back();
    if (text.empty()) return false;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = text.find('/', start);
        const std::string segment =
            text.substr(start, slash == std::string::npos ? slash : slash - start);
        if (segment.empty()) return false;
        out.push_back(segment);
        if (slash == std::string::npos) return true;
        start = slash + 1;
    }
}

inline bool same_ascii_nocase(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Shared by the configuration and every COM object it hands out, so objects outlive it.
struct ConfigurationShared {
    ConfigurationOptions options;
    MisuseHandler handler = throw_misuse;
    std::vector<Misuse> misuses;
    std::atomic<long> live_objects{0};
    bool metadata_flags[4] = {false, false, false, false};

    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        Misuse report{method, rule, problem, result, "IIS returns " + hresult_text(result)};
        misuses.push_back(report);
        if (handler) handler(report);
        return result;
    }
};

template <class Unused>
class ElementBuilderBase;
template <class Unused>
class SchemaBuilderBase;

}  // namespace detail

// Writes one element of one level: set attributes, add/remove/clear collection lines, open
// child elements. A handle: cheap to copy, valid while its FakeConfiguration lives.
using ElementBuilder = detail::ElementBuilderBase<void>;
// Declares the schema of a section or element: attribute types and defaults, child elements,
// the collection's line names and keys.
using SchemaBuilder = detail::SchemaBuilderBase<void>;

namespace detail {

template <class Unused>
class ElementBuilderBase {
public:
    explicit ElementBuilderBase(ElementData* data) noexcept : data_(data) {}

    // A string attribute (typed by the schema when one is declared, CFG-8).
    ElementBuilderBase& set(const std::string& name, const std::string& value) {
        data_->set(name, RawValue{AttributeType::String, false, value});
        return *this;
    }
    ElementBuilderBase& set(const std::string& name, const char* value) {
        return set(name, std::string(value ? value : ""));
    }
    ElementBuilderBase& set(const std::string& name, bool value) {
        data_->set(name, RawValue{AttributeType::Bool, true, value ? "true" : "false"});
        return *this;
    }
    // int and smaller: int; unsigned: uint; 64-bit: int64/uint64.
    template <class Integer,
              class = typename std::enable_if<std::is_integral<Integer>::value &&
                                              !std::is_same<Integer, bool>::value &&
                                              !std::is_same<Integer, char>::value>::type>
    ElementBuilderBase& set(const std::string& name, Integer value) {
        const bool is_signed = std::is_signed<Integer>::value;
        const bool wide = sizeof(Integer) > 4;
        const AttributeType type = is_signed ? (wide ? AttributeType::Int64 : AttributeType::Int)
                                             : (wide ? AttributeType::UInt64 : AttributeType::UInt);
        data_->set(name, RawValue{type, true, std::to_string(value)});
        return *this;
    }
    // A value given as text with an explicit type, for a section whose schema is not declared.
    ElementBuilderBase& set_typed(const std::string& name, AttributeType type,
                                  const std::string& text) {
        data_->set(name, RawValue{type, true, text});
        return *this;
    }

    // <add .../>: a collection line with the collection's add-element name (schema's first,
    // else "add"); returns this element for chaining.
    ElementBuilderBase& add(const Attributes& attributes) {
        fill(data_->line(ElementData::Op::Add, std::string()), attributes);
        return *this;
    }
    // An <add> line (named `line_name`, or the default) to fill further: child elements too.
    ElementBuilderBase add_element(const std::string& line_name = std::string()) {
        return ElementBuilderBase(&data_->line(ElementData::Op::Add, line_name));
    }
    // <remove key="..."/>: drops an inherited entry by its key attributes (CFG-2).
    ElementBuilderBase& remove(const Attributes& keys) {
        fill(data_->line(ElementData::Op::Remove, std::string()), keys);
        return *this;
    }
    // <clear/>: drops every inherited entry (CFG-2).
    ElementBuilderBase& clear() {
        data_->line(ElementData::Op::Clear, std::string());
        return *this;
    }
    // A child element at this level (created on first use).
    ElementBuilderBase child(const std::string& name) {
        return ElementBuilderBase(&data_->child(name));
    }

private:
    static void fill(ElementData& line, const Attributes& attributes) {
        for (const auto& attribute : attributes)
            line.set(attribute.first, RawValue{AttributeType::String, false, attribute.second});
    }
    ElementData* data_;
};

template <class Unused>
class SchemaBuilderBase {
public:
    explicit SchemaBuilderBase(ElementSchemaData* schema) noexcept : schema_(schema) {}

    // An attribute of a type, with its default as it would be written in XML ("" = the type's
    // zero: "", false, 0, the constant whose value is 0).
    SchemaBuilderBase& attribute(const std::string& name, AttributeType type,
                                 const std::string& default_text = std::string()) {
        AttributeSchemaData& entry = slot(name);
        entry.type = type;
        entry.default_text = default_text;
        return *this;
    }
    SchemaBuilderBase& enumeration(const std::string& name, Constants constants,
                                   const std::string& default_text = std::string()) {
        AttributeSchemaData& entry = slot(name);
        entry.type = AttributeType::Enum;
        entry.constants = std::move(constants);
        entry.default_text = default_text;
        return *this;
    }
    SchemaBuilderBase& flags(const std::string& name, Constants constants,
                             const std::string& default_text = std::string()) {
        enumeration(name, std::move(constants), default_text);
        slot(name).type = AttributeType::Flags;
        return *this;
    }
    // The schema of a child element.
    SchemaBuilderBase child(const std::string& name) {
        for (auto& existing : schema_->children)
            if (existing->name == name) return SchemaBuilderBase(existing.get());
        schema_->children.push_back(std::unique_ptr<ElementSchemaData>(new ElementSchemaData()));
        schema_->children.back()->name = name;
        return SchemaBuilderBase(schema_->children.back().get());
    }
    // Declares this element's collection: the name of its add lines (e.g. "header"; "add" when
    // empty) and its key attributes; returns the schema of the collection's entries.
    SchemaBuilderBase collection(const std::string& add_name, std::vector<std::string> keys,
                                 bool merge_append = true, bool allow_duplicates = false) {
        if (!schema_->collection) schema_->collection.reset(new CollectionSchemaData());
        CollectionSchemaData& collection = *schema_->collection;
        collection.add_names.assign(1, add_name.empty() ? std::string("add") : add_name);
        collection.keys = std::move(keys);
        collection.merge_append = merge_append;
        collection.allow_duplicates = allow_duplicates;
        if (!collection.item) collection.item.reset(new ElementSchemaData());
        collection.item->name = collection.add_names.front();
        return SchemaBuilderBase(collection.item.get());
    }

private:
    AttributeSchemaData& slot(const std::string& name) {
        for (auto& entry : schema_->attributes)
            if (entry.name == name) return entry;
        schema_->attributes.push_back(AttributeSchemaData());
        schema_->attributes.back().name = name;
        return schema_->attributes.back();
    }
    ElementSchemaData* schema_;
};

// The configuration itself, and the IAppHostAdminManager that IHttpServer::GetAdminManager()
// returns (owned by the server: not released by module code, CFG-12).
template <class Unused = void>
class FakeConfigurationBase : public IAppHostAdminManager {
public:
    FakeConfigurationBase() : shared_(std::make_shared<ConfigurationShared>()) {}
    FakeConfigurationBase(const FakeConfigurationBase&) = delete;
    FakeConfigurationBase& operator=(const FakeConfigurationBase&) = delete;
    virtual ~FakeConfigurationBase() = default;

    // ---- writing configuration (test side) -------------------------------------------------
    // A level: a <location path="..."> relative to MACHINE/WEBROOT/APPHOST ("Default Web
    // Site/app"; "" or "." for APPHOST itself), or a whole configuration path ("MACHINE/...").
    class Level {
    public:
        Level(FakeConfigurationBase* owner, std::vector<std::string> segments)
            : owner_(owner), segments_(std::move(segments)) {}
        // The section (e.g. "system.webServer/stripHeaders") at this level; every call adds
        // to the same element.
        ElementBuilder section(const std::string& name) const {
            return owner_->section_at(segments_, name);
        }

    private:
        FakeConfigurationBase* owner_;
        std::vector<std::string> segments_;
    };
    Level location(const std::string& path) const;
    // The section at MACHINE/WEBROOT/APPHOST.
    ElementBuilder section(const std::string& name) {
        return location(std::string()).section(name);
    }

    // Declares a section (so GetAdminSection finds it even where it is set nowhere, CFG-4) and
    // returns its schema to fill in.
    SchemaBuilder declare_section(const std::string& name);
    // A section group for the XML reader (configuration_xml.hpp): "system.webServer",
    // "system.webServer/security", ... are known already.
    void declare_section_group(const std::string& name);
    bool is_section_group(const std::string& name) const;
    bool is_declared_section(const std::string& name) const;
    // The declared schema of a section, or nullptr (for the XML reader).
    const ElementSchemaData* section_schema(const std::string& name) const;

    // ---- knobs and inspection ------------------------------------------------------------------
    ConfigurationOptions& options() noexcept { return shared_->options; }
    void set_misuse_handler(MisuseHandler handler) { shared_->handler = std::move(handler); }
    const std::vector<Misuse>& misuses() const noexcept { return shared_->misuses; }
    // COM objects handed out and not yet released (sections, properties, collections).
    long live_objects() const noexcept { return shared_->live_objects.load(); }
    // Why the last GetAdminSection failed, in words ("" after a success).
    const std::string& last_error() const noexcept { return last_error_; }
    long references() const noexcept { return references_.load(); }
    // What IHttpServer::GetAdminManager() returns.
    IAppHostAdminManager* admin_manager() noexcept { return this; }

    // ---- IUnknown / IAppHostAdminManager
    // ----------------------------------------------------------
    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override;
    ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++references_); }
    ULONG STDMETHODCALLTYPE Release() override;
    HRESULT STDMETHODCALLTYPE GetAdminSection(BSTR bstrSectionName, BSTR bstrPath,
                                              IAppHostElement** ppAdminSection) override;
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override;
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR bstrMetadataType, VARIANT value) override;
    HRESULT STDMETHODCALLTYPE get_ConfigManager(IAppHostConfigManager** ppConfigManager) override;

private:
    ElementBuilder section_at(const std::vector<std::string>& segments, const std::string& name);
    SchemaBuilder schema_for(const std::string& name);

    std::shared_ptr<ConfigurationShared> shared_;
    std::vector<LevelEntry> levels_;
    std::vector<std::unique_ptr<ElementSchemaData>> sections_;  // declared sections
    std::vector<std::string> groups_;
    std::string last_error_;
    std::atomic<long> references_{1};
};

}  // namespace detail

// An IIS configuration (applicationHost.config and its <location>s) that serves module code
// through IAppHostAdminManager; see FakeConfigurationBase for its members.
class FakeConfiguration : public detail::FakeConfigurationBase<> {
public:
    using FakeConfigurationBase::FakeConfigurationBase;
};

IISFAKE_END_NAMESPACE

// The member definitions: here by default; with IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION only in
// the one test file that also defines IISFAKE_CONFIG_IMPLEMENT (see config.hpp).
#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class detail::FakeConfigurationBase<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/fake_configuration_impl.hpp"
#endif

#endif
