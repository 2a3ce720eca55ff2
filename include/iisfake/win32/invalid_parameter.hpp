#ifndef IISFAKE_WIN32_INVALID_PARAMETER_HPP_INCLUDED
#define IISFAKE_WIN32_INVALID_PARAMETER_HPP_INCLUDED

// The secure CRT's invalid-parameter contract off Windows (T-19). A *_s function given a NULL
// destination, a zero size, a buffer too small without _TRUNCATE... calls
// iisfake::win32::detail::invalid_parameter(expression, function): it records {function,
// expression} (iisfake::win32::invalid_parameters()), then calls the handler a test or the module
// set with _set_invalid_parameter_handler. With no handler it throws
// iisfake::win32::InvalidParameter, where MSVC would end the process. When a handler returns, the
// function returns MSVC's error code and leaves its outputs as MSVC does.

#include "iisfake/win_types.hpp"

#if !defined(_WIN32)

#include <cerrno>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "iisfake/win32/utf8.hpp"

// MSVC's handler type: (expression, function, file, line, reserved). The release CRT passes NULL
// strings; iisfake passes the expression and the function's name, and NULL for the file.
typedef void (*_invalid_parameter_handler)(const wchar_t* expression, const wchar_t* function,
                                           const wchar_t* file, unsigned int line,
                                           std::uintptr_t reserved);

IISFAKE_BEGIN_NAMESPACE
namespace win32 {

struct InvalidParameterRecord {
    std::string function;    // UTF-8, e.g. "strcpy_s"
    std::string expression;  // UTF-8, e.g. "Buffer is too small"
};

// What a module's contract violation throws when no handler is set.
class InvalidParameter : public std::logic_error {
public:
    InvalidParameter(const std::string& function, const std::string& expression)
        : std::logic_error(function +
                           ": invalid parameter (MSVC would end the process): " + expression),
          function_(function),
          expression_(expression) {}
    const std::string& function() const noexcept { return function_; }
    const std::string& expression() const noexcept { return expression_; }

private:
    std::string function_;
    std::string expression_;
};

namespace detail {

struct InvalidParameterState {
    std::mutex mutex;
    std::vector<InvalidParameterRecord> records;
    _invalid_parameter_handler handler = nullptr;
};

inline InvalidParameterState& invalid_parameter_state() {
    static InvalidParameterState state;
    return state;
}

// Records the violation and reports it: the handler if one is set (then returns), else throws.
inline void invalid_parameter(const wchar_t* expression, const wchar_t* function) {
    InvalidParameterRecord record;
    record.function = u8_from_wide(function ? function : L"");
    record.expression = u8_from_wide(expression ? expression : L"");
    _invalid_parameter_handler handler = nullptr;
    {
        InvalidParameterState& state = invalid_parameter_state();
        std::lock_guard<std::mutex> lock(state.mutex);
        state.records.push_back(record);
        handler = state.handler;
    }
    if (handler == nullptr) throw InvalidParameter(record.function, record.expression);
    handler(expression, function, nullptr, 0, 0);
}

// The common shape: report, set errno as the CRT does, and hand back the code to return.
inline int invalid_parameter_errno(const wchar_t* expression, const wchar_t* function, int code) {
    invalid_parameter(expression, function);
    errno = code;
    return code;
}

}  // namespace detail

// Every invalid parameter reported since the last clear, oldest first.
template <class Unused = void>
inline std::vector<InvalidParameterRecord> invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.records;
}

template <class Unused = void>
inline void clear_invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
}

// clear_invalid_parameters() and no handler (violations throw again).
template <class Unused = void>
inline void reset_invalid_parameters() {
    detail::InvalidParameterState& state = detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    state.records.clear();
    state.handler = nullptr;
}

}  // namespace win32
IISFAKE_END_NAMESPACE

// Returns the previous handler; NULL restores the default (here: throw InvalidParameter).
inline _invalid_parameter_handler _set_invalid_parameter_handler(_invalid_parameter_handler pNew) {
    ::iisfake::win32::detail::InvalidParameterState& state =
        ::iisfake::win32::detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    _invalid_parameter_handler old = state.handler;
    state.handler = pNew;
    return old;
}

inline _invalid_parameter_handler _get_invalid_parameter_handler(void) {
    ::iisfake::win32::detail::InvalidParameterState& state =
        ::iisfake::win32::detail::invalid_parameter_state();
    std::lock_guard<std::mutex> lock(state.mutex);
    return state.handler;
}

#endif  // !_WIN32

#endif
