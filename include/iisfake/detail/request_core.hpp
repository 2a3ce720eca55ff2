#ifndef IISFAKE_DETAIL_REQUEST_CORE_HPP_INCLUDED
#define IISFAKE_DETAIL_REQUEST_CORE_HPP_INCLUDED

// The per-request core the request, response and context fakes share. In IIS a request's body
// reads, response writes, flushes and PostCompletions are one stream of operations: one ordered
// call log, one completion queue, one misuse handler, one list of injected faults. A fake built
// alone owns its core; a FakeHttpContext owns one for all three.

#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/call_log.hpp"
#include "iisfake/detail/callback.hpp"
#include "iisfake/detail/pipeline.hpp"
#include "iisfake/fake_completion_info.hpp"
#include "iisfake/misuse.hpp"
#include "iisfake/options.hpp"
#include "iisfake/sdk/httpserv.hpp"

IISFAKE_BEGIN_NAMESPACE

// Receives the completion of a pending operation (a body read, an asynchronous write or flush,
// NegotiateClientCertificate, PostCompletion) and returns what the module's completion handler
// returned. The pipeline host sets CHttpModule::OnAsyncCompletion of the running module.
using CompletionSink = Callback<REQUEST_NOTIFICATION_STATUS(IHttpCompletionInfo* info)>;

// One delivered completion, as recorded by the fake.
struct Completion {
    DWORD bytes;
    HRESULT status;
    DWORD operation;
    bool to_callback;  // delivered to a PFN_ASYNC_COMPLETION or completion routine
    bool delivered;    // false when no sink was set for the sink form
    REQUEST_NOTIFICATION_STATUS returned;  // what the sink or callback returned
};

namespace detail {

// How completions run when a test asks for threads (deliver_on_thread). The implementation,
// CompletionThreads, is in <iisfake/threaded_delivery.hpp>.
class Concurrency {
public:
    virtual ~Concurrency() = default;
    virtual void lock() = 0;
    virtual void unlock() = 0;
    virtual void run(Callback<void()> task) = 0;  // on a new thread
    virtual void join_all() = 0;  // until none is left, also those that tasks started
    virtual std::exception_ptr take_failure() = 0;  // the first exception a task threw
    virtual void pause() = 0;  // a millisecond, while another thread may post a completion
};

class CompletionThreads;  // include <iisfake/threaded_delivery.hpp> to use deliver_on_thread()

template <class Unused>
struct completion_threads_for {
    using type = CompletionThreads;
};

struct Transfer {
    DWORD bytes;
    HRESULT status;
    bool from_client = false;  // entity bytes read from the client (RQ_READ_ENTITY)
};

enum class OperationKind { read, negotiate, write, post };

struct Operation;

// The fake that started an operation does its part when it completes: a read fills the
// caller's buffer from the body as it is then, a write sends the chunks it kept.
class OperationOwner {
public:
    virtual Transfer complete_operation(const Operation& op) = 0;

protected:
    ~OperationOwner() = default;
};

struct Operation {
    OperationKind kind;
    OperationOwner* owner;  // NULL for PostCompletion: nothing to do but deliver
    unsigned char* buffer;  // a read's destination
    DWORD size;             // a read's capacity, a write's or PostCompletion's byte count
    bool has_callback;      // a PFN_ASYNC_COMPLETION form (IHttpRequest3, IHttpResponse2)
    PFN_ASYNC_COMPLETION callback;
    void* context;
    LPOVERLAPPED_COMPLETION_ROUTINE routine;  // IHttpContext3::PostCompletion
    CompletionSink sink;  // the sink when the operation started: the module that waits
    bool due;             // complete_before_return, delivered once the nesting unwinds
    bool more_data;       // a write's fMoreData
    // What the host makes of a PFN_ASYNC_COMPLETION callback's result (set at start).
    Callback<void(REQUEST_NOTIFICATION_STATUS)> callback_returned = nullptr;
};

// Gives a variable a value for a scope, then its old one back (a guard against re-entry, a
// nesting depth).
template <class T>
class ScopedValue {
public:
    ScopedValue(T& variable, T value) : variable_(variable), old_(variable) { variable_ = value; }
    ~ScopedValue() { variable_ = old_; }
    ScopedValue(const ScopedValue&) = delete;
    ScopedValue& operator=(const ScopedValue&) = delete;

private:
    T& variable_;
    T old_;
};

// Set while the fakes or the host act on a request's behalf (copying it for a clone, serving a
// static file): those calls are not the module's and stay out of its call log. Per thread, so a
// module's own thread calling at the same time is still logged.
inline bool& acting_for_iis() noexcept {
    static thread_local bool acting = false;
    return acting;
}

class ActingForIis {
public:
    // ActingForIis(false): module code runs again (a handler the host calls from inside).
    explicit ActingForIis(bool acting = true) noexcept : was_(acting_for_iis()) {
        acting_for_iis() = acting;
    }
    ~ActingForIis() { acting_for_iis() = was_; }
    ActingForIis(const ActingForIis&) = delete;
    ActingForIis& operator=(const ActingForIis&) = delete;

private:
    bool was_;
};

template <class Unused = void>
class RequestCore {
public:
    RequestCore() = default;
    RequestCore(const RequestCore&) = delete;
    RequestCore& operator=(const RequestCore&) = delete;
    ~RequestCore() {
        if (concurrency_) concurrency_->join_all();
    }

    class Lock {
    public:
        explicit Lock(Concurrency* threads) : threads_(threads) {
            if (threads_) threads_->lock();
        }
        ~Lock() {
            if (threads_) threads_->unlock();
        }
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;

    private:
        Concurrency* threads_;
    };
    Lock lock() const { return Lock(concurrency_.get()); }

    // ---- call log, faults, misuse ------------------------------------------------------------
    void record(On on, Method method, std::string arguments, HRESULT result) const {
        if (acting_for_iis()) return;
        Lock guard = lock();
        ++call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)];
        if (options_.record_calls) calls_.push_back(Call{method, std::move(arguments), result, on});
    }
    // Counts a call without logging it (the hot path of GetHeader with the log off, no threads).
    void count(On on, Method method) const {
        if (acting_for_iis()) return;
        ++call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)];
    }
    std::vector<Call> calls() const {
        Lock guard = lock();
        return std::vector<Call>(calls_.begin(), calls_.end());
    }
    std::vector<Call> calls(On on) const {
        Lock guard = lock();
        std::vector<Call> out;
        for (const Call& call : calls_)
            if (call.on == on) out.push_back(call);
        return out;
    }
    void clear_calls() {
        Lock guard = lock();
        calls_.clear();
    }
    void clear_calls(On on) {
        Lock guard = lock();
        std::deque<Call> kept;
        for (Call& call : calls_)
            if (call.on != on) kept.push_back(std::move(call));
        calls_.swap(kept);
    }

    HRESULT report(const char* method, const char* rule, std::string problem, HRESULT result,
                   const char* outcome = nullptr) const {
        Misuse misuse{method, rule, std::move(problem), result,
                      outcome ? std::string(outcome) : "IIS returns " + hresult_text(result)};
        {
            Lock guard = lock();
            misuses_.push_back(misuse);
        }
        if (misuse_handler_) misuse_handler_(misuse);
        return result;
    }
    // Reported once the call is in the log, so a throwing handler does not hide the call.
    HRESULT defer(const char* method, const char* rule, std::string problem, HRESULT result) {
        deferred_ = Misuse{method, rule, std::move(problem), result, std::string()};
        has_deferred_ = true;
        return result;
    }
    void report_deferred() {
        if (!has_deferred_) return;
        has_deferred_ = false;
        report(deferred_.method.c_str(), deferred_.rule.c_str(), deferred_.problem,
               deferred_.result);
    }

    void add_fault(On on, Method method, unsigned nth, HRESULT result) {
        faults_.push_back(Fault{on, check_fault(method, result), nth, result});
    }
    void clear_faults(On on) {
        std::vector<Fault> kept;
        for (const Fault& fault : faults_)
            if (fault.on != on) kept.push_back(fault);
        faults_.swap(kept);
    }
    // Whether this call is to fail; the count includes this call.
    bool injected(On on, Method method, HRESULT& result) const {
        const unsigned count =
            call_counts_[static_cast<int>(on)][static_cast<std::size_t>(method)] + 1;
        for (const auto& fault : faults_) {
            if (fault.on == on && fault.method == method &&
                (fault.nth == 0 || fault.nth == count)) {
                result = fault.result;
                return true;
            }
        }
        return false;
    }
    bool injected_recorded(On on, Method method, const std::string& arguments, HRESULT& result) {
        if (!injected(on, method, result)) return false;
        record(on, method, arguments, result);
        return true;
    }

    // ---- completion queue ----------------------------------------------------------------------
    void deliver_on_thread(bool on) {
        if (on && !concurrency_) {
            concurrency_.reset(new typename completion_threads_for<Unused>::type());
        } else if (!on && concurrency_) {
            wait_for_completions();
            concurrency_.reset();
        }
    }
    bool threaded() const noexcept { return static_cast<bool>(concurrency_); }
    // Completions on threads the caller made (ModuleHost::deliver_on_threads); takes it over.
    void adopt_concurrency(Concurrency* threads) {
        wait_for_completions();
        concurrency_.reset(threads);
    }
    // Waits for the completion threads without rethrowing what they threw (a destructor).
    void join_threads() {
        if (concurrency_) concurrency_->join_all();
    }
    // Waits a moment for a thread of the module's own (threaded delivery only).
    void pause() {
        if (concurrency_) concurrency_->pause();
    }
    void wait_for_completions() {
        if (!concurrency_) return;
        concurrency_->join_all();
        const std::exception_ptr failure = concurrency_->take_failure();
        if (failure) std::rethrow_exception(failure);
    }

    // Whether an asynchronous operation goes pending, per Options::async_policy (REQ-READ-5,
    // T-10); `counter` counts the asynchronous calls of its kind (reads, or writes).
    bool goes_pending(BOOL* pending_out, std::size_t& counter) const {
        if (!pending_out) return true;  // REQ-READ-9: the caller waits for a completion
        const std::size_t index = counter++;
        switch (options_.async_policy) {
            case AsyncPolicy::always_inline:
                return false;
            case AsyncPolicy::alternate:
                return index % 2 == 0;
            case AsyncPolicy::scripted:
                return index < options_.async_script.size() ? bool(options_.async_script[index])
                                                            : true;
            case AsyncPolicy::always_pending:
            case AsyncPolicy::complete_before_return:
                return true;
        }
        return true;
    }

    // Queues an operation that went pending (caller holds no lock). With complete_before_return
    // the completion arrives before the call that started it returns.
    void start(Operation op) {
        bool deliver_now = false;
        {
            Lock guard = lock();
            op.sink = sink_;
            op.callback_returned = callback_sink_;
            deliver_now = options_.async_policy == AsyncPolicy::complete_before_return;
            // Delivered before returning, so it never waits in pending_ where it could be
            // mistaken for an older operation.
            if (!deliver_now) pending_.push_back(op);
        }
        if (deliver_now) deliver_before_return(op);
    }
    // The same, for an operation the caller has already recorded and whose completion must
    // wait for the call to return (PostCompletion is always queued).
    void queue(Operation op) {
        Lock guard = lock();
        op.sink = sink_;
        op.callback_returned = callback_sink_;
        pending_.push_back(op);
    }
    // Whether an operation of this kind is pending (a second read, a second write).
    bool pending_of(OperationKind kind) const {
        Lock guard = lock();
        for (const Operation& op : pending_)
            if (op.kind == kind) return true;
        return false;
    }
    bool has_pending() const {
        Lock guard = lock();
        return !pending_.empty();
    }
    std::size_t pending_count() const {
        Lock guard = lock();
        return pending_.size();
    }
    std::vector<Completion> completions() const {
        Lock guard = lock();
        return completions_;
    }
    void complete_pending(const char* who) { complete_oldest(who, false, S_OK, 0); }
    void complete_pending_with(const char* who, HRESULT status, DWORD bytes) {
        complete_oldest(who, true, status, bytes);
    }
    // Cancels what is pending now, as CancelIo does; an operation the module starts from the
    // aborted completion is new I/O and stays pending.
    void cancel_pending(const char* who) {
        const std::size_t count = pending_count();
        for (std::size_t i = 0; i < count; ++i)
            complete_oldest(who, true, HRESULT_FROM_WIN32(ERROR_OPERATION_ABORTED), 0);
    }
    // Drops what is still pending: the request has ended and IIS delivers nothing after.
    std::size_t discard_pending() {
        Lock guard = lock();
        const std::size_t count = pending_.size();
        pending_.clear();
        return count;
    }
    void expect_nothing_pending(const char* who) {
        const std::size_t count = pending_count();
        if (count > 0)
            report(who, "T-10", std::to_string(count) + " asynchronous operation(s) still pending",
                   S_OK, "the completion never arrives");
    }
    // At the request's end: threads joined, an operation still pending reported.
    void end_of_request(const char* who) {
        if (concurrency_) concurrency_->join_all();
        if (!pending_.empty() && std::uncaught_exceptions() == 0)
            report(who, "T-10",
                   std::to_string(pending_.size()) +
                       " asynchronous operation(s) still pending when the request ended; a "
                       "module must wait for its completion",
                   S_OK, "the completion never arrives");
    }

    Options options_;
    MisuseHandler misuse_handler_ = throw_misuse;
    mutable std::vector<Misuse> misuses_;
    CompletionSink sink_;
    Callback<void(REQUEST_NOTIFICATION_STATUS)> callback_sink_;  // set with sink_ by the host
    IHttpContext3* http_context_ = nullptr;  // what PFN_ASYNC_COMPLETION callbacks receive
    Pipeline* pipeline_ = nullptr;           // the host running the request (ModuleHost)
    std::string name_ = "FakeHttpRequest";   // the fake that owns it, for misuse reports

private:
    struct Fault {
        On on;
        Method method;
        unsigned nth;  // 0: every call
        HRESULT result;
    };

    void complete_oldest(const char* who, bool forced, HRESULT status, DWORD bytes) {
        Operation op{};
        {
            Lock guard = lock();
            if (pending_.empty()) {
                report(who, "T-10",
                       "a completion was requested but no asynchronous operation is pending", S_OK,
                       "nothing is delivered");
                return;
            }
            const Operation& oldest = pending_.front();
            if (forced && oldest.kind != OperationKind::write &&
                oldest.kind != OperationKind::post && bytes > oldest.size)
                throw std::invalid_argument(
                    "iisfake: complete_pending_with: " + std::to_string(bytes) +
                    " bytes do not fit the pending operation's buffer of " +
                    std::to_string(oldest.size) + " bytes");
            op = oldest;
            pending_.pop_front();
        }
        dispatch(op, forced, status, bytes);
    }

    void dispatch(Operation op, bool forced, HRESULT status, DWORD bytes) {
        if (!concurrency_) {
            finish(op, forced, status, bytes);
            return;
        }
        concurrency_->run([this, op, forced, status, bytes] { finish(op, forced, status, bytes); });
    }

    // AsyncPolicy::complete_before_return. A module that reads again from its completion would
    // nest one delivery per read on this stack, and a large body would overflow it; IIS
    // delivers on pool threads and never nests without bound. So past a few levels the
    // completion waits in pending_, marked due, and the outermost delivery runs it once the call
    // that started it has returned: the stack stays flat whatever the body's size.
    void deliver_before_return(Operation op) {
        if (concurrency_) {
            dispatch(op, false, S_OK, 0);
            return;
        }
        if (delivery_depth_ >= max_nested_deliveries) {
            op.due = true;
            pending_.push_back(op);
            return;
        }
        struct Depth {
            std::size_t& depth;
            explicit Depth(std::size_t& d) : depth(d) { ++depth; }
            ~Depth() { --depth; }
            Depth(const Depth&) = delete;
            Depth& operator=(const Depth&) = delete;
        } depth(delivery_depth_);
        finish(op, false, S_OK, 0);
        if (delivery_depth_ > 1) return;
        for (;;) {
            auto due = pending_.begin();
            while (due != pending_.end() && !due->due) ++due;
            if (due == pending_.end()) return;
            Operation next = *due;
            pending_.erase(due);
            finish(next, false, S_OK, 0);
        }
    }

    void finish(const Operation& op, bool forced, HRESULT status, DWORD bytes) {
        Transfer result{bytes, status};
        // The owner locks what it touches itself: what it raises (OnReadEntity, OnSendResponse)
        // is module code, which must not run under the request's lock (T-26).
        if (!forced) result = op.owner ? op.owner->complete_operation(op) : Transfer{op.size, S_OK};
        FakeHttpCompletionInfo info(result.bytes, result.status,
                                    op.kind == OperationKind::read ? options_.read_operation_code
                                                                   : options_.other_operation_code);
        const bool to_callback = op.has_callback || op.routine != nullptr;
        const bool delivered = to_callback || static_cast<bool>(op.sink);
        std::size_t slot = 0;
        {
            // Recorded before delivery: a completion delivered from inside this one (the module
            // reads again and complete_before_return completes that read) comes after it.
            Lock guard = lock();
            slot = completions_.size();
            completions_.push_back(Completion{result.bytes, result.status,
                                              info.GetCompletedOperation(), to_callback, delivered,
                                              RQ_NOTIFICATION_CONTINUE});
        }
        // Without a sink (a test that only looks at the buffer) the completion goes nowhere; it
        // is still in completions(), with delivered == false. But a sink set after the operation
        // started means the test expected it to arrive: the module would never resume.
        if (!delivered) {
            bool sink_now = false;
            {
                Lock guard = lock();
                sink_now = static_cast<bool>(sink_);
            }
            if (sink_now)
                report((name_ + "::complete_pending").c_str(), "REQ-READ-5",
                       "the operation started before set_completion_sink(), so its completion "
                       "has no sink: in IIS it resumes the module that started it; set the sink "
                       "first",
                       S_OK, "the completion is dropped and the module never resumes");
            return;
        }
        REQUEST_NOTIFICATION_STATUS returned = RQ_NOTIFICATION_CONTINUE;
        if (op.routine) {
            // An OVERLAPPED completion routine gets a Win32 error code, not an HRESULT.
            const DWORD code =
                SUCCEEDED(result.status) ? 0u : static_cast<DWORD>(result.status) & 0xFFFFu;
            op.routine(code, result.bytes, static_cast<LPOVERLAPPED>(op.context));
        } else if (op.has_callback) {
            returned = op.callback(http_context_, &info, op.context);
            // REQ-R3-3 [I]: the callback's result stands for the pending notification's.
            if (op.callback_returned) op.callback_returned(returned);
        } else {
            returned = op.sink(&info);
        }
        Lock guard = lock();
        completions_[slot].returned = returned;
    }

    mutable std::deque<Call> calls_;  // a deque: no reallocation spikes in long logs
    mutable unsigned call_counts_[3][method_count] = {};
    std::vector<Fault> faults_;
    Misuse deferred_;
    bool has_deferred_ = false;

    std::deque<Operation> pending_;
    std::vector<Completion> completions_;
    // Completions delivered inside the call that started them, nested on this stack.
    static constexpr std::size_t max_nested_deliveries = 8;
    std::size_t delivery_depth_ = 0;
    std::unique_ptr<Concurrency> concurrency_;  // set while completions run on threads
};

}  // namespace detail

IISFAKE_END_NAMESPACE

#endif
