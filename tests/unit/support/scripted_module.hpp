#ifndef IISFAKE_TESTS_SCRIPTED_MODULE_HPP_INCLUDED
#define IISFAKE_TESTS_SCRIPTED_MODULE_HPP_INCLUDED

// A test module whose handlers a test writes as lambdas: each handler the script names runs its
// lambda, every other handler it registered returns CONTINUE. One Script is shared by every
// instance the factory creates (one per request, MOD-3), and counts them.

#include <atomic>
#include <functional>
#include <map>
#include <string>

#include <iisfake/iisfake.hpp>
#include <iisfake/module_host.hpp>

namespace test_module {

using Handler = std::function<REQUEST_NOTIFICATION_STATUS(IHttpContext*, IHttpEventProvider*)>;
using Completion = std::function<REQUEST_NOTIFICATION_STATUS(IHttpContext*, DWORD notification,
                                                             BOOL post, IHttpCompletionInfo*)>;

struct Script {
    std::map<std::string, Handler> handlers;  // by handler name: "OnBeginRequest", ...
    Completion completion;
    std::atomic<int> created{0};
    std::atomic<int> disposed{0};
    std::atomic<int> terminated{0};
    HRESULT create_result = S_OK;
};

class Module final : public CHttpModule {
public:
    explicit Module(Script& script) : script_(script) {}
    void Dispose() override {
        ++script_.disposed;
        delete this;
    }

#define TEST_MODULE_HANDLER(name, provider)                                              \
    REQUEST_NOTIFICATION_STATUS name(IHttpContext* context, provider* events) override { \
        return run(#name, context, events);                                              \
    }
    TEST_MODULE_HANDLER(OnBeginRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostBeginRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnAuthenticateRequest, IAuthenticationProvider)
    TEST_MODULE_HANDLER(OnPostAuthenticateRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnAuthorizeRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostAuthorizeRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnResolveRequestCache, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostResolveRequestCache, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnMapRequestHandler, IMapHandlerProvider)
    TEST_MODULE_HANDLER(OnPostMapRequestHandler, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnAcquireRequestState, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostAcquireRequestState, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPreExecuteRequestHandler, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostPreExecuteRequestHandler, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnExecuteRequestHandler, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostExecuteRequestHandler, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnReleaseRequestState, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostReleaseRequestState, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnUpdateRequestCache, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostUpdateRequestCache, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnLogRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostLogRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnEndRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnPostEndRequest, IHttpEventProvider)
    TEST_MODULE_HANDLER(OnSendResponse, ISendResponseProvider)
    TEST_MODULE_HANDLER(OnCustomRequestNotification, ICustomNotificationProvider)
    TEST_MODULE_HANDLER(OnMapPath, IMapPathProvider)
    TEST_MODULE_HANDLER(OnReadEntity, IReadEntityProvider)
#undef TEST_MODULE_HANDLER

    REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* context, DWORD notification,
                                                  BOOL post, IHttpEventProvider*,
                                                  IHttpCompletionInfo* info) override {
        return script_.completion ? script_.completion(context, notification, post, info)
                                  : RQ_NOTIFICATION_CONTINUE;
    }

private:
    ~Module() override = default;
    REQUEST_NOTIFICATION_STATUS run(const char* name, IHttpContext* context,
                                    IHttpEventProvider* events) {
        const auto handler = script_.handlers.find(name);
        return handler == script_.handlers.end() ? RQ_NOTIFICATION_CONTINUE
                                                 : handler->second(context, events);
    }
    Script& script_;
};

class Factory final : public IHttpModuleFactory {
public:
    explicit Factory(Script& script) : script_(script) {}
    virtual ~Factory() = default;
    HRESULT GetHttpModule(CHttpModule** module, IModuleAllocator*) override {
        if (FAILED(script_.create_result)) return script_.create_result;
        ++script_.created;
        *module = new Module(script_);
        return S_OK;
    }
    VOID Terminate() override { ++script_.terminated; }

private:
    Script& script_;
};

}  // namespace test_module

#endif
