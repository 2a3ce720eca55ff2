#ifndef IISFAKE_HOOKS_HPP_INCLUDED
#define IISFAKE_HOOKS_HPP_INCLUDED

// What module code does that only a test can observe, and that the declarations themselves
// must carry out: a CHttpModule or CGlobalModule default handler that ran (a module subscribed
// to a notification and did not override its handler, T-9), OutputDebugString, DebugBreak.
// The declarations call through these pointers; the test side installs recorders
// (<iisfake/debug_log.hpp>, part of the umbrella). Without one, nothing is recorded, and
// DebugBreak never traps. Plain pointers, set once before any module runs.

#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE

struct Hooks {
    void (*unhandled_notification)(const char* method);  // e.g. "CHttpModule::OnBeginRequest"
    void (*debug_output)(const char* text);               // OutputDebugStringA
    void (*debug_output_wide)(const WCHAR* text);         // OutputDebugStringW
    void (*debug_break)();                                 // DebugBreak
};

inline Hooks& hooks() noexcept {
    static Hooks instance = {nullptr, nullptr, nullptr, nullptr};
    return instance;
}

IISFAKE_END_NAMESPACE

#endif
