#ifndef IISFAKE_SDK_REGISTRATION_HPP_INCLUDED
#define IISFAKE_SDK_REGISTRATION_HPP_INCLUDED

// How a module registers: the factory IIS asks for a module instance per request, the
// allocator it passes, and the registration info RegisterModule receives. The header declares
// only the type of RegisterModule (PFN_REGISTERMODULE), never the function: modules define it
// themselves, with C++ linkage (REG-1).

#include "iisfake/sdk/forward.hpp"

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

class IISFAKE_UUID("85c1679c-0b21-491c-afb5-c7b5c86464c4") IModuleAllocator {
public:
    virtual VOID* AllocateMemory(DWORD cbAllocation) = 0;

protected:
    ~IModuleAllocator() = default;
};

class IISFAKE_UUID("ba32d330-9ea8-4b9e-89f1-8c76a323277f") IHttpModuleFactory {
public:
    virtual HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) = 0;
    virtual VOID Terminate(VOID) = 0;

protected:
    ~IHttpModuleFactory() = default;
};

class IISFAKE_UUID("07e5beb3-b798-459d-a98a-e6c485b2b3bc") IHttpModuleRegistrationInfo {
public:
    virtual PCWSTR GetName(VOID) const = 0;
    virtual HTTP_MODULE_ID GetId(VOID) const = 0;
    virtual HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory,
                                            DWORD dwRequestNotifications,
                                            DWORD dwPostRequestNotifications) = 0;
    virtual HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule,
                                           DWORD dwGlobalNotifications) = 0;
    virtual HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification,
                                                      PCWSTR pszPriority) = 0;
    virtual HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification,
                                                     PCWSTR pszPriority) = 0;

protected:
    ~IHttpModuleRegistrationInfo() = default;
};

class IISFAKE_UUID("4fd11cbf-8cc5-418e-8000-c9e765f88533") IHttpModuleRegistrationInfo2
    : public IHttpModuleRegistrationInfo {
public:
    virtual HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification,
                                                          PCWSTR pszPriority) = 0;

protected:
    ~IHttpModuleRegistrationInfo2() = default;
};

typedef HRESULT(WINAPI* PFN_REGISTERMODULE)(DWORD dwServerVersion,
                                            IHttpModuleRegistrationInfo* pModuleInfo,
                                            IHttpServer* pGlobalInfo);

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
