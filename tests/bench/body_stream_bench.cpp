// Benchmark (issue 3 item 8b): streaming an on-demand body through IHttpRequest::ReadEntityBody
// (synchronous, 64 KiB buffer, until EOF) against memcpy of the same number of bytes in 64 KiB
// blocks. Not a test: it prints numbers. It exits non-zero only when a built-in correctness
// check fails (byte count, per-read position check, checksum, EOF, call log size), which is
// what the bench-smoke ctest checks.
//
//   iisfake_bench_body_stream [size] [runs]   # size in bytes, optional K/M/G suffix (binary);
//                                             # defaults: 4G, 3 runs (medians reported)
//
// The body is RequestBuilder::body(length, generator). Its byte at offset p is
// page_byte(p / 4096): the generator memsets each 4 KiB page run, so the content is a function
// of the offset alone whatever read sizes are used. The consumer (identical in every loop)
// sums the buffer as 64-bit words and checks the first and last byte of each read against
// page_byte; the fake's sum must equal the one computed from page_byte without streaming.
// The same phases also run without the word sum (first/last byte check only), which shows the
// fake's own cost against a bare memcpy.
//
// Each run goes: memcpy, the fake with record_calls = false, the fake with the default options
// (call log on: one entry per read, 65,537 for 4 GiB), then the same three without the sum.
// Timing is process CPU time (std::clock: user + system), steadier than wall time on a shared
// machine; wall time is printed in brackets. VmHWM (peak resident memory) is read from
// /proc/self/status after each phase; before each phase freed heap is returned (malloc_trim)
// and the peak is reset by writing 5 to /proc/self/clear_refs (Linux >= 4.0), so each figure
// is that phase's own peak, the process's baseline included. Where the reset is refused the
// figures are cumulative.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "iisfake/iisfake.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

constexpr DWORD buffer_size = 64 * 1024;
constexpr std::uint64_t page = 4096;

unsigned char page_byte(std::uint64_t page_index) noexcept {
    return static_cast<unsigned char>((page_index * 167u + 13u) & 0xFFu);
}

// The generator: cheap (one memset per 4 KiB page run), and a function of the offset only.
void generate(ULONGLONG offset, void* out, DWORD count) {
    unsigned char* bytes = static_cast<unsigned char*>(out);
    while (count > 0) {
        const std::uint64_t in_page = page - offset % page;
        const DWORD n = in_page < count ? static_cast<DWORD>(in_page) : count;
        std::memset(bytes, page_byte(offset / page), n);
        bytes += n;
        offset += n;
        count -= n;
    }
}

// Sum of the block as native-order 64-bit words (a short tail is zero-padded). Blocks start at
// multiples of 8 in the stream, so this is a sum over the stream's words whatever the block
// boundaries.
std::uint64_t word_sum(const unsigned char* data, std::size_t n) noexcept {
    std::uint64_t a = 0, b = 0, c = 0, d = 0;
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        std::uint64_t w[4];
        std::memcpy(w, data + i, sizeof w);
        a += w[0];
        b += w[1];
        c += w[2];
        d += w[3];
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, data + i, sizeof w);
        a += w;
    }
    if (i < n) {
        std::uint64_t w = 0;
        std::memcpy(&w, data + i, n - i);
        a += w;
    }
    return a + b + c + d;
}

// The same sum computed from page_byte without producing the stream.
std::uint64_t expected_sum(std::uint64_t size) {
    std::uint64_t sum = 0;
    for (std::uint64_t start = 0; start < size; start += page) {
        const std::uint64_t n = size - start < page ? size - start : page;
        unsigned char word[8];
        std::memset(word, page_byte(start / page), sizeof word);
        std::uint64_t full;
        std::memcpy(&full, word, sizeof full);
        sum += full * (n / 8);
        if (n % 8) {
            std::uint64_t tail = 0;
            std::memcpy(&tail, word, static_cast<unsigned>(n % 8));
            sum += tail;
        }
    }
    return sum;
}

struct Consumer {
    bool checksum = true;  // false: only the first/last byte check (to isolate the fake's cost)
    std::uint64_t bytes = 0;
    std::uint64_t sum = 0;
    std::uint64_t misplaced = 0;  // reads whose first or last byte is not the expected one

    void consume(const unsigned char* data, std::size_t n) noexcept {
        if (n == 0) return;
        if (data[0] != page_byte(bytes / page) || data[n - 1] != page_byte((bytes + n - 1) / page))
            ++misplaced;
        if (checksum) sum += word_sum(data, n);
        bytes += n;
    }
};

volatile std::uint64_t sink = 0;

// Process CPU time (std::clock: user + system) and wall time of a phase, in seconds.
struct Stopwatch {
    std::clock_t cpu = std::clock();
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
    double cpu_seconds() const { return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC; }
    double wall_seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    }
};

int failures = 0;

void check(bool ok, const std::string& what) {
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what.c_str());
        ++failures;
    }
}

// Peak resident memory so far, in KiB, or -1 where /proc/self/status is not available.
long long vm_hwm_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.compare(0, 6, "VmHWM:") == 0) return std::atoll(line.c_str() + 6);
    return -1;
}

bool reset_peak() {
#if defined(__GLIBC__)
    malloc_trim(0);  // hand freed heap (an earlier phase's call log) back, so RSS starts low
#endif
    std::ofstream clear("/proc/self/clear_refs");
    if (!clear) return false;
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

struct Result {
    double cpu_seconds;
    double wall_seconds;
    long long hwm_kib;
};

// The baseline: memcpy of the same total from a 64 KiB source block (which holds the first
// 64 KiB of the body), with the same consumer (its position check fails by design here, since
// the block repeats; only the work counts).
Result run_memcpy(std::uint64_t size, bool checksum) {
    std::vector<unsigned char> source(buffer_size), buffer(buffer_size);
    generate(0, source.data(), buffer_size);
    Consumer consumer;
    consumer.checksum = checksum;
    std::uint64_t done = 0;
    const Stopwatch watch;
    while (done < size) {
        const DWORD n = size - done < buffer_size ? static_cast<DWORD>(size - done) : buffer_size;
        std::memcpy(buffer.data(), source.data(), n);
        consumer.consume(buffer.data(), n);
        done += n;
    }
    const Result result{watch.cpu_seconds(), watch.wall_seconds(), vm_hwm_kib()};
    sink = consumer.sum + consumer.misplaced;
    check(consumer.bytes == size, "memcpy byte count");
    return result;
}

Result run_fake(std::uint64_t size, bool record_calls, bool checksum, std::uint64_t expected,
                const char* label) {
    iisfake::Options knobs;
    knobs.record_calls = record_calls;
    iisfake::FakeHttpRequest fake(iisfake::RequestBuilder()
                                      .method("POST")
                                      .url("/upload")
                                      .body(size, generate)
                                      .options(knobs));
    IHttpRequest* volatile through = &fake;  // module code sees only the interface
    IHttpRequest* request = through;
    std::vector<unsigned char> buffer(buffer_size);
    Consumer consumer;
    consumer.checksum = checksum;
    std::uint64_t reads = 0;
    HRESULT last = S_OK;
    DWORD last_bytes = 0;
    const Stopwatch watch;
    for (;;) {
        DWORD received = 0;
        last = request->ReadEntityBody(buffer.data(), buffer_size, FALSE, &received, nullptr);
        ++reads;
        last_bytes = received;
        if (FAILED(last) || received == 0) break;
        consumer.consume(buffer.data(), received);
    }
    const Result result{watch.cpu_seconds(), watch.wall_seconds(), vm_hwm_kib()};
    sink = consumer.sum;

    const std::string what = std::string(" (") + label + ")";
    check(last == HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) && last_bytes == 0,
          "the stream ends with ERROR_HANDLE_EOF and 0 bytes" + what);
    check(consumer.bytes == size,
          "byte count " + std::to_string(consumer.bytes) + " == " + std::to_string(size) + what);
    check(consumer.misplaced == 0, "every read starts and ends with the expected byte" + what);
    if (checksum) check(consumer.sum == expected, "checksum matches" + what);
    check(fake.body_consumed() == size, "body_consumed() == size" + what);
    const std::uint64_t full_reads = (size + buffer_size - 1) / buffer_size;
    check(reads == full_reads + 1, "one read per 64 KiB plus the EOF read" + what);
    check(fake.calls().size() == (record_calls ? reads : 0),
          "the call log holds one entry per read (none with record_calls = false)" + what);
    return result;
}

bool parse_size(const char* text, std::uint64_t& out) {
    char* end = nullptr;
    std::uint64_t value = std::strtoull(text, &end, 10);
    if (!end || end == text) return false;
    switch (*end) {
        case 'K':
        case 'k':
            value <<= 10;
            ++end;
            break;
        case 'M':
        case 'm':
            value <<= 20;
            ++end;
            break;
        case 'G':
        case 'g':
            value <<= 30;
            ++end;
            break;
        default:
            break;
    }
    if (*end == 'i' || *end == 'B') ++end;  // accept 4G, 4GiB, 4GB
    if (*end == 'B') ++end;
    if (*end != '\0' || value == 0) return false;
    out = value;
    return true;
}

double gib_per_s(std::uint64_t size, double seconds) {
    return static_cast<double>(size) / (1024.0 * 1024.0 * 1024.0) / seconds;
}

// The runs of one phase: median times, the largest per-run peak.
struct Phase {
    const char* label;
    std::vector<double> cpu, wall;
    long long hwm_kib = -1;

    void add(const Result& result) {
        cpu.push_back(result.cpu_seconds);
        wall.push_back(result.wall_seconds);
        if (result.hwm_kib > hwm_kib) hwm_kib = result.hwm_kib;
    }
    static double median(std::vector<double> values) {
        std::sort(values.begin(), values.end());
        const std::size_t mid = values.size() / 2;
        return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
    double cpu_rate(std::uint64_t size) const { return gib_per_s(size, median(cpu)); }
    double wall_rate(std::uint64_t size) const { return gib_per_s(size, median(wall)); }
};

void print_rate(const Phase& phase, const Phase& baseline, std::uint64_t size) {
    const double rate = phase.cpu_rate(size), wall = phase.wall_rate(size);
    std::printf("  %-48s: %6.2f GiB/s [%6.2f]", phase.label, rate, wall);
    if (&phase != &baseline)
        std::printf("  ratio to memcpy %.2f [%.2f]", rate / baseline.cpu_rate(size),
                    wall / baseline.wall_rate(size));
    std::printf("\n");
}

void print_hwm(const char* label, long long kib) {
    if (kib < 0)
        std::printf("  VmHWM %-42s: unavailable\n", label);
    else
        std::printf("  VmHWM %-42s: %6.2f MiB (target < 16 MiB: %s)\n", label,
                    static_cast<double>(kib) / 1024.0, kib < 16 * 1024 ? "met" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t size = 4ull << 30;
    unsigned long runs = 3;
    if ((argc > 1 && !parse_size(argv[1], size)) ||
        (argc > 2 && ((runs = std::strtoul(argv[2], nullptr, 10)) == 0)) || argc > 3) {
        std::fprintf(stderr,
                     "usage: %s [size in bytes, K/M/G suffix allowed (default 4G)] [runs "
                     "(default 3)]\n",
                     argv[0]);
        return 2;
    }
    const std::uint64_t expected = expected_sum(size);
    const long long start_hwm = vm_hwm_kib();

    Phase copy{"memcpy 64 KiB blocks + checksum", {}, {}};
    Phase off{"ReadEntityBody + checksum, record_calls=false", {}, {}};
    Phase on{"ReadEntityBody + checksum, call log on", {}, {}};
    Phase bare_copy{"memcpy 64 KiB blocks, no checksum", {}, {}};
    Phase bare_off{"ReadEntityBody, no checksum, record_calls=false", {}, {}};
    Phase bare_on{"ReadEntityBody, no checksum, call log on", {}, {}};
    bool reset = true;
    for (unsigned long run = 0; run < runs; ++run) {
        // Peak memory is reset before each phase, so each figure is that phase's own.
        reset = reset_peak() && reset;
        copy.add(run_memcpy(size, true));
        reset = reset_peak() && reset;
        off.add(run_fake(size, false, true, expected, "record_calls = false"));
        reset = reset_peak() && reset;
        on.add(run_fake(size, true, true, expected, "call log on"));
        reset = reset_peak() && reset;
        bare_copy.add(run_memcpy(size, false));
        reset = reset_peak() && reset;
        bare_off.add(run_fake(size, false, false, expected, "no checksum, record_calls = false"));
        reset = reset_peak() && reset;
        bare_on.add(run_fake(size, true, false, expected, "no checksum, call log on"));
    }

    const std::uint64_t reads = (size + buffer_size - 1) / buffer_size + 1;
    std::printf(
        "ReadEntityBody streaming benchmark: %llu bytes (%.3f GiB), 64 KiB synchronous "
        "reads (%llu calls incl. EOF), %lu runs (median); CPU time [wall time]\n",
        static_cast<unsigned long long>(size),
        static_cast<double>(size) / (1024.0 * 1024.0 * 1024.0),
        static_cast<unsigned long long>(reads), runs);
    print_rate(copy, copy, size);
    print_rate(off, copy, size);
    print_rate(on, copy, size);
    print_rate(bare_copy, bare_copy, size);
    print_rate(bare_off, bare_copy, size);
    print_rate(bare_on, bare_copy, size);
    std::printf("  peak memory (%s):\n", reset ? "per phase, reset via /proc/self/clear_refs"
                                               : "cumulative: /proc/self/clear_refs refused");
    print_hwm("at start", start_hwm);
    print_hwm("memcpy", copy.hwm_kib);
    print_hwm("fake, record_calls = false", off.hwm_kib);
    print_hwm("fake, record_calls = false, no checksum", bare_off.hwm_kib);
    print_hwm("fake, call log on", on.hwm_kib);
    print_hwm("fake, call log on, no checksum (at the end)", bare_on.hwm_kib);
    if (failures) {
        std::fprintf(stderr, "%d correctness check(s) failed\n", failures);
        return 1;
    }
    return 0;
}
