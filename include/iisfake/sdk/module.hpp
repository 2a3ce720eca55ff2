#ifndef IISFAKE_SDK_MODULE_HPP_INCLUDED
#define IISFAKE_SDK_MODULE_HPP_INCLUDED

// CHttpModule and CGlobalModule, the classes a module derives from, as httpserv.h declares them:
// every handler virtual with an inline default body, in declaration order; CHttpModule's
// constructor and virtual destructor protected and Dispose deleting it; CGlobalModule's only
// pure virtual Terminate. Neither declares a class-scope operator new (MOD-4).
//
// The SDK's default bodies write "subscribed to the event but did not override the method" to
// the debugger and call DebugBreak. A default body runs when a module registered for a
// notification but its handler's signature differs (it overloads instead of overriding, T-9);
// here it writes the same diagnostic and reports the handler through iisfake::hooks(), for the
// test to see, and never traps. Either way it returns CONTINUE, as the SDK's does.

#include "iisfake/hooks.hpp"
#include "iisfake/sdk/providers.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {
// The default handler that ran last on this thread: ModuleHost checks it after each handler it
// calls, so a module whose handler does not override is reported by name (T-9).
inline const char*& unhandled_on_this_thread() noexcept {
    static thread_local const char* method = nullptr;
    return method;
}

inline void report_unhandled(const char* method) {
    unhandled_on_this_thread() = method;
    if (void (*output)(const char*) = hooks().debug_output) {
        // One OutputDebugString line, as the SDK's; every handler name is under 64 characters.
        static const char reason[] =
            ": subscribed to the event but did not override the method; check its signature\n";
        char line[sizeof reason + 64] = {};
        unsigned length = 0;
        for (const char* c = method; *c != '\0' && length < 63; ++c) line[length++] = *c;
        for (const char* c = reason; *c != '\0'; ++c) line[length++] = *c;
        output(line);
    }
    if (void (*record)(const char*) = hooks().unhandled_notification) record(method);
}
}  // namespace detail
IISFAKE_END_NAMESPACE

#if !defined(IISFAKE_HAS_SDK_HTTPSERV)

// One default handler of CHttpModule: its name, provider type and the report it makes.
#define IISFAKE_DETAIL_DEFAULT_HANDLER(name, provider)                                   \
    virtual REQUEST_NOTIFICATION_STATUS name(IHttpContext* /* pHttpContext */,          \
                                             provider* /* pProvider */) {              \
        ::iisfake::detail::report_unhandled("CHttpModule::" #name);                     \
        return RQ_NOTIFICATION_CONTINUE;                                                \
    }

class CHttpModule {
public:
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnBeginRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostBeginRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAuthenticateRequest, IAuthenticationProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAuthenticateRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAuthorizeRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAuthorizeRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnResolveRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostResolveRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnMapRequestHandler, IMapHandlerProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostMapRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnAcquireRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostAcquireRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPreExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostPreExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostExecuteRequestHandler, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnReleaseRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostReleaseRequestState, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnUpdateRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostUpdateRequestCache, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnLogRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostLogRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnEndRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnPostEndRequest, IHttpEventProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnSendResponse, ISendResponseProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnMapPath, IMapPathProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnReadEntity, IReadEntityProvider)
    IISFAKE_DETAIL_DEFAULT_HANDLER(OnCustomRequestNotification, ICustomNotificationProvider)

    virtual REQUEST_NOTIFICATION_STATUS OnAsyncCompletion(IHttpContext* /* pHttpContext */,
                                                          DWORD /* dwNotification */,
                                                          BOOL /* fPostNotification */,
                                                          IHttpEventProvider* /* pProvider */,
                                                          IHttpCompletionInfo* /* pCompletionInfo */) {
        ::iisfake::detail::report_unhandled("CHttpModule::OnAsyncCompletion");
        return RQ_NOTIFICATION_CONTINUE;
    }

    virtual VOID Dispose(VOID) { delete this; }

protected:
    CHttpModule() {}
    virtual ~CHttpModule() {}
};

#undef IISFAKE_DETAIL_DEFAULT_HANDLER

// One default handler of CGlobalModule: its name, parameter list and the report it makes.
#define IISFAKE_DETAIL_GLOBAL_HANDLER(name, parameters)             \
    virtual GLOBAL_NOTIFICATION_STATUS name parameters {             \
        ::iisfake::detail::report_unhandled("CGlobalModule::" #name); \
        return GL_NOTIFICATION_CONTINUE;                             \
    }

class CGlobalModule {
public:
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalStopListening,
                                  (IGlobalStopListeningProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCacheCleanup, (VOID))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCacheOperation, (ICacheProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalHealthCheck, (VOID))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalConfigurationChange,
                                  (IGlobalConfigurationChangeProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalFileChange, (IGlobalFileChangeProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalPreBeginRequest,
                                  (IPreBeginRequestProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationStart,
                                  (IHttpApplicationStartProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationResolveModules,
                                  (IHttpApplicationResolveModulesProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationStop,
                                  (IHttpApplicationStopProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalRSCAQuery, (IGlobalRSCAQueryProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalTraceEvent, (IGlobalTraceEventProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalCustomNotification,
                                  (ICustomNotificationProvider* /* pProvider */))

    virtual VOID Terminate(VOID) = 0;

    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalThreadCleanup,
                                  (IGlobalThreadCleanupProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnGlobalApplicationPreload,
                                  (IGlobalApplicationPreloadProvider* /* pProvider */))
    IISFAKE_DETAIL_GLOBAL_HANDLER(OnSuspendProcess,
                                  (IGlobalSuspendProcessCallback** /* pCallback */))

    // Not in the SDK, whose implicit destructor is public and not virtual: every module's
    // -Wnon-virtual-dtor would warn. Declared last, it moves no handler's vtable slot, and
    // modules that delete themselves in Terminate behave the same.
    virtual ~CGlobalModule() {}
};

#undef IISFAKE_DETAIL_GLOBAL_HANDLER

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
