// Spec T-19: the process and environment surface module code uses off Windows: last error, ids,
// module handles and names, the computer name, the heap, GetSystemInfo, and a fake environment.
#include <windows.h>  // as a module source does; the drop-in brings the part

#include <iisfake/win32.hpp>  // the state a test reads

#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "catch.hpp"

namespace {

struct ProcessReset {
    ~ProcessReset() {
        iisfake::win32::reset_process();
        iisfake::win32::reset_environment();
    }
};

}  // namespace

TEST_CASE("GetLastError / SetLastError: per thread", "[win32][T-19][threaded]") {
    SetLastError(ERROR_ACCESS_DENIED);
    DWORD other_before = 1;
    DWORD other_after = 0;
    std::thread([&] {
        other_before = GetLastError();
        SetLastError(ERROR_NOT_FOUND);
        other_after = GetLastError();
    }).join();
    CHECK(other_before == 0);
    CHECK(other_after == ERROR_NOT_FOUND);
    CHECK(GetLastError() == ERROR_ACCESS_DENIED);
}

TEST_CASE("GetCurrentThreadId: stable, non-zero, distinct per thread; GetCurrentProcessId",
          "[win32][T-19][threaded]") {
    const DWORD mine = GetCurrentThreadId();
    CHECK(mine != 0);
    CHECK(GetCurrentThreadId() == mine);
    std::vector<DWORD> ids(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < ids.size(); ++t)
        threads.emplace_back([&ids, t] { ids[t] = GetCurrentThreadId(); });
    for (auto& thread : threads) thread.join();
    std::set<DWORD> distinct(ids.begin(), ids.end());
    distinct.insert(mine);
    CHECK(distinct.size() == 5);
    CHECK(distinct.count(0) == 0);
    CHECK(GetCurrentProcessId() != 0);
    CHECK(GetCurrentProcess() == reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-1)));
    CHECK(GetCurrentThread() == reinterpret_cast<HANDLE>(static_cast<LONG_PTR>(-2)));
}

TEST_CASE("GetModuleFileNameW / A: the fake path, truncation, ERROR_INSUFFICIENT_BUFFER",
          "[win32][T-19]") {
    ProcessReset restore;
    const HMODULE module = iisfake::win32::module_handle();
    const std::wstring path = L"C:\\Windows\\System32\\inetsrv\\module.dll";
    WCHAR wide[MAX_PATH];
    CHECK(GetModuleFileNameW(module, wide, MAX_PATH) == path.size());
    CHECK(std::wstring(wide) == path);
    char narrow[MAX_PATH];
    CHECK(GetModuleFileNameA(module, narrow, MAX_PATH) == path.size());
    CHECK(std::string(narrow) == "C:\\Windows\\System32\\inetsrv\\module.dll");
    CHECK(GetModuleFileNameW(NULL, wide, MAX_PATH) > 0);
    CHECK(std::wstring(wide) == L"C:\\Windows\\System32\\inetsrv\\w3wp.exe");

    // Exactly fits with the NUL.
    const auto fit = static_cast<DWORD>(path.size() + 1);
    SetLastError(0);
    CHECK(GetModuleFileNameW(module, wide, fit) == path.size());
    CHECK(GetLastError() == 0);
    // One short: nSize - 1 characters, a NUL, nSize, ERROR_INSUFFICIENT_BUFFER.
    std::wmemset(wide, L'x', MAX_PATH);
    CHECK(GetModuleFileNameW(module, wide, fit - 1) == fit - 1);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    CHECK(std::wstring(wide) == path.substr(0, path.size() - 1));
    CHECK(wide[fit - 1] == L'x');
    SetLastError(0);
    CHECK(GetModuleFileNameA(module, narrow, 4) == 4);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    CHECK(std::string(narrow) == "C:\\");
    SetLastError(0);
    CHECK(GetModuleFileNameW(module, wide, 0) == 0);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    SetLastError(0);
    CHECK(GetModuleFileNameW(reinterpret_cast<HMODULE>(wide), wide, MAX_PATH) == 0);
    CHECK(GetLastError() == ERROR_MOD_NOT_FOUND);

    // UTF-8 for the narrow form: the count is in bytes.
    iisfake::win32::set_module_file_name(L"D:\\M\u00f3dulos\\\U0001F600.dll");
    CHECK(GetModuleFileNameA(module, narrow, MAX_PATH) ==
          std::strlen("D:\\M\xc3\xb3"
                      "dulos\\\xf0\x9f\x98\x80.dll"));
    CHECK(std::string(narrow) ==
          "D:\\M\xc3\xb3"
          "dulos\\\xf0\x9f\x98\x80.dll");
    CHECK(GetModuleFileNameW(module, wide, MAX_PATH) ==
          std::wcslen(L"D:\\M\u00f3dulos\\\U0001F600.dll"));
}

TEST_CASE("GetModuleHandleW / A / Ex: the module under test by name or address", "[win32][T-19]") {
    ProcessReset restore;
    const HMODULE module = iisfake::win32::module_handle();
    CHECK(GetModuleHandleW(L"module.dll") == module);
    CHECK(GetModuleHandleA("MODULE") == module);  // no extension: .dll
    CHECK(GetModuleHandleW(L"C:\\Windows\\System32\\inetsrv\\MODULE.DLL") == module);
    CHECK(GetModuleHandleW(NULL) != nullptr);
    CHECK(GetModuleHandleW(NULL) != module);
    CHECK(GetModuleHandleA("w3wp.exe") == GetModuleHandleW(NULL));
    SetLastError(0);
    CHECK(GetModuleHandleW(L"other.dll") == nullptr);
    CHECK(GetLastError() == ERROR_MOD_NOT_FOUND);

    HMODULE found = nullptr;
    CHECK(GetModuleHandleExW(
              GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
              reinterpret_cast<LPCWSTR>(&module), &found) == TRUE);
    CHECK(found == module);
    found = nullptr;
    CHECK(GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS,
                             reinterpret_cast<LPCSTR>(&found), &found) == TRUE);
    CHECK(found == module);
    CHECK(GetModuleHandleExA(0, "module.dll", &found) == TRUE);
    CHECK(found == module);
    CHECK(GetModuleHandleExW(0, L"nope.dll", &found) == FALSE);
    CHECK(found == nullptr);
    CHECK(DisableThreadLibraryCalls(module) == TRUE);
    CHECK(DLL_PROCESS_ATTACH == 1);
    CHECK(DLL_PROCESS_DETACH == 0);
    CHECK(DLL_THREAD_ATTACH == 2);
    CHECK(DLL_THREAD_DETACH == 3);
}

TEST_CASE("GetComputerNameW / A: ERROR_BUFFER_OVERFLOW and the size needed", "[win32][T-19]") {
    ProcessReset restore;
    WCHAR wide[32];
    DWORD size = 32;
    CHECK(GetComputerNameW(wide, &size) == TRUE);
    CHECK(size == 7);
    CHECK(std::wstring(wide) == L"IISFAKE");
    size = 7;  // no room for the NUL
    SetLastError(0);
    CHECK(GetComputerNameW(wide, &size) == FALSE);
    CHECK(GetLastError() == ERROR_BUFFER_OVERFLOW);
    CHECK(size == 8);
    char narrow[8];
    size = 8;
    CHECK(GetComputerNameA(narrow, &size) == TRUE);
    CHECK(std::string(narrow) == "IISFAKE");
    size = 0;
    CHECK(GetComputerNameA(NULL, &size) == FALSE);
    CHECK(size == 8);
    CHECK(GetComputerNameA(narrow, NULL) == FALSE);
    iisfake::win32::set_computer_name(L"WEB01");
    size = 8;
    CHECK(GetComputerNameA(narrow, &size) == TRUE);
    CHECK(std::string(narrow) == "WEB01");
}

TEST_CASE("HeapAlloc / HeapReAlloc / HeapFree / LocalAlloc / LocalFree", "[win32][T-19]") {
    const std::size_t live = iisfake::win32::heap_allocations();
    HANDLE heap = GetProcessHeap();
    REQUIRE(heap != nullptr);
    auto* zeroed = static_cast<unsigned char*>(HeapAlloc(heap, HEAP_ZERO_MEMORY, 64));
    REQUIRE(zeroed != nullptr);
    bool all_zero = true;
    for (int i = 0; i < 64; ++i) all_zero = all_zero && zeroed[i] == 0;
    CHECK(all_zero);
    std::memset(zeroed, 0xAB, 64);
    CHECK(HeapSize(heap, 0, zeroed) == 64);
    auto* grown = static_cast<unsigned char*>(HeapReAlloc(heap, HEAP_ZERO_MEMORY, zeroed, 128));
    REQUIRE(grown != nullptr);
    CHECK(grown[63] == 0xAB);
    CHECK(grown[64] == 0);
    CHECK(grown[127] == 0);
    CHECK(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, grown, 256) == nullptr);
    CHECK(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, grown, 16) == grown);
    CHECK(iisfake::win32::heap_allocations() == live + 1);
    CHECK(HeapFree(heap, 0, grown) == TRUE);
    SetLastError(0);
    CHECK(HeapFree(heap, 0, grown) == FALSE);  // twice: refused, nothing corrupted
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    int local = 0;
    CHECK(HeapFree(heap, 0, &local) == FALSE);
    CHECK(HeapFree(heap, 0, NULL) == TRUE);
    void* empty = HeapAlloc(heap, 0, 0);
    CHECK(empty != nullptr);
    CHECK(HeapFree(heap, 0, empty) == TRUE);

    auto* fixed = static_cast<char*>(LocalAlloc(LPTR, 10));
    REQUIRE(fixed != nullptr);
    CHECK(fixed[9] == 0);
    CHECK(LocalFree(fixed) == nullptr);
    CHECK(LocalFree(&local) == &local);  // failure returns the handle
    CHECK(LocalFree(NULL) == nullptr);
    CHECK(iisfake::win32::heap_allocations() == live);
}

TEST_CASE("GetSystemInfo: processors and page size", "[win32][T-19]") {
    SYSTEM_INFO info;
    std::memset(&info, 0xFF, sizeof info);
    GetSystemInfo(&info);
    CHECK(info.dwNumberOfProcessors >= 1);
    CHECK(info.dwNumberOfProcessors <= 64);
    CHECK(info.dwPageSize == 4096);
    CHECK(info.dwAllocationGranularity == 65536);
    CHECK(info.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64);
    char expected[8];
    CHECK(GetEnvironmentVariableA("NUMBER_OF_PROCESSORS", expected, 8) > 0);
    CHECK(std::to_string(info.dwNumberOfProcessors) == expected);
}

// ---- environment ------------------------------------------------------------------------------

TEST_CASE("GetEnvironmentVariableA / W: the fake default environment, case-insensitive",
          "[win32][T-19]") {
    ProcessReset restore;
    char value[64];
    CHECK(GetEnvironmentVariableA("SystemRoot", value, 64) == 10);
    CHECK(std::string(value) == "C:\\Windows");
    CHECK(GetEnvironmentVariableA("systemroot", value, 64) == 10);
    CHECK(GetEnvironmentVariableA("APP_POOL_ID", value, 64) == 14);
    CHECK(std::string(value) == "DefaultAppPool");
    WCHAR wide[64];
    CHECK(GetEnvironmentVariableW(L"temp", wide, 64) == 15);
    CHECK(std::wstring(wide) == L"C:\\Windows\\TEMP");
    CHECK(GetEnvironmentVariableW(L"COMPUTERNAME", wide, 64) == 7);
    // The real environment never shows through.
    ::setenv("IISFAKE_REAL_ONLY", "1", 1);
    SetLastError(0);
    CHECK(GetEnvironmentVariableA("IISFAKE_REAL_ONLY", value, 64) == 0);
    CHECK(GetLastError() == ERROR_ENVVAR_NOT_FOUND);
    ::unsetenv("IISFAKE_REAL_ONLY");
    CHECK(GetEnvironmentVariableA("HOME", value, 64) == 0);
}

TEST_CASE("GetEnvironmentVariableA / W: too small returns the size with the NUL", "[win32][T-19]") {
    ProcessReset restore;
    char value[16];
    std::memset(value, 'x', sizeof value);
    CHECK(GetEnvironmentVariableA("SystemRoot", value, 10) == 11);  // "C:\Windows" + NUL
    CHECK(value[0] == 'x');                                         // nothing written
    CHECK(GetEnvironmentVariableA("SystemRoot", value, 11) == 10);
    CHECK(GetEnvironmentVariableA("SystemRoot", NULL, 0) == 11);
    SetLastError(0);
    CHECK(GetEnvironmentVariableA("NO_SUCH_VARIABLE", value, 16) == 0);
    CHECK(GetLastError() == ERROR_ENVVAR_NOT_FOUND);
    CHECK(ERROR_ENVVAR_NOT_FOUND == 203);

    iisfake::win32::set_environment_variable("EMPTY", "");
    SetLastError(ERROR_ENVVAR_NOT_FOUND);
    CHECK(GetEnvironmentVariableA("EMPTY", value, 16) == 0);
    CHECK(GetLastError() == ERROR_SUCCESS);
    CHECK(value[0] == '\0');

    // Wide counts are in WCHARs: one per code point here, whatever UTF-8 needs.
    iisfake::win32::set_environment_variable("GREETING", "h\xc3\xa9llo \xf0\x9f\x98\x80");
    WCHAR wide[8];
    CHECK(GetEnvironmentVariableW(L"GREETING", wide, 8) == 7);
    CHECK(std::wstring(wide) == L"h\u00e9llo \U0001F600");
    CHECK(GetEnvironmentVariableW(L"GREETING", wide, 7) == 8);
    CHECK(GetEnvironmentVariableA("GREETING", value, 16) == 11);
}

TEST_CASE("SetEnvironmentVariableA / W: set, replace, NULL deletes, bad names", "[win32][T-19]") {
    ProcessReset restore;
    char value[32];
    CHECK(SetEnvironmentVariableA("MyVar", "one") == TRUE);
    CHECK(GetEnvironmentVariableA("MYVAR", value, 32) == 3);
    CHECK(SetEnvironmentVariableW(L"myvar", L"two") == TRUE);
    CHECK(GetEnvironmentVariableA("MyVar", value, 32) == 3);
    CHECK(std::string(value) == "two");
    CHECK(iisfake::win32::environment().count("MyVar") == 1);  // the first spelling stays
    CHECK(SetEnvironmentVariableA("MyVar", NULL) == TRUE);
    SetLastError(0);
    CHECK(GetEnvironmentVariableA("MyVar", value, 32) == 0);
    CHECK(GetLastError() == ERROR_ENVVAR_NOT_FOUND);
    CHECK(SetEnvironmentVariableW(L"TEMP", NULL) == TRUE);
    CHECK(GetEnvironmentVariableA("TEMP", value, 32) == 0);
    SetLastError(0);
    CHECK(SetEnvironmentVariableA("A=B", "x") == FALSE);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(SetEnvironmentVariableA("", "x") == FALSE);
    CHECK(SetEnvironmentVariableW(NULL, L"x") == FALSE);
    CHECK(SetEnvironmentVariableA("=C:", "C:\\") == TRUE);  // drive-current-directory names

    iisfake::win32::unset_environment_variable("SystemRoot");
    CHECK(GetEnvironmentVariableA("SystemRoot", value, 32) == 0);
    iisfake::win32::reset_environment();
    CHECK(GetEnvironmentVariableA("SystemRoot", value, 32) == 10);
    CHECK(GetEnvironmentVariableA("TEMP", value, 32) == 15);
}

TEST_CASE("ExpandEnvironmentStringsA / W: %NAME%, unknown names stay, sizes with the NUL",
          "[win32][T-19]") {
    ProcessReset restore;
    char out[128];
    CHECK(ExpandEnvironmentStringsA("%SystemRoot%\\System32", out, 128) == 20);
    CHECK(std::string(out) == "C:\\Windows\\System32");
    CHECK(ExpandEnvironmentStringsA("%systemdrive%%NOPE%%TEMP%", out, 128) == 24);
    CHECK(std::string(out) == "C:%NOPE%C:\\Windows\\TEMP");
    CHECK(ExpandEnvironmentStringsA("100% %NOPE%SystemDrive% %", out, 128) > 0);
    CHECK(std::string(out) == "100% %NOPEC: %");
    CHECK(ExpandEnvironmentStringsA("%%", out, 128) == 3);
    CHECK(std::string(out) == "%%");
    CHECK(ExpandEnvironmentStringsA("", out, 128) == 1);
    CHECK(out[0] == '\0');

    std::memset(out, 'x', sizeof out);
    CHECK(ExpandEnvironmentStringsA("%SystemRoot%", out, 10) == 11);
    CHECK(out[0] == 'x');
    CHECK(ExpandEnvironmentStringsA("%SystemRoot%", NULL, 0) == 11);
    CHECK(ExpandEnvironmentStringsA("%SystemRoot%", out, 11) == 11);

    iisfake::win32::set_environment_variable("EURO", "\xe2\x82\xac");
    WCHAR wide[64];
    CHECK(ExpandEnvironmentStringsW(L"[%EURO%]", wide, 64) == 4);
    CHECK(std::wstring(wide) == L"[\u20ac]");
    CHECK(ExpandEnvironmentStringsA("[%EURO%]", out, 128) == 6);
    SetLastError(0);
    CHECK(ExpandEnvironmentStringsW(NULL, wide, 64) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}

TEST_CASE("GetEnvironmentStringsW / FreeEnvironmentStringsW: the block", "[win32][T-19]") {
    ProcessReset restore;
    iisfake::win32::set_environment_variable("ZZ_LAST", "z");
    LPWCH block = GetEnvironmentStringsW();
    REQUIRE(block != nullptr);
    std::set<std::wstring> entries;
    const WCHAR* p = block;
    while (*p) {
        entries.insert(p);
        p += std::wcslen(p) + 1;
    }
    CHECK(entries.count(L"SystemRoot=C:\\Windows") == 1);
    CHECK(entries.count(L"ZZ_LAST=z") == 1);
    CHECK(FreeEnvironmentStringsW(block) == TRUE);
    CHECK(FreeEnvironmentStringsW(block) == FALSE);
    LPCH narrow = GetEnvironmentStringsA();
    REQUIRE(narrow != nullptr);
    CHECK(FreeEnvironmentStringsA(narrow) == TRUE);
}
