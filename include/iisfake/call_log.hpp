#ifndef IISFAKE_CALL_LOG_HPP_INCLUDED
#define IISFAKE_CALL_LOG_HPP_INCLUDED

// What a fake records of the SDK calls made on it, in order, and how tests name a method for
// fault injection.

#include <stdexcept>
#include <string>

#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE

// Which fake a call was made on: one request's calls are one log (FakeHttpContext::calls()),
// and the same method name can belong to the request and the response.
enum class On { request, response, context };

inline const char* on_name(On on) noexcept {
    switch (on) {
        case On::request: return "IHttpRequest";
        case On::response: return "IHttpResponse";
        case On::context: return "IHttpContext";
    }
    return "<not an On>";
}

// The methods of IHttpRequest..4, IHttpResponse..4 and IHttpContext..4; overloads and a name
// two interfaces share (GetHeader, SetHeader, ...) are one Method. Existing values never move.
#define IISFAKE_METHODS_(X) \
    X(GetRawHttpRequest) \
    X(GetHeader) \
    X(SetHeader) \
    X(DeleteHeader) \
    X(GetHttpMethod) \
    X(SetHttpMethod) \
    X(SetUrl) \
    X(GetUrlChanged) \
    X(GetForwardedUrl) \
    X(GetLocalAddress) \
    X(GetRemoteAddress) \
    X(ReadEntityBody) \
    X(InsertEntityBody) \
    X(GetRemainingEntityBytes) \
    X(GetHttpVersion) \
    X(GetClientCertificate) \
    X(NegotiateClientCertificate) \
    X(GetSiteId) \
    X(GetHeaderChanges) \
    X(GetChannelBindingToken) \
    /* IHttpResponse..IHttpResponse4 */ \
    X(GetRawHttpResponse) \
    X(GetCachePolicy) \
    X(SetStatus) \
    X(Clear) \
    X(ClearHeaders) \
    X(SetNeedDisconnect) \
    X(ResetConnection) \
    X(DisableKernelCache) \
    X(GetKernelCacheEnabled) \
    X(SuppressHeaders) \
    X(GetHeadersSuppressed) \
    X(Flush) \
    X(Redirect) \
    X(WriteEntityChunkByReference) \
    X(WriteEntityChunks) \
    X(DisableBuffering) \
    X(GetStatus) \
    X(SetErrorDescription) \
    X(GetErrorDescription) \
    X(CloseConnection) \
    X(PushPromise) \
    X(DeleteTrailer) \
    X(GetTrailer) \
    X(ResetStream) \
    X(SetNeedGoAway) \
    X(SetTrailer) \
    /* IHttpContext..IHttpContext4 */ \
    X(GetSite) \
    X(GetApplication) \
    X(GetConnection) \
    X(GetRequest) \
    X(GetResponse) \
    X(GetResponseHeadersSent) \
    X(GetUser) \
    X(GetModuleContextContainer) \
    X(IndicateCompletion) \
    X(PostCompletion) \
    X(DisableNotifications) \
    X(GetNextNotification) \
    X(GetIsLastNotification) \
    X(ExecuteRequest) \
    X(GetExecuteFlags) \
    X(GetServerVariable) \
    X(SetServerVariable) \
    X(AllocateRequestMemory) \
    X(GetUrlInfo) \
    X(GetMetadata) \
    X(GetPhysicalPath) \
    X(GetScriptName) \
    X(GetScriptTranslated) \
    X(GetScriptMap) \
    X(SetRequestHandled) \
    X(GetFileInfo) \
    X(MapPath) \
    X(NotifyCustomNotification) \
    X(GetParentContext) \
    X(GetRootContext) \
    X(CloneContext) \
    X(ReleaseClonedContext) \
    X(GetCurrentExecutionStats) \
    X(GetTraceContext) \
    X(GetServerVarChanges) \
    X(CancelIo) \
    X(MapHandler) \
    X(GetExtendedInterface) \
    X(GetOriginalUser) \
    X(GetNamedContextContainer) \
    X(EnableFullDuplex) \
    X(InheritServerVariable) \
    X(GetRequestStartTime) \
    X(GetRequestElapsedTime)

enum class Method {
#define IISFAKE_METHOD_ENUMERATOR_(name) name,
    IISFAKE_METHODS_(IISFAKE_METHOD_ENUMERATOR_)
#undef IISFAKE_METHOD_ENUMERATOR_
};

constexpr int method_count = 0
#define IISFAKE_METHOD_COUNT_(name) +1
    IISFAKE_METHODS_(IISFAKE_METHOD_COUNT_)
#undef IISFAKE_METHOD_COUNT_
    ;

inline const char* method_name(Method method) noexcept {
    static const char* const names[] = {
#define IISFAKE_METHOD_NAME_(name) #name,
        IISFAKE_METHODS_(IISFAKE_METHOD_NAME_)
#undef IISFAKE_METHOD_NAME_
    };
    const int index = static_cast<int>(method);
    return index >= 0 && index < method_count ? names[index] : "<not a Method>";
}

#undef IISFAKE_METHODS_

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
        case Method::SetStatus:
        case Method::Flush:
        case Method::Redirect:
        case Method::WriteEntityChunkByReference:
        case Method::WriteEntityChunks:
        case Method::SetErrorDescription:
        case Method::PushPromise:
        case Method::DeleteTrailer:
        case Method::SetTrailer:
        case Method::PostCompletion:
        case Method::ExecuteRequest:
        case Method::GetServerVariable:
        case Method::SetServerVariable:
        case Method::MapPath:
        case Method::NotifyCustomNotification:
        case Method::CloneContext:
        case Method::ReleaseClonedContext:
        case Method::GetCurrentExecutionStats:
        case Method::GetServerVarChanges:
        case Method::CancelIo:
        case Method::MapHandler:
        case Method::GetExtendedInterface:
        case Method::InheritServerVariable:
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
    On on = On::request;    // the fake it was made on
};

IISFAKE_END_NAMESPACE

#endif
