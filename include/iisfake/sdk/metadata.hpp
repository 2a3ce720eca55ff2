#ifndef IISFAKE_SDK_METADATA_HPP_INCLUDED
#define IISFAKE_SDK_METADATA_HPP_INCLUDED

// What IIS knows of a URL's configuration: IMetadataInfo (the configuration path),
// IScriptMapInfo (the handler mapping) and IHttpUrlInfo, as httpserv.h declares them.

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("48b10633-825d-495e-93b0-225380053e8e") IMetadataInfo {
public:
    virtual PCWSTR GetMetaPath(VOID) const = 0;
    virtual PCWSTR GetVrPath(VOID) const = 0;
    virtual IHttpTokenEntry* GetVrToken(VOID) = 0;
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;

protected:
    ~IMetadataInfo() = default;
};

class IISFAKE_UUID("3fc5c336-9ad7-45ea-af2f-31b59302c9fe") IReferencedMetadataInfo
    : public IMetadataInfo {
public:
    virtual VOID ReferenceMetadata(VOID) = 0;
    virtual VOID DereferenceMetadata(VOID) = 0;

protected:
    ~IReferencedMetadataInfo() = default;
};

class IISFAKE_UUID("d7fe3d77-68bc-4d4a-851f-eec9fb68017c") IScriptMapInfo {
public:
    virtual PCWSTR GetPath(VOID) const = 0;
    virtual PCSTR GetAllowedVerbs(VOID) const = 0;
    virtual PCWSTR GetModules(DWORD* pcchModules = NULL) const = 0;
    virtual PCWSTR GetScriptProcessor(DWORD* pcchScriptProcessor = NULL) const = 0;
    virtual PCWSTR GetManagedType(DWORD* pcchManagedType = NULL) const = 0;
    virtual BOOL GetAllowPathInfoForScriptMappings(VOID) const = 0;
    virtual DWORD GetRequiredAccess(VOID) const = 0;
    virtual DWORD GetResourceType(VOID) const = 0;
    virtual BOOL GetIsStarScriptMap(VOID) const = 0;
    virtual DWORD GetResponseBufferLimit(VOID) const = 0;
    virtual PCWSTR GetName(VOID) const = 0;

protected:
    ~IScriptMapInfo() = default;
};

class IISFAKE_UUID("7e0e6167-0094-49a1-8287-ecf6dc6e73a6") IHttpUrlInfo {
public:
    virtual IHttpModuleContextContainer* GetModuleContextContainer(VOID) = 0;
    virtual BOOL IsFrequentlyHit(VOID) const = 0;

protected:
    ~IHttpUrlInfo() = default;
};

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
