#ifndef IISFAKE_DETAIL_FAKE_HTTP_RESPONSE_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_FAKE_HTTP_RESPONSE_IMPL_HPP_INCLUDED

// The member definitions of FakeHttpResponse (declared in fake_http_response.hpp).

#include "iisfake/fake_http_response.hpp"

IISFAKE_BEGIN_NAMESPACE

namespace detail {

constexpr std::size_t max_entity_chunks = 0xFFFF;  // EntityChunkCount is a USHORT (RESP-7)

template <class Unused>
void FakeHttpResponseBase<Unused>::init() {
    raw_ = HTTP_RESPONSE();
    raw_.Version.MajorVersion = 1;
    raw_.Version.MinorVersion = 1;
    raw_.StatusCode = 200;  // RESP-5: a response starts as 200 OK
    raw_.pReason = strings_.copy("OK", 2);
    raw_.ReasonLength = 2;
}

// ---- status ---------------------------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetStatus(USHORT statusCode, PCSTR pszReason,
                                                USHORT uSubStatus, HRESULT hrErrorToReport,
                                                IAppHostConfigException* pException,
                                                BOOL fTrySkipCustomErrors) {
    static_cast<void>(pException);
    const std::string arguments = std::to_string(statusCode) + ", " +
                                  (pszReason ? pszReason : "NULL") + ", " +
                                  std::to_string(uSubStatus);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetStatus, arguments, result)) return result;
    if (!pszReason) {
        record(Method::SetStatus, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetStatus", "RESP-5", "pszReason is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszReason);
    // A reason can come from a backend the module proxies: too long is data, not misuse.
    if (length > max_ushort) {
        record(Method::SetStatus, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    // CR or LF would split the status line (a back end's reason copied as is): refused as
    // header values are.
    if (std::strpbrk(pszReason, "\r\n")) {
        record(Method::SetStatus, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    {
        auto guard = lock();
        raw_.StatusCode = statusCode;
        raw_.pReason = strings_.copy(pszReason, length);
        raw_.ReasonLength = static_cast<USHORT>(length);
        substatus_ = uSubStatus;
        error_to_report_ = hrErrorToReport;
        try_skip_custom_errors_ = fTrySkipCustomErrors != FALSE;
    }
    record(Method::SetStatus, arguments, S_OK);
    return S_OK;
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::GetStatus(USHORT* pStatusCode, USHORT* pSubStatus,
                                             PCSTR* ppszReason, USHORT* pcchReason,
                                             HRESULT* phrErrorToReport, PCWSTR* ppszModule,
                                             DWORD* pdwNotification,
                                             IAppHostConfigException** ppException,
                                             BOOL* pfTrySkipCustomErrors) {
    // Every out-parameter is optional: ModSecurity passes trailing NULLs (RESP-5).
    if (pStatusCode) *pStatusCode = raw_.StatusCode;
    if (pSubStatus) *pSubStatus = substatus_;
    if (ppszReason) *ppszReason = raw_.pReason;
    if (pcchReason) *pcchReason = raw_.ReasonLength;
    if (phrErrorToReport) *phrErrorToReport = error_to_report_;
    if (ppszModule) *ppszModule = nullptr;
    if (pdwNotification) *pdwNotification = 0;
    if (ppException) *ppException = nullptr;
    if (pfTrySkipCustomErrors) *pfTrySkipCustomErrors = try_skip_custom_errors_ ? TRUE : FALSE;
    record(Method::GetStatus, std::string(), S_OK);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetErrorDescription(PCWSTR pszDescription,
                                                          DWORD cchDescription, BOOL fHtmlEncode) {
    const std::string arguments = std::to_string(cchDescription);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetErrorDescription, arguments, result)) return result;
    if (!pszDescription && cchDescription > 0) {
        record(Method::SetErrorDescription, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetErrorDescription", "RESP-15",
                      "pszDescription is NULL with a non-zero length", E_INVALIDARG);
    }
    if (pszDescription && has_nul(pszDescription, cchDescription)) {
        record(Method::SetErrorDescription, arguments, E_INVALIDARG);
        return report("IHttpResponse::SetErrorDescription", "RESP-15",
                      "cchDescription runs past the end of the description", E_INVALIDARG);
    }
    error_description_.assign(pszDescription ? pszDescription : L"", cchDescription);
    error_description_encode_ = fHtmlEncode != FALSE;
    record(Method::SetErrorDescription, arguments, S_OK);
    return S_OK;
}

template <class Unused>
PCWSTR FakeHttpResponseBase<Unused>::GetErrorDescription(DWORD* pcchDescription) {
    record(Method::GetErrorDescription, std::string(), S_OK);
    if (pcchDescription) *pcchDescription = static_cast<DWORD>(error_description_.size());
    if (error_description_.empty()) return nullptr;
    return wide_strings_.copy(error_description_.data(), error_description_.size());
}

// ---- headers --------------------------------------------------------------------------------

template <class Unused>
const char* FakeHttpResponseBase<Unused>::find_header(const char* name, std::size_t length,
                                                      USHORT* pcch) const {
    const int id = response_header_id(name, length);
    const HTTP_RESPONSE_HEADERS& h = raw_.Headers;
    if (id >= 0 && h.KnownHeaders[id].pRawValue) {
        if (pcch) *pcch = h.KnownHeaders[id].RawValueLength;
        return h.KnownHeaders[id].pRawValue;
    }
    if (const HTTP_UNKNOWN_HEADER* entry = headers_.find_unknown(name, length)) {
        if (pcch) *pcch = entry->RawValueLength;
        return entry->pRawValue;
    }
    if (pcch) *pcch = 0;  // RESP-1: absent is NULL with length 0
    return nullptr;
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetHeader(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const {
    if (!pszHeaderName) {
        record(Method::GetHeader, "NULL", S_OK);
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpResponse::GetHeader", "RESP-1", "pszHeaderName is NULL", S_OK);
        return nullptr;
    }
    record(Method::GetHeader, pszHeaderName, S_OK);
    return find_header(pszHeaderName, std::strlen(pszHeaderName), pcchHeaderValue);
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetHeader(HTTP_HEADER_ID ulHeaderIndex,
                                              USHORT* pcchHeaderValue) const {
    const int id = static_cast<int>(ulHeaderIndex);
    record(Method::GetHeader, std::to_string(id), S_OK);
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        if (pcchHeaderValue) *pcchHeaderValue = 0;
        report("IHttpResponse::GetHeader", "T-6",
               "header id " + std::to_string(id) +
                   " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
               S_OK);
        return nullptr;
    }
    const char* name = response_header_name(id);
    return find_header(name, std::strlen(name), pcchHeaderValue);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetHeader(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                USHORT cchHeaderValue, BOOL fReplace) {
    const char* method = "IHttpResponse::SetHeader";
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "RESP-1", "pszHeaderName is NULL", E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    if (!is_token(pszHeaderName, length)) {
        record(Method::SetHeader, arguments, E_INVALIDARG);
        return report(method, "RESP-1", "header name \"" + arguments + "\" is not an HTTP token",
                      E_INVALIDARG);
    }
    result = set_header(method, response_header_id(pszHeaderName, length), pszHeaderName, length,
                        pszHeaderValue, cchHeaderValue, fReplace);
    record(Method::SetHeader, arguments, result);
    core_->report_deferred();
    return result;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetHeader(HTTP_HEADER_ID ulHeaderIndex, PCSTR pszHeaderValue,
                                                USHORT cchHeaderValue, BOOL fReplace) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        record(Method::SetHeader, std::to_string(id), E_INVALIDARG);
        return report("IHttpResponse::SetHeader", "T-6",
                      "header id " + std::to_string(id) +
                          " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
                      E_INVALIDARG);
    }
    const char* name = response_header_name(id);
    result = set_header("IHttpResponse::SetHeader", id, name, std::strlen(name), pszHeaderValue,
                        cchHeaderValue, fReplace);
    record(Method::SetHeader, std::to_string(id), result);
    core_->report_deferred();
    return result;
}

// A value's bytes as in the request (REQ-SH-3/4); a header set again without fReplace is a
// second line unless Options::join_response_values (RESP-3, T-22).
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::set_header(const char* method, int id, const char* name,
                                                 std::size_t name_length, PCSTR value, USHORT cch,
                                                 BOOL replace) {
    if (!value && cch > 0)
        return core_->defer(method, "RESP-1", "pszHeaderValue is NULL with a non-zero length",
                            E_INVALIDARG);
    if (!value) value = "";
    if (has_nul(value, cch))
        return core_->defer(method, "RESP-1",
                            "cchHeaderValue (" + std::to_string(cch) +
                                ") runs past the end of the value: it holds a NUL at byte " +
                                std::to_string(std::strlen(value)),
                            E_INVALIDARG);
    for (USHORT i = 0; i < cch; ++i)
        if (value[i] == '\r' || value[i] == '\n') return E_INVALIDARG;
    const Options& options = core_->options_;
    const std::string& separator = options.append_separator;
    if (!replace) check_separator(separator);
    using Status = typename Headers::Status;
    auto guard = lock();
    Status status = Status::ok;
    const bool exists = find_header(name, name_length, nullptr) != nullptr;
    if (!replace && exists && !options.join_response_values) {
        status = headers_.add_unknown(name, name_length, value, cch);
    } else if (id >= 0) {
        if (replace) headers_.remove_unknown(name, name_length, true);
        if (!replace && !raw_.Headers.KnownHeaders[id].pRawValue && exists) {
            // Joining onto a value that only the unknown array holds.
            status = headers_.set_unknown(name, name_length, value, cch, false, separator);
        } else {
            status = headers_.set_known(id, value, cch, replace != FALSE, separator);
        }
    } else {
        status = headers_.set_unknown(name, name_length, value, cch, replace != FALSE, separator);
    }
    // Too long (past 65535 bytes, T-5) or too many depends on the data (RESP-1).
    return status == Status::ok ? S_OK : HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
}

template <class Unused>
void FakeHttpResponseBase<Unused>::remove_header(int id, const char* name, std::size_t length) {
    auto guard = lock();
    if (id >= 0) headers_.clear_known(id);
    headers_.remove_unknown(name, length, true);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteHeader(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, arguments, result)) return result;
    if (!pszHeaderName) {
        record(Method::DeleteHeader, arguments, E_INVALIDARG);
        return report("IHttpResponse::DeleteHeader", "RESP-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    const std::size_t length = std::strlen(pszHeaderName);
    remove_header(response_header_id(pszHeaderName, length), pszHeaderName, length);
    record(Method::DeleteHeader, arguments, S_OK);  // RESP-1: S_OK even when absent
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteHeader(HTTP_HEADER_ID ulHeaderIndex) {
    const int id = static_cast<int>(ulHeaderIndex);
    HRESULT result = S_OK;
    if (injected_recorded(Method::DeleteHeader, std::to_string(id), result)) return result;
    if (id < 0 || id >= HttpHeaderResponseMaximum) {
        record(Method::DeleteHeader, std::to_string(id), E_INVALIDARG);
        return report("IHttpResponse::DeleteHeader", "T-6",
                      "header id " + std::to_string(id) +
                          " is outside the response numbering 0..29 (HttpHeaderResponseMaximum)",
                      E_INVALIDARG);
    }
    const char* name = response_header_name(id);
    remove_header(id, name, std::strlen(name));
    record(Method::DeleteHeader, std::to_string(id), S_OK);
    return S_OK;
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::ClearHeaders(VOID) {
    {
        auto guard = lock();
        headers_.clear_all();  // RESP-6: IIS's default set is unspecified; the fake adds none
    }
    record(Method::ClearHeaders, std::string(), S_OK);
}

template <class Unused>
VOID FakeHttpResponseBase<Unused>::Clear(VOID) {
    {
        auto guard = lock();
        raw_.StatusCode = 200;
        raw_.pReason = strings_.copy("OK", 2);
        raw_.ReasonLength = 2;
        substatus_ = 0;
        error_to_report_ = S_OK;
        try_skip_custom_errors_ = false;
        headers_.clear_all();
        chunks_.clear();
        copies_.clear();
        raw_.pEntityChunks = nullptr;
        raw_.EntityChunkCount = 0;
    }
    record(Method::Clear, std::string(), S_OK);
}

template <class Unused>
std::vector<std::pair<std::string, std::string>> FakeHttpResponseBase<Unused>::headers() const {
    std::vector<std::pair<std::string, std::string>> out;
    auto guard = lock();
    for (int id = 0; id < HttpHeaderResponseMaximum; ++id) {
        const HTTP_KNOWN_HEADER& slot = raw_.Headers.KnownHeaders[id];
        if (slot.pRawValue)
            out.emplace_back(response_header_name(id),
                             std::string(slot.pRawValue, slot.RawValueLength));
    }
    const std::size_t count = headers_.unknown_count();
    for (std::size_t i = 0; i < count; ++i) {
        const HTTP_UNKNOWN_HEADER& entry = raw_.Headers.pUnknownHeaders[i];
        if (entry.pName && entry.pRawValue)
            out.emplace_back(std::string(entry.pName, entry.NameLength),
                             std::string(entry.pRawValue, entry.RawValueLength));
    }
    return out;
}

template <class Unused>
std::vector<std::string> FakeHttpResponseBase<Unused>::header_values(
    const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& line : headers())
        if (iequals(line.first.data(), name.data(), name.size()) &&
            line.first.size() == name.size())
            out.push_back(line.second);
    return out;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::header(const std::string& name) const {
    USHORT length = 0;
    auto guard = lock();
    const char* value = find_header(name.c_str(), name.size(), &length);
    return value ? std::string(value, length) : std::string();
}

// ---- trailers (IHttpResponse4) ----------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::SetTrailer(PCSTR pszHeaderName, PCSTR pszHeaderValue,
                                                 USHORT cchHeaderValue, BOOL fReplace) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::SetTrailer, arguments, result)) return result;
    if (!pszHeaderName || (!pszHeaderValue && cchHeaderValue > 0) ||
        !is_token(pszHeaderName, std::strlen(pszHeaderName)) ||
        (pszHeaderValue && has_nul(pszHeaderValue, cchHeaderValue))) {
        record(Method::SetTrailer, arguments, E_INVALIDARG);
        return report("IHttpResponse4::SetTrailer", "RESP-1",
                      "a NULL or malformed name, or a value whose length runs past it",
                      E_INVALIDARG);
    }
    const std::string value(pszHeaderValue ? pszHeaderValue : "", cchHeaderValue);
    if (value.find_first_of("\r\n") != std::string::npos) {
        record(Method::SetTrailer, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    // Server-owned to the request's end, like header values: GetTrailer hands out this copy.
    const Trailer added{arguments, strings_.copy(value.data(), value.size()),
                        static_cast<USHORT>(value.size())};
    bool done = false;
    for (Trailer& trailer : trailers_) {
        if (fReplace && trailer.name.size() == arguments.size() &&
            iequals(trailer.name.data(), arguments.data(), arguments.size())) {
            trailer = added;
            done = true;
        }
    }
    if (!done) trailers_.push_back(added);
    record(Method::SetTrailer, arguments, S_OK);
    return S_OK;
}

template <class Unused>
PCSTR FakeHttpResponseBase<Unused>::GetTrailer(PCSTR pszHeaderName, USHORT* pcchHeaderValue) const {
    record(Method::GetTrailer, pszHeaderName ? pszHeaderName : "NULL", S_OK);
    if (pcchHeaderValue) *pcchHeaderValue = 0;
    if (!pszHeaderName) {
        report("IHttpResponse4::GetTrailer", "RESP-1", "pszHeaderName is NULL", S_OK);
        return nullptr;
    }
    const std::size_t length = std::strlen(pszHeaderName);
    for (const Trailer& trailer : trailers_) {
        if (trailer.name.size() == length && iequals(trailer.name.data(), pszHeaderName, length)) {
            if (pcchHeaderValue) *pcchHeaderValue = trailer.length;
            return trailer.value;
        }
    }
    return nullptr;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::DeleteTrailer(PCSTR pszHeaderName) {
    const std::string arguments = pszHeaderName ? pszHeaderName : "NULL";
    if (!pszHeaderName) {
        record(Method::DeleteTrailer, arguments, E_INVALIDARG);
        return report("IHttpResponse4::DeleteTrailer", "RESP-1", "pszHeaderName is NULL",
                      E_INVALIDARG);
    }
    std::vector<Trailer> kept;
    for (Trailer& trailer : trailers_)
        if (!(trailer.name.size() == arguments.size() &&
              iequals(trailer.name.data(), arguments.data(), arguments.size())))
            kept.push_back(std::move(trailer));
    trailers_.swap(kept);
    record(Method::DeleteTrailer, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::PushPromise(PCSTR pszVerb, PCWSTR pwszPath, PCWSTR pwszQuery,
                                                  DWORD cHeaders, PCSTR* rgHeaderNames,
                                                  PCSTR* rgHeaderValues) {
    HRESULT result = S_OK;
    if (injected_recorded(Method::PushPromise, std::string(), result)) return result;
    if (!pszVerb || !pwszPath || (cHeaders > 0 && (!rgHeaderNames || !rgHeaderValues))) {
        record(Method::PushPromise, std::string(), E_INVALIDARG);
        return report("IHttpResponse3::PushPromise", "RESP-PUSH",
                      "pszVerb, pwszPath or a header array is NULL", E_INVALIDARG);
    }
    std::string promise = std::string(pszVerb) + " " + wide_to_utf8(wide_string(pwszPath));
    if (pwszQuery && *pwszQuery) promise += "?" + wide_to_utf8(wide_string(pwszQuery));
    push_promises_.push_back(promise);
    record(Method::PushPromise, promise, S_OK);
    return S_OK;
}

// ---- body -------------------------------------------------------------------------------------

template <class Unused>
bool FakeHttpResponseBase<Unused>::static_or_request_memory(const void* data,
                                                            std::size_t size) const {
    const auto* p = static_cast<const unsigned char*>(data);
    for (const Range& range : static_memory_)
        if (p >= range.data && size <= range.size &&
            static_cast<std::size_t>(p - range.data) <= range.size - size)
            return true;
    return is_request_memory_ && is_request_memory_(data, size);
}

// Adds chunks to the buffered entity (raw_.pEntityChunks). Buffered memory chunks written by
// value are copied now, as IIS copies them (RESP-7); by reference, or unbuffered, the module's
// memory is read when the chunk is sent (RESP-8, T-3).
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::add_chunks(const char* method, const HTTP_DATA_CHUNK* chunks,
                                                 DWORD count, LONG position, bool by_reference) {
    const char* rule = by_reference ? "RESP-8" : "RESP-7";
    for (DWORD i = 0; i < count; ++i) {
        const HTTP_DATA_CHUNK& chunk = chunks[i];
        const int type = static_cast<int>(chunk.DataChunkType);
        if (type < 0 || type > static_cast<int>(HttpDataChunkFromFragmentCacheEx))
            return report(method, rule,
                          "chunk " + std::to_string(i) + " has DataChunkType " +
                              std::to_string(type) + ", not a response body chunk type",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (chunk.DataChunkType == HttpDataChunkFromMemory && !chunk.FromMemory.pBuffer &&
            chunk.FromMemory.BufferLength > 0)
            return report(method, rule,
                          "chunk " + std::to_string(i) + " has a NULL pBuffer with BufferLength " +
                              std::to_string(chunk.FromMemory.BufferLength),
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (by_reference && core_->options_.strict_request_memory &&
            chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.BufferLength > 0 &&
            !static_or_request_memory(chunk.FromMemory.pBuffer, chunk.FromMemory.BufferLength))
            core_->report(method, "T-3",
                          "chunk " + std::to_string(i) +
                              " points to memory that is neither request memory "
                              "(AllocateRequestMemory) nor declared static: IIS reads it when "
                              "the response is sent, and it may be gone by then",
                          S_OK, "the chunk is kept by reference as IIS keeps it");
    }
    auto guard = lock();
    if (raw_.pEntityChunks != chunks_.data() || raw_.EntityChunkCount != chunks_.size()) {
        // Module code edited the raw struct (RESP-4): its array is the truth.
        std::vector<HTTP_DATA_CHUNK> theirs;
        if (raw_.pEntityChunks)
            theirs.assign(raw_.pEntityChunks, raw_.pEntityChunks + raw_.EntityChunkCount);
        chunks_.swap(theirs);
    }
    if (chunks_.size() + count > max_entity_chunks)
        return HRESULT_FROM_WIN32(ERROR_ARITHMETIC_OVERFLOW);
    std::size_t at = chunks_.size();
    if (position == 0) {
        at = 0;
    } else if (position > 0) {
        if (static_cast<std::size_t>(position) > chunks_.size())
            return report(method, rule,
                          "lInsertPosition " + std::to_string(position) + " is past the " +
                              std::to_string(chunks_.size()) + " chunks buffered",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        at = static_cast<std::size_t>(position);
    } else if (position != -1) {
        return report(method, rule,
                      "lInsertPosition " + std::to_string(position) +
                          " is neither -1 (append) nor a position",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    std::vector<HTTP_DATA_CHUNK> added(chunks, chunks + count);
    if (!by_reference && buffering_) {
        for (HTTP_DATA_CHUNK& chunk : added) {
            if (chunk.DataChunkType != HttpDataChunkFromMemory || !chunk.FromMemory.BufferLength)
                continue;
            std::unique_ptr<unsigned char[]> copy(new unsigned char[chunk.FromMemory.BufferLength]);
            std::memcpy(copy.get(), chunk.FromMemory.pBuffer, chunk.FromMemory.BufferLength);
            chunk.FromMemory.pBuffer = copy.get();
            copies_.push_back(std::move(copy));
        }
    }
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
    raw_.pEntityChunks = chunks_.empty() ? nullptr : chunks_.data();
    raw_.EntityChunkCount = static_cast<USHORT>(chunks_.size());
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::WriteEntityChunkByReference(HTTP_DATA_CHUNK* pDataChunk,
                                                                  LONG lInsertPosition) {
    const std::string arguments = std::to_string(lInsertPosition);
    HRESULT result = S_OK;
    if (injected_recorded(Method::WriteEntityChunkByReference, arguments, result)) return result;
    if (!pDataChunk) {
        record(Method::WriteEntityChunkByReference, arguments,
               HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        return report("IHttpResponse::WriteEntityChunkByReference", "RESP-8", "pDataChunk is NULL",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    result = add_chunks("IHttpResponse::WriteEntityChunkByReference", pDataChunk, 1,
                        lInsertPosition, true);
    record(Method::WriteEntityChunkByReference, arguments, result);
    return result;
}

// One write at a time; a write beside a pending read only after EnableFullDuplex (§1.7).
template <class Unused>
bool FakeHttpResponseBase<Unused>::write_blocked() const {
    return core_->pending_of(OperationKind::write) ||
           (!core_->options_.full_duplex && (core_->pending_of(OperationKind::read) ||
                                             core_->pending_of(OperationKind::negotiate)));
}

template <class Unused>
DWORD FakeHttpResponseBase<Unused>::pending_bytes() const {
    unsigned long long total = 0;
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i)
        if (raw_.pEntityChunks[i].DataChunkType == HttpDataChunkFromMemory)
            total += raw_.pEntityChunks[i].FromMemory.BufferLength;
    return total > 0xFFFFFFFFull ? 0xFFFFFFFFu : static_cast<DWORD>(total);
}

// Shared tail of an asynchronous write or flush that sends: pending per the policy (the
// completion sends and reports the bytes), or done inline.
template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::finish_async(Method method, const std::string& arguments,
                                                   DWORD bytes, BOOL more,
                                                   PFN_ASYNC_COMPLETION callback, void* context,
                                                   bool has_callback, DWORD* sent, BOOL* expected) {
    if (core_->goes_pending(expected, async_writes_)) {
        if (sent) *sent = 0;
        if (expected) *expected = TRUE;
        record(method, arguments + ", pending", S_OK);
        core_->start(Operation{OperationKind::write, &completer_, nullptr, bytes, has_callback, callback,
                               context, nullptr, CompletionSink(), false, more != FALSE});
        return S_OK;
    }
    const DWORD done = send(more != FALSE, false);
    if (sent) *sent = done;
    if (expected) *expected = FALSE;
    record(method, arguments, S_OK);
    return S_OK;
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::write(const char* method, HTTP_DATA_CHUNK* chunks,
                                            DWORD count, BOOL async, BOOL more,
                                            PFN_ASYNC_COMPLETION callback, void* context,
                                            bool has_callback, DWORD* sent, BOOL* expected) {
    std::string arguments =
        std::to_string(count) + (async ? " chunk(s), async" : " chunk(s), sync");
    if (more) arguments += ", more";
    auto fail_now = [&](HRESULT result) {
        if (sent) *sent = 0;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_->injected(On::response, Method::WriteEntityChunks, result)) return fail_now(result);
    if (!chunks) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        return report(method, "RESP-7", "pDataChunks is NULL",
                      HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
    }
    if (has_callback && async && !callback) {
        fail_now(E_INVALIDARG);
        return report(method, "RESP-10", "an asynchronous write without pfnCompletionCallback",
                      E_INVALIDARG);
    }
    if (write_blocked()) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        return report(method, "RESP-7",
                      "a write while another operation is pending (one write at a time; a read "
                      "and a write together only after EnableFullDuplex)",
                      HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
    }
    if (connection_reset_) return fail_now(HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    result = add_chunks(method, chunks, count, -1, false);
    if (FAILED(result)) return fail_now(result);
    DWORD bytes = 0;
    for (DWORD i = 0; i < count; ++i)
        if (chunks[i].DataChunkType == HttpDataChunkFromMemory)
            bytes += chunks[i].FromMemory.BufferLength;
    if (buffering_) {
        // Copied into the response buffer: complete at once, even when asked for async.
        if (sent) *sent = bytes;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, S_OK);
        return S_OK;
    }
    if (!async) {
        const DWORD done = send(more != FALSE, false);
        if (sent) *sent = done;
        if (expected) *expected = FALSE;
        record(Method::WriteEntityChunks, arguments, S_OK);
        return S_OK;
    }
    return finish_async(Method::WriteEntityChunks, arguments, bytes, more, callback, context,
                        has_callback, sent, expected);
}

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::flush(const char* method, BOOL async, BOOL more,
                                            PFN_ASYNC_COMPLETION callback, void* context,
                                            bool has_callback, DWORD* sent, BOOL* expected) {
    std::string arguments = async ? "async" : "sync";
    if (more) arguments += ", more";
    auto fail_now = [&](HRESULT result) {
        if (sent) *sent = 0;
        if (expected) *expected = FALSE;
        record(Method::Flush, arguments, result);
        return result;
    };
    HRESULT result = S_OK;
    if (core_->injected(On::response, Method::Flush, result)) return fail_now(result);
    if (has_callback && async && !callback) {
        fail_now(E_INVALIDARG);
        return report(method, "RESP-10", "an asynchronous flush without pfnCompletionCallback",
                      E_INVALIDARG);
    }
    if (write_blocked()) {
        fail_now(HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
        return report(method, "RESP-9",
                      "a flush while another operation is pending (one write at a time; a read "
                      "and a write together only after EnableFullDuplex)",
                      HRESULT_FROM_WIN32(ERROR_INVALID_STATE));
    }
    if (connection_reset_) return fail_now(HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED));
    if (!async) {
        const DWORD done = send(more != FALSE, false);
        if (sent) *sent = done;
        if (expected) *expected = FALSE;
        record(Method::Flush, arguments, S_OK);
        return S_OK;
    }
    return finish_async(Method::Flush, arguments, pending_bytes(), more, callback, context,
                        has_callback, sent, expected);
}

// Sends status and headers (the first time, unless suppressed) and the buffered chunks, reading
// the module's memory now. The raw struct then shows no chunks: each send has its own (T-21).
template <class Unused>
DWORD FakeHttpResponseBase<Unused>::send(bool more, bool final) {
    DWORD flags = more ? HTTP_SEND_RESPONSE_FLAG_MORE_DATA : 0u;
    if (need_disconnect_) flags |= HTTP_SEND_RESPONSE_FLAG_DISCONNECT;
    if (core_->pipeline_ && !in_send_handlers_) {
        // OnSendResponse sees this send's chunks in the raw struct and may rewrite them.
        ScopedValue<bool> raising(in_send_handlers_, true);
        flags = core_->pipeline_->before_send(!headers_sent_ && !headers_suppressed_, final, flags);
    }
    auto guard = lock();
    Send out{false, std::string(), more, final, flags};
    if (!headers_sent_) {
        headers_sent_ = true;
        out.headers = !headers_suppressed_;
        sent_status_ = raw_.StatusCode;
        if (out.headers) sent_headers_ = headers();
    }
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i) {
        const HTTP_DATA_CHUNK& chunk = raw_.pEntityChunks[i];
        if (chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.pBuffer)
            out.body.append(static_cast<const char*>(chunk.FromMemory.pBuffer),
                            chunk.FromMemory.BufferLength);
    }
    chunks_.clear();
    copies_.clear();
    raw_.pEntityChunks = nullptr;
    raw_.EntityChunkCount = 0;
    const auto bytes = static_cast<DWORD>(out.body.size());
    sends_.push_back(std::move(out));
    return bytes;
}

template <class Unused>
Transfer FakeHttpResponseBase<Unused>::complete_operation(const Operation& op) {
    bool reset = false;
    {
        auto guard = lock();
        reset = connection_reset_;
    }
    if (reset) return Transfer{0, HRESULT_FROM_WIN32(ERROR_CONNECTION_ABORTED)};
    return Transfer{send(op.more_data, false), S_OK};
}

template <class Unused>
void FakeHttpResponseBase<Unused>::end_request() {
    if (ended_) return;
    ended_ = true;
    if (!connection_reset_) {
        send(false, true);
        return;
    }
    // A reset connection sends nothing; what was buffered goes, so the raw struct never points
    // into request memory the context frees next.
    auto guard = lock();
    chunks_.clear();
    copies_.clear();
    raw_.pEntityChunks = nullptr;
    raw_.EntityChunkCount = 0;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::body() const {
    std::string out;
    for (const Send& s : sends_) out += s.body;
    return out;
}

template <class Unused>
std::string FakeHttpResponseBase<Unused>::buffered_body() const {
    std::string out;
    for (USHORT i = 0; raw_.pEntityChunks && i < raw_.EntityChunkCount; ++i) {
        const HTTP_DATA_CHUNK& chunk = raw_.pEntityChunks[i];
        if (chunk.DataChunkType == HttpDataChunkFromMemory && chunk.FromMemory.pBuffer)
            out.append(static_cast<const char*>(chunk.FromMemory.pBuffer),
                       chunk.FromMemory.BufferLength);
    }
    return out;
}

// ---- redirect ---------------------------------------------------------------------------------

template <class Unused>
HRESULT FakeHttpResponseBase<Unused>::Redirect(PCSTR pszUrl, BOOL fResetStatusCode,
                                               BOOL fIncludeParameters) {
    const std::string arguments = pszUrl ? pszUrl : "NULL";
    HRESULT result = S_OK;
    if (injected_recorded(Method::Redirect, arguments, result)) return result;
    if (!pszUrl) {
        record(Method::Redirect, arguments, E_INVALIDARG);
        return report("IHttpResponse::Redirect", "RESP-12", "pszUrl is NULL", E_INVALIDARG);
    }
    if (headers_sent_) {  // RESP-12: nothing useful once the headers went out
        record(Method::Redirect, arguments, S_OK);
        return S_OK;
    }
    const std::string base = request_url_ ? request_url_() : std::string("http://localhost/");
    const std::size_t scheme_end = base.find("://");
    const std::size_t path_start =
        scheme_end == std::string::npos ? base.size() : base.find('/', scheme_end + 3);
    const std::string origin = base.substr(0, path_start);
    const std::size_t query_at = base.find('?');
    const std::string path =
        path_start == std::string::npos
            ? std::string("/")
            : base.substr(path_start, query_at == std::string::npos ? std::string::npos
                                                                    : query_at - path_start);
    std::string target = pszUrl;
    if (target.find_first_of("\r\n") != std::string::npos) {  // header injection
        record(Method::Redirect, arguments, E_INVALIDARG);
        return E_INVALIDARG;
    }
    if (target.find("://") == std::string::npos) {  // relative: made absolute (RESP-12)
        if (!target.empty() && target[0] == '/')
            target = origin + target;
        else
            target = origin + path.substr(0, path.rfind('/') + 1) + target;
    }
    if (fIncludeParameters && query_at != std::string::npos && query_at + 1 < base.size())
        target += (target.find('?') == std::string::npos ? "?" : "&") + base.substr(query_at + 1);
    {
        auto guard = lock();
        chunks_.clear();  // existing response data is discarded
        copies_.clear();
        raw_.pEntityChunks = nullptr;
        raw_.EntityChunkCount = 0;
    }
    if (target.size() > max_ushort) {
        record(Method::Redirect, arguments, HRESULT_FROM_WIN32(ERROR_INVALID_DATA));
        return HRESULT_FROM_WIN32(ERROR_INVALID_DATA);
    }
    {
        auto guard = lock();
        headers_.remove_unknown("Location", 8, true);
        headers_.set_known(HttpHeaderLocation, target.data(), target.size(), true,
                           core_->options_.append_separator);
        if (fResetStatusCode) {
            raw_.StatusCode = 302;
            raw_.pReason = strings_.copy("Redirect", 8);
            raw_.ReasonLength = 8;
            substatus_ = 0;
        }
    }
    if (!fResetStatusCode) {
        // The status stays: the client is told in the body where the document moved.
        const std::string moved =
            "<head><title>Document Moved</title></head>\n<body><h1>Object "
            "Moved</h1>This document may be found <a HREF=\"" +
            target + "\">here</a></body>";
        HTTP_DATA_CHUNK chunk = {};
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(moved.data());
        chunk.FromMemory.BufferLength = static_cast<ULONG>(moved.size());
        const bool was_buffering = buffering_;
        buffering_ = true;  // copied: `moved` dies here
        add_chunks("IHttpResponse::Redirect", &chunk, 1, -1, false);
        buffering_ = was_buffering;
    }
    record(Method::Redirect, arguments, S_OK);
    return S_OK;
}

}  // namespace detail

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::FakeHttpResponseBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
