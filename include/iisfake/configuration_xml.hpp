#ifndef IISFAKE_CONFIGURATION_XML_HPP_INCLUDED
#define IISFAKE_CONFIGURATION_XML_HPP_INCLUDED

// Optional: fills a FakeConfiguration from applicationHost.config (or web.config) syntax. Built
// on pugixml (Debian: libpugixml-dev; link pugixml::pugixml); not included by
// <iisfake/iisfake.hpp>.
//
//     iisfake::load_configuration_xml(config, R"(
//         <configuration>
//           <system.webServer><stripHeaders enabled="true"><add name="Server"/></stripHeaders>
//           </system.webServer>
//           <location path="Default Web Site/app">
//             <system.webServer><stripHeaders><remove
//             name="Server"/></stripHeaders></system.webServer>
//           </location>
//         </configuration>)");
//
// How XML becomes configuration:
// - The root may be <configuration>, or a bare fragment such as <system.webServer>...; it lands
//   at `base_path` (MACHINE/WEBROOT/APPHOST by default; a site's path for a web.config).
//   <location path="Default Web Site/app"> (relative to base_path; "" and "." mean base_path)
//   moves its content to that path. <location> inside <location> is an error, as in IIS.
// - An element whose name is a declared or known section group (system.webServer,
//   system.webServer/security, .../authentication, system.applicationHost, ...; see
//   FakeConfiguration::declare_section_group) is a group; any other element below the root or a
//   group is a section. <configSections> declares groups (<sectionGroup name>) and sections
//   (<section name>).
// - Inside a section: attributes are values (typed by the declared schema, else strings, CFG-8;
//   lockAttributes, lockElements, lockItem, configSource and the other lock* metadata
//   attributes are skipped); child elements named as the declared collection's add/remove/clear
//   elements (else <add>, <remove>, <clear>) are collection lines; others are child elements.
// - Errors (XML that does not parse, nesting deeper than 64 elements) throw ConfigurationError
//   naming the line and column: they are mistakes in the test, not module behaviour.

#include <cstddef>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "iisfake/fake_configuration.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {

class ConfigurationXmlReader {
public:
    ConfigurationXmlReader(FakeConfiguration& config, const std::string& text)
        : config_(config), text_(text) {}

    void container(const pugi::xml_node& node, const std::string& group, const std::string& path,
                   bool in_location) {
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const std::string name = child.name();
            if (group.empty() && name == "location") {
                if (in_location) fail(child, "<location> inside <location>");
                container(child, group, join(path, child.attribute("path").value(), child), true);
            } else if (group.empty() && name == "configSections") {
                declarations(child, std::string(), 0);
            } else {
                const std::string full = group.empty() ? name : group + "/" + name;
                if (!config_.is_declared_section(full) && config_.is_section_group(full))
                    container(child, full, path, in_location);
                else
                    element(config_.location(path).section(full), child,
                            config_.section_schema(full), 1);
            }
        }
    }

    [[noreturn]] void fail_at(std::ptrdiff_t offset, const std::string& problem) const {
        std::size_t line = 1, column = 1;
        const std::size_t end = offset < 0 ? 0
                                           : (static_cast<std::size_t>(offset) < text_.size()
                                                  ? static_cast<std::size_t>(offset)
                                                  : text_.size());
        for (std::size_t i = 0; i < end; ++i) {
            if (text_[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw ConfigurationError("iisfake: configuration XML, line " + std::to_string(line) +
                                 ", column " + std::to_string(column) + ": " + problem);
    }

private:
    [[noreturn]] void fail(const pugi::xml_node& node, const std::string& problem) const {
        fail_at(node.offset_debug(), problem);
    }

    std::string join(const std::string& base, const std::string& relative,
                     const pugi::xml_node& node) const {
        std::string path = relative;
        while (!path.empty() && path.front() == '/') path.erase(path.begin());
        if (path.empty() || path == ".") return base;
        const std::string full = base + "/" + path;
        std::vector<std::string> segments;
        if (!split_config_path(full, segments))
            fail(node, "<location path=\"" + relative + "\"> is not a configuration path");
        return full;
    }

    void declarations(const pugi::xml_node& node, const std::string& group, int depth) {
        if (depth > max_depth) fail(node, "nesting deeper than 64 elements");
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const std::string name = child.attribute("name").value();
            if (name.empty()) continue;
            const std::string full = group.empty() ? name : group + "/" + name;
            if (std::string(child.name()) == "sectionGroup") {
                config_.declare_section_group(full);
                declarations(child, full, depth + 1);
            } else if (std::string(child.name()) == "section") {
                config_.declare_section(full);
            }
        }
    }

    static bool metadata_attribute(const std::string& name) {
        return name == "lockAttributes" || name == "lockAllAttributesExcept" ||
               name == "lockElements" || name == "lockAllElementsExcept" || name == "lockItem" ||
               name == "configSource" || name == "childSource";
    }

    void element(ElementBuilder builder, const pugi::xml_node& node,
                 const ElementSchemaData* schema, int depth) {
        if (depth > max_depth) fail(node, "nesting deeper than 64 elements");
        for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
             attribute = attribute.next_attribute()) {
            const std::string name = attribute.name();
            if (!metadata_attribute(name)) builder.set(name, std::string(attribute.value()));
        }
        const CollectionSchemaData* collection = schema ? schema->collection.get() : nullptr;
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            const std::string name = child.name();
            if (is_add(collection, name)) {
                element(builder.add_element(name), child,
                        collection ? collection->item.get() : nullptr, depth + 1);
            } else if (name == (collection ? collection->remove_name : std::string("remove"))) {
                Attributes keys;
                for (pugi::xml_attribute attribute = child.first_attribute(); attribute;
                     attribute = attribute.next_attribute())
                    keys.emplace_back(attribute.name(), attribute.value());
                builder.remove(keys);
            } else if (name == (collection ? collection->clear_name : std::string("clear"))) {
                builder.clear();
            } else {
                element(builder.child(name), child, schema ? schema->child(name) : nullptr,
                        depth + 1);
            }
        }
    }

    static bool is_add(const CollectionSchemaData* collection, const std::string& name) {
        if (!collection || collection->add_names.empty()) return name == "add";
        for (const std::string& add : collection->add_names)
            if (add == name) return true;
        return false;
    }

    static constexpr int max_depth = 64;
    FakeConfiguration& config_;
    const std::string& text_;
};

}  // namespace detail

// Reads `xml` (applicationHost.config syntax) into `config`, at `base_path`. Throws
// ConfigurationError, naming line and column, for XML that does not parse.
inline void load_configuration_xml(FakeConfiguration& config, const std::string& xml,
                                   const std::string& base_path = "MACHINE/WEBROOT/APPHOST") {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    detail::ConfigurationXmlReader reader(config, xml);
    if (!parsed) reader.fail_at(parsed.offset, parsed.description());
    std::vector<std::string> segments;  // a whole configuration path, checked before writing
    if (!detail::split_config_path(base_path, segments) || segments.size() < 3 ||
        !detail::same_ascii_nocase(segments[0], "MACHINE"))
        throw ConfigurationError("iisfake: load_configuration_xml: '" + base_path +
                                 "' is not a configuration path at or below "
                                 "MACHINE/WEBROOT/APPHOST");
    config.location(base_path);
    const pugi::xml_node root = document.document_element();
    if (root && std::string(root.name()) == "configuration")
        reader.container(root, std::string(), base_path, false);
    else
        reader.container(document, std::string(), base_path, false);
}

IISFAKE_END_NAMESPACE

#endif
