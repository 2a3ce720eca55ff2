#ifndef IISFAKE_FAKE_CONTAINERS_HPP_INCLUDED
#define IISFAKE_FAKE_CONTAINERS_HPP_INCLUDED

// The context containers of §2.11: module contexts stored per module id (request, site,
// application, metadata, connection) and by name (IHttpContext3). A container owns what is
// stored in it and calls CleanupStoredContext exactly once when it ends (CONT-1, T-16).

#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/text.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// How a satellite reports misuse: through the misuse handler of the request it belongs to.
using MisuseReporter =
    Callback<HRESULT(const char* method, const char* rule, std::string problem, HRESULT result)>;

namespace detail {

// Through the request's handler when the container belongs to one; else as the default
// handler does (a container a test builds alone).
inline HRESULT report_misuse(const MisuseReporter& report, const std::string& method,
                             const char* rule, const char* problem, HRESULT result) {
    if (report) return report(method.c_str(), rule, problem, result);
    throw_misuse(Misuse{method, rule, problem, result, "IIS returns " + hresult_text(result)});
    return result;
}

// The contexts of one container, in the order they were stored; cleaned up in reverse order.
template <class Key, class Stored>
class StoredContexts {
public:
    Stored* find(const Key& key) const {
        for (const auto& entry : entries_)
            if (entry.first == key) return entry.second;
        return nullptr;
    }
    bool add(const Key& key, Stored* stored) {
        if (find(key)) return false;
        entries_.emplace_back(key, stored);
        return true;
    }
    template <class Visit>
    void each(Visit visit) const {
        for (const auto& entry : entries_) visit(entry.second);
    }
    // Every stored context once; a cleanup that stores again is cleaned up too.
    void cleanup() {
        while (!entries_.empty()) {
            Stored* stored = entries_.back().second;
            entries_.pop_back();
            stored->CleanupStoredContext();
        }
    }
    std::size_t size() const noexcept { return entries_.size(); }

private:
    std::vector<std::pair<Key, Stored*>> entries_;
};

}  // namespace detail

// An IHttpModuleContextContainer: GetModuleContextContainer of the context, site, application
// and metadata.
class FakeModuleContextContainer : public IHttpModuleContextContainer {
public:
    explicit FakeModuleContextContainer(MisuseReporter report = MisuseReporter(),
                                        const char* owner = "IHttpModuleContextContainer")
        : report_(std::move(report)), owner_(owner) {}
    FakeModuleContextContainer(const FakeModuleContextContainer&) = delete;
    FakeModuleContextContainer& operator=(const FakeModuleContextContainer&) = delete;
    virtual ~FakeModuleContextContainer() { cleanup(); }

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        return stored_.find(moduleId);
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        if (!ppStoredContext)
            return misuse("SetModuleContext", "CONT-1", "ppStoredContext is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (!stored_.add(moduleId, ppStoredContext))
            return misuse("SetModuleContext", "CONT-1",
                          "a context is already stored for this module id; IIS keeps the first "
                          "and never cleans up the second",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }

    // The request (or site, application...) ends: CleanupStoredContext once for each.
    void cleanup() { stored_.cleanup(); }
    std::size_t size() const noexcept { return stored_.size(); }

private:
    HRESULT misuse(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, std::string(owner_) + "::" + method, rule, problem,
                                     result);
    }

    MisuseReporter report_;
    const char* owner_;
    detail::StoredContexts<HTTP_MODULE_ID, IHttpStoredContext> stored_;
};

// IHttpConnection::GetModuleContextContainer: also holds IHttpConnectionStoredContexts, told of
// the client's disconnect through NotifyDisconnect (APP-1).
class FakeConnectionContextContainer : public IHttpConnectionModuleContextContainer {
public:
    explicit FakeConnectionContextContainer(MisuseReporter report = MisuseReporter())
        : contexts_(report, "IHttpConnectionModuleContextContainer"), report_(std::move(report)) {}
    FakeConnectionContextContainer(const FakeConnectionContextContainer&) = delete;
    FakeConnectionContextContainer& operator=(const FakeConnectionContextContainer&) = delete;
    virtual ~FakeConnectionContextContainer() { cleanup(); }

    IHttpStoredContext* GetModuleContext(HTTP_MODULE_ID moduleId) override {
        IHttpStoredContext* plain = contexts_.GetModuleContext(moduleId);
        return plain ? plain : connection_.find(moduleId);
    }
    HRESULT SetModuleContext(IHttpStoredContext* ppStoredContext,
                             HTTP_MODULE_ID moduleId) override {
        if (ppStoredContext && connection_.find(moduleId))
            return report("IHttpConnectionModuleContextContainer::SetModuleContext", "CONT-1",
                          "a context is already stored for this module id",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return contexts_.SetModuleContext(ppStoredContext, moduleId);
    }
    IHttpConnectionStoredContext* GetConnectionModuleContext(HTTP_MODULE_ID moduleId) override {
        return connection_.find(moduleId);
    }
    HRESULT SetConnectionModuleContext(IHttpConnectionStoredContext* ppStoredContext,
                                       HTTP_MODULE_ID moduleId) override {
        const char* method = "IHttpConnectionModuleContextContainer::SetConnectionModuleContext";
        if (!ppStoredContext)
            return report(method, "CONT-1", "ppStoredContext is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (contexts_.GetModuleContext(moduleId) || !connection_.add(moduleId, ppStoredContext))
            return report(method, "CONT-1", "a context is already stored for this module id",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }

    // The client went away: each connection context hears it once.
    void notify_disconnect() {
        if (notified_) return;
        notified_ = true;
        connection_.each([](IHttpConnectionStoredContext* stored) { stored->NotifyDisconnect(); });
    }
    void cleanup() {
        contexts_.cleanup();
        connection_.cleanup();
    }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, method, rule, problem, result);
    }

    FakeModuleContextContainer contexts_;
    MisuseReporter report_;
    detail::StoredContexts<HTTP_MODULE_ID, IHttpConnectionStoredContext> connection_;
    bool notified_ = false;
};

// IHttpContext3::GetNamedContextContainer: contexts stored by name (case-sensitive [I]).
class FakeNamedContextContainer : public INamedContextContainer {
public:
    explicit FakeNamedContextContainer(MisuseReporter report = MisuseReporter())
        : report_(std::move(report)) {}
    FakeNamedContextContainer(const FakeNamedContextContainer&) = delete;
    FakeNamedContextContainer& operator=(const FakeNamedContextContainer&) = delete;
    virtual ~FakeNamedContextContainer() { cleanup(); }

    IHttpStoredContext* GetNamedContext(LPCWSTR szName) override {
        return szName ? stored_.find(szName) : nullptr;
    }
    HRESULT SetNamedContext(IHttpStoredContext* ppStoredContext, LPCWSTR szName) override {
        const char* method = "INamedContextContainer::SetNamedContext";
        if (!ppStoredContext || !szName)
            return report(method, "CONT-1", "ppStoredContext or szName is NULL",
                          HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER));
        if (!stored_.add(szName, ppStoredContext))
            return report(method, "CONT-1", "a context is already stored under this name",
                          HRESULT_FROM_WIN32(ERROR_ALREADY_ASSIGNED));
        return S_OK;
    }
    void cleanup() { stored_.cleanup(); }

private:
    HRESULT report(const char* method, const char* rule, const char* problem, HRESULT result) {
        return detail::report_misuse(report_, method, rule, problem, result);
    }

    MisuseReporter report_;
    detail::StoredContexts<detail::wide_string, IHttpStoredContext> stored_;
};

IISFAKE_END_NAMESPACE

#endif
