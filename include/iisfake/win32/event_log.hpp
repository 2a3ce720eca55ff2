#ifndef IISFAKE_WIN32_EVENT_LOG_HPP_INCLUDED
#define IISFAKE_WIN32_EVENT_LOG_HPP_INCLUDED

// The event log for module code off Windows (T-19): RegisterEventSource, ReportEvent and
// DeregisterEventSource record into iisfake::win32::event_log() (never a real log) for tests to
// read. Module samples sometimes hand wide strings to the narrow functions (or narrow ones to the
// wide functions); template overloads accept that too, without making NULL, 0 or nullptr
// ambiguous.

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "iisfake/win32/process.hpp"

#define EVENTLOG_SUCCESS 0x0000
#define EVENTLOG_ERROR_TYPE 0x0001
#define EVENTLOG_WARNING_TYPE 0x0002
#define EVENTLOG_INFORMATION_TYPE 0x0004
#define EVENTLOG_AUDIT_SUCCESS 0x0008
#define EVENTLOG_AUDIT_FAILURE 0x0010

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

// One ReportEvent call. strings are UTF-8 (narrow strings are taken to be UTF-8); wide: the call
// was ReportEventW, or passed wide strings.
struct EventRecord {
    std::string source;
    WORD type;
    WORD category;
    DWORD event_id;
    std::vector<std::string> strings;
    std::vector<unsigned char> data;
    bool wide;
};

namespace detail {

struct EventLogState {
    std::mutex mutex;
    std::vector<EventRecord> records;
    std::map<std::uintptr_t, std::string> sources;  // open handles
    std::uintptr_t next = 0xE000;
};

inline EventLogState& event_log_state() {
    static EventLogState state;
    return state;
}

inline HANDLE register_event_source(const char* server_utf8, const std::string* source) {
    static_cast<void>(server_utf8);  // a remote server is taken to be this machine
    if (source == nullptr) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return nullptr;
    }
    EventLogState& state = event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    const std::uintptr_t value = state.next;
    state.next += 4;
    state.sources[value] = *source;
    return reinterpret_cast<HANDLE>(value);
}

template <class Char>
inline std::string event_string_utf8(const Char* text);
template <>
inline std::string event_string_utf8<char>(const char* text) {
    return std::string(text);
}
template <>
inline std::string event_string_utf8<wchar_t>(const wchar_t* text) {
    return narrow_utf8(text);
}

// Strings of either width; wNumStrings > 0 with no array, a NULL string, or data without a
// buffer: FALSE, ERROR_INVALID_PARAMETER.
template <class Char>
inline BOOL report_event(HANDLE handle, WORD type, WORD category, DWORD event_id, WORD string_count,
                         DWORD data_size, const Char* const* strings, const void* data, bool wide) {
    EventRecord record;
    {
        EventLogState& state = event_log_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        auto found = state.sources.find(reinterpret_cast<std::uintptr_t>(handle));
        if (found == state.sources.end()) {
            SetLastError(ERROR_INVALID_HANDLE);
            return FALSE;
        }
        record.source = found->second;
    }
    if ((string_count > 0 && strings == nullptr) || (data_size > 0 && data == nullptr)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (WORD i = 0; i < string_count; ++i) {
        if (strings[i] == nullptr) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        record.strings.push_back(event_string_utf8<Char>(strings[i]));
    }
    record.type = type;
    record.category = category;
    record.event_id = event_id;
    const auto* bytes = static_cast<const unsigned char*>(data);
    if (data_size > 0) record.data.assign(bytes, bytes + data_size);
    record.wide = wide;
    EventLogState& state = event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.push_back(record);
    return TRUE;
}

template <class T, class Char>
struct is_string_pointer_of
    : std::integral_constant<
          bool, std::is_same<typename std::remove_cv<T>::type, Char*>::value ||
                    std::is_same<typename std::remove_cv<T>::type, const Char*>::value> {};

}  // namespace detail

// ---- state API -----------------------------------------------------------------------------
template <class Unused = void>
inline std::vector<EventRecord> event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.records;
}
template <class Unused = void>
inline void clear_event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
}
// Sources registered and not deregistered, in registration order.
template <class Unused = void>
inline std::vector<std::string> open_event_sources() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    std::vector<std::string> out;
    for (const auto& entry : state.sources) out.push_back(entry.second);
    return out;
}
// Clears the log and forgets every source handle.
template <class Unused = void>
inline void reset_event_log() {
    detail::EventLogState& state = detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
    state.sources.clear();
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// ---- sources -------------------------------------------------------------------------------
// A NULL source: NULL, ERROR_INVALID_PARAMETER. The server name is ignored.
inline HANDLE WINAPI RegisterEventSourceA(LPCSTR lpUNCServerName, LPCSTR lpSourceName) {
    if (lpSourceName == nullptr)
        return ::iisfake::win32::detail::register_event_source(lpUNCServerName, nullptr);
    const std::string source(lpSourceName);
    return ::iisfake::win32::detail::register_event_source(lpUNCServerName, &source);
}
inline HANDLE WINAPI RegisterEventSourceW(LPCWSTR lpUNCServerName, LPCWSTR lpSourceName) {
    static_cast<void>(lpUNCServerName);
    if (lpSourceName == nullptr)
        return ::iisfake::win32::detail::register_event_source(nullptr, nullptr);
    const std::string source = ::iisfake::win32::detail::narrow_utf8(lpSourceName);
    return ::iisfake::win32::detail::register_event_source(nullptr, &source);
}
// The other width's source name (only a wide pointer deduces W, only a narrow one N).
template <class W, class = typename std::enable_if<std::is_same<W, wchar_t>::value>::type>
inline HANDLE WINAPI RegisterEventSourceA(LPCSTR lpUNCServerName, const W* lpSourceName) {
    static_cast<void>(lpUNCServerName);
    return RegisterEventSourceW(nullptr, lpSourceName);
}
template <class W, class = typename std::enable_if<std::is_same<W, wchar_t>::value>::type>
inline HANDLE WINAPI RegisterEventSourceA(const W* lpUNCServerName, const W* lpSourceName) {
    return RegisterEventSourceW(lpUNCServerName, lpSourceName);
}
template <class N, class = typename std::enable_if<std::is_same<N, char>::value>::type>
inline HANDLE WINAPI RegisterEventSourceW(LPCWSTR lpUNCServerName, const N* lpSourceName) {
    static_cast<void>(lpUNCServerName);
    return RegisterEventSourceA(nullptr, lpSourceName);
}
template <class N, class = typename std::enable_if<std::is_same<N, char>::value>::type>
inline HANDLE WINAPI RegisterEventSourceW(const N* lpUNCServerName, const N* lpSourceName) {
    return RegisterEventSourceA(lpUNCServerName, lpSourceName);
}

// An unknown or deregistered handle: FALSE, ERROR_INVALID_HANDLE.
inline BOOL WINAPI DeregisterEventSource(HANDLE hEventLog) {
    ::iisfake::win32::detail::EventLogState& state = ::iisfake::win32::detail::event_log_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    if (state.sources.erase(reinterpret_cast<std::uintptr_t>(hEventLog)) == 0) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

// ---- reports -------------------------------------------------------------------------------
inline BOOL WINAPI ReportEventA(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize,
                                LPCSTR* lpStrings, LPVOID lpRawData) {
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<char>(hEventLog, wType, wCategory, dwEventID,
                                                        wNumStrings, dwDataSize, lpStrings,
                                                        lpRawData, false);
}
inline BOOL WINAPI ReportEventW(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize,
                                LPCWSTR* lpStrings, LPVOID lpRawData) {
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<wchar_t>(hEventLog, wType, wCategory, dwEventID,
                                                           wNumStrings, dwDataSize, lpStrings,
                                                           lpRawData, true);
}
// The other width's strings, and the non-const or const-qualified arrays (LPWSTR*, LPSTR*,
// LPCWSTR const*...), through either function. Only a pointer to a string pointer deduces S, so
// NULL, 0 and nullptr still pick the exact signature above.
template <class S, class = typename std::enable_if<
                       ::iisfake::win32::detail::is_string_pointer_of<S, wchar_t>::value ||
                       ::iisfake::win32::detail::is_string_pointer_of<S, char>::value>::type>
inline BOOL WINAPI ReportEventA(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize, S* lpStrings,
                                LPVOID lpRawData) {
    typedef typename std::remove_cv<
        typename std::remove_pointer<typename std::remove_cv<S>::type>::type>::type Char;
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<Char>(
        hEventLog, wType, wCategory, dwEventID, wNumStrings, dwDataSize, lpStrings, lpRawData,
        std::is_same<Char, wchar_t>::value);
}
template <class S, class = typename std::enable_if<
                       ::iisfake::win32::detail::is_string_pointer_of<S, wchar_t>::value ||
                       ::iisfake::win32::detail::is_string_pointer_of<S, char>::value>::type>
inline BOOL WINAPI ReportEventW(HANDLE hEventLog, WORD wType, WORD wCategory, DWORD dwEventID,
                                PSID lpUserSid, WORD wNumStrings, DWORD dwDataSize, S* lpStrings,
                                LPVOID lpRawData) {
    typedef typename std::remove_cv<
        typename std::remove_pointer<typename std::remove_cv<S>::type>::type>::type Char;
    static_cast<void>(lpUserSid);
    return ::iisfake::win32::detail::report_event<Char>(hEventLog, wType, wCategory, dwEventID,
                                                        wNumStrings, dwDataSize, lpStrings,
                                                        lpRawData, true);
}

#if defined(UNICODE)
#define RegisterEventSource RegisterEventSourceW
#define ReportEvent ReportEventW
#else
#define RegisterEventSource RegisterEventSourceA
#define ReportEvent ReportEventA
#endif

#endif  // !_WIN32

#endif
