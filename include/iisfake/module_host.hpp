#ifndef IISFAKE_MODULE_HOST_HPP_INCLUDED
#define IISFAKE_MODULE_HOST_HPP_INCLUDED

// ModuleHost: the IIS pipeline in a test. It loads a module through its own RegisterModule (or a
// factory and masks given directly), creates one module instance per request from the factory,
// and runs each request through the twelve stages in IIS's order (PIPE-1..9): priorities,
// CONTINUE / PENDING / FINISH_REQUEST, OnAsyncCompletion for the module that went pending,
// OnSendResponse once per send, Dispose at the end. The test steps a request (run() to the
// next pending point, complete_pending(), run_to_end()) or lets completions arrive from other
// threads; a request left pending with nothing outstanding is reported as a hang.
//
//     iisfake::ModuleHost host;
//     host.load("StripHeaders", &RegisterModule);
//     auto request = host.serve(iisfake::RequestBuilder().url("/"));
//     CHECK(request.response().status() == 404);

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/pipeline.hpp"
#include "iisfake/fake_configuration.hpp"
#include "iisfake/fake_global_providers.hpp"
#include "iisfake/fake_http_context.hpp"
#include "iisfake/fake_http_server.hpp"
#include "iisfake/fake_module_registration_info.hpp"
#include "iisfake/fake_providers.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/options.hpp"
#include "iisfake/request_builder.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

struct HostOptions {
    DWORD server_version = 10;  // REG-2: what RegisterModule receives (IIS 10)
    // PIPE-7 [I]: after RQ_NOTIFICATION_FINISH_REQUEST the response is still sent and the log
    // and end stages still run; false skips those stages too.
    bool log_after_finish = true;
    // [I] IIS's own Server header, which every response from the worker process carries and
    // modules such as header strippers remove in OnSendResponse; "" for none (IIS 10's
    // requestFiltering removeServerHeader).
    std::string server_header = "Microsoft-IIS/10.0";
    // With deliver_on_threads(): how long run_to_end waits for a module's own thread to post a completion
    // before it reports the request as stalled.
    unsigned hang_timeout_ms = 2000;
};

// One thing the host did with a request, in order.
struct PipelineEvent {
    enum class Kind {
        notification,       // OnX / OnPostX of a deterministic stage
        completion,         // OnAsyncCompletion
        send_response,      // OnSendResponse
        custom,             // OnCustomRequestNotification
        map_path,           // OnMapPath
        read_entity,        // OnReadEntity
        callback,           // a PFN_ASYNC_COMPLETION callback returned (REQ-R3-3)
        indicate,           // IHttpContext::IndicateCompletion resumed the pipeline
        handler,            // the static file handler (no module handled the request)
        pre_begin_request,  // CGlobalModule::OnGlobalPreBeginRequest
        dispose             // CHttpModule::Dispose
    };
    Kind kind;
    std::string module;
    DWORD notification;  // RQ_* (GL_PRE_BEGIN_REQUEST for pre_begin_request)
    bool post;
    REQUEST_NOTIFICATION_STATUS status;  // what the handler returned
    // "Module.OnBeginRequest", "Module.OnAsyncCompletion(OnBeginRequest)", "Module.Dispose".
    std::string text() const;
};

// The name of a request notification's handler: "OnBeginRequest", "OnPostMapRequestHandler",
// "OnSendResponse".
inline std::string notification_name(DWORD notification, bool post) {
    static const char* const stages[] = {
        "BeginRequest",          "AuthenticateRequest",      "AuthorizeRequest",
        "ResolveRequestCache",   "MapRequestHandler",        "AcquireRequestState",
        "PreExecuteRequestHandler", "ExecuteRequestHandler", "ReleaseRequestState",
        "UpdateRequestCache",    "LogRequest",               "EndRequest"};
    for (int i = 0; i < 12; ++i)
        if (notification == (1u << i)) return std::string(post ? "OnPost" : "On") + stages[i];
    switch (notification) {
        case RQ_SEND_RESPONSE: return "OnSendResponse";
        case RQ_MAP_PATH: return "OnMapPath";
        case RQ_READ_ENTITY: return "OnReadEntity";
        case RQ_CUSTOM_NOTIFICATION: return "OnCustomRequestNotification";
        default: return "notification " + std::to_string(notification);
    }
}

inline std::string PipelineEvent::text() const {
    switch (kind) {
        case Kind::completion:
            return module + ".OnAsyncCompletion(" + notification_name(notification, post) + ")";
        case Kind::callback:
            return module + ".PFN_ASYNC_COMPLETION(" + notification_name(notification, post) + ")";
        case Kind::indicate:
            return module + ".IndicateCompletion(" + notification_name(notification, post) + ")";
        case Kind::handler: return module + ".ExecuteRequestHandler";
        case Kind::pre_begin_request: return module + ".OnGlobalPreBeginRequest";
        case Kind::dispose: return module + ".Dispose";
        default: return module + "." + notification_name(notification, post);
    }
}

enum class RequestState {
    not_started,
    waiting,  // a module returned RQ_NOTIFICATION_PENDING and its completion has not resumed it
    finished  // the end stages ran and every module was disposed
};

template <class Unused = void>
class ModuleHostBase;

namespace detail {

class ModuleAllocator final : public IModuleAllocator {
public:
    ModuleAllocator() = default;
    ModuleAllocator(const ModuleAllocator&) = delete;
    ModuleAllocator& operator=(const ModuleAllocator&) = delete;
    ~ModuleAllocator() = default;
    // REG-7: request-lifetime memory, freed only after the module's Dispose.
    VOID* AllocateMemory(DWORD cbAllocation) override {
        blocks_.emplace_back(new unsigned char[cbAllocation ? cbAllocation : 1]());
        return blocks_.back().get();
    }

private:
    std::vector<std::unique_ptr<unsigned char[]>> blocks_;
};

// One loaded module: its registration and what it registered.
struct LoadedModule {
    std::unique_ptr<FakeModuleRegistrationInfo> info;
    bool loaded;  // RegisterModule succeeded
};

template <class Unused>
class RequestRun final : public Pipeline {
public:
    RequestRun(ModuleHostBase<Unused>& host, const RequestBuilder& spec);
    // A child request (CTX-9): runs `child`, which its parent's context owns.
    RequestRun(ModuleHostBase<Unused>& host, FakeHttpContext& child, bool skip_authentication);
    RequestRun(const RequestRun&) = delete;
    RequestRun& operator=(const RequestRun&) = delete;
    ~RequestRun() noexcept(false);

    RequestState run();
    RequestState complete_pending(bool forced, HRESULT status, DWORD bytes);
    RequestState run_to_end();
    RequestState state() const;
    std::string waiting_on() const;

    FakeHttpContext& context() noexcept { return context_; }
    std::vector<PipelineEvent> events() const {
        auto guard = core().lock();
        return events_;
    }
    const HTTP_LOG_FIELDS_DATA& log_fields() const noexcept { return log_fields_; }
    bool error_status(HRESULT& status) const noexcept {
        if (event_provider_.has_error_status()) {
            status = event_provider_.error_status();
            return true;
        }
        status = map_handler_.error_status();
        return map_handler_.has_error_status();
    }

    // Pipeline
    void indicate_completion(REQUEST_NOTIFICATION_STATUS status) override;
    void disable_notifications(DWORD notifications, DWORD post_notifications) override;
    HRESULT notify_custom(ICustomNotificationProvider* provider,
                          BOOL* completion_expected) override;
    DWORD before_send(bool headers_being_sent, bool final, DWORD flags) override;
    HRESULT execute_child(IHttpContext4& child, DWORD flags, bool skip_authentication,
                          BOOL* completion_expected) override;
    void map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) override;
    DWORD read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) override;
    DWORD current_notification(PCWSTR* module) override;

private:
    // The stages 1-10, the final send, the stages 11-12 (PIPE-3), each with its post-event.
    static constexpr int final_send_phase = 20;
    static constexpr int phase_count = 25;
    enum class Step { not_started, running, waiting, ending, finished };
    struct Instance {
        const LoadedModule* loaded;
        CHttpModule* module;  // NULL when the factory failed
        DWORD disabled;
        DWORD disabled_post;
    };
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    using Core = RequestCore<Unused>;
    Core& core() const {
        return const_cast<FakeHttpContextBase<Unused>&>(
                   static_cast<const FakeHttpContextBase<Unused>&>(context_))
            .core_;
    }
    static int stage_of(int phase) noexcept {
        return phase < final_send_phase ? phase / 2 : 10 + (phase - final_send_phase - 1) / 2;
    }
    static bool post_of(int phase) noexcept {
        return phase < final_send_phase ? phase % 2 == 1 : (phase - final_send_phase - 1) % 2 == 1;
    }
    void settle();
    void prepare();
    void create_modules();
    void order_modules();
    void pre_begin_request();
    void drive();
    void handle(REQUEST_NOTIFICATION_STATUS status);
    void finish_request_early();
    REQUEST_NOTIFICATION_STATUS call(CHttpModule& module, int stage, bool post);
    IHttpEventProvider* provider_for(int stage, bool post);
    REQUEST_NOTIFICATION_STATUS on_completion(std::size_t instance, int stage, bool post,
                                              std::size_t wait, IHttpCompletionInfo* info);
    void after_completion(std::size_t instance, std::size_t wait,
                          REQUEST_NOTIFICATION_STATUS status);
    template <class Handler>
    REQUEST_NOTIFICATION_STATUS call_aside(std::size_t instance, DWORD notification,
                                           PipelineEvent::Kind kind, Handler&& handler);
    bool ended_for_completion(std::size_t instance, const char* what);
    void pass_on_child_response(FakeHttpResponse& child, DWORD flags);
    void adopt_log_fields(const HTTP_LOG_DATA* submitted);
    void drive_steps();
    void serve_static();
    void fill_log_fields();
    void end();
    // An event in call order: recorded when the handler is called, its status when it returns.
    std::size_t record(PipelineEvent::Kind kind, std::size_t instance, DWORD notification,
                       bool post);
    void returned(std::size_t event, REQUEST_NOTIFICATION_STATUS status);
    void check_overridden(std::size_t instance, const char* what);
    void report_stall(const char* who);
    std::string module_name(std::size_t instance) const;

    ModuleHostBase<Unused>& host_;
    std::unique_ptr<FakeHttpContext> own_context_;  // NULL for a child request
    FakeHttpContext& context_;
    ModuleAllocator allocator_;
    std::vector<Instance> instances_;
    std::vector<std::size_t> order_[phase_count];
    std::vector<std::size_t> send_order_;    // RQ_SEND_RESPONSE: priorities inverted
    std::vector<std::size_t> custom_order_;  // RQ_CUSTOM_NOTIFICATION
    std::vector<std::size_t> map_path_order_;
    std::vector<std::size_t> read_entity_order_;
    FakeHttpEventProvider event_provider_;
    FakeMapHandlerProvider map_handler_;
    HTTP_LOG_FIELDS_DATA log_fields_;
    std::string log_strings_[8];
    detail::wide_string log_wide_[2];

    Step step_ = Step::not_started;
    int phase_ = 0;
    std::size_t position_ = 0;
    bool finish_requested_ = false;
    std::size_t running_ = none;  // the instance whose handler is on the stack
    bool has_early_ = false;      // its completion already returned (PIPE-9)
    REQUEST_NOTIFICATION_STATUS early_ = RQ_NOTIFICATION_CONTINUE;
    std::size_t waiting_ = none;  // the instance the request waits for
    int waiting_stage_ = 0;
    bool waiting_post_ = false;
    std::size_t wait_ = 0;        // counts waits, so a stale completion resumes nothing
    std::size_t current_ = none;  // the module DisableNotifications applies to
    DWORD current_bit_ = 0;       // the notification running now, for GetCurrentExecutionStats
    bool stall_reported_ = false;
    std::vector<PipelineEvent> events_;
    bool skip_authentication_ = false;
    unsigned custom_depth_ = 0;
    std::size_t executions_ = 0;            // ExecuteRequest calls, for the async policy             // NotifyCustomNotification from its own handlers
    std::vector<std::string> child_bodies_;  // what children sent, until this request's end
    // Children this request executed; before the context that owns theirs goes.
    std::vector<std::unique_ptr<RequestRun>> children_;
};

}  // namespace detail

// One request running through a ModuleHost. Move-only; destroying it before it finished ends it
// (modules disposed, an operation still pending reported).
class HostedRequest {
public:
    HostedRequest(HostedRequest&& other) noexcept : run_(other.run_) { other.run_ = nullptr; }
    HostedRequest& operator=(HostedRequest&& other) noexcept(false) {
        if (this != &other) {
            destroy();
            run_ = other.run_;
            other.run_ = nullptr;
        }
        return *this;
    }
    HostedRequest(const HostedRequest&) = delete;
    HostedRequest& operator=(const HostedRequest&) = delete;
    ~HostedRequest() noexcept(false) { destroy(); }

    // Runs the pipeline from where it stands to the next pending point or to the end.
    RequestState run() { return run_->run(); }
    // Delivers the oldest pending completion (a read, write, flush or PostCompletion) to the
    // module that started it; the pipeline goes on as far as it can.
    RequestState complete_pending() { return run_->complete_pending(false, S_OK, 0); }
    RequestState complete_pending_with(HRESULT status, DWORD bytes = 0) {
        return run_->complete_pending(true, status, bytes);
    }
    // Delivers completions in order until the request has finished; a request that waits with
    // nothing outstanding is reported as stalled (PIPE-9), naming module and notification.
    RequestState run_to_end() { return run_->run_to_end(); }
    RequestState state() const { return run_->state(); }
    bool finished() const { return run_->state() == RequestState::finished; }
    // "Module: OnBeginRequest" while waiting; "" otherwise.
    std::string waiting_on() const { return run_->waiting_on(); }

    FakeHttpContext& context() noexcept { return run_->context(); }
    FakeHttpRequest& request() noexcept { return run_->context().request(); }
    FakeHttpResponse& response() noexcept { return run_->context().response(); }
    std::vector<PipelineEvent> events() const { return run_->events(); }
    // events() as text, one "Module.Handler" line each.
    std::vector<std::string> trace() const {
        std::vector<std::string> out;
        for (const PipelineEvent& event : run_->events()) out.push_back(event.text());
        return out;
    }
    // What the log data of the final send held (PROV-6).
    const HTTP_LOG_FIELDS_DATA& log_fields() const noexcept { return run_->log_fields(); }
    // The last IHttpEventProvider::SetErrorStatus a module made (PIPE-8); false when none.
    bool error_status(HRESULT& status) const noexcept { return run_->error_status(status); }

private:
    template <class>
    friend class ModuleHostBase;
    explicit HostedRequest(detail::RequestRun<void>* run) noexcept : run_(run) {}
    void destroy() {
        detail::RequestRun<void>* run = run_;
        run_ = nullptr;
        delete run;
    }
    detail::RequestRun<void>* run_;
};

template <class Unused>
class ModuleHostBase {
public:
    explicit ModuleHostBase(HostOptions options = HostOptions());
    ModuleHostBase(const ModuleHostBase&) = delete;
    ModuleHostBase& operator=(const ModuleHostBase&) = delete;
    ~ModuleHostBase() noexcept(false) { shutdown(); }

    // ---- loading (REG-*) -----------------------------------------------------------------------
    // Calls the module's RegisterModule as IIS does when it loads the DLL named in
    // <globalModules>: server version, a registration info with the module's name and a
    // distinct id, the server. Modules load in configuration (<modules>) order. Returns what
    // RegisterModule returned; a module that failed serves no requests.
    HRESULT load(const std::string& name, PFN_REGISTERMODULE register_module);
    // The same without a RegisterModule: a factory and its notification masks.
    HRESULT add(const std::string& name, IHttpModuleFactory* factory, DWORD notifications,
                DWORD post_notifications = 0);
    // What a loaded module registered; NULL for an unknown name.
    FakeModuleRegistrationInfo* registration(const std::string& name);
    // PIPE-2: the module RQ_EXECUTE_REQUEST_HANDLER goes to, as a <handlers> mapping names it.
    // Without one, the only module that registered it, else the static file handler.
    void set_handler(const std::string& name) { handler_ = name; }
    // A file the static file handler serves (200 with this body); other URLs get 404.
    void add_file(const std::string& url, std::string body,
                  std::string content_type = "text/html") {
        files_[url] = File{std::move(body), std::move(content_type)};
    }

    // Completions arrive on other threads, as from IIS's pool, sometimes before the call that
    // started the operation returns; also what a module that calls PostCompletion from a
    // thread of its own needs. Include <iisfake/threaded_delivery.hpp> (or define
    // IISFAKE_CONFIG_THREADED_DELIVERY) in the file that calls it.
    template <class Threads = detail::CompletionThreads>
    void deliver_on_threads() {
        make_threads_ = []() -> detail::Concurrency* { return new Threads(); };
    }

    // ---- what every request starts with -------------------------------------------------------
    HostOptions& options() noexcept { return options_; }
    ContextSettings& context_settings() noexcept { return settings_; }
    Options& request_options() noexcept { return request_options_; }
    void set_misuse_handler(MisuseHandler handler);
    // The IHttpServer RegisterModule receives; its GetAdminManager() serves configuration().
    FakeHttpServer& server() noexcept { return server_; }
    // A test's own IHttpServer instead (before load()).
    void set_server(IHttpServer* server) noexcept { server_interface_ = server; }
    IHttpServer* server_interface() noexcept { return server_interface_; }
    // applicationHost.config, as modules read it through GetAdminManager() (CFG-*).
    FakeConfiguration& configuration() noexcept { return configuration_; }

    // ---- requests --------------------------------------------------------------------------------
    // A request ready to run (nothing has run yet). Safe from many threads at once: requests
    // share only the loaded modules, as on IIS's thread pool (T-26).
    HostedRequest start(const RequestBuilder& request);
    // A request run to its end.
    HostedRequest serve(const RequestBuilder& request) {
        HostedRequest run = start(request);
        run.run_to_end();
        return run;
    }

    // ---- global notifications (CGlobalModule) -------------------------------------------------
    // Calls the handler for `notification` (one GL_* bit) of every global module registered
    // for it, in priority order, until one returns GL_NOTIFICATION_HANDLED. `provider` must be
    // of the type that handler takes.
    GLOBAL_NOTIFICATION_STATUS notify_global(DWORD notification, IHttpEventProvider* provider);
    // The global notifications IIS raises, each with its provider.
    GLOBAL_NOTIFICATION_STATUS application_start();     // GL_APPLICATION_START
    GLOBAL_NOTIFICATION_STATUS application_stop();      // GL_APPLICATION_STOP
    GLOBAL_NOTIFICATION_STATUS stop_listening(bool drain_gracefully = true);
    GLOBAL_NOTIFICATION_STATUS configuration_change(const std::string& path);
    GLOBAL_NOTIFICATION_STATUS file_change(const std::string& file_name);
    GLOBAL_NOTIFICATION_STATUS thread_cleanup();        // GL_THREAD_CLEANUP
    GLOBAL_NOTIFICATION_STATUS health_check() { return notify_global(GL_HEALTH_CHECK, nullptr); }
    GLOBAL_NOTIFICATION_STATUS cache_cleanup() { return notify_global(GL_CACHE_CLEANUP, nullptr); }
    // Factories' and global modules' Terminate, once (REG-4, REG-5); also at destruction.
    void shutdown();
    // "Module.OnGlobalApplicationStart", "Module.Terminate", ... in order.
    const std::vector<std::string>& global_trace() const noexcept { return global_trace_; }

    const std::vector<Misuse>& misuses() const noexcept { return misuses_; }

private:
    friend class detail::RequestRun<Unused>;
    struct File {
        std::string body;
        std::string content_type;
    };
    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result);
    std::vector<std::size_t> global_order(DWORD notification) const;
    FakeHttpApplication& application();

    HostOptions options_;
    ContextSettings settings_;
    Options request_options_;
    MisuseHandler misuse_handler_ = throw_misuse;
    std::vector<Misuse> misuses_;
    FakeConfiguration configuration_;  // before the server, which serves it
    FakeHttpServer server_;
    IHttpServer* server_interface_;
    std::unique_ptr<FakeHttpApplication> application_;  // what application providers carry
    std::vector<std::unique_ptr<detail::LoadedModule>> modules_;
    std::string handler_;
    std::map<std::string, File> files_;
    std::vector<std::string> global_trace_;
    bool shut_down_ = false;
    detail::Concurrency* (*make_threads_)() = nullptr;
};

// The IIS pipeline in a test; see ModuleHostBase.
class ModuleHost : public ModuleHostBase<> {
public:
    using ModuleHostBase::ModuleHostBase;
};

IISFAKE_END_NAMESPACE

#if defined(IISFAKE_CONFIG_SEPARATE_IMPLEMENTATION) && !defined(IISFAKE_CONFIG_IMPLEMENT)
IISFAKE_BEGIN_NAMESPACE
extern template class ModuleHostBase<void>;
extern template class detail::RequestRun<void>;
IISFAKE_END_NAMESPACE
#else
#include "iisfake/detail/module_host_impl.hpp"
#endif

#endif
