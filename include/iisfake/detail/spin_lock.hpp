#ifndef IISFAKE_DETAIL_SPIN_LOCK_HPP_INCLUDED
#define IISFAKE_DETAIL_SPIN_LOCK_HPP_INCLUDED

// A small lock on std::atomic for the fakes IIS calls from many request threads at once (the
// server, its dispensed containers): <mutex> would reach every test file through the umbrella,
// and the sections it guards are a few loads and stores. Never held while calling out (module
// code, hooks, the misuse handler), so it never nests.

#include <atomic>

#include "iisfake/config.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

class SpinLock {
public:
    SpinLock() = default;
    SpinLock(const SpinLock&) = delete;
    SpinLock& operator=(const SpinLock&) = delete;

    void lock() noexcept {
        while (locked_.exchange(true, std::memory_order_acquire)) {
            while (locked_.load(std::memory_order_relaxed)) {
            }
        }
    }
    void unlock() noexcept { locked_.store(false, std::memory_order_release); }

private:
    std::atomic<bool> locked_{false};
};

class SpinGuard {
public:
    explicit SpinGuard(SpinLock& lock) noexcept : lock_(lock) { lock_.lock(); }
    ~SpinGuard() { lock_.unlock(); }
    SpinGuard(const SpinGuard&) = delete;
    SpinGuard& operator=(const SpinGuard&) = delete;

private:
    SpinLock& lock_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
