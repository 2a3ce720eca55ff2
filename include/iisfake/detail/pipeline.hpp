#ifndef IISFAKE_DETAIL_PIPELINE_HPP_INCLUDED
#define IISFAKE_DETAIL_PIPELINE_HPP_INCLUDED

// What a context and its response ask of the pipeline host running their request (ModuleHost):
// the calls through which module code steers the pipeline. A context a test drives directly has
// none, and only records these calls.

#include <string>

#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

class Pipeline {
public:
    // IHttpContext::IndicateCompletion (§1.7 item 6).
    virtual void indicate_completion(REQUEST_NOTIFICATION_STATUS status) = 0;
    // IHttpContext::DisableNotifications, for the module running now (PIPE-4).
    virtual void disable_notifications(DWORD notifications, DWORD post_notifications) = 0;
    // IHttpContext::NotifyCustomNotification: OnCustomRequestNotification of every module that
    // registered RQ_CUSTOM_NOTIFICATION.
    virtual HRESULT notify_custom(ICustomNotificationProvider* provider,
                                  BOOL* completion_expected) = 0;
    // Before each send of the response: OnSendResponse of every module that registered
    // RQ_SEND_RESPONSE (T-21). Returns the send's flags as the handlers left them.
    virtual DWORD before_send(bool headers_being_sent, bool final, DWORD flags) = 0;
    // IHttpContext::ExecuteRequest of a context CloneContext made (CTX-9): runs `child` (a
    // FakeHttpContext) through the pipeline; its completion reaches the calling module, unless
    // the request's async policy completes it inline (*completion_expected FALSE).
    virtual HRESULT execute_child(IHttpContext4& child, DWORD flags, bool skip_authentication,
                                  BOOL* completion_expected) = 0;
    // A URL mapped to a physical path: OnMapPath of every module that registered RQ_MAP_PATH,
    // which may replace `physical_path` (PROV-5).
    virtual void map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) = 0;
    // Entity bytes read from the client into `buffer`: OnReadEntity of every module that
    // registered RQ_READ_ENTITY, which may substitute them (PROV-7). Returns the byte count.
    virtual DWORD read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) = 0;
    // The notification running now and its module's name (CTX-14); 0 between notifications.
    virtual DWORD current_notification(PCWSTR* module) = 0;

protected:
    ~Pipeline() = default;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
