#ifndef IISFAKE_SDK_CONTAINERS_HPP_INCLUDED
#define IISFAKE_SDK_CONTAINERS_HPP_INCLUDED

// The context containers: where a module keeps its own state on a request, site, application,
// connection or URL (IHttpStoredContext, cleaned up by the container), as httpserv.h declares
// them.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("f1927f76-790e-4ccb-a72e-396bdfdae05d") IHttpStoredContext {
public:
    virtual VOID CleanupStoredContext(VOID) = 0;

protected:
    ~IHttpStoredContext() = default;
};

class IISFAKE_UUID("d7fad7c9-aa27-4ab9-bd60-e55ccba3f5dc") IHttpModuleContextContainer {
public:
    virtual IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                                     HTTP_MODULE_ID moduleId) = 0;

protected:
    ~IHttpModuleContextContainer() = default;
};

class IISFAKE_UUID("2ae49359-95dd-4e48-ae20-c0cb9d0bc03a") IDispensedHttpModuleContextContainer
    : public IHttpModuleContextContainer {
public:
    virtual VOID ReleaseContainer(VOID) = 0;

protected:
    ~IDispensedHttpModuleContextContainer() = default;
};

class IISFAKE_UUID("16db6f7c-1a94-47ca-a8e8-fea6005ff3ba") INamedContextContainer {
public:
    virtual IHttpStoredContext* GetNamedContext(LPCWSTR szName) = 0;
    virtual HRESULT SetNamedContext(IHttpStoredContext* ppStoredContext, LPCWSTR szName) = 0;

protected:
    ~INamedContextContainer() = default;
};

class IISFAKE_UUID("841d9a71-75f4-4626-8b97-66046ca7e45b") IHttpConnectionStoredContext
    : public IHttpStoredContext {
public:
    virtual VOID NotifyDisconnect(VOID) = 0;

protected:
    ~IHttpConnectionStoredContext() = default;
};

class IISFAKE_UUID("f3dd2fb3-4d11-4295-b8ab-4cb667add1fe") IHttpConnectionModuleContextContainer
    : public IHttpModuleContextContainer {
public:
    virtual IHttpConnectionStoredContext* GetConnectionModuleContext(HTTP_MODULE_ID moduleId) = 0;
    virtual HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext* ppStoredContext,
                                               HTTP_MODULE_ID moduleId) = 0;

protected:
    ~IHttpConnectionModuleContextContainer() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
