#ifndef IISFAKE_SDK_HTTP_CONNECTION_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_CONNECTION_HPP_INCLUDED

// IHttpConnection: the client connection a request came on, as httpserv.h declares it.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("d9a5de00-3346-4599-9826-fe88565e1226") IHttpConnection {
public:
    virtual BOOL IsConnected(VOID) const = 0;
    virtual VOID* AllocateMemory(DWORD cbAllocation) = 0;
    virtual IHttpConnectionModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IHttpConnection() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
