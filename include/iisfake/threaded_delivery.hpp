#ifndef IISFAKE_THREADED_DELIVERY_HPP_INCLUDED
#define IISFAKE_THREADED_DELIVERY_HPP_INCLUDED

// Completions on a second thread, as IIS delivers them from its pool, sometimes before the
// notification that started the operation has returned. Include this header (or define
// IISFAKE_CONFIG_THREADED_DELIVERY before <iisfake/iisfake.hpp>) to use
// FakeHttpRequest::deliver_on_thread(); it is apart so that <thread> and <mutex> reach only the
// test files that need them.

#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "iisfake/detail/request_core.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

class CompletionThreads final : public Concurrency {
public:
    CompletionThreads() = default;
    CompletionThreads(const CompletionThreads&) = delete;
    CompletionThreads& operator=(const CompletionThreads&) = delete;
    ~CompletionThreads() override { join_all(); }

    void lock() override { mutex_.lock(); }
    void unlock() override { mutex_.unlock(); }

    void run(Callback<void()> task) override {
        // Under the lock: a completion whose module reads again starts the next thread while
        // the test thread may be joining.
        std::lock_guard<std::recursive_mutex> guard(mutex_);
        threads_.emplace_back([this, task] {
            try {
                task();
            } catch (...) {
                std::lock_guard<std::recursive_mutex> failure_guard(mutex_);
                if (!failure_) failure_ = std::current_exception();
            }
        });
    }

    void join_all() override {
        for (;;) {
            std::vector<std::thread> running;
            {
                std::lock_guard<std::recursive_mutex> guard(mutex_);
                running.swap(threads_);
            }
            if (running.empty()) return;
            for (auto& thread : running)
                if (thread.joinable()) thread.join();
        }
    }

    void pause() override { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }

    std::exception_ptr take_failure() override {
        std::lock_guard<std::recursive_mutex> guard(mutex_);
        std::exception_ptr failure = failure_;
        failure_ = nullptr;
        return failure;
    }

private:
    std::recursive_mutex mutex_;
    std::vector<std::thread> threads_;
    std::exception_ptr failure_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
