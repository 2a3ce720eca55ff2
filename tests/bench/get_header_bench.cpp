// Benchmark (issue 3 item 8a): IHttpRequest::GetHeader(PCSTR) on a FakeHttpRequest against a
// case-insensitive std::unordered_map holding the same headers. Not a test: it prints numbers.
// It exits non-zero only when a built-in correctness check fails (both sides must find the same
// values for every name), which is what the bench-smoke ctest checks.
//
//   iisfake_bench_get_header [lookups] [runs]     # defaults: 1000000 lookups, 7 runs
//
// The request holds 20 headers: 10 known (Host, User-Agent, ...) and 10 unknown
// (X-Forwarded-For, MS-ASPNETCORE-TOKEN, ...). Lookups cycle through 32 names in mixed case:
// 24 present (each of the 20 once, 4 twice in another case), 8 absent (4 known, 4 unknown).
//
// Fairness: module code holds a `const char*` name, as GetHeader takes. With the map a C++17
// user writes `map.find(name)`, which builds a std::string temporary (no heterogeneous lookup
// for unordered_map before C++20): that is the baseline the ratio uses. A second baseline
// looks up pre-built std::string keys (no conversion at all) and is printed for reference.
//
// Each run builds a fresh FakeHttpRequest outside the timed region, so the call log grows from
// empty exactly as in a test. Runs of the fake and the map are interleaved; medians are
// reported. Lengths found are accumulated and stored to a volatile sink after every run.
// Timing uses process CPU time (std::clock; user + system, so the call log's page faults
// count), steadier than wall time on a shared machine; wall time is printed alongside.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "iisfake/iisfake.hpp"

namespace {

// The map's case-insensitive hash and equality, as a careful user writes them: ASCII folding
// (HTTP names are ASCII), independent of iisfake's own helpers so a library change cannot move
// the baseline.
char fold(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

struct CiHash {
    std::size_t operator()(const std::string& s) const noexcept {
        std::size_t h = 14695981039346656037ull;  // FNV-1a over folded bytes
        for (char c : s) {
            h ^= static_cast<unsigned char>(fold(c));
            h *= 1099511628211ull;
        }
        return h;
    }
};

struct CiEqual {
    bool operator()(const std::string& a, const std::string& b) const noexcept {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (fold(a[i]) != fold(b[i])) return false;
        return true;
    }
};

using HeaderMap = std::unordered_map<std::string, std::string, CiHash, CiEqual>;

const std::pair<const char*, const char*> request_headers[] = {
    // Known request headers (HTTP_HEADER_ID slots).
    {"Host", "www.example.com"},
    {"User-Agent",
     "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
     "Gecko) Chrome/124.0.0.0 Safari/537.36"},
    {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
    {"Accept-Encoding", "gzip, deflate, br"},
    {"Cookie", "session=3f2a9c1d0b7e4f6a8c5d2e1f0a9b8c7d; theme=dark; lang=en-GB"},
    {"Content-Type", "application/json; charset=utf-8"},
    {"Content-Length", "348"},
    {"Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"},
    {"Referer", "https://www.example.com/orders/1234"},
    {"Connection", "keep-alive"},
    // Unknown headers (pUnknownHeaders entries).
    {"X-Forwarded-For", "203.0.113.195, 70.41.3.18, 150.172.238.178"},
    {"X-Forwarded-Proto", "https"},
    {"X-Forwarded-Host", "www.example.com"},
    {"X-Request-Id", "f058ebd6-02f7-4d3f-942e-904344e8cde5"},
    {"X-Correlation-Id", "0HMVD9KQ5S1P7:00000002"},
    {"MS-ASPNETCORE-TOKEN", "a7c3e6f1-5b2d-4e8a-9c0f-1d2e3f4a5b6c"},
    {"X-Original-URL", "/orders/1234?expand=items"},
    {"X-ARR-LOG-ID", "9b1c0e7a-33d4-4c2b-8f5e-6a7b8c9d0e1f"},
    {"Sec-Fetch-Mode", "navigate"},
    {"Origin", "https://www.example.com"},
};

// What module code asks for: mixed case, some absent.
const char* const lookup_names[] = {
    "Host",
    "user-agent",
    "ACCEPT",
    "Accept-Encoding",
    "cookie",
    "Content-Type",
    "content-length",
    "Authorization",
    "REFERER",
    "Connection",
    "X-Forwarded-For",
    "x-forwarded-proto",
    "X-FORWARDED-HOST",
    "X-Request-ID",
    "x-correlation-id",
    "MS-ASPNETCORE-TOKEN",
    "X-Original-URL",
    "x-arr-log-id",
    "Sec-Fetch-Mode",
    "origin",
    "HOST",
    "x-forwarded-for",
    "content-type",
    "Ms-AspNetCore-Token",
    "If-None-Match",
    "range",
    "Accept-Language",
    "IF-MODIFIED-SINCE",
    "X-Api-Key",
    "x-powered-by",
    "Sec-WebSocket-Key",
    "X-HTTP-Method-Override",
};
constexpr std::size_t name_count = sizeof lookup_names / sizeof lookup_names[0];

volatile std::uint64_t sink = 0;

iisfake::RequestBuilder make_spec(bool record_calls) {
    iisfake::RequestBuilder spec;
    spec.method("POST").url("/orders/1234?expand=items");
    for (const auto& header : request_headers) spec.header(header.first, header.second);
    iisfake::Options knobs;
    knobs.record_calls = record_calls;
    spec.options(knobs);
    return spec;
}

HeaderMap make_map() {
    HeaderMap map;
    for (const auto& header : request_headers) map.emplace(header.first, header.second);
    return map;
}

// Process CPU time (std::clock: user + system on POSIX, so page faults count) is what the
// ratios use: it is steadier than wall time on a shared machine. Wall time is printed too.
struct Sample {
    double cpu_ns;   // per lookup
    double wall_ns;  // per lookup
};

class Stopwatch {
public:
    Stopwatch() : cpu_(std::clock()), wall_(std::chrono::steady_clock::now()) {}
    Sample per(std::size_t count) const {
        const double cpu = static_cast<double>(std::clock() - cpu_) / CLOCKS_PER_SEC;
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
        return Sample{cpu * 1e9 / static_cast<double>(count),
                      wall * 1e9 / static_cast<double>(count)};
    }

private:
    std::clock_t cpu_;
    std::chrono::steady_clock::time_point wall_;
};

// The timed loops. Each stores the sum of value lengths in `total`.
Sample time_fake(bool record_calls, std::size_t lookups, std::uint64_t& total,
                 std::size_t& logged) {
    iisfake::FakeHttpRequest fake(make_spec(record_calls));
    // Module code only ever sees the interface; the volatile read keeps the compiler from
    // devirtualising the call.
    IHttpRequest* volatile through = &fake;
    IHttpRequest* request = through;
    std::uint64_t sum = 0;
    const Stopwatch watch;
    for (std::size_t i = 0; i < lookups; ++i) {
        USHORT length = 0;
        if (request->GetHeader(lookup_names[i % name_count], &length)) sum += length;
    }
    const Sample sample = watch.per(lookups);
    sink = sum;
    total = sum;
    logged = fake.calls().size();
    return sample;
}

Sample time_map(const HeaderMap& map, std::size_t lookups, std::uint64_t& total) {
    std::uint64_t sum = 0;
    const Stopwatch watch;
    for (std::size_t i = 0; i < lookups; ++i) {
        const auto found = map.find(lookup_names[i % name_count]);  // const char* -> std::string
        if (found != map.end()) sum += found->second.size();
    }
    const Sample sample = watch.per(lookups);
    sink = sum;
    total = sum;
    return sample;
}

Sample time_map_prebuilt(const HeaderMap& map, const std::vector<std::string>& keys,
                         std::size_t lookups, std::uint64_t& total) {
    std::uint64_t sum = 0;
    const Stopwatch watch;
    for (std::size_t i = 0; i < lookups; ++i) {
        const auto found = map.find(keys[i % name_count]);
        if (found != map.end()) sum += found->second.size();
    }
    const Sample sample = watch.per(lookups);
    sink = sum;
    total = sum;
    return sample;
}

Sample median(const std::vector<Sample>& samples) {
    auto middle = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        const std::size_t mid = values.size() / 2;
        return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    };
    std::vector<double> cpu, wall;
    for (const Sample& sample : samples) {
        cpu.push_back(sample.cpu_ns);
        wall.push_back(sample.wall_ns);
    }
    return Sample{middle(cpu), middle(wall)};
}

bool parse_count(const char* text, std::size_t& out) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (!end || *end != '\0' || value == 0) return false;
    out = static_cast<std::size_t>(value);
    return true;
}

int failures = 0;

void check(bool ok, const std::string& what) {
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what.c_str());
        ++failures;
    }
}

// Every lookup name gives the same answer from the fake (through the interface) and the map.
void check_answers() {
    iisfake::FakeHttpRequest fake(make_spec(true));
    IHttpRequest* request = &fake;
    const HeaderMap map = make_map();
    check(map.size() == 20, "the map holds 20 headers");
    check(fake.headers().size() == 20, "the fake holds 20 headers (no default Host added)");
    for (const char* name : lookup_names) {
        USHORT length = 0;
        const char* value = request->GetHeader(name, &length);
        const auto found = map.find(name);
        if (found == map.end()) {
            check(value == nullptr && length == 0, std::string("absent from the fake: ") + name);
        } else {
            check(value != nullptr && std::string(value, length) == found->second,
                  std::string("same value from the fake and the map: ") + name);
        }
    }
    check(fake.calls().size() == name_count, "the call log holds one entry per lookup");
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t lookups = 1000000;
    std::size_t runs = 7;
    if ((argc > 1 && !parse_count(argv[1], lookups)) || (argc > 2 && !parse_count(argv[2], runs)) ||
        argc > 3) {
        std::fprintf(stderr, "usage: %s [lookups (default 1000000)] [runs (default 7)]\n", argv[0]);
        return 2;
    }

    check_answers();

    const HeaderMap map = make_map();
    std::vector<std::string> keys(lookup_names, lookup_names + name_count);
    std::vector<Sample> fake_on, fake_off, map_user, map_keys;
    std::uint64_t expected = 0;
    for (std::size_t run = 0; run < runs; ++run) {
        std::uint64_t total = 0;
        std::size_t logged = 0;
        map_user.push_back(time_map(map, lookups, expected));
        fake_on.push_back(time_fake(true, lookups, total, logged));
        check(total == expected, "the fake (call log on) found the same bytes as the map");
        check(logged == lookups, "the call log holds one entry per lookup");
        fake_off.push_back(time_fake(false, lookups, total, logged));
        check(total == expected, "the fake (call log off) found the same bytes as the map");
        check(logged == 0, "the call log stays empty with record_calls = false");
        map_keys.push_back(time_map_prebuilt(map, keys, lookups, total));
        check(total == expected, "pre-built keys find the same bytes");
    }

    const Sample m_user = median(map_user), m_keys = median(map_keys);
    const Sample f_on = median(fake_on), f_off = median(fake_off);
    std::printf(
        "GetHeader benchmark: %zu lookups x %zu runs (median), 20 headers, %zu names "
        "(8 absent); ns/lookup, CPU time [wall time]\n",
        lookups, runs, name_count);
    std::printf("  unordered_map, find(const char*) -> std::string : %8.2f [%8.2f]\n",
                m_user.cpu_ns, m_user.wall_ns);
    std::printf("  unordered_map, find(pre-built std::string)      : %8.2f [%8.2f]\n",
                m_keys.cpu_ns, m_keys.wall_ns);
    std::printf(
        "  FakeHttpRequest, call log on (default)          : %8.2f [%8.2f]  ratio %.2fx "
        "[%.2fx] (vs pre-built keys %.2fx)\n",
        f_on.cpu_ns, f_on.wall_ns, f_on.cpu_ns / m_user.cpu_ns, f_on.wall_ns / m_user.wall_ns,
        f_on.cpu_ns / m_keys.cpu_ns);
    std::printf(
        "  FakeHttpRequest, record_calls = false           : %8.2f [%8.2f]  ratio %.2fx "
        "[%.2fx] (vs pre-built keys %.2fx)\n",
        f_off.cpu_ns, f_off.wall_ns, f_off.cpu_ns / m_user.cpu_ns, f_off.wall_ns / m_user.wall_ns,
        f_off.cpu_ns / m_keys.cpu_ns);
    std::printf("  target <= 2x with defaults (CPU time): %s\n",
                f_on.cpu_ns / m_user.cpu_ns <= 2.0 ? "met" : "MISSED");
    if (failures) {
        std::fprintf(stderr, "%d correctness check(s) failed\n", failures);
        return 1;
    }
    return 0;
}
