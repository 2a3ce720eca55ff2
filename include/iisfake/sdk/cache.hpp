#ifndef IISFAKE_SDK_CACHE_HPP_INCLUDED
#define IISFAKE_SDK_CACHE_HPP_INCLUDED

// The cache-related interfaces of httpserv.h: cache keys and cached data (files, tokens), the
// response's cache policy, file monitors and performance counters. GetIsEqual and GetIsPrefix
// return C++ bool, not BOOL, as in the SDK.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("cdef2aad-20b3-4512-b1b1-094b3844aeb2") IHttpCacheKey {
public:
    virtual DWORD GetHash(VOID) const = 0;
    virtual PCWSTR GetCacheName(VOID) const = 0;
    virtual bool GetIsEqual(IHttpCacheKey* pCacheCompareKey) const = 0;
    virtual bool GetIsPrefix(IHttpCacheKey* pCacheCompareKey) const = 0;
    virtual VOID Enum(IHttpCacheSpecificData* pCacheData) = 0;

protected:
    ~IHttpCacheKey() = default;
};

class IISFAKE_UUID("37776aff-852e-4eec-93a5-b85a285a95b8") IHttpCacheSpecificData {
public:
    virtual IHttpCacheKey* GetCacheKey(VOID) const = 0;
    virtual VOID ReferenceCacheData(VOID) = 0;
    virtual VOID DereferenceCacheData(VOID) = 0;
    virtual VOID ResetTTL(VOID) = 0;
    virtual VOID DecrementTTL(BOOL* pfTTLExpired) = 0;
    virtual VOID SetFlushed(VOID) = 0;
    virtual BOOL GetFlushed(VOID) const = 0;

protected:
    ~IHttpCacheSpecificData() = default;
};

class IISFAKE_UUID("71e95595-8c74-44d9-88a9-f5112d5f5900") IHttpFileInfo
    : public IHttpCacheSpecificData {
public:
    virtual DWORD GetAttributes(VOID) const = 0;
    virtual VOID GetSize(ULARGE_INTEGER* pliSize) const = 0;
    virtual const BYTE* GetFileBuffer(VOID) const = 0;
    virtual HANDLE GetFileHandle(VOID) const = 0;
    virtual PCWSTR GetFilePath(VOID) const = 0;
    virtual PCSTR GetETag(USHORT* pcchETag = NULL) const = 0;
    virtual VOID GetLastModifiedTime(FILETIME* pFileTime) const = 0;
    virtual PCSTR GetLastModifiedString(VOID) const = 0;
    virtual BOOL GetHttpCacheAllowed(DWORD* pSecondsToLive) const = 0;
    virtual HRESULT AccessCheck(HANDLE hUserToken, PSID pUserSid) = 0;
    virtual HANDLE GetVrToken(VOID) const = 0;
    virtual PCWSTR GetVrPath(VOID) const = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual BOOL CheckIfFileHasChanged(HANDLE hUserToken) = 0;

protected:
    ~IHttpFileInfo() = default;
};

class IISFAKE_UUID("fd86e6de-fb0e-47dd-820a-e0da12be46e9") IHttpTokenEntry
    : public IHttpCacheSpecificData {
public:
    virtual HANDLE GetImpersonationToken(VOID) = 0;
    virtual HANDLE GetPrimaryToken(VOID) = 0;
    virtual PSID GetSid(VOID) = 0;

protected:
    ~IHttpTokenEntry() = default;
};

class IISFAKE_UUID("cb1c40ca-70f2-41a0-add2-881f5ef57388") IHttpCachePolicy {
public:
    virtual HTTP_CACHE_POLICY* GetKernelCachePolicy(VOID) = 0;
    virtual VOID SetKernelCacheInvalidatorSet(VOID) = 0;
    virtual HTTP_CACHE_POLICY* GetUserCachePolicy(VOID) = 0;
    virtual HRESULT AppendVaryByHeader(PCSTR pszHeader) = 0;
    virtual PCSTR GetVaryByHeaders(VOID) const = 0;
    virtual HRESULT AppendVaryByQueryString(PCSTR pszParam) = 0;
    virtual PCSTR GetVaryByQueryStrings(VOID) const = 0;
    virtual HRESULT SetVaryByValue(PCSTR pszValue) = 0;
    virtual PCSTR GetVaryByValue(VOID) const = 0;
    virtual BOOL IsUserCacheEnabled(VOID) const = 0;
    virtual VOID DisableUserCache(VOID) = 0;
    virtual BOOL IsCached(VOID) const = 0;
    virtual VOID SetIsCached(VOID) = 0;
    virtual BOOL GetKernelCacheInvalidatorSet(VOID) const = 0;

protected:
    ~IHttpCachePolicy() = default;
};

class IISFAKE_UUID("9f4ba807-050e-4495-ae55-8870f7e9194a") IHttpCachePolicy2
    : public IHttpCachePolicy {
public:
    virtual BOOL IsForceUpdateSet(VOID) const = 0;
    virtual VOID SetForceUpdate(VOID) = 0;

protected:
    ~IHttpCachePolicy2() = default;
};

class IISFAKE_UUID("985422da-b0cf-473b-ba9e-8148ceb3e240") IHttpFileMonitor {
public:
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual VOID DereferenceFileMonitor(VOID) = 0;

protected:
    ~IHttpFileMonitor() = default;
};

class IISFAKE_UUID("bdfc4c4a-12a4-4744-87d8-765eb320c59f") IHttpPerfCounterInfo {
public:
    virtual VOID IncrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;
    virtual VOID DecrementCounter(DWORD dwCounterIndex, DWORD dwValue = 1) = 0;

protected:
    ~IHttpPerfCounterInfo() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
