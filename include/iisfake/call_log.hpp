#ifndef IISFAKE_CALL_LOG_HPP_INCLUDED
#define IISFAKE_CALL_LOG_HPP_INCLUDED

// What a fake records of the SDK calls made on it, in order, and how tests name a method for
// fault injection.

#include <stdexcept>
#include <string>

#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE

// The IHttpRequest..IHttpRequest4 methods; overloads share one name.
enum class Method {
    GetRawHttpRequest,
    GetHeader,
    SetHeader,
    DeleteHeader,
    GetHttpMethod,
    SetHttpMethod,
    SetUrl,
    GetUrlChanged,
    GetForwardedUrl,
    GetLocalAddress,
    GetRemoteAddress,
    ReadEntityBody,
    InsertEntityBody,
    GetRemainingEntityBytes,
    GetHttpVersion,
    GetClientCertificate,
    NegotiateClientCertificate,
    GetSiteId,
    GetHeaderChanges,
    GetChannelBindingToken
};

constexpr int method_count = 20;

inline const char* method_name(Method method) noexcept {
    static const char* const names[] = {
        "GetRawHttpRequest", "GetHeader",        "SetHeader",
        "DeleteHeader",      "GetHttpMethod",    "SetHttpMethod",
        "SetUrl",            "GetUrlChanged",    "GetForwardedUrl",
        "GetLocalAddress",   "GetRemoteAddress", "ReadEntityBody",
        "InsertEntityBody",  "GetRemainingEntityBytes", "GetHttpVersion",
        "GetClientCertificate", "NegotiateClientCertificate", "GetSiteId",
        "GetHeaderChanges",  "GetChannelBindingToken"};
    const int index = static_cast<int>(method);
    return index >= 0 && index < method_count ? names[index] : "<not a Method>";
}

// Whether the method returns an HRESULT, and so can be made to fail (fault injection).
inline bool returns_hresult(Method method) noexcept {
    switch (method) {
        case Method::SetHeader:
        case Method::DeleteHeader:
        case Method::SetHttpMethod:
        case Method::SetUrl:
        case Method::ReadEntityBody:
        case Method::InsertEntityBody:
        case Method::GetClientCertificate:
        case Method::NegotiateClientCertificate:
        case Method::GetHeaderChanges:
        case Method::GetChannelBindingToken:
            return true;
        default:
            return false;
    }
}

// A fault a test asks for: a method that returns an HRESULT, failing with a failure HRESULT (a
// success that did nothing would hand module code out-parameters never written). Anything
// else is the test's mistake and throws std::invalid_argument.
inline Method check_fault(Method method, HRESULT result) {
    const int index = static_cast<int>(method);
    if (index < 0 || index >= method_count)
        throw std::invalid_argument("iisfake: fault injection: not a Method");
    if (!returns_hresult(method))
        throw std::invalid_argument(std::string("iisfake: ") + method_name(method) +
                                    " returns no HRESULT, so it cannot be made to fail");
    if (result >= 0)
        throw std::invalid_argument(std::string("iisfake: fault injection: ") +
                                    method_name(method) +
                                    " would return a success HRESULT having done nothing");
    return method;
}

struct Call {
    Method method;
    std::string arguments;  // the arguments as text, e.g. "X-Forwarded-For" or "1.2.3.4, TRUE"
    HRESULT result;         // S_OK for methods that return no HRESULT
};

IISFAKE_END_NAMESPACE

#endif
