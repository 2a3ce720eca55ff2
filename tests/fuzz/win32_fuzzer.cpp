// A coverage-guided fuzzer (libFuzzer) for the opt-in Win32/CRT surface (iisfake/win32/*.hpp)
// as module sources reach it through the drop-in headers: the input is decoded into calls of the
// functions that parse or size data (the MSVC printf engine, code-page conversion, the secure
// CRT string functions, strsafe, the environment, GUID text, VARIANT coercion, address text,
// integer-to-text, _bstr_t/_variant_t, CString, FILETIME/SYSTEMTIME, the event log), with
// fuzzed text, lengths, flags, radixes and buffer sizes. An invalid-parameter handler that
// records and returns is installed, so every contract violation runs on to its error code.
// After each call the cheap invariants are checked: what was written stays inside the buffer
// (a canary after the size passed), and output is NUL-terminated where the function promises it,
// with a length that agrees with the return value.
//
// The harness itself is never undefined behaviour: every buffer size passed is no larger than the
// buffer, every source string is NUL-terminated or read only within its documented count, and
// the printf formats are built by the harness from fuzzed pieces so that each conversion takes
// exactly the type of a fixed argument pack (16 values of one type per call, at most 15 read).
//
// Build (clang 14): clang++-14 -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined
//   -Iinclude -Iinclude/iisfake/dropin -Iinclude/iisfake/dropin/iis
//   -Iinclude/iisfake/dropin/spellings tests/fuzz/win32_fuzzer.cpp -o win32_fuzzer
#include <windows.h>
#include <atlstr.h>
#include <comdef.h>
#include <strsafe.h>
#include <tchar.h>
#include <winsock2.h>
#include <ws2tcpip.h>

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <cwchar>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include <iisfake/win32.hpp>

#include "fuzz_input.hpp"

namespace {

using fuzz::Input;

void returning_handler(const wchar_t*, const wchar_t*, const wchar_t*, unsigned int, uintptr_t) {}

const unsigned char canary = 0xA5;

// A buffer of `size` characters the function may use, then a canary it must leave alone.
template <class Char>
struct Buffer {
    std::vector<Char> data;
    std::size_t size;
    explicit Buffer(std::size_t n) : data(n + 8), size(n) {
        std::memset(static_cast<void*>(data.data()), canary, data.size() * sizeof(Char));
    }
    Char* get() { return size == 0 ? data.data() : data.data(); }
    void check_canary() const {
        const auto* bytes = reinterpret_cast<const unsigned char*>(data.data() + size);
        for (std::size_t i = 0; i < 8 * sizeof(Char); ++i) EXPECT(bytes[i] == canary);
    }
    // Whether the output's NUL is at `length` (a %c of 0 may put another one before it).
    bool nul_at(std::size_t length) const { return length < size && data[length] == Char(0); }
    // The first NUL within the size passed, or size when there is none.
    std::size_t terminated_length() const {
        std::size_t n = 0;
        while (n < size && data[n] != Char(0)) ++n;
        return n;
    }
};

// Narrow text: raw bytes, no NUL inside.
std::string narrow_text(Input& in) {
    std::string s = in.text();
    for (char& c : s)
        if (c == '\0') c = '0';
    return s;
}

// Wide text as Windows code sees it: UTF-16 units (lone surrogates included), now and then a
// value no UTF-16 unit has (wchar_t is 32-bit here), never a NUL inside.
std::wstring wide_text(Input& in) {
    const std::size_t length = in.byte() % 64;
    std::wstring s;
    while (s.size() < length && !in.empty()) {
        const std::uint8_t kind = in.byte();
        wchar_t c;
        if (kind < 128)
            c = static_cast<wchar_t>(kind);  // ASCII, the common case
        else if (kind < 250)
            c = static_cast<wchar_t>(in.u16());
        else
            c = static_cast<wchar_t>(in.u32() & 0x7FFFFFFFu);
        if (c == 0) c = L'0';
        s += c;
    }
    return s;
}

// Text that looks like a number, a boolean or a date more often than random bytes would.
std::wstring numberish(Input& in) {
    static const wchar_t* const pieces[] = {
        L"0",     L"1",  L"9",   L"-",          L"+",         L".",        L"e",  L"E",
        L" ",     L",",  L"\t",  L"&H",         L"&O",        L"#TRUE#",   L"True", L"false",
        L"2147483647",   L"2147483648",         L"-2147483649", L"9223372036854775808",
        L"18446744073709551616", L"1e308",      L"1e309",     L"-1e-400",  L"nan", L"inf",
        L"$",     L"(",  L")",   L"%",          L"1.5",       L"2.5",      L"0x1F", L"255",
        L"256",   L"-129", L"65535", L"4294967295", L"999999999999999999999999999999"};
    std::wstring s;
    const int n = in.byte() % 6;
    for (int i = 0; i < n && !in.empty(); ++i) {
        const std::uint8_t b = in.byte();
        if (b < 200)
            s += pieces[b % (sizeof pieces / sizeof pieces[0])];
        else
            s += static_cast<wchar_t>(in.u16() == 0 ? L'1' : b);
    }
    return s;
}

std::size_t small_size(Input& in) {
    const std::uint8_t b = in.byte();
    return b < 200 ? b % 40u : b;
}

// ---- the printf engine -------------------------------------------------------------------------

enum class Pack { integer, long_long, ptrdiff, intmax, real, long_real, narrow, wide, pointer };
const int pack_count = 9;

struct Conversion {
    const char* length;
    char conversion;
    bool is_unsigned;
};

// The (length, conversion) pairs that read exactly the pack's type, by MSVC's documented rules:
// in a narrow function %s takes char and %S wchar_t, in a wide one the reverse; h forces narrow,
// l and w force wide.
std::vector<Conversion> conversions(Pack pack, bool wide_function) {
    std::vector<Conversion> out;
    const char* const int_conversions = "diuoxX";
    auto integers = [&](std::initializer_list<const char*> lengths) {
        for (const char* length : lengths)
            for (const char* c = int_conversions; *c; ++c)
                out.push_back({length, *c, *c != 'd' && *c != 'i'});
    };
    switch (pack) {
        case Pack::integer:
            integers({"", "h", "hh", "l", "I32", "w"});
            for (const char* length : {"", "h", "l", "w"}) {
                out.push_back({length, 'c', false});
                out.push_back({length, 'C', false});
            }
            break;
        case Pack::long_long:
            integers({"ll", "I64"});
            break;
        case Pack::ptrdiff:
            integers({"z", "t", "I"});
            break;
        case Pack::intmax:
            integers({"j"});
            break;
        case Pack::real:
        case Pack::long_real:
            for (const char* c = "eEfFgGaA"; *c; ++c) {
                if (pack == Pack::long_real) {
                    out.push_back({"L", *c, false});
                } else {
                    for (const char* length : {"", "l", "h"}) out.push_back({length, *c, false});
                }
            }
            break;
        case Pack::narrow:
            out.push_back({"", wide_function ? 'S' : 's', false});
            out.push_back({"h", 's', false});
            out.push_back({"h", 'S', false});
            break;
        case Pack::wide:
            out.push_back({"", wide_function ? 's' : 'S', false});
            for (const char* length : {"l", "w"}) {
                out.push_back({length, 's', false});
                out.push_back({length, 'S', false});
            }
            break;
        case Pack::pointer:
            out.push_back({"", 'p', false});
            break;
    }
    return out;
}

template <class Char>
void append_ascii(std::basic_string<Char>& out, const std::string& ascii) {
    for (char c : ascii) out += static_cast<Char>(static_cast<unsigned char>(c));
}

template <class Char>
Char literal_unit(Input& in);
template <>
char literal_unit<char>(Input& in) {
    const char c = static_cast<char>(in.byte());
    return c == '\0' ? 'a' : c;
}
template <>
wchar_t literal_unit<wchar_t>(Input& in) {
    const std::uint8_t b = in.byte();
    const wchar_t c = b < 200 ? static_cast<wchar_t>(b) : static_cast<wchar_t>(in.u16());
    return c == 0 ? L'a' : c;
}

// A format whose conversions all read the pack's type, at most 3 values each (width and
// precision stars only with the int pack), at most 5 of them: at most 15 of the 16 values.
// `any_unsigned` tells the caller to keep the values non-negative (va_arg may read a signed
// argument as its unsigned type only when the value fits both).
template <class Char>
std::basic_string<Char> make_format(Input& in, Pack pack, bool& any_unsigned, bool& star) {
    const std::vector<Conversion> table = conversions(pack, sizeof(Char) != 1);
    std::basic_string<Char> format;
    int specs = 0;
    const int pieces = in.byte() % 10;
    for (int piece = 0; piece < pieces && !in.empty(); ++piece) {
        const std::uint8_t kind = in.byte() % 8;
        if (kind < 3) {  // literal text, a '%' doubled
            const int n = in.byte() % 12;
            for (int i = 0; i < n; ++i) {
                const Char c = literal_unit<Char>(in);
                format += c;
                if (c == Char('%')) format += c;
            }
            continue;
        }
        if (specs == 5) break;
        ++specs;
        std::string spec = "%";
        const std::uint8_t flags = in.byte();
        for (int f = 0; f < 5; ++f)
            if (flags & (1u << f)) spec += "-+ #0"[f];
        const std::uint8_t width = in.byte();
        if (width < 100)
            spec += std::to_string(width % 40);
        else if (width < 110)
            spec += std::to_string(in.u16() % 2000);
        else if (width < 120 && pack == Pack::integer) {
            spec += '*';
            star = true;
        }
        const std::uint8_t precision = in.byte();
        if (precision < 60) {
            spec += '.';
        } else if (precision < 120) {
            spec += '.' + std::to_string(precision % 40);
        } else if (precision < 130) {
            spec += '.' + std::to_string(in.u16() % 2000);
        } else if (precision < 140 && pack == Pack::integer) {
            spec += ".*";
            star = true;
        }
        if (kind == 7) {  // a conversion MSVC refuses (or the format ends mid-spec), read nothing
            static const char* const bad[] = {"n", "Z", "q", "y", "k", "b", "hn", "lK", "v", "", "I6"};
            const std::uint8_t which = in.byte() % (sizeof bad / sizeof bad[0]);
            spec += bad[which];
            append_ascii(format, spec);
            if (bad[which][0] == '\0' || std::strcmp(bad[which], "I6") == 0) break;  // at the end
            continue;
        }
        const Conversion& c = table[in.byte() % table.size()];
        any_unsigned = any_unsigned || c.is_unsigned;
        spec += c.length;
        spec += c.conversion;
        append_ascii(format, spec);
    }
    return format;
}

struct Packs {
    int integers[16];
    long long long_longs[16];
    std::ptrdiff_t ptrdiffs[16];
    std::intmax_t intmaxes[16];
    double reals[16];
    long double long_reals[16];
    const char* narrows[16];
    const wchar_t* wides[16];
    void* pointers[16];
    std::vector<std::string> narrow_storage;
    std::vector<std::wstring> wide_storage;
};

// With a star in the format the ints stay small: a width of 2^31 asks for a 2 GB string.
void fill_packs(Input& in, Packs& p, bool non_negative, bool small) {
    p.narrow_storage.clear();
    p.wide_storage.clear();
    for (int i = 0; i < 16; ++i) {
        std::uint32_t v = in.u32();
        if (non_negative) v &= 0x7FFFFFFFu;
        if (small) v = non_negative ? v % 4096u : v % 4096u - 2048u;
        p.integers[i] = static_cast<int>(static_cast<std::int64_t>(v) -
                                         (v > 0x7FFFFFFFu ? 0x100000000LL : 0));
        const std::uint64_t wide_value = (static_cast<std::uint64_t>(in.u32()) << 32) | v;
        const std::uint64_t masked = non_negative ? wide_value & 0x7FFFFFFFFFFFFFFFull : wide_value;
        std::int64_t as_signed;
        std::memcpy(&as_signed, &masked, sizeof as_signed);
        p.long_longs[i] = as_signed;
        p.ptrdiffs[i] = static_cast<std::ptrdiff_t>(as_signed);
        p.intmaxes[i] = static_cast<std::intmax_t>(as_signed);
        double d;
        std::memcpy(&d, &wide_value, sizeof d);
        p.reals[i] = d;
        p.long_reals[i] = static_cast<long double>(d);
        p.pointers[i] = reinterpret_cast<void*>(static_cast<std::uintptr_t>(wide_value));
    }
    for (int i = 0; i < 4; ++i) p.narrow_storage.push_back(narrow_text(in));
    for (int i = 0; i < 4; ++i) p.wide_storage.push_back(wide_text(in));
    for (int i = 0; i < 16; ++i) {
        p.narrows[i] = i == 5 ? nullptr : p.narrow_storage[static_cast<std::size_t>(i) % 4].c_str();
        p.wides[i] = i == 6 ? nullptr : p.wide_storage[static_cast<std::size_t>(i) % 4].c_str();
    }
}

#define IISFAKE_FUZZ_ARGS(a)                                                                      \
    a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], \
        a[15]

template <class T>
void printf_narrow(Input& in, const char* format, const T (&args)[16]) {
    const int length = _scprintf(format, IISFAKE_FUZZ_ARGS(args));
    Buffer<char> buffer(small_size(in));
    char* out = buffer.size == 0 && in.flag() ? nullptr : buffer.get();
    switch (in.byte() % 7) {
        case 0: {
            const int n = sprintf_s(out, buffer.size, format, IISFAKE_FUZZ_ARGS(args));
            if (n >= 0) {
                EXPECT(n == length);
                EXPECT(static_cast<std::size_t>(n) < buffer.size && buffer.data[static_cast<std::size_t>(n)] == '\0');
            } else if (out && buffer.size > 0) {
                EXPECT(buffer.data[0] == '\0');
            }
            break;
        }
        case 1: {
            const std::uint8_t c = in.byte();
            const std::size_t count = c < 128 ? _TRUNCATE : c < 250 ? c % 50u : in.u32();
            const int n = _snprintf_s(out, buffer.size, count, format, IISFAKE_FUZZ_ARGS(args));
            if (n >= 0 && out == nullptr) {  // (NULL, 0, 0): nothing formatted
                EXPECT(n == 0 && count == 0);
            } else if (n >= 0) {
                EXPECT(n == length);
                EXPECT(buffer.nul_at(static_cast<std::size_t>(n)));
            } else if (out && buffer.size > 0) {
                EXPECT(buffer.terminated_length() < buffer.size);
            }
            break;
        }
        case 2: {
            const int n = _snprintf(out, buffer.size, format, IISFAKE_FUZZ_ARGS(args));
            if (n >= 0) EXPECT(n == length && static_cast<std::size_t>(n) <= buffer.size);
            break;
        }
        case 3: {
            const HRESULT hr = StringCchPrintfA(out, buffer.size, format, IISFAKE_FUZZ_ARGS(args));
            if (out && buffer.size > 0) EXPECT(buffer.terminated_length() < buffer.size);
            if (hr == S_OK) EXPECT(length >= 0 && buffer.nul_at(static_cast<std::size_t>(length)));
            break;
        }
        case 4: {
            Buffer<char> big(1025);
            const int n = wsprintfA(big.get(), format, IISFAKE_FUZZ_ARGS(args));
            EXPECT(n >= 0 && n <= 1023 && big.nul_at(static_cast<std::size_t>(n)));
            big.check_canary();
            break;
        }
        case 5: {
            CStringA text("before");
            text.Format(format, IISFAKE_FUZZ_ARGS(args));
            if (length >= 0) EXPECT(text.GetLength() == length);
            text.AppendFormat(format, IISFAKE_FUZZ_ARGS(args));
            break;
        }
        default: {
            CStringW text(L"before");
            text.Format(L"%hs", format);  // the format as text
            break;
        }
    }
    buffer.check_canary();
}

template <class T>
void printf_wide(Input& in, const wchar_t* format, const T (&args)[16]) {
    const int length = _scwprintf(format, IISFAKE_FUZZ_ARGS(args));
    Buffer<wchar_t> buffer(small_size(in));
    wchar_t* out = buffer.size == 0 && in.flag() ? nullptr : buffer.get();
    switch (in.byte() % 5) {
        case 0: {
            const int n = swprintf_s(out, buffer.size, format, IISFAKE_FUZZ_ARGS(args));
            if (n >= 0) {
                EXPECT(n == length);
                EXPECT(static_cast<std::size_t>(n) < buffer.size && buffer.data[static_cast<std::size_t>(n)] == L'\0');
            }
            break;
        }
        case 1: {
            const std::uint8_t c = in.byte();
            const std::size_t count = c < 128 ? _TRUNCATE : c < 250 ? c % 50u : in.u32();
            const int n = _snwprintf_s(out, buffer.size, count, format, IISFAKE_FUZZ_ARGS(args));
            if (n >= 0 && out == nullptr) {  // (NULL, 0, 0): nothing formatted
                EXPECT(n == 0 && count == 0);
            } else if (n >= 0) {
                EXPECT(n == length);
                EXPECT(buffer.nul_at(static_cast<std::size_t>(n)));
            } else if (out && buffer.size > 0) {
                EXPECT(buffer.terminated_length() < buffer.size);
            }
            break;
        }
        case 2: {
            const HRESULT hr = StringCchPrintfW(out, buffer.size, format, IISFAKE_FUZZ_ARGS(args));
            if (out && buffer.size > 0) EXPECT(buffer.terminated_length() < buffer.size);
            if (hr == S_OK) EXPECT(length >= 0 && buffer.nul_at(static_cast<std::size_t>(length)));
            break;
        }
        case 3: {
            Buffer<wchar_t> big(1025);
            const int n = wsprintfW(big.get(), format, IISFAKE_FUZZ_ARGS(args));
            EXPECT(n >= 0 && n <= 1023 && big.nul_at(static_cast<std::size_t>(n)));
            big.check_canary();
            break;
        }
        default: {
            CStringW text(L"before");
            text.Format(format, IISFAKE_FUZZ_ARGS(args));
            if (length >= 0) EXPECT(text.GetLength() == length);
            break;
        }
    }
    buffer.check_canary();
}

template <class Char>
void run_pack(Input& in, Pack pack, const Char* format, const Packs& p);

template <>
void run_pack<char>(Input& in, Pack pack, const char* format, const Packs& p) {
    switch (pack) {
        case Pack::integer: return printf_narrow(in, format, p.integers);
        case Pack::long_long: return printf_narrow(in, format, p.long_longs);
        case Pack::ptrdiff: return printf_narrow(in, format, p.ptrdiffs);
        case Pack::intmax: return printf_narrow(in, format, p.intmaxes);
        case Pack::real: return printf_narrow(in, format, p.reals);
        case Pack::long_real: return printf_narrow(in, format, p.long_reals);
        case Pack::narrow: return printf_narrow(in, format, p.narrows);
        case Pack::wide: return printf_narrow(in, format, p.wides);
        case Pack::pointer: return printf_narrow(in, format, p.pointers);
    }
}
template <>
void run_pack<wchar_t>(Input& in, Pack pack, const wchar_t* format, const Packs& p) {
    switch (pack) {
        case Pack::integer: return printf_wide(in, format, p.integers);
        case Pack::long_long: return printf_wide(in, format, p.long_longs);
        case Pack::ptrdiff: return printf_wide(in, format, p.ptrdiffs);
        case Pack::intmax: return printf_wide(in, format, p.intmaxes);
        case Pack::real: return printf_wide(in, format, p.reals);
        case Pack::long_real: return printf_wide(in, format, p.long_reals);
        case Pack::narrow: return printf_wide(in, format, p.narrows);
        case Pack::wide: return printf_wide(in, format, p.wides);
        case Pack::pointer: return printf_wide(in, format, p.pointers);
    }
}

template <class Char>
void fuzz_printf(Input& in) {
    Pack pack = static_cast<Pack>(in.byte() % pack_count);
    // j reads intmax_t, which must be the type passed.
    if (pack == Pack::intmax && !std::is_same<std::intmax_t, long>::value &&
        !std::is_same<std::intmax_t, long long>::value)
        pack = Pack::integer;
    bool any_unsigned = false;
    bool star = false;
    const std::basic_string<Char> format = make_format<Char>(in, pack, any_unsigned, star);
    Packs packs;
    fill_packs(in, packs, any_unsigned, star);
    run_pack<Char>(in, pack, format.c_str(), packs);
}

// ---- code pages --------------------------------------------------------------------------------

UINT code_page(Input& in) {
    static const UINT pages[] = {CP_UTF8, CP_ACP, CP_OEMCP, CP_THREAD_ACP, 1252, 20127,
                                 CP_UTF7, 28591,  CP_SYMBOL, 1200};
    const std::uint8_t b = in.byte();
    return b < 250 ? pages[b % (sizeof pages / sizeof pages[0])] : in.u16();
}

void fuzz_multibyte_to_wide(Input& in) {
    const UINT page = code_page(in);
    const std::uint8_t f = in.byte();
    const DWORD flags = f < 100 ? 0 : f < 200 ? MB_ERR_INVALID_CHARS : f < 240 ? MB_PRECOMPOSED : in.u32();
    std::string source = in.text();  // may hold NULs
    std::vector<char> bytes(source.begin(), source.end());
    bytes.push_back('\0');
    const std::uint8_t l = in.byte();
    int count = l < 64 ? -1 : l < 128 ? static_cast<int>(source.size()) : l < 192 ? 0 : -2;
    if (l >= 200) count = static_cast<int>(in.byte() % (source.size() + 1));
    const char* src = in.byte() < 8 ? nullptr : bytes.data();
    const int needed = MultiByteToWideChar(page, flags, src, count, nullptr, 0);
    EXPECT(needed >= 0);
    Buffer<wchar_t> out(small_size(in));
    wchar_t* dst = out.size == 0 && in.flag() ? nullptr : out.get();
    const int n = MultiByteToWideChar(page, flags, src, count, dst, static_cast<int>(out.size));
    EXPECT(n >= 0 && static_cast<std::size_t>(n) <= (out.size == 0 ? static_cast<std::size_t>(needed) : out.size));
    if (out.size > 0 && needed > 0 && static_cast<std::size_t>(needed) <= out.size) EXPECT(n == needed);
    if (out.size == 0) EXPECT(n == needed);
    out.check_canary();
}

void fuzz_wide_to_multibyte(Input& in) {
    const UINT page = code_page(in);
    const std::uint8_t f = in.byte();
    const DWORD flags = f < 100 ? 0 : f < 200 ? WC_ERR_INVALID_CHARS : f < 240 ? WC_NO_BEST_FIT_CHARS : in.u32();
    const std::wstring source = wide_text(in);
    std::vector<wchar_t> units(source.begin(), source.end());
    units.push_back(L'\0');
    const std::uint8_t l = in.byte();
    int count = l < 64 ? -1 : l < 128 ? static_cast<int>(source.size()) : l < 192 ? 0 : -2;
    if (l >= 200) count = static_cast<int>(in.byte() % (source.size() + 1));
    const wchar_t* src = in.byte() < 8 ? nullptr : units.data();
    const char default_char = '?';
    BOOL used = 7;
    const std::uint8_t d = in.byte();
    const char* def = d < 40 ? &default_char : nullptr;
    BOOL* used_default = d % 2 ? &used : nullptr;
    const int needed = WideCharToMultiByte(page, flags, src, count, nullptr, 0, def, used_default);
    EXPECT(needed >= 0);
    Buffer<char> out(small_size(in));
    char* dst = out.size == 0 && in.flag() ? nullptr : out.get();
    const int n = WideCharToMultiByte(page, flags, src, count, dst, static_cast<int>(out.size), def,
                                      used_default);
    EXPECT(n >= 0);
    if (out.size > 0) EXPECT(static_cast<std::size_t>(n) <= out.size);
    if (out.size > 0 && needed > 0 && static_cast<std::size_t>(needed) <= out.size) EXPECT(n == needed);
    if (out.size == 0) EXPECT(n == needed);
    out.check_canary();
}

// ---- the secure CRT ----------------------------------------------------------------------------

void fuzz_crt_conversion(Input& in) {
    const std::uint8_t c = in.byte();
    const std::size_t count = c < 64 ? _TRUNCATE : c < 250 ? c % 70u : in.u32();
    Buffer<char> narrow(small_size(in));
    Buffer<wchar_t> wide(small_size(in));
    std::size_t returned = 12345;
    if (in.flag()) {
        const std::wstring source = wide_text(in);
        const bool null_dest = in.byte() < 16;
        const errno_t e = wcstombs_s(in.flag() ? &returned : nullptr, null_dest ? nullptr : narrow.get(),
                                     null_dest ? 0 : narrow.size, in.byte() < 8 ? nullptr : source.c_str(), count);
        if (e == 0 && !null_dest && returned != 12345) {
            EXPECT(returned >= 1 && returned <= narrow.size);
            EXPECT(narrow.terminated_length() == returned - 1);
        }
        narrow.check_canary();
    } else {
        const std::string source = narrow_text(in);
        const bool null_dest = in.byte() < 16;
        const errno_t e = mbstowcs_s(in.flag() ? &returned : nullptr, null_dest ? nullptr : wide.get(),
                                     null_dest ? 0 : wide.size, in.byte() < 8 ? nullptr : source.c_str(), count);
        if (e == 0 && !null_dest && returned != 12345) {
            EXPECT(returned >= 1 && returned <= wide.size);
            EXPECT(wide.terminated_length() == returned - 1);
        }
        wide.check_canary();
    }
}

// The destination's earlier content: fuzzed, NUL-terminated within the size or not at all.
template <class Char>
void prefill(Input& in, Buffer<Char>& buffer) {
    const std::size_t n = in.byte();
    for (std::size_t i = 0; i < buffer.size; ++i)
        buffer.data[i] = i < n ? static_cast<Char>('a' + static_cast<int>(i % 26)) : Char(0);
}

template <class Char>
std::basic_string<Char> source_text(Input& in);
template <>
std::string source_text<char>(Input& in) { return narrow_text(in); }
template <>
std::wstring source_text<wchar_t>(Input& in) { return wide_text(in); }

void copy_ops(char* d, std::size_t s, const char* src, std::size_t n, int op, errno_t& e) {
    switch (op) {
        case 0: e = strcpy_s(d, s, src); break;
        case 1: e = strncpy_s(d, s, src, n); break;
        case 2: e = strcat_s(d, s, src); break;
        case 3: e = strncat_s(d, s, src, n); break;
        case 4: e = _strlwr_s(d, s); break;
        default: e = _strupr_s(d, s); break;
    }
}
void copy_ops(wchar_t* d, std::size_t s, const wchar_t* src, std::size_t n, int op, errno_t& e) {
    switch (op) {
        case 0: e = wcscpy_s(d, s, src); break;
        case 1: e = wcsncpy_s(d, s, src, n); break;
        case 2: e = wcscat_s(d, s, src); break;
        case 3: e = wcsncat_s(d, s, src, n); break;
        case 4: e = _wcslwr_s(d, s); break;
        default: e = _wcsupr_s(d, s); break;
    }
}

template <class Char>
void fuzz_crt_copy(Input& in) {
    Buffer<Char> dest(small_size(in));
    prefill(in, dest);
    const std::basic_string<Char> text = source_text<Char>(in);
    // The source exactly as long as it is, so that reading past its NUL is caught.
    std::vector<Char> source(text.begin(), text.end());
    source.push_back(Char(0));
    const std::uint8_t c = in.byte();
    const std::size_t count = c < 40 ? _TRUNCATE : c < 250 ? c % 50u : in.u32();
    const int op = in.byte() % 6;
    const std::uint8_t nulls = in.byte();
    Char* d = nulls == 1 ? nullptr : dest.get();
    const Char* src = nulls == 2 ? nullptr : source.data();
    errno_t e = -1;
    copy_ops(d, d ? dest.size : (in.flag() ? 0 : 5), src, count, op, e);
    if (e == 0 && d) EXPECT(dest.terminated_length() < dest.size);
    if (e == STRUNCATE) EXPECT(dest.terminated_length() < dest.size);
    if (e != 0 && e != STRUNCATE && d && dest.size > 0 && op < 4) EXPECT(dest.data[0] == Char(0));
    dest.check_canary();
}

// ---- strsafe -----------------------------------------------------------------------------------

std::size_t cch(Input& in) {
    const std::uint8_t b = in.byte();
    if (b < 220) return b % 48u;
    if (b < 240) return STRSAFE_MAX_CCH + 1u + (b % 3u);  // past the limit: refused before any write
    return STRSAFE_MAX_CCH + 1u + (static_cast<std::size_t>(in.u32()) << 8);
}

template <class Char>
void fuzz_strsafe(Input& in) {
    std::size_t cch_dest = cch(in);
    const bool huge = cch_dest > STRSAFE_MAX_CCH;
    Buffer<Char> dest(huge ? 48 : cch_dest);
    prefill(in, dest);
    const std::basic_string<Char> text = source_text<Char>(in);
    // Either a terminated source, or (for the N functions and Length) one with no NUL, read
    // only within the count given.
    const bool terminated = in.byte() >= 64;
    std::vector<Char> source(text.begin(), text.end());
    if (terminated || source.empty()) source.push_back(Char(0));
    std::size_t n = cch(in);
    if (!terminated && n > source.size()) n = source.size();
    const int op = in.byte() % 7;
    const bool null_dest = in.byte() < 6;
    Char* d = null_dest ? nullptr : dest.get();
    const Char* s = source.data();
    HRESULT hr = E_FAIL;
    if (!terminated && (op == 0 || op == 1 || op == 4)) return;  // these read to the NUL
    std::size_t length = 12345;
    const bool narrow = sizeof(Char) == 1;
    bool ignore_nulls = false;
    switch (op) {
        case 0:
            hr = narrow ? StringCchCopyA(reinterpret_cast<char*>(d), cch_dest, reinterpret_cast<const char*>(s))
                        : StringCchCopyW(reinterpret_cast<wchar_t*>(d), cch_dest, reinterpret_cast<const wchar_t*>(s));
            break;
        case 1:
            hr = narrow ? StringCchCatA(reinterpret_cast<char*>(d), cch_dest, reinterpret_cast<const char*>(s))
                        : StringCchCatW(reinterpret_cast<wchar_t*>(d), cch_dest, reinterpret_cast<const wchar_t*>(s));
            break;
        case 2:
            hr = narrow ? StringCchCopyNA(reinterpret_cast<char*>(d), cch_dest, reinterpret_cast<const char*>(s), n)
                        : StringCchCopyNW(reinterpret_cast<wchar_t*>(d), cch_dest, reinterpret_cast<const wchar_t*>(s), n);
            break;
        case 3:
            hr = narrow ? StringCchCatNA(reinterpret_cast<char*>(d), cch_dest, reinterpret_cast<const char*>(s), n)
                        : StringCchCatNW(reinterpret_cast<wchar_t*>(d), cch_dest, reinterpret_cast<const wchar_t*>(s), n);
            break;
        case 4: {
            Char* end = nullptr;
            std::size_t remaining = 999;
            const DWORD flags = in.u16() & 0x1FFFu;
            ignore_nulls = (flags & STRSAFE_IGNORE_NULLS) != 0;
            hr = narrow ? StringCchCopyExA(reinterpret_cast<char*>(d), cch_dest, reinterpret_cast<const char*>(s),
                                           reinterpret_cast<char**>(&end), &remaining, flags)
                        : StringCchCopyExW(reinterpret_cast<wchar_t*>(d), cch_dest, reinterpret_cast<const wchar_t*>(s),
                                           reinterpret_cast<wchar_t**>(&end), &remaining, flags);
            if (SUCCEEDED(hr) && d && !huge && dest.size > 0) {
                EXPECT(end >= d && end < d + dest.size && *end == Char(0));
                EXPECT(remaining == dest.size - static_cast<std::size_t>(end - d));
            }
            break;
        }
        default: {
            const std::size_t max = terminated ? cch(in) : n;
            hr = narrow ? StringCchLengthA(reinterpret_cast<const char*>(s), max, &length)
                        : StringCchLengthW(reinterpret_cast<const wchar_t*>(s), max, &length);
            if (hr == S_OK) EXPECT(length < max && s[length] == Char(0));
            dest.check_canary();
            return;
        }
    }
    if (huge || ((cch_dest == 0 || null_dest) && !ignore_nulls)) {
        EXPECT(FAILED(hr));
    } else if ((hr == S_OK || hr == STRSAFE_E_INSUFFICIENT_BUFFER) && d && dest.size > 0) {
        EXPECT(dest.terminated_length() < dest.size);
    }
    dest.check_canary();
}

// ---- environment -------------------------------------------------------------------------------

std::string env_name(Input& in) {
    static const char* const names[] = {"PATH", "SystemRoot", "windir", "TEMP", "X", "x", "", "=C:",
                                        "A=B", "APP_POOL_ID", "%", "EMPTY"};
    const std::uint8_t b = in.byte();
    return b < 200 ? names[b % (sizeof names / sizeof names[0])] : narrow_text(in);
}

void fuzz_environment(Input& in) {
    switch (in.byte() % 6) {
        case 0: {
            const std::string name = env_name(in);
            const std::string value = narrow_text(in);
            SetEnvironmentVariableA(name.c_str(), in.byte() < 30 ? nullptr : value.c_str());
            break;
        }
        case 1: {
            const std::wstring name = wide_text(in);
            const std::wstring value = wide_text(in);
            SetEnvironmentVariableW(name.c_str(), value.c_str());
            break;
        }
        case 2: {
            const std::string name = env_name(in);
            Buffer<char> out(small_size(in));
            const DWORD n = GetEnvironmentVariableA(name.c_str(), out.size ? out.get() : (in.flag() ? nullptr : out.get()),
                                                    static_cast<DWORD>(out.size));
            if (n > 0 && n < out.size) EXPECT(out.terminated_length() == n);
            out.check_canary();
            break;
        }
        case 3: {
            const std::wstring name = wide_text(in);
            Buffer<wchar_t> out(small_size(in));
            const DWORD n = GetEnvironmentVariableW(name.c_str(), out.get(), static_cast<DWORD>(out.size));
            if (n > 0 && n < out.size) EXPECT(out.terminated_length() == n);
            out.check_canary();
            break;
        }
        case 4: {
            std::string text = narrow_text(in);
            for (char& c : text)
                if (static_cast<unsigned char>(c) % 5 == 0) c = '%';
            Buffer<char> out(small_size(in));
            const DWORD n = ExpandEnvironmentStringsA(text.c_str(), out.size ? out.get() : nullptr,
                                                      static_cast<DWORD>(out.size));
            if (n > 0 && n <= out.size) EXPECT(out.terminated_length() == n - 1);
            out.check_canary();
            break;
        }
        default: {
            std::wstring text = wide_text(in);
            for (wchar_t& c : text)
                if (static_cast<unsigned>(c) % 5 == 0) c = L'%';
            Buffer<wchar_t> out(small_size(in));
            const DWORD n = ExpandEnvironmentStringsW(text.c_str(), out.get(), static_cast<DWORD>(out.size));
            if (n > 0 && n <= out.size) EXPECT(out.terminated_length() == n - 1);
            out.check_canary();
            break;
        }
    }
}

// ---- GUIDs -------------------------------------------------------------------------------------

void fuzz_guid(Input& in) {
    std::wstring text;
    if (in.flag()) {
        text = L"{00112233-4455-6677-8899-AABBCCDDEEFF}";
        const int edits = in.byte() % 4;
        for (int i = 0; i < edits; ++i) {
            const std::size_t at = in.byte() % (text.size() + 1);
            const std::uint8_t what = in.byte();
            if (what < 100 && at < text.size())
                text[at] = static_cast<wchar_t>(in.byte() == 0 ? 'x' : in.byte());
            else if (what < 180 && at < text.size())
                text.erase(at, 1);
            else
                text.insert(at, 1, static_cast<wchar_t>(what));
        }
    } else {
        text = wide_text(in);
    }
    CLSID clsid;
    std::memset(&clsid, 0, sizeof clsid);
    const HRESULT hr = in.flag() ? CLSIDFromString(in.byte() < 4 ? nullptr : text.c_str(), &clsid)
                                 : IIDFromString(text.c_str(), &clsid);
    if (hr == S_OK) {
        LPOLESTR back = nullptr;
        EXPECT(StringFromCLSID(clsid, &back) == S_OK && back != nullptr);
        CLSID again;
        EXPECT(CLSIDFromString(back, &again) == S_OK && IsEqualGUID(clsid, again));
        CoTaskMemFree(back);
    }
}

// ---- VARIANT -----------------------------------------------------------------------------------

const VARTYPE numeric_types[] = {VT_I1, VT_I2, VT_I4, VT_I8, VT_UI1, VT_UI2, VT_UI4, VT_UI8, VT_INT,
                                 VT_UINT, VT_R4, VT_R8, VT_CY, VT_BOOL, VT_DATE, VT_DECIMAL, VT_BSTR,
                                 VT_EMPTY, VT_NULL, VT_ERROR};

USHORT variant_flags(Input& in) {
    const std::uint8_t b = in.byte();
    return b < 100 ? 0 : b < 150 ? VARIANT_ALPHABOOL : b < 180 ? VARIANT_NOVALUEPROP : b < 200 ? VARIANT_LOCALBOOL
                                                                                              : in.u16();
}

// A VARIANT of a numeric type with a fuzzed bit pattern (NaN, infinities, huge values included).
void numeric_variant(Input& in, VARIANT& v) {
    VariantInit(&v);
    const VARTYPE type = numeric_types[in.byte() % 16];
    if (type == VT_BSTR) {
        const std::wstring text = numberish(in);
        v.vt = VT_BSTR;
        v.bstrVal = SysAllocStringLen(text.c_str(), static_cast<UINT>(text.size()));
        return;
    }
    const std::uint64_t bits = (static_cast<std::uint64_t>(in.u32()) << 32) | in.u32();
    v.vt = type;
    switch (type) {
        case VT_R4: {
            float f;
            const std::uint32_t low = static_cast<std::uint32_t>(bits);
            std::memcpy(&f, &low, sizeof f);
            v.fltVal = f;
            break;
        }
        case VT_R8:
        case VT_DATE: {
            double d;
            std::memcpy(&d, &bits, sizeof d);
            if (type == VT_R8) v.dblVal = d; else v.date = d;
            break;
        }
        case VT_BOOL:
            v.boolVal = static_cast<VARIANT_BOOL>(bits & 1 ? VARIANT_TRUE : (bits & 2 ? VARIANT_FALSE : static_cast<VARIANT_BOOL>(bits)));
            break;
        case VT_DECIMAL: {
            DECIMAL dec;
            std::memset(&dec, 0, sizeof dec);
            dec.scale = static_cast<BYTE>(bits % 40);
            dec.sign = static_cast<BYTE>(bits & 0x80 ? 0x80 : 0);
            dec.Hi32 = static_cast<ULONG>(bits >> 40);
            dec.Lo64 = bits * 0x9E3779B97F4A7C15ull;
            v.decVal = dec;
            v.vt = VT_DECIMAL;
            break;
        }
        default:
            std::memcpy(&v.llVal, &bits, sizeof bits);  // the whole 8-byte value slot
            break;
    }
}

void fuzz_variant(Input& in) {
    VARIANT source;
    if (in.byte() < 128) {
        VariantInit(&source);
        const std::wstring text = in.flag() ? numberish(in) : wide_text(in);
        source.vt = VT_BSTR;
        source.bstrVal = SysAllocStringLen(text.c_str(), static_cast<UINT>(text.size()));
    } else {
        numeric_variant(in, source);
    }
    const USHORT flags = variant_flags(in);
    const VARTYPE target = numeric_types[in.byte() % (sizeof numeric_types / sizeof numeric_types[0])];
    VARIANT dest;
    VariantInit(&dest);
    const HRESULT hr = VariantChangeType(&dest, &source, flags, target);
    if (SUCCEEDED(hr)) {
        EXPECT(dest.vt == target);
        VARIANT text;
        VariantInit(&text);
        if (SUCCEEDED(VariantChangeType(&text, &dest, flags, VT_BSTR))) {
            EXPECT(text.vt == VT_BSTR);
            VARIANT again;
            VariantInit(&again);
            static_cast<void>(VariantChangeType(&again, &text, flags, target));
            VariantClear(&again);
        }
        VariantClear(&text);
    } else {
        EXPECT(dest.vt == VT_EMPTY);
    }
    // In place, as module code often does.
    if (in.flag()) static_cast<void>(VariantChangeType(&source, &source, flags, target));
    VariantClear(&dest);
    VariantClear(&source);
}

// ---- winsock -----------------------------------------------------------------------------------

void fuzz_winsock(Input& in) {
    static const INT families[] = {AF_INET, AF_INET6, AF_UNSPEC, 2, 10, 23, -1};
    const INT family = families[in.byte() % (sizeof families / sizeof families[0])];
    unsigned char address[32];
    std::memset(address, 0xEE, sizeof address);
    switch (in.byte() % 5) {
        case 0: {
            std::string text = narrow_text(in);
            if (in.flag()) {  // mostly address characters
                static const char alphabet[] = "0123456789abcdefABCDEF:.%";
                for (char& c : text) c = alphabet[static_cast<unsigned char>(c) % (sizeof alphabet - 1)];
            }
            const INT r = inet_pton(family, in.byte() < 4 ? nullptr : text.c_str(), address);
            if (r == 1) {
                char back[64];
                const PCSTR p = inet_ntop(family, address, back, sizeof back);
                EXPECT(p == back);
                unsigned char again[32];
                EXPECT(inet_pton(family, back, again) == 1);
                EXPECT(std::memcmp(again, address, family == AF_INET ? 4 : 16) == 0);
            }
            static_cast<void>(inet_addr(text.c_str()));
            break;
        }
        case 1: {
            const std::wstring text = wide_text(in);
            static_cast<void>(InetPtonW(family, text.c_str(), address));
            break;
        }
        case 2: {
            for (unsigned char& b : address) b = in.byte();
            Buffer<char> out(small_size(in));
            const PCSTR p = inet_ntop(family, address, out.size ? out.get() : (in.flag() ? nullptr : out.get()), out.size);
            if (p) EXPECT(p == out.get() && out.terminated_length() < out.size);
            out.check_canary();
            Buffer<wchar_t> wide(small_size(in));
            const PCWSTR w = InetNtopW(family, address, wide.get(), wide.size);
            if (w) EXPECT(wide.terminated_length() < wide.size);
            wide.check_canary();
            break;
        }
        default: {
            unsigned char storage[sizeof(SOCKADDR_IN6) + 16];
            for (unsigned char& b : storage) b = in.byte();
            if (in.flag()) {
                const USHORT f = static_cast<USHORT>(in.flag() ? AF_INET : AF_INET6);
                std::memcpy(storage, &f, sizeof f);  // sa_family leads on Windows
            }
            const socklen_t length = static_cast<socklen_t>(in.byte() % (sizeof storage + 1));
            Buffer<char> host(small_size(in));
            Buffer<char> service(small_size(in) % 12);
            const INT flags = static_cast<INT>(in.byte());
            SOCKADDR* sa = reinterpret_cast<SOCKADDR*>(storage);
            const INT r = getnameinfo(sa, length, host.size ? host.get() : nullptr, static_cast<DWORD>(host.size),
                                      service.size ? service.get() : nullptr, static_cast<DWORD>(service.size), flags);
            if (r == 0) {
                if (host.size) EXPECT(host.terminated_length() < host.size);
                if (service.size) EXPECT(service.terminated_length() < service.size);
            }
            host.check_canary();
            service.check_canary();
            Buffer<wchar_t> whost(small_size(in));
            static_cast<void>(GetNameInfoW(sa, length, whost.size ? whost.get() : nullptr,
                                           static_cast<DWORD>(whost.size), nullptr, 0, flags));
            whost.check_canary();
            break;
        }
    }
}

// ---- integers to text --------------------------------------------------------------------------

void fuzz_integer_text(Input& in) {
    const std::uint64_t bits = (static_cast<std::uint64_t>(in.u32()) << 32) | in.u32();
    const std::uint8_t r = in.byte();
    const int radix = r < 200 ? 2 + r % 35 : static_cast<int>(static_cast<std::int8_t>(in.byte()));
    const bool wide = in.flag();
    Buffer<char> narrow(small_size(in) % 80);
    Buffer<wchar_t> wbuf(narrow.size);
    std::int64_t s64;
    std::memcpy(&s64, &bits, sizeof s64);
    const int s32 = static_cast<int>(static_cast<std::int32_t>(static_cast<std::uint32_t>(bits)));
    errno_t e;
    char* nd = narrow.size == 0 && in.flag() ? nullptr : narrow.get();
    wchar_t* wd = wbuf.size == 0 && in.flag() ? nullptr : wbuf.get();
    switch (in.byte() % 6) {
        case 0: e = wide ? _itow_s(s32, wd, wbuf.size, radix) : _itoa_s(s32, nd, narrow.size, radix); break;
        case 1: e = wide ? _ltow_s(static_cast<long>(s32), wd, wbuf.size, radix) : _ltoa_s(static_cast<long>(s32), nd, narrow.size, radix); break;
        case 2: e = wide ? _i64tow_s(s64, wd, wbuf.size, radix) : _i64toa_s(s64, nd, narrow.size, radix); break;
        case 3: e = wide ? _ultow_s(static_cast<unsigned long>(bits), wd, wbuf.size, radix) : _ultoa_s(static_cast<unsigned long>(bits), nd, narrow.size, radix); break;
        case 4: e = wide ? _ui64tow_s(bits, wd, wbuf.size, radix) : _ui64toa_s(bits, nd, narrow.size, radix); break;
        default: {
            char big[72];
            std::memset(big, 'z', sizeof big);
            _i64toa(s64, big, radix);
            EXPECT(std::memchr(big, 0, sizeof big) != nullptr);
            e = -1;
            break;
        }
    }
    if (e == 0) {
        if (wide && wd && wbuf.size) EXPECT(wbuf.terminated_length() < wbuf.size);
        if (!wide && nd && narrow.size) EXPECT(narrow.terminated_length() < narrow.size);
    }
    narrow.check_canary();
    wbuf.check_canary();
}

// ---- _bstr_t, _variant_t -----------------------------------------------------------------------

template <class T>
void extract(const _variant_t& v) {
    try {
        static_cast<void>(static_cast<T>(v));
    } catch (const _com_error&) {
    }
}

void fuzz_comdef(Input& in) {
    const std::string narrow = narrow_text(in);
    const std::wstring wide = in.flag() ? numberish(in) : wide_text(in);
    _bstr_t a(narrow.c_str());
    _bstr_t b(wide.c_str());
    EXPECT(a.length() == static_cast<unsigned>(std::wcslen(static_cast<const wchar_t*>(a) ? static_cast<const wchar_t*>(a) : L"")));
    const char* as_narrow = static_cast<const char*>(b);
    if (as_narrow) EXPECT(std::strlen(as_narrow) <= 4 * b.length());
    _bstr_t joined = a + b;
    EXPECT(joined.length() == a.length() + b.length());
    BSTR copy = joined.copy();
    SysFreeString(copy);
    _variant_t v(in.flag() ? static_cast<const wchar_t*>(b) : L"");
    if (in.flag()) v = _variant_t(narrow.c_str());
    if (in.byte() < 60) {
        double d;
        const std::uint64_t bits = (static_cast<std::uint64_t>(in.u32()) << 32) | in.u32();
        std::memcpy(&d, &bits, sizeof d);
        v = _variant_t(d);
    }
    switch (in.byte() % 12) {
        case 0: extract<short>(v); break;
        case 1: extract<long>(v); break;
        case 2: extract<float>(v); break;
        case 3: extract<double>(v); break;
        case 4: extract<bool>(v); break;
        case 5: extract<BYTE>(v); break;
        case 6: extract<char>(v); break;
        case 7: extract<unsigned short>(v); break;
        case 8: extract<unsigned long>(v); break;
        case 9: extract<int>(v); break;
        case 10: extract<long long>(v); break;
        default: extract<unsigned long long>(v); break;
    }
    try {
        _bstr_t back(v);
        static_cast<void>(static_cast<const char*>(back));
    } catch (const _com_error&) {
    }
}

// ---- CString -----------------------------------------------------------------------------------

int index(Input& in) {
    const std::uint8_t b = in.byte();
    if (b < 200) return static_cast<int>(b % 40) - 4;
    if (b < 230) return std::numeric_limits<int>::max() - static_cast<int>(b % 3);
    return static_cast<int>(in.u32());
}

void fuzz_cstring(Input& in) {
    const std::string text = narrow_text(in);
    CStringA s(text.c_str());
    const int ops = in.byte() % 8;
    for (int i = 0; i < ops && !in.empty(); ++i) {
        const int length = s.GetLength();
        switch (in.byte() % 14) {
            case 0: {
                const int at = s.Find(static_cast<char>(in.byte()), index(in));
                EXPECT(at >= -1 && at < length);
                break;
            }
            case 1: {
                const std::string sub = narrow_text(in);
                const int at = s.Find(sub.c_str(), index(in));
                EXPECT(at >= -1 && at <= length);
                break;
            }
            case 2: {
                const int first = index(in);
                const int count = index(in);
                const CStringA mid = s.Mid(first, count);
                EXPECT(mid.GetLength() <= length);
                if (count >= 0) EXPECT(mid.GetLength() <= count);
                break;
            }
            case 3: EXPECT(s.Left(index(in)).GetLength() <= length); break;
            case 4: EXPECT(s.Right(index(in)).GetLength() <= length); break;
            case 5: {
                const std::string tokens = narrow_text(in);
                int start = index(in);
                for (int guard = 0; guard <= length + 2; ++guard) {
                    const int before = start;
                    const CStringA token = s.Tokenize(in.flag() ? tokens.c_str() : nullptr, start);
                    EXPECT(token.GetLength() <= length);
                    if (start < 0) break;
                    EXPECT(start > before || (start == length && token.GetLength() == 0) || start == length);
                    if (start == before) break;
                }
                break;
            }
            case 6: {
                const std::string from = narrow_text(in);
                const std::string to = narrow_text(in);
                static_cast<void>(s.Replace(from.c_str(), to.c_str()));
                if (s.GetLength() > 100000) s = "";
                break;
            }
            case 7: static_cast<void>(s.GetAt(index(in))); break;
            case 8: s.SetAt(index(in), static_cast<char>(in.byte() | 1)); break;
            case 9: static_cast<void>(s.Insert(index(in), static_cast<char>(in.byte() | 1))); break;
            case 10: {
                const int at = index(in);
                static_cast<void>(s.Delete(at, index(in)));
                break;
            }
            case 11: s.Truncate(index(in)); break;
            case 12: {
                const int want = index(in) % 200;
                char* buffer = s.GetBuffer(want);
                const int room = want > length ? want : length;
                if (room > 0) buffer[room - 1] = 'q';
                s.ReleaseBuffer(index(in) % 300);
                break;
            }
            default: {
                const CStringW wide(s);  // through the UTF-8 codec, invalid sequences included
                const CStringA back(wide);
                static_cast<void>(back.GetLength());
                break;
            }
        }
        EXPECT(s.GetString()[s.GetLength()] == '\0');
    }
}

// ---- time --------------------------------------------------------------------------------------

void fuzz_time(Input& in) {
    if (in.flag()) {
        FILETIME ft;
        ft.dwLowDateTime = in.u32();
        ft.dwHighDateTime = in.u32();
        SYSTEMTIME st;
        // The largest FILETIMEs reach into 30828, past SystemTimeToFileTime's documented range.
        if (FileTimeToSystemTime(&ft, &st) && st.wYear <= 30827) {
            FILETIME back;
            EXPECT(SystemTimeToFileTime(&st, &back));
            // Whole milliseconds survive the trip.
            const std::uint64_t a = (static_cast<std::uint64_t>(ft.dwHighDateTime) << 32) | ft.dwLowDateTime;
            const std::uint64_t b = (static_cast<std::uint64_t>(back.dwHighDateTime) << 32) | back.dwLowDateTime;
            EXPECT(a - a % 10000 == b);
        }
        FILETIME local;
        if (FileTimeToLocalFileTime(&ft, &local)) {
            FILETIME again;
            static_cast<void>(LocalFileTimeToFileTime(&local, &again));
        }
        FILETIME other;
        other.dwLowDateTime = in.u32();
        other.dwHighDateTime = in.u32();
        const LONG c = CompareFileTime(&ft, &other);
        EXPECT(c >= -1 && c <= 1);
    } else {
        SYSTEMTIME st;
        st.wYear = in.u16();
        st.wMonth = in.u16() % 16;
        st.wDayOfWeek = in.u16();
        st.wDay = in.u16() % 34;
        st.wHour = in.u16() % 26;
        st.wMinute = in.u16() % 62;
        st.wSecond = in.u16() % 62;
        st.wMilliseconds = in.u16() % 1002;
        if (in.flag()) {
            st.wYear = in.u16();
            st.wMonth = in.u16();
            st.wDay = in.u16();
            st.wHour = in.u16();
        }
        FILETIME ft;
        if (SystemTimeToFileTime(&st, &ft)) {
            SYSTEMTIME back;
            EXPECT(FileTimeToSystemTime(&ft, &back));
            EXPECT(back.wYear == st.wYear && back.wMonth == st.wMonth && back.wDay == st.wDay &&
                   back.wHour == st.wHour && back.wMinute == st.wMinute &&
                   back.wSecond == st.wSecond && back.wMilliseconds == st.wMilliseconds);
        }
    }
}

// ---- event log ---------------------------------------------------------------------------------

void fuzz_event_log(Input& in) {
    const std::string source = narrow_text(in);
    HANDLE handle = RegisterEventSourceA(nullptr, source.c_str());
    if (in.byte() < 10) {
        DeregisterEventSource(handle);  // then report through the stale handle
    }
    std::vector<std::string> narrow(8);
    std::vector<std::wstring> wide(8);
    LPCSTR strings[8];
    LPCWSTR wstrings[8];
    for (int i = 0; i < 8; ++i) {
        narrow[static_cast<std::size_t>(i)] = narrow_text(in);
        wide[static_cast<std::size_t>(i)] = wide_text(in);
        const bool null = in.byte() < 8;
        strings[i] = null ? nullptr : narrow[static_cast<std::size_t>(i)].c_str();
        wstrings[i] = null ? nullptr : wide[static_cast<std::size_t>(i)].c_str();
    }
    const WORD count = static_cast<WORD>(in.byte() % 9);  // never more than the array holds
    unsigned char data[16];
    std::memset(data, 0x5A, sizeof data);
    const DWORD data_size = in.byte() % 17;
    const bool null_array = in.byte() < 10;
    const bool null_data = in.byte() < 10;
    if (in.flag()) {
        static_cast<void>(ReportEventA(handle, in.u16(), in.u16(), in.u32(), nullptr, count, data_size,
                                       null_array ? nullptr : strings, null_data ? nullptr : data));
    } else {
        static_cast<void>(ReportEventW(handle, in.u16(), in.u16(), in.u32(), nullptr, count, data_size,
                                       null_array ? nullptr : wstrings, null_data ? nullptr : data));
    }
    DeregisterEventSource(handle);
}

// ---- FormatMessage -----------------------------------------------------------------------------

// FORMAT_MESSAGE_FROM_STRING with an argument array: every insert %1..%99 has a slot, each a
// pointer to wide storage that reads as a terminated string at either width.
void fuzz_format_message(Input& in) {
    static const wchar_t storage[] = {L'a', L'b', L'\0', L'\0'};
    DWORD_PTR slots[99];
    for (DWORD_PTR& slot : slots) slot = reinterpret_cast<DWORD_PTR>(storage);
    DWORD flags = FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY;
    const std::uint8_t f = in.byte();
    if (f & 1) flags |= FORMAT_MESSAGE_IGNORE_INSERTS;
    if (f & 2) flags |= FORMAT_MESSAGE_MAX_WIDTH_MASK;
    if (f & 4) flags |= f & 0xF0u;  // a line width
    const bool allocate = (f & 8) != 0;
    if (allocate) flags |= FORMAT_MESSAGE_ALLOCATE_BUFFER;
    va_list* arguments = reinterpret_cast<va_list*>(slots);
    if (in.flag()) {
        std::string text = narrow_text(in);
        for (char& c : text) {  // bytes past ASCII become insert syntax
            const unsigned char u = static_cast<unsigned char>(c);
            if (u >= 0x80) c = "%!1234567890sSdxXuclhI.-#*n"[u % 27];
        }
        if (allocate) {
            LPSTR block = nullptr;
            const DWORD n = FormatMessageA(flags, text.c_str(), 0, 0, reinterpret_cast<LPSTR>(&block),
                                           in.byte(), arguments);
            if (n > 0) EXPECT(block != nullptr && std::strlen(block) == n);
            if (block) LocalFree(block);
        } else {
            Buffer<char> out(small_size(in));
            const DWORD n = FormatMessageA(flags, text.c_str(), 0, 0, out.get(),
                                           static_cast<DWORD>(out.size), arguments);
            if (n > 0) EXPECT(n < out.size && out.terminated_length() == n);
            out.check_canary();
        }
    } else {
        flags &= ~static_cast<DWORD>(FORMAT_MESSAGE_ALLOCATE_BUFFER);
        std::wstring text = wide_text(in);
        for (wchar_t& c : text) {
            const unsigned u = static_cast<unsigned>(c);
            if (u >= 0x80 && u < 0x200) c = L"%!1234567890sSdxXuclhI.-#*n"[u % 27];
        }
        Buffer<wchar_t> out(small_size(in));
        const DWORD n = FormatMessageW(flags, text.c_str(), 0, 0, out.get(),
                                       static_cast<DWORD>(out.size), arguments);
        if (n > 0) EXPECT(n < out.size && out.terminated_length() == n);
        out.check_canary();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    _set_invalid_parameter_handler(returning_handler);
    Input in(data, size);
    for (int step = 0; step < 32 && !in.empty(); ++step) {
        switch (in.byte() % 18) {
            case 0: fuzz_printf<char>(in); break;
            case 1: fuzz_printf<wchar_t>(in); break;
            case 2: fuzz_multibyte_to_wide(in); break;
            case 3: fuzz_wide_to_multibyte(in); break;
            case 4: fuzz_crt_conversion(in); break;
            case 5: fuzz_crt_copy<char>(in); break;
            case 6: fuzz_crt_copy<wchar_t>(in); break;
            case 7: fuzz_strsafe<char>(in); break;
            case 8: fuzz_strsafe<wchar_t>(in); break;
            case 9: fuzz_environment(in); break;
            case 10: fuzz_guid(in); break;
            case 11: fuzz_variant(in); break;
            case 12: fuzz_winsock(in); break;
            case 13: fuzz_integer_text(in); break;
            case 14: fuzz_comdef(in); break;
            case 15: fuzz_cstring(in); break;
            case 16: fuzz_format_message(in); break;
            default: in.flag() ? fuzz_time(in) : fuzz_event_log(in); break;
        }
    }
    // Nothing carries over to the next input.
    iisfake::win32::clear_invalid_parameters();
    iisfake::win32::clear_event_log();
    iisfake::win32::reset_environment();
    return 0;
}
