// 080: call expectations on top of real behaviour. A gMock class derives from FakeHttpRequest
// and mocks a few SDK methods; by default each mocked method delegates to the fake (gMock
// cookbook: "Delegating Calls to a Parent Class"), so the request still behaves like IIS and
// EXPECT_CALL only adds "this must be called so often, with these arguments". gMock runs
// without gtest's main here: each test checks its expectations with REQUIRE.
//
// Built only where GMock is installed (Debian: libgmock-dev); linked with GTest::gmock.

#include <cstring>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

// ==== the module code under test: SDK types only, it knows nothing of iisfake ================

namespace {

// Gives every request a correlation id, keeping one the client sent.
HRESULT EnsureCorrelationId(IHttpRequest* pHttpRequest, PCSTR pszNewId) {
    USHORT cchId = 0;
    PCSTR pszId = pHttpRequest->GetHeader("X-Correlation-Id", &cchId);
    if (pszId != NULL && cchId != 0) {
        return S_OK;
    }
    return pHttpRequest->SetHeader("X-Correlation-Id", pszNewId,
                                   static_cast<USHORT>(strlen(pszNewId)), TRUE);
}

}  // namespace

// ==== its tests ==============================================================================

namespace {

class MockHttpRequest : public iisfake::FakeHttpRequest {
public:
    MockHttpRequest() : MockHttpRequest(iisfake::RequestBuilder()) {}
    explicit MockHttpRequest(const iisfake::RequestBuilder& spec) : FakeHttpRequest(spec) {
        using testing::_;
        ON_CALL(*this, GetHeader(_, _)).WillByDefault([this](PCSTR pszName, USHORT* pcch) {
            return FakeHttpRequest::GetHeader(pszName, pcch);
        });
        ON_CALL(*this, SetHeader(_, _, _, _))
            .WillByDefault([this](PCSTR pszName, PCSTR pszValue, USHORT cch, BOOL fReplace) {
                return FakeHttpRequest::SetHeader(pszName, pszValue, cch, fReplace);
            });
    }

    // The overloads not mocked (by HTTP_HEADER_ID) keep the fake's behaviour.
    using FakeHttpRequest::GetHeader;
    using FakeHttpRequest::SetHeader;
    MOCK_METHOD(PCSTR, GetHeader, (PCSTR pszHeaderName, USHORT* pcchHeaderValue),
                (const, override));
    MOCK_METHOD(HRESULT, SetHeader,
                (PCSTR pszHeaderName, PCSTR pszHeaderValue, USHORT cchHeaderValue, BOOL fReplace),
                (override));
};

// NiceMock: calls without an EXPECT_CALL are allowed and silent (and still delegate).
using NiceMockHttpRequest = testing::NiceMock<MockHttpRequest>;

}  // namespace

TEST_CASE("a request without a correlation id gets exactly one", "[example][080]") {
    NiceMockHttpRequest request(iisfake::RequestBuilder().url("/orders"));
    EXPECT_CALL(request, SetHeader(testing::StrEq("X-Correlation-Id"), testing::_, 6, TRUE))
        .Times(1);

    REQUIRE(EnsureCorrelationId(&request, "abc123") == S_OK);

    REQUIRE(testing::Mock::VerifyAndClearExpectations(&request));
    CHECK(request.header("X-Correlation-Id") == "abc123");  // the fake really stored it
}

TEST_CASE("a correlation id the client sent is kept", "[example][080]") {
    NiceMockHttpRequest request(
        iisfake::RequestBuilder().header("X-Correlation-Id", "from-client"));
    EXPECT_CALL(request, GetHeader(testing::StrEq("X-Correlation-Id"), testing::_)).Times(1);
    EXPECT_CALL(request, SetHeader(testing::_, testing::_, testing::_, testing::_)).Times(0);

    REQUIRE(EnsureCorrelationId(&request, "abc123") == S_OK);

    REQUIRE(testing::Mock::VerifyAndClearExpectations(&request));
    CHECK(request.header("X-Correlation-Id") == "from-client");
}

TEST_CASE("one call can be scripted to fail", "[example][080]") {
    NiceMockHttpRequest request;
    EXPECT_CALL(request, SetHeader(testing::_, testing::_, testing::_, testing::_))
        .WillOnce(testing::Return(E_OUTOFMEMORY));  // instead of delegating

    CHECK(EnsureCorrelationId(&request, "abc123") == E_OUTOFMEMORY);

    REQUIRE(testing::Mock::VerifyAndClearExpectations(&request));
    CHECK_FALSE(request.has_header("X-Correlation-Id"));
}

TEST_CASE("an unmet expectation fails the check", "[example][080]") {
    NiceMockHttpRequest request(iisfake::RequestBuilder().header("X-Correlation-Id", "given"));
    EXPECT_CALL(request, SetHeader(testing::_, testing::_, testing::_, testing::_)).Times(1);
    REQUIRE(EnsureCorrelationId(&request, "abc123") == S_OK);  // does not call SetHeader

    // gMock's report is captured here instead of printed; in the tests above it is printed and
    // the REQUIRE fails.
    testing::TestPartResultArray reports;
    bool verified = true;
    {
        testing::ScopedFakeTestPartResultReporter capture(
            testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &reports);
        verified = testing::Mock::VerifyAndClearExpectations(&request);
    }
    CHECK_FALSE(verified);
    REQUIRE(reports.size() == 1);
    INFO(reports.GetTestPartResult(0).message());
    CHECK(std::strstr(reports.GetTestPartResult(0).message(), "SetHeader") != nullptr);
}
