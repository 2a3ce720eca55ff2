#ifndef IISFAKE_FAKE_SATELLITES_HPP_INCLUDED
#define IISFAKE_FAKE_SATELLITES_HPP_INCLUDED

// The small objects a context hands out (§2.9, §2.10, CTX-1): user, site, application,
// connection, URL info, metadata and trace context. Each is a stateful fake behind the SDK
// interface that a test can set up and read back.

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/storage.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/fake_containers.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// IHttpUser (USER-1..3). The context holds the first reference; module code that calls
// DereferenceUser once more than ReferenceUser is reported.
class FakeHttpUser : public IHttpUser {
public:
    // Anonymous by default: every string empty, not NULL (USER-1).
    explicit FakeHttpUser(detail::wide_string user_name = detail::wide_string(),
                          detail::wide_string auth_type = detail::wide_string(),
                          MisuseReporter report = MisuseReporter())
        : user_name_(std::move(user_name)),
          auth_type_(std::move(auth_type)),
          report_(std::move(report)) {}
    FakeHttpUser(const FakeHttpUser&) = delete;
    FakeHttpUser& operator=(const FakeHttpUser&) = delete;
    virtual ~FakeHttpUser() = default;

    PCWSTR GetRemoteUserName(VOID) override { return user_name_.c_str(); }
    PCWSTR GetUserName(VOID) override { return user_name_.c_str(); }
    PCWSTR GetAuthenticationType(VOID) override { return auth_type_.c_str(); }
    PCWSTR GetPassword(VOID) override { return password_.c_str(); }
    HANDLE GetImpersonationToken(VOID) override { return nullptr; }
    HANDLE GetPrimaryToken(VOID) override { return nullptr; }
    VOID ReferenceUser(VOID) override { ++references_; }
    VOID DereferenceUser(VOID) override {
        if (references_.load() <= 1) {
            // The context's own reference: releasing it would free a user IIS still uses.
            if (report_)
                report_("IHttpUser::DereferenceUser", "USER-2",
                        "DereferenceUser without a matching ReferenceUser", S_OK);
            return;
        }
        --references_;
    }
    // USER-3: the common default.
    BOOL SupportsIsInRole(VOID) override { return FALSE; }
    HRESULT IsInRole(PCWSTR, BOOL* pfInRole) override {
        if (pfInRole) *pfInRole = FALSE;
        return E_NOTIMPL;
    }
    PVOID GetUserVariable(PCSTR) override { return nullptr; }

    // ---- test knobs and inspection -------------------------------------------------------------
    void set_password(detail::wide_string password) { password_ = std::move(password); }
    long references() const noexcept { return references_.load(); }
    std::string user_name() const {
        return detail::wide_to_utf8(user_name_.data(), user_name_.size());
    }
    std::string auth_type() const {
        return detail::wide_to_utf8(auth_type_.data(), auth_type_.size());
    }

private:
    detail::wide_string user_name_;
    detail::wide_string auth_type_;
    detail::wide_string password_;
    MisuseReporter report_;
    std::atomic<long> references_{1};
};

class FakeHttpSite : public IHttpSite {
public:
    FakeHttpSite(const FakeHttpSite&) = delete;
    FakeHttpSite& operator=(const FakeHttpSite&) = delete;
    virtual ~FakeHttpSite() = default;
    FakeHttpSite(DWORD id, detail::wide_string name, MisuseReporter report)
        : id_(id), name_(std::move(name)), contexts_(std::move(report), "IHttpSite") {}
    DWORD GetSiteId(VOID) const override { return id_; }
    PCWSTR GetSiteName(VOID) const override { return name_.c_str(); }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    IHttpPerfCounterInfo* GetPerfCounterInfo(VOID) override { return nullptr; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    DWORD id_;
    detail::wide_string name_;
    FakeModuleContextContainer contexts_;
};

class FakeHttpApplication : public IHttpApplication2 {
public:
    FakeHttpApplication(const FakeHttpApplication&) = delete;
    FakeHttpApplication& operator=(const FakeHttpApplication&) = delete;
    virtual ~FakeHttpApplication() = default;
    FakeHttpApplication(detail::wide_string physical_path, detail::wide_string id,
                        detail::wide_string config_path, MisuseReporter report)
        : physical_path_(std::move(physical_path)),
          id_(std::move(id)),
          config_path_(std::move(config_path)),
          contexts_(std::move(report), "IHttpApplication") {}
    PCWSTR GetApplicationPhysicalPath(VOID) const override { return physical_path_.c_str(); }
    PCWSTR GetApplicationId(VOID) const override { return id_.c_str(); }
    PCWSTR GetAppConfigPath(VOID) const override { return config_path_.c_str(); }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID BeginApplicationWarmup(VOID) override { warming_up_ = true; }
    VOID EndApplicationWarmup(VOID) override { warming_up_ = false; }
    BOOL QueryIsWarmingUp(VOID) override { return warming_up_ ? TRUE : FALSE; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    detail::wide_string physical_path_;
    detail::wide_string id_;
    detail::wide_string config_path_;
    FakeModuleContextContainer contexts_;
    bool warming_up_ = false;
};

class FakeHttpConnection : public IHttpConnection {
public:
    FakeHttpConnection(const FakeHttpConnection&) = delete;
    FakeHttpConnection& operator=(const FakeHttpConnection&) = delete;
    virtual ~FakeHttpConnection() = default;
    explicit FakeHttpConnection(MisuseReporter report) : contexts_(std::move(report)) {}
    BOOL IsConnected(VOID) const override { return connected_ ? TRUE : FALSE; }
    // APP-1: documented as request lifetime; the fake keeps it to the connection's end.
    VOID* AllocateMemory(DWORD cbAllocation) override {
        return memory_.make(cbAllocation ? cbAllocation : 1);
    }
    IHttpConnectionModuleContextContainer* GetModuleContextContainer(VOID) override {
        return &contexts_;
    }
    // The client goes away: IsConnected turns FALSE and connection contexts are told.
    void disconnect() {
        connected_ = false;
        contexts_.notify_disconnect();
    }
    FakeConnectionContextContainer& contexts() noexcept { return contexts_; }

private:
    bool connected_ = true;
    detail::Pool<unsigned char> memory_;
    FakeConnectionContextContainer contexts_;
};

class FakeHttpUrlInfo : public IHttpUrlInfo {
public:
    FakeHttpUrlInfo(const FakeHttpUrlInfo&) = delete;
    FakeHttpUrlInfo& operator=(const FakeHttpUrlInfo&) = delete;
    virtual ~FakeHttpUrlInfo() = default;
    explicit FakeHttpUrlInfo(MisuseReporter report)
        : contexts_(std::move(report), "IHttpUrlInfo") {}
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    BOOL IsFrequentlyHit(VOID) const override { return frequently_hit_ ? TRUE : FALSE; }
    void set_frequently_hit(bool hit) noexcept { frequently_hit_ = hit; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    FakeModuleContextContainer contexts_;
    bool frequently_hit_ = false;
};

class FakeMetadataInfo : public IReferencedMetadataInfo {
public:
    FakeMetadataInfo(const FakeMetadataInfo&) = delete;
    FakeMetadataInfo& operator=(const FakeMetadataInfo&) = delete;
    virtual ~FakeMetadataInfo() = default;
    FakeMetadataInfo(detail::wide_string meta_path, detail::wide_string vr_path,
                     MisuseReporter report)
        : meta_path_(std::move(meta_path)),
          vr_path_(std::move(vr_path)),
          contexts_(std::move(report), "IMetadataInfo") {}
    PCWSTR GetMetaPath(VOID) const override { return meta_path_.c_str(); }
    PCWSTR GetVrPath(VOID) const override { return vr_path_.c_str(); }
    IHttpTokenEntry* GetVrToken(VOID) override { return nullptr; }
    IHttpModuleContextContainer* GetModuleContextContainer(VOID) override { return &contexts_; }
    VOID ReferenceMetadata(VOID) override { ++references_; }
    VOID DereferenceMetadata(VOID) override { --references_; }
    FakeModuleContextContainer& contexts() noexcept { return contexts_; }

private:
    detail::wide_string meta_path_;
    detail::wide_string vr_path_;
    FakeModuleContextContainer contexts_;
    std::atomic<long> references_{1};
};

// Records what module code traces: QuickTrace and RaiseTraceEvent.
class FakeHttpTraceContext : public IHttpTraceContext {
public:
    struct Trace {
        std::string data1;
        std::string data2;
        HRESULT last_error;
        UCHAR level;
    };
    struct Event {
        std::string name;
        DWORD area;
        DWORD event;
        DWORD verbosity;
    };
    FakeHttpTraceContext() = default;
    FakeHttpTraceContext(const FakeHttpTraceContext&) = delete;
    FakeHttpTraceContext& operator=(const FakeHttpTraceContext&) = delete;
    virtual ~FakeHttpTraceContext() = default;

    HRESULT GetTraceConfiguration(HTTP_TRACE_CONFIGURATION* pHttpTraceConfiguration) override {
        if (!pHttpTraceConfiguration) return E_INVALIDARG;
        pHttpTraceConfiguration->dwAreas = areas_;
        pHttpTraceConfiguration->dwVerbosity = verbosity_;
        pHttpTraceConfiguration->fProviderEnabled = enabled_ ? TRUE : FALSE;
        return S_OK;
    }
    HRESULT SetTraceConfiguration(HTTP_MODULE_ID, HTTP_TRACE_CONFIGURATION*, DWORD) override {
        return S_OK;
    }
    HRESULT RaiseTraceEvent(HTTP_TRACE_EVENT* pTraceEvent) override {
        if (!pTraceEvent) return E_INVALIDARG;
        events_.push_back(Event{detail::utf8_of(pTraceEvent->pszEventName), pTraceEvent->dwArea,
                                pTraceEvent->dwEvent, pTraceEvent->dwVerbosity});
        return S_OK;
    }
    LPCGUID GetTraceActivityId(VOID) override { return &activity_; }
    HRESULT QuickTrace(PCWSTR pszData1, PCWSTR pszData2 = 0, HRESULT hrLastError = S_OK,
                       UCHAR Level = 4) override {
        traces_.push_back(
            Trace{detail::utf8_of(pszData1), detail::utf8_of(pszData2), hrLastError, Level});
        return S_OK;
    }

    // ---- test knobs and inspection -------------------------------------------------------------
    // Whether a provider is enabled (GetTraceConfiguration), as failed-request tracing sets it.
    void enable(DWORD areas = 0xFFFFFFFFu, DWORD verbosity = 5) {
        enabled_ = true;
        areas_ = areas;
        verbosity_ = verbosity;
    }
    const std::vector<Trace>& traces() const noexcept { return traces_; }
    const std::vector<Event>& events() const noexcept { return events_; }

private:
    std::vector<Trace> traces_;
    std::vector<Event> events_;
    GUID activity_ = {
        0x1a2b3c4du, 0x5e6f, 0x7081, {0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8, 0x09}};
    bool enabled_ = false;
    DWORD areas_ = 0;
    DWORD verbosity_ = 0;
};

IISFAKE_END_NAMESPACE

#endif
