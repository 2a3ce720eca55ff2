#ifndef IISFAKE_DETAIL_STORAGE_HPP_INCLUDED
#define IISFAKE_DETAIL_STORAGE_HPP_INCLUDED

// Server-owned memory of a fake request: every string and array the fake hands out lives here
// until the fake is destroyed (IIS: "until the request ends"), so pointers module code keeps
// stay readable. Replaced blocks can be poisoned instead (Options::poison_replaced_values): they
// stay allocated, so a stale pointer reads "<stale>" rather than freed memory.

#include <cstddef>
#include <cstring>
#include <memory>
#include <vector>

#include "iisfake/config.hpp"

IISFAKE_BEGIN_NAMESPACE
namespace detail {

constexpr char stale_text[] = "<stale>";

// Overwrites n elements with "<stale><stale>...", leaving the terminator after them alone.
template <class T>
void poison_text(T* data, std::size_t n) noexcept {
    for (std::size_t i = 0; i < n; ++i)
        data[i] = static_cast<T>(stale_text[i % (sizeof stale_text - 1)]);
}

template <class T>
class Pool {
public:
    // n elements, value-initialised, plus one more so strings always have a terminator.
    T* make(std::size_t n) {
        blocks_.push_back(Block{std::unique_ptr<T[]>(new T[n + 1]()), n});
        return blocks_.back().data.get();
    }
    T* copy(const T* source, std::size_t n) {
        T* out = make(n);
        if (n) std::memcpy(out, source, n * sizeof(T));
        return out;
    }
    // Writable access to a block this pool made, found by its const pointer; an empty result
    // for a pointer it did not make (memory module code owns is never touched).
    struct Found {
        T* data;
        std::size_t size;
    };
    Found find(const T* p) noexcept {
        for (auto it = blocks_.rbegin(); p && it != blocks_.rend(); ++it)
            if (it->data.get() == p) return Found{it->data.get(), it->size};
        return Found{nullptr, 0};
    }

private:
    struct Block {
        std::unique_ptr<T[]> data;
        std::size_t size;
    };
    std::vector<Block> blocks_;
};

}  // namespace detail
IISFAKE_END_NAMESPACE

#endif
