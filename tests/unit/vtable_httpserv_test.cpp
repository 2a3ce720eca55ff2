// Pins every httpserv.h interface beyond the request's (vtable_test.cpp): each method's vtable
// slot, i.e. its declaration order, and its exact type (parameters, return type, const), as
// spec §2.3-§2.14 declares them, by naming it through a pointer-to-member of that very type. A
// method moved, added, dropped, or whose signature or const-ness differs from the SDK's fails
// here. Itanium ABI only (g++, clang, mingw-w64); empty for MSVC.
#if !defined(_MSC_VER)

#include <iisfake/iisfake.hpp>

#include "catch.hpp"
#include "support/vtable_slot.hpp"

using iisfake_test::check_slots;
using iisfake_test::exact;
using iisfake_test::Slot;
using iisfake_test::vtable_slot;

// clang-format off
TEST_CASE("IHttpEventProvider: slots 0..0, each with the exact signature of spec §2") {
    using T = IHttpEventProvider;
    const Slot slots[] = {
        {"SetErrorStatus", vtable_slot(exact<VOID (T::*)(HRESULT)>(&T::SetErrorStatus)), 0},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("ICustomNotificationProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = ICustomNotificationProvider;
    const Slot slots[] = {
        {"QueryNotificationType", vtable_slot(exact<PCWSTR (T::*)()>(&T::QueryNotificationType)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IAuthenticationProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IAuthenticationProvider;
    const Slot slots[] = {
        {"SetUser", vtable_slot(exact<VOID (T::*)(IHttpUser*)>(&T::SetUser)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IMapHandlerProvider: slots 1..3 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IMapHandlerProvider;
    const Slot slots[] = {
        {"SetScriptName", vtable_slot(exact<HRESULT (T::*)(PCWSTR, DWORD)>(&T::SetScriptName)), 1},
        {"SetScriptMap", vtable_slot(exact<VOID (T::*)(IScriptMapInfo*)>(&T::SetScriptMap)), 2},
        {"SetFileInfo", vtable_slot(exact<VOID (T::*)(IHttpFileInfo*)>(&T::SetFileInfo)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IMapPathProvider: slots 1..3 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IMapPathProvider;
    const Slot slots[] = {
        {"GetUrl", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetUrl)), 1},
        {"GetPhysicalPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetPhysicalPath)), 2},
        {"SetPhysicalPath", vtable_slot(exact<HRESULT (T::*)(PCWSTR, DWORD)>(&T::SetPhysicalPath)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("ISendResponseProvider: slots 1..6 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = ISendResponseProvider;
    const Slot slots[] = {
        {"GetHeadersBeingSent", vtable_slot(exact<BOOL (T::*)() const>(&T::GetHeadersBeingSent)), 1},
        {"GetFlags", vtable_slot(exact<DWORD (T::*)() const>(&T::GetFlags)), 2},
        {"SetFlags", vtable_slot(exact<VOID (T::*)(DWORD)>(&T::SetFlags)), 3},
        {"GetLogData", vtable_slot(exact<HTTP_LOG_DATA* (T::*)() const>(&T::GetLogData)), 4},
        {"SetLogData", vtable_slot(exact<HRESULT (T::*)(HTTP_LOG_DATA*)>(&T::SetLogData)), 5},
        {"GetReadyToLogData", vtable_slot(exact<BOOL (T::*)() const>(&T::GetReadyToLogData)), 6},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IReadEntityProvider: slots 1..2 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IReadEntityProvider;
    const Slot slots[] = {
        {"GetEntity", vtable_slot(exact<VOID (T::*)(PVOID*, DWORD*, DWORD*)>(&T::GetEntity)), 1},
        {"SetEntity", vtable_slot(exact<VOID (T::*)(PVOID, DWORD, DWORD)>(&T::SetEntity)), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalStopListeningProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalStopListeningProvider;
    const Slot slots[] = {
        {"DrainRequestsGracefully", vtable_slot(exact<BOOL (T::*)() const>(&T::DrainRequestsGracefully)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("ICacheProvider: slots 1..5 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = ICacheProvider;
    const Slot slots[] = {
        {"GetCacheOperation", vtable_slot(exact<CACHE_OPERATION (T::*)() const>(&T::GetCacheOperation)), 1},
        {"GetCacheKey", vtable_slot(exact<IHttpCacheKey* (T::*)() const>(&T::GetCacheKey)), 2},
        {"GetCacheRecord", vtable_slot(exact<IHttpCacheSpecificData* (T::*)() const>(&T::GetCacheRecord)), 3},
        {"SetCacheRecord", vtable_slot(exact<VOID (T::*)(IHttpCacheSpecificData*)>(&T::SetCacheRecord)), 4},
        {"GetTraceContext", vtable_slot(exact<IHttpTraceContext* (T::*)() const>(&T::GetTraceContext)), 5},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalConfigurationChangeProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalConfigurationChangeProvider;
    const Slot slots[] = {
        {"GetChangePath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetChangePath)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalFileChangeProvider: slots 1..2 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalFileChangeProvider;
    const Slot slots[] = {
        {"GetFileName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetFileName)), 1},
        {"GetFileMonitor", vtable_slot(exact<IHttpFileMonitor* (T::*)()>(&T::GetFileMonitor)), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IPreBeginRequestProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IPreBeginRequestProvider;
    const Slot slots[] = {
        {"GetHttpContext", vtable_slot(exact<IHttpContext* (T::*)()>(&T::GetHttpContext)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpApplicationProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IHttpApplicationProvider;
    const Slot slots[] = {
        {"GetApplication", vtable_slot(exact<IHttpApplication* (T::*)()>(&T::GetApplication)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpApplicationResolveModulesProvider: slots 2..3 after IHttpApplicationProvider's, each with the exact signature of spec §2") {
    using T = IHttpApplicationResolveModulesProvider;
    const Slot slots[] = {
        {"RegisterModule", vtable_slot(exact<HRESULT (T::*)(HTTP_MODULE_ID, IHttpModuleFactory*, PCWSTR, PCWSTR, PCWSTR, DWORD, DWORD)>(&T::RegisterModule)), 2},
        {"SetPriorityForRequestNotification", vtable_slot(exact<HRESULT (T::*)(PCWSTR, DWORD, PCWSTR)>(&T::SetPriorityForRequestNotification)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalRSCAQueryProvider: slots 1..5 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalRSCAQueryProvider;
    const Slot slots[] = {
        {"GetFunctionName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetFunctionName)), 1},
        {"GetFunctionParameters", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetFunctionParameters)), 2},
        {"GetOutputBuffer", vtable_slot(exact<HRESULT (T::*)(DWORD, BYTE**)>(&T::GetOutputBuffer)), 3},
        {"ResizeOutputBuffer", vtable_slot(exact<HRESULT (T::*)(DWORD, DWORD, BYTE**)>(&T::ResizeOutputBuffer)), 4},
        {"SetResult", vtable_slot(exact<VOID (T::*)(DWORD, HRESULT)>(&T::SetResult)), 5},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalTraceEventProvider: slots 1..3 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalTraceEventProvider;
    const Slot slots[] = {
        {"GetTraceEvent", vtable_slot(exact<HRESULT (T::*)(HTTP_TRACE_EVENT**)>(&T::GetTraceEvent)), 1},
        {"CheckSubscription", vtable_slot(exact<BOOL (T::*)(HTTP_MODULE_ID)>(&T::CheckSubscription)), 2},
        {"GetCurrentHttpRequestContext", vtable_slot(exact<HRESULT (T::*)(IHttpContext**)>(&T::GetCurrentHttpRequestContext)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalThreadCleanupProvider: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalThreadCleanupProvider;
    const Slot slots[] = {
        {"GetApplication", vtable_slot(exact<IHttpApplication* (T::*)()>(&T::GetApplication)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalApplicationPreloadProvider: slots 1..2 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalApplicationPreloadProvider;
    const Slot slots[] = {
        {"CreateContext", vtable_slot(exact<HRESULT (T::*)(IHttpContext**)>(&T::CreateContext)), 1},
        {"ExecuteRequest", vtable_slot(exact<HRESULT (T::*)(IHttpContext*, IHttpUser*)>(&T::ExecuteRequest)), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalApplicationPreloadProvider2: slots 3..3 after IGlobalApplicationPreloadProvider's, each with the exact signature of spec §2") {
    using T = IGlobalApplicationPreloadProvider2;
    const Slot slots[] = {
        {"IsProcessRecycled", vtable_slot(exact<BOOL (T::*)() const>(&T::IsProcessRecycled)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IGlobalSuspendProcessCallback: slots 1..1 after IHttpEventProvider's, each with the exact signature of spec §2") {
    using T = IGlobalSuspendProcessCallback;
    const Slot slots[] = {
        {"Resume", vtable_slot(exact<HRESULT (T::*)()>(&T::Resume)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("CHttpModule: slots 0..29, each with the exact signature of spec §2") {
    using T = CHttpModule;
    const Slot slots[] = {
        {"OnBeginRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnBeginRequest)), 0},
        {"OnPostBeginRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostBeginRequest)), 1},
        {"OnAuthenticateRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IAuthenticationProvider*)>(&T::OnAuthenticateRequest)), 2},
        {"OnPostAuthenticateRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostAuthenticateRequest)), 3},
        {"OnAuthorizeRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnAuthorizeRequest)), 4},
        {"OnPostAuthorizeRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostAuthorizeRequest)), 5},
        {"OnResolveRequestCache", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnResolveRequestCache)), 6},
        {"OnPostResolveRequestCache", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostResolveRequestCache)), 7},
        {"OnMapRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IMapHandlerProvider*)>(&T::OnMapRequestHandler)), 8},
        {"OnPostMapRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostMapRequestHandler)), 9},
        {"OnAcquireRequestState", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnAcquireRequestState)), 10},
        {"OnPostAcquireRequestState", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostAcquireRequestState)), 11},
        {"OnPreExecuteRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPreExecuteRequestHandler)), 12},
        {"OnPostPreExecuteRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostPreExecuteRequestHandler)), 13},
        {"OnExecuteRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnExecuteRequestHandler)), 14},
        {"OnPostExecuteRequestHandler", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostExecuteRequestHandler)), 15},
        {"OnReleaseRequestState", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnReleaseRequestState)), 16},
        {"OnPostReleaseRequestState", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostReleaseRequestState)), 17},
        {"OnUpdateRequestCache", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnUpdateRequestCache)), 18},
        {"OnPostUpdateRequestCache", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostUpdateRequestCache)), 19},
        {"OnLogRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnLogRequest)), 20},
        {"OnPostLogRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostLogRequest)), 21},
        {"OnEndRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnEndRequest)), 22},
        {"OnPostEndRequest", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IHttpEventProvider*)>(&T::OnPostEndRequest)), 23},
        {"OnSendResponse", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, ISendResponseProvider*)>(&T::OnSendResponse)), 24},
        {"OnMapPath", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IMapPathProvider*)>(&T::OnMapPath)), 25},
        {"OnReadEntity", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, IReadEntityProvider*)>(&T::OnReadEntity)), 26},
        {"OnCustomRequestNotification", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, ICustomNotificationProvider*)>(&T::OnCustomRequestNotification)), 27},
        {"OnAsyncCompletion", vtable_slot(exact<REQUEST_NOTIFICATION_STATUS (T::*)(IHttpContext*, DWORD, BOOL, IHttpEventProvider*, IHttpCompletionInfo*)>(&T::OnAsyncCompletion)), 28},
        {"Dispose", vtable_slot(exact<VOID (T::*)()>(&T::Dispose)), 29},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("CGlobalModule: slots 0..16, each with the exact signature of spec §2") {
    using T = CGlobalModule;
    const Slot slots[] = {
        {"OnGlobalStopListening", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalStopListeningProvider*)>(&T::OnGlobalStopListening)), 0},
        {"OnGlobalCacheCleanup", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)()>(&T::OnGlobalCacheCleanup)), 1},
        {"OnGlobalCacheOperation", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(ICacheProvider*)>(&T::OnGlobalCacheOperation)), 2},
        {"OnGlobalHealthCheck", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)()>(&T::OnGlobalHealthCheck)), 3},
        {"OnGlobalConfigurationChange", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalConfigurationChangeProvider*)>(&T::OnGlobalConfigurationChange)), 4},
        {"OnGlobalFileChange", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalFileChangeProvider*)>(&T::OnGlobalFileChange)), 5},
        {"OnGlobalPreBeginRequest", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IPreBeginRequestProvider*)>(&T::OnGlobalPreBeginRequest)), 6},
        {"OnGlobalApplicationStart", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IHttpApplicationStartProvider*)>(&T::OnGlobalApplicationStart)), 7},
        {"OnGlobalApplicationResolveModules", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IHttpApplicationResolveModulesProvider*)>(&T::OnGlobalApplicationResolveModules)), 8},
        {"OnGlobalApplicationStop", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IHttpApplicationStopProvider*)>(&T::OnGlobalApplicationStop)), 9},
        {"OnGlobalRSCAQuery", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalRSCAQueryProvider*)>(&T::OnGlobalRSCAQuery)), 10},
        {"OnGlobalTraceEvent", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalTraceEventProvider*)>(&T::OnGlobalTraceEvent)), 11},
        {"OnGlobalCustomNotification", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(ICustomNotificationProvider*)>(&T::OnGlobalCustomNotification)), 12},
        {"Terminate", vtable_slot(exact<VOID (T::*)()>(&T::Terminate)), 13},
        {"OnGlobalThreadCleanup", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalThreadCleanupProvider*)>(&T::OnGlobalThreadCleanup)), 14},
        {"OnGlobalApplicationPreload", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalApplicationPreloadProvider*)>(&T::OnGlobalApplicationPreload)), 15},
        {"OnSuspendProcess", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(IGlobalSuspendProcessCallback**)>(&T::OnSuspendProcess)), 16},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IModuleAllocator: slots 0..0, each with the exact signature of spec §2") {
    using T = IModuleAllocator;
    const Slot slots[] = {
        {"AllocateMemory", vtable_slot(exact<VOID* (T::*)(DWORD)>(&T::AllocateMemory)), 0},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpModuleFactory: slots 0..1, each with the exact signature of spec §2") {
    using T = IHttpModuleFactory;
    const Slot slots[] = {
        {"GetHttpModule", vtable_slot(exact<HRESULT (T::*)(CHttpModule**, IModuleAllocator*)>(&T::GetHttpModule)), 0},
        {"Terminate", vtable_slot(exact<VOID (T::*)()>(&T::Terminate)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpModuleRegistrationInfo: slots 0..5, each with the exact signature of spec §2") {
    using T = IHttpModuleRegistrationInfo;
    const Slot slots[] = {
        {"GetName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetName)), 0},
        {"GetId", vtable_slot(exact<HTTP_MODULE_ID (T::*)() const>(&T::GetId)), 1},
        {"SetRequestNotifications", vtable_slot(exact<HRESULT (T::*)(IHttpModuleFactory*, DWORD, DWORD)>(&T::SetRequestNotifications)), 2},
        {"SetGlobalNotifications", vtable_slot(exact<HRESULT (T::*)(CGlobalModule*, DWORD)>(&T::SetGlobalNotifications)), 3},
        {"SetPriorityForRequestNotification", vtable_slot(exact<HRESULT (T::*)(DWORD, PCWSTR)>(&T::SetPriorityForRequestNotification)), 4},
        {"SetPriorityForGlobalNotification", vtable_slot(exact<HRESULT (T::*)(DWORD, PCWSTR)>(&T::SetPriorityForGlobalNotification)), 5},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpModuleRegistrationInfo2: slots 6..6 after IHttpModuleRegistrationInfo's, each with the exact signature of spec §2") {
    using T = IHttpModuleRegistrationInfo2;
    const Slot slots[] = {
        {"SetPriorityForPostRequestNotification", vtable_slot(exact<HRESULT (T::*)(DWORD, PCWSTR)>(&T::SetPriorityForPostRequestNotification)), 6},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpContext: slots 0..38, each with the exact signature of spec §2") {
    using T = IHttpContext;
    const Slot slots[] = {
        {"GetSite", vtable_slot(exact<IHttpSite* (T::*)()>(&T::GetSite)), 0},
        {"GetApplication", vtable_slot(exact<IHttpApplication* (T::*)()>(&T::GetApplication)), 1},
        {"GetConnection", vtable_slot(exact<IHttpConnection* (T::*)()>(&T::GetConnection)), 2},
        {"GetRequest", vtable_slot(exact<IHttpRequest* (T::*)()>(&T::GetRequest)), 3},
        {"GetResponse", vtable_slot(exact<IHttpResponse* (T::*)()>(&T::GetResponse)), 4},
        {"GetResponseHeadersSent", vtable_slot(exact<BOOL (T::*)() const>(&T::GetResponseHeadersSent)), 5},
        {"GetUser", vtable_slot(exact<IHttpUser* (T::*)() const>(&T::GetUser)), 6},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 7},
        {"IndicateCompletion", vtable_slot(exact<VOID (T::*)(REQUEST_NOTIFICATION_STATUS)>(&T::IndicateCompletion)), 8},
        {"PostCompletion", vtable_slot(exact<HRESULT (T::*)(DWORD)>(&T::PostCompletion)), 9},
        {"DisableNotifications", vtable_slot(exact<VOID (T::*)(DWORD, DWORD)>(&T::DisableNotifications)), 10},
        {"GetNextNotification", vtable_slot(exact<BOOL (T::*)(REQUEST_NOTIFICATION_STATUS, DWORD*, BOOL*, CHttpModule**, IHttpEventProvider**)>(&T::GetNextNotification)), 11},
        {"GetIsLastNotification", vtable_slot(exact<BOOL (T::*)(REQUEST_NOTIFICATION_STATUS)>(&T::GetIsLastNotification)), 12},
        {"ExecuteRequest", vtable_slot(exact<HRESULT (T::*)(BOOL, IHttpContext*, DWORD, IHttpUser*, BOOL*)>(&T::ExecuteRequest)), 13},
        {"GetExecuteFlags", vtable_slot(exact<DWORD (T::*)() const>(&T::GetExecuteFlags)), 14},
        {"GetServerVariable", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCWSTR*, DWORD*)>(&T::GetServerVariable)), 15},
        {"GetServerVariable", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCSTR*, DWORD*)>(&T::GetServerVariable)), 16},
        {"SetServerVariable", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCWSTR)>(&T::SetServerVariable)), 17},
        {"AllocateRequestMemory", vtable_slot(exact<VOID* (T::*)(DWORD)>(&T::AllocateRequestMemory)), 18},
        {"GetUrlInfo", vtable_slot(exact<IHttpUrlInfo* (T::*)()>(&T::GetUrlInfo)), 19},
        {"GetMetadata", vtable_slot(exact<IMetadataInfo* (T::*)()>(&T::GetMetadata)), 20},
        {"GetPhysicalPath", vtable_slot(exact<PCWSTR (T::*)(DWORD*)>(&T::GetPhysicalPath)), 21},
        {"GetScriptName", vtable_slot(exact<PCWSTR (T::*)(DWORD*) const>(&T::GetScriptName)), 22},
        {"GetScriptTranslated", vtable_slot(exact<PCWSTR (T::*)(DWORD*)>(&T::GetScriptTranslated)), 23},
        {"GetScriptMap", vtable_slot(exact<IScriptMapInfo* (T::*)() const>(&T::GetScriptMap)), 24},
        {"SetRequestHandled", vtable_slot(exact<VOID (T::*)()>(&T::SetRequestHandled)), 25},
        {"GetFileInfo", vtable_slot(exact<IHttpFileInfo* (T::*)() const>(&T::GetFileInfo)), 26},
        {"MapPath", vtable_slot(exact<HRESULT (T::*)(PCWSTR, PWSTR, DWORD*)>(&T::MapPath)), 27},
        {"NotifyCustomNotification", vtable_slot(exact<HRESULT (T::*)(ICustomNotificationProvider*, BOOL*)>(&T::NotifyCustomNotification)), 28},
        {"GetParentContext", vtable_slot(exact<IHttpContext* (T::*)() const>(&T::GetParentContext)), 29},
        {"GetRootContext", vtable_slot(exact<IHttpContext* (T::*)() const>(&T::GetRootContext)), 30},
        {"CloneContext", vtable_slot(exact<HRESULT (T::*)(DWORD, IHttpContext**)>(&T::CloneContext)), 31},
        {"ReleaseClonedContext", vtable_slot(exact<HRESULT (T::*)()>(&T::ReleaseClonedContext)), 32},
        {"GetCurrentExecutionStats", vtable_slot(exact<HRESULT (T::*)(DWORD*, DWORD*, PCWSTR*, DWORD*, DWORD*, DWORD*) const>(&T::GetCurrentExecutionStats)), 33},
        {"GetTraceContext", vtable_slot(exact<IHttpTraceContext* (T::*)() const>(&T::GetTraceContext)), 34},
        {"GetServerVarChanges", vtable_slot(exact<HRESULT (T::*)(DWORD, DWORD*, DWORD*, PCSTR**, PCWSTR**, DWORD*, DWORD**)>(&T::GetServerVarChanges)), 35},
        {"CancelIo", vtable_slot(exact<HRESULT (T::*)()>(&T::CancelIo)), 36},
        {"MapHandler", vtable_slot(exact<HRESULT (T::*)(DWORD, PCWSTR, PCWSTR, PCSTR, IScriptMapInfo**, BOOL)>(&T::MapHandler)), 37},
        {"GetExtendedInterface", vtable_slot(exact<HRESULT (T::*)(HTTP_CONTEXT_INTERFACE_VERSION, PVOID*)>(&T::GetExtendedInterface)), 38},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpContext2: slots 39..39 after IHttpContext's, each with the exact signature of spec §2") {
    using T = IHttpContext2;
    const Slot slots[] = {
        {"GetOriginalUser", vtable_slot(exact<IHttpUser* (T::*)() const>(&T::GetOriginalUser)), 39},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpContext3: slots 40..43 after IHttpContext2's, each with the exact signature of spec §2") {
    using T = IHttpContext3;
    const Slot slots[] = {
        {"GetNamedContextContainer", vtable_slot(exact<INamedContextContainer* (T::*)()>(&T::GetNamedContextContainer)), 40},
        {"EnableFullDuplex", vtable_slot(exact<VOID (T::*)()>(&T::EnableFullDuplex)), 41},
        {"InheritServerVariable", vtable_slot(exact<HRESULT (T::*)(PCSTR, BOOL)>(&T::InheritServerVariable)), 42},
        {"PostCompletion", vtable_slot(exact<HRESULT (T::*)(DWORD, LPOVERLAPPED_COMPLETION_ROUTINE, VOID*)>(&T::PostCompletion)), 43},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpContext4: slots 44..45 after IHttpContext3's, each with the exact signature of spec §2") {
    using T = IHttpContext4;
    const Slot slots[] = {
        {"GetRequestStartTime", vtable_slot(exact<ULONGLONG (T::*)()>(&T::GetRequestStartTime)), 44},
        {"GetRequestElapsedTime", vtable_slot(exact<ULONGLONG (T::*)()>(&T::GetRequestElapsedTime)), 45},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpResponse: slots 0..27, each with the exact signature of spec §2") {
    using T = IHttpResponse;
    const Slot slots[] = {
        {"GetRawHttpResponse", vtable_slot(exact<HTTP_RESPONSE* (T::*)()>(&T::GetRawHttpResponse)), 0},
        {"GetRawHttpResponse", vtable_slot(exact<const HTTP_RESPONSE* (T::*)() const>(&T::GetRawHttpResponse)), 1},
        {"GetCachePolicy", vtable_slot(exact<IHttpCachePolicy* (T::*)()>(&T::GetCachePolicy)), 2},
        {"SetStatus", vtable_slot(exact<HRESULT (T::*)(USHORT, PCSTR, USHORT, HRESULT, IAppHostConfigException*, BOOL)>(&T::SetStatus)), 3},
        {"SetHeader", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCSTR, USHORT, BOOL)>(&T::SetHeader)), 4},
        {"SetHeader", vtable_slot(exact<HRESULT (T::*)(HTTP_HEADER_ID, PCSTR, USHORT, BOOL)>(&T::SetHeader)), 5},
        {"DeleteHeader", vtable_slot(exact<HRESULT (T::*)(PCSTR)>(&T::DeleteHeader)), 6},
        {"DeleteHeader", vtable_slot(exact<HRESULT (T::*)(HTTP_HEADER_ID)>(&T::DeleteHeader)), 7},
        {"GetHeader", vtable_slot(exact<PCSTR (T::*)(PCSTR, USHORT*) const>(&T::GetHeader)), 8},
        {"GetHeader", vtable_slot(exact<PCSTR (T::*)(HTTP_HEADER_ID, USHORT*) const>(&T::GetHeader)), 9},
        {"Clear", vtable_slot(exact<VOID (T::*)()>(&T::Clear)), 10},
        {"ClearHeaders", vtable_slot(exact<VOID (T::*)()>(&T::ClearHeaders)), 11},
        {"SetNeedDisconnect", vtable_slot(exact<VOID (T::*)()>(&T::SetNeedDisconnect)), 12},
        {"ResetConnection", vtable_slot(exact<VOID (T::*)()>(&T::ResetConnection)), 13},
        {"DisableKernelCache", vtable_slot(exact<VOID (T::*)(ULONG)>(&T::DisableKernelCache)), 14},
        {"GetKernelCacheEnabled", vtable_slot(exact<BOOL (T::*)() const>(&T::GetKernelCacheEnabled)), 15},
        {"SuppressHeaders", vtable_slot(exact<VOID (T::*)()>(&T::SuppressHeaders)), 16},
        {"GetHeadersSuppressed", vtable_slot(exact<BOOL (T::*)() const>(&T::GetHeadersSuppressed)), 17},
        {"Flush", vtable_slot(exact<HRESULT (T::*)(BOOL, BOOL, DWORD*, BOOL*)>(&T::Flush)), 18},
        {"Redirect", vtable_slot(exact<HRESULT (T::*)(PCSTR, BOOL, BOOL)>(&T::Redirect)), 19},
        {"WriteEntityChunkByReference", vtable_slot(exact<HRESULT (T::*)(HTTP_DATA_CHUNK*, LONG)>(&T::WriteEntityChunkByReference)), 20},
        {"WriteEntityChunks", vtable_slot(exact<HRESULT (T::*)(HTTP_DATA_CHUNK*, DWORD, BOOL, BOOL, DWORD*, BOOL*)>(&T::WriteEntityChunks)), 21},
        {"DisableBuffering", vtable_slot(exact<VOID (T::*)()>(&T::DisableBuffering)), 22},
        {"GetStatus", vtable_slot(exact<VOID (T::*)(USHORT*, USHORT*, PCSTR*, USHORT*, HRESULT*, PCWSTR*, DWORD*, IAppHostConfigException**, BOOL*)>(&T::GetStatus)), 23},
        {"SetErrorDescription", vtable_slot(exact<HRESULT (T::*)(PCWSTR, DWORD, BOOL)>(&T::SetErrorDescription)), 24},
        {"GetErrorDescription", vtable_slot(exact<PCWSTR (T::*)(DWORD*)>(&T::GetErrorDescription)), 25},
        {"GetHeaderChanges", vtable_slot(exact<HRESULT (T::*)(DWORD, DWORD*, PCSTR*, DWORD*, PCSTR**, PCSTR**, DWORD*, DWORD*, DWORD**)>(&T::GetHeaderChanges)), 26},
        {"CloseConnection", vtable_slot(exact<VOID (T::*)()>(&T::CloseConnection)), 27},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpResponse2: slots 28..29 after IHttpResponse's, each with the exact signature of spec §2") {
    using T = IHttpResponse2;
    const Slot slots[] = {
        {"WriteEntityChunks", vtable_slot(exact<HRESULT (T::*)(HTTP_DATA_CHUNK*, DWORD, BOOL, BOOL, PFN_ASYNC_COMPLETION, VOID*, DWORD*, BOOL*)>(&T::WriteEntityChunks)), 28},
        {"Flush", vtable_slot(exact<HRESULT (T::*)(BOOL, BOOL, PFN_ASYNC_COMPLETION, VOID*, DWORD*, BOOL*)>(&T::Flush)), 29},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpResponse3: slots 30..30 after IHttpResponse2's, each with the exact signature of spec §2") {
    using T = IHttpResponse3;
    const Slot slots[] = {
        {"PushPromise", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCWSTR, PCWSTR, DWORD, PCSTR*, PCSTR*)>(&T::PushPromise)), 30},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpResponse4: slots 31..35 after IHttpResponse3's, each with the exact signature of spec §2") {
    using T = IHttpResponse4;
    const Slot slots[] = {
        {"DeleteTrailer", vtable_slot(exact<HRESULT (T::*)(PCSTR)>(&T::DeleteTrailer)), 31},
        {"GetTrailer", vtable_slot(exact<PCSTR (T::*)(PCSTR, USHORT*) const>(&T::GetTrailer)), 32},
        {"ResetStream", vtable_slot(exact<VOID (T::*)(ULONG)>(&T::ResetStream)), 33},
        {"SetNeedGoAway", vtable_slot(exact<VOID (T::*)()>(&T::SetNeedGoAway)), 34},
        {"SetTrailer", vtable_slot(exact<HRESULT (T::*)(PCSTR, PCSTR, USHORT, BOOL)>(&T::SetTrailer)), 35},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpCachePolicy: slots 0..13, each with the exact signature of spec §2") {
    using T = IHttpCachePolicy;
    const Slot slots[] = {
        {"GetKernelCachePolicy", vtable_slot(exact<HTTP_CACHE_POLICY* (T::*)()>(&T::GetKernelCachePolicy)), 0},
        {"SetKernelCacheInvalidatorSet", vtable_slot(exact<VOID (T::*)()>(&T::SetKernelCacheInvalidatorSet)), 1},
        {"GetUserCachePolicy", vtable_slot(exact<HTTP_CACHE_POLICY* (T::*)()>(&T::GetUserCachePolicy)), 2},
        {"AppendVaryByHeader", vtable_slot(exact<HRESULT (T::*)(PCSTR)>(&T::AppendVaryByHeader)), 3},
        {"GetVaryByHeaders", vtable_slot(exact<PCSTR (T::*)() const>(&T::GetVaryByHeaders)), 4},
        {"AppendVaryByQueryString", vtable_slot(exact<HRESULT (T::*)(PCSTR)>(&T::AppendVaryByQueryString)), 5},
        {"GetVaryByQueryStrings", vtable_slot(exact<PCSTR (T::*)() const>(&T::GetVaryByQueryStrings)), 6},
        {"SetVaryByValue", vtable_slot(exact<HRESULT (T::*)(PCSTR)>(&T::SetVaryByValue)), 7},
        {"GetVaryByValue", vtable_slot(exact<PCSTR (T::*)() const>(&T::GetVaryByValue)), 8},
        {"IsUserCacheEnabled", vtable_slot(exact<BOOL (T::*)() const>(&T::IsUserCacheEnabled)), 9},
        {"DisableUserCache", vtable_slot(exact<VOID (T::*)()>(&T::DisableUserCache)), 10},
        {"IsCached", vtable_slot(exact<BOOL (T::*)() const>(&T::IsCached)), 11},
        {"SetIsCached", vtable_slot(exact<VOID (T::*)()>(&T::SetIsCached)), 12},
        {"GetKernelCacheInvalidatorSet", vtable_slot(exact<BOOL (T::*)() const>(&T::GetKernelCacheInvalidatorSet)), 13},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpCachePolicy2: slots 14..15 after IHttpCachePolicy's, each with the exact signature of spec §2") {
    using T = IHttpCachePolicy2;
    const Slot slots[] = {
        {"IsForceUpdateSet", vtable_slot(exact<BOOL (T::*)() const>(&T::IsForceUpdateSet)), 14},
        {"SetForceUpdate", vtable_slot(exact<VOID (T::*)()>(&T::SetForceUpdate)), 15},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpUser: slots 0..10, each with the exact signature of spec §2") {
    using T = IHttpUser;
    const Slot slots[] = {
        {"GetRemoteUserName", vtable_slot(exact<PCWSTR (T::*)()>(&T::GetRemoteUserName)), 0},
        {"GetUserName", vtable_slot(exact<PCWSTR (T::*)()>(&T::GetUserName)), 1},
        {"GetAuthenticationType", vtable_slot(exact<PCWSTR (T::*)()>(&T::GetAuthenticationType)), 2},
        {"GetPassword", vtable_slot(exact<PCWSTR (T::*)()>(&T::GetPassword)), 3},
        {"GetImpersonationToken", vtable_slot(exact<HANDLE (T::*)()>(&T::GetImpersonationToken)), 4},
        {"GetPrimaryToken", vtable_slot(exact<HANDLE (T::*)()>(&T::GetPrimaryToken)), 5},
        {"ReferenceUser", vtable_slot(exact<VOID (T::*)()>(&T::ReferenceUser)), 6},
        {"DereferenceUser", vtable_slot(exact<VOID (T::*)()>(&T::DereferenceUser)), 7},
        {"SupportsIsInRole", vtable_slot(exact<BOOL (T::*)()>(&T::SupportsIsInRole)), 8},
        {"IsInRole", vtable_slot(exact<HRESULT (T::*)(PCWSTR, BOOL*)>(&T::IsInRole)), 9},
        {"GetUserVariable", vtable_slot(exact<PVOID (T::*)(PCSTR)>(&T::GetUserVariable)), 10},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpSite: slots 0..3, each with the exact signature of spec §2") {
    using T = IHttpSite;
    const Slot slots[] = {
        {"GetSiteId", vtable_slot(exact<DWORD (T::*)() const>(&T::GetSiteId)), 0},
        {"GetSiteName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetSiteName)), 1},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 2},
        {"GetPerfCounterInfo", vtable_slot(exact<IHttpPerfCounterInfo* (T::*)()>(&T::GetPerfCounterInfo)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpApplication: slots 0..3, each with the exact signature of spec §2") {
    using T = IHttpApplication;
    const Slot slots[] = {
        {"GetApplicationPhysicalPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetApplicationPhysicalPath)), 0},
        {"GetApplicationId", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetApplicationId)), 1},
        {"GetAppConfigPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetAppConfigPath)), 2},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpApplication2: slots 4..6 after IHttpApplication's, each with the exact signature of spec §2") {
    using T = IHttpApplication2;
    const Slot slots[] = {
        {"BeginApplicationWarmup", vtable_slot(exact<VOID (T::*)()>(&T::BeginApplicationWarmup)), 4},
        {"EndApplicationWarmup", vtable_slot(exact<VOID (T::*)()>(&T::EndApplicationWarmup)), 5},
        {"QueryIsWarmingUp", vtable_slot(exact<BOOL (T::*)()>(&T::QueryIsWarmingUp)), 6},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpConnectionStoredContext: slots 1..1 after IHttpStoredContext's, each with the exact signature of spec §2") {
    using T = IHttpConnectionStoredContext;
    const Slot slots[] = {
        {"NotifyDisconnect", vtable_slot(exact<VOID (T::*)()>(&T::NotifyDisconnect)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpConnectionModuleContextContainer: slots 2..3 after IHttpModuleContextContainer's, each with the exact signature of spec §2") {
    using T = IHttpConnectionModuleContextContainer;
    const Slot slots[] = {
        {"GetConnectionModuleContext", vtable_slot(exact<IHttpConnectionStoredContext* (T::*)(HTTP_MODULE_ID)>(&T::GetConnectionModuleContext)), 2},
        {"SetConnectionModuleContext", vtable_slot(exact<HRESULT (T::*)(IHttpConnectionStoredContext*, HTTP_MODULE_ID)>(&T::SetConnectionModuleContext)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpConnection: slots 0..2, each with the exact signature of spec §2") {
    using T = IHttpConnection;
    const Slot slots[] = {
        {"IsConnected", vtable_slot(exact<BOOL (T::*)() const>(&T::IsConnected)), 0},
        {"AllocateMemory", vtable_slot(exact<VOID* (T::*)(DWORD)>(&T::AllocateMemory)), 1},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpConnectionModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpStoredContext: slots 0..0, each with the exact signature of spec §2") {
    using T = IHttpStoredContext;
    const Slot slots[] = {
        {"CleanupStoredContext", vtable_slot(exact<VOID (T::*)()>(&T::CleanupStoredContext)), 0},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpModuleContextContainer: slots 0..1, each with the exact signature of spec §2") {
    using T = IHttpModuleContextContainer;
    const Slot slots[] = {
        {"GetModuleContext", vtable_slot(exact<IHttpStoredContext* (T::*)(HTTP_MODULE_ID)>(&T::GetModuleContext)), 0},
        {"SetModuleContext", vtable_slot(exact<HRESULT (T::*)(IHttpStoredContext*, HTTP_MODULE_ID)>(&T::SetModuleContext)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IDispensedHttpModuleContextContainer: slots 2..2 after IHttpModuleContextContainer's, each with the exact signature of spec §2") {
    using T = IDispensedHttpModuleContextContainer;
    const Slot slots[] = {
        {"ReleaseContainer", vtable_slot(exact<VOID (T::*)()>(&T::ReleaseContainer)), 2},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("INamedContextContainer: slots 0..1, each with the exact signature of spec §2") {
    using T = INamedContextContainer;
    const Slot slots[] = {
        {"GetNamedContext", vtable_slot(exact<IHttpStoredContext* (T::*)(LPCWSTR)>(&T::GetNamedContext)), 0},
        {"SetNamedContext", vtable_slot(exact<HRESULT (T::*)(IHttpStoredContext*, LPCWSTR)>(&T::SetNamedContext)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpServer: slots 0..25, each with the exact signature of spec §2") {
    using T = IHttpServer;
    const Slot slots[] = {
        {"IsCommandLineLaunch", vtable_slot(exact<BOOL (T::*)() const>(&T::IsCommandLineLaunch)), 0},
        {"GetAppPoolName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetAppPoolName)), 1},
        {"AssociateWithThreadPool", vtable_slot(exact<HRESULT (T::*)(HANDLE, LPOVERLAPPED_COMPLETION_ROUTINE)>(&T::AssociateWithThreadPool)), 2},
        {"IncrementThreadCount", vtable_slot(exact<VOID (T::*)()>(&T::IncrementThreadCount)), 3},
        {"DecrementThreadCount", vtable_slot(exact<VOID (T::*)()>(&T::DecrementThreadCount)), 4},
        {"ReportUnhealthy", vtable_slot(exact<VOID (T::*)(PCWSTR, HRESULT)>(&T::ReportUnhealthy)), 5},
        {"RecycleProcess", vtable_slot(exact<VOID (T::*)(PCWSTR)>(&T::RecycleProcess)), 6},
        {"GetAdminManager", vtable_slot(exact<IAppHostAdminManager* (T::*)() const>(&T::GetAdminManager)), 7},
        {"GetFileInfo", vtable_slot(exact<HRESULT (T::*)(PCWSTR, HANDLE, PSID, PCWSTR, HANDLE, BOOL, IHttpFileInfo**, IHttpTraceContext*)>(&T::GetFileInfo)), 8},
        {"FlushKernelCache", vtable_slot(exact<HRESULT (T::*)(PCWSTR)>(&T::FlushKernelCache)), 9},
        {"DoCacheOperation", vtable_slot(exact<HRESULT (T::*)(CACHE_OPERATION, IHttpCacheKey*, IHttpCacheSpecificData**, IHttpTraceContext*)>(&T::DoCacheOperation)), 10},
        {"NotifyCustomNotification", vtable_slot(exact<GLOBAL_NOTIFICATION_STATUS (T::*)(ICustomNotificationProvider*)>(&T::NotifyCustomNotification)), 11},
        {"GetPerfCounterInfo", vtable_slot(exact<IHttpPerfCounterInfo* (T::*)()>(&T::GetPerfCounterInfo)), 12},
        {"RecycleApplication", vtable_slot(exact<VOID (T::*)(PCWSTR)>(&T::RecycleApplication)), 13},
        {"NotifyConfigurationChange", vtable_slot(exact<VOID (T::*)(PCWSTR)>(&T::NotifyConfigurationChange)), 14},
        {"NotifyFileChange", vtable_slot(exact<VOID (T::*)(PCWSTR)>(&T::NotifyFileChange)), 15},
        {"DispenseContainer", vtable_slot(exact<IDispensedHttpModuleContextContainer* (T::*)()>(&T::DispenseContainer)), 16},
        {"AddFragmentToCache", vtable_slot(exact<HRESULT (T::*)(HTTP_DATA_CHUNK*, PCWSTR)>(&T::AddFragmentToCache)), 17},
        {"ReadFragmentFromCache", vtable_slot(exact<HRESULT (T::*)(PCWSTR, BYTE*, DWORD, DWORD*)>(&T::ReadFragmentFromCache)), 18},
        {"RemoveFragmentFromCache", vtable_slot(exact<HRESULT (T::*)(PCWSTR)>(&T::RemoveFragmentFromCache)), 19},
        {"GetWorkerProcessSettings", vtable_slot(exact<HRESULT (T::*)(IWpfSettings**)>(&T::GetWorkerProcessSettings)), 20},
        {"GetProtocolManagerCustomInterface", vtable_slot(exact<HRESULT (T::*)(PCWSTR, PCWSTR, DWORD, PVOID*)>(&T::GetProtocolManagerCustomInterface)), 21},
        {"SatisfiesPrecondition", vtable_slot(exact<BOOL (T::*)(PCWSTR, BOOL*) const>(&T::SatisfiesPrecondition)), 22},
        {"GetTraceContext", vtable_slot(exact<IHttpTraceContext* (T::*)() const>(&T::GetTraceContext)), 23},
        {"RegisterFileChangeMonitor", vtable_slot(exact<HRESULT (T::*)(PCWSTR, HANDLE, IHttpFileMonitor**)>(&T::RegisterFileChangeMonitor)), 24},
        {"GetExtendedInterface", vtable_slot(exact<HRESULT (T::*)(HTTP_SERVER_INTERFACE_VERSION, PVOID*)>(&T::GetExtendedInterface)), 25},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpServer2: slots 26..30 after IHttpServer's, each with the exact signature of spec §2") {
    using T = IHttpServer2;
    const Slot slots[] = {
        {"GetToken", vtable_slot(exact<HRESULT (T::*)(PCWSTR, PCWSTR, DWORD, IHttpTokenEntry**, PCWSTR, PSOCKADDR, IHttpTraceContext*)>(&T::GetToken)), 26},
        {"GetAppPoolConfigFile", vtable_slot(exact<PCWSTR (T::*)(DWORD*) const>(&T::GetAppPoolConfigFile)), 27},
        {"GetExtendedInterface", vtable_slot(exact<HRESULT (T::*)(const GUID&, PVOID, const GUID&, PVOID*)>(&T::GetExtendedInterface)), 28},
        {"GetMetadata", vtable_slot(exact<HRESULT (T::*)(PCWSTR, PCWSTR, IReferencedMetadataInfo**)>(&T::GetMetadata)), 29},
        {"GetWorkerProcessFramework", vtable_slot(exact<HRESULT (T::*)(IWorkerProcessFramework**)>(&T::GetWorkerProcessFramework)), 30},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpServer3: slots 31..31 after IHttpServer2's, each with the exact signature of spec §2") {
    using T = IHttpServer3;
    const Slot slots[] = {
        {"QueryRequestProperty", vtable_slot(exact<HRESULT (T::*)(HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY, PVOID, ULONG, PVOID, ULONG, PULONG, LPOVERLAPPED)>(&T::QueryRequestProperty)), 31},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpTraceContext: slots 0..4, each with the exact signature of spec §2") {
    using T = IHttpTraceContext;
    const Slot slots[] = {
        {"GetTraceConfiguration", vtable_slot(exact<HRESULT (T::*)(HTTP_TRACE_CONFIGURATION*)>(&T::GetTraceConfiguration)), 0},
        {"SetTraceConfiguration", vtable_slot(exact<HRESULT (T::*)(HTTP_MODULE_ID, HTTP_TRACE_CONFIGURATION*, DWORD)>(&T::SetTraceConfiguration)), 1},
        {"RaiseTraceEvent", vtable_slot(exact<HRESULT (T::*)(HTTP_TRACE_EVENT*)>(&T::RaiseTraceEvent)), 2},
        {"GetTraceActivityId", vtable_slot(exact<LPCGUID (T::*)()>(&T::GetTraceActivityId)), 3},
        {"QuickTrace", vtable_slot(exact<HRESULT (T::*)(PCWSTR, PCWSTR, HRESULT, UCHAR)>(&T::QuickTrace)), 4},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpCacheSpecificData: slots 0..6, each with the exact signature of spec §2") {
    using T = IHttpCacheSpecificData;
    const Slot slots[] = {
        {"GetCacheKey", vtable_slot(exact<IHttpCacheKey* (T::*)() const>(&T::GetCacheKey)), 0},
        {"ReferenceCacheData", vtable_slot(exact<VOID (T::*)()>(&T::ReferenceCacheData)), 1},
        {"DereferenceCacheData", vtable_slot(exact<VOID (T::*)()>(&T::DereferenceCacheData)), 2},
        {"ResetTTL", vtable_slot(exact<VOID (T::*)()>(&T::ResetTTL)), 3},
        {"DecrementTTL", vtable_slot(exact<VOID (T::*)(BOOL*)>(&T::DecrementTTL)), 4},
        {"SetFlushed", vtable_slot(exact<VOID (T::*)()>(&T::SetFlushed)), 5},
        {"GetFlushed", vtable_slot(exact<BOOL (T::*)() const>(&T::GetFlushed)), 6},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpFileInfo: slots 7..20 after IHttpCacheSpecificData's, each with the exact signature of spec §2") {
    using T = IHttpFileInfo;
    const Slot slots[] = {
        {"GetAttributes", vtable_slot(exact<DWORD (T::*)() const>(&T::GetAttributes)), 7},
        {"GetSize", vtable_slot(exact<VOID (T::*)(ULARGE_INTEGER*) const>(&T::GetSize)), 8},
        {"GetFileBuffer", vtable_slot(exact<const BYTE* (T::*)() const>(&T::GetFileBuffer)), 9},
        {"GetFileHandle", vtable_slot(exact<HANDLE (T::*)() const>(&T::GetFileHandle)), 10},
        {"GetFilePath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetFilePath)), 11},
        {"GetETag", vtable_slot(exact<PCSTR (T::*)(USHORT*) const>(&T::GetETag)), 12},
        {"GetLastModifiedTime", vtable_slot(exact<VOID (T::*)(FILETIME*) const>(&T::GetLastModifiedTime)), 13},
        {"GetLastModifiedString", vtable_slot(exact<PCSTR (T::*)() const>(&T::GetLastModifiedString)), 14},
        {"GetHttpCacheAllowed", vtable_slot(exact<BOOL (T::*)(DWORD*) const>(&T::GetHttpCacheAllowed)), 15},
        {"AccessCheck", vtable_slot(exact<HRESULT (T::*)(HANDLE, PSID)>(&T::AccessCheck)), 16},
        {"GetVrToken", vtable_slot(exact<HANDLE (T::*)() const>(&T::GetVrToken)), 17},
        {"GetVrPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetVrPath)), 18},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 19},
        {"CheckIfFileHasChanged", vtable_slot(exact<BOOL (T::*)(HANDLE)>(&T::CheckIfFileHasChanged)), 20},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpTokenEntry: slots 7..9 after IHttpCacheSpecificData's, each with the exact signature of spec §2") {
    using T = IHttpTokenEntry;
    const Slot slots[] = {
        {"GetImpersonationToken", vtable_slot(exact<HANDLE (T::*)()>(&T::GetImpersonationToken)), 7},
        {"GetPrimaryToken", vtable_slot(exact<HANDLE (T::*)()>(&T::GetPrimaryToken)), 8},
        {"GetSid", vtable_slot(exact<PSID (T::*)()>(&T::GetSid)), 9},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IScriptMapInfo: slots 0..10, each with the exact signature of spec §2") {
    using T = IScriptMapInfo;
    const Slot slots[] = {
        {"GetPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetPath)), 0},
        {"GetAllowedVerbs", vtable_slot(exact<PCSTR (T::*)() const>(&T::GetAllowedVerbs)), 1},
        {"GetModules", vtable_slot(exact<PCWSTR (T::*)(DWORD*) const>(&T::GetModules)), 2},
        {"GetScriptProcessor", vtable_slot(exact<PCWSTR (T::*)(DWORD*) const>(&T::GetScriptProcessor)), 3},
        {"GetManagedType", vtable_slot(exact<PCWSTR (T::*)(DWORD*) const>(&T::GetManagedType)), 4},
        {"GetAllowPathInfoForScriptMappings", vtable_slot(exact<BOOL (T::*)() const>(&T::GetAllowPathInfoForScriptMappings)), 5},
        {"GetRequiredAccess", vtable_slot(exact<DWORD (T::*)() const>(&T::GetRequiredAccess)), 6},
        {"GetResourceType", vtable_slot(exact<DWORD (T::*)() const>(&T::GetResourceType)), 7},
        {"GetIsStarScriptMap", vtable_slot(exact<BOOL (T::*)() const>(&T::GetIsStarScriptMap)), 8},
        {"GetResponseBufferLimit", vtable_slot(exact<DWORD (T::*)() const>(&T::GetResponseBufferLimit)), 9},
        {"GetName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetName)), 10},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IMetadataInfo: slots 0..3, each with the exact signature of spec §2") {
    using T = IMetadataInfo;
    const Slot slots[] = {
        {"GetMetaPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetMetaPath)), 0},
        {"GetVrPath", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetVrPath)), 1},
        {"GetVrToken", vtable_slot(exact<IHttpTokenEntry* (T::*)()>(&T::GetVrToken)), 2},
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 3},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IReferencedMetadataInfo: slots 4..5 after IMetadataInfo's, each with the exact signature of spec §2") {
    using T = IReferencedMetadataInfo;
    const Slot slots[] = {
        {"ReferenceMetadata", vtable_slot(exact<VOID (T::*)()>(&T::ReferenceMetadata)), 4},
        {"DereferenceMetadata", vtable_slot(exact<VOID (T::*)()>(&T::DereferenceMetadata)), 5},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpUrlInfo: slots 0..1, each with the exact signature of spec §2") {
    using T = IHttpUrlInfo;
    const Slot slots[] = {
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 0},
        {"IsFrequentlyHit", vtable_slot(exact<BOOL (T::*)() const>(&T::IsFrequentlyHit)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpPerfCounterInfo: slots 0..1, each with the exact signature of spec §2") {
    using T = IHttpPerfCounterInfo;
    const Slot slots[] = {
        {"IncrementCounter", vtable_slot(exact<VOID (T::*)(DWORD, DWORD)>(&T::IncrementCounter)), 0},
        {"DecrementCounter", vtable_slot(exact<VOID (T::*)(DWORD, DWORD)>(&T::DecrementCounter)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpFileMonitor: slots 0..1, each with the exact signature of spec §2") {
    using T = IHttpFileMonitor;
    const Slot slots[] = {
        {"GetModuleContextContainer", vtable_slot(exact<IHttpModuleContextContainer* (T::*)()>(&T::GetModuleContextContainer)), 0},
        {"DereferenceFileMonitor", vtable_slot(exact<VOID (T::*)()>(&T::DereferenceFileMonitor)), 1},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}

TEST_CASE("IHttpCacheKey: slots 0..4, each with the exact signature of spec §2") {
    using T = IHttpCacheKey;
    const Slot slots[] = {
        {"GetHash", vtable_slot(exact<DWORD (T::*)() const>(&T::GetHash)), 0},
        {"GetCacheName", vtable_slot(exact<PCWSTR (T::*)() const>(&T::GetCacheName)), 1},
        {"GetIsEqual", vtable_slot(exact<bool (T::*)(IHttpCacheKey*) const>(&T::GetIsEqual)), 2},
        {"GetIsPrefix", vtable_slot(exact<bool (T::*)(IHttpCacheKey*) const>(&T::GetIsPrefix)), 3},
        {"Enum", vtable_slot(exact<VOID (T::*)(IHttpCacheSpecificData*)>(&T::Enum)), 4},
    };
    check_slots(slots, sizeof slots / sizeof slots[0]);
}
// clang-format on

#endif  // !_MSC_VER
