#ifndef IISFAKE_DEBUG_LOG_HPP_INCLUDED
#define IISFAKE_DEBUG_LOG_HPP_INCLUDED

// What module code said to the debugger, for tests to read: OutputDebugString text, DebugBreak
// calls, and the CHttpModule/CGlobalModule default handlers that ran (a module subscribed to a
// notification without overriding its handler, T-9). Like the Win32 calls it records, it is
// one log for the process: tests read it with debug_log() and empty it with
// clear_debug_log(). A program that calls either has the recorders installed before main.

#include <atomic>
#include <string>
#include <vector>

#include "iisfake/detail/text.hpp"
#include "iisfake/hooks.hpp"

IISFAKE_BEGIN_NAMESPACE

struct DebugLog {
    std::vector<std::string> output;     // each OutputDebugString call, UTF-8
    std::vector<std::string> unhandled;  // e.g. "CHttpModule::OnBeginRequest"
    unsigned breaks = 0;                 // DebugBreak calls (none traps)
};

namespace detail {

// A spin lock: module threads may write while a test reads, and <mutex> would reach every test
// file that includes iisfake.
class DebugLogState {
public:
    template <class Change>
    void change(Change apply) {
        Hold hold(busy_);  // released if apply throws (bad_alloc)
        apply(log_);
    }
    DebugLog copy() {
        DebugLog out;
        change([&out](DebugLog& log) { out = log; });
        return out;
    }

private:
    class Hold {
    public:
        explicit Hold(std::atomic_flag& flag) : flag_(flag) {
            while (flag_.test_and_set(std::memory_order_acquire)) {
            }
        }
        ~Hold() { flag_.clear(std::memory_order_release); }
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

    private:
        std::atomic_flag& flag_;
    };

    std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
    DebugLog log_;
};

inline DebugLogState& debug_log_state() {
    static DebugLogState state;
    return state;
}

inline void record_debug_output(const char* text) {
    const std::string line(text);
    debug_log_state().change([&line](DebugLog& log) { log.output.push_back(line); });
}

inline void record_debug_output_wide(const WCHAR* text) {
    std::size_t length = 0;
    while (text[length]) ++length;
    record_debug_output(wide_to_utf8(text, length).c_str());
}

inline void record_debug_break() {
    debug_log_state().change([](DebugLog& log) { ++log.breaks; });
}

inline void record_unhandled(const char* method) {
    const std::string name(method);
    debug_log_state().change([&name](DebugLog& log) { log.unhandled.push_back(name); });
}

template <class Unused>
bool install_debug_recorders() noexcept {
    Hooks& installed = hooks();
    installed.debug_output = &record_debug_output;
    installed.debug_output_wide = &record_debug_output_wide;
    installed.debug_break = &record_debug_break;
    installed.unhandled_notification = &record_unhandled;
    return true;
}

// Installed before main, so before any module runs, in every program that reads the log: a
// template's static member is instantiated (with its recorders and their std::vector code)
// only in the files that call debug_log() or clear_debug_log(), not in every file that
// includes iisfake.
template <class = void>
struct DebugRecorders {
    static const bool installed;
};
template <class Unused>
const bool DebugRecorders<Unused>::installed = install_debug_recorders<Unused>();

}  // namespace detail

// Templates only so that their bodies, and the recorders they install, are compiled where they
// are called: call them as plain functions.
template <class Unused = void>
DebugLog debug_log() {
    static_cast<void>(detail::DebugRecorders<Unused>::installed);
    return detail::debug_log_state().copy();
}

template <class Unused = void>
void clear_debug_log() {
    static_cast<void>(detail::DebugRecorders<Unused>::installed);
    detail::debug_log_state().change([](DebugLog& log) { log = DebugLog(); });
}

IISFAKE_END_NAMESPACE

#endif
