// A GUID in its registry spelling ("e8698f7e-576e-4cac-a309-67435355faef"), for comparing
// iisfake::uuid_of against the GUID tables of the specification.
#ifndef IISFAKE_TESTS_UNIT_SUPPORT_GUID_TEXT_HPP_INCLUDED
#define IISFAKE_TESTS_UNIT_SUPPORT_GUID_TEXT_HPP_INCLUDED

#include <cstdio>
#include <string>

#include <iisfake/iisfake.hpp>

namespace iisfake_test {

inline std::string guid_text(const GUID& g) {
    char text[40];
    std::snprintf(text, sizeof text, "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  static_cast<unsigned long>(g.Data1), static_cast<unsigned>(g.Data2),
                  static_cast<unsigned>(g.Data3), static_cast<unsigned>(g.Data4[0]),
                  static_cast<unsigned>(g.Data4[1]), static_cast<unsigned>(g.Data4[2]),
                  static_cast<unsigned>(g.Data4[3]), static_cast<unsigned>(g.Data4[4]),
                  static_cast<unsigned>(g.Data4[5]), static_cast<unsigned>(g.Data4[6]),
                  static_cast<unsigned>(g.Data4[7]));
    return text;
}

}  // namespace iisfake_test

#endif
