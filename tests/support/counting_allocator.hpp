// Counts every byte operator new hands out in the program that includes this header, so tests
// can bound memory growth with numbers that are the same on every machine (no timing).
// It replaces the global operator new and delete: include it from exactly one TU of a program.
// Not under ThreadSanitizer, whose runtime defines them itself: counting_enabled says whether
// the counts mean anything.
#ifndef IISFAKE_TESTS_SUPPORT_COUNTING_ALLOCATOR_HPP_INCLUDED
#define IISFAKE_TESTS_SUPPORT_COUNTING_ALLOCATOR_HPP_INCLUDED

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__SANITIZE_THREAD__)
#define IISFAKE_TEST_COUNTING 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define IISFAKE_TEST_COUNTING 0
#endif
#endif
#if !defined(IISFAKE_TEST_COUNTING)
#define IISFAKE_TEST_COUNTING 1
#endif

namespace iisfake_test {

constexpr bool counting_enabled = IISFAKE_TEST_COUNTING == 1;

inline std::atomic<std::size_t> live_bytes{0};
inline std::atomic<std::size_t> peak_bytes{0};

// Each block carries its size in front, kept to max_align_t so the block stays aligned.
constexpr std::size_t size_prefix = alignof(std::max_align_t);

inline void* counted_allocate(std::size_t size) {
    void* base = std::malloc(size + size_prefix);
    if (!base) throw std::bad_alloc();
    std::memcpy(base, &size, sizeof size);
    const std::size_t now = live_bytes.fetch_add(size) + size;
    std::size_t peak = peak_bytes.load();
    while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
    }
    return static_cast<char*>(base) + size_prefix;
}

inline void counted_release(void* block) noexcept {
    if (!block) return;
    char* base = static_cast<char*>(block) - size_prefix;
    std::size_t size = 0;
    std::memcpy(&size, base, sizeof size);
    live_bytes.fetch_sub(size);
    std::free(base);
}

inline void* counted_allocate_nothrow(std::size_t size) noexcept {
    try {
        return counted_allocate(size);
    } catch (...) {
        return nullptr;
    }
}

// The most memory live at once since it was made, over what was live then.
class PeakMeter {
public:
    PeakMeter() : start_(live_bytes.load()) { peak_bytes.store(start_); }
    std::size_t peak() const { return peak_bytes.load() - start_; }

private:
    std::size_t start_;
};

}  // namespace iisfake_test

#if IISFAKE_TEST_COUNTING
void* operator new(std::size_t size) { return iisfake_test::counted_allocate(size); }
void* operator new[](std::size_t size) { return iisfake_test::counted_allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return iisfake_test::counted_allocate_nothrow(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return iisfake_test::counted_allocate_nothrow(size);
}
void operator delete(void* block) noexcept { iisfake_test::counted_release(block); }
void operator delete[](void* block) noexcept { iisfake_test::counted_release(block); }
void operator delete(void* block, std::size_t) noexcept { iisfake_test::counted_release(block); }
void operator delete[](void* block, std::size_t) noexcept { iisfake_test::counted_release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept {
    iisfake_test::counted_release(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
    iisfake_test::counted_release(block);
}
#endif

#endif
