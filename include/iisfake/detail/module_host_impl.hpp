#ifndef IISFAKE_DETAIL_MODULE_HOST_IMPL_HPP_INCLUDED
#define IISFAKE_DETAIL_MODULE_HOST_IMPL_HPP_INCLUDED

// ModuleHost's member definitions (see module_host.hpp).

#include <algorithm>
#include <cstring>

#include "iisfake/module_host.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

// Where RQ_EXECUTE_REQUEST_HANDLER has no module: IIS's static file handler (PIPE-2).
constexpr std::size_t static_handler = static_cast<std::size_t>(-2);
inline bool is_static_handler(std::size_t index) noexcept { return index == static_handler; }

template <class Unused>
RequestRun<Unused>::RequestRun(ModuleHostBase<Unused>& host, const RequestBuilder& spec)
    : host_(host), own_context_(new FakeHttpContext(spec, host.settings_)),
      context_(*own_context_), log_fields_() {
    context_.options() = host.request_options_;
    context_.set_misuse_handler(host.misuse_handler_);
    prepare();
}

template <class Unused>
RequestRun<Unused>::RequestRun(ModuleHostBase<Unused>& host, FakeHttpContext& child,
                               bool skip_authentication)
    : host_(host), context_(child), log_fields_(), skip_authentication_(skip_authentication) {
    prepare();
}

template <class Unused>
void RequestRun<Unused>::prepare() {
    if (host_.make_threads_) core().adopt_concurrency(host_.make_threads_());
    context_.set_pipeline(this);
    log_fields_.Base.Type = HttpLogDataTypeFields;
    const std::string& server = host_.options_.server_header;
    if (!server.empty()) {
        ActingForIis quiet;
        context_.response().SetHeader(HttpHeaderServer, server.c_str(),
                                      static_cast<USHORT>(server.size()), TRUE);
    }
    create_modules();
    order_modules();
    if (skip_authentication_) {  // CTX-9: ExecuteRequest with a user
        for (int phase = 0; phase < final_send_phase; ++phase)
            if (stage_of(phase) == 1) order_[phase].clear();
    }
}

// CTX-9: the child runs through the same pipeline, with its own module instances, to its end;
// then the module that called ExecuteRequest gets the completion (after it returns PENDING). A
// child that stalls never completes (it is reported as stalled).
template <class Unused>
HRESULT RequestRun<Unused>::execute_child(IHttpContext4& child, DWORD flags,
                                          bool skip_authentication, BOOL* completion_expected) {
    auto& fake = static_cast<FakeHttpContext&>(child);
    std::unique_ptr<RequestRun> run(new RequestRun(host_, fake, skip_authentication));
    const RequestState state = run->run_to_end();
    const std::vector<PipelineEvent> child_events = run->events();
    {
        auto guard = core().lock();
        for (PipelineEvent event : child_events) {
            event.module = "child/" + event.module;
            events_.push_back(std::move(event));
        }
        children_.push_back(std::move(run));
    }
    if (state != RequestState::finished) {
        if (completion_expected) *completion_expected = TRUE;  // and it never comes (reported)
        return S_OK;
    }
    pass_on_child_response(fake.response(), flags);
    // §1.7: like any asynchronous operation, inline, pending or completed before this returns,
    // as the request's async policy says.
    if (!core().goes_pending(completion_expected, executions_)) {
        if (completion_expected) *completion_expected = FALSE;
        return S_OK;
    }
    if (completion_expected) *completion_expected = TRUE;
    core().start(Operation{OperationKind::post, nullptr, nullptr, 0, false, nullptr, nullptr,
                           nullptr, CompletionSink(), false, false});
    return S_OK;
}

// [I] A child writes to the client through its parent: its status and headers (unless
// EXECUTE_FLAG_NO_HEADERS) and its body become this request's response.
template <class Unused>
void RequestRun<Unused>::pass_on_child_response(FakeHttpResponse& child, DWORD flags) {
    ActingForIis quiet;
    IHttpResponse* response = &context_.response();
    if ((flags & EXECUTE_FLAG_NO_HEADERS) == 0 && child.sent_status() != 0) {
        const std::string reason = child.reason();
        response->SetStatus(child.sent_status(), reason.c_str(), child.substatus());
        std::vector<std::string> seen;
        for (const auto& header : child.sent_headers()) {
            const bool first = std::find(seen.begin(), seen.end(), header.first) == seen.end();
            if (first) seen.push_back(header.first);
            response->SetHeader(header.first.c_str(), header.second.c_str(),
                                static_cast<USHORT>(header.second.size()), first ? TRUE : FALSE);
        }
    }
    const std::string body = child.body();
    if (body.empty()) return;
    {
        auto guard = core().lock();
        child_bodies_.push_back(body);
    }
    HTTP_DATA_CHUNK chunk;
    std::memset(&chunk, 0, sizeof chunk);
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = const_cast<char*>(child_bodies_.back().data());
    chunk.FromMemory.BufferLength = static_cast<ULONG>(child_bodies_.back().size());
    DWORD sent = 0;
    response->WriteEntityChunks(&chunk, 1, FALSE, TRUE, &sent);
}

template <class Unused>
RequestRun<Unused>::~RequestRun() noexcept(false) {
    if (core().threaded()) core().join_threads();
    children_.clear();  // child runs go before the contexts they run (this one owns those)
    context_.set_pipeline(nullptr);  // the context's own end sends without this run
    if (step_ != Step::finished) {
        // Abandoned before its end: the modules are still disposed (MOD-2); the context's own
        // end then cleans up stored contexts (in allocator memory, which is still here) and
        // reports an operation left pending.
        for (Instance& instance : instances_) {
            if (instance.module) instance.module->Dispose();
            instance.module = nullptr;
        }
    }
    // Here rather than as a member, so what it reports can reach the test.
    delete own_context_.release();
}

template <class Unused>
void RequestRun<Unused>::create_modules() {
    bool failed = false;
    for (const auto& loaded : host_.modules_) {
        IHttpModuleFactory* factory = loaded->info->factory();
        if (!loaded->loaded || !factory) continue;
        CHttpModule* module = nullptr;
        const HRESULT result = factory->GetHttpModule(&module, &allocator_);  // MOD-3, REG-7
        if (SUCCEEDED(result) && !module) {
            core().report("IHttpModuleFactory::GetHttpModule", "REG-7",
                          "module '" + loaded->info->name() +
                              "': the factory succeeded but stored no module in *ppModule",
                          E_POINTER, "IIS fails the request with 500");
        }
        if (FAILED(result) || !module) {
            failed = true;
            module = nullptr;
        }
        instances_.push_back(Instance{loaded.get(), module, 0, 0});
    }
    if (failed) {
        // IIS fails the request when a module cannot be created: 500, then the end stages.
        ActingForIis quiet;
        context_.response().SetStatus(500, "Internal Server Error");
        finish_requested_ = true;
        phase_ = final_send_phase;
    }
}

template <class Unused>
void RequestRun<Unused>::order_modules() {
    using Kind = PriorityRequest::Kind;
    auto priority = [this](std::size_t index, Kind kind, DWORD bit) {
        const FakeModuleRegistrationInfo& info = *instances_[index].loaded->info;
        if (kind == Kind::post_request) {
            // [I] a post-event without its own priority (IHttpModuleRegistrationInfo2) runs at
            // its event's.
            for (const PriorityRequest& request : info.priority_requests())
                if (request.kind == Kind::post_request && (request.notification & bit) != 0)
                    return info.priority(Kind::post_request, bit);
        }
        return info.priority(Kind::request, bit);
    };
    // PIPE-1: FIRST to LAST, ties in configuration order.
    auto ordered = [&](DWORD bit, bool post) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < instances_.size(); ++i) {
            const FakeModuleRegistrationInfo& info = *instances_[i].loaded->info;
            const DWORD mask =
                post ? info.post_request_notifications() : info.request_notifications();
            if ((mask & bit) != 0) out.push_back(i);
        }
        const Kind kind = post ? Kind::post_request : Kind::request;
        std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
            return static_cast<int>(priority(a, kind, bit)) <
                   static_cast<int>(priority(b, kind, bit));
        });
        return out;
    };
    for (int phase = 0; phase < phase_count; ++phase) {
        if (phase == final_send_phase) continue;
        const int stage = stage_of(phase);
        const bool post = post_of(phase);
        const DWORD bit = 1u << stage;
        order_[phase] = ordered(bit, post);
        if (bit != RQ_EXECUTE_REQUEST_HANDLER || post) continue;
        // PIPE-2, T-20: the handler alone, never every module that registered the bit.
        std::vector<std::size_t>& handlers = order_[phase];
        if (!host_.handler_.empty()) {
            std::vector<std::size_t> named;
            for (std::size_t index : handlers)
                if (instances_[index].loaded->info->name() == host_.handler_) named.push_back(index);
            if (named.empty())
                core().report("ModuleHost::set_handler", "PIPE-2",
                              "the handler '" + host_.handler_ +
                                  "' is not a loaded module registered for "
                                  "RQ_EXECUTE_REQUEST_HANDLER",
                              S_OK, "the static file handler runs instead");
            handlers = named.empty() ? std::vector<std::size_t>{static_handler} : named;
        } else if (handlers.empty()) {
            handlers.push_back(static_handler);
        } else if (handlers.size() > 1) {
            core().report("ModuleHost::start", "PIPE-2",
                          std::to_string(handlers.size()) +
                              " modules registered RQ_EXECUTE_REQUEST_HANDLER; IIS runs only the "
                              "one its handler mapping names: call set_handler()",
                          S_OK, "the first of them runs");
            handlers.resize(1);
        }
    }
    // T-21: RQ_SEND_RESPONSE runs LAST to FIRST.
    send_order_ = ordered(RQ_SEND_RESPONSE, false);
    std::reverse(send_order_.begin(), send_order_.end());
    custom_order_ = ordered(RQ_CUSTOM_NOTIFICATION, false);
    map_path_order_ = ordered(RQ_MAP_PATH, false);
    read_entity_order_ = ordered(RQ_READ_ENTITY, false);
}

template <class Unused>
void RequestRun<Unused>::pre_begin_request() {
    FakePreBeginRequestProvider provider(&context_);
    for (std::size_t index : host_.global_order(GL_PRE_BEGIN_REQUEST)) {
        CGlobalModule* global = host_.modules_[index]->info->global_module();
        unhandled_on_this_thread() = nullptr;
        const GLOBAL_NOTIFICATION_STATUS status = global->OnGlobalPreBeginRequest(&provider);
        {
            auto guard = core().lock();
            events_.push_back(PipelineEvent{PipelineEvent::Kind::pre_begin_request,
                                            host_.modules_[index]->info->name(),
                                            GL_PRE_BEGIN_REQUEST, false,
                                            status == GL_NOTIFICATION_HANDLED
                                                ? RQ_NOTIFICATION_FINISH_REQUEST
                                                : RQ_NOTIFICATION_CONTINUE});
        }
        if (const char* method = unhandled_on_this_thread()) {
            unhandled_on_this_thread() = nullptr;
            core().report("ModuleHost", "T-9",
                          "module '" + host_.modules_[index]->info->name() +
                              "' registered GL_PRE_BEGIN_REQUEST but " + method +
                              " ran: its handler does not override (check the signature)",
                          S_OK, "IIS calls DebugBreak");
        }
        if (status == GL_NOTIFICATION_HANDLED) break;  // no further global modules
    }
}

// ---- stepping ---------------------------------------------------------------------------------

template <class Unused>
RequestState RequestRun<Unused>::run() {
    bool first = false;
    {
        auto guard = core().lock();
        if (step_ == Step::not_started) {
            step_ = Step::running;
            first = true;
        }
    }
    if (first) {
        pre_begin_request();
        drive();
    }
    settle();
    return state();
}

template <class Unused>
RequestState RequestRun<Unused>::complete_pending(bool forced, HRESULT status, DWORD bytes) {
    if (forced)
        context_.complete_pending_with(status, bytes);
    else
        context_.complete_pending();
    settle();
    return state();
}

template <class Unused>
RequestState RequestRun<Unused>::run_to_end() {
    run();
    for (;;) {
        settle();
        Step step = Step::finished;
        {
            auto guard = core().lock();
            step = step_;
        }
        if (step == Step::finished) return RequestState::finished;
        if (step == Step::waiting && core().has_pending()) {
            complete_pending(false, S_OK, 0);
            continue;
        }
        if (core().threaded()) {
            // A module's own thread may still post a completion, indicate one, or be driving
            // the pipeline now.
            bool moved = false;
            for (unsigned waited = 0; waited < host_.options_.hang_timeout_ms && !moved;
                 ++waited) {
                core().pause();
                auto guard = core().lock();
                moved = step_ != step || (step_ == Step::waiting && core().has_pending());
            }
            if (moved) continue;
        }
        report_stall("ModuleHost::run_to_end");
        return state();
    }
}

template <class Unused>
void RequestRun<Unused>::settle() {
    if (core().threaded()) context_.wait_for_completions();
    bool ending = false;
    {
        auto guard = core().lock();
        ending = step_ == Step::ending;
    }
    if (ending) end();
}

template <class Unused>
RequestState RequestRun<Unused>::state() const {
    auto guard = core().lock();
    switch (step_) {
        case Step::not_started: return RequestState::not_started;
        case Step::finished: return RequestState::finished;
        default: return RequestState::waiting;
    }
}

template <class Unused>
std::string RequestRun<Unused>::waiting_on() const {
    auto guard = core().lock();
    if (step_ != Step::waiting || waiting_ == none) return std::string();
    return module_name(waiting_) + ": " + notification_name(1u << waiting_stage_, waiting_post_);
}

// ---- the pipeline -----------------------------------------------------------------------------

// Runs notifications until one goes pending or the request reaches its end. Runs on whichever
// thread resumed the request, as in IIS; holds the request's lock only between handlers.
template <class Unused>
void RequestRun<Unused>::drive() {
    try {
        drive_steps();
    } catch (...) {
        // A misuse report that threw (or a module's exception) ends the request: what follows
        // disposes the modules instead of leaving the run stuck.
        auto guard = core().lock();
        step_ = Step::ending;
        running_ = none;
        throw;
    }
}

template <class Unused>
void RequestRun<Unused>::drive_steps() {
    for (;;) {
        int phase = 0;
        std::size_t index = none;
        std::size_t wait = 0;
        {
            auto guard = core().lock();
            if (step_ != Step::running) return;
            if (phase_ >= phase_count) {
                step_ = Step::ending;
                return;
            }
            phase = phase_;
            if (phase != final_send_phase) {
                if (position_ >= order_[phase].size()) {
                    ++phase_;
                    position_ = 0;
                    continue;
                }
                index = order_[phase][position_];
                if (!is_static_handler(index)) {
                    const Instance& instance = instances_[index];
                    const DWORD bit = 1u << stage_of(phase);
                    const DWORD disabled =
                        post_of(phase) ? instance.disabled_post : instance.disabled;
                    if (!instance.module || (disabled & bit) != 0) {  // PIPE-4
                        ++position_;
                        continue;
                    }
                    running_ = index;
                    current_ = index;
                    current_bit_ = 1u << stage_of(phase);
                    has_early_ = false;
                    wait = ++wait_;
                }
            }
        }
        if (phase == final_send_phase) {
            // PIPE-3 [I]: the final send after UpdateRequestCache, before LogRequest.
            fill_log_fields();
            context_.response().end_request();
            auto guard = core().lock();
            phase_ = finish_requested_ && !host_.options_.log_after_finish ? phase_count
                                                                            : phase_ + 1;
            position_ = 0;
            continue;
        }
        if (is_static_handler(index)) {
            serve_static();
            auto guard = core().lock();
            ++position_;
            continue;
        }
        const int stage = stage_of(phase);
        const bool post = post_of(phase);
        {
            auto guard = core().lock();
            core().sink_ = [this, index, stage, post, wait](IHttpCompletionInfo* info) {
                return on_completion(index, stage, post, wait, info);
            };
            core().callback_sink_ = [this, index, stage, post,
                                     wait](REQUEST_NOTIFICATION_STATUS status) {
                record(PipelineEvent::Kind::callback, index, 1u << stage, post);
                after_completion(index, wait, status);
            };
        }
        unhandled_on_this_thread() = nullptr;
        const std::size_t event = record(PipelineEvent::Kind::notification, index, 1u << stage, post);
        REQUEST_NOTIFICATION_STATUS status = call(*instances_[index].module, stage, post);
        returned(event, status);
        check_overridden(index, notification_name(1u << stage, post).c_str());
        auto guard = core().lock();
        running_ = none;
        current_ = none;
        current_bit_ = 0;
        if (status == RQ_NOTIFICATION_PENDING) {
            if (!has_early_) {  // PIPE-6: wait for the completion
                step_ = Step::waiting;
                waiting_ = index;
                waiting_stage_ = stage;
                waiting_post_ = post;
                return;
            }
            // PIPE-9: the completion ran before the handler returned; its result stands.
            status = early_;
            has_early_ = false;
        }
        handle(status);
    }
}

// The result of a notification (or of the completion that stood for it); under the lock.
template <class Unused>
void RequestRun<Unused>::handle(REQUEST_NOTIFICATION_STATUS status) {
    switch (status) {
        case RQ_NOTIFICATION_CONTINUE:  // PIPE-5
            ++position_;
            return;
        case RQ_NOTIFICATION_FINISH_REQUEST:  // PIPE-7
            finish_requested_ = true;
            if (phase_ < final_send_phase) {
                phase_ = final_send_phase;
            } else {
                ++phase_;
            }
            position_ = 0;
            return;
        default:
            core().report("ModuleHost", "PIPE-5",
                          "a handler returned " + std::to_string(static_cast<int>(status)) +
                              ", which is not a REQUEST_NOTIFICATION_STATUS",
                          S_OK, "the pipeline continues");
            ++position_;
            return;
    }
}

template <class Unused>
IHttpEventProvider* RequestRun<Unused>::provider_for(int stage, bool post) {
    if (!post && (1u << stage) == RQ_AUTHENTICATE_REQUEST)
        return &context_.authentication_provider();
    if (!post && (1u << stage) == RQ_MAP_REQUEST_HANDLER) return &map_handler_;
    return &event_provider_;
}

template <class Unused>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::call(CHttpModule& module, int stage, bool post) {
    IHttpContext* context = &context_;
    IHttpEventProvider* provider = &event_provider_;
    if (post) {
        switch (1u << stage) {
            case RQ_BEGIN_REQUEST: return module.OnPostBeginRequest(context, provider);
            case RQ_AUTHENTICATE_REQUEST: return module.OnPostAuthenticateRequest(context, provider);
            case RQ_AUTHORIZE_REQUEST: return module.OnPostAuthorizeRequest(context, provider);
            case RQ_RESOLVE_REQUEST_CACHE: return module.OnPostResolveRequestCache(context, provider);
            case RQ_MAP_REQUEST_HANDLER: return module.OnPostMapRequestHandler(context, provider);
            case RQ_ACQUIRE_REQUEST_STATE: return module.OnPostAcquireRequestState(context, provider);
            case RQ_PRE_EXECUTE_REQUEST_HANDLER:
                return module.OnPostPreExecuteRequestHandler(context, provider);
            case RQ_EXECUTE_REQUEST_HANDLER:
                return module.OnPostExecuteRequestHandler(context, provider);
            case RQ_RELEASE_REQUEST_STATE: return module.OnPostReleaseRequestState(context, provider);
            case RQ_UPDATE_REQUEST_CACHE: return module.OnPostUpdateRequestCache(context, provider);
            case RQ_LOG_REQUEST: return module.OnPostLogRequest(context, provider);
            default: return module.OnPostEndRequest(context, provider);
        }
    }
    switch (1u << stage) {
        case RQ_BEGIN_REQUEST: return module.OnBeginRequest(context, provider);
        case RQ_AUTHENTICATE_REQUEST:
            return module.OnAuthenticateRequest(context, &context_.authentication_provider());
        case RQ_AUTHORIZE_REQUEST: return module.OnAuthorizeRequest(context, provider);
        case RQ_RESOLVE_REQUEST_CACHE: return module.OnResolveRequestCache(context, provider);
        case RQ_MAP_REQUEST_HANDLER: return module.OnMapRequestHandler(context, &map_handler_);
        case RQ_ACQUIRE_REQUEST_STATE: return module.OnAcquireRequestState(context, provider);
        case RQ_PRE_EXECUTE_REQUEST_HANDLER:
            return module.OnPreExecuteRequestHandler(context, provider);
        case RQ_EXECUTE_REQUEST_HANDLER: return module.OnExecuteRequestHandler(context, provider);
        case RQ_RELEASE_REQUEST_STATE: return module.OnReleaseRequestState(context, provider);
        case RQ_UPDATE_REQUEST_CACHE: return module.OnUpdateRequestCache(context, provider);
        case RQ_LOG_REQUEST: return module.OnLogRequest(context, provider);
        default: return module.OnEndRequest(context, provider);
    }
}

// §1.7 item 4: the completion of an operation the module started in `stage` goes to its
// OnAsyncCompletion, whose result resumes the pipeline (PIPE-6) or, when the handler that
// started the operation has not returned yet, stands as that handler's result (PIPE-9).
template <class Unused>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::on_completion(std::size_t index, int stage,
                                                              bool post, std::size_t wait,
                                                              IHttpCompletionInfo* info) {
    if (ended_for_completion(index, "OnAsyncCompletion")) return RQ_NOTIFICATION_CONTINUE;
    std::size_t saved = none;
    DWORD saved_bit = 0;
    {
        auto guard = core().lock();
        saved = current_;
        saved_bit = current_bit_;
        current_ = index;
        current_bit_ = 1u << stage;
    }
    unhandled_on_this_thread() = nullptr;
    const std::size_t event = record(PipelineEvent::Kind::completion, index, 1u << stage, post);
    const REQUEST_NOTIFICATION_STATUS status = instances_[index].module->OnAsyncCompletion(
        &context_, 1u << stage, post ? TRUE : FALSE, provider_for(stage, post), info);
    returned(event, status);
    {
        auto guard = core().lock();
        current_ = saved;
        current_bit_ = saved_bit;
    }
    check_overridden(index, "a completion");
    after_completion(index, wait, status);
    return status;
}

// What a completion handler returned: it stands for the pending notification (PIPE-6), or for
// the handler still on the stack (PIPE-9); a completion for a notification the pipeline has
// left resumes nothing.
template <class Unused>
void RequestRun<Unused>::after_completion(std::size_t index, std::size_t wait,
                                          REQUEST_NOTIFICATION_STATUS status) {
    bool resume = false;
    {
        auto guard = core().lock();
        if (wait != wait_) return;
        if (running_ == index) {
            if (status != RQ_NOTIFICATION_PENDING) {
                has_early_ = true;
                early_ = status;
            }
            return;
        }
        if (step_ == Step::waiting && waiting_ == index && status != RQ_NOTIFICATION_PENDING) {
            step_ = Step::running;
            waiting_ = none;
            handle(status);
            resume = true;
        }
    }
    if (resume) drive();
}

// T-10: nothing is delivered into a request that has ended.
template <class Unused>
bool RequestRun<Unused>::ended_for_completion(std::size_t index, const char* what) {
    {
        auto guard = core().lock();
        if (step_ != Step::ending && step_ != Step::finished && instances_[index].module)
            return false;
    }
    core().report("ModuleHost", "T-10",
                  std::string("a completion for module '") + module_name(index) +
                      "' arrived after the request ended; its " + what + " is not called",
                  S_OK, "IIS delivers nothing once the request has ended");
    return true;
}

template <class Unused>
void RequestRun<Unused>::indicate_completion(REQUEST_NOTIFICATION_STATUS status) {
    bool resume = false;
    {
        auto guard = core().lock();
        if (running_ != none) {
            // Called from the handler itself: the pipeline takes it as the handler's result.
            if (status != RQ_NOTIFICATION_PENDING) {
                has_early_ = true;
                early_ = status;
            }
            return;
        }
        if (step_ != Step::waiting || status == RQ_NOTIFICATION_PENDING) return;
        events_.push_back(PipelineEvent{PipelineEvent::Kind::indicate, module_name(waiting_),
                                        1u << waiting_stage_, waiting_post_, status});
        step_ = Step::running;
        waiting_ = none;
        ++wait_;  // the operation's own completion, if any, resumes nothing now
        handle(status);
        resume = true;
    }
    if (resume) drive();
}

template <class Unused>
DWORD RequestRun<Unused>::current_notification(PCWSTR* module) {
    auto guard = core().lock();
    if (current_bit_ == 0 || current_ == none) return 0;
    if (module) *module = instances_[current_].loaded->info->GetName();
    return current_bit_;
}

template <class Unused>
void RequestRun<Unused>::disable_notifications(DWORD notifications, DWORD post_notifications) {
    auto guard = core().lock();
    if (current_ == none) return;
    // PIPE-4: the deterministic stages only; OnSendResponse and the like cannot be disabled.
    instances_[current_].disabled |= notifications & 0xFFFu;
    instances_[current_].disabled_post |= post_notifications & 0xFFFu;
}

// One handler of a notification that is not a pipeline stage (OnSendResponse, OnMapPath,
// OnReadEntity, OnCustomRequestNotification): module code again even when the host raised it
// on IIS's behalf; a completion it starts comes back to its module; DisableNotifications and
// GetCurrentExecutionStats see its module.
template <class Unused>
template <class Handler>
REQUEST_NOTIFICATION_STATUS RequestRun<Unused>::call_aside(std::size_t index,
                                                           DWORD notification,
                                                           PipelineEvent::Kind kind,
                                                           Handler&& handler) {
    ActingForIis module_code(false);
    std::size_t saved = none;
    DWORD saved_bit = 0;
    CompletionSink saved_sink;
    Callback<void(REQUEST_NOTIFICATION_STATUS)> saved_callback;
    {
        auto guard = core().lock();
        saved = current_;
        saved_bit = current_bit_;
        saved_sink = core().sink_;
        saved_callback = core().callback_sink_;
        current_ = index;
        current_bit_ = notification;
        core().sink_ = [this, index, notification](IHttpCompletionInfo* info) {
            if (ended_for_completion(index, "OnAsyncCompletion")) return RQ_NOTIFICATION_CONTINUE;
            const std::size_t event = record(PipelineEvent::Kind::completion, index, notification,
                                             false);
            const REQUEST_NOTIFICATION_STATUS status = instances_[index].module->OnAsyncCompletion(
                &context_, notification, FALSE, &event_provider_, info);
            returned(event, status);
            return status;
        };
        core().callback_sink_ = nullptr;
    }
    unhandled_on_this_thread() = nullptr;
    const std::size_t event = record(kind, index, notification, false);
    const REQUEST_NOTIFICATION_STATUS status = handler(*instances_[index].module);
    returned(event, status);
    {
        auto guard = core().lock();
        current_ = saved;
        current_bit_ = saved_bit;
        core().sink_ = saved_sink;
        core().callback_sink_ = saved_callback;
    }
    const std::string name = notification_name(notification, false);
    check_overridden(index, name.c_str());
    if (status == RQ_NOTIFICATION_PENDING)
        core().report("ModuleHost", "PIPE-6",
                      "module '" + module_name(index) + "' returned RQ_NOTIFICATION_PENDING from " +
                          name + "; iisfake's host runs " + name +
                          " to its end and cannot wait for it (a limitation of the fake)",
                      S_OK, "taken as RQ_NOTIFICATION_CONTINUE");
    return status;
}

template <class Unused>
HRESULT RequestRun<Unused>::notify_custom(ICustomNotificationProvider* provider,
                                          BOOL* completion_expected) {
    if (completion_expected) *completion_expected = FALSE;
    if (custom_depth_ >= 16)
        return core().report("IHttpContext::NotifyCustomNotification", "PROV-3",
                             "custom notifications nested 16 deep: a handler raises the "
                             "notification it handles",
                             HRESULT_FROM_WIN32(ERROR_STACK_OVERFLOW),
                             "IIS overflows its stack");
    ScopedValue<unsigned> depth(custom_depth_, custom_depth_ + 1);
    for (std::size_t index : custom_order_) {
        if (!instances_[index].module) continue;
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_CUSTOM_NOTIFICATION, PipelineEvent::Kind::custom,
                       [&](CHttpModule& module) {
                           return module.OnCustomRequestNotification(&context_, provider);
                       });
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return S_OK;
}

// T-21: once per send, LAST to FIRST; log data only on the final send, and only to modules
// registered FIRST or HIGH (PROV-6).
template <class Unused>
DWORD RequestRun<Unused>::before_send(bool headers_being_sent, bool final, DWORD flags) {
    for (std::size_t index : send_order_) {
        if (!instances_[index].module) continue;
        const Priority priority = instances_[index].loaded->info->priority(
            PriorityRequest::Kind::request, RQ_SEND_RESPONSE);
        const bool sees_log =
            final && static_cast<int>(priority) <= static_cast<int>(Priority::high);
        FakeSendResponseProvider provider(headers_being_sent, flags,
                                          sees_log ? &log_fields_.Base : nullptr, final);
        if (sees_log)
            provider.on_set_log_data([this](const HTTP_LOG_DATA* data) { adopt_log_fields(data); });
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_SEND_RESPONSE, PipelineEvent::Kind::send_response,
                       [&](CHttpModule& module) { return module.OnSendResponse(&context_, &provider); });
        flags = provider.flags();
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return flags;
}

// PROV-6: SetLogData submits the values IIS logs; they are copied, as the module's memory may
// go when the handler returns.
template <class Unused>
void RequestRun<Unused>::adopt_log_fields(const HTTP_LOG_DATA* submitted) {
    if (!submitted || submitted == &log_fields_.Base || submitted->Type != HttpLogDataTypeFields)
        return;
    const auto& fields = *reinterpret_cast<const HTTP_LOG_FIELDS_DATA*>(submitted);
    // Copied before assigning: the module's values may point into these strings.
    auto narrow = [this](std::size_t slot, const char* text, USHORT length, PCHAR& out,
                         USHORT& out_length) {
        std::string value(text ? text : "", text ? length : 0);
        log_strings_[slot].swap(value);
        out = &log_strings_[slot][0];
        out_length = static_cast<USHORT>(log_strings_[slot].size());
    };
    auto wide = [this](std::size_t slot, const WCHAR* text, USHORT bytes, PWCHAR& out,
                       USHORT& out_bytes) {
        detail::wide_string value(text ? text : L"", text ? bytes / sizeof(WCHAR) : 0);
        log_wide_[slot].swap(value);
        out = &log_wide_[slot][0];
        out_bytes = static_cast<USHORT>(log_wide_[slot].size() * sizeof(WCHAR));
    };
    narrow(0, fields.Method, fields.MethodLength, log_fields_.Method, log_fields_.MethodLength);
    narrow(1, fields.Host, fields.HostLength, log_fields_.Host, log_fields_.HostLength);
    narrow(2, fields.UserAgent, fields.UserAgentLength, log_fields_.UserAgent,
           log_fields_.UserAgentLength);
    narrow(3, fields.Cookie, fields.CookieLength, log_fields_.Cookie, log_fields_.CookieLength);
    narrow(4, fields.Referrer, fields.ReferrerLength, log_fields_.Referrer,
           log_fields_.ReferrerLength);
    narrow(5, fields.UriQuery, fields.UriQueryLength, log_fields_.UriQuery,
           log_fields_.UriQueryLength);
    narrow(6, fields.ClientIp, fields.ClientIpLength, log_fields_.ClientIp,
           log_fields_.ClientIpLength);
    narrow(7, fields.ServerIp, fields.ServerIpLength, log_fields_.ServerIp,
           log_fields_.ServerIpLength);
    wide(0, fields.UriStem, fields.UriStemLength, log_fields_.UriStem, log_fields_.UriStemLength);
    wide(1, fields.UserName, fields.UserNameLength, log_fields_.UserName,
         log_fields_.UserNameLength);
    log_fields_.ServerPort = fields.ServerPort;
    log_fields_.ProtocolStatus = fields.ProtocolStatus;
    log_fields_.Win32Status = fields.Win32Status;
    log_fields_.MethodNum = fields.MethodNum;
    log_fields_.SubStatus = fields.SubStatus;
}

// PROV-5: each module that registered RQ_MAP_PATH sees the mapping and may replace it.
template <class Unused>
void RequestRun<Unused>::map_path(const WCHAR* url, std::basic_string<WCHAR>& physical_path) {
    for (std::size_t index : map_path_order_) {
        if (!instances_[index].module) continue;
        FakeMapPathProvider provider(url, physical_path);
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_MAP_PATH, PipelineEvent::Kind::map_path,
                       [&](CHttpModule& module) { return module.OnMapPath(&context_, &provider); });
        physical_path = provider.GetPhysicalPath();
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
}

// PROV-7: each module that registered RQ_READ_ENTITY sees the bytes read from the client and
// may substitute others (as many as fit the reader's buffer).
template <class Unused>
DWORD RequestRun<Unused>::read_entity(unsigned char* buffer, DWORD bytes, DWORD capacity) {
    for (std::size_t index : read_entity_order_) {
        if (!instances_[index].module) continue;
        FakeReadEntityProvider provider(buffer, bytes, capacity);
        const REQUEST_NOTIFICATION_STATUS status =
            call_aside(index, RQ_READ_ENTITY, PipelineEvent::Kind::read_entity,
                       [&](CHttpModule& module) { return module.OnReadEntity(&context_, &provider); });
        PVOID data = nullptr;
        DWORD length = 0;
        DWORD size = 0;
        provider.GetEntity(&data, &length, &size);
        if (length > capacity) length = capacity;
        if (data && data != buffer && length > 0) std::memmove(buffer, data, length);
        bytes = data ? length : 0;
        if (status == RQ_NOTIFICATION_FINISH_REQUEST) break;
    }
    return bytes;
}

// What IIS's StaticFileModule does when no module handles the request: the file, or 404.
template <class Unused>
void RequestRun<Unused>::serve_static() {
    ActingForIis quiet;
    IHttpResponse* response = &context_.response();
    const std::string path = utf8_of(context_.GetScriptName());
    const auto file = host_.files_.find(path);
    if (file == host_.files_.end()) {
        response->SetStatus(404, "Not Found");
    } else {
        response->SetStatus(200, "OK");
        response->SetHeader(HttpHeaderContentType, file->second.content_type.c_str(),
                            static_cast<USHORT>(file->second.content_type.size()), TRUE);
        HTTP_DATA_CHUNK chunk;
        std::memset(&chunk, 0, sizeof chunk);
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = const_cast<char*>(file->second.body.data());
        chunk.FromMemory.BufferLength = static_cast<ULONG>(file->second.body.size());
        DWORD sent = 0;
        if (!file->second.body.empty()) response->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &sent);
    }
    auto guard = core().lock();
    events_.push_back(PipelineEvent{PipelineEvent::Kind::handler, "StaticFileModule",
                                    RQ_EXECUTE_REQUEST_HANDLER, false,
                                    RQ_NOTIFICATION_CONTINUE});
}

// The HTTP_LOG_FIELDS_DATA behind GetLogData on the final send (PROV-6).
template <class Unused>
void RequestRun<Unused>::fill_log_fields() {
    ActingForIis quiet;
    const HTTP_REQUEST* raw = context_.request().GetRawHttpRequest();
    const HTTP_RESPONSE* response = context_.response().GetRawHttpResponse();
    auto narrow = [this](std::size_t slot, const char* text, std::size_t length, PCHAR& out,
                         USHORT& out_length) {
        log_strings_[slot].assign(text ? text : "", text ? length : 0);
        out = &log_strings_[slot][0];
        out_length = static_cast<USHORT>(std::min<std::size_t>(log_strings_[slot].size(), 0xFFFF));
    };
    auto header = [raw](HTTP_HEADER_ID id, USHORT& length) -> const char* {
        length = raw->Headers.KnownHeaders[id].RawValueLength;
        return raw->Headers.KnownHeaders[id].pRawValue;
    };
    USHORT length = 0;
    const char* method = context_.request().GetHttpMethod();
    narrow(0, method, method ? std::strlen(method) : 0, log_fields_.Method,
           log_fields_.MethodLength);
    const char* host = header(HttpHeaderHost, length);
    narrow(1, host, length, log_fields_.Host, log_fields_.HostLength);
    const char* agent = header(HttpHeaderUserAgent, length);
    narrow(2, agent, length, log_fields_.UserAgent, log_fields_.UserAgentLength);
    const char* cookie = header(HttpHeaderCookie, length);
    narrow(3, cookie, length, log_fields_.Cookie, log_fields_.CookieLength);
    const char* referrer = header(HttpHeaderReferer, length);
    narrow(4, referrer, length, log_fields_.Referrer, log_fields_.ReferrerLength);
    std::string query;
    if (raw->CookedUrl.pQueryString && raw->CookedUrl.QueryStringLength > sizeof(WCHAR))
        query = wide_to_utf8(raw->CookedUrl.pQueryString + 1,
                             raw->CookedUrl.QueryStringLength / sizeof(WCHAR) - 1);
    narrow(5, query.data(), query.size(), log_fields_.UriQuery, log_fields_.UriQueryLength);
    log_wide_[0].assign(raw->CookedUrl.pAbsPath ? raw->CookedUrl.pAbsPath : L"",
                        raw->CookedUrl.pAbsPath ? raw->CookedUrl.AbsPathLength / sizeof(WCHAR)
                                                : 0);
    log_fields_.UriStem = &log_wide_[0][0];
    log_fields_.UriStemLength = static_cast<USHORT>(
        std::min<std::size_t>(log_wide_[0].size() * sizeof(WCHAR), 0xFFFF));  // bytes
    log_fields_.ProtocolStatus = response->StatusCode;
    log_fields_.SubStatus = context_.response().substatus();
    log_fields_.MethodNum = raw->Verb;
}

template <class Unused>
void RequestRun<Unused>::end() {
    {
        auto guard = core().lock();
        if (step_ != Step::ending) return;
    }
    for (std::size_t index = 0; index < instances_.size(); ++index) {
        CHttpModule* module = instances_[index].module;
        if (!module) continue;
        instances_[index].module = nullptr;
        record(PipelineEvent::Kind::dispose, index, 0, false);
        module->Dispose();  // MOD-2: never delete (the destructor is protected)
    }
    context_.end_request();  // stored contexts cleaned up, request memory freed (CONT-1, CTX-4)
    const std::size_t left = core().discard_pending();
    {
        auto guard = core().lock();
        step_ = Step::finished;
    }
    if (left > 0)
        core().report("ModuleHost", "T-10",
                      std::to_string(left) +
                          " asynchronous operation(s) still pending when the request ended: a "
                          "module returned without waiting for its completion",
                      S_OK, "the completion never arrives");
}

template <class Unused>
std::size_t RequestRun<Unused>::record(PipelineEvent::Kind kind, std::size_t index,
                                       DWORD notification, bool post) {
    auto guard = core().lock();
    events_.push_back(
        PipelineEvent{kind, module_name(index), notification, post, RQ_NOTIFICATION_CONTINUE});
    return events_.size() - 1;
}

template <class Unused>
void RequestRun<Unused>::returned(std::size_t event, REQUEST_NOTIFICATION_STATUS status) {
    auto guard = core().lock();
    events_[event].status = status;
}

template <class Unused>
void RequestRun<Unused>::check_overridden(std::size_t index, const char* what) {
    const char* method = unhandled_on_this_thread();
    if (!method) return;
    unhandled_on_this_thread() = nullptr;
    core().report("ModuleHost", "T-9",
                  "module '" + module_name(index) + "' is called for " + what + " but " +
                      method +
                      " ran: its handler does not override CHttpModule's (check the parameter "
                      "types)",
                  S_OK, "IIS calls DebugBreak, which stops the worker process");
}

template <class Unused>
void RequestRun<Unused>::report_stall(const char* who) {
    std::string problem;
    {
        auto guard = core().lock();
        switch (step_) {
            case Step::not_started:
            case Step::finished:
                return;
            case Step::running:
            case Step::ending:
                problem = "the pipeline is still running on another thread after " +
                          std::to_string(host_.options_.hang_timeout_ms) + " ms";
                break;
            case Step::waiting:
                problem = "the request is stalled: module '" + module_name(waiting_) +
                          "' returned RQ_NOTIFICATION_PENDING from " +
                          notification_name(1u << waiting_stage_, waiting_post_) +
                          " and no operation, posted completion or IndicateCompletion is "
                          "outstanding";
                break;
        }
    }
    core().report(who, "PIPE-9", problem, S_OK, "the request never completes");
}

template <class Unused>
std::string RequestRun<Unused>::module_name(std::size_t index) const {
    return index < instances_.size() ? instances_[index].loaded->info->name() : std::string();
}

}  // namespace detail

// ---- ModuleHost -------------------------------------------------------------------------------

template <class Unused>
ModuleHostBase<Unused>::ModuleHostBase(HostOptions options)
    : options_(options), server_interface_(&server_) {
    server_.set_admin_manager(configuration_.admin_manager());
    // SRV-10: what a module asks of the server reaches the global modules.
    server_.on_custom_notification([this](ICustomNotificationProvider* provider) {
        return notify_global(GL_CUSTOM_NOTIFICATION, provider);
    });
    server_.on_configuration_change(
        [this](PCWSTR path) { configuration_change(path ? detail::utf8_of(path) : std::string()); });
    server_.on_file_change(
        [this](PCWSTR file) { file_change(file ? detail::utf8_of(file) : std::string()); });
}

template <class Unused>
void ModuleHostBase<Unused>::set_misuse_handler(MisuseHandler handler) {
    misuse_handler_ = handler;
    server_.set_misuse_handler(handler);
    configuration_.set_misuse_handler(std::move(handler));
}

template <class Unused>
FakeHttpApplication& ModuleHostBase<Unused>::application() {
    if (!application_)
        application_.reset(new FakeHttpApplication(
            detail::widen_utf8(settings_.physical_root),
            detail::widen_utf8(settings_.application_id),
            detail::widen_utf8(settings_.config_path), MisuseReporter()));
    return *application_;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::application_start() {
    FakeApplicationProvider provider(&application());
    return notify_global(GL_APPLICATION_START, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::application_stop() {
    FakeApplicationProvider provider(&application());
    return notify_global(GL_APPLICATION_STOP, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::stop_listening(bool drain_gracefully) {
    FakeStopListeningProvider provider(drain_gracefully);
    return notify_global(GL_STOP_LISTENING, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::configuration_change(const std::string& path) {
    FakeConfigurationChangeProvider provider(path);
    return notify_global(GL_CONFIGURATION_CHANGE, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::file_change(const std::string& file_name) {
    FakeFileChangeProvider provider(file_name);
    return notify_global(GL_FILE_CHANGE, &provider);
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::thread_cleanup() {
    FakeThreadCleanupProvider provider(&application());
    return notify_global(GL_THREAD_CLEANUP, &provider);
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::report(const char* method, const char* rule, std::string problem,
                                       HRESULT result) {
    misuses_.push_back(
        Misuse{method, rule, std::move(problem), result, "IIS returns " + hresult_text(result)});
    if (misuse_handler_) misuse_handler_(misuses_.back());
    return result;
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::load(const std::string& name, PFN_REGISTERMODULE register_module) {
    if (!register_module)
        return report("ModuleHost::load", "REG-1", "the RegisterModule function is NULL",
                      E_INVALIDARG);
    if (registration(name))
        return report("ModuleHost::load", "REG-3",
                      "a module named '" + name + "' is already loaded (IIS refuses duplicate "
                                                  "names in <globalModules>)",
                      HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    std::unique_ptr<detail::LoadedModule> module(new detail::LoadedModule{
        std::unique_ptr<FakeModuleRegistrationInfo>(new FakeModuleRegistrationInfo(name)), false});
    module->info->set_misuse_handler(misuse_handler_);
    const HRESULT result =
        register_module(options_.server_version, module->info.get(), server_interface_);
    module->loaded = SUCCEEDED(result);
    modules_.push_back(std::move(module));
    return result;
}

template <class Unused>
HRESULT ModuleHostBase<Unused>::add(const std::string& name, IHttpModuleFactory* factory,
                                    DWORD notifications, DWORD post_notifications) {
    if (registration(name))
        return report("ModuleHost::add", "REG-3",
                      "a module named '" + name + "' is already loaded",
                      HRESULT_FROM_WIN32(ERROR_ALREADY_EXISTS));
    std::unique_ptr<detail::LoadedModule> module(new detail::LoadedModule{
        std::unique_ptr<FakeModuleRegistrationInfo>(new FakeModuleRegistrationInfo(name)), false});
    module->info->set_misuse_handler(misuse_handler_);
    const HRESULT result =
        module->info->SetRequestNotifications(factory, notifications, post_notifications);
    module->loaded = SUCCEEDED(result);
    modules_.push_back(std::move(module));
    return result;
}

template <class Unused>
FakeModuleRegistrationInfo* ModuleHostBase<Unused>::registration(const std::string& name) {
    for (const auto& module : modules_)
        if (module->info->name() == name) return module->info.get();
    return nullptr;
}

template <class Unused>
HostedRequest ModuleHostBase<Unused>::start(const RequestBuilder& request) {
    if (shut_down_)
        report("ModuleHost::start", "REG-4",
               "a request after shutdown(): the factories were terminated", S_OK);
    return HostedRequest(new detail::RequestRun<Unused>(*this, request));
}

template <class Unused>
std::vector<std::size_t> ModuleHostBase<Unused>::global_order(DWORD notification) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < modules_.size(); ++i)
        if (modules_[i]->loaded && modules_[i]->info->global_module() &&
            (modules_[i]->info->global_notifications() & notification) != 0)
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return static_cast<int>(
                   modules_[a]->info->priority(PriorityRequest::Kind::global, notification)) <
               static_cast<int>(
                   modules_[b]->info->priority(PriorityRequest::Kind::global, notification));
    });
    return out;
}

template <class Unused>
GLOBAL_NOTIFICATION_STATUS ModuleHostBase<Unused>::notify_global(DWORD notification,
                                                                 IHttpEventProvider* provider) {
    GLOBAL_NOTIFICATION_STATUS result = GL_NOTIFICATION_CONTINUE;
    for (std::size_t index : global_order(notification)) {
        CGlobalModule* global = modules_[index]->info->global_module();
        const std::string& name = modules_[index]->info->name();
        const char* handler = "";
        detail::unhandled_on_this_thread() = nullptr;
        switch (notification) {
            case GL_STOP_LISTENING:
                handler = "OnGlobalStopListening";
                result = global->OnGlobalStopListening(
                    static_cast<IGlobalStopListeningProvider*>(provider));
                break;
            case GL_CACHE_CLEANUP:
                handler = "OnGlobalCacheCleanup";
                result = global->OnGlobalCacheCleanup();
                break;
            case GL_CACHE_OPERATION:
                handler = "OnGlobalCacheOperation";
                result = global->OnGlobalCacheOperation(static_cast<ICacheProvider*>(provider));
                break;
            case GL_HEALTH_CHECK:
                handler = "OnGlobalHealthCheck";
                result = global->OnGlobalHealthCheck();
                break;
            case GL_CONFIGURATION_CHANGE:
                handler = "OnGlobalConfigurationChange";
                result = global->OnGlobalConfigurationChange(
                    static_cast<IGlobalConfigurationChangeProvider*>(provider));
                break;
            case GL_FILE_CHANGE:
                handler = "OnGlobalFileChange";
                result = global->OnGlobalFileChange(static_cast<IGlobalFileChangeProvider*>(provider));
                break;
            case GL_PRE_BEGIN_REQUEST:
                handler = "OnGlobalPreBeginRequest";
                result =
                    global->OnGlobalPreBeginRequest(static_cast<IPreBeginRequestProvider*>(provider));
                break;
            case GL_APPLICATION_START:
                handler = "OnGlobalApplicationStart";
                result = global->OnGlobalApplicationStart(
                    static_cast<IHttpApplicationStartProvider*>(provider));
                break;
            case GL_APPLICATION_RESOLVE_MODULES:
                handler = "OnGlobalApplicationResolveModules";
                result = global->OnGlobalApplicationResolveModules(
                    static_cast<IHttpApplicationResolveModulesProvider*>(provider));
                break;
            case GL_APPLICATION_STOP:
                handler = "OnGlobalApplicationStop";
                result = global->OnGlobalApplicationStop(
                    static_cast<IHttpApplicationStopProvider*>(provider));
                break;
            case GL_RSCA_QUERY:
                handler = "OnGlobalRSCAQuery";
                result = global->OnGlobalRSCAQuery(static_cast<IGlobalRSCAQueryProvider*>(provider));
                break;
            case GL_TRACE_EVENT:
                handler = "OnGlobalTraceEvent";
                result =
                    global->OnGlobalTraceEvent(static_cast<IGlobalTraceEventProvider*>(provider));
                break;
            case GL_CUSTOM_NOTIFICATION:
                handler = "OnGlobalCustomNotification";
                result = global->OnGlobalCustomNotification(
                    static_cast<ICustomNotificationProvider*>(provider));
                break;
            case GL_THREAD_CLEANUP:
                handler = "OnGlobalThreadCleanup";
                result = global->OnGlobalThreadCleanup(
                    static_cast<IGlobalThreadCleanupProvider*>(provider));
                break;
            case GL_APPLICATION_PRELOAD:
                handler = "OnGlobalApplicationPreload";
                result = global->OnGlobalApplicationPreload(
                    static_cast<IGlobalApplicationPreloadProvider*>(provider));
                break;
            default:
                report("ModuleHost::notify_global", "REG-5",
                       "not one GL_* notification the host can raise: " +
                           std::to_string(notification),
                       S_OK);
                return GL_NOTIFICATION_CONTINUE;
        }
        global_trace_.push_back(name + "." + handler);
        if (const char* method = detail::unhandled_on_this_thread()) {
            detail::unhandled_on_this_thread() = nullptr;
            report("ModuleHost::notify_global", "T-9",
                   "module '" + name + "' registered for " + handler + " but " + method +
                       " ran: its handler does not override CGlobalModule's (check the signature)",
                   S_OK);
        }
        if (result == GL_NOTIFICATION_HANDLED) break;  // no further global modules
    }
    return result;
}

template <class Unused>
void ModuleHostBase<Unused>::shutdown() {
    if (shut_down_) return;
    shut_down_ = true;
    for (auto module = modules_.rbegin(); module != modules_.rend(); ++module) {
        const FakeModuleRegistrationInfo& info = *(*module)->info;
        if (IHttpModuleFactory* factory = info.factory()) {
            global_trace_.push_back(info.name() + ".IHttpModuleFactory::Terminate");
            factory->Terminate();  // REG-4
        }
        if (CGlobalModule* global = info.global_module()) {
            global_trace_.push_back(info.name() + ".CGlobalModule::Terminate");
            global->Terminate();  // REG-5
        }
    }
}

#if defined(IISFAKE_CONFIG_IMPLEMENT)
template class detail::RequestRun<void>;
template class ModuleHostBase<void>;
#endif

IISFAKE_END_NAMESPACE

#endif
