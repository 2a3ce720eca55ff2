#ifndef IISFAKE_CALL_LOG_HPP_INCLUDED
#define IISFAKE_CALL_LOG_HPP_INCLUDED

// What a fake records of the SDK calls made on it, in order, and how tests name a method for
// fault injection.

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

inline const char* method_name(Method method) noexcept {
    static const char* const names[] = {
        "GetRawHttpRequest", "GetHeader",        "SetHeader",
        "DeleteHeader",      "GetHttpMethod",    "SetHttpMethod",
        "SetUrl",            "GetUrlChanged",    "GetForwardedUrl",
        "GetLocalAddress",   "GetRemoteAddress", "ReadEntityBody",
        "InsertEntityBody",  "GetRemainingEntityBytes", "GetHttpVersion",
        "GetClientCertificate", "NegotiateClientCertificate", "GetSiteId",
        "GetHeaderChanges",  "GetChannelBindingToken"};
    return names[static_cast<int>(method)];
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

struct Call {
    Method method;
    std::string arguments;  // the arguments as text, e.g. "X-Forwarded-For" or "1.2.3.4, TRUE"
    HRESULT result;         // S_OK for methods that return no HRESULT
};

IISFAKE_END_NAMESPACE

#endif
