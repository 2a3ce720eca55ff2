// Reads the Itanium ABI's vtable slot of a virtual member function (g++, clang, mingw-w64), so
// tests can pin the SDK's declaration order. MSVC represents member pointers differently, so
// users of this header are empty there.
#ifndef IISFAKE_TESTS_UNIT_SUPPORT_VTABLE_SLOT_HPP_INCLUDED
#define IISFAKE_TESTS_UNIT_SUPPORT_VTABLE_SLOT_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "catch.hpp"

namespace iisfake_test {

// An Itanium pointer to member function: {ptr, adj}. For a virtual function, generic Itanium
// stores 1 + the slot's byte offset in ptr; the ARM variant stores the offset in ptr and flags
// virtual-ness in the low bit of adj.
struct ItaniumPmf {
    std::uintptr_t ptr;
    std::ptrdiff_t adj;
};

// The vtable slot of a pointer to a virtual member function, or -1 if it is not virtual.
template <class Pmf>
std::ptrdiff_t vtable_slot(Pmf pmf) {
    static_assert(sizeof(Pmf) == sizeof(ItaniumPmf), "not an Itanium pointer to member function");
    ItaniumPmf repr;
    std::memcpy(&repr, &pmf, sizeof repr);
#if defined(__arm__) || defined(__aarch64__)
    if ((repr.adj & 1) == 0) return -1;
    return static_cast<std::ptrdiff_t>(repr.ptr / sizeof(void*));
#else
    if ((repr.ptr & 1u) == 0) return -1;
    return static_cast<std::ptrdiff_t>((repr.ptr - 1u) / sizeof(void*));
#endif
}

// Picks one overload by its exact pointer-to-member type.
template <class Pmf>
constexpr Pmf exact(Pmf pmf) noexcept {
    return pmf;
}

struct Slot {
    const char* method;
    std::ptrdiff_t actual;
    std::ptrdiff_t expected;
};

inline void check_slots(const Slot* slots, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        INFO(slots[i].method);
        CHECK(slots[i].actual == slots[i].expected);
    }
}
}  // namespace iisfake_test

#endif
