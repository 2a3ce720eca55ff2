// The secure CRT and CRT extensions off Windows (T-19): MSVC's documented truncation and error
// rules, the invalid-parameter contract, and MSVC's printf rules.
#include <windows.h>
#include <io.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <cwchar>
#include <string>
#include <type_traits>
#include <utility>

#include "catch.hpp"
#include "support/invalid_parameter_recorder.hpp"

namespace {

template <class T, class = void>
struct HasCountof : std::false_type {};
template <class T>
struct HasCountof<T, decltype(static_cast<void>(
                         sizeof(iisfake::win32::detail::countof_helper(std::declval<T&>()))))>
    : std::true_type {};

std::string temp_path(const char* name) {
    return std::string("/tmp/iisfake_crt_test_") +
           std::to_string(static_cast<long long>(::getpid())) + "_" + name;
}

}  // namespace

TEST_CASE("_countof counts array elements and rejects pointers", "[win32][T-19]") {
    char narrow[17];
    wchar_t wide[5];
    static_assert(_countof(narrow) == 17, "char array");
    static_assert(_countof(wide) == 5, "wchar_t array");
    static_assert(HasCountof<char[3]>::value, "arrays are accepted");
    static_assert(!HasCountof<char*>::value, "pointers are rejected");
    CHECK(_countof(narrow) == sizeof narrow);
}

TEST_CASE("an invalid parameter throws without a handler, as MSVC would end the process",
          "[win32][T-19][strcpy_s]") {
    iisfake::win32::reset_invalid_parameters();
    char buffer[4];
    bool thrown = false;
    try {
        strcpy_s(buffer, "too long");
    } catch (const iisfake::win32::InvalidParameter& error) {
        thrown = true;
        CHECK(error.function() == "strcpy_s");
        CHECK(std::string(error.what()).find("strcpy_s") != std::string::npos);
        CHECK(std::string(error.what()).find("MSVC would end the process") != std::string::npos);
    }
    CHECK(thrown);
    REQUIRE(iisfake::win32::invalid_parameters().size() == 1);
    CHECK(iisfake::win32::invalid_parameters()[0].function == "strcpy_s");
    iisfake::win32::clear_invalid_parameters();
    CHECK(iisfake::win32::invalid_parameters().empty());
    CHECK(_get_invalid_parameter_handler() == nullptr);
}

TEST_CASE("_set_invalid_parameter_handler returns the previous handler and the handler is called",
          "[win32][T-19]") {
    static int calls = 0;
    static std::wstring function;
    struct Local {
        static void handler(const wchar_t*, const wchar_t* f, const wchar_t*, unsigned int,
                            uintptr_t) {
            ++calls;
            function = f ? f : L"";
        }
    };
    calls = 0;
    CHECK(_set_invalid_parameter_handler(Local::handler) == nullptr);
    CHECK(_get_invalid_parameter_handler() == &Local::handler);
    char buffer[2];
    CHECK(strcpy_s(buffer, "xyz") == ERANGE);
    CHECK(calls == 1);
    CHECK(function == L"strcpy_s");
    CHECK(_set_invalid_parameter_handler(nullptr) == &Local::handler);
    iisfake::win32::clear_invalid_parameters();
}

TEST_CASE("strcpy_s copies, or empties the destination and reports", "[win32][T-19][strcpy_s]") {
    InvalidParameterRecorder handler;
    char buffer[6] = "zzzzz";
    CHECK(strcpy_s(buffer, sizeof buffer, "hello") == 0);
    CHECK(std::string(buffer) == "hello");
    CHECK(handler.count() == 0);

    SECTION("too small: ERANGE, dest[0] == 0, invalid parameter recorded") {
        CHECK(strcpy_s(buffer, sizeof buffer, "hello!") == ERANGE);
        CHECK(buffer[0] == '\0');
        CHECK(errno == ERANGE);
        CHECK(handler.count() == 1);
        CHECK(handler.last_function() == "strcpy_s");
    }
    SECTION("the array overload deduces the size") {
        CHECK(strcpy_s(buffer, "abcdef") == ERANGE);
        CHECK(buffer[0] == '\0');
        CHECK(strcpy_s(buffer, "abcde") == 0);
        CHECK(std::string(buffer) == "abcde");
    }
    SECTION("NULL destination or zero size: EINVAL, nothing written") {
        CHECK(strcpy_s(nullptr, 5, "a") == EINVAL);
        CHECK(strcpy_s(buffer, 0, "a") == EINVAL);
        CHECK(std::string(buffer) == "hello");
        CHECK(handler.count() == 2);
    }
    SECTION("NULL source: EINVAL and an empty destination") {
        CHECK(strcpy_s(buffer, sizeof buffer, nullptr) == EINVAL);
        CHECK(buffer[0] == '\0');
        CHECK(handler.count() == 1);
    }
}

TEST_CASE("wcscpy_s and wcscat_s follow the same rules with wide characters",
          "[win32][T-19][wcscpy_s][wcscat_s]") {
    InvalidParameterRecorder handler;
    wchar_t buffer[8];
    CHECK(wcscpy_s(buffer, L"abc") == 0);
    CHECK(wcscat_s(buffer, L"def") == 0);
    CHECK(std::wstring(buffer) == L"abcdef");
    CHECK(wcscat_s(buffer, _countof(buffer), L"gh") == ERANGE);
    CHECK(buffer[0] == L'\0');
    CHECK(wcscpy_s(buffer, L"\U0001F600x") == 0);  // one wchar_t per code point here
    CHECK(std::wcslen(buffer) == 2);
    CHECK(handler.count() == 1);
}

TEST_CASE("strncpy_s copies count characters, truncates with _TRUNCATE",
          "[win32][T-19][strncpy_s][wcsncpy_s]") {
    InvalidParameterRecorder handler;
    char buffer[4];
    CHECK(strncpy_s(buffer, sizeof buffer, "abcdef", 2) == 0);
    CHECK(std::string(buffer) == "ab");
    CHECK(strncpy_s(buffer, "abcdef", _TRUNCATE) == STRUNCATE);
    CHECK(std::string(buffer) == "abc");
    CHECK(strncpy_s(buffer, "ab", _TRUNCATE) == 0);
    CHECK(std::string(buffer) == "ab");
    CHECK(strncpy_s(buffer, "abcdef", 0) == 0);
    CHECK(buffer[0] == '\0');
    CHECK(strncpy_s(nullptr, 0, "abc", 0) == 0);  // MSVC's special case
    CHECK(handler.count() == 0);
    CHECK(strncpy_s(buffer, "abcdef", 4) == ERANGE);
    CHECK(buffer[0] == '\0');
    CHECK(strncpy_s(buffer, "abcdef", 3) == 0);  // three characters and the NUL fit
    CHECK(std::string(buffer) == "abc");
    CHECK(handler.count() == 1);
    wchar_t wide[3];
    CHECK(wcsncpy_s(wide, L"xyz", _TRUNCATE) == STRUNCATE);
    CHECK(std::wstring(wide) == L"xy");
}

TEST_CASE("strcat_s and strncat_s append, truncate or report",
          "[win32][T-19][strcat_s][strncat_s]") {
    InvalidParameterRecorder handler;
    char buffer[8] = "abc";
    CHECK(strcat_s(buffer, "defg") == 0);
    CHECK(std::string(buffer) == "abcdefg");
    CHECK(strcat_s(buffer, "h") == ERANGE);
    CHECK(buffer[0] == '\0');
    CHECK(handler.count() == 1);

    std::strcpy(buffer, "abc");
    CHECK(strncat_s(buffer, "defghij", 2) == 0);
    CHECK(std::string(buffer) == "abcde");
    CHECK(strncat_s(buffer, "fghij", _TRUNCATE) == STRUNCATE);
    CHECK(std::string(buffer) == "abcdefg");
    CHECK(handler.count() == 1);

    SECTION("an unterminated destination is EINVAL") {
        char full[3] = {'x', 'y', 'z'};
        CHECK(strcat_s(full, "a") == EINVAL);
        CHECK(full[0] == '\0');
        CHECK(handler.count() == 2);
    }
    SECTION("wcsncat_s") {
        wchar_t wide[6] = L"ab";
        CHECK(wcsncat_s(wide, L"cdefg", _TRUNCATE) == STRUNCATE);
        CHECK(std::wstring(wide) == L"abcde");
    }
}

TEST_CASE("sprintf_s writes the whole output or reports and returns -1",
          "[win32][T-19][sprintf_s][swprintf_s]") {
    InvalidParameterRecorder handler;
    char buffer[8];
    CHECK(sprintf_s(buffer, sizeof buffer, "%d-%s", 42, "ab") == 5);
    CHECK(std::string(buffer) == "42-ab");
    CHECK(sprintf_s(buffer, "%s", "1234567") == 7);
    CHECK(handler.count() == 0);
    CHECK(sprintf_s(buffer, "%s", "12345678") == -1);
    CHECK(buffer[0] == '\0');
    CHECK(handler.count() == 1);
    CHECK(handler.last_function() == "sprintf_s");
    CHECK(sprintf_s(buffer, sizeof buffer, nullptr) == -1);
    CHECK(sprintf_s(nullptr, 4, "x") == -1);
    CHECK(handler.count() == 3);

    wchar_t wide[16];
    CHECK(swprintf_s(wide, L"%s=%d", L"n", 7) == 3);
    CHECK(std::wstring(wide) == L"n=7");
}

TEST_CASE("_snprintf_s truncates with _TRUNCATE or at count, else reports", "[win32][T-19]") {
    InvalidParameterRecorder handler;
    char buffer[6];
    CHECK(_snprintf_s(buffer, sizeof buffer, _TRUNCATE, "%s", "hello world") == -1);
    CHECK(std::string(buffer) == "hello");
    CHECK(_snprintf_s(buffer, _TRUNCATE, "%d", 123) == 3);
    CHECK(std::string(buffer) == "123");
    CHECK(_snprintf_s(buffer, sizeof buffer, 2, "%s", "abc") == -1);  // count < size
    CHECK(std::string(buffer) == "ab");
    CHECK(handler.count() == 0);
    CHECK(_snprintf_s(buffer, sizeof buffer, 10, "%s", "abcdefgh") == -1);
    CHECK(buffer[0] == '\0');
    CHECK(handler.count() == 1);
    CHECK(_snprintf_s(nullptr, 0, 0, "x") == 0);

    wchar_t wide[4];
    CHECK(_snwprintf_s(wide, _TRUNCATE, L"%s", L"wxyz") == -1);
    CHECK(std::wstring(wide) == L"wxy");
}

TEST_CASE("printf never hands the C library an undefined flag, and a huge * width is bounded",
          "[win32][T-19][sprintf_s]") {
    char buffer[8];
    CHECK(sprintf_s(buffer, "%#d|%#x", 42, 255) == 7);  // '#' means nothing for d (MSVC)
    CHECK(std::string(buffer) == "42|0xff");
    // A width from the data: the output cannot fit, so it truncates; it never tries to build
    // 2 GB of padding first.
    CHECK(_snprintf_s(buffer, sizeof buffer, _TRUNCATE, "%*d", 2147483647, 1) == -1);
    CHECK(std::string(buffer) == "       ");
}

TEST_CASE("_snprintf and _scprintf keep MSVC's old rules", "[win32][T-19]") {
    char buffer[8];
    std::memset(buffer, '#', sizeof buffer);
    CHECK(_snprintf(buffer, 3, "%s", "abc") == 3);  // exactly count: no NUL
    CHECK(std::string(buffer, 4) == "abc#");
    CHECK(_snprintf(buffer, 3, "%s", "abcd") == -1);
    CHECK(_snprintf(buffer, sizeof buffer, "%s", "ab") == 2);
    CHECK(std::string(buffer) == "ab");
    CHECK(_scprintf("%d:%s", 1234, "xy") == 7);
    CHECK(_scwprintf(L"%s", L"abc") == 3);
}

TEST_CASE("printf formats follow MSVC: wide %s, 32-bit %l, %I64, %p", "[win32][T-19][sprintf_s]") {
    InvalidParameterRecorder handler;
    char narrow[64];
    wchar_t wide[64];
    const DWORD big = 4000000000u;
    CHECK(sprintf_s(narrow, "%lu %ld", big, -5) > 0);
    CHECK(std::string(narrow) == "4000000000 -5");
    CHECK(sprintf_s(narrow, "%I64d %I64u %lld", -(1LL << 40), 1ULL << 63, 7LL) > 0);
    CHECK(std::string(narrow) == "-1099511627776 9223372036854775808 7");
    CHECK(sprintf_s(narrow, "%S|%ls|%hs|%C", L"w\u00e9", L"x", "h", L'\u00e9') > 0);
    CHECK(std::string(narrow) == "w\xc3\xa9|x|h|\xc3\xa9");
    CHECK(swprintf_s(wide, L"%s|%S|%hs|%c|%C", L"wide", "n\xc3\xa9", "h", L'w', 'c') > 0);
    CHECK(std::wstring(wide) == L"wide|n\u00e9|h|w|c");
    CHECK(sprintf_s(narrow, "%5s|%-4d|%04x|%.2f|%%", "ab", 3, 255u, 1.5) > 0);
    CHECK(std::string(narrow) == "   ab|3   |00ff|1.50|%");
    CHECK(sprintf_s(narrow, "%p", reinterpret_cast<void*>(static_cast<uintptr_t>(0xABC))) > 0);
    CHECK(std::string(narrow) == std::string(2 * sizeof(void*) - 3, '0') + "ABC");
    CHECK(sprintf_s(narrow, "%s", static_cast<const char*>(nullptr)) > 0);
    CHECK(std::string(narrow) == "(null)");
    CHECK(handler.count() == 0);
    int written = 0;
    CHECK(sprintf_s(narrow, "%n", &written) == -1);  // %n is off in MSVC's CRT
    CHECK(handler.count() == 1);
}

TEST_CASE("wcstombs_s converts to UTF-8 with MSVC's count and _TRUNCATE rules",
          "[win32][T-19][wcstombs_s]") {
    InvalidParameterRecorder handler;
    char buffer[8];
    std::size_t converted = 99;
    CHECK(wcstombs_s(&converted, buffer, sizeof buffer, L"a\u00e9\u20ac", _TRUNCATE) == 0);
    CHECK(std::string(buffer) == "a\xc3\xa9\xe2\x82\xac");
    CHECK(converted == 7);  // 6 bytes and the NUL

    CHECK(wcstombs_s(&converted, nullptr, 0, L"a\u00e9\u20ac", 0) == 0);  // size query
    CHECK(converted == 7);

    CHECK(wcstombs_s(&converted, buffer, sizeof buffer, L"a\u00e9\u20ac", 3) == 0);
    CHECK(std::string(buffer) == "a\xc3\xa9");  // count is bytes; no split character
    CHECK(converted == 4);

    char small[5];
    CHECK(wcstombs_s(&converted, small, sizeof small, L"\u00e9\u00e9\u00e9", _TRUNCATE) ==
          STRUNCATE);
    CHECK(std::string(small) == "\xc3\xa9\xc3\xa9");
    CHECK(converted == 5);
    CHECK(handler.count() == 0);

    CHECK(wcstombs_s(&converted, small, sizeof small, L"abcdef", sizeof small) == ERANGE);
    CHECK(small[0] == '\0');
    CHECK(converted == 0);
    CHECK(handler.count() == 1);
    CHECK(wcstombs_s(&converted, small, 0, L"a", 1) == EINVAL);
    CHECK(wcstombs_s(&converted, small, sizeof small, nullptr, 1) == EINVAL);
    CHECK(handler.count() == 3);

    const wchar_t surrogate[] = {L'a', static_cast<wchar_t>(0xD800), 0};
    CHECK(wcstombs_s(&converted, buffer, sizeof buffer, surrogate, _TRUNCATE) == EILSEQ);
    CHECK(buffer[0] == '\0');
    CHECK(converted == 0);

    CHECK(wcstombs_s(&converted, buffer, L"\U0001F600", _TRUNCATE) == 0);  // array overload
    CHECK(converted == 5);
}

TEST_CASE("mbstowcs_s converts UTF-8 with count in wide characters", "[win32][T-19][mbstowcs_s]") {
    InvalidParameterRecorder handler;
    wchar_t buffer[4];
    std::size_t converted = 0;
    CHECK(mbstowcs_s(&converted, buffer, _countof(buffer), "\xc3\xa9t\xc3\xa9", _TRUNCATE) == 0);
    CHECK(std::wstring(buffer) == L"\u00e9t\u00e9");
    CHECK(converted == 4);
    CHECK(mbstowcs_s(&converted, nullptr, 0, "abcdef", 0) == 0);
    CHECK(converted == 7);
    CHECK(mbstowcs_s(&converted, buffer, "abcdef", _TRUNCATE) == STRUNCATE);
    CHECK(std::wstring(buffer) == L"abc");
    CHECK(mbstowcs_s(&converted, buffer, "abcdef", 2) == 0);
    CHECK(std::wstring(buffer) == L"ab");
    CHECK(handler.count() == 0);
    CHECK(mbstowcs_s(&converted, buffer, "abcdef", 5) == ERANGE);
    CHECK(buffer[0] == L'\0');
    CHECK(handler.count() == 1);
    CHECK(mbstowcs_s(&converted, buffer, "a\xff", _TRUNCATE) == EILSEQ);
    CHECK(mbstowcs_s(&converted, buffer, "\xed\xa0\x80", _TRUNCATE) == EILSEQ);  // a surrogate
}

TEST_CASE("_itoa_s and friends: radix, sign, 32-bit long, sizes", "[win32][T-19]") {
    InvalidParameterRecorder handler;
    char buffer[40];
    CHECK(_itoa_s(-123, buffer, sizeof buffer, 10) == 0);
    CHECK(std::string(buffer) == "-123");
    CHECK(_itoa_s(-1, buffer, 16) == 0);
    CHECK(std::string(buffer) == "ffffffff");
    CHECK(_ltoa_s(-1L, buffer, 2) == 0);
    CHECK(std::string(buffer) == std::string(32, '1'));
    CHECK(_ultoa_s(4000000000UL, buffer, 10) == 0);
    CHECK(std::string(buffer) == "4000000000");
    CHECK(_i64toa_s(-9000000000LL, buffer, sizeof buffer, 10) == 0);
    CHECK(std::string(buffer) == "-9000000000");
    CHECK(_ui64toa_s(0xFFFFFFFFFFFFFFFFULL, buffer, sizeof buffer, 36) == 0);
    CHECK(std::string(buffer) == "3w5e11264sgsf");
    wchar_t wide[12];
    CHECK(_ltow_s(123456L, wide, _countof(wide), 10) == 0);
    CHECK(std::wstring(wide) == L"123456");
    CHECK(_itow_s(255, wide, 16) == 0);
    CHECK(std::wstring(wide) == L"ff");
    CHECK(_i64tow_s(-42LL, wide, _countof(wide), 10) == 0);
    CHECK(std::wstring(wide) == L"-42");
    CHECK(handler.count() == 0);

    char small[4];
    CHECK(_itoa_s(1234, small, sizeof small, 10) == ERANGE);
    CHECK(small[0] == '\0');
    CHECK(_itoa_s(-12, small, 10) == 0);  // three characters and the NUL fit
    CHECK(_itoa_s(12, small, 1) == EINVAL);
    CHECK(small[0] == '\0');
    CHECK(_itoa_s(12, nullptr, 4, 10) == EINVAL);
    CHECK(handler.count() == 3);

    CHECK(std::string(_itoa(77, buffer, 8)) == "115");
    CHECK(std::string(itoa(-5, buffer, 10)) == "-5");
    CHECK(std::string(ltoa(9L, buffer, 10)) == "9");
    CHECK(std::string(_i64toa(1LL << 40, buffer, 10)) == "1099511627776");
    CHECK(std::wstring(_itow(10, wide, 10)) == L"10");
}

TEST_CASE("text to integers: _atoi64, _wtoi, _wtol, _wcstoi64, _strtoi64", "[win32][T-19]") {
    CHECK(_atoi64("-9000000000") == -9000000000LL);
    CHECK(_wtoi(L"  42abc") == 42);
    CHECK(_wtoi(L"99999999999") == 2147483647);  // saturates at 32 bits
    CHECK(_wtol(L"-99999999999") == -2147483647L - 1);
    CHECK(_wtoi64(L"1099511627776") == 1099511627776LL);
    wchar_t* end = nullptr;
    const wchar_t* text = L"ff rest";
    CHECK(_wcstoi64(text, &end, 16) == 255);
    CHECK(end == text + 2);
    CHECK(_strtoi64("-10", nullptr, 10) == -10);
    CHECK(_strtoui64("18446744073709551615", nullptr, 10) == 18446744073709551615ULL);
    InvalidParameterRecorder handler;
    CHECK(_wtoi(nullptr) == 0);
    CHECK(handler.count() == 1);
}

TEST_CASE("case-insensitive comparison, duplication, case change, tokens",
          "[win32][T-19][strtok_s]") {
    CHECK(_stricmp("Hello", "hELLO") == 0);
    CHECK(_stricmp("apple", "Banana") < 0);
    CHECK(_strnicmp("HTTP/1.1", "http/2", 5) == 0);
    CHECK(_wcsicmp(L"Content-Type", L"content-type") == 0);
    CHECK(_wcsnicmp(L"ABCx", L"abcy", 3) == 0);
    CHECK(stricmp("a", "B") < 0);
    CHECK(strnicmp("ab", "AC", 1) == 0);

    char* copy = _strdup("text");
    REQUIRE(copy != nullptr);
    CHECK(std::string(copy) == "text");
    std::free(copy);
    wchar_t* wide_copy = _wcsdup(L"wide");
    REQUIRE(wide_copy != nullptr);
    CHECK(std::wstring(wide_copy) == L"wide");
    std::free(wide_copy);
    CHECK(_strdup(nullptr) == nullptr);

    char text[] = "MiXeD";
    CHECK(_strlwr_s(text) == 0);
    CHECK(std::string(text) == "mixed");
    CHECK(_strupr_s(text, sizeof text) == 0);
    CHECK(std::string(text) == "MIXED");
    wchar_t wtext[] = L"AbC";
    CHECK(_wcslwr_s(wtext) == 0);
    CHECK(std::wstring(wtext) == L"abc");
    CHECK(std::string(_strupr(text)) == "MIXED");

    char line[] = " a, b,,c ";
    char* context = nullptr;
    std::string tokens;
    for (char* token = strtok_s(line, ", ", &context); token != nullptr;
         token = strtok_s(nullptr, ", ", &context))
        tokens += std::string("[") + token + "]";
    CHECK(tokens == "[a][b][c]");

    wchar_t wline[] = L"x;y";
    wchar_t* wcontext = nullptr;
    CHECK(std::wstring(wcstok_s(wline, L";", &wcontext)) == L"x");
    CHECK(std::wstring(wcstok_s(nullptr, L";", &wcontext)) == L"y");
    CHECK(wcstok_s(nullptr, L";", &wcontext) == nullptr);

    InvalidParameterRecorder handler;
    CHECK(strtok_s(nullptr, ",", nullptr) == nullptr);
    CHECK(_strlwr_s(nullptr, 4) == EINVAL);
    CHECK(_stricmp(nullptr, "a") == _NLSCMPERROR);
    CHECK(handler.count() == 3);
}

TEST_CASE("memcpy_s, memmove_s, wmemcpy_s: zero the destination on error as MSVC",
          "[win32][T-19][memcpy_s][memmove_s]") {
    InvalidParameterRecorder handler;
    char dest[4] = {'x', 'x', 'x', 'x'};
    CHECK(memcpy_s(dest, sizeof dest, "abcd", 4) == 0);
    CHECK(std::string(dest, 4) == "abcd");
    CHECK(memcpy_s(dest, sizeof dest, "abcde", 5) == ERANGE);
    CHECK(std::string(dest, 4) == std::string(4, '\0'));
    CHECK(memcpy_s(dest, sizeof dest, nullptr, 0) == 0);  // count 0 is fine
    std::memcpy(dest, "wxyz", 4);
    CHECK(memmove_s(dest, sizeof dest, "12345", 5) == ERANGE);
    CHECK(std::string(dest, 4) == "wxyz");  // memmove_s leaves the destination
    CHECK(memmove_s(dest + 1, 3, dest, 3) == 0);
    CHECK(std::string(dest, 4) == "wwxy");
    wchar_t wide[3];
    CHECK(wmemcpy_s(wide, 3, L"abc", 3) == 0);
    CHECK(std::wstring(wide, 3) == L"abc");
    CHECK(handler.count() == 2);
}

TEST_CASE("ZeroMemory, CopyMemory, MoveMemory, FillMemory, SecureZeroMemory as <windows.h>",
          "[win32][T-19][ZeroMemory]") {
    struct Pod {
        int a;
        char b[6];
    } pod;
    FillMemory(&pod, sizeof pod, 0xAB);
    CHECK(static_cast<unsigned char>(pod.b[0]) == 0xAB);
    ZeroMemory(&pod, sizeof(pod));
    CHECK(pod.a == 0);
    CHECK(pod.b[5] == 0);
    const int length = 3;  // any integer type for the length
    CopyMemory(pod.b, "abc", length);
    CHECK(std::string(pod.b, 3) == "abc");
    MoveMemory(pod.b + 1, pod.b, 3);
    CHECK(std::string(pod.b, 4) == "aabc");
    CHECK(EqualMemory(pod.b, "aabc", 4));
    SecureZeroMemory(pod.b, sizeof pod.b);
    CHECK(pod.b[1] == 0);
    RtlZeroMemory(&pod.a, sizeof pod.a);
    CHECK(pod.a == 0);
}

TEST_CASE("fopen_s and _wfopen_s open files, strip MSVC's mode letters, report errors",
          "[win32][T-19][fopen_s]") {
    const std::string path = temp_path("fopen.txt");
    FILE* file = nullptr;
    REQUIRE(fopen_s(&file, path.c_str(), "wt") == 0);
    REQUIRE(file != nullptr);
    CHECK(std::fputs("line", file) >= 0);
    std::fclose(file);
    const std::wstring wide_path = iisfake::win32::detail::u8_to_wide(path.c_str());
    REQUIRE(_wfopen_s(&file, wide_path.c_str(), L"rb") == 0);
    char read[8] = {};
    CHECK(std::fread(read, 1, 4, file) == 4);
    CHECK(std::string(read) == "line");
    std::fclose(file);
    CHECK(_unlink(path.c_str()) == 0);

    file = reinterpret_cast<FILE*>(1);
    CHECK(fopen_s(&file, "/nonexistent-iisfake/x", "r") == ENOENT);
    CHECK(file == nullptr);

    InvalidParameterRecorder handler;
    CHECK(fopen_s(nullptr, path.c_str(), "r") == EINVAL);
    CHECK(fopen_s(&file, path.c_str(), "q") == EINVAL);
    CHECK(handler.count() == 2);
}

TEST_CASE(
    "gmtime_s and localtime_s take (tm*, const time_t*); local time is UTC plus the clock's offset",
    "[win32][T-19][localtime_s][gmtime_s]") {
    const time_t when = 86400 * 365 + 3600;  // 1971-01-01 01:00:00 UTC
    struct tm utc;
    CHECK(gmtime_s(&utc, &when) == 0);
    CHECK(utc.tm_year == 71);
    CHECK(utc.tm_hour == 1);
    struct tm local;
    CHECK(localtime_s(&local, &when) == 0);
    CHECK(local.tm_hour == 1);  // offset 0 by default: the machine's zone never matters
    iisfake::win32::clock().set_utc_offset(std::chrono::minutes(-120));
    CHECK(localtime_s(&local, &when) == 0);
    CHECK(local.tm_hour == 23);
    CHECK(local.tm_year == 70);
    iisfake::win32::clock().set_utc_offset(std::chrono::minutes(0));
    __time64_t when64 = when;
    CHECK(_gmtime64_s(&utc, &when64) == 0);
    CHECK(_mkgmtime(&utc) == when);

    InvalidParameterRecorder handler;
    const time_t negative = -1;
    CHECK(localtime_s(&local, &negative) == EINVAL);
    CHECK(local.tm_year == -1);
    CHECK(gmtime_s(nullptr, &when) == EINVAL);
    CHECK(handler.count() == 2);
    CHECK(_time64(nullptr) > 0);
}

TEST_CASE("strnlen_s and wcsnlen_s", "[win32][T-19][strnlen_s]") {
    CHECK(strnlen_s("abc", 10) == 3);
    CHECK(strnlen_s("abc", 2) == 2);
    CHECK(strnlen_s(nullptr, 2) == 0);
    CHECK(wcsnlen_s(L"abcd", 3) == 3);
}
