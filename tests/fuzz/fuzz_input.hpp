// What both fuzzers share: how an input is read, and how a broken invariant stops the run.
#ifndef IISFAKE_TESTS_FUZZ_INPUT_HPP_INCLUDED
#define IISFAKE_TESTS_FUZZ_INPUT_HPP_INCLUDED

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace fuzz {

// Stops the run with a message libFuzzer shows next to the input that caused it.
[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}
#define EXPECT(condition) ((condition) ? void(0) : ::fuzz::broken(#condition))

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool empty() const { return pos_ >= size_; }
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    bool flag() { return byte() & 1u; }
    // Little-endian. Every read is its own statement: the order of evaluation of function
    // arguments and operands is unspecified, and the input format must not depend on it.
    std::uint16_t u16() {
        const unsigned low = byte();
        const unsigned high = byte();
        return static_cast<std::uint16_t>(low | high << 8);
    }
    std::uint32_t u32() {
        const std::uint32_t low = u16();
        const std::uint32_t high = u16();
        return low | high << 16;
    }
    // A length byte, then that many bytes (fewer when the input runs out).
    std::string text() {
        const std::size_t length = byte();
        std::string out;
        while (out.size() < length && !empty()) out += static_cast<char>(byte());
        return out;
    }
    template <std::size_t N>
    const char* pick(const char* const (&choices)[N]) {
        return choices[byte() % N];
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

}  // namespace fuzz

#endif
