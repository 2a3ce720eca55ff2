#ifndef IISFAKE_FAKE_MODULE_REGISTRATION_INFO_HPP_INCLUDED
#define IISFAKE_FAKE_MODULE_REGISTRATION_INFO_HPP_INCLUDED

// FakeModuleRegistrationInfo: the IHttpModuleRegistrationInfo2 a module's RegisterModule
// receives (REG-*). It records what the module registered: its factory with the request and
// post-request notification masks, its CGlobalModule with the global mask, and a priority per
// notification. ModuleHost hands one to each module it loads; a test can also call a module's
// RegisterModule with one directly and read it back.

#include <string>
#include <vector>

#include "iisfake/detail/text.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// PIPE-1: within a notification, modules run FIRST to LAST (inverted for RQ_SEND_RESPONSE).
enum class Priority { first = 0, high = 1, medium = 2, low = 3, last = 4 };

inline const char* priority_name(Priority priority) noexcept {
    static const char* const names[] = {"FIRST", "HIGH", "MEDIUM", "LOW", "LAST"};
    return names[static_cast<int>(priority)];
}

// One SetPriorityFor*Notification call.
struct PriorityRequest {
    enum class Kind { request, post_request, global };
    Kind kind;
    DWORD notification;
    Priority priority;
};

class FakeModuleRegistrationInfo final : public IHttpModuleRegistrationInfo2 {
public:
    // REG-3: `id` must be distinct per module and non-NULL (iisnode rejects NULL); by default
    // it is this object's address, unique while the module is loaded.
    explicit FakeModuleRegistrationInfo(std::string name, HTTP_MODULE_ID id = nullptr)
        : name_(std::move(name)), wide_name_(detail::utf8_to_wide(name_.data(), name_.size())),
          id_(id ? id : static_cast<HTTP_MODULE_ID>(this)) {}
    FakeModuleRegistrationInfo(const FakeModuleRegistrationInfo&) = delete;
    FakeModuleRegistrationInfo& operator=(const FakeModuleRegistrationInfo&) = delete;
    ~FakeModuleRegistrationInfo() = default;

    // ---- IHttpModuleRegistrationInfo ---------------------------------------------------------
    PCWSTR GetName(VOID) const override { return wide_name_.c_str(); }
    HTTP_MODULE_ID GetId(VOID) const override { return id_; }
    // REG-4: once per module; the factory lives until its Terminate at shutdown.
    HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory,
                                    DWORD dwRequestNotifications,
                                    DWORD dwPostRequestNotifications) override {
        if (!pModuleFactory)
            return report("IHttpModuleRegistrationInfo::SetRequestNotifications", "REG-4",
                          "pModuleFactory is NULL");
        if (factory_) return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        factory_ = pModuleFactory;
        notifications_ = dwRequestNotifications;
        post_notifications_ = dwPostRequestNotifications;
        return S_OK;
    }
    // REG-5: the module passes its own CGlobalModule; IIS calls its Terminate at shutdown.
    HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule,
                                   DWORD dwGlobalNotifications) override {
        if (!pGlobalModule)
            return report("IHttpModuleRegistrationInfo::SetGlobalNotifications", "REG-5",
                          "pGlobalModule is NULL");
        if (global_) return HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS);
        global_ = pGlobalModule;
        global_notifications_ = dwGlobalNotifications;
        return S_OK;
    }
    HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification,
                                              PCWSTR pszPriority) override {
        return set_priority("IHttpModuleRegistrationInfo::SetPriorityForRequestNotification",
                            PriorityRequest::Kind::request, dwRequestNotification, pszPriority);
    }
    HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification,
                                             PCWSTR pszPriority) override {
        return set_priority("IHttpModuleRegistrationInfo::SetPriorityForGlobalNotification",
                            PriorityRequest::Kind::global, dwGlobalNotification, pszPriority);
    }
    // ---- IHttpModuleRegistrationInfo2 --------------------------------------------------------
    HRESULT SetPriorityForPostRequestNotification(DWORD dwPostRequestNotification,
                                                  PCWSTR pszPriority) override {
        return set_priority(
            "IHttpModuleRegistrationInfo2::SetPriorityForPostRequestNotification",
            PriorityRequest::Kind::post_request, dwPostRequestNotification, pszPriority);
    }

    // ---- what the module registered ----------------------------------------------------------
    const std::string& name() const noexcept { return name_; }
    IHttpModuleFactory* factory() const noexcept { return factory_; }
    DWORD request_notifications() const noexcept { return notifications_; }
    DWORD post_request_notifications() const noexcept { return post_notifications_; }
    CGlobalModule* global_module() const noexcept { return global_; }
    DWORD global_notifications() const noexcept { return global_notifications_; }
    const std::vector<PriorityRequest>& priority_requests() const noexcept { return priorities_; }
    // The priority of one notification bit: the last one set for it, MEDIUM by default.
    Priority priority(PriorityRequest::Kind kind, DWORD notification) const noexcept {
        Priority result = Priority::medium;
        for (const PriorityRequest& request : priorities_)
            if (request.kind == kind && (request.notification & notification) != 0)
                result = request.priority;
        return result;
    }
    void set_misuse_handler(MisuseHandler handler) { misuse_handler_ = std::move(handler); }
    const std::vector<Misuse>& misuses() const noexcept { return misuses_; }

private:
    HRESULT report(const char* method, const char* rule, const char* problem) {
        const HRESULT result = HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        misuses_.push_back(Misuse{method, rule, problem, result, "IIS returns " +
                                                                     hresult_text(result)});
        if (misuse_handler_) misuse_handler_(misuses_.back());
        return result;
    }
    // REG-6: one alias of PRIORITY_ALIAS_*; IIS matches them without regard to case [I].
    HRESULT set_priority(const char* method, PriorityRequest::Kind kind, DWORD notification,
                         PCWSTR alias) {
        if (!alias) return report(method, "REG-6", "pszPriority is NULL");
        static const WCHAR* const aliases[] = {PRIORITY_ALIAS_FIRST, PRIORITY_ALIAS_HIGH,
                                               PRIORITY_ALIAS_MEDIUM, PRIORITY_ALIAS_LOW,
                                               PRIORITY_ALIAS_LAST};
        for (int i = 0; i < 5; ++i) {
            if (same_alias(alias, aliases[i])) {
                priorities_.push_back(
                    PriorityRequest{kind, notification, static_cast<Priority>(i)});
                return S_OK;
            }
        }
        return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);  // not an alias: data, not misuse
    }
    static bool same_alias(const WCHAR* given, const WCHAR* alias) noexcept {
        for (;; ++given, ++alias) {
            WCHAR a = *given;
            if (a >= L'a' && a <= L'z') a = static_cast<WCHAR>(a - L'a' + L'A');
            if (a != *alias) return false;
            if (a == 0) return true;
        }
    }

    std::string name_;
    detail::wide_string wide_name_;
    HTTP_MODULE_ID id_;
    IHttpModuleFactory* factory_ = nullptr;
    DWORD notifications_ = 0;
    DWORD post_notifications_ = 0;
    CGlobalModule* global_ = nullptr;
    DWORD global_notifications_ = 0;
    std::vector<PriorityRequest> priorities_;
    MisuseHandler misuse_handler_ = throw_misuse;
    std::vector<Misuse> misuses_;
};

IISFAKE_END_NAMESPACE

#endif
