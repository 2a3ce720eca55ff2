// A second translation unit that includes the umbrella header and odr-uses its inline
// functions and variables. If any header defines a non-inline function or variable, the
// test binary fails to link (multiple definition), which is the point of this file.
#include <iisfake/iisfake.hpp>
#include <iisfake/iisfake.hpp>  // and a repeated include is harmless

#include <string>

#include "catch.hpp"
#include "support/minimal_request.hpp"

TEST_CASE("ODR: a second translation unit uses the headers' inline definitions") {
    CHECK(std::string(iisfake::request_header_name(HttpHeaderHost)) == "Host");
    CHECK(std::string(iisfake::response_header_name(HttpHeaderEtag)) == "ETag");
    CHECK(iisfake::request_header_id("user-agent") == HttpHeaderUserAgent);
    CHECK(iisfake::response_header_id("Set-Cookie", 10) == HttpHeaderSetCookie);
    CHECK(iisfake::detail::ascii_lower('Q') == 'q');

    const GUID& id = iisfake::uuid_of<IHttpRequest3>();
    const GUID* address = &iisfake::interface_id<IHttpRequest3>::value;  // odr-use
    CHECK(&id == address);
    CHECK(id == iisfake::uuid_of<IHttpRequest3>());
    CHECK(id != iisfake::uuid_of<IHttpRequest4>());

    CHECK(HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) == MAKE_HRESULT(1, FACILITY_WIN32, 38));

    iisfake_test::MinimalRequest request;
    IHttpRequest* p = &request;
    CHECK(p->GetSiteId() == 1u);
}
