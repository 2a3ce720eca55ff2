// Pins the Windows/http.h constants and macros module code compares against (spec §3.1, §3.3,
// §3.5, §3.6, §3.7; traps T-19, T-24): every HRESULT and Win32 code and its HRESULT form,
// SUCCEEDED/FAILED, HRESULT_CODE/FACILITY, TRUE/FALSE, HTTP_VERB, HTTP_HEADER_ID, the flag bits,
// the HTTP_VERSION macros, and the annotations that must vanish.
#include <cstdint>
#include <cstring>
#include <type_traits>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

#define IISFAKE_TEST_STR2(...) #__VA_ARGS__
#define IISFAKE_TEST_STR(...) IISFAKE_TEST_STR2(__VA_ARGS__)
// True when the argument expands to no tokens at all.
#define IISFAKE_TEST_EXPANDS_TO_NOTHING(...) (sizeof(IISFAKE_TEST_STR(__VA_ARGS__)) == 1)

namespace {

struct Code {
    const char* name;
    long long value;        // the macro's value
    long long expected;     // the spec's value
    std::uint32_t as_hresult;  // HRESULT_FROM_WIN32(value), as the spec computes it
};

#define IISFAKE_TEST_WIN32(name, value, hresult) \
    Code { #name, static_cast<long long>(name), value, hresult }

const Code win32_codes[] = {
    IISFAKE_TEST_WIN32(ERROR_SUCCESS, 0, 0x00000000u),
    IISFAKE_TEST_WIN32(NO_ERROR, 0, 0x00000000u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_FUNCTION, 1, 0x80070001u),
    IISFAKE_TEST_WIN32(ERROR_FILE_NOT_FOUND, 2, 0x80070002u),
    IISFAKE_TEST_WIN32(ERROR_ACCESS_DENIED, 5, 0x80070005u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_HANDLE, 6, 0x80070006u),
    IISFAKE_TEST_WIN32(ERROR_NOT_ENOUGH_MEMORY, 8, 0x80070008u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_DATA, 13, 0x8007000Du),
    IISFAKE_TEST_WIN32(ERROR_OUTOFMEMORY, 14, 0x8007000Eu),
    IISFAKE_TEST_WIN32(ERROR_HANDLE_EOF, 38, 0x80070026u),
    IISFAKE_TEST_WIN32(ERROR_NOT_SUPPORTED, 50, 0x80070032u),
    IISFAKE_TEST_WIN32(ERROR_NETNAME_DELETED, 64, 0x80070040u),
    IISFAKE_TEST_WIN32(ERROR_ALREADY_ASSIGNED, 85, 0x80070055u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_PARAMETER, 87, 0x80070057u),
    IISFAKE_TEST_WIN32(ERROR_BROKEN_PIPE, 109, 0x8007006Du),
    IISFAKE_TEST_WIN32(ERROR_INSUFFICIENT_BUFFER, 122, 0x8007007Au),
    IISFAKE_TEST_WIN32(ERROR_ALREADY_EXISTS, 183, 0x800700B7u),
    IISFAKE_TEST_WIN32(ERROR_NO_DATA, 232, 0x800700E8u),
    IISFAKE_TEST_WIN32(ERROR_MORE_DATA, 234, 0x800700EAu),
    IISFAKE_TEST_WIN32(ERROR_ARITHMETIC_OVERFLOW, 534, 0x80070216u),
    IISFAKE_TEST_WIN32(ERROR_OPERATION_ABORTED, 995, 0x800703E3u),
    IISFAKE_TEST_WIN32(ERROR_IO_INCOMPLETE, 996, 0x800703E4u),
    IISFAKE_TEST_WIN32(ERROR_IO_PENDING, 997, 0x800703E5u),
    IISFAKE_TEST_WIN32(ERROR_STACK_OVERFLOW, 1001, 0x800703E9u),
    IISFAKE_TEST_WIN32(ERROR_NOT_FOUND, 1168, 0x80070490u),
    IISFAKE_TEST_WIN32(ERROR_CANCELLED, 1223, 0x800704C7u),
    IISFAKE_TEST_WIN32(ERROR_GRACEFUL_DISCONNECT, 1226, 0x800704CAu),
    IISFAKE_TEST_WIN32(ERROR_CONNECTION_INVALID, 1229, 0x800704CDu),
    IISFAKE_TEST_WIN32(ERROR_CONNECTION_ABORTED, 1236, 0x800704D4u),
    IISFAKE_TEST_WIN32(ERROR_SERVER_SHUTDOWN_IN_PROGRESS, 1255, 0x800704E7u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_INDEX, 1413, 0x80070585u),
    IISFAKE_TEST_WIN32(ERROR_TIMEOUT, 1460, 0x800705B4u),
    IISFAKE_TEST_WIN32(ERROR_NOT_ENOUGH_QUOTA, 1816, 0x80070718u),
    IISFAKE_TEST_WIN32(ERROR_INVALID_STATE, 5023, 0x8007139Fu),
    IISFAKE_TEST_WIN32(WSAECONNRESET, 10054, 0x80072746u),
};

#undef IISFAKE_TEST_WIN32

struct HresultCode {
    const char* name;
    HRESULT value;
    std::uint32_t expected;
};

#define IISFAKE_TEST_HR(name, value) \
    HresultCode { #name, name, value }

const HresultCode hresult_codes[] = {
    IISFAKE_TEST_HR(S_OK, 0x00000000u),
    IISFAKE_TEST_HR(S_FALSE, 0x00000001u),
    IISFAKE_TEST_HR(E_NOTIMPL, 0x80004001u),
    IISFAKE_TEST_HR(E_NOINTERFACE, 0x80004002u),
    IISFAKE_TEST_HR(E_POINTER, 0x80004003u),
    IISFAKE_TEST_HR(E_ABORT, 0x80004004u),
    IISFAKE_TEST_HR(E_FAIL, 0x80004005u),
    IISFAKE_TEST_HR(E_PENDING, 0x8000000Au),
    IISFAKE_TEST_HR(E_UNEXPECTED, 0x8000FFFFu),
    IISFAKE_TEST_HR(E_ACCESSDENIED, 0x80070005u),
    IISFAKE_TEST_HR(E_HANDLE, 0x80070006u),
    IISFAKE_TEST_HR(E_OUTOFMEMORY, 0x8007000Eu),
    IISFAKE_TEST_HR(E_INVALIDARG, 0x80070057u),
    IISFAKE_TEST_HR(E_NOT_SUFFICIENT_BUFFER, 0x8007007Au),
};

#undef IISFAKE_TEST_HR

// A function declared with every annotation the SDK and module code use; it must compile.
HRESULT
annotated(IN _In_ PCSTR pszName, _In_opt_ PCSTR pszOptional, OUT _Out_ DWORD* pcbOut,
          _Out_opt_ DWORD* pcbOptional, _Inout_ DWORD* pdwInOut, _Inout_opt_ DWORD* pdwInOutOpt,
          _Outptr_ PCSTR* ppOut, _Outptr_opt_ PCSTR* ppOptional,
          _In_reads_(cch) PCWSTR pszWide, _In_reads_bytes_(cb) PCSTR pszBytes,
          _In_reads_bytes_opt_(cb) PCSTR pszBytesOpt, _Out_writes_(cch) WCHAR* pszOutWide,
          _Out_writes_all_(cch) WCHAR* pszAll, _Out_writes_bytes_all_(cb) VOID* pvAll,
          _Out_writes_bytes_to_opt_(cb, *pcbOut) VOID* pvTo, _In_range_(0, 10) DWORD cch,
          _In_opt_count_(cb) PCSTR pszCount, _In_ DWORD cb) {
    UNREFERENCED_PARAMETER(pszName);
    UNREFERENCED_PARAMETER(pszOptional);
    UNREFERENCED_PARAMETER(pcbOptional);
    UNREFERENCED_PARAMETER(pdwInOutOpt);
    UNREFERENCED_PARAMETER(ppOptional);
    UNREFERENCED_PARAMETER(pszWide);
    UNREFERENCED_PARAMETER(pszBytes);
    UNREFERENCED_PARAMETER(pszBytesOpt);
    UNREFERENCED_PARAMETER(pszOutWide);
    UNREFERENCED_PARAMETER(pszAll);
    UNREFERENCED_PARAMETER(pvAll);
    UNREFERENCED_PARAMETER(pvTo);
    UNREFERENCED_PARAMETER(pszCount);
    *pcbOut = cch + cb;
    *pdwInOut += 1;
    *ppOut = "done";
    return S_OK;
}

_Ret_writes_bytes_(*pcch) _Ret_opt_ PCSTR annotated_return(_Out_ USHORT* pcch) {
    *pcch = 2;
    return "ok";
}

_Ret_writes_(2) PCWSTR annotated_wide_return() { return L"ok"; }

VOID WINAPI annotated_winapi(_At_(*pdw, _Pre_readable_size_(1) _Post_readable_size_(1)) DWORD* pdw) {
    *pdw = 1;
}

VOID CALLBACK annotated_callback(
    _Outptr_result_buffer_(n) BYTE** ppBuffer, _Outptr_result_bytebuffer_(n) BYTE** ppBytes,
    _Outptr_result_bytebuffer_to_(n, m) BYTE** ppTo, _Outptr_opt_result_bytebuffer_(n) BYTE** ppOpt,
    _Post_writable_byte_size_(n) VOID* pv, DWORD n, DWORD m) {
    UNREFERENCED_PARAMETER(ppBuffer);
    UNREFERENCED_PARAMETER(ppBytes);
    UNREFERENCED_PARAMETER(ppTo);
    UNREFERENCED_PARAMETER(ppOpt);
    UNREFERENCED_PARAMETER(pv);
    UNREFERENCED_PARAMETER(n);
    UNREFERENCED_PARAMETER(m);
}

}  // namespace

TEST_CASE("T-24: Win32 codes and their HRESULT_FROM_WIN32 forms (§3.7)") {
    for (const Code& c : win32_codes) {
        INFO(c.name);
        CHECK(c.value == c.expected);
        CHECK(HRESULT_FROM_WIN32(static_cast<DWORD>(c.value)) == static_cast<HRESULT>(c.as_hresult));
    }
    // The spellings module code writes.
    CHECK(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) == static_cast<HRESULT>(0x80070026u));
    CHECK(HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED) == static_cast<HRESULT>(0x800703E3u));
    CHECK(HRESULT_FROM_WIN32(ERROR_SUCCESS) == S_OK);
    CHECK(HRESULT_FROM_WIN32(0) == S_OK);
}

TEST_CASE("T-24: HRESULT constants (§3.7)") {
    for (const HresultCode& c : hresult_codes) {
        INFO(c.name);
        CHECK(c.value == static_cast<HRESULT>(c.expected));
    }
    CHECK(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) == E_INVALIDARG);
    CHECK(HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED) == E_ACCESSDENIED);
    CHECK(HRESULT_FROM_WIN32(ERROR_INVALID_HANDLE) == E_HANDLE);
    CHECK(HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY) == E_OUTOFMEMORY);
    CHECK(HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) == E_NOT_SUFFICIENT_BUFFER);
    // ...but the other out-of-memory code is a different HRESULT.
    CHECK(HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY) != E_OUTOFMEMORY);
    CHECK(HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY) == static_cast<HRESULT>(0x80070008u));
}

TEST_CASE("T-24: HRESULT_FROM_WIN32 passes HRESULTs through and keeps only the low 16 bits") {
    CHECK(HRESULT_FROM_WIN32(static_cast<DWORD>(E_FAIL)) == E_FAIL);
    CHECK(HRESULT_FROM_WIN32(static_cast<DWORD>(E_INVALIDARG)) == E_INVALIDARG);
    const HRESULT eof = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
    CHECK(HRESULT_FROM_WIN32(static_cast<DWORD>(eof)) == eof);  // applying it twice is harmless
    CHECK(HRESULT_FROM_WIN32(0x00AB0026u) == static_cast<HRESULT>(0x80070026u));
    CHECK(MAKE_HRESULT(1, FACILITY_WIN32, ERROR_HANDLE_EOF) == eof);
    CHECK(MAKE_HRESULT(0, 0, 0) == S_OK);
}

TEST_CASE("T-24: SUCCEEDED/FAILED, raw Win32 codes count as success") {
    CHECK(SUCCEEDED(S_OK));
    CHECK(SUCCEEDED(S_FALSE));
    CHECK(FAILED(E_FAIL));
    CHECK_FALSE(SUCCEEDED(E_FAIL));
    CHECK(FAILED(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)));

    // ANCM assigns `hr = ERROR_CONNECTION_ABORTED;`: positive, hence SUCCEEDED. Keep it that way.
    HRESULT hr = ERROR_CONNECTION_ABORTED;
    CHECK(SUCCEEDED(hr));
    CHECK_FALSE(FAILED(hr));
    CHECK(SUCCEEDED(ERROR_CONNECTION_ABORTED));
    CHECK(SUCCEEDED(ERROR_INVALID_PARAMETER));
    CHECK_FALSE(FAILED(ERROR_HANDLE_EOF));
}

TEST_CASE("T-24: SUCCEEDED/FAILED read their argument as an HRESULT, as <winerror.h> does") {
    // Module code stores HRESULTs in DWORDs (completion status, logging). The SDK macros cast
    // their argument to HRESULT first, so a failure code held in a DWORD still FAILED.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wtautological-unsigned-zero-compare"
#pragma clang diagnostic ignored "-Wtype-limits"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wtype-limits"
#endif
    const DWORD stored = static_cast<DWORD>(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF));
    const bool failed = FAILED(stored);
    const bool succeeded = SUCCEEDED(stored);
#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    CHECK(failed);
    CHECK_FALSE(succeeded);
}

TEST_CASE("HRESULT_CODE, HRESULT_FACILITY, TRUE/FALSE (§3.1)") {
    CHECK(HRESULT_CODE(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) == ERROR_HANDLE_EOF);
    CHECK(HRESULT_CODE(E_INVALIDARG) == ERROR_INVALID_PARAMETER);
    CHECK(HRESULT_FACILITY(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF)) == FACILITY_WIN32);
    CHECK(HRESULT_FACILITY(E_FAIL) == 0);
    CHECK(FACILITY_WIN32 == 7);
    // The docs' sample masks hr & 0xFFFF to get the Win32 code back.
    const HRESULT hr = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED);
    CHECK((hr & 0xFFFF) == ERROR_CONNECTION_ABORTED);

    CHECK(TRUE == 1);
    CHECK(FALSE == 0);
    BOOL flag = TRUE;
    CHECK(flag == TRUE);
    flag = FALSE;
    CHECK_FALSE(flag);
}

TEST_CASE("HTTP_VERB values 0..20 (§3.3)") {
    struct Verb {
        const char* name;
        HTTP_VERB value;
        int expected;
    };
    const Verb verbs[] = {
        {"Unparsed", HttpVerbUnparsed, 0}, {"Unknown", HttpVerbUnknown, 1},
        {"Invalid", HttpVerbInvalid, 2},   {"OPTIONS", HttpVerbOPTIONS, 3},
        {"GET", HttpVerbGET, 4},           {"HEAD", HttpVerbHEAD, 5},
        {"POST", HttpVerbPOST, 6},         {"PUT", HttpVerbPUT, 7},
        {"DELETE", HttpVerbDELETE, 8},     {"TRACE", HttpVerbTRACE, 9},
        {"CONNECT", HttpVerbCONNECT, 10},  {"TRACK", HttpVerbTRACK, 11},
        {"MOVE", HttpVerbMOVE, 12},        {"COPY", HttpVerbCOPY, 13},
        {"PROPFIND", HttpVerbPROPFIND, 14}, {"PROPPATCH", HttpVerbPROPPATCH, 15},
        {"MKCOL", HttpVerbMKCOL, 16},      {"LOCK", HttpVerbLOCK, 17},
        {"UNLOCK", HttpVerbUNLOCK, 18},    {"SEARCH", HttpVerbSEARCH, 19},
        {"Maximum", HttpVerbMaximum, 20},
    };
    for (const Verb& v : verbs) {
        INFO(v.name);
        CHECK(static_cast<int>(v.value) == v.expected);
    }
}

TEST_CASE("T-6: HTTP_HEADER_ID values, request 0..41 and response 20..30 (§3.5)") {
    struct Id {
        const char* name;
        HTTP_HEADER_ID value;
        int expected;
    };
    const Id ids[] = {
        {"CacheControl", HttpHeaderCacheControl, 0},
        {"Connection", HttpHeaderConnection, 1},
        {"Date", HttpHeaderDate, 2},
        {"KeepAlive", HttpHeaderKeepAlive, 3},
        {"Pragma", HttpHeaderPragma, 4},
        {"Trailer", HttpHeaderTrailer, 5},
        {"TransferEncoding", HttpHeaderTransferEncoding, 6},
        {"Upgrade", HttpHeaderUpgrade, 7},
        {"Via", HttpHeaderVia, 8},
        {"Warning", HttpHeaderWarning, 9},
        {"Allow", HttpHeaderAllow, 10},
        {"ContentLength", HttpHeaderContentLength, 11},
        {"ContentType", HttpHeaderContentType, 12},
        {"ContentEncoding", HttpHeaderContentEncoding, 13},
        {"ContentLanguage", HttpHeaderContentLanguage, 14},
        {"ContentLocation", HttpHeaderContentLocation, 15},
        {"ContentMd5", HttpHeaderContentMd5, 16},
        {"ContentRange", HttpHeaderContentRange, 17},
        {"Expires", HttpHeaderExpires, 18},
        {"LastModified", HttpHeaderLastModified, 19},
        {"Accept", HttpHeaderAccept, 20},
        {"AcceptCharset", HttpHeaderAcceptCharset, 21},
        {"AcceptEncoding", HttpHeaderAcceptEncoding, 22},
        {"AcceptLanguage", HttpHeaderAcceptLanguage, 23},
        {"Authorization", HttpHeaderAuthorization, 24},
        {"Cookie", HttpHeaderCookie, 25},
        {"Expect", HttpHeaderExpect, 26},
        {"From", HttpHeaderFrom, 27},
        {"Host", HttpHeaderHost, 28},
        {"IfMatch", HttpHeaderIfMatch, 29},
        {"IfModifiedSince", HttpHeaderIfModifiedSince, 30},
        {"IfNoneMatch", HttpHeaderIfNoneMatch, 31},
        {"IfRange", HttpHeaderIfRange, 32},
        {"IfUnmodifiedSince", HttpHeaderIfUnmodifiedSince, 33},
        {"MaxForwards", HttpHeaderMaxForwards, 34},
        {"ProxyAuthorization", HttpHeaderProxyAuthorization, 35},
        {"Referer", HttpHeaderReferer, 36},
        {"Range", HttpHeaderRange, 37},
        {"Te", HttpHeaderTe, 38},
        {"Translate", HttpHeaderTranslate, 39},
        {"UserAgent", HttpHeaderUserAgent, 40},
        {"RequestMaximum", HttpHeaderRequestMaximum, 41},
        {"AcceptRanges", HttpHeaderAcceptRanges, 20},
        {"Age", HttpHeaderAge, 21},
        {"Etag", HttpHeaderEtag, 22},
        {"Location", HttpHeaderLocation, 23},
        {"ProxyAuthenticate", HttpHeaderProxyAuthenticate, 24},
        {"RetryAfter", HttpHeaderRetryAfter, 25},
        {"Server", HttpHeaderServer, 26},
        {"SetCookie", HttpHeaderSetCookie, 27},
        {"Vary", HttpHeaderVary, 28},
        {"WwwAuthenticate", HttpHeaderWwwAuthenticate, 29},
        {"ResponseMaximum", HttpHeaderResponseMaximum, 30},
        {"Maximum", HttpHeaderMaximum, 41},
    };
    for (const Id& id : ids) {
        INFO("HttpHeader" << id.name);
        CHECK(static_cast<int>(id.value) == id.expected);
    }
    // T-6 in one line: the response's ETag id is the request's Accept-Encoding slot.
    CHECK(static_cast<int>(HttpHeaderEtag) == static_cast<int>(HttpHeaderAcceptEncoding));
}

TEST_CASE("http.h flag bits and data chunk types (§3.3, §3.6)") {
    CHECK(HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS == 0x1);
    CHECK(HTTP_REQUEST_FLAG_IP_ROUTED == 0x2);
    CHECK(HTTP_REQUEST_FLAG_HTTP2 == 0x4);
    CHECK(HTTP_SEND_RESPONSE_FLAG_DISCONNECT == 0x1);
    CHECK(HTTP_SEND_RESPONSE_FLAG_MORE_DATA == 0x2);
    CHECK(HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA == 0x4);
    CHECK(HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING == 0x8);
    CHECK(HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES == 0x20);
    CHECK(HTTP_SEND_RESPONSE_FLAG_OPAQUE == 0x40);
    CHECK(HTTP_SEND_RESPONSE_FLAG_GOAWAY == 0x100);
    CHECK(HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING == 0x200);
    CHECK(static_cast<int>(HttpDataChunkFromMemory) == 0);
    CHECK(static_cast<int>(HttpDataChunkFromFileHandle) == 1);
    CHECK(static_cast<int>(HttpDataChunkFromFragmentCache) == 2);
    CHECK(static_cast<int>(HttpDataChunkFromFragmentCacheEx) == 3);
    CHECK(static_cast<int>(HttpRequestInfoTypeAuth) == 0);
    CHECK(HTTP_NULL_ID == 0u);

    // Module code tests flags with &.
    HTTP_REQUEST r{};
    r.Flags = HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS | HTTP_REQUEST_FLAG_HTTP2;
    CHECK((r.Flags & HTTP_REQUEST_FLAG_HTTP2) != 0u);
    CHECK((r.Flags & HTTP_REQUEST_FLAG_IP_ROUTED) == 0u);
}

TEST_CASE("HTTP_VERSION constants and comparison macros (§3.4)") {
    HTTP_VERSION v = HTTP_VERSION_1_1;
    CHECK(HTTP_EQUAL_VERSION(v, 1, 1));
    CHECK_FALSE(HTTP_EQUAL_VERSION(v, 1, 0));
    CHECK(HTTP_NOT_EQUAL_VERSION(v, 2, 0));
    CHECK(HTTP_GREATER_VERSION(v, 1, 0));
    CHECK_FALSE(HTTP_GREATER_VERSION(v, 1, 1));
    CHECK(HTTP_LESS_VERSION(v, 2, 0));
    CHECK(HTTP_GREATER_EQUAL_VERSION(v, 1, 1));
    CHECK(HTTP_LESS_EQUAL_VERSION(v, 1, 1));
    CHECK_FALSE(HTTP_LESS_EQUAL_VERSION(v, 0, 9));
    HTTP_SET_VERSION(v, 2, 0);
    CHECK(v.MajorVersion == 2);
    CHECK(v.MinorVersion == 0);

    const HTTP_VERSION v10 = HTTP_VERSION_1_0;
    const HTTP_VERSION v09 = HTTP_VERSION_0_9;
    const HTTP_VERSION unknown = HTTP_VERSION_UNKNOWN;
    CHECK(HTTP_EQUAL_VERSION(v10, 1, 0));
    CHECK(HTTP_EQUAL_VERSION(v09, 0, 9));
    CHECK(HTTP_EQUAL_VERSION(unknown, 0, 0));
}

TEST_CASE("T-19: IN/OUT, SAL annotations and calling conventions vanish (§3.1)") {
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(IN), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(OUT), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_In_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Out_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Inout_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_In_opt_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Out_opt_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Outptr_), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_In_reads_bytes_(n)), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Out_writes_bytes_all_(n)), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Out_writes_bytes_to_opt_(n, m)), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_Ret_writes_bytes_(n)), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(_At_(x, y)), "");
#if !defined(_WIN32)
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(WINAPI), "");
    static_assert(IISFAKE_TEST_EXPANDS_TO_NOTHING(CALLBACK), "");
#endif

    DWORD out = 0;
    DWORD inout = 1;
    PCSTR result = nullptr;
    WCHAR wide[2] = {};
    char bytes[2] = {};
    CHECK(annotated("n", nullptr, &out, nullptr, &inout, nullptr, &result, nullptr, L"w", "b",
                    nullptr, wide, wide, bytes, bytes, 3, nullptr, 4) == S_OK);
    CHECK(out == 7u);
    CHECK(inout == 2u);
    CHECK(std::strcmp(result, "done") == 0);
    USHORT cch = 0;
    CHECK(std::strcmp(annotated_return(&cch), "ok") == 0);
    CHECK(cch == 2);
    CHECK(annotated_wide_return()[1] == L'k');
    annotated_winapi(&out);
    CHECK(out == 1u);
    annotated_callback(nullptr, nullptr, nullptr, nullptr, nullptr, 0, 0);
    int unused = 0;
    UNREFERENCED_PARAMETER(unused);
}

TEST_CASE("T-19: __stdcall and __declspec(...) in module sources compile off Windows (§3.1)") {
    // Module sources export RegisterModule as `HRESULT __stdcall RegisterModule(...)`, some with
    // __declspec(dllexport); the SDK header itself uses __declspec(uuid(...)). Off Windows
    // neither keyword exists, so iisfake has to neutralise them (T-19).
#if defined(_WIN32) || (defined(__stdcall) && defined(__declspec))
    constexpr bool neutralised = true;
#else
    constexpr bool neutralised = false;
#endif
    CHECK(neutralised);
}

#undef IISFAKE_TEST_EXPANDS_TO_NOTHING
#undef IISFAKE_TEST_STR
#undef IISFAKE_TEST_STR2
