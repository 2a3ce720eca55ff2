// Memory the fake request holds, measured by counting every byte operator new hands out in this
// test binary (tests/support/counting_allocator.hpp replaces it, from this TU alone): header
// edits must cost memory in proportion to what is live, not to the number of edits times the
// headers present (trap T-2 with T-5's limits; spec §1.2 REQ-SH-2, REQ-SH-5, REQ-DH-2,
// REQ-GH-9). Counts, not timings: the same on every machine.
#include <cstddef>
#include <cstring>
#include <string>

#include <iisfake/iisfake.hpp>

#include "../support/counting_allocator.hpp"
#include "catch.hpp"

namespace {

using iisfake_test::PeakMeter;
constexpr std::size_t mib = 1024 * 1024;

}  // namespace

TEST_CASE("The meter counts what the fake allocates", "[fake_request][memory]") {
    REQUIRE(iisfake_test::counting_enabled);  // not under ThreadSanitizer
    PeakMeter meter;
    {
        const std::string big(3 * mib, 'x');
        iisfake::FakeHttpRequest fake(iisfake::RequestBuilder().body(big));
        CHECK(meter.peak() >= 6 * mib);  // the string and the fake's copy of the body
    }
    CHECK(iisfake_test::live_bytes.load() <= iisfake_test::peak_bytes.load());
}

TEST_CASE(
    "REQ-SH-5, T-2: 10,000 SetHeader calls with new unknown names keep memory in proportion "
    "to the headers (it was 1.16 GiB)",
    "[fake_request][memory]") {
    REQUIRE(iisfake_test::counting_enabled);
    PeakMeter meter;
    {
        iisfake::FakeHttpRequest fake;
        IHttpRequest* request = &fake;
        for (int i = 0; i < 10000; ++i) {
            const std::string name = "X-Header-" + std::to_string(i);
            REQUIRE(request->SetHeader(name.c_str(), "v", 1, TRUE) == S_OK);
        }
        CHECK(request->GetRawHttpRequest()->Headers.UnknownHeaderCount == 10000);
        CHECK(std::strcmp(request->GetHeader("x-header-0"), "v") == 0);
        CHECK(std::strcmp(request->GetHeader("X-Header-9999"), "v") == 0);
    }
    CHECK(meter.peak() < 8 * mib);
}

TEST_CASE(
    "REQ-SH-2, T-5: 21,845 appends to one header, up to 65,533 bytes, keep memory in "
    "proportion to the value (it was 703 MiB)",
    "[fake_request][memory]") {
    REQUIRE(iisfake_test::counting_enabled);
    for (const bool known : {false, true}) {
        CAPTURE(known);
        PeakMeter meter;
        {
            iisfake::FakeHttpRequest fake;
            IHttpRequest* request = &fake;
            for (int i = 0; i < 21845; ++i) {
                const HRESULT hr = known ? request->SetHeader(HttpHeaderCookie, "x", 1, FALSE)
                                         : request->SetHeader("X-Long", "x", 1, FALSE);
                REQUIRE(hr == S_OK);
            }
            USHORT length = 0;
            const PCSTR value = known ? request->GetHeader(HttpHeaderCookie, &length)
                                      : request->GetHeader("X-Long", &length);
            CHECK(length == 1 + 21844 * 3);
            CHECK(std::strlen(value) == length);
            CHECK(std::string(value, 4) == "x, x");
        }
        CHECK(meter.peak() < 4 * mib);
    }
}

TEST_CASE(
    "REQ-DH-2, REQ-SH-5: deleting or replacing each of 10,000 unknown headers one by one "
    "keeps memory in proportion to the headers",
    "[fake_request][memory]") {
    iisfake::RequestBuilder spec;
    for (int i = 0; i < 10000; ++i) spec.header("X-Header-" + std::to_string(i), "value");
    iisfake::Options options;
    options.record_calls = false;  // the call log is not what this measures
    spec.options(options);

    REQUIRE(iisfake_test::counting_enabled);
    PeakMeter meter;
    {
        iisfake::FakeHttpRequest fake(spec);
        IHttpRequest* request = &fake;
        const std::size_t built = meter.peak();
        for (int i = 0; i < 10000; ++i) {
            const std::string name = "X-Header-" + std::to_string(i);
            REQUIRE(request->SetHeader(name.c_str(), "other", 5, TRUE) == S_OK);
        }
        for (int i = 0; i < 10000; ++i) {
            const std::string name = "X-Header-" + std::to_string(i);
            REQUIRE(request->DeleteHeader(name.c_str()) == S_OK);
        }
        CHECK(request->GetRawHttpRequest()->Headers.UnknownHeaderCount == 0);
        // Each replaced value stays readable (6 bytes each); nothing grows with headers x edits.
        CHECK(meter.peak() < built + 1 * mib);
    }
    CHECK(meter.peak() < 8 * mib);
}
