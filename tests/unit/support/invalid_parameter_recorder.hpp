#ifndef IISFAKE_TESTS_INVALID_PARAMETER_RECORDER_HPP_INCLUDED
#define IISFAKE_TESTS_INVALID_PARAMETER_RECORDER_HPP_INCLUDED

// For tests of the secure CRT drop-ins: while alive, an invalid parameter is recorded and the
// function goes on to return MSVC's error code (a handler that returns), instead of throwing.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <iisfake/win32.hpp>

inline void iisfake_test_returning_handler(const wchar_t*, const wchar_t*, const wchar_t*,
                                           unsigned int, std::uintptr_t) {}

class InvalidParameterRecorder {
public:
    InvalidParameterRecorder()
        : previous_(_set_invalid_parameter_handler(iisfake_test_returning_handler)) {
        iisfake::win32::clear_invalid_parameters();
    }
    ~InvalidParameterRecorder() {
        _set_invalid_parameter_handler(previous_);
        iisfake::win32::clear_invalid_parameters();
    }
    InvalidParameterRecorder(const InvalidParameterRecorder&) = delete;
    InvalidParameterRecorder& operator=(const InvalidParameterRecorder&) = delete;

    std::size_t count() const { return iisfake::win32::invalid_parameters().size(); }
    std::string last_function() const {
        const std::vector<iisfake::win32::InvalidParameterRecord> all =
            iisfake::win32::invalid_parameters();
        return all.empty() ? std::string() : all.back().function;
    }

private:
    _invalid_parameter_handler previous_;
};

#endif
