#ifndef IISFAKE_MISUSE_HPP_INCLUDED
#define IISFAKE_MISUSE_HPP_INCLUDED

// How a fake reports module code that misuses the API (a NULL the SDK requires, a header name
// that is not a token, a second read while one is pending...). Each fake owns one handler; the
// default throws MisuseError, whose message names the method and the rule. With any handler
// that returns, the fake goes on to return the HRESULT IIS returns.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "iisfake/detail/callback.hpp"
#include "iisfake/win_types.hpp"

IISFAKE_BEGIN_NAMESPACE

struct Misuse {
    std::string method;   // e.g. "IHttpRequest::SetHeader"
    std::string rule;     // e.g. "REQ-SH-1"
    std::string problem;  // what the module did
    HRESULT result;       // what the fake returns when the handler does not throw
    std::string outcome;  // that result in words, e.g. "returns E_INVALIDARG (0x80070057)"

    std::string message() const {
        return "iisfake: " + method + ": " + problem + " [" + rule + "]; " + outcome;
    }
};

class MisuseError : public std::logic_error {
public:
    explicit MisuseError(Misuse report)
        : std::logic_error(report.message()), report_(std::move(report)) {}
    const Misuse& report() const noexcept { return report_; }

private:
    Misuse report_;
};

using MisuseHandler = Callback<void(const Misuse&)>;

inline std::string hresult_text(HRESULT result) {
    static const char digits[] = "0123456789ABCDEF";
    std::string hex = "0x";
    const auto bits = static_cast<std::uint32_t>(result);
    for (int shift = 28; shift >= 0; shift -= 4) hex += digits[(bits >> shift) & 0xFu];
    return hex;
}

inline void throw_misuse(const Misuse& report) { throw MisuseError(report); }
inline void ignore_misuse(const Misuse&) {}

// Throws MisuseError for every rule but the ones listed, whose reports are only recorded
// (misuses() still lists them): for a test that commits one misuse on purpose and wants to hear
// of any other.
inline MisuseHandler throw_misuse_except(std::vector<std::string> rules) {
    return [rules = std::move(rules)](const Misuse& report) {
        for (const std::string& rule : rules)
            if (rule == report.rule) return;
        throw MisuseError(report);
    };
}

IISFAKE_END_NAMESPACE

#endif
