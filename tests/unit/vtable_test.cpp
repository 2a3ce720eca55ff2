// Pins the vtable slot of every virtual method of the re-declared interfaces, i.e. the
// declaration order of spec §1.1/§1.6, as laid out by the Itanium C++ ABI (g++, clang, mingw-w64).
// MSVC lays out overloads differently (slot notes in §1.1) and represents member pointers
// differently, so this file is empty there.
#if !defined(_MSC_VER)

#include <iisfake/iisfake.hpp>

#include "catch.hpp"
#include "support/vtable_slot.hpp"

using iisfake_test::check_slots;
using iisfake_test::exact;
using iisfake_test::Slot;
using iisfake_test::vtable_slot;

namespace {

// Positive control for vtable_slot itself.
struct Probe {
    virtual void first() {}
    virtual void second() {}
    void not_virtual() {}

protected:
    ~Probe() = default;
};

}  // namespace

TEST_CASE("vtable_slot reads Itanium member pointers correctly") {
    CHECK(vtable_slot(&Probe::first) == 0);
    CHECK(vtable_slot(&Probe::second) == 1);
    CHECK(vtable_slot(&Probe::not_virtual) == -1);
}

TEST_CASE("IHttpRequest: vtable slots 0..23 in SDK declaration order (§1.1)") {
    using R = IHttpRequest;
    const Slot slots[] = {
        {"GetRawHttpRequest()", vtable_slot(exact<HTTP_REQUEST* (R::*)()>(&R::GetRawHttpRequest)),
         0},
        {"GetRawHttpRequest() const",
         vtable_slot(exact<const HTTP_REQUEST* (R::*)() const>(&R::GetRawHttpRequest)), 1},
        {"GetHeader(PCSTR)",
         vtable_slot(exact<PCSTR (R::*)(PCSTR, USHORT*) const>(&R::GetHeader)), 2},
        {"GetHeader(HTTP_HEADER_ID)",
         vtable_slot(exact<PCSTR (R::*)(HTTP_HEADER_ID, USHORT*) const>(&R::GetHeader)), 3},
        {"SetHeader(PCSTR)",
         vtable_slot(exact<HRESULT (R::*)(PCSTR, PCSTR, USHORT, BOOL)>(&R::SetHeader)), 4},
        {"SetHeader(HTTP_HEADER_ID)",
         vtable_slot(exact<HRESULT (R::*)(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)>(&R::SetHeader)),
         5},
        {"DeleteHeader(PCSTR)", vtable_slot(exact<HRESULT (R::*)(PCSTR)>(&R::DeleteHeader)), 6},
        {"DeleteHeader(HTTP_HEADER_ID)",
         vtable_slot(exact<HRESULT (R::*)(HTTP_HEADER_ID)>(&R::DeleteHeader)), 7},
        {"GetHttpMethod", vtable_slot(&R::GetHttpMethod), 8},
        {"SetHttpMethod", vtable_slot(&R::SetHttpMethod), 9},
        {"SetUrl(PCWSTR)", vtable_slot(exact<HRESULT (R::*)(PCWSTR, DWORD, BOOL)>(&R::SetUrl)), 10},
        {"SetUrl(PCSTR)", vtable_slot(exact<HRESULT (R::*)(PCSTR, DWORD, BOOL)>(&R::SetUrl)), 11},
        {"GetUrlChanged", vtable_slot(&R::GetUrlChanged), 12},
        {"GetForwardedUrl", vtable_slot(&R::GetForwardedUrl), 13},
        {"GetLocalAddress", vtable_slot(&R::GetLocalAddress), 14},
        {"GetRemoteAddress", vtable_slot(&R::GetRemoteAddress), 15},
        {"ReadEntityBody", vtable_slot(&R::ReadEntityBody), 16},
        {"InsertEntityBody", vtable_slot(&R::InsertEntityBody), 17},
        {"GetRemainingEntityBytes", vtable_slot(&R::GetRemainingEntityBytes), 18},
        {"GetHttpVersion", vtable_slot(&R::GetHttpVersion), 19},
        {"GetClientCertificate", vtable_slot(&R::GetClientCertificate), 20},
        {"NegotiateClientCertificate", vtable_slot(&R::NegotiateClientCertificate), 21},
        {"GetSiteId", vtable_slot(&R::GetSiteId), 22},
        {"GetHeaderChanges", vtable_slot(&R::GetHeaderChanges), 23},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpRequest2..4: new methods append after slot 23 (§1.1)") {
    const Slot slots[] = {
        {"IHttpRequest2::GetChannelBindingToken",
         vtable_slot(&IHttpRequest2::GetChannelBindingToken), 24},
        {"IHttpRequest3::ReadEntityBody", vtable_slot(&IHttpRequest3::ReadEntityBody), 25},
        {"IHttpRequest4::ReadEntityBody", vtable_slot(&IHttpRequest4::ReadEntityBody), 26},
        // Inherited methods keep their slot when named through a derived interface.
        {"IHttpRequest4::GetSiteId", vtable_slot(&IHttpRequest4::GetSiteId), 22},
        {"IHttpRequest3::GetChannelBindingToken",
         vtable_slot(&IHttpRequest3::GetChannelBindingToken), 24},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpCompletionInfo/2: vtable slots 0..2 (§1.6)") {
    const Slot slots[] = {
        {"GetCompletionBytes", vtable_slot(&IHttpCompletionInfo::GetCompletionBytes), 0},
        {"GetCompletionStatus", vtable_slot(&IHttpCompletionInfo::GetCompletionStatus), 1},
        {"GetCompletedOperation", vtable_slot(&IHttpCompletionInfo2::GetCompletedOperation), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

#endif  // !_MSC_VER
