#ifndef IISFAKE_DETAIL_FAKE_HTTP_REQUEST_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_REQUEST_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpRequest (declared in fake_http_request.hpp).

#include "iisfake/fake_http_request.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {

constexpr HRESULT eof_result = HRESULT_FROM_WIN32(ERROR_HANDLE_EOF);

inline const char* verb_text(HTTP_VERB verb) noexcept {
    static const char* const names[] = {
        "",         "",          "",      "OPTIONS", "GET",  "HEAD",   "POST",
        "PUT",      "DELETE",    "TRACE", "CONNECT", "TRACK", "MOVE", "COPY",
        "PROPFIND", "PROPPATCH", "MKCOL", "LOCK",    "UNLOCK", "SEARCH"};
    const int index = static_cast<int>(verb);
    return (index >= 0 && index < static_cast<int>(HttpVerbMaximum)) ? names[index] : "";
}

inline HTTP_VERB verb_of(const std::string& method) noexcept {
    for (int v = HttpVerbOPTIONS; v < static_cast<int>(HttpVerbMaximum); ++v)
        if (method == verb_text(static_cast<HTTP_VERB>(v))) return static_cast<HTTP_VERB>(v);
    return HttpVerbUnknown;
}

inline wide_string widen_ascii(const std::string& text) {
    return wide_string(text.begin(), text.end());
}

inline bool wide_iequals(const wide_string& a, const wide_string& b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        WCHAR x = a[i], y = b[i];
        if (x >= L'A' && x <= L'Z') x = static_cast<WCHAR>(x - L'A' + L'a');
        if (y >= L'A' && y <= L'Z') y = static_cast<WCHAR>(y - L'A' + L'a');
        if (x != y) return false;
    }
    return true;
}

// "host:port" -> "host"; "[::1]:80" -> "[::1]".
inline wide_string host_without_port(const wide_string& host) {
    if (!host.empty() && host[0] == L'[') {
        const auto close = host.find(L']');
        return close == wide_string::npos ? host : host.substr(0, close + 1);
    }
    const auto colon = host.find(L':');
    return colon == wide_string::npos ? host : host.substr(0, colon);
}

// Finds the positions of a pointer in an array in constant time on average, so diffing two
// snapshots of n unknown headers costs O(n), not O(n^2).
class PointerIndex {
public:
    static constexpr std::size_t none = ~std::size_t(0);
    PointerIndex(const PCSTR* items, std::size_t count) : items_(items) {
        std::size_t size = 16;
        while (size < count * 2) size *= 2;
        slots_.assign(items ? size : 0, none);
        for (std::size_t k = 0; items && k < count; ++k) {
            std::size_t slot = home(items[k]);
            while (slots_[slot] != none) slot = (slot + 1) & (slots_.size() - 1);
            slots_[slot] = k;
        }
    }
    // The first index holding `p`, or none; next() goes on from there.
    std::size_t first(PCSTR p) const {
        if (slots_.empty()) return none;
        probe_ = home(p);
        return scan(p);
    }
    std::size_t next(PCSTR p) const {
        probe_ = (probe_ + 1) & (slots_.size() - 1);
        return scan(p);
    }

private:
    std::size_t home(PCSTR p) const {
        std::size_t bits = reinterpret_cast<std::uintptr_t>(p) >> 4;  // blocks are aligned
        bits *= golden;  // Fibonacci hashing: the high bits mix every bit of the address
        return (bits >> 7) & (slots_.size() - 1);
    }
    std::size_t scan(PCSTR p) const {
        for (; slots_[probe_] != none; probe_ = (probe_ + 1) & (slots_.size() - 1))
            if (items_[slots_[probe_]] == p) return slots_[probe_];
        return none;
    }
    static constexpr std::size_t golden = 0x9E3779B97F4A7C15ull;
    const PCSTR* items_;
    std::vector<std::size_t> slots_;
    mutable std::size_t probe_ = 0;
};

// ---- construction ---------------------------------------------------------------------------

template <class Unused>
FakeHttpRequestBase<Unused>::FakeHttpRequestBase(const RequestBuilder& spec)
    : own_core_(new Core), core_(own_core_.get()), options_(core_->options_), raw_(), local_(),
      remote_(), ssl_() {
    build(spec);
}

template <class Unused>
FakeHttpRequestBase<Unused>::FakeHttpRequestBase(const RequestBuilder& spec, Core& core)
    : core_(&core), options_(core.options_), raw_(), local_(), remote_(), ssl_() {
    build(spec);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::build(const RequestBuilder& spec) {
    options_ = spec.options_;
    site_id_ = spec.site_id_;
    raw_.ConnectionId = spec.connection_id_;
    raw_.RawConnectionId = spec.connection_id_;
    raw_.RequestId = spec.request_id_;
    raw_.Version.MajorVersion = spec.major_;
    raw_.Version.MinorVersion = spec.minor_;
    if (spec.major_ >= 2) raw_.Flags |= HTTP_REQUEST_FLAG_HTTP2;

    // Input http.sys would refuse with 400 Bad Request never reaches a module: the test that
    // builds it is wrong, so the builder's mistakes throw.
    auto refuse = [](const std::string& problem) {
        throw std::invalid_argument("iisfake: RequestBuilder: " + problem);
    };
    if (!detail::is_token(spec.method_.data(), spec.method_.size()))
        refuse("the method is not an HTTP token: \"" + spec.method_.substr(0, 64) + "\"");
    if (spec.method_.size() > detail::max_ushort)
        refuse("the method is longer than 65535 bytes");
    set_verb(spec.method_);

    if (const char* problem = detail::raw_url_problem(spec.url_))
        refuse(std::string(problem) + ": \"" + spec.url_.substr(0, 64) + "\"");
    raw_.pRawUrl = strings_.copy(spec.url_.data(), spec.url_.size());
    raw_.RawUrlLength = static_cast<USHORT>(spec.url_.size());
    detail::check_separator(options_.append_separator);

    const unsigned short local_port =
        spec.local_port_ ? spec.local_port_ : static_cast<unsigned short>(spec.tls_ ? 443 : 80);
    detail::make_address(local_, spec.local_ip_, local_port);
    detail::make_address(remote_, spec.remote_ip_, spec.remote_port_);
    raw_.Address.pLocalAddress = reinterpret_cast<PSOCKADDR>(&local_);
    raw_.Address.pRemoteAddress = reinterpret_cast<PSOCKADDR>(&remote_);

    if (spec.tls_) {
        static const char issuer[] = "CN=iisfake test issuer";
        static const char subject[] = "CN=localhost";
        ssl_.ServerCertKeySize = 2048;
        ssl_.ConnectionKeySize = 256;
        ssl_.ServerCertIssuerSize = sizeof issuer - 1;
        ssl_.ServerCertSubjectSize = sizeof subject - 1;
        ssl_.pServerCertIssuer = issuer;
        ssl_.pServerCertSubject = subject;
        raw_.pSslInfo = &ssl_;
        if (spec.has_certificate_) {
            install_certificate(spec.certificate_, spec.certificate_flags_);
            ssl_.SslClientCertNegotiated = 1;
        }
        negotiable_bytes_ = spec.negotiable_certificate_;
        negotiable_flags_ = spec.negotiable_flags_;
        has_negotiable_ = spec.has_negotiable_certificate_;
    }
    channel_binding_token_ = spec.channel_binding_token_;
    has_channel_binding_token_ = spec.has_channel_binding_token_;

    // Headers, as the client sent them.
    std::vector<std::pair<std::string, std::string>> headers;
    bool has_host = false, has_length = false, has_encoding = false;
    for (const auto& header : spec.headers_) {
        const int id = request_header_id(header.first.data(), header.first.size());
        has_host = has_host || id == HttpHeaderHost;
        has_length = has_length || id == HttpHeaderContentLength;
        has_encoding = has_encoding || id == HttpHeaderTransferEncoding;
    }
    if (!has_host && spec.default_host_) headers.emplace_back("Host", "localhost");
    headers.insert(headers.end(), spec.headers_.begin(), spec.headers_.end());
    if (spec.chunked_ && !has_encoding) headers.emplace_back("Transfer-Encoding", "chunked");
    else if (!spec.chunked_ && !has_length && !has_encoding && spec.body_length_ > 0)
        headers.emplace_back("Content-Length", std::to_string(spec.body_length_));

    using Status = typename Headers::Status;
    for (const auto& header : headers) {
        const std::string& name = header.first;
        const std::string& value = header.second;
        if (!detail::is_token(name.data(), name.size()))
            refuse("a header name is not an HTTP token: \"" + name.substr(0, 64) + "\"");
        for (char c : value)
            if (detail::bad_value_byte(c)) refuse("the value of " + name + " holds CR, LF or NUL");
        const int id = request_header_id(name.data(), name.size());
        const Status status = id >= 0 ? headers_.set_known(id, value.data(), value.size(), false, ", ")
                                      : headers_.add_unknown(name.data(), name.size(),
                                                             value.data(), value.size());
        if (status == Status::too_long) refuse(name + " is longer than 65535 bytes");
        if (status == Status::too_many) refuse("more than 65535 unknown headers");
    }
    headers_.forget_changes();

    // The cooked URL: scheme, the Host header's host (or the local address) with the port, the
    // canonical decoded path, and the query as sent.
    const HTTP_KNOWN_HEADER& host_header = raw_.Headers.KnownHeaders[HttpHeaderHost];
    std::string host = host_header.pRawValue
                           ? std::string(host_header.pRawValue, host_header.RawValueLength)
                           : std::string();
    if (const char* problem = detail::host_problem(host))
        refuse(std::string(problem) + ": \"" + host.substr(0, 64) + "\"");
    if (host.empty()) {
        host = detail::address_text(raw_.Address.pLocalAddress, false);
        if (raw_.Address.pLocalAddress->sa_family == AF_INET6) host = "[" + host + "]";
    }
    const detail::wide_string wide_host = detail::widen_ascii(host);
    detail::wide_string cooked_host = wide_host;
    if (detail::host_without_port(wide_host) == wide_host)
        cooked_host += detail::widen_ascii(":" + std::to_string(local_port));
    const std::string& url = spec.url_;
    const auto question = url.find('?');
    detail::wide_string path;
    if (const char* problem = detail::cook_path(url.substr(0, question), path))
        refuse(std::string(problem) + ": \"" + url.substr(0, 64) + "\"");
    const std::string query = question == std::string::npos ? std::string() : url.substr(question);
    build_cooked_url(cooked_host, path, detail::url_bytes_to_wide(query.data(), query.size()));
    if (raw_.CookedUrl.pFullUrl == nullptr) refuse("the cooked URL would exceed 65535 bytes");

    local_hosts_.push_back(L"localhost");
    local_hosts_.push_back(detail::host_without_port(wide_host));
    const std::string local_text = detail::address_text(raw_.Address.pLocalAddress);
    local_hosts_.push_back(detail::widen_ascii(local_text));
    local_hosts_.push_back(detail::widen_ascii("[" + local_text + "]"));
    for (const auto& name : spec.local_host_names_)
        local_hosts_.push_back(detail::utf8_to_wide(name.data(), name.size()));

    body_ = spec.body_;
    generator_ = spec.generator_;
    body_length_ = spec.body_length_;
    announced_length_ = body_length_;
    if (has_length && !spec.chunked_) {
        // A Content-Length the test gave wins: IIS reads what was announced, and a client that
        // sends less fails the read with ERROR_CONNECTION_INVALID (REQ-READ-4).
        const HTTP_KNOWN_HEADER& length = raw_.Headers.KnownHeaders[HttpHeaderContentLength];
        ULONGLONG announced = 0;
        for (USHORT i = 0; i < length.RawValueLength; ++i) {
            const char c = length.pRawValue[i];
            if (c < '0' || c > '9') refuse("Content-Length is not a number");
            if (announced > (~0ull - 9) / 10) refuse("Content-Length is too large");
            announced = announced * 10 + static_cast<ULONGLONG>(c - '0');
        }
        if (length.RawValueLength == 0) refuse("Content-Length is empty");
        announced_length_ = announced;
    }
    chunked_ = spec.chunked_;
    read_sizes_ = spec.read_sizes_;
    for (const auto& fault : spec.faults_) fail_nth(fault.method, fault.nth, fault.result);
    if (spec.disconnect_armed_) disconnect_after(spec.disconnect_at_, spec.disconnect_result_);
    if (body_length_ > 0) raw_.Flags |= HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS;
}

template <class Unused>
FakeHttpRequestBase<Unused>::~FakeHttpRequestBase() noexcept(false) {
    if (own_core_) own_core_->end_of_request("FakeHttpRequest::~FakeHttpRequest");
}

// ---- headers --------------------------------------------------------------------------------

template <class Unused>
const char* FakeHttpRequestBase<Unused>::find_header(const char* name, std::size_t length,
                                                            USHORT* pcch) const {
    const int id = request_header_id(name, length);
    if (id >= 0) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (pcch) *pcch = slot.pRawValue ? slot.RawValueLength : 0;
        return slot.pRawValue;
    }
    const HTTP_UNKNOWN_HEADER* entry = headers_.find_unknown(name, length);
    if (pcch) *pcch = entry ? entry->RawValueLength : 0;
    return entry ? entry->pRawValue : nullptr;
}

template <class Unused>
PCSTR FakeHttpRequestBase<Unused>::GetHeader(PCSTR pszHeaderName,
                                                    USHORT* pcchHeaderValue) const {
    if (!pszHeaderName) {
        record(Method::GetHeader, "NULL", S_OK);
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpRequest::GetHeader", "REQ-GH-7", "pszHeaderName is NULL", S_OK,
               "the fake returns NULL");
        return nullptr;
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (options_.record_calls || core_->threaded()) record(Method::GetHeader, pszHeaderName, S_OK);
    else core_->count(On::request, Method::GetHeader);
    return find_header(pszHeaderName, length, pcchHeaderValue);
}

// The id arrives as an int: module code passes -1 for "not found" and other values outside the
// enumeration, which must never be used as an index (T-6).
template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::report_bad_id(const char* method, int id,
                                                          HRESULT result) const {
    return report(method, "REQ-GH-6",
                  "header id " + std::to_string(id) + " is not a request header id (0..40)",
                  result, result == S_OK ? "the fake returns NULL" : nullptr);
}

template <class Unused>
PCSTR FakeHttpRequestBase<Unused>::GetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                                    USHORT* pcchHeaderValue) const {
    const int id = static_cast<int>(ulHeaderIndex);
    record(Method::GetHeader, std::to_string(id), S_OK);
    if (pcchHeaderValue) *pcchHeaderValue = 0;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        report_bad_id("IHttpRequest::GetHeader", id, S_OK);
        return nullptr;
    }
    const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
    if (pcchHeaderValue && slot.pRawValue) *pcchHeaderValue = slot.RawValueLength;
    return slot.pRawValue;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                      USHORT cchHeaderValue, BOOL fReplace) {
    const char* method = "IHttpRequest::SetHeader";
    std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "REQ-SH-1", "pszHeaderName is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (!detail::is_token(pszHeaderName, length)) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "REQ-SH-4",
                      "header name \"" + arguments + "\" is not an HTTP token", E_INVALIDARG);
    }
    result = set_header(method, request_header_id(pszHeaderName, length), pszHeaderName, length,
                        pszHeaderValue, cchHeaderValue, fReplace);
    record(Method::SetHeader, arguments, result);
    report_deferred();
    return result;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                                      PCSTR pszHeaderValue, USHORT cchHeaderValue,
                                                      BOOL fReplace) {
    const char* method = "IHttpRequest::SetHeader";
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        record(Method::SetHeader, std::to_string(id), E_INVALIDARG);
        return report_bad_id(method, id, E_INVALIDARG);
    }
    const char* name = request_header_name(id);
    result = set_header(method, id, name, std::strlen(name), pszHeaderValue, cchHeaderValue,
                        fReplace);
    record(Method::SetHeader, std::to_string(id), result);
    report_deferred();
    return result;
}

// What the value's bytes allow, before anything changes: a NUL within cch means cch runs past
// the caller's value (misuse: the length is wrong whatever the data); CR or LF is data module
// code may have taken from the client, so it only fails the call (REQ-SH-3, REQ-SH-4).
template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::set_header(const char* method, int id,
                                                       const char* name, std::size_t name_length,
                                                       PCSTR value, USHORT cch, BOOL replace) {
    if (!value && cch > 0)
        return defer(method, "REQ-SH-4", "pszHeaderValue is NULL with a non-zero length",
                     E_INVALIDARG);
    if (!value) value = "";
    if (detail::has_nul(value, cch))
        return defer(method, "REQ-SH-3",
                     "cchHeaderValue (" + std::to_string(cch) +
                         ") runs past the end of the value: it holds a NUL at byte " +
                         std::to_string(std::strlen(value)),
                     E_INVALIDARG);
    for (USHORT i = 0; i < cch; ++i)
        if (value[i] == '\r' || value[i] == '\n') return E_INVALIDARG;
    const std::string& separator = options_.append_separator;
    if (!replace) detail::check_separator(separator);
    using Status = typename Headers::Status;
    const Status status =
        id >= 0 ? headers_.set_known(id, value, cch, replace != FALSE, separator)
                : headers_.set_unknown(name, name_length, value, cch, replace != FALSE, separator);
    // Too long (an append past 65535 bytes, T-5) or too many depends on the request's data.
    return status == Status::ok ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::DeleteHeader, arguments, E_INVALIDARG);
        return report("IHttpRequest::DeleteHeader", "REQ-DH-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    const int id = request_header_id(pszHeaderName, length);
    if (id >= 0) {
        headers_.clear_known(id);
    } else {
        headers_.remove_unknown(pszHeaderName, length, options_.delete_all_duplicates);
    }
    record(Method::DeleteHeader, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderRequestMaximum) {
        record(Method::DeleteHeader, std::to_string(id), E_INVALIDARG);
        return report_bad_id("IHttpRequest::DeleteHeader", id, E_INVALIDARG);
    }
    headers_.clear_known(id);
    record(Method::DeleteHeader, std::to_string(id), S_OK);
    return S_OK;
}

// ---- method -----------------------------------------------------------------------------------

// With poisoning, a method or URL the fake replaced reads "<stale>"; memory module code owns is
// never touched (Pool::find knows only the fake's own blocks).
template <class Unused>
void FakeHttpRequestBase<Unused>::retire(PCSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::retire(PCWSTR value) {
    if (!options_.poison_replaced_values) return;
    const auto stale = wide_strings_.find(value);
    detail::poison_text(stale.data, stale.size);
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::method_text() const {
    if (raw_.Verb == HttpVerbUnknown)
        return raw_.pUnknownVerb ? std::string(raw_.pUnknownVerb, raw_.UnknownVerbLength)
                                 : std::string();
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
PCSTR FakeHttpRequestBase<Unused>::GetHttpMethod(VOID) const {
    record(Method::GetHttpMethod, std::string(), S_OK);
    if (raw_.Verb == HttpVerbUnknown) return raw_.pUnknownVerb ? raw_.pUnknownVerb : "";
    return detail::verb_text(raw_.Verb);
}

template <class Unused>
void FakeHttpRequestBase<Unused>::set_verb(const std::string& verb) {
    const PCSTR old = raw_.pUnknownVerb;
    raw_.Verb = detail::verb_of(verb);
    if (raw_.Verb == HttpVerbUnknown) {
        raw_.pUnknownVerb = strings_.copy(verb.data(), verb.size());
        raw_.UnknownVerbLength = static_cast<USHORT>(verb.size());
    } else {
        raw_.pUnknownVerb = nullptr;
        raw_.UnknownVerbLength = 0;
    }
    retire(old);
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetHttpMethod(PCSTR pszHttpMethod) {
    const std::string arguments = pszHttpMethod ? pszHttpMethod : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHttpMethod, arguments, result)) return result;
    if (!pszHttpMethod) {
        record(Method::SetHttpMethod, arguments, E_INVALIDARG);
        return report("IHttpRequest::SetHttpMethod", "REQ-M-2", "pszHttpMethod is NULL",
                      E_INVALIDARG);
    }
    // Data, not misuse: the method may come from the client (X-HTTP-Method-Override).
    if (arguments.size() > detail::max_ushort) {  // UnknownVerbLength is a USHORT
        record(Method::SetHttpMethod, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    if (!detail::is_token(pszHttpMethod, arguments.size()) &&
        FAILED(options_.non_token_method_result)) {
        record(Method::SetHttpMethod, arguments, options_.non_token_method_result);
        return options_.non_token_method_result;
    }
    set_verb(arguments);
    record(Method::SetHttpMethod, arguments, S_OK);
    return S_OK;
}

// ---- URL ----------------------------------------------------------------------------------

template <class Unused>
void FakeHttpRequestBase<Unused>::build_cooked_url(const detail::wide_string& host,
                                              const detail::wide_string& path,
                                              const detail::wide_string& query) {
    const detail::wide_string scheme = raw_.pSslInfo ? L"https://" : L"http://";
    const detail::wide_string full = scheme + host + path + query;
    if (full.size() * sizeof(WCHAR) > detail::max_ushort) return;  // caller checks pFullUrl
    const PCWSTR old = raw_.CookedUrl.pFullUrl;
    WCHAR* buffer = wide_strings_.copy(full.data(), full.size());
    raw_.CookedUrl.pFullUrl = buffer;
    raw_.CookedUrl.pHost = buffer + scheme.size();
    raw_.CookedUrl.pAbsPath = buffer + scheme.size() + host.size();
    raw_.CookedUrl.pQueryString =
        query.empty() ? nullptr : buffer + scheme.size() + host.size() + path.size();
    raw_.CookedUrl.FullUrlLength = static_cast<USHORT>(full.size() * sizeof(WCHAR));
    raw_.CookedUrl.HostLength = static_cast<USHORT>(host.size() * sizeof(WCHAR));
    raw_.CookedUrl.AbsPathLength = static_cast<USHORT>(path.size() * sizeof(WCHAR));
    raw_.CookedUrl.QueryStringLength = static_cast<USHORT>(query.size() * sizeof(WCHAR));
    retire(old);
}

template <class Unused>
bool FakeHttpRequestBase<Unused>::is_local_host(const detail::wide_string& host) const {
    const detail::wide_string bare = detail::host_without_port(host);
    for (const auto& local : local_hosts_)
        if (detail::wide_iequals(bare, local)) return true;
    // An IPv6 literal is local when it is the local address however it is spelt ("[::1]" as
    // well as the "[0:0:0:0:0:0:0:1]" that local_hosts_ holds).
    const std::string text = detail::wide_to_utf8(bare.data(), bare.size());
    unsigned char bytes[16];
    if (local_.ss_family != AF_INET6 || text.size() < 3 || text[0] != '[' ||
        !detail::parse_ipv6(text, bytes))
        return false;
    SOCKADDR_IN6 local;
    std::memcpy(&local, &local_, sizeof local);
    return std::memcmp(&local.sin6_addr, bytes, sizeof bytes) == 0;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::set_url(const detail::wide_string& given,
                                                    BOOL reset) {
    detail::wide_string url = given;
    for (const PCWSTR prefix : {L"http://", L"https://"}) {
        const detail::wide_string scheme = prefix;
        if (url.size() < scheme.size() ||
            !detail::wide_iequals(url.substr(0, scheme.size()), scheme))
            continue;
        const auto end = url.find_first_of(L"/?", scheme.size());
        const detail::wide_string host = url.substr(scheme.size(), end - scheme.size());
        if (!is_local_host(host)) {  // REQ-FU-1: another server's URL is forwarded
            const PCWSTR old = forwarded_url_;
            forwarded_url_ = wide_strings_.copy(url.data(), url.size());
            retire(old);
            url_changed_ = true;
            return S_OK;
        }
        url = end == detail::wide_string::npos ? detail::wide_string(L"/") : url.substr(end);
        if (url[0] == L'?') url = L"/" + url;
        break;
    }
    if (url.empty() || url[0] != L'/') return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
    const auto question = url.find(L'?');
    const detail::wide_string path = url.substr(0, question);
    detail::wide_string query;
    if (question != detail::wide_string::npos) {
        query = url.substr(question);  // REQ-URL-5: a query in the URL always takes effect
    } else if (!reset && raw_.CookedUrl.pQueryString) {
        query.assign(raw_.CookedUrl.pQueryString,
                     raw_.CookedUrl.QueryStringLength / sizeof(WCHAR));
    }
    const detail::wide_string host(raw_.CookedUrl.pHost,
                                   raw_.CookedUrl.pHost ? raw_.CookedUrl.HostLength / sizeof(WCHAR)
                                                        : 0);
    const std::size_t scheme_size = raw_.pSslInfo ? 8 : 7;
    const std::size_t bytes = (scheme_size + host.size() + path.size() + query.size()) * sizeof(WCHAR);
    if (bytes > detail::max_ushort) return E_INVALIDARG;  // the USHORT lengths (REQ-URL-4)
    build_cooked_url(host, path, query);
    const PCWSTR old_forward = forwarded_url_;
    forwarded_url_ = nullptr;
    retire(old_forward);
    url_changed_ = true;
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCWSTR pszUrl, DWORD cchUrl,
                                                   BOOL fResetQueryString) {
    const bool runs_past = pszUrl && detail::has_nul(pszUrl, cchUrl);
    return set_url_call(!pszUrl && cchUrl > 0, runs_past, true,
                        pszUrl && !runs_past ? detail::wide_string(pszUrl, cchUrl)
                                             : detail::wide_string(),
                        fResetQueryString);
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::SetUrl(PCSTR pszUrl, DWORD cchUrl,
                                                   BOOL fResetQueryString) {
    const bool runs_past = pszUrl && detail::has_nul(pszUrl, cchUrl);
    // UTF-8 [I] (REQ-URL-7); bytes that are not UTF-8 (an overlong "/" or NUL among them) make
    // the URL invalid rather than turning into path characters.
    detail::wide_string url;
    const bool decoded = !pszUrl || runs_past || detail::utf8_to_wide_strict(pszUrl, cchUrl, url);
    if (!decoded) url = detail::utf8_to_wide(pszUrl, cchUrl);  // for the call log only
    return set_url_call(!pszUrl && cchUrl > 0, runs_past, decoded, url, fResetQueryString);
}

// Both SetUrl overloads, once the URL is wide (REQ-URL-3: cchUrl counts WCHARs or bytes).
template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::set_url_call(bool null_with_length, bool runs_past,
                                                         bool decoded,
                                                         const detail::wide_string& url,
                                                         BOOL reset) {
    const char* method = "IHttpRequest::SetUrl";
    const std::string arguments =
        detail::wide_to_utf8(url.data(), url.size()) + (reset ? ", TRUE" : ", FALSE");
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetUrl, arguments, result)) return result;
    if (null_with_length || runs_past) {
        record(Method::SetUrl, arguments, E_INVALIDARG);
        return report(method, "REQ-URL-3",
                      null_with_length ? "pszUrl is NULL with a non-zero cchUrl"
                                       : "cchUrl runs past the end of pszUrl",
                      E_INVALIDARG);
    }
    result = decoded ? set_url(url, reset) : E_INVALIDARG;
    record(Method::SetUrl, arguments, result);
    return result;
}

// ---- entity body ----------------------------------------------------------------------------

// A client that sent the whole body has sent it: a disconnect at its very end reads as EOF
// (REQ-READ-3, T-11).
template <class Unused>
bool FakeHttpRequestBase<Unused>::disconnected() const {
    return disconnect_armed_ && body_offset_ >= disconnect_at_ &&
           body_offset_ < announced_length_;
}

template <class Unused>
bool FakeHttpRequestBase<Unused>::at_end() const {
    for (const auto& chunk : inserted_)
        if (chunk.offset < chunk.size) return false;
    return body_offset_ >= announced_length_;
}

template <class Unused>
typename FakeHttpRequestBase<Unused>::Transfer FakeHttpRequestBase<Unused>::transfer(unsigned char* out, DWORD capacity) {
    DWORD limit = capacity;
    if (!read_sizes_.empty()) {
        const DWORD cap = read_sizes_[read_count_++ % read_sizes_.size()];
        if (cap > 0 && cap < limit) limit = cap;
    }
    for (auto& chunk : inserted_) {  // inserted bytes come before unread client bytes (REQ-INS-1)
        if (chunk.offset >= chunk.size) continue;
        const DWORD n = (chunk.size - chunk.offset) < limit ? chunk.size - chunk.offset : limit;
        std::memcpy(out, chunk.data + chunk.offset, n);
        chunk.offset += n;
        inserted_consumed_ += n;
        return Transfer{n, S_OK};
    }
    if (disconnected()) return Transfer{0, disconnect_result_};
    if (body_offset_ >= body_length_ && body_offset_ < announced_length_)
        return Transfer{0, HRESULT_FROM_WIN32(ERROR_CONNECTION_INVALID)};  // client sent less
    const ULONGLONG end = body_length_ < announced_length_ ? body_length_ : announced_length_;
    ULONGLONG available = end - body_offset_;
    if (disconnect_armed_ && disconnect_at_ - body_offset_ < available)
        available = disconnect_at_ - body_offset_;
    if (available == 0) return Transfer{0, detail::eof_result};
    const DWORD n = available < limit ? static_cast<DWORD>(available) : limit;
    if (generator_)
        generator_(body_offset_, out, n);
    else
        std::memcpy(out, body_.data() + body_offset_, n);
    body_offset_ += n;
    return Transfer{n, S_OK, true};
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::read(const char* method, VOID* buffer, DWORD size, BOOL async,
                                     PFN_ASYNC_COMPLETION callback, void* context,
                                     bool has_callback, DWORD* received, BOOL* pending,
                                     std::string extra) {
    std::string arguments;
    if (options_.record_calls) {
        arguments = std::to_string(size) + (async ? ", async" : ", sync");
        if (!extra.empty()) arguments += ", " + extra;
    }
    auto finish_now = [&](DWORD bytes, HRESULT result) {
        if (received) *received = bytes;
        if (pending) *pending = FALSE;
        record(Method::ReadEntityBody, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    Operation op{};
    Transfer inline_result{0, S_OK};
    bool done_inline = false;
    {
        auto guard = lock();
        if (injected(Method::ReadEntityBody, result)) return finish_now(0, result);
        if (!buffer || size == 0) {
            finish_now(0, E_INVALIDARG);
            return report(method, "REQ-READ-4",
                          buffer ? "cbBuffer is 0" : "pvBuffer is NULL", E_INVALIDARG);
        }
        if (has_callback && async && !callback) {
            finish_now(0, E_INVALIDARG);
            return report(method, "REQ-R3-1",
                          "an asynchronous read without pfnCompletionCallback", E_INVALIDARG);
        }
        if (io_pending()) {
            finish_now(0, HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
            return report(method, "REQ-READ-8",
                          "a second read while one is still pending (only one outstanding read "
                          "per request unless full duplex is enabled)",
                          HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        }
        if (!async) {
            inline_result = transfer(static_cast<unsigned char*>(buffer), size);
            done_inline = true;
        } else {
            bool inserted_left = false;
            for (const auto& chunk : inserted_)
                inserted_left = inserted_left || chunk.offset < chunk.size;
            // A client that went away fails the read as the policy says: inline at once, or as
            // a completion with the disconnect HRESULT (REQ-CI-3); transfer() yields that HRESULT.
            if (!(disconnected() && !inserted_left) && at_end() &&
                options_.async_eof == AsyncEof::immediate)
                return finish_now(0, detail::eof_result);
            if (!core_->goes_pending(pending, async_reads_)) {
                inline_result = transfer(static_cast<unsigned char*>(buffer), size);
                done_inline = true;
            } else {
                op = Operation{OperationKind::read, &completer_,
                               static_cast<unsigned char*>(buffer), size, has_callback, callback,
                               context, nullptr, CompletionSink(), false, false};
                if (received) *received = 0;
                if (pending) *pending = TRUE;
            }
        }
    }
    if (done_inline) {
        raise_read_entity(static_cast<unsigned char*>(buffer), size, inline_result);
        return finish_now(inline_result.bytes, inline_result.status);
    }
    record(Method::ReadEntityBody, options_.record_calls ? arguments + ", pending" : arguments,
           S_OK);
    core_->start(op);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::InsertEntityBody(VOID* pvBuffer, DWORD cbBuffer) {
    const std::string arguments = std::to_string(cbBuffer);
    HRESULT result = S_OK;
    if (injected_recorded(Method::InsertEntityBody, arguments, result)) return result;
    if (!pvBuffer && cbBuffer > 0) {
        record(Method::InsertEntityBody, arguments, E_INVALIDARG);
        return report("IHttpRequest::InsertEntityBody", "REQ-INS-2",
                      "pvBuffer is NULL with a non-zero cbBuffer", E_INVALIDARG);
    }
    if (cbBuffer > 0) {
        auto guard = lock();
        // Kept by pointer and read when the module reads, as IIS does (REQ-INS-2, T-3).
        inserted_.push_back(Inserted{static_cast<const unsigned char*>(pvBuffer), cbBuffer, 0});
    }
    record(Method::InsertEntityBody, arguments, S_OK);
    return S_OK;
}

template <class Unused>
DWORD FakeHttpRequestBase<Unused>::GetRemainingEntityBytes(VOID) {
    ULONGLONG remaining = 0;
    {
        auto guard = lock();
        ULONGLONG inserted = 0;
        for (const auto& chunk : inserted_) inserted += chunk.size - chunk.offset;
        if (chunked_) {
            remaining = at_end() ? 0 : options_.chunked_remaining;
        } else {
            remaining = announced_length_ - body_offset_;
            if (options_.count_inserted_bytes) remaining += inserted;
        }
    }
    const DWORD result = remaining > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<DWORD>(remaining);
    record(Method::GetRemainingEntityBytes, std::to_string(result), S_OK);
    return result;
}

template <class Unused>
ULONGLONG FakeHttpRequestBase<Unused>::body_consumed() const {
    auto guard = lock();
    return body_offset_;
}

template <class Unused>
ULONGLONG FakeHttpRequestBase<Unused>::inserted_consumed() const {
    auto guard = lock();
    return inserted_consumed_;
}

// ---- asynchronous completion ----------------------------------------------------------------

template <class Unused>
detail::Transfer FakeHttpRequestBase<Unused>::complete_operation(const Operation& op) {
    Transfer result{0, S_OK};
    {
        auto guard = lock();
        if (op.kind == OperationKind::negotiate) {
            install_negotiated_certificate();
            return result;
        }
        result = transfer(op.buffer, op.size);
    }
    raise_read_entity(op.buffer, op.size, result);
    return result;
}

// RQ_READ_ENTITY: modules may substitute what the reader gets; module code, so never under the
// request's lock.
template <class Unused>
void FakeHttpRequestBase<Unused>::raise_read_entity(unsigned char* buffer, DWORD capacity,
                                                    Transfer& result) {
    if (!result.from_client || result.bytes == 0 || !core_->pipeline_) return;
    result.bytes = core_->pipeline_->read_entity(buffer, result.bytes, capacity);
}

// Without full duplex a request has one outstanding I/O operation: a read, a certificate
// negotiation or a response write (REQ-READ-8, §1.7).
template <class Unused>
bool FakeHttpRequestBase<Unused>::io_pending() const {
    return !options_.full_duplex && (core_->pending_of(OperationKind::read) ||
                                     core_->pending_of(OperationKind::negotiate) ||
                                     core_->pending_of(OperationKind::write));
}

// ---- version, certificates, site, channel binding -------------------------------------------

template <class Unused>
VOID FakeHttpRequestBase<Unused>::GetHttpVersion(USHORT* pMajorVersion, USHORT* pMinorVersion) const {
    record(Method::GetHttpVersion, std::string(), S_OK);
    if (!pMajorVersion || !pMinorVersion) {
        report("IHttpRequest::GetHttpVersion", "REQ-VER-1",
               "pMajorVersion and pMinorVersion are both required", S_OK,
               "the fake writes nothing");
        return;
    }
    *pMajorVersion = raw_.Version.MajorVersion;
    *pMinorVersion = raw_.Version.MinorVersion;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::GetClientCertificate(HTTP_SSL_CLIENT_CERT_INFO** ppClientCertInfo,
                                                     BOOL* pfClientCertNegotiated) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetClientCertificate, std::string(), result)) return result;
    if (!ppClientCertInfo || !pfClientCertNegotiated) {
        record(Method::GetClientCertificate, std::string(), E_INVALIDARG);
        return report("IHttpRequest::GetClientCertificate", "REQ-CERT-1",
                      "ppClientCertInfo and pfClientCertNegotiated are both required",
                      E_INVALIDARG);
    }
    const HTTP_SSL_INFO* ssl = raw_.pSslInfo;
    *ppClientCertInfo = ssl ? ssl->pClientCertInfo : nullptr;
    *pfClientCertNegotiated = (ssl && ssl->SslClientCertNegotiated) ? TRUE : FALSE;
    result = *ppClientCertInfo ? S_OK : HRESULT_FROM_WIN32(ERROR_NOT_FOUND);
    record(Method::GetClientCertificate, std::string(), result);
    return result;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::NegotiateClientCertificate(BOOL fAsync, BOOL* pfCompletionPending) {
    const std::string arguments = fAsync ? "async" : "sync";
    HRESULT result = S_OK;
    auto finish_now = [&](HRESULT outcome) {
        if (pfCompletionPending) *pfCompletionPending = FALSE;
        record(Method::NegotiateClientCertificate, arguments, outcome);
        return outcome;
    };
    if (injected(Method::NegotiateClientCertificate, result)) return finish_now(result);
    if (!raw_.pSslInfo) return finish_now(E_FAIL);  // no TLS, nothing to renegotiate
    const Operation op{OperationKind::negotiate, &completer_, nullptr, 0, false, nullptr, nullptr,
                       nullptr, CompletionSink(), false, false};
    if (fAsync) {
        bool later = false;
        {
            auto guard = lock();
            later = core_->goes_pending(pfCompletionPending, async_reads_);
            if (later) {
                if (io_pending()) {
                    finish_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                    return report("IHttpRequest::NegotiateClientCertificate", "REQ-READ-8",
                                  "an asynchronous operation is already pending",
                                  HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
                }
            }
        }
        if (later) {
            if (pfCompletionPending) *pfCompletionPending = TRUE;
            record(Method::NegotiateClientCertificate, arguments + ", pending", S_OK);
            core_->start(op);
            return S_OK;
        }
    }
    {
        auto guard = lock();
        install_negotiated_certificate();
    }
    return finish_now(S_OK);
}

// A certificate and its bytes are server-owned until the request ends: a new one (after a
// renegotiation) gets new storage, so the pointers module code took from the old one stay
// valid and keep their bytes.
template <class Unused>
void FakeHttpRequestBase<Unused>::install_certificate(const std::string& der,
                                                             ULONG flags) {
    HTTP_SSL_CLIENT_CERT_INFO* info = certificates_.make(1);
    info->CertFlags = flags;
    info->CertEncodedSize = static_cast<ULONG>(der.size());
    info->pCertEncoded = certificate_bytes_.copy(
        reinterpret_cast<const unsigned char*>(der.data()), der.size());
    ssl_.pClientCertInfo = info;
}

// A renegotiation that succeeded: the client's certificate, if the test gave one, appears.
template <class Unused>
void FakeHttpRequestBase<Unused>::install_negotiated_certificate() {
    if (has_negotiable_) install_certificate(negotiable_bytes_, negotiable_flags_);
    ssl_.SslClientCertNegotiated = 1;
}

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::GetChannelBindingToken(PBYTE* ppToken, DWORD* pTokenSize) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetChannelBindingToken, std::string(), result)) return result;
    if (!ppToken || !pTokenSize) {
        record(Method::GetChannelBindingToken, std::string(), E_INVALIDARG);
        return report("IHttpRequest2::GetChannelBindingToken", "REQ-CBT-1",
                      "ppToken and pTokenSize are both required", E_INVALIDARG);
    }
    if (!has_channel_binding_token_) {
        *ppToken = nullptr;
        *pTokenSize = 0;
        result = options_.missing_channel_binding_result;
    } else {
        *ppToken = reinterpret_cast<PBYTE>(&channel_binding_token_[0]);
        *pTokenSize = static_cast<DWORD>(channel_binding_token_.size());
    }
    record(Method::GetChannelBindingToken, std::string(), result);
    return result;
}

// ---- header change tracking (REQ-HC) --------------------------------------------------------

template <class Unused>
HRESULT FakeHttpRequestBase<Unused>::GetHeaderChanges(
    DWORD dwOldChangeNumber, DWORD* pdwNewChangeNumber,
    PCSTR knownHeaderSnapshot[HttpHeaderRequestMaximum], DWORD* pdwUnknownHeaderSnapshot,
    PCSTR** ppUnknownHeaderNameSnapshot, PCSTR** ppUnknownHeaderValueSnapshot,
    DWORD diffedKnownHeaderIndices[HttpHeaderRequestMaximum + 1], DWORD* pdwDiffedUnknownHeaders,
    DWORD** ppDiffedUnknownHeaderIndices) {
    const std::string arguments = std::to_string(dwOldChangeNumber);
    HRESULT result = S_OK;
    if (injected_recorded(Method::GetHeaderChanges, arguments, result)) return result;
    if (!pdwNewChangeNumber || !knownHeaderSnapshot || !pdwUnknownHeaderSnapshot ||
        !ppUnknownHeaderNameSnapshot || !ppUnknownHeaderValueSnapshot ||
        !diffedKnownHeaderIndices || !pdwDiffedUnknownHeaders || !ppDiffedUnknownHeaderIndices) {
        record(Method::GetHeaderChanges, arguments, E_INVALIDARG);
        return report("IHttpRequest::GetHeaderChanges", "REQ-HC-2",
                      "every pointer argument is required", E_INVALIDARG);
    }
    *pdwNewChangeNumber = headers_.change_number();

    // Known headers: the caller's snapshot of value pointers against the current slots, and
    // the slot's last change (an append may extend a value in place, keeping its pointer).
    std::size_t diffed = 0;
    for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
        const PCSTR current = raw_.Headers.KnownHeaders[id].pRawValue;
        if (knownHeaderSnapshot[id] != current ||
            headers_.known_changed_at(id) > dwOldChangeNumber) {
            diffedKnownHeaderIndices[diffed++] = static_cast<DWORD>(id);
            knownHeaderSnapshot[id] = current;
        }
    }
    diffedKnownHeaderIndices[diffed] = static_cast<DWORD>(-1);

    // Unknown headers: an entry counts as changed when the old snapshot had no entry of that
    // name with the same value pointer. The new snapshot arrays are server-owned.
    const DWORD old_count = *pdwUnknownHeaderSnapshot;
    const PCSTR* old_names = *ppUnknownHeaderNameSnapshot;
    const PCSTR* old_values = *ppUnknownHeaderValueSnapshot;
    const detail::PointerIndex old(old_names && old_values ? old_values : nullptr, old_count);
    const auto count = static_cast<USHORT>(headers_.unknown_count());
    PCSTR* names = pointer_arrays_.make(count);
    PCSTR* values = pointer_arrays_.make(count);
    DWORD* changed = index_arrays_.make(static_cast<std::size_t>(count) + 1);
    DWORD changed_count = 0;
    for (USHORT i = 0; i < count; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        names[i] = entry.pName;
        values[i] = entry.pRawValue;
        bool known = false;
        for (std::size_t k = old.first(entry.pRawValue); k != old.none && !known;
             k = old.next(entry.pRawValue))
            known = old_names[k] && entry.pName &&
                    std::strlen(old_names[k]) == entry.NameLength &&
                    detail::iequals(old_names[k], entry.pName, entry.NameLength);
        if (!known || headers_.unknown_changed_at(i) > dwOldChangeNumber)
            changed[changed_count++] = i;
    }
    changed[changed_count] = static_cast<DWORD>(-1);
    *pdwUnknownHeaderSnapshot = count;
    *ppUnknownHeaderNameSnapshot = names;
    *ppUnknownHeaderValueSnapshot = values;
    *pdwDiffedUnknownHeaders = changed_count;
    *ppDiffedUnknownHeaderIndices = changed;
    record(Method::GetHeaderChanges, arguments, S_OK);
    return S_OK;
}

// ---- inspection -------------------------------------------------------------------------------

template <class Unused>
std::vector<std::pair<std::string, std::string>> FakeHttpRequestBase<Unused>::headers() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (slot.pRawValue)
            out.emplace_back(request_header_name(id),
                             std::string(slot.pRawValue, slot.RawValueLength));
    }
    for (std::size_t i = 0; i < headers_.unknown_count(); ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        out.emplace_back(entry.pName ? std::string(entry.pName, entry.NameLength) : std::string(),
                         entry.pRawValue ? std::string(entry.pRawValue, entry.RawValueLength)
                                         : std::string());
    }
    return out;
}

template <class Unused>
bool FakeHttpRequestBase<Unused>::has_header(const std::string& name) const {
    return find_header(name.data(), name.size(), nullptr) != nullptr;
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::header(const std::string& name) const {
    USHORT length = 0;
    const char* value = find_header(name.data(), name.size(), &length);
    return value ? std::string(value, length) : std::string();
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::method() const { return method_text(); }

template <class Unused>
std::string FakeHttpRequestBase<Unused>::url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pAbsPath) return std::string();
    return detail::wide_to_utf8(cooked.pAbsPath,
                                (cooked.AbsPathLength + cooked.QueryStringLength) / sizeof(WCHAR));
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::full_url() const {
    const HTTP_COOKED_URL& cooked = raw_.CookedUrl;
    if (!cooked.pFullUrl) return std::string();
    return detail::wide_to_utf8(cooked.pFullUrl, cooked.FullUrlLength / sizeof(WCHAR));
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::raw_url() const {
    return raw_.pRawUrl ? std::string(raw_.pRawUrl, raw_.RawUrlLength) : std::string();
}

template <class Unused>
std::string FakeHttpRequestBase<Unused>::forwarded_url() const {
    if (!forwarded_url_) return std::string();
    std::size_t length = 0;
    while (forwarded_url_[length]) ++length;
    return detail::wide_to_utf8(forwarded_url_, length);
}

}  // namespace detail
#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpRequestBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
