// 010: the teaser. Module code takes an IHttpRequest*, as it would inside IIS; the test hands it
// a FakeHttpRequest built in one line. A default fake request is a valid one: GET / over
// HTTP/1.1, "Host: localhost", plain HTTP from 192.0.2.1 to 127.0.0.1:80, site 1, no body.

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// Called from OnBeginRequest: should this request be redirected to https? Only safe methods
// arriving over plain HTTP are; anything else is left to the rest of the pipeline.
BOOL ShouldRedirectToHttps(IHttpRequest* pHttpRequest) {
    const HTTP_REQUEST* pRawRequest = pHttpRequest->GetRawHttpRequest();
    if (pRawRequest->pSslInfo != NULL) {
        return FALSE;  // already https
    }
    return (pRawRequest->Verb == HttpVerbGET || pRawRequest->Verb == HttpVerbHEAD) ? TRUE : FALSE;
}

}  // namespace

// ==== its tests ==============================================================================

TEST_CASE("a plain-HTTP GET is redirected to https", "[example][010]") {
    iisfake::FakeHttpRequest request;
    REQUIRE(ShouldRedirectToHttps(&request));
}
