// The Win32 and C runtime surface is opt-in (issue 13, T-19): a test file that includes the
// umbrella and the host, without the drop-ins or <iisfake/win32.hpp>, sees none of it. Each probe
// below declares a catch-all overload returning Absent; if iisfake declared the real function,
// the call would pick it instead and the static_assert would fail.
#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

#include <cstddef>
#include <type_traits>

#include "catch.hpp"

#if !defined(_WIN32)

// At namespace scope with external linkage: declared, never defined, only named in decltype.
struct Absent {};

Absent GetTickCount(...);
Absent InterlockedIncrement(...);
Absent ReportEventA(...);
Absent GetEnvironmentVariableA(...);
Absent MultiByteToWideChar(...);
Absent sprintf_s(...);
Absent strcpy_s(...);
Absent StringCchCopyA(...);
Absent StringFromGUID2(...);
Absent VariantChangeType(...);
Absent inet_ntop(...);

TEST_CASE("The umbrella and the host declare none of the Win32 surface [T-19]", "[win32]") {
    char text[4] = {};
    WCHAR wide[4] = {};
    LONG counter = 0;
    VARIANT value;
    static_assert(std::is_same<decltype(GetTickCount()), Absent>::value, "GetTickCount leaked");
    static_assert(std::is_same<decltype(InterlockedIncrement(&counter)), Absent>::value,
                  "InterlockedIncrement leaked");
    static_assert(std::is_same<decltype(ReportEventA(nullptr, WORD{1}, WORD{0}, DWORD{1}, nullptr,
                                                     WORD{0}, DWORD{0}, nullptr, nullptr)),
                               Absent>::value,
                  "ReportEventA leaked");
    static_assert(std::is_same<decltype(GetEnvironmentVariableA("A", text, DWORD{4})),
                               Absent>::value,
                  "GetEnvironmentVariableA leaked");
    static_assert(std::is_same<decltype(MultiByteToWideChar(UINT{65001}, DWORD{0}, "a", 1, wide,
                                                            4)),
                               Absent>::value,
                  "MultiByteToWideChar leaked");
    static_assert(std::is_same<decltype(sprintf_s(text, std::size_t{4}, "%d", 1)), Absent>::value,
                  "sprintf_s leaked");
    static_assert(std::is_same<decltype(strcpy_s(text, std::size_t{4}, "a")), Absent>::value,
                  "strcpy_s leaked");
    static_assert(std::is_same<decltype(StringCchCopyA(text, std::size_t{4}, "a")), Absent>::value,
                  "StringCchCopyA leaked");
    static_assert(std::is_same<decltype(StringFromGUID2(GUID{}, wide, 4)), Absent>::value,
                  "StringFromGUID2 leaked");
    static_assert(std::is_same<decltype(VariantChangeType(&value, &value, USHORT{0},
                                                          VARTYPE{3})),
                               Absent>::value,
                  "VariantChangeType leaked");
    static_assert(std::is_same<decltype(inet_ntop(2, text, text, std::size_t{4})), Absent>::value,
                  "inet_ntop leaked");
    SUCCEED("checked at compile time");
}

#endif
