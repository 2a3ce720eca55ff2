// The generic-text mappings with UNICODE and _UNICODE defined before the drop-ins (T-19): TCHAR,
// _TCHAR, TEXT(), _T(), the _tcs* names, the unsuffixed Win32 and strsafe names and CString are
// wide, as in a Unicode build with MSVC. (A separate file: the mapping is fixed per translation
// unit.)
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <atlstr.h>

#include <string>
#include <type_traits>

#include "catch.hpp"

TEST_CASE("with _UNICODE the tchar.h names map to the wide functions", "[win32][T-19][tchar]") {
    static_assert(std::is_same<_TCHAR, wchar_t>::value, "_TCHAR is wchar_t");
    static_assert(std::is_same<TCHAR, wchar_t>::value, "TCHAR is wchar_t with UNICODE");
    static_assert(std::is_same<LPTSTR, wchar_t*>::value, "LPTSTR");
    static_assert(std::is_same<CString, CStringW>::value, "CString is CStringW");
    const _TCHAR* text = _T("abc");
    CHECK(_tcslen(text) == 3);
    CHECK(std::wstring(TEXT("t")) == L"t");
    _TCHAR buffer[16];
    CHECK(_tcscpy_s(buffer, _T("ab")) == 0);
    CHECK(_tcscat_s(buffer, _T("cd")) == 0);
    CHECK(_tcsicmp(buffer, L"ABCD") == 0);
    CHECK(_stprintf_s(buffer, _T("%s=%d"), _T("n"), 4) == 3);  // %s is wide, as in MSVC
    CHECK(std::wstring(buffer) == L"n=4");
    CHECK(_sntprintf_s(buffer, _countof(buffer), _TRUNCATE, _T("%S"), "narrow") == 6);
    CHECK(std::wstring(buffer) == L"narrow");
    CHECK(_stprintf(buffer, _T("%s%S"), _T("a"), "b") == 2);  // MSVC's unbounded _swprintf
    CHECK(std::wstring(buffer) == L"ab");
    CHECK(_ttoi(_T("12")) == 12);
    CHECK(_itot_s(255, buffer, 16) == 0);
    CHECK(std::wstring(buffer) == L"ff");
    _TCHAR* copy = _tcsdup(_T("dup"));
    CHECK(std::wstring(copy) == L"dup");
    free(copy);
}

TEST_CASE("with _UNICODE _ftprintf formats by MSVC's rules and writes UTF-8",
          "[win32][T-19][tchar]") {
    FILE* file = tmpfile();
    REQUIRE(file != nullptr);
    CHECK(_ftprintf(file, _T("%s=%lu"), _T("\u00e9"), DWORD{7}) == 3);
    rewind(file);
    char bytes[8] = {};
    CHECK(fread(bytes, 1, sizeof bytes - 1, file) == 4);
    CHECK(std::string(bytes) == "\xc3\xa9=7");
    fclose(file);
}

TEST_CASE("with UNICODE the unsuffixed Win32 and strsafe names are the W functions",
          "[win32][T-19][tchar]") {
    TCHAR buffer[8];
    CHECK(lstrlen(TEXT("four")) == 4);
    CHECK(StringCchCopy(buffer, _countof(buffer), TEXT("wide")) == S_OK);
    CHECK(StringCchPrintf(buffer, _countof(buffer), TEXT("%s!"), TEXT("hi")) == S_OK);
    CHECK(std::wstring(buffer) == L"hi!");
    CHECK(wsprintf(buffer, TEXT("%d"), 7) == 1);
    CString s(TEXT("x"));
    s.Format(TEXT("%s-%s"), TEXT("a"), TEXT("b"));
    CHECK(s == L"a-b");
    CHECK(std::string(CT2A(TEXT("\u00e9"))) == "\xc3\xa9");
    CHECK(std::wstring(CA2T("\xc3\xa9")) == L"\u00e9");
}
