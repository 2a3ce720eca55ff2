#ifndef IISFAKE_SDK_FORWARD_HPP_INCLUDED
#define IISFAKE_SDK_FORWARD_HPP_INCLUDED

// The small declarations of httpserv.h that its interfaces refer to before defining them: the
// notification bits, statuses and flags, the module id, and every class by name. Where the
// Windows SDK's own <httpserv.h> is used (see config.hpp), it is included instead, and every
// iisfake/sdk/ header declares nothing.

#include "iisfake/http_types.hpp"
#include "iisfake/sdk/ahadmin.hpp"
#include "iisfake/sdk/httptrace.hpp"
#include "iisfake/sdk/uuid.hpp"

#if defined(IISFAKE_HAS_SDK_HTTPSERV)
#include <httpserv.h>
#else

// ---- request notifications (bits of SetRequestNotifications, DisableNotifications and
// OnAsyncCompletion's dwNotification) ------------------------------------------------------
#define RQ_BEGIN_REQUEST 0x00000001
#define RQ_AUTHENTICATE_REQUEST 0x00000002
#define RQ_AUTHORIZE_REQUEST 0x00000004
#define RQ_RESOLVE_REQUEST_CACHE 0x00000008
#define RQ_MAP_REQUEST_HANDLER 0x00000010
#define RQ_ACQUIRE_REQUEST_STATE 0x00000020
#define RQ_PRE_EXECUTE_REQUEST_HANDLER 0x00000040
#define RQ_EXECUTE_REQUEST_HANDLER 0x00000080
#define RQ_RELEASE_REQUEST_STATE 0x00000100
#define RQ_UPDATE_REQUEST_CACHE 0x00000200
#define RQ_LOG_REQUEST 0x00000400
#define RQ_END_REQUEST 0x00000800
#define RQ_SEND_RESPONSE_STATUS_AND_HEADERS 0x08000000  // undocumented; no CHttpModule method
#define RQ_CUSTOM_NOTIFICATION 0x10000000
#define RQ_SEND_RESPONSE 0x20000000
#define RQ_READ_ENTITY 0x40000000
#define RQ_MAP_PATH 0x80000000

// ---- global notifications ----------------------------------------------------------------
#define GL_STOP_LISTENING 0x00000002
#define GL_CACHE_CLEANUP 0x00000004
#define GL_CACHE_OPERATION 0x00000010
#define GL_HEALTH_CHECK 0x00000020
#define GL_CONFIGURATION_CHANGE 0x00000040
#define GL_FILE_CHANGE 0x00000080
#define GL_PRE_BEGIN_REQUEST 0x00000100
#define GL_APPLICATION_START 0x00000200
#define GL_APPLICATION_RESOLVE_MODULES 0x00000400
#define GL_APPLICATION_STOP 0x00000800
#define GL_RSCA_QUERY 0x00001000
#define GL_TRACE_EVENT 0x00002000
#define GL_CUSTOM_NOTIFICATION 0x00004000
#define GL_THREAD_CLEANUP 0x00008000
#define GL_APPLICATION_PRELOAD 0x00010000
#define GL_SUSPEND_PROCESS 0x00020000

// int as the underlying type, as MSVC gives every enumeration: any int is a value of the type.
enum REQUEST_NOTIFICATION_STATUS : int {
    RQ_NOTIFICATION_CONTINUE,
    RQ_NOTIFICATION_PENDING,
    RQ_NOTIFICATION_FINISH_REQUEST
};

enum GLOBAL_NOTIFICATION_STATUS : int { GL_NOTIFICATION_CONTINUE, GL_NOTIFICATION_HANDLED };

#define PRIORITY_ALIAS_FIRST L"FIRST"
#define PRIORITY_ALIAS_HIGH L"HIGH"
#define PRIORITY_ALIAS_MEDIUM L"MEDIUM"
#define PRIORITY_ALIAS_LOW L"LOW"
#define PRIORITY_ALIAS_LAST L"LAST"

enum CACHE_OPERATION : int {
    CACHE_OPERATION_RETRIEVE,
    CACHE_OPERATION_ADD,
    CACHE_OPERATION_DELETE,
    CACHE_OPERATION_FLUSH_PREFIX,
    CACHE_OPERATION_ENUM
};

typedef VOID* HTTP_MODULE_ID;

// IHttpContext::CloneContext
#define CLONE_FLAG_BASICS 0x01
#define CLONE_FLAG_HEADERS 0x02
#define CLONE_FLAG_ENTITY 0x04
#define CLONE_FLAG_NO_PRECONDITION 0x08
#define CLONE_FLAG_NO_DAV 0x10
#define CLONE_FLAG_USER_CACHE_VARY_BY 0x20
#define CLONE_FLAG_SERVER_VARIABLE 0x40

// IHttpContext::ExecuteRequest
#define EXECUTE_FLAG_NO_HEADERS 0x01
#define EXECUTE_FLAG_IGNORE_CURRENT_INTERCEPTOR 0x02
#define EXECUTE_FLAG_IGNORE_APPPOOL 0x04
#define EXECUTE_FLAG_DISABLE_CUSTOM_ERROR 0x08
#define EXECUTE_FLAG_SAME_URL 0x10
#define EXECUTE_FLAG_BUFFER_RESPONSE 0x20
#define EXECUTE_FLAG_HTTP_CACHE_ELIGIBLE 0x40

// Deprecated and empty in the SDK; IHttpContext::GetExtendedInterface still takes one.
enum HTTP_CONTEXT_INTERFACE_VERSION : int {};
enum HTTP_SERVER_INTERFACE_VERSION : int { HTTP_SERVER_INTERFACE_V2, HTTP_SERVER_INTERFACE_V3 };

#define HTTP_USER_VARIABLE_SID "SID"
#define HTTP_USER_VARIABLE_CTXT_HANDLE "CtxtHandle"
#define HTTP_USER_VARIABLE_CRED_HANDLE "CredHandle"

#define MODULE_REGISTERMODULE "RegisterModule"

// ---- every class, by name: those with a GUID are declared in uuid.hpp -----------------------
class CHttpModule;
class CGlobalModule;
// Named by IHttpServer but never defined by the SDK.
class IWpfSettings;
class IWorkerProcessFramework;

typedef REQUEST_NOTIFICATION_STATUS(WINAPI* PFN_ASYNC_COMPLETION)(
    IHttpContext3* pHttpContext, IHttpCompletionInfo2* pCompletionInfo, VOID* pvCompletionContext);

#endif  // !IISFAKE_HAS_SDK_HTTPSERV

#endif
