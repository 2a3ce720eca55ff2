#ifndef IISFAKE_DETAIL_CALLBACK_HPP_INCLUDED
#define IISFAKE_DETAIL_CALLBACK_HPP_INCLUDED

// A copyable, type-erased callable, like std::function but without <functional>, which alone
// costs about a third of a bare test TU's compile time. Accepts lambdas, function pointers and
// std::function objects alike.

#include <memory>
#include <type_traits>
#include <utility>

#include "iisfake/config.hpp"

IISFAKE_BEGIN_NAMESPACE

template <class Signature>
class Callback;

template <class Result, class... Args>
class Callback<Result(Args...)> {
public:
    Callback() noexcept = default;
    Callback(std::nullptr_t) noexcept {}  // NOLINT: implicit, as std::function's
    template <class F, class = typename std::enable_if<
                           !std::is_same<typename std::decay<F>::type, Callback>::value>::type>
    Callback(F&& function)  // NOLINT: implicit, as std::function's
        : target_(make(std::forward<F>(function))) {}
    Callback(const Callback& other) : target_(other.target_ ? other.target_->clone() : nullptr) {}
    Callback(Callback&&) noexcept = default;
    Callback& operator=(const Callback& other) {
        if (this != &other) target_.reset(other.target_ ? other.target_->clone() : nullptr);
        return *this;
    }
    Callback& operator=(Callback&&) noexcept = default;
    ~Callback() = default;

    explicit operator bool() const noexcept { return target_ != nullptr; }
    Result operator()(Args... args) const { return target_->call(std::forward<Args>(args)...); }

private:
    struct Target {
        virtual ~Target() = default;
        virtual Result call(Args... args) = 0;
        virtual Target* clone() const = 0;
    };
    template <class F>
    struct Holder final : Target {
        explicit Holder(F f) : function(std::move(f)) {}
        Result call(Args... args) override { return function(std::forward<Args>(args)...); }
        Target* clone() const override { return new Holder(function); }
        F function;
    };
    template <class F>
    static Target* make(F&& function) {
        using Stored = typename std::decay<F>::type;
        return new Holder<Stored>(Stored(std::forward<F>(function)));
    }

    std::unique_ptr<Target> target_;
};

IISFAKE_END_NAMESPACE

#endif
