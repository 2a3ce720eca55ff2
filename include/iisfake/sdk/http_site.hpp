#ifndef IISFAKE_SDK_HTTP_SITE_HPP_INCLUDED
#define IISFAKE_SDK_HTTP_SITE_HPP_INCLUDED

// IHttpSite and IHttpApplication/2: the site and application a request belongs to, as
// httpserv.h declares them.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("eb16a6ec-ba5d-436f-bf24-3ede13906450") IHttpSite {
public:
    virtual DWORD GetSiteId(VOID) const = 0;
    virtual PCWSTR GetSiteName(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) = 0;

protected:
    ~IHttpSite() = default;
};

class IISFAKE_UUID("3f75d9e6-1075-422c-ad89-93a85f2d7bdc") IHttpApplication {
public:
    virtual PCWSTR GetApplicationPhysicalPath(VOID) const = 0;
    virtual PCWSTR GetApplicationId(VOID) const = 0;
    virtual PCWSTR GetAppConfigPath(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IHttpApplication() = default;
};

class IISFAKE_UUID("311a3b7a-b673-4a1c-8349-2e98a23cadcb") IHttpApplication2
    : public IHttpApplication {
public:
    virtual VOID BeginApplicationWarmup(VOID) = 0;
    virtual VOID EndApplicationWarmup(VOID) = 0;
    virtual BOOL QueryIsWarmingUp(VOID) = 0;

protected:
    ~IHttpApplication2() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
