#ifndef IISFAKE_DETAIL_FAKE_CONFIGURATION_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_CONFIGURATION_IMPL_HPP_INCLUDED

// The member definitions of FakeConfiguration (declared in fake_configuration.hpp): merging the
// levels of a configuration path into one section (CFG-1, CFG-2), typing values (CFG-7, CFG-8),
// and the COM objects that serve the merged section (CFG-5, CFG-6, CFG-9..CFG-13).

#include <cstring>

#include "iisfake/detail/text.hpp"
#include "iisfake/fake_configuration.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// ---- values ------------------------------------------------------------------------------------

struct ResolvedValue {
    AttributeType type = AttributeType::String;
    std::string text;  // get_StringValue
    std::int64_t number = 0;
    std::uint64_t unsigned_number = 0;
};

// One merged element: what a section (or one of its children or entries) reads as.
struct ConfigNode {
    std::string name;
    std::vector<std::pair<std::string, ResolvedValue>> properties;
    std::vector<std::shared_ptr<const ConfigNode>> children;
    bool has_collection = false;
    std::vector<std::shared_ptr<const ConfigNode>> items;
    std::string deepest_path;
};

struct ResolveFailure {
    HRESULT result;
    std::string message;
};

inline bool parse_digits(const std::string& text, std::size_t start, std::uint64_t limit,
                         std::uint64_t& out) {
    if (start >= text.size()) return false;
    out = 0;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return false;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (out > (limit - digit) / 10u) return false;
        out = out * 10u + digit;
    }
    return true;
}

inline bool parse_signed(const std::string& text, std::int64_t lowest, std::int64_t highest,
                         std::int64_t& out) {
    const bool negative = !text.empty() && text[0] == '-';
    std::uint64_t magnitude = 0;
    const std::uint64_t limit = negative ? static_cast<std::uint64_t>(-(lowest + 1)) + 1u
                                         : static_cast<std::uint64_t>(highest);
    if (!parse_digits(text, negative ? 1u : 0u, limit, magnitude)) return false;
    if (negative)
        out = magnitude == 0 ? 0 : -static_cast<std::int64_t>(magnitude - 1u) - 1;
    else
        out = static_cast<std::int64_t>(magnitude);
    return true;
}

inline std::string trim_spaces(const std::string& text) {
    std::size_t first = 0, last = text.size();
    while (first < last && (text[first] == ' ' || text[first] == '\t')) ++first;
    while (last > first && (text[last - 1] == ' ' || text[last - 1] == '\t')) --last;
    return text.substr(first, last - first);
}

inline const char* type_name(AttributeType type) {
    switch (type) {
        case AttributeType::String:
            return "string";
        case AttributeType::Bool:
            return "bool";
        case AttributeType::Int:
            return "int";
        case AttributeType::UInt:
            return "uint";
        case AttributeType::Int64:
            return "int64";
        case AttributeType::UInt64:
            return "uint64";
        case AttributeType::Enum:
            return "enum";
        case AttributeType::Flags:
            return "flags";
        case AttributeType::TimeSpan:
            return "timeSpan";
    }
    return "?";
}

inline std::string two_digits(std::uint64_t value) {
    std::string out = std::to_string(value);
    return out.size() < 2 ? "0" + out : out;
}

// [-][d.]hh:mm:ss[.fffffff] <-> 100-ns ticks (CFG-7).
inline bool parse_timespan(const std::string& text, std::uint64_t& ticks) {
    if (text.empty()) {
        ticks = 0;
        return true;
    }
    std::string rest = text;
    std::uint64_t days = 0;
    const std::size_t colon = rest.find(':');
    const std::size_t dot = rest.find('.');
    if (dot != std::string::npos && colon != std::string::npos && dot < colon) {
        if (!parse_digits(rest.substr(0, dot), 0, 10675199u, days)) return false;
        rest = rest.substr(dot + 1);
    }
    std::uint64_t fraction = 0;
    const std::size_t fraction_dot = rest.find('.');
    if (fraction_dot != std::string::npos) {
        std::string digits = rest.substr(fraction_dot + 1);
        if (digits.empty() || digits.size() > 7) return false;
        while (digits.size() < 7) digits += '0';
        if (!parse_digits(digits, 0, 9999999u, fraction)) return false;
        rest = rest.substr(0, fraction_dot);
    }
    const std::size_t first = rest.find(':');
    const std::size_t second = first == std::string::npos ? first : rest.find(':', first + 1);
    if (second == std::string::npos || rest.find(':', second + 1) != std::string::npos)
        return false;
    std::uint64_t hours = 0, minutes = 0, seconds = 0;
    if (!parse_digits(rest.substr(0, first), 0, 23, hours) ||
        !parse_digits(rest.substr(first + 1, second - first - 1), 0, 59, minutes) ||
        !parse_digits(rest.substr(second + 1), 0, 59, seconds))
        return false;
    ticks = (((days * 24u + hours) * 60u + minutes) * 60u + seconds) * 10000000u + fraction;
    return true;
}

inline std::string format_timespan(std::uint64_t ticks) {
    const std::uint64_t fraction = ticks % 10000000u;
    std::uint64_t seconds = ticks / 10000000u;
    const std::uint64_t days = seconds / 86400u;
    seconds %= 86400u;
    std::string out = days ? std::to_string(days) + "." : std::string();
    out += two_digits(seconds / 3600u) + ":" + two_digits(seconds / 60u % 60u) + ":" +
           two_digits(seconds % 60u);
    if (fraction) {
        std::string digits = std::to_string(fraction);
        out += "." + std::string(7 - digits.size(), '0') + digits;
    }
    return out;
}

inline bool find_constant(const Constants& constants, const std::string& name,
                          std::uint32_t& value) {
    for (const auto& constant : constants)
        if (same_ascii_nocase(constant.first, name)) {
            value = constant.second;
            return true;
        }
    return false;
}

inline std::string zero_name(const Constants& constants) {
    for (const auto& constant : constants)
        if (constant.second == 0) return constant.first;
    return std::string();
}

// Types `text` as `type`; false when it is not a value of that type.
inline bool type_value(AttributeType type, const std::string& text, const Constants& constants,
                       ResolvedValue& out) {
    out.type = type;
    out.text = text;
    switch (type) {
        case AttributeType::String:
            return true;
        case AttributeType::Bool:
            if (text.empty() || same_ascii_nocase(text, "false")) {
                out.number = 0;
                out.text = "false";
                return true;
            }
            if (!same_ascii_nocase(text, "true")) return false;
            out.number = 1;
            out.text = "true";
            return true;
        case AttributeType::Int:
        case AttributeType::Int64: {
            const bool narrow = type == AttributeType::Int;
            if (text.empty()) {
                out.text = "0";
                return true;
            }
            const std::int64_t lowest = narrow ? -2147483647 - 1 : (-9223372036854775807 - 1);
            const std::int64_t highest = narrow ? 2147483647 : 9223372036854775807;
            if (!parse_signed(text, lowest, highest, out.number)) return false;
            out.text = std::to_string(out.number);
            return true;
        }
        case AttributeType::UInt:
        case AttributeType::UInt64: {
            if (text.empty()) {
                out.text = "0";
                return true;
            }
            const std::uint64_t limit =
                type == AttributeType::UInt ? 4294967295u : 18446744073709551615u;
            if (!parse_digits(text, 0, limit, out.unsigned_number)) return false;
            out.text = std::to_string(out.unsigned_number);
            return true;
        }
        case AttributeType::Enum: {
            std::uint32_t value = 0;
            if (text.empty()) {
                out.text = zero_name(constants);
            } else if (!find_constant(constants, text, value)) {
                return false;
            } else {
                for (const auto& constant : constants)
                    if (same_ascii_nocase(constant.first, text)) out.text = constant.first;
            }
            out.unsigned_number = value;
            return true;
        }
        case AttributeType::Flags: {
            std::uint32_t value = 0;
            std::size_t start = 0;
            while (start <= text.size() && !text.empty()) {
                std::size_t comma = text.find(',', start);
                if (comma == std::string::npos) comma = text.size();
                const std::string name = trim_spaces(text.substr(start, comma - start));
                std::uint32_t bits = 0;
                if (!find_constant(constants, name, bits)) return false;
                value |= bits;
                start = comma + 1;
            }
            out.unsigned_number = value;
            out.text.clear();
            if (value == 0) out.text = zero_name(constants);
            for (const auto& constant : constants)
                if (constant.second != 0 && (value & constant.second) == constant.second)
                    out.text += (out.text.empty() ? "" : ",") + constant.first;
            return true;
        }
        case AttributeType::TimeSpan:
            if (!parse_timespan(text, out.unsigned_number)) return false;
            out.text = format_timespan(out.unsigned_number);
            return true;
    }
    return false;
}

// ---- merging (CFG-1, CFG-2) ---------------------------------------------------------------------

struct MergeNode {
    std::string name;
    const ElementSchemaData* schema = nullptr;
    std::vector<std::pair<std::string, RawValue>> attributes;
    std::vector<std::unique_ptr<MergeNode>> children;
    bool has_collection = false;
    std::vector<std::unique_ptr<MergeNode>> items;
    std::string deepest_path;

    MergeNode(std::string element_name, const ElementSchemaData* element_schema)
        : name(std::move(element_name)), schema(element_schema) {
        if (!schema) return;
        for (const auto& attribute : schema->attributes)
            attributes.emplace_back(attribute.name,
                                    RawValue{attribute.type, false, attribute.default_text});
        for (const auto& child : schema->children)
            children.push_back(std::unique_ptr<MergeNode>(new MergeNode(child->name, child.get())));
        has_collection = schema->collection != nullptr;
    }

    MergeNode& child(const std::string& child_name) {
        for (auto& existing : children)
            if (existing->name == child_name) return *existing;
        children.push_back(std::unique_ptr<MergeNode>(
            new MergeNode(child_name, schema ? schema->child(child_name) : nullptr)));
        return *children.back();
    }
    const RawValue* attribute(const std::string& wanted) const {
        for (const auto& entry : attributes)
            if (entry.first == wanted) return &entry.second;
        return nullptr;
    }
};

inline const CollectionSchemaData* collection_schema(const MergeNode& node) {
    return node.schema ? node.schema->collection.get() : nullptr;
}

// Whether `item` matches every (key) attribute of `line`; values compare case-insensitively,
// as IIS's schema attributes default to caseSensitive="false".
inline bool matches(const MergeNode& item, const ElementData& line,
                    const std::vector<std::string>& keys) {
    if (keys.empty()) {
        if (line.attributes.empty()) return false;
        for (const auto& attribute : line.attributes) {
            const RawValue* have = item.attribute(attribute.first);
            if (!have || !same_ascii_nocase(have->text, attribute.second.text)) return false;
        }
        return true;
    }
    for (const std::string& key : keys) {
        const RawValue* have = item.attribute(key);
        std::string wanted;
        for (const auto& attribute : line.attributes)
            if (attribute.first == key) wanted = attribute.second.text;
        if (!same_ascii_nocase(have ? have->text : std::string(), wanted)) return false;
    }
    return true;
}

inline bool same_keys(const MergeNode& a, const MergeNode& b,
                      const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
        const RawValue* x = a.attribute(key);
        const RawValue* y = b.attribute(key);
        if (!same_ascii_nocase(x ? x->text : std::string(), y ? y->text : std::string()))
            return false;
    }
    return true;
}

inline void apply(MergeNode& node, const ElementData& data, const std::string& path) {
    node.deepest_path = path;
    for (const auto& attribute : data.attributes) {
        bool found = false;
        for (auto& entry : node.attributes)
            if (entry.first == attribute.first) {
                entry.second.text = attribute.second.text;
                if (attribute.second.typed) {
                    entry.second.type = attribute.second.type;
                    entry.second.typed = true;
                }
                found = true;
            }
        if (!found) node.attributes.emplace_back(attribute.first, attribute.second);
    }
    for (const auto& child : data.children) apply(node.child(child->name), *child, path);
    if (!data.has_collection) return;
    node.has_collection = true;
    const CollectionSchemaData* schema = collection_schema(node);
    static const std::vector<std::string> no_keys;
    const std::vector<std::string>& keys = schema ? schema->keys : no_keys;
    std::size_t front = 0;  // where the next entry of a merge_append = false collection goes
    for (const auto& line : data.lines) {
        const ElementData& element = *line.element;
        if (line.op == ElementData::Op::Clear) {
            node.items.clear();
            front = 0;
        } else if (line.op == ElementData::Op::Remove) {
            for (std::size_t i = 0; i < node.items.size();) {
                if (matches(*node.items[i], element, keys)) {
                    node.items.erase(node.items.begin() + static_cast<std::ptrdiff_t>(i));
                    if (i < front) --front;
                } else {
                    ++i;
                }
            }
        } else {
            std::string item_name = element.name;
            if (item_name.empty())
                item_name = schema && !schema->add_names.empty() ? schema->add_names.front()
                                                                 : std::string("add");
            std::unique_ptr<MergeNode> item(
                new MergeNode(item_name, schema ? schema->item.get() : nullptr));
            apply(*item, element, path);
            if (!keys.empty() && !(schema && schema->allow_duplicates))
                for (const auto& existing : node.items)
                    if (same_keys(*existing, *item, keys))
                        throw ResolveFailure{HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS),
                                             "cannot add duplicate collection entry of type '" +
                                                 item_name + "' at " + path + " [CFG-2]"};
            if (schema && !schema->merge_append)
                node.items.insert(node.items.begin() + static_cast<std::ptrdiff_t>(front++),
                                  std::move(item));
            else
                node.items.push_back(std::move(item));
        }
    }
}

inline std::shared_ptr<const ConfigNode> freeze(const MergeNode& node) {
    auto out = std::make_shared<ConfigNode>();
    out->name = node.name;
    out->has_collection = node.has_collection;
    out->deepest_path = node.deepest_path;
    for (const auto& attribute : node.attributes) {
        const AttributeSchemaData* declared =
            node.schema ? node.schema->attribute(attribute.first) : nullptr;
        const AttributeType type = declared                 ? declared->type
                                   : attribute.second.typed ? attribute.second.type
                                                            : AttributeType::String;
        static const Constants none;
        ResolvedValue value;
        if (!type_value(type, attribute.second.text, declared ? declared->constants : none, value))
            throw ResolveFailure{HRESULT_FROM_WIN32(ERROR_INVALID_DATA),
                                 "attribute '" + attribute.first + "' of <" + node.name + ">: '" +
                                     attribute.second.text + "' is not a " + type_name(type) +
                                     " value [CFG-8]"};
        out->properties.emplace_back(attribute.first, std::move(value));
    }
    for (const auto& child : node.children) out->children.push_back(freeze(*child));
    for (const auto& item : node.items) out->items.push_back(freeze(*item));
    return out;
}

inline std::string join_path(const std::vector<std::string>& segments) {
    std::string out;
    for (const std::string& segment : segments) out += (out.empty() ? "" : "/") + segment;
    return out;
}

// CFG-3: MACHINE, MACHINE/WEBROOT, MACHINE/WEBROOT/APPHOST[/...].
inline bool recognized_path(const std::vector<std::string>& segments) {
    static const char* const roots[] = {"MACHINE", "WEBROOT", "APPHOST"};
    for (std::size_t i = 0; i < segments.size() && i < 3; ++i)
        if (!same_ascii_nocase(segments[i], roots[i])) return false;
    return !segments.empty();
}

inline bool is_prefix(const std::vector<std::string>& prefix,
                      const std::vector<std::string>& path) {
    if (prefix.size() > path.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (!same_ascii_nocase(prefix[i], path[i])) return false;
    return true;
}

inline bool same_iid(REFIID a, REFIID b) { return std::memcmp(&a, &b, sizeof(GUID)) == 0; }

inline BSTR make_bstr(const std::string& utf8) {
    const wide_string wide = utf8_to_wide(utf8.data(), utf8.size());
    return SysAllocStringLen(wide.data(), static_cast<UINT>(wide.size()));
}

// ---- COM objects
// ---------------------------------------------------------------------------------

template <class Interface>
class ComObject : public Interface {
public:
    ComObject(const ComObject&) = delete;
    ComObject& operator=(const ComObject&) = delete;

    HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppvObject) override {
        if (!ppvObject) return misuse("QueryInterface", "CFG-11", "ppvObject is NULL", E_POINTER);
        if (same_iid(riid, ::iisfake::uuid_of<IUnknown>()) ||
            same_iid(riid, ::iisfake::uuid_of<Interface>())) {
            *ppvObject = static_cast<Interface*>(this);
            AddRef();
            return S_OK;
        }
        *ppvObject = nullptr;
        return E_NOINTERFACE;
    }
    ULONG STDMETHODCALLTYPE AddRef() override { return ++references_; }
    ULONG STDMETHODCALLTYPE Release() override {
        const ULONG left = --references_;
        if (left == 0) delete this;
        return left;
    }

protected:
    ComObject(std::shared_ptr<ConfigurationShared> shared, const char* interface_name)
        : shared_(std::move(shared)), interface_name_(interface_name) {
        ++shared_->live_objects;
    }
    virtual ~ComObject() { --shared_->live_objects; }

    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        const std::string where = std::string(interface_name_) + "::" + method;
        return shared_->misuse(where.c_str(), rule, problem, result);
    }
    // An out-parameter that must not be NULL (CFG-12).
    template <class T>
    bool null_out(T* out, const char* method, HRESULT& result) {
        if (out) return false;
        result = misuse(method, "CFG-12", "the out-parameter is NULL", E_INVALIDARG);
        return true;
    }
    HRESULT read_only(const char* /*method*/) {
        return HRESULT_FROM_WIN32(33);  // ERROR_LOCK_VIOLATION: read-only (CFG-9)
    }

    std::shared_ptr<ConfigurationShared> shared_;

private:
    const char* interface_name_;
    std::atomic<ULONG> references_{1};
};

// A VARIANT index (CFG-6): an integer, or a name; false for any other VARTYPE.
inline bool read_index(const VARIANT& index, bool& by_name, unsigned long long& number,
                       bool& negative, std::string& name) {
    by_name = false;
    negative = false;
    std::int64_t value = 0;
    switch (index.vt) {
        case VT_I1:
            value = index.cVal;
            break;
        case VT_I2:
            value = index.iVal;
            break;
        case VT_I4:
            value = index.lVal;
            break;
        case VT_INT:
            value = index.intVal;
            break;
        case VT_I8:
            value = index.llVal;
            break;
        case VT_UI1:
            number = index.bVal;
            return true;
        case VT_UI2:
            number = index.uiVal;
            return true;
        case VT_UI4:
            number = index.ulVal;
            return true;
        case VT_UINT:
            number = index.uintVal;
            return true;
        case VT_UI8:
            number = index.ullVal;
            return true;
        case VT_BSTR:
            by_name = true;
            name = utf8_of(index.bstrVal);
            return true;
        default:
            return false;
    }
    negative = value < 0;
    number = negative ? 0 : static_cast<unsigned long long>(value);
    return true;
}

class ConfigElement;

class ConfigProperty : public ComObject<IAppHostProperty> {
public:
    ConfigProperty(std::shared_ptr<ConfigurationShared> shared,
                   std::shared_ptr<const ConfigNode> node, std::size_t index)
        : ComObject(std::move(shared), "IAppHostProperty"), node_(std::move(node)), index_(index) {}

    HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) override {
        HRESULT result = S_OK;
        if (null_out(pbstrName, "get_Name", result)) return result;
        *pbstrName = make_bstr(entry().first);
        return *pbstrName ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Value(VARIANT* pVariant) override {
        HRESULT result = S_OK;
        if (null_out(pVariant, "get_Value", result)) return result;
        const ResolvedValue& value = entry().second;
        VariantInit(pVariant);
        switch (value.type) {
            case AttributeType::String:
                pVariant->bstrVal = make_bstr(value.text);
                if (!pVariant->bstrVal) return E_OUTOFMEMORY;
                pVariant->vt = VT_BSTR;
                break;
            case AttributeType::Bool:
                pVariant->vt = VT_BOOL;
                pVariant->boolVal = value.number ? VARIANT_TRUE : VARIANT_FALSE;
                break;
            case AttributeType::Int:
                pVariant->vt = VT_I4;
                pVariant->lVal = static_cast<LONG>(value.number);
                break;
            case AttributeType::UInt:
                pVariant->vt = VT_UI4;
                pVariant->ulVal = static_cast<ULONG>(value.unsigned_number);
                break;
            case AttributeType::Int64:
                pVariant->vt = VT_I8;
                pVariant->llVal = value.number;
                break;
            case AttributeType::UInt64:
            case AttributeType::TimeSpan:
                pVariant->vt = VT_UI8;
                pVariant->ullVal = value.unsigned_number;
                break;
            case AttributeType::Enum:
            case AttributeType::Flags: {
                const VARTYPE vt = value.type == AttributeType::Enum
                                       ? shared_->options.enum_vartype
                                       : shared_->options.flags_vartype;
                if (vt == VT_UI4) {
                    pVariant->vt = VT_UI4;
                    pVariant->ulVal = static_cast<ULONG>(value.unsigned_number);
                } else {
                    pVariant->vt = VT_I4;
                    const std::int32_t bits = static_cast<std::int32_t>(
                        static_cast<std::uint32_t>(value.unsigned_number));
                    pVariant->lVal = bits;
                }
                break;
            }
        }
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE put_Value(VARIANT) override { return read_only("put_Value"); }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE get_StringValue(BSTR* pbstrValue) override {
        HRESULT result = S_OK;
        if (null_out(pbstrValue, "get_StringValue", result)) return result;
        *pbstrValue = make_bstr(entry().second.text);
        return *pbstrValue ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Exception(IAppHostPropertyException** ppException) override {
        HRESULT result = S_OK;
        if (null_out(ppException, "get_Exception", result)) return result;
        *ppException = nullptr;  // CFG-9: the value validated
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override {
        HRESULT result = S_OK;
        if (null_out(pValue, "GetMetadata", result)) return result;
        VariantInit(pValue);
        if (!bstrMetadataType)
            return misuse("GetMetadata", "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
        return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);
    }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override {
        return read_only("SetMetadata");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostPropertySchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }

private:
    const std::pair<std::string, ResolvedValue>& entry() const { return node_->properties[index_]; }
    std::shared_ptr<const ConfigNode> node_;
    std::size_t index_;
};

class ConfigPropertyCollection : public ComObject<IAppHostPropertyCollection> {
public:
    ConfigPropertyCollection(std::shared_ptr<ConfigurationShared> shared,
                             std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostPropertyCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) override {
        HRESULT result = S_OK;
        if (null_out(pcCount, "get_Count", result)) return result;
        *pcCount = static_cast<DWORD>(node_->properties.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) override;

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigChildElements : public ComObject<IAppHostChildElementCollection> {
public:
    ConfigChildElements(std::shared_ptr<ConfigurationShared> shared,
                        std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostChildElementCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcCount) override {
        HRESULT result = S_OK;
        if (null_out(pcCount, "get_Count", result)) return result;
        *pcCount = static_cast<DWORD>(node_->children.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) override;

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigElementCollection : public ComObject<IAppHostElementCollection> {
public:
    ConfigElementCollection(std::shared_ptr<ConfigurationShared> shared,
                            std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostElementCollection"), node_(std::move(node)) {}
    HRESULT STDMETHODCALLTYPE get_Count(DWORD* pcElementCount) override {
        HRESULT result = S_OK;
        if (null_out(pcElementCount, "get_Count", result)) return result;
        *pcElementCount = static_cast<DWORD>(node_->items.size());
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Item(VARIANT cIndex, IAppHostElement** ppElement) override;
    HRESULT STDMETHODCALLTYPE AddElement(IAppHostElement*, INT = -1) override {
        return read_only("AddElement");
    }
    HRESULT STDMETHODCALLTYPE DeleteElement(VARIANT) override { return read_only("DeleteElement"); }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE CreateNewElement(BSTR, IAppHostElement** ppElement) override {
        HRESULT result = S_OK;
        if (null_out(ppElement, "CreateNewElement", result)) return result;
        *ppElement = nullptr;
        return read_only("CreateNewElement");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostCollectionSchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }

private:
    std::shared_ptr<const ConfigNode> node_;
};

class ConfigElement : public ComObject<IAppHostElement> {
public:
    ConfigElement(std::shared_ptr<ConfigurationShared> shared,
                  std::shared_ptr<const ConfigNode> node)
        : ComObject(std::move(shared), "IAppHostElement"), node_(std::move(node)) {}

    HRESULT STDMETHODCALLTYPE get_Name(BSTR* pbstrName) override {
        HRESULT result = S_OK;
        if (null_out(pbstrName, "get_Name", result)) return result;
        *pbstrName = make_bstr(node_->name);
        return *pbstrName ? S_OK : E_OUTOFMEMORY;
    }
    HRESULT STDMETHODCALLTYPE get_Collection(IAppHostElementCollection** ppCollection) override {
        HRESULT result = S_OK;
        if (null_out(ppCollection, "get_Collection", result)) return result;
        *ppCollection = node_->has_collection ? new ConfigElementCollection(shared_, node_)
                                              : nullptr;  // CFG-10
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE get_Properties(IAppHostPropertyCollection** ppProperties) override {
        HRESULT result = S_OK;
        if (null_out(ppProperties, "get_Properties", result)) return result;
        *ppProperties = new ConfigPropertyCollection(shared_, node_);
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE
    get_ChildElements(IAppHostChildElementCollection** ppElements) override {
        HRESULT result = S_OK;
        if (null_out(ppElements, "get_ChildElements", result)) return result;
        *ppElements = node_->children.empty() ? nullptr  // CFG-10
                                              : new ConfigChildElements(shared_, node_);
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE GetMetadata(BSTR bstrMetadataType, VARIANT* pValue) override {
        HRESULT result = S_OK;
        if (null_out(pValue, "GetMetadata", result)) return result;
        VariantInit(pValue);
        if (!bstrMetadataType)
            return misuse("GetMetadata", "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrMetadataType);
        const char* text = nullptr;
        if (name == "deepestPathSet")
            text = node_->deepest_path.c_str();
        else if (name == "overrideMode")
            text = "Inherit";
        else if (name == "effectiveOverrideMode")
            text = "Allow";
        if (!text) return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
        pValue->bstrVal = make_bstr(text);
        if (!pValue->bstrVal) return E_OUTOFMEMORY;
        pValue->vt = VT_BSTR;
        return S_OK;
    }
    HRESULT STDMETHODCALLTYPE SetMetadata(BSTR, VARIANT) override {
        return read_only("SetMetadata");
    }
    HRESULT STDMETHODCALLTYPE get_Schema(IAppHostElementSchema** ppSchema) override {
        HRESULT result = S_OK;
        if (null_out(ppSchema, "get_Schema", result)) return result;
        *ppSchema = nullptr;
        return E_NOTIMPL;
    }
    HRESULT STDMETHODCALLTYPE GetElementByName(BSTR bstrSubName,
                                               IAppHostElement** ppElement) override {
        HRESULT result = S_OK;
        if (null_out(ppElement, "GetElementByName", result)) return result;
        *ppElement = nullptr;
        if (!bstrSubName)
            return misuse("GetElementByName", "CFG-12", "bstrSubName is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrSubName);  // CFG-13
        for (const auto& child : node_->children)
            if (child->name == name) {
                *ppElement = new ConfigElement(shared_, child);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);  // CFG-5
    }
    HRESULT STDMETHODCALLTYPE GetPropertyByName(BSTR bstrSubName,
                                                IAppHostProperty** ppProperty) override {
        HRESULT result = S_OK;
        if (null_out(ppProperty, "GetPropertyByName", result)) return result;
        *ppProperty = nullptr;
        if (!bstrSubName)
            return misuse("GetPropertyByName", "CFG-12", "bstrSubName is NULL", E_INVALIDARG);
        const std::string name = utf8_of(bstrSubName);  // CFG-13
        for (std::size_t i = 0; i < node_->properties.size(); ++i)
            if (node_->properties[i].first == name) {
                *ppProperty = new ConfigProperty(shared_, node_, i);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);  // CFG-5
    }
    HRESULT STDMETHODCALLTYPE Clear() override { return read_only("Clear"); }
    HRESULT STDMETHODCALLTYPE get_Methods(IAppHostMethodCollection** ppMethods) override {
        HRESULT result = S_OK;
        if (null_out(ppMethods, "get_Methods", result)) return result;
        *ppMethods = nullptr;
        return E_NOTIMPL;
    }

private:
    std::shared_ptr<const ConfigNode> node_;
};

inline HRESULT ConfigPropertyCollection::get_Item(VARIANT cIndex, IAppHostProperty** ppProperty) {
    HRESULT result = S_OK;
    if (null_out(ppProperty, "get_Item", result)) return result;
    *ppProperty = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name)) return E_INVALIDARG;  // CFG-6
    if (by_name) {
        for (std::size_t i = 0; i < node_->properties.size(); ++i)
            if (node_->properties[i].first == name) {
                *ppProperty = new ConfigProperty(shared_, node_, i);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    if (negative || number >= node_->properties.size())
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppProperty = new ConfigProperty(shared_, node_, index);
    return S_OK;
}

inline HRESULT ConfigChildElements::get_Item(VARIANT cIndex, IAppHostElement** ppElement) {
    HRESULT result = S_OK;
    if (null_out(ppElement, "get_Item", result)) return result;
    *ppElement = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name)) return E_INVALIDARG;  // CFG-6
    if (by_name) {
        for (const auto& child : node_->children)
            if (child->name == name) {
                *ppElement = new ConfigElement(shared_, child);
                return S_OK;
            }
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    if (negative || number >= node_->children.size())
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppElement = new ConfigElement(shared_, node_->children[index]);
    return S_OK;
}

inline HRESULT ConfigElementCollection::get_Item(VARIANT cIndex, IAppHostElement** ppElement) {
    HRESULT result = S_OK;
    if (null_out(ppElement, "get_Item", result)) return result;
    *ppElement = nullptr;
    bool by_name = false, negative = false;
    unsigned long long number = 0;
    std::string name;
    if (!read_index(cIndex, by_name, number, negative, name) || by_name)
        return E_INVALIDARG;  // CFG-6: integers only (IIS's selector element is not modelled)
    if (negative || number >= node_->items.size()) return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    const std::size_t index = number;  // in range: below a size (no cast: size_t may be ULL)
    *ppElement = new ConfigElement(shared_, node_->items[index]);
    return S_OK;
}

inline const char* const* metadata_flag_names() {
    static const char* const names[4] = {"ignoreInvalidAttributes", "ignoreInvalidRanges",
                                         "ignoreInvalidDecryption", "ignoreInvalidValidation"};
    return names;
}

// ---- FakeConfigurationBase --------------------------------------------------------------------

template <class Unused>
typename FakeConfigurationBase<Unused>::Level FakeConfigurationBase<Unused>::location(
    const std::string& path) const {
    std::vector<std::string> segments;
    std::string full = path;
    const bool absolute = full.size() >= 7 && same_ascii_nocase(full.substr(0, 7), "MACHINE") &&
                          (full.size() == 7 || full[7] == '/');
    if (!absolute) {
        while (!full.empty() && full.front() == '/') full.erase(full.begin());
        full = full.empty() || full == "." ? std::string("MACHINE/WEBROOT/APPHOST")
                                           : "MACHINE/WEBROOT/APPHOST/" + full;
    }
    if (!split_config_path(full, segments) || !recognized_path(segments))
        throw ConfigurationError("iisfake: FakeConfiguration::location: '" + path +
                                 "' is not a configuration path [CFG-3]");
    return Level(const_cast<FakeConfigurationBase*>(this), std::move(segments));
}

template <class Unused>
ElementBuilder FakeConfigurationBase<Unused>::section_at(const std::vector<std::string>& segments,
                                                         const std::string& name) {
    if (name.empty())
        throw ConfigurationError("iisfake: FakeConfiguration::section: the name is empty");
    for (auto& level : levels_)
        if (level.section == name && level.segments.size() == segments.size() &&
            is_prefix(level.segments, segments))
            return ElementBuilder(level.data.get());
    std::unique_ptr<ElementData> data(new ElementData());
    const std::size_t slash = name.rfind('/');
    data->name = slash == std::string::npos ? name : name.substr(slash + 1);
    levels_.push_back(LevelEntry{segments, name, std::move(data)});
    return ElementBuilder(levels_.back().data.get());
}

template <class Unused>
SchemaBuilder FakeConfigurationBase<Unused>::declare_section(const std::string& name) {
    if (name.empty())
        throw ConfigurationError("iisfake: FakeConfiguration::declare_section: the name is empty");
    for (auto& section : sections_)
        if (section->name == name) return SchemaBuilder(section.get());
    sections_.push_back(std::unique_ptr<ElementSchemaData>(new ElementSchemaData()));
    sections_.back()->name = name;
    return SchemaBuilder(sections_.back().get());
}

template <class Unused>
void FakeConfigurationBase<Unused>::declare_section_group(const std::string& name) {
    if (!is_section_group(name)) groups_.push_back(name);
}

template <class Unused>
bool FakeConfigurationBase<Unused>::is_section_group(const std::string& name) const {
    static const char* const known[] = {
        "system.applicationHost",    "system.webServer",
        "system.webServer/security", "system.webServer/security/authentication",
        "system.webServer/tracing",  "system.webServer/webdav",
        "system.ftpServer",          "system.ftpServer/security"};
    for (const char* group : known)
        if (name == group) return true;
    for (const std::string& group : groups_)
        if (name == group) return true;
    return false;
}

template <class Unused>
bool FakeConfigurationBase<Unused>::is_declared_section(const std::string& name) const {
    return section_schema(name) != nullptr;
}

template <class Unused>
const ElementSchemaData* FakeConfigurationBase<Unused>::section_schema(
    const std::string& name) const {
    for (const auto& section : sections_)
        if (section->name == name) return section.get();
    return nullptr;
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::QueryInterface(REFIID riid,
                                                                        void** ppvObject) {
    if (!ppvObject)
        return shared_->misuse("IAppHostAdminManager::QueryInterface", "CFG-11",
                               "ppvObject is NULL", E_POINTER);
    if (same_iid(riid, ::iisfake::uuid_of<IUnknown>()) ||
        same_iid(riid, ::iisfake::uuid_of<IAppHostAdminManager>())) {
        *ppvObject = static_cast<IAppHostAdminManager*>(this);
        AddRef();
        return S_OK;
    }
    *ppvObject = nullptr;
    return E_NOINTERFACE;
}

template <class Unused>
ULONG STDMETHODCALLTYPE FakeConfigurationBase<Unused>::Release() {
    if (references_.load() <= 1) {
        shared_->misuse("IAppHostAdminManager::Release", "CFG-12",
                        "Release without a matching AddRef: the admin manager belongs to the "
                        "server",
                        S_OK);
        return 1;
    }
    return static_cast<ULONG>(--references_);
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::GetAdminSection(
    BSTR bstrSectionName, BSTR bstrPath, IAppHostElement** ppAdminSection) {
    const char* method = "IAppHostAdminManager::GetAdminSection";
    if (!ppAdminSection)
        return shared_->misuse(method, "CFG-12", "ppAdminSection is NULL", E_INVALIDARG);
    *ppAdminSection = nullptr;
    if (!bstrSectionName)
        return shared_->misuse(method, "CFG-12", "bstrSectionName is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrSectionName);  // CFG-13
    const std::string path = utf8_of(bstrPath);
    std::vector<std::string> segments;
    if (path.empty()) {
        last_error_ = "the configuration path is empty [CFG-3]";
        return E_INVALIDARG;
    }
    if (!split_config_path(path, segments) || !recognized_path(segments)) {
        last_error_ = "unrecognized configuration path '" + path + "' [CFG-3]";
        return shared_->options.unrecognized_path;
    }
    std::vector<const LevelEntry*> applying;
    bool set_anywhere = false;
    for (const auto& level : levels_) {
        if (level.section != name) continue;
        set_anywhere = true;
        if (is_prefix(level.segments, segments)) applying.push_back(&level);
    }
    const ElementSchemaData* schema = section_schema(name);
    if (!schema && !set_anywhere) {
        last_error_ = "the section '" + name + "' is not declared [CFG-4]";
        return shared_->options.undeclared_section;
    }
    // Shallower levels first; levels of equal depth in the order they were written.
    for (std::size_t i = 1; i < applying.size(); ++i)
        for (std::size_t j = i;
             j > 0 && applying[j - 1]->segments.size() > applying[j]->segments.size(); --j)
            std::swap(applying[j - 1], applying[j]);
    const std::size_t slash = name.rfind('/');
    MergeNode merged(slash == std::string::npos ? name : name.substr(slash + 1), schema);
    std::shared_ptr<const ConfigNode> node;
    try {
        for (const LevelEntry* level : applying)
            apply(merged, *level->data, join_path(level->segments));
        node = freeze(merged);
    } catch (const ResolveFailure& failure) {
        last_error_ = failure.message;
        return failure.result;
    }
    last_error_.clear();
    *ppAdminSection = new ConfigElement(shared_, node);
    return S_OK;
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::GetMetadata(BSTR bstrMetadataType,
                                                                     VARIANT* pValue) {
    const char* method = "IAppHostAdminManager::GetMetadata";
    if (!pValue) return shared_->misuse(method, "CFG-12", "pValue is NULL", E_INVALIDARG);
    VariantInit(pValue);
    if (!bstrMetadataType)
        return shared_->misuse(method, "CFG-12", "bstrMetadataType is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrMetadataType);
    for (int i = 0; i < 4; ++i)
        if (name == metadata_flag_names()[i]) {
            pValue->vt = VT_BOOL;
            pValue->boolVal = shared_->metadata_flags[i] ? VARIANT_TRUE : VARIANT_FALSE;
            return S_OK;
        }
    return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
}

template <class Unused>
HRESULT STDMETHODCALLTYPE FakeConfigurationBase<Unused>::SetMetadata(BSTR bstrMetadataType,
                                                                     VARIANT value) {
    if (!bstrMetadataType)
        return shared_->misuse("IAppHostAdminManager::SetMetadata", "CFG-12",
                               "bstrMetadataType is NULL", E_INVALIDARG);
    const std::string name = utf8_of(bstrMetadataType);
    for (int i = 0; i < 4; ++i)
        if (name == metadata_flag_names()[i]) {
            if (value.vt != VT_BOOL) return E_INVALIDARG;
            shared_->metadata_flags[i] = value.boolVal != VARIANT_FALSE;
            return S_OK;
        }
    if (name == "pathMapper" || name == "pathMapper2" || name == "changeHandler")
        return E_NOTIMPL;                            // CFG-9: no files, so nothing to map or watch
    return HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED);  // CFG-14
}

template <class Unused>
HRESULT STDMETHODCALLTYPE
FakeConfigurationBase<Unused>::get_ConfigManager(IAppHostConfigManager** ppConfigManager) {
    if (!ppConfigManager)
        return shared_->misuse("IAppHostAdminManager::get_ConfigManager", "CFG-12",
                               "ppConfigManager is NULL", E_INVALIDARG);
    *ppConfigManager = nullptr;
    return E_NOTIMPL;  // CFG-9
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeConfigurationBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
