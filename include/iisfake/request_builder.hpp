#ifndef IISFAKE_REQUEST_BUILDER_HPP_INCLUDED
#define IISFAKE_REQUEST_BUILDER_HPP_INCLUDED

// RequestBuilder: describes the request a FakeHttpRequest starts as. Every setter returns the
// builder, so a request reads as one expression:
//
//   iisfake::FakeHttpRequest request(iisfake::RequestBuilder()
//                                        .method("POST")
//                                        .url("/upload?id=7")
//                                        .header("Content-Type", "text/plain")
//                                        .body("hello"));
//
// Defaults (a default-built request is valid): GET /, HTTP/1.1, "Host: localhost", local
// address 127.0.0.1:80, remote address 192.0.2.1:49152, plain HTTP, site id 1, request and
// connection id 1, no body (reads give EOF).

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/call_log.hpp"
#include "iisfake/options.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {
template <class Unused>
class FakeHttpRequestBase;
}  // namespace detail

// Produces body bytes on demand: fill `out` with `count` bytes starting at body offset `offset`.
// Lets a test stream gigabytes without holding them in memory.
using BodyGenerator = Callback<void(ULONGLONG offset, void* out, DWORD count)>;

namespace detail {

// A template only so that a TU that never builds a request compiles none of its members (users
// include iisfake in every test file); use iisfake::RequestBuilder.
template <class Unused = void>
class RequestBuilderBase {
public:
    RequestBuilderBase& method(std::string verb) {
        method_ = std::move(verb);
        return *this;
    }
    // The URL as the client sent it (origin form, percent-encoded, with any query):
    // pRawUrl keeps it; the cooked URL holds the decoded path.
    RequestBuilderBase& url(std::string raw_url) {
        url_ = std::move(raw_url);
        return *this;
    }
    // HTTP/2 also sets HTTP_REQUEST_FLAG_HTTP2.
    RequestBuilderBase& version(USHORT major, USHORT minor) {
        major_ = major;
        minor_ = minor;
        return *this;
    }
    // Adds a header as the client sent it. Repeats of an unknown header stay separate entries;
    // repeats of a known header are joined with ", " in its single slot, as http.sys does.
    RequestBuilderBase& header(std::string name, std::string value) {
        headers_.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    RequestBuilderBase& header(HTTP_HEADER_ID id, std::string value);
    // Removes a header added earlier or by default ("Host" for an HTTP/1.0 request without one).
    RequestBuilderBase& remove_header(const std::string& name);

    // The entity body. Adds Content-Length unless a Content-Length or Transfer-Encoding header
    // was given.
    RequestBuilderBase& body(std::string bytes) {
        body_ = std::move(bytes);
        body_length_ = body_.size();
        generator_ = nullptr;
        return *this;
    }
    // Throws std::invalid_argument for a body with bytes but no generator to make them.
    RequestBuilderBase& body(ULONGLONG length, BodyGenerator generate) {
        if (length > 0 && !generate)
            throw std::invalid_argument(
                "iisfake: RequestBuilder::body: a body of " + std::to_string(length) +
                " bytes needs a generator");
        body_.clear();
        body_length_ = length;
        generator_ = std::move(generate);
        return *this;
    }
    // Sends the body chunked: "Transfer-Encoding: chunked" and no Content-Length. Reads return
    // the decoded bytes; GetRemainingEntityBytes follows Options::chunked_remaining.
    RequestBuilderBase& chunked(bool on = true) {
        chunked_ = on;
        return *this;
    }
    // Short reads: the nth read returns at most sizes[n % sizes.size()] bytes.
    RequestBuilderBase& read_sizes(std::vector<DWORD> sizes) {
        read_sizes_ = std::move(sizes);
        return *this;
    }

    // IPv4 ("10.0.0.1") or IPv6 ("2001:db8::1") text; throws std::invalid_argument otherwise.
    RequestBuilderBase& local_address(std::string ip, unsigned short port) {
        local_ip_ = std::move(ip);
        local_port_ = port;
        return *this;
    }
    RequestBuilderBase& remote_address(std::string ip, unsigned short port) {
        remote_ip_ = std::move(ip);
        remote_port_ = port;
        return *this;
    }

    // HTTPS: pSslInfo is set and the cooked URL says https. The default local port becomes 443.
    RequestBuilderBase& tls(bool on = true) {
        tls_ = on;
        return *this;
    }
    // A client certificate (DER bytes) present from the start. Implies tls().
    RequestBuilderBase& client_certificate(std::string der, ULONG cert_flags = 0) {
        tls_ = true;
        certificate_ = std::move(der);
        certificate_flags_ = cert_flags;
        has_certificate_ = true;
        return *this;
    }
    // A client certificate that appears only after NegotiateClientCertificate. Implies tls().
    RequestBuilderBase& negotiable_client_certificate(std::string der, ULONG cert_flags = 0) {
        tls_ = true;
        negotiable_certificate_ = std::move(der);
        negotiable_flags_ = cert_flags;
        has_negotiable_certificate_ = true;
        return *this;
    }
    RequestBuilderBase& channel_binding_token(std::string bytes) {
        channel_binding_token_ = std::move(bytes);
        has_channel_binding_token_ = true;
        return *this;
    }

    RequestBuilderBase& site_id(DWORD id) {
        site_id_ = id;
        return *this;
    }
    RequestBuilderBase& request_id(HTTP_REQUEST_ID id) {
        request_id_ = id;
        return *this;
    }
    RequestBuilderBase& connection_id(HTTP_CONNECTION_ID id) {
        connection_id_ = id;
        return *this;
    }
    // Host names that count as this server for SetUrl with an absolute URL (REQ-FU-1). Always
    // local: "localhost", the Host header's host, and the local address.
    RequestBuilderBase& local_host_name(std::string host) {
        local_host_names_.push_back(std::move(host));
        return *this;
    }
    // Fault injection from the start, as FakeHttpRequest::fail, fail_nth and disconnect_after.
    RequestBuilderBase& fail(Method method, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), 0, result});
        return *this;
    }
    RequestBuilderBase& fail_nth(Method method, unsigned nth, HRESULT result) {
        faults_.push_back(Fault{check_fault(method, result), nth, result});
        return *this;
    }
    RequestBuilderBase& disconnect_after(ULONGLONG bytes,
                                     HRESULT result = HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)) {
        disconnect_armed_ = true;
        disconnect_at_ = bytes;
        disconnect_result_ = result;
        return *this;
    }
    RequestBuilderBase& options(Options knobs) {
        options_ = std::move(knobs);
        return *this;
    }

private:
    template <class>
    friend class FakeHttpRequestBase;
    template <class>
    friend class FakeHttpContextBase;  // CloneContext builds the child's request from one

    std::string method_ = "GET";
    std::string url_ = "/";
    USHORT major_ = 1;
    USHORT minor_ = 1;
    std::vector<std::pair<std::string, std::string>> headers_;
    bool default_host_ = true;
    std::string body_;
    ULONGLONG body_length_ = 0;
    BodyGenerator generator_;
    bool chunked_ = false;
    std::vector<DWORD> read_sizes_;
    std::string local_ip_ = "127.0.0.1";
    unsigned short local_port_ = 0;  // 0: 80, or 443 with tls()
    std::string remote_ip_ = "192.0.2.1";
    unsigned short remote_port_ = 49152;
    bool tls_ = false;
    std::string certificate_;
    ULONG certificate_flags_ = 0;
    bool has_certificate_ = false;
    std::string negotiable_certificate_;
    ULONG negotiable_flags_ = 0;
    bool has_negotiable_certificate_ = false;
    std::string channel_binding_token_;
    bool has_channel_binding_token_ = false;
    DWORD site_id_ = 1;
    HTTP_REQUEST_ID request_id_ = 1;
    HTTP_CONNECTION_ID connection_id_ = 1;
    std::vector<std::string> local_host_names_;
    Options options_;
    struct Fault {
        Method method;
        unsigned nth;
        HRESULT result;
    };
    std::vector<Fault> faults_;
    bool disconnect_armed_ = false;
    ULONGLONG disconnect_at_ = 0;
    HRESULT disconnect_result_ = S_OK;
};

}  // namespace detail

using RequestBuilder = detail::RequestBuilderBase<>;

IISFAKE_END_NAMESPACE

#include "iisfake/header_names.hpp"

IISFAKE_BEGIN_NAMESPACE

template <class Unused>
inline detail::RequestBuilderBase<Unused>& detail::RequestBuilderBase<Unused>::header(
    HTTP_HEADER_ID id, std::string value) {
    const char* name = request_header_name(static_cast<int>(id));
    if (!name) throw std::invalid_argument("iisfake: not a request header id");
    return header(name, std::move(value));
}

template <class Unused>
inline detail::RequestBuilderBase<Unused>& detail::RequestBuilderBase<Unused>::remove_header(
    const std::string& name) {
    std::vector<std::pair<std::string, std::string>> kept;
    for (auto& entry : headers_)
        if (entry.first.size() != name.size() ||
            !detail::iequals(entry.first.data(), name.data(), name.size()))
            kept.push_back(std::move(entry));
    headers_ = std::move(kept);
    if (name.size() == 4 && detail::iequals(name.data(), "host", 4)) default_host_ = false;
    return *this;
}

IISFAKE_END_NAMESPACE

#endif
