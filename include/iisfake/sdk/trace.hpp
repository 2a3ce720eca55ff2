#ifndef IISFAKE_SDK_TRACE_HPP_INCLUDED
#define IISFAKE_SDK_TRACE_HPP_INCLUDED

// IHttpTraceContext, as httpserv.h declares it; the structures it takes are httptrace.h's.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("9f9098d5-915c-4294-a52e-66532a232bc9") IHttpTraceContext {
public:
    virtual HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration) = 0;
    virtual HRESULT SetTraceConfiguration(HTTP_MODULE_ID moduleId,
                                          HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration,
                                          DWORD cHttpTraceConfiguration = 1) = 0;
    virtual HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) = 0;
    virtual LPCGUID GetTraceActivityId(VOID) = 0;
    virtual HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                               UCHAR Level = 4) = 0;

protected:
    ~IHttpTraceContext() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
