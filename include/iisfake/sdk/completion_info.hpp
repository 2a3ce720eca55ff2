#ifndef IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED
#define IISFAKE_SDK_COMPLETION_INFO_HPP_INCLUDED

// IHttpCompletionInfo and IHttpCompletionInfo2 exactly as httpserv.h declares them. The
// protected destructor keeps the SDK's vtable (no virtual destructor) while forbidding delete
// through the interface.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("49dd20e3-d9c0-463c-8821-f3413b55cc00") IHttpCompletionInfo {
public:
    virtual DWORD GetCompletionBytes(VOID) const = 0;
    virtual HRESULT GetCompletionStatus(VOID) const = 0;

protected:
    ~IHttpCompletionInfo() = default;
};

// The documentation page shows a wrong base class and says GetCompletedOperation returns a
// byte count; it returns the kind of operation completed (1 = a ReadEntityBody read).
class IISFAKE_UUID("53129f70-0196-47ec-b16c-127906e2afeb") IHttpCompletionInfo2
    : public IHttpCompletionInfo {
public:
    virtual DWORD GetCompletedOperation(VOID) const = 0;

protected:
    ~IHttpCompletionInfo2() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
