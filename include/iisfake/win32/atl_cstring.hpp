#ifndef IISFAKE_WIN32_ATL_CSTRING_HPP_INCLUDED
#define IISFAKE_WIN32_ATL_CSTRING_HPP_INCLUDED

// What <atlstr.h> provides module sources off Windows (T-19): ATL's CString only (CStringA,
// CStringW, and CString chosen by UNICODE) with the commonly used API, and ATL's conversion
// helpers: the classes CW2A, CA2W, CW2T, CT2W, CA2T, CT2A (and their C... const forms, T chosen
// by _UNICODE as atlconv.h does), and the USES_CONVERSION macros A2W, W2A, T2A... whose results
// live until the end of the enclosing scope. Narrow text is UTF-8 (CP_ACP is UTF-8 here).
// Format/AppendFormat follow MSVC's printf rules (win32/printf.hpp): %s is the string's own
// character type, %S the other one. An index out of range (GetAt, SetAt, operator[]) is an
// invalid parameter (ATL asserts and throws). Nothing else of ATL is provided (no LoadString,
// no CSimpleStringT/CStringT template names, no IAtlStringMgr).

#include "iisfake/win_types.hpp"
#include "iisfake/com_types.hpp"

#if !defined(_WIN32)

#include <cstdarg>
#include <cstddef>
#include <string>

#include "iisfake/win32/invalid_parameter.hpp"
#include "iisfake/win32/printf.hpp"
#include "iisfake/win32/utf8.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace win32 {
namespace detail {

inline std::string convert_text(const char* s, char*) { return s ? std::string(s) : std::string(); }
inline std::wstring convert_text(const wchar_t* s, wchar_t*) {
    return s ? std::wstring(s) : std::wstring();
}
inline std::wstring convert_text(const char* s, wchar_t*) { return u8_to_wide(s); }
inline std::string convert_text(const wchar_t* s, char*) { return u8_from_wide(s); }

template <class Char>
bool is_space_char(Char c) {
    return c == Char(' ') || c == Char('\t') || c == Char('\n') || c == Char('\v') ||
           c == Char('\f') || c == Char('\r');
}
template <class Char>
Char lower_char(Char c) {
    return c >= Char('A') && c <= Char('Z') ? static_cast<Char>(c - Char('A') + Char('a')) : c;
}
template <class Char>
Char upper_char(Char c) {
    return c >= Char('a') && c <= Char('z') ? static_cast<Char>(c - Char('a') + Char('A')) : c;
}
template <class Char>
bool contains_char(const Char* set, Char c) {
    if (set == nullptr) return false;
    for (; *set != Char('\0'); ++set)
        if (*set == c) return true;
    return false;
}

// ATL's CStringT<Char>: value semantics over std::basic_string.
template <class Char>
class AtlString {
public:
    typedef Char XCHAR;
    typedef Char* PXSTR;
    typedef const Char* PCXSTR;
    typedef typename std::conditional<sizeof(Char) == 1, wchar_t, char>::type YCHAR;
    typedef YCHAR* PYSTR;
    typedef const YCHAR* PCYSTR;

    AtlString() {}
    AtlString(const AtlString& other) : text_(other.text_) {}
    AtlString(const AtlString<YCHAR>& other) : text_(convert_text(other.GetString(), tag())) {}
    AtlString(PCXSTR psz) : text_(convert_text(psz, tag())) {}
    AtlString(PCYSTR psz) : text_(convert_text(psz, tag())) {}
    AtlString(PCXSTR pch, int length) {
        if (pch != nullptr && length > 0) text_.assign(pch, static_cast<std::size_t>(length));
    }
    AtlString(PCYSTR pch, int length) {
        if (pch != nullptr && length > 0)
            text_ = convert_text(
                std::basic_string<YCHAR>(pch, static_cast<std::size_t>(length)).c_str(), tag());
    }
    explicit AtlString(XCHAR ch, int repeat = 1) {
        if (repeat > 0) text_.assign(static_cast<std::size_t>(repeat), ch);
    }

    AtlString& operator=(const AtlString& other) {
        text_ = other.text_;
        return *this;
    }
    AtlString& operator=(const AtlString<YCHAR>& other) {
        text_ = convert_text(other.GetString(), tag());
        return *this;
    }
    AtlString& operator=(PCXSTR psz) {
        text_ = convert_text(psz, tag());
        return *this;
    }
    AtlString& operator=(PCYSTR psz) {
        text_ = convert_text(psz, tag());
        return *this;
    }
    AtlString& operator=(XCHAR ch) {
        text_.assign(1, ch);
        return *this;
    }

    // ---- access ----
    int GetLength() const { return static_cast<int>(text_.size()); }
    int GetAllocLength() const { return static_cast<int>(text_.capacity()); }
    bool IsEmpty() const { return text_.empty(); }
    void Empty() { text_.clear(); }
    PCXSTR GetString() const { return text_.c_str(); }
    operator PCXSTR() const { return text_.c_str(); }
    XCHAR GetAt(int index) const {
        if (!in_range(index, L"CStringT::GetAt")) return XCHAR('\0');
        return text_[static_cast<std::size_t>(index)];
    }
    XCHAR operator[](int index) const {
        if (!in_range(index, L"CStringT::operator[]")) return XCHAR('\0');
        return text_[static_cast<std::size_t>(index)];
    }
    void SetAt(int index, XCHAR ch) {
        if (in_range(index, L"CStringT::SetAt")) text_[static_cast<std::size_t>(index)] = ch;
    }
    void Truncate(int length) {
        if (length >= 0 && static_cast<std::size_t>(length) < text_.size())
            text_.resize(static_cast<std::size_t>(length));
    }

    // ---- buffers ----
    // A buffer of at least minBufferLength characters plus the NUL; ReleaseBuffer(-1) then takes
    // the length up to the first NUL.
    PXSTR GetBuffer() { return &buffer(text_.size())[0]; }
    PXSTR GetBuffer(int minBufferLength) {
        const std::size_t want =
            minBufferLength > 0 ? static_cast<std::size_t>(minBufferLength) : 0;
        return &buffer(want > text_.size() ? want : text_.size())[0];
    }
    PXSTR GetBufferSetLength(int length) {
        const std::size_t n = length > 0 ? static_cast<std::size_t>(length) : 0;
        text_.resize(n);
        return &buffer(n)[0];
    }
    void ReleaseBuffer(int newLength = -1) {
        std::size_t n = 0;
        if (newLength < 0) {
            while (n < text_.size() && text_[n] != Char('\0')) ++n;
        } else {
            n = static_cast<std::size_t>(newLength) < text_.size()
                    ? static_cast<std::size_t>(newLength)
                    : text_.size();
        }
        text_.resize(n);
    }
    void ReleaseBufferSetLength(int newLength) { ReleaseBuffer(newLength < 0 ? 0 : newLength); }
    void Preallocate(int length) {
        if (length > 0) text_.reserve(static_cast<std::size_t>(length));
    }

    // ---- formatting ----
    void FormatV(PCXSTR format, va_list args) {
        std::basic_string<Char> out;
        if (format == nullptr) {
            invalid_parameter(L"pszFormat != nullptr", L"CStringT::FormatV");
            return;
        }
        if (format_msvc(out, format, args, L"CStringT::Format")) text_ = out;
    }
    void AppendFormatV(PCXSTR format, va_list args) {
        std::basic_string<Char> out;
        if (format == nullptr) {
            invalid_parameter(L"pszFormat != nullptr", L"CStringT::AppendFormatV");
            return;
        }
        if (format_msvc(out, format, args, L"CStringT::AppendFormat")) text_ += out;
    }
    void Format(PCXSTR format, ...) {
        va_list args;
        va_start(args, format);
        FormatV(format, args);
        va_end(args);
    }
    void AppendFormat(PCXSTR format, ...) {
        va_list args;
        va_start(args, format);
        AppendFormatV(format, args);
        va_end(args);
    }

    // ---- concatenation ----
    AtlString& operator+=(const AtlString& other) {
        text_ += other.text_;
        return *this;
    }
    AtlString& operator+=(PCXSTR psz) {
        if (psz) text_ += psz;
        return *this;
    }
    AtlString& operator+=(PCYSTR psz) {
        text_ += convert_text(psz, tag());
        return *this;
    }
    AtlString& operator+=(XCHAR ch) {
        text_ += ch;
        return *this;
    }
    void Append(PCXSTR psz) { *this += psz; }
    void Append(PCXSTR psz, int length) {
        if (psz != nullptr && length > 0) text_.append(psz, static_cast<std::size_t>(length));
    }
    void Append(const AtlString& other) { *this += other; }
    void AppendChar(XCHAR ch) { text_ += ch; }

    // ---- comparison ----
    int Compare(PCXSTR psz) const {
        const std::basic_string<Char> other = convert_text(psz, tag());
        const int c = text_.compare(other);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    int CompareNoCase(PCXSTR psz) const {
        const std::basic_string<Char> other = convert_text(psz, tag());
        for (std::size_t i = 0;; ++i) {
            const Char a = i < text_.size() ? lower_char(text_[i]) : Char('\0');
            const Char b = i < other.size() ? lower_char(other[i]) : Char('\0');
            if (a != b) return a < b ? -1 : 1;
            if (a == Char('\0')) return 0;
        }
    }

    // ---- search ----
    int Find(XCHAR ch, int start = 0) const {
        if (start < 0 || static_cast<std::size_t>(start) >= text_.size()) return -1;
        const std::size_t at = text_.find(ch, static_cast<std::size_t>(start));
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int Find(PCXSTR sub, int start = 0) const {
        if (sub == nullptr || start < 0 || static_cast<std::size_t>(start) > text_.size())
            return -1;
        const std::size_t at = text_.find(sub, static_cast<std::size_t>(start));
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int FindOneOf(PCXSTR chars) const {
        if (chars == nullptr) return -1;
        const std::size_t at = text_.find_first_of(chars);
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }
    int ReverseFind(XCHAR ch) const {
        const std::size_t at = text_.rfind(ch);
        return at == std::basic_string<Char>::npos ? -1 : static_cast<int>(at);
    }

    // ---- extraction (counts clamped as ATL does) ----
    AtlString Mid(int first) const { return Mid(first, GetLength()); }
    AtlString Mid(int first, int count) const {
        if (first < 0) first = 0;
        if (count < 0) count = 0;
        const std::size_t f = static_cast<std::size_t>(first);
        if (f >= text_.size()) return AtlString();
        return AtlString(text_.substr(f, static_cast<std::size_t>(count)));
    }
    AtlString Left(int count) const { return Mid(0, count); }
    AtlString Right(int count) const {
        if (count <= 0) return AtlString();
        const std::size_t n = static_cast<std::size_t>(count);
        return n >= text_.size() ? *this : AtlString(text_.substr(text_.size() - n));
    }
    AtlString SpanIncluding(PCXSTR chars) const {
        std::size_t n = 0;
        while (n < text_.size() && contains_char(chars, text_[n])) ++n;
        return AtlString(text_.substr(0, n));
    }
    AtlString SpanExcluding(PCXSTR chars) const {
        std::size_t n = 0;
        while (n < text_.size() && !contains_char(chars, text_[n])) ++n;
        return AtlString(text_.substr(0, n));
    }
    // The next token after iStart; iStart becomes -1 (and the result empty) at the end.
    AtlString Tokenize(PCXSTR tokens, int& iStart) const {
        if (iStart < 0) return AtlString();
        std::size_t i = static_cast<std::size_t>(iStart);
        if (tokens == nullptr || *tokens == Char('\0')) {
            if (i < text_.size()) {
                iStart = GetLength();
                return AtlString(text_.substr(i));
            }
        } else {
            while (i < text_.size() && contains_char(tokens, text_[i])) ++i;
            if (i < text_.size()) {
                std::size_t end = i;
                while (end < text_.size() && !contains_char(tokens, text_[end])) ++end;
                iStart = static_cast<int>(end < text_.size() ? end + 1 : end);
                return AtlString(text_.substr(i, end - i));
            }
        }
        iStart = -1;
        return AtlString();
    }

    // ---- modification ----
    AtlString& MakeLower() {
        for (Char& c : text_) c = lower_char(c);
        return *this;
    }
    AtlString& MakeUpper() {
        for (Char& c : text_) c = upper_char(c);
        return *this;
    }
    AtlString& MakeReverse() {
        text_.assign(text_.rbegin(), text_.rend());
        return *this;
    }
    AtlString& TrimLeft() {
        std::size_t n = 0;
        while (n < text_.size() && is_space_char(text_[n])) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight() {
        std::size_t n = text_.size();
        while (n > 0 && is_space_char(text_[n - 1])) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim() { return TrimRight().TrimLeft(); }
    AtlString& TrimLeft(XCHAR target) {
        std::size_t n = 0;
        while (n < text_.size() && text_[n] == target) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight(XCHAR target) {
        std::size_t n = text_.size();
        while (n > 0 && text_[n - 1] == target) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim(XCHAR target) { return TrimRight(target).TrimLeft(target); }
    AtlString& TrimLeft(PCXSTR targets) {
        std::size_t n = 0;
        while (n < text_.size() && contains_char(targets, text_[n])) ++n;
        text_.erase(0, n);
        return *this;
    }
    AtlString& TrimRight(PCXSTR targets) {
        std::size_t n = text_.size();
        while (n > 0 && contains_char(targets, text_[n - 1])) --n;
        text_.resize(n);
        return *this;
    }
    AtlString& Trim(PCXSTR targets) { return TrimRight(targets).TrimLeft(targets); }
    int Replace(XCHAR oldChar, XCHAR newChar) {
        int count = 0;
        for (Char& c : text_)
            if (c == oldChar) {
                c = newChar;
                ++count;
            }
        return count;
    }
    int Replace(PCXSTR oldText, PCXSTR newText) {
        if (oldText == nullptr || *oldText == Char('\0')) return 0;
        const std::basic_string<Char> from(oldText);
        const std::basic_string<Char> to = convert_text(newText, tag());
        int count = 0;
        std::basic_string<Char> out;
        std::size_t i = 0;
        for (std::size_t at; (at = text_.find(from, i)) != std::basic_string<Char>::npos;
             i = at + from.size(), ++count)
            out.append(text_, i, at - i).append(to);
        out.append(text_, i, std::basic_string<Char>::npos);
        text_ = out;
        return count;
    }
    int Remove(XCHAR ch) {
        const std::size_t before = text_.size();
        std::basic_string<Char> out;
        for (Char c : text_)
            if (c != ch) out += c;
        text_ = out;
        return static_cast<int>(before - text_.size());
    }
    int Insert(int index, XCHAR ch) {
        text_.insert(clamp_index(index), 1, ch);
        return GetLength();
    }
    int Insert(int index, PCXSTR psz) {
        if (psz != nullptr) text_.insert(clamp_index(index), psz);
        return GetLength();
    }
    int Delete(int index, int count = 1) {
        if (index < 0) index = 0;
        if (count > 0 && static_cast<std::size_t>(index) < text_.size())
            text_.erase(static_cast<std::size_t>(index), static_cast<std::size_t>(count));
        return GetLength();
    }
    BSTR AllocSysString() const {
        const std::wstring wide = convert_text(text_.c_str(), static_cast<wchar_t*>(nullptr));
        return SysAllocStringLen(wide.c_str(), static_cast<UINT>(wide.size()));
    }

    explicit AtlString(const std::basic_string<Char>& text) : text_(text) {}

private:
    static Char* tag() { return nullptr; }
    bool in_range(int index, const wchar_t* function) const {
        if (index >= 0 && static_cast<std::size_t>(index) < text_.size()) return true;
        invalid_parameter(L"iChar >= 0 && iChar < GetLength()", function);
        return false;
    }
    std::size_t clamp_index(int index) const {
        if (index < 0) return 0;
        return static_cast<std::size_t>(index) > text_.size() ? text_.size()
                                                              : static_cast<std::size_t>(index);
    }
    std::basic_string<Char>& buffer(std::size_t length) {
        text_.resize(length);
        text_.reserve(length + 1);
        return text_;
    }

    std::basic_string<Char> text_;
};

template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, const Char* b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const Char* a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(const AtlString<Char>& a, Char b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}
template <class Char>
AtlString<Char> operator+(Char a, const AtlString<Char>& b) {
    AtlString<Char> out(a);
    out += b;
    return out;
}

template <class Char>
bool operator==(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) == 0;
}
template <class Char>
bool operator==(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) == 0;
}
template <class Char>
bool operator==(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) == 0;
}
template <class Char>
bool operator!=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) != 0;
}
template <class Char>
bool operator!=(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) != 0;
}
template <class Char>
bool operator!=(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) != 0;
}
template <class Char>
bool operator<(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) < 0;
}
template <class Char>
bool operator<(const AtlString<Char>& a, const Char* b) {
    return a.Compare(b) < 0;
}
template <class Char>
bool operator<(const Char* a, const AtlString<Char>& b) {
    return b.Compare(a) > 0;
}
template <class Char>
bool operator>(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) > 0;
}
template <class Char>
bool operator<=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) <= 0;
}
template <class Char>
bool operator>=(const AtlString<Char>& a, const AtlString<Char>& b) {
    return a.Compare(b) >= 0;
}

// ATL's conversion classes: hold the converted text; usable where a pointer is expected.
template <class From, class To>
class AtlConversion {
public:
    explicit AtlConversion(const From* text, UINT codePage = 0)
        : null_(text == nullptr), text_(convert_text(text, static_cast<To*>(nullptr))) {
        static_cast<void>(codePage);  // every code page is UTF-8 here
    }
    AtlConversion(const AtlConversion&) = delete;
    AtlConversion& operator=(const AtlConversion&) = delete;
    operator To*() const { return null_ ? nullptr : const_cast<To*>(text_.c_str()); }
    To* m_psz() const { return static_cast<To*>(*this); }

private:
    bool null_;
    std::basic_string<To> text_;
};

// USES_CONVERSION's arena: each A2W/W2A result lives until the end of the scope.
class ConversionArena {
public:
    template <class To, class From>
    To* convert(const From* text) {
        if (text == nullptr) return nullptr;
        Node* node = new Node();
        node->next = head_;
        head_ = node;
        std::basic_string<To>& slot = store(node, static_cast<To*>(nullptr));
        slot = convert_text(text, static_cast<To*>(nullptr));
        return &slot[0];
    }
    ConversionArena() {}
    ConversionArena(const ConversionArena&) = delete;
    ConversionArena& operator=(const ConversionArena&) = delete;
    ~ConversionArena() {
        while (head_ != nullptr) {
            Node* next = head_->next;
            delete head_;
            head_ = next;
        }
    }

private:
    struct Node {
        Node* next = nullptr;
        std::string narrow;
        std::wstring wide;
    };
    static std::string& store(Node* node, char*) { return node->narrow; }
    static std::wstring& store(Node* node, wchar_t*) { return node->wide; }
    Node* head_ = nullptr;
};

}  // namespace detail
}  // namespace win32
IISFAKE_END_NAMESPACE

typedef ::iisfake::win32::detail::AtlString<char> CStringA;
typedef ::iisfake::win32::detail::AtlString<wchar_t> CStringW;
#if defined(UNICODE)
typedef CStringW CString;
#else
typedef CStringA CString;
#endif

typedef ::iisfake::win32::detail::AtlConversion<wchar_t, char> CW2A;
typedef ::iisfake::win32::detail::AtlConversion<char, wchar_t> CA2W;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, char> CW2CA;
typedef ::iisfake::win32::detail::AtlConversion<char, wchar_t> CA2CW;
typedef ::iisfake::win32::detail::AtlConversion<char, char> CA2A;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, wchar_t> CW2W;
typedef ::iisfake::win32::detail::AtlConversion<char, char> CA2CA;
typedef ::iisfake::win32::detail::AtlConversion<wchar_t, wchar_t> CW2CW;
#if defined(_UNICODE)
typedef CW2W CW2T;
typedef CW2CW CW2CT;
typedef CW2W CT2W;
typedef CW2CW CT2CW;
typedef CA2W CA2T;
typedef CA2CW CA2CT;
typedef CW2A CT2A;
typedef CW2CA CT2CA;
#else
typedef CW2A CW2T;
typedef CW2CA CW2CT;
typedef CA2W CT2W;
typedef CA2CW CT2CW;
typedef CA2A CA2T;
typedef CA2CA CA2CT;
typedef CA2A CT2A;
typedef CA2CA CT2CA;
#endif

#ifndef USES_CONVERSION
#define USES_CONVERSION ::iisfake::win32::detail::ConversionArena iisfake_conversion_arena
#define USES_CONVERSION_EX USES_CONVERSION
#define A2W(text) (iisfake_conversion_arena.convert<wchar_t>(static_cast<const char*>(text)))
#define W2A(text) (iisfake_conversion_arena.convert<char>(static_cast<const wchar_t*>(text)))
#define A2CW(text) (static_cast<const wchar_t*>(A2W(text)))
#define W2CA(text) (static_cast<const char*>(W2A(text)))
#define OLE2A W2A
#define A2OLE A2W
#define OLE2CA W2CA
#define A2COLE A2CW
#define OLE2W(text) (iisfake_conversion_arena.convert<wchar_t>(static_cast<const wchar_t*>(text)))
#define W2OLE OLE2W
#if defined(_UNICODE)
#define T2A W2A
#define A2T A2W
#define T2W OLE2W
#define W2T OLE2W
#define T2CA W2CA
#define A2CT A2CW
#define T2OLE OLE2W
#define OLE2T OLE2W
#else
#define T2A(text) (iisfake_conversion_arena.convert<char>(static_cast<const char*>(text)))
#define A2T T2A
#define T2W A2W
#define W2T W2A
#define T2CA(text) (static_cast<const char*>(T2A(text)))
#define A2CT T2CA
#define T2OLE A2W
#define OLE2T W2A
#endif
#endif

#endif  // !_WIN32

#endif
