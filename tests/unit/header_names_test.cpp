// Pins iisfake's HTTP_HEADER_ID <-> name tables (spec §3.5; traps T-6, T-7): the canonical name
// of every request and response id, nullptr outside the ranges, and case-insensitive lookup by
// name (terminated or by length) that keeps the two numberings apart.
#include <climits>
#include <cstddef>
#include <string>

#include <iisfake/iisfake.hpp>

#include "catch.hpp"

namespace {

// Spec §3.5, in id order.
const char* const request_names[] = {
    "Cache-Control", "Connection", "Date", "Keep-Alive", "Pragma", "Trailer",
    "Transfer-Encoding", "Upgrade", "Via", "Warning", "Allow", "Content-Length", "Content-Type",
    "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range",
    "Expires", "Last-Modified", "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language",
    "Authorization", "Cookie", "Expect", "From", "Host", "If-Match", "If-Modified-Since",
    "If-None-Match", "If-Range", "If-Unmodified-Since", "Max-Forwards", "Proxy-Authorization",
    "Referer", "Range", "TE", "Translate", "User-Agent",
};
const char* const response_names[] = {
    "Cache-Control", "Connection", "Date", "Keep-Alive", "Pragma", "Trailer",
    "Transfer-Encoding", "Upgrade", "Via", "Warning", "Allow", "Content-Length", "Content-Type",
    "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5", "Content-Range",
    "Expires", "Last-Modified", "Accept-Ranges", "Age", "ETag", "Location", "Proxy-Authenticate",
    "Retry-After", "Server", "Set-Cookie", "Vary", "WWW-Authenticate",
};
constexpr int request_count = static_cast<int>(sizeof request_names / sizeof request_names[0]);
constexpr int response_count = static_cast<int>(sizeof response_names / sizeof response_names[0]);
static_assert(request_count == HttpHeaderRequestMaximum, "spec table has 41 request names");
static_assert(response_count == HttpHeaderResponseMaximum, "spec table has 30 response names");

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string name_or_null(const char* name) { return name ? name : "(nullptr)"; }

}  // namespace

TEST_CASE("request_header_name: the canonical name of every request id (§3.5)") {
    for (int id = 0; id < request_count; ++id) {
        INFO("id " << id);
        CHECK(name_or_null(iisfake::request_header_name(id)) == request_names[id]);
    }
    CHECK(std::string(iisfake::request_header_name(HttpHeaderHost)) == "Host");
    CHECK(std::string(iisfake::request_header_name(HttpHeaderUserAgent)) == "User-Agent");
}

TEST_CASE("response_header_name: the canonical name of every response id (§3.5)") {
    for (int id = 0; id < response_count; ++id) {
        INFO("id " << id);
        CHECK(name_or_null(iisfake::response_header_name(id)) == response_names[id]);
    }
    CHECK(std::string(iisfake::response_header_name(HttpHeaderSetCookie)) == "Set-Cookie");
    CHECK(std::string(iisfake::response_header_name(HttpHeaderWwwAuthenticate)) ==
          "WWW-Authenticate");
}

TEST_CASE("T-6: ids outside each side's range have no name") {
    CHECK(iisfake::request_header_name(-1) == nullptr);
    CHECK(iisfake::request_header_name(HttpHeaderRequestMaximum) == nullptr);  // 41
    CHECK(iisfake::request_header_name(42) == nullptr);
    CHECK(iisfake::request_header_name(INT_MAX) == nullptr);
    CHECK(iisfake::request_header_name(INT_MIN) == nullptr);
    CHECK(iisfake::response_header_name(-1) == nullptr);
    CHECK(iisfake::response_header_name(HttpHeaderResponseMaximum) == nullptr);  // 30
    CHECK(iisfake::response_header_name(40) == nullptr);  // User-Agent on the request side only
    CHECK(iisfake::response_header_name(41) == nullptr);
    CHECK(iisfake::response_header_name(INT_MIN) == nullptr);
    // The last valid ids do have names.
    CHECK(iisfake::request_header_name(40) != nullptr);
    CHECK(iisfake::response_header_name(29) != nullptr);
}

TEST_CASE("T-6: id 22 is Accept-Encoding on a request and ETag on a response") {
    CHECK(std::string(iisfake::request_header_name(HttpHeaderEtag)) == "Accept-Encoding");
    CHECK(std::string(iisfake::response_header_name(HttpHeaderEtag)) == "ETag");
    CHECK(std::string(iisfake::request_header_name(22)) == "Accept-Encoding");
    CHECK(std::string(iisfake::response_header_name(22)) == "ETag");
    CHECK(iisfake::request_header_id("ETag") == -1);
    CHECK(iisfake::response_header_id("ETag") == 22);
    CHECK(iisfake::request_header_id("Accept-Encoding") == 22);
    CHECK(iisfake::response_header_id("Accept-Encoding") == -1);
}

TEST_CASE("T-7: request_header_id round-trips every request name in any case") {
    for (int id = 0; id < request_count; ++id) {
        const std::string name = request_names[id];
        INFO(name);
        CHECK(iisfake::request_header_id(name.c_str()) == id);
        CHECK(iisfake::request_header_id(lower(name).c_str()) == id);
        CHECK(iisfake::request_header_id(upper(name).c_str()) == id);
        CHECK(iisfake::request_header_id(name.data(), name.size()) == id);
    }
    CHECK(iisfake::request_header_id("content-length") == HttpHeaderContentLength);
    CHECK(iisfake::request_header_id("CONTENT-LENGTH") == HttpHeaderContentLength);
    CHECK(iisfake::request_header_id("cOnTeNt-LeNgTh") == HttpHeaderContentLength);
    CHECK(iisfake::request_header_id("te") == HttpHeaderTe);
    CHECK(iisfake::request_header_id("Te") == HttpHeaderTe);
}

TEST_CASE("T-7: response_header_id round-trips every response name in any case") {
    for (int id = 0; id < response_count; ++id) {
        const std::string name = response_names[id];
        INFO(name);
        CHECK(iisfake::response_header_id(name.c_str()) == id);
        CHECK(iisfake::response_header_id(lower(name).c_str()) == id);
        CHECK(iisfake::response_header_id(upper(name).c_str()) == id);
        CHECK(iisfake::response_header_id(name.data(), name.size()) == id);
    }
}

TEST_CASE("T-6: names known on only one side are -1 on the other") {
    // Response-only names, including those module code sets most often.
    for (int id = HttpHeaderAcceptRanges; id < response_count; ++id) {
        INFO(response_names[id]);
        CHECK(iisfake::request_header_id(response_names[id]) == -1);
        CHECK(iisfake::response_header_id(response_names[id]) == id);
    }
    CHECK(iisfake::request_header_id("Set-Cookie") == -1);
    CHECK(iisfake::request_header_id("Server") == -1);
    CHECK(iisfake::request_header_id("Location") == -1);
    CHECK(iisfake::response_header_id("set-cookie") == HttpHeaderSetCookie);
    CHECK(iisfake::response_header_id("SERVER") == HttpHeaderServer);
    CHECK(iisfake::response_header_id("location") == HttpHeaderLocation);

    // Request-only names.
    for (int id = HttpHeaderAccept; id < request_count; ++id) {
        INFO(request_names[id]);
        CHECK(iisfake::response_header_id(request_names[id]) == -1);
    }
    CHECK(iisfake::response_header_id("Host") == -1);
    CHECK(iisfake::response_header_id("User-Agent") == -1);

    // The general headers 0..19 share ids.
    for (int id = 0; id < HttpHeaderAccept; ++id) {
        INFO(request_names[id]);
        CHECK(iisfake::request_header_id(request_names[id]) == id);
        CHECK(iisfake::response_header_id(request_names[id]) == id);
    }
}

TEST_CASE("T-4: lookup by length accepts names that are not NUL-terminated") {
    const char raw[] = {'h', 'o', 's', 't'};  // no terminator
    CHECK(iisfake::request_header_id(raw, sizeof raw) == HttpHeaderHost);
    const char line[] = "Content-Length: 12";
    CHECK(iisfake::request_header_id(line, 14) == HttpHeaderContentLength);
    CHECK(iisfake::response_header_id(line, 14) == HttpHeaderContentLength);
    const char cookie[] = "Set-Cookie:a=b";
    CHECK(iisfake::response_header_id(cookie, 10) == HttpHeaderSetCookie);
    // Prefixes and over-long slices are not names.
    CHECK(iisfake::request_header_id(line, 7) == -1);   // "Content"
    CHECK(iisfake::request_header_id(line, 15) == -1);  // "Content-Length:"
    CHECK(iisfake::request_header_id(line, 0) == -1);
    CHECK(iisfake::request_header_id("Hostname") == -1);
    CHECK(iisfake::request_header_id("Hos") == -1);
}

TEST_CASE("Header name lookup: nullptr, empty and near-miss names") {
    CHECK(iisfake::request_header_id(nullptr) == -1);
    CHECK(iisfake::response_header_id(nullptr) == -1);
    CHECK(iisfake::request_header_id(nullptr, 4) == -1);
    CHECK(iisfake::response_header_id(nullptr, 4) == -1);
    CHECK(iisfake::request_header_id("") == -1);
    CHECK(iisfake::response_header_id("") == -1);
    CHECK(iisfake::request_header_id("X-Custom") == -1);
    CHECK(iisfake::request_header_id("Content_Length") == -1);
    CHECK(iisfake::request_header_id(" Host") == -1);
    CHECK(iisfake::request_header_id("Host ") == -1);
    // Case folding covers ASCII letters only: '\r' is '-' with bit 5 cleared, so folding by
    // OR-ing 0x20 into every byte would wrongly accept these.
    CHECK(iisfake::request_header_id("Content\rLength") == -1);
    CHECK(iisfake::request_header_id("If\rMatch") == -1);
    CHECK(iisfake::response_header_id("Set\rCookie") == -1);
}
