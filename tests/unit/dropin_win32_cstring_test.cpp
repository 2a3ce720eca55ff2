// ATL's CString and conversion helpers off Windows (T-19), through the drop-in <atlstr.h>.
#include <windows.h>
#include <atlstr.h>

#include <string>
#include <type_traits>

#include "catch.hpp"
#include "support/invalid_parameter_recorder.hpp"

namespace {

std::string narrow_of(const char* text) { return text; }
std::wstring wide_of(const wchar_t* text) { return text; }

}  // namespace

TEST_CASE("CString is CStringA without UNICODE; construction converts between widths",
          "[win32][T-19][CString]") {
    static_assert(std::is_same<CString, CStringA>::value, "CString follows UNICODE");
    CStringA empty;
    CHECK(empty.IsEmpty());
    CHECK(empty.GetLength() == 0);
    CHECK(narrow_of(empty) == "");
    CStringA fromWide(L"h\u00e9");
    CHECK(fromWide.GetLength() == 3);  // UTF-8 bytes
    CHECK(narrow_of(fromWide.GetString()) == "h\xc3\xa9");
    CStringW fromNarrow("h\xc3\xa9");
    CHECK(fromNarrow.GetLength() == 2);
    CHECK(wide_of(fromNarrow) == L"h\u00e9");
    CStringW copy = CStringW(fromWide);
    CHECK(copy == fromNarrow);
    CStringA nullText(static_cast<const char*>(nullptr));
    CHECK(nullText.IsEmpty());
    CStringA repeated('x', 3);
    CHECK(repeated == "xxx");
    CStringA partial("abcdef", 2);
    CHECK(partial == "ab");
    partial.Empty();
    CHECK(partial.IsEmpty());
}

TEST_CASE("CString::Format and AppendFormat use the string's own char type for %s",
          "[win32][T-19][CString]") {
    CStringA a;
    a.Format("%s=%d", "n", 5);
    CHECK(a == "n=5");
    a.AppendFormat(" %S", L"w");
    CHECK(a == "n=5 w");
    a.Format("%d", 1);  // Format replaces
    CHECK(a == "1");
    CStringW w;
    w.Format(L"%s/%lu", L"wide", DWORD{4000000000u});
    CHECK(w == L"wide/4000000000");
    w.AppendFormat(L"%S", "!");
    CHECK(w == L"wide/4000000000!");
    CStringA big;
    big.Format("%0300d", 1);
    CHECK(big.GetLength() == 300);
}

TEST_CASE("CString::GetBuffer and ReleaseBuffer", "[win32][T-19][CString]") {
    CStringA s("ab");
    char* buffer = s.GetBuffer(16);
    CHECK(sprintf_s(buffer, 17, "%s", "hello") == 5);
    s.ReleaseBuffer();
    CHECK(s.GetLength() == 5);
    CHECK(s == "hello");
    buffer = s.GetBuffer(10);
    buffer[0] = 'J';
    s.ReleaseBuffer(2);
    CHECK(s == "Je");
    wchar_t* wide = CStringW().GetBufferSetLength(3);
    CHECK(wide != nullptr);
    CStringW w;
    wchar_t* p = w.GetBufferSetLength(2);
    p[0] = L'o';
    p[1] = L'k';
    w.ReleaseBuffer();
    CHECK(w == L"ok");
}

TEST_CASE("CString concatenation and comparison", "[win32][T-19][CString]") {
    CStringA s("ab");
    s += "cd";
    s += 'e';
    s += L"f";
    CHECK(s == "abcdef");
    CHECK(s + "g" == "abcdefg");
    CHECK("_" + s == "_abcdef");
    CHECK(s + CStringA("!") == "abcdef!");
    CHECK(s != "x");
    CHECK(CStringA("a") < CStringA("b"));
    CHECK(CStringA("a") < "b");
    CHECK(s.Compare("abcdef") == 0);
    CHECK(s.Compare("abd") < 0);
    CHECK(s.CompareNoCase("ABCDEF") == 0);
    CHECK(s.CompareNoCase("ABCDEG") < 0);
    CHECK(std::string(static_cast<const char*>(s)) == "abcdef");
}

TEST_CASE("CString search and extraction", "[win32][T-19][CString]") {
    const CStringA s("key=value=x");
    CHECK(s.Find('=') == 3);
    CHECK(s.Find('=', 4) == 9);
    CHECK(s.Find("value") == 4);
    CHECK(s.Find("none") == -1);
    CHECK(s.ReverseFind('=') == 9);
    CHECK(s.FindOneOf("xv") == 4);
    CHECK(s.Left(3) == "key");
    CHECK(s.Mid(4) == "value=x");
    CHECK(s.Mid(4, 5) == "value");
    CHECK(s.Mid(40) == "");
    CHECK(s.Mid(-2, 3) == "key");
    CHECK(s.Right(1) == "x");
    CHECK(s.Right(100) == s);
    CHECK(s.Left(-1) == "");
    CHECK(s.SpanExcluding("=") == "key");
    CHECK(s.GetAt(0) == 'k');
    CHECK(s[1] == 'e');
}

TEST_CASE("CString case, trimming, replacing, inserting", "[win32][T-19][CString]") {
    CStringA s("  Mixed Case \t\r\n");
    s.Trim();
    CHECK(s == "Mixed Case");
    CStringA lower = s;
    CHECK(lower.MakeLower() == "mixed case");
    CStringA upper = s;
    CHECK(upper.MakeUpper() == "MIXED CASE");
    CHECK(CStringA("xxabxx").Trim('x') == "ab");
    CHECK(CStringA("--ab+").TrimLeft("-").TrimRight("+") == "ab");
    CHECK(CStringA("  a ").TrimLeft() == "a ");
    CStringA r("a.b.c");
    CHECK(r.Replace('.', '/') == 2);
    CHECK(r == "a/b/c");
    CHECK(r.Replace("/", "::") == 2);
    CHECK(r == "a::b::c");
    CHECK(r.Replace("", "x") == 0);
    CHECK(r.Remove(':') == 4);
    CHECK(r == "abc");
    CHECK(r.Insert(1, "XY") == 5);
    CHECK(r == "aXYbc");
    CHECK(r.Delete(1, 2) == 3);
    CHECK(r == "abc");
    r.SetAt(0, 'z');
    CHECK(r == "zbc");
    CHECK(CStringA("abc").MakeReverse() == "cba");
}

TEST_CASE("CString::Tokenize walks the tokens and ends with -1", "[win32][T-19][CString]") {
    const CStringA s("a, b,,c");
    int position = 0;
    std::string seen;
    CStringA token = s.Tokenize(", ", position);
    CHECK(position == 2);  // just past the delimiter that ended the token
    while (position != -1) {
        seen += std::string("[") + token.GetString() + "]";
        token = s.Tokenize(", ", position);
    }
    CHECK(seen == "[a][b][c]");
    CHECK(token.IsEmpty());
}

TEST_CASE("CString index out of range is an invalid parameter", "[win32][T-19][CString]") {
    CStringA s("ab");
    iisfake::win32::reset_invalid_parameters();
    CHECK_THROWS_AS(s.GetAt(2), iisfake::win32::InvalidParameter);
    _invalid_parameter_handler previous = _set_invalid_parameter_handler(iisfake_test_returning_handler);
    CHECK(s.GetAt(-1) == '\0');
    s.SetAt(5, 'x');
    CHECK(s == "ab");
    CHECK(iisfake::win32::invalid_parameters().size() == 3);
    _set_invalid_parameter_handler(previous);
    iisfake::win32::clear_invalid_parameters();
}

TEST_CASE("CW2A, CA2W, CT2A, CA2T and USES_CONVERSION convert through UTF-8",
          "[win32][T-19][CW2A]") {
    CHECK(narrow_of(CW2A(L"\u00e9t\u00e9")) == "\xc3\xa9t\xc3\xa9");
    CHECK(wide_of(CA2W("\xc3\xa9")) == L"\u00e9");
    CHECK(narrow_of(CW2A(L"x", CP_UTF8)) == "x");
    CHECK(narrow_of(CT2A("t")) == "t");  // TCHAR is char without _UNICODE
    CHECK(narrow_of(CA2T("a")) == "a");
    CHECK(wide_of(CT2W("w")) == L"w");
    const char* nothing = nullptr;
    CHECK(static_cast<wchar_t*>(CA2W(nothing)) == nullptr);

    USES_CONVERSION;
    const wchar_t* wide = A2W("abc");
    const char* narrow = W2A(L"\u20ac");
    CHECK(wide_of(wide) == L"abc");  // both still alive
    CHECK(narrow_of(narrow) == "\xe2\x82\xac");
    CHECK(narrow_of(T2A("t")) == "t");
    CHECK(wide_of(T2W("t")) == L"t");

    CStringA s("abc");
    BSTR bstr = s.AllocSysString();
    CHECK(wide_of(bstr) == L"abc");
    SysFreeString(bstr);
}
