// Code pages, lstr*/wsprintf/FormatMessage, <tchar.h> (narrow mapping), <strsafe.h> and <io.h>
// off Windows (T-19).
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <io.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <string>
#include <type_traits>

#include <unistd.h>

#include "catch.hpp"
#include "support/invalid_parameter_recorder.hpp"

namespace {

HRESULT print_v(char* dest, size_t cch, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const HRESULT hr = StringCchVPrintfA(dest, cch, format, args);
    va_end(args);
    return hr;
}

DWORD format_with(char* buffer, DWORD size, const char* pattern, ...) {
    va_list args;
    va_start(args, pattern);
    const DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, pattern, 0, 0, buffer, size, &args);
    va_end(args);
    return n;
}

}  // namespace

// ---- MultiByteToWideChar / WideCharToMultiByte --------------------------------------------------

TEST_CASE("MultiByteToWideChar: -1 counts the NUL, 0 asks the size, too small fails",
          "[win32][T-19][MultiByteToWideChar]") {
    const char* text = "h\xc3\xa9llo";  // 5 characters, 6 bytes
    CHECK(MultiByteToWideChar(CP_UTF8, 0, text, -1, nullptr, 0) == 6);
    wchar_t wide[8];
    CHECK(MultiByteToWideChar(CP_UTF8, 0, text, -1, wide, 8) == 6);
    CHECK(std::wstring(wide) == L"h\u00e9llo");
    CHECK(MultiByteToWideChar(CP_UTF8, 0, text, 3, nullptr, 0) == 2);  // no NUL counted
    SetLastError(0);
    CHECK(MultiByteToWideChar(CP_UTF8, 0, text, -1, wide, 5) == 0);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);
    CHECK(MultiByteToWideChar(CP_ACP, 0, text, -1, wide, 8) == 6);  // the ANSI page is UTF-8
    CHECK(MultiByteToWideChar(CP_THREAD_ACP, MB_PRECOMPOSED, text, -1, wide, 8) == 6);
}

TEST_CASE("MultiByteToWideChar: invalid input is U+FFFD, or fails under MB_ERR_INVALID_CHARS",
          "[win32][T-19][MultiByteToWideChar]") {
    wchar_t wide[8];
    CHECK(MultiByteToWideChar(CP_UTF8, 0,
                              "a\xff"
                              "b",
                              3, wide, 8) == 3);
    CHECK(std::wstring(wide, 3) == L"a\uFFFDb");
    SetLastError(0);
    CHECK(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "a\xff", -1, wide, 8) == 0);
    CHECK(GetLastError() == ERROR_NO_UNICODE_TRANSLATION);
    CHECK(ERROR_NO_UNICODE_TRANSLATION == 1113);
    // An encoded surrogate (ED A0 80) is invalid UTF-8.
    CHECK(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xed\xa0\x80", 3, wide, 8) == 0);
    // Outside the BMP: one wchar_t (wchar_t is 32-bit here).
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "\xf0\x9f\x98\x80", 4, wide, 8) == 1);
    CHECK(wide[0] == static_cast<wchar_t>(0x1F600));
}

TEST_CASE("MultiByteToWideChar: bad code pages, flags and arguments",
          "[win32][T-19][MultiByteToWideChar]") {
    wchar_t wide[4];
    SetLastError(0);
    CHECK(MultiByteToWideChar(CP_UTF7, 0, "a", -1, wide, 4) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(MultiByteToWideChar(1252, 0, "a", -1, wide, 4) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(MultiByteToWideChar(CP_UTF8, MB_PRECOMPOSED, "a", -1, wide, 4) == 0);
    CHECK(GetLastError() == ERROR_INVALID_FLAGS);
    CHECK(MultiByteToWideChar(CP_UTF8, 0, nullptr, -1, wide, 4) == 0);
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "a", 0, wide, 4) == 0);
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "a", -1, nullptr, 4) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}

TEST_CASE("WideCharToMultiByte: UTF-8 out, size rules, default-char rules",
          "[win32][T-19][WideCharToMultiByte]") {
    const wchar_t* text = L"\u00e9\u20ac\U0001F600";
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr) == 10);
    char narrow[16];
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, -1, narrow, 16, nullptr, nullptr) == 10);
    CHECK(std::string(narrow) == "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, 1, narrow, 16, nullptr, nullptr) == 2);
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, -1, narrow, 9, nullptr, nullptr) == 0);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);

    BOOL used = TRUE;
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, -1, narrow, 16, "?", nullptr) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, text, -1, narrow, 16, nullptr, &used) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
    CHECK(WideCharToMultiByte(CP_ACP, 0, text, -1, narrow, 16, "?", &used) == 10);
    CHECK(used == FALSE);

    const wchar_t lone[] = {L'a', static_cast<wchar_t>(0xDC00), L'b', 0};
    CHECK(WideCharToMultiByte(CP_UTF8, 0, lone, -1, narrow, 16, nullptr, nullptr) == 6);
    CHECK(std::string(narrow) ==
          "a\xef\xbf\xbd"
          "b");
    CHECK(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, narrow, 16, nullptr,
                              nullptr) == 0);
    CHECK(GetLastError() == ERROR_NO_UNICODE_TRANSLATION);
    CHECK(WideCharToMultiByte(CP_UTF8, WC_NO_BEST_FIT_CHARS, text, -1, narrow, 16, nullptr,
                              nullptr) == 0);
    CHECK(GetLastError() == ERROR_INVALID_FLAGS);
}

// ---- lstr*, CompareStringOrdinal, wsprintf ------------------------------------------------------

TEST_CASE("lstrlen, lstrcpy, lstrcpyn, lstrcat, lstrcmp, lstrcmpi", "[win32][T-19][lstrcpyn]") {
    char buffer[8];
    CHECK(lstrlenA("abc") == 3);
    CHECK(lstrlenW(L"abcd") == 4);
    CHECK(lstrlenA(nullptr) == 0);
    CHECK(lstrcpyA(buffer, "ab") == buffer);
    CHECK(lstrcatA(buffer, "cd") == buffer);
    CHECK(std::string(buffer) == "abcd");
    CHECK(lstrcpynA(buffer, "abcdefgh", 4) == buffer);
    CHECK(std::string(buffer) == "abc");
    wchar_t wide[8];
    CHECK(std::wstring(lstrcpynW(wide, L"xyz", 8)) == L"xyz");
    CHECK(lstrcmpA("a", "B") < 0);  // a word sort, not ASCII order
    CHECK(lstrcmpA("a", "A") < 0);  // lowercase first when only case differs
    CHECK(lstrcmpA("abc", "abc") == 0);
    CHECK(lstrcmpiA("HeLLo", "hello") == 0);
    CHECK(lstrcmpiW(L"b", L"A") > 0);
    CHECK(lstrcmp("x", "x") == 0);  // narrow without UNICODE
    CHECK(lstrlen("four") == 4);
}

TEST_CASE("CharUpper and CharLower convert a string in place or one character by value",
          "[win32][T-19][CharUpper]") {
    char text[] = "abC1";
    CHECK(CharUpperA(text) == text);
    CHECK(std::string(text) == "ABC1");
    CHECK(std::string(CharLowerA(text)) == "abc1");
    wchar_t wide[] = L"xY";
    CHECK(std::wstring(CharUpperW(wide)) == L"XY");
    CHECK(reinterpret_cast<uintptr_t>(CharUpperA(reinterpret_cast<LPSTR>(uintptr_t{'q'}))) ==
          uintptr_t{'Q'});
    CHECK(reinterpret_cast<uintptr_t>(CharLowerW(reinterpret_cast<LPWSTR>(uintptr_t{'Q'}))) ==
          uintptr_t{'q'});
}

TEST_CASE("CompareStringOrdinal answers CSTR_* codes", "[win32][T-19][CompareStringOrdinal]") {
    CHECK(CompareStringOrdinal(L"abc", -1, L"abd", -1, FALSE) == CSTR_LESS_THAN);
    CHECK(CompareStringOrdinal(L"ABC", -1, L"abc", -1, TRUE) == CSTR_EQUAL);
    CHECK(CompareStringOrdinal(L"ABC", -1, L"abc", -1, FALSE) == CSTR_LESS_THAN);
    CHECK(CompareStringOrdinal(L"abcd", 3, L"abc", -1, FALSE) == CSTR_EQUAL);
    CHECK(CompareStringOrdinal(L"abcd", -1, L"abc", -1, FALSE) == CSTR_GREATER_THAN);
    SetLastError(0);
    CHECK(CompareStringOrdinal(nullptr, -1, L"abc", -1, FALSE) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}

TEST_CASE("wsprintfA/W format MSVC's way and stop at 1024 characters", "[win32][T-19][wsprintf]") {
    char narrow[1100];
    CHECK(wsprintfA(narrow, "%s=%lu %S", "n", DWORD{4000000000u}, L"w") == 14);
    CHECK(std::string(narrow) == "n=4000000000 w");
    wchar_t wide[1100];
    CHECK(wsprintfW(wide, L"%s|%S|%d", L"w", "n", -1) == 6);
    CHECK(std::wstring(wide) == L"w|n|-1");
    const std::string big(2000, 'x');
    CHECK(wsprintfA(narrow, "%s", big.c_str()) == 1023);
    CHECK(std::strlen(narrow) == 1023);
    CHECK(wsprintf(narrow, "%d", 5) == 1);
}

// ---- FormatMessage
// --------------------------------------------------------------------------------

TEST_CASE("FormatMessage from the system table, into a buffer or allocated",
          "[win32][T-19][FormatMessage]") {
    char buffer[128];
    const DWORD flags = FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS;
    const DWORD n =
        FormatMessageA(flags, nullptr, ERROR_ACCESS_DENIED,
                       MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), buffer, sizeof buffer, nullptr);
    CHECK(std::string(buffer) == "Access is denied.\r\n");
    CHECK(n == 19);
    CHECK(FormatMessageA(flags, nullptr, static_cast<DWORD>(E_ACCESSDENIED), 0, buffer,
                         sizeof buffer, nullptr) == 19);  // HRESULT_FROM_WIN32 codes too
    CHECK(FormatMessageA(flags | FORMAT_MESSAGE_MAX_WIDTH_MASK, nullptr, ERROR_FILE_NOT_FOUND, 0,
                         buffer, sizeof buffer, nullptr) > 0);
    CHECK(std::string(buffer) == "The system cannot find the file specified.");
    CHECK(FormatMessageA(flags, nullptr, 0x12345678u, 0, buffer, sizeof buffer, nullptr) > 0);
    CHECK(std::string(buffer).find("12345678") != std::string::npos);

    LPWSTR allocated = nullptr;
    const DWORD length =
        FormatMessageW(flags | FORMAT_MESSAGE_ALLOCATE_BUFFER, nullptr, ERROR_INVALID_PARAMETER, 0,
                       reinterpret_cast<LPWSTR>(&allocated), 0, nullptr);
    REQUIRE(allocated != nullptr);
    CHECK(std::wstring(allocated) == L"The parameter is incorrect.\r\n");
    CHECK(length == 29);
    CHECK(LocalFree(allocated) == nullptr);

    SetLastError(0);
    CHECK(FormatMessageA(flags, nullptr, ERROR_ACCESS_DENIED, 0, buffer, 5, nullptr) == 0);
    CHECK(GetLastError() == ERROR_INSUFFICIENT_BUFFER);
}

TEST_CASE("FormatMessage from a string: inserts, %n, IGNORE_INSERTS",
          "[win32][T-19][FormatMessage]") {
    char buffer[128];
    const DWORD_PTR args[] = {reinterpret_cast<DWORD_PTR>("disk"), 42};
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                         "%1 has %2!d! errors%n", 0, 0, buffer, sizeof buffer,
                         reinterpret_cast<va_list*>(const_cast<DWORD_PTR*>(args))) == 20);
    CHECK(std::string(buffer) == "disk has 42 errors\r\n");
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS, "%1 stays", 0,
                         0, buffer, sizeof buffer, nullptr) == 8);
    CHECK(std::string(buffer) == "%1 stays");
    CHECK(format_with(buffer, sizeof buffer, "%2 before %1%0", "one", "two") == 14);
    CHECK(std::string(buffer) == "two before one");
    SetLastError(0);
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "%1 missing", 0, 0, buffer, sizeof buffer,
                         nullptr) == 0);
    CHECK(GetLastError() == ERROR_INVALID_PARAMETER);
}

// Found by tests/fuzz/win32_fuzzer.cpp: an insert's !printf spec! of length modifiers only
// emptied a string with pop_back (undefined behaviour), and a spec holding another % handed
// snprintf a format that read arguments never passed ("%1!s%sd!": a char* read from a number).
TEST_CASE("FormatMessage: malformed !printf! insert specs never reach the C library",
          "[win32][T-19][FormatMessage]") {
    char buffer[128];
    const DWORD_PTR args[] = {42};
    auto format = [&](const char* pattern) {
        const DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                                       pattern, 0, 0, buffer, sizeof buffer,
                                       reinterpret_cast<va_list*>(const_cast<DWORD_PTR*>(args)));
        return n == 0 ? std::string("(failed)") : std::string(buffer, n);
    };
    CHECK(format("<%1!ll!>") == "<2A>");  // "l" taken as the conversion: hex, as for unknowns
    CHECK(format("<%1!h!>") == "<2A>");
    CHECK(format("<%1!I64!>") == "<    2A>");  // "4" the conversion, "I6" a width of 6
    CHECK(format("<%1!s%sd!>") == "<42>");  // the stray "s%s" is dropped
    CHECK(format("<%1!%n%d!>") == "<42>");
    CHECK(format("<%1!-4d!>") == "<42  >");  // flags and width still apply
    CHECK(format("<%1!05.3u!>") == "<  042>");
}

// ---- <tchar.h> without _UNICODE -----------------------------------------------------------------

TEST_CASE("tchar.h maps to the narrow functions without _UNICODE", "[win32][T-19][tchar]") {
    static_assert(std::is_same<_TCHAR, char>::value, "_TCHAR is char");
    static_assert(std::is_same<TCHAR, char>::value, "TCHAR is char without UNICODE");
    static_assert(std::is_same<LPCTSTR, const char*>::value, "LPCTSTR");
    const _TCHAR* text = _T("abc");
    CHECK(_tcslen(text) == 3);
    CHECK(std::string(TEXT("x")) == "x");
    _TCHAR buffer[8];
    CHECK(_tcscpy_s(buffer, _T("ab")) == 0);
    CHECK(_tcscat_s(buffer, _countof(buffer), _T("cd")) == 0);
    CHECK(_tcscmp(buffer, _T("abcd")) == 0);
    CHECK(_tcsicmp(buffer, _T("ABCD")) == 0);
    CHECK(_tcsnicmp(buffer, _T("ABxx"), 2) == 0);
    CHECK(_tcschr(buffer, _T('c')) == buffer + 2);
    CHECK(_tcsrchr(buffer, _T('a')) == buffer);
    CHECK(_tcsstr(buffer, _T("bc")) == buffer + 1);
    CHECK(_stprintf_s(buffer, _T("%d"), 12) == 2);
    CHECK(_sntprintf_s(buffer, _countof(buffer), _TRUNCATE, _T("%s"), _T("123456789")) == -1);
    CHECK(std::string(buffer) == "1234567");
    CHECK(_ttoi(_T("42")) == 42);
    CHECK(_tstoi(_T("7")) == 7);
    CHECK(_tcstol(_T("10"), nullptr, 16) == 16);
    CHECK(_itot_s(5, buffer, 10) == 0);
    CHECK(std::string(buffer) == "5");
    _TCHAR* copy = _tcsdup(_T("dup"));
    CHECK(std::string(copy) == "dup");
    free(copy);
    _TCHAR line[] = _T("a b");
    _TCHAR* context = nullptr;
    CHECK(std::string(_tcstok_s(line, _T(" "), &context)) == "a");
}

// ---- <strsafe.h> --------------------------------------------------------------------------------

TEST_CASE("StringCchCopy: success, truncation, invalid sizes; no invalid-parameter report",
          "[win32][T-19][StringCchCopy]") {
    InvalidParameterRecorder handler;
    char buffer[6];
    CHECK(StringCchCopyA(buffer, _countof(buffer), "hello") == S_OK);
    CHECK(std::string(buffer) == "hello");
    CHECK(StringCchCopyA(buffer, _countof(buffer), "hello world") == STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::string(buffer) == "hello");  // truncated and terminated
    CHECK(STRSAFE_E_INSUFFICIENT_BUFFER == static_cast<HRESULT>(0x8007007Au));
    CHECK(StringCchCopyA(buffer, 0, "x") == STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCchCopyA(buffer, static_cast<size_t>(STRSAFE_MAX_CCH) + 1, "x") ==
          STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCchCopyNA(buffer, _countof(buffer), "abcdef", 2) == S_OK);
    CHECK(std::string(buffer) == "ab");
    CHECK(StringCchCopy(buffer, _countof(buffer), "xy") == S_OK);  // A without UNICODE
    CHECK(handler.count() == 0);

    wchar_t wide[4];
    CHECK(StringCbCopyW(wide, sizeof wide, L"abc") == S_OK);  // sizeof counts 4-byte wchar_t
    CHECK(StringCbCopyW(wide, sizeof wide, L"abcd") == STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::wstring(wide) == L"abc");
}

TEST_CASE("StringCchCat and StringCchLength", "[win32][T-19][StringCchCat][StringCchLength]") {
    char buffer[8] = "abc";
    CHECK(StringCchCatA(buffer, _countof(buffer), "de") == S_OK);
    CHECK(std::string(buffer) == "abcde");
    CHECK(StringCchCatA(buffer, _countof(buffer), "fghij") == STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::string(buffer) == "abcdefg");
    CHECK(StringCchCatNA(buffer, _countof(buffer), "xyz", 0) == S_OK);
    char full[3] = {'a', 'b', 'c'};
    CHECK(StringCchCatA(full, 3, "d") == STRSAFE_E_INVALID_PARAMETER);
    size_t length = 99;
    CHECK(StringCchLengthA("abcd", STRSAFE_MAX_CCH, &length) == S_OK);
    CHECK(length == 4);
    CHECK(StringCchLengthA("abcd", 4, &length) == STRSAFE_E_INVALID_PARAMETER);
    CHECK(length == 0);
    CHECK(StringCbLengthW(L"ab", 100, &length) == S_OK);
    CHECK(length == 2 * sizeof(wchar_t));
}

TEST_CASE("StringCchPrintf truncates to a terminated result", "[win32][T-19][StringCchPrintf]") {
    char buffer[8];
    CHECK(StringCchPrintfA(buffer, _countof(buffer), "%s-%d", "id", 7) == S_OK);
    CHECK(std::string(buffer) == "id-7");
    CHECK(StringCchPrintfA(buffer, _countof(buffer), "%s", "0123456789") ==
          STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::string(buffer) == "0123456");
    CHECK(print_v(buffer, _countof(buffer), "%lu", DWORD{5}) == S_OK);
    CHECK(std::string(buffer) == "5");
    wchar_t wide[8];
    CHECK(StringCchPrintfW(wide, _countof(wide), L"%s", L"wide") == S_OK);
    CHECK(std::wstring(wide) == L"wide");
    CHECK(StringCbPrintfA(buffer, sizeof buffer, "%d", 12345678) == STRSAFE_E_INSUFFICIENT_BUFFER);
}

TEST_CASE("StringCch*Ex: end pointer, remaining, fill and failure flags",
          "[win32][T-19][StringCchCopyEx]") {
    char buffer[8];
    char* end = nullptr;
    size_t remaining = 0;
    CHECK(StringCchCopyExA(buffer, 8, "abc", &end, &remaining, 0) == S_OK);
    CHECK(end == buffer + 3);
    CHECK(remaining == 5);
    CHECK(StringCchCatExA(buffer, 8, "de", &end, &remaining, STRSAFE_FILL_BEHIND_NULL | 'z') ==
          S_OK);
    CHECK(std::string(buffer) == "abcde");
    CHECK(buffer[6] == 'z');
    CHECK(buffer[7] == 'z');
    CHECK(remaining == 3);

    CHECK(StringCchCopyExA(buffer, 8, "0123456789", &end, &remaining, 0) ==
          STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(end == buffer + 7);
    CHECK(remaining == 1);
    CHECK(StringCchCopyExA(buffer, 8, "0123456789", &end, &remaining, STRSAFE_NULL_ON_FAILURE) ==
          STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(buffer[0] == '\0');
    CHECK(end == buffer);
    CHECK(remaining == 8);

    std::strcpy(buffer, "ab");
    CHECK(StringCchCatExA(buffer, 8, "0123456789", &end, &remaining, STRSAFE_NO_TRUNCATION) ==
          STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::string(buffer) == "ab");  // the destination as it was
    CHECK(remaining == 6);
    CHECK(StringCchCopyExA(buffer, 8, "0123456789", &end, &remaining,
                           STRSAFE_FILL_ON_FAILURE | '#') == STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(std::string(buffer) == "#######");
    CHECK(remaining == 1);

    CHECK(StringCchCopyExA(buffer, 8, nullptr, &end, &remaining, STRSAFE_IGNORE_NULLS) == S_OK);
    CHECK(buffer[0] == '\0');
    CHECK(StringCchCopyExA(nullptr, 0, "", &end, &remaining, STRSAFE_IGNORE_NULLS) == S_OK);
    CHECK(StringCchCopyExA(nullptr, 0, "x", nullptr, nullptr, STRSAFE_IGNORE_NULLS) ==
          STRSAFE_E_INSUFFICIENT_BUFFER);
    CHECK(StringCchCopyExA(buffer, 8, "x", nullptr, nullptr, 0x10000) ==
          STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCchPrintfExA(buffer, 8, &end, &remaining, 0, "%d", 42) == S_OK);
    CHECK(end == buffer + 2);
    CHECK(remaining == 6);
    wchar_t wide[4];
    wchar_t* wend = nullptr;
    CHECK(StringCbCopyExW(wide, sizeof wide, L"ab", &wend, &remaining, 0) == S_OK);
    CHECK(remaining == 2 * sizeof(wchar_t));
}

// ---- <io.h>
// ---------------------------------------------------------------------------------------

TEST_CASE("_access modes and the low-level file calls over POSIX", "[win32][T-19][io]") {
    const std::string path =
        "/tmp/iisfake_io_test_" + std::to_string(static_cast<long long>(::getpid()));
    CHECK(_access(path.c_str(), 0) == -1);
    const int fd = _open(path.c_str(), _O_CREAT | _O_RDWR | _O_BINARY, _S_IREAD | _S_IWRITE);
    REQUIRE(fd >= 0);
    CHECK(_write(fd, "hello", 5) == 5);
    CHECK(_filelength(fd) == 5);
    CHECK(_lseek(fd, 1, SEEK_SET) == 1);
    char read[8] = {};
    CHECK(_read(fd, read, 4) == 4);
    CHECK(std::string(read) == "ello");
    CHECK(_eof(fd) == 1);
    CHECK(_commit(fd) == 0);
    CHECK(_chsize(fd, 2) == 0);
    CHECK(_filelength(fd) == 2);
    CHECK(_close(fd) == 0);
    CHECK(_access(path.c_str(), 0) == 0);
    CHECK(_access(path.c_str(), 6) == 0);
    CHECK(_waccess(iisfake::win32::detail::u8_to_wide(path.c_str()).c_str(), 4) == 0);
    CHECK(_unlink(path.c_str()) == 0);
    CHECK(_access(path.c_str(), 0) == -1);
    CHECK(errno == ENOENT);
    CHECK(_isatty(-1) == 0);
    CHECK(_setmode(1, _O_BINARY) == _O_TEXT);

    InvalidParameterRecorder handler;
    CHECK(_close(-1) == -1);
    CHECK(errno == EBADF);
    CHECK(_read(fd, nullptr, 1) == -1);
    CHECK(_access(path.c_str(), 1) == -1);  // mode 1 (execute) is not a Windows mode
    CHECK(handler.count() == 3);
}
