#ifndef IISFAKE_SDK_HTTP_USER_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_USER_HPP_INCLUDED

// IHttpUser, as httpserv.h declares it: every method non-const. Under <windows.h> with UNICODE,
// GetUserName is a macro for GetUserNameW, which renames this method too, as with the SDK.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("8059e6f8-10ce-4d61-b47e-5a1d8d9a8b67") IHttpUser {
public:
    virtual PCWSTR GetRemoteUserName(VOID) = 0;
    virtual PCWSTR GetUserName(VOID) = 0;
    virtual PCWSTR GetAuthenticationType(VOID) = 0;
    virtual PCWSTR GetPassword(VOID) = 0;
    virtual HANDLE GetImpersonationToken(VOID) = 0;
    virtual HANDLE GetPrimaryToken(VOID) = 0;
    virtual VOID ReferenceUser(VOID) = 0;
    virtual VOID DereferenceUser(VOID) = 0;
    virtual BOOL SupportsIsInRole(VOID) = 0;
    virtual HRESULT IsInRole(PCWSTR pszRoleName, BOOL* pfInRole) = 0;
    virtual PVOID GetUserVariable(PCSTR pszVariableName) = 0;

protected:
    ~IHttpUser() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
