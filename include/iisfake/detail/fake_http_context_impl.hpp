#ifndef IISFAKE_DETAIL_FAKE_HTTP_CONTEXT_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_CONTEXT_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpContext (declared in fake_http_context.hpp).

#include "iisfake/fake_http_context.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {

inline wide_string widen_utf8(const std::string& text) {
    return utf8_to_wide(text.data(), text.size());
}

inline std::string upper_ascii(const char* text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// HTTP_<NAME> for a header: upper case, '-' becomes '_' (as CGI names them).
inline std::string cgi_name(const std::string& header) {
    std::string out = "HTTP_" + upper_ascii(header.c_str());
    for (char& c : out)
        if (c == '-') c = '_';
    return out;
}

inline unsigned port_of(const SOCKADDR* address) {
    if (!address) return 0;
    unsigned char bytes[4] = {};
    std::memcpy(bytes, address, sizeof bytes);  // sin_port and sin6_port: bytes 2-3, big-endian
    return static_cast<unsigned>(bytes[2]) * 256u + bytes[3];
}

template <class Unused>
FakeHttpContextBase<Unused>::FakeHttpContextBase(const RequestBuilder& spec,
                                                 ContextSettings settings)
    : settings_(std::move(settings)),
      request_(spec, core_),
      response_(core_),
      user_(widen_utf8(settings_.user_name), widen_utf8(settings_.auth_type), reporter()),
      site_(request_.site_id(), widen_utf8(settings_.site_name), reporter()),
      application_(widen_utf8(settings_.physical_root), widen_utf8(settings_.application_id),
                   widen_utf8(settings_.config_path), reporter()),
      connection_(reporter()),
      url_info_(reporter()),
      metadata_(config_path_of(widen_utf8("MACHINE/WEBROOT/APPHOST/" + settings_.site_name),
                               url_path()),
                widen_utf8(settings_.physical_root), reporter()),
      contexts_(reporter(), "IHttpModuleContextContainer"),
      named_(reporter()),
      authentication_([this](IHttpUser* user) {
          if (authenticated_) authenticated_->DereferenceUser();
          authenticated_ = user;
      }),
      now_ms_(settings_.start_time_ms) {
    spec_ = spec;
    core_.name_ = "FakeHttpContext";
    core_.http_context_ = this;  // what PFN_ASYNC_COMPLETION callbacks receive
    response_.set_request_memory_check(
        [this](const void* data, std::size_t size) { return is_request_memory(data, size); });
    response_.set_request_url([this] { return request_.full_url(); });
}

template <class Unused>
FakeHttpContextBase<Unused>::~FakeHttpContextBase() noexcept(false) {
    if (std::uncaught_exceptions() == 0) end_request();
    core_.end_of_request("FakeHttpContext::~FakeHttpContext");
}

template <class Unused>
void FakeHttpContextBase<Unused>::end_request() {
    if (ended_) return;
    ended_ = true;
    core_.wait_for_completions();
    response_.end_request();
    contexts_.cleanup();
    named_.cleanup();
    if (authenticated_) authenticated_->DereferenceUser();  // PROV-2: the provider owned it
    authenticated_ = nullptr;
    metadata_.contexts().cleanup();
    url_info_.contexts().cleanup();
    connection_.contexts().cleanup();
    application_.contexts().cleanup();
    site_.contexts().cleanup();
    // CTX-4: freed at the request's end; poisoned first, so a module still reading it reads
    // "<stale>" where AddressSanitizer is not there to catch it.
    for (Block& block : memory_) poison_text(block.data.get(), block.size);
    memory_.clear();
    memory_bytes_ = 0;
}

// ---- completion -------------------------------------------------------------------------------

template <class Unused>
VOID FakeHttpContextBase<Unused>::IndicateCompletion(
    REQUEST_NOTIFICATION_STATUS notificationStatus) {
    has_indicated_ = true;
    indicated_ = notificationStatus;
    record(Method::IndicateCompletion, std::to_string(static_cast<int>(notificationStatus)), S_OK);
    if (core_.pipeline_) core_.pipeline_->indicate_completion(notificationStatus);
}

// OnCustomRequestNotification of the modules that registered for it, on this thread; IIS
// reports no completion to come (PROV-3).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::NotifyCustomNotification(
    ICustomNotificationProvider* pCustomOutput, BOOL* pfCompletionExpected) {
    if (pfCompletionExpected) *pfCompletionExpected = FALSE;
    if (!core_.pipeline_) return not_supported(Method::NotifyCustomNotification);
    if (!pCustomOutput) {
        record(Method::NotifyCustomNotification, std::string(), E_INVALIDARG);
        return report("IHttpContext::NotifyCustomNotification", "PROV-3",
                      "pCustomOutput is NULL", E_INVALIDARG);
    }
    record(Method::NotifyCustomNotification, std::string(), S_OK);
    return core_.pipeline_->notify_custom(pCustomOutput, pfCompletionExpected);
}

// §1.7 item 5: a completion with GetCompletionBytes() == cbBytes and S_OK, delivered later to
// the module's OnAsyncCompletion (or, IHttpContext3, to the completion routine; CTX-12, T-23).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::post(DWORD bytes, LPOVERLAPPED_COMPLETION_ROUTINE routine,
                                          void* context) {
    const std::string arguments = std::to_string(bytes) + (routine ? ", routine" : "");
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::PostCompletion, arguments, result))
        return result;
    record(Method::PostCompletion, arguments, S_OK);
    core_.queue(Operation{OperationKind::post, nullptr, nullptr, bytes, false, nullptr, context,
                          routine, CompletionSink(), false, false});
    return S_OK;
}

// ---- child requests (CTX-9, CTX-10) -----------------------------------------------------------

namespace clone {
// What a cloned request's URL is when the module rewrote this one's: the cooked URL, encoded.
inline std::string encode_url(const std::string& decoded) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char byte : decoded) {
        const auto c = static_cast<unsigned char>(byte);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || std::strchr("/?=&;:@!$'()*+,-._~", c);
        if (plain && c != 0) {
            out += byte;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}
}  // namespace clone

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::CloneContext(DWORD dwCloneFlags, IHttpContext** ppHttpContext) {
    const std::string arguments = std::to_string(dwCloneFlags);
    if (!ppHttpContext) {
        record(Method::CloneContext, arguments, E_INVALIDARG);
        return report("IHttpContext::CloneContext", "CTX-10", "ppHttpContext is NULL",
                      E_INVALIDARG);
    }
    *ppHttpContext = nullptr;
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::CloneContext, arguments, result))
        return result;
    RequestBuilder child = spec_;
    child.faults_.clear();
    child.disconnect_armed_ = false;
    {
        // Reading this request to copy it is not the module's doing: kept out of the call log.
        ActingForIis quiet;
        const HTTP_REQUEST* raw = request_.GetRawHttpRequest();
        if ((dwCloneFlags & CLONE_FLAG_BASICS) != 0) {
            child.method_ = request_.GetHttpMethod();
            if (request_.GetUrlChanged()) {
                std::string url = wide_to_utf8(raw->CookedUrl.pAbsPath,
                                               raw->CookedUrl.AbsPathLength / sizeof(WCHAR));
                if (raw->CookedUrl.pQueryString)
                    url += wide_to_utf8(raw->CookedUrl.pQueryString,
                                        raw->CookedUrl.QueryStringLength / sizeof(WCHAR));
                child.url_ = clone::encode_url(url);
            } else {
                child.url_.assign(raw->pRawUrl ? raw->pRawUrl : "/", raw->RawUrlLength);
            }
        } else {
            child.method_ = "GET";  // the module sets the child's URL and method itself
            child.url_ = "/";
        }
        child.headers_.clear();
        if ((dwCloneFlags & CLONE_FLAG_HEADERS) != 0) {
            for (int id = 0; id < HttpHeaderRequestMaximum; ++id) {
                const HTTP_KNOWN_HEADER& known = raw->Headers.KnownHeaders[id];
                if (known.pRawValue && known.RawValueLength > 0)
                    child.headers_.emplace_back(request_header_name(id),
                                                std::string(known.pRawValue, known.RawValueLength));
            }
            for (USHORT i = 0; i < raw->Headers.UnknownHeaderCount; ++i) {
                const HTTP_UNKNOWN_HEADER& unknown = raw->Headers.pUnknownHeaders[i];
                if (unknown.pName && unknown.pRawValue)
                    child.headers_.emplace_back(std::string(unknown.pName, unknown.NameLength),
                                                std::string(unknown.pRawValue, unknown.RawValueLength));
            }
            child.default_host_ = false;
        }
    }
    if ((dwCloneFlags & CLONE_FLAG_NO_PRECONDITION) != 0) {
        for (const char* name : {"Range", "If-Range", "If-Match", "If-None-Match",
                                 "If-Modified-Since", "If-Unmodified-Since"})
            child.remove_header(name);
    }
    if ((dwCloneFlags & CLONE_FLAG_NO_DAV) != 0) {
        for (const char* name : {"Depth", "Destination", "Overwrite", "If", "Lock-Token",
                                 "Timeout", "Translate"})
            child.remove_header(name);
    }
    if ((dwCloneFlags & CLONE_FLAG_ENTITY) == 0) {
        child.body_.clear();
        child.body_length_ = 0;
        child.generator_ = BodyGenerator();
        child.chunked_ = false;
        child.remove_header("Content-Length");
        child.remove_header("Transfer-Encoding");
    }
    std::unique_ptr<FakeHttpContextBase> clone(new FakeHttpContext(child, settings_));
    clone->parent_ = this;
    clone->root_ = parent_ ? root_ : this;
    clone->depth_ = depth_ + 1;
    clone->core_.options_ = core_.options_;
    clone->core_.misuse_handler_ = core_.misuse_handler_;
    children_.push_back(std::move(clone));
    *ppHttpContext = children_.back().get();
    record(Method::CloneContext, arguments, S_OK);
    return S_OK;
}

// CTX-10: children go in reverse creation order, each before its parent.
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::ReleaseClonedContext() {
    auto fail = [this](HRESULT result) {
        record(Method::ReleaseClonedContext, std::string(), result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::ReleaseClonedContext, std::string(), result))
        return result;
    if (!parent_) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // not a clone [I]
    if (released_ || parent_->released_) return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    for (const auto& child : children_)
        if (!child->released_) return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    bool later = false;
    for (const auto& sibling : parent_->children_) {
        if (sibling.get() == this) {
            later = true;
        } else if (later && !sibling->released_) {
            return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        }
    }
    released_ = true;
    record(Method::ReleaseClonedContext, std::string(), S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::ExecuteRequest(BOOL fAsync, IHttpContext* pHttpContext,
                                                    DWORD dwExecuteFlags, IHttpUser* pHttpUser,
                                                    BOOL* pfCompletionExpected) {
    if (pfCompletionExpected) *pfCompletionExpected = FALSE;
    const std::string arguments =
        std::string(fAsync ? "async" : "sync") + ", " + std::to_string(dwExecuteFlags);
    auto fail = [&](HRESULT result) {
        record(Method::ExecuteRequest, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::ExecuteRequest, arguments, result))
        return result;
    if (!fAsync) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // CTX-9: async only
    FakeHttpContextBase* child = nullptr;
    for (const auto& candidate : children_)
        if (static_cast<IHttpContext*>(candidate.get()) == pHttpContext) child = candidate.get();
    if (!child) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // not cloned from here
    // [I] IIS runs a child once; a released one is gone.
    if (child->executed_ || child->released_)
        return fail(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    if (child->depth_ > 10) return fail(HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW));
    if (!core_.pipeline_) return fail(HRESULT_FROM_WIN32(ERROR_NOT_SUPPORTED));  // no host
    child->executed_ = true;
    child->execute_flags_ = dwExecuteFlags;
    child->execute_user_ = pHttpUser;
    record(Method::ExecuteRequest, arguments, S_OK);
    return core_.pipeline_->execute_child(*child, dwExecuteFlags, pHttpUser != nullptr,
                                          pfCompletionExpected);
}

// ---- request memory ---------------------------------------------------------------------------

template <class Unused>
VOID* FakeHttpContextBase<Unused>::AllocateRequestMemory(DWORD cbAllocation) {
    const std::size_t size = cbAllocation ? cbAllocation : 1;
    if (memory_limit_ && memory_bytes_ + size > memory_limit_) {
        record(Method::AllocateRequestMemory, std::to_string(cbAllocation), E_OUTOFMEMORY);
        return nullptr;  // CTX-4: NULL on failure
    }
    memory_.push_back(Block{std::unique_ptr<unsigned char[]>(new unsigned char[size]()), size});
    memory_bytes_ += size;
    record(Method::AllocateRequestMemory, std::to_string(cbAllocation), S_OK);
    return memory_.back().data.get();
}

template <class Unused>
bool FakeHttpContextBase<Unused>::is_request_memory(const void* data, std::size_t size) const {
    const auto* p = static_cast<const unsigned char*>(data);
    for (const Block& block : memory_) {
        const unsigned char* begin = block.data.get();
        if (p >= begin && p < begin + block.size &&
            size <= block.size - static_cast<std::size_t>(p - begin))
            return true;
    }
    return false;
}

// ---- server variables (CTX-5, CTX-6) -----------------------------------------------------------

template <class Unused>
wide_string FakeHttpContextBase<Unused>::url_path() const {
    const HTTP_COOKED_URL& cooked = request_.raw().CookedUrl;
    if (!cooked.pAbsPath) return wide_string(1, L'/');
    return wide_string(cooked.pAbsPath, cooked.AbsPathLength / sizeof(WCHAR));
}

template <class Unused>
bool FakeHttpContextBase<Unused>::computed(const std::string& upper, std::string& value) const {
    const HTTP_REQUEST& raw = request_.raw();
    const bool secure = raw.pSslInfo != nullptr;
    const wide_string wide_path = url_path();
    const std::string path = wide_to_utf8(wide_path.data(), wide_path.size());
    const std::string version = "HTTP/" + std::to_string(raw.Version.MajorVersion) + "." +
                                std::to_string(raw.Version.MinorVersion);
    const std::string full = request_.full_url();
    std::string host = request_.header("Host");
    if (host.empty()) host = "localhost";
    const std::string host_name =
        host[0] == '[' ? host.substr(0, host.find(']') + 1) : host.substr(0, host.find(':'));
    IHttpUser* who = current_user();
    if (upper == "REQUEST_METHOD")
        value = request_.method();
    else if (upper == "URL" || upper == "PATH_INFO" || upper == "SCRIPT_NAME")
        value = path;
    else if (upper == "QUERY_STRING") {
        const std::size_t q = full.find('?');
        value = q == std::string::npos ? std::string() : full.substr(q + 1);
    } else if (upper == "UNENCODED_URL" || upper == "HTTP_URL")
        value = request_.raw_url();
    else if (upper == "SERVER_NAME")
        value = host_name;
    else if (upper == "SERVER_PORT")
        value = std::to_string(port_of(raw.Address.pLocalAddress));
    else if (upper == "SERVER_PORT_SECURE")
        value = secure ? "1" : "0";
    else if (upper == "HTTPS")
        value = secure ? "on" : "off";
    else if (upper == "SERVER_PROTOCOL" || upper == "HTTP_VERSION")
        value = version;
    else if (upper == "REMOTE_ADDR" || upper == "REMOTE_HOST")
        value = request_.remote_address();
    else if (upper == "REMOTE_PORT")
        value = std::to_string(port_of(raw.Address.pRemoteAddress));
    else if (upper == "LOCAL_ADDR")
        value = request_.local_address();
    else if (upper == "CONTENT_TYPE")
        value = request_.header("Content-Type");
    else if (upper == "CONTENT_LENGTH") {
        value = request_.header("Content-Length");
        if (value.empty()) value = "0";
    } else if (upper == "AUTH_TYPE")
        value = who ? utf8_of(who->GetAuthenticationType()) : std::string();
    else if (upper == "REMOTE_USER" || upper == "LOGON_USER" || upper == "AUTH_USER")
        value = who ? utf8_of(who->GetUserName()) : std::string();
    else if (upper == "APPL_PHYSICAL_PATH") {
        value = settings_.physical_root;
        if (value.empty() || value.back() != '\\') value += '\\';
    } else if (upper == "APPL_MD_PATH")
        value = settings_.application_id;
    else if (upper == "INSTANCE_ID")
        value = std::to_string(site_.GetSiteId());
    else if (upper == "INSTANCE_META_PATH")
        value = "/LM/W3SVC/" + std::to_string(site_.GetSiteId());
    else if (upper == "PATH_TRANSLATED" || upper == "SCRIPT_TRANSLATED") {
        const wide_string physical = physical_path_of(url_path());
        value = wide_to_utf8(physical.data(), physical.size());
    } else if (upper == "SERVER_SOFTWARE")
        value = "Microsoft-IIS/10.0";
    else if (upper == "GATEWAY_INTERFACE")
        value = "CGI/1.1";
    else if (upper == "APP_POOL_ID")
        value = settings_.app_pool;
    else if (upper == "ALL_HTTP") {
        value.clear();
        for (const auto& header : request_.headers())
            value += cgi_name(header.first) + ":" + header.second + "\n";
    } else if (upper == "ALL_RAW") {
        value.clear();  // reflects header edits (CTX-5: ANCM forwards it)
        for (const auto& header : request_.headers())
            value += header.first + ": " + header.second + "\r\n";
    } else if (upper.compare(0, 5, "HTTP_") == 0) {
        for (const auto& header : request_.headers())
            if (cgi_name(header.first) == upper) {
                value = header.second;
                return true;
            }
        return false;
    } else {
        return false;
    }
    return true;
}

template <class Unused>
bool FakeHttpContextBase<Unused>::lookup(const char* name, wide_string& value) const {
    const std::string upper = upper_ascii(name);
    for (auto it = set_variables_.rbegin(); it != set_variables_.rend(); ++it)
        if (it->first == upper) {
            value = it->second;
            return true;
        }
    std::string narrow;
    if (!computed(upper, narrow)) return false;
    value = utf8_to_wide(narrow.data(), narrow.size());
    return true;
}

template <class Unused>
bool FakeHttpContextBase<Unused>::server_variable(const std::string& name,
                                                  std::string& value) const {
    wide_string wide;
    value.clear();
    if (!lookup(name.c_str(), wide)) return false;
    value = wide_to_utf8(wide.data(), wide.size());
    return true;
}

// Both forms of GetServerVariable: the value is computed now and copied into server-owned
// memory that lives to the request's end (CTX-5).
template <class Unused>
template <class Char>
HRESULT FakeHttpContextBase<Unused>::get_variable(PCSTR name, const Char** value_out,
                                                  DWORD* length_out) {
    const std::string arguments = name ? name : "NULL";
    HRESULT result = S_OK;
    if (value_out) *value_out = nullptr;
    if (length_out) *length_out = 0;
    if (core_.injected_recorded(On::context, Method::GetServerVariable, arguments, result))
        return result;
    if (!name || !value_out) {
        record(Method::GetServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext::GetServerVariable", "CTX-5",
                      name ? "ppszValue is NULL" : "pszVariableName is NULL", E_INVALIDARG);
    }
    wide_string value;
    if (!lookup(name, value)) {
        // Data, not misuse: a header the client did not send (CTX-5).
        record(Method::GetServerVariable, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_INDEX));
        return HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    }
    DWORD length = 0;
    *value_out = server_owned(value, length, static_cast<const Char*>(nullptr));
    if (length_out) *length_out = length;
    record(Method::GetServerVariable, arguments, S_OK);
    return S_OK;
}

// Defined here rather than in the class, so that with the one-file opt-in the member template
// they call is instantiated in that file only.
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetServerVariable(PCSTR pszVariableName, PCWSTR* ppszValue,
                                                       DWORD* pcchValueLength) {
    return get_variable(pszVariableName, ppszValue, pcchValueLength);
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetServerVariable(PCSTR pszVariableName, PCSTR* ppszValue,
                                                       DWORD* pcchValueLength) {
    return get_variable(pszVariableName, ppszValue, pcchValueLength);
}

template <class Unused>
const WCHAR* FakeHttpContextBase<Unused>::server_owned(const wide_string& value, DWORD& length,
                                                       const WCHAR*) const {
    length = static_cast<DWORD>(value.size());
    return wide_values_.copy(value.data(), value.size());
}

template <class Unused>
const char* FakeHttpContextBase<Unused>::server_owned(const wide_string& value, DWORD& length,
                                                      const char*) const {
    const std::string narrow = wide_to_utf8(value.data(), value.size());
    length = static_cast<DWORD>(narrow.size());
    return narrow_values_.copy(narrow.data(), narrow.size());
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::SetServerVariable(PCSTR pszVariableName,
                                                       PCWSTR pszVariableValue) {
    const std::string arguments = pszVariableName ? pszVariableName : "NULL";
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::SetServerVariable, arguments, result))
        return result;
    if (!pszVariableName || !pszVariableValue) {
        record(Method::SetServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext::SetServerVariable", "CTX-6",
                      pszVariableName ? "pszVariableValue is NULL" : "pszVariableName is NULL",
                      E_INVALIDARG);
    }
    set_variables_.emplace_back(upper_ascii(pszVariableName), wide_string(pszVariableValue));
    record(Method::SetServerVariable, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::InheritServerVariable(PCSTR szName, BOOL fFailIfNotExist) {
    const std::string arguments = szName ? szName : "NULL";
    if (!szName) {
        record(Method::InheritServerVariable, arguments, E_INVALIDARG);
        return report("IHttpContext3::InheritServerVariable", "CTX-18", "szName is NULL",
                      E_INVALIDARG);
    }
    wide_string value;
    const HRESULT result =
        lookup(szName, value) || !fFailIfNotExist ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_INDEX);
    record(Method::InheritServerVariable, arguments, result);
    return result;
}

// ---- paths (CTX-7, CTX-8) ---------------------------------------------------------------------

template <class Unused>
wide_string FakeHttpContextBase<Unused>::physical_path_of(const wide_string& url) const {
    wide_string out = widen_utf8(settings_.physical_root);
    while (!out.empty() && out.back() == L'\\') out.pop_back();
    for (WCHAR c : url) out += c == L'/' ? L'\\' : c;
    if (!core_.pipeline_ || mapping_) return out;
    // RQ_MAP_PATH: raised once per URL, as IIS caches a mapping.
    if (url == mapped_url_) return mapped_path_;
    ScopedValue<bool> raising(mapping_, true);
    core_.pipeline_->map_path(url.c_str(), out);
    mapped_url_ = url;
    mapped_path_ = out;
    return out;
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetPhysicalPath(DWORD* pcchPhysicalPath) {
    const wide_string path = physical_path_of(url_path());
    if (pcchPhysicalPath) *pcchPhysicalPath = static_cast<DWORD>(path.size());
    record(Method::GetPhysicalPath, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetScriptName(DWORD* pcchScriptName) const {
    const wide_string path = url_path();
    if (pcchScriptName) *pcchScriptName = static_cast<DWORD>(path.size());
    record(Method::GetScriptName, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

template <class Unused>
PCWSTR FakeHttpContextBase<Unused>::GetScriptTranslated(DWORD* pcchScriptTranslated) {
    const wide_string path = physical_path_of(url_path());
    if (pcchScriptTranslated) *pcchScriptTranslated = static_cast<DWORD>(path.size());
    record(Method::GetScriptTranslated, std::string(), S_OK);
    return wide_values_.copy(path.data(), path.size());
}

// *pcbPhysicalPath counts WCHARs including the terminator, as its SAL annotation says (CTX-8 [I]).
template <class Unused>
HRESULT FakeHttpContextBase<Unused>::MapPath(PCWSTR pszUrl, PWSTR pszPhysicalPath,
                                             DWORD* pcbPhysicalPath) {
    HRESULT result = S_OK;
    if (core_.injected_recorded(On::context, Method::MapPath, std::string(), result)) return result;
    if (!pszUrl || !pcbPhysicalPath) {
        record(Method::MapPath, std::string(), E_INVALIDARG);
        return report("IHttpContext::MapPath", "CTX-8",
                      pszUrl ? "pcbPhysicalPath is NULL" : "pszUrl is NULL", E_INVALIDARG);
    }
    const wide_string url(pszUrl);
    const wide_string path = physical_path_of(url);
    const std::string arguments = wide_to_utf8(url.data(), url.size());
    const DWORD needed = static_cast<DWORD>(path.size() + 1);
    if (!pszPhysicalPath || *pcbPhysicalPath < needed) {
        *pcbPhysicalPath = needed;
        record(Method::MapPath, arguments, HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER));
        return HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER);
    }
    std::memcpy(pszPhysicalPath, path.c_str(), needed * sizeof(WCHAR));
    *pcbPhysicalPath = needed;
    record(Method::MapPath, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpContextBase<Unused>::GetCurrentExecutionStats(
    DWORD* pdwNotification, DWORD* pdwNotificationStartTickCount, PCWSTR* ppszModule,
    DWORD* pdwModuleStartTickCount, DWORD* pdwAsyncNotification,
    DWORD* pdwAsyncNotificationStartTickCount) const {
    if (!pdwNotification) {
        record(Method::GetCurrentExecutionStats, std::string(), E_INVALIDARG);
        return E_INVALIDARG;  // CTX-14
    }
    const auto tick = static_cast<DWORD>(now_ms_ & 0xFFFFFFFFu);
    PCWSTR module = nullptr;
    // Without a pipeline host no notification runs.
    *pdwNotification = core_.pipeline_ ? core_.pipeline_->current_notification(&module) : 0;
    if (pdwNotificationStartTickCount) *pdwNotificationStartTickCount = tick;
    if (ppszModule) *ppszModule = module;
    if (pdwModuleStartTickCount) *pdwModuleStartTickCount = tick;
    if (pdwAsyncNotification) *pdwAsyncNotification = 0;
    if (pdwAsyncNotificationStartTickCount) *pdwAsyncNotificationStartTickCount = 0;
    record(Method::GetCurrentExecutionStats, std::string(), S_OK);
    return S_OK;
}

template <class Unused>
void FakeHttpContextBase<Unused>::disconnect_client() {
    connection_.disconnect();
    request_.disconnect_after(request_.body_consumed());
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpContextBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
