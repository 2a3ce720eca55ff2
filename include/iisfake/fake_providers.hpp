#ifndef IISFAKE_FAKE_PROVIDERS_HPP_INCLUDED
#define IISFAKE_FAKE_PROVIDERS_HPP_INCLUDED

// The request-level event providers a CHttpModule's OnX receives (PROV-1..7): small stateful
// fakes a test passes to a module's handler directly and reads back. FakeHttpContext hands out
// the ones tied to its request (authentication_provider(), send_response_provider()).

#include <string>
#include <utility>

#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// SetErrorStatus for every provider (PROV-1): the last value, which a test reads.
template <class Provider>
class FakeEventProvider : public Provider {
public:
    VOID SetErrorStatus(HRESULT hrError) override {
        error_status_ = hrError;
        has_error_status_ = true;
    }
    HRESULT error_status() const noexcept { return error_status_; }
    bool has_error_status() const noexcept { return has_error_status_; }

protected:
    FakeEventProvider() = default;
    ~FakeEventProvider() = default;

private:
    HRESULT error_status_ = S_OK;
    bool has_error_status_ = false;
};

// What most notifications receive: a provider whose only method is SetErrorStatus.
class FakeHttpEventProvider final : public FakeEventProvider<IHttpEventProvider> {
public:
    FakeHttpEventProvider() = default;
    FakeHttpEventProvider(const FakeHttpEventProvider&) = delete;
    FakeHttpEventProvider& operator=(const FakeHttpEventProvider&) = delete;
    ~FakeHttpEventProvider() = default;
};

// PROV-2: SetUser hands a heap-allocated user over; the receiver (FakeHttpContext) calls its
// DereferenceUser when the request ends.
class FakeAuthenticationProvider final : public FakeEventProvider<IAuthenticationProvider> {
public:
    explicit FakeAuthenticationProvider(
        Callback<void(IHttpUser*)> receiver = Callback<void(IHttpUser*)>())
        : receiver_(std::move(receiver)) {}
    FakeAuthenticationProvider(const FakeAuthenticationProvider&) = delete;
    FakeAuthenticationProvider& operator=(const FakeAuthenticationProvider&) = delete;
    ~FakeAuthenticationProvider() = default;
    VOID SetUser(IHttpUser* pUser) override {
        user_ = pUser;
        if (pUser && receiver_) receiver_(pUser);
    }
    IHttpUser* user() const noexcept { return user_; }

private:
    Callback<void(IHttpUser*)> receiver_;
    IHttpUser* user_ = nullptr;
};

// PROV-6: what one send carries. The flags start as the send's own; log data is offered only
// on the send that is ready to log, and only to modules registered FIRST or HIGH.
class FakeSendResponseProvider final : public FakeEventProvider<ISendResponseProvider> {
public:
    FakeSendResponseProvider(bool headers_being_sent = true, DWORD flags = 0,
                             HTTP_LOG_DATA* log_data = nullptr)
        : headers_(headers_being_sent), flags_(flags), log_data_(log_data),
          ready_(log_data != nullptr) {}
    // The send that carries log data, for a module that may not see it (registered below HIGH).
    FakeSendResponseProvider(bool headers_being_sent, DWORD flags, HTTP_LOG_DATA* log_data,
                             bool ready_to_log)
        : headers_(headers_being_sent), flags_(flags), log_data_(log_data), ready_(ready_to_log) {}
    FakeSendResponseProvider(const FakeSendResponseProvider&) = delete;
    FakeSendResponseProvider& operator=(const FakeSendResponseProvider&) = delete;
    ~FakeSendResponseProvider() = default;
    BOOL GetHeadersBeingSent(VOID) const override { return headers_ ? TRUE : FALSE; }
    DWORD GetFlags(VOID) const override { return flags_; }
    VOID SetFlags(DWORD dwFlags) override { flags_ = dwFlags; }
    HTTP_LOG_DATA* GetLogData(VOID) const override { return log_data_; }
    HRESULT SetLogData(HTTP_LOG_DATA* pLogData) override {
        if (!pLogData) return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        submitted_ = pLogData;
        if (adopt_) adopt_(pLogData);  // now: the module's copy may not outlive its handler
        return S_OK;
    }
    // What receives submitted log data during the call (ModuleHost copies it).
    void on_set_log_data(Callback<void(const HTTP_LOG_DATA*)> adopt) { adopt_ = std::move(adopt); }
    BOOL GetReadyToLogData(VOID) const override { return ready_ ? TRUE : FALSE; }
    DWORD flags() const noexcept { return flags_; }
    HTTP_LOG_DATA* submitted_log_data() const noexcept { return submitted_; }

private:
    bool headers_;
    DWORD flags_;
    HTTP_LOG_DATA* log_data_;
    bool ready_;
    HTTP_LOG_DATA* submitted_ = nullptr;
    Callback<void(const HTTP_LOG_DATA*)> adopt_;
};

// PROV-5: the URL being mapped and its current physical path, which the module may replace.
class FakeMapPathProvider final : public FakeEventProvider<IMapPathProvider> {
public:
    FakeMapPathProvider(detail::wide_string url, detail::wide_string physical_path)
        : url_(std::move(url)), physical_path_(std::move(physical_path)) {}
    FakeMapPathProvider(const FakeMapPathProvider&) = delete;
    FakeMapPathProvider& operator=(const FakeMapPathProvider&) = delete;
    ~FakeMapPathProvider() = default;
    PCWSTR GetUrl(VOID) const override { return url_.c_str(); }
    PCWSTR GetPhysicalPath(VOID) const override { return physical_path_.c_str(); }
    HRESULT SetPhysicalPath(PCWSTR pszPhysicalPath, DWORD cchPhysicalPath) override {
        if (!pszPhysicalPath || detail::has_nul(pszPhysicalPath, cchPhysicalPath))
            return HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER);
        physical_path_.assign(pszPhysicalPath, cchPhysicalPath);
        return S_OK;
    }
    std::string physical_path() const {
        return detail::wide_to_utf8(physical_path_.data(), physical_path_.size());
    }

private:
    detail::wide_string url_;
    detail::wide_string physical_path_;
};

// PROV-4: the handler a module chose; SetScriptName and SetFileInfo are documented as not
// supported.
class FakeMapHandlerProvider final : public FakeEventProvider<IMapHandlerProvider> {
public:
    FakeMapHandlerProvider() = default;
    FakeMapHandlerProvider(const FakeMapHandlerProvider&) = delete;
    FakeMapHandlerProvider& operator=(const FakeMapHandlerProvider&) = delete;
    ~FakeMapHandlerProvider() = default;
    HRESULT SetScriptName(PCWSTR, DWORD) override { return E_NOTIMPL; }
    VOID SetScriptMap(IScriptMapInfo* pScriptMap) override { script_map_ = pScriptMap; }
    VOID SetFileInfo(IHttpFileInfo*) override {}
    IScriptMapInfo* script_map() const noexcept { return script_map_; }

private:
    IScriptMapInfo* script_map_ = nullptr;
};

// PROV-7: the entity a reader is about to receive; SetEntity substitutes it.
class FakeReadEntityProvider final : public FakeEventProvider<IReadEntityProvider> {
public:
    FakeReadEntityProvider(PVOID buffer, DWORD data, DWORD capacity)
        : buffer_(buffer), data_(data), capacity_(capacity) {}
    FakeReadEntityProvider(const FakeReadEntityProvider&) = delete;
    FakeReadEntityProvider& operator=(const FakeReadEntityProvider&) = delete;
    ~FakeReadEntityProvider() = default;
    VOID GetEntity(PVOID* ppBuffer, DWORD* pcbData, DWORD* pcbBuffer) override {
        if (ppBuffer) *ppBuffer = buffer_;
        if (pcbData) *pcbData = data_;
        if (pcbBuffer) *pcbBuffer = capacity_;
    }
    VOID SetEntity(PVOID pBuffer, DWORD cbData, DWORD cbBuffer) override {
        buffer_ = pBuffer;
        data_ = cbData;
        capacity_ = cbBuffer < cbData ? cbData : cbBuffer;  // *pcbBuffer >= *pcbData
    }

private:
    PVOID buffer_;
    DWORD data_;
    DWORD capacity_;
};

// PROV-3: the module-defined name of a custom notification.
class FakeCustomNotificationProvider : public FakeEventProvider<ICustomNotificationProvider> {
public:
    explicit FakeCustomNotificationProvider(detail::wide_string type) : type_(std::move(type)) {}
    FakeCustomNotificationProvider(const FakeCustomNotificationProvider&) = delete;
    FakeCustomNotificationProvider& operator=(const FakeCustomNotificationProvider&) = delete;
    virtual ~FakeCustomNotificationProvider() = default;
    PCWSTR QueryNotificationType(VOID) override { return type_.c_str(); }

private:
    detail::wide_string type_;
};

IISFAKE_END_NAMESPACE

#endif
