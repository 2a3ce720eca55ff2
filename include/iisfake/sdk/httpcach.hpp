#ifndef IISFAKE_SDK_HTTPCACH_HPP_INCLUDED
#define IISFAKE_SDK_HTTPCACH_HPP_INCLUDED

// The IIS SDK's <httpcach.h>: the keys of IIS's URI, file and token caches, as
// IHttpServer::DoCacheOperation and ICacheProvider hand them out. GetCacheName has a body here,
// as in the SDK: it overrides IHttpCacheKey::GetCacheName with the cache's name.

#include "iisfake/sdk/cache.hpp"

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpcach.h>
#else

#define URI_CACHE_NAME L"URI"
#define FILE_CACHE_NAME L"FILE"
#define TOKEN_CACHE_NAME L"TOKEN"

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Winconsistent-missing-override"
#pragma clang diagnostic ignored "-Wsuggest-override"
#endif
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 5
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsuggest-override"
#endif

class IISFAKE_UUID("f1bc4f8c-6bf8-42c0-b745-4fbe1a67e5a7") IUriKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return URI_CACHE_NAME; }
    virtual PCWSTR GetUrl(VOID) const = 0;
    virtual PCWSTR GetSiteName(VOID) const = 0;
    virtual DWORD GetSiteId(VOID) const = 0;
    virtual VOID UpdateFrequentlyHitTickCount(DWORD dwTicks) = 0;
    virtual PCWSTR GetConfigPath(VOID) const = 0;

protected:
    ~IUriKey() = default;
};

class IISFAKE_UUID("7377f6a4-266c-4043-b62a-9ea955a5e97a") IFileKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return FILE_CACHE_NAME; }
    virtual PCWSTR GetPath(VOID) const = 0;

protected:
    ~IFileKey() = default;
};

class IISFAKE_UUID("1d3dc8cb-fc52-42bc-97e1-1bf02136e8ba") IHttpTokenKey : public IHttpCacheKey {
public:
    PCWSTR GetCacheName(VOID) const { return TOKEN_CACHE_NAME; }
    virtual PCWSTR GetUserName(VOID) const = 0;
    virtual PCWSTR GetPasswordHash(VOID) const = 0;
    // The LOGON32_LOGON_* method used to log the user on.
    virtual DWORD GetLogonMethod(VOID) const = 0;

protected:
    ~IHttpTokenKey() = default;
};

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 5
#pragma GCC diagnostic pop
#endif
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
