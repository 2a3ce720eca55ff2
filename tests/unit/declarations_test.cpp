// Pins the re-declared SDK interfaces (spec §1.1, §1.6, §2.12; traps T-1, T-17, T-18): that a
// class overriding every method compiles and dispatches through each interface pointer, the
// default arguments, the name hiding of ReadEntityBody, const-ness, the exact type of every
// method, the inheritance chains, the protected non-virtual destructors and the GUIDs.
#include <cstdio>
#include <string>
#include <type_traits>
#include <utility>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"
#include "support/guid_text.hpp"
#include "support/minimal_request.hpp"

namespace {

using iisfake_test::MinimalCompletion;
using iisfake_test::MinimalRequest;

// Picks one overload by its exact pointer-to-member type: compiles only if that overload exists
// with exactly that signature, const-ness and return type.
template <class Pmf>
constexpr Pmf exact(Pmf pmf) noexcept {
    return pmf;
}

template <class T>
T arg() noexcept;  // only ever used unevaluated, inside decltype

// IISFAKE_TEST_DETECT(name, .Member(args...)) defines name<T>::value: whether the call is
// well-formed on an lvalue of type T (T may be const-qualified).
#define IISFAKE_TEST_DETECT(name, ...)                                                          \
    template <class T, class = void>                                                             \
    struct name : std::false_type {};                                                            \
    template <class T>                                                                           \
    struct name<T, std::void_t<decltype(std::declval<T&>() __VA_ARGS__)>> : std::true_type {}; \
    static_assert(true, "")

// ReadEntityBody in its three SDK forms, each with and without the defaulted last argument.
IISFAKE_TEST_DETECT(can_read_base,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(), arg<DWORD*>(),
                                    arg<BOOL*>()));
IISFAKE_TEST_DETECT(can_read_base_defaulted,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(), arg<DWORD*>()));
IISFAKE_TEST_DETECT(can_read_callback,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(),
                                    arg<PFN_ASYNC_COMPLETION>(), arg<VOID*>(), arg<DWORD*>(),
                                    arg<BOOL*>()));
IISFAKE_TEST_DETECT(can_read_callback_defaulted,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(),
                                    arg<PFN_ASYNC_COMPLETION>(), arg<VOID*>(), arg<DWORD*>()));
IISFAKE_TEST_DETECT(can_read_flags,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(), arg<ULONG>(),
                                    arg<DWORD*>(), arg<BOOL*>()));
IISFAKE_TEST_DETECT(can_read_flags_defaulted,
                    .ReadEntityBody(arg<VOID*>(), arg<DWORD>(), arg<BOOL>(), arg<ULONG>(),
                                    arg<DWORD*>()));

// Every IHttpRequest method, for the const-ness checks.
IISFAKE_TEST_DETECT(can_get_raw, .GetRawHttpRequest());
IISFAKE_TEST_DETECT(can_get_header_by_name, .GetHeader(arg<PCSTR>()));
IISFAKE_TEST_DETECT(can_get_header_by_id, .GetHeader(arg<HTTP_HEADER_ID>(), arg<USHORT*>()));
IISFAKE_TEST_DETECT(can_set_header_by_name,
                    .SetHeader(arg<PCSTR>(), arg<PCSTR>(), arg<USHORT>(), arg<BOOL>()));
IISFAKE_TEST_DETECT(can_set_header_by_id,
                    .SetHeader(arg<HTTP_HEADER_ID>(), arg<PCSTR>(), arg<USHORT>(), arg<BOOL>()));
IISFAKE_TEST_DETECT(can_delete_header_by_name, .DeleteHeader(arg<PCSTR>()));
IISFAKE_TEST_DETECT(can_delete_header_by_id, .DeleteHeader(arg<HTTP_HEADER_ID>()));
IISFAKE_TEST_DETECT(can_get_method, .GetHttpMethod());
IISFAKE_TEST_DETECT(can_set_method, .SetHttpMethod(arg<PCSTR>()));
IISFAKE_TEST_DETECT(can_set_url_wide, .SetUrl(arg<PCWSTR>(), arg<DWORD>(), arg<BOOL>()));
IISFAKE_TEST_DETECT(can_set_url_narrow, .SetUrl(arg<PCSTR>(), arg<DWORD>(), arg<BOOL>()));
IISFAKE_TEST_DETECT(can_get_url_changed, .GetUrlChanged());
IISFAKE_TEST_DETECT(can_get_forwarded_url, .GetForwardedUrl());
IISFAKE_TEST_DETECT(can_get_local_address, .GetLocalAddress());
IISFAKE_TEST_DETECT(can_get_remote_address, .GetRemoteAddress());
IISFAKE_TEST_DETECT(can_insert_body, .InsertEntityBody(arg<VOID*>(), arg<DWORD>()));
IISFAKE_TEST_DETECT(can_get_remaining, .GetRemainingEntityBytes());
IISFAKE_TEST_DETECT(can_get_version, .GetHttpVersion(arg<USHORT*>(), arg<USHORT*>()));
IISFAKE_TEST_DETECT(can_get_client_cert,
                    .GetClientCertificate(arg<HTTP_SSL_CLIENT_CERT_INFO**>(), arg<BOOL*>()));
IISFAKE_TEST_DETECT(can_negotiate_cert, .NegotiateClientCertificate(arg<BOOL>()));
IISFAKE_TEST_DETECT(can_get_site_id, .GetSiteId());
IISFAKE_TEST_DETECT(can_get_header_changes,
                    .GetHeaderChanges(arg<DWORD>(), arg<DWORD*>(), arg<PCSTR*>(), arg<DWORD*>(),
                                      arg<PCSTR**>(), arg<PCSTR**>(), arg<DWORD*>(),
                                      arg<DWORD*>(), arg<DWORD**>()));
IISFAKE_TEST_DETECT(can_get_channel_binding, .GetChannelBindingToken(arg<PBYTE*>(), arg<DWORD*>()));
IISFAKE_TEST_DETECT(can_get_completion_bytes, .GetCompletionBytes());
IISFAKE_TEST_DETECT(can_get_completion_status, .GetCompletionStatus());
IISFAKE_TEST_DETECT(can_get_completed_operation, .GetCompletedOperation());

#undef IISFAKE_TEST_DETECT

// What the PFN_ASYNC_COMPLETION callback saw.
struct CallbackLog {
    IHttpContext3* context = nullptr;
    DWORD bytes = 0;
    HRESULT status = 0;
    DWORD operation = 0;
    int calls = 0;
};

REQUEST_NOTIFICATION_STATUS WINAPI on_read_completed(IHttpContext3* pHttpContext,
                                                     IHttpCompletionInfo2* pCompletionInfo,
                                                     VOID* pvCompletionContext) {
    CallbackLog* log = static_cast<CallbackLog*>(pvCompletionContext);
    log->context = pHttpContext;
    log->bytes = pCompletionInfo->GetCompletionBytes();
    log->status = pCompletionInfo->GetCompletionStatus();
    log->operation = pCompletionInfo->GetCompletedOperation();
    ++log->calls;
    return RQ_NOTIFICATION_PENDING;
}

// The canonical lower-case text form of a GUID, independent of how the header spells its bytes.
std::string called(const MinimalRequest& r) { return r.last_call; }

}  // namespace

TEST_CASE("T-1: a class overriding every IHttpRequest4 method dispatches through IHttpRequest*") {
    MinimalRequest req;
    req.body = "hello";
    IHttpRequest* p = &req;

    SECTION("T-1: one object is every interface version at the same address") {
        CHECK(static_cast<IHttpRequest4*>(p) == &req);
        CHECK(static_cast<void*>(p) == static_cast<void*>(&req));
        CHECK(static_cast<IHttpRequest3*>(p) == static_cast<IHttpRequest3*>(&req));
        CHECK(static_cast<IHttpRequest2*>(p) == static_cast<IHttpRequest2*>(&req));
    }
    SECTION("raw request, both overloads") {
        CHECK(p->GetRawHttpRequest() == &req.raw);
        CHECK(called(req) == "GetRawHttpRequest");
        const IHttpRequest* cp = p;
        CHECK(cp->GetRawHttpRequest() == &req.raw);
        CHECK(called(req) == "GetRawHttpRequest const");
    }
    SECTION("headers, both overloads of each") {
        USHORT cch = 0;
        CHECK(std::string(p->GetHeader("user-agent", &cch)) == "unit-test");
        CHECK(cch == 9);
        CHECK(called(req) == "GetHeader(PCSTR)");
        CHECK(std::string(p->GetHeader(HttpHeaderUserAgent, &cch)) == "unit-test");
        CHECK(called(req) == "GetHeader(HTTP_HEADER_ID)");
        CHECK(p->SetHeader("X-A", "1", 1, TRUE) == S_OK);
        CHECK(called(req) == "SetHeader(PCSTR)");
        CHECK(p->SetHeader(HttpHeaderHost, "h", 1, FALSE) == S_OK);
        CHECK(called(req) == "SetHeader(HTTP_HEADER_ID)");
        CHECK(p->DeleteHeader("X-A") == S_OK);
        CHECK(called(req) == "DeleteHeader(PCSTR)");
        CHECK(p->DeleteHeader(HttpHeaderHost) == S_OK);
        CHECK(called(req) == "DeleteHeader(HTTP_HEADER_ID)");
    }
    SECTION("method and URL; L\"...\" literals pick the PCWSTR SetUrl (T-12)") {
        CHECK(p->SetHttpMethod("PUT") == S_OK);
        CHECK(called(req) == "SetHttpMethod");
        CHECK(std::string(p->GetHttpMethod()) == "PUT");
        CHECK(called(req) == "GetHttpMethod");
        CHECK(p->SetUrl(L"/wide?q", 5, TRUE) == S_OK);
        CHECK(called(req) == "SetUrl(PCWSTR)");
        CHECK(req.url_wide == L"/wide");
        CHECK(req.url_reset_query == TRUE);
        CHECK(p->SetUrl("/narrow", 7, FALSE) == S_OK);
        CHECK(called(req) == "SetUrl(PCSTR)");
        CHECK(req.url_narrow == "/narrow");
        CHECK(p->GetUrlChanged() == TRUE);
        CHECK(called(req) == "GetUrlChanged");
        CHECK(p->GetForwardedUrl() == nullptr);
        CHECK(called(req) == "GetForwardedUrl");
    }
    SECTION("addresses, version, site, certificate, header changes") {
        CHECK(p->GetLocalAddress() == &req.local_address);
        CHECK(called(req) == "GetLocalAddress");
        CHECK(p->GetRemoteAddress() == &req.remote_address);
        CHECK(called(req) == "GetRemoteAddress");
        USHORT major = 0;
        USHORT minor = 0;
        p->GetHttpVersion(&major, &minor);
        CHECK(called(req) == "GetHttpVersion");
        CHECK((major == 1 && minor == 1));
        CHECK(p->GetSiteId() == 1u);
        CHECK(called(req) == "GetSiteId");
        HTTP_SSL_CLIENT_CERT_INFO* cert = nullptr;
        BOOL negotiated = TRUE;
        CHECK(p->GetClientCertificate(&cert, &negotiated) == S_OK);
        CHECK(called(req) == "GetClientCertificate");
        CHECK(negotiated == FALSE);
        BOOL pending = TRUE;
        CHECK(p->NegotiateClientCertificate(FALSE, &pending) == S_OK);
        CHECK(called(req) == "NegotiateClientCertificate");
        CHECK(req.last_optional == &pending);

        PCSTR known[HttpHeaderRequestMaximum] = {};
        DWORD diffed[HttpHeaderRequestMaximum + 1] = {};
        DWORD new_change = 99;
        DWORD unknown_count = 0;
        PCSTR* unknown_names = nullptr;
        PCSTR* unknown_values = nullptr;
        DWORD diffed_unknown = 0;
        DWORD* diffed_unknown_indices = nullptr;
        CHECK(p->GetHeaderChanges(0, &new_change, known, &unknown_count, &unknown_names,
                                  &unknown_values, diffed, &diffed_unknown,
                                  &diffed_unknown_indices) == S_OK);
        CHECK(called(req) == "GetHeaderChanges");
        CHECK(new_change == 0u);
    }
    SECTION("entity body") {
        CHECK(p->GetRemainingEntityBytes() == 5u);
        CHECK(called(req) == "GetRemainingEntityBytes");
        char buffer[16] = {};
        DWORD received = 0;
        BOOL pending = TRUE;
        CHECK(p->ReadEntityBody(buffer, sizeof buffer, FALSE, &received, &pending) == S_OK);
        CHECK(called(req) == "IHttpRequest::ReadEntityBody");
        CHECK(received == 5u);
        CHECK(std::string(buffer, received) == "hello");
        CHECK(p->ReadEntityBody(buffer, sizeof buffer, FALSE, &received, &pending) ==
              HRESULT_FROM_WIN32(ERROR_HANDLE_EOF));
        CHECK(p->InsertEntityBody(buffer, 1) == S_OK);
        CHECK(called(req) == "InsertEntityBody");
    }
}

TEST_CASE("IHttpRequest2, IHttpRequest3 and IHttpRequest4 dispatch through their own pointers") {
    MinimalRequest req;
    req.body = "abcdef";
    char buffer[4] = {};
    DWORD received = 0;
    BOOL pending = TRUE;

    SECTION("IHttpRequest2: GetChannelBindingToken, and the base ReadEntityBody stays visible") {
        IHttpRequest2* r2 = &req;
        PBYTE token = reinterpret_cast<PBYTE>(buffer);
        DWORD size = 7;
        CHECK(r2->GetChannelBindingToken(&token, &size) == S_OK);
        CHECK(called(req) == "GetChannelBindingToken");
        CHECK(token == nullptr);
        CHECK(size == 0u);
        CHECK(r2->ReadEntityBody(buffer, sizeof buffer, FALSE, &received, &pending) == S_OK);
        CHECK(called(req) == "IHttpRequest::ReadEntityBody");
        CHECK(r2->GetSiteId() == 1u);
    }
    SECTION("IHttpRequest3: the PFN_ASYNC_COMPLETION form reaches the callback overload") {
        IHttpRequest3* r3 = &req;
        CallbackLog log;
        CHECK(r3->ReadEntityBody(buffer, sizeof buffer, TRUE, on_read_completed, &log, &received,
                                 &pending) == S_OK);
        CHECK(called(req) == "IHttpRequest3::ReadEntityBody");
        CHECK(req.last_callback == &on_read_completed);
        CHECK(req.last_context == &log);
        CHECK(req.last_async == TRUE);
        CHECK(received == 4u);
        CHECK(pending == FALSE);

        // The stored callback has the SDK's signature: call it as IIS would on completion.
        MinimalCompletion info;
        info.bytes = 4;
        info.status = S_OK;
        info.operation = 1;
        const REQUEST_NOTIFICATION_STATUS status = req.last_callback(nullptr, &info, &log);
        CHECK(status == RQ_NOTIFICATION_PENDING);
        CHECK(log.calls == 1);
        CHECK(log.bytes == 4u);
        CHECK(log.status == S_OK);
        CHECK(log.operation == 1u);
        CHECK(log.context == nullptr);
        CHECK(r3->GetRemainingEntityBytes() == 2u);
    }
    SECTION("IHttpRequest4: the ulFlags form") {
        IHttpRequest4* r4 = &req;
        CHECK(r4->ReadEntityBody(buffer, sizeof buffer, FALSE, 0x5u, &received, &pending) == S_OK);
        CHECK(called(req) == "IHttpRequest4::ReadEntityBody");
        CHECK(req.last_flags == 0x5u);
        CHECK(received == 4u);
        CHECK(r4->GetSiteId() == 1u);
        CHECK(called(req) == "GetSiteId");
    }
}

TEST_CASE("IHttpCompletionInfo2 dispatches through both completion interfaces (§1.6)") {
    MinimalCompletion done;
    done.bytes = 42;
    done.status = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);
    done.operation = 1;

    const IHttpCompletionInfo* info = &done;
    CHECK(info->GetCompletionBytes() == 42u);
    CHECK(std::string(done.last_call) == "GetCompletionBytes");
    CHECK(info->GetCompletionStatus() == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF));
    CHECK(std::string(done.last_call) == "GetCompletionStatus");

    // T-1/REQ-CI-4: module code downcasts the IHttpCompletionInfo* it receives.
    const IHttpCompletionInfo2* info2 = static_cast<const IHttpCompletionInfo2*>(info);
    CHECK(info2 == &done);
    CHECK(info2->GetCompletedOperation() == 1u);
    CHECK(std::string(done.last_call) == "GetCompletedOperation");
    CHECK(info2->GetCompletionBytes() == 42u);
}

TEST_CASE("Default arguments work through the interface pointers (§1.1)") {
    MinimalRequest req;
    req.body = "xyz";
    int sentinel = 0;
    char buffer[8] = {};
    DWORD received = 0;

    SECTION("GetHeader(PCSTR) without pcchHeaderValue") {
        IHttpRequest* p = &req;
        req.last_optional = &sentinel;
        CHECK(p->GetHeader("x") == nullptr);
        CHECK(called(req) == "GetHeader(PCSTR)");
        CHECK(req.last_optional == nullptr);
        req.last_optional = &sentinel;
        CHECK(std::string(p->GetHeader("User-Agent")) == "unit-test");
        CHECK(req.last_optional == nullptr);
    }
    SECTION("GetHeader(HTTP_HEADER_ID) without pcchHeaderValue, through const IHttpRequest*") {
        const IHttpRequest* p = &req;
        req.last_optional = &sentinel;
        CHECK(std::string(p->GetHeader(HttpHeaderUserAgent)) == "unit-test");
        CHECK(called(req) == "GetHeader(HTTP_HEADER_ID)");
        CHECK(req.last_optional == nullptr);
    }
    SECTION("IHttpRequest::ReadEntityBody without pfCompletionPending") {
        IHttpRequest* p = &req;
        req.last_optional = &sentinel;
        CHECK(p->ReadEntityBody(buffer, sizeof buffer, FALSE, &received) == S_OK);
        CHECK(called(req) == "IHttpRequest::ReadEntityBody");
        CHECK(req.last_optional == nullptr);
        CHECK(received == 3u);
    }
    SECTION("NegotiateClientCertificate without pfCompletionPending") {
        IHttpRequest* p = &req;
        req.last_optional = &sentinel;
        CHECK(p->NegotiateClientCertificate(TRUE) == S_OK);
        CHECK(called(req) == "NegotiateClientCertificate");
        CHECK(req.last_optional == nullptr);
        CHECK(req.last_async == TRUE);
    }
    SECTION("IHttpRequest3::ReadEntityBody with six arguments") {
        IHttpRequest3* r3 = &req;
        CallbackLog log;
        req.last_optional = &sentinel;
        CHECK(r3->ReadEntityBody(buffer, sizeof buffer, FALSE, on_read_completed, &log,
                                 &received) == S_OK);
        CHECK(called(req) == "IHttpRequest3::ReadEntityBody");
        CHECK(req.last_optional == nullptr);
        CHECK(received == 3u);
    }
    SECTION("IHttpRequest4::ReadEntityBody with five arguments") {
        IHttpRequest4* r4 = &req;
        req.last_optional = &sentinel;
        CHECK(r4->ReadEntityBody(buffer, sizeof buffer, FALSE, 0u, &received) == S_OK);
        CHECK(called(req) == "IHttpRequest4::ReadEntityBody");
        CHECK(req.last_optional == nullptr);
        CHECK(received == 3u);
    }
}

TEST_CASE("T-17: IHttpRequest3::ReadEntityBody hides the base overloads") {
    // The detector itself works: the double, which declares all three forms, accepts them all.
    static_assert(can_read_base<MinimalRequest>::value, "detector broken");
    static_assert(can_read_callback<MinimalRequest>::value, "detector broken");
    static_assert(can_read_flags<MinimalRequest>::value, "detector broken");

    static_assert(can_read_base<IHttpRequest>::value, "");
    static_assert(can_read_base_defaulted<IHttpRequest>::value, "");
    static_assert(can_read_base<IHttpRequest2>::value, "IHttpRequest2 declares no ReadEntityBody");
    static_assert(!can_read_callback<IHttpRequest>::value, "");
    static_assert(!can_read_flags<IHttpRequest>::value, "");

    constexpr bool r3_hides_base = !can_read_base<IHttpRequest3>::value &&
                                   !can_read_base_defaulted<IHttpRequest3>::value;
    static_assert(r3_hides_base, "a using-declaration for the base ReadEntityBody crept in");
    static_assert(can_read_callback<IHttpRequest3>::value, "");
    static_assert(can_read_callback_defaulted<IHttpRequest3>::value, "");
    static_assert(!can_read_flags<IHttpRequest3>::value, "");

    // The callback form is still callable on the object through an IHttpRequest3&, and the base
    // form through an IHttpRequest& to the same object.
    MinimalRequest req;
    req.body = "ab";
    char buffer[1] = {};
    DWORD received = 0;
    IHttpRequest3& r3 = req;
    CHECK(r3.ReadEntityBody(buffer, 1, FALSE, NULL, NULL, &received) == S_OK);
    CHECK(called(req) == "IHttpRequest3::ReadEntityBody");
    IHttpRequest& base = r3;
    CHECK(base.ReadEntityBody(buffer, 1, FALSE, &received) == S_OK);
    CHECK(called(req) == "IHttpRequest::ReadEntityBody");
    CHECK(r3_hides_base);
}

TEST_CASE("T-17: IHttpRequest4::ReadEntityBody hides both earlier forms") {
    constexpr bool r4_hides_base = !can_read_base<IHttpRequest4>::value &&
                                   !can_read_base_defaulted<IHttpRequest4>::value;
    constexpr bool r4_hides_callback = !can_read_callback<IHttpRequest4>::value &&
                                       !can_read_callback_defaulted<IHttpRequest4>::value;
    static_assert(r4_hides_base, "the 5-argument base form must not be visible in IHttpRequest4");
    static_assert(r4_hides_callback, "the 7-argument form must not be visible in IHttpRequest4");
    static_assert(can_read_flags<IHttpRequest4>::value, "");
    static_assert(can_read_flags_defaulted<IHttpRequest4>::value, "");

    // Each name lookup finds exactly one function: taking its address needs no overload choice.
    static_assert(std::is_same<decltype(&IHttpRequest3::ReadEntityBody),
                               HRESULT (IHttpRequest3::*)(VOID*, DWORD, BOOL, PFN_ASYNC_COMPLETION,
                                                          VOID*, DWORD*, BOOL*)>::value,
                  "");
    static_assert(std::is_same<decltype(&IHttpRequest4::ReadEntityBody),
                               HRESULT (IHttpRequest4::*)(VOID*, DWORD, BOOL, ULONG, DWORD*,
                                                          BOOL*)>::value,
                  "");

    MinimalRequest req;
    req.body = "ab";
    char buffer[1] = {};
    DWORD received = 0;
    IHttpRequest4& r4 = req;
    CHECK(r4.ReadEntityBody(buffer, 1, FALSE, 0u, &received) == S_OK);
    CHECK(called(req) == "IHttpRequest4::ReadEntityBody");
    IHttpRequest3& r3 = r4;
    CHECK(r3.ReadEntityBody(buffer, 1, FALSE, NULL, NULL, &received) == S_OK);
    CHECK(called(req) == "IHttpRequest3::ReadEntityBody");
    CHECK(r4_hides_base);
    CHECK(r4_hides_callback);
}

TEST_CASE("T-18: through const IHttpRequest& exactly the SDK's const methods are callable") {
    using C = const IHttpRequest;
    using M = IHttpRequest;

    static_assert(std::is_same<decltype(std::declval<C&>().GetRawHttpRequest()),
                               const HTTP_REQUEST*>::value,
                  "const GetRawHttpRequest returns const HTTP_REQUEST*");
    static_assert(std::is_same<decltype(std::declval<M&>().GetRawHttpRequest()),
                               HTTP_REQUEST*>::value,
                  "non-const GetRawHttpRequest returns HTTP_REQUEST*");

    constexpr bool const_ones_callable =
        can_get_raw<C>::value && can_get_header_by_name<C>::value &&
        can_get_header_by_id<C>::value && can_get_method<C>::value &&
        can_get_url_changed<C>::value && can_get_forwarded_url<C>::value &&
        can_get_local_address<C>::value && can_get_remote_address<C>::value &&
        can_get_version<C>::value && can_get_site_id<C>::value;
    static_assert(const_ones_callable, "a const SDK method is not const");

    static_assert(!can_get_remaining<C>::value, "GetRemainingEntityBytes is NOT const in the SDK");
    static_assert(!can_set_header_by_name<C>::value, "");
    static_assert(!can_set_header_by_id<C>::value, "");
    static_assert(!can_delete_header_by_name<C>::value, "");
    static_assert(!can_delete_header_by_id<C>::value, "");
    static_assert(!can_set_method<C>::value, "");
    static_assert(!can_set_url_wide<C>::value, "");
    static_assert(!can_set_url_narrow<C>::value, "");
    static_assert(!can_read_base<C>::value, "");
    static_assert(!can_insert_body<C>::value, "");
    static_assert(!can_get_client_cert<C>::value, "");
    static_assert(!can_negotiate_cert<C>::value, "");
    static_assert(!can_get_header_changes<C>::value, "");
    static_assert(!can_get_channel_binding<const IHttpRequest2>::value, "");
    static_assert(!can_read_callback<const IHttpRequest3>::value, "");
    static_assert(!can_read_flags<const IHttpRequest4>::value, "");
    constexpr bool non_const_ones_rejected =
        !can_get_remaining<C>::value && !can_get_client_cert<C>::value && !can_read_base<C>::value;

    // Positive control: all of them are callable on a non-const IHttpRequest.
    constexpr bool all_callable_non_const =
        can_get_remaining<M>::value && can_set_header_by_name<M>::value &&
        can_set_header_by_id<M>::value && can_delete_header_by_name<M>::value &&
        can_delete_header_by_id<M>::value && can_set_method<M>::value &&
        can_set_url_wide<M>::value && can_set_url_narrow<M>::value && can_read_base<M>::value &&
        can_insert_body<M>::value && can_get_client_cert<M>::value &&
        can_negotiate_cert<M>::value && can_get_header_changes<M>::value &&
        can_get_channel_binding<IHttpRequest2>::value;
    static_assert(all_callable_non_const, "detector broken");

    // Completion info is entirely const.
    static_assert(can_get_completion_bytes<const IHttpCompletionInfo>::value &&
                      can_get_completion_status<const IHttpCompletionInfo>::value &&
                      can_get_completed_operation<const IHttpCompletionInfo2>::value,
                  "");

    // At run time: the const overload of GetRawHttpRequest is the one chosen through const.
    MinimalRequest req;
    const IHttpRequest& cref = req;
    const HTTP_REQUEST* raw = cref.GetRawHttpRequest();
    CHECK(raw == &req.raw);
    CHECK(called(req) == "GetRawHttpRequest const");
    CHECK(cref.GetSiteId() == 1u);
    CHECK(const_ones_callable);
    CHECK(non_const_ones_rejected);
}

TEST_CASE("SDK interfaces: abstract, polymorphic, no virtual destructor, protected destructor") {
    static_assert(std::is_abstract<IHttpRequest>::value, "");
    static_assert(std::is_abstract<IHttpRequest2>::value, "");
    static_assert(std::is_abstract<IHttpRequest3>::value, "");
    static_assert(std::is_abstract<IHttpRequest4>::value, "");
    static_assert(std::is_abstract<IHttpCompletionInfo>::value, "");
    static_assert(std::is_abstract<IHttpCompletionInfo2>::value, "");

    static_assert(std::is_polymorphic<IHttpRequest>::value, "");
    static_assert(std::is_polymorphic<IHttpRequest2>::value, "");
    static_assert(std::is_polymorphic<IHttpRequest3>::value, "");
    static_assert(std::is_polymorphic<IHttpRequest4>::value, "");
    static_assert(std::is_polymorphic<IHttpCompletionInfo>::value, "");
    static_assert(std::is_polymorphic<IHttpCompletionInfo2>::value, "");

    // No virtual destructor: it would add vtable slots the SDK does not have.
    static_assert(!std::has_virtual_destructor<IHttpRequest>::value, "");
    static_assert(!std::has_virtual_destructor<IHttpRequest2>::value, "");
    static_assert(!std::has_virtual_destructor<IHttpRequest3>::value, "");
    static_assert(!std::has_virtual_destructor<IHttpRequest4>::value, "");
    static_assert(!std::has_virtual_destructor<IHttpCompletionInfo>::value, "");
    static_assert(!std::has_virtual_destructor<IHttpCompletionInfo2>::value, "");

    // Protected destructor: delete through an interface pointer does not compile.
    static_assert(!std::is_destructible<IHttpRequest>::value, "");
    static_assert(!std::is_destructible<IHttpRequest2>::value, "");
    static_assert(!std::is_destructible<IHttpRequest3>::value, "");
    static_assert(!std::is_destructible<IHttpRequest4>::value, "");
    static_assert(!std::is_destructible<IHttpCompletionInfo>::value, "");
    static_assert(!std::is_destructible<IHttpCompletionInfo2>::value, "");

    // Only the vtable pointer: no data members.
    constexpr bool vptr_only =
        sizeof(IHttpRequest) == sizeof(void*) && sizeof(IHttpRequest2) == sizeof(void*) &&
        sizeof(IHttpRequest3) == sizeof(void*) && sizeof(IHttpRequest4) == sizeof(void*) &&
        sizeof(IHttpCompletionInfo) == sizeof(void*) &&
        sizeof(IHttpCompletionInfo2) == sizeof(void*);
    static_assert(vptr_only, "");

    // A derived class is destructible and usable by value.
    static_assert(std::is_destructible<MinimalRequest>::value, "");
    MinimalRequest req;
    MinimalCompletion info;
    CHECK(req.calls == 0);
    CHECK(info.GetCompletedOperation() == 1u);
    CHECK(vptr_only);
}

TEST_CASE("SDK interfaces: inheritance chains (§1.1, §1.6)") {
    static_assert(std::is_base_of<IHttpRequest, IHttpRequest2>::value, "");
    static_assert(std::is_base_of<IHttpRequest2, IHttpRequest3>::value, "");
    static_assert(std::is_base_of<IHttpRequest3, IHttpRequest4>::value, "");
    static_assert(std::is_base_of<IHttpRequest, IHttpRequest4>::value, "");
    static_assert(std::is_convertible<IHttpRequest4*, IHttpRequest*>::value, "public bases");
    static_assert(std::is_convertible<IHttpRequest3*, IHttpRequest2*>::value, "public bases");
    static_assert(!std::is_base_of<IHttpRequest2, IHttpRequest>::value, "");

    static_assert(std::is_base_of<IHttpCompletionInfo, IHttpCompletionInfo2>::value, "");
    static_assert(std::is_convertible<IHttpCompletionInfo2*, IHttpCompletionInfo*>::value, "");
    // The documentation page shows IHttpCompletionInfo2 deriving from IHttpRequest2: it does not.
    static_assert(!std::is_base_of<IHttpRequest, IHttpCompletionInfo2>::value, "");
    static_assert(!std::is_base_of<IHttpCompletionInfo, IHttpRequest4>::value, "");

    MinimalRequest req;
    IHttpRequest4* r4 = &req;
    IHttpRequest* r = r4;
    CHECK(static_cast<IHttpRequest4*>(r) == r4);
    MinimalCompletion info;
    IHttpCompletionInfo* ci = &info;
    CHECK(static_cast<IHttpCompletionInfo2*>(ci) == &info);
}

TEST_CASE("IHttpRequest: the exact type of every method (§1.1)") {
    using R = IHttpRequest;
    // Overloaded names: exact<T>() compiles only if that exact overload is declared.
    static_assert(exact<HTTP_REQUEST* (R::*)()>(&R::GetRawHttpRequest) != nullptr, "");
    static_assert(exact<const HTTP_REQUEST* (R::*)() const>(&R::GetRawHttpRequest) != nullptr, "");
    static_assert(exact<PCSTR (R::*)(PCSTR, USHORT*) const>(&R::GetHeader) != nullptr, "");
    static_assert(exact<PCSTR (R::*)(HTTP_HEADER_ID, USHORT*) const>(&R::GetHeader) != nullptr, "");
    static_assert(exact<HRESULT (R::*)(PCSTR, PCSTR, USHORT, BOOL)>(&R::SetHeader) != nullptr, "");
    static_assert(
        exact<HRESULT (R::*)(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)>(&R::SetHeader) != nullptr, "");
    static_assert(exact<HRESULT (R::*)(PCSTR)>(&R::DeleteHeader) != nullptr, "");
    static_assert(exact<HRESULT (R::*)(HTTP_HEADER_ID)>(&R::DeleteHeader) != nullptr, "");
    static_assert(exact<HRESULT (R::*)(PCWSTR, DWORD, BOOL)>(&R::SetUrl) != nullptr, "");
    static_assert(exact<HRESULT (R::*)(PCSTR, DWORD, BOOL)>(&R::SetUrl) != nullptr, "");

    // Names declared once: decltype of the address is the whole signature.
    static_assert(std::is_same<decltype(&R::GetHttpMethod), PCSTR (R::*)() const>::value, "");
    static_assert(std::is_same<decltype(&R::SetHttpMethod), HRESULT (R::*)(PCSTR)>::value, "");
    static_assert(std::is_same<decltype(&R::GetUrlChanged), BOOL (R::*)() const>::value, "");
    static_assert(std::is_same<decltype(&R::GetForwardedUrl), PCWSTR (R::*)() const>::value, "");
    static_assert(std::is_same<decltype(&R::GetLocalAddress), PSOCKADDR (R::*)() const>::value,
                  "");
    static_assert(std::is_same<decltype(&R::GetRemoteAddress), PSOCKADDR (R::*)() const>::value,
                  "");
    static_assert(std::is_same<decltype(&R::ReadEntityBody),
                               HRESULT (R::*)(VOID*, DWORD, BOOL, DWORD*, BOOL*)>::value,
                  "");
    static_assert(
        std::is_same<decltype(&R::InsertEntityBody), HRESULT (R::*)(VOID*, DWORD)>::value, "");
    static_assert(std::is_same<decltype(&R::GetRemainingEntityBytes), DWORD (R::*)()>::value,
                  "GetRemainingEntityBytes is not const");
    static_assert(
        std::is_same<decltype(&R::GetHttpVersion), VOID (R::*)(USHORT*, USHORT*) const>::value,
        "");
    static_assert(std::is_same<decltype(&R::GetClientCertificate),
                               HRESULT (R::*)(HTTP_SSL_CLIENT_CERT_INFO**, BOOL*)>::value,
                  "");
    static_assert(std::is_same<decltype(&R::NegotiateClientCertificate),
                               HRESULT (R::*)(BOOL, BOOL*)>::value,
                  "");
    static_assert(std::is_same<decltype(&R::GetSiteId), DWORD (R::*)() const>::value, "");
    // The array parameters decay: PCSTR[41] -> PCSTR*, DWORD[42] -> DWORD*.
    static_assert(std::is_same<decltype(&R::GetHeaderChanges),
                               HRESULT (R::*)(DWORD, DWORD*, PCSTR*, DWORD*, PCSTR**, PCSTR**,
                                              DWORD*, DWORD*, DWORD**)>::value,
                  "");

    static_assert(std::is_same<decltype(&IHttpRequest2::GetChannelBindingToken),
                               HRESULT (IHttpRequest2::*)(PBYTE*, DWORD*)>::value,
                  "");
    static_assert(exact<HRESULT (IHttpRequest3::*)(VOID*, DWORD, BOOL, PFN_ASYNC_COMPLETION,
                                                   VOID*, DWORD*, BOOL*)>(
                      &IHttpRequest3::ReadEntityBody) != nullptr,
                  "");
    static_assert(exact<HRESULT (IHttpRequest4::*)(VOID*, DWORD, BOOL, ULONG, DWORD*, BOOL*)>(
                      &IHttpRequest4::ReadEntityBody) != nullptr,
                  "");

    // Inherited members keep their declaring class in the pointer-to-member type.
    static_assert(std::is_same<decltype(&IHttpRequest4::GetSiteId), DWORD (R::*)() const>::value,
                  "");

    MinimalRequest req;
    IHttpRequest* p = &req;
    const auto get_site_id = &R::GetSiteId;
    CHECK((p->*get_site_id)() == 1u);
    const auto get_raw = exact<HTTP_REQUEST* (R::*)()>(&R::GetRawHttpRequest);
    CHECK((p->*get_raw)() == &req.raw);
    CHECK(called(req) == "GetRawHttpRequest");
}

TEST_CASE("IHttpCompletionInfo/2: the exact type of every method (§1.6)") {
    static_assert(std::is_same<decltype(&IHttpCompletionInfo::GetCompletionBytes),
                               DWORD (IHttpCompletionInfo::*)() const>::value,
                  "");
    static_assert(std::is_same<decltype(&IHttpCompletionInfo::GetCompletionStatus),
                               HRESULT (IHttpCompletionInfo::*)() const>::value,
                  "");
    static_assert(std::is_same<decltype(&IHttpCompletionInfo2::GetCompletedOperation),
                               DWORD (IHttpCompletionInfo2::*)() const>::value,
                  "GetCompletedOperation returns an operation code (DWORD), and is const");

    MinimalCompletion done;
    done.operation = 7;
    const IHttpCompletionInfo2& info = done;
    const auto op = &IHttpCompletionInfo2::GetCompletedOperation;
    CHECK((info.*op)() == 7u);
}

TEST_CASE("PFN_ASYNC_COMPLETION and REQUEST_NOTIFICATION_STATUS (§1.1, §2.1)") {
    typedef REQUEST_NOTIFICATION_STATUS(WINAPI * expected_pfn)(IHttpContext3*, IHttpCompletionInfo2*,
                                                              VOID*);
    static_assert(std::is_same<PFN_ASYNC_COMPLETION, expected_pfn>::value, "");
    static_assert(std::is_same<decltype(&on_read_completed), PFN_ASYNC_COMPLETION>::value, "");

    static_assert(std::is_enum<REQUEST_NOTIFICATION_STATUS>::value, "");
    static_assert(std::is_convertible<REQUEST_NOTIFICATION_STATUS, int>::value,
                  "an unscoped enum, as in the SDK");
    static_assert(RQ_NOTIFICATION_CONTINUE == 0, "");
    static_assert(RQ_NOTIFICATION_PENDING == 1, "");
    static_assert(RQ_NOTIFICATION_FINISH_REQUEST == 2, "");

    PFN_ASYNC_COMPLETION pfn = on_read_completed;
    CallbackLog log;
    MinimalCompletion info;
    info.bytes = 3;
    const int status = pfn(nullptr, &info, &log);
    CHECK(status == 1);
    CHECK(log.bytes == 3u);
    CHECK(static_cast<int>(RQ_NOTIFICATION_FINISH_REQUEST) == 2);
}

TEST_CASE("iisfake::uuid_of<T>() gives the SDK interface GUIDs (§2.12)") {
    static_assert(std::is_same<decltype(iisfake::uuid_of<IHttpRequest>()), const GUID&>::value,
                  "");
    static_assert(iisfake::uuid_of<IHttpRequest>().Data1 == 0xe8698f7eu, "usable at compile time");

    struct Expected {
        const char* name;
        const GUID& actual;
        const char* text;
    };
    const Expected expected[] = {
        {"IHttpRequest", iisfake::uuid_of<IHttpRequest>(), "e8698f7e-576e-4cac-a309-67435355faef"},
        {"IHttpRequest2", iisfake::uuid_of<IHttpRequest2>(),
         "d9244ae1-51f8-4aa1-a66d-19277c33e610"},
        {"IHttpRequest3", iisfake::uuid_of<IHttpRequest3>(),
         "b32e4e0f-4057-4feb-aeab-7b69c03c6314"},
        {"IHttpRequest4", iisfake::uuid_of<IHttpRequest4>(),
         "3816f517-f631-49f0-8b51-16d6f0c6ffb2"},
        {"IHttpCompletionInfo", iisfake::uuid_of<IHttpCompletionInfo>(),
         "49dd20e3-d9c0-463c-8821-f3413b55cc00"},
        {"IHttpCompletionInfo2", iisfake::uuid_of<IHttpCompletionInfo2>(),
         "53129f70-0196-47ec-b16c-127906e2afeb"},
    };
    for (const Expected& e : expected) {
        INFO(e.name);
        CHECK(iisfake_test::guid_text(e.actual) == e.text);
    }
    // All distinct (operator== is the <guiddef.h> one off Windows too).
    for (const Expected& a : expected)
        for (const Expected& b : expected) {
            INFO(a.name << " vs " << b.name);
            CHECK((&a == &b) == (a.actual == b.actual));
        }

#if defined(_MSC_VER)
    // With MSVC/clang-cl the classes carry __declspec(uuid), and both spellings must agree.
    CHECK(__uuidof(IHttpRequest) == iisfake::uuid_of<IHttpRequest>());
    CHECK(__uuidof(IHttpRequest4) == iisfake::uuid_of<IHttpRequest4>());
    CHECK(__uuidof(IHttpCompletionInfo) == iisfake::uuid_of<IHttpCompletionInfo>());
    CHECK(__uuidof(IHttpCompletionInfo2) == iisfake::uuid_of<IHttpCompletionInfo2>());
#endif
}
